/* inflow-backfill-dialog.h: the request to backfill the CUR, to copy or to mail
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-onboarding-dialog.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_BACKFILL_DIALOG (inflow_backfill_dialog_get_type ())

G_DECLARE_FINAL_TYPE (InflowBackfillDialog, inflow_backfill_dialog, INFLOW, BACKFILL_DIALOG, InflowOnboardingDialog)

/* For win.request-backfill(s token). */
InflowBackfillDialog *inflow_backfill_dialog_new (GtkWindow     *parent,
                                                  InflowSession *session,
                                                  const char    *integration_token);

G_END_DECLS
