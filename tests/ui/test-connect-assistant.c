/* test-connect-assistant.c: the Connect AWS assistant against the simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-aws-connector.h"
#include "inflow-cloud-account.h"
#include "inflow-code-view.h"
#include "inflow-connect-account-step.h"
#include "inflow-connect-arn-step.h"
#include "inflow-connect-assistant.h"
#include "inflow-connect-methods.h"
#include "inflow-member-row.h"
#include "inflow-stackset-members.h"
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
  GtkWidget     *assistant;   /* NULL once it is gone */
  GtkWidget     *reference;   /* keeps it until the teardown checks it goes */
} Fixture;

static GPtrArray *opened_uris;

static void
record_uri (GtkWindow  *parent,
            const char *uri)
{
  g_ptr_array_add (opened_uris, g_strdup (uri));
}

/* Closing drops the window from the toplevels; the teardown's reference
 * then is the last. */
static gboolean
close_request_cb (GtkWindow *window,
                  Fixture   *fixture)
{
  fixture->assistant = NULL;
  return FALSE;
}

static void
open_assistant (Fixture    *fixture,
                const char *start)
{
  fixture->assistant = GTK_WIDGET (inflow_connect_assistant_new (fixture->parent, fixture->env->session, start));
  fixture->reference = g_object_ref (fixture->assistant);
  g_signal_connect (fixture->assistant, "close-request", G_CALLBACK (close_request_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->assistant));
  onboarding_flush ();
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
  inflow_aws_connector_set_find_policy (inflow_session_get_aws_connector (fixture->env->session), 5, 50);
  open_assistant (fixture, start);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  setup (fixture, "demo-token", data != NULL ? data : "management");
}

/* The assistant, closed by the test or not, goes away whole. */
static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->assistant != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->assistant));
  onboarding_flush ();
  if (fixture->reference != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->reference));
  gtk_window_destroy (fixture->parent);
  onboarding_flush ();
  g_clear_pointer (&fixture->activations, g_ptr_array_unref);
  g_clear_pointer (&fixture->env, onboarding_env_free);
  g_ptr_array_set_size (opened_uris, 0);
}

static const char *
step (Fixture *fixture)
{
  GtkWidget *steps = onboarding_template_child (fixture->assistant, INFLOW_TYPE_CONNECT_ASSISTANT, "steps");

  return gtk_stack_get_visible_child_name (GTK_STACK (steps));
}

/* The first widget of @type in the assistant: a step, the methods. */
static GtkWidget *
part (Fixture *fixture,
      GType    type)
{
  GtkWidget *found = onboarding_find_widget (fixture->assistant, type, NULL);

  g_assert_nonnull (found);
  return found;
}

static void
show_method (Fixture    *fixture,
             const char *method)
{
  inflow_connect_methods_set_method (INFLOW_CONNECT_METHODS (part (fixture, INFLOW_TYPE_CONNECT_METHODS)), method);
  onboarding_flush ();
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
  gtk_widget_activate_action (part (fixture, INFLOW_TYPE_CONNECT_ARN_STEP), "arn.paste", NULL);
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
  GtkWidget *trust_view;
  g_autofree char *trust = NULL;
  g_autofree char *get_role = NULL;
  g_autofree char *json = NULL;
  GtkWidget *arn_row;
  const char *token;

  go_to_methods (fixture);

  show_method (fixture, INFLOW_CONNECT_METHOD_IAM_CONSOLE);

  trust_view = onboarding_find_code_view (fixture->assistant, "Trust Policy");
  g_assert_nonnull (trust_view);
  trust = g_strdup (inflow_code_view_get_text (INFLOW_CODE_VIEW (trust_view)));
  g_assert_nonnull (strstr (trust, "sts:ExternalId"));
  g_assert_nonnull (onboarding_find_code_view (fixture->assistant, "Inline Policy “root”"));

  /* Copy puts the document on the clipboard */
  gtk_widget_activate_action (trust_view, "code.copy", NULL);

  /* The console link is allowed and goes through the URI launcher */
  gtk_widget_activate_action (part (fixture, INFLOW_TYPE_CONNECT_METHODS), "methods.open-iam", NULL);
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
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (row (fixture, "Report B_ucket ARN (Optional)"))),
                                   "arn:aws:s3:::vantage-cur-"));
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "Report B_ucket ARN (Optional)")), "arn:aws:s3:::Not_A_Bucket");
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
  open_assistant (fixture, "");

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
  gtk_widget_activate_action (part (fixture, INFLOW_TYPE_CONNECT_ACCOUNT_STEP), "account.choose-management", NULL);
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
  open_assistant (fixture, "member");

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

/* GovCloud: no role is made there. Choosing it explains that its costs
 * come through the paired standard account and holds the assistant; the
 * offer turns the choice into that account, whose steps say why. */
static void
test_govcloud (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *govcloud_row;
  GtkWidget *govcloud_switch;
  GtkWidget *govcloud_box;
  g_autofree char *script = NULL;

  next (fixture);
  govcloud_row = onboarding_find_widget (fixture->assistant, ADW_TYPE_ACTION_ROW, "AWS _GovCloud (US) Account");
  g_assert_nonnull (govcloud_row);
  govcloud_switch = onboarding_find_widget (govcloud_row, GTK_TYPE_SWITCH, NULL);
  govcloud_box = onboarding_find_named (fixture->assistant, "govcloud");
  g_assert_false (gtk_widget_get_visible (govcloud_box));

  gtk_switch_set_active (GTK_SWITCH (govcloud_switch), TRUE);
  onboarding_flush ();
  g_assert_true (gtk_widget_get_visible (govcloud_box));
  g_assert_nonnull (strstr (label_text (fixture, "govcloud-text"), "paired"));
  g_assert_nonnull (strstr (label_text (fixture, "govcloud-text"), "Active Resources"));
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "account");

  /* Connect the paired standard account instead */
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "GovCloud Account _ID (Optional)")), "135792468013");
  gtk_widget_activate_action (part (fixture, INFLOW_TYPE_CONNECT_ACCOUNT_STEP), "account.connect-paired", NULL);
  onboarding_flush ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (govcloud_switch)));
  g_assert_false (gtk_widget_get_visible (govcloud_box));
  g_assert_nonnull (strstr (label_text (fixture, "paired-note"), "135792468013"));

  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");
  next (fixture);
  g_assert_true (onboarding_wait_for (methods_ready, fixture));
  show_method (fixture, INFLOW_CONNECT_METHOD_CLI);
  script = g_strdup (inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->assistant, "Connection Script"))));
  g_assert_nonnull (strstr (script, "135792468013"));
  g_assert_null (strstr (script, "aws-us-gov"));
}

/* CUR 2.0 is a choice (a legacy report by default, as Vantage makes it):
 * every method follows it, and an existing bucket brings the caution
 * against two kinds of report in one bucket. */
static void
test_cur2 (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *kind_row;
  GtkWidget *warning;
  g_autofree char *script = NULL;
  g_autofree char *terraform = NULL;

  next (fixture);
  next (fixture);
  kind_row = onboarding_find_widget (fixture->assistant, ADW_TYPE_COMBO_ROW, "Report _Kind");
  g_assert_nonnull (kind_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind_row)), ==, 0);
  warning = onboarding_find_named (fixture->assistant, "cur-warning");

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 1);
  gtk_switch_set_active (GTK_SWITCH (onboarding_find_widget (onboarding_find_widget (fixture->assistant, ADW_TYPE_ACTION_ROW,
                                                                                     "Use an E_xisting Bucket"),
                                                             GTK_TYPE_SWITCH, NULL)), TRUE);
  onboarding_flush ();
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (warning)), "twice"));
  g_assert_nonnull (onboarding_find_widget (fixture->assistant, ADW_TYPE_ENTRY_ROW, "_Export Name"));

  next (fixture);
  g_assert_true (onboarding_wait_for (methods_ready, fixture));
  show_method (fixture, INFLOW_CONNECT_METHOD_CLI);
  script = g_strdup (inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->assistant, "Connection Script"))));
  g_assert_nonnull (strstr (script, "bcm-data-exports create-export"));
  show_method (fixture, INFLOW_CONNECT_METHOD_TERRAFORM);
  terraform = g_strdup (inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->assistant, "Terraform Configuration"))));
  g_assert_nonnull (strstr (terraform, "upgrade_to_cur_2"));
  g_assert_nonnull (strstr (terraform, "existing_cur_bucket_name"));
}

/* Step 1 says what the role allows, from Vantage's policies: Autopilot's
 * actions are named, not summed up as "only Savings Plans". */
static void
test_security_words (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *words;

  g_assert_true (onboarding_wait_for (methods_ready, fixture));
  words = label_text (fixture, "security-words");
  g_assert_nonnull (strstr (words, "VantageAutoPilot"));
  g_assert_nonnull (strstr (words, "savingsplans:"));
  g_assert_nonnull (strstr (words, "not read-only"));
  g_assert_null (strstr (words, "only Savings Plans"));
}

/* A member account has no bucket: neither the field nor its caption. */
static void
test_member_arn_step (Fixture       *fixture,
                      gconstpointer  data)
{
  go_to_arn_with (fixture, NEW_ROLE);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (onboarding_find_named (fixture->assistant, "bucket-arn-message"))));
  g_assert_true (gtk_widget_get_sensitive (onboarding_find_named (fixture->assistant, "connect-button")));
}

/* After Next, the focus is in the new step, not nowhere. */
static void
test_focus_after_next (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *focus;

  next (fixture);
  next (fixture);
  g_assert_cmpstr (step (fixture), ==, "details");
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->assistant));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (GTK_STACK (onboarding_template_child (fixture->assistant,
                                                                                                                INFLOW_TYPE_CONNECT_ASSISTANT,
                                                                                                                "steps")))));
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
  g_autofree char *method = NULL;
  GtkWidget *methods;
  GtkWidget *note_box;
  GtkWidget *targets;

  go_to_methods (fixture);
  methods = part (fixture, INFLOW_TYPE_CONNECT_METHODS);
  g_object_get (methods, "method", &method, NULL);
  g_assert_cmpstr (method, ==, "stackset");

  /* No warning banner, empty or not, before there are units to deploy to */
  note_box = onboarding_template_child (methods, INFLOW_TYPE_CONNECT_METHODS, "stackset_note_box");
  g_assert_false (gtk_widget_get_visible (note_box));

  targets = row (fixture, "_Organizational Units or Root");
  gtk_editable_set_text (GTK_EDITABLE (targets), "ou-bad");
  g_assert_true (gtk_widget_has_css_class (targets, "error"));
  gtk_editable_set_text (GTK_EDITABLE (targets), "ou-ab12-34cd56ef, r-ab12");
  g_assert_false (gtk_widget_has_css_class (targets, "error"));
  g_assert_nonnull (strstr (inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->assistant, "4. Deploy It to the Member Accounts"))),
                            "ou-ab12-34cd56ef"));
  g_assert_true (gtk_widget_get_visible (note_box));

  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "_Error Message")),
                         "An error occurred (ValidationError) when calling the CreateStackSet operation: "
                         "You must enable organizations access to operate a service managed stack set");
  g_assert_nonnull (strstr (inflow_code_view_get_text (INFLOW_CODE_VIEW (onboarding_find_code_view (fixture->assistant, "Fix"))),
                            "activate-organizations-access"));
}

/* ---- the StackSet's members --------------------------------------------- */

typedef struct
{
  GPtrArray *unconnected;   /* member accounts without an integration */
  char      *connected;     /* one with */
} Members;

static void
find_members (Fixture *fixture,
              Members *members)
{
  GListModel *accounts = inflow_session_get_cloud_accounts (fixture->env->session);

  members->unconnected = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(InflowIntegration) own = NULL;
      const char *id = inflow_cloud_account_get_account_id (account);
      const char *management = inflow_cloud_account_get_management_account_id (account);

      if (management == NULL || g_strcmp0 (id, management) == 0 ||
          g_strcmp0 (inflow_cloud_account_get_partition (account), "aws") != 0)
        continue;

      own = inflow_aws_find_integration (inflow_session_get_integrations (fixture->env->session), id);
      if (own != NULL && members->connected == NULL)
        members->connected = g_strdup (id);
      else if (own == NULL && members->unconnected->len < 3)
        g_ptr_array_add (members->unconnected, g_strdup (id));
    }
  g_assert_nonnull (members->connected);
  g_assert_cmpuint (members->unconnected->len, ==, 3);
}

static guint
count_integrations (Fixture    *fixture,
                    const char *account_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) integrations = NULL;
  g_autoptr(GError) error = NULL;
  guint n_invalid;

  inflow_client_list_integrations_async (fixture->env->client, "aws", account_id, NULL, inflow_test_store_result_cb, &result);
  integrations = inflow_client_list_integrations_finish (fixture->env->client, inflow_test_wait_result (&result), &n_invalid, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (integrations);
}

static gboolean
members_listed (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_visible (onboarding_find_named (fixture->assistant, "members"));
}

/* No row is waiting, registering or registered-but-not-found. */
static gboolean
register_done (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *list = onboarding_find_named (fixture->assistant, "members");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *status = gtk_label_get_label (GTK_LABEL (onboarding_template_child (child, INFLOW_TYPE_MEMBER_ROW, "status_label")));

      if (g_str_equal (status, "Waiting") || g_str_equal (status, "Registering…") || g_str_equal (status, "Registered"))
        return FALSE;
    }

  return TRUE;
}

/* The status shown on the row of @account_id, and its words. */
static const char *
member_status (Fixture     *fixture,
               const char  *account_id,
               const char **subtitle)
{
  GtkWidget *list = onboarding_find_named (fixture->assistant, "members");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
      const char *words = adw_action_row_get_subtitle (ADW_ACTION_ROW (child));

      /* The ID is the title, or under the account's name */
      if (!INFLOW_IS_MEMBER_ROW (child) ||
          (strstr (title, account_id) == NULL && (words == NULL || strstr (words, account_id) == NULL)))
        continue;

      if (subtitle != NULL)
        *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (child));
      return gtk_label_get_label (GTK_LABEL (onboarding_template_child (child, INFLOW_TYPE_MEMBER_ROW, "status_label")));
    }

  return NULL;
}

/* After the StackSet deploys: the pasted stack instances of four members,
 * one already connected (never sent again), one answered with a 422 (its
 * row says so in the API's words); Retry registers it. The simulator ends
 * with one integration per member. */
static void
test_stackset_members (Fixture       *fixture,
                       gconstpointer  data)
{
  Members members = { 0 };
  g_autoptr(GString) json = g_string_new ("{\"Summaries\": [");
  GtkWidget *members_view;
  GtkWidget *register_button;
  const char *subtitle = NULL;

  find_members (fixture, &members);
  for (guint i = 0; i < members.unconnected->len; i++)
    g_string_append_printf (json, "{\"Account\": \"%s\", \"Status\": \"CURRENT\"},",
                            (const char *) g_ptr_array_index (members.unconnected, i));
  g_string_append_printf (json, "{\"Account\": \"%s\", \"Status\": \"CURRENT\"}]}", members.connected);

  go_to_methods (fixture);
  members_view = part (fixture, INFLOW_TYPE_STACKSET_MEMBERS);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (fixture->assistant), json->str);
  gtk_widget_activate_action (members_view, "members.paste", NULL);
  g_assert_true (onboarding_wait_for (members_listed, fixture));
  g_assert_cmpstr (member_status (fixture, members.connected, NULL), ==, "Already connected");

  inflow_simulator_reset_request_counts (fixture->env->sim);
  inflow_simulator_add_fault (fixture->env->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 422, 0, 1);
  register_button = onboarding_find_named (fixture->assistant, "register-button");
  gtk_widget_activate_action (members_view, "members.register", NULL);
  onboarding_flush ();
  g_assert_false (gtk_widget_get_sensitive (register_button));
  g_assert_true (onboarding_wait_for (register_done, fixture));

  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->env->sim, "/v1/integrations/aws"), ==, 3);
  g_assert_cmpstr (member_status (fixture, g_ptr_array_index (members.unconnected, 0), &subtitle), ==, "Failed");
  g_assert_nonnull (subtitle);
  g_assert_nonnull (strstr (subtitle, "422"));
  g_assert_cmpstr (member_status (fixture, g_ptr_array_index (members.unconnected, 1), NULL), ==, "Connected");
  g_assert_cmpstr (member_status (fixture, g_ptr_array_index (members.unconnected, 2), NULL), ==, "Connected");
  g_assert_nonnull (strstr (label_text (fixture, "members-summary"), "1 failed"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (register_button)), ==, "_Retry the Failed");

  /* Retry sends only the failed one */
  inflow_simulator_reset_request_counts (fixture->env->sim);
  gtk_widget_activate_action (members_view, "members.register", NULL);
  g_assert_true (onboarding_wait_for (register_done, fixture));
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->env->sim, "/v1/integrations/aws"), ==, 1);
  g_assert_cmpstr (member_status (fixture, g_ptr_array_index (members.unconnected, 0), NULL), ==, "Connected");
  g_assert_false (gtk_widget_get_sensitive (register_button));

  for (guint i = 0; i < members.unconnected->len; i++)
    g_assert_cmpuint (count_integrations (fixture, g_ptr_array_index (members.unconnected, i)), ==, 1);
  g_assert_cmpuint (count_integrations (fixture, members.connected), ==, 1);

  /* The monitor of a new member opens from here */
  gtk_widget_activate_action (members_view, "members.monitor", NULL);
  onboarding_flush ();
  g_assert_cmpuint (fixture->activations->len, ==, 1);
  g_assert_null (fixture->assistant);

  g_ptr_array_unref (members.unconnected);
  g_free (members.connected);
}

/* ---- waiting for a role registered elsewhere ---------------------------- */

typedef struct
{
  InflowClient *other;
  GAsyncResult *result;
} Elsewhere;

static gboolean
register_elsewhere_cb (gpointer data)
{
  Elsewhere *elsewhere = data;

  inflow_client_create_aws_integration_async (elsewhere->other, NEW_ROLE, NULL, NULL,
                                              inflow_test_store_result_cb, &elsewhere->result);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_found (gpointer data)
{
  GtkWidget *wait_view = data;

  return gtk_widget_get_visible (onboarding_template_child (wait_view, G_OBJECT_TYPE (wait_view), "monitor_button"));
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* At the simulator's real speed: the Terraform method waits for the new
 * integration (Vantage's module registers it; here a second client does,
 * behind Inflow's back), shows it, and opens its monitor. Stop Waiting
 * stops the poll. */
static void
test_wait_for_role (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(InflowAwsAccessCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  Elsewhere elsewhere = { 0 };
  GtkWidget *wait_view;
  GtkWidget *wait_row;
  guint before;

  g_assert_cmpfloat (inflow_simulator_get_time_scale (fixture->env->sim), ==, 1.0);
  go_to_methods (fixture);
  show_method (fixture, INFLOW_CONNECT_METHOD_TERRAFORM);
  wait_view = onboarding_template_child (part (fixture, INFLOW_TYPE_CONNECT_METHODS), INFLOW_TYPE_CONNECT_METHODS, "terraform_wait");
  wait_row = onboarding_find_named (wait_view, "wait-row");
  g_assert_true (gtk_widget_get_mapped (wait_row));

  /* Waiting, then not */
  inflow_simulator_reset_request_counts (fixture->env->sim);
  gtk_widget_activate_action (wait_row, "wait.start", NULL);
  onboarding_flush ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (wait_row)), "Waiting for Vantage to see the role"));
  gtk_widget_activate_action (wait_row, "wait.cancel", NULL);
  before = inflow_simulator_get_request_count (fixture->env->sim, "/v2/integrations");
  inflow_test_wait_until (never, NULL, 6000);
  g_assert_cmpuint (inflow_simulator_get_request_count (fixture->env->sim, "/v2/integrations"), ==, before);

  /* Waiting until a second client registers a role */
  elsewhere.other = inflow_client_new (inflow_simulator_get_base_url (fixture->env->sim), "demo-token", &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (wait_row, "wait.start", NULL);
  g_timeout_add (1000, register_elsewhere_cb, &elsewhere);
  g_assert_true (onboarding_wait_for (wait_found, wait_view));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (wait_row)), NEW_ACCOUNT));
  g_assert_nonnull (inflow_aws_find_integration (inflow_session_get_integrations (fixture->env->session), NEW_ACCOUNT));

  gtk_widget_activate_action (wait_row, "wait.monitor", NULL);
  onboarding_flush ();
  g_assert_cmpuint (fixture->activations->len, ==, 1);
  g_assert_null (fixture->assistant);

  credential = inflow_client_create_aws_integration_finish (elsewhere.other, inflow_test_wait_result (&elsewhere.result), &error);
  g_assert_no_error (error);
  g_clear_object (&elsewhere.result);
  g_clear_object (&elsewhere.other);
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
  g_test_add ("/ui/connect/stackset-members", Fixture, "stackset", fixture_setup, test_stackset_members, fixture_teardown);
  g_test_add ("/ui/connect/wait-for-role", Fixture, NULL, fixture_setup, test_wait_for_role, fixture_teardown);
  g_test_add ("/ui/connect/cur2", Fixture, NULL, fixture_setup, test_cur2, fixture_teardown);
  g_test_add ("/ui/connect/security-words", Fixture, NULL, fixture_setup, test_security_words, fixture_teardown);
  g_test_add ("/ui/connect/member-arn-step", Fixture, "member", fixture_setup, test_member_arn_step, fixture_teardown);
  g_test_add ("/ui/connect/focus-after-next", Fixture, NULL, fixture_setup, test_focus_after_next, fixture_teardown);

  status = inflow_test_run ();
  g_clear_pointer (&opened_uris, g_ptr_array_unref);

  return status;
}
