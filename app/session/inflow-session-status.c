/* inflow-session-status.c: how current a session's data is, in words, for the window
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-window"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-api-error.h"
#include "inflow-ingestion-format.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-session-status.h"

/**
 * InflowSessionStatus:
 *
 * The view-model of the window's status line, its banner and the counts in
 * its sidebar: "Updated 14:20 today", "Offline — data as of …", why the
 * data may be old and what the banner's button does. Times are said
 * against the session's one clock, the server's, like every time in the
 * sections (the demo's runs faster than the computer's).
 */
struct _InflowSessionStatus
{
  GObject        parent_instance;

  InflowSession *session;
  GSignalGroup  *session_signals;
  GSignalGroup  *monitor_signals;
  GSignalGroup  *list_signals[3];

  char          *texts[6];   /* by property, from PROP_STATUS_TEXT */
};

G_DEFINE_FINAL_TYPE (InflowSessionStatus, inflow_session_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CONNECTION_STATE,
  PROP_REFRESHING,
  PROP_SIGN_IN_NEEDED,
  /* Texts, in the order of texts[] */
  PROP_STATUS_TEXT,
  PROP_BANNER_TEXT,
  PROP_BANNER_BUTTON,
  PROP_INTEGRATIONS_COUNT,
  PROP_ACCOUNTS_COUNT,
  PROP_WORKSPACES_COUNT,
  N_PROPS
};

#define TEXT(prop) ((prop) - PROP_STATUS_TEXT)

G_STATIC_ASSERT (TEXT (N_PROPS) == G_N_ELEMENTS (((InflowSessionStatus *) NULL)->texts));

static GParamSpec *properties[N_PROPS];

/* The time the data shows: the oldest of the lists' times, in words. */
static char *
as_of_words (InflowSession *session)
{
  InflowServerClock *clock = inflow_ingestion_monitor_get_clock (inflow_session_get_ingestion_monitor (session));
  g_autoptr(GDateTime) as_of = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDateTime *oldest = NULL;

  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    {
      GDateTime *fetched_at = inflow_session_get_fetched_at (session, i);

      if (fetched_at != NULL && (oldest == NULL || g_date_time_compare (fetched_at, oldest) < 0))
        oldest = fetched_at;
    }

  if (oldest == NULL)
    return NULL;

  as_of = inflow_server_clock_to_server_time (clock, oldest);
  now = inflow_server_clock_dup_local_now (clock);
  return inflow_ingestion_format_when (as_of, now);
}

static char *
status_words (InflowSession *session,
              const char    *as_of)
{
  if (inflow_session_get_refreshing (session))
    return g_strdup (_("Refreshing…"));

  switch (inflow_session_get_connection_state (session))
    {
    case INFLOW_CONNECTION_ONLINE:
      /* Translators: %s is a time, like "14:20 today" */
      return as_of != NULL ? g_strdup_printf (_("Updated %s"), as_of) : g_strdup (_("Up to date"));

    case INFLOW_CONNECTION_OFFLINE:
      /* Translators: %s is a time, like "14:20 today" */
      return as_of != NULL ? g_strdup_printf (_("Offline — data as of %s"), as_of) : g_strdup (_("Offline"));

    case INFLOW_CONNECTION_UNAUTHORIZED:
    case INFLOW_CONNECTION_ERROR:
      /* Translators: %s is a time, like "14:20 today" */
      return as_of != NULL ? g_strdup_printf (_("Not updated — data as of %s"), as_of) : g_strdup (_("Not updated"));

    case INFLOW_CONNECTION_UNKNOWN:
    default:
      /* Translators: %s is a time, like "14:20 today" */
      return as_of != NULL ? g_strdup_printf (_("Data as of %s"), as_of) : g_strdup (_("Not updated yet"));
    }
}

/* Why the data may be old, or NULL when nothing is wrong. */
static char *
banner_words (InflowSession *session,
              const char    *as_of)
{
  const GError *error = inflow_session_get_last_error (session);
  g_autofree char *text = NULL;
  const char *what;

  switch (inflow_session_get_connection_state (session))
    {
    case INFLOW_CONNECTION_OFFLINE:
      if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_TLS))
        what = _("The secure connection to Vantage failed.");
      else if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER))
        what = _("Vantage is not answering properly right now.");
      else
        what = _("Offline: Inflow cannot reach Vantage.");

      if (as_of != NULL)
        /* Translators: the first %s says what is wrong, the second is a time like "14:20 today" */
        text = g_strdup_printf (_("%s Showing the data as of %s."), what, as_of);
      else
        text = g_strdup (what);
      break;

    case INFLOW_CONNECTION_UNAUTHORIZED:
      text = g_strdup (_("Vantage no longer accepts the API token of this profile. Sign in again to see fresh data."));
      break;

    case INFLOW_CONNECTION_ERROR:
      text = g_strdup (error != NULL ? error->message : _("The data could not be updated."));
      break;

    case INFLOW_CONNECTION_UNKNOWN:
    case INFLOW_CONNECTION_ONLINE:
    default:
      return NULL;
    }

  /* The profile manager retries these by itself */
  if (inflow_api_error_is_transient (error))
    /* Translators: %s says what went wrong */
    return g_strdup_printf (_("%s Inflow will try again shortly."), text);

  return g_steal_pointer (&text);
}

static char *
count_words (InflowSession     *session,
             InflowSessionList  list,
             GListModel        *model)
{
  if (inflow_session_get_fetched_at (session, list) == NULL)
    return NULL;

  return g_strdup_printf ("%u", g_list_model_get_n_items (model));
}

/* Takes @text; notifies when it differs. */
static void
set_text (InflowSessionStatus *self,
          guint                prop_id,
          char                *text)
{
  char **slot = &self->texts[TEXT (prop_id)];

  if (g_strcmp0 (*slot, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (*slot);
  *slot = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update (InflowSessionStatus *self)
{
  InflowSession *session = self->session;
  g_autofree char *as_of = NULL;

  g_object_freeze_notify (G_OBJECT (self));

  /* The state and what depends on it alone */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGN_IN_NEEDED]);

  if (session == NULL)
    {
      for (guint i = PROP_STATUS_TEXT; i < N_PROPS; i++)
        set_text (self, i, NULL);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  as_of = as_of_words (session);
  set_text (self, PROP_STATUS_TEXT, status_words (session, as_of));
  set_text (self, PROP_BANNER_TEXT, banner_words (session, as_of));
  set_text (self, PROP_BANNER_BUTTON,
            g_strdup (inflow_session_get_connection_state (session) == INFLOW_CONNECTION_UNAUTHORIZED
                      ? _("_Sign In…") : _("_Retry")));
  set_text (self, PROP_INTEGRATIONS_COUNT,
            count_words (session, INFLOW_SESSION_LIST_INTEGRATIONS, inflow_session_get_integrations (session)));
  set_text (self, PROP_ACCOUNTS_COUNT,
            count_words (session, INFLOW_SESSION_LIST_CLOUD_ACCOUNTS, inflow_session_get_cloud_accounts (session)));
  set_text (self, PROP_WORKSPACES_COUNT,
            count_words (session, INFLOW_SESSION_LIST_WORKSPACES, inflow_session_get_workspaces (session)));

  g_object_thaw_notify (G_OBJECT (self));
}

static void
inflow_session_status_dispose (GObject *object)
{
  InflowSessionStatus *self = INFLOW_SESSION_STATUS (object);

  if (self->session_signals != NULL)
    inflow_session_status_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->monitor_signals);
  for (guint i = 0; i < G_N_ELEMENTS (self->list_signals); i++)
    g_clear_object (&self->list_signals[i]);

  G_OBJECT_CLASS (inflow_session_status_parent_class)->dispose (object);
}

static void
inflow_session_status_finalize (GObject *object)
{
  InflowSessionStatus *self = INFLOW_SESSION_STATUS (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_clear_pointer (&self->texts[i], g_free);

  G_OBJECT_CLASS (inflow_session_status_parent_class)->finalize (object);
}

static void
inflow_session_status_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  InflowSessionStatus *self = INFLOW_SESSION_STATUS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CONNECTION_STATE:
      g_value_set_enum (value, self->session != NULL ? inflow_session_get_connection_state (self->session)
                                                     : INFLOW_CONNECTION_UNKNOWN);
      break;
    case PROP_REFRESHING:
      g_value_set_boolean (value, self->session != NULL && inflow_session_get_refreshing (self->session));
      break;
    case PROP_SIGN_IN_NEEDED:
      g_value_set_boolean (value, self->session != NULL &&
                                  inflow_session_get_connection_state (self->session) == INFLOW_CONNECTION_UNAUTHORIZED);
      break;
    default:
      if (prop_id >= PROP_STATUS_TEXT && prop_id < N_PROPS)
        g_value_set_string (value, self->texts[TEXT (prop_id)]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_session_status_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  InflowSessionStatus *self = INFLOW_SESSION_STATUS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_session_status_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_session_status_class_init (InflowSessionStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const names[] = {
    "status-text", "banner-text", "banner-button", "integrations-count", "accounts-count", "workspaces-count",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == TEXT (N_PROPS));

  object_class->dispose = inflow_session_status_dispose;
  object_class->finalize = inflow_session_status_finalize;
  object_class->get_property = inflow_session_status_get_property;
  object_class->set_property = inflow_session_status_set_property;

  /**
   * InflowSessionStatus:session:
   *
   * The session told of, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowSessionStatus:connection-state:
   *
   * The session's #InflowSession:connection-state.
   */
  properties[PROP_CONNECTION_STATE] =
    g_param_spec_enum ("connection-state", NULL, NULL, INFLOW_TYPE_CONNECTION_STATE, INFLOW_CONNECTION_UNKNOWN, ro);

  /**
   * InflowSessionStatus:refreshing:
   *
   * Whether the session refreshes its lists.
   */
  properties[PROP_REFRESHING] = g_param_spec_boolean ("refreshing", NULL, NULL, FALSE, ro);

  /**
   * InflowSessionStatus:sign-in-needed:
   *
   * Whether Vantage refused the token: the banner's button signs in.
   */
  properties[PROP_SIGN_IN_NEEDED] = g_param_spec_boolean ("sign-in-needed", NULL, NULL, FALSE, ro);

  /**
   * InflowSessionStatus:status-text:
   *
   * "Updated 14:20 today", "Offline — data as of …".
   *
   * InflowSessionStatus:banner-text:
   *
   * Why the data may be old, or %NULL when nothing is wrong.
   *
   * InflowSessionStatus:banner-button:
   *
   * The banner button's label, with a mnemonic.
   *
   * The counts are those of the lists, %NULL until a list is known.
   */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    properties[PROP_STATUS_TEXT + i] = g_param_spec_string (names[i], NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_session_status_init (InflowSessionStatus *self)
{
  static const char * const session_signals[] = {
    "notify::connection-state", "notify::last-error", "notify::refreshing", "fetched-at-changed",
  };

  self->session_signals = g_signal_group_new (INFLOW_TYPE_SESSION);
  for (guint i = 0; i < G_N_ELEMENTS (session_signals); i++)
    g_signal_group_connect_object (self->session_signals, session_signals[i], G_CALLBACK (update), self,
                                   G_CONNECT_SWAPPED);

  /* Times move on with each of the monitor's cycles */
  self->monitor_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_MONITOR);
  g_signal_group_connect_object (self->monitor_signals, "updated", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (self->list_signals); i++)
    {
      self->list_signals[i] = g_signal_group_new (G_TYPE_LIST_MODEL);
      g_signal_group_connect_object (self->list_signals[i], "items-changed", G_CALLBACK (update), self,
                                     G_CONNECT_SWAPPED);
    }
}

/**
 * inflow_session_status_new:
 *
 * Returns: (transfer full): the status of no session
 */
InflowSessionStatus *
inflow_session_status_new (void)
{
  return g_object_new (INFLOW_TYPE_SESSION_STATUS, NULL);
}

InflowSession *
inflow_session_status_get_session (InflowSessionStatus *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION_STATUS (self), NULL);

  return self->session;
}

/**
 * inflow_session_status_set_session:
 * @self: a status
 * @session: (nullable): the session to tell of
 */
void
inflow_session_status_set_session (InflowSessionStatus *self,
                                   InflowSession       *session)
{
  g_return_if_fail (INFLOW_IS_SESSION_STATUS (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->monitor_signals,
                             session != NULL ? inflow_session_get_ingestion_monitor (session) : NULL);
  g_signal_group_set_target (self->list_signals[0], session != NULL ? inflow_session_get_integrations (session) : NULL);
  g_signal_group_set_target (self->list_signals[1], session != NULL ? inflow_session_get_cloud_accounts (session) : NULL);
  g_signal_group_set_target (self->list_signals[2], session != NULL ? inflow_session_get_workspaces (session) : NULL);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
