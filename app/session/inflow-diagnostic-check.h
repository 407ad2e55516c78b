/* inflow-diagnostic-check.h: one line of Diagnostics: a check, its result and when it ran
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * InflowCheckState:
 * @INFLOW_CHECK_STATE_PENDING: not checked yet, or checking
 * @INFLOW_CHECK_STATE_OK: passed
 * @INFLOW_CHECK_STATE_INFO: nothing wrong, worth knowing
 * @INFLOW_CHECK_STATE_WARNING: works, but needs attention
 * @INFLOW_CHECK_STATE_ERROR: failed
 * @INFLOW_CHECK_STATE_UNKNOWN: did not run or cannot say now; the detail
 *   says why
 */
typedef enum
{
  INFLOW_CHECK_STATE_PENDING,
  INFLOW_CHECK_STATE_OK,
  INFLOW_CHECK_STATE_INFO,
  INFLOW_CHECK_STATE_WARNING,
  INFLOW_CHECK_STATE_ERROR,
  INFLOW_CHECK_STATE_UNKNOWN,
} InflowCheckState;

/**
 * InflowCheck:
 *
 * The checks of Diagnostics, in display order.
 */
typedef enum
{
  INFLOW_CHECK_KEYRING,
  INFLOW_CHECK_API,
  INFLOW_CHECK_SCOPES,
  INFLOW_CHECK_CLOCK,
  INFLOW_CHECK_RATE_BUDGET,
  INFLOW_CHECK_LAST_REFRESH,
  INFLOW_CHECK_REQUEST_RATE,
  INFLOW_CHECK_HISTORY,
  INFLOW_CHECK_BACKGROUND,
  INFLOW_N_CHECKS,
} InflowCheck;

#define INFLOW_TYPE_CHECK_STATE      (inflow_check_state_get_type ())
#define INFLOW_TYPE_CHECK            (inflow_check_get_type ())
#define INFLOW_TYPE_DIAGNOSTIC_CHECK (inflow_diagnostic_check_get_type ())

GType inflow_check_state_get_type (void);
GType inflow_check_get_type       (void);

const char *inflow_check_state_get_label (InflowCheckState state);

G_DECLARE_FINAL_TYPE (InflowDiagnosticCheck, inflow_diagnostic_check, INFLOW, DIAGNOSTIC_CHECK, GObject)

InflowDiagnosticCheck *inflow_diagnostic_check_new            (InflowCheck            kind);
InflowCheck            inflow_diagnostic_check_get_kind       (InflowDiagnosticCheck *self);
const char            *inflow_diagnostic_check_get_title      (InflowDiagnosticCheck *self);
InflowCheckState       inflow_diagnostic_check_get_state      (InflowDiagnosticCheck *self);
const char            *inflow_diagnostic_check_get_detail     (InflowDiagnosticCheck *self);
GDateTime             *inflow_diagnostic_check_get_checked_at (InflowDiagnosticCheck *self);
const char            *inflow_diagnostic_check_get_subtitle   (InflowDiagnosticCheck *self);
void                   inflow_diagnostic_check_set_result     (InflowDiagnosticCheck *self,
                                                               InflowCheckState       state,
                                                               const char            *detail,
                                                               GDateTime             *checked_at);

G_END_DECLS
