/* inflow-user.h: a user of the Vantage account
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_USER (inflow_user_get_type ())

G_DECLARE_FINAL_TYPE (InflowUser, inflow_user, INFLOW, USER, GObject)

InflowUser *inflow_user_new_from_json                (JsonObject  *object,
                                                      GError     **error);
const char *inflow_user_get_token                    (InflowUser  *self);
const char *inflow_user_get_name                     (InflowUser  *self);
const char *inflow_user_get_email                    (InflowUser  *self);
const char *inflow_user_get_role                     (InflowUser  *self);
const char *inflow_user_get_default_dashboard_token  (InflowUser  *self);
GDateTime  *inflow_user_get_last_seen_at             (InflowUser  *self);

G_END_DECLS
