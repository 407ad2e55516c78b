/* inflow-token-store.c: Vantage API tokens in the keyring
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-storage"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "inflow-storage-error.h"
#include "inflow-token-store.h"

/* The format of the stored secret: the bare token. A new format gets a new
 * number, so that tokens stored in an old one are simply not found. */
#define TOKEN_FORMAT_VERSION 1

/**
 * InflowTokenStore:
 *
 * Keeps one Vantage API token per profile in the keyring, through libsecret:
 * the Secret Service on the host, the Secret portal's file backend inside
 * Flatpak, with the same code. Items use a schema named after the
 * application ID with a `profile-id` and a format `version` attribute, and
 * a translatable label naming the profile.
 *
 * Searches do not match the schema's name (%SECRET_SCHEMA_DONT_MATCH_NAME;
 * items still carry it in `xdg:schema`): gnome-keyring (42 at least) keeps
 * only the attributes an item was stored with in the unencrypted part of a
 * keyring file, so a keyring loaded locked at login never matches
 * `xdg:schema`, and a token in it looked missing. The profile ID, a
 * random UUID, is specific enough. A lookup that finds the token in a
 * locked keyring asks the keyring to unlock (its own prompt); when the
 * user dismisses it the lookup fails with
 * %INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED, #InflowTokenStore:keyring-state
 * turns %INFLOW_KEYRING_LOCKED, and inflow_token_store_unlock_async() asks
 * again.
 *
 * The token lives in the keyring and in memory only; nothing here logs it.
 * All calls are asynchronous and may be made from the main thread; libsecret
 * itself is called from the keyring thread (see keyring_context()).
 */
struct _InflowTokenStore
{
  GObject           parent_instance;

  InflowKeyringState keyring_state;
};

G_DEFINE_FINAL_TYPE (InflowTokenStore, inflow_token_store, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowKeyringState, inflow_keyring_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_KEYRING_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (INFLOW_KEYRING_AVAILABLE, "available"),
                    G_DEFINE_ENUM_VALUE (INFLOW_KEYRING_LOCKED, "locked"),
                    G_DEFINE_ENUM_VALUE (INFLOW_KEYRING_UNAVAILABLE, "unavailable"))

enum {
  PROP_0,
  PROP_KEYRING_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID, SECRET_SCHEMA_DONT_MATCH_NAME,
    {
      { "profile-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "version", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { NULL, 0 },
    }
  };

  return &schema;
}

static gboolean
task_cancelled_by_caller (GTask *task)
{
  return g_cancellable_is_cancelled (g_task_get_cancellable (task));
}

static gpointer
keyring_thread_func (gpointer data)
{
  GMainContext *context = data;

  g_main_context_push_thread_default (context);
  for (;;)
    g_main_context_iteration (context, TRUE);

  return NULL;
}

/* The main context of the keyring thread, which does nothing but libsecret's
 * calls and callbacks; it runs as long as the process. Inside Flatpak,
 * libsecret 0.20 (Debian 12, GNOME runtimes up to 44) asks the Secret portal
 * for its file's key and starts listening for the portal's answer only once
 * the call returned: when the calling thread's main context is busy for that
 * millisecond (the main thread drawing the first window), the answer goes by
 * unheard and the call never ends. In a thread of their own, libsecret's
 * callbacks run at once. */
static GMainContext *
keyring_context (void)
{
  static GMainContext *context;

  if (g_once_init_enter (&context))
    {
      GMainContext *new_context = g_main_context_new ();

      g_thread_unref (g_thread_new ("inflow-keyring", keyring_thread_func, g_main_context_ref (new_context)));
      g_once_init_leave (&context, new_context);
    }

  return context;
}

/* What a call passes to the keyring thread */
typedef struct
{
  GTask *task;
  char  *label;
  char  *token;
} KeyringCall;

static void
keyring_call_free (KeyringCall *call)
{
  g_clear_object (&call->task);
  g_clear_pointer (&call->label, g_free);
  g_clear_pointer (&call->token, inflow_token_free);
  g_free (call);
}

/* Runs @func with @task (and @label and @token, copied) on the keyring thread. */
static void
keyring_call (GSourceFunc  func,
              GTask       *task,
              const char  *label,
              const char  *token)
{
  KeyringCall *call = g_new0 (KeyringCall, 1);

  call->task = task;
  call->label = g_strdup (label);
  call->token = g_strdup (token);
  g_main_context_invoke_full (keyring_context (), G_PRIORITY_DEFAULT, func, call,
                              (GDestroyNotify) keyring_call_free);
}

static void
set_keyring_state (InflowTokenStore   *self,
                   InflowKeyringState  state)
{
  if (self->keyring_state == state)
    return;

  self->keyring_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYRING_STATE]);
}

/* What a call's outcome says about the keyring; a cancellation by the
 * caller says nothing. */
static void
learn_keyring_state (InflowTokenStore *self,
                     const GError     *error)
{
  if (error == NULL || g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND))
    set_keyring_state (self, INFLOW_KEYRING_AVAILABLE);
  else if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED))
    set_keyring_state (self, INFLOW_KEYRING_LOCKED);
  else if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE))
    set_keyring_state (self, INFLOW_KEYRING_UNAVAILABLE);
}

/* Returns @error into @task, after learning from it */
static void
return_error (GTask  *task,
              GError *error)
{
  learn_keyring_state (g_task_get_source_object (task), error);
  g_task_return_error (task, error);
}

static void
inflow_token_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowTokenStore *self = INFLOW_TOKEN_STORE (object);

  switch (prop_id)
    {
    case PROP_KEYRING_STATE:
      g_value_set_enum (value, self->keyring_state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_token_store_class_init (InflowTokenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = inflow_token_store_get_property;

  /**
   * InflowTokenStore:keyring-state:
   *
   * What the latest call learned of the keyring: %INFLOW_KEYRING_LOCKED
   * when a token is in a keyring that stayed locked (the user dismissed
   * the unlock prompt): inflow_token_store_unlock_async() asks again.
   */
  properties[PROP_KEYRING_STATE] =
    g_param_spec_enum ("keyring-state", NULL, NULL,
                       INFLOW_TYPE_KEYRING_STATE, INFLOW_KEYRING_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_token_store_init (InflowTokenStore *self)
{
}

/**
 * inflow_token_store_new:
 *
 * Returns: (transfer full): a new token store
 */
InflowTokenStore *
inflow_token_store_new (void)
{
  return g_object_new (INFLOW_TYPE_TOKEN_STORE, NULL);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      return_error (task, inflow_storage_error_new_from_secret (error, task_cancelled_by_caller (task)));
      return;
    }

  g_debug ("Stored the token of profile %s", (const char *) g_task_get_task_data (task));
  learn_keyring_state (g_task_get_source_object (task), NULL);
  g_task_return_boolean (task, TRUE);
}

static gboolean
store_in_keyring_thread (gpointer data)
{
  KeyringCall *call = data;

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, call->label, call->token,
                         g_task_get_cancellable (call->task), store_cb, g_object_ref (call->task),
                         "profile-id", (const char *) g_task_get_task_data (call->task),
                         "version", TOKEN_FORMAT_VERSION,
                         NULL);

  return G_SOURCE_REMOVE;
}

/**
 * inflow_token_store_store_async:
 * @self: a #InflowTokenStore
 * @profile_id: the profile's ID
 * @profile_name: the profile's name, for the item's label
 * @token: the API token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is stored
 * @user_data: data for @callback
 *
 * Stores @token for @profile_id in the default keyring, replacing the token
 * stored for it before. The keyring may ask the user to unlock it.
 */
void
inflow_token_store_store_async (InflowTokenStore    *self,
                                const char          *profile_id,
                                const char          *profile_name,
                                const char          *token,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (INFLOW_IS_TOKEN_STORE (self));
  g_return_if_fail (profile_id != NULL && *profile_id != '\0');
  g_return_if_fail (profile_name != NULL);
  g_return_if_fail (token != NULL && *token != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_token_store_store_async);
  g_task_set_task_data (task, g_strdup (profile_id), g_free);

  /* Translators: the label of the keyring item that holds the token of a
   * profile, as the Passwords and Keys application shows it; %s is the
   * profile's name. */
  label = g_strdup_printf (_("Vantage API token for %s"), profile_name);

  keyring_call (store_in_keyring_thread, g_steal_pointer (&task), label, token);
}

/**
 * inflow_token_store_store_finish:
 * @self: a #InflowTokenStore
 * @result: the #GAsyncResult
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns: whether the token was stored
 */
gboolean
inflow_token_store_store_finish (InflowTokenStore  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (INFLOW_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_token_store_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GError *
not_found_error (void)
{
  return g_error_new_literal (INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND,
                              _("No API token is saved for this profile. Sign in again to continue."));
}

static const char *
locked_message (void)
{
  return _("The keyring that holds the API token stayed locked. Unlock it to use this profile; the "
           "profile is kept.");
}

/* A lookup that found nothing: either no item, or an item that stayed
 * locked (libsecret returns nothing, and no error, when the user dismisses
 * the unlock prompt). A search that does not unlock tells them apart. */
static void
search_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, inflow_storage_error_new_from_secret (error, task_cancelled_by_caller (task)));
      return;
    }

  if (items != NULL)
    {
      g_debug ("The token of profile %s is in a locked keyring",
               (const char *) g_task_get_task_data (task));
      g_list_free_full (items, g_object_unref);
      return_error (task, g_error_new_literal (INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED,
                                               locked_message ()));
      return;
    }

  g_debug ("No token stored for profile %s", (const char *) g_task_get_task_data (task));
  return_error (task, not_found_error ());
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  const char *profile_id = g_task_get_task_data (task);
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, inflow_storage_error_new_from_secret (error, task_cancelled_by_caller (task)));
      return;
    }

  if (token != NULL)
    {
      g_debug ("Found the token of profile %s", profile_id);
      learn_keyring_state (g_task_get_source_object (task), NULL);
      g_task_return_pointer (task, token, (GDestroyNotify) inflow_token_free);
      return;
    }

  secret_password_search (get_schema (), SECRET_SEARCH_NONE,
                          g_task_get_cancellable (task),
                          search_cb, g_object_ref (task),
                          "profile-id", profile_id,
                          "version", TOKEN_FORMAT_VERSION,
                          NULL);
}

static gboolean
lookup_in_keyring_thread (gpointer data)
{
  KeyringCall *call = data;

  secret_password_lookup (get_schema (), g_task_get_cancellable (call->task), lookup_cb, g_object_ref (call->task),
                          "profile-id", (const char *) g_task_get_task_data (call->task),
                          "version", TOKEN_FORMAT_VERSION,
                          NULL);

  return G_SOURCE_REMOVE;
}

/**
 * inflow_token_store_lookup_async:
 * @self: a #InflowTokenStore
 * @profile_id: the profile's ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token
 * @user_data: data for @callback
 *
 * Looks up the token of @profile_id. The keyring may ask the user to unlock
 * it (its own prompt, when the token is in a locked keyring).
 */
void
inflow_token_store_lookup_async (InflowTokenStore    *self,
                                 const char          *profile_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_TOKEN_STORE (self));
  g_return_if_fail (profile_id != NULL && *profile_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_token_store_lookup_async);
  g_task_set_task_data (task, g_strdup (profile_id), g_free);

  keyring_call (lookup_in_keyring_thread, g_steal_pointer (&task), NULL, NULL);
}

/**
 * inflow_token_store_lookup_finish:
 * @self: a #InflowTokenStore
 * @result: the #GAsyncResult
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns %NULL with %INFLOW_STORAGE_ERROR_NOT_FOUND when no token is stored
 * for the profile, and %INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED when one is
 * but the keyring stayed locked (the user dismissed the prompt; see
 * inflow_token_store_unlock_async()).
 *
 * Returns: (transfer full) (nullable): the token; free it with
 *   inflow_token_free()
 */
char *
inflow_token_store_lookup_finish (InflowTokenStore  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (INFLOW_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_token_store_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean removed;

  removed = secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, inflow_storage_error_new_from_secret (error, task_cancelled_by_caller (task)));
      return;
    }

  g_debug ("%s token of profile %s",
           removed ? "Removed the" : "There was no",
           (const char *) g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

static gboolean
clear_in_keyring_thread (gpointer data)
{
  KeyringCall *call = data;

  secret_password_clear (get_schema (), g_task_get_cancellable (call->task), clear_cb, g_object_ref (call->task),
                         "profile-id", (const char *) g_task_get_task_data (call->task),
                         "version", TOKEN_FORMAT_VERSION,
                         NULL);

  return G_SOURCE_REMOVE;
}

/**
 * inflow_token_store_clear_async:
 * @self: a #InflowTokenStore
 * @profile_id: the profile's ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is removed
 * @user_data: data for @callback
 *
 * Removes the token of @profile_id from the keyring. Clearing a profile that
 * has no token succeeds.
 */
void
inflow_token_store_clear_async (InflowTokenStore    *self,
                                const char          *profile_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_TOKEN_STORE (self));
  g_return_if_fail (profile_id != NULL && *profile_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_token_store_clear_async);
  g_task_set_task_data (task, g_strdup (profile_id), g_free);

  keyring_call (clear_in_keyring_thread, g_steal_pointer (&task), NULL, NULL);
}

/**
 * inflow_token_store_clear_finish:
 * @self: a #InflowTokenStore
 * @result: the #GAsyncResult
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Returns: whether the keyring holds no token for the profile any more
 */
gboolean
inflow_token_store_clear_finish (InflowTokenStore  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (INFLOW_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_token_store_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Unlocked (or not): read the token, which asks nothing any more */
static void
unlock_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *unlocked = NULL;

  secret_service_unlock_finish (SECRET_SERVICE (source), result, &unlocked, &error);
  if (error != NULL)
    {
      return_error (task, inflow_storage_error_new_from_secret (error, task_cancelled_by_caller (task)));
      return;
    }

  if (unlocked == NULL)
    {
      g_debug ("The keyring of profile %s stayed locked", (const char *) g_task_get_task_data (task));
      return_error (task, g_error_new_literal (INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED,
                                               locked_message ()));
      return;
    }

  g_list_free_full (unlocked, g_object_unref);
  g_debug ("Unlocked the keyring of profile %s", (const char *) g_task_get_task_data (task));
  secret_password_lookup (get_schema (), g_task_get_cancellable (task), lookup_cb, g_object_ref (task),
                          "profile-id", (const char *) g_task_get_task_data (task),
                          "version", TOKEN_FORMAT_VERSION,
                          NULL);
}

static void
unlock_search_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      return_error (task, inflow_storage_error_new_from_secret (error, task_cancelled_by_caller (task)));
      return;
    }

  if (items == NULL)
    {
      return_error (task, not_found_error ());
      return;
    }

  /* The keyring's own prompt, for the items (and so their collection) */
  secret_service_unlock (secret_item_get_service (items->data), items, g_task_get_cancellable (task),
                         unlock_done_cb, g_object_ref (task));
  g_list_free_full (items, g_object_unref);
}

static gboolean
unlock_in_keyring_thread (gpointer data)
{
  KeyringCall *call = data;

  secret_password_search (get_schema (), SECRET_SEARCH_NONE,
                          g_task_get_cancellable (call->task), unlock_search_cb, g_object_ref (call->task),
                          "profile-id", (const char *) g_task_get_task_data (call->task),
                          "version", TOKEN_FORMAT_VERSION,
                          NULL);

  return G_SOURCE_REMOVE;
}

/**
 * inflow_token_store_unlock_async:
 * @self: a #InflowTokenStore
 * @profile_id: the profile's ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token
 * @user_data: data for @callback
 *
 * Asks the keyring to unlock the item that holds the token of @profile_id
 * (the keyring's own prompt, where the user types the keyring's password),
 * then reads the token. For the "Unlock" button after a lookup failed
 * with %INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED.
 */
void
inflow_token_store_unlock_async (InflowTokenStore    *self,
                                 const char          *profile_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_TOKEN_STORE (self));
  g_return_if_fail (profile_id != NULL && *profile_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_token_store_unlock_async);
  g_task_set_task_data (task, g_strdup (profile_id), g_free);

  keyring_call (unlock_in_keyring_thread, g_steal_pointer (&task), NULL, NULL);
}

/**
 * inflow_token_store_unlock_finish:
 * @self: a #InflowTokenStore
 * @result: the #GAsyncResult
 * @error: return location for an error in %INFLOW_STORAGE_ERROR
 *
 * Fails with %INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED when the keyring
 * stayed locked, %INFLOW_STORAGE_ERROR_NOT_FOUND when no token is stored.
 *
 * Returns: (transfer full) (nullable): the token; free it with
 *   inflow_token_free()
 */
char *
inflow_token_store_unlock_finish (InflowTokenStore  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (INFLOW_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_token_store_unlock_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * inflow_token_store_get_keyring_state:
 * @self: a #InflowTokenStore
 *
 * Returns: see #InflowTokenStore:keyring-state
 */
InflowKeyringState
inflow_token_store_get_keyring_state (InflowTokenStore *self)
{
  g_return_val_if_fail (INFLOW_IS_TOKEN_STORE (self), INFLOW_KEYRING_UNKNOWN);

  return self->keyring_state;
}

/**
 * inflow_token_free:
 * @token: (nullable): a token from inflow_token_store_lookup_finish()
 *
 * Overwrites @token in memory and frees it.
 */
void
inflow_token_free (char *token)
{
  secret_password_free (token);
}
