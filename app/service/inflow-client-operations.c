/* inflow-client-operations.c: the typed API calls of InflowClient
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One _async/_finish pair per API operation. Each _async builds the URI (and
 * JSON body), creates the GTask with its own source tag, and hands it to
 * inflow-call.c, which runs the request(s) and parses the model(s); each
 * _finish checks the task and its source tag.
 */

#define G_LOG_DOMAIN "inflow-service"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "inflow-call.h"
#include "inflow-client-private.h"
#include "inflow-client.h"

#define PAGE_LIMIT      "1000"
#define MAX_COSTS_LIMIT 5000

/* Query strings */

static void
query_add (GString    *query,
           const char *name,
           const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  escaped = g_uri_escape_string (value, NULL, FALSE);
  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%s", name, escaped);
}

static char *
token_path (const char *prefix,
            const char *token)
{
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);

  return g_strconcat (prefix, escaped, NULL);
}

static GTask *
client_task_new (InflowClient        *self,
                 gpointer             source_tag,
                 const char          *name,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);

  return task;
}

#define CHECK_FINISH(self, result, tag, fail)                                     \
  G_STMT_START {                                                                  \
    g_return_val_if_fail (INFLOW_IS_CLIENT (self), fail);                         \
    g_return_val_if_fail (g_task_is_valid (result, self), fail);                  \
    g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == (tag), fail); \
  } G_STMT_END

/* The model constructors, as InflowModelFromJson. */

static gpointer
parse_me (JsonObject  *object,
          GError     **error)
{
  return inflow_me_new_from_json (object, error);
}

static gpointer
parse_integration (JsonObject  *object,
                   GError     **error)
{
  return inflow_integration_new_from_json (object, error);
}

static gpointer
parse_workspace (JsonObject  *object,
                 GError     **error)
{
  return inflow_workspace_new_from_json (object, error);
}

static gpointer
parse_cloud_account (JsonObject  *object,
                     GError     **error)
{
  return inflow_cloud_account_new_from_json (object, error);
}

static gpointer
parse_team (JsonObject  *object,
            GError     **error)
{
  return inflow_team_new_from_json (object, error);
}

static gpointer
parse_user (JsonObject  *object,
            GError     **error)
{
  return inflow_user_new_from_json (object, error);
}

static gpointer
parse_cost_query_result (JsonObject  *object,
                         GError     **error)
{
  return inflow_cost_query_result_new_from_json (object, error);
}

static gpointer
parse_aws_provider_info (JsonObject  *object,
                         GError     **error)
{
  return inflow_aws_provider_info_new_from_json (object, error);
}

static gpointer
parse_aws_access_credential (JsonObject  *object,
                             GError     **error)
{
  return inflow_aws_access_credential_new_from_json (object, error);
}

static GBytes *
json_body (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *data;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* GET /v2/me */

void
inflow_client_get_me_async (InflowClient        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  uri = _inflow_client_build_uri (self, "v2", "/me", NULL);
  inflow_call_object (client_task_new (self, inflow_client_get_me_async, "[inflow] get me",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_GET, uri, NULL, parse_me);
}

/**
 * inflow_client_get_me_finish:
 *
 * Returns: (transfer full): what the token is (`GET /v2/me`)
 */
InflowMe *
inflow_client_get_me_finish (InflowClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_get_me_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /v2/ping */

void
inflow_client_ping_async (InflowClient        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  uri = _inflow_client_build_uri (self, "v2", "/ping", NULL);
  inflow_call_object (client_task_new (self, inflow_client_ping_async, "[inflow] ping",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_GET, uri, NULL, NULL);
}

/**
 * inflow_client_ping_finish:
 *
 * Returns: %TRUE when the API answered 2xx
 */
gboolean
inflow_client_ping_finish (InflowClient  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_ping_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GET /v2/integrations */

/**
 * inflow_client_list_integrations_async:
 * @provider: (nullable): a provider key such as "aws"
 * @account_identifier: (nullable): needs @provider
 */
void
inflow_client_list_integrations_async (InflowClient        *self,
                                       const char          *provider,
                                       const char          *account_identifier,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (account_identifier == NULL || provider != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  query_add (query, "provider", provider);
  query_add (query, "account_identifier", account_identifier);
  query_add (query, "limit", PAGE_LIMIT);
  uri = _inflow_client_build_uri (self, "v2", "/integrations", query);
  inflow_call_list (client_task_new (self, inflow_client_list_integrations_async,
                                     "[inflow] list integrations",
                                     cancellable, callback, user_data),
                    uri, "integrations", INFLOW_TYPE_INTEGRATION, parse_integration, FALSE);
}

/**
 * inflow_client_list_integrations_finish:
 * @n_invalid: (out) (optional): how many items failed to parse
 *
 * Returns: (transfer full): a #GListModel of #InflowIntegration
 */
GListModel *
inflow_client_list_integrations_finish (InflowClient  *self,
                                        GAsyncResult  *result,
                                        guint         *n_invalid,
                                        GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_list_integrations_async, NULL);

  return inflow_call_list_finish (G_TASK (result), NULL, n_invalid, error);
}

/* GET /v2/integrations/{token} */

void
inflow_client_get_integration_async (InflowClient        *self,
                                     const char          *integration_token,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (integration_token != NULL && *integration_token != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  path = token_path ("/integrations/", integration_token);
  uri = _inflow_client_build_uri (self, "v2", path, NULL);
  inflow_call_object (client_task_new (self, inflow_client_get_integration_async,
                                       "[inflow] get integration",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_GET, uri, NULL, parse_integration);
}

/**
 * inflow_client_get_integration_finish:
 *
 * Returns: (transfer full): the integration
 */
InflowIntegration *
inflow_client_get_integration_finish (InflowClient  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_get_integration_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* PUT /v2/integrations/{token} */

/**
 * inflow_client_update_integration_workspaces_async:
 * @workspace_tokens: the complete new set of workspaces (may be empty)
 *
 * Never retried except after a 429.
 */
void
inflow_client_update_integration_workspaces_async (InflowClient        *self,
                                                   const char          *integration_token,
                                                   const char * const  *workspace_tokens,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GBytes) body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (integration_token != NULL && *integration_token != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "workspace_tokens");
  json_builder_begin_array (builder);
  for (guint i = 0; workspace_tokens != NULL && workspace_tokens[i] != NULL; i++)
    json_builder_add_string_value (builder, workspace_tokens[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_body (builder);

  path = token_path ("/integrations/", integration_token);
  uri = _inflow_client_build_uri (self, "v2", path, NULL);
  inflow_call_object (client_task_new (self, inflow_client_update_integration_workspaces_async,
                                       "[inflow] update integration workspaces",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_PUT, uri, body, parse_integration);
}

/**
 * inflow_client_update_integration_workspaces_finish:
 *
 * Returns: (transfer full): the integration as updated
 */
InflowIntegration *
inflow_client_update_integration_workspaces_finish (InflowClient  *self,
                                                    GAsyncResult  *result,
                                                    GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_update_integration_workspaces_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* DELETE /v2/integrations/{token} */

void
inflow_client_delete_integration_async (InflowClient        *self,
                                        const char          *integration_token,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (integration_token != NULL && *integration_token != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  path = token_path ("/integrations/", integration_token);
  uri = _inflow_client_build_uri (self, "v2", path, NULL);
  inflow_call_object (client_task_new (self, inflow_client_delete_integration_async,
                                       "[inflow] delete integration",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_DELETE, uri, NULL, NULL);
}

/**
 * inflow_client_delete_integration_finish:
 *
 * Returns: %TRUE when the integration was deleted (204)
 */
gboolean
inflow_client_delete_integration_finish (InflowClient  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_delete_integration_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GET /v2/workspaces */

void
inflow_client_list_workspaces_async (InflowClient        *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  query_add (query, "limit", PAGE_LIMIT);
  uri = _inflow_client_build_uri (self, "v2", "/workspaces", query);
  inflow_call_list (client_task_new (self, inflow_client_list_workspaces_async,
                                     "[inflow] list workspaces",
                                     cancellable, callback, user_data),
                    uri, "workspaces", INFLOW_TYPE_WORKSPACE, parse_workspace, FALSE);
}

/**
 * inflow_client_list_workspaces_finish:
 * @n_invalid: (out) (optional): how many items failed to parse
 *
 * Returns: (transfer full): a #GListModel of #InflowWorkspace
 */
GListModel *
inflow_client_list_workspaces_finish (InflowClient  *self,
                                      GAsyncResult  *result,
                                      guint         *n_invalid,
                                      GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_list_workspaces_async, NULL);

  return inflow_call_list_finish (G_TASK (result), NULL, n_invalid, error);
}

/* GET /v2/cost_provider_accounts */

/**
 * inflow_client_list_cloud_accounts_async:
 * @workspace_token: (nullable): needed when the token sees several workspaces
 * @provider: (nullable): a provider key such as "aws"
 *
 * The spec gives this endpoint no `page`/`limit`, so none are sent; its
 * `links.next` is followed all the same.
 */
void
inflow_client_list_cloud_accounts_async (InflowClient        *self,
                                         const char          *workspace_token,
                                         const char          *provider,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  query_add (query, "workspace_token", workspace_token);
  query_add (query, "provider", provider);
  uri = _inflow_client_build_uri (self, "v2", "/cost_provider_accounts", query);
  inflow_call_list (client_task_new (self, inflow_client_list_cloud_accounts_async,
                                     "[inflow] list cloud accounts",
                                     cancellable, callback, user_data),
                    uri, "cost_provider_accounts", INFLOW_TYPE_CLOUD_ACCOUNT,
                    parse_cloud_account, FALSE);
}

/**
 * inflow_client_list_cloud_accounts_finish:
 * @n_invalid: (out) (optional): how many items failed to parse
 *
 * Returns: (transfer full): a #GListModel of #InflowCloudAccount
 */
GListModel *
inflow_client_list_cloud_accounts_finish (InflowClient  *self,
                                          GAsyncResult  *result,
                                          guint         *n_invalid,
                                          GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_list_cloud_accounts_async, NULL);

  return inflow_call_list_finish (G_TASK (result), NULL, n_invalid, error);
}

/* GET /v2/teams */

void
inflow_client_list_teams_async (InflowClient        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  query_add (query, "limit", PAGE_LIMIT);
  uri = _inflow_client_build_uri (self, "v2", "/teams", query);
  inflow_call_list (client_task_new (self, inflow_client_list_teams_async,
                                     "[inflow] list teams",
                                     cancellable, callback, user_data),
                    uri, "teams", INFLOW_TYPE_TEAM, parse_team, FALSE);
}

/**
 * inflow_client_list_teams_finish:
 * @n_invalid: (out) (optional): how many items failed to parse
 *
 * Returns: (transfer full): a #GListModel of #InflowTeam
 */
GListModel *
inflow_client_list_teams_finish (InflowClient  *self,
                                 GAsyncResult  *result,
                                 guint         *n_invalid,
                                 GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_list_teams_async, NULL);

  return inflow_call_list_finish (G_TASK (result), NULL, n_invalid, error);
}

/* GET /v2/users */

void
inflow_client_list_users_async (InflowClient        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  query_add (query, "limit", PAGE_LIMIT);
  uri = _inflow_client_build_uri (self, "v2", "/users", query);
  inflow_call_list (client_task_new (self, inflow_client_list_users_async,
                                     "[inflow] list users",
                                     cancellable, callback, user_data),
                    uri, "users", INFLOW_TYPE_USER, parse_user, TRUE);
}

/**
 * inflow_client_list_users_finish:
 * @permitted: (out) (optional): %FALSE when the token may not list users
 *   (the server answered 403); the model is then empty and no error is set
 * @n_invalid: (out) (optional): how many items failed to parse
 *
 * Returns: (transfer full): a #GListModel of #InflowUser
 */
GListModel *
inflow_client_list_users_finish (InflowClient  *self,
                                 GAsyncResult  *result,
                                 gboolean      *permitted,
                                 guint         *n_invalid,
                                 GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_list_users_async, NULL);

  return inflow_call_list_finish (G_TASK (result), permitted, n_invalid, error);
}

/* GET /v2/costs */

/**
 * inflow_client_query_costs_async:
 * @workspace_token: (nullable): `workspace_token`
 * @filter: (nullable): `filter`, a VQL expression
 * @start_date: (nullable): `start_date`, YYYY-MM-DD
 * @end_date: (nullable): `end_date`, YYYY-MM-DD (the last day)
 * @groupings: (nullable): `groupings`, comma-separated
 * @date_bin: (nullable): `date_bin`: day, week, month, quarter or hour
 * @limit: `limit`, at most 5000; 0 for the server's default
 *
 * One page of `GET /v2/costs`.
 */
void
inflow_client_query_costs_async (InflowClient        *self,
                                 const char          *workspace_token,
                                 const char          *filter,
                                 const char          *start_date,
                                 const char          *end_date,
                                 const char          *groupings,
                                 const char          *date_bin,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (limit <= MAX_COSTS_LIMIT);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  query_add (query, "workspace_token", workspace_token);
  query_add (query, "filter", filter);
  query_add (query, "start_date", start_date);
  query_add (query, "end_date", end_date);
  query_add (query, "groupings", groupings);
  query_add (query, "date_bin", date_bin);
  if (limit > 0)
    {
      char limit_string[16];

      g_snprintf (limit_string, sizeof limit_string, "%u", limit);
      query_add (query, "limit", limit_string);
    }

  uri = _inflow_client_build_uri (self, "v2", "/costs", query);
  inflow_call_object (client_task_new (self, inflow_client_query_costs_async,
                                       "[inflow] query costs",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_GET, uri, NULL, parse_cost_query_result);
}

/**
 * inflow_client_query_costs_finish:
 *
 * Returns: (transfer full): the costs of the first page
 */
InflowCostQueryResult *
inflow_client_query_costs_finish (InflowClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_query_costs_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET /v1/integrations/aws/info */

void
inflow_client_get_aws_provider_info_async (InflowClient        *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  uri = _inflow_client_build_uri (self, "v1", "/integrations/aws/info", NULL);
  inflow_call_object (client_task_new (self, inflow_client_get_aws_provider_info_async,
                                       "[inflow] get AWS provider info",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_GET, uri, NULL, parse_aws_provider_info);
}

/**
 * inflow_client_get_aws_provider_info_finish:
 *
 * Returns: (transfer full): the external ID, principal and policies
 */
InflowAwsProviderInfo *
inflow_client_get_aws_provider_info_finish (InflowClient  *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_get_aws_provider_info_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* POST /v1/integrations/aws */

/**
 * inflow_client_create_aws_integration_async:
 * @cross_account_arn: the ARN of the role created in the AWS account
 * @bucket_arn: (nullable): the CUR bucket (management account only)
 *
 * Never retried except after a 429.
 */
void
inflow_client_create_aws_integration_async (InflowClient        *self,
                                            const char          *cross_account_arn,
                                            const char          *bucket_arn,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (cross_account_arn != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cross_account_arn");
  json_builder_add_string_value (builder, cross_account_arn);
  if (bucket_arn != NULL)
    {
      json_builder_set_member_name (builder, "bucket_arn");
      json_builder_add_string_value (builder, bucket_arn);
    }
  json_builder_end_object (builder);
  body = json_body (builder);

  uri = _inflow_client_build_uri (self, "v1", "/integrations/aws", NULL);
  inflow_call_object (client_task_new (self, inflow_client_create_aws_integration_async,
                                       "[inflow] create AWS integration",
                                       cancellable, callback, user_data),
                      SOUP_METHOD_POST, uri, body, parse_aws_access_credential);
}

/**
 * inflow_client_create_aws_integration_finish:
 *
 * Returns: (transfer full): the v1 access credential (its `id` is not the
 *   v2 integration token)
 */
InflowAwsAccessCredential *
inflow_client_create_aws_integration_finish (InflowClient  *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  CHECK_FINISH (self, result, inflow_client_create_aws_integration_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
