/* inflow-connect-account-step.h: step 2 of Connect AWS, which account
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-connect-step.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_CONNECT_ACCOUNT_STEP (inflow_connect_account_step_get_type ())

G_DECLARE_FINAL_TYPE (InflowConnectAccountStep, inflow_connect_account_step, INFLOW, CONNECT_ACCOUNT_STEP, InflowConnectStep)

G_END_DECLS
