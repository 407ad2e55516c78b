/* inflow-ingestion-item.h: where one integration's cost data stands, for views to bind
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-ingestion-features.h"
#include "inflow-ingestion-verdict.h"
#include "inflow-integration.h"

G_BEGIN_DECLS

/**
 * InflowFeatureSet:
 * @items: the availability of each #InflowIngestionFeature, in enum order
 *
 * The features an integration's data allows, as one boxed value.
 */
typedef struct
{
  InflowFeatureAvailability items[INFLOW_INGESTION_N_FEATURES];
} InflowFeatureSet;

#define INFLOW_TYPE_FEATURE_SET (inflow_feature_set_get_type ())

GType             inflow_feature_set_get_type (void);
InflowFeatureSet *inflow_feature_set_copy     (const InflowFeatureSet *set);
void              inflow_feature_set_free     (InflowFeatureSet       *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowFeatureSet, inflow_feature_set_free)

#define INFLOW_TYPE_INGESTION_ITEM (inflow_ingestion_item_get_type ())

G_DECLARE_FINAL_TYPE (InflowIngestionItem, inflow_ingestion_item, INFLOW, INGESTION_ITEM, GObject)

const char                       *inflow_ingestion_item_get_token          (InflowIngestionItem *self);
InflowIntegration                *inflow_ingestion_item_get_integration    (InflowIngestionItem *self);
const char                       *inflow_ingestion_item_get_title          (InflowIngestionItem *self);
const char                       *inflow_ingestion_item_get_account_name   (InflowIngestionItem *self);
const char                       *inflow_ingestion_item_get_account_id     (InflowIngestionItem *self);
const char                       *inflow_ingestion_item_get_provider       (InflowIngestionItem *self);
gboolean                          inflow_ingestion_item_get_tracked        (InflowIngestionItem *self);
gboolean                          inflow_ingestion_item_get_is_govcloud    (InflowIngestionItem *self);
const InflowIngestionVerdict     *inflow_ingestion_item_get_verdict        (InflowIngestionItem *self);
InflowIngestionPhase              inflow_ingestion_item_get_phase          (InflowIngestionItem *self);
InflowIngestionSeverity           inflow_ingestion_item_get_severity       (InflowIngestionItem *self);
guint                             inflow_ingestion_item_get_urgency        (InflowIngestionItem *self);
const InflowFeatureSet           *inflow_ingestion_item_get_features       (InflowIngestionItem *self);
const char                       *inflow_ingestion_item_get_note           (InflowIngestionItem *self);
const char                       *inflow_ingestion_item_get_summary        (InflowIngestionItem *self);
GDateTime                        *inflow_ingestion_item_get_last_probed_at (InflowIngestionItem *self);
GDateTime                        *inflow_ingestion_item_get_fetched_at     (InflowIngestionItem *self);
const InflowIngestionObservation *inflow_ingestion_item_get_observations   (InflowIngestionItem *self,
                                                                            guint               *n_observations);
void                              inflow_ingestion_item_get_facts          (InflowIngestionItem  *self,
                                                                            InflowIngestionFacts *facts);
int                               inflow_ingestion_item_compare_urgency    (InflowIngestionItem *a,
                                                                            InflowIngestionItem *b);

G_END_DECLS
