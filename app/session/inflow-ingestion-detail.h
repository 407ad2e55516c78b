/* inflow-ingestion-detail.h: the Ingestion detail of one integration, in words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-ingestion-item.h"
#include "inflow-ingestion-monitor.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_INGESTION_DETAIL (inflow_ingestion_detail_get_type ())

G_DECLARE_FINAL_TYPE (InflowIngestionDetail, inflow_ingestion_detail, INFLOW, INGESTION_DETAIL, GObject)

InflowIngestionDetail  *inflow_ingestion_detail_new           (void);
InflowIngestionMonitor *inflow_ingestion_detail_get_monitor   (InflowIngestionDetail  *self);
void                    inflow_ingestion_detail_set_monitor   (InflowIngestionDetail  *self,
                                                               InflowIngestionMonitor *monitor);
InflowIngestionItem    *inflow_ingestion_detail_get_item      (InflowIngestionDetail  *self);
void                    inflow_ingestion_detail_set_item      (InflowIngestionDetail  *self,
                                                               InflowIngestionItem    *item);

G_END_DECLS
