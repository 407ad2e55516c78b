/* inflow-ingestion-row.h: one integration in the Ingestion list
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-ingestion-item.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_INGESTION_ROW (inflow_ingestion_row_get_type ())

G_DECLARE_FINAL_TYPE (InflowIngestionRow, inflow_ingestion_row, INFLOW, INGESTION_ROW, GtkWidget)

InflowIngestionItem *inflow_ingestion_row_get_item (InflowIngestionRow  *self);
void                 inflow_ingestion_row_set_item (InflowIngestionRow  *self,
                                                    InflowIngestionItem *item);

G_END_DECLS
