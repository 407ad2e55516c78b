/* test-stackset.c: StackSet targets, regions and the errors users paste
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-onboarding-error.h"
#include "inflow-stackset.h"
#include "inflow-test-utils.h"
#include "onboarding-test-support.h"

#define ORGANIZATIONS_ACCESS_ERROR \
  "An error occurred (ValidationError) when calling the CreateStackSet operation: " \
  "You must enable organizations access to operate a service managed stack set"

static void
test_organizations_access_error (void)
{
  static const char * const pastes[] = {
    ORGANIZATIONS_ACCESS_ERROR,
    "\n" ORGANIZATIONS_ACCESS_ERROR "\n",
    /* As a terminal or a mail client wraps it. */
    "An error occurred (ValidationError) when calling the CreateStackSet\n"
    "operation: You must enable organizations access to operate a service\n"
    "   managed stack set",
    "$ aws cloudformation create-stack-set --stack-set-name x ...\n\n" ORGANIZATIONS_ACCESS_ERROR "\n$ ",
    "AN ERROR OCCURRED (VALIDATIONERROR) WHEN CALLING THE CREATESTACKSET OPERATION: YOU MUST ENABLE ORGANIZATIONS ACCESS TO OPERATE A SERVICE MANAGED STACK SET",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pastes); i++)
    {
      g_autoptr(InflowErrorAdvice) advice = inflow_stackset_explain_error (pastes[i]);

      g_assert_nonnull (advice);
      g_assert_nonnull (strstr (advice->explanation, "Trusted access"));
      g_assert_nonnull (strstr (advice->fix, "Activate trusted access"));
      g_assert_cmpstr (advice->command, ==, "aws cloudformation activate-organizations-access");
    }
}

static void
test_other_errors (void)
{
  static const struct
  {
    const char *paste;
    const char *explanation;
  } known[] = {
    { "An error occurred (NameAlreadyExistsException) when calling the CreateStackSet operation: StackSet vantage already exists",
      "already exists" },
    { "An error occurred (OperationInProgressException) when calling the CreateStackInstances operation: Another Operation on StackSet x is in progress",
      "still running" },
    { "Resource handler returned message: \"Role with name vantage_cross_account_connection already exists. (Service: Iam, Status Code: 409)\" (HandlerErrorCode: AlreadyExists)",
      "role with this name already exists" },
    { "An error occurred (AccessDeniedException) when calling the ListAWSServiceAccessForOrganization operation: You don't have permissions to access this resource. organizations",
      "may not manage StackSets" },
  };
  static const char * const unknown[] = {
    NULL,
    "",
    "An error occurred (ValidationError) when calling the CreateStack operation: Template format error",
    "You must enable",
    "ValidationError",
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autoptr(InflowErrorAdvice) advice = inflow_stackset_explain_error (known[i].paste);

      g_assert_nonnull (advice);
      if (strstr (advice->explanation, known[i].explanation) == NULL)
        g_error ("“%s” lacks “%s”", advice->explanation, known[i].explanation);
      g_assert_nonnull (advice->fix);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_autoptr(InflowErrorAdvice) advice = inflow_stackset_explain_error (unknown[i]);

      g_assert_null (advice);
    }
}

static void
test_targets_and_regions (void)
{
  static const char * const empty_targets[] = { NULL };
  static const char * const bad_targets[] = { "ou-ab12-cd34ef56", "123456789012", NULL };
  static const char * const good_targets[] = { " ou-ab12-cd34ef56 ", NULL };
  static const char * const two_regions[] = { "us-east-1", "eu-west-1", NULL };
  static const char * const gov_region_in_aws[] = { "us-gov-west-1", NULL };
  g_autoptr(InflowOnboardingInfo) info = test_info_new (INFLOW_AWS_PARTITION_AWS);
  g_autoptr(InflowOnboardingChoices) choices = test_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(InflowStackSetMaterial) material = NULL;
  g_autoptr(GError) error = NULL;

  material = inflow_stackset_material_generate (info, choices, empty_targets, NULL, &error);
  g_assert_null (material);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING);
  g_clear_error (&error);

  material = inflow_stackset_material_generate (info, choices, bad_targets, NULL, &error);
  g_assert_null (material);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is an account ID"));
  g_clear_error (&error);

  material = inflow_stackset_material_generate (info, choices, good_targets, two_regions, &error);
  g_assert_null (material);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "one region only"));
  g_clear_error (&error);

  material = inflow_stackset_material_generate (info, choices, good_targets, gov_region_in_aws, &error);
  g_assert_null (material);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH);
  g_clear_error (&error);

  for (guint i = 0; i < 51; i++)
    g_ptr_array_add (many, g_strdup_printf ("ou-ab12-%08u", i));
  g_ptr_array_add (many, NULL);
  material = inflow_stackset_material_generate (info, choices, (const char * const *) many->pdata, NULL, &error);
  g_assert_null (material);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "at most 50"));
  g_assert_nonnull (strstr (error->message, "there are 51"));
  g_clear_error (&error);

  /* 50 distinct targets, with a duplicate, are fine. */
  g_ptr_array_remove_index (many, many->len - 1);
  g_ptr_array_remove_index (many, many->len - 1);
  g_ptr_array_add (many, g_strdup ("ou-ab12-00000000"));
  g_ptr_array_add (many, NULL);
  material = inflow_stackset_material_generate (info, choices, (const char * const *) many->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (material);
  g_assert_null (strstr (material->create_instances_command, "ou-ab12-00000050"));
  g_clear_pointer (&material, inflow_stackset_material_free);

  material = inflow_stackset_material_generate (info, choices, good_targets, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (material->create_instances_command, "'OrganizationalUnitIds=ou-ab12-cd34ef56'"));
  g_assert_cmpstr (material->region, ==, "us-east-1");
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/stackset/organizations-access-error", test_organizations_access_error);
  g_test_add_func ("/onboarding/stackset/other-errors", test_other_errors);
  g_test_add_func ("/onboarding/stackset/targets-and-regions", test_targets_and_regions);

  return inflow_test_run ();
}
