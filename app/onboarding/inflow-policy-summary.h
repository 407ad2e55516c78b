/* inflow-policy-summary.h: what each policy of the role permits, in words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

/**
 * InflowPolicySummary:
 * @name: the inline policy's name on the role
 * @n_read: how many allowed action patterns only read (Describe, Get,
 *   List and the like)
 * @n_services: how many services the allowed actions belong to
 * @changes: (array zero-terminated=1): the allowed action patterns that are
 *   not read-only, sorted, as the policy spells them
 *
 * What one policy document allows, read from its Allow statements.
 */
typedef struct
{
  char   *name;
  guint   n_read;
  guint   n_services;
  char  **changes;
} InflowPolicySummary;

InflowPolicySummary *inflow_policy_summary_new          (const char                    *name,
                                                         JsonNode                      *document);
void                 inflow_policy_summary_free         (InflowPolicySummary           *summary);
gboolean             inflow_policy_summary_is_read_only (const InflowPolicySummary     *summary);
char                *inflow_policy_summary_describe     (const InflowPolicySummary     *summary);

gboolean             inflow_aws_action_is_read_only     (const char                    *action);

GPtrArray           *inflow_role_policy_summaries_new   (const InflowOnboardingInfo    *info,
                                                         const InflowOnboardingChoices *choices,
                                                         GError                       **error);
char                *inflow_role_permissions_describe   (GPtrArray                     *summaries);
char                *inflow_role_description_new        (GPtrArray                     *summaries);
InflowPolicySummary *inflow_autopilot_summary_new       (const InflowOnboardingInfo    *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowPolicySummary, inflow_policy_summary_free)

G_END_DECLS
