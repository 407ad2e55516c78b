/* inflow-cell.h: a cell or badge with a tooltip given on demand, an accessible label and a tone
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-integration-words.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_CELL (inflow_cell_get_type ())

G_DECLARE_FINAL_TYPE (InflowCell, inflow_cell, INFLOW, CELL, AdwBin)

const char       *inflow_cell_get_tooltip          (InflowCell       *self);
void              inflow_cell_set_tooltip          (InflowCell       *self,
                                                    const char       *tooltip);
const char       *inflow_cell_get_accessible_label (InflowCell       *self);
void              inflow_cell_set_accessible_label (InflowCell       *self,
                                                    const char       *label);
InflowStatusTone  inflow_cell_get_tone             (InflowCell       *self);
void              inflow_cell_set_tone             (InflowCell       *self,
                                                    InflowStatusTone  tone);
gpointer          inflow_cell_get_item             (InflowCell       *self);
void              inflow_cell_set_item             (InflowCell       *self,
                                                    gpointer          item);
void              inflow_cell_set_description      (InflowCell       *self,
                                                    const char       *description);
const char       *inflow_cell_get_label            (InflowCell       *self);
void              inflow_cell_set_label            (InflowCell       *self,
                                                    const char       *label);
const char       *inflow_cell_get_style_class      (InflowCell       *self);
void              inflow_cell_set_style_class      (InflowCell       *self,
                                                    const char       *style_class);

G_END_DECLS
