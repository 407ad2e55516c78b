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
#include "inflow-timeline-model.h"

/**
 * InflowTimeline:
 *
 * Draws an integration's #InflowTimelineModel: what Inflow knows of it
 * over time, with shaded spans while the first Cost and Usage Report was
 * awaited, the data late or stale, or the integration failing.
 *
 * Colours come from the style (light and dark); at narrow widths the axis
 * gets fewer labels. The accessible description says the same in words,
 * and each marker has a tooltip.
 */

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

  InflowTimelineModel *model;      /* NULL while there is nothing to show */
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

static GDateTime *
from_usec (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_to_local (utc);
}

static void
rebuild (InflowTimeline *self)
{
  const InflowIngestionVerdict *verdict = NULL;

  g_clear_pointer (&self->model, inflow_timeline_model_free);
  g_clear_pointer (&self->description, g_free);

  if (self->item != NULL)
    verdict = inflow_ingestion_item_get_verdict (self->item);

  if (verdict != NULL && self->now != NULL)
    {
      g_autoptr(GDateTime) local_now = g_date_time_to_local (self->now);
      InflowIngestionFacts facts;

      inflow_ingestion_item_get_facts (self->item, &facts);
      self->model = inflow_timeline_model_build (&facts, verdict, local_now);
      self->description = g_strdup (self->model->description);
    }
  else
    {
      self->description = g_strdup (_("No integration selected."));
    }

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
  double fraction = (double) (at - self->model->start) / (double) MAX (self->model->end - self->model->start, 1);

  return PAD_X + (float) (fraction * (width - 2 * PAD_X));
}

static const GdkRGBA *
span_color (InflowTimelineSpanKind       kind,
            const Colors  *colors,
            float         *alpha)
{
  switch (kind)
    {
    case INFLOW_TIMELINE_SPAN_AWAITING:
      *alpha = 0.16f;
      return &colors->accent;
    case INFLOW_TIMELINE_SPAN_FIRST_CUR_LATE:
    case INFLOW_TIMELINE_SPAN_LATE:
      *alpha = 0.22f;
      return &colors->warning;
    case INFLOW_TIMELINE_SPAN_STALE:
      *alpha = 0.20f;
      return &colors->error;
    case INFLOW_TIMELINE_SPAN_CRITICAL:
      *alpha = 0.34f;
      return &colors->error;
    case INFLOW_TIMELINE_SPAN_FAILING:
      *alpha = 0.5f;
      return &colors->error;
    default:
      *alpha = 0.f;
      return &colors->fg;
    }
}

/* Tick spacing: the smallest step whose labels fit. */
/* A day on the axis: "Nov 20", with the year when it is not the year of
 * the axis' end (the first days of January show December's) */
static char *
day_label (InflowTimeline *self,
           GDateTime      *day)
{
  g_autoptr(GDateTime) end = from_usec (self->model->end);

  return inflow_ingestion_format_date (day, end);
}

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
  double per_usec = usable / (double) MAX (self->model->end - self->model->start, 1);
  g_autoptr(GDateTime) start = from_usec (self->model->start);
  g_autoptr(GDateTime) sample = g_date_time_new_local (g_date_time_get_year (start), 12, 30, 23, 59, 0);
  g_autofree char *day_text = day_label (self, sample);
  /* Translators: see "%H:%M" in the timeline axis context */
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
  g_autoptr(GDateTime) start = from_usec (self->model->start);
  g_autoptr(GDateTime) base = NULL;
  gint64 at;

  /* Local midnight, then whole steps: hours and days line up. */
  base = g_date_time_new_local (g_date_time_get_year (start), g_date_time_get_month (start),
                                g_date_time_get_day_of_month (start), 0, 0, 0);

  at = inflow_timeline_usec (base);
  while (at < self->model->start)
    at += step;

  return at;
}

static void
legend_kinds (InflowTimeline *self,
              gboolean        present[INFLOW_TIMELINE_N_SPAN_KINDS])
{
  memset (present, 0, sizeof (gboolean) * INFLOW_TIMELINE_N_SPAN_KINDS);
  for (guint i = 0; i < self->model->spans->len; i++)
    present[g_array_index (self->model->spans, InflowTimelineSpan, i).kind] = TRUE;
}

typedef struct
{
  const char *text;
  int         kind;   /* an InflowTimelineSpanKind, or -1 for refresh ticks, -2 for new data */
} LegendEntry;

/* Lays out the legend in rows for @width; returns the number of rows. */
static guint
layout_legend (InflowTimeline *self,
               float           width,
               GArray         *entries,
               GArray         *positions)
{
  gboolean present[INFLOW_TIMELINE_N_SPAN_KINDS];
  gboolean refreshes = FALSE, data = FALSE;
  float x = PAD_X;
  guint rows = 0;

  if (self->model == NULL)
    return 0;

  legend_kinds (self, present);
  for (guint i = 0; i < INFLOW_TIMELINE_N_SPAN_KINDS; i++)
    {
      if (present[i])
        {
          LegendEntry entry = { inflow_timeline_span_kind_get_legend (i), (int) i };

          g_array_append_val (entries, entry);
        }
    }

  for (guint i = 0; i < self->model->marks->len; i++)
    {
      const InflowTimelineMark *mark = &g_array_index (self->model->marks, InflowTimelineMark, i);

      refreshes = refreshes || mark->kind == INFLOW_TIMELINE_MARK_REFRESH;
      data = data || mark->kind == INFLOW_TIMELINE_MARK_DATA;
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
  static const InflowTimelineMarkKind labelled[] = { INFLOW_TIMELINE_MARK_NOW, INFLOW_TIMELINE_MARK_FIRST_CUR, INFLOW_TIMELINE_MARK_EXPECTED, INFLOW_TIMELINE_MARK_CONNECTED };
  float mid = BAND_TOP + BAND_HEIGHT / 2;
  gboolean by_day;
  GTimeSpan step;
  Colors colors;
  GdkRGBA dim, faint;

  if (self->model == NULL || self->model->end <= self->model->start)
    return;

  get_colors (self, &colors);
  dim = with_alpha (&colors.fg, 0.55f);
  faint = with_alpha (&colors.fg, 0.10f);

  /* The band and the spans */
  fill (snapshot, &colors.fg, 0.04f, PAD_X, BAND_TOP, width - 2 * PAD_X, BAND_HEIGHT);
  for (guint i = 0; i < self->model->spans->len; i++)
    {
      const InflowTimelineSpan *span = &g_array_index (self->model->spans, InflowTimelineSpan, i);
      float x1 = x_of (self, MAX (span->start, self->model->start), width);
      float x2 = x_of (self, MIN (span->end, self->model->end), width);
      float alpha;
      const GdkRGBA *color = span_color (span->kind, &colors, &alpha);

      if (x2 <= x1)
        continue;
      if (span->kind == INFLOW_TIMELINE_SPAN_FAILING)
        fill (snapshot, color, alpha, x1, BAND_TOP, x2 - x1, 4.f);
      else
        fill (snapshot, color, alpha, x1, BAND_TOP, x2 - x1, BAND_HEIGHT);
    }

  /* Grid and tick labels */
  step = tick_step (self, width, &by_day);
  for (gint64 at = first_tick (self, step); at <= self->model->end; at += step)
    {
      g_autoptr(GDateTime) time = from_usec (at);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      float x = x_of (self, at, width);
      int text_width;

      fill (snapshot, &colors.fg, 0.08f, x - 0.5f, BAND_TOP, 1.f, BAND_HEIGHT);

      if (by_day || (g_date_time_get_hour (time) == 0 && g_date_time_get_minute (time) == 0))
        text = day_label (self, time);
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
  for (guint i = 0; i < self->model->marks->len; i++)
    {
      const InflowTimelineMark *mark = &g_array_index (self->model->marks, InflowTimelineMark, i);
      float x = x_of (self, mark->at, width);

      switch (mark->kind)
        {
        case INFLOW_TIMELINE_MARK_REFRESH:
          fill (snapshot, &dim, 1.f, x - 1.f, AXIS_Y - 12.f, 2.f, 11.f);
          break;
        case INFLOW_TIMELINE_MARK_DATA:
          fill_circle (snapshot, &colors.success, x, AXIS_Y - 18.f, 3.5f);
          break;
        case INFLOW_TIMELINE_MARK_STATUS:
          diamond (snapshot, &colors.fg, x, mid - 6.f, 9.f);
          break;
        case INFLOW_TIMELINE_MARK_CONNECTED:
          fill (snapshot, &colors.fg, 0.8f, x - 1.f, BAND_TOP - 4.f, 2.f, BAND_HEIGHT + 4.f);
          fill_circle (snapshot, &colors.fg, x, BAND_TOP - 4.f, 3.f);
          break;
        case INFLOW_TIMELINE_MARK_EXPECTED:
          dashed_line (snapshot, &colors.accent, x, BAND_TOP - 4.f, AXIS_Y);
          break;
        case INFLOW_TIMELINE_MARK_FIRST_CUR:
          {
            GdkRGBA halo = with_alpha (&colors.success, 0.25f);
            /* When it arrived: after the last probe that saw none */
            if (self->model->first_cur_not_before >= 0)
              {
                float from = x_of (self, MAX (self->model->first_cur_not_before, self->model->start), width);

                fill (snapshot, &colors.success, 0.55f, from, AXIS_Y - 4.f, MAX (x - from, 1.f), 3.f);
              }

            fill (snapshot, &colors.success, 0.9f, x - 1.f, BAND_TOP - 4.f, 2.f, BAND_HEIGHT + 4.f);
            fill_circle (snapshot, &halo, x, mid, 10.f);
            fill_circle (snapshot, &colors.success, x, mid, 6.f);
            ring (snapshot, &colors.fg, x, mid, 6.f, 1.f);
          }
          break;
        case INFLOW_TIMELINE_MARK_NOW:
          fill (snapshot, &colors.fg, 1.f, x - 1.f, BAND_TOP - 4.f, 2.f, BAND_HEIGHT + 8.f);
          break;
        default:
          break;
        }
    }

  /* Labels above the band, most important first, never overlapping. */
  for (guint k = 0; k < G_N_ELEMENTS (labelled); k++)
    {
      for (guint i = 0; i < self->model->marks->len; i++)
        {
          const InflowTimelineMark *mark = &g_array_index (self->model->marks, InflowTimelineMark, i);
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
            case INFLOW_TIMELINE_MARK_NOW:
              text = C_("timeline marker", "Now");
              break;
            case INFLOW_TIMELINE_MARK_FIRST_CUR:
              text = C_("timeline marker", "First CUR");
              color = &colors.success;
              break;
            case INFLOW_TIMELINE_MARK_EXPECTED:
              text = C_("timeline marker", "Expected by");
              color = &colors.accent;
              break;
            case INFLOW_TIMELINE_MARK_CONNECTED:
            case INFLOW_TIMELINE_MARK_STATUS:
            case INFLOW_TIMELINE_MARK_REFRESH:
            case INFLOW_TIMELINE_MARK_DATA:
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
  const InflowTimelineMark *best = NULL;
  double best_distance = HIT_DISTANCE;
  g_autoptr(GString) text = NULL;

  if (keyboard_tooltip)
    {
      gtk_tooltip_set_text (tooltip, self->description);
      return self->description != NULL;
    }

  if (y > AXIS_Y + 4.f || self->model == NULL)
    return FALSE;

  for (guint i = 0; i < self->model->marks->len; i++)
    {
      const InflowTimelineMark *mark = &g_array_index (self->model->marks, InflowTimelineMark, i);
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
      for (guint i = 0; i < self->model->spans->len; i++)
        {
          const InflowTimelineSpan *span = &g_array_index (self->model->spans, InflowTimelineSpan, i);

          if (x >= x_of (self, span->start, width) && x <= x_of (self, span->end, width) && y >= BAND_TOP)
            {
              gtk_tooltip_set_text (tooltip, inflow_timeline_span_kind_get_words (span->kind));
              return TRUE;
            }
        }
      return FALSE;
    }

  /* Markers at the same place share the tooltip. */
  text = g_string_new (NULL);
  for (guint i = 0; i < self->model->marks->len; i++)
    {
      const InflowTimelineMark *mark = &g_array_index (self->model->marks, InflowTimelineMark, i);

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
  g_clear_pointer (&self->model, inflow_timeline_model_free);
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

