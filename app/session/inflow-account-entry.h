/* inflow-account-entry.h: one line of the account directory
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "inflow-cloud-account.h"

G_BEGIN_DECLS

/**
 * InflowAccountEntryKind:
 * @INFLOW_ACCOUNT_ENTRY_ORGANIZATION: the heading of an AWS organization
 * @INFLOW_ACCOUNT_ENTRY_STANDALONE: the heading of the accounts outside any
 *   organization Vantage knows
 * @INFLOW_ACCOUNT_ENTRY_ACCOUNT: one account under its heading
 */
typedef enum
{
  INFLOW_ACCOUNT_ENTRY_ORGANIZATION,
  INFLOW_ACCOUNT_ENTRY_STANDALONE,
  INFLOW_ACCOUNT_ENTRY_ACCOUNT,
} InflowAccountEntryKind;

/**
 * InflowAccountCoverage:
 * @INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION: an AWS integration connects this
 *   very account: costs, and Active Resources can sync
 * @INFLOW_ACCOUNT_COVERAGE_MANAGEMENT: seen only through its organization's
 *   connected management account: costs only
 * @INFLOW_ACCOUNT_COVERAGE_NONE: neither (Vantage lists it, but no integration
 *   of this profile brings its data)
 */
typedef enum
{
  INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION,
  INFLOW_ACCOUNT_COVERAGE_MANAGEMENT,
  INFLOW_ACCOUNT_COVERAGE_NONE,
} InflowAccountCoverage;

GType inflow_account_entry_kind_get_type (void);
GType inflow_account_coverage_get_type   (void);
#define INFLOW_TYPE_ACCOUNT_ENTRY_KIND (inflow_account_entry_kind_get_type ())
#define INFLOW_TYPE_ACCOUNT_COVERAGE   (inflow_account_coverage_get_type ())

#define INFLOW_TYPE_ACCOUNT_ENTRY (inflow_account_entry_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccountEntry, inflow_account_entry, INFLOW, ACCOUNT_ENTRY, GObject)

InflowAccountEntry     *inflow_account_entry_new_heading              (InflowAccountEntryKind  kind,
                                                                       const char             *organization_id,
                                                                       const char             *partition,
                                                                       const char             *management_account_id,
                                                                       const char             *management_title,
                                                                       gboolean                management_connected,
                                                                       guint                   n_accounts,
                                                                       guint                   n_members_without_role,
                                                                       guint                   n_members_connected);
InflowAccountEntry     *inflow_account_entry_new_account              (InflowCloudAccount     *account,
                                                                       InflowAccountCoverage   coverage,
                                                                       const char             *integration_token);

InflowAccountEntryKind  inflow_account_entry_get_kind                 (InflowAccountEntry     *self);
InflowCloudAccount     *inflow_account_entry_get_account              (InflowAccountEntry     *self);
const char             *inflow_account_entry_get_title                (InflowAccountEntry     *self);
const char             *inflow_account_entry_get_account_id           (InflowAccountEntry     *self);
const char             *inflow_account_entry_get_organization_id      (InflowAccountEntry     *self);
const char             *inflow_account_entry_get_partition            (InflowAccountEntry     *self);
gboolean                inflow_account_entry_is_govcloud              (InflowAccountEntry     *self);
gboolean                inflow_account_entry_is_management            (InflowAccountEntry     *self);
const char             *inflow_account_entry_get_management_account_id (InflowAccountEntry    *self);
const char             *inflow_account_entry_get_management_title     (InflowAccountEntry     *self);
gboolean                inflow_account_entry_get_management_connected (InflowAccountEntry     *self);
InflowAccountCoverage   inflow_account_entry_get_coverage             (InflowAccountEntry     *self);
const char             *inflow_account_entry_get_integration_token    (InflowAccountEntry     *self);
guint                   inflow_account_entry_get_n_accounts           (InflowAccountEntry     *self);
guint                   inflow_account_entry_get_n_members_without_role (InflowAccountEntry   *self);
gboolean                inflow_account_entry_get_needs_management     (InflowAccountEntry     *self);

G_END_DECLS
