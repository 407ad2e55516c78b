/* inflow-sim-clock.h: the virtual clock of the Vantage API simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_SIM_CLOCK (inflow_sim_clock_get_type ())

G_DECLARE_FINAL_TYPE (InflowSimClock, inflow_sim_clock, INFLOW, SIM_CLOCK, GObject)

InflowSimClock *inflow_sim_clock_new            (void);

void            inflow_sim_clock_set_time_scale (InflowSimClock *self,
                                                 double          scale);
double          inflow_sim_clock_get_time_scale (InflowSimClock *self);
void            inflow_sim_clock_set_offset     (InflowSimClock *self,
                                                 GTimeSpan       offset);
void            inflow_sim_clock_advance        (InflowSimClock *self,
                                                 GTimeSpan       span);
gint64          inflow_sim_clock_now            (InflowSimClock *self);
GDateTime      *inflow_sim_clock_dup_now        (InflowSimClock *self);

G_END_DECLS
