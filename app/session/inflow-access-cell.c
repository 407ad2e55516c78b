/* inflow-access-cell.c: one integration in one workspace, as its check box shows it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include "inflow-access-model-private.h"

/* The model keeps it up to date from the integration and the session's
 * queue of changes. */
struct _InflowAccessCell
{
  GObject                parent_instance;

  char                  *integration_token;
  InflowAccessColumn    *column;
  InflowAccessCellState  state;
  gboolean               active;
  char                  *status;
  char                  *label;
};

G_DEFINE_FINAL_TYPE (InflowAccessCell, inflow_access_cell, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowAccessCellState, inflow_access_cell_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_CELL_NOT_IN, "not-in"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_CELL_IN, "in"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_CELL_WAITING, "waiting"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_CELL_FAILED, "failed"))

enum {
  PROP_0,
  PROP_INTEGRATION_TOKEN,
  PROP_COLUMN,
  PROP_STATE,
  PROP_ACTIVE,
  PROP_STATUS,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_access_cell_finalize (GObject *object)
{
  InflowAccessCell *self = INFLOW_ACCESS_CELL (object);

  g_clear_pointer (&self->integration_token, g_free);
  g_clear_object (&self->column);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (inflow_access_cell_parent_class)->finalize (object);
}

static void
inflow_access_cell_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowAccessCell *self = INFLOW_ACCESS_CELL (object);

  switch (prop_id)
    {
    case PROP_INTEGRATION_TOKEN:
      g_value_set_string (value, self->integration_token);
      break;

    case PROP_COLUMN:
      g_value_set_object (value, self->column);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_cell_class_init (InflowAccessCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_access_cell_finalize;
  object_class->get_property = inflow_access_cell_get_property;

  properties[PROP_INTEGRATION_TOKEN] =
    g_param_spec_string ("integration-token", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLUMN] =
    g_param_spec_object ("column", NULL, NULL, INFLOW_TYPE_ACCESS_COLUMN,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       INFLOW_TYPE_ACCESS_CELL_STATE, INFLOW_ACCESS_CELL_NOT_IN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_access_cell_init (InflowAccessCell *self)
{
}

InflowAccessCell *
_inflow_access_cell_new (const char         *integration_token,
                         InflowAccessColumn *column)
{
  InflowAccessCell *self;

  g_return_val_if_fail (integration_token != NULL, NULL);
  g_return_val_if_fail (INFLOW_IS_ACCESS_COLUMN (column), NULL);

  self = g_object_new (INFLOW_TYPE_ACCESS_CELL, NULL);
  self->integration_token = g_strdup (integration_token);
  self->column = g_object_ref (column);

  return self;
}

void
_inflow_access_cell_update (InflowAccessCell      *self,
                            InflowAccessCellState  state,
                            gboolean               active,
                            const char            *status,
                            const char            *label)
{
  g_return_if_fail (INFLOW_IS_ACCESS_CELL (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (self->active != !!active)
    {
      self->active = !!active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }

  if (_inflow_access_set_str (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);

  if (_inflow_access_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
inflow_access_cell_get_integration_token (InflowAccessCell *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_CELL (self), NULL);

  return self->integration_token;
}

/**
 * inflow_access_cell_get_column:
 *
 * Returns: (transfer none): the workspace
 */
InflowAccessColumn *
inflow_access_cell_get_column (InflowAccessCell *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_CELL (self), NULL);

  return self->column;
}

InflowAccessCellState
inflow_access_cell_get_state (InflowAccessCell *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_CELL (self), INFLOW_ACCESS_CELL_NOT_IN);

  return self->state;
}

gboolean
inflow_access_cell_get_active (InflowAccessCell *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_CELL (self), FALSE);

  return self->active;
}

/**
 * inflow_access_cell_get_status:
 *
 * Returns: (nullable): why the cell waits, failed or cannot change
 */
const char *
inflow_access_cell_get_status (InflowAccessCell *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_CELL (self), NULL);

  return self->status;
}

const char *
inflow_access_cell_get_label (InflowAccessCell *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_CELL (self), NULL);

  return self->label;
}
