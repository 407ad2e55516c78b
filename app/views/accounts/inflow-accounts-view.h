/* inflow-accounts-view.h: the AWS accounts Vantage knows, by organization
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCOUNTS_VIEW (inflow_accounts_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccountsView, inflow_accounts_view, INFLOW, ACCOUNTS_VIEW, AdwBin)

GtkWidget     *inflow_accounts_view_new         (void);
InflowSession *inflow_accounts_view_get_session (InflowAccountsView *self);
void           inflow_accounts_view_set_session (InflowAccountsView *self,
                                                 InflowSession      *session);

G_END_DECLS
