/* inflow-me.h: what GET /me says about the token in use
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_ME (inflow_me_get_type ())

G_DECLARE_FINAL_TYPE (InflowMe, inflow_me, INFLOW, ME, GObject)

InflowMe           *inflow_me_new_from_json                (JsonObject  *object,
                                                            GError     **error);
JsonNode           *inflow_me_to_json                      (InflowMe    *self);
const char         *inflow_me_get_default_workspace_token  (InflowMe    *self);
const char         *inflow_me_get_default_dashboard_token  (InflowMe    *self);
GListModel         *inflow_me_get_workspaces               (InflowMe    *self);
guint               inflow_me_get_n_invalid_workspaces     (InflowMe    *self);
const char         *inflow_me_get_token_description        (InflowMe    *self);
GDateTime          *inflow_me_get_token_created_at         (InflowMe    *self);
const char * const *inflow_me_get_scopes                   (InflowMe    *self);
gboolean            inflow_me_has_scope                    (InflowMe    *self,
                                                            const char  *scope);

G_END_DECLS
