/* inflow-backfill.c: the request to backfill the CUR, and the follow-up to Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-backfill.h"
#include "inflow-console-links.h"
#include "inflow-onboarding-error.h"

/*
 * Vantage processes the current month of the report by itself. For older
 * months the admin asks AWS Support to regenerate the report Vantage reads,
 * a legacy CUR export or a CUR 2.0 export as Data Exports in Billing and
 * Cost Management lists it (its name and bucket, the period, daily
 * granularity in CSV with resource IDs), then asks Vantage support to
 * ingest the result. Inflow writes both messages from the connection's real
 * values.
 */

static char *
format_date (const GDate *date)
{
  char buffer[16];

  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);

  return g_strdup (buffer);
}

static void
date_from_date_time (GDate     *date,
                     GDateTime *date_time)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
}

/**
 * inflow_backfill_validate_dates:
 * @start: the first day to backfill
 * @end: the last day to backfill
 * @now: the current time; its own time zone decides which day "today" is
 *
 * The period must be real dates, start before end, end not after today,
 * and start no more than 36 months before today (the same day of the month,
 * or the month's last day when that month is shorter).
 *
 * Returns: %TRUE when the period can be requested; otherwise @error is
 *   %INFLOW_ONBOARDING_ERROR_INVALID, _DATE_ORDER, _DATE_FUTURE or
 *   _DATE_TOO_OLD with the dates in its message
 */
gboolean
inflow_backfill_validate_dates (const GDate  *start,
                                const GDate  *end,
                                GDateTime    *now,
                                GError      **error)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *earliest_text = NULL;
  GDate today;
  GDate earliest;

  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!g_date_valid (start))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The start date is not a valid date."));
      return FALSE;
    }

  if (!g_date_valid (end))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The end date is not a valid date."));
      return FALSE;
    }

  date_from_date_time (&today, now);
  earliest = today;
  g_date_subtract_months (&earliest, INFLOW_BACKFILL_MAX_MONTHS);

  start_text = format_date (start);
  end_text = format_date (end);
  today_text = format_date (&today);
  earliest_text = format_date (&earliest);

  if (g_date_compare (start, &today) > 0)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_FUTURE,
                   _("The start date, %s, is after today (%s); only past days can be backfilled."),
                   start_text, today_text);
      return FALSE;
    }

  if (g_date_compare (end, &today) > 0)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_FUTURE,
                   _("The end date, %s, is after today (%s); only past days can be backfilled."),
                   end_text, today_text);
      return FALSE;
    }

  if (g_date_compare (start, end) == 0)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_ORDER,
                   _("The start and end dates are both %s; the end date must come after the start date."),
                   start_text);
      return FALSE;
    }

  if (g_date_compare (start, end) > 0)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_ORDER,
                   _("The start date, %s, comes after the end date, %s."),
                   start_text, end_text);
      return FALSE;
    }

  if (g_date_compare (start, &earliest) < 0)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD,
                   _("The start date, %s, is more than 36 months ago; a backfill reaches back to %s at the earliest."),
                   start_text, earliest_text);
      return FALSE;
    }

  return TRUE;
}

/* A name for a one-line field: whitespace runs, line breaks included,
 * become one space, so nothing can add lines or mail headers. */
static char *
single_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  g_string_append_printf (out, "%s %s\n", label, value);
}

static char *
build_mailto (const char *address,
              const char *subject,
              const char *body)
{
  g_autofree char *escaped_subject = g_uri_escape_string (subject, NULL, FALSE);
  g_autofree char *escaped_body = g_uri_escape_string (body, NULL, FALSE);

  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", address, escaped_subject, escaped_body);
}

/**
 * inflow_backfill_request_generate:
 * @input: the report, the bucket, the organization and the period
 * @now: the current time, for the date rules of
 *   inflow_backfill_validate_dates()
 *
 * Returns: (transfer full) (nullable): the AWS Support request and the
 *   follow-up to Vantage support, or %NULL with @error
 */
InflowBackfillRequest *
inflow_backfill_request_generate (const InflowBackfillInput  *input,
                                  GDateTime                  *now,
                                  GError                    **error)
{
  g_autoptr(InflowBackfillRequest) request = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *requester = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *period = NULL;
  const char *signature;
  gboolean cur2;
  GString *body;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  organization = single_line (input->organization);
  if (*organization == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("Enter the organization’s name; AWS Support needs to know who is asking."));
      return NULL;
    }

  if (!inflow_aws_validate_report_name (input->report_name != NULL ? input->report_name : "", error)
      || !inflow_aws_validate_bucket_name (input->bucket_name != NULL ? input->bucket_name : "", error))
    return NULL;

  if (input->account_id != NULL && !inflow_aws_validate_account_id (input->account_id, error))
    return NULL;

  if (!inflow_backfill_validate_dates (&input->start, &input->end, now, error))
    return NULL;

  requester = single_line (input->requester_name);
  signature = *requester != '\0' ? requester : organization;
  start = format_date (&input->start);
  end = format_date (&input->end);
  /* Translators: a date range, e.g. "2024-01-01 to 2024-06-30" */
  period = g_strdup_printf (_("%s to %s"), start, end);

  request = g_new0 (InflowBackfillRequest, 1);

  cur2 = input->cur_kind == INFLOW_CUR_KIND_CUR2;
  request->aws_subject = g_strdup_printf (cur2
                                            /* Translators: %s is the name of a CUR 2.0 export in Data Exports */
                                            ? _("Backfill of the CUR 2.0 data export %s")
                                            /* Translators: %s is the name of a Cost and Usage Report */
                                            : _("Backfill of the Cost and Usage Report %s"),
                                          input->report_name);

  body = g_string_new (NULL);
  g_string_append_printf (body, "%s\n\n", _("Hello AWS Support,"));
  g_string_append_printf (body, cur2
                                  /* Translators: %s is an organization's name */
                                  ? _("%s asks you to backfill one of its existing CUR 2.0 exports in Data Exports for earlier billing periods, so that it holds the historical data.")
                                  : _("%s asks you to regenerate one of its existing Cost and Usage Reports (a legacy CUR export in Data Exports) for earlier billing periods, so that it holds the historical data."),
                          organization);
  g_string_append (body, "\n\n");
  append_field (body, _("Export name:"), input->report_name);
  append_field (body, _("S3 bucket:"), input->bucket_name);
  if (input->account_id != NULL)
    append_field (body, _("Management account:"), input->account_id);
  append_field (body, _("Period:"), period);
  append_field (body, _("Format:"), _("daily granularity, CSV files, with resource IDs"));
  g_string_append_printf (body, "\n%s\n\n",
                          _("Please write the regenerated files to the report’s current S3 location and tell us when the backfill is complete."));
  g_string_append_printf (body, "%s\n%s\n", _("Thank you,"), signature);
  request->aws_body = g_string_free (body, FALSE);

  request->vantage_subject = g_strdup_printf (cur2
                                                /* Translators: %s is the name of a CUR 2.0 export */
                                                ? _("Please ingest our backfilled CUR 2.0 export %s")
                                                /* Translators: %s is the name of a Cost and Usage Report */
                                                : _("Please ingest our backfilled Cost and Usage Report %s"),
                                              input->report_name);

  body = g_string_new (NULL);
  g_string_append_printf (body, "%s\n\n", _("Hello Vantage support,"));
  g_string_append (body, cur2
                           ? _("AWS Support has backfilled our CUR 2.0 export for past months, and the files are now in our bucket. Could you ingest the historical data into Vantage?")
                           : _("AWS Support has regenerated our Cost and Usage Report for past months, and the files are now in our bucket. Could you ingest the historical data into Vantage?"));
  g_string_append (body, "\n\n");
  append_field (body, _("Organization:"), organization);
  append_field (body, _("Export name:"), input->report_name);
  append_field (body, _("S3 bucket:"), input->bucket_name);
  if (input->account_id != NULL)
    append_field (body, _("Management account:"), input->account_id);
  append_field (body, _("Backfilled period:"), period);
  g_string_append_printf (body, "\n%s\n%s\n", _("Thank you,"), signature);
  request->vantage_body = g_string_free (body, FALSE);

  request->vantage_mailto = build_mailto (INFLOW_VANTAGE_SUPPORT_ADDRESS, request->vantage_subject, request->vantage_body);

  return g_steal_pointer (&request);
}

void
inflow_backfill_request_free (InflowBackfillRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->aws_subject);
  g_free (request->aws_body);
  g_free (request->vantage_subject);
  g_free (request->vantage_body);
  g_free (request->vantage_mailto);
  g_free (request);
}
