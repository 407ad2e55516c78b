/* model-builders.h: model objects made from a few fields, for the session tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-cloud-account.h"
#include "inflow-integration.h"

G_BEGIN_DECLS

InflowCloudAccount *model_cloud_account (const char *title,
                                         const char *account_id,
                                         const char *provider_uuid);
InflowIntegration  *model_integration   (const char *token,
                                         const char *provider,
                                         const char *account_id,
                                         const char *status,
                                         const char *workspace_tokens);
InflowIntegration  *model_integration_created (const char *created_at);

G_END_DECLS
