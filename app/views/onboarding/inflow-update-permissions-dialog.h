/* inflow-update-permissions-dialog.h: what changed in Vantage's permissions, and how to update the role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowUpdateState:
 * @INFLOW_UPDATE_STATE_LOADING: fetching the current provider info
 * @INFLOW_UPDATE_STATE_ERROR: it could not be fetched (Retry)
 * @INFLOW_UPDATE_STATE_CHANGED: the recorded info differs from the current one
 * @INFLOW_UPDATE_STATE_UNCHANGED: no change since Inflow connected the account
 * @INFLOW_UPDATE_STATE_NOT_RECORDED: connected elsewhere: the full material
 */
typedef enum
{
  INFLOW_UPDATE_STATE_LOADING,
  INFLOW_UPDATE_STATE_ERROR,
  INFLOW_UPDATE_STATE_CHANGED,
  INFLOW_UPDATE_STATE_UNCHANGED,
  INFLOW_UPDATE_STATE_NOT_RECORDED,
} InflowUpdateState;

#define INFLOW_TYPE_UPDATE_PERMISSIONS_DIALOG (inflow_update_permissions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (InflowUpdatePermissionsDialog, inflow_update_permissions_dialog, INFLOW, UPDATE_PERMISSIONS_DIALOG, AdwWindow)

/* For win.update-permissions(s token). */
InflowUpdatePermissionsDialog *inflow_update_permissions_dialog_new        (GtkWindow                     *parent,
                                                                            InflowSession                 *session,
                                                                            const char                    *integration_token);
InflowUpdateState              inflow_update_permissions_dialog_get_state  (InflowUpdatePermissionsDialog *self);
guint                          inflow_update_permissions_dialog_get_n_changes (InflowUpdatePermissionsDialog *self);

G_END_DECLS
