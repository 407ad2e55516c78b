/* inflow-chip-layout.h: children that flow and wrap like words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_CHIP_LAYOUT (inflow_chip_layout_get_type ())

G_DECLARE_FINAL_TYPE (InflowChipLayout, inflow_chip_layout, INFLOW, CHIP_LAYOUT, GtkLayoutManager)

G_END_DECLS
