/* inflow-client.h: the async client of the Vantage API (v2 and the v1 AWS calls)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-api-error.h"
#include "inflow-aws-access-credential.h"
#include "inflow-aws-provider-info.h"
#include "inflow-cloud-account.h"
#include "inflow-cost-query-result.h"
#include "inflow-integration.h"
#include "inflow-me.h"
#include "inflow-team.h"
#include "inflow-user.h"
#include "inflow-workspace.h"

G_BEGIN_DECLS

/*
 * InflowClient: one signed-in connection to the Vantage API (one SoupSession).
 *
 * Every operation is an _async/_finish pair on GTask. Failures are
 * INFLOW_API_ERROR (see inflow-api-error.h); a cancelled operation fails with
 * G_IO_ERROR_CANCELLED. List operations follow `links.next` to the last page
 * (within the base URL's origin) and report how many items failed to parse
 * in *n_invalid; those items are not in the model.
 *
 * GET requests are retried on network errors and 5xx (exponential backoff,
 * see inflow_client_set_retry_policy()); any request that gets a 429 waits
 * for Retry-After or x-rate-limit-reset within bounds
 * (inflow_client_set_rate_limit_policy()); POST, PUT and DELETE are never
 * retried otherwise. The token goes only to the base URL's origin: redirects
 * and `links.next` elsewhere are refused with INVALID_RESPONSE.
 */

#define INFLOW_CLIENT_DEFAULT_BASE_URL "https://api.vantage.sh"

#define INFLOW_TYPE_CLIENT (inflow_client_get_type ())

G_DECLARE_FINAL_TYPE (InflowClient, inflow_client, INFLOW, CLIENT, GObject)

InflowClient   *inflow_client_new                    (const char           *base_url,
                                                      const char           *token,
                                                      GError              **error);

const char     *inflow_client_get_base_url           (InflowClient         *self);
void            inflow_client_set_token              (InflowClient         *self,
                                                      const char           *token);
gint64          inflow_client_get_rate_limit_limit   (InflowClient         *self);
gint64          inflow_client_get_rate_limit_remaining (InflowClient       *self);
gint64          inflow_client_get_rate_limit_reset   (InflowClient         *self);
GTimeSpan       inflow_client_get_clock_offset       (InflowClient         *self);
gboolean        inflow_client_get_clock_known        (InflowClient         *self);
GDateTime      *inflow_client_get_now                (InflowClient         *self);

void            inflow_client_set_retry_policy       (InflowClient         *self,
                                                      guint                 max_attempts,
                                                      guint                 base_delay_ms);
void            inflow_client_set_rate_limit_policy  (InflowClient         *self,
                                                      guint                 max_retries,
                                                      guint                 max_wait_ms);
void            inflow_client_set_max_response_size  (InflowClient         *self,
                                                      gsize                 max_bytes);
void            inflow_client_set_deadline           (InflowClient         *self,
                                                      guint                 deadline_ms);
void            inflow_client_set_list_budget        (InflowClient         *self,
                                                      guint                 max_requests,
                                                      guint                 max_duration_ms);

/* GET /v2/me */
void            inflow_client_get_me_async           (InflowClient         *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
InflowMe       *inflow_client_get_me_finish          (InflowClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* GET /v2/ping */
void            inflow_client_ping_async             (InflowClient         *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        inflow_client_ping_finish            (InflowClient         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* GET /v2/integrations, every page: a GListModel of InflowIntegration */
void            inflow_client_list_integrations_async (InflowClient        *self,
                                                      const char           *provider,
                                                      const char           *account_identifier,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel     *inflow_client_list_integrations_finish (InflowClient       *self,
                                                      GAsyncResult         *result,
                                                      guint                *n_invalid,
                                                      GError              **error);

/* GET /v2/integrations/{token} */
void            inflow_client_get_integration_async  (InflowClient         *self,
                                                      const char           *integration_token,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
InflowIntegration *inflow_client_get_integration_finish (InflowClient      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* PUT /v2/integrations/{token} {"workspace_tokens": [...]} */
void            inflow_client_update_integration_workspaces_async (InflowClient *self,
                                                      const char           *integration_token,
                                                      const char * const   *workspace_tokens,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
InflowIntegration *inflow_client_update_integration_workspaces_finish (InflowClient *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* DELETE /v2/integrations/{token} */
void            inflow_client_delete_integration_async (InflowClient       *self,
                                                      const char           *integration_token,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        inflow_client_delete_integration_finish (InflowClient      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* GET /v2/workspaces, every page: InflowWorkspace */
void            inflow_client_list_workspaces_async  (InflowClient         *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel     *inflow_client_list_workspaces_finish (InflowClient         *self,
                                                      GAsyncResult         *result,
                                                      guint                *n_invalid,
                                                      GError              **error);

/* GET /v2/cost_provider_accounts, every page: InflowCloudAccount */
void            inflow_client_list_cloud_accounts_async (InflowClient      *self,
                                                      const char           *workspace_token,
                                                      const char           *provider,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel     *inflow_client_list_cloud_accounts_finish (InflowClient     *self,
                                                      GAsyncResult         *result,
                                                      guint                *n_invalid,
                                                      GError              **error);

/* GET /v2/teams, every page: InflowTeam */
void            inflow_client_list_teams_async       (InflowClient         *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel     *inflow_client_list_teams_finish      (InflowClient         *self,
                                                      GAsyncResult         *result,
                                                      guint                *n_invalid,
                                                      GError              **error);

/* GET /v2/users, every page: InflowUser. A 403 is an answer, not an error:
 * an empty model with *permitted = FALSE. */
void            inflow_client_list_users_async       (InflowClient         *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel     *inflow_client_list_users_finish      (InflowClient         *self,
                                                      GAsyncResult         *result,
                                                      gboolean             *permitted,
                                                      guint                *n_invalid,
                                                      GError              **error);

/* GET /v2/costs, one page (limit ≤ 5000; 0 for the server's default) */
void            inflow_client_query_costs_async      (InflowClient         *self,
                                                      const char           *workspace_token,
                                                      const char           *filter,
                                                      const char           *start_date,
                                                      const char           *end_date,
                                                      const char           *groupings,
                                                      const char           *date_bin,
                                                      guint                 limit,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
InflowCostQueryResult *inflow_client_query_costs_finish (InflowClient      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* GET /v1/integrations/aws/info */
void            inflow_client_get_aws_provider_info_async (InflowClient    *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
InflowAwsProviderInfo *inflow_client_get_aws_provider_info_finish (InflowClient *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* POST /v1/integrations/aws */
void            inflow_client_create_aws_integration_async (InflowClient   *self,
                                                      const char           *cross_account_arn,
                                                      const char           *bucket_arn,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
InflowAwsAccessCredential *inflow_client_create_aws_integration_finish (InflowClient *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
