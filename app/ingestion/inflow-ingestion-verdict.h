/* inflow-ingestion-verdict.h: where an integration's cost data stands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Thresholds, from AWS's Cost and Usage Report documentation and Vantage's
 * "Connect AWS" page; the .c file says which fact each rests on. */

/* AWS: the first report can take up to 24 hours to arrive; Vantage's
 * "Connect AWS" page: "it can take AWS up to 24 hours to deliver the
 * first CUR". */
#define INFLOW_INGESTION_FIRST_CUR_WINDOW      (24 * G_TIME_SPAN_HOUR)
/* AWS refreshes the report at least once a day: data under a day old is fresh. */
#define INFLOW_INGESTION_FRESH_MAX_AGE         (24 * G_TIME_SPAN_HOUR)
/* Some services report a day or more late, so lags under 48 h happen in
 * normal operation: late, not yet stale. */
#define INFLOW_INGESTION_LATE_MAX_AGE          (48 * G_TIME_SPAN_HOUR)
/* Past 48 h without newer data something stopped (stale); past 72 h, three
 * missed daily refreshes, it is critical. */
#define INFLOW_INGESTION_STALE_MAX_AGE         (72 * G_TIME_SPAN_HOUR)
/* AWS starts a new billing period's report within the first day or two of
 * a month while it keeps updating the previous one: data that reaches the
 * last day of the previous month gets one extra day before it ages. */
#define INFLOW_INGESTION_MONTH_START_ALLOWANCE (24 * G_TIME_SPAN_HOUR)
/* How long "first CUR received" stays the phase before the data-age phases
 * take over (Inflow's choice: a day to notice the news). */
#define INFLOW_INGESTION_FIRST_CUR_NEWS_WINDOW (24 * G_TIME_SPAN_HOUR)
/* A first sighting of resource-level rows counts as the first CUR only if
 * the integration is younger than this, or an earlier probe saw none. */
#define INFLOW_INGESTION_FIRST_CUR_MAX_DELAY   (72 * G_TIME_SPAN_HOUR)

/**
 * InflowIngestionStatus:
 *
 * `Integration.status` as the API sends it: the v2 spec's enum connected,
 * error, pending, importing, imported, disconnected.
 */
typedef enum
{
  INFLOW_INGESTION_STATUS_UNKNOWN,
  INFLOW_INGESTION_STATUS_PENDING,
  INFLOW_INGESTION_STATUS_IMPORTING,
  INFLOW_INGESTION_STATUS_IMPORTED,
  INFLOW_INGESTION_STATUS_CONNECTED,
  INFLOW_INGESTION_STATUS_ERROR,
  INFLOW_INGESTION_STATUS_DISCONNECTED,
} InflowIngestionStatus;

/**
 * InflowIngestionPhase:
 * @INFLOW_INGESTION_PHASE_UNKNOWN: not enough facts (never probed after the
 *   first day, a status Inflow does not know, or not an AWS integration)
 * @INFLOW_INGESTION_PHASE_PENDING: Vantage has not validated the connection
 * @INFLOW_INGESTION_PHASE_IMPORTING: Vantage is importing
 * @INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR: connected up to 24 h ago, no
 *   resource-level costs yet: normal
 * @INFLOW_INGESTION_PHASE_FIRST_CUR_LATE: connected over 24 h ago and a probe
 *   still finds no resource-level costs
 * @INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED: the first CUR arrived in the
 *   last day and the data is fresh
 * @INFLOW_INGESTION_PHASE_FRESH: newest data under 24 h old
 * @INFLOW_INGESTION_PHASE_LATE: 24–48 h old
 * @INFLOW_INGESTION_PHASE_STALE: 48–72 h old
 * @INFLOW_INGESTION_PHASE_CRITICAL: over 72 h old
 * @INFLOW_INGESTION_PHASE_ERROR: Vantage reports an error
 * @INFLOW_INGESTION_PHASE_DISCONNECTED: Vantage reports it disconnected
 */
typedef enum
{
  INFLOW_INGESTION_PHASE_UNKNOWN,
  INFLOW_INGESTION_PHASE_PENDING,
  INFLOW_INGESTION_PHASE_IMPORTING,
  INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR,
  INFLOW_INGESTION_PHASE_FIRST_CUR_LATE,
  INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED,
  INFLOW_INGESTION_PHASE_FRESH,
  INFLOW_INGESTION_PHASE_LATE,
  INFLOW_INGESTION_PHASE_STALE,
  INFLOW_INGESTION_PHASE_CRITICAL,
  INFLOW_INGESTION_PHASE_ERROR,
  INFLOW_INGESTION_PHASE_DISCONNECTED,
} InflowIngestionPhase;

#define INFLOW_INGESTION_N_PHASES (INFLOW_INGESTION_PHASE_DISCONNECTED + 1)

/**
 * InflowIngestionSeverity:
 *
 * How a view should colour a phase. %INFLOW_INGESTION_SEVERITY_NONE is for
 * "not known": never show it as a green tick.
 */
typedef enum
{
  INFLOW_INGESTION_SEVERITY_NONE,
  INFLOW_INGESTION_SEVERITY_OK,
  INFLOW_INGESTION_SEVERITY_INFO,
  INFLOW_INGESTION_SEVERITY_WARNING,
  INFLOW_INGESTION_SEVERITY_ERROR,
} InflowIngestionSeverity;

/**
 * InflowIngestionCurState:
 * @INFLOW_INGESTION_CUR_STATE_UNKNOWN: no cost probe ever ran
 * @INFLOW_INGESTION_CUR_STATE_AWAITING: probes ran and found no
 *   resource-level rows
 * @INFLOW_INGESTION_CUR_STATE_RECEIVED: a probe found resource-level rows
 */
typedef enum
{
  INFLOW_INGESTION_CUR_STATE_UNKNOWN,
  INFLOW_INGESTION_CUR_STATE_AWAITING,
  INFLOW_INGESTION_CUR_STATE_RECEIVED,
} InflowIngestionCurState;

#define INFLOW_TYPE_INGESTION_STATUS    (inflow_ingestion_status_get_type ())
#define INFLOW_TYPE_INGESTION_PHASE     (inflow_ingestion_phase_get_type ())
#define INFLOW_TYPE_INGESTION_SEVERITY  (inflow_ingestion_severity_get_type ())
#define INFLOW_TYPE_INGESTION_CUR_STATE (inflow_ingestion_cur_state_get_type ())
#define INFLOW_TYPE_INGESTION_VERDICT   (inflow_ingestion_verdict_get_type ())

GType                    inflow_ingestion_status_get_type    (void);
GType                    inflow_ingestion_phase_get_type     (void);
GType                    inflow_ingestion_severity_get_type  (void);
GType                    inflow_ingestion_cur_state_get_type (void);

InflowIngestionStatus    inflow_ingestion_status_from_string (const char           *status);

const char              *inflow_ingestion_phase_get_label    (InflowIngestionPhase  phase);
char                    *inflow_ingestion_phase_dup_count_label (InflowIngestionPhase phase,
                                                                 guint                count);
InflowIngestionSeverity  inflow_ingestion_phase_get_severity (InflowIngestionPhase  phase);
guint                    inflow_ingestion_phase_get_urgency  (InflowIngestionPhase  phase);
int                      inflow_ingestion_phase_compare_urgency (InflowIngestionPhase a,
                                                              InflowIngestionPhase b);
gboolean                 inflow_ingestion_phase_is_watched   (InflowIngestionPhase  phase);

/**
 * InflowIngestionObservation:
 * @observed_at: when Inflow recorded it (server time)
 * @status: the integration status then
 * @last_updated: (nullable): `Integration.last_updated` then
 * @probed: whether a cost probe ran at @observed_at (else the fields below
 *   are ignored)
 * @newest_cost_date: (nullable): the newest `accrued_at` day the probe found
 *   (its calendar date in its own time zone counts); %NULL when it found no
 *   cost rows
 * @resource_rows_present: whether the probe found resource-level rows
 *
 * One recorded observation. A list of them may come in any order.
 */
typedef struct
{
  GDateTime             *observed_at;
  InflowIngestionStatus  status;
  GDateTime             *last_updated;
  gboolean               probed;
  GDateTime             *newest_cost_date;
  gboolean               resource_rows_present;
} InflowIngestionObservation;

/**
 * InflowIngestionProbe:
 * @probed_at: (nullable): when the latest cost probe ran; %NULL if never
 * @newest_cost_date: (nullable): the newest `accrued_at` day found; %NULL
 *   when the probe found no cost rows
 * @resource_rows_present: whether resource-level rows exist for the account
 *
 * The latest cost probe. Its date window must reach back into the previous
 * month, or the first days of a month look empty.
 */
typedef struct
{
  GDateTime *probed_at;
  GDateTime *newest_cost_date;
  gboolean   resource_rows_present;
} InflowIngestionProbe;

/**
 * InflowIngestionFacts:
 * @provider: (nullable): `Integration.provider`, any case ("aws", "AWS")
 * @is_govcloud: whether the account lives in the `aws-us-gov` partition
 * @status: the latest `Integration.status`
 * @created_at: `Integration.created_at` (connect time)
 * @last_updated: (nullable): `Integration.last_updated`
 * @fetched_at: (nullable): when @status and @last_updated were fetched;
 *   %NULL means "now"
 * @observations: (array length=n_observations) (nullable): the history
 * @n_observations: length of @observations
 * @probe: the latest cost probe (may also appear in @observations)
 *
 * The plain facts a verdict is made of. Nothing is taken over.
 */
typedef struct
{
  const char                       *provider;
  gboolean                          is_govcloud;
  InflowIngestionStatus             status;
  GDateTime                        *created_at;
  GDateTime                        *last_updated;
  GDateTime                        *fetched_at;
  const InflowIngestionObservation *observations;
  guint                             n_observations;
  InflowIngestionProbe              probe;
} InflowIngestionFacts;

/**
 * InflowIngestionVerdict:
 * @phase: the phase
 * @cur_state: whether the first CUR is known to have arrived
 * @reason: the reason in words, translated, naming the facts
 * @as_of: when the facts the verdict rests on were observed
 * @connected_at: (nullable): `created_at`
 * @elapsed: time since connect (never negative); -1 without @connected_at
 * @expected_by: (nullable): connect + 24 h while the first CUR is awaited
 * @first_cur_at: (nullable): when resource-level rows were first seen
 * @first_cur_not_before: (nullable): the last moment they were known absent
 *   (the previous probe, or the connect time)
 * @newest_cost_date: (nullable): newest cost day known
 * @data_through: (nullable): end of that day (UTC midnight after it)
 * @data_age: time since @data_through, allowing for a month start (never
 *   negative); -1 when unknown
 * @month_start_allowance: whether that allowance applied
 * @status_since: (nullable): first observation of the current status
 * @changes_at: (nullable): when the phase changes by time alone if no new
 *   facts arrive (a view re-evaluates then, the poll planner checks just
 *   before it); %NULL if it never does
 *
 * The result of inflow_ingestion_verdict_evaluate(). Read-only.
 */
typedef struct
{
  InflowIngestionPhase     phase;
  InflowIngestionCurState  cur_state;
  char                    *reason;
  GDateTime               *as_of;
  GDateTime               *connected_at;
  GTimeSpan                elapsed;
  GDateTime               *expected_by;
  GDateTime               *first_cur_at;
  GDateTime               *first_cur_not_before;
  GDateTime               *newest_cost_date;
  GDateTime               *data_through;
  GTimeSpan                data_age;
  gboolean                 month_start_allowance;
  GDateTime               *status_since;
  GDateTime               *changes_at;
} InflowIngestionVerdict;

GType                    inflow_ingestion_verdict_get_type   (void);
InflowIngestionVerdict  *inflow_ingestion_verdict_evaluate   (const InflowIngestionFacts   *facts,
                                                              GDateTime                    *now);
InflowIngestionVerdict  *inflow_ingestion_verdict_copy       (const InflowIngestionVerdict *verdict);
void                     inflow_ingestion_verdict_free       (InflowIngestionVerdict       *verdict);
char                    *inflow_ingestion_verdict_dup_brief  (const InflowIngestionVerdict *verdict,
                                                              gboolean                      can_check,
                                                              gboolean                      probed,
                                                              GDateTime                    *now);
gboolean                 inflow_ingestion_is_aws_provider    (const char                   *provider);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowIngestionVerdict, inflow_ingestion_verdict_free)

G_END_DECLS
