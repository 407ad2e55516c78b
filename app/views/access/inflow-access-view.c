/* inflow-access-view.c: which workspaces show each integration's costs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-access-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-access-check.h"
#include "inflow-access-column-scope.h"
#include "inflow-access-model.h"
#include "inflow-access-queue.h"
#include "inflow-access-results-dialog.h"
#include "inflow-access-view.h"
#include "inflow-view-utils.h"

/* The grid needs this much for the titles plus one check box column per
 * workspace; narrower, it shows one workspace at a time. */
#define TITLE_MIN_WIDTH 200
#define CHECK_COLUMN_WIDTH 120

/**
 * InflowAccessView:
 *
 * A grid of the session's integrations (rows) and workspaces (columns of
 * check boxes) from an #InflowAccessModel; the rows and cells are declared
 * in ui/inflow-access-*-cell.ui. A click asks the session's
 * #InflowAccessQueue for the change; a cell shows while it waits, and a
 * toast tells when it failed. Several selected rows change at once with a
 * batch of the queue.
 */
struct _InflowAccessView
{
  AdwBin                  parent_instance;

  InflowSession          *session;
  InflowAccessModel      *model;
  GSignalGroup           *session_signals;
  GSignalGroup           *queue_signals;
  GSignalGroup           *model_signals;
  GSignalGroup           *batch_signals;
  GBindingGroup          *batch_bindings;
  GBindingGroup          *queue_bindings;
  GPtrArray              *workspace_columns;   /* GtkColumnViewColumn, as the model's columns */
  char                   *focus_token;
  guint                   narrow_idle;
  guint                   focus_idle;
  gboolean                narrow;
  gboolean                writable;    /* access.toggle is enabled */

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  GtkRevealer            *readonly_revealer;
  GtkLabel               *readonly_label;
  GtkSearchEntry         *search_entry;
  GtkToggleButton        *unassigned_button;
  GtkWidget              *cards_view;
  GtkNoSelection         *cards_selection;
  GtkBox                 *workspace_box;
  AdwComboRow            *workspace_row;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  GtkColumnView          *column_view;
  GtkColumnViewColumn    *integration_column;
  GtkMultiSelection      *selection;
  GtkFilterListModel     *filter_model;
  GtkSortListModel       *sort_model;
  GtkStringFilter        *string_filter;
  GtkCustomFilter        *unassigned_filter;
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

static void apply_narrow (InflowAccessView *self);

static InflowAccessQueue *
get_queue (InflowAccessView *self)
{
  return self->session != NULL ? inflow_session_get_access_queue (self->session) : NULL;
}

static InflowAccessColumn *
find_column (InflowAccessView *self,
             const char       *workspace_token)
{
  GListModel *columns = inflow_access_model_get_columns (self->model);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(InflowAccessColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (inflow_access_column_get_workspace_token (column), workspace_token))
        return column;
    }

  return NULL;
}

/* Closures of the cell templates */

static GStrv
subtitle_classes (gpointer  this,
                  gboolean  nowhere,
                  gpointer  data)
{
  const char *classes[] = { "caption", nowhere ? "warning" : "dim-label", NULL };

  return g_strdupv ((char **) classes);
}

static InflowAccessCell *
cell_for_column (gpointer            this,
                 InflowAccessRow    *row,
                 InflowAccessColumn *column)
{
  return row != NULL ? g_object_ref (inflow_access_row_get_cell (row, column)) : NULL;
}

static GVariant *
cell_target (gpointer            this,
             InflowAccessRow    *row,
             InflowAccessColumn *column)
{
  /* Unbound, a target that changes nothing (the action wants one) */
  if (row == NULL)
    return g_variant_new ("(ss)", "", "");

  return g_variant_new ("(ss)", inflow_access_row_get_token (row), inflow_access_column_get_workspace_token (column));
}

static char *
state_icon (gpointer               this,
            InflowAccessCellState  state,
            InflowAccessColumn    *column)
{
  if (state == INFLOW_ACCESS_CELL_WAITING)
    return g_strdup ("content-loading-symbolic");
  if (state == INFLOW_ACCESS_CELL_FAILED)
    return g_strdup ("dialog-error-symbolic");

  return NULL;
}

static GStrv
state_classes (gpointer               this,
               InflowAccessCellState  state,
               InflowAccessColumn    *column)
{
  const char *classes[] = { state == INFLOW_ACCESS_CELL_FAILED ? "error" : "dim-label", NULL };

  return g_strdupv ((char **) classes);
}

/* Actions */

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  InflowAccessView *self = INFLOW_ACCESS_VIEW (widget);
  const char *integration, *workspace;

  g_variant_get (parameter, "(&s&s)", &integration, &workspace);
  if (self->model != NULL)
    inflow_access_model_toggle (self->model, integration, workspace);
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

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  inflow_view_focus_search (INFLOW_ACCESS_VIEW (widget)->search_entry);
}

/* A failed change: a toast, with the whole reason behind its Details
 * button (a batch tells its own in its results) */
static void
change_finished_cb (InflowAccessView            *self,
                    const char                  *integration_token,
                    const char                  *workspace_token,
                    InflowWorkspaceAccessChange  change,
                    gboolean                     batched,
                    const GError                *error)
{
  InflowAccessRow *row = inflow_access_model_lookup (self->model, integration_token);
  InflowAccessColumn *column = find_column (self, workspace_token);
  const char *title = row != NULL ? inflow_access_row_get_title (row) : integration_token;
  const char *name = column != NULL ? inflow_access_column_get_name (column) : workspace_token;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (error == NULL || batched || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (change == INFLOW_WORKSPACE_ACCESS_ADD)
    /* Translators: an account, then a workspace */
    text = g_strdup_printf (_("Could not show %s costs in %s"), title, name);
  else
    /* Translators: an account, then a workspace */
    text = g_strdup_printf (_("Could not remove %s costs from %s"), title, name);

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "access.show-details");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", text, error->message));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* State */

static const char *
current_state (InflowAccessView *self)
{
  InflowListState state;

  if (self->session == NULL)
    return "signed-out";

  state = inflow_session_get_list_state (self->session, INFLOW_SESSION_LIST_INTEGRATIONS,
                                         g_list_model_get_n_items (G_LIST_MODEL (self->model)));
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
  InflowAccessBatch *batch = self->session != NULL ? inflow_access_queue_get_batch (get_queue (self)) : NULL;
  guint n = gtk_bitset_get_size (selected);
  gboolean can_write = self->session != NULL && inflow_session_get_can_write (self->session);
  g_autofree char *text = NULL;

  if (batch != NULL)
    {
      guint total = inflow_access_batch_get_n_integrations (batch);

      /* Translators: "Changing 2 of 5…" integrations */
      text = g_strdup_printf (ngettext ("Changing %u of %u…", "Changing %u of %u…", total),
                              MIN (inflow_access_batch_get_n_done (batch) + 1, total), total);
    }
  else if (n == 0)
    text = g_strdup (_("Select rows (Ctrl or Shift + click) to change several at once"));
  else
    text = g_strdup_printf (ngettext ("%u integration selected", "%u integrations selected", n), n);

  gtk_label_set_label (self->selection_label, text);
  /* Narrow, the bar shows up once there is a selection to change. */
  gtk_widget_set_visible (GTK_WIDGET (self->action_bar),
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0 &&
                          (!self->narrow || n > 0 || batch != NULL));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), can_write && n > 0 && batch == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), can_write && n > 0 && batch == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->workspace_dropdown), can_write && batch == NULL);
}

static void
update_state (InflowAccessView *self)
{
  const char *state = current_state (self);
  gboolean can_write = self->session == NULL || inflow_session_get_can_write (self->session);
  g_autofree char *as_of = NULL;

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  /* Every check box follows the action: set it only when it changes */
  if (self->writable != (self->session != NULL && can_write))
    {
      self->writable = self->session != NULL && can_write;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.toggle", self->writable);
    }

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
      /* Translators: %s says why, like "This API token is read-only. …" */
      g_autofree char *text = g_strdup_printf (_("Read-only: %s"), reason);

      gtk_label_set_label (self->readonly_label, text);
    }

  if (self->session != NULL)
    as_of = inflow_session_dup_as_of_text (self->session, INFLOW_SESSION_LIST_INTEGRATIONS);
  gtk_label_set_label (self->as_of_label, as_of);

  update_selection_label (self);
}

/* Focus: selecting from inside the models' own notifications upsets GTK
 * 4.8's selection models; the focus waits for the next idle. */

static gboolean
focus_idle_cb (gpointer data)
{
  InflowAccessView *self = data;
  GListModel *shown = G_LIST_MODEL (self->filter_model);

  self->focus_idle = 0;
  if (self->focus_token == NULL ||
      gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
      gtk_sort_list_model_get_pending (self->sort_model) > 0)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(InflowAccessRow) row = g_list_model_get_item (shown, i);

      /* The search narrowed the list to the account: the row is among
       * the first ones. */
      if (g_str_equal (inflow_access_row_get_token (row), self->focus_token))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          break;
        }
    }
  g_clear_pointer (&self->focus_token, g_free);

  return G_SOURCE_REMOVE;
}

static void
filter_model_changed_cb (InflowAccessView *self)
{
  update_state (self);
  if (self->focus_token != NULL && self->focus_idle == 0)
    self->focus_idle = g_idle_add (focus_idle_cb, self);
}

/* Workspaces: a column of check boxes each, a card, and an entry of the
 * choosers; the chosen workspace stays chosen. */
static void
columns_changed_cb (InflowAccessView *self)
{
  GListModel *columns = self->model != NULL ? inflow_access_model_get_columns (self->model) : NULL;
  guint n = columns != NULL ? g_list_model_get_n_items (columns) : 0;
  InflowAccessColumn *chosen = adw_combo_row_get_selected_item (self->workspace_row);
  g_autofree char *chosen_token = chosen != NULL ? g_strdup (inflow_access_column_get_workspace_token (chosen)) : NULL;

  for (guint i = 0; i < self->workspace_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->workspace_columns, i));
  g_ptr_array_set_size (self->workspace_columns, 0);

  gtk_no_selection_set_model (self->cards_selection, columns);
  adw_combo_row_set_model (self->workspace_row, columns);
  gtk_drop_down_set_model (self->workspace_dropdown, columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowAccessColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkBuilderScope) scope = inflow_access_column_scope_new (column);
      GtkListItemFactory *factory;
      GtkColumnViewColumn *view_column;

      gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                               "cell_for_column", G_CALLBACK (cell_for_column),
                                               "cell_target", G_CALLBACK (cell_target),
                                               "state_icon", G_CALLBACK (state_icon),
                                               "state_classes", G_CALLBACK (state_classes),
                                               NULL);
      factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE_PATH "/ui/inflow-access-check-cell.ui");
      view_column = gtk_column_view_column_new (inflow_access_column_get_name (column), factory);
      gtk_column_view_append_column (self->column_view, view_column);
      g_ptr_array_add (self->workspace_columns, view_column);
      if (g_strcmp0 (chosen_token, inflow_access_column_get_workspace_token (column)) == 0)
        adw_combo_row_set_selected (self->workspace_row, i);
    }

  apply_narrow (self);
  /* The number of columns moves the width where the grid folds. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Template callbacks */

static void
search_changed_cb (InflowAccessView *self,
                   GtkSearchEntry   *entry)
{
  gtk_string_filter_set_search (self->string_filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static gboolean
unassigned_filter_cb (gpointer item,
                      gpointer data)
{
  InflowAccessView *self = data;

  return !gtk_toggle_button_get_active (self->unassigned_button) || inflow_access_row_get_nowhere (item);
}

static void
unassigned_toggled_cb (InflowAccessView *self,
                       GtkToggleButton  *button)
{
  gtk_filter_changed (GTK_FILTER (self->unassigned_filter),
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

/* Batches: the selected rows, one workspace */

static void
start_batch (InflowAccessView            *self,
             InflowWorkspaceAccessChange  change)
{
  g_autoptr(InflowAccessColumn) column = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GStrvBuilder) tokens = g_strv_builder_new ();
  g_auto(GStrv) batch_tokens = NULL;
  GtkBitsetIter iter;
  guint position;

  column = g_list_model_get_item (inflow_access_model_get_columns (self->model),
                                  gtk_drop_down_get_selected (self->workspace_dropdown));
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (column == NULL || gtk_bitset_is_empty (selected) || !inflow_session_get_can_write (self->session))
    return;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more; more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(InflowAccessRow) row = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

      g_strv_builder_add (tokens, inflow_access_row_get_token (row));
    }

  batch_tokens = g_strv_builder_end (tokens);
  inflow_access_queue_start_batch (get_queue (self), (const char * const *) batch_tokens,
                                   inflow_access_column_get_workspace_token (column), change);
}

static void
add_clicked_cb (InflowAccessView *self,
                GtkButton        *button)
{
  start_batch (self, INFLOW_WORKSPACE_ACCESS_ADD);
}

static void
remove_clicked_cb (InflowAccessView *self,
                   GtkButton        *button)
{
  start_batch (self, INFLOW_WORKSPACE_ACCESS_REMOVE);
}

static void
batch_running_cb (InflowAccessView  *self,
                  GParamSpec        *pspec,
                  InflowAccessBatch *batch)
{
  InflowAccessColumn *column;
  GtkRoot *root;

  update_selection_label (self);
  if (inflow_access_batch_get_running (batch))
    return;

  column = find_column (self, inflow_access_batch_get_workspace_token (batch));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_window_present (GTK_WINDOW (inflow_access_results_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, batch,
                                                                    column != NULL ? inflow_access_column_get_name (column)
                                                                                   : inflow_access_batch_get_workspace_token (batch))));
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

  gtk_widget_set_visible (self->cards_view, !self->narrow && n > 0);
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

/* The object */

static void
inflow_access_view_dispose (GObject *object)
{
  InflowAccessView *self = INFLOW_ACCESS_VIEW (object);

  inflow_access_view_set_session (self, NULL);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_clear_handle_id (&self->focus_idle, g_source_remove);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->queue_signals);
  g_clear_object (&self->model_signals);
  g_clear_object (&self->batch_signals);
  g_clear_object (&self->batch_bindings);
  g_clear_object (&self->queue_bindings);
  g_clear_pointer (&self->workspace_columns, g_ptr_array_unref);
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

  /* The types the templates name */
  g_type_ensure (INFLOW_TYPE_ACCESS_CHECK);
  g_type_ensure (INFLOW_TYPE_ACCESS_ROW);
  g_type_ensure (INFLOW_TYPE_ACCESS_CELL);
  g_type_ensure (INFLOW_TYPE_ACCESS_COLUMN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-access-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, readonly_revealer);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, readonly_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, unassigned_button);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, cards_view);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, cards_selection);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, workspace_box);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, workspace_row);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, error_page);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, column_view);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, integration_column);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, selection);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, string_filter);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, unassigned_filter);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, workspace_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, add_button);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, InflowAccessView, as_of_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inflow_view_clear_search);
  gtk_widget_class_bind_template_callback (widget_class, unassigned_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_narrow);
  gtk_widget_class_bind_template_callback (widget_class, update_selection_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_model_changed_cb);

  /* Ctrl+F, from the template; Space on a check box asks for the change */
  gtk_widget_class_install_action (widget_class, "access.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "access.show-details", "(ss)", show_details_action);
  gtk_widget_class_install_action (widget_class, "access.toggle", "(ss)", toggle_action);
}

static void
inflow_access_view_init (InflowAccessView *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure, layout_allocate));

  self->workspace_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->writable = TRUE;   /* as a class's actions start */

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "subtitle_classes", G_CALLBACK (subtitle_classes));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE_PATH "/ui/inflow-access-title-cell.ui");
  gtk_column_view_column_set_factory (self->integration_column, factory);
  gtk_custom_filter_set_filter_func (self->unassigned_filter, unassigned_filter_cb, self, NULL);

  self->session_signals = g_signal_group_new (INFLOW_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify", G_CALLBACK (update_state), self);
  g_signal_group_connect_swapped (self->session_signals, "fetched-at-changed", G_CALLBACK (update_state), self);

  self->queue_signals = g_signal_group_new (INFLOW_TYPE_ACCESS_QUEUE);
  g_signal_group_connect_swapped (self->queue_signals, "change-finished", G_CALLBACK (change_finished_cb), self);
  g_signal_group_connect_swapped (self->queue_signals, "notify::batch", G_CALLBACK (update_selection_label), self);

  self->model_signals = g_signal_group_new (INFLOW_TYPE_ACCESS_MODEL);
  g_signal_group_connect_swapped (self->model_signals, "notify::columns", G_CALLBACK (columns_changed_cb), self);

  /* The batch running: its progress, and its results when it ends */
  self->batch_signals = g_signal_group_new (INFLOW_TYPE_ACCESS_BATCH);
  g_signal_group_connect_swapped (self->batch_signals, "notify::n-done", G_CALLBACK (update_selection_label), self);
  g_signal_group_connect_swapped (self->batch_signals, "notify::running", G_CALLBACK (batch_running_cb), self);
  self->batch_bindings = g_binding_group_new ();
  g_binding_group_bind (self->batch_bindings, "fraction", self->progress_bar, "fraction", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->batch_bindings, "running", self->progress_bar, "visible", G_BINDING_SYNC_CREATE);
  self->queue_bindings = g_binding_group_new ();
  g_binding_group_bind (self->queue_bindings, "batch", self->batch_signals, "target", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->queue_bindings, "batch", self->batch_bindings, "source", G_BINDING_SYNC_CREATE);

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
 * Changes asked for keep going: they are the session's.
 */
void
inflow_access_view_set_session (InflowAccessView *self,
                                InflowSession    *session)
{
  g_return_if_fail (INFLOW_IS_ACCESS_VIEW (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_clear_object (&self->model);
  if (session != NULL)
    self->model = inflow_access_model_new (session);

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->queue_signals, get_queue (self));
  g_signal_group_set_target (self->model_signals, self->model);
  g_binding_group_set_source (self->queue_bindings, get_queue (self));

  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->model));
  columns_changed_cb (self);
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
  InflowAccessRow *row;
  const char *account_id;

  g_return_val_if_fail (INFLOW_IS_ACCESS_VIEW (self), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  row = self->model != NULL ? inflow_access_model_lookup (self->model, token) : NULL;
  if (row == NULL)
    return FALSE;

  gtk_toggle_button_set_active (self->unassigned_button, FALSE);
  account_id = inflow_integration_get_account_identifier (inflow_access_row_get_integration (row));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), account_id != NULL ? account_id : token);
  gtk_string_filter_set_search (self->string_filter, account_id != NULL ? account_id : token);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));

  g_free (self->focus_token);
  self->focus_token = g_strdup (token);
  filter_model_changed_cb (self);

  return TRUE;
}
