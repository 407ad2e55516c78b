/* test-client-security.c: where the token goes, and what the client refuses
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two small SoupServers on loopback, on two ports (two origins): "api" is
 * the client's base URL and answers as each test scripts it; "other" only
 * records what reaches it. The token must never reach "other".
 */

#include "config.h"

#include <libsoup/soup.h>

#include "inflow-client-private.h"
#include "inflow-client.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"

#define TOKEN "sk-test-4f9c1d2e8b7a6c5d"

#define ME_JSON                                                         \
  "{\"default_workspace_token\": \"wrkspc_1\", \"workspaces\": [],"     \
  " \"bearer_token\": {\"description\": \"desk\","                      \
  " \"created_at\": \"2023-08-04T00:00:00Z\", \"scope\": [\"read\"]}}"

#define WORKSPACE_JSON(n)                                               \
  "{\"token\": \"wrkspc_" #n "\", \"name\": \"W" #n "\","               \
  " \"created_at\": \"2023-08-04T00:00:00Z\","                          \
  " \"enable_currency_conversion\": true, \"currency\": \"USD\","       \
  " \"exchange_rate_date\": \"daily_rate\"}"

typedef struct _TestServer TestServer;

typedef void (*TestServerScript) (TestServer        *server,
                                  SoupServerMessage *msg,
                                  const char        *path,
                                  const char        *query);

struct _TestServer
{
  SoupServer       *server;
  char             *base_url;
  TestServerScript  script;
  guint             n_requests;
  guint             n_with_token;
  guint             n_with_any_authorization;
};

typedef struct
{
  TestServer  api;
  TestServer  other;
  InflowClient *client;
} Fixture;

static void
server_handler (SoupServer        *soup_server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  TestServer *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");

  server->n_requests++;
  if (authorization != NULL)
    server->n_with_any_authorization++;
  if (authorization != NULL && g_strcmp0 (authorization, "Bearer " TOKEN) == 0)
    server->n_with_token++;

  if (server->script != NULL)
    server->script (server, msg, path, g_uri_get_query (soup_server_message_get_uri (msg)));
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
server_start (TestServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, server_handler, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);
  server->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
server_stop (TestServer *server)
{
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_clear_pointer (&server->base_url, g_free);
}

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  server_start (&fixture->api);
  server_start (&fixture->other);

  fixture->client = inflow_client_new (fixture->api.base_url, TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (fixture->client, 2, 1);
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
  /* Let the servers see the client's connections close */
  inflow_test_wait_until (never_cb, NULL, 20);
  server_stop (&fixture->api);
  server_stop (&fixture->other);
}

/* Scripts: the fixture is reached through the "api" server's address. */

static Fixture *current;

static void
redirect_elsewhere_script (TestServer        *server,
                           SoupServerMessage *msg,
                           const char        *path,
                           const char        *query)
{
  g_autofree char *location = g_strconcat (current->other.base_url, path, NULL);

  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
}

static void
other_me_script (TestServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 const char        *query)
{
  respond_json (msg, SOUP_STATUS_OK, ME_JSON);
}

static void
test_redirect_cross_origin (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  current = fixture;
  fixture->api.script = redirect_elsewhere_script;
  fixture->other.script = other_me_script;

  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);

  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_cmpuint (fixture->api.n_requests, ==, 1);
  g_assert_cmpuint (fixture->api.n_with_token, ==, 1);
  /* The other origin never saw the request, let alone the token */
  g_assert_cmpuint (fixture->other.n_requests, ==, 0);
  g_assert_cmpuint (fixture->other.n_with_any_authorization, ==, 0);
}

static void
redirect_to_localhost_script (TestServer        *server,
                              SoupServerMessage *msg,
                              const char        *path,
                              const char        *query)
{
  /* Same port, another host name: another origin */
  g_autofree char *location = g_strdup_printf ("http://localhost:%d/v2/me",
                                               g_uri_get_port (soup_server_message_get_uri (msg)));

  soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, location);
}

static void
test_redirect_other_host_same_port (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  fixture->api.script = redirect_to_localhost_script;

  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);

  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (fixture->api.n_requests, ==, 1);
}

static void
redirect_same_origin_script (TestServer        *server,
                             SoupServerMessage *msg,
                             const char        *path,
                             const char        *query)
{
  if (g_str_equal (path, "/v2/me"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/v2/moved/me");
  else if (g_str_equal (path, "/v2/moved/me"))
    respond_json (msg, SOUP_STATUS_OK, ME_JSON);
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
test_redirect_same_origin (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  fixture->api.script = redirect_same_origin_script;

  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);

  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_cmpstr (inflow_me_get_default_workspace_token (me), ==, "wrkspc_1");
  g_assert_cmpuint (fixture->api.n_requests, ==, 2);
  g_assert_cmpuint (fixture->api.n_with_token, ==, 2);
}

static void
redirect_loop_script (TestServer        *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      const char        *query)
{
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/v2/me");
}

static void
test_redirect_loop (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  fixture->api.script = redirect_loop_script;

  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);

  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (fixture->api.n_requests, <=, 10);
}

static void
next_elsewhere_script (TestServer        *server,
                       SoupServerMessage *msg,
                       const char        *path,
                       const char        *query)
{
  g_autofree char *json = g_strdup_printf ("{\"workspaces\": [" WORKSPACE_JSON (1) "],"
                                           " \"links\": {\"next\": \"%s/v2/workspaces?page=2\"}}",
                                           current->other.base_url);

  respond_json (msg, SOUP_STATUS_OK, json);
}

static void
other_workspaces_script (TestServer        *server,
                         SoupServerMessage *msg,
                         const char        *path,
                         const char        *query)
{
  respond_json (msg, SOUP_STATUS_OK, "{\"workspaces\": [], \"links\": {}}");
}

static void
test_links_next_cross_origin (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  current = fixture;
  fixture->api.script = next_elsewhere_script;
  fixture->other.script = other_workspaces_script;

  inflow_client_list_workspaces_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               NULL, &error);

  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_null (list);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (fixture->api.n_requests, ==, 1);
  g_assert_cmpuint (fixture->other.n_requests, ==, 0);
  g_assert_cmpuint (fixture->other.n_with_any_authorization, ==, 0);
}

static void
next_loop_script (TestServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  const char        *query)
{
  /* Page 1 → page 2 → page 2 … */
  respond_json (msg, SOUP_STATUS_OK,
                "{\"workspaces\": [" WORKSPACE_JSON (1) "],"
                " \"links\": {\"next\": \"/v2/workspaces?page=2&limit=1000\"}}");
}

static void
test_links_next_loop (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  fixture->api.script = next_loop_script;

  inflow_client_list_workspaces_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               NULL, &error);

  g_assert_null (list);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (fixture->api.n_requests, ==, 2);
}

static void
endless_script (TestServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                const char        *query)
{
  /* Page n links to page n + 1, forever */
  g_autofree char *json = g_strdup_printf ("{\"workspaces\": [],"
                                           " \"links\": {\"next\": \"/v2/workspaces?page=%u\"}}",
                                           server->n_requests + 1);

  respond_json (msg, SOUP_STATUS_OK, json);
}

static void
test_links_next_runaway (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 start = g_get_monotonic_time ();

  fixture->api.script = endless_script;
  /* A bound above the default of 250 pages */
  inflow_client_set_list_budget (fixture->client, 300, 600 * 1000);

  inflow_client_list_workspaces_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               NULL, &error);

  g_test_message ("%u pages in %.1f s: %s", fixture->api.n_requests,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                  error ? error->message : "(no error)");
  g_assert_null (list);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_LIST_TOO_LONG);
  g_assert_cmpuint (fixture->api.n_requests, ==, 300);
}

static void
next_wrong_type_script (TestServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        const char        *query)
{
  respond_json (msg, SOUP_STATUS_OK,
                "{\"workspaces\": [" WORKSPACE_JSON (1) ", 42, " WORKSPACE_JSON (2) "],"
                " \"links\": {\"next\": 2}}");
}

static void
test_links_next_wrong_type (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  fixture->api.script = next_wrong_type_script;

  inflow_client_list_workspaces_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               NULL, &error);

  g_assert_null (list);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
}

static void
invalid_items_script (TestServer        *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      const char        *query)
{
  respond_json (msg, SOUP_STATUS_OK,
                "{\"workspaces\": [" WORKSPACE_JSON (1) ", 42, {\"token\": 7}, " WORKSPACE_JSON (2) "],"
                " \"links\": {\"next\": null}}");
}

static void
test_invalid_items_counted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n_invalid = 99;

  fixture->api.script = invalid_items_script;

  inflow_client_list_workspaces_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               &n_invalid, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (n_invalid, ==, 2);
}

static void
large_script (TestServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              const char        *query)
{
  g_autoptr(GString) json = g_string_new ("{\"workspaces\": [");

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (json, "%s" WORKSPACE_JSON (1), i > 0 ? ", " : "");
  g_string_append (json, "]}");

  if (g_str_equal (path, "/v2/workspaces"))
    {
      respond_json (msg, SOUP_STATUS_OK, json->str);
    }
  else
    {
      /* Chunked: no Content-Length to check up front */
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                             "application/json", NULL);
      soup_message_body_append (body, SOUP_MEMORY_COPY, json->str, json->len);
      soup_message_body_complete (body);
    }
}

static void
test_oversized (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(InflowMe) me = NULL;

  fixture->api.script = large_script;

  /* Within the bound */
  inflow_client_list_workspaces_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 100);
  g_clear_object (&list);
  g_clear_object (&result);

  inflow_client_set_max_response_size (fixture->client, 4096);

  /* Content-Length over the bound */
  inflow_client_list_workspaces_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (fixture->client, inflow_test_wait_result (&result),
                                               NULL, &error);
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_null (list);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Chunked, the actual size over the bound */
  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
}

static void
no_content_script (TestServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   const char        *query)
{
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
test_empty_body (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  fixture->api.script = no_content_script;

  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE);
}

static void
echo_token_script (TestServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   const char        *query)
{
  /* A careless server that echoes the credential in its error */
  respond_json (msg, SOUP_STATUS_UNAUTHORIZED, "{\"errors\": [\"Invalid token " TOKEN "\"]}");
}

static void
test_echoed_token_redacted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

  fixture->api.script = echo_token_script;

  inflow_client_get_me_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (fixture->client, inflow_test_wait_result (&result), &error);
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, TOKEN));
  g_assert_nonnull (strstr (error->message, "Invalid token"));
}

/* HTTPS with a certificate nobody vouches for: a TLS error, and no request
 * (so no token) ever reaches the server. */
static void
test_unverified_certificate (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "service", "self-signed.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(InflowSimulator) sim = inflow_simulator_new (1, 0, 0);
  g_autoptr(InflowClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;

#ifdef __SANITIZE_ADDRESS__
  /* Once glib-networking's TLS module is loaded, GCC 12's LeakSanitizer
   * crashes at exit reading its thread-local storage (a bogus "DTLS"
   * range), so under AddressSanitizer the test stops here. */
  g_test_skip ("LeakSanitizer cannot scan the TLS module's thread-local storage");
  return;
#endif

  certificate = g_tls_certificate_new_from_file (path, &error);
  g_assert_no_error (error);
  inflow_simulator_set_tls_certificate (sim, certificate);
  inflow_simulator_set_tokens (sim, TOKEN, NULL);
  g_assert_true (inflow_simulator_listen (sim, 0, &error));
  g_assert_true (g_str_has_prefix (inflow_simulator_get_base_url (sim), "https://127.0.0.1:"));

  client = inflow_client_new (inflow_simulator_get_base_url (sim), TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (client, 2, 1);
  inflow_client_get_me_async (client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (client, inflow_test_wait_result (&result), &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_TLS);
  g_assert_cmpuint (inflow_simulator_get_request_count (sim, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/service/security/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("redirect-cross-origin", test_redirect_cross_origin);
  ADD ("redirect-other-host-same-port", test_redirect_other_host_same_port);
  ADD ("redirect-same-origin", test_redirect_same_origin);
  ADD ("redirect-loop", test_redirect_loop);
  ADD ("links-next-cross-origin", test_links_next_cross_origin);
  ADD ("links-next-loop", test_links_next_loop);
  ADD ("links-next-wrong-type", test_links_next_wrong_type);
  ADD ("links-next-runaway", test_links_next_runaway);
  ADD ("invalid-items-counted", test_invalid_items_counted);
  ADD ("oversized", test_oversized);
  ADD ("empty-body", test_empty_body);
  ADD ("echoed-token-redacted", test_echoed_token_redacted);
  g_test_add_func ("/service/security/unverified-certificate", test_unverified_certificate);

#undef ADD

  return inflow_test_run ();
}
