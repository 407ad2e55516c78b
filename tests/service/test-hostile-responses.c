/* test-hostile-responses.c: what a broken or hostile server can send the client
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Regression tests of the findings of the fuzz targets (tests/fuzz, whose
 * corpus keeps each input) and of the hardening review. The program runs
 * with fatal criticals and warnings (g_test_init()), so a
 * g_return_if_fail() that a response can reach fails it too.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "inflow-api-error.h"
#include "inflow-call.h"
#include "inflow-client-private.h"
#include "inflow-client.h"
#include "inflow-json.h"
#include "inflow-request.h"
#include "inflow-test-utils.h"

/* About 75,000 levels overflow the 8 MiB stack in JSON-GLib 1.6.6 */
#define DEEP 200000

static GBytes *
deep_json (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (text, '[');

  return g_string_free_to_bytes (text);
}

static GError *
error_for_body (guint       status,
                const char *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return inflow_api_error_new_from_response (status, bytes, NULL, NULL);
}

/* fuzz-api-error (corpus/api-error/crash-error-member-not-a-string.bin):
 * json_object_get_string_member_with_default() fails with a critical on an
 * object or array where the message should be. */
static void
test_error_members_not_strings (void)
{
  g_autoptr(GError) error = error_for_body (400, "{\"error\": {\"a\": 1}, \"message\": [\"x\"],"
                                                 " \"errors\": [{\"message\": {}}]}");

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Vantage rejected the request as invalid.");
}

/* corpus/api-error/crash-lone-surrogate-in-message.bin: JSON-GLib turned
 * it into a message that is not UTF-8; such a body is not read now. */
static void
test_error_lone_surrogate (void)
{
  g_autoptr(GError) error = error_for_body (422, "{\"errors\": [\"bad \\udc00- value\"]}");

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Vantage rejected the request as invalid.");
}

/* fuzz-models (corpus/models/crash-parse-error-lone-surrogate.bin): the
 * parser's message quotes the broken string, and went into the message
 * the user sees. */
static void
test_parse_error_detail (void)
{
  g_autoptr(GError) detail = g_error_new_literal (JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                                                  "unexpected string \"\xed\xb0\x80\"");
  g_autoptr(GError) error = inflow_api_error_new_from_response (SOUP_STATUS_OK, NULL, detail, NULL);

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* A deep error body crashed the app in JSON-GLib before the depth check */
static void
test_error_deep_body (void)
{
  g_autoptr(GBytes) body = deep_json ();
  g_autoptr(GError) error = inflow_api_error_new_from_response (500, body, NULL, NULL);

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
}

/* inflow_call_check_next_link(), the rule fuzz-next-link checks */
static void
test_next_link (void)
{
  static const struct
  {
    const char *next;
    const char *followed;   /* NULL: refused */
  } cases[] = {
    { "https://api.vantage.sh/v2/integrations?page=2", "https://api.vantage.sh/v2/integrations?page=2" },
    { "/v2/integrations?page=3", "https://api.vantage.sh/v2/integrations?page=3" },
    { "?page=4", "https://api.vantage.sh/v2/integrations?page=4" },
    { "https://API.VANTAGE.SH:443/v2/x", "https://API.VANTAGE.SH/v2/x" },
    { "https://api.vantage.sh/v2/integrations?limit=100", NULL },       /* the page itself: a loop */
    { "https://evil.example/v2/integrations?page=2", NULL },
    { "https://api.vantage.sh@evil.example/v2", NULL },
    { "http://api.vantage.sh/v2/integrations?page=2", NULL },
    { "https://api.vantage.sh:444/v2", NULL },
    { "//evil.example/v2", NULL },
    { "javascript:alert(1)", NULL },
    { "https://[::1", NULL },
    /* corpus/next-link/crash-host-less-double-slash-path.bin: GLib parses
     * these to a URI without a host and a path starting with "//", which
     * g_uri_to_string_partial() refuses with a critical. */
    { "t:/.///s\t:\x0f", NULL },
    { "https:/.//x", NULL },
  };
  g_autoptr(GUri) base = g_uri_parse ("https://api.vantage.sh", SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) page = g_uri_parse ("https://api.vantage.sh/v2/integrations?limit=100", SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (seen, g_uri_to_string_partial (page, G_URI_HIDE_PASSWORD));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) next = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;

      g_test_message ("links.next: %s", cases[i].next);
      next = inflow_call_check_next_link (page, base, cases[i].next, seen, &key, &error);
      if (cases[i].followed != NULL)
        {
          g_autofree char *text = g_uri_to_string (next);

          g_assert_no_error (error);
          g_assert_cmpstr (text, ==, cases[i].followed);
          g_assert_cmpstr (key, ==, cases[i].followed);
        }
      else
        {
          g_assert_null (next);
          g_assert_null (key);
          g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
        }
    }
}

static GTimeSpan
observe_date (InflowClient *client,
              const char   *date)
{
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, "https://api.vantage.sh/v2/ping");

  soup_message_headers_replace (soup_message_get_response_headers (message), "Date", date);
  _inflow_client_observe_response (client, message);

  return inflow_client_get_clock_offset (client);
}

/* fuzz-http-date (corpus/http-date/seed-year-9999.bin, seed-year-1.bin): a
 * Date of year 9999 made inflow_client_get_now() return NULL a second
 * later; one of year 1 left no day to go back. Such a header is ignored. */
static void
test_date_header_out_of_range (void)
{
  g_autoptr(InflowClient) client = inflow_client_new ("https://api.vantage.sh", "vntg_tkn_test", NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) server_now = NULL;
  g_autofree char *date = NULL;

  g_assert_cmpint (observe_date (client, "Fri, 31 Dec 9999 23:59:59 GMT"), ==, 0);
  g_assert_cmpint (observe_date (client, "Mon, 01 Jan 0001 00:00:00 GMT"), ==, 0);

  /* A server a day ahead still counts */
  now = g_date_time_new_now_utc ();
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

    date = soup_date_time_to_string (tomorrow, SOUP_DATE_HTTP);
  }
  g_assert_cmpint (ABS (observe_date (client, date) - G_TIME_SPAN_DAY), <, 5 * G_TIME_SPAN_SECOND);

  /* and a broken Date after it does not undo it */
  g_assert_cmpint (ABS (observe_date (client, "Fri, 31 Dec 9999 23:59:59 GMT") - G_TIME_SPAN_DAY), <,
                   5 * G_TIME_SPAN_SECOND);

  server_now = inflow_client_get_now (client);
  g_assert_nonnull (server_now);
}

static void
test_retry_after (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 7, 1, 10, 0, 0);
  gint64 ms = 0;

  g_assert_true (inflow_request_parse_retry_after ("120", now, &ms));
  g_assert_cmpint (ms, ==, 120000);
  g_assert_true (inflow_request_parse_retry_after ("Wed, 01 Jul 2026 10:01:00 GMT", now, &ms));
  g_assert_cmpint (ms, ==, 60000);
  g_assert_true (inflow_request_parse_retry_after ("Fri, 31 Dec 9999 23:59:59 GMT", now, &ms));
  g_assert_cmpint (ms, >, 0);
  /* 68 years, and beyond: absurd, but an answer, not a missing header */
  g_assert_true (inflow_request_parse_retry_after ("2147483647", now, &ms));
  g_assert_cmpint (ms, ==, (gint64) G_MAXINT32 * 1000);
  g_assert_true (inflow_request_parse_retry_after ("2147483648", now, &ms));
  g_assert_cmpint (ms, >=, (gint64) G_MAXINT32 * 1000);
  g_assert_true (inflow_request_parse_retry_after ("99999999999999999999999999", now, &ms));
  g_assert_cmpint (ms, >=, (gint64) G_MAXINT32 * 1000);
  g_assert_false (inflow_request_parse_retry_after ("-5", now, &ms));
  g_assert_false (inflow_request_parse_retry_after ("", now, &ms));
  g_assert_false (inflow_request_parse_retry_after ("12a", now, &ms));
  g_assert_false (inflow_request_parse_retry_after ("soon", now, &ms));
  g_assert_false (inflow_request_parse_retry_after (NULL, now, &ms));
}

/* Over HTTP: a 200 with a deep body, and a redirect that GLib cannot print */

typedef struct
{
  SoupServer   *server;
  InflowClient *client;
  guint         n_rate_limited;
} Fixture;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  if (g_str_equal (path, "/v2/me"))
    {
      g_autoptr(GBytes) body = deep_json ();

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  else if (g_str_has_prefix (path, "/retry-after/"))
    {
      Fixture *fixture = user_data;

      fixture->n_rate_limited++;
      soup_server_message_set_status (msg, 429, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After",
                                    path + strlen ("/retry-after/"));
    }
  else if (g_str_equal (path, "/v2/ping"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                    "https:/.//x");
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
    }
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  GSList *uris;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fixture->client = inflow_client_new (base_url, "vntg_tkn_test", &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (fixture->client, 1, 1);
}

static gboolean
never_cb (gpointer data)
{
  return FALSE;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->client);
  inflow_test_wait_until (never_cb, NULL, 20);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
}

static void
test_deep_response (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);

  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "nested more than 512 levels deep"));
}

static void
test_unprintable_redirect (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_client_ping_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  g_assert_false (inflow_client_ping_finish (fixture->client, inflow_test_wait_result (&result), &error));
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
}

/* A Retry-After of 68 years or more: failed at once (no wait, no retry),
 * with words that make sense */
static void
test_absurd_retry_after (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const values[] = { "2147483647", "2147483648", "99999999999999999999" };

  inflow_client_set_retry_policy (fixture->client, 4, 1);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *path = g_strconcat ("/retry-after/", values[i], NULL);
      g_autoptr(GUri) uri = g_uri_parse (inflow_client_get_base_url (fixture->client), SOUP_HTTP_URI_FLAGS, NULL);
      g_autoptr(GUri) target = g_uri_parse_relative (uri, path, SOUP_HTTP_URI_FLAGS, NULL);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) error = NULL;

      fixture->n_rate_limited = 0;
      inflow_request_send_async (fixture->client, "GET", target, NULL, NULL, inflow_test_store_result_cb, &result);
      body = inflow_request_send_finish (fixture->client, inflow_test_wait_result (&result), NULL, &error);

      g_test_message ("Retry-After: %s: %s", values[i], error ? error->message : "(no error)");
      g_assert_null (body);
      g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED);
      g_assert_nonnull (strstr (error->message, "more than a week"));
      g_assert_cmpuint (fixture->n_rate_limited, ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/service/hostile/error-members-not-strings", test_error_members_not_strings);
  g_test_add_func ("/service/hostile/error-lone-surrogate", test_error_lone_surrogate);
  g_test_add_func ("/service/hostile/parse-error-detail", test_parse_error_detail);
  g_test_add_func ("/service/hostile/error-deep-body", test_error_deep_body);
  g_test_add_func ("/service/hostile/next-link", test_next_link);
  g_test_add_func ("/service/hostile/date-header-out-of-range", test_date_header_out_of_range);
  g_test_add_func ("/service/hostile/retry-after", test_retry_after);
  g_test_add ("/service/hostile/deep-response", Fixture, NULL, fixture_setup, test_deep_response, fixture_teardown);
  g_test_add ("/service/hostile/absurd-retry-after", Fixture, NULL, fixture_setup, test_absurd_retry_after,
              fixture_teardown);
  g_test_add ("/service/hostile/unprintable-redirect", Fixture, NULL, fixture_setup, test_unprintable_redirect,
              fixture_teardown);

  return inflow_test_run ();
}
