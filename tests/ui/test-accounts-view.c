/* test-accounts-view.c: the Accounts view against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "inflow-account-search.h"
#include "inflow-accounts-view.h"
#include "inflow-cell.h"
#include "inflow-placeholder-rows.h"
#include "inflow-test-utils.h"
#include "views-fixture.h"

typedef struct
{
  ViewsFixture        base;
  InflowAccountsView *view;
} Fixture;

static const char *
state (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (views_fixture_child (&fixture->base, "stack"));
}

static InflowAccountDirectory *
directory_of (Fixture *fixture)
{
  return inflow_session_get_account_directory (fixture->base.session);
}

/* What the list shows: the matches of the view's search */
static GListModel *
shown_model (Fixture *fixture)
{
  GtkListView *list_view = views_fixture_child (&fixture->base, "list_view");
  GListModel *rows = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (list_view)));

  return inflow_placeholder_rows_get_source (INFLOW_PLACEHOLDER_ROWS (rows));
}

static gboolean
is_visible (Fixture    *fixture,
            const char *name)
{
  return gtk_widget_get_visible (views_fixture_child (&fixture->base, name));
}

static gboolean
view_is_listing (gpointer data)
{
  Fixture *fixture = data;

  return g_str_equal (state (fixture), "list") &&
         !inflow_session_get_refreshing (fixture->base.session) &&
         inflow_account_directory_get_n_accounts (directory_of (fixture)) > 0;
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  views_fixture_start (&fixture->base, 0, 0, NULL);
  fixture->view = INFLOW_ACCOUNTS_VIEW (inflow_accounts_view_new ());
  inflow_accounts_view_set_session (fixture->view, fixture->base.session);
  views_fixture_show (&fixture->base, GTK_WIDGET (fixture->view), 1100, 720);
  views_fixture_refresh (&fixture->base);
  views_fixture_wait (view_is_listing, fixture);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  views_fixture_stop (&fixture->base);
}

static InflowAccountEntry *
find_entry (InflowAccountDirectory *directory,
            const char             *account_id)
{
  GListModel *entries = inflow_account_directory_get_entries (directory);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(InflowAccountEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (inflow_account_entry_get_account_id (entry), account_id) == 0)
        return entry;
    }

  return NULL;
}

static char *
integration_account (ViewsFixture     *fixture,
                     InflowSimNotable  which)
{
  const char *token = inflow_simulator_get_notable_integration (fixture->simulator, which);
  g_autofree char *json = inflow_simulator_dup_integration_json (fixture->simulator, token);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return g_strdup (json_object_get_string_member (json_node_get_object (node), "account_identifier"));
}

static void
test_groups_and_coverage (Fixture       *fixture,
                          gconstpointer  data)
{
  InflowAccountDirectory *directory = directory_of (fixture);
  g_autofree char *management = integration_account (&fixture->base, INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autofree char *gov = integration_account (&fixture->base, INFLOW_SIM_NOTABLE_GOVCLOUD);
  InflowAccountEntry *entry;
  GListModel *entries = inflow_account_directory_get_entries (directory);
  g_autoptr(InflowAccountEntry) first = NULL;
  g_autoptr(InflowAccountEntry) second = NULL;
  guint i;

  for (i = 0; i + 1 < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(InflowAccountEntry) heading = g_list_model_get_item (entries, i);

      if (inflow_account_entry_get_kind (heading) != INFLOW_ACCOUNT_ENTRY_ACCOUNT &&
          g_strcmp0 (inflow_account_entry_get_management_account_id (heading), management) == 0)
        break;
    }
  first = g_list_model_get_item (entries, i);
  second = g_list_model_get_item (entries, i + 1);

  g_assert_cmpuint (inflow_account_directory_get_n_accounts (directory), >=, 12);
  g_assert_cmpuint (inflow_account_directory_get_n_organizations (directory), >=, 2);

  /* Organization first, its management account right under it. */
  g_assert_cmpint (inflow_account_entry_get_kind (first), ==, INFLOW_ACCOUNT_ENTRY_ORGANIZATION);
  g_assert_true (inflow_account_entry_get_management_connected (first));
  g_assert_true (inflow_account_entry_is_management (second));
  g_assert_cmpstr (inflow_account_entry_get_account_id (second), ==, management);

  entry = find_entry (directory, management);
  g_assert_nonnull (entry);
  g_assert_cmpint (inflow_account_entry_get_coverage (entry), ==, INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION);
  g_assert_cmpuint (inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_MANAGEMENT), >, 0);

  entry = find_entry (directory, gov);
  g_assert_nonnull (entry);
  g_assert_true (inflow_account_entry_is_govcloud (entry));

  /* Management connected: no caution; members without a role: StackSet. */
  g_assert_false (is_visible (fixture, "caution_box"));
  g_assert_true (is_visible (fixture, "stackset_box"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Management connected"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Costs only"));
  views_fixture_screenshot ("accounts.png");
}

static gboolean
caution_is_shown (gpointer data)
{
  Fixture *fixture = data;

  return is_visible (fixture, "caution_box");
}

static void
test_management_caution (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *management = inflow_simulator_get_notable_integration (fixture->base.simulator, INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autofree char *token = g_strdup (management);
  GListModel *integrations = inflow_session_get_integrations (fixture->base.session);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *label;

  /* Without any management account connected, only members are. */
  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);

      if (inflow_account_directory_is_management (directory_of (fixture), account_id))
        g_ptr_array_add (others, g_strdup (inflow_integration_get_token (integration)));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (others, token, g_str_equal, NULL));
  for (guint i = 0; i < others->len; i++)
    inflow_session_remove_integration (fixture->base.session, g_ptr_array_index (others, i));

  views_fixture_wait (caution_is_shown, fixture);
  g_assert_false (is_visible (fixture, "stackset_box"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "No Management Account Connected"));
  label = views_fixture_find_label (GTK_WIDGET (fixture->view), "Reserved Instances");
  g_assert_nonnull (label);
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "cost allocation tags"));
  g_assert_nonnull (views_fixture_find_label (GTK_WIDGET (fixture->view), "Management not connected"));

  gtk_widget_activate (gtk_widget_get_ancestor (views_fixture_find_label (GTK_WIDGET (fixture->view),
                                                                          "Connect the Management Account"),
                                                GTK_TYPE_BUTTON));
  views_fixture_settle ();
  views_fixture_settle ();
  g_assert_true (views_fixture_was_activated (&fixture->base, "connect-aws", "management"));
  views_fixture_screenshot ("accounts-caution.png");
}

static void
test_stackset_entry (Fixture       *fixture,
                     gconstpointer  data)
{
  gtk_widget_activate (gtk_widget_get_ancestor (views_fixture_find_label (GTK_WIDGET (fixture->view), "StackSet…"),
                                                GTK_TYPE_BUTTON));
  views_fixture_settle ();
  views_fixture_settle ();
  g_assert_true (views_fixture_was_activated (&fixture->base, "connect-aws", "stackset"));
}

typedef struct
{
  Fixture *fixture;
  guint    n_matches;
} MatchesWait;

static gboolean
matches_are (gpointer data)
{
  MatchesWait *wait = data;
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (views_fixture_child (&wait->fixture->base, "list_view")));

  /* The matches, and a row for each (without any, the rows stay, empty,
   * behind the "No Matching Accounts" page) */
  return g_list_model_get_n_items (shown_model (wait->fixture)) == wait->n_matches &&
         (wait->n_matches == 0 || g_list_model_get_n_items (rows) == wait->n_matches);
}

/* Types @text into the search and waits for the list to have @n_matches rows. */
static void
search (Fixture    *fixture,
        const char *text,
        guint       n_matches)
{
  MatchesWait wait = { fixture, n_matches };

  views_fixture_type (&fixture->base, "search_entry", text);
  views_fixture_wait (matches_are, &wait);
  views_fixture_settle ();
}

static guint
count_members (InflowAccountDirectory *directory,
               const char             *organization_id)
{
  GListModel *entries = inflow_account_directory_get_entries (directory);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(InflowAccountEntry) entry = g_list_model_get_item (entries, i);

      if (inflow_account_entry_get_kind (entry) == INFLOW_ACCOUNT_ENTRY_ACCOUNT &&
          g_strcmp0 (inflow_account_entry_get_organization_id (entry), organization_id) == 0)
        n++;
    }

  return n;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  InflowAccountDirectory *directory = directory_of (fixture);
  GListModel *matches = shown_model (fixture);
  InflowAccountSearch *account_search = INFLOW_ACCOUNT_SEARCH (matches);
  guint n_entries = g_list_model_get_n_items (inflow_account_directory_get_entries (directory));
  guint n_accounts = inflow_account_directory_get_n_accounts (directory);
  g_autofree char *management = integration_account (&fixture->base, INFLOW_SIM_NOTABLE_MANAGEMENT);
  g_autofree char *gov = integration_account (&fixture->base, INFLOW_SIM_NOTABLE_GOVCLOUD);
  const char *gov_title = inflow_account_directory_get_title (directory, gov);
  const char *organization_id = inflow_account_entry_get_organization_id (find_entry (directory, management));
  g_autofree char *organization = g_ascii_strup (organization_id, -1);
  guint n_members = count_members (directory, organization_id);
  g_autofree char *count = g_strdup_printf ("of %u accounts", n_accounts);
  g_autofree char *one = g_strdup_printf ("1 %s", count);
  GtkWidget *entry = views_fixture_child (&fixture->base, "search_entry");
  GtkWidget *label;
  g_autoptr(InflowAccountEntry) heading = NULL;
  g_autoptr(InflowAccountEntry) account = NULL;

  g_assert_nonnull (entry);
  g_assert_nonnull (gov_title);
  g_assert_cmpuint (n_members, >, 1);
  g_assert_cmpuint (n_members, <, n_accounts);
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, n_entries);
  g_assert_nonnull (views_fixture_find_label (view, management));
  g_assert_null (views_fixture_find_label (view, count));

  /* Ctrl+F */
  gtk_widget_activate_action (view, "accounts.focus-search", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (view)), entry));

  /* An account ID: that account under its organization, nothing else */
  search (fixture, gov, 2);
  heading = g_list_model_get_item (matches, 0);
  account = g_list_model_get_item (matches, 1);
  g_assert_cmpint (inflow_account_entry_get_kind (heading), ==, INFLOW_ACCOUNT_ENTRY_ORGANIZATION);
  g_assert_true (inflow_account_entry_is_govcloud (heading));
  g_assert_cmpstr (inflow_account_entry_get_account_id (account), ==, gov);
  g_assert_cmpuint (inflow_account_search_get_n_accounts (account_search), ==, 1);
  g_assert_cmpstr (state (fixture), ==, "list");
  g_assert_nonnull (views_fixture_find_label (view, gov_title));
  g_assert_null (views_fixture_find_label (view, management));
  label = views_fixture_find_label (view, count);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, one);
  views_fixture_screenshot ("accounts-search.png");

  /* An organization ID, in capitals: the whole organization */
  search (fixture, organization, n_members + 1);
  g_assert_cmpuint (inflow_account_search_get_n_accounts (account_search), ==, n_members);
  g_assert_nonnull (views_fixture_find_label (view, management));
  g_assert_null (views_fixture_find_label (view, gov_title));

  /* Nothing matches: the empty state */
  search (fixture, "no such account", 0);
  g_assert_cmpstr (state (fixture), ==, "no-results");
  g_assert_nonnull (views_fixture_find_label (view, "No Matching Accounts"));

  /* Escape clears the search: everything is back */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  search (fixture, "", n_entries);
  g_assert_cmpstr (state (fixture), ==, "list");
  g_assert_cmpuint (inflow_account_search_get_n_accounts (account_search), ==, n_accounts);
  g_assert_nonnull (views_fixture_find_label (view, management));
  g_assert_null (views_fixture_find_label (view, count));

  /* The search was the view's: the shared directory is whole all along */
  g_assert_cmpuint (g_list_model_get_n_items (inflow_account_directory_get_entries (directory)), ==, n_entries);
}

static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  inflow_accounts_view_set_session (fixture->view, NULL);
  g_assert_cmpstr (state (fixture), ==, "signed-out");
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (fixture)), ==, 0);
}

static gboolean
badge_says (GtkWidget *widget,
            gpointer   data)
{
  return g_strcmp0 (inflow_cell_get_label (INFLOW_CELL (widget)), data) == 0;
}

/* At 360 px, GNOME's narrowest, everything still fits: no wider than the window */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  int minimum = 0;

  views_fixture_resize (&fixture->base, 360);
  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_nonnull (views_fixture_find_widget (GTK_WIDGET (fixture->view), INFLOW_TYPE_CELL, badge_says,
                                               (gpointer) "Management connected"));
  views_fixture_screenshot ("accounts-narrow.png");
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/accounts/groups-and-coverage", Fixture, NULL, setup, test_groups_and_coverage, teardown);
  g_test_add ("/ui/accounts/management-caution", Fixture, NULL, setup, test_management_caution, teardown);
  g_test_add ("/ui/accounts/stackset-entry", Fixture, NULL, setup, test_stackset_entry, teardown);
  g_test_add ("/ui/accounts/search", Fixture, NULL, setup, test_search, teardown);
  g_test_add ("/ui/accounts/signed-out", Fixture, NULL, setup, test_signed_out, teardown);
  g_test_add ("/ui/accounts/narrow", Fixture, NULL, setup, test_narrow, teardown);

  return inflow_test_run ();
}
