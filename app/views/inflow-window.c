/* inflow-window.c: the main window, a sidebar of sections beside their pages
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-window"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-window.h"

struct _InflowWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
};

G_DEFINE_FINAL_TYPE (InflowWindow, inflow_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar rows carry the name of the stack page they show. */
static GtkListBoxRow *
find_row (InflowWindow *self,
          const char   *section)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), section) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
sidebar_row_activated_cb (InflowWindow  *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  g_assert (INFLOW_IS_WINDOW (self));

  inflow_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (InflowWindow *self,
                 GtkButton    *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
visible_child_name_changed_cb (InflowWindow *self,
                               GParamSpec   *pspec,
                               GtkStack     *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  GtkStackPage *page = gtk_stack_get_page (stack, child);

  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  inflow_window_set_section (self, g_variant_get_string (param, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
inflow_window_close_request (GtkWindow *window)
{
  InflowWindow *self = INFLOW_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (inflow_window_parent_class)->close_request (window);
}

static void
inflow_window_dispose (GObject *object)
{
  InflowWindow *self = INFLOW_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (inflow_window_parent_class)->dispose (object);
}

static void
inflow_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  InflowWindow *self = INFLOW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, inflow_window_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  InflowWindow *self = INFLOW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      inflow_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_window_class_init (InflowWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const sections[] = { "ingestion", "integrations", "accounts", "access" };

  object_class->dispose = inflow_window_dispose;
  object_class->get_property = inflow_window_get_property;
  object_class->set_property = inflow_window_set_property;

  window_class->close_request = inflow_window_close_request;

  /**
   * InflowWindow:section:
   *
   * The name of the section the window shows.
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-window.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, content_title);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", sections[i]);
}

static void
inflow_window_init (InflowWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  inflow_window_set_section (self, "ingestion");
  visible_child_name_changed_cb (self, NULL, self->stack);
}

InflowWindow *
inflow_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (INFLOW_TYPE_WINDOW, "application", application, NULL);
}

const char *
inflow_window_get_section (InflowWindow *self)
{
  g_return_val_if_fail (INFLOW_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
inflow_window_set_section (InflowWindow *self,
                           const char   *section)
{
  GtkListBoxRow *row;

  g_return_if_fail (INFLOW_IS_WINDOW (self));
  g_return_if_fail (section != NULL);

  row = find_row (self, section);
  if (row == NULL)
    {
      g_warning ("No section named “%s”", section);
      return;
    }

  gtk_list_box_select_row (self->sidebar, row);
  gtk_stack_set_visible_child_name (self->stack, section);
}

/* TRUE when the window is too narrow for the sidebar and a page side by side. */
gboolean
inflow_window_get_folded (InflowWindow *self)
{
  g_return_val_if_fail (INFLOW_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}
