/* contract-harness.h: inflow-sim behind two Stoplight Prism proxies and a router
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char  *sim_path;       /* the inflow-sim program */
  const char * const *sim_args; /* its options */
  const char  *prism_path;     /* node_modules/.bin/prism */
  const char  *v2_spec_path;   /* the specs Prism validates against */
  const char  *v1_spec_path;
} ContractConfig;

/* One request of the client as the router forwarded it through Prism */
typedef struct
{
  char   *method;
  char   *path;        /* as the client sent it: /v2/... or /v1/... */
  guint   status;      /* what the client got */
  char   *violations;  /* Prism's sl-violations header, or NULL */
  char   *problem;     /* an application/problem+json body from Prism or the router */
  GBytes *body;        /* the response body the client got */
  gboolean judged;     /* for the test: looked at */
} ContractExchange;

typedef struct _ContractHarness ContractHarness;

ContractHarness *contract_harness_start          (const ContractConfig  *config,
                                                  GError               **error);
const char      *contract_harness_get_base_url   (ContractHarness       *self);
guint            contract_harness_get_n_exchanges (ContractHarness      *self);
ContractExchange *contract_harness_get_exchange  (ContractHarness       *self,
                                                  guint                  index);
void             contract_harness_stop_prism     (ContractHarness       *self);
GPtrArray       *contract_harness_get_prism_log  (ContractHarness       *self,
                                                  const char            *api);
void             contract_harness_free           (ContractHarness       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ContractHarness, contract_harness_free)

G_END_DECLS
