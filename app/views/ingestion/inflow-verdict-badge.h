/* inflow-verdict-badge.h: a small pill naming an integration's ingestion phase
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-ingestion-item.h"
#include "inflow-ingestion-monitor.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_VERDICT_BADGE (inflow_verdict_badge_get_type ())

G_DECLARE_FINAL_TYPE (InflowVerdictBadge, inflow_verdict_badge, INFLOW, VERDICT_BADGE, GtkWidget)

GtkWidget            *inflow_verdict_badge_new             (void);
InflowIngestionPhase  inflow_verdict_badge_get_phase       (InflowVerdictBadge   *self);
void                  inflow_verdict_badge_set_phase       (InflowVerdictBadge   *self,
                                                            InflowIngestionPhase  phase);
InflowIngestionItem  *inflow_verdict_badge_get_item        (InflowVerdictBadge   *self);
void                  inflow_verdict_badge_set_item        (InflowVerdictBadge   *self,
                                                            InflowIngestionItem  *item);

const char           *inflow_ingestion_phase_get_icon_name (InflowIngestionPhase  phase);
const char           *inflow_ingestion_severity_get_css_class (InflowIngestionSeverity severity);

gboolean              inflow_verdict_badge_lookup_verdict  (InflowIntegration        *integration,
                                                            char                    **label,
                                                            InflowIngestionSeverity  *severity,
                                                            gpointer                  monitor);

G_END_DECLS
