/* inflow-diagnostics.c: the checks of Diagnostics and the redacted status report
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-diagnostics"

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n.h>

#include "inflow-diagnostics.h"
#include "inflow-ingestion-format.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-poll-scheduler.h"
#include "inflow-profile.h"
#include "inflow-storage-error.h"
#include "inflow-token-store.h"

/**
 * InflowDiagnostics:
 *
 * One check per line (keyring, API reachable, token scopes, server clock,
 * rate budget, last refresh, request rate planned against actual,
 * ingestion history), each with its own state and time and never an
 * aggregate green tick: an "all green" summary can hide the one check that
 * failed. A check that could not run says so rather than passing: the
 * server's clock is not known before Vantage answered once, and a list read
 * from the cache was not refreshed.
 *
 * The status report is plain text for a support ticket, built from the
 * checks and the verdicts only; the access token is never part of them,
 * and anything shaped like a token or an Authorization header is redacted
 * all the same.
 */

/* Clock offsets Inflow notices: every delay is measured in the server's
 * time (its Date header), so an offset only makes other tools disagree. */
#define CLOCK_OFFSET_OK      (60 * G_TIME_SPAN_SECOND)
#define CLOCK_OFFSET_WARNING (10 * G_TIME_SPAN_MINUTE)

struct _InflowDiagnostics
{
  GObject           parent_instance;

  InflowSession    *session;
  GCancellable     *cancellable;
  InflowTokenStore *token_store;
  InflowBackgroundMode *background;
  GListStore       *checks;
  guint             n_pending;
  gint64            ping_started;
};

G_DEFINE_FINAL_TYPE (InflowDiagnostics, inflow_diagnostics, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static InflowClient *
get_client (InflowDiagnostics *self)
{
  return self->session != NULL ? inflow_session_get_client (self->session) : NULL;
}

static InflowIngestionMonitor *
get_monitor (InflowDiagnostics *self)
{
  return self->session != NULL ? inflow_session_get_ingestion_monitor (self->session) : NULL;
}

/* The server's now, in the user's time zone */
static GDateTime *
dup_now (InflowDiagnostics *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);

  if (monitor == NULL)
    return g_date_time_new_now_local ();

  return inflow_server_clock_dup_local_now (inflow_ingestion_monitor_get_clock (monitor));
}

static void
set_check (InflowDiagnostics *self,
           InflowCheck        check,
           InflowCheckState   state,
           const char        *detail)
{
  g_autoptr(GDateTime) now = state != INFLOW_CHECK_STATE_PENDING ? dup_now (self) : NULL;

  inflow_diagnostic_check_set_result (inflow_diagnostics_get_check (self, check), state, detail, now);
}

static void
pending_done (InflowDiagnostics *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* The account-wide rate limit counts the checks' requests too. */
static void
report_other_request (InflowDiagnostics *self,
                      const GError      *error)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  InflowClient *client = get_client (self);
  InflowRateLimit rate_limit = INFLOW_RATE_LIMIT_INIT;
  g_autoptr(GDateTime) now = NULL;

  if (monitor == NULL || client == NULL)
    return;

  rate_limit.limit = inflow_client_get_rate_limit_limit (client);
  rate_limit.remaining = inflow_client_get_rate_limit_remaining (client);
  rate_limit.reset = inflow_client_get_rate_limit_reset (client);
  now = inflow_ingestion_monitor_dup_now (monitor);
  inflow_poll_planner_report (inflow_ingestion_monitor_get_planner (monitor), INFLOW_POLL_REQUEST_OTHER,
                              NULL, now, inflow_poll_status_for_error (error), &rate_limit);
}

/* ---- the checks that need no request ---------------------------------------- */

static void
check_clock (InflowDiagnostics *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  InflowServerClock *clock;
  g_autofree char *detail = NULL;
  GTimeSpan offset;

  if (monitor == NULL)
    {
      set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  clock = inflow_ingestion_monitor_get_clock (monitor);
  if (!inflow_server_clock_get_reached (clock))
    {
      set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_UNKNOWN,
                 _("Not checked: Vantage has not answered since Inflow started, so its clock is not known. "
                   "Until it answers, times are this computer’s."));
      return;
    }

  if (inflow_server_clock_get_time_scale (clock) > 1.5)
    {
      /* Translators: %.0f is how many times faster the demo's clock runs */
      detail = g_strdup_printf (_("The demo’s clock runs %.0f× faster than real time; Inflow measures every "
                                  "delay in its time."), inflow_server_clock_get_time_scale (clock));
      set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_INFO, detail);
      return;
    }

  offset = inflow_server_clock_get_offset (clock);
  /* Translators: %+.1f is a number of seconds, like "+0.4" */
  detail = g_strdup_printf (_("The server’s clock is %+.1f s from this computer’s; Inflow measures delays "
                              "in server time."), (double) offset / G_TIME_SPAN_SECOND);

  if (ABS (offset) < CLOCK_OFFSET_OK)
    set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_OK, detail);
  else if (ABS (offset) < CLOCK_OFFSET_WARNING)
    set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_WARNING, detail);
  else
    {
      g_autofree char *more = g_strdup_printf ("%s %s", detail,
                                               _("Set this computer’s clock automatically: times shown here are "
                                                 "converted, but other tools will disagree."));

      set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_ERROR, more);
    }
}

static void
check_rate_budget (InflowDiagnostics *self)
{
  InflowClient *client = get_client (self);
  g_autofree char *detail = NULL;
  gint64 limit, remaining, reset;

  if (client == NULL)
    {
      set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  limit = inflow_client_get_rate_limit_limit (client);
  remaining = inflow_client_get_rate_limit_remaining (client);
  reset = inflow_client_get_rate_limit_reset (client);

  if (limit < 0 || remaining < 0)
    {
      set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_UNKNOWN,
                 _("Not checked: Vantage has not sent x-rate-limit figures yet."));
      return;
    }

  if (reset > 0)
    {
      g_autoptr(GDateTime) reset_time = g_date_time_new_from_unix_utc (reset);
      g_autoptr(GDateTime) now = dup_now (self);
      g_autofree char *when = inflow_ingestion_format_when (reset_time, now);

      /* Translators: two counts, then a time like "15:00 today"; the limit is the whole organization's */
      detail = g_strdup_printf (g_dngettext (NULL,
                                             "%" PRId64 " of %" PRId64 " request left for the whole "
                                             "organization (x-rate-limit-remaining); the window resets at %s.",
                                             "%" PRId64 " of %" PRId64 " requests left for the whole "
                                             "organization (x-rate-limit-remaining); the window resets at %s.",
                                             (gulong) limit),
                                remaining, limit, when);
    }
  else
    {
      /* Translators: two counts; the limit is the whole organization's */
      detail = g_strdup_printf (g_dngettext (NULL,
                                             "%" PRId64 " of %" PRId64 " request left for the whole "
                                             "organization (x-rate-limit-remaining).",
                                             "%" PRId64 " of %" PRId64 " requests left for the whole "
                                             "organization (x-rate-limit-remaining).",
                                             (gulong) limit),
                                remaining, limit);
    }

  if (remaining <= 10)
    set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_ERROR, detail);
  else if (limit > 0 && remaining < limit / 5)
    set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_WARNING, detail);
  else
    set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_OK, detail);
}

/* Why the latest refresh, the session's or the monitor's, failed. */
static const GError *
refresh_error (InflowDiagnostics      *self,
               InflowIngestionMonitor *monitor)
{
  if (inflow_ingestion_monitor_get_last_error (monitor) != NULL)
    return inflow_ingestion_monitor_get_last_error (monitor);

  if (inflow_session_get_connection_state (self->session) != INFLOW_CONNECTION_ONLINE)
    return inflow_session_get_last_error (self->session);

  return NULL;
}

static void
check_last_refresh (InflowDiagnostics *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *when = NULL;
  const GError *error;
  GDateTime *as_of;
  guint interval;

  if (monitor == NULL)
    {
      set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  now = dup_now (self);
  as_of = inflow_ingestion_monitor_get_as_of (monitor);
  error = refresh_error (self, monitor);
  interval = inflow_poll_planner_get_refresh_interval (inflow_ingestion_monitor_get_planner (monitor));
  if (as_of != NULL)
    when = inflow_ingestion_format_when (as_of, now);

  if (error != NULL)
    {
      if (as_of != NULL)
        /* Translators: a time like "14:20 today", then an error message */
        detail = g_strdup_printf (_("The integration list shown is from %s; the latest refresh failed: %s"),
                                  when, error->message);
      else
        /* Translators: %s is an error message */
        detail = g_strdup_printf (_("The integration list was never fetched: %s"), error->message);
      set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_ERROR, detail);
    }
  else if (as_of == NULL)
    {
      set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_UNKNOWN,
                 _("Not checked: the integration list has not been fetched yet."));
    }
  else if (!inflow_server_clock_get_reached (inflow_ingestion_monitor_get_clock (monitor)))
    {
      /* Translators: %s is a time like "14:20 today" */
      detail = g_strdup_printf (_("Not refreshed since Inflow started: Vantage has not answered yet. The "
                                  "integration list shown was saved %s."), when);
      set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_UNKNOWN, detail);
    }
  else
    {
      /* Translators: a time like "14:20 today", then a number of minutes */
      detail = g_strdup_printf (g_dngettext (NULL, "The integration list was fetched %s; it refreshes every %u minute.",
                                             "The integration list was fetched %s; it refreshes every %u minutes.",
                                             interval),
                                when, interval);

      if (g_date_time_difference (now, as_of) > 2 * (GTimeSpan) interval * G_TIME_SPAN_MINUTE + G_TIME_SPAN_MINUTE)
        set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_WARNING, detail);
      else
        set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_OK, detail);
    }
}

static void
check_request_rate (InflowDiagnostics *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  g_autoptr(GString) detail = NULL;
  InflowPollStats stats = { 0, };
  double planned = 0;
  guint budget;

  if (monitor == NULL)
    {
      set_check (self, INFLOW_CHECK_REQUEST_RATE, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  inflow_ingestion_monitor_get_request_stats (monitor, &stats, &planned);
  budget = inflow_poll_planner_get_budget (inflow_ingestion_monitor_get_planner (monitor));

  detail = g_string_new (NULL);
  if (inflow_ingestion_monitor_get_session (monitor) != NULL &&
      inflow_session_get_in_background (inflow_ingestion_monitor_get_session (monitor)))
    {
      guint n_watched = inflow_ingestion_monitor_get_n_watched (monitor);

      if (n_watched > 0)
        /* Translators: %u is a number of integrations */
        g_string_append_printf (detail, g_dngettext (NULL, "No window is open: Inflow watches %u integration and asks only what can change its verdict.",
                                                     "No window is open: Inflow watches %u integrations and asks only what can change their verdicts.",
                                                     n_watched),
                                n_watched);
      else if (inflow_poll_planner_get_watch_in_background (inflow_ingestion_monitor_get_planner (monitor)))
        g_string_append (detail, _("No window is open: nothing needs watching, and Inflow still checks the integration list, as asked."));
      else
        g_string_append (detail, _("No window is open and nothing needs watching: Inflow makes no requests."));
    }
  else
    {
      g_string_append (detail, _("A window is open: the lists refresh on their schedule."));
    }
  g_string_append_c (detail, ' ');
  /* Translators: requests per hour planned, then Inflow's budget per hour */
  g_string_append_printf (detail, g_dngettext (NULL, "Planned: about %.0f request an hour, within Inflow’s budget of %u an hour.",
                                               "Planned: about %.0f requests an hour, within Inflow’s budget of %u an hour.",
                                               (gulong) ceil (planned)),
                          ceil (planned), budget);
  g_string_append_c (detail, ' ');
  {
    g_autofree char *lists = NULL;
    g_autofree char *probes = NULL;
    g_autofree char *other = NULL;

    /* Translators: part of "Made in the last hour: 6 (1 list request, 3 cost probes, 2 other)" */
    lists = g_strdup_printf (g_dngettext (NULL, "%u list request", "%u list requests",
                                          stats.planned_lists_last_hour + stats.planned_refreshes_last_hour),
                             stats.planned_lists_last_hour + stats.planned_refreshes_last_hour);
    /* Translators: part of "Made in the last hour: 6 (1 list request, 3 cost probes, 2 other)" */
    probes = g_strdup_printf (g_dngettext (NULL, "%u cost probe", "%u cost probes", stats.planned_probes_last_hour),
                              stats.planned_probes_last_hour);
    /* Translators: part of "Made in the last hour: 6 (1 list request, 3 cost probes, 2 other)" */
    other = g_strdup_printf (g_dngettext (NULL, "%u other", "%u other", stats.other_last_hour), stats.other_last_hour);
    /* Translators: requests made in the last hour, then the three parts above */
    g_string_append_printf (detail, g_dngettext (NULL, "Made in the last hour: %u (%s, %s, %s).",
                                                 "Made in the last hour: %u (%s, %s, %s).", stats.actual_last_hour),
                            stats.actual_last_hour, lists, probes, other);
  }
  if (stats.rate_limited_last_hour > 0)
    {
      g_string_append_c (detail, ' ');
      /* Translators: a count of HTTP 429 answers */
      g_string_append_printf (detail, g_dngettext (NULL, "%u answer was 429 Too Many Requests.",
                                                   "%u answers were 429 Too Many Requests.",
                                                   stats.rate_limited_last_hour),
                              stats.rate_limited_last_hour);
    }
  if (stats.backoff_until > 0)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (stats.backoff_until / G_USEC_PER_SEC);
      g_autoptr(GDateTime) now = dup_now (self);
      g_autofree char *when = inflow_ingestion_format_when (until, now);

      g_string_append_c (detail, ' ');
      /* Translators: %s is a time like "14:20 today" */
      g_string_append_printf (detail, _("Backing off until %s."), when);
    }

  if (stats.backoff_until > 0 || stats.actual_last_hour > budget || stats.rate_limited_last_hour > 0)
    set_check (self, INFLOW_CHECK_REQUEST_RATE, INFLOW_CHECK_STATE_WARNING, detail->str);
  else
    set_check (self, INFLOW_CHECK_REQUEST_RATE, INFLOW_CHECK_STATE_OK, detail->str);
}

/* The rows that reached the database (not the writes asked for), those
 * that did not, and the storage problem in the database's words. */
static void
check_history (InflowDiagnostics *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  InflowDatabase *database = self->session != NULL ? inflow_session_get_database (self->session) : NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *problem;
  guint n_written, n_failed;

  if (monitor == NULL)
    {
      set_check (self, INFLOW_CHECK_HISTORY, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  if (!inflow_ingestion_monitor_get_stores_history (monitor) || database == NULL)
    {
      set_check (self, INFLOW_CHECK_HISTORY, INFLOW_CHECK_STATE_INFO,
                 _("Observations are kept in memory only: this profile is not stored (the demo, or a "
                   "session-only sign-in), so timelines start afresh at the next start."));
      return;
    }

  n_written = inflow_database_get_n_observations_written (database);
  n_failed = inflow_database_get_n_observations_failed (database);
  problem = inflow_database_get_problem (database);

  /* Translators: %u is a count of observations */
  g_string_append_printf (detail, g_dngettext (NULL, "Observations are stored for 90 days; %u was written in this run.",
                                               "Observations are stored for 90 days; %u were written in this run.",
                                               n_written),
                          n_written);
  if (n_failed > 0)
    {
      g_string_append_c (detail, ' ');
      /* Translators: %u is a count of observations */
      g_string_append_printf (detail, g_dngettext (NULL, "%u could not be saved.", "%u could not be saved.", n_failed),
                              n_failed);
    }
  if (problem != NULL)
    g_string_append_printf (detail, " %s", problem);

  if (n_failed > 0 || problem != NULL)
    set_check (self, INFLOW_CHECK_HISTORY, INFLOW_CHECK_STATE_WARNING, detail->str);
  else
    set_check (self, INFLOW_CHECK_HISTORY,
               inflow_ingestion_monitor_get_history_loaded (monitor) ? INFLOW_CHECK_STATE_OK
                                                                     : INFLOW_CHECK_STATE_PENDING,
               detail->str);
}

/* What the desktop answered the Background request, with a refusal flagged */
static void
check_background (InflowDiagnostics *self)
{
  InflowBackgroundAnswer answer;
  InflowCheckState state;

  if (self->background == NULL)
    {
      set_check (self, INFLOW_CHECK_BACKGROUND, INFLOW_CHECK_STATE_UNKNOWN,
                 _("Not known here: only the application asks the desktop."));
      return;
    }

  answer = inflow_background_portal_get_answer (inflow_background_mode_get_portal (self->background));
  switch (answer)
    {
    case INFLOW_BACKGROUND_ANSWER_ALLOWED:
      state = INFLOW_CHECK_STATE_OK;
      break;
    case INFLOW_BACKGROUND_ANSWER_REFUSED:
    case INFLOW_BACKGROUND_ANSWER_FAILED:
      state = INFLOW_CHECK_STATE_WARNING;
      break;
    case INFLOW_BACKGROUND_ANSWER_NONE:
    case INFLOW_BACKGROUND_ANSWER_PENDING:
    case INFLOW_BACKGROUND_ANSWER_NO_PORTAL:
    default:
      state = INFLOW_CHECK_STATE_INFO;
      break;
    }

  set_check (self, INFLOW_CHECK_BACKGROUND, state, inflow_background_mode_get_description (self->background));
}

static void
check_local (InflowDiagnostics *self)
{
  check_clock (self);
  check_rate_budget (self);
  check_last_refresh (self);
  check_request_rate (self);
  check_history (self);
  check_background (self);
}

/* ---- the checks that ask ------------------------------------------------------ */

static void
lookup_token_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  InflowDiagnostics *self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = inflow_token_store_lookup_finish (INFLOW_TOKEN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Only whether it is there matters; it goes at once. */
  if (token != NULL)
    {
      inflow_token_free (token);
      set_check (self, INFLOW_CHECK_KEYRING, INFLOW_CHECK_STATE_OK,
                 _("The access token is stored in the keyring (Secret Service)."));
    }
  else if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND))
    {
      set_check (self, INFLOW_CHECK_KEYRING, INFLOW_CHECK_STATE_WARNING,
                 _("No access token for this profile in the keyring: it lasts until Inflow quits, then you "
                   "need to sign in again."));
    }
  else
    {
      g_autofree char *detail = NULL;

      /* Translators: %s is an error message from the keyring */
      detail = g_strdup_printf (_("The keyring could not be read: %s"),
                                error != NULL ? error->message : _("unknown error"));
      set_check (self, INFLOW_CHECK_KEYRING, INFLOW_CHECK_STATE_ERROR, detail);
    }

  pending_done (self);
}

static void
check_keyring (InflowDiagnostics *self)
{
  InflowProfile *profile = self->session != NULL ? inflow_session_get_profile (self->session) : NULL;

  if (profile == NULL)
    {
      set_check (self, INFLOW_CHECK_KEYRING, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  if (inflow_profile_get_is_demo (profile))
    {
      set_check (self, INFLOW_CHECK_KEYRING, INFLOW_CHECK_STATE_INFO,
                 _("The demo uses a token that lives in memory for this run; nothing is stored."));
      return;
    }

  if (self->token_store == NULL)
    self->token_store = inflow_token_store_new ();

  set_check (self, INFLOW_CHECK_KEYRING, INFLOW_CHECK_STATE_PENDING, _("Looking in the keyring…"));
  self->n_pending++;
  inflow_token_store_lookup_async (self->token_store, inflow_profile_get_id (profile), self->cancellable,
                                   lookup_token_cb, self);
}

static const char *
api_host (InflowClient *client,
          GUri        **uri)
{
  *uri = g_uri_parse (inflow_client_get_base_url (client), G_URI_FLAGS_NONE, NULL);

  return *uri != NULL && g_uri_get_host (*uri) != NULL ? g_uri_get_host (*uri) : "";
}

static void
ping_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  InflowDiagnostics *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GUri) uri = NULL;
  gint64 elapsed_ms;

  inflow_client_ping_finish (INFLOW_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  report_other_request (self, error);
  elapsed_ms = (g_get_monotonic_time () - self->ping_started) / 1000;

  if (error == NULL)
    {
      /* Translators: a host name, then milliseconds */
      detail = g_strdup_printf (_("%s answered GET /v2/ping in %" PRId64 " ms."),
                                api_host (INFLOW_CLIENT (source), &uri), elapsed_ms);
      set_check (self, INFLOW_CHECK_API, INFLOW_CHECK_STATE_OK, detail);
    }
  else
    {
      /* Translators: a host name, then an error message */
      detail = g_strdup_printf (_("%s did not answer: %s"), api_host (INFLOW_CLIENT (source), &uri), error->message);
      set_check (self, INFLOW_CHECK_API, INFLOW_CHECK_STATE_ERROR, detail);
    }

  check_local (self);
  pending_done (self);
}

static void
me_cb (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  InflowDiagnostics *self = user_data;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;

  me = inflow_client_get_me_finish (INFLOW_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  report_other_request (self, error);

  if (me == NULL)
    {
      /* Translators: %s is an error message */
      detail = g_strdup_printf (_("GET /v2/me failed: %s"), error->message);
      set_check (self, INFLOW_CHECK_SCOPES, INFLOW_CHECK_STATE_ERROR, detail);
    }
  else
    {
      const char * const *scopes = inflow_me_get_scopes (me);
      g_autofree char *joined = scopes != NULL ? g_strjoinv (", ", (char **) scopes) : g_strdup ("");

      if (!inflow_me_has_scope (me, "read"))
        {
          /* Translators: %s is a list of API scopes */
          detail = g_strdup_printf (_("Scopes: %s. Without “read” Inflow cannot watch anything."), joined);
          set_check (self, INFLOW_CHECK_SCOPES, INFLOW_CHECK_STATE_ERROR, detail);
        }
      else if (!inflow_me_has_scope (me, "write"))
        {
          /* Translators: %s is a list of API scopes */
          detail = g_strdup_printf (_("Scopes: %s. Enough to watch ingestion; connecting accounts and "
                                      "changing workspace access need “write”."), joined);
          set_check (self, INFLOW_CHECK_SCOPES, INFLOW_CHECK_STATE_INFO, detail);
        }
      else
        {
          /* Translators: %s is a list of API scopes */
          detail = g_strdup_printf (_("Scopes: %s."), joined);
          set_check (self, INFLOW_CHECK_SCOPES, INFLOW_CHECK_STATE_OK, detail);
        }
    }

  check_local (self);
  pending_done (self);
}

/**
 * inflow_diagnostics_run:
 * @self: a diagnostics
 *
 * Runs every check again: the keyring, `GET /v2/ping` and `GET /v2/me`
 * (two requests, counted against the budget), and those that need none.
 */
void
inflow_diagnostics_run (InflowDiagnostics *self)
{
  InflowClient *client;
  gboolean was_checking;

  g_return_if_fail (INFLOW_IS_DIAGNOSTICS (self));

  was_checking = self->n_pending > 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_pending = 0;

  client = get_client (self);
  check_keyring (self);

  if (client != NULL)
    {
      set_check (self, INFLOW_CHECK_API, INFLOW_CHECK_STATE_PENDING, _("Asking Vantage…"));
      set_check (self, INFLOW_CHECK_SCOPES, INFLOW_CHECK_STATE_PENDING, _("Asking Vantage…"));
      self->n_pending += 2;
      self->ping_started = g_get_monotonic_time ();
      inflow_client_ping_async (client, self->cancellable, ping_cb, self);
      inflow_client_get_me_async (client, self->cancellable, me_cb, self);
    }
  else
    {
      set_check (self, INFLOW_CHECK_API, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      set_check (self, INFLOW_CHECK_SCOPES, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
    }

  check_local (self);

  if (was_checking != (self->n_pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* ---- the report ------------------------------------------------------------ */

static char *
iso_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return g_strdup ("-");

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Anything shaped like a secret goes, whatever put it there. */
static char *
redact (const char *text)
{
  static const char * const patterns[] = {
    "vntg_tkn_[A-Za-z0-9_-]+",
    "(?i)(authorization:\\s*)?bearer\\s+\\S+",
    "(?i)(token\\s*[=:]\\s*)[A-Za-z0-9_.-]{12,}",
  };
  g_autofree char *result = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, NULL);
      char *replaced;

      if (regex == NULL)
        continue;
      replaced = g_regex_replace_literal (regex, result, -1, 0, "[redacted]", 0, NULL);
      if (replaced != NULL)
        {
          g_free (result);
          result = replaced;
        }
    }

  return g_steal_pointer (&result);
}

/* The state in a word that does not change with the language. */
static const char *
state_code (InflowCheckState state)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (INFLOW_TYPE_CHECK_STATE);

  return g_enum_get_value (klass, state)->value_nick;
}

static void
append_ingestion (GString                *report,
                  InflowIngestionMonitor *monitor)
{
  g_autoptr(GEnumClass) phases = g_type_class_ref (INFLOW_TYPE_INGESTION_PHASE);
  GListModel *items = inflow_ingestion_monitor_get_items (monitor);
  g_autofree char *as_of = iso_time (inflow_ingestion_monitor_get_as_of (monitor));
  guint n = g_list_model_get_n_items (items);

  g_string_append_printf (report, "\nIngestion: %u AWS integrations, list as of %s\n",
                          inflow_ingestion_monitor_get_n_tracked (monitor), as_of);
  for (guint p = 0; p < INFLOW_INGESTION_N_PHASES; p++)
    {
      guint count = inflow_ingestion_monitor_get_phase_count (monitor, p);

      if (count > 0)
        g_string_append_printf (report, "  %-20s %u\n", g_enum_get_value (phases, p)->value_nick, count);
    }

  g_string_append (report, "\nIntegrations (token, provider, account, phase, as of, first report, newest cost day)\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, i);
      const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (item);
      const char *provider = inflow_ingestion_item_get_provider (item);
      const char *account_id = inflow_ingestion_item_get_account_id (item);
      g_autofree char *item_as_of = iso_time (verdict != NULL ? verdict->as_of : NULL);
      g_autofree char *first_cur = iso_time (verdict != NULL ? verdict->first_cur_at : NULL);
      g_autofree char *newest = NULL;

      if (verdict != NULL && verdict->newest_cost_date != NULL)
        newest = g_date_time_format (verdict->newest_cost_date, "%Y-%m-%d");

      g_string_append_printf (report, "  %s %s %s %s as-of=%s first-cur=%s newest=%s%s%s\n",
                              inflow_ingestion_item_get_token (item),
                              provider != NULL ? provider : "-",
                              account_id != NULL ? account_id : "-",
                              g_enum_get_value (phases, inflow_ingestion_item_get_phase (item))->value_nick,
                              item_as_of, first_cur, newest != NULL ? newest : "-",
                              inflow_ingestion_item_get_is_govcloud (item) ? " govcloud" : "",
                              inflow_ingestion_item_get_note (item) != NULL ? " (cannot probe)" : "");
    }
}

/**
 * inflow_diagnostics_build_report:
 * @self: a diagnostics
 * @runtime: (nullable): the libraries Inflow runs on, in a line
 *
 * Returns: (transfer full): the plain-text status report, in English for
 *   support (the checks' details stay in the user's language), redacted
 */
char *
inflow_diagnostics_build_report (InflowDiagnostics *self,
                                 const char        *runtime)
{
  g_autoptr(GString) report = g_string_new (NULL);
  InflowIngestionMonitor *monitor;
  InflowClient *client;
  InflowProfile *profile;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *generated = NULL;
  guint n;

  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS (self), NULL);

  monitor = get_monitor (self);
  client = get_client (self);
  profile = self->session != NULL ? inflow_session_get_profile (self->session) : NULL;
  now = dup_now (self);
  generated = iso_time (now);

  g_string_append_printf (report, "%s %s status report\n", PACKAGE_NAME, PACKAGE_VERSION);
  g_string_append_printf (report, "Generated: %s (server time)\n", generated);
  if (runtime != NULL)
    g_string_append_printf (report, "Runtime: %s\n", runtime);
  if (profile != NULL)
    g_string_append_printf (report, "Profile: %s%s\n", inflow_profile_get_name (profile),
                            inflow_profile_get_is_demo (profile) ? " (demo)" : "");
  if (client != NULL)
    g_string_append_printf (report, "API: %s\n", inflow_client_get_base_url (client));
  g_string_append (report, "Access token: not included\n");

  g_string_append (report, "\nChecks (each stands alone; there is no overall verdict)\n");
  n = g_list_model_get_n_items (G_LIST_MODEL (self->checks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowDiagnosticCheck) check = g_list_model_get_item (G_LIST_MODEL (self->checks), i);
      g_autofree char *when = iso_time (inflow_diagnostic_check_get_checked_at (check));
      g_autofree char *code = g_ascii_strup (state_code (inflow_diagnostic_check_get_state (check)), -1);
      const char *detail = inflow_diagnostic_check_get_detail (check);

      g_string_append_printf (report, "  %-22s %-8s at %s: %s\n", inflow_diagnostic_check_get_title (check), code,
                              when, detail != NULL ? detail : "");
    }

  if (monitor != NULL)
    append_ingestion (report, monitor);

  return redact (report->str);
}

/* ---- object --------------------------------------------------------------- */

static void
inflow_diagnostics_dispose (GObject *object)
{
  InflowDiagnostics *self = INFLOW_DIAGNOSTICS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->token_store);
  g_clear_object (&self->background);

  G_OBJECT_CLASS (inflow_diagnostics_parent_class)->dispose (object);
}

static void
inflow_diagnostics_finalize (GObject *object)
{
  InflowDiagnostics *self = INFLOW_DIAGNOSTICS (object);

  g_clear_object (&self->checks);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (inflow_diagnostics_parent_class)->finalize (object);
}

static void
inflow_diagnostics_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowDiagnostics *self = INFLOW_DIAGNOSTICS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->n_pending > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_diagnostics_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  InflowDiagnostics *self = INFLOW_DIAGNOSTICS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_diagnostics_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_diagnostics_class_init (InflowDiagnosticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_diagnostics_dispose;
  object_class->finalize = inflow_diagnostics_finalize;
  object_class->get_property = inflow_diagnostics_get_property;
  object_class->set_property = inflow_diagnostics_set_property;

  /**
   * InflowDiagnostics:session:
   *
   * The session checked, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowDiagnostics:checking:
   *
   * Whether checks that ask the keyring or Vantage are running.
   */
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_diagnostics_init (InflowDiagnostics *self)
{
  self->cancellable = g_cancellable_new ();
  self->checks = g_list_store_new (INFLOW_TYPE_DIAGNOSTIC_CHECK);

  for (guint i = 0; i < INFLOW_N_CHECKS; i++)
    {
      g_autoptr(InflowDiagnosticCheck) check = inflow_diagnostic_check_new (i);

      g_list_store_append (self->checks, check);
    }
}

/**
 * inflow_diagnostics_new:
 *
 * Returns: (transfer full): the checks of no session, pending
 */
InflowDiagnostics *
inflow_diagnostics_new (void)
{
  return g_object_new (INFLOW_TYPE_DIAGNOSTICS, NULL);
}

InflowSession *
inflow_diagnostics_get_session (InflowDiagnostics *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS (self), NULL);

  return self->session;
}

/**
 * inflow_diagnostics_set_session:
 * @self: a diagnostics
 * @session: (nullable): the session to check
 *
 * Runs the checks for @session.
 */
void
inflow_diagnostics_set_session (InflowDiagnostics *self,
                                InflowSession     *session)
{
  g_return_if_fail (INFLOW_IS_DIAGNOSTICS (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  inflow_diagnostics_run (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * inflow_diagnostics_get_checks:
 * @self: a diagnostics
 *
 * Returns: (transfer none): a #GListModel of #InflowDiagnosticCheck, one
 *   per #InflowCheck in its order
 */
GListModel *
inflow_diagnostics_get_checks (InflowDiagnostics *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS (self), NULL);

  return G_LIST_MODEL (self->checks);
}

/**
 * inflow_diagnostics_get_check:
 * @self: a diagnostics
 * @check: which
 *
 * Returns: (transfer none): the check
 */
InflowDiagnosticCheck *
inflow_diagnostics_get_check (InflowDiagnostics *self,
                              InflowCheck        check)
{
  InflowDiagnosticCheck *item;

  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS (self), NULL);
  g_return_val_if_fail (check < INFLOW_N_CHECKS, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->checks), check);
  g_object_unref (item);   /* the store keeps it */

  return item;
}

gboolean
inflow_diagnostics_get_checking (InflowDiagnostics *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS (self), FALSE);

  return self->n_pending > 0;
}

/**
 * inflow_diagnostics_set_background_mode:
 * @self: the checks
 * @background: (nullable): the application's background mode, whose
 *   answer from the desktop the Background check tells
 */
void
inflow_diagnostics_set_background_mode (InflowDiagnostics    *self,
                                        InflowBackgroundMode *background)
{
  g_return_if_fail (INFLOW_IS_DIAGNOSTICS (self));
  g_return_if_fail (background == NULL || INFLOW_IS_BACKGROUND_MODE (background));

  if (self->background != NULL)
    g_signal_handlers_disconnect_by_func (self->background, check_background, self);
  if (!g_set_object (&self->background, background))
    return;

  if (background != NULL)
    g_signal_connect_object (background, "notify::description", G_CALLBACK (check_background), self,
                             G_CONNECT_SWAPPED);
  check_background (self);
}
