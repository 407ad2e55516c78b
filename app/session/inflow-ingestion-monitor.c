/* inflow-ingestion-monitor.c: watches a session's integrations for cost data arrival
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Vantage API has no Cost and Usage Report status, so the monitor
 * derives one. It composes four parts, each with one job:
 *   - the server's clock (#InflowServerClock): "now", and how fast it runs;
 *   - the cost probe (#InflowCostProbe): one small cost query per AWS
 *     integration;
 *   - the observation log (#InflowObservationLog): what was seen, in memory
 *     and in the database;
 *   - the scheduler (#InflowPollScheduler): when the poll planner's next
 *     cycle runs, the back-off after failures, the connection state.
 * The monitor itself keeps one #InflowIngestionItem per integration, takes
 * the integration list from the session or fetches it when the planner
 * says so, runs the probes the planner asks for, re-evaluates each verdict
 * against the server's clock and tells of the changes worth a notification.
 */

#define G_LOG_DOMAIN "inflow-ingestion-monitor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-cloud-account.h"
#include "inflow-cost-probe.h"
#include "inflow-ingestion-item-private.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-observation-log.h"
#include "inflow-poll-scheduler.h"
#include "inflow-profile.h"

/* History read at start: the timeline shows up to 14 days, the verdict
 * looks back to the previous month. */
#define HISTORY_DAYS 35

struct _InflowIngestionMonitor
{
  GObject                 parent_instance;

  /* Borrowed: the session owns the monitor */
  InflowSession          *session;

  /* Owned references */
  InflowClient           *client;
  InflowServerClock      *clock;
  InflowCostProbe        *probe;
  InflowObservationLog   *log;
  InflowPollScheduler    *scheduler;
  GCancellable           *cancellable;
  GListStore             *items;
  GHashTable             *by_token;        /* token → InflowIngestionItem (borrowed) */
  GDateTime              *list_fetched_at;
  GDateTime              *last_poll_at;

  guint                   generation;
  guint                   n_in_flight;
  guint                   n_integrations;
  guint                   phase_counts[INFLOW_INGESTION_N_PHASES];
  guint                   n_tracked;
  guint                   n_watched;
  gboolean                phases_changed;

  guint                   running : 1;
  guint                   history_loaded : 1;
  guint                   loading_history : 1;
  guint                   list_in_flight : 1;
  guint                   refresh_requested : 1;
  guint                   applying_list : 1;
};

G_DEFINE_FINAL_TYPE (InflowIngestionMonitor, inflow_ingestion_monitor, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowIngestionEventKind, inflow_ingestion_event_kind,
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_EVENT_FIRST_CUR, "first-cur"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_EVENT_STALE, "stale"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_EVENT_CRITICAL, "critical"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_EVENT_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_EVENT_DISCONNECTED, "disconnected"))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RUNNING,
  PROP_LOADING,
  PROP_HISTORY_LOADED,
  PROP_CONNECTION_STATE,
  PROP_AS_OF,
  PROP_N_TRACKED,
  PROP_N_WATCHED,
  PROP_TIME_SCALE,
  N_PROPS
};

enum {
  EVENT,
  SUMMARY_CHANGED,
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void cycle (InflowIngestionMonitor *self);

typedef struct
{
  InflowIngestionMonitor *self;
  guint                   generation;
  char                   *token;
} RequestData;

static RequestData *
request_data_new (InflowIngestionMonitor *self,
                  const char             *token)
{
  RequestData *data = g_new0 (RequestData, 1);

  data->self = g_object_ref (self);
  data->generation = self->generation;
  data->token = g_strdup (token);

  return data;
}

static void
request_data_free (RequestData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->token, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RequestData, request_data_free)

/* A callback of a request the monitor no longer waits for. */
static gboolean
is_stale (RequestData  *data,
          const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->generation != data->self->generation;
}

/* ---- state -------------------------------------------------------------- */

static void
notify_loading (InflowIngestionMonitor *self,
                gboolean                before)
{
  if (before != inflow_ingestion_monitor_get_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
request_succeeded (InflowIngestionMonitor *self)
{
  gboolean loading = inflow_ingestion_monitor_get_loading (self);

  inflow_poll_scheduler_succeeded (self->scheduler);
  notify_loading (self, loading);
}

static void
request_failed (InflowIngestionMonitor *self,
                const GError           *error)
{
  gboolean loading = inflow_ingestion_monitor_get_loading (self);

  inflow_poll_scheduler_failed (self->scheduler, error);
  notify_loading (self, loading);
}

static void
scheduler_state_changed_cb (InflowIngestionMonitor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
}

static void
time_scale_changed_cb (InflowIngestionMonitor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_SCALE]);
  inflow_poll_scheduler_soon (self->scheduler);
}

/**
 * inflow_ingestion_monitor_dup_now:
 * @self: a monitor
 *
 * See inflow_server_clock_dup_now().
 *
 * Returns: (transfer full): the server's "now", in UTC
 */
GDateTime *
inflow_ingestion_monitor_dup_now (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return inflow_server_clock_dup_now (self->clock);
}

/* ---- evaluation and events ----------------------------------------------- */

static void
emit_event (InflowIngestionMonitor   *self,
            InflowIngestionEventKind  kind,
            InflowIngestionItem      *item)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (INFLOW_TYPE_INGESTION_EVENT_KIND);

  g_debug ("Event %s for %s", g_enum_get_value (klass, kind)->value_nick,
           inflow_ingestion_item_get_token (item));
  g_signal_emit (self, signals[EVENT], 0, kind, item);
}

static void
check_events (InflowIngestionMonitor  *self,
              InflowIngestionItem     *item,
              InflowIngestionPhase     old_phase,
              InflowIngestionCurState  old_cur_state)
{
  InflowIngestionEventState *told = _inflow_ingestion_item_get_event_state (item);
  const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (item);
  InflowIngestionPhase phase = verdict->phase;
  gboolean baseline = told->baseline;

  /* The first verdict after the history is known is where Inflow starts
   * watching: nothing about it is news. */
  told->baseline = TRUE;

  if (baseline)
    {
      if (old_cur_state == INFLOW_INGESTION_CUR_STATE_AWAITING &&
          verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED &&
          verdict->first_cur_at != NULL && !told->first_cur_told)
        {
          told->first_cur_told = TRUE;
          emit_event (self, INFLOW_INGESTION_EVENT_FIRST_CUR, item);
        }

      /* Stale and critical are news only after a known, younger phase. */
      if (phase == INFLOW_INGESTION_PHASE_STALE && !told->stale_told &&
          old_phase != INFLOW_INGESTION_PHASE_UNKNOWN && old_phase != INFLOW_INGESTION_PHASE_STALE &&
          old_phase != INFLOW_INGESTION_PHASE_CRITICAL)
        {
          told->stale_told = TRUE;
          emit_event (self, INFLOW_INGESTION_EVENT_STALE, item);
        }

      if (phase == INFLOW_INGESTION_PHASE_CRITICAL && !told->critical_told &&
          old_phase != INFLOW_INGESTION_PHASE_UNKNOWN && old_phase != INFLOW_INGESTION_PHASE_CRITICAL)
        {
          told->critical_told = TRUE;
          told->stale_told = TRUE;
          emit_event (self, INFLOW_INGESTION_EVENT_CRITICAL, item);
        }

      if (phase == INFLOW_INGESTION_PHASE_ERROR && !told->error_told && old_phase != INFLOW_INGESTION_PHASE_ERROR)
        {
          told->error_told = TRUE;
          emit_event (self, INFLOW_INGESTION_EVENT_ERROR, item);
        }

      if (phase == INFLOW_INGESTION_PHASE_DISCONNECTED && !told->disconnected_told &&
          old_phase != INFLOW_INGESTION_PHASE_DISCONNECTED)
        {
          told->disconnected_told = TRUE;
          emit_event (self, INFLOW_INGESTION_EVENT_DISCONNECTED, item);
        }
    }

  /* An episode ends when the phase leaves it. */
  if (phase != INFLOW_INGESTION_PHASE_STALE && phase != INFLOW_INGESTION_PHASE_CRITICAL &&
      phase != INFLOW_INGESTION_PHASE_UNKNOWN)
    told->stale_told = FALSE;
  if (phase != INFLOW_INGESTION_PHASE_CRITICAL && phase != INFLOW_INGESTION_PHASE_UNKNOWN)
    told->critical_told = FALSE;
  if (phase != INFLOW_INGESTION_PHASE_ERROR)
    told->error_told = FALSE;
  if (phase != INFLOW_INGESTION_PHASE_DISCONNECTED)
    told->disconnected_told = FALSE;
}

static void
evaluate_item (InflowIngestionMonitor *self,
               InflowIngestionItem    *item,
               GDateTime              *now)
{
  InflowIngestionPhase old_phase;
  InflowIngestionCurState old_cur_state;

  _inflow_ingestion_item_evaluate (item, now, &old_phase, &old_cur_state);
  if (old_phase != inflow_ingestion_item_get_phase (item))
    self->phases_changed = TRUE;

  /* No news before the stored history is in: it is the baseline. */
  if (self->history_loaded)
    check_events (self, item, old_phase, old_cur_state);
}

static void
update_summary (InflowIngestionMonitor *self)
{
  guint counts[INFLOW_INGESTION_N_PHASES] = { 0, };
  guint n_tracked = 0;
  guint n_watched = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (!inflow_ingestion_item_get_tracked (item))
        continue;
      counts[inflow_ingestion_item_get_phase (item)]++;
      n_tracked++;
    }

  if (n_tracked == self->n_tracked && memcmp (counts, self->phase_counts, sizeof counts) == 0 &&
      !self->phases_changed)
    return;

  self->phases_changed = FALSE;

  memcpy (self->phase_counts, counts, sizeof counts);
  if (n_tracked != self->n_tracked)
    {
      self->n_tracked = n_tracked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TRACKED]);
    }

  for (guint phase = 0; phase < INFLOW_INGESTION_N_PHASES; phase++)
    if (inflow_ingestion_phase_is_watched (phase))
      n_watched += counts[phase];
  if (n_watched != self->n_watched)
    {
      self->n_watched = n_watched;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WATCHED]);
    }

  g_signal_emit (self, signals[SUMMARY_CHANGED], 0);
}

static void
evaluate_all (InflowIngestionMonitor *self,
              GDateTime              *now)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      evaluate_item (self, item, now);
    }

  update_summary (self);
}

/* ---- accounts ------------------------------------------------------------ */

static void
resolve_accounts (InflowIngestionMonitor *self)
{
  g_autoptr(GHashTable) accounts = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *cloud_accounts = NULL;
  guint n;

  if (self->session != NULL)
    cloud_accounts = inflow_session_get_cloud_accounts (self->session);

  if (cloud_accounts != NULL)
    {
      n = g_list_model_get_n_items (cloud_accounts);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(InflowCloudAccount) account = g_list_model_get_item (cloud_accounts, i);
          const char *id = inflow_cloud_account_get_account_id (account);

          if (id != NULL && !g_hash_table_contains (accounts, id))
            g_hash_table_insert (accounts, (gpointer) id, account);
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *account_id = inflow_ingestion_item_get_account_id (item);
      InflowCloudAccount *account = account_id != NULL ? g_hash_table_lookup (accounts, account_id) : NULL;
      gboolean govcloud = FALSE;
      const char *name = NULL;

      if (account != NULL)
        {
          name = inflow_cloud_account_get_title (account);
          govcloud = g_strcmp0 (inflow_cloud_account_get_partition (account), "aws-us-gov") == 0;
        }

      /* Keep what is known while the accounts list is not loaded. */
      if (account == NULL && inflow_ingestion_item_get_account_name (item) != NULL)
        continue;

      _inflow_ingestion_item_set_account (item, name, govcloud);
    }
}

/* ---- the integration list -------------------------------------------------- */

static void
apply_list (InflowIngestionMonitor *self,
            GListModel             *integrations,
            GDateTime              *fetched_at,
            gboolean                from_session)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = inflow_ingestion_monitor_dup_now (self);
  GDateTime *observed_at = fetched_at != NULL ? fetched_at : now;
  gboolean loading = inflow_ingestion_monitor_get_loading (self);
  guint n = g_list_model_get_n_items (integrations);

  self->applying_list = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *token = inflow_integration_get_token (integration);
      InflowIngestionItem *item;

      if (token == NULL || g_hash_table_contains (seen, token))
        continue;
      g_hash_table_add (seen, (gpointer) token);

      item = g_hash_table_lookup (self->by_token, token);
      if (item == NULL)
        {
          item = _inflow_ingestion_item_new (integration, fetched_at);
          g_ptr_array_add (added, item);
          g_hash_table_insert (self->by_token, g_strdup (token), item);
          inflow_observation_log_merge (self->log, item);
        }
      else
        {
          InflowIngestionStatus status_before = _inflow_ingestion_item_get_status (item);

          /* A new status: keep the session's list (the Integrations view)
           * as fresh; `last_updated` alone changes too often to save. */
          if (_inflow_ingestion_item_set_integration (item, integration, fetched_at) &&
              status_before != _inflow_ingestion_item_get_status (item) &&
              !from_session && self->session != NULL)
            inflow_session_update_integration (self->session, integration);
        }

      _inflow_ingestion_item_set_note (item, inflow_cost_probe_get_obstacle (integration));

      /* Only fetched lists are observations; a cached one is the past. */
      if (fetched_at != NULL && self->history_loaded)
        inflow_observation_log_note_status (self->log, item, observed_at);
    }

  /* Integrations that are gone. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i > 0; i--)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i - 1);

      if (!g_hash_table_contains (seen, inflow_ingestion_item_get_token (item)))
        {
          g_hash_table_remove (self->by_token, inflow_ingestion_item_get_token (item));
          g_list_store_remove (self->items, i - 1);
        }
    }

  self->applying_list = FALSE;

  if (added->len > 0)
    g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                         added->pdata, added->len);

  if (fetched_at != NULL)
    {
      if (self->list_fetched_at == NULL || g_date_time_compare (fetched_at, self->list_fetched_at) > 0)
        {
          g_clear_pointer (&self->list_fetched_at, g_date_time_unref);
          self->list_fetched_at = g_date_time_ref (fetched_at);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
        }
      self->n_integrations = n;
    }

  resolve_accounts (self);
  evaluate_all (self, now);
  notify_loading (self, loading);
}

/* The session's times are the computer's clock: make them server time. */
static GDateTime *
session_fetched_at (InflowIngestionMonitor *self,
                    InflowSessionList       list)
{
  GDateTime *local = inflow_session_get_fetched_at (self->session, list);

  return local != NULL ? inflow_server_clock_to_server_time (self->clock, local) : NULL;
}

static void
session_fetched_at_changed_cb (InflowIngestionMonitor *self,
                               InflowSessionList       list,
                               InflowSession          *session)
{
  g_autoptr(GDateTime) fetched_at = NULL;

  /* The monitor itself updated the session's list. */
  if (self->session == NULL || self->applying_list || list != INFLOW_SESSION_LIST_INTEGRATIONS)
    return;

  fetched_at = session_fetched_at (self, list);

  /* The monitor's own list is as fresh or fresher. */
  if (self->list_fetched_at != NULL &&
      (fetched_at == NULL || g_date_time_compare (fetched_at, self->list_fetched_at) <= 0))
    return;

  apply_list (self, inflow_session_get_integrations (session), fetched_at, TRUE);
  inflow_poll_scheduler_soon (self->scheduler);
}

static void
session_accounts_changed_cb (InflowIngestionMonitor *self)
{
  g_autoptr(GDateTime) now = inflow_ingestion_monitor_dup_now (self);

  resolve_accounts (self);
  evaluate_all (self, now);
}

static void
list_integrations_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RequestData) data = user_data;
  InflowIngestionMonitor *self = data->self;
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = 0;
  guint n_pages = 1;

  integrations = inflow_client_list_integrations_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (is_stale (data, error))
    return;

  self->list_in_flight = FALSE;
  self->n_in_flight--;
  inflow_server_clock_sample (self->clock);
  now = inflow_ingestion_monitor_dup_now (self);

  /* The client followed every page; the planner counts each. */
  if (integrations != NULL)
    n_pages = MAX ((g_list_model_get_n_items (integrations) + INFLOW_POLL_LIST_PAGE_SIZE - 1) /
                   INFLOW_POLL_LIST_PAGE_SIZE, 1);
  for (guint i = 0; i < n_pages; i++)
    inflow_poll_scheduler_report (self->scheduler, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS, NULL, now, error);

  if (error != NULL)
    {
      request_failed (self, error);
    }
  else
    {
      if (n_invalid > 0)
        g_debug ("%u integrations could not be read", n_invalid);
      request_succeeded (self);
      apply_list (self, integrations, now, FALSE);
    }

  inflow_poll_scheduler_soon (self->scheduler);
}

static void
start_list (InflowIngestionMonitor *self)
{
  if (self->list_in_flight)
    return;

  self->list_in_flight = TRUE;
  self->n_in_flight++;
  inflow_client_list_integrations_async (self->client, NULL, NULL, self->cancellable,
                                         list_integrations_cb, request_data_new (self, NULL));
}

/* ---- the cost probe -------------------------------------------------------- */

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RequestData) data = user_data;
  InflowIngestionMonitor *self = data->self;
  g_autoptr(GDateTime) newest = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gboolean rows = FALSE;
  InflowIngestionItem *item;

  inflow_cost_probe_run_finish (INFLOW_COST_PROBE (source), result, &newest, &rows, &error);
  if (is_stale (data, error))
    return;

  self->n_in_flight--;
  inflow_server_clock_sample (self->clock);
  now = inflow_ingestion_monitor_dup_now (self);
  inflow_poll_scheduler_report (self->scheduler, INFLOW_POLL_REQUEST_COST_PROBE, data->token, now, error);

  item = g_hash_table_lookup (self->by_token, data->token);
  if (item != NULL)
    _inflow_ingestion_item_set_probing (item, FALSE);

  if (error != NULL)
    {
      guint status = inflow_poll_status_for_error (error);

      /* Not again before the phase's usual interval, except after 429. */
      if (item != NULL && status != 429)
        _inflow_ingestion_item_set_last_attempt_at (item, now);

      if (status == 0 || status == 401 || status >= 500)
        {
          request_failed (self, error);
        }
      else if (item != NULL && status != 429)
        {
          g_autofree char *note = NULL;

          /* Translators: %s is an error message from the Vantage API */
          note = g_strdup_printf (_("Inflow could not check the cost data: %s"), error->message);
          _inflow_ingestion_item_set_note (item, note);
        }
    }
  else
    {
      request_succeeded (self);

      if (item != NULL)
        {
          _inflow_ingestion_item_set_last_attempt_at (item, now);
          inflow_observation_log_add_probe (self->log, item, now, newest, rows);
          _inflow_ingestion_item_set_note (item, inflow_cost_probe_get_obstacle (inflow_ingestion_item_get_integration (item)));
        }
    }

  if (item != NULL)
    {
      evaluate_item (self, item, now);
      update_summary (self);
    }

  inflow_poll_scheduler_soon (self->scheduler);
}

static gboolean
start_probe (InflowIngestionMonitor *self,
             InflowIngestionItem    *item,
             GDateTime              *now)
{
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);

  if (inflow_cost_probe_get_obstacle (integration) != NULL || _inflow_ingestion_item_get_probing (item))
    return FALSE;

  _inflow_ingestion_item_set_probing (item, TRUE);
  self->n_in_flight++;
  inflow_cost_probe_run_async (self->probe, integration, now, self->cancellable, probe_cb,
                               request_data_new (self, inflow_ingestion_item_get_token (item)));

  return TRUE;
}

/* ---- the cycle ------------------------------------------------------------ */

static GDateTime *
earliest_change (InflowIngestionMonitor *self,
                 GDateTime              *now,
                 GDateTime              *wake)
{
  GDateTime *earliest = wake;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (item);

      if (verdict == NULL || verdict->changes_at == NULL || g_date_time_compare (verdict->changes_at, now) <= 0)
        continue;
      if (earliest == NULL || g_date_time_compare (verdict->changes_at, earliest) < 0)
        earliest = verdict->changes_at;
    }

  return earliest;
}

static void
fill_state (InflowIngestionMonitor *self,
            InflowPollState        *state,
            GArray                 *targets)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      InflowIngestionItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GDateTime *probed = inflow_ingestion_item_get_last_probed_at (item);
      GDateTime *attempted = _inflow_ingestion_item_get_last_attempt_at (item);
      const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (item);
      const InflowIngestionObservation *last_probe = _inflow_ingestion_item_get_last_probe (item);
      InflowPollTarget target = { 0, };

      /* A probe stored in an earlier run counts as the last one. */
      if (probed == NULL && last_probe != NULL)
        probed = last_probe->observed_at;
      if (attempted != NULL && (probed == NULL || g_date_time_compare (attempted, probed) > 0))
        probed = attempted;

      target.token = inflow_ingestion_item_get_token (item);
      target.phase = inflow_ingestion_item_get_phase (item);
      target.is_aws = inflow_ingestion_item_get_tracked (item) &&
                      inflow_cost_probe_get_obstacle (inflow_ingestion_item_get_integration (item)) == NULL;
      target.last_probed_at = probed;
      target.phase_changes_at = verdict != NULL ? verdict->changes_at : NULL;
      g_array_append_val (targets, target);

      /* The array borrows; the store keeps the item alive. */
      g_object_unref (item);
    }

  state->list_fetched_at = self->list_fetched_at;
  state->n_integrations = self->n_integrations;
  state->targets = (const InflowPollTarget *) (void *) targets->data;
  state->n_targets = targets->len;
  inflow_poll_scheduler_get_rate_limit (self->scheduler, &state->rate_limit);
  state->refresh_requested = self->refresh_requested;
}

static void
cycle (InflowIngestionMonitor *self)
{
  g_autoptr(InflowPollPlan) plan = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GDateTime) now = NULL;
  InflowPollState state = { 0, };

  if (!self->running || !self->history_loaded)
    return;

  now = inflow_ingestion_monitor_dup_now (self);
  g_clear_pointer (&self->last_poll_at, g_date_time_unref);
  self->last_poll_at = g_date_time_ref (now);

  /* Verdicts change with time alone too. */
  evaluate_all (self, now);

  if (inflow_poll_scheduler_get_backing_off (self->scheduler) && !self->refresh_requested)
    {
      inflow_poll_scheduler_wake_at (self->scheduler, now, earliest_change (self, now, NULL));
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  targets = g_array_new (FALSE, TRUE, sizeof (InflowPollTarget));
  fill_state (self, &state, targets);
  plan = inflow_poll_planner_next (inflow_poll_scheduler_get_planner (self->scheduler), now, &state);

  for (guint i = 0; i < plan->n_requests; i++)
    {
      const InflowPollRequest *request = &plan->requests[i];

      switch (request->kind)
        {
        case INFLOW_POLL_REQUEST_LIST_INTEGRATIONS:
          /* The client fetches every page in one call. */
          self->refresh_requested = FALSE;
          if (request->page == 1)
            start_list (self);
          break;

        case INFLOW_POLL_REQUEST_COST_PROBE:
          {
            InflowIngestionItem *item = g_hash_table_lookup (self->by_token, request->token);

            if (item == NULL || !start_probe (self, item, now))
              g_debug ("Planned probe of %s not started", request->token);
          }
          break;

        case INFLOW_POLL_REQUEST_OTHER:
        default:
          break;
        }
    }

  inflow_poll_scheduler_wake_at (self->scheduler, now, earliest_change (self, now, plan->wake_at));
  g_signal_emit (self, signals[UPDATED], 0);
}

/* ---- history ------------------------------------------------------------- */

static void
load_history_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RequestData) data = user_data;
  InflowIngestionMonitor *self = data->self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  inflow_observation_log_load_finish (INFLOW_OBSERVATION_LOG (source), result, &error);
  if (is_stale (data, error))
    return;

  self->loading_history = FALSE;
  self->n_in_flight--;
  if (error != NULL)
    g_debug ("Could not read the observation history: %s", error->message);

  /* Items already made from the session's cached list get theirs now. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      inflow_observation_log_merge (self->log, item);
    }

  now = inflow_ingestion_monitor_dup_now (self);
  evaluate_all (self, now);

  /* Observations older than the retention go, once a run. */
  inflow_observation_log_prune (self->log, now);

  self->history_loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_LOADED]);

  /* Make the first verdicts with the history the baseline. */
  evaluate_all (self, now);
  cycle (self);
}

static void
load_history (InflowIngestionMonitor *self)
{
  g_autoptr(GDateTime) now = inflow_ingestion_monitor_dup_now (self);
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -HISTORY_DAYS);

  self->loading_history = TRUE;
  self->n_in_flight++;
  inflow_observation_log_load_async (self->log, since, self->cancellable, load_history_cb,
                                     request_data_new (self, NULL));
}

/* ---- object --------------------------------------------------------------- */

static void
session_cancelled_cb (GCancellable           *cancellable,
                      InflowIngestionMonitor *self)
{
  inflow_ingestion_monitor_stop (self);
}

static void
inflow_ingestion_monitor_dispose (GObject *object)
{
  InflowIngestionMonitor *self = INFLOW_INGESTION_MONITOR (object);

  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);

  if (self->session != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->session), (gpointer *) &self->session);
      self->session = NULL;
    }

  g_clear_object (&self->scheduler);
  g_clear_object (&self->log);
  g_clear_object (&self->probe);
  g_clear_object (&self->clock);
  g_clear_object (&self->client);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (inflow_ingestion_monitor_parent_class)->dispose (object);
}

static void
inflow_ingestion_monitor_finalize (GObject *object)
{
  InflowIngestionMonitor *self = INFLOW_INGESTION_MONITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->by_token, g_hash_table_unref);
  g_clear_pointer (&self->list_fetched_at, g_date_time_unref);
  g_clear_pointer (&self->last_poll_at, g_date_time_unref);

  G_OBJECT_CLASS (inflow_ingestion_monitor_parent_class)->finalize (object);
}
static void
inflow_ingestion_monitor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowIngestionMonitor *self = INFLOW_INGESTION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, inflow_ingestion_monitor_get_loading (self));
      break;
    case PROP_HISTORY_LOADED:
      g_value_set_boolean (value, self->history_loaded);
      break;
    case PROP_CONNECTION_STATE:
      g_value_set_enum (value, inflow_ingestion_monitor_get_connection_state (self));
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->list_fetched_at);
      break;
    case PROP_N_TRACKED:
      g_value_set_uint (value, self->n_tracked);
      break;
    case PROP_N_WATCHED:
      g_value_set_uint (value, self->n_watched);
      break;
    case PROP_TIME_SCALE:
      g_object_get_property (G_OBJECT (self->clock), "time-scale", value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_monitor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  InflowIngestionMonitor *self = INFLOW_INGESTION_MONITOR (object);

  switch (prop_id)
    {
    case PROP_TIME_SCALE:
      inflow_ingestion_monitor_set_time_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_monitor_class_init (InflowIngestionMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_ingestion_monitor_dispose;
  object_class->finalize = inflow_ingestion_monitor_finalize;
  object_class->get_property = inflow_ingestion_monitor_get_property;
  object_class->set_property = inflow_ingestion_monitor_set_property;

  /**
   * InflowIngestionMonitor:session:
   *
   * The session watched (not owned: %NULL once it is gone).
   */
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION, flags);

  /**
   * InflowIngestionMonitor:running:
   *
   * Whether it polls.
   */
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);

  /**
   * InflowIngestionMonitor:loading:
   *
   * Whether it runs but has no integration list yet and no failure to show.
   */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);

  /**
   * InflowIngestionMonitor:history-loaded:
   *
   * Whether the stored observations were read (always, without a database).
   */
  properties[PROP_HISTORY_LOADED] = g_param_spec_boolean ("history-loaded", NULL, NULL, FALSE, flags);

  /**
   * InflowIngestionMonitor:connection-state:
   *
   * What the latest monitoring request said about the connection.
   */
  properties[PROP_CONNECTION_STATE] = g_param_spec_enum ("connection-state", NULL, NULL,
                                                         INFLOW_TYPE_CONNECTION_STATE,
                                                         INFLOW_CONNECTION_UNKNOWN, flags);

  /**
   * InflowIngestionMonitor:as-of:
   *
   * When the integration list was fetched (server time), or %NULL.
   */
  properties[PROP_AS_OF] = g_param_spec_boxed ("as-of", NULL, NULL, G_TYPE_DATE_TIME, flags);

  /**
   * InflowIngestionMonitor:n-tracked:
   *
   * How many integrations it tracks (AWS integrations).
   */
  properties[PROP_N_TRACKED] = g_param_spec_uint ("n-tracked", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * InflowIngestionMonitor:n-watched:
   *
   * How many tracked integrations are worth watching with no window open
   * (inflow_ingestion_phase_is_watched()): awaiting their first report,
   * late, stale, importing or in error.
   */
  properties[PROP_N_WATCHED] = g_param_spec_uint ("n-watched", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * InflowIngestionMonitor:time-scale:
   *
   * Server seconds per real second; 0 to learn it from the server's Date
   * header (the demo's virtual clock may run faster than real time).
   */
  properties[PROP_TIME_SCALE] =
    g_param_spec_double ("time-scale", NULL, NULL, 0.0, 100000.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowIngestionMonitor::event:
   * @self: the monitor
   * @kind: an #InflowIngestionEventKind
   * @item: the #InflowIngestionItem it happened to
   *
   * Something worth telling the user happened; emitted once per episode.
   */
  signals[EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, INFLOW_TYPE_INGESTION_EVENT_KIND, INFLOW_TYPE_INGESTION_ITEM);

  /**
   * InflowIngestionMonitor::summary-changed:
   * @self: the monitor
   *
   * The counts per phase changed, or an integration's phase did (lists
   * that show verdicts refresh then).
   */
  signals[SUMMARY_CHANGED] = g_signal_new ("summary-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * InflowIngestionMonitor::updated:
   * @self: the monitor
   *
   * A polling cycle re-evaluated every verdict (views redraw times then).
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
inflow_ingestion_monitor_init (InflowIngestionMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (INFLOW_TYPE_INGESTION_ITEM);
  self->by_token = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * inflow_ingestion_monitor_new:
 * @session: the session to watch
 *
 * A monitor of its own; it does not keep @session alive. Every view shares
 * the one the session owns, inflow_session_get_ingestion_monitor().
 *
 * Returns: (transfer full): a stopped monitor
 */
InflowIngestionMonitor *
inflow_ingestion_monitor_new (InflowSession *session)
{
  InflowIngestionMonitor *self;
  InflowProfile *profile;
  GCancellable *session_cancellable;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  self = g_object_new (INFLOW_TYPE_INGESTION_MONITOR, NULL);
  self->session = session;
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &self->session);

  self->client = g_object_ref (inflow_session_get_client (session));
  self->clock = inflow_server_clock_new (self->client);
  self->probe = inflow_cost_probe_new (self->client);
  self->scheduler = inflow_poll_scheduler_new (self->client, self->clock);
  profile = inflow_session_get_profile (session);
  self->log = inflow_observation_log_new (inflow_session_get_database (session),
                                          profile != NULL ? inflow_profile_get_id (profile) : NULL);

  g_signal_connect_object (self->clock, "notify::time-scale",
                           G_CALLBACK (time_scale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "due", G_CALLBACK (cycle), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "notify::connection-state",
                           G_CALLBACK (scheduler_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "fetched-at-changed",
                           G_CALLBACK (session_fetched_at_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_cloud_accounts (session), "items-changed",
                           G_CALLBACK (session_accounts_changed_cb), self, G_CONNECT_SWAPPED);

  session_cancellable = inflow_session_get_cancellable (session);
  if (session_cancellable != NULL)
    g_signal_connect_object (session_cancellable, "cancelled",
                             G_CALLBACK (session_cancelled_cb), self, 0);

  return self;
}

/**
 * inflow_ingestion_monitor_get_session:
 * @self: a monitor
 *
 * Returns: (transfer none) (nullable): the session, %NULL once it is gone
 */
InflowSession *
inflow_ingestion_monitor_get_session (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return self->session;
}

/**
 * inflow_ingestion_monitor_get_planner:
 * @self: a monitor
 *
 * The planner, for its statistics, its refresh interval and budget, and
 * for reporting the app's other Vantage calls
 * (%INFLOW_POLL_REQUEST_OTHER): they share the account-wide limit.
 *
 * Returns: (transfer none): the planner
 */
InflowPollPlanner *
inflow_ingestion_monitor_get_planner (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return inflow_poll_scheduler_get_planner (self->scheduler);
}

/**
 * inflow_ingestion_monitor_get_clock:
 * @self: a monitor
 *
 * The session's one clock: every time a view shows is said against it.
 *
 * Returns: (transfer none): the server's clock
 */
InflowServerClock *
inflow_ingestion_monitor_get_clock (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return self->clock;
}

/**
 * inflow_ingestion_monitor_start:
 * @self: a monitor
 *
 * Starts polling: reads the stored history first (when the session has a
 * database), takes the session's list as the starting point, then follows
 * the planner.
 */
void
inflow_ingestion_monitor_start (InflowIngestionMonitor *self)
{
  gboolean loading;

  g_return_if_fail (INFLOW_IS_INGESTION_MONITOR (self));

  if (self->running || self->client == NULL)
    return;

  loading = inflow_ingestion_monitor_get_loading (self);
  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  /* The last known state first: offline starts show it with its time. */
  if (self->session != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    {
      GListModel *integrations = inflow_session_get_integrations (self->session);

      if (g_list_model_get_n_items (integrations) > 0)
        {
          g_autoptr(GDateTime) fetched_at = session_fetched_at (self, INFLOW_SESSION_LIST_INTEGRATIONS);

          apply_list (self, integrations, fetched_at, TRUE);
        }
    }

  inflow_poll_scheduler_set_running (self->scheduler, TRUE);

  if (!self->history_loaded && inflow_observation_log_get_stores (self->log))
    {
      if (!self->loading_history)
        load_history (self);
    }
  else if (!self->history_loaded)
    {
      self->history_loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY_LOADED]);
    }

  notify_loading (self, loading);
  inflow_poll_scheduler_soon (self->scheduler);
}

/**
 * inflow_ingestion_monitor_stop:
 * @self: a monitor
 *
 * Stops polling and cancels the requests in flight; the items keep their
 * last state.
 */
void
inflow_ingestion_monitor_stop (InflowIngestionMonitor *self)
{
  gboolean loading;

  g_return_if_fail (INFLOW_IS_INGESTION_MONITOR (self));

  if (!self->running)
    return;

  loading = inflow_ingestion_monitor_get_loading (self);
  self->running = FALSE;
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->list_in_flight = FALSE;
  self->loading_history = FALSE;
  self->n_in_flight = 0;
  inflow_poll_scheduler_set_running (self->scheduler, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      _inflow_ingestion_item_set_probing (item, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  notify_loading (self, loading);
}

gboolean
inflow_ingestion_monitor_get_running (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), FALSE);

  return self->running;
}

/**
 * inflow_ingestion_monitor_refresh:
 * @self: a monitor
 *
 * The user asked for fresh data: the planner refreshes the list now (within
 * its budget and any back-off after 429), and a failure back-off ends.
 */
void
inflow_ingestion_monitor_refresh (InflowIngestionMonitor *self)
{
  g_return_if_fail (INFLOW_IS_INGESTION_MONITOR (self));

  self->refresh_requested = TRUE;
  inflow_poll_scheduler_end_backoff (self->scheduler);
  inflow_poll_scheduler_soon (self->scheduler);
}

/**
 * inflow_ingestion_monitor_poll_now:
 * @self: a monitor
 *
 * Runs a planning cycle now rather than at the planned time (after a
 * resume from suspend, or when the server's clock jumped); the planner
 * still decides what is due.
 */
void
inflow_ingestion_monitor_poll_now (InflowIngestionMonitor *self)
{
  g_return_if_fail (INFLOW_IS_INGESTION_MONITOR (self));

  cycle (self);
}

/**
 * inflow_ingestion_monitor_get_busy:
 * @self: a monitor
 *
 * Returns: whether requests (or the history read) are in flight
 */
gboolean
inflow_ingestion_monitor_get_busy (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), FALSE);

  return self->n_in_flight > 0;
}

/**
 * inflow_ingestion_monitor_get_items:
 * @self: a monitor
 *
 * Returns: (transfer none): a #GListModel of #InflowIngestionItem, one per
 *   integration (all providers; see #InflowIngestionItem:tracked), in the
 *   order the API listed them; the same model for the monitor's life
 */
GListModel *
inflow_ingestion_monitor_get_items (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * inflow_ingestion_monitor_lookup:
 * @self: a monitor
 * @token: an integration token
 *
 * Returns: (transfer none) (nullable): the item of that integration
 */
InflowIngestionItem *
inflow_ingestion_monitor_lookup (InflowIngestionMonitor *self,
                                 const char             *token)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  if (token == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_token, token);
}

/**
 * inflow_ingestion_monitor_get_phase_count:
 * @self: a monitor
 * @phase: a phase
 *
 * Returns: how many tracked integrations are in @phase
 */
guint
inflow_ingestion_monitor_get_phase_count (InflowIngestionMonitor *self,
                                          InflowIngestionPhase    phase)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), 0);
  g_return_val_if_fail ((guint) phase < INFLOW_INGESTION_N_PHASES, 0);

  return self->phase_counts[phase];
}

guint
inflow_ingestion_monitor_get_n_tracked (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), 0);

  return self->n_tracked;
}

/**
 * inflow_ingestion_monitor_get_n_watched:
 * @self: a monitor
 *
 * Returns: see #InflowIngestionMonitor:n-watched
 */
guint
inflow_ingestion_monitor_get_n_watched (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), 0);

  return self->n_watched;
}

/**
 * inflow_ingestion_monitor_dup_watch_summary:
 * @self: a monitor
 *
 * What Inflow watches, in one translated line for a background status
 * ("Waiting for 1 first report", "Watching 3 integrations").
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when nothing is
 *   watched (#InflowIngestionMonitor:n-watched is 0)
 */
char *
inflow_ingestion_monitor_dup_watch_summary (InflowIngestionMonitor *self)
{
  guint n_first;

  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  if (self->n_watched == 0)
    return NULL;

  n_first = self->phase_counts[INFLOW_INGESTION_PHASE_PENDING] +
            self->phase_counts[INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR] +
            self->phase_counts[INFLOW_INGESTION_PHASE_FIRST_CUR_LATE];

  /* Only first reports awaited: say so, it is what the user waits for. */
  if (n_first == self->n_watched)
    return g_strdup_printf (ngettext ("Waiting for %u first report", "Waiting for %u first reports", n_first),
                            n_first);

  return g_strdup_printf (ngettext ("Watching %u integration", "Watching %u integrations", self->n_watched),
                          self->n_watched);
}

gboolean
inflow_ingestion_monitor_get_loading (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), FALSE);

  return self->running && self->list_fetched_at == NULL &&
         inflow_poll_scheduler_get_last_error (self->scheduler) == NULL;
}

gboolean
inflow_ingestion_monitor_get_history_loaded (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), FALSE);

  return self->history_loaded;
}

InflowConnectionState
inflow_ingestion_monitor_get_connection_state (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), INFLOW_CONNECTION_UNKNOWN);

  return inflow_poll_scheduler_get_connection_state (self->scheduler);
}

/**
 * inflow_ingestion_monitor_get_last_error:
 * @self: a monitor
 *
 * Returns: (nullable): why the latest monitoring request failed, if it did
 */
const GError *
inflow_ingestion_monitor_get_last_error (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return inflow_poll_scheduler_get_last_error (self->scheduler);
}

/**
 * inflow_ingestion_monitor_get_as_of:
 * @self: a monitor
 *
 * Returns: (nullable): when the integration list was fetched (server time)
 */
GDateTime *
inflow_ingestion_monitor_get_as_of (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return self->list_fetched_at;
}

/**
 * inflow_ingestion_monitor_get_last_poll_at:
 * @self: a monitor
 *
 * Returns: (nullable): when the latest polling cycle ran (server time)
 */
GDateTime *
inflow_ingestion_monitor_get_last_poll_at (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  return self->last_poll_at;
}

/**
 * inflow_ingestion_monitor_get_request_stats:
 * @self: a monitor
 * @stats: (out caller-allocates): planned and actual requests in the
 *   trailing hour (server time)
 * @planned_per_hour: (out) (optional): the steady rate the planner expects
 *   for the current integrations
 */
void
inflow_ingestion_monitor_get_request_stats (InflowIngestionMonitor *self,
                                            InflowPollStats        *stats,
                                            double                 *planned_per_hour)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GArray) targets = NULL;
  InflowPollState state = { 0, };

  g_return_if_fail (INFLOW_IS_INGESTION_MONITOR (self));
  g_return_if_fail (stats != NULL);

  now = inflow_ingestion_monitor_dup_now (self);
  inflow_poll_planner_get_stats (inflow_ingestion_monitor_get_planner (self), now, stats);

  if (planned_per_hour != NULL)
    {
      targets = g_array_new (FALSE, TRUE, sizeof (InflowPollTarget));
      fill_state (self, &state, targets);
      *planned_per_hour = inflow_poll_planner_estimate_rate (inflow_ingestion_monitor_get_planner (self), &state);
    }
}

/**
 * inflow_ingestion_monitor_get_n_observations_written:
 * @self: a monitor
 *
 * Returns: how many observations it sent to the database in this run
 */
guint
inflow_ingestion_monitor_get_n_observations_written (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), 0);

  return inflow_observation_log_get_n_written (self->log);
}

/**
 * inflow_ingestion_monitor_get_stores_history:
 * @self: a monitor
 *
 * Returns: whether observations go to a database (not in the demo, whose
 *   profile is never stored: there they live in memory for the run)
 */
gboolean
inflow_ingestion_monitor_get_stores_history (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), FALSE);

  return inflow_observation_log_get_stores (self->log);
}

/**
 * inflow_ingestion_monitor_set_time_scale:
 * @self: a monitor
 * @scale: server seconds per real second (the demo simulator's time
 *   scale); 0 to learn it from the server's Date header
 */
void
inflow_ingestion_monitor_set_time_scale (InflowIngestionMonitor *self,
                                         double                  scale)
{
  g_return_if_fail (INFLOW_IS_INGESTION_MONITOR (self));

  inflow_server_clock_set_time_scale (self->clock, scale);
}

double
inflow_ingestion_monitor_get_time_scale (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), 0.0);

  return inflow_server_clock_get_time_scale (self->clock);
}
