/* inflow-ingestion-view.c: the Ingestion section: where each AWS integration's cost data stands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-ingestion-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "inflow-chip-layout.h"
#include "inflow-feature-table.h"
#include "inflow-ingestion-detail.h"
#include "inflow-ingestion-format.h"
#include "inflow-ingestion-row.h"
#include "inflow-ingestion-view.h"
#include "inflow-timeline.h"
#include "inflow-verdict-badge.h"
#include "inflow-view-utils.h"

/**
 * InflowIngestionView:
 *
 * The heart of Inflow: a summary of how many AWS integrations are in each
 * phase (most urgent first), the integrations most urgent first, and for
 * the one selected its verdict with the reason and "as of" time, a
 * timeline, the facts, the features its data allows and, while the first
 * Cost and Usage Report is awaited, why the wait.
 *
 * It shows the shared #InflowIngestionMonitor of its #InflowSession; the
 * session may change or go away at any time. Narrow, the list and the
 * detail stack (an #AdwLeaflet).
 *
 * The list's rows (#InflowIngestionRow) come from a template bound to
 * their #InflowIngestionItem, and the detail pane's template binds an
 * #InflowIngestionDetail, the view-model of the selected item: this class
 * only keeps the list in order, follows the selection and the monitor's
 * state, and builds the summary's chips.
 */
struct _InflowIngestionView
{
  GtkWidget               parent_instance;

  InflowSession          *session;
  InflowIngestionMonitor *monitor;
  GSignalGroup           *monitor_signals;
  char                   *pending_token;

  GtkFilterListModel     *filtered;
  GtkSortListModel       *sorted;
  GtkCustomSorter        *sorter;
  GtkSingleSelection     *selection;
  GPtrArray              *order;     /* tokens, as last sorted */
  guint                   scroll_id;
  gboolean                keep_top;
  gboolean                scroll_top;    /* the list to show from the top */
  char                   *reveal_token;  /* or the row to show */

  /* Template widgets */
  GtkRevealer            *banner_revealer;
  GtkImage               *banner_icon;
  GtkLabel               *banner_label;
  GtkWidget              *banner_button;
  GtkStack               *state_stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *offline_page;
  AdwLeaflet             *leaflet;
  GtkWidget              *list_pane;
  GtkWidget              *detail_pane;
  GtkLabel               *summary_title;
  GtkWidget              *summary_chips;
  GtkLabel               *as_of_label;
  GtkListView            *list_view;
  GtkScrolledWindow      *list_scroller;
  GtkWidget              *detail_bar;
  GtkScrolledWindow      *detail_scroller;
  GtkLabel               *reason_label;
  AdwActionRow           *connected_row;
  AdwActionRow           *first_cur_row;
  AdwActionRow           *newest_row;
  AdwActionRow           *status_row;
  AdwActionRow           *checked_row;
  InflowIngestionDetail  *detail;
};

G_DEFINE_FINAL_TYPE (InflowIngestionView, inflow_ingestion_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "14:20 today", against the session's clock */
static char *
format_when (InflowIngestionView *self,
             GDateTime           *time)
{
  g_autoptr(GDateTime) now = inflow_server_clock_dup_local_now (inflow_ingestion_monitor_get_clock (self->monitor));

  return inflow_ingestion_format_when (time, now);
}

/* ---- summary and state ------------------------------------------------------ */

static void
update_summary (InflowIngestionView *self)
{
  g_autoptr(GString) accessible = g_string_new (NULL);
  InflowIngestionPhase phases[INFLOW_INGESTION_N_PHASES];
  guint n_tracked = 0;
  GtkWidget *child;
  GDateTime *as_of;

  while ((child = gtk_widget_get_first_child (self->summary_chips)) != NULL)
    gtk_box_remove (GTK_BOX (self->summary_chips), child);

  if (self->monitor == NULL)
    return;

  n_tracked = inflow_ingestion_monitor_get_n_tracked (self->monitor);
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (NULL, "%u AWS integration", "%u AWS integrations",
                                                           n_tracked), n_tracked);

    gtk_label_set_label (self->summary_title, title);
  }

  /* Most urgent first */
  for (guint i = 0; i < INFLOW_INGESTION_N_PHASES; i++)
    phases[i] = i;
  for (guint i = 1; i < INFLOW_INGESTION_N_PHASES; i++)
    for (guint j = i; j > 0 && inflow_ingestion_phase_compare_urgency (phases[j], phases[j - 1]) < 0; j--)
      {
        InflowIngestionPhase swap = phases[j];

        phases[j] = phases[j - 1];
        phases[j - 1] = swap;
      }

  for (guint i = 0; i < INFLOW_INGESTION_N_PHASES; i++)
    {
      guint count = inflow_ingestion_monitor_get_phase_count (self->monitor, phases[i]);
      const char *label = inflow_ingestion_phase_get_label (phases[i]);
      g_autofree char *text = NULL;
      GtkWidget *chip, *icon, *text_label;

      if (count == 0)
        continue;

      text = inflow_ingestion_phase_dup_count_label (phases[i], count);
      chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      icon = gtk_image_new_from_icon_name (inflow_ingestion_phase_get_icon_name (phases[i]));
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      text_label = gtk_label_new (text);
      gtk_widget_add_css_class (chip, "inflow-verdict-badge");
      gtk_widget_add_css_class (chip, inflow_ingestion_severity_get_css_class (inflow_ingestion_phase_get_severity (phases[i])));
      gtk_box_append (GTK_BOX (chip), icon);
      gtk_box_append (GTK_BOX (chip), text_label);
      gtk_widget_set_tooltip_text (chip, label);
      gtk_box_append (GTK_BOX (self->summary_chips), chip);

      if (accessible->len > 0)
        g_string_append (accessible, ", ");
      g_string_append (accessible, text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_chips),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);

  as_of = inflow_ingestion_monitor_get_as_of (self->monitor);
  if (as_of != NULL)
    {
      g_autofree char *when = format_when (self, as_of);
      g_autofree char *text = NULL;

      /* Translators: %s is a time like "14:20 today" */
      text = g_strdup_printf (_("Integrations as of %s; most urgent first"), when);
      gtk_label_set_label (self->as_of_label, text);
    }
  else
    {
      gtk_label_set_label (self->as_of_label, _("Most urgent first"));
    }
}

static const char *
connection_message (InflowIngestionMonitor *monitor)
{
  const GError *error = inflow_ingestion_monitor_get_last_error (monitor);

  switch (inflow_ingestion_monitor_get_connection_state (monitor))
    {
    case INFLOW_CONNECTION_OFFLINE:
      return _("Inflow cannot reach Vantage.");
    case INFLOW_CONNECTION_UNAUTHORIZED:
      return _("Vantage refused the access token: sign in again.");
    case INFLOW_CONNECTION_ERROR:
      return error != NULL ? error->message : _("Vantage answered with an error.");
    case INFLOW_CONNECTION_UNKNOWN:
    case INFLOW_CONNECTION_ONLINE:
    default:
      return NULL;
    }
}

static void
update_state (InflowIngestionView *self)
{
  const char *page = "no-session";
  const char *message = NULL;

  if (self->monitor != NULL)
    {
      guint n_tracked = inflow_ingestion_monitor_get_n_tracked (self->monitor);

      message = connection_message (self->monitor);

      if (n_tracked > 0)
        page = "content";
      else if (inflow_ingestion_monitor_get_loading (self->monitor) ||
               !inflow_ingestion_monitor_get_history_loaded (self->monitor))
        page = "loading";
      else if (message != NULL && inflow_ingestion_monitor_get_as_of (self->monitor) == NULL)
        page = "offline";
      else
        page = "empty";
    }

  if (g_strcmp0 (page, "offline") == 0)
    adw_status_page_set_description (self->offline_page, message);

  gtk_stack_set_visible_child_name (self->state_stack, page);

  /* Keyboard focus starts in the list, not on a label of the detail
   * (a focused selectable label selects its whole text). */
  if (g_strcmp0 (page, "content") == 0 && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      if (focus == NULL || gtk_widget_is_ancestor (focus, self->detail_pane))
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (page, "loading") == 0);

  /* The last known state stays, with a banner saying why it may be old. */
  if (g_strcmp0 (page, "content") == 0 && message != NULL)
    {
      GDateTime *as_of = inflow_ingestion_monitor_get_as_of (self->monitor);
      g_autofree char *text = NULL;

      if (as_of != NULL)
        {
          g_autofree char *when = format_when (self, as_of);

          /* Translators: the first %s says what is wrong, the second is a time like "14:20 today" */
          text = g_strdup_printf (_("%s Showing the last known state, as of %s."), message, when);
        }
      else
        {
          text = g_strdup (message);
        }

      gtk_label_set_label (self->banner_label, text);
      gtk_image_set_from_icon_name (self->banner_icon,
                                    inflow_ingestion_monitor_get_connection_state (self->monitor) == INFLOW_CONNECTION_OFFLINE
                                    ? "network-offline-symbolic" : "dialog-warning-symbolic");
      gtk_widget_set_visible (self->banner_button,
                              inflow_ingestion_monitor_get_connection_state (self->monitor) != INFLOW_CONNECTION_UNAUTHORIZED);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
    }
}

static int
compare_item_pointers (gconstpointer a,
                       gconstpointer b)
{
  return inflow_ingestion_item_compare_urgency (*(InflowIngestionItem **) a, *(InflowIngestionItem **) b);
}

static guint
find_position (InflowIngestionView *self,
               const char          *token)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (inflow_ingestion_item_get_token (item), token) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The list view scrolls only once it is laid out (GTK warns otherwise):
 * what it should show waits until it is mapped and allocated. */
static gboolean
scroll_list_cb (gpointer data)
{
  InflowIngestionView *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroller);

  self->scroll_id = 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    return G_SOURCE_REMOVE;   /* again when mapped */

  if (gtk_widget_get_height (GTK_WIDGET (self->list_view)) == 0)
    {
      self->scroll_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 20, scroll_list_cb, self, NULL);
      return G_SOURCE_REMOVE;
    }

  if (self->reveal_token != NULL)
    {
      guint position = find_position (self, self->reveal_token);

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
  else if (self->scroll_top && gtk_adjustment_get_value (adjustment) > 0)
    gtk_adjustment_set_value (adjustment, 0);

  g_clear_pointer (&self->reveal_token, g_free);
  self->scroll_top = FALSE;

  return G_SOURCE_REMOVE;
}

/* After the next layout, so not at a higher priority than drawing */
static void
queue_scroll (InflowIngestionView *self)
{
  if (self->scroll_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    self->scroll_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_list_cb, self, NULL);
}

static void
list_mapped_cb (InflowIngestionView *self)
{
  if (self->scroll_top || self->reveal_token != NULL)
    queue_scroll (self);
}

/* Re-sorts only when the order changed, so the list keeps focus and
 * scroll position as times move on. */
static void
maybe_resort (InflowIngestionView *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);
  gboolean same, at_top;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_ptr_array_sort (items, compare_item_pointers);

  same = self->order != NULL && self->order->len == items->len;
  for (guint i = 0; same && i < items->len; i++)
    same = g_strcmp0 (g_ptr_array_index (self->order, i),
                      inflow_ingestion_item_get_token (g_ptr_array_index (items, i))) == 0;
  if (same)
    return;

  g_clear_pointer (&self->order, g_ptr_array_unref);
  self->order = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->order, g_strdup (inflow_ingestion_item_get_token (g_ptr_array_index (items, i))));

  at_top = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->list_scroller)) < 1.0;
  self->keep_top = at_top;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Before the sorted list changes: is it read from the top? */
static void
list_changing_cb (InflowIngestionView *self)
{
  self->keep_top = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->list_scroller)) < 1.0;
}

/* After: the list view keeps a row in place as rows move; a list read from
 * the top (the most urgent) stays at the top. */
static void
list_changed_cb (InflowIngestionView *self)
{
  if (self->keep_top && self->reveal_token == NULL)
    {
      self->scroll_top = TRUE;
      queue_scroll (self);
    }
  self->keep_top = FALSE;
}

/* ---- the selection -------------------------------------------------------- */

static void
show_item (InflowIngestionView *self,
           InflowIngestionItem *item)
{
  if (item == inflow_ingestion_detail_get_item (self->detail))
    return;

  inflow_ingestion_detail_set_item (self->detail, item);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

static void
selection_changed_cb (InflowIngestionView *self)
{
  show_item (self, gtk_single_selection_get_selected_item (self->selection));
}

/* Narrow, the detail replaces the list; its back button takes the focus
 * (a focused label would select its text). */
static void
show_detail_pane (InflowIngestionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkWidget) focus = NULL;

  if (root != NULL && gtk_root_get_focus (root) != NULL)
    focus = g_object_ref (gtk_root_get_focus (root));

  /* Wide, this only decides what a narrowed window shows... */
  if (adw_leaflet_get_visible_child (self->leaflet) != self->detail_pane)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);

  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_child_focus (self->detail_bar, GTK_DIR_TAB_FORWARD);
  /* ...and the focus stays where it was (in the list, say), never on a
   * label of the detail, which would select its text. */
  else if (focus != NULL && gtk_widget_get_root (focus) == root &&
           !gtk_widget_is_ancestor (focus, self->detail_pane))
    gtk_widget_grab_focus (focus);
  else if (root != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));

  /* A label that had the focus on the way keeps its text selected. */
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_label_select_region (self->reason_label, 0, 0);
}

static void
list_activate_cb (InflowIngestionView *self,
                  guint                position,
                  GtkListView         *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_detail_pane (self);
}

static void
folded_changed_cb (InflowIngestionView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->detail_bar, folded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ingestion.back", folded);
}

/* ---- the monitor ---------------------------------------------------------- */

static gboolean
select_token (InflowIngestionView *self,
              const char          *token)
{
  guint position = find_position (self, token);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  show_item (self, gtk_single_selection_get_selected_item (self->selection));

  /* The row shows, wherever it is in the list */
  g_free (self->reveal_token);
  self->reveal_token = g_strdup (token);
  queue_scroll (self);

  return TRUE;
}

static void
monitor_updated_cb (InflowIngestionView *self)
{
  maybe_resort (self);
  update_summary (self);
  update_state (self);

  if (self->pending_token != NULL && select_token (self, self->pending_token))
    {
      g_clear_pointer (&self->pending_token, g_free);
      show_detail_pane (self);
    }
}

static void
monitor_state_changed_cb (InflowIngestionView *self)
{
  maybe_resort (self);
  update_summary (self);
  update_state (self);
}

static void
items_changed_cb (InflowIngestionView *self)
{
  maybe_resort (self);
  update_summary (self);
  update_state (self);

  /* Keep a selection in the wide layout, so the detail is never empty. */
  if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0 &&
      !adw_leaflet_get_folded (self->leaflet))
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
set_monitor (InflowIngestionView    *self,
             InflowIngestionMonitor *monitor)
{
  if (self->monitor == monitor)
    return;

  g_set_object (&self->monitor, monitor);
  g_signal_group_set_target (self->monitor_signals, monitor);
  gtk_filter_list_model_set_model (self->filtered, monitor != NULL ? inflow_ingestion_monitor_get_items (monitor) : NULL);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  show_item (self, NULL);
  inflow_ingestion_detail_set_monitor (self->detail, monitor);

  if (monitor != NULL)
    items_changed_cb (self);

  update_summary (self);
  update_state (self);
}

/* ---- actions -------------------------------------------------------------- */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  InflowIngestionView *self = INFLOW_INGESTION_VIEW (widget);

  if (self->monitor != NULL)
    inflow_ingestion_monitor_refresh (self->monitor);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  InflowIngestionView *self = INFLOW_INGESTION_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* ---- object --------------------------------------------------------------- */

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int order = inflow_ingestion_item_compare_urgency ((InflowIngestionItem *) a, (InflowIngestionItem *) b);

  /* A GtkOrdering */
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
inflow_ingestion_view_dispose (GObject *object)
{
  InflowIngestionView *self = INFLOW_INGESTION_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  if (self->monitor_signals != NULL)
    g_signal_group_set_target (self->monitor_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_INGESTION_VIEW);
  /* The template's top widget may have no id: unparent whatever is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->monitor_signals);
  g_clear_object (&self->monitor);
  g_clear_object (&self->session);
  /* Owned by the list view, gone with the template */
  self->selection = NULL;
  self->sorted = NULL;
  self->sorter = NULL;
  self->filtered = NULL;
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->pending_token, g_free);
  g_clear_pointer (&self->reveal_token, g_free);

  G_OBJECT_CLASS (inflow_ingestion_view_parent_class)->dispose (object);
}

static void
inflow_ingestion_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  InflowIngestionView *self = INFLOW_INGESTION_VIEW (object);

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
inflow_ingestion_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  InflowIngestionView *self = INFLOW_INGESTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_ingestion_view_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_view_class_init (InflowIngestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_ingestion_view_dispose;
  object_class->get_property = inflow_ingestion_view_get_property;
  object_class->set_property = inflow_ingestion_view_set_property;

  /**
   * InflowIngestionView:session:
   *
   * The signed-in session shown, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-ingestion-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, offline_page);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, summary_title);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, summary_chips);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, list_view);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, detail_bar);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, reason_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, connected_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, first_cur_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, newest_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, status_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, checked_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIngestionView, detail);
  /* Tests reach these */
  gtk_widget_class_bind_template_child_full (widget_class, "timeline", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "feature_table", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "awaiting_box", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_mapped_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "ingestion.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "ingestion.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "ingestion.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "ingestion.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "ingestion.back", NULL);

  g_type_ensure (INFLOW_TYPE_CHIP_LAYOUT);
  g_type_ensure (INFLOW_TYPE_INGESTION_DETAIL);
  g_type_ensure (INFLOW_TYPE_INGESTION_ROW);
  g_type_ensure (INFLOW_TYPE_VERDICT_BADGE);
  g_type_ensure (INFLOW_TYPE_TIMELINE);
  g_type_ensure (INFLOW_TYPE_FEATURE_TABLE);
}

static void
inflow_ingestion_view_init (InflowIngestionView *self)
{
  GtkFilter *tracked;

  gtk_widget_init_template (GTK_WIDGET (self));
  inflow_view_tab_leaves_list (GTK_WIDGET (self->list_view));

  /* AWS integrations only, most urgent first */
  tracked = GTK_FILTER (gtk_bool_filter_new (gtk_property_expression_new (INFLOW_TYPE_INGESTION_ITEM, NULL, "tracked")));
  self->filtered = gtk_filter_list_model_new (NULL, tracked);
  /* Before the sort model's own handler */
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (list_changing_cb), self, G_CONNECT_SWAPPED);
  self->sorter = gtk_custom_sorter_new (compare_items, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  /* After the selection's (and so the list view's) */
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  g_object_unref (self->selection);

  self->monitor_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_MONITOR);
  g_signal_group_connect_object (self->monitor_signals, "updated",
                                 G_CALLBACK (monitor_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->monitor_signals, "summary-changed",
                                 G_CALLBACK (monitor_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->monitor_signals, "notify::loading",
                                 G_CALLBACK (monitor_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->monitor_signals, "notify::connection-state",
                                 G_CALLBACK (monitor_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->monitor_signals, "notify::as-of",
                                 G_CALLBACK (monitor_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->monitor_signals, "notify::history-loaded",
                                 G_CALLBACK (monitor_state_changed_cb), self, G_CONNECT_SWAPPED);

  /* libadwaita 1.3 lets the facts be selected and copied. */
  {
    AdwActionRow *rows[] = { self->connected_row, self->first_cur_row, self->newest_row,
                             self->status_row, self->checked_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (rows[i]), "subtitle-selectable") != NULL)
        g_object_set (rows[i], "subtitle-selectable", TRUE, NULL);
  }

  folded_changed_cb (self);
  update_state (self);
}

/**
 * inflow_ingestion_view_new:
 *
 * Returns: (transfer floating): a view without a session
 */
GtkWidget *
inflow_ingestion_view_new (void)
{
  return g_object_new (INFLOW_TYPE_INGESTION_VIEW, NULL);
}

InflowSession *
inflow_ingestion_view_get_session (InflowIngestionView *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_VIEW (self), NULL);

  return self->session;
}

/**
 * inflow_ingestion_view_set_session:
 * @self: a view
 * @session: (nullable): the session to show
 *
 * Shows @session through its shared monitor (started on first use).
 */
void
inflow_ingestion_view_set_session (InflowIngestionView *self,
                                   InflowSession       *session)
{
  g_return_if_fail (INFLOW_IS_INGESTION_VIEW (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  set_monitor (self, session != NULL ? inflow_session_get_ingestion_monitor (session) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * inflow_ingestion_view_select_integration:
 * @self: a view
 * @token: an integration token
 *
 * Selects the integration and shows its detail (for `win.monitor-ingestion`
 * and notifications). If it is not in the list yet, it is selected as soon
 * as it appears.
 *
 * Returns: whether it was in the list
 */
gboolean
inflow_ingestion_view_select_integration (InflowIngestionView *self,
                                          const char          *token)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_VIEW (self), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  g_clear_pointer (&self->pending_token, g_free);

  if (!select_token (self, token))
    {
      self->pending_token = g_strdup (token);
      return FALSE;
    }

  show_detail_pane (self);
  return TRUE;
}
