/* inflow-notifier.h: desktop notifications for ingestion events
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-ingestion-monitor.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_NOTIFIER (inflow_notifier_get_type ())

G_DECLARE_FINAL_TYPE (InflowNotifier, inflow_notifier, INFLOW, NOTIFIER, GObject)

InflowNotifier         *inflow_notifier_new         (GApplication           *application);
InflowIngestionMonitor *inflow_notifier_get_monitor (InflowNotifier         *self);
void                    inflow_notifier_set_monitor (InflowNotifier         *self,
                                                     InflowIngestionMonitor *monitor);
guint                   inflow_notifier_get_n_sent  (InflowNotifier         *self);

G_END_DECLS
