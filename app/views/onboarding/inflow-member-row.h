/* inflow-member-row.h: a row of one StackSet member account on its way to Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_MEMBER_ROW (inflow_member_row_get_type ())

G_DECLARE_FINAL_TYPE (InflowMemberRow, inflow_member_row, INFLOW, MEMBER_ROW, AdwActionRow)

void inflow_member_row_bind_list (GtkListBox *list,
                                  GListModel *members);

G_END_DECLS
