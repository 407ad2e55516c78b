/* inflow-access-check.c: a Workspace Access check box whose accessible name and state bind
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-access-view"

#include "config.h"

#include "inflow-access-check.h"

/**
 * InflowAccessCheck:
 *
 * A check box of the Workspace Access grid. Accessible properties are not
 * GObject properties, so a cell template cannot bind them; this one has two
 * that are: #InflowAccessCheck:accessible-label ("Show Production costs in
 * Finance") and #InflowAccessCheck:accessible-description (why the change
 * waits or failed). A grid shows a couple of hundred rows of them: a label
 * widget per name would double what each cell costs to make.
 */
struct _InflowAccessCheck
{
  GtkCheckButton  parent_instance;

  char           *accessible_label;
  char           *accessible_description;
};

G_DEFINE_FINAL_TYPE (InflowAccessCheck, inflow_access_check, GTK_TYPE_CHECK_BUTTON)

enum {
  PROP_0,
  PROP_ACCESSIBLE_LABEL,
  PROP_ACCESSIBLE_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (InflowAccessCheck        *self,
          char                    **field,
          const char               *text,
          GtkAccessibleProperty     property,
          GParamSpec               *pspec)
{
  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), property, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), property);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
inflow_access_check_finalize (GObject *object)
{
  InflowAccessCheck *self = INFLOW_ACCESS_CHECK (object);

  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_pointer (&self->accessible_description, g_free);

  G_OBJECT_CLASS (inflow_access_check_parent_class)->finalize (object);
}

static void
inflow_access_check_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowAccessCheck *self = INFLOW_ACCESS_CHECK (object);

  switch (prop_id)
    {
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;

    case PROP_ACCESSIBLE_DESCRIPTION:
      g_value_set_string (value, self->accessible_description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_check_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  InflowAccessCheck *self = INFLOW_ACCESS_CHECK (object);

  switch (prop_id)
    {
    case PROP_ACCESSIBLE_LABEL:
      set_text (self, &self->accessible_label, g_value_get_string (value),
                GTK_ACCESSIBLE_PROPERTY_LABEL, pspec);
      break;

    case PROP_ACCESSIBLE_DESCRIPTION:
      set_text (self, &self->accessible_description, g_value_get_string (value),
                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_check_class_init (InflowAccessCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_access_check_finalize;
  object_class->get_property = inflow_access_check_get_property;
  object_class->set_property = inflow_access_check_set_property;

  properties[PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCESSIBLE_DESCRIPTION] =
    g_param_spec_string ("accessible-description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_access_check_init (InflowAccessCheck *self)
{
}
