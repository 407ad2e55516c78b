/* inflow-ingestion-item.c: where one integration's cost data stands, for views to bind
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-ingestion-monitor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"
#include "inflow-ingestion-item-private.h"

/* Observations kept in memory per integration: about one probe an hour
 * plus status changes, so a month and a half of the busiest phase. */
#define MAX_OBSERVATIONS 1200

/**
 * InflowIngestionItem:
 *
 * One integration as the ingestion monitor sees it: the integration, the
 * account it belongs to, the history of observations and the verdict and
 * features derived from them. Its properties are read-only and notify when
 * they change, so list rows and detail pages can bind them. Items are made
 * and updated by #InflowIngestionMonitor only.
 */
struct _InflowIngestionItem
{
  GObject                    parent_instance;

  char                      *token;
  InflowIntegration         *integration;
  GDateTime                 *fetched_at;
  char                      *account_name;
  char                      *title;
  gboolean                   is_govcloud;
  char                      *note;
  char                      *summary;

  InflowIngestionVerdict    *verdict;
  InflowFeatureSet           features;

  GArray                    *observations;   /* InflowIngestionObservation, by time */
  InflowIngestionProbe       probe;
  GDateTime                 *last_attempt_at;
  gboolean                   probing;

  InflowIngestionEventState  events;
};

G_DEFINE_FINAL_TYPE (InflowIngestionItem, inflow_ingestion_item, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (InflowFeatureSet, inflow_feature_set, inflow_feature_set_copy, inflow_feature_set_free)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_INTEGRATION,
  PROP_TITLE,
  PROP_ACCOUNT_NAME,
  PROP_ACCOUNT_ID,
  PROP_TRACKED,
  PROP_IS_GOVCLOUD,
  PROP_VERDICT,
  PROP_PHASE,
  PROP_SEVERITY,
  PROP_URGENCY,
  PROP_FEATURES,
  PROP_NOTE,
  PROP_SUMMARY,
  PROP_LAST_PROBED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * inflow_feature_set_copy:
 * @set: a feature set
 *
 * Returns: (transfer full): a copy (the explanations are static strings)
 */
InflowFeatureSet *
inflow_feature_set_copy (const InflowFeatureSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  return g_memdup2 (set, sizeof *set);
}

void
inflow_feature_set_free (InflowFeatureSet *set)
{
  g_free (set);
}

void
_inflow_ingestion_observation_clear (InflowIngestionObservation *observation)
{
  g_clear_pointer (&observation->observed_at, g_date_time_unref);
  g_clear_pointer (&observation->last_updated, g_date_time_unref);
  g_clear_pointer (&observation->newest_cost_date, g_date_time_unref);
}

static void
observation_clear_cb (gpointer data)
{
  _inflow_ingestion_observation_clear (data);
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static gboolean
times_equal (GDateTime *a,
             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

static void
update_title (InflowIngestionItem *self)
{
  const char *account_id = inflow_ingestion_item_get_account_id (self);
  g_autofree char *title = NULL;

  if (self->account_name != NULL && *self->account_name != '\0')
    title = g_strdup (self->account_name);
  else if (account_id != NULL && *account_id != '\0')
    title = g_strdup (account_id);
  else
    title = g_strdup (self->token);

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
inflow_ingestion_item_finalize (GObject *object)
{
  InflowIngestionItem *self = INFLOW_INGESTION_ITEM (object);

  g_clear_pointer (&self->token, g_free);
  g_clear_object (&self->integration);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->verdict, inflow_ingestion_verdict_free);
  g_clear_pointer (&self->observations, g_array_unref);
  g_clear_pointer (&self->probe.probed_at, g_date_time_unref);
  g_clear_pointer (&self->probe.newest_cost_date, g_date_time_unref);
  g_clear_pointer (&self->last_attempt_at, g_date_time_unref);

  G_OBJECT_CLASS (inflow_ingestion_item_parent_class)->finalize (object);
}

static void
inflow_ingestion_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  InflowIngestionItem *self = INFLOW_INGESTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_INTEGRATION:
      g_value_set_object (value, self->integration);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, inflow_ingestion_item_get_account_id (self));
      break;
    case PROP_TRACKED:
      g_value_set_boolean (value, inflow_ingestion_item_get_tracked (self));
      break;
    case PROP_IS_GOVCLOUD:
      g_value_set_boolean (value, self->is_govcloud);
      break;
    case PROP_VERDICT:
      g_value_set_boxed (value, self->verdict);
      break;
    case PROP_PHASE:
      g_value_set_enum (value, inflow_ingestion_item_get_phase (self));
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, inflow_ingestion_item_get_severity (self));
      break;
    case PROP_URGENCY:
      g_value_set_uint (value, inflow_ingestion_item_get_urgency (self));
      break;
    case PROP_FEATURES:
      g_value_set_boxed (value, &self->features);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_LAST_PROBED_AT:
      g_value_set_boxed (value, self->probe.probed_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_item_class_init (InflowIngestionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = inflow_ingestion_item_finalize;
  object_class->get_property = inflow_ingestion_item_get_property;

  /**
   * InflowIngestionItem:token:
   *
   * The integration token (not a secret: it names the integration).
   */
  properties[PROP_TOKEN] = g_param_spec_string ("token", NULL, NULL, NULL, flags);

  /**
   * InflowIngestionItem:integration:
   *
   * The integration as last fetched.
   */
  properties[PROP_INTEGRATION] = g_param_spec_object ("integration", NULL, NULL,
                                                      INFLOW_TYPE_INTEGRATION, flags);

  /**
   * InflowIngestionItem:title:
   *
   * What to call it: the cloud account's name, else its account ID, else
   * the integration token.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  /**
   * InflowIngestionItem:account-name:
   *
   * The cloud account's name in Vantage, if known.
   */
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, flags);

  /**
   * InflowIngestionItem:account-id:
   *
   * `Integration.account_identifier` (the AWS account ID).
   */
  properties[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, flags);

  /**
   * InflowIngestionItem:tracked:
   *
   * Whether Inflow tracks its cost data (AWS integrations).
   */
  properties[PROP_TRACKED] = g_param_spec_boolean ("tracked", NULL, NULL, FALSE, flags);

  /**
   * InflowIngestionItem:is-govcloud:
   *
   * Whether the account lives in the `aws-us-gov` partition.
   */
  properties[PROP_IS_GOVCLOUD] = g_param_spec_boolean ("is-govcloud", NULL, NULL, FALSE, flags);

  /**
   * InflowIngestionItem:verdict:
   *
   * The latest verdict (#InflowIngestionVerdict).
   */
  properties[PROP_VERDICT] = g_param_spec_boxed ("verdict", NULL, NULL,
                                                 INFLOW_TYPE_INGESTION_VERDICT, flags);

  /**
   * InflowIngestionItem:phase:
   *
   * The verdict's phase.
   */
  properties[PROP_PHASE] = g_param_spec_enum ("phase", NULL, NULL,
                                              INFLOW_TYPE_INGESTION_PHASE,
                                              INFLOW_INGESTION_PHASE_UNKNOWN, flags);

  /**
   * InflowIngestionItem:severity:
   *
   * How to colour the phase.
   */
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL,
                                                 INFLOW_TYPE_INGESTION_SEVERITY,
                                                 INFLOW_INGESTION_SEVERITY_NONE, flags);

  /**
   * InflowIngestionItem:urgency:
   *
   * How urgently an admin should look (higher first).
   */
  properties[PROP_URGENCY] = g_param_spec_uint ("urgency", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * InflowIngestionItem:features:
   *
   * The availability of the Vantage features (#InflowFeatureSet).
   */
  properties[PROP_FEATURES] = g_param_spec_boxed ("features", NULL, NULL,
                                                  INFLOW_TYPE_FEATURE_SET, flags);

  /**
   * InflowIngestionItem:note:
   *
   * Why Inflow cannot check the cost data, or %NULL.
   */
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);

  /**
   * InflowIngestionItem:summary:
   *
   * The phase and the verdict in a few words, for a list row: "Stale ·
   * Data through Nov 20, 3 days old".
   */
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);

  /**
   * InflowIngestionItem:last-probed-at:
   *
   * When a cost probe last completed (server time), or %NULL.
   */
  properties[PROP_LAST_PROBED_AT] = g_param_spec_boxed ("last-probed-at", NULL, NULL,
                                                        G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_ingestion_item_init (InflowIngestionItem *self)
{
  self->observations = g_array_new (FALSE, TRUE, sizeof (InflowIngestionObservation));
  g_array_set_clear_func (self->observations, observation_clear_cb);

  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    {
      self->features.items[i].feature = i;
      self->features.items[i].state = INFLOW_FEATURE_STATE_UNKNOWN;
      self->features.items[i].explanation = NULL;
    }
}

InflowIngestionItem *
_inflow_ingestion_item_new (InflowIntegration *integration,
                            GDateTime         *fetched_at)
{
  InflowIngestionItem *self;

  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), NULL);

  self = g_object_new (INFLOW_TYPE_INGESTION_ITEM, NULL);
  self->token = g_strdup (inflow_integration_get_token (integration));
  self->integration = g_object_ref (integration);
  self->fetched_at = ref_or_null (fetched_at);
  update_title (self);

  return self;
}

/* Returns whether the status or `last_updated` changed. */
gboolean
_inflow_ingestion_item_set_integration (InflowIngestionItem *self,
                                        InflowIntegration   *integration,
                                        GDateTime           *fetched_at)
{
  gboolean changed;
  gboolean was_tracked;

  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), FALSE);
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), FALSE);

  if (fetched_at != NULL)
    {
      g_clear_pointer (&self->fetched_at, g_date_time_unref);
      self->fetched_at = g_date_time_ref (fetched_at);
    }

  if (self->integration == integration)
    return FALSE;

  changed = inflow_integration_get_status (self->integration) != inflow_integration_get_status (integration) ||
            !times_equal (inflow_integration_get_last_updated (self->integration),
                          inflow_integration_get_last_updated (integration));
  was_tracked = inflow_ingestion_item_get_tracked (self);

  g_set_object (&self->integration, integration);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEGRATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
  if (was_tracked != inflow_ingestion_item_get_tracked (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKED]);
  update_title (self);

  return changed;
}

void
_inflow_ingestion_item_set_account (InflowIngestionItem *self,
                                    const char          *account_name,
                                    gboolean             is_govcloud)
{
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));

  if (g_strcmp0 (self->account_name, account_name) != 0)
    {
      g_free (self->account_name);
      self->account_name = g_strdup (account_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
      update_title (self);
    }

  if (self->is_govcloud != is_govcloud)
    {
      self->is_govcloud = is_govcloud;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_GOVCLOUD]);
    }
}

void
_inflow_ingestion_item_set_note (InflowIngestionItem *self,
                                 const char          *note)
{
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* Adds a copy, keeping the history sorted by time and bounded. */
void
_inflow_ingestion_item_add_observation (InflowIngestionItem              *self,
                                        const InflowIngestionObservation *observation)
{
  InflowIngestionObservation copy;
  guint i;

  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));
  g_return_if_fail (observation != NULL && observation->observed_at != NULL);

  copy = *observation;
  copy.observed_at = g_date_time_ref (observation->observed_at);
  copy.last_updated = ref_or_null (observation->last_updated);
  copy.newest_cost_date = ref_or_null (observation->newest_cost_date);

  i = self->observations->len;
  while (i > 0 &&
         g_date_time_compare (g_array_index (self->observations, InflowIngestionObservation, i - 1).observed_at,
                              copy.observed_at) > 0)
    i--;
  g_array_insert_val (self->observations, i, copy);

  if (self->observations->len > MAX_OBSERVATIONS)
    g_array_remove_range (self->observations, 0, self->observations->len - MAX_OBSERVATIONS);
}

const InflowIngestionObservation *
_inflow_ingestion_item_get_last_observation (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  if (self->observations->len == 0)
    return NULL;

  return &g_array_index (self->observations, InflowIngestionObservation, self->observations->len - 1);
}

const InflowIngestionObservation *
_inflow_ingestion_item_get_last_probe (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  for (guint i = self->observations->len; i > 0; i--)
    {
      const InflowIngestionObservation *obs = &g_array_index (self->observations,
                                                              InflowIngestionObservation, i - 1);

      if (obs->probed)
        return obs;
    }

  return NULL;
}

void
_inflow_ingestion_item_set_probe (InflowIngestionItem        *self,
                                  const InflowIngestionProbe *probe)
{
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));
  g_return_if_fail (probe != NULL && probe->probed_at != NULL);

  g_clear_pointer (&self->probe.probed_at, g_date_time_unref);
  g_clear_pointer (&self->probe.newest_cost_date, g_date_time_unref);
  self->probe.probed_at = g_date_time_ref (probe->probed_at);
  self->probe.newest_cost_date = ref_or_null (probe->newest_cost_date);
  self->probe.resource_rows_present = probe->resource_rows_present;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_PROBED_AT]);
}

GDateTime *
_inflow_ingestion_item_get_last_attempt_at (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->last_attempt_at;
}

void
_inflow_ingestion_item_set_last_attempt_at (InflowIngestionItem *self,
                                            GDateTime           *at)
{
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));

  g_clear_pointer (&self->last_attempt_at, g_date_time_unref);
  self->last_attempt_at = ref_or_null (at);
}

gboolean
_inflow_ingestion_item_get_probing (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), FALSE);

  return self->probing;
}

void
_inflow_ingestion_item_set_probing (InflowIngestionItem *self,
                                    gboolean             probing)
{
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));

  self->probing = probing;
}

InflowIngestionEventState *
_inflow_ingestion_item_get_event_state (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return &self->events;
}

InflowIngestionStatus
_inflow_ingestion_item_get_status (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), INFLOW_INGESTION_STATUS_UNKNOWN);

  return inflow_ingestion_status_from_string (inflow_integration_get_status_string (self->integration));
}

static gboolean
verdicts_differ (const InflowIngestionVerdict *a,
                 const InflowIngestionVerdict *b)
{
  if (a == NULL || b == NULL)
    return a != b;

  return a->phase != b->phase ||
         a->cur_state != b->cur_state ||
         g_strcmp0 (a->reason, b->reason) != 0 ||
         !times_equal (a->as_of, b->as_of) ||
         !times_equal (a->expected_by, b->expected_by) ||
         !times_equal (a->first_cur_at, b->first_cur_at) ||
         !times_equal (a->newest_cost_date, b->newest_cost_date) ||
         !times_equal (a->status_since, b->status_since) ||
         !times_equal (a->changes_at, b->changes_at) ||
         a->data_age / G_TIME_SPAN_MINUTE != b->data_age / G_TIME_SPAN_MINUTE ||
         a->elapsed / G_TIME_SPAN_MINUTE != b->elapsed / G_TIME_SPAN_MINUTE;
}

/**
 * inflow_ingestion_item_get_facts:
 * @self: an item
 * @facts: (out caller-allocates): what its verdict is made of, borrowed
 *   from the item: valid until the monitor next updates it
 */
void
inflow_ingestion_item_get_facts (InflowIngestionItem  *self,
                                 InflowIngestionFacts *facts)
{
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));
  g_return_if_fail (facts != NULL);

  facts->provider = inflow_integration_get_provider (self->integration);
  facts->is_govcloud = self->is_govcloud;
  facts->status = _inflow_ingestion_item_get_status (self);
  facts->created_at = inflow_integration_get_created_at (self->integration);
  facts->last_updated = inflow_integration_get_last_updated (self->integration);
  facts->fetched_at = self->fetched_at;
  facts->observations = (const InflowIngestionObservation *) (void *) self->observations->data;
  facts->n_observations = self->observations->len;
  facts->probe = self->probe;
}

static void
update_summary (InflowIngestionItem          *self,
                const InflowIngestionVerdict *verdict,
                GDateTime                    *now)
{
  g_autofree char *brief = inflow_ingestion_verdict_dup_brief (verdict, self->note == NULL,
                                                               self->probe.probed_at != NULL, now);
  g_autofree char *summary = NULL;

  /* Translators: an ingestion phase like "Stale", then a short status like "Data through Nov 20, 3 days old" */
  summary = g_strdup_printf (_("%s · %s"), inflow_ingestion_phase_get_label (verdict->phase), brief);
  if (g_strcmp0 (summary, self->summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* Evaluates the verdict and the features at @now and notifies what
 * changed; @old_phase and @old_cur_state get the previous values. */
void
_inflow_ingestion_item_evaluate (InflowIngestionItem     *self,
                                 GDateTime               *now,
                                 InflowIngestionPhase    *old_phase,
                                 InflowIngestionCurState *old_cur_state)
{
  InflowIngestionFacts facts = { 0, };
  g_autoptr(InflowIngestionVerdict) verdict = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  InflowFeatureSet features;
  InflowIngestionPhase phase_before;
  InflowIngestionSeverity severity_before;
  guint urgency_before;

  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (self));
  g_return_if_fail (now != NULL);

  phase_before = inflow_ingestion_item_get_phase (self);
  severity_before = inflow_ingestion_item_get_severity (self);
  urgency_before = inflow_ingestion_item_get_urgency (self);
  if (old_phase != NULL)
    *old_phase = phase_before;
  if (old_cur_state != NULL)
    *old_cur_state = self->verdict != NULL ? self->verdict->cur_state : INFLOW_INGESTION_CUR_STATE_UNKNOWN;

  memset (&features, 0, sizeof features);
  inflow_ingestion_item_get_facts (self, &facts);

  /* The reason shows times in the zone of "now": the user's. */
  local_now = g_date_time_to_timezone (now, inflow_ingestion_local_time_zone ());
  verdict = inflow_ingestion_verdict_evaluate (&facts, local_now);
  inflow_ingestion_features_evaluate (facts.provider, facts.is_govcloud, verdict, features.items);

  if (memcmp (&features, &self->features, sizeof features) != 0)
    {
      self->features = features;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEATURES]);
    }

  update_summary (self, verdict, local_now);

  if (!verdicts_differ (verdict, self->verdict))
    return;

  g_clear_pointer (&self->verdict, inflow_ingestion_verdict_free);
  self->verdict = g_steal_pointer (&verdict);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
  if (phase_before != self->verdict->phase)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
  if (severity_before != inflow_ingestion_item_get_severity (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
  if (urgency_before != inflow_ingestion_item_get_urgency (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENCY]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
inflow_ingestion_item_get_token (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->token;
}

InflowIntegration *
inflow_ingestion_item_get_integration (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->integration;
}

const char *
inflow_ingestion_item_get_title (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->title;
}

const char *
inflow_ingestion_item_get_account_name (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->account_name;
}

const char *
inflow_ingestion_item_get_account_id (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return inflow_integration_get_account_identifier (self->integration);
}

const char *
inflow_ingestion_item_get_provider (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return inflow_integration_get_provider (self->integration);
}

/**
 * inflow_ingestion_item_get_tracked:
 * @self: an item
 *
 * Returns: whether Inflow tracks its cost data: AWS integrations only
 *   (only AWS delivers its costs through a Cost and Usage Report, with its
 *   delay; the other providers refresh daily)
 */
gboolean
inflow_ingestion_item_get_tracked (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), FALSE);

  return inflow_ingestion_is_aws_provider (inflow_integration_get_provider (self->integration));
}

gboolean
inflow_ingestion_item_get_is_govcloud (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), FALSE);

  return self->is_govcloud;
}

/**
 * inflow_ingestion_item_get_verdict:
 * @self: an item
 *
 * Returns: (nullable): the latest verdict; %NULL before the first
 *   evaluation
 */
const InflowIngestionVerdict *
inflow_ingestion_item_get_verdict (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->verdict;
}

InflowIngestionPhase
inflow_ingestion_item_get_phase (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), INFLOW_INGESTION_PHASE_UNKNOWN);

  return self->verdict != NULL ? self->verdict->phase : INFLOW_INGESTION_PHASE_UNKNOWN;
}

InflowIngestionSeverity
inflow_ingestion_item_get_severity (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), INFLOW_INGESTION_SEVERITY_NONE);

  return inflow_ingestion_phase_get_severity (inflow_ingestion_item_get_phase (self));
}

guint
inflow_ingestion_item_get_urgency (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), 0);

  return inflow_ingestion_phase_get_urgency (inflow_ingestion_item_get_phase (self));
}

const InflowFeatureSet *
inflow_ingestion_item_get_features (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return &self->features;
}

/**
 * inflow_ingestion_item_get_summary:
 * @self: an item
 *
 * Returns: (nullable): see #InflowIngestionItem:summary; %NULL before the
 *   first evaluation
 */
const char *
inflow_ingestion_item_get_summary (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->summary;
}

const char *
inflow_ingestion_item_get_note (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->note;
}

GDateTime *
inflow_ingestion_item_get_last_probed_at (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->probe.probed_at;
}

/**
 * inflow_ingestion_item_get_fetched_at:
 * @self: an item
 *
 * Returns: (nullable): when its integration was fetched (server time)
 */
GDateTime *
inflow_ingestion_item_get_fetched_at (InflowIngestionItem *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);

  return self->fetched_at;
}

/**
 * inflow_ingestion_item_get_observations:
 * @self: an item
 * @n_observations: (out): the number of observations
 *
 * Returns: (array length=n_observations): the observations known, oldest
 *   first; valid until the monitor next updates the item
 */
const InflowIngestionObservation *
inflow_ingestion_item_get_observations (InflowIngestionItem *self,
                                        guint               *n_observations)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (self), NULL);
  g_return_val_if_fail (n_observations != NULL, NULL);

  *n_observations = self->observations->len;

  return (const InflowIngestionObservation *) (void *) self->observations->data;
}

/**
 * inflow_ingestion_item_compare_urgency:
 * @a: an item
 * @b: another item
 *
 * Most urgent first, then by title, then by token.
 *
 * Returns: negative when @a goes before @b
 */
int
inflow_ingestion_item_compare_urgency (InflowIngestionItem *a,
                                       InflowIngestionItem *b)
{
  int order = inflow_ingestion_phase_compare_urgency (inflow_ingestion_item_get_phase (a),
                                                      inflow_ingestion_item_get_phase (b));

  if (order != 0)
    return order;

  order = g_utf8_collate (a->title != NULL ? a->title : "", b->title != NULL ? b->title : "");
  if (order != 0)
    return order;

  return g_strcmp0 (a->token, b->token);
}
