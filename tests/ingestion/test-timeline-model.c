/* test-timeline-model.c: the timeline's range, marks, spans and words, from plain facts
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-test-utils.h"
#include "inflow-timeline-model.h"

#define NOW "2026-11-26T10:00:00Z"

static GDateTime *
parse (const char *text)
{
  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* The facts, the verdict made of them and the timeline, as the views get them. */
typedef struct
{
  GDateTime                  *now;
  GDateTime                  *created_at;
  GDateTime                  *last_updated;
  GArray                     *observations;
  InflowIngestionFacts        facts;
  InflowIngestionVerdict     *verdict;
  InflowTimelineModel        *model;
} Timeline;

static void
observation_clear (gpointer data)
{
  InflowIngestionObservation *obs = data;

  g_clear_pointer (&obs->observed_at, g_date_time_unref);
  g_clear_pointer (&obs->last_updated, g_date_time_unref);
  g_clear_pointer (&obs->newest_cost_date, g_date_time_unref);
}

static void
timeline_init (Timeline              *timeline,
               const char            *provider,
               InflowIngestionStatus  status,
               const char            *created_at,
               const char            *last_updated)
{
  memset (timeline, 0, sizeof *timeline);
  timeline->now = parse (NOW);
  timeline->created_at = parse (created_at);
  timeline->last_updated = parse (last_updated);
  timeline->observations = g_array_new (FALSE, TRUE, sizeof (InflowIngestionObservation));
  g_array_set_clear_func (timeline->observations, observation_clear);
  timeline->facts.provider = provider;
  timeline->facts.status = status;
  timeline->facts.created_at = timeline->created_at;
  timeline->facts.last_updated = timeline->last_updated;
}

/* @newest: NULL for a status-only observation, "" for a probe that found
 * no cost rows, else the newest cost day */
static void
observe (Timeline              *timeline,
         const char            *at,
         InflowIngestionStatus  status,
         const char            *last_updated,
         const char            *newest,
         gboolean               rows)
{
  InflowIngestionObservation obs = { 0, };
  g_autofree char *day = newest != NULL && *newest != '\0' ? g_strconcat (newest, "T00:00:00Z", NULL) : NULL;

  obs.observed_at = parse (at);
  obs.status = status;
  obs.last_updated = parse (last_updated);
  obs.probed = newest != NULL;
  obs.newest_cost_date = parse (day);
  obs.resource_rows_present = rows;
  g_array_append_val (timeline->observations, obs);

  if (obs.probed)
    {
      timeline->facts.probe.probed_at = obs.observed_at;
      timeline->facts.probe.newest_cost_date = obs.newest_cost_date;
      timeline->facts.probe.resource_rows_present = rows;
    }
}

static void
timeline_build (Timeline *timeline)
{
  timeline->facts.observations = (const InflowIngestionObservation *) (void *) timeline->observations->data;
  timeline->facts.n_observations = timeline->observations->len;
  timeline->verdict = inflow_ingestion_verdict_evaluate (&timeline->facts, timeline->now);
  timeline->model = inflow_timeline_model_build (&timeline->facts, timeline->verdict, timeline->now);
  g_test_message ("%s", timeline->model->description);
}

static void
timeline_clear (Timeline *timeline)
{
  g_clear_pointer (&timeline->model, inflow_timeline_model_free);
  g_clear_pointer (&timeline->verdict, inflow_ingestion_verdict_free);
  g_clear_pointer (&timeline->observations, g_array_unref);
  g_clear_pointer (&timeline->now, g_date_time_unref);
  g_clear_pointer (&timeline->created_at, g_date_time_unref);
  g_clear_pointer (&timeline->last_updated, g_date_time_unref);
}

static guint
count_marks (InflowTimelineModel    *model,
             InflowTimelineMarkKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < model->marks->len; i++)
    n += g_array_index (model->marks, InflowTimelineMark, i).kind == kind;

  return n;
}

static const InflowTimelineMark *
find_mark (InflowTimelineModel    *model,
           InflowTimelineMarkKind  kind)
{
  for (guint i = 0; i < model->marks->len; i++)
    if (g_array_index (model->marks, InflowTimelineMark, i).kind == kind)
      return &g_array_index (model->marks, InflowTimelineMark, i);

  return NULL;
}

static const InflowTimelineSpan *
find_span (InflowTimelineModel    *model,
           InflowTimelineSpanKind  kind)
{
  for (guint i = 0; i < model->spans->len; i++)
    if (g_array_index (model->spans, InflowTimelineSpan, i).kind == kind)
      return &g_array_index (model->spans, InflowTimelineSpan, i);

  return NULL;
}

static gint64
usec (const char *text)
{
  g_autoptr(GDateTime) time = parse (text);

  return inflow_timeline_usec (time);
}

static void
assert_sorted (InflowTimelineModel *model)
{
  for (guint i = 1; i < model->marks->len; i++)
    g_assert_cmpint (g_array_index (model->marks, InflowTimelineMark, i - 1).at, <=,
                     g_array_index (model->marks, InflowTimelineMark, i).at);
}

/* Connected five hours ago: the range runs from the connect time to past the
 * expected-by time, with the wait shaded. */
static void
test_awaiting (void)
{
  Timeline t;
  const InflowTimelineSpan *awaiting;

  timeline_init (&t, "aws", INFLOW_INGESTION_STATUS_CONNECTED, "2026-11-26T05:00:00Z", NULL);
  observe (&t, "2026-11-26T09:30:00Z", INFLOW_INGESTION_STATUS_CONNECTED, NULL, "", FALSE);
  timeline_build (&t);

  g_assert_cmpint (t.verdict->phase, ==, INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR);
  g_assert_cmpint (t.model->start, <, usec ("2026-11-26T05:00:00Z"));
  g_assert_cmpint (t.model->end, >, usec ("2026-11-27T05:00:00Z"));
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_CONNECTED), ==, 1);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_EXPECTED), ==, 1);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_NOW), ==, 1);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_FIRST_CUR), ==, 0);
  g_assert_cmpint (find_mark (t.model, INFLOW_TIMELINE_MARK_NOW)->at, ==, usec (NOW));
  assert_sorted (t.model);

  awaiting = find_span (t.model, INFLOW_TIMELINE_SPAN_AWAITING);
  g_assert_nonnull (awaiting);
  g_assert_cmpint (awaiting->start, ==, usec ("2026-11-26T05:00:00Z"));
  g_assert_cmpint (awaiting->end, ==, usec (NOW));
  g_assert_null (find_span (t.model, INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE));

  g_assert_nonnull (strstr (t.model->description, "Timeline from "));
  g_assert_nonnull (strstr (t.model->description, "First Cost and Usage Report expected by 05:00 tomorrow."));
  g_assert_nonnull (strstr (t.model->description, "No Cost and Usage Report has arrived yet."));
  /* The wait is normal: the words do not list it as a problem */
  g_assert_null (strstr (t.model->description, "Waiting for the first"));
  g_assert_cmpint (t.model->first_cur_not_before, ==, -1);

  timeline_clear (&t);
}

/* The first CUR arrived 30 hours after connecting: late after 24 hours, a
 * mark where it was seen, the bar back to the probe that last saw none. */
static void
test_first_cur_late_then_received (void)
{
  Timeline t;
  const InflowTimelineSpan *late;

  timeline_init (&t, "aws", INFLOW_INGESTION_STATUS_CONNECTED, "2026-11-25T02:00:00Z", "2026-11-26T08:00:00Z");
  observe (&t, "2026-11-25T20:00:00Z", INFLOW_INGESTION_STATUS_CONNECTED, NULL, "", FALSE);
  observe (&t, "2026-11-26T07:00:00Z", INFLOW_INGESTION_STATUS_CONNECTED, NULL, "2026-11-25", FALSE);
  observe (&t, "2026-11-26T08:00:00Z", INFLOW_INGESTION_STATUS_CONNECTED, "2026-11-26T08:00:00Z", "2026-11-25", TRUE);
  timeline_build (&t);

  g_assert_cmpint (t.verdict->phase, ==, INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_FIRST_CUR), ==, 1);
  g_assert_cmpint (find_mark (t.model, INFLOW_TIMELINE_MARK_FIRST_CUR)->at, ==, usec ("2026-11-26T08:00:00Z"));
  g_assert_cmpint (t.model->first_cur_not_before, ==, usec ("2026-11-26T07:00:00Z"));
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_EXPECTED), ==, 0);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_REFRESH), ==, 1);

  late = find_span (t.model, INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE);
  g_assert_nonnull (late);
  g_assert_cmpint (late->start, ==, usec ("2026-11-26T02:00:00Z"));
  g_assert_cmpint (late->end, ==, usec ("2026-11-26T08:00:00Z"));
  g_assert_cmpint (find_span (t.model, INFLOW_TIMELINE_SPAN_AWAITING)->end, ==, usec ("2026-11-26T02:00:00Z"));

  g_assert_nonnull (strstr (t.model->description, "First Cost and Usage Report seen 08:00 today (it arrived after 07:00 today)."));
  g_assert_nonnull (strstr (t.model->description, "First Cost and Usage Report late from 02:00 today to 08:00 today."));
  g_assert_nonnull (strstr (t.model->description, "1 update by Vantage observed, the latest 08:00 today."));

  timeline_clear (&t);
}

/* An old integration whose data stopped: the range is the last 14 days,
 * the data ages through late and stale into critical, status changes and
 * newer data are marked, and an error is shaded up to now. */
static void
test_stale_and_failing (void)
{
  Timeline t;
  const InflowTimelineSpan *stale, *critical, *failing;

  timeline_init (&t, "AWS", INFLOW_INGESTION_STATUS_ERROR, "2026-01-10T00:00:00Z", "2026-11-21T12:00:00Z");
  observe (&t, "2026-11-19T12:00:00Z", INFLOW_INGESTION_STATUS_CONNECTED, "2026-11-19T11:00:00Z", "2026-11-18", TRUE);
  observe (&t, "2026-11-20T12:00:00Z", INFLOW_INGESTION_STATUS_CONNECTED, "2026-11-20T11:00:00Z", "2026-11-19", TRUE);
  observe (&t, "2026-11-25T12:00:00Z", INFLOW_INGESTION_STATUS_ERROR, "2026-11-21T12:00:00Z", NULL, FALSE);
  timeline_build (&t);

  g_assert_cmpint (t.verdict->phase, ==, INFLOW_INGESTION_PHASE_ERROR);
  g_assert_cmpint (t.model->start, <, usec ("2026-11-12T10:00:00Z"));
  g_assert_cmpint (t.model->start, >, usec ("2026-11-11T10:00:00Z"));
  g_assert_cmpint (t.model->end, >, usec (NOW));
  /* Connected long before the range: no connect mark */
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_CONNECTED), ==, 0);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_STATUS), ==, 1);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_DATA), ==, 1);
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_REFRESH), ==, 3);
  assert_sorted (t.model);

  /* Data through Nov 19 ends at Nov 20 00:00: stale 48 h later, critical at 72 h */
  stale = find_span (t.model, INFLOW_TIMELINE_SPAN_STALE);
  critical = find_span (t.model, INFLOW_TIMELINE_SPAN_CRITICAL);
  g_assert_nonnull (stale);
  g_assert_nonnull (critical);
  g_assert_cmpint (stale->start, ==, usec ("2026-11-22T00:00:00Z"));
  g_assert_cmpint (stale->end, ==, usec ("2026-11-23T00:00:00Z"));
  g_assert_cmpint (critical->start, ==, usec ("2026-11-23T00:00:00Z"));
  g_assert_cmpint (critical->end, ==, usec (NOW));

  failing = find_span (t.model, INFLOW_TIMELINE_SPAN_FAILING);
  g_assert_nonnull (failing);
  g_assert_cmpint (failing->start, ==, usec ("2026-11-25T12:00:00Z"));
  g_assert_cmpint (failing->end, ==, usec (NOW));

  g_assert_nonnull (strstr (t.model->description, "Vantage status became “error”, seen 12:00 yesterday."));
  g_assert_nonnull (strstr (t.model->description, "Newer cost data seen 1 time"));
  g_assert_nonnull (strstr (t.model->description, "Integration failing since 12:00 yesterday."));
  g_assert_nonnull (strstr (t.model->description, "Cost data critically old since Nov 23, 00:00."));
  g_assert_nonnull (strstr (t.model->description, "The first Cost and Usage Report arrived before Inflow started watching."));

  timeline_clear (&t);
}

/* Another provider: no CUR, so no wait and no words about one. */
static void
test_other_provider (void)
{
  Timeline t;

  timeline_init (&t, "azure", INFLOW_INGESTION_STATUS_CONNECTED, "2026-11-26T09:00:00Z", NULL);
  timeline_build (&t);

  g_assert_null (find_span (t.model, INFLOW_TIMELINE_SPAN_AWAITING));
  g_assert_cmpuint (count_marks (t.model, INFLOW_TIMELINE_MARK_EXPECTED), ==, 0);
  g_assert_null (strstr (t.model->description, "Cost and Usage Report"));
  /* At least six hours shown, however recent the connect */
  g_assert_cmpint (t.model->end - t.model->start, >=, 6 * G_TIME_SPAN_HOUR);

  timeline_clear (&t);
}

static void
test_words (void)
{
  for (guint i = 0; i < INFLOW_TIMELINE_N_SPAN_KINDS; i++)
    {
      g_assert_cmpstr (inflow_timeline_span_kind_get_words (i), !=, "");
      g_assert_cmpstr (inflow_timeline_span_kind_get_legend (i), !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/ingestion/timeline/awaiting", test_awaiting);
  g_test_add_func ("/ingestion/timeline/first-cur-late-then-received", test_first_cur_late_then_received);
  g_test_add_func ("/ingestion/timeline/stale-and-failing", test_stale_and_failing);
  g_test_add_func ("/ingestion/timeline/other-provider", test_other_provider);
  g_test_add_func ("/ingestion/timeline/words", test_words);

  return inflow_test_run ();
}
