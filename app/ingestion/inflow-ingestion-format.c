/* inflow-ingestion-format.c: durations, times and cost days in words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-ingestion"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"

/**
 * inflow_ingestion_local_time_zone:
 *
 * The user's time zone, looked up once: GLib's g_time_zone_new_local() and
 * g_date_time_to_local() read /etc/localtime again on every call, which
 * costs more than the rest of an integration's verdict when thousands are
 * evaluated. A change of zone while Inflow runs shows after a restart.
 *
 * Returns: (transfer none): the local time zone
 */
GTimeZone *
inflow_ingestion_local_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_local ());

  return zone;
}

/**
 * inflow_ingestion_format_duration:
 * @span: a length of time; negative counts as zero
 *
 * Rounds down to whole minutes under an hour, whole hours under two days and
 * whole days beyond: "45 minutes", "5 hours", "6 days".
 *
 * Returns: (transfer full): the duration in words
 */
char *
inflow_ingestion_format_duration (GTimeSpan span)
{
  gint64 minutes = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (minutes < 1)
    return g_strdup (_("less than a minute"));

  if (hours < 1)
    return g_strdup_printf (g_dngettext (NULL, "%u minute", "%u minutes", minutes),
                            (guint) minutes);

  if (hours < 48)
    return g_strdup_printf (g_dngettext (NULL, "%u hour", "%u hours", hours),
                            (guint) hours);

  return g_strdup_printf (g_dngettext (NULL, "%u day", "%u days", days),
                          (guint) MIN (days, G_MAXUINT));
}

static int
julian_day (int year,
            int month,
            int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return (int) g_date_get_julian (&date);
}

/**
 * inflow_ingestion_format_when:
 * @time: the moment to show
 * @now: the current time; @time is shown in the time zone of @now
 *
 * The one way Inflow shows a moment: a date without a year never reads as
 * this year's when it is not.
 *
 * Returns: (transfer full): "14:20 today", "14:20 tomorrow", "09:05
 *   yesterday", further away "Nov 20, 14:20", and in another year than
 *   @now "Dec 17, 2025, 02:17"
 */
char *
inflow_ingestion_format_when (GDateTime *time,
                              GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *clock = NULL;
  int y1, m1, d1, y2, m2, d2;
  int days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_timezone (time, g_date_time_get_timezone (now));
  g_date_time_get_ymd (local, &y1, &m1, &d1);
  g_date_time_get_ymd (now, &y2, &m2, &d2);
  days = julian_day (y1, m1, d1) - julian_day (y2, m2, d2);

  /* Translators: a time of day, in g_date_time_format() notation; see
   * https://docs.gtk.org/glib/method.DateTime.format.html */
  clock = g_date_time_format (local, _("%H:%M"));

  switch (days)
    {
    case 0:
      /* Translators: %s is a time of day, like "14:20" */
      return g_strdup_printf (_("%s today"), clock);
    case 1:
      /* Translators: %s is a time of day, like "14:20" */
      return g_strdup_printf (_("%s tomorrow"), clock);
    case -1:
      /* Translators: %s is a time of day, like "14:20" */
      return g_strdup_printf (_("%s yesterday"), clock);
    default:
      if (y1 != y2)
        /* Translators: a date in another year and a time of day, in
         * g_date_time_format() notation, like "Dec 17, 2025, 02:17" */
        return g_date_time_format (local, _("%b %-e, %Y, %H:%M"));

      /* Translators: a date and a time of day, in g_date_time_format()
       * notation, like "Nov 20, 14:20"; %-e is the day without padding */
      return g_date_time_format (local, _("%b %-e, %H:%M"));
    }
}

/**
 * inflow_ingestion_format_date:
 * @time: the moment whose date to show
 * @now: the current time; @time is shown in the time zone of @now
 *
 * Returns: (transfer full): the date alone, "Nov 7", or "Nov 7, 2025" in
 *   another year than @now
 */
char *
inflow_ingestion_format_date (GDateTime *time,
                              GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_timezone (time, g_date_time_get_timezone (now));
  if (g_date_time_get_year (local) != g_date_time_get_year (now))
    /* Translators: a date in another year, in g_date_time_format()
     * notation, like "Nov 7, 2025" */
    return g_date_time_format (local, _("%b %-e, %Y"));

  /* Translators: a date, in g_date_time_format() notation, like "Nov 7";
   * %-e is the day of the month without padding */
  return g_date_time_format (local, _("%b %-e"));
}

/**
 * inflow_ingestion_format_day:
 * @day: a cost day; its calendar date in its own time zone is used
 * @now: the current time, for the year
 *
 * Returns: (transfer full): the day as "Nov 20", or "Nov 20, 2025" in
 *   another year than @now
 */
char *
inflow_ingestion_format_day (GDateTime *day,
                             GDateTime *now)
{
  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (g_date_time_get_year (day) != g_date_time_get_year (now))
    /* Translators: a day in another year, in g_date_time_format()
     * notation, like "Nov 20, 2025" */
    return g_date_time_format (day, _("%b %-e, %Y"));

  /* Translators: a day, in g_date_time_format() notation, like "Nov 20";
   * %-e is the day of the month without padding */
  return g_date_time_format (day, _("%b %-e"));
}

/**
 * inflow_ingestion_days_between:
 * @day: a cost day; its calendar date in its own time zone is used
 * @now: the current time; its calendar date in UTC is used, the zone of
 *   the cost data
 *
 * Returns: whole calendar days from @day to the UTC date of @now; negative
 *   when @day lies after it
 */
int
inflow_ingestion_days_between (GDateTime *day,
                               GDateTime *now)
{
  g_autoptr(GDateTime) now_utc = NULL;
  int y1, m1, d1, y2, m2, d2;

  g_return_val_if_fail (day != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  now_utc = g_date_time_to_utc (now);
  g_date_time_get_ymd (day, &y1, &m1, &d1);
  g_date_time_get_ymd (now_utc, &y2, &m2, &d2);

  return julian_day (y2, m2, d2) - julian_day (y1, m1, d1);
}

/**
 * inflow_ingestion_format_days_old:
 * @day: a cost day
 * @now: the current time
 *
 * Returns: (transfer full): "the current day", "1 day old", "6 days old"
 *   (calendar days in UTC, the zone of the cost data)
 */
char *
inflow_ingestion_format_days_old (GDateTime *day,
                                  GDateTime *now)
{
  int days = inflow_ingestion_days_between (day, now);

  if (days <= 0)
    return g_strdup (_("the current day"));

  return g_strdup_printf (g_dngettext (NULL, "%u day old", "%u days old", days),
                          (guint) days);
}
