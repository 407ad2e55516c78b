/* test-api-error.c: the HTTP → InflowApiError mapping, base URL checks, origins
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "inflow-api-error.h"
#include "inflow-client.h"
#include "inflow-ingestion-format.h"
#include "inflow-json.h"
#include "inflow-request.h"
#include "inflow-test-utils.h"

static GError *
map_status (guint       status,
            const char *body)
{
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;

  return inflow_api_error_new_from_response (status, bytes, NULL, NULL);
}

static void
test_status_codes (void)
{
  static const struct {
    guint status;
    InflowApiError code;
  } cases[] = {
    { 400, INFLOW_API_ERROR_VALIDATION },
    { 401, INFLOW_API_ERROR_UNAUTHORIZED },
    { 402, INFLOW_API_ERROR_PAYMENT_REQUIRED },
    { 403, INFLOW_API_ERROR_FORBIDDEN },
    { 404, INFLOW_API_ERROR_NOT_FOUND },
    { 405, INFLOW_API_ERROR_FAILED },
    { 409, INFLOW_API_ERROR_FAILED },
    { 422, INFLOW_API_ERROR_VALIDATION },
    { 429, INFLOW_API_ERROR_RATE_LIMITED },
    { 500, INFLOW_API_ERROR_SERVER },
    { 502, INFLOW_API_ERROR_SERVER },
    { 503, INFLOW_API_ERROR_SERVER },
    { 504, INFLOW_API_ERROR_SERVER },
    { 300, INFLOW_API_ERROR_FAILED },
    { 200, INFLOW_API_ERROR_INVALID_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) without_body = map_status (cases[i].status, NULL);
      g_autoptr(GError) html_body = map_status (cases[i].status, "<html>Bad Gateway</html>");

      g_test_message ("HTTP %u: %s", cases[i].status, without_body->message);
      g_assert_error (without_body, INFLOW_API_ERROR, (gint) cases[i].code);
      g_assert_error (html_body, INFLOW_API_ERROR, (gint) cases[i].code);
      /* A sentence, never raw HTML */
      g_assert_cmpuint (strlen (without_body->message), >, 10);
      g_assert_null (strstr (html_body->message, "<html>"));
    }
}

static void
test_server_messages (void)
{
  g_autoptr(GError) validation = NULL;
  g_autoptr(GError) not_found = NULL;
  g_autoptr(GError) empty_list = NULL;
  g_autoptr(GError) server = NULL;

  validation = map_status (422, "{\"errors\": [\"Name can't be blank\", \"Workspace is invalid\"]}");
  g_assert_error (validation, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
  g_assert_cmpstr (validation->message, ==, "Name can't be blank; Workspace is invalid");

  not_found = map_status (404, "{\"errors\": [\"Integration not found.\"], \"links\": null}");
  g_assert_error (not_found, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (not_found->message, ==, "Integration not found.");

  /* No message in the body: the translated fallback */
  empty_list = map_status (400, "{\"errors\": []}");
  g_assert_error (empty_list, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);
  g_assert_cmpstr (empty_list->message, !=, "");

  server = map_status (503, "{\"errors\": [\"Maintenance\"]}");
  g_assert_error (server, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_assert_nonnull (strstr (server->message, "Maintenance"));
  g_assert_nonnull (strstr (server->message, "503"));
}

static void
test_forbidden_hint (void)
{
  g_autoptr(GError) plain = map_status (403, NULL);
  g_autoptr(GError) with_message = map_status (403, "{\"errors\": [\"You do not have access.\"]}");

  g_assert_error (plain, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (plain->message, "Write scope"));
  g_assert_nonnull (strstr (plain->message, "Everyone team"));

  g_assert_error (with_message, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_prefix (with_message->message, "You do not have access."));
  g_assert_nonnull (strstr (with_message->message, "Everyone team"));
}

static void
test_rate_limited_reset (void)
{
  g_autoptr(GDateTime) reset = g_date_time_new_utc (2026, 8, 4, 12, 34, 56);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = inflow_ingestion_format_when (reset, now);
  const char *json = "{\"errors\": [\"Rate limit exceeded\"]}";
  g_autoptr(GBytes) body = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = inflow_api_error_new_from_response (429, body, NULL, reset);
  g_autoptr(GError) unknown = inflow_api_error_new_from_response (429, NULL, NULL, NULL);

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "Rate limit exceeded"));
  g_assert_nonnull (strstr (error->message, expected));

  g_assert_error (unknown, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED);
}

/* The message of a 429 whose limit resets @from_now, and in @when the
 * one formatter's words for that moment */
static char *
rate_limited_message (GTimeSpan   from_now,
                      char      **when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) reset = g_date_time_add (now, from_now);
  g_autoptr(GError) error = inflow_api_error_new_from_response (429, NULL, NULL, reset);

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED);
  g_test_message ("In %" G_GINT64_FORMAT " s: %s", from_now / G_TIME_SPAN_SECOND, error->message);
  if (when != NULL)
    *when = inflow_ingestion_format_when (reset, now);

  return g_strdup (error->message);
}

/* The reset through the one formatter: its day when it is not today, its
 * year when not this year; a reset more than a week away is not believed
 * as a time */
static void
test_rate_limited_reset_day (void)
{
  g_autofree char *now_when = NULL;
  g_autofree char *two_days_when = NULL;
  g_autofree char *six_days_when = NULL;
  g_autofree char *now_message = rate_limited_message (0, &now_when);
  g_autofree char *in_two_days = rate_limited_message (2 * G_TIME_SPAN_DAY, &two_days_when);
  g_autofree char *in_six_days = rate_limited_message (6 * G_TIME_SPAN_DAY, &six_days_when);
  g_autofree char *in_a_year = rate_limited_message (400 * G_TIME_SPAN_DAY, NULL);
  g_autofree char *in_68_years = rate_limited_message ((GTimeSpan) G_MAXINT32 * G_TIME_SPAN_SECOND, NULL);

  g_assert_nonnull (strstr (now_message, now_when));
  g_assert_nonnull (strstr (in_two_days, two_days_when));
  g_assert_nonnull (strstr (in_six_days, six_days_when));

  g_assert_nonnull (strstr (in_a_year, "more than a week"));
  g_assert_nonnull (strstr (in_68_years, "more than a week"));
}

static void
test_transport_errors (void)
{
  g_autoptr(GError) tls = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                                               "Unacceptable TLS certificate");
  g_autoptr(GError) handshake = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_HANDSHAKE, "boom");
  g_autoptr(GError) refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                                                   "Connection refused");
  g_autoptr(GError) resolver = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                                                    "no such host");
  g_autoptr(GError) timeout = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timed out");
  g_autoptr(GError) partial = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                                   "Connection terminated unexpectedly");
  g_autoptr(GError) parsing = g_error_new_literal (SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING,
                                                   "Could not parse HTTP response");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Operation was cancelled");
  g_autoptr(GError) json = g_error_new_literal (JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_BAREWORD,
                                                "<data>:1:3: Parse error: unexpected identifier");
  g_autoptr(GError) model = g_error_new_literal (INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE,
                                                 "“token” should be a string but is a number");
  g_autoptr(GError) mapped = NULL;

  mapped = inflow_api_error_new_from_response (0, NULL, tls, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_TLS);
  g_clear_error (&mapped);

  mapped = inflow_api_error_new_from_response (0, NULL, handshake, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_TLS);
  g_clear_error (&mapped);

  mapped = inflow_api_error_new_from_response (0, NULL, refused, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_assert_null (strstr (mapped->message, "Connection refused"));
  g_clear_error (&mapped);

  mapped = inflow_api_error_new_from_response (0, NULL, resolver, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_clear_error (&mapped);

  mapped = inflow_api_error_new_from_response (0, NULL, timeout, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_clear_error (&mapped);

  /* No headers yet: the connection dropped */
  mapped = inflow_api_error_new_from_response (0, NULL, partial, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_clear_error (&mapped);

  /* Headers, then the body stopped: truncated */
  mapped = inflow_api_error_new_from_response (200, NULL, partial, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_clear_error (&mapped);

  mapped = inflow_api_error_new_from_response (0, NULL, parsing, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_clear_error (&mapped);

  /* Cancellation passes through as G_IO_ERROR_CANCELLED */
  mapped = inflow_api_error_new_from_response (0, NULL, cancelled, NULL);
  g_assert_error (mapped, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&mapped);

  /* Decoding errors keep their detail */
  mapped = inflow_api_error_new_from_response (200, NULL, json, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (mapped->message, "unexpected identifier"));
  g_clear_error (&mapped);

  mapped = inflow_api_error_new_from_response (200, NULL, model, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (mapped->message, "“token” should be a string"));
  g_clear_error (&mapped);

  /* A transport error wins over the status */
  mapped = inflow_api_error_new_from_response (500, NULL, tls, NULL);
  g_assert_error (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_TLS);
}

static void
test_base_urls (void)
{
  static const char * const accepted[] = {
    "https://api.vantage.sh",
    "https://api.vantage.sh/",
    "https://API.vantage.sh:8443/proxy/",
    "http://127.0.0.1:8080",
    "http://127.8.9.10",
    "http://localhost:1234",
    "http://[::1]:4000",
  };
  static const char * const insecure[] = {
    "http://api.vantage.sh",
    "http://192.168.1.10:8080",
    "http://10.0.0.1",
    "http://[::2]:80",
    "http://localhost.example.com",
    "http://127.0.0.1.nip.io",
    "ftp://api.vantage.sh",
    "file:///etc/passwd",
    "api.vantage.sh",
    "https://",
    "https://user:secret@api.vantage.sh",
    "https://api.vantage.sh/?q=1",
    "not a url at all",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InflowClient) client = inflow_client_new (accepted[i], "secret", &error);

      g_test_message ("%s → %s", accepted[i], client ? inflow_client_get_base_url (client) : "?");
      g_assert_no_error (error);
      g_assert_nonnull (client);
      g_assert_false (g_str_has_suffix (inflow_client_get_base_url (client), "/"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (insecure); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InflowClient) client = inflow_client_new (insecure[i], "secret", &error);

      g_test_message ("%s refused: %s", insecure[i], error ? error->message : "(accepted!)");
      g_assert_null (client);
      g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INSECURE_URL);
      /* Not even a password given in the URL is echoed */
      g_assert_null (strstr (error->message, "secret"));
    }

  {
    g_autoptr(InflowClient) client = inflow_client_new (NULL, NULL, NULL);

    g_assert_nonnull (client);
    g_assert_cmpstr (inflow_client_get_base_url (client), ==, INFLOW_CLIENT_DEFAULT_BASE_URL);
  }
}

static void
test_insecure_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowClient) client = inflow_client_new ("http://api.vantage.sh", "secret", &error);

  g_assert_null (client);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INSECURE_URL);
  g_assert_nonnull (strstr (error->message, "http://api.vantage.sh"));
  g_assert_nonnull (strstr (error->message, "HTTPS"));
  g_assert_null (strstr (error->message, "secret"));
}

static gboolean
same_origin (const char *a,
             const char *b)
{
  g_autoptr(GUri) uri_a = g_uri_parse (a, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) uri_b = g_uri_parse (b, SOUP_HTTP_URI_FLAGS, NULL);

  return inflow_uri_is_same_origin (uri_a, uri_b);
}

static void
test_same_origin (void)
{
  g_assert_true (same_origin ("https://api.vantage.sh", "https://api.vantage.sh/v2/me?page=2"));
  g_assert_true (same_origin ("https://api.vantage.sh", "https://API.Vantage.sh:443/v2"));
  g_assert_true (same_origin ("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/y"));
  g_assert_false (same_origin ("https://api.vantage.sh", "http://api.vantage.sh"));
  g_assert_false (same_origin ("https://api.vantage.sh", "https://api.vantage.sh:8443"));
  g_assert_false (same_origin ("https://api.vantage.sh", "https://evil.example"));
  g_assert_false (same_origin ("https://api.vantage.sh", "https://api.vantage.sh.evil.example"));
  g_assert_false (same_origin ("http://127.0.0.1:8080", "http://127.0.0.1:8081"));
  g_assert_false (same_origin ("http://127.0.0.1:8080", "http://localhost:8080"));
  g_assert_false (inflow_uri_is_same_origin (NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/service/api-error/status-codes", test_status_codes);
  g_test_add_func ("/service/api-error/server-messages", test_server_messages);
  g_test_add_func ("/service/api-error/forbidden-hint", test_forbidden_hint);
  g_test_add_func ("/service/api-error/rate-limited-reset", test_rate_limited_reset);
  g_test_add_func ("/service/api-error/rate-limited-reset-day", test_rate_limited_reset_day);
  g_test_add_func ("/service/api-error/transport", test_transport_errors);
  g_test_add_func ("/service/client/base-urls", test_base_urls);
  g_test_add_func ("/service/client/insecure-message", test_insecure_message);
  g_test_add_func ("/service/client/same-origin", test_same_origin);

  return inflow_test_run ();
}
