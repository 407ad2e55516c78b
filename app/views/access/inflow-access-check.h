/* inflow-access-check.h: a Workspace Access check box whose accessible name and state bind
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCESS_CHECK (inflow_access_check_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessCheck, inflow_access_check, INFLOW, ACCESS_CHECK, GtkCheckButton)

G_END_DECLS
