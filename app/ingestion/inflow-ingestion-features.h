/* inflow-ingestion-features.h: which Vantage features an integration's data allows
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "inflow-ingestion-verdict.h"

G_BEGIN_DECLS

/**
 * InflowIngestionFeature:
 *
 * The features the seed's "AWS Data Ingestion Delay" section names.
 */
typedef enum
{
  INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES,
  INFLOW_INGESTION_FEATURE_COST_REPORTS,
  INFLOW_INGESTION_FEATURE_AUTOPILOT,
  INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER,
} InflowIngestionFeature;

#define INFLOW_INGESTION_N_FEATURES (INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER + 1)

/**
 * InflowFeatureState:
 * @INFLOW_FEATURE_STATE_AVAILABLE: works in full
 * @INFLOW_FEATURE_STATE_PARTIAL: works with less data (rates only, costs by
 *   service only, old data)
 * @INFLOW_FEATURE_STATE_UNAVAILABLE: does not work yet or any more
 * @INFLOW_FEATURE_STATE_NOT_APPLICABLE: never applies to this integration
 * @INFLOW_FEATURE_STATE_UNKNOWN: Inflow lacks the facts to say (never shown
 *   as available)
 */
typedef enum
{
  INFLOW_FEATURE_STATE_AVAILABLE,
  INFLOW_FEATURE_STATE_PARTIAL,
  INFLOW_FEATURE_STATE_UNAVAILABLE,
  INFLOW_FEATURE_STATE_NOT_APPLICABLE,
  INFLOW_FEATURE_STATE_UNKNOWN,
} InflowFeatureState;

/**
 * InflowFeatureAvailability:
 * @feature: the feature
 * @state: its state
 * @explanation: a translated one-line explanation (static, not freed)
 */
typedef struct
{
  InflowIngestionFeature  feature;
  InflowFeatureState      state;
  const char             *explanation;
} InflowFeatureAvailability;

#define INFLOW_TYPE_INGESTION_FEATURE (inflow_ingestion_feature_get_type ())
#define INFLOW_TYPE_FEATURE_STATE     (inflow_feature_state_get_type ())

GType                      inflow_ingestion_feature_get_type (void);
GType                      inflow_feature_state_get_type     (void);

const char                *inflow_ingestion_feature_get_name (InflowIngestionFeature        feature);
InflowFeatureAvailability  inflow_ingestion_feature_evaluate (InflowIngestionFeature        feature,
                                                              const char                   *provider,
                                                              gboolean                      is_govcloud,
                                                              const InflowIngestionVerdict *verdict);
void                       inflow_ingestion_features_evaluate (const char                  *provider,
                                                               gboolean                     is_govcloud,
                                                               const InflowIngestionVerdict *verdict,
                                                               InflowFeatureAvailability    out[INFLOW_INGESTION_N_FEATURES]);

G_END_DECLS
