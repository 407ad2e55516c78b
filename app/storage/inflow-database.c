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
 * A file of 0 bytes where a database with profiles was (the
 * `<file>.in-use` marker beside it says so, written with the first
 * profile) is damage too, and handled the same way; an empty file without
 * the marker is a database that never held anything, and starts afresh.
 *
 * When the file or its folder cannot be written (a read-only file system,
 * say), the database opens read-only: everything reads, every write fails
 * at once with %INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY, and
 * #InflowDatabase:read-only and #InflowDatabase:problem say so.
 *
 * Writes are counted as they land or fail (#InflowDatabase:observations-written
 * and the like: rows that reached the file, not requests), and a write that
 * fails for a reason of the storage (a full disk, an I/O error, damage)
 * sets #InflowDatabase:problem, a sentence for the user with the file's
 * path, once per problem; the next write that lands clears it.
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
  char        *path;
  gboolean     read_only;
} Worker;

typedef void (*JobFunc) (Worker       *worker,
                         GTask        *task,
                         gpointer      task_data,
                         GCancellable *cancellable);

typedef struct
{
  JobFunc   func;  /* NULL: quit */
  GTask    *task;
  gboolean  write;  /* its task data is a Request */
} Job;

/* What a write stores, for the counts */
typedef enum
{
  RECORD_OTHER,
  RECORD_LIST,
  RECORD_OBSERVATION,
  N_RECORDS,
} Record;

struct _InflowDatabase
{
  GObject      parent_instance;

  char        *path;
  char        *moved_aside_path;
  GAsyncQueue *queue;
  guint        recovered_from_corruption : 1;
  guint        read_only : 1;

  GError      *write_error;
  char        *problem;
  char        *read_only_problem;
  guint        n_written[N_RECORDS];
  guint        n_failed[N_RECORDS];
};

G_DEFINE_FINAL_TYPE (InflowDatabase, inflow_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_RECOVERED_FROM_CORRUPTION,
  PROP_MOVED_ASIDE_PATH,
  PROP_READ_ONLY,
  PROP_WRITE_ERROR,
  PROP_PROBLEM,
  PROP_LISTS_WRITTEN,
  PROP_LISTS_FAILED,
  PROP_OBSERVATIONS_WRITTEN,
  PROP_OBSERVATIONS_FAILED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Requests */

typedef struct
{
  char              *path;
  char              *moved_aside_path;
  gboolean           recovered;
  gboolean           read_only;
  char              *read_only_problem;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->moved_aside_path, g_free);
  g_clear_pointer (&data->read_only_problem, g_free);
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

  /* Writes: what they store, and how they failed (set on the worker) */
  Record             record;
  GError            *error;
} Request;

static void
request_free (Request *request)
{
  g_clear_error (&request->error);
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

    case SQLITE_READONLY:
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY,
                           _("Inflow’s data folder is read-only: Inflow could not save its data."));
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

/* On the worker: a write failed; the error is kept for the counts. */
static void
fail_write (GTask   *task,
            Request *request,
            GError  *error)
{
  g_clear_error (&request->error);
  request->error = g_error_copy (error);
  g_task_return_error (task, error);
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

/* A read-only connection to @path. Read-only, SQLite still needs the
 * shared-memory index of a WAL database, which it cannot create in a
 * read-only folder when the last connection removed it on close; then the
 * file is opened as immutable (nothing writes it, since nothing can). */
static int
open_read_only (const char  *path,
                gboolean     immutable,
                sqlite3    **db)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *with_mode = NULL;

  if (uri == NULL)
    return SQLITE_CANTOPEN;

  with_mode = g_strconcat (uri, immutable ? "?immutable=1" : "?mode=ro", NULL);

  return sqlite3_open_v2 (with_mode, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
}

/* Opens @path and checks it. Returns NULL and sets @corrupt when the file
 * is damaged or not a database at all; NULL with @error for anything else. */
static sqlite3 *
open_and_check (const char  *path,
                gboolean     read_only,
                gboolean     immutable,
                gboolean    *corrupt,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first_problem = NULL;
  sqlite3 *db = NULL;
  int rc;

  *corrupt = FALSE;

  if (read_only)
    rc = open_read_only (path, immutable, &db);
  else
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

  if (rc != SQLITE_DONE && read_only && !immutable && (rc & 0xff) == SQLITE_CANTOPEN)
    {
      g_debug ("%s has no WAL index and its folder is read-only: opening it as immutable", path);
      sqlite3_close (db);
      return open_and_check (path, TRUE, TRUE, corrupt, error);
    }
  else if (rc != SQLITE_DONE && is_corruption (rc))
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
      rc = sqlite3_exec (db, read_only ? "PRAGMA foreign_keys = ON;"
                                       : "PRAGMA journal_mode = WAL; "
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
         gboolean     read_only,
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

  if (read_only && version < INFLOW_DATABASE_SCHEMA_VERSION)
    {
      g_debug ("The read-only database has schema version %d, not %d", version, INFLOW_DATABASE_SCHEMA_VERSION);
      g_set_error_literal (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED,
                           _("Inflow’s database was written by an older version of Inflow and its folder "
                             "is read-only, so it could not be updated."));
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

/* The marker that says the database beside it held profiles */
static char *
marker_path (const char *path)
{
  return g_strconcat (path, ".in-use", NULL);
}

/* On the worker, after a profile was saved */
static void
write_marker (Worker *worker)
{
  g_autofree char *marker = marker_path (worker->path);
  g_autoptr(GError) error = NULL;

  if (g_file_test (marker, G_FILE_TEST_EXISTS))
    return;

  if (!g_file_set_contents (marker,
                            "Inflow keeps saved profiles in the database beside this file. If the\n"
                            "database is ever found empty, it was damaged, and Inflow sets it aside.\n",
                            -1, &error))
    g_debug ("Could not write %s: %s", marker, error->message);
}

static gsize
file_size (const char *path,
           gboolean   *exists)
{
  GStatBuf buf;

  *exists = g_stat (path, &buf) == 0;

  return *exists ? (gsize) buf.st_size : 0;
}

/* A file of 0 bytes, with no WAL that could hold its pages, where the
 * marker says a database with profiles was. */
static gboolean
was_emptied (const char *path)
{
  g_autofree char *marker = marker_path (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean exists, wal_exists;

  return file_size (path, &exists) == 0 && exists &&
         file_size (wal, &wal_exists) == 0 &&
         g_file_test (marker, G_FILE_TEST_EXISTS);
}

/* Whether the database must be opened read-only: it exists, and it or its
 * folder cannot be written. Sets @reason to the system's words. */
static gboolean
must_open_read_only (const char  *path,
                     const char  *folder,
                     char       **reason)
{
  int saved_errno;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  if (g_access (folder, W_OK | X_OK) == 0 && g_access (path, W_OK) == 0)
    return FALSE;

  saved_errno = errno;
  *reason = g_strdup (g_strerror (saved_errno));
  g_debug ("%s cannot be written (%s): opening it read-only", path, *reason);

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
  g_autofree char *reason = NULL;
  gboolean corrupt = FALSE;
  sqlite3 *db;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not create %s: %s", folder, g_strerror (saved_errno));
      g_task_return_new_error (task, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED,
                               /* Translators: the first %s is a folder, the second the system's reason */
                               _("Inflow could not create its data folder %s (%s)."),
                               folder, g_strerror (saved_errno));
      return;
    }

  data->read_only = must_open_read_only (data->path, folder, &reason);
  if (data->read_only)
    /* Translators: the first %s is a folder, the second the system's reason,
     * such as "Read-only file system" */
    data->read_only_problem = g_strdup_printf (_("Inflow cannot save to its data folder %s (%s). The saved "
                                                 "profiles can be used, but new sign-ins, lists and ingestion "
                                                 "history are kept in memory only and are lost when Inflow "
                                                 "closes."),
                                               folder, reason);

  if (!data->read_only && was_emptied (data->path))
    {
      g_debug ("%s is empty, but it held profiles", data->path);
      corrupt = TRUE;
      db = NULL;
    }
  else
    {
      db = open_and_check (data->path, data->read_only, FALSE, &corrupt, &error);
    }

  if (db == NULL && corrupt && data->read_only)
    {
      g_set_error_literal (&error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_CORRUPT,
                           _("Inflow’s database is damaged, and its folder is read-only, so it could not "
                             "be set aside."));
    }
  else if (db == NULL && corrupt)
    {
      data->moved_aside_path = move_aside (data->path, &error);
      if (data->moved_aside_path == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      data->recovered = TRUE;

      db = open_and_check (data->path, FALSE, FALSE, &corrupt, &error);
      if (db == NULL && corrupt)
        g_set_error_literal (&error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_CORRUPT,
                             _("Inflow could not create a new database."));
    }

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!migrate (db, data->read_only, &error))
    {
      sqlite3_close (db);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Opened the database %s%s", data->path, data->read_only ? " read-only" : "");
  worker->db = db;
  worker->path = g_strdup (data->path);
  worker->read_only = data->read_only;
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
      else if (worker->read_only && job->write)
        fail_write (job->task, g_task_get_task_data (job->task),
                    g_error_new_literal (INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY,
                                         _("Inflow’s data folder is read-only: Inflow could not save its "
                                           "data.")));
      else
        job->func (worker, job->task, g_task_get_task_data (job->task), g_task_get_cancellable (job->task));

      /* This may drop the last reference to the InflowDatabase, which then
       * queues the quit job this loop pops next. */
      job_free (job);
    }

  if (worker->db != NULL)
    sqlite3_close (worker->db);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);

  return NULL;
}

static void
queue_job (InflowDatabase *self,
           JobFunc         func,
           GTask          *task,
           gboolean        write)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->task = task;
  job->write = write;
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
  g_clear_pointer (&self->read_only_problem, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_error (&self->write_error);

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

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_WRITE_ERROR:
      g_value_set_boxed (value, self->write_error);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    case PROP_LISTS_WRITTEN:
      g_value_set_uint (value, self->n_written[RECORD_LIST]);
      break;

    case PROP_LISTS_FAILED:
      g_value_set_uint (value, self->n_failed[RECORD_LIST]);
      break;

    case PROP_OBSERVATIONS_WRITTEN:
      g_value_set_uint (value, self->n_written[RECORD_OBSERVATION]);
      break;

    case PROP_OBSERVATIONS_FAILED:
      g_value_set_uint (value, self->n_failed[RECORD_OBSERVATION]);
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

  /**
   * InflowDatabase:read-only:
   *
   * Whether the file or its folder could not be written when it was
   * opened: everything reads, and every write fails with
   * %INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY. #InflowDatabase:problem says
   * why, in words.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:write-error:
   *
   * How the latest write failed for a reason of the storage (a full disk,
   * an I/O error, damage, a read-only folder), or %NULL once a write lands
   * again. Notified when a problem starts, turns into another or ends, not
   * for each write that fails the same way.
   */
  properties[PROP_WRITE_ERROR] =
    g_param_spec_boxed ("write-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:problem:
   *
   * The storage problem in words for the user, with the file's or the
   * folder's path and what is kept in memory only, or %NULL. Follows
   * #InflowDatabase:write-error, and holds the reason the database is
   * #InflowDatabase:read-only from the start.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:lists-written:
   *
   * How many cached lists were written to the file since it was opened.
   */
  properties[PROP_LISTS_WRITTEN] =
    g_param_spec_uint ("lists-written", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:lists-failed:
   *
   * How many cached lists could not be written since it was opened, for a
   * reason of the storage: they are in memory only.
   */
  properties[PROP_LISTS_FAILED] =
    g_param_spec_uint ("lists-failed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:observations-written:
   *
   * How many ingestion observations were written to the file (rows that
   * landed, not requests) since it was opened.
   */
  properties[PROP_OBSERVATIONS_WRITTEN] =
    g_param_spec_uint ("observations-written", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowDatabase:observations-failed:
   *
   * How many ingestion observations could not be written since it was
   * opened, for a reason of the storage.
   */
  properties[PROP_OBSERVATIONS_FAILED] =
    g_param_spec_uint ("observations-failed", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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

  queue_job (self, open_job, g_steal_pointer (&task), FALSE);
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
  self->read_only = data->read_only;
  g_free (self->read_only_problem);
  self->read_only_problem = g_strdup (data->read_only_problem);
  g_free (self->problem);
  self->problem = g_strdup (data->read_only_problem);

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

gboolean
inflow_database_get_read_only (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), FALSE);

  return self->read_only;
}

/**
 * inflow_database_get_write_error:
 * @self: a #InflowDatabase
 *
 * Returns: (nullable) (transfer none): see #InflowDatabase:write-error
 */
const GError *
inflow_database_get_write_error (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);

  return self->write_error;
}

/**
 * inflow_database_get_problem:
 * @self: a #InflowDatabase
 *
 * Returns: (nullable): see #InflowDatabase:problem
 */
const char *
inflow_database_get_problem (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), NULL);

  return self->problem;
}

guint
inflow_database_get_n_lists_written (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), 0);

  return self->n_written[RECORD_LIST];
}

guint
inflow_database_get_n_lists_failed (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), 0);

  return self->n_failed[RECORD_LIST];
}

guint
inflow_database_get_n_observations_written (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), 0);

  return self->n_written[RECORD_OBSERVATION];
}

guint
inflow_database_get_n_observations_failed (InflowDatabase *self)
{
  g_return_val_if_fail (INFLOW_IS_DATABASE (self), 0);

  return self->n_failed[RECORD_OBSERVATION];
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

  queue_job (self, func, g_steal_pointer (&task), FALSE);
}

/* Writes, as they land or fail (on the main context) */

static gboolean
is_storage_problem (const GError *error)
{
  if (error->domain != INFLOW_STORAGE_ERROR)
    return FALSE;

  switch ((InflowStorageError) error->code)
    {
    case INFLOW_STORAGE_ERROR_DATABASE_FULL:
    case INFLOW_STORAGE_ERROR_DATABASE_CORRUPT:
    case INFLOW_STORAGE_ERROR_DATABASE_FAILED:
    case INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY:
    case INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED:
      return TRUE;

    /* A profile that is not saved (the demo's), a closed database: the
     * storage is fine */
    case INFLOW_STORAGE_ERROR_NOT_FOUND:
    case INFLOW_STORAGE_ERROR_DATABASE_CLOSED:
    case INFLOW_STORAGE_ERROR_DATABASE_TOO_NEW:
    case INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE:
    case INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED:
    case INFLOW_STORAGE_ERROR_SECRET_FAILED:
    default:
      return FALSE;
    }
}

static char *
describe_problem (InflowDatabase *self,
                  const GError   *error)
{
  if (self->read_only)
    return g_strdup (self->read_only_problem);

  if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_DATABASE_FULL))
    /* Translators: %s is a file name */
    return g_strdup_printf (_("The disk that holds %s is full. Until there is room again, Inflow keeps new "
                              "sign-ins, lists and ingestion history in memory only; what is not saved is "
                              "lost when Inflow closes."),
                            self->path);

  /* Translators: the first %s is a file name, the second a sentence that
   * says what went wrong */
  return g_strdup_printf (_("Inflow could not save to %s: %s Until it can again, Inflow keeps new sign-ins, "
                            "lists and ingestion history in memory only; what is not saved is lost when "
                            "Inflow closes."),
                          self->path, error->message);
}

/* The problem starts, changes or ends; a failure like the one before is
 * the same problem, and says nothing new. */
static void
set_write_error (InflowDatabase *self,
                 const GError   *error)
{
  g_autofree char *problem = NULL;

  if (error == NULL && self->write_error == NULL)
    return;
  if (error != NULL && self->write_error != NULL &&
      g_error_matches (self->write_error, error->domain, error->code))
    return;

  g_clear_error (&self->write_error);
  if (error != NULL)
    {
      self->write_error = g_error_copy (error);
      problem = describe_problem (self, error);
      g_debug ("Writes fail: %s", error->message);
    }
  else
    {
      problem = g_strdup (self->read_only_problem);
      g_debug ("Writes land again");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITE_ERROR]);

  if (g_strcmp0 (problem, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_steal_pointer (&problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
}

static void
count_write (InflowDatabase *self,
             Record          record,
             gboolean        landed)
{
  static const guint written_props[N_RECORDS] = { 0, PROP_LISTS_WRITTEN, PROP_OBSERVATIONS_WRITTEN };
  static const guint failed_props[N_RECORDS] = { 0, PROP_LISTS_FAILED, PROP_OBSERVATIONS_FAILED };

  if (record == RECORD_OTHER)
    return;

  if (landed)
    {
      self->n_written[record]++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[written_props[record]]);
    }
  else
    {
      self->n_failed[record]++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[failed_props[record]]);
    }
}

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} WriteCallback;

/* Counts the write, then calls the caller's callback with its result. */
static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  InflowDatabase *self = INFLOW_DATABASE (source);
  WriteCallback *inner = user_data;
  Request *request = g_task_get_task_data (G_TASK (result));

  if (!g_task_had_error (G_TASK (result)))
    {
      count_write (self, request->record, TRUE);
      set_write_error (self, NULL);
    }
  else if (request->error != NULL && is_storage_problem (request->error))
    {
      count_write (self, request->record, FALSE);
      set_write_error (self, request->error);
    }

  if (inner->callback != NULL)
    inner->callback (source, result, inner->user_data);
  g_free (inner);
}

/* Starts a write: a request that changes the file, and is counted. */
static void
start_write (InflowDatabase      *self,
             JobFunc              func,
             gpointer             source_tag,
             Request             *request,
             Record               record,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteCallback *inner = g_new0 (WriteCallback, 1);

  inner->callback = callback;
  inner->user_data = user_data;
  request->record = record;

  task = g_task_new (self, cancellable, write_done_cb, inner);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  queue_job (self, func, g_steal_pointer (&task), TRUE);
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
      fail_write (task, request, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, inflow_profile_get_id (request->profile));
  bind_text (stmt, 2, inflow_profile_get_name (request->profile));
  bind_text (stmt, 3, inflow_profile_get_base_url (request->profile));
  bind_time (stmt, 4, inflow_profile_get_created_at (request->profile));
  bind_time (stmt, 5, inflow_profile_get_last_used_at (request->profile));

  if (!step_done (worker->db, stmt, "saving a profile", &error))
    {
      fail_write (task, request, g_steal_pointer (&error));
      return;
    }

  write_marker (worker);
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

  start_write (self, save_profile_job, inflow_database_save_profile_async, request, RECORD_OTHER,
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
      fail_write (task, request, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, request->profile_id);
  bind_time (stmt, 2, request->time);

  if (!step_done (worker->db, stmt, "updating a profile", &error))
    {
      fail_write (task, request, g_steal_pointer (&error));
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

  start_write (self, touch_profile_job, inflow_database_touch_profile_async, request, RECORD_OTHER,
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
      fail_write (task, request, g_steal_pointer (&error));
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
          fail_write (task, request, g_steal_pointer (&error));
          return;
        }
    }

  if (!exec_sql (worker->db, "COMMIT", "removing a profile", &error))
    {
      rollback (worker->db);
      fail_write (task, request, g_steal_pointer (&error));
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

  start_write (self, remove_profile_job, inflow_database_remove_profile_async, request, RECORD_OTHER,
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
      fail_write (task, request, g_steal_pointer (&error));
      return;
    }

  bind_text (stmt, 1, request->profile_id);
  bind_text (stmt, 2, request->kind);
  bind_text (stmt, 3, request->json);
  bind_time (stmt, 4, request->time);

  if (!step_done (worker->db, stmt, "caching a list", &error))
    {
      fail_write (task, request, g_steal_pointer (&error));
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

  start_write (self, put_cached_list_job, inflow_database_put_cached_list_async, request, RECORD_LIST,
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
      fail_write (task, request, g_steal_pointer (&error));
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
      fail_write (task, request, g_steal_pointer (&error));
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

  start_write (self, add_observation_job, inflow_database_add_observation_async, request, RECORD_OBSERVATION,
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
      fail_write (task, request, g_steal_pointer (&error));
      return;
    }

  bind_time (stmt, 1, cutoff);

  if (!step_done (worker->db, stmt, "pruning observations", &error))
    {
      fail_write (task, request, g_steal_pointer (&error));
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

  start_write (self, prune_observations_job, inflow_database_prune_observations_async, request, RECORD_OTHER,
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
