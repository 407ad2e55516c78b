/* test-hostile-input.c: pastes and provider information nested too deep
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Regression tests of the hardening review: JSON-GLib 1.6 parses by
 * recursion without a limit, so a paste (or a policy from Vantage) of some
 * 75,000 nested brackets crashed the app before inflow_json_check().
 */

#include "config.h"

#include <string.h>

#include "inflow-onboarding-error.h"
#include "inflow-onboarding-info.h"
#include "inflow-smart-paste.h"
#include "inflow-test-utils.h"

#define DEEP 200000
#define ROLE "arn:aws:iam::123456789012:role/vantage_cross_account_connection"

static char *
deep_brackets (const char *tail)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (text, '[');
  g_string_append (text, tail);

  return g_string_free (text, FALSE);
}

/* Not parsed as JSON, the paste is still searched as text */
static void
test_deep_paste (void)
{
  g_autofree char *text = deep_brackets ("\"" ROLE "\"");
  g_autoptr(InflowPasteResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = inflow_smart_paste_role_arn (text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->role_arn, ==, ROLE);
  g_assert_cmpint (result->source, ==, INFLOW_PASTE_SOURCE_TEXT);
}

static void
test_deep_policy_text (void)
{
  g_autoptr(InflowOnboardingInfo) info = inflow_onboarding_info_new ("external", "arn:aws:iam::630399649041:role/v");
  g_autofree char *text = deep_brackets ("");
  g_autoptr(GError) error = NULL;

  g_assert_false (inflow_onboarding_info_set_policy_text (info, INFLOW_VANTAGE_POLICY_ROOT, text, &error));
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID_POLICY);
  g_assert_nonnull (strstr (error->message, "nested more than 512 levels deep"));
  g_assert_null (info->policies[INFLOW_VANTAGE_POLICY_ROOT]);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/hostile/deep-paste", test_deep_paste);
  g_test_add_func ("/onboarding/hostile/deep-policy-text", test_deep_policy_text);

  return inflow_test_run ();
}
