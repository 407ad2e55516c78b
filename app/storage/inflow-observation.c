/* inflow-observation.c: one recorded look at an integration's ingestion
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-storage"

#include "config.h"

#include "inflow-observation.h"

/**
 * InflowObservation:
 *
 * What Inflow saw of one integration at one time (server time): its status
 * and `last_updated` as the API sent them, the newest cost date a `/costs`
 * probe returned, and whether resource-level rows were there (they appear
 * once a CUR has been processed). The ingestion logic derives its phases
 * from a series of these; the database keeps them for 90 days.
 *
 * Times are stored in whole seconds; an observation reads back with its
 * times truncated to the second, in UTC.
 */
struct _InflowObservation
{
  GObject    parent_instance;

  char      *profile_id;
  char      *integration_token;
  GDateTime *observed_at;
  char      *status;
  GDateTime *last_updated;
  GDateTime *newest_cost_date;
  gboolean   resource_rows_present;
};

G_DEFINE_FINAL_TYPE (InflowObservation, inflow_observation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE_ID,
  PROP_INTEGRATION_TOKEN,
  PROP_OBSERVED_AT,
  PROP_STATUS,
  PROP_LAST_UPDATED,
  PROP_NEWEST_COST_DATE,
  PROP_RESOURCE_ROWS_PRESENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_observation_finalize (GObject *object)
{
  InflowObservation *self = INFLOW_OBSERVATION (object);

  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->integration_token, g_free);
  g_clear_pointer (&self->observed_at, g_date_time_unref);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  g_clear_pointer (&self->newest_cost_date, g_date_time_unref);

  G_OBJECT_CLASS (inflow_observation_parent_class)->finalize (object);
}

static void
inflow_observation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowObservation *self = INFLOW_OBSERVATION (object);

  switch (prop_id)
    {
    case PROP_PROFILE_ID:
      g_value_set_string (value, self->profile_id);
      break;

    case PROP_INTEGRATION_TOKEN:
      g_value_set_string (value, self->integration_token);
      break;

    case PROP_OBSERVED_AT:
      g_value_set_boxed (value, self->observed_at);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
      break;

    case PROP_NEWEST_COST_DATE:
      g_value_set_boxed (value, self->newest_cost_date);
      break;

    case PROP_RESOURCE_ROWS_PRESENT:
      g_value_set_boolean (value, self->resource_rows_present);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_observation_class_init (InflowObservationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_observation_finalize;
  object_class->get_property = inflow_observation_get_property;

  properties[PROP_PROFILE_ID] =
    g_param_spec_string ("profile-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowObservation:integration-token:
   *
   * The integration's token (its ID in the API, not a credential).
   */
  properties[PROP_INTEGRATION_TOKEN] =
    g_param_spec_string ("integration-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_OBSERVED_AT] =
    g_param_spec_boxed ("observed-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowObservation:status:
   *
   * The integration's status exactly as the API sent it.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_UPDATED] =
    g_param_spec_boxed ("last-updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowObservation:newest-cost-date:
   *
   * The newest `accrued_at` the cost probe returned (midnight UTC of that
   * day), or %NULL when it returned no costs or was not run.
   */
  properties[PROP_NEWEST_COST_DATE] =
    g_param_spec_boxed ("newest-cost-date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESOURCE_ROWS_PRESENT] =
    g_param_spec_boolean ("resource-rows-present", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_observation_init (InflowObservation *self)
{
}

/**
 * inflow_observation_new:
 * @profile_id: the profile the integration belongs to
 * @integration_token: the integration's token
 * @observed_at: when the observation was made (server time)
 * @status: the integration's status as sent
 * @last_updated: (nullable): the integration's `last_updated`
 * @newest_cost_date: (nullable): the newest cost date seen
 * @resource_rows_present: whether resource-level cost rows were seen
 *
 * Returns: (transfer full): a new observation
 */
InflowObservation *
inflow_observation_new (const char *profile_id,
                        const char *integration_token,
                        GDateTime  *observed_at,
                        const char *status,
                        GDateTime  *last_updated,
                        GDateTime  *newest_cost_date,
                        gboolean    resource_rows_present)
{
  InflowObservation *self;

  g_return_val_if_fail (profile_id != NULL && *profile_id != '\0', NULL);
  g_return_val_if_fail (integration_token != NULL && *integration_token != '\0', NULL);
  g_return_val_if_fail (observed_at != NULL, NULL);
  g_return_val_if_fail (status != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_OBSERVATION, NULL);
  self->profile_id = g_strdup (profile_id);
  self->integration_token = g_strdup (integration_token);
  self->observed_at = g_date_time_ref (observed_at);
  self->status = g_strdup (status);
  self->last_updated = last_updated != NULL ? g_date_time_ref (last_updated) : NULL;
  self->newest_cost_date = newest_cost_date != NULL ? g_date_time_ref (newest_cost_date) : NULL;
  self->resource_rows_present = !!resource_rows_present;

  return self;
}

const char *
inflow_observation_get_profile_id (InflowObservation *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION (self), NULL);

  return self->profile_id;
}

const char *
inflow_observation_get_integration_token (InflowObservation *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION (self), NULL);

  return self->integration_token;
}

/**
 * inflow_observation_get_observed_at:
 * @self: a #InflowObservation
 *
 * Returns: (transfer none): when the observation was made
 */
GDateTime *
inflow_observation_get_observed_at (InflowObservation *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION (self), NULL);

  return self->observed_at;
}

const char *
inflow_observation_get_status (InflowObservation *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION (self), NULL);

  return self->status;
}

/**
 * inflow_observation_get_last_updated:
 * @self: a #InflowObservation
 *
 * Returns: (transfer none) (nullable): the integration's `last_updated`
 */
GDateTime *
inflow_observation_get_last_updated (InflowObservation *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION (self), NULL);

  return self->last_updated;
}

/**
 * inflow_observation_get_newest_cost_date:
 * @self: a #InflowObservation
 *
 * Returns: (transfer none) (nullable): the newest cost date seen
 */
GDateTime *
inflow_observation_get_newest_cost_date (InflowObservation *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION (self), NULL);

  return self->newest_cost_date;
}

gboolean
inflow_observation_get_resource_rows_present (InflowObservation *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION (self), FALSE);

  return self->resource_rows_present;
}
