/* inflow-diagnostics-page.c: the checks of Diagnostics and the status report, presented
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-diagnostics"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "inflow-check-row.h"
#include "inflow-diagnostics-page.h"

/**
 * InflowDiagnosticsPage:
 *
 * Presents an #InflowDiagnostics: one #InflowCheckRow per check, *Check
 * Again* (Ctrl+R), and *Copy Status Report* (Ctrl+Shift+C, in the header
 * bar too), which puts the redacted report on the clipboard. The checks
 * run in the #InflowDiagnostics; the page never asks Vantage itself.
 */
struct _InflowDiagnosticsPage
{
  GtkWidget          parent_instance;

  /* Template objects */
  InflowDiagnostics *diagnostics;
  AdwToastOverlay   *toast_overlay;
  GtkListBox        *checks_list;
};

G_DEFINE_FINAL_TYPE (InflowDiagnosticsPage, inflow_diagnostics_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return inflow_check_row_new (item);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  inflow_diagnostics_run (INFLOW_DIAGNOSTICS_PAGE (widget)->diagnostics);
}

static void
copy_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (widget);
  g_autofree char *runtime = NULL;
  g_autofree char *report = NULL;

  runtime = g_strdup_printf ("GLib %u.%u.%u, GTK %u.%u.%u, libadwaita %u.%u.%u",
                             glib_major_version, glib_minor_version, glib_micro_version,
                             gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                             adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());
  report = inflow_diagnostics_build_report (self->diagnostics, runtime);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), report);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Status report copied")));
}

static void
inflow_diagnostics_page_dispose (GObject *object)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_DIAGNOSTICS_PAGE);
  /* The template's top widget has no id: unparent whatever is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (inflow_diagnostics_page_parent_class)->dispose (object);
}

static void
inflow_diagnostics_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, inflow_diagnostics_page_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_diagnostics_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  InflowDiagnosticsPage *self = INFLOW_DIAGNOSTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_diagnostics_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_diagnostics_page_class_init (InflowDiagnosticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_diagnostics_page_dispose;
  object_class->get_property = inflow_diagnostics_page_get_property;
  object_class->set_property = inflow_diagnostics_page_set_property;

  /**
   * InflowDiagnosticsPage:session:
   *
   * The session checked, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_DIAGNOSTICS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-diagnostics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowDiagnosticsPage, diagnostics);
  gtk_widget_class_bind_template_child (widget_class, InflowDiagnosticsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, InflowDiagnosticsPage, checks_list);
  gtk_widget_class_bind_template_child_full (widget_class, "copy_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "diagnostics.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "diagnostics.copy-report", NULL, copy_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "diagnostics.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "diagnostics.copy-report", NULL);
}

static void
inflow_diagnostics_page_init (InflowDiagnosticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_bind_model (self->checks_list, inflow_diagnostics_get_checks (self->diagnostics),
                           create_row_cb, NULL, NULL);
}

/**
 * inflow_diagnostics_page_new:
 *
 * Returns: (transfer floating): a page without a session
 */
GtkWidget *
inflow_diagnostics_page_new (void)
{
  return g_object_new (INFLOW_TYPE_DIAGNOSTICS_PAGE, NULL);
}

InflowSession *
inflow_diagnostics_page_get_session (InflowDiagnosticsPage *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self), NULL);

  return inflow_diagnostics_get_session (self->diagnostics);
}

/**
 * inflow_diagnostics_page_set_background_mode:
 * @self: a page
 * @background: (nullable): the application's background mode
 *
 * Its Background check tells what the desktop answered.
 */
void
inflow_diagnostics_page_set_background_mode (InflowDiagnosticsPage *self,
                                             InflowBackgroundMode  *background)
{
  g_return_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self));

  inflow_diagnostics_set_background_mode (self->diagnostics, background);
}

/**
 * inflow_diagnostics_page_set_session:
 * @self: a page
 * @session: (nullable): the session to check
 *
 * Runs the checks for @session.
 */
void
inflow_diagnostics_page_set_session (InflowDiagnosticsPage *self,
                                     InflowSession         *session)
{
  g_return_if_fail (INFLOW_IS_DIAGNOSTICS_PAGE (self));

  if (session == inflow_diagnostics_get_session (self->diagnostics))
    return;

  inflow_diagnostics_set_session (self->diagnostics, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
