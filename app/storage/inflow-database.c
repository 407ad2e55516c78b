/* inflow-database.c: the local SQLite database (profiles, cache, history)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-storage"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "inflow-database.h"
#include "inflow-storage-error.h"

/**
 * InflowDatabase:
 *
 * Everything Inflow remembers except tokens and UI preferences: the
 * profiles' non-secret fields, the lists last fetched for each profile (as
 * the JSON text that came from the API) and the ingestion observations. One
 * SQLite file in WAL mode, by default `$XDG_DATA_HOME/inflow/inflow.db`.
 *
 * All database work happens on one worker thread that owns the SQLite
 * connection and runs the requests one after the other, in the order they
 * were made; every call here only queues a request and returns, and the
 * result comes back through the #GAsyncReadyCallback in the caller's
 * thread-default main context. Each write is one short transaction.
 *
 * Opening checks the file (`PRAGMA quick_check`). A damaged file, or one
 * that is not a database at all, is renamed with a `.corrupt-<time>` suffix
 * and a new database is created in its place;
 * #InflowDatabase:recovered-from-corruption and
 * #InflowDatabase:moved-aside-path tell the UI, which tells the user. The
 * schema carries its version in `PRAGMA user_version` and is brought up to
 * date by an ordered list of migrations.
 *
 * The token is never stored here: it is in the keyring (#InflowTokenStore).
 *
 * Dropping the last reference lets the worker finish what is queued and
 * close the file on its own; inflow_database_close_async() closes it and
 * tells when it is done.
 */

/* Each migration brings the schema from version N to N + 1; never edit one
 * that shipped, add a new one. */
static const char * const migrations[] = {
  /* 1: profiles and the lists cached for each */
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
  ");",

  /* 2: ingestion observations */
  "CREATE TABLE observations ("
  "  id INTEGER PRIMARY KEY,"
  "  profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,"
  "  integration_token TEXT NOT NULL,"
  "  observed_at INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  last_updated INTEGER,"
  "  newest_cost_date INTEGER,"
  "  resource_rows_present INTEGER NOT NULL DEFAULT 0 CHECK (resource_rows_present IN (0, 1))"
  ");"
  "CREATE INDEX observations_by_integration"
  "  ON observations (profile_id, integration_token, observed_at);"
  "CREATE INDEX observations_by_time ON observations (observed_at);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == INFLOW_DATABASE_SCHEMA_VERSION);

/* How long a request waits for a lock another connection holds. */
#define BUSY_TIMEOUT_MS 5000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The worker thread's state. Once the thread runs it owns this struct:
 * nothing else touches the connection, and the thread frees it all when it
 * pops the quit job. */
typedef struct
{
  GAsyncQueue *queue;
  sqlite3     *db;
} Worker;

typedef void (*JobFunc) (Worker       *worker,
                         GTask        *task,
                         gpointer      task_data,
                         GCancellable *cancellable);

typedef struct
{
  JobFunc  func;  /* NULL: quit */
  GTask   *task;
} Job;

struct _InflowDatabase
{
  GObject      parent_instance;

  char        *path;
  char        *moved_aside_path;
  GAsyncQueue *queue;
  guint        recovered_from_corruption : 1;
};

G_DEFINE_FINAL_TYPE (InflowDatabase, inflow_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_RECOVERED_FROM_CORRUPTION,
  PROP_MOVED_ASIDE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Requests */

typedef struct
{
  char              *path;
  char              *moved_aside_path;
  gboolean           recovered;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->moved_aside_path, g_free);
  g_free (data);
}

/* What the other requests carry; each uses the fields it needs. Profiles,
 * observations and date-times are immutable, so the worker may read them. */
typedef struct
{
  char              *profile_id;
  char              *integration_token;
  char              *kind;
  char              *json;
  GDateTime         *time;
  InflowProfile     *profile;
  InflowObservation *observation;
} Request;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->profile_id, g_free);
  g_clear_pointer (&request->integration_token, g_free);
  g_clear_pointer (&request->kind, g_free);
  g_clear_pointer (&request->json, g_free);
  g_clear_pointer (&request->time, g_date_time_unref);
  g_clear_object (&request->profile);
  g_clear_object (&request->observation);
  g_free (request);
}

typedef struct
{
  char      *json;
  GDateTime *fetched_at;
} CachedList;

static void
cached_list_free (CachedList *cached)
{
  g_clear_pointer (&cached->json, g_free);
  g_clear_pointer (&cached->fetched_at, g_date_time_unref);
  g_free (cached);
}

/* Errors */

/* Logs SQLite's own words and sets a translated error for the user. */
static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *doing)
{
  g_debug ("SQLite failed while %s: %s (%d)",
           doing, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), rc);

  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND,
                           _("This profile is not saved any more."));
      return;
    }

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_FULL,
                           _("The disk is full: Inflow could not save its data."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_CORRUPT,
                           _("Inflow’s database is damaged. Restart Inflow to set it up again."));
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED,
                           _("Inflow could not open its database."));
      break;

    default:
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_FAILED,
                           _("Inflow could not read or save its data."));
      break;
    }
}

static gboolean
is_corruption (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

/* Statements */

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, "preparing a statement");
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Runs a statement that returns no rows to its end. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *doing,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static void
rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *time)
{
  if (time != NULL)
    sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (time));
  else
    sqlite3_bind_null (stmt, index);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Returns NULL for SQL NULL and for a time GDateTime cannot hold. */
static GDateTime *
column_time_or_null (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           column)
{
  GDateTime *time = column_time_or_null (stmt, column);

  return time != NULL ? time : g_date_time_new_from_unix_utc (0);
}

/* Opening, checking, recovering, migrating (on the worker thread) */

/* Opens @path and checks it. Returns NULL and sets @corrupt when the file
 * is damaged or not a database at all; NULL with @error for anything else. */
static sqlite3 *
open_and_check (const char  *path,
                gboolean    *corrupt,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first_problem = NULL;
  sqlite3 *db = NULL;
  int rc;

  *corrupt = FALSE;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, "opening the database");
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  while (rc == SQLITE_OK || rc == SQLITE_ROW)
    {
      const char *line;

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        break;

      line = column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        {
          *corrupt = TRUE;
          if (first_problem == NULL)
            first_problem = g_strdup (line);
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc != SQLITE_DONE && is_corruption (rc))
    {
      g_debug ("Checking %s failed: %s (%d)", path, sqlite3_errmsg (db), rc);
      *corrupt = TRUE;
    }
  else if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db, rc, "checking the database");
      sqlite3_close (db);
      return NULL;
    }
  else if (*corrupt)
    {
      g_debug ("%s failed the integrity check: %s", path, first_problem);
    }

  if (!*corrupt)
    {
      rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL; "
                             "PRAGMA synchronous = NORMAL; "
                             "PRAGMA foreign_keys = ON;",
                         NULL, NULL, NULL);
      if (rc != SQLITE_OK && is_corruption (rc))
        {
          g_debug ("Setting up %s failed: %s (%d)", path, sqlite3_errmsg (db), rc);
          *corrupt = TRUE;
        }
      else if (rc != SQLITE_OK)
        {
          set_sqlite_error (error, db, rc, "setting up the database");
          sqlite3_close (db);
          return NULL;
        }
    }

  if (*corrupt)
    {
      /* Leave the damaged file (and its WAL) as they are for the move. */
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Renames the damaged database (and its WAL or rollback journal) to
 * "<path>.corrupt-<local time>", with a counter if that exists already;
 * deletes its shared-memory index, which is derived. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  static const char * const companions[] = { "-wal", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  g_autofree char *shm = NULL;

  for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      if (n == 1)
        target = g_strdup_printf ("%s.corrupt-%s", path, stamp);
      else
        target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not move %s aside: %s", path, g_strerror (saved_errno));
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED,
                           _("Inflow’s database is damaged and could not be set aside."));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_debug ("Could not move %s aside: %s", from, g_strerror (saved_errno));
          g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED,
                               _("Inflow’s database is damaged and could not be set aside."));
          return NULL;
        }
    }

  shm = g_strconcat (path, "-shm", NULL);
  g_unlink (shm);

  g_debug ("Moved the damaged database %s aside to %s", path, target);

  return g_steal_pointer (&target);
}

static gboolean
migrate (sqlite3     *db,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;
  int rc;

  if (!(stmt = prepare (db, "PRAGMA user_version", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, db, rc, "reading the schema version");
      return FALSE;
    }
  version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (version < 0 || version > INFLOW_DATABASE_SCHEMA_VERSION)
    {
      g_debug ("The database has schema version %d; this build knows up to %d",
               version, INFLOW_DATABASE_SCHEMA_VERSION);
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_TOO_NEW,
                           _("Inflow’s database was written by a newer version of Inflow. Update Inflow to use it."));
      return FALSE;
    }

  for (int next = version + 1; next <= INFLOW_DATABASE_SCHEMA_VERSION; next++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", next);

      g_debug ("Migrating the database to schema version %d", next);

      if (!exec_sql (db, "BEGIN IMMEDIATE", "starting a migration", error))
        return FALSE;

      if (!exec_sql (db, migrations[next - 1], "migrating", error) ||
          !exec_sql (db, set_version, "setting the schema version", error) ||
          !exec_sql (db, "COMMIT", "committing a migration", error))
        {
          rollback (db);
          return FALSE;
        }
    }

  return TRUE;
}

static void
open_job (Worker       *worker,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (data->path);
  gboolean corrupt = FALSE;
  sqlite3 *db;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not create %s: %s", folder, g_strerror (saved_errno));
      g_task_return_new_error (task, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED,
                               "%s", _("Inflow could not create the folder of its database."));
      return;
    }

  db = open_and_check (data->path, &corrupt, &error);
  if (db == NULL && corrupt)
    {
      data->moved_aside_path = move_aside (data->path, &error);
      if (data->moved_aside_path == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      data->recovered = TRUE;

      db = open_and_check (data->path, &corrupt, &error);
      if (db == NULL && corrupt)
        g_set_error_literal (&error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_CORRUPT,
                             _("Inflow could not create a new database."));
    }

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!migrate (db, &error))
    {
      sqlite3_close (db);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Opened the database %s", data->path);
  worker->db = db;
  g_task_return_boolean (task, TRUE);
}

static void
close_job (Worker       *worker,
           GTask        *task,
           gpointer      task_data,
           GCancellable *cancellable)
{
  int rc;

  rc = sqlite3_close (worker->db);
  if (rc != SQLITE_OK)
    g_debug ("Closing the database: %s (%d)", sqlite3_errstr (rc), rc);
  worker->db = NULL;

  g_task_return_boolean (task, TRUE);
}

/* The worker thread */

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job);
}

static gpointer
worker_thread_func (gpointer data)
{
  Worker *worker = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (worker->queue);

      if (job->func == NULL)
        {
          job_free (job);
          break;
        }

      if (g_task_return_error_if_cancelled (job->task))
        ;
      else if (worker->db == NULL && job->func != open_job)
        g_task_return_new_error (job->task, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_CLOSED,
                                 "%s", _("Inflow’s database is closed."));
      else
        job->func (worker, job->task, g_task_get_task_data (job->task), g_task_get_cancellable (job->task));

      /* This may drop the last reference to the InflowDatabase, which then
       * queues the quit job this loop pops next. */
      job_free (job);
    }

  if (worker->db != NULL)
    sqlite3_close (worker->db);
  g_async_queue_unref (worker->queue);
  g_free (worker);

  return NULL;
}

static void
queue_job (InflowDatabase *self,
           JobFunc         func,
           GTask          *task)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->task = task;
  g_async_queue_push (self->queue, job);
}

/* The object */

static void
inflow_database_finalize (GObject *object)
{
  InflowDatabase *self = INFLOW_DATABASE (object);

  /* The worker finishes what is queued (nothing: every request holds a
   * reference), closes the connection and exits; nobody waits for it. */
  g_async_queue_push (self->queue, g_new0 (Job, 1));
  g_clear_pointer (&self->queue, g_async_queue_unref);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->moved_aside_path, g_free);

  G_OBJECT_CLASS (inflow_database_parent_class)->finalize (object);
}

static void
inflow_database_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  InflowDatabase *self = INFLOW_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_RECOVERED_FROM_CORRUPTION:
      g_value_set_boolean (value, self->recovered_from_corruption);
      break;

    case PROP_MOVED_ASIDE_PATH:
      g_value_set_string (value, self->moved_aside_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_database_class_init (InflowDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_database_finalize;
  object_class->get_property = inflow_database_get_property;

  /**
   * InflowDatabase:path:
   *
   * The database file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:recovered-from-corruption:
   *
   * Whether opening found the file damaged (or not a database), moved it
   * aside to #InflowDatabase:moved-aside-path and started a new, empty
   * database: the profiles and everything cached are gone (the tokens are
   * still in the keyring), which the UI should tell the user.
   */
  properties[PROP_RECOVERED_FROM_CORRUPTION] =
    g_param_spec_boolean ("recovered-from-corruption", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:moved-aside-path:
   *
   * Where the damaged file was moved, when
   * #InflowDatabase:recovered-from-corruption is set; otherwise %NULL.
   */
  properties[PROP_MOVED_ASIDE_PATH] =
    g_param_spec_string ("moved-aside-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_database_init (InflowDatabase *self)
{
  Worker *worker = g_new0 (Worker, 1);
  GThread *thread;

  self->queue = g_async_queue_new_full ((GDestroyNotify) job_free);
  worker->queue = g_async_queue_ref (self->queue);

  thread = g_thread_new ("inflow-database", worker_thread_func, worker);
  g_thread_unref (thread);
}

/**
 * inflow_database_get_default_path:
 *
 * Returns: (transfer full): `inflow/inflow.db` in the user data folder
 */
char *
inflow_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "inflow", "inflow.db", NULL);
}

/**
 * inflow_database_open_async:
 * @path: (nullable) (type filename): the database file, or %NULL for
 *   inflow_database_get_default_path()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the database is open
 * @user_data: data for @callback
 *
 * Opens the database, creating it (and its folder) if needed, checking it,
 * replacing it if it is damaged, and migrating it to the current schema.
 */
void
inflow_database_open_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(InflowDatabase) self = NULL;
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path == NULL || *path != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self = g_object_new (INFLOW_TYPE_DATABASE, NULL);
  self->path = path != NULL ? g_strdup (path) : inflow_database_get_default_path ();

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (self->path);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_database_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  queue_job (self, open_job, g_steal_pointer (&task));
}

/**
 * inflow_database_open_finish:
 * @result: the #GAsyncResult
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns: (transfer full) (nullable): the open database
 */
InflowDatabase *
inflow_database_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  InflowDatabase *self;
  OpenData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  self = g_task_get_source_object (G_TASK (result));
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_database_open_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  self->recovered_from_corruption = data->recovered;
  g_free (self->moved_aside_path);
  self->moved_aside_path = g_strdup (data->moved_aside_path);

  return g_object_ref (self);
}

/**
 * inflow_database_get_path:
 * @self: a #InflowDatabase
 *
 * Returns: (type filename): the database file
 */
const char *
inflow_database_get_path (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
inflow_database_get_recovered_from_corruption (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), FALSE);

  return self->recovered_from_corruption;
}

/**
 * inflow_database_get_moved_aside_path:
 * @self: a #InflowDatabase
 *
 * Returns: (type filename) (nullable): where the damaged file went
 */
const char *
inflow_database_get_moved_aside_path (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);

  return self->moved_aside_path;
}

/* Starts a request: a task with @source_tag and @request as its data. */
static void
start_request (InflowDatabase      *self,
               JobFunc              func,
               gpointer             source_tag,
               Request             *request,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  queue_job (self, func, g_steal_pointer (&task));
}

static gboolean
finish_boolean (InflowDatabase  *self,
                GAsyncResult    *result,
                gpointer         source_tag,
                GError         **error)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * inflow_database_close_async:
 * @self: a #InflowDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the database is closed
 * @user_data: data for @callback
 *
 * Closes the database after the requests queued before; later requests fail
 * with %INFLOW_STORAGE_ERROR_DATABASE_CLOSED. Closing checkpoints the WAL
 * into the database file.
 */
void
inflow_database_close_async (InflowDatabase      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_request (self, close_job, inflow_database_close_async, g_new0 (Request, 1),
                 cancellable, callback, user_data);
}

gboolean
inflow_database_close_finish (InflowDatabase  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  return finish_boolean (self, result, inflow_database_close_async, error);
}

/* Profiles */

static void
save_profile_job (Worker       *worker,
                  GTask        *task,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  /* An upsert, not INSERT OR REPLACE: replacing would delete the row, and
   * with it (ON DELETE CASCADE) the profile's cached lists. */
  stmt = prepare (worker->db,
                  "INSERT INTO profiles (id, name, base_url, created_at, last_used_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5) "
                  "ON CONFLICT (id) DO UPDATE SET "
                  "  name = excluded.name, "
                  "  base_url = excluded.base_url, "
                  "  last_used_at = excluded.last_used_at",
                  &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, inflow_profile_get_id (request->profile));
  bind_text (stmt, 2, inflow_profile_get_name (request->profile));
  bind_text (stmt, 3, inflow_profile_get_base_url (request->profile));
  bind_time (stmt, 4, inflow_profile_get_created_at (request->profile));
  bind_time (stmt, 5, inflow_profile_get_last_used_at (request->profile));

  if (!step_done (worker->db, stmt, "saving a profile", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_database_save_profile_async:
 * @self: a #InflowDatabase
 * @profile: the profile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profile is saved
 * @user_data: data for @callback
 *
 * Saves @profile, adding it or updating the saved one with the same ID (its
 * creation time stays). The demo profile is refused with
 * %G_IO_ERROR_INVALID_ARGUMENT.
 */
void
inflow_database_save_profile_async (InflowDatabase      *self,
                                    InflowProfile       *profile,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (INFLOW_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (inflow_profile_get_is_demo (profile))
    {
      g_task_report_new_error (self, callback, user_data, inflow_database_save_profile_async,
                               G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "The demo profile is not stored");
      return;
    }

  request = g_new0 (Request, 1);
  request->profile = g_object_ref (profile);

  start_request (self, save_profile_job, inflow_database_save_profile_async, request,
                 cancellable, callback, user_data);
}

gboolean
inflow_database_save_profile_finish (InflowDatabase  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_boolean (self, result, inflow_database_save_profile_async, error);
}

static void
touch_profile_job (Worker       *worker,
                   GTask        *task,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = prepare (worker->db, "UPDATE profiles SET last_used_at = ?2 WHERE id = ?1", &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, request->profile_id);
  bind_time (stmt, 2, request->time);

  if (!step_done (worker->db, stmt, "updating a profile", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (sqlite3_changes (worker->db) == 0)
    {
      g_task_return_new_error (task, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND,
                               "%s", _("This profile is not saved any more."));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_database_touch_profile_async:
 * @self: a #InflowDatabase
 * @profile_id: the profile's ID
 * @last_used_at: when the profile was used
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profile is updated
 * @user_data: data for @callback
 *
 * Records when a saved profile was last used. Fails with
 * %INFLOW_STORAGE_ERROR_NOT_FOUND if no profile has that ID.
 */
void
inflow_database_touch_profile_async (InflowDatabase      *self,
                                     const char          *profile_id,
                                     GDateTime           *last_used_at,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (last_used_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->profile_id = g_strdup (profile_id);
  request->time = g_date_time_ref (last_used_at);

  start_request (self, touch_profile_job, inflow_database_touch_profile_async, request,
                 cancellable, callback, user_data);
}

gboolean
inflow_database_touch_profile_finish (InflowDatabase  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return finish_boolean (self, result, inflow_database_touch_profile_async, error);
}

static InflowProfile *
profile_new_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = column_time (stmt, 3);
  g_autoptr(GDateTime) last_used_at = column_time (stmt, 4);

  return inflow_profile_new_full (column_text (stmt, 0),
                                  column_text (stmt, 1),
                                  column_text (stmt, 2),
                                  created_at,
                                  last_used_at);
}

static void
list_profiles_job (Worker       *worker,
                   GTask        *task,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) profiles = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = prepare (worker->db,
                  "SELECT id, name, base_url, created_at, last_used_at FROM profiles "
                  "ORDER BY last_used_at DESC, name COLLATE NOCASE, id",
                  &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  profiles = g_list_store_new (INFLOW_TYPE_PROFILE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(InflowProfile) profile = profile_new_from_row (stmt);

      if (profile != NULL)
        g_list_store_append (profiles, profile);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (&error, worker->db, rc, "listing the profiles");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&profiles), g_object_unref);
}

/**
 * inflow_database_list_profiles_async:
 * @self: a #InflowDatabase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the profiles
 * @user_data: data for @callback
 *
 * Lists the saved profiles, the most recently used first.
 */
void
inflow_database_list_profiles_async (InflowDatabase      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_request (self, list_profiles_job, inflow_database_list_profiles_async, g_new0 (Request, 1),
                 cancellable, callback, user_data);
}

/**
 * inflow_database_list_profiles_finish:
 * @self: a #InflowDatabase
 * @result: the #GAsyncResult
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns: (transfer full) (nullable): a list of #InflowProfile
 */
GListModel *
inflow_database_list_profiles_finish (InflowDatabase  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_database_list_profiles_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
remove_profile_job (Worker       *worker,
                    GTask        *task,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  static const char * const statements[] = {
    "DELETE FROM observations WHERE profile_id = ?1",
    "DELETE FROM cached_lists WHERE profile_id = ?1",
    "DELETE FROM profiles WHERE id = ?1",
  };
  Request *request = task_data;
  g_autoptr(GError) error = NULL;

  if (!exec_sql (worker->db, "BEGIN IMMEDIATE", "removing a profile", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The foreign keys cascade too; the explicit deletes do not depend on it. */
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (worker->db, statements[i], &error);

      if (stmt != NULL)
        bind_text (stmt, 1, request->profile_id);

      if (stmt == NULL || !step_done (worker->db, stmt, "removing a profile", &error))
        {
          rollback (worker->db);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (!exec_sql (worker->db, "COMMIT", "removing a profile", &error))
    {
      rollback (worker->db);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Removed profile %s and its data", request->profile_id);
  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_database_remove_profile_async:
 * @self: a #InflowDatabase
 * @profile_id: the profile's ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profile is removed
 * @user_data: data for @callback
 *
 * Removes a profile with its cached lists and observations, in one
 * transaction. Removing a profile that is not saved succeeds. The token in
 * the keyring is the caller's to clear (inflow_token_store_clear_async()).
 */
void
inflow_database_remove_profile_async (InflowDatabase      *self,
                                      const char          *profile_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->profile_id = g_strdup (profile_id);

  start_request (self, remove_profile_job, inflow_database_remove_profile_async, request,
                 cancellable, callback, user_data);
}

gboolean
inflow_database_remove_profile_finish (InflowDatabase  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return finish_boolean (self, result, inflow_database_remove_profile_async, error);
}

/* Cached lists */

static void
put_cached_list_job (Worker       *worker,
                     GTask        *task,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = prepare (worker->db,
                  "INSERT INTO cached_lists (profile_id, kind, json, fetched_at) "
                  "VALUES (?1, ?2, ?3, ?4) "
                  "ON CONFLICT (profile_id, kind) DO UPDATE SET "
                  "  json = excluded.json, "
                  "  fetched_at = excluded.fetched_at",
                  &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, request->profile_id);
  bind_text (stmt, 2, request->kind);
  bind_text (stmt, 3, request->json);
  bind_time (stmt, 4, request->time);

  if (!step_done (worker->db, stmt, "caching a list", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_database_put_cached_list_async:
 * @self: a #InflowDatabase
 * @profile_id: the ID of a saved profile
 * @kind: what the list holds, such as %INFLOW_CACHED_LIST_INTEGRATIONS
 * @json: the list as fetched, JSON text
 * @fetched_at: when it was fetched
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list is stored
 * @user_data: data for @callback
 *
 * Stores the last fetched list of a kind for a profile, replacing the one
 * stored before. Fails with %INFLOW_STORAGE_ERROR_NOT_FOUND when the profile
 * is not saved.
 */
void
inflow_database_put_cached_list_async (InflowDatabase      *self,
                                       const char          *profile_id,
                                       const char          *kind,
                                       const char          *json,
                                       GDateTime           *fetched_at,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (kind != NULL && *kind != '\0');
  g_return_if_fail (json != NULL);
  g_return_if_fail (fetched_at != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->profile_id = g_strdup (profile_id);
  request->kind = g_strdup (kind);
  request->json = g_strdup (json);
  request->time = g_date_time_ref (fetched_at);

  start_request (self, put_cached_list_job, inflow_database_put_cached_list_async, request,
                 cancellable, callback, user_data);
}

gboolean
inflow_database_put_cached_list_finish (InflowDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return finish_boolean (self, result, inflow_database_put_cached_list_async, error);
}

static void
get_cached_list_job (Worker       *worker,
                     GTask        *task,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  CachedList *cached;
  int rc;

  stmt = prepare (worker->db,
                  "SELECT json, fetched_at FROM cached_lists WHERE profile_id = ?1 AND kind = ?2",
                  &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, request->profile_id);
  bind_text (stmt, 2, request->kind);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_task_return_new_error (task, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND,
                               "%s", _("Nothing is saved from an earlier session yet."));
      return;
    }
  else if (rc != SQLITE_ROW)
    {
      set_sqlite_error (&error, worker->db, rc, "reading a cached list");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cached = g_new0 (CachedList, 1);
  cached->json = g_strdup (column_text (stmt, 0));
  cached->fetched_at = column_time (stmt, 1);

  g_task_return_pointer (task, cached, (GDestroyNotify) cached_list_free);
}

/**
 * inflow_database_get_cached_list_async:
 * @self: a #InflowDatabase
 * @profile_id: the profile's ID
 * @kind: what the list holds, such as %INFLOW_CACHED_LIST_INTEGRATIONS
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Reads the last fetched list of a kind for a profile.
 */
void
inflow_database_get_cached_list_async (InflowDatabase      *self,
                                       const char          *profile_id,
                                       const char          *kind,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (kind != NULL && *kind != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->profile_id = g_strdup (profile_id);
  request->kind = g_strdup (kind);

  start_request (self, get_cached_list_job, inflow_database_get_cached_list_async, request,
                 cancellable, callback, user_data);
}

/**
 * inflow_database_get_cached_list_finish:
 * @self: a #InflowDatabase
 * @result: the #GAsyncResult
 * @fetched_at: (out) (optional) (transfer full): when the list was fetched
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns %NULL with %INFLOW_STORAGE_ERROR_NOT_FOUND when no such list is
 * cached.
 *
 * Returns: (transfer full) (nullable): the list as fetched, JSON text
 */
char *
inflow_database_get_cached_list_finish (InflowDatabase  *self,
                                        GAsyncResult    *result,
                                        GDateTime      **fetched_at,
                                        GError         **error)
{
  CachedList *cached;
  char *json;

  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_database_get_cached_list_async, NULL);

  cached = g_task_propagate_pointer (G_TASK (result), error);
  if (cached == NULL)
    return NULL;

  json = g_steal_pointer (&cached->json);
  if (fetched_at != NULL)
    *fetched_at = g_steal_pointer (&cached->fetched_at);
  cached_list_free (cached);

  return json;
}

/* Ingestion observations */

static void
add_observation_job (Worker       *worker,
                     GTask        *task,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Request *request = task_data;
  InflowObservation *observation = request->observation;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = prepare (worker->db,
                  "INSERT INTO observations (profile_id, integration_token, observed_at, status, "
                  "                          last_updated, newest_cost_date, resource_rows_present) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, inflow_observation_get_profile_id (observation));
  bind_text (stmt, 2, inflow_observation_get_integration_token (observation));
  bind_time (stmt, 3, inflow_observation_get_observed_at (observation));
  bind_text (stmt, 4, inflow_observation_get_status (observation));
  bind_time (stmt, 5, inflow_observation_get_last_updated (observation));
  bind_time (stmt, 6, inflow_observation_get_newest_cost_date (observation));
  sqlite3_bind_int (stmt, 7, inflow_observation_get_resource_rows_present (observation) ? 1 : 0);

  if (!step_done (worker->db, stmt, "adding an observation", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_database_add_observation_async:
 * @self: a #InflowDatabase
 * @observation: the observation
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the observation is stored
 * @user_data: data for @callback
 *
 * Records an observation. Fails with %INFLOW_STORAGE_ERROR_NOT_FOUND when
 * its profile is not saved (as the demo profile never is).
 */
void
inflow_database_add_observation_async (InflowDatabase      *self,
                                       InflowObservation   *observation,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (INFLOW_IS_OBSERVATION (observation));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->observation = g_object_ref (observation);

  start_request (self, add_observation_job, inflow_database_add_observation_async, request,
                 cancellable, callback, user_data);
}

gboolean
inflow_database_add_observation_finish (InflowDatabase  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return finish_boolean (self, result, inflow_database_add_observation_async, error);
}

static void
list_observations_job (Worker       *worker,
                       GTask        *task,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) observations = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = prepare (worker->db,
                  "SELECT profile_id, integration_token, observed_at, status, "
                  "       last_updated, newest_cost_date, resource_rows_present "
                  "FROM observations "
                  "WHERE profile_id = ?1 "
                  "  AND (?2 IS NULL OR integration_token = ?2) "
                  "  AND observed_at >= ?3 "
                  "ORDER BY observed_at, id",
                  &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, request->profile_id);
  bind_text (stmt, 2, request->integration_token);
  bind_time (stmt, 3, request->time);

  observations = g_list_store_new (INFLOW_TYPE_OBSERVATION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) observed_at = column_time (stmt, 2);
      g_autoptr(GDateTime) last_updated = column_time_or_null (stmt, 4);
      g_autoptr(GDateTime) newest_cost_date = column_time_or_null (stmt, 5);
      g_autoptr(InflowObservation) observation = NULL;

      observation = inflow_observation_new (column_text (stmt, 0),
                                            column_text (stmt, 1),
                                            observed_at,
                                            column_text (stmt, 3),
                                            last_updated,
                                            newest_cost_date,
                                            sqlite3_column_int (stmt, 6) != 0);
      if (observation != NULL)
        g_list_store_append (observations, observation);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (&error, worker->db, rc, "listing observations");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&observations), g_object_unref);
}

/**
 * inflow_database_list_observations_since_async:
 * @self: a #InflowDatabase
 * @profile_id: the profile's ID
 * @integration_token: (nullable): an integration's token, or %NULL for the
 *   observations of all the profile's integrations
 * @since: the earliest observation time to list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the observations
 * @user_data: data for @callback
 *
 * Lists the observations made at or after @since, oldest first.
 */
void
inflow_database_list_observations_since_async (InflowDatabase      *self,
                                               const char          *profile_id,
                                               const char          *integration_token,
                                               GDateTime           *since,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (since != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->profile_id = g_strdup (profile_id);
  request->integration_token = g_strdup (integration_token);
  request->time = g_date_time_ref (since);

  start_request (self, list_observations_job, inflow_database_list_observations_since_async, request,
                 cancellable, callback, user_data);
}

/**
 * inflow_database_list_observations_since_finish:
 * @self: a #InflowDatabase
 * @result: the #GAsyncResult
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns: (transfer full) (nullable): a list of #InflowObservation
 */
GListModel *
inflow_database_list_observations_since_finish (InflowDatabase  *self,
                                                GAsyncResult    *result,
                                                GError         **error)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_database_list_observations_since_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
prune_observations_job (Worker       *worker,
                        GTask        *task,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  g_autoptr(GError) error = NULL;

  cutoff = g_date_time_add_days (request->time, -INFLOW_DATABASE_OBSERVATION_RETENTION_DAYS);

  stmt = prepare (worker->db, "DELETE FROM observations WHERE observed_at < ?1", &error);
  if (stmt == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  bind_time (stmt, 1, cutoff);

  if (!step_done (worker->db, stmt, "pruning observations", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Pruned %d observations", sqlite3_changes (worker->db));
  g_task_return_int (task, sqlite3_changes (worker->db));
}

/**
 * inflow_database_prune_observations_async:
 * @self: a #InflowDatabase
 * @now: the current time (server time, like the observations)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when old observations are removed
 * @user_data: data for @callback
 *
 * Removes the observations made more than
 * %INFLOW_DATABASE_OBSERVATION_RETENTION_DAYS days before @now.
 */
void
inflow_database_prune_observations_async (InflowDatabase      *self,
                                          GDateTime           *now,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  Request *request;

  g_return_if_fail (INFLOW_IS_DATABASE (self));
  g_return_if_fail (now != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->time = g_date_time_ref (now);

  start_request (self, prune_observations_job, inflow_database_prune_observations_async, request,
                 cancellable, callback, user_data);
}

/**
 * inflow_database_prune_observations_finish:
 * @self: a #InflowDatabase
 * @result: the #GAsyncResult
 * @n_removed: (out) (optional): how many observations were removed
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns: whether the old observations were removed
 */
gboolean
inflow_database_prune_observations_finish (InflowDatabase  *self,
                                           GAsyncResult    *result,
                                           guint           *n_removed,
                                           GError         **error)
{
  gssize removed;

  g_return_val_if_fail (INFLOW_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_database_prune_observations_async, FALSE);

  removed = g_task_propagate_int (G_TASK (result), error);
  if (removed < 0)
    return FALSE;

  if (n_removed != NULL)
    *n_removed = (guint) removed;

  return TRUE;
}
