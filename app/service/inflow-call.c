/* inflow-call.c: one API operation: a request, its JSON, its model(s) and pages
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-service"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "inflow-api-error.h"
#include "inflow-call.h"
#include "inflow-client-private.h"
#include "inflow-json.h"
#include "inflow-request.h"

/* The typed functions of InflowClient create their GTask (source object the
 * client, their own source tag, the caller's cancellable) and hand it here;
 * this unit sets the task data and returns the result into it:
 *
 *  - inflow_call_object(): a new model object (g_task_propagate_pointer),
 *    or TRUE (g_task_propagate_boolean) when there is nothing to parse;
 *  - inflow_call_list(): a GListStore of every item of every page,
 *    following `links.next` within the base URL's origin, with the number
 *    of items that failed to parse (inflow_call_list_finish()), within the
 *    client's list budget: so many page requests, so much time (a timer
 *    that cuts the page in flight too).
 *
 * Failures are mapped to INFLOW_API_ERROR by inflow_api_error_new_from_response()
 * (JSON and model errors become INVALID_RESPONSE with their detail). */

typedef struct
{
  InflowModelFromJson  parse;

  /* Lists */
  char                *items_member;
  GListStore          *store;
  GUri                *page_uri;
  GHashTable          *seen;
  guint                pages;
  guint                max_pages;
  guint                max_list_ms;
  guint                n_invalid;
  gboolean             forbidden_is_answer;
  gboolean             permitted;

  /* The time budget: cancels the page in flight */
  GCancellable        *cancellable;
  GCancellable        *caller_cancellable;
  gulong               caller_handler;
  GSource             *budget_source;
  gboolean             out_of_time;
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  if (call->budget_source != NULL)
    {
      g_source_destroy (call->budget_source);
      g_clear_pointer (&call->budget_source, g_source_unref);
    }
  if (call->caller_cancellable != NULL)
    g_cancellable_disconnect (call->caller_cancellable, call->caller_handler);
  g_clear_object (&call->caller_cancellable);
  g_clear_object (&call->cancellable);
  g_clear_pointer (&call->items_member, g_free);
  g_clear_object (&call->store);
  g_clear_pointer (&call->page_uri, g_uri_unref);
  g_clear_pointer (&call->seen, g_hash_table_unref);
  g_free (call);
}

static Call *
call_new (GTask               *task,
          InflowModelFromJson  parse)
{
  Call *call = g_new0 (Call, 1);

  call->parse = parse;
  call->permitted = TRUE;
  g_task_set_task_data (task, call, call_free);

  return call;
}

static GError *
invalid_response (GError *detail)
{
  g_autoptr(GError) owned = detail;

  return inflow_api_error_new_from_response (SOUP_STATUS_OK, NULL, owned, NULL);
}

/* Returns the root object of a JSON body, or NULL with an INVALID_RESPONSE. */
static JsonNode *
parse_root_object (GBytes  *body,
                   GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (size > G_MAXSSIZE)
    size = G_MAXSSIZE;

  if (size == 0 ||
      !inflow_json_check (data, (gssize) size, &local_error) ||
      !json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      if (local_error == NULL)
        local_error = g_error_new_literal (JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                                           "the response body is empty");
      g_propagate_error (error, invalid_response (g_steal_pointer (&local_error)));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error,
                         invalid_response (g_error_new_literal (INFLOW_JSON_ERROR,
                                                                INFLOW_JSON_ERROR_WRONG_TYPE,
                                                                "the response is not a JSON object")));
      return NULL;
    }

  return g_steal_pointer (&root);
}

static void
object_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  InflowClient *client = INFLOW_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gpointer value;

  body = inflow_request_send_finish (client, result, NULL, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (call->parse == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  root = parse_root_object (body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  value = call->parse (json_node_get_object (root), &error);
  if (value == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE,
                                     "the response could not be read");
      g_task_return_error (task, invalid_response (g_steal_pointer (&error)));
      return;
    }

  g_task_return_pointer (task, value, g_object_unref);
}

/**
 * inflow_call_object:
 * @task: (transfer full): the operation's task; its source object is the
 *   InflowClient
 * @parse: (nullable): the model constructor for the response's root object;
 *   %NULL to ignore the body and return %TRUE (for 204 and /ping)
 */
void
inflow_call_object (GTask               *task,
                    const char          *method,
                    GUri                *uri,
                    GBytes              *body,
                    InflowModelFromJson  parse)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (INFLOW_IS_CLIENT (g_task_get_source_object (task)));

  call_new (task, parse);

  inflow_request_send_async (g_task_get_source_object (task),
                             method, uri, body,
                             g_task_get_cancellable (task),
                             object_cb,
                             task);
}

/**
 * inflow_call_check_next_link:
 * @page_uri: the page that sent @next; a relative link resolves against it
 * @base_uri: the client's base URI: the link must stay within its origin
 * @next: the page's `links.next`, neither %NULL nor empty
 * @seen: the pages of the list read so far, as keys made by
 *   g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD)
 * @next_key: (out) (transfer full) (optional): the key of the next page,
 *   for @seen
 * @error: return location for an %INFLOW_API_ERROR_INVALID_RESPONSE
 *
 * Decides whether Inflow follows a list's `links.next`, and so sends the
 * token there: only to a link that parses, that stays within @base_uri's
 * origin (scheme, host and port) and that names a page not read yet.
 * A pure function: it neither changes @seen nor logs the token.
 *
 * Returns: (transfer full) (nullable): the next page's URI, or %NULL with
 *   @error set
 */
GUri *
inflow_call_check_next_link (GUri         *page_uri,
                             GUri         *base_uri,
                             const char   *next,
                             GHashTable   *seen,
                             char        **next_key,
                             GError      **error)
{
  g_autoptr(GUri) next_uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *next_string = NULL;

  g_return_val_if_fail (page_uri != NULL, NULL);
  g_return_val_if_fail (base_uri != NULL, NULL);
  g_return_val_if_fail (next != NULL, NULL);
  g_return_val_if_fail (seen != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  next_uri = g_uri_parse_relative (page_uri, next, SOUP_HTTP_URI_FLAGS, &local_error);
  if (next_uri == NULL)
    {
      g_debug ("Unusable links.next: %s", local_error->message);
      g_set_error_literal (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                           _("Vantage sent an invalid link to the next page of the list."));
      return NULL;
    }

  /* Before g_uri_to_string_partial(), which fails with a critical on a
   * URI without a host whose path starts with "//" ("https:/.//x"): GLib
   * 2.74 parses such links but cannot print them. */
  if (!inflow_uri_is_same_origin (next_uri, base_uri))
    {
      g_autofree char *origin = inflow_uri_describe_origin (next_uri);

      g_debug ("Refusing links.next to another origin: %s", origin);
      g_set_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                   /* Translators: %s is a site such as https://example.com */
                   _("The next page of the list is on another site (%s). Inflow did "
                     "not follow the link, so that the API token is never sent there."),
                   origin);
      return NULL;
    }

  next_string = g_uri_to_string_partial (next_uri, G_URI_HIDE_PASSWORD);
  if (g_hash_table_contains (seen, next_string))
    {
      g_debug ("links.next loops back to %s", next_string);
      g_set_error_literal (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                           _("Vantage’s list pages link back to a page already read."));
      return NULL;
    }

  if (next_key != NULL)
    *next_key = g_steal_pointer (&next_string);

  return g_steal_pointer (&next_uri);
}

static void request_page (GTask *task);

static void
return_out_of_time (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  guint seconds = MAX ((call->max_list_ms + 999) / 1000, 1);

  g_debug ("Stopping %s after %u pages: out of time", call->items_member, call->pages);
  g_task_return_new_error (task, INFLOW_API_ERROR, INFLOW_API_ERROR_LIST_TOO_SLOW,
                           /* Translators: %u is a number of seconds */
                           g_dngettext (NULL,
                                        "Vantage’s list took more than %u second to read, so Inflow "
                                        "stopped reading it. Try again later.",
                                        "Vantage’s list took more than %u seconds to read, so Inflow "
                                        "stopped reading it. Try again later.",
                                        seconds),
                           seconds);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  InflowClient *client = INFLOW_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) next_uri = NULL;
  g_autofree char *next_string = NULL;
  g_autofree char *next = NULL;
  JsonObject *page;
  guint n_invalid = 0;

  body = inflow_request_send_finish (client, result, NULL, &error);
  if (body == NULL && call->out_of_time && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      return_out_of_time (task);
      return;
    }

  if (body == NULL)
    {
      if (call->forbidden_is_answer &&
          g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN))
        {
          g_debug ("Listing %s is not permitted for this token", call->items_member);
          call->permitted = FALSE;
          g_list_store_remove_all (call->store);
          g_task_return_pointer (task, g_object_ref (call->store), g_object_unref);
          return;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  root = parse_root_object (body, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  call->pages++;
  page = json_node_get_object (root);
  if (!inflow_json_parse_list (page, call->items_member, call->parse, call->store,
                               &n_invalid, &error))
    {
      g_task_return_error (task, invalid_response (g_steal_pointer (&error)));
      return;
    }
  call->n_invalid += n_invalid;

  if (!inflow_json_read_links_next (page, &next, &error))
    {
      g_task_return_error (task, invalid_response (g_steal_pointer (&error)));
      return;
    }

  if (next != NULL && *next == '\0')
    g_clear_pointer (&next, g_free);

  if (next == NULL)
    {
      g_debug ("Listed %u %s in %u pages (%u unreadable)",
               g_list_model_get_n_items (G_LIST_MODEL (call->store)),
               call->items_member, call->pages, call->n_invalid);
      g_task_return_pointer (task, g_object_ref (call->store), g_object_unref);
      return;
    }

  next_uri = inflow_call_check_next_link (call->page_uri, _inflow_client_get_base_uri (client),
                                          next, call->seen, &next_string, &error);
  if (next_uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (call->pages >= call->max_pages)
    {
      g_debug ("Stopping %s after %u pages", call->items_member, call->pages);
      g_task_return_new_error (task, INFLOW_API_ERROR, INFLOW_API_ERROR_LIST_TOO_LONG,
                               /* Translators: %u is a number of pages */
                               g_dngettext (NULL,
                                            "Vantage’s list goes on for more than %u page, more than "
                                            "Inflow reads of one list.",
                                            "Vantage’s list goes on for more than %u pages, more than "
                                            "Inflow reads of one list.",
                                            call->max_pages),
                               call->max_pages);
      return;
    }

  if (call->out_of_time)
    {
      return_out_of_time (task);
      return;
    }

  g_hash_table_add (call->seen, g_steal_pointer (&next_string));
  g_uri_unref (call->page_uri);
  call->page_uri = g_steal_pointer (&next_uri);

  request_page (g_steal_pointer (&task));
}

static void
request_page (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  inflow_request_send_async (g_task_get_source_object (task),
                             SOUP_METHOD_GET, call->page_uri, NULL,
                             call->cancellable,
                             page_cb,
                             task);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
budget_cb (gpointer user_data)
{
  Call *call = user_data;

  call->out_of_time = TRUE;
  g_clear_pointer (&call->budget_source, g_source_unref);
  g_cancellable_cancel (call->cancellable);

  return G_SOURCE_REMOVE;
}

/**
 * inflow_call_list:
 * @task: (transfer full): the operation's task; its source object is the
 *   InflowClient
 * @first_page: the first page's URI (with its `limit`)
 * @items_member: the member of each page holding the item array
 * @item_type: the GType of the items, for the GListStore
 * @parse: the item's model constructor
 * @forbidden_is_answer: whether a 403 means "not permitted": an empty
 *   model, with permitted = FALSE, rather than an error
 */
void
inflow_call_list (GTask               *task,
                  GUri                *first_page,
                  const char          *items_member,
                  GType                item_type,
                  InflowModelFromJson  parse,
                  gboolean             forbidden_is_answer)
{
  Call *call;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (INFLOW_IS_CLIENT (g_task_get_source_object (task)));
  g_return_if_fail (first_page != NULL);
  g_return_if_fail (items_member != NULL);
  g_return_if_fail (parse != NULL);

  call = call_new (task, parse);
  call->items_member = g_strdup (items_member);
  call->store = g_list_store_new (item_type);
  call->page_uri = g_uri_ref (first_page);
  call->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  call->forbidden_is_answer = forbidden_is_answer;
  {
    InflowClientPolicy policy;

    _inflow_client_get_policy (g_task_get_source_object (task), &policy);
    call->max_pages = policy.max_pages;
    call->max_list_ms = policy.max_list_ms;
  }
  g_hash_table_add (call->seen, g_uri_to_string_partial (first_page, G_URI_HIDE_PASSWORD));

  call->cancellable = g_cancellable_new ();
  if (g_task_get_cancellable (task) != NULL)
    {
      call->caller_cancellable = g_object_ref (g_task_get_cancellable (task));
      call->caller_handler = g_cancellable_connect (call->caller_cancellable,
                                                    G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (call->cancellable), g_object_unref);
    }

  /* The source holds no reference: call_free() destroys it */
  call->budget_source = g_timeout_source_new (call->max_list_ms);
  g_source_set_static_name (call->budget_source, "[inflow] list time budget");
  g_source_set_callback (call->budget_source, budget_cb, call, NULL);
  g_source_attach (call->budget_source, g_task_get_context (task));

  request_page (task);
}

/**
 * inflow_call_list_finish:
 * @permitted: (out) (optional): FALSE when the server answered 403 to a
 *   list started with forbidden_is_answer
 * @n_invalid: (out) (optional): how many items failed to parse (they are
 *   not in the model)
 *
 * Returns: (transfer full): the items, or %NULL with @error set
 */
GListModel *
inflow_call_list_finish (GTask    *task,
                         gboolean *permitted,
                         guint    *n_invalid,
                         GError  **error)
{
  Call *call = g_task_get_task_data (task);

  if (permitted != NULL)
    *permitted = call->permitted;
  if (n_invalid != NULL)
    *n_invalid = call->n_invalid;

  return g_task_propagate_pointer (task, error);
}
