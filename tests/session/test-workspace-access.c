/* test-workspace-access.c: the session's queue of workspace access writes
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-access-model.h"
#include "inflow-access-queue.h"
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

/* What the queue told, one line per finished change:
 * "integration workspace add|remove [batch] ok|error-message" */
typedef struct
{
  InflowSimulator   *simulator;
  InflowClient      *client;
  InflowSession     *session;
  InflowAccessQueue *queue;
  GStrv              workspaces;
  GPtrArray         *finished;
  GPtrArray         *errors;      /* GError of each failed change, in order */
} Fixture;

static void
change_finished_cb (InflowAccessQueue           *queue,
                    const char                  *integration_token,
                    const char                  *workspace_token,
                    InflowWorkspaceAccessChange  change,
                    gboolean                     batched,
                    const GError                *error,
                    Fixture                     *fixture)
{
  g_ptr_array_add (fixture->finished,
                   g_strdup_printf ("%s %s %s%s %s", integration_token, workspace_token,
                                    change == INFLOW_WORKSPACE_ACCESS_ADD ? "add" : "remove",
                                    batched ? " batch" : "", error != NULL ? error->message : "ok"));
  if (error != NULL)
    g_ptr_array_add (fixture->errors, g_error_copy (error));
}

static gboolean
directory_is_built (gpointer data)
{
  return inflow_account_directory_get_n_accounts (inflow_session_get_account_directory (data)) > 0;
}

/* The token a test signs in with: this one, or one that may write */
static const char read_only_token[] = "demo-read-token";

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  fixture->simulator = inflow_simulator_new (7, 0, 0);
  g_assert_true (inflow_simulator_listen (fixture->simulator, 0, &error));
  fixture->client = inflow_client_new (inflow_simulator_get_base_url (fixture->simulator),
                                       data == read_only_token ? read_only_token : "demo-token", &error);
  g_assert_no_error (error);
  inflow_client_set_retry_policy (fixture->client, 1, 10);
  fixture->workspaces = inflow_simulator_dup_workspace_tokens (fixture->simulator);

  profile = inflow_profile_new_demo (inflow_simulator_get_base_url (fixture->simulator));
  fixture->session = inflow_session_new (profile, fixture->client, NULL);
  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &result);
  inflow_test_wait_result (&result);
  g_assert_true (inflow_session_refresh_finish (fixture->session, result, &error));
  g_assert_no_error (error);
  g_assert_true (inflow_test_wait_until (directory_is_built, fixture->session, 20000));

  fixture->queue = inflow_session_get_access_queue (fixture->session);
  g_assert_true (fixture->queue == inflow_session_get_access_queue (fixture->session));
  fixture->finished = g_ptr_array_new_with_free_func (g_free);
  fixture->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_signal_connect (fixture->queue, "change-finished", G_CALLBACK (change_finished_cb), fixture);
  inflow_simulator_reset_request_counts (fixture->simulator);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->queue, fixture);
  inflow_session_close (fixture->session);
  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->simulator);
  g_clear_pointer (&fixture->workspaces, g_strfreev);
  g_clear_pointer (&fixture->finished, g_ptr_array_unref);
  g_clear_pointer (&fixture->errors, g_ptr_array_unref);
}

static const GError *
error_at (Fixture *fixture,
          guint    index)
{
  g_assert_cmpuint (index, <, fixture->errors->len);

  return g_ptr_array_index (fixture->errors, index);
}

static gboolean
queue_is_idle (gpointer data)
{
  Fixture *fixture = data;

  return !inflow_access_queue_get_busy (fixture->queue);
}

static void
wait_idle (Fixture *fixture)
{
  g_assert_true (inflow_test_wait_until (queue_is_idle, fixture, 20000));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms, as a user does between two clicks. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
request (Fixture                     *fixture,
         const char                  *token,
         const char                  *workspace,
         InflowWorkspaceAccessChange  what)
{
  inflow_access_queue_request (fixture->queue, token, workspace, what);
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

/* The integration's workspaces in the session's list */
static GStrv
session_workspaces (Fixture    *fixture,
                    const char *token)
{
  GListModel *integrations = inflow_session_get_integrations (fixture->session);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        return g_strdupv ((char **) inflow_integration_get_workspace_tokens (integration));
    }

  g_assert_not_reached ();
}

static gboolean
has (const GStrv  tokens,
     const char  *token)
{
  return g_strv_contains ((const char * const *) tokens, token);
}

static guint
integration_requests (Fixture    *fixture,
                      const char *token)
{
  g_autofree char *path = g_strdup_printf ("/v2/integrations/%s", token);

  return inflow_simulator_get_request_count (fixture->simulator, path);
}

/* Another client's change between our load and our save survives. */
static void
test_keeps_concurrent_change (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char * const theirs[] = { fixture->workspaces[1], fixture->workspaces[3], NULL };
  g_auto(GStrv) now = NULL;
  g_auto(GStrv) shown = NULL;

  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->simulator, token, theirs));
  request (fixture, token, fixture->workspaces[2], INFLOW_WORKSPACE_ACCESS_ADD);
  g_assert_true (inflow_access_queue_get_busy (fixture->queue));
  wait_idle (fixture);

  now = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (now), ==, 3);
  g_assert_true (has (now, theirs[0]) && has (now, theirs[1]) && has (now, fixture->workspaces[2]));
  g_assert_cmpuint (integration_requests (fixture, token), ==, 2);

  /* The session's list has the integration as the API answered. */
  shown = session_workspaces (fixture, token);
  g_assert_cmpstrv (shown, now);
  g_assert_cmpuint (fixture->finished->len, ==, 1);
  g_assert_null (inflow_access_queue_get_failure (fixture->queue, token, fixture->workspaces[2]));
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_STALE);
  g_auto(GStrv) before = simulator_workspaces (fixture, token);
  g_auto(GStrv) after = NULL;

  g_assert_cmpuint (g_strv_length (before), >, 0);
  request (fixture, token, before[0], INFLOW_WORKSPACE_ACCESS_REMOVE);
  wait_idle (fixture);
  after = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before) - 1);
  g_assert_false (has (after, before[0]));
}

/* Nothing is sent when someone else already made the same change. */
static void
test_already_done (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_STALE);
  g_auto(GStrv) before = simulator_workspaces (fixture, token);

  request (fixture, token, before[0], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);
  g_assert_cmpuint (integration_requests (fixture, token), ==, 1);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const GError *failure;
  g_auto(GStrv) after = NULL;

  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);
  g_assert_cmpuint (fixture->errors->len, ==, 1);
  g_assert_error (error_at (fixture, 0), INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);

  /* The cell keeps its failure until the next change. */
  failure = inflow_access_queue_get_failure (fixture->queue, token, fixture->workspaces[0]);
  g_assert_error (failure, INFLOW_API_ERROR, INFLOW_API_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (failure->message, "Everyone"));
  after = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (after), ==, 0);

  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  g_assert_null (inflow_access_queue_get_failure (fixture->queue, token, fixture->workspaces[0]));
  wait_idle (fixture);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  request (fixture, "accss_crdntl_nosuchthing", fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);
  g_assert_cmpuint (fixture->errors->len, ==, 1);
  g_assert_error (error_at (fixture, 0), INFLOW_API_ERROR, INFLOW_API_ERROR_NOT_FOUND);
}

/* A PUT whose answer is unreadable or lost may have been applied: the
 * integration is read again, and the change counts when it is there. */
static void
test_uncertain (Fixture       *fixture,
                gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  g_autofree char *path = g_strdup_printf ("/v2/integrations/%s", token);
  g_auto(GStrv) now = NULL;
  g_auto(GStrv) shown = NULL;

  /* Applied, but the answer has wrong types: a success after the check */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_WRONG_TYPES, 0, 0, 1);
  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->simulator, path), ==, 3);
  shown = session_workspaces (fixture, token);
  g_assert_true (has (shown, fixture->workspaces[0]));

  /* Applied, answer cut off: the same */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_TRUNCATED_BODY, 0, 0, 1);
  request (fixture, token, fixture->workspaces[1], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);
  g_assert_cmpuint (fixture->errors->len, ==, 0);

  /* The connection dropped before the server acted: the PUT's error, and
   * the integration as it was */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_DROP_CONNECTION, 0, 0, 1);
  request (fixture, token, fixture->workspaces[2], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);
  g_assert_cmpuint (fixture->errors->len, ==, 1);
  g_assert_error (error_at (fixture, 0), INFLOW_API_ERROR, INFLOW_API_ERROR_NETWORK);
  now = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (now), ==, 2);
  g_assert_false (has (now, fixture->workspaces[2]));

  /* A 500 without acting: the check finds nothing, the PUT's error */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_STATUS, 500, 0, 1);
  request (fixture, token, fixture->workspaces[2], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);
  g_assert_cmpuint (fixture->errors->len, ==, 2);
  g_assert_error (error_at (fixture, 1), INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER);
}

typedef struct
{
  guint gap_ms;     /* between the two clicks */
  guint delay_ms;   /* of every answer about integrations */
} Timing;

static const Timing timings[] = {
  { 0, 0 }, { 200, 0 }, { 0, 300 }, { 200, 300 },
};

static void
add_delay (Fixture      *fixture,
           const Timing *timing)
{
  if (timing->delay_ms > 0)
    inflow_simulator_add_fault (fixture->simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY,
                                0, timing->delay_ms, 0);
}

/* Issue 18: Production, then Finance, ticked on one integration close
 * together. Both end on the server and in the session's list. */
static void
test_double_toggle (Fixture       *fixture,
                    gconstpointer  data)
{
  const Timing *timing = data;
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  g_auto(GStrv) now = NULL;
  g_auto(GStrv) shown = NULL;

  add_delay (fixture, timing);
  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  if (timing->gap_ms > 0)
    run_for (timing->gap_ms);
  request (fixture, token, fixture->workspaces[1], INFLOW_WORKSPACE_ACCESS_ADD);
  wait_idle (fixture);

  now = simulator_workspaces (fixture, token);
  g_assert_true (has (now, fixture->workspaces[0]));
  g_assert_true (has (now, fixture->workspaces[1]));
  g_assert_cmpuint (g_strv_length (now), ==, 2);
  shown = session_workspaces (fixture, token);
  g_assert_cmpstrv (shown, now);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
  g_assert_cmpuint (fixture->finished->len, ==, 2);
}

/* Two removals close together: both gone. */
static void
test_two_removals (Fixture       *fixture,
                   gconstpointer  data)
{
  const Timing *timing = data;
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  const char * const all[] = { fixture->workspaces[0], fixture->workspaces[1], fixture->workspaces[2], NULL };
  g_auto(GStrv) now = NULL;

  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->simulator, token, all));
  add_delay (fixture, timing);
  request (fixture, token, all[0], INFLOW_WORKSPACE_ACCESS_REMOVE);
  if (timing->gap_ms > 0)
    run_for (timing->gap_ms);
  request (fixture, token, all[2], INFLOW_WORKSPACE_ACCESS_REMOVE);
  wait_idle (fixture);

  now = simulator_workspaces (fixture, token);
  g_assert_cmpstrv (now, ((const char * const[]) { all[1], NULL }));
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

/* Changes asked for while a write is in flight wait, then go in one PUT. */
static void
test_merged (Fixture       *fixture,
             gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  InflowWorkspaceAccessChange change = INFLOW_WORKSPACE_ACCESS_REMOVE;
  g_auto(GStrv) now = NULL;

  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  request (fixture, token, fixture->workspaces[1], INFLOW_WORKSPACE_ACCESS_ADD);
  request (fixture, token, fixture->workspaces[2], INFLOW_WORKSPACE_ACCESS_ADD);

  g_assert_cmpint (inflow_access_queue_get_pending (fixture->queue, token, fixture->workspaces[0], &change), ==,
                   INFLOW_ACCESS_PENDING_SAVING);
  g_assert_cmpint (change, ==, INFLOW_WORKSPACE_ACCESS_ADD);
  g_assert_cmpint (inflow_access_queue_get_pending (fixture->queue, token, fixture->workspaces[1], NULL), ==,
                   INFLOW_ACCESS_PENDING_WAITING);
  g_assert_cmpint (inflow_access_queue_get_pending (fixture->queue, token, fixture->workspaces[2], NULL), ==,
                   INFLOW_ACCESS_PENDING_WAITING);
  g_assert_cmpint (inflow_access_queue_get_pending (fixture->queue, token, fixture->workspaces[3], NULL), ==,
                   INFLOW_ACCESS_PENDING_NONE);
  wait_idle (fixture);

  /* GET + PUT for the first, GET + PUT for the two that waited */
  g_assert_cmpuint (integration_requests (fixture, token), ==, 4);
  now = simulator_workspaces (fixture, token);
  g_assert_cmpuint (g_strv_length (now), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (inflow_access_queue_get_pending (fixture->queue, token, fixture->workspaces[i], NULL), ==,
                     INFLOW_ACCESS_PENDING_NONE);
}

/* Ticked and unticked again while the first write is in flight: the latest
 * wish wins. */
static void
test_changed_back (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  InflowWorkspaceAccessChange change = INFLOW_WORKSPACE_ACCESS_ADD;
  g_auto(GStrv) now = NULL;

  inflow_simulator_add_fault (fixture->simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY, 0, 300, 0);
  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_REMOVE);
  g_assert_cmpint (inflow_access_queue_get_pending (fixture->queue, token, fixture->workspaces[0], &change), ==,
                   INFLOW_ACCESS_PENDING_WAITING);
  g_assert_cmpint (change, ==, INFLOW_WORKSPACE_ACCESS_REMOVE);
  wait_idle (fixture);

  now = simulator_workspaces (fixture, token);
  g_assert_false (has (now, fixture->workspaces[0]));
  g_assert_cmpuint (fixture->finished->len, ==, 2);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

static InflowAccessResult *
find_result (InflowAccessBatch *batch,
             const char        *token)
{
  GListModel *results = inflow_access_batch_get_results (batch);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(InflowAccessResult) result = g_list_model_get_item (results, i);

      if (g_str_equal (inflow_access_result_get_integration_token (result), token))
        return result;
    }

  g_assert_not_reached ();
}

/* A batch started while single changes wait: every change ends on the
 * server, and the batch tells what it did to each integration. */
static void
test_batch_over_singles (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *a = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char *b = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_PENDING);
  const char *c = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_STALE);
  const char * const tokens[] = { a, b, c, a, NULL };
  const char * const b_before[] = { fixture->workspaces[0], fixture->workspaces[1], NULL };
  const char * const c_before[] = { fixture->workspaces[2], NULL };
  const char *target = fixture->workspaces[2];
  g_autoptr(InflowAccessBatch) batch = NULL;
  g_auto(GStrv) a_now = NULL;
  g_auto(GStrv) b_now = NULL;
  g_auto(GStrv) c_now = NULL;

  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->simulator, b, b_before));
  g_assert_true (inflow_simulator_set_integration_workspaces (fixture->simulator, c, c_before));
  inflow_simulator_add_fault (fixture->simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY, 0, 300, 0);

  /* Singles on a and b, the batch right after */
  request (fixture, a, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  request (fixture, a, fixture->workspaces[1], INFLOW_WORKSPACE_ACCESS_ADD);
  request (fixture, b, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_REMOVE);
  batch = g_object_ref (inflow_access_queue_start_batch (fixture->queue, tokens, target, INFLOW_WORKSPACE_ACCESS_ADD));
  g_assert_nonnull (batch);
  g_assert_true (inflow_access_queue_get_batch (fixture->queue) == batch);
  g_assert_null (inflow_access_queue_start_batch (fixture->queue, tokens, target, INFLOW_WORKSPACE_ACCESS_ADD));
  g_assert_true (inflow_access_batch_get_running (batch));
  g_assert_cmpuint (inflow_access_batch_get_n_integrations (batch), ==, 3);
  wait_idle (fixture);

  g_assert_false (inflow_access_batch_get_running (batch));
  g_assert_null (inflow_access_queue_get_batch (fixture->queue));
  a_now = simulator_workspaces (fixture, a);
  b_now = simulator_workspaces (fixture, b);
  c_now = simulator_workspaces (fixture, c);
  g_assert_cmpstrv (a_now, ((const char * const[]) { fixture->workspaces[0], fixture->workspaces[1], target, NULL }));
  g_assert_cmpstrv (b_now, ((const char * const[]) { fixture->workspaces[1], target, NULL }));
  g_assert_cmpstrv (c_now, c_before);

  /* Two changed, one already was there */
  g_assert_cmpuint (inflow_access_batch_get_n_done (batch), ==, 3);
  g_assert_cmpfloat (inflow_access_batch_get_fraction (batch), ==, 1);
  g_assert_cmpuint (inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_CHANGED), ==, 2);
  g_assert_cmpuint (inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_ALREADY), ==, 1);
  g_assert_cmpuint (inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_FAILED), ==, 0);
  g_assert_cmpint (inflow_access_result_get_outcome (find_result (batch, c)), ==, INFLOW_ACCESS_OUTCOME_ALREADY);
  g_assert_cmpint (inflow_access_result_get_outcome (find_result (batch, a)), ==, INFLOW_ACCESS_OUTCOME_CHANGED);
  /* The results name the accounts as the views do */
  g_assert_cmpstr (inflow_access_result_get_title (find_result (batch, a)), !=, a);
  g_assert_cmpuint (fixture->errors->len, ==, 0);
}

static void
test_batch_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *a = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_STALE);
  const char *b = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_PENDING);
  const char *c = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char * const tokens[] = { a, b, c, NULL };
  const char *target = fixture->workspaces[4];
  g_autofree char *b_path = g_strdup_printf ("/v2/integrations/%s", b);
  g_autoptr(InflowAccessBatch) batch = NULL;
  InflowAccessResult *result;

  inflow_simulator_add_fault (fixture->simulator, "PUT", b_path, INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  batch = g_object_ref (inflow_access_queue_start_batch (fixture->queue, tokens, target, INFLOW_WORKSPACE_ACCESS_ADD));
  wait_idle (fixture);

  g_assert_cmpuint (inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_FAILED), ==, 1);
  result = find_result (batch, b);
  g_assert_cmpint (inflow_access_result_get_outcome (result), ==, INFLOW_ACCESS_OUTCOME_FAILED);
  g_assert_nonnull (inflow_access_result_get_details (result));
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_auto(GStrv) now = simulator_workspaces (fixture, tokens[i]);

      g_assert_true (has (now, target) == (tokens[i] != b));
    }

  /* A batch's failures are the batch's to tell */
  g_assert_cmpuint (fixture->finished->len, ==, 3);
  for (guint i = 0; i < fixture->finished->len; i++)
    g_assert_nonnull (strstr (g_ptr_array_index (fixture->finished, i), " add batch "));
}

/* A batch's change replaced by the opposite wish before it was sent */
static void
test_batch_replaced (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *a = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char * const tokens[] = { a, NULL };
  const char *target = fixture->workspaces[1];
  g_autoptr(InflowAccessBatch) batch = NULL;
  g_auto(GStrv) now = NULL;

  /* a's queue is busy, so the batch's change waits */
  request (fixture, a, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  batch = g_object_ref (inflow_access_queue_start_batch (fixture->queue, tokens, target, INFLOW_WORKSPACE_ACCESS_ADD));
  request (fixture, a, target, INFLOW_WORKSPACE_ACCESS_REMOVE);
  wait_idle (fixture);

  g_assert_false (inflow_access_batch_get_running (batch));
  g_assert_cmpint (inflow_access_result_get_outcome (find_result (batch, a)), ==, INFLOW_ACCESS_OUTCOME_FAILED);
  now = simulator_workspaces (fixture, a);
  g_assert_cmpstrv (now, ((const char * const[]) { fixture->workspaces[0], NULL }));
}

/* Closing the session cancels the writes; the queue tells and goes idle. */
static void
test_close (Fixture       *fixture,
            gconstpointer  data)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);

  inflow_simulator_add_fault (fixture->simulator, NULL, "/v2/integrations", INFLOW_SIM_FAULT_DELAY, 0, 300, 0);
  request (fixture, token, fixture->workspaces[0], INFLOW_WORKSPACE_ACCESS_ADD);
  request (fixture, token, fixture->workspaces[1], INFLOW_WORKSPACE_ACCESS_ADD);
  inflow_session_close (fixture->session);
  wait_idle (fixture);
  g_assert_cmpuint (fixture->errors->len, ==, 2);
  for (guint i = 0; i < fixture->errors->len; i++)
    g_assert_error (error_at (fixture, i), G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef void (*TimedTest) (Fixture       *fixture,
                           gconstpointer  data);


static void
count_cb (guint *count)
{
  (*count)++;
}

static InflowAccessColumn *
column_at (InflowAccessModel *model,
           guint              index)
{
  g_autoptr(InflowAccessColumn) column = g_list_model_get_item (inflow_access_model_get_columns (model), index);

  return column;
}

/* The view-model: a row per integration, the same objects after a refresh */
static void
test_model_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(InflowAccessModel) model = inflow_access_model_new (fixture->session);
  GListModel *integrations = inflow_session_get_integrations (fixture->session);
  const char *nowhere = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  const char *management = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autoptr(InflowAccessRow) first = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  InflowAccessRow *row;
  guint n_changed = 0;
  guint n_titles = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, g_list_model_get_n_items (integrations));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_access_model_get_columns (model)), ==,
                    g_strv_length (fixture->workspaces));
  for (guint i = 0; fixture->workspaces[i] != NULL; i++)
    {
      g_assert_cmpstr (inflow_access_column_get_workspace_token (column_at (model, i)), ==, fixture->workspaces[i]);
      g_assert_nonnull (inflow_access_column_get_seen_by (column_at (model, i)));
    }

  row = inflow_access_model_lookup (model, nowhere);
  g_assert_true (inflow_access_row_get_nowhere (row));
  g_assert_nonnull (strstr (inflow_access_row_get_subtitle (row), "in no workspace"));
  row = inflow_access_model_lookup (model, management);
  g_assert_false (inflow_access_row_get_nowhere (row));
  /* The account's name, not its ID, and a search finds either */
  g_assert_cmpstr (inflow_access_row_get_title (row), !=,
                   inflow_integration_get_account_identifier (inflow_access_row_get_integration (row)));
  g_assert_nonnull (strstr (inflow_access_row_get_search_text (row),
                            inflow_integration_get_account_identifier (inflow_access_row_get_integration (row))));

  /* No row is named by its token, not even one without an account ID */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(InflowAccessRow) any = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (inflow_access_row_get_title (any), !=, inflow_access_row_get_token (any));
    }

  /* A refresh brings copies: the rows stay, no items-changed */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect_swapped (first, "notify::title", G_CALLBACK (count_cb), &n_titles);
  inflow_session_refresh_async (fixture->session, NULL, inflow_test_store_result_cb, &result);
  inflow_test_wait_result (&result);
  g_assert_true (inflow_session_refresh_finish (fixture->session, result, NULL));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (n_titles, ==, 0);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (model), 0) == first);
  g_object_unref (first);

  /* A removed integration takes its row */
  inflow_session_remove_integration (fixture->session, inflow_access_row_get_token (first));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_null (inflow_access_model_lookup (model, inflow_access_row_get_token (first)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, g_list_model_get_n_items (integrations));
}


/* Titles come from the account directory, built after a refresh: rows whose
 * title changes are removed and added again, so that a sorted list sorts
 * them anew. */
static void
test_model_titles (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(InflowProfile) profile = inflow_profile_new_demo (inflow_simulator_get_base_url (fixture->simulator));
  g_autoptr(InflowSession) session = inflow_session_new (profile, fixture->client, NULL);
  g_autoptr(InflowAccessModel) model = inflow_access_model_new (session);
  const char *management = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autoptr(GAsyncResult) result = NULL;
  InflowAccessRow *row;
  guint n_changed = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_cb), &n_changed);
  inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
  inflow_test_wait_result (&result);
  g_assert_true (inflow_session_refresh_finish (session, result, NULL));
  g_assert_true (inflow_test_wait_until (directory_is_built, session, 20000));

  row = inflow_access_model_lookup (model, management);
  g_assert_cmpstr (inflow_access_row_get_title (row), !=,
                   inflow_integration_get_account_identifier (inflow_access_row_get_integration (row)));
  g_assert_cmpuint (n_changed, >=, 2);
  inflow_session_close (session);
}

static gboolean
cell_is (InflowAccessCell      *cell,
         InflowAccessCellState  state,
         gboolean               active)
{
  return inflow_access_cell_get_state (cell) == state && inflow_access_cell_get_active (cell) == active;
}

/* A cell: in or not, waiting, saving, failed, from the session's queue */
static void
test_model_cells (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(InflowAccessModel) model = inflow_access_model_new (fixture->session);
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_NO_WORKSPACE);
  InflowAccessRow *row = inflow_access_model_lookup (model, token);
  InflowAccessCell *first = inflow_access_row_get_cell (row, column_at (model, 0));
  InflowAccessCell *second = inflow_access_row_get_cell (row, column_at (model, 1));
  g_autofree char *label = g_strdup_printf ("Show %s costs in %s", inflow_access_row_get_title (row),
                                            inflow_access_column_get_name (column_at (model, 0)));
  g_autofree char *path = g_strdup_printf ("/v2/integrations/%s", token);

  g_assert_true (inflow_access_row_get_cell (row, column_at (model, 0)) == first);
  g_assert_true (cell_is (first, INFLOW_ACCESS_CELL_NOT_IN, FALSE));
  g_assert_null (inflow_access_cell_get_status (first));
  g_assert_cmpstr (inflow_access_cell_get_label (first), ==, label);

  /* Two clicks: the first saves, the second waits for it */
  g_assert_true (inflow_access_model_toggle (model, token, fixture->workspaces[0]));
  g_assert_true (inflow_access_model_toggle (model, token, fixture->workspaces[1]));
  g_assert_true (cell_is (first, INFLOW_ACCESS_CELL_WAITING, TRUE));
  g_assert_cmpstr (inflow_access_cell_get_status (first), ==, "Saving…");
  g_assert_true (cell_is (second, INFLOW_ACCESS_CELL_WAITING, TRUE));
  g_assert_nonnull (strstr (inflow_access_cell_get_status (second), "Waiting"));
  wait_idle (fixture);
  g_assert_true (cell_is (first, INFLOW_ACCESS_CELL_IN, TRUE));
  g_assert_true (cell_is (second, INFLOW_ACCESS_CELL_IN, TRUE));
  g_assert_null (inflow_access_cell_get_status (second));
  g_assert_false (inflow_access_row_get_nowhere (row));

  /* A refused change: the box shows the truth, and why */
  inflow_simulator_add_fault (fixture->simulator, "PUT", path, INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  g_assert_true (inflow_access_model_toggle (model, token, fixture->workspaces[0]));
  g_assert_true (cell_is (first, INFLOW_ACCESS_CELL_WAITING, FALSE));
  wait_idle (fixture);
  g_assert_true (cell_is (first, INFLOW_ACCESS_CELL_FAILED, TRUE));
  g_assert_true (g_str_has_prefix (inflow_access_cell_get_status (first), "Not saved: "));

  /* Clicked again, it goes */
  g_assert_true (inflow_access_model_toggle (model, token, fixture->workspaces[0]));
  wait_idle (fixture);
  g_assert_true (cell_is (first, INFLOW_ACCESS_CELL_NOT_IN, FALSE));
}

static void
test_model_read_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(InflowAccessModel) model = inflow_access_model_new (fixture->session);
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  InflowAccessCell *cell = inflow_access_row_get_cell (inflow_access_model_lookup (model, token), column_at (model, 0));

  g_assert_false (inflow_session_get_can_write (fixture->session));
  g_assert_cmpstr (inflow_access_cell_get_status (cell), ==, inflow_session_get_write_disabled_reason (fixture->session));
  g_assert_false (inflow_access_model_toggle (model, token, fixture->workspaces[0]));
  g_assert_false (inflow_access_queue_get_busy (fixture->queue));
}

static void
add_timed (const char *name,
           TimedTest   test)
{
  for (guint i = 0; i < G_N_ELEMENTS (timings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/session/workspace-access/%s/%ums-apart-%ums-delay", name,
                                               timings[i].gap_ms, timings[i].delay_ms);

      g_test_add_vtable (path, sizeof (Fixture), &timings[i],
                         (GTestFixtureFunc) setup, (GTestFixtureFunc) test, (GTestFixtureFunc) teardown);
    }
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
  g_test_add ("/session/workspace-access/forbidden", Fixture, read_only_token, setup, test_forbidden, teardown);
  g_test_add ("/session/workspace-access/not-found", Fixture, NULL, setup, test_not_found, teardown);
  g_test_add ("/session/workspace-access/uncertain", Fixture, NULL, setup, test_uncertain, teardown);
  add_timed ("double-toggle", test_double_toggle);
  add_timed ("two-removals", test_two_removals);
  g_test_add ("/session/workspace-access/merged", Fixture, NULL, setup, test_merged, teardown);
  g_test_add ("/session/workspace-access/changed-back", Fixture, NULL, setup, test_changed_back, teardown);
  g_test_add ("/session/workspace-access/batch-over-singles", Fixture, NULL, setup, test_batch_over_singles, teardown);
  g_test_add ("/session/workspace-access/batch-failure", Fixture, NULL, setup, test_batch_failure, teardown);
  g_test_add ("/session/workspace-access/batch-replaced", Fixture, NULL, setup, test_batch_replaced, teardown);
  g_test_add ("/session/workspace-access/close", Fixture, NULL, setup, test_close, teardown);
  g_test_add ("/session/workspace-access/model/rows", Fixture, NULL, setup, test_model_rows, teardown);
  g_test_add ("/session/workspace-access/model/titles", Fixture, NULL, setup, test_model_titles, teardown);
  g_test_add ("/session/workspace-access/model/cells", Fixture, NULL, setup, test_model_cells, teardown);
  g_test_add ("/session/workspace-access/model/read-only", Fixture, read_only_token, setup, test_model_read_only, teardown);

  return inflow_test_run ();
}
