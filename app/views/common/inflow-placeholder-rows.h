/* inflow-placeholder-rows.h: list rows that follow a model's length and are bound again in place
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_PLACEHOLDER_ROWS (inflow_placeholder_rows_get_type ())

G_DECLARE_FINAL_TYPE (InflowPlaceholderRows, inflow_placeholder_rows, INFLOW, PLACEHOLDER_ROWS, GObject)

/* Shows the source item at the position of @list_item in it; @force: even
 * when the list item shows that item already. */
typedef void (*InflowPlaceholderRowsBindFunc) (GtkListItem *list_item,
                                               gpointer     item_data,
                                               gboolean     force,
                                               gpointer     user_data);

InflowPlaceholderRows *inflow_placeholder_rows_new         (GtkWidget                     *widget,
                                                            GListModel                    *source,
                                                            InflowPlaceholderRowsBindFunc  bind_func,
                                                            gpointer                       user_data);
GListModel            *inflow_placeholder_rows_get_model   (InflowPlaceholderRows         *self);
void                   inflow_placeholder_rows_bind        (InflowPlaceholderRows         *self,
                                                            GtkListItem                   *list_item,
                                                            gpointer                       item_data);
void                   inflow_placeholder_rows_unbind      (InflowPlaceholderRows         *self,
                                                            GtkListItem                   *list_item);
void                   inflow_placeholder_rows_rebind      (InflowPlaceholderRows         *self,
                                                            gboolean                       force);
void                   inflow_placeholder_rows_sync        (InflowPlaceholderRows         *self);
gboolean               inflow_placeholder_rows_get_pending (InflowPlaceholderRows         *self);

G_END_DECLS
