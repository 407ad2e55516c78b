/* bench-empty-window.c: an empty AdwApplicationWindow to its first painted frame
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What run-launch-bench.sh compares Inflow's launch with: an application
 * with one empty window, which prints the time of its first painted frame
 * as Inflow's INFLOW_BENCH_TIMINGS=1 hook does,
 *   inflow-bench: first-frame wall=MS cpu=MS
 * (ms since INFLOW_BENCH_LAUNCH, the launch's wall clock in µs since the
 * epoch; cpu: the process's CPU time) and quits.
 */

#include <adwaita.h>
#include <sys/resource.h>

static gint64 launch;

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *application)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_printerr ("inflow-bench: first-frame wall=%.1f cpu=%.1f\n",
              (g_get_real_time () - launch) / 1000.0,
              (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
              (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, application);
  g_application_quit (application);
}

static void
realize_cb (GtkWidget    *window,
            GApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), application);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *launch_env = g_getenv ("INFLOW_BENCH_LAUNCH");
  g_autoptr(AdwApplication) application = NULL;

  launch = launch_env != NULL ? g_ascii_strtoll (launch_env, NULL, 10) : g_get_real_time ();
  application = adw_application_new ("org.inflow.BenchEmptyWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
