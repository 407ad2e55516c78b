/* inflow-sim-json.c: small JSON writers of the Vantage API simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator writes its responses straight into a GString: a page of a
 * thousand integrations is built in well under a millisecond that way. These
 * helpers keep the escaping and the formats (ISO 8601 UTC times, decimal
 * amounts) in one place. Days are counted from 1970-01-01 (day 0), UTC.
 */

#define G_LOG_DOMAIN "inflow-sim"

#include "config.h"

#include <string.h>

#include "inflow-sim-json.h"

#define USEC_PER_DAY (G_USEC_PER_SEC * G_GINT64_CONSTANT (86400))
/* g_date_get_julian() of 1970-01-01 */
#define JULIAN_EPOCH 719163

/* Writes @value as a JSON string, or null when @value is NULL. Control
 * characters, quotes and backslashes are escaped; other UTF-8 passes as is. */
void
inflow_sim_json_string (GString    *out,
                        const char *value)
{
  static const char hex[] = "0123456789abcdef";

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[*p >> 4]);
              g_string_append_c (out, hex[*p & 0xf]);
            }
          else
            {
              g_string_append_c (out, (char) *p);
            }
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* "2024-07-30T15:30:22Z" */
char *
inflow_sim_json_format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 secs = usec / G_USEC_PER_SEC;

  if (usec < 0 && usec % G_USEC_PER_SEC != 0)
    secs--;

  dt = g_date_time_new_from_unix_utc (secs);
  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

void
inflow_sim_json_time (GString *out,
                      gint64   usec)
{
  g_autofree char *text = NULL;

  if (usec == INFLOW_SIM_NO_TIME)
    {
      g_string_append (out, "null");
      return;
    }

  text = inflow_sim_json_format_time (usec);
  g_string_append_printf (out, "\"%s\"", text);
}

/* Amounts are decimal strings with two decimals: "1234.56". */
void
inflow_sim_json_cents (GString *out,
                       gint64   cents)
{
  guint64 abs_cents = cents < 0 ? (guint64) -cents : (guint64) cents;

  g_string_append_printf (out, "\"%s%" G_GUINT64_FORMAT ".%02u\"",
                          cents < 0 ? "-" : "",
                          abs_cents / 100, (guint) (abs_cents % 100));
}

/* "2026-08-05" */
char *
inflow_sim_json_format_day (gint64 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (day + JULIAN_EPOCH));

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date));
}

/* {"errors": ["message"]} */
char *
inflow_sim_json_errors (const char *message)
{
  GString *out = g_string_new ("{\"errors\":[");

  inflow_sim_json_string (out, message);
  g_string_append (out, "]}");

  return g_string_free (out, FALSE);
}

gint64
inflow_sim_day_of (gint64 usec)
{
  gint64 day = usec / USEC_PER_DAY;

  if (usec < 0 && usec % USEC_PER_DAY != 0)
    day--;

  return day;
}

/* Parses "YYYY-MM-DD" (anything after the date, such as a time, is
 * ignored); returns G_MININT64 when @text is not a valid date. */
gint64
inflow_sim_day_parse (const char *text)
{
  guint year, month, day;
  GDate date;

  if (text == NULL || strlen (text) < 10 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) || text[4] != '-' ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]) || text[7] != '-' ||
      !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]))
    return G_MININT64;

  if (text[10] != '\0' && text[10] != 'T' && text[10] != ' ' && text[10] != '+' && text[10] != 'Z')
    return G_MININT64;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return G_MININT64;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return (gint64) g_date_get_julian (&date) - JULIAN_EPOCH;
}

gint64
inflow_sim_day_month_start (gint64 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (day + JULIAN_EPOCH));

  return day - (g_date_get_day (&date) - 1);
}

/* Weeks start on Monday. */
gint64
inflow_sim_day_week_start (gint64 day)
{
  /* 1970-01-01 was a Thursday: day 0 has weekday index 3 (Monday = 0). */
  gint64 weekday = ((day % 7) + 7 + 3) % 7;

  return day - weekday;
}

gint64
inflow_sim_day_quarter_start (gint64 day)
{
  GDate date;
  GDateMonth month;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (day + JULIAN_EPOCH));
  month = g_date_get_month (&date);
  g_date_set_day (&date, 1);
  g_date_set_month (&date, (GDateMonth) (((month - 1) / 3) * 3 + 1));

  return (gint64) g_date_get_julian (&date) - JULIAN_EPOCH;
}
