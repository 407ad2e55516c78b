/* inflow-access-result.c: what a batch of workspace access changes did to one integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include "inflow-access-result.h"

/* Immutable: one line of a batch's results. */
struct _InflowAccessResult
{
  GObject              parent_instance;

  char                *integration_token;
  char                *title;
  InflowAccessOutcome  outcome;
  char                *details;
};

G_DEFINE_FINAL_TYPE (InflowAccessResult, inflow_access_result, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowAccessOutcome, inflow_access_outcome,
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_OUTCOME_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_OUTCOME_ALREADY, "already"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_OUTCOME_FAILED, "failed"))

enum {
  PROP_0,
  PROP_INTEGRATION_TOKEN,
  PROP_TITLE,
  PROP_OUTCOME,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_access_result_finalize (GObject *object)
{
  InflowAccessResult *self = INFLOW_ACCESS_RESULT (object);

  g_clear_pointer (&self->integration_token, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (inflow_access_result_parent_class)->finalize (object);
}

static void
inflow_access_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowAccessResult *self = INFLOW_ACCESS_RESULT (object);

  switch (prop_id)
    {
    case PROP_INTEGRATION_TOKEN:
      g_value_set_string (value, self->integration_token);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_result_class_init (InflowAccessResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_access_result_finalize;
  object_class->get_property = inflow_access_result_get_property;

  properties[PROP_INTEGRATION_TOKEN] =
    g_param_spec_string ("integration-token", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL,
                       INFLOW_TYPE_ACCESS_OUTCOME, INFLOW_ACCESS_OUTCOME_FAILED,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_access_result_init (InflowAccessResult *self)
{
}

InflowAccessResult *
inflow_access_result_new (const char          *integration_token,
                          const char          *title,
                          InflowAccessOutcome  outcome,
                          const char          *details)
{
  InflowAccessResult *self;

  g_return_val_if_fail (integration_token != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_ACCESS_RESULT, NULL);
  self->integration_token = g_strdup (integration_token);
  self->title = g_strdup (title != NULL ? title : integration_token);
  self->outcome = outcome;
  self->details = g_strdup (details);

  return self;
}

const char *
inflow_access_result_get_integration_token (InflowAccessResult *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_RESULT (self), NULL);

  return self->integration_token;
}

const char *
inflow_access_result_get_title (InflowAccessResult *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_RESULT (self), NULL);

  return self->title;
}

InflowAccessOutcome
inflow_access_result_get_outcome (InflowAccessResult *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_RESULT (self), INFLOW_ACCESS_OUTCOME_FAILED);

  return self->outcome;
}

/**
 * inflow_access_result_get_details:
 *
 * Returns: (nullable): what happened, in words
 */
const char *
inflow_access_result_get_details (InflowAccessResult *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_RESULT (self), NULL);

  return self->details;
}
