/* inflow-poll-scheduler.h: when the ingestion monitor runs its next planning cycle
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-client.h"
#include "inflow-poll-planner.h"
#include "inflow-server-clock.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_POLL_SCHEDULER (inflow_poll_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (InflowPollScheduler, inflow_poll_scheduler, INFLOW, POLL_SCHEDULER, GObject)

InflowPollScheduler   *inflow_poll_scheduler_new                  (InflowClient          *client,
                                                                   InflowServerClock     *clock);
InflowPollPlanner     *inflow_poll_scheduler_get_planner          (InflowPollScheduler   *self);
void                   inflow_poll_scheduler_set_running          (InflowPollScheduler   *self,
                                                                   gboolean               running);
void                   inflow_poll_scheduler_soon                 (InflowPollScheduler   *self);
void                   inflow_poll_scheduler_wake_at              (InflowPollScheduler   *self,
                                                                   GDateTime             *now,
                                                                   GDateTime             *wake);
gboolean               inflow_poll_scheduler_get_backing_off      (InflowPollScheduler   *self);
void                   inflow_poll_scheduler_end_backoff          (InflowPollScheduler   *self);
void                   inflow_poll_scheduler_get_rate_limit       (InflowPollScheduler   *self,
                                                                   InflowRateLimit       *rate_limit);
void                   inflow_poll_scheduler_report               (InflowPollScheduler   *self,
                                                                   InflowPollRequestKind  kind,
                                                                   const char            *token,
                                                                   GDateTime             *at,
                                                                   const GError          *error);
void                   inflow_poll_scheduler_succeeded            (InflowPollScheduler   *self);
void                   inflow_poll_scheduler_failed               (InflowPollScheduler   *self,
                                                                   const GError          *error);
InflowConnectionState  inflow_poll_scheduler_get_connection_state (InflowPollScheduler   *self);
const GError          *inflow_poll_scheduler_get_last_error       (InflowPollScheduler   *self);

guint                  inflow_poll_status_for_error               (const GError          *error);

G_END_DECLS
