/* inflow-simulator-thread.h: a simulator serving from a thread of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-simulator.h"

G_BEGIN_DECLS

/* Runs in the simulator's thread, before it listens */
typedef void (*InflowSimulatorPrepareFunc) (InflowSimulator *simulator,
                                            gpointer         user_data);

#define INFLOW_TYPE_SIMULATOR_THREAD (inflow_simulator_thread_get_type ())

G_DECLARE_FINAL_TYPE (InflowSimulatorThread, inflow_simulator_thread, INFLOW, SIMULATOR_THREAD, GObject)

void                   inflow_simulator_thread_start_async  (InflowSimulator            *simulator,
                                                             InflowSimulatorPrepareFunc  prepare,
                                                             gpointer                    prepare_data,
                                                             GCancellable               *cancellable,
                                                             GAsyncReadyCallback         callback,
                                                             gpointer                    user_data);
InflowSimulatorThread *inflow_simulator_thread_start_finish (GAsyncResult               *result,
                                                             GError                    **error);
const char            *inflow_simulator_thread_get_base_url (InflowSimulatorThread      *self);
double                 inflow_simulator_thread_get_time_scale (InflowSimulatorThread    *self);

G_END_DECLS
