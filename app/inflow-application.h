/* inflow-application.h
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-background-mode.h"
#include "inflow-notifier.h"
#include "inflow-profile-manager.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_APPLICATION (inflow_application_get_type ())

G_DECLARE_FINAL_TYPE (InflowApplication, inflow_application, INFLOW, APPLICATION, AdwApplication)

InflowApplication    *inflow_application_new                 (void);
GSettings            *inflow_application_get_settings        (InflowApplication *self);
InflowProfileManager *inflow_application_get_profile_manager (InflowApplication *self);
InflowNotifier       *inflow_application_get_notifier        (InflowApplication *self);
gboolean              inflow_application_get_ready           (InflowApplication *self);
InflowBackgroundMode *inflow_application_get_background_mode (InflowApplication *self);

G_END_DECLS
