/* inflow-workspace-access.c: change which workspaces show an integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-workspace-access.h"

G_DEFINE_ENUM_TYPE (InflowWorkspaceAccessChange, inflow_workspace_access_change,
                    G_DEFINE_ENUM_VALUE (INFLOW_WORKSPACE_ACCESS_ADD, "add"),
                    G_DEFINE_ENUM_VALUE (INFLOW_WORKSPACE_ACCESS_REMOVE, "remove"))

/* The API takes the complete list of workspaces in a PUT (research §3.4), so
 * a change made from a list fetched minutes ago would undo whatever another
 * client changed since. Each change therefore reads the integration fresh,
 * applies only the one workspace the user touched, and writes that.
 *
 * A PUT that fails without a clear refusal (the connection broke, the server
 * failed, the answer came back garbled) may or may not have been applied:
 * the integration is read once more, and the change counts as made when it
 * is there. */

typedef struct
{
  InflowClient                *client;
  char                        *integration_token;
  char                        *workspace_token;
  InflowWorkspaceAccessChange  change;
  gboolean                     sent;
  GError                      *put_error;   /* while checking an uncertain PUT */
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  g_clear_object (&data->client);
  g_clear_pointer (&data->integration_token, g_free);
  g_clear_pointer (&data->workspace_token, g_free);
  g_clear_error (&data->put_error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeData, change_data_free)

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

/* After an uncertain PUT: the change is made if the integration has it. */
static void
check_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChangeData *data = g_task_get_task_data (task);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  integration = inflow_client_get_integration_finish (INFLOW_CLIENT (source), result, &error);
  if (integration != NULL &&
      inflow_workspace_access_holds (inflow_integration_get_workspace_tokens (integration),
                                     data->workspace_token, data->change))
    {
      g_debug ("The uncertain PUT /integrations/%s was applied", data->integration_token);
      g_task_return_pointer (task, g_steal_pointer (&integration), g_object_unref);
      return;
    }

  g_task_return_error (task, g_steal_pointer (&data->put_error));
}

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChangeData *data = g_task_get_task_data (task);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  integration = inflow_client_update_integration_workspaces_finish (INFLOW_CLIENT (source), result, &error);
  if (integration == NULL)
    {
      /* A 429 or any 4xx is a clear refusal; anything else is uncertain */
      if (!inflow_api_error_is_transient (error) ||
          g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      data->put_error = g_steal_pointer (&error);
      inflow_client_get_integration_async (data->client, data->integration_token,
                                           g_task_get_cancellable (task), check_cb, g_object_ref (task));
      return;
    }

  if (!inflow_workspace_access_holds (inflow_integration_get_workspace_tokens (integration),
                                      data->workspace_token, data->change))
    {
      g_debug ("PUT /integrations/%s answered without the change to %s",
               data->integration_token, data->workspace_token);
      g_task_return_new_error (task, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                               "%s", _("Vantage answered without the change. Reload the list and try again."));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&integration), g_object_unref);
}

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChangeData *data = g_task_get_task_data (task);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) workspaces = NULL;
  gboolean changed = FALSE;

  integration = inflow_client_get_integration_finish (INFLOW_CLIENT (source), result, &error);
  if (integration == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  workspaces = inflow_workspace_access_apply (inflow_integration_get_workspace_tokens (integration),
                                              data->workspace_token, data->change, &changed);
  if (!changed)
    {
      /* Someone else made the same change already: nothing to send. */
      g_task_return_pointer (task, g_steal_pointer (&integration), g_object_unref);
      return;
    }

  data->sent = TRUE;
  inflow_client_update_integration_workspaces_async (data->client,
                                                     data->integration_token,
                                                     (const char * const *) workspaces,
                                                     g_task_get_cancellable (task),
                                                     put_cb,
                                                     g_object_ref (task));
}

/**
 * inflow_workspace_access_change_async:
 * @client: the client
 * @integration_token: the integration
 * @workspace_token: the workspace to add or remove
 * @change: which
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Changes one workspace of one integration by read-modify-write.
 */
void
inflow_workspace_access_change_async (InflowClient                *client,
                                      const char                  *integration_token,
                                      const char                  *workspace_token,
                                      InflowWorkspaceAccessChange  change,
                                      GCancellable                *cancellable,
                                      GAsyncReadyCallback          callback,
                                      gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ChangeData) data = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (client));
  g_return_if_fail (integration_token != NULL);
  g_return_if_fail (workspace_token != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ChangeData, 1);
  data->client = g_object_ref (client);
  data->integration_token = g_strdup (integration_token);
  data->workspace_token = g_strdup (workspace_token);
  data->change = change;

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_workspace_access_change_async);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) change_data_free);

  inflow_client_get_integration_async (client, integration_token, cancellable,
                                       get_cb, g_steal_pointer (&task));
}

/**
 * inflow_workspace_access_change_finish:
 * @result: the result
 * @sent: (out) (optional): whether a PUT was sent (FALSE when the
 *   integration already was as asked)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the integration as the API now has it
 */
InflowIntegration *
inflow_workspace_access_change_finish (GAsyncResult  *result,
                                       gboolean      *sent,
                                       GError       **error)
{
  GTask *task = G_TASK (result);
  ChangeData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == inflow_workspace_access_change_async, NULL);

  data = g_task_get_task_data (task);
  if (sent != NULL)
    *sent = data->sent;

  return g_task_propagate_pointer (task, error);
}

/**
 * inflow_workspace_access_get_title:
 * @directory: (nullable): the session's account directory
 * @integration: an integration
 *
 * Returns: (transfer none): the account's name when the directory knows
 *   it, else the account ID, else the integration's token
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

  return inflow_integration_get_token (integration);
}
