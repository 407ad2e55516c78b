/* test-policy-summary.c: what each policy of the role permits, in words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-policy-summary.h"
#include "inflow-test-utils.h"
#include "onboarding-test-support.h"

/* The autopilot policy of the example in Vantage's v1 specification. */
static const char autopilot_policy[] =
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":[\"ec2:AcceptReservedInstancesExchangeQuote\","
  "\"ec2:CreateTags\",\"ec2:ModifyReservedInstances\",\"ec2:PurchaseReservedInstancesOffering\","
  "\"redshift:GetReservedNodeExchangeOfferings\",\"savingsplans:*\",\"servicequotas:Get*\","
  "\"servicequotas:RequestServiceQuotaIncrease\",\"support:*\"],\"Resource\":\"*\",\"Effect\":\"Allow\"},"
  "{\"Action\":\"ec2:TerminateInstances\",\"Resource\":\"*\",\"Effect\":\"Deny\"}]}";

static void
test_actions (void)
{
  static const char * const read_only[] = {
    "ec2:Describe*", "ec2:DescribeInstances", "s3:GetBucketTagging", "ce:Get*", "organizations:List*",
    "pricing:*", "logs:StartQuery", "ecr:BatchGet*", "route53domains:Check*", "budgets:View*",
  };
  static const char * const changes[] = {
    "ec2:CreateTags", "savingsplans:*", "support:*", "athena:Batch*", "elasticbeanstalk:Request*",
    "ec2:Getaway", "*", "servicequotas:RequestServiceQuotaIncrease", "iam:PassRole", "nocolon",
  };

  for (guint i = 0; i < G_N_ELEMENTS (read_only); i++)
    g_assert_true (inflow_aws_action_is_read_only (read_only[i]));
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      if (inflow_aws_action_is_read_only (changes[i]))
        g_error ("%s counted as read-only", changes[i]);
    }
}

/* Every action that is not read-only is named; Deny statements allow nothing. */
static void
test_autopilot (void)
{
  g_autoptr(JsonNode) document = test_parse_json (autopilot_policy);
  g_autoptr(InflowPolicySummary) summary = inflow_policy_summary_new ("VantageAutoPilot", document);
  g_autofree char *sentence = NULL;
  g_autofree char *changes = NULL;

  g_assert_false (inflow_policy_summary_is_read_only (summary));
  g_assert_cmpuint (summary->n_read, ==, 2);
  g_assert_cmpuint (summary->n_services, ==, 5);
  changes = g_strjoinv (" ", summary->changes);
  g_assert_cmpstr (changes, ==, "ec2:AcceptReservedInstancesExchangeQuote ec2:CreateTags ec2:ModifyReservedInstances "
                                "ec2:PurchaseReservedInstancesOffering savingsplans:* servicequotas:RequestServiceQuotaIncrease support:*");

  sentence = inflow_policy_summary_describe (summary);
  g_assert_cmpstr (sentence, ==, "Allows 2 actions that only read, and 7 actions that are not read-only: "
                                 "ec2:AcceptReservedInstancesExchangeQuote, ec2:CreateTags, ec2:ModifyReservedInstances, "
                                 "ec2:PurchaseReservedInstancesOffering, savingsplans:*, servicequotas:RequestServiceQuotaIncrease, support:*.");
}

/* Singular and plural come from ngettext. */
static void
test_plurals (void)
{
  g_autoptr(JsonNode) one = test_parse_json ("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ce:GetCostAndUsage\"}}");
  g_autoptr(JsonNode) mixed = test_parse_json ("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ce:Get*\",\"ec2:CreateTags\"]}]}");
  g_autoptr(InflowPolicySummary) summary = inflow_policy_summary_new ("x", one);
  g_autoptr(InflowPolicySummary) mixed_summary = inflow_policy_summary_new ("y", mixed);
  g_autofree char *sentence = inflow_policy_summary_describe (summary);
  g_autofree char *mixed_sentence = inflow_policy_summary_describe (mixed_summary);

  g_assert_cmpstr (sentence, ==, "Read-only: 1 action that only reads, in 1 service.");
  g_assert_cmpstr (mixed_sentence, ==, "Allows 1 action that only reads, and 1 action that is not read-only: ec2:CreateTags.");
}

/* The role's words follow the choices: Autopilot makes it more than read-only. */
static void
test_role (void)
{
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(GPtrArray) with_autopilot = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(InflowPolicySummary) autopilot = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;

  with_autopilot = inflow_role_policy_summaries_new (info, choices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_autopilot->len, ==, 4);
  text = inflow_role_permissions_describe (with_autopilot);
  g_assert_nonnull (strstr (text, "• root: Read-only: 4 actions that only read, in 4 services.\n"));
  g_assert_nonnull (strstr (text, "• VantageAutoPilot: Allows 1 action that only reads, and 1 action that is not read-only: savingsplans:CreateSavingsPlan."));
  g_assert_nonnull (strstr (text, "ViewOnlyAccess"));
  description = inflow_role_description_new (with_autopilot);
  g_assert_cmpstr (description, ==, "Access for Vantage to cost and resource metadata; VantageAutoPilot also allows 1 action that is not read-only");

  choices->enable_autopilot = FALSE;
  without = inflow_role_policy_summaries_new (info, choices, &error);
  g_assert_no_error (error);
  g_free (description);
  description = inflow_role_description_new (without);
  g_assert_cmpstr (description, ==, "Read-only access for Vantage to cost and resource metadata");

  autopilot = inflow_autopilot_summary_new (info);
  g_assert_nonnull (autopilot);
  g_assert_cmpstr (autopilot->changes[0], ==, "savingsplans:CreateSavingsPlan");
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/policy-summary/actions", test_actions);
  g_test_add_func ("/onboarding/policy-summary/autopilot", test_autopilot);
  g_test_add_func ("/onboarding/policy-summary/plurals", test_plurals);
  g_test_add_func ("/onboarding/policy-summary/role", test_role);

  return inflow_test_run ();
}
