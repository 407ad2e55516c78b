/* views-fixture.c: a simulator, a signed-in session and a window for the view tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-resources.h"
#include "inflow-test-utils.h"
#include "inflow-view-utils.h"
#include "ui-window.h"
#include "views-fixture.h"

static ViewsFixture *current;

/* Links are recorded, not launched */
static void
record_uri (GtkWindow  *parent,
            const char *uri)
{
  g_ptr_array_add (current->opened, g_strdup (uri));
}

static void
record_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  ViewsFixture *fixture = data;

  g_ptr_array_add (fixture->activated,
                   g_strdup_printf ("%s:%s", g_action_get_name (G_ACTION (action)),
                                    parameter != NULL ? g_variant_get_string (parameter, NULL) : ""));
}

void
views_fixture_start (ViewsFixture *fixture,
                     guint         n_integrations,
                     guint         n_accounts,
                     const char   *token)
{
  static const char * const actions[] = {
    "monitor-ingestion", "show-access", "update-permissions", "request-backfill", "connect-aws",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  GSimpleActionGroup *group;

  /* Links the compiled resources in (their constructor registers them). */
  g_assert_nonnull (inflow_get_resource ());

  /* The application loads the style sheet; the tests do it themselves. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->opened = g_ptr_array_new_with_free_func (g_free);
  current = fixture;
  inflow_view_set_uri_handler (record_uri);
  fixture->simulator = inflow_simulator_new (42, n_integrations, n_accounts);
  g_assert_true (inflow_simulator_listen (fixture->simulator, 0, &error));
  g_assert_no_error (error);

  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->simulator),
                                       token != NULL ? token : "demo-token", &error);
  g_assert_no_error (error);
  profile = inflow_profile_new_demo (inflow_simulator_get_base_url (fixture->simulator));
  fixture->session = inflow_session_new (profile, fixture->client, NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  group = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (actions[i], G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (record_action_cb), fixture);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  g_object_unref (group);
}

void
views_fixture_show (ViewsFixture *fixture,
                    GtkWidget    *view,
                    int           width,
                    int           height)
{
  g_assert_null (fixture->view);
  fixture->view = g_object_ref (view);
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, view);
  gtk_window_present (fixture->window);
  views_fixture_settle ();
}

void
views_fixture_refresh (ViewsFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &result);
  inflow_test_wait_result (&result);
  g_assert_true (inflow_session_refresh_finish (fixture->session, result, &error));
  g_assert_no_error (error);
  views_fixture_settle ();
}

typedef struct
{
  ViewsFixture *fixture;
  int           width;
} WidthWait;

static gboolean
view_fits (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->fixture->view) <= wait->width + 1;
}

/* Makes the window @width wide and waits until the view is no wider. */
void
views_fixture_resize (ViewsFixture *fixture,
                      int           width)
{
  WidthWait wait = { fixture, width };

  g_assert_true (ui_resize_window_until (fixture->window, width, 720, view_fits, &wait));
  views_fixture_settle ();
}

void
views_fixture_stop (ViewsFixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  views_fixture_settle ();
  /* Nothing keeps a view alive once its window is gone (as GNOME Console's tests check) */
  if (fixture->view != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->view));

  inflow_session_close (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  views_fixture_settle ();
  g_clear_object (&fixture->simulator);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  g_clear_pointer (&fixture->opened, g_ptr_array_unref);
  inflow_view_set_uri_handler (NULL);
  current = NULL;
}

void
views_fixture_wait (gboolean (*check) (gpointer data),
                    gpointer   data)
{
  g_assert_true (inflow_test_wait_until (check, data, 20000));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms (a user's pause between two clicks). */
void
views_fixture_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets idles, layout and drawing run for a moment. */
void
views_fixture_settle (void)
{
  views_fixture_run_for (150);
}

gboolean
views_fixture_was_activated (ViewsFixture *fixture,
                             const char   *action,
                             const char   *parameter)
{
  g_autofree char *entry = g_strdup_printf ("%s:%s", action, parameter);

  for (guint i = 0; i < fixture->activated->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (fixture->activated, i), entry))
        return TRUE;
    }

  return FALSE;
}

/* The first mapped label under @root whose text contains @text_part. */
GtkWidget *
views_fixture_find_label (GtkWidget  *root,
                          const char *text_part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text_part) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = views_fixture_find_label (child, text_part);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first mapped widget of @type under @root that @match accepts */
GtkWidget *
views_fixture_find_widget (GtkWidget  *root,
                           GType       type,
                           gboolean  (*match) (GtkWidget *widget,
                                               gpointer   data),
                           gpointer    data)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_get_mapped (root) &&
      (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = views_fixture_find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A child of the shown view's template (a widget or an object) */
gpointer
views_fixture_child (ViewsFixture *fixture,
                     const char   *name)
{
  GObject *child = gtk_widget_get_template_child (fixture->view, G_OBJECT_TYPE (fixture->view), name);

  g_assert_nonnull (child);
  return child;
}

/* Types @text into the view's search entry @entry_name, as a user would:
 * the entry's "search-changed" comes after its typing delay. */
void
views_fixture_type (ViewsFixture *fixture,
                    const char   *entry_name,
                    const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (views_fixture_child (fixture, entry_name)), text);
}

gboolean
views_fixture_was_opened (ViewsFixture *fixture,
                          const char   *uri)
{
  return g_ptr_array_find_with_equal_func (fixture->opened, uri, g_str_equal, NULL);
}

GtkWindow *
views_fixture_find_toplevel (GType type)
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

/* The integration's workspace_tokens in the simulator, joined with ",". */
char *
views_fixture_dup_workspaces (ViewsFixture *fixture,
                              const char   *integration_token)
{
  g_autofree char *json = inflow_simulator_dup_integration_json (fixture->simulator, integration_token);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  JsonArray *array;

  if (json == NULL)
    return NULL;

  node = json_from_string (json, NULL);
  g_assert_nonnull (node);
  array = json_object_get_array_member (json_node_get_object (node), "workspace_tokens");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, json_array_get_string_element (array, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* With INFLOW_SCREENSHOT_DIR set, saves the X screen (Xvfb) there. */
void
views_fixture_screenshot (const char *name)
{
  const char *dir = g_getenv ("INFLOW_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;

  views_fixture_settle ();
  views_fixture_settle ();
  path = g_build_filename (dir, name, NULL);
  {
    g_autoptr(GtkWindow) window = g_list_model_get_item (gtk_window_get_toplevels (), 0);

    /* Without a window manager the window sits at the top left corner. */
    command = g_strdup_printf ("import -window root -crop %dx%d+0+0 '%s'",
                               gtk_widget_get_width (GTK_WIDGET (window)),
                               gtk_widget_get_height (GTK_WIDGET (window)), path);
  }
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}
