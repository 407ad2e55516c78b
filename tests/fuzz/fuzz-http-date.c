/* fuzz-http-date.c: the Date, Retry-After and rate-limit headers
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is up to five header values, one a line: Date, Retry-After,
 * x-rate-limit-reset, x-rate-limit-limit, x-rate-limit-remaining. They go
 * through what the client does with every response
 * (_inflow_client_observe_response(), which calibrates the server clock
 * from Date with soup_date_time_new_from_http_string()) and with a 429
 * (inflow_request_parse_retry_after(), the message's retry time). The
 * server's "now" must stay a valid time, whatever the headers say.
 */

#include <string.h>

#include <libsoup/soup.h>

#include "fuzz-common.h"
#include "inflow-api-error.h"
#include "inflow-client.h"
#include "inflow-client-private.h"
#include "inflow-request.h"

static const char * const names[] = {
  "Date",
  "Retry-After",
  "x-rate-limit-reset",
  "x-rate-limit-limit",
  "x-rate-limit-remaining",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static InflowClient *client;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GDateTime) server_now = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  SoupMessageHeaders *headers;
  gint64 wait_ms = 0;

  fuzz_init ();

  /* One client for the whole run, as the app keeps one per profile: what
   * one input does to its clock must leave it usable for the next. */
  if (client == NULL)
    {
      client = inflow_client_new ("https://api.vantage.sh", "vntg_tkn_fuzz", NULL);
      fuzz_check (client != NULL);
    }

  text = fuzz_strndup (data, size);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  lines = g_strsplit (text, "\n", G_N_ELEMENTS (names));
  if (lines[0] == NULL)
    return 0;

  /* The header values libsoup's parser could hand over: no CR or LF */
  message = soup_message_new (SOUP_METHOD_GET, "https://api.vantage.sh/v2/ping");
  headers = soup_message_get_response_headers (message);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strpbrk (lines[i], "\r\n") == NULL)
        soup_message_headers_replace (headers, names[i], lines[i]);
    }

  /* What the client calls. (Not soup_date_time_to_string(), which it does
   * not call: that fails with a critical on "1 Jan 1 0:0:0 +08", a time
   * before year 1 in UTC.) */
  date = soup_date_time_new_from_http_string (lines[0]);
  if (date != NULL)
    {
      g_autoptr(GDateTime) local_now = g_date_time_new_now_utc ();

      g_date_time_difference (date, local_now);
    }

  _inflow_client_observe_response (client, message);

  server_now = inflow_client_get_now (client);
  fuzz_check (server_now != NULL);

  /* Still valid a day of uptime later */
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (server_now, 1);
    g_autoptr(GDateTime) earlier = g_date_time_add_days (server_now, -1);

    fuzz_check (later != NULL && earlier != NULL);
  }

  if (lines[1] != NULL &&
      inflow_request_parse_retry_after (lines[1], server_now, &wait_ms))
    {
      g_autoptr(GDateTime) local_now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) retry_at = NULL;
      g_autoptr(GError) error = NULL;

      /* As handle_rate_limited() builds the message's retry time */
      if (wait_ms >= 0 && wait_ms <= G_MAXINT64 / G_TIME_SPAN_MILLISECOND)
        retry_at = g_date_time_add (local_now, wait_ms * G_TIME_SPAN_MILLISECOND);

      error = inflow_api_error_new_from_response (429, NULL, NULL, retry_at);
      fuzz_check (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED));
      fuzz_check_utf8 (error->message);
    }

  return 0;
}
