/* inflow-session.c: one signed-in profile: its client and its last known data
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "inflow-aws-connector.h"
#include "inflow-access-queue.h"
#include "inflow-ingestion-format.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-json.h"
#include "inflow-session.h"
#include "inflow-storage-error.h"

/**
 * InflowSession:
 *
 * A session is one profile in use: its #InflowClient, what GET /me said
 * about the token, and the lists the views show (integrations, workspaces,
 * cloud accounts, teams), each a #GListModel that stays the same object for
 * the whole session and whose items are replaced in one splice when fresher
 * data arrives.
 *
 * inflow_session_load_cached_async() shows what the last run saved in the
 * database at once; inflow_session_refresh_async() fetches everything again
 * and saves it. The outcome of the last refresh is the
 * #InflowSession:connection-state: a network, TLS or server failure makes
 * the session OFFLINE and keeps the lists as they were.
 *
 * Everything runs on the main context. inflow_session_close() cancels every
 * request in flight (#InflowSession's cancellable); a closed session never
 * changes again.
 */

typedef struct _Refresh Refresh;

/* The database's cached-list kind of GET /me. */
#define CACHED_ME "me"

/* Refreshing: every caller waiting for the refresh in flight */
typedef struct
{
  struct _Refresh *refresh;
  GTask           *task;
  GCancellable    *cancellable;  /* the caller's, or NULL */
  gulong           handler_id;
} Waiter;

struct _Refresh
{
  InflowSession *self;            /* owned */
  GCancellable  *cancellable;     /* of the requests */
  GPtrArray     *waiters;         /* of Waiter */
  guint          pending;         /* requests in flight */
  GError        *error;           /* the first failure */

  /* Cloud accounts, gathered workspace by workspace */
  GListStore    *accounts;
  GHashTable    *account_ids;
  guint          accounts_pending;
  gboolean       accounts_failed;
};

struct _InflowSession
{
  GObject                parent_instance;

  InflowProfile         *profile;
  InflowClient          *client;
  InflowDatabase        *database;
  GCancellable          *cancellable;

  InflowMe              *me;
  GListStore            *lists[INFLOW_SESSION_N_LISTS];
  GDateTime             *fetched_at[INFLOW_SESSION_N_LISTS];
  InflowConnectionState  connection_state;
  GError                *last_error;
  Refresh               *refresh;     /* the refresh in flight, or NULL */
  InflowAccountDirectory *directory;  /* built from the cloud accounts and integrations */
  guint                  directory_idle;
  gboolean               directory_dirty;
  InflowIngestionMonitor *monitor;    /* made on first use */
  InflowAwsConnector    *connector;   /* made on first use */
  InflowAccessQueue     *access_queue; /* made on first use */

  guint                  closed : 1;
};

G_DEFINE_FINAL_TYPE (InflowSession, inflow_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowConnectionState, inflow_connection_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECTION_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECTION_ONLINE, "online"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECTION_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECTION_UNAUTHORIZED, "unauthorized"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECTION_ERROR, "error"))

G_DEFINE_ENUM_TYPE (InflowSessionList, inflow_session_list,
                    G_DEFINE_ENUM_VALUE (INFLOW_SESSION_LIST_INTEGRATIONS, "integrations"),
                    G_DEFINE_ENUM_VALUE (INFLOW_SESSION_LIST_WORKSPACES, "workspaces"),
                    G_DEFINE_ENUM_VALUE (INFLOW_SESSION_LIST_CLOUD_ACCOUNTS, "cloud-accounts"),
                    G_DEFINE_ENUM_VALUE (INFLOW_SESSION_LIST_TEAMS, "teams"))

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_CLIENT,
  PROP_DATABASE,
  PROP_ME,
  PROP_CAN_WRITE,
  PROP_WRITE_DISABLED_REASON,
  PROP_CONNECTION_STATE,
  PROP_LAST_ERROR,
  PROP_REFRESHING,
  PROP_INTEGRATIONS,
  PROP_WORKSPACES,
  PROP_CLOUD_ACCOUNTS,
  PROP_TEAMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FETCHED_AT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each list holds, how it is cached and parsed. */
typedef struct
{
  const char          *cache_kind;
  GType              (*get_item_type) (void);
  InflowModelFromJson  from_json;
  JsonNode          *(*to_json) (gpointer item);
} ListInfo;

static const ListInfo list_info[INFLOW_SESSION_N_LISTS] = {
  [INFLOW_SESSION_LIST_INTEGRATIONS] = {
    INFLOW_CACHED_LIST_INTEGRATIONS, inflow_integration_get_type,
    (InflowModelFromJson) inflow_integration_new_from_json, (gpointer) inflow_integration_to_json },
  [INFLOW_SESSION_LIST_WORKSPACES] = {
    INFLOW_CACHED_LIST_WORKSPACES, inflow_workspace_get_type,
    (InflowModelFromJson) inflow_workspace_new_from_json, (gpointer) inflow_workspace_to_json },
  [INFLOW_SESSION_LIST_CLOUD_ACCOUNTS] = {
    INFLOW_CACHED_LIST_ACCOUNTS, inflow_cloud_account_get_type,
    (InflowModelFromJson) inflow_cloud_account_new_from_json, (gpointer) inflow_cloud_account_to_json },
  [INFLOW_SESSION_LIST_TEAMS] = {
    INFLOW_CACHED_LIST_TEAMS, inflow_team_get_type,
    (InflowModelFromJson) inflow_team_new_from_json, (gpointer) inflow_team_to_json },
};

/**
 * inflow_connection_state_from_error:
 * @error: a failure of a refresh
 *
 * Returns: the state the session is in after @error
 */
InflowConnectionState
inflow_connection_state_from_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, INFLOW_CONNECTION_ERROR);

  if (error->domain != INFLOW_API_ERROR)
    return INFLOW_CONNECTION_ERROR;

  switch ((InflowApiError) error->code)
    {
    case INFLOW_API_ERROR_NETWORK:
    case INFLOW_API_ERROR_DEADLINE_EXCEEDED:
    case INFLOW_API_ERROR_TLS:
    case INFLOW_API_ERROR_SERVER:
      return INFLOW_CONNECTION_OFFLINE;

    case INFLOW_API_ERROR_UNAUTHORIZED:
      return INFLOW_CONNECTION_UNAUTHORIZED;

    case INFLOW_API_ERROR_FORBIDDEN:
    case INFLOW_API_ERROR_NOT_FOUND:
    case INFLOW_API_ERROR_VALIDATION:
    case INFLOW_API_ERROR_PAYMENT_REQUIRED:
    case INFLOW_API_ERROR_RATE_LIMITED:
    case INFLOW_API_ERROR_INVALID_RESPONSE:
    case INFLOW_API_ERROR_LIST_TOO_LONG:
    case INFLOW_API_ERROR_LIST_TOO_SLOW:
    case INFLOW_API_ERROR_INSECURE_URL:
    case INFLOW_API_ERROR_FAILED:
    default:
      return INFLOW_CONNECTION_ERROR;
    }
}

/* State */

static void
set_connection_state (InflowSession         *self,
                      InflowConnectionState  state,
                      const GError          *error)
{
  gboolean can_write = inflow_session_get_can_write (self);
  g_autofree char *reason = g_strdup (inflow_session_get_write_disabled_reason (self));

  if (self->last_error != NULL || error != NULL)
    {
      g_clear_error (&self->last_error);
      if (error != NULL)
        self->last_error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }

  if (self->connection_state != state)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (INFLOW_TYPE_CONNECTION_STATE);

      g_debug ("Profile %s: connection %s → %s",
               inflow_profile_get_id (self->profile),
               g_enum_get_value (enum_class, self->connection_state)->value_nick,
               g_enum_get_value (enum_class, state)->value_nick);
      self->connection_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
    }

  if (can_write != inflow_session_get_can_write (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_WRITE]);
  if (g_strcmp0 (reason, inflow_session_get_write_disabled_reason (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITE_DISABLED_REASON]);
}

static void
set_fetched_at (InflowSession     *self,
                InflowSessionList  list,
                GDateTime         *fetched_at)
{
  if (self->fetched_at[list] == fetched_at)
    return;

  g_clear_pointer (&self->fetched_at[list], g_date_time_unref);
  if (fetched_at != NULL)
    self->fetched_at[list] = g_date_time_ref (fetched_at);

  g_signal_emit (self, signals[FETCHED_AT_CHANGED], 0, list);
}

/* Replaces every item of the list with those of @items, in one splice. */
static void
replace_list (InflowSession     *self,
              InflowSessionList  list,
              GListModel        *items,
              GDateTime         *fetched_at)
{
  GListStore *store = self->lists[list];
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
  set_fetched_at (self, list, fetched_at);
}

/* The cache */

static gboolean
keeps_cache (InflowSession *self)
{
  return self->database != NULL && !inflow_profile_get_is_demo (self->profile);
}

static void
put_cached_list_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree char *kind = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_database_put_cached_list_finish (INFLOW_DATABASE (source), result, &error))
    g_debug ("The %s list was not saved: %s", kind, error->message);
}

static void
save_json (InflowSession *self,
           const char    *kind,
           JsonNode      *node,
           GDateTime     *fetched_at)
{
  g_autofree char *json = NULL;

  if (!keeps_cache (self))
    return;

  json = json_to_string (node, FALSE);
  inflow_database_put_cached_list_async (self->database,
                                         inflow_profile_get_id (self->profile),
                                         kind, json, fetched_at,
                                         NULL, put_cached_list_cb, g_strdup (kind));
}

static void
save_list (InflowSession     *self,
           InflowSessionList  list)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  GListModel *model = G_LIST_MODEL (self->lists[list]);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(GDateTime) now = NULL;

  if (!keeps_cache (self))
    return;

  array = json_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_array_add_element (array, list_info[list].to_json (item));
    }
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);

  if (self->fetched_at[list] == NULL)
    now = g_date_time_new_now_utc ();

  save_json (self, list_info[list].cache_kind, node,
             self->fetched_at[list] != NULL ? self->fetched_at[list] : now);
}

static void
save_me (InflowSession *self,
         GDateTime     *fetched_at)
{
  g_autoptr(JsonNode) node = NULL;

  if (self->me == NULL || !keeps_cache (self))
    return;

  node = inflow_me_to_json (self->me);
  save_json (self, CACHED_ME, node, fetched_at);
}

/* The object */

static void
inflow_session_dispose (GObject *object)
{
  InflowSession *self = INFLOW_SESSION (object);

  /* A refresh in flight holds a reference, so none runs here. */
  g_assert (self->refresh == NULL);

  g_clear_handle_id (&self->directory_idle, g_source_remove);
  g_clear_object (&self->directory);
  g_clear_object (&self->monitor);
  if (self->connector != NULL)
    g_signal_handlers_disconnect_by_data (self->connector, self);
  g_clear_object (&self->connector);
  g_clear_object (&self->access_queue);
  g_clear_object (&self->me);
  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    {
      if (self->lists[i] != NULL)
        g_signal_handlers_disconnect_by_data (self->lists[i], self);
      g_clear_object (&self->lists[i]);
    }
  g_clear_object (&self->client);
  g_clear_object (&self->database);
  g_clear_object (&self->profile);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (inflow_session_parent_class)->dispose (object);
}

static void
inflow_session_finalize (GObject *object)
{
  InflowSession *self = INFLOW_SESSION (object);

  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    g_clear_pointer (&self->fetched_at[i], g_date_time_unref);
  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (inflow_session_parent_class)->finalize (object);
}

static void
inflow_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  InflowSession *self = INFLOW_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_ME:
      g_value_set_object (value, self->me);
      break;

    case PROP_CAN_WRITE:
      g_value_set_boolean (value, inflow_session_get_can_write (self));
      break;

    case PROP_WRITE_DISABLED_REASON:
      g_value_set_string (value, inflow_session_get_write_disabled_reason (self));
      break;

    case PROP_CONNECTION_STATE:
      g_value_set_enum (value, self->connection_state);
      break;

    case PROP_LAST_ERROR:
      g_value_set_boxed (value, self->last_error);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refresh != NULL);
      break;

    case PROP_INTEGRATIONS:
      g_value_set_object (value, self->lists[INFLOW_SESSION_LIST_INTEGRATIONS]);
      break;

    case PROP_WORKSPACES:
      g_value_set_object (value, self->lists[INFLOW_SESSION_LIST_WORKSPACES]);
      break;

    case PROP_CLOUD_ACCOUNTS:
      g_value_set_object (value, self->lists[INFLOW_SESSION_LIST_CLOUD_ACCOUNTS]);
      break;

    case PROP_TEAMS:
      g_value_set_object (value, self->lists[INFLOW_SESSION_LIST_TEAMS]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  InflowSession *self = INFLOW_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_session_class_init (InflowSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_session_dispose;
  object_class->finalize = inflow_session_finalize;
  object_class->get_property = inflow_session_get_property;
  object_class->set_property = inflow_session_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         INFLOW_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         INFLOW_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowSession:database:
   *
   * Where the lists are cached, or %NULL: the demo and session-only
   * sign-ins keep nothing.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         INFLOW_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowSession:me:
   *
   * What GET /me said about the token, or %NULL before it was asked.
   */
  properties[PROP_ME] =
    g_param_spec_object ("me", NULL, NULL,
                         INFLOW_TYPE_ME,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowSession:can-write:
   *
   * Whether the token may make changes (it has the "write" scope, and the
   * API still accepts it). Views disable everything that writes when it is
   * %FALSE and show #InflowSession:write-disabled-reason.
   */
  properties[PROP_CAN_WRITE] =
    g_param_spec_boolean ("can-write", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowSession:write-disabled-reason:
   *
   * A translated sentence saying why changes are disabled, or %NULL when
   * #InflowSession:can-write is %TRUE.
   */
  properties[PROP_WRITE_DISABLED_REASON] =
    g_param_spec_string ("write-disabled-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONNECTION_STATE] =
    g_param_spec_enum ("connection-state", NULL, NULL,
                       INFLOW_TYPE_CONNECTION_STATE,
                       INFLOW_CONNECTION_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowSession:last-error:
   *
   * Why the last refresh failed (%INFLOW_API_ERROR), or %NULL after one
   * that succeeded. Its message is a translated sentence.
   */
  properties[PROP_LAST_ERROR] =
    g_param_spec_boxed ("last-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INTEGRATIONS] =
    g_param_spec_object ("integrations", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_WORKSPACES] =
    g_param_spec_object ("workspaces", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowSession:cloud-accounts:
   *
   * The cloud accounts of every workspace, each account once.
   */
  properties[PROP_CLOUD_ACCOUNTS] =
    g_param_spec_object ("cloud-accounts", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEAMS] =
    g_param_spec_object ("teams", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowSession::fetched-at-changed:
   * @self: the session
   * @list: the #InflowSessionList whose time changed
   *
   * Emitted when a list was replaced by fresher data, from the API or
   * from the cache; inflow_session_get_fetched_at() tells its time.
   */
  signals[FETCHED_AT_CHANGED] =
    g_signal_new ("fetched-at-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, INFLOW_TYPE_SESSION_LIST);
}

static gboolean
update_directory_cb (gpointer data)
{
  InflowSession *self = data;

  self->directory_idle = 0;
  self->directory_dirty = FALSE;
  inflow_account_directory_update (self->directory,
                                   G_LIST_MODEL (self->lists[INFLOW_SESSION_LIST_CLOUD_ACCOUNTS]),
                                   G_LIST_MODEL (self->lists[INFLOW_SESSION_LIST_INTEGRATIONS]));

  return G_SOURCE_REMOVE;
}

static void
schedule_directory_update (InflowSession *self)
{
  if (self->directory_idle == 0)
    self->directory_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_directory_cb, self, NULL);
}

/* A refresh changes both lists one after the other, with requests in
 * between: rebuild the directory once, when it ends. */
static void
directory_lists_changed_cb (InflowSession *self)
{
  self->directory_dirty = TRUE;
  if (self->refresh == NULL)
    schedule_directory_update (self);
}

static void
inflow_session_init (InflowSession *self)
{
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    self->lists[i] = g_list_store_new (list_info[i].get_item_type ());

  self->directory = inflow_account_directory_new ();
  g_signal_connect_swapped (self->lists[INFLOW_SESSION_LIST_CLOUD_ACCOUNTS], "items-changed",
                            G_CALLBACK (directory_lists_changed_cb), self);
  g_signal_connect_swapped (self->lists[INFLOW_SESSION_LIST_INTEGRATIONS], "items-changed",
                            G_CALLBACK (directory_lists_changed_cb), self);
}

/**
 * inflow_session_new:
 * @profile: the profile
 * @client: a client signed in with the profile's token
 * @database: (nullable): where the lists are cached, or %NULL to keep
 *   nothing (the demo and session-only sign-ins)
 *
 * Returns: (transfer full): a new session, with empty lists
 */
InflowSession *
inflow_session_new (InflowProfile  *profile,
                    InflowClient   *client,
                    InflowDatabase *database)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (INFLOW_IS_CLIENT (client), NULL);
  g_return_val_if_fail (database == NULL || INFLOW_IS_DATABASE (database), NULL);

  return g_object_new (INFLOW_TYPE_SESSION,
                       "profile", profile,
                       "client", client,
                       "database", database,
                       NULL);
}

InflowProfile *
inflow_session_get_profile (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return self->profile;
}

InflowClient *
inflow_session_get_client (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return self->client;
}

/**
 * inflow_session_get_database:
 *
 * Returns: (transfer none) (nullable): the database, or %NULL
 */
InflowDatabase *
inflow_session_get_database (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return self->database;
}

/**
 * inflow_session_get_cancellable:
 *
 * Views may pass this cancellable (or one they chain to it) to the
 * client, so that closing the session cancels their requests too.
 *
 * Returns: (transfer none): the session's cancellable
 */
GCancellable *
inflow_session_get_cancellable (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return self->cancellable;
}

/**
 * inflow_session_close:
 * @self: a #InflowSession
 *
 * Cancels everything the session has in flight. The session keeps its
 * lists but never changes again; a refresh fails with
 * %G_IO_ERROR_CANCELLED.
 */
void
inflow_session_close (InflowSession *self)
{
  g_return_if_fail (INFLOW_IS_SESSION (self));

  if (self->closed)
    return;

  g_debug ("Closing the session of profile %s", inflow_profile_get_id (self->profile));
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->refresh != NULL)
    g_cancellable_cancel (self->refresh->cancellable);
}

/**
 * inflow_session_get_me:
 *
 * Returns: (transfer none) (nullable): what GET /me said, or %NULL
 */
InflowMe *
inflow_session_get_me (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return self->me;
}

void
inflow_session_set_me (InflowSession *self,
                       InflowMe      *me)
{
  gboolean can_write;
  g_autofree char *reason = NULL;

  g_return_if_fail (INFLOW_IS_SESSION (self));
  g_return_if_fail (me == NULL || INFLOW_IS_ME (me));

  if (self->me == me)
    return;

  can_write = inflow_session_get_can_write (self);
  reason = g_strdup (inflow_session_get_write_disabled_reason (self));

  g_set_object (&self->me, me);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ME]);

  if (can_write != inflow_session_get_can_write (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_WRITE]);
  if (g_strcmp0 (reason, inflow_session_get_write_disabled_reason (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITE_DISABLED_REASON]);
}

gboolean
inflow_session_get_can_write (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), FALSE);

  return inflow_session_get_write_disabled_reason (self) == NULL;
}

/**
 * inflow_session_get_write_disabled_reason:
 *
 * Returns: (nullable): why changes are disabled, or %NULL
 */
const char *
inflow_session_get_write_disabled_reason (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  if (self->me == NULL)
    return _("Inflow has not yet checked what this API token may do.");

  if (!inflow_me_has_scope (self->me, "write"))
    return _("This API token is read-only. To change integrations and workspace access, "
             "sign in with a service token that has Write scope on the Everyone team.");

  if (self->connection_state == INFLOW_CONNECTION_UNAUTHORIZED)
    return _("Vantage no longer accepts this API token. Sign in again to make changes.");

  return NULL;
}

InflowConnectionState
inflow_session_get_connection_state (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), INFLOW_CONNECTION_UNKNOWN);

  return self->connection_state;
}

/**
 * inflow_session_get_last_error:
 *
 * Returns: (transfer none) (nullable): why the last refresh failed
 */
const GError *
inflow_session_get_last_error (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return self->last_error;
}

gboolean
inflow_session_get_refreshing (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), FALSE);

  return self->refresh != NULL;
}

/**
 * inflow_session_get_integrations:
 *
 * Returns: (transfer none): a list model of #InflowIntegration
 */
GListModel *
inflow_session_get_integrations (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->lists[INFLOW_SESSION_LIST_INTEGRATIONS]);
}

/**
 * inflow_session_get_workspaces:
 *
 * Returns: (transfer none): a list model of #InflowWorkspace
 */
GListModel *
inflow_session_get_workspaces (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->lists[INFLOW_SESSION_LIST_WORKSPACES]);
}

/**
 * inflow_session_get_cloud_accounts:
 *
 * Returns: (transfer none): a list model of #InflowCloudAccount
 */
GListModel *
inflow_session_get_cloud_accounts (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->lists[INFLOW_SESSION_LIST_CLOUD_ACCOUNTS]);
}

/**
 * inflow_session_get_teams:
 *
 * Returns: (transfer none): a list model of #InflowTeam
 */
GListModel *
inflow_session_get_teams (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->lists[INFLOW_SESSION_LIST_TEAMS]);
}

/**
 * inflow_session_get_fetched_at:
 * @self: a #InflowSession
 * @list: which list
 *
 * Returns: (transfer none) (nullable): when the list was fetched (UTC), or
 *   %NULL if it never was
 */
/**
 * inflow_session_get_account_directory:
 * @self: a session
 *
 * The AWS accounts of the session's cloud accounts and integrations, by
 * organization: one directory for every view, rebuilt in an idle after the
 * lists change (it emits #InflowAccountDirectory::changed then).
 *
 * Returns: (transfer none): the directory
 */
InflowAccountDirectory *
inflow_session_get_account_directory (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  return self->directory;
}

/**
 * inflow_session_get_ingestion_monitor:
 * @self: a session
 *
 * The monitor of the session's AWS integrations that every view shares,
 * made and started on the first call. It lives as long as the session and
 * does not keep it alive.
 *
 * Returns: (transfer none): the running monitor
 */
InflowIngestionMonitor *
inflow_session_get_ingestion_monitor (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  if (self->monitor == NULL)
    {
      self->monitor = inflow_ingestion_monitor_new (self);
      inflow_ingestion_monitor_start (self->monitor);
    }

  return self->monitor;
}

static void
connector_found_cb (InflowAwsConnector *connector,
                    InflowIntegration  *integration,
                    InflowSession      *self)
{
  inflow_session_update_integration (self, integration);
}

/**
 * inflow_session_get_aws_connector:
 * @self: a session
 *
 * The connector every AWS write of the session goes through (connecting a
 * role, registering StackSet members, waiting for an integration made
 * elsewhere). What it finds is added to the integrations at once. The demo
 * profile is never stored, so neither is what it connects (beyond this run).
 *
 * Returns: (transfer none): the connector, made on the first call
 */
InflowAwsConnector *
inflow_session_get_aws_connector (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  if (self->connector == NULL)
    {
      gboolean stored = self->profile != NULL && !inflow_profile_get_is_demo (self->profile);

      self->connector = inflow_aws_connector_new (self->client, stored ? self->database : NULL,
                                                  self->profile != NULL ? inflow_profile_get_id (self->profile) : NULL);
      g_signal_connect (self->connector, "integration-found", G_CALLBACK (connector_found_cb), self);
    }

  return self->connector;
}

/**
 * inflow_session_get_access_queue:
 * @self: a session
 *
 * The queue of the session's workspace access writes (one per integration,
 * never raced), made on the first call; it does not keep the session alive.
 *
 * Returns: (transfer none): the queue
 */
InflowAccessQueue *
inflow_session_get_access_queue (InflowSession *self)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);

  if (self->access_queue == NULL)
    self->access_queue = inflow_access_queue_new (self);

  return self->access_queue;
}

/**
 * inflow_session_get_list_state:
 * @self: a session
 * @list: the list a view shows
 * @n_items: how many items the view has to show
 *
 * Returns: what the view shows: its items whenever it has some; otherwise
 *   a spinner while a refresh runs or before the first one, an error when
 *   the list was never fetched and the last refresh failed, else an empty
 *   page
 */
InflowListState
inflow_session_get_list_state (InflowSession     *self,
                               InflowSessionList  list,
                               guint              n_items)
{
  gboolean fetched;

  g_return_val_if_fail (INFLOW_IS_SESSION (self), INFLOW_LIST_STATE_EMPTY);
  g_return_val_if_fail (list < INFLOW_SESSION_N_LISTS, INFLOW_LIST_STATE_EMPTY);

  if (n_items > 0)
    return INFLOW_LIST_STATE_READY;

  fetched = self->fetched_at[list] != NULL;
  if (self->refresh != NULL || (self->connection_state == INFLOW_CONNECTION_UNKNOWN && !fetched))
    return INFLOW_LIST_STATE_LOADING;

  if (!fetched &&
      (self->connection_state == INFLOW_CONNECTION_OFFLINE ||
       self->connection_state == INFLOW_CONNECTION_UNAUTHORIZED ||
       self->connection_state == INFLOW_CONNECTION_ERROR))
    return INFLOW_LIST_STATE_ERROR;

  return INFLOW_LIST_STATE_EMPTY;
}

/**
 * inflow_session_dup_as_of_text:
 * @self: a session
 * @list: a list
 *
 * Returns: (transfer full) (nullable): "As of 14:20 today", or "Offline ·
 *   as of …" while the API cannot be reached, or %NULL when the list was
 *   neither fetched nor read from the cache
 */
char *
inflow_session_dup_as_of_text (InflowSession     *self,
                               InflowSessionList  list)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);
  g_return_val_if_fail (list < INFLOW_SESSION_N_LISTS, NULL);

  if (self->fetched_at[list] == NULL)
    return NULL;

  /* One clock for every time shown: the monitor's, the server's */
  if (self->monitor != NULL)
    {
      InflowServerClock *clock = inflow_ingestion_monitor_get_clock (self->monitor);
      g_autoptr(GDateTime) fetched_at = inflow_server_clock_to_server_time (clock, self->fetched_at[list]);

      now = inflow_server_clock_dup_local_now (clock);
      when = inflow_ingestion_format_when (fetched_at, now);
    }
  else
    {
      now = g_date_time_new_now_local ();
      when = inflow_ingestion_format_when (self->fetched_at[list], now);
    }

  if (self->connection_state == INFLOW_CONNECTION_OFFLINE)
    /* Translators: %s is a time, like "14:20 today" */
    return g_strdup_printf (_("Offline · as of %s"), when);

  /* Translators: %s is a time, like "14:20 today" */
  return g_strdup_printf (_("As of %s"), when);
}

GDateTime *
inflow_session_get_fetched_at (InflowSession     *self,
                               InflowSessionList  list)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), NULL);
  g_return_val_if_fail (list < INFLOW_SESSION_N_LISTS, NULL);

  return self->fetched_at[list];
}

static gboolean
find_integration (InflowSession *self,
                  const char    *token,
                  guint         *position)
{
  GListModel *model = G_LIST_MODEL (self->lists[INFLOW_SESSION_LIST_INTEGRATIONS]);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (inflow_integration_get_token (item), token) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * inflow_session_update_integration:
 * @self: a #InflowSession
 * @integration: the integration as a write returned it
 *
 * Puts @integration in the place of the one with the same token (or adds
 * it at the end) and saves the list.
 */
void
inflow_session_update_integration (InflowSession     *self,
                                   InflowIntegration *integration)
{
  GListStore *store;
  guint position;

  g_return_if_fail (INFLOW_IS_SESSION (self));
  g_return_if_fail (INFLOW_IS_INTEGRATION (integration));

  if (self->closed)
    return;

  store = self->lists[INFLOW_SESSION_LIST_INTEGRATIONS];
  if (find_integration (self, inflow_integration_get_token (integration), &position))
    g_list_store_splice (store, position, 1, (gpointer *) &integration, 1);
  else
    g_list_store_append (store, integration);

  save_list (self, INFLOW_SESSION_LIST_INTEGRATIONS);
}

/**
 * inflow_session_remove_integration:
 * @self: a #InflowSession
 * @token: the token of a deleted integration
 *
 * Removes the integration from the list, if it is there, and saves the list.
 */
void
inflow_session_remove_integration (InflowSession *self,
                                   const char    *token)
{
  guint position;

  g_return_if_fail (INFLOW_IS_SESSION (self));
  g_return_if_fail (token != NULL);

  if (self->closed)
    return;

  if (find_integration (self, token, &position))
    {
      g_list_store_remove (self->lists[INFLOW_SESSION_LIST_INTEGRATIONS], position);
      save_list (self, INFLOW_SESSION_LIST_INTEGRATIONS);
    }
}

static void
delete_integration_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!inflow_client_delete_integration_finish (INFLOW_CLIENT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  inflow_session_remove_integration (self, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_session_delete_integration_async:
 * @self: a #InflowSession
 * @token: the token of an integration
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the integration is deleted, or could not be
 * @user_data: for @callback
 *
 * Deletes the integration in Vantage (DELETE /v2/integrations/{token}),
 * then removes it from the list.
 */
void
inflow_session_delete_integration_async (InflowSession       *self,
                                         const char          *token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_SESSION (self));
  g_return_if_fail (token != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_session_delete_integration_async);
  g_task_set_task_data (task, g_strdup (token), g_free);

  inflow_client_delete_integration_async (self->client, token, cancellable,
                                          delete_integration_cb, g_steal_pointer (&task));
}

gboolean
inflow_session_delete_integration_finish (InflowSession  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_session_delete_integration_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Loading the cache */

typedef struct
{
  guint   pending;
  GError *error;
} LoadCached;

static void
load_cached_free (LoadCached *load)
{
  g_clear_error (&load->error);
  g_free (load);
}

typedef struct
{
  GTask *task;
  int    list;  /* an InflowSessionList, or -1 for /me */
} LoadCachedItem;

static JsonNode *
parse_cached_json (const char  *json,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!inflow_json_check (json, -1, error) ||
      !json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static void
apply_cached_list (InflowSession     *self,
                   InflowSessionList  list,
                   JsonNode          *root,
                   GDateTime         *fetched_at)
{
  g_autoptr(GListStore) items = NULL;
  JsonArray *array;
  guint n_invalid = 0;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_debug ("The cached %s list is not an array", list_info[list].cache_kind);
      return;
    }

  array = json_node_get_array (root);
  items = g_list_store_new (list_info[list].get_item_type ());
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GObject) item = NULL;
      g_autoptr(GError) error = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        item = list_info[list].from_json (json_node_get_object (element), &error);

      if (item != NULL)
        g_list_store_append (items, item);
      else
        {
          n_invalid++;
          g_debug ("Cached %s item %u: %s", list_info[list].cache_kind, i,
                   error != NULL ? error->message : "not an object");
        }
    }

  if (n_invalid > 0)
    g_debug ("%u cached %s items could not be read", n_invalid, list_info[list].cache_kind);

  replace_list (self, list, G_LIST_MODEL (items), fetched_at);
}

static void
get_cached_list_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LoadCachedItem *item = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&item->task);
  int list = item->list;
  InflowSession *self = g_task_get_source_object (task);
  LoadCached *load = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_free (item);

  json = inflow_database_get_cached_list_finish (INFLOW_DATABASE (source), result, &fetched_at, &error);
  if (json == NULL)
    {
      if (!g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          load->error == NULL)
        load->error = g_steal_pointer (&error);
    }
  else if (self->closed || g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      /* Too late to show anything */
    }
  else if ((root = parse_cached_json (json, &error)) == NULL)
    {
      g_debug ("A cached list is no JSON: %s", error->message);
    }
  else if (list < 0)
    {
      if (self->me == NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          g_autoptr(InflowMe) me = inflow_me_new_from_json (json_node_get_object (root), &error);

          if (me != NULL)
            inflow_session_set_me (self, me);
          else
            g_debug ("The cached /me cannot be read: %s", error->message);
        }
    }
  else if (self->fetched_at[list] == NULL)
    {
      /* Only when no refresh brought fresher data in the meantime */
      apply_cached_list (self, list, root, fetched_at);
    }

  if (--load->pending > 0)
    return;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->closed)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The session is closed");
  else if (load->error != NULL)
    g_task_return_error (task, g_steal_pointer (&load->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_cached_one (GTask      *task,
                 const char *kind,
                 int         list)
{
  InflowSession *self = g_task_get_source_object (task);
  LoadCached *load = g_task_get_task_data (task);
  LoadCachedItem *item = g_new0 (LoadCachedItem, 1);

  item->task = g_object_ref (task);
  item->list = list;
  load->pending++;

  inflow_database_get_cached_list_async (self->database, inflow_profile_get_id (self->profile), kind,
                                         g_task_get_cancellable (task), get_cached_list_cb, item);
}

/**
 * inflow_session_load_cached_async:
 * @self: a #InflowSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the cache was read
 * @user_data: data for @callback
 *
 * Shows the lists (and what GET /me said) that an earlier refresh saved,
 * with the times they were fetched. A list a refresh already replaced is
 * left as it is.
 */
void
inflow_session_load_cached_async (InflowSession       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_session_load_cached_async);
  g_task_set_task_data (task, g_new0 (LoadCached, 1), (GDestroyNotify) load_cached_free);

  if (self->closed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The session is closed");
      return;
    }

  if (!keeps_cache (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  load_cached_one (task, CACHED_ME, -1);
  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    load_cached_one (task, list_info[i].cache_kind, (int) i);
}

gboolean
inflow_session_load_cached_finish (InflowSession  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_session_load_cached_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Refreshing */

static void
waiter_free (Waiter *waiter)
{
  if (waiter->handler_id != 0)
    g_cancellable_disconnect (waiter->cancellable, waiter->handler_id);
  g_clear_object (&waiter->cancellable);
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static void
refresh_free (Refresh *refresh)
{
  g_clear_pointer (&refresh->waiters, g_ptr_array_unref);
  g_clear_object (&refresh->cancellable);
  g_clear_error (&refresh->error);
  g_clear_object (&refresh->accounts);
  g_clear_pointer (&refresh->account_ids, g_hash_table_unref);
  g_clear_object (&refresh->self);
  g_free (refresh);
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The refresh was cancelled");
  return G_SOURCE_REMOVE;
}

/* A caller gave up: it gets its CANCELLED (from an idle, not from inside
 * the signal emission); the refresh goes on for the others, or stops when
 * nobody waits any more. Runs in the thread that cancelled, which for
 * Inflow is the main thread. */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  Refresh *refresh = waiter->refresh;
  GTask *task = g_steal_pointer (&waiter->task);

  if (task == NULL)
    return;

  g_idle_add_full (G_PRIORITY_DEFAULT, return_cancelled_cb, task, NULL);

  for (guint i = 0; i < refresh->waiters->len; i++)
    if (((Waiter *) g_ptr_array_index (refresh->waiters, i))->task != NULL)
      return;

  g_cancellable_cancel (refresh->cancellable);
}

static void
refresh_record_error (Refresh *refresh,
                      GError  *error)
{
  if (refresh->error == NULL)
    refresh->error = error;
  else
    g_error_free (error);
}

static void
refresh_complete (Refresh *refresh)
{
  InflowSession *self = refresh->self;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&refresh->waiters);
  gboolean cancelled = g_cancellable_is_cancelled (refresh->cancellable) ||
                       (refresh->error != NULL &&
                        g_error_matches (refresh->error, G_IO_ERROR, G_IO_ERROR_CANCELLED));

  g_assert (self->refresh == refresh);
  self->refresh = NULL;
  if (self->directory_dirty)
    schedule_directory_update (self);

  if (cancelled)
    {
      g_debug ("A refresh of profile %s was cancelled", inflow_profile_get_id (self->profile));
    }
  else if (refresh->error != NULL)
    {
      g_debug ("A refresh of profile %s failed: %s", inflow_profile_get_id (self->profile),
               refresh->error->message);
      set_connection_state (self, inflow_connection_state_from_error (refresh->error), refresh->error);
    }
  else
    {
      set_connection_state (self, INFLOW_CONNECTION_ONLINE, NULL);
    }

  if (!self->closed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);
      g_autoptr(GTask) task = g_steal_pointer (&waiter->task);

      if (task == NULL)
        continue;  /* already returned CANCELLED */

      if (cancelled)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The refresh was cancelled");
      else if (refresh->error != NULL)
        g_task_return_error (task, g_error_copy (refresh->error));
      else
        g_task_return_boolean (task, TRUE);
    }

  refresh_free (refresh);
}

/* Drops one pending request; completes the refresh after the last. */
static void
refresh_release (Refresh *refresh)
{
  g_assert (refresh->pending > 0);

  if (--refresh->pending == 0)
    refresh_complete (refresh);
}

/* Handles a failed request: returns TRUE if the refresh should not use the
 * result (any failure, or a cancellation). */
static gboolean
refresh_failed (Refresh *refresh,
                GError  *error)
{
  if (error == NULL && !g_cancellable_is_cancelled (refresh->cancellable))
    return FALSE;

  if (error != NULL)
    refresh_record_error (refresh, error);

  return TRUE;
}

static void
refresh_apply_list (Refresh           *refresh,
                    InflowSessionList  list,
                    GListModel        *items,
                    guint              n_invalid)
{
  InflowSession *self = refresh->self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (n_invalid > 0)
    g_debug ("%u %s could not be read and are left out", n_invalid, list_info[list].cache_kind);

  replace_list (self, list, items, now);
  save_list (self, list);
}

static void
list_integrations_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Refresh *refresh = user_data;
  g_autoptr(GListModel) items = NULL;
  GError *error = NULL;
  guint n_invalid = 0;

  items = inflow_client_list_integrations_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (!refresh_failed (refresh, error))
    refresh_apply_list (refresh, INFLOW_SESSION_LIST_INTEGRATIONS, items, n_invalid);

  refresh_release (refresh);
}

static void
list_teams_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Refresh *refresh = user_data;
  g_autoptr(GListModel) items = NULL;
  GError *error = NULL;
  guint n_invalid = 0;

  items = inflow_client_list_teams_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);

  /* A token that may not see the teams still sees everything else. */
  if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN))
    {
      g_debug ("The token may not list the teams: %s", error->message);
      g_clear_error (&error);
      items = G_LIST_MODEL (g_list_store_new (INFLOW_TYPE_TEAM));
    }

  if (!refresh_failed (refresh, error))
    refresh_apply_list (refresh, INFLOW_SESSION_LIST_TEAMS, items, n_invalid);

  refresh_release (refresh);
}

static void
list_cloud_accounts_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Refresh *refresh = user_data;
  g_autoptr(GListModel) items = NULL;
  GError *error = NULL;
  guint n_invalid = 0;

  items = inflow_client_list_cloud_accounts_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (refresh_failed (refresh, error))
    refresh->accounts_failed = TRUE;
  else
    {
      guint n_items = g_list_model_get_n_items (items);

      if (n_invalid > 0)
        g_debug ("%u cloud accounts could not be read and are left out", n_invalid);

      /* The same account shows in several workspaces: keep it once. */
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(InflowCloudAccount) account = g_list_model_get_item (items, i);
          const char *id = inflow_cloud_account_get_account_id (account);

          if (g_hash_table_add (refresh->account_ids, g_strdup (id)))
            g_list_store_append (refresh->accounts, account);
        }
    }

  if (--refresh->accounts_pending == 0 && !refresh->accounts_failed)
    refresh_apply_list (refresh, INFLOW_SESSION_LIST_CLOUD_ACCOUNTS, G_LIST_MODEL (refresh->accounts), 0);

  refresh_release (refresh);
}

static void
list_workspaces_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Refresh *refresh = user_data;
  InflowSession *self = refresh->self;
  g_autoptr(GListModel) items = NULL;
  GError *error = NULL;
  guint n_invalid = 0;
  guint n_items;

  items = inflow_client_list_workspaces_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (refresh_failed (refresh, error))
    {
      refresh_release (refresh);
      return;
    }

  refresh_apply_list (refresh, INFLOW_SESSION_LIST_WORKSPACES, items, n_invalid);

  n_items = g_list_model_get_n_items (items);
  refresh->accounts = g_list_store_new (INFLOW_TYPE_CLOUD_ACCOUNT);
  refresh->account_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (n_items == 0)
    refresh_apply_list (refresh, INFLOW_SESSION_LIST_CLOUD_ACCOUNTS, G_LIST_MODEL (refresh->accounts), 0);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(InflowWorkspace) workspace = g_list_model_get_item (items, i);

      refresh->pending++;
      refresh->accounts_pending++;
      inflow_client_list_cloud_accounts_async (self->client, inflow_workspace_get_token (workspace), NULL,
                                               refresh->cancellable, list_cloud_accounts_cb, refresh);
    }

  refresh_release (refresh);
}

static void
get_me_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Refresh *refresh = user_data;
  InflowSession *self = refresh->self;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GDateTime) now = NULL;
  GError *error = NULL;

  me = inflow_client_get_me_finish (INFLOW_CLIENT (source), result, &error);
  if (refresh_failed (refresh, error))
    {
      refresh_release (refresh);
      return;
    }

  inflow_session_set_me (self, me);
  now = g_date_time_new_now_utc ();
  save_me (self, now);

  refresh->pending += 3;
  inflow_client_list_workspaces_async (self->client, refresh->cancellable, list_workspaces_cb, refresh);
  inflow_client_list_integrations_async (self->client, NULL, NULL, refresh->cancellable,
                                         list_integrations_cb, refresh);
  inflow_client_list_teams_async (self->client, refresh->cancellable, list_teams_cb, refresh);

  refresh_release (refresh);
}

static void
refresh_add_waiter (Refresh *refresh,
                    GTask   *task)
{
  Waiter *waiter = g_new0 (Waiter, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  waiter->refresh = refresh;
  waiter->task = g_object_ref (task);
  g_ptr_array_add (refresh->waiters, waiter);

  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->handler_id = g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb), waiter, NULL);
    }
}

/**
 * inflow_session_refresh_async:
 * @self: a #InflowSession
 * @cancellable: (nullable): a #GCancellable; cancelling it stops waiting,
 *   and stops the refresh when nobody else waits for it
 * @callback: called when the refresh ended
 * @user_data: data for @callback
 *
 * Fetches what the session shows again. See the header for the details.
 */
void
inflow_session_refresh_async (InflowSession       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (INFLOW_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_session_refresh_async);

  if (self->closed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The session is closed");
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->refresh != NULL)
    {
      refresh_add_waiter (self->refresh, task);
      return;
    }

  refresh = g_new0 (Refresh, 1);
  refresh->self = g_object_ref (self);
  refresh->cancellable = g_cancellable_new ();
  refresh->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  self->refresh = refresh;
  refresh_add_waiter (refresh, task);

  g_debug ("Refreshing profile %s", inflow_profile_get_id (self->profile));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);

  refresh->pending = 1;
  inflow_client_get_me_async (self->client, refresh->cancellable, get_me_cb, refresh);
}

gboolean
inflow_session_refresh_finish (InflowSession  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_session_refresh_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
