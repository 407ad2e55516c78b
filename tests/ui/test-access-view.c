/* test-access-view.c: the Workspace Access view against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Through the widgets (template children and what is under them) and the
 * session's GTK-free queue of changes.
 */

#include "config.h"

#include <string.h>

#include "inflow-access-model.h"
#include "inflow-access-queue.h"
#include "inflow-access-results-dialog.h"
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

static gpointer
template_child (Fixture    *fixture,
                const char *id)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->view), INFLOW_TYPE_ACCESS_VIEW, id);
}

static InflowAccessQueue *
queue (Fixture *fixture)
{
  return inflow_session_get_access_queue (fixture->base.session);
}

static gboolean
view_is_idle (gpointer data)
{
  Fixture *fixture = data;

  return !inflow_access_queue_get_busy (queue (fixture)) &&
         gtk_filter_list_model_get_pending (template_child (fixture, "filter_model")) == 0 &&
         gtk_sort_list_model_get_pending (template_child (fixture, "sort_model")) == 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (template_child (fixture, "stack")), "list") == 0;
}

/* The token of the read-only test; the others sign in with one that writes */
static const char read_only_token[] = "demo-read-token";

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  views_fixture_start (&fixture->base, 0, 0, data == read_only_token ? read_only_token : NULL);
  fixture->workspaces = inflow_simulator_dup_workspace_tokens (fixture->base.simulator);
  /* The fixture holds the view, and checks that it is freed at the end */
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

static const char *
notable (Fixture          *fixture,
         InflowSimNotable  which)
{
  return inflow_simulator_get_notable_integration (fixture->base.simulator, which);
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

/* Whether the simulator has the integration in the workspace */
static gboolean
server_has (Fixture    *fixture,
            const char *token,
            const char *workspace)
{
  g_autofree char *current = views_fixture_dup_workspaces (&fixture->base, token);
  g_auto(GStrv) tokens = g_strsplit (current, ",", 0);

  return g_strv_contains ((const char * const *) tokens, workspace);
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

/* The mapped check box under @root whose action is for that cell */
static GtkWidget *
find_check_under (GtkWidget  *root,
                  const char *token,
                  const char *workspace)
{
  if (GTK_IS_CHECK_BUTTON (root) && gtk_widget_get_mapped (root))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));
      const char *a, *b;

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE ("(ss)")))
        {
          g_variant_get (target, "(&s&s)", &a, &b);
          if (g_str_equal (a, token) && g_str_equal (b, workspace))
            return root;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_under (child, token, workspace);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkCheckButton *
find_check (Fixture    *fixture,
            const char *token,
            const char *workspace)
{
  return GTK_CHECK_BUTTON (find_check_under (template_child (fixture, "column_view"), token, workspace));
}

/* Narrows the list to the integration, and its check box of @workspace */
static GtkCheckButton *
shown_check (Fixture    *fixture,
             const char *token,
             const char *workspace)
{
  GtkCheckButton *check;

  g_assert_true (inflow_access_view_focus_integration (fixture->view, token));
  views_fixture_wait (view_is_idle, fixture);
  views_fixture_settle ();
  check = find_check (fixture, token, workspace);
  g_assert_nonnull (check);

  return check;
}

/* What the mark beside the check box says: "idle", "waiting" or "failed" */
static const char *
cell_page (GtkCheckButton *check)
{
  const char *icon = gtk_image_get_icon_name (GTK_IMAGE (gtk_check_button_get_child (check)));

  if (g_strcmp0 (icon, "content-loading-symbolic") == 0)
    return "waiting";
  if (g_strcmp0 (icon, "dialog-error-symbolic") == 0)
    return "failed";

  g_assert_null (icon);
  return "idle";
}

/* The check box's accessible name, as screen readers get it */
static char *
dup_accessible_label (GtkCheckButton *check)
{
  char *label = NULL;

  g_object_get (check, "accessible-label", &label, NULL);
  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  return label;
}

static void
click (GtkCheckButton *check)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  gtk_widget_activate (GTK_WIDGET (check));
}

/* The view's title for the integration: its account's name, else its account ID. */
static const char *
title_of (Fixture    *fixture,
          const char *token)
{
  GListModel *integrations = inflow_session_get_integrations (fixture->base.session);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        return inflow_workspace_access_get_title (inflow_session_get_account_directory (fixture->base.session),
                                                  integration);
    }

  g_assert_not_reached ();
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  const char *management = notable (fixture, INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char *nowhere = notable (fixture, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char *stale = notable (fixture, INFLOW_SIM_NOTABLE_STALE);
  g_autofree char *current = views_fixture_dup_workspaces (&fixture->base, management);
  g_auto(GStrv) tokens = g_strsplit (current, ",", 0);
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  GtkCheckButton *check;

  g_assert_cmpuint (g_list_model_get_n_items (template_child (fixture, "filter_model")), ==, 40);
  /* Teams per workspace, and an integration in no workspace, are shown. */
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Seen by"));
  views_fixture_screenshot ("workspace-access.png");
  g_assert_true (inflow_access_view_focus_integration (fixture->view, nowhere));
  views_fixture_wait (view_is_idle, fixture);
  views_fixture_settle ();
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "in no workspace"));

  check = shown_check (fixture, management, tokens[0]);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  g_assert_cmpstr (cell_page (check), ==, "idle");
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (check)));
  label = g_strdup_printf ("Show %s costs in ", title_of (fixture, management));
  name = dup_accessible_label (check);
  g_assert_true (g_str_has_prefix (name, label));

  check = shown_check (fixture, stale, missing_workspace (fixture, stale));
  g_assert_false (gtk_check_button_get_active (check));
}

static void
test_toggle_persists (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *token = notable (fixture, INFLOW_SIM_NOTABLE_STALE);
  const char *workspace = missing_workspace (fixture, token);
  g_autofree char *before = views_fixture_dup_workspaces (&fixture->base, token);
  g_autofree char *after = NULL;
  g_autofree char *removed = NULL;
  GtkCheckButton *check = shown_check (fixture, token, workspace);

  /* Space on the focused check box, as a keyboard user does */
  gtk_widget_grab_focus (GTK_WIDGET (check));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
  g_assert_true (inflow_access_queue_get_busy (queue (fixture)));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_cmpstr (cell_page (check), ==, "waiting");
  views_fixture_wait (view_is_idle, fixture);

  after = views_fixture_dup_workspaces (&fixture->base, token);
  g_assert_true (server_has (fixture, token, workspace));
  g_assert_true (contains_all (after, before));
  check = find_check (fixture, token, workspace);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_cmpstr (cell_page (check), ==, "idle");

  /* And off again */
  click (check);
  views_fixture_wait (view_is_idle, fixture);
  removed = views_fixture_dup_workspaces (&fixture->base, token);
  g_assert_true (contains_all (removed, before) && contains_all (before, removed));
  g_assert_false (gtk_check_button_get_active (find_check (fixture, token, workspace)));
}

typedef struct
{
  guint gap_ms;     /* between the two clicks */
  guint delay_ms;   /* of every answer about integrations */
} Timing;

static const Timing timings[] = {
  { 0, 0 }, { 200, 0 }, { 0, 300 }, { 200, 300 },
};

/* Issue 18: Production, then Finance, ticked on one integration close
 * together; both end on the server, and the second says it waits. */
static void
test_double_toggle (Fixture       *fixture,
                    gconstpointer  data)
{
  const Timing *timing = data;
  const char *token = notable (fixture, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  GtkCheckButton *first = shown_check (fixture, token, fixture->workspaces[0]);
  GtkCheckButton *second = find_check (fixture, token, fixture->workspaces[1]);

  if (timing->delay_ms > 0)
    inflow_simulator_add_fault (fixture->base.simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY,
                                0, timing->delay_ms, 0);
  click (first);
  if (timing->gap_ms > 0)
    views_fixture_run_for (timing->gap_ms);
  click (second);

  if (timing->delay_ms > 0)
    {
      /* The first is being saved, the second waits for it: both ticked,
       * both with a spinner, the second's tooltip says why. */
      g_assert_true (gtk_check_button_get_active (first) && gtk_check_button_get_active (second));
      g_assert_cmpstr (cell_page (first), ==, "waiting");
      g_assert_cmpstr (cell_page (second), ==, "waiting");
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (second)), "Waiting"));
      gtk_test_accessible_assert_property (second, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           gtk_widget_get_tooltip_text (GTK_WIDGET (second)));
      if (timing->gap_ms == 0)
        views_fixture_screenshot ("workspace-access-waiting.png");
    }
  views_fixture_wait (view_is_idle, fixture);

  g_assert_true (server_has (fixture, token, fixture->workspaces[0]));
  g_assert_true (server_has (fixture, token, fixture->workspaces[1]));
  g_assert_true (gtk_check_button_get_active (find_check (fixture, token, fixture->workspaces[0])));
  g_assert_true (gtk_check_button_get_active (find_check (fixture, token, fixture->workspaces[1])));
}

static void
test_two_removals (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = notable (fixture, INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char * const all[] = { fixture->workspaces[0], fixture->workspaces[1], fixture->workspaces[2], NULL };
  g_autofree char *after = NULL;

  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->base.simulator, token, all));
  views_fixture_refresh (&fixture->base);
  inflow_simulator_add_fault (fixture->base.simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY, 0, 300, 0);
  click (shown_check (fixture, token, all[0]));
  click (find_check (fixture, token, all[2]));
  views_fixture_wait (view_is_idle, fixture);

  after = views_fixture_dup_workspaces (&fixture->base, token);
  g_assert_cmpstr (after, ==, all[1]);
}

static void
test_failed_write (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = notable (fixture, INFLOW_SIM_NOTABLE_STALE);
  const char *workspace = missing_workspace (fixture, token);
  g_autofree char *before = views_fixture_dup_workspaces (&fixture->base, token);
  g_autofree char *after = NULL;
  GtkCheckButton *check = shown_check (fixture, token, workspace);
  GtkWindow *dialog;

  inflow_simulator_add_fault (fixture->base.simulator, "PUT", "/v2/integrations/", INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  click (check);
  views_fixture_wait (view_is_idle, fixture);

  /* The box is back to the real state, says why, and a toast tells. */
  check = find_check (fixture, token, workspace);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  g_assert_cmpstr (cell_page (check), ==, "failed");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (check)), "Not saved: "));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (check)), "Everyone"));
  g_assert_nonnull (views_fixture_find_label (template_child (fixture, "toast_overlay"), "Could not show"));
  after = views_fixture_dup_workspaces (&fixture->base, token);
  g_assert_true (contains_all (after, before) && contains_all (before, after));
  views_fixture_screenshot ("workspace-access-failed.png");

  /* The toast's Details button shows the whole reason */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "access.show-details", "(ss)",
                                             "Could not show", "The whole reason."));
  dialog = views_fixture_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could not show");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, "The whole reason.");
  gtk_window_destroy (dialog);

  /* Clicked again, it works, and the mark goes */
  click (check);
  views_fixture_wait (view_is_idle, fixture);
  g_assert_true (server_has (fixture, token, workspace));
  g_assert_cmpstr (cell_page (find_check (fixture, token, workspace)), ==, "idle");
}

static void
test_concurrent_change (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *token = notable (fixture, INFLOW_SIM_NOTABLE_ERROR);
  const char * const theirs[] = { fixture->workspaces[1], fixture->workspaces[2], NULL };
  const char *mine = fixture->workspaces[4];
  g_autofree char *after = NULL;
  g_auto(GStrv) tokens = NULL;
  GtkCheckButton *check = shown_check (fixture, token, mine);

  /* Another client changes the integration after the view loaded it. */
  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->base.simulator, token, theirs));
  g_assert_false (gtk_check_button_get_active (check));
  click (check);
  views_fixture_wait (view_is_idle, fixture);

  after = views_fixture_dup_workspaces (&fixture->base, token);
  tokens = g_strsplit (after, ",", 0);
  g_assert_true (g_strv_contains ((const char * const *) tokens, theirs[0]));
  g_assert_true (g_strv_contains ((const char * const *) tokens, theirs[1]));
  g_assert_true (g_strv_contains ((const char * const *) tokens, mine));
  g_assert_cmpuint (g_strv_length (tokens), ==, 3);

  /* The view now shows the merged state. */
  g_assert_true (gtk_check_button_get_active (find_check (fixture, token, theirs[0])));
}

static GtkWindow *
results_dialog (void)
{
  return views_fixture_find_toplevel (INFLOW_TYPE_ACCESS_RESULTS_DIALOG);
}

static gboolean
results_are_shown (gpointer data)
{
  return results_dialog () != NULL;
}

static gboolean
list_is_done (gpointer data)
{
  Fixture *fixture = data;

  return gtk_filter_list_model_get_pending (template_child (fixture, "filter_model")) == 0 &&
         gtk_sort_list_model_get_pending (template_child (fixture, "sort_model")) == 0;
}

/* Selects the rows of @tokens, picks @workspace in the action bar and
 * presses Add. */
static void
run_batch (Fixture            *fixture,
           const char * const *tokens,
           const char         *workspace)
{
  GtkSelectionModel *selection = template_child (fixture, "selection");
  GListModel *shown = G_LIST_MODEL (selection);
  GtkDropDown *dropdown = template_child (fixture, "workspace_dropdown");
  g_autoptr(GtkBitset) selected = NULL;
  guint index = 0;

  views_fixture_wait (list_is_done, fixture);
  gtk_selection_model_unselect_all (selection);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(InflowAccessRow) row = g_list_model_get_item (shown, i);

      if (g_strv_contains (tokens, inflow_access_row_get_token (row)))
        gtk_selection_model_select_item (selection, i, FALSE);
    }
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, g_strv_length ((GStrv) tokens));
  while (!g_str_equal (fixture->workspaces[index], workspace))
    index++;
  gtk_drop_down_set_selected (dropdown, index);
  views_fixture_settle ();

  g_assert_true (gtk_widget_is_sensitive (template_child (fixture, "add_button")));
  g_signal_emit_by_name (template_child (fixture, "add_button"), "clicked");
  g_assert_true (inflow_access_queue_get_busy (queue (fixture)));
  g_assert_true (gtk_widget_get_visible (template_child (fixture, "progress_bar")));
  g_assert_nonnull (views_fixture_find_label (template_child (fixture, "action_bar"), "Changing 1 of "));
  views_fixture_wait (results_are_shown, NULL);
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  const char *a = notable (fixture, INFLOW_SIM_NOTABLE_STALE);
  const char *b = notable (fixture, INFLOW_SIM_NOTABLE_PENDING);
  const char *c = notable (fixture, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char * const tokens[] = { a, b, c, NULL };
  const char *workspace = fixture->workspaces[4];
  g_autofree char *fault_path = g_strdup_printf ("/v2/integrations/%s", b);
  AdwMessageDialog *dialog;

  g_assert_false (server_has (fixture, a, workspace));
  inflow_simulator_add_fault (fixture->base.simulator, "PUT", fault_path, INFLOW_SIM_FAULT_STATUS, 500, 0, 1);
  run_batch (fixture, tokens, workspace);
  views_fixture_screenshot ("workspace-access-batch.png");

  dialog = ADW_MESSAGE_DIALOG (results_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Some Changes Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 integrations were added to "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 could not be changed."));
  /* A line per integration, the failed one with its reason */
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (dialog), title_of (fixture, b)));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (dialog), "Added"));
  g_assert_false (gtk_widget_get_visible (template_child (fixture, "progress_bar")));

  g_assert_true (server_has (fixture, a, workspace));
  g_assert_false (server_has (fixture, b, workspace));
  g_assert_true (server_has (fixture, c, workspace));
  /* A batch's failure is in its results, not in a toast */
  g_assert_null (views_fixture_find_label (template_child (fixture, "toast_overlay"), "Could not show"));
}

/* Issue 19: "4 of 4 integrations changed" when 2 were already there */
static void
test_batch_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *a = notable (fixture, INFLOW_SIM_NOTABLE_STALE);
  const char *c = notable (fixture, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char * const tokens[] = { a, c, NULL };
  const char * const c_in[] = { fixture->workspaces[3], NULL };
  AdwMessageDialog *dialog;

  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->base.simulator, c, c_in));
  g_assert_false (server_has (fixture, a, fixture->workspaces[3]));
  run_batch (fixture, tokens, fixture->workspaces[3]);

  dialog = ADW_MESSAGE_DIALOG (results_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Access Changed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 integration was added to "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 already was in it."));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (dialog), "Already shown there"));
}

/* A batch started while single changes wait for a slow server: the
 * simulator ends with every change. */
static void
test_batch_over_singles (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *a = notable (fixture, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char *b = notable (fixture, INFLOW_SIM_NOTABLE_PENDING);
  const char * const tokens[] = { a, b, NULL };
  const char *target = fixture->workspaces[2];
  const char *b_single = missing_workspace (fixture, b);

  inflow_simulator_add_fault (fixture->base.simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY, 0, 300, 0);
  click (shown_check (fixture, a, fixture->workspaces[0]));
  click (find_check (fixture, a, fixture->workspaces[1]));
  gtk_editable_set_text (template_child (fixture, "search_entry"), "");
  g_assert_true (inflow_access_view_focus_integration (fixture->view, b));
  views_fixture_wait (view_is_idle, fixture);
  if (g_str_equal (b_single, target))
    b_single = fixture->workspaces[3];
  click (find_check (fixture, b, b_single));
  gtk_editable_set_text (template_child (fixture, "search_entry"), "");
  gtk_string_filter_set_search (template_child (fixture, "string_filter"), NULL);
  run_batch (fixture, tokens, target);

  g_assert_true (server_has (fixture, a, fixture->workspaces[0]));
  g_assert_true (server_has (fixture, a, fixture->workspaces[1]));
  g_assert_true (server_has (fixture, a, target));
  g_assert_true (server_has (fixture, b, b_single));
  g_assert_true (server_has (fixture, b, target));
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
      if (find_check (fixture, token, fixture->workspaces[i]) != NULL)
        {
          n++;
          *shown = fixture->workspaces[i];
        }
    }

  return n;
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  const char *token = notable (fixture, INFLOW_SIM_NOTABLE_STALE);
  const char *workspace = missing_workspace (fixture, token);
  AdwComboRow *chooser = template_child (fixture, "workspace_row");
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (template_child (fixture, "column_view"));
  g_autofree char *before = views_fixture_dup_workspaces (&fixture->base, token);
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
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
   * lists the workspaces in the simulator's order), and who sees it. */
  g_assert_cmpuint (count_shown_checks (fixture, token, &shown), ==, 1);
  g_assert_cmpstr (shown, ==, fixture->workspaces[adw_combo_row_get_selected (chooser)]);
  g_assert_nonnull (views_fixture_find_label (template_child (fixture, "workspace_box"), "Seen by"));

  while (!g_str_equal (fixture->workspaces[index], workspace))
    index++;
  g_assert_cmpuint (index, !=, adw_combo_row_get_selected (chooser));
  adw_combo_row_set_selected (chooser, index);
  views_fixture_settle ();
  g_assert_cmpuint (count_shown_checks (fixture, token, &shown), ==, 1);
  g_assert_cmpstr (shown, ==, workspace);
  views_fixture_screenshot ("workspace-access-narrow.png");

  /* The titles take the room the other columns left: the box sits at the end. */
  check = find_check (fixture, token, workspace);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (check), GTK_WIDGET (fixture->view), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >, gtk_widget_get_width (GTK_WIDGET (fixture->view)) / 2);

  /* Its accessible label names the integration and the workspace, and it
   * still writes. */
  label = g_strdup_printf ("Show %s costs in %s", title_of (fixture, token),
                           inflow_access_column_get_name (adw_combo_row_get_selected_item (chooser)));
  {
    g_autofree char *name = dup_accessible_label (check);

    g_assert_cmpstr (name, ==, label);
  }
  g_assert_false (gtk_check_button_get_active (check));
  inflow_simulator_add_fault (fixture->base.simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY, 0, 1500, 1);
  click (check);
  g_assert_cmpstr (cell_page (check), ==, "waiting");
  views_fixture_screenshot ("workspace-access-narrow-waiting.png");
  views_fixture_wait (view_is_idle, fixture);
  after = views_fixture_dup_workspaces (&fixture->base, token);
  g_assert_true (server_has (fixture, token, workspace));
  g_assert_true (contains_all (after, before));
  g_assert_true (gtk_check_button_get_active (find_check (fixture, token, workspace)));

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
  const char *token = notable (fixture, INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char *reason = inflow_session_get_write_disabled_reason (fixture->base.session);
  GtkCheckButton *check = shown_check (fixture, token, fixture->workspaces[0]);

  g_assert_nonnull (reason);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (check)), ==, reason);
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), reason));
  views_fixture_screenshot ("workspace-access-read-only.png");
}

static void
add_timed (const char *name,
           void      (*test) (Fixture *, gconstpointer))
{
  for (guint i = 0; i < G_N_ELEMENTS (timings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/access/%s/%ums-apart-%ums-delay", name,
                                               timings[i].gap_ms, timings[i].delay_ms);

      g_test_add_vtable (path, sizeof (Fixture), &timings[i],
                         (GTestFixtureFunc) setup, (GTestFixtureFunc) test, (GTestFixtureFunc) teardown);
    }
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
  add_timed ("double-toggle", test_double_toggle);
  g_test_add ("/ui/access/two-removals", Fixture, NULL, setup, test_two_removals, teardown);
  g_test_add ("/ui/access/failed-write", Fixture, NULL, setup, test_failed_write, teardown);
  g_test_add ("/ui/access/concurrent-change", Fixture, NULL, setup, test_concurrent_change, teardown);
  g_test_add ("/ui/access/batch", Fixture, NULL, setup, test_batch, teardown);
  g_test_add ("/ui/access/batch-counts", Fixture, NULL, setup, test_batch_counts, teardown);
  g_test_add ("/ui/access/batch-over-singles", Fixture, NULL, setup, test_batch_over_singles, teardown);
  g_test_add ("/ui/access/narrow", Fixture, NULL, setup, test_narrow, teardown);
  g_test_add ("/ui/access/read-only", Fixture, read_only_token, setup, test_read_only, teardown);

  return inflow_test_run ();
}
