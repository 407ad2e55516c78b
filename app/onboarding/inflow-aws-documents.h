/* inflow-aws-documents.h: the IAM and S3 documents a connection needs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

/* Facts of Vantage's AWS side, from its Terraform module. */
#define INFLOW_VANTAGE_AWS_ACCOUNT_ID        "630399649041"
#define INFLOW_CUR_TOPIC_NAME                "cost-and-usage-report-uploaded"
#define INFLOW_CUR_LIFECYCLE_RULE_ID         "remove-old-reports"
#define INFLOW_CUR_LIFECYCLE_DAYS            200
#define INFLOW_CUR_OBJECT_SUFFIX             ".csv.gz"
#define INFLOW_CUR_NOTIFICATION_EVENT        "s3:ObjectCreated:*"
#define INFLOW_CUR_RETRIEVAL_POLICY_NAME     "VantageCostandUsageReportRetrieval"
#define INFLOW_CUR_API_REGION                "us-east-1"
#define INFLOW_POLICY_VERSION                "2012-10-17"
#define INFLOW_CUR2_TABLE                    "COST_AND_USAGE_REPORT"
#define INFLOW_HTTPS_ONLY_SID                "AllowSSLRequestsOnly"

/**
 * InflowDocumentStyle:
 * @INFLOW_DOCUMENT_STYLE_LITERAL: every value written out
 * @INFLOW_DOCUMENT_STYLE_CLOUDFORMATION: the account ID as
 *   `${AWS::AccountId}` inside `Fn::Sub`, the role ARN as `Fn::GetAtt`
 */
typedef enum
{
  INFLOW_DOCUMENT_STYLE_LITERAL,
  INFLOW_DOCUMENT_STYLE_CLOUDFORMATION,
} InflowDocumentStyle;

/**
 * InflowNamedPolicy:
 * @name: the inline policy name on the role
 * @document: the policy document
 */
typedef struct
{
  char     *name;
  JsonNode *document;
} InflowNamedPolicy;

gboolean           inflow_onboarding_check_inputs         (const InflowOnboardingInfo    *info,
                                                           const InflowOnboardingChoices *choices,
                                                           GError                       **error);

InflowNamedPolicy *inflow_named_policy_new                (const char                    *name,
                                                           JsonNode                      *document);
void               inflow_named_policy_free               (InflowNamedPolicy             *policy);

JsonNode          *inflow_aws_trust_policy_new            (const InflowOnboardingInfo    *info);
GPtrArray         *inflow_aws_role_policies_new           (const InflowOnboardingInfo    *info,
                                                           const InflowOnboardingChoices *choices,
                                                           GError                       **error);
JsonNode          *inflow_aws_cur_retrieval_policy_new    (const InflowOnboardingChoices *choices);
JsonNode          *inflow_aws_bucket_policy_new           (InflowDocumentStyle            style,
                                                           const InflowOnboardingChoices *choices,
                                                           const char                    *account_id,
                                                           const char                    *role_arn);
JsonNode          *inflow_aws_report_definition_new       (const InflowOnboardingChoices *choices);
JsonNode          *inflow_aws_data_export_new             (InflowDocumentStyle            style,
                                                           const InflowOnboardingChoices *choices,
                                                           const char                    *account_id);
const char * const *inflow_aws_cur2_get_columns           (void);
char              *inflow_aws_cur2_query_statement        (void);
char              *inflow_aws_report_objects_arn          (const InflowOnboardingChoices *choices);
JsonNode          *inflow_aws_bucket_notification_new     (const InflowOnboardingChoices *choices);
JsonNode          *inflow_aws_bucket_lifecycle_new        (void);
const char        *inflow_aws_view_only_policy_arn        (InflowAwsPartition             partition);
char              *inflow_aws_cur_topic_arn               (const char                    *region);
char              *inflow_json_to_string                  (JsonNode                      *node,
                                                           gboolean                       pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowNamedPolicy, inflow_named_policy_free)

G_END_DECLS
