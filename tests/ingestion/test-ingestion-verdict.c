/* test-ingestion-verdict.c: the phase, its times and its reason, from plain facts
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "inflow-ingestion-format.h"
#include "inflow-ingestion-verdict.h"
#include "inflow-test-utils.h"

#define SKIP_AGE G_MININT64

/* Observations, ";"-separated, each "TIME STATUS PROBE" where PROBE is "x"
 * (not probed), "none:no" (no cost rows), or "DAY:rows" / "DAY:no". */
typedef struct
{
  const char           *name;
  const char           *provider;
  gboolean              govcloud;
  const char           *status;
  const char           *created;
  const char           *last_updated;
  const char           *fetched;
  const char           *probed_at;
  const char           *newest;
  gboolean              rows;
  const char           *observations;
  const char           *now;
  InflowIngestionPhase  phase;
  const char           *expected_by;
  const char           *first_cur_at;
  const char           *as_of;
  gint64                data_age_minutes;   /* -1: unknown; SKIP_AGE: not checked */
  const char           *mentions[4];
  const char           *never_mentions;
} VerdictCase;

#define AWS "aws"
#define NOW "2026-11-26T10:00:00Z"

static const VerdictCase cases[] = {
  /* Pending and importing */
  { "pending/aws", AWS, FALSE, "pending", "2026-11-26T09:50:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_PENDING, "2026-11-27T09:50:00Z", NULL, NOW, -1,
    { "Connected 10 minutes ago", "not validated", "09:50 tomorrow" }, NULL },
  { "pending/over-24h", AWS, FALSE, "pending", "2026-11-25T06:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_PENDING, "2026-11-26T06:00:00Z", NULL, NOW, -1,
    { "Connected 28 hours ago", "it was expected by 06:00 today" }, NULL },
  { "pending/azure", "azure", FALSE, "pending", "2026-11-26T09:50:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_PENDING, NULL, NULL, NOW, -1,
    { "not validated" }, "Cost and Usage Report" },
  { "importing/since", AWS, FALSE, "IMPORTING", "2026-11-26T07:30:00Z", NULL, "2026-11-26T09:55:00Z", NULL, NULL, FALSE,
    "2026-11-26T09:00:00Z importing x;2026-11-26T08:00:00Z importing x;2026-11-26T07:45:00Z pending x", NOW,
    INFLOW_INGESTION_PHASE_IMPORTING, "2026-11-27T07:30:00Z", NULL, "2026-11-26T09:55:00Z", -1,
    { "importing", "since 08:00 today", "07:30 tomorrow" }, NULL },
  { "importing/after-first-cur", AWS, FALSE, "importing", "2026-11-20T07:30:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_IMPORTING, NULL, NULL, NOW, -1,
    { "importing" }, "expected by" },

  /* Awaiting the first CUR, and the 24-hour boundary */
  { "awaiting/never-probed", AWS, FALSE, "connected", "2026-11-26T05:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-27T05:00:00Z", NULL, NOW, -1,
    { "Connected 5 hours ago", "within 24 hours", "expected by 05:00 tomorrow", "not checked" }, NULL },
  { "awaiting/probed-no-rows", AWS, FALSE, "imported", "2026-11-26T05:00:00Z", NULL, NULL,
    "2026-11-26T09:30:00Z", "2026-11-25", FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-27T05:00:00Z", NULL, "2026-11-26T09:30:00Z", -1,
    { "by service only" }, "not checked" },
  { "awaiting/23h59", AWS, FALSE, "connected", "2026-11-25T10:01:00Z", NULL, NULL,
    "2026-11-26T09:30:00Z", NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-26T10:01:00Z", NULL, NULL, -1,
    { "Connected 23 hours ago", "10:01 today" }, NULL },
  { "awaiting/24h00", AWS, FALSE, "connected", "2026-11-25T10:00:00Z", NULL, NULL,
    "2026-11-26T09:30:00Z", NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-26T10:00:00Z", NULL, NULL, -1,
    { "Connected 24 hours ago" }, NULL },
  { "first-cur-late/24h01", AWS, FALSE, "connected", "2026-11-25T09:59:00Z", NULL, NULL,
    "2026-11-26T09:30:00Z", NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FIRST_CUR_LATE, "2026-11-26T09:59:00Z", NULL, "2026-11-26T09:30:00Z", -1,
    { "Connected 24 hours ago", "no Cost and Usage Report has arrived", "expected by 09:59 today", "bucket policy" }, NULL },
  { "first-cur-late/3-days", AWS, FALSE, "imported", "2026-11-23T10:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-25", FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FIRST_CUR_LATE, "2026-11-24T10:00:00Z", NULL, "2026-11-26T09:00:00Z", -1,
    { "Connected 3 days ago", "expected by Nov 24, 10:00" }, NULL },
  { "unknown/never-probed-after-24h", AWS, FALSE, "connected", "2026-11-24T10:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_UNKNOWN, NULL, NULL, NOW, -1,
    { "Connected 2 days ago", "not checked" }, "expected by" },
  { "awaiting/govcloud", AWS, TRUE, "connected", "2026-11-26T05:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-27T05:00:00Z", NULL, NOW, -1,
    { "GovCloud", "Active Resources are not synced", "expected by 05:00 tomorrow" }, NULL },
  { "awaiting/provider-uppercase", "AWS", FALSE, "Connected", "2026-11-26T05:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-27T05:00:00Z", NULL, NOW, -1,
    { "Connected 5 hours ago" }, NULL },
  { "awaiting/probe-only-in-observations", AWS, FALSE, "connected", "2026-11-26T01:00:00Z", NULL, NULL, NULL, NULL, FALSE,
    "2026-11-26T08:00:00Z connected none:no", NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-27T01:00:00Z", NULL, "2026-11-26T08:00:00Z", -1,
    { "Connected 9 hours ago", "by service only" }, "not checked" },

  /* The first CUR: derived from observations */
  { "first-cur/observed-transition", AWS, FALSE, "connected", "2026-11-25T20:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE,
    "2026-11-26T06:00:00Z connected 2026-11-26:rows;2026-11-25T22:00:00Z connected none:no;2026-11-26T03:00:00Z connected none:no",
    NOW, INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, NULL, "2026-11-26T06:00:00Z", "2026-11-26T09:00:00Z", 0,
    { "first seen 06:00 today", "Autopilot", "current month", "Nov 26" }, NULL },
  { "first-cur/news-23h59", AWS, FALSE, "connected", "2026-11-24T12:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE,
    "2026-11-25T09:00:00Z connected none:no;2026-11-25T10:01:00Z connected 2026-11-25:rows", NOW,
    INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, NULL, "2026-11-25T10:01:00Z", NULL, 0,
    { "first seen 10:01 yesterday" }, NULL },
  { "first-cur/news-24h01", AWS, FALSE, "connected", "2026-11-24T12:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE,
    "2026-11-25T09:00:00Z connected none:no;2026-11-25T09:59:00Z connected 2026-11-25:rows", NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, "2026-11-25T09:59:00Z", NULL, 0,
    { "Nov 26" }, "first seen" },
  { "first-cur/old-integration-first-probe", AWS, FALSE, "imported", "2026-03-01T12:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, "2026-11-26T09:00:00Z", 0,
    { "Nov 26, the current day" }, "first seen" },
  { "first-cur/young-integration-first-probe", AWS, FALSE, "connected", "2026-11-25T04:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, NULL, "2026-11-26T09:00:00Z", NULL, 0,
    { "first seen 09:00 today" }, NULL },
  { "first-cur/govcloud", AWS, TRUE, "connected", "2026-11-25T20:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, "2026-11-25T22:00:00Z connected none:no", NOW,
    INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, NULL, "2026-11-26T09:00:00Z", NULL, 0,
    { "GovCloud", "Active Resources are not synced" }, NULL },

  /* Data age: fresh, late, stale, critical, each cutoff ± 1 minute */
  { "fresh/today", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", "2026-11-26T08:00:00Z", NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, "2026-11-26T09:00:00Z", 0,
    { "Nov 26, the current day", "8–12 hours" }, NULL },
  { "fresh/yesterday", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-25", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 10 * 60,
    { "Nov 25, 1 day old" }, NULL },
  { "fresh/23h59", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-25T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-25T23:59:00Z",
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 23 * 60 + 59,
    { "Nov 24" }, NULL },
  { "late/24h00", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-25T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-26T00:00:00Z",
    INFLOW_INGESTION_PHASE_LATE, NULL, NULL, NULL, 24 * 60,
    { "Nov 24, 2 days old" }, NULL },
  { "late/24h01", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-25T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-26T00:01:00Z",
    INFLOW_INGESTION_PHASE_LATE, NULL, NULL, NULL, 24 * 60 + 1,
    { "overdue", "48 hours" }, NULL },
  { "late/47h59", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-26T23:59:00Z",
    INFLOW_INGESTION_PHASE_LATE, NULL, NULL, NULL, 47 * 60 + 59,
    { "Nov 24, 2 days old" }, NULL },
  { "late/48h00", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-27T00:00:00Z",
    INFLOW_INGESTION_PHASE_LATE, NULL, NULL, NULL, 48 * 60,
    { "Nov 24, 3 days old" }, NULL },
  { "stale/48h01", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-27T00:01:00Z",
    INFLOW_INGESTION_PHASE_STALE, NULL, NULL, NULL, 48 * 60 + 1,
    { "more than 48 hours", "Vantage console" }, NULL },
  { "stale/71h59", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-27T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-27T23:59:00Z",
    INFLOW_INGESTION_PHASE_STALE, NULL, NULL, NULL, 71 * 60 + 59,
    { "Nov 24, 3 days old" }, NULL },
  { "stale/72h00", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-27T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-28T00:00:00Z",
    INFLOW_INGESTION_PHASE_STALE, NULL, NULL, NULL, 72 * 60,
    { "Nov 24, 4 days old" }, NULL },
  { "critical/72h01", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-27T20:00:00Z", "2026-11-24", TRUE, NULL, "2026-11-28T00:01:00Z",
    INFLOW_INGESTION_PHASE_CRITICAL, NULL, NULL, NULL, 72 * 60 + 1,
    { "more than 72 hours", "bucket policy" }, NULL },
  { "critical/6-days", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T08:00:00Z", "2026-11-20", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_CRITICAL, NULL, NULL, "2026-11-26T08:00:00Z", (5 * 24 + 10) * 60,
    { "Newest cost data is from Nov 20, 6 days old", "8–12 hours" }, NULL },
  { "fresh/day-in-its-own-zone", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-25T00:00:00+02:00", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 10 * 60,
    { "Nov 25, 1 day old" }, NULL },

  /* Month boundaries */
  { "month/1st-0200", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-12-01T01:00:00Z", "2026-11-30", TRUE, NULL, "2026-12-01T02:00:00Z",
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 0,
    { "Nov 30, 1 day old", "new month began on Dec 1" }, NULL },
  { "month/2nd-2300", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-12-02T20:00:00Z", "2026-11-30", TRUE, NULL, "2026-12-02T23:00:00Z",
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 23 * 60,
    { "Nov 30, 2 days old", "new month" }, NULL },
  { "month/3rd-0001", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-12-02T20:00:00Z", "2026-11-30", TRUE, NULL, "2026-12-03T00:01:00Z",
    INFLOW_INGESTION_PHASE_LATE, NULL, NULL, NULL, 24 * 60 + 1,
    { "new month" }, NULL },
  { "month/real-gap", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-12-01T01:00:00Z", "2026-11-27", TRUE, NULL, "2026-12-01T02:00:00Z",
    INFLOW_INGESTION_PHASE_CRITICAL, NULL, NULL, NULL, (3 * 24 + 2) * 60,
    { "Nov 27, 4 days old" }, "new month" },
  { "month/new-year", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2027-01-01T04:00:00Z", "2026-12-31", TRUE, NULL, "2027-01-01T05:00:00Z",
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 0,
    { "Dec 31", "Jan 1" }, NULL },
  { "month/mid-month-no-allowance", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-16T01:00:00Z", "2026-11-14", TRUE, NULL, "2026-11-16T02:00:00Z",
    INFLOW_INGESTION_PHASE_LATE, NULL, NULL, NULL, 26 * 60,
    { "Nov 14, 2 days old" }, "new month" },
  { "month/first-cur-on-the-1st", AWS, FALSE, "connected", "2026-11-30T23:00:00Z", NULL, NULL,
    "2026-12-01T09:00:00Z", "2026-12-01", TRUE, "2026-12-01T03:00:00Z connected 2026-11-30:no", "2026-12-01T10:00:00Z",
    INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, NULL, "2026-12-01T09:00:00Z", NULL, 0,
    { "current month" }, NULL },

  /* Server clock ahead of or behind: only "now" counts */
  { "clock/behind-probe-in-future", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, "2026-11-26T09:00:00Z",
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, NULL, "2026-11-26T08:00:00Z",
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, "2026-11-26T08:00:00Z", 0,
    { "Nov 26" }, NULL },
  { "clock/ahead-same-facts", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-25", TRUE, NULL, "2026-11-27T10:00:00Z",
    INFLOW_INGESTION_PHASE_LATE, NULL, NULL, NULL, 34 * 60,
    { "Nov 25, 2 days old" }, NULL },
  { "clock/ahead-awaiting-turns-late", AWS, FALSE, "connected", "2026-11-26T05:00:00Z", NULL, NULL,
    "2026-11-26T09:30:00Z", NULL, FALSE, NULL, "2026-11-27T06:00:00Z",
    INFLOW_INGESTION_PHASE_FIRST_CUR_LATE, "2026-11-27T05:00:00Z", NULL, NULL, -1,
    { "Connected 25 hours ago", "05:00 today" }, NULL },
  { "clock/behind-connect", AWS, FALSE, "connected", "2026-11-26T10:30:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "2026-11-27T10:30:00Z", NULL, NOW, -1,
    { "Connected less than a minute ago", "10:30 tomorrow" }, NULL },

  /* Error, disconnected, unknown, missing last_updated */
  { "error/no-last-updated", AWS, FALSE, "error", "2026-01-10T00:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_ERROR, NULL, NULL, NOW, -1,
    { "reports an error", "no update time", "Vantage console" }, "since" },
  { "error/since-observed", AWS, FALSE, "error", "2026-01-10T00:00:00Z", "2026-11-25T18:30:00Z", "2026-11-26T09:50:00Z",
    "2026-11-26T06:30:00Z", "2026-11-26", TRUE,
    "2026-11-26T08:00:00Z error x;2026-11-26T06:00:00Z connected x;2026-11-26T07:00:00Z error x", NOW,
    INFLOW_INGESTION_PHASE_ERROR, NULL, NULL, "2026-11-26T09:50:00Z", SKIP_AGE,
    { "seen since 07:00 today", "last updated the integration 18:30 yesterday" }, "no update time" },
  { "error/newer-than-history", AWS, FALSE, "error", "2026-01-10T00:00:00Z", NULL, "2026-11-26T09:40:00Z", NULL, NULL, FALSE,
    "2026-11-26T08:00:00Z connected x", NOW,
    INFLOW_INGESTION_PHASE_ERROR, NULL, NULL, "2026-11-26T09:40:00Z", -1,
    { "seen since 09:40 today" }, NULL },
  { "fresh/no-last-updated", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 0,
    { "Nov 26" }, "update time" },
  { "disconnected/plain", AWS, FALSE, "disconnected", "2026-01-10T00:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_DISCONNECTED, NULL, NULL, NOW, -1,
    { "disconnected", "no new cost data" }, NULL },
  { "disconnected/since", AWS, FALSE, "disconnected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-20T09:00:00Z", "2026-11-20", TRUE,
    "2026-11-24T10:00:00Z disconnected x;2026-11-23T10:00:00Z connected x", NOW,
    INFLOW_INGESTION_PHASE_DISCONNECTED, NULL, NULL, NOW, SKIP_AGE,
    { "seen since Nov 24, 10:00" }, NULL },
  { "unknown/status", AWS, FALSE, "frobnicating", "2026-01-10T00:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_UNKNOWN, NULL, NULL, NOW, -1,
    { "status Inflow does not know", "no update time" }, NULL },
  { "unknown/not-aws", "gcp", FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_UNKNOWN, NULL, NULL, NOW, -1,
    { "AWS integrations only" }, NULL },
  { "unknown/no-provider", NULL, FALSE, "connected", "2026-11-26T05:00:00Z", NULL, NULL, NULL, NULL, FALSE, NULL, NOW,
    INFLOW_INGESTION_PHASE_UNKNOWN, NULL, NULL, NOW, -1,
    { "AWS integrations only" }, NULL },
  { "unknown/rows-but-no-date", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", NULL, TRUE, NULL, NOW,
    INFLOW_INGESTION_PHASE_UNKNOWN, NULL, NULL, NULL, -1,
    { "no cost date" }, NULL },

  /* Observations out of order, and probes with narrower windows */
  { "order/shuffled-newest", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL, NULL, NULL, FALSE,
    "2026-11-25T21:00:00Z connected 2026-11-25:rows;2026-11-24T09:00:00Z connected 2026-11-23:rows;"
    "2026-11-26T01:00:00Z connected x;2026-11-25T09:00:00Z connected 2026-11-24:rows", NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, "2026-11-25T21:00:00Z", 10 * 60,
    { "Nov 25, 1 day old" }, NULL },
  { "order/latest-probe-narrower", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", NULL, TRUE, "2026-11-25T12:00:00Z connected 2026-11-25:rows", NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, "2026-11-26T09:00:00Z", 10 * 60,
    { "Nov 25" }, NULL },
  { "order/late-probe-recovers", AWS, FALSE, "connected", "2026-01-10T00:00:00Z", NULL, NULL,
    "2026-11-26T09:00:00Z", "2026-11-26", TRUE,
    "2026-11-24T12:00:00Z connected 2026-11-21:rows;2026-11-22T12:00:00Z connected 2026-11-21:rows", NOW,
    INFLOW_INGESTION_PHASE_FRESH, NULL, NULL, NULL, 0,
    { "Nov 26" }, "first seen" },
};

static GDateTime *
parse_time (const char *text)
{
  GDateTime *time;

  if (text == NULL)
    return NULL;

  if (strchr (text, 'T') == NULL)
    {
      int y, m, d;

      g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &d), ==, 3);
      return g_date_time_new_utc (y, m, d, 0, 0, 0);
    }

  time = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (time);

  return time;
}

static void
assert_time (GDateTime  *actual,
             const char *expected,
             const char *what,
             const char *name)
{
  g_autoptr(GDateTime) want = parse_time (expected);

  if (want == NULL && actual == NULL)
    return;

  if (want == NULL || actual == NULL || !g_date_time_equal (want, actual))
    {
      g_autofree char *got = actual != NULL ? g_date_time_format_iso8601 (actual) : g_strdup ("(null)");

      g_error ("%s: %s is %s, expected %s", name, what, got, expected != NULL ? expected : "(null)");
    }
}

/* Holds what the observations point to. */
typedef struct
{
  GArray    *observations;
  GPtrArray *times;
} ObservationList;

static void
observation_list_clear (ObservationList *list)
{
  g_clear_pointer (&list->observations, g_array_unref);
  g_clear_pointer (&list->times, g_ptr_array_unref);
}

static void
parse_observations (const char      *text,
                    ObservationList *list)
{
  g_auto(GStrv) items = NULL;

  list->observations = g_array_new (FALSE, TRUE, sizeof (InflowIngestionObservation));
  list->times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  if (text == NULL)
    return;

  items = g_strsplit (text, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (items[i], " ", -1);
      InflowIngestionObservation obs = { 0, };

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      obs.observed_at = parse_time (fields[0]);
      g_ptr_array_add (list->times, obs.observed_at);
      obs.status = inflow_ingestion_status_from_string (fields[1]);

      if (g_strcmp0 (fields[2], "x") != 0)
        {
          g_auto(GStrv) probe = g_strsplit (fields[2], ":", 2);

          obs.probed = TRUE;
          if (g_strcmp0 (probe[0], "none") != 0)
            {
              obs.newest_cost_date = parse_time (probe[0]);
              g_ptr_array_add (list->times, obs.newest_cost_date);
            }
          obs.resource_rows_present = g_strcmp0 (probe[1], "rows") == 0;
        }
      g_array_append_val (list->observations, obs);
    }
}

static InflowIngestionVerdict *
evaluate_case (const VerdictCase *c,
               const char        *now_text)
{
  g_autoptr(GDateTime) created = parse_time (c->created);
  g_autoptr(GDateTime) last_updated = parse_time (c->last_updated);
  g_autoptr(GDateTime) fetched = parse_time (c->fetched);
  g_autoptr(GDateTime) probed_at = parse_time (c->probed_at);
  g_autoptr(GDateTime) newest = parse_time (c->newest);
  g_autoptr(GDateTime) now = parse_time (now_text);
  ObservationList list = { 0, };
  InflowIngestionFacts facts = { 0, };
  InflowIngestionVerdict *verdict;

  parse_observations (c->observations, &list);

  facts.provider = c->provider;
  facts.is_govcloud = c->govcloud;
  facts.status = inflow_ingestion_status_from_string (c->status);
  facts.created_at = created;
  facts.last_updated = last_updated;
  facts.fetched_at = fetched;
  facts.observations = (const InflowIngestionObservation *) (void *) list.observations->data;
  facts.n_observations = list.observations->len;
  facts.probe.probed_at = probed_at;
  facts.probe.newest_cost_date = newest;
  facts.probe.resource_rows_present = c->rows;

  verdict = inflow_ingestion_verdict_evaluate (&facts, now);
  observation_list_clear (&list);

  return verdict;
}

static void
test_verdict_case (gconstpointer data)
{
  const VerdictCase *c = data;
  g_autoptr(InflowIngestionVerdict) verdict = evaluate_case (c, c->now);
  g_autoptr(InflowIngestionVerdict) copy = NULL;

  g_test_message ("%s: %s: %s", c->name,
                  inflow_ingestion_phase_get_label (verdict->phase), verdict->reason);

  if (verdict->phase != c->phase)
    g_error ("%s: phase %s, expected %s (%s)", c->name,
             g_enum_get_value (g_type_class_peek (INFLOW_TYPE_INGESTION_PHASE), verdict->phase)->value_nick,
             g_enum_get_value (g_type_class_peek (INFLOW_TYPE_INGESTION_PHASE), c->phase)->value_nick,
             verdict->reason);

  assert_time (verdict->expected_by, c->expected_by, "expected_by", c->name);
  assert_time (verdict->first_cur_at, c->first_cur_at, "first_cur_at", c->name);
  if (c->as_of != NULL)
    assert_time (verdict->as_of, c->as_of, "as_of", c->name);
  g_assert_nonnull (verdict->as_of);

  if (c->data_age_minutes == -1)
    g_assert_cmpint (verdict->data_age, ==, -1);
  else if (c->data_age_minutes != SKIP_AGE)
    g_assert_cmpint (verdict->data_age, ==, c->data_age_minutes * G_TIME_SPAN_MINUTE);

  g_assert_nonnull (verdict->reason);
  g_assert_cmpstr (verdict->reason, !=, "");
  for (guint i = 0; i < G_N_ELEMENTS (c->mentions) && c->mentions[i] != NULL; i++)
    {
      if (strstr (verdict->reason, c->mentions[i]) == NULL)
        g_error ("%s: reason \"%s\" does not mention \"%s\"", c->name, verdict->reason, c->mentions[i]);
    }
  if (c->never_mentions != NULL && strstr (verdict->reason, c->never_mentions) != NULL)
    g_error ("%s: reason \"%s\" mentions \"%s\"", c->name, verdict->reason, c->never_mentions);

  /* Invariants of every verdict. */
  if (verdict->connected_at != NULL)
    g_assert_cmpint (verdict->elapsed, >=, 0);
  if (verdict->data_age != -1)
    g_assert_cmpint (verdict->data_age, >=, 0);
  if (verdict->expected_by != NULL)
    g_assert_cmpint (g_date_time_difference (verdict->expected_by, verdict->connected_at), ==,
                     INFLOW_INGESTION_FIRST_CUR_WINDOW);
  if (verdict->phase == INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED)
    g_assert_nonnull (verdict->first_cur_at);
  if (verdict->first_cur_at != NULL)
    g_assert_nonnull (verdict->first_cur_not_before);

  copy = inflow_ingestion_verdict_copy (verdict);
  g_assert_cmpint (copy->phase, ==, verdict->phase);
  g_assert_cmpstr (copy->reason, ==, verdict->reason);
}

/* The same facts under different clocks: only "now" moves the phase. */
static void
test_verdict_same_facts_moving_now (void)
{
  static const struct { const char *now; InflowIngestionPhase phase; } steps[] = {
    { "2026-11-25T23:00:00Z", INFLOW_INGESTION_PHASE_FRESH },      /* local ahead of server */
    { "2026-11-26T10:00:00Z", INFLOW_INGESTION_PHASE_FRESH },
    { "2026-11-27T00:00:00Z", INFLOW_INGESTION_PHASE_FRESH },
    { "2026-11-27T23:59:00Z", INFLOW_INGESTION_PHASE_FRESH },
    { "2026-11-28T00:00:00Z", INFLOW_INGESTION_PHASE_LATE },
    { "2026-11-29T00:01:00Z", INFLOW_INGESTION_PHASE_STALE },
    { "2026-11-30T00:01:00Z", INFLOW_INGESTION_PHASE_CRITICAL },
  };
  VerdictCase c = cases[0];

  c.name = "moving-now";
  c.status = "connected";
  c.created = "2026-01-10T00:00:00Z";
  c.probed_at = "2026-11-26T09:00:00Z";
  c.newest = "2026-11-26";
  c.rows = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(InflowIngestionVerdict) verdict = evaluate_case (&c, steps[i].now);

      g_assert_cmpint (verdict->phase, ==, steps[i].phase);
      /* changes_at says when the next step happens */
      if (verdict->phase == INFLOW_INGESTION_PHASE_FRESH)
        assert_time (verdict->changes_at, "2026-11-28T00:00:00Z", "changes_at", c.name);
      else if (verdict->phase == INFLOW_INGESTION_PHASE_CRITICAL)
        g_assert_null (verdict->changes_at);
    }
}

static void
test_verdict_changes_at (void)
{
  VerdictCase c = { "changes-at", AWS, FALSE, "connected", "2026-11-26T05:00:00Z" };
  g_autoptr(InflowIngestionVerdict) awaiting = evaluate_case (&c, NOW);
  g_autoptr(InflowIngestionVerdict) error = NULL;

  g_assert_cmpint (awaiting->phase, ==, INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR);
  assert_time (awaiting->changes_at, "2026-11-27T05:00:00Z", "changes_at", c.name);
  g_assert_cmpint (awaiting->elapsed, ==, 5 * G_TIME_SPAN_HOUR);

  c.status = "error";
  error = evaluate_case (&c, NOW);
  g_assert_null (error->changes_at);
  g_assert_null (error->expected_by);
}

static void
test_verdict_no_created_at (void)
{
  VerdictCase c = { "no-created-at", AWS, FALSE, "connected", NULL };
  g_autoptr(InflowIngestionVerdict) verdict = evaluate_case (&c, NOW);

  g_assert_cmpint (verdict->phase, ==, INFLOW_INGESTION_PHASE_UNKNOWN);
  g_assert_cmpint (verdict->elapsed, ==, -1);
  g_assert_null (verdict->expected_by);
  g_assert_nonnull (strstr (verdict->reason, "connected"));
}

/* Times in reasons follow the zone of "now". */
static void
test_verdict_display_zone (void)
{
  VerdictCase c = { "zone", AWS, FALSE, "connected", "2026-11-26T05:00:00Z" };
  g_autoptr(InflowIngestionVerdict) verdict = evaluate_case (&c, "2026-11-26T12:00:00+02:00");

  g_assert_cmpint (verdict->phase, ==, INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR);
  g_assert_nonnull (strstr (verdict->reason, "07:00 tomorrow"));
  g_assert_nonnull (strstr (verdict->reason, "Connected 5 hours ago"));
}

static void
test_phase_order (void)
{
  static const InflowIngestionPhase most_urgent_first[] = {
    INFLOW_INGESTION_PHASE_ERROR,
    INFLOW_INGESTION_PHASE_CRITICAL,
    INFLOW_INGESTION_PHASE_DISCONNECTED,
    INFLOW_INGESTION_PHASE_STALE,
    INFLOW_INGESTION_PHASE_FIRST_CUR_LATE,
    INFLOW_INGESTION_PHASE_LATE,
    INFLOW_INGESTION_PHASE_UNKNOWN,
    INFLOW_INGESTION_PHASE_PENDING,
    INFLOW_INGESTION_PHASE_IMPORTING,
    INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR,
    INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED,
    INFLOW_INGESTION_PHASE_FRESH,
  };
  GEnumClass *klass = g_type_class_ref (INFLOW_TYPE_INGESTION_PHASE);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (G_N_ELEMENTS (most_urgent_first), ==, INFLOW_INGESTION_N_PHASES);
  g_assert_cmpuint (klass->n_values, ==, INFLOW_INGESTION_N_PHASES);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (most_urgent_first); i++)
    {
      g_assert_cmpint (inflow_ingestion_phase_compare_urgency (most_urgent_first[i], most_urgent_first[i + 1]), <, 0);
      g_assert_cmpint (inflow_ingestion_phase_compare_urgency (most_urgent_first[i + 1], most_urgent_first[i]), >, 0);
    }

  for (guint i = 0; i < INFLOW_INGESTION_N_PHASES; i++)
    {
      const char *label = inflow_ingestion_phase_get_label (i);
      g_autofree char *one = inflow_ingestion_phase_dup_count_label (i, 1);
      g_autofree char *prefix = g_strdup_printf ("1 %s", label);

      g_assert_cmpint (inflow_ingestion_phase_compare_urgency (i, i), ==, 0);
      g_assert_nonnull (label);
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer) label);
      /* The summary's chips: a count and the phase, through ngettext */
      g_assert_cmpstr (one, ==, prefix);
    }
  {
    g_autofree char *errors = inflow_ingestion_phase_dup_count_label (INFLOW_INGESTION_PHASE_ERROR, 2);
    g_autofree char *stale = inflow_ingestion_phase_dup_count_label (INFLOW_INGESTION_PHASE_STALE, 3);

    g_assert_cmpstr (errors, ==, "2 Errors");
    g_assert_cmpstr (stale, ==, "3 Stale");
  }

  /* Worth watching in the background: what can change by itself and is news. */
  {
    guint n_watched = 0;

    for (guint i = 0; i < INFLOW_INGESTION_N_PHASES; i++)
      n_watched += inflow_ingestion_phase_is_watched (i);
    g_assert_cmpuint (n_watched, ==, 8);
    g_assert_true (inflow_ingestion_phase_is_watched (INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR));
    g_assert_true (inflow_ingestion_phase_is_watched (INFLOW_INGESTION_PHASE_STALE));
    g_assert_true (inflow_ingestion_phase_is_watched (INFLOW_INGESTION_PHASE_ERROR));
    g_assert_false (inflow_ingestion_phase_is_watched (INFLOW_INGESTION_PHASE_FRESH));
    g_assert_false (inflow_ingestion_phase_is_watched (INFLOW_INGESTION_PHASE_DISCONNECTED));
    g_assert_false (inflow_ingestion_phase_is_watched (INFLOW_INGESTION_PHASE_UNKNOWN));
  }

  /* Nothing unknown is ever a green tick; red beyond 48 h, when data is stale. */
  g_assert_cmpint (inflow_ingestion_phase_get_severity (INFLOW_INGESTION_PHASE_UNKNOWN), ==, INFLOW_INGESTION_SEVERITY_NONE);
  g_assert_cmpint (inflow_ingestion_phase_get_severity (INFLOW_INGESTION_PHASE_FRESH), ==, INFLOW_INGESTION_SEVERITY_OK);
  g_assert_cmpint (inflow_ingestion_phase_get_severity (INFLOW_INGESTION_PHASE_LATE), ==, INFLOW_INGESTION_SEVERITY_WARNING);
  g_assert_cmpint (inflow_ingestion_phase_get_severity (INFLOW_INGESTION_PHASE_STALE), ==, INFLOW_INGESTION_SEVERITY_ERROR);
  g_assert_cmpint (inflow_ingestion_phase_get_severity (INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR), ==, INFLOW_INGESTION_SEVERITY_INFO);

  g_type_class_unref (klass);
}

static void
test_status_from_string (void)
{
  g_assert_cmpint (inflow_ingestion_status_from_string ("connected"), ==, INFLOW_INGESTION_STATUS_CONNECTED);
  g_assert_cmpint (inflow_ingestion_status_from_string ("IMPORTED"), ==, INFLOW_INGESTION_STATUS_IMPORTED);
  g_assert_cmpint (inflow_ingestion_status_from_string ("Disconnected"), ==, INFLOW_INGESTION_STATUS_DISCONNECTED);
  g_assert_cmpint (inflow_ingestion_status_from_string ("nope"), ==, INFLOW_INGESTION_STATUS_UNKNOWN);
  g_assert_cmpint (inflow_ingestion_status_from_string (NULL), ==, INFLOW_INGESTION_STATUS_UNKNOWN);
  g_assert_true (G_TYPE_IS_ENUM (INFLOW_TYPE_INGESTION_STATUS));
  g_assert_true (G_TYPE_IS_ENUM (INFLOW_TYPE_INGESTION_SEVERITY));
  g_assert_true (G_TYPE_IS_ENUM (INFLOW_TYPE_INGESTION_CUR_STATE));
  g_assert_true (G_TYPE_IS_BOXED (INFLOW_TYPE_INGESTION_VERDICT));
}

static const VerdictCase *
find_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].name, name))
      return &cases[i];

  g_assert_not_reached ();
}

/* The few words of a list row, from the verdict alone. */
static void
test_brief (void)
{
  static const struct { const char *name; gboolean can_check; gboolean probed; const char *brief; } briefs[] = {
    { "awaiting/never-probed", TRUE, FALSE, "Expected by 05:00 tomorrow" },
    { "first-cur-late/3-days", TRUE, TRUE, "Was expected by" },
    { "fresh/yesterday", TRUE, TRUE, "Data through Nov 25, 1 day old" },
    { "critical/6-days", TRUE, TRUE, "days old" },
    { "error/since-observed", TRUE, TRUE, "Seen since" },
    { "unknown/status", FALSE, FALSE, "Cannot check its cost data" },
    { "unknown/status", TRUE, FALSE, "Not checked yet" },
  };
  g_autoptr(GDateTime) now = parse_time (NOW);
  g_autofree char *none = inflow_ingestion_verdict_dup_brief (NULL, TRUE, FALSE, now);

  g_assert_cmpstr (none, ==, "Not checked yet");

  for (guint i = 0; i < G_N_ELEMENTS (briefs); i++)
    {
      const VerdictCase *c = find_case (briefs[i].name);
      g_autoptr(InflowIngestionVerdict) verdict = evaluate_case (c, c->now);
      g_autoptr(GDateTime) case_now = parse_time (c->now);
      g_autofree char *brief = inflow_ingestion_verdict_dup_brief (verdict, briefs[i].can_check, briefs[i].probed,
                                                                   case_now);

      g_test_message ("%s: %s", briefs[i].name, brief);
      g_assert_nonnull (strstr (brief, briefs[i].brief));
    }
}

static void
test_format (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 26, 10, 0, 0);
  static const struct { GTimeSpan span; const char *text; } durations[] = {
    { -5 * G_TIME_SPAN_MINUTE, "less than a minute" },
    { 59 * G_TIME_SPAN_SECOND, "less than a minute" },
    { G_TIME_SPAN_MINUTE, "1 minute" },
    { 59 * G_TIME_SPAN_MINUTE, "59 minutes" },
    { G_TIME_SPAN_HOUR, "1 hour" },
    { 47 * G_TIME_SPAN_HOUR + 59 * G_TIME_SPAN_MINUTE, "47 hours" },
    { 48 * G_TIME_SPAN_HOUR, "2 days" },
  };
  static const struct { int d, h, min; const char *text; } whens[] = {
    { 26, 14, 20, "14:20 today" },
    { 27, 14, 20, "14:20 tomorrow" },
    { 25, 9, 5, "09:05 yesterday" },
    { 20, 14, 20, "Nov 20, 14:20" },
    { 5, 8, 0, "Nov 5, 08:00" },
  };
  /* Another year always says which: Dec 2025 seen in Nov 2026 is no future date. */
  static const struct { int y, m, d, h, min; const char *when, *date, *day; } years[] = {
    { 2025, 12, 17, 2, 17, "Dec 17, 2025, 02:17", "Dec 17, 2025", "Dec 17, 2025" },
    { 2027, 1, 4, 9, 0, "Jan 4, 2027, 09:00", "Jan 4, 2027", "Jan 4, 2027" },
    { 2026, 11, 7, 12, 0, "Nov 7, 12:00", "Nov 7", "Nov 7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autofree char *text = inflow_ingestion_format_duration (durations[i].span);

      g_assert_cmpstr (text, ==, durations[i].text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (whens); i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 11, whens[i].d, whens[i].h, whens[i].min, 0);
      g_autofree char *text = inflow_ingestion_format_when (time, now);

      g_assert_cmpstr (text, ==, whens[i].text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (years[i].y, years[i].m, years[i].d, years[i].h, years[i].min, 0);
      g_autofree char *when = inflow_ingestion_format_when (time, now);
      g_autofree char *date = inflow_ingestion_format_date (time, now);
      g_autofree char *day = inflow_ingestion_format_day (time, now);

      g_assert_cmpstr (when, ==, years[i].when);
      g_assert_cmpstr (date, ==, years[i].date);
      g_assert_cmpstr (day, ==, years[i].day);
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ingestion/verdict/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_verdict_case);
    }
  g_test_add_func ("/ingestion/verdict/same-facts-moving-now", test_verdict_same_facts_moving_now);
  g_test_add_func ("/ingestion/verdict/changes-at", test_verdict_changes_at);
  g_test_add_func ("/ingestion/verdict/no-created-at", test_verdict_no_created_at);
  g_test_add_func ("/ingestion/verdict/display-zone", test_verdict_display_zone);
  g_test_add_func ("/ingestion/verdict/phase-order", test_phase_order);
  g_test_add_func ("/ingestion/verdict/status-from-string", test_status_from_string);
  g_test_add_func ("/ingestion/verdict/brief", test_brief);
  g_test_add_func ("/ingestion/format", test_format);

  return inflow_test_run ();
}
