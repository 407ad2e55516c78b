/* test-search-provider.c: the GNOME Shell search provider, over D-Bus, offline
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two profiles sign in to the simulator (with its two tokens: the same
 * organization) so that their lists and observations are in the database;
 * then the simulator stops. The built `inflow` runs in service mode, as
 * D-Bus activation starts it, and `gdbus call` asks it what GNOME Shell
 * asks, at the bus name and object path of the installed .ini file
 * (SEARCH_PROVIDER_INI). Then an application in this process answers the
 * same calls, so that what a result opens can be looked at in its window.
 * Before all that, with the simulator still up, a provider of profiles
 * with no session open answers without sending it a request.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "inflow-application.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-search-provider.h"
#include "inflow-test-utils.h"
#include "inflow-window.h"
#include "session-ui-support.h"

#define PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

/* What the two profiles' sign-in left; the items are those of the second. */
static char *profile_ids[2];
static char *account_id;     /* of the item below */
static char *account_name;
static char *token;
static char *summary;        /* the item's words in the Ingestion section */
static InflowSimulator *sim; /* until the service test */
static char *bus_name;       /* as the .ini file says */
static char *object_path;

/* ---- the database, from the simulator -------------------------------------- */

static gboolean
monitor_settled (gpointer data)
{
  InflowSession *session = inflow_profile_manager_get_session (data);
  InflowIngestionMonitor *monitor;

  if (session == NULL || inflow_session_get_refreshing (session) ||
      inflow_session_get_connection_state (session) == INFLOW_CONNECTION_UNKNOWN)
    return FALSE;

  monitor = inflow_session_get_ingestion_monitor (session);
  return inflow_ingestion_monitor_get_history_loaded (monitor) &&
         g_list_model_get_n_items (inflow_ingestion_monitor_get_items (monitor)) > 0 &&
         !inflow_ingestion_monitor_get_busy (monitor);
}

/* An integration awaiting its first CUR whose account has a name, in the
 * monitor of @manager (the simulator connects one a few hours ago). */
static void
pick_item (InflowProfileManager *manager)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (inflow_profile_manager_get_session (manager));
  GListModel *items = inflow_ingestion_monitor_get_items (monitor);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(InflowIngestionItem) item = g_list_model_get_item (items, i);

      if (inflow_ingestion_item_get_phase (item) == INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR &&
          inflow_ingestion_item_get_account_name (item) != NULL && inflow_ingestion_item_get_account_id (item) != NULL)
        {
          account_id = g_strdup (inflow_ingestion_item_get_account_id (item));
          account_name = g_strdup (inflow_ingestion_item_get_account_name (item));
          token = g_strdup (inflow_ingestion_item_get_token (item));
          summary = g_strdup (inflow_ingestion_item_get_summary (item));
          return;
        }
    }

  g_assert_not_reached ();
}

static void
fill_database (void)
{
  g_autofree char *path = inflow_database_get_default_path ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *write_token = g_strconcat ("vntg_tkn_search_", uuid, NULL);
  g_autofree char *read_token = g_strconcat ("vntg_tkn_search_read_", uuid, NULL);
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowTokenStore) store = inflow_token_store_new ();
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(GError) error = NULL;
  const char *tokens[2] = { write_token, read_token };
  const char *names[2] = { "Production", "Audit" };

  sim = inflow_simulator_new (11, 0, 0);
  inflow_simulator_set_tokens (sim, write_token, read_token);
  g_assert_true (inflow_simulator_listen (sim, 0, &error));
  g_assert_no_error (error);

  database = ui_open_database (path);
  manager = inflow_profile_manager_new (database, store);

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(InflowMe) me = ui_sign_in (manager, names[i], tokens[i], inflow_simulator_get_base_url (sim), &error);

      g_assert_no_error (error);
      g_assert_nonnull (me);
      g_assert_true (inflow_test_wait_until (monitor_settled, manager, 30000));
      profile_ids[i] = g_strdup (inflow_profile_get_id (inflow_session_get_profile (inflow_profile_manager_get_session (manager))));
    }
  pick_item (manager);

  g_clear_object (&manager);
  ui_close_database (database);
}

static void
read_ini (void)
{
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (ini, g_getenv ("SEARCH_PROVIDER_INI"), G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);
}

static char *
result_id (guint profile)
{
  return g_strconcat (profile_ids[profile], ":", token, NULL);
}

/* ---- the built program in service mode, with gdbus ------------------------- */

/* `gdbus call` of @method with @args; its output parsed as @reply_type. */
static GVariant *
gdbus_call (const char         *method,
            const char * const *args,
            const char         *reply_type)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GSubprocess) gdbus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *method_name = g_strconcat (PROVIDER_INTERFACE ".", method, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GVariant *reply;

  g_strv_builder_add_many (builder, "gdbus", "call", "--session", "--timeout", "20", "--dest", bus_name,
                           "--object-path", object_path, "--method", method_name, NULL);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  gdbus = g_subprocess_newv ((const char * const *) argv,
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (gdbus, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (gdbus))
    g_error ("gdbus %s failed: %s", method, err);

  reply = g_variant_parse (G_VARIANT_TYPE (reply_type), out, NULL, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

static GStrv
gdbus_find (const char *term)
{
  const char *terms[] = { term, NULL };
  g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_strv (terms, -1));
  g_autofree char *text = g_variant_print (value, FALSE);
  const char *args[] = { text, NULL };
  g_autoptr(GVariant) reply = gdbus_call ("GetInitialResultSet", args, "(as)");
  GStrv ids = NULL;

  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

static gboolean
name_owned (gpointer data)
{
  GDBusConnection *bus = data;
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", bus_name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

typedef struct
{
  GDBusConnection *bus;
  const char      *path;
  const char      *child;
} NodeWait;

/* Whether the program exports a node @child under @path (a window it opened
 * is /…/window/N). */
static gboolean
has_child_node (gpointer data)
{
  NodeWait *wait = data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  const char *xml;

  reply = g_dbus_connection_call_sync (wait->bus, bus_name, wait->path, "org.freedesktop.DBus.Introspectable",
                                       "Introspect", NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(&s)", &xml);
  node = g_dbus_node_info_new_for_xml (xml, NULL);
  for (guint i = 0; node != NULL && node->nodes[i] != NULL; i++)
    {
      if (g_strcmp0 (node->nodes[i]->path, wait->child) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_service (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GSubprocess) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) meta_list = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autofree char *ids_arg = NULL;
  g_autofree char *first = result_id (0);
  g_autofree char *second = result_id (1);
  g_autofree char *name_term = NULL;
  g_autofree char *app_path = NULL;
  g_auto(GStrv) by_id = NULL;
  g_auto(GStrv) by_name = NULL;
  g_auto(GStrv) by_lower_name = NULL;
  g_auto(GStrv) by_nothing = NULL;
  const char *name = NULL;
  const char *description = NULL;
  g_autoptr(GVariant) icon = NULL;
  NodeWait wait;

  /* Offline from here on */
  g_clear_object (&sim);

  g_test_message ("Looking for %s (%s, account %s): %s", token, account_name, account_id, summary);
  g_assert_false (name_owned (bus));
  service = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, g_getenv ("INFLOW_BINARY"),
                              "--gapplication-service", NULL);
  g_assert_no_error (error);
  g_assert_true (inflow_test_wait_until (name_owned, bus, 20000));

  /* An AWS account ID finds its integration in both profiles, and only it */
  by_id = gdbus_find (account_id);
  g_assert_cmpuint (g_strv_length (by_id), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) by_id, first));
  g_assert_true (g_strv_contains ((const char * const *) by_id, second));
  g_assert_cmpstr (by_id[0], !=, by_id[1]);

  /* The account's name, whole or a word of it in lowercase */
  by_name = gdbus_find (account_name);
  g_assert_true (g_strv_contains ((const char * const *) by_name, first));
  g_assert_true (g_strv_contains ((const char * const *) by_name, second));
  name_term = g_utf8_strdown (account_name, 4);
  by_lower_name = gdbus_find (name_term);
  g_assert_true (g_strv_contains ((const char * const *) by_lower_name, second));

  by_nothing = gdbus_find ("no-such-account-anywhere");
  g_assert_cmpuint (g_strv_length (by_nothing), ==, 0);

  /* A subsearch narrows the previous results */
  {
    g_autofree char *previous = g_strdup_printf ("['%s', 'gone:integration']", second);
    g_autofree char *terms = g_strdup_printf ("['%s', '%s']", name_term, account_id);
    const char *args[] = { previous, terms, NULL };
    g_autoptr(GVariant) reply = gdbus_call ("GetSubsearchResultSet", args, "(as)");
    g_auto(GStrv) narrowed = NULL;

    g_variant_get (reply, "(^as)", &narrowed);
    g_assert_cmpuint (g_strv_length (narrowed), ==, 1);
    g_assert_cmpstr (narrowed[0], ==, second);
  }

  /* The meta: the account's name, the Ingestion section's words, an icon */
  ids_arg = g_strdup_printf ("['%s', 'gone:integration']", second);
  {
    const char *args[] = { ids_arg, NULL };

    metas = gdbus_call ("GetResultMetas", args, "(aa{sv})");
  }
  {
    g_autofree char *text = g_variant_print (metas, FALSE);

    g_test_message ("GetResultMetas: %s", text);
  }
  meta_list = g_variant_get_child_value (metas, 0);
  g_assert_cmpuint (g_variant_n_children (meta_list), ==, 1);
  meta = g_variant_get_child_value (meta_list, 0);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (name, ==, account_name);
  /* Both profiles have integrations: the description names the profile */
  g_assert_true (g_str_has_prefix (description, "Audit · "));
  g_assert_cmpstr (description + strlen ("Audit · "), ==, summary);
  g_assert_true (g_str_has_prefix (summary, "Awaiting first CUR · Expected by "));
  icon = g_variant_lookup_value (meta, "icon", NULL);
  g_assert_nonnull (icon);
  {
    g_autoptr(GIcon) gicon = g_icon_deserialize (icon);

    g_assert_true (G_IS_THEMED_ICON (gicon));
  }

  /* Activating it opens a window */
  app_path = g_strndup (object_path, strlen (object_path) - strlen ("/SearchProvider"));
  wait = (NodeWait) { bus, app_path, "window" };
  g_assert_false (has_child_node (&wait));
  {
    g_autofree char *id = g_strdup_printf ("'%s'", second);
    const char *args[] = { id, "[]", "0", NULL };
    g_autoptr(GVariant) reply = gdbus_call ("ActivateResult", args, "()");
  }
  g_assert_true (inflow_test_wait_until (has_child_node, &wait, 20000));

  g_subprocess_send_signal (service, SIGTERM);
  g_assert_true (g_subprocess_wait (service, NULL, &error));
  g_assert_no_error (error);
}

/* ---- the provider, called in this process ---------------------------------- */

typedef struct
{
  GVariant *reply;
  GError   *error;
} Call;

static void
call_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  if (call->reply == NULL && call->error == NULL)
    call->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no reply");
}

static gboolean
call_done (gpointer data)
{
  Call *call = data;

  return call->reply != NULL || call->error != NULL;
}

/* @method of the provider at @path of @connection, called over the bus. */
static GVariant *
call_provider_at (GDBusConnection *connection,
                  const char      *path,
                  const char      *method,
                  GVariant        *parameters)
{
  Call call = { NULL, NULL };

  g_dbus_connection_call (connection, g_dbus_connection_get_unique_name (connection), path, PROVIDER_INTERFACE,
                          method, parameters, NULL, G_DBUS_CALL_FLAGS_NONE, 20000, NULL, call_cb, &call);
  g_assert_true (inflow_test_wait_until (call_done, &call, 25000));
  g_assert_no_error (call.error);

  return call.reply;
}

static GStrv
find_at (GDBusConnection *connection,
         const char      *path,
         const char      *term)
{
  const char *terms[] = { term, NULL };
  g_autoptr(GVariant) reply = call_provider_at (connection, path, "GetInitialResultSet",
                                                g_variant_new ("(^as)", terms));
  GStrv ids = NULL;

  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

static char *
get_cached_integrations (InflowDatabase *database,
                         const char     *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *json;

  inflow_database_get_cached_list_async (database, profile_id, INFLOW_CACHED_LIST_INTEGRATIONS, NULL,
                                         inflow_test_store_result_cb, &result);
  json = inflow_database_get_cached_list_finish (database, inflow_test_wait_result (&result), NULL, &error);
  g_assert_no_error (error);

  return json;
}

static void
put_cached_integrations (InflowDatabase *database,
                         const char     *profile_id,
                         const char     *json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  inflow_database_put_cached_list_async (database, profile_id, INFLOW_CACHED_LIST_INTEGRATIONS, json, now, NULL,
                                         inflow_test_store_result_cb, &result);
  g_assert_true (inflow_database_put_cached_list_finish (database, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* With the simulator up and no session open, a search sends it nothing;
 * a list the database writes is in the next search. */
static void
test_no_request (void)
{
  static const char *path = "/io/github/inflowapp/Inflow/Test/SearchProvider";
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *db_path = inflow_database_get_default_path ();
  g_autoptr(GApplication) app = g_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_autoptr(InflowTokenStore) store = inflow_token_store_new ();
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autoptr(InflowSearchProvider) provider = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = result_id (0);
  g_autofree char *second = result_id (1);
  g_autofree char *json = NULL;
  g_auto(GStrv) by_id = NULL;
  g_auto(GStrv) by_prod = NULL;
  g_auto(GStrv) after_write = NULL;
  g_autoptr(GVariant) metas = NULL;

  database = ui_open_database (db_path);
  manager = inflow_profile_manager_new (database, store);
  inflow_profile_manager_read_async (manager, NULL, inflow_test_store_result_cb, &read);
  g_assert_true (inflow_profile_manager_read_finish (manager, inflow_test_wait_result (&read), &error));
  g_assert_no_error (error);
  g_assert_null (inflow_profile_manager_get_session (manager));

  provider = inflow_search_provider_new (app);
  g_assert_true (inflow_search_provider_export (provider, bus, path, &error));
  g_assert_no_error (error);
  inflow_search_provider_set_profile_manager (provider, manager);

  inflow_simulator_reset_request_counts (sim);
  by_id = find_at (bus, path, account_id);
  g_assert_cmpuint (g_strv_length (by_id), ==, 2);
  by_prod = find_at (bus, path, "prod");
  g_assert_cmpuint (g_strv_length (by_prod), >, 0);
  metas = call_provider_at (bus, path, "GetResultMetas", g_variant_new ("(^as)", by_prod));
  g_assert_cmpuint (g_variant_n_children (metas), ==, 1);
  {
    g_autoptr(GVariant) list = g_variant_get_child_value (metas, 0);

    g_assert_cmpuint (g_variant_n_children (list), ==, g_strv_length (by_prod));
  }
  g_assert_cmpuint (inflow_simulator_get_request_count (sim, NULL), ==, 0);

  /* The first profile's refresh finds no integration any more */
  json = get_cached_integrations (database, profile_ids[0]);
  put_cached_integrations (database, profile_ids[0], "[]");
  after_write = find_at (bus, path, account_id);
  g_assert_cmpuint (g_strv_length (after_write), ==, 1);
  g_assert_cmpstr (after_write[0], ==, second);
  g_assert_false (g_strv_contains ((const char * const *) after_write, first));
  {
    g_autoptr(GVariant) reply = call_provider_at (bus, path, "GetResultMetas", g_variant_new ("(^as)", after_write));
    g_autoptr(GVariant) list = g_variant_get_child_value (reply, 0);
    g_autoptr(GVariant) meta = g_variant_get_child_value (list, 0);
    const char *description = NULL;

    /* One profile left with integrations: the words alone */
    g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
    g_assert_cmpstr (description, ==, summary);
  }
  put_cached_integrations (database, profile_ids[0], json);

  inflow_search_provider_unexport (provider);
  g_clear_object (&provider);
  g_clear_object (&manager);
  ui_close_database (database);
}

/* ---- an application in this process --------------------------------------- */

static InflowApplication *application;

/* @method of the application's provider, called over the bus. */
static GVariant *
provider_call (const char *method,
               GVariant   *parameters)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (application));
  g_autofree char *path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (application)),
                                       "/SearchProvider", NULL);

  g_assert_cmpstr (path, ==, object_path);
  return call_provider_at (connection, path, method, parameters);
}

static gboolean
app_ready (gpointer data)
{
  return inflow_application_get_ready (data) &&
         inflow_profile_manager_get_session (inflow_application_get_profile_manager (data)) != NULL;
}

static gboolean
window_open (gpointer data)
{
  return gtk_application_get_active_window (data) != NULL;
}

static gboolean
session_is_first (gpointer data)
{
  InflowSession *session = inflow_profile_manager_get_session (data);

  return session != NULL && g_strcmp0 (inflow_profile_get_id (inflow_session_get_profile (session)), profile_ids[0]) == 0;
}

static void
test_activate (void)
{
  InflowProfileManager *manager;
  InflowWindow *window;
  g_autofree char *first = result_id (0);
  g_autofree char *second = result_id (1);
  const char *second_ids[] = { second, NULL };
  g_autoptr(GVariant) found = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) ignored = NULL;
  g_auto(GStrv) ids = NULL;
  const char *terms[] = { account_id, NULL };
  const char *search[] = { "prod", "east", NULL };
  GtkWidget *view;
  GtkWidget *entry;
  g_autoptr(GVariantIter) iter = NULL;
  GVariant *meta;
  guint n_metas = 0;

  application = inflow_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));

  /* Asked before the profiles are read: the answer waits for them */
  g_assert_false (inflow_application_get_ready (application));
  found = provider_call ("GetInitialResultSet", g_variant_new ("(^as)", terms));
  g_variant_get (found, "(^as)", &ids);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_true (inflow_test_wait_until (app_ready, application, 20000));
  manager = inflow_application_get_profile_manager (application);

  /* The words of the open session's Ingestion section, offline */
  g_assert_true (g_strv_contains ((const char * const *) ids, first));
  g_assert_true (g_strv_contains ((const char * const *) ids, second));
  metas = provider_call ("GetResultMetas", g_variant_new ("(^as)", second_ids));
  g_variant_get (metas, "(aa{sv})", &iter);
  while ((meta = g_variant_iter_next_value (iter)) != NULL)
    {
      g_autoptr(GVariant) owned = meta;
      InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (inflow_profile_manager_get_session (manager));
      InflowIngestionItem *item = inflow_ingestion_monitor_lookup (monitor, token);
      const char *description = NULL;

      g_assert_nonnull (item);
      g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
      g_assert_true (g_str_has_prefix (description, "Audit · "));
      g_assert_cmpstr (description + strlen ("Audit · "), ==, inflow_ingestion_item_get_summary (item));
      n_metas++;
    }
  g_assert_cmpuint (n_metas, ==, 1);

  /* The second profile is open (it signed in last); a result of the first
   * opens the first, on the integration's ingestion */
  g_assert_false (session_is_first (manager));
  ignored = provider_call ("ActivateResult", g_variant_new ("(s^asu)", first, terms, 0));
  g_assert_true (inflow_test_wait_until (window_open, application, 10000));
  g_assert_true (inflow_test_wait_until (session_is_first, manager, 20000));
  window = INFLOW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  g_assert_true (ui_wait_ingestion_shows (window, token, 20000));
  g_assert_cmpstr (inflow_window_get_section (window), ==, "ingestion");
  g_clear_pointer (&ignored, g_variant_unref);

  /* LaunchSearch: the Integrations section, searching for the terms */
  ignored = provider_call ("LaunchSearch", g_variant_new ("(^asu)", search, 0));
  g_assert_cmpstr (inflow_window_get_section (window), ==, "integrations");
  view = ui_template_child (window, INFLOW_TYPE_WINDOW, "integrations_view");
  entry = ui_template_child (view, G_OBJECT_TYPE (view), "search_entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "prod east");

  ui_destroy_all_windows ();

  /* The keyring keeps nothing of the test */
  ui_remove_all_profiles (manager);

  g_clear_object (&application);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  read_ini ();
  fill_database ();

  g_test_add_func ("/ui/search-provider/no-request", test_no_request);
  g_test_add_func ("/ui/search-provider/service", test_service);
  g_test_add_func ("/ui/search-provider/activate", test_activate);

  status = inflow_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (profile_ids); i++)
    g_free (profile_ids[i]);
  g_free (account_id);
  g_free (account_name);
  g_free (token);
  g_free (summary);
  g_free (bus_name);
  g_free (object_path);

  return status;
}
