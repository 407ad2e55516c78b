/* test-simulator-hostile.c: request bodies nested too deep for JSON-GLib
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * inflow-sim listens on loopback for any client: a request body of some
 * 75,000 nested brackets overflowed the stack in JSON-GLib 1.6's recursive
 * parser. It now answers 400 like any other unreadable body.
 */

#include "config.h"

#include <libsoup/soup.h>

#include "inflow-simulator.h"
#include "inflow-test-utils.h"

#define WRITE_TOKEN "demo-token"
#define DEEP 200000

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

static guint
post (InflowSimulator *sim,
      SoupSession     *session,
      const char      *path,
      GBytes          *body)
{
  g_autofree char *url = g_strconcat (inflow_simulator_get_base_url (sim), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                "Bearer " WRITE_TOKEN);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    inflow_test_store_result_cb, &result);
  reply = soup_session_send_and_read_finish (session, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return soup_message_get_status (msg);
}

static void
test_deep_body (void)
{
  g_autoptr(InflowSimulator) sim = inflow_simulator_new (1, 0, 0);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  g_assert_true (inflow_simulator_listen (sim, 0, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (text, '[');
  body = g_string_free_to_bytes (text);

  g_assert_cmpuint (post (sim, session, "/v1/integrations/aws", body), ==, SOUP_STATUS_BAD_REQUEST);

  soup_session_abort (session);
  drain_main_context ();
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/demo/hostile/deep-body", test_deep_body);

  return inflow_test_run ();
}
