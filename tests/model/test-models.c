/* test-models.c: the JSON readers and every model of app/model
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-aws-access-credential.h"
#include "inflow-aws-provider-info.h"
#include "inflow-cloud-account.h"
#include "inflow-cost-query-result.h"
#include "inflow-cost.h"
#include "inflow-integration.h"
#include "inflow-json.h"
#include "inflow-me.h"
#include "inflow-team.h"
#include "inflow-test-utils.h"
#include "inflow-user.h"
#include "inflow-workspace.h"

/* Fixtures are written with single quotes, which become double quotes
 * (so \' inside a JSON string is an escaped quote). */
static JsonNode *
parse_node (const char *json)
{
  g_autofree char *text = g_strdelimit (g_strdup (json), "'", '"');
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = parse_node (json);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* Resolves "parent.member" paths; returns the object holding the leaf. */
static JsonObject *
resolve_path (JsonObject  *root,
              const char  *path,
              const char **leaf)
{
  const char *dot = strchr (path, '.');
  g_autofree char *head = NULL;

  if (dot == NULL)
    {
      *leaf = path;
      return root;
    }

  head = g_strndup (path, dot - path);
  g_assert_true (json_object_has_member (root, head));
  return resolve_path (json_object_get_object_member (root, head), dot + 1, leaf);
}

static void
assert_time (GDateTime  *time,
             const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  utc = g_date_time_to_utc (time);
  text = g_date_time_format (utc, "%FT%TZ");
  g_assert_cmpstr (text, ==, expected_utc);
}

static void
assert_strv (const char * const *strv,
             const char * const *expected)
{
  g_assert_nonnull (strv);
  g_assert_cmpstrv (strv, expected);
}

static void
assert_error_names (const GError *error,
                    int           code,
                    const char   *member)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", member);

  g_assert_error (error, INFLOW_JSON_ERROR, code);
  if (strstr (error->message, quoted) == NULL)
    g_error ("“%s” does not name %s", error->message, quoted);
}

/* A property's value as text: NULL for NULL, times in UTC, lists joined
 * with "|", enums by nick, list models as their item count. */
static char *
property_to_string (GObject    *object,
                    const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
  if (G_VALUE_HOLDS_UINT (&value))
    return g_strdup_printf ("%u", g_value_get_uint (&value));
  if (G_VALUE_HOLDS_DOUBLE (&value))
    return g_strdup_printf ("%.2f", g_value_get_double (&value));
  if (G_VALUE_HOLDS_ENUM (&value))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);

      return g_strdup (g_enum_get_value (enum_class, g_value_get_enum (&value))->value_nick);
    }
  if (G_VALUE_HOLDS (&value, G_TYPE_DATE_TIME))
    {
      g_autoptr(GDateTime) utc = NULL;

      if (g_value_get_boxed (&value) == NULL)
        return NULL;
      utc = g_date_time_to_utc (g_value_get_boxed (&value));
      return g_date_time_format (utc, "%FT%TZ");
    }
  if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
    return g_value_get_boxed (&value) != NULL ? g_strjoinv ("|", g_value_get_boxed (&value)) : NULL;
  if (G_VALUE_HOLDS (&value, G_TYPE_LIST_MODEL))
    return g_strdup_printf ("%u items", g_list_model_get_n_items (g_value_get_object (&value)));

  g_error ("No text for property “%s” of type %s", property, g_type_name (pspec->value_type));
}

/* Table of models */

typedef struct
{
  const char *path;      /* a member, or "parent.member" in a nested object */
  const char *value;     /* JSON text put in its place */
} Replacement;

typedef struct
{
  const char *path;
  const char *property;  /* reads as NULL when the member is null or missing */
} NullMember;

typedef struct
{
  const char *property;
  const char *expected;  /* as property_to_string() writes it */
} PropertyValue;

typedef struct
{
  const char           *name;
  InflowModelFromJson   constructor;
  const char           *valid;
  const PropertyValue  *properties;      /* every property of the valid one */
  void                (*check_valid) (GObject *object);
  const char          **required;
  const Replacement    *wrong_types;     /* each gives WRONG_TYPE */
  const Replacement    *invalid_values;  /* each gives INVALID_VALUE */
  const NullMember     *nullable;        /* each may be null */
  const NullMember     *optional;        /* each may be missing */
} ModelCase;

/* Integration (GET /integrations/{token} example, spec v2) */

static const char integration_json[] =
  "{'token': 'accss_crdntl_f45057cd18834fc7', 'provider': 'gcp',"
  " 'account_identifier': 'project_id-4d4c6f0b', 'status': 'imported',"
  " 'last_updated': '2024-07-30T15:30:22Z', 'workspace_tokens': ['wrkspc_d69f96653fb985d6'],"
  " 'created_at': '2024-07-29T21:41:49Z', 'managed_account_tokens': ['acct_1a2b3c4d5e6f7890']}";

static const PropertyValue integration_properties[] = {
  { "token", "accss_crdntl_f45057cd18834fc7" },
  { "provider", "gcp" },
  { "account-identifier", "project_id-4d4c6f0b" },
  { "status", "imported" },
  { "status-string", "imported" },
  { "last-updated", "2024-07-30T15:30:22Z" },
  { "created-at", "2024-07-29T21:41:49Z" },
  { "workspace-tokens", "wrkspc_d69f96653fb985d6" },
  { "managed-account-tokens", "acct_1a2b3c4d5e6f7890" },
  { NULL }
};

static void
check_integration (GObject *object)
{
  InflowIntegration *self = INFLOW_INTEGRATION (object);

  g_assert_cmpstr (inflow_integration_get_token (self), ==, "accss_crdntl_f45057cd18834fc7");
  g_assert_cmpstr (inflow_integration_get_provider (self), ==, "gcp");
  g_assert_true (inflow_integration_is_provider (self, "GCP"));
  g_assert_false (inflow_integration_is_provider (self, "aws"));
  g_assert_cmpstr (inflow_integration_get_account_identifier (self), ==, "project_id-4d4c6f0b");
  g_assert_cmpint (inflow_integration_get_status (self), ==, INFLOW_INTEGRATION_STATUS_IMPORTED);
  g_assert_cmpstr (inflow_integration_get_status_string (self), ==, "imported");
  assert_time (inflow_integration_get_last_updated (self), "2024-07-30T15:30:22Z");
  assert_time (inflow_integration_get_created_at (self), "2024-07-29T21:41:49Z");
  assert_strv (inflow_integration_get_workspace_tokens (self),
               (const char * const[]) { "wrkspc_d69f96653fb985d6", NULL });
  assert_strv (inflow_integration_get_managed_account_tokens (self),
               (const char * const[]) { "acct_1a2b3c4d5e6f7890", NULL });
}

static const char *integration_required[] = {
  "token", "provider", "account_identifier", "status", "workspace_tokens", "created_at",
  "managed_account_tokens", NULL
};

static const Replacement integration_wrong_types[] = {
  { "token", "42" },
  { "provider", "null" },
  { "account_identifier", "123456789012" },
  { "status", "1" },
  { "last_updated", "false" },
  { "workspace_tokens", "'wrkspc_d69f96653fb985d6'" },
  { "workspace_tokens", "['wrkspc_d69f96653fb985d6', 7]" },
  { "created_at", "null" },
  { "managed_account_tokens", "{}" },
  { NULL }
};

static const Replacement integration_invalid_values[] = {
  { "created_at", "'yesterday'" },
  { "last_updated", "'2024-13-45T00:00:00Z'" },
  { NULL }
};

static const NullMember integration_nullable[] = {
  { "account_identifier", "account-identifier" },
  { "last_updated", "last-updated" },
  { NULL }
};

static const NullMember integration_optional[] = {
  { "last_updated", "last-updated" },
  { NULL }
};

/* Workspace (GET /workspaces example, with currency conversion turned on) */

static const char workspace_json[] =
  "{'token': 'wrkspc_5d9752a116e4d28e', 'name': 'Gulgowski, Ruecker and Rolfson b7f1c249',"
  " 'created_at': '2024-10-01T01:00:56Z', 'enable_currency_conversion': true,"
  " 'currency': 'EUR', 'exchange_rate_date': 'end_of_billing_period_rate'}";

static const PropertyValue workspace_properties[] = {
  { "token", "wrkspc_5d9752a116e4d28e" },
  { "name", "Gulgowski, Ruecker and Rolfson b7f1c249" },
  { "created-at", "2024-10-01T01:00:56Z" },
  { "enable-currency-conversion", "true" },
  { "currency", "EUR" },
  { "exchange-rate-date", "end_of_billing_period_rate" },
  { NULL }
};

static void
check_workspace (GObject *object)
{
  InflowWorkspace *self = INFLOW_WORKSPACE (object);

  g_assert_cmpstr (inflow_workspace_get_token (self), ==, "wrkspc_5d9752a116e4d28e");
  g_assert_cmpstr (inflow_workspace_get_name (self), ==, "Gulgowski, Ruecker and Rolfson b7f1c249");
  assert_time (inflow_workspace_get_created_at (self), "2024-10-01T01:00:56Z");
  g_assert_true (inflow_workspace_get_enable_currency_conversion (self));
  g_assert_cmpstr (inflow_workspace_get_currency (self), ==, "EUR");
  g_assert_cmpstr (inflow_workspace_get_exchange_rate_date (self), ==, "end_of_billing_period_rate");
}

static const char *workspace_required[] = {
  "token", "name", "created_at", "enable_currency_conversion", "currency", "exchange_rate_date", NULL
};

static const Replacement workspace_wrong_types[] = {
  { "name", "null" },
  { "created_at", "1727744456" },
  { "enable_currency_conversion", "'true'" },
  { "enable_currency_conversion", "1" },
  { "currency", "840" },
  { "exchange_rate_date", "[]" },
  { NULL }
};

static const Replacement workspace_invalid_values[] = {
  { "created_at", "''" },
  { NULL }
};

static const NullMember no_members[] = {
  { NULL }
};

/* CostProviderAccount (GET /cost_provider_accounts example) */

static const char cloud_account_json[] =
  "{'title': 'AWS Test Account', 'account_id': '999888777666',"
  " 'provider_uuid': 'arn:aws:organizations::999888777666:account/o-test123456/999888777666',"
  " 'provider': 'aws'}";

static const PropertyValue cloud_account_properties[] = {
  { "title", "AWS Test Account" },
  { "account-id", "999888777666" },
  { "provider-uuid", "arn:aws:organizations::999888777666:account/o-test123456/999888777666" },
  { "provider", "aws" },
  { "organization-id", "o-test123456" },
  { "management-account-id", "999888777666" },
  { "partition", "aws" },
  { NULL }
};

static void
check_cloud_account (GObject *object)
{
  InflowCloudAccount *self = INFLOW_CLOUD_ACCOUNT (object);

  g_assert_cmpstr (inflow_cloud_account_get_title (self), ==, "AWS Test Account");
  g_assert_cmpstr (inflow_cloud_account_get_account_id (self), ==, "999888777666");
  g_assert_cmpstr (inflow_cloud_account_get_provider_uuid (self), ==,
                   "arn:aws:organizations::999888777666:account/o-test123456/999888777666");
  g_assert_cmpstr (inflow_cloud_account_get_provider (self), ==, "aws");
  g_assert_cmpstr (inflow_cloud_account_get_organization_id (self), ==, "o-test123456");
  g_assert_cmpstr (inflow_cloud_account_get_management_account_id (self), ==, "999888777666");
  g_assert_cmpstr (inflow_cloud_account_get_partition (self), ==, "aws");
  g_assert_true (inflow_cloud_account_is_management (self));
}

static const char *cloud_account_required[] = {
  "title", "account_id", "provider_uuid", "provider", NULL
};

static const Replacement cloud_account_wrong_types[] = {
  { "title", "null" },
  { "account_id", "999888777666" },
  { "provider_uuid", "[]" },
  { "provider", "true" },
  { NULL }
};

static const Replacement no_replacements[] = {
  { NULL }
};

/* Team (GET /teams example, with the user_emails the schema requires) */

static const char team_json[] =
  "{'token': 'team_2d4733920ec4385e', 'name': 'Prod Team',"
  " 'description': 'Handles all production deployments',"
  " 'workspace_tokens': ['wrkspc_08026aa5fb4c90f8', 'wrkspc_efgh5678'],"
  " 'user_emails': ['wileycoyote@acme.com', 'roadrunner@acme.com'],"
  " 'user_tokens': ['usr_c59398553e838116'], 'default_dashboard_token': 'dshbrd_abcd1234'}";

static const PropertyValue team_properties[] = {
  { "token", "team_2d4733920ec4385e" },
  { "name", "Prod Team" },
  { "description", "Handles all production deployments" },
  { "workspace-tokens", "wrkspc_08026aa5fb4c90f8|wrkspc_efgh5678" },
  { "user-emails", "wileycoyote@acme.com|roadrunner@acme.com" },
  { "user-tokens", "usr_c59398553e838116" },
  { "default-dashboard-token", "dshbrd_abcd1234" },
  { NULL }
};

static void
check_team (GObject *object)
{
  InflowTeam *self = INFLOW_TEAM (object);

  g_assert_cmpstr (inflow_team_get_token (self), ==, "team_2d4733920ec4385e");
  g_assert_cmpstr (inflow_team_get_name (self), ==, "Prod Team");
  g_assert_cmpstr (inflow_team_get_description (self), ==, "Handles all production deployments");
  assert_strv (inflow_team_get_workspace_tokens (self),
               (const char * const[]) { "wrkspc_08026aa5fb4c90f8", "wrkspc_efgh5678", NULL });
  assert_strv (inflow_team_get_user_emails (self),
               (const char * const[]) { "wileycoyote@acme.com", "roadrunner@acme.com", NULL });
  assert_strv (inflow_team_get_user_tokens (self),
               (const char * const[]) { "usr_c59398553e838116", NULL });
  g_assert_cmpstr (inflow_team_get_default_dashboard_token (self), ==, "dshbrd_abcd1234");
}

static const char *team_required[] = {
  "token", "name", "description", "workspace_tokens", "user_tokens", "default_dashboard_token", NULL
};

static const Replacement team_wrong_types[] = {
  { "token", "null" },
  { "description", "5" },
  { "workspace_tokens", "null" },
  { "user_emails", "'wileycoyote@acme.com'" },
  { "user_emails", "null" },
  { "user_tokens", "[null]" },
  { "default_dashboard_token", "true" },
  { NULL }
};

static const NullMember team_nullable[] = {
  { "description", "description" },
  { "default_dashboard_token", "default-dashboard-token" },
  { NULL }
};

/* User (GET /users example, with all optional members) */

static const char user_json[] =
  "{'token': 'usr_aa5cce4180981299', 'name': 'Jeanice Bins',"
  " 'email': 'jeanice_bins@torp-huels.name', 'role': 'Owner',"
  " 'default_dashboard_token': 'dshbrd_abcdef123456', 'last_seen_at': '2024-01-01T08:30:00Z'}";

static const PropertyValue user_properties[] = {
  { "token", "usr_aa5cce4180981299" },
  { "name", "Jeanice Bins" },
  { "email", "jeanice_bins@torp-huels.name" },
  { "role", "Owner" },
  { "default-dashboard-token", "dshbrd_abcdef123456" },
  { "last-seen-at", "2024-01-01T08:30:00Z" },
  { NULL }
};

static void
check_user (GObject *object)
{
  InflowUser *self = INFLOW_USER (object);

  g_assert_cmpstr (inflow_user_get_token (self), ==, "usr_aa5cce4180981299");
  g_assert_cmpstr (inflow_user_get_name (self), ==, "Jeanice Bins");
  g_assert_cmpstr (inflow_user_get_email (self), ==, "jeanice_bins@torp-huels.name");
  g_assert_cmpstr (inflow_user_get_role (self), ==, "Owner");
  g_assert_cmpstr (inflow_user_get_default_dashboard_token (self), ==, "dshbrd_abcdef123456");
  assert_time (inflow_user_get_last_seen_at (self), "2024-01-01T08:30:00Z");
}

static const char *user_required[] = {
  "token", "name", "email", "role", NULL
};

static const Replacement user_wrong_types[] = {
  { "token", "[]" },
  { "name", "false" },
  { "email", "null" },
  { "role", "1" },
  { "default_dashboard_token", "{}" },
  { "last_seen_at", "20240101" },
  { NULL }
};

static const Replacement user_invalid_values[] = {
  { "last_seen_at", "'never'" },
  { NULL }
};

static const NullMember user_nullable[] = {
  { "name", "name" },
  { "default_dashboard_token", "default-dashboard-token" },
  { "last_seen_at", "last-seen-at" },
  { NULL }
};

static const NullMember user_optional[] = {
  { "default_dashboard_token", "default-dashboard-token" },
  { "last_seen_at", "last-seen-at" },
  { NULL }
};

/* Me (the spec has no example; built from its schema) */

static const char me_json[] =
  "{'default_workspace_token': 'wrkspc_5d9752a116e4d28e', 'default_dashboard_token': 'dshbrd_abcd1234',"
  " 'workspaces': ["
  "   {'token': 'wrkspc_5d9752a116e4d28e', 'name': 'Default', 'created_at': '2024-10-01T01:00:56Z',"
  "    'enable_currency_conversion': false, 'currency': 'USD', 'exchange_rate_date': 'daily_rate'},"
  "   {'token': 'wrkspc_9a319290712d817d', 'name': 'Stokes Inc', 'created_at': '2024-10-02T01:00:56Z',"
  "    'enable_currency_conversion': true, 'currency': 'GBP', 'exchange_rate_date': 'daily_rate'}],"
  " 'bearer_token': {'description': 'my desktop token', 'created_at': '2023-08-04T10:11:12Z',"
  "                  'scope': ['read', 'write']}}";

static const PropertyValue me_properties[] = {
  { "default-workspace-token", "wrkspc_5d9752a116e4d28e" },
  { "default-dashboard-token", "dshbrd_abcd1234" },
  { "workspaces", "2 items" },
  { "n-invalid-workspaces", "0" },
  { "token-description", "my desktop token" },
  { "token-created-at", "2023-08-04T10:11:12Z" },
  { "scopes", "read|write" },
  { NULL }
};

static void
check_me (GObject *object)
{
  InflowMe *self = INFLOW_ME (object);
  GListModel *workspaces = inflow_me_get_workspaces (self);
  g_autoptr(InflowWorkspace) second = NULL;

  g_assert_cmpstr (inflow_me_get_default_workspace_token (self), ==, "wrkspc_5d9752a116e4d28e");
  g_assert_cmpstr (inflow_me_get_default_dashboard_token (self), ==, "dshbrd_abcd1234");
  g_assert_cmpuint (g_list_model_get_n_items (workspaces), ==, 2);
  g_assert_true (g_list_model_get_item_type (workspaces) == INFLOW_TYPE_WORKSPACE);
  second = g_list_model_get_item (workspaces, 1);
  g_assert_cmpstr (inflow_workspace_get_name (second), ==, "Stokes Inc");
  g_assert_cmpstr (inflow_workspace_get_currency (second), ==, "GBP");
  g_assert_cmpuint (inflow_me_get_n_invalid_workspaces (self), ==, 0);
  g_assert_cmpstr (inflow_me_get_token_description (self), ==, "my desktop token");
  assert_time (inflow_me_get_token_created_at (self), "2023-08-04T10:11:12Z");
  assert_strv (inflow_me_get_scopes (self), (const char * const[]) { "read", "write", NULL });
  g_assert_true (inflow_me_has_scope (self, "write"));
  g_assert_true (inflow_me_has_scope (self, "read"));
  g_assert_false (inflow_me_has_scope (self, "admin"));
}

static const char *me_required[] = {
  "default_workspace_token", "workspaces", "bearer_token", "bearer_token.description",
  "bearer_token.created_at", "bearer_token.scope", NULL
};

static const Replacement me_wrong_types[] = {
  { "default_workspace_token", "1" },
  { "workspaces", "{}" },
  { "bearer_token", "'secret'" },
  { "bearer_token.description", "null" },
  { "bearer_token.scope", "'read'" },
  { "bearer_token.scope", "['read', {}]" },
  { NULL }
};

static const Replacement me_invalid_values[] = {
  { "bearer_token.created_at", "'2023-08-04 at noon'" },
  { NULL }
};

static const NullMember me_nullable[] = {
  { "default_workspace_token", "default-workspace-token" },
  { "default_dashboard_token", "default-dashboard-token" },
  { NULL }
};

static const NullMember me_optional[] = {
  { "default_dashboard_token", "default-dashboard-token" },
  { NULL }
};

/* Cost (the schema's example values; every grouping member present) */

static const char cost_json[] =
  "{'accrued_at': '2023-09-05+00:00', 'amount': '4.25', 'currency': 'USD', 'provider': 'aws',"
  " 'service': 'Amazon Elastic Compute Cloud - Compute', 'account_id': '012345678901',"
  " 'billing_account_id': '9109237192', 'region': 'us-east-1',"
  " 'resource_id': 'arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0',"
  " 'resource_name': 'claude_code_key_name', 'cost_category': 'Data Transfer',"
  " 'cost_subcategory': 'DataTransfer-Regional-Bytes', 'tags': ['environment:production'],"
  " 'usage': {'amount': '1.0', 'unit': 'Hrs'}, 'segment': null,"
  " 'charge_type': 'Usage', 'tagged': true, 'usage_unit': 'GB'}";

static const PropertyValue cost_properties[] = {
  { "accrued-at", "2023-09-05T00:00:00Z" },
  { "accrued-at-string", "2023-09-05+00:00" },
  { "amount", "4.25" },
  { "amount-value", "4.25" },
  { "currency", "USD" },
  { "provider", "aws" },
  { "service", "Amazon Elastic Compute Cloud - Compute" },
  { "account-id", "012345678901" },
  { "billing-account-id", "9109237192" },
  { "region", "us-east-1" },
  { "resource-id", "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0" },
  { "resource-name", "claude_code_key_name" },
  { "cost-category", "Data Transfer" },
  { "cost-subcategory", "DataTransfer-Regional-Bytes" },
  { "charge-type", "Usage" },
  { "usage-unit", "GB" },
  { "tagged", "true" },
  { NULL }
};

static void
check_cost (GObject *object)
{
  InflowCost *self = INFLOW_COST (object);

  assert_time (inflow_cost_get_accrued_at (self), "2023-09-05T00:00:00Z");
  g_assert_cmpstr (inflow_cost_get_accrued_at_string (self), ==, "2023-09-05+00:00");
  g_assert_cmpstr (inflow_cost_get_amount (self), ==, "4.25");
  g_assert_cmpfloat_with_epsilon (inflow_cost_get_amount_value (self), 4.25, 1e-9);
  g_assert_cmpstr (inflow_cost_get_currency (self), ==, "USD");
  g_assert_cmpstr (inflow_cost_get_provider (self), ==, "aws");
  g_assert_cmpstr (inflow_cost_get_service (self), ==, "Amazon Elastic Compute Cloud - Compute");
  g_assert_cmpstr (inflow_cost_get_account_id (self), ==, "012345678901");
  g_assert_cmpstr (inflow_cost_get_billing_account_id (self), ==, "9109237192");
  g_assert_cmpstr (inflow_cost_get_region (self), ==, "us-east-1");
  g_assert_cmpstr (inflow_cost_get_resource_id (self), ==,
                   "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0");
  g_assert_cmpstr (inflow_cost_get_resource_name (self), ==, "claude_code_key_name");
  g_assert_cmpstr (inflow_cost_get_cost_category (self), ==, "Data Transfer");
  g_assert_cmpstr (inflow_cost_get_cost_subcategory (self), ==, "DataTransfer-Regional-Bytes");
  g_assert_cmpstr (inflow_cost_get_charge_type (self), ==, "Usage");
  g_assert_cmpstr (inflow_cost_get_usage_unit (self), ==, "GB");
  g_assert_true (inflow_cost_get_tagged (self));
  g_assert_true (inflow_cost_get_tagged_known (self));
}

static const char *cost_required[] = {
  "accrued_at", "amount", "currency", NULL
};

static const Replacement cost_wrong_types[] = {
  { "accrued_at", "20230905" },
  { "amount", "4.25" },
  { "currency", "null" },
  { "provider", "1" },
  { "account_id", "12345678901" },
  { "region", "['us-east-1']" },
  { "cost_subcategory", "false" },
  { "charge_type", "1" },
  { "tagged", "'yes'" },
  { "usage_unit", "['GB']" },
  { NULL }
};

static const Replacement cost_invalid_values[] = {
  { "accrued_at", "'Sept 5'" },
  { "amount", "'four'" },
  { "amount", "''" },
  { NULL }
};

static const NullMember cost_groupings[] = {
  { "provider", "provider" },
  { "service", "service" },
  { "account_id", "account-id" },
  { "billing_account_id", "billing-account-id" },
  { "region", "region" },
  { "resource_id", "resource-id" },
  { "resource_name", "resource-name" },
  { "cost_category", "cost-category" },
  { "cost_subcategory", "cost-subcategory" },
  { "charge_type", "charge-type" },
  { "usage_unit", "usage-unit" },
  { NULL }
};

/* Costs (GET /costs example, with total_usage and a grouped row) */

static const char cost_query_result_json[] =
  "{'links': {'self': 'https://api.vantage.sh/v2/costs?cost_report_token=rprt_ea7dbb4f5783d677',"
  "           'next': 'https://api.vantage.sh/v2/costs?cost_report_token=rprt_ea7dbb4f5783d677&page=2'},"
  " 'total_cost': {'amount': '500.10', 'currency': 'USD'},"
  " 'total_usage': [{'amount': '12.00', 'unit': 'Hrs'}],"
  " 'costs': ["
  "   {'accrued_at': '2023-06-05', 'amount': '400.10', 'currency': 'USD', 'provider': 'aws',"
  "    'account_id': 'mock_56789', 'service': 'AmazonSNS'},"
  "   {'accrued_at': '2023-06-04', 'amount': '100.0', 'currency': 'USD', 'provider': 'aws',"
  "    'account_id': 'mock_56789', 'service': 'AmazonSQS'}]}";

static const PropertyValue cost_query_result_properties[] = {
  { "total-cost", "500.10" },
  { "total-cost-value", "500.10" },
  { "currency", "USD" },
  { "costs", "2 items" },
  { "n-invalid-costs", "0" },
  { NULL }
};

static void
check_cost_query_result (GObject *object)
{
  InflowCostQueryResult *self = INFLOW_COST_QUERY_RESULT (object);
  GListModel *costs = inflow_cost_query_result_get_costs (self);
  g_autoptr(InflowCost) first = NULL;
  g_autoptr(InflowCost) second = NULL;

  g_assert_cmpstr (inflow_cost_query_result_get_total_cost (self), ==, "500.10");
  g_assert_cmpfloat_with_epsilon (inflow_cost_query_result_get_total_cost_value (self), 500.10, 1e-9);
  g_assert_cmpstr (inflow_cost_query_result_get_currency (self), ==, "USD");
  g_assert_cmpuint (inflow_cost_query_result_get_n_invalid_costs (self), ==, 0);
  g_assert_true (g_list_model_get_item_type (costs) == INFLOW_TYPE_COST);
  g_assert_cmpuint (g_list_model_get_n_items (costs), ==, 2);

  first = g_list_model_get_item (costs, 0);
  second = g_list_model_get_item (costs, 1);
  g_assert_cmpstr (inflow_cost_get_amount (first), ==, "400.10");
  g_assert_cmpstr (inflow_cost_get_service (first), ==, "AmazonSNS");
  assert_time (inflow_cost_get_accrued_at (first), "2023-06-05T00:00:00Z");
  g_assert_cmpstr (inflow_cost_get_amount (second), ==, "100.0");
  g_assert_cmpstr (inflow_cost_get_service (second), ==, "AmazonSQS");
  g_assert_null (inflow_cost_get_region (second));
}

static const char *cost_query_result_required[] = {
  "total_cost", "total_cost.amount", "total_cost.currency", "costs", NULL
};

static const Replacement cost_query_result_wrong_types[] = {
  { "total_cost", "'500.10'" },
  { "total_cost", "null" },
  { "total_cost.amount", "500.1" },
  { "total_cost.currency", "[]" },
  { "total_usage", "'12 Hrs'" },
  { "total_usage", "12" },
  { "costs", "{}" },
  { "costs", "null" },
  { NULL }
};

static const Replacement cost_query_result_invalid_values[] = {
  { "total_cost.amount", "'5OO.10'" },
  { NULL }
};

/* AwsProviderCredential (v1 GET /integrations/aws/info example, shortened,
 * with the vantage_id and s3_request_metrics the schema requires) */

static const char aws_provider_info_json[] =
  "{'external_id': 'Tj-AbciBd8123jEabVg',"
  " 'iam_role_arn': 'arn:aws:iam::123456123456:role/vantage-account-sync-d3c35df5',"
  " 'iam_role_id': 'ANOR2C0NBTD164DN34N2B', 'vantage_id': 'vntg_4d2c',"
  " 'policies': {"
  "   'root': '{\\'Version\\':\\'2012-10-17\\',\\'Statement\\':[{\\'Action\\':[\\'ce:Get*\\'],"
  "\\'Resource\\':\\'*\\',\\'Effect\\':\\'Allow\\',\\'Sid\\':\\'VantageBillingReadOnly\\'}]}',"
  "   'autopilot': '{\\'Version\\':\\'2012-10-17\\',\\'Statement\\':[]}',"
  "   'cloudwatch': '{\\'Version\\':\\'2012-10-17\\',\\'Statement\\':[{\\'Sid\\':\\'VantageContainerMetricsAccess\\'}]}',"
  "   's3_request_metrics': '{\\'Version\\':\\'2012-10-17\\',\\'Statement\\':[{\\'Sid\\':\\'S3\\'}]}',"
  "   'resources': '{\\'Version\\':\\'2012-10-17\\',\\'Statement\\':[{\\'Action\\':[\\'a4b:List*\\']}]}'}}";

static const PropertyValue aws_provider_info_properties[] = {
  { "external-id", "Tj-AbciBd8123jEabVg" },
  { "iam-role-arn", "arn:aws:iam::123456123456:role/vantage-account-sync-d3c35df5" },
  { "iam-role-id", "ANOR2C0NBTD164DN34N2B" },
  { "vantage-id", "vntg_4d2c" },
  { NULL }
};

static void
check_aws_provider_info (GObject *object)
{
  InflowAwsProviderInfo *self = INFLOW_AWS_PROVIDER_INFO (object);
  const char *names[] = { "root", "autopilot", "cloudwatch", "s3_request_metrics", "resources" };
  JsonObject *root;
  JsonArray *statements;

  g_assert_cmpstr (inflow_aws_provider_info_get_external_id (self), ==, "Tj-AbciBd8123jEabVg");
  g_assert_cmpstr (inflow_aws_provider_info_get_iam_role_arn (self), ==,
                   "arn:aws:iam::123456123456:role/vantage-account-sync-d3c35df5");
  g_assert_cmpstr (inflow_aws_provider_info_get_iam_role_id (self), ==, "ANOR2C0NBTD164DN34N2B");
  g_assert_cmpstr (inflow_aws_provider_info_get_vantage_id (self), ==, "vntg_4d2c");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *policy = inflow_aws_provider_info_get_policy (self, names[i]);

      g_assert_nonnull (policy);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (policy));
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (policy), "Version"), ==,
                       "2012-10-17");
    }

  g_assert_cmpstr (inflow_aws_provider_info_get_policy_text (self, "autopilot"), ==,
                   "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
  root = json_node_get_object (inflow_aws_provider_info_get_policy (self, "root"));
  statements = json_object_get_array_member (root, "Statement");
  g_assert_cmpuint (json_array_get_length (statements), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (statements, 0), "Sid"), ==,
                   "VantageBillingReadOnly");
  g_assert_null (inflow_aws_provider_info_get_policy (self, "trust"));
  g_assert_null (inflow_aws_provider_info_get_policy_text (self, "trust"));
}

static const char *aws_provider_info_required[] = {
  "external_id", "policies", "policies.root", "policies.autopilot", "policies.cloudwatch",
  "policies.resources", NULL
};

static const Replacement aws_provider_info_wrong_types[] = {
  { "external_id", "null" },
  { "iam_role_arn", "1" },
  { "vantage_id", "null" },
  { "policies", "'{}'" },
  { "policies.root", "{'Version': '2012-10-17'}" },
  { "policies.s3_request_metrics", "null" },
  { NULL }
};

static const Replacement aws_provider_info_invalid_values[] = {
  { "policies.root", "'Version: 2012-10-17'" },
  { "policies.autopilot", "'{\\'Version\\': '" },
  { "policies.cloudwatch", "'[]'" },
  { "policies.s3_request_metrics", "'42'" },
  { "policies.resources", "''" },
  { NULL }
};

static const NullMember aws_provider_info_nullable[] = {
  { "iam_role_arn", "iam-role-arn" },
  { "iam_role_id", "iam-role-id" },
  { NULL }
};

static const NullMember aws_provider_info_optional[] = {
  { "iam_role_arn", "iam-role-arn" },
  { "iam_role_id", "iam-role-id" },
  { "vantage_id", "vantage-id" },
  { NULL }
};

/* AwsAccessCredential (v1 POST /integrations/aws example) */

static const char aws_access_credential_json[] =
  "{'id': 1, 'cross_account_arn': 'arn:aws:iam::123456123456:role/vantage-example-cross-account-role',"
  " 'bucket_arn': 'arn:aws:s3:::vantage-cur-example-bucket-name'}";

static const PropertyValue aws_access_credential_properties[] = {
  { "id", "1" },
  { "cross-account-arn", "arn:aws:iam::123456123456:role/vantage-example-cross-account-role" },
  { "bucket-arn", "arn:aws:s3:::vantage-cur-example-bucket-name" },
  { NULL }
};

static void
check_aws_access_credential (GObject *object)
{
  InflowAwsAccessCredential *self = INFLOW_AWS_ACCESS_CREDENTIAL (object);

  g_assert_cmpint (inflow_aws_access_credential_get_id (self), ==, 1);
  g_assert_cmpstr (inflow_aws_access_credential_get_cross_account_arn (self), ==,
                   "arn:aws:iam::123456123456:role/vantage-example-cross-account-role");
  g_assert_cmpstr (inflow_aws_access_credential_get_bucket_arn (self), ==,
                   "arn:aws:s3:::vantage-cur-example-bucket-name");
}

static const char *aws_access_credential_required[] = {
  "id", "cross_account_arn", NULL
};

static const Replacement aws_access_credential_wrong_types[] = {
  { "id", "'1'" },
  { "id", "1.5" },
  { "id", "null" },
  { "cross_account_arn", "null" },
  { "bucket_arn", "false" },
  { NULL }
};

static const NullMember aws_access_credential_nullable[] = {
  { "bucket_arn", "bucket-arn" },
  { NULL }
};

static const ModelCase model_cases[] = {
  { "integration", (InflowModelFromJson) inflow_integration_new_from_json, integration_json,
    integration_properties, check_integration,
    integration_required, integration_wrong_types, integration_invalid_values,
    integration_nullable, integration_optional },
  { "workspace", (InflowModelFromJson) inflow_workspace_new_from_json, workspace_json,
    workspace_properties, check_workspace,
    workspace_required, workspace_wrong_types, workspace_invalid_values,
    no_members, no_members },
  { "cloud-account", (InflowModelFromJson) inflow_cloud_account_new_from_json, cloud_account_json,
    cloud_account_properties, check_cloud_account,
    cloud_account_required, cloud_account_wrong_types, no_replacements,
    no_members, no_members },
  { "team", (InflowModelFromJson) inflow_team_new_from_json, team_json,
    team_properties, check_team,
    team_required, team_wrong_types, no_replacements,
    team_nullable, no_members },
  { "user", (InflowModelFromJson) inflow_user_new_from_json, user_json,
    user_properties, check_user,
    user_required, user_wrong_types, user_invalid_values,
    user_nullable, user_optional },
  { "me", (InflowModelFromJson) inflow_me_new_from_json, me_json,
    me_properties, check_me,
    me_required, me_wrong_types, me_invalid_values,
    me_nullable, me_optional },
  { "cost", (InflowModelFromJson) inflow_cost_new_from_json, cost_json,
    cost_properties, check_cost,
    cost_required, cost_wrong_types, cost_invalid_values,
    cost_groupings, cost_groupings },
  { "cost-query-result", (InflowModelFromJson) inflow_cost_query_result_new_from_json, cost_query_result_json,
    cost_query_result_properties, check_cost_query_result,
    cost_query_result_required, cost_query_result_wrong_types, cost_query_result_invalid_values,
    no_members, no_members },
  { "aws-provider-info", (InflowModelFromJson) inflow_aws_provider_info_new_from_json, aws_provider_info_json,
    aws_provider_info_properties, check_aws_provider_info,
    aws_provider_info_required, aws_provider_info_wrong_types, aws_provider_info_invalid_values,
    aws_provider_info_nullable, aws_provider_info_optional },
  { "aws-access-credential", (InflowModelFromJson) inflow_aws_access_credential_new_from_json, aws_access_credential_json,
    aws_access_credential_properties, check_aws_access_credential,
    aws_access_credential_required, aws_access_credential_wrong_types, no_replacements,
    aws_access_credential_nullable, aws_access_credential_nullable },
};

/* Generic tests over model_cases */

static void
test_model_valid (gconstpointer data)
{
  const ModelCase *c = data;
  g_autoptr(JsonObject) object = parse_object (c->valid);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) model = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_expected;

  model = c->constructor (object, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  c->check_valid (model);

  /* Every property is in the table, read-only and bindable */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (model), &n_pspecs);
  for (n_expected = 0; c->properties[n_expected].property != NULL; n_expected++)
    {
      g_autofree char *text = property_to_string (model, c->properties[n_expected].property);

      g_test_message ("%s = %s", c->properties[n_expected].property, text);
      g_assert_cmpstr (text, ==, c->properties[n_expected].expected);
    }
  g_assert_cmpuint (n_pspecs, ==, n_expected);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      g_assert_false (pspecs[i]->flags & G_PARAM_WRITABLE);
      g_assert_cmpint (pspecs[i]->flags & G_PARAM_STATIC_STRINGS, ==, G_PARAM_STATIC_STRINGS);
    }
}

static GObject *
construct_modified (const ModelCase  *c,
                    const char       *path,
                    const char       *value,
                    GError          **error)
{
  g_autoptr(JsonObject) object = parse_object (c->valid);
  const char *leaf;
  JsonObject *parent = resolve_path (object, path, &leaf);

  if (value != NULL)
    json_object_set_member (parent, leaf, parse_node (value));
  else
    {
      g_assert_true (json_object_has_member (parent, leaf));
      json_object_remove_member (parent, leaf);
    }

  return c->constructor (object, error);
}

static const char *
leaf_of (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL ? dot + 1 : path;
}

static void
test_model_missing (gconstpointer data)
{
  const ModelCase *c = data;

  for (guint i = 0; c->required[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) model = construct_modified (c, c->required[i], NULL, &error);

      g_test_message ("without %s: %s", c->required[i], error != NULL ? error->message : "parsed");
      g_assert_null (model);
      assert_error_names (error, INFLOW_JSON_ERROR_MISSING_MEMBER, leaf_of (c->required[i]));
    }
}

static void
check_replacements (const ModelCase   *c,
                    const Replacement *replacements,
                    int                code)
{
  if (replacements[0].path == NULL)
    g_test_skip ("The model has no such members");

  for (guint i = 0; replacements[i].path != NULL; i++)
    {
      const Replacement *r = &replacements[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) model = construct_modified (c, r->path, r->value, &error);

      g_test_message ("%s = %s: %s", r->path, r->value, error != NULL ? error->message : "parsed");
      g_assert_null (model);
      assert_error_names (error, code, leaf_of (r->path));
    }
}

static void
test_model_wrong_type (gconstpointer data)
{
  const ModelCase *c = data;

  check_replacements (c, c->wrong_types, INFLOW_JSON_ERROR_WRONG_TYPE);
}

static void
test_model_invalid_value (gconstpointer data)
{
  const ModelCase *c = data;

  check_replacements (c, c->invalid_values, INFLOW_JSON_ERROR_INVALID_VALUE);
}

static void
check_null_members (const ModelCase  *c,
                    const NullMember *members,
                    const char       *value)
{
  if (members[0].path == NULL)
    g_test_skip ("The model has no such members");

  for (guint i = 0; members[i].path != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) model = construct_modified (c, members[i].path, value, &error);
      g_autofree char *text = NULL;

      g_test_message ("%s %s", members[i].path, value != NULL ? "null" : "missing");
      g_assert_no_error (error);
      g_assert_nonnull (model);
      text = property_to_string (model, members[i].property);
      g_assert_null (text);
    }
}

static void
test_model_nullable (gconstpointer data)
{
  const ModelCase *c = data;

  check_null_members (c, c->nullable, "null");
}

static void
test_model_optional (gconstpointer data)
{
  const ModelCase *c = data;

  check_null_members (c, c->optional, NULL);
}

/* inflow-json */

static void
test_json_messages (void)
{
  g_autoptr(JsonObject) object = parse_object ("{'status': 3, 'name': null}");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *unset;

  g_assert_false (inflow_json_read_string (object, "status", INFLOW_JSON_REQUIRED, &text, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE);
  g_assert_cmpstr (error->message, ==, "member “status” should be a string but is a number");
  g_clear_error (&error);

  g_assert_false (inflow_json_read_string (object, "token", INFLOW_JSON_REQUIRED, &text, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_MISSING_MEMBER);
  g_assert_cmpstr (error->message, ==, "required member “token” is missing");
  g_clear_error (&error);

  g_assert_false (inflow_json_read_string (object, "name", INFLOW_JSON_REQUIRED, &text, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE);
  g_assert_cmpstr (error->message, ==, "member “name” should be a string but is null");
  g_clear_error (&error);

  /* A missing optional member and a nullable null read as NULL */
  unset = (char *) "unset";
  g_assert_true (inflow_json_read_string (object, "token", INFLOW_JSON_OPTIONAL, &unset, &error));
  g_assert_no_error (error);
  g_assert_null (unset);
  unset = (char *) "unset";
  g_assert_true (inflow_json_read_string (object, "name", INFLOW_JSON_REQUIRED | INFLOW_JSON_NULLABLE,
                                          &unset, &error));
  g_assert_no_error (error);
  g_assert_null (unset);
  g_assert_false (inflow_json_read_string (object, "name", INFLOW_JSON_OPTIONAL, &unset, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE);
}

static void
test_json_scalars (void)
{
  g_autoptr(JsonObject) object =
    parse_object ("{'big': 9007199254740993, 'half': 1.5, 'text': '1', 'yes': true, 'no': false,"
                  " 'list': ['a', 'b'], 'empty': [], 'mixed': ['a', 1], 'nested': {'k': 'v'}}");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) strv = NULL;
  g_autoptr(JsonObject) nested = NULL;
  gint64 number = -1;
  gboolean flag = TRUE;

  g_assert_true (inflow_json_read_int64 (object, "big", INFLOW_JSON_REQUIRED, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpint (number, ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_true (inflow_json_read_int64 (object, "absent", INFLOW_JSON_OPTIONAL, &number, &error));
  g_assert_cmpint (number, ==, 0);
  g_assert_false (inflow_json_read_int64 (object, "half", INFLOW_JSON_REQUIRED, &number, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE);
  g_assert_cmpstr (error->message, ==, "member “half” should be an integer but is a number");
  g_clear_error (&error);
  g_assert_false (inflow_json_read_int64 (object, "text", INFLOW_JSON_REQUIRED, &number, &error));
  g_assert_cmpstr (error->message, ==, "member “text” should be an integer but is a string");
  g_clear_error (&error);

  g_assert_true (inflow_json_read_boolean (object, "no", INFLOW_JSON_REQUIRED, &flag, &error));
  g_assert_false (flag);
  g_assert_true (inflow_json_read_boolean (object, "yes", INFLOW_JSON_REQUIRED, &flag, &error));
  g_assert_true (flag);
  g_assert_false (inflow_json_read_boolean (object, "list", INFLOW_JSON_REQUIRED, &flag, &error));
  g_assert_cmpstr (error->message, ==, "member “list” should be a boolean but is an array");
  g_clear_error (&error);

  g_assert_true (inflow_json_read_strv (object, "list", INFLOW_JSON_REQUIRED, &strv, &error));
  g_assert_cmpstrv (strv, ((const char * const[]) { "a", "b", NULL }));
  g_clear_pointer (&strv, g_strfreev);
  g_assert_true (inflow_json_read_strv (object, "empty", INFLOW_JSON_REQUIRED, &strv, &error));
  g_assert_nonnull (strv);
  g_assert_cmpuint (g_strv_length (strv), ==, 0);
  g_clear_pointer (&strv, g_strfreev);
  g_assert_false (inflow_json_read_strv (object, "mixed", INFLOW_JSON_REQUIRED, &strv, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE);
  g_assert_cmpstr (error->message, ==, "member “mixed” should hold strings but item 1 is a number");
  g_assert_null (strv);
  g_clear_error (&error);

  g_assert_true (inflow_json_read_object (object, "nested", INFLOW_JSON_REQUIRED, &nested, &error));
  g_assert_cmpstr (json_object_get_string_member (nested, "k"), ==, "v");
  g_assert_false (inflow_json_read_object (object, "text", INFLOW_JSON_REQUIRED, &nested, &error));
  g_assert_cmpstr (error->message, ==, "member “text” should be an object but is a string");
}

typedef struct
{
  const char *text;
  const char *expected_utc;  /* NULL: not a timestamp */
} TimestampCase;

static void
test_json_timestamps (void)
{
  static const TimestampCase cases[] = {
    { "2023-08-04T00:00:00Z", "2023-08-04T00:00:00Z" },
    { "2024-07-30T15:30:22Z", "2024-07-30T15:30:22Z" },
    { "2024-07-30T15:30:22.123Z", "2024-07-30T15:30:22Z" },
    { "2024-07-30T17:30:22+02:00", "2024-07-30T15:30:22Z" },
    { "2024-07-30T15:30:22", "2024-07-30T15:30:22Z" },  /* no offset: UTC, not local time */
    { "2023-09-05+00:00", "2023-09-05T00:00:00Z" },     /* Cost.accrued_at */
    { "2023-09-05-05:00", "2023-09-05T05:00:00Z" },
    { "2023-09-05Z", "2023-09-05T00:00:00Z" },
    { "2024-01-01", "2024-01-01T00:00:00Z" },           /* the spec's User example */
    { "", NULL },
    { "yesterday", NULL },
    { "2023-13-05+00:00", NULL },
    { "2023-09-05+25:00", NULL },
    { "2023-09-05 at noon", NULL },
    { "2023-9-5", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = inflow_json_parse_timestamp (cases[i].text);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].expected_utc == NULL)
        g_assert_null (time);
      else
        assert_time (time, cases[i].expected_utc);
    }
}

typedef struct
{
  const char *text;
  gboolean    valid;
  double      value;
} DecimalCase;

static void
test_json_decimals (void)
{
  static const DecimalCase cases[] = {
    { "0.10", TRUE, 0.1 },
    { "4.25", TRUE, 4.25 },
    { "1234.560000", TRUE, 1234.56 },
    { "-3.5", TRUE, -3.5 },
    { "0", TRUE, 0 },
    { "0.425e1", TRUE, 4.25 },
    { "", FALSE, 0 },
    { "four", FALSE, 0 },
    { "1.2.3", FALSE, 0 },
    { "0x10", FALSE, 0 },
    { "nan", FALSE, 0 },
    { "inf", FALSE, 0 },
    { "1e999", FALSE, 0 },
    { "4.25 USD", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      double value = -1;

      g_test_message ("“%s”", cases[i].text);
      json_object_set_string_member (object, "amount", cases[i].text);
      if (cases[i].valid)
        {
          g_assert_true (inflow_json_read_decimal (object, "amount", INFLOW_JSON_REQUIRED, &text, &value, &error));
          g_assert_no_error (error);
          g_assert_cmpstr (text, ==, cases[i].text);
          g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
        }
      else
        {
          g_assert_false (inflow_json_read_decimal (object, "amount", INFLOW_JSON_REQUIRED, &text, &value, &error));
          assert_error_names (error, INFLOW_JSON_ERROR_INVALID_VALUE, "amount");
          g_assert_null (text);
        }
    }
}

static void
test_json_parse_list (void)
{
  g_autoptr(JsonObject) root =
    parse_object ("{'links': {'next': null}, 'workspaces': ["
                  " {'token': 'wrkspc_1', 'name': 'One', 'created_at': '2024-10-01T01:00:56Z',"
                  "  'enable_currency_conversion': false, 'currency': 'USD', 'exchange_rate_date': 'daily_rate'},"
                  " {'name': 'No token', 'created_at': '2024-10-01T01:00:56Z',"
                  "  'enable_currency_conversion': false, 'currency': 'USD', 'exchange_rate_date': 'daily_rate'},"
                  " 42, null, 'wrkspc_3',"
                  " {'token': 'wrkspc_2', 'name': 'Two', 'created_at': '2024-10-01T01:00:56Z',"
                  "  'enable_currency_conversion': true, 'currency': 12, 'exchange_rate_date': 'daily_rate'},"
                  " {'token': 'wrkspc_4', 'name': 'Four', 'created_at': '2024-10-02T01:00:56Z',"
                  "  'enable_currency_conversion': true, 'currency': 'EUR', 'exchange_rate_date': 'daily_rate'}],"
                  " 'teams': {}}");
  g_autoptr(GListStore) store = g_list_store_new (INFLOW_TYPE_WORKSPACE);
  g_autoptr(InflowWorkspace) first = NULL;
  g_autoptr(InflowWorkspace) last = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = 99;

  g_assert_true (inflow_json_parse_list (root, "workspaces", (InflowModelFromJson) inflow_workspace_new_from_json,
                                         store, &n_invalid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  last = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpstr (inflow_workspace_get_token (first), ==, "wrkspc_1");
  g_assert_cmpstr (inflow_workspace_get_token (last), ==, "wrkspc_4");

  /* A second page appends; n_invalid is optional */
  g_assert_true (inflow_json_parse_list (root, "workspaces", (InflowModelFromJson) inflow_workspace_new_from_json,
                                         store, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);

  g_assert_false (inflow_json_parse_list (root, "users", (InflowModelFromJson) inflow_user_new_from_json,
                                          store, &n_invalid, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_MISSING_MEMBER);
  g_assert_cmpstr (error->message, ==, "required member “users” is missing");
  g_clear_error (&error);

  g_assert_false (inflow_json_parse_list (root, "teams", (InflowModelFromJson) inflow_team_new_from_json,
                                          store, &n_invalid, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE);
  g_assert_cmpstr (error->message, ==, "member “teams” should be an array but is an object");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);
}

typedef struct
{
  const char *json;
  const char *next;
  int         error_code;  /* -1: no error */
} LinksCase;

static void
test_json_links_next (void)
{
  static const LinksCase cases[] = {
    { "{'workspaces': []}", NULL, -1 },
    { "{'links': null}", NULL, -1 },
    { "{'links': {}}", NULL, -1 },
    { "{'links': {'self': 'https://api.vantage.sh/v2/folders?page=2', 'next': null}}", NULL, -1 },
    { "{'links': {'next': 'https://api.vantage.sh/v2/folders?page=3&limit=10'}}",
      "https://api.vantage.sh/v2/folders?page=3&limit=10", -1 },
    { "{'links': {'next': 3}}", NULL, INFLOW_JSON_ERROR_WRONG_TYPE },
    { "{'links': 'https://api.vantage.sh/v2/folders?page=3'}", NULL, INFLOW_JSON_ERROR_WRONG_TYPE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) root = parse_object (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autofree char *next = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].json);
      ok = inflow_json_read_links_next (root, &next, &error);
      if (cases[i].error_code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpstr (next, ==, cases[i].next);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, INFLOW_JSON_ERROR, cases[i].error_code);
          g_assert_nonnull (strstr (error->message, "links"));
        }
    }
}

/* Model-specific behaviour */

typedef struct
{
  const char              *text;
  InflowIntegrationStatus  status;
} StatusCase;

static void
test_integration_status (void)
{
  static const StatusCase cases[] = {
    { "pending", INFLOW_INTEGRATION_STATUS_PENDING },
    { "importing", INFLOW_INTEGRATION_STATUS_IMPORTING },
    { "imported", INFLOW_INTEGRATION_STATUS_IMPORTED },
    { "IMPORTED", INFLOW_INTEGRATION_STATUS_IMPORTED },
    { "Connected", INFLOW_INTEGRATION_STATUS_CONNECTED },
    { "error", INFLOW_INTEGRATION_STATUS_ERROR },
    { "disconnected", INFLOW_INTEGRATION_STATUS_DISCONNECTED },
    { "warning", INFLOW_INTEGRATION_STATUS_UNKNOWN },
    { "", INFLOW_INTEGRATION_STATUS_UNKNOWN },
  };
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (INFLOW_TYPE_INTEGRATION_STATUS);

  g_assert_true (G_TYPE_IS_ENUM (INFLOW_TYPE_INTEGRATION_STATUS));
  g_assert_cmpstr (g_enum_get_value (enum_class, INFLOW_INTEGRATION_STATUS_IMPORTED)->value_nick, ==, "imported");
  g_assert_cmpint (inflow_integration_status_from_string (NULL), ==, INFLOW_INTEGRATION_STATUS_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse_object (integration_json);
      g_autoptr(InflowIntegration) integration = NULL;
      g_autoptr(GError) error = NULL;
      InflowIntegrationStatus status;

      g_assert_cmpint (inflow_integration_status_from_string (cases[i].text), ==, cases[i].status);

      json_object_set_string_member (object, "status", cases[i].text);
      json_object_set_string_member (object, "provider", "AWS");
      integration = inflow_integration_new_from_json (object, &error);
      g_assert_no_error (error);
      g_assert_cmpint (inflow_integration_get_status (integration), ==, cases[i].status);
      g_assert_cmpstr (inflow_integration_get_status_string (integration), ==, cases[i].text);
      g_object_get (integration, "status", &status, NULL);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpstr (inflow_integration_get_provider (integration), ==, "AWS");
      g_assert_true (inflow_integration_is_provider (integration, "aws"));
    }
}

typedef struct
{
  const char *account_id;
  const char *provider_uuid;
  const char *organization_id;  /* NULL: not an organizations account ARN */
  const char *management_account_id;
  const char *partition;
  gboolean    is_management;
} ProviderUuidCase;

static void
test_cloud_account_provider_uuid (void)
{
  static const ProviderUuidCase cases[] = {
    { "999888777666", "arn:aws:organizations::999888777666:account/o-test123456/999888777666",
      "o-test123456", "999888777666", "aws", TRUE },
    { "012345678901", "arn:aws:organizations::999888777666:account/o-example12345/012345678901",
      "o-example12345", "999888777666", "aws", FALSE },
    { "098765432109", "arn:aws-us-gov:organizations::012345678901:account/o-gov0123456789/098765432109",
      "o-gov0123456789", "012345678901", "aws-us-gov", FALSE },
    { "azure-subscription-id", "azure-subscription-uuid", NULL, NULL, NULL, FALSE },
    { "123456789012", "123456789012", NULL, NULL, NULL, FALSE },
    { "123456789012", "", NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:iam::123456789012:root", NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws-cn:organizations::123456789012:account/o-test123456/123456789012",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations::12345678901:account/o-test123456/123456789012",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations::123456789012:account/o-Test123456/123456789012",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations::123456789012:account/o-short/123456789012",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations::123456789012:account/o-test123456",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations::123456789012:account/o-test123456/123456789012/x",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations:us-east-1:123456789012:account/o-test123456/123456789012",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations::123456789012:root/o-test123456/r-ab12",
      NULL, NULL, NULL, FALSE },
    { "123456789012", "arn:aws:organizations::123456789012", NULL, NULL, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(InflowCloudAccount) account = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", cases[i].provider_uuid);
      json_object_set_string_member (object, "title", "Account");
      json_object_set_string_member (object, "account_id", cases[i].account_id);
      json_object_set_string_member (object, "provider_uuid", cases[i].provider_uuid);
      json_object_set_string_member (object, "provider", "aws");

      account = inflow_cloud_account_new_from_json (object, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (inflow_cloud_account_get_account_id (account), ==, cases[i].account_id);
      g_assert_cmpstr (inflow_cloud_account_get_provider_uuid (account), ==, cases[i].provider_uuid);
      g_assert_cmpstr (inflow_cloud_account_get_organization_id (account), ==, cases[i].organization_id);
      g_assert_cmpstr (inflow_cloud_account_get_management_account_id (account), ==,
                       cases[i].management_account_id);
      g_assert_cmpstr (inflow_cloud_account_get_partition (account), ==, cases[i].partition);
      g_assert_cmpint (inflow_cloud_account_is_management (account), ==, cases[i].is_management);
    }
}

static void
test_team_without_user_emails (void)
{
  g_autoptr(JsonObject) object = parse_object (team_json);
  g_autoptr(InflowTeam) team = NULL;
  g_autoptr(GError) error = NULL;

  json_object_remove_member (object, "user_emails");
  team = inflow_team_new_from_json (object, &error);
  g_assert_no_error (error);
  assert_strv (inflow_team_get_user_emails (team), (const char * const[]) { NULL });
  assert_strv (inflow_team_get_user_tokens (team), (const char * const[]) { "usr_c59398553e838116", NULL });
}

static void
test_me_invalid_workspaces (void)
{
  g_autoptr(JsonObject) object = parse_object (me_json);
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *workspaces = json_object_get_array_member (object, "workspaces");
  guint n_invalid = 0;

  json_object_remove_member (json_array_get_object_element (workspaces, 0), "currency");
  json_array_add_string_element (workspaces, "wrkspc_9");
  me = inflow_me_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_me_get_workspaces (me)), ==, 1);
  g_assert_cmpuint (inflow_me_get_n_invalid_workspaces (me), ==, 2);
  g_object_get (me, "n-invalid-workspaces", &n_invalid, NULL);
  g_assert_cmpuint (n_invalid, ==, 2);

  /* A read-only token */
  json_object_set_array_member (json_object_get_object_member (object, "bearer_token"), "scope",
                                json_array_new ());
  g_clear_object (&me);
  me = inflow_me_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_false (inflow_me_has_scope (me, "read"));
  g_assert_false (inflow_me_has_scope (me, "write"));
}

typedef struct
{
  const char *accrued_at;
  const char *expected_utc;
} AccruedAtCase;

static void
test_cost_accrued_at (void)
{
  static const AccruedAtCase cases[] = {
    { "2023-09-05+00:00", "2023-09-05T00:00:00Z" },
    { "2023-06-05", "2023-06-05T00:00:00Z" },
    { "2023-09-05T00:00:00Z", "2023-09-05T00:00:00Z" },
    { "2023-09-05T14:00:00+00:00", "2023-09-05T14:00:00Z" },
    { "2023-09-05-07:00", "2023-09-05T07:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse_object (cost_json);
      g_autoptr(InflowCost) cost = NULL;
      g_autoptr(GError) error = NULL;

      json_object_set_string_member (object, "accrued_at", cases[i].accrued_at);
      cost = inflow_cost_new_from_json (object, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (inflow_cost_get_accrued_at_string (cost), ==, cases[i].accrued_at);
      assert_time (inflow_cost_get_accrued_at (cost), cases[i].expected_utc);
    }
}

static void
test_cost_amounts (void)
{
  static const char * const amounts[] = { "0.10", "100.0", "1234.560000", "-0.01", "0" };
  static const double values[] = { 0.1, 100.0, 1234.56, -0.01, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(JsonObject) object = parse_object (cost_json);
      g_autoptr(InflowCost) cost = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *amount = NULL;
      double value = -1;

      json_object_set_string_member (object, "amount", amounts[i]);
      cost = inflow_cost_new_from_json (object, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (inflow_cost_get_amount (cost), ==, amounts[i]);
      g_assert_cmpfloat_with_epsilon (inflow_cost_get_amount_value (cost), values[i], 1e-9);
      g_object_get (cost, "amount", &amount, "amount-value", &value, NULL);
      g_assert_cmpstr (amount, ==, amounts[i]);
      g_assert_cmpfloat_with_epsilon (value, values[i], 1e-9);
    }
}

static void
test_cost_query_result_total_usage (void)
{
  static const char * const accepted[] = {
    "[{'amount': '12.00', 'unit': 'Hrs'}]",
    "[]",
    "{'Hrs': '12.00', 'GB': '3.5'}",
    "{}",
    "null",
    NULL,  /* missing */
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(JsonObject) object = parse_object (cost_query_result_json);
      g_autoptr(InflowCostQueryResult) result = NULL;
      g_autoptr(GError) error = NULL;

      if (accepted[i] != NULL)
        json_object_set_member (object, "total_usage", parse_node (accepted[i]));
      else
        json_object_remove_member (object, "total_usage");

      result = inflow_cost_query_result_new_from_json (object, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (inflow_cost_query_result_get_total_cost (result), ==, "500.10");
      g_assert_cmpuint (g_list_model_get_n_items (inflow_cost_query_result_get_costs (result)), ==, 2);
    }
}

static void
test_cost_query_result_invalid_rows (void)
{
  g_autoptr(JsonObject) object = parse_object (cost_query_result_json);
  g_autoptr(InflowCostQueryResult) result = NULL;
  g_autoptr(InflowCost) cost = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *costs = json_object_get_array_member (object, "costs");

  json_object_set_int_member (json_array_get_object_element (costs, 0), "amount", 400);
  json_array_add_null_element (costs);
  result = inflow_cost_query_result_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inflow_cost_query_result_get_n_invalid_costs (result), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_cost_query_result_get_costs (result)), ==, 1);
  cost = g_list_model_get_item (inflow_cost_query_result_get_costs (result), 0);
  g_assert_cmpstr (inflow_cost_get_service (cost), ==, "AmazonSQS");
}

static void
test_aws_provider_info_policies (void)
{
  g_autoptr(JsonObject) object = parse_object (aws_provider_info_json);
  g_autoptr(InflowAwsProviderInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  /* The spec's own example has no s3_request_metrics and no vantage_id */
  json_object_remove_member (json_object_get_object_member (object, "policies"), "s3_request_metrics");
  json_object_remove_member (object, "vantage_id");
  info = inflow_aws_provider_info_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_null (inflow_aws_provider_info_get_policy (info, "s3_request_metrics"));
  g_assert_null (inflow_aws_provider_info_get_policy_text (info, "s3_request_metrics"));
  g_assert_null (inflow_aws_provider_info_get_vantage_id (info));
  g_assert_nonnull (inflow_aws_provider_info_get_policy (info, "resources"));
  g_clear_object (&info);

  /* The error names the policy that is no JSON */
  json_object_set_string_member (json_object_get_object_member (object, "policies"), "cloudwatch",
                                 "{\"Version\": \"2012-10-17\", \"Statement\": [");
  info = inflow_aws_provider_info_new_from_json (object, &error);
  g_assert_null (info);
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "policy “cloudwatch” is not valid JSON: "));
}

/* The official specs' response examples */

typedef struct
{
  const char           *spec;          /* the two specs define different `Costs` */
  const char           *definition;
  InflowModelFromJson   constructor;
  const char           *array_member;  /* for list responses */
} ExampleKind;

static const ExampleKind example_kinds[] = {
  { "openapi.json", "Integration", (InflowModelFromJson) inflow_integration_new_from_json, NULL },
  { "openapi.json", "Integrations", (InflowModelFromJson) inflow_integration_new_from_json, "integrations" },
  { "openapi.json", "Workspace", (InflowModelFromJson) inflow_workspace_new_from_json, NULL },
  { "openapi.json", "Workspaces", (InflowModelFromJson) inflow_workspace_new_from_json, "workspaces" },
  { "openapi.json", "CostProviderAccounts", (InflowModelFromJson) inflow_cloud_account_new_from_json,
    "cost_provider_accounts" },
  { "openapi.json", "Team", (InflowModelFromJson) inflow_team_new_from_json, NULL },
  { "openapi.json", "Teams", (InflowModelFromJson) inflow_team_new_from_json, "teams" },
  { "openapi.json", "User", (InflowModelFromJson) inflow_user_new_from_json, NULL },
  { "openapi.json", "Users", (InflowModelFromJson) inflow_user_new_from_json, "users" },
  { "openapi.json", "Me", (InflowModelFromJson) inflow_me_new_from_json, NULL },
  { "openapi.json", "Costs", (InflowModelFromJson) inflow_cost_query_result_new_from_json, NULL },
  { "openapi-v1.json", "AwsProviderCredential", (InflowModelFromJson) inflow_aws_provider_info_new_from_json, NULL },
  { "openapi-v1.json", "AwsAccessCredential", (InflowModelFromJson) inflow_aws_access_credential_new_from_json,
    NULL },
};

static void
parse_example (const ExampleKind *kind,
               const char        *where,
               JsonObject        *example)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;

  g_test_message ("%s (%s)", where, kind->definition);

  if (kind->array_member != NULL)
    {
      g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
      guint n_invalid = 99;

      g_assert_true (inflow_json_parse_list (example, kind->array_member, kind->constructor,
                                             store, &n_invalid, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_invalid, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==,
                        json_array_get_length (json_object_get_array_member (example, kind->array_member)));
      g_assert_true (inflow_json_read_links_next (example, &next, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_autoptr(GObject) model = kind->constructor (example, &error);

      g_assert_no_error (error);
      g_assert_nonnull (model);
    }
}

static guint
parse_spec_examples (const char *file_name)
{
  g_autofree char *path = g_build_filename (VANTAGE_API_DIR, file_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) paths = NULL;
  JsonObject *spec_paths;
  guint n_parsed = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  spec_paths = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "paths");
  paths = json_object_get_members (spec_paths);

  for (GList *p = paths; p != NULL; p = p->next)
    {
      JsonObject *operations = json_object_get_object_member (spec_paths, p->data);
      g_autoptr(GList) methods = json_object_get_members (operations);

      for (GList *m = methods; m != NULL; m = m->next)
        {
          JsonNode *operation = json_object_get_member (operations, m->data);
          JsonObject *responses;
          g_autoptr(GList) statuses = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (operation) ||
              !json_object_has_member (json_node_get_object (operation), "responses"))
            continue;

          responses = json_object_get_object_member (json_node_get_object (operation), "responses");
          statuses = json_object_get_members (responses);
          for (GList *s = statuses; s != NULL; s = s->next)
            {
              JsonObject *response = json_object_get_object_member (responses, s->data);
              JsonObject *schema, *examples;
              const char *ref;

              if (!json_object_has_member (response, "schema") || !json_object_has_member (response, "examples"))
                continue;

              schema = json_object_get_object_member (response, "schema");
              examples = json_object_get_object_member (response, "examples");
              ref = json_object_get_string_member_with_default (schema, "$ref", "");
              if (!json_object_has_member (examples, "application/json") ||
                  !g_str_has_prefix (ref, "#/definitions/"))
                continue;

              for (guint k = 0; k < G_N_ELEMENTS (example_kinds); k++)
                {
                  g_autofree char *where = NULL;

                  if (!g_str_equal (file_name, example_kinds[k].spec) ||
                      !g_str_equal (ref + strlen ("#/definitions/"), example_kinds[k].definition))
                    continue;

                  where = g_strdup_printf ("%s %s %s %s", file_name, (char *) m->data, (char *) p->data,
                                           (char *) s->data);
                  parse_example (&example_kinds[k], where,
                                 json_object_get_object_member (examples, "application/json"));
                  n_parsed++;
                }
            }
        }
    }

  return n_parsed;
}

static void
test_spec_examples (void)
{
  g_autofree char *v2 = g_build_filename (VANTAGE_API_DIR, "openapi.json", NULL);
  guint n_v2, n_v1;

  if (!g_file_test (v2, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The Vantage API specs are not at " VANTAGE_API_DIR);
      return;
    }

  n_v2 = parse_spec_examples ("openapi.json");
  n_v1 = parse_spec_examples ("openapi-v1.json");
  g_test_message ("%u v2 and %u v1 examples parsed", n_v2, n_v1);
  g_assert_cmpuint (n_v2, >=, 7);
  g_assert_cmpuint (n_v1, >=, 3);
}

/* Round trips through the _to_json() serializers of the cached models */

typedef JsonNode *(*ModelToJson) (gpointer model);

typedef struct
{
  const char  *name;        /* a ModelCase name */
  ModelToJson  to_json;
} RoundTripCase;

static const RoundTripCase round_trip_cases[] = {
  { "integration", (ModelToJson) inflow_integration_to_json },
  { "workspace", (ModelToJson) inflow_workspace_to_json },
  { "cloud-account", (ModelToJson) inflow_cloud_account_to_json },
  { "team", (ModelToJson) inflow_team_to_json },
  { "me", (ModelToJson) inflow_me_to_json },
};

static const ModelCase *
find_model_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_cases); i++)
    if (g_str_equal (model_cases[i].name, name))
      return &model_cases[i];

  g_assert_not_reached ();
}

/* Every property of @a equals the one of @b: times to the microsecond, list
 * models item by item. */
static void
assert_models_equal (GObject *a,
                     GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      const char *name = pspecs[i]->name;

      if (pspecs[i]->value_type == G_TYPE_DATE_TIME)
        {
          g_auto(GValue) va = G_VALUE_INIT;
          g_auto(GValue) vb = G_VALUE_INIT;
          GDateTime *ta, *tb;

          g_value_init (&va, G_TYPE_DATE_TIME);
          g_value_init (&vb, G_TYPE_DATE_TIME);
          g_object_get_property (a, name, &va);
          g_object_get_property (b, name, &vb);
          ta = g_value_get_boxed (&va);
          tb = g_value_get_boxed (&vb);
          g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (a), name);
          g_assert_true ((ta == NULL) == (tb == NULL));
          if (ta != NULL)
            g_assert_cmpint (g_date_time_compare (ta, tb), ==, 0);
        }
      else if (g_type_is_a (pspecs[i]->value_type, G_TYPE_LIST_MODEL))
        {
          g_autoptr(GListModel) la = NULL;
          g_autoptr(GListModel) lb = NULL;

          g_object_get (a, name, &la, NULL);
          g_object_get (b, name, &lb, NULL);
          g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
          for (guint j = 0; j < g_list_model_get_n_items (la); j++)
            {
              g_autoptr(GObject) ia = g_list_model_get_item (la, j);
              g_autoptr(GObject) ib = g_list_model_get_item (lb, j);

              assert_models_equal (ia, ib);
            }
        }
      else
        {
          g_autofree char *ta = property_to_string (a, name);
          g_autofree char *tb = property_to_string (b, name);

          g_test_message ("%s: %s = %s", G_OBJECT_TYPE_NAME (a), name, ta);
          g_assert_cmpstr (ta, ==, tb);
        }
    }
}

/* Serializes @model to JSON text and parses that again, as the cache does. */
static GObject *
round_trip (const ModelCase     *c,
            const RoundTripCase *r,
            GObject             *model)
{
  g_autoptr(JsonNode) node = r->to_json (model);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  GObject *copy;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  text = json_to_string (node, FALSE);
  g_test_message ("%s", text);

  reparsed = json_from_string (text, &error);
  g_assert_no_error (error);
  copy = c->constructor (json_node_get_object (reparsed), &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  return copy;
}

static void
check_round_trip (const ModelCase     *c,
                  const RoundTripCase *r,
                  JsonObject          *object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) model = c->constructor (object, &error);
  g_autoptr(GObject) copy = NULL;
  g_autoptr(GObject) copy_of_copy = NULL;

  g_assert_no_error (error);
  copy = round_trip (c, r, model);
  assert_models_equal (model, copy);

  /* Writing is stable: the copy writes what the original wrote */
  copy_of_copy = round_trip (c, r, copy);
  assert_models_equal (copy, copy_of_copy);
}

static void
test_model_round_trip (gconstpointer data)
{
  const RoundTripCase *r = data;
  const ModelCase *c = find_model_case (r->name);
  g_autoptr(JsonObject) valid = parse_object (c->valid);

  check_round_trip (c, r, valid);

  /* Every member that may be null or missing */
  for (guint i = 0; c->nullable[i].path != NULL; i++)
    {
      g_autoptr(JsonObject) object = parse_object (c->valid);
      const char *leaf;
      JsonObject *parent = resolve_path (object, c->nullable[i].path, &leaf);

      g_test_message ("%s null", c->nullable[i].path);
      json_object_set_null_member (parent, leaf);
      check_round_trip (c, r, object);
    }

  for (guint i = 0; c->optional[i].path != NULL; i++)
    {
      g_autoptr(JsonObject) object = parse_object (c->valid);
      const char *leaf;
      JsonObject *parent = resolve_path (object, c->optional[i].path, &leaf);

      g_test_message ("%s missing", c->optional[i].path);
      json_object_remove_member (parent, leaf);
      check_round_trip (c, r, object);
    }
}

/* Fractions of a second, offsets, unknown statuses and empty lists survive */
static void
test_round_trip_details (void)
{
  g_autoptr(JsonObject) integration = parse_object (
    "{'token': 'accss_crdntl_1', 'provider': 'AWS', 'account_identifier': '123456789012',"
    " 'status': 'Paused', 'last_updated': '2024-07-30T17:30:22.250+02:00', 'workspace_tokens': [],"
    " 'created_at': '2024-07-29', 'managed_account_tokens': []}");
  g_autoptr(JsonObject) team = parse_object (
    "{'token': 'team_1', 'name': 'Ops', 'description': null, 'workspace_tokens': [],"
    " 'user_tokens': [], 'default_dashboard_token': null}");
  g_autoptr(JsonObject) me = parse_object (
    "{'default_workspace_token': null, 'workspaces': [],"
    " 'bearer_token': {'description': 'ci', 'created_at': '2023-08-04T10:11:12.000001Z', 'scope': []}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowIntegration) parsed = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *written;

  check_round_trip (find_model_case ("integration"), &round_trip_cases[0], integration);
  check_round_trip (find_model_case ("team"), &round_trip_cases[3], team);
  check_round_trip (find_model_case ("me"), &round_trip_cases[4], me);

  /* Times are written in UTC, the status as received */
  parsed = inflow_integration_new_from_json (integration, &error);
  g_assert_no_error (error);
  node = inflow_integration_to_json (parsed);
  written = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (written, "last_updated"), ==, "2024-07-30T15:30:22.250000Z");
  g_assert_cmpstr (json_object_get_string_member (written, "created_at"), ==, "2024-07-29T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (written, "status"), ==, "Paused");
  g_assert_cmpstr (json_object_get_string_member (written, "provider"), ==, "AWS");
}

/* The 2026-08-22 spec's nullable fields: absent or null is not "untagged". */
static void
test_cost_new_fields (void)
{
  static const char * const shapes[] = {
    "{'accrued_at': '2023-09-05', 'amount': '1', 'currency': 'USD'}",
    "{'accrued_at': '2023-09-05', 'amount': '1', 'currency': 'USD', 'tagged': null, 'charge_type': null, 'usage_unit': null}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(JsonObject) object = parse_object (shapes[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(InflowCost) cost = inflow_cost_new_from_json (object, &error);

      g_assert_no_error (error);
      g_assert_false (inflow_cost_get_tagged (cost));
      g_assert_false (inflow_cost_get_tagged_known (cost));
      g_assert_null (inflow_cost_get_charge_type (cost));
      g_assert_null (inflow_cost_get_usage_unit (cost));
    }

  {
    g_autoptr(JsonObject) object = parse_object ("{'accrued_at': '2023-09-05', 'amount': '1', 'currency': 'USD', 'tagged': false}");
    g_autoptr(GError) error = NULL;
    g_autoptr(InflowCost) cost = inflow_cost_new_from_json (object, &error);

    g_assert_no_error (error);
    g_assert_false (inflow_cost_get_tagged (cost));
    g_assert_true (inflow_cost_get_tagged_known (cost));
  }
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char     *kind;
    GTestDataFunc   func;
  } generic_tests[] = {
    { "valid", test_model_valid },
    { "missing", test_model_missing },
    { "wrong-type", test_model_wrong_type },
    { "invalid-value", test_model_invalid_value },
    { "nullable", test_model_nullable },
    { "optional", test_model_optional },
  };

  inflow_test_init (&argc, &argv);

  /* Away from UTC, so that a time read in local time shows */
  g_setenv ("TZ", "America/New_York", TRUE);

  g_test_add_func ("/model/json/messages", test_json_messages);
  g_test_add_func ("/model/json/scalars", test_json_scalars);
  g_test_add_func ("/model/json/timestamps", test_json_timestamps);
  g_test_add_func ("/model/json/decimals", test_json_decimals);
  g_test_add_func ("/model/json/parse-list", test_json_parse_list);
  g_test_add_func ("/model/json/links-next", test_json_links_next);

  for (guint i = 0; i < G_N_ELEMENTS (model_cases); i++)
    for (guint j = 0; j < G_N_ELEMENTS (generic_tests); j++)
      {
        g_autofree char *path = g_strdup_printf ("/model/%s/%s", model_cases[i].name, generic_tests[j].kind);

        g_test_add_data_func (path, &model_cases[i], generic_tests[j].func);
      }

  g_test_add_func ("/model/integration/status", test_integration_status);
  g_test_add_func ("/model/cloud-account/provider-uuid", test_cloud_account_provider_uuid);
  g_test_add_func ("/model/team/without-user-emails", test_team_without_user_emails);
  g_test_add_func ("/model/me/invalid-workspaces", test_me_invalid_workspaces);
  g_test_add_func ("/model/cost/accrued-at", test_cost_accrued_at);
  g_test_add_func ("/model/cost/amounts", test_cost_amounts);
  g_test_add_func ("/model/cost/new-fields", test_cost_new_fields);
  g_test_add_func ("/model/cost-query-result/total-usage", test_cost_query_result_total_usage);
  g_test_add_func ("/model/cost-query-result/invalid-rows", test_cost_query_result_invalid_rows);
  g_test_add_func ("/model/aws-provider-info/policies", test_aws_provider_info_policies);
  g_test_add_func ("/model/spec-examples", test_spec_examples);

  for (guint i = 0; i < G_N_ELEMENTS (round_trip_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/%s/round-trip", round_trip_cases[i].name);

      g_test_add_data_func (path, &round_trip_cases[i], test_model_round_trip);
    }
  g_test_add_func ("/model/round-trip/details", test_round_trip_details);

  return inflow_test_run ();
}
