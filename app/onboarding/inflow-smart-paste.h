/* inflow-smart-paste.h: finding the role ARN in whatever the admin pastes
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-aws-arn.h"

G_BEGIN_DECLS

/**
 * InflowPasteSource:
 * @INFLOW_PASTE_SOURCE_TEXT: plain text, or an ARN alone
 * @INFLOW_PASTE_SOURCE_TRUST_POLICY: a policy document (its principals are
 *   never taken for the role)
 * @INFLOW_PASTE_SOURCE_ROLE_JSON: `aws iam get-role` output
 * @INFLOW_PASTE_SOURCE_STACK_OUTPUTS: `aws cloudformation describe-stacks`
 *   JSON, or the Outputs tab of the CloudFormation console as text
 * @INFLOW_PASTE_SOURCE_CONSOLE_URL: the link of a role's page in the IAM
 *   console
 * @INFLOW_PASTE_SOURCE_JSON: other JSON
 */
typedef enum
{
  INFLOW_PASTE_SOURCE_TEXT,
  INFLOW_PASTE_SOURCE_TRUST_POLICY,
  INFLOW_PASTE_SOURCE_ROLE_JSON,
  INFLOW_PASTE_SOURCE_STACK_OUTPUTS,
  INFLOW_PASTE_SOURCE_CONSOLE_URL,
  INFLOW_PASTE_SOURCE_JSON,
} InflowPasteSource;

/**
 * InflowPasteResult:
 * @source: what the pasted text was taken for
 * @role: the role found
 * @role_arn: its ARN as text
 * @explanation: (nullable): what was set aside and why, for the user
 */
typedef struct
{
  InflowPasteSource  source;
  InflowRoleArn     *role;
  char              *role_arn;
  char              *explanation;
} InflowPasteResult;

/**
 * InflowStackInstanceState:
 * @INFLOW_STACK_INSTANCE_DEPLOYED: the stack is in place (`CURRENT`, or
 *   `SUCCEEDED`): the role exists in the account
 * @INFLOW_STACK_INSTANCE_DEPLOYING: still on its way (`PENDING`, `RUNNING`)
 * @INFLOW_STACK_INSTANCE_FAILED: it failed, was cancelled or skipped
 *   (`FAILED`, `CANCELLED`, `INOPERABLE`, `SKIPPED_SUSPENDED_ACCOUNT`, …)
 * @INFLOW_STACK_INSTANCE_UNKNOWN: the paste names the account, not its state
 */
typedef enum
{
  INFLOW_STACK_INSTANCE_DEPLOYED,
  INFLOW_STACK_INSTANCE_DEPLOYING,
  INFLOW_STACK_INSTANCE_FAILED,
  INFLOW_STACK_INSTANCE_UNKNOWN,
} InflowStackInstanceState;

/**
 * InflowStackInstance:
 * @account_id: the member account
 * @state: how far its stack got
 * @status: (nullable): the status words of the paste, e.g. "CURRENT" or
 *   "OUTDATED · FAILED"
 * @status_reason: (nullable): CloudFormation's `StatusReason`
 */
typedef struct
{
  char                     *account_id;
  InflowStackInstanceState  state;
  char                     *status;
  char                     *status_reason;
} InflowStackInstance;

InflowPasteResult *inflow_smart_paste_role_arn (const char        *text,
                                                const char        *vantage_role_arn,
                                                const char        *account_id_hint,
                                                GError           **error);
void               inflow_paste_result_free    (InflowPasteResult *result);

GPtrArray         *inflow_smart_paste_stack_instances (const char           *text,
                                                       GError              **error);
void               inflow_stack_instance_free  (InflowStackInstance *instance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowPasteResult, inflow_paste_result_free)

G_END_DECLS
