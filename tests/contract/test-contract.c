/* test-contract.c: every InflowClient operation through Stoplight Prism
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client talks to inflow-sim through two Prism proxies (`prism proxy
 * --errors`), one per official spec, behind a router that gives the client
 * one base URL (see contract-harness.c). Prism validates each request and
 * response against the spec; a violation fails the test whether Prism
 * reports it in the `sl-violations` header, as a problem+json error
 * (--errors) or in its output.
 *
 * One exception is allowed, and only where a test provokes it on purpose:
 * the spec declares no 401 anywhere and no 422 on POST /v1/integrations/aws,
 * so Prism can only warn "Unable to match the returned status code" for
 * them. Such a warning is accepted for that one exchange when the spec
 * indeed lacks the status, and the body is then checked against the spec's
 * `Errors` definition here. The log check at the end counts the same
 * warnings and nothing else.
 *
 * Prism reads copies of the specs without the body schemas of their 204
 * responses (contract-spec.c says why). A canary request, whose answer the
 * simulator breaks on purpose, must come back refused in every run.
 *
 * The specs come from $INFLOW_VANTAGE_API_DIR or the meson option
 * vantage_api_dir; without them, or without Node.js, the program skips.
 * Prism comes from tests/node_modules (tests/package-lock.json); when it is
 * missing or older than the lockfile, `npm ci --prefix tests` installs it.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "contract-harness.h"
#include "contract-spec.h"
#include "inflow-client.h"
#include "inflow-test-utils.h"

#define WRITE_TOKEN "vntg_tkn_contract_write_4b1d8e2f6a9c3057"
#define READ_TOKEN  "vntg_tkn_contract_read_7e3a5c1b9d2f4068"
#define WRONG_TOKEN "vntg_tkn_contract_wrong_0000000000000000"

/* The scenario: three pages of integrations at the client's limit of 1000,
 * and more cloud accounts than one page of the default 100 */
#define N_INTEGRATIONS 2500
#define N_ACCOUNTS     250

#define UNDECLARED_STATUS_WARNING "Unable to match the returned status code"

/* The simulator breaks the types of its answer for this one (a 404 whose
 * `errors` becomes a string), so that every run proves that Prism's
 * validation and the router's detection are live */
#define CANARY_TOKEN "accss_crdntl_c0ffee0ddba11000"

static ContractHarness *harness;
static JsonNode *v2_spec;
static JsonNode *v1_spec;
static InflowClient *client;
static guint n_accepted_warnings;
static guint n_canaries;

/* ---- judging the exchanges -------------------------------------------------- */

static char *
describe_violation (JsonNode *node)
{
  JsonObject *violation;
  JsonArray *location;
  g_autoptr(GString) where = g_string_new (NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return json_to_string (node, FALSE);

  violation = json_node_get_object (node);
  location = json_object_has_member (violation, "location")
             ? json_object_get_array_member (violation, "location") : NULL;
  for (guint i = 0; location != NULL && i < json_array_get_length (location); i++)
    {
      JsonNode *part = json_array_get_element (location, i);

      if (i > 0)
        g_string_append_c (where, '.');
      if (JSON_NODE_HOLDS_VALUE (part) && json_node_get_value_type (part) == G_TYPE_STRING)
        g_string_append (where, json_node_get_string (part));
      else if (JSON_NODE_HOLDS_VALUE (part))
        g_string_append_printf (where, "%" G_GINT64_FORMAT, json_node_get_int (part));
    }

  return g_strdup_printf ("%s [%s] %s", where->str,
                          json_object_get_string_member_with_default (violation, "severity", "?"),
                          json_object_get_string_member_with_default (violation, "message", "?"));
}

/* The violations of Prism's sl-violations header (a JSON array) */
static JsonArray *
parse_violations (const char *header)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, header, -1, &error) ||
      !JSON_NODE_HOLDS_ARRAY (root = json_parser_get_root (parser)))
    {
      /* "Too many violations! ..." or something else: one opaque violation */
      JsonArray *opaque = json_array_new ();

      json_array_add_string_element (opaque, header);
      return opaque;
    }

  return json_array_ref (json_node_get_array (root));
}

/* Fails the test for every problem Prism (or the router) saw in @exchange */
static void
judge_exchange (ContractExchange *exchange)
{
  exchange->judged = TRUE;

  if (exchange->problem != NULL)
    g_test_fail_printf ("%s %s: answered %u by Prism or the router: %s",
                        exchange->method, exchange->path, exchange->status, exchange->problem);

  if (exchange->violations != NULL)
    {
      g_autoptr(JsonArray) violations = parse_violations (exchange->violations);

      for (guint i = 0; i < json_array_get_length (violations); i++)
        {
          g_autofree char *text = describe_violation (json_array_get_element (violations, i));

          g_test_message ("VIOLATION %s %s (%u): %s", exchange->method, exchange->path,
                          exchange->status, text);
          g_test_fail_printf ("%s %s (%u): %s", exchange->method, exchange->path, exchange->status, text);
        }
    }
}

/* Every exchange since @first passed Prism cleanly, and at least @n_min of
 * them were requests for @path_prefix. Returns how many were. */
static guint
assert_valid_since (guint       first,
                    const char *path_prefix,
                    guint       n_min)
{
  guint n_exchanges = contract_harness_get_n_exchanges (harness);
  guint n_matching = 0;

  for (guint i = first; i < n_exchanges; i++)
    {
      ContractExchange *exchange = contract_harness_get_exchange (harness, i);

      if (g_str_has_prefix (exchange->path, path_prefix))
        n_matching++;
      judge_exchange (exchange);
    }

  g_assert_cmpuint (n_matching, >=, n_min);
  return n_matching;
}

/* The one exchange since @first was an error @status from the simulator.
 * Where the spec declares that status for the operation, Prism validated
 * the body; where it does not, Prism's one warning about it is accepted and
 * the body is checked against the v2 spec's `Errors` (the v1 spec has no
 * error definition; both versions answer errors in that shape). */
static void
assert_error_since (guint        first,
                    JsonNode    *spec,
                    const char  *method,
                    const char  *path_template,
                    guint        status)
{
  ContractExchange *exchange;
  g_autoptr(JsonArray) violations = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonNode *violation;

  g_assert_cmpuint (contract_harness_get_n_exchanges (harness), ==, first + 1);
  exchange = contract_harness_get_exchange (harness, first);
  exchange->judged = TRUE;
  g_assert_cmpstr (exchange->method, ==, method);
  g_assert_cmpuint (exchange->status, ==, status);

  if (contract_spec_declares_status (spec, method, path_template, status))
    {
      assert_valid_since (first, "/", 1);
      return;
    }

  g_test_message ("%s %s: %u is not in the spec; Prism can only warn, the body is checked here",
                  method, path_template, status);
  g_assert_null (exchange->problem);
  g_assert_nonnull (exchange->violations);
  violations = parse_violations (exchange->violations);
  violation = json_array_get_element (violations, 0);
  text = describe_violation (violation);
  if (json_array_get_length (violations) != 1 || !JSON_NODE_HOLDS_OBJECT (violation) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (violation),
                                                             "severity", NULL), "Warning") != 0 ||
      strstr (text, UNDECLARED_STATUS_WARNING) == NULL)
    {
      judge_exchange (exchange);
      return;
    }
  n_accepted_warnings++;

  g_assert_nonnull (exchange->body);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (exchange->body, NULL),
                                   g_bytes_get_size (exchange->body), &error))
    {
      g_test_fail_printf ("%s %s (%u): the body is not JSON: %s", method, exchange->path, status,
                          error->message);
      return;
    }
  if (!contract_spec_validate (v2_spec, "Errors", json_parser_get_root (parser), problems))
    g_test_fail_printf ("%s %s (%u): the body is not an Errors object: %s", method, exchange->path,
                        status, problems->str);
}

static guint
mark (void)
{
  return contract_harness_get_n_exchanges (harness);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  return inflow_test_wait_result (slot);
}

/* ---- the operations --------------------------------------------------------- */

static char *default_workspace;

static const char *
get_default_workspace (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;

  guint first = mark ();

  if (default_workspace != NULL)
    return default_workspace;

  inflow_client_get_me_async (client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (client, wait_result (&result), &error);
  assert_valid_since (first, "/v2/me", 1);
  g_assert_no_error (error);
  default_workspace = g_strdup (inflow_me_get_default_workspace_token (me));
  g_assert_nonnull (default_workspace);

  return default_workspace;
}

/* Every page of GET /v2/integrations; judges its exchanges and returns how
 * many there were in *n_pages */
static GListModel *
list_integrations (const char *provider,
                   const char *account_identifier,
                   guint      *n_pages)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;
  guint n_invalid = G_MAXUINT;
  guint first = mark ();
  guint n;

  inflow_client_list_integrations_async (client, provider, account_identifier, NULL,
                                         inflow_test_store_result_cb, &result);
  list = inflow_client_list_integrations_finish (client, wait_result (&result), &n_invalid, &error);
  n = assert_valid_since (first, "/v2/integrations", 1);
  if (n_pages != NULL)
    *n_pages = n;
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);

  return list;
}

/* The token of the integration @index of the first page */
static char *
integration_token (guint index)
{
  g_autoptr(GListModel) list = list_integrations ("aws", NULL, NULL);
  g_autoptr(InflowIntegration) integration = g_list_model_get_item (list, index);

  g_assert_nonnull (integration);
  return g_strdup (inflow_integration_get_token (integration));
}

static void
test_me (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  guint first = mark ();

  inflow_client_get_me_async (client, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (client, wait_result (&result), &error);
  assert_valid_since (first, "/v2/me", 1);
  g_assert_no_error (error);
  g_assert_nonnull (inflow_me_get_default_workspace_token (me));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_me_get_workspaces (me)), >, 0);
}

static void
test_ping (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint first = mark ();

  gboolean ok;

  inflow_client_ping_async (client, NULL, inflow_test_store_result_cb, &result);
  ok = inflow_client_ping_finish (client, wait_result (&result), &error);
  assert_valid_since (first, "/v2/ping", 1);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
test_integrations_pages (void)
{
  g_autoptr(GListModel) list = NULL;
  guint n_pages = 0;

  /* Page 1, then links.next twice, each through the router and Prism */
  list = list_integrations (NULL, NULL, &n_pages);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_INTEGRATIONS);
  g_assert_cmpuint (n_pages, ==, (N_INTEGRATIONS + 999) / 1000);
}

static void
test_integrations_filtered (void)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) one = NULL;
  g_autoptr(InflowIntegration) integration = NULL;

  list = list_integrations ("aws", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  integration = g_list_model_get_item (list, 0);
  g_assert_cmpstr (inflow_integration_get_provider (integration), ==, "aws");

  one = list_integrations ("aws", inflow_integration_get_account_identifier (integration), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (one), >=, 1);
}

static void
test_integration_get (void)
{
  g_autofree char *token = integration_token (0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/v2/integrations/", token, NULL);
  guint first = mark ();

  inflow_client_get_integration_async (client, token, NULL, inflow_test_store_result_cb, &result);
  integration = inflow_client_get_integration_finish (client, wait_result (&result), &error);
  assert_valid_since (first, path, 1);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_integration_get_token (integration), ==, token);
}

static void
test_integration_update (void)
{
  g_autofree char *token = integration_token (1);
  const char *workspaces[] = { get_default_workspace (), NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/v2/integrations/", token, NULL);
  const char * const *now;
  guint first = mark ();

  inflow_client_update_integration_workspaces_async (client, token, workspaces, NULL,
                                                     inflow_test_store_result_cb, &result);
  integration = inflow_client_update_integration_workspaces_finish (client, wait_result (&result), &error);
  assert_valid_since (first, path, 1);
  g_assert_no_error (error);
  now = inflow_integration_get_workspace_tokens (integration);
  g_assert_cmpuint (g_strv_length ((char **) now), ==, 1);
  g_assert_cmpstr (now[0], ==, workspaces[0]);

  g_assert_cmpstr (contract_harness_get_exchange (harness, first)->method, ==, "PUT");
}

static void
test_integration_delete (void)
{
  g_autofree char *token = integration_token (2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/v2/integrations/", token, NULL);
  guint first = mark ();

  gboolean ok;

  inflow_client_delete_integration_async (client, token, NULL, inflow_test_store_result_cb, &result);
  ok = inflow_client_delete_integration_finish (client, wait_result (&result), &error);
  assert_valid_since (first, path, 1);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_cmpuint (contract_harness_get_exchange (harness, first)->status, ==, 204);
}

static void
test_workspaces (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = G_MAXUINT;
  guint first = mark ();

  inflow_client_list_workspaces_async (client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_workspaces_finish (client, wait_result (&result), &n_invalid, &error);
  assert_valid_since (first, "/v2/workspaces", 1);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
}

static void
test_cloud_accounts_pages (void)
{
  const char *workspace = get_default_workspace ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = G_MAXUINT;
  guint first = mark ();
  guint n_pages;

  inflow_client_list_cloud_accounts_async (client, workspace, "aws", NULL,
                                           inflow_test_store_result_cb, &result);
  list = inflow_client_list_cloud_accounts_finish (client, wait_result (&result), &n_invalid, &error);
  n_pages = assert_valid_since (first, "/v2/cost_provider_accounts", 2);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 100);

  /* No limit is sent here, so the server's pages of 100 */
  g_test_message ("%u cloud accounts in %u pages", g_list_model_get_n_items (list), n_pages);
}

static void
test_teams (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid = G_MAXUINT;
  guint first = mark ();

  inflow_client_list_teams_async (client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_teams_finish (client, wait_result (&result), &n_invalid, &error);
  assert_valid_since (first, "/v2/teams", 1);
  g_assert_no_error (error);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
}

static void
test_users (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean permitted = FALSE;
  guint n_invalid = G_MAXUINT;
  guint first = mark ();

  inflow_client_list_users_async (client, NULL, inflow_test_store_result_cb, &result);
  list = inflow_client_list_users_finish (client, wait_result (&result), &permitted, &n_invalid, &error);
  assert_valid_since (first, "/v2/users", 1);
  g_assert_no_error (error);
  g_assert_true (permitted);
  g_assert_cmpuint (n_invalid, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
}

static void
test_costs (void)
{
  const char *workspace = get_default_workspace ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowCostQueryResult) costs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = inflow_client_get_now (client);
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -30);
  g_autofree char *end = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *start = g_date_time_format (month_ago, "%Y-%m-%d");
  guint first = mark ();

  inflow_client_query_costs_async (client, workspace, "costs.provider = 'aws'", start, end,
                                   "service", "day", 500, NULL, inflow_test_store_result_cb, &result);
  costs = inflow_client_query_costs_finish (client, wait_result (&result), &error);
  assert_valid_since (first, "/v2/costs", 1);
  g_assert_no_error (error);
  g_assert_cmpuint (inflow_cost_query_result_get_n_invalid_costs (costs), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_cost_query_result_get_costs (costs)), >, 0);
}

static void
test_aws_info (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowAwsProviderInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint first = mark ();

  inflow_client_get_aws_provider_info_async (client, NULL, inflow_test_store_result_cb, &result);
  info = inflow_client_get_aws_provider_info_finish (client, wait_result (&result), &error);
  assert_valid_since (first, "/v1/integrations/aws/info", 1);
  g_assert_no_error (error);
  g_assert_nonnull (inflow_aws_provider_info_get_external_id (info));
  g_assert_nonnull (inflow_aws_provider_info_get_policy_text (info, "root"));
}

static void
test_aws_create (void)
{
  const char *role = "arn:aws:iam::210987654321:role/VantageCrossAccount";
  const char *bucket = "arn:aws:s3:::contract-cur-bucket";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  guint first = mark ();

  inflow_client_create_aws_integration_async (client, role, bucket, NULL,
                                              inflow_test_store_result_cb, &result);
  credential = inflow_client_create_aws_integration_finish (client, wait_result (&result), &error);
  assert_valid_since (first, "/v1/integrations/aws", 1);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_aws_access_credential_get_cross_account_arn (credential), ==, role);
  g_assert_cmpstr (inflow_aws_access_credential_get_bucket_arn (credential), ==, bucket);

  g_assert_cmpuint (contract_harness_get_exchange (harness, first)->status, ==, 201);
}

static void
test_error_not_found (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  guint first = mark ();

  inflow_client_get_integration_async (client, "accss_crdntl_0000000000000000", NULL,
                                       inflow_test_store_result_cb, &result);
  integration = inflow_client_get_integration_finish (client, wait_result (&result), &error);
  g_assert_null (integration);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);

  assert_error_since (first, v2_spec, "GET", "/integrations/{integration_token}", 404);
}

static void
test_error_unauthorized (void)
{
  g_autoptr(InflowClient) wrong = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;
  guint first = mark ();

  wrong = inflow_client_new (contract_harness_get_base_url (harness), WRONG_TOKEN, &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (wrong, 1, 10);

  inflow_client_get_me_async (wrong, NULL, inflow_test_store_result_cb, &result);
  me = inflow_client_get_me_finish (wrong, wait_result (&result), &error);
  g_assert_null (me);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_UNAUTHORIZED);

  assert_error_since (first, v2_spec, "GET", "/me", 401);
}

static void
test_error_unprocessable (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  guint first = mark ();

  inflow_client_create_aws_integration_async (client, "not-an-arn", NULL, NULL,
                                              inflow_test_store_result_cb, &result);
  credential = inflow_client_create_aws_integration_finish (client, wait_result (&result), &error);
  g_assert_null (credential);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_VALIDATION);

  assert_error_since (first, v1_spec, "POST", "/integrations/aws", 422);
}

static void
test_canary (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  ContractExchange *exchange;
  guint first = mark ();

  inflow_client_get_integration_async (client, CANARY_TOKEN, NULL, inflow_test_store_result_cb, &result);
  integration = inflow_client_get_integration_finish (client, wait_result (&result), &error);
  g_assert_null (integration);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);

  /* Prism turned the broken 404 into its own 500 and said why */
  g_assert_cmpuint (contract_harness_get_n_exchanges (harness), ==, first + 1);
  exchange = contract_harness_get_exchange (harness, first);
  exchange->judged = TRUE;
  g_assert_cmpuint (exchange->status, ==, 500);
  g_assert_nonnull (exchange->problem);
  g_assert_nonnull (strstr (exchange->problem, "errors#VIOLATIONS"));
  g_assert_nonnull (exchange->violations);
  g_assert_nonnull (strstr (exchange->violations, "\"body\",\"errors\""));
  g_test_message ("canary refused as it should be: %s", exchange->violations);
  n_canaries++;
}

/* Last: stops Prism and reads all it printed. Every warning or error line
 * must be one of the undeclared-status warnings accepted above. */
static void
test_prism_output (void)
{
  static const char * const apis[] = { "v2", "v1" };
  g_autoptr(GRegex) level = g_regex_new ("\\s(warning|error|fatal)\\s{2,}", 0, 0, NULL);
  guint n_warnings = 0;
  guint n_canary_lines = 0;
  guint n_lines = 0;

  /* Whatever no test looked at (a test that failed half-way) */
  for (guint i = 0; i < contract_harness_get_n_exchanges (harness); i++)
    {
      ContractExchange *exchange = contract_harness_get_exchange (harness, i);

      if (!exchange->judged)
        judge_exchange (exchange);
    }

  contract_harness_stop_prism (harness);

  for (guint i = 0; i < G_N_ELEMENTS (apis); i++)
    {
      GPtrArray *log = contract_harness_get_prism_log (harness, apis[i]);

      n_lines += log->len;
      for (guint j = 0; j < log->len; j++)
        {
          const char *line = g_ptr_array_index (log, j);

          if (!g_regex_match (level, line, 0, NULL))
            continue;
          if (strstr (line, "Violation: response " UNDECLARED_STATUS_WARNING) != NULL)
            n_warnings++;
          else if (strstr (line, "/integrations/" CANARY_TOKEN " ") != NULL)
            n_canary_lines++;
          else
            g_test_fail_printf ("Prism (%s) printed: %s", apis[i], line);
        }
    }

  g_test_message ("%u lines of Prism output, %u undeclared-status warnings (%u accepted), "
                  "%u lines about %u canaries", n_lines, n_warnings, n_accepted_warnings,
                  n_canary_lines, n_canaries);
  g_assert_cmpuint (n_warnings, ==, n_accepted_warnings);
  g_assert_cmpuint (n_canary_lines, ==, n_canaries);
}

/* ---- setting up ------------------------------------------------------------- */

static int
skip_all (const char *reason)
{
  g_print ("1..0 # SKIP %s\n", reason);
  return 0;
}

static gboolean
is_older (const char *path,
          const char *than)
{
  GStatBuf a, b;

  if (g_stat (path, &a) != 0)
    return TRUE;
  if (g_stat (than, &b) != 0)
    return FALSE;

  return a.st_mtime < b.st_mtime;
}

/* tests/node_modules/.bin/prism, installed with `npm ci` when it is missing
 * or older than tests/package-lock.json */
static char *
ensure_prism (GError **error)
{
  const char *tests_dir = TESTS_SOURCE_DIR;
  g_autofree char *prism = g_build_filename (tests_dir, "node_modules", ".bin", "prism", NULL);
  g_autofree char *lock = g_build_filename (tests_dir, "package-lock.json", NULL);
  g_autofree char *installed = g_build_filename (tests_dir, "node_modules", ".package-lock.json", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) npm = NULL;
  g_autofree char *npm_path = NULL;

  if (g_file_test (prism, G_FILE_TEST_IS_EXECUTABLE) && !is_older (installed, lock))
    return g_steal_pointer (&prism);

  npm_path = g_find_program_in_path ("npm");
  if (npm_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Stoplight Prism is not installed in %s/node_modules and npm is not there to install it",
                   tests_dir);
      return NULL;
    }

  g_printerr ("# Installing Stoplight Prism: npm ci --prefix %s\n", tests_dir);
  /* npm's output goes to stderr: stdout is TAP */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_take_stdout_fd (launcher, dup (STDERR_FILENO));
  npm = g_subprocess_launcher_spawn (launcher, error, npm_path, "ci", "--prefix", tests_dir,
                                     "--no-audit", "--no-fund", NULL);
  if (npm == NULL || !g_subprocess_wait_check (npm, NULL, error))
    {
      g_prefix_error (error, "npm ci --prefix %s: ", tests_dir);
      return NULL;
    }
  if (!g_file_test (prism, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "npm ci installed no %s", prism);
      return NULL;
    }

  return g_steal_pointer (&prism);
}

/* A copy of @source for Prism in @dir, with the 204 bodies dropped */
static char *
write_prism_spec (const char  *source,
                  const char  *dir,
                  JsonNode   **spec,
                  GError     **error)
{
  g_autofree char *base = g_path_get_basename (source);
  g_autofree char *path = g_build_filename (dir, base, NULL);
  guint n_dropped;

  *spec = contract_spec_load (source, error);
  if (*spec == NULL)
    return NULL;

  n_dropped = contract_spec_drop_no_content_bodies (*spec);
  g_printerr ("# %s: dropped the body schema of %u 204 No Content responses\n", base, n_dropped);
  if (!contract_spec_save (*spec, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

int
main (int   argc,
      char *argv[])
{
  const char *spec_dir = g_getenv ("INFLOW_VANTAGE_API_DIR");
  g_autofree char *v2_source = NULL;
  g_autofree char *v1_source = NULL;
  g_autofree char *node = NULL;
  g_autofree char *prism = NULL;
  g_autofree char *v2_path = NULL;
  g_autofree char *v1_path = NULL;
  g_autoptr(GError) error = NULL;
  const char * const sim_args[] = {
    "--seed", "7",
    "--integrations", G_STRINGIFY (N_INTEGRATIONS),
    "--accounts", G_STRINGIFY (N_ACCOUNTS),
    "--rate-limit", "0/1",
    "--token", WRITE_TOKEN,
    "--read-only-token", READ_TOKEN,
    "--fault-kind", "wrong-types:GET:/v2/integrations/" CANARY_TOKEN,
    "--quiet",
    NULL
  };
  ContractConfig config = { 0 };
  int status;

  if (spec_dir == NULL || *spec_dir == '\0')
    spec_dir = VANTAGE_API_DIR;
  v2_source = g_build_filename (spec_dir, "openapi.json", NULL);
  v1_source = g_build_filename (spec_dir, "openapi-v1.json", NULL);
  if (!g_file_test (v2_source, G_FILE_TEST_IS_REGULAR) || !g_file_test (v1_source, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *reason =
        g_strdup_printf ("the official Vantage API specs (openapi.json, openapi-v1.json) are not in %s; "
                         "point the meson option vantage_api_dir (or INFLOW_VANTAGE_API_DIR) at them",
                         spec_dir);
      return skip_all (reason);
    }

  node = g_find_program_in_path ("node");
  if (node == NULL)
    return skip_all ("Node.js (node) is not installed; Stoplight Prism needs it");

  /* Before inflow_test_init() gives us a temporary HOME: npm keeps its
   * cache and settings there */
  prism = ensure_prism (&error);
  if (prism == NULL)
    {
      g_print ("Bail out! %s\n", error->message);
      return 1;
    }

  inflow_test_init (&argc, &argv);

  /* The copies Prism reads live in the temporary HOME */
  v2_path = write_prism_spec (v2_source, g_getenv ("HOME"), &v2_spec, &error);
  if (v2_path != NULL)
    v1_path = write_prism_spec (v1_source, g_getenv ("HOME"), &v1_spec, &error);
  if (v1_path == NULL)
    {
      g_print ("Bail out! %s\n", error->message);
      return 1;
    }

  config.sim_path = INFLOW_SIM_PATH;
  config.sim_args = sim_args;
  config.prism_path = prism;
  config.v2_spec_path = v2_path;
  config.v1_spec_path = v1_path;
  harness = contract_harness_start (&config, &error);
  if (harness == NULL)
    {
      g_print ("Bail out! %s\n", error->message);
      return 1;
    }
  g_printerr ("# Router %s: /v2 and /v1 through Prism to inflow-sim\n",
              contract_harness_get_base_url (harness));

  client = inflow_client_new (contract_harness_get_base_url (harness), WRITE_TOKEN, &error);
  g_assert_no_error (error);
  /* Every request once: a retried 5xx would hide nothing, but reads worse */
  inflow_client_set_retry_policy (client, 1, 10);

  /* One flat suite, run in this order; prism-output last */
  g_test_add_func ("/contract/canary", test_canary);
  g_test_add_func ("/contract/v2-me", test_me);
  g_test_add_func ("/contract/v2-ping", test_ping);
  g_test_add_func ("/contract/v2-integrations-pages", test_integrations_pages);
  g_test_add_func ("/contract/v2-integrations-filtered", test_integrations_filtered);
  g_test_add_func ("/contract/v2-integration-get", test_integration_get);
  g_test_add_func ("/contract/v2-integration-update", test_integration_update);
  g_test_add_func ("/contract/v2-integration-delete", test_integration_delete);
  g_test_add_func ("/contract/v2-workspaces", test_workspaces);
  g_test_add_func ("/contract/v2-cloud-accounts-pages", test_cloud_accounts_pages);
  g_test_add_func ("/contract/v2-teams", test_teams);
  g_test_add_func ("/contract/v2-users", test_users);
  g_test_add_func ("/contract/v2-costs", test_costs);
  g_test_add_func ("/contract/v1-aws-info", test_aws_info);
  g_test_add_func ("/contract/v1-aws-create", test_aws_create);
  g_test_add_func ("/contract/error-404", test_error_not_found);
  g_test_add_func ("/contract/error-401", test_error_unauthorized);
  g_test_add_func ("/contract/error-422", test_error_unprocessable);
  g_test_add_func ("/contract/prism-output", test_prism_output);

  status = inflow_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&harness, contract_harness_free);
  g_clear_pointer (&v2_spec, json_node_unref);
  g_clear_pointer (&v1_spec, json_node_unref);
  g_clear_pointer (&default_workspace, g_free);

  return status;
}
