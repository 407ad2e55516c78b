/* inflow-integration.h: one connected provider credential (v2 Integration)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  INFLOW_INTEGRATION_STATUS_UNKNOWN,
  INFLOW_INTEGRATION_STATUS_PENDING,
  INFLOW_INTEGRATION_STATUS_IMPORTING,
  INFLOW_INTEGRATION_STATUS_IMPORTED,
  INFLOW_INTEGRATION_STATUS_CONNECTED,
  INFLOW_INTEGRATION_STATUS_ERROR,
  INFLOW_INTEGRATION_STATUS_DISCONNECTED,
} InflowIntegrationStatus;

#define INFLOW_TYPE_INTEGRATION_STATUS (inflow_integration_status_get_type ())

GType                    inflow_integration_status_get_type    (void);
InflowIntegrationStatus  inflow_integration_status_from_string (const char *status);

#define INFLOW_TYPE_INTEGRATION (inflow_integration_get_type ())

G_DECLARE_FINAL_TYPE (InflowIntegration, inflow_integration, INFLOW, INTEGRATION, GObject)

InflowIntegration       *inflow_integration_new_from_json               (JsonObject         *object,
                                                                         GError            **error);
JsonNode                *inflow_integration_to_json                     (InflowIntegration  *self);
const char              *inflow_integration_get_token                   (InflowIntegration  *self);
const char              *inflow_integration_get_provider                (InflowIntegration  *self);
gboolean                 inflow_integration_is_provider                 (InflowIntegration  *self,
                                                                         const char         *provider);
const char              *inflow_integration_get_account_identifier      (InflowIntegration  *self);
InflowIntegrationStatus  inflow_integration_get_status                  (InflowIntegration  *self);
const char              *inflow_integration_get_status_string           (InflowIntegration  *self);
GDateTime               *inflow_integration_get_last_updated            (InflowIntegration  *self);
GDateTime               *inflow_integration_get_created_at              (InflowIntegration  *self);
const char * const      *inflow_integration_get_workspace_tokens        (InflowIntegration  *self);
const char * const      *inflow_integration_get_managed_account_tokens  (InflowIntegration  *self);

G_END_DECLS
