/* inflow-diagnostics-window.c: Diagnostics, in a window of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-diagnostics"

#include "config.h"

#include "inflow-diagnostics-page.h"
#include "inflow-diagnostics-window.h"

/**
 * InflowDiagnosticsWindow:
 *
 * The primary menu's Diagnostics: an #InflowDiagnosticsPage for the
 * window's session, closed with Escape like any dialog.
 */
struct _InflowDiagnosticsWindow
{
  AdwWindow              parent_instance;

  /* Template widgets */
  InflowDiagnosticsPage *page;
};

G_DEFINE_FINAL_TYPE (InflowDiagnosticsWindow, inflow_diagnostics_window, ADW_TYPE_WINDOW)

static void
inflow_diagnostics_window_class_init (InflowDiagnosticsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-diagnostics-window.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowDiagnosticsWindow, page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (INFLOW_TYPE_DIAGNOSTICS_PAGE);
}

static void
inflow_diagnostics_window_init (InflowDiagnosticsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * inflow_diagnostics_window_new:
 * @parent: (nullable): the main window
 * @session: (nullable): the session to check
 * @background: (nullable): the application's background mode, whose
 *   answer from the desktop it tells
 *
 * Returns: (transfer none): a window that runs the checks of @session
 */
InflowDiagnosticsWindow *
inflow_diagnostics_window_new (GtkWindow            *parent,
                               InflowSession        *session,
                               InflowBackgroundMode *background)
{
  InflowDiagnosticsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (session == NULL || INFLOW_IS_SESSION (session), NULL);

  self = g_object_new (INFLOW_TYPE_DIAGNOSTICS_WINDOW, "transient-for", parent, NULL);
  inflow_diagnostics_page_set_background_mode (self->page, background);
  inflow_diagnostics_page_set_session (self->page, session);

  return self;
}
