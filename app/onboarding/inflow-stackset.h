/* inflow-stackset.h: the StackSet that puts the role in every member account
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"

G_BEGIN_DECLS

#define INFLOW_STACKSETS_SERVICE_PRINCIPAL "member.org.stacksets.cloudformation.amazonaws.com"
#define INFLOW_STACKSET_MAX_TARGETS        50

/**
 * InflowStackSetMaterial:
 * @stack_set_name: the StackSet's name
 * @region: the StackSet's region, where its single stack instance region is too
 * @template_json: the member-account template the StackSet deploys
 * @check_access_command: lists the enabled service principals; prints the
 *   number of StackSets principals (0 means trusted access is off)
 * @activate_access_command: turns trusted access on
 * @create_stack_set_command: creates the service-managed StackSet
 * @create_instances_command: deploys it to the organizational units or root
 * @list_instances_command: lists the stack instances with their accounts
 *   and status, as JSON that Inflow reads to register the member accounts
 * @script: all of the above as one bash script, activating trusted access
 *   only when the check says it is off
 * @management_account_note: that a StackSet never deploys to the
 *   management account
 */
typedef struct
{
  char *stack_set_name;
  char *region;
  char *template_json;
  char *check_access_command;
  char *activate_access_command;
  char *create_stack_set_command;
  char *create_instances_command;
  char *list_instances_command;
  char *script;
  char *management_account_note;
} InflowStackSetMaterial;

/**
 * InflowErrorAdvice:
 * @explanation: what the error means
 * @fix: what to do
 * @command: (nullable): a command that fixes it
 */
typedef struct
{
  char *explanation;
  char *fix;
  char *command;
} InflowErrorAdvice;

InflowStackSetMaterial *inflow_stackset_material_generate (const InflowOnboardingInfo    *info,
                                                           const InflowOnboardingChoices *choices,
                                                           const char * const            *targets,
                                                           const char * const            *regions,
                                                           GError                       **error);
void                    inflow_stackset_material_free     (InflowStackSetMaterial        *material);

InflowErrorAdvice      *inflow_stackset_explain_error     (const char                    *pasted);
void                    inflow_error_advice_free          (InflowErrorAdvice             *advice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowStackSetMaterial, inflow_stackset_material_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowErrorAdvice, inflow_error_advice_free)

G_END_DECLS
