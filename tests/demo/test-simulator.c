/* test-simulator.c: the Vantage API simulator over real loopback TCP
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain async SoupSession talks to the simulator in the same process; the
 * test iterates the main context until each answer arrives.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "inflow-sim-json.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"

#define WRITE_TOKEN "demo-token"
#define READ_TOKEN  "demo-read-token"
#define MINUTE      (60 * G_TIME_SPAN_SECOND)

typedef struct
{
  InflowSimulator *sim;
  SoupSession     *session;
} Fixture;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;
  GError             *error;
  double              seconds;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_error (&reply->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

static void
fixture_start (Fixture *f,
               guint64  seed,
               guint    n_integrations,
               guint    n_accounts)
{
  g_autoptr(GError) error = NULL;

  f->sim = inflow_simulator_new (seed, n_integrations, n_accounts);
  g_assert_true (inflow_simulator_listen (f->sim, 0, &error));
  g_assert_no_error (error);
  f->session = soup_session_new ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_start (f, 1, 0, 0);
}

/* Lets the main context process what closing left (connections closed by
 * one side are freed by the other when it notices). */
static void
drain_main_context (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  soup_session_abort (f->session);
  drain_main_context ();
  g_clear_object (&f->session);
  g_clear_object (&f->sim);
  drain_main_context ();
}

/* Sends a request to @url (absolute) or base URL + @url; waits for it. */
static void
fetch_full (Fixture      *f,
            const char   *method,
            const char   *url,
            const char   *token,
            const char   *json_body,
            SoupMessageFlags flags,
            Reply        *reply)
{
  g_autofree char *full = g_str_has_prefix (url, "http")
                          ? g_strdup (url)
                          : g_strconcat (inflow_simulator_get_base_url (f->sim), url, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, full);
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start;

  g_assert_nonnull (msg);
  soup_message_set_flags (msg, flags);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  start = g_get_monotonic_time ();
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    inflow_test_store_result_cb, &result);
  inflow_test_wait_result (&result);
  reply->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;

  reply->body = soup_session_send_and_read_finish (f->session, result, &reply->error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (reply->body != NULL && g_bytes_get_size (reply->body) > 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (reply->body, NULL),
                                         g_bytes_get_size (reply->body));

      reply->json = json_from_string (text, NULL);
    }
}

static void
fetch (Fixture    *f,
       const char *method,
       const char *url,
       const char *token,
       const char *json_body,
       Reply      *reply)
{
  fetch_full (f, method, url, token, json_body, 0, reply);
}

static JsonObject *
reply_object (Reply *reply)
{
  if (reply->json == NULL)
    g_test_message ("not a JSON object (HTTP %u): %.*s", reply->status,
                    reply->body != NULL ? (int) MIN (g_bytes_get_size (reply->body), 2000) : 0,
                    reply->body != NULL ? (const char *) g_bytes_get_data (reply->body, NULL) : "");
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));

  return json_node_get_object (reply->json);
}

static const char *
first_error (Reply *reply)
{
  JsonArray *errors = json_object_get_array_member (reply_object (reply), "errors");

  g_assert_nonnull (errors);
  g_assert_cmpuint (json_array_get_length (errors), >=, 1);

  return json_array_get_string_element (errors, 0);
}

static const char *
link_of (Reply      *reply,
         const char *name)
{
  JsonObject *links = json_object_get_object_member (reply_object (reply), "links");

  g_assert_nonnull (links);
  g_assert_true (json_object_has_member (links, name));

  return json_object_get_string_member_with_default (links, name, NULL);
}

/* ---- auth ----------------------------------------------------------------- */

static void
test_auth (Fixture       *f,
           gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autofree char *url = g_strconcat ("/v2/integrations/", token, NULL);
  g_autofree char *body = g_strdup_printf ("{\"workspace_tokens\":[\"%s\"]}",
                                           inflow_simulator_get_default_workspace_token (f->sim));

  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/me", NULL, NULL, &r);
    g_assert_cmpuint (r.status, ==, 401);
    g_assert_nonnull (first_error (&r));
    /* rate-limit headers on every response */
    g_assert_nonnull (soup_message_headers_get_one (r.headers, "x-rate-limit-limit"));
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/me", "not-a-token", NULL, &r);
    g_assert_cmpuint (r.status, ==, 401);
    g_assert_nonnull (first_error (&r));
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "PUT", url, READ_TOKEN, body, &r);
    g_assert_cmpuint (r.status, ==, 403);
    g_assert_nonnull (strstr (first_error (&r), "write"));
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "DELETE", url, READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 403);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "POST", "/v1/integrations/aws", READ_TOKEN,
           "{\"cross_account_arn\":\"arn:aws:iam::123456789012:role/x\"}", &r);
    g_assert_cmpuint (r.status, ==, 403);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", url, READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (reply_object (&r), "token"), ==, token);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/users", READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 403);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/users", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "users")), >, 5);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/nothing-here", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 404);
    g_assert_nonnull (first_error (&r));
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations/accss_crdntl_0000000000000000", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 404);
  }

  /* tokens can be replaced */
  inflow_simulator_set_tokens (f->sim, "other-write", NULL);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 401);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/ping", "other-write", NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
  }
}

static void
assert_scopes (Fixture    *f,
               const char *token,
               const char *expected)
{
  g_auto(Reply) r = { 0 };
  JsonObject *me;
  JsonArray *scope;
  g_autoptr(GString) joined = g_string_new (NULL);

  fetch (f, "GET", "/v2/me", token, NULL, &r);
  g_assert_cmpuint (r.status, ==, 200);
  me = reply_object (&r);
  g_assert_cmpstr (json_object_get_string_member (me, "default_workspace_token"), ==,
                   inflow_simulator_get_default_workspace_token (f->sim));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (me, "workspaces")), ==, 5);
  scope = json_object_get_array_member (json_object_get_object_member (me, "bearer_token"), "scope");
  for (guint i = 0; i < json_array_get_length (scope); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "," : "", json_array_get_string_element (scope, i));
  g_assert_cmpstr (joined->str, ==, expected);
}

static void
test_me (Fixture       *f,
         gconstpointer  data)
{
  assert_scopes (f, WRITE_TOKEN, "read,write");
  assert_scopes (f, READ_TOKEN, "read");
}

/* ---- pagination ----------------------------------------------------------- */

static void
test_pagination (Fixture       *f,
                 gconstpointer  data)
{
  const char *base = inflow_simulator_get_base_url (f->sim);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *url = g_strdup ("/v2/integrations?limit=15");
  guint pages = 0;

  /* 40 integrations in pages of 15 */
  while (url != NULL)
    {
      g_auto(Reply) r = { 0 };
      JsonArray *items;
      const char *next;

      fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
      g_assert_cmpuint (r.status, ==, 200);
      pages++;
      items = json_object_get_array_member (reply_object (&r), "integrations");
      g_assert_cmpuint (json_array_get_length (items), ==, pages < 3 ? 15 : 10);
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_hash_table_add (seen, g_strdup (json_object_get_string_member (json_array_get_object_element (items, i), "token")));

      g_assert_true (g_str_has_prefix (link_of (&r, "self"), base));
      g_assert_true (g_str_has_prefix (link_of (&r, "first"), base));
      g_assert_true (g_str_has_suffix (link_of (&r, "first"), "page=1"));
      g_assert_true (g_str_has_suffix (link_of (&r, "last"), "page=3"));
      g_assert_nonnull (strstr (link_of (&r, "last"), "limit=15"));
      if (pages == 1)
        g_assert_null (link_of (&r, "prev"));
      else
        g_assert_nonnull (link_of (&r, "prev"));

      next = link_of (&r, "next");
      g_free (url);
      url = g_strdup (next);
      if (pages == 3)
        g_assert_null (next);
      else
        g_assert_true (g_str_has_prefix (next, base));
      g_assert_cmpuint (pages, <=, 3);
    }
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 40);

  /* filters are kept in the links */
  {
    g_auto(Reply) r = { 0 };
    JsonArray *items;

    fetch (f, "GET", "/v2/integrations?provider=aws&limit=4&page=2", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_nonnull (strstr (link_of (&r, "next"), "provider=aws"));
    g_assert_nonnull (strstr (link_of (&r, "next"), "page=3"));
    g_assert_nonnull (strstr (link_of (&r, "prev"), "page=1"));
    items = json_object_get_array_member (reply_object (&r), "integrations");
    for (guint i = 0; i < json_array_get_length (items); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "provider"), ==, "aws");
  }

  /* limit is capped at 1000 */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?limit=5000", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_nonnull (strstr (link_of (&r, "self"), "limit=1000"));
    g_assert_null (link_of (&r, "next"));
  }
  /* and at 5000 on /costs */
  {
    g_auto(Reply) r = { 0 };
    g_autofree char *costs = g_strdup_printf ("/v2/costs?workspace_token=%s&limit=99999",
                                              inflow_simulator_get_default_workspace_token (f->sim));

    fetch (f, "GET", costs, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_nonnull (strstr (link_of (&r, "self"), "limit=5000"));
  }
  /* bad values */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?page=0", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 400);
    g_assert_nonnull (first_error (&r));
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?account_identifier=123", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 400);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?provider=nope", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 400);
  }
  /* a page past the end is empty */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?limit=15&page=9", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "integrations")), ==, 0);
    g_assert_null (link_of (&r, "next"));
  }
}

static void
test_large (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *url = g_strdup ("/v2/integrations?limit=1000");
  guint pages = 0;
  double slowest = 0;

  fixture_start (f, 7, 10000, 5000);

  while (url != NULL)
    {
      g_auto(Reply) r = { 0 };
      JsonArray *items;

      fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
      g_assert_cmpuint (r.status, ==, 200);
      slowest = MAX (slowest, r.seconds);
      items = json_object_get_array_member (reply_object (&r), "integrations");
      g_assert_cmpuint (json_array_get_length (items), ==, 1000);
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_hash_table_add (seen, g_strdup (json_object_get_string_member (json_array_get_object_element (items, i), "token")));
      pages++;
      g_free (url);
      url = g_strdup (link_of (&r, "next"));
    }

  g_assert_cmpuint (pages, ==, 10);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 10000);
  g_test_message ("slowest page of 1000 integrations: %.3f s", slowest);
  g_assert_cmpfloat (slowest, <, 2.0);

  /* 5000 AWS accounts exist in the main workspace */
  {
    g_auto(Reply) r = { 0 };
    g_autofree char *accounts = g_strdup_printf ("/v2/cost_provider_accounts?workspace_token=%s&provider=aws&limit=1000&page=5",
                                                 inflow_simulator_get_default_workspace_token (f->sim));

    fetch (f, "GET", accounts, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "cost_provider_accounts")), >, 900);
  }

  fixture_teardown (f, NULL);
}

/* ---- integrations --------------------------------------------------------- */

static gboolean
has_workspace (JsonObject *integration,
               const char *workspace)
{
  JsonArray *tokens = json_object_get_array_member (integration, "workspace_tokens");

  for (guint i = 0; i < json_array_get_length (tokens); i++)
    {
      if (g_str_equal (json_array_get_string_element (tokens, i), workspace))
        return TRUE;
    }

  return FALSE;
}

static void
test_put_workspaces (Fixture       *f,
                     gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  g_auto(GStrv) workspaces = inflow_simulator_dup_workspace_tokens (f->sim);
  g_autofree char *url = g_strconcat ("/v2/integrations/", token, NULL);
  g_autofree char *body = g_strdup_printf ("{\"workspace_tokens\":[\"%s\",\"%s\"]}", workspaces[1], workspaces[2]);

  g_assert_cmpuint (g_strv_length (workspaces), ==, 5);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "workspace_tokens")), ==, 0);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "PUT", url, WRITE_TOKEN, body, &r);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_true (has_workspace (reply_object (&r), workspaces[1]));
    g_assert_true (has_workspace (reply_object (&r), workspaces[2]));
    g_assert_false (has_workspace (reply_object (&r), workspaces[0]));
  }
  /* persisted */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "workspace_tokens")), ==, 2);
    g_assert_true (has_workspace (reply_object (&r), workspaces[2]));
  }
  /* unknown workspace, wrong types, not JSON */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "PUT", url, WRITE_TOKEN, "{\"workspace_tokens\":[\"wrkspc_nope\"]}", &r);
    g_assert_cmpuint (r.status, ==, 400);
    g_assert_nonnull (strstr (first_error (&r), "wrkspc_nope"));
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "PUT", url, WRITE_TOKEN, "{\"workspace_tokens\":\"wrkspc_x\"}", &r);
    g_assert_cmpuint (r.status, ==, 400);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "PUT", url, WRITE_TOKEN, "{\"workspace_tokens\":[", &r);
    g_assert_cmpuint (r.status, ==, 400);
  }
  /* the failed PUTs changed nothing */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "workspace_tokens")), ==, 2);
  }
  /* the back door, as another client would */
  {
    const char * const only_default[] = { workspaces[0], NULL };
    g_auto(Reply) r = { 0 };
    g_autofree char *json = NULL;

    g_assert_true (inflow_simulator_set_integration_workspaces (f->sim, token, only_default));
    g_assert_false (inflow_simulator_set_integration_workspaces (f->sim, "accss_crdntl_nope", only_default));
    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "workspace_tokens")), ==, 1);
    g_assert_true (has_workspace (reply_object (&r), workspaces[0]));

    json = inflow_simulator_dup_integration_json (f->sim, token);
    g_assert_nonnull (strstr (json, workspaces[0]));
    g_assert_null (strstr (json, workspaces[1]));
  }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_DISCONNECTED);
  g_autofree char *url = g_strconcat ("/v2/integrations/", token, NULL);

  {
    g_auto(Reply) r = { 0 };

    fetch (f, "DELETE", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 204);
    g_assert_cmpuint (r.body != NULL ? g_bytes_get_size (r.body) : 0, ==, 0);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 404);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "DELETE", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 404);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?limit=1000", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "integrations")), ==, 39);
    g_assert_null (strstr (g_bytes_get_data (r.body, NULL), token));
  }
  g_assert_null (inflow_simulator_dup_integration_json (f->sim, token));
}

/* ---- v1 AWS --------------------------------------------------------------- */

static void
test_aws_info (Fixture       *f,
               gconstpointer  data)
{
  static const char * const names[] = { "root", "autopilot", "cloudwatch", "s3_request_metrics", "resources" };
  g_auto(Reply) r = { 0 };
  JsonObject *info;
  JsonObject *policies;

  fetch (f, "GET", "/v1/integrations/aws/info", READ_TOKEN, NULL, &r);
  g_assert_cmpuint (r.status, ==, 200);
  info = reply_object (&r);
  g_assert_cmpuint (strlen (json_object_get_string_member (info, "external_id")), >=, 10);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (info, "iam_role_arn"), "arn:aws:iam::"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (info, "iam_role_id"), "AROA"));
  g_assert_nonnull (json_object_get_string_member (info, "vantage_id"));
  policies = json_object_get_object_member (info, "policies");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(JsonNode) document = json_from_string (json_object_get_string_member (policies, names[i]), NULL);

      g_assert_nonnull (document);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (document), "Version"), ==, "2012-10-17");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (document), "Statement")), >=, 1);
    }
}

static void
test_aws_create (Fixture       *f,
                 gconstpointer  data)
{
  {
    g_auto(Reply) r = { 0 };
    JsonObject *credential;

    fetch (f, "POST", "/v1/integrations/aws", WRITE_TOKEN,
           "{\"cross_account_arn\":\"arn:aws:iam::210987654321:role/vantage_cross_account_connection\","
           "\"bucket_arn\":\"arn:aws:s3:::vantage-cur-210987654321\"}", &r);
    g_assert_cmpuint (r.status, ==, 201);
    credential = reply_object (&r);
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (credential, "id")), ==, G_TYPE_INT64);
    g_assert_cmpint (json_object_get_int_member (credential, "id"), >, 0);
    g_assert_cmpstr (json_object_get_string_member (credential, "cross_account_arn"), ==,
                     "arn:aws:iam::210987654321:role/vantage_cross_account_connection");
    g_assert_cmpstr (json_object_get_string_member (credential, "bucket_arn"), ==,
                     "arn:aws:s3:::vantage-cur-210987654321");
  }
  {
    g_auto(Reply) r = { 0 };
    JsonArray *items;
    JsonObject *integration;

    fetch (f, "GET", "/v2/integrations?provider=aws&account_identifier=210987654321", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    items = json_object_get_array_member (reply_object (&r), "integrations");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    integration = json_array_get_object_element (items, 0);
    g_assert_cmpstr (json_object_get_string_member (integration, "status"), ==, "pending");
    g_assert_cmpstr (json_object_get_string_member (integration, "provider"), ==, "aws");
    g_assert_true (json_object_get_null_member (integration, "last_updated"));
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?limit=1000", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&r), "integrations")), ==, 41);
  }
  /* the same account again */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "POST", "/v1/integrations/aws", WRITE_TOKEN,
           "{\"cross_account_arn\":\"arn:aws:iam::210987654321:role/another\"}", &r);
    g_assert_cmpuint (r.status, ==, 422);
    g_assert_nonnull (strstr (first_error (&r), "210987654321"));
  }
  /* GovCloud partition, a role path, no bucket */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "POST", "/v1/integrations/aws", WRITE_TOKEN,
           "{\"cross_account_arn\":\"arn:aws-us-gov:iam::333344445555:role/ops/vantage\"}", &r);
    g_assert_cmpuint (r.status, ==, 201);
    g_assert_true (json_object_get_null_member (reply_object (&r), "bucket_arn"));
  }
  /* bad input */
  {
    static const char * const bad[] = {
      "{\"cross_account_arn\":\"arn:aws:iam::12345:role/short-account\"}",
      "{\"cross_account_arn\":\"arn:aws:iam::123456789012:user/not-a-role\"}",
      "{\"cross_account_arn\":\"arn:aws-cn:iam::123456789012:role/china\"}",
      "{\"cross_account_arn\":\"arn:aws:iam::123456789012:role/\"}",
      "{\"cross_account_arn\":\"arn:aws:iam::123456789013:role/ok\",\"bucket_arn\":\"arn:aws:s3:::Bad_Bucket\"}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(Reply) r = { 0 };

        fetch (f, "POST", "/v1/integrations/aws", WRITE_TOKEN, bad[i], &r);
        g_assert_cmpuint (r.status, ==, 422);
        g_assert_nonnull (first_error (&r));
      }
  }
  {
    static const char * const malformed[] = {
      "{}",
      "{\"cross_account_arn\":42}",
      "[\"arn:aws:iam::123456789012:role/x\"]",
      "not json",
    };

    for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
      {
        g_auto(Reply) r = { 0 };

        fetch (f, "POST", "/v1/integrations/aws", WRITE_TOKEN, malformed[i], &r);
        g_assert_cmpuint (r.status, ==, 400);
        g_assert_nonnull (first_error (&r));
      }
  }
  /* only POST */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v1/integrations/aws", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 405);
  }
}

/* ---- clock and lifecycle -------------------------------------------------- */

static GDateTime *
reply_date (Reply *reply)
{
  const char *date = soup_message_headers_get_one (reply->headers, "Date");

  g_assert_nonnull (date);

  return soup_date_time_new_from_http_string (date);
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) second = NULL;
  g_autoptr(GDateTime) ahead = NULL;
  g_autoptr(GDateTime) real = NULL;
  g_autoptr(GDateTime) sim_now = NULL;
  GTimeSpan virtual_span;
  gint64 real_start;
  double real_span;

  inflow_simulator_set_time_scale (f->sim, 480);
  g_assert_cmpfloat (inflow_simulator_get_time_scale (f->sim), ==, 480);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
    first = reply_date (&r);
  }
  real_start = g_get_monotonic_time ();
  g_usleep (1200 * 1000);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
    second = reply_date (&r);
  }
  real_span = (double) (g_get_monotonic_time () - real_start) / G_USEC_PER_SEC;
  virtual_span = g_date_time_difference (second, first) / G_TIME_SPAN_SECOND;
  g_test_message ("%.2f real seconds became %" G_GINT64_FORMAT " virtual seconds", real_span, virtual_span);
  /* 480× (whole seconds in the header: allow a little slack) */
  g_assert_cmpint (virtual_span, >=, (gint64) (real_span * 480) - 480);
  g_assert_cmpint (virtual_span, <=, (gint64) (real_span * 480) + 480);

  /* an offset puts the server clock ahead */
  inflow_simulator_set_time_scale (f->sim, 1);
  inflow_simulator_set_clock_offset (f->sim, 2 * G_TIME_SPAN_HOUR);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
    ahead = reply_date (&r);
  }
  real = g_date_time_new_now_utc ();
  g_assert_cmpint (g_date_time_difference (ahead, real), >, 2 * G_TIME_SPAN_HOUR - 5 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (ahead, real), <, 2 * G_TIME_SPAN_HOUR + 5 * G_TIME_SPAN_SECOND);

  /* advance and the accessor */
  inflow_simulator_set_time_scale (f->sim, 0);
  sim_now = inflow_simulator_dup_now (f->sim);
  inflow_simulator_advance_clock (f->sim, G_TIME_SPAN_DAY);
  {
    g_autoptr(GDateTime) later = inflow_simulator_dup_now (f->sim);

    g_assert_cmpint (g_date_time_difference (later, sim_now), ==, G_TIME_SPAN_DAY);
  }
}

static char *
integration_status (Fixture    *f,
                    const char *token,
                    char      **last_updated)
{
  g_autofree char *url = g_strconcat ("/v2/integrations/", token, NULL);
  g_auto(Reply) r = { 0 };
  JsonObject *object;

  fetch (f, "GET", url, READ_TOKEN, NULL, &r);
  g_assert_cmpuint (r.status, ==, 200);
  object = reply_object (&r);
  if (last_updated != NULL)
    *last_updated = g_strdup (json_object_get_string_member_with_default (object, "last_updated", NULL));

  return g_strdup (json_object_get_string_member (object, "status"));
}

typedef struct
{
  guint   rows;
  guint   resource_rows;
  char   *newest;
} Probe;

static void
probe_clear (Probe *probe)
{
  g_clear_pointer (&probe->newest, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Probe, probe_clear)

/* The data-freshness probe (the newest cost date of one account), plus resource
 * rows: what Inflow's ingestion logic asks /costs. */
static void
probe_costs (Fixture    *f,
             const char *account_id,
             Probe      *probe)
{
  g_autoptr(GDateTime) now = inflow_simulator_dup_now (f->sim);
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -20);
  g_autofree char *start_date = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *filter = g_strdup_printf ("costs.provider = 'aws' AND costs.account_id = '%s'", account_id);
  g_autofree char *escaped = g_uri_escape_string (filter, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("/v2/costs?workspace_token=%s&filter=%s&start_date=%s"
                                          "&groupings=resource_id&date_bin=day&order=desc&limit=5000",
                                          inflow_simulator_get_default_workspace_token (f->sim),
                                          escaped, start_date);
  g_auto(Reply) r = { 0 };
  JsonArray *costs;

  fetch (f, "GET", url, READ_TOKEN, NULL, &r);
  g_assert_cmpuint (r.status, ==, 200);
  costs = json_object_get_array_member (reply_object (&r), "costs");
  probe->rows = json_array_get_length (costs);
  probe->resource_rows = 0;
  for (guint i = 0; i < probe->rows; i++)
    {
      JsonObject *row = json_array_get_object_element (costs, i);

      if (!json_object_get_null_member (row, "resource_id"))
        probe->resource_rows++;
    }
  g_clear_pointer (&probe->newest, g_free);
  if (probe->rows > 0)
    probe->newest = g_strndup (json_object_get_string_member (json_array_get_object_element (costs, 0), "accrued_at"), 10);
}

static char *
today_string (Fixture *f,
              int      days)
{
  g_autoptr(GDateTime) now = inflow_simulator_dup_now (f->sim);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  const char *account = "246813579024";
  g_autofree char *token = NULL;
  g_autofree char *status = NULL;
  g_autofree char *updated_before = NULL;
  g_autofree char *updated_after = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) first_cur = NULL;
  g_auto(Probe) probe = { 0 };

  /* a stopped clock: only advance_clock() moves it */
  inflow_simulator_set_time_scale (f->sim, 0);
  created = inflow_simulator_dup_now (f->sim);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "POST", "/v1/integrations/aws", WRITE_TOKEN,
           "{\"cross_account_arn\":\"arn:aws:iam::246813579024:role/vantage\"}", &r);
    g_assert_cmpuint (r.status, ==, 201);
  }
  {
    g_auto(Reply) r = { 0 };
    JsonArray *items;

    fetch (f, "GET", "/v2/integrations?provider=aws&account_identifier=246813579024", WRITE_TOKEN, NULL, &r);
    items = json_object_get_array_member (reply_object (&r), "integrations");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    token = g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0), "token"));
  }

  status = integration_status (f, token, NULL);
  g_assert_cmpstr (status, ==, "pending");
  probe_costs (f, account, &probe);
  g_assert_cmpuint (probe.rows, ==, 0);

  /* pending lasts 1-3 virtual minutes, importing 4-10 */
  inflow_simulator_advance_clock (f->sim, 3 * MINUTE + G_TIME_SPAN_SECOND);
  g_free (status);
  status = integration_status (f, token, NULL);
  g_assert_cmpstr (status, ==, "importing");

  inflow_simulator_advance_clock (f->sim, 11 * MINUTE);
  g_free (status);
  status = integration_status (f, token, NULL);
  g_assert_cmpstr (status, ==, "imported");

  /* imported: history by service, no resources, nothing recent */
  probe_costs (f, account, &probe);
  g_assert_cmpuint (probe.rows, >, 0);
  g_assert_cmpuint (probe.resource_rows, ==, 0);
  {
    g_autofree char *two_days_ago = today_string (f, -2);

    g_assert_cmpstr (probe.newest, <=, two_days_ago);
  }

  /* the first CUR: 6-20 virtual hours after connecting */
  first_cur = inflow_simulator_dup_first_cur_time (f->sim, token);
  g_assert_nonnull (first_cur);
  g_assert_cmpint (g_date_time_difference (first_cur, created), >=, 6 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_difference (first_cur, created), <=, 20 * G_TIME_SPAN_HOUR + G_TIME_SPAN_SECOND);
  {
    g_autoptr(GDateTime) now = inflow_simulator_dup_now (f->sim);

    inflow_simulator_advance_clock (f->sim, g_date_time_difference (first_cur, now) - MINUTE);
  }
  probe_costs (f, account, &probe);
  g_assert_cmpuint (probe.resource_rows, ==, 0);

  inflow_simulator_advance_clock (f->sim, 2 * MINUTE);
  probe_costs (f, account, &probe);
  g_assert_cmpuint (probe.resource_rows, >, 0);
  today = today_string (f, 0);
  g_assert_cmpstr (probe.newest, ==, today);

  /* refreshes every 8-12 virtual hours move last_updated */
  g_free (status);
  status = integration_status (f, token, &updated_before);
  g_assert_cmpstr (status, ==, "imported");
  inflow_simulator_advance_clock (f->sim, 13 * G_TIME_SPAN_HOUR);
  g_free (status);
  status = integration_status (f, token, &updated_after);
  g_assert_nonnull (updated_before);
  g_assert_nonnull (updated_after);
  g_assert_cmpstr (updated_after, >, updated_before);

  /* the back door can break it */
  g_assert_true (inflow_simulator_set_integration_status (f->sim, token, "error"));
  g_assert_false (inflow_simulator_set_integration_status (f->sim, token, "on-fire"));
  g_free (status);
  status = integration_status (f, token, NULL);
  g_assert_cmpstr (status, ==, "error");
}

static char *
account_of (Fixture    *f,
            const char *token)
{
  g_autofree char *json = inflow_simulator_dup_integration_json (f->sim, token);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return g_strdup (json_object_get_string_member (json_node_get_object (node), "account_identifier"));
}

static void
test_awaiting_first_cur (Fixture       *f,
                         gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
  g_autofree char *account = account_of (f, token);
  g_autofree char *status = NULL;
  g_autoptr(GDateTime) first_cur = inflow_simulator_dup_first_cur_time (f->sim, token);
  g_autoptr(GDateTime) now = NULL;
  g_auto(Probe) probe = { 0 };

  inflow_simulator_set_time_scale (f->sim, 0);
  now = inflow_simulator_dup_now (f->sim);
  status = integration_status (f, token, NULL);
  g_assert_cmpstr (status, ==, "imported");
  probe_costs (f, account, &probe);
  g_assert_cmpuint (probe.rows, >, 0);
  g_assert_cmpuint (probe.resource_rows, ==, 0);

  /* at 480× it arrives within three real minutes */
  g_assert_nonnull (first_cur);
  g_assert_cmpint (g_date_time_difference (first_cur, now), >, 0);
  g_assert_cmpint (g_date_time_difference (first_cur, now) / 480, <, 3 * 60 * G_TIME_SPAN_SECOND);

  inflow_simulator_advance_clock (f->sim, g_date_time_difference (first_cur, now) + G_TIME_SPAN_SECOND);
  probe_costs (f, account, &probe);
  g_assert_cmpuint (probe.resource_rows, >, 0);
}

static void
test_notables (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    InflowSimNotable  which;
    const char       *status;
  } expected[] = {
    { INFLOW_SIM_NOTABLE_MANAGEMENT, "connected" },
    { INFLOW_SIM_NOTABLE_STALE, "connected" },
    { INFLOW_SIM_NOTABLE_ERROR, "error" },
    { INFLOW_SIM_NOTABLE_DISCONNECTED, "disconnected" },
    { INFLOW_SIM_NOTABLE_GOVCLOUD, "connected" },
    { INFLOW_SIM_NOTABLE_PENDING, "pending" },
    { INFLOW_SIM_NOTABLE_IMPORTING, "importing" },
  };
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) providers = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Reply) list = { 0 };
  JsonArray *items;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *status = integration_status (f, inflow_simulator_get_notable_integration (f->sim, expected[i].which), NULL);

      g_assert_cmpstr (status, ==, expected[i].status);
    }

  /* every status and several providers occur */
  fetch (f, "GET", "/v2/integrations?limit=1000", WRITE_TOKEN, NULL, &list);
  items = json_object_get_array_member (reply_object (&list), "integrations");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_hash_table_add (statuses, (gpointer) json_object_get_string_member (item, "status"));
      g_hash_table_add (providers, (gpointer) json_object_get_string_member (item, "provider"));
    }
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 6);
  g_assert_true (g_hash_table_contains (providers, "gcp"));
  g_assert_true (g_hash_table_contains (providers, "azure"));
  g_assert_true (g_hash_table_contains (providers, "custom_provider"));
  g_assert_true (g_hash_table_contains (providers, "datadog"));

  /* stale: connected, but its newest data is days old */
  {
    const char *token = inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_STALE);
    g_autofree char *account = account_of (f, token);
    g_autofree char *three_days_ago = today_string (f, -3);
    g_auto(Probe) probe = { 0 };

    probe_costs (f, account, &probe);
    g_assert_cmpuint (probe.rows, >, 0);
    g_assert_cmpuint (probe.resource_rows, >, 0);
    g_assert_cmpstr (probe.newest, <=, three_days_ago);
  }
  /* the management account is fresh */
  {
    g_autofree char *account = account_of (f, inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_MANAGEMENT));
    g_autofree char *yesterday = today_string (f, -1);
    g_auto(Probe) probe = { 0 };

    probe_costs (f, account, &probe);
    g_assert_cmpstr (probe.newest, >=, yesterday);
  }
  /* GovCloud: an aws-us-gov organization */
  {
    g_autofree char *account = account_of (f, inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_GOVCLOUD));
    g_autofree char *url = g_strdup_printf ("/v2/cost_provider_accounts?workspace_token=%s&account_id=%s",
                                            inflow_simulator_get_default_workspace_token (f->sim), account);
    g_auto(Reply) r = { 0 };
    JsonArray *accounts;

    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    accounts = json_object_get_array_member (reply_object (&r), "cost_provider_accounts");
    g_assert_cmpuint (json_array_get_length (accounts), ==, 1);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (accounts, 0), "provider_uuid"),
                                     "arn:aws-us-gov:organizations::"));
  }
  /* the main organization: members share the management account's org ARN */
  {
    g_autofree char *management = account_of (f, inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_MANAGEMENT));
    g_autofree char *prefix = g_strdup_printf ("arn:aws:organizations::%s:account/o-", management);
    g_autofree char *url = g_strdup_printf ("/v2/cost_provider_accounts?workspace_token=%s&provider=aws&limit=1000",
                                            inflow_simulator_get_default_workspace_token (f->sim));
    g_auto(Reply) r = { 0 };
    JsonArray *accounts;
    guint in_org = 0;

    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    accounts = json_object_get_array_member (reply_object (&r), "cost_provider_accounts");
    for (guint i = 0; i < json_array_get_length (accounts); i++)
      {
        JsonObject *acc = json_array_get_object_element (accounts, i);
        const char *uuid = json_object_get_string_member (acc, "provider_uuid");

        g_assert_cmpuint (strlen (json_object_get_string_member (acc, "account_id")), ==, 12);
        if (g_str_has_prefix (uuid, prefix))
          {
            in_org++;
            /* o- and ten lowercase letters or digits */
            g_assert_true (g_regex_match_simple ("^arn:aws:organizations::[0-9]{12}:account/o-[a-z0-9]{10}/[0-9]{12}$",
                                                 uuid, 0, 0));
          }
      }
    /* the management account and its 54 members */
    g_assert_cmpuint (in_org, ==, 55);
  }
}

static void
test_deterministic (void)
{
  g_autoptr(InflowSimulator) a = inflow_simulator_new (42, 0, 0);
  g_autoptr(InflowSimulator) b = inflow_simulator_new (42, 0, 0);
  g_autoptr(InflowSimulator) c = inflow_simulator_new (43, 0, 0);

  g_assert_cmpstr (inflow_simulator_get_notable_integration (a, INFLOW_SIM_NOTABLE_STALE), ==,
                   inflow_simulator_get_notable_integration (b, INFLOW_SIM_NOTABLE_STALE));
  g_assert_cmpstr (inflow_simulator_get_default_workspace_token (a), ==,
                   inflow_simulator_get_default_workspace_token (b));
  g_assert_cmpstr (inflow_simulator_get_notable_integration (a, INFLOW_SIM_NOTABLE_STALE), !=,
                   inflow_simulator_get_notable_integration (c, INFLOW_SIM_NOTABLE_STALE));
}

/* ---- teams, workspaces, costs --------------------------------------------- */

static void
test_teams_workspaces (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GStrv) workspaces = inflow_simulator_dup_workspace_tokens (f->sim);
  {
    g_auto(Reply) r = { 0 };
    JsonArray *teams;
    JsonObject *everyone;

    fetch (f, "GET", "/v2/teams", READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    teams = json_object_get_array_member (reply_object (&r), "teams");
    g_assert_cmpuint (json_array_get_length (teams), ==, 5);
    everyone = json_array_get_object_element (teams, 0);
    g_assert_cmpstr (json_object_get_string_member (everyone, "name"), ==, "Everyone");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (everyone, "workspace_tokens")), ==, 5);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (everyone, "user_emails")), ==, 18);
    g_assert_nonnull (strchr (json_array_get_string_element (json_object_get_array_member (everyone, "user_emails"), 0), '@'));
  }
  {
    g_autofree char *url = g_strdup_printf ("/v2/teams?workspace_token=%s", workspaces[2]);
    g_auto(Reply) r = { 0 };
    JsonArray *teams;

    fetch (f, "GET", url, READ_TOKEN, NULL, &r);
    teams = json_object_get_array_member (reply_object (&r), "teams");
    g_assert_cmpuint (json_array_get_length (teams), >=, 2);
    g_assert_cmpuint (json_array_get_length (teams), <, 5);
    for (guint i = 0; i < json_array_get_length (teams); i++)
      g_assert_true (has_workspace (json_array_get_object_element (teams, i), workspaces[2]));
  }
  {
    g_auto(Reply) r = { 0 };
    JsonArray *items;

    fetch (f, "GET", "/v2/workspaces?limit=2&page=3", READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    items = json_object_get_array_member (reply_object (&r), "workspaces");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "token"), ==, workspaces[4]);
    g_assert_null (link_of (&r, "next"));
  }
}

static void
test_costs (Fixture       *f,
            gconstpointer  data)
{
  const char *ws = inflow_simulator_get_default_workspace_token (f->sim);
  g_autoptr(GRegex) amount = g_regex_new ("^[0-9]+\\.[0-9]{2}$", 0, 0, NULL);

  /* workspace_token is required */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/costs", READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 400);
    g_assert_nonnull (strstr (first_error (&r), "workspace_token"));
  }
  /* default groupings: provider, service, account_id; amounts 2 decimals */
  {
    g_autofree char *url = g_strdup_printf ("/v2/costs?workspace_token=%s&limit=50", ws);
    g_auto(Reply) r = { 0 };
    JsonObject *total;
    JsonArray *costs;

    fetch (f, "GET", url, READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    total = json_object_get_object_member (reply_object (&r), "total_cost");
    g_assert_cmpstr (json_object_get_string_member (total, "currency"), ==, "USD");
    g_assert_true (g_regex_match (amount, json_object_get_string_member (total, "amount"), 0, NULL));
    costs = json_object_get_array_member (reply_object (&r), "costs");
    g_assert_cmpuint (json_array_get_length (costs), ==, 50);
    for (guint i = 0; i < json_array_get_length (costs); i++)
      {
        JsonObject *row = json_array_get_object_element (costs, i);

        g_assert_true (g_regex_match (amount, json_object_get_string_member (row, "amount"), 0, NULL));
        g_assert_true (json_object_has_member (row, "provider"));
        g_assert_true (json_object_has_member (row, "service"));
        g_assert_true (json_object_has_member (row, "account_id"));
        g_assert_false (json_object_has_member (row, "resource_id"));
      }
  }
  /* a filter: AWS only, by month; totals add up on a single page */
  {
    g_autofree char *filter = g_uri_escape_string ("costs.provider = 'aws'", NULL, FALSE);
    g_autofree char *url = g_strdup_printf ("/v2/costs?workspace_token=%s&filter=%s&groupings=provider,service&date_bin=month&limit=5000",
                                            ws, filter);
    g_auto(Reply) r = { 0 };
    JsonArray *costs;
    gint64 sum = 0;

    fetch (f, "GET", url, READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    costs = json_object_get_array_member (reply_object (&r), "costs");
    g_assert_cmpuint (json_array_get_length (costs), >, 5);
    for (guint i = 0; i < json_array_get_length (costs); i++)
      {
        JsonObject *row = json_array_get_object_element (costs, i);
        g_auto(GStrv) parts = g_strsplit (json_object_get_string_member (row, "amount"), ".", 2);

        g_assert_cmpstr (json_object_get_string_member (row, "provider"), ==, "aws");
        g_assert_cmpstr (json_object_get_string_member (row, "accrued_at") + 8, ==, "01+00:00");
        sum += g_ascii_strtoll (parts[0], NULL, 10) * 100 + g_ascii_strtoll (parts[1], NULL, 10);
      }
    {
      g_auto(GStrv) parts = g_strsplit (json_object_get_string_member (json_object_get_object_member (reply_object (&r), "total_cost"), "amount"), ".", 2);

      g_assert_cmpint (sum, ==, g_ascii_strtoll (parts[0], NULL, 10) * 100 + g_ascii_strtoll (parts[1], NULL, 10));
    }
    /* the filter is kept in the links */
    g_assert_nonnull (strstr (link_of (&r, "self"), "filter="));
  }
  /* order=asc */
  {
    g_autofree char *url = g_strdup_printf ("/v2/costs?workspace_token=%s&groupings=service&order=asc&limit=5000", ws);
    g_auto(Reply) r = { 0 };
    JsonArray *costs;

    fetch (f, "GET", url, READ_TOKEN, NULL, &r);
    costs = json_object_get_array_member (reply_object (&r), "costs");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (costs, 0), "accrued_at"), <,
                     json_object_get_string_member (json_array_get_object_element (costs, json_array_get_length (costs) - 1), "accrued_at"));
  }
  /* bad input */
  {
    static const char * const bad[] = {
      "&filter=costs.provider%20%3D%20'aws'%20OR%20costs.provider%20%3D%20'gcp'",
      "&filter=costs.nope%20%3D%20'x'",
      "&groupings=tag:team",
      "&date_bin=hour",
      "&start_date=yesterday",
      "&start_date=2026-03-10&end_date=2026-03-01",
      "&order=sideways",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *url = g_strdup_printf ("/v2/costs?workspace_token=%s%s", ws, bad[i]);
        g_auto(Reply) r = { 0 };

        fetch (f, "GET", url, READ_TOKEN, NULL, &r);
        g_assert_cmpuint (r.status, ==, 400);
        g_assert_nonnull (first_error (&r));
      }
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/costs?workspace_token=wrkspc_nope", READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 404);
  }
}

/* ---- rate limits ---------------------------------------------------------- */

static guint
header_uint (Reply      *reply,
             const char *name)
{
  const char *value = soup_message_headers_get_one (reply->headers, name);

  g_assert_nonnull (value);

  return (guint) g_ascii_strtoull (value, NULL, 10);
}

static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *costs = g_strdup_printf ("/v2/costs?workspace_token=%s&groupings=service&limit=1",
                                            inflow_simulator_get_default_workspace_token (f->sim));

  {
    g_auto(Reply) r = { 0 };
    g_autoptr(GDateTime) date = NULL;
    gint64 reset;

    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (header_uint (&r, "x-rate-limit-limit"), ==, 1000);
    g_assert_cmpuint (header_uint (&r, "x-rate-limit-remaining"), ==, 999);
    date = reply_date (&r);
    reset = g_ascii_strtoll (soup_message_headers_get_one (r.headers, "x-rate-limit-reset"), NULL, 10);
    g_assert_cmpint (reset - g_date_time_to_unix (date), >, 3500);
    g_assert_cmpint (reset - g_date_time_to_unix (date), <=, 3601);
  }

  inflow_simulator_set_rate_limit (f->sim, 3, 60);
  for (guint i = 0; i < 3; i++)
    {
      g_auto(Reply) r = { 0 };

      fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
      g_assert_cmpuint (r.status, ==, 200);
      g_assert_cmpuint (header_uint (&r, "x-rate-limit-limit"), ==, 3);
      g_assert_cmpuint (header_uint (&r, "x-rate-limit-remaining"), ==, 2 - i);
    }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/me", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 429);
    g_assert_nonnull (first_error (&r));
    g_assert_cmpuint (header_uint (&r, "x-rate-limit-remaining"), ==, 0);
    g_assert_cmpuint (header_uint (&r, "Retry-After"), >=, 1);
    g_assert_cmpuint (header_uint (&r, "Retry-After"), <=, 60);
  }
  /* a bad token is not counted and still sees the headers */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/me", "wrong", NULL, &r);
    g_assert_cmpuint (r.status, ==, 401);
    g_assert_cmpuint (header_uint (&r, "x-rate-limit-remaining"), ==, 0);
  }

  /* the /costs limit: 5 per 5 seconds */
  inflow_simulator_set_rate_limit (f->sim, 1000, 3600);
  inflow_simulator_set_cost_rate_limit (f->sim, 5, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_auto(Reply) r = { 0 };

      fetch (f, "GET", costs, READ_TOKEN, NULL, &r);
      g_assert_cmpuint (r.status, ==, 200);
    }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", costs, READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 429);
    g_assert_cmpuint (header_uint (&r, "x-rate-limit-limit"), ==, 5);
    g_assert_cmpuint (header_uint (&r, "Retry-After"), <=, 5);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/me", READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
  }
  inflow_simulator_set_cost_rate_limit (f->sim, 0, 5);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", costs, READ_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
  }
}

/* ---- faults --------------------------------------------------------------- */

static void
test_fault_status (Fixture       *f,
                   gconstpointer  data)
{
  /* two 503s then success */
  inflow_simulator_add_fault (f->sim, "GET", "/v2/me", INFLOW_SIM_FAULT_STATUS, 503, 0, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_auto(Reply) r = { 0 };

      fetch (f, "GET", "/v2/me", WRITE_TOKEN, NULL, &r);
      g_assert_cmpuint (r.status, ==, i < 2 ? 503 : 200);
      if (i < 2)
        g_assert_nonnull (first_error (&r));
    }
  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, "/v2/me"), ==, 3);

  /* the method is matched; count 0 lasts until cleared */
  inflow_simulator_add_fault (f->sim, "PUT", "/v2/integrations/", INFLOW_SIM_FAULT_STATUS, 500, 0, 0);
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?limit=1", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
  }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *url = g_strconcat ("/v2/integrations/",
                                          inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_ERROR), NULL);
      g_auto(Reply) r = { 0 };

      fetch (f, "PUT", url, WRITE_TOKEN, "{}", &r);
      g_assert_cmpuint (r.status, ==, 500);
    }
  inflow_simulator_clear_faults (f->sim);
  {
    g_autofree char *url = g_strconcat ("/v2/integrations/",
                                        inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_ERROR), NULL);
    g_auto(Reply) r = { 0 };

    fetch (f, "PUT", url, WRITE_TOKEN, "{}", &r);
    g_assert_cmpuint (r.status, ==, 200);
  }

  /* remove by id; "*" is any method */
  {
    guint id = inflow_simulator_add_fault (f->sim, "*", "/v2/ping", INFLOW_SIM_FAULT_STATUS, 502, 0, 0);
    g_auto(Reply) r1 = { 0 };
    g_auto(Reply) r2 = { 0 };

    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r1);
    g_assert_cmpuint (r1.status, ==, 502);
    inflow_simulator_remove_fault (f->sim, id);
    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r2);
    g_assert_cmpuint (r2.status, ==, 200);
  }
}

/* Chaos mode: many requests at once, so that the slow ones overlap */
typedef struct
{
  guint n_pending;
  guint n_ok;            /* 200 with a body that is JSON */
  guint n_status[600];
  guint n_broken;        /* no answer, or a body that is not whole JSON */
  guint n_retry_after;   /* 429s that say when */
} ChaosTally;

typedef struct
{
  ChaosTally  *tally;
  SoupMessage *msg;
} ChaosRequest;

static void
chaos_request_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChaosRequest *request = user_data;
  ChaosTally *tally = request->tally;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  guint status = soup_message_get_status (request->msg);
  g_autoptr(JsonNode) json = NULL;

  if (body != NULL && g_bytes_get_size (body) > 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

      json = json_from_string (text, NULL);
    }

  if (body == NULL || json == NULL)
    tally->n_broken++;
  else if (status == 200)
    tally->n_ok++;
  if (status < G_N_ELEMENTS (tally->n_status))
    tally->n_status[status]++;
  if (status == 429 &&
      g_strcmp0 (soup_message_headers_get_one (soup_message_get_response_headers (request->msg), "Retry-After"), "2") == 0)
    tally->n_retry_after++;

  g_object_unref (request->msg);
  g_free (request);
  tally->n_pending--;
}

static gboolean
chaos_done (gpointer data)
{
  return ((ChaosTally *) data)->n_pending == 0;
}

static void
chaos_fetch_many (Fixture    *f,
                  guint       n,
                  ChaosTally *tally)
{
  g_autoptr(SoupSession) session = g_object_new (SOUP_TYPE_SESSION, "max-conns-per-host", 64, "max-conns", 64, NULL);
  g_autofree char *url = g_strconcat (inflow_simulator_get_base_url (f->sim), "/v2/integrations?limit=5", NULL);

  for (guint i = 0; i < n; i++)
    {
      ChaosRequest *request = g_new0 (ChaosRequest, 1);

      request->tally = tally;
      request->msg = soup_message_new ("GET", url);
      soup_message_headers_replace (soup_message_get_request_headers (request->msg),
                                    "Authorization", "Bearer " WRITE_TOKEN);
      tally->n_pending++;
      soup_session_send_and_read_async (session, request->msg, G_PRIORITY_DEFAULT, NULL,
                                        chaos_request_cb, request);
    }
  g_assert_true (inflow_test_wait_until (chaos_done, tally, 30000));
  soup_session_abort (session);
  drain_main_context ();
}

static void
test_chaos (Fixture       *f,
            gconstpointer  data)
{
  ChaosTally tally = { 0 };
  ChaosTally calm = { 0 };
  g_autofree char *report = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *counts;
  guint sum = 0;
  guint kinds = 0;
  const char * const names[] = {
    "server-error", "rate-limited", "slow", "dropped", "truncated", "cut-json", "malformed", "wrong-types",
  };

  /* Every request gets a fault from the mix */
  inflow_simulator_set_chaos (f->sim, 1.0, 7);
  chaos_fetch_many (f, 60, &tally);

  report = inflow_simulator_dup_chaos_report (f->sim);
  node = json_from_string (report, NULL);
  g_assert_nonnull (node);
  counts = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (counts, "requests"), ==, 60);
  g_assert_cmpint (json_object_get_int_member (counts, "faults"), ==, 60);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 n = json_object_get_int_member (counts, names[i]);

      sum += (guint) n;
      kinds += n > 0;
    }
  g_assert_cmpuint (sum, ==, 60);
  g_assert_cmpuint (kinds, >=, 6);

  /* What the client saw agrees with the report: 5xx and 429 as counted,
   * each 429 with a short Retry-After; the slow and wrong-typed answers
   * are whole JSON; the rest broken */
  g_assert_cmpuint (tally.n_status[500] + tally.n_status[502] + tally.n_status[503] + tally.n_status[504], ==,
                    json_object_get_int_member (counts, "server-error"));
  g_assert_cmpuint (tally.n_status[429], ==, json_object_get_int_member (counts, "rate-limited"));
  g_assert_cmpuint (tally.n_retry_after, ==, tally.n_status[429]);
  g_assert_cmpuint (tally.n_ok, ==, json_object_get_int_member (counts, "slow") +
                                    json_object_get_int_member (counts, "wrong-types"));
  g_assert_cmpuint (tally.n_broken, ==, json_object_get_int_member (counts, "dropped") +
                                        json_object_get_int_member (counts, "truncated") +
                                        json_object_get_int_member (counts, "cut-json") +
                                        json_object_get_int_member (counts, "malformed"));

  /* Off: every answer is whole again, and the counts stay */
  inflow_simulator_set_chaos (f->sim, 0, 0);
  chaos_fetch_many (f, 10, &calm);
  g_assert_cmpuint (calm.n_ok, ==, 10);
  g_clear_pointer (&report, g_free);
  report = inflow_simulator_dup_chaos_report (f->sim);
  g_assert_true (strstr (report, "\"requests\":70,\"chaos\":0,\"faults\":60,") != NULL);
}

/* inflow-sim --control: commands on standard input, an answer a line */
static void
test_control (void)
{
  static const struct {
    const char *command;
    const char *answer;   /* its beginning */
  } steps[] = {
    { "report", "{\"requests\":0,\"chaos\":0,\"faults\":0," },
    { "chaos 0.25", "ok" },
    { "report", "{\"requests\":0,\"chaos\":0.25," },
    { "chaos 2", "error: chaos: \"2\" is not a valid value" },
    { "chaos", "error: chaos wants one number" },
    { "time-scale -1", "error: time-scale: \"-1\" is not a valid value" },
    { "time-scale 60", "ok" },
    { "clear-faults", "ok" },
    { "launch", "error: unknown command \"launch\"" },
    { "", "error: an empty command" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) sim = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *url = NULL;
  GOutputStream *in;

  sim = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                          INFLOW_SIM_PATH, "--control", "--quiet", NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (sim);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim));

  url = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *line = g_strconcat (steps[i].command, "\n", NULL);
      g_autofree char *answer = NULL;

      g_assert_true (g_output_stream_write_all (in, line, strlen (line), NULL, NULL, &error));
      g_assert_no_error (error);
      answer = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (answer);
      if (!g_str_has_prefix (answer, steps[i].answer))
        g_error ("\"%s\" answered \"%s\", not \"%s…\"", steps[i].command, answer, steps[i].answer);
    }

  /* The end of the input quits it */
  g_assert_true (g_output_stream_close (in, NULL, &error));
  g_assert_true (g_subprocess_wait_check (sim, NULL, &error));
  g_assert_no_error (error);
}

static void
test_fault_delay (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Reply) slow = { 0 };
  g_auto(Reply) fast = { 0 };

  inflow_simulator_add_fault (f->sim, NULL, "/v2/workspaces", INFLOW_SIM_FAULT_DELAY, 0, 400, 1);
  fetch (f, "GET", "/v2/workspaces", WRITE_TOKEN, NULL, &slow);
  g_assert_cmpuint (slow.status, ==, 200);
  g_assert_cmpfloat (slow.seconds, >=, 0.39);
  g_assert_nonnull (reply_object (&slow));

  fetch (f, "GET", "/v2/workspaces", WRITE_TOKEN, NULL, &fast);
  g_assert_cmpuint (fast.status, ==, 200);
  g_assert_cmpfloat (fast.seconds, <, 0.3);

  /* a delay combines with a status */
  {
    g_auto(Reply) r = { 0 };

    inflow_simulator_add_fault (f->sim, NULL, "/v2/teams", INFLOW_SIM_FAULT_STATUS, 504, 200, 1);
    fetch (f, "GET", "/v2/teams", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 504);
    g_assert_cmpfloat (r.seconds, >=, 0.19);
  }

  /* the simulator goes away while it holds a request */
  {
    g_autofree char *url = g_strconcat (inflow_simulator_get_base_url (f->sim), "/v2/me", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;

    inflow_simulator_add_fault (f->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_DELAY, 0, 10000, 1);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", "Bearer " WRITE_TOKEN);
    soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL,
                                      inflow_test_store_result_cb, &result);
    while (inflow_simulator_get_request_count (f->sim, "/v2/me") == 0)
      g_main_context_iteration (NULL, TRUE);

    g_clear_object (&f->sim);
    inflow_test_wait_result (&result);
    body = soup_session_send_and_read_finish (f->session, result, &error);
    g_assert_nonnull (error);
  }
}

static void
test_fault_bodies (Fixture       *f,
                   gconstpointer  data)
{
  /* truncated: Content-Length promises more than arrives */
  {
    g_auto(Reply) r = { 0 };

    inflow_simulator_add_fault (f->sim, NULL, "/v2/integrations", INFLOW_SIM_FAULT_TRUNCATED_BODY, 0, 0, 1);
    fetch (f, "GET", "/v2/integrations", WRITE_TOKEN, NULL, &r);
    g_test_message ("truncated: status %u, error %s", r.status, r.error ? r.error->message : "none");
    g_assert_true (r.error != NULL || r.json == NULL);
  }
  /* cut JSON */
  {
    g_auto(Reply) r = { 0 };

    inflow_simulator_add_fault (f->sim, NULL, "/v2/integrations", INFLOW_SIM_FAULT_CUT_JSON, 0, 0, 1);
    fetch (f, "GET", "/v2/integrations", WRITE_TOKEN, NULL, &r);
    g_assert_no_error (r.error);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (r.body), >, 10);
    g_assert_null (r.json);
  }
  /* malformed JSON */
  {
    g_auto(Reply) r = { 0 };

    inflow_simulator_add_fault (f->sim, NULL, "/v2/me", INFLOW_SIM_FAULT_MALFORMED_JSON, 0, 0, 1);
    fetch (f, "GET", "/v2/me", WRITE_TOKEN, NULL, &r);
    g_assert_no_error (r.error);
    g_assert_cmpuint (r.status, ==, 200);
    g_assert_null (r.json);
  }
  /* wrong types in the first item of a list */
  {
    g_auto(Reply) r = { 0 };
    JsonArray *items;
    JsonObject *first;
    JsonObject *second;

    inflow_simulator_add_fault (f->sim, "GET", "/v2/integrations", INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
    fetch (f, "GET", "/v2/integrations?limit=3", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
    items = json_object_get_array_member (reply_object (&r), "integrations");
    g_assert_cmpuint (json_array_get_length (items), ==, 3);
    first = json_array_get_object_element (items, 0);
    g_assert_true (json_object_get_null_member (first, "token"));
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "status")), ==, G_TYPE_INT64);
    g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (first, "workspace_tokens")));
    second = json_array_get_object_element (items, 1);
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (second, "status")), ==, G_TYPE_STRING);
  }
  /* wrong types in a single object */
  {
    const char *token = inflow_simulator_get_notable_integration (f->sim, INFLOW_SIM_NOTABLE_STALE);
    g_autofree char *url = g_strconcat ("/v2/integrations/", token, NULL);
    g_auto(Reply) r = { 0 };

    inflow_simulator_add_fault (f->sim, "GET", "/v2/integrations/", INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
    fetch (f, "GET", url, WRITE_TOKEN, NULL, &r);
    g_assert_true (json_object_get_null_member (reply_object (&r), "token"));
    g_assert_cmpint (json_object_get_int_member (reply_object (&r), "status"), ==, 7);
  }
  /* everything is back to normal */
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/integrations?limit=3", WRITE_TOKEN, NULL, &r);
    g_assert_nonnull (r.json);
  }
}

static void
test_fault_connection (Fixture       *f,
                       gconstpointer  data)
{
  /* dropped without a response */
  {
    g_auto(Reply) r = { 0 };

    inflow_simulator_add_fault (f->sim, NULL, "/v2/ping", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 1);
    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
    g_assert_nonnull (r.error);
    g_test_message ("dropped: %s", r.error->message);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/ping", WRITE_TOKEN, NULL, &r);
    g_assert_cmpuint (r.status, ==, 200);
  }
  /* a redirect to another origin: a second simulator records what it got */
  {
    g_autoptr(InflowSimulator) other = inflow_simulator_new (2, 0, 0);
    g_autoptr(GError) error = NULL;
    g_autofree char *target = NULL;
    g_auto(Reply) r = { 0 };
    const char *authorization = "unset";

    g_assert_true (inflow_simulator_listen (other, 0, &error));
    target = g_strconcat (inflow_simulator_get_base_url (other), "/v2/me", NULL);
    inflow_simulator_add_redirect (f->sim, "/v2/me", 307, target, 1);

    fetch_full (f, "GET", "/v2/me", WRITE_TOKEN, NULL, SOUP_MESSAGE_NO_REDIRECT, &r);
    g_assert_cmpuint (r.status, ==, 307);
    g_assert_cmpstr (soup_message_headers_get_one (r.headers, "Location"), ==, target);
    g_assert_cmpuint (inflow_simulator_get_request_count (other, NULL), ==, 0);

    /* following it by hand, without the token */
    {
      g_auto(Reply) followed = { 0 };

      fetch (f, "GET", target, NULL, NULL, &followed);
      g_assert_cmpuint (followed.status, ==, 401);
    }
    g_assert_true (inflow_simulator_get_last_authorization (other, "/v2/me", &authorization));
    g_assert_null (authorization);
  }
}

/* ---- counters ------------------------------------------------------------- */

static void
test_counters (Fixture       *f,
               gconstpointer  data)
{
  const char *authorization = NULL;

  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, NULL), ==, 0);
  g_assert_false (inflow_simulator_get_last_authorization (f->sim, "/v2", &authorization));

  for (guint i = 0; i < 3; i++)
    {
      g_auto(Reply) r = { 0 };

      fetch (f, "GET", "/v2/workspaces", WRITE_TOKEN, NULL, &r);
    }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v2/me", NULL, NULL, &r);
  }
  {
    g_auto(Reply) r = { 0 };

    fetch (f, "GET", "/v1/integrations/aws/info", READ_TOKEN, NULL, &r);
  }

  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, NULL), ==, 5);
  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, "/v2/workspaces"), ==, 3);
  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, "/v2"), ==, 4);
  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, "/v1/"), ==, 1);
  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, "/v2/teams"), ==, 0);

  g_assert_true (inflow_simulator_get_last_authorization (f->sim, "/v2/workspaces", &authorization));
  g_assert_cmpstr (authorization, ==, "Bearer " WRITE_TOKEN);
  g_assert_true (inflow_simulator_get_last_authorization (f->sim, "/v2/me", &authorization));
  g_assert_null (authorization);
  g_assert_true (inflow_simulator_get_last_authorization (f->sim, NULL, &authorization));
  g_assert_cmpstr (authorization, ==, "Bearer " READ_TOKEN);

  inflow_simulator_reset_request_counts (f->sim);
  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, NULL), ==, 0);
  g_assert_cmpuint (inflow_simulator_get_request_count (f->sim, "/v2/workspaces"), ==, 0);
}

/* ---- JSON writers -------------------------------------------------------- */

static void
test_json_escaping (void)
{
  const char *nasty = "quote \" backslash \\ newline \n tab \t bell \x01 caf\xc3\xa9 </script>";
  g_autoptr(GString) out = g_string_new ("{\"s\":");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  inflow_sim_json_string (out, nasty);
  g_string_append (out, ",\"n\":");
  inflow_sim_json_string (out, NULL);
  g_string_append (out, ",\"a\":");
  inflow_sim_json_cents (out, 123456);
  g_string_append (out, ",\"b\":");
  inflow_sim_json_cents (out, 7);
  g_string_append_c (out, '}');
  g_assert_nonnull (strstr (out->str, "\\u0001"));

  node = json_from_string (out->str, NULL);
  g_assert_nonnull (node);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "s"), ==, nasty);
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "n"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "a"), ==, "1234.56");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "b"), ==, "0.07");

  day = inflow_sim_json_format_day (inflow_sim_day_parse ("2024-02-29"));
  g_assert_cmpstr (day, ==, "2024-02-29");
  g_assert_cmpint (inflow_sim_day_parse ("2024-02-30"), ==, G_MININT64);
  g_assert_cmpint (inflow_sim_day_parse ("1970-01-02T10:00:00Z"), ==, 1);
  g_assert_cmpint (inflow_sim_day_week_start (inflow_sim_day_parse ("2026-08-13")), ==,
                   inflow_sim_day_parse ("2026-08-10"));
  g_assert_cmpint (inflow_sim_day_quarter_start (inflow_sim_day_parse ("2026-08-13")), ==,
                   inflow_sim_day_parse ("2026-07-01"));
  time = inflow_sim_json_format_time (G_GINT64_CONSTANT (1722353422) * G_USEC_PER_SEC);
  g_assert_cmpstr (time, ==, "2024-07-30T15:30:22Z");
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/simulator/auth", test_auth);
  ADD ("/simulator/me", test_me);
  ADD ("/simulator/pagination", test_pagination);
  g_test_add_func ("/simulator/large", test_large);
  ADD ("/simulator/put-workspaces", test_put_workspaces);
  ADD ("/simulator/delete", test_delete);
  ADD ("/simulator/aws-info", test_aws_info);
  ADD ("/simulator/aws-create", test_aws_create);
  ADD ("/simulator/clock", test_clock);
  ADD ("/simulator/lifecycle", test_lifecycle);
  ADD ("/simulator/awaiting-first-cur", test_awaiting_first_cur);
  ADD ("/simulator/notables", test_notables);
  g_test_add_func ("/simulator/deterministic", test_deterministic);
  g_test_add_func ("/simulator/json-escaping", test_json_escaping);
  ADD ("/simulator/teams-workspaces", test_teams_workspaces);
  ADD ("/simulator/costs", test_costs);
  ADD ("/simulator/rate-limit", test_rate_limit);
  ADD ("/simulator/fault-status", test_fault_status);
  ADD ("/simulator/fault-delay", test_fault_delay);
  ADD ("/simulator/fault-bodies", test_fault_bodies);
  ADD ("/simulator/fault-connection", test_fault_connection);
  ADD ("/simulator/counters", test_counters);
  ADD ("/simulator/chaos", test_chaos);
  g_test_add_func ("/simulator/control", test_control);
#undef ADD

  return inflow_test_run ();
}
