/* inflow-diagnostics-page.h: one line per check, and a redacted status report
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowCheckState:
 * @INFLOW_CHECK_STATE_PENDING: not checked yet, or checking
 * @INFLOW_CHECK_STATE_OK: passed
 * @INFLOW_CHECK_STATE_INFO: nothing wrong, worth knowing
 * @INFLOW_CHECK_STATE_WARNING: works, but needs attention
 * @INFLOW_CHECK_STATE_ERROR: failed
 * @INFLOW_CHECK_STATE_UNKNOWN: cannot be checked now
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
 * The checks of the diagnostics page, in display order.
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
  INFLOW_N_CHECKS,
} InflowCheck;

#define INFLOW_TYPE_DIAGNOSTICS_PAGE (inflow_diagnostics_page_get_type ())

G_DECLARE_FINAL_TYPE (InflowDiagnosticsPage, inflow_diagnostics_page, INFLOW, DIAGNOSTICS_PAGE, GtkWidget)

GtkWidget        *inflow_diagnostics_page_new          (void);
InflowSession    *inflow_diagnostics_page_get_session  (InflowDiagnosticsPage *self);
void              inflow_diagnostics_page_set_session  (InflowDiagnosticsPage *self,
                                                        InflowSession         *session);
void              inflow_diagnostics_page_run_checks   (InflowDiagnosticsPage *self);
gboolean          inflow_diagnostics_page_get_checking (InflowDiagnosticsPage *self);
InflowCheckState  inflow_diagnostics_page_get_check_state (InflowDiagnosticsPage *self,
                                                        InflowCheck            check);
char             *inflow_diagnostics_page_build_report (InflowDiagnosticsPage *self);
void              inflow_diagnostics_page_copy_report  (InflowDiagnosticsPage *self);

GtkWindow        *inflow_diagnostics_page_present      (GtkWindow             *parent,
                                                        InflowSession         *session);

G_END_DECLS
