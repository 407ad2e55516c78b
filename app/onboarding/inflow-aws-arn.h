/* inflow-aws-arn.h: parsing and validation of AWS ARNs, IDs and names
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * InflowAwsPartition:
 * @INFLOW_AWS_PARTITION_AWS: the standard partition, `aws`
 * @INFLOW_AWS_PARTITION_AWS_US_GOV: AWS GovCloud (US), `aws-us-gov`
 *
 * The partitions Vantage connects. Others (aws-cn, aws-iso, …) are reported
 * as %INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION.
 */
typedef enum
{
  INFLOW_AWS_PARTITION_AWS,
  INFLOW_AWS_PARTITION_AWS_US_GOV,
} InflowAwsPartition;

/**
 * InflowRoleArn:
 * @partition: the partition
 * @account_id: the 12-digit account ID, a string so leading zeros stay
 * @path: the role path, "/" when the ARN has none; starts and ends with "/"
 * @name: the role name
 *
 * A parsed IAM role ARN: `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`.
 */
typedef struct
{
  InflowAwsPartition  partition;
  char               *account_id;
  char               *path;
  char               *name;
} InflowRoleArn;

const char          *inflow_aws_partition_to_string          (InflowAwsPartition   partition);
gboolean             inflow_aws_partition_from_string        (const char          *text,
                                                              InflowAwsPartition  *partition,
                                                              GError             **error);
const char          *inflow_aws_partition_get_console_host   (InflowAwsPartition   partition);
const char          *inflow_aws_partition_get_default_region (InflowAwsPartition   partition);

gboolean             inflow_aws_validate_account_id          (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_role_name           (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_role_path           (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_external_id         (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_organization_target (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_bucket_name         (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_stack_name          (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_region              (InflowAwsPartition   partition,
                                                              const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_cur_bucket_region   (const char          *text,
                                                              GError             **error);
gboolean             inflow_aws_validate_report_name         (const char          *text,
                                                              GError             **error);
const char * const  *inflow_aws_get_cur_bucket_regions       (void);

InflowRoleArn       *inflow_role_arn_new                     (InflowAwsPartition   partition,
                                                              const char          *account_id,
                                                              const char          *path,
                                                              const char          *name,
                                                              GError             **error);
InflowRoleArn       *inflow_role_arn_parse                   (const char          *text,
                                                              GError             **error);
InflowRoleArn       *inflow_role_arn_copy                    (const InflowRoleArn *arn);
void                 inflow_role_arn_free                    (InflowRoleArn       *arn);
char                *inflow_role_arn_to_string               (const InflowRoleArn *arn);

gboolean             inflow_bucket_arn_parse                 (const char          *text,
                                                              InflowAwsPartition  *partition,
                                                              char               **bucket_name,
                                                              GError             **error);
char                *inflow_bucket_arn_build                 (InflowAwsPartition   partition,
                                                              const char          *bucket_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowRoleArn, inflow_role_arn_free)

G_END_DECLS
