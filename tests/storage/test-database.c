/* test-database.c: the SQLite database, profiles and observations
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "inflow-database.h"
#include "inflow-observation.h"
#include "inflow-profile.h"
#include "inflow-storage-error.h"
#include "inflow-test-utils.h"

/* The argument that turns this program into the writer the
 * interrupted-write test kills. */
#define WRITER_ARGUMENT "--write-until-killed"

static const char *self_path;

/* The schema of version 1, exactly as it shipped. */
static const char v1_schema[] =
  "CREATE TABLE profiles ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL,"
  "  base_url TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  last_used_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE cached_lists ("
  "  profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  json TEXT NOT NULL,"
  "  fetched_at INTEGER NOT NULL,"
  "  PRIMARY KEY (profile_id, kind)"
  ");"
  "PRAGMA user_version = 1;";

typedef struct
{
  char *path;  /* in a folder that does not exist yet */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static guint counter;
  g_autofree char *folder = g_strdup_printf ("db-%u", ++counter);

  fixture->path = g_build_filename (g_get_user_data_dir (), folder, "inflow.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->path, g_free);
}

/* Synchronous helpers over the async API */

#define WAIT(result) inflow_test_wait_result (&(result))

static InflowDatabase *
open_database (const char  *path,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_open_async (path, NULL, inflow_test_store_result_cb, &result);
  return inflow_database_open_finish (WAIT (result), error);
}

static InflowDatabase *
open_database_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  InflowDatabase *db = open_database (path, &error);

  g_assert_no_error (error);
  g_assert_true (INFLOW_IS_DATABASE (db));

  return db;
}

static void
close_database (InflowDatabase *db)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_database_close_async (db, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_database_close_finish (db, WAIT (result), &error));
  g_assert_no_error (error);
}

static gboolean
save_profile (InflowDatabase  *db,
              InflowProfile   *profile,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_save_profile_async (db, profile, NULL, inflow_test_store_result_cb, &result);
  return inflow_database_save_profile_finish (db, WAIT (result), error);
}

static gboolean
touch_profile (InflowDatabase  *db,
               const char      *profile_id,
               GDateTime       *when,
               GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_touch_profile_async (db, profile_id, when, NULL, inflow_test_store_result_cb, &result);
  return inflow_database_touch_profile_finish (db, WAIT (result), error);
}

static GListModel *
list_profiles (InflowDatabase *db)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *profiles;

  inflow_database_list_profiles_async (db, NULL, inflow_test_store_result_cb, &result);
  profiles = inflow_database_list_profiles_finish (db, WAIT (result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (profiles) == INFLOW_TYPE_PROFILE);

  return profiles;
}

static void
remove_profile (InflowDatabase *db,
                const char     *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_database_remove_profile_async (db, profile_id, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_database_remove_profile_finish (db, WAIT (result), &error));
  g_assert_no_error (error);
}

static gboolean
put_cached_list (InflowDatabase  *db,
                 const char      *profile_id,
                 const char      *kind,
                 const char      *json,
                 GDateTime       *fetched_at,
                 GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_put_cached_list_async (db, profile_id, kind, json, fetched_at, NULL,
                                         inflow_test_store_result_cb, &result);
  return inflow_database_put_cached_list_finish (db, WAIT (result), error);
}

static char *
get_cached_list (InflowDatabase  *db,
                 const char      *profile_id,
                 const char      *kind,
                 GDateTime      **fetched_at,
                 GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_get_cached_list_async (db, profile_id, kind, NULL, inflow_test_store_result_cb, &result);
  return inflow_database_get_cached_list_finish (db, WAIT (result), fetched_at, error);
}

static gboolean
add_observation (InflowDatabase     *db,
                 InflowObservation  *observation,
                 GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_database_add_observation_async (db, observation, NULL, inflow_test_store_result_cb, &result);
  return inflow_database_add_observation_finish (db, WAIT (result), error);
}

static void
add_observation_ok (InflowDatabase *db,
                    const char     *profile_id,
                    const char     *integration_token,
                    GDateTime      *observed_at,
                    const char     *status)
{
  g_autoptr(InflowObservation) observation = NULL;
  g_autoptr(GError) error = NULL;

  observation = inflow_observation_new (profile_id, integration_token, observed_at, status,
                                        NULL, NULL, FALSE);
  g_assert_true (add_observation (db, observation, &error));
  g_assert_no_error (error);
}

static GListModel *
list_observations (InflowDatabase *db,
                   const char     *profile_id,
                   const char     *integration_token,
                   GDateTime      *since)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *observations;

  inflow_database_list_observations_since_async (db, profile_id, integration_token, since, NULL,
                                                 inflow_test_store_result_cb, &result);
  observations = inflow_database_list_observations_since_finish (db, WAIT (result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (observations) == INFLOW_TYPE_OBSERVATION);

  return observations;
}

static guint
prune_observations (InflowDatabase *db,
                    GDateTime      *now)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint removed = G_MAXUINT;

  inflow_database_prune_observations_async (db, now, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_database_prune_observations_finish (db, WAIT (result), &removed, &error));
  g_assert_no_error (error);

  return removed;
}

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute,
     int second)
{
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

/* Direct SQLite access, to look behind the API */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
raw_query_text (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
raw_query_int (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static void
assert_integrity_ok (const char *path)
{
  sqlite3 *db = raw_open (path);
  g_autofree char *result = raw_query_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok");
  sqlite3_close (db);
}

/* Profiles and observations as objects */

static void
test_profile_new (void)
{
  g_autoptr(InflowProfile) profile = inflow_profile_new ("Acme", "https://api.vantage.sh");
  g_autoptr(InflowProfile) other = inflow_profile_new ("Acme", "https://api.vantage.sh");
  g_autoptr(InflowProfile) demo = inflow_profile_new_demo ("http://127.0.0.1:4010");
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GDateTime) created_at = NULL;
  gboolean is_demo = TRUE;

  g_assert_true (g_uuid_string_is_valid (inflow_profile_get_id (profile)));
  g_assert_cmpstr (inflow_profile_get_id (profile), !=, inflow_profile_get_id (other));
  g_assert_cmpstr (inflow_profile_get_name (profile), ==, "Acme");
  g_assert_cmpstr (inflow_profile_get_base_url (profile), ==, "https://api.vantage.sh");
  g_assert_true (g_date_time_equal (inflow_profile_get_created_at (profile),
                                    inflow_profile_get_last_used_at (profile)));
  g_assert_cmpint (g_date_time_get_microsecond (inflow_profile_get_created_at (profile)), ==, 0);
  g_assert_false (inflow_profile_get_is_demo (profile));

  g_object_get (profile,
                "id", &id,
                "name", &name,
                "created-at", &created_at,
                "is-demo", &is_demo,
                NULL);
  g_assert_cmpstr (id, ==, inflow_profile_get_id (profile));
  g_assert_cmpstr (name, ==, "Acme");
  g_assert_true (g_date_time_equal (created_at, inflow_profile_get_created_at (profile)));
  g_assert_false (is_demo);

  g_assert_true (inflow_profile_get_is_demo (demo));
  g_assert_true (g_uuid_string_is_valid (inflow_profile_get_id (demo)));
  g_assert_cmpstr (inflow_profile_get_base_url (demo), ==, "http://127.0.0.1:4010");
}

static void
test_observation_new (void)
{
  g_autoptr(GDateTime) observed_at = utc (2026, 3, 1, 12, 0, 0);
  g_autoptr(InflowObservation) observation = NULL;
  g_autofree char *status = NULL;
  gboolean present = FALSE;

  observation = inflow_observation_new ("p", "accss_crdntl_1", observed_at, "importing", NULL, NULL, TRUE);
  g_assert_cmpstr (inflow_observation_get_profile_id (observation), ==, "p");
  g_assert_cmpstr (inflow_observation_get_integration_token (observation), ==, "accss_crdntl_1");
  g_assert_true (inflow_observation_get_observed_at (observation) == observed_at);
  g_assert_null (inflow_observation_get_last_updated (observation));
  g_assert_null (inflow_observation_get_newest_cost_date (observation));

  g_object_get (observation, "status", &status, "resource-rows-present", &present, NULL);
  g_assert_cmpstr (status, ==, "importing");
  g_assert_true (present);
}

/* Opening */

static void
test_open_new (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = NULL;
  g_autofree char *journal_mode = NULL;
  g_autoptr(GListModel) profiles = NULL;
  sqlite3 *raw;

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  db = open_database_ok (fixture->path);
  g_assert_cmpstr (inflow_database_get_path (db), ==, fixture->path);
  g_assert_false (inflow_database_get_recovered_from_corruption (db));
  g_assert_null (inflow_database_get_moved_aside_path (db));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  profiles = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 0);

  close_database (db);

  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "PRAGMA user_version"), ==, INFLOW_DATABASE_SCHEMA_VERSION);
  journal_mode = raw_query_text (raw, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'observations'"), ==, 1);
  sqlite3_close (raw);
}

static void
test_open_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "inflow", "inflow.db", NULL);
  g_autofree char *path = inflow_database_get_default_path ();
  g_autoptr(InflowDatabase) db = NULL;

  g_assert_cmpstr (path, ==, expected);

  db = open_database_ok (NULL);
  g_assert_cmpstr (inflow_database_get_path (db), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  close_database (db);
}

static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(InflowProfile) profile = inflow_profile_new ("Acme", "https://api.vantage.sh");
  g_autoptr(GError) error = NULL;

  close_database (db);

  g_assert_false (save_profile (db, profile, &error));
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_CLOSED);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *profiles;

  g_cancellable_cancel (cancellable);
  inflow_database_list_profiles_async (db, cancellable, inflow_test_store_result_cb, &result);
  profiles = inflow_database_list_profiles_finish (db, WAIT (result), &error);
  g_assert_null (profiles);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  close_database (db);
}

typedef struct
{
  GThread      *thread;
  GAsyncResult *result;
} ThreadCheck;

static void
record_thread_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ThreadCheck *check = user_data;

  check->thread = g_thread_self ();
  check->result = g_object_ref (result);
}

/* Requests return at once; the callback comes in the caller's thread. */
static void
test_callbacks_in_caller_thread (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  ThreadCheck check = { NULL, NULL };
  g_autoptr(GListModel) profiles = NULL;

  inflow_database_list_profiles_async (db, NULL, record_thread_cb, &check);
  g_assert_null (check.result);
  inflow_test_wait_result (&check.result);
  g_assert_true (check.thread == g_thread_self ());

  profiles = inflow_database_list_profiles_finish (db, check.result, NULL);
  g_assert_nonnull (profiles);
  g_clear_object (&check.result);

  close_database (db);
}

/* Profiles */

static void
test_profiles (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(GDateTime) t1 = utc (2026, 1, 10, 9, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2026, 1, 11, 9, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2026, 1, 12, 9, 0, 0);
  g_autoptr(InflowProfile) acme = inflow_profile_new_full ("id-acme", "Acme", "https://api.vantage.sh", t1, t1);
  g_autoptr(InflowProfile) globex = inflow_profile_new_full ("id-globex", "Globex", "https://api.vantage.sh", t1, t2);
  g_autoptr(InflowProfile) renamed = NULL;
  g_autoptr(InflowProfile) demo = inflow_profile_new_demo ("http://127.0.0.1:4010");
  g_autoptr(GListModel) profiles = NULL;
  g_autoptr(InflowProfile) first = NULL;
  g_autoptr(InflowProfile) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save_profile (db, acme, &error));
  g_assert_no_error (error);
  g_assert_true (save_profile (db, globex, &error));
  g_assert_no_error (error);

  /* Most recently used first, with every field read back. */
  profiles = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);
  first = g_list_model_get_item (profiles, 0);
  second = g_list_model_get_item (profiles, 1);
  g_assert_cmpstr (inflow_profile_get_id (first), ==, "id-globex");
  g_assert_cmpstr (inflow_profile_get_name (first), ==, "Globex");
  g_assert_cmpstr (inflow_profile_get_base_url (first), ==, "https://api.vantage.sh");
  assert_same_time (inflow_profile_get_created_at (first), t1);
  assert_same_time (inflow_profile_get_last_used_at (first), t2);
  g_assert_false (inflow_profile_get_is_demo (first));
  g_assert_cmpstr (inflow_profile_get_id (second), ==, "id-acme");
  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&profiles);

  /* Using a profile moves it up. */
  g_assert_true (touch_profile (db, "id-acme", t3, &error));
  g_assert_no_error (error);
  profiles = list_profiles (db);
  first = g_list_model_get_item (profiles, 0);
  g_assert_cmpstr (inflow_profile_get_id (first), ==, "id-acme");
  assert_same_time (inflow_profile_get_last_used_at (first), t3);
  g_clear_object (&first);
  g_clear_object (&profiles);

  g_assert_false (touch_profile (db, "id-nobody", t3, &error));
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving again updates it and keeps its creation time. */
  renamed = inflow_profile_new_full ("id-acme", "Acme Corp", "https://eu.api.vantage.sh", t3, t3);
  g_assert_true (save_profile (db, renamed, &error));
  g_assert_no_error (error);
  profiles = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);
  first = g_list_model_get_item (profiles, 0);
  g_assert_cmpstr (inflow_profile_get_name (first), ==, "Acme Corp");
  g_assert_cmpstr (inflow_profile_get_base_url (first), ==, "https://eu.api.vantage.sh");
  assert_same_time (inflow_profile_get_created_at (first), t1);
  g_clear_object (&profiles);

  /* The demo profile is never stored. */
  g_assert_false (save_profile (db, demo, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  profiles = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);

  close_database (db);
}

/* Cached lists */

static void
test_cached_lists (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(GDateTime) t1 = utc (2026, 2, 1, 8, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2026, 2, 1, 9, 30, 0);
  g_autoptr(InflowProfile) profile = inflow_profile_new_full ("id-acme", "Acme", "https://api.vantage.sh", t1, t1);
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(GError) error = NULL;
  const char *integrations = "{\"integrations\":[{\"token\":\"accss_crdntl_1\",\"provider\":\"aws\"}]}";
  const char *workspaces = "{\"workspaces\":[{\"token\":\"wrkspc_1\",\"name\":\"Management\"}]}";
  char *json;

  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);

  /* A miss. */
  json = get_cached_list (db, "id-acme", INFLOW_CACHED_LIST_INTEGRATIONS, NULL, &error);
  g_assert_null (json);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Round trips, one per kind. */
  g_assert_true (put_cached_list (db, "id-acme", INFLOW_CACHED_LIST_INTEGRATIONS, integrations, t1, &error));
  g_assert_no_error (error);
  g_assert_true (put_cached_list (db, "id-acme", INFLOW_CACHED_LIST_WORKSPACES, workspaces, t1, &error));
  g_assert_no_error (error);

  json = get_cached_list (db, "id-acme", INFLOW_CACHED_LIST_INTEGRATIONS, &fetched_at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, integrations);
  assert_same_time (fetched_at, t1);
  g_clear_pointer (&fetched_at, g_date_time_unref);
  g_free (json);

  json = get_cached_list (db, "id-acme", INFLOW_CACHED_LIST_WORKSPACES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, workspaces);
  g_free (json);

  /* A newer fetch replaces the list. */
  g_assert_true (put_cached_list (db, "id-acme", INFLOW_CACHED_LIST_INTEGRATIONS, "{\"integrations\":[]}", t2, &error));
  g_assert_no_error (error);
  json = get_cached_list (db, "id-acme", INFLOW_CACHED_LIST_INTEGRATIONS, &fetched_at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, "{\"integrations\":[]}");
  assert_same_time (fetched_at, t2);
  g_clear_pointer (&fetched_at, g_date_time_unref);
  g_free (json);

  /* Saving the profile again does not drop its lists. */
  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);
  json = get_cached_list (db, "id-acme", INFLOW_CACHED_LIST_WORKSPACES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, workspaces);
  g_free (json);

  /* Only saved profiles have lists. */
  g_assert_false (put_cached_list (db, "id-nobody", INFLOW_CACHED_LIST_TEAMS, "{}", t1, &error));
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);

  close_database (db);
}

/* Observations */

static void
test_observations (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(GDateTime) created = utc (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) t1 = utc (2026, 3, 1, 10, 0, 0);
  g_autoptr(GDateTime) t2 = utc (2026, 3, 1, 11, 0, 0);
  g_autoptr(GDateTime) t3 = utc (2026, 3, 1, 12, 0, 0);
  g_autoptr(GDateTime) cost_date = utc (2026, 2, 28, 0, 0, 0);
  g_autoptr(InflowProfile) profile = inflow_profile_new_full ("id-acme", "Acme", "https://api.vantage.sh", created, created);
  g_autoptr(InflowObservation) full = NULL;
  g_autoptr(InflowObservation) orphan = NULL;
  g_autoptr(InflowObservation) item = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);

  /* Added out of order; listed by time. */
  full = inflow_observation_new ("id-acme", "accss_crdntl_1", t3, "connected", t2, cost_date, TRUE);
  g_assert_true (add_observation (db, full, &error));
  g_assert_no_error (error);
  add_observation_ok (db, "id-acme", "accss_crdntl_1", t1, "importing");
  add_observation_ok (db, "id-acme", "accss_crdntl_2", t2, "pending");

  list = list_observations (db, "id-acme", NULL, t1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  item = g_list_model_get_item (list, 0);
  assert_same_time (inflow_observation_get_observed_at (item), t1);
  g_assert_cmpstr (inflow_observation_get_status (item), ==, "importing");
  g_assert_null (inflow_observation_get_last_updated (item));
  g_assert_null (inflow_observation_get_newest_cost_date (item));
  g_assert_false (inflow_observation_get_resource_rows_present (item));
  g_clear_object (&item);

  /* Every field comes back. */
  item = g_list_model_get_item (list, 2);
  g_assert_cmpstr (inflow_observation_get_profile_id (item), ==, "id-acme");
  g_assert_cmpstr (inflow_observation_get_integration_token (item), ==, "accss_crdntl_1");
  assert_same_time (inflow_observation_get_observed_at (item), t3);
  g_assert_cmpstr (inflow_observation_get_status (item), ==, "connected");
  assert_same_time (inflow_observation_get_last_updated (item), t2);
  assert_same_time (inflow_observation_get_newest_cost_date (item), cost_date);
  g_assert_true (inflow_observation_get_resource_rows_present (item));
  g_clear_object (&item);
  g_clear_object (&list);

  /* Since a time, for one integration. */
  list = list_observations (db, "id-acme", "accss_crdntl_1", t2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  item = g_list_model_get_item (list, 0);
  assert_same_time (inflow_observation_get_observed_at (item), t3);
  g_clear_object (&item);
  g_clear_object (&list);

  list = list_observations (db, "id-acme", "accss_crdntl_2", t1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  list = list_observations (db, "id-other", NULL, t1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  /* Only saved profiles have observations. */
  orphan = inflow_observation_new ("id-nobody", "accss_crdntl_9", t1, "connected", NULL, NULL, FALSE);
  g_assert_false (add_observation (db, orphan, &error));
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);

  close_database (db);
}

static void
test_prune (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(GDateTime) now = utc (2026, 6, 30, 12, 0, 0);
  g_autoptr(GDateTime) days_91 = g_date_time_add_days (now, -91);
  g_autoptr(GDateTime) just_over_90 = g_date_time_add_seconds (now, -90.0 * 24 * 3600 - 1);
  g_autoptr(GDateTime) days_90 = g_date_time_add_days (now, -90);
  g_autoptr(GDateTime) days_89 = g_date_time_add_days (now, -89);
  g_autoptr(GDateTime) long_ago = utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(InflowProfile) profile = inflow_profile_new_full ("id-acme", "Acme", "https://api.vantage.sh", long_ago, long_ago);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(InflowObservation) oldest = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);

  add_observation_ok (db, "id-acme", "accss_crdntl_1", days_91, "connected");
  add_observation_ok (db, "id-acme", "accss_crdntl_1", just_over_90, "connected");
  add_observation_ok (db, "id-acme", "accss_crdntl_1", days_90, "connected");
  add_observation_ok (db, "id-acme", "accss_crdntl_2", days_89, "connected");
  add_observation_ok (db, "id-acme", "accss_crdntl_2", now, "connected");

  g_assert_cmpuint (prune_observations (db, now), ==, 2);

  list = list_observations (db, "id-acme", NULL, long_ago);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  oldest = g_list_model_get_item (list, 0);
  assert_same_time (inflow_observation_get_observed_at (oldest), days_90);

  /* Nothing more to prune at the same time; all of it 100 days later. */
  g_assert_cmpuint (prune_observations (db, now), ==, 0);
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 100);

    g_assert_cmpuint (prune_observations (db, later), ==, 3);
  }

  close_database (db);
}

static void
test_remove_profile_cascades (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(GDateTime) t = utc (2026, 4, 1, 12, 0, 0);
  g_autoptr(InflowProfile) acme = inflow_profile_new_full ("id-acme", "Acme", "https://api.vantage.sh", t, t);
  g_autoptr(InflowProfile) globex = inflow_profile_new_full ("id-globex", "Globex", "https://api.vantage.sh", t, t);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(InflowProfile) left = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;
  char *json;

  g_assert_true (save_profile (db, acme, &error));
  g_assert_true (save_profile (db, globex, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? "id-acme" : "id-globex";

      g_assert_true (put_cached_list (db, id, INFLOW_CACHED_LIST_INTEGRATIONS, "{\"integrations\":[]}", t, &error));
      g_assert_true (put_cached_list (db, id, INFLOW_CACHED_LIST_TEAMS, "{\"teams\":[]}", t, &error));
      g_assert_no_error (error);
      add_observation_ok (db, id, "accss_crdntl_1", t, "connected");
      add_observation_ok (db, id, "accss_crdntl_2", t, "pending");
    }

  remove_profile (db, "id-acme");

  list = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  left = g_list_model_get_item (list, 0);
  g_assert_cmpstr (inflow_profile_get_id (left), ==, "id-globex");
  g_clear_object (&list);

  json = get_cached_list (db, "id-acme", INFLOW_CACHED_LIST_INTEGRATIONS, NULL, &error);
  g_assert_null (json);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = list_observations (db, "id-acme", NULL, t);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  /* The other profile keeps everything. */
  json = get_cached_list (db, "id-globex", INFLOW_CACHED_LIST_TEAMS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, "{\"teams\":[]}");
  g_free (json);
  list = list_observations (db, "id-globex", NULL, t);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);

  /* Removing it again is no error. */
  remove_profile (db, "id-acme");

  close_database (db);

  /* No row of the removed profile is left anywhere. */
  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM profiles WHERE id = 'id-acme'"), ==, 0);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM cached_lists WHERE profile_id = 'id-acme'"), ==, 0);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM observations WHERE profile_id = 'id-acme'"), ==, 0);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM cached_lists"), ==, 2);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM observations"), ==, 2);
  sqlite3_close (raw);
}

/* Schema versions */

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(GListModel) profiles = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(GListModel) observations = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(GDateTime) expected_fetched_at = g_date_time_new_from_unix_utc (1767225600);
  g_autoptr(GDateTime) t = utc (2026, 5, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  char *json;
  sqlite3 *raw;

  /* A version 1 database as an older Inflow left it. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  raw = raw_open (fixture->path);
  raw_exec (raw, v1_schema);
  raw_exec (raw,
            "INSERT INTO profiles VALUES ('id-old', 'Old Org', 'https://api.vantage.sh', 1767225600, 1767225600);"
            "INSERT INTO cached_lists VALUES ('id-old', 'integrations', '{\"integrations\":[]}', 1767225600);");
  g_assert_cmpint (raw_query_int (raw, "PRAGMA user_version"), ==, 1);
  sqlite3_close (raw);

  db = open_database_ok (fixture->path);
  g_assert_false (inflow_database_get_recovered_from_corruption (db));

  /* The rows are kept... */
  profiles = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
  profile = g_list_model_get_item (profiles, 0);
  g_assert_cmpstr (inflow_profile_get_id (profile), ==, "id-old");
  g_assert_cmpstr (inflow_profile_get_name (profile), ==, "Old Org");

  json = get_cached_list (db, "id-old", INFLOW_CACHED_LIST_INTEGRATIONS, &fetched_at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, "{\"integrations\":[]}");
  assert_same_time (fetched_at, expected_fetched_at);
  g_free (json);

  /* ...and what version 2 added works. */
  add_observation_ok (db, "id-old", "accss_crdntl_1", t, "connected");
  observations = list_observations (db, "id-old", NULL, t);
  g_assert_cmpuint (g_list_model_get_n_items (observations), ==, 1);

  close_database (db);

  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "PRAGMA user_version"), ==, INFLOW_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'observations_by_integration'"), ==, 1);
  sqlite3_close (raw);

  assert_integrity_ok (fixture->path);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  raw = raw_open (fixture->path);
  raw_exec (raw, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  sqlite3_close (raw);

  db = open_database (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_TOO_NEW);

  /* Left as it was. */
  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'future'"), ==, 1);
  sqlite3_close (raw);
}

/* Damage */

static void
assert_recovered (InflowDatabase *db,
                  const char     *path,
                  const char     *original_contents,
                  gsize           original_length)
{
  const char *moved = inflow_database_get_moved_aside_path (db);
  g_autofree char *prefix = g_strconcat (path, ".corrupt-", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(InflowProfile) profile = inflow_profile_new ("Fresh", "https://api.vantage.sh");
  g_autoptr(GListModel) profiles = NULL;
  g_autoptr(GError) error = NULL;
  gboolean recovered = FALSE;
  g_autofree char *moved_prop = NULL;
  gsize length;

  g_assert_true (inflow_database_get_recovered_from_corruption (db));
  g_object_get (db, "recovered-from-corruption", &recovered, "moved-aside-path", &moved_prop, NULL);
  g_assert_true (recovered);
  g_assert_cmpstr (moved_prop, ==, moved);

  /* The damaged file is kept, unchanged, beside the new one. */
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (moved, prefix));
  g_assert_true (g_file_get_contents (moved, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, original_contents, original_length);

  /* The new database is empty and works. */
  profiles = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 0);
  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);
}

static void
test_corrupt_not_a_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(InflowDatabase) again = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (garbage, (char) g_test_rand_int_range (0, 256));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, garbage->str, garbage->len, &error));
  g_assert_no_error (error);

  db = open_database_ok (fixture->path);
  assert_recovered (db, fixture->path, garbage->str, garbage->len);
  close_database (db);

  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "PRAGMA user_version"), ==, INFLOW_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM profiles"), ==, 1);
  sqlite3_close (raw);

  /* The next start finds a sound database. */
  again = open_database_ok (fixture->path);
  g_assert_false (inflow_database_get_recovered_from_corruption (again));
  g_assert_null (inflow_database_get_moved_aside_path (again));
  close_database (again);
}

static void
test_corrupt_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t = utc (2026, 4, 1, 12, 0, 0);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  gsize length;
  int page_size;
  sqlite3 *raw;

  /* A sound database with a few pages of data, checkpointed and closed. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%u", i);
      g_autoptr(InflowProfile) profile = inflow_profile_new_full (id, "Org", "https://api.vantage.sh", t, t);
      g_autoptr(GString) json = g_string_new ("{\"integrations\":[");

      for (guint j = 0; j < 200; j++)
        g_string_append_printf (json, "%s{\"token\":\"accss_crdntl_%u\"}", j > 0 ? "," : "", j);
      g_string_append (json, "]}");

      g_assert_true (save_profile (db, profile, &error));
      g_assert_true (put_cached_list (db, id, INFLOW_CACHED_LIST_INTEGRATIONS, json->str, t, &error));
      g_assert_no_error (error);
    }
  close_database (db);
  g_clear_object (&db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  raw = raw_open (fixture->path);
  page_size = (int) raw_query_int (raw, "PRAGMA page_size");
  sqlite3_close (raw);

  /* Scribble over every page but the first (the header and the schema). */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 3 * (gsize) page_size);
  for (gsize i = page_size; i < length; i++)
    contents[i] = (char) (0xA5 ^ (i & 0xff));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, &error));
  g_assert_no_error (error);

  db = open_database_ok (fixture->path);
  assert_recovered (db, fixture->path, contents, length);
  close_database (db);

  assert_integrity_ok (fixture->path);
}

/* Readable, but the check finds a problem: the header's count of free
 * pages is wrong. */
static void
test_corrupt_failed_check (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(InflowProfile) profile = inflow_profile_new ("Acme", "https://api.vantage.sh");
  g_autofree char *contents = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  sqlite3 *raw;

  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);
  close_database (db);
  g_clear_object (&db);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 40);
  contents[36] = 0;
  contents[37] = 0;
  contents[38] = 0;
  contents[39] = 5;
  g_assert_true (g_file_set_contents (fixture->path, contents, length, &error));
  g_assert_no_error (error);

  /* The rows still read, yet the check fails. */
  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM profiles"), ==, 1);
  check = raw_query_text (raw, "PRAGMA quick_check");
  g_assert_cmpstr (check, !=, "ok");
  sqlite3_close (raw);

  db = open_database_ok (fixture->path);
  assert_recovered (db, fixture->path, contents, length);
  close_database (db);

  assert_integrity_ok (fixture->path);
}

/* A 0-byte file where a database with profiles was: damage, not a new
 * start. The marker beside it tells the two apart. */
static void
test_zero_bytes_after_data (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(InflowDatabase) db = open_database_ok (fixture->path);
  g_autoptr(InflowProfile) profile = inflow_profile_new ("Acme", "https://api.vantage.sh");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) profiles = NULL;

  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);
  close_database (db);
  g_clear_object (&db);

  g_assert_true (g_file_set_contents (fixture->path, "", 0, &error));
  g_assert_no_error (error);

  db = open_database_ok (fixture->path);
  assert_recovered (db, fixture->path, "", 0);
  close_database (db);
}

/* An empty file and no marker: a database that never held a profile (one
 * created and left before any sign-in, say) starts afresh quietly. */
static void
test_zero_bytes_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, &error));
  g_assert_no_error (error);

  db = open_database_ok (fixture->path);
  g_assert_false (inflow_database_get_recovered_from_corruption (db));
  g_assert_null (inflow_database_get_problem (db));
  close_database (db);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static char *
big_list (guint n_items)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (json, "%s{\"token\":\"accss_crdntl_%05u\",\"status\":\"connected\"}",
                            i > 0 ? "," : "", i);
  g_string_append (json, "]");

  return g_string_free (json, FALSE);
}

/* The data folder on a small tmpfs that fills up: every write fails in
 * words, once per problem; the counts say what landed and what did not;
 * room again clears it. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(InflowProfile) profile = inflow_profile_new ("Acme", "https://api.vantage.sh");
  g_autoptr(GDateTime) t = utc (2026, 4, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *json = big_list (2000);
  const char *id = inflow_profile_get_id (profile);
  guint n_problem_notifies = 0;
  const char *problem;
  sqlite3 *raw;

  if (!inflow_test_can_mount ())
    {
      g_test_skip ("Mounting a tmpfs needs root");
      return;
    }

  inflow_test_mount_tmpfs (folder, 1024 * 1024);
  db = open_database_ok (fixture->path);
  g_signal_connect (db, "notify::problem", G_CALLBACK (count_notify_cb), &n_problem_notifies);

  g_assert_true (save_profile (db, profile, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    add_observation_ok (db, id, "accss_crdntl_1", t, "connected");
  g_assert_cmpuint (inflow_database_get_n_observations_written (db), ==, 3);
  g_assert_cmpuint (inflow_database_get_n_observations_failed (db), ==, 0);
  g_assert_null (inflow_database_get_problem (db));

  g_test_message ("Filled the disk with %" G_GSIZE_FORMAT " bytes", inflow_test_fill_folder (folder, &filler));

  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (put_cached_list (db, id, i == 0 ? "integrations" : i == 1 ? "workspaces" : "teams",
                                       json, t, &error));
      g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_FULL);
      g_clear_error (&error);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(InflowObservation) observation = inflow_observation_new (id, "accss_crdntl_2", t, "connected",
                                                                         NULL, NULL, FALSE);

      g_assert_false (add_observation (db, observation, &error));
      g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_FULL);
      g_clear_error (&error);
    }

  problem = inflow_database_get_problem (db);
  g_test_message ("%s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, folder));
  g_assert_nonnull (strstr (problem, "full"));
  g_assert_nonnull (strstr (problem, "memory only"));
  g_assert_cmpuint (n_problem_notifies, ==, 1);
  g_assert_error (inflow_database_get_write_error (db), INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_FULL);
  g_assert_cmpuint (inflow_database_get_n_lists_written (db), ==, 0);
  g_assert_cmpuint (inflow_database_get_n_lists_failed (db), ==, 3);
  g_assert_cmpuint (inflow_database_get_n_observations_written (db), ==, 3);
  g_assert_cmpuint (inflow_database_get_n_observations_failed (db), ==, 20);

  /* Reading still works */
  {
    g_autoptr(GListModel) profiles = list_profiles (db);

    g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
  }

  /* Room again: the next write lands and the problem is gone */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  add_observation_ok (db, id, "accss_crdntl_3", t, "connected");
  g_assert_true (put_cached_list (db, id, "integrations", json, t, &error));
  g_assert_no_error (error);
  g_assert_null (inflow_database_get_problem (db));
  g_assert_null (inflow_database_get_write_error (db));
  g_assert_cmpuint (n_problem_notifies, ==, 2);
  g_assert_cmpuint (inflow_database_get_n_observations_written (db), ==, 4);
  g_assert_cmpuint (inflow_database_get_n_lists_written (db), ==, 1);
  close_database (db);

  /* What the counts said landed is what is in the file */
  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM observations"), ==, 4);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM cached_lists"), ==, 1);
  sqlite3_close (raw);

  g_clear_object (&db);
  inflow_test_unmount (folder);
}

/* A read-only data folder: the database opens read-only, the profiles and
 * lists read, writes fail at once, and the reason is there in words. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(InflowProfile) profile = inflow_profile_new ("Acme", "https://api.vantage.sh");
  g_autoptr(InflowProfile) other = inflow_profile_new ("Other", "https://api.vantage.sh");
  g_autoptr(GDateTime) t = utc (2026, 4, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) profiles = NULL;
  g_autofree char *json = NULL;
  const char *problem;
  gboolean read_only = FALSE;

  if (!inflow_test_can_mount ())
    {
      g_test_skip ("Mounting a tmpfs needs root");
      return;
    }

  inflow_test_mount_tmpfs (folder, 1024 * 1024);
  db = open_database_ok (fixture->path);
  g_assert_false (inflow_database_get_read_only (db));
  g_assert_true (save_profile (db, profile, &error));
  g_assert_true (put_cached_list (db, inflow_profile_get_id (profile), "integrations", "[]", t, &error));
  g_assert_no_error (error);
  close_database (db);
  g_clear_object (&db);

  inflow_test_remount_read_only (folder);

  db = open_database_ok (fixture->path);
  g_object_get (db, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_false (inflow_database_get_recovered_from_corruption (db));
  problem = inflow_database_get_problem (db);
  g_test_message ("%s", problem);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, folder));
  g_assert_nonnull (strstr (problem, "Read-only file system"));

  profiles = list_profiles (db);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
  json = get_cached_list (db, inflow_profile_get_id (profile), "integrations", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, "[]");

  g_assert_false (save_profile (db, other, &error));
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY);
  g_clear_error (&error);
  /* The reason stays the read-only folder */
  g_assert_cmpstr (inflow_database_get_problem (db), ==, problem);

  close_database (db);
  g_clear_object (&db);
  inflow_test_unmount (folder);
}

/* A write interrupted by SIGKILL */

typedef struct
{
  guint   pending;
  guint64 completed;
} WriterState;

static void
writer_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WriterState *state = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == inflow_database_add_observation_async)
    ok = inflow_database_add_observation_finish (INFLOW_DATABASE (source), result, &error);
  else
    ok = inflow_database_put_cached_list_finish (INFLOW_DATABASE (source), result, &error);

  if (!ok)
    g_error ("Writer: %s", error->message);

  state->pending--;

  /* Tell the test once a good number of writes are committed. */
  if (++state->completed == 200)
    {
      printf ("writing\n");
      fflush (stdout);
    }
}

/* The child: writes observations and large cached lists, several requests
 * in flight at all times, until it is killed. */
static int
write_until_killed (const char *path)
{
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(GString) big = g_string_new ("{\"integrations\":[");
  g_autoptr(GError) error = NULL;
  WriterState state = { 0, 0 };
  guint64 written = 0;

  db = open_database (path, &error);
  if (db == NULL)
    g_error ("Writer: %s", error->message);

  profile = inflow_profile_new ("Writer", "https://api.vantage.sh");
  if (!save_profile (db, profile, &error))
    g_error ("Writer: %s", error->message);

  for (guint j = 0; j < 4000; j++)
    g_string_append_printf (big, "%s{\"token\":\"accss_crdntl_%u\",\"status\":\"connected\"}", j > 0 ? "," : "", j);
  g_string_append (big, "]}");

  for (;;)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      while (state.pending < 4)
        {
          if (written % 8 == 7)
            {
              inflow_database_put_cached_list_async (db, inflow_profile_get_id (profile),
                                                     written % 16 == 7 ? "integrations" : "teams",
                                                     big->str, now, NULL, writer_cb, &state);
            }
          else
            {
              g_autoptr(InflowObservation) observation = NULL;
              g_autofree char *token = g_strdup_printf ("accss_crdntl_%" G_GUINT64_FORMAT, written % 50);

              observation = inflow_observation_new (inflow_profile_get_id (profile), token, now,
                                                    "connected", now, now, written % 2 == 0);
              inflow_database_add_observation_async (db, observation, NULL, writer_cb, &state);
            }
          state.pending++;
          written++;
        }

      g_main_context_iteration (NULL, TRUE);
    }

  return 0;
}

static void
test_interrupted_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  sqlite3 *raw;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             self_path, WRITER_ARGUMENT, fixture->path, NULL);
  g_assert_no_error (error);

  /* Let it get going, then kill it in the middle of its writes. */
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "writing");
  g_usleep (300 * 1000);

  g_subprocess_force_exit (writer);
  g_assert_true (g_subprocess_wait (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (writer));
  g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);

  /* It died with its connection open: the WAL is still there, with
   * whatever it was writing. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* It opens as it is: nothing to recover from. */
  db = open_database_ok (fixture->path);
  g_assert_false (inflow_database_get_recovered_from_corruption (db));
  {
    g_autoptr(GListModel) profiles = list_profiles (db);
    g_autoptr(InflowProfile) profile = NULL;
    g_autoptr(GListModel) observations = NULL;
    g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);

    g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);
    profile = g_list_model_get_item (profiles, 0);
    observations = list_observations (db, inflow_profile_get_id (profile), NULL, epoch);
    g_assert_cmpuint (g_list_model_get_n_items (observations), >=, 150);
  }
  close_database (db);

  assert_integrity_ok (fixture->path);

  raw = raw_open (fixture->path);
  g_assert_cmpint (raw_query_int (raw, "SELECT count(*) FROM cached_lists"), >=, 1);
  sqlite3_close (raw);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], WRITER_ARGUMENT))
    return write_until_killed (argv[2]);

  self_path = argv[0];
  inflow_test_enter_mount_namespace ();
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/storage/profile/new", test_profile_new);
  g_test_add_func ("/storage/observation/new", test_observation_new);
  g_test_add_func ("/storage/database/open-default-path", test_open_default_path);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/storage/database/open-new", test_open_new);
  ADD ("/storage/database/closed", test_closed);
  ADD ("/storage/database/cancelled", test_cancelled);
  ADD ("/storage/database/callbacks-in-caller-thread", test_callbacks_in_caller_thread);
  ADD ("/storage/database/profiles", test_profiles);
  ADD ("/storage/database/cached-lists", test_cached_lists);
  ADD ("/storage/database/observations", test_observations);
  ADD ("/storage/database/prune", test_prune);
  ADD ("/storage/database/remove-profile-cascades", test_remove_profile_cascades);
  ADD ("/storage/database/migrate-from-v1", test_migrate_from_v1);
  ADD ("/storage/database/too-new", test_too_new);
  ADD ("/storage/database/corrupt/not-a-database", test_corrupt_not_a_database);
  ADD ("/storage/database/corrupt/damaged-pages", test_corrupt_pages);
  ADD ("/storage/database/corrupt/failed-check", test_corrupt_failed_check);
  ADD ("/storage/database/interrupted-write", test_interrupted_write);
  ADD ("/storage/database/zero-bytes-after-data", test_zero_bytes_after_data);
  ADD ("/storage/database/zero-bytes-new", test_zero_bytes_new);
  ADD ("/storage/database/disk-full", test_disk_full);
  ADD ("/storage/database/read-only-folder", test_read_only_folder);
#undef ADD

  return inflow_test_run ();
}
