/* inflow-integrations-view.h: every integration of the profile
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-ingestion-verdict.h"
#include "inflow-integration-words.h"
#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowIntegrationVerdictFunc:
 * @integration: the integration of a row
 * @label: (out) (transfer full): the badge's text
 * @severity: (out): its colour
 * @user_data: the data given with the function
 *
 * Fills the "Ingestion" column (the window sets it once the ingestion
 * section has verdicts).
 *
 * Returns: whether there is a verdict to show
 */
typedef gboolean (*InflowIntegrationVerdictFunc) (InflowIntegration        *integration,
                                                  char                    **label,
                                                  InflowIngestionSeverity  *severity,
                                                  gpointer                  user_data);

#define INFLOW_TYPE_INTEGRATIONS_VIEW (inflow_integrations_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowIntegrationsView, inflow_integrations_view, INFLOW, INTEGRATIONS_VIEW, AdwBin)

GtkWidget     *inflow_integrations_view_new                 (void);
InflowSession *inflow_integrations_view_get_session         (InflowIntegrationsView       *self);
void           inflow_integrations_view_set_session         (InflowIntegrationsView       *self,
                                                             InflowSession                *session);

gboolean       inflow_integrations_view_show_integration    (InflowIntegrationsView       *self,
                                                             const char                   *token);
void           inflow_integrations_view_show_list           (InflowIntegrationsView       *self);
InflowIntegration *inflow_integrations_view_get_shown_integration (InflowIntegrationsView *self);

void           inflow_integrations_view_set_verdict_func    (InflowIntegrationsView       *self,
                                                             InflowIntegrationVerdictFunc  func,
                                                             gpointer                      user_data,
                                                             GDestroyNotify                destroy);
void           inflow_integrations_view_refresh_verdicts    (InflowIntegrationsView       *self);

/* Search and filters, as the widgets set them. */
void           inflow_integrations_view_set_search          (InflowIntegrationsView       *self,
                                                             const char                   *text);
void           inflow_integrations_view_set_provider_filter (InflowIntegrationsView       *self,
                                                             const char                   *provider);
void           inflow_integrations_view_set_status_filter   (InflowIntegrationsView       *self,
                                                             int                           word);

/* What the list shows (filtered and sorted), and whether it is still
 * filtering; for tests and the benchmark. */
GListModel    *inflow_integrations_view_get_shown_model     (InflowIntegrationsView       *self);
gboolean       inflow_integrations_view_get_busy            (InflowIntegrationsView       *self);
const char    *inflow_integrations_view_get_state           (InflowIntegrationsView       *self);
const char    *inflow_integrations_view_get_last_toast      (InflowIntegrationsView       *self);

G_END_DECLS
