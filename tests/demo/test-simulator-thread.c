/* test-simulator-thread.c: the simulator serving from a thread of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo's simulator answers while the main thread is blocked in a
 * synchronous request that never iterates the main context: on the main
 * context it could not.
 */

#include "config.h"

#include <libsoup/soup.h>

#include "inflow-simulator-thread.h"
#include "inflow-test-utils.h"

static void
prepare_cb (InflowSimulator *simulator,
            gpointer         user_data)
{
  GThread **prepared_in = user_data;

  *prepared_in = g_thread_self ();
  inflow_simulator_set_rate_limit (simulator, 0, 1);
  inflow_simulator_set_time_scale (simulator, 192);
}

static void
test_serves_from_its_thread (void)
{
  g_autoptr(InflowSimulator) simulator = inflow_simulator_new (7, 30, 10);
  g_autoptr(InflowSimulatorThread) thread = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GThread *prepared_in = NULL;

  inflow_simulator_set_tokens (simulator, "thread-token", NULL);
  inflow_simulator_thread_start_async (simulator, prepare_cb, &prepared_in, NULL,
                                       inflow_test_store_result_cb, &result);
  g_clear_object (&simulator);
  inflow_test_wait_result (&result);
  thread = inflow_simulator_thread_start_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (thread);
  g_assert_nonnull (prepared_in);
  g_assert_true (prepared_in != g_thread_self ());
  g_assert_true (g_str_has_prefix (inflow_simulator_thread_get_base_url (thread), "http://127.0.0.1:"));
  /* What the prepare function set, for the monitor to be told */
  g_assert_cmpfloat (inflow_simulator_thread_get_time_scale (thread), ==, 192);

  /* Synchronous: this thread's main context is not iterated meanwhile */
  url = g_strconcat (inflow_simulator_thread_get_base_url (thread), "/v2/integrations?limit=5", NULL);
  msg = soup_message_new ("GET", url);
  soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", "Bearer thread-token");
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "\"integrations\""));

  /* Disposing stops the thread and the simulator in it */
  g_clear_object (&thread);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/demo/simulator-thread/serves-from-its-thread", test_serves_from_its_thread);

  return inflow_test_run ();
}
