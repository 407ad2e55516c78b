/* inflow-sim-clock.c: the virtual clock of the Vantage API simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Virtual time runs at time_scale times real (monotonic) time from an
 * anchor: now = anchor_virtual + (monotonic - anchor_monotonic) * scale.
 * Changing the scale re-anchors, so virtual time never jumps; an offset or
 * an advance moves it on purpose. Times are microseconds since the Unix
 * epoch, UTC.
 */

#define G_LOG_DOMAIN "inflow-sim"

#include "config.h"

#include <math.h>

#include "inflow-sim-clock.h"

struct _InflowSimClock
{
  GObject parent_instance;

  double  scale;
  gint64  anchor_virtual;
  gint64  anchor_monotonic;
};

G_DEFINE_FINAL_TYPE (InflowSimClock, inflow_sim_clock, G_TYPE_OBJECT)

static void
inflow_sim_clock_class_init (InflowSimClockClass *klass)
{
}

static void
inflow_sim_clock_init (InflowSimClock *self)
{
  self->scale = 1.0;
  self->anchor_virtual = g_get_real_time ();
  self->anchor_monotonic = g_get_monotonic_time ();
}

InflowSimClock *
inflow_sim_clock_new (void)
{
  return g_object_new (INFLOW_TYPE_SIM_CLOCK, NULL);
}

static void
reanchor (InflowSimClock *self)
{
  gint64 now = inflow_sim_clock_now (self);

  self->anchor_monotonic = g_get_monotonic_time ();
  self->anchor_virtual = now;
}

/* 1.0 is real time, 480 makes a real minute eight virtual hours, 0 stops
 * the clock (only advance() moves it then). */
void
inflow_sim_clock_set_time_scale (InflowSimClock *self,
                                 double          scale)
{
  g_return_if_fail (INFLOW_IS_SIM_CLOCK (self));
  g_return_if_fail (scale >= 0.0 && isfinite (scale));

  reanchor (self);
  self->scale = scale;
}

double
inflow_sim_clock_get_time_scale (InflowSimClock *self)
{
  g_return_val_if_fail (INFLOW_IS_SIM_CLOCK (self), 1.0);

  return self->scale;
}

/* From now on, virtual time is real time plus @offset (then runs at the
 * time scale). */
void
inflow_sim_clock_set_offset (InflowSimClock *self,
                             GTimeSpan       offset)
{
  g_return_if_fail (INFLOW_IS_SIM_CLOCK (self));

  self->anchor_monotonic = g_get_monotonic_time ();
  self->anchor_virtual = g_get_real_time () + offset;
}

void
inflow_sim_clock_advance (InflowSimClock *self,
                          GTimeSpan       span)
{
  g_return_if_fail (INFLOW_IS_SIM_CLOCK (self));

  self->anchor_virtual += span;
}

/* Virtual now, in microseconds since the epoch. */
gint64
inflow_sim_clock_now (InflowSimClock *self)
{
  gint64 elapsed;

  g_return_val_if_fail (INFLOW_IS_SIM_CLOCK (self), 0);

  elapsed = g_get_monotonic_time () - self->anchor_monotonic;

  return self->anchor_virtual + (gint64) llround ((double) elapsed * self->scale);
}

GDateTime *
inflow_sim_clock_dup_now (InflowSimClock *self)
{
  gint64 now = inflow_sim_clock_now (self);
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);

  return g_date_time_add (seconds, now % G_USEC_PER_SEC);
}
