/* contract-harness.c: inflow-sim behind two Stoplight Prism proxies and a router
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   InflowClient ──> router ──> /v2/… ──> prism proxy (openapi.json)    ──> inflow-sim /v2/…
 *   (one base URL)  (SoupServer)  /v1/… ──> prism proxy (openapi-v1.json) ──> inflow-sim /v1/…
 *
 * Prism ignores the specs' basePath, so each spec gets a proxy of its own
 * whose upstream carries the version ("<sim>/v2"; Prism appends the request
 * path to the upstream's path), and the router strips "/v2" or "/v1" before
 * it forwards. Prism drops the Host header, so the simulator builds its
 * absolute `links` on its own origin; the router rewrites that origin to its
 * own in the bodies it returns, so the client follows `links.next` back
 * through the router and Prism. Every exchange is recorded with Prism's
 * `sl-violations` header and any problem+json error for the test to judge.
 *
 * Prism's output (stdout and stderr) is kept line by line. Every child gets
 * PR_SET_PDEATHSIG, so a test that aborts leaves no server behind.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <libsoup/soup.h>

#include "contract-harness.h"
#include "inflow-test-utils.h"

#define PRISM_START_TIMEOUT_MS 90000
#define PRISM_STOP_TIMEOUT_MS  10000
#define PRISM_START_ATTEMPTS   3

typedef struct
{
  const char       *api;          /* "v2" or "v1" */
  char             *program;      /* node_modules/.bin/prism */
  char             *spec;         /* the spec it validates against */
  GSubprocess      *process;
  GDataInputStream *output;
  GCancellable     *cancellable;
  GPtrArray        *log;          /* of char*: every line Prism printed */
  guint             port;
  gboolean          listening;
  gboolean          eof;
} Prism;

struct _ContractHarness
{
  GSubprocess  *sim;
  GInputStream *sim_stdout;
  char         *sim_origin;     /* "http://127.0.0.1:PORT" */
  Prism         prisms[2];      /* v2, v1 */
  SoupServer   *router;
  SoupSession  *session;
  char         *base_url;       /* the router, "http://127.0.0.1:PORT" */
  GPtrArray    *exchanges;      /* of ContractExchange */
};

typedef struct
{
  ContractHarness   *self;
  SoupServerMessage *msg;
  SoupMessage       *upstream;
  guint              index;
} Forward;

/* ---- children --------------------------------------------------------------- */

static void
child_setup (gpointer data)
{
  /* End with the test program, whatever way it ends */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocessLauncher *
new_launcher (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  return launcher;
}

static void
stop_process (GSubprocess *process)
{
  if (process == NULL || g_subprocess_get_identifier (process) == NULL)
    return;

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
}

/* A port nothing listens on now: bind 127.0.0.1:0 and let it go. The caller
 * retries when someone takes it in between. */
static guint
pick_free_port (GError **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL || !g_socket_bind (socket, address, FALSE, error))
    return 0;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return 0;

  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static gboolean
start_sim (ContractHarness       *self,
           const ContractConfig  *config,
           GError               **error)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *first = NULL;

  g_ptr_array_add (argv, (char *) config->sim_path);
  for (guint i = 0; config->sim_args != NULL && config->sim_args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) config->sim_args[i]);
  g_ptr_array_add (argv, NULL);

  self->sim = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  if (self->sim == NULL)
    return FALSE;

  /* The first line of its standard output is its base URL */
  self->sim_stdout = g_object_ref (g_subprocess_get_stdout_pipe (self->sim));
  lines = g_data_input_stream_new (self->sim_stdout);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  first = g_data_input_stream_read_line (lines, NULL, NULL, error);
  if (first == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "inflow-sim printed no base URL");
      return FALSE;
    }
  g_strchomp (first);
  if (!g_str_has_prefix (first, "http://127.0.0.1:"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "inflow-sim printed \"%s\", not its URL", first);
      return FALSE;
    }

  self->sim_origin = g_steal_pointer (&first);
  return TRUE;
}

/* ---- Prism ------------------------------------------------------------------ */

static void read_prism_line (Prism *prism);

static void
prism_line_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char *line;
  Prism *prism;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the harness may be gone */

  prism = user_data;
  if (line == NULL)
    {
      if (error != NULL)
        g_ptr_array_add (prism->log, g_strdup_printf ("(reading Prism's output failed: %s)", error->message));
      prism->eof = TRUE;
      return;
    }

  if (strstr (line, "Prism is listening on") != NULL)
    prism->listening = TRUE;
  g_ptr_array_add (prism->log, line);
  read_prism_line (prism);
}

static void
read_prism_line (Prism *prism)
{
  g_data_input_stream_read_line_async (prism->output, G_PRIORITY_DEFAULT, prism->cancellable,
                                       prism_line_cb, prism);
}

static gboolean
prism_settled (gpointer data)
{
  Prism *prism = data;

  return prism->listening || prism->eof;
}

static gboolean
prism_ended (gpointer data)
{
  Prism *prism = data;

  return prism->eof;
}

static char *
prism_log_tail (Prism *prism,
                guint  n_lines)
{
  GString *tail = g_string_new (NULL);
  guint first = prism->log->len > n_lines ? prism->log->len - n_lines : 0;

  for (guint i = first; i < prism->log->len; i++)
    g_string_append_printf (tail, "\n  %s", (const char *) g_ptr_array_index (prism->log, i));

  return g_string_free (tail, FALSE);
}

static gboolean
prism_log_contains (Prism      *prism,
                    const char *text)
{
  for (guint i = 0; i < prism->log->len; i++)
    if (strstr (g_ptr_array_index (prism->log, i), text) != NULL)
      return TRUE;

  return FALSE;
}

static void
prism_clear_process (Prism *prism)
{
  if (prism->cancellable != NULL)
    g_cancellable_cancel (prism->cancellable);
  g_clear_object (&prism->cancellable);
  g_clear_object (&prism->output);
  stop_process (prism->process);
  g_clear_object (&prism->process);
  prism->listening = FALSE;
  prism->eof = FALSE;
}

static gboolean
spawn_prism (ContractHarness  *self,
             Prism            *prism,
             GError          **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *upstream = g_strdup_printf ("%s/%s", self->sim_origin, prism->api);
  g_autofree char *port_string = NULL;

  prism->port = pick_free_port (error);
  if (prism->port == 0)
    return FALSE;
  port_string = g_strdup_printf ("%u", prism->port);

  launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "NO_COLOR", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "FORCE_COLOR", "0", TRUE);
  prism->process = g_subprocess_launcher_spawn (launcher, error, prism->program, "proxy",
                                                "--errors",
                                                "--host", "127.0.0.1",
                                                "--port", port_string,
                                                prism->spec, upstream, NULL);
  if (prism->process == NULL)
    return FALSE;

  prism->cancellable = g_cancellable_new ();
  prism->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (prism->process));
  read_prism_line (prism);

  return TRUE;
}

/* Waits until Prism listens; starts it again on another port when someone
 * took its port in between */
static gboolean
await_prism (ContractHarness  *self,
             Prism            *prism,
             GError          **error)
{
  for (guint attempt = 1; ; attempt++)
    {
      g_autofree char *tail = NULL;

      inflow_test_wait_until (prism_settled, prism, PRISM_START_TIMEOUT_MS);
      if (prism->listening)
        return TRUE;

      tail = prism_log_tail (prism, 15);
      if (prism->eof && prism_log_contains (prism, "EADDRINUSE") && attempt < PRISM_START_ATTEMPTS)
        {
          prism_clear_process (prism);
          if (!spawn_prism (self, prism, error))
            return FALSE;
          continue;
        }

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Prism (%s) did not start on port %u:%s",
                   prism->api, prism->port, tail);
      prism_clear_process (prism);
      return FALSE;
    }
}

/* ---- the router ------------------------------------------------------------- */

static void
exchange_free (gpointer data)
{
  ContractExchange *exchange = data;

  g_free (exchange->method);
  g_free (exchange->path);
  g_free (exchange->violations);
  g_free (exchange->problem);
  g_clear_pointer (&exchange->body, g_bytes_unref);
  g_free (exchange);
}

static gboolean
is_hop_by_hop (const char *name)
{
  static const char * const names[] = {
    "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
    "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
copy_request_header_cb (const char *name,
                        const char *value,
                        gpointer    user_data)
{
  SoupMessageHeaders *upstream = user_data;

  /* Host is the router's; the encodings are left to the two ends */
  if (is_hop_by_hop (name) || g_ascii_strcasecmp (name, "Host") == 0 ||
      g_ascii_strcasecmp (name, "Accept-Encoding") == 0)
    return;

  soup_message_headers_append (upstream, name, value);
}

typedef struct
{
  ContractHarness    *self;
  SoupMessageHeaders *headers;
} CopyResponse;

static char *
replace_origin (const char *text,
                gsize       length,
                const char *from,
                const char *to)
{
  GString *out = g_string_sized_new (length + 64);
  const char *end = text + length;
  gsize from_length = strlen (from);
  const char *hit;

  while (text < end && (hit = g_strstr_len (text, end - text, from)) != NULL)
    {
      g_string_append_len (out, text, hit - text);
      g_string_append (out, to);
      text = hit + from_length;
    }
  g_string_append_len (out, text, end - text);

  return g_string_free (out, FALSE);
}

static void
copy_response_header_cb (const char *name,
                         const char *value,
                         gpointer    user_data)
{
  CopyResponse *copy = user_data;

  if (is_hop_by_hop (name))
    return;

  if (g_ascii_strcasecmp (name, "Location") == 0)
    {
      g_autofree char *from = g_strconcat (copy->self->sim_origin, "/", NULL);
      g_autofree char *to = g_strconcat (copy->self->base_url, "/", NULL);
      g_autofree char *location = replace_origin (value, strlen (value), from, to);

      soup_message_headers_replace (copy->headers, name, location);
      return;
    }

  /* replace: the server already set its own Date */
  soup_message_headers_replace (copy->headers, name, value);
}

static void
respond_problem (ContractHarness   *self,
                 SoupServerMessage *msg,
                 ContractExchange  *exchange,
                 guint              status,
                 const char        *detail)
{
  g_autofree char *body = g_strdup_printf ("{\"title\":\"contract router\",\"detail\":\"%s\"}", detail);

  exchange->status = status;
  exchange->problem = g_strdup_printf ("router: %s", detail);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
forward_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Forward *forward = user_data;
  ContractHarness *self = forward->self;
  ContractExchange *exchange = g_ptr_array_index (self->exchanges, forward->index);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *upstream_headers;
  const char *content_type;
  const char *violations;
  CopyResponse copy;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_autofree char *detail = g_strdup_printf ("the request to Prism failed: %s", error->message);

      respond_problem (self, forward->msg, exchange, SOUP_STATUS_BAD_GATEWAY, detail);
      goto out;
    }

  upstream_headers = soup_message_get_response_headers (forward->upstream);
  exchange->status = soup_message_get_status (forward->upstream);
  violations = soup_message_headers_get_one (upstream_headers, "sl-violations");
  exchange->violations = g_strdup (violations);

  content_type = soup_message_headers_get_content_type (upstream_headers, NULL);
  if (g_strcmp0 (content_type, "application/problem+json") == 0)
    exchange->problem = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  /* The simulator's own origin in absolute links becomes the router's */
  if (content_type != NULL && strstr (content_type, "json") != NULL && g_bytes_get_size (body) > 0)
    {
      g_autofree char *from = g_strconcat (self->sim_origin, "/", NULL);
      g_autofree char *to = g_strconcat (self->base_url, "/", NULL);
      char *text = replace_origin (g_bytes_get_data (body, NULL), g_bytes_get_size (body), from, to);

      g_bytes_unref (body);
      body = g_bytes_new_take (text, strlen (text));
    }
  exchange->body = g_bytes_ref (body);

  soup_server_message_set_status (forward->msg, exchange->status,
                                  soup_message_get_reason_phrase (forward->upstream));
  copy.self = self;
  copy.headers = soup_server_message_get_response_headers (forward->msg);
  soup_message_headers_foreach (upstream_headers, copy_response_header_cb, &copy);
  if (g_bytes_get_size (body) > 0)
    soup_message_body_append_bytes (soup_server_message_get_response_body (forward->msg), body);

out:
  soup_server_message_unpause (forward->msg);
  g_object_unref (forward->msg);
  g_object_unref (forward->upstream);
  g_free (forward);
}

static void
router_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ContractHarness *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw_query = g_uri_get_query (uri);
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  ContractExchange *exchange = g_new0 (ContractExchange, 1);
  Prism *prism = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GBytes) body = NULL;
  Forward *forward;

  exchange->method = g_strdup (method);
  exchange->path = g_strdup (path);
  g_ptr_array_add (self->exchanges, exchange);

  for (guint i = 0; i < G_N_ELEMENTS (self->prisms); i++)
    {
      const char *api = self->prisms[i].api;
      gsize api_length = strlen (api);

      if (path[0] == '/' && strncmp (path + 1, api, api_length) == 0 && path[1 + api_length] == '/')
        prism = &self->prisms[i];
    }
  if (prism == NULL || !prism->listening)
    {
      respond_problem (self, msg, exchange, SOUP_STATUS_NOT_FOUND, "no Prism for this path");
      return;
    }

  /* "/v2/integrations" goes to Prism as "/integrations" */
  url = g_strdup_printf ("http://127.0.0.1:%u%s%s%s", prism->port, path + 1 + strlen (prism->api),
                         raw_query != NULL ? "?" : "", raw_query != NULL ? raw_query : "");

  forward = g_new0 (Forward, 1);
  forward->self = self;
  forward->msg = g_object_ref (msg);
  forward->index = self->exchanges->len - 1;
  forward->upstream = soup_message_new (method, url);
  g_assert (forward->upstream != NULL);
  /* The client sees redirects as they are */
  soup_message_add_flags (forward->upstream, SOUP_MESSAGE_NO_REDIRECT);

  soup_message_headers_foreach (request_headers, copy_request_header_cb,
                                soup_message_get_request_headers (forward->upstream));
  /* One connection per request: nothing to go stale in Node's keep-alive */
  soup_message_headers_replace (soup_message_get_request_headers (forward->upstream), "Connection", "close");

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > 0)
    soup_message_set_request_body_from_bytes (forward->upstream,
                                              soup_message_headers_get_content_type (request_headers, NULL),
                                              body);

  soup_server_message_pause (msg);
  soup_session_send_and_read_async (self->session, forward->upstream, G_PRIORITY_DEFAULT, NULL,
                                    forward_done_cb, forward);
}

static gboolean
start_router (ContractHarness  *self,
              GError          **error)
{
  GSList *uris;

  self->session = soup_session_new_with_options ("max-conns-per-host", 8, NULL);
  /* Bodies pass as they are */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);

  self->router = soup_server_new ("server-header", "inflow-contract-router", NULL);
  soup_server_add_handler (self->router, NULL, router_cb, self, NULL);
  if (!soup_server_listen_local (self->router, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (self->router);
  g_assert (uris != NULL);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

/* ---- public ----------------------------------------------------------------- */

ContractHarness *
contract_harness_start (const ContractConfig  *config,
                        GError               **error)
{
  g_autoptr(ContractHarness) self = g_new0 (ContractHarness, 1);
  const char *specs[] = { config->v2_spec_path, config->v1_spec_path };

  self->exchanges = g_ptr_array_new_with_free_func (exchange_free);
  self->prisms[0].api = "v2";
  self->prisms[1].api = "v1";
  for (guint i = 0; i < G_N_ELEMENTS (self->prisms); i++)
    self->prisms[i].log = g_ptr_array_new_with_free_func (g_free);

  if (!start_sim (self, config, error))
    return NULL;
  /* Both start at once: each takes a few seconds of loading its spec */
  for (guint i = 0; i < G_N_ELEMENTS (self->prisms); i++)
    {
      self->prisms[i].program = g_strdup (config->prism_path);
      self->prisms[i].spec = g_strdup (specs[i]);
      if (!spawn_prism (self, &self->prisms[i], error))
        return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->prisms); i++)
    if (!await_prism (self, &self->prisms[i], error))
      return NULL;
  if (!start_router (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
contract_harness_get_base_url (ContractHarness *self)
{
  return self->base_url;
}

guint
contract_harness_get_n_exchanges (ContractHarness *self)
{
  return self->exchanges->len;
}

ContractExchange *
contract_harness_get_exchange (ContractHarness *self,
                               guint            index)
{
  g_return_val_if_fail (index < self->exchanges->len, NULL);

  return g_ptr_array_index (self->exchanges, index);
}

/* Stops both Prism processes and reads their output to the end, so their
 * logs are complete. */
void
contract_harness_stop_prism (ContractHarness *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->prisms); i++)
    {
      Prism *prism = &self->prisms[i];

      if (prism->process == NULL)
        continue;

      prism->listening = FALSE;
      g_subprocess_send_signal (prism->process, SIGTERM);
      if (!inflow_test_wait_until (prism_ended, prism, PRISM_STOP_TIMEOUT_MS))
        {
          g_ptr_array_add (prism->log, g_strdup ("(Prism did not end on SIGTERM; killed)"));
          g_subprocess_force_exit (prism->process);
        }
      prism_clear_process (prism);
    }
}

/* The lines Prism printed for @api ("v2" or "v1") */
GPtrArray *
contract_harness_get_prism_log (ContractHarness *self,
                                const char      *api)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->prisms); i++)
    if (g_str_equal (self->prisms[i].api, api))
      return self->prisms[i].log;

  g_return_val_if_reached (NULL);
}

void
contract_harness_free (ContractHarness *self)
{
  if (self->router != NULL)
    soup_server_disconnect (self->router);
  g_clear_object (&self->router);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  for (guint i = 0; i < G_N_ELEMENTS (self->prisms); i++)
    {
      prism_clear_process (&self->prisms[i]);
      g_clear_pointer (&self->prisms[i].log, g_ptr_array_unref);
      g_clear_pointer (&self->prisms[i].program, g_free);
      g_clear_pointer (&self->prisms[i].spec, g_free);
    }

  stop_process (self->sim);
  g_clear_object (&self->sim);
  g_clear_object (&self->sim_stdout);
  g_free (self->sim_origin);
  g_free (self->base_url);
  g_clear_pointer (&self->exchanges, g_ptr_array_unref);
  g_free (self);
}
