/* inflow-connect-assistant.c: the Connect AWS assistant
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-connect-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-aws-documents.h"
#include "inflow-aws-connector.h"
#include "inflow-connect-assistant.h"
#include "inflow-connect-methods.h"
#include "inflow-onboarding-error.h"
#include "inflow-smart-paste.h"
#include "inflow-view-utils.h"

/* Five steps: what Vantage will and will not see; which account (with the
 * caution when a member account comes first); the names and the CUR; the
 * five methods generated from the account's provider info; the role ARN
 * and Connect. Nothing typed is lost when going back and forth, nor when
 * Vantage refuses the role: the error appears where it belongs. */

static const char * const step_names[] = { "intro", "account", "details", "methods", "arn" };
#define N_STEPS G_N_ELEMENTS (step_names)

#define MESSAGE_DIM   0
#define MESSAGE_ERROR 1

struct _InflowConnectAssistant
{
  AdwWindow                parent_instance;

  InflowSession           *session;
  GCancellable            *cancellable;
  InflowAwsConnector      *connector;
  InflowOnboardingInfo    *info;
  GError                  *info_error;
  gboolean                 loading_info;
  gboolean                 connecting;
  gboolean                 details_valid;
  gboolean                 arn_valid;
  gboolean                 bucket_arn_valid;
  gboolean                 bucket_arn_edited;
  gboolean                 setting_bucket_arn;
  gboolean                 management_connected;
  char                    *start;

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  GtkStack                *title_stack;
  AdwWindowTitle          *window_title;
  AdwViewSwitcherTitle    *switcher_title;
  GtkWidget               *back_button;
  GtkWidget               *next_button;
  GtkWidget               *connect_button;
  GtkStack                *connect_button_stack;
  GtkSpinner              *connect_spinner;
  GtkStack                *steps;
  GtkCheckButton          *management_check;
  GtkCheckButton          *member_check;
  GtkWidget               *caution_box;
  GtkLabel                *caution_title;
  GtkLabel                *caution_label;
  AdwComboRow             *partition_row;
  GtkWidget               *govcloud_label;
  GtkWidget               *cur_group;
  AdwEntryRow             *bucket_row;
  AdwComboRow             *region_row;
  AdwEntryRow             *report_row;
  AdwComboRow             *time_unit_row;
  GtkLabel                *cur_note_label;
  AdwEntryRow             *stack_row;
  AdwEntryRow             *role_row;
  AdwEntryRow             *account_row;
  GtkSwitch               *autopilot_switch;
  GtkLabel                *details_message;
  GtkStack                *methods_state;
  GtkSpinner              *loading_spinner;
  AdwStatusPage           *info_error_page;
  InflowConnectMethods    *methods;
  AdwViewSwitcherBar      *switcher_bar;
  AdwEntryRow             *arn_row;
  GtkLabel                *arn_message;
  GtkWidget               *bucket_arn_group;
  AdwEntryRow             *bucket_arn_row;
  GtkLabel                *bucket_arn_message;
  GtkWidget               *progress_box;
  GtkSpinner              *progress_spinner;
  GtkLabel                *progress_label;
  GtkWidget               *api_error_box;
  GtkLabel                *api_error_label;
  GtkWidget               *read_only_box;
  GtkLabel                *read_only_label;
  AdwStatusPage           *done_page;
};

G_DEFINE_FINAL_TYPE (InflowConnectAssistant, inflow_connect_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_START,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_state (InflowConnectAssistant *self);
static void validate_arn (InflowConnectAssistant *self);

/* ---- helpers ------------------------------------------------------------ */

static void
set_message (GtkLabel   *label,
             const char *text,
             int         kind)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (kind == MESSAGE_ERROR)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static int
step_index (InflowConnectAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->steps);

  for (guint i = 0; i < N_STEPS; i++)
    {
      if (g_strcmp0 (name, step_names[i]) == 0)
        return (int) i;
    }

  return -1;
}

static gboolean
kind_chosen (InflowConnectAssistant *self)
{
  return gtk_check_button_get_active (self->management_check) ||
         gtk_check_button_get_active (self->member_check);
}

static InflowAccountKind
get_kind (InflowConnectAssistant *self)
{
  return gtk_check_button_get_active (self->member_check) ? INFLOW_ACCOUNT_KIND_MEMBER
                                                          : INFLOW_ACCOUNT_KIND_MANAGEMENT;
}

static InflowAwsPartition
get_partition (InflowConnectAssistant *self)
{
  return adw_combo_row_get_selected (self->partition_row) == 1 ? INFLOW_AWS_PARTITION_AWS_US_GOV
                                                               : INFLOW_AWS_PARTITION_AWS;
}

static char *
get_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
dup_selected_string (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* What the fields say now. */
static InflowOnboardingChoices *
build_choices (InflowConnectAssistant *self)
{
  InflowOnboardingChoices *choices = inflow_onboarding_choices_new (get_kind (self), get_partition (self));
  g_autofree char *account_id = get_trimmed (self->account_row);

  g_free (choices->stack_name);
  choices->stack_name = get_trimmed (self->stack_row);
  g_free (choices->role_name);
  choices->role_name = get_trimmed (self->role_row);
  if (*account_id != '\0')
    choices->account_id = g_steal_pointer (&account_id);
  choices->enable_autopilot = gtk_switch_get_active (self->autopilot_switch);

  if (inflow_onboarding_choices_creates_cur (choices))
    {
      choices->bucket_name = get_trimmed (self->bucket_row);
      choices->bucket_region = dup_selected_string (self->region_row);
      g_free (choices->report_name);
      choices->report_name = get_trimmed (self->report_row);
      choices->time_unit = adw_combo_row_get_selected (self->time_unit_row) == 1 ? INFLOW_CUR_TIME_UNIT_HOURLY
                                                                                 : INFLOW_CUR_TIME_UNIT_DAILY;
    }

  return choices;
}

/* ---- step 2: the account ------------------------------------------------ */

static void
update_caution (InflowConnectAssistant *self)
{
  gboolean member_first;

  self->management_connected =
    inflow_aws_management_is_connected (inflow_session_get_integrations (self->session),
                                        inflow_session_get_cloud_accounts (self->session));

  member_first = gtk_check_button_get_active (self->member_check) && !self->management_connected;
  gtk_widget_set_visible (self->caution_box, member_first);
  gtk_widget_set_visible (self->govcloud_label, get_partition (self) == INFLOW_AWS_PARTITION_AWS_US_GOV);
}

static void
session_lists_changed_cb (InflowConnectAssistant *self)
{
  update_caution (self);
  validate_arn (self);
  update_state (self);
}

/* ---- step 3: the details ------------------------------------------------ */

/* Marks @row by the outcome of a check; the first error is the one told. */
static gboolean
check_row (AdwEntryRow  *row,
           gboolean      valid,
           GError      **first_error,
           GError      **error)
{
  inflow_view_set_error_style (GTK_WIDGET (row), !valid);
  if (!valid && *first_error == NULL)
    *first_error = g_steal_pointer (error);
  g_clear_error (error);

  return valid;
}

static void
validate_details (InflowConnectAssistant *self)
{
  g_autoptr(InflowOnboardingChoices) choices = build_choices (self);
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) error = NULL;
  gboolean creates_cur = inflow_onboarding_choices_creates_cur (choices);
  gboolean valid = TRUE;
  gboolean ok;

  gtk_widget_set_visible (self->cur_group, creates_cur);
  {
    g_autofree char *note = inflow_onboarding_choices_dup_cur_note (choices);

    gtk_label_set_label (self->cur_note_label, note != NULL ? note : "");
    gtk_widget_set_visible (GTK_WIDGET (self->cur_note_label), note != NULL);
  }

  if (creates_cur)
    {
      ok = inflow_aws_validate_bucket_name (choices->bucket_name, &error);
      valid &= check_row (self->bucket_row, ok, &first_error, &error);
      ok = inflow_aws_validate_report_name (choices->report_name, &error);
      valid &= check_row (self->report_row, ok, &first_error, &error);
    }
  ok = inflow_aws_validate_stack_name (choices->stack_name, &error);
  valid &= check_row (self->stack_row, ok, &first_error, &error);
  ok = inflow_aws_validate_role_name (choices->role_name, &error);
  valid &= check_row (self->role_row, ok, &first_error, &error);
  if (choices->account_id != NULL)
    {
      ok = inflow_aws_validate_account_id (choices->account_id, &error);
      valid &= check_row (self->account_row, ok, &first_error, &error);
    }
  else
    {
      inflow_view_set_error_style (GTK_WIDGET (self->account_row), FALSE);
    }

  /* What no field shows: no role in GovCloud */
  if (valid && !inflow_onboarding_choices_validate (choices, &error))
    {
      valid = FALSE;
      first_error = g_steal_pointer (&error);
    }

  self->details_valid = valid;
  if (first_error != NULL)
    set_message (self->details_message, first_error->message, MESSAGE_ERROR);
  else
    set_message (self->details_message,
                 _("With the account ID, the generated script refuses to run with credentials of another account."),
                 MESSAGE_DIM);
}

static void
choices_changed_cb (InflowConnectAssistant *self)
{
  if (self->session == NULL)
    return;  /* still being built */

  validate_details (self);
  update_caution (self);
  validate_arn (self);
  update_state (self);
}

static void
kind_toggled_cb (InflowConnectAssistant *self,
                 GParamSpec             *pspec,
                 GtkCheckButton         *button)
{
  /* Both buttons of the group notify; act once, on the one turned on. */
  if (self->session == NULL || !gtk_check_button_get_active (button))
    return;

  choices_changed_cb (self);
}

/* ---- step 4: the provider info and the methods -------------------------- */

static void load_info (InflowConnectAssistant *self);

static void
update_methods (InflowConnectAssistant *self)
{
  g_autoptr(InflowOnboardingChoices) choices = NULL;

  if (self->info == NULL)
    {
      gtk_stack_set_visible_child_name (self->methods_state, self->loading_info ? "loading" : "error");
      gtk_spinner_set_spinning (self->loading_spinner, self->loading_info);
      return;
    }

  choices = build_choices (self);
  inflow_connect_methods_set_material (self->methods, self->info, choices);
  gtk_stack_set_visible_child_name (self->methods_state, "ready");
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
}

static void
info_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  InflowConnectAssistant *self = user_data;
  g_autoptr(InflowAwsProviderInfo) provider_info = NULL;
  g_autoptr(GError) error = NULL;

  provider_info = inflow_client_get_aws_provider_info_finish (INFLOW_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_info = FALSE;
  g_clear_error (&self->info_error);

  if (provider_info != NULL)
    self->info = inflow_onboarding_info_new_from_provider_info (provider_info, &error);

  if (self->info == NULL)
    {
      g_debug ("Could not load the AWS provider info: %s", error->message);
      adw_status_page_set_description (self->info_error_page, error->message);
      self->info_error = g_steal_pointer (&error);
    }

  update_methods (self);
  validate_arn (self);
  update_state (self);
}

static void
load_info (InflowConnectAssistant *self)
{
  if (self->loading_info || self->info != NULL)
    return;

  self->loading_info = TRUE;
  update_methods (self);
  inflow_client_get_aws_provider_info_async (inflow_session_get_client (self->session), self->cancellable,
                                             info_loaded_cb, self);
}

/* ---- step 5: the role ARN ----------------------------------------------- */

static void
validate_bucket_arn (InflowConnectAssistant *self)
{
  g_autofree char *text = get_trimmed (self->bucket_arn_row);
  g_autofree char *bucket = NULL;
  g_autoptr(GError) error = NULL;
  InflowAwsPartition partition;

  self->bucket_arn_valid = TRUE;

  if (!gtk_widget_get_visible (self->bucket_arn_group) || *text == '\0')
    {
      inflow_view_set_error_style (GTK_WIDGET (self->bucket_arn_row), FALSE);
      set_message (self->bucket_arn_message,
                   _("The bucket the Cost and Usage Report is delivered to, so that Vantage can read it."),
                   MESSAGE_DIM);
      return;
    }

  if (!inflow_bucket_arn_parse (text, &partition, &bucket, &error))
    {
      self->bucket_arn_valid = FALSE;
    }
  else if (partition != get_partition (self))
    {
      self->bucket_arn_valid = FALSE;
      g_set_error (&error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH,
                   _("This bucket is in the %s partition, and the role in %s."),
                   inflow_aws_partition_to_string (partition), inflow_aws_partition_to_string (get_partition (self)));
    }

  inflow_view_set_error_style (GTK_WIDGET (self->bucket_arn_row), !self->bucket_arn_valid);
  if (!self->bucket_arn_valid)
    set_message (self->bucket_arn_message, error->message, MESSAGE_ERROR);
  else
    set_message (self->bucket_arn_message,
                 _("The bucket the Cost and Usage Report is delivered to, so that Vantage can read it."),
                 MESSAGE_DIM);
}

static void
bucket_arn_changed_cb (InflowConnectAssistant *self)
{
  if (self->session == NULL)
    return;  /* still being built */

  if (!self->setting_bucket_arn)
    self->bucket_arn_edited = TRUE;

  gtk_widget_set_visible (self->api_error_box, FALSE);
  validate_bucket_arn (self);
  update_state (self);
}

static void
prefill_bucket_arn (InflowConnectAssistant *self)
{
  g_autoptr(InflowOnboardingChoices) choices = build_choices (self);
  gboolean creates_cur = inflow_onboarding_choices_creates_cur (choices);

  gtk_widget_set_visible (self->bucket_arn_group, creates_cur);
  if (creates_cur && !self->bucket_arn_edited && choices->bucket_name != NULL &&
      inflow_aws_validate_bucket_name (choices->bucket_name, NULL))
    {
      g_autofree char *arn = inflow_bucket_arn_build (choices->partition, choices->bucket_name);

      self->setting_bucket_arn = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->bucket_arn_row), arn);
      self->setting_bucket_arn = FALSE;
    }

  validate_bucket_arn (self);
}

/* The AWS integration Vantage already has for @account_id, per the session. */
static InflowIntegration *
find_existing (InflowConnectAssistant *self,
               const char             *account_id)
{
  return inflow_aws_find_integration (inflow_session_get_integrations (self->session), account_id);
}

static void
validate_arn (InflowConnectAssistant *self)
{
  g_autofree char *text = get_trimmed (self->arn_row);
  g_autofree char *hint = get_trimmed (self->account_row);
  g_autoptr(InflowRoleArn) arn = NULL;
  g_autoptr(InflowIntegration) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->arn_valid = FALSE;

  if (*text == '\0')
    {
      inflow_view_set_error_style (GTK_WIDGET (self->arn_row), FALSE);
      set_message (self->arn_message,
                   _("For example arn:aws:iam::123456789012:role/vantage_cross_account_connection"),
                   MESSAGE_DIM);
      return;
    }

  arn = inflow_role_arn_parse (text, &error);
  if (arn == NULL)
    {
      inflow_view_set_error_style (GTK_WIDGET (self->arn_row), TRUE);
      set_message (self->arn_message, error->message, MESSAGE_ERROR);
      return;
    }

  if (arn->partition != get_partition (self))
    {
      inflow_view_set_error_style (GTK_WIDGET (self->arn_row), TRUE);
      message = g_strdup_printf (_("This role is in the %s partition, but the account was set up for %s. Go back to the Account step to change the partition."),
                                 inflow_aws_partition_to_string (arn->partition),
                                 inflow_aws_partition_to_string (get_partition (self)));
      set_message (self->arn_message, message, MESSAGE_ERROR);
      return;
    }

  existing = find_existing (self, arn->account_id);
  if (existing != NULL)
    {
      inflow_view_set_error_style (GTK_WIDGET (self->arn_row), TRUE);
      message = g_strdup_printf (_("Account %s is already connected to Vantage, and Vantage accepts one AWS integration per account. To refresh its role, use Update Permissions on that integration."),
                                 arn->account_id);
      set_message (self->arn_message, message, MESSAGE_ERROR);
      return;
    }

  self->arn_valid = TRUE;
  inflow_view_set_error_style (GTK_WIDGET (self->arn_row), FALSE);
  if (*hint != '\0' && g_strcmp0 (hint, arn->account_id) != 0)
    /* Translators: %1$s is a role name, %2$s and %3$s are 12-digit account IDs */
    message = g_strdup_printf (_("Role %1$s in account %2$s, not in account %3$s entered on the Details step."),
                               arn->name, arn->account_id, hint);
  else
    /* Translators: %1$s is a role name, %2$s a 12-digit account ID */
    message = g_strdup_printf (_("Role %1$s in account %2$s."), arn->name, arn->account_id);
  set_message (self->arn_message, message, MESSAGE_DIM);
}

static void
arn_changed_cb (InflowConnectAssistant *self)
{
  if (self->session == NULL)
    return;  /* still being built */

  gtk_widget_set_visible (self->api_error_box, FALSE);
  validate_arn (self);
  update_state (self);
}

static const char *
describe_paste_source (InflowPasteSource source)
{
  switch (source)
    {
    case INFLOW_PASTE_SOURCE_TEXT:
      return NULL;
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
    default:
      return NULL;
    }
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  InflowConnectAssistant *self = user_data;
  g_autoptr(InflowPasteResult) pasted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hint = NULL;
  const char *found;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (text == NULL || *text == '\0')
    {
      g_debug ("Nothing to paste: %s", error != NULL ? error->message : "empty");
      set_message (self->arn_message, _("The clipboard holds no text."), MESSAGE_ERROR);
      return;
    }

  hint = get_trimmed (self->account_row);
  pasted = inflow_smart_paste_role_arn (text, self->info != NULL ? self->info->vantage_role_arn : NULL,
                                        *hint != '\0' ? hint : NULL, &error);
  if (pasted == NULL)
    {
      /* The field keeps what it had; the message says what was pasted. */
      set_message (self->arn_message, error->message, MESSAGE_ERROR);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->arn_row), pasted->role_arn);
  gtk_editable_set_position (GTK_EDITABLE (self->arn_row), -1);

  if (!self->arn_valid)
    return;  /* validate_arn() said why */

  message = g_string_new (NULL);
  found = describe_paste_source (pasted->source);
  if (found != NULL)
    g_string_append (message, found);
  if (pasted->explanation != NULL)
    g_string_append_printf (message, "%s%s", message->len > 0 ? " " : "", pasted->explanation);
  if (message->len > 0)
    set_message (self->arn_message, message->str, MESSAGE_DIM);
}

static void
paste_arn_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable, clipboard_read_cb, self);
}

/* ---- connecting --------------------------------------------------------- */

static void
stage_changed_cb (InflowConnectAssistant *self)
{
  const char *text = NULL;

  switch (inflow_aws_connector_get_stage (self->connector))
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
      break;
    }

  if (text != NULL)
    gtk_label_set_label (self->progress_label, text);
}

static void
set_connecting (InflowConnectAssistant *self,
                gboolean                connecting)
{
  self->connecting = connecting;

  gtk_widget_set_visible (self->progress_box, connecting);
  gtk_spinner_set_spinning (self->progress_spinner, connecting);
  gtk_spinner_set_spinning (self->connect_spinner, connecting);
  gtk_stack_set_visible_child_name (self->connect_button_stack, connecting ? "spinner" : "label");
  /* Not insensitive: the field keeps the focus, and Enter stays harmless. */
  gtk_editable_set_editable (GTK_EDITABLE (self->arn_row), !connecting);
  gtk_editable_set_editable (GTK_EDITABLE (self->bucket_arn_row), !connecting);
  update_state (self);
}

static void
show_done (InflowConnectAssistant *self,
           const char             *description)
{
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->steps, "done");
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  InflowConnectAssistant *self = user_data;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  const char *token;

  integration = inflow_aws_connector_connect_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_connecting (self, FALSE);

  if (integration == NULL)
    {
      g_debug ("Connecting failed: %s", error->message);

      if (g_error_matches (error, INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED))
        {
          show_done (self, error->message);
        }
      else if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION) ||
               error->domain == INFLOW_ONBOARDING_ERROR)
        {
          /* Vantage refused this role: say so under the field that holds it. */
          set_message (self->arn_message, error->message, MESSAGE_ERROR);
          inflow_view_set_error_style (GTK_WIDGET (self->arn_row), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->arn_row));
        }
      else
        {
          gtk_label_set_label (self->api_error_label, error->message);
          gtk_widget_set_visible (self->api_error_box, TRUE);
        }
      return;
    }

  token = inflow_integration_get_token (integration);
  inflow_session_update_integration (self->session, integration);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), "win.monitor-ingestion", "s", token))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  {
    /* Translators: %s is a 12-digit AWS account ID */
    g_autofree char *description =
      g_strdup_printf (_("Vantage is importing account %s. Its first Cost and Usage Report can take up to 24 hours to arrive; follow it in Ingestion."),
                       inflow_integration_get_account_identifier (integration));

    show_done (self, description);
  }
}

static gboolean
can_connect (InflowConnectAssistant *self)
{
  return step_index (self) == (int) N_STEPS - 1 && !self->connecting && self->info != NULL &&
         self->arn_valid && self->bucket_arn_valid && inflow_session_get_can_write (self->session);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autofree char *role_arn = NULL;
  g_autofree char *bucket_arn = NULL;

  if (!can_connect (self))
    return;

  choices = build_choices (self);
  role_arn = get_trimmed (self->arn_row);
  if (gtk_widget_get_visible (self->bucket_arn_group))
    bucket_arn = get_trimmed (self->bucket_arn_row);

  gtk_widget_set_visible (self->api_error_box, FALSE);
  set_connecting (self, TRUE);
  inflow_aws_connector_connect_async (self->connector, role_arn,
                                      bucket_arn != NULL && *bucket_arn != '\0' ? bucket_arn : NULL,
                                      self->info, choices, self->cancellable, connected_cb, self);
}

static void
arn_activated_cb (InflowConnectAssistant *self)
{
  if (can_connect (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "assistant.connect", NULL);
}

/* ---- navigation --------------------------------------------------------- */

static gboolean
can_leave_step (InflowConnectAssistant *self,
                int                     index)
{
  switch (index)
    {
    case 0:
      return TRUE;
    case 1:
      return kind_chosen (self);
    case 2:
      return self->details_valid;
    case 3:
      return self->info != NULL;
    default:
      return FALSE;
    }
}

static void
update_read_only (InflowConnectAssistant *self)
{
  const char *reason = inflow_session_get_write_disabled_reason (self->session);

  gtk_label_set_label (self->read_only_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (self->read_only_box, reason != NULL);
  gtk_widget_set_tooltip_text (self->connect_button, reason != NULL ? reason : _("Register the role with Vantage"));
}

static void
update_state (InflowConnectAssistant *self)
{
  int index = step_index (self);
  gboolean last = index == (int) N_STEPS - 1;
  gboolean done = index < 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", index > 0 && !self->connecting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", index >= 0 && !last && can_leave_step (self, index));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.connect", can_connect (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.paste-arn", last && !self->connecting);

  gtk_widget_set_visible (self->back_button, !done);
  gtk_widget_set_visible (self->next_button, !done && !last);
  gtk_widget_set_visible (self->connect_button, last);

  update_read_only (self);
}

static void
update_title (InflowConnectAssistant *self)
{
  int index = step_index (self);
  g_autofree char *subtitle = NULL;

  if (index < 0)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->title_stack, "title");
      return;
    }

  if (g_str_equal (step_names[index], "methods"))
    {
      /* Translators: the position in the assistant, e.g. "Step 4 of 5" */
      subtitle = g_strdup_printf (_("Step %1$d of %2$u"), index + 1, (guint) N_STEPS);
      adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
      gtk_stack_set_visible_child_name (self->title_stack, "switcher");
    }
  else
    {
      GtkStackPage *page = gtk_stack_get_page (self->steps, gtk_stack_get_visible_child (self->steps));

      /* Translators: the position in the assistant and the step's name, e.g. "Step 2 of 5: Account" */
      subtitle = g_strdup_printf (_("Step %1$d of %2$u: %3$s"), index + 1, (guint) N_STEPS,
                                  gtk_stack_page_get_title (page));
      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_stack_set_visible_child_name (self->title_stack, "title");
    }
}

static void
step_changed_cb (InflowConnectAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->steps);

  if (self->session == NULL)
    return;  /* still being built */

  if (g_strcmp0 (name, "account") == 0)
    update_caution (self);
  else if (g_strcmp0 (name, "details") == 0)
    validate_details (self);
  else if (g_strcmp0 (name, "methods") == 0)
    update_methods (self);
  else if (g_strcmp0 (name, "arn") == 0)
    {
      prefill_bucket_arn (self);
      validate_arn (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->arn_row));
    }

  update_title (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);
  int index = step_index (self);

  if (index <= 0 || self->connecting)
    return;

  gtk_stack_set_visible_child_name (self->steps, step_names[index - 1]);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);
  int index = step_index (self);

  if (index < 0 || index >= (int) N_STEPS - 1 || !can_leave_step (self, index))
    return;

  gtk_stack_set_visible_child_name (self->steps, step_names[index + 1]);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  load_info (INFLOW_CONNECT_ASSISTANT (widget));
}

static void
choose_management_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);

  gtk_check_button_set_active (self->management_check, TRUE);
}

/* ---- the object --------------------------------------------------------- */

static char *
new_bucket_name (void)
{
  /* Like the names the Vantage console suggests: vantage-cur-<10 hex> */
  return g_strdup_printf ("vantage-cur-%05x%05x", g_random_int () & 0xfffff, g_random_int () & 0xfffff);
}

static void
apply_start (InflowConnectAssistant *self)
{
  if (g_strcmp0 (self->start, "management") == 0)
    gtk_check_button_set_active (self->management_check, TRUE);
  else if (g_strcmp0 (self->start, "member") == 0)
    gtk_check_button_set_active (self->member_check, TRUE);
  else if (g_strcmp0 (self->start, "stackset") == 0)
    {
      gtk_check_button_set_active (self->member_check, TRUE);
      inflow_connect_methods_set_method (self->methods, INFLOW_CONNECT_METHOD_STACKSET);
    }
}

static void
inflow_connect_assistant_constructed (GObject *object)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);
  InflowProfile *profile;

  G_OBJECT_CLASS (inflow_connect_assistant_parent_class)->constructed (object);

  g_assert (INFLOW_IS_SESSION (self->session));

  /* The demo profile is never stored, so neither is what it connects
   * (beyond this run). */
  profile = inflow_session_get_profile (self->session);
  self->connector = inflow_aws_connector_new (inflow_session_get_client (self->session),
                                              profile != NULL && !inflow_profile_get_is_demo (profile)
                                                ? inflow_session_get_database (self->session) : NULL,
                                              profile != NULL ? inflow_profile_get_id (profile) : NULL);
  g_signal_connect_object (self->connector, "notify::stage", G_CALLBACK (stage_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->session, "notify::can-write", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::write-disabled-reason", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_integrations (self->session), "items-changed",
                           G_CALLBACK (session_lists_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_cloud_accounts (self->session), "items-changed",
                           G_CALLBACK (session_lists_changed_cb), self, G_CONNECT_SWAPPED);

  apply_start (self);
  validate_details (self);
  update_caution (self);
  validate_arn (self);
  update_title (self);
  update_state (self);

  load_info (self);
}

static void
inflow_connect_assistant_dispose (GObject *object)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->connector);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_connect_assistant_parent_class)->dispose (object);
}

static void
inflow_connect_assistant_finalize (GObject *object)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->info, inflow_onboarding_info_free);
  g_clear_error (&self->info_error);
  g_free (self->start);

  G_OBJECT_CLASS (inflow_connect_assistant_parent_class)->finalize (object);
}

static void
inflow_connect_assistant_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_STEP:
      g_value_set_string (value, inflow_connect_assistant_get_step (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_assistant_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_START:
      self->start = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_assistant_class_init (InflowConnectAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = inflow_connect_assistant_constructed;
  object_class->dispose = inflow_connect_assistant_dispose;
  object_class->finalize = inflow_connect_assistant_finalize;
  object_class->get_property = inflow_connect_assistant_get_property;
  object_class->set_property = inflow_connect_assistant_set_property;

  /**
   * InflowConnectAssistant:session:
   *
   * The session whose Vantage account the AWS account is connected to.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowConnectAssistant:start:
   *
   * "" to ask, "management", "member" or "stackset".
   */
  properties[PROP_START] =
    g_param_spec_string ("start", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowConnectAssistant:step:
   *
   * The step shown: "intro", "account", "details", "methods", "arn" or
   * "done".
   */
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CONNECT_METHODS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-connect-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, title_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, connect_button);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, connect_button_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, connect_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, steps);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, management_check);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, member_check);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, caution_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, caution_title);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, caution_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, partition_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, govcloud_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, cur_group);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, region_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, report_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, time_unit_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, cur_note_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, stack_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, role_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, account_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, autopilot_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, details_message);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, methods_state);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, info_error_page);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, methods);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, arn_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, arn_message);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, bucket_arn_group);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, bucket_arn_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, bucket_arn_message);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, progress_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, progress_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, api_error_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, api_error_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, read_only_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, done_page);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, choices_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, arn_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, arn_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, bucket_arn_changed_cb);

  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "assistant.paste-arn", NULL, paste_arn_action);
  gtk_widget_class_install_action (widget_class, "assistant.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "assistant.choose-management", NULL, choose_management_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "assistant.next", NULL);
}

static void
inflow_connect_assistant_init (InflowConnectAssistant *self)
{
  g_autoptr(GtkStringList) regions = NULL;
  g_autofree char *bucket = new_bucket_name ();
  g_autofree char *caution = NULL;
  g_autoptr(InflowOnboardingChoices) defaults = NULL;
  const char * const *cur_regions = inflow_aws_get_cur_bucket_regions ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->bucket_arn_valid = TRUE;

  regions = gtk_string_list_new (cur_regions);
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));
  for (guint i = 0; cur_regions[i] != NULL; i++)
    {
      if (g_str_equal (cur_regions[i], INFLOW_CUR_API_REGION))
        adw_combo_row_set_selected (self->region_row, i);
    }

  defaults = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  gtk_editable_set_text (GTK_EDITABLE (self->bucket_row), bucket);
  gtk_editable_set_text (GTK_EDITABLE (self->report_row), defaults->report_name);
  gtk_editable_set_text (GTK_EDITABLE (self->stack_row), defaults->stack_name);
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), defaults->role_name);

  caution = g_strjoin ("\n",
                       _("If you connect only a member account:"),
                       _("• You will see only that account’s costs and costs by resource, not your whole organization’s."),
                       _("• You will not see the costs of the other member accounts in your organization."),
                       _("• You may not see the full coverage of cost allocation tags from the organization."),
                       _("• Reserved Instances bought in this account are realized in it first, instead of across the organization."),
                       NULL);
  gtk_label_set_label (self->caution_label, caution);

  adw_view_switcher_title_set_stack (self->switcher_title, inflow_connect_methods_get_stack (self->methods));
  adw_view_switcher_bar_set_stack (self->switcher_bar, inflow_connect_methods_get_stack (self->methods));
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * inflow_connect_assistant_new:
 * @parent: (nullable): the main window, which gets win.monitor-ingestion
 * @session: the active session
 * @start: (nullable): "" or %NULL (ask), "management", "member" or "stackset"
 *
 * Returns: (transfer none): the assistant, not shown yet; present it with
 *   gtk_window_present()
 */
InflowConnectAssistant *
inflow_connect_assistant_new (GtkWindow     *parent,
                              InflowSession *session,
                              const char    *start)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  return g_object_new (INFLOW_TYPE_CONNECT_ASSISTANT,
                       "transient-for", parent,
                       "session", session,
                       "start", start != NULL ? start : "",
                       NULL);
}

InflowSession *
inflow_connect_assistant_get_session (InflowConnectAssistant *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_ASSISTANT (self), NULL);

  return self->session;
}

const char *
inflow_connect_assistant_get_step (InflowConnectAssistant *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_ASSISTANT (self), NULL);

  return gtk_stack_get_visible_child_name (self->steps);
}

/* How often and how fast to look for the new integration (tests, demo). */
void
inflow_connect_assistant_set_find_policy (InflowConnectAssistant *self,
                                          guint                   max_attempts,
                                          guint                   delay_ms)
{
  g_return_if_fail (INFLOW_IS_CONNECT_ASSISTANT (self));

  inflow_aws_connector_set_find_policy (self->connector, max_attempts, delay_ms);
}
