/* test-integrations-view.c: the Integrations view against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-integration-words.h"
#include "inflow-integrations-view.h"
#include "inflow-test-utils.h"
#include "ui-window.h"
#include "views-fixture.h"

typedef struct
{
  ViewsFixture            base;
  InflowIntegrationsView *view;
} Fixture;

static gboolean
view_is_idle (gpointer data)
{
  Fixture *fixture = data;

  return !inflow_integrations_view_get_busy (fixture->view) &&
         g_str_equal (inflow_integrations_view_get_state (fixture->view), "list");
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  const char *token = data;

  views_fixture_start (&fixture->base, 0, 0, token);
  fixture->view = INFLOW_INTEGRATIONS_VIEW (inflow_integrations_view_new ());
  inflow_integrations_view_set_session (fixture->view, fixture->base.session);
  views_fixture_show (&fixture->base, GTK_WIDGET (fixture->view), 1100, 720);
  g_assert_cmpstr (inflow_integrations_view_get_state (fixture->view), ==, "loading");
  views_fixture_refresh (&fixture->base);
  views_fixture_wait (view_is_idle, fixture);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  views_fixture_stop (&fixture->base);
}

static InflowIntegration *
find_shown (Fixture    *fixture,
            const char *token)
{
  GListModel *model = inflow_integrations_view_get_shown_model (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (model, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        return integration;
    }

  return NULL;
}

static void
test_rows_and_badges (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *all = inflow_session_get_integrations (fixture->base.session);
  GListModel *shown = inflow_integrations_view_get_shown_model (fixture->view);
  const char *error_token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_ERROR);
  InflowIntegration *error_integration;

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);

  error_integration = find_shown (fixture, error_token);
  g_assert_nonnull (error_integration);
  g_assert_cmpint (inflow_status_word_from_status (inflow_integration_get_status (error_integration)), ==,
                   INFLOW_STATUS_WORD_ERROR);

  /* The console's words, with a one-line meaning, are on screen. */
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Stable"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Connected, and imports succeed"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "40 integrations"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "As of"));
  views_fixture_screenshot ("integrations.png");
}

static void
test_search_and_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *shown = inflow_integrations_view_get_shown_model (fixture->view);
  const char *error_token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_ERROR);
  InflowIntegration *integration = find_shown (fixture, error_token);
  g_autofree char *account_id = g_strdup (inflow_integration_get_account_identifier (integration));
  guint n;

  inflow_integrations_view_set_search (fixture->view, account_id);
  views_fixture_wait (view_is_idle, fixture);
  g_assert_nonnull (find_shown (fixture, error_token));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 40);

  inflow_integrations_view_set_search (fixture->view, "no such account anywhere");
  views_fixture_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (inflow_integrations_view_get_state (fixture->view), ==, "no-results");

  /* Ctrl+F goes to the search; Escape there clears it */
  {
    GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                                  INFLOW_TYPE_INTEGRATIONS_VIEW, "search_entry"));

    gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "integrations.focus-search", NULL));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));
    g_signal_emit_by_name (entry, "stop-search");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
    views_fixture_wait (view_is_idle, fixture);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);
  }

  inflow_integrations_view_set_status_filter (fixture->view, INFLOW_STATUS_WORD_ERROR);
  views_fixture_wait (view_is_idle, fixture);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (shown, i);

      g_assert_cmpint (inflow_integration_get_status (item), ==, INFLOW_INTEGRATION_STATUS_ERROR);
    }

  inflow_integrations_view_set_status_filter (fixture->view, -1);
  inflow_integrations_view_set_provider_filter (fixture->view, "azure");
  views_fixture_wait (view_is_idle, fixture);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (shown, i);

      g_assert_true (inflow_integration_is_provider (item, "azure"));
    }

  inflow_integrations_view_set_provider_filter (fixture->view, NULL);
  views_fixture_wait (view_is_idle, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);
}

static void
activate_row_titled (GtkWidget  *root,
                     const char *title)
{
  GtkWidget *label = views_fixture_find_label (root, title);
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
}

static gboolean
govcloud_mark_shown (gpointer data)
{
  Fixture *fixture = data;

  return views_fixture_find_label (GTK_WIDGET (fixture->view), "GovCloud account: costs only") != NULL;
}

static void
test_detail_page (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *gov = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_GOVCLOUD);
  const char *nowhere = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);

  g_assert_true (inflow_integrations_view_show_integration (fixture->view, gov));
  views_fixture_settle ();
  g_assert_nonnull (inflow_integrations_view_get_shown_integration (fixture->view));
  /* The page fills in once the leaflet has moved to it: wait rather than guess */
  views_fixture_wait (govcloud_mark_shown, fixture);
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Seen by"));
  views_fixture_screenshot ("integration-detail.png");

  activate_row_titled (GTK_WIDGET (fixture->view), "Monitor Ingestion");
  g_assert_true (views_fixture_was_activated (&fixture->base, "monitor-ingestion", gov));
  activate_row_titled (GTK_WIDGET (fixture->view), "Update Permissions");
  g_assert_true (views_fixture_was_activated (&fixture->base, "update-permissions", gov));
  activate_row_titled (GTK_WIDGET (fixture->view), "Request a Backfill");
  g_assert_true (views_fixture_was_activated (&fixture->base, "request-backfill", gov));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "win.show-access", "s", gov);
  g_assert_true (views_fixture_was_activated (&fixture->base, "show-access", gov));

  /* Escape goes back to the list. */
  inflow_integrations_view_show_list (fixture->view);
  views_fixture_settle ();
  g_assert_null (inflow_integrations_view_get_shown_integration (fixture->view));

  g_assert_true (inflow_integrations_view_show_integration (fixture->view, nowhere));
  views_fixture_settle ();
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "In no workspace"));
}

static gboolean
dialog_is_shown (gpointer data)
{
  return views_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
toast_is_shown (gpointer data)
{
  Fixture *fixture = data;

  return inflow_integrations_view_get_last_toast (fixture->view) != NULL;
}

static void
confirm_delete (Fixture    *fixture,
                const char *token)
{
  AdwMessageDialog *dialog;

  g_assert_true (inflow_integrations_view_show_integration (fixture->view, token));
  views_fixture_settle ();
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Delete Integration"));
  gtk_widget_activate (gtk_widget_get_ancestor (views_fixture_find_label (GTK_WIDGET (fixture->view), "Delete Integration"),
                                                GTK_TYPE_BUTTON));
  views_fixture_wait (dialog_is_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (views_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* It names the account and what stops. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stops arriving"));
  views_fixture_screenshot ("integration-delete.png");
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_DISCONNECTED);
  g_autofree char *copy = g_strdup (token);

  confirm_delete (fixture, copy);
  views_fixture_wait (toast_is_shown, fixture);
  g_assert_nonnull (strstr (inflow_integrations_view_get_last_toast (fixture->view), "deleted"));
  g_assert_null (find_shown (fixture, copy));
  g_assert_null (inflow_simulator_dup_integration_json (fixture->base.simulator, copy));
  g_assert_null (inflow_integrations_view_get_shown_integration (fixture->view));
}

static void
test_delete_fails (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_STALE);
  g_autofree char *json = NULL;

  inflow_simulator_add_fault (fixture->base.simulator, "DELETE", "/v2/integrations/", INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  confirm_delete (fixture, token);
  views_fixture_wait (toast_is_shown, fixture);
  g_assert_nonnull (strstr (inflow_integrations_view_get_last_toast (fixture->view), "Could not delete"));
  g_assert_nonnull (strstr (inflow_integrations_view_get_last_toast (fixture->view), "Everyone"));
  json = inflow_simulator_dup_integration_json (fixture->base.simulator, token);
  g_assert_nonnull (json);
  g_assert_nonnull (find_shown (fixture, token));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  GtkWidget *label;
  GtkWidget *button;

  g_assert_false (inflow_session_get_can_write (fixture->base.session));
  g_assert_true (inflow_integrations_view_show_integration (fixture->view, token));
  views_fixture_settle ();

  label = views_fixture_find_label (GTK_WIDGET (fixture->view), "Delete Integration");
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (inflow_session_get_write_disabled_reason (fixture->base.session));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view),
                                              inflow_session_get_write_disabled_reason (fixture->base.session)));
}

static void
test_session_change (Fixture       *fixture,
                     gconstpointer  data)
{
  inflow_integrations_view_set_session (fixture->view, NULL);
  views_fixture_settle ();
  g_assert_cmpstr (inflow_integrations_view_get_state (fixture->view), ==, "signed-out");
  g_assert_cmpuint (g_list_model_get_n_items (inflow_integrations_view_get_shown_model (fixture->view)), ==, 0);

  inflow_integrations_view_set_session (fixture->view, fixture->base.session);
  views_fixture_wait (view_is_idle, fixture);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_integrations_view_get_shown_model (fixture->view)), ==, 40);
}

/* Whether the view is no wider than the width wanted */
typedef struct
{
  Fixture *fixture;
  int      width;
} WidthWait;

static gboolean
view_fits (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (GTK_WIDGET (wait->fixture->view)) <= wait->width + 1;
}

static void
resize_window (Fixture *fixture,
               int      width)
{
  WidthWait wait = { fixture, width };

  g_assert_true (ui_resize_window_until (fixture->base.window, width, 720, view_fits, &wait));
  views_fixture_settle ();
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  /* Medium: Created gives way first */
  resize_window (fixture, 900);
  g_assert_null (views_fixture_find_label (GTK_WIDGET (fixture->view), "Created"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Last Updated"));

  resize_window (fixture, 360);
  g_assert_null (views_fixture_find_label (GTK_WIDGET (fixture->view), "Last Updated"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Status"));
  views_fixture_screenshot ("integrations-narrow.png");
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/integrations/rows-and-badges", Fixture, NULL, setup, test_rows_and_badges, teardown);
  g_test_add ("/ui/integrations/search-and-filters", Fixture, NULL, setup, test_search_and_filters, teardown);
  g_test_add ("/ui/integrations/detail-page", Fixture, NULL, setup, test_detail_page, teardown);
  g_test_add ("/ui/integrations/delete", Fixture, NULL, setup, test_delete, teardown);
  g_test_add ("/ui/integrations/delete-fails", Fixture, NULL, setup, test_delete_fails, teardown);
  g_test_add ("/ui/integrations/read-only", Fixture, "demo-read-token", setup, test_read_only, teardown);
  g_test_add ("/ui/integrations/session-change", Fixture, NULL, setup, test_session_change, teardown);
  g_test_add ("/ui/integrations/narrow", Fixture, NULL, setup, test_narrow, teardown);

  return inflow_test_run ();
}
