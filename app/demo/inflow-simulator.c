/* inflow-simulator.c: a stateful simulator of the Vantage REST API
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1 that speaks the subset of the Vantage API Inflow
 * uses, shaped like the official specs (v2 and the v1 AWS calls): Bearer
 * auth with read/write scopes, page/limit with absolute links, the
 * {"errors": [...]} body, rate-limit headers and 429s, a virtual clock sent
 * in the Date header, and faults for tests. The organization it serves is an
 * InflowSimScenario; the clock an InflowSimClock.
 *
 * The server runs on the thread-default main context of the caller of
 * inflow_simulator_listen(). Bearer tokens are never logged.
 */

#define G_LOG_DOMAIN "inflow-sim"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "inflow-sim-clock.h"
#include "inflow-json.h"
#include "inflow-sim-json.h"
#include "inflow-simulator.h"

#define DEFAULT_INTEGRATIONS 40
#define DEFAULT_ACCOUNTS     60
#define DEFAULT_LIMIT        100
#define MAX_LIMIT            1000
#define MAX_COSTS_LIMIT      5000
#define STATUS_TOO_MANY_REQUESTS 429

#define MSG_MISSING_TOKEN "Missing API token: send an \"Authorization: Bearer <token>\" header."
#define MSG_INVALID_TOKEN "Invalid API token."
#define MSG_WRITE_SCOPE   "This API token does not have the write scope, which this request requires. " \
                          "Create a token with Write access in Settings > API Access Tokens."
#define MSG_USERS_DENIED  "You are not authorized to list users. Use a token of an Owner or a service token of the Everyone team."
#define MSG_RATE_LIMITED  "Rate limit exceeded. Retry after the time in the Retry-After header."

typedef struct
{
  gboolean  can_write;
  gboolean  can_list_users;
  gint64    created_at;
  char     *description;
} TokenInfo;

typedef struct
{
  guint   limit;       /* 0: no limit */
  gint64  window_us;
  gint64  start;       /* monotonic */
  guint   used;
} RateWindow;

typedef struct
{
  guint           id;
  char           *method;       /* NULL: any */
  char           *path_prefix;
  InflowSimFault  kind;
  guint           status;
  guint           delay_ms;
  guint           remaining;    /* 0: until removed */
  char           *location;
} Fault;

typedef struct
{
  char    *authorization;       /* NULL: none sent */
  guint64  sequence;
} LastAuth;

/* A request held back by a delay or taken over by a connection fault. */
typedef struct
{
  InflowSimulator   *self;
  SoupServerMessage *msg;
  char              *path;
  GHashTable        *query;
  Fault             *fault;
  guint              source_id;
} Pending;

/* What a handler answers. */
typedef struct
{
  guint    status;
  GString *body;               /* NULL: no body */
  char    *location;
  gboolean rate_from_costs;    /* headers describe the /costs window */
  gboolean retry_after;
  guint    retry_after_s;      /* a fault's own Retry-After (0: none) */
} Response;

/* What chaos mode injects, with weights out of 100 */
typedef enum
{
  CHAOS_SERVER_ERROR,
  CHAOS_RATE_LIMITED,
  CHAOS_SLOW,
  CHAOS_DROP,
  CHAOS_TRUNCATED,
  CHAOS_CUT_JSON,
  CHAOS_MALFORMED,
  CHAOS_WRONG_TYPES,
  N_CHAOS_KINDS
} ChaosKind;

static const struct {
  const char *name;
  guint       weight;
} chaos_kinds[N_CHAOS_KINDS] = {
  [CHAOS_SERVER_ERROR] = { "server-error", 25 },
  [CHAOS_RATE_LIMITED] = { "rate-limited", 10 },
  [CHAOS_SLOW] = { "slow", 20 },
  [CHAOS_DROP] = { "dropped", 10 },
  [CHAOS_TRUNCATED] = { "truncated", 10 },
  [CHAOS_CUT_JSON] = { "cut-json", 10 },
  [CHAOS_MALFORMED] = { "malformed", 10 },
  [CHAOS_WRONG_TYPES] = { "wrong-types", 5 },
};

struct _InflowSimulator
{
  GObject             parent_instance;

  guint64             seed;
  guint               n_integrations;
  guint               n_accounts;

  InflowSimClock     *clock;
  InflowSimScenario  *scenario;
  SoupServer         *server;
  GSocketService     *service;
  GTlsCertificate    *tls_certificate;  /* NULL: plain HTTP */
  char               *base_url;
  guint               port;

  GHashTable         *tokens;          /* token → TokenInfo */
  RateWindow          rate;
  RateWindow          cost_rate;

  GPtrArray          *faults;          /* Fault */
  guint               next_fault_id;
  GPtrArray          *pending;         /* Pending */

  /* Chaos: a random fault for a share of the requests no fault matched */
  double              chaos;
  GRand              *chaos_rand;
  guint               chaos_counts[N_CHAOS_KINDS];

  guint               total_requests;
  guint64             sequence;
  GHashTable         *path_counts;     /* path → count */
  GHashTable         *last_auth;       /* path → LastAuth */
};

G_DEFINE_FINAL_TYPE (InflowSimulator, inflow_simulator, G_TYPE_OBJECT)

/* ---- helpers -------------------------------------------------------------- */

static void
token_info_free (gpointer data)
{
  TokenInfo *info = data;

  g_free (info->description);
  g_free (info);
}

static void
fault_free (gpointer data)
{
  Fault *fault = data;

  g_free (fault->method);
  g_free (fault->path_prefix);
  g_free (fault->location);
  g_free (fault);
}

static Fault *
fault_copy (const Fault *fault)
{
  Fault *copy = g_memdup2 (fault, sizeof (Fault));

  copy->method = g_strdup (fault->method);
  copy->path_prefix = g_strdup (fault->path_prefix);
  copy->location = g_strdup (fault->location);

  return copy;
}

static void
last_auth_free (gpointer data)
{
  LastAuth *last = data;

  g_free (last->authorization);
  g_free (last);
}

static void
pending_free (Pending *pending)
{
  g_clear_handle_id (&pending->source_id, g_source_remove);
  g_clear_object (&pending->msg);
  g_clear_pointer (&pending->query, g_hash_table_unref);
  g_clear_pointer (&pending->fault, fault_free);
  g_free (pending->path);
  g_free (pending);
}

static void
response_clear (Response *response)
{
  if (response->body != NULL)
    g_string_free (response->body, TRUE);
  response->body = NULL;
  g_clear_pointer (&response->location, g_free);
}

static void
body_take (GString *body,
           char    *text)
{
  g_string_append (body, text);
  g_free (text);
}

static void
response_error (Response   *response,
                guint       status,
                const char *message)
{
  response_clear (response);
  response->status = status;
  response->body = g_string_new (NULL);
  body_take (response->body, inflow_sim_json_errors (message));
}

G_GNUC_PRINTF (3, 4)
static void
response_errorf (Response   *response,
                 guint       status,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  response_error (response, status, message);
}

static InflowSimScenario *
ensure_scenario (InflowSimulator *self)
{
  if (self->scenario == NULL)
    self->scenario = inflow_sim_scenario_new (self->seed, self->n_integrations, self->n_accounts,
                                              inflow_sim_clock_now (self->clock));

  return self->scenario;
}

/* ---- rate limiting -------------------------------------------------------- */

static void
rate_window_refresh (RateWindow *window,
                     gint64      monotonic)
{
  if (window->limit == 0)
    return;

  if (monotonic - window->start >= window->window_us)
    {
      window->start = monotonic;
      window->used = 0;
    }
}

static gboolean
rate_window_take (RateWindow *window,
                  gint64      monotonic)
{
  if (window->limit == 0)
    return TRUE;

  rate_window_refresh (window, monotonic);
  if (window->used >= window->limit)
    return FALSE;

  window->used++;
  return TRUE;
}

/* The headers every response carries. The reset time is on the clock of
 * the Date header (virtual) plus the real time left in the window, so
 * reset minus Date is how long to wait. */
static void
add_rate_headers (InflowSimulator    *self,
                  SoupMessageHeaders *headers,
                  gboolean            from_costs,
                  gboolean            retry_after)
{
  RateWindow *window = from_costs && self->cost_rate.limit > 0 ? &self->cost_rate : &self->rate;
  gint64 monotonic = g_get_monotonic_time ();
  gint64 left_us;
  gint64 left_s;
  char value[32];

  if (window->limit == 0)
    return;

  rate_window_refresh (window, monotonic);
  left_us = MAX (window->start + window->window_us - monotonic, 0);
  left_s = (left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  g_snprintf (value, sizeof value, "%u", window->limit);
  soup_message_headers_replace (headers, "x-rate-limit-limit", value);
  g_snprintf (value, sizeof value, "%u", window->limit - MIN (window->used, window->limit));
  soup_message_headers_replace (headers, "x-rate-limit-remaining", value);
  g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT,
              inflow_sim_clock_now (self->clock) / G_USEC_PER_SEC + left_s);
  soup_message_headers_replace (headers, "x-rate-limit-reset", value);
  if (retry_after)
    {
      g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, MAX (left_s, 1));
      soup_message_headers_replace (headers, "Retry-After", value);
    }
}

/* ---- request context and pagination --------------------------------------- */

typedef struct
{
  InflowSimulator   *self;
  SoupServerMessage *msg;
  const char        *method;
  const char        *path;
  GHashTable        *query;
  const TokenInfo   *token;
  char              *origin;   /* "http://host:port" from the Host header */
  gint64             now;
} Request;

static const char *
query_get (Request    *req,
           const char *name)
{
  const char *value;

  if (req->query == NULL)
    return NULL;

  value = g_hash_table_lookup (req->query, name);
  if (value == NULL || *value == '\0')
    return NULL;

  return value;
}

static gboolean
parse_positive (const char *text,
                guint      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &value, NULL))
    return FALSE;

  *out = (guint) value;
  return TRUE;
}

typedef struct
{
  guint page;
  guint limit;
  gboolean limit_given;
  guint offset;
  guint count;
  guint last_page;
} Page;

/* Reads page and limit (limit capped at @max_limit). FALSE with a 400 in
 * @response when one is not a positive integer. */
static gboolean
page_parse (Request  *req,
            guint     max_limit,
            Page     *page,
            Response *response)
{
  const char *page_text = query_get (req, "page");
  const char *limit_text = query_get (req, "limit");

  page->page = 1;
  page->limit = MIN (DEFAULT_LIMIT, max_limit);
  page->limit_given = limit_text != NULL;

  if (page_text != NULL && !parse_positive (page_text, &page->page))
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST, "page must be a positive integer");
      return FALSE;
    }
  if (limit_text != NULL)
    {
      if (!parse_positive (limit_text, &page->limit))
        {
          response_error (response, SOUP_STATUS_BAD_REQUEST, "limit must be a positive integer");
          return FALSE;
        }
      page->limit = MIN (page->limit, max_limit);
    }

  return TRUE;
}

static void
page_apply (Page  *page,
            guint  total)
{
  guint64 offset = (guint64) (page->page - 1) * page->limit;

  page->last_page = MAX (1u, (total + page->limit - 1) / page->limit);
  page->offset = (guint) MIN (offset, (guint64) total);
  page->count = MIN (page->limit, total - page->offset);
}

/* The URL of page @number: the request's path and query, with page (and
 * limit, if the request gave one) replaced. */
static char *
page_url (Request    *req,
          const Page *page,
          guint       number)
{
  GUri *uri = soup_server_message_get_uri (req->msg);
  const char *raw_query = g_uri_get_query (uri);
  GString *url = g_string_new (req->origin);

  g_string_append (url, req->path);
  g_string_append_c (url, '?');

  if (raw_query != NULL)
    {
      g_auto(GStrv) pairs = g_strsplit (raw_query, "&", -1);

      for (guint i = 0; pairs[i] != NULL; i++)
        {
          if (*pairs[i] == '\0' ||
              g_str_has_prefix (pairs[i], "page=") || g_str_equal (pairs[i], "page") ||
              g_str_has_prefix (pairs[i], "limit=") || g_str_equal (pairs[i], "limit"))
            continue;
          g_string_append (url, pairs[i]);
          g_string_append_c (url, '&');
        }
    }
  if (page->limit_given)
    g_string_append_printf (url, "limit=%u&", page->limit);
  g_string_append_printf (url, "page=%u", number);

  return g_string_free (url, FALSE);
}

static void
append_page_link (GString    *out,
                  Request    *req,
                  const Page *page,
                  const char *name,
                  guint       number)
{
  g_autofree char *url = number > 0 ? page_url (req, page, number) : NULL;

  g_string_append_printf (out, "\"%s\":", name);
  inflow_sim_json_string (out, url);
}

static void
append_links (GString    *out,
              Request    *req,
              const Page *page)
{
  g_string_append (out, "\"links\":{");
  append_page_link (out, req, page, "self", page->page);
  g_string_append_c (out, ',');
  append_page_link (out, req, page, "first", 1);
  g_string_append_c (out, ',');
  append_page_link (out, req, page, "next", page->page < page->last_page ? page->page + 1 : 0);
  g_string_append_c (out, ',');
  append_page_link (out, req, page, "last", page->last_page);
  g_string_append_c (out, ',');
  append_page_link (out, req, page, "prev",
                    page->page > 1 ? MIN (page->page - 1, page->last_page) : 0);
  g_string_append_c (out, '}');
}

typedef void (*AppendItemFunc) (InflowSimulator *self,
                                GString         *out,
                                guint            item,
                                gint64           now);

/* {"links": {...}, "<key>": [items of the page]} */
static void
respond_list (Request        *req,
              Response       *response,
              const char     *key,
              GArray         *items,
              AppendItemFunc  append,
              guint           max_limit)
{
  Page page;

  if (!page_parse (req, max_limit, &page, response))
    return;
  page_apply (&page, items->len);

  response->status = SOUP_STATUS_OK;
  response->body = g_string_sized_new (256 + page.count * 320);
  g_string_append_c (response->body, '{');
  append_links (response->body, req, &page);
  g_string_append_printf (response->body, ",\"%s\":[", key);
  for (guint i = 0; i < page.count; i++)
    {
      if (i > 0)
        g_string_append_c (response->body, ',');
      append (req->self, response->body, g_array_index (items, guint, page.offset + i), req->now);
    }
  g_string_append (response->body, "]}");
}

static gboolean
check_provider (const char *provider,
                Response   *response)
{
  if (provider != NULL && !inflow_sim_is_known_provider (provider))
    {
      response_errorf (response, SOUP_STATUS_BAD_REQUEST, "Unknown provider: %s", provider);
      return FALSE;
    }

  return TRUE;
}

/* workspace_token is required (every token sees several workspaces). */
static gboolean
require_workspace (Request  *req,
                   Response *response,
                   int      *workspace)
{
  const char *token = query_get (req, "workspace_token");

  if (token == NULL)
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST,
                      "workspace_token is required when the API token has access to multiple workspaces");
      return FALSE;
    }

  *workspace = inflow_sim_scenario_find_workspace (req->self->scenario, token);
  if (*workspace < 0)
    {
      response_error (response, SOUP_STATUS_NOT_FOUND, "Workspace not found.");
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
parse_body (Request   *req,
            Response  *response)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 ||
      !inflow_json_check (data, (gssize) size, &error) ||
      !json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST, "The request body is not valid JSON.");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST, "The request body must be a JSON object.");
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/* ---- v2 handlers ---------------------------------------------------------- */

static void
append_workspace_cb (InflowSimulator *self,
                     GString         *out,
                     guint            item,
                     gint64           now)
{
  inflow_sim_scenario_append_workspace (self->scenario, out, item);
}

static void
append_integration_cb (InflowSimulator *self,
                       GString         *out,
                       guint            item,
                       gint64           now)
{
  inflow_sim_scenario_append_integration (self->scenario, out, item, now);
}

static void
append_account_cb (InflowSimulator *self,
                   GString         *out,
                   guint            item,
                   gint64           now)
{
  inflow_sim_scenario_append_account (self->scenario, out, item);
}

static void
append_team_cb (InflowSimulator *self,
                GString         *out,
                guint            item,
                gint64           now)
{
  inflow_sim_scenario_append_team (self->scenario, out, item);
}

static void
append_user_cb (InflowSimulator *self,
                GString         *out,
                guint            item,
                gint64           now)
{
  inflow_sim_scenario_append_user (self->scenario, out, item);
}

static void
handle_me (Request  *req,
           Response *response)
{
  InflowSimScenario *scenario = req->self->scenario;
  GString *out = g_string_new ("{\"default_workspace_token\":");

  inflow_sim_json_string (out, inflow_sim_scenario_get_workspace_token (scenario, 0));
  g_string_append (out, ",\"default_dashboard_token\":");
  inflow_sim_json_string (out, inflow_sim_scenario_get_default_dashboard (scenario));
  g_string_append (out, ",\"workspaces\":[");
  for (guint w = 0; w < inflow_sim_scenario_get_n_workspaces (scenario); w++)
    {
      if (w > 0)
        g_string_append_c (out, ',');
      inflow_sim_scenario_append_workspace (scenario, out, w);
    }
  g_string_append (out, "],\"bearer_token\":{\"description\":");
  inflow_sim_json_string (out, req->token->description);
  g_string_append (out, ",\"created_at\":");
  inflow_sim_json_time (out, req->token->created_at);
  g_string_append (out, req->token->can_write ? ",\"scope\":[\"read\",\"write\"]}}"
                                              : ",\"scope\":[\"read\"]}}");

  response->status = SOUP_STATUS_OK;
  response->body = out;
}

static void
handle_ping (Request  *req,
             Response *response)
{
  response->status = SOUP_STATUS_OK;
  response->body = g_string_new ("{\"status\":\"ok\"}");
}

static void
handle_integrations (Request  *req,
                     Response *response)
{
  const char *provider = query_get (req, "provider");
  const char *account_identifier = query_get (req, "account_identifier");
  g_autoptr(GArray) items = NULL;

  if (!check_provider (provider, response))
    return;
  if (account_identifier != NULL && provider == NULL)
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST,
                      "provider is required when filtering by account_identifier");
      return;
    }

  items = inflow_sim_scenario_list_integrations (req->self->scenario, provider, account_identifier);
  respond_list (req, response, "integrations", items, append_integration_cb, MAX_LIMIT);
}

static void
handle_integration (Request    *req,
                    Response   *response,
                    const char *token)
{
  InflowSimScenario *scenario = req->self->scenario;
  int index = inflow_sim_scenario_find_integration (scenario, token);

  if (index < 0)
    {
      response_error (response, SOUP_STATUS_NOT_FOUND, "Integration not found.");
      return;
    }

  if (g_str_equal (req->method, "DELETE"))
    {
      inflow_sim_scenario_delete_integration (scenario, (guint) index);
      response->status = SOUP_STATUS_NO_CONTENT;
      return;
    }

  if (g_str_equal (req->method, "PUT"))
    {
      g_autoptr(JsonNode) root = parse_body (req, response);
      JsonObject *object;

      if (root == NULL)
        return;

      object = json_node_get_object (root);
      if (json_object_has_member (object, "workspace_tokens"))
        {
          JsonNode *node = json_object_get_member (object, "workspace_tokens");
          guint32 mask = 0;
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              response_error (response, SOUP_STATUS_BAD_REQUEST,
                              "workspace_tokens must be an array of workspace tokens");
              return;
            }
          array = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              const char *ws_token;
              int workspace;

              if (!JSON_NODE_HOLDS_VALUE (element) ||
                  json_node_get_value_type (element) != G_TYPE_STRING)
                {
                  response_error (response, SOUP_STATUS_BAD_REQUEST,
                                  "workspace_tokens must be an array of workspace tokens");
                  return;
                }
              ws_token = json_node_get_string (element);
              workspace = inflow_sim_scenario_find_workspace (scenario, ws_token);
              if (workspace < 0)
                {
                  response_errorf (response, SOUP_STATUS_BAD_REQUEST,
                                   "Workspace %s does not exist or is not accessible", ws_token);
                  return;
                }
              mask |= 1u << workspace;
            }
          inflow_sim_scenario_set_integration_workspaces (scenario, (guint) index, mask);
        }
    }

  response->status = SOUP_STATUS_OK;
  response->body = g_string_new (NULL);
  inflow_sim_scenario_append_integration (scenario, response->body, (guint) index, req->now);
}

static void
handle_workspaces (Request  *req,
                   Response *response)
{
  InflowSimScenario *scenario = req->self->scenario;
  const char *q = query_get (req, "q");
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *q_folded = q != NULL ? g_utf8_casefold (q, -1) : NULL;

  for (guint w = 0; w < inflow_sim_scenario_get_n_workspaces (scenario); w++)
    {
      if (q_folded != NULL)
        {
          g_autofree char *name = g_utf8_casefold (inflow_sim_scenario_get_workspace_name (scenario, w), -1);

          if (strstr (name, q_folded) == NULL)
            continue;
        }
      g_array_append_val (items, w);
    }

  respond_list (req, response, "workspaces", items, append_workspace_cb, MAX_LIMIT);
}

static void
handle_cost_provider_accounts (Request  *req,
                               Response *response)
{
  const char *provider = query_get (req, "provider");
  g_autoptr(GArray) items = NULL;
  int workspace;

  if (!require_workspace (req, response, &workspace) || !check_provider (provider, response))
    return;

  items = inflow_sim_scenario_list_accounts (req->self->scenario, workspace, provider,
                                             query_get (req, "account_id"),
                                             query_get (req, "account_name"),
                                             req->now);
  respond_list (req, response, "cost_provider_accounts", items, append_account_cb, MAX_LIMIT);
}

static void
handle_teams (Request  *req,
              Response *response)
{
  const char *workspace_token = query_get (req, "workspace_token");
  int workspace = -1;
  g_autoptr(GArray) items = NULL;

  if (workspace_token != NULL)
    {
      workspace = inflow_sim_scenario_find_workspace (req->self->scenario, workspace_token);
      if (workspace < 0)
        {
          /* nothing belongs to an unknown workspace */
          items = g_array_new (FALSE, FALSE, sizeof (guint));
          respond_list (req, response, "teams", items, append_team_cb, MAX_LIMIT);
          return;
        }
    }

  items = inflow_sim_scenario_list_teams (req->self->scenario, workspace);
  respond_list (req, response, "teams", items, append_team_cb, MAX_LIMIT);
}

static void
handle_users (Request  *req,
              Response *response)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!req->token->can_list_users)
    {
      response_error (response, SOUP_STATUS_FORBIDDEN, MSG_USERS_DENIED);
      return;
    }

  for (guint u = 0; u < inflow_sim_scenario_get_n_users (req->self->scenario); u++)
    g_array_append_val (items, u);

  respond_list (req, response, "users", items, append_user_cb, MAX_LIMIT);
}

static gboolean
parse_groupings (const char *text,
                 guint      *groupings,
                 Response   *response)
{
  static const struct {
    const char        *name;
    InflowSimGrouping  flag;
  } known[] = {
    { "provider", INFLOW_SIM_GROUP_PROVIDER },
    { "account_id", INFLOW_SIM_GROUP_ACCOUNT_ID },
    { "billing_account_id", INFLOW_SIM_GROUP_BILLING_ACCOUNT_ID },
    { "service", INFLOW_SIM_GROUP_SERVICE },
    { "region", INFLOW_SIM_GROUP_REGION },
    { "resource_id", INFLOW_SIM_GROUP_RESOURCE_ID },
  };
  g_auto(GStrv) names = g_strsplit (text != NULL ? text : "provider,service,account_id", ",", -1);

  *groupings = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean found = FALSE;

      if (*name == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        {
          if (g_str_equal (name, known[k].name))
            {
              *groupings |= known[k].flag;
              found = TRUE;
            }
        }
      if (!found)
        {
          response_errorf (response, SOUP_STATUS_BAD_REQUEST,
                           "Unsupported grouping: %s. Valid groupings here: "
                           "account_id, billing_account_id, provider, region, resource_id, service",
                           name);
          return FALSE;
        }
    }

  return TRUE;
}

static void
handle_costs (Request  *req,
              Response *response)
{
  InflowSimCostQuery query = { 0 };
  const char *start = query_get (req, "start_date");
  const char *end = query_get (req, "end_date");
  const char *date_bin = query_get (req, "date_bin");
  const char *order = query_get (req, "order");
  gint64 today = inflow_sim_day_of (req->now);
  gint64 total = 0;
  guint n_rows = 0;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  Page page;

  if (query_get (req, "cost_report_token") != NULL)
    {
      response_error (response, SOUP_STATUS_NOT_FOUND, "CostReport not found.");
      return;
    }
  if (!require_workspace (req, response, &query.workspace))
    return;
  if (!parse_groupings (query_get (req, "groupings"), &query.groupings, response))
    return;

  query.start_day = start != NULL ? inflow_sim_day_parse (start) : inflow_sim_day_month_start (today);
  query.end_day = end != NULL ? inflow_sim_day_parse (end) : today;
  if (query.start_day == G_MININT64 || query.end_day == G_MININT64)
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST,
                      "start_date and end_date must be ISO 8601 dates (YYYY-MM-DD)");
      return;
    }
  if (query.start_day > query.end_day)
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST, "start_date must not be after end_date");
      return;
    }

  if (date_bin == NULL || g_str_equal (date_bin, "day"))
    query.date_bin = INFLOW_SIM_BIN_DAY;
  else if (g_str_equal (date_bin, "week"))
    query.date_bin = INFLOW_SIM_BIN_WEEK;
  else if (g_str_equal (date_bin, "month"))
    query.date_bin = INFLOW_SIM_BIN_MONTH;
  else if (g_str_equal (date_bin, "quarter"))
    query.date_bin = INFLOW_SIM_BIN_QUARTER;
  else if (g_str_equal (date_bin, "hour"))
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST,
                      "Hourly costs are not available for these providers");
      return;
    }
  else
    {
      response_errorf (response, SOUP_STATUS_BAD_REQUEST, "Invalid date_bin: %s", date_bin);
      return;
    }

  if (order == NULL || g_str_equal (order, "desc"))
    query.ascending = FALSE;
  else if (g_str_equal (order, "asc"))
    query.ascending = TRUE;
  else
    {
      response_errorf (response, SOUP_STATUS_BAD_REQUEST, "Invalid order: %s", order);
      return;
    }

  if (!page_parse (req, MAX_COSTS_LIMIT, &page, response))
    return;

  query.filter = query_get (req, "filter");
  rows = inflow_sim_scenario_query_costs (req->self->scenario, &query, req->now,
                                          (guint64) (page.page - 1) * page.limit, page.limit,
                                          &n_rows, &total, &error);
  if (rows == NULL)
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST, error->message);
      return;
    }

  page_apply (&page, n_rows);
  g_assert (rows->len == page.count);
  response->status = SOUP_STATUS_OK;
  response->body = g_string_sized_new (256 + page.count * 200);
  g_string_append_c (response->body, '{');
  append_links (response->body, req, &page);
  g_string_append (response->body, ",\"total_cost\":{\"amount\":");
  inflow_sim_json_cents (response->body, total);
  g_string_append (response->body, ",\"currency\":\"USD\"},\"costs\":[");
  for (guint i = 0; i < page.count; i++)
    {
      if (i > 0)
        g_string_append_c (response->body, ',');
      inflow_sim_scenario_append_cost_row (req->self->scenario, response->body,
                                           &g_array_index (rows, InflowSimCostRow, i),
                                           query.groupings);
    }
  g_string_append (response->body, "]}");
}

/* ---- v1 handlers ---------------------------------------------------------- */

static void
handle_aws_info (Request  *req,
                 Response *response)
{
  response->status = SOUP_STATUS_OK;
  response->body = g_string_new (NULL);
  inflow_sim_scenario_append_aws_info (req->self->scenario, response->body);
}

static const char *
member_string (JsonObject *object,
               const char *name,
               gboolean   *wrong_type)
{
  JsonNode *node;

  *wrong_type = FALSE;
  if (!json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *wrong_type = TRUE;
      return NULL;
    }

  return json_node_get_string (node);
}

static void
handle_create_aws (Request  *req,
                   Response *response)
{
  g_autoptr(JsonNode) root = parse_body (req, response);
  g_autoptr(GRegex) role_regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partition = NULL;
  g_autofree char *account_id = NULL;
  const char *role_arn;
  const char *bucket_arn;
  gboolean wrong_type;
  JsonObject *object;
  int index;

  if (root == NULL)
    return;
  object = json_node_get_object (root);

  role_arn = member_string (object, "cross_account_arn", &wrong_type);
  if (wrong_type || role_arn == NULL || *role_arn == '\0')
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST,
                      "cross_account_arn is required and must be a string");
      return;
    }
  bucket_arn = member_string (object, "bucket_arn", &wrong_type);
  if (wrong_type)
    {
      response_error (response, SOUP_STATUS_BAD_REQUEST, "bucket_arn must be a string");
      return;
    }
  if (bucket_arn != NULL && *bucket_arn == '\0')
    bucket_arn = NULL;

  role_regex = g_regex_new ("^arn:(aws|aws-us-gov):iam::([0-9]{12}):role/"
                            "((?:[A-Za-z0-9+=,.@_-]+/)*)([A-Za-z0-9+=,.@_-]{1,64})$",
                            0, 0, NULL);
  if (!g_regex_match (role_regex, role_arn, 0, &match))
    {
      response_errorf (response, SOUP_STATUS_UNPROCESSABLE_ENTITY,
                       "cross_account_arn is not a valid IAM role ARN "
                       "(arn:aws:iam::<12-digit account ID>:role/<role name>): %s", role_arn);
      return;
    }
  partition = g_match_info_fetch (match, 1);
  account_id = g_match_info_fetch (match, 2);

  if (bucket_arn != NULL &&
      !g_regex_match_simple ("^arn:(aws|aws-us-gov):s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
                             bucket_arn, 0, 0))
    {
      response_errorf (response, SOUP_STATUS_UNPROCESSABLE_ENTITY,
                       "bucket_arn is not a valid S3 bucket ARN (arn:aws:s3:::<bucket name>): %s",
                       bucket_arn);
      return;
    }

  index = inflow_sim_scenario_create_aws (req->self->scenario, partition, account_id,
                                          role_arn, bucket_arn, req->now, &error);
  if (index < 0)
    {
      response_error (response, SOUP_STATUS_UNPROCESSABLE_ENTITY, error->message);
      return;
    }

  response->status = SOUP_STATUS_CREATED;
  response->body = g_string_new (NULL);
  inflow_sim_scenario_append_aws_credential (req->self->scenario, response->body, (guint) index);
}

/* ---- routing -------------------------------------------------------------- */

typedef enum
{
  ROUTE_NONE,
  ROUTE_ME,
  ROUTE_PING,
  ROUTE_INTEGRATIONS,
  ROUTE_INTEGRATION,
  ROUTE_WORKSPACES,
  ROUTE_COST_PROVIDER_ACCOUNTS,
  ROUTE_TEAMS,
  ROUTE_USERS,
  ROUTE_COSTS,
  ROUTE_AWS_INFO,
  ROUTE_AWS_CREATE,
} Route;

/* The route of @path, the methods it allows, and the token of
 * /v2/integrations/{token} in @argument. */
static Route
find_route (const char  *path,
            const char **methods,
            const char **argument)
{
  static const struct {
    const char *path;
    Route       route;
    const char *methods;
  } routes[] = {
    { "/v2/me", ROUTE_ME, "GET" },
    { "/v2/ping", ROUTE_PING, "GET" },
    { "/v2/integrations", ROUTE_INTEGRATIONS, "GET" },
    { "/v2/workspaces", ROUTE_WORKSPACES, "GET" },
    { "/v2/cost_provider_accounts", ROUTE_COST_PROVIDER_ACCOUNTS, "GET" },
    { "/v2/teams", ROUTE_TEAMS, "GET" },
    { "/v2/users", ROUTE_USERS, "GET" },
    { "/v2/costs", ROUTE_COSTS, "GET" },
    { "/v1/integrations/aws/info", ROUTE_AWS_INFO, "GET" },
    { "/v1/integrations/aws", ROUTE_AWS_CREATE, "POST" },
  };

  *argument = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (g_str_equal (path, routes[i].path))
        {
          *methods = routes[i].methods;
          return routes[i].route;
        }
    }

  if (g_str_has_prefix (path, "/v2/integrations/"))
    {
      const char *token = path + strlen ("/v2/integrations/");

      if (*token != '\0' && strchr (token, '/') == NULL)
        {
          *methods = "GET PUT DELETE";
          *argument = token;
          return ROUTE_INTEGRATION;
        }
    }

  return ROUTE_NONE;
}

static gboolean
method_allowed (const char *methods,
                const char *method)
{
  g_auto(GStrv) names = g_strsplit (methods, " ", -1);

  return g_strv_contains ((const char * const *) names, method);
}

static const TokenInfo *
authenticate (InflowSimulator   *self,
              SoupServerMessage *msg,
              Response          *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const TokenInfo *info;
  const char *token;

  if (authorization == NULL)
    {
      response_error (response, SOUP_STATUS_UNAUTHORIZED, MSG_MISSING_TOKEN);
      return NULL;
    }
  if (g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    {
      response_error (response, SOUP_STATUS_UNAUTHORIZED, MSG_MISSING_TOKEN);
      return NULL;
    }

  token = authorization + 7;
  while (*token == ' ')
    token++;
  info = g_hash_table_lookup (self->tokens, token);
  if (info == NULL)
    response_error (response, SOUP_STATUS_UNAUTHORIZED, MSG_INVALID_TOKEN);

  return info;
}

static char *
request_origin (InflowSimulator   *self,
                SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *host = soup_message_headers_get_one (headers, "Host");

  if (host != NULL && *host != '\0' && strpbrk (host, "/\"\\ \t\r\n") == NULL)
    return g_strconcat ("http://", host, NULL);

  return g_strdup (self->base_url);
}

static void
handle_api (InflowSimulator   *self,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            Response          *response)
{
  Request req = { 0 };
  g_autofree char *origin = NULL;
  const char *methods = NULL;
  const char *argument = NULL;
  gint64 monotonic = g_get_monotonic_time ();
  Route route;

  req.self = self;
  req.msg = msg;
  req.method = soup_server_message_get_method (msg);
  req.path = path;
  req.query = query;
  req.now = inflow_sim_clock_now (self->clock);
  origin = request_origin (self, msg);
  req.origin = origin;

  ensure_scenario (self);

  req.token = authenticate (self, msg, response);
  if (req.token == NULL)
    return;

  if (!rate_window_take (&self->rate, monotonic))
    {
      response_error (response, STATUS_TOO_MANY_REQUESTS, MSG_RATE_LIMITED);
      response->retry_after = TRUE;
      return;
    }

  route = find_route (path, &methods, &argument);
  if (route == ROUTE_NONE)
    {
      response_errorf (response, SOUP_STATUS_NOT_FOUND, "Not found: %s", path);
      return;
    }
  if (!method_allowed (methods, req.method))
    {
      response_errorf (response, SOUP_STATUS_METHOD_NOT_ALLOWED,
                       "Method %s is not allowed on %s", req.method, path);
      return;
    }
  if (!g_str_equal (req.method, "GET") && !req.token->can_write)
    {
      response_error (response, SOUP_STATUS_FORBIDDEN, MSG_WRITE_SCOPE);
      return;
    }

  switch (route)
    {
    case ROUTE_ME:
      handle_me (&req, response);
      break;
    case ROUTE_PING:
      handle_ping (&req, response);
      break;
    case ROUTE_INTEGRATIONS:
      handle_integrations (&req, response);
      break;
    case ROUTE_INTEGRATION:
      handle_integration (&req, response, argument);
      break;
    case ROUTE_WORKSPACES:
      handle_workspaces (&req, response);
      break;
    case ROUTE_COST_PROVIDER_ACCOUNTS:
      handle_cost_provider_accounts (&req, response);
      break;
    case ROUTE_TEAMS:
      handle_teams (&req, response);
      break;
    case ROUTE_USERS:
      handle_users (&req, response);
      break;
    case ROUTE_COSTS:
      response->rate_from_costs = TRUE;
      if (!rate_window_take (&self->cost_rate, monotonic))
        {
          response_error (response, STATUS_TOO_MANY_REQUESTS, MSG_RATE_LIMITED);
          response->retry_after = TRUE;
          break;
        }
      response->rate_from_costs = FALSE;
      handle_costs (&req, response);
      break;
    case ROUTE_AWS_INFO:
      handle_aws_info (&req, response);
      break;
    case ROUTE_AWS_CREATE:
      handle_create_aws (&req, response);
      break;
    case ROUTE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* ---- faults --------------------------------------------------------------- */

/* Every string member of @object becomes 7 ("token" null), every array
 * member the string "oops". */
static void
break_object_types (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);

      if (g_str_equal (name, "token"))
        json_object_set_null_member (object, name);
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        json_object_set_int_member (object, name, 7);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        json_object_set_string_member (object, name, "oops");
    }
}

static void
break_types (GString *body)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  gboolean list = FALSE;

  if (body == NULL)
    return;
  root = json_from_string (body->str, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  object = json_node_get_object (root);
  /* lists carry links; their items are the objects to break */
  if (json_object_has_member (object, "links"))
    {
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (object, l->data);
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            continue;
          list = TRUE;
          array = json_node_get_array (node);
          if (json_array_get_length (array) > 0 &&
              JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
            break_object_types (json_array_get_object_element (array, 0));
        }
    }
  if (!list)
    break_object_types (object);

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_string_assign (body, text);
}

static void
apply_body_fault (Fault    *fault,
                  Response *response)
{
  if (fault == NULL || response->body == NULL)
    return;

  switch (fault->kind)
    {
    case INFLOW_SIM_FAULT_CUT_JSON:
      g_string_truncate (response->body, response->body->len / 2);
      break;
    case INFLOW_SIM_FAULT_MALFORMED_JSON:
      {
        char *colon = strchr (response->body->str, ':');

        if (colon != NULL)
          *colon = ' ';
        else
          g_string_append (response->body, "}{");
      }
      break;
    case INFLOW_SIM_FAULT_WRONG_TYPES:
      break_types (response->body);
      break;
    case INFLOW_SIM_FAULT_STATUS:
    case INFLOW_SIM_FAULT_DELAY:
    case INFLOW_SIM_FAULT_TRUNCATED_BODY:
    case INFLOW_SIM_FAULT_DROP_CONNECTION:
    case INFLOW_SIM_FAULT_REDIRECT:
    default:
      break;
    }
}

/* In chaos mode, a random fault for a share of the requests. */
static Fault *
take_chaos_fault (InflowSimulator *self)
{
  static const guint server_errors[] = { 500, 502, 503, 504 };
  Fault *fault;
  guint pick;
  ChaosKind kind = 0;

  if (self->chaos <= 0 || g_rand_double (self->chaos_rand) >= self->chaos)
    return NULL;

  pick = (guint) g_rand_int_range (self->chaos_rand, 0, 100);
  while (kind < N_CHAOS_KINDS - 1 && pick >= chaos_kinds[kind].weight)
    pick -= chaos_kinds[kind++].weight;
  self->chaos_counts[kind]++;

  fault = g_new0 (Fault, 1);
  fault->path_prefix = g_strdup ("/");
  switch (kind)
    {
    case CHAOS_SERVER_ERROR:
      fault->kind = INFLOW_SIM_FAULT_STATUS;
      fault->status = server_errors[g_rand_int_range (self->chaos_rand, 0, G_N_ELEMENTS (server_errors))];
      break;
    case CHAOS_RATE_LIMITED:
      fault->kind = INFLOW_SIM_FAULT_STATUS;
      fault->status = 429;
      break;
    case CHAOS_SLOW:
      /* Slow, but well within a client's 30 s timeout */
      fault->kind = INFLOW_SIM_FAULT_DELAY;
      fault->delay_ms = (guint) g_rand_int_range (self->chaos_rand, 1000, 8000);
      break;
    case CHAOS_DROP:
      fault->kind = INFLOW_SIM_FAULT_DROP_CONNECTION;
      break;
    case CHAOS_TRUNCATED:
      fault->kind = INFLOW_SIM_FAULT_TRUNCATED_BODY;
      break;
    case CHAOS_CUT_JSON:
      fault->kind = INFLOW_SIM_FAULT_CUT_JSON;
      break;
    case CHAOS_MALFORMED:
      fault->kind = INFLOW_SIM_FAULT_MALFORMED_JSON;
      break;
    case CHAOS_WRONG_TYPES:
    case N_CHAOS_KINDS:
    default:
      fault->kind = INFLOW_SIM_FAULT_WRONG_TYPES;
      break;
    }

  return fault;
}

/* The first fault matching the request; counts it down. */
static Fault *
take_fault (InflowSimulator *self,
            const char      *method,
            const char      *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);
      Fault *copy;

      if (fault->method != NULL && g_ascii_strcasecmp (fault->method, method) != 0)
        continue;
      if (!g_str_has_prefix (path, fault->path_prefix))
        continue;

      copy = fault_copy (fault);
      if (fault->remaining > 0 && --fault->remaining == 0)
        g_ptr_array_remove_index (self->faults, i);

      return copy;
    }

  return take_chaos_fault (self);
}

static void
compute_response (InflowSimulator   *self,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  Fault             *fault,
                  Response          *response)
{
  if (fault != NULL && fault->kind == INFLOW_SIM_FAULT_STATUS)
    {
      response_errorf (response, fault->status,
                       "Simulated failure: HTTP %u from the simulator", fault->status);
      if (fault->status == 429)
        response->retry_after_s = 2;
      return;
    }
  if (fault != NULL && fault->kind == INFLOW_SIM_FAULT_REDIRECT)
    {
      response->status = fault->status;
      response->location = g_strdup (fault->location);
      response->body = g_string_new (NULL);
      body_take (response->body, inflow_sim_json_errors ("Moved"));
      return;
    }

  handle_api (self, msg, path, query, response);
  apply_body_fault (fault, response);
}

static char *
virtual_http_date (InflowSimulator *self)
{
  g_autoptr(GDateTime) now = inflow_sim_clock_dup_now (self->clock);

  return soup_date_time_to_string (now, SOUP_DATE_HTTP);
}

static void
send_response (InflowSimulator   *self,
               SoupServerMessage *msg,
               const char        *path,
               Response          *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *date = virtual_http_date (self);

  soup_server_message_set_status (msg, response->status, NULL);
  soup_message_headers_replace (headers, "Date", date);
  add_rate_headers (self, headers, response->rate_from_costs, response->retry_after);
  if (response->retry_after_s > 0)
    {
      char value[16];

      g_snprintf (value, sizeof value, "%u", response->retry_after_s);
      soup_message_headers_replace (headers, "Retry-After", value);
    }
  if (response->location != NULL)
    soup_message_headers_replace (headers, "Location", response->location);

  if (response->body != NULL && response->status != SOUP_STATUS_NO_CONTENT)
    {
      gsize len = response->body->len;

      soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE,
                                        g_string_free (g_steal_pointer (&response->body), FALSE),
                                        len);
    }

  g_debug ("%s %s → %u", soup_server_message_get_method (msg), path, response->status);
}

typedef struct
{
  GIOStream *stream;
  GBytes    *bytes;
} RawWrite;

static void
raw_write_free (RawWrite *raw)
{
  g_clear_object (&raw->stream);
  g_clear_pointer (&raw->bytes, g_bytes_unref);
  g_free (raw);
}

static void
raw_close_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RawWrite *raw = user_data;

  g_io_stream_close_finish (G_IO_STREAM (source), result, NULL);
  raw_write_free (raw);
}

static void
raw_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RawWrite *raw = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_io_stream_close_async (raw->stream, G_PRIORITY_DEFAULT, NULL, raw_close_cb, raw);
}

/* Takes the connection from libsoup; writes @data (if any) and closes it. */
static void
steal_and_write (SoupServerMessage *msg,
                 GBytes            *data)
{
  RawWrite *raw = g_new0 (RawWrite, 1);

  raw->stream = soup_server_message_steal_connection (msg);
  if (raw->stream == NULL)
    {
      raw_write_free (raw);
      return;
    }

  if (data == NULL || g_bytes_get_size (data) == 0)
    {
      g_io_stream_close_async (raw->stream, G_PRIORITY_DEFAULT, NULL, raw_close_cb, raw);
      return;
    }

  raw->bytes = g_bytes_ref (data);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (raw->stream),
                                   g_bytes_get_data (raw->bytes, NULL),
                                   g_bytes_get_size (raw->bytes),
                                   G_PRIORITY_DEFAULT, NULL, raw_written_cb, raw);
}

/* A response whose Content-Length is that of the full body but of which
 * only the first half is sent before the connection closes. */
static GBytes *
truncated_response (InflowSimulator *self,
                    Response        *response)
{
  g_autofree char *date = virtual_http_date (self);
  GString *raw = g_string_new (NULL);
  gsize full = response->body != NULL ? response->body->len : 0;
  gsize sent = full / 2;

  g_string_append_printf (raw, "HTTP/1.1 %u %s\r\n", response->status,
                          soup_status_get_phrase (response->status));
  g_string_append_printf (raw, "Date: %s\r\n", date);
  g_string_append (raw, "Content-Type: application/json; charset=utf-8\r\n");
  g_string_append_printf (raw, "Content-Length: %" G_GSIZE_FORMAT "\r\n", MAX (full, (gsize) 64));
  g_string_append (raw, "Connection: close\r\n\r\n");
  if (response->body != NULL)
    g_string_append_len (raw, response->body->str, (gssize) sent);

  return g_string_free_to_bytes (raw);
}

static void
finish_request (InflowSimulator   *self,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                Fault             *fault,
                gboolean           paused)
{
  Response response = { 0 };

  if (fault != NULL && fault->kind == INFLOW_SIM_FAULT_DROP_CONNECTION)
    {
      g_debug ("%s %s → connection dropped", soup_server_message_get_method (msg), path);
      steal_and_write (msg, NULL);
      return;
    }

  compute_response (self, msg, path, query, fault, &response);

  if (fault != NULL && fault->kind == INFLOW_SIM_FAULT_TRUNCATED_BODY)
    {
      g_autoptr(GBytes) bytes = truncated_response (self, &response);

      g_debug ("%s %s → %u, truncated", soup_server_message_get_method (msg), path, response.status);
      steal_and_write (msg, bytes);
      response_clear (&response);
      return;
    }

  send_response (self, msg, path, &response);
  response_clear (&response);

  if (paused)
    soup_server_message_unpause (msg);
}

static gboolean
pending_fire_cb (gpointer user_data)
{
  Pending *pending = user_data;
  InflowSimulator *self = pending->self;
  guint index;

  pending->source_id = 0;
  if (g_ptr_array_find (self->pending, pending, &index))
    g_ptr_array_steal_index_fast (self->pending, index);
  finish_request (self, pending->msg, pending->path, pending->query, pending->fault, TRUE);
  pending_free (pending);

  return G_SOURCE_REMOVE;
}

static void
record_request (InflowSimulator   *self,
                SoupServerMessage *msg,
                const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  LastAuth *last = g_new0 (LastAuth, 1);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->path_counts, path));

  self->total_requests++;
  g_hash_table_replace (self->path_counts, g_strdup (path), GUINT_TO_POINTER (count + 1));

  last->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  last->sequence = ++self->sequence;
  g_hash_table_replace (self->last_auth, g_strdup (path), last);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  InflowSimulator *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  Fault *fault;

  record_request (self, msg, path);

  fault = take_fault (self, method, path);
  if (fault != NULL &&
      (fault->delay_ms > 0 || fault->kind == INFLOW_SIM_FAULT_DROP_CONNECTION ||
       fault->kind == INFLOW_SIM_FAULT_TRUNCATED_BODY))
    {
      Pending *pending = g_new0 (Pending, 1);
      g_autoptr(GSource) source = NULL;

      pending->self = self;
      pending->msg = g_object_ref (msg);
      pending->path = g_strdup (path);
      pending->query = query != NULL ? g_hash_table_ref (query) : NULL;
      pending->fault = fault;

      source = fault->delay_ms > 0 ? g_timeout_source_new (fault->delay_ms) : g_idle_source_new ();
      g_source_set_callback (source, pending_fire_cb, pending, NULL);
      g_source_set_name (source, "[inflow-sim] held request");
      pending->source_id = g_source_attach (source, g_main_context_get_thread_default ());
      g_ptr_array_add (self->pending, pending);

      soup_server_message_pause (msg);
      return;
    }

  finish_request (self, msg, path, query, fault, FALSE);
  g_clear_pointer (&fault, fault_free);
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  InflowSimulator *self = user_data;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOStream) stream = G_IO_STREAM (g_object_ref (connection));

  /* HTTPS: the server connection does the handshake */
  if (self->tls_certificate != NULL)
    {
      g_clear_object (&stream);
      stream = g_tls_server_connection_new (G_IO_STREAM (connection), self->tls_certificate, &error);
      if (stream == NULL)
        {
          g_debug ("Could not start TLS: %s", error->message);
          return TRUE;
        }
    }

  if (!soup_server_accept_iostream (self->server, stream, local, remote, &error))
    g_debug ("Could not accept a connection: %s", error->message);

  return TRUE;
}

/* ---- object --------------------------------------------------------------- */

static void
inflow_simulator_dispose (GObject *object)
{
  InflowSimulator *self = INFLOW_SIMULATOR (object);

  if (self->service != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->service, self);
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
    }
  g_clear_object (&self->service);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending, 0);

  G_OBJECT_CLASS (inflow_simulator_parent_class)->dispose (object);
}

static void
inflow_simulator_finalize (GObject *object)
{
  InflowSimulator *self = INFLOW_SIMULATOR (object);

  g_clear_object (&self->scenario);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  g_clear_pointer (&self->chaos_rand, g_rand_free);
  g_clear_object (&self->tls_certificate);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->path_counts, g_hash_table_unref);
  g_clear_pointer (&self->last_auth, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_simulator_parent_class)->finalize (object);
}

static void
inflow_simulator_class_init (InflowSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_simulator_dispose;
  object_class->finalize = inflow_simulator_finalize;
}

static void
inflow_simulator_init (InflowSimulator *self)
{
  self->clock = inflow_sim_clock_new ();
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, token_info_free);
  self->faults = g_ptr_array_new_with_free_func (fault_free);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  self->path_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_auth = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, last_auth_free);
  self->next_fault_id = 1;

  self->rate.limit = 1000;
  self->rate.window_us = 3600 * G_TIME_SPAN_SECOND;
  self->rate.start = g_get_monotonic_time ();
  self->cost_rate.limit = 0;
  self->cost_rate.window_us = 5 * G_TIME_SPAN_SECOND;
  self->cost_rate.start = self->rate.start;

  inflow_simulator_set_tokens (self, "demo-token", "demo-read-token");
}

/**
 * inflow_simulator_new:
 * @seed: the seed of the scenario (same seed, same organization)
 * @n_integrations: how many integrations (0: 40; at least 16)
 * @n_accounts: how many AWS accounts (0: 60; at least 12)
 *
 * Creates a simulator with the tokens "demo-token" (read and write) and
 * "demo-read-token" (read only, may not list users), a rate limit of 1000
 * requests per real hour, no /costs limit, and a clock at real time. The
 * scenario is generated, relative to the virtual clock, when the server
 * starts listening or a back door first needs it.
 *
 * Returns: (transfer full): a new simulator
 */
InflowSimulator *
inflow_simulator_new (guint64 seed,
                      guint   n_integrations,
                      guint   n_accounts)
{
  InflowSimulator *self = g_object_new (INFLOW_TYPE_SIMULATOR, NULL);

  self->seed = seed;
  self->n_integrations = n_integrations > 0 ? n_integrations : DEFAULT_INTEGRATIONS;
  self->n_accounts = n_accounts > 0 ? n_accounts : DEFAULT_ACCOUNTS;

  return self;
}

/**
 * inflow_simulator_set_time_scale:
 * @scale: virtual seconds per real second (1.0: real time; 480: eight
 *   virtual hours per real minute; 0: stopped)
 */
void
inflow_simulator_set_time_scale (InflowSimulator *self,
                                 double           scale)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  inflow_sim_clock_set_time_scale (self->clock, scale);
}

double
inflow_simulator_get_time_scale (InflowSimulator *self)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), 1.0);

  return inflow_sim_clock_get_time_scale (self->clock);
}

/**
 * inflow_simulator_set_clock_offset:
 * @offset: how far the virtual clock is ahead of real time (negative:
 *   behind)
 *
 * Sets virtual now to real now plus @offset. Before the scenario exists
 * this moves its start too; afterwards it is a jump in time.
 */
void
inflow_simulator_set_clock_offset (InflowSimulator *self,
                                   GTimeSpan        offset)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  inflow_sim_clock_set_offset (self->clock, offset);
}

/**
 * inflow_simulator_advance_clock:
 * @span: virtual time to jump forward
 */
void
inflow_simulator_advance_clock (InflowSimulator *self,
                                GTimeSpan        span)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  inflow_sim_clock_advance (self->clock, span);
}

/**
 * inflow_simulator_dup_now:
 *
 * Returns: (transfer full): the virtual now, UTC
 */
GDateTime *
inflow_simulator_dup_now (InflowSimulator *self)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  return inflow_sim_clock_dup_now (self->clock);
}

/**
 * inflow_simulator_set_tokens:
 * @write_token: (nullable): a token with the read and write scopes
 * @read_only_token: (nullable): a token with the read scope only; it may
 *   not list users either (403 on /v2/users)
 *
 * Replaces every known token with these.
 */
void
inflow_simulator_set_tokens (InflowSimulator *self,
                             const char      *write_token,
                             const char      *read_only_token)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  g_hash_table_remove_all (self->tokens);
  if (write_token != NULL)
    inflow_simulator_add_token (self, write_token, TRUE, TRUE);
  if (read_only_token != NULL)
    inflow_simulator_add_token (self, read_only_token, FALSE, FALSE);
}

/**
 * inflow_simulator_add_token:
 * @token: the bearer token
 * @can_write: whether it has the write scope
 * @can_list_users: whether GET /v2/users answers it (403 otherwise)
 */
void
inflow_simulator_add_token (InflowSimulator *self,
                            const char      *token,
                            gboolean         can_write,
                            gboolean         can_list_users)
{
  TokenInfo *info;

  g_return_if_fail (INFLOW_IS_SIMULATOR (self));
  g_return_if_fail (token != NULL && *token != '\0');

  info = g_new0 (TokenInfo, 1);
  info->can_write = can_write;
  info->can_list_users = can_list_users;
  info->created_at = inflow_sim_clock_now (self->clock) - 30 * G_TIME_SPAN_DAY;
  info->description = g_strdup (can_write ? "Inflow demo (read and write)" : "Inflow demo (read only)");
  g_hash_table_replace (self->tokens, g_strdup (token), info);
}

/**
 * inflow_simulator_set_rate_limit:
 * @limit: requests allowed per window, all tokens together (0: no limit and
 *   no x-rate-limit headers)
 * @window_seconds: the length of the window, in real seconds
 *
 * Over the limit, requests get 429 with Retry-After. Starts a new window.
 */
void
inflow_simulator_set_rate_limit (InflowSimulator *self,
                                 guint            limit,
                                 guint            window_seconds)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  self->rate.limit = limit;
  self->rate.window_us = (gint64) MAX (window_seconds, 1u) * G_TIME_SPAN_SECOND;
  self->rate.start = g_get_monotonic_time ();
  self->rate.used = 0;
}

/**
 * inflow_simulator_set_cost_rate_limit:
 * @limit: /v2/costs requests allowed per window (0: off, the default;
 *   Vantage documents 5 per 5 seconds)
 * @window_seconds: the length of the window, in real seconds
 *
 * A second, stricter limit on /v2/costs. Its 429s carry x-rate-limit
 * headers describing this window.
 */
void
inflow_simulator_set_cost_rate_limit (InflowSimulator *self,
                                      guint            limit,
                                      guint            window_seconds)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  self->cost_rate.limit = limit;
  self->cost_rate.window_us = (gint64) MAX (window_seconds, 1u) * G_TIME_SPAN_SECOND;
  self->cost_rate.start = g_get_monotonic_time ();
  self->cost_rate.used = 0;
}

/**
 * inflow_simulator_set_tls_certificate:
 * @certificate: (nullable): a certificate with its private key
 *
 * Before listen(): serve HTTPS with @certificate (for the tests of what
 * Inflow does with a certificate it cannot verify).
 */
void
inflow_simulator_set_tls_certificate (InflowSimulator *self,
                                      GTlsCertificate *certificate)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));
  g_return_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate));
  g_return_if_fail (self->server == NULL);

  g_set_object (&self->tls_certificate, certificate);
}

/**
 * inflow_simulator_listen:
 * @port: the TCP port, or 0 for a free one
 *
 * Starts serving on 127.0.0.1 only, on the thread-default main context.
 *
 * Returns: whether the server listens
 */
gboolean
inflow_simulator_listen (InflowSimulator  *self,
                         guint             port,
                         GError          **error)
{
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GSocketService) service = NULL;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  ensure_scenario (self);

  /* Our own listener rather than soup_server_listen_local(): it binds
   * exactly 127.0.0.1, and (libsoup 3.2) does not leak accepted sockets. */
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, (guint16) port);
  service = g_socket_service_new ();
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, error))
    return FALSE;

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  self->service = g_steal_pointer (&service);
  g_signal_connect (self->service, "incoming", G_CALLBACK (incoming_cb), self);
  g_socket_service_start (self->service);

  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_free (self->base_url);
  self->base_url = g_strdup_printf ("%s://127.0.0.1:%u", self->tls_certificate != NULL ? "https" : "http", self->port);

  return TRUE;
}

/**
 * inflow_simulator_get_base_url:
 *
 * Returns: (nullable): "http://127.0.0.1:PORT" (without /v2), or %NULL
 *   before inflow_simulator_listen()
 */
const char *
inflow_simulator_get_base_url (InflowSimulator *self)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  return self->base_url;
}

guint
inflow_simulator_get_port (InflowSimulator *self)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), 0);

  return self->port;
}

/**
 * inflow_simulator_add_fault:
 * @method: (nullable): "GET", "PUT", …, or %NULL / "*" for any
 * @path_prefix: matched against the request path, e.g. "/v2/integrations"
 * @kind: what to do
 * @status: the HTTP status for %INFLOW_SIM_FAULT_STATUS (ignored otherwise)
 * @delay_ms: a delay before answering (any kind)
 * @count: how many requests it applies to, then it removes itself (0:
 *   until removed)
 *
 * Faults are checked in the order they were added, before authentication
 * and rate limiting; the first that matches applies.
 *
 * Returns: an id for inflow_simulator_remove_fault()
 */
guint
inflow_simulator_add_fault (InflowSimulator *self,
                            const char      *method,
                            const char      *path_prefix,
                            InflowSimFault   kind,
                            guint            status,
                            guint            delay_ms,
                            guint            count)
{
  Fault *fault;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), 0);
  g_return_val_if_fail (path_prefix != NULL, 0);
  g_return_val_if_fail (kind != INFLOW_SIM_FAULT_STATUS || (status >= 100 && status < 600), 0);

  fault = g_new0 (Fault, 1);
  fault->id = self->next_fault_id++;
  fault->method = method != NULL && !g_str_equal (method, "*") ? g_ascii_strup (method, -1) : NULL;
  fault->path_prefix = g_strdup (path_prefix);
  fault->kind = kind;
  fault->status = status;
  fault->delay_ms = delay_ms;
  fault->remaining = count;
  g_ptr_array_add (self->faults, fault);

  return fault->id;
}

/**
 * inflow_simulator_add_redirect:
 * @path_prefix: matched against the request path
 * @status: 301, 302, 303, 307 or 308
 * @location: the absolute URL to redirect to
 * @count: how many requests (0: until removed)
 *
 * Returns: an id for inflow_simulator_remove_fault()
 */
guint
inflow_simulator_add_redirect (InflowSimulator *self,
                               const char      *path_prefix,
                               guint            status,
                               const char      *location,
                               guint            count)
{
  guint id;
  Fault *fault;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), 0);
  g_return_val_if_fail (status >= 300 && status < 400, 0);
  g_return_val_if_fail (location != NULL, 0);

  id = inflow_simulator_add_fault (self, NULL, path_prefix, INFLOW_SIM_FAULT_REDIRECT, 0, 0, count);
  fault = g_ptr_array_index (self->faults, self->faults->len - 1);
  fault->status = status;
  fault->location = g_strdup (location);

  return id;
}

void
inflow_simulator_remove_fault (InflowSimulator *self,
                               guint            fault_id)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);

      if (fault->id == fault_id)
        {
          g_ptr_array_remove_index (self->faults, i);
          return;
        }
    }
}

void
inflow_simulator_clear_faults (InflowSimulator *self)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  g_ptr_array_set_size (self->faults, 0);
}

/**
 * inflow_simulator_set_chaos:
 * @probability: the share of requests that get a random fault (0: none)
 * @seed: the seed of the random choices
 *
 * Chaos mode: each request that no added fault matches gets, with
 * @probability, one fault drawn from a fixed mix: an HTTP 500, 502, 503 or
 * 504 (25%), a 429 with Retry-After: 2 (10%), a delay of 1 to 8 s (20%), a
 * dropped connection (10%), a truncated body (10%), JSON cut in half (10%),
 * a body that is not JSON (10%) or wrong field types (5%). Setting it again
 * keeps the counts.
 */
void
inflow_simulator_set_chaos (InflowSimulator *self,
                            double           probability,
                            guint64          seed)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));
  g_return_if_fail (probability >= 0 && probability <= 1);

  self->chaos = probability;
  g_clear_pointer (&self->chaos_rand, g_rand_free);
  if (probability > 0)
    self->chaos_rand = g_rand_new_with_seed ((guint32) (seed ^ (seed >> 32)));
}

/**
 * inflow_simulator_dup_chaos_report:
 *
 * Returns: (transfer full): a JSON object on one line: "requests" (all
 *   requests so far), "chaos" (the current probability), "faults" (faults
 *   chaos mode injected) and one member per kind of the mix
 *   ("server-error", "rate-limited", "slow", "dropped", "truncated",
 *   "cut-json", "malformed", "wrong-types")
 */
char *
inflow_simulator_dup_chaos_report (InflowSimulator *self)
{
  GString *out;
  guint total = 0;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  for (guint i = 0; i < N_CHAOS_KINDS; i++)
    total += self->chaos_counts[i];

  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"requests\":%u,\"chaos\":%s,\"faults\":%u",
                          self->total_requests, g_ascii_dtostr (number, sizeof number, self->chaos), total);
  for (guint i = 0; i < N_CHAOS_KINDS; i++)
    g_string_append_printf (out, ",\"%s\":%u", chaos_kinds[i].name, self->chaos_counts[i]);
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/**
 * inflow_simulator_get_request_count:
 * @path_prefix: (nullable): count only requests whose path starts with it
 *
 * Returns: how many requests arrived (whatever their answer, faults
 *   included) since creation or the last reset
 */
guint
inflow_simulator_get_request_count (InflowSimulator *self,
                                    const char      *path_prefix)
{
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), 0);

  if (path_prefix == NULL)
    return self->total_requests;

  g_hash_table_iter_init (&iter, self->path_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_has_prefix (key, path_prefix))
        total += GPOINTER_TO_UINT (value);
    }

  return total;
}

void
inflow_simulator_reset_request_counts (InflowSimulator *self)
{
  g_return_if_fail (INFLOW_IS_SIMULATOR (self));

  self->total_requests = 0;
  g_hash_table_remove_all (self->path_counts);
  g_hash_table_remove_all (self->last_auth);
}

/**
 * inflow_simulator_get_last_authorization:
 * @path_prefix: (nullable): the latest request whose path starts with it
 * @authorization: (out) (optional) (nullable): its Authorization header,
 *   %NULL if it sent none; owned by the simulator until the next request
 *
 * Returns: whether such a request arrived
 */
gboolean
inflow_simulator_get_last_authorization (InflowSimulator  *self,
                                         const char       *path_prefix,
                                         const char      **authorization)
{
  GHashTableIter iter;
  gpointer key, value;
  const LastAuth *latest = NULL;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), FALSE);

  g_hash_table_iter_init (&iter, self->last_auth);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LastAuth *last = value;

      if (path_prefix != NULL && !g_str_has_prefix (key, path_prefix))
        continue;
      if (latest == NULL || last->sequence > latest->sequence)
        latest = last;
    }

  if (authorization != NULL)
    *authorization = latest != NULL ? latest->authorization : NULL;

  return latest != NULL;
}

/**
 * inflow_simulator_get_notable_integration:
 *
 * Returns: (nullable): the token of a notable integration of the scenario
 */
const char *
inflow_simulator_get_notable_integration (InflowSimulator  *self,
                                          InflowSimNotable  which)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  return inflow_sim_scenario_get_notable (ensure_scenario (self), which);
}

/**
 * inflow_simulator_get_default_workspace_token:
 *
 * Returns: the token of the "Default" workspace
 */
const char *
inflow_simulator_get_default_workspace_token (InflowSimulator *self)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  return inflow_sim_scenario_get_workspace_token (ensure_scenario (self), 0);
}

/**
 * inflow_simulator_dup_workspace_tokens:
 *
 * Returns: (transfer full): the workspace tokens, in list order (Default,
 *   Production, Finance, Sandbox, Data Platform)
 */
GStrv
inflow_simulator_dup_workspace_tokens (InflowSimulator *self)
{
  InflowSimScenario *scenario;
  GStrvBuilder *builder;
  GStrv tokens;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  scenario = ensure_scenario (self);
  builder = g_strv_builder_new ();
  for (guint w = 0; w < inflow_sim_scenario_get_n_workspaces (scenario); w++)
    g_strv_builder_add (builder, inflow_sim_scenario_get_workspace_token (scenario, w));
  tokens = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return tokens;
}

/**
 * inflow_simulator_dup_integration_json:
 * @token: an integration token
 *
 * Returns: (transfer full) (nullable): the Integration as GET
 *   /v2/integrations/{token} would answer it now, or %NULL if unknown
 */
char *
inflow_simulator_dup_integration_json (InflowSimulator *self,
                                       const char      *token)
{
  InflowSimScenario *scenario;
  GString *out;
  int index;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  scenario = ensure_scenario (self);
  index = inflow_sim_scenario_find_integration (scenario, token);
  if (index < 0)
    return NULL;

  out = g_string_new (NULL);
  inflow_sim_scenario_append_integration (scenario, out, (guint) index,
                                          inflow_sim_clock_now (self->clock));

  return g_string_free (out, FALSE);
}

/**
 * inflow_simulator_set_integration_workspaces:
 * @token: an integration token
 * @workspace_tokens: (array zero-terminated=1): the new set
 *
 * Changes the workspaces of an integration behind the client's back, as
 * another client would.
 *
 * Returns: FALSE if the integration or a workspace is unknown
 */
gboolean
inflow_simulator_set_integration_workspaces (InflowSimulator    *self,
                                             const char         *token,
                                             const char * const *workspace_tokens)
{
  InflowSimScenario *scenario;
  guint32 mask = 0;
  int index;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), FALSE);

  scenario = ensure_scenario (self);
  index = inflow_sim_scenario_find_integration (scenario, token);
  if (index < 0)
    return FALSE;

  for (guint i = 0; workspace_tokens != NULL && workspace_tokens[i] != NULL; i++)
    {
      int workspace = inflow_sim_scenario_find_workspace (scenario, workspace_tokens[i]);

      if (workspace < 0)
        return FALSE;
      mask |= 1u << workspace;
    }

  inflow_sim_scenario_set_integration_workspaces (scenario, (guint) index, mask);

  return TRUE;
}

/**
 * inflow_simulator_set_integration_status:
 * @token: an integration token
 * @status: connected, error, pending, importing, imported or disconnected
 *
 * Overrides the status the API reports. "error" and "disconnected" also
 * stop its cost data at the current virtual time.
 *
 * Returns: FALSE if the integration or the status is unknown
 */
gboolean
inflow_simulator_set_integration_status (InflowSimulator *self,
                                         const char      *token,
                                         const char      *status)
{
  InflowSimScenario *scenario;
  int index;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), FALSE);

  scenario = ensure_scenario (self);
  index = inflow_sim_scenario_find_integration (scenario, token);
  if (index < 0)
    return FALSE;

  return inflow_sim_scenario_set_integration_status (scenario, (guint) index, status,
                                                     inflow_sim_clock_now (self->clock));
}

/**
 * inflow_simulator_add_workspace:
 * @name: the new workspace's name
 *
 * A workspace created now, as someone would in Vantage's console; it holds
 * no integration.
 *
 * Returns: its token, owned by the simulator
 */
const char *
inflow_simulator_add_workspace (InflowSimulator *self,
                                const char      *name)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return inflow_sim_scenario_add_workspace (ensure_scenario (self), name, inflow_sim_clock_now (self->clock));
}

/**
 * inflow_simulator_dup_first_cur_time:
 * @token: an integration token
 *
 * Returns: (transfer full) (nullable): the virtual time the first CUR of an
 *   AWS integration that is being onboarded arrives (or arrived); %NULL for
 *   the others
 */
GDateTime *
inflow_simulator_dup_first_cur_time (InflowSimulator *self,
                                     const char      *token)
{
  InflowSimScenario *scenario;
  g_autoptr(GDateTime) seconds = NULL;
  gint64 first_cur;
  int index;

  g_return_val_if_fail (INFLOW_IS_SIMULATOR (self), NULL);

  scenario = ensure_scenario (self);
  index = inflow_sim_scenario_find_integration (scenario, token);
  if (index < 0)
    return NULL;

  first_cur = inflow_sim_scenario_get_first_cur_time (scenario, (guint) index);
  if (first_cur == INFLOW_SIM_NO_TIME)
    return NULL;

  seconds = g_date_time_new_from_unix_utc (first_cur / G_USEC_PER_SEC);

  return g_date_time_add (seconds, first_cur % G_USEC_PER_SEC);
}
