/* inflow-ingestion-features.c: which Vantage features an integration's data allows
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the seed's "AWS Data Ingestion Delay" section:
 *   - Active Resources show only hourly and monthly rates until the first CUR,
 *     then accrued costs per resource by cost category and subcategory;
 *   - Cost Reports show line items per service at first, costs by resource
 *     only after the first CUR;
 *   - Autopilot and Savings Planner are unavailable until the first CUR.
 * And from "AWS GovCloud Environments": Active Resources are not synced from
 * GovCloud, costs by resource are still in Cost Reports.
 */

#define G_LOG_DOMAIN "inflow-ingestion"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-features.h"

G_DEFINE_ENUM_TYPE (InflowIngestionFeature, inflow_ingestion_feature,
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES, "active-resources"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_FEATURE_COST_REPORTS, "cost-reports"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_FEATURE_AUTOPILOT, "autopilot"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER, "savings-planner"))

G_DEFINE_ENUM_TYPE (InflowFeatureState, inflow_feature_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_FEATURE_STATE_AVAILABLE, "available"),
                    G_DEFINE_ENUM_VALUE (INFLOW_FEATURE_STATE_PARTIAL, "partial"),
                    G_DEFINE_ENUM_VALUE (INFLOW_FEATURE_STATE_UNAVAILABLE, "unavailable"),
                    G_DEFINE_ENUM_VALUE (INFLOW_FEATURE_STATE_NOT_APPLICABLE, "not-applicable"),
                    G_DEFINE_ENUM_VALUE (INFLOW_FEATURE_STATE_UNKNOWN, "unknown"))

/**
 * inflow_ingestion_feature_get_name:
 * @feature: a feature
 *
 * Returns: its translated name, as the Vantage console calls it
 */
const char *
inflow_ingestion_feature_get_name (InflowIngestionFeature feature)
{
  switch (feature)
    {
    case INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES:
      return _("Active Resources");
    case INFLOW_INGESTION_FEATURE_COST_REPORTS:
      return _("Cost Reports");
    case INFLOW_INGESTION_FEATURE_AUTOPILOT:
      return _("Autopilot");
    case INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER:
      return _("Savings Planner");
    default:
      g_return_val_if_reached (NULL);
    }
}

static InflowFeatureAvailability
make (InflowIngestionFeature  feature,
      InflowFeatureState      state,
      const char             *explanation)
{
  InflowFeatureAvailability availability = { feature, state, explanation };

  return availability;
}

/* Before the first CUR (seed: rates only; by service only; unavailable). */
static InflowFeatureAvailability
before_first_cur (InflowIngestionFeature feature)
{
  switch (feature)
    {
    case INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES:
      return make (feature, INFLOW_FEATURE_STATE_PARTIAL,
                   _("Hourly and monthly rates only until the first Cost and Usage Report arrives."));
    case INFLOW_INGESTION_FEATURE_COST_REPORTS:
      return make (feature, INFLOW_FEATURE_STATE_PARTIAL,
                   _("Costs by service now; costs by resource once the first Cost and Usage Report arrives."));
    case INFLOW_INGESTION_FEATURE_AUTOPILOT:
    case INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER:
    default:
      return make (feature, INFLOW_FEATURE_STATE_UNAVAILABLE,
                   _("Unavailable until the first Cost and Usage Report arrives."));
    }
}

/* After the first CUR; @gap: the newest days are missing (stale, critical). */
static InflowFeatureAvailability
after_first_cur (InflowIngestionFeature feature,
                 gboolean               gap)
{
  switch (feature)
    {
    case INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES:
      if (gap)
        return make (feature, INFLOW_FEATURE_STATE_PARTIAL,
                     _("Accrued costs per resource, but the newest days are missing."));
      return make (feature, INFLOW_FEATURE_STATE_AVAILABLE,
                   _("Accrued costs per resource, by cost category and subcategory."));
    case INFLOW_INGESTION_FEATURE_COST_REPORTS:
      if (gap)
        return make (feature, INFLOW_FEATURE_STATE_PARTIAL,
                     _("Costs by service and by resource, but the newest days are missing."));
      return make (feature, INFLOW_FEATURE_STATE_AVAILABLE,
                   _("Costs by service and by resource."));
    case INFLOW_INGESTION_FEATURE_AUTOPILOT:
    case INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER:
    default:
      if (gap)
        return make (feature, INFLOW_FEATURE_STATE_AVAILABLE,
                     _("Available, but working from data that is days old."));
      return make (feature, INFLOW_FEATURE_STATE_AVAILABLE,
                   _("Available since the first Cost and Usage Report arrived."));
    }
}

/**
 * inflow_ingestion_feature_evaluate:
 * @feature: a feature
 * @provider: (nullable): `Integration.provider`
 * @is_govcloud: whether the account is in the `aws-us-gov` partition
 * @verdict: the integration's verdict
 *
 * Returns: the feature's state with a one-line explanation
 */
InflowFeatureAvailability
inflow_ingestion_feature_evaluate (InflowIngestionFeature        feature,
                                   const char                   *provider,
                                   gboolean                      is_govcloud,
                                   const InflowIngestionVerdict *verdict)
{
  gboolean received;

  g_return_val_if_fail (verdict != NULL,
                        make (feature, INFLOW_FEATURE_STATE_UNKNOWN, NULL));

  if (!inflow_ingestion_is_aws_provider (provider))
    return make (feature, INFLOW_FEATURE_STATE_NOT_APPLICABLE,
                 _("Tied to the AWS Cost and Usage Report; does not apply to this provider."));

  if (is_govcloud && feature == INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES)
    return make (feature, INFLOW_FEATURE_STATE_NOT_APPLICABLE,
                 _("Not synced from GovCloud; costs by resource are in Cost Reports."));

  received = verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED;

  switch (verdict->phase)
    {
    case INFLOW_INGESTION_PHASE_PENDING:
      if (feature == INFLOW_INGESTION_FEATURE_AUTOPILOT ||
          feature == INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER)
        return before_first_cur (feature);
      return make (feature, INFLOW_FEATURE_STATE_UNAVAILABLE,
                   _("Starts once Vantage validates the connection."));

    case INFLOW_INGESTION_PHASE_IMPORTING:
      return received ? after_first_cur (feature, FALSE) : before_first_cur (feature);

    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
      return before_first_cur (feature);

    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_LATE:
      return after_first_cur (feature, FALSE);

    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
      return after_first_cur (feature, TRUE);

    case INFLOW_INGESTION_PHASE_ERROR:
      if (received)
        return make (feature, INFLOW_FEATURE_STATE_PARTIAL,
                     _("Works with the data imported so far; the integration reports an error."));
      if (feature == INFLOW_INGESTION_FEATURE_AUTOPILOT ||
          feature == INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER)
        return before_first_cur (feature);
      return make (feature, INFLOW_FEATURE_STATE_UNKNOWN,
                   _("The integration reports an error; Inflow cannot tell what data Vantage has."));

    case INFLOW_INGESTION_PHASE_DISCONNECTED:
      if (feature == INFLOW_INGESTION_FEATURE_COST_REPORTS)
        return make (feature, INFLOW_FEATURE_STATE_PARTIAL,
                     _("Costs imported before the disconnection remain; nothing new arrives."));
      return make (feature, INFLOW_FEATURE_STATE_UNAVAILABLE,
                   _("Unavailable while the integration is disconnected."));

    case INFLOW_INGESTION_PHASE_UNKNOWN:
    default:
      return make (feature, INFLOW_FEATURE_STATE_UNKNOWN,
                   _("Inflow does not know yet what data Vantage has for this integration."));
    }
}

/**
 * inflow_ingestion_features_evaluate:
 * @provider: (nullable): `Integration.provider`
 * @is_govcloud: whether the account is in the `aws-us-gov` partition
 * @verdict: the integration's verdict
 * @out: (out caller-allocates) (array fixed-size=4): one entry per
 *   #InflowIngestionFeature, in enum order
 *
 * Fills the whole feature table at once.
 */
void
inflow_ingestion_features_evaluate (const char                   *provider,
                                    gboolean                      is_govcloud,
                                    const InflowIngestionVerdict *verdict,
                                    InflowFeatureAvailability     out[INFLOW_INGESTION_N_FEATURES])
{
  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    out[i] = inflow_ingestion_feature_evaluate ((InflowIngestionFeature) i, provider, is_govcloud, verdict);
}
