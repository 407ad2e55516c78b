/* inflow-connect-form.c: what the Connect AWS assistant asks, checked, and the connection it makes
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-api-error.h"
#include "inflow-aws-arn.h"
#include "inflow-aws-connector.h"
#include "inflow-aws-documents.h"
#include "inflow-connect-form.h"
#include "inflow-onboarding-error.h"
#include "inflow-policy-summary.h"
#include "inflow-smart-paste.h"

/*
 * The model of the Connect AWS assistant: the account (management or
 * member; a GovCloud (US) account is pointed to the standard account it is
 * paired with, since no role in GovCloud can trust Vantage), the names and
 * the report, Vantage's provider info, the role ARN, and the connection.
 * Every field is a property; whatever depends on them (the checks and
 * their messages, the words on what the role allows) is recomputed on each
 * change and notified. Nothing here touches a widget.
 */

struct _InflowConnectForm
{
  GObject               parent_instance;

  InflowSession        *session;
  GCancellable         *cancellable;

  /* What the admin chose */
  InflowConnectAccount  account;
  gboolean              govcloud;
  char                 *govcloud_account_id;
  char                 *paired_govcloud_account_id;
  char                 *bucket_name;
  char                 *bucket_region;
  char                 *report_name;
  gboolean              hourly;
  gboolean              cur2;
  gboolean              existing_bucket;
  char                 *stack_name;
  char                 *role_name;
  char                 *account_id;
  gboolean              autopilot;
  char                 *arn;
  char                 *bucket_arn;
  gboolean              bucket_arn_edited;

  /* What follows from it */
  InflowConnectInfoState info_state;
  gboolean              loading_info;
  InflowOnboardingInfo *info;
  char                 *info_error;
  gboolean              field_errors[INFLOW_CONNECT_N_FIELDS];
  gboolean              details_valid;
  char                 *details_message;
  gboolean              details_message_is_error;
  gboolean              member_first;
  gboolean              arn_valid;
  char                 *arn_message;
  gboolean              arn_message_is_error;
  gboolean              bucket_arn_valid;
  char                 *bucket_arn_message;
  gboolean              bucket_arn_message_is_error;
  char                 *security_words;
  char                 *autopilot_words;
  gboolean              connecting;
  char                 *progress;
  char                 *api_error;
};

G_DEFINE_FINAL_TYPE (InflowConnectForm, inflow_connect_form, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowConnectAccount, inflow_connect_account,
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECT_ACCOUNT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECT_ACCOUNT_MANAGEMENT, "management"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECT_ACCOUNT_MEMBER, "member"))

G_DEFINE_ENUM_TYPE (InflowConnectInfoState, inflow_connect_info_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECT_INFO_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECT_INFO_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CONNECT_INFO_READY, "ready"))

enum {
  PROP_0,
  /* read-write: the fields */
  PROP_ACCOUNT,
  PROP_GOVCLOUD,
  PROP_GOVCLOUD_ACCOUNT_ID,
  PROP_BUCKET_NAME,
  PROP_BUCKET_REGION,
  PROP_REPORT_NAME,
  PROP_HOURLY,
  PROP_CUR2,
  PROP_EXISTING_BUCKET,
  PROP_STACK_NAME,
  PROP_ROLE_NAME,
  PROP_ACCOUNT_ID,
  PROP_AUTOPILOT,
  PROP_ARN,
  PROP_BUCKET_ARN,
  /* read-only: what follows */
  PROP_INFO_STATE,
  PROP_INFO_ERROR,
  PROP_CREATES_CUR,
  PROP_PAIRED_NOTE,
  PROP_CUR_WARNING,
  PROP_MEMBER_FIRST,
  PROP_DETAILS_VALID,
  PROP_DETAILS_MESSAGE,
  PROP_DETAILS_MESSAGE_IS_ERROR,
  PROP_FIELD_ERRORS,
  PROP_SECURITY_WORDS,
  PROP_AUTOPILOT_WORDS,
  PROP_ARN_VALID,
  PROP_ARN_MESSAGE,
  PROP_ARN_MESSAGE_IS_ERROR,
  PROP_BUCKET_ARN_VALID,
  PROP_BUCKET_ARN_MESSAGE,
  PROP_BUCKET_ARN_MESSAGE_IS_ERROR,
  PROP_CONNECTING,
  PROP_PROGRESS,
  PROP_API_ERROR,
  PROP_CAN_CONNECT,
  N_PROPS
};

#define FIRST_DERIVED PROP_INFO_STATE

static GParamSpec *properties[N_PROPS];

/* The string fields, by property. */
static char **
string_field (InflowConnectForm *self,
              guint              prop_id)
{
  switch (prop_id)
    {
    case PROP_GOVCLOUD_ACCOUNT_ID: return &self->govcloud_account_id;
    case PROP_BUCKET_NAME:         return &self->bucket_name;
    case PROP_BUCKET_REGION:       return &self->bucket_region;
    case PROP_REPORT_NAME:         return &self->report_name;
    case PROP_STACK_NAME:          return &self->stack_name;
    case PROP_ROLE_NAME:           return &self->role_name;
    case PROP_ACCOUNT_ID:          return &self->account_id;
    case PROP_ARN:                 return &self->arn;
    case PROP_BUCKET_ARN:          return &self->bucket_arn;
    default:                       return NULL;
    }
}

/* The boolean fields, by property. */
static gboolean *
boolean_field (InflowConnectForm *self,
               guint              prop_id)
{
  switch (prop_id)
    {
    case PROP_GOVCLOUD:        return &self->govcloud;
    case PROP_HOURLY:          return &self->hourly;
    case PROP_CUR2:            return &self->cur2;
    case PROP_EXISTING_BUCKET: return &self->existing_bucket;
    case PROP_AUTOPILOT:       return &self->autopilot;
    default:                   return NULL;
    }
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
set_words (char       **field,
           const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* ---- the choices -------------------------------------------------------- */

/**
 * inflow_connect_form_dup_choices:
 *
 * Returns: (transfer full): what the fields say now
 */
InflowOnboardingChoices *
inflow_connect_form_dup_choices (InflowConnectForm *self)
{
  InflowOnboardingChoices *choices;
  g_autofree char *account_id = NULL;

  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), NULL);

  choices = inflow_onboarding_choices_new (self->account == INFLOW_CONNECT_ACCOUNT_MEMBER ? INFLOW_ACCOUNT_KIND_MEMBER
                                                                                        : INFLOW_ACCOUNT_KIND_MANAGEMENT,
                                           self->govcloud ? INFLOW_AWS_PARTITION_AWS_US_GOV : INFLOW_AWS_PARTITION_AWS);
  account_id = trimmed (self->account_id);
  if (*account_id != '\0')
    choices->account_id = g_steal_pointer (&account_id);
  g_free (choices->stack_name);
  choices->stack_name = trimmed (self->stack_name);
  g_free (choices->role_name);
  choices->role_name = trimmed (self->role_name);
  choices->enable_autopilot = self->autopilot;
  choices->paired_govcloud_account_id = g_strdup (self->paired_govcloud_account_id);

  if (inflow_onboarding_choices_creates_cur (choices))
    {
      choices->bucket_name = trimmed (self->bucket_name);
      choices->bucket_region = g_strdup (self->bucket_region);
      g_free (choices->report_name);
      choices->report_name = trimmed (self->report_name);
      choices->time_unit = self->hourly ? INFLOW_CUR_TIME_UNIT_HOURLY : INFLOW_CUR_TIME_UNIT_DAILY;
      choices->cur_kind = self->cur2 ? INFLOW_CUR_KIND_CUR2 : INFLOW_CUR_KIND_LEGACY;
      choices->existing_bucket = self->existing_bucket;
    }

  return choices;
}

/* ---- the checks --------------------------------------------------------- */

static void
check_field (InflowConnectForm   *self,
             InflowConnectField   field,
             gboolean             valid,
             GError             **first_error,
             GError             **error)
{
  self->field_errors[field] = !valid;
  if (!valid && *first_error == NULL)
    *first_error = g_steal_pointer (error);
  g_clear_error (error);
}

static void
validate_details (InflowConnectForm       *self,
                  InflowOnboardingChoices *choices)
{
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  memset (self->field_errors, 0, sizeof self->field_errors);

  if (inflow_onboarding_choices_creates_cur (choices))
    {
      ok = inflow_aws_validate_bucket_name (choices->bucket_name, &error);
      check_field (self, INFLOW_CONNECT_FIELD_BUCKET, ok, &first_error, &error);
      ok = inflow_aws_validate_report_name (choices->report_name, &error);
      check_field (self, INFLOW_CONNECT_FIELD_REPORT, ok, &first_error, &error);
    }
  ok = inflow_aws_validate_stack_name (choices->stack_name, &error);
  check_field (self, INFLOW_CONNECT_FIELD_STACK, ok, &first_error, &error);
  ok = inflow_aws_validate_role_name (choices->role_name, &error);
  check_field (self, INFLOW_CONNECT_FIELD_ROLE, ok, &first_error, &error);
  ok = choices->account_id == NULL || inflow_aws_validate_account_id (choices->account_id, &error);
  check_field (self, INFLOW_CONNECT_FIELD_ACCOUNT, ok, &first_error, &error);

  /* What no field shows: the account kind, no role in GovCloud */
  if (first_error == NULL && self->account == INFLOW_CONNECT_ACCOUNT_NONE)
    first_error = g_error_new_literal (INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                                       _("Choose the kind of account on the Account step."));
  else if (first_error == NULL)
    inflow_onboarding_choices_validate (choices, &first_error);

  self->details_valid = first_error == NULL;
  self->details_message_is_error = first_error != NULL;
  set_words (&self->details_message,
             first_error != NULL ? first_error->message
                                 : _("With the account ID, the generated script refuses to run with credentials of another account."));
}

static void
validate_bucket_arn (InflowConnectForm       *self,
                     InflowOnboardingChoices *choices)
{
  g_autofree char *text = trimmed (self->bucket_arn);
  g_autofree char *bucket = NULL;
  g_autoptr(GError) error = NULL;
  InflowAwsPartition partition;

  self->bucket_arn_valid = TRUE;
  self->bucket_arn_message_is_error = FALSE;

  /* A member account has no bucket, and no caption about one. */
  if (!inflow_onboarding_choices_creates_cur (choices))
    {
      set_words (&self->bucket_arn_message, NULL);
      return;
    }

  if (*text != '\0' && !inflow_bucket_arn_parse (text, &partition, &bucket, &error))
    self->bucket_arn_valid = FALSE;
  else if (*text != '\0' && partition != choices->partition)
    {
      self->bucket_arn_valid = FALSE;
      g_set_error (&error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH,
                   _("This bucket is in the %s partition, and the role in %s."),
                   inflow_aws_partition_to_string (partition), inflow_aws_partition_to_string (choices->partition));
    }

  self->bucket_arn_message_is_error = !self->bucket_arn_valid;
  set_words (&self->bucket_arn_message,
             error != NULL ? error->message
                           : _("The bucket the report is delivered to, so that Vantage can read it."));
}

static void
validate_arn (InflowConnectForm       *self,
              InflowOnboardingChoices *choices)
{
  g_autofree char *text = trimmed (self->arn);
  g_autoptr(InflowRoleArn) arn = NULL;
  g_autoptr(InflowIntegration) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->arn_valid = FALSE;
  self->arn_message_is_error = TRUE;

  if (*text == '\0')
    {
      self->arn_message_is_error = FALSE;
      set_words (&self->arn_message, _("For example arn:aws:iam::123456789012:role/vantage_cross_account_connection"));
      return;
    }

  arn = inflow_role_arn_parse (text, &error);
  if (arn == NULL)
    {
      set_words (&self->arn_message, error->message);
      return;
    }

  if (arn->partition != INFLOW_AWS_PARTITION_AWS)
    {
      message = g_strdup_printf (_("This role is in the %s partition. Vantage connects roles in standard (aws) accounts only; a GovCloud (US) account’s costs come through the standard account it is paired with."),
                                 inflow_aws_partition_to_string (arn->partition));
      set_words (&self->arn_message, message);
      return;
    }

  existing = inflow_aws_find_integration (inflow_session_get_integrations (self->session), arn->account_id);
  if (existing != NULL)
    {
      message = g_strdup_printf (_("Account %s is already connected to Vantage, and Vantage accepts one AWS integration per account. To refresh its role, use Update Permissions on that integration."),
                                 arn->account_id);
      set_words (&self->arn_message, message);
      return;
    }

  self->arn_valid = TRUE;
  self->arn_message_is_error = FALSE;
  if (choices->account_id != NULL && g_strcmp0 (choices->account_id, arn->account_id) != 0)
    /* Translators: %1$s is a role name, %2$s and %3$s are 12-digit account IDs */
    message = g_strdup_printf (_("Role %1$s in account %2$s, not in account %3$s entered on the Details step."),
                               arn->name, arn->account_id, choices->account_id);
  else
    /* Translators: %1$s is a role name, %2$s a 12-digit account ID */
    message = g_strdup_printf (_("Role %1$s in account %2$s."), arn->name, arn->account_id);
  set_words (&self->arn_message, message);
}

/* What the role allows, from the policies Vantage sends: Step 1 and the
 * Autopilot switch say exactly this. */
static void
describe_permissions (InflowConnectForm       *self,
                      InflowOnboardingChoices *choices)
{
  g_autoptr(InflowOnboardingChoices) without = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(InflowPolicySummary) autopilot = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *autopilot_sentence = NULL;

  if (self->info == NULL)
    {
      set_words (&self->security_words, self->info_state == INFLOW_CONNECT_INFO_LOADING
                                          ? _("Inflow is reading the policies Vantage asks for…")
                                          : _("The policies Vantage asks for could not be read; they are shown before you create anything."));
      set_words (&self->autopilot_words, NULL);
      return;
    }

  /* Without Autopilot: what every role gets */
  without = inflow_onboarding_choices_copy (choices);
  without->enable_autopilot = FALSE;
  without->partition = INFLOW_AWS_PARTITION_AWS;
  summaries = inflow_role_policy_summaries_new (self->info, without, NULL);
  lines = summaries != NULL ? inflow_role_permissions_describe (summaries) : NULL;

  autopilot = inflow_autopilot_summary_new (self->info);
  if (autopilot != NULL)
    {
      g_autofree char *sentence = inflow_policy_summary_describe (autopilot);

      /* Translators: %1$s is a policy name, %2$s what it allows */
      autopilot_sentence = g_strdup_printf (_("Allowing Autopilot adds the policy %1$s. %2$s"), autopilot->name, sentence);
      set_words (&self->autopilot_words, autopilot_sentence);
    }
  else
    {
      set_words (&self->autopilot_words, _("Vantage sends no Autopilot policy for this account: allowing it changes nothing."));
    }

  g_free (self->security_words);
  self->security_words = g_strdup_printf ("%s%s%s", lines != NULL ? lines : "",
                                          autopilot_sentence != NULL ? "\n\n" : "",
                                          autopilot_sentence != NULL ? autopilot_sentence : "");
}

/* Everything that follows from the fields, recomputed and notified. */
static void
update (InflowConnectForm *self)
{
  g_autoptr(InflowOnboardingChoices) choices = inflow_connect_form_dup_choices (self);

  self->member_first = self->account == INFLOW_CONNECT_ACCOUNT_MEMBER &&
                       !inflow_aws_management_is_connected (inflow_session_get_integrations (self->session),
                                                            inflow_session_get_cloud_accounts (self->session));
  validate_details (self, choices);
  validate_bucket_arn (self, choices);
  validate_arn (self, choices);
  describe_permissions (self, choices);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = FIRST_DERIVED; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- the provider info -------------------------------------------------- */

static void
info_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(InflowConnectForm) self = user_data;
  g_autoptr(GError) error = NULL;
  InflowOnboardingInfo *info;

  info = inflow_aws_connector_load_info_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_info = FALSE;
  g_clear_pointer (&self->info_error, g_free);
  if (info == NULL)
    {
      g_debug ("Could not load the AWS provider info: %s", error->message);
      self->info_error = g_strdup (error->message);
      self->info_state = INFLOW_CONNECT_INFO_ERROR;
    }
  else
    {
      self->info = info;
      self->info_state = INFLOW_CONNECT_INFO_READY;
    }

  update (self);
}

/* Loads Vantage's provider info unless it is loaded or loading. */
void
inflow_connect_form_load_info (InflowConnectForm *self)
{
  g_return_if_fail (INFLOW_IS_CONNECT_FORM (self));

  if (self->info != NULL || self->loading_info)
    return;

  self->loading_info = TRUE;
  self->info_state = INFLOW_CONNECT_INFO_LOADING;
  g_clear_pointer (&self->info_error, g_free);
  update (self);
  inflow_aws_connector_load_info_async (inflow_session_get_aws_connector (self->session), self->cancellable,
                                        info_loaded_cb, g_object_ref (self));
}

/* ---- the role ARN ------------------------------------------------------- */

/* The bucket ARN follows the bucket name until it is typed over. */
void
inflow_connect_form_prefill_bucket_arn (InflowConnectForm *self)
{
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autofree char *arn = NULL;

  g_return_if_fail (INFLOW_IS_CONNECT_FORM (self));

  choices = inflow_connect_form_dup_choices (self);
  if (self->bucket_arn_edited || !inflow_onboarding_choices_creates_cur (choices) ||
      !inflow_aws_validate_bucket_name (choices->bucket_name, NULL))
    return;

  arn = inflow_bucket_arn_build (choices->partition, choices->bucket_name);
  if (g_strcmp0 (arn, self->bucket_arn) == 0)
    return;

  g_free (self->bucket_arn);
  self->bucket_arn = g_steal_pointer (&arn);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUCKET_ARN]);
  update (self);
}

static const char *
describe_paste_source (InflowPasteSource source)
{
  switch (source)
    {
    case INFLOW_PASTE_SOURCE_TRUST_POLICY:
      return _("Found the role ARN in the pasted policy.");
    case INFLOW_PASTE_SOURCE_ROLE_JSON:
      return _("Found the role ARN in the pasted “aws iam get-role” output.");
    case INFLOW_PASTE_SOURCE_STACK_OUTPUTS:
      return _("Found the role ARN in the pasted stack outputs.");
    case INFLOW_PASTE_SOURCE_CONSOLE_URL:
      return _("Found the role ARN in the pasted IAM console link.");
    case INFLOW_PASTE_SOURCE_JSON:
      return _("Found the role ARN in the pasted JSON.");
    case INFLOW_PASTE_SOURCE_TEXT:
    default:
      return NULL;
    }
}

/**
 * inflow_connect_form_read_paste:
 * @text: (nullable): what was pasted
 *
 * Finds the role ARN in @text (a policy, stack outputs, get-role output, a
 * console link) and puts it in the ARN field; the message says where it
 * was found, or why nothing was taken, and the field keeps what it had.
 *
 * Returns: whether an ARN was taken
 */
gboolean
inflow_connect_form_read_paste (InflowConnectForm *self,
                                const char        *text)
{
  g_autoptr(InflowPasteResult) pasted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = NULL;
  g_autofree char *hint = NULL;
  const char *found;

  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), FALSE);

  if (text == NULL || *text == '\0')
    {
      set_words (&self->arn_message, _("The clipboard holds no text."));
      self->arn_message_is_error = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARN_MESSAGE]);
      return FALSE;
    }

  hint = trimmed (self->account_id);
  pasted = inflow_smart_paste_role_arn (text, self->info != NULL ? self->info->vantage_role_arn : NULL,
                                        *hint != '\0' ? hint : NULL, &error);
  if (pasted == NULL)
    {
      set_words (&self->arn_message, error->message);
      self->arn_message_is_error = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARN_MESSAGE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARN_MESSAGE_IS_ERROR]);
      return FALSE;
    }

  g_object_set (self, "arn", pasted->role_arn, NULL);
  if (!self->arn_valid)
    return TRUE;  /* the check said why */

  message = g_string_new (NULL);
  found = describe_paste_source (pasted->source);
  if (found != NULL)
    g_string_append (message, found);
  if (pasted->explanation != NULL)
    g_string_append_printf (message, "%s%s", message->len > 0 ? " " : "", pasted->explanation);
  if (message->len > 0)
    {
      set_words (&self->arn_message, message->str);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARN_MESSAGE]);
    }

  return TRUE;
}

/* ---- GovCloud ----------------------------------------------------------- */

/**
 * inflow_connect_form_choose_paired_standard:
 *
 * Turns a GovCloud (US) account into the standard account it is paired
 * with: that one is connected, and its material says why (the GovCloud
 * account ID, when given, is kept for that note).
 */
void
inflow_connect_form_choose_paired_standard (InflowConnectForm *self)
{
  g_autofree char *govcloud_id = NULL;

  g_return_if_fail (INFLOW_IS_CONNECT_FORM (self));

  govcloud_id = trimmed (self->govcloud_account_id);
  g_free (self->paired_govcloud_account_id);
  self->paired_govcloud_account_id = inflow_aws_validate_account_id (govcloud_id, NULL) ? g_steal_pointer (&govcloud_id)
                                                                                        : NULL;
  self->govcloud = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOVCLOUD]);
  update (self);
}

/* ---- connecting --------------------------------------------------------- */

static void
stage_changed_cb (InflowConnectForm *self)
{
  const char *text = NULL;

  switch (inflow_aws_connector_get_stage (inflow_session_get_aws_connector (self->session)))
    {
    case INFLOW_AWS_CONNECT_STAGE_REGISTERING:
      text = _("Registering the role with Vantage…");
      break;
    case INFLOW_AWS_CONNECT_STAGE_FINDING:
      text = _("Vantage accepted the role. Waiting for the new integration to be listed…");
      break;
    case INFLOW_AWS_CONNECT_STAGE_RECORDING:
      text = _("Recording the permissions for later updates…");
      break;
    case INFLOW_AWS_CONNECT_STAGE_IDLE:
    case INFLOW_AWS_CONNECT_STAGE_DONE:
    default:
      return;
    }

  set_words (&self->progress, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowConnectForm *self = g_task_get_source_object (task);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  integration = inflow_aws_connector_connect_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  self->connecting = FALSE;

  if (integration == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED))
    {
      g_debug ("Connecting failed: %s", error->message);

      /* Vantage refused this role: say so under the field that holds it;
       * anything else is the API's trouble, said apart. */
      if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION) ||
          error->domain == INFLOW_ONBOARDING_ERROR)
        {
          /* The ARN stays: Connect may be tried again as it is. */
          update (self);
          set_words (&self->arn_message, error->message);
          self->arn_message_is_error = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARN_MESSAGE]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARN_MESSAGE_IS_ERROR]);
        }
      else
        {
          set_words (&self->api_error, error->message);
          update (self);
        }
    }
  else
    {
      update (self);
    }

  if (integration == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&integration), g_object_unref);
}

void
inflow_connect_form_connect_async (InflowConnectForm   *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autofree char *role_arn = NULL;
  g_autofree char *bucket_arn = NULL;

  g_return_if_fail (INFLOW_IS_CONNECT_FORM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_connect_form_connect_async);

  if (!inflow_connect_form_get_can_connect (self))
    {
      g_task_return_new_error (task, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                               "%s", self->arn_message != NULL ? self->arn_message : _("The role cannot be connected yet."));
      return;
    }

  choices = inflow_connect_form_dup_choices (self);
  role_arn = trimmed (self->arn);
  bucket_arn = trimmed (self->bucket_arn);
  if (!inflow_onboarding_choices_creates_cur (choices) || *bucket_arn == '\0')
    g_clear_pointer (&bucket_arn, g_free);

  self->connecting = TRUE;
  set_words (&self->api_error, NULL);
  set_words (&self->progress, _("Registering the role with Vantage…"));
  update (self);

  inflow_aws_connector_connect_async (inflow_session_get_aws_connector (self->session), role_arn, bucket_arn,
                                      self->info, choices, cancellable, connected_cb, g_steal_pointer (&task));
}

/**
 * inflow_connect_form_connect_finish:
 *
 * Returns: (transfer full): the new integration, already in the session's
 *   list; %INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED when Vantage accepted the
 *   role but did not list it in time
 */
InflowIntegration *
inflow_connect_form_connect_finish (InflowConnectForm  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the object --------------------------------------------------------- */

static void
inflow_connect_form_dispose (GObject *object)
{
  InflowConnectForm *self = INFLOW_CONNECT_FORM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_connect_form_parent_class)->dispose (object);
}

static void
inflow_connect_form_finalize (GObject *object)
{
  InflowConnectForm *self = INFLOW_CONNECT_FORM (object);

  for (guint i = PROP_ACCOUNT; i < FIRST_DERIVED; i++)
    {
      char **field = string_field (self, i);

      if (field != NULL)
        g_free (*field);
    }
  g_free (self->paired_govcloud_account_id);
  g_clear_pointer (&self->info, inflow_onboarding_info_free);
  g_free (self->info_error);
  g_free (self->details_message);
  g_free (self->arn_message);
  g_free (self->bucket_arn_message);
  g_free (self->security_words);
  g_free (self->autopilot_words);
  g_free (self->progress);
  g_free (self->api_error);

  G_OBJECT_CLASS (inflow_connect_form_parent_class)->finalize (object);
}

static void
inflow_connect_form_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowConnectForm *self = INFLOW_CONNECT_FORM (object);
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  char **text = string_field (self, prop_id);
  gboolean *flag = boolean_field (self, prop_id);

  if (text != NULL)
    {
      /* Never NULL: the fields are bound to entries. */
      g_value_set_string (value, *text != NULL ? *text : "");
      return;
    }
  if (flag != NULL)
    {
      g_value_set_boolean (value, *flag);
      return;
    }

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_enum (value, self->account);
      break;
    case PROP_INFO_STATE:
      g_value_set_enum (value, self->info_state);
      break;
    case PROP_INFO_ERROR:
      g_value_set_string (value, self->info_error);
      break;
    case PROP_CREATES_CUR:
      choices = inflow_connect_form_dup_choices (self);
      g_value_set_boolean (value, inflow_onboarding_choices_creates_cur (choices));
      break;
    case PROP_PAIRED_NOTE:
      choices = inflow_connect_form_dup_choices (self);
      g_value_take_string (value, inflow_onboarding_choices_dup_cur_note (choices));
      break;
    case PROP_CUR_WARNING:
      choices = inflow_connect_form_dup_choices (self);
      g_value_set_string (value, inflow_onboarding_choices_get_cur_warning (choices));
      break;
    case PROP_MEMBER_FIRST:
      g_value_set_boolean (value, self->member_first);
      break;
    case PROP_DETAILS_VALID:
      g_value_set_boolean (value, self->details_valid);
      break;
    case PROP_DETAILS_MESSAGE:
      g_value_set_string (value, self->details_message);
      break;
    case PROP_DETAILS_MESSAGE_IS_ERROR:
      g_value_set_boolean (value, self->details_message_is_error);
      break;
    case PROP_FIELD_ERRORS:
      {
        guint flags = 0;

        for (guint i = 0; i < INFLOW_CONNECT_N_FIELDS; i++)
          flags |= self->field_errors[i] ? 1u << i : 0;
        g_value_set_uint (value, flags);
      }
      break;
    case PROP_SECURITY_WORDS:
      g_value_set_string (value, self->security_words);
      break;
    case PROP_AUTOPILOT_WORDS:
      g_value_set_string (value, self->autopilot_words);
      break;
    case PROP_ARN_VALID:
      g_value_set_boolean (value, self->arn_valid);
      break;
    case PROP_ARN_MESSAGE:
      g_value_set_string (value, self->arn_message);
      break;
    case PROP_ARN_MESSAGE_IS_ERROR:
      g_value_set_boolean (value, self->arn_message_is_error);
      break;
    case PROP_BUCKET_ARN_VALID:
      g_value_set_boolean (value, self->bucket_arn_valid);
      break;
    case PROP_BUCKET_ARN_MESSAGE:
      g_value_set_string (value, self->bucket_arn_message);
      break;
    case PROP_BUCKET_ARN_MESSAGE_IS_ERROR:
      g_value_set_boolean (value, self->bucket_arn_message_is_error);
      break;
    case PROP_CONNECTING:
      g_value_set_boolean (value, self->connecting);
      break;
    case PROP_PROGRESS:
      g_value_set_string (value, self->connecting ? self->progress : NULL);
      break;
    case PROP_API_ERROR:
      g_value_set_string (value, self->api_error);
      break;
    case PROP_CAN_CONNECT:
      g_value_set_boolean (value, inflow_connect_form_get_can_connect (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_form_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  InflowConnectForm *self = INFLOW_CONNECT_FORM (object);
  char **text = string_field (self, prop_id);
  gboolean *flag = boolean_field (self, prop_id);

  if (text != NULL)
    {
      if (g_strcmp0 (*text, g_value_get_string (value)) == 0)
        return;
      g_free (*text);
      *text = g_value_dup_string (value);
      if (prop_id == PROP_BUCKET_ARN)
        self->bucket_arn_edited = TRUE;
      if (prop_id == PROP_ARN || prop_id == PROP_BUCKET_ARN)
        set_words (&self->api_error, NULL);
    }
  else if (flag != NULL)
    {
      if (*flag == g_value_get_boolean (value))
        return;
      *flag = g_value_get_boolean (value);
    }
  else if (prop_id == PROP_ACCOUNT)
    {
      if (self->account == (InflowConnectAccount) g_value_get_enum (value))
        return;
      self->account = g_value_get_enum (value);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
  update (self);
}

static void
inflow_connect_form_class_init (InflowConnectFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_connect_form_dispose;
  object_class->finalize = inflow_connect_form_finalize;
  object_class->get_property = inflow_connect_form_get_property;
  object_class->set_property = inflow_connect_form_set_property;

  properties[PROP_ACCOUNT] = g_param_spec_enum ("account", NULL, NULL, INFLOW_TYPE_CONNECT_ACCOUNT,
                                                INFLOW_CONNECT_ACCOUNT_NONE, rw);
  /**
   * InflowConnectForm:govcloud:
   *
   * The admin says the account is in AWS GovCloud (US): it cannot be
   * connected itself, see inflow_connect_form_choose_paired_standard().
   */
  properties[PROP_GOVCLOUD] = g_param_spec_boolean ("govcloud", NULL, NULL, FALSE, rw);
  properties[PROP_GOVCLOUD_ACCOUNT_ID] = g_param_spec_string ("govcloud-account-id", NULL, NULL, NULL, rw);
  properties[PROP_BUCKET_NAME] = g_param_spec_string ("bucket-name", NULL, NULL, NULL, rw);
  properties[PROP_BUCKET_REGION] = g_param_spec_string ("bucket-region", NULL, NULL, NULL, rw);
  properties[PROP_REPORT_NAME] = g_param_spec_string ("report-name", NULL, NULL, NULL, rw);
  properties[PROP_HOURLY] = g_param_spec_boolean ("hourly", NULL, NULL, FALSE, rw);
  /**
   * InflowConnectForm:cur2:
   *
   * A CUR 2.0 export rather than a legacy report; off by default, as in
   * Vantage's own methods.
   */
  properties[PROP_CUR2] = g_param_spec_boolean ("cur2", NULL, NULL, FALSE, rw);
  properties[PROP_EXISTING_BUCKET] = g_param_spec_boolean ("existing-bucket", NULL, NULL, FALSE, rw);
  properties[PROP_STACK_NAME] = g_param_spec_string ("stack-name", NULL, NULL, NULL, rw);
  properties[PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, rw);
  properties[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, rw);
  properties[PROP_AUTOPILOT] = g_param_spec_boolean ("autopilot", NULL, NULL, FALSE, rw);
  properties[PROP_ARN] = g_param_spec_string ("arn", NULL, NULL, NULL, rw);
  properties[PROP_BUCKET_ARN] = g_param_spec_string ("bucket-arn", NULL, NULL, NULL, rw);

  properties[PROP_INFO_STATE] = g_param_spec_enum ("info-state", NULL, NULL, INFLOW_TYPE_CONNECT_INFO_STATE,
                                                   INFLOW_CONNECT_INFO_LOADING, ro);
  properties[PROP_INFO_ERROR] = g_param_spec_string ("info-error", NULL, NULL, NULL, ro);
  properties[PROP_CREATES_CUR] = g_param_spec_boolean ("creates-cur", NULL, NULL, FALSE, ro);
  properties[PROP_PAIRED_NOTE] = g_param_spec_string ("paired-note", NULL, NULL, NULL, ro);
  properties[PROP_CUR_WARNING] = g_param_spec_string ("cur-warning", NULL, NULL, NULL, ro);
  /**
   * InflowConnectForm:member-first:
   *
   * A member account is chosen while no management account is connected:
   * the caution applies.
   */
  properties[PROP_MEMBER_FIRST] = g_param_spec_boolean ("member-first", NULL, NULL, FALSE, ro);
  properties[PROP_DETAILS_VALID] = g_param_spec_boolean ("details-valid", NULL, NULL, FALSE, ro);
  properties[PROP_DETAILS_MESSAGE] = g_param_spec_string ("details-message", NULL, NULL, NULL, ro);
  properties[PROP_DETAILS_MESSAGE_IS_ERROR] = g_param_spec_boolean ("details-message-is-error", NULL, NULL, FALSE, ro);
  properties[PROP_FIELD_ERRORS] = g_param_spec_uint ("field-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  /**
   * InflowConnectForm:security-words:
   *
   * What each policy of the role permits, generated from the policies
   * Vantage sends, and what allowing Autopilot adds.
   */
  properties[PROP_SECURITY_WORDS] = g_param_spec_string ("security-words", NULL, NULL, NULL, ro);
  properties[PROP_AUTOPILOT_WORDS] = g_param_spec_string ("autopilot-words", NULL, NULL, NULL, ro);
  properties[PROP_ARN_VALID] = g_param_spec_boolean ("arn-valid", NULL, NULL, FALSE, ro);
  properties[PROP_ARN_MESSAGE] = g_param_spec_string ("arn-message", NULL, NULL, NULL, ro);
  properties[PROP_ARN_MESSAGE_IS_ERROR] = g_param_spec_boolean ("arn-message-is-error", NULL, NULL, FALSE, ro);
  properties[PROP_BUCKET_ARN_VALID] = g_param_spec_boolean ("bucket-arn-valid", NULL, NULL, TRUE, ro);
  properties[PROP_BUCKET_ARN_MESSAGE] = g_param_spec_string ("bucket-arn-message", NULL, NULL, NULL, ro);
  properties[PROP_BUCKET_ARN_MESSAGE_IS_ERROR] = g_param_spec_boolean ("bucket-arn-message-is-error", NULL, NULL, FALSE, ro);
  properties[PROP_CONNECTING] = g_param_spec_boolean ("connecting", NULL, NULL, FALSE, ro);
  properties[PROP_PROGRESS] = g_param_spec_string ("progress", NULL, NULL, NULL, ro);
  properties[PROP_API_ERROR] = g_param_spec_string ("api-error", NULL, NULL, NULL, ro);
  properties[PROP_CAN_CONNECT] = g_param_spec_boolean ("can-connect", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Like the names the Vantage console suggests: vantage-cur-<10 hex> */
static char *
new_bucket_name (void)
{
  return g_strdup_printf ("vantage-cur-%05x%05x", g_random_int () & 0xfffff, g_random_int () & 0xfffff);
}

static void
inflow_connect_form_init (InflowConnectForm *self)
{
  g_autoptr(InflowOnboardingChoices) defaults = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT,
                                                                               INFLOW_AWS_PARTITION_AWS);

  self->cancellable = g_cancellable_new ();
  self->bucket_name = new_bucket_name ();
  self->bucket_region = g_strdup (INFLOW_CUR_API_REGION);
  self->report_name = g_strdup (defaults->report_name);
  self->stack_name = g_strdup (defaults->stack_name);
  self->role_name = g_strdup (defaults->role_name);
  self->autopilot = TRUE;
  self->bucket_arn_valid = TRUE;
}

/**
 * inflow_connect_form_new:
 *
 * Returns: (transfer full): a form with Vantage's default names and a new
 *   bucket name; inflow_connect_form_load_info() fetches the provider info
 */
InflowConnectForm *
inflow_connect_form_new (InflowSession *session)
{
  InflowConnectForm *self;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  self = g_object_new (INFLOW_TYPE_CONNECT_FORM, NULL);
  self->session = g_object_ref (session);

  g_signal_connect_object (inflow_session_get_integrations (session), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_cloud_accounts (session), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::can-write", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_aws_connector (session), "notify::stage",
                           G_CALLBACK (stage_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

InflowSession *
inflow_connect_form_get_session (InflowConnectForm *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), NULL);

  return self->session;
}

/* Returns: (nullable): the provider info, once loaded */
const InflowOnboardingInfo *
inflow_connect_form_get_info (InflowConnectForm *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), NULL);

  return self->info;
}

InflowConnectInfoState
inflow_connect_form_get_info_state (InflowConnectForm *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), INFLOW_CONNECT_INFO_ERROR);

  return self->info_state;
}

InflowConnectAccount
inflow_connect_form_get_account (InflowConnectForm *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), INFLOW_CONNECT_ACCOUNT_NONE);

  return self->account;
}

gboolean
inflow_connect_form_get_details_valid (InflowConnectForm *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), FALSE);

  return self->details_valid;
}

gboolean
inflow_connect_form_get_field_error (InflowConnectForm  *self,
                                     InflowConnectField  field)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), FALSE);
  g_return_val_if_fail (field < INFLOW_CONNECT_N_FIELDS, FALSE);

  return self->field_errors[field];
}

gboolean
inflow_connect_form_get_arn_valid (InflowConnectForm *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), FALSE);

  return self->arn_valid;
}

/* Whether Connect can be pressed: the info, a valid role (and bucket) ARN,
 * valid details, a session that may write, and nothing running. */
gboolean
inflow_connect_form_get_can_connect (InflowConnectForm *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_FORM (self), FALSE);

  return !self->connecting && self->info != NULL && self->details_valid && self->arn_valid &&
         self->bucket_arn_valid && inflow_session_get_can_write (self->session);
}
