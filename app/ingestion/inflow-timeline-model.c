/* inflow-timeline-model.c: the marks and spans of an integration's ingestion timeline
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Inflow knows of one integration over time, since it was connected or
 * over the last 14 days: the connect time, the status changes Vantage
 * reported, each observed refresh (`last_updated`) and each probe that found
 * newer cost data, the first Cost and Usage Report, the time it is expected
 * by, and spans while it was awaited, late or stale, or while the
 * integration was failing. Data ages as the verdict counts it: from the end
 * of the newest cost day.
 */

#define G_LOG_DOMAIN "inflow-ingestion"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"
#include "inflow-timeline-model.h"

#define WINDOW    (14 * G_TIME_SPAN_DAY)
#define MIN_RANGE (6 * G_TIME_SPAN_HOUR)

typedef struct
{
  InflowTimelineModel *model;
  GDateTime           *now;    /* times are said in its zone */
  gint64               now_us;
} Builder;

/**
 * inflow_timeline_usec:
 * @time: a time
 *
 * Returns: @time in µs since the Unix epoch, the unit of the model's times
 */
gint64
inflow_timeline_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static char *
format_when (Builder *builder,
             gint64   usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return inflow_ingestion_format_when (utc, builder->now);
}

static void
mark_clear (gpointer data)
{
  InflowTimelineMark *mark = data;

  g_clear_pointer (&mark->text, g_free);
}

static void
add_mark (Builder                *builder,
          gint64                  at,
          InflowTimelineMarkKind  kind,
          char                   *text)
{
  InflowTimelineMark mark = { at, kind, text };

  g_array_append_val (builder->model->marks, mark);
}

static void
add_span (Builder                *builder,
          gint64                  start,
          gint64                  end,
          InflowTimelineSpanKind  kind)
{
  GArray *spans = builder->model->spans;
  InflowTimelineSpan span = { start, end, kind };

  if (end <= start)
    return;

  /* Join with the previous span of the same kind when they touch. */
  if (spans->len > 0)
    {
      InflowTimelineSpan *last = &g_array_index (spans, InflowTimelineSpan, spans->len - 1);

      if (last->kind == kind && last->end >= start && last->start <= start)
        {
          last->end = MAX (last->end, end);
          return;
        }
    }

  g_array_append_val (spans, span);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const InflowTimelineMark *ma = a;
  const InflowTimelineMark *mb = b;

  return ma->at < mb->at ? -1 : ma->at > mb->at ? 1 : (int) ma->kind - (int) mb->kind;
}

static const char *
status_label (InflowIngestionStatus status)
{
  switch (status)
    {
    case INFLOW_INGESTION_STATUS_PENDING:
      return C_("integration status", "pending");
    case INFLOW_INGESTION_STATUS_IMPORTING:
      return C_("integration status", "importing");
    case INFLOW_INGESTION_STATUS_IMPORTED:
      return C_("integration status", "imported");
    case INFLOW_INGESTION_STATUS_CONNECTED:
      return C_("integration status", "connected");
    case INFLOW_INGESTION_STATUS_ERROR:
      return C_("integration status", "error");
    case INFLOW_INGESTION_STATUS_DISCONNECTED:
      return C_("integration status", "disconnected");
    case INFLOW_INGESTION_STATUS_UNKNOWN:
    default:
      return C_("integration status", "unknown");
    }
}

static gboolean
status_is_failing (InflowIngestionStatus status)
{
  return status == INFLOW_INGESTION_STATUS_ERROR || status == INFLOW_INGESTION_STATUS_DISCONNECTED;
}

/* The end of the newest cost day (UTC midnight after it), with a day's
 * allowance at a month start, as the verdict counts age. */
static gint64
age_origin (GDateTime *newest_cost_date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) through = NULL;
  int y, m, d;

  g_date_time_get_ymd (newest_cost_date, &y, &m, &d);
  day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  through = g_date_time_add_days (day, 1);

  if (g_date_time_get_day_of_month (through) == 1)
    return inflow_timeline_usec (through) + INFLOW_INGESTION_MONTH_START_ALLOWANCE;

  return inflow_timeline_usec (through);
}

static void
add_age_spans (Builder *builder,
               gint64   origin,
               gint64   from,
               gint64   to)
{
  static const struct { GTimeSpan begin; GTimeSpan end; InflowTimelineSpanKind kind; } ages[] = {
    { INFLOW_INGESTION_FRESH_MAX_AGE, INFLOW_INGESTION_LATE_MAX_AGE, INFLOW_TIMELINE_SPAN_LATE },
    { INFLOW_INGESTION_LATE_MAX_AGE, INFLOW_INGESTION_STALE_MAX_AGE, INFLOW_TIMELINE_SPAN_STALE },
    { INFLOW_INGESTION_STALE_MAX_AGE, G_MAXINT64 / 2, INFLOW_TIMELINE_SPAN_CRITICAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    add_span (builder, MAX (from, origin + ages[i].begin), MIN (to, origin + ages[i].end), ages[i].kind);
}

/**
 * inflow_timeline_span_kind_get_words:
 * @kind: a span kind
 *
 * Returns: what the span means, as a phrase: "Cost data late"
 */
const char *
inflow_timeline_span_kind_get_words (InflowTimelineSpanKind kind)
{
  switch (kind)
    {
    case INFLOW_TIMELINE_SPAN_AWAITING:
      return _("Waiting for the first Cost and Usage Report");
    case INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE:
      return _("First Cost and Usage Report late");
    case INFLOW_TIMELINE_SPAN_LATE:
      return _("Cost data late");
    case INFLOW_TIMELINE_SPAN_STALE:
      return _("Cost data stale");
    case INFLOW_TIMELINE_SPAN_CRITICAL:
      return _("Cost data critically old");
    case INFLOW_TIMELINE_SPAN_FAILING:
      return _("Integration failing");
    default:
      return "";
    }
}

/**
 * inflow_timeline_span_kind_get_legend:
 * @kind: a span kind
 *
 * Returns: the span's name in the legend: "Late"
 */
const char *
inflow_timeline_span_kind_get_legend (InflowTimelineSpanKind kind)
{
  switch (kind)
    {
    case INFLOW_TIMELINE_SPAN_AWAITING:
      return C_("timeline legend", "Awaiting first CUR");
    case INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE:
      return C_("timeline legend", "First CUR late");
    case INFLOW_TIMELINE_SPAN_LATE:
      return C_("timeline legend", "Late");
    case INFLOW_TIMELINE_SPAN_STALE:
      return C_("timeline legend", "Stale");
    case INFLOW_TIMELINE_SPAN_CRITICAL:
      return C_("timeline legend", "Critical");
    case INFLOW_TIMELINE_SPAN_FAILING:
      return C_("timeline legend", "Error or disconnected");
    default:
      return "";
    }
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

static char *
describe (Builder                      *builder,
          const InflowIngestionFacts   *facts,
          const InflowIngestionVerdict *verdict)
{
  InflowTimelineModel *model = builder->model;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *start = format_when (builder, model->start);
  guint n_refreshes = 0, n_data = 0;
  gint64 last_refresh = 0, last_data = 0;
  gboolean first_cur_mark = FALSE;

  /* Translators: %s is a time like "Nov 20, 14:20" */
  g_string_append_printf (text, _("Timeline from %s to now."), start);

  for (guint i = 0; i < model->marks->len; i++)
    {
      const InflowTimelineMark *mark = &g_array_index (model->marks, InflowTimelineMark, i);

      switch (mark->kind)
        {
        case INFLOW_TIMELINE_MARK_REFRESH:
          n_refreshes++;
          last_refresh = mark->at;
          break;
        case INFLOW_TIMELINE_MARK_DATA:
          n_data++;
          last_data = mark->at;
          break;
        case INFLOW_TIMELINE_MARK_FIRST_CUR:
          first_cur_mark = TRUE;
          G_GNUC_FALLTHROUGH;
        case INFLOW_TIMELINE_MARK_CONNECTED:
        case INFLOW_TIMELINE_MARK_STATUS:
        case INFLOW_TIMELINE_MARK_EXPECTED:
          {
            g_autofree char *sentence = g_strdup_printf ("%s.", mark->text);

            append_sentence (text, sentence);
          }
          break;
        case INFLOW_TIMELINE_MARK_NOW:
        default:
          break;
        }
    }

  if (inflow_ingestion_is_aws_provider (facts->provider) && !first_cur_mark)
    {
      if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED)
        append_sentence (text, _("The first Cost and Usage Report arrived before Inflow started watching."));
      else if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_AWAITING)
        append_sentence (text, _("No Cost and Usage Report has arrived yet."));
    }

  if (n_refreshes > 0)
    {
      g_autofree char *when = format_when (builder, last_refresh);
      g_autofree char *sentence = NULL;

      /* Translators: %u is a count, %s a time like "14:20 today" */
      sentence = g_strdup_printf (g_dngettext (NULL, "%u update by Vantage observed, the latest %s.",
                                               "%u updates by Vantage observed, the latest %s.", n_refreshes),
                                  n_refreshes, when);
      append_sentence (text, sentence);
    }

  if (n_data > 0)
    {
      g_autofree char *when = format_when (builder, last_data);
      g_autofree char *sentence = NULL;

      /* Translators: %u is a count, %s a time like "14:20 today" */
      sentence = g_strdup_printf (g_dngettext (NULL, "Newer cost data seen %u time, the latest %s.",
                                               "Newer cost data seen %u times, the latest %s.", n_data),
                                  n_data, when);
      append_sentence (text, sentence);
    }

  for (guint i = 0; i < model->spans->len; i++)
    {
      const InflowTimelineSpan *span = &g_array_index (model->spans, InflowTimelineSpan, i);
      g_autofree char *from = format_when (builder, span->start);
      g_autofree char *sentence = NULL;

      if (span->kind == INFLOW_TIMELINE_SPAN_AWAITING)
        continue;

      if (span->end >= builder->now_us)
        /* Translators: the first %s says what, like "Cost data late"; the second is a time */
        sentence = g_strdup_printf (_("%s since %s."), inflow_timeline_span_kind_get_words (span->kind), from);
      else
        {
          g_autofree char *to = format_when (builder, span->end);

          /* Translators: the first %s says what, like "Cost data late"; then two times */
          sentence = g_strdup_printf (_("%s from %s to %s."), inflow_timeline_span_kind_get_words (span->kind),
                                      from, to);
        }
      append_sentence (text, sentence);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The range: since connecting, at most the last 14 days, and far enough
 * ahead to show when the first CUR is expected; a little room either side. */
static void
set_range (Builder                      *builder,
           GDateTime                    *connected_at,
           const InflowIngestionVerdict *verdict)
{
  gint64 start = builder->now_us - WINDOW;
  gint64 end = builder->now_us;
  gint64 range;

  if (connected_at != NULL)
    start = MAX (start, inflow_timeline_usec (connected_at));
  if (verdict->expected_by != NULL)
    end = MAX (end, inflow_timeline_usec (verdict->expected_by));
  if (end - start < MIN_RANGE)
    start = end - MIN_RANGE;

  range = end - start;
  builder->model->start = start - range / 40;
  builder->model->end = end + range / 25;
}

/* Status changes, refreshes and newer data, from the observations; the
 * failing spans between status changes. */
static void
add_observed (Builder                    *builder,
              const InflowIngestionFacts *facts,
              gint64                     *failing_since)
{
  InflowTimelineModel *model = builder->model;
  g_autoptr(GHashTable) refreshes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  InflowIngestionStatus status = INFLOW_INGESTION_STATUS_UNKNOWN;
  gboolean have_status = FALSE, known = FALSE;
  gint64 last_newest = -1;

  for (guint i = 0; i < facts->n_observations; i++)
    {
      const InflowIngestionObservation *obs = &facts->observations[i];
      gint64 at = inflow_timeline_usec (obs->observed_at);

      if (!have_status || obs->status != status)
        {
          if (have_status && at >= model->start)
            {
              g_autofree char *when = format_when (builder, at);

              /* Translators: the first %s is a status like "error", the second a time */
              add_mark (builder, at, INFLOW_TIMELINE_MARK_STATUS,
                        g_strdup_printf (_("Vantage status became “%s”, seen %s"), status_label (obs->status), when));
            }
          if (status_is_failing (obs->status) && *failing_since < 0)
            *failing_since = at;
          else if (!status_is_failing (obs->status) && *failing_since >= 0)
            {
              add_span (builder, *failing_since, at, INFLOW_TIMELINE_SPAN_FAILING);
              *failing_since = -1;
            }
          status = obs->status;
          have_status = TRUE;
        }

      if (obs->last_updated != NULL)
        {
          gint64 updated = inflow_timeline_usec (obs->last_updated);

          known = known || (facts->last_updated != NULL && g_date_time_equal (obs->last_updated, facts->last_updated));
          if (updated >= model->start && updated <= builder->now_us && !g_hash_table_contains (refreshes, &updated))
            {
              g_autofree char *when = format_when (builder, updated);

              g_hash_table_add (refreshes, g_memdup2 (&updated, sizeof updated));
              /* Translators: %s is a time like "14:20 today" */
              add_mark (builder, updated, INFLOW_TIMELINE_MARK_REFRESH,
                        g_strdup_printf (_("Vantage updated the integration %s"), when));
            }
        }

      if (obs->probed && obs->newest_cost_date != NULL)
        {
          gint64 day = inflow_timeline_usec (obs->newest_cost_date);

          if (last_newest >= 0 && day > last_newest && at >= model->start)
            {
              g_autofree char *when = format_when (builder, at);
              g_autofree char *through = inflow_ingestion_format_day (obs->newest_cost_date, builder->now);

              /* Translators: the first %s is a time, the second a day like "Nov 20" */
              add_mark (builder, at, INFLOW_TIMELINE_MARK_DATA,
                        g_strdup_printf (_("Newer cost data seen %s, through %s"), when, through));
            }
          last_newest = MAX (last_newest, day);
        }
    }

  /* Vantage's current last_updated, if no observation has it yet. */
  if (facts->last_updated != NULL && !known)
    {
      gint64 updated = inflow_timeline_usec (facts->last_updated);

      if (updated >= model->start && updated <= builder->now_us)
        {
          g_autofree char *when = format_when (builder, updated);

          /* Translators: %s is a time like "14:20 today" */
          add_mark (builder, updated, INFLOW_TIMELINE_MARK_REFRESH,
                    g_strdup_printf (_("Vantage updated the integration %s"), when));
        }
    }
}

/* Data age, once the first CUR is in: data never goes back, so the age
 * before a probe is at least what that probe found. */
static void
add_data_age (Builder                      *builder,
              const InflowIngestionFacts   *facts,
              const InflowIngestionVerdict *verdict)
{
  gint64 segment_start = builder->model->start;
  gint64 origin = -1;
  gboolean rows = FALSE;

  for (guint i = 0; i < facts->n_observations; i++)
    {
      const InflowIngestionObservation *obs = &facts->observations[i];
      gint64 next_at = builder->now_us;

      if (!obs->probed)
        continue;

      rows = rows || obs->resource_rows_present;
      if (obs->newest_cost_date != NULL)
        origin = MAX (origin, age_origin (obs->newest_cost_date));

      for (guint j = i + 1; j < facts->n_observations; j++)
        {
          if (facts->observations[j].probed)
            {
              next_at = inflow_timeline_usec (facts->observations[j].observed_at);
              break;
            }
        }

      if (rows && origin >= 0)
        add_age_spans (builder, origin, segment_start, next_at);
      segment_start = next_at;
    }

  if (origin < 0 && verdict->newest_cost_date != NULL)
    add_age_spans (builder, age_origin (verdict->newest_cost_date), builder->model->start, builder->now_us);
}

static void
add_first_cur (Builder                      *builder,
               const InflowIngestionVerdict *verdict)
{
  if (verdict->first_cur_at != NULL)
    {
      g_autofree char *when = format_when (builder, inflow_timeline_usec (verdict->first_cur_at));
      g_autofree char *text = NULL;

      if (verdict->first_cur_not_before != NULL)
        {
          g_autofree char *after = format_when (builder, inflow_timeline_usec (verdict->first_cur_not_before));

          /* Translators: both %s are times like "14:20 today" */
          text = g_strdup_printf (_("First Cost and Usage Report seen %s (it arrived after %s)"), when, after);
          builder->model->first_cur_not_before = inflow_timeline_usec (verdict->first_cur_not_before);
        }
      else
        {
          /* Translators: %s is a time like "14:20 today" */
          text = g_strdup_printf (_("First Cost and Usage Report seen %s"), when);
        }
      add_mark (builder, inflow_timeline_usec (verdict->first_cur_at), INFLOW_TIMELINE_MARK_FIRST_CUR,
                g_steal_pointer (&text));
    }

  if (verdict->expected_by != NULL && verdict->cur_state != INFLOW_INGESTION_CUR_STATE_RECEIVED)
    {
      g_autofree char *when = format_when (builder, inflow_timeline_usec (verdict->expected_by));

      /* Translators: %s is a time like "14:20 tomorrow" */
      add_mark (builder, inflow_timeline_usec (verdict->expected_by), INFLOW_TIMELINE_MARK_EXPECTED,
                g_strdup_printf (_("First Cost and Usage Report expected by %s"), when));
    }
}

/**
 * inflow_timeline_model_build:
 * @facts: what the verdict was made of
 * @verdict: the verdict
 * @now: the current time; times are said in its time zone
 *
 * Returns: (transfer full): the timeline
 */
InflowTimelineModel *
inflow_timeline_model_build (const InflowIngestionFacts   *facts,
                             const InflowIngestionVerdict *verdict,
                             GDateTime                    *now)
{
  g_autoptr(InflowTimelineModel) model = g_new0 (InflowTimelineModel, 1);
  Builder builder = { model, now, 0 };
  GDateTime *connected_at;
  gint64 failing_since = -1;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (verdict != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  model->marks = g_array_new (FALSE, TRUE, sizeof (InflowTimelineMark));
  g_array_set_clear_func (model->marks, mark_clear);
  model->spans = g_array_new (FALSE, TRUE, sizeof (InflowTimelineSpan));
  model->first_cur_not_before = -1;
  builder.now_us = inflow_timeline_usec (now);

  connected_at = verdict->connected_at != NULL ? verdict->connected_at : facts->created_at;
  set_range (&builder, connected_at, verdict);

  if (connected_at != NULL && inflow_timeline_usec (connected_at) >= model->start)
    {
      g_autofree char *when = format_when (&builder, inflow_timeline_usec (connected_at));

      /* Translators: %s is a time like "Nov 20, 14:20" */
      add_mark (&builder, inflow_timeline_usec (connected_at), INFLOW_TIMELINE_MARK_CONNECTED,
                g_strdup_printf (_("Connected %s"), when));
    }

  add_observed (&builder, facts, &failing_since);

  /* Failing up to now. */
  if (status_is_failing (facts->status))
    {
      if (failing_since < 0)
        failing_since = verdict->status_since != NULL ? inflow_timeline_usec (verdict->status_since) : model->start;
      add_span (&builder, failing_since, builder.now_us, INFLOW_TIMELINE_SPAN_FAILING);
    }
  else if (failing_since >= 0)
    {
      add_span (&builder, failing_since, builder.now_us, INFLOW_TIMELINE_SPAN_FAILING);
    }

  /* Waiting for the first CUR, and late. */
  if (inflow_ingestion_is_aws_provider (facts->provider) && connected_at != NULL &&
      (verdict->first_cur_at != NULL || verdict->cur_state != INFLOW_INGESTION_CUR_STATE_RECEIVED) &&
      (verdict->phase != INFLOW_INGESTION_PHASE_UNKNOWN || verdict->first_cur_at != NULL ||
       verdict->expected_by != NULL))
    {
      gint64 connected = inflow_timeline_usec (connected_at);
      gint64 arrived = verdict->first_cur_at != NULL ? inflow_timeline_usec (verdict->first_cur_at) : builder.now_us;
      gint64 due = connected + INFLOW_INGESTION_FIRST_CUR_WINDOW;

      add_span (&builder, connected, MIN (arrived, due), INFLOW_TIMELINE_SPAN_AWAITING);
      add_span (&builder, due, arrived, INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE);
    }

  if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED)
    add_data_age (&builder, facts, verdict);

  add_first_cur (&builder, verdict);

  {
    g_autofree char *when = format_when (&builder, builder.now_us);

    /* Translators: %s is a time like "14:20 today" */
    add_mark (&builder, builder.now_us, INFLOW_TIMELINE_MARK_NOW, g_strdup_printf (_("Now, %s"), when));
  }

  g_array_sort (model->marks, compare_marks);
  model->description = describe (&builder, facts, verdict);

  return g_steal_pointer (&model);
}

void
inflow_timeline_model_free (InflowTimelineModel *model)
{
  if (model == NULL)
    return;

  g_clear_pointer (&model->marks, g_array_unref);
  g_clear_pointer (&model->spans, g_array_unref);
  g_clear_pointer (&model->description, g_free);
  g_free (model);
}
