/* inflow-backfill-dialog.c: the request to backfill the CUR, to copy or to mail
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-backfill"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-aws-connector.h"
#include "inflow-backfill-dialog.h"
#include "inflow-backfill.h"
#include "inflow-code-view.h"
#include "inflow-onboarding-error.h"
#include "inflow-view-utils.h"

/* The seed's AWS Support template, filled in and checked: the dates follow
 * the backfill rules (start before end, nothing after today in server
 * time, at most 36 months back), and the follow-up mail to Vantage support
 * is ready to send. Nothing is sent by Inflow itself. */

#define AWS_SUPPORT_CASE_URL "https://support.console.aws.amazon.com/support/home#/case/create"
#define DEFAULT_MONTHS_BACK  12

struct _InflowBackfillDialog
{
  AdwWindow               parent_instance;

  InflowSession          *session;
  char                   *integration_token;
  GCancellable           *cancellable;
  InflowBackfillRequest  *request;
  char                   *message;
  char                   *request_text;
  GHashTable             *touched;
  gboolean                setting_date;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  AdwEntryRow            *organization_row;
  AdwEntryRow            *requester_row;
  AdwEntryRow            *report_row;
  AdwEntryRow            *bucket_row;
  AdwEntryRow            *account_row;
  AdwEntryRow            *start_row;
  AdwEntryRow            *end_row;
  GtkMenuButton          *start_button;
  GtkMenuButton          *end_button;
  GtkCalendar            *start_calendar;
  GtkCalendar            *end_calendar;
  GtkLabel               *message_label;
  GtkWidget              *output_box;
  InflowCodeView         *aws_view;
  InflowCodeView         *vantage_view;
};

G_DEFINE_FINAL_TYPE (InflowBackfillDialog, inflow_backfill_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_INTEGRATION_TOKEN,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
format_date (const GDate *date)
{
  char text[16];

  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return g_strdup (text);
}

/* YYYY-MM-DD, strictly: the form the request uses, whatever the locale. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char rest;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &rest) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
is_touched (InflowBackfillDialog *self,
            AdwEntryRow          *row)
{
  return g_hash_table_contains (self->touched, row) ||
         *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0';
}

static void
mark_row (InflowBackfillDialog *self,
          AdwEntryRow          *row,
          gboolean              error)
{
  inflow_view_set_error_style (GTK_WIDGET (row), error && is_touched (self, row));
}

static void
set_message (InflowBackfillDialog *self,
             const char           *message,
             gboolean              error)
{
  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_label (self->message_label, message);
  if (error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
}

static void
select_calendar_day (InflowBackfillDialog *self,
                     GtkCalendar          *calendar,
                     const GDate          *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (!g_date_valid (date))
    return;

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  self->setting_date = TRUE;
  gtk_calendar_select_day (calendar, time);
  self->setting_date = FALSE;
}

/* Checks every field, fills the request when all are right, and marks the
 * first field that is not with the reason. */
static void
validate (InflowBackfillDialog *self)
{
  g_autofree char *organization = get_trimmed (self->organization_row);
  g_autofree char *requester = get_trimmed (self->requester_row);
  g_autofree char *report = get_trimmed (self->report_row);
  g_autofree char *bucket = get_trimmed (self->bucket_row);
  g_autofree char *account = get_trimmed (self->account_row);
  g_autofree char *start_text = get_trimmed (self->start_row);
  g_autofree char *end_text = get_trimmed (self->end_row);
  g_autoptr(InflowBackfillRequest) request = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  InflowBackfillInput input = { 0 };
  gboolean start_ok, end_ok;
  gboolean valid = FALSE;
  gboolean shown_as_error = TRUE;

  now = inflow_client_get_now (inflow_session_get_client (self->session));

  start_ok = parse_date (start_text, &input.start);
  end_ok = parse_date (end_text, &input.end);
  if (start_ok)
    select_calendar_day (self, self->start_calendar, &input.start);
  if (end_ok)
    select_calendar_day (self, self->end_calendar, &input.end);

  mark_row (self, self->organization_row, *organization == '\0');
  mark_row (self, self->report_row, !inflow_aws_validate_report_name (report, NULL));
  mark_row (self, self->bucket_row, !inflow_aws_validate_bucket_name (bucket, NULL));
  mark_row (self, self->account_row, *account != '\0' && !inflow_aws_validate_account_id (account, NULL));
  mark_row (self, self->start_row, !start_ok);
  mark_row (self, self->end_row, !end_ok);

  if (!start_ok || !end_ok)
    {
      g_set_error (&error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   !start_ok ? _("Enter the start date as year-month-day, for example 2025-01-01.")
                             : _("Enter the end date as year-month-day, for example 2025-06-30."));
    }
  else if (!inflow_backfill_validate_dates (&input.start, &input.end, now, &error))
    {
      GDate today;

      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));

      /* The dates are the problem: mark the one the rule points at. */
      if (g_error_matches (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_FUTURE))
        {
          mark_row (self, self->start_row, g_date_compare (&input.start, &today) > 0);
          mark_row (self, self->end_row, g_date_compare (&input.end, &today) > 0);
        }
      else if (g_error_matches (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD))
        {
          mark_row (self, self->start_row, TRUE);
        }
      else
        {
          mark_row (self, self->end_row, TRUE);
        }
    }
  else
    {
      input.organization = organization;
      input.requester_name = *requester != '\0' ? requester : NULL;
      input.report_name = report;
      input.bucket_name = bucket;
      input.account_id = *account != '\0' ? account : NULL;

      request = inflow_backfill_request_generate (&input, now, &error);
      valid = request != NULL;

      /* An empty field nobody touched yet is a hint, not an error. */
      if (!valid && g_error_matches (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING) &&
          !g_hash_table_contains (self->touched, self->organization_row) && *organization == '\0')
        shown_as_error = FALSE;
    }

  g_clear_pointer (&self->request, inflow_backfill_request_free);
  g_clear_pointer (&self->request_text, g_free);

  if (!valid)
    {
      set_message (self, error->message, shown_as_error);
    }
  else
    {
      g_autofree char *vantage_text = NULL;

      self->request = g_steal_pointer (&request);
      /* Translators: the subject line of a mail, then its text */
      self->request_text = g_strdup_printf (_("Subject: %s\n\n%s"), self->request->aws_subject, self->request->aws_body);
      vantage_text = g_strdup_printf (_("Subject: %s\n\n%s"), self->request->vantage_subject, self->request->vantage_body);
      inflow_code_view_set_text (self->aws_view, self->request_text);
      inflow_code_view_set_text (self->vantage_view, vantage_text);
      set_message (self,
                   _("Dates are checked against Vantage’s clock: up to 36 months back, and not after today."),
                   FALSE);
    }

  gtk_widget_set_visible (self->output_box, valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backfill.mail-vantage", valid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
field_changed_cb (InflowBackfillDialog *self,
                  GtkEditable          *editable)
{
  if (self->session == NULL)
    return;  /* still being built */

  g_hash_table_add (self->touched, editable);
  validate (self);
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
  day_selected (self, calendar, self->start_row, self->start_button);
}

static void
end_day_selected_cb (InflowBackfillDialog *self,
                     GtkCalendar          *calendar)
{
  day_selected (self, calendar, self->end_row, self->end_button);
}

static void
open_aws_support_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (widget);

  /* The case text is on the clipboard, ready to paste into the form. */
  if (self->request_text != NULL)
    inflow_view_copy_text (widget, self->request_text, _("Request to AWS Support"));
  inflow_view_open_uri (widget, AWS_SUPPORT_CASE_URL);
}

static void
mail_vantage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (widget);

  if (self->request != NULL)
    inflow_view_open_uri (widget, self->request->vantage_mailto);
}

/* ---- prefilling --------------------------------------------------------- */

static void
set_default_dates (InflowBackfillDialog *self)
{
  g_autoptr(GDateTime) now = inflow_client_get_now (inflow_session_get_client (self->session));
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  GDate start, end;

  /* The twelve whole months before this one: the first CUR has this month. */
  g_date_set_dmy (&start, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  end = start;
  g_date_subtract_days (&end, 1);
  g_date_subtract_months (&start, DEFAULT_MONTHS_BACK);

  start_text = format_date (&start);
  end_text = format_date (&end);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start_text);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end_text);
}

static void
record_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  InflowBackfillDialog *self = user_data;
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = inflow_aws_connection_record_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (record == NULL)
    return;

  /* What Inflow created the report with, unless typed over already. */
  if (record->choices->bucket_name != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->bucket_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->bucket_row), record->choices->bucket_name);
  if (record->choices->report_name != NULL && record->choices->bucket_name != NULL &&
      *gtk_editable_get_text (GTK_EDITABLE (self->report_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->report_row), record->choices->report_name);
}

static void
prefill (InflowBackfillDialog *self)
{
  GListModel *integrations = inflow_session_get_integrations (self->session);
  InflowProfile *profile = inflow_session_get_profile (self->session);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);

      if (g_strcmp0 (inflow_integration_get_token (integration), self->integration_token) != 0 || account_id == NULL)
        continue;

      if (inflow_aws_validate_account_id (account_id, NULL))
        {
          /* Translators: %s is a 12-digit AWS account ID */
          g_autofree char *subtitle = g_strdup_printf (_("Account %s"), account_id);

          gtk_editable_set_text (GTK_EDITABLE (self->account_row), account_id);
          adw_window_title_set_subtitle (self->window_title, subtitle);
        }
    }

  set_default_dates (self);
  inflow_aws_connection_record_load_async (inflow_session_get_database (self->session),
                                           profile != NULL ? inflow_profile_get_id (profile) : NULL,
                                           self->integration_token, self->cancellable,
                                           record_loaded_cb, self);
}

/* ---- the object --------------------------------------------------------- */

static void
inflow_backfill_dialog_constructed (GObject *object)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (object);

  G_OBJECT_CLASS (inflow_backfill_dialog_parent_class)->constructed (object);

  g_assert (INFLOW_IS_SESSION (self->session));

  if (self->integration_token != NULL)
    prefill (self);
  else
    set_default_dates (self);

  /* Prefilled values are not the admin's typing. */
  g_hash_table_remove_all (self->touched);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->organization_row));
}

static void
inflow_backfill_dialog_dispose (GObject *object)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_backfill_dialog_parent_class)->dispose (object);
}

static void
inflow_backfill_dialog_finalize (GObject *object)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->request, inflow_backfill_request_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_free (self->message);
  g_free (self->request_text);
  g_free (self->integration_token);

  G_OBJECT_CLASS (inflow_backfill_dialog_parent_class)->finalize (object);
}

static void
inflow_backfill_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_INTEGRATION_TOKEN:
      g_value_set_string (value, self->integration_token);
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->request != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_backfill_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  InflowBackfillDialog *self = INFLOW_BACKFILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_INTEGRATION_TOKEN:
      self->integration_token = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_backfill_dialog_class_init (InflowBackfillDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = inflow_backfill_dialog_constructed;
  object_class->dispose = inflow_backfill_dialog_dispose;
  object_class->finalize = inflow_backfill_dialog_finalize;
  object_class->get_property = inflow_backfill_dialog_get_property;
  object_class->set_property = inflow_backfill_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INTEGRATION_TOKEN] =
    g_param_spec_string ("integration-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowBackfillDialog:valid:
   *
   * Whether every field checks and the request is ready.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CODE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-backfill-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, requester_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, end_button);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, output_box);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, aws_view);
  gtk_widget_class_bind_template_child (widget_class, InflowBackfillDialog, vantage_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "backfill.open-aws-support", NULL, open_aws_support_action);
  gtk_widget_class_install_action (widget_class, "backfill.mail-vantage", NULL, mail_vantage_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
inflow_backfill_dialog_init (InflowBackfillDialog *self)
{
  self->touched = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * inflow_backfill_dialog_new:
 * @parent: (nullable): the main window
 * @session: the active session
 * @integration_token: (nullable): the AWS integration (of the management
 *   account) whose report is backfilled
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

gboolean
inflow_backfill_dialog_get_valid (InflowBackfillDialog *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_DIALOG (self), FALSE);

  return self->request != NULL;
}

/* What the message under the period says: the first problem, or a hint. */
const char *
inflow_backfill_dialog_get_message (InflowBackfillDialog *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_DIALOG (self), NULL);

  return self->message;
}

/* The request to AWS Support, subject first; %NULL while a field is wrong. */
const char *
inflow_backfill_dialog_get_request_text (InflowBackfillDialog *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_DIALOG (self), NULL);

  return self->request_text;
}
