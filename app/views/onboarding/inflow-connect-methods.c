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
#include "inflow-role-wait-view.h"
#include "inflow-stackset.h"
#include "inflow-stackset-members.h"
#include "inflow-text-item.h"
#include "inflow-text-row.h"
#include "inflow-terraform-snippet.h"
#include "inflow-view-utils.h"

/* Every method is generated from the form's provider info and choices
 * when the methods are shown; a method that cannot do what was chosen (an
 * existing bucket in CloudFormation, a CloudFormation report outside
 * us-east-1) says why in place of its material. The methods that register
 * the role themselves (Terraform, Vantage's own stack, a StackSet) offer
 * to wait for Vantage to see it, or to register the StackSet's members.
 * The method is chosen from a list, whose names fit at any width. */

static const char * const method_names[] = {
  INFLOW_CONNECT_METHOD_CLOUDFORMATION,
  INFLOW_CONNECT_METHOD_CLI,
  INFLOW_CONNECT_METHOD_TERRAFORM,
  INFLOW_CONNECT_METHOD_IAM_CONSOLE,
  INFLOW_CONNECT_METHOD_STACKSET,
};

struct _InflowConnectMethods
{
  GtkWidget                 parent_instance;

  InflowConnectForm        *form;
  InflowOnboardingInfo     *info;
  InflowOnboardingChoices  *choices;
  InflowCfnMaterial        *cfn;
  GListStore               *iam_steps;
  GListStore               *iam_policies;

  /* Template widgets */
  GtkWidget                *box;
  AdwComboRow              *method_row;
  AdwViewStack             *stack;
  InflowRoleWaitView       *cfn_wait;
  InflowRoleWaitView       *terraform_wait;
  InflowStackSetMembers    *stackset_members;
  GtkWidget                *stackset_note_box;
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
  GtkListBox               *iam_steps_list;
  GtkLabel                 *iam_note;
  InflowCodeView           *iam_role_name_view;
  InflowCodeView           *iam_trust_view;
  GtkListBox               *iam_policies_list;
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
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) policies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  material = inflow_iam_console_material_generate (self->info, self->choices, &error);
  show_error (self->iam_error, error);
  gtk_widget_set_visible (self->iam_content, material != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "methods.open-iam", material != NULL);

  for (guint i = 0; material != NULL && material->steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_ptr_array_add (steps, inflow_text_item_new (number, material->steps[i], NULL, NULL));
    }
  for (guint i = 0; material != NULL && i < material->policies->len; i++)
    {
      InflowNamedText *policy = g_ptr_array_index (material->policies, i);
      /* Translators: %s is the name of an inline policy, e.g. "root" */
      g_autofree char *title = g_strdup_printf (_("Inline Policy “%s”"), policy->name);

      g_ptr_array_add (policies, inflow_text_item_new (NULL, title, NULL, policy->json));
    }
  g_list_store_splice (self->iam_steps, 0, g_list_model_get_n_items (G_LIST_MODEL (self->iam_steps)),
                       steps->pdata, steps->len);
  g_list_store_splice (self->iam_policies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->iam_policies)),
                       policies->pdata, policies->len);

  if (material == NULL)
    return;

  set_optional_label (self->iam_note, material->note);
  inflow_code_view_set_text (self->iam_role_name_view, material->role_name);
  inflow_code_view_set_text (self->iam_trust_view, material->trust_policy_json);
  inflow_code_view_set_text (self->iam_managed_view, material->managed_policy_arn);
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
  gtk_widget_set_visible (self->stackset_note_box, material != NULL && material->management_account_note != NULL);
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
  const char *name = adw_view_stack_get_visible_child_name (stack);

  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    {
      if (g_strcmp0 (name, method_names[i]) == 0 && adw_combo_row_get_selected (self->method_row) != i)
        adw_combo_row_set_selected (self->method_row, i);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
}

static void
method_selected_cb (InflowConnectMethods *self)
{
  guint selected = adw_combo_row_get_selected (self->method_row);

  if (selected < G_N_ELEMENTS (method_names))
    adw_view_stack_set_visible_child_name (self->stack, method_names[selected]);
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
  g_clear_object (&self->form);
  g_clear_object (&self->iam_steps);
  g_clear_object (&self->iam_policies);

  G_OBJECT_CLASS (inflow_connect_methods_parent_class)->dispose (object);
}

static void
inflow_connect_methods_finalize (GObject *object)
{
  InflowConnectMethods *self = INFLOW_CONNECT_METHODS (object);

  g_clear_pointer (&self->info, inflow_onboarding_info_free);
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  g_clear_pointer (&self->cfn, inflow_cfn_material_free);

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
      g_value_set_string (value, adw_view_stack_get_visible_child_name (self->stack));
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
  g_type_ensure (INFLOW_TYPE_ROLE_WAIT_VIEW);
  g_type_ensure (INFLOW_TYPE_STACKSET_MEMBERS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-connect-methods.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, method_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, cfn_wait);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, terraform_wait);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_members);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, stackset_note_box);
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
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_steps_list);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_note);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_role_name_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_trust_view);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectMethods, iam_policies_list);
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
  gtk_widget_class_bind_template_callback (widget_class, method_selected_cb);

  gtk_widget_class_install_action (widget_class, "methods.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "methods.open-cloudformation", NULL, open_cloudformation_action);
  gtk_widget_class_install_action (widget_class, "methods.open-vantage", NULL, open_vantage_action);
  gtk_widget_class_install_action (widget_class, "methods.open-iam", NULL, open_iam_action);
}

static void
inflow_connect_methods_init (InflowConnectMethods *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->iam_steps = g_list_store_new (INFLOW_TYPE_TEXT_ITEM);
  self->iam_policies = g_list_store_new (INFLOW_TYPE_TEXT_ITEM);
  inflow_text_row_bind_list (self->iam_steps_list, G_LIST_MODEL (self->iam_steps));
  inflow_code_view_bind_list (self->iam_policies_list, G_LIST_MODEL (self->iam_policies));
}

/* Regenerates every method's material from what the form says now. */
static void
regenerate (InflowConnectMethods *self)
{
  const InflowOnboardingInfo *info = inflow_connect_form_get_info (self->form);

  if (info == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_pointer (&self->info, inflow_onboarding_info_free);
  g_clear_pointer (&self->choices, inflow_onboarding_choices_free);
  self->info = inflow_onboarding_info_copy (info);
  self->choices = inflow_connect_form_dup_choices (self->form);

  update_cloudformation (self);
  update_cli (self);
  update_terraform (self);
  update_iam_console (self);
  update_stackset (self);
  inflow_role_wait_view_set_account_id (self->cfn_wait, self->choices->account_id);
  inflow_role_wait_view_set_account_id (self->terraform_wait, self->choices->account_id);
}

/**
 * inflow_connect_methods_set_form:
 *
 * The form the methods come from; set once. They are generated each time
 * the methods are shown, and when the provider info arrives.
 */
void
inflow_connect_methods_set_form (InflowConnectMethods *self,
                                 InflowConnectForm    *form)
{
  g_return_if_fail (INFLOW_IS_CONNECT_METHODS (self));
  g_return_if_fail (INFLOW_IS_CONNECT_FORM (form));
  g_return_if_fail (self->form == NULL);

  self->form = g_object_ref (form);
  inflow_role_wait_view_set_session (self->cfn_wait, inflow_connect_form_get_session (form));
  inflow_role_wait_view_set_session (self->terraform_wait, inflow_connect_form_get_session (form));
  inflow_stackset_members_set_form (self->stackset_members, form);
  g_signal_connect_object (form, "notify::info-state", G_CALLBACK (regenerate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "map", G_CALLBACK (regenerate), self, G_CONNECT_SWAPPED);
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
