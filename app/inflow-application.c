/* inflow-application.c: application object, app-wide actions and options
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-application"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-application.h"
#include "inflow-bench-timings.h"
#include "inflow-notifier.h"
#include "inflow-preferences-window.h"
#include "inflow-search-provider.h"
#include "inflow-sign-in-command.h"
#include "inflow-storage-error.h"
#include "inflow-window.h"

/* From the compiled GResource; naming it keeps its object file (and the
 * constructor that registers the resource) in the static library link. */
GResource *inflow_get_resource (void);

/**
 * InflowApplication:
 *
 * Opens the local database at startup (in the background; when it cannot
 * be opened Inflow runs without it) and owns the #InflowProfileManager,
 * which reads the profiles and opens the one used last, or the demo with
 * `--demo`. Windows show a spinner until then. A database that was damaged
 * and set aside, or one that cannot be opened, is told to the user once.
 *
 * It also owns the #InflowNotifier and gives it the ingestion monitor of
 * each session the manager opens, so notifications need no window; a
 * click on one activates `app.show-integration` with the integration's
 * token, which opens the window on it.
 *
 * On the bus it also serves the GNOME Shell search provider
 * (#InflowSearchProvider, at the application's object path +
 * `/SearchProvider`), which gets the manager once the profiles are read.
 *
 * Its #InflowBackgroundMode keeps Inflow running once the last window is
 * closed while something is worth watching (or the user chose to watch in
 * the background), and asks the desktop's Background portal.
 */
struct _InflowApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  InflowTokenStore     *token_store;
  InflowProfileManager *manager;
  GSignalGroup         *manager_signals;
  InflowNotifier       *notifier;
  InflowSearchProvider *search_provider;
  InflowBackgroundMode *background;
  char                 *pending_integration;  /* to show once the profiles are read */

  /* Until the profiles are read (and the demo started, when asked for) */
  guint                 n_pending;
  gboolean              demo_requested;

  /* Told to the user once, in the first window */
  char                 *storage_notice_title;
  char                 *storage_notice;
  gboolean              storage_notice_is_dialog;
};

G_DEFINE_FINAL_TYPE (InflowApplication, inflow_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_PROFILE_MANAGER,
  PROP_READY,
  PROP_NOTIFIER,
  PROP_BACKGROUND_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Explore a simulated organization; nothing is stored"), NULL },
  { "sign-in", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Sign in with the API token on standard input, then exit"), NULL },
  { "name", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The profile’s name, with --sign-in"), N_("NAME") },
  { "api", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The API address, with --sign-in (default: the Vantage API)"), N_("URL") },
  { NULL }
};

static gboolean
is_ready (InflowApplication *self)
{
  return self->manager != NULL && self->n_pending == 0;
}

static void
show_integration (InflowApplication *self,
                  GtkWindow         *window)
{
  g_autofree char *token = g_steal_pointer (&self->pending_integration);

  if (token != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.monitor-ingestion", "s", token);
}

static void
show_storage_notice (InflowApplication *self,
                     InflowWindow      *window)
{
  g_autofree char *title = g_steal_pointer (&self->storage_notice_title);
  g_autofree char *notice = g_steal_pointer (&self->storage_notice);

  if (notice == NULL)
    return;

  if (self->storage_notice_is_dialog)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), title, notice);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    inflow_window_add_toast (window, notice);
}

/* Gives windows the manager once it is ready. */
static void
update_windows (InflowApplication *self)
{
  gboolean ready = is_ready (self);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      /* Windows made with a manager of their own keep it */
      if (!INFLOW_IS_WINDOW (l->data) || inflow_window_get_profile_manager (l->data) != NULL)
        continue;

      inflow_window_set_loading (l->data, !ready);
      if (ready)
        {
          inflow_window_set_profile_manager (l->data, self->manager);
          show_storage_notice (self, l->data);
          show_integration (self, l->data);
        }
    }
}

static void
pending_done (InflowApplication *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending == 0)
    {
      update_windows (self);
      if (self->search_provider != NULL)
        inflow_search_provider_set_profile_manager (self->search_provider, self->manager);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
    }
}

/* Background mode: the main windows and the session it watches with none */

static void
background_session_changed (InflowApplication *self,
                            InflowSession     *session)
{
  if (self->background != NULL)
    inflow_background_mode_set_session (self->background, session);
}

static void
background_windows_changed (InflowApplication *self)
{
  gboolean has_window = FALSE;

  if (self->background == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL && !has_window; l = l->next)
    has_window = INFLOW_IS_WINDOW (l->data);

  inflow_background_mode_set_has_window (self->background, has_window);
}

static void
background_start (InflowApplication *self)
{
  self->background = inflow_background_mode_new (G_APPLICATION (self), self->settings,
                                                 g_application_get_dbus_connection (G_APPLICATION (self)));

  /* Started at login (or by D-Bus activation): no window comes unless asked */
  if (g_application_get_flags (G_APPLICATION (self)) & G_APPLICATION_IS_SERVICE)
    background_windows_changed (self);
}

static void
background_stop (InflowApplication *self)
{
  if (self->background == NULL)
    return;

  inflow_background_mode_set_session (self->background, NULL);
  inflow_background_mode_stop (self->background);
}

/* Monitoring follows the open session, with or without a window. */
static void
session_changed_cb (InflowApplication *self)
{
  InflowSession *session = inflow_profile_manager_get_session (self->manager);
  InflowIngestionMonitor *monitor = session != NULL ? inflow_session_get_ingestion_monitor (session) : NULL;

  if (monitor != NULL)
    {
      g_settings_bind (self->settings, "refresh-interval", inflow_ingestion_monitor_get_planner (monitor),
                       "refresh-interval", G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "watch-in-background", inflow_ingestion_monitor_get_planner (monitor),
                       "watch-in-background", G_SETTINGS_BIND_GET);
    }
  inflow_notifier_set_monitor (self->notifier, monitor);
  background_session_changed (self, session);
}

static void
start_demo_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(InflowApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_start_demo_finish (INFLOW_PROFILE_MANAGER (source), result, &error))
    {
      g_warning ("The demo could not start: %s", error->message);
      if (self->storage_notice == NULL)
        {
          self->storage_notice_is_dialog = FALSE;
          /* Translators: %s says why */
          self->storage_notice = g_strdup_printf (_("The demo could not start: %s"), error->message);
        }
    }

  pending_done (self);
}

static void
start_demo (InflowApplication *self)
{
  self->demo_requested = FALSE;
  self->n_pending++;
  inflow_profile_manager_start_demo_async (self->manager, NULL, start_demo_cb, g_object_ref (self));
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(InflowApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_load_finish (INFLOW_PROFILE_MANAGER (source), result, &error))
    g_warning ("The profiles could not be read: %s", error->message);

  pending_done (self);
}

static void
database_open_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(InflowApplication) self = user_data;
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = inflow_database_open_finish (result, &error);
  if (database == NULL)
    {
      g_warning ("The database could not be opened: %s", error->message);
      self->storage_notice_is_dialog = FALSE;
      /* Translators: %s says why */
      self->storage_notice = g_strdup_printf (_("Inflow cannot save anything on this computer and forgets "
                                                "profiles when it closes: %s"), error->message);
    }
  else if (inflow_database_get_recovered_from_corruption (database))
    {
      self->storage_notice_is_dialog = TRUE;
      self->storage_notice_title = g_strdup (_("Saved Data Was Damaged"));
      /* Translators: %s is a file name */
      self->storage_notice = g_strdup_printf (_("Inflow found its saved profiles and data damaged, set them "
                                                "aside as %s and started afresh. Sign in to your profiles "
                                                "again; their API tokens are still in the keyring."),
                                              inflow_database_get_moved_aside_path (database));
    }

  self->manager = inflow_profile_manager_new (database, self->token_store);
  g_signal_group_set_target (self->manager_signals, self->manager);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_MANAGER]);

  /* The demo first, so that reading the profiles does not open another */
  if (self->demo_requested)
    start_demo (self);

  inflow_profile_manager_load_async (self->manager, NULL, load_cb, g_object_ref (self));
}

static int
inflow_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  status = inflow_sign_in_command_handle_options (options);
  if (status >= 0)
    return status;

  /* Through the action, so that it reaches an instance already running */
  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (application), "demo", NULL);
    }

  return G_APPLICATION_CLASS (inflow_application_parent_class)->handle_local_options (application, options);
}

static void
inflow_application_activate (GApplication *application)
{
  InflowApplication *self = INFLOW_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      InflowWindow *main_window = inflow_window_new (GTK_APPLICATION (application));

      window = GTK_WINDOW (main_window);
      inflow_bench_timings_watch (window, self);
      inflow_window_set_loading (main_window, !is_ready (self));
      if (is_ready (self))
        {
          inflow_window_set_profile_manager (main_window, self->manager);
          show_storage_notice (self, main_window);
        }
    }

  gtk_window_present (window);
}

static void
demo_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  InflowApplication *self = user_data;

  if (self->manager == NULL)
    self->demo_requested = TRUE;
  else
    start_demo (self);
}

/* A notification's click: the window, on the integration's ingestion. */
static void
show_integration_action_cb (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  InflowApplication *self = user_data;

  g_free (self->pending_integration);
  self->pending_integration = g_variant_dup_string (param, NULL);

  /* Until the profiles are read, the window gets it with the manager. */
  g_application_activate (G_APPLICATION (self));
  if (is_ready (self))
    show_integration (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* The search provider's LaunchSearch: the Integrations section, searching. */
static void
search_integrations_action_cb (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  InflowApplication *self = user_data;

  g_application_activate (G_APPLICATION (self));
  gtk_widget_activate_action (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))),
                              "win.search-integrations", "s", g_variant_get_string (param, NULL));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  InflowApplication *self = user_data;
  static const char *developers[] = { "The Inflow authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Inflow"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Inflow authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Connect cloud accounts to Vantage and watch their cost data arrive"),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_ISSUES,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Inflow authors",
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  InflowApplication *self = user_data;
  InflowPreferencesWindow *preferences;

  preferences = inflow_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                               self->background);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  InflowApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Quit means quit, whatever is worth watching */
  if (self->background != NULL)
    inflow_background_mode_stop (self->background);

  /* Close rather than destroy, so each window saves its state. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
  { "demo", demo_action_cb },
  { "show-integration", show_integration_action_cb, "s" },
  { "search-integrations", search_integrations_action_cb, "s" },
};

static void
inflow_application_startup (GApplication *application)
{
  InflowApplication *self = INFLOW_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (inflow_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  self->settings = g_settings_new (APPLICATION_ID);
  self->notifier = inflow_notifier_new (application);
  background_start (self);

  /* The profiles: the database first, in the background */
  self->token_store = inflow_token_store_new ();
  self->n_pending = 1;
  inflow_database_open_async (NULL, NULL, database_open_cb, g_object_ref (self));
}

/* The search provider, on the application's connection */
static gboolean
inflow_application_dbus_register (GApplication     *application,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  InflowApplication *self = INFLOW_APPLICATION (application);
  g_autofree char *path = g_strconcat (object_path, INFLOW_SEARCH_PROVIDER_PATH_SUFFIX, NULL);

  if (!G_APPLICATION_CLASS (inflow_application_parent_class)->dbus_register (application, connection,
                                                                             object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = inflow_search_provider_new (application);
  if (is_ready (self))
    inflow_search_provider_set_profile_manager (self->search_provider, self->manager);

  return inflow_search_provider_export (self->search_provider, connection, path, error);
}

static void
inflow_application_dbus_unregister (GApplication    *application,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  InflowApplication *self = INFLOW_APPLICATION (application);

  if (self->search_provider != NULL)
    inflow_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (inflow_application_parent_class)->dbus_unregister (application, connection, object_path);
}

static void
inflow_application_shutdown (GApplication *application)
{
  InflowApplication *self = INFLOW_APPLICATION (application);

  /* Closes the session (cancelling what it has in flight) and the demo */
  g_signal_group_set_target (self->manager_signals, NULL);
  if (self->notifier != NULL)
    inflow_notifier_set_monitor (self->notifier, NULL);
  if (self->search_provider != NULL)
    inflow_search_provider_set_profile_manager (self->search_provider, NULL);
  background_stop (self);
  g_clear_object (&self->manager);

  G_APPLICATION_CLASS (inflow_application_parent_class)->shutdown (application);
}

static void
inflow_application_window_added (GtkApplication *application,
                                 GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (inflow_application_parent_class)->window_added (application, window);
  background_windows_changed (INFLOW_APPLICATION (application));
}

/* After the window's own release: holding now keeps Inflow running. */
static void
inflow_application_window_removed (GtkApplication *application,
                                   GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (inflow_application_parent_class)->window_removed (application, window);
  background_windows_changed (INFLOW_APPLICATION (application));
}

static void
inflow_application_dispose (GObject *object)
{
  InflowApplication *self = INFLOW_APPLICATION (object);

  if (self->manager_signals != NULL)
    g_signal_group_set_target (self->manager_signals, NULL);
  g_clear_object (&self->manager_signals);
  g_clear_object (&self->notifier);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->background);
  g_clear_object (&self->manager);
  g_clear_object (&self->token_store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (inflow_application_parent_class)->dispose (object);
}

static void
inflow_application_finalize (GObject *object)
{
  InflowApplication *self = INFLOW_APPLICATION (object);

  g_clear_pointer (&self->storage_notice_title, g_free);
  g_clear_pointer (&self->storage_notice, g_free);
  g_clear_pointer (&self->pending_integration, g_free);

  G_OBJECT_CLASS (inflow_application_parent_class)->finalize (object);
}

static void
inflow_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowApplication *self = INFLOW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_READY:
      g_value_set_boolean (value, is_ready (self));
      break;

    case PROP_NOTIFIER:
      g_value_set_object (value, self->notifier);
      break;

    case PROP_BACKGROUND_MODE:
      g_value_set_object (value, self->background);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_application_class_init (InflowApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = inflow_application_dispose;
  object_class->finalize = inflow_application_finalize;
  object_class->get_property = inflow_application_get_property;

  app_class->activate = inflow_application_activate;
  app_class->startup = inflow_application_startup;
  app_class->shutdown = inflow_application_shutdown;
  app_class->handle_local_options = inflow_application_handle_local_options;
  app_class->dbus_register = inflow_application_dbus_register;
  app_class->dbus_unregister = inflow_application_dbus_unregister;

  gtk_app_class->window_added = inflow_application_window_added;
  gtk_app_class->window_removed = inflow_application_window_removed;

  /**
   * InflowApplication:profile-manager:
   *
   * The profiles and the active session, once the database was opened (or
   * could not be); %NULL before.
   */
  properties[PROP_PROFILE_MANAGER] =
    g_param_spec_object ("profile-manager", NULL, NULL,
                         INFLOW_TYPE_PROFILE_MANAGER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowApplication:ready:
   *
   * Whether the profiles were read (and the demo started, if asked for).
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowApplication:notifier:
   *
   * The desktop notifications of the open session's ingestion events,
   * made at startup.
   */
  properties[PROP_NOTIFIER] =
    g_param_spec_object ("notifier", NULL, NULL,
                         INFLOW_TYPE_NOTIFIER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowApplication:background-mode:
   *
   * What keeps Inflow running with no window, made at startup.
   */
  properties[PROP_BACKGROUND_MODE] =
    g_param_spec_object ("background-mode", NULL, NULL,
                         INFLOW_TYPE_BACKGROUND_MODE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_assert (inflow_get_resource () != NULL);
}

static void
inflow_application_init (InflowApplication *self)
{
  self->manager_signals = g_signal_group_new (INFLOW_TYPE_PROFILE_MANAGER);
  g_signal_group_connect_object (self->manager_signals, "notify::session",
                                 G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Connect cloud accounts to Vantage and watch their cost data arrive."));
}

InflowApplication *
inflow_application_new (void)
{
  return g_object_new (INFLOW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

GSettings *
inflow_application_get_settings (InflowApplication *self)
{
  g_return_val_if_fail (INFLOW_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * inflow_application_get_profile_manager:
 *
 * Returns: (transfer none) (nullable): the profile manager, or %NULL until
 *   the database was opened
 */
InflowProfileManager *
inflow_application_get_profile_manager (InflowApplication *self)
{
  g_return_val_if_fail (INFLOW_IS_APPLICATION (self), NULL);

  return self->manager;
}

/**
 * inflow_application_get_notifier:
 *
 * Returns: (transfer none) (nullable): the notifier, %NULL before startup
 */
InflowNotifier *
inflow_application_get_notifier (InflowApplication *self)
{
  g_return_val_if_fail (INFLOW_IS_APPLICATION (self), NULL);

  return self->notifier;
}

gboolean
inflow_application_get_ready (InflowApplication *self)
{
  g_return_val_if_fail (INFLOW_IS_APPLICATION (self), FALSE);

  return is_ready (self);
}

/**
 * inflow_application_get_background_mode:
 *
 * Returns: (transfer none) (nullable): the background mode, %NULL before
 *   startup
 */
InflowBackgroundMode *
inflow_application_get_background_mode (InflowApplication *self)
{
  g_return_val_if_fail (INFLOW_IS_APPLICATION (self), NULL);

  return self->background;
}
