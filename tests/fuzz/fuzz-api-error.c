/* fuzz-api-error.c: inflow_api_error_new_from_response() on any error body
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Byte 0 picks the HTTP status, byte 1 the retry time of a 429 and a
 * transport error; the rest is the response body. The result must be one
 * INFLOW_API_ERROR (or the copied cancellation) with a valid UTF-8
 * message of bounded length, whatever the body holds.
 */

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fuzz-common.h"
#include "inflow-api-error.h"
#include "inflow-json.h"

static const guint statuses[] = {
  0, 200, 201, 204, 301, 302, 304, 400, 401, 402, 403, 404, 405, 409, 410,
  418, 422, 429, 500, 501, 502, 503, 504, 599, 600, 999, 100, 199,
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GDateTime) retry_at = NULL;
  g_autoptr(GError) transport = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint status;
  guint8 flags;

  fuzz_init ();

  if (size < 2)
    return 0;

  status = statuses[data[0] % G_N_ELEMENTS (statuses)];
  flags = data[1];
  data += 2;
  size -= 2;

  switch (flags & 0x3)
    {
    case 1:
      retry_at = g_date_time_new_now_utc ();
      break;
    case 2:
      retry_at = g_date_time_new_utc (9999, 12, 31, 23, 59, 59);
      break;
    case 3:
      retry_at = g_date_time_new_utc (1, 1, 1, 0, 0, 0);
      break;
    default:
      break;
    }

  /* The body also stands for the text of a decoding error, as a server's
   * bytes can end up in JSON-GLib's messages. */
  text = g_utf8_make_valid ((const char *) data, size);
  switch ((flags >> 2) & 0x7)
    {
    case 1:
      transport = g_error_new_literal (JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, text);
      break;
    case 2:
      transport = g_error_new_literal (INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE, text);
      break;
    case 3:
      transport = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, text);
      break;
    case 4:
      transport = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, text);
      break;
    case 5:
      transport = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, text);
      break;
    default:
      break;
    }

  body = g_bytes_new (data, size);
  error = inflow_api_error_new_from_response (status, body, transport, retry_at);

  fuzz_check (error != NULL);
  fuzz_check (error->domain == INFLOW_API_ERROR ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  fuzz_check (error->message != NULL);
  fuzz_check_utf8 (error->message);

  /* At most 1000 characters of the server's own, plus our sentences (or
   * the detail of a decoding error, which the body's size bounds). */
  if (transport == NULL)
    fuzz_check (g_utf8_strlen (error->message, -1) <= 1000 + 400);

  if (transport == NULL && status == 429)
    fuzz_check (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED));
  if (transport == NULL && status == 401)
    fuzz_check (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED));

  return 0;
}
