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
 * InflowOnboardingChoices:
 * @kind: management or member account
 * @partition: aws or aws-us-gov
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
 * @enable_autopilot: whether the role gets the VantageAutoPilot policy
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
  gboolean            enable_autopilot;
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
const char              *inflow_onboarding_choices_get_cur_note     (const InflowOnboardingChoices *choices);
char                    *inflow_onboarding_choices_get_s3_prefix    (const InflowOnboardingChoices *choices);
const char              *inflow_cur_time_unit_to_string             (InflowCurTimeUnit              time_unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowOnboardingChoices, inflow_onboarding_choices_free)

G_END_DECLS
