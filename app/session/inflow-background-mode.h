/* inflow-background-mode.h: keeps Inflow running with no window while something is worth watching
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-background-portal.h"
#include "inflow-session.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_BACKGROUND_MODE (inflow_background_mode_get_type ())

G_DECLARE_FINAL_TYPE (InflowBackgroundMode, inflow_background_mode, INFLOW, BACKGROUND_MODE, GObject)

InflowBackgroundMode   *inflow_background_mode_new             (GApplication         *application,
                                                                GSettings            *settings,
                                                                GDBusConnection      *connection);

void                    inflow_background_mode_set_session     (InflowBackgroundMode *self,
                                                                InflowSession        *session);
void                    inflow_background_mode_set_has_window  (InflowBackgroundMode *self,
                                                                gboolean              has_window);
void                    inflow_background_mode_stop            (InflowBackgroundMode *self);

gboolean                inflow_background_mode_get_held        (InflowBackgroundMode *self);
InflowBackgroundPortal *inflow_background_mode_get_portal      (InflowBackgroundMode *self);
const char             *inflow_background_mode_get_description (InflowBackgroundMode *self);
char                   *inflow_background_mode_dup_autostart_path (void);

G_END_DECLS
