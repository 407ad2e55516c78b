/* inflow-server-clock.h: the server's time, as the Vantage answers tell it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-client.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_SERVER_CLOCK (inflow_server_clock_get_type ())

G_DECLARE_FINAL_TYPE (InflowServerClock, inflow_server_clock, INFLOW, SERVER_CLOCK, GObject)

InflowServerClock *inflow_server_clock_new              (InflowClient      *client);
GDateTime         *inflow_server_clock_dup_now          (InflowServerClock *self);
GDateTime         *inflow_server_clock_dup_local_now    (InflowServerClock *self);
GDateTime         *inflow_server_clock_to_server_time   (InflowServerClock *self,
                                                         GDateTime         *time);
void               inflow_server_clock_sample           (InflowServerClock *self);
gboolean           inflow_server_clock_get_reached      (InflowServerClock *self);
GTimeSpan          inflow_server_clock_get_offset       (InflowServerClock *self);
double             inflow_server_clock_get_rate         (InflowServerClock *self);
gboolean           inflow_server_clock_get_rate_known   (InflowServerClock *self);
gint64             inflow_server_clock_real_ms_until    (InflowServerClock *self,
                                                         GDateTime         *now,
                                                         GDateTime         *wake);
double             inflow_server_clock_get_time_scale   (InflowServerClock *self);
void               inflow_server_clock_set_time_scale   (InflowServerClock *self,
                                                         double             scale);

G_END_DECLS
