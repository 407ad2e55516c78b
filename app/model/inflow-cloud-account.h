/* inflow-cloud-account.h: a provider account with costs in a workspace
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_CLOUD_ACCOUNT (inflow_cloud_account_get_type ())

G_DECLARE_FINAL_TYPE (InflowCloudAccount, inflow_cloud_account, INFLOW, CLOUD_ACCOUNT, GObject)

InflowCloudAccount *inflow_cloud_account_new_from_json              (JsonObject          *object,
                                                                     GError             **error);
JsonNode           *inflow_cloud_account_to_json                    (InflowCloudAccount  *self);
const char         *inflow_cloud_account_get_title                  (InflowCloudAccount  *self);
const char         *inflow_cloud_account_get_account_id             (InflowCloudAccount  *self);
const char         *inflow_cloud_account_get_provider_uuid          (InflowCloudAccount  *self);
const char         *inflow_cloud_account_get_provider               (InflowCloudAccount  *self);
const char         *inflow_cloud_account_get_organization_id        (InflowCloudAccount  *self);
const char         *inflow_cloud_account_get_management_account_id  (InflowCloudAccount  *self);
const char         *inflow_cloud_account_get_partition              (InflowCloudAccount  *self);
gboolean            inflow_cloud_account_is_management              (InflowCloudAccount  *self);

G_END_DECLS
