/* inflow-stackset-members.h: the StackSet's member accounts, registered with Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-connect-form.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_STACKSET_MEMBERS (inflow_stackset_members_get_type ())

G_DECLARE_FINAL_TYPE (InflowStackSetMembers, inflow_stackset_members, INFLOW, STACKSET_MEMBERS, GtkWidget)

void inflow_stackset_members_set_form (InflowStackSetMembers *self,
                                       InflowConnectForm     *form);

G_END_DECLS
