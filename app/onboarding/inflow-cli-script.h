/* inflow-cli-script.h: the AWS CLI script that connects an account
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

char *inflow_cli_script_generate          (const InflowOnboardingInfo    *info,
                                           const InflowOnboardingChoices *choices,
                                           GError                       **error);
void  inflow_cli_script_append_header     (GString                       *script,
                                           const char                    *summary,
                                           const InflowOnboardingChoices *choices);
void  inflow_cli_script_append_put_policy (GString                       *script,
                                           const char                    *region,
                                           const char                    *role_name,
                                           const char                    *policy_name,
                                           JsonNode                      *document);

G_END_DECLS
