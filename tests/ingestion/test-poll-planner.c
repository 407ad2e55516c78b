/* test-poll-planner.c: the request plan against the rate limits, over simulated days
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulation runs on virtual time (no sleeping). A world of AWS accounts
 * delivers cost data every 8–12 hours; some accounts are new and wait for
 * their first CUR, some stall and recover, some are in error, disconnected,
 * pending, importing, not AWS or in GovCloud. The "app" keeps what it learnt
 * from the requests the planner asks for, derives verdicts with
 * inflow_ingestion_verdict_evaluate(), and feeds them back to the planner.
 */

#include "config.h"

#include <string.h>

#include "inflow-ingestion-verdict.h"
#include "inflow-poll-planner.h"
#include "inflow-test-utils.h"

#define HOUR   G_TIME_SPAN_HOUR
#define MINUTE G_TIME_SPAN_MINUTE
#define SECOND G_TIME_SPAN_SECOND
#define FOREVER G_MAXINT64

/* 2026-11-24T07:13:00Z: an arbitrary start, not on an hour. */
#define T0 ((gint64) 1795504380 * G_USEC_PER_SEC)

typedef enum
{
  SIM_HEALTHY,
  SIM_GOVCLOUD,
  SIM_NEW,
  SIM_STUCK_NEW,
  SIM_STALLED,
  SIM_LONG_STALL,
  SIM_ERROR,
  SIM_DISCONNECTED,
  SIM_PENDING,
  SIM_IMPORTING,
  SIM_NOT_AWS,
  SIM_N_KINDS
} SimKind;

static const char * const kind_names[] = {
  "healthy", "govcloud", "new", "stuck-new", "stalled", "long-stall",
  "error", "disconnected", "pending", "importing", "not-aws",
};

#define HISTORY 3

typedef struct
{
  char                       *token;
  SimKind                     kind;
  const char                 *provider;
  gboolean                    govcloud;
  gint64                      created;
  gint64                      period;
  gint64                      offset;
  gint64                      lag;
  gint64                      first_cur;
  gint64                      stall_from;
  gint64                      stall_until;

  /* What the app knows */
  gboolean                    listed;
  InflowIngestionStatus       known_status;
  GDateTime                  *created_at;
  GDateTime                  *probed_at;
  GDateTime                  *newest;
  gboolean                    rows;
  InflowIngestionObservation  history[HISTORY];
  guint                       n_history;
  InflowIngestionVerdict     *verdict;
  gboolean                    dirty;

  /* Measurements */
  gint64                      received_shown_at;
  gboolean                    shown_late;
  gint64                      recovery_latency;
} SimIntegration;

typedef struct
{
  gint64                at;
  InflowPollRequestKind kind;
  guint                 http_status;
} SimRequest;

typedef struct
{
  InflowPollPlanner *planner;
  GPtrArray         *integrations;
  GRand             *rand;
  gint64             now;
  GDateTime         *list_fetched_at;
  InflowRateLimit    live;

  /* The session around the planner: its other lists, and the window */
  GDateTime         *lists_fetched_at;
  guint              n_list_requests;
  gboolean           in_background;

  /* The server's rate limit */
  gint64             window_start;
  guint              window_used;
  guint              others_per_hour;
  gint64             storm_from;
  gint64             storm_until;
  gint64             hog_from;
  gint64             hog_remaining;

  /* Logs */
  GArray            *requests;          /* SimRequest */
  gint64             blocked_until;     /* the last 429's reset */
  guint              early_requests;    /* made before it */
  gint64             measure_from;
  gint64             healthy_usec;
  gint64             healthy_shown_late_usec;
  guint              slowed_plans;
  guint              n_stalled;
} Sim;

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static GDateTime *
time_new (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (floor_div (usec, G_USEC_PER_SEC));

  return g_date_time_add (seconds, usec - floor_div (usec, G_USEC_PER_SEC) * G_USEC_PER_SEC);
}

static gint64
to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* ---- The world ---------------------------------------------------------- */

static InflowIngestionStatus
world_status (SimIntegration *it,
              gint64          t)
{
  switch (it->kind)
    {
    case SIM_ERROR:
      return INFLOW_INGESTION_STATUS_ERROR;
    case SIM_DISCONNECTED:
      return INFLOW_INGESTION_STATUS_DISCONNECTED;
    case SIM_PENDING:
      return INFLOW_INGESTION_STATUS_PENDING;
    case SIM_IMPORTING:
      return INFLOW_INGESTION_STATUS_IMPORTING;
    case SIM_NEW:
    case SIM_STUCK_NEW:
      if (t < it->created + 10 * MINUTE)
        return INFLOW_INGESTION_STATUS_PENDING;
      if (t < it->created + HOUR)
        return INFLOW_INGESTION_STATUS_IMPORTING;
      return INFLOW_INGESTION_STATUS_CONNECTED;
    case SIM_HEALTHY:
    case SIM_GOVCLOUD:
    case SIM_STALLED:
    case SIM_LONG_STALL:
    case SIM_NOT_AWS:
    case SIM_N_KINDS:
    default:
      return INFLOW_INGESTION_STATUS_IMPORTED;
    }
}

/* The last CUR delivery at or before @t, or -1 before the first one. */
static gint64
world_last_delivery (SimIntegration *it,
                     gint64          t)
{
  gint64 delivery;

  if (t < it->first_cur)
    return -1;

  delivery = it->offset + floor_div (t - it->offset, it->period) * it->period;
  if (delivery >= it->stall_from && delivery < it->stall_until)
    delivery = it->offset + floor_div (it->stall_from - 1 - it->offset, it->period) * it->period;

  return MAX (delivery, it->first_cur);
}

/* The newest cost day the data reaches at @t, as UTC midnight. */
static GDateTime *
world_newest_day (SimIntegration *it,
                  gint64          t)
{
  gint64 delivery = world_last_delivery (it, t);
  g_autoptr(GDateTime) through = NULL;
  int y, m, d;

  /* Before the first CUR, service-level costs still reach yesterday. */
  through = time_new (delivery >= 0 ? delivery - it->lag : t - 30 * HOUR);
  g_date_time_get_ymd (through, &y, &m, &d);

  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static SimIntegration *
sim_integration_new (Sim     *sim,
                     SimKind  kind,
                     guint    index)
{
  SimIntegration *it = g_new0 (SimIntegration, 1);
  GRand *r = sim->rand;

  it->token = g_strdup_printf ("accss_crdntl_%s_%04u", kind_names[kind], index);
  it->kind = kind;
  it->provider = kind == SIM_NOT_AWS ? (index % 2 ? "azure" : "gcp") : "aws";
  it->govcloud = kind == SIM_GOVCLOUD;
  it->created = T0 - 200 * G_TIME_SPAN_DAY;
  it->period = g_rand_int_range (r, 8 * 60, 12 * 60 + 1) * MINUTE;
  it->offset = T0 + g_rand_int_range (r, 0, 12 * 60) * MINUTE;
  it->lag = g_rand_int_range (r, 2 * 60, 6 * 60 + 1) * MINUTE;
  it->first_cur = it->created + 6 * HOUR;
  it->stall_from = FOREVER;
  it->stall_until = FOREVER;
  it->received_shown_at = -1;
  it->recovery_latency = -1;

  switch (kind)
    {
    case SIM_NEW:
      /* Connections keep coming over the whole run; first CURs arrive
       * after 4 to 30 hours, a few of them late. */
      it->created = T0 + g_rand_int_range (r, -20 * 60, 40 * 60) * MINUTE;
      it->first_cur = it->created + g_rand_int_range (r, 4 * 60, 30 * 60) * MINUTE;
      break;
    case SIM_STUCK_NEW:
      it->created = T0 - 30 * HOUR;
      it->first_cur = FOREVER;
      break;
    case SIM_STALLED:
      /* Stalls of 20–60 hours starting before or during the run; the first
       * one surely shows late (its data lapses at most 48 h after the
       * stall begins) and recovers on day 2. */
      it->stall_from = T0 + g_rand_int_range (r, -30 * 60, 30 * 60) * MINUTE;
      it->stall_until = it->stall_from + g_rand_int_range (r, 20 * 60, 60 * 60) * MINUTE;
      if (sim->n_stalled++ == 0)
        {
          it->stall_from = T0 - 20 * HOUR;
          it->stall_until = T0 + 36 * HOUR;
        }
      break;
    case SIM_LONG_STALL:
      it->stall_from = T0 - 5 * G_TIME_SPAN_DAY;
      break;
    case SIM_PENDING:
    case SIM_IMPORTING:
      it->created = T0 - HOUR;
      it->first_cur = FOREVER;
      break;
    case SIM_HEALTHY:
    case SIM_GOVCLOUD:
    case SIM_ERROR:
    case SIM_DISCONNECTED:
    case SIM_NOT_AWS:
    case SIM_N_KINDS:
    default:
      break;
    }

  it->created_at = time_new (it->created);
  it->dirty = TRUE;

  return it;
}

static void
sim_integration_free (SimIntegration *it)
{
  g_free (it->token);
  g_clear_pointer (&it->created_at, g_date_time_unref);
  g_clear_pointer (&it->probed_at, g_date_time_unref);
  g_clear_pointer (&it->newest, g_date_time_unref);
  for (guint i = 0; i < it->n_history; i++)
    {
      g_clear_pointer (&it->history[i].observed_at, g_date_time_unref);
      g_clear_pointer (&it->history[i].newest_cost_date, g_date_time_unref);
    }
  g_clear_pointer (&it->verdict, inflow_ingestion_verdict_free);
  g_free (it);
}

/* A realistic organization: most accounts fresh, a few new, late, stale. */
static Sim *
sim_new (guint n)
{
  static const struct { SimKind kind; double share; } mix[] = {
    { SIM_NEW, 0.03 },
    { SIM_STUCK_NEW, 0.002 },
    { SIM_STALLED, 0.02 },
    { SIM_LONG_STALL, 0.01 },
    { SIM_ERROR, 0.01 },
    { SIM_DISCONNECTED, 0.01 },
    { SIM_PENDING, 0.006 },
    { SIM_IMPORTING, 0.006 },
    { SIM_NOT_AWS, 0.04 },
    { SIM_GOVCLOUD, 0.01 },
  };
  Sim *sim = g_new0 (Sim, 1);
  InflowRateLimit none = INFLOW_RATE_LIMIT_INIT;
  guint index = 0;

  sim->planner = inflow_poll_planner_new ();
  sim->integrations = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_integration_free);
  sim->rand = g_rand_new_with_seed (20261126 + n);
  sim->now = T0;
  sim->live = none;
  sim->window_start = floor_div (T0, HOUR) * HOUR;
  sim->others_per_hour = 300;
  sim->storm_from = sim->storm_until = FOREVER;
  sim->hog_from = FOREVER;
  sim->requests = g_array_new (FALSE, FALSE, sizeof (SimRequest));
  sim->measure_from = T0 + 24 * HOUR;

  for (guint m = 0; m < G_N_ELEMENTS (mix); m++)
    {
      guint count = MAX ((guint) (n * mix[m].share + 0.5), 1);

      for (guint i = 0; i < count; i++)
        g_ptr_array_add (sim->integrations, sim_integration_new (sim, mix[m].kind, index++));
    }
  while (index < n)
    g_ptr_array_add (sim->integrations, sim_integration_new (sim, SIM_HEALTHY, index++));

  g_assert_cmpuint (sim->integrations->len, ==, n);

  return sim;
}

static void
sim_free (Sim *sim)
{
  g_clear_object (&sim->planner);
  g_clear_pointer (&sim->integrations, g_ptr_array_unref);
  g_clear_pointer (&sim->rand, g_rand_free);
  g_clear_pointer (&sim->list_fetched_at, g_date_time_unref);
  g_clear_pointer (&sim->lists_fetched_at, g_date_time_unref);
  g_clear_pointer (&sim->requests, g_array_unref);
  g_free (sim);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sim, sim_free)

/* The server's answer to one request: status and rate-limit headers. */
static guint
world_respond (Sim             *sim,
               InflowRateLimit *headers)
{
  gint64 next_minute = (floor_div (sim->now, MINUTE) + 1) * MINUTE;
  gint64 others;

  if (sim->now >= sim->window_start + HOUR)
    {
      sim->window_start = floor_div (sim->now, HOUR) * HOUR;
      sim->window_used = 0;
    }

  headers->limit = INFLOW_POLL_ACCOUNT_LIMIT_PER_HOUR;
  headers->reset = (sim->window_start + HOUR) / G_USEC_PER_SEC;
  headers->retry_after = -1;

  if (sim->now >= sim->storm_from && sim->now < sim->storm_until)
    {
      headers->remaining = 0;
      headers->reset = next_minute / G_USEC_PER_SEC;
      return 429;
    }

  sim->window_used++;
  others = sim->others_per_hour * (sim->now - sim->window_start) / HOUR;
  headers->remaining = MAX ((gint64) INFLOW_POLL_ACCOUNT_LIMIT_PER_HOUR - sim->window_used - others, 0);

  if (sim->now >= sim->hog_from)
    headers->remaining = sim->hog_remaining;

  return headers->remaining > 0 ? 200 : 429;
}

/* ---- The app ------------------------------------------------------------ */

static void
app_apply_list (Sim *sim)
{
  for (guint i = 0; i < sim->integrations->len; i++)
    {
      SimIntegration *it = g_ptr_array_index (sim->integrations, i);
      InflowIngestionStatus status;

      if (it->created > sim->now)
        continue;

      status = world_status (it, sim->now);
      if (!it->listed || status != it->known_status)
        it->dirty = TRUE;
      it->listed = TRUE;
      it->known_status = status;
    }

  g_clear_pointer (&sim->list_fetched_at, g_date_time_unref);
  sim->list_fetched_at = time_new (sim->now);
}

static void
app_apply_probe (Sim            *sim,
                 SimIntegration *it)
{
  /* The previous probe becomes an observation. */
  if (it->probed_at != NULL)
    {
      InflowIngestionObservation obs = { 0, };

      if (it->n_history == HISTORY)
        {
          g_date_time_unref (it->history[0].observed_at);
          g_clear_pointer (&it->history[0].newest_cost_date, g_date_time_unref);
          memmove (&it->history[0], &it->history[1], sizeof it->history[0] * (HISTORY - 1));
          it->n_history--;
        }
      obs.observed_at = g_steal_pointer (&it->probed_at);
      obs.status = it->known_status;
      obs.probed = TRUE;
      obs.newest_cost_date = g_steal_pointer (&it->newest);
      obs.resource_rows_present = it->rows;
      it->history[it->n_history++] = obs;
    }

  it->probed_at = time_new (sim->now);
  it->newest = world_newest_day (it, sim->now);
  it->rows = sim->now >= it->first_cur;
  it->dirty = TRUE;
}

static void
app_update_verdicts (Sim       *sim,
                     GDateTime *now)
{
  for (guint i = 0; i < sim->integrations->len; i++)
    {
      SimIntegration *it = g_ptr_array_index (sim->integrations, i);
      InflowIngestionFacts facts = { 0, };

      if (!it->listed)
        continue;
      if (!it->dirty && it->verdict != NULL &&
          (it->verdict->changes_at == NULL || g_date_time_compare (now, it->verdict->changes_at) < 0))
        continue;

      facts.provider = it->provider;
      facts.is_govcloud = it->govcloud;
      facts.status = it->known_status;
      facts.created_at = it->created_at;
      facts.observations = it->history;
      facts.n_observations = it->n_history;
      facts.probe.probed_at = it->probed_at;
      facts.probe.newest_cost_date = it->newest;
      facts.probe.resource_rows_present = it->rows;

      g_clear_pointer (&it->verdict, inflow_ingestion_verdict_free);
      it->verdict = inflow_ingestion_verdict_evaluate (&facts, now);
      it->dirty = FALSE;

      if (it->received_shown_at < 0 && it->verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED)
        it->received_shown_at = sim->now;
    }
}

static SimIntegration *
find_integration (Sim        *sim,
                  const char *token)
{
  for (guint i = 0; i < sim->integrations->len; i++)
    {
      SimIntegration *it = g_ptr_array_index (sim->integrations, i);

      if (g_strcmp0 (it->token, token) == 0)
        return it;
    }

  g_assert_not_reached ();
}

static gboolean
phase_may_be_probed (InflowIngestionPhase phase)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
    case INFLOW_INGESTION_PHASE_LATE:
    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
    case INFLOW_INGESTION_PHASE_UNKNOWN:
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      return TRUE;
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
    case INFLOW_INGESTION_PHASE_ERROR:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
    default:
      return FALSE;
    }
}

static void
check_probe_target (Sim               *sim,
                    SimIntegration    *it,
                    InflowPollRequest *request)
{
  /* Never error, disconnected, pending, importing or non-AWS integrations. */
  g_assert_cmpint (it->kind, !=, SIM_NOT_AWS);
  g_assert_cmpint (it->kind, !=, SIM_ERROR);
  g_assert_cmpint (it->kind, !=, SIM_DISCONNECTED);
  g_assert_cmpint (it->kind, !=, SIM_PENDING);
  g_assert_cmpint (it->kind, !=, SIM_IMPORTING);
  g_assert_true (it->listed);
  g_assert_cmpint (request->phase, ==, it->verdict->phase);
  g_assert_true (phase_may_be_probed (request->phase));

  /* A fresh verdict is checked only shortly before it would lapse. */
  if (request->phase == INFLOW_INGESTION_PHASE_FRESH ||
      request->phase == INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED)
    {
      g_assert_nonnull (it->verdict->changes_at);
      g_assert_cmpint (to_usec (it->verdict->changes_at) - sim->now, <=, 14 * HOUR);
    }

  /* An unknown one only until it has been probed once, then rarely. */
  if (request->phase == INFLOW_INGESTION_PHASE_UNKNOWN && it->probed_at != NULL)
    g_assert_cmpint (sim->now - to_usec (it->probed_at), >=, 6 * HOUR);
}

static InflowPollTarget *
build_targets (Sim   *sim,
               guint *n_targets)
{
  InflowPollTarget *targets = g_new0 (InflowPollTarget, MAX (sim->integrations->len, 1));
  guint n = 0;

  for (guint i = 0; i < sim->integrations->len; i++)
    {
      SimIntegration *it = g_ptr_array_index (sim->integrations, i);

      if (!it->listed)
        continue;
      targets[n].token = it->token;
      targets[n].phase = it->verdict->phase;
      targets[n].is_aws = inflow_ingestion_is_aws_provider (it->provider);
      targets[n].last_probed_at = it->probed_at;
      targets[n].phase_changes_at = it->verdict->changes_at;
      n++;
    }

  *n_targets = n;
  return targets;
}

static void
measure_interval (Sim    *sim,
                  gint64  until)
{
  if (sim->now < sim->measure_from)
    return;

  for (guint i = 0; i < sim->integrations->len; i++)
    {
      SimIntegration *it = g_ptr_array_index (sim->integrations, i);

      if (it->kind != SIM_HEALTHY && it->kind != SIM_GOVCLOUD)
        continue;
      sim->healthy_usec += until - sim->now;
      if (it->verdict != NULL &&
          inflow_ingestion_phase_get_severity (it->verdict->phase) != INFLOW_INGESTION_SEVERITY_OK)
        sim->healthy_shown_late_usec += until - sim->now;
    }
}

static void
track_recoveries (Sim *sim)
{
  for (guint i = 0; i < sim->integrations->len; i++)
    {
      SimIntegration *it = g_ptr_array_index (sim->integrations, i);
      gint64 back;

      if (it->kind != SIM_STALLED || it->recovery_latency >= 0 || it->verdict == NULL)
        continue;

      if (it->verdict->phase == INFLOW_INGESTION_PHASE_LATE ||
          it->verdict->phase == INFLOW_INGESTION_PHASE_STALE ||
          it->verdict->phase == INFLOW_INGESTION_PHASE_CRITICAL)
        it->shown_late = TRUE;

      if (!it->shown_late || it->verdict->phase != INFLOW_INGESTION_PHASE_FRESH)
        continue;

      /* The first delivery after the stall made it fresh again. */
      back = it->offset + (floor_div (it->stall_until - 1 - it->offset, it->period) + 1) * it->period;
      it->recovery_latency = sim->now - back;
    }
}

/* Runs the app and the world until @until. */
static void
sim_run (Sim    *sim,
         gint64  until)
{
  while (sim->now < until)
    {
      g_autoptr(GDateTime) now = time_new (sim->now);
      g_autoptr(InflowPollPlan) plan = NULL;
      g_autofree InflowPollTarget *targets = NULL;
      InflowPollState state = { 0, };
      gint64 wake;

      app_update_verdicts (sim, now);
      track_recoveries (sim);

      targets = build_targets (sim, &state.n_targets);
      state.targets = targets;
      state.n_integrations = state.n_targets;
      state.list_fetched_at = sim->list_fetched_at;
      state.rate_limit = sim->live;
      state.lists_fetched_at = sim->lists_fetched_at;
      state.n_list_requests = sim->n_list_requests;
      state.in_background = sim->in_background;

      plan = inflow_poll_planner_next (sim->planner, now, &state);
      if (plan->slowed_down)
        sim->slowed_plans++;

      for (guint i = 0; i < plan->n_requests; i++)
        {
          InflowPollRequest *request = &plan->requests[i];
          SimIntegration *it = NULL;
          InflowRateLimit headers = INFLOW_RATE_LIMIT_INIT;
          SimRequest logged = { sim->now, request->kind, 0 };

          /* The session's refresh: one request per list, the integration
           * list among them, each reported. */
          if (request->kind == INFLOW_POLL_REQUEST_REFRESH_LISTS)
            {
              g_assert_false (sim->in_background);
              g_assert_cmpuint (request->page, ==, sim->n_list_requests);
              for (guint j = 0; j < request->page; j++)
                {
                  logged.http_status = world_respond (sim, &headers);
                  g_array_append_val (sim->requests, logged);
                  sim->live = headers;
                  inflow_poll_planner_report (sim->planner, request->kind, NULL, now,
                                              logged.http_status, &headers);
                }
              app_apply_list (sim);
              g_clear_pointer (&sim->lists_fetched_at, g_date_time_unref);
              sim->lists_fetched_at = time_new (sim->now);
              continue;
            }

          if (request->kind == INFLOW_POLL_REQUEST_COST_PROBE)
            {
              it = find_integration (sim, request->token);
              check_probe_target (sim, it, request);
            }

          if (sim->now < sim->blocked_until)
            sim->early_requests++;

          logged.http_status = world_respond (sim, &headers);
          g_array_append_val (sim->requests, logged);

          if (logged.http_status == 200)
            {
              if (it != NULL)
                app_apply_probe (sim, it);
              else
                app_apply_list (sim);
            }

          /* After a 429 or a nearly exhausted window: nothing until the reset. */
          if (logged.http_status == 429 || headers.remaining <= 10)
            sim->blocked_until = MAX (sim->blocked_until, headers.reset * G_USEC_PER_SEC);

          sim->live = headers;
          inflow_poll_planner_report (sim->planner, request->kind, request->token, now,
                                      logged.http_status, &headers);
        }

      wake = to_usec (plan->wake_at);
      g_assert_cmpint (wake, >, sim->now);
      g_assert_cmpint (wake, <=, sim->now + 24 * HOUR);
      wake = MIN (wake, until);
      measure_interval (sim, wake);
      sim->now = wake;
    }
}

/* ---- Measurements ------------------------------------------------------- */

static guint
count_requests (Sim    *sim,
                gint64  from,
                gint64  to,
                int     kind)
{
  guint n = 0;

  for (guint i = 0; i < sim->requests->len; i++)
    {
      SimRequest *r = &g_array_index (sim->requests, SimRequest, i);

      if (r->at >= from && r->at < to && (kind < 0 || (int) r->kind == kind))
        n++;
    }

  return n;
}

/* The most requests of @kind (-1: any) in any window of @width. */
static guint
max_in_window (Sim       *sim,
               GTimeSpan  width,
               int        kind)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint best = 0;

  for (guint i = 0; i < sim->requests->len; i++)
    {
      SimRequest *r = &g_array_index (sim->requests, SimRequest, i);

      if (kind < 0 || (int) r->kind == kind)
        g_array_append_val (times, r->at);
    }

  for (guint hi = 0, lo = 0; hi < times->len; hi++)
    {
      while (g_array_index (times, gint64, lo) <= g_array_index (times, gint64, hi) - width)
        lo++;
      best = MAX (best, hi - lo + 1);
    }

  return best;
}

static GTimeSpan
max_list_gap (Sim    *sim,
              gint64  from,
              gint64  to)
{
  gint64 previous = -1;
  GTimeSpan gap = 0;

  for (guint i = 0; i < sim->requests->len; i++)
    {
      SimRequest *r = &g_array_index (sim->requests, SimRequest, i);

      if (r->kind != INFLOW_POLL_REQUEST_LIST_INTEGRATIONS || r->http_status != 200 || r->at < from || r->at >= to)
        continue;
      if (previous >= 0)
        gap = MAX (gap, r->at - previous);
      previous = r->at;
    }

  return gap;
}

/* A whole simulated day after a day of warm-up (the first day includes the
 * cold start, where every account is probed once). */
static void
run_day (guint n)
{
  g_autoptr(Sim) sim = sim_new (n);
  gint64 day2 = T0 + 24 * HOUR, end = T0 + 48 * HOUR;
  guint total, lists, probes, max_hour, max_hour_day2 = 0, max_cost_5s, first_day;
  g_autoptr(GDateTime) end_time = NULL;
  InflowPollStats stats;
  gint64 worst_recovery = -1, worst_first_cur = -1;
  double shown_late;

  sim_run (sim, end);

  total = count_requests (sim, day2, end, -1);
  lists = count_requests (sim, day2, end, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS);
  probes = count_requests (sim, day2, end, INFLOW_POLL_REQUEST_COST_PROBE);
  first_day = count_requests (sim, T0, day2, -1);
  max_hour = max_in_window (sim, HOUR, -1);
  max_cost_5s = max_in_window (sim, INFLOW_POLL_COST_WINDOW, INFLOW_POLL_REQUEST_COST_PROBE);
  for (gint64 h = day2; h + HOUR <= end; h += 10 * MINUTE)
    max_hour_day2 = MAX (max_hour_day2, count_requests (sim, h, h + HOUR, -1));
  shown_late = 100.0 * sim->healthy_shown_late_usec / MAX (sim->healthy_usec, 1);

  for (guint i = 0; i < sim->integrations->len; i++)
    {
      SimIntegration *it = g_ptr_array_index (sim->integrations, i);

      /* A stall long enough to show must be seen to end. */
      if (it->kind == SIM_STALLED && it->stall_until < end - 8 * HOUR &&
          it->stall_until - it->stall_from > 50 * HOUR)
        {
          g_assert_true (it->shown_late);
          g_assert_cmpint (it->recovery_latency, >=, 0);
          worst_recovery = MAX (worst_recovery, it->recovery_latency);
        }
      if (it->kind == SIM_NEW && it->first_cur > T0 + HOUR && it->first_cur < end - 2 * HOUR)
        {
          g_assert_cmpint (it->received_shown_at, >=, it->first_cur);
          worst_first_cur = MAX (worst_first_cur, it->received_shown_at - it->first_cur);
        }
      if (it->kind == SIM_STUCK_NEW)
        g_assert_cmpint (it->verdict->phase, ==, INFLOW_INGESTION_PHASE_FIRST_CUR_LATE);
      if (it->kind == SIM_LONG_STALL)
        g_assert_cmpint (it->verdict->phase, ==, INFLOW_INGESTION_PHASE_CRITICAL);
      if (it->kind == SIM_HEALTHY)
        g_assert_cmpint (inflow_ingestion_phase_get_severity (it->verdict->phase), ==, INFLOW_INGESTION_SEVERITY_OK);
    }

  /* Printed for the record: the planner's measured cost. */
  g_test_message ("%u integrations: day 2: %u requests (%.1f/hour; %u list pages, %u cost probes); "
                  "busiest hour %u (day 2), %u (whole run incl. cold start: %u on day 1); "
                  "most cost requests in 5 s: %u; longest list gap %" G_GINT64_FORMAT " s; "
                  "healthy shown not fresh: %.2f%% of the time; worst recovery seen after %" G_GINT64_FORMAT
                  " min; first CUR seen after at most %" G_GINT64_FORMAT " min",
                  n, total, total / 24.0, lists, probes, max_hour_day2, max_hour, first_day,
                  max_cost_5s, max_list_gap (sim, day2, end) / SECOND, shown_late,
                  worst_recovery / MINUTE, worst_first_cur / MINUTE);

  /* Within 60 an hour, in every hour, cold start included. */
  g_assert_cmpuint (max_hour, <=, 60);
  g_assert_cmpuint (max_cost_5s, <=, INFLOW_POLL_COST_WINDOW_MAX);
  g_assert_cmpuint (max_cost_5s, <=, 1);

  /* The list at its interval: 96 refreshes a day at 15 minutes. */
  g_assert_cmpuint (lists, >=, 95);
  g_assert_cmpuint (lists, <=, 97);
  g_assert_cmpint (max_list_gap (sim, day2, end), <=, 15 * MINUTE + SECOND);
  g_assert_cmpint (max_list_gap (sim, day2, end), >=, 15 * MINUTE);

  /* Probes happen, but far fewer than one per account per refresh. */
  g_assert_cmpuint (probes, >, 0);
  g_assert_cmpuint (probes, <, n * 2);

  /* And they keep the picture right: healthy accounts stay green, stalls
   * are seen to recover, first CURs are seen within the probe interval. */
  g_assert_cmpfloat (shown_late, <, 1.0);
  g_assert_cmpint (worst_recovery, >=, 0);
  g_assert_cmpint (worst_recovery, <=, 2 * HOUR + 30 * MINUTE);
  g_assert_cmpint (worst_first_cur, <=, HOUR + 30 * MINUTE);

  /* Planned against actual: every planned request was made and reported. */
  end_time = time_new (end);
  inflow_poll_planner_get_stats (sim->planner, end_time, &stats);
  g_assert_cmpuint (stats.planned_last_hour, ==, count_requests (sim, end - HOUR + 1, end + 1, -1));
  g_assert_cmpuint (stats.actual_last_hour, ==, stats.planned_last_hour);
  g_assert_cmpuint (stats.planned_lists_last_hour + stats.planned_probes_last_hour, ==, stats.planned_last_hour);
  g_assert_cmpuint (stats.rate_limited_last_hour, ==, 0);
  g_assert_cmpuint (sim->early_requests, ==, 0);
}

/* Day 2 of a run (after a day with the window open), with the window open
 * or closed on day 2; returns its requests. */
static guint
run_second_day (Sim      *sim,
                gboolean  in_background,
                guint    *max_hour)
{
  gint64 day2 = T0 + 24 * HOUR, end = T0 + 48 * HOUR;

  sim->n_list_requests = 9;  /* /me, workspaces, integrations, teams, 5 workspaces' accounts */
  sim->lists_fetched_at = time_new (T0);
  sim_run (sim, day2);
  sim->in_background = in_background;
  sim_run (sim, end);

  *max_hour = 0;
  for (gint64 h = day2; h + HOUR <= end; h += 10 * MINUTE)
    *max_hour = MAX (*max_hour, count_requests (sim, h, h + HOUR, -1));

  return count_requests (sim, day2, end, -1);
}

/* With the window closed the planner spends less than with it open: no
 * list refreshes for the views, the integration list hourly, no checks of
 * fresh data, half the budget; within the budget both ways, for 500
 * integrations. */
static void
test_planner_background (void)
{
  g_autoptr(Sim) open = sim_new (500);
  g_autoptr(Sim) closed = sim_new (500);
  guint n_open, n_closed, max_open, max_closed, refreshes_open, refreshes_closed;
  gint64 day2 = T0 + 24 * HOUR, end = T0 + 48 * HOUR;

  n_open = run_second_day (open, FALSE, &max_open);
  n_closed = run_second_day (closed, TRUE, &max_closed);
  refreshes_open = count_requests (open, day2, end, INFLOW_POLL_REQUEST_REFRESH_LISTS);
  refreshes_closed = count_requests (closed, day2, end, INFLOW_POLL_REQUEST_REFRESH_LISTS);

  g_test_message ("500 integrations, day 2: window open %u requests (%.1f/hour, busiest hour %u, "
                  "%u for the session's lists), closed %u (%.1f/hour, busiest hour %u)",
                  n_open, n_open / 24.0, max_open, refreshes_open, n_closed, n_closed / 24.0, max_closed);

  g_assert_cmpuint (max_open, <=, 60);
  g_assert_cmpuint (max_closed, <=, 30);
  g_assert_cmpuint (n_closed, <, n_open);

  /* Open: every list twice an hour (9 requests each); closed: none. */
  g_assert_cmpuint (refreshes_open, >=, 47 * 9);
  g_assert_cmpuint (refreshes_closed, ==, 0);

  /* Closed, the list is hourly and still shows what is watched. */
  g_assert_cmpuint (count_requests (closed, day2, end, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS), >=, 23);
  g_assert_cmpuint (count_requests (closed, day2, end, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS), <=, 25);
  g_assert_cmpint (max_list_gap (closed, day2, end), <=, HOUR + SECOND);
}

/* Nothing worth watching (all disconnected or not AWS) and no wish to
 * watch: not a single request with the window closed, some with it open,
 * and an hourly list when the user asked to watch in the background. */
static void
test_planner_background_idle (void)
{
  guint counts[3];

  for (guint mode = 0; mode < 3; mode++)
    {
      g_autoptr(Sim) sim = sim_new (50);
      guint max_hour;

      for (guint i = 0; i < sim->integrations->len; i++)
        {
          SimIntegration *it = g_ptr_array_index (sim->integrations, i);

          if (it->kind != SIM_NOT_AWS)
            it->kind = SIM_DISCONNECTED;
        }
      inflow_poll_planner_set_watch_in_background (sim->planner, mode == 2);
      counts[mode] = run_second_day (sim, mode != 0, &max_hour);
    }

  g_test_message ("Nothing to watch, day 2: window open %u requests, closed %u, closed and watching %u",
                  counts[0], counts[1], counts[2]);
  g_assert_cmpuint (counts[0], >, 0);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], >=, 23);
  g_assert_cmpuint (counts[2], <=, 25);
  g_assert_cmpuint (counts[2], <, counts[0]);
}

static void
test_planner_day_50 (void)
{
  run_day (50);
}

static void
test_planner_day_500 (void)
{
  run_day (500);
}

/* 429 for every request for an hour: back off, honour the reset, recover. */
static void
test_planner_429_storm (void)
{
  g_autoptr(Sim) sim = sim_new (500);
  g_autoptr(Sim) calm = sim_new (500);
  gint64 storm = T0 + 32 * HOUR + 7 * MINUTE;   /* 15:20 UTC, a busy hour */
  guint during, normal, after_429 = 0;
  gint64 recovered = -1;
  g_autoptr(GDateTime) in_storm = NULL;
  InflowPollStats stats;

  sim->storm_from = storm;
  sim->storm_until = storm + HOUR;

  sim_run (sim, storm + 30 * MINUTE);
  in_storm = time_new (sim->now);
  inflow_poll_planner_get_stats (sim->planner, in_storm, &stats);
  g_assert_cmpuint (stats.rate_limited_last_hour, >, 0);
  g_assert_cmpuint (stats.consecutive_rate_limited, >, 0);
  g_assert_cmpint (stats.backoff_until, >, sim->now - SECOND);

  sim_run (sim, storm + 4 * HOUR);
  sim_run (calm, storm + 4 * HOUR);

  /* The same hour of the same world without the storm. */
  during = count_requests (sim, storm, storm + HOUR, -1);
  normal = count_requests (calm, storm, storm + HOUR, -1);
  for (guint i = 0; i < sim->requests->len; i++)
    {
      SimRequest *r = &g_array_index (sim->requests, SimRequest, i);

      if (r->http_status == 429)
        after_429++;
      if (r->at >= storm + HOUR && r->http_status == 200 && recovered < 0)
        recovered = r->at;
    }

  g_test_message ("429 storm: %u requests in the storm hour (normal hour: %u), %u answered 429; "
                  "first success %" G_GINT64_FORMAT " s after it ended",
                  during, normal, after_429, (recovered - storm - HOUR) / SECOND);

  /* Fewer requests, exponential: 30 s, 1, 2, 4, 8, 16, 30 min… */
  g_assert_cmpuint (during, <=, 9);
  g_assert_cmpuint (during, <, normal / 3);
  g_assert_cmpuint (after_429, ==, during);
  /* Never before the reset the server gave. */
  g_assert_cmpuint (sim->early_requests, ==, 0);
  /* Recovery within the longest back-off, then back to the normal rhythm. */
  g_assert_cmpint (recovered, >=, storm + HOUR);
  g_assert_cmpint (recovered, <=, storm + HOUR + 30 * MINUTE);
  g_assert_cmpint (max_list_gap (sim, storm + 2 * HOUR, storm + 4 * HOUR), <=, 15 * MINUTE + SECOND);
  g_assert_cmpuint (count_requests (sim, storm + 2 * HOUR, storm + 3 * HOUR, -1), >=,
                    count_requests (calm, storm + 2 * HOUR, storm + 3 * HOUR, -1) / 2);
  g_assert_cmpuint (max_in_window (sim, HOUR, -1), <=, 60);
}

/* Other users drain the account: x-rate-limit-remaining under a fifth. */
static void
test_planner_low_remaining (void)
{
  g_autoptr(Sim) normal = sim_new (500);
  g_autoptr(Sim) low = sim_new (500);
  gint64 from = T0 + 31 * HOUR;   /* 14:13 UTC, a busy time */
  guint n_normal, n_low;

  low->hog_from = T0 + 30 * HOUR;
  low->hog_remaining = 150;   /* of 1000 */

  sim_run (normal, from + 3 * HOUR);
  sim_run (low, from + 3 * HOUR);

  n_normal = count_requests (normal, from, from + 3 * HOUR, -1);
  n_low = count_requests (low, from, from + 3 * HOUR, -1);
  g_test_message ("low remaining: %u requests in 3 hours (normal: %u)", n_low, n_normal);

  g_assert_cmpuint (low->slowed_plans, >, 0);
  g_assert_cmpuint (normal->slowed_plans, ==, 0);
  g_assert_cmpuint (n_low, <, n_normal / 2);
  /* Still alive: the list is refreshed, at a quarter of the rate. */
  g_assert_cmpuint (count_requests (low, from, from + 3 * HOUR, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS), >=, 2);
  g_assert_cmpint (max_list_gap (low, from, from + 3 * HOUR), <=, 60 * MINUTE + SECOND);
}

/* Nearly nothing left: wait for the reset. */
static void
test_planner_exhausted_remaining (void)
{
  g_autoptr(Sim) sim = sim_new (500);
  gint64 from = T0 + 24 * HOUR;
  guint n;

  sim->hog_from = from;
  sim->hog_remaining = 5;

  sim_run (sim, from + 3 * HOUR);
  n = count_requests (sim, from, from + 3 * HOUR, -1);
  g_test_message ("remaining 5: %u requests in 3 hours", n);

  /* Nothing between a response saying "10 or fewer left" and its reset;
   * a few requests after each reset, to learn the new figures. */
  g_assert_cmpuint (sim->early_requests, ==, 0);
  g_assert_cmpuint (n, <=, 3 * 3 + 2);
  g_assert_cmpuint (n, >=, 3);
}

/* ---- Unit tests --------------------------------------------------------- */

static InflowPollPlan *
plan_at (InflowPollPlanner     *planner,
         gint64                 at,
         const InflowPollState *state)
{
  g_autoptr(GDateTime) now = time_new (at);

  return inflow_poll_planner_next (planner, now, state);
}

static void
test_planner_list_interval (void)
{
  g_autoptr(InflowPollPlanner) planner = inflow_poll_planner_new ();
  g_autoptr(InflowPollPlan) first = NULL;
  g_autoptr(InflowPollPlan) second = NULL;
  g_autoptr(InflowPollPlan) paged = NULL;
  g_autoptr(GDateTime) fetched = time_new (T0);
  InflowPollState state = { 0, };

  g_assert_cmpuint (inflow_poll_planner_get_refresh_interval (planner), ==, 15);
  g_assert_cmpuint (inflow_poll_planner_get_budget (planner), ==, 60);

  first = plan_at (planner, T0, &state);
  g_assert_cmpuint (first->n_requests, ==, 1);
  g_assert_cmpint (first->requests[0].kind, ==, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS);
  g_assert_cmpuint (first->requests[0].page, ==, 1);
  g_assert_null (first->requests[0].token);

  state.list_fetched_at = fetched;
  second = plan_at (planner, T0 + SECOND, &state);
  g_assert_cmpuint (second->n_requests, ==, 0);
  g_assert_cmpint (to_usec (second->wake_at), ==, T0 + 15 * MINUTE);
  g_assert_cmpint (second->wait_reason, ==, INFLOW_POLL_WAIT_IDLE);

  /* The interval setting, clamped to 5–1440 minutes; pages of 1000. */
  inflow_poll_planner_set_refresh_interval (planner, 60);
  g_assert_cmpuint (inflow_poll_planner_get_refresh_interval (planner), ==, 60);
  inflow_poll_planner_set_refresh_interval (planner, 1);
  g_assert_cmpuint (inflow_poll_planner_get_refresh_interval (planner), ==, 5);
  g_object_set (planner, "refresh-interval", 1440, NULL);
  g_assert_cmpuint (inflow_poll_planner_get_refresh_interval (planner), ==, 1440);

  state.n_integrations = 2500;
  state.refresh_requested = TRUE;
  paged = plan_at (planner, T0 + 3 * MINUTE, &state);
  g_assert_cmpuint (paged->n_requests, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (paged->requests[i].page, ==, i + 1);
}

/* Just connected: probed before anything else whatever its phase, and the
 * list every 2 minutes while Vantage validates and imports it. */
static void
test_planner_fast_lane (void)
{
  g_autoptr(InflowPollPlanner) planner = inflow_poll_planner_new ();
  g_autoptr(GDateTime) fetched = time_new (T0);
  g_autoptr(InflowPollPlan) first = NULL;
  g_autoptr(InflowPollPlan) second = NULL;
  g_autoptr(InflowPollPlan) after = NULL;
  InflowPollTarget targets[] = {
    { "awaiting", INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, TRUE, NULL, NULL, FALSE },
    { "first-late", INFLOW_INGESTION_PHASE_FIRST_CUR_LATE, TRUE, NULL, NULL, FALSE },
    { "connected-now", INFLOW_INGESTION_PHASE_PENDING, TRUE, NULL, NULL, TRUE },
  };
  InflowPollState state = { fetched, 0, targets, G_N_ELEMENTS (targets), INFLOW_RATE_LIMIT_INIT, FALSE };
  g_autoptr(GDateTime) probed = time_new (T0 + SECOND);

  first = plan_at (planner, T0 + SECOND, &state);
  g_assert_cmpuint (first->n_requests, ==, 1);
  g_assert_cmpint (first->requests[0].kind, ==, INFLOW_POLL_REQUEST_COST_PROBE);
  g_assert_cmpstr (first->requests[0].token, ==, "connected-now");

  /* Probed: still pending, the list comes back in 2 minutes, not 15. */
  targets[2].last_probed_at = probed;
  second = plan_at (planner, T0 + 30 * SECOND, &state);
  for (guint i = 0; i < second->n_requests; i++)
    g_assert_cmpstr (second->requests[i].token, !=, "connected-now");
  g_assert_cmpint (to_usec (second->wake_at), <=, T0 + 2 * MINUTE);

  /* Imported and awaiting its first report like any other: the usual interval. */
  targets[2].phase = INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR;
  targets[0].last_probed_at = targets[1].last_probed_at = probed;
  after = plan_at (planner, T0 + 40 * SECOND, &state);
  g_assert_cmpuint (after->n_requests, ==, 0);
  g_assert_cmpint (to_usec (after->wake_at), ==, T0 + 15 * MINUTE);
}

/* Only phases where a probe can change the verdict; oldest probed first. */
static void
test_planner_probe_choice (void)
{
  g_autoptr(InflowPollPlanner) planner = inflow_poll_planner_new ();
  g_autoptr(GDateTime) fetched = time_new (T0);
  g_autoptr(GDateTime) probed_long_ago = time_new (T0 - 10 * HOUR);
  g_autoptr(GDateTime) probed_earlier = time_new (T0 - 3 * HOUR);
  g_autoptr(GDateTime) probed_recently = time_new (T0 - 10 * MINUTE);
  g_autoptr(GDateTime) lapses_tomorrow = time_new (T0 + 30 * HOUR);
  InflowPollTarget targets[] = {
    { "error", INFLOW_INGESTION_PHASE_ERROR, TRUE, NULL, NULL },
    { "disconnected", INFLOW_INGESTION_PHASE_DISCONNECTED, TRUE, NULL, NULL },
    { "pending", INFLOW_INGESTION_PHASE_PENDING, TRUE, NULL, NULL },
    { "importing", INFLOW_INGESTION_PHASE_IMPORTING, TRUE, NULL, NULL },
    { "azure", INFLOW_INGESTION_PHASE_UNKNOWN, FALSE, NULL, NULL },
    { "fresh", INFLOW_INGESTION_PHASE_FRESH, TRUE, probed_long_ago, lapses_tomorrow },
    { "late-recent", INFLOW_INGESTION_PHASE_LATE, TRUE, probed_recently, NULL },
    { "stale", INFLOW_INGESTION_PHASE_STALE, TRUE, probed_earlier, NULL },
    { "awaiting", INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, TRUE, probed_long_ago, NULL },
    { "first-late", INFLOW_INGESTION_PHASE_FIRST_CUR_LATE, TRUE, NULL, NULL },
  };
  static const char * const expected[] = { "first-late", "awaiting", "stale" };
  InflowPollState state = { fetched, 0, targets, G_N_ELEMENTS (targets), INFLOW_RATE_LIMIT_INIT, FALSE };
  g_autoptr(GPtrArray) probed = g_ptr_array_new_with_free_func (g_free);
  gint64 at = T0 + SECOND;

  /* Over two hours with nothing changing: only the three due ones, oldest
   * probed (never probed) first, spaced out. */
  while (at < T0 + 40 * MINUTE)
    {
      g_autoptr(InflowPollPlan) plan = plan_at (planner, at, &state);

      for (guint i = 0; i < plan->n_requests; i++)
        {
          if (plan->requests[i].kind == INFLOW_POLL_REQUEST_COST_PROBE)
            g_ptr_array_add (probed, g_strdup (plan->requests[i].token));
        }
      g_assert_cmpint (to_usec (plan->wake_at), >, at);
      at = to_usec (plan->wake_at);
    }

  g_assert_cmpuint (probed->len, >=, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (probed, i), ==, expected[i]);
  for (guint i = 0; i < probed->len; i++)
    {
      const char *token = g_ptr_array_index (probed, i);

      g_assert_cmpstr (token, !=, "error");
      g_assert_cmpstr (token, !=, "disconnected");
      g_assert_cmpstr (token, !=, "pending");
      g_assert_cmpstr (token, !=, "importing");
      g_assert_cmpstr (token, !=, "azure");
      g_assert_cmpstr (token, !=, "fresh");
      g_assert_cmpstr (token, !=, "late-recent");
    }
}

static void
test_planner_backoff (void)
{
  g_autoptr(InflowPollPlanner) planner = inflow_poll_planner_new ();
  g_autoptr(GDateTime) at = time_new (T0);
  g_autoptr(InflowPollPlan) waiting = NULL;
  g_autoptr(InflowPollPlan) retry_after = NULL;
  g_autoptr(InflowPollPlan) recovering = NULL;
  g_autoptr(InflowPollPlan) copy = NULL;
  InflowRateLimit headers = { 1000, 0, T0 / G_USEC_PER_SEC + 600, -1 };
  InflowPollState state = { 0, };
  InflowPollStats stats;

  /* A reset ten minutes away is honoured, though the first back-off step
   * is 30 s. */
  inflow_poll_planner_report (planner, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS, NULL, at, 429, &headers);
  waiting = plan_at (planner, T0 + MINUTE, &state);
  g_assert_cmpuint (waiting->n_requests, ==, 0);
  g_assert_cmpint (waiting->wait_reason, ==, INFLOW_POLL_WAIT_BACKOFF);
  g_assert_cmpint (to_usec (waiting->wake_at), ==, T0 + 600 * SECOND);

  copy = inflow_poll_plan_copy (waiting);
  g_assert_cmpint (to_usec (copy->wake_at), ==, T0 + 600 * SECOND);

  /* Retry-After beyond the reset wins too. */
  headers.reset = -1;
  headers.retry_after = 1200;
  inflow_poll_planner_report (planner, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS, NULL, at, 429, &headers);
  retry_after = plan_at (planner, T0 + 700 * SECOND, &state);
  g_assert_cmpuint (retry_after->n_requests, ==, 0);
  g_assert_cmpint (to_usec (retry_after->wake_at), ==, T0 + 1200 * SECOND);

  inflow_poll_planner_get_stats (planner, at, &stats);
  g_assert_cmpuint (stats.consecutive_rate_limited, ==, 2);
  g_assert_cmpuint (stats.rate_limited_last_hour, ==, 2);
  g_assert_cmpuint (stats.actual_last_hour, ==, 2);
  g_assert_cmpuint (stats.planned_last_hour, ==, 0);

  /* After it: one request at a time until one succeeds. */
  recovering = plan_at (planner, T0 + 1201 * SECOND, &state);
  g_assert_cmpuint (recovering->n_requests, ==, 1);
}

/* The app's other calls share the budget; a spent budget waits. */
static void
test_planner_budget (void)
{
  g_autoptr(InflowPollPlanner) planner = inflow_poll_planner_new ();
  g_autoptr(GDateTime) at = time_new (T0);
  g_autoptr(InflowPollPlan) spent = NULL;
  g_autoptr(InflowPollPlan) later = NULL;
  InflowRateLimit headers = { 1000, 900, -1, -1 };
  InflowPollState state = { 0, };
  InflowPollStats stats;

  inflow_poll_planner_set_budget (planner, 5);
  g_assert_cmpuint (inflow_poll_planner_get_budget (planner), ==, 5);
  for (guint i = 0; i < 5; i++)
    inflow_poll_planner_report (planner, INFLOW_POLL_REQUEST_OTHER, NULL, at, 200, &headers);

  inflow_poll_planner_get_stats (planner, at, &stats);
  g_assert_cmpuint (stats.other_last_hour, ==, 5);
  g_assert_cmpuint (stats.actual_last_hour, ==, 5);
  g_assert_cmpuint (stats.planned_last_hour, ==, 0);

  /* The list is due (never fetched) but the budget is spent for an hour. */
  spent = plan_at (planner, T0 + MINUTE, &state);
  g_assert_cmpuint (spent->n_requests, ==, 0);
  g_assert_cmpint (spent->wait_reason, ==, INFLOW_POLL_WAIT_BUDGET);
  g_assert_cmpint (to_usec (spent->wake_at), ==, T0 + HOUR);

  later = plan_at (planner, T0 + HOUR, &state);
  g_assert_cmpuint (later->n_requests, ==, 1);
}

/* A hundred late accounts at once: the budget holds, the list keeps its
 * share, the probes are spaced and go oldest first. */
static void
test_planner_budget_under_load (void)
{
  g_autoptr(InflowPollPlanner) planner = inflow_poll_planner_new ();
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) probed_at = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autofree InflowPollTarget *targets = g_new0 (InflowPollTarget, 100);
  g_autoptr(GDateTime) fetched = NULL;
  InflowPollState state = { 0, };
  guint lists = 0, probes = 0;
  gint64 at = T0, last_probe = 0;
  GDateTime *previous_oldest = NULL;

  inflow_poll_planner_set_budget (planner, 20);

  for (guint i = 0; i < 100; i++)
    {
      g_ptr_array_add (tokens, g_strdup_printf ("late-%03u", i));
      g_ptr_array_add (probed_at, time_new (T0 - (gint64) (200 - i) * MINUTE));
      targets[i].token = g_ptr_array_index (tokens, i);
      targets[i].phase = INFLOW_INGESTION_PHASE_LATE;
      targets[i].is_aws = TRUE;
      targets[i].last_probed_at = g_ptr_array_index (probed_at, i);
    }
  state.targets = targets;
  state.n_targets = 100;

  while (at < T0 + HOUR)
    {
      g_autoptr(InflowPollPlan) plan = NULL;

      state.list_fetched_at = fetched;
      plan = plan_at (planner, at, &state);
      for (guint i = 0; i < plan->n_requests; i++)
        {
          g_autoptr(GDateTime) now = time_new (at);
          InflowRateLimit headers = { 1000, 800, (T0 + HOUR) / G_USEC_PER_SEC, -1 };

          if (plan->requests[i].kind == INFLOW_POLL_REQUEST_LIST_INTEGRATIONS)
            {
              lists++;
              g_clear_pointer (&fetched, g_date_time_unref);
              fetched = g_date_time_ref (now);
            }
          else
            {
              guint index = (guint) g_ascii_strtoull (plan->requests[i].token + 5, NULL, 10);

              /* Oldest probed first: each one probed before the next. */
              if (previous_oldest != NULL)
                g_assert_cmpint (g_date_time_compare (previous_oldest, targets[index].last_probed_at), <=, 0);
              previous_oldest = targets[index].last_probed_at;
              g_assert_cmpint (at - last_probe, >=, 20 * SECOND);
              last_probe = at;
              probes++;
              targets[index].last_probed_at = now;
              g_ptr_array_add (probed_at, g_date_time_ref (now));
              previous_oldest = NULL;
            }
          inflow_poll_planner_report (planner, plan->requests[i].kind, plan->requests[i].token,
                                      now, 200, &headers);
        }
      at = to_usec (plan->wake_at);
    }

  g_test_message ("budget 20 under load: %u list pages, %u probes in an hour", lists, probes);
  g_assert_cmpuint (lists, ==, 4);
  g_assert_cmpuint (probes, ==, 16);
  g_assert_cmpuint (lists + probes, <=, 20);
}

static void
test_planner_estimate (void)
{
  g_autoptr(InflowPollPlanner) planner = inflow_poll_planner_new ();
  g_autoptr(GDateTime) probed = time_new (T0);
  InflowPollTarget targets[] = {
    { "a", INFLOW_INGESTION_PHASE_LATE, TRUE, probed, NULL },             /* 1/h */
    { "b", INFLOW_INGESTION_PHASE_STALE, TRUE, probed, NULL },            /* 1/2h */
    { "c", INFLOW_INGESTION_PHASE_FRESH, TRUE, probed, NULL },            /* 1/24h */
    { "d", INFLOW_INGESTION_PHASE_ERROR, TRUE, probed, NULL },            /* 0 */
    { "e", INFLOW_INGESTION_PHASE_UNKNOWN, FALSE, NULL, NULL },           /* 0 */
  };
  InflowPollState state = { NULL, 0, targets, G_N_ELEMENTS (targets), INFLOW_RATE_LIMIT_INIT, FALSE };

  /* 4 list pages an hour + 1 + 0.5 + 1/24 */
  g_assert_cmpfloat_with_epsilon (inflow_poll_planner_estimate_rate (planner, &state),
                                  4 + 1 + 0.5 + 1.0 / 24, 1e-9);
  inflow_poll_planner_set_budget (planner, 3);
  g_assert_cmpfloat_with_epsilon (inflow_poll_planner_estimate_rate (planner, &state), 3, 1e-9);

  g_assert_cmpint (inflow_poll_planner_probe_interval (INFLOW_INGESTION_PHASE_ERROR), ==, 0);
  g_assert_cmpint (inflow_poll_planner_probe_interval (INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR), ==, HOUR);
  g_assert_true (G_TYPE_IS_ENUM (INFLOW_TYPE_POLL_REQUEST_KIND));
  g_assert_true (G_TYPE_IS_ENUM (INFLOW_TYPE_POLL_WAIT_REASON));
  g_assert_true (G_TYPE_IS_BOXED (INFLOW_TYPE_POLL_PLAN));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/ingestion/planner/list-interval", test_planner_list_interval);
  g_test_add_func ("/ingestion/planner/probe-choice", test_planner_probe_choice);
  g_test_add_func ("/ingestion/planner/fast-lane", test_planner_fast_lane);
  g_test_add_func ("/ingestion/planner/backoff", test_planner_backoff);
  g_test_add_func ("/ingestion/planner/budget", test_planner_budget);
  g_test_add_func ("/ingestion/planner/budget-under-load", test_planner_budget_under_load);
  g_test_add_func ("/ingestion/planner/estimate", test_planner_estimate);
  g_test_add_func ("/ingestion/planner/day-50", test_planner_day_50);
  g_test_add_func ("/ingestion/planner/day-500", test_planner_day_500);
  g_test_add_func ("/ingestion/planner/background", test_planner_background);
  g_test_add_func ("/ingestion/planner/background-idle", test_planner_background_idle);
  g_test_add_func ("/ingestion/planner/429-storm", test_planner_429_storm);
  g_test_add_func ("/ingestion/planner/low-remaining", test_planner_low_remaining);
  g_test_add_func ("/ingestion/planner/exhausted-remaining", test_planner_exhausted_remaining);

  return inflow_test_run ();
}
