/* inflow-application.c: application object, app-wide actions and options
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-application"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-application.h"
#include "inflow-preferences-window.h"
#include "inflow-window.h"

/* From the compiled GResource; naming it keeps its object file (and the
 * constructor that registers the resource) in the static library link. */
GResource *inflow_get_resource (void);

struct _InflowApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (InflowApplication, inflow_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static int
inflow_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (inflow_application_parent_class)->handle_local_options (application, options);
}

static void
inflow_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (inflow_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
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

  preferences = inflow_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  InflowApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

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
}

static void
inflow_application_dispose (GObject *object)
{
  InflowApplication *self = INFLOW_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (inflow_application_parent_class)->dispose (object);
}

static void
inflow_application_class_init (InflowApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = inflow_application_dispose;

  app_class->activate = inflow_application_activate;
  app_class->startup = inflow_application_startup;
  app_class->handle_local_options = inflow_application_handle_local_options;

  g_assert (inflow_get_resource () != NULL);
}

static void
inflow_application_init (InflowApplication *self)
{
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
