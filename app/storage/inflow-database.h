/* inflow-database.h: the local SQLite database (profiles, cache, history)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-observation.h"
#include "inflow-profile.h"

G_BEGIN_DECLS

/* The schema version a new or migrated database has (PRAGMA user_version). */
#define INFLOW_DATABASE_SCHEMA_VERSION 2

/* How long observations are kept; see inflow_database_prune_observations_async       (). */
#define INFLOW_DATABASE_OBSERVATION_RETENTION_DAYS 90

/* The kinds of cached lists the app keeps (any non-empty string works). */
#define INFLOW_CACHED_LIST_INTEGRATIONS "integrations"
#define INFLOW_CACHED_LIST_WORKSPACES   "workspaces"
#define INFLOW_CACHED_LIST_ACCOUNTS     "accounts"
#define INFLOW_CACHED_LIST_TEAMS        "teams"

#define INFLOW_TYPE_DATABASE (inflow_database_get_type ())

G_DECLARE_FINAL_TYPE (InflowDatabase, inflow_database, INFLOW, DATABASE, GObject)

char           *inflow_database_get_default_path               (void);

void            inflow_database_open_async                     (const char           *path,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
InflowDatabase *inflow_database_open_finish                    (GAsyncResult         *result,
                                                                GError              **error);

const char     *inflow_database_get_path                       (InflowDatabase       *self);
gboolean        inflow_database_get_recovered_from_corruption  (InflowDatabase       *self);
const char     *inflow_database_get_moved_aside_path           (InflowDatabase       *self);
gboolean        inflow_database_get_read_only                  (InflowDatabase       *self);

/* Storage problems and what landed: see the properties */
const GError   *inflow_database_get_write_error                (InflowDatabase       *self);
const char     *inflow_database_get_problem                    (InflowDatabase       *self);
guint           inflow_database_get_n_lists_written            (InflowDatabase       *self);
guint           inflow_database_get_n_lists_failed             (InflowDatabase       *self);
guint           inflow_database_get_n_observations_written     (InflowDatabase       *self);
guint           inflow_database_get_n_observations_failed      (InflowDatabase       *self);

void            inflow_database_close_async                    (InflowDatabase       *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean        inflow_database_close_finish                   (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Profiles */
void            inflow_database_save_profile_async             (InflowDatabase       *self,
                                                                InflowProfile        *profile,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean        inflow_database_save_profile_finish            (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void            inflow_database_touch_profile_async            (InflowDatabase       *self,
                                                                const char           *profile_id,
                                                                GDateTime            *last_used_at,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean        inflow_database_touch_profile_finish           (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void            inflow_database_list_profiles_async            (InflowDatabase       *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GListModel     *inflow_database_list_profiles_finish           (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void            inflow_database_remove_profile_async           (InflowDatabase       *self,
                                                                const char           *profile_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean        inflow_database_remove_profile_finish          (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Cached lists */
void            inflow_database_put_cached_list_async          (InflowDatabase       *self,
                                                                const char           *profile_id,
                                                                const char           *kind,
                                                                const char           *json,
                                                                GDateTime            *fetched_at,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean        inflow_database_put_cached_list_finish         (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void            inflow_database_get_cached_list_async          (InflowDatabase       *self,
                                                                const char           *profile_id,
                                                                const char           *kind,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
char           *inflow_database_get_cached_list_finish         (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GDateTime           **fetched_at,
                                                                GError              **error);

/* Ingestion observations */
void            inflow_database_add_observation_async          (InflowDatabase       *self,
                                                                InflowObservation    *observation,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean        inflow_database_add_observation_finish         (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void            inflow_database_list_observations_since_async  (InflowDatabase       *self,
                                                                const char           *profile_id,
                                                                const char           *integration_token,
                                                                GDateTime            *since,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
GListModel     *inflow_database_list_observations_since_finish (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void            inflow_database_prune_observations_async       (InflowDatabase       *self,
                                                                GDateTime            *now,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean        inflow_database_prune_observations_finish      (InflowDatabase       *self,
                                                                GAsyncResult         *result,
                                                                guint                *n_removed,
                                                                GError              **error);

G_END_DECLS
