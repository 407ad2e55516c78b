/* inflow-connect-methods.h: the five ways to create the role, side by side
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-connect-form.h"

G_BEGIN_DECLS

#define INFLOW_CONNECT_METHOD_CLOUDFORMATION "cloudformation"
#define INFLOW_CONNECT_METHOD_CLI            "cli"
#define INFLOW_CONNECT_METHOD_TERRAFORM      "terraform"
#define INFLOW_CONNECT_METHOD_IAM_CONSOLE    "iam-console"
#define INFLOW_CONNECT_METHOD_STACKSET       "stackset"

#define INFLOW_TYPE_CONNECT_METHODS (inflow_connect_methods_get_type ())

G_DECLARE_FINAL_TYPE (InflowConnectMethods, inflow_connect_methods, INFLOW, CONNECT_METHODS, GtkWidget)

void          inflow_connect_methods_set_form     (InflowConnectMethods          *self,
                                                   InflowConnectForm             *form);
void          inflow_connect_methods_set_method   (InflowConnectMethods          *self,
                                                   const char                    *method);

G_END_DECLS
