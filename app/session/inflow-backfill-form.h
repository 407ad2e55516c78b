/* inflow-backfill-form.h: the fields of a backfill request, checked, and the messages they make
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-backfill.h"
#include "inflow-session.h"

G_BEGIN_DECLS

/**
 * InflowBackfillField:
 *
 * The fields of the form, for inflow_backfill_form_get_field_error().
 */
typedef enum
{
  INFLOW_BACKFILL_FIELD_ORGANIZATION,
  INFLOW_BACKFILL_FIELD_REPORT,
  INFLOW_BACKFILL_FIELD_BUCKET,
  INFLOW_BACKFILL_FIELD_ACCOUNT,
  INFLOW_BACKFILL_FIELD_START,
  INFLOW_BACKFILL_FIELD_END,
  INFLOW_BACKFILL_N_FIELDS,
} InflowBackfillField;

#define INFLOW_TYPE_BACKFILL_FORM (inflow_backfill_form_get_type ())

G_DECLARE_FINAL_TYPE (InflowBackfillForm, inflow_backfill_form, INFLOW, BACKFILL_FORM, GObject)

InflowBackfillForm *inflow_backfill_form_new              (InflowSession       *session,
                                                           const char          *integration_token);
void                inflow_backfill_form_prefill_async    (InflowBackfillForm  *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            inflow_backfill_form_prefill_finish   (InflowBackfillForm  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
gboolean            inflow_backfill_form_get_valid        (InflowBackfillForm  *self);
const char         *inflow_backfill_form_get_message      (InflowBackfillForm  *self);
gboolean            inflow_backfill_form_get_message_is_error (InflowBackfillForm *self);
gboolean            inflow_backfill_form_get_field_error  (InflowBackfillForm  *self,
                                                           InflowBackfillField  field);
const char         *inflow_backfill_form_get_aws_text     (InflowBackfillForm  *self);
const char         *inflow_backfill_form_get_vantage_text (InflowBackfillForm  *self);
const char         *inflow_backfill_form_get_vantage_mailto (InflowBackfillForm *self);
const char         *inflow_backfill_form_get_account_title (InflowBackfillForm *self);

G_END_DECLS
