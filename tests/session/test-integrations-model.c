/* test-integrations-model.c: what the Integrations view is made of, without widgets
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row view-models, the filter, the list status and the delete through
 * the session; the last two against the simulator over real loopback.
 */

#include "config.h"

#include <string.h>

#include "inflow-account-directory.h"
#include "inflow-ingestion-format.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-integration-filter.h"
#include "inflow-integration-row.h"
#include "inflow-list-status.h"
#include "inflow-session.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"
#include "model-builders.h"

#define ORG "o-abcdef123456"
#define GOV "o-gov987654321"

typedef struct
{
  InflowAccountDirectory *directory;
  GListStore             *accounts;
  GListStore             *integrations;
  InflowIntegration      *payer;      /* management account, named */
  InflowIntegration      *gov;        /* GovCloud member, named */
  InflowIntegration      *unnamed;    /* an account Vantage does not list */
  InflowIntegration      *azure;      /* no account ID */
} Model;

static void
model_setup (Model         *model,
             gconstpointer  data)
{
  InflowCloudAccount *items[] = {
    model_cloud_account ("Payer", "111111111111", "arn:aws:organizations::111111111111:account/" ORG "/111111111111"),
    model_cloud_account ("Gov Production", "555555555555", "arn:aws-us-gov:organizations::444444444444:account/" GOV "/555555555555"),
  };

  model->directory = inflow_account_directory_new ();
  model->accounts = g_list_store_new (INFLOW_TYPE_CLOUD_ACCOUNT);
  model->integrations = g_list_store_new (INFLOW_TYPE_INTEGRATION);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_list_store_append (model->accounts, items[i]);
      g_object_unref (items[i]);
    }

  model->payer = model_integration ("accss_crdntl_1", "aws", "111111111111", "connected", "\"wrkspc_1\",\"wrkspc_2\"");
  model->gov = model_integration ("accss_crdntl_2", "aws", "555555555555", "disconnected", "");
  model->unnamed = model_integration ("accss_crdntl_3", "aws", "999999999999", "error", "\"wrkspc_1\"");
  model->azure = model_integration ("accss_crdntl_4", "azure", NULL, "pending", "\"wrkspc_1\"");
  g_list_store_append (model->integrations, model->payer);
  g_list_store_append (model->integrations, model->gov);
  g_list_store_append (model->integrations, model->unnamed);
  g_list_store_append (model->integrations, model->azure);
  inflow_account_directory_update (model->directory, G_LIST_MODEL (model->accounts), G_LIST_MODEL (model->integrations));
}

static void
model_teardown (Model         *model,
                gconstpointer  data)
{
  g_clear_object (&model->payer);
  g_clear_object (&model->gov);
  g_clear_object (&model->unnamed);
  g_clear_object (&model->azure);
  g_clear_object (&model->integrations);
  g_clear_object (&model->accounts);
  g_assert_finalize_object (model->directory);
}

static char *
dup_string (gpointer    object,
            const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *notified)
{
  g_ptr_array_add (notified, g_strdup (pspec->name));
}

static gboolean
was_notified (GPtrArray  *notified,
              const char *name)
{
  return g_ptr_array_find_with_equal_func (notified, name, g_str_equal, NULL);
}

/* The account's name or ID first, never the token; the whole in the details */
static void
test_row_words (Model         *model,
                gconstpointer  data)
{
  g_autoptr(InflowIntegrationRow) payer = inflow_integration_row_new (model->payer, model->directory, NULL);
  g_autoptr(InflowIntegrationRow) gov = inflow_integration_row_new (model->gov, model->directory, NULL);
  g_autoptr(InflowIntegrationRow) unnamed = inflow_integration_row_new (model->unnamed, model->directory, NULL);
  g_autoptr(InflowIntegrationRow) azure = inflow_integration_row_new (model->azure, model->directory, NULL);
  g_autofree char *workspaces = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *url = NULL;

  g_assert_cmpstr (inflow_integration_row_get_title (payer), ==, "Payer");
  /* The ID first: a narrow cell keeps it */
  g_assert_cmpstr (inflow_integration_row_get_subtitle (payer), ==, "111111111111 · AWS");
  g_assert_true (inflow_integration_row_get_is_management (payer));
  badge = dup_string (payer, "management-badge");
  g_assert_cmpstr (badge, ==, "Management");
  g_assert_cmpstr (inflow_integration_row_get_status_label (payer), ==, "Stable");
  workspaces = dup_string (payer, "workspaces-text");
  g_assert_cmpstr (workspaces, ==, "2");
  g_assert_nonnull (strstr (inflow_integration_row_get_details (payer), "accss_crdntl_1"));
  g_assert_nonnull (strstr (inflow_integration_row_get_details (payer), "management account"));
  url = dup_string (payer, "console-url");
  g_assert_cmpstr (url, ==, "https://console.vantage.sh/settings/aws");

  /* GovCloud: costs only, said in the row itself */
  g_assert_true (inflow_integration_row_get_is_govcloud (gov));
  g_assert_cmpstr (inflow_integration_row_get_subtitle (gov), ==,
                   "555555555555 · AWS · costs only · Active Resources not synced");
  g_assert_cmpstr (inflow_integration_row_get_status_label (gov), ==, "Disconnected");
  g_clear_pointer (&workspaces, g_free);
  workspaces = dup_string (gov, "workspaces-text");
  g_assert_cmpstr (workspaces, ==, "None");

  /* No name: the ID is the title */
  g_assert_cmpstr (inflow_integration_row_get_title (unnamed), ==, "999999999999");
  g_assert_cmpstr (inflow_integration_row_get_subtitle (unnamed), ==, "AWS");
  g_assert_false (inflow_integration_row_get_is_management (unnamed));

  /* No account ID: the provider, not the token */
  g_assert_cmpstr (inflow_integration_row_get_title (azure), ==, "Azure");
  g_assert_null (strstr (inflow_integration_row_get_title (azure), "accss_"));
  g_assert_nonnull (strstr (inflow_integration_row_get_details (azure), "accss_crdntl_4"));
}

/* The created date through the one formatter: the year only when it is
 * not this year */
static void
test_row_created (Model         *model,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year_iso = g_strdup_printf ("%d-06-15T12:00:00Z", g_date_time_get_year (now));
  g_autofree char *this_year = g_date_time_format (now, "%Y");
  g_autoptr(InflowIntegration) recent = model_integration_created (this_year_iso);
  g_autoptr(InflowIntegration) old = model_integration_created ("2019-03-04T12:00:00Z");
  g_autoptr(InflowIntegrationRow) recent_row = inflow_integration_row_new (recent, model->directory, NULL);
  g_autoptr(InflowIntegrationRow) old_row = inflow_integration_row_new (old, model->directory, NULL);
  g_autofree char *recent_text = dup_string (recent_row, "created-text");
  g_autofree char *old_text = dup_string (old_row, "created-text");
  g_autofree char *recent_expected = inflow_ingestion_format_date (inflow_integration_get_created_at (recent), now);
  g_autofree char *old_expected = inflow_ingestion_format_date (inflow_integration_get_created_at (old), now);

  g_assert_cmpstr (recent_text, ==, recent_expected);
  g_assert_null (strstr (recent_text, this_year));
  g_assert_cmpstr (old_text, ==, old_expected);
  g_assert_nonnull (strstr (old_text, "2019"));
}

/* Names arrive with the directory; compact rows drop their badges */
static void
test_row_follows (Model         *model,
                  gconstpointer  data)
{
  g_autoptr(InflowAccountDirectory) empty = inflow_account_directory_new ();
  g_autoptr(InflowIntegrationRow) row = inflow_integration_row_new (model->payer, empty, NULL);
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *badge = NULL;

  g_assert_cmpstr (inflow_integration_row_get_title (row), ==, "111111111111");
  g_signal_connect (row, "notify", G_CALLBACK (notify_cb), notified);

  inflow_account_directory_update (empty, G_LIST_MODEL (model->accounts), G_LIST_MODEL (model->integrations));
  g_assert_cmpstr (inflow_integration_row_get_title (row), ==, "Payer");
  g_assert_true (was_notified (notified, "title"));
  g_assert_true (was_notified (notified, "subtitle"));
  g_assert_true (was_notified (notified, "is-management"));
  /* What did not change does not notify */
  g_assert_false (was_notified (notified, "status-label"));

  g_ptr_array_set_size (notified, 0);
  inflow_integration_row_set_compact (row, TRUE);
  badge = dup_string (row, "management-badge");
  g_assert_null (badge);
  g_assert_true (was_notified (notified, "management-badge"));
  g_assert_true (was_notified (notified, "compact"));
  /* Its words stay in the details */
  g_assert_nonnull (strstr (inflow_integration_row_get_details (row), "management account"));
}

typedef struct
{
  guint              count;
  InflowFilterChange last;
} Changes;

static void
filter_changed_cb (InflowIntegrationFilter *filter,
                   InflowFilterChange       change,
                   Changes                 *changes)
{
  changes->count++;
  changes->last = change;
}

/* The tokens of the integrations that match, joined with " " */
static char *
dup_matching (InflowIntegrationFilter *filter,
              GListModel              *integrations)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (integrations, i);

      if (!inflow_integration_filter_match (filter, item))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, inflow_integration_get_token (item) + strlen ("accss_crdntl_"));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_matching (InflowIntegrationFilter *filter,
                 Model                   *model,
                 const char              *expected)
{
  g_autofree char *matching = dup_matching (filter, G_LIST_MODEL (model->integrations));

  g_assert_cmpstr (matching, ==, expected);
}

static void
test_filter (Model         *model,
             gconstpointer  data)
{
  g_autoptr(InflowIntegrationFilter) filter = inflow_integration_filter_new ();
  g_autoptr(InflowAccountDirectory) later = inflow_account_directory_new ();
  Changes changes = { 0, };

  g_signal_connect (filter, "changed", G_CALLBACK (filter_changed_cb), &changes);
  inflow_integration_filter_set_directory (filter, model->directory);
  inflow_integration_filter_set_integrations (filter, G_LIST_MODEL (model->integrations));
  assert_matching (filter, model, "1 2 3 4");
  g_assert_cmpuint (changes.count, ==, 0);

  /* By name, account ID, provider, status word and token; typing on
   * narrows, deleting widens, another word is different */
  inflow_integration_filter_set_search (filter, "pay");
  assert_matching (filter, model, "1");
  g_assert_cmpint (changes.last, ==, INFLOW_FILTER_CHANGE_MORE_STRICT);
  inflow_integration_filter_set_search (filter, "PAYER");
  assert_matching (filter, model, "1");
  g_assert_cmpint (changes.last, ==, INFLOW_FILTER_CHANGE_MORE_STRICT);
  inflow_integration_filter_set_search (filter, "pa");
  g_assert_cmpint (changes.last, ==, INFLOW_FILTER_CHANGE_LESS_STRICT);
  inflow_integration_filter_set_search (filter, "9999");
  assert_matching (filter, model, "3");
  g_assert_cmpint (changes.last, ==, INFLOW_FILTER_CHANGE_DIFFERENT);
  inflow_integration_filter_set_search (filter, "azure");
  assert_matching (filter, model, "4");
  inflow_integration_filter_set_search (filter, "disconnected");
  assert_matching (filter, model, "2");
  inflow_integration_filter_set_search (filter, "crdntl_3");
  assert_matching (filter, model, "3");
  changes.count = 0;
  /* The same search, folded alike, changes nothing */
  inflow_integration_filter_set_search (filter, "CRDNTL_3");
  g_assert_cmpuint (changes.count, ==, 0);
  inflow_integration_filter_set_search (filter, NULL);
  assert_matching (filter, model, "1 2 3 4");
  g_assert_cmpint (changes.last, ==, INFLOW_FILTER_CHANGE_LESS_STRICT);

  /* Provider and status, with the search */
  inflow_integration_filter_set_provider (filter, "AWS");
  assert_matching (filter, model, "1 2 3");
  inflow_integration_filter_set_status (filter, INFLOW_STATUS_WORD_ERROR);
  assert_matching (filter, model, "3");
  inflow_integration_filter_set_search (filter, "payer");
  assert_matching (filter, model, "");
  inflow_integration_filter_set_status (filter, -1);
  inflow_integration_filter_set_provider (filter, NULL);
  assert_matching (filter, model, "1");

  /* A name that arrives with the directory is searchable at once */
  inflow_integration_filter_set_directory (filter, later);
  inflow_integration_filter_set_search (filter, "gov production");
  assert_matching (filter, model, "");
  changes.count = 0;
  inflow_account_directory_update (later, G_LIST_MODEL (model->accounts), G_LIST_MODEL (model->integrations));
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpint (changes.last, ==, INFLOW_FILTER_CHANGE_DIFFERENT);
  assert_matching (filter, model, "2");
}

/* Against the simulator */

typedef struct
{
  InflowSimulator *simulator;
  InflowClient    *client;
  InflowSession   *session;
} Live;

static void
live_setup (Live          *live,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowProfile) profile = NULL;

  live->simulator = inflow_simulator_new (42, 0, 0);
  g_assert_true (inflow_simulator_listen (live->simulator, 0, &error));
  g_assert_no_error (error);
  live->client = inflow_client_new (inflow_simulator_get_base_url (live->simulator), "demo-token", &error);
  g_assert_no_error (error);
  profile = inflow_profile_new_demo (inflow_simulator_get_base_url (live->simulator));
  live->session = inflow_session_new (profile, live->client, NULL);
}

static void
live_teardown (Live          *live,
               gconstpointer  data)
{
  inflow_session_close (live->session);
  g_assert_finalize_object (live->session);
  g_clear_object (&live->client);
  g_clear_object (&live->simulator);
}

static gboolean
refresh (Live *live)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_session_refresh_async (live->session, NULL, inflow_test_store_result_cb, &result);
  return inflow_session_refresh_finish (live->session, inflow_test_wait_result (&result), &error);
}

/* The demo's one clock: an integration's last update is said against the
 * server's now (the simulator's virtual clock, ten days ahead here), not
 * the computer's */
static void
test_row_server_clock (Live          *live,
                       gconstpointer  data)
{
  InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (live->session);
  GListModel *integrations;
  g_autoptr(InflowIntegration) updated = NULL;
  g_autoptr(InflowIntegrationRow) row = NULL;
  g_autoptr(GDateTime) server_now = NULL;
  g_autoptr(GDateTime) local_server_now = NULL;
  g_autoptr(GDateTime) real_now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *by_real_clock = NULL;

  inflow_simulator_advance_clock (live->simulator, 10 * G_TIME_SPAN_DAY);
  g_assert_true (refresh (live));
  g_assert_nonnull (monitor);

  integrations = inflow_session_get_integrations (live->session);
  for (guint i = 0; i < g_list_model_get_n_items (integrations) && updated == NULL; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (inflow_integration_get_last_updated (integration) != NULL)
        updated = g_steal_pointer (&integration);
    }
  g_assert_nonnull (updated);

  row = inflow_integration_row_new (updated, NULL, monitor);
  text = dup_string (row, "updated-text");
  server_now = inflow_ingestion_monitor_dup_now (monitor);
  local_server_now = g_date_time_to_local (server_now);
  expected = inflow_ingestion_format_when (inflow_integration_get_last_updated (updated), local_server_now);
  by_real_clock = inflow_ingestion_format_when (inflow_integration_get_last_updated (updated), real_now);
  g_test_message ("%s (by the computer's clock: %s)", text, by_real_clock);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpstr (text, !=, by_real_clock);
}

static void
test_list_status (Live          *live,
                  gconstpointer  data)
{
  g_autoptr(InflowListStatus) status = inflow_list_status_new (INFLOW_SESSION_LIST_INTEGRATIONS);
  guint n;

  g_assert_cmpstr (inflow_list_status_get_state (status), ==, "signed-out");

  inflow_list_status_set_session (status, live->session);
  g_assert_cmpstr (inflow_list_status_get_state (status), ==, "loading");
  g_assert_null (inflow_list_status_get_as_of (status));

  /* The first fetch fails: the error, with the reason */
  inflow_simulator_add_fault (live->simulator, "GET", "/v2/me", INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  g_assert_false (refresh (live));
  g_assert_cmpstr (inflow_list_status_get_state (status), ==, "error");
  g_assert_nonnull (inflow_list_status_get_error_message (status));

  g_assert_true (refresh (live));
  n = g_list_model_get_n_items (inflow_session_get_integrations (live->session));
  g_assert_cmpuint (n, >, 0);
  inflow_list_status_set_counts (status, n, n, FALSE);
  g_assert_cmpstr (inflow_list_status_get_state (status), ==, "list");
  g_assert_nonnull (strstr (inflow_list_status_get_as_of (status), "As of"));
  g_assert_null (inflow_list_status_get_error_message (status));

  /* A search that leaves nothing, while filtering and after */
  inflow_list_status_set_counts (status, n, 0, TRUE);
  g_assert_cmpstr (inflow_list_status_get_state (status), ==, "list");
  inflow_list_status_set_counts (status, n, 0, FALSE);
  g_assert_cmpstr (inflow_list_status_get_state (status), ==, "no-results");

  inflow_list_status_set_session (status, NULL);
  g_assert_cmpstr (inflow_list_status_get_state (status), ==, "signed-out");
  g_assert_null (inflow_list_status_get_as_of (status));
}

static gboolean
delete_integration (Live        *live,
                    const char  *token,
                    GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_session_delete_integration_async (live->session, token, NULL, inflow_test_store_result_cb, &result);
  return inflow_session_delete_integration_finish (live->session, inflow_test_wait_result (&result), error);
}

static gboolean
session_has (Live       *live,
             const char *token)
{
  GListModel *integrations = inflow_session_get_integrations (live->session);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) item = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (item), token))
        return TRUE;
    }

  return FALSE;
}

/* The delete goes through the session: gone from Vantage and the list, or,
 * when Vantage refuses, kept in both with the reason. */
static void
test_delete (Live          *live,
             gconstpointer  data)
{
  g_autofree char *kept = g_strdup (inflow_simulator_get_notable_integration (live->simulator, INFLOW_SIM_NOTABLE_STALE));
  g_autofree char *gone = g_strdup (inflow_simulator_get_notable_integration (live->simulator, INFLOW_SIM_NOTABLE_DISCONNECTED));
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (refresh (live));
  g_assert_true (session_has (live, kept));
  g_assert_true (session_has (live, gone));

  inflow_simulator_add_fault (live->simulator, "DELETE", "/v2/integrations/", INFLOW_SIM_FAULT_STATUS, 403, 0, 1);
  g_assert_false (delete_integration (live, kept, &error));
  g_assert_nonnull (error);
  g_assert_true (session_has (live, kept));
  json = inflow_simulator_dup_integration_json (live->simulator, kept);
  g_assert_nonnull (json);
  g_clear_error (&error);

  g_assert_true (delete_integration (live, gone, &error));
  g_assert_no_error (error);
  g_assert_false (session_has (live, gone));
  g_assert_null (inflow_simulator_dup_integration_json (live->simulator, gone));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add ("/session/integrations-model/row-words", Model, NULL, model_setup, test_row_words, model_teardown);
  g_test_add ("/session/integrations-model/row-created", Model, NULL, model_setup, test_row_created, model_teardown);
  g_test_add ("/session/integrations-model/row-follows", Model, NULL, model_setup, test_row_follows, model_teardown);
  g_test_add ("/session/integrations-model/filter", Model, NULL, model_setup, test_filter, model_teardown);
  g_test_add ("/session/integrations-model/row-server-clock", Live, NULL, live_setup, test_row_server_clock, live_teardown);
  g_test_add ("/session/integrations-model/list-status", Live, NULL, live_setup, test_list_status, live_teardown);
  g_test_add ("/session/integrations-model/delete", Live, NULL, live_setup, test_delete, live_teardown);

  return inflow_test_run ();
}
