/* inflow-integrations-view.h: every integration of the profile
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_INTEGRATIONS_VIEW (inflow_integrations_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowIntegrationsView, inflow_integrations_view, INFLOW, INTEGRATIONS_VIEW, AdwBin)

GtkWidget         *inflow_integrations_view_new                    (void);
InflowSession     *inflow_integrations_view_get_session            (InflowIntegrationsView *self);
void               inflow_integrations_view_set_session            (InflowIntegrationsView *self,
                                                                    InflowSession          *session);

gboolean           inflow_integrations_view_show_integration       (InflowIntegrationsView *self,
                                                                    const char             *token);
void               inflow_integrations_view_show_list              (InflowIntegrationsView *self);
void               inflow_integrations_view_search                 (InflowIntegrationsView *self,
                                                                    const char             *text);

G_END_DECLS
