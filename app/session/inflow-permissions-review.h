/* inflow-permissions-review.h: what changed in Vantage's permissions for one integration, and the update
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-permissions-diff.h"
#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowReviewState:
 * @INFLOW_REVIEW_STATE_LOADING: fetching the current provider info
 * @INFLOW_REVIEW_STATE_ERROR: it could not be fetched or used (see the
 *   error message; load again to retry)
 * @INFLOW_REVIEW_STATE_CHANGED: the recorded info differs from the current one
 * @INFLOW_REVIEW_STATE_UNCHANGED: no change since Inflow connected the account
 * @INFLOW_REVIEW_STATE_NOT_RECORDED: connected elsewhere: the full material
 */
typedef enum
{
  INFLOW_REVIEW_STATE_LOADING,
  INFLOW_REVIEW_STATE_ERROR,
  INFLOW_REVIEW_STATE_CHANGED,
  INFLOW_REVIEW_STATE_UNCHANGED,
  INFLOW_REVIEW_STATE_NOT_RECORDED,
} InflowReviewState;

GType inflow_review_state_get_type (void);
#define INFLOW_TYPE_REVIEW_STATE (inflow_review_state_get_type ())

#define INFLOW_TYPE_PERMISSIONS_REVIEW (inflow_permissions_review_get_type ())

G_DECLARE_FINAL_TYPE (InflowPermissionsReview, inflow_permissions_review, INFLOW, PERMISSIONS_REVIEW, GObject)

InflowPermissionsReview *inflow_permissions_review_new               (InflowSession           *session,
                                                                      const char              *integration_token);
/* Loads (again) the record and today's provider info; the state says the rest. */
void                     inflow_permissions_review_load              (InflowPermissionsReview *self,
                                                                      GCancellable            *cancellable);
InflowReviewState        inflow_permissions_review_get_state         (InflowPermissionsReview *self);
const char              *inflow_permissions_review_get_error_message (InflowPermissionsReview *self);
GListModel              *inflow_permissions_review_get_changes       (InflowPermissionsReview *self);
GListModel              *inflow_permissions_review_get_documents     (InflowPermissionsReview *self);
GListModel              *inflow_permissions_review_get_removals      (InflowPermissionsReview *self);
const InflowPermissionsUpdate *inflow_permissions_review_get_update  (InflowPermissionsReview *self);
const char              *inflow_permissions_review_get_terraform     (InflowPermissionsReview *self);
const char              *inflow_permissions_review_get_terraform_error (InflowPermissionsReview *self);
char                    *inflow_permissions_review_dup_role_url      (InflowPermissionsReview *self);

G_END_DECLS
