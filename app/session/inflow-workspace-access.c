/* inflow-workspace-access.c: which workspaces show an integration: the pure part
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include "inflow-integration-words.h"
#include "inflow-workspace-access.h"

G_DEFINE_ENUM_TYPE (InflowWorkspaceAccessChange, inflow_workspace_access_change,
                    G_DEFINE_ENUM_VALUE (INFLOW_WORKSPACE_ACCESS_ADD, "add"),
                    G_DEFINE_ENUM_VALUE (INFLOW_WORKSPACE_ACCESS_REMOVE, "remove"))

/**
 * inflow_workspace_access_holds:
 * @workspace_tokens: (nullable): an integration's workspaces
 * @workspace_token: a workspace
 * @change: the change asked for
 *
 * Returns: whether @workspace_tokens already is what @change asks for
 */
gboolean
inflow_workspace_access_holds (const char * const          *workspace_tokens,
                               const char                  *workspace_token,
                               InflowWorkspaceAccessChange  change)
{
  gboolean present;

  g_return_val_if_fail (workspace_token != NULL, FALSE);

  present = workspace_tokens != NULL && g_strv_contains (workspace_tokens, workspace_token);

  return change == INFLOW_WORKSPACE_ACCESS_ADD ? present : !present;
}

/**
 * inflow_workspace_access_apply:
 * @current: (nullable): the workspaces the integration is in now
 * @workspace_token: the workspace the user touched
 * @change: add or remove it
 * @changed: (out) (optional): whether the result differs from @current
 *
 * Returns: (transfer full): the new complete list; every other workspace
 *   stays, in its order, and an addition goes last
 */
GStrv
inflow_workspace_access_apply (const char * const          *current,
                               const char                  *workspace_token,
                               InflowWorkspaceAccessChange  change,
                               gboolean                    *changed)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean present = FALSE;

  g_return_val_if_fail (workspace_token != NULL, NULL);

  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    {
      if (g_str_equal (current[i], workspace_token))
        {
          /* A duplicate from the server collapses into one. */
          if (present)
            continue;
          present = TRUE;
          if (change == INFLOW_WORKSPACE_ACCESS_REMOVE)
            continue;
        }
      g_strv_builder_add (builder, current[i]);
    }

  if (change == INFLOW_WORKSPACE_ACCESS_ADD && !present)
    g_strv_builder_add (builder, workspace_token);

  if (changed != NULL)
    *changed = change == INFLOW_WORKSPACE_ACCESS_ADD ? !present : present;

  return g_strv_builder_end (builder);
}

/**
 * inflow_workspace_access_get_title:
 * @directory: (nullable): the session's account directory
 * @integration: an integration
 *
 * Returns: (transfer none): the account's name when the directory knows
 *   it, else the account ID, else the provider; never the token, which
 *   the row's subtitle shows then
 */
const char *
inflow_workspace_access_get_title (InflowAccountDirectory *directory,
                                   InflowIntegration      *integration)
{
  const char *account_id;
  const char *name = NULL;

  g_return_val_if_fail (directory == NULL || INFLOW_IS_ACCOUNT_DIRECTORY (directory), NULL);
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), NULL);

  account_id = inflow_integration_get_account_identifier (integration);
  if (directory != NULL && account_id != NULL)
    name = inflow_account_directory_get_title (directory, account_id);

  if (name != NULL)
    return name;
  if (account_id != NULL)
    return account_id;

  return inflow_provider_get_display_name (inflow_integration_get_provider (integration));
}
