/* inflow-integrations-view.c: every integration of the profile
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-integrations-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-cell.h"
#include "inflow-integration-filter.h"
#include "inflow-integration-page.h"
#include "inflow-integration-row.h"
#include "inflow-integrations-view.h"
#include "inflow-list-status.h"
#include "inflow-placeholder-rows.h"
#include "inflow-view-utils.h"

/* Under these widths of the view, columns give way: Created first, then
 * all but Account and Status (which takes the Ingestion badge). */
#define MEDIUM_WIDTH 1010
#define NARROW_WIDTH 720

typedef enum
{
  COLUMN_ACCOUNT,
  COLUMN_STATUS,
  COLUMN_VERDICT,
  COLUMN_WORKSPACES,
  COLUMN_CREATED,
  COLUMN_UPDATED,
  N_COLUMNS
} Column;

/* Fixed widths; the Account column takes the rest. */
static const int column_widths[] = {
  [COLUMN_ACCOUNT] = -1,
  [COLUMN_STATUS] = 260,
  [COLUMN_VERDICT] = 150,
  [COLUMN_WORKSPACES] = 110,
  [COLUMN_CREATED] = 130,
  [COLUMN_UPDATED] = 150,
};

struct _InflowIntegrationsView
{
  AdwBin                   parent_instance;

  /* Owned references */
  InflowSession           *session;
  GSignalGroup            *integrations_signals;  /* of the session's list */
  GtkSortListModel        *sort_model;
  GtkFilterListModel      *filter_model;
  GtkCustomFilter         *custom_filter;         /* asks filter */
  InflowPlaceholderRows   *rows;                  /* what column_view shows */
  GPtrArray               *provider_keys;         /* NULL for "all" first */

  guint                    narrow_idle;
  gboolean                 narrow;
  gboolean                 medium;                /* also when narrow */
  gboolean                 updating_providers;

  /* Template widgets and objects */
  InflowListStatus        *list_status;
  InflowIntegrationFilter *filter;
  AdwLeaflet              *leaflet;
  GtkWidget               *list_page;
  GtkBox                  *toolbar;
  GtkSearchEntry          *search_entry;
  GtkDropDown             *provider_dropdown;
  GtkDropDown             *status_dropdown;
  GtkColumnView           *column_view;
  GtkLabel                *count_label;
  InflowIntegrationPage   *detail_page;
  GtkColumnViewColumn     *columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (InflowIntegrationsView, inflow_integrations_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
models_pending (InflowIntegrationsView *self)
{
  return gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

static GListModel *
session_integrations (InflowIntegrationsView *self)
{
  return self->session != NULL ? inflow_session_get_integrations (self->session) : NULL;
}

static InflowAccountDirectory *
session_directory (InflowIntegrationsView *self)
{
  return self->session != NULL ? inflow_session_get_account_directory (self->session) : NULL;
}

/* Rows, sorting and filtering */

/* A row keeps its view-model and shows the next integration in it: only
 * what differs notifies */
static gpointer
map_row_cb (gpointer integration,
            gpointer item,
            gpointer data)
{
  InflowIntegrationsView *self = data;
  InflowIntegrationRow *row;

  if (item != NULL)
    {
      row = g_object_ref (item);
      inflow_integration_row_set_integration (row, integration);
    }
  else
    row = inflow_integration_row_new (integration, session_directory (self),
                                      self->session != NULL ? inflow_session_get_ingestion_monitor (self->session) : NULL);
  inflow_integration_row_set_compact (row, self->narrow);

  return row;
}

static char *
title_expression_cb (InflowIntegration      *integration,
                     InflowIntegrationsView *self)
{
  return inflow_integration_dup_title (integration, session_directory (self));
}

static int
status_expression_cb (InflowIntegration *integration)
{
  return inflow_status_word_from_status (inflow_integration_get_status (integration));
}

static guint
workspaces_expression_cb (InflowIntegration *integration)
{
  const char * const *tokens = inflow_integration_get_workspace_tokens (integration);

  return tokens != NULL ? g_strv_length ((char **) tokens) : 0;
}

static gint64
created_expression_cb (InflowIntegration *integration)
{
  GDateTime *time = inflow_integration_get_created_at (integration);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static gint64
updated_expression_cb (InflowIntegration *integration)
{
  GDateTime *time = inflow_integration_get_last_updated (integration);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static void
set_sorter (InflowIntegrationsView *self,
            Column                  column,
            GType                   type,
            GCallback               callback,
            gpointer                data)
{
  GtkExpression *expression = gtk_cclosure_expression_new (type, NULL, 0, NULL, callback, data, NULL);
  g_autoptr(GtkSorter) sorter = NULL;

  if (type == G_TYPE_STRING)
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  gtk_column_view_column_set_sorter (self->columns[column], sorter);
}

static gboolean
filter_match_cb (gpointer item,
                 gpointer data)
{
  InflowIntegrationsView *self = data;

  return self->filter != NULL && inflow_integration_filter_match (self->filter, item);
}

static void
filter_changed_cb (InflowIntegrationsView  *self,
                   InflowFilterChange       change,
                   InflowIntegrationFilter *filter)
{
  /* InflowFilterChange has the values of GtkFilterChange */
  gtk_filter_changed (GTK_FILTER (self->custom_filter), (GtkFilterChange) change);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The provider dropdown lists the providers of the session's integrations. */
static void
update_providers (InflowIntegrationsView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GListModel *integrations = session_integrations (self);
  const char *selected_key = inflow_integration_filter_get_provider (self->filter);
  guint selected = 0;
  guint n = integrations != NULL ? g_list_model_get_n_items (integrations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      g_autofree char *key = g_ascii_strdown (inflow_integration_get_provider (integration), -1);

      if (!g_hash_table_contains (seen, key))
        {
          g_ptr_array_add (keys, g_strdup (key));
          g_hash_table_add (seen, g_steal_pointer (&key));
        }
    }
  g_ptr_array_sort (keys, compare_strings);

  /* Nothing changed: keep the dropdown as it is. */
  if (keys->len + 1 == self->provider_keys->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < keys->len && same; i++)
        same = g_str_equal (g_ptr_array_index (keys, i), g_ptr_array_index (self->provider_keys, i + 1));
      if (same)
        return;
    }

  g_ptr_array_set_size (self->provider_keys, 1);
  gtk_string_list_append (names, _("All Providers"));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      g_ptr_array_add (self->provider_keys, g_strdup (key));
      gtk_string_list_append (names, inflow_provider_get_display_name (key));
      if (g_strcmp0 (key, selected_key) == 0)
        selected = i + 1;
    }

  self->updating_providers = TRUE;
  gtk_drop_down_set_model (self->provider_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->provider_dropdown, selected);
  self->updating_providers = FALSE;
  if (selected == 0)
    inflow_integration_filter_set_provider (self->filter, NULL);
}

/* State */

static void
update_state (InflowIntegrationsView *self)
{
  GListModel *integrations = session_integrations (self);
  guint total = integrations != NULL ? g_list_model_get_n_items (integrations) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  inflow_list_status_set_counts (self->list_status, total, shown, models_pending (self));

  if (total == 0)
    text = NULL;
  else if (models_pending (self))
    text = g_strdup (_("Filtering…"));
  else if (shown == total)
    text = g_strdup_printf (ngettext ("%u integration", "%u integrations", total), total);
  else
    /* Translators: "12 of 10,000 integrations" */
    text = g_strdup_printf (ngettext ("%u of %u integration", "%u of %u integrations", total), shown, total);

  gtk_label_set_label (self->count_label, text);
}

/* The detail page shows the integration as the list has it now. */
static void
update_detail (InflowIntegrationsView *self)
{
  InflowIntegration *shown = inflow_integration_page_get_integration (self->detail_page);
  GListModel *integrations = session_integrations (self);
  guint n = integrations != NULL ? g_list_model_get_n_items (integrations) : 0;

  if (shown == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), inflow_integration_get_token (shown)))
        {
          inflow_integration_page_set_integration (self->detail_page, self->session, integration);
          return;
        }
    }

  /* Gone (deleted, here or elsewhere): back to the list */
  inflow_integrations_view_show_list (self);
}

static void
integrations_changed_cb (InflowIntegrationsView *self)
{
  update_providers (self);
  update_state (self);
  update_detail (self);
}

/* While the incremental sort runs, the rows, the labels and the page stay
 * as they are (relabelling on each step relayouts the window); they are
 * brought up to date once it is done. */
static void
filter_model_changed_cb (InflowIntegrationsView *self)
{
  if (!models_pending (self))
    inflow_placeholder_rows_sync (self->rows);
  else if (g_str_equal (inflow_list_status_get_state (self->list_status), "list"))
    return;

  update_state (self);
}

/* Callbacks of the template */

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  inflow_view_focus_search (INFLOW_INTEGRATIONS_VIEW (widget)->search_entry);
}

static void
search_changed_cb (InflowIntegrationsView *self,
                   GtkSearchEntry         *entry)
{
  inflow_integration_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
provider_selected_cb (InflowIntegrationsView *self,
                      GParamSpec             *pspec,
                      GtkDropDown            *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_providers || self->provider_keys == NULL)
    return;

  inflow_integration_filter_set_provider (self->filter,
                                          selected < self->provider_keys->len ? g_ptr_array_index (self->provider_keys, selected)
                                                                              : NULL);
}

static void
status_selected_cb (InflowIntegrationsView *self,
                    GParamSpec             *pspec,
                    GtkDropDown            *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* "All Statuses" first, then the words in their order */
  if (self->filter != NULL)
    inflow_integration_filter_set_status (self->filter,
                                          selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1);
}

static void
row_activated_cb (InflowIntegrationsView *self,
                  guint                   position,
                  GtkColumnView          *column_view)
{
  g_autoptr(InflowIntegration) integration = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (integration != NULL)
    inflow_integrations_view_show_integration (self, inflow_integration_get_token (integration));
}

static void
detail_back_cb (InflowIntegrationsView *self,
                InflowIntegrationPage  *page)
{
  inflow_integrations_view_show_list (self);
}

static void
detail_deleted_cb (InflowIntegrationsView *self,
                   const char             *title,
                   InflowIntegrationPage  *page)
{
  g_autofree char *text = NULL;

  /* Translators: %s is an account name or ID */
  text = g_strdup_printf (_("Deleted the integration of “%s”"), title);
  /* The toast overlay is the view's child */
  inflow_view_show_toast (GTK_WIDGET (self->list_page), text);
  inflow_integrations_view_show_list (self);
}

static void
leaflet_child_cb (InflowIntegrationsView *self,
                  GParamSpec             *pspec,
                  AdwLeaflet             *leaflet)
{
  if (adw_leaflet_get_visible_child (leaflet) == self->list_page &&
      !adw_leaflet_get_child_transition_running (leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Narrow widths */

static void
show_column (InflowIntegrationsView *self,
             Column                  column,
             gboolean                visible)
{
  inflow_view_show_column (self->columns[column], visible, column_widths[column]);
}

static void
apply_narrow (InflowIntegrationsView *self)
{
  show_column (self, COLUMN_VERDICT, !self->narrow);
  show_column (self, COLUMN_WORKSPACES, !self->narrow);
  show_column (self, COLUMN_CREATED, !self->medium);
  show_column (self, COLUMN_UPDATED, !self->narrow);
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_STATUS],
                                          self->narrow ? 180 : self->medium ? 220 : column_widths[COLUMN_STATUS]);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* Compact rows: the verdict moves beside the status, the badges go */
  inflow_placeholder_rows_refresh (self->rows);
}

static gboolean
narrow_idle_cb (gpointer data)
{
  InflowIntegrationsView *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->narrow_idle = 0;
  self->narrow = width < NARROW_WIDTH;
  self->medium = width < MEDIUM_WIDTH;
  apply_narrow (self);

  return G_SOURCE_REMOVE;
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (widget);

  /* Columns change in an idle: not while the window is being laid out */
  if (((width < NARROW_WIDTH) != self->narrow || (width < MEDIUM_WIDTH) != self->medium) &&
      self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, narrow_idle_cb, self, NULL);

  inflow_view_allocate_bin_child (widget, width, height, baseline);
}

/* GObject */

static void
inflow_integrations_view_dispose (GObject *object)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->integrations_signals);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->custom_filter);
  g_clear_pointer (&self->provider_keys, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_INTEGRATIONS_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_integrations_view_parent_class)->dispose (object);
}

static void
inflow_integrations_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (object);

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
inflow_integrations_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_integrations_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integrations_view_class_init (InflowIntegrationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_integrations_view_dispose;
  object_class->get_property = inflow_integrations_view_get_property;
  object_class->set_property = inflow_integrations_view_set_property;

  /**
   * InflowIntegrationsView:session:
   *
   * The session whose integrations the view shows, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CELL);
  g_type_ensure (INFLOW_TYPE_INTEGRATION_FILTER);
  g_type_ensure (INFLOW_TYPE_INTEGRATION_PAGE);
  g_type_ensure (INFLOW_TYPE_INTEGRATION_ROW);
  g_type_ensure (INFLOW_TYPE_LIST_STATUS);
  g_type_ensure (INFLOW_TYPE_PLACEHOLDER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-integrations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, list_status);
  /* Named for tests, which look at what the stack shows */
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, filter);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, list_page);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, provider_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, detail_page);
  gtk_widget_class_bind_template_child_full (widget_class, "account_column", FALSE,
                                             G_STRUCT_OFFSET (InflowIntegrationsView, columns[COLUMN_ACCOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (InflowIntegrationsView, columns[COLUMN_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "verdict_column", FALSE,
                                             G_STRUCT_OFFSET (InflowIntegrationsView, columns[COLUMN_VERDICT]));
  gtk_widget_class_bind_template_child_full (widget_class, "workspaces_column", FALSE,
                                             G_STRUCT_OFFSET (InflowIntegrationsView, columns[COLUMN_WORKSPACES]));
  gtk_widget_class_bind_template_child_full (widget_class, "created_column", FALSE,
                                             G_STRUCT_OFFSET (InflowIntegrationsView, columns[COLUMN_CREATED]));
  gtk_widget_class_bind_template_child_full (widget_class, "updated_column", FALSE,
                                             G_STRUCT_OFFSET (InflowIntegrationsView, columns[COLUMN_UPDATED]));
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inflow_view_clear_search);
  gtk_widget_class_bind_template_callback (widget_class, inflow_list_status_retry);
  gtk_widget_class_bind_template_callback (widget_class, provider_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_deleted_cb);
  /* Ctrl+F, from the template */
  gtk_widget_class_install_action (widget_class, "integrations.focus-search", NULL, focus_search_action);

  gtk_widget_class_set_css_name (widget_class, "integrationsview");
}

static void
inflow_integrations_view_init (InflowIntegrationsView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, inflow_view_measure_bin_child, layout_allocate));

  self->provider_keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->provider_keys, NULL);

  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; i < INFLOW_N_STATUS_WORDS; i++)
    gtk_string_list_append (statuses, inflow_status_word_get_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  update_providers (self);

  set_sorter (self, COLUMN_ACCOUNT, G_TYPE_STRING, G_CALLBACK (title_expression_cb), self);
  set_sorter (self, COLUMN_STATUS, G_TYPE_INT, G_CALLBACK (status_expression_cb), NULL);
  set_sorter (self, COLUMN_WORKSPACES, G_TYPE_UINT, G_CALLBACK (workspaces_expression_cb), NULL);
  set_sorter (self, COLUMN_CREATED, G_TYPE_INT64, G_CALLBACK (created_expression_cb), NULL);
  set_sorter (self, COLUMN_UPDATED, G_TYPE_INT64, G_CALLBACK (updated_expression_cb), NULL);
  for (Column column = 0; column < N_COLUMNS; column++)
    show_column (self, column, TRUE);

  /* session list → sort (incremental) → filter → placeholder rows */
  self->sort_model = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  self->custom_filter = gtk_custom_filter_new (filter_match_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->custom_filter)));
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "notify::pending", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);

  self->rows = inflow_placeholder_rows_new (GTK_WIDGET (self->column_view), G_LIST_MODEL (self->filter_model));
  inflow_placeholder_rows_set_map_func (self->rows, map_row_cb, self, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  self->integrations_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->integrations_signals, "items-changed", G_CALLBACK (integrations_changed_cb), self);

  g_signal_connect_object (self->leaflet, "notify::child-transition-running", G_CALLBACK (leaflet_child_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
}

GtkWidget *
inflow_integrations_view_new (void)
{
  return g_object_new (INFLOW_TYPE_INTEGRATIONS_VIEW, NULL);
}

/**
 * inflow_integrations_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session
 */
InflowSession *
inflow_integrations_view_get_session (InflowIntegrationsView *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), NULL);

  return self->session;
}

/**
 * inflow_integrations_view_set_session:
 * @self: a view
 * @session: (nullable): the session to show
 *
 * Shows @session's integrations, with the names of its account directory
 * and the verdicts of its ingestion monitor.
 */
void
inflow_integrations_view_set_session (InflowIntegrationsView *self,
                                      InflowSession          *session)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  inflow_integrations_view_show_list (self);
  inflow_integration_page_set_integration (self->detail_page, NULL, NULL);

  g_signal_group_set_target (self->integrations_signals, session_integrations (self));
  inflow_integration_filter_set_directory (self->filter, session_directory (self));
  inflow_integration_filter_set_integrations (self->filter, session_integrations (self));
  /* Rows of the previous session's directory and monitor go */
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  inflow_placeholder_rows_sync (self->rows);
  gtk_sort_list_model_set_model (self->sort_model, session_integrations (self));
  update_providers (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * inflow_integrations_view_show_integration:
 * @self: a view
 * @token: an integration token
 *
 * Opens the detail page of the integration.
 *
 * Returns: whether the session has that integration
 */
gboolean
inflow_integrations_view_show_integration (InflowIntegrationsView *self,
                                           const char             *token)
{
  GListModel *integrations;
  guint n;

  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  integrations = session_integrations (self);
  n = integrations != NULL ? g_list_model_get_n_items (integrations) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        {
          inflow_integration_page_set_integration (self->detail_page, self->session, integration);
          adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_page));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * inflow_integrations_view_show_list:
 * @self: a view
 *
 * Goes back from a detail page to the list.
 */
void
inflow_integrations_view_show_list (InflowIntegrationsView *self)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
}
