/* inflow-integration-page.h: one integration in detail, with its actions
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_INTEGRATION_PAGE (inflow_integration_page_get_type ())

G_DECLARE_FINAL_TYPE (InflowIntegrationPage, inflow_integration_page, INFLOW, INTEGRATION_PAGE, AdwBin)

InflowIntegration *inflow_integration_page_get_integration (InflowIntegrationPage *self);
void               inflow_integration_page_set_integration (InflowIntegrationPage *self,
                                                            InflowSession         *session,
                                                            InflowIntegration     *integration);
void               inflow_integration_page_delete          (InflowIntegrationPage *self);

G_END_DECLS
