/* test-window.c: the application shell under a real X server
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "inflow-application.h"
#include "inflow-preferences-window.h"
#include "inflow-test-utils.h"
#include "inflow-window.h"
#include "ui-window.h"

typedef struct
{
  InflowApplication *app;
  InflowWindow      *window;
} Fixture;

/* One application per program: a GApplication can register on the bus once. */
static InflowApplication *application;

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->app = application;
  g_application_activate (G_APPLICATION (fixture->app));

  fixture->window = INFLOW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (INFLOW_IS_WINDOW (fixture->window));
  g_assert_true (inflow_test_wait_until (window_is_mapped, fixture->window, 5000));
}

/* The window and the dialogs the test opened go, and are freed */
static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  ui_destroy_all_windows ();
}

/* Returns the first toplevel window of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

typedef struct
{
  GType type;
} ToplevelWait;

static gboolean
toplevel_is_shown (gpointer data)
{
  ToplevelWait *wait = data;
  GtkWindow *window = find_toplevel (wait->type);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const sections[] = { "ingestion", "integrations", "accounts", "access" };

  g_assert_cmpstr (inflow_window_get_section (fixture->window), ==, "ingestion");

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", sections[i]);
      g_assert_cmpstr (inflow_window_get_section (fixture->window), ==, sections[i]);
    }

  /* An unknown section leaves the window where it was, with a warning. */
  g_test_expect_message ("inflow-window", G_LOG_LEVEL_WARNING, "No section named*");
  inflow_window_set_section (fixture->window, "billing");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (inflow_window_get_section (fixture->window), ==, "access");
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  ToplevelWait wait;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  wait.type = ADW_TYPE_ABOUT_WINDOW;
  g_assert_true (inflow_test_wait_until (toplevel_is_shown, &wait, 5000));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (find_toplevel (wait.type))), ==, PACKAGE_VERSION);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL);
  wait.type = GTK_TYPE_SHORTCUTS_WINDOW;
  g_assert_true (inflow_test_wait_until (toplevel_is_shown, &wait, 5000));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  wait.type = INFLOW_TYPE_PREFERENCES_WINDOW;
  g_assert_true (inflow_test_wait_until (toplevel_is_shown, &wait, 5000));
}

typedef struct
{
  InflowWindow *window;
  int           width;
} WidthWait;

static gboolean
window_width_is (gpointer data)
{
  WidthWait *wait = data;

  int width = gtk_widget_get_width (GTK_WIDGET (wait->window));

  /* The size asked for holds the decorations too */
  return width > 0 && width <= wait->width + 1 && width >= wait->width - 20;
}

/* The welcome page fits GNOME's narrowest, 360 pixels; the window goes
 * down to 400 and grows again. The sections' folding is tested in
 * test-profiles, with a session. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  WidthWait wait = { fixture->window, 400 };
  int minimum;
  int widest = 0;

  gtk_widget_measure (ui_template_child (fixture->window, INFLOW_TYPE_WINDOW, "welcome_page"),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* Every section, and the window as a whole, fits 360 pixels too */
  for (GtkWidget *child = gtk_widget_get_first_child (ui_template_child (fixture->window, INFLOW_TYPE_WINDOW, "stack"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %d", G_OBJECT_TYPE_NAME (child), minimum);
      widest = MAX (widest, minimum);
    }
  g_assert_cmpint (widest, <=, 360);
  gtk_widget_measure (ui_template_child (fixture->window, INFLOW_TYPE_WINDOW, "leaflet"),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  wait.width = 360;
  g_assert_true (ui_resize_window_until (GTK_WINDOW (fixture->window), 360, 600, window_width_is, &wait));
  wait.width = 400;
  g_assert_true (ui_resize_window_until (GTK_WINDOW (fixture->window), 400, 600, window_width_is, &wait));
  wait.width = 1000;
  g_assert_true (ui_resize_window_until (GTK_WINDOW (fixture->window), 1000, 600, window_width_is, &wait));
}

static void
test_window_state_saved (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  g_object_ref (fixture->window);
  gtk_window_close (GTK_WINDOW (fixture->window));
  ui_destroy_and_finalize (GTK_WINDOW (fixture->window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  application = inflow_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (application)));

  g_test_add ("/ui/window/sections", Fixture, NULL, fixture_setup, test_sections, fixture_teardown);
  g_test_add ("/ui/window/dialogs", Fixture, NULL, fixture_setup, test_dialogs, fixture_teardown);
  g_test_add ("/ui/window/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/ui/window/state-saved", Fixture, NULL, fixture_setup, test_window_state_saved, fixture_teardown);

  status = inflow_test_run ();
  g_clear_object (&application);

  return status;
}
