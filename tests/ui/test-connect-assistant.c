/* test-connect-assistant.c: the Connect AWS assistant against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-code-view.h"
#include "inflow-connect-assistant.h"
#include "inflow-test-utils.h"
#include "inflow-view-utils.h"
#include "onboarding-ui-support.h"

#define NEW_ACCOUNT "246813579024"
#define NEW_ROLE    "arn:aws:iam::" NEW_ACCOUNT ":role/vantage_cross_account_connection"

typedef struct
{
  OnboardingEnv *env;
  GPtrArray     *activations;
  GtkWindow     *parent;
  GtkWidget     *assistant;
} Fixture;

static GPtrArray *opened_uris;

static void
record_uri (GtkWindow  *parent,
            const char *uri)
{
  g_ptr_array_add (opened_uris, g_strdup (uri));
}

static void
setup (Fixture    *fixture,
       const char *token,
       const char *start)
{
  fixture->env = onboarding_env_new (token);
  fixture->activations = g_ptr_array_new_with_free_func (g_free);
  fixture->parent = onboarding_recording_window_new (fixture->activations);
  gtk_window_present (fixture->parent);

  fixture->assistant = GTK_WIDGET (inflow_connect_assistant_new (fixture->parent, fixture->env->session, start));
  g_object_add_weak_pointer (G_OBJECT (fixture->assistant), (gpointer *) &fixture->assistant);
  inflow_connect_assistant_set_find_policy (INFLOW_CONNECT_ASSISTANT (fixture->assistant), 5, 50);
  gtk_window_present (GTK_WINDOW (fixture->assistant));
  onboarding_flush ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  setup (fixture, "demo-token", data != NULL ? data : "management");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->assistant));
  gtk_window_destroy (fixture->parent);
  onboarding_flush ();
  g_clear_pointer (&fixture->activations, g_ptr_array_unref);
  g_clear_pointer (&fixture->env, onboarding_env_free);
  g_ptr_array_set_size (opened_uris, 0);
}

static const char *
step (Fixture *fixture)
{
  return inflow_connect_assistant_get_step (INFLOW_CONNECT_ASSISTANT (fixture->assistant));
}

static void
next (Fixture *fixture)
{
  gtk_widget_activate_action (fixture->assistant, "assistant.next", NULL);
  onboarding_flush ();
}

static gboolean
methods_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *state = onboarding_find_named (fixture->assistant, "methods-state");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (state)), "ready") == 0;
}

static void
go_to_methods (Fixture *fixture)
{
  g_assert_cmpstr (step (fixture), ==, "intro");
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "account");
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "methods");
  g_assert_true (onboarding_wait_for (methods_ready, fixture));
}

static GtkWidget *
row (Fixture    *fixture,
     const char *title)
{
  GtkWidget *found = onboarding_find_widget (fixture->assistant, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (found);
  return found;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  GtkWidget *label = onboarding_find_named (fixture->assistant, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
arn_row_filled (gpointer data)
{
  Fixture *fixture = data;

  return *gtk_editable_get_text (GTK_EDITABLE (row (fixture, "Role _ARN"))) != '\0';
}

typedef struct
{
  Fixture    *fixture;
  const char *before;
} MessageWait;

static gboolean
arn_message_changed (gpointer data)
{
  MessageWait *wait = data;

  return g_strcmp0 (label_text (wait->fixture, "arn-message"), wait->before) != 0;
}

static void
paste (Fixture    *fixture,
       const char *text)
{
  g_autofree char *before = g_strdup (label_text (fixture, "arn-message"));
  MessageWait wait = { fixture, before };

  gdk_clipboard_set_text (gtk_widget_get_clipboard (fixture->assistant), text);
  gtk_widget_activate_action (fixture->assistant, "assistant.paste-arn", NULL);
  g_assert_true (onboarding_wait_for (arn_message_changed, &wait));
}

static gboolean
monitor_activated (gpointer data)
{
  Fixture *fixture = data;

  return fixture->activations->len > 0;
}

static gboolean
connect_finished (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *progress = onboarding_find_named (fixture->assistant, "progress-label");

  return !gtk_widget_get_visible (gtk_widget_get_parent (progress));
}

/* The IAM console path: the documents are there, a pasted trust policy is
 * explained, pasted get-role output gives the ARN, Enter connects, and the
 * new integration's monitor opens. */
static void
test_iam_console_connect (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *methods_stack;
  GtkWidget *trust_view;
  g_autofree char *trust = NULL;
  g_autofree char *get_role = NULL;
  g_autofree char *json = NULL;
  GtkWidget *arn_row;
  const char *token;

  go_to_methods (fixture);

  methods_stack = onboarding_find_widget (fixture->assistant, ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (methods_stack), "iam-console");
  onboarding_flush ();

  trust_view = onboarding_find_code_view (fixture->assistant, "Trust Policy");
  g_assert_nonnull (trust_view);
  trust = g_strdup (inflow_code_view_get_text (INFLOW_CODE_VIEW (trust_view)));
  g_assert_nonnull (strstr (trust, "sts:ExternalId"));
  g_assert_nonnull (onboarding_find_code_view (fixture->assistant, "Inline Policy “root”"));

  /* Copy puts the document on the clipboard */
  inflow_code_view_copy (INFLOW_CODE_VIEW (trust_view));

  /* The console link is allowed and goes through the URI launcher */
  gtk_widget_activate_action (methods_stack, "methods.open-iam", NULL);
  g_assert_cmpuint (opened_uris->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (opened_uris, 0), "https://console.aws.amazon.com/iam/"));

  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "arn");
  arn_row = row (fixture, "Role _ARN");

  /* The trust policy alone names only Vantage's principal: explained, not taken */
  paste (fixture, trust);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (arn_row)), ==, "");
  g_assert_nonnull (strstr (label_text (fixture, "arn-message"), "Vantage’s principal"));
  g_assert_true (gtk_widget_has_css_class (onboarding_find_named (fixture->assistant, "arn-message"), "error"));

  /* get-role output, with the same trust policy inside: the role is found */
  get_role = g_strdup_printf ("{\"Role\": {\"Path\": \"/\", \"RoleName\": \"vantage_cross_account_connection\", "
                              "\"Arn\": \"%s\", \"AssumeRolePolicyDocument\": %s}}", NEW_ROLE, trust);
  paste (fixture, get_role);
  g_assert_true (onboarding_wait_for (arn_row_filled, fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (arn_row)), ==, NEW_ROLE);
  g_assert_nonnull (strstr (label_text (fixture, "arn-message"), "get-role"));
  g_assert_false (gtk_widget_has_css_class (arn_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (onboarding_find_named (fixture->assistant, "connect-button")));

  /* Enter in the field connects */
  g_signal_emit_by_name (arn_row, "entry-activated");
  g_assert_true (onboarding_wait_for (monitor_activated, fixture));

  g_assert_cmpuint (fixture->activations->len, ==, 1);
  token = g_ptr_array_index (fixture->activations, 0);
  json = inflow_simulator_dup_integration_json (fixture->env->sim, token);
  g_assert_nonnull (json);
  g_assert_nonnull (strstr (json, NEW_ACCOUNT));

  /* The session knows it, and the assistant closed */
  onboarding_flush ();
  g_assert_null (fixture->assistant);
  {
    GListModel *integrations = inflow_session_get_integrations (fixture->env->session);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
      {
        g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

        found |= g_strcmp0 (inflow_integration_get_token (integration), token) == 0;
      }
    g_assert_true (found);
  }
}

static void
go_to_arn_with (Fixture    *fixture,
                const char *arn)
{
  go_to_methods (fixture);
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "arn");
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "Role _ARN")), arn);
  onboarding_flush ();
}

/* A read-only token: Connect stays off, and says why. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *connect_button;
  const char *reason;

  fixture_teardown (fixture, NULL);
  setup (fixture, "demo-read-token", "management");

  reason = inflow_session_get_write_disabled_reason (fixture->env->session);
  g_assert_nonnull (reason);

  go_to_arn_with (fixture, NEW_ROLE);
  g_assert_true (gtk_widget_get_visible (onboarding_find_named (fixture->assistant, "read-only")));
  g_assert_cmpstr (label_text (fixture, "read-only-label"), ==, reason);

  connect_button = onboarding_find_named (fixture->assistant, "connect-button");
  g_assert_true (gtk_widget_get_visible (connect_button));
  g_assert_false (gtk_widget_get_sensitive (connect_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (connect_button), ==, reason);

  inflow_simulator_reset_request_counts (fixture->env->sim);
  gtk_widget_activate_action (fixture->assistant, "assistant.connect", NULL);
  g_signal_emit_by_name (row (fixture, "Role _ARN"), "entry-activated");
  onboarding_flush ();
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->env->sim, "/v1/integrations/aws"), ==, 0);
}

/* Vantage refuses the role (422): the reason goes under the field, which
 * keeps the ARN. A server error (500) shows in the error box, and the ARN
 * stays too. */
static void
test_api_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *arn_row;
  GtkWidget *error_box;

  go_to_arn_with (fixture, NEW_ROLE);
  arn_row = row (fixture, "Role _ARN");

  inflow_simulator_add_fault (fixture->env->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 422, 100, 1);
  gtk_widget_activate_action (fixture->assistant, "assistant.connect", NULL);
  onboarding_flush ();
  g_assert_true (onboarding_wait_for (connect_finished, fixture));
  g_assert_cmpstr (step (fixture), ==, "arn");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (arn_row)), ==, NEW_ROLE);
  g_assert_true (gtk_widget_has_css_class (onboarding_find_named (fixture->assistant, "arn-message"), "error"));
  g_assert_true (gtk_widget_has_css_class (arn_row, "error"));
  g_assert_cmpuint (fixture->activations->len, ==, 0);

  inflow_simulator_add_fault (fixture->env->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 500, 100, 1);
  gtk_widget_activate_action (fixture->assistant, "assistant.connect", NULL);
  onboarding_flush ();
  g_assert_true (onboarding_wait_for (connect_finished, fixture));
  error_box = onboarding_find_named (fixture->assistant, "api-error");
  g_assert_true (gtk_widget_get_visible (error_box));
  g_assert_cmpstr (label_text (fixture, "api-error-label"), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (arn_row)), ==, NEW_ROLE);
  g_assert_cmpstr (step (fixture), ==, "arn");
  g_assert_cmpuint (fixture->activations->len, ==, 0);

  /* Editing the field clears the box; a third try connects. */
  gtk_editable_set_text (GTK_EDITABLE (arn_row), NEW_ROLE " ");
  g_assert_false (gtk_widget_get_visible (error_box));
  gtk_widget_activate_action (fixture->assistant, "assistant.connect", NULL);
  g_assert_true (onboarding_wait_for (monitor_activated, fixture));
}

/* An ARN already connected, of another partition, or malformed: the field
 * says so and Connect stays off. */
static void
test_arn_validation (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *existing = onboarding_env_find_aws_integration (fixture->env, FALSE);
  g_autofree char *existing_arn = NULL;
  GtkWidget *connect_button;
  GtkWidget *arn_row;
  GListModel *integrations = inflow_session_get_integrations (fixture->env->session);

  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_strcmp0 (inflow_integration_get_token (integration), existing) == 0)
        existing_arn = g_strdup_printf ("arn:aws:iam::%s:role/x", inflow_integration_get_account_identifier (integration));
    }
  g_assert_nonnull (existing_arn);

  go_to_arn_with (fixture, "arn:aws:iam::12345:role/x");
  arn_row = row (fixture, "Role _ARN");
  connect_button = onboarding_find_named (fixture->assistant, "connect-button");
  g_assert_true (gtk_widget_has_css_class (arn_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (connect_button));

  gtk_editable_set_text (GTK_EDITABLE (arn_row), "arn:aws-us-gov:iam::" NEW_ACCOUNT ":role/x");
  g_assert_nonnull (strstr (label_text (fixture, "arn-message"), "aws-us-gov"));
  g_assert_false (gtk_widget_get_sensitive (connect_button));

  gtk_editable_set_text (GTK_EDITABLE (arn_row), existing_arn);
  g_assert_nonnull (strstr (label_text (fixture, "arn-message"), "already connected"));
  g_assert_false (gtk_widget_get_sensitive (connect_button));

  gtk_editable_set_text (GTK_EDITABLE (arn_row), NEW_ROLE);
  g_assert_false (gtk_widget_has_css_class (arn_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (connect_button));

  /* The bucket ARN was prefilled from the bucket name of the Details step */
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (row (fixture, "CUR B_ucket ARN (Optional)"))),
                                   "arn:aws:s3:::vantage-cur-"));
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "CUR B_ucket ARN (Optional)")), "arn:aws:s3:::Not_A_Bucket");
  g_assert_false (gtk_widget_get_sensitive (connect_button));
}

/* A member account while no management account is connected: the caution. */
static void
test_member_caution (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *caution;
  GtkWidget *management_row = NULL;
  GtkWidget *member_row = NULL;

  /* With the management account connected, no caution */
  next (fixture);
  caution = onboarding_find_named (fixture->assistant, "caution");
  member_row = onboarding_find_widget (fixture->assistant, ADW_TYPE_ACTION_ROW, "M_ember Account");
  g_assert_nonnull (member_row);
  adw_action_row_activate (ADW_ACTION_ROW (member_row));
  onboarding_flush ();
  g_assert_false (gtk_widget_get_visible (caution));

  fixture_teardown (fixture, NULL);
  fixture->env = onboarding_env_new ("demo-token");
  onboarding_env_drop_management (fixture->env);
  fixture->activations = g_ptr_array_new_with_free_func (g_free);
  fixture->parent = onboarding_recording_window_new (fixture->activations);
  fixture->assistant = GTK_WIDGET (inflow_connect_assistant_new (fixture->parent, fixture->env->session, ""));
  g_object_add_weak_pointer (G_OBJECT (fixture->assistant), (gpointer *) &fixture->assistant);
  gtk_window_present (GTK_WINDOW (fixture->assistant));
  onboarding_flush ();

  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "account");
  /* Nothing chosen yet: Next waits */
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "account");

  caution = onboarding_find_named (fixture->assistant, "caution");
  g_assert_false (gtk_widget_get_visible (caution));

  member_row = onboarding_find_widget (fixture->assistant, ADW_TYPE_ACTION_ROW, "M_ember Account");
  adw_action_row_activate (ADW_ACTION_ROW (member_row));
  onboarding_flush ();
  g_assert_true (gtk_widget_get_visible (caution));
  g_assert_nonnull (strstr (label_text (fixture, "caution-text"), "Reserved Instances"));
  g_assert_nonnull (strstr (label_text (fixture, "caution-text"), "cost allocation tags"));

  /* "Connect the management account instead" */
  gtk_widget_activate_action (fixture->assistant, "assistant.choose-management", NULL);
  onboarding_flush ();
  g_assert_false (gtk_widget_get_visible (caution));
  management_row = onboarding_find_widget (fixture->assistant, ADW_TYPE_ACTION_ROW, "_Management Account");
  g_assert_nonnull (management_row);

  /* Going on as a member is allowed, after the caution */
  adw_action_row_activate (ADW_ACTION_ROW (member_row));
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");
}

/* The provider info fails to load: an error with Retry, which works. */
static void
test_info_error_retry (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *state;

  fixture_teardown (fixture, NULL);
  fixture->env = onboarding_env_new ("demo-token");
  inflow_client_set_retry_policy (fixture->env->client, 1, 0);
  inflow_simulator_add_fault (fixture->env->sim, "GET", "/v1/integrations/aws/info", INFLOW_SIM_FAULT_STATUS, 500, 0, 0);
  fixture->activations = g_ptr_array_new_with_free_func (g_free);
  fixture->parent = onboarding_recording_window_new (fixture->activations);
  fixture->assistant = GTK_WIDGET (inflow_connect_assistant_new (fixture->parent, fixture->env->session, "member"));
  g_object_add_weak_pointer (G_OBJECT (fixture->assistant), (gpointer *) &fixture->assistant);
  gtk_window_present (GTK_WINDOW (fixture->assistant));
  onboarding_flush ();

  next (fixture);
  next (fixture);
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "methods");
  state = onboarding_find_named (fixture->assistant, "methods-state");
  while (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (state)), "loading") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (state)), ==, "error");

  /* Next waits for the info */
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "methods");

  inflow_simulator_clear_faults (fixture->env->sim);
  gtk_widget_activate_action (fixture->assistant, "assistant.retry", NULL);
  g_assert_true (onboarding_wait_for (methods_ready, fixture));
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "arn");
}

/* Details: a bad bucket name holds the assistant on the step, with the
 * reason; going back and forth keeps what was typed. */
static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *bucket_row;

  next (fixture);
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");
  bucket_row = row (fixture, "_Bucket Name");
  gtk_editable_set_text (GTK_EDITABLE (bucket_row), "Not_A_Bucket");
  onboarding_flush ();
  g_assert_true (gtk_widget_has_css_class (bucket_row, "error"));
  g_assert_cmpstr (label_text (fixture, "details-message"), !=, "");
  g_assert_true (gtk_widget_has_css_class (onboarding_find_named (fixture->assistant, "details-message"), "error"));
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");

  gtk_editable_set_text (GTK_EDITABLE (bucket_row), "my-cur-bucket-2026");
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "methods");
  gtk_widget_activate_action (fixture->assistant, "assistant.back", NULL);
  onboarding_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bucket_row)), ==, "my-cur-bucket-2026");

  gtk_widget_activate_action (fixture->assistant, "assistant.back", NULL);
  gtk_widget_activate_action (fixture->assistant, "assistant.back", NULL);
  gtk_widget_activate_action (fixture->assistant, "assistant.back", NULL);
  onboarding_flush ();
  g_assert_cmpstr (step (fixture), ==, "intro");
}

/* GovCloud: no role can be made there; the Details step says why and
 * holds the assistant. */
static void
test_govcloud (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *partition_row;

  next (fixture);
  partition_row = onboarding_find_widget (fixture->assistant, ADW_TYPE_COMBO_ROW, "_Partition");
  g_assert_nonnull (partition_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (partition_row), 1);
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");
  g_assert_nonnull (strstr (label_text (fixture, "details-message"), "paired"));
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");
}

/* Escape closes the assistant. */
static void
test_escape_closes (Fixture       *fixture,
                    gconstpointer  data)
{
  gtk_widget_activate_action (fixture->assistant, "window.close", NULL);
  onboarding_flush ();
  g_assert_null (fixture->assistant);
}

static void
test_stackset_start (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *methods_stack;
  GtkWidget *targets;

  go_to_methods (fixture);
  methods_stack = onboarding_find_widget (fixture->assistant, ADW_TYPE_VIEW_STACK, NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (methods_stack)), ==, "stackset");

  targets = row (fixture, "_Organizational Units or Root");
  gtk_editable_set_text (GTK_EDITABLE (targets), "ou-bad");
  g_assert_true (gtk_widget_has_css_class (targets, "error"));
  gtk_editable_set_text (GTK_EDITABLE (targets), "ou-ab12-34cd56ef, r-ab12");
  g_assert_false (gtk_widget_has_css_class (targets, "error"));
  g_assert_nonnull (strstr (inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->assistant, "4. Deploy It to the Member Accounts"))),
                            "ou-ab12-34cd56ef"));

  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "_Error Message")),
                         "An error occurred (ValidationError) when calling the CreateStackSet operation: "
                         "You must enable organizations access to operate a service managed stack set");
  g_assert_nonnull (strstr (inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->assistant, "Fix"))),
                            "activate-organizations-access"));
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

  g_test_add ("/ui/connect/iam-console-paste-connect", Fixture, NULL, fixture_setup, test_iam_console_connect, fixture_teardown);
  g_test_add ("/ui/connect/read-only", Fixture, NULL, fixture_setup, test_read_only, fixture_teardown);
  g_test_add ("/ui/connect/api-errors", Fixture, NULL, fixture_setup, test_api_errors, fixture_teardown);
  g_test_add ("/ui/connect/arn-validation", Fixture, NULL, fixture_setup, test_arn_validation, fixture_teardown);
  g_test_add ("/ui/connect/member-caution", Fixture, NULL, fixture_setup, test_member_caution, fixture_teardown);
  g_test_add ("/ui/connect/info-error-retry", Fixture, NULL, fixture_setup, test_info_error_retry, fixture_teardown);
  g_test_add ("/ui/connect/details", Fixture, NULL, fixture_setup, test_details, fixture_teardown);
  g_test_add ("/ui/connect/govcloud", Fixture, NULL, fixture_setup, test_govcloud, fixture_teardown);
  g_test_add ("/ui/connect/escape-closes", Fixture, NULL, fixture_setup, test_escape_closes, fixture_teardown);
  g_test_add ("/ui/connect/stackset", Fixture, "stackset", fixture_setup, test_stackset_start, fixture_teardown);

  status = inflow_test_run ();
  g_clear_pointer (&opened_uris, g_ptr_array_unref);

  return status;
}
