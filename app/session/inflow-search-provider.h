/* inflow-search-provider.h: the GNOME Shell search provider, from the local database
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-profile-manager.h"

G_BEGIN_DECLS

/* Where the provider lives, under the application's object path (the
 * search provider's .ini file says the same). */
#define INFLOW_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"

#define INFLOW_TYPE_SEARCH_PROVIDER (inflow_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (InflowSearchProvider, inflow_search_provider, INFLOW, SEARCH_PROVIDER, GObject)

InflowSearchProvider *inflow_search_provider_new                 (GApplication          *application);
gboolean              inflow_search_provider_export              (InflowSearchProvider  *self,
                                                                  GDBusConnection       *connection,
                                                                  const char            *object_path,
                                                                  GError               **error);
void                  inflow_search_provider_unexport            (InflowSearchProvider  *self);
void                  inflow_search_provider_set_profile_manager (InflowSearchProvider  *self,
                                                                  InflowProfileManager  *manager);
InflowProfileManager *inflow_search_provider_get_profile_manager (InflowSearchProvider  *self);

G_END_DECLS
