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
 *     reports done and the next frame is painted, and the longest
 *     main-loop iteration meanwhile;
 *   - the peak resident memory;
 *   - the view's own share of the launch: a second view, given the session
 *     that holds everything already, until all its rows are painted and
 *     it is idle, and the longest main-loop iteration meanwhile.
 * Main-thread times also come in CPU time, steadier than wall time on a
 * busy machine.
 * Needs a display: xvfb-run -a ./build/tests/bench/bench-views
 * Options: [n_integrations] [n_accounts]
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "inflow-integration-filter.h"
#include "inflow-integrations-view.h"
#include "inflow-placeholder-rows.h"
#include "inflow-resources.h"
#include "inflow-simulator.h"

/* What the view's column view shows: its placeholder rows */
static InflowPlaceholderRows *
shown_rows (InflowIntegrationsView *view)
{
  GObject *column_view = gtk_widget_get_template_child (GTK_WIDGET (view), INFLOW_TYPE_INTEGRATIONS_VIEW, "column_view");
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));

  return INFLOW_PLACEHOLDER_ROWS (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)));
}

/* The integrations the rows show, sorted and filtered */
static GListModel *
shown_model (InflowIntegrationsView *view)
{
  return inflow_placeholder_rows_get_source (shown_rows (view));
}

/* Whether the view is still sorting or filtering, or adding rows */
static gboolean
view_busy (InflowIntegrationsView *view)
{
  GtkFilterListModel *filter_model = GTK_FILTER_LIST_MODEL (shown_model (view));
  GtkSortListModel *sort_model = GTK_SORT_LIST_MODEL (gtk_filter_list_model_get_model (filter_model));

  return inflow_placeholder_rows_get_pending (shown_rows (view)) ||
         gtk_filter_list_model_get_pending (filter_model) > 0 ||
         gtk_sort_list_model_get_pending (sort_model) > 0;
}

/* The view's search, as its entry sets it after its typing delay */
static void
set_search (InflowIntegrationsView *view,
            const char             *text)
{
  GObject *filter = gtk_widget_get_template_child (GTK_WIDGET (view), INFLOW_TYPE_INTEGRATIONS_VIEW, "filter");

  inflow_integration_filter_set_search (INFLOW_INTEGRATION_FILTER (filter), text);
}

static GPollFunc default_poll;
static gint64 iteration_start;   /* when the last poll returned */
static gint64 iteration_start_cpu;
static gint64 longest_iteration;
static gint64 longest_iteration_cpu;
static gint64 busy_total;
static gint64 start;
static gint64 start_cpu;
static gboolean measuring;

/* CPU time of the calling thread, in µs */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
end_iteration (void)
{
  gint64 spent = g_get_monotonic_time () - iteration_start;

  busy_total += spent;
  longest_iteration = MAX (longest_iteration, spent);
  longest_iteration_cpu = MAX (longest_iteration_cpu, thread_cpu_time () - iteration_start_cpu);
}

/* Everything between a poll's return and the next poll is main-loop work. */
static int
measuring_poll (GPollFD *fds,
                guint    nfds,
                int      timeout)
{
  int result;

  if (measuring && iteration_start > 0)
    end_iteration ();

  result = default_poll (fds, nfds, timeout);
  iteration_start = g_get_monotonic_time ();
  iteration_start_cpu = thread_cpu_time ();

  return result;
}

static void
measure_start (void)
{
  measuring = TRUE;
  busy_total = 0;
  longest_iteration = 0;
  longest_iteration_cpu = 0;
  iteration_start = start = g_get_monotonic_time ();
  iteration_start_cpu = start_cpu = thread_cpu_time ();
}

static void
measure_end (const char *what)
{
  /* The last iteration */
  end_iteration ();
  measuring = FALSE;

  g_print ("%s; main-thread time %.1f ms (wall %.1f ms, cpu %.1f ms); "
           "longest main-loop iteration %.1f ms (cpu %.1f ms)\n",
           what, busy_total / 1000.0,
           (g_get_monotonic_time () - start) / 1000.0, (thread_cpu_time () - start_cpu) / 1000.0,
           longest_iteration / 1000.0, longest_iteration_cpu / 1000.0);
}

typedef struct
{
  gboolean painted;
  guint    timeout;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  wait->painted = TRUE;
}

static gboolean
paint_timeout_cb (gpointer data)
{
  FrameWait *wait = data;

  wait->painted = TRUE;
  wait->timeout = 0;

  return G_SOURCE_REMOVE;
}

/* Until the next frame is painted (the one that shows the result: rows
 * are laid out there); a change that shows nothing new may paint none. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  FrameWait wait = { FALSE, 0 };
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);
  wait.timeout = g_timeout_add (250, paint_timeout_cb, &wait);
  while (!wait.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_clear_handle_id (&wait.timeout, g_source_remove);
}

static void
settle (void)
{
  for (int i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
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

/* A second view, in a window of its own, given the session that holds
 * everything already: the view's own share of the launch. */
static void
view_alone (InflowSession *session,
            guint          n_integrations)
{
  InflowIntegrationsView *view;
  GtkWindow *window;

  measure_start ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  view = INFLOW_INTEGRATIONS_VIEW (inflow_integrations_view_new ());
  inflow_integrations_view_set_session (view, session);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  while (g_list_model_get_n_items (shown_model (view)) < n_integrations ||
         view_busy (view))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (view));
  settle ();
  measure_end ("the view alone, from a new view to all rows painted and idle");

  gtk_window_destroy (window);
  settle ();
}

static void
keystroke (InflowIntegrationsView *view,
           const char             *text)
{
  GListModel *shown = shown_model (view);
  g_autofree char *what = NULL;

  measure_start ();
  set_search (view, text);
  while (view_busy (view))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (view));

  what = g_strdup_printf ("keystroke \"%s\": %u rows, filtered and painted",
                          text, g_list_model_get_n_items (shown));
  measure_end (what);
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
  while (g_list_model_get_n_items (shown_model (view)) < n_integrations ||
         view_busy (view) ||
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
           g_list_model_get_n_items (shown_model (view)));

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, measuring_poll);

  /* Account names and idle work first */
  settle ();

  keystroke (view, "p");
  keystroke (view, "pr");
  keystroke (view, "prod");
  keystroke (view, "");
  keystroke (view, "aws");
  /* A search that matches nothing, then none: every row goes, and comes back */
  keystroke (view, "awsz");
  keystroke (view, "");

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak resident memory: %.1f MiB\n", usage.ru_maxrss / 1024.0);

  view_alone (session, n_integrations);

  g_main_context_set_poll_func (NULL, default_poll);
  gtk_window_destroy (window);
  inflow_session_close (session);

  return 0;
}
