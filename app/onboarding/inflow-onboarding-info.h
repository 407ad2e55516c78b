/* inflow-onboarding-info.h: the Vantage AWS provider information, as plain data
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * InflowVantagePolicy:
 * @INFLOW_VANTAGE_POLICY_ROOT: `policies.root`, the inline policy "root"
 * @INFLOW_VANTAGE_POLICY_AUTOPILOT: `policies.autopilot`, "VantageAutoPilot"
 * @INFLOW_VANTAGE_POLICY_CLOUDWATCH: `policies.cloudwatch`,
 *   "VantageCloudWatchMetricsReadOnly"
 * @INFLOW_VANTAGE_POLICY_S3_REQUEST_METRICS: `policies.s3_request_metrics`;
 *   Vantage returns it, but neither its Terraform module nor Inflow puts it
 *   on the role
 * @INFLOW_VANTAGE_POLICY_RESOURCES: `policies.resources`,
 *   "VantageAdditionalResourceReadOnly"
 * @INFLOW_N_VANTAGE_POLICIES: the number of policies
 *
 * The policy documents `GET /v1/integrations/aws/info` returns.
 */
typedef enum
{
  INFLOW_VANTAGE_POLICY_ROOT,
  INFLOW_VANTAGE_POLICY_AUTOPILOT,
  INFLOW_VANTAGE_POLICY_CLOUDWATCH,
  INFLOW_VANTAGE_POLICY_S3_REQUEST_METRICS,
  INFLOW_VANTAGE_POLICY_RESOURCES,
  INFLOW_N_VANTAGE_POLICIES,
} InflowVantagePolicy;

/**
 * InflowOnboardingInfo:
 * @external_id: the `sts:ExternalId` the trust policy requires
 * @vantage_role_arn: `iam_role_arn`, Vantage's principal the role trusts
 * @vantage_id: (nullable): `vantage_id`
 * @policies: each policy document (a JSON object), %NULL when absent
 *
 * The AWS provider information of a Vantage account, decoupled from the
 * model objects so the generators can be used and tested alone. The struct
 * owns its strings and nodes.
 */
typedef struct
{
  char     *external_id;
  char     *vantage_role_arn;
  char     *vantage_id;
  JsonNode *policies[INFLOW_N_VANTAGE_POLICIES];
} InflowOnboardingInfo;

InflowOnboardingInfo *inflow_onboarding_info_new              (const char                 *external_id,
                                                               const char                 *vantage_role_arn);
InflowOnboardingInfo *inflow_onboarding_info_new_from_json    (JsonObject                 *object,
                                                               GError                    **error);
InflowOnboardingInfo *inflow_onboarding_info_copy             (const InflowOnboardingInfo *info);
void                  inflow_onboarding_info_free             (InflowOnboardingInfo       *info);
gboolean              inflow_onboarding_info_set_policy_text  (InflowOnboardingInfo       *info,
                                                               InflowVantagePolicy         policy,
                                                               const char                 *text,
                                                               GError                    **error);
void                  inflow_onboarding_info_set_policy       (InflowOnboardingInfo       *info,
                                                               InflowVantagePolicy         policy,
                                                               JsonNode                   *document);
gboolean              inflow_onboarding_info_validate         (const InflowOnboardingInfo *info,
                                                               GError                    **error);

const char           *inflow_vantage_policy_get_key           (InflowVantagePolicy         policy);
const char           *inflow_vantage_policy_get_role_policy_name (InflowVantagePolicy      policy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowOnboardingInfo, inflow_onboarding_info_free)

G_END_DECLS
