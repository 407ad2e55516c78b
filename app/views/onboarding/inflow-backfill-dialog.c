/* inflow-backfill-dialog.c: the request to backfill the CUR, to copy or to mail
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-backfill"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-backfill-dialog.h"
#include "inflow-backfill-form.h"
#include "inflow-code-view.h"
#include "inflow-ingestion-format.h"
#include "inflow-view-utils.h"

/* The seed's AWS Support template, filled in and checked by an
 * #InflowBackfillForm; the follow-up mail to Vantage support is ready to
 * send. Nothing is sent by Inflow itself. */

#define AWS_SUPPORT_CASE_URL "https://support.console.aws.amazon.com/support/home#/case/create"

struct _InflowBackfillDialog
{
  InflowOnboardingDialog  parent_instance;

  InflowBackfillForm     *form;
  gboolean                setting_date;

  /* Template widgets */
  AdwEntryRow            *rows[INFLOW_BACKFILL_N_FIELDS];
  AdwEntryRow            *requester_row;
  GtkMenuButton          *start_button;
  GtkMenuButton          *end_button;
  GtkCalendar            *start_calendar;
  GtkCalendar            *end_calendar;
  GtkLabel               *message_label;
  GtkWidget              *output_box;
  InflowCodeView         *aws_view;
  InflowCodeView         *vantage_view;
};

G_DEFINE_FINAL_TYPE (InflowBackfillDialog, inflow_backfill_dialog, INFLOW_TYPE_ONBOARDING_DIALOG)

/* The form's property behind each row. */
static const char * const field_properties[INFLOW_BACKFILL_N_FIELDS] = {
  [INFLOW_BACKFILL_FIELD_ORGANIZATION] = "organization",
  [INFLOW_BACKFILL_FIELD_REPORT] = "report-name",
  [INFLOW_BACKFILL_FIELD_BUCKET] = "bucket-name",
  [INFLOW_BACKFILL_FIELD_ACCOUNT] = "account-id",
  [INFLOW_BACKFILL_FIELD_START] = "start-date",
  [INFLOW_BACKFILL_FIELD_END] = "end-date",
};

static void
select_day (InflowBackfillDialog *self,
            GtkCalendar          *calendar,
            const char           *text)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *noon = g_strconcat (text != NULL ? text : "", "T12:00:00", NULL);

  day = g_date_time_new_from_iso8601 (noon, inflow_ingestion_local_time_zone ());
  if (day == NULL)
    return;

  self->setting_date = TRUE;
  gtk_calendar_select_day (calendar, day);
  self->setting_date = FALSE;
}

static void
form_changed_cb (InflowBackfillDialog *self)
{
  InflowBackfillForm *form = self->form;
  gboolean valid = inflow_backfill_form_get_valid (form);

  for (guint i = 0; i < INFLOW_BACKFILL_N_FIELDS; i++)
    inflow_view_set_error_style (GTK_WIDGET (self->rows[i]), inflow_backfill_form_get_field_error (form, i));

  inflow_onboarding_show_message (self->message_label, inflow_backfill_form_get_message (form),
                                  inflow_backfill_form_get_message_is_error (form));
  gtk_widget_set_visible (self->output_box, valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backfill.mail-vantage", valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backfill.open-aws-support", TRUE);
  inflow_code_view_set_text (self->aws_view, inflow_backfill_form_get_aws_text (form));
  inflow_code_view_set_text (self->vantage_view, inflow_backfill_form_get_vantage_text (form));

  select_day (self, self->start_calendar, gtk_editable_get_text (GTK_EDITABLE (self->rows[INFLOW_BACKFILL_FIELD_START])));
  select_day (self, self->end_calendar, gtk_editable_get_text (GTK_EDITABLE (self->rows[INFLOW_BACKFILL_FIELD_END])));
}

static void
day_selected (InflowBackfillDialog *self,
              GtkCalendar          *calendar,
              AdwEntryRow          *row,
              GtkMenuButton        *button)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (self->setting_date)
    return;

  time = gtk_calendar_get_date (calendar);
  text = g_date_time_format (time, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_menu_button_popdown (button);
}

static void
start_day_selected_cb (InflowBackfillDialog *self,
                       GtkCalendar          *calendar)
{
  day_selected (self, calendar, self->rows[INFLOW_BACKFILL_FIELD_START], self->start_button);
}

static void
end_day_selected_cb (InflowBackfillDialog *self,
                     GtkCalendar          *calendar)
{
  day_selected (self, calendar, self->rows[INFLOW_BACKFILL_FIELD_END], self->end_button);
}

static void
open_aws_support_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (widget);
  const char *text = inflow_backfill_form_get_aws_text (self->form);

  /* The case text is on the clipboard, ready to paste into the form. */
  if (text != NULL)
    inflow_view_copy_text (inflow_onboarding_dialog_get_toast_overlay (INFLOW_ONBOARDING_DIALOG (self)),
                           text, _("Request to AWS Support"));
  inflow_view_open_uri (widget, AWS_SUPPORT_CASE_URL);
}

static void
mail_vantage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (widget);
  const char *mailto = inflow_backfill_form_get_vantage_mailto (self->form);

  if (mailto != NULL)
    inflow_view_open_uri (widget, mailto);
}

static void
prefilled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_backfill_form_prefill_finish (INFLOW_BACKFILL_FORM (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Prefilling the backfill request: %s", error->message);
}

static void
inflow_backfill_dialog_constructed (GObject *object)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (object);
  InflowOnboardingDialog *dialog = INFLOW_ONBOARDING_DIALOG (object);

  G_OBJECT_CLASS (inflow_backfill_dialog_parent_class)->constructed (object);

  self->form = inflow_backfill_form_new (inflow_onboarding_dialog_get_session (dialog),
                                         inflow_onboarding_dialog_get_integration_token (dialog));
  for (guint i = 0; i < INFLOW_BACKFILL_N_FIELDS; i++)
    g_object_bind_property (self->form, field_properties[i], self->rows[i], "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->form, "requester-name", self->requester_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->form, "account-title", self, "subtitle", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->form, "notify", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);

  inflow_backfill_form_prefill_async (self->form, inflow_onboarding_dialog_get_cancellable (dialog),
                                      prefilled_cb, NULL);
  form_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->rows[INFLOW_BACKFILL_FIELD_ORGANIZATION]));
}

static void
inflow_backfill_dialog_dispose (GObject *object)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (object);

  g_clear_object (&self->form);

  G_OBJECT_CLASS (inflow_backfill_dialog_parent_class)->dispose (object);
}

static void
inflow_backfill_dialog_class_init (InflowBackfillDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = inflow_backfill_dialog_constructed;
  object_class->dispose = inflow_backfill_dialog_dispose;

  g_type_ensure (INFLOW_TYPE_CODE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-backfill-dialog.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "organization_row", FALSE,
                                             G_STRUCT_OFFSET (InflowBackfillDialog, rows[INFLOW_BACKFILL_FIELD_ORGANIZATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "report_row", FALSE,
                                             G_STRUCT_OFFSET (InflowBackfillDialog, rows[INFLOW_BACKFILL_FIELD_REPORT]));
  gtk_widget_class_bind_template_child_full (widget_class, "bucket_row", FALSE,
                                             G_STRUCT_OFFSET (InflowBackfillDialog, rows[INFLOW_BACKFILL_FIELD_BUCKET]));
  gtk_widget_class_bind_template_child_full (widget_class, "account_row", FALSE,
                                             G_STRUCT_OFFSET (InflowBackfillDialog, rows[INFLOW_BACKFILL_FIELD_ACCOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "start_row", FALSE,
                                             G_STRUCT_OFFSET (InflowBackfillDialog, rows[INFLOW_BACKFILL_FIELD_START]));
  gtk_widget_class_bind_template_child_full (widget_class, "end_row", FALSE,
                                             G_STRUCT_OFFSET (InflowBackfillDialog, rows[INFLOW_BACKFILL_FIELD_END]));
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, requester_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, end_button);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, output_box);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, aws_view);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, vantage_view);
  gtk_widget_class_bind_template_callback (widget_class, start_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "backfill.open-aws-support", NULL, open_aws_support_action);
  gtk_widget_class_install_action (widget_class, "backfill.mail-vantage", NULL, mail_vantage_action);
}

static void
inflow_backfill_dialog_init (InflowBackfillDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * inflow_backfill_dialog_new:
 * @parent: (nullable): the main window
 * @session: the active session
 * @integration_token: (nullable): the AWS integration whose report is
 *   backfilled
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
InflowBackfillDialog *
inflow_backfill_dialog_new (GtkWindow     *parent,
                            InflowSession *session,
                            const char    *integration_token)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  return g_object_new (INFLOW_TYPE_BACKFILL_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "integration-token", integration_token,
                       NULL);
}
