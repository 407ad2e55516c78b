/* inflow-permissions-review.c: what changed in Vantage's permissions for one integration, and the update
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-aws-connector.h"
#include "inflow-console-links.h"
#include "inflow-ingestion-format.h"
#include "inflow-permissions-review.h"
#include "inflow-terraform-snippet.h"
#include "inflow-text-item.h"

/*
 * The model of the Update Permissions dialog. Vantage changes the
 * permissions it asks for now and then. When Inflow connected the account
 * it recorded the provider info of that day (see inflow-aws-connector.c);
 * this compares it with today's and regenerates the steps that bring the
 * role up to date. An integration connected elsewhere has no record: then
 * everything the role needs now is the update; a stack Inflow did not make
 * is left to the Vantage console, which knows its template. A GovCloud
 * (US) account has no role of Vantage's to update.
 */

struct _InflowPermissionsReview
{
  GObject                    parent_instance;

  InflowSession             *session;
  char                      *integration_token;
  char                      *account_id;
  GCancellable              *cancellable;

  InflowReviewState          state;
  char                      *error_message;
  InflowAwsConnectionRecord *record;
  InflowOnboardingInfo      *current;
  InflowOnboardingChoices   *choices;
  InflowPermissionsUpdate   *update;
  char                      *role_name;
  char                      *role_message;
  gboolean                   role_message_is_error;
  char                      *terraform;
  char                      *terraform_error;
  char                      *account_title;
  GListStore                *changes;
  GListStore                *documents;
  GListStore                *removals;
};

G_DEFINE_FINAL_TYPE (InflowPermissionsReview, inflow_permissions_review, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowReviewState, inflow_review_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_REVIEW_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (INFLOW_REVIEW_STATE_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (INFLOW_REVIEW_STATE_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (INFLOW_REVIEW_STATE_UNCHANGED, "unchanged"),
                    G_DEFINE_ENUM_VALUE (INFLOW_REVIEW_STATE_NOT_RECORDED, "not-recorded"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_ROLE_NAME,
  PROP_ROLE_MESSAGE,
  PROP_ROLE_MESSAGE_IS_ERROR,
  PROP_VERDICT_TITLE,
  PROP_VERDICT_DESCRIPTION,
  PROP_VERDICT_ICON_NAME,
  PROP_VERDICT_STYLE,
  PROP_CHANGES,
  PROP_DOCUMENTS,
  PROP_REMOVALS,
  PROP_CLI_SCRIPT,
  PROP_TERRAFORM,
  PROP_TERRAFORM_ERROR,
  PROP_TERRAFORM_NOTE,
  PROP_SHOW_STEPS,
  PROP_SHOW_CLOUDFORMATION,
  PROP_CLOUDFORMATION_ERROR,
  PROP_SHOW_VANTAGE,
  PROP_ACCOUNT_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void regenerate (InflowPermissionsReview *self);

static void
notify_all (InflowPermissionsReview *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_STATE; i < N_PROPS; i++)
    {
      if (i != PROP_ROLE_NAME && i != PROP_CHANGES && i != PROP_DOCUMENTS && i != PROP_REMOVALS)
        g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_error (InflowPermissionsReview *self,
           const char              *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  self->state = INFLOW_REVIEW_STATE_ERROR;
  notify_all (self);
}

/* ---- what the session knows of the account ------------------------------ */

/* The account's name, which the directory may learn after the review began. */
static void
update_account_title (InflowPermissionsReview *self)
{
  if (inflow_aws_update_account_label (self->session, self->account_id, &self->account_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_TITLE]);
}

/* The choices of a role made elsewhere: Vantage's defaults, in the
 * account's partition. Only the role is updated: whatever else a management
 * account's stack made (the report, its bucket) does not change with
 * Vantage's policies, and its names are unknown here. */
static InflowOnboardingChoices *
guess_choices (InflowPermissionsReview *self)
{
  InflowCloudAccount *account = inflow_account_directory_lookup (inflow_session_get_account_directory (self->session),
                                                                 self->account_id);
  InflowAwsPartition partition = INFLOW_AWS_PARTITION_AWS;
  InflowOnboardingChoices *choices;

  if (account != NULL && inflow_cloud_account_get_partition (account) != NULL)
    inflow_aws_partition_from_string (inflow_cloud_account_get_partition (account), &partition, NULL);

  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, partition);
  choices->account_id = g_strdup (self->account_id);

  return choices;
}

/* ---- the lists ---------------------------------------------------------- */

static void
replace_items (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static char *
describe_counts (guint n_added,
                 guint n_removed)
{
  g_autofree char *added = g_strdup_printf (ngettext ("%u action added", "%u actions added", n_added), n_added);
  g_autofree char *removed = g_strdup_printf (ngettext ("%u action removed", "%u actions removed", n_removed), n_removed);

  if (n_added > 0 && n_removed > 0)
    /* Translators: e.g. "2 actions added, 1 action removed" */
    return g_strdup_printf (_("%1$s, %2$s"), added, removed);
  if (n_added > 0)
    return g_steal_pointer (&added);
  if (n_removed > 0)
    return g_steal_pointer (&removed);

  return NULL;
}

static char *
describe_actions (const InflowPermissionChange *change)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (change->actions_added[0] != NULL)
    {
      g_autofree char *added = g_strjoinv ("\n", change->actions_added);

      /* Translators: a heading above a list of IAM actions */
      g_string_append_printf (text, "%s\n%s", _("Added:"), added);
    }
  if (change->actions_removed[0] != NULL)
    {
      g_autofree char *removed = g_strjoinv ("\n", change->actions_removed);

      /* Translators: a heading above a list of IAM actions */
      g_string_append_printf (text, "%s%s\n%s", text->len > 0 ? "\n\n" : "", _("Removed:"), removed);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Whether the role's document named @name must be replaced. */
static gboolean
needs_document (InflowPermissionsReview *self,
                const char              *name,
                gboolean                 trust)
{
  InflowPermissionsDiff *diff = self->update->diff;

  if (self->state == INFLOW_REVIEW_STATE_NOT_RECORDED)
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
fill_lists (InflowPermissionsReview *self)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) removals = g_ptr_array_new_with_free_func (g_object_unref);
  InflowIamConsoleMaterial *iam = self->update->iam_console;
  InflowPermissionsDiff *diff = self->update->diff;

  for (guint i = 0; self->state == INFLOW_REVIEW_STATE_CHANGED && i < diff->changes->len; i++)
    {
      InflowPermissionChange *change = g_ptr_array_index (diff->changes, i);
      g_autofree char *counts = describe_counts (g_strv_length (change->actions_added), g_strv_length (change->actions_removed));
      g_autofree char *actions = describe_actions (change);

      g_ptr_array_add (changes, inflow_text_item_new (NULL, change->description, counts, actions));

      if (change->kind == INFLOW_PERMISSION_CHANGE_POLICY_REMOVED &&
          inflow_vantage_policy_get_role_policy_name (change->policy) != NULL)
        {
          /* Translators: %s is the name of an inline policy */
          g_autofree char *text = g_strdup_printf (_("Delete the inline policy “%s” from the role."), change->name);

          g_ptr_array_add (removals, inflow_text_item_new (NULL, text, NULL, NULL));
        }
    }

  if (iam != NULL && needs_document (self, NULL, TRUE))
    g_ptr_array_add (documents, inflow_text_item_new (NULL, _("Trust Policy"), NULL, iam->trust_policy_json));
  for (guint i = 0; iam != NULL && i < iam->policies->len; i++)
    {
      InflowNamedText *policy = g_ptr_array_index (iam->policies, i);
      g_autofree char *title = NULL;

      if (!needs_document (self, policy->name, FALSE))
        continue;

      /* Translators: %s is the name of an inline policy, e.g. "root" */
      title = g_strdup_printf (_("Inline Policy “%s”"), policy->name);
      g_ptr_array_add (documents, inflow_text_item_new (NULL, title, NULL, policy->json));
    }

  replace_items (self->changes, changes);
  replace_items (self->documents, documents);
  replace_items (self->removals, removals);
}

/* ---- regenerating ------------------------------------------------------- */

static void
set_role_message (InflowPermissionsReview *self,
                  const char              *message,
                  gboolean                 is_error)
{
  g_free (self->role_message);
  self->role_message = g_strdup (message);
  self->role_message_is_error = is_error;
}

static void
regenerate (InflowPermissionsReview *self)
{
  g_autoptr(InflowOnboardingInfo) blank = NULL;
  g_autoptr(InflowPermissionsUpdate) update = NULL;
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) terraform_error = NULL;
  g_autofree char *role_name = g_strstrip (g_strdup (self->role_name != NULL ? self->role_name : ""));

  if (!inflow_aws_validate_role_name (role_name, &error))
    {
      set_role_message (self, error->message, TRUE);
      notify_all (self);
      return;
    }

  set_role_message (self, self->record != NULL
                            ? _("The name the role got when Inflow connected the account.")
                            : _("The name of the role Vantage assumes in this account; Vantage’s own methods name it vantage_cross_account_connection."),
                    FALSE);

  choices = inflow_onboarding_choices_copy (self->choices);
  g_free (choices->role_name);
  choices->role_name = g_steal_pointer (&role_name);

  /* Nothing recorded: compare with nothing, so that every document is
   * part of the update. */
  if (self->record == NULL)
    blank = inflow_onboarding_info_new ("", NULL);

  update = inflow_permissions_update_generate (self->record != NULL ? self->record->info : blank,
                                              self->current, choices, &error);
  if (update == NULL)
    {
      if (self->update == NULL)
        {
          set_error (self, error->message);
          return;
        }
      set_role_message (self, error->message, TRUE);
      notify_all (self);
      return;
    }

  g_clear_pointer (&self->update, inflow_permissions_update_free);
  self->update = g_steal_pointer (&update);

  if (self->record == NULL)
    self->state = INFLOW_REVIEW_STATE_NOT_RECORDED;
  else if (inflow_permissions_diff_is_empty (self->update->diff))
    self->state = INFLOW_REVIEW_STATE_UNCHANGED;
  else
    self->state = INFLOW_REVIEW_STATE_CHANGED;

  g_clear_pointer (&self->terraform, g_free);
  g_clear_pointer (&self->terraform_error, g_free);
  self->terraform = inflow_terraform_snippet_generate (choices, &terraform_error);
  if (terraform_error != NULL)
    self->terraform_error = g_strdup (terraform_error->message);

  fill_lists (self);
  notify_all (self);
}

/* ---- loading ------------------------------------------------------------ */

/* Each step holds a reference to the review until it returns. */
static void
info_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(InflowPermissionsReview) self = user_data;
  g_autoptr(GError) error = NULL;
  InflowOnboardingInfo *current;

  current = inflow_aws_connector_load_info_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (current == NULL)
    {
      g_debug ("Could not load the AWS provider info: %s", error->message);
      set_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->current, inflow_onboarding_info_free);
  self->current = current;
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  self->choices = self->record != NULL ? inflow_onboarding_choices_copy (self->record->choices) : guess_choices (self);
  g_free (self->role_name);
  self->role_name = g_strdup (self->choices->role_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE_NAME]);

  regenerate (self);
}

static void
record_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(InflowPermissionsReview) self = user_data;
  g_autoptr(GError) error = NULL;
  InflowAwsConnectionRecord *record;

  record = inflow_aws_connector_load_record_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A record that cannot be read counts as none. */
  if (error != NULL)
    g_warning ("Ignoring the connection record of %s: %s", self->integration_token, error->message);

  g_clear_pointer (&self->record, inflow_aws_connection_record_free);
  self->record = record;

  inflow_aws_connector_load_info_async (INFLOW_AWS_CONNECTOR (source), self->cancellable, info_loaded_cb,
                                        g_object_ref (self));
}

void
inflow_permissions_review_load (InflowPermissionsReview *self,
                                GCancellable            *cancellable)
{
  g_autoptr(InflowIntegration) integration = NULL;
  GListModel *integrations;

  g_return_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self));

  g_set_object (&self->cancellable, cancellable);
  integrations = inflow_session_get_integrations (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (integrations) && integration == NULL; i++)
    {
      g_autoptr(InflowIntegration) candidate = g_list_model_get_item (integrations, i);

      if (g_strcmp0 (inflow_integration_get_token (candidate), self->integration_token) == 0)
        integration = g_steal_pointer (&candidate);
    }

  if (integration == NULL || !inflow_integration_is_provider (integration, "aws") ||
      inflow_integration_get_account_identifier (integration) == NULL)
    {
      set_error (self, _("This integration is not one of the AWS integrations Inflow knows. Refresh the integrations and try again."));
      return;
    }

  g_free (self->account_id);
  self->account_id = g_strdup (inflow_integration_get_account_identifier (integration));
  update_account_title (self);

  self->state = INFLOW_REVIEW_STATE_LOADING;
  g_clear_pointer (&self->current, inflow_onboarding_info_free);
  notify_all (self);

  inflow_aws_connector_load_record_async (inflow_session_get_aws_connector (self->session), self->integration_token,
                                          self->cancellable, record_loaded_cb, g_object_ref (self));
}

/* ---- the verdict -------------------------------------------------------- */

static char *
dup_verdict_description (InflowPermissionsReview *self)
{
  g_autofree char *date = NULL;

  if (self->record != NULL && self->record->connected_at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = inflow_ingestion_format_date (self->record->connected_at, now);
    }

  switch (self->state)
    {
    case INFLOW_REVIEW_STATE_CHANGED:
      if (date != NULL)
        /* Translators: %s is a date */
        return g_strdup_printf (_("Compared with what Vantage asked for when Inflow connected this account on %s."), date);
      return g_strdup (_("Compared with what Vantage asked for when Inflow connected this account."));

    case INFLOW_REVIEW_STATE_UNCHANGED:
      if (date != NULL)
        /* Translators: %s is a date */
        return g_strdup_printf (_("Vantage asks for the same permissions as when Inflow connected this account on %s. The role needs no update."), date);
      return g_strdup (_("Vantage asks for the same permissions as when Inflow connected this account. The role needs no update."));

    case INFLOW_REVIEW_STATE_NOT_RECORDED:
      return g_strdup (_("This integration was connected elsewhere, in the Vantage console or another copy of Inflow, so Inflow cannot tell what changed. Below is everything the role needs now: applying it brings the role up to date."));

    case INFLOW_REVIEW_STATE_LOADING:
    case INFLOW_REVIEW_STATE_ERROR:
    default:
      return NULL;
    }
}

static const char *
verdict_title (InflowReviewState state)
{
  switch (state)
    {
    case INFLOW_REVIEW_STATE_CHANGED:
      return _("Vantage Asks for Different Permissions");
    case INFLOW_REVIEW_STATE_UNCHANGED:
      return _("No Change Since You Connected");
    case INFLOW_REVIEW_STATE_NOT_RECORDED:
      return _("Not Recorded");
    case INFLOW_REVIEW_STATE_LOADING:
    case INFLOW_REVIEW_STATE_ERROR:
    default:
      return NULL;
    }
}

/* ---- the object --------------------------------------------------------- */

static void
inflow_permissions_review_dispose (GObject *object)
{
  InflowPermissionsReview *self = INFLOW_PERMISSIONS_REVIEW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->changes);
  g_clear_object (&self->documents);
  g_clear_object (&self->removals);

  G_OBJECT_CLASS (inflow_permissions_review_parent_class)->dispose (object);
}

static void
inflow_permissions_review_finalize (GObject *object)
{
  InflowPermissionsReview *self = INFLOW_PERMISSIONS_REVIEW (object);

  g_free (self->integration_token);
  g_free (self->account_id);
  g_free (self->error_message);
  g_clear_pointer (&self->record, inflow_aws_connection_record_free);
  g_clear_pointer (&self->current, inflow_onboarding_info_free);
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  g_clear_pointer (&self->update, inflow_permissions_update_free);
  g_free (self->role_name);
  g_free (self->role_message);
  g_free (self->terraform);
  g_free (self->terraform_error);
  g_free (self->account_title);

  G_OBJECT_CLASS (inflow_permissions_review_parent_class)->finalize (object);
}

static void
inflow_permissions_review_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  InflowPermissionsReview *self = INFLOW_PERMISSIONS_REVIEW (object);
  gboolean ready = self->update != NULL && self->state != INFLOW_REVIEW_STATE_ERROR &&
                   self->state != INFLOW_REVIEW_STATE_LOADING;

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_ROLE_NAME:
      g_value_set_string (value, self->role_name);
      break;

    case PROP_ROLE_MESSAGE:
      g_value_set_string (value, self->role_message);
      break;

    case PROP_ROLE_MESSAGE_IS_ERROR:
      g_value_set_boolean (value, self->role_message_is_error);
      break;

    case PROP_VERDICT_TITLE:
      g_value_set_string (value, verdict_title (self->state));
      break;

    case PROP_VERDICT_DESCRIPTION:
      g_value_take_string (value, dup_verdict_description (self));
      break;

    case PROP_VERDICT_ICON_NAME:
      g_value_set_string (value, self->state == INFLOW_REVIEW_STATE_CHANGED ? "dialog-warning-symbolic"
                                 : self->state == INFLOW_REVIEW_STATE_UNCHANGED ? "emblem-ok-symbolic"
                                 : "dialog-information-symbolic");
      break;

    case PROP_VERDICT_STYLE:
      g_value_set_string (value, self->state == INFLOW_REVIEW_STATE_CHANGED ? "warning"
                                 : self->state == INFLOW_REVIEW_STATE_UNCHANGED ? "success" : "dim-label");
      break;

    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;

    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;

    case PROP_REMOVALS:
      g_value_set_object (value, self->removals);
      break;

    case PROP_CLI_SCRIPT:
      g_value_set_string (value, ready ? self->update->cli_script : NULL);
      break;

    case PROP_TERRAFORM:
      g_value_set_string (value, self->terraform);
      break;

    case PROP_TERRAFORM_ERROR:
      g_value_set_string (value, self->terraform_error);
      break;

    case PROP_TERRAFORM_NOTE:
      g_value_set_string (value, ready ? self->update->terraform_note : NULL);
      break;

    case PROP_SHOW_STEPS:
      g_value_set_boolean (value, ready && self->state != INFLOW_REVIEW_STATE_UNCHANGED);
      break;

    case PROP_SHOW_CLOUDFORMATION:
      /* A stack Inflow did not make may hold more than the role:
       * regenerating its template here could drop the rest. */
      g_value_set_boolean (value, ready && self->record != NULL && self->update->cloudformation != NULL);
      break;

    case PROP_CLOUDFORMATION_ERROR:
      g_value_set_string (value, ready && self->record != NULL ? self->update->cloudformation_error : NULL);
      break;

    case PROP_SHOW_VANTAGE:
      g_value_set_boolean (value, ready && self->record == NULL);
      break;

    case PROP_ACCOUNT_TITLE:
      g_value_set_string (value, self->account_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_permissions_review_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  InflowPermissionsReview *self = INFLOW_PERMISSIONS_REVIEW (object);

  switch (prop_id)
    {
    case PROP_ROLE_NAME:
      if (g_strcmp0 (self->role_name, g_value_get_string (value)) == 0)
        return;
      g_free (self->role_name);
      self->role_name = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      g_object_notify_by_pspec (object, pspec);
      if (self->current != NULL && self->choices != NULL)
        regenerate (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_permissions_review_class_init (InflowPermissionsReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_permissions_review_dispose;
  object_class->finalize = inflow_permissions_review_finalize;
  object_class->get_property = inflow_permissions_review_get_property;
  object_class->set_property = inflow_permissions_review_set_property;

  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, INFLOW_TYPE_REVIEW_STATE,
                                              INFLOW_REVIEW_STATE_LOADING, ro);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, ro);
  /**
   * InflowPermissionsReview:role-name:
   *
   * The role to update; the steps follow it as it is corrected.
   */
  properties[PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE_MESSAGE] = g_param_spec_string ("role-message", NULL, NULL, NULL, ro);
  properties[PROP_ROLE_MESSAGE_IS_ERROR] = g_param_spec_boolean ("role-message-is-error", NULL, NULL, FALSE, ro);
  properties[PROP_VERDICT_TITLE] = g_param_spec_string ("verdict-title", NULL, NULL, NULL, ro);
  properties[PROP_VERDICT_DESCRIPTION] = g_param_spec_string ("verdict-description", NULL, NULL, NULL, ro);
  properties[PROP_VERDICT_ICON_NAME] = g_param_spec_string ("verdict-icon-name", NULL, NULL, NULL, ro);
  /**
   * InflowPermissionsReview:verdict-style:
   *
   * The style class of the verdict's icon: warning, success or dim-label.
   */
  properties[PROP_VERDICT_STYLE] = g_param_spec_string ("verdict-style", NULL, NULL, NULL, ro);
  /**
   * InflowPermissionsReview:changes:
   *
   * What changed, #InflowTextItem items: the change in words as title,
   * the count of actions as subtitle, the actions as text.
   */
  properties[PROP_CHANGES] = g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  /**
   * InflowPermissionsReview:documents:
   *
   * The documents to replace on a role kept by hand, #InflowTextItem items.
   */
  properties[PROP_DOCUMENTS] = g_param_spec_object ("documents", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_REMOVALS] = g_param_spec_object ("removals", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_CLI_SCRIPT] = g_param_spec_string ("cli-script", NULL, NULL, NULL, ro);
  properties[PROP_TERRAFORM] = g_param_spec_string ("terraform", NULL, NULL, NULL, ro);
  properties[PROP_TERRAFORM_ERROR] = g_param_spec_string ("terraform-error", NULL, NULL, NULL, ro);
  properties[PROP_TERRAFORM_NOTE] = g_param_spec_string ("terraform-note", NULL, NULL, NULL, ro);
  properties[PROP_SHOW_STEPS] = g_param_spec_boolean ("show-steps", NULL, NULL, FALSE, ro);
  properties[PROP_SHOW_CLOUDFORMATION] = g_param_spec_boolean ("show-cloudformation", NULL, NULL, FALSE, ro);
  properties[PROP_CLOUDFORMATION_ERROR] = g_param_spec_string ("cloudformation-error", NULL, NULL, NULL, ro);
  properties[PROP_SHOW_VANTAGE] = g_param_spec_boolean ("show-vantage", NULL, NULL, FALSE, ro);
  properties[PROP_ACCOUNT_TITLE] = g_param_spec_string ("account-title", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_permissions_review_init (InflowPermissionsReview *self)
{
  self->role_name = g_strdup ("");
  self->changes = g_list_store_new (INFLOW_TYPE_TEXT_ITEM);
  self->documents = g_list_store_new (INFLOW_TYPE_TEXT_ITEM);
  self->removals = g_list_store_new (INFLOW_TYPE_TEXT_ITEM);
}

/**
 * inflow_permissions_review_new:
 * @integration_token: an AWS integration of @session
 *
 * Returns: (transfer full): a review, loading nothing yet
 */
InflowPermissionsReview *
inflow_permissions_review_new (InflowSession *session,
                               const char    *integration_token)
{
  InflowPermissionsReview *self;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);
  g_return_val_if_fail (integration_token != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_PERMISSIONS_REVIEW, NULL);
  self->session = g_object_ref (session);
  self->integration_token = g_strdup (integration_token);
  g_signal_connect_object (inflow_session_get_account_directory (session), "changed",
                           G_CALLBACK (update_account_title), self, G_CONNECT_SWAPPED);

  return self;
}

InflowReviewState
inflow_permissions_review_get_state (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), INFLOW_REVIEW_STATE_ERROR);

  return self->state;
}

const char *
inflow_permissions_review_get_error_message (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  return self->error_message;
}

GListModel *
inflow_permissions_review_get_changes (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->changes);
}

GListModel *
inflow_permissions_review_get_documents (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->documents);
}

GListModel *
inflow_permissions_review_get_removals (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  return G_LIST_MODEL (self->removals);
}

/* Returns: (nullable): the update, once loaded */
const InflowPermissionsUpdate *
inflow_permissions_review_get_update (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  return self->update;
}

const char *
inflow_permissions_review_get_terraform (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  return self->terraform;
}

const char *
inflow_permissions_review_get_terraform_error (InflowPermissionsReview *self)
{
  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  return self->terraform_error;
}

/* Returns: (transfer full) (nullable): the role's page in the IAM console,
 * %NULL while the role name is not valid */
char *
inflow_permissions_review_dup_role_url (InflowPermissionsReview *self)
{
  g_autofree char *role_name = NULL;

  g_return_val_if_fail (INFLOW_IS_PERMISSIONS_REVIEW (self), NULL);

  role_name = g_strstrip (g_strdup (self->role_name != NULL ? self->role_name : ""));
  if (self->choices == NULL || !inflow_aws_validate_role_name (role_name, NULL))
    return NULL;

  return inflow_console_link_iam_role (self->choices->partition, role_name);
}
