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

  /* Template widgets */
  GtkAdjustment        *refresh_adjustment;
  GtkSwitch            *first_cur_switch;
  GtkSwitch            *stale_switch;
  GtkSwitch            *error_switch;
};

G_DEFINE_FINAL_TYPE (InflowPreferencesWindow, inflow_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
inflow_preferences_window_dispose (GObject *object)
{
  InflowPreferencesWindow *self = INFLOW_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

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
}

InflowPreferencesWindow *
inflow_preferences_window_new (GtkWindow *transient_for)
{
  return g_object_new (INFLOW_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       NULL);
}
