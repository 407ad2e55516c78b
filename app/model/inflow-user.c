/* inflow-user.c: a user of the Vantage account
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include "inflow-user.h"
#include "inflow-json.h"

struct _InflowUser
{
  GObject    parent_instance;

  char      *token;
  char      *name;
  char      *email;
  char      *role;
  char      *default_dashboard_token;
  GDateTime *last_seen_at;
};

G_DEFINE_FINAL_TYPE (InflowUser, inflow_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_DEFAULT_DASHBOARD_TOKEN,
  PROP_LAST_SEEN_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_user_finalize (GObject *object)
{
  InflowUser *self = INFLOW_USER (object);

  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->default_dashboard_token, g_free);
  g_clear_pointer (&self->last_seen_at, g_date_time_unref);

  G_OBJECT_CLASS (inflow_user_parent_class)->finalize (object);
}

static void
inflow_user_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  InflowUser *self = INFLOW_USER (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_DEFAULT_DASHBOARD_TOKEN:
      g_value_set_string (value, self->default_dashboard_token);
      break;

    case PROP_LAST_SEEN_AT:
      g_value_set_boxed (value, self->last_seen_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_user_class_init (InflowUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_user_finalize;
  object_class->get_property = inflow_user_get_property;

  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowUser:role:
   *
   * The organization role as sent ("Owner", "Editor", …).
   */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFAULT_DASHBOARD_TOKEN] =
    g_param_spec_string ("default-dashboard-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowUser:last-seen-at:
   *
   * When the user last logged in, or %NULL.
   */
  properties[PROP_LAST_SEEN_AT] =
    g_param_spec_boxed ("last-seen-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_user_init (InflowUser *self)
{
}

/**
 * inflow_user_new_from_json:
 * @object: a `User` object
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the user, or %NULL on error
 */
InflowUser *
inflow_user_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(InflowUser) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (INFLOW_TYPE_USER, NULL);

  if (!inflow_json_read_string (object, "token", INFLOW_JSON_REQUIRED, &self->token, error) ||
      !inflow_json_read_string (object, "name", INFLOW_JSON_REQUIRED | INFLOW_JSON_NULLABLE, &self->name, error) ||
      !inflow_json_read_string (object, "email", INFLOW_JSON_REQUIRED, &self->email, error) ||
      !inflow_json_read_string (object, "role", INFLOW_JSON_REQUIRED, &self->role, error) ||
      !inflow_json_read_string (object, "default_dashboard_token", INFLOW_JSON_NULLABLE,
                                &self->default_dashboard_token, error) ||
      !inflow_json_read_timestamp (object, "last_seen_at", INFLOW_JSON_NULLABLE, &self->last_seen_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
inflow_user_get_token (InflowUser *self)
{
  g_return_val_if_fail (INFLOW_IS_USER (self), NULL);

  return self->token;
}

const char *
inflow_user_get_name (InflowUser *self)
{
  g_return_val_if_fail (INFLOW_IS_USER (self), NULL);

  return self->name;
}

const char *
inflow_user_get_email (InflowUser *self)
{
  g_return_val_if_fail (INFLOW_IS_USER (self), NULL);

  return self->email;
}

const char *
inflow_user_get_role (InflowUser *self)
{
  g_return_val_if_fail (INFLOW_IS_USER (self), NULL);

  return self->role;
}

const char *
inflow_user_get_default_dashboard_token (InflowUser *self)
{
  g_return_val_if_fail (INFLOW_IS_USER (self), NULL);

  return self->default_dashboard_token;
}

GDateTime *
inflow_user_get_last_seen_at (InflowUser *self)
{
  g_return_val_if_fail (INFLOW_IS_USER (self), NULL);

  return self->last_seen_at;
}
