/* inflow-welcome-page.h
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_WELCOME_PAGE (inflow_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (InflowWelcomePage, inflow_welcome_page, INFLOW, WELCOME_PAGE, AdwBin)

GListModel *inflow_welcome_page_get_profiles      (InflowWelcomePage *self);
void        inflow_welcome_page_set_profiles      (InflowWelcomePage *self,
                                                   GListModel        *profiles);
const char *inflow_welcome_page_get_message       (InflowWelcomePage *self);
void        inflow_welcome_page_set_message       (InflowWelcomePage *self,
                                                   const char        *message);
gboolean    inflow_welcome_page_get_demo_starting (InflowWelcomePage *self);
void        inflow_welcome_page_set_demo_starting (InflowWelcomePage *self,
                                                   gboolean           starting);
void        inflow_welcome_page_set_can_unlock    (InflowWelcomePage *self,
                                                   gboolean           can_unlock);

G_END_DECLS
