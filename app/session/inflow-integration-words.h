/* inflow-integration-words.h: how Inflow names integration states and providers
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-ingestion-verdict.h"
#include "inflow-integration.h"

G_BEGIN_DECLS

/**
 * InflowStatusWord:
 *
 * The console's words for an integration's state: both "connected" and
 * "imported" read "Stable". The console's "Warning" (some accounts of a
 * multi-account integration fail) has no equivalent among the statuses of
 * the v2 Integration object.
 */
typedef enum
{
  INFLOW_STATUS_WORD_STABLE,
  INFLOW_STATUS_WORD_IMPORTING,
  INFLOW_STATUS_WORD_PENDING,
  INFLOW_STATUS_WORD_ERROR,
  INFLOW_STATUS_WORD_DISCONNECTED,
  INFLOW_STATUS_WORD_UNKNOWN,
} InflowStatusWord;

#define INFLOW_N_STATUS_WORDS (INFLOW_STATUS_WORD_UNKNOWN + 1)

/**
 * InflowStatusTone:
 *
 * How a view colours a status badge.
 */
typedef enum
{
  INFLOW_STATUS_TONE_NEUTRAL,
  INFLOW_STATUS_TONE_SUCCESS,
  INFLOW_STATUS_TONE_ACCENT,
  INFLOW_STATUS_TONE_WARNING,
  INFLOW_STATUS_TONE_ERROR,
} InflowStatusTone;

GType inflow_status_tone_get_type (void);
#define INFLOW_TYPE_STATUS_TONE (inflow_status_tone_get_type ())

InflowStatusWord  inflow_status_word_from_status (InflowIntegrationStatus  status);
const char       *inflow_status_word_get_label   (InflowStatusWord         word);
const char       *inflow_status_word_get_summary (InflowStatusWord         word);
const char       *inflow_status_word_get_meaning (InflowStatusWord         word);
const char       *inflow_status_word_get_advice  (InflowStatusWord         word,
                                                  gboolean                 is_aws);
InflowStatusTone  inflow_status_word_get_tone    (InflowStatusWord         word);
const char       *inflow_status_tone_get_css_class (InflowStatusTone       tone);
InflowStatusTone  inflow_status_tone_from_severity (InflowIngestionSeverity severity);

const char       *inflow_provider_get_display_name (const char            *provider);

char             *inflow_teams_dup_names_for_workspace (GListModel        *teams,
                                                        const char        *workspace_token,
                                                        guint             *n_teams);
char             *inflow_workspaces_dup_names   (GListModel               *workspaces,
                                                 const char * const       *workspace_tokens);

G_END_DECLS
