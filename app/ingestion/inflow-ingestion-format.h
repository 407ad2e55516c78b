/* inflow-ingestion-format.h: durations, times and cost days in words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GTimeZone *inflow_ingestion_local_time_zone (void);

char *inflow_ingestion_format_duration (GTimeSpan  span);
char *inflow_ingestion_format_when     (GDateTime *time,
                                        GDateTime *now);
char *inflow_ingestion_format_date     (GDateTime *time,
                                        GDateTime *now);
char *inflow_ingestion_format_day      (GDateTime *day,
                                        GDateTime *now);
char *inflow_ingestion_format_days_old (GDateTime *day,
                                        GDateTime *now);
int   inflow_ingestion_days_between    (GDateTime *day,
                                        GDateTime *now);

G_END_DECLS
