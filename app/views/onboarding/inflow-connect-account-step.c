/* inflow-connect-account-step.c: step 2 of Connect AWS, which account
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-connect-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-connect-account-step.h"

/* Management or member account, with the caution when a member account
 * comes first; a GovCloud (US) account is explained and turned into the
 * standard account it is paired with, which is the one to connect. */

struct _InflowConnectAccountStep
{
  InflowConnectStep  parent_instance;

  /* Template widgets */
  GtkCheckButton    *management_check;
  GtkCheckButton    *member_check;
  GtkWidget         *caution_box;
  GtkLabel          *caution_label;
  GtkSwitch         *govcloud_switch;
  GtkLabel          *paired_label;
  GtkWidget         *govcloud_box;
  AdwEntryRow       *govcloud_id_row;
};

G_DEFINE_FINAL_TYPE (InflowConnectAccountStep, inflow_connect_account_step, INFLOW_TYPE_CONNECT_STEP)

static void
kind_toggled_cb (InflowConnectAccountStep *self,
                 GParamSpec               *pspec,
                 GtkCheckButton           *button)
{
  InflowConnectForm *form = inflow_connect_step_get_form (INFLOW_CONNECT_STEP (self));

  /* Both buttons of the group notify; act once, on the one turned on. */
  if (form == NULL || !gtk_check_button_get_active (button))
    return;

  g_object_set (form, "account", button == self->member_check ? INFLOW_CONNECT_ACCOUNT_MEMBER
                                                              : INFLOW_CONNECT_ACCOUNT_MANAGEMENT, NULL);
}

static void
inflow_connect_account_step_update (InflowConnectStep *step,
                                    InflowConnectForm *form)
{
  InflowConnectAccountStep *self = INFLOW_CONNECT_ACCOUNT_STEP (step);
  InflowConnectAccount account = inflow_connect_form_get_account (form);
  g_autofree char *paired = NULL;
  gboolean member_first, govcloud;

  g_object_get (form, "member-first", &member_first, "govcloud", &govcloud, "paired-note", &paired, NULL);

  if (account == INFLOW_CONNECT_ACCOUNT_MANAGEMENT)
    gtk_check_button_set_active (self->management_check, TRUE);
  else if (account == INFLOW_CONNECT_ACCOUNT_MEMBER)
    gtk_check_button_set_active (self->member_check, TRUE);

  gtk_widget_set_visible (self->caution_box, member_first);
  gtk_widget_set_visible (self->govcloud_box, govcloud);
  inflow_onboarding_show_message (self->paired_label, !govcloud ? paired : NULL, FALSE);
}

static void
inflow_connect_account_step_bind (InflowConnectStep *step,
                                  InflowConnectForm *form)
{
  InflowConnectAccountStep *self = INFLOW_CONNECT_ACCOUNT_STEP (step);

  g_object_bind_property (form, "govcloud", self->govcloud_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  inflow_connect_bind_field (form, "govcloud-account-id", self->govcloud_id_row);
}

static void
choose_management_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_object_set (inflow_connect_step_get_form (INFLOW_CONNECT_STEP (widget)),
                "account", INFLOW_CONNECT_ACCOUNT_MANAGEMENT, NULL);
}

static void
connect_paired_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  inflow_connect_form_choose_paired_standard (inflow_connect_step_get_form (INFLOW_CONNECT_STEP (widget)));
}

static void
inflow_connect_account_step_class_init (InflowConnectAccountStepClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  InflowConnectStepClass *step_class = INFLOW_CONNECT_STEP_CLASS (klass);

  step_class->bind = inflow_connect_account_step_bind;
  step_class->update = inflow_connect_account_step_update;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-connect-account-step.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, management_check);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, member_check);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, caution_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, caution_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, govcloud_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, paired_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, govcloud_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAccountStep, govcloud_id_row);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);

  gtk_widget_class_install_action (widget_class, "account.choose-management", NULL, choose_management_action);
  gtk_widget_class_install_action (widget_class, "account.connect-paired", NULL, connect_paired_action);
}

static void
inflow_connect_account_step_init (InflowConnectAccountStep *self)
{
  g_autofree char *caution = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  caution = g_strjoin ("\n",
                       _("If you connect only a member account:"),
                       _("• You will see only that account’s costs and costs by resource, not your whole organization’s."),
                       _("• You will not see the costs of the other member accounts in your organization."),
                       _("• You may not see the full coverage of cost allocation tags from the organization."),
                       _("• Reserved Instances bought in this account are realized in it first, instead of across the organization."),
                       NULL);
  gtk_label_set_label (self->caution_label, caution);
}
