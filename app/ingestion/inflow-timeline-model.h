/* inflow-timeline-model.h: the marks and spans of an integration's ingestion timeline
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-ingestion-verdict.h"

G_BEGIN_DECLS

/**
 * InflowTimelineMarkKind:
 * @INFLOW_TIMELINE_MARK_CONNECTED: the connect time
 * @INFLOW_TIMELINE_MARK_STATUS: Vantage reported another status
 * @INFLOW_TIMELINE_MARK_REFRESH: Vantage updated the integration (`last_updated`)
 * @INFLOW_TIMELINE_MARK_DATA: a probe found newer cost data
 * @INFLOW_TIMELINE_MARK_FIRST_CUR: the first Cost and Usage Report was seen
 * @INFLOW_TIMELINE_MARK_EXPECTED: when the first CUR is expected by
 * @INFLOW_TIMELINE_MARK_NOW: now
 */
typedef enum
{
  INFLOW_TIMELINE_MARK_CONNECTED,
  INFLOW_TIMELINE_MARK_STATUS,
  INFLOW_TIMELINE_MARK_REFRESH,
  INFLOW_TIMELINE_MARK_DATA,
  INFLOW_TIMELINE_MARK_FIRST_CUR,
  INFLOW_TIMELINE_MARK_EXPECTED,
  INFLOW_TIMELINE_MARK_NOW,
} InflowTimelineMarkKind;

/**
 * InflowTimelineSpanKind:
 * @INFLOW_TIMELINE_SPAN_AWAITING: the first CUR was awaited (the first 24 h)
 * @INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE: the first CUR was late
 * @INFLOW_TIMELINE_SPAN_LATE: the newest data was 24–48 h old
 * @INFLOW_TIMELINE_SPAN_STALE: 48–72 h old
 * @INFLOW_TIMELINE_SPAN_CRITICAL: over 72 h old
 * @INFLOW_TIMELINE_SPAN_FAILING: Vantage reported an error or a disconnect
 */
typedef enum
{
  INFLOW_TIMELINE_SPAN_AWAITING,
  INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE,
  INFLOW_TIMELINE_SPAN_LATE,
  INFLOW_TIMELINE_SPAN_STALE,
  INFLOW_TIMELINE_SPAN_CRITICAL,
  INFLOW_TIMELINE_SPAN_FAILING,
} InflowTimelineSpanKind;

#define INFLOW_TIMELINE_N_SPAN_KINDS (INFLOW_TIMELINE_SPAN_FAILING + 1)

/**
 * InflowTimelineMark:
 * @at: when, in µs since the Unix epoch
 * @kind: what
 * @text: what, in words, for a tooltip (translated)
 */
typedef struct
{
  gint64                  at;
  InflowTimelineMarkKind  kind;
  char                   *text;
} InflowTimelineMark;

/**
 * InflowTimelineSpan:
 * @start: the beginning, in µs since the Unix epoch
 * @end: the end
 * @kind: what
 */
typedef struct
{
  gint64                  start;
  gint64                  end;
  InflowTimelineSpanKind  kind;
} InflowTimelineSpan;

/**
 * InflowTimelineModel:
 * @start: the left end of the axis, in µs since the Unix epoch
 * @end: the right end
 * @marks: (element-type InflowTimelineMark): the marks, by time
 * @spans: (element-type InflowTimelineSpan): the spans, by kind then time
 * @first_cur_not_before: the last moment the first CUR was known absent,
 *   or -1
 * @description: everything above in words (translated)
 *
 * What a timeline shows, from inflow_timeline_model_build().
 */
typedef struct
{
  gint64  start;
  gint64  end;
  GArray *marks;
  GArray *spans;
  gint64  first_cur_not_before;
  char   *description;
} InflowTimelineModel;

InflowTimelineModel *inflow_timeline_model_build          (const InflowIngestionFacts   *facts,
                                                           const InflowIngestionVerdict *verdict,
                                                           GDateTime                    *now);
void                 inflow_timeline_model_free           (InflowTimelineModel          *model);
const char          *inflow_timeline_span_kind_get_words  (InflowTimelineSpanKind        kind);
const char          *inflow_timeline_span_kind_get_legend (InflowTimelineSpanKind        kind);
gint64               inflow_timeline_usec                 (GDateTime                    *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowTimelineModel, inflow_timeline_model_free)

G_END_DECLS
