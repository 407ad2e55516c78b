/* inflow-team.h: a team of users with access to workspaces
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_TEAM (inflow_team_get_type ())

G_DECLARE_FINAL_TYPE (InflowTeam, inflow_team, INFLOW, TEAM, GObject)

InflowTeam         *inflow_team_new_from_json                (JsonObject  *object,
                                                              GError     **error);
JsonNode           *inflow_team_to_json                      (InflowTeam  *self);
const char         *inflow_team_get_token                    (InflowTeam  *self);
const char         *inflow_team_get_name                     (InflowTeam  *self);
const char         *inflow_team_get_description              (InflowTeam  *self);
const char * const *inflow_team_get_workspace_tokens         (InflowTeam  *self);
const char * const *inflow_team_get_user_emails              (InflowTeam  *self);
const char * const *inflow_team_get_user_tokens              (InflowTeam  *self);
const char         *inflow_team_get_default_dashboard_token  (InflowTeam  *self);

G_END_DECLS
