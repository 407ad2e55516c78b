/* inflow-account-directory.h: AWS accounts by organization, and their coverage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-account-entry.h"
#include "inflow-cloud-account.h"
#include "inflow-integration.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCOUNT_DIRECTORY (inflow_account_directory_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccountDirectory, inflow_account_directory, INFLOW, ACCOUNT_DIRECTORY, GObject)

InflowAccountDirectory *inflow_account_directory_new                    (void);
void                    inflow_account_directory_update                 (InflowAccountDirectory *self,
                                                                         GListModel             *cloud_accounts,
                                                                         GListModel             *integrations);

/* The same model for the directory's life: a heading per organization, its
 * management account first, then its members; the accounts outside any
 * organization last. Replaced in one splice by update(). */
GListModel             *inflow_account_directory_get_entries            (InflowAccountDirectory *self);

InflowCloudAccount     *inflow_account_directory_lookup                 (InflowAccountDirectory *self,
                                                                         const char             *account_id);
const char             *inflow_account_directory_get_title              (InflowAccountDirectory *self,
                                                                         const char             *account_id);
gboolean                inflow_account_directory_is_govcloud            (InflowAccountDirectory *self,
                                                                         const char             *account_id);
gboolean                inflow_account_directory_is_management          (InflowAccountDirectory *self,
                                                                         const char             *account_id);
InflowAccountCoverage   inflow_account_directory_get_coverage           (InflowAccountDirectory *self,
                                                                         const char             *account_id);

guint                   inflow_account_directory_get_n_accounts         (InflowAccountDirectory *self);
guint                   inflow_account_directory_get_n_organizations    (InflowAccountDirectory *self);
guint                   inflow_account_directory_get_n_aws_integrations (InflowAccountDirectory *self);
gboolean                inflow_account_directory_get_management_connected (InflowAccountDirectory *self);
gboolean                inflow_account_directory_get_needs_management   (InflowAccountDirectory *self);
const char * const     *inflow_account_directory_get_organizations_needing_management (InflowAccountDirectory *self,
                                                                                        guint                  *n_organizations);
guint                   inflow_account_directory_get_n_members_without_role (InflowAccountDirectory *self);
guint                   inflow_account_directory_count_coverage         (InflowAccountDirectory *self,
                                                                         InflowAccountCoverage   coverage);

G_END_DECLS
