/* inflow-text-item.h: one row of words for a list: a step, a change, a document
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_TEXT_ITEM (inflow_text_item_get_type ())

G_DECLARE_FINAL_TYPE (InflowTextItem, inflow_text_item, INFLOW, TEXT_ITEM, GObject)

InflowTextItem *inflow_text_item_new          (const char     *label,
                                               const char     *title,
                                               const char     *subtitle,
                                               const char     *text);
const char     *inflow_text_item_get_label    (InflowTextItem *self);
const char     *inflow_text_item_get_title    (InflowTextItem *self);
const char     *inflow_text_item_get_subtitle (InflowTextItem *self);
const char     *inflow_text_item_get_text     (InflowTextItem *self);

G_END_DECLS
