/* inflow-sim-json.h: small JSON writers of the Vantage API simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A time or day that is absent: written as JSON null. */
#define INFLOW_SIM_NO_TIME G_MININT64

void   inflow_sim_json_string        (GString    *out,
                                      const char *value);
void   inflow_sim_json_time          (GString    *out,
                                      gint64      usec);
void   inflow_sim_json_cents         (GString    *out,
                                      gint64      cents);
char  *inflow_sim_json_format_time   (gint64      usec);
char  *inflow_sim_json_format_day    (gint64      day);
char  *inflow_sim_json_errors        (const char *message);

gint64 inflow_sim_day_of             (gint64      usec);
gint64 inflow_sim_day_parse          (const char *text);
gint64 inflow_sim_day_month_start    (gint64      day);
gint64 inflow_sim_day_week_start     (gint64      day);
gint64 inflow_sim_day_quarter_start  (gint64      day);

G_END_DECLS
