/* inflow-access-result.h: what a batch of workspace access changes did to one integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * InflowAccessOutcome:
 * @INFLOW_ACCESS_OUTCOME_CHANGED: the integration was changed as asked
 * @INFLOW_ACCESS_OUTCOME_ALREADY: it already was as asked: nothing was sent
 * @INFLOW_ACCESS_OUTCOME_FAILED: the change was not made
 */
typedef enum
{
  INFLOW_ACCESS_OUTCOME_CHANGED,
  INFLOW_ACCESS_OUTCOME_ALREADY,
  INFLOW_ACCESS_OUTCOME_FAILED,
} InflowAccessOutcome;

GType inflow_access_outcome_get_type (void);
#define INFLOW_TYPE_ACCESS_OUTCOME (inflow_access_outcome_get_type ())

#define INFLOW_TYPE_ACCESS_RESULT (inflow_access_result_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccessResult, inflow_access_result, INFLOW, ACCESS_RESULT, GObject)

/* @details: what happened, in words (the error's message when it failed) */
InflowAccessResult  *inflow_access_result_new                   (const char          *integration_token,
                                                                 const char          *title,
                                                                 InflowAccessOutcome  outcome,
                                                                 const char          *details);
const char          *inflow_access_result_get_integration_token (InflowAccessResult  *self);
const char          *inflow_access_result_get_title             (InflowAccessResult  *self);
InflowAccessOutcome  inflow_access_result_get_outcome           (InflowAccessResult  *self);
const char          *inflow_access_result_get_details           (InflowAccessResult  *self);

G_END_DECLS
