/* inflow-aws-provider-info.h: what a cross-account role must trust and allow
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_AWS_PROVIDER_INFO (inflow_aws_provider_info_get_type ())

G_DECLARE_FINAL_TYPE (InflowAwsProviderInfo, inflow_aws_provider_info, INFLOW, AWS_PROVIDER_INFO, GObject)

InflowAwsProviderInfo *inflow_aws_provider_info_new_from_json      (JsonObject             *object,
                                                                    GError                **error);
const char            *inflow_aws_provider_info_get_external_id    (InflowAwsProviderInfo  *self);
const char            *inflow_aws_provider_info_get_iam_role_arn   (InflowAwsProviderInfo  *self);
const char            *inflow_aws_provider_info_get_iam_role_id    (InflowAwsProviderInfo  *self);
const char            *inflow_aws_provider_info_get_vantage_id     (InflowAwsProviderInfo  *self);
JsonNode              *inflow_aws_provider_info_get_policy         (InflowAwsProviderInfo  *self,
                                                                    const char             *name);
const char            *inflow_aws_provider_info_get_policy_text    (InflowAwsProviderInfo  *self,
                                                                    const char             *name);

G_END_DECLS
