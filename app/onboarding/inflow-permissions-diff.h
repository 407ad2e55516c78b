/* inflow-permissions-diff.h: what changed in Vantage's permissions, and the update
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-cfn-template.h"
#include "inflow-iam-console.h"
#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

/**
 * InflowPermissionChangeKind:
 * @INFLOW_PERMISSION_CHANGE_POLICY_ADDED: Vantage asks for a policy it did
 *   not ask for at connect time
 * @INFLOW_PERMISSION_CHANGE_POLICY_REMOVED: Vantage no longer sends a policy
 * @INFLOW_PERMISSION_CHANGE_POLICY_CHANGED: a policy's document differs
 * @INFLOW_PERMISSION_CHANGE_EXTERNAL_ID: the external ID differs
 * @INFLOW_PERMISSION_CHANGE_PRINCIPAL: Vantage's principal differs
 */
typedef enum
{
  INFLOW_PERMISSION_CHANGE_POLICY_ADDED,
  INFLOW_PERMISSION_CHANGE_POLICY_REMOVED,
  INFLOW_PERMISSION_CHANGE_POLICY_CHANGED,
  INFLOW_PERMISSION_CHANGE_EXTERNAL_ID,
  INFLOW_PERMISSION_CHANGE_PRINCIPAL,
} InflowPermissionChangeKind;

/**
 * InflowPermissionChange:
 * @kind: what changed
 * @policy: the policy, for the three policy kinds
 * @name: the inline policy's name on the role, or the policy's key in the
 *   provider info for a policy that is not put on the role
 * @actions_added: (array zero-terminated=1): allowed actions that are new,
 *   sorted; empty when none
 * @actions_removed: (array zero-terminated=1): allowed actions no longer
 *   there, sorted
 * @description: the change in one sentence
 */
typedef struct
{
  InflowPermissionChangeKind   kind;
  InflowVantagePolicy          policy;
  char                        *name;
  char                       **actions_added;
  char                       **actions_removed;
  char                        *description;
} InflowPermissionChange;

/**
 * InflowPermissionsDiff:
 * @changes: (element-type InflowPermissionChange): in a fixed order: trust
 *   (principal, external ID) first, then the policies in provider-info order
 */
typedef struct
{
  GPtrArray *changes;
} InflowPermissionsDiff;

/**
 * InflowPermissionsUpdate:
 * @diff: the changes
 * @summary: the changes in words, one line each, or a sentence saying
 *   there are none
 * @cli_script: a bash script that applies exactly the changes to the role
 * @cloudformation: (nullable): the regenerated template; deploying it to
 *   the same stack updates the role
 * @cloudformation_error: (nullable): why there is no template
 * @iam_console: (nullable): the current trust relationship and policies,
 *   for a role kept up to date by hand
 * @terraform_note: what to do with a role made by Vantage's module
 */
typedef struct
{
  InflowPermissionsDiff    *diff;
  char                     *summary;
  char                     *cli_script;
  InflowCfnMaterial        *cloudformation;
  char                     *cloudformation_error;
  InflowIamConsoleMaterial *iam_console;
  char                     *terraform_note;
} InflowPermissionsUpdate;

InflowPermissionsDiff   *inflow_permissions_diff_new        (const InflowOnboardingInfo    *recorded,
                                                             const InflowOnboardingInfo    *current);
void                     inflow_permissions_diff_free       (InflowPermissionsDiff         *diff);
gboolean                 inflow_permissions_diff_is_empty   (const InflowPermissionsDiff   *diff);
char                    *inflow_permissions_diff_describe   (const InflowPermissionsDiff   *diff);

InflowPermissionsUpdate *inflow_permissions_update_generate (const InflowOnboardingInfo    *recorded,
                                                             const InflowOnboardingInfo    *current,
                                                             const InflowOnboardingChoices *choices,
                                                             GError                       **error);
void                     inflow_permissions_update_free     (InflowPermissionsUpdate       *update);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowPermissionsDiff, inflow_permissions_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowPermissionsUpdate, inflow_permissions_update_free)

G_END_DECLS
