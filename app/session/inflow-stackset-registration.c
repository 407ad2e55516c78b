/* inflow-stackset-registration.c: registering the member accounts a StackSet gave a role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-api-error.h"
#include "inflow-aws-arn.h"
#include "inflow-aws-connector.h"
#include "inflow-smart-paste.h"
#include "inflow-stackset-registration.h"

/*
 * A StackSet creates the role in every member account, but nothing tells
 * Vantage about those roles (Vantage's own StackSet template does, with a
 * pingback Inflow cannot use). So once the stacks are deployed Inflow
 * registers each member's role itself, the way Vantage's Terraform module
 * does: `POST /v1/integrations/aws` with the role's ARN and no bucket.
 *
 * The members come from the pasted stack instances (their accounts and how
 * far each stack got) or, when the admin only confirms the deployment, from
 * the member accounts Vantage lists under a connected management account.
 * An account Vantage already has an integration for is never sent again.
 * The writes go one at a time, a second apart, so that a large organization
 * stays within the account-wide rate limit; the client waits out a 429, and
 * a limit that does not clear in time pauses the run, to be resumed with
 * Retry. Then one list of the integrations finds the new ones.
 */

#define WRITE_INTERVAL_MS 1000
#define FIND_ATTEMPTS     3
#define FIND_INTERVAL_S   5

struct _InflowStackSetRegistration
{
  GObject                  parent_instance;

  InflowSession           *session;
  InflowOnboardingInfo    *info;
  InflowOnboardingChoices *choices;
  GListStore              *members;
  gboolean                 running;
};

G_DEFINE_FINAL_TYPE (InflowStackSetRegistration, inflow_stackset_registration, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBERS,
  PROP_RUNNING,
  PROP_CAN_REGISTER,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_counts (InflowStackSetRegistration *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REGISTER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
set_running (InflowStackSetRegistration *self,
             gboolean                    running)
{
  if (self->running == running)
    return;

  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  notify_counts (self);
}

static void
inflow_stackset_registration_dispose (GObject *object)
{
  InflowStackSetRegistration *self = INFLOW_STACKSET_REGISTRATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (inflow_stackset_registration_parent_class)->dispose (object);
}

static void
inflow_stackset_registration_finalize (GObject *object)
{
  InflowStackSetRegistration *self = INFLOW_STACKSET_REGISTRATION (object);

  g_clear_pointer (&self->info, inflow_onboarding_info_free);
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);

  G_OBJECT_CLASS (inflow_stackset_registration_parent_class)->finalize (object);
}

static void
inflow_stackset_registration_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  InflowStackSetRegistration *self = INFLOW_STACKSET_REGISTRATION (object);

  switch (prop_id)
    {
    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_CAN_REGISTER:
      g_value_set_boolean (value, inflow_stackset_registration_get_can_register (self));
      break;

    case PROP_SUMMARY:
      g_value_take_string (value, inflow_stackset_registration_dup_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_stackset_registration_class_init (InflowStackSetRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_stackset_registration_dispose;
  object_class->finalize = inflow_stackset_registration_finalize;
  object_class->get_property = inflow_stackset_registration_get_property;

  /**
   * InflowStackSetRegistration:members:
   *
   * The member accounts, #InflowMemberRegistration items.
   */
  properties[PROP_MEMBERS] = g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  /**
   * InflowStackSetRegistration:can-register:
   *
   * Whether a member waits to be registered (or to be retried) and nothing
   * runs.
   */
  properties[PROP_CAN_REGISTER] = g_param_spec_boolean ("can-register", NULL, NULL, FALSE, flags);
  /**
   * InflowStackSetRegistration:summary:
   *
   * The outcome so far, in words; %NULL without members.
   */
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_stackset_registration_init (InflowStackSetRegistration *self)
{
  self->members = g_list_store_new (INFLOW_TYPE_MEMBER_REGISTRATION);
}

/**
 * inflow_stackset_registration_new:
 * @session: the session whose Vantage account gets the members
 * @info: the provider info the StackSet's template was made from
 * @choices: the StackSet's role (name and path)
 *
 * Returns: (transfer full): a registration without members
 */
InflowStackSetRegistration *
inflow_stackset_registration_new (InflowSession                 *session,
                                  const InflowOnboardingInfo    *info,
                                  const InflowOnboardingChoices *choices)
{
  InflowStackSetRegistration *self;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);
  g_return_val_if_fail (info != NULL && choices != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_STACKSET_REGISTRATION, NULL);
  self->session = g_object_ref (session);
  self->info = inflow_onboarding_info_copy (info);
  self->choices = inflow_onboarding_choices_copy (choices);
  self->choices->kind = INFLOW_ACCOUNT_KIND_MEMBER;
  g_clear_pointer (&self->choices->account_id, g_free);

  return self;
}

GListModel *
inflow_stackset_registration_get_members (InflowStackSetRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_STACKSET_REGISTRATION (self), NULL);

  return G_LIST_MODEL (self->members);
}

gboolean
inflow_stackset_registration_get_running (InflowStackSetRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_STACKSET_REGISTRATION (self), FALSE);

  return self->running;
}

gboolean
inflow_stackset_registration_get_can_register (InflowStackSetRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_STACKSET_REGISTRATION (self), FALSE);

  if (self->running)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
    {
      g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (inflow_member_registration_needs_write (member))
        return TRUE;
    }

  return FALSE;
}

/* The integration Vantage already has for @member's account, per the session. */
static InflowIntegration *
find_connected (InflowStackSetRegistration *self,
                InflowMemberRegistration   *member)
{
  return inflow_aws_find_integration (inflow_session_get_integrations (self->session),
                                      inflow_member_registration_get_account_id (member));
}

/* A member Vantage already has is never sent: marked before any write. */
static gboolean
mark_if_connected (InflowStackSetRegistration *self,
                   InflowMemberRegistration   *member)
{
  g_autoptr(InflowIntegration) existing = find_connected (self, member);

  if (existing == NULL)
    return FALSE;

  inflow_member_registration_set_integration_token (member, inflow_integration_get_token (existing));
  inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_ALREADY_CONNECTED, NULL);
  return TRUE;
}

static InflowMemberRegistration *
member_new (InflowStackSetRegistration *self,
            const char                 *account_id)
{
  g_autoptr(InflowRoleArn) arn = NULL;
  g_autofree char *role_arn = NULL;
  InflowAccountDirectory *directory = inflow_session_get_account_directory (self->session);

  arn = inflow_role_arn_new (INFLOW_AWS_PARTITION_AWS, account_id,
                             inflow_onboarding_choices_get_role_path (self->choices),
                             self->choices->role_name, NULL);
  g_assert (arn != NULL);
  role_arn = inflow_role_arn_to_string (arn);

  return inflow_member_registration_new (account_id, inflow_account_directory_get_title (directory, account_id),
                                         role_arn);
}

static gboolean
has_member (InflowStackSetRegistration *self,
            const char                 *account_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
    {
      g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (g_str_equal (inflow_member_registration_get_account_id (member), account_id))
        return TRUE;
    }

  return FALSE;
}

/**
 * inflow_stackset_registration_read_instances:
 * @pasted: what `aws cloudformation list-stack-instances` printed
 *
 * Replaces the members with the accounts of the pasted stack instances:
 * those whose stack is deployed wait to be registered; the others say why
 * not (still deploying, or CloudFormation's reason for the failure).
 *
 * Returns: %FALSE with @error when the paste names no stack instance
 */
gboolean
inflow_stackset_registration_read_instances (InflowStackSetRegistration  *self,
                                             const char                  *pasted,
                                             GError                     **error)
{
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_return_val_if_fail (INFLOW_IS_STACKSET_REGISTRATION (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  instances = inflow_smart_paste_stack_instances (pasted, error);
  if (instances == NULL)
    return FALSE;

  members = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < instances->len; i++)
    {
      InflowStackInstance *instance = g_ptr_array_index (instances, i);
      InflowMemberRegistration *member = member_new (self, instance->account_id);

      g_ptr_array_add (members, member);
      if (mark_if_connected (self, member))
        continue;

      switch (instance->state)
        {
        case INFLOW_STACK_INSTANCE_DEPLOYING:
          inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_STACK_DEPLOYING, instance->status);
          break;

        case INFLOW_STACK_INSTANCE_FAILED:
          inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_STACK_FAILED,
                                                instance->status_reason != NULL ? instance->status_reason : instance->status);
          break;

        case INFLOW_STACK_INSTANCE_DEPLOYED:
        case INFLOW_STACK_INSTANCE_UNKNOWN:
        default:
          break;
        }
    }

  g_list_store_splice (self->members, 0, g_list_model_get_n_items (G_LIST_MODEL (self->members)),
                       members->pdata, members->len);
  notify_counts (self);

  return TRUE;
}

/**
 * inflow_stackset_registration_add_organization_members:
 *
 * For an admin who confirms the deployment without pasting it: adds the
 * member accounts Vantage lists under a management account this session
 * has connected (a StackSet deploys to members, never to the management
 * account).
 *
 * Returns: how many accounts were added
 */
guint
inflow_stackset_registration_add_organization_members (InflowStackSetRegistration *self)
{
  GListModel *accounts;
  GListModel *integrations;
  guint added = 0;

  g_return_val_if_fail (INFLOW_IS_STACKSET_REGISTRATION (self), 0);
  g_return_val_if_fail (!self->running, 0);

  accounts = inflow_session_get_cloud_accounts (self->session);
  integrations = inflow_session_get_integrations (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(InflowIntegration) management = NULL;
      g_autoptr(InflowMemberRegistration) member = NULL;
      const char *account_id = inflow_cloud_account_get_account_id (account);
      const char *management_id = inflow_cloud_account_get_management_account_id (account);

      if (g_strcmp0 (inflow_cloud_account_get_provider (account), "aws") != 0 ||
          g_strcmp0 (inflow_cloud_account_get_partition (account), "aws-us-gov") == 0 ||
          account_id == NULL || management_id == NULL || g_str_equal (account_id, management_id) ||
          !inflow_aws_validate_account_id (account_id, NULL) || has_member (self, account_id))
        continue;

      management = inflow_aws_find_integration (integrations, management_id);
      if (management == NULL)
        continue;

      member = member_new (self, account_id);
      mark_if_connected (self, member);
      g_list_store_append (self->members, member);
      added++;
    }

  notify_counts (self);

  return added;
}

/**
 * inflow_stackset_registration_dup_summary:
 *
 * Returns: (transfer full) (nullable): e.g. "3 accounts connected, 1
 *   already connected, 1 failed"; %NULL without members
 */
char *
inflow_stackset_registration_dup_summary (InflowStackSetRegistration *self)
{
  guint counts[INFLOW_MEMBER_STATE_FAILED + 1] = { 0 };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  guint n_stack;

  g_return_val_if_fail (INFLOW_IS_STACKSET_REGISTRATION (self), NULL);

  if (n == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      counts[inflow_member_registration_get_state (member)]++;
    }

  n_stack = counts[INFLOW_MEMBER_STATE_STACK_DEPLOYING] + counts[INFLOW_MEMBER_STATE_STACK_FAILED];
  if (counts[INFLOW_MEMBER_STATE_CONNECTED] + counts[INFLOW_MEMBER_STATE_REGISTERED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u account connected", "%u accounts connected",
                                                       counts[INFLOW_MEMBER_STATE_CONNECTED] + counts[INFLOW_MEMBER_STATE_REGISTERED]),
                                             counts[INFLOW_MEMBER_STATE_CONNECTED] + counts[INFLOW_MEMBER_STATE_REGISTERED]));
  if (counts[INFLOW_MEMBER_STATE_ALREADY_CONNECTED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already connected", "%u already connected",
                                                       counts[INFLOW_MEMBER_STATE_ALREADY_CONNECTED]),
                                             counts[INFLOW_MEMBER_STATE_ALREADY_CONNECTED]));
  if (counts[INFLOW_MEMBER_STATE_FAILED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u failed", "%u failed", counts[INFLOW_MEMBER_STATE_FAILED]),
                                             counts[INFLOW_MEMBER_STATE_FAILED]));
  if (counts[INFLOW_MEMBER_STATE_WAITING] + counts[INFLOW_MEMBER_STATE_REGISTERING] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to register", "%u to register",
                                                       counts[INFLOW_MEMBER_STATE_WAITING] + counts[INFLOW_MEMBER_STATE_REGISTERING]),
                                             counts[INFLOW_MEMBER_STATE_WAITING] + counts[INFLOW_MEMBER_STATE_REGISTERING]));
  if (n_stack > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u without a deployed stack", "%u without a deployed stack", n_stack),
                                             n_stack));
  g_ptr_array_add (parts, NULL);

  /* Translators: the parts of a summary are joined with this */
  return g_strjoinv (_(", "), (GStrv) parts->pdata);
}

/* ---- registering -------------------------------------------------------- */

typedef struct
{
  guint      index;          /* the next member to look at */
  gboolean   wrote;          /* whether a write went out: pause before the next */
  GPtrArray *registered;     /* account IDs Vantage accepted, to find */
  guint      find_attempts;
  guint      timeout_id;
} RegisterData;

static void
register_data_free (RegisterData *data)
{
  g_clear_pointer (&data->registered, g_ptr_array_unref);
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_free (data);
}

static void register_next (GTask *task);
static void find_registered (GTask *task);

static InflowMemberRegistration *
member_of_account (InflowStackSetRegistration *self,
                   const char                 *account_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
    {
      InflowMemberRegistration *member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (g_str_equal (inflow_member_registration_get_account_id (member), account_id))
        return member;
      g_object_unref (member);
    }

  return NULL;
}

static void
register_return (GTask  *task,
                 GError *error)
{
  InflowStackSetRegistration *self = g_task_get_source_object (task);

  set_running (self, FALSE);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static gboolean
return_if_cancelled (GTask *task)
{
  if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return FALSE;

  register_return (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled"));
  return TRUE;
}

static gboolean
find_again_cb (gpointer user_data)
{
  GTask *task = user_data;
  RegisterData *data = g_task_get_task_data (task);

  data->timeout_id = 0;
  find_registered (task);

  return G_SOURCE_REMOVE;
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  InflowStackSetRegistration *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  listed = inflow_aws_connector_find_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      register_return (task, g_steal_pointer (&error));
      return;
    }
  if (listed == NULL)
    g_debug ("Listing the new member integrations failed: %s", error->message);

  for (guint i = 0; listed != NULL && i < listed->len; i++)
    {
      InflowIntegration *integration = g_ptr_array_index (listed, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);
      g_autoptr(InflowMemberRegistration) member = member_of_account (self, account_id);
      guint position;

      if (member != NULL)
        {
          inflow_member_registration_set_integration_token (member, inflow_integration_get_token (integration));
          inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_CONNECTED, NULL);
        }
      if (g_ptr_array_find_with_equal_func (data->registered, account_id, g_str_equal, &position))
        g_ptr_array_remove_index (data->registered, position);
    }
  notify_counts (self);

  if (data->registered->len > 0 && data->find_attempts < FIND_ATTEMPTS)
    {
      data->timeout_id = g_timeout_add_seconds (FIND_INTERVAL_S, find_again_cb, task);
      return;
    }

  for (guint i = 0; i < data->registered->len; i++)
    {
      g_autoptr(InflowMemberRegistration) member = member_of_account (self, g_ptr_array_index (data->registered, i));

      inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_REGISTERED,
                                            _("Vantage accepted the role; the integration shows once Vantage lists it."));
    }

  register_return (task, NULL);
}

static void
find_registered (GTask *task)
{
  InflowStackSetRegistration *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) account_ids = NULL;

  if (return_if_cancelled (task))
    return;

  for (guint i = 0; i < data->registered->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (data->registered, i));
  account_ids = g_strv_builder_end (builder);

  data->find_attempts++;
  inflow_aws_connector_find_async (inflow_session_get_aws_connector (self->session),
                                   (const char * const *) account_ids,
                                   g_task_get_cancellable (task), found_cb, task);
}

static gboolean
is_already_connected_error (const GError *error)
{
  /* Vantage takes one AWS integration per account, and says so. */
  return g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION) &&
         strstr (error->message, "already") != NULL;
}

static void
registered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  InflowStackSetRegistration *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (G_LIST_MODEL (self->members), data->index);
  g_autoptr(GError) error = NULL;

  data->index++;
  if (inflow_aws_connector_register_finish (INFLOW_AWS_CONNECTOR (source), result, &error))
    {
      g_ptr_array_add (data->registered, g_strdup (inflow_member_registration_get_account_id (member)));
      inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_REGISTERED, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_WAITING, NULL);
      register_return (task, g_steal_pointer (&error));
      return;
    }
  else if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED))
    {
      /* The limit did not clear within the client's wait: stop here, find
       * what went through, and let Retry go on later. */
      inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_WAITING, error->message);
      data->index = g_list_model_get_n_items (G_LIST_MODEL (self->members));
    }
  else if (is_already_connected_error (error))
    {
      inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_ALREADY_CONNECTED, error->message);
    }
  else
    {
      inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_FAILED, error->message);
    }

  notify_counts (self);
  register_next (task);
}

static void
send_member (GTask *task)
{
  InflowStackSetRegistration *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (G_LIST_MODEL (self->members), data->index);

  if (return_if_cancelled (task))
    return;

  /* The session may have learned of it during the pause. */
  if (mark_if_connected (self, member))
    {
      data->index++;
      register_next (task);
      return;
    }

  data->wrote = TRUE;
  inflow_member_registration_set_state (member, INFLOW_MEMBER_STATE_REGISTERING, NULL);
  inflow_aws_connector_register_async (inflow_session_get_aws_connector (self->session),
                                       inflow_member_registration_get_role_arn (member),
                                       self->info, self->choices, g_task_get_cancellable (task),
                                       registered_cb, task);
}

static gboolean
send_member_cb (gpointer user_data)
{
  GTask *task = user_data;
  RegisterData *data = g_task_get_task_data (task);

  data->timeout_id = 0;
  send_member (task);

  return G_SOURCE_REMOVE;
}

static void
register_next (GTask *task)
{
  InflowStackSetRegistration *self = g_task_get_source_object (task);
  RegisterData *data = g_task_get_task_data (task);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  if (return_if_cancelled (task))
    return;

  for (; data->index < n; data->index++)
    {
      g_autoptr(InflowMemberRegistration) member = g_list_model_get_item (G_LIST_MODEL (self->members), data->index);

      if (!inflow_member_registration_needs_write (member) || mark_if_connected (self, member))
        continue;

      if (data->wrote)
        data->timeout_id = g_timeout_add (WRITE_INTERVAL_MS, send_member_cb, task);
      else
        send_member (task);
      return;
    }

  if (data->registered->len > 0)
    find_registered (task);
  else
    register_return (task, NULL);
}

void
inflow_stackset_registration_register_async (InflowStackSetRegistration *self,
                                             GCancellable               *cancellable,
                                             GAsyncReadyCallback         callback,
                                             gpointer                    user_data)
{
  GTask *task;
  RegisterData *data;

  g_return_if_fail (INFLOW_IS_STACKSET_REGISTRATION (self));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_stackset_registration_register_async);

  data = g_new0 (RegisterData, 1);
  data->registered = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, data, (GDestroyNotify) register_data_free);

  set_running (self, TRUE);
  register_next (task);
}

/* Returns: %FALSE only with %G_IO_ERROR_CANCELLED */
gboolean
inflow_stackset_registration_register_finish (InflowStackSetRegistration  *self,
                                              GAsyncResult                *result,
                                              GError                     **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_stackset_registration_register_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
