/* inflow-observation-log.h: what the ingestion monitor saw, in memory and in the database
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-database.h"
#include "inflow-ingestion-item.h"

G_BEGIN_DECLS

/* The history a verdict is made from, read at start: the timeline shows up
 * to 14 days, the verdict looks back to the previous month. */
#define INFLOW_OBSERVATION_LOG_HISTORY_DAYS 35

#define INFLOW_TYPE_OBSERVATION_LOG (inflow_observation_log_get_type ())

G_DECLARE_FINAL_TYPE (InflowObservationLog, inflow_observation_log, INFLOW, OBSERVATION_LOG, GObject)

InflowObservationLog *inflow_observation_log_new           (InflowDatabase        *database,
                                                            const char            *profile_id);
gboolean              inflow_observation_log_get_stores    (InflowObservationLog  *self);
void                  inflow_observation_log_load_async    (InflowObservationLog  *self,
                                                            GDateTime             *since,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean              inflow_observation_log_load_finish   (InflowObservationLog  *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void                  inflow_observation_log_prune         (InflowObservationLog  *self,
                                                            GDateTime             *now);
void                  inflow_observation_log_merge         (InflowObservationLog  *self,
                                                            InflowIngestionItem   *item);
void                  inflow_observation_log_note_status   (InflowObservationLog  *self,
                                                            InflowIngestionItem   *item,
                                                            GDateTime             *observed_at);
void                  inflow_observation_log_add_probe     (InflowObservationLog  *self,
                                                            InflowIngestionItem   *item,
                                                            GDateTime             *observed_at,
                                                            GDateTime             *newest_cost_date,
                                                            gboolean               resource_rows_present);

G_END_DECLS
