/* inflow-list-status.h: what a view of one of the session's lists shows around its rows
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_LIST_STATUS (inflow_list_status_get_type ())

G_DECLARE_FINAL_TYPE (InflowListStatus, inflow_list_status, INFLOW, LIST_STATUS, GObject)

InflowListStatus  *inflow_list_status_new               (InflowSessionList  list);

InflowSession     *inflow_list_status_get_session       (InflowListStatus  *self);
void               inflow_list_status_set_session       (InflowListStatus  *self,
                                                         InflowSession     *session);
void               inflow_list_status_set_counts        (InflowListStatus  *self,
                                                         guint              n_items,
                                                         guint              n_shown,
                                                         gboolean           pending);
const char        *inflow_list_status_get_state         (InflowListStatus  *self);
const char        *inflow_list_status_get_as_of         (InflowListStatus  *self);
const char        *inflow_list_status_get_error_message (InflowListStatus  *self);
void               inflow_list_status_retry             (InflowListStatus  *self);

const char        *inflow_list_state_get_name           (InflowListState    state);

G_END_DECLS
