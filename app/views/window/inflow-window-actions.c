/* inflow-window-actions.c: the actions of the main window
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-window"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-backfill-dialog.h"
#include "inflow-connect-assistant.h"
#include "inflow-application.h"
#include "inflow-diagnostics-window.h"
#include "inflow-update-permissions-dialog.h"
#include "inflow-window-private.h"

/* Which actions apply: most need a session. */
void
_inflow_window_actions_update (InflowWindow *self)
{
  gboolean has_session = self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 has_session && !inflow_session_get_refreshing (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-profile", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", self->manager != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-demo",
                                 self->manager != NULL && !self->demo_starting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-profile", self->manager != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unlock-keyring",
                                 self->manager != NULL && !self->unlocking &&
                                 inflow_profile_manager_get_locked_profile (self->manager) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.connect-aws", has_session);
  /* A notification's click may come before the session is open */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.monitor-ingestion", self->manager != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-diagnostics", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.update-permissions", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request-backfill", has_session);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _inflow_window_open_sign_in (INFLOW_WINDOW (widget), NULL, NULL);
}

static void
unlock_keyring_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  _inflow_window_unlock_keyring (INFLOW_WINDOW (widget));
}

static void
set_demo_starting (InflowWindow *self,
                   gboolean      starting)
{
  self->demo_starting = starting;
  inflow_welcome_page_set_demo_starting (self->welcome_page, starting);
  _inflow_window_actions_update (self);
}

static void
start_demo_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(InflowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_demo_starting (self, FALSE);

  if (!inflow_profile_manager_start_demo_finish (INFLOW_PROFILE_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The demo could not start: %s"), error->message);

      inflow_window_add_toast (self, message);
    }
}

static void
start_demo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  if (self->manager == NULL || self->demo_starting)
    return;

  set_demo_starting (self, TRUE);
  inflow_profile_manager_start_demo_async (self->manager, self->cancellable, start_demo_cb, g_object_ref (self));
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The banner and the status tell how it went */
  if (!inflow_session_refresh_finish (INFLOW_SESSION (source), result, &error))
    g_debug ("Refreshing failed: %s", error->message);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  if (self->session == NULL || inflow_session_get_refreshing (self->session))
    return;

  inflow_session_refresh_async (self->session, NULL, refresh_cb, NULL);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(InflowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_sign_out_finish (INFLOW_PROFILE_MANAGER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        inflow_window_add_toast (self, error->message);
      return;
    }
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);
  InflowProfile *profile;
  g_autofree char *message = NULL;

  if (self->session == NULL)
    return;

  profile = inflow_session_get_profile (self->session);
  if (inflow_profile_get_is_demo (profile))
    message = g_strdup (_("The demo has ended"));
  else
    /* Translators: %s is a profile name */
    message = g_strdup_printf (_("Signed out of “%s”"), inflow_profile_get_name (profile));

  inflow_profile_manager_sign_out_async (self->manager, profile, self->cancellable,
                                         sign_out_cb, g_object_ref (self));
  inflow_window_add_toast (self, message);
}

static void
remove_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(InflowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_remove_finish (INFLOW_PROFILE_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    inflow_window_add_toast (self, error->message);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    InflowWindow     *self)
{
  g_autoptr(InflowProfile) profile = g_steal_pointer (&self->profile_to_remove);

  if (!g_str_equal (response, "remove") || self->manager == NULL || profile == NULL)
    return;

  inflow_profile_manager_remove_async (self->manager, profile, self->cancellable,
                                       remove_cb, g_object_ref (self));
}

static void
remove_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);
  InflowProfile *profile;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->session == NULL)
    return;

  profile = inflow_session_get_profile (self->session);
  /* Translators: %s is a profile name */
  heading = g_strdup_printf (_("Remove “%s”?"), inflow_profile_get_name (profile));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Inflow signs out, removes the API token from the keyring and "
                                     "forgets the data it saved for this profile. Nothing changes in "
                                     "Vantage."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_set_object (&self->profile_to_remove, profile);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _inflow_window_open_profile (INFLOW_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Where the views send the user */

static void
show_section (InflowWindow *self,
              const char   *section)
{
  inflow_window_set_section (self, section);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, g_variant_get_string (param, NULL));
}

static void
monitor_ingestion_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, "ingestion");
  inflow_ingestion_view_select_integration (self->ingestion_view, g_variant_get_string (param, NULL));
}

static void
show_diagnostics_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  InflowBackgroundMode *background = INFLOW_IS_APPLICATION (application)
                                     ? inflow_application_get_background_mode (INFLOW_APPLICATION (application))
                                     : NULL;

  gtk_window_present (GTK_WINDOW (inflow_diagnostics_window_new (GTK_WINDOW (self), self->session, background)));
}

static void
show_integration_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, "integrations");
  inflow_integrations_view_show_integration (self->integrations_view, g_variant_get_string (param, NULL));
}

static void
search_integrations_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, "integrations");
  inflow_integrations_view_search (self->integrations_view, g_variant_get_string (param, NULL));
}

static void
show_access_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, "access");
  inflow_access_view_focus_integration (self->access_view, g_variant_get_string (param, NULL));
}

static void
connect_aws_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  g_return_if_fail (self->session != NULL);

  gtk_window_present (GTK_WINDOW (inflow_connect_assistant_new (GTK_WINDOW (self), self->session,
                                                                g_variant_get_string (param, NULL))));
}

static void
update_permissions_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  g_return_if_fail (self->session != NULL);

  gtk_window_present (GTK_WINDOW (inflow_update_permissions_dialog_new (GTK_WINDOW (self), self->session,
                                                                        g_variant_get_string (param, NULL))));
}

static void
request_backfill_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  g_return_if_fail (self->session != NULL);

  gtk_window_present (GTK_WINDOW (inflow_backfill_dialog_new (GTK_WINDOW (self), self->session,
                                                              g_variant_get_string (param, NULL))));
}

/* The `win.` actions, with their shortcuts; the window's property
 * `active-profile-id` makes `win.switch-profile` for the profile switcher. */
void
_inflow_window_class_actions_init (InflowWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const sections[] = { "ingestion", "integrations", "accounts", "access" };

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", sections[i]);

  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.start-demo", NULL, start_demo_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.remove-profile", NULL, remove_profile_action);
  gtk_widget_class_install_action (widget_class, "win.open-profile", "s", open_profile_action);
  gtk_widget_class_install_action (widget_class, "win.unlock-keyring", NULL, unlock_keyring_action);
  gtk_widget_class_install_action (widget_class, "win.monitor-ingestion", "s", monitor_ingestion_action);
  gtk_widget_class_install_action (widget_class, "win.show-diagnostics", NULL, show_diagnostics_action);
  gtk_widget_class_install_action (widget_class, "win.show-integration", "s", show_integration_action);
  gtk_widget_class_install_action (widget_class, "win.search-integrations", "s", search_integrations_action);
  gtk_widget_class_install_action (widget_class, "win.show-access", "s", show_access_action);
  gtk_widget_class_install_action (widget_class, "win.connect-aws", "s", connect_aws_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.connect-aws", "s", "");
  gtk_widget_class_install_action (widget_class, "win.update-permissions", "s", update_permissions_action);
  gtk_widget_class_install_action (widget_class, "win.request-backfill", "s", request_backfill_action);
  gtk_widget_class_install_property_action (widget_class, "win.switch-profile", "active-profile-id");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
}
