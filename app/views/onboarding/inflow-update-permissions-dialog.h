/* inflow-update-permissions-dialog.h: what changed in Vantage's permissions, and how to update the role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-onboarding-dialog.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_UPDATE_PERMISSIONS_DIALOG (inflow_update_permissions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (InflowUpdatePermissionsDialog, inflow_update_permissions_dialog, INFLOW, UPDATE_PERMISSIONS_DIALOG, InflowOnboardingDialog)

/* For win.update-permissions(s token). */
InflowUpdatePermissionsDialog *inflow_update_permissions_dialog_new (GtkWindow     *parent,
                                                                     InflowSession *session,
                                                                     const char    *integration_token);

G_END_DECLS
