/* inflow-iam-console.h: what to paste into the IAM console for a manual role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

/**
 * InflowNamedText:
 * @name: the inline policy name
 * @json: its document, pretty JSON
 */
typedef struct
{
  char *name;
  char *json;
} InflowNamedText;

/**
 * InflowIamConsoleMaterial:
 * @role_name: the name to give the role
 * @role_path: its path ("/" for none)
 * @trust_policy_json: the trust relationship, pretty JSON
 * @policies: (element-type InflowNamedText): the inline policies in order
 * @managed_policy_arn: the AWS managed policy to attach (ViewOnlyAccess)
 * @console_url: the IAM console's create-role page
 * @steps: (array zero-terminated=1): what to do, one sentence a step
 * @report_steps: (array zero-terminated=1) (nullable): for a management
 *   account, how to set up the report in the consoles: the bucket, its
 *   policy and notification, and the legacy report or the CUR 2.0 export
 * @bucket_policy_json: (nullable): the bucket's policy, when the account ID
 *   is known
 * @cur2_columns: (nullable): the CUR 2.0 export's columns, one a line
 * @note: (nullable): a caveat for these choices
 */
typedef struct
{
  char       *role_name;
  char       *role_path;
  char       *trust_policy_json;
  GPtrArray  *policies;
  char       *managed_policy_arn;
  char       *console_url;
  char      **steps;
  char      **report_steps;
  char       *bucket_policy_json;
  char       *cur2_columns;
  char       *note;
} InflowIamConsoleMaterial;

InflowIamConsoleMaterial *inflow_iam_console_material_generate (const InflowOnboardingInfo    *info,
                                                                const InflowOnboardingChoices *choices,
                                                                GError                       **error);
void                      inflow_iam_console_material_free     (InflowIamConsoleMaterial      *material);
char                     *inflow_iam_console_material_to_text  (const InflowIamConsoleMaterial *material);
void                      inflow_named_text_free               (InflowNamedText               *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowIamConsoleMaterial, inflow_iam_console_material_free)

G_END_DECLS
