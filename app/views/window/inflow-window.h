/* inflow-window.h
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-profile-manager.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_WINDOW (inflow_window_get_type ())

G_DECLARE_FINAL_TYPE (InflowWindow, inflow_window, INFLOW, WINDOW, AdwApplicationWindow)

InflowWindow         *inflow_window_new                 (GtkApplication       *application);
const char           *inflow_window_get_section         (InflowWindow         *self);
void                  inflow_window_set_section         (InflowWindow         *self,
                                                         const char           *section);

InflowProfileManager *inflow_window_get_profile_manager (InflowWindow         *self);
void                  inflow_window_set_profile_manager (InflowWindow         *self,
                                                         InflowProfileManager *manager);
InflowSession        *inflow_window_get_session         (InflowWindow         *self);
gboolean              inflow_window_get_loading         (InflowWindow         *self);
void                  inflow_window_set_loading         (InflowWindow         *self,
                                                         gboolean              loading);
void                  inflow_window_add_toast           (InflowWindow         *self,
                                                         const char           *message);

G_END_DECLS
