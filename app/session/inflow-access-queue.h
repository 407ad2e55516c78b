/* inflow-access-queue.h: the session's workspace access writes, one queue per integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-access-batch.h"
#include "inflow-session.h"
#include "inflow-workspace-access.h"

G_BEGIN_DECLS

/**
 * InflowAccessPending:
 * @INFLOW_ACCESS_PENDING_NONE: no change asked for
 * @INFLOW_ACCESS_PENDING_WAITING: a change waits for the write in flight
 *   for the same integration; it goes with the next one
 * @INFLOW_ACCESS_PENDING_SAVING: the change is being written
 *
 * Where the latest change asked for one workspace of one integration is.
 */
typedef enum
{
  INFLOW_ACCESS_PENDING_NONE,
  INFLOW_ACCESS_PENDING_WAITING,
  INFLOW_ACCESS_PENDING_SAVING,
} InflowAccessPending;

GType inflow_access_pending_get_type (void);
#define INFLOW_TYPE_ACCESS_PENDING (inflow_access_pending_get_type ())

#define INFLOW_TYPE_ACCESS_QUEUE (inflow_access_queue_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessQueue, inflow_access_queue, INFLOW, ACCESS_QUEUE, GObject)

/* Every view shares the one inflow_session_get_access_queue() makes; it
 * does not keep @session alive. */
InflowAccessQueue   *inflow_access_queue_new          (InflowSession               *session);

void                 inflow_access_queue_request      (InflowAccessQueue           *self,
                                                       const char                  *integration_token,
                                                       const char                  *workspace_token,
                                                       InflowWorkspaceAccessChange  change);
InflowAccessPending  inflow_access_queue_get_pending  (InflowAccessQueue           *self,
                                                       const char                  *integration_token,
                                                       const char                  *workspace_token,
                                                       InflowWorkspaceAccessChange *change);
const GError        *inflow_access_queue_get_failure  (InflowAccessQueue           *self,
                                                       const char                  *integration_token,
                                                       const char                  *workspace_token);
gboolean             inflow_access_queue_get_busy     (InflowAccessQueue           *self);

/* One batch at a time: NULL while another runs. */
InflowAccessBatch   *inflow_access_queue_start_batch  (InflowAccessQueue           *self,
                                                       const char * const          *integration_tokens,
                                                       const char                  *workspace_token,
                                                       InflowWorkspaceAccessChange  change);
InflowAccessBatch   *inflow_access_queue_get_batch    (InflowAccessQueue           *self);

G_END_DECLS
