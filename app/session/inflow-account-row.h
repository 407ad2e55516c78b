/* inflow-account-row.h: what the Accounts list shows of one directory entry
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-account-entry.h"
#include "inflow-integration-words.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCOUNT_ROW (inflow_account_row_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccountRow, inflow_account_row, INFLOW, ACCOUNT_ROW, GObject)

InflowAccountRow   *inflow_account_row_new                (InflowAccountEntry *entry);
InflowAccountEntry *inflow_account_row_get_entry          (InflowAccountRow   *self);
const char         *inflow_account_row_get_title          (InflowAccountRow   *self);
const char         *inflow_account_row_get_subtitle       (InflowAccountRow   *self);
const char         *inflow_account_row_get_details        (InflowAccountRow   *self);
const char         *inflow_account_row_get_primary_badge  (InflowAccountRow   *self);
const char         *inflow_account_row_get_coverage_badge (InflowAccountRow   *self);

G_END_DECLS
