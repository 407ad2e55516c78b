/* inflow-api-error.c: the error domain of the Vantage API client
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-service"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "inflow-api-error.h"
#include "inflow-ingestion-format.h"
#include "inflow-json.h"

/* The server's messages are shown as they are, within reason. */
#define MAX_SERVER_MESSAGE_CHARS 1000

/* libsoup 3.2 has no name for it */
#define STATUS_TOO_MANY_REQUESTS 429

G_DEFINE_QUARK (inflow-api-error-quark, inflow_api_error)

/* The string member @name of @object, or NULL when it is missing or not a
 * string (json_object_get_string_member_with_default() warns about an
 * object or array there, which a server can send). */
static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
append_message (GString    *joined,
                const char *message)
{
  g_autofree char *stripped = NULL;

  if (message == NULL)
    return;

  /* Valid UTF-8 even when JSON-GLib let a lone surrogate through */
  stripped = g_strstrip (g_utf8_make_valid (message, -1));
  if (*stripped == '\0')
    return;

  if (joined->len > 0)
    g_string_append (joined, "; ");
  g_string_append (joined, stripped);
}

/* The Vantage error body is {"errors": ["message", …]}; also accept a lone
 * "error" or "message" string, as other Rails APIs send. Returns NULL when
 * the body holds no readable message. */
static char *
read_server_messages (GBytes *body)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) joined = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;
  JsonNode *root;
  JsonObject *object;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  if (size == 0 || size > G_MAXSSIZE)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!inflow_json_check (data, (gssize) size, &error) ||
      !json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      g_debug ("Error body is not JSON: %s", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  joined = g_string_new (NULL);

  if (json_object_has_member (object, "errors"))
    {
      JsonNode *errors = json_object_get_member (object, "errors");

      if (JSON_NODE_HOLDS_ARRAY (errors))
        {
          JsonArray *array = json_node_get_array (errors);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (element) &&
                  json_node_get_value_type (element) == G_TYPE_STRING)
                append_message (joined, json_node_get_string (element));
              else if (JSON_NODE_HOLDS_OBJECT (element))
                append_message (joined, get_string_member (json_node_get_object (element), "message"));
            }
        }
      else if (JSON_NODE_HOLDS_VALUE (errors) &&
               json_node_get_value_type (errors) == G_TYPE_STRING)
        {
          append_message (joined, json_node_get_string (errors));
        }
    }

  if (joined->len == 0)
    {
      append_message (joined, get_string_member (object, "error"));
      append_message (joined, get_string_member (object, "message"));
    }

  if (joined->len == 0)
    return NULL;

  if (g_utf8_strlen (joined->str, -1) > MAX_SERVER_MESSAGE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (joined->str, 0, MAX_SERVER_MESSAGE_CHARS);

      g_string_assign (joined, cut);
      g_string_append (joined, "…");
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static GError *
map_transport_error (guint         status,
                     const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      error->domain == INFLOW_API_ERROR)
    return g_error_copy (error);

  g_debug ("Transport error (HTTP status %u): %s [%s %d]",
           status, error->message, g_quark_to_string (error->domain), error->code);

  if (error->domain == JSON_PARSER_ERROR || error->domain == INFLOW_JSON_ERROR)
    {
      /* JSON-GLib quotes the bytes it chokes on, which need not be UTF-8 */
      g_autofree char *detail = g_utf8_make_valid (error->message, -1);

      return g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                          /* Translators: %s is a technical detail */
                          _("Vantage sent data that Inflow cannot read (%s)."),
                          detail);
    }

  if (error->domain == G_TLS_ERROR)
    {
      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_TLS,
                                    _("The server’s certificate is not valid or not trusted, "
                                      "so Inflow did not connect. A network device may be "
                                      "intercepting the connection."));

      return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_TLS,
                                  _("A secure connection to the server could not be established."));
    }

  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
      g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING))
    return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                _("The server sent a malformed HTTP response."));

  /* The headers arrived but the body did not: a truncated response. */
  if (status != SOUP_STATUS_NONE)
    return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                _("The response from Vantage was cut off before it was complete."));

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK,
                                _("The Vantage server could not be found. Check the internet "
                                  "connection."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK,
                                _("Vantage did not answer in time. Check the internet connection "
                                  "and try again."));

  return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK,
                              _("Inflow could not reach Vantage. Check the internet connection "
                                "and try again."));
}

/* When the limit resets, on the local clock, through the one formatter:
 * "14:20 today", "Nov 20, 14:20", with the year when it is not this year. */
static char *
format_retry_at (GDateTime *retry_at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;

  if (retry_at == NULL)
    return g_strdup (_("Try again in a few minutes."));

  if (g_date_time_difference (retry_at, now) > INFLOW_API_ERROR_LONGEST_RESET)
    return g_strdup (_("Vantage asked Inflow to wait more than a week before it sends more requests."));

  when = inflow_ingestion_format_when (retry_at, now);
  /* Translators: %s is a moment like "14:20 today" or "Nov 20, 14:20" */
  return g_strdup_printf (_("The limit resets at %s."), when);
}

/**
 * inflow_api_error_new_from_response:
 * @status: the HTTP status, or %SOUP_STATUS_NONE (0) when no headers arrived
 * @body: (nullable): the response body
 * @transport_error: (nullable): the error of the exchange itself, or of
 *   decoding a 2xx body (%JSON_PARSER_ERROR, %INFLOW_JSON_ERROR)
 * @retry_at: (nullable): when a 429's limit resets, on the local clock; the
 *   message shows its date when it is not today, and says "more than a
 *   week" rather than a time beyond %INFLOW_API_ERROR_LONGEST_RESET
 *
 * The one mapping of an HTTP outcome to an #InflowApiError. A transport
 * error wins over the status: %G_IO_ERROR_CANCELLED and #InflowApiError are
 * copied, %G_TLS_ERROR becomes %INFLOW_API_ERROR_TLS, decoding errors and a
 * body cut off after the headers become %INFLOW_API_ERROR_INVALID_RESPONSE
 * (keeping the detail), anything else %INFLOW_API_ERROR_NETWORK. Otherwise
 * the status picks the code and the body's `{"errors": [...]}` becomes the
 * message (joined with "; "), falling back to a translated sentence.
 *
 * Returns: (transfer full): a new error
 */
GError *
inflow_api_error_new_from_response (guint         status,
                                    GBytes       *body,
                                    const GError *transport_error,
                                    GDateTime    *retry_at)
{
  g_autofree char *server = NULL;
  InflowApiError code;
  const char *fallback;

  if (transport_error != NULL)
    return map_transport_error (status, transport_error);

  server = read_server_messages (body);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      code = INFLOW_API_ERROR_UNAUTHORIZED;
      fallback = _("Vantage did not accept the API token. Check that it is correct and has not "
                   "been revoked.");
      break;

    case SOUP_STATUS_FORBIDDEN:
      {
        const char *hint = _("Changes need an API token with Write scope on the Everyone team.");

        return g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN,
                            /* Translators: the first %s is the server's reason, the second a hint */
                            _("%s %s"),
                            server != NULL ? server : _("The API token is not allowed to do this."),
                            hint);
      }

    case SOUP_STATUS_NOT_FOUND:
      code = INFLOW_API_ERROR_NOT_FOUND;
      fallback = _("Vantage could not find this item. It may have been removed.");
      break;

    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      code = INFLOW_API_ERROR_VALIDATION;
      fallback = _("Vantage rejected the request as invalid.");
      break;

    case SOUP_STATUS_PAYMENT_REQUIRED:
      code = INFLOW_API_ERROR_PAYMENT_REQUIRED;
      fallback = _("This needs a higher Vantage plan.");
      break;

    case STATUS_TOO_MANY_REQUESTS:
      {
        g_autofree char *when = format_retry_at (retry_at);

        return g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED,
                            /* Translators: the first %s is the server's reason, the second when to retry */
                            _("%s %s"),
                            server != NULL ? server : _("Too many requests were sent to Vantage."),
                            when);
      }

    default:
      if (SOUP_STATUS_IS_SERVER_ERROR (status))
        {
          if (server != NULL)
            return g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER,
                                /* Translators: %u is an HTTP status, %s the server's reason */
                                _("Vantage had a problem answering (HTTP %u): %s"),
                                status, server);

          return g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER,
                              /* Translators: %u is an HTTP status */
                              _("Vantage had a problem answering (HTTP %u). Try again later."),
                              status);
        }

      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        return g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                    _("Vantage sent an answer that Inflow cannot read."));

      if (server != NULL)
        return g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_FAILED,
                            /* Translators: %u is an HTTP status, %s the server's reason */
                            _("Vantage refused the request (HTTP %u): %s"),
                            status, server);

      return g_error_new (INFLOW_API_ERROR, INFLOW_API_ERROR_FAILED,
                          /* Translators: %u is an HTTP status */
                          _("Vantage answered with an unexpected status (HTTP %u)."),
                          status);
    }

  return g_error_new_literal (INFLOW_API_ERROR, code, server != NULL ? server : fallback);
}

/**
 * inflow_api_error_is_transient:
 * @error: (nullable): a failure of the service layer
 *
 * Whether the same request may well succeed later without anyone doing
 * anything: the network or the secure connection failed, the server
 * failed (5xx), the rate limit was reached, or the answer could not be
 * read (a body cut off or garbled on the way). Not for a token Vantage
 * refuses, a missing right or object, a plan limit or a bad URL: those
 * need the user.
 *
 * Returns: whether trying again later makes sense
 */
gboolean
inflow_api_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != INFLOW_API_ERROR)
    return FALSE;

  switch ((InflowApiError) error->code)
    {
    case INFLOW_API_ERROR_RATE_LIMITED:
    case INFLOW_API_ERROR_SERVER:
    case INFLOW_API_ERROR_NETWORK:
    case INFLOW_API_ERROR_TLS:
    case INFLOW_API_ERROR_INVALID_RESPONSE:
    case INFLOW_API_ERROR_DEADLINE_EXCEEDED:
      return TRUE;

    /* Reading the same list again would spend the same budget again */
    case INFLOW_API_ERROR_LIST_TOO_LONG:
    case INFLOW_API_ERROR_LIST_TOO_SLOW:
    case INFLOW_API_ERROR_UNAUTHORIZED:
    case INFLOW_API_ERROR_FORBIDDEN:
    case INFLOW_API_ERROR_NOT_FOUND:
    case INFLOW_API_ERROR_VALIDATION:
    case INFLOW_API_ERROR_PAYMENT_REQUIRED:
    case INFLOW_API_ERROR_INSECURE_URL:
    case INFLOW_API_ERROR_FAILED:
    default:
      return FALSE;
    }
}
