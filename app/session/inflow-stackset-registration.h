/* inflow-stackset-registration.h: registering the member accounts a StackSet gave a role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-member-registration.h"
#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_STACKSET_REGISTRATION (inflow_stackset_registration_get_type ())

G_DECLARE_FINAL_TYPE (InflowStackSetRegistration, inflow_stackset_registration, INFLOW, STACKSET_REGISTRATION, GObject)

InflowStackSetRegistration *inflow_stackset_registration_new              (InflowSession                 *session,
                                                                           const InflowOnboardingInfo    *info,
                                                                           const InflowOnboardingChoices *choices);
GListModel                 *inflow_stackset_registration_get_members      (InflowStackSetRegistration    *self);
gboolean                    inflow_stackset_registration_read_instances   (InflowStackSetRegistration    *self,
                                                                           const char                    *pasted,
                                                                           GError                       **error);
guint                       inflow_stackset_registration_add_organization_members (InflowStackSetRegistration *self);
gboolean                    inflow_stackset_registration_get_running      (InflowStackSetRegistration    *self);
gboolean                    inflow_stackset_registration_get_can_register (InflowStackSetRegistration    *self);
char                       *inflow_stackset_registration_dup_summary      (InflowStackSetRegistration    *self);

/* Registers, one POST at a time with a pause between them, every member
 * that waits or failed before; a member Vantage already has is not sent.
 * Then lists the integrations to find the new ones. Fails only when
 * cancelled; each member's outcome is in its state. */
void                        inflow_stackset_registration_register_async   (InflowStackSetRegistration    *self,
                                                                           GCancellable                  *cancellable,
                                                                           GAsyncReadyCallback            callback,
                                                                           gpointer                       user_data);
gboolean                    inflow_stackset_registration_register_finish  (InflowStackSetRegistration    *self,
                                                                           GAsyncResult                  *result,
                                                                           GError                       **error);

G_END_DECLS
