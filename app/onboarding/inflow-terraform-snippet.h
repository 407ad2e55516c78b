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
#define INFLOW_TERRAFORM_MODULE_ROLE   "vantage_cross_account_connection"

char *inflow_terraform_snippet_generate (const InflowOnboardingChoices  *choices,
                                         GError                        **error);
char *inflow_hcl_quote                  (const char                     *value);

G_END_DECLS
