/* inflow-access-batch-private.h: how the access queue runs a batch
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-access-batch.h"

G_BEGIN_DECLS

/* Each integration once, in the order given. */
InflowAccessBatch *_inflow_access_batch_new      (const char * const          *integration_tokens,
                                                  const char                  *workspace_token,
                                                  InflowWorkspaceAccessChange  change);
/* The integration to change next, or NULL when every one was asked for */
const char        *_inflow_access_batch_next     (InflowAccessBatch           *self);
/* Records the result of @result's integration; the last one ends the batch. */
void               _inflow_access_batch_record   (InflowAccessBatch           *self,
                                                  InflowAccessResult          *result);

G_END_DECLS
