/* inflow-member-row.c: a row of one StackSet member account on its way to Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include "inflow-member-registration.h"
#include "inflow-member-row.h"

/* Laid out by its template, bound to its #InflowMemberRegistration: the
 * account as title, the API's words (or where the account stands) as
 * subtitle, a spinner while its POST runs, and its status, colored. */

struct _InflowMemberRow
{
  AdwActionRow              parent_instance;

  InflowMemberRegistration *member;

  /* Template widgets */
  GtkSpinner               *spinner;
  GtkLabel                 *status_label;
};

G_DEFINE_FINAL_TYPE (InflowMemberRow, inflow_member_row, ADW_TYPE_ACTION_ROW)

static void
status_changed_cb (InflowMemberRow *self)
{
  g_auto(GStrv) classes = NULL;
  g_autofree char *subtitle = NULL;

  g_object_get (self->member, "status-classes", &classes, "subtitle", &subtitle, NULL);
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), (const char **) classes);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
inflow_member_row_dispose (GObject *object)
{
  InflowMemberRow *self = INFLOW_MEMBER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_MEMBER_ROW);
  g_clear_object (&self->member);

  G_OBJECT_CLASS (inflow_member_row_parent_class)->dispose (object);
}

static void
inflow_member_row_class_init (InflowMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_member_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowMemberRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowMemberRow, status_label);
}

static void
inflow_member_row_init (InflowMemberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  InflowMemberRow *self = g_object_new (INFLOW_TYPE_MEMBER_ROW, NULL);

  self->member = g_object_ref (item);
  g_object_bind_property (self->member, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->member, "status", self->status_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->member, "busy", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->member, "busy", self->spinner, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->member, "notify", G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
  status_changed_cb (self);

  return GTK_WIDGET (self);
}

/**
 * inflow_member_row_bind_list:
 * @members: #InflowMemberRegistration items
 *
 * Shows @members in @list, a row each, as they change.
 */
void
inflow_member_row_bind_list (GtkListBox *list,
                             GListModel *members)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (G_IS_LIST_MODEL (members));

  gtk_list_box_bind_model (list, members, create_row, NULL, NULL);
}
