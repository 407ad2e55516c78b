/* test-backfill.c: the backfill request and its date rules
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "inflow-backfill.h"
#include "inflow-onboarding-error.h"
#include "inflow-test-utils.h"
#include "onboarding-test-support.h"

#define OK (-1)

static GDateTime *
parse_now (const char *iso)
{
  GDateTime *now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);

  return now;
}

static void
set_date (GDate      *date,
          const char *iso)
{
  g_date_clear (date, 1);
  if (iso != NULL)
    {
      guint year, month, day;

      g_assert_cmpint (sscanf (iso, "%u-%u-%u", &year, &month, &day), ==, 3);
      g_assert_true (g_date_valid_dmy (day, month, year));
      g_date_set_dmy (date, day, month, year);
    }
}

static void
test_date_rules (void)
{
  static const struct
  {
    const char *now;
    const char *start;
    const char *end;
    int         code;
    const char *message;
  } cases[] = {
    { "2026-03-31T12:00:00Z", "2025-01-01", "2025-06-30", OK, NULL },
    { "2026-03-31T12:00:00Z", "2026-03-01", "2026-03-31", OK, NULL },
    { "2026-03-31T12:00:00Z", "2025-06-30", "2025-06-30", INFLOW_ONBOARDING_ERROR_DATE_ORDER,
      "The start and end dates are both 2025-06-30" },
    { "2026-03-31T12:00:00Z", "2025-07-01", "2025-06-30", INFLOW_ONBOARDING_ERROR_DATE_ORDER,
      "The start date, 2025-07-01, comes after the end date, 2025-06-30." },
    { "2026-03-31T12:00:00Z", "2026-03-01", "2026-04-01", INFLOW_ONBOARDING_ERROR_DATE_FUTURE,
      "The end date, 2026-04-01, is after today (2026-03-31)" },
    { "2026-03-31T12:00:00Z", "2026-04-02", "2026-04-30", INFLOW_ONBOARDING_ERROR_DATE_FUTURE,
      "The start date, 2026-04-02, is after today (2026-03-31)" },
    { "2026-03-31T12:00:00Z", "2023-03-31", "2023-12-31", OK, NULL },
    { "2026-03-31T12:00:00Z", "2023-03-30", "2023-12-31", INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD,
      "The start date, 2023-03-30, is more than 36 months ago; a backfill reaches back to 2023-03-31 at the earliest." },
    { "2026-03-31T12:00:00Z", "2019-01-01", "2019-02-01", INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD, "2019-01-01" },
    /* Leap years: 36 months before 29 February is the last day of February. */
    { "2024-02-29T08:00:00Z", "2021-02-28", "2021-03-31", OK, NULL },
    { "2024-02-29T08:00:00Z", "2021-02-27", "2021-03-31", INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD,
      "back to 2021-02-28" },
    { "2024-02-29T08:00:00Z", "2024-02-01", "2024-02-29", OK, NULL },
    { "2027-02-28T08:00:00Z", "2024-02-28", "2024-02-29", OK, NULL },
    { "2027-02-28T08:00:00Z", "2024-02-27", "2024-02-29", INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD, "back to 2024-02-28" },
    /* Month ends. */
    { "2026-05-31T08:00:00Z", "2023-05-31", "2023-06-30", OK, NULL },
    { "2026-04-30T08:00:00Z", "2023-04-29", "2023-06-30", INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD, "back to 2023-04-30" },
    /* "Today" is the day in the time zone of "now". */
    { "2026-03-31T23:30:00-05:00", "2026-03-01", "2026-04-01", INFLOW_ONBOARDING_ERROR_DATE_FUTURE,
      "after today (2026-03-31)" },
    { "2026-04-01T00:30:00+02:00", "2026-03-01", "2026-04-01", OK, NULL },
    /* Unset dates. */
    { "2026-03-31T12:00:00Z", NULL, "2026-03-01", INFLOW_ONBOARDING_ERROR_INVALID, "start date is not a valid date" },
    { "2026-03-31T12:00:00Z", "2026-03-01", NULL, INFLOW_ONBOARDING_ERROR_INVALID, "end date is not a valid date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = parse_now (cases[i].now);
      g_autoptr(GError) error = NULL;
      GDate start, end;
      gboolean ok;

      g_test_message ("now %s, %s to %s", cases[i].now, cases[i].start, cases[i].end);
      set_date (&start, cases[i].start);
      set_date (&end, cases[i].end);
      ok = inflow_backfill_validate_dates (&start, &end, now, &error);

      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }

      g_assert_false (ok);
      g_assert_error (error, INFLOW_ONBOARDING_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” lacks “%s”", error->message, cases[i].message);
    }
}

static void
test_request (void)
{
  g_autoptr(GDateTime) now = parse_now ("2026-03-31T12:00:00Z");
  g_autoptr(InflowBackfillRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  InflowBackfillInput input = {
    .organization = "Example Corp\nBcc: someone@example.com",
    .report_name = "VantageReport",
    .bucket_name = TEST_BUCKET,
    .account_id = TEST_ACCOUNT_ID,
    .requester_name = "  Dana   Admin ",
  };
  /* Sentences of the template in Vantage's documentation: the facts are
   * the same, the words are ours. */
  static const char * const seed_sentences[] = {
    "needs help backfilling",
    "per the below requirements",
    "Please backfill the existing",
    "We need historical data for the following period",
    "This should be a daily CSV file",
    "Once the historical data is successfully backfilled",
    "please send us a notification or confirmation",
  };

  set_date (&input.start, "2025-01-01");
  set_date (&input.end, "2025-12-31");

  request = inflow_backfill_request_generate (&input, now, &error);
  g_assert_no_error (error);

  text = g_strdup_printf ("Subject: %s\n\n%s\n----\nSubject: %s\n\n%s\n----\n%s\n",
                          request->aws_subject, request->aws_body,
                          request->vantage_subject, request->vantage_body,
                          request->vantage_mailto);
  test_assert_golden ("backfill-request.txt", text);

  /* The fields the request needs, from the real values. */
  g_assert_nonnull (strstr (request->aws_body, "Example Corp Bcc: someone@example.com"));
  g_assert_nonnull (strstr (request->aws_body, "VantageReport"));
  g_assert_nonnull (strstr (request->aws_body, TEST_BUCKET));
  g_assert_nonnull (strstr (request->aws_body, "2025-01-01 to 2025-12-31"));
  g_assert_nonnull (strstr (request->aws_body, "daily"));
  g_assert_nonnull (strstr (request->aws_body, "CSV"));
  g_assert_nonnull (strstr (request->aws_body, "Dana Admin"));
  g_assert_null (strchr (request->aws_subject, '\n'));
  g_assert_null (strchr (request->vantage_subject, '\n'));
  g_assert_true (g_str_has_prefix (request->vantage_mailto, "mailto:support@vantage.sh?subject="));
  g_assert_null (strpbrk (request->vantage_mailto, " \n\r"));

  for (guint i = 0; i < G_N_ELEMENTS (seed_sentences); i++)
    {
      g_assert_null (strstr (request->aws_body, seed_sentences[i]));
      g_assert_null (strstr (request->vantage_body, seed_sentences[i]));
    }

  /* A CUR 2.0 export is named as Data Exports lists it. */
  g_clear_pointer (&request, inflow_backfill_request_free);
  input.cur_kind = INFLOW_CUR_KIND_CUR2;
  request = inflow_backfill_request_generate (&input, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->aws_subject, ==, "Backfill of the CUR 2.0 data export VantageReport");
  g_assert_nonnull (strstr (request->aws_body, "CUR 2.0 exports in Data Exports"));
  g_assert_nonnull (strstr (request->vantage_subject, "CUR 2.0 export"));
}

static void
test_request_errors (void)
{
  g_autoptr(GDateTime) now = parse_now ("2026-03-31T12:00:00Z");
  g_autoptr(GError) error = NULL;
  InflowBackfillRequest *request;
  InflowBackfillInput input = {
    .organization = " \n ",
    .report_name = "VantageReport",
    .bucket_name = TEST_BUCKET,
  };

  set_date (&input.start, "2025-01-01");
  set_date (&input.end, "2025-12-31");

  request = inflow_backfill_request_generate (&input, now, &error);
  g_assert_null (request);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING);
  g_clear_error (&error);

  input.organization = "Example Corp";
  input.bucket_name = "Bad_Bucket";
  request = inflow_backfill_request_generate (&input, now, &error);
  g_assert_null (request);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID);
  g_clear_error (&error);

  input.bucket_name = TEST_BUCKET;
  set_date (&input.end, "2024-12-31");
  request = inflow_backfill_request_generate (&input, now, &error);
  g_assert_null (request);
  g_assert_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_ORDER);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/backfill/date-rules", test_date_rules);
  g_test_add_func ("/onboarding/backfill/request", test_request);
  g_test_add_func ("/onboarding/backfill/request-errors", test_request_errors);

  return inflow_test_run ();
}
