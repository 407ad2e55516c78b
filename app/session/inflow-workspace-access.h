/* inflow-workspace-access.h: which workspaces show an integration: the pure part
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-account-directory.h"
#include "inflow-integration.h"

G_BEGIN_DECLS

/**
 * InflowWorkspaceAccessChange:
 * @INFLOW_WORKSPACE_ACCESS_ADD: show the integration's costs in the workspace
 * @INFLOW_WORKSPACE_ACCESS_REMOVE: stop showing them there
 *
 * One change a user asks for.
 */
typedef enum
{
  INFLOW_WORKSPACE_ACCESS_ADD,
  INFLOW_WORKSPACE_ACCESS_REMOVE,
} InflowWorkspaceAccessChange;

GType inflow_workspace_access_change_get_type (void);
#define INFLOW_TYPE_WORKSPACE_ACCESS_CHANGE (inflow_workspace_access_change_get_type ())

/* Pure: @current with only @change applied to @workspace_token, order kept
 * (an addition goes last). Sets *changed to whether anything differs. */
GStrv              inflow_workspace_access_apply         (const char * const          *current,
                                                          const char                  *workspace_token,
                                                          InflowWorkspaceAccessChange  change,
                                                          gboolean                    *changed);
gboolean           inflow_workspace_access_holds         (const char * const          *workspace_tokens,
                                                          const char                  *workspace_token,
                                                          InflowWorkspaceAccessChange  change);

/* What Workspace Access calls an integration: its account's name, else its
 * account ID, else its token. */
const char        *inflow_workspace_access_get_title     (InflowAccountDirectory      *directory,
                                                          InflowIntegration           *integration);

G_END_DECLS
