/* test-german.c: the application in German, with the demo
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program runs with LANGUAGE=de (the test setup's C.UTF-8 locale lets
 * gettext honour it) and the catalogue built into the build folder, the
 * one meson installs. The window must show German section titles, and a
 * plural form for one and for two selected integrations.
 *
 * With INFLOW_SCREENSHOT_DIR set, it also saves every section of the demo
 * at 1100 and at 400 pixels wide, as de-SECTION-WIDTH.png, to look at the
 * layouts with the longer German words.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "inflow-access-view.h"
#include "inflow-application.h"
#include "inflow-connect-assistant.h"
#include "inflow-ingestion-item.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-integrations-view.h"
#include "inflow-test-utils.h"
#include "inflow-window.h"
#include "session-ui-support.h"
#include "ui-window.h"
#include "views-fixture.h"

static InflowApplication *application;

static gboolean
app_ready (gpointer data)
{
  return inflow_application_get_ready (data);
}

static gboolean
window_has_demo (gpointer data)
{
  InflowSession *session = inflow_window_get_session (data);

  return session != NULL && inflow_profile_get_is_demo (inflow_session_get_profile (session));
}

static InflowWindow *
activate_and_wait (void)
{
  InflowWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = INFLOW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_true (INFLOW_IS_WINDOW (window));
  g_assert_true (inflow_test_wait_until (app_ready, application, 10000));

  return window;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return views_fixture_find_label (wait->root, wait->text) != NULL;
}

static void
assert_label_shown (GtkWidget  *root,
                    const char *text)
{
  LabelWait wait = { root, text };

  if (!inflow_test_wait_until (label_is_shown, &wait, 20000))
    g_error ("No label shows “%s”", text);
}

static gboolean
access_list_has_rows (gpointer data)
{
  GListModel *selection = G_LIST_MODEL (gtk_widget_get_template_child (data, INFLOW_TYPE_ACCESS_VIEW, "selection"));

  return g_list_model_get_n_items (selection) >= 2;
}

static const struct
{
  const char *section;
  const char *title;
} sections[] = {
  { "ingestion", "Datenimport" },
  { "integrations", "Integrationen" },
  { "accounts", "Konten" },
  { "access", "Zugriff auf Arbeitsbereiche" },
};

/* The window's default size counts its decorations: at 1100 it is some
 * pixels narrower than that. */
static gboolean
window_is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 401;
}

static gboolean
window_is_wide (gpointer data)
{
  return gtk_widget_get_width (data) >= 1080;
}

/* The window takes @width: no German word holds any section wider. With
 * INFLOW_SCREENSHOT_DIR set, each section is saved at that width. */
static void
test_welcome (void)
{
  InflowWindow *window = activate_and_wait ();

  assert_label_shown (GTK_WIDGET (window), "Willkommen bei Inflow");
  assert_label_shown (GTK_WIDGET (window), "Mit einem API-Token _anmelden");
  views_fixture_screenshot ("de-welcome-1100.png");
  g_assert_true (ui_resize_window_until (GTK_WINDOW (window), 400, 720, window_is_narrow, window));
  views_fixture_screenshot ("de-welcome-400.png");

  ui_destroy_all_windows ();
}

/* The window takes @width from the section it shows (the sections it does
 * not show must not hold it wider either: the Integrations section's page
 * comes last), then shows each section and the page of an integration. With
 * INFLOW_SCREENSHOT_DIR set, each is saved at that width. */
static void
show_sections_at (InflowWindow *window,
                  int           width)
{
  guint pause = g_getenv ("INFLOW_SCREENSHOT_DIR") != NULL ? 1500 : 150;

  g_assert_true (ui_resize_window_until (GTK_WINDOW (window), width, 720,
                                         width < 600 ? window_is_narrow : window_is_wide, window));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strdup_printf ("de-%s-%d.png", sections[i].section, width);

      inflow_window_set_section (window, sections[i].section);
      /* Folded, the window shows the section instead of the sidebar */
      adw_leaflet_navigate (ADW_LEAFLET (ui_template_child (window, INFLOW_TYPE_WINDOW, "leaflet")),
                            ADW_NAVIGATION_DIRECTION_FORWARD);
      views_fixture_run_for (pause);
      views_fixture_screenshot (name);
    }

  /* The page of the first integration the monitor lists */
  {
    GListModel *items = inflow_ingestion_monitor_get_items (inflow_session_get_ingestion_monitor (inflow_window_get_session (window)));
    g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, 0);
    g_autofree char *name = g_strdup_printf ("de-integration-page-%d.png", width);

    inflow_window_set_section (window, "integrations");
    g_assert_true (inflow_integrations_view_show_integration (INFLOW_INTEGRATIONS_VIEW (ui_template_child (window, INFLOW_TYPE_WINDOW, "integrations_view")),
                                                              inflow_ingestion_item_get_token (item)));
    views_fixture_run_for (pause);
    views_fixture_screenshot (name);
    inflow_integrations_view_show_list (INFLOW_INTEGRATIONS_VIEW (ui_template_child (window, INFLOW_TYPE_WINDOW, "integrations_view")));
  }
}

static void
test_demo (void)
{
  InflowWindow *window = activate_and_wait ();
  GtkStack *stack = GTK_STACK (ui_template_child (window, INFLOW_TYPE_WINDOW, "stack"));
  GtkWidget *sidebar = ui_template_child (window, INFLOW_TYPE_WINDOW, "sidebar");
  GtkWidget *access_view = ui_template_child (window, INFLOW_TYPE_WINDOW, "access_view");
  GtkSelectionModel *selection;
  GtkLabel *selection_label;
  GtkWidget *assistant;

  g_action_group_activate_action (G_ACTION_GROUP (application), "demo", NULL);
  g_assert_true (inflow_test_wait_until (window_has_demo, window, 10000));

  /* The section titles, on the stack's pages and in the sidebar */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkStackPage *page = gtk_stack_get_page (stack, gtk_stack_get_child_by_name (stack, sections[i].section));

      g_assert_cmpstr (gtk_stack_page_get_title (page), ==, sections[i].title);
      assert_label_shown (sidebar, sections[i].title);
    }

  /* A plural form for one and for two selected integrations */
  inflow_window_set_section (window, "access");
  g_assert_true (inflow_test_wait_until (access_list_has_rows, access_view, 20000));
  selection = GTK_SELECTION_MODEL (gtk_widget_get_template_child (access_view, INFLOW_TYPE_ACCESS_VIEW, "selection"));
  selection_label = GTK_LABEL (ui_template_child (access_view, INFLOW_TYPE_ACCESS_VIEW, "selection_label"));
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_cmpstr (gtk_label_get_label (selection_label), ==, "1 Integration ausgewählt");
  gtk_selection_model_select_item (selection, 1, FALSE);
  g_assert_cmpstr (gtk_label_get_label (selection_label), ==, "2 Integrationen ausgewählt");
  gtk_selection_model_unselect_all (selection);

  show_sections_at (window, 1100);
  show_sections_at (window, 400);

  /* Connect AWS opens on its first step, in German too */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-aws", "s", "management");
  g_assert_true (ui_wait_toplevel (INFLOW_TYPE_CONNECT_ASSISTANT, 5000));
  assistant = GTK_WIDGET (ui_find_toplevel (INFLOW_TYPE_CONNECT_ASSISTANT));
  g_assert_true (ui_resize_window_until (GTK_WINDOW (assistant), 400, 720, window_is_narrow, assistant));
  assert_label_shown (assistant, "Was Vantage sehen wird");
  views_fixture_run_for (1000);
  views_fixture_screenshot ("de-connect-aws-400.png");

  ui_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any string is looked up; the test setup's LC_ALL is C.UTF-8 */
  g_setenv ("LANGUAGE", "de", TRUE);
  inflow_test_init (&argc, &argv);
  bindtextdomain (GETTEXT_PACKAGE, INFLOW_PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();

  application = inflow_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (application)));

  g_test_add_func ("/ui/german/welcome", test_welcome);
  g_test_add_func ("/ui/german/demo", test_demo);

  status = inflow_test_run ();
  g_clear_object (&application);

  return status;
}
