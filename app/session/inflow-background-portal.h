/* inflow-background-portal.h: asks the desktop's Background portal to let Inflow run with no window
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * InflowBackgroundAnswer:
 * @INFLOW_BACKGROUND_ANSWER_NONE: not asked yet
 * @INFLOW_BACKGROUND_ANSWER_PENDING: asked, no answer yet
 * @INFLOW_BACKGROUND_ANSWER_ALLOWED: Inflow may run in the background
 * @INFLOW_BACKGROUND_ANSWER_REFUSED: the user (or the desktop's policy)
 *   refused it
 * @INFLOW_BACKGROUND_ANSWER_FAILED: the portal answered with an error
 * @INFLOW_BACKGROUND_ANSWER_NO_PORTAL: no Background portal answers on the
 *   session bus
 */
typedef enum
{
  INFLOW_BACKGROUND_ANSWER_NONE,
  INFLOW_BACKGROUND_ANSWER_PENDING,
  INFLOW_BACKGROUND_ANSWER_ALLOWED,
  INFLOW_BACKGROUND_ANSWER_REFUSED,
  INFLOW_BACKGROUND_ANSWER_FAILED,
  INFLOW_BACKGROUND_ANSWER_NO_PORTAL,
} InflowBackgroundAnswer;

GType inflow_background_answer_get_type (void);
#define INFLOW_TYPE_BACKGROUND_ANSWER (inflow_background_answer_get_type ())

#define INFLOW_TYPE_BACKGROUND_PORTAL (inflow_background_portal_get_type ())

G_DECLARE_FINAL_TYPE (InflowBackgroundPortal, inflow_background_portal, INFLOW, BACKGROUND_PORTAL, GObject)

InflowBackgroundPortal *inflow_background_portal_new              (GDBusConnection        *connection);

void                    inflow_background_portal_request          (InflowBackgroundPortal *self,
                                                                   const char             *reason,
                                                                   gboolean                autostart,
                                                                   const char * const     *commandline);
void                    inflow_background_portal_set_status       (InflowBackgroundPortal *self,
                                                                   const char             *message);

InflowBackgroundAnswer  inflow_background_portal_get_answer       (InflowBackgroundPortal *self);
gboolean                inflow_background_portal_get_autostart    (InflowBackgroundPortal *self);
guint                   inflow_background_portal_get_version      (InflowBackgroundPortal *self);
/* What the answer means, in a sentence for Preferences and Diagnostics */
const char             *inflow_background_portal_get_description  (InflowBackgroundPortal *self);

G_END_DECLS
