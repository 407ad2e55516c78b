/* test-diagnostics.c: the diagnostics page and its redacted status report
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "inflow-diagnostics-page.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-profile.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"

#define TOKEN "vntg_tkn_diagnostics_8c2e4a6f0b1d3e57"

typedef struct
{
  InflowSimulator       *sim;
  InflowClient          *client;
  InflowProfile         *profile;
  InflowSession         *session;
  GtkWindow             *window;
  InflowDiagnosticsPage *page;
} Fixture;

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
checks_done (gpointer data)
{
  return !inflow_diagnostics_page_get_checking (data);
}

static gboolean
monitor_listed (gpointer data)
{
  InflowIngestionMonitor *monitor = data;

  return inflow_ingestion_monitor_get_as_of (monitor) != NULL && !inflow_ingestion_monitor_get_busy (monitor);
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
  fixture->profile = inflow_profile_new ("Meridian Holdings", inflow_simulator_get_base_url (fixture->sim));
  fixture->session = inflow_session_new (fixture->profile, fixture->client, NULL);

  fixture->window = inflow_diagnostics_page_present (NULL, fixture->session);
  fixture->page = INFLOW_DIAGNOSTICS_PAGE (gtk_widget_get_last_child (adw_window_get_content (ADW_WINDOW (fixture->window))));
  g_assert_true (INFLOW_IS_DIAGNOSTICS_PAGE (fixture->page));
  g_assert_true (inflow_test_wait_until (widget_is_mapped, fixture->page, 5000));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  inflow_session_close (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->profile);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sim);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_checks (Fixture       *fixture,
             gconstpointer  data)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (fixture->session);

  g_assert_true (inflow_test_wait_until (monitor_listed, monitor, 20000));
  inflow_diagnostics_page_run_checks (fixture->page);
  g_assert_true (inflow_diagnostics_page_get_checking (fixture->page));
  g_assert_true (inflow_test_wait_until (checks_done, fixture->page, 20000));

  /* Every check has its own state; none is left pending. */
  for (guint i = 0; i < INFLOW_N_CHECKS; i++)
    g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, i), !=, INFLOW_CHECK_STATE_PENDING);

  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_API), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_SCOPES), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_CLOCK), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_RATE_BUDGET), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_LAST_REFRESH), ==, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_REQUEST_RATE), ==, INFLOW_CHECK_STATE_OK);
  /* The token was never stored in the keyring: a session-only sign-in. */
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_KEYRING), !=, INFLOW_CHECK_STATE_OK);
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_HISTORY), ==, INFLOW_CHECK_STATE_INFO);

  /* The ping and /me count against the budget as the app's other calls. */
  {
    InflowPollStats stats;

    inflow_ingestion_monitor_get_request_stats (monitor, &stats, NULL);
    g_assert_cmpuint (stats.other_last_hour, >=, 2);
  }
}

static void
test_failing_api (Fixture       *fixture,
                  gconstpointer  data)
{
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/", INFLOW_SIM_FAULT_STATUS, 401, 0, 0);
  inflow_diagnostics_page_run_checks (fixture->page);
  g_assert_true (inflow_test_wait_until (checks_done, fixture->page, 20000));

  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_API), ==, INFLOW_CHECK_STATE_ERROR);
  g_assert_cmpint (inflow_diagnostics_page_get_check_state (fixture->page, INFLOW_CHECK_SCOPES), ==, INFLOW_CHECK_STATE_ERROR);
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

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (fixture->session);
  g_autofree char *report = NULL;
  ClipboardRead read = { NULL, FALSE };

  g_assert_true (inflow_test_wait_until (monitor_listed, monitor, 20000));
  inflow_diagnostics_page_run_checks (fixture->page);
  g_assert_true (inflow_test_wait_until (checks_done, fixture->page, 20000));

  report = inflow_diagnostics_page_build_report (fixture->page);
  g_test_message ("%s", report);

  /* Never the token, nor any part of it */
  g_assert_null (strstr (report, TOKEN));
  g_assert_null (strstr (report, "vntg_tkn"));
  g_assert_null (strstr (report, "8c2e4a6f0b1d3e57"));
  g_assert_null (strstr (report, "Bearer"));

  /* What support needs */
  g_assert_nonnull (strstr (report, "status report"));
  g_assert_nonnull (strstr (report, "Meridian Holdings"));
  g_assert_nonnull (strstr (report, inflow_simulator_get_base_url (fixture->sim)));
  g_assert_nonnull (strstr (report, "Keyring"));
  g_assert_nonnull (strstr (report, "Vantage API Reachable"));
  g_assert_nonnull (strstr (report, "Rate Budget"));
  g_assert_nonnull (strstr (report, "Request Rate"));
  g_assert_nonnull (strstr (report, "there is no overall verdict"));
  g_assert_nonnull (strstr (report, inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_STALE)));
  g_assert_nonnull (strstr (report, "awaiting-first-cur"));

  /* Copied as it was built */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "diagnostics.copy-report", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->page)), NULL, read_text_cb, &read);
  g_assert_true (inflow_test_wait_until (read_done, &read, 5000));
  g_assert_nonnull (read.text);
  g_assert_null (strstr (read.text, TOKEN));
  g_assert_nonnull (strstr (read.text, "Checks"));
  g_free (read.text);
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
  g_test_add ("/ui/diagnostics/report", Fixture, NULL, fixture_setup, test_report, fixture_teardown);

  return inflow_test_run ();
}
