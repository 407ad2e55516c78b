/* inflow-timeline.h: an integration's ingestion history on a time axis
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-ingestion-item.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_TIMELINE (inflow_timeline_get_type ())

G_DECLARE_FINAL_TYPE (InflowTimeline, inflow_timeline, INFLOW, TIMELINE, GtkWidget)

GtkWidget           *inflow_timeline_new             (void);
InflowIngestionItem *inflow_timeline_get_item        (InflowTimeline      *self);
void                 inflow_timeline_set_item        (InflowTimeline      *self,
                                                      InflowIngestionItem *item);
GDateTime           *inflow_timeline_get_now         (InflowTimeline      *self);
void                 inflow_timeline_set_now         (InflowTimeline      *self,
                                                      GDateTime           *now);

G_END_DECLS
