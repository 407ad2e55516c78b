/* inflow-team.c: a team of users with access to workspaces
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-team.h"
#include "inflow-json.h"

struct _InflowTeam
{
  GObject  parent_instance;

  char    *token;
  char    *name;
  char    *description;
  GStrv    workspace_tokens;
  GStrv    user_emails;
  GStrv    user_tokens;
  char    *default_dashboard_token;
};

G_DEFINE_FINAL_TYPE (InflowTeam, inflow_team, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_WORKSPACE_TOKENS,
  PROP_USER_EMAILS,
  PROP_USER_TOKENS,
  PROP_DEFAULT_DASHBOARD_TOKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_team_finalize (GObject *object)
{
  InflowTeam *self = INFLOW_TEAM (object);

  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->workspace_tokens, g_strfreev);
  g_clear_pointer (&self->user_emails, g_strfreev);
  g_clear_pointer (&self->user_tokens, g_strfreev);
  g_clear_pointer (&self->default_dashboard_token, g_free);

  G_OBJECT_CLASS (inflow_team_parent_class)->finalize (object);
}

static void
inflow_team_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  InflowTeam *self = INFLOW_TEAM (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_WORKSPACE_TOKENS:
      g_value_set_boxed (value, self->workspace_tokens);
      break;

    case PROP_USER_EMAILS:
      g_value_set_boxed (value, self->user_emails);
      break;

    case PROP_USER_TOKENS:
      g_value_set_boxed (value, self->user_tokens);
      break;

    case PROP_DEFAULT_DASHBOARD_TOKEN:
      g_value_set_string (value, self->default_dashboard_token);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_team_class_init (InflowTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_team_finalize;
  object_class->get_property = inflow_team_get_property;

  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowTeam:workspace-tokens:
   *
   * The workspaces the team can access (the API gives no access level).
   */
  properties[PROP_WORKSPACE_TOKENS] =
    g_param_spec_boxed ("workspace-tokens", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER_EMAILS] =
    g_param_spec_boxed ("user-emails", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER_TOKENS] =
    g_param_spec_boxed ("user-tokens", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFAULT_DASHBOARD_TOKEN] =
    g_param_spec_string ("default-dashboard-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_team_init (InflowTeam *self)
{
}

/**
 * inflow_team_new_from_json:
 * @object: a `Team` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * The spec requires `user_emails`, but its own example of `GET /teams`
 * leaves it out, so a missing one reads as an empty list.
 *
 * Returns: (transfer full) (nullable): the team, or %NULL on error
 */
InflowTeam *
inflow_team_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(InflowTeam) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_TEAM, NULL);

  if (!inflow_json_read_string (object, "token", INFLOW_JSON_REQUIRED, &self->token, error) ||
      !inflow_json_read_string (object, "name", INFLOW_JSON_REQUIRED, &self->name, error) ||
      !inflow_json_read_string (object, "description", INFLOW_JSON_REQUIRED | INFLOW_JSON_NULLABLE,
                                &self->description, error) ||
      !inflow_json_read_strv (object, "workspace_tokens", INFLOW_JSON_REQUIRED, &self->workspace_tokens, error) ||
      !inflow_json_read_strv (object, "user_emails", INFLOW_JSON_OPTIONAL, &self->user_emails, error) ||
      !inflow_json_read_strv (object, "user_tokens", INFLOW_JSON_REQUIRED, &self->user_tokens, error) ||
      !inflow_json_read_string (object, "default_dashboard_token", INFLOW_JSON_REQUIRED | INFLOW_JSON_NULLABLE,
                                &self->default_dashboard_token, error))
    return NULL;

  if (self->user_emails == NULL)
    self->user_emails = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

const char *
inflow_team_get_token (InflowTeam *self)
{
  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  return self->token;
}

const char *
inflow_team_get_name (InflowTeam *self)
{
  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  return self->name;
}

const char *
inflow_team_get_description (InflowTeam *self)
{
  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  return self->description;
}

const char * const *
inflow_team_get_workspace_tokens (InflowTeam *self)
{
  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  return (const char * const *) self->workspace_tokens;
}

const char * const *
inflow_team_get_user_emails (InflowTeam *self)
{
  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  return (const char * const *) self->user_emails;
}

const char * const *
inflow_team_get_user_tokens (InflowTeam *self)
{
  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  return (const char * const *) self->user_tokens;
}

const char *
inflow_team_get_default_dashboard_token (InflowTeam *self)
{
  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  return self->default_dashboard_token;
}

/**
 * inflow_team_to_json:
 * @self: a #InflowTeam
 *
 * Writes the team as the API sends it (for the local cache), so that
 * inflow_team_new_from_json() makes an equal team of it.
 *
 * Returns: (transfer full): a `Team` object node
 */
JsonNode *
inflow_team_to_json (InflowTeam *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (INFLOW_IS_TEAM (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  inflow_json_add_string (builder, "token", self->token);
  inflow_json_add_string (builder, "name", self->name);
  inflow_json_add_string (builder, "description", self->description);
  inflow_json_add_strv (builder, "workspace_tokens", (const char * const *) self->workspace_tokens);
  inflow_json_add_strv (builder, "user_emails", (const char * const *) self->user_emails);
  inflow_json_add_strv (builder, "user_tokens", (const char * const *) self->user_tokens);
  inflow_json_add_string (builder, "default_dashboard_token", self->default_dashboard_token);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
