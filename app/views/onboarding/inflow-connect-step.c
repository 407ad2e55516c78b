/* inflow-connect-step.c: a step of the Connect AWS assistant, showing its form
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-connect-assistant"

#include "config.h"

#include "inflow-connect-step.h"
#include "inflow-onboarding-dialog.h"

/* The steps share one #InflowConnectForm, which the assistant gives each
 * of them once. A step lays itself out in its template and binds its
 * fields to the form's properties; what a binding cannot say (a row's
 * error style, a message's color) it shows in update(), on every change
 * of the form. */

typedef struct
{
  InflowConnectForm *form;
} InflowConnectStepPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (InflowConnectStep, inflow_connect_step, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
form_changed_cb (InflowConnectStep *self)
{
  InflowConnectStepPrivate *priv = inflow_connect_step_get_instance_private (self);

  if (INFLOW_CONNECT_STEP_GET_CLASS (self)->update != NULL)
    INFLOW_CONNECT_STEP_GET_CLASS (self)->update (self, priv->form);
}

static void
inflow_connect_step_dispose (GObject *object)
{
  InflowConnectStep *self = INFLOW_CONNECT_STEP (object);
  InflowConnectStepPrivate *priv = inflow_connect_step_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->form);

  G_OBJECT_CLASS (inflow_connect_step_parent_class)->dispose (object);
}

static void
inflow_connect_step_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowConnectStepPrivate *priv = inflow_connect_step_get_instance_private (INFLOW_CONNECT_STEP (object));

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, priv->form);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_step_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_FORM:
      inflow_connect_step_set_form (INFLOW_CONNECT_STEP (object), g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_connect_step_class_init (InflowConnectStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_connect_step_dispose;
  object_class->get_property = inflow_connect_step_get_property;
  object_class->set_property = inflow_connect_step_set_property;

  /**
   * InflowConnectStep:form:
   *
   * The assistant's form; set once.
   */
  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL,
                         INFLOW_TYPE_CONNECT_FORM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
inflow_connect_step_init (InflowConnectStep *self)
{
}

InflowConnectForm *
inflow_connect_step_get_form (InflowConnectStep *self)
{
  InflowConnectStepPrivate *priv = inflow_connect_step_get_instance_private (self);

  g_return_val_if_fail (INFLOW_IS_CONNECT_STEP (self), NULL);

  return priv->form;
}

void
inflow_connect_step_set_form (InflowConnectStep *self,
                              InflowConnectForm *form)
{
  InflowConnectStepPrivate *priv = inflow_connect_step_get_instance_private (self);

  g_return_if_fail (INFLOW_IS_CONNECT_STEP (self));
  g_return_if_fail (INFLOW_IS_CONNECT_FORM (form));
  g_return_if_fail (priv->form == NULL);

  priv->form = g_object_ref (form);
  if (INFLOW_CONNECT_STEP_GET_CLASS (self)->bind != NULL)
    INFLOW_CONNECT_STEP_GET_CLASS (self)->bind (self, form);
  g_signal_connect_object (form, "notify", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  form_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
}

/* @editable's text and @form's string @property, both ways. */
void
inflow_connect_bind_field (InflowConnectForm *form,
                           const char        *property,
                           gpointer           editable)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  g_object_bind_property (form, property, editable, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}
