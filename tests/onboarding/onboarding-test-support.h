/* onboarding-test-support.h: fixtures, golden files and shell helpers of the onboarding tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

#define TEST_EXTERNAL_ID        "inflow-test-external-id-42"
#define TEST_VANTAGE_ROLE       "arn:aws:iam::630399649041:role/vantage-test-principal"
#define TEST_VANTAGE_GOV_ROLE   "arn:aws-us-gov:iam::630399649041:role/vantage-test-principal"
#define TEST_ACCOUNT_ID         "012345678901"
#define TEST_BUCKET             "vantage-cur-example-0123"
#define TEST_GOVCLOUD_ACCOUNT_ID "210987654321"

InflowOnboardingInfo    *test_info_new               (InflowAwsPartition       partition);
InflowOnboardingChoices *test_choices_new            (InflowAccountKind        kind,
                                                      InflowAwsPartition       partition);
JsonNode                *test_parse_json             (const char              *text);

void                     test_assert_golden          (const char              *name,
                                                      const char              *actual);
gboolean                 test_bash_syntax_ok         (const char              *script,
                                                      char                   **diagnostics);
char                    *test_bash_printf            (const char              *word);
char                    *test_bash_output            (const char              *code);

/* Runs a script with a stand-in `aws` first in PATH; each call's arguments
 * are returned, one GStrv per call. */
GPtrArray               *test_run_with_fake_aws      (const char              *script,
                                                      int                     *exit_status);
const char              *test_call_get_option        (GStrv                    call,
                                                      const char              *flag);

G_END_DECLS
