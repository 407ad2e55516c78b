/* inflow-cfn-template.h: the CloudFormation template, its links and commands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

#define INFLOW_CFN_ROLE_RESOURCE          "VantageCrossAccountRole"
#define INFLOW_CFN_BUCKET_RESOURCE        "VantageCostAndUsageReportBucket"
#define INFLOW_CFN_BUCKET_POLICY_RESOURCE "VantageCostAndUsageReportBucketPolicy"
#define INFLOW_CFN_REPORT_RESOURCE        "VantageCostAndUsageReport"
#define INFLOW_CFN_EXPORT_RESOURCE        "VantageCostAndUsageExport"
#define INFLOW_CFN_ROLE_ARN_OUTPUT        "VantageCrossAccountRoleArn"
#define INFLOW_CFN_BUCKET_ARN_OUTPUT      "VantageCostAndUsageReportBucketArn"

/**
 * InflowCfnMaterial:
 * @template_json: the template, pretty JSON
 * @file_name: the file name the deploy command expects the template in
 * @region: the region the stack is created in
 * @console_url: the CloudFormation console's create-stack page, where the
 *   saved template is uploaded
 * @deploy_command: `aws cloudformation deploy …` for the saved template
 * @outputs_command: `aws cloudformation describe-stacks …` printing the
 *   stack outputs (the role ARN) as JSON, which smart paste reads
 * @vantage_console_url: Vantage's integrations page, whose own "Connect via
 *   AWS Console" button prefills a stack with a handshake only Vantage issues
 * @note: (nullable): how the costs of a paired GovCloud (US) account arrive
 */
typedef struct
{
  char *template_json;
  char *file_name;
  char *region;
  char *console_url;
  char *deploy_command;
  char *outputs_command;
  char *vantage_console_url;
  char *note;
} InflowCfnMaterial;

char              *inflow_cfn_template_generate (const InflowOnboardingInfo    *info,
                                                 const InflowOnboardingChoices *choices,
                                                 GError                       **error);
InflowCfnMaterial *inflow_cfn_material_generate (const InflowOnboardingInfo    *info,
                                                 const InflowOnboardingChoices *choices,
                                                 GError                       **error);
void               inflow_cfn_material_free     (InflowCfnMaterial             *material);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowCfnMaterial, inflow_cfn_material_free)

G_END_DECLS
