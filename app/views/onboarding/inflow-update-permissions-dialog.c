/* inflow-update-permissions-dialog.c: what changed in Vantage's permissions, and how to update the role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-update-permissions"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-aws-connector.h"
#include "inflow-cloud-account.h"
#include "inflow-code-view.h"
#include "inflow-console-links.h"
#include "inflow-permissions-diff.h"
#include "inflow-terraform-snippet.h"
#include "inflow-update-permissions-dialog.h"
#include "inflow-view-utils.h"

/* Vantage changes the permissions it asks for now and then. When Inflow
 * connected the account it recorded the provider info of that day (see
 * inflow-aws-connector.c); this dialog compares it with today's and
 * regenerates the steps that bring the role up to date. An integration
 * connected elsewhere has no record: then the dialog says so and gives
 * everything the role needs now; a stack it did not make is left to the
 * Vantage console, which knows its template. */

struct _InflowUpdatePermissionsDialog
{
  AdwWindow                   parent_instance;

  InflowSession              *session;
  char                       *integration_token;
  char                       *account_id;
  GCancellable               *cancellable;
  InflowAwsConnectionRecord  *record;
  InflowOnboardingInfo       *current;
  InflowPermissionsUpdate    *update;
  InflowOnboardingChoices    *choices;
  InflowUpdateState           state;
  GPtrArray                  *change_rows;

  /* Template widgets */
  AdwWindowTitle             *window_title;
  GtkStack                   *state_stack;
  GtkSpinner                 *spinner;
  AdwStatusPage              *error_page;
  GtkImage                   *verdict_icon;
  GtkLabel                   *verdict_title;
  GtkLabel                   *verdict_description;
  AdwPreferencesGroup        *changes_group;
  AdwEntryRow                *role_row;
  GtkLabel                   *role_message;
  GtkWidget                  *steps_box;
  GtkWidget                  *cfn_group;
  GtkWidget                  *vantage_group;
  GtkLabel                   *cfn_error;
  GtkBox                     *documents_box;
  InflowCodeView             *cli_view;
  GtkLabel                   *terraform_note;
  GtkLabel                   *terraform_error;
  InflowCodeView             *terraform_view;
};

G_DEFINE_FINAL_TYPE (InflowUpdatePermissionsDialog, inflow_update_permissions_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_INTEGRATION_TOKEN,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (InflowUpdatePermissionsDialog *self);

static void
set_state (InflowUpdatePermissionsDialog *self,
           InflowUpdateState              state)
{
  switch (state)
    {
    case INFLOW_UPDATE_STATE_LOADING:
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
      break;
    case INFLOW_UPDATE_STATE_ERROR:
      gtk_stack_set_visible_child_name (self->state_stack, "error");
      break;
    case INFLOW_UPDATE_STATE_CHANGED:
    case INFLOW_UPDATE_STATE_UNCHANGED:
    case INFLOW_UPDATE_STATE_NOT_RECORDED:
    default:
      gtk_stack_set_visible_child_name (self->state_stack, "ready");
      break;
    }
  gtk_spinner_set_spinning (self->spinner, state == INFLOW_UPDATE_STATE_LOADING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "update.retry", state == INFLOW_UPDATE_STATE_ERROR);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
show_error (InflowUpdatePermissionsDialog *self,
            const char                    *message)
{
  adw_status_page_set_description (self->error_page, message);
  set_state (self, INFLOW_UPDATE_STATE_ERROR);
}

/* ---- what the session knows of the account ------------------------------ */

static InflowCloudAccount *
find_account (InflowUpdatePermissionsDialog *self)
{
  GListModel *accounts = inflow_session_get_cloud_accounts (self->session);

  for (guint i = 0; self->account_id != NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (inflow_cloud_account_get_account_id (account), self->account_id) == 0)
        return g_steal_pointer (&account);
    }

  return NULL;
}

/* The choices of a role made elsewhere: Vantage's defaults, in the
 * account's partition. */
static InflowOnboardingChoices *
guess_choices (InflowUpdatePermissionsDialog *self)
{
  g_autoptr(InflowCloudAccount) account = find_account (self);
  InflowAwsPartition partition = INFLOW_AWS_PARTITION_AWS;
  InflowOnboardingChoices *choices;

  if (account != NULL && inflow_cloud_account_get_partition (account) != NULL)
    inflow_aws_partition_from_string (inflow_cloud_account_get_partition (account), &partition, NULL);

  /* Only the role is updated: whatever else a management account's stack
   * made (the CUR, its bucket) does not change with Vantage's policies, and
   * its names are unknown here. */
  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, partition);
  choices->account_id = g_strdup (self->account_id);

  return choices;
}

static void
update_subtitle (InflowUpdatePermissionsDialog *self)
{
  g_autoptr(InflowCloudAccount) account = find_account (self);
  g_autofree char *subtitle = NULL;

  if (self->account_id == NULL)
    return;

  if (account != NULL && inflow_cloud_account_get_title (account) != NULL &&
      g_strcmp0 (inflow_cloud_account_get_title (account), self->account_id) != 0)
    /* Translators: %1$s is an account's name, %2$s its 12-digit ID */
    subtitle = g_strdup_printf (_("%1$s (%2$s)"), inflow_cloud_account_get_title (account), self->account_id);
  else
    /* Translators: %s is a 12-digit AWS account ID */
    subtitle = g_strdup_printf (_("Account %s"), self->account_id);

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* ---- showing the update ------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
format_actions (char **actions)
{
  return g_strjoinv ("\n", actions);
}

static void
show_changes (InflowUpdatePermissionsDialog *self)
{
  InflowPermissionsDiff *diff = self->update->diff;

  for (guint i = 0; i < self->change_rows->len; i++)
    adw_preferences_group_remove (self->changes_group, g_ptr_array_index (self->change_rows, i));
  g_ptr_array_set_size (self->change_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), self->state == INFLOW_UPDATE_STATE_CHANGED);
  if (self->state != INFLOW_UPDATE_STATE_CHANGED)
    return;

  for (guint i = 0; i < diff->changes->len; i++)
    {
      InflowPermissionChange *change = g_ptr_array_index (diff->changes, i);
      guint n_added = g_strv_length (change->actions_added);
      guint n_removed = g_strv_length (change->actions_removed);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (n_added > 0 && n_removed > 0)
        /* Translators: the first %u is a number of added actions, the second of removed ones */
        subtitle = g_strdup_printf (_("%u actions added, %u removed"), n_added, n_removed);
      else if (n_added > 0)
        subtitle = g_strdup_printf (ngettext ("%u action added", "%u actions added", n_added), n_added);
      else if (n_removed > 0)
        subtitle = g_strdup_printf (ngettext ("%u action removed", "%u actions removed", n_removed), n_removed);

      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (n_added + n_removed > 0)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          GtkWidget *button = gtk_menu_button_new ();
          GtkWidget *popover = gtk_popover_new ();
          GtkWidget *view;

          if (n_added > 0)
            {
              g_autofree char *added = format_actions (change->actions_added);

              /* Translators: a heading above a list of IAM actions */
              g_string_append_printf (text, "%s\n%s", _("Added:"), added);
            }
          if (n_removed > 0)
            {
              g_autofree char *removed = format_actions (change->actions_removed);

              /* Translators: a heading above a list of IAM actions */
              g_string_append_printf (text, "%s%s\n%s", text->len > 0 ? "\n\n" : "", _("Removed:"), removed);
            }

          view = inflow_code_view_new (change->name, text->str);
          gtk_widget_set_size_request (view, 320, -1);
          gtk_popover_set_child (GTK_POPOVER (popover), view);
          gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-bullet-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Show the Actions"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the Actions"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->description);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->changes_group, row);
      g_ptr_array_add (self->change_rows, row);
    }
}

/* Whether the role's document named @name must be replaced. */
static gboolean
needs_document (InflowUpdatePermissionsDialog *self,
                const char                    *name,
                gboolean                       trust)
{
  InflowPermissionsDiff *diff = self->update->diff;

  if (self->state == INFLOW_UPDATE_STATE_NOT_RECORDED)
    return TRUE;

  for (guint i = 0; i < diff->changes->len; i++)
    {
      InflowPermissionChange *change = g_ptr_array_index (diff->changes, i);

      switch (change->kind)
        {
        case INFLOW_PERMISSION_CHANGE_EXTERNAL_ID:
        case INFLOW_PERMISSION_CHANGE_PRINCIPAL:
          if (trust)
            return TRUE;
          break;

        case INFLOW_PERMISSION_CHANGE_POLICY_ADDED:
        case INFLOW_PERMISSION_CHANGE_POLICY_CHANGED:
          if (!trust && g_strcmp0 (change->name, name) == 0)
            return TRUE;
          break;

        case INFLOW_PERMISSION_CHANGE_POLICY_REMOVED:
        default:
          break;
        }
    }

  return FALSE;
}

static void
show_documents (InflowUpdatePermissionsDialog *self)
{
  InflowIamConsoleMaterial *iam = self->update->iam_console;
  InflowPermissionsDiff *diff = self->update->diff;

  clear_box (self->documents_box);
  if (iam == NULL)
    return;

  if (needs_document (self, NULL, TRUE))
    gtk_box_append (self->documents_box, inflow_code_view_new (_("Trust Policy"), iam->trust_policy_json));

  for (guint i = 0; i < iam->policies->len; i++)
    {
      InflowNamedText *policy = g_ptr_array_index (iam->policies, i);
      g_autofree char *title = NULL;

      if (!needs_document (self, policy->name, FALSE))
        continue;

      /* Translators: %s is the name of an inline policy, e.g. "root" */
      title = g_strdup_printf (_("Inline Policy “%s”"), policy->name);
      gtk_box_append (self->documents_box, inflow_code_view_new (title, policy->json));
    }

  for (guint i = 0; self->state == INFLOW_UPDATE_STATE_CHANGED && i < diff->changes->len; i++)
    {
      InflowPermissionChange *change = g_ptr_array_index (diff->changes, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (change->kind != INFLOW_PERMISSION_CHANGE_POLICY_REMOVED ||
          inflow_vantage_policy_get_role_policy_name (change->policy) == NULL)
        continue;

      /* Translators: %s is the name of an inline policy */
      text = g_strdup_printf (_("Delete the inline policy “%s” from the role."), change->name);
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "inflow-callout");
      gtk_box_append (self->documents_box, label);
    }
}

static void
show_verdict (InflowUpdatePermissionsDialog *self)
{
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  if (self->record != NULL && self->record->connected_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->record->connected_at);

      /* Translators: the date Inflow connected an account, see g_date_time_format() */
      date = g_date_time_format (local, _("%B %-d, %Y"));
    }

  switch (self->state)
    {
    case INFLOW_UPDATE_STATE_CHANGED:
      gtk_image_set_from_icon_name (self->verdict_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), "warning");
      gtk_label_set_label (self->verdict_title, _("Vantage Asks for Different Permissions"));
      if (date != NULL)
        /* Translators: %s is a date */
        description = g_strdup_printf (_("Compared with what Vantage asked for when Inflow connected this account on %s."), date);
      else
        description = g_strdup (_("Compared with what Vantage asked for when Inflow connected this account."));
      break;

    case INFLOW_UPDATE_STATE_UNCHANGED:
      gtk_image_set_from_icon_name (self->verdict_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), "success");
      gtk_label_set_label (self->verdict_title, _("No Change Since You Connected"));
      if (date != NULL)
        /* Translators: %s is a date */
        description = g_strdup_printf (_("Vantage asks for the same permissions as when Inflow connected this account on %s. The role needs no update."), date);
      else
        description = g_strdup (_("Vantage asks for the same permissions as when Inflow connected this account. The role needs no update."));
      break;

    case INFLOW_UPDATE_STATE_NOT_RECORDED:
    case INFLOW_UPDATE_STATE_LOADING:
    case INFLOW_UPDATE_STATE_ERROR:
    default:
      gtk_image_set_from_icon_name (self->verdict_icon, "dialog-information-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), "success");
      gtk_label_set_label (self->verdict_title, _("Not Recorded"));
      description = g_strdup (_("This integration was connected elsewhere, in the Vantage console or another copy of Inflow, so Inflow cannot tell what changed. Below is everything the role needs now: applying it brings the role up to date."));
      break;
    }

  gtk_label_set_label (self->verdict_description, description);
}

static void
regenerate (InflowUpdatePermissionsDialog *self)
{
  g_autoptr(InflowOnboardingInfo) blank = NULL;
  g_autoptr(InflowPermissionsUpdate) update = NULL;
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) terraform_error = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *snippet = NULL;
  const InflowOnboardingInfo *recorded;

  role_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->role_row))));
  if (!inflow_aws_validate_role_name (role_name, &error))
    {
      inflow_view_set_error_style (GTK_WIDGET (self->role_row), TRUE);
      gtk_label_set_label (self->role_message, error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->role_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->role_message), "error");
      return;
    }

  inflow_view_set_error_style (GTK_WIDGET (self->role_row), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->role_message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->role_message), "dim-label");
  gtk_label_set_label (self->role_message,
                       self->record != NULL ? _("The name the role got when Inflow connected the account.")
                                            : _("The name of the role Vantage assumes in this account; Vantage’s own methods name it vantage_cross_account_connection."));

  choices = inflow_onboarding_choices_copy (self->choices);
  g_free (choices->role_name);
  choices->role_name = g_steal_pointer (&role_name);

  if (self->record != NULL)
    {
      recorded = self->record->info;
    }
  else
    {
      /* Nothing recorded: compare with nothing, so that every document is
       * part of the update. */
      blank = inflow_onboarding_info_new ("", NULL);
      recorded = blank;
    }

  update = inflow_permissions_update_generate (recorded, self->current, choices, &error);
  if (update == NULL)
    {
      if (self->update == NULL)
        {
          show_error (self, error->message);
        }
      else
        {
          gtk_label_set_label (self->role_message, error->message);
          gtk_widget_remove_css_class (GTK_WIDGET (self->role_message), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (self->role_message), "error");
        }
      return;
    }

  g_clear_pointer (&self->update, inflow_permissions_update_free);
  self->update = g_steal_pointer (&update);

  if (self->record == NULL)
    set_state (self, INFLOW_UPDATE_STATE_NOT_RECORDED);
  else if (inflow_permissions_diff_is_empty (self->update->diff))
    set_state (self, INFLOW_UPDATE_STATE_UNCHANGED);
  else
    set_state (self, INFLOW_UPDATE_STATE_CHANGED);

  show_verdict (self);
  show_changes (self);
  show_documents (self);

  gtk_widget_set_visible (self->steps_box, self->state != INFLOW_UPDATE_STATE_UNCHANGED);
  /* A stack Inflow did not make may hold more than the role: regenerating
   * its template here could drop the rest. */
  gtk_widget_set_visible (self->cfn_group, self->record != NULL && self->update->cloudformation != NULL);
  gtk_widget_set_visible (self->vantage_group, self->record == NULL);
  gtk_label_set_label (self->cfn_error, self->update->cloudformation_error != NULL ? self->update->cloudformation_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cfn_error), self->record != NULL && self->update->cloudformation_error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "update.save-template", self->update->cloudformation != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "update.open-cloudformation", self->update->cloudformation != NULL);

  inflow_code_view_set_text (self->cli_view, self->update->cli_script);

  gtk_label_set_label (self->terraform_note, self->update->terraform_note);
  snippet = inflow_terraform_snippet_generate (choices, &terraform_error);
  inflow_code_view_set_text (self->terraform_view, snippet);
  gtk_widget_set_visible (GTK_WIDGET (self->terraform_view), snippet != NULL);
  gtk_label_set_label (self->terraform_error, terraform_error != NULL ? terraform_error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->terraform_error), terraform_error != NULL);
}

static void
role_changed_cb (InflowUpdatePermissionsDialog *self)
{
  if (self->current != NULL && self->choices != NULL)
    regenerate (self);
}

/* ---- loading ------------------------------------------------------------ */

static void
info_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  InflowUpdatePermissionsDialog *self = user_data;
  g_autoptr(InflowAwsProviderInfo) provider_info = NULL;
  g_autoptr(GError) error = NULL;

  provider_info = inflow_client_get_aws_provider_info_finish (INFLOW_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (provider_info != NULL)
    self->current = inflow_onboarding_info_new_from_provider_info (provider_info, &error);

  if (self->current == NULL)
    {
      g_debug ("Could not load the AWS provider info: %s", error->message);
      show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  self->choices = self->record != NULL ? inflow_onboarding_choices_copy (self->record->choices) : guess_choices (self);
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), self->choices->role_name);

  regenerate (self);

  /* The role name is there to correct, not to type first: no focus on it
   * (which would select all of it) until the admin goes there. */
  gtk_editable_select_region (GTK_EDITABLE (self->role_row), 0, 0);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
record_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  InflowUpdatePermissionsDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  InflowAwsConnectionRecord *record;

  record = inflow_aws_connection_record_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A record that cannot be read counts as none. */
  if (error != NULL)
    g_warning ("Ignoring the connection record of %s: %s", self->integration_token, error->message);

  g_clear_pointer (&self->record, inflow_aws_connection_record_free);
  self->record = record;

  inflow_client_get_aws_provider_info_async (inflow_session_get_client (self->session), self->cancellable,
                                             info_loaded_cb, self);
}

static void
load (InflowUpdatePermissionsDialog *self)
{
  g_autoptr(InflowIntegration) integration = NULL;
  InflowProfile *profile = inflow_session_get_profile (self->session);
  GListModel *integrations = inflow_session_get_integrations (self->session);

  for (guint i = 0; i < g_list_model_get_n_items (integrations) && integration == NULL; i++)
    {
      g_autoptr(InflowIntegration) candidate = g_list_model_get_item (integrations, i);

      if (g_strcmp0 (inflow_integration_get_token (candidate), self->integration_token) == 0)
        integration = g_steal_pointer (&candidate);
    }

  if (integration == NULL || !inflow_integration_is_provider (integration, "aws"))
    {
      show_error (self, _("This integration is not one of the AWS integrations Inflow knows. Refresh the integrations and try again."));
      return;
    }

  g_free (self->account_id);
  self->account_id = g_strdup (inflow_integration_get_account_identifier (integration));
  update_subtitle (self);

  g_clear_pointer (&self->current, inflow_onboarding_info_free);
  set_state (self, INFLOW_UPDATE_STATE_LOADING);
  inflow_aws_connection_record_load_async (inflow_session_get_database (self->session),
                                           profile != NULL ? inflow_profile_get_id (profile) : NULL,
                                           self->integration_token, self->cancellable,
                                           record_loaded_cb, self);
}

/* ---- actions ------------------------------------------------------------ */

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  load (INFLOW_UPDATE_PERMISSIONS_DIALOG (widget));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (widget);

  if (self->update == NULL || self->update->cloudformation == NULL)
    return;

  inflow_view_save_text (widget, _("Save the Regenerated Template"), self->update->cloudformation->file_name,
                         self->update->cloudformation->template_json);
}

static void
open_cloudformation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (widget);

  if (self->update != NULL && self->update->cloudformation != NULL)
    inflow_view_open_uri (widget, self->update->cloudformation->console_url);
}

static void
open_vantage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  inflow_view_open_uri (widget, INFLOW_VANTAGE_INTEGRATIONS_URL);
}

static void
open_role_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (widget);
  g_autofree char *role_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->role_row))));
  g_autofree char *url = NULL;

  if (self->choices == NULL || !inflow_aws_validate_role_name (role_name, NULL))
    return;

  url = inflow_console_link_iam_role (self->choices->partition, role_name);
  inflow_view_open_uri (widget, url);
}

/* ---- the object --------------------------------------------------------- */

static void
inflow_update_permissions_dialog_constructed (GObject *object)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);

  G_OBJECT_CLASS (inflow_update_permissions_dialog_parent_class)->constructed (object);

  g_assert (INFLOW_IS_SESSION (self->session));
  g_assert (self->integration_token != NULL);

  load (self);
}

static void
inflow_update_permissions_dialog_dispose (GObject *object)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_update_permissions_dialog_parent_class)->dispose (object);
}

static void
inflow_update_permissions_dialog_finalize (GObject *object)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->record, inflow_aws_connection_record_free);
  g_clear_pointer (&self->current, inflow_onboarding_info_free);
  g_clear_pointer (&self->update, inflow_permissions_update_free);
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  g_clear_pointer (&self->change_rows, g_ptr_array_unref);
  g_free (self->integration_token);
  g_free (self->account_id);

  G_OBJECT_CLASS (inflow_update_permissions_dialog_parent_class)->finalize (object);
}

static void
inflow_update_permissions_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_INTEGRATION_TOKEN:
      g_value_set_string (value, self->integration_token);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_update_permissions_dialog_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);

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
inflow_update_permissions_dialog_class_init (InflowUpdatePermissionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = inflow_update_permissions_dialog_constructed;
  object_class->dispose = inflow_update_permissions_dialog_dispose;
  object_class->finalize = inflow_update_permissions_dialog_finalize;
  object_class->get_property = inflow_update_permissions_dialog_get_property;
  object_class->set_property = inflow_update_permissions_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INTEGRATION_TOKEN] =
    g_param_spec_string ("integration-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowUpdatePermissionsDialog:state:
   *
   * An #InflowUpdateState.
   */
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       INFLOW_UPDATE_STATE_LOADING, INFLOW_UPDATE_STATE_NOT_RECORDED,
                       INFLOW_UPDATE_STATE_LOADING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CODE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-update-permissions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, state_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, verdict_title);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, verdict_description);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, role_message);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, steps_box);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, cfn_group);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, vantage_group);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, cfn_error);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, documents_box);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, cli_view);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, terraform_note);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, terraform_error);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, terraform_view);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);

  gtk_widget_class_install_action (widget_class, "update.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "update.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "update.open-cloudformation", NULL, open_cloudformation_action);
  gtk_widget_class_install_action (widget_class, "update.open-role", NULL, open_role_action);
  gtk_widget_class_install_action (widget_class, "update.open-vantage", NULL, open_vantage_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
inflow_update_permissions_dialog_init (InflowUpdatePermissionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->change_rows = g_ptr_array_new ();

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * inflow_update_permissions_dialog_new:
 * @parent: (nullable): the main window
 * @session: the active session
 * @integration_token: an AWS integration of the session
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
InflowUpdatePermissionsDialog *
inflow_update_permissions_dialog_new (GtkWindow     *parent,
                                      InflowSession *session,
                                      const char    *integration_token)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);
  g_return_val_if_fail (integration_token != NULL, NULL);

  return g_object_new (INFLOW_TYPE_UPDATE_PERMISSIONS_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "integration-token", integration_token,
                       NULL);
}

InflowUpdateState
inflow_update_permissions_dialog_get_state (InflowUpdatePermissionsDialog *self)
{
  g_return_val_if_fail (INFLOW_IS_UPDATE_PERMISSIONS_DIALOG (self), INFLOW_UPDATE_STATE_ERROR);

  return self->state;
}

/* The number of changes shown (0 unless the state is CHANGED). */
guint
inflow_update_permissions_dialog_get_n_changes (InflowUpdatePermissionsDialog *self)
{
  g_return_val_if_fail (INFLOW_IS_UPDATE_PERMISSIONS_DIALOG (self), 0);

  if (self->state != INFLOW_UPDATE_STATE_CHANGED || self->update == NULL)
    return 0;

  return self->update->diff->changes->len;
}
