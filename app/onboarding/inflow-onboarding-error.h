/* inflow-onboarding-error.h: the error domain of the onboarding logic
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define INFLOW_ONBOARDING_ERROR (inflow_onboarding_error_quark ())

/**
 * InflowOnboardingError:
 * @INFLOW_ONBOARDING_ERROR_INVALID: a value is malformed (wrong length,
 *   characters, shape); the message says exactly what is wrong
 * @INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION: a well-formed value of an
 *   AWS partition Vantage does not connect (aws-cn, aws-iso, aws-eusc, …)
 * @INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH: values from two different
 *   partitions were combined (an aws-us-gov role trusting an aws principal)
 * @INFLOW_ONBOARDING_ERROR_MISSING: a required value is empty or absent
 * @INFLOW_ONBOARDING_ERROR_INVALID_POLICY: a policy document from Vantage is
 *   not a JSON object
 * @INFLOW_ONBOARDING_ERROR_UNSUPPORTED: the chosen method cannot do what was
 *   asked (a CloudFormation CUR outside us-east-1, Terraform in GovCloud, a
 *   StackSet call with more than 50 targets)
 * @INFLOW_ONBOARDING_ERROR_NOT_FOUND: smart paste found nothing usable
 * @INFLOW_ONBOARDING_ERROR_AMBIGUOUS: smart paste found several different
 *   candidates and cannot tell which one is meant
 * @INFLOW_ONBOARDING_ERROR_DATE_ORDER: a date range ends before it starts
 * @INFLOW_ONBOARDING_ERROR_DATE_FUTURE: a date lies after "now"
 * @INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD: a date lies more than 36 months
 *   before "now"
 *
 * Messages are translated sentences meant for the user.
 */
typedef enum
{
  INFLOW_ONBOARDING_ERROR_INVALID,
  INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION,
  INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH,
  INFLOW_ONBOARDING_ERROR_MISSING,
  INFLOW_ONBOARDING_ERROR_INVALID_POLICY,
  INFLOW_ONBOARDING_ERROR_UNSUPPORTED,
  INFLOW_ONBOARDING_ERROR_NOT_FOUND,
  INFLOW_ONBOARDING_ERROR_AMBIGUOUS,
  INFLOW_ONBOARDING_ERROR_DATE_ORDER,
  INFLOW_ONBOARDING_ERROR_DATE_FUTURE,
  INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD,
} InflowOnboardingError;

GQuark  inflow_onboarding_error_quark       (void);

char   *inflow_onboarding_quote_value       (const char *value);
char   *inflow_onboarding_describe_char     (gunichar    c);

G_END_DECLS
