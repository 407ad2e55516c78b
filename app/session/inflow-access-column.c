/* inflow-access-column.c: one workspace as Workspace Access shows it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include "inflow-access-model-private.h"

/* A workspace: a column of check boxes, an entry of the workspace choosers
 * and a card telling which teams see it. */
struct _InflowAccessColumn
{
  GObject  parent_instance;

  char    *workspace_token;
  char    *name;
  char    *seen_by;
};

G_DEFINE_FINAL_TYPE (InflowAccessColumn, inflow_access_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKSPACE_TOKEN,
  PROP_NAME,
  PROP_SEEN_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_access_column_finalize (GObject *object)
{
  InflowAccessColumn *self = INFLOW_ACCESS_COLUMN (object);

  g_clear_pointer (&self->workspace_token, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->seen_by, g_free);

  G_OBJECT_CLASS (inflow_access_column_parent_class)->finalize (object);
}

static void
inflow_access_column_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowAccessColumn *self = INFLOW_ACCESS_COLUMN (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_TOKEN:
      g_value_set_string (value, self->workspace_token);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SEEN_BY:
      g_value_set_string (value, self->seen_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_column_class_init (InflowAccessColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_access_column_finalize;
  object_class->get_property = inflow_access_column_get_property;

  properties[PROP_WORKSPACE_TOKEN] =
    g_param_spec_string ("workspace-token", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEEN_BY] =
    g_param_spec_string ("seen-by", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_access_column_init (InflowAccessColumn *self)
{
}

InflowAccessColumn *
_inflow_access_column_new (const char *workspace_token,
                           const char *name)
{
  InflowAccessColumn *self;

  g_return_val_if_fail (workspace_token != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_ACCESS_COLUMN, NULL);
  self->workspace_token = g_strdup (workspace_token);
  self->name = g_strdup (name != NULL ? name : workspace_token);

  return self;
}

void
_inflow_access_column_set_seen_by (InflowAccessColumn *self,
                                   const char         *seen_by)
{
  g_return_if_fail (INFLOW_IS_ACCESS_COLUMN (self));

  if (_inflow_access_set_str (&self->seen_by, seen_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEN_BY]);
}

const char *
inflow_access_column_get_workspace_token (InflowAccessColumn *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_COLUMN (self), NULL);

  return self->workspace_token;
}

const char *
inflow_access_column_get_name (InflowAccessColumn *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_COLUMN (self), NULL);

  return self->name;
}

const char *
inflow_access_column_get_seen_by (InflowAccessColumn *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_COLUMN (self), NULL);

  return self->seen_by;
}
