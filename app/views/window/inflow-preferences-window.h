/* inflow-preferences-window.h
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-background-mode.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_PREFERENCES_WINDOW (inflow_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (InflowPreferencesWindow, inflow_preferences_window, INFLOW, PREFERENCES_WINDOW, AdwPreferencesWindow)

InflowPreferencesWindow *inflow_preferences_window_new (GtkWindow            *transient_for,
                                                        InflowBackgroundMode *background);

G_END_DECLS
