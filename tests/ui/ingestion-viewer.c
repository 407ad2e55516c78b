/* ingestion-viewer.c: the Ingestion section on a simulator, for screenshots
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: runs the simulator in-process with a fast virtual clock,
 * shows the Ingestion view (or the diagnostics page) in a window laid out
 * like Inflow's, selects an integration and keeps running, so that
 * `import -window root` can take a picture under Xvfb:
 *
 *   xvfb-run -s "-screen 0 1100x720x24" sh -c \
 *     'build/tests/ui/ingestion-viewer --select awaiting & sleep 12; import -window root shot.png'
 *
 * ADW_DEBUG_COLOR_SCHEME=prefer-dark shows the dark style.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "inflow-diagnostics-page.h"
#include "inflow-ingestion-view.h"
#include "inflow-profile.h"
#include "inflow-simulator.h"

static int width = 1100;
static int height = 720;
static char *select_which = NULL;
static char *page = NULL;
static double scale = 600;
static double advance_hours = 0;
static int run_seconds = 0;
static gboolean sidebar = TRUE;
static double awaiting_hours = 0;

static const GOptionEntry entries[] = {
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
  { "select", 0, 0, G_OPTION_ARG_STRING, &select_which,
    "awaiting, stale, error, management, govcloud, pending or received", "WHICH" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &page, "ingestion (default) or diagnostics", "PAGE" },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Virtual seconds per real second", "SCALE" },
  { "advance", 0, 0, G_OPTION_ARG_DOUBLE, &advance_hours, "Move the virtual clock on first", "HOURS" },
  { "seconds", 0, 0, G_OPTION_ARG_INT, &run_seconds, "Quit after this long", "S" },
  { "awaiting-hours", 0, 0, G_OPTION_ARG_DOUBLE, &awaiting_hours,
    "Move the clock to this long after the awaiting integration was connected", "HOURS" },
  { "no-sidebar", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &sidebar, "Without the sidebar", NULL },
  { NULL }
};

typedef struct
{
  InflowSimulator     *sim;
  InflowSession       *session;
  InflowIngestionView *view;
  const char          *token;
  gboolean             wait_first_cur;
} Viewer;

static GtkWidget *
sidebar_row (const char *icon,
             const char *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));

  return box;
}

static GtkWidget *
make_sidebar (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_widget_set_size_request (box, 240, -1);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Inflow", "Meridian Holdings (demo)"));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_widget_set_vexpand (list, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), sidebar_row ("document-open-recent-symbolic", _("Ingestion")));
  gtk_list_box_append (GTK_LIST_BOX (list), sidebar_row ("network-server-symbolic", _("Integrations")));
  gtk_list_box_append (GTK_LIST_BOX (list), sidebar_row ("view-list-symbolic", _("Accounts")));
  gtk_list_box_append (GTK_LIST_BOX (list), sidebar_row ("system-users-symbolic", _("Workspace Access")));
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), list);

  return box;
}

static gboolean
select_cb (gpointer data)
{
  Viewer *viewer = data;
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (viewer->session);
  InflowIngestionItem *item = inflow_ingestion_monitor_lookup (monitor, viewer->token);

  if (item == NULL || inflow_ingestion_item_get_last_probed_at (item) == NULL)
    return G_SOURCE_CONTINUE;

  if (viewer->wait_first_cur)
    {
      g_autoptr(GDateTime) first_cur = inflow_simulator_dup_first_cur_time (viewer->sim, viewer->token);
      g_autoptr(GDateTime) now = inflow_simulator_dup_now (viewer->sim);

      if (inflow_ingestion_item_get_phase (item) != INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED)
        {
          if (g_date_time_difference (first_cur, now) > 30 * G_TIME_SPAN_MINUTE)
            inflow_simulator_advance_clock (viewer->sim, g_date_time_difference (first_cur, now) - 30 * G_TIME_SPAN_MINUTE);
          return G_SOURCE_CONTINUE;
        }
      viewer->wait_first_cur = FALSE;
    }

  inflow_ingestion_view_select_integration (viewer->view, viewer->token);
  return G_SOURCE_REMOVE;
}

static gboolean
run_checks_cb (gpointer data)
{
  gtk_widget_activate_action (data, "diagnostics.run", NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GtkApplication *app,
             Viewer         *viewer)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = NULL;
  g_autoptr(InflowClient) client = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *body;

  viewer->sim = inflow_simulator_new (1, 0, 0);
  inflow_simulator_set_time_scale (viewer->sim, scale);
  if (advance_hours > 0)
    inflow_simulator_advance_clock (viewer->sim, (GTimeSpan) (advance_hours * G_TIME_SPAN_HOUR));
  if (!inflow_simulator_listen (viewer->sim, 0, &error))
    g_error ("%s", error->message);

  if (awaiting_hours > 0)
    {
      const char *token = inflow_simulator_get_notable_integration (viewer->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
      g_autoptr(GDateTime) first_cur = inflow_simulator_dup_first_cur_time (viewer->sim, token);
      g_autoptr(GDateTime) now = inflow_simulator_dup_now (viewer->sim);
      GTimeSpan span = MIN ((GTimeSpan) (awaiting_hours * G_TIME_SPAN_HOUR),
                            g_date_time_difference (first_cur, now) - G_TIME_SPAN_HOUR);

      if (span > 0)
        inflow_simulator_advance_clock (viewer->sim, span);
    }

  client = inflow_client_new (inflow_simulator_get_base_url (viewer->sim), "demo-token", &error);
  g_assert_no_error (error);
  profile = inflow_profile_new_demo (inflow_simulator_get_base_url (viewer->sim));
  viewer->session = inflow_session_new (profile, client, NULL);
  /* As after a sign-in: the lists, with the accounts' names */
  inflow_session_refresh_async (viewer->session, NULL, NULL, NULL);

  gtk_widget_set_hexpand (content, TRUE);
  inflow_ingestion_monitor_set_time_scale (inflow_session_get_ingestion_monitor (viewer->session), scale);

  if (g_strcmp0 (page, "diagnostics") == 0)
    {
      /* The page has its header bar */
      gtk_window_set_title (GTK_WINDOW (window), _("Diagnostics"));
      body = inflow_diagnostics_page_new ();
      inflow_diagnostics_page_set_session (INFLOW_DIAGNOSTICS_PAGE (body), viewer->session);
      gtk_widget_set_vexpand (body, TRUE);
      gtk_box_append (GTK_BOX (content), body);
      g_timeout_add_seconds (6, run_checks_cb, body);
      sidebar = FALSE;
    }
  else
    {
      header = adw_header_bar_new ();
      gtk_box_append (GTK_BOX (content), header);
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Ingestion"), NULL));
      viewer->view = INFLOW_INGESTION_VIEW (inflow_ingestion_view_new ());
      gtk_widget_set_vexpand (GTK_WIDGET (viewer->view), TRUE);
      gtk_box_append (GTK_BOX (content), GTK_WIDGET (viewer->view));
      inflow_ingestion_view_set_session (viewer->view, viewer->session);

      if (g_strcmp0 (select_which, "stale") == 0)
        viewer->token = inflow_simulator_get_notable_integration (viewer->sim, INFLOW_SIM_NOTABLE_STALE);
      else if (g_strcmp0 (select_which, "error") == 0)
        viewer->token = inflow_simulator_get_notable_integration (viewer->sim, INFLOW_SIM_NOTABLE_ERROR);
      else if (g_strcmp0 (select_which, "management") == 0)
        viewer->token = inflow_simulator_get_notable_integration (viewer->sim, INFLOW_SIM_NOTABLE_MANAGEMENT);
      else if (g_strcmp0 (select_which, "govcloud") == 0)
        viewer->token = inflow_simulator_get_notable_integration (viewer->sim, INFLOW_SIM_NOTABLE_GOVCLOUD);
      else if (g_strcmp0 (select_which, "pending") == 0)
        viewer->token = inflow_simulator_get_notable_integration (viewer->sim, INFLOW_SIM_NOTABLE_PENDING);
      else if (g_strcmp0 (select_which, "none") != 0)
        {
          viewer->token = inflow_simulator_get_notable_integration (viewer->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
          viewer->wait_first_cur = g_strcmp0 (select_which, "received") == 0;
        }

      if (viewer->token != NULL)
        g_timeout_add (200, select_cb, viewer);
    }

  if (sidebar)
    {
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

      adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
      gtk_widget_add_css_class (separator, "sidebar");
      adw_leaflet_append (ADW_LEAFLET (leaflet), make_sidebar ());
      adw_leaflet_page_set_navigatable (adw_leaflet_append (ADW_LEAFLET (leaflet), separator), FALSE);
      adw_leaflet_append (ADW_LEAFLET (leaflet), content);
      adw_leaflet_set_visible_child (ADW_LEAFLET (leaflet), content);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), leaflet);
    }
  else
    {
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
    }

  if (gtk_window_get_title (GTK_WINDOW (window)) == NULL)
    gtk_window_set_title (GTK_WINDOW (window), "Inflow");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  if (run_seconds > 0)
    g_timeout_add_seconds (run_seconds, quit_cb, app);
}

GResource *inflow_get_resource (void);

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  Viewer viewer = { 0, };
  int status;

  g_assert_nonnull (inflow_get_resource ());
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  app = adw_application_new ("io.github.inflowapp.Inflow.Viewer", G_APPLICATION_NON_UNIQUE);
  /* Inflow's resources, with its style sheet */
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE_PATH);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &viewer);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  if (viewer.session != NULL)
    inflow_session_close (viewer.session);
  g_clear_object (&viewer.session);
  g_clear_object (&viewer.sim);

  return status;
}
