/* inflow-connect-form.h: what the Connect AWS assistant asks, checked, and the connection it makes
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-integration.h"
#include "inflow-onboarding-choices.h"
#include "inflow-onboarding-info.h"
#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowConnectAccount:
 * @INFLOW_CONNECT_ACCOUNT_NONE: not chosen yet
 * @INFLOW_CONNECT_ACCOUNT_MANAGEMENT: the organization's management account
 * @INFLOW_CONNECT_ACCOUNT_MEMBER: a member account
 */
typedef enum
{
  INFLOW_CONNECT_ACCOUNT_NONE,
  INFLOW_CONNECT_ACCOUNT_MANAGEMENT,
  INFLOW_CONNECT_ACCOUNT_MEMBER,
} InflowConnectAccount;

/**
 * InflowConnectInfoState:
 * @INFLOW_CONNECT_INFO_LOADING: fetching Vantage's AWS provider info
 * @INFLOW_CONNECT_INFO_ERROR: it could not be fetched (see info-error)
 * @INFLOW_CONNECT_INFO_READY: the methods can be generated
 */
typedef enum
{
  INFLOW_CONNECT_INFO_LOADING,
  INFLOW_CONNECT_INFO_ERROR,
  INFLOW_CONNECT_INFO_READY,
} InflowConnectInfoState;

/**
 * InflowConnectField:
 *
 * The fields of the Details step, for inflow_connect_form_get_field_error().
 */
typedef enum
{
  INFLOW_CONNECT_FIELD_BUCKET,
  INFLOW_CONNECT_FIELD_REPORT,
  INFLOW_CONNECT_FIELD_STACK,
  INFLOW_CONNECT_FIELD_ROLE,
  INFLOW_CONNECT_FIELD_ACCOUNT,
  INFLOW_CONNECT_N_FIELDS,
} InflowConnectField;

GType inflow_connect_account_get_type (void);
#define INFLOW_TYPE_CONNECT_ACCOUNT (inflow_connect_account_get_type ())
GType inflow_connect_info_state_get_type (void);
#define INFLOW_TYPE_CONNECT_INFO_STATE (inflow_connect_info_state_get_type ())

#define INFLOW_TYPE_CONNECT_FORM (inflow_connect_form_get_type ())

G_DECLARE_FINAL_TYPE (InflowConnectForm, inflow_connect_form, INFLOW, CONNECT_FORM, GObject)

InflowConnectForm          *inflow_connect_form_new                (InflowSession      *session);
InflowSession              *inflow_connect_form_get_session        (InflowConnectForm  *self);
void                        inflow_connect_form_load_info          (InflowConnectForm  *self);
const InflowOnboardingInfo *inflow_connect_form_get_info           (InflowConnectForm  *self);
InflowConnectInfoState      inflow_connect_form_get_info_state     (InflowConnectForm  *self);
InflowOnboardingChoices    *inflow_connect_form_dup_choices        (InflowConnectForm  *self);
InflowConnectAccount        inflow_connect_form_get_account        (InflowConnectForm  *self);
gboolean                    inflow_connect_form_get_details_valid  (InflowConnectForm  *self);
gboolean                    inflow_connect_form_get_field_error    (InflowConnectForm  *self,
                                                                    InflowConnectField  field);
gboolean                    inflow_connect_form_get_arn_valid      (InflowConnectForm  *self);
gboolean                    inflow_connect_form_get_can_connect    (InflowConnectForm  *self);

void                        inflow_connect_form_choose_paired_standard (InflowConnectForm *self);
void                        inflow_connect_form_prefill_bucket_arn (InflowConnectForm  *self);
gboolean                    inflow_connect_form_read_paste         (InflowConnectForm  *self,
                                                                    const char         *text);

/* Registers the role (and bucket) with Vantage through the session's
 * connector; the session lists the new integration at once. */
void                        inflow_connect_form_connect_async      (InflowConnectForm  *self,
                                                                    GCancellable       *cancellable,
                                                                    GAsyncReadyCallback callback,
                                                                    gpointer            user_data);
InflowIntegration          *inflow_connect_form_connect_finish     (InflowConnectForm  *self,
                                                                    GAsyncResult       *result,
                                                                    GError            **error);

G_END_DECLS
