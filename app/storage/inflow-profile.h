/* inflow-profile.h: one Vantage profile (an organization and its API base)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_PROFILE (inflow_profile_get_type ())

G_DECLARE_FINAL_TYPE (InflowProfile, inflow_profile, INFLOW, PROFILE, GObject)

InflowProfile *inflow_profile_new              (const char    *name,
                                                const char    *base_url);
InflowProfile *inflow_profile_new_demo         (const char    *base_url);
InflowProfile *inflow_profile_new_full         (const char    *id,
                                                const char    *name,
                                                const char    *base_url,
                                                GDateTime     *created_at,
                                                GDateTime     *last_used_at);
const char    *inflow_profile_get_id           (InflowProfile *self);
const char    *inflow_profile_get_name         (InflowProfile *self);
const char    *inflow_profile_get_base_url     (InflowProfile *self);
GDateTime     *inflow_profile_get_created_at   (InflowProfile *self);
GDateTime     *inflow_profile_get_last_used_at (InflowProfile *self);
gboolean       inflow_profile_get_is_demo      (InflowProfile *self);

G_END_DECLS
