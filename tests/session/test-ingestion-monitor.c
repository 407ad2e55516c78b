/* test-ingestion-monitor.c: the ingestion monitor against the simulator over loopback
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs a simulator on 127.0.0.1 with its clock stopped and moves
 * the clock itself, so what is due when is deterministic; the monitor is
 * told to plan after each step (poll_now) and the test waits until its
 * requests are answered.
 */

#include "config.h"

#include <string.h>

#include "inflow-api-error.h"
#include "inflow-cost-probe.h"
#include "inflow-database.h"
#include "inflow-ingestion-detail.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-poll-scheduler.h"
#include "inflow-profile.h"
#include "inflow-server-clock.h"
#include "inflow-session.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"

#define TOKEN "vntg_tkn_monitor_6b1d3f5a7c9e2d4f"

typedef struct
{
  InflowSimulator        *sim;
  InflowClient           *client;
  InflowDatabase         *database;
  InflowProfile          *profile;
  InflowSession          *session;
  InflowIngestionMonitor *monitor;
  char                   *db_path;
  GPtrArray              *events;    /* "kind:token" */
} Fixture;

static void
event_cb (InflowIngestionMonitor   *monitor,
          InflowIngestionEventKind  kind,
          InflowIngestionItem      *item,
          Fixture                  *fixture)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (INFLOW_TYPE_INGESTION_EVENT_KIND);

  g_ptr_array_add (fixture->events, g_strdup_printf ("%s:%s", g_enum_get_value (klass, kind)->value_nick,
                                                     inflow_ingestion_item_get_token (item)));
}

static guint
count_events (Fixture    *fixture,
              const char *kind,
              const char *token)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", kind, token);
  guint n = 0;

  for (guint i = 0; i < fixture->events->len; i++)
    n += g_str_equal (g_ptr_array_index (fixture->events, i), key);

  return n;
}

static InflowDatabase *
open_database (const char *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  InflowDatabase *database;

  inflow_database_open_async (path, NULL, inflow_test_store_result_cb, &result);
  database = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return database;
}

static void
close_database (InflowDatabase *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_database_close_async (database, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_database_close_finish (database, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
new_monitor (Fixture  *fixture,
             gboolean  with_database)
{
  g_clear_object (&fixture->monitor);
  g_clear_object (&fixture->session);

  if (with_database)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      fixture->database = open_database (fixture->db_path);
      inflow_database_save_profile_async (fixture->database, fixture->profile, NULL,
                                          inflow_test_store_result_cb, &result);
      g_assert_true (inflow_database_save_profile_finish (fixture->database, inflow_test_wait_result (&result), &error));
      g_assert_no_error (error);
    }

  fixture->session = inflow_session_new (fixture->profile, fixture->client, fixture->database);
  fixture->monitor = inflow_ingestion_monitor_new (fixture->session);
  g_signal_connect (fixture->monitor, "event", G_CALLBACK (event_cb), fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_strdup_printf ("monitor-%u", ++counter);

  fixture->sim = inflow_simulator_new (11, 0, 0);
  inflow_simulator_set_tokens (fixture->sim, TOKEN, NULL);
  inflow_simulator_set_time_scale (fixture->sim, 0);
  inflow_simulator_listen (fixture->sim, 0, &error);
  g_assert_no_error (error);

  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->sim), TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (fixture->client, 2, 2);

  fixture->profile = inflow_profile_new ("Meridian Test", inflow_simulator_get_base_url (fixture->sim));
  fixture->db_path = g_build_filename (g_get_user_data_dir (), folder, "inflow.db", NULL);
  fixture->events = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->monitor != NULL)
    inflow_ingestion_monitor_stop (fixture->monitor);
  g_clear_object (&fixture->monitor);
  if (fixture->session != NULL)
    inflow_session_close (fixture->session);
  g_clear_object (&fixture->session);
  if (fixture->database != NULL)
    close_database (fixture->database);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->profile);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);

  /* Let cancelled requests finish their callbacks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
monitor_is_idle (gpointer data)
{
  InflowIngestionMonitor *monitor = data;

  return !inflow_ingestion_monitor_get_busy (monitor) && inflow_ingestion_monitor_get_history_loaded (monitor);
}

/* Moves the simulator's clock on, lets the monitor plan and waits for its
 * answers (a planning cycle may lead to another: list, then probes). */
static void
learn_clock (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The client learns the server's time from answers: a ping tells it the
   * clock jumped (in real life time flows, and every answer tells). */
  inflow_client_ping_async (fixture->client, NULL, inflow_test_store_result_cb, &result);
  inflow_client_ping_finish (fixture->client, inflow_test_wait_result (&result), &error);
}

static void
step (Fixture   *fixture,
      GTimeSpan  span)
{
  if (span > 0)
    {
      inflow_simulator_advance_clock (fixture->sim, span);
      learn_clock (fixture);
    }

  for (guint i = 0; i < 4; i++)
    {
      inflow_ingestion_monitor_poll_now (fixture->monitor);
      g_assert_true (inflow_test_wait_until (monitor_is_idle, fixture->monitor, 10000));
    }
}

static InflowIngestionItem *
awaiting_item (Fixture *fixture)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);

  return inflow_ingestion_monitor_lookup (fixture->monitor, token);
}

static gboolean
has_probed_awaiting (gpointer data)
{
  Fixture *fixture = data;
  InflowIngestionItem *item = awaiting_item (fixture);

  return item != NULL && inflow_ingestion_item_get_last_probed_at (item) != NULL;
}

/* Runs the clock on in small steps until the awaiting integration was
 * probed (it goes first: it is in a watched phase and never probed). */
static void
run_until_awaiting_probed (Fixture *fixture)
{
  inflow_ingestion_monitor_start (fixture->monitor);
  g_assert_true (inflow_test_wait_until (monitor_is_idle, fixture->monitor, 10000));

  for (guint i = 0; i < 20 && !has_probed_awaiting (fixture); i++)
    step (fixture, 30 * G_TIME_SPAN_SECOND);

  g_assert_true (has_probed_awaiting (fixture));
}

static void
test_first_cur (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
  g_autoptr(GDateTime) first_cur = NULL;
  g_autoptr(GDateTime) now = NULL;
  InflowIngestionItem *item;
  const InflowFeatureSet *features;

  new_monitor (fixture, FALSE);
  run_until_awaiting_probed (fixture);

  item = awaiting_item (fixture);
  g_assert_nonnull (item);
  g_assert_true (inflow_ingestion_item_get_tracked (item));
  g_assert_cmpint (inflow_ingestion_item_get_phase (item), ==, INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR);
  g_assert_cmpint (inflow_ingestion_item_get_verdict (item)->cur_state, ==, INFLOW_INGESTION_CUR_STATE_AWAITING);
  g_assert_nonnull (inflow_ingestion_item_get_verdict (item)->expected_by);
  features = inflow_ingestion_item_get_features (item);
  g_assert_cmpint (features->items[INFLOW_INGESTION_FEATURE_AUTOPILOT].state, ==, INFLOW_FEATURE_STATE_UNAVAILABLE);
  g_assert_cmpuint (inflow_ingestion_monitor_get_phase_count (fixture->monitor,
                                                              INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR), >=, 1);
  g_assert_cmpuint (count_events (fixture, "first-cur", token), ==, 0);

  /* Just after the first CUR arrives */
  first_cur = inflow_simulator_dup_first_cur_time (fixture->sim, token);
  now = inflow_simulator_dup_now (fixture->sim);
  g_assert_cmpint (g_date_time_compare (first_cur, now), >, 0);
  step (fixture, g_date_time_difference (first_cur, now) + 5 * G_TIME_SPAN_MINUTE);

  for (guint i = 0; i < 10 && inflow_ingestion_item_get_phase (item) != INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED; i++)
    step (fixture, 5 * G_TIME_SPAN_MINUTE);

  g_assert_cmpint (inflow_ingestion_item_get_phase (item), ==, INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED);
  g_assert_nonnull (inflow_ingestion_item_get_verdict (item)->first_cur_at);
  g_assert_nonnull (inflow_ingestion_item_get_verdict (item)->first_cur_not_before);
  g_assert_cmpuint (count_events (fixture, "first-cur", token), ==, 1);
  features = inflow_ingestion_item_get_features (item);
  g_assert_cmpint (features->items[INFLOW_INGESTION_FEATURE_AUTOPILOT].state, ==, INFLOW_FEATURE_STATE_AVAILABLE);
  g_assert_cmpint (features->items[INFLOW_INGESTION_FEATURE_COST_REPORTS].state, ==, INFLOW_FEATURE_STATE_AVAILABLE);

  /* Hours later, still told once. */
  for (guint i = 0; i < 6; i++)
    step (fixture, 40 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (count_events (fixture, "first-cur", token), ==, 1);

  /* The demo keeps its history in memory. */
  g_assert_false (inflow_ingestion_monitor_get_stores_history (fixture->monitor));
  g_assert_cmpuint (inflow_ingestion_monitor_get_n_observations_written (fixture->monitor), ==, 0);
}

static char *
detail_text (InflowIngestionDetail *detail,
             const char            *name)
{
  char *text = NULL;

  g_object_get (detail, name, &text, NULL);

  return text;
}

/* The Ingestion pane's words, without a widget. */
static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  const char *azure_token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_IMPORTING);
  g_autoptr(InflowIngestionDetail) detail = inflow_ingestion_detail_new ();
  g_autofree char *page = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *awaiting_text = NULL;
  g_autofree char *connected = NULL;
  gboolean awaiting = FALSE;
  InflowIngestionItem *item;

  new_monitor (fixture, FALSE);
  run_until_awaiting_probed (fixture);
  item = awaiting_item (fixture);

  inflow_ingestion_detail_set_monitor (detail, fixture->monitor);
  g_assert_true (inflow_ingestion_detail_get_monitor (detail) == fixture->monitor);
  page = detail_text (detail, "page");
  g_assert_cmpstr (page, ==, "none");
  g_clear_pointer (&page, g_free);

  /* Awaiting its first CUR: the account, why the wait, when connected. */
  inflow_ingestion_detail_set_item (detail, item);
  g_assert_true (inflow_ingestion_detail_get_item (detail) == item);
  page = detail_text (detail, "page");
  title = detail_text (detail, "title");
  subtitle = detail_text (detail, "subtitle");
  awaiting_text = detail_text (detail, "awaiting-text");
  connected = detail_text (detail, "connected");
  g_object_get (detail, "awaiting", &awaiting, NULL);
  g_test_message ("%s — %s; %s; %s", title, subtitle, awaiting_text, connected);
  g_assert_cmpstr (page, ==, "detail");
  g_assert_cmpstr (title, ==, inflow_ingestion_item_get_title (item));
  g_assert_nonnull (strstr (subtitle, inflow_ingestion_item_get_account_id (item)));
  g_assert_true (awaiting);
  g_assert_nonnull (awaiting_text);
  g_assert_nonnull (connected);
  g_clear_pointer (&page, g_free);

  /* Another integration: its words replace the first's. */
  inflow_ingestion_detail_set_item (detail, inflow_ingestion_monitor_lookup (fixture->monitor, azure_token));
  g_clear_pointer (&title, g_free);
  title = detail_text (detail, "title");
  g_object_get (detail, "awaiting", &awaiting, NULL);
  g_assert_cmpstr (title, !=, inflow_ingestion_item_get_title (item));
  g_assert_false (awaiting);

  /* None: no pane. */

  inflow_ingestion_detail_set_item (detail, NULL);
  page = detail_text (detail, "page");
  g_assert_cmpstr (page, ==, "none");
}

static void
test_budget (Fixture       *fixture,
             gconstpointer  data)
{
  InflowPollPlanner *planner;
  InflowPollStats stats;
  guint budget = 12;
  guint n_costs, n_lists, n_all;

  new_monitor (fixture, FALSE);
  planner = inflow_ingestion_monitor_get_planner (fixture->monitor);
  inflow_poll_planner_set_budget (planner, budget);
  inflow_simulator_reset_request_counts (fixture->sim);

  inflow_ingestion_monitor_start (fixture->monitor);
  g_assert_true (inflow_test_wait_until (monitor_is_idle, fixture->monitor, 10000));

  /* Just under an hour, in 10-second steps: every AWS integration wants a
   * probe and the list wants a refresh every 15 minutes. */
  for (guint i = 0; i < 350; i++)
    {
      inflow_simulator_advance_clock (fixture->sim, 10 * G_TIME_SPAN_SECOND);
      learn_clock (fixture);
      inflow_ingestion_monitor_poll_now (fixture->monitor);
      g_assert_true (inflow_test_wait_until (monitor_is_idle, fixture->monitor, 10000));
    }

  n_costs = inflow_simulator_get_request_count (fixture->sim, "/v2/costs");
  n_lists = inflow_simulator_get_request_count (fixture->sim, "/v2/integrations");
  n_all = n_costs + n_lists;
  g_test_message ("%u requests: %u lists, %u cost probes", n_all, n_lists, n_costs);

  g_assert_cmpuint (n_costs, >, 0);
  g_assert_cmpuint (n_lists, >, 0);
  g_assert_cmpuint (n_all, <=, budget);

  /* Planned against actual, as the diagnostics page shows them */
  inflow_ingestion_monitor_get_request_stats (fixture->monitor, &stats, NULL);
  g_assert_cmpuint (stats.actual_last_hour, ==, n_all + stats.other_last_hour);
  g_assert_cmpuint (stats.planned_last_hour, ==, n_all);
  g_assert_cmpuint (stats.planned_probes_last_hour, ==, n_costs);
  g_assert_cmpuint (stats.rate_limited_last_hour, ==, 0);
}

static gboolean
history_has_earlier (InflowIngestionItem *item,
                     GDateTime           *before)
{
  const InflowIngestionObservation *observations;
  guint n;

  observations = inflow_ingestion_item_get_observations (item, &n);
  for (guint i = 0; i < n; i++)
    {
      if (observations[i].probed && g_date_time_compare (observations[i].observed_at, before) < 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
  g_autoptr(GDateTime) restart = NULL;
  InflowIngestionItem *item;
  guint written;

  new_monitor (fixture, TRUE);
  g_assert_true (inflow_ingestion_monitor_get_stores_history (fixture->monitor));
  run_until_awaiting_probed (fixture);
  for (guint i = 0; i < 3; i++)
    step (fixture, 30 * G_TIME_SPAN_MINUTE);

  written = inflow_ingestion_monitor_get_n_observations_written (fixture->monitor);
  g_test_message ("%u observations written", written);
  g_assert_cmpuint (written, >, 0);

  /* Quit: the writes finish before the database closes. */
  inflow_ingestion_monitor_stop (fixture->monitor);
  g_clear_object (&fixture->monitor);
  inflow_session_close (fixture->session);
  g_clear_object (&fixture->session);
  close_database (fixture->database);
  g_clear_object (&fixture->database);

  /* Start again, an hour later, on the same file. */
  inflow_simulator_advance_clock (fixture->sim, G_TIME_SPAN_HOUR);
  restart = inflow_simulator_dup_now (fixture->sim);
  new_monitor (fixture, TRUE);
  inflow_ingestion_monitor_start (fixture->monitor);
  g_assert_true (inflow_test_wait_until (monitor_is_idle, fixture->monitor, 10000));
  g_assert_true (inflow_ingestion_monitor_get_history_loaded (fixture->monitor));

  item = inflow_ingestion_monitor_lookup (fixture->monitor, token);
  g_assert_nonnull (item);
  g_assert_true (history_has_earlier (item, restart));

  /* The verdict knows from the history that the first CUR is awaited:
   * probes found no resource-level rows. */
  g_assert_cmpint (inflow_ingestion_item_get_verdict (item)->cur_state, ==, INFLOW_INGESTION_CUR_STATE_AWAITING);

  /* Nothing was news at the restart. */
  g_assert_cmpuint (fixture->events->len, ==, 0);
}

static void
test_status_events (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char *already = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_ERROR);
  InflowIngestionItem *item;

  new_monitor (fixture, FALSE);
  run_until_awaiting_probed (fixture);

  /* An integration in error from the start is not news. */
  g_assert_cmpint (inflow_ingestion_item_get_phase (inflow_ingestion_monitor_lookup (fixture->monitor, already)), ==,
                   INFLOW_INGESTION_PHASE_ERROR);
  g_assert_cmpuint (count_events (fixture, "error", already), ==, 0);

  item = inflow_ingestion_monitor_lookup (fixture->monitor, token);
  g_assert_nonnull (item);
  g_assert_cmpint (inflow_ingestion_item_get_phase (item), !=, INFLOW_INGESTION_PHASE_ERROR);

  /* Error: told once, however many refreshes see it. */
  g_assert_true (inflow_simulator_set_integration_status (fixture->sim, token, "error"));
  for (guint i = 0; i < 3; i++)
    {
      inflow_ingestion_monitor_refresh (fixture->monitor);
      step (fixture, 16 * G_TIME_SPAN_MINUTE);
    }
  g_assert_cmpint (inflow_ingestion_item_get_phase (item), ==, INFLOW_INGESTION_PHASE_ERROR);
  g_assert_cmpuint (count_events (fixture, "error", token), ==, 1);

  /* Disconnected: a new event */
  g_assert_true (inflow_simulator_set_integration_status (fixture->sim, token, "disconnected"));
  for (guint i = 0; i < 2; i++)
    step (fixture, 16 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (inflow_ingestion_item_get_phase (item), ==, INFLOW_INGESTION_PHASE_DISCONNECTED);
  g_assert_cmpuint (count_events (fixture, "disconnected", token), ==, 1);
  g_assert_cmpuint (count_events (fixture, "error", token), ==, 1);

  /* Error again after something else: a new episode */
  g_assert_true (inflow_simulator_set_integration_status (fixture->sim, token, "error"));
  for (guint i = 0; i < 2; i++)
    step (fixture, 16 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (count_events (fixture, "error", token), ==, 2);

  /* The status changes are in the history for the timeline. */
  {
    const InflowIngestionObservation *observations;
    guint n, n_error = 0;

    observations = inflow_ingestion_item_get_observations (item, &n);
    for (guint i = 0; i < n; i++)
      n_error += observations[i].status == INFLOW_INGESTION_STATUS_ERROR;
    g_assert_cmpuint (n_error, >=, 2);
  }
}

static void
test_lookup_and_summary (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *govcloud = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_GOVCLOUD);
  const char *no_workspace = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char *importing = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_IMPORTING);
  GListModel *items;
  guint total = 0, n_tracked = 0;

  new_monitor (fixture, FALSE);
  run_until_awaiting_probed (fixture);

  items = inflow_ingestion_monitor_get_items (fixture->monitor);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 40);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, i);

      n_tracked += inflow_ingestion_item_get_tracked (item);
      g_assert_true (inflow_ingestion_monitor_lookup (fixture->monitor, inflow_ingestion_item_get_token (item)) == item);
    }
  for (guint p = 0; p < INFLOW_INGESTION_N_PHASES; p++)
    total += inflow_ingestion_monitor_get_phase_count (fixture->monitor, p);
  g_assert_cmpuint (total, ==, n_tracked);
  g_assert_cmpuint (inflow_ingestion_monitor_get_n_tracked (fixture->monitor), ==, n_tracked);

  g_assert_null (inflow_ingestion_monitor_lookup (fixture->monitor, "accss_crdntl_unknown"));
  g_assert_false (inflow_ingestion_item_get_tracked (inflow_ingestion_monitor_lookup (fixture->monitor, importing)));

  /* In no workspace: the cost API cannot be asked, and the item says so. */
  g_assert_nonnull (inflow_ingestion_item_get_note (inflow_ingestion_monitor_lookup (fixture->monitor, no_workspace)));
  g_assert_null (inflow_ingestion_item_get_last_probed_at (inflow_ingestion_monitor_lookup (fixture->monitor, no_workspace)));
  g_assert_true (inflow_ingestion_item_get_tracked (inflow_ingestion_monitor_lookup (fixture->monitor, govcloud)));

  g_assert_nonnull (inflow_ingestion_monitor_get_as_of (fixture->monitor));
  g_assert_cmpint (inflow_ingestion_monitor_get_connection_state (fixture->monitor), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_false (inflow_ingestion_monitor_get_loading (fixture->monitor));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

static guint
sum_watched_phases (InflowIngestionMonitor *monitor)
{
  guint n = 0;

  for (guint p = 0; p < INFLOW_INGESTION_N_PHASES; p++)
    if (inflow_ingestion_phase_is_watched (p))
      n += inflow_ingestion_monitor_get_phase_count (monitor, p);

  return n;
}

/* What is worth watching with no window open, and the line that says it. */
static void
test_watched (Fixture       *fixture,
              gconstpointer  data)
{
  const char *awaiting = inflow_simulator_get_notable_integration (fixture->sim, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
  g_autofree char *summary = NULL;
  GListModel *items;
  guint n_notify = 0;

  new_monitor (fixture, FALSE);
  g_assert_cmpuint (inflow_ingestion_monitor_get_n_watched (fixture->monitor), ==, 0);
  g_assert_null (inflow_ingestion_monitor_dup_watch_summary (fixture->monitor));
  g_signal_connect (fixture->monitor, "notify::n-watched", G_CALLBACK (count_notify_cb), &n_notify);
  run_until_awaiting_probed (fixture);

  /* The scenario has late, stale, erroring and awaiting integrations. */
  g_assert_cmpuint (inflow_ingestion_monitor_get_n_watched (fixture->monitor), >, 1);
  g_assert_cmpuint (inflow_ingestion_monitor_get_n_watched (fixture->monitor), ==, sum_watched_phases (fixture->monitor));
  g_assert_cmpuint (n_notify, >=, 1);
  summary = inflow_ingestion_monitor_dup_watch_summary (fixture->monitor);
  {
    g_autofree char *expected = g_strdup_printf ("Watching %u integrations",
                                                 inflow_ingestion_monitor_get_n_watched (fixture->monitor));

    g_assert_cmpstr (summary, ==, expected);
  }
  g_clear_pointer (&summary, g_free);

  /* Everything but the awaiting one is disconnected (only the user can
   * reconnect those): one first report is left to wait for. */
  items = inflow_ingestion_monitor_get_items (fixture->monitor);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, i);
      const char *token = inflow_ingestion_item_get_token (item);

      if (!g_str_equal (token, awaiting) && inflow_ingestion_phase_is_watched (inflow_ingestion_item_get_phase (item)))
        g_assert_true (inflow_simulator_set_integration_status (fixture->sim, token, "disconnected"));
    }
  inflow_ingestion_monitor_refresh (fixture->monitor);
  step (fixture, G_TIME_SPAN_MINUTE);

  g_assert_cmpuint (inflow_ingestion_monitor_get_n_watched (fixture->monitor), ==, 1);
  summary = inflow_ingestion_monitor_dup_watch_summary (fixture->monitor);
  g_assert_cmpstr (summary, ==, "Waiting for 1 first report");

  /* Nothing left: no line. */
  n_notify = 0;
  g_assert_true (inflow_simulator_set_integration_status (fixture->sim, awaiting, "disconnected"));
  inflow_ingestion_monitor_refresh (fixture->monitor);
  step (fixture, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (inflow_ingestion_monitor_get_n_watched (fixture->monitor), ==, 0);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_null (inflow_ingestion_monitor_dup_watch_summary (fixture->monitor));
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  new_monitor (fixture, FALSE);
  run_until_awaiting_probed (fixture);

  /* The API goes away: the items stay with their "as of" time. */
  inflow_simulator_add_fault (fixture->sim, NULL, "/v2/", INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 0);
  inflow_ingestion_monitor_refresh (fixture->monitor);
  step (fixture, 16 * G_TIME_SPAN_MINUTE);

  g_assert_cmpint (inflow_ingestion_monitor_get_connection_state (fixture->monitor), ==, INFLOW_CONNECTION_OFFLINE);
  g_assert_nonnull (inflow_ingestion_monitor_get_last_error (fixture->monitor));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_ingestion_monitor_get_items (fixture->monitor)), ==, 40);
  g_assert_nonnull (inflow_ingestion_monitor_get_as_of (fixture->monitor));

  /* Back: online again at the next refresh. */
  inflow_simulator_clear_faults (fixture->sim);
  inflow_ingestion_monitor_refresh (fixture->monitor);
  step (fixture, G_TIME_SPAN_MINUTE);
  g_assert_cmpint (inflow_ingestion_monitor_get_connection_state (fixture->monitor), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_null (inflow_ingestion_monitor_get_last_error (fixture->monitor));
}

static void
test_shared (Fixture       *fixture,
             gconstpointer  data)
{
  InflowIngestionMonitor *shared;

  fixture->session = inflow_session_new (fixture->profile, fixture->client, NULL);
  shared = inflow_session_get_ingestion_monitor (fixture->session);
  g_assert_nonnull (shared);
  g_assert_true (inflow_session_get_ingestion_monitor (fixture->session) == shared);
  g_assert_true (inflow_ingestion_monitor_get_running (shared));
  g_assert_true (inflow_ingestion_monitor_get_session (shared) == fixture->session);

  /* Closing the session stops it. */
  inflow_session_close (fixture->session);
  g_assert_false (inflow_ingestion_monitor_get_running (shared));

  /* The session owns it, and it does not keep the session alive. */
  g_object_add_weak_pointer (G_OBJECT (shared), (gpointer *) &shared);
  g_clear_object (&fixture->session);
  g_assert_null (shared);
}

/* The monitor's parts on their own: the server clock, the scheduler and the
 * cost probe. */

static GTimeSpan
abs_span (GTimeSpan span)
{
  return span < 0 ? -span : span;
}

static void
test_server_clock (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(InflowServerClock) clock = inflow_server_clock_new (fixture->client);
  g_autoptr(GDateTime) sim_now = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GDateTime) real_now = NULL;
  g_autoptr(GDateTime) real_before = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) again = NULL;

  /* No answer yet: the offset is not known, the rate is real time. */
  g_assert_false (inflow_server_clock_get_reached (clock));
  g_assert_false (inflow_server_clock_get_rate_known (clock));
  g_assert_cmpfloat (inflow_server_clock_get_rate (clock), ==, 1.0);

  /* An answer sets it to the simulator's clock (whole seconds in the Date
   * header), two days ahead of the computer's. */
  inflow_simulator_advance_clock (fixture->sim, 2 * G_TIME_SPAN_DAY);
  learn_clock (fixture);
  g_assert_true (inflow_server_clock_get_reached (clock));
  sim_now = inflow_simulator_dup_now (fixture->sim);
  now = inflow_server_clock_dup_now (clock);
  g_assert_cmpint (abs_span (g_date_time_difference (now, sim_now)), <=, 2 * G_TIME_SPAN_SECOND);
  real_now = g_date_time_new_now_utc ();
  g_assert_cmpint (abs_span (inflow_server_clock_get_offset (clock) - g_date_time_difference (sim_now, real_now)),
                   <=, 2 * G_TIME_SPAN_SECOND);

  /* Told the demo's pace: ten server seconds a real second. */
  inflow_server_clock_set_time_scale (clock, 10);
  g_assert_true (inflow_server_clock_get_rate_known (clock));
  g_assert_cmpfloat (inflow_server_clock_get_rate (clock), ==, 10.0);
  later = g_date_time_add_seconds (now, 10);
  g_assert_cmpint (inflow_server_clock_real_ms_until (clock, now, later), ==, 1000);
  g_assert_cmpint (inflow_server_clock_real_ms_until (clock, later, now), ==, 0);

  /* A time of the computer's clock a real second ago is ten server seconds
   * before the server's now. */
  real_before = g_date_time_add_seconds (real_now, -1);
  then = inflow_server_clock_to_server_time (clock, real_before);
  again = inflow_server_clock_dup_now (clock);
  g_assert_cmpint (abs_span (g_date_time_difference (again, then) - 10 * G_TIME_SPAN_SECOND), <=, G_TIME_SPAN_SECOND);

  /* It never goes back, not even when the server's clock does. */
  inflow_simulator_advance_clock (fixture->sim, -G_TIME_SPAN_DAY);
  learn_clock (fixture);
  {
    g_autoptr(GDateTime) after = inflow_server_clock_dup_now (clock);

    g_assert_cmpint (g_date_time_compare (after, again), >=, 0);
  }
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_scheduler (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(InflowServerClock) clock = inflow_server_clock_new (fixture->client);
  g_autoptr(InflowPollScheduler) scheduler = inflow_poll_scheduler_new (fixture->client, clock);
  g_autoptr(GError) network = g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK, "No route");
  g_autoptr(GError) refused = g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED, "Refused");
  g_autoptr(GError) limited = g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED, "Slow down");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "Other");
  guint due = 0;

  g_assert_nonnull (inflow_poll_scheduler_get_planner (scheduler));
  g_assert_cmpint (inflow_poll_scheduler_get_connection_state (scheduler), ==, INFLOW_CONNECTION_UNKNOWN);
  g_assert_false (inflow_poll_scheduler_get_backing_off (scheduler));

  /* The network fails: offline, backing off, the error kept. */
  inflow_poll_scheduler_failed (scheduler, network);
  g_assert_cmpint (inflow_poll_scheduler_get_connection_state (scheduler), ==, INFLOW_CONNECTION_OFFLINE);
  g_assert_true (inflow_poll_scheduler_get_backing_off (scheduler));
  g_assert_error (inflow_poll_scheduler_get_last_error (scheduler), INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);

  /* The user asks for fresh data: the back-off ends. */
  inflow_poll_scheduler_end_backoff (scheduler);
  g_assert_false (inflow_poll_scheduler_get_backing_off (scheduler));

  /* An answer: online, no error. */
  inflow_poll_scheduler_succeeded (scheduler);
  g_assert_cmpint (inflow_poll_scheduler_get_connection_state (scheduler), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_null (inflow_poll_scheduler_get_last_error (scheduler));

  /* A 429 is the planner's: no back-off, still online. */
  inflow_poll_scheduler_failed (scheduler, limited);
  g_assert_cmpint (inflow_poll_scheduler_get_connection_state (scheduler), ==, INFLOW_CONNECTION_ONLINE);
  g_assert_false (inflow_poll_scheduler_get_backing_off (scheduler));

  /* A refused token, then something else. */
  inflow_poll_scheduler_failed (scheduler, refused);
  g_assert_cmpint (inflow_poll_scheduler_get_connection_state (scheduler), ==, INFLOW_CONNECTION_UNAUTHORIZED);
  inflow_poll_scheduler_failed (scheduler, other);
  g_assert_cmpint (inflow_poll_scheduler_get_connection_state (scheduler), ==, INFLOW_CONNECTION_ERROR);

  /* The HTTP status the planner is told. */
  g_assert_cmpuint (inflow_poll_status_for_error (NULL), ==, 200);
  g_assert_cmpuint (inflow_poll_status_for_error (network), ==, 0);
  g_assert_cmpuint (inflow_poll_status_for_error (refused), ==, 401);
  g_assert_cmpuint (inflow_poll_status_for_error (limited), ==, 429);
  g_assert_cmpuint (inflow_poll_status_for_error (other), ==, 0);

  /* Not running: nothing is due; running: a cycle soon, once. */
  g_signal_connect_swapped (scheduler, "due", G_CALLBACK (count_cb), &due);
  inflow_poll_scheduler_soon (scheduler);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (due, ==, 0);
  inflow_poll_scheduler_set_running (scheduler, TRUE);
  inflow_poll_scheduler_soon (scheduler);
  inflow_poll_scheduler_soon (scheduler);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (due, ==, 1);
  inflow_poll_scheduler_set_running (scheduler, FALSE);
}

static InflowIntegration *
find_integration (GListModel *integrations,
                  const char *token)
{
  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_strcmp0 (inflow_integration_get_token (integration), token) == 0)
        return integration;
    }

  return NULL;
}

typedef struct
{
  gboolean   answered;
  GDateTime *newest;
  gboolean   resource_rows;
} ProbeAnswer;

static void
probe (Fixture           *fixture,
       InflowCostProbe   *cost_probe,
       InflowIntegration *integration,
       ProbeAnswer       *answer)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = inflow_simulator_dup_now (fixture->sim);
  g_autoptr(GError) error = NULL;

  inflow_cost_probe_run_async (cost_probe, integration, now, NULL, inflow_test_store_result_cb, &result);
  answer->answered = inflow_cost_probe_run_finish (cost_probe, inflow_test_wait_result (&result),
                                                   &answer->newest, &answer->resource_rows, &error);
  g_assert_no_error (error);
}

static void
test_cost_probe (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(InflowCostProbe) cost_probe = inflow_cost_probe_new (fixture->client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GDateTime) now = inflow_simulator_dup_now (fixture->sim);
  g_autoptr(GError) error = NULL;
  InflowIntegration *management, *awaiting, *stale, *no_workspace, *azure;
  ProbeAnswer answer = { 0 };

  inflow_client_list_integrations_async (fixture->client, NULL, NULL, NULL, inflow_test_store_result_cb, &result);
  integrations = inflow_client_list_integrations_finish (fixture->client, inflow_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);

#define NOTABLE(kind) find_integration (integrations, inflow_simulator_get_notable_integration (fixture->sim, kind))
  management = NOTABLE (INFLOW_SIM_NOTABLE_MANAGEMENT);
  awaiting = NOTABLE (INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
  stale = NOTABLE (INFLOW_SIM_NOTABLE_STALE);
  no_workspace = NOTABLE (INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  azure = NOTABLE (INFLOW_SIM_NOTABLE_IMPORTING);
#undef NOTABLE

  /* What stands in the way: no workspace; not AWS is not probed at all. */
  g_assert_null (inflow_cost_probe_get_obstacle (management));
  g_assert_nonnull (inflow_cost_probe_get_obstacle (no_workspace));
  g_assert_null (inflow_cost_probe_get_obstacle (azure));

  /* The management account: today's or yesterday's costs, by resource. */
  probe (fixture, cost_probe, management, &answer);
  g_assert_true (answer.answered);
  g_assert_nonnull (answer.newest);
  g_assert_cmpint (g_date_time_difference (now, answer.newest), <, 2 * G_TIME_SPAN_DAY);
  g_assert_true (answer.resource_rows);
  g_clear_pointer (&answer.newest, g_date_time_unref);

  /* Stale: its newest day 3-6 days old. */
  probe (fixture, cost_probe, stale, &answer);
  g_assert_true (answer.answered);
  g_assert_nonnull (answer.newest);
  g_assert_cmpint (g_date_time_difference (now, answer.newest), >=, 2 * G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_difference (now, answer.newest), <=, 7 * G_TIME_SPAN_DAY);
  g_clear_pointer (&answer.newest, g_date_time_unref);

  /* Awaiting its first CUR: nothing by resource yet. */
  probe (fixture, cost_probe, awaiting, &answer);
  g_assert_true (answer.answered);
  g_assert_false (answer.resource_rows);
  g_clear_pointer (&answer.newest, g_date_time_unref);

  /* In no workspace: refused before asking. */
  g_clear_object (&result);
  inflow_cost_probe_run_async (cost_probe, no_workspace, now, NULL, inflow_test_store_result_cb, &result);
  g_assert_false (inflow_cost_probe_run_finish (cost_probe, inflow_test_wait_result (&result), &answer.newest,
                                                &answer.resource_rows, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (answer.newest);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ingestion-monitor/first-cur", test_first_cur);
  ADD ("/ingestion-monitor/budget", test_budget);
  ADD ("/ingestion-monitor/history", test_history);
  ADD ("/ingestion-monitor/status-events", test_status_events);
  ADD ("/ingestion-monitor/lookup-and-summary", test_lookup_and_summary);
  ADD ("/ingestion-monitor/watched", test_watched);
  ADD ("/ingestion-monitor/offline", test_offline);
  ADD ("/ingestion-monitor/shared", test_shared);
  ADD ("/ingestion-monitor/server-clock", test_server_clock);
  ADD ("/ingestion-monitor/scheduler", test_scheduler);
  ADD ("/ingestion-monitor/cost-probe", test_cost_probe);
  ADD ("/ingestion-monitor/detail", test_detail);
#undef ADD

  return inflow_test_run ();
}
