/* inflow-ingestion-item-private.h: what the ingestion monitor changes in its items
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-ingestion-item.h"

G_BEGIN_DECLS

/* The monitor's bookkeeping of one item: which events it already told, and
 * whether a first verdict (the baseline no event is made of) exists. */
typedef struct
{
  gboolean baseline;
  gboolean first_cur_told;
  gboolean stale_told;
  gboolean critical_told;
  gboolean error_told;
  gboolean disconnected_told;
} InflowIngestionEventState;

InflowIngestionItem       *_inflow_ingestion_item_new               (InflowIntegration                *integration,
                                                                     GDateTime                        *fetched_at);
gboolean                   _inflow_ingestion_item_set_integration   (InflowIngestionItem              *self,
                                                                     InflowIntegration                *integration,
                                                                     GDateTime                        *fetched_at);
void                       _inflow_ingestion_item_set_account       (InflowIngestionItem              *self,
                                                                     const char                       *account_name,
                                                                     gboolean                          is_govcloud);
void                       _inflow_ingestion_item_set_note          (InflowIngestionItem              *self,
                                                                     const char                       *note);
void                       _inflow_ingestion_item_add_observation   (InflowIngestionItem              *self,
                                                                     const InflowIngestionObservation *observation);
const InflowIngestionObservation *_inflow_ingestion_item_get_last_observation (InflowIngestionItem    *self);
const InflowIngestionObservation *_inflow_ingestion_item_get_last_probe       (InflowIngestionItem    *self);
void                       _inflow_ingestion_item_set_probe         (InflowIngestionItem              *self,
                                                                     const InflowIngestionProbe       *probe);
GDateTime                 *_inflow_ingestion_item_get_last_attempt_at (InflowIngestionItem            *self);
void                       _inflow_ingestion_item_set_last_attempt_at (InflowIngestionItem            *self,
                                                                     GDateTime                        *at);
gboolean                   _inflow_ingestion_item_get_probing       (InflowIngestionItem              *self);
void                       _inflow_ingestion_item_set_probing       (InflowIngestionItem              *self,
                                                                     gboolean                          probing);
void                       _inflow_ingestion_item_evaluate          (InflowIngestionItem              *self,
                                                                     GDateTime                        *now,
                                                                     InflowIngestionPhase             *old_phase,
                                                                     InflowIngestionCurState          *old_cur_state);
InflowIngestionEventState *_inflow_ingestion_item_get_event_state   (InflowIngestionItem              *self);
InflowIngestionStatus      _inflow_ingestion_item_get_status        (InflowIngestionItem              *self);

void                       _inflow_ingestion_observation_clear      (InflowIngestionObservation       *observation);

G_END_DECLS
