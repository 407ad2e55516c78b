/* inflow-me.c: what GET /me says about the token in use
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-me.h"
#include "inflow-json.h"
#include "inflow-workspace.h"

struct _InflowMe
{
  GObject     parent_instance;

  char       *default_workspace_token;
  char       *default_dashboard_token;
  GListStore *workspaces;
  guint       n_invalid_workspaces;

  /* From bearer_token */
  char       *token_description;
  GDateTime  *token_created_at;
  GStrv       scopes;
};

G_DEFINE_FINAL_TYPE (InflowMe, inflow_me, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEFAULT_WORKSPACE_TOKEN,
  PROP_DEFAULT_DASHBOARD_TOKEN,
  PROP_WORKSPACES,
  PROP_N_INVALID_WORKSPACES,
  PROP_TOKEN_DESCRIPTION,
  PROP_TOKEN_CREATED_AT,
  PROP_SCOPES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_me_dispose (GObject *object)
{
  InflowMe *self = INFLOW_ME (object);

  g_clear_object (&self->workspaces);

  G_OBJECT_CLASS (inflow_me_parent_class)->dispose (object);
}

static void
inflow_me_finalize (GObject *object)
{
  InflowMe *self = INFLOW_ME (object);

  g_clear_pointer (&self->default_workspace_token, g_free);
  g_clear_pointer (&self->default_dashboard_token, g_free);
  g_clear_pointer (&self->token_description, g_free);
  g_clear_pointer (&self->token_created_at, g_date_time_unref);
  g_clear_pointer (&self->scopes, g_strfreev);

  G_OBJECT_CLASS (inflow_me_parent_class)->finalize (object);
}

static void
inflow_me_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  InflowMe *self = INFLOW_ME (object);

  switch (prop_id)
    {
    case PROP_DEFAULT_WORKSPACE_TOKEN:
      g_value_set_string (value, self->default_workspace_token);
      break;

    case PROP_DEFAULT_DASHBOARD_TOKEN:
      g_value_set_string (value, self->default_dashboard_token);
      break;

    case PROP_WORKSPACES:
      g_value_set_object (value, self->workspaces);
      break;

    case PROP_N_INVALID_WORKSPACES:
      g_value_set_uint (value, self->n_invalid_workspaces);
      break;

    case PROP_TOKEN_DESCRIPTION:
      g_value_set_string (value, self->token_description);
      break;

    case PROP_TOKEN_CREATED_AT:
      g_value_set_boxed (value, self->token_created_at);
      break;

    case PROP_SCOPES:
      g_value_set_boxed (value, self->scopes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_me_class_init (InflowMeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_me_dispose;
  object_class->finalize = inflow_me_finalize;
  object_class->get_property = inflow_me_get_property;

  properties[PROP_DEFAULT_WORKSPACE_TOKEN] =
    g_param_spec_string ("default-workspace-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFAULT_DASHBOARD_TOKEN] =
    g_param_spec_string ("default-dashboard-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowMe:workspaces:
   *
   * The #InflowWorkspace objects the token can see.
   */
  properties[PROP_WORKSPACES] =
    g_param_spec_object ("workspaces", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowMe:n-invalid-workspaces:
   *
   * How many workspaces of the response failed to parse and are missing
   * from #InflowMe:workspaces.
   */
  properties[PROP_N_INVALID_WORKSPACES] =
    g_param_spec_uint ("n-invalid-workspaces", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOKEN_DESCRIPTION] =
    g_param_spec_string ("token-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOKEN_CREATED_AT] =
    g_param_spec_boxed ("token-created-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowMe:scopes:
   *
   * The token's scopes ("read", "write").
   */
  properties[PROP_SCOPES] =
    g_param_spec_boxed ("scopes", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_me_init (InflowMe *self)
{
  self->workspaces = g_list_store_new (INFLOW_TYPE_WORKSPACE);
}

/**
 * inflow_me_new_from_json:
 * @object: a `Me` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * A workspace that fails to parse is left out and counted in
 * #InflowMe:n-invalid-workspaces.
 *
 * Returns: (transfer full) (nullable): the token's facts, or %NULL on error
 */
InflowMe *
inflow_me_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(InflowMe) self = NULL;
  g_autoptr(JsonObject) bearer_token = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_ME, NULL);

  if (!inflow_json_read_string (object, "default_workspace_token", INFLOW_JSON_REQUIRED | INFLOW_JSON_NULLABLE,
                                &self->default_workspace_token, error) ||
      !inflow_json_read_string (object, "default_dashboard_token", INFLOW_JSON_NULLABLE,
                                &self->default_dashboard_token, error) ||
      !inflow_json_parse_list (object, "workspaces", (InflowModelFromJson) inflow_workspace_new_from_json,
                               self->workspaces, &self->n_invalid_workspaces, error) ||
      !inflow_json_read_object (object, "bearer_token", INFLOW_JSON_REQUIRED, &bearer_token, error))
    return NULL;

  if (!inflow_json_read_string (bearer_token, "description", INFLOW_JSON_REQUIRED, &self->token_description, error) ||
      !inflow_json_read_timestamp (bearer_token, "created_at", INFLOW_JSON_REQUIRED, &self->token_created_at, error) ||
      !inflow_json_read_strv (bearer_token, "scope", INFLOW_JSON_REQUIRED, &self->scopes, error))
    {
      g_prefix_error (error, "in “bearer_token”: ");
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
inflow_me_get_default_workspace_token (InflowMe *self)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), NULL);

  return self->default_workspace_token;
}

const char *
inflow_me_get_default_dashboard_token (InflowMe *self)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), NULL);

  return self->default_dashboard_token;
}

/**
 * inflow_me_get_workspaces:
 *
 * Returns: (transfer none): a list model of #InflowWorkspace
 */
GListModel *
inflow_me_get_workspaces (InflowMe *self)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), NULL);

  return G_LIST_MODEL (self->workspaces);
}

guint
inflow_me_get_n_invalid_workspaces (InflowMe *self)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), 0);

  return self->n_invalid_workspaces;
}

const char *
inflow_me_get_token_description (InflowMe *self)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), NULL);

  return self->token_description;
}

GDateTime *
inflow_me_get_token_created_at (InflowMe *self)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), NULL);

  return self->token_created_at;
}

const char * const *
inflow_me_get_scopes (InflowMe *self)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), NULL);

  return (const char * const *) self->scopes;
}

/* Whether the token has @scope ("read" or "write"). */
gboolean
inflow_me_has_scope (InflowMe   *self,
                     const char *scope)
{
  g_return_val_if_fail (INFLOW_IS_ME (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->scopes, scope);
}

/**
 * inflow_me_to_json:
 * @self: a #InflowMe
 *
 * Writes the token's facts as GET /me sends them (for the local cache), so
 * that inflow_me_new_from_json() makes an equal object of them. Workspaces
 * that failed to parse are not written, so the copy counts none invalid.
 *
 * Returns: (transfer full): a `Me` object node
 */
JsonNode *
inflow_me_to_json (InflowMe *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  guint n_workspaces;

  g_return_val_if_fail (INFLOW_IS_ME (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  inflow_json_add_string (builder, "default_workspace_token", self->default_workspace_token);
  inflow_json_add_string (builder, "default_dashboard_token", self->default_dashboard_token);

  json_builder_set_member_name (builder, "workspaces");
  json_builder_begin_array (builder);
  n_workspaces = g_list_model_get_n_items (G_LIST_MODEL (self->workspaces));
  for (guint i = 0; i < n_workspaces; i++)
    {
      g_autoptr(InflowWorkspace) workspace = g_list_model_get_item (G_LIST_MODEL (self->workspaces), i);

      json_builder_add_value (builder, inflow_workspace_to_json (workspace));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "bearer_token");
  json_builder_begin_object (builder);
  inflow_json_add_string (builder, "description", self->token_description);
  inflow_json_add_timestamp (builder, "created_at", self->token_created_at);
  inflow_json_add_strv (builder, "scope", (const char * const *) self->scopes);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
