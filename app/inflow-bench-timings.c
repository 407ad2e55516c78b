/* inflow-bench-timings.c: timings for tests/bench/run-launch-bench.sh
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "inflow-application.h"
#include "inflow-bench-timings.h"
#include "inflow-integration-filter.h"
#include "inflow-integrations-view.h"
#include "inflow-placeholder-rows.h"
#include "inflow-session.h"

/**
 * inflow_bench_timings_watch:
 *
 * With INFLOW_BENCH_TIMINGS=1 in the environment, prints to standard error
 * when the main window paints, one line each (times in ms since
 * INFLOW_BENCH_LAUNCH, the launch's wall clock in µs since the epoch, or
 * since the process started; cpu: the process's CPU time, all threads):
 *   inflow-bench: first-frame wall=MS cpu=MS
 *   inflow-bench: rows wall=MS cpu=MS n=ITEMS fetched=0|1
 *     (the first frame painted with the session's integrations, on the
 *     page the window opens with; fetched=0 when they came from the cache)
 *   inflow-bench: fresh-rows wall=MS cpu=MS n=ITEMS
 *     (the first frame painted after the session's refresh)
 *   inflow-bench: keystroke "TEXT" n=ROWS total=MS longest=MS
 *     (from the view's search changing to the frame that shows the result
 *     with nothing pending: the main thread's CPU time in main-loop
 *     iterations, and the longest iteration's)
 * For that it adds only a poll function that counts the main thread's CPU
 * time and a 20 ms timer; it changes nothing the app does. Without the
 * variable, nothing at all.
 */

typedef struct
{
  InflowApplication      *application;
  InflowIntegrationsView *view;
  gint64                  launch;        /* wall clock, µs */
  gboolean                first_frame;
  gboolean                rows;
  gboolean                saw_refreshing;
  gboolean                fresh_rows;
  guint                   refreshed_ticks;  /* timer ticks since the refresh ended */
  /* The keystroke measured, or NULL */
  char                   *search;
  gint64                  search_cpu;
  gint64                  search_longest;
} BenchTimings;

static BenchTimings timings;
static GPollFunc default_poll;
static gint64 iteration_start_cpu = -1;

/* CPU time of the calling thread, in µs */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Everything between a poll's return and the next poll is main-loop work. */
static int
measuring_poll (GPollFD *fds,
                guint    nfds,
                int      timeout)
{
  int result;

  if (timings.search != NULL && iteration_start_cpu >= 0)
    {
      gint64 spent = thread_cpu_time () - iteration_start_cpu;

      timings.search_cpu += spent;
      timings.search_longest = MAX (timings.search_longest, spent);
    }

  result = default_poll (fds, nfds, timeout);
  iteration_start_cpu = thread_cpu_time ();

  return result;
}

static void
print_time (const char *what,
            const char *extra)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_printerr ("inflow-bench: %s wall=%.1f cpu=%.1f%s\n", what,
              (g_get_real_time () - timings.launch) / 1000.0,
              (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
              (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0,
              extra);
}

static gpointer
template_child (InflowIntegrationsView *view,
                const char             *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (view), INFLOW_TYPE_INTEGRATIONS_VIEW, name);
}

static InflowPlaceholderRows *
shown_rows (InflowIntegrationsView *view)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (template_child (view, "column_view"));

  return INFLOW_PLACEHOLDER_ROWS (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)));
}

/* The integrations the rows show, sorted and filtered */
static GtkFilterListModel *
shown_model (InflowIntegrationsView *view)
{
  return GTK_FILTER_LIST_MODEL (inflow_placeholder_rows_get_source (shown_rows (view)));
}

/* Whether the view is still sorting or filtering, or adding rows */
static gboolean
view_busy (InflowIntegrationsView *view)
{
  GtkFilterListModel *filter_model = shown_model (view);
  GtkSortListModel *sort_model = GTK_SORT_LIST_MODEL (gtk_filter_list_model_get_model (filter_model));

  return inflow_placeholder_rows_get_pending (shown_rows (view)) ||
         gtk_filter_list_model_get_pending (filter_model) > 0 ||
         gtk_sort_list_model_get_pending (sort_model) > 0;
}

static InflowIntegrationsView *
find_view (GtkWidget *widget)
{
  if (INFLOW_IS_INTEGRATIONS_VIEW (widget))
    return INFLOW_INTEGRATIONS_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      InflowIntegrationsView *view = find_view (child);

      if (view != NULL)
        return view;
    }

  return NULL;
}

static void
search_changed_cb (InflowIntegrationFilter *filter)
{
  g_free (timings.search);
  timings.search = g_strdup (inflow_integration_filter_get_search (filter));
  if (timings.search == NULL)
    timings.search = g_strdup ("");
  timings.search_cpu = 0;
  timings.search_longest = 0;
}

/* The first frames that show the session's integrations (on whichever
 * page the window opens with), from the cache and after the refresh. The
 * timer only watches the refresh (no frame may come while it runs), and
 * says when it ended if no frame shows it (nothing changed on screen). */
static void
check_lists (gboolean painted)
{
  InflowProfileManager *manager = inflow_application_get_profile_manager (timings.application);
  InflowSession *session = manager != NULL ? inflow_profile_manager_get_session (manager) : NULL;
  g_autofree char *extra = NULL;
  guint n_items;

  if (session == NULL)
    return;

  if (inflow_session_get_refreshing (session))
    timings.saw_refreshing = TRUE;
  n_items = g_list_model_get_n_items (inflow_session_get_integrations (session));
  if (!painted)
    {
      if (!timings.fresh_rows && timings.saw_refreshing && !inflow_session_get_refreshing (session))
        timings.refreshed_ticks++;
      if (timings.refreshed_ticks < 10)
        return;
    }
  if (!timings.rows && n_items > 0)
    {
      timings.rows = TRUE;
      extra = g_strdup_printf (" n=%u fetched=%d", n_items,
                               timings.saw_refreshing && !inflow_session_get_refreshing (session));
      print_time ("rows", extra);
      g_clear_pointer (&extra, g_free);
    }
  if (!timings.fresh_rows && n_items > 0 && timings.saw_refreshing &&
      !inflow_session_get_refreshing (session))
    {
      timings.fresh_rows = TRUE;
      extra = g_strdup_printf (" n=%u", n_items);
      print_time ("fresh-rows", extra);
    }
}

/* At each frame, and every 20 ms (the result of a keystroke may settle
 * without a frame, when its last change was painted already) */
static void
check_keystroke (GtkWidget *window)
{
  if (timings.view == NULL)
    {
      timings.view = find_view (window);
      if (timings.view == NULL)
        return;
      g_signal_connect (template_child (timings.view, "filter"), "notify::search",
                        G_CALLBACK (search_changed_cb), NULL);
    }

  if (timings.search == NULL || view_busy (timings.view))
    return;

  g_printerr ("inflow-bench: keystroke \"%s\" n=%u total=%.1f longest=%.1f\n",
              timings.search, g_list_model_get_n_items (G_LIST_MODEL (shown_model (timings.view))),
              timings.search_cpu / 1000.0, timings.search_longest / 1000.0);
  g_clear_pointer (&timings.search, g_free);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  if (!timings.first_frame)
    {
      timings.first_frame = TRUE;
      print_time ("first-frame", "");
    }
  check_lists (TRUE);
  check_keystroke (window);
}

static gboolean
check_cb (gpointer data)
{
  if (timings.first_frame)
    {
      check_lists (FALSE);
      check_keystroke (data);
    }

  return G_SOURCE_CONTINUE;
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, G_CONNECT_DEFAULT);
  g_timeout_add_full (G_PRIORITY_LOW, 20, check_cb, g_object_ref (window), g_object_unref);
}

void
inflow_bench_timings_watch (GtkWindow         *window,
                            InflowApplication *application)
{
  const char *launch = g_getenv ("INFLOW_BENCH_LAUNCH");

  if (g_strcmp0 (g_getenv ("INFLOW_BENCH_TIMINGS"), "1") != 0 || timings.application != NULL)
    return;

  timings.application = application;
  timings.launch = launch != NULL ? g_ascii_strtoll (launch, NULL, 10) : g_get_real_time ();
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, measuring_poll);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
