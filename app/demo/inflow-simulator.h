/* inflow-simulator.h: a stateful simulator of the Vantage REST API
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-sim-scenario.h"

G_BEGIN_DECLS

/**
 * InflowSimFault:
 * @INFLOW_SIM_FAULT_STATUS: answer with the given HTTP status and an
 *   `{"errors": [...]}` body
 * @INFLOW_SIM_FAULT_DELAY: answer normally after the delay
 * @INFLOW_SIM_FAULT_TRUNCATED_BODY: declare the full Content-Length, send
 *   only the first half of the body, then close the connection
 * @INFLOW_SIM_FAULT_CUT_JSON: a complete HTTP response whose JSON body is
 *   cut in half (Content-Length matches what is sent)
 * @INFLOW_SIM_FAULT_MALFORMED_JSON: a complete response whose body is not
 *   JSON (a ':' of the normal body replaced)
 * @INFLOW_SIM_FAULT_WRONG_TYPES: the normal body with wrong field types in
 *   the object answered (or the first item of each list): every string
 *   member becomes the number 7, except "token" which becomes null, and
 *   every array member becomes the string "oops"
 * @INFLOW_SIM_FAULT_DROP_CONNECTION: close the connection without a response
 * @INFLOW_SIM_FAULT_REDIRECT: answer with a redirect (see
 *   inflow_simulator_add_redirect())
 *
 * What a fault does to a matching request. Every fault can also delay.
 */
typedef enum
{
  INFLOW_SIM_FAULT_STATUS,
  INFLOW_SIM_FAULT_DELAY,
  INFLOW_SIM_FAULT_TRUNCATED_BODY,
  INFLOW_SIM_FAULT_CUT_JSON,
  INFLOW_SIM_FAULT_MALFORMED_JSON,
  INFLOW_SIM_FAULT_WRONG_TYPES,
  INFLOW_SIM_FAULT_DROP_CONNECTION,
  INFLOW_SIM_FAULT_REDIRECT,
} InflowSimFault;

#define INFLOW_TYPE_SIMULATOR (inflow_simulator_get_type ())

G_DECLARE_FINAL_TYPE (InflowSimulator, inflow_simulator, INFLOW, SIMULATOR, GObject)

/*
 * Creation and configuration.
 *
 * inflow_simulator_new(): a simulator of the organization generated from
 *   @seed (same seed, same organization) with @n_integrations integrations
 *   (0: 40; at least 16) and @n_accounts AWS accounts (0: 60; at least 12).
 *   Tokens "demo-token" (read, write) and "demo-read-token" (read only; 403
 *   on /v2/users); 1000 requests per real hour; no /costs limit; real time.
 *   The scenario is laid out relative to the virtual clock when the server
 *   starts listening (or a back door first needs it).
 * set_time_scale(): virtual seconds per real second (1: real time; 480: 8
 *   virtual hours per real minute; 0: stopped, only advance_clock() moves).
 * set_clock_offset(): virtual now becomes real now + @offset (negative:
 *   behind). Before the scenario exists this moves it too.
 * advance_clock(): jumps virtual time forward by @span.
 * dup_now(): the virtual now (UTC), as sent in the Date header.
 * set_tokens(): replaces every token with these two (either may be NULL).
 * add_token(): one more token, with or without the write scope and the
 *   right to list users.
 * set_rate_limit(): @limit requests per @window_seconds of real time, all
 *   tokens together (0: none, and no x-rate-limit-* headers). Over it: 429
 *   with Retry-After. x-rate-limit-reset is the Date header's clock plus the
 *   real seconds left in the window.
 * set_cost_rate_limit(): a separate limit on /v2/costs (Vantage documents
 *   5 per 5 seconds; 0: off, the default).
 */
InflowSimulator *inflow_simulator_new                 (guint64              seed,
                                                       guint                n_integrations,
                                                       guint                n_accounts);
void             inflow_simulator_set_time_scale      (InflowSimulator     *self,
                                                       double               scale);
double           inflow_simulator_get_time_scale      (InflowSimulator     *self);
void             inflow_simulator_set_clock_offset    (InflowSimulator     *self,
                                                       GTimeSpan            offset);
void             inflow_simulator_advance_clock       (InflowSimulator     *self,
                                                       GTimeSpan            span);
GDateTime       *inflow_simulator_dup_now             (InflowSimulator     *self);
void             inflow_simulator_set_tokens          (InflowSimulator     *self,
                                                       const char          *write_token,
                                                       const char          *read_only_token);
void             inflow_simulator_add_token           (InflowSimulator     *self,
                                                       const char          *token,
                                                       gboolean             can_write,
                                                       gboolean             can_list_users);
void             inflow_simulator_set_rate_limit      (InflowSimulator     *self,
                                                       guint                limit,
                                                       guint                window_seconds);
void             inflow_simulator_set_cost_rate_limit (InflowSimulator     *self,
                                                       guint                limit,
                                                       guint                window_seconds);

/*
 * The server.
 *
 * listen(): serves on 127.0.0.1:@port (0: a free port) only, on the
 *   thread-default main context of the caller, until the simulator is
 *   finalized.
 * get_base_url(): "http://127.0.0.1:PORT" (without /v2; https after
 *   set_tls_certificate()), NULL before listen().
 */
void             inflow_simulator_set_tls_certificate (InflowSimulator     *self,
                                                       GTlsCertificate     *certificate);
gboolean         inflow_simulator_listen              (InflowSimulator     *self,
                                                       guint                port,
                                                       GError             **error);
const char      *inflow_simulator_get_base_url        (InflowSimulator     *self);
guint            inflow_simulator_get_port            (InflowSimulator     *self);

/*
 * Faults, checked in the order added before authentication and rate
 * limiting; the first that matches the method (NULL or "*": any) and path
 * prefix applies. Each applies @count times, then removes itself (0: until
 * removed or cleared). Any kind can also delay by @delay_ms. @status is the
 * HTTP status of INFLOW_SIM_FAULT_STATUS. Both return an id for
 * remove_fault(). A redirect answers @status (3xx) with Location @location.
 * set_chaos() draws a random fault for a share of the other requests (see
 * there); dup_chaos_report() counts what it injected.
 */
guint            inflow_simulator_add_fault           (InflowSimulator     *self,
                                                       const char          *method,
                                                       const char          *path_prefix,
                                                       InflowSimFault       kind,
                                                       guint                status,
                                                       guint                delay_ms,
                                                       guint                count);
guint            inflow_simulator_add_redirect        (InflowSimulator     *self,
                                                       const char          *path_prefix,
                                                       guint                status,
                                                       const char          *location,
                                                       guint                count);
void             inflow_simulator_remove_fault        (InflowSimulator     *self,
                                                       guint                fault_id);
void             inflow_simulator_clear_faults        (InflowSimulator     *self);
void             inflow_simulator_set_chaos           (InflowSimulator     *self,
                                                       double               probability,
                                                       guint64              seed);
char            *inflow_simulator_dup_chaos_report    (InflowSimulator     *self);

/*
 * Counters: every request that arrived, whatever its answer (faults
 * included), by path.
 *
 * get_request_count(): requests whose path starts with @path_prefix (NULL:
 *   all).
 * get_last_authorization(): whether a request whose path starts with
 *   @path_prefix (NULL: any) arrived; @authorization gets the Authorization
 *   header of the latest, NULL if it sent none (owned by the simulator until
 *   the next request).
 */
guint            inflow_simulator_get_request_count   (InflowSimulator     *self,
                                                       const char          *path_prefix);
void             inflow_simulator_reset_request_counts (InflowSimulator    *self);
gboolean         inflow_simulator_get_last_authorization (InflowSimulator  *self,
                                                       const char          *path_prefix,
                                                       const char         **authorization);

/*
 * Back doors into the scenario.
 *
 * get_notable_integration(): the token of a notable integration.
 * get_default_workspace_token(), dup_workspace_tokens(): the workspaces, in
 *   list order (Default, Production, Finance, Sandbox, Data Platform).
 * dup_integration_json(): the Integration as GET /v2/integrations/{token}
 *   would answer now; NULL if unknown or deleted.
 * set_integration_workspaces(): a new set of workspaces, as another client
 *   would PUT it; FALSE if the integration or a workspace is unknown.
 * set_integration_status(): overrides the status the API reports; "error"
 *   and "disconnected" also stop its cost data now.
 * add_workspace(): a new workspace, created now and empty; its token.
 * dup_first_cur_time(): when the first CUR of an AWS integration being
 *   onboarded (created through POST /v1/integrations/aws, or the notable
 *   awaiting one) arrives or arrived; NULL for the others.
 */
const char      *inflow_simulator_get_notable_integration (InflowSimulator *self,
                                                       InflowSimNotable     which);
const char      *inflow_simulator_get_default_workspace_token (InflowSimulator *self);
GStrv            inflow_simulator_dup_workspace_tokens (InflowSimulator    *self);
char            *inflow_simulator_dup_integration_json (InflowSimulator    *self,
                                                       const char          *token);
gboolean         inflow_simulator_set_integration_workspaces (InflowSimulator *self,
                                                       const char          *token,
                                                       const char * const  *workspace_tokens);
gboolean         inflow_simulator_set_integration_status (InflowSimulator  *self,
                                                       const char          *token,
                                                       const char          *status);
const char      *inflow_simulator_add_workspace       (InflowSimulator     *self,
                                                       const char          *name);
GDateTime       *inflow_simulator_dup_first_cur_time  (InflowSimulator     *self,
                                                       const char          *token);

G_END_DECLS
