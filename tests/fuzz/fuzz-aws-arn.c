/* fuzz-aws-arn.c: the AWS ARN parsers and the ID and name validators
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is what an admin types or pastes into a field. A role ARN
 * that parses must print back to an ARN that parses to the same role; a
 * bucket ARN likewise; every error message must be valid UTF-8.
 */

#include <string.h>

#include "fuzz-common.h"
#include "inflow-aws-arn.h"
#include "inflow-onboarding-error.h"

typedef gboolean (*Validator) (const char *text, GError **error);

static const Validator validators[] = {
  inflow_aws_validate_account_id,
  inflow_aws_validate_role_name,
  inflow_aws_validate_role_path,
  inflow_aws_validate_external_id,
  inflow_aws_validate_organization_target,
  inflow_aws_validate_bucket_name,
  inflow_aws_validate_stack_name,
  inflow_aws_validate_cur_bucket_region,
  inflow_aws_validate_report_name,
};

static void
check_result (gboolean  ok,
              GError   *error)
{
  fuzz_check (ok == (error == NULL));
  if (error != NULL)
    {
      fuzz_check (error->message != NULL);
      fuzz_check_utf8 (error->message);
    }
}

static void
fuzz_role_arn (const char *text)
{
  g_autoptr(InflowRoleArn) arn = NULL;
  g_autoptr(InflowRoleArn) again = NULL;
  g_autoptr(InflowRoleArn) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;

  arn = inflow_role_arn_parse (text, &error);
  check_result (arn != NULL, error);
  if (arn == NULL)
    return;

  fuzz_check (strlen (arn->account_id) == 12);
  fuzz_check (arn->path != NULL && arn->path[0] == '/' && g_str_has_suffix (arn->path, "/"));
  fuzz_check (arn->name != NULL && arn->name[0] != '\0');
  fuzz_check_utf8 (arn->name);
  fuzz_check_utf8 (arn->path);

  printed = inflow_role_arn_to_string (arn);
  again = inflow_role_arn_parse (printed, &error);
  fuzz_check (again != NULL);
  fuzz_check (again->partition == arn->partition);
  fuzz_check (g_str_equal (again->account_id, arn->account_id));
  fuzz_check (g_str_equal (again->path, arn->path));
  fuzz_check (g_str_equal (again->name, arn->name));

  copy = inflow_role_arn_copy (arn);
  fuzz_check (g_str_equal (copy->name, arn->name));
}

static void
fuzz_bucket_arn (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = NULL;
  g_autofree char *built = NULL;
  g_autofree char *bucket_again = NULL;
  InflowAwsPartition partition;
  InflowAwsPartition partition_again;
  gboolean ok;

  ok = inflow_bucket_arn_parse (text, &partition, &bucket, &error);
  check_result (ok, error);
  if (!ok)
    return;

  fuzz_check (bucket != NULL);
  built = inflow_bucket_arn_build (partition, bucket);
  fuzz_check (inflow_bucket_arn_parse (built, &partition_again, &bucket_again, NULL));
  fuzz_check (partition_again == partition);
  fuzz_check (g_str_equal (bucket_again, bucket));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  fuzz_init ();

  text = fuzz_strndup (data, size);

  /* Every function must refuse invalid UTF-8 with a message, not crash */
  fuzz_role_arn (text);
  fuzz_bucket_arn (text);

  for (guint i = 0; i < G_N_ELEMENTS (validators); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = validators[i] (text, &error);

      check_result (ok, error);
    }

  for (InflowAwsPartition p = INFLOW_AWS_PARTITION_AWS; p <= INFLOW_AWS_PARTITION_AWS_US_GOV; p++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = inflow_aws_validate_region (p, text, &error);

      check_result (ok, error);
    }

  {
    g_autoptr(GError) error = NULL;
    InflowAwsPartition partition;
    gboolean ok = inflow_aws_partition_from_string (text, &partition, &error);

    check_result (ok, error);
  }

  {
    g_autofree char *quoted = inflow_onboarding_quote_value (text);

    fuzz_check_utf8 (quoted);
  }

  return 0;
}
