/* inflow-poll-planner.h: which Vantage requests to make, and when
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "inflow-ingestion-verdict.h"

G_BEGIN_DECLS

/* docs.vantage.sh/api/rate_limiting: a general limit of 1,000 requests an
 * hour across all endpoints, account-wide, and 5 requests per 5 seconds on
 * the cost report endpoints. The v2 spec: a list page holds at most 1000
 * items (`limit`). */
#define INFLOW_POLL_ACCOUNT_LIMIT_PER_HOUR   1000
#define INFLOW_POLL_COST_WINDOW              (5 * G_TIME_SPAN_SECOND)
#define INFLOW_POLL_COST_WINDOW_MAX          5
#define INFLOW_POLL_LIST_PAGE_SIZE           1000

/* Inflow's own share of the account-wide limit: other people and tools use
 * the same organization. */
#define INFLOW_POLL_DEFAULT_BUDGET_PER_HOUR  60
#define INFLOW_POLL_DEFAULT_REFRESH_MINUTES  15
#define INFLOW_POLL_MIN_REFRESH_MINUTES      5
#define INFLOW_POLL_MAX_REFRESH_MINUTES      1440

/**
 * InflowRateLimit:
 * @limit: `x-rate-limit-limit`, or -1
 * @remaining: `x-rate-limit-remaining`, or -1
 * @reset: `x-rate-limit-reset` (Unix seconds), or -1
 * @retry_after: `Retry-After` in seconds, or -1
 *
 * Rate-limit figures from response headers; -1 for each one not known.
 */
typedef struct
{
  gint64 limit;
  gint64 remaining;
  gint64 reset;
  gint64 retry_after;
} InflowRateLimit;

#define INFLOW_RATE_LIMIT_INIT { -1, -1, -1, -1 }

/**
 * InflowPollRequestKind:
 * @INFLOW_POLL_REQUEST_LIST_INTEGRATIONS: one page of `GET /v2/integrations`
 * @INFLOW_POLL_REQUEST_COST_PROBE: the cost probe of one integration
 *   (`GET /v2/costs`, newest `accrued_at`, resource-level rows or not)
 * @INFLOW_POLL_REQUEST_OTHER: a Vantage request the planner did not plan
 *   (only reported, never planned)
 * @INFLOW_POLL_REQUEST_REFRESH_LISTS: a refresh of the session's lists
 *   (`/me`, workspaces, their cloud accounts, teams and integrations):
 *   #InflowPollState:n_list_requests requests, each reported on its own
 */
typedef enum
{
  INFLOW_POLL_REQUEST_LIST_INTEGRATIONS,
  INFLOW_POLL_REQUEST_COST_PROBE,
  INFLOW_POLL_REQUEST_OTHER,
  INFLOW_POLL_REQUEST_REFRESH_LISTS,
} InflowPollRequestKind;

/**
 * InflowPollWaitReason:
 * @INFLOW_POLL_WAIT_IDLE: nothing is due before the wake-up time
 * @INFLOW_POLL_WAIT_SPACING: cost probes are due but spaced out
 * @INFLOW_POLL_WAIT_BUDGET: Inflow's hourly budget is spent
 * @INFLOW_POLL_WAIT_RATE_LIMIT: `x-rate-limit-remaining` is nearly exhausted
 * @INFLOW_POLL_WAIT_BACKOFF: backing off after HTTP 429
 */
typedef enum
{
  INFLOW_POLL_WAIT_IDLE,
  INFLOW_POLL_WAIT_SPACING,
  INFLOW_POLL_WAIT_BUDGET,
  INFLOW_POLL_WAIT_RATE_LIMIT,
  INFLOW_POLL_WAIT_BACKOFF,
} InflowPollWaitReason;

/**
 * InflowPollTarget:
 * @token: the integration token (stable; also spreads checks over the day)
 * @phase: its current verdict's phase
 * @is_aws: whether it is an AWS integration
 * @last_probed_at: (nullable): when its cost probe last completed
 * @phase_changes_at: (nullable): the verdict's `changes_at`
 * @fast_lane: Inflow itself just connected it (or saw it appear while it
 *   waited for it): probed at once whatever its phase, and the list is
 *   fetched every few minutes while it is pending or importing
 */
typedef struct
{
  const char           *token;
  InflowIngestionPhase  phase;
  gboolean              is_aws;
  GDateTime            *last_probed_at;
  GDateTime            *phase_changes_at;
  gboolean              fast_lane;
} InflowPollTarget;

/**
 * InflowPollState:
 * @list_fetched_at: (nullable): when the integration list was last fetched
 * @n_integrations: integrations in the list (sets the pages); 0 means
 *   @n_targets
 * @targets: (array length=n_targets): one entry per integration
 * @n_targets: length of @targets
 * @rate_limit: the client's live rate-limit figures
 * @refresh_requested: the user asked for a refresh now
 * @lists_fetched_at: (nullable): when the session's other lists
 *   (workspaces, cloud accounts, teams) were last fetched, the oldest of
 *   them; %NULL while the session's own first refresh runs
 * @n_list_requests: the requests one refresh of the session's lists makes;
 *   0 when there is no session to refresh
 * @in_background: no window is open: nothing that only serves the views
 *
 * What the planner needs to know each cycle. Nothing is taken over.
 */
typedef struct
{
  GDateTime              *list_fetched_at;
  guint                   n_integrations;
  const InflowPollTarget *targets;
  guint                   n_targets;
  InflowRateLimit         rate_limit;
  gboolean                refresh_requested;
  GDateTime              *lists_fetched_at;
  guint                   n_list_requests;
  gboolean                in_background;
} InflowPollState;

/**
 * InflowPollRequest:
 * @kind: what to request
 * @page: for a list request, the 1-based page
 * @token: (nullable): for a cost probe, the integration token
 * @phase: for a cost probe, the phase that made it due
 */
typedef struct
{
  InflowPollRequestKind  kind;
  guint                  page;
  char                  *token;
  InflowIngestionPhase   phase;
} InflowPollRequest;

/**
 * InflowPollPlan:
 * @requests: (array length=n_requests): requests to make now, in order
 * @n_requests: length of @requests
 * @wake_at: when to call inflow_poll_planner_next() again
 * @wait_reason: what holds back further requests until @wake_at
 * @slowed_down: whether low `x-rate-limit-remaining` stretched the plan
 */
typedef struct
{
  InflowPollRequest    *requests;
  guint                 n_requests;
  GDateTime            *wake_at;
  InflowPollWaitReason  wait_reason;
  gboolean              slowed_down;
} InflowPollPlan;

/**
 * InflowPollStats:
 * @planned_last_hour: requests planned in the trailing hour
 * @planned_lists_last_hour: of those, list pages
 * @planned_probes_last_hour: of those, cost probes
 * @planned_refreshes_last_hour: of those, requests of the session's list
 *   refreshes
 * @other_last_hour: requests reported that the planner did not plan
 * @actual_last_hour: requests reported in the trailing hour (all kinds)
 * @rate_limited_last_hour: of those, answered with 429
 * @consecutive_rate_limited: 429s in a row right now
 * @backoff_until: Unix microseconds until which requests wait; 0 if none
 *
 * Planned against actual, for a diagnostics page.
 */
typedef struct
{
  guint  planned_last_hour;
  guint  planned_lists_last_hour;
  guint  planned_probes_last_hour;
  guint  planned_refreshes_last_hour;
  guint  other_last_hour;
  guint  actual_last_hour;
  guint  rate_limited_last_hour;
  guint  consecutive_rate_limited;
  gint64 backoff_until;
} InflowPollStats;

#define INFLOW_TYPE_POLL_REQUEST_KIND (inflow_poll_request_kind_get_type ())
#define INFLOW_TYPE_POLL_WAIT_REASON  (inflow_poll_wait_reason_get_type ())
#define INFLOW_TYPE_POLL_PLAN         (inflow_poll_plan_get_type ())
#define INFLOW_TYPE_POLL_PLANNER      (inflow_poll_planner_get_type ())

GType              inflow_poll_request_kind_get_type (void);
GType              inflow_poll_wait_reason_get_type  (void);
GType              inflow_poll_plan_get_type         (void);

InflowPollPlan    *inflow_poll_plan_copy             (const InflowPollPlan *plan);
void               inflow_poll_plan_free             (InflowPollPlan       *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowPollPlan, inflow_poll_plan_free)

G_DECLARE_FINAL_TYPE (InflowPollPlanner, inflow_poll_planner, INFLOW, POLL_PLANNER, GObject)

InflowPollPlanner *inflow_poll_planner_new                    (void);
guint              inflow_poll_planner_get_refresh_interval   (InflowPollPlanner      *self);
void               inflow_poll_planner_set_refresh_interval   (InflowPollPlanner      *self,
                                                               guint                   minutes);
guint              inflow_poll_planner_get_budget             (InflowPollPlanner      *self);
gboolean           inflow_poll_planner_get_watch_in_background (InflowPollPlanner     *self);
void               inflow_poll_planner_set_watch_in_background (InflowPollPlanner     *self,
                                                               gboolean                watch);
void               inflow_poll_planner_set_budget             (InflowPollPlanner      *self,
                                                               guint                   requests_per_hour);
InflowPollPlan    *inflow_poll_planner_next                   (InflowPollPlanner      *self,
                                                               GDateTime              *now,
                                                               const InflowPollState  *state);
void               inflow_poll_planner_report                 (InflowPollPlanner      *self,
                                                               InflowPollRequestKind   kind,
                                                               const char             *token,
                                                               GDateTime              *at,
                                                               guint                   http_status,
                                                               const InflowRateLimit  *rate_limit);
double             inflow_poll_planner_estimate_rate          (InflowPollPlanner      *self,
                                                               const InflowPollState  *state);
void               inflow_poll_planner_get_stats              (InflowPollPlanner      *self,
                                                               GDateTime              *now,
                                                               InflowPollStats        *stats);
GTimeSpan          inflow_poll_planner_probe_interval         (InflowIngestionPhase    phase);

G_END_DECLS
