/* inflow-sim-policies.h: the IAM policy documents the simulator hands out
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *inflow_sim_policies_get (const char *name);

G_END_DECLS
