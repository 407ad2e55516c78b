/* inflow-ingestion-monitor.h: watches a session's integrations for cost data arrival
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-ingestion-item.h"
#include "inflow-poll-planner.h"
#include "inflow-server-clock.h"
#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowIngestionEventKind:
 * @INFLOW_INGESTION_EVENT_FIRST_CUR: the first Cost and Usage Report arrived
 *   while Inflow was watching (the item's features tell what it unlocked)
 * @INFLOW_INGESTION_EVENT_STALE: the newest cost data became stale (48 h+)
 * @INFLOW_INGESTION_EVENT_CRITICAL: the newest cost data became critically
 *   old (72 h+)
 * @INFLOW_INGESTION_EVENT_ERROR: Vantage started reporting an error
 * @INFLOW_INGESTION_EVENT_DISCONNECTED: Vantage started reporting the
 *   integration disconnected
 *
 * Changes worth telling the user about. Each is told once per episode: a
 * stale integration is told about again only after it was fresh (or late)
 * in between.
 */
typedef enum
{
  INFLOW_INGESTION_EVENT_FIRST_CUR,
  INFLOW_INGESTION_EVENT_STALE,
  INFLOW_INGESTION_EVENT_CRITICAL,
  INFLOW_INGESTION_EVENT_ERROR,
  INFLOW_INGESTION_EVENT_DISCONNECTED,
} InflowIngestionEventKind;

#define INFLOW_TYPE_INGESTION_EVENT_KIND (inflow_ingestion_event_kind_get_type ())

GType inflow_ingestion_event_kind_get_type (void);

#define INFLOW_TYPE_INGESTION_MONITOR (inflow_ingestion_monitor_get_type ())

G_DECLARE_FINAL_TYPE (InflowIngestionMonitor, inflow_ingestion_monitor, INFLOW, INGESTION_MONITOR, GObject)

InflowIngestionMonitor *inflow_ingestion_monitor_new                 (InflowSession           *session);

InflowSession          *inflow_ingestion_monitor_get_session         (InflowIngestionMonitor  *self);
InflowPollPlanner      *inflow_ingestion_monitor_get_planner         (InflowIngestionMonitor  *self);
InflowServerClock      *inflow_ingestion_monitor_get_clock           (InflowIngestionMonitor  *self);

void                    inflow_ingestion_monitor_start               (InflowIngestionMonitor  *self);
void                    inflow_ingestion_monitor_stop                (InflowIngestionMonitor  *self);
gboolean                inflow_ingestion_monitor_get_running         (InflowIngestionMonitor  *self);
void                    inflow_ingestion_monitor_refresh             (InflowIngestionMonitor  *self);
void                    inflow_ingestion_monitor_poll_now            (InflowIngestionMonitor  *self);
gboolean                inflow_ingestion_monitor_get_busy            (InflowIngestionMonitor  *self);

GListModel             *inflow_ingestion_monitor_get_items           (InflowIngestionMonitor  *self);
InflowIngestionItem    *inflow_ingestion_monitor_lookup              (InflowIngestionMonitor  *self,
                                                                      const char              *token);
guint                   inflow_ingestion_monitor_get_phase_count     (InflowIngestionMonitor  *self,
                                                                      InflowIngestionPhase     phase);
guint                   inflow_ingestion_monitor_get_n_tracked       (InflowIngestionMonitor  *self);
guint                   inflow_ingestion_monitor_get_n_watched       (InflowIngestionMonitor  *self);
char                   *inflow_ingestion_monitor_dup_watch_summary   (InflowIngestionMonitor  *self);

gboolean                inflow_ingestion_monitor_get_loading         (InflowIngestionMonitor  *self);
gboolean                inflow_ingestion_monitor_get_history_loaded  (InflowIngestionMonitor  *self);
InflowConnectionState   inflow_ingestion_monitor_get_connection_state (InflowIngestionMonitor *self);
const GError           *inflow_ingestion_monitor_get_last_error      (InflowIngestionMonitor  *self);
GDateTime              *inflow_ingestion_monitor_get_as_of           (InflowIngestionMonitor  *self);
GDateTime              *inflow_ingestion_monitor_get_last_poll_at    (InflowIngestionMonitor  *self);
GDateTime              *inflow_ingestion_monitor_dup_now             (InflowIngestionMonitor  *self);

void                    inflow_ingestion_monitor_get_request_stats   (InflowIngestionMonitor  *self,
                                                                      InflowPollStats         *stats,
                                                                      double                  *planned_per_hour);
guint                   inflow_ingestion_monitor_get_n_observations_written (InflowIngestionMonitor *self);
gboolean                inflow_ingestion_monitor_get_stores_history  (InflowIngestionMonitor  *self);

void                    inflow_ingestion_monitor_set_time_scale      (InflowIngestionMonitor  *self,
                                                                      double                   scale);
double                  inflow_ingestion_monitor_get_time_scale      (InflowIngestionMonitor  *self);

G_END_DECLS
