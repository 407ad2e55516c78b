/* inflow-connect-step.h: a step of the Connect AWS assistant, showing its form
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-connect-form.h"
#include "inflow-onboarding-dialog.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_CONNECT_STEP (inflow_connect_step_get_type ())

G_DECLARE_DERIVABLE_TYPE (InflowConnectStep, inflow_connect_step, INFLOW, CONNECT_STEP, GtkWidget)

/**
 * InflowConnectStepClass:
 * @bind: the form is set: bind the step's widgets to it
 * @update: something in the form changed: show what bindings cannot
 */
struct _InflowConnectStepClass
{
  GtkWidgetClass parent_class;

  void (*bind)   (InflowConnectStep *self,
                  InflowConnectForm *form);
  void (*update) (InflowConnectStep *self,
                  InflowConnectForm *form);
};

InflowConnectForm *inflow_connect_step_get_form      (InflowConnectStep *self);
void               inflow_connect_step_set_form      (InflowConnectStep *self,
                                                      InflowConnectForm *form);

void               inflow_connect_bind_field         (InflowConnectForm *form,
                                                      const char        *property,
                                                      gpointer           editable);

G_END_DECLS
