/* inflow-profile-manager.h: the profiles, signing in and out, and the demo
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-database.h"
#include "inflow-me.h"
#include "inflow-profile.h"
#include "inflow-session.h"
#include "inflow-token-store.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_PROFILE_MANAGER (inflow_profile_manager_get_type ())

G_DECLARE_FINAL_TYPE (InflowProfileManager, inflow_profile_manager, INFLOW, PROFILE_MANAGER, GObject)

/* How many real seconds after the demo starts its freshly connected AWS
 * integration gets its first CUR: the simulator's time scale is set so. */
#define INFLOW_DEMO_FIRST_CUR_SECONDS 150

/*
 * The manager drives the active session: when one becomes active it loads
 * the cache, then refreshes; while it is OFFLINE the manager retries now
 * and then, and at once when GNetworkMonitor says the network is back.
 * When an activation that nobody asked for (the one inflow_profile_manager_load_async()
 * makes) fails, ::activation-failed tells the UI, which asks the user to
 * sign in again. Starting a session (sign-in, activate, demo) supersedes
 * the one started before: the earlier fails with G_IO_ERROR_CANCELLED.
 */

/* @database may be NULL when it could not be opened: then nothing is kept. */
InflowProfileManager *inflow_profile_manager_new            (InflowDatabase        *database,
                                                             InflowTokenStore      *token_store);
InflowDatabase       *inflow_profile_manager_get_database   (InflowProfileManager  *self);

/* Why nothing (or nothing new) is saved, in words with the path, or NULL:
 * a full disk, a read-only data folder. Notifies "storage-problem" once
 * per problem. */
const char           *inflow_profile_manager_get_storage_problem (InflowProfileManager *self);

/* The stored profiles, most recently used first, plus the demo while it runs. */
GListModel           *inflow_profile_manager_get_profiles   (InflowProfileManager  *self);

/* The active session, or NULL (the welcome page). Notifies "session" when it
 * changes; the previous session is closed first, which cancels everything it
 * had in flight. */
InflowSession        *inflow_profile_manager_get_session    (InflowProfileManager  *self);

/* Reads the stored profiles and activates the most recently used one,
 * unless a session was started meanwhile. Fails only when the profiles
 * cannot be read; a failed activation is ::activation-failed. */
void                  inflow_profile_manager_load_async     (InflowProfileManager  *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_load_finish    (InflowProfileManager  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* The same without activating a profile. */
void                  inflow_profile_manager_read_async     (InflowProfileManager  *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_read_finish    (InflowProfileManager  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* After a refresh failed for a passing reason (inflow_api_error_is_transient()),
 * the manager refreshes again after @first_ms, then twice as late each time,
 * up to @max_ms, until one succeeds or fails for another reason (default:
 * 15 s to 5 min). */
void                  inflow_profile_manager_set_retry_delays (InflowProfileManager *self,
                                                             guint                 first_ms,
                                                             guint                 max_ms);

/* Validates @token with GET /me at @base_url (NULL: the Vantage API), then,
 * unless @session_only, stores it in the keyring and the profile in the
 * database, and makes it the active session. Only a token that validated is
 * stored. Returns the InflowMe so the caller can show what the token can do.
 * A stored profile with the same name and base URL is signed in again (it
 * keeps its cached data). Without a database nothing is stored (as if
 * @session_only). Fails with INFLOW_API_ERROR when the token does not
 * validate, INFLOW_STORAGE_ERROR when the keyring cannot keep it
 * (NO_SECRET_SERVICE: offer @session_only). */
void                  inflow_profile_manager_sign_in_async  (InflowProfileManager  *self,
                                                             const char            *name,
                                                             const char            *token,
                                                             const char            *base_url,
                                                             gboolean               session_only,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
InflowMe             *inflow_profile_manager_sign_in_finish (InflowProfileManager  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Looks up the profile's token in the keyring and makes it the active session. */
void                  inflow_profile_manager_activate_async (InflowProfileManager  *self,
                                                             InflowProfile         *profile,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_activate_finish (InflowProfileManager *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* A token in a keyring that stayed locked (the unlock prompt dismissed):
 * the profile is kept and named by "locked-profile"; unlock_async asks the
 * keyring again (its own prompt), then activates the profile. */
InflowProfile        *inflow_profile_manager_get_locked_profile (InflowProfileManager *self);
void                  inflow_profile_manager_unlock_async   (InflowProfileManager  *self,
                                                             InflowProfile         *profile,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_unlock_finish  (InflowProfileManager  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Starts the simulator in-process on loopback and signs in to it with a
 * session-only token that is never written to the keyring. */
void                  inflow_profile_manager_start_demo_async (InflowProfileManager *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_start_demo_finish (InflowProfileManager *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Removes the token from the keyring (the profile and its cached data stay). */
void                  inflow_profile_manager_sign_out_async (InflowProfileManager  *self,
                                                             InflowProfile         *profile,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_sign_out_finish (InflowProfileManager *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Signs out and also removes the profile and its cached data. */
void                  inflow_profile_manager_remove_async   (InflowProfileManager  *self,
                                                             InflowProfile         *profile,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_remove_finish  (InflowProfileManager  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

G_END_DECLS
