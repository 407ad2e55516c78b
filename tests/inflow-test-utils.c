/* inflow-test-utils.c: shared helpers of the test programs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <libsecret/secret.h>

#include "inflow-test-utils.h"

static char *test_home;

/* g_test_init with a temporary HOME and XDG user folders for the program.
 * Unlike G_TEST_OPTION_ISOLATE_DIRS this keeps the system XDG_DATA_DIRS, where
 * the icon theme and shared-mime-info that GTK needs live. */
void
inflow_test_init (int    *argc,
                  char ***argv)
{
  static const struct { const char *variable; const char *folder; } dirs[] = {
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_CACHE_HOME", ".cache" },
    { "XDG_STATE_HOME", ".local/state" },
  };
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  test_home = g_dir_make_tmp ("inflow-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", test_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (test_home, dirs[i].folder, NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (dirs[i].variable, path, TRUE);
    }

  g_test_init (argc, argv, NULL);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    remove_tree (child);

  g_file_delete (file, NULL, NULL);
}

/* g_test_run, then removes the temporary HOME of inflow_test_init(). */
int
inflow_test_run (void)
{
  g_autoptr(GFile) home = NULL;
  int status = g_test_run ();

  home = g_file_new_for_path (test_home);
  remove_tree (home);
  g_clear_pointer (&test_home, g_free);

  return status;
}

/* Pass as the GAsyncReadyCallback with a GAsyncResult** as user data; then
 * inflow_test_wait_result() iterates the main context until it is set. */
void
inflow_test_store_result_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
inflow_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until check() is TRUE or timeout_ms
 * passed; returns the last value of check(). */
gboolean
inflow_test_wait_until (gboolean (*check) (gpointer data),
                        gpointer   data,
                        guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return check (data);
}

/* Mounts. A test of a full or read-only disk needs a real file system of
 * its own: a small tmpfs in a mount namespace of the test program, which
 * nothing outside it sees. Creating one takes CAP_SYS_ADMIN (root, as on
 * CI); a user namespace would do without, but D-Bus refuses its remapped
 * user ID, and the keyring tests need D-Bus. */

static gboolean can_mount;

/* Must run before the program starts a thread: unshare (CLONE_NEWNS)
 * fails in a program with several. */
gboolean
inflow_test_enter_mount_namespace (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    return FALSE;

  /* Nothing mounted here propagates back to the system */
  /* ("none": the source and type are ignored here, and valgrind wants strings) */
  can_mount = mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) == 0;

  return can_mount;
}

/* Whether the mount functions below work; a test skips itself otherwise. */
gboolean
inflow_test_can_mount (void)
{
  return can_mount;
}

void
inflow_test_mount_tmpfs (const char *folder,
                         gsize       size)
{
  g_autofree char *options = g_strdup_printf ("size=%" G_GSIZE_FORMAT ",mode=0700", size);

  g_assert_true (can_mount);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (mount ("tmpfs", folder, "tmpfs", 0, options) != 0)
    g_error ("Mounting a tmpfs on %s: %s", folder, g_strerror (errno));
}

void
inflow_test_remount_read_only (const char *folder)
{
  if (mount ("none", folder, "none", MS_REMOUNT | MS_RDONLY, NULL) != 0)
    g_error ("Remounting %s read-only: %s", folder, g_strerror (errno));
}

void
inflow_test_unmount (const char *folder)
{
  if (umount2 (folder, MNT_DETACH) != 0)
    g_error ("Unmounting %s: %s", folder, g_strerror (errno));
}

/* Writes a file in @folder until its file system is full; returns how
 * many bytes went in. Remove *@filler_path to make room again. */
gsize
inflow_test_fill_folder (const char  *folder,
                         char       **filler_path)
{
  static const char block[4096];
  g_autofree char *path = g_build_filename (folder, "filler", NULL);
  gsize total = 0;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      gssize n = write (fd, block, sizeof block);

      if (n <= 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          break;
        }
      total += (gsize) n;
    }
  g_assert_cmpint (close (fd), ==, 0);

  *filler_path = g_steal_pointer (&path);
  return total;
}

/* Keyring. The schema is written out here rather than taken from
 * InflowTokenStore, so that a change of what is stored shows as a failure. */

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID, SECRET_SCHEMA_NONE,
    {
      { "profile-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "version", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The secrets of every item of Inflow's schema in the keyring */
GPtrArray *
inflow_test_keyring_secrets (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *secrets = g_ptr_array_new_with_free_func (g_free);
  GList *items;

  items = secret_password_search_sync (token_schema (),
                                       SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                                       NULL, &error, NULL);
  g_assert_no_error (error);

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(SecretValue) value = secret_retrievable_retrieve_secret_sync (l->data, NULL, &error);

      /* Another test program may remove its item between the two calls */
      if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD))
        {
          g_clear_error (&error);
          continue;
        }
      g_assert_no_error (error);
      if (value != NULL)
        g_ptr_array_add (secrets, g_strdup (secret_value_get_text (value)));
    }
  g_list_free_full (items, g_object_unref);

  return secrets;
}

gboolean
inflow_test_keyring_holds_secret (const char *secret)
{
  g_autoptr(GPtrArray) secrets = inflow_test_keyring_secrets ();

  for (guint i = 0; i < secrets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (secrets, i), secret) == 0)
      return TRUE;

  return FALSE;
}

/* How many items hold the token of @profile_id */
guint
inflow_test_keyring_items_of (const char *profile_id)
{
  g_autoptr(GError) error = NULL;
  GList *items;
  guint n;

  /* An item that goes while it is listed (the token store clears it on its
   * keyring thread meanwhile) fails the search: search again */
  for (guint tries = 0; ; tries++)
    {
      items = secret_password_search_sync (token_schema (), SECRET_SEARCH_ALL, NULL, &error,
                                           "profile-id", profile_id, NULL);
      if (tries == 10 || !g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD))
        break;
      g_clear_error (&error);
    }
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);

  return n;
}

/* A keyring of the program's own, and its prompter */

#define PYTHON   "/usr/bin/python3"

static GTestDBus *private_bus;
static GSubprocess *daemon_process;
static char *runtime_dir;

/* Before anything uses the session bus: first thing in main(), before
 * GTK or an application registers. */
void
inflow_test_private_bus_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  private_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (private_bus);
  /* GTestDBus unsets it (against X11 autolaunch); the UI tests need it */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  runtime_dir = g_dir_make_tmp ("inflow-runtime-XXXXXX", &error);
  g_assert_no_error (error);
}

/* After inflow_test_run() */
void
inflow_test_private_bus_down (void)
{
  g_autoptr(GFile) runtime = g_file_new_for_path (runtime_dir);

  secret_service_disconnect ();
  inflow_test_stop_private_bus (private_bus);
  remove_tree (runtime);
  g_clear_pointer (&runtime_dir, g_free);
}

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* Whether @name gets (or, without @owned, loses) an owner on the session
 * bus within 10 s. Polls, without a main loop: nothing wakes one when a
 * name appears. */
gboolean
inflow_test_wait_for_bus_name (const char *name,
                               gboolean    owned)
{
  for (guint i = 0; i < 400; i++)
    {
      if (name_has_owner (name) == owned)
        return TRUE;
      g_usleep (25 * 1000);
    }

  return FALSE;
}

/* Starts gnome-keyring; with @unlock, the login keyring is unlocked (and
 * created if needed) with INFLOW_TEST_KEYRING_PASSWORD, else it is loaded locked. */
void
inflow_test_keyring_start (gboolean unlock)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (unlock ? G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                              : G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_null (daemon_process);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GNOME_KEYRING_CONTROL");
  daemon_process = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                                "--components=secrets",
                                                unlock ? "--unlock" : "--start", NULL);
  g_assert_no_error (error);

  if (unlock)
    {
      GOutputStream *input = g_subprocess_get_stdin_pipe (daemon_process);

      g_assert_true (g_output_stream_write_all (input, INFLOW_TEST_KEYRING_PASSWORD, strlen (INFLOW_TEST_KEYRING_PASSWORD), NULL, NULL, &error));
      g_assert_true (g_output_stream_close (input, NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_true (inflow_test_wait_for_bus_name ("org.freedesktop.secrets", TRUE));
}

void
inflow_test_keyring_stop (void)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (daemon_process, SIGTERM);
  g_assert_true (g_subprocess_wait (daemon_process, NULL, &error));
  g_clear_object (&daemon_process);
  g_assert_true (inflow_test_wait_for_bus_name ("org.freedesktop.secrets", FALSE));

  /* libsecret keeps its session with the daemon that is gone: the app's
   * daemon lives as long as the desktop session, this test's does not */
  secret_service_disconnect ();
}

char *
inflow_test_prompter_read_line (InflowTestPrompter *prompter)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (prompter->output, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

/* Starts the stand-in, which answers "password" or "dismiss" */
void
inflow_test_prompter_start (InflowTestPrompter *prompter,
                const char *answer)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "storage", "stand-in-prompter.py", NULL);
  g_autofree char *ready = NULL;
  g_autoptr(GError) error = NULL;

  prompter->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                        PYTHON, script, answer, INFLOW_TEST_KEYRING_PASSWORD, NULL);
  g_assert_no_error (error);
  prompter->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (prompter->process));
  ready = inflow_test_prompter_read_line (prompter);
  g_assert_cmpstr (ready, ==, "ready");
}

void
inflow_test_prompter_stop (InflowTestPrompter *prompter)
{
  g_subprocess_force_exit (prompter->process);
  g_subprocess_wait (prompter->process, NULL, NULL);
  g_clear_object (&prompter->output);
  g_clear_object (&prompter->process);
  g_assert_true (inflow_test_wait_for_bus_name ("org.gnome.keyring.SystemPrompter", FALSE));
}

void
inflow_test_keyring_lock (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { "/org/freedesktop/secrets/collection/login" };

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "Lock",
                                       g_variant_new ("(@ao)", g_variant_new_objv (paths, 1)),
                                       G_VARIANT_TYPE ("(aoo)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* python3-dbusmock serving @template (one of its own, or the path of one in
 * tests/dbusmock) on the session bus, once it owns @bus_name. @parameters
 * is the template's JSON, or NULL. */
GSubprocess *
inflow_test_dbusmock_start (const char *template,
                            const char *bus_name,
                            const char *parameters)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* Debian's, where python3-dbusmock is, whatever python3 comes first on PATH */
  g_ptr_array_add (argv, (char *) "/usr/bin/python3");
  g_ptr_array_add (argv, (char *) "-m");
  g_ptr_array_add (argv, (char *) "dbusmock");
  g_ptr_array_add (argv, (char *) "--session");
  g_ptr_array_add (argv, (char *) "--template");
  g_ptr_array_add (argv, (char *) template);
  if (parameters != NULL)
    {
      g_ptr_array_add (argv, (char *) "--parameters");
      g_ptr_array_add (argv, (char *) parameters);
    }
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (inflow_test_wait_for_bus_name (bus_name, TRUE));

  return process;
}

/* Stops @process (from inflow_test_dbusmock_start()) and waits for
 * @bus_name to be free. */
void
inflow_test_dbusmock_stop (GSubprocess *process,
                           const char  *bus_name)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (process);
  g_assert_true (inflow_test_wait_for_bus_name (bus_name, FALSE));
}

/* The arguments (av) of each call of @method the mock at @bus_name and
 * @path logged, oldest first. */
GPtrArray *
inflow_test_dbusmock_calls (const char *bus_name,
                            const char *path,
                            const char *method)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  GVariant *args;
  guint64 time;

  reply = g_dbus_connection_call_sync (connection, bus_name, path, "org.freedesktop.DBus.Mock",
                                       "GetMethodCalls", g_variant_new ("(s)", method),
                                       G_VARIANT_TYPE ("(a(tav))"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  g_variant_get (reply, "(a(tav))", &iter);
  while (g_variant_iter_next (iter, "(t@av)", &time, &args))
    g_ptr_array_add (calls, args);

  return calls;
}

/* Stops a private bus (GTestDBus) at the end of a program. Not
 * g_test_dbus_down () nor the last unref, which wait for every user of the
 * bus connection to let go: GIO keeps singletons of it alive. Stopping the
 * bus closes the session connection, whose exit-on-close would raise
 * SIGTERM in a worker thread when the exit is slow (as under
 * AddressSanitizer). */
void
inflow_test_stop_private_bus (GTestDBus *bus)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  if (connection != NULL)
    g_dbus_connection_set_exit_on_close (connection, FALSE);
  g_test_dbus_stop (bus);
}
