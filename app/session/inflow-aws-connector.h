/* inflow-aws-connector.h: registering a role with Vantage and finding the new integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-aws-provider-info.h"
#include "inflow-client.h"
#include "inflow-database.h"
#include "inflow-integration.h"
#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_AWS_CONNECTOR_ERROR (inflow_aws_connector_error_quark ())

/**
 * InflowAwsConnectorError:
 * @INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED: Vantage accepted the role, but no
 *   AWS integration of its account was listed after every attempt; it
 *   usually appears a little later
 * @INFLOW_AWS_CONNECTOR_ERROR_INVALID_RECORD: a stored record is not one
 *   Inflow wrote
 */
typedef enum
{
  INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED,
  INFLOW_AWS_CONNECTOR_ERROR_INVALID_RECORD,
} InflowAwsConnectorError;

/**
 * InflowAwsConnectStage:
 * @INFLOW_AWS_CONNECT_STAGE_IDLE: nothing runs
 * @INFLOW_AWS_CONNECT_STAGE_REGISTERING: `POST /v1/integrations/aws`
 * @INFLOW_AWS_CONNECT_STAGE_FINDING: listing the account's integrations,
 *   with a pause between attempts
 * @INFLOW_AWS_CONNECT_STAGE_RECORDING: writing the record for Update
 *   permissions
 * @INFLOW_AWS_CONNECT_STAGE_DONE: the last connection finished (or failed)
 */
typedef enum
{
  INFLOW_AWS_CONNECT_STAGE_IDLE,
  INFLOW_AWS_CONNECT_STAGE_REGISTERING,
  INFLOW_AWS_CONNECT_STAGE_FINDING,
  INFLOW_AWS_CONNECT_STAGE_RECORDING,
  INFLOW_AWS_CONNECT_STAGE_DONE,
} InflowAwsConnectStage;

/**
 * InflowAwsConnectionRecord:
 * @info: the provider info the role was made from
 * @choices: how the role was made (kind, partition, names, bucket)
 * @role_arn: the role registered with Vantage
 * @bucket_arn: (nullable): the CUR bucket registered with it
 * @connected_at: (nullable): when, in server time
 *
 * What Inflow recorded when it connected an account. It is kept in the
 * database's cached lists as kind "aws-provider-info:<integration token>"
 * (see inflow_aws_connection_record_kind()), as JSON.
 */
typedef struct
{
  InflowOnboardingInfo    *info;
  InflowOnboardingChoices *choices;
  char                    *role_arn;
  char                    *bucket_arn;
  GDateTime               *connected_at;
} InflowAwsConnectionRecord;

#define INFLOW_AWS_CONNECTION_RECORD_PREFIX "aws-provider-info:"

GQuark                     inflow_aws_connector_error_quark        (void);

InflowOnboardingInfo      *inflow_onboarding_info_new_from_provider_info (InflowAwsProviderInfo  *provider_info,
                                                                    GError                **error);
JsonNode                  *inflow_onboarding_info_to_json          (const InflowOnboardingInfo *info);

gboolean                   inflow_aws_management_is_connected      (GListModel             *integrations,
                                                                    GListModel             *cloud_accounts);
InflowIntegration         *inflow_aws_find_integration             (GListModel             *integrations,
                                                                    const char             *account_id);
char                      *inflow_aws_dup_account_label            (InflowSession          *session,
                                                                    const char             *account_id);
gboolean                   inflow_aws_update_account_label         (InflowSession          *session,
                                                                    const char             *account_id,
                                                                    char                  **label);

/* GovCloud (US): Vantage ingests the costs (through the paired standard
 * account) but syncs no Active Resources. For the mark on accounts and
 * integrations. */
const char                *inflow_aws_govcloud_coverage_words      (void);
const char                *inflow_aws_govcloud_coverage_description (void);
gboolean                   inflow_aws_integration_is_govcloud      (InflowSession          *session,
                                                                    InflowIntegration      *integration);

InflowAwsConnectionRecord *inflow_aws_connection_record_new        (const InflowOnboardingInfo    *info,
                                                                    const InflowOnboardingChoices *choices,
                                                                    const char                    *role_arn,
                                                                    const char                    *bucket_arn,
                                                                    GDateTime                     *connected_at);
InflowAwsConnectionRecord *inflow_aws_connection_record_new_from_json (const char      *json,
                                                                    GError                **error);
char                      *inflow_aws_connection_record_to_json    (const InflowAwsConnectionRecord *record);
void                       inflow_aws_connection_record_free       (InflowAwsConnectionRecord *record);
char                      *inflow_aws_connection_record_kind       (const char             *integration_token);

/* Reads the record of @integration_token; succeeds with %NULL when there is
 * none (the integration was connected elsewhere). @database may be %NULL:
 * then only records made in this run (kept in memory) are found. */
void                       inflow_aws_connection_record_load_async (InflowDatabase         *database,
                                                                    const char             *profile_id,
                                                                    const char             *integration_token,
                                                                    GCancellable           *cancellable,
                                                                    GAsyncReadyCallback     callback,
                                                                    gpointer                user_data);
InflowAwsConnectionRecord *inflow_aws_connection_record_load_finish (GAsyncResult          *result,
                                                                    GError                **error);
void                       inflow_aws_connection_record_save_async (InflowDatabase         *database,
                                                                    const char             *profile_id,
                                                                    const char             *integration_token,
                                                                    const InflowAwsConnectionRecord *record,
                                                                    GCancellable           *cancellable,
                                                                    GAsyncReadyCallback     callback,
                                                                    gpointer                user_data);
gboolean                   inflow_aws_connection_record_save_finish (GAsyncResult          *result,
                                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowAwsConnectionRecord, inflow_aws_connection_record_free)

#define INFLOW_TYPE_AWS_CONNECTOR (inflow_aws_connector_get_type ())

G_DECLARE_FINAL_TYPE (InflowAwsConnector, inflow_aws_connector, INFLOW, AWS_CONNECTOR, GObject)

InflowAwsConnector        *inflow_aws_connector_new                (InflowClient           *client,
                                                                    InflowDatabase         *database,
                                                                    const char             *profile_id);
void                       inflow_aws_connector_set_find_policy    (InflowAwsConnector     *self,
                                                                    guint                   max_attempts,
                                                                    guint                   delay_ms);
InflowAwsConnectStage      inflow_aws_connector_get_stage          (InflowAwsConnector     *self);
gboolean                   inflow_aws_connector_get_recorded       (InflowAwsConnector     *self);
GDateTime                 *inflow_aws_connector_dup_now            (InflowAwsConnector     *self);

void                       inflow_aws_connector_load_info_async    (InflowAwsConnector     *self,
                                                                    GCancellable           *cancellable,
                                                                    GAsyncReadyCallback     callback,
                                                                    gpointer                user_data);
InflowOnboardingInfo      *inflow_aws_connector_load_info_finish   (InflowAwsConnector     *self,
                                                                    GAsyncResult           *result,
                                                                    GError                **error);
void                       inflow_aws_connector_load_record_async  (InflowAwsConnector     *self,
                                                                    const char             *integration_token,
                                                                    GCancellable           *cancellable,
                                                                    GAsyncReadyCallback     callback,
                                                                    gpointer                user_data);
InflowAwsConnectionRecord *inflow_aws_connector_load_record_finish (InflowAwsConnector     *self,
                                                                    GAsyncResult           *result,
                                                                    GError                **error);

/* POST /v1/integrations/aws with @role_arn (and @bucket_arn), then lists the
 * AWS integrations of the role's account until the new one appears, then
 * records @info and @choices for Update permissions. A failure to record is
 * logged, not returned (see inflow_aws_connector_get_recorded()). Every
 * integration the connector finds, it announces with ::integration-found. */
void                       inflow_aws_connector_connect_async      (InflowAwsConnector            *self,
                                                                    const char                    *role_arn,
                                                                    const char                    *bucket_arn,
                                                                    const InflowOnboardingInfo    *info,
                                                                    const InflowOnboardingChoices *choices,
                                                                    GCancellable                  *cancellable,
                                                                    GAsyncReadyCallback            callback,
                                                                    gpointer                       user_data);
InflowIntegration         *inflow_aws_connector_connect_finish     (InflowAwsConnector     *self,
                                                                    GAsyncResult           *result,
                                                                    GError                **error);

/* POST only, for StackSet members; find_async() later finds (and records)
 * what was registered. */
void                       inflow_aws_connector_register_async     (InflowAwsConnector            *self,
                                                                    const char                    *role_arn,
                                                                    const InflowOnboardingInfo    *info,
                                                                    const InflowOnboardingChoices *choices,
                                                                    GCancellable                  *cancellable,
                                                                    GAsyncReadyCallback            callback,
                                                                    gpointer                       user_data);
gboolean                   inflow_aws_connector_register_finish    (InflowAwsConnector     *self,
                                                                    GAsyncResult           *result,
                                                                    GError                **error);
void                       inflow_aws_connector_find_async         (InflowAwsConnector     *self,
                                                                    const char * const     *account_ids,
                                                                    GCancellable           *cancellable,
                                                                    GAsyncReadyCallback     callback,
                                                                    gpointer                user_data);
GPtrArray                 *inflow_aws_connector_find_finish        (InflowAwsConnector     *self,
                                                                    GAsyncResult           *result,
                                                                    GError                **error);

/* A budgeted poll of the AWS integrations until one not in @known (of
 * @account_id, when given) appears, as Terraform or Vantage's own stack
 * register it. */
void                       inflow_aws_connector_wait_async         (InflowAwsConnector     *self,
                                                                    const char             *account_id,
                                                                    GListModel             *known,
                                                                    GCancellable           *cancellable,
                                                                    GAsyncReadyCallback     callback,
                                                                    gpointer                user_data);
InflowIntegration         *inflow_aws_connector_wait_finish        (InflowAwsConnector     *self,
                                                                    GAsyncResult           *result,
                                                                    GError                **error);

G_END_DECLS
