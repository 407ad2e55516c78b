/* inflow-diagnostics-window.h: Diagnostics, in a window of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-background-mode.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_DIAGNOSTICS_WINDOW (inflow_diagnostics_window_get_type ())

G_DECLARE_FINAL_TYPE (InflowDiagnosticsWindow, inflow_diagnostics_window, INFLOW, DIAGNOSTICS_WINDOW, AdwWindow)

InflowDiagnosticsWindow *inflow_diagnostics_window_new (GtkWindow            *parent,
                                                        InflowSession        *session,
                                                        InflowBackgroundMode *background);

G_END_DECLS
