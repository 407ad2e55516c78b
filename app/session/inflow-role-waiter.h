/* inflow-role-waiter.h: waiting for Vantage to see a role registered elsewhere
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowRoleWaitState:
 * @INFLOW_ROLE_WAIT_IDLE: not waiting (never started, or cancelled)
 * @INFLOW_ROLE_WAIT_WAITING: polling the integrations list
 * @INFLOW_ROLE_WAIT_FOUND: the new integration is listed (see
 *   integration-token)
 * @INFLOW_ROLE_WAIT_GAVE_UP: the budget ran out, or the list could not be
 *   read (see message)
 */
typedef enum
{
  INFLOW_ROLE_WAIT_IDLE,
  INFLOW_ROLE_WAIT_WAITING,
  INFLOW_ROLE_WAIT_FOUND,
  INFLOW_ROLE_WAIT_GAVE_UP,
} InflowRoleWaitState;

GType inflow_role_wait_state_get_type (void);
#define INFLOW_TYPE_ROLE_WAIT_STATE (inflow_role_wait_state_get_type ())

#define INFLOW_TYPE_ROLE_WAITER (inflow_role_waiter_get_type ())

G_DECLARE_FINAL_TYPE (InflowRoleWaiter, inflow_role_waiter, INFLOW, ROLE_WAITER, GObject)

InflowRoleWaiter    *inflow_role_waiter_new                  (InflowSession    *session);
void                 inflow_role_waiter_start                (InflowRoleWaiter *self,
                                                              const char       *account_id);
void                 inflow_role_waiter_cancel               (InflowRoleWaiter *self);
InflowRoleWaitState  inflow_role_waiter_get_state            (InflowRoleWaiter *self);
const char          *inflow_role_waiter_get_message          (InflowRoleWaiter *self);
const char          *inflow_role_waiter_get_integration_token (InflowRoleWaiter *self);

G_END_DECLS
