/* inflow-client.c: the async client of the Vantage API (v2 and the v1 AWS calls)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-service"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "inflow-call.h"
#include "inflow-client-private.h"
#include "inflow-client.h"
#include "inflow-request.h"

#define DEFAULT_MAX_ATTEMPTS  4
#define DEFAULT_BASE_DELAY_MS 500
#define DEFAULT_429_RETRIES   3
#define DEFAULT_429_WAIT_MS   (60 * 1000)
#define DEFAULT_MAX_SIZE      ((gsize) 64 * 1024 * 1024)
#define DEFAULT_MAX_REDIRECTS 5
#define SESSION_TIMEOUT_S     30
#define SESSION_IDLE_S        60

/* The idle timeout above ends a request only when the server falls silent
 * for SESSION_TIMEOUT_S; these bound one that keeps sending. Two minutes
 * for a request (with its retries and waits), and for a list 250 pages
 * (250,000 items at the largest page size, a quarter of Vantage's hourly
 * budget of 1,000 requests) in ten minutes. */
#define DEFAULT_DEADLINE_MS   (120 * 1000)
#define DEFAULT_MAX_PAGES     250
#define DEFAULT_MAX_LIST_MS   (600 * 1000)

/* A server clock further off than this is broken, not ahead: its Date
 * header is ignored. The bound keeps the server's "now" (and the times
 * computed from it) well inside GDateTime's years 1 to 9999; a Date of
 * year 9999 would otherwise make inflow_client_get_now() return NULL a
 * second later. */
#define MAX_CLOCK_OFFSET      ((GTimeSpan) 100 * 365 * G_TIME_SPAN_DAY)

struct _InflowClient
{
  GObject             parent_instance;

  char               *base_url;
  GUri               *base_uri;
  char               *base_path;     /* "" or "/prefix", no trailing slash */
  char               *token;
  SoupSession        *session;
  InflowClientPolicy  policy;

  gint64              rate_limit_limit;
  gint64              rate_limit_remaining;
  gint64              rate_limit_reset;
  GTimeSpan           clock_offset;
  gboolean            clock_known;
};

static void inflow_client_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InflowClient, inflow_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      inflow_client_initable_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_RATE_LIMIT_LIMIT,
  PROP_RATE_LIMIT_REMAINING,
  PROP_RATE_LIMIT_RESET,
  PROP_CLOCK_OFFSET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* https anywhere, or http to this machine; nothing but scheme, host, port
 * and a path prefix. Returns the normalized URI. */
static GUri *
parse_base_url (const char  *base_url,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  const char *scheme;
  const char *host;

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    {
      g_debug ("Base URL “%s” does not parse: %s", base_url, local_error->message);
      g_set_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INSECURE_URL,
                   /* Translators: %s is a URL */
                   _("“%s” is not a valid server address."),
                   base_url);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  /* Never echo a password given in the URL. */
  shown = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INSECURE_URL,
                   /* Translators: %s is a URL */
                   _("“%s” is not a valid server address: it must not contain a user name or "
                     "password."),
                   shown);
      return NULL;
    }

  if (host == NULL || *host == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0) ||
      g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INSECURE_URL,
                   /* Translators: %s is a URL */
                   _("“%s” is not a valid server address. Use an address such as "
                     "https://api.vantage.sh."),
                   shown);
      return NULL;
    }

  if (g_strcmp0 (scheme, "http") == 0 && !is_loopback_host (host))
    {
      g_set_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INSECURE_URL,
                   /* Translators: %s is a URL */
                   _("“%s” is not a secure address. Inflow sends the API token only over "
                     "HTTPS, or over plain HTTP to this computer."),
                   shown);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

static gboolean
inflow_client_initable_init (GInitable     *initable,
                             GCancellable  *cancellable,
                             GError       **error)
{
  InflowClient *self = INFLOW_CLIENT (initable);
  g_autofree char *user_agent = NULL;

  if (self->session != NULL)
    return TRUE;

  self->base_uri = parse_base_url (self->base_url, error);
  if (self->base_uri == NULL)
    return FALSE;

  self->base_path = g_strdup (g_uri_get_path (self->base_uri));
  while (*self->base_path != '\0' && self->base_path[strlen (self->base_path) - 1] == '/')
    self->base_path[strlen (self->base_path) - 1] = '\0';

  g_free (self->base_url);
  self->base_url = g_uri_to_string (self->base_uri);
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';

  user_agent = g_strdup_printf ("Inflow/%s", PACKAGE_VERSION);
  /* No SoupLogger: it would print the Authorization header. */
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", SESSION_TIMEOUT_S,
                                                 "idle-timeout", SESSION_IDLE_S,
                                                 NULL);

  g_debug ("Client for %s", self->base_url);

  return TRUE;
}

static void
inflow_client_initable_iface_init (GInitableIface *iface)
{
  iface->init = inflow_client_initable_init;
}

static void
clear_token (InflowClient *self)
{
  if (self->token != NULL)
    {
      memset (self->token, 0, strlen (self->token));
      g_clear_pointer (&self->token, g_free);
    }
}

static void
inflow_client_dispose (GObject *object)
{
  InflowClient *self = INFLOW_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_client_parent_class)->dispose (object);
}

static void
inflow_client_finalize (GObject *object)
{
  InflowClient *self = INFLOW_CLIENT (object);

  clear_token (self);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  g_clear_pointer (&self->base_path, g_free);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (inflow_client_parent_class)->finalize (object);
}

static void
inflow_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  InflowClient *self = INFLOW_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_RATE_LIMIT_LIMIT:
      g_value_set_int64 (value, self->rate_limit_limit);
      break;

    case PROP_RATE_LIMIT_REMAINING:
      g_value_set_int64 (value, self->rate_limit_remaining);
      break;

    case PROP_RATE_LIMIT_RESET:
      g_value_set_int64 (value, self->rate_limit_reset);
      break;

    case PROP_CLOCK_OFFSET:
      g_value_set_int64 (value, self->clock_offset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  InflowClient *self = INFLOW_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_free (self->base_url);
      self->base_url = g_value_dup_string (value);
      if (self->base_url == NULL)
        self->base_url = g_strdup (INFLOW_CLIENT_DEFAULT_BASE_URL);
      break;

    case PROP_TOKEN:
      inflow_client_set_token (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_client_class_init (InflowClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_client_dispose;
  object_class->finalize = inflow_client_finalize;
  object_class->get_property = inflow_client_get_property;
  object_class->set_property = inflow_client_set_property;

  /**
   * InflowClient:base-url:
   *
   * The API's base URL, without the version: v2 calls go to
   * `<base-url>/v2/…`, v1 calls to `<base-url>/v1/…`. Must be https, or
   * http to a loopback address.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         INFLOW_CLIENT_DEFAULT_BASE_URL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowClient:token:
   *
   * The API token. Write-only: it cannot be read back through the
   * property system, and no log line ever contains it.
   */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowClient:rate-limit-limit:
   *
   * The `x-rate-limit-limit` of the latest response, or -1.
   */
  properties[PROP_RATE_LIMIT_LIMIT] =
    g_param_spec_int64 ("rate-limit-limit", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowClient:rate-limit-remaining:
   *
   * The `x-rate-limit-remaining` of the latest response, or -1.
   */
  properties[PROP_RATE_LIMIT_REMAINING] =
    g_param_spec_int64 ("rate-limit-remaining", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowClient:rate-limit-reset:
   *
   * The `x-rate-limit-reset` of the latest response (Unix seconds, server
   * time), or -1.
   */
  properties[PROP_RATE_LIMIT_RESET] =
    g_param_spec_int64 ("rate-limit-reset", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowClient:clock-offset:
   *
   * The server's clock minus the local clock (a #GTimeSpan, µs), from the
   * `Date` header of the responses; 0 until the first response. Updated
   * when it moves by a second or more (the header's resolution). A `Date`
   * more than 100 years off the local clock is ignored.
   */
  properties[PROP_CLOCK_OFFSET] =
    g_param_spec_int64 ("clock-offset", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowClient::answered:
   *
   * The server answered a request with a 2xx status: it is reachable and
   * working, whatever the request was.
   */
  signals[ANSWERED] =
    g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
inflow_client_init (InflowClient *self)
{
  self->base_url = g_strdup (INFLOW_CLIENT_DEFAULT_BASE_URL);
  self->rate_limit_limit = -1;
  self->rate_limit_remaining = -1;
  self->rate_limit_reset = -1;

  self->policy.max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->policy.base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->policy.max_rate_limit_retries = DEFAULT_429_RETRIES;
  self->policy.max_rate_limit_wait_ms = DEFAULT_429_WAIT_MS;
  self->policy.max_response_size = DEFAULT_MAX_SIZE;
  self->policy.max_redirects = DEFAULT_MAX_REDIRECTS;
  self->policy.deadline_ms = DEFAULT_DEADLINE_MS;
  self->policy.max_pages = DEFAULT_MAX_PAGES;
  self->policy.max_list_ms = DEFAULT_MAX_LIST_MS;
}

/**
 * inflow_client_new:
 * @base_url: (nullable): the API's base URL without version, or %NULL for
 *   %INFLOW_CLIENT_DEFAULT_BASE_URL
 * @token: (nullable): the API token
 *
 * Returns: (transfer full): a new client, or %NULL with
 *   %INFLOW_API_ERROR_INSECURE_URL when @base_url is not https (or http to
 *   a loopback address) or not a usable URL
 */
InflowClient *
inflow_client_new (const char  *base_url,
                   const char  *token,
                   GError     **error)
{
  return g_initable_new (INFLOW_TYPE_CLIENT, NULL, error,
                         "base-url", base_url,
                         "token", token,
                         NULL);
}

const char *
inflow_client_get_base_url (InflowClient *self)
{
  g_return_val_if_fail (INFLOW_IS_CLIENT (self), NULL);

  return self->base_url;
}

void
inflow_client_set_token (InflowClient *self,
                         const char   *token)
{
  g_return_if_fail (INFLOW_IS_CLIENT (self));

  if (g_strcmp0 (self->token, token) == 0)
    return;

  clear_token (self);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

gint64
inflow_client_get_rate_limit_limit (InflowClient *self)
{
  g_return_val_if_fail (INFLOW_IS_CLIENT (self), -1);

  return self->rate_limit_limit;
}

gint64
inflow_client_get_rate_limit_remaining (InflowClient *self)
{
  g_return_val_if_fail (INFLOW_IS_CLIENT (self), -1);

  return self->rate_limit_remaining;
}

gint64
inflow_client_get_rate_limit_reset (InflowClient *self)
{
  g_return_val_if_fail (INFLOW_IS_CLIENT (self), -1);

  return self->rate_limit_reset;
}

GTimeSpan
inflow_client_get_clock_offset (InflowClient *self)
{
  g_return_val_if_fail (INFLOW_IS_CLIENT (self), 0);

  return self->clock_offset;
}

/**
 * inflow_client_get_clock_known:
 *
 * Returns: whether an answer's Date header set #InflowClient:clock-offset
 *   (until then the offset is 0 because nothing is known)
 */
gboolean
inflow_client_get_clock_known (InflowClient *self)
{
  g_return_val_if_fail (INFLOW_IS_CLIENT (self), FALSE);

  return self->clock_known;
}

/**
 * inflow_client_get_now:
 *
 * Returns: (transfer full): the server's "now": the local time plus
 *   #InflowClient:clock-offset, in UTC
 */
GDateTime *
inflow_client_get_now (InflowClient *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (INFLOW_IS_CLIENT (self), NULL);

  now = g_date_time_new_now_utc ();

  return g_date_time_add (now, self->clock_offset);
}

/**
 * inflow_client_set_retry_policy:
 * @max_attempts: attempts of a GET on network errors and 5xx (at least 1)
 * @base_delay_ms: the first backoff delay; it doubles each time, ±25 %
 */
void
inflow_client_set_retry_policy (InflowClient *self,
                                guint         max_attempts,
                                guint         base_delay_ms)
{
  g_return_if_fail (INFLOW_IS_CLIENT (self));

  self->policy.max_attempts = MAX (max_attempts, 1);
  self->policy.base_delay_ms = base_delay_ms;
}

/**
 * inflow_client_set_rate_limit_policy:
 * @max_retries: how many 429s one request waits out before failing
 * @max_wait_ms: the longest wait; a 429 asking for longer fails at once
 *   with %INFLOW_API_ERROR_RATE_LIMITED
 */
void
inflow_client_set_rate_limit_policy (InflowClient *self,
                                     guint         max_retries,
                                     guint         max_wait_ms)
{
  g_return_if_fail (INFLOW_IS_CLIENT (self));

  self->policy.max_rate_limit_retries = max_retries;
  self->policy.max_rate_limit_wait_ms = max_wait_ms;
}

/**
 * inflow_client_set_max_response_size:
 * @max_bytes: the largest response body accepted (64 MiB by default)
 */
void
inflow_client_set_max_response_size (InflowClient *self,
                                     gsize         max_bytes)
{
  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (max_bytes > 0);

  self->policy.max_response_size = max_bytes;
}

/**
 * inflow_client_set_deadline:
 * @deadline_ms: the longest time one request may take, from its start to
 *   the end of its body, retries and waits included (two minutes by
 *   default)
 *
 * A request still running then fails with
 * %INFLOW_API_ERROR_DEADLINE_EXCEEDED; a 429 that asks to wait beyond it
 * fails at once with %INFLOW_API_ERROR_RATE_LIMITED.
 */
void
inflow_client_set_deadline (InflowClient *self,
                            guint         deadline_ms)
{
  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (deadline_ms > 0);

  self->policy.deadline_ms = deadline_ms;
}

/**
 * inflow_client_set_list_budget:
 * @max_requests: the most page requests one list may take (250 by default)
 * @max_duration_ms: the longest time reading all its pages may take (ten
 *   minutes by default)
 *
 * A list whose pages link on beyond @max_requests fails with
 * %INFLOW_API_ERROR_LIST_TOO_LONG; one still being read after
 * @max_duration_ms fails with %INFLOW_API_ERROR_LIST_TOO_SLOW, the page in
 * flight included.
 */
void
inflow_client_set_list_budget (InflowClient *self,
                               guint         max_requests,
                               guint         max_duration_ms)
{
  g_return_if_fail (INFLOW_IS_CLIENT (self));
  g_return_if_fail (max_requests > 0);
  g_return_if_fail (max_duration_ms > 0);

  self->policy.max_pages = max_requests;
  self->policy.max_list_ms = max_duration_ms;
}

SoupSession *
_inflow_client_get_session (InflowClient *self)
{
  g_assert (INFLOW_IS_CLIENT (self));

  return self->session;
}

GUri *
_inflow_client_get_base_uri (InflowClient *self)
{
  g_assert (INFLOW_IS_CLIENT (self));

  return self->base_uri;
}

const char *
_inflow_client_get_token (InflowClient *self)
{
  g_assert (INFLOW_IS_CLIENT (self));

  return self->token;
}

void
_inflow_client_get_policy (InflowClient       *self,
                           InflowClientPolicy *policy)
{
  g_assert (INFLOW_IS_CLIENT (self));

  *policy = self->policy;
}

/* A copy of text without the token in it. */
char *
_inflow_client_redact (InflowClient *self,
                       const char   *text)
{
  GString *string;

  g_assert (INFLOW_IS_CLIENT (self));

  if (text == NULL)
    return NULL;

  if (self->token == NULL || *self->token == '\0' || strstr (text, self->token) == NULL)
    return g_strdup (text);

  string = g_string_new (text);
  g_string_replace (string, self->token, "[REDACTED]", 0);

  return g_string_free (string, FALSE);
}

static void
update_int64 (InflowClient       *self,
              SoupMessageHeaders *headers,
              const char         *name,
              gint64             *field,
              GParamSpec         *pspec)
{
  const char *value = soup_message_headers_get_one (headers, name);
  gint64 parsed;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, &parsed, NULL))
    return;

  if (*field != parsed)
    {
      *field = parsed;
      g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
}

/* Called for every response that has headers. */
void
_inflow_client_observe_response (InflowClient *self,
                                 SoupMessage  *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *date_header;

  g_assert (INFLOW_IS_CLIENT (self));

  g_object_freeze_notify (G_OBJECT (self));

  update_int64 (self, headers, "x-rate-limit-limit",
                &self->rate_limit_limit, properties[PROP_RATE_LIMIT_LIMIT]);
  update_int64 (self, headers, "x-rate-limit-remaining",
                &self->rate_limit_remaining, properties[PROP_RATE_LIMIT_REMAINING]);
  update_int64 (self, headers, "x-rate-limit-reset",
                &self->rate_limit_reset, properties[PROP_RATE_LIMIT_RESET]);

  date_header = soup_message_headers_get_one (headers, "Date");
  if (date_header != NULL)
    {
      g_autoptr(GDateTime) date = soup_date_time_new_from_http_string (date_header);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (date != NULL)
        {
          /* The header has whole seconds: aim at the middle of that second. */
          GTimeSpan offset = g_date_time_difference (date, now) + G_TIME_SPAN_SECOND / 2;

          if (offset > MAX_CLOCK_OFFSET || offset < -MAX_CLOCK_OFFSET)
            g_debug ("Ignoring the Date header %s, %" G_GINT64_FORMAT " days off the local clock",
                     date_header, offset / G_TIME_SPAN_DAY);
          else if (!self->clock_known || ABS (offset - self->clock_offset) >= G_TIME_SPAN_SECOND)
            {
              g_debug ("Server clock offset: %.1f s", (double) offset / G_TIME_SPAN_SECOND);
              self->clock_known = TRUE;
              self->clock_offset = offset;
              g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOCK_OFFSET]);
            }
        }
      else
        {
          g_debug ("Unreadable Date header: %s", date_header);
        }
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    g_signal_emit (self, signals[ANSWERED], 0);
}

/* <base>/<version><path>?<query>; path segments must be escaped already. */
GUri *
_inflow_client_build_uri (InflowClient *self,
                          const char   *version,
                          const char   *path,
                          GString      *query)
{
  g_autofree char *full_path = NULL;

  g_assert (INFLOW_IS_CLIENT (self));

  full_path = g_strconcat (self->base_path, "/", version, path, NULL);

  return g_uri_build (SOUP_HTTP_URI_FLAGS,
                      g_uri_get_scheme (self->base_uri),
                      NULL,
                      g_uri_get_host (self->base_uri),
                      g_uri_get_port (self->base_uri),
                      full_path,
                      query != NULL && query->len > 0 ? query->str : NULL,
                      NULL);
}
