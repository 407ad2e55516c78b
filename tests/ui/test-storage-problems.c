/* test-storage-problems.c: a data folder that is read-only or fills up, as the window tells it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data folder is a tmpfs of the program's own mount namespace (root
 * only; the tests skip themselves otherwise), remounted read-only or
 * filled up. The window must show the stored profiles and, once, a banner
 * with the reason and the path; Diagnostics counts the rows that reached
 * the file.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "inflow-diagnostics.h"
#include "inflow-test-utils.h"
#include "session-ui-support.h"

static void
refresh (InflowSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_session_refresh_finish (session, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static gboolean
banner_revealed (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static gboolean
is_shown (gpointer data)
{
  return ui_is_shown (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  if (gtk_revealer_get_reveal_child (GTK_REVEALER (object)))
    (*count)++;
}

/* A read-only data folder: the stored profile opens, the banner says why
 * nothing new is saved (with the folder); without a token, the welcome
 * page lists the profile under the same words. */
static void
test_read_only (UiFixture     *fixture,
                gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "read-only", NULL);
  g_autofree char *path = g_build_filename (folder, "inflow.db", NULL);
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  InflowWindow *window = fixture->window;
  GtkWidget *banner, *label, *welcome_banner, *welcome_label;

  if (!inflow_test_can_mount ())
    {
      g_test_skip ("Mounting a tmpfs needs root");
      return;
    }

  inflow_test_mount_tmpfs (folder, 4 * 1024 * 1024);
  database = ui_open_database (path);
  manager = inflow_profile_manager_new (database, fixture->store);
  me = ui_sign_in (manager, "Read Only", fixture->token, fixture->base_url, &error);
  g_assert_no_error (error);
  id = g_strdup (inflow_profile_get_id (inflow_session_get_profile (inflow_profile_manager_get_session (manager))));
  g_assert_true (ui_wait_session_settled (manager, 20000));
  g_assert_finalize_object (g_steal_pointer (&manager));
  ui_drain_main_context ();
  ui_close_database (database);
  g_clear_object (&database);

  inflow_test_remount_read_only (folder);

  /* The next start: the profile opens, the banner says why */
  database = ui_open_database (path);
  g_assert_true (inflow_database_get_read_only (database));
  manager = inflow_profile_manager_new (database, fixture->store);
  inflow_window_set_profile_manager (window, manager);
  ui_load (manager);
  g_assert_true (ui_wait_page (window, "main", 10000));
  g_assert_true (ui_wait_session_settled (manager, 20000));
  g_assert_cmpstr (inflow_profile_get_id (inflow_session_get_profile (inflow_window_get_session (window))), ==, id);

  banner = ui_template_child (window, INFLOW_TYPE_WINDOW, "storage_banner");
  label = ui_template_child (window, INFLOW_TYPE_WINDOW, "storage_label");
  g_assert_true (inflow_test_wait_until (banner_revealed, banner, 5000));
  g_test_message ("Banner: %s", gtk_label_get_label (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), folder));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "Read-only file system"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "memory only"));
  g_assert_true (inflow_test_wait_until (is_shown, label, 5000));

  /* Without its token: the welcome page, the profile, the same words */
  inflow_window_set_profile_manager (window, NULL);
  g_assert_finalize_object (g_steal_pointer (&manager));
  ui_drain_main_context ();
  ui_clear_token (fixture->store, id);
  manager = inflow_profile_manager_new (database, fixture->store);
  inflow_window_set_profile_manager (window, manager);
  ui_load (manager);
  g_assert_true (ui_wait_page (window, "welcome", 10000));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager)), ==, 1);
  welcome_banner = ui_template_child (window, INFLOW_TYPE_WINDOW, "welcome_storage_banner");
  welcome_label = ui_template_child (window, INFLOW_TYPE_WINDOW, "welcome_storage_label");
  g_assert_true (inflow_test_wait_until (banner_revealed, welcome_banner, 5000));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (welcome_label)), folder));
  g_assert_true (inflow_test_wait_until (is_shown, welcome_label, 5000));
  g_assert_true (ui_is_shown (ui_find_by_id (GTK_WIDGET (window), "profiles_list")));

  inflow_window_set_profile_manager (window, NULL);
  g_assert_finalize_object (g_steal_pointer (&manager));
  ui_drain_main_context ();
  ui_close_database (database);
  g_clear_object (&database);
  inflow_test_unmount (folder);
}

static gboolean
observations_failed (gpointer data)
{
  return inflow_database_get_n_observations_failed (data) > 0;
}

/* The data folder fills up while a profile signs in: the banner tells it
 * once with the path, Dismiss hides it for as long as the problem lasts,
 * and Diagnostics counts the rows written, fewer than were sent. */
static void
test_full (UiFixture     *fixture,
           gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "full-disk", NULL);
  g_autofree char *path = g_build_filename (folder, "inflow.db", NULL);
  g_autofree char *filler = NULL;
  g_autofree char *written = NULL;
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(InflowDiagnostics) diagnostics = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  InflowWindow *window = fixture->window;
  InflowDiagnosticCheck *history;
  InflowSession *session;
  GtkWidget *banner, *label;
  guint n_shown = 0;
  guint n_written;

  if (!inflow_test_can_mount ())
    {
      g_test_skip ("Mounting a tmpfs needs root");
      return;
    }

  inflow_test_mount_tmpfs (folder, 1024 * 1024);
  database = ui_open_database (path);
  manager = inflow_profile_manager_new (database, fixture->store);
  inflow_window_set_profile_manager (window, manager);
  banner = ui_template_child (window, INFLOW_TYPE_WINDOW, "storage_banner");
  label = ui_template_child (window, INFLOW_TYPE_WINDOW, "storage_label");
  g_signal_connect (banner, "notify::reveal-child", G_CALLBACK (count_cb), &n_shown);

  /* The profile is saved; its first refresh, with the disk full, is not */
  me = ui_sign_in (manager, "Full Disk", fixture->token, fixture->base_url, &error);
  g_assert_no_error (error);
  g_test_message ("Filled the disk with %" G_GSIZE_FORMAT " bytes", inflow_test_fill_folder (folder, &filler));
  g_assert_true (ui_wait_page (window, "main", 10000));
  g_assert_true (ui_wait_session_settled (manager, 20000));
  session = inflow_window_get_session (window);
  profile = g_object_ref (inflow_session_get_profile (session));
  g_assert_true (inflow_test_wait_until (observations_failed, database, 10000));
  ui_drain_main_context ();

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_test_message ("Banner: %s", gtk_label_get_label (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), path));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "full"));
  g_assert_true (inflow_test_wait_until (is_shown, label, 5000));
  g_assert_cmpuint (n_shown, ==, 1);

  /* Diagnostics: the rows that landed, and those that did not */
  n_written = inflow_database_get_n_observations_written (database);
  g_test_message ("Observations: %u written, %u failed", n_written,
                  inflow_database_get_n_observations_failed (database));
  diagnostics = inflow_diagnostics_new ();
  inflow_diagnostics_set_session (diagnostics, session);
  inflow_diagnostics_run (diagnostics);
  history = inflow_diagnostics_get_check (diagnostics, INFLOW_CHECK_HISTORY);
  g_test_message ("History: %s", inflow_diagnostic_check_get_detail (history));
  written = g_strdup_printf ("%u %s written in this run", n_written, n_written == 1 ? "was" : "were");
  g_assert_nonnull (strstr (inflow_diagnostic_check_get_detail (history), written));
  g_assert_nonnull (strstr (inflow_diagnostic_check_get_detail (history), "could not be saved"));
  g_assert_nonnull (strstr (inflow_diagnostic_check_get_detail (history), path));
  g_assert_cmpint (inflow_diagnostic_check_get_state (history), ==, INFLOW_CHECK_STATE_WARNING);

  /* Dismissed, it stays away while the problem lasts */
  gtk_widget_activate (ui_template_child (window, INFLOW_TYPE_WINDOW, "storage_dismiss"));
  g_assert_true (inflow_test_wait_until (banner_hidden, banner, 5000));
  g_usleep (1100 * 1000);
  refresh (session);
  ui_drain_main_context ();
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpuint (n_shown, ==, 1);

  /* Room again: the problem ends */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_usleep (1100 * 1000);
  refresh (session);
  ui_drain_main_context ();
  g_assert_null (inflow_profile_manager_get_storage_problem (manager));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  g_clear_object (&diagnostics);
  inflow_window_set_profile_manager (window, NULL);
  ui_remove_profile (manager, profile);
  g_assert_finalize_object (g_steal_pointer (&manager));
  ui_drain_main_context ();
  ui_close_database (database);
  g_clear_object (&database);
  inflow_test_unmount (folder);
}

int
main (int   argc,
      char *argv[])
{
  /* Before any thread */
  inflow_test_enter_mount_namespace ();
  ui_support_init (&argc, &argv);

  g_test_add ("/ui/storage/read-only", UiFixture, NULL, ui_fixture_setup, test_read_only, ui_fixture_teardown);
  g_test_add ("/ui/storage/full", UiFixture, NULL, ui_fixture_setup, test_full, ui_fixture_teardown);

  return ui_support_run ();
}
