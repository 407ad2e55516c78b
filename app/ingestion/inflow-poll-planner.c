/* inflow-poll-planner.c: which Vantage requests to make, and when
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Vantage rate limit is account-wide (docs.vantage.sh/api/rate_limiting):
 * about 1,000 requests an hour for the whole organization and 5 per 5
 * seconds on cost endpoints, and the API has no webhooks or event stream
 * for integration changes, so polling is the only way. Inflow
 * takes a small share of that (60 an hour by default) and spends it like
 * this:
 *
 *  - the integration list at the refresh interval; one request per 1000
 *    integrations (the v2 spec's largest `limit`);
 *  - cost probes only where one can change a verdict: awaiting the first
 *    CUR, first CUR late, late, stale, critical (rarely), and AWS
 *    integrations never probed; oldest-probed first, one at a time, spaced
 *    out, never near 5 in 5 seconds;
 *  - no routine probes of fresh integrations. Cost days are UTC days, so
 *    every fresh verdict would lapse at the same UTC midnight; instead each
 *    one is checked once, some hours before its verdict would turn late, at
 *    an offset derived from its token so the checks spread over the day;
 *  - nothing for error, disconnected, pending, importing or non-AWS
 *    integrations beyond the list;
 *  - on 429: exponential back-off from 30 s to 30 min, never before the
 *    reported reset or Retry-After; then one request at a time until one
 *    succeeds;
 *  - when `x-rate-limit-remaining` drops under a fifth of the limit: four
 *    times slower, no fresh checks; at 10 or fewer: nothing until the reset;
 *  - the session's other lists (workspaces, cloud accounts, teams) every
 *    second refresh interval while a window is open, so that what changed
 *    elsewhere appears by itself;
 *  - an integration Inflow itself just connected goes in the fast lane: a
 *    probe at once, and the list every 2 minutes while it is pending or
 *    importing (Vantage validates and imports within minutes);
 *  - with no window open (in the background): no list refresh that only
 *    serves the views, the integration list four times less often, probes
 *    only of integrations whose verdict can change (no fresh checks), half
 *    the budget at most, and
 *    nothing at all when nothing is worth watching and the user did not
 *    ask to watch in the background.
 */

#define G_LOG_DOMAIN "inflow-ingestion"

#include "config.h"

#include "inflow-poll-planner.h"

/* Minimum gap between two cost probes: well clear of 5 per 5 s, which the
 * whole organization shares. */
#define COST_PROBE_SPACING        (20 * G_TIME_SPAN_SECOND)
/* A planned request not reported or reflected in the state by then failed. */
#define IN_FLIGHT_TIMEOUT         (2 * G_TIME_SPAN_MINUTE)

/* The session's lists every LISTS_REFRESH_FACTOR refresh intervals; the
 * integration list LIST_BACKGROUND_FACTOR times less often in the
 * background; the fast lane's list interval. */
#define LISTS_REFRESH_FACTOR      2
#define LIST_BACKGROUND_FACTOR    4
#define FAST_LANE_LIST_INTERVAL   (2 * G_TIME_SPAN_MINUTE)
/* In the background, half the budget at most. */
#define BACKGROUND_BUDGET_DIVISOR 2

/* Probe intervals per phase. The first CUR arrives within 24 h and AWS
 * data refreshes every 8–12 h (docs.vantage.sh/provider_data_refresh):
 * hourly checks catch an arrival within the hour, as the user waits for it. */
#define PROBE_INTERVAL_AWAITING   (1 * G_TIME_SPAN_HOUR)
#define PROBE_INTERVAL_LATE       (1 * G_TIME_SPAN_HOUR)
#define PROBE_INTERVAL_STALE      (2 * G_TIME_SPAN_HOUR)
#define PROBE_INTERVAL_CRITICAL   (6 * G_TIME_SPAN_HOUR)
#define PROBE_INTERVAL_UNKNOWN    (6 * G_TIME_SPAN_HOUR)
/* Fresh verdicts: one check between 1 and 14 hours before the verdict would
 * lapse (10:00–23:00 UTC for most, after the day's first data usually
 * appears); a check that finds no newer day is repeated 4 hours later. */
#define FRESH_CHECK_LEAD_MIN      (1 * G_TIME_SPAN_HOUR)
#define FRESH_CHECK_LEAD_SPAN_MIN (13 * 60)
#define FRESH_RECHECK_MIN         (4 * G_TIME_SPAN_HOUR)

#define BACKOFF_BASE              (30 * G_TIME_SPAN_SECOND)
#define BACKOFF_MAX               (30 * G_TIME_SPAN_MINUTE)

#define RATE_LIMIT_LOW_FRACTION   0.2
#define RATE_LIMIT_SLOW_FACTOR    4
#define RATE_LIMIT_FLOOR          10
#define RATE_LIMIT_BLIND_PAUSE    (5 * G_TIME_SPAN_MINUTE)

#define NEVER                     G_MAXINT64

typedef struct
{
  gint64                at;
  InflowPollRequestKind kind;
  guint                 http_status;
} Entry;

struct _InflowPollPlanner
{
  GObject          parent_instance;

  guint            refresh_minutes;
  guint            budget;
  gboolean         watch_in_background;

  GArray          *planned;          /* Entry, oldest first, trailing hour */
  GArray          *actual;           /* Entry, oldest first, trailing hour */
  GHashTable      *in_flight;        /* token → gint64 *planned time */
  gint64           list_in_flight;   /* planned time of the list, or 0 */
  gint64           lists_in_flight;  /* planned time of the session's lists, or 0 */
  gint64           last_cost_planned;
  gint64           last_planned;

  guint            consecutive_429;
  gint64           backoff_until;

  InflowRateLimit  rate_limit;       /* from the latest report */
};

G_DEFINE_ENUM_TYPE (InflowPollRequestKind, inflow_poll_request_kind,
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_REQUEST_LIST_INTEGRATIONS, "list-integrations"),
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_REQUEST_COST_PROBE, "cost-probe"),
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_REQUEST_OTHER, "other"),
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_REQUEST_REFRESH_LISTS, "refresh-lists"))

G_DEFINE_ENUM_TYPE (InflowPollWaitReason, inflow_poll_wait_reason,
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_WAIT_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_WAIT_SPACING, "spacing"),
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_WAIT_BUDGET, "budget"),
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_WAIT_RATE_LIMIT, "rate-limit"),
                    G_DEFINE_ENUM_VALUE (INFLOW_POLL_WAIT_BACKOFF, "backoff"))

G_DEFINE_BOXED_TYPE (InflowPollPlan, inflow_poll_plan, inflow_poll_plan_copy, inflow_poll_plan_free)

G_DEFINE_FINAL_TYPE (InflowPollPlanner, inflow_poll_planner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REFRESH_INTERVAL,
  PROP_BUDGET,
  PROP_WATCH_IN_BACKGROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * inflow_poll_plan_copy:
 * @plan: a plan
 *
 * Returns: (transfer full): a deep copy
 */
InflowPollPlan *
inflow_poll_plan_copy (const InflowPollPlan *plan)
{
  InflowPollPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_new0 (InflowPollPlan, 1);
  *copy = *plan;
  copy->requests = g_new0 (InflowPollRequest, MAX (plan->n_requests, 1));
  for (guint i = 0; i < plan->n_requests; i++)
    {
      copy->requests[i] = plan->requests[i];
      copy->requests[i].token = g_strdup (plan->requests[i].token);
    }
  copy->wake_at = plan->wake_at != NULL ? g_date_time_ref (plan->wake_at) : NULL;

  return copy;
}

void
inflow_poll_plan_free (InflowPollPlan *plan)
{
  if (plan == NULL)
    return;

  for (guint i = 0; i < plan->n_requests; i++)
    g_free (plan->requests[i].token);
  g_free (plan->requests);
  g_clear_pointer (&plan->wake_at, g_date_time_unref);
  g_free (plan);
}

static gint64
to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/**
 * inflow_poll_planner_probe_interval:
 * @phase: a phase
 *
 * Returns: the usual time between two cost probes of an AWS integration in
 *   @phase (a day for fresh ones, checked shortly before they would turn
 *   late); 0 when the phase is never probed
 */
GTimeSpan
inflow_poll_planner_probe_interval (InflowIngestionPhase phase)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
      return PROBE_INTERVAL_AWAITING;
    case INFLOW_INGESTION_PHASE_LATE:
      return PROBE_INTERVAL_LATE;
    case INFLOW_INGESTION_PHASE_STALE:
      return PROBE_INTERVAL_STALE;
    case INFLOW_INGESTION_PHASE_CRITICAL:
      return PROBE_INTERVAL_CRITICAL;
    case INFLOW_INGESTION_PHASE_UNKNOWN:
      return PROBE_INTERVAL_UNKNOWN;
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      return G_TIME_SPAN_DAY;
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
    case INFLOW_INGESTION_PHASE_ERROR:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
    default:
      return 0;
    }
}

/* A stable spread in [0, @span) from a token. Tokens may differ only in
 * their last characters, so g_str_hash() gets an avalanche mix (the
 * MurmurHash3 finalizer) before the modulo. */
static guint
spread (const char *token,
        guint       span)
{
  guint32 h = g_str_hash (token != NULL ? token : "");

  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;

  return h % span;
}

/* When @target's next probe is due (NEVER if not at all); @klass ranks it:
 * 0 for the fast lane's first probe, 1 for a phase the user is watching
 * (awaiting, late, stale, critical), 2 for an integration whose data is
 * unknown, 3 for a fresh verdict's check before it lapses. In the
 * background only classes 0 and 1 run. */
static gint64
target_due (const InflowPollTarget *target,
            guint                   slow,
            gboolean                background,
            guint                  *klass)
{
  gint64 last = target->last_probed_at != NULL ? to_usec (target->last_probed_at) : -1;
  GTimeSpan interval = inflow_poll_planner_probe_interval (target->phase);
  gint64 due;

  *klass = 0;

  /* Just connected: its first probe at once, whatever the phase. */
  if (target->fast_lane && target->is_aws && last < 0)
    return 0;

  *klass = 1;

  if (!target->is_aws || interval == 0)
    return NEVER;

  switch (target->phase)
    {
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      if (slow > 1 || background || target->phase_changes_at == NULL)
        return NEVER;
      *klass = 3;
      due = to_usec (target->phase_changes_at) - FRESH_CHECK_LEAD_MIN -
            (gint64) spread (target->token, FRESH_CHECK_LEAD_SPAN_MIN) * G_TIME_SPAN_MINUTE;
      if (last >= 0)
        due = MAX (due, last + FRESH_RECHECK_MIN);
      return due;

    case INFLOW_INGESTION_PHASE_UNKNOWN:
      if (background)
        return NEVER;
      *klass = 2;
      return last < 0 ? 0 : last + interval * slow;

    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
    case INFLOW_INGESTION_PHASE_LATE:
    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
      return last < 0 ? 0 : last + interval * slow;

    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
    case INFLOW_INGESTION_PHASE_ERROR:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
    default:
      return NEVER;
    }
}

/* Whether candidate @a (due now) goes before @b: by rank, then the one
 * probed longest ago (never probed first). */
static gboolean
goes_before (const InflowPollTarget *a,
             guint                   klass_a,
             const InflowPollTarget *b,
             guint                   klass_b)
{
  int order;

  if (klass_a != klass_b)
    return klass_a < klass_b;

  if ((a->last_probed_at == NULL) != (b->last_probed_at == NULL))
    return a->last_probed_at == NULL;

  if (a->last_probed_at != NULL && (order = g_date_time_compare (a->last_probed_at, b->last_probed_at)) != 0)
    return order < 0;

  return g_strcmp0 (a->token, b->token) < 0;
}

static void
prune (GArray *entries,
       gint64  now)
{
  guint n = 0;

  while (n < entries->len && g_array_index (entries, Entry, n).at <= now - G_TIME_SPAN_HOUR)
    n++;
  if (n > 0)
    g_array_remove_range (entries, 0, n);
}

static void
record (GArray                *entries,
        gint64                 at,
        InflowPollRequestKind  kind,
        guint                  http_status)
{
  Entry entry = { at, kind, http_status };
  guint i = entries->len;

  /* Keep the order even if reports arrive out of order. */
  while (i > 0 && g_array_index (entries, Entry, i - 1).at > at)
    i--;
  g_array_insert_val (entries, i, entry);
}

static guint
count_since (GArray *entries,
             gint64  since,
             int     kind)
{
  guint n = 0;

  for (guint i = entries->len; i > 0; i--)
    {
      const Entry *entry = &g_array_index (entries, Entry, i - 1);

      if (entry->at <= since)
        break;
      if (kind < 0 || (int) entry->kind == kind)
        n++;
    }

  return n;
}

/* When the @n-th most recent cost request leaves the 5-second window. */
static gint64
cost_window_free_at (GArray *entries,
                     gint64  now)
{
  guint seen = 0;

  for (guint i = entries->len; i > 0; i--)
    {
      const Entry *entry = &g_array_index (entries, Entry, i - 1);

      if (entry->at <= now - INFLOW_POLL_COST_WINDOW)
        break;
      if (entry->kind != INFLOW_POLL_REQUEST_COST_PROBE)
        continue;
      if (++seen == INFLOW_POLL_COST_WINDOW_MAX)
        return entry->at + INFLOW_POLL_COST_WINDOW;
    }

  return now;
}

static gboolean
is_list_kind (InflowPollRequestKind kind)
{
  return kind == INFLOW_POLL_REQUEST_LIST_INTEGRATIONS || kind == INFLOW_POLL_REQUEST_REFRESH_LISTS;
}

/* When the trailing hour holds fewer than @budget entries again, counting
 * list requests (the integration list and the session's lists) only if
 * @with_lists. */
static gint64
free_at (GArray   *entries,
         guint     budget,
         gboolean  with_lists)
{
  guint seen = 0;

  for (guint i = entries->len; i > 0; i--)
    {
      const Entry *entry = &g_array_index (entries, Entry, i - 1);

      if (!with_lists && is_list_kind (entry->kind))
        continue;
      if (++seen == budget)
        return entry->at + G_TIME_SPAN_HOUR;
    }

  return G_MININT64;
}

/* Entries in the trailing hour, counting list requests only if @with_lists. */
static guint
count_entries (GArray   *entries,
               gboolean  with_lists)
{
  return with_lists ? entries->len
                    : entries->len - count_since (entries, G_MININT64, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS) -
                      count_since (entries, G_MININT64, INFLOW_POLL_REQUEST_REFRESH_LISTS);
}

static void
add_request (GArray                *requests,
             InflowPollRequestKind  kind,
             guint                  page,
             const char            *token,
             InflowIngestionPhase   phase)
{
  InflowPollRequest request = { kind, page, g_strdup (token), phase };

  g_array_append_val (requests, request);
}

static InflowPollPlan *
make_plan (GArray               *requests,
           GDateTime            *now,
           gint64                now_us,
           gint64                wake,
           InflowPollWaitReason  reason,
           gboolean              slowed_down)
{
  InflowPollPlan *plan = g_new0 (InflowPollPlan, 1);

  plan->n_requests = requests->len;
  plan->requests = (InflowPollRequest *) (void *) g_array_free (requests, FALSE);
  plan->wake_at = g_date_time_add (now, MAX (wake, now_us + G_TIME_SPAN_SECOND) - now_us);
  plan->wait_reason = reason;
  plan->slowed_down = slowed_down;

  return plan;
}

/* The live figures if the state has them, else those of the last report;
 * figures whose window has reset no longer count. */
static InflowRateLimit
effective_rate_limit (InflowPollPlanner     *self,
                      const InflowPollState *state,
                      gint64                 now)
{
  InflowRateLimit rate_limit = state->rate_limit.remaining >= 0 ? state->rate_limit : self->rate_limit;

  if (rate_limit.reset >= 0 && rate_limit.reset * G_USEC_PER_SEC <= now)
    {
      InflowRateLimit none = INFLOW_RATE_LIMIT_INIT;

      return none;
    }

  return rate_limit;
}

/* What the targets ask of the lists: whether any is worth watching in the
 * background, and whether one in the fast lane waits for Vantage to
 * validate or import it. */
static void
scan_targets (const InflowPollState *state,
              gboolean              *watched,
              gboolean              *fast_status)
{
  *watched = FALSE;
  *fast_status = FALSE;

  for (guint i = 0; i < state->n_targets; i++)
    {
      const InflowPollTarget *target = &state->targets[i];

      if (inflow_ingestion_phase_is_watched (target->phase) || target->fast_lane)
        *watched = TRUE;
      if (target->fast_lane && (target->phase == INFLOW_INGESTION_PHASE_PENDING ||
                                target->phase == INFLOW_INGESTION_PHASE_IMPORTING))
        *fast_status = TRUE;
    }
}

/* Whether nothing at all is to be requested: no window, nothing worth
 * watching, and the user did not ask to watch anyway. */
static gboolean
is_idle (InflowPollPlanner     *self,
         const InflowPollState *state,
         gboolean               watched)
{
  return state->in_background && !watched && !self->watch_in_background;
}

static GTimeSpan
list_interval_for (InflowPollPlanner     *self,
                   const InflowPollState *state,
                   gboolean               fast_status,
                   guint                  slow)
{
  GTimeSpan interval = (GTimeSpan) self->refresh_minutes * G_TIME_SPAN_MINUTE * slow;

  if (state->in_background)
    interval *= LIST_BACKGROUND_FACTOR;
  if (fast_status)
    interval = MIN (interval, FAST_LANE_LIST_INTERVAL * slow);

  return interval;
}

/* The session's lists serve the views only: never in the background. */
static GTimeSpan
lists_interval_for (InflowPollPlanner     *self,
                    const InflowPollState *state,
                    guint                  slow)
{
  if (state->in_background || state->n_list_requests == 0)
    return 0;

  return (GTimeSpan) self->refresh_minutes * G_TIME_SPAN_MINUTE * slow * LISTS_REFRESH_FACTOR;
}

static guint
per_hour (guint     n_requests,
          GTimeSpan interval)
{
  return interval > 0 ? n_requests * (guint) ((G_TIME_SPAN_HOUR + interval - 1) / interval) : 0;
}

/**
 * inflow_poll_planner_next:
 * @self: a planner
 * @now: the current server time
 * @state: what is known now
 *
 * Plans one cycle: the requests to make now (in order) and when to ask
 * again. Call inflow_poll_planner_report() for every request made.
 *
 * Returns: (transfer full): the plan
 */
InflowPollPlan *
inflow_poll_planner_next (InflowPollPlanner     *self,
                          GDateTime             *now,
                          const InflowPollState *state)
{
  g_autoptr(GArray) requests = NULL;
  InflowRateLimit rate_limit;
  InflowPollWaitReason probe_reason = INFLOW_POLL_WAIT_IDLE;
  InflowPollWaitReason list_reason = INFLOW_POLL_WAIT_IDLE;
  InflowPollWaitReason reason = INFLOW_POLL_WAIT_IDLE;
  gint64 now_us, list_due, lists_due = NEVER, probe_due = NEVER, wake;
  gint64 budget_free_at = NEVER;
  guint slow = 1, budget, probe_budget, max_requests = G_MAXUINT, n_pages, n_due = 0;
  gboolean slowed_down = FALSE, probe_budget_left, watched, fast_status;
  InflowPollWaitReason lists_reason = INFLOW_POLL_WAIT_IDLE;
  const InflowPollTarget *best = NULL;
  guint best_klass = 0;
  GTimeSpan list_interval, lists_interval;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (INFLOW_IS_POLL_PLANNER (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  now_us = to_usec (now);
  prune (self->planned, now_us);
  prune (self->actual, now_us);
  requests = g_array_new (FALSE, TRUE, sizeof (InflowPollRequest));

  /* In the background with nothing to watch: not a single request. */
  scan_targets (state, &watched, &fast_status);
  if (is_idle (self, state, watched))
    return make_plan (g_steal_pointer (&requests), now, now_us,
                      now_us + list_interval_for (self, state, FALSE, 1), INFLOW_POLL_WAIT_IDLE, FALSE);

  /* After a 429: nothing until the back-off ends. */
  if (self->backoff_until > now_us)
    return make_plan (g_steal_pointer (&requests), now, now_us, self->backoff_until,
                      INFLOW_POLL_WAIT_BACKOFF, FALSE);
  if (self->consecutive_429 > 0)
    max_requests = 1;

  rate_limit = effective_rate_limit (self, state, now_us);

  /* Figures unknown (start, or the window just reset): one request first
   * to learn them. */
  if (rate_limit.remaining < 0)
    max_requests = 1;

  if (rate_limit.remaining >= 0 && rate_limit.remaining <= RATE_LIMIT_FLOOR)
    {
      if (rate_limit.reset >= 0)
        return make_plan (g_steal_pointer (&requests), now, now_us, rate_limit.reset * G_USEC_PER_SEC,
                          INFLOW_POLL_WAIT_RATE_LIMIT, TRUE);

      /* No reset time: try one request now and then, to learn new figures. */
      if (self->last_planned + RATE_LIMIT_BLIND_PAUSE > now_us)
        return make_plan (g_steal_pointer (&requests), now, now_us,
                          self->last_planned + RATE_LIMIT_BLIND_PAUSE,
                          INFLOW_POLL_WAIT_RATE_LIMIT, TRUE);
      max_requests = 1;
      slow = RATE_LIMIT_SLOW_FACTOR;
      slowed_down = TRUE;
    }
  else if (rate_limit.remaining >= 0 && rate_limit.limit > 0 &&
           rate_limit.remaining < rate_limit.limit * RATE_LIMIT_LOW_FRACTION)
    {
      slow = RATE_LIMIT_SLOW_FACTOR;
      slowed_down = TRUE;
    }

  budget = MAX (self->budget / slow / (state->in_background ? BACKGROUND_BUDGET_DIVISOR : 1), 1);
  list_interval = list_interval_for (self, state, fast_status, slow);
  lists_interval = lists_interval_for (self, state, slow);
  n_pages = MAX ((MAX (state->n_integrations, state->n_targets) + INFLOW_POLL_LIST_PAGE_SIZE - 1) /
                 INFLOW_POLL_LIST_PAGE_SIZE, 1);

  /* Probes leave the lists their hourly share of the budget. */
  probe_budget = budget - MIN (per_hour (n_pages, list_interval) + per_hour (state->n_list_requests, lists_interval),
                               budget / 2);

  if (self->planned->len >= budget)
    budget_free_at = free_at (self->planned, budget, TRUE);

  /* The session's lists, which bring the integration list too. Their
   * first fetch is the session's own, at sign-in. */
  if (lists_interval > 0 && state->lists_fetched_at != NULL)
    {
      if (self->lists_in_flight != 0 && to_usec (state->lists_fetched_at) < self->lists_in_flight &&
          now_us < self->lists_in_flight + IN_FLIGHT_TIMEOUT)
        {
          lists_due = self->lists_in_flight + IN_FLIGHT_TIMEOUT;
        }
      else
        {
          self->lists_in_flight = 0;
          lists_due = to_usec (state->lists_fetched_at) + lists_interval;
        }

      if (lists_due <= now_us)
        {
          if ((self->planned->len + state->n_list_requests <= budget || self->planned->len == 0) &&
              requests->len < max_requests)
            {
              add_request (requests, INFLOW_POLL_REQUEST_REFRESH_LISTS, state->n_list_requests, NULL,
                           INFLOW_INGESTION_PHASE_UNKNOWN);
              for (guint i = 0; i < state->n_list_requests; i++)
                record (self->planned, now_us, INFLOW_POLL_REQUEST_REFRESH_LISTS, 0);
              self->lists_in_flight = now_us;
              self->last_planned = now_us;
              lists_due = now_us + lists_interval;

              /* The refresh brings the integration list. */
              self->list_in_flight = now_us;
            }
          else
            {
              lists_due = MAX (free_at (self->planned, budget - MIN (state->n_list_requests, budget) + 1, TRUE),
                               now_us + G_TIME_SPAN_SECOND);
              lists_reason = INFLOW_POLL_WAIT_BUDGET;
            }
        }
    }

  /* The integration list, every page of it. */
  if (self->list_in_flight != 0 &&
      (state->list_fetched_at == NULL || to_usec (state->list_fetched_at) < self->list_in_flight) &&
      now_us < self->list_in_flight + IN_FLIGHT_TIMEOUT)
    {
      list_due = self->list_in_flight + IN_FLIGHT_TIMEOUT;
    }
  else
    {
      self->list_in_flight = 0;
      if (state->list_fetched_at == NULL || state->refresh_requested)
        list_due = now_us;
      else
        list_due = to_usec (state->list_fetched_at) + list_interval;
    }

  if (list_due <= now_us)
    {
      if (self->planned->len < budget && requests->len < max_requests)
        {
          for (guint page = 1; page <= n_pages; page++)
            {
              add_request (requests, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS, page, NULL,
                           INFLOW_INGESTION_PHASE_UNKNOWN);
              record (self->planned, now_us, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS, 0);
            }
          self->list_in_flight = now_us;
          self->last_planned = now_us;
          list_due = now_us + list_interval;
        }
      else if (self->planned->len >= budget)
        {
          list_due = budget_free_at;
          list_reason = INFLOW_POLL_WAIT_BUDGET;
        }
      else
        {
          list_due = now_us + G_TIME_SPAN_SECOND;
        }
    }

  /* Forget probes that completed or timed out. */
  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (now_us >= *(gint64 *) value + IN_FLIGHT_TIMEOUT)
        g_hash_table_iter_remove (&iter);
    }

  /* Cost probes: find those due now and the next due time. */
  for (guint i = 0; i < state->n_targets; i++)
    {
      const InflowPollTarget *target = &state->targets[i];
      gint64 *planned_at;
      guint klass;
      gint64 due = target_due (target, slow, state->in_background, &klass);

      if (due == NEVER)
        continue;

      if (target->token != NULL &&
          (planned_at = g_hash_table_lookup (self->in_flight, target->token)) != NULL)
        {
          if (target->last_probed_at != NULL && to_usec (target->last_probed_at) >= *planned_at)
            g_hash_table_remove (self->in_flight, target->token);
          else
            due = MAX (due, *planned_at + IN_FLIGHT_TIMEOUT);
        }

      if (due > now_us)
        {
          probe_due = MIN (probe_due, due);
          continue;
        }

      n_due++;
      if (best == NULL || goes_before (target, klass, best, best_klass))
        {
          best = target;
          best_klass = klass;
        }
    }

  /* Probes (and the app's other calls) within their share, and everything
   * within the whole budget. */
  probe_budget_left = count_entries (self->planned, FALSE) < probe_budget && self->planned->len < budget;
  budget_free_at = probe_budget_left ? NEVER : MAX (free_at (self->planned, probe_budget, FALSE),
                                                    free_at (self->planned, budget, TRUE));

  if (best != NULL)
    {
      gboolean spaced = self->last_cost_planned == 0 || now_us >= self->last_cost_planned + COST_PROBE_SPACING;
      gboolean window = cost_window_free_at (self->planned, now_us) <= now_us;
      gboolean within_budget = probe_budget_left;

      if (spaced && window && within_budget && requests->len < max_requests)
        {
          add_request (requests, INFLOW_POLL_REQUEST_COST_PROBE, 0, best->token, best->phase);
          record (self->planned, now_us, INFLOW_POLL_REQUEST_COST_PROBE, 0);
          g_hash_table_insert (self->in_flight, g_strdup (best->token != NULL ? best->token : ""),
                               g_memdup2 (&now_us, sizeof now_us));
          self->last_cost_planned = now_us;
          self->last_planned = now_us;
          n_due--;
          probe_budget_left = count_entries (self->planned, FALSE) < probe_budget && self->planned->len < budget;
          if (!probe_budget_left)
            budget_free_at = MAX (free_at (self->planned, probe_budget, FALSE),
                                  free_at (self->planned, budget, TRUE));
        }

      if (n_due > 0)
        {
          /* More are due: the earliest moment every limit allows one. */
          gint64 at = MAX (self->last_cost_planned + COST_PROBE_SPACING,
                           cost_window_free_at (self->planned, now_us));

          probe_reason = INFLOW_POLL_WAIT_SPACING;
          if (!probe_budget_left && budget_free_at > at)
            {
              at = budget_free_at;
              probe_reason = INFLOW_POLL_WAIT_BUDGET;
            }
          probe_due = MIN (probe_due, at);
        }
    }

  if (probe_due != NEVER && probe_due > now_us && !probe_budget_left && budget_free_at > probe_due)
    {
      probe_due = budget_free_at;
      probe_reason = INFLOW_POLL_WAIT_BUDGET;
    }

  wake = MIN (MIN (list_due, probe_due), lists_due);
  if (wake == probe_due)
    reason = probe_reason;
  else if (wake == list_due)
    reason = list_reason;
  else
    reason = lists_reason;

  return make_plan (g_steal_pointer (&requests), now, now_us, wake, reason, slowed_down);
}

/**
 * inflow_poll_planner_report:
 * @self: a planner
 * @kind: what was requested
 * @token: (nullable): for a cost probe, the integration token
 * @at: when the response came
 * @http_status: its HTTP status; 0 for a transport failure
 * @rate_limit: (nullable): the figures from its headers
 *
 * Records a request actually made and learns from its response: 429 backs
 * off, anything else ends a back-off series. Report the app's other Vantage
 * calls too, as %INFLOW_POLL_REQUEST_OTHER: they count against the budget
 * and their 429s back off the polling.
 */
void
inflow_poll_planner_report (InflowPollPlanner     *self,
                            InflowPollRequestKind  kind,
                            const char            *token,
                            GDateTime             *at,
                            guint                  http_status,
                            const InflowRateLimit *rate_limit)
{
  gint64 at_us;

  g_return_if_fail (INFLOW_IS_POLL_PLANNER (self));
  g_return_if_fail (at != NULL);

  at_us = to_usec (at);
  record (self->actual, at_us, kind, http_status);

  /* Requests the planner did not plan (a view's own calls) use the same
   * budget. */
  if (kind == INFLOW_POLL_REQUEST_OTHER)
    record (self->planned, at_us, kind, 0);

  if (rate_limit != NULL && rate_limit->remaining >= 0)
    self->rate_limit = *rate_limit;

  /* A failed request may be retried right away (after any back-off). */
  if (http_status < 200 || http_status >= 300)
    {
      if (kind == INFLOW_POLL_REQUEST_LIST_INTEGRATIONS)
        self->list_in_flight = 0;
      else if (kind == INFLOW_POLL_REQUEST_REFRESH_LISTS)
        self->lists_in_flight = self->list_in_flight = 0;
      else if (kind == INFLOW_POLL_REQUEST_COST_PROBE && token != NULL)
        g_hash_table_remove (self->in_flight, token);
    }

  if (http_status == 429)
    {
      gint64 delay = BACKOFF_BASE << MIN (self->consecutive_429, 16);
      gint64 until = at_us + MIN (delay, BACKOFF_MAX);

      self->consecutive_429++;
      if (rate_limit != NULL && rate_limit->retry_after > 0)
        until = MAX (until, at_us + rate_limit->retry_after * G_USEC_PER_SEC);
      if (rate_limit != NULL && rate_limit->reset > 0)
        until = MAX (until, rate_limit->reset * G_USEC_PER_SEC);
      self->backoff_until = MAX (self->backoff_until, until);
      g_debug ("HTTP 429 #%u: backing off for %" G_GINT64_FORMAT " s",
               self->consecutive_429, (self->backoff_until - at_us) / G_USEC_PER_SEC);
    }
  else if (http_status != 0)
    {
      self->consecutive_429 = 0;
    }
}

/**
 * inflow_poll_planner_estimate_rate:
 * @self: a planner
 * @state: the current state
 *
 * Returns: the requests per hour the planner expects to make in steady
 *   state for @state (list refreshes plus routine probes), capped by the
 *   budget
 */
double
inflow_poll_planner_estimate_rate (InflowPollPlanner     *self,
                                   const InflowPollState *state)
{
  guint n_pages;
  gboolean watched, fast_status;
  GTimeSpan lists_interval;
  double rate;

  g_return_val_if_fail (INFLOW_IS_POLL_PLANNER (self), 0.0);
  g_return_val_if_fail (state != NULL, 0.0);

  scan_targets (state, &watched, &fast_status);
  if (is_idle (self, state, watched))
    return 0.0;

  n_pages = MAX ((MAX (state->n_integrations, state->n_targets) + INFLOW_POLL_LIST_PAGE_SIZE - 1) /
                 INFLOW_POLL_LIST_PAGE_SIZE, 1);
  rate = n_pages * (double) G_TIME_SPAN_HOUR / list_interval_for (self, state, fast_status, 1);
  lists_interval = lists_interval_for (self, state, 1);
  if (lists_interval > 0)
    rate += state->n_list_requests * (double) G_TIME_SPAN_HOUR / lists_interval;

  for (guint i = 0; i < state->n_targets; i++)
    {
      const InflowPollTarget *target = &state->targets[i];
      GTimeSpan interval = inflow_poll_planner_probe_interval (target->phase);
      guint klass;

      if (!target->is_aws || interval == 0)
        continue;
      if (target->phase == INFLOW_INGESTION_PHASE_UNKNOWN && target->last_probed_at == NULL)
        continue;
      if (state->in_background && target_due (target, 1, TRUE, &klass) == NEVER)
        continue;
      rate += (double) G_TIME_SPAN_HOUR / interval;
    }

  return MIN (rate, (double) self->budget);
}

/**
 * inflow_poll_planner_get_stats:
 * @self: a planner
 * @now: the current server time
 * @stats: (out caller-allocates): planned and actual counts
 */
void
inflow_poll_planner_get_stats (InflowPollPlanner *self,
                               GDateTime         *now,
                               InflowPollStats   *stats)
{
  gint64 since;

  g_return_if_fail (INFLOW_IS_POLL_PLANNER (self));
  g_return_if_fail (now != NULL);
  g_return_if_fail (stats != NULL);

  since = to_usec (now) - G_TIME_SPAN_HOUR;
  stats->planned_lists_last_hour = count_since (self->planned, since, INFLOW_POLL_REQUEST_LIST_INTEGRATIONS);
  stats->planned_probes_last_hour = count_since (self->planned, since, INFLOW_POLL_REQUEST_COST_PROBE);
  stats->planned_refreshes_last_hour = count_since (self->planned, since, INFLOW_POLL_REQUEST_REFRESH_LISTS);
  stats->planned_last_hour = stats->planned_lists_last_hour + stats->planned_probes_last_hour +
                             stats->planned_refreshes_last_hour;
  stats->other_last_hour = count_since (self->actual, since, INFLOW_POLL_REQUEST_OTHER);
  stats->actual_last_hour = count_since (self->actual, since, -1);
  stats->rate_limited_last_hour = 0;
  for (guint i = 0; i < self->actual->len; i++)
    {
      const Entry *entry = &g_array_index (self->actual, Entry, i);

      if (entry->at > since && entry->http_status == 429)
        stats->rate_limited_last_hour++;
    }
  stats->consecutive_rate_limited = self->consecutive_429;
  stats->backoff_until = self->backoff_until > to_usec (now) ? self->backoff_until : 0;
}

guint
inflow_poll_planner_get_refresh_interval (InflowPollPlanner *self)
{
  g_return_val_if_fail (INFLOW_IS_POLL_PLANNER (self), 0);

  return self->refresh_minutes;
}

/**
 * inflow_poll_planner_set_refresh_interval:
 * @self: a planner
 * @minutes: minutes between list refreshes, 5 to 1440
 */
void
inflow_poll_planner_set_refresh_interval (InflowPollPlanner *self,
                                          guint              minutes)
{
  g_return_if_fail (INFLOW_IS_POLL_PLANNER (self));

  minutes = CLAMP (minutes, INFLOW_POLL_MIN_REFRESH_MINUTES, INFLOW_POLL_MAX_REFRESH_MINUTES);
  if (self->refresh_minutes == minutes)
    return;

  self->refresh_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_INTERVAL]);
}

guint
inflow_poll_planner_get_budget (InflowPollPlanner *self)
{
  g_return_val_if_fail (INFLOW_IS_POLL_PLANNER (self), 0);

  return self->budget;
}

/**
 * inflow_poll_planner_set_budget:
 * @self: a planner
 * @requests_per_hour: Inflow's share of the account-wide limit
 */
void
inflow_poll_planner_set_budget (InflowPollPlanner *self,
                                guint              requests_per_hour)
{
  g_return_if_fail (INFLOW_IS_POLL_PLANNER (self));

  requests_per_hour = CLAMP (requests_per_hour, 1, INFLOW_POLL_ACCOUNT_LIMIT_PER_HOUR);
  if (self->budget == requests_per_hour)
    return;

  self->budget = requests_per_hour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUDGET]);
}

gboolean
inflow_poll_planner_get_watch_in_background (InflowPollPlanner *self)
{
  g_return_val_if_fail (INFLOW_IS_POLL_PLANNER (self), FALSE);

  return self->watch_in_background;
}

/**
 * inflow_poll_planner_set_watch_in_background:
 * @self: a planner
 * @watch: whether the user asked to watch with no window open even when
 *   nothing is worth watching (the `watch-in-background` setting)
 */
void
inflow_poll_planner_set_watch_in_background (InflowPollPlanner *self,
                                             gboolean           watch)
{
  g_return_if_fail (INFLOW_IS_POLL_PLANNER (self));

  watch = !!watch;
  if (self->watch_in_background == watch)
    return;

  self->watch_in_background = watch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH_IN_BACKGROUND]);
}

InflowPollPlanner *
inflow_poll_planner_new (void)
{
  return g_object_new (INFLOW_TYPE_POLL_PLANNER, NULL);
}

static void
inflow_poll_planner_finalize (GObject *object)
{
  InflowPollPlanner *self = (InflowPollPlanner *) object;

  g_clear_pointer (&self->planned, g_array_unref);
  g_clear_pointer (&self->actual, g_array_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_poll_planner_parent_class)->finalize (object);
}

static void
inflow_poll_planner_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowPollPlanner *self = INFLOW_POLL_PLANNER (object);

  switch (prop_id)
    {
    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, self->refresh_minutes);
      break;
    case PROP_BUDGET:
      g_value_set_uint (value, self->budget);
      break;
    case PROP_WATCH_IN_BACKGROUND:
      g_value_set_boolean (value, self->watch_in_background);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_poll_planner_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  InflowPollPlanner *self = INFLOW_POLL_PLANNER (object);

  switch (prop_id)
    {
    case PROP_REFRESH_INTERVAL:
      inflow_poll_planner_set_refresh_interval (self, g_value_get_uint (value));
      break;
    case PROP_BUDGET:
      inflow_poll_planner_set_budget (self, g_value_get_uint (value));
      break;
    case PROP_WATCH_IN_BACKGROUND:
      inflow_poll_planner_set_watch_in_background (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_poll_planner_class_init (InflowPollPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_poll_planner_finalize;
  object_class->get_property = inflow_poll_planner_get_property;
  object_class->set_property = inflow_poll_planner_set_property;

  /**
   * InflowPollPlanner:refresh-interval:
   *
   * Minutes between refreshes of the integration list (5–1440).
   */
  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL,
                       INFLOW_POLL_MIN_REFRESH_MINUTES, INFLOW_POLL_MAX_REFRESH_MINUTES,
                       INFLOW_POLL_DEFAULT_REFRESH_MINUTES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowPollPlanner:budget:
   *
   * Requests per hour Inflow may make, its share of the account-wide limit.
   */
  properties[PROP_BUDGET] =
    g_param_spec_uint ("budget", NULL, NULL,
                       1, INFLOW_POLL_ACCOUNT_LIMIT_PER_HOUR, INFLOW_POLL_DEFAULT_BUDGET_PER_HOUR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowPollPlanner:watch-in-background:
   *
   * Whether to keep watching with no window open when nothing is worth
   * watching (the `watch-in-background` setting); otherwise the planner
   * asks for nothing then.
   */
  properties[PROP_WATCH_IN_BACKGROUND] =
    g_param_spec_boolean ("watch-in-background", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_poll_planner_init (InflowPollPlanner *self)
{
  InflowRateLimit none = INFLOW_RATE_LIMIT_INIT;

  self->refresh_minutes = INFLOW_POLL_DEFAULT_REFRESH_MINUTES;
  self->budget = INFLOW_POLL_DEFAULT_BUDGET_PER_HOUR;
  self->planned = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->actual = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rate_limit = none;
}
