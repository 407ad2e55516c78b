/* inflow-connect-assistant.c: the Connect AWS assistant
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-connect-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-connector.h"
#include "inflow-connect-account-step.h"
#include "inflow-connect-arn-step.h"
#include "inflow-connect-assistant.h"
#include "inflow-connect-details-step.h"
#include "inflow-connect-form.h"
#include "inflow-connect-methods.h"

/* Five steps over one #InflowConnectForm: what the role allows (read from
 * Vantage's policies); which account, with the caution when a member
 * account comes first and the way from a GovCloud account to its paired
 * standard one; the report and the names; the five methods; the role ARN
 * and Connect. The window only navigates: every field, check and write is
 * the form's, and the form writes through the session. Nothing typed is
 * lost going back and forth, nor when Vantage refuses the role. */

static const char * const step_names[] = { "intro", "account", "details", "methods", "arn" };
#define N_STEPS G_N_ELEMENTS (step_names)

struct _InflowConnectAssistant
{
  AdwWindow                 parent_instance;

  InflowSession            *session;
  InflowConnectForm        *form;
  GCancellable             *cancellable;
  char                     *start;

  /* Template widgets */
  AdwWindowTitle           *window_title;
  GtkWidget                *back_button;
  GtkWidget                *next_button;
  GtkWidget                *connect_button;
  GtkStack                 *connect_button_stack;
  GtkSpinner               *connect_spinner;
  GtkStack                 *steps;
  GtkLabel                 *security_label;
  InflowConnectStep        *account_step;
  InflowConnectStep        *details_step;
  InflowConnectStep        *arn_step;
  GtkStack                 *methods_state;
  GtkSpinner               *loading_spinner;
  AdwStatusPage            *info_error_page;
  InflowConnectMethods     *methods;
  AdwStatusPage            *done_page;
};

G_DEFINE_FINAL_TYPE (InflowConnectAssistant, inflow_connect_assistant, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_START,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
step_index (InflowConnectAssistant *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->steps);

  for (guint i = 0; i < N_STEPS; i++)
    {
      if (g_strcmp0 (name, step_names[i]) == 0)
        return (int) i;
    }

  return -1;
}

static gboolean
can_leave_step (InflowConnectAssistant *self,
                int                     index)
{
  gboolean govcloud;

  switch (index)
    {
    case 0:
      return TRUE;
    case 1:
      /* A GovCloud account goes no further: its paired account does. */
      g_object_get (self->form, "govcloud", &govcloud, NULL);
      return inflow_connect_form_get_account (self->form) != INFLOW_CONNECT_ACCOUNT_NONE && !govcloud;
    case 2:
      return inflow_connect_form_get_details_valid (self->form);
    case 3:
      return inflow_connect_form_get_info_state (self->form) == INFLOW_CONNECT_INFO_READY;
    default:
      return FALSE;
    }
}

static void
update_title (InflowConnectAssistant *self)
{
  int index = step_index (self);
  GtkStackPage *page = gtk_stack_get_page (self->steps, gtk_stack_get_visible_child (self->steps));
  g_autofree char *subtitle = NULL;

  if (index >= 0)
    /* Translators: the position in the assistant and the step's name, e.g. "Step 2 of 5: Account" */
    subtitle = g_strdup_printf (_("Step %1$d of %2$u: %3$s"), index + 1, (guint) N_STEPS, gtk_stack_page_get_title (page));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_state (InflowConnectAssistant *self)
{
  int index = step_index (self);
  gboolean last = index == (int) N_STEPS - 1;
  gboolean done = index < 0;
  InflowConnectInfoState info_state = inflow_connect_form_get_info_state (self->form);
  const char *reason = inflow_session_get_write_disabled_reason (self->session);
  g_autofree char *info_error = NULL;
  g_autofree char *security = NULL;
  gboolean connecting;

  g_object_get (self->form, "connecting", &connecting, "info-error", &info_error, "security-words", &security, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", index > 0 && !connecting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", index >= 0 && !last && can_leave_step (self, index));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.connect", last && inflow_connect_form_get_can_connect (self->form));
  gtk_widget_set_visible (self->back_button, !done);
  gtk_widget_set_visible (self->next_button, !done && !last);
  gtk_widget_set_visible (self->connect_button, last);
  gtk_widget_set_tooltip_text (self->connect_button, reason != NULL ? reason : _("Register the role with Vantage"));
  gtk_stack_set_visible_child_name (self->connect_button_stack, connecting ? "spinner" : "label");
  gtk_spinner_set_spinning (self->connect_spinner, connecting);

  gtk_label_set_label (self->security_label, security != NULL ? security : "");
  gtk_stack_set_visible_child_name (self->methods_state, info_state == INFLOW_CONNECT_INFO_READY ? "ready"
                                                         : info_state == INFLOW_CONNECT_INFO_ERROR ? "error" : "loading");
  gtk_spinner_set_spinning (self->loading_spinner, info_state == INFLOW_CONNECT_INFO_LOADING);
  adw_status_page_set_description (self->info_error_page, info_error);
}

static void
step_changed_cb (InflowConnectAssistant *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->steps);

  if (self->form == NULL)
    return;  /* still being built */

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "arn") == 0)
    inflow_connect_form_prefill_bucket_arn (self->form);

  /* The focus goes to the new step's first field, not nowhere. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);

  update_title (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* ---- actions ------------------------------------------------------------ */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);
  int index = step_index (self);

  if (index > 0)
    gtk_stack_set_visible_child_name (self->steps, step_names[index - 1]);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);
  int index = step_index (self);

  if (index >= 0 && index < (int) N_STEPS - 1 && can_leave_step (self, index))
    gtk_stack_set_visible_child_name (self->steps, step_names[index + 1]);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  inflow_connect_form_load_info (INFLOW_CONNECT_ASSISTANT (widget)->form);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  InflowConnectAssistant *self = user_data;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GtkWindow *parent;

  integration = inflow_connect_form_connect_finish (INFLOW_CONNECT_FORM (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (integration == NULL)
    {
      /* Accepted but not listed yet: nothing more to do here. The other
       * errors are on the Connect step, where they belong. */
      if (g_error_matches (error, INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED))
        {
          adw_status_page_set_description (self->done_page, error->message);
          gtk_stack_set_visible_child_name (self->steps, "done");
        }
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL &&
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.monitor-ingestion", "s", inflow_integration_get_token (integration)))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* Translators: %s is a 12-digit AWS account ID */
  description = g_strdup_printf (_("Vantage is importing account %s. Its first report can take up to 24 hours to arrive; follow it in Ingestion."),
                                 inflow_integration_get_account_identifier (integration));
  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->steps, "done");
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (widget);

  if (step_index (self) == (int) N_STEPS - 1 && inflow_connect_form_get_can_connect (self->form))
    inflow_connect_form_connect_async (self->form, self->cancellable, connected_cb, self);
}

/* ---- the object --------------------------------------------------------- */

static void
apply_start (InflowConnectAssistant *self)
{
  if (g_strcmp0 (self->start, "management") == 0)
    g_object_set (self->form, "account", INFLOW_CONNECT_ACCOUNT_MANAGEMENT, NULL);
  else if (g_strcmp0 (self->start, "member") == 0 || g_strcmp0 (self->start, "stackset") == 0)
    g_object_set (self->form, "account", INFLOW_CONNECT_ACCOUNT_MEMBER, NULL);

  if (g_strcmp0 (self->start, "stackset") == 0)
    inflow_connect_methods_set_method (self->methods, INFLOW_CONNECT_METHOD_STACKSET);
}

static void
inflow_connect_assistant_constructed (GObject *object)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  G_OBJECT_CLASS (inflow_connect_assistant_parent_class)->constructed (object);

  g_assert (INFLOW_IS_SESSION (self->session));

  self->form = inflow_connect_form_new (self->session);
  inflow_connect_step_set_form (self->account_step, self->form);
  inflow_connect_step_set_form (self->details_step, self->form);
  inflow_connect_step_set_form (self->arn_step, self->form);
  inflow_connect_methods_set_form (self->methods, self->form);
  g_signal_connect_object (self->form, "notify", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::write-disabled-reason", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);

  apply_start (self);
  update_title (self);
  update_state (self);
  inflow_connect_form_load_info (self->form);
}

static void
inflow_connect_assistant_dispose (GObject *object)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->form);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_connect_assistant_parent_class)->dispose (object);
}

static void
inflow_connect_assistant_finalize (GObject *object)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  g_clear_object (&self->cancellable);
  g_free (self->start);

  G_OBJECT_CLASS (inflow_connect_assistant_parent_class)->finalize (object);
}

static void
inflow_connect_assistant_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_START:
      g_value_set_string (value, self->start);
      break;

    case PROP_STEP:
      g_value_set_string (value, gtk_stack_get_visible_child_name (self->steps));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_assistant_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  InflowConnectAssistant *self = INFLOW_CONNECT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_START:
      self->start = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_assistant_class_init (InflowConnectAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = inflow_connect_assistant_constructed;
  object_class->dispose = inflow_connect_assistant_dispose;
  object_class->finalize = inflow_connect_assistant_finalize;
  object_class->get_property = inflow_connect_assistant_get_property;
  object_class->set_property = inflow_connect_assistant_set_property;

  /**
   * InflowConnectAssistant:session:
   *
   * The session whose Vantage account the AWS account is connected to.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowConnectAssistant:start:
   *
   * "" to ask, "management", "member" or "stackset".
   */
  properties[PROP_START] =
    g_param_spec_string ("start", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowConnectAssistant:step:
   *
   * The step shown: "intro", "account", "details", "methods", "arn" or
   * "done".
   */
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CONNECT_ACCOUNT_STEP);
  g_type_ensure (INFLOW_TYPE_CONNECT_DETAILS_STEP);
  g_type_ensure (INFLOW_TYPE_CONNECT_ARN_STEP);
  g_type_ensure (INFLOW_TYPE_CONNECT_METHODS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-connect-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, connect_button);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, connect_button_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, connect_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, steps);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, security_label);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, account_step);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, details_step);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, arn_step);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, methods_state);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, info_error_page);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, methods);
  gtk_widget_class_bind_template_child (widget_class, InflowConnectAssistant, done_page);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);

  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "assistant.retry", NULL, retry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "assistant.next", NULL);
}

static void
inflow_connect_assistant_init (InflowConnectAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * inflow_connect_assistant_new:
 * @parent: (nullable): the main window, which gets win.monitor-ingestion
 * @session: the active session
 * @start: (nullable): "" or %NULL (ask), "management", "member" or "stackset"
 *
 * Returns: (transfer none): the assistant, not shown yet; present it with
 *   gtk_window_present()
 */
InflowConnectAssistant *
inflow_connect_assistant_new (GtkWindow     *parent,
                              InflowSession *session,
                              const char    *start)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  return g_object_new (INFLOW_TYPE_CONNECT_ASSISTANT,
                       "transient-for", parent,
                       "session", session,
                       "start", start != NULL ? start : "",
                       NULL);
}
