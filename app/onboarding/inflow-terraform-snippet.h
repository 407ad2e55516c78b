/* inflow-terraform-snippet.h: the Terraform configuration for Vantage's module
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-onboarding-choices.h"

G_BEGIN_DECLS

#define INFLOW_TERRAFORM_MODULE_SOURCE "vantage-sh/vantage-integration/aws"
/* The module's releases with upgrade_to_cur_2 and existing_cur_bucket_name;
 * they need Terraform 1.3 and the AWS provider 5.48 (its requirements). */
#define INFLOW_TERRAFORM_MODULE_VERSION "~> 1.1"
#define INFLOW_TERRAFORM_REQUIRED       ">= 1.3.0"
#define INFLOW_TERRAFORM_AWS_PROVIDER   ">= 5.48.0"
#define INFLOW_TERRAFORM_MODULE_ROLE   "vantage_cross_account_connection"

char *inflow_terraform_snippet_generate (const InflowOnboardingChoices  *choices,
                                         GError                        **error);
char *inflow_hcl_quote                  (const char                     *value);

G_END_DECLS
