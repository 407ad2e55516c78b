/* test-account-directory.c: accounts by organization, and their coverage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-account-directory.h"
#include "inflow-account-row.h"
#include "inflow-account-search.h"
#include "inflow-test-utils.h"
#include "model-builders.h"

#define ORG "o-abcdef123456"
#define GOV "o-gov987654321"

static GListStore *
accounts_store (void)
{
  GListStore *store = g_list_store_new (INFLOW_TYPE_CLOUD_ACCOUNT);
  InflowCloudAccount *items[] = {
    model_cloud_account ("Zeta Member", "222222222222", "arn:aws:organizations::111111111111:account/" ORG "/222222222222"),
    model_cloud_account ("Payer", "111111111111", "arn:aws:organizations::111111111111:account/" ORG "/111111111111"),
    model_cloud_account ("Alpha Member", "333333333333", "arn:aws:organizations::111111111111:account/" ORG "/333333333333"),
    /* The same account again, from another workspace */
    model_cloud_account ("Alpha Member", "333333333333", "arn:aws:organizations::111111111111:account/" ORG "/333333333333"),
    model_cloud_account ("Gov Member", "555555555555", "arn:aws-us-gov:organizations::444444444444:account/" GOV "/555555555555"),
    model_cloud_account ("Loose", "666666666666", "666666666666"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_list_store_append (store, items[i]);
      g_object_unref (items[i]);
    }

  return store;
}

static InflowAccountEntry *
entry_at (InflowAccountDirectory *directory,
          guint                   position)
{
  return g_list_model_get_item (inflow_account_directory_get_entries (directory), position);
}

static void
test_grouping_and_coverage (void)
{
  g_autoptr(InflowAccountDirectory) directory = inflow_account_directory_new ();
  g_autoptr(GListStore) accounts = accounts_store ();
  g_autoptr(GListStore) integrations = g_list_store_new (INFLOW_TYPE_INTEGRATION);
  g_autoptr(InflowIntegration) payer = model_integration ("accss_crdntl_1", "aws", "111111111111", "connected", "");
  g_autoptr(InflowIntegration) member = model_integration ("accss_crdntl_2", "AWS", "333333333333", "connected", "");
  g_autoptr(InflowIntegration) azure = model_integration ("accss_crdntl_3", "azure", "222222222222", "connected", "");
  g_autoptr(InflowAccountEntry) e0 = NULL, e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL, e6 = NULL, e7 = NULL;

  g_list_store_append (integrations, payer);
  g_list_store_append (integrations, member);
  g_list_store_append (integrations, azure);
  inflow_account_directory_update (directory, G_LIST_MODEL (accounts), G_LIST_MODEL (integrations));

  g_assert_cmpuint (inflow_account_directory_get_n_accounts (directory), ==, 5);
  g_assert_cmpuint (inflow_account_directory_get_n_organizations (directory), ==, 2);
  g_assert_cmpuint (inflow_account_directory_get_n_aws_integrations (directory), ==, 2);
  g_assert_true (inflow_account_directory_get_management_connected (directory));
  g_assert_false (inflow_account_directory_get_needs_management (directory));
  /* Zeta has no role of its own under a connected management account. */
  g_assert_cmpuint (inflow_account_directory_get_n_members_without_role (directory), ==, 1);

  /* 2 organizations + standalone headings, 5 accounts */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_account_directory_get_entries (directory)), ==, 8);
  e0 = entry_at (directory, 0);
  g_assert_cmpint (inflow_account_entry_get_kind (e0), ==, INFLOW_ACCOUNT_ENTRY_ORGANIZATION);
  g_assert_cmpstr (inflow_account_entry_get_organization_id (e0), ==, ORG);
  g_assert_true (inflow_account_entry_get_management_connected (e0));
  g_assert_cmpstr (inflow_account_entry_get_management_title (e0), ==, "Payer");
  g_assert_cmpuint (inflow_account_entry_get_n_accounts (e0), ==, 3);
  e1 = entry_at (directory, 1);
  g_assert_true (inflow_account_entry_is_management (e1));
  g_assert_cmpint (inflow_account_entry_get_coverage (e1), ==, INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION);
  g_assert_cmpstr (inflow_account_entry_get_integration_token (e1), ==, "accss_crdntl_1");
  e2 = entry_at (directory, 2);
  g_assert_cmpstr (inflow_account_entry_get_title (e2), ==, "Alpha Member");
  g_assert_cmpint (inflow_account_entry_get_coverage (e2), ==, INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION);
  e3 = entry_at (directory, 3);
  g_assert_cmpstr (inflow_account_entry_get_title (e3), ==, "Zeta Member");
  /* An Azure integration with the same number does not count. */
  g_assert_cmpint (inflow_account_entry_get_coverage (e3), ==, INFLOW_ACCOUNT_COVERAGE_MANAGEMENT);

  e4 = entry_at (directory, 4);
  g_assert_true (inflow_account_entry_is_govcloud (e4));
  g_assert_false (inflow_account_entry_get_management_connected (e4));
  e5 = entry_at (directory, 5);
  g_assert_cmpint (inflow_account_entry_get_coverage (e5), ==, INFLOW_ACCOUNT_COVERAGE_NONE);
  g_assert_true (inflow_account_directory_is_govcloud (directory, "555555555555"));
  g_assert_false (inflow_account_directory_is_govcloud (directory, "333333333333"));

  e6 = entry_at (directory, 6);
  g_assert_cmpint (inflow_account_entry_get_kind (e6), ==, INFLOW_ACCOUNT_ENTRY_STANDALONE);
  e7 = entry_at (directory, 7);
  g_assert_cmpstr (inflow_account_entry_get_account_id (e7), ==, "666666666666");

  g_assert_cmpstr (inflow_account_directory_get_title (directory, "222222222222"), ==, "Zeta Member");
  g_assert_null (inflow_account_directory_get_title (directory, "999999999999"));
  g_assert_true (inflow_account_directory_is_management (directory, "111111111111"));
  g_assert_true (inflow_account_directory_is_management (directory, "444444444444"));
  g_assert_false (inflow_account_directory_is_management (directory, "333333333333"));
  g_assert_cmpuint (inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION), ==, 2);
  g_assert_cmpuint (inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_MANAGEMENT), ==, 1);
  g_assert_cmpuint (inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_NONE), ==, 2);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* Only a member connected: the seed's caution, and no StackSet offer. */
static void
test_member_only (void)
{
  g_autoptr(InflowAccountDirectory) directory = inflow_account_directory_new ();
  g_autoptr(GListStore) accounts = accounts_store ();
  g_autoptr(GListStore) integrations = g_list_store_new (INFLOW_TYPE_INTEGRATION);
  g_autoptr(InflowIntegration) member = model_integration ("accss_crdntl_2", "aws", "333333333333", "connected", "");
  guint changes = 0;

  g_signal_connect (inflow_account_directory_get_entries (directory), "items-changed",
                    G_CALLBACK (items_changed_cb), &changes);
  g_list_store_append (integrations, member);
  inflow_account_directory_update (directory, G_LIST_MODEL (accounts), G_LIST_MODEL (integrations));

  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (inflow_account_directory_get_management_connected (directory));
  g_assert_true (inflow_account_directory_get_needs_management (directory));
  g_assert_cmpuint (inflow_account_directory_get_n_members_without_role (directory), ==, 0);
  g_assert_cmpint (inflow_account_directory_get_coverage (directory, "222222222222"), ==, INFLOW_ACCOUNT_COVERAGE_NONE);
  g_assert_cmpint (inflow_account_directory_get_coverage (directory, "333333333333"), ==, INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION);

  /* Emptied: nothing to warn about. */
  inflow_account_directory_update (directory, NULL, NULL);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_false (inflow_account_directory_get_needs_management (directory));
  g_assert_cmpuint (g_list_model_get_n_items (inflow_account_directory_get_entries (directory)), ==, 0);
}

/* The matches' account IDs, headings as their organization ID or "-". */
static char *
dup_matches (InflowAccountSearch *search)
{
  GListModel *matches = G_LIST_MODEL (search);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(InflowAccountEntry) entry = g_list_model_get_item (matches, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      if (inflow_account_entry_get_kind (entry) == INFLOW_ACCOUNT_ENTRY_ACCOUNT)
        g_string_append (out, inflow_account_entry_get_account_id (entry));
      else
        g_string_append (out, inflow_account_entry_get_organization_id (entry) ?: "-");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_search (InflowAccountSearch *search,
               const char          *text,
               const char          *expected)
{
  g_autofree char *matches = NULL;

  inflow_account_search_set_search (search, text);
  matches = dup_matches (search);
  g_assert_cmpstr (matches, ==, expected);
}

static void
test_search (void)
{
  g_autoptr(InflowAccountDirectory) directory = inflow_account_directory_new ();
  g_autoptr(InflowAccountSearch) search = inflow_account_search_new ();
  g_autoptr(GListStore) accounts = accounts_store ();
  g_autoptr(GListStore) integrations = g_list_store_new (INFLOW_TYPE_INTEGRATION);
  g_autoptr(InflowCloudAccount) accented = model_cloud_account ("Z\u00fcrich \u00c9quipe", "777777777777",
                                                     "arn:aws:organizations::111111111111:account/" ORG "/777777777777");
  g_autoptr(InflowIntegration) payer = model_integration ("accss_crdntl_1", "aws", "111111111111", "connected", "");
  const char *everything = ORG " 111111111111 333333333333 222222222222 " GOV " 555555555555 - 666666666666";
  g_autofree char *matches = NULL;
  guint changes = 0;

  g_list_store_append (integrations, payer);
  inflow_account_directory_update (directory, G_LIST_MODEL (accounts), G_LIST_MODEL (integrations));
  inflow_account_search_set_directory (search, directory);
  g_signal_connect (search, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Without a search, everything */
  assert_search (search, NULL, everything);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (inflow_account_search_get_n_accounts (search), ==, 5);

  /* An account by name, ignoring case, under its heading only */
  assert_search (search, "zETA", ORG " 222222222222");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (inflow_account_search_get_n_accounts (search), ==, 1);
  /* The same search again changes nothing */
  assert_search (search, "Zeta", ORG " 222222222222");
  g_assert_cmpuint (changes, ==, 1);

  /* By account ID, part of it, in several organizations */
  assert_search (search, "5555", GOV " 555555555555");
  assert_search (search, "66666", "- 666666666666");
  assert_search (search, "member", ORG " 333333333333 222222222222 " GOV " 555555555555");
  g_assert_cmpuint (inflow_account_search_get_n_accounts (search), ==, 3);

  /* By the organization's management account name, or its ID: all of it */
  assert_search (search, "PAYER", ORG " 111111111111 333333333333 222222222222");
  assert_search (search, "o-gov98", GOV " 555555555555");

  /* Nothing matches the headings' words, only their names */
  assert_search (search, "organization", "");
  assert_search (search, "no such account", "");
  g_assert_cmpuint (inflow_account_search_get_n_accounts (search), ==, 0);
  /* The entries stay whole */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_account_directory_get_entries (directory)), ==, 8);

  /* The search holds across updates */
  assert_search (search, "alpha", ORG " 333333333333");
  g_list_store_append (accounts, accented);
  inflow_account_directory_update (directory, G_LIST_MODEL (accounts), G_LIST_MODEL (integrations));
  matches = dup_matches (search);
  g_assert_cmpstr (matches, ==, ORG " 333333333333");

  /* Unicode: case and composition are folded on both sides */
  assert_search (search, "ZU\u0308RICH \u00e9QUIPE", ORG " 777777777777");

  /* Cleared: everything again */
  assert_search (search, "", ORG " 111111111111 333333333333 222222222222 777777777777 " GOV " 555555555555 - 666666666666");
  g_assert_cmpuint (inflow_account_search_get_n_accounts (search), ==, 6);

  /* The search is the search's own: the directory's entries stay whole,
   * and another search of the same directory sees everything */
  {
    g_autoptr(InflowAccountSearch) other = inflow_account_search_new ();

    assert_search (search, "zeta", ORG " 222222222222");
    inflow_account_search_set_directory (other, directory);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==,
                      g_list_model_get_n_items (inflow_account_directory_get_entries (directory)));
  }

  /* Without a directory, nothing */
  inflow_account_search_set_directory (search, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 0);
  g_assert_cmpuint (inflow_account_search_get_n_accounts (search), ==, 0);
}

/* A management account connected in one organization does not lift the
 * caution of another whose members alone are connected. */
static void
test_caution_per_organization (void)
{
  g_autoptr(InflowAccountDirectory) directory = inflow_account_directory_new ();
  g_autoptr(GListStore) accounts = accounts_store ();
  g_autoptr(GListStore) integrations = g_list_store_new (INFLOW_TYPE_INTEGRATION);
  g_autoptr(InflowIntegration) payer = model_integration ("accss_crdntl_1", "aws", "111111111111", "connected", "");
  g_autoptr(InflowIntegration) gov_member = model_integration ("accss_crdntl_5", "aws", "555555555555", "connected", "");
  g_autoptr(InflowAccountEntry) org = NULL;
  g_autoptr(InflowAccountEntry) gov = NULL;
  const char * const *organizations;
  guint n = 0;

  g_list_store_append (integrations, payer);
  inflow_account_directory_update (directory, G_LIST_MODEL (accounts), G_LIST_MODEL (integrations));
  g_assert_false (inflow_account_directory_get_needs_management (directory));
  inflow_account_directory_get_organizations_needing_management (directory, &n);
  g_assert_cmpuint (n, ==, 0);

  /* A member of the GovCloud organization, whose management account is not connected */
  g_list_store_append (integrations, gov_member);
  inflow_account_directory_update (directory, G_LIST_MODEL (accounts), G_LIST_MODEL (integrations));
  g_assert_true (inflow_account_directory_get_management_connected (directory));
  g_assert_true (inflow_account_directory_get_needs_management (directory));
  organizations = inflow_account_directory_get_organizations_needing_management (directory, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (organizations[0], ==, GOV);

  org = entry_at (directory, 0);
  gov = entry_at (directory, 4);
  g_assert_false (inflow_account_entry_get_needs_management (org));
  g_assert_cmpint (inflow_account_entry_get_kind (gov), ==, INFLOW_ACCOUNT_ENTRY_ORGANIZATION);
  g_assert_true (inflow_account_entry_get_needs_management (gov));
}

/* What a row of the Accounts list says of an entry */
static void
test_rows (void)
{
  g_autoptr(InflowAccountDirectory) directory = inflow_account_directory_new ();
  g_autoptr(GListStore) accounts = accounts_store ();
  g_autoptr(GListStore) integrations = g_list_store_new (INFLOW_TYPE_INTEGRATION);
  g_autoptr(InflowIntegration) payer = model_integration ("accss_crdntl_1", "aws", "111111111111", "connected", "");
  g_autoptr(InflowIntegration) gov_member = model_integration ("accss_crdntl_5", "aws", "555555555555", "connected", "");
  struct {
    guint       position;
    const char *title;
    const char *subtitle_part;
    const char *primary;
    const char *coverage;
  } expected[] = {
    { 0, "Organization " ORG, "is connected: the costs of all 3 accounts arrive", NULL, "Management connected" },
    { 1, "Payer", "111111111111 · costs and Active Resources", "Management", "Own integration" },
    { 3, "Zeta Member", "costs only, through the management account", NULL, "Costs only" },
    { 4, "GovCloud Organization " GOV, "is not connected · 1 account", "GovCloud", "Management not connected" },
    /* GovCloud: costs only, whatever connects it */
    { 5, "Gov Member", "555555555555 · costs only · Active Resources not synced", "GovCloud", "Costs only" },
    { 6, "Accounts Outside an Organization", "1 account Vantage knows", NULL, NULL },
    { 7, "Loose", "no integration brings its data", NULL, "Not connected" },
  };

  g_list_store_append (integrations, payer);
  g_list_store_append (integrations, gov_member);
  inflow_account_directory_update (directory, G_LIST_MODEL (accounts), G_LIST_MODEL (integrations));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(InflowAccountEntry) entry = entry_at (directory, expected[i].position);
      g_autoptr(InflowAccountRow) row = inflow_account_row_new (entry);

      g_assert_cmpstr (inflow_account_row_get_title (row), ==, expected[i].title);
      g_assert_nonnull (strstr (inflow_account_row_get_subtitle (row), expected[i].subtitle_part));
      g_assert_cmpstr (inflow_account_row_get_primary_badge (row), ==, expected[i].primary);
      g_assert_cmpstr (inflow_account_row_get_coverage_badge (row), ==, expected[i].coverage);
      /* The tooltip and the accessible label say it all */
      g_assert_nonnull (strstr (inflow_account_row_get_details (row), expected[i].title));
      g_assert_nonnull (strstr (inflow_account_row_get_details (row), inflow_account_row_get_subtitle (row)));
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/session/account-directory/grouping-and-coverage", test_grouping_and_coverage);
  g_test_add_func ("/session/account-directory/member-only", test_member_only);
  g_test_add_func ("/session/account-directory/search", test_search);
  g_test_add_func ("/session/account-directory/caution-per-organization", test_caution_per_organization);
  g_test_add_func ("/session/account-directory/rows", test_rows);

  return inflow_test_run ();
}
