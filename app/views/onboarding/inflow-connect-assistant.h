/* inflow-connect-assistant.h: the Connect AWS assistant
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_CONNECT_ASSISTANT (inflow_connect_assistant_get_type ())

G_DECLARE_FINAL_TYPE (InflowConnectAssistant, inflow_connect_assistant, INFLOW, CONNECT_ASSISTANT, AdwWindow)

/* @start: "" (ask), "management", "member" or "stackset", as the window
 * action win.connect-aws passes it. On success the assistant activates
 * win.monitor-ingestion(s token) on @parent and closes. */
InflowConnectAssistant *inflow_connect_assistant_new          (GtkWindow              *parent,
                                                               InflowSession          *session,
                                                               const char             *start);
G_END_DECLS
