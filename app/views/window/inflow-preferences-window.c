/* inflow-preferences-window.c: monitoring and notification preferences
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-preferences-window.h"

struct _InflowPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  InflowBackgroundMode *background;

  /* Template widgets */
  GtkAdjustment        *refresh_adjustment;
  GtkSwitch            *first_cur_switch;
  GtkSwitch            *stale_switch;
  GtkSwitch            *error_switch;
  GtkSwitch            *watch_switch;
  GtkSwitch            *login_switch;
  AdwActionRow         *permission_row;
  GtkWidget            *refused_icon;
};

G_DEFINE_FINAL_TYPE (InflowPreferencesWindow, inflow_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* What the desktop answered the Background request, refusals marked */
static void
update_permission (InflowPreferencesWindow *self)
{
  InflowBackgroundPortal *portal = inflow_background_mode_get_portal (self->background);

  adw_action_row_set_subtitle (self->permission_row, inflow_background_mode_get_description (self->background));
  gtk_widget_set_visible (self->refused_icon,
                          inflow_background_portal_get_answer (portal) == INFLOW_BACKGROUND_ANSWER_REFUSED);
}

static void
set_background_mode (InflowPreferencesWindow *self,
                     InflowBackgroundMode    *background)
{
  gtk_widget_set_visible (GTK_WIDGET (self->permission_row), background != NULL);
  if (background == NULL)
    return;

  self->background = g_object_ref (background);
  g_signal_connect_object (background, "notify::description", G_CALLBACK (update_permission), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_background_mode_get_portal (background), "notify::answer",
                           G_CALLBACK (update_permission), self, G_CONNECT_SWAPPED);
  update_permission (self);
}

static void
inflow_preferences_window_dispose (GObject *object)
{
  InflowPreferencesWindow *self = INFLOW_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->background);

  G_OBJECT_CLASS (inflow_preferences_window_parent_class)->dispose (object);
}

static void
inflow_preferences_window_class_init (InflowPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, refresh_adjustment);
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, first_cur_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, stale_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, error_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, watch_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, login_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, permission_row);
  gtk_widget_class_bind_template_child (widget_class, InflowPreferencesWindow, refused_icon);
}

static void
inflow_preferences_window_init (InflowPreferencesWindow *self)
{
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *kind;
  guint min, max;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  /* The spin button's limits come from the schema's range, kept in one place. */
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "refresh-interval");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &kind, &limits);
  g_variant_get (limits, "(uu)", &min, &max);
  gtk_adjustment_set_lower (self->refresh_adjustment, min);
  gtk_adjustment_set_upper (self->refresh_adjustment, max);

  g_settings_bind (self->settings, "refresh-interval", self->refresh_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-first-cur", self->first_cur_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-stale", self->stale_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-error", self->error_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "watch-in-background", self->watch_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "start-at-login", self->login_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

/**
 * inflow_preferences_window_new:
 * @transient_for: (nullable): the window it belongs to
 * @background: (nullable): the application's background mode, whose
 *   answer from the desktop it shows
 *
 * Returns: the preferences, a toplevel GTK keeps
 */
InflowPreferencesWindow *
inflow_preferences_window_new (GtkWindow            *transient_for,
                               InflowBackgroundMode *background)
{
  InflowPreferencesWindow *self = g_object_new (INFLOW_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", transient_for,
                                                NULL);

  set_background_mode (self, background);

  return self;
}
