/* inflow-role-wait-view.c: waiting for Vantage to see a role registered elsewhere
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-role-wait-view.h"
#include "inflow-role-waiter.h"

/* Shows an #InflowRoleWaiter: Wait, then a spinner with Stop Waiting, then
 * Monitor Ingestion (win.monitor-ingestion) once Vantage lists the new
 * integration, or why it gave up. */

struct _InflowRoleWaitView
{
  GtkWidget         parent_instance;

  InflowRoleWaiter *waiter;
  char             *account_id;

  /* Template widgets */
  GtkWidget        *group;
  AdwActionRow     *wait_row;
  GtkSpinner       *spinner;
  GtkWidget        *start_button;
  GtkWidget        *cancel_button;
  GtkWidget        *monitor_button;
};

G_DEFINE_FINAL_TYPE (InflowRoleWaitView, inflow_role_wait_view, GTK_TYPE_WIDGET)

static void
update (InflowRoleWaitView *self)
{
  InflowRoleWaitState state = self->waiter != NULL ? inflow_role_waiter_get_state (self->waiter) : INFLOW_ROLE_WAIT_IDLE;
  const char *message = self->waiter != NULL ? inflow_role_waiter_get_message (self->waiter) : NULL;
  g_autofree char *idle = NULL;

  if (self->account_id != NULL)
    /* Translators: %s is a 12-digit AWS account ID */
    idle = g_strdup_printf (_("Inflow watches the integrations list until Vantage lists account %s, for up to twelve minutes."),
                            self->account_id);
  else
    idle = g_strdup (_("Inflow watches the integrations list until Vantage lists a new AWS integration, for up to twelve minutes."));

  adw_action_row_set_subtitle (self->wait_row, message != NULL ? message : idle);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == INFLOW_ROLE_WAIT_WAITING);
  gtk_spinner_set_spinning (self->spinner, state == INFLOW_ROLE_WAIT_WAITING);
  gtk_widget_set_visible (self->start_button, state == INFLOW_ROLE_WAIT_IDLE || state == INFLOW_ROLE_WAIT_GAVE_UP);
  gtk_widget_set_visible (self->cancel_button, state == INFLOW_ROLE_WAIT_WAITING);
  gtk_widget_set_visible (self->monitor_button, state == INFLOW_ROLE_WAIT_FOUND);
  /* Found: Enter opens the monitor, the next step the user came for */
  if (state == INFLOW_ROLE_WAIT_FOUND && gtk_widget_get_mapped (self->monitor_button))
    gtk_widget_grab_focus (self->monitor_button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wait.start", self->waiter != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->wait_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : idle, -1);
}

void
inflow_role_wait_view_set_session (InflowRoleWaitView *self,
                                   InflowSession      *session)
{
  g_return_if_fail (INFLOW_IS_ROLE_WAIT_VIEW (self));
  g_return_if_fail (INFLOW_IS_SESSION (session));
  g_return_if_fail (self->waiter == NULL);

  self->waiter = inflow_role_waiter_new (session);
  g_signal_connect_object (self->waiter, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* @account_id: (nullable): the account the role is for, when known */
void
inflow_role_wait_view_set_account_id (InflowRoleWaitView *self,
                                      const char         *account_id)
{
  g_return_if_fail (INFLOW_IS_ROLE_WAIT_VIEW (self));

  if (g_strcmp0 (self->account_id, account_id) == 0)
    return;

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  update (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  InflowRoleWaitView *self = INFLOW_ROLE_WAIT_VIEW (widget);

  inflow_role_waiter_start (self->waiter, self->account_id);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  inflow_role_waiter_cancel (INFLOW_ROLE_WAIT_VIEW (widget)->waiter);
}

static void
monitor_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  InflowRoleWaitView *self = INFLOW_ROLE_WAIT_VIEW (widget);
  const char *token = inflow_role_waiter_get_integration_token (self->waiter);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  /* The monitor is the main window's: it shows it, and the assistant goes. */
  if (token != NULL && parent != NULL &&
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.monitor-ingestion", "s", token))
    gtk_window_close (GTK_WINDOW (root));
}

static void
inflow_role_wait_view_dispose (GObject *object)
{
  InflowRoleWaitView *self = INFLOW_ROLE_WAIT_VIEW (object);

  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_object (&self->waiter);

  G_OBJECT_CLASS (inflow_role_wait_view_parent_class)->dispose (object);
}

static void
inflow_role_wait_view_finalize (GObject *object)
{
  g_free (INFLOW_ROLE_WAIT_VIEW (object)->account_id);

  G_OBJECT_CLASS (inflow_role_wait_view_parent_class)->finalize (object);
}

static void
inflow_role_wait_view_class_init (InflowRoleWaitViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_role_wait_view_dispose;
  object_class->finalize = inflow_role_wait_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-role-wait-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowRoleWaitView, group);
  gtk_widget_class_bind_template_child (widget_class, InflowRoleWaitView, wait_row);
  gtk_widget_class_bind_template_child (widget_class, InflowRoleWaitView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowRoleWaitView, start_button);
  gtk_widget_class_bind_template_child (widget_class, InflowRoleWaitView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, InflowRoleWaitView, monitor_button);

  gtk_widget_class_install_action (widget_class, "wait.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "wait.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "wait.monitor", NULL, monitor_action);
}

static void
inflow_role_wait_view_init (InflowRoleWaitView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
