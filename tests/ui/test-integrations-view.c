/* test-integrations-view.c: the Integrations view against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything through the widgets: the search entry, the dropdowns, the
 * rows the column view shows (and the view-models their placeholders
 * hold), the detail page, the toasts.
 */

#include "config.h"

#include <string.h>

#include "inflow-cell.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-integration-page.h"
#include "inflow-integrations-view.h"
#include "inflow-placeholder-rows.h"
#include "inflow-test-utils.h"
#include "views-fixture.h"

typedef struct
{
  ViewsFixture            base;
  InflowIntegrationsView *view;
} Fixture;

/* What the column view shows */
static InflowPlaceholderRows *
shown_rows (Fixture *fixture)
{
  GtkColumnView *column_view = views_fixture_child (&fixture->base, "column_view");

  return INFLOW_PLACEHOLDER_ROWS (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (column_view))));
}

/* The integrations the rows show, sorted and filtered */
static GListModel *
shown_model (Fixture *fixture)
{
  return inflow_placeholder_rows_get_source (shown_rows (fixture));
}

static const char *
state (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (views_fixture_child (&fixture->base, "stack"));
}

/* Sorted, filtered, every row there, with the names of the accounts */
static gboolean
view_is_idle (gpointer data)
{
  Fixture *fixture = data;
  InflowPlaceholderRows *rows = shown_rows (fixture);

  return inflow_account_directory_get_n_accounts (inflow_session_get_account_directory (fixture->base.session)) > 0 &&
         !inflow_placeholder_rows_get_pending (rows) &&
         gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (shown_model (fixture))) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (rows)) == g_list_model_get_n_items (shown_model (fixture)) &&
         g_str_equal (state (fixture), "list");
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
  g_assert_cmpstr (state (fixture), ==, "loading");
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
  GListModel *model = shown_model (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (model, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        return integration;
    }

  return NULL;
}

static gboolean
tooltip_holds (GtkWidget *widget,
               gpointer   data)
{
  const char *tooltip = inflow_cell_get_tooltip (INFLOW_CELL (widget));

  return tooltip != NULL && strstr (tooltip, data) != NULL;
}

static gboolean
inscription_says (GtkWidget *widget,
                  gpointer   data)
{
  return g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), data) == 0;
}

static gboolean
badge_says (GtkWidget *widget,
            gpointer   data)
{
  return g_strcmp0 (inflow_cell_get_label (INFLOW_CELL (widget)), data) == 0;
}

static void
test_rows_and_badges (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GListModel *all = inflow_session_get_integrations (fixture->base.session);
  const char *error_token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_ERROR);
  const char *management = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  InflowIntegration *error_integration;
  InflowIntegration *management_integration;
  g_autofree char *subtitle = NULL;
  InflowCell *cell;

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (fixture)), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown_rows (fixture))), ==, 40);

  error_integration = find_shown (fixture, error_token);
  g_assert_nonnull (error_integration);
  g_assert_cmpint (inflow_status_word_from_status (inflow_integration_get_status (error_integration)), ==,
                   INFLOW_STATUS_WORD_ERROR);

  /* The console's words, with a few words of meaning, are on screen. */
  g_assert_nonnull (views_fixture_find_widget (view, INFLOW_TYPE_CELL, badge_says, (gpointer) "Stable"));
  g_assert_nonnull (views_fixture_find_widget (view, GTK_TYPE_INSCRIPTION, NULL, NULL));
  g_assert_nonnull (views_fixture_find_label (view, "40 integrations"));
  g_assert_nonnull (views_fixture_find_label (view, "As of"));

  /* The management account: its name first, its ID in full beside the
   * provider, the badge on the title's line; everything in the row's
   * tooltip and accessible label, the token included */
  management_integration = find_shown (fixture, management);
  g_assert_nonnull (views_fixture_find_widget (view, INFLOW_TYPE_CELL, badge_says, (gpointer) "Management"));
  subtitle = g_strdup_printf ("%s · AWS", inflow_integration_get_account_identifier (management_integration));
  cell = INFLOW_CELL (views_fixture_find_widget (view, INFLOW_TYPE_CELL, tooltip_holds, subtitle));
  g_assert_nonnull (cell);
  g_assert_nonnull (strstr (inflow_cell_get_tooltip (cell), management));
  g_assert_nonnull (strstr (inflow_cell_get_tooltip (cell), "management account"));
  g_assert_cmpstr (inflow_cell_get_accessible_label (cell), ==, inflow_cell_get_tooltip (cell));

  /* The status says a few words; the whole meaning is in its tooltip and
   * accessible label, not cut off */
  g_assert_nonnull (views_fixture_find_widget (view, GTK_TYPE_INSCRIPTION, inscription_says, (gpointer) "No new costs arrive"));
  cell = INFLOW_CELL (views_fixture_find_widget (view, INFLOW_TYPE_CELL, tooltip_holds,
                                                 (gpointer) "Revoked or removed: no new costs arrive"));
  g_assert_nonnull (cell);
  g_assert_cmpstr (inflow_cell_get_accessible_label (cell), ==, inflow_cell_get_tooltip (cell));
  views_fixture_screenshot ("integrations.png");
}

static gboolean
verdict_shown (gpointer data)
{
  Fixture *fixture = data;
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (fixture->base.session);
  GListModel *items = inflow_ingestion_monitor_get_items (monitor);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, i);
      const char *label = inflow_ingestion_phase_get_label (inflow_ingestion_item_get_phase (item));

      if (inflow_ingestion_item_get_tracked (item) &&
          views_fixture_find_widget (GTK_WIDGET (fixture->view), INFLOW_TYPE_CELL, badge_says, (gpointer) label) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The Ingestion column shows the verdicts of the session's monitor */
static void
test_verdicts (Fixture       *fixture,
               gconstpointer  data)
{
  GtkColumnViewColumn *column = views_fixture_child (&fixture->base, "verdict_column");

  g_assert_true (gtk_column_view_column_get_visible (column));
  views_fixture_wait (verdict_shown, fixture);
}

typedef struct
{
  Fixture    *fixture;
  const char *token;
  guint       n_shown;  /* or G_MAXUINT: any */
  gboolean    present;
} ShownWait;

static gboolean
shown_is (gpointer data)
{
  ShownWait *wait = data;

  return view_is_idle (wait->fixture) &&
         (wait->n_shown == G_MAXUINT || g_list_model_get_n_items (shown_model (wait->fixture)) == wait->n_shown) &&
         (wait->token == NULL || (find_shown (wait->fixture, wait->token) != NULL) == wait->present);
}

static gboolean
no_results_shown (gpointer data)
{
  Fixture *fixture = data;

  return g_str_equal (state (fixture), "no-results") && g_list_model_get_n_items (shown_model (fixture)) == 0;
}

/* Selects the item of @dropdown that reads @text */
static void
select_item (Fixture    *fixture,
             const char *dropdown_name,
             const char *text)
{
  GtkDropDown *dropdown = views_fixture_child (&fixture->base, dropdown_name);
  GListModel *items = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (items), i), text))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_search_and_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *error_token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_ERROR);
  InflowIntegration *integration = find_shown (fixture, error_token);
  g_autofree char *account_id = g_strdup (inflow_integration_get_account_identifier (integration));
  GtkWidget *entry = views_fixture_child (&fixture->base, "search_entry");
  ShownWait wait = { fixture, error_token, G_MAXUINT, TRUE };
  GListModel *shown = shown_model (fixture);
  guint n;

  /* By account ID, after the entry's typing delay */
  views_fixture_type (&fixture->base, "search_entry", account_id);
  wait.n_shown = 1;
  views_fixture_wait (shown_is, &wait);
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "1 of 40 integrations"));

  views_fixture_type (&fixture->base, "search_entry", "no such account anywhere");
  views_fixture_wait (no_results_shown, fixture);
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "No Matching Integrations"));

  /* Ctrl+F goes to the search; Escape there clears it */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "integrations.focus-search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry));
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  wait.n_shown = 40;
  views_fixture_wait (shown_is, &wait);

  select_item (fixture, "status_dropdown", "Error");
  wait.n_shown = G_MAXUINT;
  views_fixture_wait (shown_is, &wait);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (shown, i);

      g_assert_cmpint (inflow_integration_get_status (item), ==, INFLOW_INTEGRATION_STATUS_ERROR);
    }

  select_item (fixture, "status_dropdown", "All Statuses");
  select_item (fixture, "provider_dropdown", "Azure");
  wait.token = NULL;
  views_fixture_wait (shown_is, &wait);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (shown, i);

      g_assert_true (inflow_integration_is_provider (item, "azure"));
    }

  select_item (fixture, "provider_dropdown", "All Providers");
  wait.n_shown = 40;
  views_fixture_wait (shown_is, &wait);
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
label_shown (gpointer data)
{
  return views_fixture_find_label (data, "GovCloud account: costs only") != NULL;
}

static InflowIntegration *
page_integration (Fixture *fixture)
{
  AdwLeaflet *leaflet = views_fixture_child (&fixture->base, "leaflet");
  InflowIntegrationPage *page = views_fixture_child (&fixture->base, "detail_page");

  if (adw_leaflet_get_visible_child (leaflet) != GTK_WIDGET (page))
    return NULL;

  return inflow_integration_page_get_integration (page);
}

static void
test_detail_page (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *gov = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_GOVCLOUD);
  const char *nowhere = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  GtkWidget *view = GTK_WIDGET (fixture->view);
  InflowIntegrationPage *page = views_fixture_child (&fixture->base, "detail_page");
  GObject *scrolled = gtk_widget_get_template_child (GTK_WIDGET (page), INFLOW_TYPE_INTEGRATION_PAGE, "scrolled_window");
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* The GovCloud integration's table row says it is costs only */
  {
    ShownWait wait = { fixture, gov, 1, TRUE };

    views_fixture_type (&fixture->base, "search_entry",
                        inflow_integration_get_account_identifier (find_shown (fixture, gov)));
    views_fixture_wait (shown_is, &wait);
    g_assert_nonnull (views_fixture_find_label (view, "1 of 40 integrations"));
    g_assert_nonnull (views_fixture_find_widget (view, INFLOW_TYPE_CELL, tooltip_holds,
                                                 (gpointer) "costs only · Active Resources not synced"));
    g_assert_nonnull (views_fixture_find_widget (view, INFLOW_TYPE_CELL, badge_says, (gpointer) "GovCloud"));
    views_fixture_type (&fixture->base, "search_entry", "");
  }

  g_assert_true (inflow_integrations_view_show_integration (fixture->view, gov));
  views_fixture_settle ();
  g_assert_cmpstr (inflow_integration_get_token (page_integration (fixture)), ==, gov);
  /* The page fills in once the leaflet has moved to it: wait rather than guess */
  views_fixture_wait (label_shown, view);
  g_assert_nonnull (views_fixture_find_label (view, "Seen by"));
  g_assert_nonnull (views_fixture_find_widget (view, INFLOW_TYPE_CELL, badge_says, (gpointer) "GovCloud"));
  views_fixture_screenshot ("integration-detail.png");

  activate_row_titled (view, "Monitor Ingestion");
  g_assert_true (views_fixture_was_activated (&fixture->base, "monitor-ingestion", gov));
  activate_row_titled (view, "Update Permissions");
  g_assert_true (views_fixture_was_activated (&fixture->base, "update-permissions", gov));
  activate_row_titled (view, "Request a Backfill");
  g_assert_true (views_fixture_was_activated (&fixture->base, "request-backfill", gov));
  gtk_widget_activate_action (view, "win.show-access", "s", gov);
  g_assert_true (views_fixture_was_activated (&fixture->base, "show-access", gov));
  /* The console's AWS settings page, where the seed says the status shows */
  activate_row_titled (view, "Open in Vantage");
  g_assert_true (views_fixture_was_opened (&fixture->base, "https://console.vantage.sh/settings/aws"));

  /* Scrolled down, then back to the list (Escape) and to another page:
   * that one starts at its top */
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  views_fixture_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  g_signal_emit_by_name (page, "back");
  views_fixture_settle ();
  g_assert_null (page_integration (fixture));

  g_assert_true (inflow_integrations_view_show_integration (fixture->view, nowhere));
  views_fixture_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  g_assert_nonnull (views_fixture_find_label (view, "In No Workspace"));
}

static gboolean
list_at_bottom (gpointer data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (data));

  return gtk_adjustment_get_value (adjustment) > 0 &&
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - 1;
}

/* The way back from a page shown by win.show-integration: the list at that
 * integration's row, far down the list, and the focus in the list */
static void
test_back_to_row (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *shown = shown_model (fixture);
  GtkWidget *column_view = views_fixture_child (&fixture->base, "column_view");
  g_autoptr(InflowIntegration) last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  GtkWidget *focus;

  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_true (inflow_integrations_view_show_integration (fixture->view, inflow_integration_get_token (last)));
  views_fixture_settle ();
  g_assert_true (page_integration (fixture) == last);

  inflow_integrations_view_show_list (fixture->view);
  views_fixture_wait (list_at_bottom, column_view);
  focus = gtk_root_get_focus (gtk_widget_get_root (column_view));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, column_view));
}

static gboolean
dialog_is_shown (gpointer data)
{
  return views_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return views_fixture_find_label (GTK_WIDGET (wait->fixture->view), wait->text) != NULL;
}

static void
confirm_delete (Fixture    *fixture,
                const char *token)
{
  AdwMessageDialog *dialog;
  GtkWidget *label;
  g_autofree char *quoted = NULL;

  g_assert_true (inflow_integrations_view_show_integration (fixture->view, token));
  views_fixture_settle ();
  label = views_fixture_find_label (GTK_WIDGET (fixture->view), "Delete Integration");
  g_assert_nonnull (label);
  gtk_widget_activate (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON));
  views_fixture_wait (dialog_is_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (views_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* A question that reads as one; the body names the account and what stops */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Integration?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stops arriving"));
  quoted = g_strdup_printf ("(%s)", inflow_integration_get_account_identifier (page_integration (fixture)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), quoted));
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
  LabelWait wait = { fixture, "Deleted the integration of" };

  confirm_delete (fixture, copy);
  views_fixture_wait (label_is_shown, &wait);
  g_assert_null (find_shown (fixture, copy));
  g_assert_null (inflow_simulator_dup_integration_json (fixture->base.simulator, copy));
  g_assert_null (page_integration (fixture));
}

static void
test_delete_fails (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_STALE);
  g_autofree char *json = NULL;
  LabelWait wait = { fixture, "Could not delete" };
  GtkWidget *toast;

  inflow_simulator_add_fault (fixture->base.simulator, "DELETE", "/v2/integrations/", INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  confirm_delete (fixture, token);
  views_fixture_wait (label_is_shown, &wait);
  toast = views_fixture_find_label (GTK_WIDGET (fixture->view), "Could not delete");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (toast)), "Everyone"));
  json = inflow_simulator_dup_integration_json (fixture->base.simulator, token);
  g_assert_nonnull (json);
  g_assert_nonnull (find_shown (fixture, token));
  /* Still on the page, and it can be tried again */
  g_assert_cmpstr (inflow_integration_get_token (page_integration (fixture)), ==, token);
  g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_ancestor (views_fixture_find_label (GTK_WIDGET (fixture->view),
                                                                                              "Delete Integration"),
                                                                    GTK_TYPE_BUTTON)));
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
  ShownWait wait = { fixture, NULL, 40, TRUE };

  inflow_integrations_view_set_session (fixture->view, NULL);
  views_fixture_settle ();
  g_assert_cmpstr (state (fixture), ==, "signed-out");
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (fixture)), ==, 0);

  inflow_integrations_view_set_session (fixture->view, fixture->base.session);
  views_fixture_wait (shown_is, &wait);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);

  /* Medium: Created gives way first */
  views_fixture_resize (&fixture->base, 900);
  g_assert_null (views_fixture_find_label (GTK_WIDGET (fixture->view), "Created"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Last Updated"));

  /* Narrow: the badges beside the names go (their words stay in the tooltip) */
  views_fixture_resize (&fixture->base, 400);
  g_assert_null (views_fixture_find_label (GTK_WIDGET (fixture->view), "Last Updated"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Status"));
  g_assert_null (views_fixture_find_widget (GTK_WIDGET (fixture->view), INFLOW_TYPE_CELL, badge_says, (gpointer) "Management"));
  g_assert_nonnull (views_fixture_find_widget (GTK_WIDGET (fixture->view), INFLOW_TYPE_CELL, tooltip_holds,
                                               (gpointer) "management account"));
  views_fixture_screenshot ("integrations-narrow.png");

  g_assert_true (inflow_integrations_view_show_integration (fixture->view, token));
  views_fixture_settle ();
  views_fixture_screenshot ("integration-detail-narrow.png");
  inflow_integrations_view_show_list (fixture->view);

  views_fixture_resize (&fixture->base, 360);
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Status"));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/integrations/rows-and-badges", Fixture, NULL, setup, test_rows_and_badges, teardown);
  g_test_add ("/ui/integrations/verdicts", Fixture, NULL, setup, test_verdicts, teardown);
  g_test_add ("/ui/integrations/search-and-filters", Fixture, NULL, setup, test_search_and_filters, teardown);
  g_test_add ("/ui/integrations/back-to-row", Fixture, NULL, setup, test_back_to_row, teardown);
  g_test_add ("/ui/integrations/detail-page", Fixture, NULL, setup, test_detail_page, teardown);
  g_test_add ("/ui/integrations/delete", Fixture, NULL, setup, test_delete, teardown);
  g_test_add ("/ui/integrations/delete-fails", Fixture, NULL, setup, test_delete_fails, teardown);
  g_test_add ("/ui/integrations/read-only", Fixture, "demo-read-token", setup, test_read_only, teardown);
  g_test_add ("/ui/integrations/session-change", Fixture, NULL, setup, test_session_change, teardown);
  g_test_add ("/ui/integrations/narrow", Fixture, NULL, setup, test_narrow, teardown);

  return inflow_test_run ();
}
