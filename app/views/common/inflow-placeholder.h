/* inflow-placeholder.h: one row of an InflowPlaceholderRows, showing whatever item is at its place
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_PLACEHOLDER (inflow_placeholder_get_type ())

G_DECLARE_FINAL_TYPE (InflowPlaceholder, inflow_placeholder, INFLOW, PLACEHOLDER, GObject)

InflowPlaceholder *inflow_placeholder_new      (guint              position);
guint              inflow_placeholder_get_position (InflowPlaceholder *self);
gpointer           inflow_placeholder_get_item (InflowPlaceholder *self);
gpointer           inflow_placeholder_get_source_item (InflowPlaceholder *self);
void               inflow_placeholder_set_item (InflowPlaceholder *self,
                                                gpointer           source_item,
                                                gpointer           item);

G_END_DECLS
