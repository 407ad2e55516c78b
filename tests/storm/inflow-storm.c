/* inflow-storm.c: the application against a simulator that injects faults
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fault storm of build-aux/run-hardening (part "storm"). This program is
 * Inflow's application, run as app/main.c runs it, with an observer on its
 * main loop. It starts `inflow-sim --control` (a process of its own, over
 * loopback HTTP, its clock accelerated) and goes through four phases:
 *
 *   sign-in  signs in to the simulator as a real profile (token in the
 *            keyring, profile and lists in the database)
 *   warm-up  waits for the first complete refresh
 *   storm    turns on the simulator's chaos mode (a random fault for a
 *            share of the requests: 5xx, 429, slow, dropped, truncated,
 *            malformed) for --seconds; meanwhile it plays a user who changes
 *            section every few seconds, presses Refresh now and then, and in
 *            Workspace Access ticks and unticks check boxes, often two or
 *            three of one integration in a row (0 or 200 ms apart), and
 *            notes what each click asked for
 *   calm     turns chaos off and does nothing: the application must
 *            recover by itself within --recover-seconds, and then the
 *            Integrations view must show what the API says, workspaces
 *            included (checked with a client of its own against the
 *            fault-free simulator), and the API must have what the last
 *            click on each check box asked for, unless the application
 *            said that change failed: otherwise a change was lost
 *
 * Throughout, every 100 ms, it counts the windows open besides the main
 * window (a flood of dialogs fails the run) and follows the session's
 * connection state (error episodes and recoveries).
 *
 * Writes one line "PASS storm: …" or "FAIL storm: …" per check to --results
 * (appended) and the figures to standard output. Exits 0 when every check
 * passed. A crash is left to the caller to see (the exit status); so are the
 * database's integrity (the last line says where it is), criticals
 * (G_DEBUG=fatal-criticals makes them crashes) and whether --token shows
 * up anywhere but in the keyring (DESIGN.md §6).
 */

#define G_LOG_DOMAIN "inflow-storm"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "inflow-access-queue.h"
#include "inflow-access-view.h"
#include "inflow-application.h"
#include "inflow-client.h"
#include "inflow-database.h"
#include "inflow-integration.h"
#include "inflow-integrations-view.h"
#include "inflow-placeholder-rows.h"
#include "inflow-me.h"
#include "inflow-session.h"
#include "inflow-window.h"
#include "inflow-workspace.h"

#define TICK_MS          100
#define WARM_UP_S        90
#define SECTION_EVERY_S  4
#define REFRESH_EVERY_S  9
#define TOGGLE_EVERY_MS  1500
#define CHECK_EVERY_S    3
#define MAX_DIALOGS      1
#define MAX_BURST        3      /* clicks on one integration in a row */
#define BURST_GAP_MS     200

/* What the last click on one check box asked for, and what the application
 * said of it since */
typedef struct
{
  gboolean add;
  guint    clicks;
  gboolean finished;       /* a change-finished for it came after the click */
  gboolean told_failed;    /* …with an error: the user was told */
} Intent;

/* A click still to make */
typedef struct
{
  char   *integration;
  char   *workspace;
  gint64  due;
} Click;

typedef enum
{
  PHASE_SIGN_IN,
  PHASE_WARM_UP,
  PHASE_STORM,
  PHASE_CALM,
  PHASE_DONE,
} Phase;

typedef struct
{
  /* Options */
  int                  storm_s;
  int                  recover_s;
  double               chaos;
  double               time_scale;
  char                *sim_path;
  char                *results_path;
  char                *token;

  InflowApplication   *app;
  GSubprocess         *sim;
  GOutputStream       *sim_in;
  GDataInputStream    *sim_out;
  char                *base_url;
  InflowClient        *reference;   /* the checker's own client */

  Phase                phase;
  gint64               phase_start;
  gint64               last_section;
  gint64               last_refresh;
  gint64               last_toggle;
  gint64               last_check;
  guint                section;
  gboolean             signing_in;
  gboolean             checking;
  GError              *failure;     /* why the run stopped early */

  /* Observed */
  InflowSession       *session;
  InflowConnectionState state;
  guint                episodes;     /* online → anything else */
  guint                recoveries;   /* anything else → online */
  guint                user_refreshes;
  guint                user_toggles;
  guint                dialogs_opened;
  guint                max_dialogs;
  guint                n_dialogs;
  GHashTable          *errors;       /* message → count */
  gint64               calm_online_at;
  gint64               matched_at;
  guint                checks;
  char                *mismatch;     /* the last difference seen */
  char                *chaos_report;
  gboolean             passed;

  /* The user's intents, by "integration workspace" */
  GHashTable          *intents;
  GQueue               clicks;       /* of Click, in order */
  guint                bursts;
  char                *lost;         /* the first lost change, in words */
  guint                n_lost;
  guint                n_told_failed;
  guint                n_intents_checked;
} Storm;

static void storm_finish (Storm *storm);

static gint64
seconds_in_phase (Storm *storm)
{
  return (g_get_monotonic_time () - storm->phase_start) / G_USEC_PER_SEC;
}

static void
set_phase (Storm *storm,
           Phase  phase)
{
  static const char * const names[] = { "sign-in", "warm-up", "storm", "calm", "done" };

  storm->phase = phase;
  storm->phase_start = g_get_monotonic_time ();
  g_print ("storm: phase %s\n", names[phase]);
}

static void
fail (Storm      *storm,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
fail (Storm      *storm,
      const char *format,
      ...)
{
  va_list args;

  if (storm->failure == NULL)
    {
      va_start (args, format);
      storm->failure = g_error_new_valist (G_IO_ERROR, G_IO_ERROR_FAILED, format, args);
      va_end (args);
    }
  storm_finish (storm);
}

/* The simulator */

static char *
sim_command (Storm      *storm,
             const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  g_autoptr(GError) error = NULL;
  char *answer;

  if (!g_output_stream_write_all (storm->sim_in, line, strlen (line), NULL, NULL, &error) ||
      (answer = g_data_input_stream_read_line_utf8 (storm->sim_out, NULL, NULL, &error)) == NULL)
    {
      g_printerr ("storm: the simulator did not answer \"%s\": %s\n", command,
                  error != NULL ? error->message : "end of its output");
      return NULL;
    }

  return answer;
}

static gboolean
start_simulator (Storm   *storm,
                 GError **error)
{
  g_autofree char *scale = g_strdup_printf ("%g", storm->time_scale);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  /* A budget far above what the planner uses, so that only chaos says 429 */
  storm->sim = g_subprocess_launcher_spawn (launcher, error, storm->sim_path, "--control", "--quiet",
                                            "--time-scale", scale, "--token", storm->token,
                                            "--rate-limit", "100000/3600", NULL);
  if (storm->sim == NULL)
    return FALSE;

  storm->sim_in = g_object_ref (g_subprocess_get_stdin_pipe (storm->sim));
  storm->sim_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (storm->sim));
  storm->base_url = g_data_input_stream_read_line_utf8 (storm->sim_out, NULL, NULL, error);
  if (storm->base_url == NULL || !g_str_has_prefix (storm->base_url, "http://127.0.0.1:"))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s did not print its URL", storm->sim_path);
      return FALSE;
    }

  storm->reference = inflow_client_new (storm->base_url, storm->token, error);
  return storm->reference != NULL;
}

/* What the application shows */

static InflowWindow *
main_window (Storm *storm)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (storm->app));

  return INFLOW_IS_WINDOW (window) ? INFLOW_WINDOW (window) : NULL;
}

static gpointer
window_child (InflowWindow *window,
              const char   *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), INFLOW_TYPE_WINDOW, name);
}

/* Windows open besides the main window: dialogs, messages */
static void
count_dialogs (Storm *storm)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  InflowWindow *window = main_window (storm);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        n++;
    }

  if (n > storm->n_dialogs)
    storm->dialogs_opened += n - storm->n_dialogs;
  storm->n_dialogs = n;
  storm->max_dialogs = MAX (storm->max_dialogs, n);
}

static void
connection_state_cb (InflowSession *session,
                     GParamSpec    *pspec,
                     Storm         *storm)
{
  InflowConnectionState state = inflow_session_get_connection_state (session);
  const GError *error = inflow_session_get_last_error (session);

  if (state == storm->state)
    return;

  if (storm->state == INFLOW_CONNECTION_ONLINE)
    storm->episodes++;
  else if (state == INFLOW_CONNECTION_ONLINE && storm->state != INFLOW_CONNECTION_UNKNOWN)
    storm->recoveries++;
  storm->state = state;

  if (error != NULL)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (storm->errors, error->message));

      g_hash_table_replace (storm->errors, g_strdup (error->message), GUINT_TO_POINTER (count + 1));
    }
}

static char *
intent_key (const char *integration,
            const char *workspace)
{
  return g_strconcat (integration, " ", workspace, NULL);
}

/* The application's word on a change: it reached the API, or failed */
static void
change_finished_cb (InflowAccessQueue           *queue,
                    const char                  *integration,
                    const char                  *workspace,
                    InflowWorkspaceAccessChange  change,
                    gboolean                     batched,
                    const GError                *error,
                    Storm                       *storm)
{
  g_autofree char *key = intent_key (integration, workspace);
  Intent *intent = g_hash_table_lookup (storm->intents, key);

  /* A write of an earlier click, the opposite of the last one, says
   * nothing of the last. */
  if (intent == NULL || intent->add != (change == INFLOW_WORKSPACE_ACCESS_ADD))
    return;

  intent->finished = TRUE;
  intent->told_failed = error != NULL;
}

static void
watch_session (Storm *storm)
{
  InflowProfileManager *manager = inflow_application_get_profile_manager (storm->app);
  InflowSession *session = manager != NULL ? inflow_profile_manager_get_session (manager) : NULL;

  if (session == storm->session)
    return;

  if (storm->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (storm->session, storm);
      g_signal_handlers_disconnect_by_data (inflow_session_get_access_queue (storm->session), storm);
    }
  g_set_object (&storm->session, session);
  if (session != NULL)
    {
      storm->state = inflow_session_get_connection_state (session);
      g_signal_connect (session, "notify::connection-state", G_CALLBACK (connection_state_cb), storm);
      g_signal_connect (inflow_session_get_access_queue (session), "change-finished",
                        G_CALLBACK (change_finished_cb), storm);
    }
}

static gboolean
session_settled (Storm *storm)
{
  InflowWindow *window = main_window (storm);

  return storm->session != NULL && window != NULL &&
         inflow_session_get_connection_state (storm->session) == INFLOW_CONNECTION_ONLINE &&
         !inflow_session_get_refreshing (storm->session) &&
         !inflow_access_queue_get_busy (inflow_session_get_access_queue (storm->session)) &&
         !gtk_revealer_get_reveal_child (window_child (window, "banner"));
}

/* The final view against the API */

static int
compare_tokens (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "token status workspaces" per integration, sorted */
static GPtrArray *
describe_integrations (GListModel *model)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (model, i);
      g_autofree char *workspaces = g_strjoinv (",", (char **) inflow_integration_get_workspace_tokens (integration));

      g_ptr_array_add (lines, g_strdup_printf ("%s %s %s", inflow_integration_get_token (integration),
                                               inflow_integration_get_status_string (integration), workspaces));
    }
  g_ptr_array_sort (lines, compare_tokens);

  return lines;
}

static char *
find_difference (GPtrArray *shown,
                 GPtrArray *truth)
{
  if (shown->len != truth->len)
    return g_strdup_printf ("the view shows %u integrations, the API has %u", shown->len, truth->len);

  for (guint i = 0; i < shown->len; i++)
    if (!g_str_equal (shown->pdata[i], truth->pdata[i]))
      return g_strdup_printf ("the view shows \"%s\", the API says \"%s\"",
                              (char *) shown->pdata[i], (char *) truth->pdata[i]);

  return NULL;
}

/* The API against what the user asked for last, cell by cell */
static void
check_intents (Storm      *storm,
               GListModel *truth)
{
  g_autoptr(GHashTable) workspaces = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_strfreev);
  g_autoptr(GList) keys = g_hash_table_get_keys (storm->intents);

  for (guint i = 0; i < g_list_model_get_n_items (truth); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (truth, i);

      g_hash_table_insert (workspaces, (gpointer) inflow_integration_get_token (integration),
                           g_strdupv ((char **) inflow_integration_get_workspace_tokens (integration)));
    }

  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      Intent *intent = g_hash_table_lookup (storm->intents, l->data);
      g_auto(GStrv) parts = g_strsplit (l->data, " ", 2);
      GStrv tokens = g_hash_table_lookup (workspaces, parts[0]);
      gboolean has = tokens != NULL && g_strv_contains ((const char * const *) tokens, parts[1]);

      if (intent->told_failed)
        {
          storm->n_told_failed++;
          continue;
        }

      storm->n_intents_checked++;
      if (has != intent->add)
        {
          storm->n_lost++;
          if (storm->lost == NULL)
            storm->lost = g_strdup_printf ("%s of %s in %s was asked for last (%u clicks), %s, "
                                           "and the API has it %s", intent->add ? "adding" : "removing",
                                           parts[0], parts[1], intent->clicks,
                                           intent->finished ? "reported done" : "never reported",
                                           has ? "in" : "out");
        }
    }
}

static void
reference_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Storm *storm = user_data;
  g_autoptr(GListModel) truth_model = NULL;
  g_autoptr(GPtrArray) truth = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  InflowWindow *window;
  InflowIntegrationsView *view;
  guint n_invalid = 0;

  storm->checking = FALSE;
  truth_model = inflow_client_list_integrations_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (storm->phase != PHASE_CALM)
    return;
  if (truth_model == NULL || n_invalid > 0)
    {
      fail (storm, "the checker could not list the integrations of the calm simulator: %s",
            error != NULL ? error->message : "invalid items");
      return;
    }

  window = main_window (storm);
  if (window == NULL || !session_settled (storm))
    return;

  /* The view as it is now, unfiltered */
  view = window_child (window, "integrations_view");
  {
    /* What the column view's rows show, sorted and filtered */
    GObject *column_view = gtk_widget_get_template_child (GTK_WIDGET (view), INFLOW_TYPE_INTEGRATIONS_VIEW, "column_view");
    GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
    GListModel *rows = gtk_no_selection_get_model (GTK_NO_SELECTION (selection));

    shown = describe_integrations (inflow_placeholder_rows_get_source (INFLOW_PLACEHOLDER_ROWS (rows)));
  }
  truth = describe_integrations (truth_model);
  storm->checks++;

  g_clear_pointer (&storm->mismatch, g_free);
  storm->mismatch = find_difference (shown, truth);
  if (storm->mismatch == NULL)
    {
      storm->matched_at = g_get_monotonic_time ();
      check_intents (storm, truth_model);
      storm_finish (storm);
    }
}

/* The phases, one step a tick */

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Storm *storm = user_data;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;

  storm->signing_in = FALSE;
  me = inflow_profile_manager_sign_in_finish (INFLOW_PROFILE_MANAGER (source), result, &error);
  if (me == NULL)
    fail (storm, "signing in to the simulator failed: %s", error->message);
  else
    set_phase (storm, PHASE_WARM_UP);
}

static void
click_free (gpointer data)
{
  Click *click = data;

  g_free (click->integration);
  g_free (click->workspace);
  g_free (click);
}

/* The mapped check boxes of the Workspace Access grid (its cells are
 * check buttons whose action target is "(integration, workspace)") */
static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL)
    g_ptr_array_add (checks, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

static GPtrArray *
shown_checks (InflowAccessView *view)
{
  GPtrArray *checks = g_ptr_array_new ();

  collect_checks (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), INFLOW_TYPE_ACCESS_VIEW, "column_view")), checks);

  return checks;
}

static void
check_target (GtkWidget   *check,
              const char **integration,
              const char **workspace)
{
  g_variant_get (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (check)), "(&s&s)", integration, workspace);
}

/* Up to MAX_BURST different workspaces of one shown integration */
static void
plan_burst (Storm            *storm,
            InflowAccessView *view,
            gint64            now)
{
  g_autoptr(GPtrArray) checks = shown_checks (view);
  g_autoptr(GPtrArray) same = g_ptr_array_new ();
  const char *integration, *workspace, *chosen;
  guint n;

  if (checks->len == 0)
    return;

  check_target (g_ptr_array_index (checks, g_random_int_range (0, checks->len)), &chosen, &workspace);
  for (guint i = 0; i < checks->len; i++)
    {
      check_target (g_ptr_array_index (checks, i), &integration, &workspace);
      if (g_str_equal (integration, chosen))
        g_ptr_array_add (same, g_ptr_array_index (checks, i));
    }

  n = g_random_int_range (1, MIN (same->len, MAX_BURST) + 1);
  for (guint i = 0; i < n; i++)
    {
      guint pick = g_random_int_range (i, same->len);
      Click *click = g_new0 (Click, 1);

      /* Each workspace once: the pick goes to the front */
      g_ptr_array_index (same, pick) = g_ptr_array_index (same, i);
      check_target (g_ptr_array_index (same, pick), &integration, &workspace);
      click->integration = g_strdup (integration);
      click->workspace = g_strdup (workspace);
      click->due = now + (i > 0 && g_random_boolean () ? i * BURST_GAP_MS * 1000 : 0);
      g_queue_push_tail (&storm->clicks, click);
    }
  if (n > 1)
    storm->bursts++;
}

/* Clicks what is due, noting what the box showed: the click asks for
 * the opposite. */
static void
make_due_clicks (Storm            *storm,
                 InflowAccessView *view,
                 gint64            now)
{
  Click *click;

  while ((click = g_queue_peek_head (&storm->clicks)) != NULL && click->due <= now)
    {
      g_autoptr(GPtrArray) checks = shown_checks (view);

      g_queue_pop_head (&storm->clicks);
      for (guint i = 0; i < checks->len; i++)
        {
          GtkWidget *check = g_ptr_array_index (checks, i);
          const char *integration, *workspace;
          g_autofree char *key = NULL;
          Intent *intent;

          check_target (check, &integration, &workspace);
          if (!g_str_equal (integration, click->integration) || !g_str_equal (workspace, click->workspace) ||
              !gtk_widget_is_sensitive (check))
            continue;

          key = intent_key (integration, workspace);
          intent = g_hash_table_lookup (storm->intents, key);
          if (intent == NULL)
            {
              intent = g_new0 (Intent, 1);
              g_hash_table_insert (storm->intents, g_steal_pointer (&key), intent);
            }
          intent->add = !gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
          intent->clicks++;
          intent->finished = FALSE;
          intent->told_failed = FALSE;
          gtk_widget_activate (check);
          storm->user_toggles++;
          break;
        }
      click_free (click);
    }
}

static void
play_user (Storm        *storm,
           InflowWindow *window)
{
  static const char * const sections[] = { "integrations", "accounts", "access", "ingestion" };
  gint64 now = g_get_monotonic_time ();

  if (now - storm->last_section >= SECTION_EVERY_S * G_USEC_PER_SEC)
    {
      storm->last_section = now;
      storm->section = (storm->section + 1) % G_N_ELEMENTS (sections);
      inflow_window_set_section (window, sections[storm->section]);
    }

  /* Ticks and unticks in Workspace Access, in bursts on one integration */
  if (g_str_equal (sections[storm->section], "access") &&
      now - storm->last_toggle >= TOGGLE_EVERY_MS * 1000 && storm->session != NULL &&
      g_queue_is_empty (&storm->clicks))
    {
      storm->last_toggle = now;
      plan_burst (storm, window_child (window, "access_view"), now);
    }
  if (g_str_equal (sections[storm->section], "access"))
    make_due_clicks (storm, window_child (window, "access_view"), now);
  else
    g_queue_clear_full (&storm->clicks, click_free);

  if (now - storm->last_refresh >= REFRESH_EVERY_S * G_USEC_PER_SEC)
    {
      storm->last_refresh = now;
      if (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL))
        storm->user_refreshes++;
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  Storm *storm = user_data;
  InflowWindow *window = main_window (storm);
  g_autofree char *command = NULL;
  g_autofree char *answer = NULL;

  if (storm->phase == PHASE_DONE)
    return G_SOURCE_REMOVE;

  watch_session (storm);
  count_dialogs (storm);

  switch (storm->phase)
    {
    case PHASE_SIGN_IN:
      if (!inflow_application_get_ready (storm->app) || storm->signing_in)
        break;
      if (seconds_in_phase (storm) > WARM_UP_S)
        fail (storm, "the application was not ready after %d s", WARM_UP_S);
      else if (storm->session != NULL)
        set_phase (storm, PHASE_WARM_UP);   /* signed in on an earlier run */
      else
        {
          storm->signing_in = TRUE;
          inflow_profile_manager_sign_in_async (inflow_application_get_profile_manager (storm->app),
                                                "Fault storm", storm->token, storm->base_url, FALSE,
                                                NULL, sign_in_cb, storm);
        }
      break;

    case PHASE_WARM_UP:
      if (session_settled (storm) && g_list_model_get_n_items (inflow_session_get_integrations (storm->session)) > 0)
        {
          command = g_strdup_printf ("chaos %g", storm->chaos);
          answer = sim_command (storm, command);
          if (g_strcmp0 (answer, "ok") != 0)
            fail (storm, "the simulator refused \"%s\": %s", command, answer);
          else
            set_phase (storm, PHASE_STORM);
        }
      else if (seconds_in_phase (storm) > WARM_UP_S)
        fail (storm, "the first refresh did not complete in %d s", WARM_UP_S);
      break;

    case PHASE_STORM:
      if (window != NULL)
        play_user (storm, window);
      if (seconds_in_phase (storm) >= storm->storm_s)
        {
          answer = sim_command (storm, "chaos 0");
          if (g_strcmp0 (answer, "ok") != 0)
            fail (storm, "the simulator did not stop the faults: %s", answer);
          else
            set_phase (storm, PHASE_CALM);
        }
      break;

    case PHASE_CALM:
      if (storm->calm_online_at == 0 && session_settled (storm))
        storm->calm_online_at = g_get_monotonic_time ();

      if (seconds_in_phase (storm) >= storm->recover_s)
        storm_finish (storm);
      else if (!storm->checking &&
               g_get_monotonic_time () - storm->last_check >= CHECK_EVERY_S * G_USEC_PER_SEC)
        {
          storm->checking = TRUE;
          storm->last_check = g_get_monotonic_time ();
          inflow_client_list_integrations_async (storm->reference, NULL, NULL, NULL, reference_cb, storm);
        }
      break;

    case PHASE_DONE:
    default:
      break;
    }

  return storm->phase == PHASE_DONE ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

/* The verdict */

static void
write_result (Storm      *storm,
              FILE       *results,
              gboolean    passed,
              const char *format,
              ...) G_GNUC_PRINTF (4, 5);

static void
write_result (Storm      *storm,
              FILE       *results,
              gboolean    passed,
              const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  storm->passed = storm->passed && passed;
  g_print ("%s storm: %s\n", passed ? "PASS" : "FAIL", text);
  if (results != NULL)
    fprintf (results, "%s storm: %s\n", passed ? "PASS" : "FAIL", text);
}

static void
storm_finish (Storm *storm)
{
  g_autofree char *report = NULL;
  FILE *results = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean reached_calm = storm->phase == PHASE_CALM;
  double recovered_s = storm->calm_online_at != 0 ?
                       (double) (storm->calm_online_at - storm->phase_start) / G_USEC_PER_SEC : -1;
  double matched_s = storm->matched_at != 0 ?
                     (double) (storm->matched_at - storm->phase_start) / G_USEC_PER_SEC : -1;

  if (storm->phase == PHASE_DONE)
    return;
  set_phase (storm, PHASE_DONE);

  report = sim_command (storm, "report");
  g_print ("storm: simulator %s\n", report != NULL ? report : "(no report)");
  g_print ("storm: error episodes %u, recoveries %u, user refreshes %u, check boxes clicked %u "
           "(%u bursts on one integration, %u boxes), dialogs opened %u (at most %u at once)\n",
           storm->episodes, storm->recoveries, storm->user_refreshes, storm->user_toggles,
           storm->bursts, g_hash_table_size (storm->intents), storm->dialogs_opened, storm->max_dialogs);
  g_hash_table_iter_init (&iter, storm->errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_print ("storm: %4u × %s\n", GPOINTER_TO_UINT (value), (char *) key);

  if (storm->results_path != NULL && (results = fopen (storm->results_path, "a")) == NULL)
    g_printerr ("storm: cannot write %s\n", storm->results_path);

  storm->passed = TRUE;
  if (storm->failure != NULL)
    write_result (storm, results, FALSE, "%s", storm->failure->message);
  else
    {
      write_result (storm, results, reached_calm, "%d s of faults at %g%% of requests, clock ×%g (simulator: %s)",
                    storm->storm_s, storm->chaos * 100, storm->time_scale, report != NULL ? report : "no report");
      write_result (storm, results, storm->max_dialogs <= MAX_DIALOGS && storm->dialogs_opened <= MAX_DIALOGS,
                    "no flood of dialogs (%u opened, at most %u at once)", storm->dialogs_opened, storm->max_dialogs);
      write_result (storm, results, recovered_s >= 0,
                    "recovered by itself (%u error episodes, %u recoveries; online %.1f s after the faults stopped)",
                    storm->episodes, storm->recoveries, recovered_s);
      write_result (storm, results, matched_s >= 0,
                    "the Integrations view matches the API (%.1f s after the faults stopped, %u checks%s%s)",
                    matched_s, storm->checks, storm->mismatch != NULL ? "; last difference: " : "",
                    storm->mismatch != NULL ? storm->mismatch : "");
      write_result (storm, results, matched_s >= 0 && storm->n_lost == 0 && storm->user_toggles > 0,
                    "no change lost: the API has what the last click on each of %u check boxes asked for "
                    "(%u clicks; %u changes the application said failed; %u lost%s%s)",
                    storm->n_intents_checked, storm->user_toggles, storm->n_told_failed, storm->n_lost,
                    storm->lost != NULL ? ", first: " : "", storm->lost != NULL ? storm->lost : "");
    }
  if (results != NULL)
    fclose (results);

  g_application_quit (G_APPLICATION (storm->app));
}

static void
startup_cb (GApplication *app,
            Storm        *storm)
{
  /* The application holds itself while it has a window; the storm holds it
   * from the start so that it outlives a window closed by accident. */
  g_application_hold (app);
  g_timeout_add (TICK_MS, tick_cb, storm);
}

int
main (int   argc,
      char *argv[])
{
  Storm storm = {
    .storm_s = 180,
    .recover_s = 360,
    .chaos = 0.3,
    .time_scale = 60,
  };
  g_autofree char *database = NULL;
  const GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &storm.storm_s, "Seconds of faults (default: 180)", "S" },
    { "recover-seconds", 0, 0, G_OPTION_ARG_INT, &storm.recover_s,
      "Seconds allowed to recover once the faults stop (default: 360, above the longest wait between two retries)", "S" },
    { "chaos", 0, 0, G_OPTION_ARG_DOUBLE, &storm.chaos, "Share of requests that fail (default: 0.3)", "P" },
    { "time-scale", 0, 0, G_OPTION_ARG_DOUBLE, &storm.time_scale,
      "Virtual seconds per real second of the simulator (default: 60)", "X" },
    { "sim", 0, 0, G_OPTION_ARG_FILENAME, &storm.sim_path, "The inflow-sim program", "PATH" },
    { "results", 0, 0, G_OPTION_ARG_FILENAME, &storm.results_path, "Append the PASS/FAIL lines to FILE", "FILE" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &storm.token,
      "The API token to sign in with (default: a random one), to look for where it must not be", "TOKEN" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *app_argv[] = { argv[0], NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("- Inflow against a simulator that injects faults");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("inflow-storm: %s\n", error->message);
      return 2;
    }
  if (storm.sim_path == NULL || storm.storm_s < 1 || storm.recover_s < 1 ||
      !(storm.chaos > 0 && storm.chaos <= 1) || !(storm.time_scale > 0))
    {
      g_printerr ("inflow-storm: --sim is needed, and --seconds, --recover-seconds, --chaos (0–1] "
                  "and --time-scale must be positive\n");
      return 2;
    }

  if (storm.token == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      storm.token = g_strconcat ("vntg_tkn_storm_", uuid, NULL);
    }

  if (!start_simulator (&storm, &error))
    {
      g_printerr ("inflow-storm: the simulator did not start: %s\n", error->message);
      return 1;
    }
  g_print ("storm: simulator at %s\n", storm.base_url);

  storm.errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  storm.intents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  storm.app = inflow_application_new ();
  g_signal_connect (storm.app, "startup", G_CALLBACK (startup_cb), &storm);
  set_phase (&storm, PHASE_SIGN_IN);

  status = g_application_run (G_APPLICATION (storm.app), 1, app_argv);

  database = inflow_database_get_default_path ();
  g_print ("storm: database %s\n", database);

  /* The end of its input quits the simulator */
  g_output_stream_close (storm.sim_in, NULL, NULL);
  g_subprocess_wait (storm.sim, NULL, NULL);

  if (storm.session != NULL)
    {
      g_signal_handlers_disconnect_by_data (storm.session, &storm);
      g_signal_handlers_disconnect_by_data (inflow_session_get_access_queue (storm.session), &storm);
    }
  g_clear_object (&storm.session);
  g_clear_object (&storm.app);
  g_clear_object (&storm.reference);
  g_clear_object (&storm.sim_in);
  g_clear_object (&storm.sim_out);
  g_clear_object (&storm.sim);
  g_clear_pointer (&storm.errors, g_hash_table_unref);
  g_clear_pointer (&storm.intents, g_hash_table_unref);
  g_queue_clear_full (&storm.clicks, click_free);
  g_free (storm.lost);
  g_clear_error (&storm.failure);
  g_free (storm.base_url);
  g_free (storm.mismatch);
  g_free (storm.sim_path);
  g_free (storm.results_path);
  g_free (storm.token);

  return status == 0 && storm.passed ? 0 : 1;
}
