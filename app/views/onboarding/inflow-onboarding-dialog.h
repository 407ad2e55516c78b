/* inflow-onboarding-dialog.h: what the Backfill and Update Permissions dialogs share
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ONBOARDING_DIALOG (inflow_onboarding_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (InflowOnboardingDialog, inflow_onboarding_dialog, INFLOW, ONBOARDING_DIALOG, AdwWindow)

struct _InflowOnboardingDialogClass
{
  AdwWindowClass parent_class;
};

InflowSession *inflow_onboarding_dialog_get_session           (InflowOnboardingDialog *self);
const char    *inflow_onboarding_dialog_get_integration_token (InflowOnboardingDialog *self);
GCancellable  *inflow_onboarding_dialog_get_cancellable       (InflowOnboardingDialog *self);
GtkWidget     *inflow_onboarding_dialog_get_toast_overlay     (InflowOnboardingDialog *self);

void           inflow_onboarding_show_message                 (GtkLabel               *label,
                                                               const char             *text,
                                                               gboolean                is_error);

G_END_DECLS
