/* inflow-ingestion-monitor.c: watches a session's integrations for cost data arrival
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The API has no CUR status (research/vantage-api.md §8, §11), so the monitor
 * derives one: it refreshes the integration list and runs a cost probe per
 * AWS integration when the poll planner says so, records what it saw as
 * observations (in the database when the session has one, else in memory),
 * and re-evaluates each integration's verdict against the server's clock.
 *
 * The cost probe is one page of `GET /v2/costs`:
 *
 *   filter     costs.provider = 'aws' AND costs.account_id = '<id>'
 *   groupings  resource_id       rows with a resource ID exist only once a
 *                                CUR was processed (seed: "costs by resource
 *                                until the first CUR is received")
 *   date_bin   day, newest first the first row's accrued_at is the newest
 *                                cost day
 *   start_date the first day of the previous month, so that the first days
 *              of a month do not look empty
 *   end_date   today (UTC: cost days are UTC days)
 *   limit      10                at most one row of the newest day has no
 *                                resource ID, so a resource row shows up in
 *                                the first page whenever the newest day has
 *                                any; ten rows stay a small answer
 *
 * The observations table has no "probed" column. Read back, an observation
 * counts as a probe when it carries a cost date or resource rows, or when it
 * is of a connected or imported AWS integration: the monitor never stores
 * one of those without a probe result (it stores the latest probe's result
 * with a status change, and otherwise waits for the next probe).
 *
 * Time: "now" is the client's server-calibrated clock. The demo's virtual
 * clock may run faster than real time; the monitor learns the rate from how
 * the server's Date header moves (or is told with set_time_scale()) and
 * waits the planner's server-time delays divided by it.
 */

#define G_LOG_DOMAIN "inflow-ingestion-monitor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-api-error.h"
#include "inflow-cloud-account.h"
#include "inflow-cost.h"
#include "inflow-ingestion-item-private.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-observation.h"
#include "inflow-profile.h"

#define PROBE_LIMIT          10
/* History read at start: the timeline shows up to 14 days, the verdict
 * looks back to the previous month. */
#define HISTORY_DAYS         35
/* Real-time bounds of one wait between two planning cycles. */
#define MIN_WAIT_MS          250
#define MAX_WAIT_MS          (5 * 60 * 1000)
#define UNMEASURED_WAIT_MS   2000
/* Back-off after failures other than 429 (the planner handles those). */
#define FAILURE_BACKOFF_MIN  (15 * G_TIME_SPAN_SECOND)
#define FAILURE_BACKOFF_MAX  (15 * G_TIME_SPAN_MINUTE)
/* Samples of the server clock closer than this give no rate. */
#define RATE_SAMPLE_MIN      (G_TIME_SPAN_SECOND / 2)
#define MAX_TIME_SCALE       100000.0

struct _InflowIngestionMonitor
{
  GObject                 parent_instance;

  /* Borrowed: the session owns the monitor made by get_for_session() */
  InflowSession          *session;

  /* Owned references */
  InflowClient           *client;
  InflowDatabase         *database;
  char                   *profile_id;
  char                   *profile_name;
  InflowPollPlanner      *planner;
  GCancellable           *cancellable;
  GListStore             *items;
  GHashTable             *by_token;        /* token → InflowIngestionItem (borrowed) */
  GHashTable             *history;         /* token → GPtrArray of InflowObservation */
  GError                 *last_error;
  GDateTime              *list_fetched_at;
  GDateTime              *last_poll_at;

  guint                   generation;
  guint                   n_in_flight;
  guint                   timer_id;
  guint                   idle_id;
  guint                   n_integrations;
  guint                   phase_counts[INFLOW_INGESTION_N_PHASES];
  guint                   n_tracked;
  gboolean                phases_changed;
  guint                   n_written;
  guint                   consecutive_failures;
  gint64                  retry_not_before;  /* monotonic */
  InflowConnectionState   connection_state;

  double                  time_scale;        /* 0: learn it */
  double                  rate_estimate;     /* the latest measure */
  gboolean                rate_measured;
  GDateTime              *last_now;
  gint64                  calib_mono;
  GTimeSpan               calib_offset;
  gint64                  answer_mono;       /* when the client last calibrated */

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

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---- clock -------------------------------------------------------------- */

/* Server seconds per real second: set, or learned. Below 1.5 it counts as
 * real time (the Date header has whole seconds). */
static double
effective_rate (InflowIngestionMonitor *self)
{
  if (self->time_scale > 0)
    return self->time_scale;

  return self->rate_estimate > 1.5 ? self->rate_estimate : 1.0;
}

/* After every answer: learn how fast the server's clock runs, from the
 * client's offset between answers at least RATE_SAMPLE_MIN apart. A jump
 * of the clock gives one high measure; the next answer corrects it. */
static void
sample_clock (InflowIngestionMonitor *self)
{
  gint64 mono = g_get_monotonic_time ();
  GTimeSpan offset = inflow_client_get_clock_offset (self->client);

  self->answer_mono = mono;

  if (self->calib_mono != 0 && mono - self->calib_mono < RATE_SAMPLE_MIN)
    return;

  if (self->calib_mono != 0)
    {
      double rate = 1.0 + (double) (offset - self->calib_offset) / (double) (mono - self->calib_mono);

      self->rate_estimate = CLAMP (rate, 0.0, MAX_TIME_SCALE);
      self->rate_measured = TRUE;
    }

  self->calib_mono = mono;
  self->calib_offset = offset;
}

/**
 * inflow_ingestion_monitor_dup_now:
 * @self: a monitor
 *
 * The client's server-calibrated clock; with a time scale set, moved on by
 * the real time since the last answer times the scale.
 *
 * Returns: (transfer full): the server's "now", in UTC
 */
GDateTime *
inflow_ingestion_monitor_dup_now (InflowIngestionMonitor *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), NULL);

  now = inflow_client_get_now (self->client);

  /* The client's clock runs at real speed from its last answer on: a
   * faster server clock has moved on further since. */
  if (effective_rate (self) > 1.0 && self->answer_mono != 0)
    {
      GTimeSpan since = g_get_monotonic_time () - self->answer_mono;
      GDateTime *moved = g_date_time_add (now, (GTimeSpan) (since * (effective_rate (self) - 1.0)));

      g_date_time_unref (now);
      now = moved;
    }

  /* Never back in time, though the next answer may show a guess too far. */
  if (self->last_now != NULL && g_date_time_compare (now, self->last_now) < 0)
    {
      g_date_time_unref (now);
      now = g_date_time_ref (self->last_now);
    }
  else
    {
      g_clear_pointer (&self->last_now, g_date_time_unref);
      self->last_now = g_date_time_ref (now);
    }

  return g_steal_pointer (&now);
}

/* ---- scheduling ---------------------------------------------------------- */

static gboolean
timer_cb (gpointer user_data)
{
  InflowIngestionMonitor *self = user_data;

  self->timer_id = 0;
  cycle (self);

  return G_SOURCE_REMOVE;
}

static gboolean
idle_cb (gpointer user_data)
{
  InflowIngestionMonitor *self = user_data;

  self->idle_id = 0;
  cycle (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_soon (InflowIngestionMonitor *self)
{
  if (!self->running || self->idle_id != 0)
    return;

  /* Not an idle priority: a spinner's frames would starve it. */
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, idle_cb, self, NULL);
}

/* Wakes up at @wake (server time), or @real_ms from now if later. */
static void
schedule_at (InflowIngestionMonitor *self,
             GDateTime              *now,
             GDateTime              *wake,
             gint64                  min_real_ms)
{
  gint64 wait_ms = MAX_WAIT_MS;

  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (!self->running)
    return;

  if (wake != NULL)
    {
      GTimeSpan span = g_date_time_difference (wake, now);

      wait_ms = (gint64) (MAX (span, 0) / effective_rate (self) / 1000.0);
    }

  /* Until the pace of the server's clock is known, look again soon. */
  if (!self->rate_measured && self->time_scale <= 0)
    wait_ms = MIN (wait_ms, UNMEASURED_WAIT_MS);
  wait_ms = CLAMP (MAX (wait_ms, min_real_ms), MIN_WAIT_MS, MAX_WAIT_MS);
  g_debug ("Next cycle in %" G_GINT64_FORMAT " ms (clock rate %.1f)", wait_ms, effective_rate (self));
  self->timer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) wait_ms, timer_cb, self, NULL);
}

/* ---- state -------------------------------------------------------------- */

static void
set_connection_state (InflowIngestionMonitor *self,
                      InflowConnectionState   state)
{
  if (self->connection_state == state)
    return;

  self->connection_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
}

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

  self->consecutive_failures = 0;
  self->retry_not_before = 0;
  g_clear_error (&self->last_error);
  set_connection_state (self, INFLOW_CONNECTION_ONLINE);
  notify_loading (self, loading);
}

/* A failure that says something about the connection, not one request. */
static void
request_failed (InflowIngestionMonitor *self,
                const GError           *error)
{
  gboolean loading = inflow_ingestion_monitor_get_loading (self);
  InflowConnectionState state = INFLOW_CONNECTION_ERROR;
  GTimeSpan backoff;

  if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED))
    return;   /* the planner backs off */

  if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK) ||
      g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_TLS) ||
      g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER))
    state = INFLOW_CONNECTION_OFFLINE;
  else if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED))
    state = INFLOW_CONNECTION_UNAUTHORIZED;

  self->consecutive_failures++;
  backoff = FAILURE_BACKOFF_MIN << MIN (self->consecutive_failures - 1, 10);
  backoff = MIN (backoff, FAILURE_BACKOFF_MAX);
  if (state == INFLOW_CONNECTION_UNAUTHORIZED)
    backoff = FAILURE_BACKOFF_MAX;
  self->retry_not_before = g_get_monotonic_time () + backoff;

  g_clear_error (&self->last_error);
  self->last_error = g_error_copy (error);
  g_debug ("Monitoring request failed (%s); next try in %" G_GINT64_FORMAT " s",
           error->message, backoff / G_TIME_SPAN_SECOND);

  set_connection_state (self, state);
  notify_loading (self, loading);
}

/* The HTTP status to report to the planner; 0 without an HTTP answer. */
static guint
status_for_error (const GError *error)
{
  if (error == NULL)
    return 200;

  if (error->domain != INFLOW_API_ERROR)
    return 0;

  switch ((InflowApiError) error->code)
    {
    case INFLOW_API_ERROR_UNAUTHORIZED:
      return 401;
    case INFLOW_API_ERROR_FORBIDDEN:
      return 403;
    case INFLOW_API_ERROR_NOT_FOUND:
      return 404;
    case INFLOW_API_ERROR_VALIDATION:
      return 400;
    case INFLOW_API_ERROR_PAYMENT_REQUIRED:
      return 402;
    case INFLOW_API_ERROR_RATE_LIMITED:
      return 429;
    case INFLOW_API_ERROR_SERVER:
      return 500;
    case INFLOW_API_ERROR_INVALID_RESPONSE:
    case INFLOW_API_ERROR_LIST_TOO_LONG:
    case INFLOW_API_ERROR_LIST_TOO_SLOW:
      return 502;
    case INFLOW_API_ERROR_FAILED:
      return 500;
    case INFLOW_API_ERROR_NETWORK:
    case INFLOW_API_ERROR_DEADLINE_EXCEEDED:
    case INFLOW_API_ERROR_TLS:
    case INFLOW_API_ERROR_INSECURE_URL:
    default:
      return 0;
    }
}

static void
report (InflowIngestionMonitor *self,
        InflowPollRequestKind   kind,
        const char             *token,
        GDateTime              *at,
        const GError           *error)
{
  InflowRateLimit rate_limit = INFLOW_RATE_LIMIT_INIT;

  rate_limit.limit = inflow_client_get_rate_limit_limit (self->client);
  rate_limit.remaining = inflow_client_get_rate_limit_remaining (self->client);
  rate_limit.reset = inflow_client_get_rate_limit_reset (self->client);

  inflow_poll_planner_report (self->planner, kind, token, at, status_for_error (error), &rate_limit);
}

/* ---- observations ------------------------------------------------------- */

static void
add_observation_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_database_add_observation_finish (INFLOW_DATABASE (source), result, &error) &&
      !is_cancelled (error))
    g_debug ("Could not store an observation: %s", error->message);
}

static void
store_observation (InflowIngestionMonitor *self,
                   InflowIngestionItem    *item,
                   GDateTime              *observed_at,
                   GDateTime              *newest_cost_date,
                   gboolean                resource_rows_present)
{
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);
  g_autoptr(InflowObservation) observation = NULL;
  const char *status = inflow_integration_get_status_string (integration);

  if (self->database == NULL || self->profile_id == NULL)
    return;

  observation = inflow_observation_new (self->profile_id,
                                        inflow_ingestion_item_get_token (item),
                                        observed_at,
                                        status != NULL ? status : "unknown",
                                        inflow_integration_get_last_updated (integration),
                                        newest_cost_date,
                                        resource_rows_present);
  inflow_database_add_observation_async (self->database, observation, self->cancellable,
                                         add_observation_cb, NULL);
  self->n_written++;
}

static gboolean
status_is_probed (InflowIngestionStatus status)
{
  return status == INFLOW_INGESTION_STATUS_CONNECTED || status == INFLOW_INGESTION_STATUS_IMPORTED;
}

/* The status or `last_updated` changed (or Inflow never saw the integration):
 * remember it in memory, and in the database as the header explains. */
static void
record_status (InflowIngestionMonitor *self,
               InflowIngestionItem    *item,
               GDateTime              *observed_at)
{
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);
  const InflowIngestionObservation *last = _inflow_ingestion_item_get_last_observation (item);
  InflowIngestionStatus status = _inflow_ingestion_item_get_status (item);
  InflowIngestionObservation observation = { 0, };
  gboolean status_changed = last == NULL || last->status != status;

  observation.observed_at = observed_at;
  observation.status = status;
  observation.last_updated = inflow_integration_get_last_updated (integration);
  observation.probed = FALSE;
  _inflow_ingestion_item_add_observation (item, &observation);

  if (!inflow_ingestion_item_get_tracked (item) || !status_is_probed (status))
    {
      store_observation (self, item, observed_at, NULL, FALSE);
    }
  else if (status_changed)
    {
      const InflowIngestionObservation *probe = _inflow_ingestion_item_get_last_probe (item);

      if (probe != NULL)
        store_observation (self, item, observed_at, probe->newest_cost_date, probe->resource_rows_present);
    }
}

static gboolean
observation_differs (InflowIngestionItem *item)
{
  const InflowIngestionObservation *last = _inflow_ingestion_item_get_last_observation (item);
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);
  GDateTime *last_updated = inflow_integration_get_last_updated (integration);

  if (last == NULL)
    return TRUE;
  if (last->status != _inflow_ingestion_item_get_status (item))
    return TRUE;
  if ((last->last_updated == NULL) != (last_updated == NULL))
    return TRUE;

  return last_updated != NULL && g_date_time_to_unix (last_updated) != g_date_time_to_unix (last->last_updated);
}

/* Moves the stored history of @item's token into it. */
static void
merge_history (InflowIngestionMonitor *self,
               InflowIngestionItem    *item)
{
  GPtrArray *stored;
  gboolean tracked = inflow_ingestion_item_get_tracked (item);

  if (self->history == NULL)
    return;

  stored = g_hash_table_lookup (self->history, inflow_ingestion_item_get_token (item));
  if (stored == NULL)
    return;

  for (guint i = 0; i < stored->len; i++)
    {
      InflowObservation *row = g_ptr_array_index (stored, i);
      InflowIngestionObservation observation = { 0, };

      observation.observed_at = inflow_observation_get_observed_at (row);
      observation.status = inflow_ingestion_status_from_string (inflow_observation_get_status (row));
      observation.last_updated = inflow_observation_get_last_updated (row);
      observation.newest_cost_date = inflow_observation_get_newest_cost_date (row);
      observation.resource_rows_present = inflow_observation_get_resource_rows_present (row);
      observation.probed = observation.newest_cost_date != NULL || observation.resource_rows_present ||
                           (tracked && status_is_probed (observation.status));
      if (observation.observed_at != NULL)
        _inflow_ingestion_item_add_observation (item, &observation);
    }

  g_hash_table_remove (self->history, inflow_ingestion_item_get_token (item));
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

/* ---- accounts and notes -------------------------------------------------- */

static gboolean
is_account_id (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* Why Inflow cannot probe @item's cost data, or NULL if it can. */
static const char *
probe_obstacle (InflowIngestionItem *item)
{
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);
  const char * const *workspaces = inflow_integration_get_workspace_tokens (integration);

  if (!inflow_ingestion_item_get_tracked (item))
    return NULL;

  if (!is_account_id (inflow_integration_get_account_identifier (integration)))
    return _("Vantage gives no AWS account ID for this integration, so Inflow cannot check its cost data.");

  if (workspaces == NULL || workspaces[0] == NULL)
    return _("This integration is in no workspace, and the Vantage cost API answers only within a "
             "workspace: Inflow cannot check its cost data. Add it to a workspace in Workspace Access.");

  return NULL;
}

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
          merge_history (self, item);
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

      _inflow_ingestion_item_set_note (item, probe_obstacle (item));

      /* Only fetched lists are observations; a cached one is the past. */
      if (fetched_at != NULL && self->history_loaded && observation_differs (item))
        record_status (self, item, observed_at);
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

  if (local == NULL)
    return NULL;

  return g_date_time_add (local, inflow_client_get_clock_offset (self->client));
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
  schedule_soon (self);
}

static void
session_accounts_changed_cb (InflowIngestionMonitor *self,
                             guint                   position,
                             guint                   removed,
                             guint                   added,
                             GListModel             *model)
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
  if (is_cancelled (error) || data->generation != self->generation)
    return;

  self->list_in_flight = FALSE;
  self->n_in_flight--;
  sample_clock (self);
  now = inflow_ingestion_monitor_dup_now (self);

  /* The client followed every page; the planner counts each. */
  if (integrations != NULL)
    n_pages = MAX ((g_list_model_get_n_items (integrations) + INFLOW_POLL_LIST_PAGE_SIZE - 1) /
                   INFLOW_POLL_LIST_PAGE_SIZE, 1);
  for (guint i = 0; i < n_pages; i++)
    report (self, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS, NULL, now, error);

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

  schedule_soon (self);
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

static char *
format_date (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RequestData) data = user_data;
  InflowIngestionMonitor *self = data->self;
  g_autoptr(InflowCostQueryResult) costs = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  InflowIngestionItem *item;

  costs = inflow_client_query_costs_finish (INFLOW_CLIENT (source), result, &error);
  if (is_cancelled (error) || data->generation != self->generation)
    return;

  self->n_in_flight--;
  sample_clock (self);
  now = inflow_ingestion_monitor_dup_now (self);
  report (self, INFLOW_POLL_REQUEST_COST_PROBE, data->token, now, error);

  item = g_hash_table_lookup (self->by_token, data->token);
  if (item != NULL)
    _inflow_ingestion_item_set_probing (item, FALSE);

  if (error != NULL)
    {
      guint status = status_for_error (error);

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
      GListModel *rows = inflow_cost_query_result_get_costs (costs);
      InflowIngestionProbe probe = { now, NULL, FALSE };
      InflowIngestionObservation observation = { 0, };
      GDateTime *newest = NULL;
      guint n = g_list_model_get_n_items (rows);

      request_succeeded (self);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(InflowCost) cost = g_list_model_get_item (rows, i);
          const char *resource_id = inflow_cost_get_resource_id (cost);
          GDateTime *accrued_at = inflow_cost_get_accrued_at (cost);

          if (resource_id != NULL && *resource_id != '\0')
            probe.resource_rows_present = TRUE;
          if (accrued_at != NULL && (newest == NULL || g_date_time_compare (accrued_at, newest) > 0))
            newest = accrued_at;
        }
      probe.newest_cost_date = newest;

      if (item != NULL)
        {
          InflowIntegration *integration = inflow_ingestion_item_get_integration (item);

          _inflow_ingestion_item_set_last_attempt_at (item, now);
          _inflow_ingestion_item_set_probe (item, &probe);
          _inflow_ingestion_item_set_note (item, probe_obstacle (item));

          observation.observed_at = now;
          observation.status = _inflow_ingestion_item_get_status (item);
          observation.last_updated = inflow_integration_get_last_updated (integration);
          observation.probed = TRUE;
          observation.newest_cost_date = newest;
          observation.resource_rows_present = probe.resource_rows_present;
          _inflow_ingestion_item_add_observation (item, &observation);
          store_observation (self, item, now, newest, probe.resource_rows_present);
        }
    }

  if (item != NULL)
    {
      evaluate_item (self, item, now);
      update_summary (self);
    }

  schedule_soon (self);
}

static gboolean
start_probe (InflowIngestionMonitor *self,
             InflowIngestionItem    *item,
             GDateTime              *now)
{
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);
  const char * const *workspaces = inflow_integration_get_workspace_tokens (integration);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) month_start = NULL;
  g_autoptr(GDateTime) previous_month = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  int year, month, day;

  if (probe_obstacle (item) != NULL || _inflow_ingestion_item_get_probing (item))
    return FALSE;

  /* Cost days are UTC days; reach back into the previous month. */
  today = g_date_time_to_utc (now);
  g_date_time_get_ymd (today, &year, &month, &day);
  month_start = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  previous_month = g_date_time_add_months (month_start, -1);

  filter = g_strdup_printf ("costs.provider = 'aws' AND costs.account_id = '%s'",
                            inflow_integration_get_account_identifier (integration));
  start_date = format_date (previous_month);
  end_date = format_date (today);

  _inflow_ingestion_item_set_probing (item, TRUE);
  self->n_in_flight++;
  inflow_client_query_costs_async (self->client, workspaces[0], filter, start_date, end_date,
                                   "resource_id", "day", PROBE_LIMIT, self->cancellable,
                                   probe_cb, request_data_new (self, inflow_ingestion_item_get_token (item)));

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
  InflowRateLimit rate_limit = INFLOW_RATE_LIMIT_INIT;
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
      target.is_aws = inflow_ingestion_item_get_tracked (item) && probe_obstacle (item) == NULL;
      target.last_probed_at = probed;
      target.phase_changes_at = verdict != NULL ? verdict->changes_at : NULL;
      g_array_append_val (targets, target);

      /* The array borrows; the store keeps the item alive. */
      g_object_unref (item);
    }

  rate_limit.limit = inflow_client_get_rate_limit_limit (self->client);
  rate_limit.remaining = inflow_client_get_rate_limit_remaining (self->client);
  rate_limit.reset = inflow_client_get_rate_limit_reset (self->client);

  state->list_fetched_at = self->list_fetched_at;
  state->n_integrations = self->n_integrations;
  state->targets = (const InflowPollTarget *) (void *) targets->data;
  state->n_targets = targets->len;
  state->rate_limit = rate_limit;
  state->refresh_requested = self->refresh_requested;
}

static void
cycle (InflowIngestionMonitor *self)
{
  g_autoptr(InflowPollPlan) plan = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GDateTime) now = NULL;
  InflowPollState state = { 0, };
  gint64 mono = g_get_monotonic_time ();

  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (!self->running || !self->history_loaded)
    return;

  now = inflow_ingestion_monitor_dup_now (self);
  g_clear_pointer (&self->last_poll_at, g_date_time_unref);
  self->last_poll_at = g_date_time_ref (now);

  /* Verdicts change with time alone too. */
  evaluate_all (self, now);

  if (self->retry_not_before > mono && !self->refresh_requested)
    {
      schedule_at (self, now, earliest_change (self, now, NULL),
                   (self->retry_not_before - mono) / 1000);
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  targets = g_array_new (FALSE, TRUE, sizeof (InflowPollTarget));
  fill_state (self, &state, targets);
  plan = inflow_poll_planner_next (self->planner, now, &state);

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

  schedule_at (self, now, earliest_change (self, now, plan->wake_at),
               self->retry_not_before > mono ? (self->retry_not_before - mono) / 1000 : 0);
  g_signal_emit (self, signals[UPDATED], 0);
}

/* ---- history ------------------------------------------------------------- */

static void
prune_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  if (!inflow_database_prune_observations_finish (INFLOW_DATABASE (source), result, &n_removed, &error))
    {
      if (!is_cancelled (error))
        g_debug ("Could not prune old observations: %s", error->message);
      return;
    }

  g_debug ("Pruned %u old observations", n_removed);
}

static void
list_observations_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RequestData) data = user_data;
  InflowIngestionMonitor *self = data->self;
  g_autoptr(GListModel) observations = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  observations = inflow_database_list_observations_since_finish (INFLOW_DATABASE (source), result, &error);
  if (is_cancelled (error) || data->generation != self->generation)
    return;

  self->loading_history = FALSE;
  self->n_in_flight--;

  if (error != NULL)
    {
      g_debug ("Could not read the observation history: %s", error->message);
    }
  else
    {
      n = g_list_model_get_n_items (observations);
      g_debug ("Read %u observations", n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(InflowObservation) row = g_list_model_get_item (observations, i);
          const char *token = inflow_observation_get_integration_token (row);
          GPtrArray *rows = g_hash_table_lookup (self->history, token);

          if (rows == NULL)
            {
              rows = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->history, g_strdup (token), rows);
            }
          g_ptr_array_add (rows, g_object_ref (row));
        }
    }

  /* Items already made from the session's cached list get theirs now. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      merge_history (self, item);
    }

  now = inflow_ingestion_monitor_dup_now (self);
  evaluate_all (self, now);

  /* Observations older than the retention go, once a run. */
  inflow_database_prune_observations_async (self->database, now, self->cancellable, prune_cb, NULL);

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
  inflow_database_list_observations_since_async (self->database, self->profile_id, NULL, since,
                                                 self->cancellable, list_observations_cb,
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
clock_offset_changed_cb (InflowIngestionMonitor *self,
                         GParamSpec             *pspec,
                         InflowClient           *client)
{
  sample_clock (self);
}

static void
inflow_ingestion_monitor_dispose (GObject *object)
{
  InflowIngestionMonitor *self = INFLOW_INGESTION_MONITOR (object);

  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (self->session != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->session), (gpointer *) &self->session);
      self->session = NULL;
    }

  g_clear_object (&self->client);
  g_clear_object (&self->database);
  g_clear_object (&self->planner);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (inflow_ingestion_monitor_parent_class)->dispose (object);
}

static void
inflow_ingestion_monitor_finalize (GObject *object)
{
  InflowIngestionMonitor *self = INFLOW_INGESTION_MONITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->by_token, g_hash_table_unref);
  g_clear_pointer (&self->history, g_hash_table_unref);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->profile_name, g_free);
  g_clear_pointer (&self->list_fetched_at, g_date_time_unref);
  g_clear_pointer (&self->last_poll_at, g_date_time_unref);
  g_clear_pointer (&self->last_now, g_date_time_unref);
  g_clear_error (&self->last_error);

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
      g_value_set_enum (value, self->connection_state);
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->list_fetched_at);
      break;
    case PROP_N_TRACKED:
      g_value_set_uint (value, self->n_tracked);
      break;
    case PROP_TIME_SCALE:
      g_value_set_double (value, self->time_scale);
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
   * InflowIngestionMonitor:time-scale:
   *
   * Server seconds per real second; 0 to learn it from the server's Date
   * header (the demo's virtual clock may run faster than real time).
   */
  properties[PROP_TIME_SCALE] =
    g_param_spec_double ("time-scale", NULL, NULL, 0.0, MAX_TIME_SCALE, 0.0,
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
  self->planner = inflow_poll_planner_new ();
  self->items = g_list_store_new (INFLOW_TYPE_INGESTION_ITEM);
  self->by_token = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->rate_estimate = 1.0;
  self->connection_state = INFLOW_CONNECTION_UNKNOWN;
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
  if (inflow_session_get_database (session) != NULL)
    self->database = g_object_ref (inflow_session_get_database (session));

  profile = inflow_session_get_profile (session);
  if (profile != NULL)
    {
      self->profile_id = g_strdup (inflow_profile_get_id (profile));
      self->profile_name = g_strdup (inflow_profile_get_name (profile));
    }

  g_signal_connect_object (self->client, "notify::clock-offset",
                           G_CALLBACK (clock_offset_changed_cb), self, G_CONNECT_SWAPPED);
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

  return self->planner;
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

  if (!self->history_loaded && self->database != NULL && self->profile_id != NULL)
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
  schedule_soon (self);
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
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);

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
  self->retry_not_before = 0;
  schedule_soon (self);
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

gboolean
inflow_ingestion_monitor_get_loading (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), FALSE);

  return self->running && self->list_fetched_at == NULL && self->last_error == NULL;
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

  return self->connection_state;
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

  return self->last_error;
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
  inflow_poll_planner_get_stats (self->planner, now, stats);

  if (planned_per_hour != NULL)
    {
      targets = g_array_new (FALSE, TRUE, sizeof (InflowPollTarget));
      fill_state (self, &state, targets);
      *planned_per_hour = inflow_poll_planner_estimate_rate (self->planner, &state);
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

  return self->n_written;
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

  return self->database != NULL && self->profile_id != NULL;
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

  scale = CLAMP (scale, 0.0, MAX_TIME_SCALE);
  if (self->time_scale == scale)
    return;

  self->time_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_SCALE]);
  schedule_soon (self);
}

double
inflow_ingestion_monitor_get_time_scale (InflowIngestionMonitor *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (self), 0.0);

  return self->time_scale > 0 ? self->time_scale : effective_rate (self);
}
