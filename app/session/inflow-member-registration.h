/* inflow-member-registration.h: one member account of a StackSet, on its way to Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * InflowMemberState:
 * @INFLOW_MEMBER_STATE_WAITING: its role is to be registered
 * @INFLOW_MEMBER_STATE_STACK_DEPLOYING: its stack instance is still deploying
 * @INFLOW_MEMBER_STATE_STACK_FAILED: its stack instance failed: no role
 * @INFLOW_MEMBER_STATE_REGISTERING: `POST /v1/integrations/aws` in flight
 * @INFLOW_MEMBER_STATE_REGISTERED: Vantage accepted the role, and does not
 *   list the integration yet
 * @INFLOW_MEMBER_STATE_CONNECTED: registered and listed
 * @INFLOW_MEMBER_STATE_ALREADY_CONNECTED: Vantage had an AWS integration of
 *   this account already; nothing was sent
 * @INFLOW_MEMBER_STATE_FAILED: Vantage refused the role (see the message)
 */
typedef enum
{
  INFLOW_MEMBER_STATE_WAITING,
  INFLOW_MEMBER_STATE_STACK_DEPLOYING,
  INFLOW_MEMBER_STATE_STACK_FAILED,
  INFLOW_MEMBER_STATE_REGISTERING,
  INFLOW_MEMBER_STATE_REGISTERED,
  INFLOW_MEMBER_STATE_CONNECTED,
  INFLOW_MEMBER_STATE_ALREADY_CONNECTED,
  INFLOW_MEMBER_STATE_FAILED,
} InflowMemberState;

GType inflow_member_state_get_type (void);
#define INFLOW_TYPE_MEMBER_STATE (inflow_member_state_get_type ())

#define INFLOW_TYPE_MEMBER_REGISTRATION (inflow_member_registration_get_type ())

G_DECLARE_FINAL_TYPE (InflowMemberRegistration, inflow_member_registration, INFLOW, MEMBER_REGISTRATION, GObject)

InflowMemberRegistration *inflow_member_registration_new            (const char               *account_id,
                                                                     const char               *title,
                                                                     const char               *role_arn);
const char               *inflow_member_registration_get_account_id (InflowMemberRegistration *self);
const char               *inflow_member_registration_get_title      (InflowMemberRegistration *self);
const char               *inflow_member_registration_get_role_arn   (InflowMemberRegistration *self);
InflowMemberState         inflow_member_registration_get_state      (InflowMemberRegistration *self);
const char               *inflow_member_registration_get_message    (InflowMemberRegistration *self);
const char               *inflow_member_registration_get_status     (InflowMemberRegistration *self);
const char               *inflow_member_registration_get_integration_token (InflowMemberRegistration *self);
gboolean                  inflow_member_registration_needs_write    (InflowMemberRegistration *self);
void                      inflow_member_registration_set_state      (InflowMemberRegistration *self,
                                                                     InflowMemberState         state,
                                                                     const char               *message);
void                      inflow_member_registration_set_integration_token (InflowMemberRegistration *self,
                                                                     const char               *token);

G_END_DECLS
