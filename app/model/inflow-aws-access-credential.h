/* inflow-aws-access-credential.h: an AWS connection as v1 returns it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_AWS_ACCESS_CREDENTIAL (inflow_aws_access_credential_get_type ())

G_DECLARE_FINAL_TYPE (InflowAwsAccessCredential, inflow_aws_access_credential, INFLOW, AWS_ACCESS_CREDENTIAL, GObject)

InflowAwsAccessCredential *inflow_aws_access_credential_new_from_json           (JsonObject                 *object,
                                                                                 GError                    **error);
gint64                     inflow_aws_access_credential_get_id                  (InflowAwsAccessCredential  *self);
const char                *inflow_aws_access_credential_get_cross_account_arn   (InflowAwsAccessCredential  *self);
const char                *inflow_aws_access_credential_get_bucket_arn          (InflowAwsAccessCredential  *self);

G_END_DECLS
