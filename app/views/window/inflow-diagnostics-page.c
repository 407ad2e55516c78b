/* inflow-diagnostics-page.c: one line per check, and a redacted status report
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-diagnostics"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "inflow-diagnostics-page.h"
#include "inflow-ingestion-format.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-profile.h"
#include "inflow-storage-error.h"
#include "inflow-token-store.h"
#include "inflow-verdict-badge.h"

/**
 * InflowDiagnosticsPage:
 *
 * One line per check (keyring, API reachable, token scopes, server clock,
 * rate budget, last refresh, request rate planned against actual,
 * ingestion history), each with its own state and time and never an
 * aggregate green tick: peers' users complain of "all green" diagnostics
 * that hid a broken setup (research/peers-and-cur.md §4).
 *
 * *Copy Status Report* puts a plain-text report on the clipboard for a
 * support ticket. It is built from the checks and the verdicts only; the
 * access token is never part of them, and anything shaped like a token or
 * an Authorization header is redacted all the same.
 */

/* Clock offsets Inflow notices (research/vantage-api.md: times are the
 * server's, from its Date header). */
#define CLOCK_OFFSET_OK      (60 * G_TIME_SPAN_SECOND)
#define CLOCK_OFFSET_WARNING (10 * G_TIME_SPAN_MINUTE)

typedef struct
{
  InflowCheckState  state;
  char             *detail;
  GDateTime        *checked_at;
  AdwActionRow     *row;
  GtkImage         *icon;
  GtkWidget        *pill;
  GtkLabel         *pill_label;
} CheckLine;

struct _InflowDiagnosticsPage
{
  GtkWidget            parent_instance;

  InflowSession       *session;
  GCancellable        *cancellable;
  InflowTokenStore    *token_store;
  CheckLine            checks[INFLOW_N_CHECKS];
  guint                n_pending;
  gint64               ping_started;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *checks_group;
};

G_DEFINE_FINAL_TYPE (InflowDiagnosticsPage, inflow_diagnostics_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
check_title (InflowCheck check)
{
  switch (check)
    {
    case INFLOW_CHECK_KEYRING:
      return _("Keyring");
    case INFLOW_CHECK_API:
      return _("Vantage API Reachable");
    case INFLOW_CHECK_SCOPES:
      return _("Token Scopes");
    case INFLOW_CHECK_CLOCK:
      return _("Server Clock Offset");
    case INFLOW_CHECK_RATE_BUDGET:
      return _("Rate Budget");
    case INFLOW_CHECK_LAST_REFRESH:
      return _("Last Refresh");
    case INFLOW_CHECK_REQUEST_RATE:
      return _("Request Rate");
    case INFLOW_CHECK_HISTORY:
      return _("Ingestion History");
    case INFLOW_N_CHECKS:
    default:
      return "";
    }
}

static const char *
state_label (InflowCheckState state)
{
  switch (state)
    {
    case INFLOW_CHECK_STATE_PENDING:
      return C_("check state", "Checking");
    case INFLOW_CHECK_STATE_OK:
      return C_("check state", "OK");
    case INFLOW_CHECK_STATE_INFO:
      return C_("check state", "Note");
    case INFLOW_CHECK_STATE_WARNING:
      return C_("check state", "Warning");
    case INFLOW_CHECK_STATE_ERROR:
      return C_("check state", "Failed");
    case INFLOW_CHECK_STATE_UNKNOWN:
    default:
      return C_("check state", "Unknown");
    }
}

/* The same words untranslated, for the report's machine-readable column. */
static const char *
state_code (InflowCheckState state)
{
  switch (state)
    {
    case INFLOW_CHECK_STATE_PENDING:
      return "PENDING";
    case INFLOW_CHECK_STATE_OK:
      return "OK";
    case INFLOW_CHECK_STATE_INFO:
      return "INFO";
    case INFLOW_CHECK_STATE_WARNING:
      return "WARNING";
    case INFLOW_CHECK_STATE_ERROR:
      return "FAILED";
    case INFLOW_CHECK_STATE_UNKNOWN:
    default:
      return "UNKNOWN";
    }
}

static const char *
state_icon (InflowCheckState state)
{
  switch (state)
    {
    case INFLOW_CHECK_STATE_PENDING:
      return "content-loading-symbolic";
    case INFLOW_CHECK_STATE_OK:
      return "object-select-symbolic";
    case INFLOW_CHECK_STATE_INFO:
      return "dialog-information-symbolic";
    case INFLOW_CHECK_STATE_WARNING:
      return "dialog-warning-symbolic";
    case INFLOW_CHECK_STATE_ERROR:
      return "dialog-error-symbolic";
    case INFLOW_CHECK_STATE_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

static const char *
state_tone (InflowCheckState state)
{
  switch (state)
    {
    case INFLOW_CHECK_STATE_OK:
      return "success";
    case INFLOW_CHECK_STATE_INFO:
      return "accent";
    case INFLOW_CHECK_STATE_WARNING:
      return "warning";
    case INFLOW_CHECK_STATE_ERROR:
      return "error";
    case INFLOW_CHECK_STATE_PENDING:
    case INFLOW_CHECK_STATE_UNKNOWN:
    default:
      return "neutral";
    }
}

static InflowClient *
get_client (InflowDiagnosticsPage *self)
{
  return self->session != NULL ? inflow_session_get_client (self->session) : NULL;
}

static InflowIngestionMonitor *
get_monitor (InflowDiagnosticsPage *self)
{
  return self->session != NULL ? inflow_session_get_ingestion_monitor (self->session) : NULL;
}

static GDateTime *
dup_now (InflowDiagnosticsPage *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  g_autoptr(GDateTime) now = NULL;

  if (monitor == NULL)
    return g_date_time_new_now_local ();

  /* The server's time, as the monitor keeps it between answers */
  now = inflow_ingestion_monitor_dup_now (monitor);
  return g_date_time_to_local (now);
}

static void
update_line (InflowDiagnosticsPage *self,
             InflowCheck            check)
{
  CheckLine *line = &self->checks[check];
  static const char * const tones[] = { "neutral", "success", "accent", "warning", "error" };
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  if (line->checked_at != NULL && line->state != INFLOW_CHECK_STATE_PENDING)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (line->checked_at);
      /* Translators: a time of day with seconds, in g_date_time_format() notation */
      g_autofree char *when = g_date_time_format (local, _("%H:%M:%S"));

      /* Translators: what a check found, then the time it ran like "14:20:05" */
      subtitle = g_strdup_printf (_("%s\nChecked at %s"), line->detail != NULL ? line->detail : "", when);
    }
  else
    {
      subtitle = g_strdup (line->detail != NULL ? line->detail : "");
    }

  adw_action_row_set_subtitle (line->row, subtitle);
  gtk_image_set_from_icon_name (line->icon, state_icon (line->state));
  gtk_label_set_label (line->pill_label, state_label (line->state));
  for (guint i = 0; i < G_N_ELEMENTS (tones); i++)
    {
      gtk_widget_remove_css_class (line->pill, tones[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (line->icon), tones[i]);
    }
  gtk_widget_add_css_class (line->pill, state_tone (line->state));
  gtk_widget_add_css_class (GTK_WIDGET (line->icon), state_tone (line->state));

  /* Translators: a check, its state, like "Keyring: OK" */
  accessible = g_strdup_printf (_("%s: %s"), check_title (check), state_label (line->state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (line->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
set_check (InflowDiagnosticsPage *self,
           InflowCheck            check,
           InflowCheckState       state,
           const char            *detail)
{
  CheckLine *line = &self->checks[check];

  line->state = state;
  g_free (line->detail);
  line->detail = g_strdup (detail);
  g_clear_pointer (&line->checked_at, g_date_time_unref);
  if (state != INFLOW_CHECK_STATE_PENDING)
    line->checked_at = dup_now (self);

  update_line (self, check);
}

static void
pending_done (InflowDiagnosticsPage *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static void
report_other_request (InflowDiagnosticsPage *self,
                      const GError          *error)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  InflowClient *client = get_client (self);
  InflowRateLimit rate_limit = INFLOW_RATE_LIMIT_INIT;
  g_autoptr(GDateTime) now = NULL;
  guint status = 200;

  if (monitor == NULL || client == NULL)
    return;

  if (error != NULL)
    status = g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED) ? 429 :
             g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED) ? 401 :
             g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK) ? 0 : 500;

  rate_limit.limit = inflow_client_get_rate_limit_limit (client);
  rate_limit.remaining = inflow_client_get_rate_limit_remaining (client);
  rate_limit.reset = inflow_client_get_rate_limit_reset (client);
  now = inflow_ingestion_monitor_dup_now (monitor);

  /* The account-wide limit counts these too. */
  inflow_poll_planner_report (inflow_ingestion_monitor_get_planner (monitor), INFLOW_POLL_REQUEST_OTHER,
                              NULL, now, status, &rate_limit);
}

/* ---- the checks that need no request ---------------------------------------- */

static void
check_clock (InflowDiagnosticsPage *self)
{
  InflowClient *client = get_client (self);
  InflowIngestionMonitor *monitor = get_monitor (self);
  g_autofree char *detail = NULL;
  GTimeSpan offset;
  double seconds;

  if (client == NULL)
    {
      set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  offset = inflow_client_get_clock_offset (client);
  seconds = (double) offset / G_TIME_SPAN_SECOND;

  if (monitor != NULL && inflow_ingestion_monitor_get_time_scale (monitor) > 1.5)
    {
      /* Translators: %.0f is how many times faster the demo's clock runs */
      detail = g_strdup_printf (_("The demo’s clock runs %.0f× faster than real time; Inflow measures every "
                                  "delay in its time."), inflow_ingestion_monitor_get_time_scale (monitor));
      set_check (self, INFLOW_CHECK_CLOCK, INFLOW_CHECK_STATE_INFO, detail);
      return;
    }

  /* Translators: %+.1f is a number of seconds, like "+0.4" */
  detail = g_strdup_printf (_("The server’s clock is %+.1f s from this computer’s; Inflow measures delays "
                              "in server time."), seconds);

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
check_rate_budget (InflowDiagnosticsPage *self)
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
                 _("Vantage has not sent x-rate-limit figures yet."));
      return;
    }

  if (reset > 0)
    {
      g_autoptr(GDateTime) reset_time = g_date_time_new_from_unix_local (reset);
      g_autoptr(GDateTime) now = dup_now (self);
      g_autofree char *when = inflow_ingestion_format_when (reset_time, now);

      /* Translators: two counts, then a time like "15:00 today"; the limit is the whole organization's */
      detail = g_strdup_printf (_("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " requests left for the whole "
                                  "organization (x-rate-limit-remaining); the window resets at %s."),
                                remaining, limit, when);
    }
  else
    {
      /* Translators: two counts; the limit is the whole organization's */
      detail = g_strdup_printf (_("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " requests left for the whole "
                                  "organization (x-rate-limit-remaining)."), remaining, limit);
    }

  if (remaining <= 10)
    set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_ERROR, detail);
  else if (limit > 0 && remaining < limit / 5)
    set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_WARNING, detail);
  else
    set_check (self, INFLOW_CHECK_RATE_BUDGET, INFLOW_CHECK_STATE_OK, detail);
}

static void
check_last_refresh (InflowDiagnosticsPage *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *detail = NULL;
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
  error = inflow_ingestion_monitor_get_last_error (monitor);
  interval = inflow_poll_planner_get_refresh_interval (inflow_ingestion_monitor_get_planner (monitor));

  if (as_of == NULL)
    {
      if (error != NULL)
        {
          /* Translators: %s is an error message */
          detail = g_strdup_printf (_("The integration list was never fetched: %s"), error->message);
          set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_ERROR, detail);
        }
      else
        {
          set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_UNKNOWN,
                     _("The integration list has not been fetched yet."));
        }
      return;
    }

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (as_of);
    g_autofree char *when = inflow_ingestion_format_when (local, now);

    /* Translators: a time like "14:20 today", then a number of minutes */
    detail = g_strdup_printf (g_dngettext (NULL, "The integration list was fetched %s; it refreshes every %u minute.",
                                           "The integration list was fetched %s; it refreshes every %u minutes.",
                                           interval),
                              when, interval);
  }

  if (error != NULL)
    {
      g_autofree char *more = NULL;

      /* Translators: what was fetched when, then an error message */
      more = g_strdup_printf (_("%s The latest attempt failed: %s"), detail, error->message);
      set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_ERROR, more);
    }
  else if (g_date_time_difference (now, as_of) > 2 * (GTimeSpan) interval * G_TIME_SPAN_MINUTE + G_TIME_SPAN_MINUTE)
    set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_WARNING, detail);
  else
    set_check (self, INFLOW_CHECK_LAST_REFRESH, INFLOW_CHECK_STATE_OK, detail);
}

static void
check_request_rate (InflowDiagnosticsPage *self)
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
  /* Translators: requests per hour planned, then Inflow's budget per hour */
  g_string_append_printf (detail, _("Planned: about %.0f requests an hour, within Inflow’s budget of %u an hour."),
                          ceil (planned), budget);
  g_string_append_c (detail, ' ');
  /* Translators: requests made in the last hour: all, planned lists, planned probes, other */
  g_string_append_printf (detail, _("Made in the last hour: %u (%u list refreshes, %u cost probes, %u other)."),
                          stats.actual_last_hour, stats.planned_lists_last_hour, stats.planned_probes_last_hour,
                          stats.other_last_hour);
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
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (stats.backoff_until / G_USEC_PER_SEC);
      g_autoptr(GDateTime) now = dup_now (self);
      g_autofree char *when = inflow_ingestion_format_when (until, now);

      g_string_append_c (detail, ' ');
      /* Translators: %s is a time like "14:20 today" */
      g_string_append_printf (detail, _("Backing off until %s."), when);
    }

  if (stats.backoff_until > 0 || stats.actual_last_hour > budget)
    set_check (self, INFLOW_CHECK_REQUEST_RATE, INFLOW_CHECK_STATE_WARNING, detail->str);
  else if (stats.rate_limited_last_hour > 0)
    set_check (self, INFLOW_CHECK_REQUEST_RATE, INFLOW_CHECK_STATE_WARNING, detail->str);
  else
    set_check (self, INFLOW_CHECK_REQUEST_RATE, INFLOW_CHECK_STATE_OK, detail->str);
}

static void
check_history (InflowDiagnosticsPage *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  g_autofree char *detail = NULL;

  if (monitor == NULL)
    {
      set_check (self, INFLOW_CHECK_HISTORY, INFLOW_CHECK_STATE_UNKNOWN, _("Not signed in."));
      return;
    }

  if (!inflow_ingestion_monitor_get_stores_history (monitor))
    {
      set_check (self, INFLOW_CHECK_HISTORY, INFLOW_CHECK_STATE_INFO,
                 _("Observations are kept in memory only: this profile is not stored (the demo, or a "
                   "session-only sign-in), so timelines start afresh at the next start."));
      return;
    }

  /* Translators: %u is a count of observations */
  detail = g_strdup_printf (g_dngettext (NULL, "Observations are stored for 90 days; %u was written in this run.",
                                         "Observations are stored for 90 days; %u were written in this run.",
                                         inflow_ingestion_monitor_get_n_observations_written (monitor)),
                            inflow_ingestion_monitor_get_n_observations_written (monitor));
  set_check (self, INFLOW_CHECK_HISTORY,
             inflow_ingestion_monitor_get_history_loaded (monitor) ? INFLOW_CHECK_STATE_OK : INFLOW_CHECK_STATE_PENDING,
             detail);
}

static void
check_local (InflowDiagnosticsPage *self)
{
  check_clock (self);
  check_rate_budget (self);
  check_last_refresh (self);
  check_request_rate (self);
  check_history (self);
}

/* ---- the checks that ask ------------------------------------------------------ */

static void
lookup_token_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  InflowDiagnosticsPage *self = user_data;
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
check_keyring (InflowDiagnosticsPage *self)
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

static void
ping_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  InflowDiagnosticsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GUri) uri = NULL;
  gint64 elapsed_ms;

  inflow_client_ping_finish (INFLOW_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  report_other_request (self, error);
  elapsed_ms = (g_get_monotonic_time () - self->ping_started) / 1000;
  uri = g_uri_parse (inflow_client_get_base_url (INFLOW_CLIENT (source)), G_URI_FLAGS_NONE, NULL);

  if (error == NULL)
    {
      /* Translators: a host name, then milliseconds */
      detail = g_strdup_printf (_("%s answered GET /v2/ping in %" G_GINT64_FORMAT " ms."),
                                uri != NULL ? g_uri_get_host (uri) : "", elapsed_ms);
      set_check (self, INFLOW_CHECK_API, INFLOW_CHECK_STATE_OK, detail);
    }
  else
    {
      /* Translators: a host name, then an error message */
      detail = g_strdup_printf (_("%s did not answer: %s"), uri != NULL ? g_uri_get_host (uri) : "", error->message);
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
  InflowDiagnosticsPage *self = user_data;
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
      gboolean can_read = inflow_me_has_scope (me, "read");
      gboolean can_write = inflow_me_has_scope (me, "write");

      if (!can_read)
        {
          /* Translators: %s is a list of API scopes */
          detail = g_strdup_printf (_("Scopes: %s. Without “read” Inflow cannot watch anything."), joined);
          set_check (self, INFLOW_CHECK_SCOPES, INFLOW_CHECK_STATE_ERROR, detail);
        }
      else if (!can_write)
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
 * inflow_diagnostics_page_run_checks:
 * @self: a page
 *
 * Runs every check again: the keyring, `GET /v2/ping` and `GET /v2/me`
 * (two requests, counted against the budget), and those that need none.
 */
void
inflow_diagnostics_page_run_checks (InflowDiagnosticsPage *self)
{
  InflowClient *client;
  gboolean was_checking;

  g_return_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self));

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

/**
 * inflow_diagnostics_page_build_report:
 * @self: a page
 *
 * Returns: (transfer full): the plain-text status report, redacted
 */
char *
inflow_diagnostics_page_build_report (InflowDiagnosticsPage *self)
{
  g_autoptr(GString) report = g_string_new (NULL);
  InflowIngestionMonitor *monitor;
  InflowClient *client;
  InflowProfile *profile;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *generated = NULL;

  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self), NULL);

  monitor = get_monitor (self);
  client = get_client (self);
  profile = self->session != NULL ? inflow_session_get_profile (self->session) : NULL;
  now = dup_now (self);
  generated = iso_time (now);

  g_string_append_printf (report, "%s %s status report\n", PACKAGE_NAME, PACKAGE_VERSION);
  g_string_append_printf (report, "Generated: %s (server time)\n", generated);
  g_string_append_printf (report, "Runtime: GLib %u.%u.%u, GTK %u.%u.%u, libadwaita %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());
  if (profile != NULL)
    g_string_append_printf (report, "Profile: %s%s\n", inflow_profile_get_name (profile),
                            inflow_profile_get_is_demo (profile) ? " (demo)" : "");
  if (client != NULL)
    g_string_append_printf (report, "API: %s\n", inflow_client_get_base_url (client));
  g_string_append (report, "Access token: not included\n");

  g_string_append (report, "\nChecks (each stands alone; there is no overall verdict)\n");
  for (guint i = 0; i < INFLOW_N_CHECKS; i++)
    {
      const CheckLine *line = &self->checks[i];
      g_autofree char *when = iso_time (line->checked_at);

      g_string_append_printf (report, "  %-22s %-8s at %s: %s\n", check_title (i), state_code (line->state),
                              when, line->detail != NULL ? line->detail : "");
    }

  if (monitor != NULL)
    {
      GListModel *items = inflow_ingestion_monitor_get_items (monitor);
      g_autofree char *as_of = iso_time (inflow_ingestion_monitor_get_as_of (monitor));
      guint n = g_list_model_get_n_items (items);

      g_string_append_printf (report, "\nIngestion: %u AWS integrations, list as of %s\n",
                              inflow_ingestion_monitor_get_n_tracked (monitor), as_of);
      for (guint p = 0; p < INFLOW_INGESTION_N_PHASES; p++)
        {
          guint count = inflow_ingestion_monitor_get_phase_count (monitor, p);
          g_autoptr(GEnumClass) klass = g_type_class_ref (INFLOW_TYPE_INGESTION_PHASE);

          if (count > 0)
            g_string_append_printf (report, "  %-20s %u\n", g_enum_get_value (klass, p)->value_nick, count);
        }

      g_string_append (report, "\nIntegrations (token, provider, account, phase, as of, first report, newest cost day)\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, i);
          const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (item);
          g_autoptr(GEnumClass) klass = g_type_class_ref (INFLOW_TYPE_INGESTION_PHASE);
          g_autofree char *item_as_of = iso_time (verdict != NULL ? verdict->as_of : NULL);
          g_autofree char *first_cur = iso_time (verdict != NULL ? verdict->first_cur_at : NULL);
          g_autofree char *newest = NULL;

          if (verdict != NULL && verdict->newest_cost_date != NULL)
            newest = g_date_time_format (verdict->newest_cost_date, "%Y-%m-%d");

          g_string_append_printf (report, "  %s %s %s %s as-of=%s first-cur=%s newest=%s%s%s\n",
                                  inflow_ingestion_item_get_token (item),
                                  inflow_ingestion_item_get_provider (item) != NULL ? inflow_ingestion_item_get_provider (item) : "-",
                                  inflow_ingestion_item_get_account_id (item) != NULL ? inflow_ingestion_item_get_account_id (item) : "-",
                                  g_enum_get_value (klass, inflow_ingestion_item_get_phase (item))->value_nick,
                                  item_as_of, first_cur, newest != NULL ? newest : "-",
                                  inflow_ingestion_item_get_is_govcloud (item) ? " govcloud" : "",
                                  inflow_ingestion_item_get_note (item) != NULL ? " (cannot probe)" : "");
        }
    }

  return redact (report->str);
}

/**
 * inflow_diagnostics_page_copy_report:
 * @self: a page
 *
 * Puts the status report on the clipboard and says so.
 */
void
inflow_diagnostics_page_copy_report (InflowDiagnosticsPage *self)
{
  g_autofree char *report = NULL;

  g_return_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self));

  report = inflow_diagnostics_page_build_report (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), report);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Status report copied")));
}

/* ---- object --------------------------------------------------------------- */

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  inflow_diagnostics_page_run_checks (INFLOW_DIAGNOSTICS_PAGE (widget));
}

static void
copy_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  inflow_diagnostics_page_copy_report (INFLOW_DIAGNOSTICS_PAGE (widget));
}

static void
inflow_diagnostics_page_dispose (GObject *object)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_DIAGNOSTICS_PAGE);
  /* The template's top widget may have no id: unparent whatever is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->token_store);

  G_OBJECT_CLASS (inflow_diagnostics_page_parent_class)->dispose (object);
}

static void
inflow_diagnostics_page_finalize (GObject *object)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (object);

  for (guint i = 0; i < INFLOW_N_CHECKS; i++)
    {
      g_clear_pointer (&self->checks[i].detail, g_free);
      g_clear_pointer (&self->checks[i].checked_at, g_date_time_unref);
    }
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (inflow_diagnostics_page_parent_class)->finalize (object);
}

static void
inflow_diagnostics_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (object);

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
inflow_diagnostics_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_diagnostics_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_diagnostics_page_class_init (InflowDiagnosticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_diagnostics_page_dispose;
  object_class->finalize = inflow_diagnostics_page_finalize;
  object_class->get_property = inflow_diagnostics_page_get_property;
  object_class->set_property = inflow_diagnostics_page_set_property;

  /**
   * InflowDiagnosticsPage:session:
   *
   * The session checked, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowDiagnosticsPage:checking:
   *
   * Whether checks that ask the keyring or Vantage are running.
   */
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-diagnostics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowDiagnosticsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, InflowDiagnosticsPage, checks_group);

  gtk_widget_class_install_action (widget_class, "diagnostics.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "diagnostics.copy-report", NULL, copy_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "diagnostics.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "diagnostics.copy-report", NULL);
}

static void
inflow_diagnostics_page_init (InflowDiagnosticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < INFLOW_N_CHECKS; i++)
    {
      CheckLine *line = &self->checks[i];
      GtkWidget *icon = gtk_image_new ();
      GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (NULL);

      line->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line->row), check_title (i));
      adw_action_row_set_subtitle_lines (line->row, 0);
      /* libadwaita 1.3 lets the result be selected and copied. */
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (line->row), "subtitle-selectable") != NULL)
        g_object_set (line->row, "subtitle-selectable", TRUE, NULL);

      gtk_widget_add_css_class (icon, "inflow-check-icon");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_prefix (line->row, icon);

      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pill, "inflow-verdict-badge");
      gtk_box_append (GTK_BOX (pill), label);
      adw_action_row_add_suffix (line->row, pill);

      line->icon = GTK_IMAGE (icon);
      line->pill = pill;
      line->pill_label = GTK_LABEL (label);
      line->state = INFLOW_CHECK_STATE_PENDING;
      adw_preferences_group_add (self->checks_group, GTK_WIDGET (line->row));
      update_line (self, i);
    }
}

/**
 * inflow_diagnostics_page_new:
 *
 * Returns: (transfer floating): a page without a session
 */
GtkWidget *
inflow_diagnostics_page_new (void)
{
  return g_object_new (INFLOW_TYPE_DIAGNOSTICS_PAGE, NULL);
}

InflowSession *
inflow_diagnostics_page_get_session (InflowDiagnosticsPage *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self), NULL);

  return self->session;
}

/**
 * inflow_diagnostics_page_set_session:
 * @self: a page
 * @session: (nullable): the session to check
 *
 * Runs the checks for @session.
 */
void
inflow_diagnostics_page_set_session (InflowDiagnosticsPage *self,
                                     InflowSession         *session)
{
  g_return_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  inflow_diagnostics_page_run_checks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
inflow_diagnostics_page_get_checking (InflowDiagnosticsPage *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self), FALSE);

  return self->n_pending > 0;
}

InflowCheckState
inflow_diagnostics_page_get_check_state (InflowDiagnosticsPage *self,
                                         InflowCheck            check)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self), INFLOW_CHECK_STATE_UNKNOWN);
  g_return_val_if_fail (check < INFLOW_N_CHECKS, INFLOW_CHECK_STATE_UNKNOWN);

  return self->checks[check].state;
}

/**
 * inflow_diagnostics_page_present:
 * @parent: (nullable): the main window
 * @session: (nullable): the session to check
 *
 * Opens the page in a window of its own (for the primary menu's
 * Diagnostics entry).
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
inflow_diagnostics_page_present (GtkWindow     *parent,
                                 InflowSession *session)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = inflow_diagnostics_page_new ();
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_window_set_title (GTK_WINDOW (window), _("Diagnostics"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_hide_on_close (GTK_WINDOW (window), FALSE);

  gtk_widget_set_tooltip_text (copy, _("Copy Status Report (Ctrl+Shift+C)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "diagnostics.copy-report");
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy Status Report"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), copy);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* The header's button sits outside the page: give it the page's action. */
  {
    GSimpleActionGroup *group = g_simple_action_group_new ();
    GSimpleAction *action = g_simple_action_new ("copy-report", NULL);

    g_signal_connect_object (action, "activate", G_CALLBACK (inflow_diagnostics_page_copy_report),
                             page, G_CONNECT_SWAPPED);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    gtk_widget_insert_action_group (header, "diagnostics", G_ACTION_GROUP (group));
    g_object_unref (action);
    g_object_unref (group);
  }

  inflow_diagnostics_page_set_session (INFLOW_DIAGNOSTICS_PAGE (page), session);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}
