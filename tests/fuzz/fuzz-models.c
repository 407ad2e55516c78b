/* fuzz-models.c: every model's _new_from_json(), list pages and timestamps
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks what the rest, a JSON document as the API would send
 * it, is read as: 'a'…'k' one object of the model below, 'A'…'K' a list
 * page of it ({"<member>": […], "links": {…}}), 't' a timestamp string.
 * Other bytes pick a model by their value, so mutations reach them all.
 * The document goes through the same steps as a response in
 * app/service/inflow-call.c: inflow_json_check(), JSON-GLib (which must
 * then succeed), the constructor, and on failure the mapping to an
 * InflowApiError.
 */

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "fuzz-common.h"
#include "inflow-api-error.h"
#include "inflow-aws-access-credential.h"
#include "inflow-aws-provider-info.h"
#include "inflow-cloud-account.h"
#include "inflow-cost.h"
#include "inflow-cost-query-result.h"
#include "inflow-integration.h"
#include "inflow-json.h"
#include "inflow-me.h"
#include "inflow-onboarding-info.h"
#include "inflow-team.h"
#include "inflow-user.h"
#include "inflow-workspace.h"

static gpointer
onboarding_info_new_from_json (JsonObject  *object,
                               GError     **error)
{
  return inflow_onboarding_info_new_from_json (object, error);
}

typedef struct
{
  const char          *name;
  InflowModelFromJson  parse;
  GType              (*get_type) (void);
  const char          *list_member;
} Model;

static const Model models[] = {
  { "integration", (InflowModelFromJson) inflow_integration_new_from_json, inflow_integration_get_type, "integrations" },
  { "workspace", (InflowModelFromJson) inflow_workspace_new_from_json, inflow_workspace_get_type, "workspaces" },
  { "cloud-account", (InflowModelFromJson) inflow_cloud_account_new_from_json, inflow_cloud_account_get_type, "cost_provider_accounts" },
  { "team", (InflowModelFromJson) inflow_team_new_from_json, inflow_team_get_type, "teams" },
  { "user", (InflowModelFromJson) inflow_user_new_from_json, inflow_user_get_type, "users" },
  { "me", (InflowModelFromJson) inflow_me_new_from_json, inflow_me_get_type, "workspaces" },
  { "cost", (InflowModelFromJson) inflow_cost_new_from_json, inflow_cost_get_type, "costs" },
  { "cost-query-result", (InflowModelFromJson) inflow_cost_query_result_new_from_json, inflow_cost_query_result_get_type, "costs" },
  { "aws-access-credential", (InflowModelFromJson) inflow_aws_access_credential_new_from_json, inflow_aws_access_credential_get_type, "items" },
  { "aws-provider-info", (InflowModelFromJson) inflow_aws_provider_info_new_from_json, inflow_aws_provider_info_get_type, "items" },
  { "onboarding-info", onboarding_info_new_from_json, NULL, NULL },
};

/* The depth JSON-GLib reached, to check inflow_json_check() against */
static guint
node_depth (JsonNode *node)
{
  guint deepest = 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        deepest = MAX (deepest, node_depth (json_array_get_element (array, i)));
      return deepest + 1;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        deepest = MAX (deepest, node_depth (member));
      return deepest + 1;
    }

  return 0;
}

/* As inflow-call.c maps a body or model error: INVALID_RESPONSE with the
 * detail, in a message the user sees. */
static void
check_mapped_error (const GError *detail)
{
  g_autoptr(GError) mapped = inflow_api_error_new_from_response (SOUP_STATUS_OK, NULL, detail, NULL);

  fuzz_check (g_error_matches (mapped, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE));
  fuzz_check_utf8 (mapped->message);
}

static JsonNode *
parse_document (const char *text,
                gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!inflow_json_check (text, length, &error))
    {
      check_mapped_error (error);
      return NULL;
    }

  /* What passes the check, JSON-GLib must read: it leaks when it fails */
  if (!json_parser_load_from_data (parser, text, length, &error))
    {
      fprintf (stderr, "JSON-GLib refused what inflow_json_check() passed: %s\n", error->message);
      fuzz_check (FALSE);
    }

  root = json_parser_steal_root (parser);
  if (root != NULL)
    fuzz_check (node_depth (root) <= INFLOW_JSON_MAX_DEPTH);

  return root;
}

static void
fuzz_object (const Model *model,
             JsonObject  *object)
{
  g_autoptr(GError) error = NULL;
  gpointer parsed;

  parsed = model->parse (object, &error);
  fuzz_check ((parsed == NULL) == (error != NULL));

  if (parsed == NULL)
    {
      fuzz_check (error->domain == INFLOW_JSON_ERROR || model->get_type == NULL);
      fuzz_check_utf8 (error->message);
      check_mapped_error (error);
      return;
    }

  if (model->get_type == NULL)
    {
      InflowOnboardingInfo *info = parsed;

      fuzz_check_utf8 (info->external_id);
      fuzz_check_utf8 (info->vantage_role_arn);
      fuzz_check_utf8 (info->vantage_id);
      inflow_onboarding_info_validate (info, NULL);
      inflow_onboarding_info_free (info);
      return;
    }

  fuzz_check (G_TYPE_CHECK_INSTANCE_TYPE (parsed, model->get_type ()));
  fuzz_read_properties (parsed);

  /* The lists a model holds */
  if (INFLOW_IS_ME (parsed))
    {
      GListModel *workspaces = inflow_me_get_workspaces (parsed);

      for (guint i = 0; i < g_list_model_get_n_items (workspaces); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (workspaces, i);

          fuzz_read_properties (item);
        }
    }
  else if (INFLOW_IS_COST_QUERY_RESULT (parsed))
    {
      GListModel *costs = inflow_cost_query_result_get_costs (parsed);

      for (guint i = 0; i < g_list_model_get_n_items (costs); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (costs, i);

          fuzz_read_properties (item);
        }
    }
  else if (INFLOW_IS_AWS_PROVIDER_INFO (parsed))
    {
      static const char * const names[] = { "root", "autopilot", "cloudwatch", "s3_request_metrics", "resources", "nope" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          inflow_aws_provider_info_get_policy (parsed, names[i]);
          fuzz_check_utf8 (inflow_aws_provider_info_get_policy_text (parsed, names[i]));
        }
    }

  g_object_unref (parsed);
}

/* A list page, as inflow_call_list() reads each one */
static void
fuzz_list (const Model *model,
           JsonObject  *page)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  JsonNode *array;
  guint n_invalid = G_MAXUINT;
  gboolean ok;

  if (model->get_type == NULL)
    return;

  store = g_list_store_new (model->get_type ());
  ok = inflow_json_parse_list (page, model->list_member, model->parse, store, &n_invalid, &error);
  fuzz_check (ok == (error == NULL));
  if (!ok)
    {
      check_mapped_error (error);
      return;
    }

  array = json_object_get_member (page, model->list_member);
  fuzz_check (array != NULL && JSON_NODE_HOLDS_ARRAY (array));
  fuzz_check (g_list_model_get_n_items (G_LIST_MODEL (store)) + n_invalid ==
              json_array_get_length (json_node_get_array (array)));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      fuzz_read_properties (item);
    }

  if (inflow_json_read_links_next (page, &next, &error))
    fuzz_check_utf8 (next);
  else
    check_mapped_error (error);
}

static void
fuzz_timestamp (const uint8_t *data,
                size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr(GDateTime) time = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return;

  time = inflow_json_parse_timestamp (text);
  if (time != NULL)
    {
      g_autofree char *formatted = g_date_time_format_iso8601 (time);

      fuzz_check (formatted != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;
  const Model *model;
  gboolean list;
  guint8 selector;

  fuzz_init ();

  if (size < 2)
    return 0;

  selector = data[0];
  data++;
  size--;

  if (selector == 't')
    {
      fuzz_timestamp (data, size);
      return 0;
    }

  if (selector >= 'a' && selector < 'a' + G_N_ELEMENTS (models))
    {
      model = &models[selector - 'a'];
      list = FALSE;
    }
  else if (selector >= 'A' && selector < 'A' + G_N_ELEMENTS (models))
    {
      model = &models[selector - 'A'];
      list = TRUE;
    }
  else
    {
      model = &models[selector % G_N_ELEMENTS (models)];
      list = (selector / G_N_ELEMENTS (models)) & 1;
    }

  root = parse_document ((const char *) data, size);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  if (list)
    fuzz_list (model, json_node_get_object (root));
  else
    fuzz_object (model, json_node_get_object (root));

  return 0;
}
