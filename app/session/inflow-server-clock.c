/* inflow-server-clock.c: the server's time, as the Vantage answers tell it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every delay Inflow shows is measured in the server's time: the client
 * calibrates its offset from each answer's HTTP Date header. The demo's
 * simulator runs a virtual clock that may be hundreds of times faster than
 * real time, so this clock also learns the rate at which the server's time
 * moves (or is told it with set_time_scale()) and runs on at that rate
 * between answers.
 */

#define G_LOG_DOMAIN "inflow-ingestion-monitor"

#include "config.h"

#include "inflow-ingestion-format.h"
#include "inflow-server-clock.h"

/* Samples of the server clock closer than this give no rate. */
#define RATE_SAMPLE_MIN  (G_TIME_SPAN_SECOND / 2)
#define MAX_TIME_SCALE   100000.0

/**
 * InflowServerClock:
 *
 * The one clock of a session's views: "now" in server time, never going
 * back, and the times the session keeps in the computer's clock made
 * server time.
 */
struct _InflowServerClock
{
  GObject       parent_instance;

  InflowClient *client;
  double        time_scale;      /* 0: learn it */
  double        rate_estimate;   /* the latest measure */
  gboolean      rate_measured;
  GDateTime    *last_now;
  gint64        calib_mono;
  GTimeSpan     calib_offset;
  gint64        answer_mono;     /* when the client last calibrated */
};

G_DEFINE_FINAL_TYPE (InflowServerClock, inflow_server_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIME_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clock_offset_changed_cb (InflowServerClock *self)
{
  inflow_server_clock_sample (self);
}

static void
inflow_server_clock_dispose (GObject *object)
{
  InflowServerClock *self = INFLOW_SERVER_CLOCK (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (inflow_server_clock_parent_class)->dispose (object);
}

static void
inflow_server_clock_finalize (GObject *object)
{
  InflowServerClock *self = INFLOW_SERVER_CLOCK (object);

  g_clear_pointer (&self->last_now, g_date_time_unref);

  G_OBJECT_CLASS (inflow_server_clock_parent_class)->finalize (object);
}

static void
inflow_server_clock_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowServerClock *self = INFLOW_SERVER_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME_SCALE:
      g_value_set_double (value, self->time_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_server_clock_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  InflowServerClock *self = INFLOW_SERVER_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME_SCALE:
      inflow_server_clock_set_time_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_server_clock_class_init (InflowServerClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_server_clock_dispose;
  object_class->finalize = inflow_server_clock_finalize;
  object_class->get_property = inflow_server_clock_get_property;
  object_class->set_property = inflow_server_clock_set_property;

  /**
   * InflowServerClock:time-scale:
   *
   * Server seconds per real second; 0 to learn it from the server's Date
   * header.
   */
  properties[PROP_TIME_SCALE] =
    g_param_spec_double ("time-scale", NULL, NULL, 0.0, MAX_TIME_SCALE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_server_clock_init (InflowServerClock *self)
{
  self->rate_estimate = 1.0;
}

/**
 * inflow_server_clock_new:
 * @client: the client whose answers calibrate the clock
 *
 * Returns: (transfer full): a clock
 */
InflowServerClock *
inflow_server_clock_new (InflowClient *client)
{
  InflowServerClock *self;

  g_return_val_if_fail (INFLOW_IS_CLIENT (client), NULL);

  self = g_object_new (INFLOW_TYPE_SERVER_CLOCK, NULL);
  self->client = g_object_ref (client);
  g_signal_connect_object (client, "notify::clock-offset",
                           G_CALLBACK (clock_offset_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * inflow_server_clock_get_rate:
 * @self: a clock
 *
 * Returns: server seconds per real second, set or learned; below 1.5 it
 *   counts as real time (the Date header has whole seconds)
 */
double
inflow_server_clock_get_rate (InflowServerClock *self)
{
  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), 1.0);

  if (self->time_scale > 0)
    return self->time_scale;

  return self->rate_estimate > 1.5 ? self->rate_estimate : 1.0;
}

/**
 * inflow_server_clock_get_rate_known:
 * @self: a clock
 *
 * Returns: whether the rate was set or measured
 */
gboolean
inflow_server_clock_get_rate_known (InflowServerClock *self)
{
  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), FALSE);

  return self->time_scale > 0 || self->rate_measured;
}

/**
 * inflow_server_clock_sample:
 * @self: a clock
 *
 * Called after every answer: learns how fast the server's clock runs, from
 * the client's offset between answers at least half a second apart. A
 * jump of the server's clock gives one high measure; the next answer
 * corrects it.
 */
void
inflow_server_clock_sample (InflowServerClock *self)
{
  gint64 mono = g_get_monotonic_time ();
  GTimeSpan offset;

  g_return_if_fail (INFLOW_IS_SERVER_CLOCK (self));

  offset = inflow_client_get_clock_offset (self->client);
  self->answer_mono = mono;

  if (self->calib_mono != 0 && mono - self->calib_mono < RATE_SAMPLE_MIN)
    return;

  if (self->calib_mono != 0)
    {
      double rate = 1.0 + (double) (offset - self->calib_offset) / (double) (mono - self->calib_mono);

      self->rate_estimate = CLAMP (rate, 0.0, MAX_TIME_SCALE);
      self->rate_measured = TRUE;
    }

  self->calib_mono = mono;
  self->calib_offset = offset;
}

/**
 * inflow_server_clock_dup_now:
 * @self: a clock
 *
 * The client's server-calibrated clock; faster than real time, moved on by
 * the real time since the last answer times the rate. Never back in time,
 * though the next answer may show a guess went too far.
 *
 * Returns: (transfer full): the server's "now", in UTC
 */
GDateTime *
inflow_server_clock_dup_now (InflowServerClock *self)
{
  g_autoptr(GDateTime) now = NULL;
  double rate;

  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), NULL);

  now = inflow_client_get_now (self->client);
  rate = inflow_server_clock_get_rate (self);

  /* The client's clock runs at real speed from its last answer on: a
   * faster server clock has moved on further since. */
  if (rate > 1.0 && self->answer_mono != 0)
    {
      GTimeSpan since = g_get_monotonic_time () - self->answer_mono;
      GDateTime *moved = g_date_time_add (now, (GTimeSpan) (since * (rate - 1.0)));

      g_date_time_unref (now);
      now = moved;
    }

  if (self->last_now != NULL && g_date_time_compare (now, self->last_now) < 0)
    {
      g_date_time_unref (now);
      now = g_date_time_ref (self->last_now);
    }
  else
    {
      g_clear_pointer (&self->last_now, g_date_time_unref);
      self->last_now = g_date_time_ref (now);
    }

  return g_steal_pointer (&now);
}

/**
 * inflow_server_clock_dup_local_now:
 * @self: a clock
 *
 * Returns: (transfer full): the server's "now" in the user's time zone,
 *   the @now to format the session's times against
 */
GDateTime *
inflow_server_clock_dup_local_now (InflowServerClock *self)
{
  g_autoptr(GDateTime) now = inflow_server_clock_dup_now (self);

  return g_date_time_to_timezone (now, inflow_ingestion_local_time_zone ());
}

/**
 * inflow_server_clock_to_server_time:
 * @self: a clock
 * @time: a time of the computer's clock (when the session fetched a list)
 *
 * The server's time then: now on the server's clock, less the real time
 * since at the clock's rate (the demo's clock ran faster meanwhile).
 *
 * Returns: (transfer full): @time in server time, in UTC
 */
GDateTime *
inflow_server_clock_to_server_time (InflowServerClock *self,
                                    GDateTime         *time)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) server_now = NULL;
  GTimeSpan since;

  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), NULL);
  g_return_val_if_fail (time != NULL, NULL);

  local_now = g_date_time_new_now_utc ();
  server_now = inflow_server_clock_dup_now (self);
  since = MAX (g_date_time_difference (local_now, time), 0);

  return g_date_time_add (server_now, -(GTimeSpan) (since * inflow_server_clock_get_rate (self)));
}

/**
 * inflow_server_clock_get_reached:
 * @self: a clock
 *
 * Returns: whether an answer of the server set the clock: until then
 *   "now" is the computer's clock and the offset is not known
 */
gboolean
inflow_server_clock_get_reached (InflowServerClock *self)
{
  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), FALSE);

  return inflow_client_get_clock_known (self->client);
}

/**
 * inflow_server_clock_get_offset:
 * @self: a clock
 *
 * Returns: how far the server's clock was ahead of the computer's at the
 *   last answer
 */
GTimeSpan
inflow_server_clock_get_offset (InflowServerClock *self)
{
  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), 0);

  return inflow_client_get_clock_offset (self->client);
}

/**
 * inflow_server_clock_real_ms_until:
 * @self: a clock
 * @now: the server's now
 * @wake: a later server time
 *
 * Returns: the real milliseconds until the server's clock reaches @wake
 *   at its rate; 0 when it already did
 */
gint64
inflow_server_clock_real_ms_until (InflowServerClock *self,
                                   GDateTime         *now,
                                   GDateTime         *wake)
{
  GTimeSpan span;

  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), 0);

  span = g_date_time_difference (wake, now);

  return (gint64) (MAX (span, 0) / inflow_server_clock_get_rate (self) / 1000.0);
}

/**
 * inflow_server_clock_get_time_scale:
 * @self: a clock
 *
 * Returns: the time scale set, or else the rate learned
 */
double
inflow_server_clock_get_time_scale (InflowServerClock *self)
{
  g_return_val_if_fail (INFLOW_IS_SERVER_CLOCK (self), 1.0);

  return self->time_scale > 0 ? self->time_scale : inflow_server_clock_get_rate (self);
}

/**
 * inflow_server_clock_set_time_scale:
 * @self: a clock
 * @scale: server seconds per real second (the demo simulator's time
 *   scale); 0 to learn it from the server's Date header
 */
void
inflow_server_clock_set_time_scale (InflowServerClock *self,
                                    double             scale)
{
  g_return_if_fail (INFLOW_IS_SERVER_CLOCK (self));

  scale = CLAMP (scale, 0.0, MAX_TIME_SCALE);
  if (self->time_scale == scale)
    return;

  self->time_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_SCALE]);
}
