/* contract-spec.h: reading the official Swagger 2.0 specs in the contract test
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *contract_spec_load                  (const char  *path,
                                               GError     **error);
gboolean  contract_spec_save                  (JsonNode    *spec,
                                               const char  *path,
                                               GError     **error);
guint     contract_spec_drop_no_content_bodies (JsonNode   *spec);
gboolean  contract_spec_declares_status       (JsonNode    *spec,
                                               const char  *method,
                                               const char  *path_template,
                                               guint        status);
gboolean  contract_spec_validate              (JsonNode    *spec,
                                               const char  *definition,
                                               JsonNode    *value,
                                               GString     *problems);

G_END_DECLS
