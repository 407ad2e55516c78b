/* model-builders.c: model objects made from a few fields, for the session tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-builders.h"

/* An AWS account as GET /v2/cost_provider_accounts lists it */
InflowCloudAccount *
model_cloud_account (const char *title,
                     const char *account_id,
                     const char *provider_uuid)
{
  g_autofree char *json = g_strdup_printf ("{\"title\":\"%s\",\"account_id\":\"%s\",\"provider_uuid\":\"%s\",\"provider\":\"aws\"}",
                                           title, account_id, provider_uuid);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  InflowCloudAccount *account = inflow_cloud_account_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return account;
}

static InflowIntegration *
integration_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  InflowIntegration *integration = inflow_integration_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return integration;
}

/**
 * model_integration:
 * @account_id: (nullable): the account identifier, or %NULL for none
 * @workspace_tokens: the JSON array's items, like "\"wrkspc_1\",\"wrkspc_2\""
 *
 * Returns: (transfer full): an integration as GET /v2/integrations lists it
 */
InflowIntegration *
model_integration (const char *token,
                   const char *provider,
                   const char *account_id,
                   const char *status,
                   const char *workspace_tokens)
{
  g_autofree char *id = account_id != NULL ? g_strdup_printf ("\"%s\"", account_id) : g_strdup ("null");
  g_autofree char *json = g_strdup_printf ("{\"token\":\"%s\",\"provider\":\"%s\",\"account_identifier\":%s,"
                                           "\"status\":\"%s\",\"workspace_tokens\":[%s],"
                                           "\"created_at\":\"2025-03-04T00:00:00Z\",\"managed_account_tokens\":[]}",
                                           token, provider, id, status, workspace_tokens);

  return integration_from_json (json);
}

/**
 * model_integration_created:
 * @created_at: an ISO 8601 time
 *
 * Returns: (transfer full): a connected AWS integration created at @created_at
 */
InflowIntegration *
model_integration_created (const char *created_at)
{
  g_autofree char *json = g_strdup_printf ("{\"token\":\"accss_crdntl_9\",\"provider\":\"aws\","
                                           "\"account_identifier\":\"123456789012\",\"status\":\"connected\","
                                           "\"workspace_tokens\":[],\"created_at\":\"%s\",\"managed_account_tokens\":[]}",
                                           created_at);

  return integration_from_json (json);
}
