/* inflow-poll-scheduler.c: when the ingestion monitor runs its next planning cycle
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The poll planner says what is due and when to ask it again, in server
 * time; this scheduler waits that long in real time (the server's clock may
 * run faster, see #InflowServerClock), backs off after failures other than
 * 429 (the planner handles those), tells the planner every answer with the
 * rate-limit headers that came with it, and keeps what the latest request
 * said about the connection.
 */

#define G_LOG_DOMAIN "inflow-ingestion-monitor"

#include "config.h"

#include "inflow-api-error.h"
#include "inflow-poll-scheduler.h"

/* Real-time bounds of one wait between two planning cycles. */
#define MIN_WAIT_MS          250
#define MAX_WAIT_MS          (5 * 60 * 1000)
#define UNMEASURED_WAIT_MS   2000
#define FAILURE_BACKOFF_MIN  (15 * G_TIME_SPAN_SECOND)
#define FAILURE_BACKOFF_MAX  (15 * G_TIME_SPAN_MINUTE)

struct _InflowPollScheduler
{
  GObject                parent_instance;

  InflowClient          *client;
  InflowServerClock     *clock;
  InflowPollPlanner     *planner;
  GError                *last_error;
  InflowConnectionState  connection_state;
  guint                  consecutive_failures;
  gint64                 retry_not_before;  /* monotonic */
  guint                  timer_id;
  guint                  idle_id;
  gboolean               running;
};

G_DEFINE_FINAL_TYPE (InflowPollScheduler, inflow_poll_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTION_STATE,
  N_PROPS
};

enum {
  DUE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
inflow_poll_scheduler_dispose (GObject *object)
{
  InflowPollScheduler *self = INFLOW_POLL_SCHEDULER (object);

  self->running = FALSE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->client);
  g_clear_object (&self->clock);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (inflow_poll_scheduler_parent_class)->dispose (object);
}

static void
inflow_poll_scheduler_finalize (GObject *object)
{
  InflowPollScheduler *self = INFLOW_POLL_SCHEDULER (object);

  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (inflow_poll_scheduler_parent_class)->finalize (object);
}

static void
inflow_poll_scheduler_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  InflowPollScheduler *self = INFLOW_POLL_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION_STATE:
      g_value_set_enum (value, self->connection_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_poll_scheduler_class_init (InflowPollSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_poll_scheduler_dispose;
  object_class->finalize = inflow_poll_scheduler_finalize;
  object_class->get_property = inflow_poll_scheduler_get_property;

  /**
   * InflowPollScheduler:connection-state:
   *
   * What the latest request said about the connection.
   */
  properties[PROP_CONNECTION_STATE] =
    g_param_spec_enum ("connection-state", NULL, NULL, INFLOW_TYPE_CONNECTION_STATE, INFLOW_CONNECTION_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowPollScheduler::due:
   * @self: the scheduler
   *
   * Time for a planning cycle.
   */
  signals[DUE] = g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
inflow_poll_scheduler_init (InflowPollScheduler *self)
{
  self->planner = inflow_poll_planner_new ();
  self->connection_state = INFLOW_CONNECTION_UNKNOWN;
}

/**
 * inflow_poll_scheduler_new:
 * @client: the client whose answers (and rate-limit headers) count
 * @clock: the server's clock
 *
 * Returns: (transfer full): a stopped scheduler
 */
InflowPollScheduler *
inflow_poll_scheduler_new (InflowClient      *client,
                           InflowServerClock *clock)
{
  InflowPollScheduler *self;

  g_return_val_if_fail (INFLOW_IS_CLIENT (client), NULL);
  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (clock), NULL);

  self = g_object_new (INFLOW_TYPE_POLL_SCHEDULER, NULL);
  self->client = g_object_ref (client);
  self->clock = g_object_ref (clock);

  return self;
}

/**
 * inflow_poll_scheduler_get_planner:
 * @self: a scheduler
 *
 * Returns: (transfer none): the planner it follows
 */
InflowPollPlanner *
inflow_poll_scheduler_get_planner (InflowPollScheduler *self)
{
  g_return_val_if_fail (INFLOW_IS_POLL_SCHEDULER (self), NULL);

  return self->planner;
}

/**
 * inflow_poll_scheduler_set_running:
 * @self: a scheduler
 * @running: whether cycles are due at all
 *
 * Stopping drops the waits; the back-off and the connection state stay.
 */
void
inflow_poll_scheduler_set_running (InflowPollScheduler *self,
                                   gboolean             running)
{
  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));

  self->running = !!running;
  if (!running)
    {
      g_clear_handle_id (&self->timer_id, g_source_remove);
      g_clear_handle_id (&self->idle_id, g_source_remove);
    }
}

static gboolean
timer_cb (gpointer user_data)
{
  InflowPollScheduler *self = user_data;

  self->timer_id = 0;
  g_signal_emit (self, signals[DUE], 0);

  return G_SOURCE_REMOVE;
}

static gboolean
idle_cb (gpointer user_data)
{
  InflowPollScheduler *self = user_data;

  self->idle_id = 0;
  g_signal_emit (self, signals[DUE], 0);

  return G_SOURCE_REMOVE;
}

/**
 * inflow_poll_scheduler_soon:
 * @self: a scheduler
 *
 * Makes a cycle due as soon as the main loop is free.
 */
void
inflow_poll_scheduler_soon (InflowPollScheduler *self)
{
  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));

  if (!self->running || self->idle_id != 0)
    return;

  /* Not an idle priority: a spinner's frames would starve it. */
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, idle_cb, self, NULL);
}

/**
 * inflow_poll_scheduler_wake_at:
 * @self: a scheduler
 * @now: the server's now
 * @wake: (nullable): when the next cycle is due (server time); %NULL for
 *   the longest wait
 *
 * Makes the next cycle due at @wake, or at the end of a back-off if later;
 * look again soon while the pace of the server's clock is not known.
 */
void
inflow_poll_scheduler_wake_at (InflowPollScheduler *self,
                               GDateTime           *now,
                               GDateTime           *wake)
{
  gint64 mono = g_get_monotonic_time ();
  gint64 wait_ms = MAX_WAIT_MS;
  gint64 min_ms = 0;

  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (!self->running)
    return;

  if (wake != NULL)
    wait_ms = inflow_server_clock_real_ms_until (self->clock, now, wake);
  if (!inflow_server_clock_get_rate_known (self->clock))
    wait_ms = MIN (wait_ms, UNMEASURED_WAIT_MS);
  if (self->retry_not_before > mono)
    min_ms = (self->retry_not_before - mono) / 1000;

  wait_ms = CLAMP (MAX (wait_ms, min_ms), MIN_WAIT_MS, MAX_WAIT_MS);
  g_debug ("Next cycle in %" G_GINT64_FORMAT " ms (clock rate %.1f)", wait_ms,
           inflow_server_clock_get_rate (self->clock));
  self->timer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) wait_ms, timer_cb, self, NULL);
}

/**
 * inflow_poll_scheduler_get_backing_off:
 * @self: a scheduler
 *
 * Returns: whether a failure's back-off still runs
 */
gboolean
inflow_poll_scheduler_get_backing_off (InflowPollScheduler *self)
{
  g_return_val_if_fail (INFLOW_IS_POLL_SCHEDULER (self), FALSE);

  return self->retry_not_before > g_get_monotonic_time ();
}

/**
 * inflow_poll_scheduler_end_backoff:
 * @self: a scheduler
 *
 * The user asked for fresh data: a failure's back-off ends now.
 */
void
inflow_poll_scheduler_end_backoff (InflowPollScheduler *self)
{
  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));

  self->retry_not_before = 0;
}

/**
 * inflow_poll_scheduler_get_rate_limit:
 * @self: a scheduler
 * @rate_limit: (out caller-allocates): the latest `x-rate-limit-*` figures
 */
void
inflow_poll_scheduler_get_rate_limit (InflowPollScheduler *self,
                                      InflowRateLimit     *rate_limit)
{
  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));
  g_return_if_fail (rate_limit != NULL);

  *rate_limit = (InflowRateLimit) INFLOW_RATE_LIMIT_INIT;
  rate_limit->limit = inflow_client_get_rate_limit_limit (self->client);
  rate_limit->remaining = inflow_client_get_rate_limit_remaining (self->client);
  rate_limit->reset = inflow_client_get_rate_limit_reset (self->client);
}

/**
 * inflow_poll_status_for_error:
 * @error: (nullable): how a request failed, %NULL if it did not
 *
 * Returns: the HTTP status to report to the planner; 0 without an HTTP
 *   answer
 */
guint
inflow_poll_status_for_error (const GError *error)
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
    case INFLOW_API_ERROR_FAILED:
      return 500;
    case INFLOW_API_ERROR_INVALID_RESPONSE:
    case INFLOW_API_ERROR_LIST_TOO_LONG:
    case INFLOW_API_ERROR_LIST_TOO_SLOW:
      return 502;
    case INFLOW_API_ERROR_NETWORK:
    case INFLOW_API_ERROR_DEADLINE_EXCEEDED:
    case INFLOW_API_ERROR_TLS:
    case INFLOW_API_ERROR_INSECURE_URL:
    default:
      return 0;
    }
}

/**
 * inflow_poll_scheduler_report:
 * @self: a scheduler
 * @kind: what was asked
 * @token: (nullable): the integration probed
 * @at: when it answered (server time)
 * @error: (nullable): how it failed
 *
 * Tells the planner of a request, with the rate-limit figures it left.
 */
void
inflow_poll_scheduler_report (InflowPollScheduler   *self,
                              InflowPollRequestKind  kind,
                              const char            *token,
                              GDateTime             *at,
                              const GError          *error)
{
  InflowRateLimit rate_limit;

  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));

  inflow_poll_scheduler_get_rate_limit (self, &rate_limit);
  inflow_poll_planner_report (self->planner, kind, token, at, inflow_poll_status_for_error (error), &rate_limit);
}

static void
set_connection_state (InflowPollScheduler   *self,
                      InflowConnectionState  state)
{
  if (self->connection_state == state)
    return;

  self->connection_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
}

/**
 * inflow_poll_scheduler_succeeded:
 * @self: a scheduler
 *
 * A request got an answer: the back-off ends, the connection is online.
 */
void
inflow_poll_scheduler_succeeded (InflowPollScheduler *self)
{
  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));

  self->consecutive_failures = 0;
  self->retry_not_before = 0;
  g_clear_error (&self->last_error);
  set_connection_state (self, INFLOW_CONNECTION_ONLINE);
}

/**
 * inflow_poll_scheduler_failed:
 * @self: a scheduler
 * @error: a failure that says something about the connection, not one
 *   request
 *
 * Backs off, longer after each failure in a row (and the longest after a
 * refused token); a 429 is the planner's to handle.
 */
void
inflow_poll_scheduler_failed (InflowPollScheduler *self,
                              const GError        *error)
{
  InflowConnectionState state = INFLOW_CONNECTION_ERROR;
  GTimeSpan backoff;

  g_return_if_fail (INFLOW_IS_POLL_SCHEDULER (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED))
    return;

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
}

InflowConnectionState
inflow_poll_scheduler_get_connection_state (InflowPollScheduler *self)
{
  g_return_val_if_fail (INFLOW_IS_POLL_SCHEDULER (self), INFLOW_CONNECTION_UNKNOWN);

  return self->connection_state;
}

/**
 * inflow_poll_scheduler_get_last_error:
 * @self: a scheduler
 *
 * Returns: (nullable): why the latest request that failed did, until one
 *   succeeds
 */
const GError *
inflow_poll_scheduler_get_last_error (InflowPollScheduler *self)
{
  g_return_val_if_fail (INFLOW_IS_POLL_SCHEDULER (self), NULL);

  return self->last_error;
}
