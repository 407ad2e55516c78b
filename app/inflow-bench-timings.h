/* inflow-bench-timings.h: timings for tests/bench/run-launch-bench.sh
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-application.h"

G_BEGIN_DECLS

void inflow_bench_timings_watch (GtkWindow         *window,
                                 InflowApplication *application);

G_END_DECLS
