/* test-slow-servers.c: servers that answer too slowly, or never stop answering
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A "slow loris" on loopback sends its answer one byte at a time, each
 * well within the client's idle timeout, so that only a deadline on the
 * whole request ends it. A paging server links every page to a new one
 * (never a page already read, so the loop check cannot stop it), quickly
 * or slowly, so that only a budget per list ends it.
 *
 * Each test waits for its answer at most WAIT_BOUND_MS: a client without
 * the bounds would still be reading when the test gives up, which fails it.
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "inflow-client.h"
#include "inflow-test-utils.h"

#define TOKEN "vntg_tkn_slow_5b7d9f1a3c"

/* Far below the server's drip: a client that waits for it fails the test */
#define WAIT_BOUND_MS 20000

/* The slow loris: a thread with a blocking socket, one byte per DRIP_MS */

#define DRIP_MS 400

typedef struct
{
  GSocket  *listener;
  GThread  *thread;
  gboolean  in_body;      /* drip the body, after whole headers */
  gint      stop;         /* atomic */
  gint      n_dripped;    /* atomic */
  guint16   port;
} Loris;

static const char loris_headers[] =
  "HTTP/1.1 200 OK\r\n"
  "Content-Type: application/json\r\n"
  "Content-Length: 100000\r\n"
  "\r\n";

static gboolean
read_request (GSocket *socket)
{
  g_autoptr(GString) request = g_string_new (NULL);
  char buffer[1024];

  while (strstr (request->str, "\r\n\r\n") == NULL)
    {
      gssize n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        return FALSE;
      g_string_append_len (request, buffer, n);
    }

  return TRUE;
}

static gboolean
drip (Loris   *loris,
      GSocket *socket,
      char     byte)
{
  if (g_atomic_int_get (&loris->stop))
    return FALSE;

  g_usleep (DRIP_MS * 1000);
  if (g_socket_send (socket, &byte, 1, NULL, NULL) != 1)
    return FALSE;

  g_atomic_int_inc (&loris->n_dripped);
  return TRUE;
}

static gpointer
loris_thread (gpointer data)
{
  Loris *loris = data;
  g_autoptr(GSocket) socket = g_socket_accept (loris->listener, NULL, NULL);

  if (socket == NULL || !read_request (socket))
    return NULL;

  if (loris->in_body)
    {
      g_socket_send (socket, loris_headers, strlen (loris_headers), NULL, NULL);
      while (drip (loris, socket, ' '))
        ;
    }
  else
    {
      static const char status_line[] = "HTTP/1.1 200 OK\r\n";
      static const char header_line[] = "X-Slow: a\r\n";
      gboolean going = TRUE;

      /* A status line, then header lines that never end */
      for (guint i = 0; going && status_line[i] != '\0'; i++)
        going = drip (loris, socket, status_line[i]);
      for (guint i = 0; going; i = (i + 1) % (sizeof header_line - 1))
        going = drip (loris, socket, header_line[i]);
    }

  return NULL;
}

static void
loris_start (Loris    *loris,
             gboolean  in_body)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  loris->in_body = in_body;
  loris->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (loris->listener, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (loris->listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (loris->listener, &error);
  g_assert_no_error (error);
  loris->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  loris->thread = g_thread_new ("slow-loris", loris_thread, loris);
}

static void
loris_stop (Loris *loris)
{
  g_atomic_int_set (&loris->stop, 1);
  /* Unblocks an accept that never came */
  g_socket_shutdown (loris->listener, TRUE, TRUE, NULL);
  g_socket_close (loris->listener, NULL);
  g_thread_join (loris->thread);
  g_clear_object (&loris->listener);
}

static gboolean
result_arrived_cb (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
run_loris (gboolean in_body)
{
  Loris loris = { 0 };
  g_autoptr(InflowClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autofree char *base_url = NULL;

  loris_start (&loris, in_body);
  base_url = g_strdup_printf ("http://127.0.0.1:%u", loris.port);
  client = inflow_client_new (base_url, TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (client, 3, 1);
  inflow_client_set_deadline (client, 2000);

  inflow_client_get_me_async (client, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_test_wait_until (result_arrived_cb, &result, WAIT_BOUND_MS));
  me = inflow_client_get_me_finish (client, result, &error);

  g_test_message ("%u bytes dripped: %s", g_atomic_int_get (&loris.n_dripped),
                  error != NULL ? error->message : "(no error)");
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_DEADLINE_EXCEEDED);
  g_assert_nonnull (strstr (error->message, "2 seconds"));
  g_assert_cmpint (g_atomic_int_get (&loris.n_dripped), >, 0);
  /* A slow server may be quicker later */
  g_assert_true (inflow_api_error_is_transient (error));

  g_clear_object (&client);
  loris_stop (&loris);
}

static void
test_deadline_headers (void)
{
  run_loris (FALSE);
}

static void
test_deadline_body (void)
{
  run_loris (TRUE);
}

/* A paging server: each page of workspaces links to a new one, after
 * page_delay_ms */

typedef struct
{
  SoupServer   *server;
  InflowClient *client;
  guint         page_delay_ms;
  guint         n_requests;
} Pager;

static gboolean
unpause_cb (gpointer data)
{
  g_autoptr(SoupServerMessage) msg = data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
pager_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Pager *pager = user_data;
  g_autofree char *json = NULL;

  pager->n_requests++;
  json = g_strdup_printf ("{\"workspaces\": [], \"links\": {\"next\": \"/v2/workspaces?page=%u\"}}",
                          pager->n_requests + 1);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));

  if (pager->page_delay_ms > 0)
    {
      soup_server_message_pause (msg);
      g_timeout_add (pager->page_delay_ms, unpause_cb, g_object_ref (msg));
    }
}

static void
pager_setup (Pager         *pager,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  GSList *uris;

  pager->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (pager->server, "/v2/workspaces", pager_cb, pager, NULL);
  soup_server_listen_local (pager->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (pager->server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  pager->client = inflow_client_new (base_url, TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (pager->client, 1, 1);
}

static gboolean
never_cb (gpointer data)
{
  return FALSE;
}

static void
pager_teardown (Pager         *pager,
                gconstpointer  data)
{
  g_assert_finalize_object (pager->client);
  /* Let the delayed pages and the closed connections run out */
  inflow_test_wait_until (never_cb, NULL, pager->page_delay_ms + 50);
  soup_server_disconnect (pager->server);
  g_clear_object (&pager->server);
}

static GError *
list_workspaces (Pager *pager)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  GError *error = NULL;

  inflow_client_list_workspaces_async (pager->client, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_test_wait_until (result_arrived_cb, &result, WAIT_BOUND_MS));
  list = inflow_client_list_workspaces_finish (pager->client, result, NULL, &error);
  g_assert_null (list);
  g_test_message ("%u pages: %s", pager->n_requests, error->message);

  return error;
}

/* Endless distinct pages, answered at once: the request budget ends it */
static void
test_list_request_budget (Pager         *pager,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  inflow_client_set_list_budget (pager->client, 5, 60 * 1000);
  error = list_workspaces (pager);

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_LIST_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "5 pages"));
  g_assert_cmpuint (pager->n_requests, ==, 5);
  g_assert_false (inflow_api_error_is_transient (error));
}

/* Endless distinct pages, each slow but well within the request deadline:
 * the time budget ends it, in the middle of a page */
static void
test_list_time_budget (Pager         *pager,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  pager->page_delay_ms = 400;
  inflow_client_set_list_budget (pager->client, 1000, 1000);
  error = list_workspaces (pager);

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_LIST_TOO_SLOW);
  g_assert_nonnull (strstr (error->message, "1 second"));
  g_assert_cmpuint (pager->n_requests, >=, 2);
  g_assert_cmpuint (pager->n_requests, <, 1000);
  g_assert_false (inflow_api_error_is_transient (error));
}

/* One page that takes longer than the whole list may */
static void
test_list_time_budget_one_page (Pager         *pager,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  pager->page_delay_ms = 5000;
  inflow_client_set_list_budget (pager->client, 1000, 500);
  error = list_workspaces (pager);

  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_LIST_TOO_SLOW);
  g_assert_cmpuint (pager->n_requests, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/service/slow/deadline-headers", test_deadline_headers);
  g_test_add_func ("/service/slow/deadline-body", test_deadline_body);
  g_test_add ("/service/slow/list-request-budget", Pager, NULL, pager_setup, test_list_request_budget,
              pager_teardown);
  g_test_add ("/service/slow/list-time-budget", Pager, NULL, pager_setup, test_list_time_budget,
              pager_teardown);
  g_test_add ("/service/slow/list-time-budget-one-page", Pager, NULL, pager_setup,
              test_list_time_budget_one_page, pager_teardown);

  return inflow_test_run ();
}
