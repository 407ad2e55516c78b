/* bench-views.c: the Integrations view with 10,000 integrations
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the simulator in-process (seed 42, 10,000 integrations, 5,000
 * accounts) on loopback, opens the Integrations view in a window and
 * prints:
 *   - the time from launch to the populated list (refresh through the
 *     service layer, sorting, filtering and the first frame);
 *   - for a few keystrokes, the main-thread time until the filter model
 *     reports done, and the longest main-loop iteration meanwhile;
 *   - the peak resident memory.
 * Needs a display: xvfb-run -a ./build/tests/bench/bench-views
 * Options: [n_integrations] [n_accounts]
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "inflow-integrations-view.h"
#include "inflow-resources.h"
#include "inflow-simulator.h"

static GPollFunc default_poll;
static gint64 iteration_start;   /* when the last poll returned */
static gint64 longest_iteration;
static gint64 busy_total;
static gboolean measuring;

/* Everything between a poll's return and the next poll is main-loop work. */
static int
measuring_poll (GPollFD *fds,
                guint    nfds,
                int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (measuring && iteration_start > 0)
    {
      gint64 spent = now - iteration_start;

      busy_total += spent;
      longest_iteration = MAX (longest_iteration, spent);
    }

  result = default_poll (fds, nfds, timeout);
  iteration_start = g_get_monotonic_time ();

  return result;
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_session_refresh_finish (INFLOW_SESSION (source), result, &error))
    g_error ("Refresh failed: %s", error->message);
}

static void
keystroke (InflowIntegrationsView *view,
           const char             *text)
{
  GListModel *shown = inflow_integrations_view_get_shown_model (view);
  gint64 start;

  measuring = TRUE;
  busy_total = 0;
  longest_iteration = 0;
  iteration_start = start = g_get_monotonic_time ();
  inflow_integrations_view_set_search (view, text);
  while (inflow_integrations_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  /* The iteration that finished the filtering */
  busy_total += g_get_monotonic_time () - iteration_start;
  longest_iteration = MAX (longest_iteration, g_get_monotonic_time () - iteration_start);
  measuring = FALSE;

  g_print ("keystroke \"%s\": %u rows; main-thread time until filtered %.1f ms (wall %.1f ms); "
           "longest main-loop iteration %.1f ms\n",
           text, g_list_model_get_n_items (shown), busy_total / 1000.0,
           (g_get_monotonic_time () - start) / 1000.0, longest_iteration / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  guint n_integrations = argc > 1 ? atoi (argv[1]) : 10000;
  guint n_accounts = argc > 2 ? atoi (argv[2]) : 5000;
  g_autoptr(InflowSimulator) simulator = NULL;
  g_autoptr(InflowClient) client = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(InflowSession) session = NULL;
  g_autoptr(GError) error = NULL;
  InflowIntegrationsView *view;
  GtkWindow *window;
  struct rusage usage;
  gint64 launch, listening, populated;

  launch = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();
  g_assert_nonnull (inflow_get_resource ());

  simulator = inflow_simulator_new (42, n_integrations, n_accounts);
  if (!inflow_simulator_listen (simulator, 0, &error))
    g_error ("%s", error->message);
  listening = g_get_monotonic_time ();

  client = inflow_client_new (inflow_simulator_get_base_url (simulator), "demo-token", &error);
  profile = inflow_profile_new_demo (inflow_simulator_get_base_url (simulator));
  session = inflow_session_new (profile, client, NULL);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  view = INFLOW_INTEGRATIONS_VIEW (inflow_integrations_view_new ());
  inflow_integrations_view_set_session (view, session);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  inflow_session_refresh_async (session, NULL, refresh_cb, NULL);
  while (g_list_model_get_n_items (inflow_integrations_view_get_shown_model (view)) < n_integrations ||
         inflow_integrations_view_get_busy (view) ||
         inflow_session_get_refreshing (session))
    g_main_context_iteration (NULL, TRUE);
  /* One frame with the rows */
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  populated = g_get_monotonic_time ();

  g_print ("scenario: %u integrations, %u accounts (simulator in-process, same main thread)\n",
           n_integrations, n_accounts);
  g_print ("launch to simulator listening: %.0f ms\n", (listening - launch) / 1000.0);
  g_print ("launch to populated Integrations list: %.0f ms (%u rows)\n",
           (populated - launch) / 1000.0,
           g_list_model_get_n_items (inflow_integrations_view_get_shown_model (view)));

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, measuring_poll);

  keystroke (view, "p");
  keystroke (view, "pr");
  keystroke (view, "prod");
  keystroke (view, "");
  keystroke (view, "aws");

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak resident memory: %.1f MiB\n", usage.ru_maxrss / 1024.0);

  g_main_context_set_poll_func (NULL, default_poll);
  gtk_window_destroy (window);
  inflow_session_close (session);

  return 0;
}
