/* inflow-test-utils.c: shared helpers of the test programs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

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
