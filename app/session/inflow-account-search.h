/* inflow-account-search.h: the entries of an account directory that hold a search
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-account-directory.h"

G_BEGIN_DECLS

#define INFLOW_TYPE_ACCOUNT_SEARCH (inflow_account_search_get_type ())

G_DECLARE_FINAL_TYPE (InflowAccountSearch, inflow_account_search, INFLOW, ACCOUNT_SEARCH, GObject)

InflowAccountSearch    *inflow_account_search_new            (void);
InflowAccountDirectory *inflow_account_search_get_directory  (InflowAccountSearch    *self);
void                    inflow_account_search_set_directory  (InflowAccountSearch    *self,
                                                              InflowAccountDirectory *directory);
const char             *inflow_account_search_get_search     (InflowAccountSearch    *self);
void                    inflow_account_search_set_search     (InflowAccountSearch    *self,
                                                              const char             *search);
guint                   inflow_account_search_get_n_accounts (InflowAccountSearch    *self);

G_END_DECLS
