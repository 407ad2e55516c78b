/* inflow-ingestion-view.h: the Ingestion section: where each AWS integration's cost data stands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-ingestion-monitor.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_INGESTION_VIEW (inflow_ingestion_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowIngestionView, inflow_ingestion_view, INFLOW, INGESTION_VIEW, GtkWidget)

GtkWidget              *inflow_ingestion_view_new                  (void);
InflowSession          *inflow_ingestion_view_get_session          (InflowIngestionView *self);
void                    inflow_ingestion_view_set_session          (InflowIngestionView *self,
                                                                    InflowSession       *session);
gboolean                inflow_ingestion_view_select_integration   (InflowIngestionView *self,
                                                                    const char          *token);

G_END_DECLS
