/* inflow-text-row.h: a row that shows an InflowTextItem
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_TEXT_ROW (inflow_text_row_get_type ())

G_DECLARE_FINAL_TYPE (InflowTextRow, inflow_text_row, INFLOW, TEXT_ROW, AdwActionRow)

void inflow_text_row_bind_list (GtkListBox *list,
                                GListModel *items);

G_END_DECLS
