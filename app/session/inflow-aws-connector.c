/* inflow-aws-connector.c: registering a role with Vantage and finding the new integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-aws-connector.h"
#include "inflow-json.h"
#include "inflow-cloud-account.h"
#include "inflow-session.h"
#include "inflow-storage-error.h"

/* Connecting an AWS account takes three calls the API does not tie
 * together: v1 registers the role and answers with a v1 id, while the rest
 * of Inflow speaks v2 and needs the integration's token. The new
 * integration is found by listing the AWS integrations of the role's
 * account, which may take a moment to show it.
 *
 * The provider info the role was made from is recorded, so that "Update
 * permissions" can later compare it with what Vantage asks for then. The
 * storage API has no table for it: it goes into the cached lists under the
 * kind "aws-provider-info:<integration token>", as JSON. Records are also
 * kept in memory for the run, so sessions without a database (the demo)
 * find what they connected. */

#define RECORD_VERSION         1
#define DEFAULT_FIND_ATTEMPTS  6
#define DEFAULT_FIND_DELAY_MS  2000

G_DEFINE_QUARK (inflow-aws-connector-error-quark, inflow_aws_connector_error)

/* ---- provider info ------------------------------------------------------ */

/**
 * inflow_onboarding_info_new_from_provider_info:
 * @provider_info: what `GET /v1/integrations/aws/info` returned
 *
 * Returns: (transfer full) (nullable): the same as plain data for the
 *   generators, or %NULL with @error when a policy is not a JSON document
 */
InflowOnboardingInfo *
inflow_onboarding_info_new_from_provider_info (InflowAwsProviderInfo  *provider_info,
                                               GError                **error)
{
  g_autoptr(InflowOnboardingInfo) info = NULL;

  g_return_val_if_fail (INFLOW_IS_AWS_PROVIDER_INFO (provider_info), NULL);

  info = inflow_onboarding_info_new (inflow_aws_provider_info_get_external_id (provider_info),
                                     inflow_aws_provider_info_get_iam_role_arn (provider_info));
  info->vantage_id = g_strdup (inflow_aws_provider_info_get_vantage_id (provider_info));

  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    {
      const char *key = inflow_vantage_policy_get_key (i);
      const char *text = inflow_aws_provider_info_get_policy_text (provider_info, key);
      JsonNode *document = inflow_aws_provider_info_get_policy (provider_info, key);

      if (text != NULL)
        {
          if (!inflow_onboarding_info_set_policy_text (info, i, text, error))
            return NULL;
        }
      else if (document != NULL)
        {
          inflow_onboarding_info_set_policy (info, i, document);
        }
    }

  return g_steal_pointer (&info);
}

/**
 * inflow_onboarding_info_to_json:
 *
 * The provider info in the shape of `GET /v1/integrations/aws/info`, with
 * each policy as a JSON object, which inflow_onboarding_info_new_from_json()
 * reads back.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
inflow_onboarding_info_to_json (const InflowOnboardingInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (info != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "external_id");
  json_builder_add_string_value (builder, info->external_id);
  json_builder_set_member_name (builder, "iam_role_arn");
  json_builder_add_string_value (builder, info->vantage_role_arn);
  json_builder_set_member_name (builder, "vantage_id");
  json_builder_add_string_value (builder, info->vantage_id);
  json_builder_set_member_name (builder, "policies");
  json_builder_begin_object (builder);
  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    {
      if (info->policies[i] == NULL)
        continue;
      json_builder_set_member_name (builder, inflow_vantage_policy_get_key (i));
      json_builder_add_value (builder, json_node_copy (info->policies[i]));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* ---- what the session knows --------------------------------------------- */

/**
 * inflow_aws_dup_account_label:
 * @account_id: a 12-digit AWS account ID
 *
 * Returns: (transfer full): "Name (ID)" when Vantage lists a name for the
 *   account, "Account ID" otherwise
 */
char *
inflow_aws_dup_account_label (InflowSession *session,
                              const char    *account_id)
{
  const char *title;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  title = inflow_account_directory_get_title (inflow_session_get_account_directory (session), account_id);
  if (title != NULL && g_strcmp0 (title, account_id) != 0)
    /* Translators: %1$s is an account's name, %2$s its 12-digit ID */
    return g_strdup_printf (_("%1$s (%2$s)"), title, account_id);

  /* Translators: %s is a 12-digit AWS account ID */
  return g_strdup_printf (_("Account %s"), account_id);
}

/**
 * inflow_aws_update_account_label:
 * @account_id: (nullable): a 12-digit AWS account ID
 * @label: (inout): the label shown so far, replaced
 *
 * Brings @label up to date with inflow_aws_dup_account_label(): the
 * directory may learn the account's name after a view began.
 *
 * Returns: whether @label changed
 */
gboolean
inflow_aws_update_account_label (InflowSession  *session,
                                 const char     *account_id,
                                 char          **label)
{
  g_autofree char *fresh = NULL;

  g_return_val_if_fail (label != NULL, FALSE);

  if (account_id == NULL)
    return FALSE;

  fresh = inflow_aws_dup_account_label (session, account_id);
  if (g_strcmp0 (fresh, *label) == 0)
    return FALSE;

  g_free (*label);
  *label = g_steal_pointer (&fresh);
  return TRUE;
}

/**
 * inflow_aws_govcloud_coverage_words:
 *
 * Returns: the mark of a GovCloud (US) account or integration, short enough
 *   for a row: "Costs only · Active Resources not synced"
 */
const char *
inflow_aws_govcloud_coverage_words (void)
{
  return _("Costs only · Active Resources not synced");
}

/**
 * inflow_aws_govcloud_coverage_description:
 *
 * Returns: the mark's explanation, for a tooltip or a page
 */
const char *
inflow_aws_govcloud_coverage_description (void)
{
  return _("An AWS GovCloud (US) account: its costs reach Vantage through the standard account it is paired with, "
           "and show by resource in Cost Reports, but Vantage does not sync Active Resources from GovCloud regions.");
}

/**
 * inflow_aws_integration_is_govcloud:
 *
 * Whether @integration is an AWS integration of an account Vantage lists in
 * the aws-us-gov partition (see inflow_account_directory_is_govcloud()),
 * which gets inflow_aws_govcloud_coverage_words().
 */
gboolean
inflow_aws_integration_is_govcloud (InflowSession     *session,
                                    InflowIntegration *integration)
{
  g_return_val_if_fail (INFLOW_IS_SESSION (session), FALSE);
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), FALSE);

  return inflow_integration_is_provider (integration, "aws") &&
         inflow_account_directory_is_govcloud (inflow_session_get_account_directory (session),
                                               inflow_integration_get_account_identifier (integration));
}

/**
 * inflow_aws_management_is_connected:
 * @integrations: (nullable): InflowIntegration items
 * @cloud_accounts: (nullable): InflowCloudAccount items
 *
 * Whether an AWS integration belongs to a management (payer) account: its
 * account is the management account of an organization Vantage knows (from
 * the cloud accounts' organization ARNs). Without cloud accounts nothing
 * tells a management account from a member, so the answer is %FALSE.
 */
gboolean
inflow_aws_management_is_connected (GListModel *integrations,
                                    GListModel *cloud_accounts)
{
  g_autoptr(GHashTable) management_ids = NULL;
  guint n;

  if (integrations == NULL || cloud_accounts == NULL)
    return FALSE;

  management_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (cloud_accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (cloud_accounts, i);
      const char *management_id = inflow_cloud_account_get_management_account_id (account);

      if (g_strcmp0 (inflow_cloud_account_get_provider (account), "aws") != 0)
        continue;
      if (management_id != NULL)
        g_hash_table_add (management_ids, g_strdup (management_id));
      if (inflow_cloud_account_is_management (account) && inflow_cloud_account_get_account_id (account) != NULL)
        g_hash_table_add (management_ids, g_strdup (inflow_cloud_account_get_account_id (account)));
    }

  n = g_list_model_get_n_items (integrations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);

      if (inflow_integration_is_provider (integration, "aws") && account_id != NULL &&
          g_hash_table_contains (management_ids, account_id))
        return TRUE;
    }

  return FALSE;
}

static gint64
created_at_of (InflowIntegration *integration)
{
  GDateTime *created_at = inflow_integration_get_created_at (integration);

  return created_at != NULL ? g_date_time_to_unix (created_at) : G_MININT64;
}

/**
 * inflow_aws_find_integration:
 * @integrations: (nullable): InflowIntegration items
 * @account_id: a 12-digit AWS account ID
 *
 * Returns: (transfer full) (nullable): the newest AWS integration of
 *   @account_id, or %NULL
 */
InflowIntegration *
inflow_aws_find_integration (GListModel *integrations,
                             const char *account_id)
{
  InflowIntegration *found = NULL;
  guint n;

  g_return_val_if_fail (account_id != NULL, NULL);

  if (integrations == NULL)
    return NULL;

  n = g_list_model_get_n_items (integrations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (!inflow_integration_is_provider (integration, "aws") ||
          g_strcmp0 (inflow_integration_get_account_identifier (integration), account_id) != 0)
        continue;

      if (found == NULL || created_at_of (integration) > created_at_of (found))
        g_set_object (&found, integration);
    }

  return found;
}

/* ---- the record --------------------------------------------------------- */

InflowAwsConnectionRecord *
inflow_aws_connection_record_new (const InflowOnboardingInfo    *info,
                                  const InflowOnboardingChoices *choices,
                                  const char                    *role_arn,
                                  const char                    *bucket_arn,
                                  GDateTime                     *connected_at)
{
  InflowAwsConnectionRecord *record;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (choices != NULL, NULL);
  g_return_val_if_fail (role_arn != NULL, NULL);

  record = g_new0 (InflowAwsConnectionRecord, 1);
  record->info = inflow_onboarding_info_copy (info);
  record->choices = inflow_onboarding_choices_copy (choices);
  record->role_arn = g_strdup (role_arn);
  record->bucket_arn = g_strdup (bucket_arn);
  record->connected_at = connected_at != NULL ? g_date_time_ref (connected_at) : NULL;

  return record;
}

void
inflow_aws_connection_record_free (InflowAwsConnectionRecord *record)
{
  if (record == NULL)
    return;

  g_clear_pointer (&record->info, inflow_onboarding_info_free);
  g_clear_pointer (&record->choices, inflow_onboarding_choices_free);
  g_free (record->role_arn);
  g_free (record->bucket_arn);
  g_clear_pointer (&record->connected_at, g_date_time_unref);
  g_free (record);
}

/**
 * inflow_aws_connection_record_kind:
 *
 * Returns: (transfer full): the cached-list kind the record of
 *   @integration_token is stored under
 */
char *
inflow_aws_connection_record_kind (const char *integration_token)
{
  g_return_val_if_fail (integration_token != NULL, NULL);

  return g_strconcat (INFLOW_AWS_CONNECTION_RECORD_PREFIX, integration_token, NULL);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

char *
inflow_aws_connection_record_to_json (const InflowAwsConnectionRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const InflowOnboardingChoices *choices;

  g_return_val_if_fail (record != NULL, NULL);

  choices = record->choices;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RECORD_VERSION);
  json_builder_set_member_name (builder, "provider_info");
  json_builder_add_value (builder, inflow_onboarding_info_to_json (record->info));
  add_string_member (builder, "role_arn", record->role_arn);
  add_string_member (builder, "bucket_arn", record->bucket_arn);
  if (record->connected_at != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (record->connected_at);

      add_string_member (builder, "connected_at", text);
    }

  json_builder_set_member_name (builder, "choices");
  json_builder_begin_object (builder);
  add_string_member (builder, "kind", choices->kind == INFLOW_ACCOUNT_KIND_MANAGEMENT ? "management" : "member");
  add_string_member (builder, "partition", inflow_aws_partition_to_string (choices->partition));
  add_string_member (builder, "account_id", choices->account_id);
  add_string_member (builder, "stack_name", choices->stack_name);
  add_string_member (builder, "role_name", choices->role_name);
  add_string_member (builder, "role_path", choices->role_path);
  add_string_member (builder, "bucket_name", choices->bucket_name);
  add_string_member (builder, "bucket_region", choices->bucket_region);
  add_string_member (builder, "report_name", choices->report_name);
  add_string_member (builder, "time_unit", inflow_cur_time_unit_to_string (choices->time_unit));
  add_string_member (builder, "cur_kind", inflow_cur_kind_to_string (choices->cur_kind));
  json_builder_set_member_name (builder, "existing_bucket");
  json_builder_add_boolean_value (builder, choices->existing_bucket);
  add_string_member (builder, "paired_govcloud_account_id", choices->paired_govcloud_account_id);
  json_builder_set_member_name (builder, "enable_autopilot");
  json_builder_add_boolean_value (builder, choices->enable_autopilot);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gpointer
invalid_record (GError     **error,
                const char  *what)
{
  g_debug ("Not a connection record: %s", what);
  g_set_error (error, INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_INVALID_RECORD,
               _("The permissions recorded when this account was connected cannot be read."));
  return NULL;
}

static void
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    return;

  g_free (*field);
  *field = g_strdup (value);
}

/**
 * inflow_aws_connection_record_new_from_json:
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error
 */
InflowAwsConnectionRecord *
inflow_aws_connection_record_new_from_json (const char  *json,
                                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(InflowOnboardingInfo) info = NULL;
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(GError) local_error = NULL;
  InflowAwsConnectionRecord *record;
  InflowAwsPartition partition = INFLOW_AWS_PARTITION_AWS;
  JsonObject *root;
  JsonObject *choices_object;
  JsonNode *node;
  const char *role_arn;
  const char *text;

  g_return_val_if_fail (json != NULL, NULL);

  if (!inflow_json_check (json, -1, &local_error) ||
      !json_parser_load_from_data (parser, json, -1, &local_error))
    return invalid_record (error, local_error->message);

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid_record (error, "not an object");
  root = json_node_get_object (node);

  if (json_object_get_int_member_with_default (root, "version", 0) != RECORD_VERSION)
    return invalid_record (error, "unknown version");

  node = json_object_get_member (root, "provider_info");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid_record (error, "no provider_info");
  info = inflow_onboarding_info_new_from_json (json_node_get_object (node), &local_error);
  if (info == NULL)
    return invalid_record (error, local_error->message);

  role_arn = get_string (root, "role_arn");
  if (role_arn == NULL)
    return invalid_record (error, "no role_arn");

  node = json_object_get_member (root, "choices");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid_record (error, "no choices");
  choices_object = json_node_get_object (node);

  text = get_string (choices_object, "partition");
  if (text != NULL && !inflow_aws_partition_from_string (text, &partition, NULL))
    return invalid_record (error, "unknown partition");

  choices = inflow_onboarding_choices_new (g_strcmp0 (get_string (choices_object, "kind"), "member") == 0
                                             ? INFLOW_ACCOUNT_KIND_MEMBER : INFLOW_ACCOUNT_KIND_MANAGEMENT,
                                           partition);
  replace_string (&choices->account_id, get_string (choices_object, "account_id"));
  replace_string (&choices->stack_name, get_string (choices_object, "stack_name"));
  replace_string (&choices->role_name, get_string (choices_object, "role_name"));
  replace_string (&choices->role_path, get_string (choices_object, "role_path"));
  replace_string (&choices->bucket_name, get_string (choices_object, "bucket_name"));
  replace_string (&choices->bucket_region, get_string (choices_object, "bucket_region"));
  replace_string (&choices->report_name, get_string (choices_object, "report_name"));
  if (g_strcmp0 (get_string (choices_object, "time_unit"), "HOURLY") == 0)
    choices->time_unit = INFLOW_CUR_TIME_UNIT_HOURLY;
  /* Records from before CUR 2.0 have no kind: legacy. */
  inflow_cur_kind_from_string (get_string (choices_object, "cur_kind"), &choices->cur_kind);
  choices->existing_bucket = json_object_get_boolean_member_with_default (choices_object, "existing_bucket", FALSE);
  replace_string (&choices->paired_govcloud_account_id, get_string (choices_object, "paired_govcloud_account_id"));
  choices->enable_autopilot = json_object_get_boolean_member_with_default (choices_object, "enable_autopilot", TRUE);

  record = g_new0 (InflowAwsConnectionRecord, 1);
  record->info = g_steal_pointer (&info);
  record->choices = g_steal_pointer (&choices);
  record->role_arn = g_strdup (role_arn);
  record->bucket_arn = g_strdup (get_string (root, "bucket_arn"));
  text = get_string (root, "connected_at");
  if (text != NULL)
    record->connected_at = g_date_time_new_from_iso8601 (text, NULL);

  return record;
}

/* Records made in this run, by "profile\037token". */
static GHashTable *
memory_records (void)
{
  static GHashTable *records;

  if (g_once_init_enter (&records))
    g_once_init_leave (&records, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));

  return records;
}

static char *
memory_key (const char *profile_id,
            const char *integration_token)
{
  return g_strconcat (profile_id != NULL ? profile_id : "", "\037", integration_token, NULL);
}

static void
record_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  InflowAwsConnectionRecord *record;

  json = inflow_database_get_cached_list_finish (INFLOW_DATABASE (source), result, NULL, &error);
  if (json == NULL)
    {
      if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND))
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  record = inflow_aws_connection_record_new_from_json (json, &error);
  if (record == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, record, (GDestroyNotify) inflow_aws_connection_record_free);
}

void
inflow_aws_connection_record_load_async (InflowDatabase      *database,
                                         const char          *profile_id,
                                         const char          *integration_token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  g_autofree char *kind = NULL;
  const char *json;

  g_return_if_fail (database == NULL || INFLOW_IS_DATABASE (database));
  g_return_if_fail (integration_token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connection_record_load_async);

  key = memory_key (profile_id, integration_token);
  json = g_hash_table_lookup (memory_records (), key);
  if (json != NULL)
    {
      g_autoptr(GError) error = NULL;
      InflowAwsConnectionRecord *record = inflow_aws_connection_record_new_from_json (json, &error);

      if (record == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, record, (GDestroyNotify) inflow_aws_connection_record_free);
      return;
    }

  if (database == NULL || profile_id == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  kind = inflow_aws_connection_record_kind (integration_token);
  inflow_database_get_cached_list_async (database, profile_id, kind, cancellable,
                                         record_loaded_cb, g_steal_pointer (&task));
}

/**
 * inflow_aws_connection_record_load_finish:
 *
 * Returns: (transfer full) (nullable): the record, or %NULL: with @error
 *   set on failure, without when nothing was recorded
 */
InflowAwsConnectionRecord *
inflow_aws_connection_record_load_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_aws_connection_record_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
record_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_database_put_cached_list_finish (INFLOW_DATABASE (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Keeps the record in memory for the run, and in @database when there is one. */
void
inflow_aws_connection_record_save_async (InflowDatabase                  *database,
                                         const char                      *profile_id,
                                         const char                      *integration_token,
                                         const InflowAwsConnectionRecord *record,
                                         GCancellable                    *cancellable,
                                         GAsyncReadyCallback              callback,
                                         gpointer                         user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *json = NULL;
  g_autofree char *kind = NULL;

  g_return_if_fail (database == NULL || INFLOW_IS_DATABASE (database));
  g_return_if_fail (integration_token != NULL);
  g_return_if_fail (record != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connection_record_save_async);

  json = inflow_aws_connection_record_to_json (record);
  g_hash_table_replace (memory_records (), memory_key (profile_id, integration_token), g_strdup (json));

  if (database == NULL || profile_id == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  kind = inflow_aws_connection_record_kind (integration_token);
  now = g_date_time_new_now_utc ();
  inflow_database_put_cached_list_async (database, profile_id, kind, json, now, cancellable,
                                         record_saved_cb, g_steal_pointer (&task));
}

gboolean
inflow_aws_connection_record_save_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_aws_connection_record_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the connector ------------------------------------------------------ */

/* The budget of waiting for Vantage to list an integration made elsewhere
 * (Terraform, Vantage's own CloudFormation stack): one list of the AWS
 * integrations at once, then every 5 s for half a minute, every 15 s for
 * the next minute and a half, every 30 s for ten minutes more; 33 requests
 * in twelve minutes at most. */
static const guint wait_schedule_s[] = {
  0, 5, 5, 5, 5, 5, 5, 15, 15, 15, 15, 15, 15,
  30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
};

struct _InflowAwsConnector
{
  GObject                parent_instance;

  InflowClient          *client;
  InflowDatabase        *database;
  char                  *profile_id;

  guint                  max_attempts;
  guint                  delay_ms;
  InflowAwsConnectStage  stage;
  gboolean               recorded;

  /* Records of roles registered but not yet found, by account ID */
  GHashTable            *pending_records;
};

G_DEFINE_FINAL_TYPE (InflowAwsConnector, inflow_aws_connector, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_RECORDED,
  N_PROPS
};

enum {
  INTEGRATION_FOUND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  InflowAwsConnectionRecord *record;
  char                      *account_id;
  GHashTable                *known;        /* tokens to ignore while waiting */
  InflowIntegration         *integration;
  guint                      attempts;
  guint                      timeout_id;
  gulong                     cancel_id;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_clear_pointer (&data->record, inflow_aws_connection_record_free);
  g_free (data->account_id);
  g_clear_pointer (&data->known, g_hash_table_unref);
  g_clear_object (&data->integration);
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_free (data);
}

static void
set_stage (InflowAwsConnector    *self,
           InflowAwsConnectStage  stage)
{
  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static void
set_recorded (InflowAwsConnector *self,
              gboolean            recorded)
{
  if (self->recorded == recorded)
    return;

  self->recorded = recorded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED]);
}

static void
inflow_aws_connector_dispose (GObject *object)
{
  InflowAwsConnector *self = INFLOW_AWS_CONNECTOR (object);

  g_clear_object (&self->client);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (inflow_aws_connector_parent_class)->dispose (object);
}

static void
inflow_aws_connector_finalize (GObject *object)
{
  InflowAwsConnector *self = INFLOW_AWS_CONNECTOR (object);

  g_free (self->profile_id);
  g_clear_pointer (&self->pending_records, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_aws_connector_parent_class)->finalize (object);
}

static void
inflow_aws_connector_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowAwsConnector *self = INFLOW_AWS_CONNECTOR (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_uint (value, self->stage);
      break;

    case PROP_RECORDED:
      g_value_set_boolean (value, self->recorded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_aws_connector_class_init (InflowAwsConnectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_aws_connector_dispose;
  object_class->finalize = inflow_aws_connector_finalize;
  object_class->get_property = inflow_aws_connector_get_property;

  /**
   * InflowAwsConnector:stage:
   *
   * What the running connection does, an #InflowAwsConnectStage.
   */
  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL,
                       INFLOW_AWS_CONNECT_STAGE_IDLE, INFLOW_AWS_CONNECT_STAGE_DONE,
                       INFLOW_AWS_CONNECT_STAGE_IDLE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowAwsConnector:recorded:
   *
   * Whether the last connection's provider info was recorded.
   */
  properties[PROP_RECORDED] =
    g_param_spec_boolean ("recorded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowAwsConnector::integration-found:
   * @integration: the AWS integration
   *
   * Vantage lists an integration the connector connected, registered or
   * waited for: the session adds it to its list at once.
   */
  signals[INTEGRATION_FOUND] =
    g_signal_new ("integration-found",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, INFLOW_TYPE_INTEGRATION);
}

static void
inflow_aws_connector_init (InflowAwsConnector *self)
{
  self->max_attempts = DEFAULT_FIND_ATTEMPTS;
  self->delay_ms = DEFAULT_FIND_DELAY_MS;
  self->pending_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) inflow_aws_connection_record_free);
}

/**
 * inflow_aws_connector_new:
 * @client: the session's client
 * @database: (nullable): where to record the provider info
 * @profile_id: (nullable): the profile the record belongs to
 *
 * Returns: (transfer full): a connector
 */
InflowAwsConnector *
inflow_aws_connector_new (InflowClient   *client,
                          InflowDatabase *database,
                          const char     *profile_id)
{
  InflowAwsConnector *self;

  g_return_val_if_fail (INFLOW_IS_CLIENT (client), NULL);
  g_return_val_if_fail (database == NULL || INFLOW_IS_DATABASE (database), NULL);

  self = g_object_new (INFLOW_TYPE_AWS_CONNECTOR, NULL);
  self->client = g_object_ref (client);
  self->database = database != NULL ? g_object_ref (database) : NULL;
  self->profile_id = g_strdup (profile_id);

  return self;
}

/* How many times to list the account's integrations after registering a
 * role (at least 1) and how long to wait between two attempts. */
void
inflow_aws_connector_set_find_policy (InflowAwsConnector *self,
                                      guint               max_attempts,
                                      guint               delay_ms)
{
  g_return_if_fail (INFLOW_IS_AWS_CONNECTOR (self));

  self->max_attempts = MAX (max_attempts, 1);
  self->delay_ms = delay_ms;
}

InflowAwsConnectStage
inflow_aws_connector_get_stage (InflowAwsConnector *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_CONNECTOR (self), INFLOW_AWS_CONNECT_STAGE_IDLE);

  return self->stage;
}

gboolean
inflow_aws_connector_get_recorded (InflowAwsConnector *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_CONNECTOR (self), FALSE);

  return self->recorded;
}

/* Now in server time. */
GDateTime *
inflow_aws_connector_dup_now (InflowAwsConnector *self)
{
  g_return_val_if_fail (INFLOW_IS_AWS_CONNECTOR (self), NULL);

  return inflow_client_get_now (self->client);
}

/* ---- the provider info and records -------------------------------------- */

static void
info_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(InflowAwsProviderInfo) provider_info = NULL;
  g_autoptr(GError) error = NULL;
  InflowOnboardingInfo *info;

  provider_info = inflow_client_get_aws_provider_info_finish (INFLOW_CLIENT (source), result, &error);
  if (provider_info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  info = inflow_onboarding_info_new_from_provider_info (provider_info, &error);
  if (info == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, info, (GDestroyNotify) inflow_onboarding_info_free);
}

/* GET /v1/integrations/aws/info, as plain data for the generators. */
void
inflow_aws_connector_load_info_async (InflowAwsConnector  *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (INFLOW_IS_AWS_CONNECTOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connector_load_info_async);
  inflow_client_get_aws_provider_info_async (self->client, cancellable, info_loaded_cb, task);
}

/**
 * inflow_aws_connector_load_info_finish:
 *
 * Returns: (transfer full) (nullable): the info, or %NULL with an
 *   #InflowApiError, an #InflowOnboardingError for a policy that is not a
 *   JSON document, or %G_IO_ERROR_CANCELLED
 */
InflowOnboardingInfo *
inflow_aws_connector_load_info_finish (InflowAwsConnector  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_aws_connector_load_info_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The record of @integration_token in this connector's profile; see
 * inflow_aws_connection_record_load_async(). */
static void
connector_record_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  InflowAwsConnectionRecord *record;

  record = inflow_aws_connection_record_load_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, record, (GDestroyNotify) inflow_aws_connection_record_free);
}

void
inflow_aws_connector_load_record_async (InflowAwsConnector  *self,
                                        const char          *integration_token,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (INFLOW_IS_AWS_CONNECTOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connector_load_record_async);
  inflow_aws_connection_record_load_async (self->database, self->profile_id, integration_token,
                                           cancellable, connector_record_loaded_cb, task);
}

/* Returns: (transfer full) (nullable): the record, or %NULL without one
 *   (no error) or on an error */
InflowAwsConnectionRecord *
inflow_aws_connector_load_record_finish (InflowAwsConnector  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
pending_record_saved_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_aws_connection_record_save_finish (result, &error))
    g_warning ("Could not record the provider info of a new AWS integration: %s", error->message);
}

/* @integration is listed: the session learns of it, and a record kept for
 * its account since its role was registered is saved under its token. */
static void
found (InflowAwsConnector *self,
       InflowIntegration  *integration)
{
  const char *account_id = inflow_integration_get_account_identifier (integration);
  InflowAwsConnectionRecord *record = account_id != NULL ? g_hash_table_lookup (self->pending_records, account_id) : NULL;

  if (record != NULL)
    {
      inflow_aws_connection_record_save_async (self->database, self->profile_id,
                                               inflow_integration_get_token (integration), record, NULL,
                                               pending_record_saved_cb, NULL);
      g_hash_table_remove (self->pending_records, account_id);
    }

  g_signal_emit (self, signals[INTEGRATION_FOUND], 0, integration);
}

/* ---- connecting one account --------------------------------------------- */

static void find_integration (GTask *task);

static void
return_error (GTask  *task,
              GError *error)
{
  InflowAwsConnector *self = g_task_get_source_object (task);

  set_stage (self, INFLOW_AWS_CONNECT_STAGE_DONE);
  g_task_return_error (task, error);
}

static void
connect_recorded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowAwsConnector *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!inflow_aws_connection_record_save_finish (result, &error))
    {
      /* The integration exists whatever happens here; only Update
       * permissions will have less to compare. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not record the provider info of a new AWS integration: %s", error->message);
      set_recorded (self, FALSE);
    }
  else
    {
      set_recorded (self, TRUE);
    }

  set_stage (self, INFLOW_AWS_CONNECT_STAGE_DONE);
  g_signal_emit (self, signals[INTEGRATION_FOUND], 0, data->integration);
  g_task_return_pointer (task, g_object_ref (data->integration), g_object_unref);
}

static gboolean
find_again_cb (gpointer user_data)
{
  GTask *task = user_data;
  ConnectData *data = g_task_get_task_data (task);

  data->timeout_id = 0;
  find_integration (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowAwsConnector *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = 0;

  integrations = inflow_client_list_integrations_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (integrations == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  if (integrations != NULL)
    data->integration = inflow_aws_find_integration (integrations, data->account_id);
  else
    g_debug ("Listing the integrations of account %s failed: %s", data->account_id, error->message);

  if (data->integration != NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      set_stage (self, INFLOW_AWS_CONNECT_STAGE_RECORDING);
      inflow_aws_connection_record_save_async (self->database, self->profile_id,
                                               inflow_integration_get_token (data->integration),
                                               data->record, cancellable,
                                               connect_recorded_cb, g_steal_pointer (&task));
      return;
    }

  if (data->attempts >= self->max_attempts)
    {
      /* Found later (by a wait or a refresh), it gets its record then. */
      g_hash_table_replace (self->pending_records, g_strdup (data->account_id), g_steal_pointer (&data->record));
      return_error (task, g_error_new (INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED,
                                       _("Vantage accepted the role, but the integration of account %s is not listed yet. "
                                         "It usually appears within a few minutes in Integrations."),
                                       data->account_id));
      return;
    }

  data->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->delay_ms, find_again_cb,
                                         g_steal_pointer (&task), g_object_unref);
}

static void
find_integration (GTask *task)
{
  InflowAwsConnector *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled"));
      g_object_unref (task);
      return;
    }

  data->attempts++;
  inflow_client_list_integrations_async (self->client, "aws", data->account_id,
                                         g_task_get_cancellable (task), listed_cb, task);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowAwsConnector *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  credential = inflow_client_create_aws_integration_finish (INFLOW_CLIENT (source), result, &error);
  if (credential == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Vantage registered role %s as AWS credential %" G_GINT64_FORMAT,
           data->record->role_arn, inflow_aws_access_credential_get_id (credential));
  data->record->connected_at = inflow_client_get_now (self->client);

  set_stage (self, INFLOW_AWS_CONNECT_STAGE_FINDING);
  find_integration (g_steal_pointer (&task));
}

/* The task data of registering @role_arn, or %NULL with @error. */
static ConnectData *
connect_data_new (const char                    *role_arn,
                  const char                    *bucket_arn,
                  const InflowOnboardingInfo    *info,
                  const InflowOnboardingChoices *choices,
                  GError                       **error)
{
  g_autoptr(InflowRoleArn) arn = inflow_role_arn_parse (role_arn, error);
  ConnectData *data;

  if (arn == NULL)
    return NULL;

  data = g_new0 (ConnectData, 1);
  data->account_id = g_strdup (arn->account_id);
  data->record = inflow_aws_connection_record_new (info, choices, role_arn, bucket_arn, NULL);
  g_free (data->record->choices->account_id);
  data->record->choices->account_id = g_strdup (arn->account_id);

  return data;
}

void
inflow_aws_connector_connect_async (InflowAwsConnector            *self,
                                    const char                    *role_arn,
                                    const char                    *bucket_arn,
                                    const InflowOnboardingInfo    *info,
                                    const InflowOnboardingChoices *choices,
                                    GCancellable                  *cancellable,
                                    GAsyncReadyCallback            callback,
                                    gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ConnectData *data;

  g_return_if_fail (INFLOW_IS_AWS_CONNECTOR (self));
  g_return_if_fail (role_arn != NULL);
  g_return_if_fail (info != NULL);
  g_return_if_fail (choices != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connector_connect_async);

  set_recorded (self, FALSE);

  data = connect_data_new (role_arn, bucket_arn, info, choices, &error);
  if (data == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);

  set_stage (self, INFLOW_AWS_CONNECT_STAGE_REGISTERING);
  inflow_client_create_aws_integration_async (self->client, role_arn,
                                              bucket_arn != NULL && *bucket_arn != '\0' ? bucket_arn : NULL,
                                              cancellable, created_cb, g_steal_pointer (&task));
}

/**
 * inflow_aws_connector_connect_finish:
 *
 * Returns: (transfer full) (nullable): the new integration, or %NULL with
 *   @error: an #InflowApiError of the registration, an #InflowOnboardingError
 *   for an ARN that does not parse, %INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED,
 *   or %G_IO_ERROR_CANCELLED
 */
InflowIntegration *
inflow_aws_connector_connect_finish (InflowAwsConnector  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (INFLOW_IS_AWS_CONNECTOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_aws_connector_connect_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- registering without waiting (StackSet members) --------------------- */

static void
registered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowAwsConnector *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  credential = inflow_client_create_aws_integration_finish (INFLOW_CLIENT (source), result, &error);
  if (credential == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->record->connected_at = inflow_client_get_now (self->client);
  g_hash_table_replace (self->pending_records, g_strdup (data->account_id), g_steal_pointer (&data->record));
  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_aws_connector_register_async:
 *
 * POST /v1/integrations/aws with @role_arn alone, as for a member account:
 * the new integration is found later by inflow_aws_connector_find_async(),
 * which records @info and @choices for it.
 */
void
inflow_aws_connector_register_async (InflowAwsConnector            *self,
                                     const char                    *role_arn,
                                     const InflowOnboardingInfo    *info,
                                     const InflowOnboardingChoices *choices,
                                     GCancellable                  *cancellable,
                                     GAsyncReadyCallback            callback,
                                     gpointer                       user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ConnectData *data;

  g_return_if_fail (INFLOW_IS_AWS_CONNECTOR (self));
  g_return_if_fail (role_arn != NULL && info != NULL && choices != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connector_register_async);

  data = connect_data_new (role_arn, NULL, info, choices, &error);
  if (data == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);

  inflow_client_create_aws_integration_async (self->client, role_arn, NULL, cancellable,
                                              registered_cb, g_steal_pointer (&task));
}

/* Returns: whether Vantage accepted the role; otherwise @error is the API's */
gboolean
inflow_aws_connector_register_finish (InflowAwsConnector  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_aws_connector_register_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
found_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowAwsConnector *self = g_task_get_source_object (task);
  GStrv account_ids = g_task_get_task_data (task);
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = 0;

  integrations = inflow_client_list_integrations_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (integrations == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  listed = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; account_ids[i] != NULL; i++)
    {
      InflowIntegration *integration = inflow_aws_find_integration (integrations, account_ids[i]);

      if (integration == NULL)
        continue;

      found (self, integration);
      g_ptr_array_add (listed, integration);
    }

  g_task_return_pointer (task, g_steal_pointer (&listed), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * inflow_aws_connector_find_async:
 * @account_ids: (array zero-terminated=1): the accounts to look for
 *
 * Lists the AWS integrations once and tells (::integration-found) of those
 * of @account_ids.
 */
void
inflow_aws_connector_find_async (InflowAwsConnector  *self,
                                 const char * const  *account_ids,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (INFLOW_IS_AWS_CONNECTOR (self));
  g_return_if_fail (account_ids != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connector_find_async);
  g_task_set_task_data (task, g_strdupv ((GStrv) account_ids), (GDestroyNotify) g_strfreev);
  inflow_client_list_integrations_async (self->client, "aws", NULL, cancellable, found_listed_cb, task);
}

/**
 * inflow_aws_connector_find_finish:
 *
 * Returns: (transfer container) (element-type InflowIntegration) (nullable):
 *   the integrations listed for the accounts asked for, or %NULL with @error
 */
GPtrArray *
inflow_aws_connector_find_finish (InflowAwsConnector  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_aws_connector_find_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- waiting for an integration made elsewhere -------------------------- */

/* The task's one reference moves from the pending timeout to the list
 * request in flight and back, until it returns. */

static void wait_poll (GTask *task);

static void
wait_return (GTask             *task,
             InflowIntegration *integration,
             GError            *error)
{
  ConnectData *data = g_task_get_task_data (task);

  if (data->cancel_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), data->cancel_id);
  data->cancel_id = 0;

  if (integration != NULL)
    g_task_return_pointer (task, integration, g_object_unref);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
wait_again_cb (gpointer user_data)
{
  GTask *task = user_data;
  ConnectData *data = g_task_get_task_data (task);

  data->timeout_id = 0;
  wait_poll (task);

  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancel_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  ConnectData *data = g_task_get_task_data (task);

  /* A poll in flight answers the cancellation itself. */
  if (g_task_get_completed (task) || data->timeout_id == 0)
    return G_SOURCE_REMOVE;

  g_clear_handle_id (&data->timeout_id, g_source_remove);
  wait_return (task, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled"));

  return G_SOURCE_REMOVE;
}

/* Runs inside g_cancellable_cancel(), where the handler cannot be
 * disconnected: the rest happens in an idle. */
static void
wait_cancelled_cb (GCancellable *cancellable,
                   GTask        *task)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, wait_cancel_idle_cb, g_object_ref (task), g_object_unref);
}

static void
wait_schedule_next (GTask *task)
{
  ConnectData *data = g_task_get_task_data (task);

  if (data->attempts >= G_N_ELEMENTS (wait_schedule_s))
    {
      wait_return (task, NULL,
                   g_error_new_literal (INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED,
                                        _("Vantage has not listed a new AWS integration in twelve minutes. Check that the deployment finished; Inflow shows the integration once Vantage lists it.")));
      return;
    }

  data->timeout_id = g_timeout_add_seconds (wait_schedule_s[data->attempts], wait_again_cb, task);
}

static void
wait_listed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  InflowAwsConnector *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = 0;

  integrations = inflow_client_list_integrations_finish (INFLOW_CLIENT (source), result, &n_invalid, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      wait_return (task, NULL, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; integrations != NULL && i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (!inflow_integration_is_provider (integration, "aws") ||
          g_hash_table_contains (data->known, inflow_integration_get_token (integration)))
        continue;
      if (data->account_id != NULL &&
          g_strcmp0 (inflow_integration_get_account_identifier (integration), data->account_id) != 0)
        continue;

      found (self, integration);
      wait_return (task, g_steal_pointer (&integration), NULL);
      return;
    }

  if (error != NULL)
    g_debug ("Waiting for a new AWS integration: %s", error->message);

  wait_schedule_next (task);
}

static void
wait_poll (GTask *task)
{
  InflowAwsConnector *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);

  data->attempts++;
  inflow_client_list_integrations_async (self->client, "aws", data->account_id,
                                         g_task_get_cancellable (task), wait_listed_cb, task);
}

/**
 * inflow_aws_connector_wait_async:
 * @account_id: (nullable): the account whose integration is awaited, or
 *   %NULL for any new AWS integration
 * @known: (nullable): InflowIntegration items that are not new
 *
 * Waits, within a budget of 33 requests in twelve minutes, for Vantage to
 * list an AWS integration not in @known: one that Vantage's Terraform
 * module or its own CloudFormation stack registered. Cancel @cancellable to
 * stop waiting.
 */
void
inflow_aws_connector_wait_async (InflowAwsConnector  *self,
                                 const char          *account_id,
                                 GListModel          *known,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  ConnectData *data;

  g_return_if_fail (INFLOW_IS_AWS_CONNECTOR (self));
  g_return_if_fail (known == NULL || G_IS_LIST_MODEL (known));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_aws_connector_wait_async);

  data = g_new0 (ConnectData, 1);
  data->account_id = g_strdup (account_id);
  data->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; known != NULL && i < g_list_model_get_n_items (known); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (known, i);

      g_hash_table_add (data->known, g_strdup (inflow_integration_get_token (integration)));
    }
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);

  if (g_cancellable_is_cancelled (cancellable))
    {
      wait_return (task, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled"));
      return;
    }
  if (cancellable != NULL)
    data->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (wait_cancelled_cb), task, NULL);

  wait_schedule_next (task);
}

/**
 * inflow_aws_connector_wait_finish:
 *
 * Returns: (transfer full) (nullable): the new integration, or %NULL with
 *   %INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED when the budget ran out, or
 *   %G_IO_ERROR_CANCELLED
 */
InflowIntegration *
inflow_aws_connector_wait_finish (InflowAwsConnector  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_aws_connector_wait_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
