/* inflow-backfill-form.c: the fields of a backfill request, checked, and the messages they make
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-aws-connector.h"
#include "inflow-backfill-form.h"
#include "inflow-onboarding-error.h"

/*
 * The model of the Request a Backfill dialog: the seed's AWS Support
 * template, filled in from what the session knows and checked as the admin
 * types. Prefilled from the integration: the management (payer) account of
 * the integration's account, never a member account (AWS Support acts in
 * the payer account); the organization's name from the signed-in profile;
 * the report's name, bucket and kind from what Inflow recorded when it
 * connected the account. The dates follow the backfill rules in Vantage's
 * clock. A field the admin has not touched shows no error while empty.
 */

#define DEFAULT_MONTHS_BACK 12

typedef enum
{
  TEXT_ORGANIZATION,
  TEXT_REQUESTER,
  TEXT_REPORT,
  TEXT_BUCKET,
  TEXT_ACCOUNT,
  TEXT_START,
  TEXT_END,
  N_TEXTS,
} Text;

struct _InflowBackfillForm
{
  GObject                parent_instance;

  InflowSession         *session;
  char                  *integration_token;
  char                  *texts[N_TEXTS];
  gboolean               touched[N_TEXTS];
  InflowCurKind          cur_kind;
  char                  *account_title;
  char                  *integration_account_id;

  gboolean               field_errors[INFLOW_BACKFILL_N_FIELDS];
  InflowBackfillRequest *request;
  char                  *aws_text;
  char                  *vantage_text;
  char                  *message;
  gboolean               message_is_error;
};

G_DEFINE_FINAL_TYPE (InflowBackfillForm, inflow_backfill_form, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANIZATION,
  PROP_REQUESTER_NAME,
  PROP_REPORT_NAME,
  PROP_BUCKET_NAME,
  PROP_ACCOUNT_ID,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_VALID,
  PROP_MESSAGE,
  PROP_MESSAGE_IS_ERROR,
  PROP_FIELD_ERRORS,
  PROP_AWS_TEXT,
  PROP_VANTAGE_TEXT,
  PROP_ACCOUNT_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The text property of each Text, in order. */
#define TEXT_PROP(text) ((guint) PROP_ORGANIZATION + (guint) (text))

static void validate (InflowBackfillForm *self);
static void update_account_title (InflowBackfillForm *self);

static char *
trimmed (InflowBackfillForm *self,
         Text                text)
{
  return g_strstrip (g_strdup (self->texts[text] != NULL ? self->texts[text] : ""));
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

static void
set_text (InflowBackfillForm *self,
          Text                text,
          const char         *value,
          gboolean            touched)
{
  if (touched)
    self->touched[text] = TRUE;

  if (g_strcmp0 (self->texts[text], value) == 0)
    return;

  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[TEXT_PROP (text)]);
  validate (self);
}

/* A field is wrong: it counts once the admin typed in it or it holds text. */
static void
mark (InflowBackfillForm  *self,
      InflowBackfillField  field,
      Text                 text,
      gboolean             wrong)
{
  gboolean shown = self->touched[text] || (self->texts[text] != NULL && *self->texts[text] != '\0');

  self->field_errors[field] = wrong && shown;
}

static void
set_outcome (InflowBackfillForm    *self,
             InflowBackfillRequest *request,
             const char            *message,
             gboolean               is_error)
{
  g_clear_pointer (&self->request, inflow_backfill_request_free);
  g_clear_pointer (&self->aws_text, g_free);
  g_clear_pointer (&self->vantage_text, g_free);
  self->request = request;
  if (request != NULL)
    {
      /* Translators: the subject line of a mail, then its text */
      self->aws_text = g_strdup_printf (_("Subject: %s\n\n%s"), request->aws_subject, request->aws_body);
      self->vantage_text = g_strdup_printf (_("Subject: %s\n\n%s"), request->vantage_subject, request->vantage_body);
    }

  g_free (self->message);
  self->message = g_strdup (message);
  self->message_is_error = is_error;

  for (guint i = PROP_VALID; i < N_PROPS; i++)
    {
      if (i != PROP_ACCOUNT_TITLE)
        g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
    }
}

/* Checks every field and makes the request when all are right; the
 * message is the first problem, or a hint. */
static void
validate (InflowBackfillForm *self)
{
  g_autofree char *organization = trimmed (self, TEXT_ORGANIZATION);
  g_autofree char *requester = trimmed (self, TEXT_REQUESTER);
  g_autofree char *report = trimmed (self, TEXT_REPORT);
  g_autofree char *bucket = trimmed (self, TEXT_BUCKET);
  g_autofree char *account = trimmed (self, TEXT_ACCOUNT);
  g_autofree char *start_text = trimmed (self, TEXT_START);
  g_autofree char *end_text = trimmed (self, TEXT_END);
  g_autoptr(GDateTime) now = inflow_client_get_now (inflow_session_get_client (self->session));
  g_autoptr(GError) error = NULL;
  InflowBackfillInput input = { 0 };
  InflowBackfillRequest *request = NULL;
  gboolean start_ok, end_ok;
  gboolean is_error = TRUE;

  start_ok = parse_date (start_text, &input.start);
  end_ok = parse_date (end_text, &input.end);

  mark (self, INFLOW_BACKFILL_FIELD_ORGANIZATION, TEXT_ORGANIZATION, *organization == '\0');
  mark (self, INFLOW_BACKFILL_FIELD_REPORT, TEXT_REPORT, !inflow_aws_validate_report_name (report, NULL));
  mark (self, INFLOW_BACKFILL_FIELD_BUCKET, TEXT_BUCKET, !inflow_aws_validate_bucket_name (bucket, NULL));
  mark (self, INFLOW_BACKFILL_FIELD_ACCOUNT, TEXT_ACCOUNT, *account != '\0' && !inflow_aws_validate_account_id (account, NULL));
  mark (self, INFLOW_BACKFILL_FIELD_START, TEXT_START, !start_ok);
  mark (self, INFLOW_BACKFILL_FIELD_END, TEXT_END, !end_ok);

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
          mark (self, INFLOW_BACKFILL_FIELD_START, TEXT_START, g_date_compare (&input.start, &today) > 0);
          mark (self, INFLOW_BACKFILL_FIELD_END, TEXT_END, g_date_compare (&input.end, &today) > 0);
        }
      else if (g_error_matches (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_DATE_TOO_OLD))
        {
          mark (self, INFLOW_BACKFILL_FIELD_START, TEXT_START, TRUE);
        }
      else
        {
          mark (self, INFLOW_BACKFILL_FIELD_END, TEXT_END, TRUE);
        }
    }
  else
    {
      input.organization = organization;
      input.requester_name = *requester != '\0' ? requester : NULL;
      input.report_name = report;
      input.cur_kind = self->cur_kind;
      input.bucket_name = bucket;
      input.account_id = *account != '\0' ? account : NULL;

      request = inflow_backfill_request_generate (&input, now, &error);

      /* An empty field nobody touched yet is a hint, not an error. */
      if (request == NULL && g_error_matches (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING) &&
          !self->touched[TEXT_ORGANIZATION] && *organization == '\0')
        is_error = FALSE;
    }

  if (request != NULL)
    set_outcome (self, request, _("Dates are checked against Vantage’s clock: up to 36 months back, and not after today."),
                 FALSE);
  else
    set_outcome (self, NULL, error->message, is_error);
}

static void
inflow_backfill_form_dispose (GObject *object)
{
  InflowBackfillForm *self = INFLOW_BACKFILL_FORM (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_backfill_form_parent_class)->dispose (object);
}

static void
inflow_backfill_form_finalize (GObject *object)
{
  InflowBackfillForm *self = INFLOW_BACKFILL_FORM (object);

  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  g_free (self->integration_token);
  g_free (self->account_title);
  g_free (self->integration_account_id);
  g_clear_pointer (&self->request, inflow_backfill_request_free);
  g_free (self->aws_text);
  g_free (self->vantage_text);
  g_free (self->message);

  G_OBJECT_CLASS (inflow_backfill_form_parent_class)->finalize (object);
}

static void
inflow_backfill_form_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowBackfillForm *self = INFLOW_BACKFILL_FORM (object);

  if (prop_id >= PROP_ORGANIZATION && prop_id < PROP_ORGANIZATION + N_TEXTS)
    {
      const char *text = self->texts[prop_id - PROP_ORGANIZATION];

      /* Never NULL: the fields are bound to entries. */
      g_value_set_string (value, text != NULL ? text : "");
      return;
    }

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->request != NULL);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_MESSAGE_IS_ERROR:
      g_value_set_boolean (value, self->message_is_error);
      break;

    case PROP_FIELD_ERRORS:
      {
        guint flags = 0;

        for (guint i = 0; i < INFLOW_BACKFILL_N_FIELDS; i++)
          flags |= self->field_errors[i] ? 1u << i : 0;
        g_value_set_uint (value, flags);
      }
      break;

    case PROP_AWS_TEXT:
      g_value_set_string (value, self->aws_text);
      break;

    case PROP_VANTAGE_TEXT:
      g_value_set_string (value, self->vantage_text);
      break;

    case PROP_ACCOUNT_TITLE:
      g_value_set_string (value, self->account_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_backfill_form_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  InflowBackfillForm *self = INFLOW_BACKFILL_FORM (object);

  if (prop_id >= PROP_ORGANIZATION && prop_id < PROP_ORGANIZATION + N_TEXTS)
    set_text (self, prop_id - PROP_ORGANIZATION, g_value_get_string (value), TRUE);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
inflow_backfill_form_class_init (InflowBackfillFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_backfill_form_dispose;
  object_class->finalize = inflow_backfill_form_finalize;
  object_class->get_property = inflow_backfill_form_get_property;
  object_class->set_property = inflow_backfill_form_set_property;

  /* The fields, as the admin types them (setting one marks it touched) */
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, rw);
  properties[PROP_REQUESTER_NAME] = g_param_spec_string ("requester-name", NULL, NULL, NULL, rw);
  properties[PROP_REPORT_NAME] = g_param_spec_string ("report-name", NULL, NULL, NULL, rw);
  properties[PROP_BUCKET_NAME] = g_param_spec_string ("bucket-name", NULL, NULL, NULL, rw);
  properties[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, rw);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, rw);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, rw);

  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE, ro);
  /**
   * InflowBackfillForm:message:
   *
   * The first problem, or a hint when there is none.
   */
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_MESSAGE_IS_ERROR] = g_param_spec_boolean ("message-is-error", NULL, NULL, FALSE, ro);
  /**
   * InflowBackfillForm:field-errors:
   *
   * A bit per #InflowBackfillField that shows as wrong.
   */
  properties[PROP_FIELD_ERRORS] = g_param_spec_uint ("field-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * InflowBackfillForm:aws-text:
   *
   * The request to AWS Support, subject first; %NULL while a field is wrong.
   */
  properties[PROP_AWS_TEXT] = g_param_spec_string ("aws-text", NULL, NULL, NULL, ro);
  properties[PROP_VANTAGE_TEXT] = g_param_spec_string ("vantage-text", NULL, NULL, NULL, ro);
  /**
   * InflowBackfillForm:account-title:
   *
   * The integration's account in words, for the dialog's subtitle.
   */
  properties[PROP_ACCOUNT_TITLE] = g_param_spec_string ("account-title", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_backfill_form_init (InflowBackfillForm *self)
{
}

/**
 * inflow_backfill_form_new:
 * @integration_token: (nullable): the AWS integration whose report is
 *   backfilled
 *
 * Returns: (transfer full): an empty form; inflow_backfill_form_prefill_async()
 *   fills in what the session knows
 */
InflowBackfillForm *
inflow_backfill_form_new (InflowSession *session,
                          const char    *integration_token)
{
  InflowBackfillForm *self;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  self = g_object_new (INFLOW_TYPE_BACKFILL_FORM, NULL);
  self->session = g_object_ref (session);
  self->integration_token = g_strdup (integration_token);
  g_signal_connect_object (inflow_session_get_account_directory (session), "changed",
                           G_CALLBACK (update_account_title), self, G_CONNECT_SWAPPED);
  validate (self);

  return self;
}

/* The payer account AWS Support acts in: the integration's account when it
 * is a management account or stands alone, its management account when it
 * is a member. */
static char *
dup_management_account_of (InflowBackfillForm *self,
                           const char         *account_id)
{
  GListModel *accounts = inflow_session_get_cloud_accounts (self->session);

  /* The session's list rather than its directory, which catches up with
   * the list in an idle. */
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);
      const char *management = inflow_cloud_account_get_management_account_id (account);

      if (g_strcmp0 (inflow_cloud_account_get_account_id (account), account_id) == 0 && management != NULL)
        return g_strdup (management);
    }

  return g_strdup (account_id);
}

/* The integration's account by name, which the directory may learn later. */
static void
update_account_title (InflowBackfillForm *self)
{
  if (inflow_aws_update_account_label (self->session, self->integration_account_id, &self->account_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_TITLE]);
}

static void
prefill_from_session (InflowBackfillForm *self)
{
  GListModel *integrations = inflow_session_get_integrations (self->session);
  InflowProfile *profile = inflow_session_get_profile (self->session);
  g_autoptr(GDateTime) now = inflow_client_get_now (inflow_session_get_client (self->session));
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  GDate start, end;

  if (profile != NULL && inflow_profile_get_name (profile) != NULL)
    set_text (self, TEXT_ORGANIZATION, inflow_profile_get_name (profile), FALSE);

  for (guint i = 0; self->integration_token != NULL && i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);
      g_autofree char *management = NULL;

      if (g_strcmp0 (inflow_integration_get_token (integration), self->integration_token) != 0 ||
          account_id == NULL || !inflow_aws_validate_account_id (account_id, NULL))
        continue;

      management = dup_management_account_of (self, account_id);
      set_text (self, TEXT_ACCOUNT, management, FALSE);

      g_free (self->integration_account_id);
      self->integration_account_id = g_strdup (account_id);
      update_account_title (self);
    }

  /* The twelve whole months before this one: the first report has this month. */
  g_date_set_dmy (&start, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  end = start;
  g_date_subtract_days (&end, 1);
  g_date_subtract_months (&start, DEFAULT_MONTHS_BACK);
  start_text = format_date (&start);
  end_text = format_date (&end);
  set_text (self, TEXT_START, start_text, FALSE);
  set_text (self, TEXT_END, end_text, FALSE);
}

static void
record_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowBackfillForm *self = g_task_get_source_object (task);
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = inflow_aws_connector_load_record_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("No record to prefill the backfill from: %s", error->message);

  /* What Inflow created the report with, unless typed over already. */
  if (record != NULL && record->choices->bucket_name != NULL)
    {
      self->cur_kind = record->choices->cur_kind;
      if (!self->touched[TEXT_BUCKET] && (self->texts[TEXT_BUCKET] == NULL || *self->texts[TEXT_BUCKET] == '\0'))
        set_text (self, TEXT_BUCKET, record->choices->bucket_name, FALSE);
      if (!self->touched[TEXT_REPORT] && (self->texts[TEXT_REPORT] == NULL || *self->texts[TEXT_REPORT] == '\0'))
        set_text (self, TEXT_REPORT, record->choices->report_name, FALSE);
      validate (self);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_backfill_form_prefill_async:
 *
 * Fills in the organization, the management account, the default period
 * (the twelve whole months before this one) at once, and the report's name
 * and bucket from the connection record when Inflow made the report.
 */
void
inflow_backfill_form_prefill_async (InflowBackfillForm  *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (INFLOW_IS_BACKFILL_FORM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_backfill_form_prefill_async);

  prefill_from_session (self);
  if (self->integration_token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  inflow_aws_connector_load_record_async (inflow_session_get_aws_connector (self->session), self->integration_token,
                                          cancellable, record_loaded_cb, task);
}

gboolean
inflow_backfill_form_prefill_finish (InflowBackfillForm  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
inflow_backfill_form_get_valid (InflowBackfillForm *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), FALSE);

  return self->request != NULL;
}

const char *
inflow_backfill_form_get_message (InflowBackfillForm *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), NULL);

  return self->message;
}

gboolean
inflow_backfill_form_get_message_is_error (InflowBackfillForm *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), FALSE);

  return self->message_is_error;
}

gboolean
inflow_backfill_form_get_field_error (InflowBackfillForm  *self,
                                      InflowBackfillField  field)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), FALSE);
  g_return_val_if_fail (field < INFLOW_BACKFILL_N_FIELDS, FALSE);

  return self->field_errors[field];
}

const char *
inflow_backfill_form_get_aws_text (InflowBackfillForm *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), NULL);

  return self->aws_text;
}

const char *
inflow_backfill_form_get_vantage_text (InflowBackfillForm *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), NULL);

  return self->vantage_text;
}

const char *
inflow_backfill_form_get_vantage_mailto (InflowBackfillForm *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), NULL);

  return self->request != NULL ? self->request->vantage_mailto : NULL;
}

const char *
inflow_backfill_form_get_account_title (InflowBackfillForm *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKFILL_FORM (self), NULL);

  return self->account_title;
}
