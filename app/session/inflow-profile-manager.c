/* inflow-profile-manager.c: the profiles, signing in and out, and the demo
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-api-error.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-profile-manager.h"
#include "inflow-simulator-thread.h"
#include "inflow-storage-error.h"

/**
 * InflowProfileManager:
 *
 * Owns the profiles and the active #InflowSession. Tokens of stored
 * profiles live in the keyring (#InflowTokenStore) and in the session's
 * client; tokens of the demo and of session-only sign-ins live in memory
 * only, for as long as the application runs. Profiles (never their tokens)
 * and the cached lists are in the #InflowDatabase, when there is one.
 */

/* Retries after a refresh failed for a passing reason (the network, the
 * server, the rate limit, an answer garbled on the way): the first after
 * this, each next one twice as late, up to the maximum. */
#define RETRY_FIRST_MS (15 * 1000)
#define RETRY_MAX_MS   (300 * 1000)

/* Signing in asks GET /me: fail fast rather than retrying for long. */
#define SIGN_IN_ATTEMPTS      2
#define SIGN_IN_RETRY_MS      300
#define DEFAULT_ATTEMPTS      4
#define DEFAULT_RETRY_MS      500

/* The demo organization: the same one at every start. */
#define DEMO_SEED 1
#define DEMO_FALLBACK_TIME_SCALE 480.0

struct _InflowProfileManager
{
  GObject           parent_instance;

  InflowDatabase   *database;
  InflowTokenStore *token_store;
  GListStore       *profiles;
  InflowSession    *session;

  /* profile ID → token, for the demo and session-only sign-ins */
  GHashTable       *memory_tokens;

  InflowSimulatorThread *simulator;
  InflowProfile    *demo_profile;

  /* Whose token is in a keyring that stayed locked */
  InflowProfile    *locked_profile;

  GNetworkMonitor  *network_monitor;
  guint             retry_source;
  guint             retry_delay_ms;
  guint             retry_first_ms;
  guint             retry_max_ms;
  gboolean          retry_hastened;  /* once per run of failures */

  /* Bumped by everything that starts or ends a session, so that an older
   * start that finishes late does not replace a newer session. */
  guint             serial;

  /* Sign-ins, activations and demo starts in flight */
  guint             n_starting;

  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (InflowProfileManager, inflow_profile_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TOKEN_STORE,
  PROP_PROFILES,
  PROP_SESSION,
  PROP_STORAGE_PROBLEM,
  PROP_LOCKED_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATION_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_session (InflowProfileManager *self);

/* Profiles */

static gboolean
find_profile (InflowProfileManager *self,
              const char           *id,
              guint                *position)
{
  GListModel *model = G_LIST_MODEL (self->profiles);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (model, i);

      if (g_strcmp0 (inflow_profile_get_id (profile), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Puts @profile first, in place of any profile with its ID. */
static void
put_profile_first (InflowProfileManager *self,
                   InflowProfile        *profile)
{
  guint position;

  if (find_profile (self, inflow_profile_get_id (profile), &position))
    {
      g_autoptr(InflowProfile) old = g_list_model_get_item (G_LIST_MODEL (self->profiles), position);

      if (position == 0 && old == profile)
        return;

      g_list_store_remove (self->profiles, position);
    }

  g_list_store_insert (self->profiles, 0, profile);
}

static void
forget_profile (InflowProfileManager *self,
                InflowProfile        *profile)
{
  guint position;

  if (find_profile (self, inflow_profile_get_id (profile), &position))
    g_list_store_remove (self->profiles, position);
}

/* A stored profile (not the demo, not session-only) with this name and base URL. */
static InflowProfile *
find_stored_profile (InflowProfileManager *self,
                     const char           *name,
                     const char           *base_url)
{
  GListModel *model = G_LIST_MODEL (self->profiles);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (model, i);

      if (!inflow_profile_get_is_demo (profile) &&
          !g_hash_table_contains (self->memory_tokens, inflow_profile_get_id (profile)) &&
          g_utf8_collate (inflow_profile_get_name (profile), name) == 0 &&
          g_strcmp0 (inflow_profile_get_base_url (profile), base_url) == 0)
        return g_steal_pointer (&profile);
    }

  return NULL;
}

static gboolean
is_active (InflowProfileManager *self,
           InflowProfile        *profile)
{
  return self->session != NULL &&
         g_strcmp0 (inflow_profile_get_id (inflow_session_get_profile (self->session)),
                    inflow_profile_get_id (profile)) == 0;
}

static void
set_locked_profile (InflowProfileManager *self,
                    InflowProfile        *profile)
{
  if (g_set_object (&self->locked_profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED_PROFILE]);
}

/* After a lookup of @profile's token: a keyring that stayed locked makes
 * it the locked profile, a token read means the keyring is open. */
static void
learn_locked (InflowProfileManager *self,
              InflowProfile        *profile,
              const GError         *error)
{
  if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED))
    set_locked_profile (self, profile);
  else if (error == NULL && self->locked_profile != NULL &&
           g_strcmp0 (inflow_profile_get_id (self->locked_profile), inflow_profile_get_id (profile)) == 0)
    set_locked_profile (self, NULL);
}

/* Retrying after a passing failure */

static void
stop_retrying (InflowProfileManager *self)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_delay_ms = self->retry_first_ms;
  self->retry_hastened = FALSE;
}

static void
retry_refresh_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_session_refresh_finish (INFLOW_SESSION (source), result, &error))
    g_debug ("Retrying did not reach the API: %s", error->message);
}

static void
refresh_now (InflowProfileManager *self)
{
  if (self->session == NULL || inflow_session_get_refreshing (self->session))
    return;

  inflow_session_refresh_async (self->session, NULL, retry_refresh_cb, NULL);
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  InflowProfileManager *self = user_data;

  self->retry_source = 0;
  g_debug ("Trying to reach the API again");
  refresh_now (self);

  return G_SOURCE_REMOVE;
}

/* After each refresh, whoever started it: a success ends the retries, a
 * passing failure schedules the next one (each twice as late), any other
 * failure waits for the user. */
static void
refreshing_changed_cb (InflowProfileManager *self,
                       GParamSpec           *pspec,
                       InflowSession        *session)
{
  const GError *error = inflow_session_get_last_error (session);

  if (inflow_session_get_refreshing (session) || self->retry_source != 0)
    return;

  /* With no window open the lists serve nobody: a window opening retries. */
  if (!inflow_api_error_is_transient (error) || inflow_session_get_in_background (session))
    {
      stop_retrying (self);
      return;
    }

  g_debug ("Refreshing failed (%s): retrying in %u ms", error->message, self->retry_delay_ms);
  self->retry_source = g_timeout_add (self->retry_delay_ms, retry_timeout_cb, self);
  self->retry_delay_ms = MIN (self->retry_delay_ms * 2, self->retry_max_ms);
}

/* A window opened after a passing failure in the background: try again. */
static void
in_background_changed_cb (InflowProfileManager *self,
                          GParamSpec           *pspec,
                          InflowSession        *session)
{
  if (inflow_session_get_in_background (session) || inflow_session_get_refreshing (session) ||
      !inflow_api_error_is_transient (inflow_session_get_last_error (session)))
    return;

  g_debug ("A window opened after a failed refresh: refreshing");
  stop_retrying (self);
  refresh_now (self);
}

/* Another request (the ingestion monitor's, say) got a good answer while
 * a retry waits: the API works again, so the retry need not wait. Once per
 * run of failures, so that one request that keeps failing still backs off. */
static void
client_answered_cb (InflowProfileManager *self,
                    InflowClient         *client)
{
  if (self->retry_source == 0 || self->retry_hastened)
    return;

  g_debug ("The API answered again: retrying now");
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_hastened = TRUE;
  refresh_now (self);
}

static void
network_changed_cb (InflowProfileManager *self,
                    gboolean              available,
                    GNetworkMonitor      *monitor)
{
  if (!available || self->session == NULL || inflow_session_get_in_background (self->session))
    return;

  if (inflow_session_get_connection_state (self->session) == INFLOW_CONNECTION_OFFLINE)
    {
      g_debug ("The network is back: refreshing");
      stop_retrying (self);
      refresh_now (self);
    }
}

/* The active session */

static void
set_session (InflowProfileManager *self,
             InflowSession        *session)
{
  if (self->session == session)
    return;

  stop_retrying (self);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (inflow_session_get_client (self->session), self);
      inflow_session_close (self->session);
    }

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::refreshing",
                               G_CALLBACK (refreshing_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::in-background",
                               G_CALLBACK (in_background_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_client (session), "answered",
                               G_CALLBACK (client_answered_cb), self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
session_refresh_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_session_refresh_finish (INFLOW_SESSION (source), result, &error))
    g_debug ("The first refresh failed: %s", error->message);
}

static void
session_load_cached_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  InflowSession *session = INFLOW_SESSION (source);
  g_autoptr(GError) error = NULL;

  if (!inflow_session_load_cached_finish (session, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("The cache could not be read: %s", error->message);
    }

  inflow_session_refresh_async (session, NULL, session_refresh_cb, NULL);
}

/* Shows the last known data of the new session, then fetches it anew. */
static void
start_session (InflowProfileManager *self)
{
  inflow_session_load_cached_async (self->session, inflow_session_get_cancellable (self->session),
                                    session_load_cached_cb, NULL);
}

static void
touch_profile_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_database_touch_profile_finish (INFLOW_DATABASE (source), result, &error))
    g_debug ("The profile’s last use was not saved: %s", error->message);
}

/* Makes a session of @profile with @token and makes it the active one. */
static gboolean
activate_with_token (InflowProfileManager  *self,
                     InflowProfile         *profile,
                     const char            *token,
                     InflowClient          *client_or_null,
                     InflowMe              *me,
                     GError               **error)
{
  g_autoptr(InflowClient) client = client_or_null != NULL ? g_object_ref (client_or_null) : NULL;
  g_autoptr(InflowSession) session = NULL;
  gboolean stored = !inflow_profile_get_is_demo (profile) &&
                    !g_hash_table_contains (self->memory_tokens, inflow_profile_get_id (profile));

  if (client == NULL)
    {
      client = inflow_client_new (inflow_profile_get_base_url (profile), token, error);
      if (client == NULL)
        return FALSE;
    }

  session = inflow_session_new (profile, client, stored ? self->database : NULL);
  if (me != NULL)
    inflow_session_set_me (session, me);

  put_profile_first (self, profile);
  set_session (self, session);
  start_session (self);

  if (stored && self->database != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      inflow_database_touch_profile_async (self->database, inflow_profile_get_id (profile), now,
                                           NULL, touch_profile_cb, NULL);
    }

  g_debug ("Profile %s is active", inflow_profile_get_id (profile));
  return TRUE;
}

/* The object */

static void
inflow_profile_manager_dispose (GObject *object)
{
  InflowProfileManager *self = INFLOW_PROFILE_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  stop_retrying (self);

  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  g_clear_object (&self->network_monitor);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (inflow_session_get_client (self->session), self);
      inflow_session_close (self->session);
      g_clear_object (&self->session);
    }

  g_clear_object (&self->demo_profile);
  g_clear_object (&self->locked_profile);
  g_clear_object (&self->simulator);
  g_clear_object (&self->profiles);
  g_clear_object (&self->token_store);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (inflow_profile_manager_parent_class)->dispose (object);
}

static void
inflow_profile_manager_finalize (GObject *object)
{
  InflowProfileManager *self = INFLOW_PROFILE_MANAGER (object);

  g_clear_pointer (&self->memory_tokens, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_profile_manager_parent_class)->finalize (object);
}

static void
inflow_profile_manager_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  InflowProfileManager *self = INFLOW_PROFILE_MANAGER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_TOKEN_STORE:
      g_value_set_object (value, self->token_store);
      break;

    case PROP_PROFILES:
      g_value_set_object (value, self->profiles);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STORAGE_PROBLEM:
      g_value_set_string (value, inflow_profile_manager_get_storage_problem (self));
      break;

    case PROP_LOCKED_PROFILE:
      g_value_set_object (value, self->locked_profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_profile_manager_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  InflowProfileManager *self = INFLOW_PROFILE_MANAGER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_TOKEN_STORE:
      self->token_store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
database_problem_cb (InflowProfileManager *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORAGE_PROBLEM]);
}

static void
inflow_profile_manager_constructed (GObject *object)
{
  InflowProfileManager *self = INFLOW_PROFILE_MANAGER (object);

  G_OBJECT_CLASS (inflow_profile_manager_parent_class)->constructed (object);

  if (self->token_store == NULL)
    self->token_store = inflow_token_store_new ();

  if (self->database != NULL)
    g_signal_connect_object (self->database, "notify::problem",
                             G_CALLBACK (database_problem_cb), self, G_CONNECT_SWAPPED);

  self->network_monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect_object (self->network_monitor, "network-changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
inflow_profile_manager_class_init (InflowProfileManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = inflow_profile_manager_constructed;
  object_class->dispose = inflow_profile_manager_dispose;
  object_class->finalize = inflow_profile_manager_finalize;
  object_class->get_property = inflow_profile_manager_get_property;
  object_class->set_property = inflow_profile_manager_set_property;

  /**
   * InflowProfileManager:database:
   *
   * Where profiles and cached lists are kept, or %NULL when the database
   * could not be opened: then nothing is kept.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         INFLOW_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOKEN_STORE] =
    g_param_spec_object ("token-store", NULL, NULL,
                         INFLOW_TYPE_TOKEN_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowProfileManager:profiles:
   *
   * The #InflowProfile list: the most recently used first, including the
   * demo and session-only sign-ins while the application runs.
   */
  properties[PROP_PROFILES] =
    g_param_spec_object ("profiles", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowProfileManager:session:
   *
   * The active session, or %NULL (the welcome page).
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowProfileManager:storage-problem:
   *
   * Why Inflow cannot save what it should, as a sentence for the user with
   * the path and what is kept in memory only (a full disk, a read-only
   * data folder, an I/O error), or %NULL: the #InflowDatabase:problem of
   * the database. Notified once when a problem starts, changes or ends,
   * not for each write that fails.
   */
  properties[PROP_STORAGE_PROBLEM] =
    g_param_spec_string ("storage-problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowProfileManager:locked-profile:
   *
   * The profile whose API token is in a keyring that stayed locked (the
   * user dismissed the keyring's unlock prompt, or it was locked again),
   * or %NULL. The profile is kept; inflow_profile_manager_unlock_async()
   * asks the keyring again. Cleared when its token is read.
   */
  properties[PROP_LOCKED_PROFILE] =
    g_param_spec_object ("locked-profile", NULL, NULL,
                         INFLOW_TYPE_PROFILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowProfileManager::activation-failed:
   * @self: the manager
   * @profile: the profile that could not be activated
   * @error: why: usually %INFLOW_STORAGE_ERROR (no token, locked keyring,
   *   no Secret Service)
   *
   * Emitted when the activation inflow_profile_manager_load_async() makes
   * by itself fails; the UI should ask the user to sign in again.
   */
  signals[ACTIVATION_FAILED] =
    g_signal_new ("activation-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, INFLOW_TYPE_PROFILE, G_TYPE_ERROR);
}

static void
inflow_profile_manager_init (InflowProfileManager *self)
{
  self->profiles = g_list_store_new (INFLOW_TYPE_PROFILE);
  self->memory_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) inflow_token_free);
  self->retry_first_ms = RETRY_FIRST_MS;
  self->retry_max_ms = RETRY_MAX_MS;
  self->retry_delay_ms = RETRY_FIRST_MS;
  self->cancellable = g_cancellable_new ();
}

/**
 * inflow_profile_manager_new:
 * @database: (nullable): the open database, or %NULL when it could not be
 *   opened
 * @token_store: (nullable): the keyring token store, or %NULL for a new one
 *
 * Returns: (transfer full): a new manager, without profiles until
 *   inflow_profile_manager_load_async()
 */
InflowProfileManager *
inflow_profile_manager_new (InflowDatabase   *database,
                            InflowTokenStore *token_store)
{
  g_return_val_if_fail (database == NULL || INFLOW_IS_DATABASE (database), NULL);
  g_return_val_if_fail (token_store == NULL || INFLOW_IS_TOKEN_STORE (token_store), NULL);

  return g_object_new (INFLOW_TYPE_PROFILE_MANAGER,
                       "database", database,
                       "token-store", token_store,
                       NULL);
}

/**
 * inflow_profile_manager_get_database:
 *
 * Returns: (transfer none) (nullable): the database, or %NULL
 */
InflowDatabase *
inflow_profile_manager_get_database (InflowProfileManager *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), NULL);

  return self->database;
}

/**
 * inflow_profile_manager_get_storage_problem:
 *
 * Returns: (nullable): see #InflowProfileManager:storage-problem
 */
const char *
inflow_profile_manager_get_storage_problem (InflowProfileManager *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), NULL);

  return self->database != NULL ? inflow_database_get_problem (self->database) : NULL;
}

/**
 * inflow_profile_manager_set_retry_delays:
 * @first_ms: the wait before the first retry
 * @max_ms: the longest wait between two retries
 *
 * How long the manager waits before it refreshes again after a refresh
 * failed for a passing reason; see inflow_api_error_is_transient().
 */
void
inflow_profile_manager_set_retry_delays (InflowProfileManager *self,
                                         guint                 first_ms,
                                         guint                 max_ms)
{
  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (first_ms > 0 && first_ms <= max_ms);

  self->retry_first_ms = first_ms;
  self->retry_max_ms = max_ms;
  self->retry_delay_ms = first_ms;
}

/**
 * inflow_profile_manager_get_profiles:
 *
 * Returns: (transfer none): a list model of #InflowProfile
 */
GListModel *
inflow_profile_manager_get_profiles (InflowProfileManager *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), NULL);

  return G_LIST_MODEL (self->profiles);
}

/**
 * inflow_profile_manager_get_session:
 *
 * Returns: (transfer none) (nullable): the active session
 */
InflowSession *
inflow_profile_manager_get_session (InflowProfileManager *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), NULL);

  return self->session;
}

static void
start_completed_cb (GTask                *task,
                    GParamSpec           *pspec,
                    InflowProfileManager *self)
{
  g_assert (self->n_starting > 0);
  self->n_starting--;
}

/* Counts @task among the starts in flight until it completes. */
static void
count_start (InflowProfileManager *self,
             GTask                *task)
{
  self->n_starting++;
  g_signal_connect (task, "notify::completed", G_CALLBACK (start_completed_cb), self);
}

/* A task that fails with CANCELLED when another start superseded it. */
static gboolean
return_if_superseded (InflowProfileManager *self,
                      GTask                *task,
                      guint                 serial)
{
  if (g_task_return_error_if_cancelled (task))
    return TRUE;

  if (serial != self->serial)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "Another profile was activated meanwhile");
      return TRUE;
    }

  return FALSE;
}

/* Activating */

typedef struct
{
  InflowProfile *profile;
  guint          serial;
} Activate;

static void
activate_free (Activate *activate)
{
  g_clear_object (&activate->profile);
  g_free (activate);
}

/* The token of an activation or an unlock came back, or @error says why
 * not; takes both. */
static void
activate_with_found_token (GTask  *task,
                           char   *token,
                           GError *error)
{
  InflowProfileManager *self = g_task_get_source_object (task);
  Activate *activate = g_task_get_task_data (task);
  g_autoptr(GError) activate_error = NULL;

  learn_locked (self, activate->profile, error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!return_if_superseded (self, task, activate->serial))
    {
      if (activate_with_token (self, activate->profile, token, NULL, NULL, &activate_error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&activate_error));
    }

  inflow_token_free (token);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token;

  token = inflow_token_store_lookup_finish (INFLOW_TOKEN_STORE (source), result, &error);
  activate_with_found_token (task, token, error);
}

/**
 * inflow_profile_manager_activate_async:
 * @self: a #InflowProfileManager
 * @profile: one of the profiles
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profile is active, or could not be
 * @user_data: data for @callback
 *
 * Makes @profile's session the active one: its token comes from the
 * keyring (or from memory for the demo and session-only sign-ins). The
 * session shows the cached data at once and refreshes. Fails with
 * %INFLOW_STORAGE_ERROR when the keyring has no token for it or cannot give
 * it: then the user signs in again.
 */
void
inflow_profile_manager_activate_async (InflowProfileManager *self,
                                       InflowProfile        *profile,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Activate *activate;
  const char *token;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (INFLOW_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_activate_async);

  if (is_active (self, profile))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  activate = g_new0 (Activate, 1);
  activate->profile = g_object_ref (profile);
  activate->serial = ++self->serial;
  g_task_set_task_data (task, activate, (GDestroyNotify) activate_free);
  count_start (self, task);

  token = g_hash_table_lookup (self->memory_tokens, inflow_profile_get_id (profile));
  if (token != NULL)
    {
      if (activate_with_token (self, profile, token, NULL, NULL, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (inflow_profile_get_is_demo (profile))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "%s", _("The demo has ended. Start it again from the welcome page."));
      return;
    }

  inflow_token_store_lookup_async (self->token_store, inflow_profile_get_id (profile),
                                   cancellable, lookup_cb, g_steal_pointer (&task));
}

gboolean
inflow_profile_manager_activate_finish (InflowProfileManager  *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_activate_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Unlocking */

static void
unlock_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token;

  token = inflow_token_store_unlock_finish (INFLOW_TOKEN_STORE (source), result, &error);
  activate_with_found_token (task, token, error);
}

/**
 * inflow_profile_manager_unlock_async:
 * @self: a #InflowProfileManager
 * @profile: a stored profile, usually #InflowProfileManager:locked-profile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profile is active, or the keyring stayed locked
 * @user_data: data for @callback
 *
 * The "Unlock" of a locked keyring: asks the keyring to unlock (its own
 * prompt, where the user types the keyring's password), reads @profile's
 * token and makes it the active session. Fails with
 * %INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED when the prompt is dismissed
 * again (the profile stays, and can be unlocked later).
 */
void
inflow_profile_manager_unlock_async (InflowProfileManager *self,
                                     InflowProfile        *profile,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Activate *activate;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (INFLOW_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_unlock_async);

  activate = g_new0 (Activate, 1);
  activate->profile = g_object_ref (profile);
  activate->serial = ++self->serial;
  g_task_set_task_data (task, activate, (GDestroyNotify) activate_free);
  count_start (self, task);

  inflow_token_store_unlock_async (self->token_store, inflow_profile_get_id (profile),
                                   cancellable, unlock_cb, g_steal_pointer (&task));
}

gboolean
inflow_profile_manager_unlock_finish (InflowProfileManager  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_unlock_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * inflow_profile_manager_get_locked_profile:
 *
 * Returns: (transfer none) (nullable): see #InflowProfileManager:locked-profile
 */
InflowProfile *
inflow_profile_manager_get_locked_profile (InflowProfileManager *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), NULL);

  return self->locked_profile;
}

/* Loading */

static void
load_activate_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = INFLOW_PROFILE_MANAGER (source);
  InflowProfile *profile = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_activate_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The last used profile could not be activated: %s", error->message);
      g_signal_emit (self, signals[ACTIVATION_FAILED], 0, profile, error);
    }

  g_task_return_boolean (task, TRUE);
}

static void
list_profiles_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = g_task_get_source_object (task);
  guint serial = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowProfile) first = NULL;
  GCancellable *cancellable;
  guint n_stored;

  stored = inflow_database_list_profiles_finish (INFLOW_DATABASE (source), result, &error);
  if (stored == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Stored profiles after those only in memory, each once */
  n_stored = g_list_model_get_n_items (stored);
  for (guint i = 0; i < n_stored; i++)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (stored, i);
      guint position;

      if (find_profile (self, inflow_profile_get_id (profile), &position))
        continue;
      g_list_store_append (self->profiles, profile);
    }

  g_debug ("%u stored profiles", n_stored);

  if (n_stored == 0 || g_task_get_source_tag (task) != inflow_profile_manager_load_async ||
      self->session != NULL || serial != self->serial || self->n_starting > 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  first = g_list_model_get_item (stored, 0);
  g_task_set_task_data (task, g_object_ref (first), g_object_unref);
  cancellable = g_task_get_cancellable (task);
  inflow_profile_manager_activate_async (self, first, cancellable, load_activate_cb, g_steal_pointer (&task));
}

/* Reads the stored profiles for @owned_task (its source tag says whether
 * to activate one), which it takes over. */
static void
list_profiles (InflowProfileManager *self,
               GTask                *owned_task)
{
  g_autoptr(GTask) task = owned_task;
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_task_set_task_data (task, GUINT_TO_POINTER (self->serial), NULL);

  if (self->database == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  inflow_database_list_profiles_async (self->database, cancellable, list_profiles_cb, g_steal_pointer (&task));
}

/**
 * inflow_profile_manager_load_async:
 * @self: a #InflowProfileManager
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profiles are read
 * @user_data: data for @callback
 *
 * Reads the stored profiles and activates the one used last, unless a
 * session was started meanwhile. Without a database there is nothing to
 * read.
 */
void
inflow_profile_manager_load_async (InflowProfileManager *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_load_async);
  list_profiles (self, g_steal_pointer (&task));
}

gboolean
inflow_profile_manager_load_finish (InflowProfileManager  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * inflow_profile_manager_read_async:
 * @self: a #InflowProfileManager
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profiles are read
 * @user_data: data for @callback
 *
 * Reads the stored profiles, as inflow_profile_manager_load_async() does,
 * but activates none: for a sign-in that should find the profile it signs
 * in to again without opening another session first.
 */
void
inflow_profile_manager_read_async (InflowProfileManager *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_read_async);
  list_profiles (self, g_steal_pointer (&task));
}

gboolean
inflow_profile_manager_read_finish (InflowProfileManager  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_read_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Signing in */

typedef struct
{
  char          *name;
  char          *token;
  char          *base_url;
  gboolean       session_only;
  guint          serial;
  InflowClient  *client;
  InflowMe      *me;
  InflowProfile *profile;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_clear_pointer (&sign_in->name, g_free);
  g_clear_pointer (&sign_in->token, inflow_token_free);
  g_clear_pointer (&sign_in->base_url, g_free);
  g_clear_object (&sign_in->client);
  g_clear_object (&sign_in->me);
  g_clear_object (&sign_in->profile);
  g_free (sign_in);
}

/* The last step: the validated token becomes the active session. */
static void
sign_in_complete (GTask    *task,
                  gboolean  kept_in_memory)
{
  InflowProfileManager *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (return_if_superseded (self, task, sign_in->serial))
    return;

  if (kept_in_memory)
    g_hash_table_replace (self->memory_tokens,
                          g_strdup (inflow_profile_get_id (sign_in->profile)),
                          g_strdup (sign_in->token));

  /* The session keeps the client, with the usual retries. */
  inflow_client_set_retry_policy (sign_in->client, DEFAULT_ATTEMPTS, DEFAULT_RETRY_MS);

  if (!activate_with_token (self, sign_in->profile, sign_in->token, sign_in->client, sign_in->me, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_object_ref (sign_in->me), g_object_unref);
}

static void
clear_orphan_token_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_token_store_clear_finish (INFLOW_TOKEN_STORE (source), result, &error))
    g_debug ("The token of an unsaved profile stays in the keyring: %s", error->message);
}

static void
save_profile_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!inflow_database_save_profile_finish (INFLOW_DATABASE (source), result, &error))
    {
      /* The token alone would be found by nobody: take it back out, and go
       * on for this session only. */
      g_debug ("The profile could not be saved: %s", error->message);
      inflow_token_store_clear_async (self->token_store, inflow_profile_get_id (sign_in->profile),
                                      NULL, clear_orphan_token_cb, NULL);
      sign_in_complete (task, TRUE);
      return;
    }

  sign_in_complete (task, FALSE);
}

static void
store_token_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autoptr(GError) error = NULL;

  if (!inflow_token_store_store_finish (INFLOW_TOKEN_STORE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  cancellable = g_task_get_cancellable (task);
  inflow_database_save_profile_async (self->database, sign_in->profile, cancellable,
                                      save_profile_cb, g_steal_pointer (&task));
}

static void
sign_in_me_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowProfile) existing = NULL;

  sign_in->me = inflow_client_get_me_finish (INFLOW_CLIENT (source), result, &error);
  if (sign_in->me == NULL)
    {
      g_debug ("Signing in failed: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (return_if_superseded (self, task, sign_in->serial))
    return;

  if (!sign_in->session_only && self->database != NULL)
    existing = find_stored_profile (self, sign_in->name, sign_in->base_url);

  if (existing != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      sign_in->profile = inflow_profile_new_full (inflow_profile_get_id (existing),
                                                  inflow_profile_get_name (existing),
                                                  inflow_profile_get_base_url (existing),
                                                  inflow_profile_get_created_at (existing),
                                                  now);
    }
  else
    sign_in->profile = inflow_profile_new (sign_in->name, sign_in->base_url);

  if (sign_in->session_only || self->database == NULL)
    {
      g_debug ("Signed in for this session only");
      sign_in_complete (task, TRUE);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  inflow_token_store_store_async (self->token_store,
                                  inflow_profile_get_id (sign_in->profile),
                                  inflow_profile_get_name (sign_in->profile),
                                  sign_in->token,
                                  cancellable,
                                  store_token_cb, g_steal_pointer (&task));
}

/**
 * inflow_profile_manager_sign_in_async:
 * @self: a #InflowProfileManager
 * @name: the profile's name
 * @token: the API token (surrounding white space is ignored)
 * @base_url: (nullable): the API base URL, or %NULL for the Vantage API
 * @session_only: keep the token in memory only, for this run
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when signed in, or not
 * @user_data: data for @callback
 *
 * See the header.
 */
void
inflow_profile_manager_sign_in_async (InflowProfileManager *self,
                                      const char           *name,
                                      const char           *token,
                                      const char           *base_url,
                                      gboolean              session_only,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SignIn *sign_in;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (token != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_sign_in_async);

  sign_in = g_new0 (SignIn, 1);
  sign_in->name = g_strstrip (g_strdup (name));
  sign_in->token = g_strstrip (g_strdup (token));
  sign_in->base_url = g_strstrip (g_strdup (base_url != NULL && *base_url != '\0'
                                            ? base_url : INFLOW_CLIENT_DEFAULT_BASE_URL));
  sign_in->session_only = session_only;
  sign_in->serial = ++self->serial;
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  count_start (self, task);

  if (*sign_in->name == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "%s", _("Give the profile a name."));
      return;
    }

  if (*sign_in->token == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "%s", _("Enter an API token."));
      return;
    }

  sign_in->client = inflow_client_new (sign_in->base_url, sign_in->token, &error);
  if (sign_in->client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The client may have tidied the URL (a trailing slash) */
  g_free (sign_in->base_url);
  sign_in->base_url = g_strdup (inflow_client_get_base_url (sign_in->client));

  inflow_client_set_retry_policy (sign_in->client, SIGN_IN_ATTEMPTS, SIGN_IN_RETRY_MS);
  g_debug ("Signing in at %s", sign_in->base_url);
  inflow_client_get_me_async (sign_in->client, cancellable, sign_in_me_cb, g_steal_pointer (&task));
}

/**
 * inflow_profile_manager_sign_in_finish:
 * @self: a #InflowProfileManager
 * @result: the #GAsyncResult
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): what GET /me said about the token
 */
InflowMe *
inflow_profile_manager_sign_in_finish (InflowProfileManager  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_sign_in_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The demo */

static void
stop_demo (InflowProfileManager *self)
{
  if (self->demo_profile != NULL)
    {
      g_hash_table_remove (self->memory_tokens, inflow_profile_get_id (self->demo_profile));
      forget_profile (self, self->demo_profile);
      g_clear_object (&self->demo_profile);
    }

  if (self->simulator != NULL)
    {
      g_debug ("Stopping the demo");
      g_clear_object (&self->simulator);
    }
}

/* So that the freshly connected integration gets its first CUR about
 * INFLOW_DEMO_FIRST_CUR_SECONDS after the start. */
static double
demo_time_scale (InflowSimulator *simulator)
{
  const char *awaiting;
  g_autoptr(GDateTime) first_cur = NULL;
  g_autoptr(GDateTime) now = NULL;
  double scale = DEMO_FALLBACK_TIME_SCALE;

  awaiting = inflow_simulator_get_notable_integration (simulator, INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR);
  if (awaiting != NULL)
    first_cur = inflow_simulator_dup_first_cur_time (simulator, awaiting);
  now = inflow_simulator_dup_now (simulator);

  if (first_cur != NULL && g_date_time_compare (first_cur, now) > 0)
    {
      double remaining_s = (double) g_date_time_difference (first_cur, now) / G_TIME_SPAN_SECOND;

      scale = CLAMP (remaining_s / INFLOW_DEMO_FIRST_CUR_SECONDS, 1.0, 5000.0);
    }

  return scale;
}

/* In the simulator's thread: its clock and rate limit for the demo */
static void
prepare_demo (InflowSimulator *simulator,
              gpointer         user_data)
{
  double scale = demo_time_scale (simulator);

  inflow_simulator_set_time_scale (simulator, scale);
  /* Vantage's budget is 1,000 requests an hour: an hour of the demo's clock */
  inflow_simulator_set_rate_limit (simulator, 1000, MAX (1, (guint) (3600 / scale)));
  g_debug ("Demo time scale %.0f", scale);
}

typedef struct
{
  InflowSimulatorThread *simulator;
  InflowProfile         *profile;
  InflowClient          *client;
  char                  *token;
  guint                  serial;
} StartDemo;

static void
start_demo_free (StartDemo *demo)
{
  g_clear_object (&demo->simulator);
  g_clear_object (&demo->profile);
  g_clear_object (&demo->client);
  g_clear_pointer (&demo->token, inflow_token_free);
  g_free (demo);
}

static void
demo_me_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = g_task_get_source_object (task);
  StartDemo *demo = g_task_get_task_data (task);
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;

  me = inflow_client_get_me_finish (INFLOW_CLIENT (source), result, &error);
  if (me == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (return_if_superseded (self, task, demo->serial))
    return;

  stop_demo (self);
  self->simulator = g_steal_pointer (&demo->simulator);
  self->demo_profile = g_object_ref (demo->profile);
  g_hash_table_replace (self->memory_tokens, g_strdup (inflow_profile_get_id (demo->profile)),
                        g_strdup (demo->token));

  if (!activate_with_token (self, demo->profile, demo->token, demo->client, me, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The monitor is told the demo's clock rate rather than left to measure
   * it from the Date headers: with no window open it makes too few
   * requests to measure it before its next probe is due. */
  inflow_ingestion_monitor_set_time_scale (inflow_session_get_ingestion_monitor (self->session),
                                           inflow_simulator_thread_get_time_scale (self->simulator));

  g_task_return_boolean (task, TRUE);
}

static void
demo_started_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StartDemo *demo = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  const char *base_url;

  demo->simulator = inflow_simulator_thread_start_finish (result, &error);
  if (demo->simulator == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  base_url = inflow_simulator_thread_get_base_url (demo->simulator);
  g_debug ("Demo at %s", base_url);
  demo->profile = inflow_profile_new_demo (base_url);
  demo->client = inflow_client_new (base_url, demo->token, &error);
  if (demo->client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  inflow_client_get_me_async (demo->client, cancellable, demo_me_cb, g_steal_pointer (&task));
}

/**
 * inflow_profile_manager_start_demo_async:
 * @self: a #InflowProfileManager
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the demo is the active session
 * @user_data: data for @callback
 *
 * Starts the simulator on 127.0.0.1 (a free port, in a thread of its own) and
 * signs in to it with a random token that stays in memory. The demo stays
 * in the profiles until it is signed out of; when it already runs, this
 * activates it again.
 */
void
inflow_profile_manager_start_demo_async (InflowProfileManager *self,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowSimulator) simulator = NULL;
  g_autofree char *uuid = NULL;
  StartDemo *demo;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_start_demo_async);

  if (self->demo_profile != NULL)
    {
      const char *token = g_hash_table_lookup (self->memory_tokens, inflow_profile_get_id (self->demo_profile));

      self->serial++;
      if (!is_active (self, self->demo_profile) &&
          !activate_with_token (self, self->demo_profile, token, NULL, NULL, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  demo = g_new0 (StartDemo, 1);
  demo->serial = ++self->serial;
  g_task_set_task_data (task, demo, (GDestroyNotify) start_demo_free);
  count_start (self, task);

  uuid = g_uuid_string_random ();
  demo->token = g_strconcat ("demo-", uuid, NULL);
  simulator = inflow_simulator_new (DEMO_SEED, 0, 0);
  inflow_simulator_set_tokens (simulator, demo->token, NULL);
  inflow_simulator_thread_start_async (simulator, prepare_demo, NULL, cancellable,
                                       demo_started_cb, g_steal_pointer (&task));
}

gboolean
inflow_profile_manager_start_demo_finish (InflowProfileManager  *self,
                                          GAsyncResult          *result,
                                          GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_start_demo_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Signing out and removing */

typedef struct
{
  InflowProfile *profile;
  gboolean       remove;
} SignOut;

static void
sign_out_free (SignOut *sign_out)
{
  g_clear_object (&sign_out->profile);
  g_free (sign_out);
}

static void
remove_profile_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = g_task_get_source_object (task);
  SignOut *sign_out = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!inflow_database_remove_profile_finish (INFLOW_DATABASE (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  forget_profile (self, sign_out->profile);
  g_debug ("Removed profile %s", inflow_profile_get_id (sign_out->profile));
  g_task_return_boolean (task, TRUE);
}

static void
clear_token_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowProfileManager *self = g_task_get_source_object (task);
  SignOut *sign_out = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autoptr(GError) error = NULL;

  if (!inflow_token_store_clear_finish (INFLOW_TOKEN_STORE (source), result, &error))
    {
      /* Without a Secret Service there is no token to remove. */
      if (!sign_out->remove ||
          !g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("No keyring to remove the token from: %s", error->message);
    }

  if (!sign_out->remove || self->database == NULL)
    {
      if (sign_out->remove)
        forget_profile (self, sign_out->profile);
      g_task_return_boolean (task, TRUE);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  inflow_database_remove_profile_async (self->database, inflow_profile_get_id (sign_out->profile),
                                        cancellable, remove_profile_cb, g_steal_pointer (&task));
}

static void
sign_out (InflowProfileManager *self,
          InflowProfile        *profile,
          gboolean              remove,
          GTask                *task)
{
  SignOut *data = g_new0 (SignOut, 1);
  const char *id = inflow_profile_get_id (profile);

  data->profile = g_object_ref (profile);
  data->remove = remove;
  g_task_set_task_data (task, data, (GDestroyNotify) sign_out_free);

  if (self->locked_profile != NULL && g_str_equal (inflow_profile_get_id (self->locked_profile), id))
    set_locked_profile (self, NULL);

  /* First stop using the token */
  if (is_active (self, profile))
    {
      self->serial++;
      set_session (self, NULL);
    }

  if (inflow_profile_get_is_demo (profile))
    {
      if (self->demo_profile != NULL && g_str_equal (inflow_profile_get_id (self->demo_profile), id))
        stop_demo (self);
      forget_profile (self, profile);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_hash_table_remove (self->memory_tokens, id))
    {
      /* A session-only sign-in: nothing of it was kept */
      forget_profile (self, profile);
      g_task_return_boolean (task, TRUE);
      return;
    }

  inflow_token_store_clear_async (self->token_store, id, g_task_get_cancellable (task),
                                  clear_token_cb, g_object_ref (task));
}

/**
 * inflow_profile_manager_sign_out_async:
 * @self: a #InflowProfileManager
 * @profile: one of the profiles
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when signed out
 * @user_data: data for @callback
 *
 * Closes the profile's session if it is the active one (the welcome page
 * shows) and removes its token from the keyring; the profile and its
 * cached data stay, to sign in again. The demo stops; a session-only
 * sign-in is forgotten.
 */
void
inflow_profile_manager_sign_out_async (InflowProfileManager *self,
                                       InflowProfile        *profile,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (INFLOW_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_sign_out_async);
  sign_out (self, profile, FALSE, task);
}

gboolean
inflow_profile_manager_sign_out_finish (InflowProfileManager  *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_sign_out_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * inflow_profile_manager_remove_async:
 * @self: a #InflowProfileManager
 * @profile: one of the profiles
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when removed
 * @user_data: data for @callback
 *
 * Signs out of @profile, then removes it with its cached lists and
 * observations from the database and from the profiles.
 */
void
inflow_profile_manager_remove_async (InflowProfileManager *self,
                                     InflowProfile        *profile,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_PROFILE_MANAGER (self));
  g_return_if_fail (INFLOW_IS_PROFILE (profile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_profile_manager_remove_async);
  sign_out (self, profile, TRUE, task);
}

gboolean
inflow_profile_manager_remove_finish (InflowProfileManager  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_profile_manager_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
