/* inflow-placeholder-rows.c: list rows that follow a model's length and show its items in place
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-placeholder-rows"

#include "config.h"

#include "inflow-placeholder-rows.h"

/* GTK 4.8 keeps at most this many rows; it builds those it lacks in a
 * frame, so the list gets them a few per frame. */
#define MAX_ROWS 200
#define ROWS_PER_FRAME 20

/**
 * InflowPlaceholderRows:
 *
 * The model a list view shows in place of @source. GTK 4.8 destroys the
 * rows of the items that an items-changed removes and builds new ones for
 * those it adds, so each keystroke in a search would rebuild its ~200 rows
 * (1,000 cells in a column view) from scratch. The list shows
 * #InflowPlaceholder items instead, one per source item, that only come
 * and go at the end: the placeholder at a position shows, as its
 * #InflowPlaceholder:item, the view-model of the source item there, and
 * notifies when another item comes, so the row's bindings follow in place.
 * A map function may also keep the view-model and make it show the new
 * source item: then only the properties that change notify, and the
 * bindings keep watching the same object (re-targeting a binding to
 * another object costs it a closure each time).
 *
 * Only the placeholders the list holds are alive (and mapped to a
 * view-model); the others are made when the list asks for them. When the
 * source empties, the rows stay, showing nothing (see
 * inflow_placeholder_rows_sync()). Up to MAX_ROWS, placeholders come
 * ROWS_PER_FRAME at a time, one batch a frame of @widget: building all the
 * rows at once would block for a frame or more. The owner calls
 * inflow_placeholder_rows_sync() when the source has changed, and
 * _refresh() when what its view-models show has.
 */
struct _InflowPlaceholderRows
{
  GObject                   parent_instance;

  /* Owned references */
  GListModel               *source;
  GHashTable               *live;       /* position → InflowPlaceholder, held weakly */

  GtkWidget                *widget;     /* weak: whose frames add the rows */
  InflowPlaceholderMapFunc  map_func;
  gpointer                  map_data;
  GDestroyNotify            map_destroy;
  guint                     n_rows;
  guint                     tick;
  gboolean                  pending;    /* as last notified */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InflowPlaceholderRows, inflow_placeholder_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A new reference to what a row that showed @item shows of @source_item */
static gpointer
map_item (InflowPlaceholderRows *self,
          gpointer               source_item,
          gpointer               item)
{
  if (source_item == NULL)
    return NULL;
  if (self->map_func == NULL)
    return g_object_ref (source_item);

  return self->map_func (source_item, item, self->map_data);
}

/* GLib 2.74's GListStore may answer for a position past its end with its
 * last item, after it was asked for one past the end: never ask. */
static gpointer
source_item_at (InflowPlaceholderRows *self,
                guint                  position)
{
  if (position >= g_list_model_get_n_items (self->source))
    return NULL;

  return g_list_model_get_item (self->source, position);
}

static void
placeholder_gone_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  InflowPlaceholderRows *self = data;
  gpointer position = GUINT_TO_POINTER (inflow_placeholder_get_position ((InflowPlaceholder *) where_the_object_was));

  /* Only if it is still the one at its position */
  if (g_hash_table_lookup (self->live, position) == where_the_object_was)
    g_hash_table_remove (self->live, position);
}

static GType
get_item_type (GListModel *model)
{
  return INFLOW_TYPE_PLACEHOLDER;
}

static guint
get_n_items (GListModel *model)
{
  return INFLOW_PLACEHOLDER_ROWS (model)->n_rows;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  InflowPlaceholderRows *self = INFLOW_PLACEHOLDER_ROWS (model);
  InflowPlaceholder *placeholder;
  g_autoptr(GObject) source_item = NULL;
  g_autoptr(GObject) item = NULL;

  if (position >= self->n_rows)
    return NULL;

  placeholder = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (placeholder != NULL)
    return g_object_ref (placeholder);

  placeholder = inflow_placeholder_new (position);
  source_item = source_item_at (self, position);
  item = map_item (self, source_item, NULL);
  inflow_placeholder_set_item (placeholder, source_item, item);
  g_object_weak_ref (G_OBJECT (placeholder), placeholder_gone_cb, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), placeholder);

  return placeholder;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
update_pending (InflowPlaceholderRows *self)
{
  if (self->pending == (self->tick != 0))
    return;

  self->pending = self->tick != 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
remove_tick (InflowPlaceholderRows *self)
{
  if (self->tick != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick);
  self->tick = 0;
}

static void
inflow_placeholder_rows_dispose (GObject *object)
{
  InflowPlaceholderRows *self = INFLOW_PLACEHOLDER_ROWS (object);
  GHashTableIter iter;
  gpointer placeholder;

  remove_tick (self);
  g_clear_weak_pointer (&self->widget);

  if (self->live != NULL)
    {
      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, NULL, &placeholder))
        g_object_weak_unref (placeholder, placeholder_gone_cb, self);
      g_clear_pointer (&self->live, g_hash_table_unref);
    }

  if (self->map_destroy != NULL)
    self->map_destroy (self->map_data);
  self->map_func = NULL;
  self->map_destroy = NULL;
  g_clear_object (&self->source);

  G_OBJECT_CLASS (inflow_placeholder_rows_parent_class)->dispose (object);
}

static void
inflow_placeholder_rows_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  InflowPlaceholderRows *self = INFLOW_PLACEHOLDER_ROWS (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_placeholder_rows_class_init (InflowPlaceholderRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_placeholder_rows_dispose;
  object_class->get_property = inflow_placeholder_rows_get_property;

  /**
   * InflowPlaceholderRows:pending:
   *
   * Whether rows are still to come in a later frame.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_placeholder_rows_init (InflowPlaceholderRows *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}

/**
 * inflow_placeholder_rows_new:
 * @widget: the list widget, whose frames add the rows
 * @source: the model whose items the rows show
 *
 * Returns: (transfer full): the rows, none yet; they show the source items
 *   themselves until a map function is set
 */
InflowPlaceholderRows *
inflow_placeholder_rows_new (GtkWidget  *widget,
                             GListModel *source)
{
  InflowPlaceholderRows *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (INFLOW_TYPE_PLACEHOLDER_ROWS, NULL);
  g_set_weak_pointer (&self->widget, widget);
  self->source = g_object_ref (source);

  return self;
}

/**
 * inflow_placeholder_rows_set_map_func:
 * @self: the rows
 * @map_func: (nullable): makes the view-model of a source item; %NULL
 *   shows the source items themselves
 * @user_data: for @map_func
 * @destroy: (nullable): frees @user_data
 *
 * The rows show the view-models @map_func makes from now on.
 */
void
inflow_placeholder_rows_set_map_func (InflowPlaceholderRows    *self,
                                      InflowPlaceholderMapFunc  map_func,
                                      gpointer                  user_data,
                                      GDestroyNotify            destroy)
{
  g_return_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self));

  if (self->map_destroy != NULL)
    self->map_destroy (self->map_data);

  self->map_func = map_func;
  self->map_data = user_data;
  self->map_destroy = destroy;
  inflow_placeholder_rows_refresh (self);
}

/**
 * inflow_placeholder_rows_get_source:
 *
 * Returns: (transfer none): the model whose items the rows show
 */
GListModel *
inflow_placeholder_rows_get_source (InflowPlaceholderRows *self)
{
  g_return_val_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self), NULL);

  return self->source;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  InflowPlaceholderRows *self = data;

  self->tick = 0;
  inflow_placeholder_rows_sync (self);

  return G_SOURCE_REMOVE;
}

/* Each live placeholder shows the source item at its position now;
 * @force: also those that show it already. */
static void
update_live (InflowPlaceholderRows *self,
             gboolean               force)
{
  g_autoptr(GPtrArray) placeholders = g_ptr_array_sized_new (g_hash_table_size (self->live));
  GHashTableIter iter;
  gpointer value;

  /* Setting an item lets GTK run bindings: not while walking the table */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (placeholders, value);

  for (guint i = 0; i < placeholders->len; i++)
    {
      InflowPlaceholder *placeholder = g_ptr_array_index (placeholders, i);
      g_autoptr(GObject) source_item = source_item_at (self, inflow_placeholder_get_position (placeholder));
      g_autoptr(GObject) item = NULL;

      if (!force && source_item == inflow_placeholder_get_source_item (placeholder))
        continue;

      item = map_item (self, source_item, inflow_placeholder_get_item (placeholder));
      inflow_placeholder_set_item (placeholder, source_item, item);
    }
}

/**
 * inflow_placeholder_rows_sync:
 * @self: the rows
 *
 * Shows what the source has at each position, and brings the number of
 * rows to the source's length: fewer at once, more in batches, one a frame.
 * An empty source leaves the rows there, each showing %NULL.
 */
void
inflow_placeholder_rows_sync (InflowPlaceholderRows *self)
{
  guint n_shown;
  guint n_rows;

  g_return_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self));

  n_shown = g_list_model_get_n_items (self->source);
  n_rows = self->n_rows;

  remove_tick (self);
  update_live (self, FALSE);

  /* An empty source keeps the rows, empty: a view shows a page of its own
   * instead of an empty list then, and has the rows at hand when the
   * search that left nothing is cleared (building 200 rows again takes
   * frames). */
  if (n_shown < n_rows && n_shown > 0)
    {
      self->n_rows = n_shown;
      update_pending (self);
      g_list_model_items_changed (G_LIST_MODEL (self), n_shown, n_rows - n_shown, 0);
    }
  else if (n_shown > n_rows)
    {
      guint n_added = n_shown - n_rows;

      if (n_rows < MAX_ROWS && n_added > ROWS_PER_FRAME && self->widget != NULL)
        {
          n_added = ROWS_PER_FRAME;
          self->tick = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
        }

      self->n_rows += n_added;
      update_pending (self);
      g_list_model_items_changed (G_LIST_MODEL (self), n_rows, 0, n_added);
    }

  update_pending (self);
}

/**
 * inflow_placeholder_rows_refresh:
 * @self: the rows
 *
 * Makes the view-models of the rows the list holds again, for when what
 * they show changed (not the source items themselves).
 */
void
inflow_placeholder_rows_refresh (InflowPlaceholderRows *self)
{
  g_return_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self));

  update_live (self, TRUE);
}

/* Whether rows are still to come in a later frame */
gboolean
inflow_placeholder_rows_get_pending (InflowPlaceholderRows *self)
{
  g_return_val_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self), FALSE);

  return self->pending;
}
