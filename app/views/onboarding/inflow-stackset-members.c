/* inflow-stackset-members.c: the StackSet's member accounts, registered with Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-member-row.h"
#include "inflow-onboarding-dialog.h"
#include "inflow-stackset-members.h"
#include "inflow-stackset-registration.h"

/* Shows an #InflowStackSetRegistration: the members come from pasted
 * stack instances or from the organization Vantage lists, a row each with
 * its outcome; Register sends them one by one through the session, and
 * again only the ones that failed. */

struct _InflowStackSetMembers
{
  GtkWidget                   parent_instance;

  InflowConnectForm          *form;
  InflowStackSetRegistration *registration;
  GCancellable               *cancellable;
  GCancellable               *paste_cancellable;

  /* Template widgets */
  GtkWidget                  *box;
  GtkLabel                   *message_label;
  GtkListBox                 *members_list;
  GtkWidget                  *actions_box;
  GtkLabel                   *summary_label;
  GtkWidget                  *monitor_button;
  GtkButton                  *register_button;
};

G_DEFINE_FINAL_TYPE (InflowStackSetMembers, inflow_stackset_members, GTK_TYPE_WIDGET)

/* The first member this registration connected, for its monitor. */
static const char *
first_connected_token (InflowStackSetMembers *self)
{
  GListModel *members = inflow_stackset_registration_get_members (self->registration);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (members, i);

      if (inflow_member_registration_get_state (member) == INFLOW_MEMBER_STATE_CONNECTED)
        return inflow_member_registration_get_integration_token (member);
    }

  return NULL;
}

static gboolean
has_failed (InflowStackSetMembers *self)
{
  GListModel *members = inflow_stackset_registration_get_members (self->registration);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (members, i);

      if (inflow_member_registration_get_state (member) == INFLOW_MEMBER_STATE_FAILED)
        return TRUE;
    }

  return FALSE;
}

static void
update (InflowStackSetMembers *self)
{
  gboolean has_members = self->registration != NULL &&
                         g_list_model_get_n_items (inflow_stackset_registration_get_members (self->registration)) > 0;
  gboolean can_register = has_members && inflow_stackset_registration_get_can_register (self->registration) &&
                          inflow_session_get_can_write (inflow_connect_form_get_session (self->form));
  g_autofree char *summary = has_members ? inflow_stackset_registration_dup_summary (self->registration) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->members_list), has_members);
  gtk_widget_set_visible (self->actions_box, has_members);
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  gtk_button_set_label (self->register_button, has_members && has_failed (self) ? _("_Retry the Failed") : _("_Register"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.register", can_register);
  gtk_widget_set_visible (self->monitor_button, has_members && first_connected_token (self) != NULL);
}

/* A new registration for what the form says now. */
static void
renew_registration (InflowStackSetMembers *self)
{
  g_autoptr(InflowOnboardingChoices) choices = inflow_connect_form_dup_choices (self->form);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->registration);

  self->cancellable = g_cancellable_new ();
  self->registration = inflow_stackset_registration_new (inflow_connect_form_get_session (self->form),
                                                         inflow_connect_form_get_info (self->form), choices);
  inflow_member_row_bind_list (self->members_list, inflow_stackset_registration_get_members (self->registration));
  g_signal_connect_object (self->registration, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  InflowStackSetMembers *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  renew_registration (self);
  if (!inflow_stackset_registration_read_instances (self->registration, text != NULL ? text : "", &error))
    {
      inflow_onboarding_show_message (self->message_label, error->message, TRUE);
      return;
    }
  inflow_onboarding_show_message (self->message_label, NULL, FALSE);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), INFLOW_STACKSET_MEMBERS (widget)->paste_cancellable,
                                 clipboard_read_cb, widget);
}

static void
organization_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  InflowStackSetMembers *self = INFLOW_STACKSET_MEMBERS (widget);

  renew_registration (self);
  if (inflow_stackset_registration_add_organization_members (self->registration) == 0)
    inflow_onboarding_show_message (self->message_label,
                                    _("Vantage lists no member accounts under a connected management account. Paste the stack instances instead."),
                                    TRUE);
  else
    inflow_onboarding_show_message (self->message_label, NULL, FALSE);
}

static void
registered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_stackset_registration_register_finish (INFLOW_STACKSET_REGISTRATION (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Registering the StackSet members: %s", error->message);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  InflowStackSetMembers *self = INFLOW_STACKSET_MEMBERS (widget);

  if (self->registration != NULL && inflow_stackset_registration_get_can_register (self->registration))
    inflow_stackset_registration_register_async (self->registration, self->cancellable, registered_cb, NULL);
}

static void
monitor_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  InflowStackSetMembers *self = INFLOW_STACKSET_MEMBERS (widget);
  const char *token = first_connected_token (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  if (token != NULL && parent != NULL &&
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.monitor-ingestion", "s", token))
    gtk_window_close (GTK_WINDOW (root));
}

void
inflow_stackset_members_set_form (InflowStackSetMembers *self,
                                  InflowConnectForm     *form)
{
  g_return_if_fail (INFLOW_IS_STACKSET_MEMBERS (self));
  g_return_if_fail (INFLOW_IS_CONNECT_FORM (form));
  g_return_if_fail (self->form == NULL);

  self->form = g_object_ref (form);
  g_signal_connect_object (inflow_connect_form_get_session (form), "notify::can-write", G_CALLBACK (update),
                           self, G_CONNECT_SWAPPED);
}

static void
inflow_stackset_members_dispose (GObject *object)
{
  InflowStackSetMembers *self = INFLOW_STACKSET_MEMBERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->paste_cancellable);
  g_clear_object (&self->paste_cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->registration);
  g_clear_object (&self->form);

  G_OBJECT_CLASS (inflow_stackset_members_parent_class)->dispose (object);
}

static void
inflow_stackset_members_class_init (InflowStackSetMembersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_stackset_members_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-stackset-members.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowStackSetMembers, box);
  gtk_widget_class_bind_template_child (widget_class, InflowStackSetMembers, message_label);
  gtk_widget_class_bind_template_child (widget_class, InflowStackSetMembers, members_list);
  gtk_widget_class_bind_template_child (widget_class, InflowStackSetMembers, actions_box);
  gtk_widget_class_bind_template_child (widget_class, InflowStackSetMembers, summary_label);
  gtk_widget_class_bind_template_child (widget_class, InflowStackSetMembers, monitor_button);
  gtk_widget_class_bind_template_child (widget_class, InflowStackSetMembers, register_button);

  gtk_widget_class_install_action (widget_class, "members.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "members.organization", NULL, organization_action);
  gtk_widget_class_install_action (widget_class, "members.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "members.monitor", NULL, monitor_action);
}

static void
inflow_stackset_members_init (InflowStackSetMembers *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paste_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.register", FALSE);
}
