/* inflow-placeholder-rows.h: list rows that follow a model's length and show its items in place
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-placeholder.h"

G_BEGIN_DECLS

/* What a row shows of @source_item: a new reference to its view-model,
 * which may be @item (the row's view-model until now, or NULL) made to
 * show @source_item. */
typedef gpointer (*InflowPlaceholderMapFunc) (gpointer source_item,
                                              gpointer item,
                                              gpointer user_data);

#define INFLOW_TYPE_PLACEHOLDER_ROWS (inflow_placeholder_rows_get_type ())

G_DECLARE_FINAL_TYPE (InflowPlaceholderRows, inflow_placeholder_rows, INFLOW, PLACEHOLDER_ROWS, GObject)

InflowPlaceholderRows *inflow_placeholder_rows_new          (GtkWidget                *widget,
                                                             GListModel               *source);
void                   inflow_placeholder_rows_set_map_func (InflowPlaceholderRows    *self,
                                                             InflowPlaceholderMapFunc  map_func,
                                                             gpointer                  user_data,
                                                             GDestroyNotify            destroy);
GListModel            *inflow_placeholder_rows_get_source   (InflowPlaceholderRows    *self);
void                   inflow_placeholder_rows_sync         (InflowPlaceholderRows    *self);
void                   inflow_placeholder_rows_refresh      (InflowPlaceholderRows    *self);
gboolean               inflow_placeholder_rows_get_pending  (InflowPlaceholderRows    *self);

G_END_DECLS
