/* inflow-connect-arn-step.h: step 5 of Connect AWS, the role ARN
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-connect-step.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_CONNECT_ARN_STEP (inflow_connect_arn_step_get_type ())

G_DECLARE_FINAL_TYPE (InflowConnectArnStep, inflow_connect_arn_step, INFLOW, CONNECT_ARN_STEP, InflowConnectStep)

G_END_DECLS
