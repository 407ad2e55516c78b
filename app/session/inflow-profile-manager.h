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

/* @database may be NULL when it could not be opened: then nothing is kept. */
InflowProfileManager *inflow_profile_manager_new            (InflowDatabase        *database,
                                                             InflowTokenStore      *token_store);
InflowDatabase       *inflow_profile_manager_get_database   (InflowProfileManager  *self);

/* The stored profiles, most recently used first, plus the demo while it runs. */
GListModel           *inflow_profile_manager_get_profiles   (InflowProfileManager  *self);

/* The active session, or NULL (the welcome page). Notifies "session" when it
 * changes; the previous session is closed first, which cancels everything it
 * had in flight. */
InflowSession        *inflow_profile_manager_get_session    (InflowProfileManager  *self);

/* Reads the stored profiles and activates the most recently used one. */
void                  inflow_profile_manager_load_async     (InflowProfileManager  *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              inflow_profile_manager_load_finish    (InflowProfileManager  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Validates @token with GET /me at @base_url (NULL: the Vantage API), then,
 * unless @session_only, stores it in the keyring and the profile in the
 * database, and makes it the active session. Only a token that validated is
 * stored. Returns the InflowMe so the caller can show what the token can do. */
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
