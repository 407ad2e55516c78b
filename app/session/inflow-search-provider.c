/* inflow-search-provider.c: the GNOME Shell search provider, from the local database
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-search-provider"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "inflow-cloud-account.h"
#include "inflow-cost-probe.h"
#include "inflow-ingestion-item-private.h"
#include "inflow-integration-words.h"
#include "inflow-integration.h"
#include "inflow-observation-log.h"
#include "inflow-search-provider.h"
#include "inflow-search.h"
#include "inflow-session.h"
#include "inflow-storage-error.h"

/**
 * InflowSearchProvider:
 *
 * `org.gnome.Shell.SearchProvider2` for the Activities overview: a term
 * finds the integrations whose account name, AWS account ID, provider or
 * token holds it, in every profile of the database, with the words the
 * Ingestion section uses for them ("Awaiting first CUR · Expected by 09:41
 * today").
 *
 * Everything comes from the database: the lists the profiles' last
 * refreshes cached and the observations the ingestion monitor stored, read
 * into #InflowIngestionItem objects and judged as the monitor judges them.
 * A search works offline and sends no request. What was read is kept until
 * the database writes a list or an observation, or the profiles change.
 *
 * A result's id is the profile's id and the integration's token, so it is
 * the same from one search to the next and unique across profiles; when
 * more than one profile has integrations, the description starts with the
 * profile's name.
 * Activating one opens that profile (if another is open) and then
 * `app.show-integration` with the token; LaunchSearch activates
 * `app.search-integrations` with the terms. Until the application gives
 * the provider its profile manager, calls wait.
 */
struct _InflowSearchProvider
{
  GObject               parent_instance;

  GApplication         *application;  /* weak: the application owns the provider */
  InflowProfileManager *manager;
  GSignalGroup         *database_signals;
  GSignalGroup         *profiles_signals;

  GDBusConnection      *connection;
  guint                 registration_id;

  GPtrArray            *results;      /* Result, most urgent first */
  GHashTable           *by_id;        /* id → Result, borrowed */
  gboolean              many_profiles; /* results come from more than one */
  gboolean              current;      /* results match the database */
  gboolean              reading;
  GQueue                waiting;      /* GDBusMethodInvocation, until results are current */
  GCancellable         *cancellable;
  guint                 linger_id;    /* holds the application a while after a call */
};

/* The Shell asks again at each keystroke: a service started for a search
 * stays that long after the last call rather than quit at once. */
#define LINGER_SECONDS 20

G_DEFINE_FINAL_TYPE (InflowSearchProvider, inflow_search_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* ---- results ---------------------------------------------------------------- */

typedef struct
{
  char                *id;          /* "<profile id>:<integration token>" */
  char                *profile_id;
  char                *profile_name;
  InflowIngestionItem *item;
  char                *key;         /* what a term is looked for in, folded */
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  g_free (result->id);
  g_free (result->profile_id);
  g_free (result->profile_name);
  g_clear_object (&result->item);
  g_free (result->key);
  g_free (result);
}

static Result *
result_new (InflowProfile       *profile,
            InflowIngestionItem *item)
{
  Result *result = g_new0 (Result, 1);
  const char *provider = inflow_ingestion_item_get_provider (item);
  g_autofree char *text = NULL;

  result->profile_id = g_strdup (inflow_profile_get_id (profile));
  result->profile_name = g_strdup (inflow_profile_get_name (profile));
  result->id = g_strconcat (result->profile_id, ":", inflow_ingestion_item_get_token (item), NULL);
  result->item = g_object_ref (item);

  text = g_strjoin (" ",
                    inflow_ingestion_item_get_title (item),
                    inflow_ingestion_item_get_account_name (item) ?: "",
                    inflow_ingestion_item_get_account_id (item) ?: "",
                    inflow_provider_get_display_name (provider), provider ?: "",
                    inflow_ingestion_item_get_token (item),
                    NULL);
  result->key = inflow_search_fold (text);

  return result;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const Result *ra = *(const Result * const *) a;
  const Result *rb = *(const Result * const *) b;

  return inflow_ingestion_item_compare_urgency (ra->item, rb->item);
}

/* Every term is in the result's words (case and accents folded). */
static gboolean
result_matches (const Result       *result,
                const char * const *folded_terms)
{
  if (result->key == NULL)
    return FALSE;

  for (guint i = 0; folded_terms[i] != NULL; i++)
    {
      if (strstr (result->key, folded_terms[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

static GStrv
fold_terms (const char * const *terms)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *folded = inflow_search_fold (terms[i]);

      if (folded != NULL)
        g_strv_builder_add (builder, folded);
    }

  return g_strv_builder_end (builder);
}

/* ---- reading the database --------------------------------------------------- */

typedef struct
{
  GPtrArray            *profiles;    /* InflowProfile still to read */
  GPtrArray            *results;     /* Result */
  GDateTime            *now;
  InflowProfile        *profile;     /* the one being read */
  GListModel           *integrations;
  GListModel           *accounts;
  InflowObservationLog *log;
} Reading;

static void
reading_clear_profile (Reading *reading)
{
  g_clear_object (&reading->profile);
  g_clear_object (&reading->integrations);
  g_clear_object (&reading->accounts);
  g_clear_object (&reading->log);
}

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  reading_clear_profile (reading);
  g_ptr_array_unref (reading->profiles);
  g_ptr_array_unref (reading->results);
  g_date_time_unref (reading->now);
  g_free (reading);
}

static void read_next_profile (GTask *task);

/* The profile's integrations, as the Ingestion section has them. */
static void
add_profile_results (Reading *reading)
{
  g_autoptr(GHashTable) accounts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_accounts = reading->accounts != NULL ? g_list_model_get_n_items (reading->accounts) : 0;
  guint n = g_list_model_get_n_items (reading->integrations);

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (reading->accounts, i);
      const char *id = inflow_cloud_account_get_account_id (account);

      if (id != NULL && !g_hash_table_contains (accounts, id))
        g_hash_table_insert (accounts, (gpointer) id, account);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (reading->integrations, i);
      g_autoptr(InflowIngestionItem) item = NULL;
      InflowCloudAccount *account;

      if (inflow_integration_get_token (integration) == NULL)
        continue;

      item = _inflow_ingestion_item_new (integration, NULL);
      account = g_hash_table_lookup (accounts, inflow_ingestion_item_get_account_id (item) ?: "");
      if (account != NULL)
        _inflow_ingestion_item_set_account (item, inflow_cloud_account_get_title (account),
                                            g_strcmp0 (inflow_cloud_account_get_partition (account),
                                                       "aws-us-gov") == 0);
      _inflow_ingestion_item_set_note (item, inflow_cost_probe_get_obstacle (integration));
      if (reading->log != NULL)
        inflow_observation_log_merge (reading->log, item);
      _inflow_ingestion_item_evaluate (item, reading->now, NULL, NULL);

      g_ptr_array_add (reading->results, result_new (reading->profile, item));
    }
}

static void
load_history_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Reading *reading = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!inflow_observation_log_load_finish (INFLOW_OBSERVATION_LOG (source), result, &error))
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      g_debug ("No ingestion history for the search: %s", error->message);
    }

  add_profile_results (reading);
  read_next_profile (task);
}

static GListModel *
read_cached_list (GObject           *database,
                  GAsyncResult      *result,
                  InflowSessionList  list)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GListModel *items = NULL;

  json = inflow_database_get_cached_list_finish (INFLOW_DATABASE (database), result, NULL, &error);
  if (json != NULL)
    items = inflow_session_read_cached_list (list, json, &error);
  if (items == NULL && !g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND))
    g_debug ("A cached list for the search cannot be read: %s", error->message);

  return items;
}

static void
get_accounts_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Reading *reading = g_task_get_task_data (task);
  InflowDatabase *database = INFLOW_DATABASE (source);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GDateTime) since = NULL;

  reading->accounts = read_cached_list (source, result, INFLOW_SESSION_LIST_CLOUD_ACCOUNTS);
  if (g_task_return_error_if_cancelled (task))
    return;

  reading->log = inflow_observation_log_new (database, inflow_profile_get_id (reading->profile));
  if (!inflow_observation_log_get_stores (reading->log))
    {
      add_profile_results (reading);
      read_next_profile (task);
      return;
    }

  since = g_date_time_add_days (reading->now, -INFLOW_OBSERVATION_LOG_HISTORY_DAYS);
  inflow_observation_log_load_async (reading->log, since, cancellable, load_history_cb, g_steal_pointer (&task));
}

static void
get_integrations_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Reading *reading = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  reading->integrations = read_cached_list (source, result, INFLOW_SESSION_LIST_INTEGRATIONS);
  if (g_task_return_error_if_cancelled (task))
    return;

  /* Nothing cached (a profile never refreshed): nothing to find */
  if (reading->integrations == NULL)
    {
      read_next_profile (task);
      return;
    }

  inflow_database_get_cached_list_async (INFLOW_DATABASE (source), inflow_profile_get_id (reading->profile),
                                         INFLOW_CACHED_LIST_ACCOUNTS, cancellable, get_accounts_cb,
                                         g_steal_pointer (&task));
}

static void
read_next_profile (GTask *task)
{
  InflowSearchProvider *self = g_task_get_source_object (task);
  Reading *reading = g_task_get_task_data (task);
  InflowDatabase *database = inflow_profile_manager_get_database (self->manager);

  reading_clear_profile (reading);
  if (reading->profiles->len == 0)
    {
      g_ptr_array_sort (reading->results, compare_results);
      g_task_return_pointer (task, g_ptr_array_ref (reading->results), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  reading->profile = g_ptr_array_steal_index (reading->profiles, 0);
  inflow_database_get_cached_list_async (database, inflow_profile_get_id (reading->profile),
                                         INFLOW_CACHED_LIST_INTEGRATIONS, g_task_get_cancellable (task),
                                         get_integrations_cb, g_object_ref (task));
}

static void answer (InflowSearchProvider  *self,
                    GDBusMethodInvocation *invocation);
static void read_results (InflowSearchProvider *self);

static void
read_results_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  InflowSearchProvider *self = INFLOW_SEARCH_PROVIDER (source);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  GDBusMethodInvocation *invocation;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (results == NULL)
    return;  /* cancelled: the provider went */

  self->reading = FALSE;
  g_hash_table_remove_all (self->by_id);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = g_steal_pointer (&results);
  self->many_profiles = FALSE;
  for (guint i = 0; i < self->results->len; i++)
    {
      Result *r = g_ptr_array_index (self->results, i);
      Result *first = g_ptr_array_index (self->results, 0);

      g_hash_table_insert (self->by_id, r->id, r);
      if (!g_str_equal (r->profile_id, first->profile_id))
        self->many_profiles = TRUE;
    }

  /* The database changed while it was read: once more */
  if (!self->current)
    {
      read_results (self);
      return;
    }

  while ((invocation = g_queue_pop_head (&self->waiting)) != NULL)
    answer (self, invocation);
}

static void
read_results (InflowSearchProvider *self)
{
  InflowDatabase *database = inflow_profile_manager_get_database (self->manager);
  GListModel *profiles = inflow_profile_manager_get_profiles (self->manager);
  g_autoptr(GTask) task = NULL;
  Reading *reading;

  /* A change during a reading reads again when it ends */
  if (self->reading)
    return;
  self->current = TRUE;

  reading = g_new0 (Reading, 1);
  reading->profiles = g_ptr_array_new_with_free_func (g_object_unref);
  reading->results = g_ptr_array_new_with_free_func (result_free);
  reading->now = g_date_time_new_now_local ();
  for (guint i = 0; database != NULL && i < g_list_model_get_n_items (profiles); i++)
    {
      InflowProfile *profile = g_list_model_get_item (profiles, i);

      if (inflow_profile_get_is_demo (profile))
        g_object_unref (profile);
      else
        g_ptr_array_add (reading->profiles, profile);
    }

  self->reading = TRUE;
  task = g_task_new (self, self->cancellable, read_results_cb, NULL);
  g_task_set_source_tag (task, read_results);
  g_task_set_task_data (task, reading, reading_free);
  read_next_profile (task);
}

static void
database_changed_cb (InflowSearchProvider *self)
{
  self->current = FALSE;
}

/* ---- the D-Bus methods ------------------------------------------------------ */

static GVariant *
find_results (InflowSearchProvider *self,
              const char * const   *terms,
              const char * const   *previous)
{
  g_auto(GStrv) folded = fold_terms (terms);
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("as"));

  if (folded[0] != NULL && previous != NULL)
    {
      for (guint i = 0; previous[i] != NULL; i++)
        {
          Result *result = g_hash_table_lookup (self->by_id, previous[i]);

          if (result != NULL && result_matches (result, (const char * const *) folded))
            g_variant_builder_add (builder, "s", result->id);
        }
    }
  else if (folded[0] != NULL)
    {
      for (guint i = 0; i < self->results->len; i++)
        {
          Result *result = g_ptr_array_index (self->results, i);

          if (result_matches (result, (const char * const *) folded))
            g_variant_builder_add (builder, "s", result->id);
        }
    }

  return g_variant_new ("(as)", builder);
}

static GVariant *
describe_results (InflowSearchProvider *self,
                  const char * const   *ids)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  g_autoptr(GVariant) serialized_icon = g_icon_serialize (icon);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Result *result = g_hash_table_lookup (self->by_id, ids[i]);
      g_autofree char *description = NULL;
      const char *summary;
      GVariantDict meta;

      if (result == NULL)
        continue;

      summary = inflow_ingestion_item_get_summary (result->item);
      if (summary == NULL)
        summary = "";
      if (self->many_profiles)
        /* Translators: a profile's name and where an integration's data stands,
         * like "Production · Awaiting first CUR · Expected by 09:41 today" */
        description = g_strdup_printf (_("%s · %s"), result->profile_name, summary);
      g_variant_dict_init (&meta, NULL);
      g_variant_dict_insert (&meta, "id", "s", result->id);
      g_variant_dict_insert (&meta, "name", "s", inflow_ingestion_item_get_title (result->item));
      g_variant_dict_insert (&meta, "description", "s", description != NULL ? description : summary);
      g_variant_dict_insert_value (&meta, "icon", serialized_icon);
      g_variant_builder_add_value (builder, g_variant_dict_end (&meta));
    }

  return g_variant_new ("(aa{sv})", builder);
}

static void
show_integration (InflowSearchProvider *self,
                  const char           *token)
{
  if (self->application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self->application), "show-integration",
                                    g_variant_new_string (token));
}

typedef struct
{
  InflowSearchProvider *self;
  char                 *token;
} Activation;

static void
activate_profile_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Activation *activation = user_data;
  g_autoptr(GError) error = NULL;

  /* When the profile cannot open, the window says why */
  if (!inflow_profile_manager_activate_finish (INFLOW_PROFILE_MANAGER (source), result, &error))
    g_debug ("The profile of a search result could not open: %s", error->message);

  show_integration (activation->self, activation->token);
  if (activation->self->application != NULL)
    g_application_release (activation->self->application);

  g_object_unref (activation->self);
  g_free (activation->token);
  g_free (activation);
}

static InflowProfile *
find_profile (InflowSearchProvider *self,
              const char           *profile_id)
{
  GListModel *profiles = inflow_profile_manager_get_profiles (self->manager);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (profiles, i);

      if (g_strcmp0 (inflow_profile_get_id (profile), profile_id) == 0)
        return g_steal_pointer (&profile);
    }

  return NULL;
}

/* The integration, in its profile: that one is opened first if another is. */
static void
activate_result (InflowSearchProvider *self,
                 const char           *id)
{
  Result *result = g_hash_table_lookup (self->by_id, id);
  InflowSession *session = inflow_profile_manager_get_session (self->manager);
  g_autoptr(InflowProfile) profile = NULL;
  Activation *activation;

  if (result == NULL)
    {
      if (self->application != NULL)
        g_application_activate (self->application);
      return;
    }

  if (session == NULL ||
      g_strcmp0 (inflow_profile_get_id (inflow_session_get_profile (session)), result->profile_id) != 0)
    profile = find_profile (self, result->profile_id);

  if (profile == NULL)
    {
      show_integration (self, inflow_ingestion_item_get_token (result->item));
      return;
    }

  activation = g_new0 (Activation, 1);
  activation->self = g_object_ref (self);
  activation->token = g_strdup (inflow_ingestion_item_get_token (result->item));
  if (self->application != NULL)
    g_application_hold (self->application);
  inflow_profile_manager_activate_async (self->manager, profile, NULL, activate_profile_cb, activation);
}

static void
launch_search (InflowSearchProvider *self,
               const char * const   *terms)
{
  g_autofree char *text = g_strjoinv (" ", (char **) terms);

  if (self->application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self->application), "search-integrations",
                                    g_variant_new_string (text));
}

/* Answers with the results read; takes @invocation. */
static void
answer (InflowSearchProvider  *self,
        GDBusMethodInvocation *invocation)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  g_autofree const char **terms = NULL;
  g_autofree const char **strings = NULL;
  const char *id = NULL;
  GVariant *reply = NULL;

  if (g_str_equal (method, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &terms);
      reply = find_results (self, terms, NULL);
    }
  else if (g_str_equal (method, "GetSubsearchResultSet"))
    {
      g_variant_get (parameters, "(^a&s^a&s)", &strings, &terms);
      reply = find_results (self, terms, strings);
    }
  else if (g_str_equal (method, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &strings);
      reply = describe_results (self, strings);
    }
  else if (g_str_equal (method, "ActivateResult"))
    {
      g_variant_get (parameters, "(&s^a&su)", &id, &terms, NULL);
      activate_result (self, id);
    }
  else if (g_str_equal (method, "LaunchSearch"))
    {
      g_variant_get (parameters, "(^a&su)", &terms, NULL);
      launch_search (self, terms);
    }

  g_dbus_method_invocation_return_value (invocation, reply);
  if (self->application != NULL)
    g_application_release (self->application);
}

static gboolean
linger_done_cb (gpointer data)
{
  InflowSearchProvider *self = data;

  self->linger_id = 0;
  if (self->application != NULL)
    g_application_release (self->application);

  return G_SOURCE_REMOVE;
}

static void
linger (InflowSearchProvider *self)
{
  if (self->linger_id != 0)
    g_source_remove (self->linger_id);
  else if (self->application != NULL)
    g_application_hold (self->application);
  self->linger_id = g_timeout_add_seconds (LINGER_SECONDS, linger_done_cb, self);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  InflowSearchProvider *self = user_data;

  /* The application stays while a call waits, and a while after */
  linger (self);
  if (self->application != NULL)
    g_application_hold (self->application);

  if (self->manager != NULL && self->current)
    {
      answer (self, invocation);
      return;
    }

  /* The invocation's reference goes with it: answer() returns it */
  g_queue_push_tail (&self->waiting, invocation);
  if (self->manager != NULL)
    read_results (self);
}

static const GDBusInterfaceVTable interface_vtable = {
  method_call_cb,
  NULL,
  NULL,
  { NULL, },
};

/* ---- object ----------------------------------------------------------------- */

static void
inflow_search_provider_dispose (GObject *object)
{
  InflowSearchProvider *self = INFLOW_SEARCH_PROVIDER (object);
  GDBusMethodInvocation *invocation;

  inflow_search_provider_unexport (self);
  g_cancellable_cancel (self->cancellable);
  if (self->linger_id != 0)
    {
      g_clear_handle_id (&self->linger_id, g_source_remove);
      if (self->application != NULL)
        g_application_release (self->application);
    }

  while ((invocation = g_queue_pop_head (&self->waiting)) != NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Inflow is quitting");
      if (self->application != NULL)
        g_application_release (self->application);
    }

  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  if (self->profiles_signals != NULL)
    g_signal_group_set_target (self->profiles_signals, NULL);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->profiles_signals);
  g_clear_object (&self->manager);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (inflow_search_provider_parent_class)->dispose (object);
}

static void
inflow_search_provider_finalize (GObject *object)
{
  InflowSearchProvider *self = INFLOW_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (inflow_search_provider_parent_class)->finalize (object);
}

static void
inflow_search_provider_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  InflowSearchProvider *self = INFLOW_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_search_provider_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  InflowSearchProvider *self = INFLOW_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      inflow_search_provider_set_profile_manager (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_search_provider_class_init (InflowSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_search_provider_dispose;
  object_class->finalize = inflow_search_provider_finalize;
  object_class->get_property = inflow_search_provider_get_property;
  object_class->set_property = inflow_search_provider_set_property;

  /**
   * InflowSearchProvider:profile-manager:
   *
   * Whose profiles are searched, in its database; %NULL until the
   * application has one (calls wait until then).
   */
  properties[PROP_PROFILE_MANAGER] =
    g_param_spec_object ("profile-manager", NULL, NULL,
                         INFLOW_TYPE_PROFILE_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_search_provider_init (InflowSearchProvider *self)
{
  self->results = g_ptr_array_new_with_free_func (result_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->waiting);

  self->database_signals = g_signal_group_new (INFLOW_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "notify::lists-written",
                                  G_CALLBACK (database_changed_cb), self);
  g_signal_group_connect_swapped (self->database_signals, "notify::observations-written",
                                  G_CALLBACK (database_changed_cb), self);
  self->profiles_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->profiles_signals, "items-changed",
                                  G_CALLBACK (database_changed_cb), self);
}

/**
 * inflow_search_provider_new:
 * @application: whose actions a result opens
 *
 * Returns: (transfer full): a new provider, not yet on the bus
 */
InflowSearchProvider *
inflow_search_provider_new (GApplication *application)
{
  InflowSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (INFLOW_TYPE_SEARCH_PROVIDER, NULL);
  g_set_weak_pointer (&self->application, application);

  return self;
}

/**
 * inflow_search_provider_export:
 * @self: a #InflowSearchProvider
 * @connection: the application's connection
 * @object_path: where the provider's .ini file says it is
 * @error: return location for a #GError
 *
 * Returns: whether the provider is on the bus
 */
gboolean
inflow_search_provider_export (InflowSearchProvider  *self,
                               GDBusConnection       *connection,
                               const char            *object_path,
                               GError               **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (INFLOW_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                             &interface_vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);

  return TRUE;
}

/**
 * inflow_search_provider_unexport:
 * @self: a #InflowSearchProvider
 *
 * Takes the provider off the bus, if it is on it.
 */
void
inflow_search_provider_unexport (InflowSearchProvider *self)
{
  g_return_if_fail (INFLOW_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

/**
 * inflow_search_provider_set_profile_manager:
 * @self: a #InflowSearchProvider
 * @manager: (nullable): whose profiles to search, once it read them
 *
 * Calls that waited for it are answered.
 */
void
inflow_search_provider_set_profile_manager (InflowSearchProvider *self,
                                            InflowProfileManager *manager)
{
  g_return_if_fail (INFLOW_IS_SEARCH_PROVIDER (self));
  g_return_if_fail (manager == NULL || INFLOW_IS_PROFILE_MANAGER (manager));

  if (!g_set_object (&self->manager, manager))
    return;

  self->current = FALSE;
  g_signal_group_set_target (self->database_signals,
                             manager != NULL ? inflow_profile_manager_get_database (manager) : NULL);
  g_signal_group_set_target (self->profiles_signals,
                             manager != NULL ? inflow_profile_manager_get_profiles (manager) : NULL);
  if (manager != NULL && !g_queue_is_empty (&self->waiting))
    read_results (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_MANAGER]);
}

/**
 * inflow_search_provider_get_profile_manager:
 * @self: a #InflowSearchProvider
 *
 * Returns: (transfer none) (nullable): see #InflowSearchProvider:profile-manager
 */
InflowProfileManager *
inflow_search_provider_get_profile_manager (InflowSearchProvider *self)
{
  g_return_val_if_fail (INFLOW_IS_SEARCH_PROVIDER (self), NULL);

  return self->manager;
}
