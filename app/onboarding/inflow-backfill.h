/* inflow-backfill.h: the request to backfill the CUR, and the follow-up to Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-onboarding-choices.h"

G_BEGIN_DECLS

#define INFLOW_BACKFILL_MAX_MONTHS 36

/**
 * InflowBackfillInput:
 * @organization: the organization's name, as AWS Support should read it
 * @report_name: the report created for Vantage, as Billing and Cost
 *   Management lists it under Data Exports
 * @cur_kind: a legacy Cost and Usage Report or a CUR 2.0 export
 * @bucket_name: its S3 bucket
 * @account_id: (nullable): the management (payer) account
 * @requester_name: (nullable): who signs the request
 * @start: the first day to backfill
 * @end: the last day to backfill
 *
 * Plain data; the caller owns the strings.
 */
typedef struct
{
  const char *organization;
  const char *report_name;
  InflowCurKind cur_kind;
  const char *bucket_name;
  const char *account_id;
  const char *requester_name;
  GDate       start;
  GDate       end;
} InflowBackfillInput;

/**
 * InflowBackfillRequest:
 * @aws_subject: subject of the AWS Support case
 * @aws_body: its text
 * @vantage_subject: subject of the follow-up mail to Vantage support
 * @vantage_body: its text
 * @vantage_mailto: a mailto: URI with both, for the mail client
 */
typedef struct
{
  char *aws_subject;
  char *aws_body;
  char *vantage_subject;
  char *vantage_body;
  char *vantage_mailto;
} InflowBackfillRequest;

gboolean               inflow_backfill_validate_dates   (const GDate               *start,
                                                         const GDate               *end,
                                                         GDateTime                 *now,
                                                         GError                   **error);
InflowBackfillRequest *inflow_backfill_request_generate (const InflowBackfillInput *input,
                                                         GDateTime                 *now,
                                                         GError                   **error);
void                   inflow_backfill_request_free     (InflowBackfillRequest     *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowBackfillRequest, inflow_backfill_request_free)

G_END_DECLS
