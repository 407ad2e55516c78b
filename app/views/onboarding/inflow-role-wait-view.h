/* inflow-role-wait-view.h: waiting for Vantage to see a role registered elsewhere
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ROLE_WAIT_VIEW (inflow_role_wait_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowRoleWaitView, inflow_role_wait_view, INFLOW, ROLE_WAIT_VIEW, GtkWidget)

void inflow_role_wait_view_set_session    (InflowRoleWaitView *self,
                                           InflowSession      *session);
void inflow_role_wait_view_set_account_id (InflowRoleWaitView *self,
                                           const char         *account_id);

G_END_DECLS
