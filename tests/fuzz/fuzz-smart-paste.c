/* fuzz-smart-paste.c: finding the role ARN in whatever the admin pastes
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Byte 0 picks the Vantage principal and the account hint the onboarding
 * knows (or none); the rest is the paste. A result must be a role ARN that
 * parses back to the same role and is never Vantage's principal.
 */

#include <string.h>

#include "fuzz-common.h"
#include "inflow-aws-arn.h"
#include "inflow-smart-paste.h"

static const char * const principals[] = {
  NULL,
  "arn:aws:iam::630399649041:root",
  "arn:aws:iam::630399649041:role/vantage-production",
  "not an arn",
};

static const char * const hints[] = {
  NULL,
  "123456789012",
  "000000000000",
  "12345",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(InflowPasteResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *principal;
  const char *hint;

  fuzz_init ();

  if (size < 1)
    return 0;

  principal = principals[data[0] % G_N_ELEMENTS (principals)];
  hint = hints[(data[0] / G_N_ELEMENTS (principals)) % G_N_ELEMENTS (hints)];
  text = fuzz_strndup (data + 1, size - 1);

  /* The same paste read as stack instances: each an account ID, once. */
  {
    g_autoptr(GPtrArray) instances = inflow_smart_paste_stack_instances (text, NULL);

    for (guint i = 0; instances != NULL && i < instances->len; i++)
      {
        InflowStackInstance *instance = g_ptr_array_index (instances, i);

        fuzz_check (inflow_aws_validate_account_id (instance->account_id, NULL));
        fuzz_check_utf8 (instance->status);
        fuzz_check_utf8 (instance->status_reason);
        for (guint j = 0; j < i; j++)
          fuzz_check (!g_str_equal (((InflowStackInstance *) g_ptr_array_index (instances, j))->account_id,
                                    instance->account_id));
      }
  }

  result = inflow_smart_paste_role_arn (text, principal, hint, &error);
  fuzz_check ((result == NULL) == (error != NULL));

  if (result == NULL)
    {
      fuzz_check_utf8 (error->message);
      return 0;
    }

  fuzz_check (result->role != NULL);
  fuzz_check (result->role_arn != NULL);
  fuzz_check_utf8 (result->explanation);

  {
    g_autoptr(InflowRoleArn) again = inflow_role_arn_parse (result->role_arn, NULL);
    g_autofree char *printed = inflow_role_arn_to_string (result->role);

    fuzz_check (again != NULL);
    fuzz_check (g_str_equal (printed, result->role_arn));
    fuzz_check (g_str_equal (again->name, result->role->name));
  }

  if (principal != NULL)
    fuzz_check (!g_str_equal (result->role_arn, principal));

  return 0;
}
