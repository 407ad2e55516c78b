/* inflow-diagnostics-page.h: the checks of Diagnostics and the status report, presented
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-diagnostics.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_DIAGNOSTICS_PAGE (inflow_diagnostics_page_get_type ())

G_DECLARE_FINAL_TYPE (InflowDiagnosticsPage, inflow_diagnostics_page, INFLOW, DIAGNOSTICS_PAGE, GtkWidget)

GtkWidget         *inflow_diagnostics_page_new             (void);
InflowSession     *inflow_diagnostics_page_get_session     (InflowDiagnosticsPage *self);
void               inflow_diagnostics_page_set_background_mode (InflowDiagnosticsPage *self,
                                                               InflowBackgroundMode  *background);
void               inflow_diagnostics_page_set_session     (InflowDiagnosticsPage *self,
                                                            InflowSession         *session);

G_END_DECLS
