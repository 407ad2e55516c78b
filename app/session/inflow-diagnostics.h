/* inflow-diagnostics.h: the checks of Diagnostics and the redacted status report
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-background-mode.h"
#include "inflow-diagnostic-check.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_DIAGNOSTICS (inflow_diagnostics_get_type ())

G_DECLARE_FINAL_TYPE (InflowDiagnostics, inflow_diagnostics, INFLOW, DIAGNOSTICS, GObject)

InflowDiagnostics     *inflow_diagnostics_new          (void);
InflowSession         *inflow_diagnostics_get_session  (InflowDiagnostics *self);
void                   inflow_diagnostics_set_session  (InflowDiagnostics *self,
                                                        InflowSession     *session);
GListModel            *inflow_diagnostics_get_checks   (InflowDiagnostics *self);
InflowDiagnosticCheck *inflow_diagnostics_get_check    (InflowDiagnostics *self,
                                                        InflowCheck        check);
void                   inflow_diagnostics_set_background_mode (InflowDiagnostics    *self,
                                                               InflowBackgroundMode *background);
void                   inflow_diagnostics_run          (InflowDiagnostics *self);
gboolean               inflow_diagnostics_get_checking (InflowDiagnostics *self);
char                  *inflow_diagnostics_build_report (InflowDiagnostics *self,
                                                        const char        *runtime);

G_END_DECLS
