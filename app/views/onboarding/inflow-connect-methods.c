/* inflow-connect-methods.c: the five ways to create the role, side by side
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-cfn-template.h"
#include "inflow-cli-script.h"
#include "inflow-code-view.h"
#include "inflow-connect-methods.h"
#include "inflow-console-links.h"
#include "inflow-iam-console.h"
#include "inflow-stackset.h"
#include "inflow-terraform-snippet.h"
#include "inflow-view-utils.h"

/* Every method is generated from the same provider info and choices; a
 * method that cannot do what was chosen (Terraform in GovCloud, a
 * CloudFormation CUR outside us-east-1) says why in place of its material. */

struct _InflowConnectMethods
{
  GtkWidget                 parent_instance;

  InflowOnboardingInfo     *info;
  InflowOnboardingChoices  *choices;
  InflowCfnMaterial        *cfn;

  /* Template widgets */
  GtkWidget                *box;
  AdwViewStack             *stack;
  GtkLabel                 *cfn_error;
  GtkWidget                *cfn_content;
  GtkLabel                 *cfn_note;
  AdwActionRow             *cfn_save_row;
  AdwActionRow             *cfn_open_row;
  InflowCodeView           *cfn_deploy_view;
  InflowCodeView           *cfn_outputs_view;
  GtkLabel                 *cli_error;
  InflowCodeView           *cli_view;
  GtkLabel                 *terraform_error;
  InflowCodeView           *terraform_view;
  GtkLabel                 *iam_error;
  GtkWidget                *iam_content;
  AdwPreferencesGroup      *iam_steps_group;
  GPtrArray                *iam_step_rows;
  GtkLabel                 *iam_note;
  InflowCodeView           *iam_role_name_view;
  InflowCodeView           *iam_trust_view;
  GtkBox                   *iam_policies_box;
  InflowCodeView           *iam_managed_view;
  GtkLabel                 *stackset_note;
  AdwEntryRow              *stackset_targets_row;
  GtkLabel                 *stackset_targets_message;
  GtkWidget                *stackset_content;
  InflowCodeView           *stackset_check_view;
  InflowCodeView           *stackset_activate_view;
  InflowCodeView           *stackset_create_view;
  InflowCodeView           *stackset_instances_view;
  InflowCodeView           *stackset_script_view;
  AdwEntryRow              *stackset_error_row;
  GtkWidget                *stackset_advice_box;
  GtkLabel                 *stackset_advice_label;
  InflowCodeView           *stackset_advice_view;
};

G_DEFINE_FINAL_TYPE (InflowConnectMethods, inflow_connect_methods, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_METHOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_label (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_cloudformation (InflowConnectMethods *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;

  g_clear_pointer (&self->cfn, inflow_cfn_material_free);
  self->cfn = inflow_cfn_material_generate (self->info, self->choices, &error);

  show_error (self->cfn_error, error);
  gtk_widget_set_visible (self->cfn_content, self->cfn != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "methods.save-template", self->cfn != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "methods.open-cloudformation", self->cfn != NULL);
  if (self->cfn == NULL)
    return;

  set_optional_label (self->cfn_note, self->cfn->note);
  adw_action_row_set_subtitle (self->cfn_save_row, self->cfn->file_name);
  /* Translators: %s is an AWS region such as us-east-1 */
  where = g_strdup_printf (_("The “Create stack” page, in %s"), self->cfn->region);
  adw_action_row_set_subtitle (self->cfn_open_row, where);
  inflow_code_view_set_text (self->cfn_deploy_view, self->cfn->deploy_command);
  inflow_code_view_set_text (self->cfn_outputs_view, self->cfn->outputs_command);
}

static void
update_cli (InflowConnectMethods *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = inflow_cli_script_generate (self->info, self->choices, &error);

  show_error (self->cli_error, error);
  gtk_widget_set_visible (GTK_WIDGET (self->cli_view), script != NULL);
  inflow_code_view_set_text (self->cli_view, script);
}

static void
update_terraform (InflowConnectMethods *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *snippet = inflow_terraform_snippet_generate (self->choices, &error);

  show_error (self->terraform_error, error);
  gtk_widget_set_visible (GTK_WIDGET (self->terraform_view), snippet != NULL);
  inflow_code_view_set_text (self->terraform_view, snippet);
}

static void
update_iam_console (InflowConnectMethods *self)
{
  g_autoptr(InflowIamConsoleMaterial) material = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  material = inflow_iam_console_material_generate (self->info, self->choices, &error);
  show_error (self->iam_error, error);
  gtk_widget_set_visible (self->iam_content, material != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "methods.open-iam", material != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->iam_policies_box))) != NULL)
    gtk_box_remove (self->iam_policies_box, child);
  for (guint i = 0; i < self->iam_step_rows->len; i++)
    adw_preferences_group_remove (self->iam_steps_group, g_ptr_array_index (self->iam_step_rows, i));
  g_ptr_array_set_size (self->iam_step_rows, 0);

  if (material == NULL)
    return;

  for (guint i = 0; material->steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "inflow-step-number");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, number, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), material->steps[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->iam_steps_group, row);
      g_ptr_array_add (self->iam_step_rows, row);
    }

  set_optional_label (self->iam_note, material->note);
  inflow_code_view_set_text (self->iam_role_name_view, material->role_name);
  inflow_code_view_set_text (self->iam_trust_view, material->trust_policy_json);
  inflow_code_view_set_text (self->iam_managed_view, material->managed_policy_arn);

  for (guint i = 0; i < material->policies->len; i++)
    {
      InflowNamedText *policy = g_ptr_array_index (material->policies, i);
      g_autofree char *title = NULL;

      /* Translators: %s is the name of an inline policy, e.g. "root" */
      title = g_strdup_printf (_("Inline Policy “%s”"), policy->name);
      gtk_box_append (self->iam_policies_box, inflow_code_view_new (title, policy->json));
    }
}

static void
update_stackset (InflowConnectMethods *self)
{
  g_autoptr(InflowStackSetMaterial) material = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) targets = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->stackset_targets_row)));
  gboolean empty;

  targets = g_regex_split_simple ("[\\s,;]+", g_strstrip (text), 0, 0);
  /* g_regex_split_simple() of "" is { "" } */
  empty = targets[0] == NULL || (targets[0][0] == '\0' && targets[1] == NULL);
  if (empty)
    g_clear_pointer (&targets, g_strfreev);

  material = inflow_stackset_material_generate (self->info, self->choices,
                                                (const char * const *) targets, NULL, &error);

  gtk_widget_set_visible (self->stackset_content, material != NULL);
  inflow_view_set_error_style (GTK_WIDGET (self->stackset_targets_row), !empty && material == NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->stackset_targets_message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->stackset_targets_message), "dim-label");

  if (material == NULL)
    {
      if (empty)
        {
          gtk_label_set_label (self->stackset_targets_message,
                               _("The IDs of the organizational units (ou-…) or of the root (r-…), separated by spaces or commas. The commands appear once they are valid."));
        }
      else
        {
          gtk_label_set_label (self->stackset_targets_message, error->message);
          gtk_widget_remove_css_class (GTK_WIDGET (self->stackset_targets_message), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (self->stackset_targets_message), "error");
        }
      return;
    }

  {
    /* Translators: %1$s is a StackSet name, %2$s an AWS region */
    g_autofree char *message = g_strdup_printf (_("Run these with the AWS CLI from the management account, or a delegated administrator. The StackSet is named %1$s and deploys in %2$s."),
                                                 material->stack_set_name, material->region);

    gtk_label_set_label (self->stackset_targets_message, message);
  }
  gtk_label_set_label (self->stackset_note, material->management_account_note);
  inflow_code_view_set_text (self->stackset_check_view, material->check_access_command);
  inflow_code_view_set_text (self->stackset_activate_view, material->activate_access_command);
  inflow_code_view_set_text (self->stackset_create_view, material->create_stack_set_command);
  inflow_code_view_set_text (self->stackset_instances_view, material->create_instances_command);
  inflow_code_view_set_text (self->stackset_script_view, material->script);
}

static void
stackset_targets_changed_cb (InflowConnectMethods *self,
                             GtkEditable          *editable)
{
  if (self->info != NULL)
    update_stackset (self);
}

static void
stackset_error_changed_cb (InflowConnectMethods *self,
                           GtkEditable          *editable)
{
  g_autoptr(InflowErrorAdvice) advice = NULL;
  g_autofree char *text = NULL;
  const char *pasted = gtk_editable_get_text (editable);

  if (pasted == NULL || *pasted == '\0')
    {
      gtk_widget_set_visible (self->stackset_advice_box, FALSE);
      return;
    }

  advice = inflow_stackset_explain_error (pasted);
  gtk_widget_set_visible (self->stackset_advice_box, TRUE);
  if (advice == NULL)
    {
      gtk_label_set_label (self->stackset_advice_label,
                           _("Inflow does not know this error. Check that you run the commands from the management account (or a delegated administrator) and that the organizational unit IDs are right."));
      gtk_widget_set_visible (GTK_WIDGET (self->stackset_advice_view), FALSE);
      return;
    }

  text = g_strdup_printf ("%s\n\n%s", advice->explanation, advice->fix);
  gtk_label_set_label (self->stackset_advice_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->stackset_advice_view), advice->command != NULL);
  inflow_code_view_set_text (self->stackset_advice_view, advice->command);
}

static void
method_changed_cb (InflowConnectMethods *self,
                   GParamSpec           *pspec,
                   AdwViewStack         *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (widget);

  if (self->cfn == NULL)
    return;

  inflow_view_save_text (widget, _("Save the CloudFormation Template"), self->cfn->file_name, self->cfn->template_json);
}

static void
open_cloudformation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (widget);

  if (self->cfn != NULL)
    inflow_view_open_uri (widget, self->cfn->console_url);
}

static void
open_vantage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (widget);

  inflow_view_open_uri (widget, self->cfn != NULL ? self->cfn->vantage_console_url : INFLOW_VANTAGE_INTEGRATIONS_URL);
}

static void
open_iam_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (widget);
  g_autofree char *url = NULL;

  if (self->choices == NULL)
    return;

  url = inflow_console_link_iam_create_role (self->choices->partition);
  inflow_view_open_uri (widget, url);
}

static void
inflow_connect_methods_dispose (GObject *object)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (inflow_connect_methods_parent_class)->dispose (object);
}

static void
inflow_connect_methods_finalize (GObject *object)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (object);

  g_clear_pointer (&self->info, inflow_onboarding_info_free);
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  g_clear_pointer (&self->cfn, inflow_cfn_material_free);
  g_clear_pointer (&self->iam_step_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (inflow_connect_methods_parent_class)->finalize (object);
}

static void
inflow_connect_methods_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_string (value, inflow_connect_methods_get_method (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_methods_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      inflow_connect_methods_set_method (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_methods_class_init (InflowConnectMethodsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_connect_methods_dispose;
  object_class->finalize = inflow_connect_methods_finalize;
  object_class->get_property = inflow_connect_methods_get_property;
  object_class->set_property = inflow_connect_methods_set_property;

  /**
   * InflowConnectMethods:method:
   *
   * The method shown: "cloudformation", "cli", "terraform", "iam-console"
   * or "stackset".
   */
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CODE_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-connect-methods.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_error);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_content);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_note);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_save_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_open_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_deploy_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_outputs_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cli_error);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cli_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, terraform_error);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, terraform_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_error);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_content);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_steps_group);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_note);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_role_name_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_trust_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_policies_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_managed_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_note);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_targets_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_targets_message);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_content);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_check_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_activate_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_create_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_instances_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_script_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_error_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_advice_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_advice_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_advice_view);
  gtk_widget_class_bind_template_callback (widget_class, stackset_targets_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stackset_error_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, method_changed_cb);

  gtk_widget_class_install_action (widget_class, "methods.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "methods.open-cloudformation", NULL, open_cloudformation_action);
  gtk_widget_class_install_action (widget_class, "methods.open-vantage", NULL, open_vantage_action);
  gtk_widget_class_install_action (widget_class, "methods.open-iam", NULL, open_iam_action);
}

static void
inflow_connect_methods_init (InflowConnectMethods *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->iam_step_rows = g_ptr_array_new ();
}

GtkWidget *
inflow_connect_methods_new (void)
{
  return g_object_new (INFLOW_TYPE_CONNECT_METHODS, NULL);
}

/**
 * inflow_connect_methods_set_material:
 * @info: Vantage's AWS provider info
 * @choices: what the admin chose
 *
 * Regenerates every method's material; both are copied.
 */
void
inflow_connect_methods_set_material (InflowConnectMethods          *self,
                                     const InflowOnboardingInfo    *info,
                                     const InflowOnboardingChoices *choices)
{
  g_return_if_fail (INFLOW_IS_CONNECT_METHODS (self));
  g_return_if_fail (info != NULL);
  g_return_if_fail (choices != NULL);

  g_clear_pointer (&self->info, inflow_onboarding_info_free);
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  self->info = inflow_onboarding_info_copy (info);
  self->choices = inflow_onboarding_choices_copy (choices);

  update_cloudformation (self);
  update_cli (self);
  update_terraform (self);
  update_iam_console (self);
  update_stackset (self);
}

AdwViewStack *
inflow_connect_methods_get_stack (InflowConnectMethods *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_METHODS (self), NULL);

  return self->stack;
}

const char *
inflow_connect_methods_get_method (InflowConnectMethods *self)
{
  g_return_val_if_fail (INFLOW_IS_CONNECT_METHODS (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
inflow_connect_methods_set_method (InflowConnectMethods *self,
                                   const char           *method)
{
  g_return_if_fail (INFLOW_IS_CONNECT_METHODS (self));

  if (method == NULL || adw_view_stack_get_child_by_name (self->stack, method) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->stack, method);
}
