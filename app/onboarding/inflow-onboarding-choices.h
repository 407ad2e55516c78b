/* inflow-onboarding-choices.h: what the admin chose for one connection
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-aws-arn.h"

G_BEGIN_DECLS

/**
 * InflowAccountKind:
 * @INFLOW_ACCOUNT_KIND_MANAGEMENT: the organization's management (payer)
 *   account: the role plus the Cost and Usage Report and its bucket
 * @INFLOW_ACCOUNT_KIND_MEMBER: a member account: the role only
 */
typedef enum
{
  INFLOW_ACCOUNT_KIND_MANAGEMENT,
  INFLOW_ACCOUNT_KIND_MEMBER,
} InflowAccountKind;

/**
 * InflowCurTimeUnit:
 * @INFLOW_CUR_TIME_UNIT_DAILY: one line item per day (the default)
 * @INFLOW_CUR_TIME_UNIT_HOURLY: one line item per hour
 */
typedef enum
{
  INFLOW_CUR_TIME_UNIT_DAILY,
  INFLOW_CUR_TIME_UNIT_HOURLY,
} InflowCurTimeUnit;

/**
 * InflowCurKind:
 * @INFLOW_CUR_KIND_LEGACY: a legacy Cost and Usage Report
 *   (`AWS::CUR::ReportDefinition`), what Vantage's module creates by default
 * @INFLOW_CUR_KIND_CUR2: a CUR 2.0 export of AWS Data Exports
 *   (`AWS::BCMDataExports::Export`), the module's `upgrade_to_cur_2`
 */
typedef enum
{
  INFLOW_CUR_KIND_LEGACY,
  INFLOW_CUR_KIND_CUR2,
} InflowCurKind;

/**
 * InflowOnboardingChoices:
 * @kind: management or member account
 * @partition: the account's partition; Inflow connects aws accounts only
 *   (see inflow_onboarding_choices_validate())
 * @account_id: (nullable): the 12-digit account being connected, when
 *   known; the CLI script then refuses to run with credentials of another
 *   account
 * @stack_name: the CloudFormation stack (or StackSet) name
 * @role_name: the name of the role to create
 * @role_path: (nullable): its path, %NULL for "/"
 * @bucket_name: (nullable): the CUR bucket (management account in aws)
 * @bucket_region: (nullable): its region, one of the five CUR regions
 * @report_name: the Cost and Usage Report name
 * @time_unit: the report's granularity
 * @cur_kind: a legacy report or a CUR 2.0 export
 * @existing_bucket: the bucket exists already (the module's
 *   `existing_cur_bucket_name`): it is neither created nor given a lifecycle
 *   rule, and the role reads only the report's prefix
 * @enable_autopilot: whether the role gets the VantageAutoPilot policy
 * @paired_govcloud_account_id: (nullable): the AWS GovCloud (US) account
 *   this standard account is paired with, when its costs are the reason to
 *   connect it
 *
 * Plain data; the struct owns its strings.
 */
typedef struct
{
  InflowAccountKind   kind;
  InflowAwsPartition  partition;
  char               *account_id;
  char               *stack_name;
  char               *role_name;
  char               *role_path;
  char               *bucket_name;
  char               *bucket_region;
  char               *report_name;
  InflowCurTimeUnit   time_unit;
  InflowCurKind       cur_kind;
  gboolean            existing_bucket;
  gboolean            enable_autopilot;
  char               *paired_govcloud_account_id;
} InflowOnboardingChoices;

InflowOnboardingChoices *inflow_onboarding_choices_new              (InflowAccountKind              kind,
                                                                     InflowAwsPartition             partition);
InflowOnboardingChoices *inflow_onboarding_choices_copy             (const InflowOnboardingChoices *choices);
void                     inflow_onboarding_choices_free             (InflowOnboardingChoices       *choices);
gboolean                 inflow_onboarding_choices_validate         (const InflowOnboardingChoices *choices,
                                                                     GError                       **error);
gboolean                 inflow_onboarding_choices_creates_cur      (const InflowOnboardingChoices *choices);
const char              *inflow_onboarding_choices_get_role_path    (const InflowOnboardingChoices *choices);
const char              *inflow_onboarding_choices_get_stack_region (const InflowOnboardingChoices *choices);
char                    *inflow_onboarding_choices_dup_cur_note     (const InflowOnboardingChoices *choices);
const char              *inflow_onboarding_choices_get_cur_warning  (const InflowOnboardingChoices *choices);
const char              *inflow_onboarding_choices_get_report_label (const InflowOnboardingChoices *choices);
char                    *inflow_onboarding_choices_get_s3_prefix    (const InflowOnboardingChoices *choices);
const char              *inflow_cur_time_unit_to_string             (InflowCurTimeUnit              time_unit);
const char              *inflow_cur_kind_to_string                  (InflowCurKind                  cur_kind);
gboolean                 inflow_cur_kind_from_string                (const char                    *text,
                                                                     InflowCurKind                 *cur_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowOnboardingChoices, inflow_onboarding_choices_free)

G_END_DECLS
