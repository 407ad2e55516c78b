/* view-onboarding.c: shows an onboarding window in a given state and grabs the screen
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: a viewer for screenshots. Run it in an X server as large as
 * the window, e.g.
 *
 *   xvfb-run -a -s "-screen 0 1000x720x24" \
 *     build/tests/ui/view-onboarding methods shot.png 1000 720
 *
 * and with ADW_DEBUG_COLOR_SCHEME=prefer-dark for the dark style. The scenes:
 * intro, account, govcloud, details, methods, cloudformation, terraform,
 * waiting, stackset, stackset-members, arn-error, arn-pasted, arn-member,
 * read-only, update, update-unrecorded, backfill, backfill-error.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-backfill-dialog.h"
#include "inflow-aws-connector.h"
#include "inflow-cloud-account.h"
#include "inflow-connect-arn-step.h"
#include "inflow-connect-assistant.h"
#include "inflow-connect-methods.h"
#include "inflow-stackset-members.h"
#include "inflow-test-utils.h"
#include "inflow-update-permissions-dialog.h"
#include "onboarding-ui-support.h"

#define ROLE_ARN "arn:aws:iam::246813579024:role/vantage_cross_account_connection"

static gboolean
methods_ready (gpointer data)
{
  GtkWidget *methods = onboarding_find_widget (GTK_WIDGET (data), INFLOW_TYPE_CONNECT_METHODS, NULL);

  return methods != NULL && gtk_widget_get_mapped (methods);
}

static void
show_method (GtkWidget  *assistant,
             const char *method)
{
  inflow_connect_methods_set_method (INFLOW_CONNECT_METHODS (onboarding_find_widget (assistant, INFLOW_TYPE_CONNECT_METHODS, NULL)),
                                     method);
  onboarding_flush ();
}

static void
activate_in (GtkWidget  *root,
             GType       type,
             const char *action)
{
  gtk_widget_activate_action (onboarding_find_widget (root, type, NULL), action, NULL);
  onboarding_flush ();
}

/* Scrolls @widget's scrolled window to show it at the top. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  onboarding_flush ();
  if (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y - 12);
  onboarding_flush ();
}

static gboolean
register_ready (gpointer data)
{
  return gtk_widget_get_sensitive (onboarding_find_named (GTK_WIDGET (data), "register-button"));
}

static gboolean
members_listed (gpointer data)
{
  GtkWidget *list = onboarding_find_named (GTK_WIDGET (data), "members");

  return list != NULL && gtk_widget_get_visible (list);
}

static void
next (GtkWidget *assistant)
{
  gtk_widget_activate_action (assistant, "assistant.next", NULL);
  onboarding_flush ();
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = onboarding_find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
arn_filled (gpointer data)
{
  GtkWidget *row = onboarding_find_widget (GTK_WIDGET (data), ADW_TYPE_ENTRY_ROW, "Role _ARN");

  return *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0';
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* list-stack-instances of three member accounts without an integration,
 * one with an integration and one whose stack failed. */
static char *
stack_instances_json (OnboardingEnv *env)
{
  GListModel *accounts = inflow_session_get_cloud_accounts (env->session);
  GString *json = g_string_new ("{\"Summaries\": [");
  guint n_new = 0, n_connected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (accounts) && (n_new < 4 || n_connected < 1); i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(InflowIntegration) own = NULL;
      const char *id = inflow_cloud_account_get_account_id (account);
      const char *management = inflow_cloud_account_get_management_account_id (account);

      if (management == NULL || g_strcmp0 (id, management) == 0 ||
          g_strcmp0 (inflow_cloud_account_get_partition (account), "aws") != 0)
        continue;

      own = inflow_aws_find_integration (inflow_session_get_integrations (env->session), id);
      if (own != NULL && n_connected++ == 0)
        g_string_append_printf (json, "{\"Account\": \"%s\", \"Status\": \"CURRENT\"},", id);
      else if (own == NULL && n_new++ < 3)
        g_string_append_printf (json, "{\"Account\": \"%s\", \"Status\": \"CURRENT\"},", id);
      else if (own == NULL && n_new == 4)
        g_string_append_printf (json, "{\"Account\": \"%s\", \"Status\": \"OUTDATED\", \"StatusReason\": "
                                      "\"Role already exists\", \"StackInstanceStatus\": {\"DetailedStatus\": \"FAILED\"}},", id);
    }
  g_string_truncate (json, json->len - 1);
  g_string_append (json, "]}");

  return g_string_free (json, FALSE);
}

static GtkWidget *
open_assistant (OnboardingEnv *env,
                GtkWindow     *parent,
                const char    *start,
                const char    *scene)
{
  GtkWidget *assistant = GTK_WIDGET (inflow_connect_assistant_new (parent, env->session, start));
  g_autofree char *instances = stack_instances_json (env);

  gtk_window_present (GTK_WINDOW (assistant));
  onboarding_wait_for (is_mapped, assistant);

  if (g_str_equal (scene, "intro"))
    return assistant;

  next (assistant);
  if (g_str_equal (scene, "account"))
    return assistant;
  if (g_str_equal (scene, "govcloud"))
    {
      gtk_switch_set_active (GTK_SWITCH (onboarding_find_widget (onboarding_find_widget (assistant, ADW_TYPE_ACTION_ROW, "AWS _GovCloud (US) Account"),
                                                                 GTK_TYPE_SWITCH, NULL)), TRUE);
      set_row_text (assistant, "GovCloud Account _ID (Optional)", "135792468013");
      return assistant;
    }

  next (assistant);
  if (g_str_equal (scene, "details"))
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (onboarding_find_widget (assistant, ADW_TYPE_COMBO_ROW, "Report _Kind")), 1);
      gtk_switch_set_active (GTK_SWITCH (onboarding_find_widget (onboarding_find_widget (assistant, ADW_TYPE_ACTION_ROW, "Use an E_xisting Bucket"),
                                                                 GTK_TYPE_SWITCH, NULL)), TRUE);
      return assistant;
    }

  next (assistant);
  onboarding_wait_for (methods_ready, assistant);
  if (g_str_equal (scene, "methods"))
    {
      show_method (assistant, "iam-console");
      return assistant;
    }
  if (g_str_equal (scene, "cloudformation") || g_str_equal (scene, "terraform"))
    {
      show_method (assistant, scene);
      return assistant;
    }
  if (g_str_equal (scene, "waiting"))
    {
      GtkWidget *methods = onboarding_find_widget (assistant, INFLOW_TYPE_CONNECT_METHODS, NULL);

      show_method (assistant, "terraform");
      gtk_widget_activate_action (onboarding_find_named (onboarding_template_child (methods, INFLOW_TYPE_CONNECT_METHODS, "terraform_wait"),
                                                         "wait-row"),
                                  "wait.start", NULL);
      onboarding_flush ();
      return assistant;
    }
  if (g_str_has_prefix (scene, "stackset"))
    {
      show_method (assistant, "stackset");
      set_row_text (assistant, "_Organizational Units or Root", "ou-ab12-34cd56ef");
      if (g_str_equal (scene, "stackset"))
        {
          set_row_text (assistant, "_Error Message",
                        "An error occurred (ValidationError) when calling the CreateStackSet operation: "
                        "You must enable organizations access to operate a service managed stack set");
          return assistant;
        }
      gdk_clipboard_set_text (gtk_widget_get_clipboard (assistant), instances);
      activate_in (assistant, INFLOW_TYPE_STACKSET_MEMBERS, "members.paste");
      onboarding_wait_for (members_listed, assistant);
      inflow_simulator_add_fault (env->sim, "POST", "/v1/integrations/aws", INFLOW_SIM_FAULT_STATUS, 422, 0, 1);
      activate_in (assistant, INFLOW_TYPE_STACKSET_MEMBERS, "members.register");
      onboarding_wait_for (register_ready, assistant);
      scroll_to (onboarding_find_widget (assistant, INFLOW_TYPE_STACKSET_MEMBERS, NULL));
      return assistant;
    }

  next (assistant);
  if (g_str_equal (scene, "arn-error"))
    {
      set_row_text (assistant, "Role _ARN", "arn:aws:iam::24681357902:role/vantage_cross_account_connection");
    }
  else if (g_str_equal (scene, "arn-pasted") || g_str_equal (scene, "read-only"))
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (assistant),
                              "{\"Role\": {\"Path\": \"/\", \"RoleName\": \"vantage_cross_account_connection\", "
                              "\"Arn\": \"" ROLE_ARN "\", \"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", "
                              "\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                              "\"arn:aws:iam::630399649041:role/vantage-demo\"}, \"Action\": \"sts:AssumeRole\"}]}}}");
      activate_in (assistant, INFLOW_TYPE_CONNECT_ARN_STEP, "arn.paste");
      onboarding_wait_for (arn_filled, assistant);
    }

  return assistant;
}

/* INFLOW_VIEW_DEBUG=1: the widgets asking for more than 700 px */
static void
dump_wide (GtkWidget *widget,
           int        depth)
{
  int min = 0;

  int min_for_height = 0;
  int height = gtk_widget_get_height (widget);

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (height > 0)
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, height, &min_for_height, NULL, NULL, NULL);
  if (depth == 0 || min > 400 || min_for_height > 700)
    g_printerr ("%*s%s %s: %d, for height %d: %d (allocated %d)\n", depth, "", G_OBJECT_TYPE_NAME (widget),
                gtk_widget_get_name (widget), min, height, min_for_height, gtk_widget_get_width (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    dump_wide (child, depth + 1);
}

/* INFLOW_VIEW_DEBUG=2: the code boxes, as measured and as allocated */
static void
dump_code_views (GtkWidget *widget)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name ("InflowCodeView")) && gtk_widget_get_mapped (widget))
    {
      int min, nat;
      GtkWidget *label = onboarding_find_widget (widget, GTK_TYPE_LABEL, NULL);
      GtkWidget *last = label;

      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), &min, &nat, NULL, NULL);
      for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_first_child (w))
        last = w;
      g_printerr ("code view %dx%d: measured %d/%d\n", gtk_widget_get_width (widget), gtk_widget_get_height (widget), min, nat);
      (void) last;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    dump_code_views (child);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OnboardingEnv) env = NULL;
  g_autoptr(GPtrArray) activations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *scene;
  const char *output;
  GtkWindow *parent;
  GtkWidget *window;
  int width = 1000, height = 720;
  gboolean done = FALSE;
  g_autofree char *command = NULL;

  if (argc < 3)
    {
      g_printerr ("Usage: %s SCENE OUTPUT.png [WIDTH HEIGHT]\n", argv[0]);
      return 2;
    }
  scene = argv[1];
  output = argv[2];
  if (argc >= 5)
    {
      width = atoi (argv[3]);
      height = atoi (argv[4]);
    }

  inflow_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();
  onboarding_ui_init ();

  /* Under Xvfb the frame clock may stall mid-transition: no animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  env = onboarding_env_new (g_str_equal (scene, "read-only") ? "demo-read-token" : "demo-token");
  parent = onboarding_recording_window_new (activations);

  if (g_str_equal (scene, "account"))
    onboarding_env_drop_management (env);

  if (g_str_has_prefix (scene, "update"))
    {
      const char *token = onboarding_env_find_aws_integration (env, TRUE);

      if (!g_str_equal (scene, "update-unrecorded"))
        onboarding_env_record_old_info (env, token);
      window = GTK_WIDGET (inflow_update_permissions_dialog_new (parent, env->session, token));
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (g_str_has_prefix (scene, "backfill"))
    {
      const char *token = onboarding_env_find_aws_integration (env, TRUE);

      window = GTK_WIDGET (inflow_backfill_dialog_new (parent, env->session, token));
      gtk_window_present (GTK_WINDOW (window));
      onboarding_wait_for (is_mapped, window);
      set_row_text (window, "_Organization", "Example Corp");
      set_row_text (window, "_Your Name (Optional)", "Dana Admin");
      set_row_text (window, "_Report Name", "VantageReport-3f9a2c71d0");
      set_row_text (window, "S3 _Bucket", "vantage-cur-3f9a2c71d0");
      if (g_str_equal (scene, "backfill-error"))
        set_row_text (window, "_End Date", "2019-01-01");
    }
  else
    {
      gboolean member = g_str_equal (scene, "account") || g_str_has_prefix (scene, "stackset") || g_str_equal (scene, "arn-member");

      window = open_assistant (env, parent, member ? "member" : "management", scene);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_maximize (GTK_WINDOW (window));
  g_timeout_add (2500, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  if (g_strcmp0 (g_getenv ("INFLOW_VIEW_DEBUG"), "2") == 0)
    dump_code_views (window);
  else if (g_getenv ("INFLOW_VIEW_DEBUG") != NULL)
    dump_wide (window, 0);

  command = g_strdup_printf ("import -window root %s", output);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, &error))
    g_printerr ("%s\n", error->message);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (parent);

  return inflow_test_run ();
}
