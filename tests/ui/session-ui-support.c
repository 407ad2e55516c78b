/* session-ui-support.c: fixtures of the sign-in and profile UI tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-ingestion-item.h"
#include "inflow-test-utils.h"
#include "session-ui-support.h"

/* One application per program: a GApplication registers once. */
static InflowApplication *application;

void
ui_support_init (int    *argc,
                 char ***argv)
{
  inflow_test_init (argc, argv);
  gtk_init ();
  adw_init ();

  application = inflow_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (application)));
}

int
ui_support_run (void)
{
  int status = inflow_test_run ();

  g_clear_object (&application);
  return status;
}

/* Synchronous storage helpers */

InflowDatabase *
ui_open_database (const char *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  InflowDatabase *database;

  inflow_database_open_async (path, NULL, inflow_test_store_result_cb, &result);
  database = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return database;
}

void
ui_close_database (InflowDatabase *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_database_close_async (database, NULL, inflow_test_store_result_cb, &result);
  inflow_database_close_finish (database, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

GListModel *
ui_stored_profiles (InflowDatabase *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *profiles;

  inflow_database_list_profiles_async (database, NULL, inflow_test_store_result_cb, &result);
  profiles = inflow_database_list_profiles_finish (database, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return profiles;
}

InflowMe *
ui_sign_in (InflowProfileManager  *manager,
            const char            *name,
            const char            *token,
            const char            *base_url,
            GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_profile_manager_sign_in_async (manager, name, token, base_url, FALSE, NULL,
                                        inflow_test_store_result_cb, &result);
  return inflow_profile_manager_sign_in_finish (manager, inflow_test_wait_result (&result), error);
}

/* Reads the stored profiles and activates the last used, as at startup */
void
ui_load (InflowProfileManager *manager)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_profile_manager_load_async (manager, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_load_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* The profile and its token go */
void
ui_remove_profile (InflowProfileManager *manager,
                   InflowProfile        *profile)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_profile_manager_remove_async (manager, profile, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_remove_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* Only the token goes: the profile stays, without it */
void
ui_clear_token (InflowTokenStore *store,
                const char       *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_token_store_clear_async (store, profile_id, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_token_store_clear_finish (store, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

void
ui_drain_main_context (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* Fixture */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

InflowWindow *
ui_fixture_new_window (UiFixture            *fixture,
                       InflowProfileManager *manager)
{
  InflowWindow *window = inflow_window_new (GTK_APPLICATION (application));

  inflow_window_set_profile_manager (window, manager);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (inflow_test_wait_until (is_mapped, window, 5000));

  return window;
}

void
ui_fixture_setup (UiFixture     *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *uuid2 = g_uuid_string_random ();
  g_autofree char *folder = g_uuid_string_random ();

  fixture->token = g_strconcat ("vntg_tkn_ui_", uuid, NULL);
  fixture->read_token = g_strconcat ("vntg_tkn_ui_read_", uuid2, NULL);

  fixture->sim = inflow_simulator_new (11, 0, 0);
  inflow_simulator_set_tokens (fixture->sim, fixture->token, fixture->read_token);
  g_assert_true (inflow_simulator_listen (fixture->sim, 0, &error));
  g_assert_no_error (error);
  fixture->base_url = g_strdup (inflow_simulator_get_base_url (fixture->sim));

  fixture->db_path = g_build_filename (g_get_user_data_dir (), folder, "inflow.db", NULL);
  fixture->database = ui_open_database (fixture->db_path);
  fixture->store = inflow_token_store_new ();
  fixture->manager = inflow_profile_manager_new (fixture->database, fixture->store);
  fixture->window = ui_fixture_new_window (fixture, fixture->manager);
}

/* Every profile goes, so the keyring keeps nothing of the test. */
void
ui_remove_all_profiles (InflowProfileManager *manager)
{
  GListModel *profiles = inflow_profile_manager_get_profiles (manager);

  while (g_list_model_get_n_items (profiles) > 0)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (profiles, 0);

      ui_remove_profile (manager, profile);
    }
}

void
ui_fixture_teardown (UiFixture     *fixture,
                     gconstpointer  data)
{
  /* Every window and dialog the test opened goes, and is freed */
  ui_destroy_all_windows ();

  ui_remove_all_profiles (fixture->manager);
  g_clear_object (&fixture->manager);
  ui_drain_main_context ();
  ui_close_database (fixture->database);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->sim);
  ui_drain_main_context ();
  g_clear_pointer (&fixture->base_url, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->read_token, g_free);
}

void
ui_fixture_stop_simulator (UiFixture *fixture)
{
  g_clear_object (&fixture->sim);
  ui_drain_main_context ();
}

/* Widgets */

/* The widget under @root (itself included) with this id in its template. */
GtkWidget *
ui_find_by_id (GtkWidget  *root,
               const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
ui_find_by_type (GtkWidget *root,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_is_mapped (gpointer data)
{
  GtkWindow *window = ui_find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

gboolean
ui_wait_toplevel (GType type,
                  guint timeout_ms)
{
  return inflow_test_wait_until (toplevel_is_mapped, GSIZE_TO_POINTER (type), timeout_ms);
}

/* Visible and in a mapped window: what a user can see (not scrolled to). */
gboolean
ui_is_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_mapped (widget) && gtk_widget_is_drawable (widget);
}

/* Whether @menu or one of its sections has an item with this label. */
gboolean
ui_menu_has_label (GMenuModel *menu,
                   const char *label)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_strcmp0 (text, label) == 0)
        return TRUE;

      if (section != NULL && ui_menu_has_label (section, label))
        return TRUE;
    }

  return FALSE;
}

/* Waiting */

typedef struct
{
  InflowWindow *window;
  const char   *page;
} PageWait;

/* What @window shows: "loading", "welcome" or "main" */
const char *
ui_window_page (InflowWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ui_template_child (window, INFLOW_TYPE_WINDOW, "main_stack")));
}

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (ui_window_page (wait->window), wait->page) == 0;
}

gboolean
ui_wait_page (InflowWindow *window,
              const char   *page,
              guint         timeout_ms)
{
  PageWait wait = { window, page };

  return inflow_test_wait_until (page_is, &wait, timeout_ms);
}

typedef struct
{
  GtkLabel   *label;
  const char *substring;
} LabelWait;

static gboolean
label_has (gpointer data)
{
  LabelWait *wait = data;

  return strstr (gtk_label_get_label (wait->label), wait->substring) != NULL;
}

gboolean
ui_wait_label (GtkLabel   *label,
               const char *substring,
               guint       timeout_ms)
{
  LabelWait wait = { label, substring };

  return inflow_test_wait_until (label_has, &wait, timeout_ms);
}

static gboolean
session_settled (gpointer data)
{
  InflowSession *session = inflow_profile_manager_get_session (data);

  return session != NULL &&
         !inflow_session_get_refreshing (session) &&
         inflow_session_get_connection_state (session) != INFLOW_CONNECTION_UNKNOWN;
}

gboolean
ui_wait_session_settled (InflowProfileManager *manager,
                         guint                 timeout_ms)
{
  return inflow_test_wait_until (session_settled, manager, timeout_ms);
}

/* Keyring: the demo's tokens are "demo-" and a random UUID. */
gboolean
ui_keyring_holds_demo_token (void)
{
  g_autoptr(GPtrArray) secrets = inflow_test_keyring_secrets ();

  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      if (g_str_has_prefix (secret, "demo-") && g_uuid_string_is_valid (secret + strlen ("demo-")))
        return TRUE;
    }

  return FALSE;
}

/* The token of the integration the Ingestion section of @window shows. */
const char *
ui_ingestion_selected_token (InflowWindow *window)
{
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), INFLOW_TYPE_WINDOW, "ingestion_view"));
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (view, G_OBJECT_TYPE (view), "list_view"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  InflowIngestionItem *item = gtk_single_selection_get_selected_item (selection);

  return item != NULL ? inflow_ingestion_item_get_token (item) : NULL;
}

typedef struct
{
  InflowWindow *window;
  const char   *token;
} SelectionWait;

static gboolean
ingestion_shows (gpointer data)
{
  SelectionWait *wait = data;

  return g_strcmp0 (ui_ingestion_selected_token (wait->window), wait->token) == 0;
}

/* Whether the Ingestion section of @window comes to show @token's integration */
gboolean
ui_wait_ingestion_shows (InflowWindow *window,
                         const char   *token,
                         guint         timeout_ms)
{
  SelectionWait wait = { window, token };

  return inflow_test_wait_until (ingestion_shows, &wait, timeout_ms);
}
