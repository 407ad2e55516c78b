/* inflow-integration-row.h: what a view shows of one integration, for rows and pages to bind
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-account-directory.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-integration-words.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_INTEGRATION_ROW (inflow_integration_row_get_type ())

G_DECLARE_FINAL_TYPE (InflowIntegrationRow, inflow_integration_row, INFLOW, INTEGRATION_ROW, GObject)

InflowIntegrationRow *inflow_integration_row_new                (InflowIntegration      *integration,
                                                                 InflowAccountDirectory *directory,
                                                                 InflowIngestionMonitor *monitor);

InflowIntegration    *inflow_integration_row_get_integration    (InflowIntegrationRow   *self);
void                  inflow_integration_row_set_integration    (InflowIntegrationRow   *self,
                                                                 InflowIntegration      *integration);
const char           *inflow_integration_row_get_title          (InflowIntegrationRow   *self);
const char           *inflow_integration_row_get_subtitle       (InflowIntegrationRow   *self);
const char           *inflow_integration_row_get_details        (InflowIntegrationRow   *self);
const char           *inflow_integration_row_get_status_label   (InflowIntegrationRow   *self);
const char           *inflow_integration_row_get_verdict_label  (InflowIntegrationRow   *self);
const char           *inflow_integration_row_get_status_verdict_label (InflowIntegrationRow *self);
gboolean              inflow_integration_row_get_is_govcloud    (InflowIntegrationRow   *self);
gboolean              inflow_integration_row_get_is_management  (InflowIntegrationRow   *self);
gboolean              inflow_integration_row_get_compact        (InflowIntegrationRow   *self);
void                  inflow_integration_row_set_compact        (InflowIntegrationRow   *self,
                                                                 gboolean                compact);

char                 *inflow_integration_dup_title              (InflowIntegration      *integration,
                                                                 InflowAccountDirectory *directory);

G_END_DECLS
