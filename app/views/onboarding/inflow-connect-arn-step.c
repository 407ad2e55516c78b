/* inflow-connect-arn-step.c: step 5 of Connect AWS, the role ARN
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-connect-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-connect-arn-step.h"
#include "inflow-view-utils.h"

/* The role ARN, typed or found in whatever is pasted; the bucket ARN for a
 * management account (a member account has no bucket, and no caption
 * about one); the progress and the errors of Connect, and why a read-only
 * session cannot. Enter connects, through the assistant's action. */

struct _InflowConnectArnStep
{
  InflowConnectStep  parent_instance;

  GCancellable      *cancellable;

  /* Template widgets */
  AdwEntryRow       *arn_row;
  GtkLabel          *arn_message;
  GtkWidget         *bucket_box;
  AdwEntryRow       *bucket_arn_row;
  GtkLabel          *bucket_arn_message;
  GtkWidget         *progress_box;
  GtkSpinner        *progress_spinner;
  GtkLabel          *progress_label;
  GtkWidget         *api_error_box;
  GtkLabel          *api_error_label;
  GtkWidget         *read_only_box;
  GtkLabel          *read_only_label;
};

G_DEFINE_FINAL_TYPE (InflowConnectArnStep, inflow_connect_arn_step, INFLOW_TYPE_CONNECT_STEP)

static void
activated_cb (InflowConnectArnStep *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assistant.connect", NULL);
}

static void
inflow_connect_arn_step_update (InflowConnectStep *step,
                                InflowConnectForm *form)
{
  InflowConnectArnStep *self = INFLOW_CONNECT_ARN_STEP (step);
  const char *reason = inflow_session_get_write_disabled_reason (inflow_connect_form_get_session (form));
  g_autofree char *arn_message = NULL;
  g_autofree char *bucket_message = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *api_error = NULL;
  gboolean arn_error, bucket_error, creates_cur, connecting;

  g_object_get (form,
                "arn-message", &arn_message,
                "arn-message-is-error", &arn_error,
                "bucket-arn-message", &bucket_message,
                "bucket-arn-message-is-error", &bucket_error,
                "creates-cur", &creates_cur,
                "connecting", &connecting,
                "progress", &progress,
                "api-error", &api_error,
                NULL);

  inflow_onboarding_show_message (self->arn_message, arn_message, arn_error);
  inflow_view_set_error_style (GTK_WIDGET (self->arn_row), arn_error && *gtk_editable_get_text (GTK_EDITABLE (self->arn_row)) != '\0');
  gtk_widget_set_visible (self->bucket_box, creates_cur);
  inflow_onboarding_show_message (self->bucket_arn_message, bucket_message, bucket_error);
  inflow_view_set_error_style (GTK_WIDGET (self->bucket_arn_row), bucket_error);

  gtk_widget_set_visible (self->progress_box, connecting);
  gtk_spinner_set_spinning (self->progress_spinner, connecting);
  gtk_label_set_label (self->progress_label, progress != NULL ? progress : "");
  /* Not insensitive: the field keeps the focus, and Enter stays harmless. */
  gtk_editable_set_editable (GTK_EDITABLE (self->arn_row), !connecting);
  gtk_editable_set_editable (GTK_EDITABLE (self->bucket_arn_row), !connecting);

  gtk_label_set_label (self->api_error_label, api_error != NULL ? api_error : "");
  gtk_widget_set_visible (self->api_error_box, api_error != NULL);
  gtk_label_set_label (self->read_only_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (self->read_only_box, reason != NULL);
}

static void
session_changed_cb (InflowConnectArnStep *self)
{
  inflow_connect_arn_step_update (INFLOW_CONNECT_STEP (self), inflow_connect_step_get_form (INFLOW_CONNECT_STEP (self)));
}

static void
inflow_connect_arn_step_bind (InflowConnectStep *step,
                              InflowConnectForm *form)
{
  InflowConnectArnStep *self = INFLOW_CONNECT_ARN_STEP (step);

  inflow_connect_bind_field (form, "arn", self->arn_row);
  inflow_connect_bind_field (form, "bucket-arn", self->bucket_arn_row);
  g_signal_connect_object (inflow_connect_form_get_session (form), "notify::write-disabled-reason",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  InflowConnectArnStep *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (text == NULL)
    g_debug ("Nothing to paste: %s", error != NULL ? error->message : "empty");
  if (inflow_connect_form_read_paste (inflow_connect_step_get_form (INFLOW_CONNECT_STEP (self)), text))
    gtk_editable_set_position (GTK_EDITABLE (self->arn_row), -1);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  InflowConnectArnStep *self = INFLOW_CONNECT_ARN_STEP (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable, clipboard_read_cb, self);
}

static void
inflow_connect_arn_step_dispose (GObject *object)
{
  InflowConnectArnStep *self = INFLOW_CONNECT_ARN_STEP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (inflow_connect_arn_step_parent_class)->dispose (object);
}

static void
inflow_connect_arn_step_class_init (InflowConnectArnStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  InflowConnectStepClass *step_class = INFLOW_CONNECT_STEP_CLASS (klass);

  object_class->dispose = inflow_connect_arn_step_dispose;
  step_class->bind = inflow_connect_arn_step_bind;
  step_class->update = inflow_connect_arn_step_update;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-connect-arn-step.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, arn_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, arn_message);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, bucket_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, bucket_arn_row);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, bucket_arn_message);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, progress_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, progress_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, api_error_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, api_error_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, read_only_box);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectArnStep, read_only_label);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);

  gtk_widget_class_install_action (widget_class, "arn.paste", NULL, paste_action);
}

static void
inflow_connect_arn_step_init (InflowConnectArnStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
