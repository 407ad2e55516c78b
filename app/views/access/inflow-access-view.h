/* inflow-access-view.h: which workspaces show each integration's costs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"
#include "inflow-workspace-access.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_VIEW (inflow_access_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessView, inflow_access_view, INFLOW, ACCESS_VIEW, AdwBin)

GtkWidget      *inflow_access_view_new                 (void);
InflowSession  *inflow_access_view_get_session         (InflowAccessView            *self);
void            inflow_access_view_set_session         (InflowAccessView            *self,
                                                        InflowSession               *session);
gboolean        inflow_access_view_focus_integration   (InflowAccessView            *self,
                                                        const char                  *token);

/* Several integrations at once: sequential requests, a progress bar, then a
 * dialog with one result per integration. */
void            inflow_access_view_select_integrations (InflowAccessView            *self,
                                                        const char * const          *tokens);
void            inflow_access_view_run_batch           (InflowAccessView            *self,
                                                        const char                  *workspace_token,
                                                        InflowWorkspaceAccessChange  change);

/* For tests: the check box of a shown cell, whether changes are in
 * flight, the latest toast and batch results ("token: result"). */
GtkCheckButton *inflow_access_view_get_check           (InflowAccessView            *self,
                                                        const char                  *integration_token,
                                                        const char                  *workspace_token);
gboolean        inflow_access_view_get_busy            (InflowAccessView            *self);
GListModel     *inflow_access_view_get_shown_model     (InflowAccessView            *self);
const char     *inflow_access_view_get_state           (InflowAccessView            *self);
const char     *inflow_access_view_get_last_toast      (InflowAccessView            *self);
GStrv           inflow_access_view_dup_batch_results   (InflowAccessView            *self);

G_END_DECLS
