/* inflow-observation.h: one recorded look at an integration's ingestion
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_OBSERVATION (inflow_observation_get_type ())

G_DECLARE_FINAL_TYPE (InflowObservation, inflow_observation, INFLOW, OBSERVATION, GObject)

InflowObservation *inflow_observation_new                       (const char        *profile_id,
                                                                 const char        *integration_token,
                                                                 GDateTime         *observed_at,
                                                                 const char        *status,
                                                                 GDateTime         *last_updated,
                                                                 GDateTime         *newest_cost_date,
                                                                 gboolean           resource_rows_present);
const char        *inflow_observation_get_profile_id            (InflowObservation *self);
const char        *inflow_observation_get_integration_token     (InflowObservation *self);
GDateTime         *inflow_observation_get_observed_at           (InflowObservation *self);
const char        *inflow_observation_get_status                (InflowObservation *self);
GDateTime         *inflow_observation_get_last_updated          (InflowObservation *self);
GDateTime         *inflow_observation_get_newest_cost_date      (InflowObservation *self);
gboolean           inflow_observation_get_resource_rows_present (InflowObservation *self);

G_END_DECLS
