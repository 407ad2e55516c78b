/* inflow-access-view.h: which workspaces show each integration's costs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_VIEW (inflow_access_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessView, inflow_access_view, INFLOW, ACCESS_VIEW, AdwBin)

GtkWidget      *inflow_access_view_new                 (void);
InflowSession  *inflow_access_view_get_session         (InflowAccessView            *self);
void            inflow_access_view_set_session         (InflowAccessView            *self,
                                                        InflowSession               *session);
gboolean        inflow_access_view_focus_integration   (InflowAccessView            *self,
                                                        const char                  *token);

G_END_DECLS
