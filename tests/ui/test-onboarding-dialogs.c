/* test-onboarding-dialogs.c: Update permissions and Request a backfill against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-aws-connector.h"
#include "inflow-backfill-dialog.h"
#include "inflow-code-view.h"
#include "inflow-ingestion-format.h"
#include "inflow-permissions-review.h"
#include "inflow-test-utils.h"
#include "inflow-update-permissions-dialog.h"
#include "inflow-view-utils.h"
#include "onboarding-ui-support.h"

typedef struct
{
  OnboardingEnv *env;
  GPtrArray     *activations;
  GtkWindow     *parent;
  GtkWidget     *dialog;
} Fixture;

static GPtrArray *opened_uris;

static void
record_uri (GtkWindow  *parent,
            const char *uri)
{
  g_ptr_array_add (opened_uris, g_strdup (uri));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->env = onboarding_env_new ("demo-token");
  fixture->activations = g_ptr_array_new_with_free_func (g_free);
  fixture->parent = onboarding_recording_window_new (fixture->activations);
}

/* Every dialog goes away whole when closed. */
static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dialog != NULL)
    {
      GtkWidget *dialog = g_object_ref (fixture->dialog);

      gtk_window_close (GTK_WINDOW (dialog));
      onboarding_flush ();
      g_assert_finalize_object (dialog);
    }
  gtk_window_destroy (fixture->parent);
  onboarding_flush ();
  g_clear_pointer (&fixture->activations, g_ptr_array_unref);
  g_clear_pointer (&fixture->env, onboarding_env_free);
  g_ptr_array_set_size (opened_uris, 0);
}

static void
present (Fixture   *fixture,
         GtkWidget *dialog)
{
  fixture->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  onboarding_flush ();
}

/* ---- Update permissions ------------------------------------------------- */

static InflowPermissionsReview *
review_of (Fixture *fixture)
{
  InflowPermissionsReview *review;

  g_object_get (fixture->dialog, "review", &review, NULL);
  g_object_unref (review);  /* the dialog keeps it */

  return review;
}

static gboolean
update_loaded (gpointer data)
{
  return inflow_permissions_review_get_state (review_of (data)) != INFLOW_REVIEW_STATE_LOADING;
}

static InflowReviewState
open_update (Fixture    *fixture,
             const char *token)
{
  present (fixture, GTK_WIDGET (inflow_update_permissions_dialog_new (fixture->parent, fixture->env->session, token)));
  g_assert_true (onboarding_wait_for (update_loaded, fixture));
  onboarding_flush ();

  return inflow_permissions_review_get_state (review_of (fixture));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child);

  return n;
}

/* A record that differs from today's info: the diff, and the steps that
 * apply exactly it. */
static void
test_update_changed (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *token = onboarding_env_find_aws_integration (fixture->env, TRUE);
  GtkWidget *cli_view;
  GtkWidget *changes;
  GtkWidget *row;
  const char *script;

  g_assert_nonnull (token);
  onboarding_env_record_old_info (fixture->env, token);

  g_assert_cmpint (open_update (fixture, token), ==, INFLOW_REVIEW_STATE_CHANGED);

  /* The day it was connected (onboarding_env_record_old_info()) through the
   * one date formatter, with its year */
  {
    g_autoptr(GDateTime) connected_at = g_date_time_new_utc (2025, 3, 14, 9, 30, 0);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *day = inflow_ingestion_format_date (connected_at, now);
    g_autofree char *description = NULL;

    g_object_get (review_of (fixture), "verdict-description", &description, NULL);
    g_test_message ("%s", description);
    g_assert_nonnull (strstr (description, day));
  }

  /* The changes are listed, in words, a row each, with their counts */
  changes = onboarding_template_child (fixture->dialog, INFLOW_TYPE_UPDATE_PERMISSIONS_DIALOG, "changes_list");
  g_assert_cmpuint (count_rows (changes), ==, 2);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (changes, ADW_TYPE_PREFERENCES_GROUP)));
  for (row = gtk_widget_get_first_child (changes); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_test_message ("%s / %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                      adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      if (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "VantageCloudWatchMetricsReadOnly") != NULL)
        break;
    }
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "actions added"));

  /* The CLI puts the new CloudWatch policy and the changed root policy */
  cli_view = onboarding_find_code_view (fixture->dialog, "Update Script");
  script = inflow_code_view_get_text (INFLOW_CODE_VIEW (cli_view));
  g_assert_nonnull (strstr (script, "VantageCloudWatchMetricsReadOnly"));
  g_assert_nonnull (strstr (script, "put-role-policy"));
  g_assert_null (strstr (script, "update-assume-role-policy"));

  /* The console page shows only the documents that changed */
  g_assert_nonnull (onboarding_find_code_view (fixture->dialog, "Inline Policy “VantageCloudWatchMetricsReadOnly”"));
  g_assert_nonnull (onboarding_find_code_view (fixture->dialog, "Inline Policy “root”"));
  g_assert_null (onboarding_find_code_view (fixture->dialog, "Trust Policy"));

  /* The role's page opens in the IAM console */
  gtk_widget_activate_action (fixture->dialog, "update.open-role", NULL);
  g_assert_cmpuint (opened_uris->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (opened_uris, 0), "https://console.aws.amazon.com/iam/"));

  /* A bad role name is refused in place */
  gtk_editable_set_text (GTK_EDITABLE (onboarding_find_widget (fixture->dialog, ADW_TYPE_ENTRY_ROW, "_Role Name")), "bad name!");
  g_assert_true (gtk_widget_has_css_class (onboarding_find_widget (fixture->dialog, ADW_TYPE_ENTRY_ROW, "_Role Name"), "error"));
}

/* Nothing recorded: said so, with the full current material. */
static void
test_update_not_recorded (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *token = onboarding_env_find_aws_integration (fixture->env, FALSE);
  const char *script;

  g_assert_cmpint (open_update (fixture, token), ==, INFLOW_REVIEW_STATE_NOT_RECORDED);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (onboarding_template_child (fixture->dialog, INFLOW_TYPE_UPDATE_PERMISSIONS_DIALOG, "changes_list"), ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_nonnull (onboarding_find_code_view (fixture->dialog, "Trust Policy"));
  g_assert_nonnull (onboarding_find_code_view (fixture->dialog, "Inline Policy “root”"));

  script = inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->dialog, "Update Script")));
  g_assert_nonnull (strstr (script, "update-assume-role-policy"));
  g_assert_nonnull (strstr (script, "VantageAdditionalResourceReadOnly"));
}

/* A record equal to today's info: no change. */
static void
test_update_unchanged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InflowAwsProviderInfo) provider_info = NULL;
  g_autoptr(InflowOnboardingInfo) info = NULL;
  g_autoptr(InflowOnboardingChoices) choices = NULL;
  g_autoptr(InflowAwsConnectionRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = onboarding_env_find_aws_integration (fixture->env, FALSE);

  inflow_client_get_aws_provider_info_async (fixture->env->client, NULL, inflow_test_store_result_cb, &result);
  provider_info = inflow_client_get_aws_provider_info_finish (fixture->env->client, inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  info = inflow_onboarding_info_new_from_provider_info (provider_info, &error);
  g_assert_no_error (error);
  choices = inflow_onboarding_choices_new (INFLOW_ACCOUNT_KIND_MEMBER, INFLOW_AWS_PARTITION_AWS);
  record = inflow_aws_connection_record_new (info, choices, "arn:aws:iam::123456789012:role/x", NULL, NULL);
  inflow_aws_connection_record_save_async (NULL, inflow_profile_get_id (inflow_session_get_profile (fixture->env->session)),
                                           token, record, NULL, inflow_test_store_result_cb, &result);
  inflow_aws_connection_record_save_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  g_assert_cmpint (open_update (fixture, token), ==, INFLOW_REVIEW_STATE_UNCHANGED);
}

/* The current info cannot be fetched: an error with Retry. */
static void
test_update_error (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *token = onboarding_env_find_aws_integration (fixture->env, TRUE);

  inflow_client_set_retry_policy (fixture->env->client, 1, 0);
  inflow_simulator_add_fault (fixture->env->sim, "GET", "/v1/integrations/aws/info", INFLOW_SIM_FAULT_STATUS, 500, 0, 0);
  g_assert_cmpint (open_update (fixture, token), ==, INFLOW_REVIEW_STATE_ERROR);

  inflow_simulator_clear_faults (fixture->env->sim);
  gtk_widget_activate_action (fixture->dialog, "update.retry", NULL);
  g_assert_true (onboarding_wait_for (update_loaded, fixture));
  g_assert_cmpint (inflow_permissions_review_get_state (review_of (fixture)), ==, INFLOW_REVIEW_STATE_NOT_RECORDED);
}

/* ---- Backfill ----------------------------------------------------------- */

static GtkWidget *
backfill_row (Fixture    *fixture,
              const char *title)
{
  GtkWidget *row = onboarding_find_widget (fixture->dialog, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
set_text (Fixture    *fixture,
          const char *title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (backfill_row (fixture, title)), text);
}

static char *
format_day (GDateTime *time,
            int        days)
{
  g_autoptr(GDateTime) shifted = g_date_time_add_days (time, days);

  return g_date_time_format (shifted, "%Y-%m-%d");
}

static GtkWidget *
backfill_child (Fixture    *fixture,
                const char *name)
{
  return onboarding_template_child (fixture->dialog, INFLOW_TYPE_BACKFILL_DIALOG, name);
}

/* The form (tested in tests/session) shown: its fields, its message, the
 * rows it marks, the request when it is valid, the two ways to send it. */
static void
test_backfill (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = inflow_client_get_now (fixture->env->client);
  g_autofree char *tomorrow = format_day (now, 1);
  g_autofree char *last_week = format_day (now, -7);
  const char *token = onboarding_env_find_aws_integration (fixture->env, TRUE);
  GtkWidget *message;
  GtkWidget *output;
  const char *text;

  present (fixture, GTK_WIDGET (inflow_backfill_dialog_new (fixture->parent, fixture->env->session, token)));
  message = backfill_child (fixture, "message_label");
  output = backfill_child (fixture, "output_box");

  /* Prefilled: the organization from the signed-in profile, the account,
   * a valid period; the report is asked for without shouting. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (backfill_row (fixture, "_Organization"))), ==,
                   inflow_profile_get_name (inflow_session_get_profile (fixture->env->session)));
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (backfill_row (fixture, "Management _Account ID (Optional)")))), ==, 12);
  g_assert_false (gtk_widget_get_visible (output));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (onboarding_find_widget (fixture->dialog, ADW_TYPE_WINDOW_TITLE, NULL))),
                   !=, NULL);

  set_text (fixture, "_Report Name", "VantageReport-3f9a2c71d0");
  set_text (fixture, "S3 _Bucket", "vantage-cur-3f9a2c71d0");
  g_assert_true (gtk_widget_get_visible (output));
  g_assert_true (gtk_widget_has_css_class (message, "dim-label"));
  text = inflow_code_view_get_text (INFLOW_CODE_VIEW (backfill_child (fixture, "aws_view")));
  g_assert_nonnull (strstr (text, "VantageReport-3f9a2c71d0"));
  g_assert_nonnull (strstr (text, "vantage-cur-3f9a2c71d0"));
  /* The mail is words, not code */
  g_assert_false (inflow_code_view_get_monospace (INFLOW_CODE_VIEW (backfill_child (fixture, "vantage_view"))));

  /* The end in the future: the row and the message say so */
  set_text (fixture, "_End Date", tomorrow);
  g_assert_false (gtk_widget_get_visible (output));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "after today"));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_true (gtk_widget_has_css_class (backfill_row (fixture, "_End Date"), "error"));

  set_text (fixture, "_End Date", last_week);
  g_assert_true (gtk_widget_get_visible (output));
  g_assert_false (gtk_widget_has_css_class (backfill_row (fixture, "_End Date"), "error"));

  gtk_widget_activate_action (fixture->dialog, "backfill.mail-vantage", NULL);
  g_assert_cmpuint (opened_uris->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (opened_uris, 0), "mailto:support@vantage.sh?"));

  gtk_widget_activate_action (fixture->dialog, "backfill.open-aws-support", NULL);
  g_assert_cmpuint (opened_uris->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (opened_uris, 1), "https://support.console.aws.amazon.com/"));
}

/* Only the known consoles and Vantage support are opened. */
static void
test_link_allow_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_true (inflow_view_uri_is_allowed ("https://console.aws.amazon.com/iam/home"));
  g_assert_true (inflow_view_uri_is_allowed ("https://us-east-1.console.aws.amazon.com/cloudformation/home"));
  g_assert_true (inflow_view_uri_is_allowed ("https://console.vantage.sh/settings/integrations"));
  g_assert_true (inflow_view_uri_is_allowed ("mailto:support@vantage.sh?subject=x"));
  g_assert_false (inflow_view_uri_is_allowed ("http://console.aws.amazon.com/"));
  g_assert_false (inflow_view_uri_is_allowed ("https://console.aws.amazon.com.evil.example/"));
  g_assert_false (inflow_view_uri_is_allowed ("mailto:someone@example.com"));
  g_assert_false (inflow_view_uri_is_allowed ("mailto:support@vantage.sh.evil.example"));
  g_assert_false (inflow_view_uri_is_allowed ("mailto:support@vantage.sh?subject=x&attach=/etc/passwd"));
  g_assert_false (inflow_view_uri_is_allowed ("file:///etc/passwd"));
  g_assert_false (inflow_view_uri_is_allowed (NULL));

  g_test_expect_message ("inflow-views", G_LOG_LEVEL_WARNING, "Refusing to open*");
  g_assert_false (inflow_view_open_uri (GTK_WIDGET (fixture->parent), "https://example.com/"));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (opened_uris->len, ==, 0);
}

/* A code box is as tall as its text wrapped at its width (long lines
 * wrap, nothing scrolls sideways), up to a limit past which it scrolls;
 * the mail is prose, not code. */
static void
test_code_view (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GString) long_line = g_string_new ("aws");
  g_autoptr(GString) many_lines = g_string_new (NULL);
  GtkWidget *one, *wrapped, *tall;
  int one_height, wrapped_height, tall_height;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (long_line, " --option-%u 'value'", i);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (many_lines, "line %u\n", i);

  one = inflow_code_view_new ("One Line", "aws sts get-caller-identity");
  wrapped = inflow_code_view_new ("Long Line", long_line->str);
  tall = inflow_code_view_new ("Many Lines", many_lines->str);
  gtk_box_append (GTK_BOX (box), one);
  gtk_box_append (GTK_BOX (box), wrapped);
  gtk_box_append (GTK_BOX (box), tall);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 900);
  gtk_window_present (GTK_WINDOW (window));
  onboarding_flush ();

  one_height = gtk_widget_get_height (one);
  wrapped_height = gtk_widget_get_height (wrapped);
  tall_height = gtk_widget_get_height (tall);

  /* The long line wraps within 400 pixels, and shows whole */
  g_assert_cmpint (gtk_widget_get_width (wrapped), <=, 400);
  g_assert_cmpint (wrapped_height, >, one_height + 40);
  g_assert_cmpint (gtk_widget_get_width (onboarding_find_widget (wrapped, GTK_TYPE_SCROLLED_WINDOW, NULL)), <=, 400);

  /* Two hundred lines stop at the limit, and scroll */
  g_assert_cmpint (tall_height, <, one_height + 340);
  g_assert_cmpint (tall_height, >, one_height + 250);

  /* Not a monospace box unless code */
  g_assert_true (inflow_code_view_get_monospace (INFLOW_CODE_VIEW (one)));
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  onboarding_flush ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  onboarding_ui_init ();

  opened_uris = g_ptr_array_new_with_free_func (g_free);
  inflow_view_set_uri_handler (record_uri);

  g_test_add ("/ui/update-permissions/changed", Fixture, NULL, fixture_setup, test_update_changed, fixture_teardown);
  g_test_add ("/ui/update-permissions/not-recorded", Fixture, NULL, fixture_setup, test_update_not_recorded, fixture_teardown);
  g_test_add ("/ui/update-permissions/unchanged", Fixture, NULL, fixture_setup, test_update_unchanged, fixture_teardown);
  g_test_add ("/ui/update-permissions/error", Fixture, NULL, fixture_setup, test_update_error, fixture_teardown);
  g_test_add ("/ui/backfill/dates", Fixture, NULL, fixture_setup, test_backfill, fixture_teardown);
  g_test_add ("/ui/onboarding/link-allow-list", Fixture, NULL, fixture_setup, test_link_allow_list, fixture_teardown);
  g_test_add ("/ui/onboarding/code-view", Fixture, NULL, fixture_setup, test_code_view, fixture_teardown);

  status = inflow_test_run ();
  g_clear_pointer (&opened_uris, g_ptr_array_unref);

  return status;
}
