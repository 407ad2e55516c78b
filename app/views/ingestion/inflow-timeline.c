/* inflow-timeline.c: an integration's ingestion history on a time axis
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-timeline"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"
#include "inflow-timeline.h"

/**
 * InflowTimeline:
 *
 * Draws what Inflow knows of one integration over time, since it was
 * connected or over the last 14 days: the connect time, the status changes
 * Vantage reported, each observed refresh (`last_updated`) and each probe
 * that found newer cost data, the first Cost and Usage Report, the time it
 * is expected by, and shaded spans while it was awaited, late or stale.
 *
 * Colours come from the style (light and dark); at narrow widths the axis
 * gets fewer labels. The accessible description says the same in words,
 * and each marker has a tooltip.
 */

#define WINDOW            (14 * G_TIME_SPAN_DAY)
#define MIN_RANGE         (6 * G_TIME_SPAN_HOUR)
#define PAD_X             10.f
#define LABEL_ROW_HEIGHT  18.f
#define BAND_TOP          22.f
#define BAND_HEIGHT       54.f
#define AXIS_Y            (BAND_TOP + BAND_HEIGHT)
#define TICK_LABEL_TOP    (AXIS_Y + 5.f)
#define LEGEND_TOP        (AXIS_Y + 28.f)
#define LEGEND_ROW_HEIGHT 20.f
#define LEGEND_SWATCH     10.f
#define HIT_DISTANCE      7.0

typedef enum
{
  MARK_CONNECTED,
  MARK_STATUS,
  MARK_REFRESH,
  MARK_DATA,
  MARK_FIRST_CUR,
  MARK_EXPECTED,
  MARK_NOW,
} MarkKind;

typedef struct
{
  gint64    at;      /* µs since the epoch */
  MarkKind  kind;
  char     *text;
} Mark;

typedef enum
{
  SPAN_AWAITING,
  SPAN_FIRST_CUR_LATE,
  SPAN_LATE,
  SPAN_STALE,
  SPAN_CRITICAL,
  SPAN_FAILING,
  N_SPAN_KINDS
} SpanKind;

typedef struct
{
  gint64   start;
  gint64   end;
  SpanKind kind;
} Span;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA success;
  GdkRGBA warning;
  GdkRGBA error;
} Colors;

struct _InflowTimeline
{
  GtkWidget            parent_instance;

  InflowIngestionItem *item;
  GSignalGroup        *item_signals;
  GDateTime           *now;

  gint64               start;
  gint64               end;
  GArray              *marks;    /* Mark, by time */
  GArray              *spans;    /* Span */
  char                *description;
};

G_DEFINE_FINAL_TYPE (InflowTimeline, inflow_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
to_usec (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static GDateTime *
from_usec (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_to_local (utc);
}

static char *
format_when (InflowTimeline *self,
             gint64          usec)
{
  g_autoptr(GDateTime) time = from_usec (usec);
  g_autoptr(GDateTime) now = g_date_time_to_local (self->now);

  return inflow_ingestion_format_when (time, now);
}

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_clear_pointer (&mark->text, g_free);
}

static void
add_mark (InflowTimeline *self,
          gint64          at,
          MarkKind        kind,
          char           *text)
{
  Mark mark = { at, kind, text };

  g_array_append_val (self->marks, mark);
}

static void
add_span (InflowTimeline *self,
          gint64          start,
          gint64          end,
          SpanKind        kind)
{
  Span span = { start, end, kind };

  if (end <= start)
    return;

  /* Join with the previous span of the same kind when they touch. */
  if (self->spans->len > 0)
    {
      Span *last = &g_array_index (self->spans, Span, self->spans->len - 1);

      if (last->kind == kind && last->end >= start && last->start <= start)
        {
          last->end = MAX (last->end, end);
          return;
        }
    }

  g_array_append_val (self->spans, span);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *ma = a;
  const Mark *mb = b;

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
    return to_usec (through) + INFLOW_INGESTION_MONTH_START_ALLOWANCE;

  return to_usec (through);
}

static void
add_age_spans (InflowTimeline *self,
               gint64          origin,
               gint64          from,
               gint64          to)
{
  static const struct { GTimeSpan begin; GTimeSpan end; SpanKind kind; } ages[] = {
    { INFLOW_INGESTION_FRESH_MAX_AGE, INFLOW_INGESTION_LATE_MAX_AGE, SPAN_LATE },
    { INFLOW_INGESTION_LATE_MAX_AGE, INFLOW_INGESTION_STALE_MAX_AGE, SPAN_STALE },
    { INFLOW_INGESTION_STALE_MAX_AGE, G_MAXINT64 / 2, SPAN_CRITICAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    add_span (self, MAX (from, origin + ages[i].begin), MIN (to, origin + ages[i].end), ages[i].kind);
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

static const char *
span_kind_words (SpanKind kind)
{
  switch (kind)
    {
    case SPAN_AWAITING:
      return _("Waiting for the first Cost and Usage Report");
    case SPAN_FIRST_CUR_LATE:
      return _("First Cost and Usage Report late");
    case SPAN_LATE:
      return _("Cost data late");
    case SPAN_STALE:
      return _("Cost data stale");
    case SPAN_CRITICAL:
      return _("Cost data critically old");
    case SPAN_FAILING:
      return _("Integration failing");
    case N_SPAN_KINDS:
    default:
      return "";
    }
}

static const char *
span_kind_legend (SpanKind kind)
{
  switch (kind)
    {
    case SPAN_AWAITING:
      return C_("timeline legend", "Awaiting first CUR");
    case SPAN_FIRST_CUR_LATE:
      return C_("timeline legend", "First CUR late");
    case SPAN_LATE:
      return C_("timeline legend", "Late");
    case SPAN_STALE:
      return C_("timeline legend", "Stale");
    case SPAN_CRITICAL:
      return C_("timeline legend", "Critical");
    case SPAN_FAILING:
      return C_("timeline legend", "Error or disconnected");
    case N_SPAN_KINDS:
    default:
      return "";
    }
}

static void
update_description (InflowTimeline *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (self->item);
  g_autofree char *start = format_when (self, self->start);
  guint n_refreshes = 0, n_data = 0;
  gint64 last_refresh = 0, last_data = 0;
  gboolean first_cur_mark = FALSE;

  /* Translators: %s is a time like "Nov 20, 14:20" */
  g_string_append_printf (text, _("Timeline from %s to now."), start);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      switch (mark->kind)
        {
        case MARK_REFRESH:
          n_refreshes++;
          last_refresh = mark->at;
          break;
        case MARK_DATA:
          n_data++;
          last_data = mark->at;
          break;
        case MARK_FIRST_CUR:
          first_cur_mark = TRUE;
          G_GNUC_FALLTHROUGH;
        case MARK_CONNECTED:
        case MARK_STATUS:
        case MARK_EXPECTED:
          {
            g_autofree char *sentence = g_strdup_printf ("%s.", mark->text);

            append_sentence (text, sentence);
          }
          break;
        case MARK_NOW:
        default:
          break;
        }
    }

  if (verdict != NULL && inflow_ingestion_item_get_tracked (self->item) && !first_cur_mark)
    {
      if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED)
        append_sentence (text, _("The first Cost and Usage Report arrived before Inflow started watching."));
      else if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_AWAITING)
        append_sentence (text, _("No Cost and Usage Report has arrived yet."));
    }

  if (n_refreshes > 0)
    {
      g_autofree char *when = format_when (self, last_refresh);
      g_autofree char *sentence = NULL;

      /* Translators: %u is a count, %s a time like "14:20 today" */
      sentence = g_strdup_printf (g_dngettext (NULL, "%u update by Vantage observed, the latest %s.",
                                               "%u updates by Vantage observed, the latest %s.", n_refreshes),
                                  n_refreshes, when);
      append_sentence (text, sentence);
    }

  if (n_data > 0)
    {
      g_autofree char *when = format_when (self, last_data);
      g_autofree char *sentence = NULL;

      /* Translators: %u is a count, %s a time like "14:20 today" */
      sentence = g_strdup_printf (g_dngettext (NULL, "Newer cost data seen %u time, the latest %s.",
                                               "Newer cost data seen %u times, the latest %s.", n_data),
                                  n_data, when);
      append_sentence (text, sentence);
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      g_autofree char *from = format_when (self, span->start);
      g_autofree char *sentence = NULL;

      if (span->kind == SPAN_AWAITING)
        continue;

      if (span->end >= to_usec (self->now))
        /* Translators: the first %s says what, like "Cost data late"; the second is a time */
        sentence = g_strdup_printf (_("%s since %s."), span_kind_words (span->kind), from);
      else
        {
          g_autofree char *to = format_when (self, span->end);

          /* Translators: the first %s says what, like "Cost data late"; then two times */
          sentence = g_strdup_printf (_("%s from %s to %s."), span_kind_words (span->kind), from, to);
        }
      append_sentence (text, sentence);
    }

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
}

static void
rebuild (InflowTimeline *self)
{
  const InflowIngestionVerdict *verdict;
  const InflowIngestionObservation *observations;
  InflowIntegration *integration;
  g_autoptr(GHashTable) refreshes = NULL;
  GDateTime *connected_at;
  GDateTime *last_updated;
  gint64 now, start, end, range, origin = -1, first_rows = -1;
  InflowIngestionStatus status = INFLOW_INGESTION_STATUS_UNKNOWN;
  gint64 failing_since = -1, last_newest = -1;
  gboolean have_status = FALSE;
  guint n = 0;

  g_array_set_size (self->marks, 0);
  g_array_set_size (self->spans, 0);

  if (self->item == NULL || self->now == NULL || inflow_ingestion_item_get_verdict (self->item) == NULL)
    {
      g_free (self->description);
      self->description = g_strdup (_("No integration selected."));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->description, -1);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  verdict = inflow_ingestion_item_get_verdict (self->item);
  integration = inflow_ingestion_item_get_integration (self->item);
  observations = inflow_ingestion_item_get_observations (self->item, &n);
  connected_at = verdict->connected_at != NULL ? verdict->connected_at
                                               : inflow_integration_get_created_at (integration);
  now = to_usec (self->now);

  /* The range: since connecting, at most the last 14 days, and far enough
   * ahead to show when the first CUR is expected. */
  start = now - WINDOW;
  if (connected_at != NULL)
    start = MAX (start, to_usec (connected_at));
  end = now;
  if (verdict->expected_by != NULL)
    end = MAX (end, to_usec (verdict->expected_by));
  if (end - start < MIN_RANGE)
    start = end - MIN_RANGE;
  range = end - start;
  self->start = start - range / 40;
  self->end = end + range / 25;

  /* Connected */
  if (connected_at != NULL && to_usec (connected_at) >= self->start)
    {
      g_autofree char *when = format_when (self, to_usec (connected_at));

      /* Translators: %s is a time like "Nov 20, 14:20" */
      add_mark (self, to_usec (connected_at), MARK_CONNECTED, g_strdup_printf (_("Connected %s"), when));
    }

  /* Status changes, refreshes and newer data, from the observations. */
  refreshes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      const InflowIngestionObservation *obs = &observations[i];
      gint64 at = to_usec (obs->observed_at);

      if (!have_status || obs->status != status)
        {
          if (have_status && at >= self->start)
            {
              g_autofree char *when = format_when (self, at);

              /* Translators: the first %s is a status like "error", the second a time */
              add_mark (self, at, MARK_STATUS,
                        g_strdup_printf (_("Vantage status became “%s”, seen %s"), status_label (obs->status), when));
            }
          if (status_is_failing (obs->status) && failing_since < 0)
            failing_since = at;
          else if (!status_is_failing (obs->status) && failing_since >= 0)
            {
              add_span (self, failing_since, at, SPAN_FAILING);
              failing_since = -1;
            }
          status = obs->status;
          have_status = TRUE;
        }

      if (obs->last_updated != NULL)
        {
          gint64 updated = to_usec (obs->last_updated);

          if (updated >= self->start && updated <= now && !g_hash_table_contains (refreshes, &updated))
            {
              g_autofree char *when = format_when (self, updated);

              g_hash_table_add (refreshes, g_memdup2 (&updated, sizeof updated));
              /* Translators: %s is a time like "14:20 today" */
              add_mark (self, updated, MARK_REFRESH, g_strdup_printf (_("Vantage updated the integration %s"), when));
            }
        }

      if (obs->probed)
        {
          if (obs->resource_rows_present && first_rows < 0)
            first_rows = at;

          if (obs->newest_cost_date != NULL)
            {
              gint64 day = to_usec (obs->newest_cost_date);

              if (last_newest >= 0 && day > last_newest && at >= self->start)
                {
                  g_autofree char *when = format_when (self, at);
                  g_autofree char *through = inflow_ingestion_format_day (obs->newest_cost_date, self->now);

                  /* Translators: the first %s is a time, the second a day like "Nov 20" */
                  add_mark (self, at, MARK_DATA,
                            g_strdup_printf (_("Newer cost data seen %s, through %s"), when, through));
                }
              if (day > last_newest)
                last_newest = day;
            }
        }
    }

  /* Vantage's current last_updated, if no observation has it yet. */
  last_updated = inflow_integration_get_last_updated (integration);
  if (last_updated != NULL)
    {
      gint64 updated = to_usec (last_updated);
      gboolean known = FALSE;

      for (guint i = 0; i < n && !known; i++)
        known = observations[i].last_updated != NULL && g_date_time_equal (observations[i].last_updated, last_updated);

      if (!known && updated >= self->start && updated <= now)
        {
          g_autofree char *when = format_when (self, updated);

          /* Translators: %s is a time like "14:20 today" */
          add_mark (self, updated, MARK_REFRESH, g_strdup_printf (_("Vantage updated the integration %s"), when));
        }
    }

  /* Failing status up to now. */
  if (status_is_failing (inflow_ingestion_status_from_string (inflow_integration_get_status_string (integration))))
    {
      gint64 since = failing_since;

      if (since < 0)
        since = verdict->status_since != NULL ? to_usec (verdict->status_since) : self->start;
      add_span (self, since, now, SPAN_FAILING);
    }
  else if (failing_since >= 0)
    {
      add_span (self, failing_since, now, SPAN_FAILING);
    }

  /* Waiting for the first CUR, and late. */
  if (inflow_ingestion_item_get_tracked (self->item) && connected_at != NULL &&
      (verdict->first_cur_at != NULL || verdict->cur_state != INFLOW_INGESTION_CUR_STATE_RECEIVED))
    {
      gint64 connected = to_usec (connected_at);
      gint64 arrived = verdict->first_cur_at != NULL ? to_usec (verdict->first_cur_at) : now;
      gint64 due = connected + INFLOW_INGESTION_FIRST_CUR_WINDOW;

      if (verdict->phase != INFLOW_INGESTION_PHASE_UNKNOWN || verdict->first_cur_at != NULL ||
          verdict->expected_by != NULL)
        {
          add_span (self, connected, MIN (arrived, due), SPAN_AWAITING);
          add_span (self, due, arrived, SPAN_FIRST_CUR_LATE);
        }
    }

  /* Data age, once the first CUR is in: data never goes back, so the age
   * before a probe is at least what that probe found. */
  if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED)
    {
      gint64 segment_start = self->start;
      gboolean rows = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const InflowIngestionObservation *obs = &observations[i];
          gint64 next_at = now;

          if (!obs->probed)
            continue;

          rows = rows || obs->resource_rows_present;
          if (obs->newest_cost_date != NULL)
            origin = MAX (origin, age_origin (obs->newest_cost_date));

          for (guint j = i + 1; j < n; j++)
            {
              if (observations[j].probed)
                {
                  next_at = to_usec (observations[j].observed_at);
                  break;
                }
            }

          if (rows && origin >= 0)
            add_age_spans (self, origin, segment_start, next_at);
          segment_start = next_at;
        }

      if (origin < 0 && verdict->newest_cost_date != NULL)
        add_age_spans (self, age_origin (verdict->newest_cost_date), self->start, now);
    }

  /* The first CUR */
  if (verdict->first_cur_at != NULL)
    {
      g_autofree char *when = format_when (self, to_usec (verdict->first_cur_at));
      g_autofree char *text = NULL;

      if (verdict->first_cur_not_before != NULL)
        {
          g_autofree char *after = format_when (self, to_usec (verdict->first_cur_not_before));

          /* Translators: both %s are times like "14:20 today" */
          text = g_strdup_printf (_("First Cost and Usage Report seen %s (it arrived after %s)"), when, after);
        }
      else
        {
          /* Translators: %s is a time like "14:20 today" */
          text = g_strdup_printf (_("First Cost and Usage Report seen %s"), when);
        }
      add_mark (self, to_usec (verdict->first_cur_at), MARK_FIRST_CUR, g_steal_pointer (&text));
    }

  if (verdict->expected_by != NULL && verdict->cur_state != INFLOW_INGESTION_CUR_STATE_RECEIVED)
    {
      g_autofree char *when = format_when (self, to_usec (verdict->expected_by));

      /* Translators: %s is a time like "14:20 tomorrow" */
      add_mark (self, to_usec (verdict->expected_by), MARK_EXPECTED,
                g_strdup_printf (_("First Cost and Usage Report expected by %s"), when));
    }

  {
    g_autofree char *when = format_when (self, now);

    /* Translators: %s is a time like "14:20 today" */
    add_mark (self, now, MARK_NOW, g_strdup_printf (_("Now, %s"), when));
  }

  g_array_sort (self->marks, compare_marks);
  update_description (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ---- drawing ---------------------------------------------------------------- */

static void
get_colors (InflowTimeline *self,
            Colors         *colors)
{
  static const struct { const char *name; const char *light; const char *dark; gsize offset; } named[] = {
    { "accent_color", "#1c71d8", "#78aeed", G_STRUCT_OFFSET (Colors, accent) },
    { "success_color", "#1b8553", "#8ff0a4", G_STRUCT_OFFSET (Colors, success) },
    { "warning_color", "#9c6e03", "#f8e45c", G_STRUCT_OFFSET (Colors, warning) },
    { "error_color", "#c01c28", "#ff7b63", G_STRUCT_OFFSET (Colors, error) },
  };
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkStyleContext *context;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &colors->fg);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      GdkRGBA *color = G_STRUCT_MEMBER_P (colors, named[i].offset);

      if (!gtk_style_context_lookup_color (context, named[i].name, color))
        gdk_rgba_parse (color, dark ? named[i].dark : named[i].light);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      float          alpha,
      float          x,
      float          y,
      float          width,
      float          height)
{
  GdkRGBA c = with_alpha (color, alpha);

  gtk_snapshot_append_color (snapshot, &c, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
fill_circle (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          cx,
             float          cy,
             float          radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rounded.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
ring (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      float          cx,
      float          cy,
      float          radius,
      float          width)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

static void
diamond (GtkSnapshot   *snapshot,
         const GdkRGBA *color,
         float          cx,
         float          cy,
         float          size)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));
  gtk_snapshot_rotate (snapshot, 45.f);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-size / 2, -size / 2, size, size));
  gtk_snapshot_restore (snapshot);
}

static void
dashed_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          x,
             float          top,
             float          bottom)
{
  for (float y = top; y < bottom; y += 6.f)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x - 0.75f, y, 1.5f, MIN (3.f, bottom - y)));
}

static PangoLayout *
make_layout (InflowTimeline *self,
             const char     *text,
             gboolean        bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             float          x,
             float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static float
x_of (InflowTimeline *self,
      gint64          at,
      float           width)
{
  double fraction = (double) (at - self->start) / (double) MAX (self->end - self->start, 1);

  return PAD_X + (float) (fraction * (width - 2 * PAD_X));
}

static const GdkRGBA *
span_color (SpanKind       kind,
            const Colors  *colors,
            float         *alpha)
{
  switch (kind)
    {
    case SPAN_AWAITING:
      *alpha = 0.16f;
      return &colors->accent;
    case SPAN_FIRST_CUR_LATE:
    case SPAN_LATE:
      *alpha = 0.22f;
      return &colors->warning;
    case SPAN_STALE:
      *alpha = 0.20f;
      return &colors->error;
    case SPAN_CRITICAL:
      *alpha = 0.34f;
      return &colors->error;
    case SPAN_FAILING:
      *alpha = 0.5f;
      return &colors->error;
    case N_SPAN_KINDS:
    default:
      *alpha = 0.f;
      return &colors->fg;
    }
}

/* Tick spacing: the smallest step whose labels fit. */
static GTimeSpan
tick_step (InflowTimeline *self,
           float           width,
           gboolean       *by_day)
{
  static const GTimeSpan steps[] = {
    G_TIME_SPAN_HOUR, 2 * G_TIME_SPAN_HOUR, 3 * G_TIME_SPAN_HOUR, 6 * G_TIME_SPAN_HOUR,
    12 * G_TIME_SPAN_HOUR, G_TIME_SPAN_DAY, 2 * G_TIME_SPAN_DAY, 7 * G_TIME_SPAN_DAY,
  };
  double usable = MAX (width - 2 * PAD_X, 1.f);
  double per_usec = usable / (double) MAX (self->end - self->start, 1);
  g_autoptr(GDateTime) sample = g_date_time_new_local (2026, 12, 30, 23, 59, 0);
  /* Translators: see "%b %-e" and "%H:%M" in the timeline axis context */
  g_autofree char *day_text = g_date_time_format (sample, C_("timeline axis", "%b %-e"));
  g_autofree char *time_text = g_date_time_format (sample, C_("timeline axis", "%H:%M"));
  g_autoptr(PangoLayout) day_layout = make_layout (self, day_text, FALSE);
  g_autoptr(PangoLayout) time_layout = make_layout (self, time_text, FALSE);
  int day_width, time_width;

  /* Room for the widest label and a gap: fewer labels when narrow. */
  pango_layout_get_pixel_size (day_layout, &day_width, NULL);
  pango_layout_get_pixel_size (time_layout, &time_width, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      *by_day = steps[i] >= G_TIME_SPAN_DAY;
      if (steps[i] * per_usec >= MAX (day_width, time_width) + 16)
        return steps[i];
    }

  *by_day = TRUE;
  return 14 * G_TIME_SPAN_DAY;
}

/* The first tick at or after the range start, on a local boundary. */
static gint64
first_tick (InflowTimeline *self,
            GTimeSpan       step)
{
  g_autoptr(GDateTime) start = from_usec (self->start);
  g_autoptr(GDateTime) base = NULL;
  gint64 at;

  /* Local midnight, then whole steps: hours and days line up. */
  base = g_date_time_new_local (g_date_time_get_year (start), g_date_time_get_month (start),
                                g_date_time_get_day_of_month (start), 0, 0, 0);

  at = to_usec (base);
  while (at < self->start)
    at += step;

  return at;
}

static guint
legend_kinds (InflowTimeline *self,
              gboolean        present[N_SPAN_KINDS])
{
  guint n = 0;

  memset (present, 0, sizeof (gboolean) * N_SPAN_KINDS);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      if (!present[span->kind])
        n++;
      present[span->kind] = TRUE;
    }

  return n;
}

typedef struct
{
  const char *text;
  int         kind;   /* a SpanKind, or -1 for refresh ticks, -2 for new data */
} LegendEntry;

/* Lays out the legend in rows for @width; returns the number of rows. */
static guint
layout_legend (InflowTimeline *self,
               float           width,
               GArray         *entries,
               GArray         *positions)
{
  gboolean present[N_SPAN_KINDS];
  gboolean refreshes = FALSE, data = FALSE;
  float x = PAD_X;
  guint rows = 0;

  legend_kinds (self, present);
  for (guint i = 0; i < N_SPAN_KINDS; i++)
    {
      if (present[i])
        {
          LegendEntry entry = { span_kind_legend (i), (int) i };

          g_array_append_val (entries, entry);
        }
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      refreshes = refreshes || mark->kind == MARK_REFRESH;
      data = data || mark->kind == MARK_DATA;
    }
  if (refreshes)
    {
      LegendEntry entry = { C_("timeline legend", "Vantage update"), -1 };

      g_array_append_val (entries, entry);
    }
  if (data)
    {
      LegendEntry entry = { C_("timeline legend", "Newer data seen"), -2 };

      g_array_append_val (entries, entry);
    }

  if (entries->len > 0)
    rows = 1;

  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *entry = &g_array_index (entries, LegendEntry, i);
      g_autoptr(PangoLayout) layout = make_layout (self, entry->text, FALSE);
      int text_width;
      float entry_width;
      graphene_point_t position;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      entry_width = LEGEND_SWATCH + 6.f + text_width;

      if (x > PAD_X && x + entry_width > width - PAD_X)
        {
          x = PAD_X;
          rows++;
        }

      position.x = x;
      position.y = LEGEND_TOP + (rows - 1) * LEGEND_ROW_HEIGHT;
      g_array_append_val (positions, position);
      x += entry_width + 16.f;
    }

  return rows;
}

static void
inflow_timeline_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  InflowTimeline *self = INFLOW_TIMELINE (widget);
  float width = gtk_widget_get_width (widget);
  g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (float) * 2);
  static const MarkKind labelled[] = { MARK_NOW, MARK_FIRST_CUR, MARK_EXPECTED, MARK_CONNECTED };
  float mid = BAND_TOP + BAND_HEIGHT / 2;
  gboolean by_day;
  GTimeSpan step;
  Colors colors;
  GdkRGBA dim, faint;

  if (self->item == NULL || self->now == NULL || self->end <= self->start)
    return;

  get_colors (self, &colors);
  dim = with_alpha (&colors.fg, 0.55f);
  faint = with_alpha (&colors.fg, 0.10f);

  /* The band and the spans */
  fill (snapshot, &colors.fg, 0.04f, PAD_X, BAND_TOP, width - 2 * PAD_X, BAND_HEIGHT);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      float x1 = x_of (self, MAX (span->start, self->start), width);
      float x2 = x_of (self, MIN (span->end, self->end), width);
      float alpha;
      const GdkRGBA *color = span_color (span->kind, &colors, &alpha);

      if (x2 <= x1)
        continue;
      if (span->kind == SPAN_FAILING)
        fill (snapshot, color, alpha, x1, BAND_TOP, x2 - x1, 4.f);
      else
        fill (snapshot, color, alpha, x1, BAND_TOP, x2 - x1, BAND_HEIGHT);
    }

  /* Grid and tick labels */
  step = tick_step (self, width, &by_day);
  for (gint64 at = first_tick (self, step); at <= self->end; at += step)
    {
      g_autoptr(GDateTime) time = from_usec (at);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      float x = x_of (self, at, width);
      int text_width;

      fill (snapshot, &colors.fg, 0.08f, x - 0.5f, BAND_TOP, 1.f, BAND_HEIGHT);

      if (by_day || (g_date_time_get_hour (time) == 0 && g_date_time_get_minute (time) == 0))
        /* Translators: a day on the timeline axis, in g_date_time_format() notation, like "Nov 20" */
        text = g_date_time_format (time, C_("timeline axis", "%b %-e"));
      else
        /* Translators: a time of day on the timeline axis, in g_date_time_format() notation */
        text = g_date_time_format (time, C_("timeline axis", "%H:%M"));

      layout = make_layout (self, text, FALSE);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (x - text_width / 2.f >= 0 && x + text_width / 2.f <= width)
        draw_layout (snapshot, layout, &dim, x - text_width / 2.f, TICK_LABEL_TOP);
    }

  /* The axis */
  fill (snapshot, &colors.fg, 0.35f, PAD_X, AXIS_Y - 1.f, width - 2 * PAD_X, 1.f);

  /* Markers */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      float x = x_of (self, mark->at, width);

      switch (mark->kind)
        {
        case MARK_REFRESH:
          fill (snapshot, &dim, 1.f, x - 1.f, AXIS_Y - 12.f, 2.f, 11.f);
          break;
        case MARK_DATA:
          fill_circle (snapshot, &colors.success, x, AXIS_Y - 18.f, 3.5f);
          break;
        case MARK_STATUS:
          diamond (snapshot, &colors.fg, x, mid - 6.f, 9.f);
          break;
        case MARK_CONNECTED:
          fill (snapshot, &colors.fg, 0.8f, x - 1.f, BAND_TOP - 4.f, 2.f, BAND_HEIGHT + 4.f);
          fill_circle (snapshot, &colors.fg, x, BAND_TOP - 4.f, 3.f);
          break;
        case MARK_EXPECTED:
          dashed_line (snapshot, &colors.accent, x, BAND_TOP - 4.f, AXIS_Y);
          break;
        case MARK_FIRST_CUR:
          {
            GdkRGBA halo = with_alpha (&colors.success, 0.25f);
            const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (self->item);

            /* When it arrived: after the last probe that saw none */
            if (verdict != NULL && verdict->first_cur_not_before != NULL)
              {
                float from = x_of (self, MAX (to_usec (verdict->first_cur_not_before), self->start), width);

                fill (snapshot, &colors.success, 0.55f, from, AXIS_Y - 4.f, MAX (x - from, 1.f), 3.f);
              }

            fill (snapshot, &colors.success, 0.9f, x - 1.f, BAND_TOP - 4.f, 2.f, BAND_HEIGHT + 4.f);
            fill_circle (snapshot, &halo, x, mid, 10.f);
            fill_circle (snapshot, &colors.success, x, mid, 6.f);
            ring (snapshot, &colors.fg, x, mid, 6.f, 1.f);
          }
          break;
        case MARK_NOW:
          fill (snapshot, &colors.fg, 1.f, x - 1.f, BAND_TOP - 4.f, 2.f, BAND_HEIGHT + 8.f);
          break;
        default:
          break;
        }
    }

  /* Labels above the band, most important first, never overlapping. */
  for (guint k = 0; k < G_N_ELEMENTS (labelled); k++)
    {
      for (guint i = 0; i < self->marks->len; i++)
        {
          const Mark *mark = &g_array_index (self->marks, Mark, i);
          const char *text;
          const GdkRGBA *color = &colors.fg;
          g_autoptr(PangoLayout) layout = NULL;
          float x = x_of (self, mark->at, width);
          float left, span[2];
          gboolean overlaps = FALSE;
          int text_width;

          if (mark->kind != labelled[k])
            continue;

          switch (mark->kind)
            {
            case MARK_NOW:
              text = C_("timeline marker", "Now");
              break;
            case MARK_FIRST_CUR:
              text = C_("timeline marker", "First CUR");
              color = &colors.success;
              break;
            case MARK_EXPECTED:
              text = C_("timeline marker", "Expected by");
              color = &colors.accent;
              break;
            case MARK_CONNECTED:
            case MARK_STATUS:
            case MARK_REFRESH:
            case MARK_DATA:
            default:
              text = C_("timeline marker", "Connected");
              break;
            }

          layout = make_layout (self, text, TRUE);
          pango_layout_get_pixel_size (layout, &text_width, NULL);
          left = CLAMP (x - text_width / 2.f, 0.f, MAX (width - text_width, 0.f));
          span[0] = left - 4.f;
          span[1] = left + text_width + 4.f;

          for (guint j = 0; j < placed->len && !overlaps; j++)
            {
              const float *other = &g_array_index (placed, float, 2 * j);

              overlaps = span[0] < other[1] && other[0] < span[1];
            }
          if (overlaps)
            continue;

          g_array_append_vals (placed, span, 1);
          draw_layout (snapshot, layout, color, left, 0.f);
        }
    }

  /* The legend */
  layout_legend (self, width, legend, positions);
  for (guint i = 0; i < legend->len; i++)
    {
      const LegendEntry *entry = &g_array_index (legend, LegendEntry, i);
      const graphene_point_t *position = &g_array_index (positions, graphene_point_t, i);
      g_autoptr(PangoLayout) layout = make_layout (self, entry->text, FALSE);
      float swatch_y = position->y + 3.f;
      int text_height;

      pango_layout_get_pixel_size (layout, NULL, &text_height);
      swatch_y = position->y + (text_height - LEGEND_SWATCH) / 2.f;

      if (entry->kind >= 0)
        {
          float alpha;
          const GdkRGBA *color = span_color (entry->kind, &colors, &alpha);

          fill (snapshot, &faint, 1.f, position->x, swatch_y, LEGEND_SWATCH, LEGEND_SWATCH);
          fill (snapshot, color, MIN (alpha * 1.6f, 1.f), position->x, swatch_y, LEGEND_SWATCH, LEGEND_SWATCH);
        }
      else if (entry->kind == -1)
        {
          fill (snapshot, &dim, 1.f, position->x + LEGEND_SWATCH / 2 - 1.f, swatch_y, 2.f, LEGEND_SWATCH);
        }
      else
        {
          fill_circle (snapshot, &colors.success, position->x + LEGEND_SWATCH / 2,
                       swatch_y + LEGEND_SWATCH / 2, 3.5f);
        }

      draw_layout (snapshot, layout, &dim, position->x + LEGEND_SWATCH + 6.f, position->y);
    }
}

static GtkSizeRequestMode
inflow_timeline_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
inflow_timeline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  InflowTimeline *self = INFLOW_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 220;
      *natural = 560;
    }
  else
    {
      g_autoptr(GArray) legend = g_array_new (FALSE, FALSE, sizeof (LegendEntry));
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
      guint rows = layout_legend (self, for_size > 0 ? for_size : 560, legend, positions);

      *minimum = *natural = (int) (LEGEND_TOP + rows * LEGEND_ROW_HEIGHT);
    }
}

static gboolean
inflow_timeline_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  InflowTimeline *self = INFLOW_TIMELINE (widget);
  float width = gtk_widget_get_width (widget);
  const Mark *best = NULL;
  double best_distance = HIT_DISTANCE;
  g_autoptr(GString) text = NULL;

  if (keyboard_tooltip)
    {
      gtk_tooltip_set_text (tooltip, self->description);
      return self->description != NULL;
    }

  if (y > AXIS_Y + 4.f || self->now == NULL)
    return FALSE;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      double distance = ABS (x_of (self, mark->at, width) - x);

      if (distance <= best_distance)
        {
          best = mark;
          best_distance = distance;
        }
    }

  if (best == NULL)
    {
      /* Inside a span: say what it is. */
      for (guint i = 0; i < self->spans->len; i++)
        {
          const Span *span = &g_array_index (self->spans, Span, i);

          if (x >= x_of (self, span->start, width) && x <= x_of (self, span->end, width) && y >= BAND_TOP)
            {
              gtk_tooltip_set_text (tooltip, span_kind_words (span->kind));
              return TRUE;
            }
        }
      return FALSE;
    }

  /* Markers at the same place share the tooltip. */
  text = g_string_new (NULL);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      if (ABS (x_of (self, mark->at, width) - x_of (self, best->at, width)) <= 2.0)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, mark->text);
        }
    }

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* ---- object --------------------------------------------------------------- */

static void
item_changed_cb (InflowTimeline      *self,
                 GParamSpec          *pspec,
                 InflowIngestionItem *item)
{
  rebuild (self);
}

static void
style_changed_cb (InflowTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
inflow_timeline_dispose (GObject *object)
{
  InflowTimeline *self = INFLOW_TIMELINE (object);

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (inflow_timeline_parent_class)->dispose (object);
}

static void
inflow_timeline_finalize (GObject *object)
{
  InflowTimeline *self = INFLOW_TIMELINE (object);

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (inflow_timeline_parent_class)->finalize (object);
}

static void
inflow_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  InflowTimeline *self = INFLOW_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_timeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  InflowTimeline *self = INFLOW_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      inflow_timeline_set_item (self, g_value_get_object (value));
      break;
    case PROP_NOW:
      inflow_timeline_set_now (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_timeline_class_init (InflowTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_timeline_dispose;
  object_class->finalize = inflow_timeline_finalize;
  object_class->get_property = inflow_timeline_get_property;
  object_class->set_property = inflow_timeline_set_property;

  widget_class->snapshot = inflow_timeline_snapshot;
  widget_class->measure = inflow_timeline_measure;
  widget_class->get_request_mode = inflow_timeline_get_request_mode;
  widget_class->query_tooltip = inflow_timeline_query_tooltip;

  /**
   * InflowTimeline:item:
   *
   * The integration shown (followed as it changes).
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, INFLOW_TYPE_INGESTION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowTimeline:now:
   *
   * The server's "now": the right end of the history.
   */
  properties[PROP_NOW] =
    g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "inflowtimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
inflow_timeline_init (InflowTimeline *self)
{
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);
  self->spans = g_array_new (FALSE, TRUE, sizeof (Span));

  self->item_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify::verdict",
                                 G_CALLBACK (item_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ingestion timeline"),
                                  -1);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * inflow_timeline_new:
 *
 * Returns: (transfer floating): an empty timeline
 */
GtkWidget *
inflow_timeline_new (void)
{
  return g_object_new (INFLOW_TYPE_TIMELINE, NULL);
}

InflowIngestionItem *
inflow_timeline_get_item (InflowTimeline *self)
{
  g_return_val_if_fail (INFLOW_IS_TIMELINE (self), NULL);

  return self->item;
}

/**
 * inflow_timeline_set_item:
 * @self: a timeline
 * @item: (nullable): the integration to show
 */
void
inflow_timeline_set_item (InflowTimeline      *self,
                          InflowIngestionItem *item)
{
  g_return_if_fail (INFLOW_IS_TIMELINE (self));
  g_return_if_fail (item == NULL || INFLOW_IS_INGESTION_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

GDateTime *
inflow_timeline_get_now (InflowTimeline *self)
{
  g_return_val_if_fail (INFLOW_IS_TIMELINE (self), NULL);

  return self->now;
}

/**
 * inflow_timeline_set_now:
 * @self: a timeline
 * @now: (nullable): the server's current time
 */
void
inflow_timeline_set_now (InflowTimeline *self,
                         GDateTime      *now)
{
  g_return_if_fail (INFLOW_IS_TIMELINE (self));

  if (self->now == now || (self->now != NULL && now != NULL && g_date_time_equal (self->now, now)))
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

/**
 * inflow_timeline_get_description:
 * @self: a timeline
 *
 * Returns: what the timeline shows, in words (its accessible description)
 */
const char *
inflow_timeline_get_description (InflowTimeline *self)
{
  g_return_val_if_fail (INFLOW_IS_TIMELINE (self), NULL);

  return self->description;
}

guint
inflow_timeline_get_n_markers (InflowTimeline *self)
{
  g_return_val_if_fail (INFLOW_IS_TIMELINE (self), 0);

  return self->marks->len;
}
