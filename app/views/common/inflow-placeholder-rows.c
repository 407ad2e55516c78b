/* inflow-placeholder-rows.c: list rows that follow a model's length and are bound again in place
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
 * The model a list view shows in place of @source: GTK 4.8 destroys the
 * rows of the items that an items-changed removes and builds new ones for
 * those it adds, so each keystroke in a search would rebuild its ~200 rows
 * (1,000 cells in a column view) from scratch. The list shows placeholders
 * instead, one per source item, that only come and go at the end; each
 * list item shows the source item at its position, and the bound list
 * items are bound again in place when the source changes. Up to MAX_ROWS,
 * placeholders come ROWS_PER_FRAME at a time, one batch a frame of
 * @widget: building all the rows at once would block for a frame or more.
 *
 * The view calls inflow_placeholder_rows_sync() when the source has
 * changed, and inflow_placeholder_rows_bind() and _unbind() from its
 * factories.
 */
struct _InflowPlaceholderRows
{
  GObject                        parent_instance;

  /* Owned references */
  GtkWidget                     *widget;       /* whose frames add the rows */
  GListModel                    *source;
  GListStore                    *rows;
  GHashTable                    *bound_items;  /* GtkListItem → its item_data */

  InflowPlaceholderRowsBindFunc  bind_func;
  gpointer                       user_data;
  guint                          tick;
};

G_DEFINE_FINAL_TYPE (InflowPlaceholderRows, inflow_placeholder_rows, G_TYPE_OBJECT)

static void
inflow_placeholder_rows_dispose (GObject *object)
{
  InflowPlaceholderRows *self = INFLOW_PLACEHOLDER_ROWS (object);

  if (self->tick != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick);
  self->tick = 0;

  g_clear_object (&self->widget);
  g_clear_object (&self->source);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_placeholder_rows_parent_class)->dispose (object);
}

static void
inflow_placeholder_rows_class_init (InflowPlaceholderRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = inflow_placeholder_rows_dispose;
}

static void
inflow_placeholder_rows_init (InflowPlaceholderRows *self)
{
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->bound_items = g_hash_table_new (NULL, NULL);
}

/**
 * inflow_placeholder_rows_new:
 * @widget: the list widget, whose frames add the rows
 * @source: the model whose length the rows follow
 * @bind_func: shows a source item in a list item
 * @user_data: for @bind_func
 *
 * Returns: (transfer full): the rows, none yet
 */
InflowPlaceholderRows *
inflow_placeholder_rows_new (GtkWidget                     *widget,
                             GListModel                    *source,
                             InflowPlaceholderRowsBindFunc  bind_func,
                             gpointer                       user_data)
{
  InflowPlaceholderRows *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (bind_func != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_PLACEHOLDER_ROWS, NULL);
  self->widget = g_object_ref (widget);
  self->source = g_object_ref (source);
  self->bind_func = bind_func;
  self->user_data = user_data;

  return self;
}

/**
 * inflow_placeholder_rows_get_model:
 *
 * Returns: (transfer none): the placeholders, for the list to show
 */
GListModel *
inflow_placeholder_rows_get_model (InflowPlaceholderRows *self)
{
  g_return_val_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/* From a factory's "bind": @list_item shows its source item now and again
 * after each sync, given @item_data. */
void
inflow_placeholder_rows_bind (InflowPlaceholderRows *self,
                              GtkListItem           *list_item,
                              gpointer               item_data)
{
  g_return_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));

  g_hash_table_insert (self->bound_items, list_item, item_data);
  self->bind_func (list_item, item_data, TRUE, self->user_data);
}

/* From a factory's "unbind" */
void
inflow_placeholder_rows_unbind (InflowPlaceholderRows *self,
                                GtkListItem           *list_item)
{
  g_return_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self));

  g_hash_table_remove (self->bound_items, list_item);
}

/* Binds every bound list item again; @force: see InflowPlaceholderRowsBindFunc. */
void
inflow_placeholder_rows_rebind (InflowPlaceholderRows *self,
                                gboolean               force)
{
  GHashTableIter iter;
  gpointer list_item, item_data;

  g_return_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self));

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, &item_data))
    self->bind_func (list_item, item_data, force, self->user_data);
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

/* Binds the bound list items again to what the source has at their
 * positions, and brings the number of rows to the source's length: fewer
 * at once, more in batches, one a frame. */
void
inflow_placeholder_rows_sync (InflowPlaceholderRows *self)
{
  guint n_shown;
  guint n_rows;

  g_return_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self));

  n_shown = g_list_model_get_n_items (self->source);
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (self->tick != 0)
    {
      gtk_widget_remove_tick_callback (self->widget, self->tick);
      self->tick = 0;
    }

  inflow_placeholder_rows_rebind (self, FALSE);

  if (n_shown < n_rows)
    {
      g_list_store_splice (self->rows, n_shown, n_rows - n_shown, NULL, 0);
    }
  else if (n_shown > n_rows)
    {
      guint n_added = n_shown - n_rows;
      g_autoptr(GPtrArray) added = NULL;

      if (n_rows < MAX_ROWS && n_added > ROWS_PER_FRAME)
        {
          n_added = ROWS_PER_FRAME;
          self->tick = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
        }

      added = g_ptr_array_new_full (n_added, g_object_unref);
      for (guint i = 0; i < n_added; i++)
        g_ptr_array_add (added, g_object_new (G_TYPE_OBJECT, NULL));
      g_list_store_splice (self->rows, n_rows, 0, added->pdata, added->len);
    }
}

/* Whether rows are still to come in a later frame */
gboolean
inflow_placeholder_rows_get_pending (InflowPlaceholderRows *self)
{
  g_return_val_if_fail (INFLOW_IS_PLACEHOLDER_ROWS (self), FALSE);

  return self->tick != 0;
}
