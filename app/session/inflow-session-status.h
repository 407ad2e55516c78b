/* inflow-session-status.h: how current a session's data is, in words, for the window
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_SESSION_STATUS (inflow_session_status_get_type ())

G_DECLARE_FINAL_TYPE (InflowSessionStatus, inflow_session_status, INFLOW, SESSION_STATUS, GObject)

InflowSessionStatus *inflow_session_status_new         (void);
InflowSession       *inflow_session_status_get_session (InflowSessionStatus *self);
void                 inflow_session_status_set_session (InflowSessionStatus *self,
                                                        InflowSession       *session);

G_END_DECLS
