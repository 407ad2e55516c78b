/* inflow-session.h: one signed-in profile: its client and its last known data
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-account-directory.h"
#include "inflow-client.h"
#include "inflow-database.h"
#include "inflow-me.h"
#include "inflow-profile.h"

G_BEGIN_DECLS

/**
 * InflowConnectionState:
 * @INFLOW_CONNECTION_UNKNOWN: nothing was fetched yet in this run
 * @INFLOW_CONNECTION_ONLINE: the last refresh reached the API
 * @INFLOW_CONNECTION_OFFLINE: the network or the API is unreachable (network,
 *   TLS or 5xx errors, or an answer that ran past the request deadline); the
 *   lists keep the last known data
 * @INFLOW_CONNECTION_UNAUTHORIZED: the API refused the token (401): sign in again
 * @INFLOW_CONNECTION_ERROR: any other failure; see #InflowSession:last-error
 */
typedef enum
{
  INFLOW_CONNECTION_UNKNOWN,
  INFLOW_CONNECTION_ONLINE,
  INFLOW_CONNECTION_OFFLINE,
  INFLOW_CONNECTION_UNAUTHORIZED,
  INFLOW_CONNECTION_ERROR,
} InflowConnectionState;

/**
 * InflowSessionList:
 *
 * The lists a session keeps, each with its own "as of" time.
 */
typedef enum
{
  INFLOW_SESSION_LIST_INTEGRATIONS,
  INFLOW_SESSION_LIST_WORKSPACES,
  INFLOW_SESSION_LIST_CLOUD_ACCOUNTS,
  INFLOW_SESSION_LIST_TEAMS,
  INFLOW_SESSION_N_LISTS,
} InflowSessionList;

/**
 * InflowListState:
 * @INFLOW_LIST_STATE_LOADING: nothing to show yet, and the first fetch or a
 *   refresh is on its way
 * @INFLOW_LIST_STATE_ERROR: nothing was ever fetched, and the last refresh
 *   failed; see #InflowSession:last-error
 * @INFLOW_LIST_STATE_EMPTY: fetched, and there is nothing in it
 * @INFLOW_LIST_STATE_READY: there is something to show
 *
 * What a view of one of the session's lists shows.
 */
typedef enum
{
  INFLOW_LIST_STATE_LOADING,
  INFLOW_LIST_STATE_ERROR,
  INFLOW_LIST_STATE_EMPTY,
  INFLOW_LIST_STATE_READY,
} InflowListState;

GType inflow_connection_state_get_type (void);
#define INFLOW_TYPE_CONNECTION_STATE (inflow_connection_state_get_type ())

GType inflow_session_list_get_type (void);
#define INFLOW_TYPE_SESSION_LIST (inflow_session_list_get_type ())

/* The connection state an error of a refresh leads to: network, TLS,
 * deadline and 5xx errors are OFFLINE, 401 is UNAUTHORIZED, anything else ERROR. */
InflowConnectionState inflow_connection_state_from_error (const GError *error);

typedef struct _InflowIngestionMonitor InflowIngestionMonitor;
typedef struct _InflowAwsConnector InflowAwsConnector;
typedef struct _InflowAccessQueue InflowAccessQueue;

#define INFLOW_TYPE_SESSION (inflow_session_get_type ())

G_DECLARE_FINAL_TYPE (InflowSession, inflow_session, INFLOW, SESSION, GObject)

/* @database may be NULL (the demo and session-only sign-ins keep nothing). */
InflowSession        *inflow_session_new                  (InflowProfile         *profile,
                                                           InflowClient          *client,
                                                           InflowDatabase        *database);
InflowProfile        *inflow_session_get_profile          (InflowSession         *self);
InflowClient         *inflow_session_get_client           (InflowSession         *self);
InflowDatabase       *inflow_session_get_database         (InflowSession         *self);
GCancellable         *inflow_session_get_cancellable      (InflowSession         *self);
void                  inflow_session_close                (InflowSession         *self);

InflowMe             *inflow_session_get_me               (InflowSession         *self);
/* What GET /me said at sign-in, so that can-write is known at once. */
void                  inflow_session_set_me               (InflowSession         *self,
                                                           InflowMe              *me);
gboolean              inflow_session_get_can_write        (InflowSession         *self);
const char           *inflow_session_get_write_disabled_reason (InflowSession    *self);
InflowConnectionState inflow_session_get_connection_state (InflowSession         *self);
const GError         *inflow_session_get_last_error       (InflowSession         *self);
gboolean              inflow_session_get_refreshing       (InflowSession         *self);

/* The same GListModel for the whole life of the session; its items are
 * replaced in one splice when fresher data arrives. The fetched-at time of
 * a list is when Inflow received it (the computer's clock, UTC), or NULL
 * when nothing was fetched nor cached yet; the session emits
 * ::fetched-at-changed with the list when it changes. */
GListModel           *inflow_session_get_integrations     (InflowSession         *self);
GListModel           *inflow_session_get_workspaces       (InflowSession         *self);
GListModel           *inflow_session_get_cloud_accounts   (InflowSession         *self);
GListModel           *inflow_session_get_teams            (InflowSession         *self);
GDateTime            *inflow_session_get_fetched_at       (InflowSession         *self,
                                                           InflowSessionList      list);
InflowAccountDirectory *inflow_session_get_account_directory (InflowSession       *self);
InflowIngestionMonitor *inflow_session_get_ingestion_monitor (InflowSession       *self);
InflowAwsConnector   *inflow_session_get_aws_connector    (InflowSession         *self);
/* Every workspace access change goes through it (inflow-access-queue.h). */
InflowAccessQueue    *inflow_session_get_access_queue     (InflowSession         *self);

/* TRUE while Inflow runs with no window open (the application sets it). */
void                  inflow_session_set_in_background    (InflowSession         *self,
                                                           gboolean               in_background);
gboolean              inflow_session_get_in_background    (InflowSession         *self);

/* What a view of @list shows when it holds @n_items (the view's own count:
 * a list of accounts may be empty while the session's cloud accounts are
 * not), and the "As of 14:20 today" line under it, or NULL before the list
 * was fetched or read from the cache. */
InflowListState       inflow_session_get_list_state       (InflowSession         *self,
                                                           InflowSessionList      list,
                                                           guint                  n_items);
char                 *inflow_session_dup_as_of_text       (InflowSession         *self,
                                                           InflowSessionList      list);

/* Replaces one integration in the list in place (after a write). */
void                  inflow_session_update_integration   (InflowSession         *self,
                                                           InflowIntegration     *integration);
void                  inflow_session_remove_integration   (InflowSession         *self,
                                                           const char            *token);

/* Deletes an integration in Vantage, then removes it from the list. */
void                  inflow_session_delete_integration_async  (InflowSession       *self,
                                                                const char          *token,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean              inflow_session_delete_integration_finish (InflowSession       *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* Reads the lists (and /me) saved by an earlier refresh from the database
 * and shows them, except those a refresh already brought. Succeeds when
 * nothing is cached, and at once without a database. */
void                  inflow_session_load_cached_async    (InflowSession         *self,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean              inflow_session_load_cached_finish   (InflowSession         *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);
/* Fetches /me, the workspaces, integrations, teams and the cloud accounts
 * of every workspace, shows each list as it arrives and saves it in the
 * database. A refresh asked for while one runs joins it. Fails with the
 * first error, which also sets the connection state and last error; the
 * lists keep what they had. */
void                  inflow_session_refresh_async        (InflowSession         *self,
                                                           GCancellable          *cancellable,
                                                           GAsyncReadyCallback    callback,
                                                           gpointer               user_data);
gboolean              inflow_session_refresh_finish       (InflowSession         *self,
                                                           GAsyncResult          *result,
                                                           GError               **error);

G_END_DECLS
