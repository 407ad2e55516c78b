/* test-ingestion-view.c: the Ingestion section against the simulator, under a real X server
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs in this process on loopback with its virtual clock
 * sped up, as in the demo: the freshly connected integration visibly moves
 * from awaiting its first Cost and Usage Report to having received it, the
 * notification goes out (taken here from the notifier's signal, as the
 * application's notifier would send it) and the detail says so. The view is
 * tested through its template's widgets; every window, view and notifier a
 * test makes must be gone at its end.
 */

#include "config.h"

#include <adwaita.h>

#include "inflow-feature-table.h"
#include "inflow-ingestion-detail.h"
#include "inflow-ingestion-row.h"
#include "inflow-ingestion-view.h"
#include "inflow-notifier.h"
#include "inflow-profile.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"
#include "inflow-timeline.h"
#include "inflow-verdict-badge.h"
#include "ui-window.h"

#define TOKEN      "vntg_tkn_view_3f9a1c7e5b2d4a68"
#define TIME_SCALE 600.0

static AdwApplication *application;

typedef struct
{
  char *id;
  char *title;
  char *body;
} Sent;

typedef struct
{
  InflowSimulator     *sim;
  InflowClient        *client;
  InflowProfile       *profile;
  InflowSession       *session;
  GtkWindow           *window;
  InflowIngestionView *view;
  InflowNotifier      *notifier;
  GPtrArray           *sent;
} Fixture;

static void
sent_free (gpointer data)
{
  Sent *sent = data;

  g_free (sent->id);
  g_free (sent->title);
  g_free (sent->body);
  g_free (sent);
}

static gboolean
send_notification_cb (InflowNotifier *notifier,
                      const char     *id,
                      GNotification  *notification,
                      const char     *title,
                      const char     *body,
                      Fixture        *fixture)
{
  Sent *sent = g_new0 (Sent, 1);

  g_assert_true (G_IS_NOTIFICATION (notification));
  sent->id = g_strdup (id);
  sent->title = g_strdup (title);
  sent->body = g_strdup (body);

  g_test_message ("Notification %s: %s — %s", id, title, body);
  g_ptr_array_add (fixture->sent, sent);

  return TRUE;
}

static const Sent *
find_sent (Fixture    *fixture,
           const char *id)
{
  for (guint i = 0; i < fixture->sent->len; i++)
    {
      const Sent *sent = g_ptr_array_index (fixture->sent, i);

      if (g_str_equal (sent->id, id))
        return sent;
    }

  return NULL;
}

static guint
count_sent (Fixture    *fixture,
            const char *id)
{
  guint n = 0;

  for (guint i = 0; i < fixture->sent->len; i++)
    n += g_str_equal (((Sent *) g_ptr_array_index (fixture->sent, i))->id, id);

  return n;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = inflow_simulator_new (11, 0, 0);
  inflow_simulator_set_tokens (fixture->sim, TOKEN, NULL);
  inflow_simulator_listen (fixture->sim, 0, &error);
  g_assert_no_error (error);

  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->sim), TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (fixture->client, 2, 2);
  fixture->profile = inflow_profile_new ("Meridian Holdings", inflow_simulator_get_base_url (fixture->sim));
  fixture->sent = g_ptr_array_new_with_free_func (sent_free);

  fixture->window = g_object_ref (GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (application))));
  fixture->view = g_object_ref_sink (INFLOW_INGESTION_VIEW (inflow_ingestion_view_new ()));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_set_default_size (fixture->window, 1100, 720);
  gtk_window_present (fixture->window);
  g_assert_true (inflow_test_wait_until (widget_is_mapped, fixture->view, 5000));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* The window goes first: it lets go of its content when it goes */
  ui_destroy_and_finalize (fixture->window);
  g_assert_finalize_object (fixture->view);
  if (fixture->notifier != NULL)
    g_assert_finalize_object (fixture->notifier);
  if (fixture->session != NULL)
    inflow_session_close (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->profile);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->sent, g_ptr_array_unref);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static InflowIngestionMonitor *
start_session (Fixture *fixture)
{
  InflowIngestionMonitor *monitor;

  fixture->session = inflow_session_new (fixture->profile, fixture->client, NULL);
  inflow_ingestion_view_set_session (fixture->view, fixture->session);
  monitor = inflow_session_get_ingestion_monitor (fixture->session);

  /* As the application does for the open session; take its output. */
  fixture->notifier = inflow_notifier_new (G_APPLICATION (application));
  inflow_notifier_set_monitor (fixture->notifier, monitor);
  g_signal_connect (fixture->notifier, "send-notification", G_CALLBACK (send_notification_cb), fixture);

  return monitor;
}

typedef struct
{
  InflowIngestionMonitor *monitor;
  const char             *token;
  InflowIngestionPhase    phase;
  gboolean                probed;
} PhaseWait;

static gboolean
phase_is (gpointer data)
{
  PhaseWait *wait = data;
  InflowIngestionItem *item = inflow_ingestion_monitor_lookup (wait->monitor, wait->token);

  return item != NULL && inflow_ingestion_item_get_phase (item) == wait->phase &&
         (!wait->probed || inflow_ingestion_item_get_last_probed_at (item) != NULL);
}

static GtkWidget *
view_child (Fixture    *fixture,
            const char *name)
{
  return ui_template_child (fixture->view, INFLOW_TYPE_INGESTION_VIEW, name);
}

/* What the view shows: "no-session", "loading", "offline", "empty" or "content" */
static const char *
view_state (InflowIngestionView *view)
{
  GtkWidget *stack = ui_template_child (view, INFLOW_TYPE_INGESTION_VIEW, "state_stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
view_state_is_content (gpointer data)
{
  return g_strcmp0 (view_state (data), "content") == 0;
}

/* The list as shown, and the one selected */
static GtkSingleSelection *
list_selection (Fixture *fixture)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view_child (fixture, "list_view"))));
}

static const char *
selected_token (Fixture *fixture)
{
  InflowIngestionItem *item = gtk_single_selection_get_selected_item (list_selection (fixture));

  return item != NULL ? inflow_ingestion_item_get_token (item) : NULL;
}

/* The detail shows the selected item */
static InflowIngestionDetail *
view_detail (Fixture *fixture)
{
  GObject *detail = gtk_widget_get_template_child (GTK_WIDGET (fixture->view), INFLOW_TYPE_INGESTION_VIEW, "detail");

  g_assert_true (INFLOW_IS_INGESTION_DETAIL (detail));
  return INFLOW_INGESTION_DETAIL (detail);
}

static const char *
row_subtitle (Fixture    *fixture,
              const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (view_child (fixture, row)));
}

/* The list: AWS integrations only, most urgent first. */
static void
assert_most_urgent_first (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (list_selection (fixture));
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, inflow_ingestion_monitor_get_n_tracked (inflow_session_get_ingestion_monitor (fixture->session)));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) before = g_list_model_get_item (model, i - 1);
      g_autoptr(InflowIngestionItem) after = g_list_model_get_item (model, i);

      g_assert_true (inflow_ingestion_item_get_tracked (after));
      g_assert_cmpuint (inflow_ingestion_item_get_urgency (before), >=, inflow_ingestion_item_get_urgency (after));
    }
}

static void
test_first_cur (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
  g_autofree char *id = g_strdup_printf ("ingestion-first-cur-%s", token);
  g_autoptr(GDateTime) first_cur = NULL;
  g_autoptr(GDateTime) now = NULL;
  InflowIngestionMonitor *monitor;
  InflowTimeline *timeline;
  InflowIngestionItem *item;
  PhaseWait wait;
  const Sent *sent;

  /* The demo's pace: 10 virtual minutes a real second. The monitor learns
   * it from the server's Date header. */
  g_test_timer_start ();
  inflow_simulator_set_time_scale (fixture->sim, TIME_SCALE);
  monitor = start_session (fixture);
  g_assert_true (inflow_test_wait_until (view_state_is_content, fixture->view, 60000));

  /* Awaiting its first CUR, with an expected-by time */
  wait = (PhaseWait) { monitor, token, INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, TRUE };
  g_assert_true (inflow_test_wait_until (phase_is, &wait, 60000));
  g_test_message ("Awaiting after %.1f s", g_test_timer_elapsed ());
  g_assert_true (inflow_ingestion_view_select_integration (fixture->view, token));
  g_assert_cmpstr (selected_token (fixture), ==, token);
  assert_most_urgent_first (fixture);

  /* The detail and the timeline show it, and why the wait */
  item = inflow_ingestion_monitor_lookup (monitor, token);
  timeline = INFLOW_TIMELINE (view_child (fixture, "timeline"));
  g_assert_true (inflow_test_wait_until (widget_is_mapped, timeline, 5000));
  g_assert_true (inflow_ingestion_detail_get_item (view_detail (fixture)) == item);
  g_assert_true (inflow_timeline_get_item (timeline) == item);
  g_assert_nonnull (inflow_timeline_get_now (timeline));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (view_child (fixture, "reason_label"))), ==,
                   inflow_ingestion_item_get_verdict (item)->reason);
  g_test_message ("First CUR before: %s", row_subtitle (fixture, "first_cur_row"));
  g_assert_true (g_str_has_prefix (row_subtitle (fixture, "first_cur_row"), "Expected by "));
  g_assert_true (inflow_test_wait_until (widget_is_mapped, view_child (fixture, "awaiting_box"), 5000));
  g_assert_null (find_sent (fixture, id));

  /* Skip to a few virtual minutes before the first CUR; the clock runs on. */
  first_cur = inflow_simulator_dup_first_cur_time (fixture->sim, token);
  now = inflow_simulator_dup_now (fixture->sim);
  if (g_date_time_difference (first_cur, now) > 10 * G_TIME_SPAN_MINUTE)
    inflow_simulator_advance_clock (fixture->sim, g_date_time_difference (first_cur, now) - 10 * G_TIME_SPAN_MINUTE);

  wait.phase = INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED;
  g_assert_true (inflow_test_wait_until (phase_is, &wait, 120000));
  g_test_message ("Received after %.1f s", g_test_timer_elapsed ());

  /* The view shows it */
  g_assert_cmpstr (selected_token (fixture), ==, token);
  g_test_message ("First CUR after: %s", row_subtitle (fixture, "first_cur_row"));
  g_assert_true (g_str_has_prefix (row_subtitle (fixture, "first_cur_row"), "Seen "));
  g_assert_false (gtk_widget_get_visible (view_child (fixture, "awaiting_box")));
  g_assert_true (inflow_feature_table_get_item (INFLOW_FEATURE_TABLE (view_child (fixture, "feature_table"))) == item);
  g_assert_cmpint (inflow_ingestion_item_get_features (item)->items[INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER].state,
                   ==, INFLOW_FEATURE_STATE_AVAILABLE);

  /* One notification, naming the account and the organization, opening the integration */
  sent = find_sent (fixture, id);
  g_assert_nonnull (sent);
  g_assert_cmpuint (count_sent (fixture, id), ==, 1);
  g_assert_nonnull (strstr (sent->title, inflow_ingestion_item_get_title (item)));
  g_assert_nonnull (strstr (sent->body, inflow_ingestion_item_get_account_id (item)));
  g_assert_nonnull (strstr (sent->body, "Meridian Holdings"));
  g_assert_nonnull (strstr (sent->body, "Autopilot"));
  g_assert_null (strstr (sent->body, TOKEN));
}

static gboolean
timeline_is_narrow (gpointer data)
{
  GtkWidget *timeline = ui_template_child (data, INFLOW_TYPE_INGESTION_VIEW, "timeline");

  return gtk_widget_get_mapped (timeline) &&
         gtk_widget_get_width (timeline) > 0 &&
         gtk_widget_get_width (timeline) <= 360;
}

static gboolean
is_row_of (GtkWidget *widget,
           gpointer   item)
{
  return INFLOW_IS_INGESTION_ROW (widget) && inflow_ingestion_row_get_item (INFLOW_INGESTION_ROW (widget)) == item;
}

/* The row of @item, if the list view made one */
static GtkWidget *
selected_row (GtkWidget           *widget,
              InflowIngestionItem *item)
{
  return ui_find_widget (widget, is_row_of, item);
}

static gboolean
list_at_top (gpointer data)
{
  GtkWidget *scroller = view_child (data, "list_scroller");

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) == 0;
}

/* Whether the selected row is inside the list's scrolled window's view */
static gboolean
selected_row_shows (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *scroller = view_child (fixture, "list_scroller");
  InflowIngestionItem *item = gtk_single_selection_get_selected_item (list_selection (fixture));
  GtkWidget *row = item != NULL ? selected_row (scroller, item) : NULL;
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static void
test_show_integration (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_STALE);
  InflowIngestionMonitor *monitor;
  PhaseWait wait;

  inflow_simulator_set_time_scale (fixture->sim, TIME_SCALE);
  monitor = start_session (fixture);
  wait = (PhaseWait) { monitor, token, INFLOW_INGESTION_PHASE_CRITICAL, TRUE };
  if (!inflow_test_wait_until (phase_is, &wait, 60000))
    {
      wait.phase = INFLOW_INGESTION_PHASE_STALE;
      g_assert_true (inflow_test_wait_until (phase_is, &wait, 1000));
    }

  assert_most_urgent_first (fixture);

  /* Read from the top: the most urgent first, as the rows came and moved */
  g_assert_true (inflow_test_wait_until (list_at_top, fixture, 2000));

  /* What win.monitor-ingestion does (test-application follows a click on
   * a notification there) */
  g_assert_true (inflow_ingestion_view_select_integration (fixture->view, token));
  g_assert_cmpstr (selected_token (fixture), ==, token);

  /* The last row, far down the list: the list scrolls to it (the clock
   * stopped, so that the rows stay where they are) */
  inflow_simulator_set_time_scale (fixture->sim, 0);
  {
    GListModel *model = G_LIST_MODEL (list_selection (fixture));
    g_autoptr(InflowIngestionItem) last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);

    g_assert_true (inflow_ingestion_view_select_integration (fixture->view, inflow_ingestion_item_get_token (last)));
    g_assert_true (inflow_test_wait_until (selected_row_shows, fixture, 5000));
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (
                         GTK_SCROLLED_WINDOW (view_child (fixture, "list_scroller")))), >, 0);
  }
  g_assert_true (inflow_ingestion_view_select_integration (fixture->view, token));

  /* Narrow: the list and the detail stack, the detail in front; the
   * timeline stays. */
  g_assert_true (ui_resize_window_until (fixture->window, 360, 720, timeline_is_narrow, fixture->view));
  g_assert_cmpstr (selected_token (fixture), ==, token);
}

static gboolean
label_starts_with (GtkWidget *widget,
                   gpointer   prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static gboolean
is_image (GtkWidget *widget,
          gpointer   data)
{
  return GTK_IS_IMAGE (widget);
}

/* The scenario's Late and Stale integrations each show as such: their row's
 * words and severity badge, and a chip in the summary */
static void
test_late_and_stale (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { InflowSimNotable notable; InflowIngestionPhase phase; const char *words; } cases[] = {
    { INFLOW_SIM_NOTABLE_LATE, INFLOW_INGESTION_PHASE_LATE, "Late · " },
    { INFLOW_SIM_NOTABLE_STALE, INFLOW_INGESTION_PHASE_STALE, "Stale · " },
  };
  InflowIngestionMonitor *monitor;

  inflow_simulator_set_time_scale (fixture->sim, TIME_SCALE);
  monitor = start_session (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PhaseWait wait = { monitor, inflow_simulator_get_notable_integration (fixture->sim, cases[i].notable),
                         cases[i].phase, TRUE };

      g_assert_true (inflow_test_wait_until (phase_is, &wait, 60000));
    }
  /* The clock stopped: the rows stay as they are */
  inflow_simulator_set_time_scale (fixture->sim, 0);
  g_assert_true (inflow_test_wait_until (view_state_is_content, fixture->view, 10000));
  g_assert_true (inflow_test_wait_until (list_at_top, fixture, 2000));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *token = inflow_simulator_get_notable_integration (fixture->sim, cases[i].notable);
      const char *css_class = inflow_ingestion_severity_get_css_class (inflow_ingestion_phase_get_severity (cases[i].phase));
      InflowIngestionItem *item = inflow_ingestion_monitor_lookup (monitor, token);
      g_autofree char *chip = NULL;
      GtkWidget *row;

      g_assert_cmpint (inflow_ingestion_item_get_phase (item), ==, cases[i].phase);
      row = selected_row (view_child (fixture, "list_scroller"), item);
      g_assert_nonnull (row);
      g_assert_true (gtk_widget_get_mapped (row));
      g_assert_nonnull (ui_find_widget (row, label_starts_with, (gpointer) cases[i].words));
      g_assert_true (gtk_widget_has_css_class (ui_find_widget (row, is_image, NULL), css_class));

      chip = inflow_ingestion_phase_dup_count_label (cases[i].phase, 1);
      g_assert_cmpuint (inflow_ingestion_monitor_get_phase_count (monitor, cases[i].phase), ==, 1);
      g_assert_nonnull (ui_find_widget (view_child (fixture, "summary_chips"), label_starts_with, chip));
    }
}

static gboolean
view_state_is_offline (gpointer data)
{
  return g_strcmp0 (view_state (data), "offline") == 0;
}

static void
test_states (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_cmpstr (view_state (fixture->view), ==, "no-session");

  /* Vantage out of reach before anything was fetched */
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 0);
  start_session (fixture);
  g_assert_true (inflow_test_wait_until (view_state_is_offline, fixture->view, 60000));

  /* Back: the content */
  inflow_simulator_clear_faults (fixture->sim);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ingestion.refresh", NULL);
  g_assert_true (inflow_test_wait_until (view_state_is_content, fixture->view, 60000));

  /* No session again */
  inflow_ingestion_view_set_session (fixture->view, NULL);
  g_assert_cmpstr (view_state (fixture->view), ==, "no-session");
}

static void
test_notifications_off (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *error_id = g_strdup_printf ("ingestion-error-%s", token);
  g_autofree char *disconnected_id = g_strdup_printf ("ingestion-disconnected-%s", token);
  InflowIngestionMonitor *monitor;
  PhaseWait wait;

  inflow_simulator_set_time_scale (fixture->sim, TIME_SCALE);
  monitor = start_session (fixture);
  g_assert_true (inflow_test_wait_until (view_state_is_content, fixture->view, 60000));
  while (inflow_ingestion_monitor_get_busy (monitor) || inflow_ingestion_monitor_get_as_of (monitor) == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Turned off: nothing goes out */
  g_settings_set_boolean (settings, "notify-error", FALSE);
  g_assert_true (inflow_simulator_set_integration_status (fixture->sim, token, "error"));
  inflow_ingestion_monitor_refresh (monitor);
  wait = (PhaseWait) { monitor, token, INFLOW_INGESTION_PHASE_ERROR, FALSE };
  g_assert_true (inflow_test_wait_until (phase_is, &wait, 60000));
  g_assert_null (find_sent (fixture, error_id));
  g_assert_cmpuint (inflow_notifier_get_n_sent (fixture->notifier), ==, fixture->sent->len);

  /* Turned on again: the next change does */
  g_settings_set_boolean (settings, "notify-error", TRUE);
  g_assert_true (inflow_simulator_set_integration_status (fixture->sim, token, "disconnected"));
  inflow_ingestion_monitor_refresh (monitor);
  wait.phase = INFLOW_INGESTION_PHASE_DISCONNECTED;
  g_assert_true (inflow_test_wait_until (phase_is, &wait, 60000));
  g_assert_nonnull (find_sent (fixture, disconnected_id));
  g_assert_nonnull (strstr (find_sent (fixture, disconnected_id)->body, "Meridian Holdings"));
  g_assert_cmpuint (inflow_notifier_get_n_sent (fixture->notifier), ==, fixture->sent->len);

  g_settings_reset (settings, "notify-error");
}

GResource *inflow_get_resource (void);

/* As Inflow's: activating presents the window. */
static void
activate_cb (GtkApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window != NULL)
    gtk_window_present (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  /* Naming it links the compiled resources (and their registration) in. */
  g_assert_nonnull (inflow_get_resource ());

  application = adw_application_new ("io.github.inflowapp.Inflow.TestIngestion", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (application), RESOURCE_BASE_PATH);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add ("/ui/ingestion/first-cur", Fixture, NULL, fixture_setup, test_first_cur, fixture_teardown);
  g_test_add ("/ui/ingestion/show-integration", Fixture, NULL, fixture_setup, test_show_integration, fixture_teardown);
  g_test_add ("/ui/ingestion/late-and-stale", Fixture, NULL, fixture_setup, test_late_and_stale, fixture_teardown);
  g_test_add ("/ui/ingestion/states", Fixture, NULL, fixture_setup, test_states, fixture_teardown);
  g_test_add ("/ui/ingestion/notifications-off", Fixture, NULL, fixture_setup, test_notifications_off, fixture_teardown);

  status = inflow_test_run ();
  g_clear_object (&application);

  return status;
}
