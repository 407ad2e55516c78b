/* inflow-access-view.c: which workspaces show each integration's costs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-access-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-access-view.h"
#include "inflow-account-directory.h"
#include "inflow-ingestion-format.h"
#include "inflow-integration-words.h"
#include "inflow-view-utils.h"

/* The grid needs this much for the titles plus one check box column per
 * workspace; narrower, it shows one workspace at a time. */
#define TITLE_MIN_WIDTH 200
#define CHECK_COLUMN_WIDTH 120

/* One workspace column. */
typedef struct
{
  InflowAccessView *self;
  char             *token;
  char             *name;
  char             *seen_by;
} WorkspaceColumn;

struct _InflowAccessView
{
  AdwBin                  parent_instance;

  /* Owned references */
  InflowSession          *session;
  InflowAccountDirectory *directory;
  GCancellable           *cancellable;
  GtkSortListModel       *sort_model;
  GtkFilterListModel     *filter_model;
  GtkMultiSelection      *selection;
  GtkStringFilter        *string_filter;
  GtkCustomFilter        *custom_filter;
  GtkColumnViewColumn    *integration_column;
  GPtrArray              *workspace_columns;   /* GtkColumnViewColumn */
  GPtrArray              *workspace_tokens;    /* char*, for the dropdown */
  GHashTable             *pending;             /* "token\nworkspace" → change + 1 */
  GHashTable             *bound_checks;        /* GtkCheckButton → GtkListItem */
  GHashTable             *bound_titles;        /* GtkListItem → TRUE */
  char                   *last_toast;
  char                   *focus_token;

  /* The batch running, if any */
  GPtrArray              *batch_tokens;
  GPtrArray              *batch_results;
  GtkListBox             *batch_list;
  char                   *batch_workspace;
  InflowWorkspaceAccessChange batch_change;
  guint                   batch_index;
  guint                   batch_failures;

  guint                   directory_idle;
  guint                   narrow_idle;
  guint                   focus_idle;
  gboolean                narrow;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkRevealer            *readonly_revealer;
  GtkLabel               *readonly_label;
  GtkBox                 *toolbar;
  GtkSearchEntry         *search_entry;
  GtkToggleButton        *unassigned_button;
  GtkFlowBox             *teams_box;
  GtkBox                 *workspace_box;
  AdwComboRow            *workspace_row;
  GtkLabel               *seen_by_label;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  GtkColumnView          *column_view;
  GtkActionBar           *action_bar;
  GtkLabel               *selection_label;
  GtkProgressBar         *progress_bar;
  GtkDropDown            *workspace_dropdown;
  GtkButton              *add_button;
  GtkButton              *remove_button;
  GtkLabel               *as_of_label;
};

G_DEFINE_FINAL_TYPE (InflowAccessView, inflow_access_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_state (InflowAccessView *self);
static void batch_next (InflowAccessView *self);
static void apply_narrow (InflowAccessView *self);

static void
workspace_column_free (gpointer data)
{
  WorkspaceColumn *column = data;

  g_free (column->token);
  g_free (column->name);
  g_free (column->seen_by);
  g_free (column);
}

static WorkspaceColumn *
workspace_column_at (InflowAccessView *self,
                     guint             index)
{
  GtkColumnViewColumn *view_column = g_ptr_array_index (self->workspace_columns, index);

  return g_object_get_data (G_OBJECT (gtk_column_view_column_get_factory (view_column)), "column");
}

static char *
pending_key (const char *integration_token,
             const char *workspace_token)
{
  return g_strconcat (integration_token, "\n", workspace_token, NULL);
}

static const char *
integration_title (InflowAccessView  *self,
                   InflowIntegration *integration)
{
  const char *account_id = inflow_integration_get_account_identifier (integration);
  const char *name = inflow_account_directory_get_title (self->directory, account_id);

  if (name != NULL)
    return name;
  if (account_id != NULL)
    return account_id;

  return inflow_integration_get_token (integration);
}

/* A toast is one line: a long @reason goes behind its Details button. */
static void
show_toast (InflowAccessView *self,
            const char       *text,
            const char       *reason)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  if (reason != NULL)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "access.show-details");
      adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", text, reason));
    }
  g_free (self->last_toast);
  self->last_toast = reason != NULL ? g_strconcat (text, " ", reason, NULL) : g_strdup (text);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *text, *reason;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &text, &reason);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), text, reason);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static InflowIntegration *
find_integration (InflowAccessView *self,
                  const char       *token)
{
  GListModel *integrations;
  guint n;

  if (self->session == NULL)
    return NULL;

  integrations = inflow_session_get_integrations (self->session);
  n = g_list_model_get_n_items (integrations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        return g_steal_pointer (&integration);
    }

  return NULL;
}

/* Expressions and filters */

static char *
title_expression_cb (InflowIntegration *integration,
                     InflowAccessView  *self)
{
  return g_strdup (integration_title (self, integration));
}

static char *
search_expression_cb (InflowIntegration *integration,
                      InflowAccessView  *self)
{
  return g_strjoin (" ",
                    inflow_provider_get_display_name (inflow_integration_get_provider (integration)),
                    inflow_integration_get_token (integration),
                    inflow_integration_get_account_identifier (integration) ?: "",
                    integration_title (self, integration),
                    NULL);
}

static gboolean
custom_filter_cb (gpointer item,
                  gpointer data)
{
  InflowAccessView *self = data;
  const char * const *tokens;

  if (!gtk_toggle_button_get_active (self->unassigned_button))
    return TRUE;

  tokens = inflow_integration_get_workspace_tokens (item);
  return tokens == NULL || tokens[0] == NULL;
}

/* Cells */

static void
bind_title (InflowAccessView *self,
            GtkListItem      *list_item)
{
  InflowIntegration *integration = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char * const *tokens = inflow_integration_get_workspace_tokens (integration);
  gboolean nowhere = tokens == NULL || tokens[0] == NULL;
  const char *provider = inflow_provider_get_display_name (inflow_integration_get_provider (integration));
  g_autofree char *subtitle_text = NULL;

  if (integration == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (title), integration_title (self, integration));
  if (nowhere)
    /* Translators: %s is a provider, like "AWS" */
    subtitle_text = g_strdup_printf (_("%s · in no workspace: its costs show nowhere"), provider);
  else if (inflow_integration_get_account_identifier (integration) != NULL)
    subtitle_text = g_strdup_printf (_("%s · %s"), provider, inflow_integration_get_account_identifier (integration));
  else
    subtitle_text = g_strdup (provider);
  gtk_label_set_label (GTK_LABEL (subtitle), subtitle_text);
  gtk_widget_set_visible (icon, nowhere);
  if (nowhere)
    gtk_widget_add_css_class (subtitle, "warning");
  else
    gtk_widget_remove_css_class (subtitle, "warning");
}

static void
setup_title_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                InflowAccessView         *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, _("In no workspace: its costs show nowhere"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               InflowAccessView         *self)
{
  g_hash_table_add (self->bound_titles, list_item);
  bind_title (self, list_item);
}

static void
unbind_title_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 InflowAccessView         *self)
{
  g_hash_table_remove (self->bound_titles, list_item);
}

/* Sets a check box from the integration it shows and the change in flight. */
static void
refresh_check (InflowAccessView *self,
               GtkCheckButton   *check)
{
  GtkListItem *list_item = g_hash_table_lookup (self->bound_checks, check);
  WorkspaceColumn *column = g_object_get_data (G_OBJECT (check), "column");
  InflowIntegration *integration;
  const char * const *tokens;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  gpointer pending;
  gboolean can_write;
  gboolean active;

  if (list_item == NULL || (integration = gtk_list_item_get_item (list_item)) == NULL)
    return;

  tokens = inflow_integration_get_workspace_tokens (integration);
  key = pending_key (inflow_integration_get_token (integration), column->token);
  pending = g_hash_table_lookup (self->pending, key);
  can_write = self->session != NULL && inflow_session_get_can_write (self->session);

  if (pending != NULL)
    active = GPOINTER_TO_UINT (pending) - 1 == INFLOW_WORKSPACE_ACCESS_ADD;
  else
    active = tokens != NULL && g_strv_contains (tokens, column->token);

  g_object_set_data (G_OBJECT (check), "binding", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_active (check, active);
  g_object_set_data (G_OBJECT (check), "binding", NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (check), can_write && pending == NULL && self->batch_tokens == NULL);
  if (!can_write)
    gtk_widget_set_tooltip_text (GTK_WIDGET (check), inflow_session_get_write_disabled_reason (self->session));
  else if (pending != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (check), _("Saving…"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (check), NULL);

  /* Translators: "Show Production Account costs in Finance" */
  label = g_strdup_printf (_("Show %s costs in %s"), integration_title (self, integration), column->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
refresh_checks (InflowAccessView *self,
                const char       *integration_token)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      InflowIntegration *integration = gtk_list_item_get_item (value);

      if (integration_token == NULL ||
          (integration != NULL && g_str_equal (inflow_integration_get_token (integration), integration_token)))
        refresh_check (self, key);
    }
}

typedef struct
{
  InflowAccessView            *self;
  char                        *integration_token;
  char                        *workspace_token;
  char                        *workspace_name;
  char                        *title;
  InflowWorkspaceAccessChange  change;
} ChangeContext;

static void
change_context_free (ChangeContext *context)
{
  g_clear_object (&context->self);
  g_free (context->integration_token);
  g_free (context->workspace_token);
  g_free (context->workspace_name);
  g_free (context->title);
  g_free (context);
}

static void
single_change_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChangeContext *context = user_data;
  InflowAccessView *self = context->self;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  integration = inflow_workspace_access_change_finish (result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      change_context_free (context);
      return;
    }

  key = pending_key (context->integration_token, context->workspace_token);
  g_hash_table_remove (self->pending, key);

  if (integration != NULL && self->session != NULL)
    inflow_session_update_integration (self->session, integration);
  else if (error != NULL)
    {
      g_autofree char *text = NULL;

      if (context->change == INFLOW_WORKSPACE_ACCESS_ADD)
        /* Translators: an account, then a workspace */
        text = g_strdup_printf (_("Could not show %s costs in %s"), context->title, context->workspace_name);
      else
        text = g_strdup_printf (_("Could not remove %s costs from %s"), context->title, context->workspace_name);
      show_toast (self, text, error->message);
    }

  /* Back to the real state (the list's, fresh or unchanged). */
  refresh_checks (self, context->integration_token);
  update_state (self);
  change_context_free (context);
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  InflowAccessView *self)
{
  GtkListItem *list_item;
  WorkspaceColumn *column;
  InflowIntegration *integration;
  ChangeContext *context;
  g_autofree char *key = NULL;

  if (g_object_get_data (G_OBJECT (check), "binding") != NULL)
    return;

  list_item = g_hash_table_lookup (self->bound_checks, check);
  column = g_object_get_data (G_OBJECT (check), "column");
  if (list_item == NULL || (integration = gtk_list_item_get_item (list_item)) == NULL ||
      self->session == NULL || !inflow_session_get_can_write (self->session))
    {
      refresh_check (self, check);
      return;
    }

  key = pending_key (inflow_integration_get_token (integration), column->token);
  if (g_hash_table_contains (self->pending, key))
    return;

  context = g_new0 (ChangeContext, 1);
  context->self = g_object_ref (self);
  context->integration_token = g_strdup (inflow_integration_get_token (integration));
  context->workspace_token = g_strdup (column->token);
  context->workspace_name = g_strdup (column->name);
  context->title = g_strdup (integration_title (self, integration));
  context->change = gtk_check_button_get_active (check) ? INFLOW_WORKSPACE_ACCESS_ADD : INFLOW_WORKSPACE_ACCESS_REMOVE;

  g_hash_table_insert (self->pending, g_steal_pointer (&key), GUINT_TO_POINTER (context->change + 1));
  refresh_check (self, check);

  inflow_workspace_access_change_async (inflow_session_get_client (self->session),
                                        context->integration_token,
                                        context->workspace_token,
                                        context->change,
                                        self->cancellable,
                                        single_change_cb,
                                        context);
}

static void
setup_check_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                WorkspaceColumn          *column)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "column", column);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), column->self);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_check_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               WorkspaceColumn          *column)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);

  g_hash_table_insert (column->self->bound_checks, check, list_item);
  refresh_check (column->self, GTK_CHECK_BUTTON (check));
}

static void
unbind_check_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 WorkspaceColumn          *column)
{
  g_hash_table_remove (column->self->bound_checks, gtk_list_item_get_child (list_item));
}

/* Workspaces: one column each, a card of the teams that see it, and an
 * entry of the workspace chooser and of the batch dropdown */

static void
update_workspaces (InflowAccessView *self)
{
  GListModel *workspaces = self->session != NULL ? inflow_session_get_workspaces (self->session) : NULL;
  GListModel *teams = self->session != NULL ? inflow_session_get_teams (self->session) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = workspaces != NULL ? g_list_model_get_n_items (workspaces) : 0;
  guint chosen = adw_combo_row_get_selected (self->workspace_row);
  g_autofree char *chosen_token = NULL;
  GtkWidget *child;

  /* Refreshes replace the workspaces; the chosen one stays chosen. */
  if (chosen < self->workspace_tokens->len)
    chosen_token = g_strdup (g_ptr_array_index (self->workspace_tokens, chosen));

  for (guint i = 0; i < self->workspace_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->workspace_columns, i));
  g_ptr_array_set_size (self->workspace_columns, 0);
  g_ptr_array_set_size (self->workspace_tokens, 0);
  g_hash_table_remove_all (self->bound_checks);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->teams_box))) != NULL)
    gtk_flow_box_remove (self->teams_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowWorkspace) workspace = g_list_model_get_item (workspaces, i);
      WorkspaceColumn *column = g_new0 (WorkspaceColumn, 1);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *view_column;
      g_autofree char *team_names = NULL;
      GtkWidget *card, *title, *subtitle;
      guint n_teams = 0;

      column->self = self;
      column->token = g_strdup (inflow_workspace_get_token (workspace));
      column->name = g_strdup (inflow_workspace_get_name (workspace));
      g_object_set_data_full (G_OBJECT (factory), "column", column, workspace_column_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_check_cb), column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_check_cb), column);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_check_cb), column);

      view_column = gtk_column_view_column_new (column->name, factory);
      gtk_column_view_append_column (self->column_view, view_column);
      g_ptr_array_add (self->workspace_columns, view_column);

      g_ptr_array_add (self->workspace_tokens, g_strdup (column->token));
      gtk_string_list_append (names, column->name);

      /* Who will see the data */
      team_names = inflow_teams_dup_names_for_workspace (teams, column->token, &n_teams);
      if (team_names != NULL)
        /* Translators: %s is a list of team names */
        column->seen_by = g_strdup_printf (_("Seen by %s"), team_names);
      else
        column->seen_by = g_strdup (_("No team sees it"));

      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "inflow-workspace-card");
      title = gtk_label_new (column->name);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      subtitle = gtk_label_new (column->seen_by);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 28);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card), subtitle);
      gtk_flow_box_append (self->teams_box, card);
    }

  /* The dropdown follows the chooser (a binding). */
  gtk_drop_down_set_model (self->workspace_dropdown, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->workspace_row, G_LIST_MODEL (names));
  if (chosen_token != NULL &&
      g_ptr_array_find_with_equal_func (self->workspace_tokens, chosen_token, g_str_equal, &chosen))
    adw_combo_row_set_selected (self->workspace_row, chosen);

  apply_narrow (self);
  /* The number of columns moves the width where the grid folds. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* State */

static const char *
current_state (InflowAccessView *self)
{
  InflowListState state;

  if (self->session == NULL)
    return "signed-out";

  state = inflow_session_get_list_state (self->session, INFLOW_SESSION_LIST_INTEGRATIONS,
                                         g_list_model_get_n_items (inflow_session_get_integrations (self->session)));
  if (state != INFLOW_LIST_STATE_READY)
    return inflow_view_list_state_name (state);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 &&
      gtk_filter_list_model_get_pending (self->filter_model) == 0 &&
      gtk_sort_list_model_get_pending (self->sort_model) == 0)
    return "no-results";

  return "list";
}

static void
update_selection_label (InflowAccessView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = gtk_bitset_get_size (selected);
  gboolean can_write = self->session != NULL && inflow_session_get_can_write (self->session);
  g_autofree char *text = NULL;

  if (self->batch_tokens != NULL)
    text = g_strdup_printf (_("Changing %u of %u…"), self->batch_index + 1, self->batch_tokens->len);
  else if (n == 0)
    text = g_strdup (_("Select rows (Ctrl or Shift + click) to change several at once"));
  else
    text = g_strdup_printf (ngettext ("%u integration selected", "%u integrations selected", n), n);

  gtk_label_set_label (self->selection_label, text);
  /* Narrow, the bar shows up once there is a selection to change. */
  gtk_widget_set_visible (GTK_WIDGET (self->action_bar),
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0 &&
                          (!self->narrow || n > 0 || self->batch_tokens != NULL));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), can_write && n > 0 && self->batch_tokens == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), can_write && n > 0 && self->batch_tokens == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->workspace_dropdown), can_write && self->batch_tokens == NULL);
}

static void
update_state (InflowAccessView *self)
{
  const char *state = current_state (self);
  gboolean can_write = self->session == NULL || inflow_session_get_can_write (self->session);
  g_autofree char *as_of = NULL;

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));

  if (g_str_equal (state, "error"))
    {
      const GError *error = inflow_session_get_last_error (self->session);

      adw_status_page_set_description (self->error_page,
                                       error != NULL ? error->message : _("Vantage could not be reached."));
    }

  gtk_revealer_set_reveal_child (self->readonly_revealer, !can_write);
  if (!can_write)
    {
      const char *reason = inflow_session_get_write_disabled_reason (self->session);
      g_autofree char *text = g_strdup_printf (_("Read-only: %s"), reason != NULL ? reason : _("this token cannot make changes."));

      gtk_label_set_label (self->readonly_label, text);
    }

  if (self->session != NULL)
    as_of = inflow_session_dup_as_of_text (self->session, INFLOW_SESSION_LIST_INTEGRATIONS);
  gtk_label_set_label (self->as_of_label, as_of);

  update_selection_label (self);
}

static void
apply_focus (InflowAccessView *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n;

  if (self->focus_token == NULL ||
      gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
      gtk_sort_list_model_get_pending (self->sort_model) > 0)
    return;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (model, i);

      if (g_str_equal (inflow_integration_get_token (integration), self->focus_token))
        {
          /* The search narrowed the list to the account, so the row is
           * among the first ones shown. */
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          break;
        }
    }

  g_clear_pointer (&self->focus_token, g_free);
}

static gboolean
focus_idle_cb (gpointer data)
{
  InflowAccessView *self = data;

  self->focus_idle = 0;
  apply_focus (self);

  return G_SOURCE_REMOVE;
}

/* Selecting from inside the models' own notifications upsets GTK 4.8's
 * selection models; the focus waits for the next idle. */
static void
schedule_focus (InflowAccessView *self)
{
  if (self->focus_token != NULL && self->focus_idle == 0)
    self->focus_idle = g_idle_add (focus_idle_cb, self);
}

static void
filter_model_changed_cb (InflowAccessView *self)
{
  update_state (self);
  schedule_focus (self);
}

static void
rebind_titles (InflowAccessView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound_titles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    bind_title (self, key);
}

static gboolean
directory_idle_cb (gpointer data)
{
  InflowAccessView *self = data;

  self->directory_idle = 0;

  if (self->session != NULL)
    inflow_account_directory_update (self->directory,
                                     inflow_session_get_cloud_accounts (self->session),
                                     inflow_session_get_integrations (self->session));
  else
    inflow_account_directory_update (self->directory, NULL, NULL);

  rebind_titles (self);
  refresh_checks (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_directory_update (InflowAccessView *self)
{
  if (self->directory_idle == 0)
    self->directory_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, directory_idle_cb, self, NULL);
}

static void
integrations_changed_cb (InflowAccessView *self,
                         guint             position,
                         guint             removed,
                         guint             added,
                         GListModel       *model)
{
  schedule_directory_update (self);
  update_state (self);
}

static void
cloud_accounts_changed_cb (InflowAccessView *self,
                           guint             position,
                           guint             removed,
                           guint             added,
                           GListModel       *model)
{
  schedule_directory_update (self);
}

static void
workspaces_changed_cb (InflowAccessView *self,
                       guint             position,
                       guint             removed,
                       guint             added,
                       GListModel       *model)
{
  update_workspaces (self);
}

static void
session_notify_cb (InflowAccessView *self,
                   GParamSpec       *pspec,
                   InflowSession    *session)
{
  update_state (self);
  refresh_checks (self, NULL);
}

static void
fetched_at_changed_cb (InflowAccessView  *self,
                       InflowSessionList  list,
                       InflowSession     *session)
{
  update_state (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  inflow_view_focus_search (INFLOW_ACCESS_VIEW (widget)->search_entry);
}

/* Template callbacks */

static void
search_changed_cb (InflowAccessView *self,
                   GtkSearchEntry   *entry)
{
  gtk_string_filter_set_search (self->string_filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
unassigned_toggled_cb (InflowAccessView *self,
                       GtkToggleButton  *button)
{
  gtk_filter_changed (GTK_FILTER (self->custom_filter),
                      gtk_toggle_button_get_active (button) ? GTK_FILTER_CHANGE_MORE_STRICT
                                                            : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
retry_clicked_cb (InflowAccessView *self,
                  GtkButton        *button)
{
  if (self->session != NULL)
    inflow_session_refresh_async (self->session, NULL, NULL, NULL);
}

static void
start_batch_from_selection (InflowAccessView            *self,
                            InflowWorkspaceAccessChange  change)
{
  guint selected = gtk_drop_down_get_selected (self->workspace_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->workspace_tokens->len)
    return;

  inflow_access_view_run_batch (self, g_ptr_array_index (self->workspace_tokens, selected), change);
}

static void
add_clicked_cb (InflowAccessView *self,
                GtkButton        *button)
{
  start_batch_from_selection (self, INFLOW_WORKSPACE_ACCESS_ADD);
}

static void
remove_clicked_cb (InflowAccessView *self,
                   GtkButton        *button)
{
  start_batch_from_selection (self, INFLOW_WORKSPACE_ACCESS_REMOVE);
}

static void
selection_changed_cb (InflowAccessView *self)
{
  update_selection_label (self);
}

static void
workspace_chosen_cb (InflowAccessView *self)
{
  apply_narrow (self);
}

/* Batches */

static const char *
workspace_name (InflowAccessView *self,
                const char       *token)
{
  for (guint i = 0; i < self->workspace_columns->len; i++)
    {
      WorkspaceColumn *column = workspace_column_at (self, i);

      if (g_str_equal (column->token, token))
        return column->name;
    }

  return token;
}

static void
add_result_row (InflowAccessView *self,
                const char       *title,
                const char       *result,
                gboolean          ok)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (ok ? "emblem-ok-symbolic" : "dialog-error-symbolic");

  gtk_widget_add_css_class (icon, ok ? "success" : "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), result);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->batch_list, row);
}

static void
batch_finish (InflowAccessView *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint n = self->batch_tokens->len;

  if (self->batch_failures == 0)
    heading = g_strdup (_("Access Changed"));
  else
    heading = g_strdup (_("Some Changes Failed"));

  body = g_strdup_printf (ngettext ("%u of %u integration changed in %s.", "%u of %u integrations changed in %s.", n),
                          n - self->batch_failures, n, workspace_name (self, self->batch_workspace));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->batch_list));
  g_clear_object (&self->batch_list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  g_clear_pointer (&self->batch_tokens, g_ptr_array_unref);
  g_clear_pointer (&self->batch_workspace, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  refresh_checks (self, NULL);
  update_state (self);
}

static void
batch_change_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(InflowAccessView) self = user_data;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  const char *token;
  g_autoptr(InflowIntegration) known = NULL;
  g_autofree char *title = NULL;
  const char *name;
  gboolean sent = FALSE;

  integration = inflow_workspace_access_change_finish (result, &sent, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->batch_tokens == NULL)
    return;

  token = g_ptr_array_index (self->batch_tokens, self->batch_index);
  known = find_integration (self, token);
  title = g_strdup (known != NULL ? integration_title (self, known) : token);
  name = workspace_name (self, self->batch_workspace);

  if (integration != NULL)
    {
      const char *what;

      if (!sent)
        what = self->batch_change == INFLOW_WORKSPACE_ACCESS_ADD ? _("Already shown there") : _("Already not shown there");
      else
        what = self->batch_change == INFLOW_WORKSPACE_ACCESS_ADD ? _("Added") : _("Removed");

      if (self->session != NULL)
        inflow_session_update_integration (self->session, integration);
      g_ptr_array_add (self->batch_results, g_strdup_printf ("%s: %s", token, sent ? "changed" : "unchanged"));
      add_result_row (self, title, what, TRUE);
    }
  else
    {
      self->batch_failures++;
      g_ptr_array_add (self->batch_results, g_strdup_printf ("%s: error: %s", token, error->message));
      add_result_row (self, title, error->message, FALSE);
    }

  (void) name;
  self->batch_index++;
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->batch_index / self->batch_tokens->len);
  batch_next (self);
}

static void
batch_next (InflowAccessView *self)
{
  g_autofree char *progress = NULL;

  if (self->batch_index >= self->batch_tokens->len)
    {
      batch_finish (self);
      return;
    }

  progress = g_strdup_printf ("%u / %u", self->batch_index, self->batch_tokens->len);
  gtk_progress_bar_set_text (self->progress_bar, progress);
  update_selection_label (self);

  inflow_workspace_access_change_async (inflow_session_get_client (self->session),
                                        g_ptr_array_index (self->batch_tokens, self->batch_index),
                                        self->batch_workspace,
                                        self->batch_change,
                                        self->cancellable,
                                        batch_change_cb,
                                        g_object_ref (self));
}

/* Narrow widths: rather than scroll the grid sideways, the list shows the
 * check boxes of the workspace chosen above it (the one Add and Remove
 * change too), and the chooser tells which teams see it. */

static gboolean
is_narrow (InflowAccessView *self,
           int               width)
{
  return width < TITLE_MIN_WIDTH + (int) self->workspace_columns->len * CHECK_COLUMN_WIDTH;
}

static void
apply_narrow (InflowAccessView *self)
{
  guint n = self->workspace_columns->len;
  guint chosen = adw_combo_row_get_selected (self->workspace_row);

  for (guint i = 0; i < n; i++)
    inflow_view_show_column (g_ptr_array_index (self->workspace_columns, i),
                             !self->narrow || i == chosen, CHECK_COLUMN_WIDTH);

  gtk_label_set_label (self->seen_by_label, chosen < n ? workspace_column_at (self, chosen)->seen_by : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->teams_box), !self->narrow && n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->workspace_box), self->narrow && n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->workspace_dropdown), !self->narrow);
  update_selection_label (self);
}

static gboolean
narrow_idle_cb (gpointer data)
{
  InflowAccessView *self = data;

  self->narrow_idle = 0;
  self->narrow = is_narrow (self, gtk_widget_get_width (GTK_WIDGET (self)));
  apply_narrow (self);

  return G_SOURCE_REMOVE;
}

static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  InflowAccessView *self = INFLOW_ACCESS_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (is_narrow (self, width) != self->narrow && self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, narrow_idle_cb, self, NULL);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* Sessions */

static void
disconnect_session (InflowAccessView *self)
{
  if (self->session == NULL)
    return;

  /* Writes in flight belong to the session that started them. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->pending);
  g_clear_pointer (&self->batch_tokens, g_ptr_array_unref);
  g_clear_object (&self->batch_list);

  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_integrations (self->session), self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_cloud_accounts (self->session), self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_workspaces (self->session), self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_teams (self->session), self);
  g_clear_object (&self->session);
}

static void
inflow_access_view_dispose (GObject *object)
{
  InflowAccessView *self = INFLOW_ACCESS_VIEW (object);

  disconnect_session (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->directory_idle, g_source_remove);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_clear_handle_id (&self->focus_idle, g_source_remove);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->selection);
  g_clear_object (&self->string_filter);
  g_clear_object (&self->custom_filter);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->workspace_columns, g_ptr_array_unref);
  g_clear_pointer (&self->workspace_tokens, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->bound_checks, g_hash_table_unref);
  g_clear_pointer (&self->bound_titles, g_hash_table_unref);
  g_clear_pointer (&self->batch_results, g_ptr_array_unref);
  g_clear_pointer (&self->batch_workspace, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->focus_token, g_free);

  G_OBJECT_CLASS (inflow_access_view_parent_class)->dispose (object);
}

static void
inflow_access_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowAccessView *self = INFLOW_ACCESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  InflowAccessView *self = INFLOW_ACCESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_access_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_view_class_init (InflowAccessViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_access_view_dispose;
  object_class->get_property = inflow_access_view_get_property;
  object_class->set_property = inflow_access_view_set_property;

  /**
   * InflowAccessView:session:
   *
   * The session whose workspace access the view edits, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-access-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, readonly_revealer);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, readonly_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, unassigned_button);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, teams_box);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, workspace_box);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, workspace_row);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, seen_by_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, error_page);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, column_view);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, workspace_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, add_button);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, as_of_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inflow_view_clear_search);
  /* Ctrl+F, from the template */
  gtk_widget_class_install_action (widget_class, "access.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "access.show-details", "(ss)", show_details_action);
  gtk_widget_class_bind_template_callback (widget_class, unassigned_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, workspace_chosen_cb);
}

static void
inflow_access_view_init (InflowAccessView *self)
{
  GtkListItemFactory *factory;
  GtkFilter *every;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure, layout_allocate));

  self->directory = inflow_account_directory_new ();
  self->cancellable = g_cancellable_new ();
  self->workspace_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->workspace_tokens = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_checks = g_hash_table_new (NULL, NULL);
  self->bound_titles = g_hash_table_new (NULL, NULL);
  self->batch_results = g_ptr_array_new_with_free_func (g_free);
  g_object_bind_property (self->workspace_row, "selected", self->workspace_dropdown, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_title_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_title_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_title_cb), self, 0);
  self->integration_column = gtk_column_view_column_new (_("Integration"), factory);
  gtk_column_view_column_set_expand (self->integration_column, TRUE);
  gtk_column_view_column_set_resizable (self->integration_column, TRUE);
  gtk_column_view_append_column (self->column_view, self->integration_column);
  g_object_unref (self->integration_column);

  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                           G_CALLBACK (title_expression_cb), self, NULL)));
  self->sort_model = gtk_sort_list_model_new (NULL, sorter);
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);

  self->string_filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                            G_CALLBACK (search_expression_cb), self, NULL));
  self->custom_filter = gtk_custom_filter_new (custom_filter_cb, self, NULL);
  every = GTK_FILTER (gtk_every_filter_new ());
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->custom_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->string_filter)));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)), every);
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "notify::pending", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_workspaces (self);
  update_state (self);
}

GtkWidget *
inflow_access_view_new (void)
{
  return g_object_new (INFLOW_TYPE_ACCESS_VIEW, NULL);
}

/**
 * inflow_access_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session
 */
InflowSession *
inflow_access_view_get_session (InflowAccessView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), NULL);

  return self->session;
}

/**
 * inflow_access_view_set_session:
 * @self: a view
 * @session: (nullable): the session to edit
 *
 * Changes in flight for the previous session are cancelled.
 */
void
inflow_access_view_set_session (InflowAccessView *self,
                                InflowSession    *session)
{
  g_return_if_fail (INFLOW_IS_ACCESS_VIEW (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      g_signal_connect_object (session, "notify", G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "fetched-at-changed", G_CALLBACK (fetched_at_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_integrations (session), "items-changed",
                               G_CALLBACK (integrations_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_cloud_accounts (session), "items-changed",
                               G_CALLBACK (cloud_accounts_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_workspaces (session), "items-changed",
                               G_CALLBACK (workspaces_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_teams (session), "items-changed",
                               G_CALLBACK (workspaces_changed_cb), self, G_CONNECT_SWAPPED);
      inflow_account_directory_update (self->directory,
                                       inflow_session_get_cloud_accounts (session),
                                       inflow_session_get_integrations (session));
    }
  else
    inflow_account_directory_update (self->directory, NULL, NULL);

  gtk_sort_list_model_set_model (self->sort_model,
                                 session != NULL ? inflow_session_get_integrations (session) : NULL);
  update_workspaces (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * inflow_access_view_focus_integration:
 * @self: a view
 * @token: an integration token
 *
 * Shows the integration's row, selected (the search narrows to its account).
 *
 * Returns: whether the session has that integration
 */
gboolean
inflow_access_view_focus_integration (InflowAccessView *self,
                                      const char       *token)
{
  g_autoptr(InflowIntegration) integration = NULL;
  const char *account_id;

  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  integration = find_integration (self, token);
  if (integration == NULL)
    return FALSE;

  gtk_toggle_button_set_active (self->unassigned_button, FALSE);
  account_id = inflow_integration_get_account_identifier (integration);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), account_id != NULL ? account_id : token);
  gtk_string_filter_set_search (self->string_filter, account_id != NULL ? account_id : token);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));

  g_free (self->focus_token);
  self->focus_token = g_strdup (token);
  schedule_focus (self);

  return TRUE;
}

/* Selects exactly the integrations of @tokens among the shown rows. */
void
inflow_access_view_select_integrations (InflowAccessView   *self,
                                        const char * const *tokens)
{
  GListModel *model;
  guint n;

  g_return_if_fail (INFLOW_IS_ACCESS_VIEW (self));

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && tokens != NULL; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (model, i);

      if (g_strv_contains (tokens, inflow_integration_get_token (integration)))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
    }
}

/**
 * inflow_access_view_run_batch:
 * @self: a view
 * @workspace_token: the workspace
 * @change: add the selected integrations to it, or remove them
 *
 * Changes the selected integrations one after the other, each by
 * read-modify-write, with a progress bar, then shows the results.
 */
void
inflow_access_view_run_batch (InflowAccessView            *self,
                              const char                  *workspace_token,
                              InflowWorkspaceAccessChange  change)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_if_fail (INFLOW_IS_ACCESS_VIEW (self));
  g_return_if_fail (workspace_token != NULL);

  if (self->session == NULL || self->batch_tokens != NULL || !inflow_session_get_can_write (self->session))
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return;

  self->batch_tokens = g_ptr_array_new_with_free_func (g_free);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

      g_ptr_array_add (self->batch_tokens, g_strdup (inflow_integration_get_token (integration)));
    }

  g_ptr_array_set_size (self->batch_results, 0);
  g_free (self->batch_workspace);
  self->batch_workspace = g_strdup (workspace_token);
  self->batch_change = change;
  self->batch_index = 0;
  self->batch_failures = 0;
  g_clear_object (&self->batch_list);
  self->batch_list = GTK_LIST_BOX (g_object_ref_sink (gtk_list_box_new ()));
  gtk_list_box_set_selection_mode (self->batch_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->batch_list), "boxed-list");

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  refresh_checks (self, NULL);
  batch_next (self);
}

/**
 * inflow_access_view_get_check:
 *
 * Returns: (transfer none) (nullable): the check box of that cell, if shown
 */
GtkCheckButton *
inflow_access_view_get_check (InflowAccessView *self,
                              const char       *integration_token,
                              const char       *workspace_token)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), NULL);

  g_hash_table_iter_init (&iter, self->bound_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      InflowIntegration *integration = gtk_list_item_get_item (value);
      WorkspaceColumn *column = g_object_get_data (key, "column");

      if (integration != NULL &&
          g_str_equal (inflow_integration_get_token (integration), integration_token) &&
          g_str_equal (column->token, workspace_token))
        return key;
    }

  return NULL;
}

/* Whether a change or a batch is in flight, or the list is still sorting
 * or filtering. */
gboolean
inflow_access_view_get_busy (InflowAccessView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), FALSE);

  return g_hash_table_size (self->pending) > 0 || self->batch_tokens != NULL ||
         gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

/**
 * inflow_access_view_get_shown_model:
 *
 * Returns: (transfer none): the integrations shown, in order
 */
GListModel *
inflow_access_view_get_shown_model (InflowAccessView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

const char *
inflow_access_view_get_state (InflowAccessView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
inflow_access_view_get_last_toast (InflowAccessView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), NULL);

  return self->last_toast;
}

/**
 * inflow_access_view_dup_batch_results:
 *
 * Returns: (transfer full): "token: changed", "token: unchanged" or
 *   "token: error: message" per integration of the latest batch
 */
GStrv
inflow_access_view_dup_batch_results (InflowAccessView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), NULL);

  for (guint i = 0; i < self->batch_results->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->batch_results, i));

  return g_strv_builder_end (builder);
}
