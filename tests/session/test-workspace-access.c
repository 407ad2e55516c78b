/* test-workspace-access.c: read-modify-write of an integration's workspaces
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-simulator.h"
#include "inflow-test-utils.h"
#include "inflow-workspace-access.h"

static void
test_apply (void)
{
  const char * const current[] = { "wrkspc_a", "wrkspc_b", NULL };
  const char * const duplicates[] = { "wrkspc_a", "wrkspc_a", NULL };
  g_auto(GStrv) added = NULL;
  g_auto(GStrv) again = NULL;
  g_auto(GStrv) removed = NULL;
  g_auto(GStrv) absent = NULL;
  g_auto(GStrv) from_null = NULL;
  g_auto(GStrv) collapsed = NULL;
  gboolean changed;

  added = inflow_workspace_access_apply (current, "wrkspc_c", INFLOW_WORKSPACE_ACCESS_ADD, &changed);
  g_assert_true (changed);
  g_assert_cmpstrv (added, ((const char * const[]) { "wrkspc_a", "wrkspc_b", "wrkspc_c", NULL }));

  again = inflow_workspace_access_apply (current, "wrkspc_b", INFLOW_WORKSPACE_ACCESS_ADD, &changed);
  g_assert_false (changed);
  g_assert_cmpstrv (again, current);

  removed = inflow_workspace_access_apply (current, "wrkspc_a", INFLOW_WORKSPACE_ACCESS_REMOVE, &changed);
  g_assert_true (changed);
  g_assert_cmpstrv (removed, ((const char * const[]) { "wrkspc_b", NULL }));

  absent = inflow_workspace_access_apply (current, "wrkspc_z", INFLOW_WORKSPACE_ACCESS_REMOVE, &changed);
  g_assert_false (changed);
  g_assert_cmpstrv (absent, current);

  from_null = inflow_workspace_access_apply (NULL, "wrkspc_a", INFLOW_WORKSPACE_ACCESS_ADD, &changed);
  g_assert_true (changed);
  g_assert_cmpstrv (from_null, ((const char * const[]) { "wrkspc_a", NULL }));

  collapsed = inflow_workspace_access_apply (duplicates, "wrkspc_a", INFLOW_WORKSPACE_ACCESS_REMOVE, &changed);
  g_assert_true (changed);
  g_assert_cmpuint (g_strv_length (collapsed), ==, 0);

  g_assert_true (inflow_workspace_access_holds (current, "wrkspc_a", INFLOW_WORKSPACE_ACCESS_ADD));
  g_assert_false (inflow_workspace_access_holds (current, "wrkspc_a", INFLOW_WORKSPACE_ACCESS_REMOVE));
  g_assert_true (inflow_workspace_access_holds (NULL, "wrkspc_a", INFLOW_WORKSPACE_ACCESS_REMOVE));
}

typedef struct
{
  InflowSimulator *simulator;
  InflowClient    *client;
  GStrv            workspaces;
} Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->simulator = inflow_simulator_new (7, 0, 0);
  g_assert_true (inflow_simulator_listen (fixture->simulator, 0, &error));
  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->simulator),
                                       data != NULL ? data : "demo-token", &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (fixture->client, 1, 10);
  fixture->workspaces = inflow_simulator_dup_workspace_tokens (fixture->simulator);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->simulator);
  g_clear_pointer (&fixture->workspaces, g_strfreev);
}

static InflowIntegration *
change (Fixture                      *fixture,
        const char                   *token,
        const char                   *workspace,
        InflowWorkspaceAccessChange   what,
        gboolean                     *sent,
        GError                      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_workspace_access_change_async (fixture->client, token, workspace, what, NULL,
                                        inflow_test_store_result_cb, &result);
  inflow_test_wait_result (&result);

  return inflow_workspace_access_change_finish (result, sent, error);
}

static GStrv
simulator_workspaces (Fixture    *fixture,
                      const char *token)
{
  g_autofree char *json = inflow_simulator_dup_integration_json (fixture->simulator, token);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  JsonArray *array = json_object_get_array_member (json_node_get_object (node), "workspace_tokens");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));

  return g_strv_builder_end (builder);
}

/* Another client's change between our load and our save survives. */
static void
test_keeps_concurrent_change (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char * const theirs[] = { fixture->workspaces[1], fixture->workspaces[3], NULL };
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) now = NULL;
  gboolean sent = FALSE;

  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->simulator, token, theirs));
  integration = change (fixture, token, fixture->workspaces[2], INFLOW_WORKSPACE_ACCESS_ADD, &sent, &error);
  g_assert_no_error (error);
  g_assert_true (sent);

  now = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (now), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) now, theirs[0]));
  g_assert_true (g_strv_contains ((const char * const *) now, theirs[1]));
  g_assert_true (g_strv_contains ((const char * const *) now, fixture->workspaces[2]));
  g_assert_true (g_strv_contains (inflow_integration_get_workspace_tokens (integration), fixture->workspaces[2]));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->simulator, "/v2/integrations/"), ==, 2);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_STALE);
  g_auto(GStrv) before = simulator_workspaces (fixture, token);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) after = NULL;

  g_assert_cmpuint (g_strv_length (before), >, 0);
  integration = change (fixture, token, before[0], INFLOW_WORKSPACE_ACCESS_REMOVE, NULL, &error);
  g_assert_no_error (error);
  after = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before) - 1);
  g_assert_false (g_strv_contains ((const char * const *) after, before[0]));
}

/* Nothing is sent when someone else already made the same change. */
static void
test_already_done (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_STALE);
  g_auto(GStrv) before = simulator_workspaces (fixture, token);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  gboolean sent = TRUE;

  inflow_simulator_reset_request_counts (fixture->simulator);
  integration = change (fixture, token, before[0], INFLOW_WORKSPACE_ACCESS_ADD, &sent, &error);
  g_assert_no_error (error);
  g_assert_false (sent);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->simulator, "/v2/integrations/"), ==, 1);
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) after = NULL;

  integration = change (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD, NULL, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Everyone"));
  g_assert_null (integration);
  after = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (after), ==, 0);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  integration = change (fixture, "accss_crdntl_nosuchthing", fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD, NULL, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);
}

/* A PUT whose answer is unreadable or lost may have been applied: the
 * integration is read again, and the change counts when it is there. */
static void
test_uncertain (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  g_autofree char *path = g_strdup_printf ("/v2/integrations/%s", token);
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) now = NULL;
  gboolean sent = FALSE;

  /* Applied, but the answer has wrong types: a success after the check */
  inflow_simulator_reset_request_counts (fixture->simulator);
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
  integration = change (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD, &sent, &error);
  g_assert_no_error (error);
  g_assert_true (sent);
  g_assert_true (g_strv_contains (inflow_integration_get_workspace_tokens (integration), fixture->workspaces[0]));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->simulator, path), ==, 3);
  g_clear_object (&integration);

  /* Applied, answer cut off: the same */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_TRUNCATED_BODY, 0, 0, 1);
  integration = change (fixture, token, fixture->workspaces[1], INFLOW_WORKSPACE_ACCESS_ADD, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains (inflow_integration_get_workspace_tokens (integration), fixture->workspaces[1]));
  g_clear_object (&integration);

  /* The connection dropped before the server acted: the PUT's error, and
   * the integration as it was */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 1);
  integration = change (fixture, token, fixture->workspaces[2], INFLOW_WORKSPACE_ACCESS_ADD, NULL, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  g_assert_null (integration);
  g_clear_error (&error);
  now = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (now), ==, 2);
  g_assert_false (g_strv_contains ((const char * const *) now, fixture->workspaces[2]));

  /* A 500 without acting: the check finds nothing, the PUT's error */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_STATUS, 500, 0, 1);
  integration = change (fixture, token, fixture->workspaces[2], INFLOW_WORKSPACE_ACCESS_ADD, NULL, &error);
  g_assert_error (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
  g_assert_null (integration);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/session/workspace-access/apply", test_apply);
  g_test_add ("/session/workspace-access/keeps-concurrent-change", Fixture, NULL, setup, test_keeps_concurrent_change, teardown);
  g_test_add ("/session/workspace-access/remove", Fixture, NULL, setup, test_remove, teardown);
  g_test_add ("/session/workspace-access/already-done", Fixture, NULL, setup, test_already_done, teardown);
  g_test_add ("/session/workspace-access/forbidden", Fixture, "demo-read-token", setup, test_forbidden, teardown);
  g_test_add ("/session/workspace-access/not-found", Fixture, NULL, setup, test_not_found, teardown);
  g_test_add ("/session/workspace-access/uncertain", Fixture, NULL, setup, test_uncertain, teardown);

  return inflow_test_run ();
}
