/* inflow-api-error.h: the error domain of the Vantage API client
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INFLOW_API_ERROR (inflow_api_error_quark ())

/**
 * InflowApiError:
 * @INFLOW_API_ERROR_UNAUTHORIZED: HTTP 401, the token is missing, wrong or revoked
 * @INFLOW_API_ERROR_FORBIDDEN: HTTP 403; the message adds that changes need a
 *   token with Write scope on the Everyone team
 * @INFLOW_API_ERROR_NOT_FOUND: HTTP 404
 * @INFLOW_API_ERROR_VALIDATION: HTTP 400 or 422; the message is the server's
 * @INFLOW_API_ERROR_PAYMENT_REQUIRED: HTTP 402, a plan limit
 * @INFLOW_API_ERROR_RATE_LIMITED: HTTP 429 after the client's bounded waits;
 *   the message names the time the limit resets
 * @INFLOW_API_ERROR_SERVER: HTTP 5xx (after retries, for GET)
 * @INFLOW_API_ERROR_NETWORK: no HTTP answer: DNS, refused, reset, timeout
 * @INFLOW_API_ERROR_TLS: the secure connection failed (certificate, handshake)
 * @INFLOW_API_ERROR_INVALID_RESPONSE: an answer Inflow cannot use: not JSON,
 *   wrong types, missing required fields, truncated, too large, a redirect
 *   or `links.next` that leaves the API's origin, a pagination loop
 * @INFLOW_API_ERROR_INSECURE_URL: the base URL is not https (plain http is
 *   accepted for loopback addresses only) or is not a usable URL
 * @INFLOW_API_ERROR_FAILED: any other unexpected HTTP status (405, 409, …)
 * @INFLOW_API_ERROR_DEADLINE_EXCEEDED: the request, headers and body, took
 *   longer than the client's deadline (inflow_client_set_deadline()), even
 *   though the server kept sending: a server that answers a byte at a time
 *   never trips the idle timeout
 * @INFLOW_API_ERROR_LIST_TOO_LONG: a list needed more page requests than
 *   the client's list budget allows (inflow_client_set_list_budget()):
 *   every page linked to one more
 * @INFLOW_API_ERROR_LIST_TOO_SLOW: reading all the pages of a list took
 *   longer than the client's list budget allows
 *
 * Every function of the service layer reports its failures in this domain,
 * with one exception: a cancelled operation fails with
 * %G_IO_ERROR_CANCELLED (in %G_IO_ERROR), as everywhere in GIO, so callers
 * keep the usual `g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)`
 * check before touching their own state.
 *
 * Messages are translated sentences meant for the user; the raw detail is
 * logged with g_debug() (domain "inflow-service"), never the token.
 */
typedef enum
{
  INFLOW_API_ERROR_UNAUTHORIZED,
  INFLOW_API_ERROR_FORBIDDEN,
  INFLOW_API_ERROR_NOT_FOUND,
  INFLOW_API_ERROR_VALIDATION,
  INFLOW_API_ERROR_PAYMENT_REQUIRED,
  INFLOW_API_ERROR_RATE_LIMITED,
  INFLOW_API_ERROR_SERVER,
  INFLOW_API_ERROR_NETWORK,
  INFLOW_API_ERROR_TLS,
  INFLOW_API_ERROR_INVALID_RESPONSE,
  INFLOW_API_ERROR_INSECURE_URL,
  INFLOW_API_ERROR_FAILED,
  INFLOW_API_ERROR_DEADLINE_EXCEEDED,
  INFLOW_API_ERROR_LIST_TOO_LONG,
  INFLOW_API_ERROR_LIST_TOO_SLOW,
} InflowApiError;

/* A 429's reset further away than this is not believed as a time: the
 * message says that Vantage asked to wait more than a week. */
#define INFLOW_API_ERROR_LONGEST_RESET (7 * G_TIME_SPAN_DAY)

GQuark  inflow_api_error_quark             (void);

GError *inflow_api_error_new_from_response (guint         status,
                                            GBytes       *body,
                                            const GError *transport_error,
                                            GDateTime    *retry_at);
gboolean inflow_api_error_is_transient     (const GError *error);

G_END_DECLS
