/* inflow-integration-filter.h: which integrations a search, a provider and a status leave
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-account-directory.h"

G_BEGIN_DECLS

/**
 * InflowFilterChange:
 * @INFLOW_FILTER_CHANGE_DIFFERENT: anything may match now
 * @INFLOW_FILTER_CHANGE_LESS_STRICT: what matched still matches
 * @INFLOW_FILTER_CHANGE_MORE_STRICT: what did not match still does not
 *
 * How a filter changed (the values of GtkFilterChange).
 */
typedef enum
{
  INFLOW_FILTER_CHANGE_DIFFERENT,
  INFLOW_FILTER_CHANGE_LESS_STRICT,
  INFLOW_FILTER_CHANGE_MORE_STRICT,
} InflowFilterChange;

GType inflow_filter_change_get_type (void);
#define INFLOW_TYPE_FILTER_CHANGE (inflow_filter_change_get_type ())

#define INFLOW_TYPE_INTEGRATION_FILTER (inflow_integration_filter_get_type ())

G_DECLARE_FINAL_TYPE (InflowIntegrationFilter, inflow_integration_filter, INFLOW, INTEGRATION_FILTER, GObject)

InflowIntegrationFilter *inflow_integration_filter_new           (void);

const char              *inflow_integration_filter_get_search    (InflowIntegrationFilter *self);
void                     inflow_integration_filter_set_search    (InflowIntegrationFilter *self,
                                                                  const char              *search);
const char              *inflow_integration_filter_get_provider  (InflowIntegrationFilter *self);
void                     inflow_integration_filter_set_provider  (InflowIntegrationFilter *self,
                                                                  const char              *provider);
int                      inflow_integration_filter_get_status    (InflowIntegrationFilter *self);
void                     inflow_integration_filter_set_status    (InflowIntegrationFilter *self,
                                                                  int                      status);
InflowAccountDirectory  *inflow_integration_filter_get_directory (InflowIntegrationFilter *self);
void                     inflow_integration_filter_set_directory (InflowIntegrationFilter *self,
                                                                  InflowAccountDirectory  *directory);

void                     inflow_integration_filter_set_integrations (InflowIntegrationFilter *self,
                                                                     GListModel              *integrations);

gboolean                 inflow_integration_filter_match         (InflowIntegrationFilter *self,
                                                                  InflowIntegration       *integration);

G_END_DECLS
