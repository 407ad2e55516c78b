/* inflow-connect-details-step.c: step 3 of Connect AWS, the report and the names
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-connect-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-connect-details-step.h"
#include "inflow-view-utils.h"

/* The report (a legacy Cost and Usage Report by default, as Vantage makes
 * it, or a CUR 2.0 export; a new bucket or an existing one) for a
 * management account, the role's names, and what Allow Autopilot adds. */

struct _InflowConnectDetailsStep
{
  InflowConnectStep  parent_instance;

  /* Template widgets */
  GtkWidget         *cur_box;
  AdwComboRow       *cur_kind_row;
  GtkSwitch         *existing_switch;
  AdwEntryRow       *bucket_row;
  AdwComboRow       *region_row;
  AdwEntryRow       *report_row;
  AdwComboRow       *time_unit_row;
  GtkLabel          *cur_warning_label;
  GtkLabel          *paired_label;
  AdwEntryRow       *stack_row;
  AdwEntryRow       *role_row;
  AdwEntryRow       *account_row;
  GtkSwitch         *autopilot_switch;
  GtkLabel          *details_message;
};

G_DEFINE_FINAL_TYPE (InflowConnectDetailsStep, inflow_connect_details_step, INFLOW_TYPE_CONNECT_STEP)

/* A two-item combo row and a boolean: the second item is TRUE. */
static gboolean
selected_to_boolean (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) == 1);
  return TRUE;
}

static gboolean
boolean_to_selected (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_boolean (from) ? 1 : 0);
  return TRUE;
}

static void
bind_choice (InflowConnectForm *form,
             const char        *property,
             AdwComboRow       *row)
{
  g_object_bind_property_full (form, property, row, "selected", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               boolean_to_selected, selected_to_boolean, NULL, NULL);
}

static void
show_callout (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
region_selected_cb (InflowConnectDetailsStep *self)
{
  InflowConnectForm *form = inflow_connect_step_get_form (INFLOW_CONNECT_STEP (self));
  GtkStringObject *item = adw_combo_row_get_selected_item (self->region_row);

  if (form != NULL && item != NULL)
    g_object_set (form, "bucket-region", gtk_string_object_get_string (item), NULL);
}

static void
inflow_connect_details_step_update (InflowConnectStep *step,
                                    InflowConnectForm *form)
{
  InflowConnectDetailsStep *self = INFLOW_CONNECT_DETAILS_STEP (step);
  const char * const *regions = inflow_aws_get_cur_bucket_regions ();
  g_autofree char *region = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *paired = NULL;
  g_autofree char *message = NULL;
  gboolean creates_cur, cur2, is_error;

  g_object_get (form,
                "bucket-region", &region,
                "creates-cur", &creates_cur,
                "cur2", &cur2,
                "cur-warning", &warning,
                "paired-note", &paired,
                "details-message", &message,
                "details-message-is-error", &is_error,
                NULL);

  for (guint i = 0; regions[i] != NULL; i++)
    {
      if (g_strcmp0 (regions[i], region) == 0 && adw_combo_row_get_selected (self->region_row) != i)
        adw_combo_row_set_selected (self->region_row, i);
    }

  gtk_widget_set_visible (self->cur_box, creates_cur);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->report_row), cur2 ? _("_Export Name") : _("_Report Name"));
  show_callout (self->cur_warning_label, warning);
  show_callout (self->paired_label, paired);
  inflow_onboarding_show_message (self->details_message, message, is_error);

  inflow_view_set_error_style (GTK_WIDGET (self->bucket_row), inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_BUCKET));
  inflow_view_set_error_style (GTK_WIDGET (self->report_row), inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_REPORT));
  inflow_view_set_error_style (GTK_WIDGET (self->stack_row), inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_STACK));
  inflow_view_set_error_style (GTK_WIDGET (self->role_row), inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_ROLE));
  inflow_view_set_error_style (GTK_WIDGET (self->account_row), inflow_connect_form_get_field_error (form, INFLOW_CONNECT_FIELD_ACCOUNT));
}

static void
inflow_connect_details_step_bind (InflowConnectStep *step,
                                  InflowConnectForm *form)
{
  InflowConnectDetailsStep *self = INFLOW_CONNECT_DETAILS_STEP (step);

  bind_choice (form, "cur2", self->cur_kind_row);
  bind_choice (form, "hourly", self->time_unit_row);
  g_object_bind_property (form, "existing-bucket", self->existing_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (form, "autopilot", self->autopilot_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  inflow_connect_bind_field (form, "bucket-name", self->bucket_row);
  inflow_connect_bind_field (form, "report-name", self->report_row);
  inflow_connect_bind_field (form, "stack-name", self->stack_row);
  inflow_connect_bind_field (form, "role-name", self->role_row);
  inflow_connect_bind_field (form, "account-id", self->account_row);
}

static void
inflow_connect_details_step_class_init (InflowConnectDetailsStepClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  InflowConnectStepClass *step_class = INFLOW_CONNECT_STEP_CLASS (klass);

  step_class->bind = inflow_connect_details_step_bind;
  step_class->update = inflow_connect_details_step_update;

  g_type_ensure (INFLOW_TYPE_CONNECT_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-connect-details-step.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, cur_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, cur_kind_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, existing_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, region_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, report_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, time_unit_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, cur_warning_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, paired_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, stack_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, role_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, account_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, autopilot_switch);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectDetailsStep, details_message);
  gtk_widget_class_bind_template_callback (widget_class, region_selected_cb);
}

static void
inflow_connect_details_step_init (InflowConnectDetailsStep *self)
{
  g_autoptr(GtkStringList) regions = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  regions = gtk_string_list_new (inflow_aws_get_cur_bucket_regions ());
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));
}
