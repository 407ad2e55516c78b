/* test-diagnostics.c: the checks of Diagnostics, its window and the redacted status report
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks are InflowDiagnostics, tested as such against the simulator;
 * the window is tested through its widgets: a row per check, the header's
 * copy button, Escape.
 */

#include "config.h"

#include <adwaita.h>

#include "inflow-check-row.h"
#include "inflow-diagnostics-page.h"
#include "inflow-diagnostics-window.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-profile.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"
#include "ui-window.h"

#define TOKEN "vntg_tkn_diagnostics_8c2e4a6f0b1d3e57"

typedef struct
{
  InflowSimulator   *sim;
  InflowClient      *client;
  InflowProfile     *profile;
  InflowSession     *session;
  InflowDiagnostics *diagnostics;
} Fixture;

static gboolean
checks_done (gpointer data)
{
  return !inflow_diagnostics_get_checking (data);
}

static gboolean
monitor_listed (gpointer data)
{
  InflowIngestionMonitor *monitor = data;

  return inflow_ingestion_monitor_get_as_of (monitor) != NULL && !inflow_ingestion_monitor_get_busy (monitor);
}

static gboolean
monitor_failed (gpointer data)
{
  return inflow_ingestion_monitor_get_last_error (data) != NULL;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = inflow_simulator_new (5, 0, 0);
  inflow_simulator_set_tokens (fixture->sim, TOKEN, NULL);
  inflow_simulator_listen (fixture->sim, 0, &error);
  g_assert_no_error (error);

  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->sim), TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (fixture->client, 0, 0);
  fixture->profile = inflow_profile_new ("Meridian Holdings", inflow_simulator_get_base_url (fixture->sim));
  fixture->session = inflow_session_new (fixture->profile, fixture->client, NULL);
  fixture->diagnostics = inflow_diagnostics_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->diagnostics);
  inflow_session_close (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->profile);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sim);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static InflowCheckState
state_of (Fixture     *fixture,
          InflowCheck  check)
{
  return inflow_diagnostic_check_get_state (inflow_diagnostics_get_check (fixture->diagnostics, check));
}

static void
run_checks (Fixture *fixture)
{
  if (inflow_diagnostics_get_session (fixture->diagnostics) == NULL)
    inflow_diagnostics_set_session (fixture->diagnostics, fixture->session);
  else
    inflow_diagnostics_run (fixture->diagnostics);

  g_assert_true (inflow_diagnostics_get_checking (fixture->diagnostics));
  g_assert_true (inflow_test_wait_until (checks_done, fixture->diagnostics, 20000));

  for (guint i = 0; i < INFLOW_N_CHECKS; i++)
    g_test_message ("%s: %s", inflow_diagnostic_check_get_title (inflow_diagnostics_get_check (fixture->diagnostics, i)),
                    inflow_diagnostic_check_get_subtitle (inflow_diagnostics_get_check (fixture->diagnostics, i)));
}

static void
test_checks (Fixture       *fixture,
             gconstpointer  data)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (fixture->session);
  InflowPollStats stats;

  g_assert_true (inflow_test_wait_until (monitor_listed, monitor, 20000));
  run_checks (fixture);

  /* Every check has its own state and time; none is left pending. */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_diagnostics_get_checks (fixture->diagnostics)), ==, INFLOW_N_CHECKS);
  for (guint i = 0; i < INFLOW_N_CHECKS; i++)
    {
      InflowDiagnosticCheck *check = inflow_diagnostics_get_check (fixture->diagnostics, i);

      g_assert_cmpint (inflow_diagnostic_check_get_kind (check), ==, i);
      g_assert_cmpint (inflow_diagnostic_check_get_state (check), !=, INFLOW_CHECK_STATE_PENDING);
      g_assert_nonnull (inflow_diagnostic_check_get_checked_at (check));
      g_assert_nonnull (strstr (inflow_diagnostic_check_get_subtitle (check), "Checked at "));
    }

  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_API), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_SCOPES), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_CLOCK), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_RATE_BUDGET), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_LAST_REFRESH), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_REQUEST_RATE), ==, INFLOW_CHECK_STATE_OK);
  /* The token was never stored in the keyring: a session-only sign-in. */
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_KEYRING), !=, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_HISTORY), ==, INFLOW_CHECK_STATE_INFO);

  /* The ping and /me count against the budget as the app's other calls. */
  inflow_ingestion_monitor_get_request_stats (monitor, &stats, NULL);
  g_assert_cmpuint (stats.other_last_hour, >=, 2);

  /* The request figures say whether a window is open. */
  g_assert_nonnull (strstr (inflow_diagnostic_check_get_subtitle (inflow_diagnostics_get_check (fixture->diagnostics,
                                                                                                  INFLOW_CHECK_REQUEST_RATE)),
                            "A window is open"));
  inflow_session_set_in_background (fixture->session, TRUE);
  run_checks (fixture);
  g_assert_nonnull (strstr (inflow_diagnostic_check_get_subtitle (inflow_diagnostics_get_check (fixture->diagnostics,
                                                                                                  INFLOW_CHECK_REQUEST_RATE)),
                            "No window is open"));
  inflow_session_set_in_background (fixture->session, FALSE);
}

static void
test_failing_api (Fixture       *fixture,
                  gconstpointer  data)
{
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/", INFLOW_SIM_FAULT_STATUS, 401, 0, 0);
  run_checks (fixture);

  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_API), ==, INFLOW_CHECK_STATE_ERROR);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_SCOPES), ==, INFLOW_CHECK_STATE_ERROR);
}

/* Vantage never reached: the checks that need its answers say they did not
 * run or failed; none passes. */
static void
test_never_reached (Fixture       *fixture,
                    gconstpointer  data)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (fixture->session);

  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 0);
  g_assert_true (inflow_test_wait_until (monitor_failed, monitor, 20000));
  run_checks (fixture);

  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_API), ==, INFLOW_CHECK_STATE_ERROR);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_CLOCK), ==, INFLOW_CHECK_STATE_UNKNOWN);
  g_assert_nonnull (strstr (inflow_diagnostic_check_get_detail (inflow_diagnostics_get_check (fixture->diagnostics,
                                                                                             INFLOW_CHECK_CLOCK)),
                            "Not checked"));
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_RATE_BUDGET), ==, INFLOW_CHECK_STATE_UNKNOWN);
  g_assert_cmpint (state_of (fixture, INFLOW_CHECK_LAST_REFRESH), ==, INFLOW_CHECK_STATE_ERROR);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (fixture->session);
  g_autofree char *report = NULL;

  g_assert_true (inflow_test_wait_until (monitor_listed, monitor, 20000));
  run_checks (fixture);

  report = inflow_diagnostics_build_report (fixture->diagnostics, "GLib 2.74");
  g_test_message ("%s", report);

  /* Never the token, nor any part of it */
  g_assert_null (strstr (report, TOKEN));
  g_assert_null (strstr (report, "vntg_tkn"));
  g_assert_null (strstr (report, "8c2e4a6f0b1d3e57"));
  g_assert_null (strstr (report, "Bearer"));

  /* What support needs */
  g_assert_nonnull (strstr (report, "status report"));
  g_assert_nonnull (strstr (report, "Runtime: GLib 2.74"));
  g_assert_nonnull (strstr (report, "Meridian Holdings"));
  g_assert_nonnull (strstr (report, inflow_simulator_get_base_url (fixture->sim)));
  g_assert_nonnull (strstr (report, "Keyring"));
  g_assert_nonnull (strstr (report, "Vantage API Reachable"));
  g_assert_nonnull (strstr (report, "Rate Budget"));
  g_assert_nonnull (strstr (report, "Request Rate"));
  g_assert_nonnull (strstr (report, "there is no overall verdict"));
  g_assert_nonnull (strstr (report, inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_STALE)));
  g_assert_nonnull (strstr (report, "awaiting-first-cur"));
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The window: a row per check, the header's copy button works, Escape closes. */
static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (fixture->session);
  InflowDiagnosticsWindow *window = NULL;
  InflowDiagnosticsPage *page;
  InflowDiagnostics *diagnostics;
  GtkWidget *copy_button, *list, *row;
  ClipboardRead read = { NULL, FALSE };
  guint n_rows = 0;

  g_assert_true (inflow_test_wait_until (monitor_listed, monitor, 20000));

  window = g_object_ref (inflow_diagnostics_window_new (NULL, fixture->session, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (inflow_test_wait_until (widget_is_mapped, window, 5000));
  g_assert_true (ui_has_shortcut (GTK_WIDGET (window), GDK_KEY_Escape, 0, "window.close"));

  page = INFLOW_DIAGNOSTICS_PAGE (ui_template_child (window, INFLOW_TYPE_DIAGNOSTICS_WINDOW, "page"));
  diagnostics = INFLOW_DIAGNOSTICS (gtk_widget_get_template_child (GTK_WIDGET (page), INFLOW_TYPE_DIAGNOSTICS_PAGE,
                                                                   "diagnostics"));
  g_assert_true (inflow_diagnostics_page_get_session (page) == fixture->session);
  g_assert_true (inflow_test_wait_until (checks_done, diagnostics, 20000));

  /* One row per check, presenting it */
  list = ui_template_child (page, INFLOW_TYPE_DIAGNOSTICS_PAGE, "checks_list");
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      InflowDiagnosticCheck *check = inflow_check_row_get_check (INFLOW_CHECK_ROW (row));

      g_assert_true (check == inflow_diagnostics_get_check (diagnostics, n_rows));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       inflow_diagnostic_check_get_title (check));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       inflow_diagnostic_check_get_subtitle (check));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, INFLOW_N_CHECKS);

  /* The header's copy button copies the report, as it was built */
  copy_button = ui_template_child (page, INFLOW_TYPE_DIAGNOSTICS_PAGE, "copy_button");
  g_assert_true (gtk_widget_is_sensitive (copy_button));
  g_signal_emit_by_name (copy_button, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, read_text_cb, &read);
  g_assert_true (inflow_test_wait_until (read_done, &read, 5000));
  g_assert_nonnull (read.text);
  g_assert_null (strstr (read.text, TOKEN));
  g_assert_nonnull (strstr (read.text, "Checks"));
  g_assert_nonnull (strstr (read.text, "Runtime: GLib"));
  g_free (read.text);

  /* What Escape does closes it; then it goes */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  ui_destroy_and_finalize (GTK_WINDOW (window));
}

GResource *inflow_get_resource (void);

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  /* Naming it links the compiled resources (and their registration) in. */
  g_assert_nonnull (inflow_get_resource ());

  g_test_add ("/ui/diagnostics/checks", Fixture, NULL, fixture_setup, test_checks, fixture_teardown);
  g_test_add ("/ui/diagnostics/failing-api", Fixture, NULL, fixture_setup, test_failing_api, fixture_teardown);
  g_test_add ("/ui/diagnostics/never-reached", Fixture, NULL, fixture_setup, test_never_reached, fixture_teardown);
  g_test_add ("/ui/diagnostics/report", Fixture, NULL, fixture_setup, test_report, fixture_teardown);
  g_test_add ("/ui/diagnostics/window", Fixture, NULL, fixture_setup, test_window, fixture_teardown);

  return inflow_test_run ();
}
