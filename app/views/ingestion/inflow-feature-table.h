/* inflow-feature-table.h: which Vantage features an integration's data allows
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-ingestion-item.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_FEATURE_TABLE (inflow_feature_table_get_type ())

G_DECLARE_FINAL_TYPE (InflowFeatureTable, inflow_feature_table, INFLOW, FEATURE_TABLE, GtkWidget)

GtkWidget           *inflow_feature_table_new       (void);
InflowIngestionItem *inflow_feature_table_get_item  (InflowFeatureTable  *self);
void                 inflow_feature_table_set_item  (InflowFeatureTable  *self,
                                                     InflowIngestionItem *item);
const char          *inflow_feature_state_get_label (InflowFeatureState   state,
                                                     InflowIngestionPhase phase);

G_END_DECLS
