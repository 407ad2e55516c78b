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
 * intro, account, methods, cloudformation, stackset, arn-error, arn-pasted,
 * read-only, update, update-unrecorded, backfill, backfill-error.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-backfill-dialog.h"
#include "inflow-connect-assistant.h"
#include "inflow-test-utils.h"
#include "inflow-update-permissions-dialog.h"
#include "onboarding-ui-support.h"

#define ROLE_ARN "arn:aws:iam::246813579024:role/vantage_cross_account_connection"

static const char *
step_of (gpointer data)
{
  return inflow_connect_assistant_get_step (INFLOW_CONNECT_ASSISTANT (data));
}

static gboolean
methods_ready (gpointer data)
{
  GtkWidget *stack = onboarding_find_widget (GTK_WIDGET (data), ADW_TYPE_VIEW_STACK, NULL);

  return g_strcmp0 (step_of (data), "methods") == 0 && stack != NULL && gtk_widget_get_mapped (stack);
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

static GtkWidget *
open_assistant (OnboardingEnv *env,
                GtkWindow     *parent,
                const char    *start,
                const char    *scene)
{
  GtkWidget *assistant = GTK_WIDGET (inflow_connect_assistant_new (parent, env->session, start));

  gtk_window_present (GTK_WINDOW (assistant));
  onboarding_wait_for (is_mapped, assistant);

  if (g_str_equal (scene, "intro"))
    return assistant;

  next (assistant);
  if (g_str_equal (scene, "account"))
    return assistant;

  next (assistant);
  next (assistant);
  onboarding_wait_for (methods_ready, assistant);
  if (g_str_equal (scene, "methods"))
    {
      GtkWidget *stack = onboarding_find_widget (assistant, ADW_TYPE_VIEW_STACK, NULL);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "iam-console");
      return assistant;
    }
  if (g_str_equal (scene, "cloudformation") || g_str_equal (scene, "stackset"))
    {
      GtkWidget *stack = onboarding_find_widget (assistant, ADW_TYPE_VIEW_STACK, NULL);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), scene);
      if (g_str_equal (scene, "stackset"))
        {
          set_row_text (assistant, "_Organizational Units or Root", "ou-ab12-34cd56ef");
          set_row_text (assistant, "_Error Message",
                        "An error occurred (ValidationError) when calling the CreateStackSet operation: "
                        "You must enable organizations access to operate a service managed stack set");
        }
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
      gtk_widget_activate_action (assistant, "assistant.paste-arn", NULL);
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
      window = open_assistant (env, parent, g_str_equal (scene, "account") ? "member" : "management", scene);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_maximize (GTK_WINDOW (window));
  g_timeout_add (2500, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  if (g_getenv ("INFLOW_VIEW_DEBUG") != NULL)
    dump_wide (window, 0);

  command = g_strdup_printf ("import -window root %s", output);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, &error))
    g_printerr ("%s\n", error->message);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (parent);

  return inflow_test_run ();
}
