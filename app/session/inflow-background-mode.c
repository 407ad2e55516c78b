/* inflow-background-mode.c: keeps Inflow running with no window while something is worth watching
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-background-mode"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "inflow-background-mode.h"
#include "inflow-ingestion-monitor.h"

/**
 * InflowBackgroundMode:
 *
 * Decides whether Inflow keeps running once its last window is closed: it
 * holds the application (g_application_hold()) while no window is open and
 * the open session's monitor has integrations worth watching
 * (#InflowIngestionMonitor:n-watched) or the user chose `watch-in-background`;
 * otherwise Inflow quits as it always did. While it holds, the session is
 * #InflowSession:in-background, the desktop is asked through the Background
 * portal (#InflowBackgroundPortal) and told what Inflow watches.
 *
 * `start-at-login` asks the portal for autostart with
 * `inflow --gapplication-service`; outside a sandbox, where no portal
 * answers, it writes (and removes) an XDG autostart desktop file instead.
 *
 * The application owns it and tells it about its windows and sessions.
 */
struct _InflowBackgroundMode
{
  GObject                 parent_instance;

  GApplication           *application;  /* weak: the application owns the mode */
  GSettings              *settings;
  InflowBackgroundPortal *portal;
  InflowSession          *session;
  GSignalGroup           *monitor_signals;

  gboolean                has_window;
  gboolean                held;
  gboolean                stopped;
  gboolean                autostart_file;  /* written by this mode */
  char                   *description;
};

G_DEFINE_FINAL_TYPE (InflowBackgroundMode, inflow_background_mode, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HELD,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const autostart_commandline[] = { "inflow", "--gapplication-service", NULL };

static gboolean
in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * inflow_background_mode_dup_autostart_path:
 *
 * Returns: (transfer full): where the XDG autostart file goes,
 *   `$XDG_CONFIG_HOME/autostart/<application ID>.desktop`
 */
char *
inflow_background_mode_dup_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
}

static void
update_description (InflowBackgroundMode *self)
{
  g_autofree char *description = NULL;

  if (self->autostart_file)
    {
      g_autofree char *path = inflow_background_mode_dup_autostart_path ();

      /* Translators: the desktop's answer (like "No Background portal answers"), then a file name */
      description = g_strdup_printf (_("%s; Inflow starts at login through %s"),
                                     inflow_background_portal_get_description (self->portal), path);
    }
  else
    description = g_strdup (inflow_background_portal_get_description (self->portal));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static void
write_autostart_file (InflowBackgroundMode *self)
{
  g_autofree char *path = inflow_background_mode_dup_autostart_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *exec = g_strjoinv (" ", (char **) autostart_commandline);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_set_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, _("Inflow"));
  g_key_file_set_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Watch cost data arrive in the background"));
  g_key_file_set_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APPLICATION_ID);
  g_key_file_set_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_boolean (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_warning ("Cannot make %s: %s", folder, g_strerror (errno));
      return;
    }
  if (!g_key_file_save_to_file (file, path, &error))
    {
      g_warning ("Cannot write %s: %s", path, error->message);
      return;
    }

  g_debug ("Autostart file written: %s", path);
  self->autostart_file = TRUE;
}

static void
remove_autostart_file (InflowBackgroundMode *self)
{
  g_autofree char *path = inflow_background_mode_dup_autostart_path ();

  self->autostart_file = FALSE;
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
  else
    g_debug ("No autostart file: %s", path);
}

/* Outside a sandbox, where a portal cannot start Inflow at login (or none
 * answers), the autostart file does it; a refusal is respected. */
static void
portal_answer_cb (InflowBackgroundMode *self)
{
  InflowBackgroundAnswer answer = inflow_background_portal_get_answer (self->portal);

  if (!in_sandbox () && answer != INFLOW_BACKGROUND_ANSWER_NONE && answer != INFLOW_BACKGROUND_ANSWER_PENDING)
    {
      if (!g_settings_get_boolean (self->settings, "start-at-login"))
        remove_autostart_file (self);
      else if (answer != INFLOW_BACKGROUND_ANSWER_REFUSED && !inflow_background_portal_get_autostart (self->portal))
        write_autostart_file (self);
    }

  update_description (self);
}

static void
request_background (InflowBackgroundMode *self)
{
  inflow_background_portal_request (self->portal,
                                    _("Inflow watches your integrations and tells you when their cost data "
                                      "arrives, goes stale or stops"),
                                    g_settings_get_boolean (self->settings, "start-at-login"),
                                    autostart_commandline);
}

static InflowIngestionMonitor *
get_monitor (InflowBackgroundMode *self)
{
  return self->session != NULL ? inflow_session_get_ingestion_monitor (self->session) : NULL;
}

/* Holds or releases the application, and says what it watches. */
static void
update (InflowBackgroundMode *self)
{
  InflowIngestionMonitor *monitor = get_monitor (self);
  guint n_watched = monitor != NULL ? inflow_ingestion_monitor_get_n_watched (monitor) : 0;
  gboolean hold;

  hold = !self->stopped && !self->has_window && self->application != NULL &&
         (n_watched > 0 || g_settings_get_boolean (self->settings, "watch-in-background"));

  if (hold != self->held)
    {
      self->held = hold;
      if (hold)
        {
          g_debug ("Running in the background, watching %u integrations", n_watched);
          g_application_hold (self->application);
          request_background (self);
        }
      else
        {
          g_debug ("No longer running in the background");
          if (self->application != NULL)
            g_application_release (self->application);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD]);
    }

  if (self->session != NULL)
    inflow_session_set_in_background (self->session, self->held);

  if (self->held)
    {
      g_autofree char *summary = monitor != NULL ? inflow_ingestion_monitor_dup_watch_summary (monitor) : NULL;

      inflow_background_portal_set_status (self->portal, summary != NULL ? summary
                                                                         : _("Watching for new cost data"));
    }
}

static void
start_at_login_changed_cb (InflowBackgroundMode *self)
{
  /* Turned off: no file left behind, whatever the portal says */
  if (!g_settings_get_boolean (self->settings, "start-at-login") && !in_sandbox ())
    remove_autostart_file (self);

  request_background (self);
  update_description (self);
}

static void
inflow_background_mode_dispose (GObject *object)
{
  InflowBackgroundMode *self = INFLOW_BACKGROUND_MODE (object);

  if (self->held && self->application != NULL)
    g_application_release (self->application);
  self->held = FALSE;
  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  if (self->monitor_signals != NULL)
    g_signal_group_set_target (self->monitor_signals, NULL);
  g_clear_object (&self->monitor_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->portal);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (inflow_background_mode_parent_class)->dispose (object);
}

static void
inflow_background_mode_finalize (GObject *object)
{
  InflowBackgroundMode *self = INFLOW_BACKGROUND_MODE (object);

  g_free (self->description);

  G_OBJECT_CLASS (inflow_background_mode_parent_class)->finalize (object);
}

static void
inflow_background_mode_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  InflowBackgroundMode *self = INFLOW_BACKGROUND_MODE (object);

  switch (prop_id)
    {
    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_background_mode_class_init (InflowBackgroundModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_background_mode_dispose;
  object_class->finalize = inflow_background_mode_finalize;
  object_class->get_property = inflow_background_mode_get_property;

  /**
   * InflowBackgroundMode:held:
   *
   * Whether it keeps the application running with no window open.
   */
  properties[PROP_HELD] =
    g_param_spec_boolean ("held", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowBackgroundMode:description:
   *
   * What the desktop answered (#InflowBackgroundPortal:description), or
   * where the autostart file is that stands in for the portal.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_background_mode_init (InflowBackgroundMode *self)
{
  self->monitor_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_MONITOR);
  g_signal_group_connect_object (self->monitor_signals, "notify::n-watched", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);
}

/**
 * inflow_background_mode_new:
 * @application: the application to hold
 * @settings: Inflow's settings (`watch-in-background`, `start-at-login`)
 * @connection: (nullable): the session bus, for the Background portal
 *
 * Returns: (transfer full): a mode that holds nothing until told that no
 *   window is open
 */
InflowBackgroundMode *
inflow_background_mode_new (GApplication    *application,
                            GSettings       *settings,
                            GDBusConnection *connection)
{
  InflowBackgroundMode *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (INFLOW_TYPE_BACKGROUND_MODE, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->settings = g_object_ref (settings);
  self->portal = inflow_background_portal_new (connection);
  self->has_window = TRUE;
  if (!in_sandbox ())
    {
      g_autofree char *path = inflow_background_mode_dup_autostart_path ();

      self->autostart_file = g_file_test (path, G_FILE_TEST_EXISTS);
    }

  g_signal_connect_object (self->portal, "notify::answer", G_CALLBACK (portal_answer_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->portal, "notify::description", G_CALLBACK (update_description), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::watch-in-background", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::start-at-login", G_CALLBACK (start_at_login_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_description (self);

  return self;
}

/**
 * inflow_background_mode_set_session:
 * @self: a background mode
 * @session: (nullable): the open session, whose monitor tells what is
 *   worth watching
 */
void
inflow_background_mode_set_session (InflowBackgroundMode *self,
                                    InflowSession        *session)
{
  g_return_if_fail (INFLOW_IS_BACKGROUND_MODE (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    inflow_session_set_in_background (self->session, FALSE);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->monitor_signals, get_monitor (self));
  update (self);
}

/**
 * inflow_background_mode_set_has_window:
 * @self: a background mode
 * @has_window: whether a main window is open
 *
 * The application says so as its windows come and go; with none, the
 * mode holds the application if something is worth watching.
 */
void
inflow_background_mode_set_has_window (InflowBackgroundMode *self,
                                       gboolean              has_window)
{
  g_return_if_fail (INFLOW_IS_BACKGROUND_MODE (self));

  self->has_window = !!has_window;
  update (self);
}

/**
 * inflow_background_mode_stop:
 * @self: a background mode
 *
 * Lets the application go for good: the user asked it to quit.
 */
void
inflow_background_mode_stop (InflowBackgroundMode *self)
{
  g_return_if_fail (INFLOW_IS_BACKGROUND_MODE (self));

  self->stopped = TRUE;
  update (self);
}

gboolean
inflow_background_mode_get_held (InflowBackgroundMode *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKGROUND_MODE (self), FALSE);

  return self->held;
}

/**
 * inflow_background_mode_get_portal:
 *
 * Returns: (transfer none): the Background portal client
 */
InflowBackgroundPortal *
inflow_background_mode_get_portal (InflowBackgroundMode *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKGROUND_MODE (self), NULL);

  return self->portal;
}

const char *
inflow_background_mode_get_description (InflowBackgroundMode *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKGROUND_MODE (self), NULL);

  return self->description;
}
