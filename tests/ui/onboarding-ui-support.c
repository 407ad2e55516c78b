/* onboarding-ui-support.c: a signed-in session against the simulator, for the onboarding UI tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "inflow-aws-connector.h"
#include "inflow-cloud-account.h"
#include "inflow-code-view.h"
#include "inflow-resources.h"
#include "inflow-test-utils.h"
#include "onboarding-ui-support.h"

/* What the application does at startup: the resources and the style sheet. */
void
onboarding_ui_init (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* Naming it links the compiled resources (and their registration) in. */
  g_assert_nonnull (inflow_get_resource ());

  gtk_css_provider_load_from_resource (css, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* A simulator on loopback, a client with @token ("demo-token" writes,
 * "demo-read-token" only reads) and a refreshed session without a database. */
OnboardingEnv *
onboarding_env_new (const char *token)
{
  g_autoptr(OnboardingEnv) env = g_new0 (OnboardingEnv, 1);
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  env->sim = inflow_simulator_new (11, 0, 0);
  inflow_simulator_listen (env->sim, 0, &error);
  g_assert_no_error (error);

  env->client = inflow_client_new (inflow_simulator_get_base_url (env->sim), token, &error);
  g_assert_no_error (error);

  profile = inflow_profile_new_demo (inflow_simulator_get_base_url (env->sim));
  env->session = inflow_session_new (profile, env->client, NULL);
  inflow_session_refresh_async (env->session, NULL, inflow_test_store_result_cb, &result);
  inflow_session_refresh_finish (env->session, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_session_get_integrations (env->session)), >, 0);

  return g_steal_pointer (&env);
}

void
onboarding_env_free (OnboardingEnv *env)
{
  if (env == NULL)
    return;

  if (env->session != NULL)
    inflow_session_close (env->session);
  g_clear_object (&env->session);
  g_clear_object (&env->client);
  g_clear_object (&env->sim);
  g_free (env);
}

static GHashTable *
management_ids (OnboardingEnv *env)
{
  GListModel *accounts = inflow_session_get_cloud_accounts (env->session);
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);

      if (inflow_cloud_account_get_management_account_id (account) != NULL)
        g_hash_table_add (ids, g_strdup (inflow_cloud_account_get_management_account_id (account)));
    }

  return ids;
}

/* Removes every integration of a management account from the session's
 * list, as if only member accounts were connected. */
void
onboarding_env_drop_management (OnboardingEnv *env)
{
  g_autoptr(GHashTable) ids = management_ids (env);
  GListModel *integrations = inflow_session_get_integrations (env->session);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (inflow_integration_get_account_identifier (integration) != NULL &&
          g_hash_table_contains (ids, inflow_integration_get_account_identifier (integration)))
        g_ptr_array_add (tokens, g_strdup (inflow_integration_get_token (integration)));
    }

  g_assert_cmpuint (tokens->len, >, 0);
  for (guint i = 0; i < tokens->len; i++)
    inflow_session_remove_integration (env->session, g_ptr_array_index (tokens, i));
}

/* The token of an AWS integration of a management (or member) account. */
const char *
onboarding_env_find_aws_integration (OnboardingEnv *env,
                                     gboolean       management)
{
  g_autoptr(GHashTable) ids = management_ids (env);
  GListModel *integrations = inflow_session_get_integrations (env->session);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);

      if (!inflow_integration_is_provider (integration, "aws") || account_id == NULL ||
          inflow_integration_get_status (integration) != INFLOW_INTEGRATION_STATUS_CONNECTED)
        continue;
      if (g_hash_table_contains (ids, account_id) == management)
        return inflow_integration_get_token (integration);
    }

  return NULL;
}

/* Records, for @integration_token, the provider info as it was "before":
 * without the CloudWatch policy and with one action fewer in the root
 * policy, so that Update permissions finds two changes. */
void
onboarding_env_record_old_info (OnboardingEnv *env,
                                const char    *integration_token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowAwsProviderInfo) provider_info = NULL;
  g_autoptr(InflowOnboardingInfo) info = NULL;
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GDateTime) connected_at = g_date_time_new_utc (2025, 3, 14, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  JsonObject *statement;
  JsonArray *actions;

  inflow_client_get_aws_provider_info_async (env->client, NULL, inflow_test_store_result_cb, &result);
  provider_info = inflow_client_get_aws_provider_info_finish (env->client, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  info = inflow_onboarding_info_new_from_provider_info (provider_info, &error);
  g_assert_no_error (error);
  inflow_onboarding_info_set_policy (info, INFLOW_VANTAGE_POLICY_CLOUDWATCH, NULL);

  /* The root policy: drop the last action of its first statement */
  statement = json_array_get_object_element (json_object_get_array_member (json_node_get_object (info->policies[INFLOW_VANTAGE_POLICY_ROOT]),
                                                                          "Statement"), 0);
  if (json_object_has_member (statement, "Action") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (statement, "Action")))
    {
      actions = json_object_get_array_member (statement, "Action");
      if (json_array_get_length (actions) > 1)
        json_array_remove_element (actions, json_array_get_length (actions) - 1);
    }

  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MANAGEMENT, INFLOW_AWS_PARTITION_AWS);
  choices->bucket_name = g_strdup ("vantage-cur-3f9a2c71d0");
  choices->bucket_region = g_strdup ("us-east-1");
  record = inflow_aws_connection_record_new (info, choices,
                                             "arn:aws:iam::123456789012:role/vantage_cross_account_connection",
                                             "arn:aws:s3:::vantage-cur-3f9a2c71d0", connected_at);

  inflow_aws_connection_record_save_async (NULL, inflow_profile_get_id (inflow_session_get_profile (env->session)),
                                           integration_token, record, NULL, inflow_test_store_result_cb, &result);
  inflow_aws_connection_record_save_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
}

static void
monitor_ingestion_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GPtrArray *activations = user_data;

  g_ptr_array_add (activations, g_variant_dup_string (parameter, NULL));
}

/* A stand-in for the main window that records win.monitor-ingestion. */
GtkWindow *
onboarding_recording_window_new (GPtrArray *activations)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("monitor-ingestion", G_VARIANT_TYPE_STRING);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_signal_connect (action, "activate", G_CALLBACK (monitor_ingestion_cb), activations);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (window, 400, 300);

  return window;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets pending events, redraws and short timeouts run. */
void
onboarding_flush (void)
{
  gboolean done = FALSE;

  g_timeout_add (50, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
onboarding_wait_for (gboolean (*check) (gpointer data),
                     gpointer   data)
{
  return inflow_test_wait_until (check, data, 15000);
}

static const char *
label_of (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  return NULL;
}

/* The first widget under @root of @type whose label (button label, row
 * title or label text) is @label, or of @type alone when @label is NULL. */
GtkWidget *
onboarding_find_widget (GtkWidget  *root,
                        GType       type,
                        const char *label)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) &&
      (label == NULL || g_strcmp0 (label_of (root), label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = onboarding_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The widget named @name (GtkWidget:name, set in the templates) under @root. */
GtkWidget *
onboarding_find_named (GtkWidget  *root,
                       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = onboarding_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The code view titled @title under @root. */
GtkWidget *
onboarding_find_code_view (GtkWidget  *root,
                           const char *title)
{
  if (INFLOW_IS_CODE_VIEW (root) && g_strcmp0 (inflow_code_view_get_title (INFLOW_CODE_VIEW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = onboarding_find_code_view (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The template child @name of @widget's @type part, which must be there. */
GtkWidget *
onboarding_template_child (GtkWidget  *widget,
                           GType       type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, type, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}
