/* inflow-request.c: one HTTP exchange with the API, with its retries
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-service"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "inflow-api-error.h"
#include "inflow-client-private.h"
#include "inflow-request.h"

/* One request, as the caller sees it, may take several HTTP exchanges:
 *
 *  - the token goes in an Authorization header that is set per message, and
 *    only when the message goes to the origin of the client's base URL;
 *  - libsoup's own redirect handling is off (SOUP_MESSAGE_NO_REDIRECT): a
 *    redirect is followed here, and only within that origin;
 *  - GET is retried on network errors, bodies cut off on the way and 5xx,
 *    with exponential backoff and jitter; every method waits out a 429 (Retry-After, else
 *    x-rate-limit-reset) within bounds; POST/PUT/DELETE are never retried
 *    for any other reason;
 *  - the body is read in chunks and refused beyond a size bound (announced
 *    by Content-Length or actual);
 *  - the whole request, every try and wait included, has a deadline: the
 *    session's idle timeout ends an exchange only when the server falls
 *    silent, so a server that sends a byte now and then (headers or body)
 *    would hold it forever. A 429 that asks to wait past the deadline fails
 *    at once;
 *  - waits are GSources on the task's context, and the caller's cancellable
 *    ends them at once.
 *
 * soup_session_send_async() rather than send_and_read_async(): the latter
 * reads the whole body before we can see its size, and libsoup 3.2 has no
 * per-chunk signal to stop it. */

#define READ_CHUNK_SIZE (64 * 1024)
#define MAX_BACKOFF_MS  (60 * 1000)
#define LOG_BODY_BYTES  512

/* libsoup 3.2 has no name for it */
#define STATUS_TOO_MANY_REQUESTS 429

typedef struct
{
  char               *method;
  GUri               *uri;
  GBytes             *body;
  InflowClientPolicy  policy;

  guint               attempt;        /* 1-based, counts network/5xx tries */
  guint               rate_limited;   /* 429s waited out so far */
  guint               redirects;

  SoupMessage        *message;
  GInputStream       *stream;
  GByteArray         *buffer;
  guint               status;

  GSource            *timeout_source;
  GSource            *cancel_source;

  /* Cancelled by the caller's cancellable or by the deadline; every
   * exchange and wait of the request uses it. */
  GCancellable       *cancellable;
  GCancellable       *caller_cancellable;
  gulong              caller_handler;
  GSource            *deadline_source;
  gint64              deadline_at;    /* monotonic µs */
  gboolean            deadline_hit;
} Request;

static void start_attempt (GTask *task);

static void
clear_wait_sources (Request *req)
{
  if (req->timeout_source != NULL)
    {
      g_source_destroy (req->timeout_source);
      g_clear_pointer (&req->timeout_source, g_source_unref);
    }

  if (req->cancel_source != NULL)
    {
      g_source_destroy (req->cancel_source);
      g_clear_pointer (&req->cancel_source, g_source_unref);
    }
}

static void
close_stream (Request *req)
{
  if (req->stream != NULL)
    {
      if (!g_input_stream_is_closed (req->stream))
        g_input_stream_close_async (req->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&req->stream);
    }
}

static void
request_free (gpointer data)
{
  Request *req = data;

  clear_wait_sources (req);
  if (req->deadline_source != NULL)
    {
      g_source_destroy (req->deadline_source);
      g_clear_pointer (&req->deadline_source, g_source_unref);
    }
  if (req->caller_cancellable != NULL)
    g_cancellable_disconnect (req->caller_cancellable, req->caller_handler);
  g_clear_object (&req->caller_cancellable);
  g_clear_object (&req->cancellable);
  close_stream (req);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  g_clear_object (&req->message);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_pointer (&req->method, g_free);
  g_free (req);
}

static int
default_port (const char *scheme)
{
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return 443;
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    return 80;
  return -1;
}

/**
 * inflow_uri_is_same_origin:
 *
 * Whether @a and @b have the same scheme, host and port (a missing port
 * being the scheme's default). Hosts compare without case; nothing else is
 * normalized, so a different spelling of the same host is another origin.
 */
gboolean
inflow_uri_is_same_origin (GUri *a,
                           GUri *b)
{
  const char *scheme_a, *scheme_b, *host_a, *host_b;
  int port_a, port_b;

  if (a == NULL || b == NULL)
    return FALSE;

  scheme_a = g_uri_get_scheme (a);
  scheme_b = g_uri_get_scheme (b);
  host_a = g_uri_get_host (a);
  host_b = g_uri_get_host (b);

  if (scheme_a == NULL || scheme_b == NULL || host_a == NULL || host_b == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (scheme_a, scheme_b) != 0)
    return FALSE;
  if (*host_a == '\0' || g_ascii_strcasecmp (host_a, host_b) != 0)
    return FALSE;

  port_a = g_uri_get_port (a);
  port_b = g_uri_get_port (b);
  if (port_a == -1)
    port_a = default_port (scheme_a);
  if (port_b == -1)
    port_b = default_port (scheme_b);

  return port_a == port_b;
}

static gboolean
is_idempotent (Request *req)
{
  return g_strcmp0 (req->method, SOUP_METHOD_GET) == 0 ||
         g_strcmp0 (req->method, SOUP_METHOD_HEAD) == 0;
}

static void
return_error (GTask  *task,
              GError *error)
{
  InflowClient *client = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autofree char *uri = g_uri_to_string_partial (req->uri, G_URI_HIDE_PASSWORD);
  char *redacted;

  /* A server may echo what it was sent; the token never leaves in a message. */
  redacted = _inflow_client_redact (client, error->message);
  g_free (error->message);
  error->message = redacted;

  g_debug ("%s %s failed: %s [%s %d]",
           req->method, uri, error->message, g_quark_to_string (error->domain), error->code);

  g_task_return_error (task, error);
}

static void
return_cancelled (GTask *task)
{
  g_autoptr(GError) error = NULL;

  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));

  g_task_return_error (task, g_steal_pointer (&error));
}

/* The request's own cancellable fired: the caller cancelled, or the
 * deadline passed. */
static void
return_interrupted (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  guint seconds;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || !req->deadline_hit)
    {
      return_cancelled (task);
      return;
    }

  seconds = MAX ((req->policy.deadline_ms + 999) / 1000, 1);
  return_error (task, g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_DEADLINE_EXCEEDED,
                                   /* Translators: %u is a number of seconds */
                                   g_dngettext (NULL,
                                                "Vantage took more than %u second to answer, so Inflow "
                                                "stopped waiting. Try again later.",
                                                "Vantage took more than %u seconds to answer, so Inflow "
                                                "stopped waiting. Try again later.",
                                                seconds),
                                   seconds));
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Request *req = g_task_get_task_data (task);

  clear_wait_sources (req);
  start_attempt (g_steal_pointer (&task));

  return G_SOURCE_REMOVE;
}

static gboolean
retry_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Request *req = g_task_get_task_data (task);

  g_debug ("%s cancelled while waiting to retry", req->method);
  clear_wait_sources (req);
  return_interrupted (task);

  return G_SOURCE_REMOVE;
}

/* Waits delay_ms without blocking, then starts the next attempt; a
 * cancellation during the wait returns G_IO_ERROR_CANCELLED at once. */
static void
schedule_retry (GTask *task,
                guint  delay_ms)
{
  Request *req = g_task_get_task_data (task);
  GMainContext *context = g_task_get_context (task);

  g_assert (req->timeout_source == NULL);
  g_assert (req->cancel_source == NULL);

  if (g_cancellable_is_cancelled (req->cancellable))
    {
      return_interrupted (task);
      return;
    }

  g_debug ("%s: next try in %u ms", req->method, delay_ms);

  req->timeout_source = g_timeout_source_new (delay_ms);
  g_source_set_static_name (req->timeout_source, "[inflow] request retry");
  g_source_set_callback (req->timeout_source, retry_timeout_cb, g_object_ref (task), g_object_unref);
  g_source_attach (req->timeout_source, context);

  req->cancel_source = g_cancellable_source_new (req->cancellable);
  g_source_set_static_name (req->cancel_source, "[inflow] request retry cancel");
  g_source_set_callback (req->cancel_source, G_SOURCE_FUNC (retry_cancelled_cb),
                         g_object_ref (task), g_object_unref);
  g_source_attach (req->cancel_source, context);
}

/* Exponential backoff before retry number @retry (1, 2, …): base, 2×base,
 * 4×base…, each ±25 %. */
static guint
backoff_delay (Request *req,
               guint    retry)
{
  guint64 delay = req->policy.base_delay_ms;
  gint32 jitter;

  for (guint i = 1; i < retry && delay < MAX_BACKOFF_MS; i++)
    delay *= 2;
  delay = MIN (delay, MAX_BACKOFF_MS);

  jitter = (gint32) (delay / 4);
  if (jitter > 0)
    delay = (guint64) ((gint64) delay + g_random_int_range (-jitter, jitter + 1));

  return (guint) delay;
}

static gboolean
can_retry (Request *req)
{
  return is_idempotent (req) && req->attempt < req->policy.max_attempts;
}

static void
fail_transport (GTask  *task,
                GError *error)
{
  Request *req = g_task_get_task_data (task);
  g_autoptr(GError) mapped = NULL;

  if (g_cancellable_is_cancelled (req->cancellable))
    {
      return_interrupted (task);
      return;
    }

  mapped = inflow_api_error_new_from_response (req->status, NULL, error, NULL);

  /* No answer, or one broken on the way (cut off, garbled HTTP) */
  if ((g_error_matches (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK) ||
       g_error_matches (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE)) && can_retry (req))
    {
      g_debug ("%s: transfer failed on try %u of %u: %s",
               req->method, req->attempt, req->policy.max_attempts, error->message);
      schedule_retry (task, backoff_delay (req, req->attempt++));
      return;
    }

  return_error (task, g_steal_pointer (&mapped));
}

static void
fail_too_large (GTask *task,
                gsize  size)
{
  Request *req = g_task_get_task_data (task);
  g_autofree char *limit = g_format_size (req->policy.max_response_size);

  g_debug ("%s: response of %" G_GSIZE_FORMAT " bytes or more is over the limit of %" G_GSIZE_FORMAT,
           req->method, size, req->policy.max_response_size);
  close_stream (req);
  return_error (task, g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                   /* Translators: %s is a size such as "64.0 MB" */
                                   _("The response from Vantage is larger than the %s that Inflow "
                                     "accepts."),
                                   limit));
}

/**
 * inflow_uri_describe_origin:
 *
 * Returns: (transfer full): "scheme://host[:port]" of @uri, to name a site
 *   in a message (never its user info, path or query)
 */
char *
inflow_uri_describe_origin (GUri *uri)
{
  const char *scheme;
  const char *host;
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_scheme (uri) == NULL)
    return g_strdup (_("an unknown address"));

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  port = g_uri_get_port (uri);

  if (port == -1 || port == default_port (scheme))
    return g_strdup_printf (strchr (host, ':') ? "%s://[%s]" : "%s://%s", scheme, host);

  return g_strdup_printf (strchr (host, ':') ? "%s://[%s]:%d" : "%s://%s:%d", scheme, host, port);
}

static void
follow_redirect (GTask *task)
{
  InflowClient *client = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  g_autoptr(GError) error = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (req->uri, location, SOUP_HTTP_URI_FLAGS, &error);

  if (target == NULL)
    {
      g_debug ("Redirect %u without a usable Location: %s",
               req->status, error != NULL ? error->message : "(none)");
      return_error (task, g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                               _("Vantage redirected the request to an invalid "
                                                 "address.")));
      return;
    }

  if (!inflow_uri_is_same_origin (target, _inflow_client_get_base_uri (client)))
    {
      g_autofree char *host = inflow_uri_describe_origin (target);

      /* Not g_uri_to_string_partial (target): GLib 2.74 fails with a
       * critical on a URI without a host whose path starts with "//",
       * which "https:/.//x" parses to. */
      g_debug ("Refusing a redirect to another origin: %s", host);
      return_error (task, g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                       /* Translators: %s is a site such as https://example.com */
                                       _("The server redirected the request to another site (%s). "
                                         "Inflow did not follow it, so that the API token is never "
                                         "sent there."),
                                       host));
      return;
    }

  if (++req->redirects > req->policy.max_redirects)
    {
      return_error (task, g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                               _("Vantage redirected the request too many times.")));
      return;
    }

  /* As browsers do: 303 always, and 301/302 after a POST, become a GET. */
  if (req->status == SOUP_STATUS_SEE_OTHER ||
      ((req->status == SOUP_STATUS_MOVED_PERMANENTLY || req->status == SOUP_STATUS_FOUND) &&
       g_strcmp0 (req->method, SOUP_METHOD_POST) == 0))
    {
      g_free (req->method);
      req->method = g_strdup (SOUP_METHOD_GET);
      g_clear_pointer (&req->body, g_bytes_unref);
    }

  {
    g_autofree char *target_string = g_uri_to_string_partial (target, G_URI_HIDE_PASSWORD);

    g_debug ("Following a %u redirect to %s", req->status, target_string);
  }

  g_uri_unref (req->uri);
  req->uri = g_steal_pointer (&target);
  start_attempt (g_object_ref (task));
}

/**
 * inflow_request_parse_retry_after:
 * @value: (nullable): a Retry-After header: seconds, or an HTTP date
 * @server_now: the server's "now", for a date
 * @out_ms: (out): how long to wait, in milliseconds (negative for a date
 *   in the past); any number of seconds is read, those beyond what a
 *   #gint64 of milliseconds holds as that bound
 *
 * Returns: %TRUE if @value is one of the two forms
 */
gboolean
inflow_request_parse_retry_after (const char *value,
                                  GDateTime  *server_now,
                                  gint64     *out_ms)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  guint64 seconds;

  if (value == NULL)
    return FALSE;

  /* Digits only: an absurd number is still an answer (wait, a long time),
   * not a missing header that would be retried after a short backoff. */
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64 / 1000, &seconds, &error) ||
      g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    {
      *out_ms = error == NULL ? (gint64) seconds * 1000 : G_MAXINT64 / 1000 * 1000;
      return TRUE;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date != NULL)
    {
      *out_ms = g_date_time_difference (date, server_now) / 1000;
      return TRUE;
    }

  return FALSE;
}

static void
handle_rate_limited (GTask  *task,
                     GBytes *body)
{
  InflowClient *client = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->message);
  g_autoptr(GDateTime) server_now = inflow_client_get_now (client);
  g_autoptr(GDateTime) retry_at = NULL;
  const char *reset_header;
  gint64 wait_ms = -1;
  guint64 reset = 0;

  reset_header = soup_message_headers_get_one (headers, "x-rate-limit-reset");
  if (reset_header != NULL &&
      !g_ascii_string_to_unsigned (reset_header, 10, 0, G_MAXINT64, &reset, NULL))
    reset = 0;

  if (!inflow_request_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"), server_now, &wait_ms) &&
      reset > 0)
    {
      g_autoptr(GDateTime) reset_time = g_date_time_new_from_unix_utc ((gint64) reset);

      /* Beyond the year 9999: as absurd as a Retry-After of centuries */
      wait_ms = reset_time != NULL ? g_date_time_difference (reset_time, server_now) / 1000 : G_MAXINT64 / 1000;
    }

  if (wait_ms < 0)
    {
      /* Nothing to go by (or a reset already past): back off as for 5xx. */
      wait_ms = backoff_delay (req, req->rate_limited + 1);
    }

  /* The user's clock, for the message; a reset too far away to be believed
   * stays just beyond the bound, where GDateTime can hold it */
  {
    g_autoptr(GDateTime) local_now = g_date_time_new_now_utc ();
    GTimeSpan shown = MIN (wait_ms, (INFLOW_API_ERROR_LONGEST_RESET + G_TIME_SPAN_DAY) / 1000);

    retry_at = g_date_time_add (local_now, shown * G_TIME_SPAN_MILLISECOND);
  }

  if (req->rate_limited >= req->policy.max_rate_limit_retries ||
      wait_ms > (gint64) req->policy.max_rate_limit_wait_ms ||
      wait_ms >= (req->deadline_at - g_get_monotonic_time ()) / 1000)
    {
      g_debug ("%s: rate limited, wait of %" G_GINT64_FORMAT " ms after %u waits is over the bounds",
               req->method, wait_ms, req->rate_limited);
      return_error (task, inflow_api_error_new_from_response (req->status, body, NULL, retry_at));
      return;
    }

  req->rate_limited++;
  g_debug ("%s: rate limited, waiting %" G_GINT64_FORMAT " ms (wait %u of at most %u)",
           req->method, wait_ms, req->rate_limited, req->policy.max_rate_limit_retries);
  schedule_retry (task, (guint) wait_ms);
}

static void
log_body (InflowClient *client,
          guint         status,
          GBytes       *body)
{
  g_autofree char *text = NULL;
  g_autofree char *redacted = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (size == 0)
    return;

  text = g_utf8_make_valid (data, MIN (size, LOG_BODY_BYTES));
  redacted = _inflow_client_redact (client, text);
  g_debug ("HTTP %u body (%" G_GSIZE_FORMAT " bytes): %s%s",
           status, size, redacted, size > LOG_BODY_BYTES ? "…" : "");
}

/* libsoup 3.2 ends the body quietly when the connection closes before
 * Content-Length bytes came (unless a content coding was applied, when the
 * length is that of the coded body). */
static gboolean
is_truncated (Request *req,
              gsize    size)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->message);
  goffset expected;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return FALSE;

  expected = soup_message_headers_get_content_length (headers);

  return expected > 0 && (guint64) expected != size;
}

static void
finish_response (GTask *task)
{
  InflowClient *client = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&req->buffer));

  close_stream (req);

  if (is_truncated (req, g_bytes_get_size (body)))
    {
      g_autoptr(GError) partial = g_error_new (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                               "the body ended after %" G_GSIZE_FORMAT " bytes",
                                               g_bytes_get_size (body));

      g_debug ("%s: %s", req->method, partial->message);
      fail_transport (task, partial);
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (req->status))
    {
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      return;
    }

  log_body (client, req->status, body);

  if (req->status == STATUS_TOO_MANY_REQUESTS)
    {
      handle_rate_limited (task, body);
      return;
    }

  if (SOUP_STATUS_IS_SERVER_ERROR (req->status) && can_retry (req))
    {
      g_debug ("%s: HTTP %u on try %u of %u",
               req->method, req->status, req->attempt, req->policy.max_attempts);
      schedule_retry (task, backoff_delay (req, req->attempt++));
      return;
    }

  return_error (task, inflow_api_error_new_from_response (req->status, body, NULL, NULL));
}

static void read_next (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      g_debug ("%s: reading the body of HTTP %u failed after %u bytes",
               req->method, req->status, req->buffer->len);
      close_stream (req);
      fail_transport (task, error);
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      finish_response (task);
      return;
    }

  if (req->buffer->len + size > req->policy.max_response_size)
    {
      fail_too_large (task, req->buffer->len + size);
      return;
    }

  g_byte_array_append (req->buffer, g_bytes_get_data (bytes, NULL), size);
  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  Request *req = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (req->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   req->cancellable, read_cb, task);
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY ||
         status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER ||
         status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  SoupSession *session = SOUP_SESSION (object);
  g_autoptr(GTask) task = user_data;
  InflowClient *client = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message;
  SoupMessageHeaders *headers;

  stream = soup_session_send_finish (session, result, &error);
  message = soup_session_get_async_result_message (session, result);
  g_assert (message == req->message);

  req->status = soup_message_get_status (message);

  if (stream == NULL)
    {
      fail_transport (task, error);
      return;
    }

  _inflow_client_observe_response (client, message);
  g_debug ("%s → HTTP %u", req->method, req->status);

  req->stream = g_steal_pointer (&stream);

  if (is_redirect (req->status))
    {
      close_stream (req);
      follow_redirect (task);
      return;
    }

  headers = soup_message_get_response_headers (message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > 0 &&
      (guint64) soup_message_headers_get_content_length (headers) > req->policy.max_response_size)
    {
      fail_too_large (task, (gsize) soup_message_headers_get_content_length (headers));
      return;
    }

  req->buffer = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

/* Takes the reference on task. */
static void
start_attempt (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  InflowClient *client = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  const char *token = _inflow_client_get_token (client);
  g_autofree char *uri_string = g_uri_to_string_partial (req->uri, G_URI_HIDE_PASSWORD);

  close_stream (req);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  g_clear_object (&req->message);
  req->status = SOUP_STATUS_NONE;

  req->message = soup_message_new_from_uri (req->method, req->uri);
  soup_message_add_flags (req->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (req->message);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (token != NULL && *token != '\0' &&
      inflow_uri_is_same_origin (req->uri, _inflow_client_get_base_uri (client)))
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }

  if (req->body != NULL)
    soup_message_set_request_body_from_bytes (req->message, "application/json", req->body);

  g_debug ("%s %s (try %u, rate-limit waits %u)",
           req->method, uri_string, req->attempt, req->rate_limited);

  soup_session_send_async (_inflow_client_get_session (client),
                           req->message,
                           G_PRIORITY_DEFAULT,
                           req->cancellable,
                           send_cb,
                           g_steal_pointer (&task));
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
deadline_cb (gpointer user_data)
{
  Request *req = user_data;

  g_debug ("%s: the deadline of %u ms passed", req->method, req->policy.deadline_ms);
  req->deadline_hit = TRUE;
  g_clear_pointer (&req->deadline_source, g_source_unref);
  g_cancellable_cancel (req->cancellable);

  return G_SOURCE_REMOVE;
}

/**
 * inflow_request_send_async:
 * @client: the client whose session, token, base URL and policy apply
 * @method: an HTTP method
 * @uri: where to send it; the token goes only to the base URL's origin
 * @body: (nullable): a JSON request body
 *
 * Runs one request to completion (see the top of this file). The result is
 * the body of a 2xx response; anything else is an #InflowApiError
 * (%INFLOW_API_ERROR_DEADLINE_EXCEEDED when it ran past the client's
 * deadline), or %G_IO_ERROR_CANCELLED.
 */
void
inflow_request_send_async (InflowClient        *client,
                           const char          *method,
                           GUri                *uri,
                           GBytes              *body,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *req;

  g_return_if_fail (INFLOW_IS_CLIENT (client));
  g_return_if_fail (method != NULL);
  g_return_if_fail (uri != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  req = g_new0 (Request, 1);
  req->method = g_strdup (method);
  req->uri = g_uri_ref (uri);
  req->body = body != NULL ? g_bytes_ref (body) : NULL;
  req->attempt = 1;
  _inflow_client_get_policy (client, &req->policy);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_request_send_async);
  g_task_set_name (task, "[inflow] request");
  g_task_set_task_data (task, req, request_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  req->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      req->caller_cancellable = g_object_ref (cancellable);
      req->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                   g_object_ref (req->cancellable), g_object_unref);
    }

  /* The source holds no reference: request_free() destroys it */
  req->deadline_at = g_get_monotonic_time () + (gint64) req->policy.deadline_ms * 1000;
  req->deadline_source = g_timeout_source_new (req->policy.deadline_ms);
  g_source_set_static_name (req->deadline_source, "[inflow] request deadline");
  g_source_set_callback (req->deadline_source, deadline_cb, req, NULL);
  g_source_attach (req->deadline_source, g_task_get_context (task));

  start_attempt (g_steal_pointer (&task));
}

/**
 * inflow_request_send_finish:
 * @status: (out) (optional): the final HTTP status
 *
 * Returns: (transfer full): the body of the 2xx response (maybe empty)
 */
GBytes *
inflow_request_send_finish (InflowClient  *client,
                            GAsyncResult  *result,
                            guint         *status,
                            GError       **error)
{
  g_return_val_if_fail (INFLOW_IS_CLIENT (client), NULL);
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_request_send_async, NULL);

  if (status != NULL)
    {
      Request *req = g_task_get_task_data (G_TASK (result));

      *status = req->status;
    }

  return g_task_propagate_pointer (G_TASK (result), error);
}
