/* inflow-onboarding-dialog.c: what the Backfill and Update Permissions dialogs share
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include "inflow-onboarding-dialog.h"

/* A modal window about one integration of the session: it holds the
 * session and the integration's token, cancels what it started when it
 * goes, closes on Escape and wears the development style in development
 * builds. Its layout is its own template: a header bar with the title and
 * the subtitle over a scrolling, clamped body, which the subclass's
 * template gives as the body property. */

typedef struct
{
  InflowSession   *session;
  char            *integration_token;
  char            *subtitle;
  GCancellable    *cancellable;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwClamp        *clamp;
} InflowOnboardingDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (InflowOnboardingDialog, inflow_onboarding_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_INTEGRATION_TOKEN,
  PROP_SUBTITLE,
  PROP_BODY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_onboarding_dialog_dispose (GObject *object)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (INFLOW_ONBOARDING_DIALOG (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (inflow_onboarding_dialog_parent_class)->dispose (object);
}

static void
inflow_onboarding_dialog_finalize (GObject *object)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (INFLOW_ONBOARDING_DIALOG (object));

  g_clear_object (&priv->cancellable);
  g_free (priv->integration_token);
  g_free (priv->subtitle);

  G_OBJECT_CLASS (inflow_onboarding_dialog_parent_class)->finalize (object);
}

static void
inflow_onboarding_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (INFLOW_ONBOARDING_DIALOG (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;

    case PROP_INTEGRATION_TOKEN:
      g_value_set_string (value, priv->integration_token);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, priv->subtitle);
      break;

    case PROP_BODY:
      g_value_set_object (value, adw_clamp_get_child (priv->clamp));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_onboarding_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (INFLOW_ONBOARDING_DIALOG (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;

    case PROP_INTEGRATION_TOKEN:
      priv->integration_token = g_value_dup_string (value);
      break;

    case PROP_SUBTITLE:
      if (g_strcmp0 (priv->subtitle, g_value_get_string (value)) != 0)
        {
          g_free (priv->subtitle);
          priv->subtitle = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_BODY:
      adw_clamp_set_child (priv->clamp, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_onboarding_dialog_class_init (InflowOnboardingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_onboarding_dialog_dispose;
  object_class->finalize = inflow_onboarding_dialog_finalize;
  object_class->get_property = inflow_onboarding_dialog_get_property;
  object_class->set_property = inflow_onboarding_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowOnboardingDialog:integration-token:
   *
   * The AWS integration the dialog is about, or %NULL.
   */
  properties[PROP_INTEGRATION_TOKEN] =
    g_param_spec_string ("integration-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowOnboardingDialog:subtitle:
   *
   * Under the title in the header bar: the account the dialog is about.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowOnboardingDialog:body:
   *
   * What the dialog shows under its header bar, scrolling.
   */
  properties[PROP_BODY] =
    g_param_spec_object ("body", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-onboarding-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, InflowOnboardingDialog, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, InflowOnboardingDialog, clamp);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
inflow_onboarding_dialog_init (InflowOnboardingDialog *self)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->cancellable = g_cancellable_new ();

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

InflowSession *
inflow_onboarding_dialog_get_session (InflowOnboardingDialog *self)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (self);

  g_return_val_if_fail (INFLOW_IS_ONBOARDING_DIALOG (self), NULL);

  return priv->session;
}

const char *
inflow_onboarding_dialog_get_integration_token (InflowOnboardingDialog *self)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (self);

  g_return_val_if_fail (INFLOW_IS_ONBOARDING_DIALOG (self), NULL);

  return priv->integration_token;
}

/* Cancelled when the dialog goes. */
GCancellable *
inflow_onboarding_dialog_get_cancellable (InflowOnboardingDialog *self)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (self);

  g_return_val_if_fail (INFLOW_IS_ONBOARDING_DIALOG (self), NULL);

  return priv->cancellable;
}

/* Where the dialog's actions confirm what they did. */
GtkWidget *
inflow_onboarding_dialog_get_toast_overlay (InflowOnboardingDialog *self)
{
  InflowOnboardingDialogPrivate *priv = inflow_onboarding_dialog_get_instance_private (self);

  g_return_val_if_fail (INFLOW_IS_ONBOARDING_DIALOG (self), NULL);

  return GTK_WIDGET (priv->toast_overlay);
}

/**
 * inflow_onboarding_show_message:
 * @text: (nullable): the message; hidden when empty
 * @is_error: an error (in the error color) or a hint (dimmed)
 *
 * Shows the caption under a field or a group of fields.
 */
void
inflow_onboarding_show_message (GtkLabel   *label,
                                const char *text,
                                gboolean    is_error)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (label), is_error ? "dim-label" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (label), is_error ? "error" : "dim-label");
}
