/* test-access-view.c: the Workspace Access view against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-access-view.h"
#include "inflow-account-directory.h"
#include "inflow-test-utils.h"
#include "ui-window.h"
#include "views-fixture.h"

typedef struct
{
  ViewsFixture      base;
  InflowAccessView *view;
  GStrv             workspaces;
} Fixture;

static gboolean
view_is_idle (gpointer data)
{
  Fixture *fixture = data;

  return !inflow_access_view_get_busy (fixture->view) &&
         g_str_equal (inflow_access_view_get_state (fixture->view), "list");
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  views_fixture_start (&fixture->base, 0, 0, data);
  fixture->workspaces = inflow_simulator_dup_workspace_tokens (fixture->base.simulator);
  fixture->view = INFLOW_ACCESS_VIEW (inflow_access_view_new ());
  inflow_access_view_set_session (fixture->view, fixture->base.session);
  views_fixture_show (&fixture->base, GTK_WIDGET (fixture->view), 1100, 720);
  views_fixture_refresh (&fixture->base);
  views_fixture_wait (view_is_idle, fixture);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  views_fixture_stop (&fixture->base);
  g_clear_pointer (&fixture->workspaces, g_strfreev);
}

/* A workspace the integration is not in (simulator's view). */
static const char *
missing_workspace (Fixture    *fixture,
                   const char *token)
{
  g_autofree char *current = views_fixture_dup_workspaces (&fixture->base, token);
  g_auto(GStrv) tokens = g_strsplit (current, ",", 0);

  for (guint i = 0; fixture->workspaces[i] != NULL; i++)
    {
      if (!g_strv_contains ((const char * const *) tokens, fixture->workspaces[i]))
        return fixture->workspaces[i];
    }

  g_assert_not_reached ();
}

/* Whether every workspace of the comma-separated @part is in @whole. */
static gboolean
contains_all (const char *whole,
              const char *part)
{
  g_auto(GStrv) wholes = g_strsplit (whole, ",", 0);
  g_auto(GStrv) parts = g_strsplit (part, ",", 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] != '\0' && !g_strv_contains ((const char * const *) wholes, parts[i]))
        return FALSE;
    }

  return TRUE;
}

static GtkCheckButton *
shown_check (Fixture    *fixture,
             const char *token,
             const char *workspace)
{
  GtkCheckButton *check;

  g_assert_true (inflow_access_view_focus_integration (fixture->view, token));
  views_fixture_wait (view_is_idle, fixture);
  views_fixture_settle ();
  check = inflow_access_view_get_check (fixture->view, token, workspace);
  g_assert_nonnull (check);

  return check;
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *shown = inflow_access_view_get_shown_model (fixture->view);
  const char *management = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char *nowhere = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char *stale = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_STALE);
  g_autofree char *current = views_fixture_dup_workspaces (&fixture->base, management);
  g_auto(GStrv) tokens = g_strsplit (current, ",", 0);
  GtkCheckButton *check;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 40);
  /* Teams per workspace, and an integration in no workspace, are shown. */
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Seen by"));
  views_fixture_screenshot ("workspace-access.png");
  g_assert_true (inflow_access_view_focus_integration (fixture->view, nowhere));
  views_fixture_wait (view_is_idle, fixture);
  views_fixture_settle ();
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "in no workspace"));

  check = shown_check (fixture, management, tokens[0]);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  check = shown_check (fixture, stale, missing_workspace (fixture, stale));
  g_assert_false (gtk_check_button_get_active (check));
}

static void
test_toggle_persists (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_STALE);
  const char *workspace = missing_workspace (fixture, token);
  g_autofree char *before = views_fixture_dup_workspaces (&fixture->base, token);
  g_autofree char *after = NULL;
  g_autofree char *removed = NULL;
  GtkCheckButton *check = shown_check (fixture, token, workspace);

  gtk_check_button_set_active (check, TRUE);
  g_assert_true (inflow_access_view_get_busy (fixture->view));
  views_fixture_wait (view_is_idle, fixture);

  after = views_fixture_dup_workspaces (&fixture->base, token);
  g_assert_nonnull (strstr (after, workspace));
  g_assert_true (contains_all (after, before));
  check = inflow_access_view_get_check (fixture->view, token, workspace);
  g_assert_true (gtk_check_button_get_active (check));

  /* And off again */
  gtk_check_button_set_active (check, FALSE);
  views_fixture_wait (view_is_idle, fixture);
  removed = views_fixture_dup_workspaces (&fixture->base, token);
  g_assert_true (contains_all (removed, before) && contains_all (before, removed));
}

static void
test_failed_write (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_STALE);
  const char *workspace = missing_workspace (fixture, token);
  g_autofree char *before = views_fixture_dup_workspaces (&fixture->base, token);
  g_autofree char *after = NULL;
  GtkCheckButton *check = shown_check (fixture, token, workspace);

  inflow_simulator_add_fault (fixture->base.simulator, "PUT", "/v2/integrations/", INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  gtk_check_button_set_active (check, TRUE);
  views_fixture_wait (view_is_idle, fixture);

  /* The box is back to the real state, and a toast says why. */
  check = inflow_access_view_get_check (fixture->view, token, workspace);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_nonnull (inflow_access_view_get_last_toast (fixture->view));
  g_assert_nonnull (strstr (inflow_access_view_get_last_toast (fixture->view), "Could not show"));
  g_assert_nonnull (strstr (inflow_access_view_get_last_toast (fixture->view), "Everyone"));
  after = views_fixture_dup_workspaces (&fixture->base, token);

  /* The toast's Details button shows the whole reason */
  {
    GtkWindow *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "access.show-details", "(ss)",
                                               "Could not show", "The whole reason."));
    dialog = views_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could not show");
    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "The whole reason.");
    gtk_window_destroy (dialog);
  }
  g_assert_true (contains_all (after, before) && contains_all (before, after));
}

static void
test_concurrent_change (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_ERROR);
  const char * const theirs[] = { fixture->workspaces[1], fixture->workspaces[2], NULL };
  const char *mine = fixture->workspaces[4];
  g_autofree char *after = NULL;
  g_auto(GStrv) tokens = NULL;
  GtkCheckButton *check = shown_check (fixture, token, mine);

  /* Another client changes the integration after the view loaded it. */
  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->base.simulator, token, theirs));
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  views_fixture_wait (view_is_idle, fixture);

  after = views_fixture_dup_workspaces (&fixture->base, token);
  tokens = g_strsplit (after, ",", 0);
  g_assert_true (g_strv_contains ((const char * const *) tokens, theirs[0]));
  g_assert_true (g_strv_contains ((const char * const *) tokens, theirs[1]));
  g_assert_true (g_strv_contains ((const char * const *) tokens, mine));
  g_assert_cmpuint (g_strv_length (tokens), ==, 3);

  /* The view now shows the merged state. */
  g_assert_true (gtk_check_button_get_active (inflow_access_view_get_check (fixture->view, token, theirs[0])));
}

static gboolean
dialog_is_shown (gpointer data)
{
  return views_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  const char *a = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_STALE);
  const char *b = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_PENDING);
  const char *c = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char * const tokens[] = { a, b, c, NULL };
  const char *workspace = fixture->workspaces[4];
  g_autofree char *fault_path = g_strdup_printf ("/v2/integrations/%s", b);
  g_auto(GStrv) results = NULL;
  guint failures = 0;

  inflow_access_view_select_integrations (fixture->view, tokens);
  inflow_simulator_add_fault (fixture->base.simulator, "PUT", fault_path, INFLOW_SIM_FAULT_STATUS, 500, 0, 1);
  inflow_access_view_run_batch (fixture->view, workspace, INFLOW_WORKSPACE_ACCESS_ADD);
  g_assert_true (inflow_access_view_get_busy (fixture->view));
  views_fixture_wait (dialog_is_shown, NULL);
  views_fixture_screenshot ("workspace-access-batch.png");

  results = inflow_access_view_dup_batch_results (fixture->view);
  g_assert_cmpuint (g_strv_length (results), ==, 3);
  for (guint i = 0; results[i] != NULL; i++)
    {
      if (strstr (results[i], ": error: ") != NULL)
        {
          g_assert_true (g_str_has_prefix (results[i], b));
          failures++;
        }
    }
  g_assert_cmpuint (failures, ==, 1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *current = views_fixture_dup_workspaces (&fixture->base, tokens[i]);

      if (tokens[i] == b)
        continue;
      g_assert_nonnull (strstr (current, workspace));
    }
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->view), INFLOW_TYPE_ACCESS_VIEW, id));
}

static gboolean
chooser_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (template_child (data, "workspace_row"));
}

static gboolean
chooser_is_unmapped (gpointer data)
{
  return !chooser_is_mapped (data);
}

/* How many check boxes the row of @token shows; @shown gets the workspace
 * of the last one. */
static guint
count_shown_checks (Fixture     *fixture,
                    const char  *token,
                    const char **shown)
{
  guint n = 0;

  for (guint i = 0; fixture->workspaces[i] != NULL; i++)
    {
      GtkCheckButton *check = inflow_access_view_get_check (fixture->view, token, fixture->workspaces[i]);

      if (check != NULL && gtk_widget_get_mapped (GTK_WIDGET (check)))
        {
          n++;
          *shown = fixture->workspaces[i];
        }
    }

  return n;
}

/* The view's title for the integration: its account's name, else its account ID. */
static char *
dup_title (Fixture    *fixture,
           const char *token)
{
  GListModel *integrations = inflow_session_get_integrations (fixture->base.session);
  g_autoptr(InflowAccountDirectory) directory = inflow_account_directory_new ();

  inflow_account_directory_update (directory, inflow_session_get_cloud_accounts (fixture->base.session), integrations);
  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        return g_strdup (inflow_account_directory_get_title (directory, account_id) ?: account_id ?: token);
    }

  g_assert_not_reached ();
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_STALE);
  const char *workspace = missing_workspace (fixture, token);
  AdwComboRow *chooser = ADW_COMBO_ROW (template_child (fixture, "workspace_row"));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (template_child (fixture, "column_view")));
  g_autofree char *before = views_fixture_dup_workspaces (&fixture->base, token);
  g_autofree char *after = NULL;
  g_autofree char *title = dup_title (fixture, token);
  g_autofree char *label = NULL;
  g_auto(GStrv) tokens = NULL;
  const char *shown = NULL;
  GtkCheckButton *check;
  graphene_rect_t bounds;
  guint index = 0;
  int minimum;

  /* Wide, the grid: every workspace has its check box in the row. */
  shown_check (fixture, token, workspace);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (chooser)));
  g_assert_cmpuint (count_shown_checks (fixture, token, &shown), ==, g_strv_length (fixture->workspaces));

  /* Phone-sized: the view fits and the list does not scroll sideways. */
  g_assert_true (ui_resize_window_until (fixture->base.window, 360, 720, chooser_is_mapped, fixture));
  views_fixture_settle ();
  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));

  /* One check box per row, that of the chosen workspace (the chooser
   * lists the workspaces in the simulator's order). */
  g_assert_cmpuint (count_shown_checks (fixture, token, &shown), ==, 1);
  g_assert_cmpstr (shown, ==, fixture->workspaces[adw_combo_row_get_selected (chooser)]);

  while (!g_str_equal (fixture->workspaces[index], workspace))
    index++;
  g_assert_cmpuint (index, !=, adw_combo_row_get_selected (chooser));
  adw_combo_row_set_selected (chooser, index);
  views_fixture_settle ();
  g_assert_cmpuint (count_shown_checks (fixture, token, &shown), ==, 1);
  g_assert_cmpstr (shown, ==, workspace);
  views_fixture_screenshot ("workspace-access-narrow.png");

  /* The titles take the room the other columns left: the box sits at the end. */
  check = inflow_access_view_get_check (fixture->view, token, workspace);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (check), GTK_WIDGET (fixture->view), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >, gtk_widget_get_width (GTK_WIDGET (fixture->view)) / 2);

  /* Its accessible label names the integration and the workspace, and it
   * still writes. */
  label = g_strdup_printf ("Show %s costs in %s", title,
                           gtk_string_object_get_string (adw_combo_row_get_selected_item (chooser)));
  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  views_fixture_wait (view_is_idle, fixture);
  after = views_fixture_dup_workspaces (&fixture->base, token);
  tokens = g_strsplit (after, ",", 0);
  g_assert_true (g_strv_contains ((const char * const *) tokens, workspace));
  g_assert_true (contains_all (after, before));
  g_assert_true (gtk_check_button_get_active (inflow_access_view_get_check (fixture->view, token, workspace)));

  /* A refresh replaces the workspaces; the chosen one stays. */
  views_fixture_refresh (&fixture->base);
  views_fixture_wait (view_is_idle, fixture);
  g_assert_cmpuint (count_shown_checks (fixture, token, &shown), ==, 1);
  g_assert_cmpstr (shown, ==, workspace);

  /* Wide again, the whole grid. */
  g_assert_true (ui_resize_window_until (fixture->base.window, 1100, 720, chooser_is_unmapped, fixture));
  views_fixture_settle ();
  g_assert_cmpuint (count_shown_checks (fixture, token, &shown), ==, g_strv_length (fixture->workspaces));
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char *reason = inflow_session_get_write_disabled_reason (fixture->base.session);
  GtkCheckButton *check = shown_check (fixture, token, fixture->workspaces[0]);

  g_assert_nonnull (reason);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (check)), ==, reason);
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), reason));
  views_fixture_screenshot ("workspace-access-read-only.png");
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/access/rows", Fixture, NULL, setup, test_rows, teardown);
  g_test_add ("/ui/access/toggle-persists", Fixture, NULL, setup, test_toggle_persists, teardown);
  g_test_add ("/ui/access/failed-write", Fixture, NULL, setup, test_failed_write, teardown);
  g_test_add ("/ui/access/concurrent-change", Fixture, NULL, setup, test_concurrent_change, teardown);
  g_test_add ("/ui/access/batch", Fixture, NULL, setup, test_batch, teardown);
  g_test_add ("/ui/access/narrow", Fixture, NULL, setup, test_narrow, teardown);
  g_test_add ("/ui/access/read-only", Fixture, "demo-read-token", setup, test_read_only, teardown);

  return inflow_test_run ();
}
