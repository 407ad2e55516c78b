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

InflowNotifier *inflow_notifier_new                (GApplication             *application,
                                                    InflowIngestionMonitor   *monitor);
InflowNotifier *inflow_notifier_ensure             (GApplication             *application,
                                                    InflowIngestionMonitor   *monitor);
GApplication   *inflow_notifier_get_application    (InflowNotifier           *self);
guint           inflow_notifier_get_n_sent         (InflowNotifier           *self);
GNotification  *inflow_notifier_build_notification (InflowNotifier           *self,
                                                    InflowIngestionEventKind  kind,
                                                    InflowIngestionItem      *item,
                                                    char                    **id);
gboolean        inflow_notifier_is_enabled         (InflowNotifier           *self,
                                                    InflowIngestionEventKind  kind);

G_END_DECLS
