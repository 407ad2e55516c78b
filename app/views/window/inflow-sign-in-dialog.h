/* inflow-sign-in-dialog.h
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-profile-manager.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_SIGN_IN_DIALOG (inflow_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (InflowSignInDialog, inflow_sign_in_dialog, INFLOW, SIGN_IN_DIALOG, AdwWindow)

InflowSignInDialog   *inflow_sign_in_dialog_new                 (GtkWindow            *parent,
                                                                 InflowProfileManager *manager);
InflowProfileManager *inflow_sign_in_dialog_get_profile_manager (InflowSignInDialog   *self);
void                  inflow_sign_in_dialog_prefill             (InflowSignInDialog   *self,
                                                                 const char           *name,
                                                                 const char           *base_url,
                                                                 const char           *reason);
gboolean              inflow_sign_in_dialog_get_busy            (InflowSignInDialog   *self);

G_END_DECLS
