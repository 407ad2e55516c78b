/* inflow-sim-scenario.h: the organization behind the Vantage API simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * InflowSimNotable:
 * @INFLOW_SIM_NOTABLE_MANAGEMENT: the AWS management (payer) account of the
 *   main organization; its CUR carries the costs of every member account
 * @INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR: an AWS account connected a few
 *   virtual minutes before the scenario started; its first CUR arrives 6-20
 *   virtual hours after it was connected
 * @INFLOW_SIM_NOTABLE_STALE: status "connected" but its data is 48-72 hours
 *   old when the scenario starts (Stale)
 * @INFLOW_SIM_NOTABLE_ERROR: status "error", data stopped two days ago
 * @INFLOW_SIM_NOTABLE_DISCONNECTED: status "disconnected"
 * @INFLOW_SIM_NOTABLE_GOVCLOUD: an account of an aws-us-gov organization
 * @INFLOW_SIM_NOTABLE_NO_WORKSPACE: an AWS member-account integration in no
 *   workspace
 * @INFLOW_SIM_NOTABLE_PENDING: an AWS member-account integration that stays
 *   "pending"
 * @INFLOW_SIM_NOTABLE_IMPORTING: an Azure integration that stays "importing"
 * @INFLOW_SIM_NOTABLE_LATE: status "connected" but its data is 24-48 hours
 *   old when the scenario starts (Late)
 *
 * Integrations of the scenario worth testing against.
 */
typedef enum
{
  INFLOW_SIM_NOTABLE_MANAGEMENT,
  INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR,
  INFLOW_SIM_NOTABLE_STALE,
  INFLOW_SIM_NOTABLE_ERROR,
  INFLOW_SIM_NOTABLE_DISCONNECTED,
  INFLOW_SIM_NOTABLE_GOVCLOUD,
  INFLOW_SIM_NOTABLE_NO_WORKSPACE,
  INFLOW_SIM_NOTABLE_PENDING,
  INFLOW_SIM_NOTABLE_IMPORTING,
  INFLOW_SIM_NOTABLE_LATE,
} InflowSimNotable;

#define INFLOW_SIM_N_NOTABLE (INFLOW_SIM_NOTABLE_LATE + 1)

/* Groupings of GET /v2/costs the simulator understands. */
typedef enum
{
  INFLOW_SIM_GROUP_PROVIDER           = 1 << 0,
  INFLOW_SIM_GROUP_ACCOUNT_ID         = 1 << 1,
  INFLOW_SIM_GROUP_BILLING_ACCOUNT_ID = 1 << 2,
  INFLOW_SIM_GROUP_SERVICE            = 1 << 3,
  INFLOW_SIM_GROUP_REGION             = 1 << 4,
  INFLOW_SIM_GROUP_RESOURCE_ID        = 1 << 5,
} InflowSimGrouping;

typedef enum
{
  INFLOW_SIM_BIN_DAY,
  INFLOW_SIM_BIN_WEEK,
  INFLOW_SIM_BIN_MONTH,
  INFLOW_SIM_BIN_QUARTER,
} InflowSimDateBin;

typedef struct
{
  int               workspace;  /* index */
  const char       *filter;     /* VQL, or NULL */
  gint64            start_day;  /* days since 1970-01-01, inclusive */
  gint64            end_day;    /* inclusive */
  guint             groupings;  /* InflowSimGrouping flags */
  InflowSimDateBin  date_bin;
  gboolean          ascending;
} InflowSimCostQuery;

/* One aggregated cost row; -1 in a key field means "not grouped by it". */
typedef struct
{
  gint64 bin;           /* first day of the bin */
  gint32 account;
  gint32 billing;
  gint32 res_account;   /* account and service a resource belongs to */
  gint16 res_service;
  gint16 service;
  gint16 region;
  gint16 resource;      /* 0: costs without a resource id; k + 1: resource k */
  gint16 provider;
  gint64 cents;
} InflowSimCostRow;

#define INFLOW_TYPE_SIM_SCENARIO (inflow_sim_scenario_get_type ())

G_DECLARE_FINAL_TYPE (InflowSimScenario, inflow_sim_scenario, INFLOW, SIM_SCENARIO, GObject)

InflowSimScenario *inflow_sim_scenario_new                (guint64             seed,
                                                           guint               n_integrations,
                                                           guint               n_accounts,
                                                           gint64              now);
gint64      inflow_sim_scenario_get_start_time            (InflowSimScenario  *self);
const char *inflow_sim_scenario_get_default_dashboard     (InflowSimScenario  *self);
gboolean    inflow_sim_is_known_provider                  (const char         *provider);

/* Workspaces */
guint       inflow_sim_scenario_get_n_workspaces          (InflowSimScenario  *self);
int         inflow_sim_scenario_find_workspace            (InflowSimScenario  *self,
                                                           const char         *token);
const char *inflow_sim_scenario_get_workspace_token       (InflowSimScenario  *self,
                                                           guint               index);
const char *inflow_sim_scenario_get_workspace_name        (InflowSimScenario  *self,
                                                           guint               index);
const char *inflow_sim_scenario_add_workspace             (InflowSimScenario  *self,
                                                           const char         *name,
                                                           gint64              now);
void        inflow_sim_scenario_append_workspace          (InflowSimScenario  *self,
                                                           GString            *out,
                                                           guint               index);

/* Integrations */
GArray     *inflow_sim_scenario_list_integrations         (InflowSimScenario  *self,
                                                           const char         *provider,
                                                           const char         *account_identifier);
int         inflow_sim_scenario_find_integration          (InflowSimScenario  *self,
                                                           const char         *token);
const char *inflow_sim_scenario_get_integration_token     (InflowSimScenario  *self,
                                                           guint               index);
void        inflow_sim_scenario_append_integration        (InflowSimScenario  *self,
                                                           GString            *out,
                                                           guint               index,
                                                           gint64              now);
guint32     inflow_sim_scenario_get_integration_workspaces (InflowSimScenario *self,
                                                           guint               index);
void        inflow_sim_scenario_set_integration_workspaces (InflowSimScenario *self,
                                                           guint               index,
                                                           guint32             workspaces);
gboolean    inflow_sim_scenario_set_integration_status    (InflowSimScenario  *self,
                                                           guint               index,
                                                           const char         *status,
                                                           gint64              now);
gint64      inflow_sim_scenario_get_first_cur_time        (InflowSimScenario  *self,
                                                           guint               index);
void        inflow_sim_scenario_delete_integration        (InflowSimScenario  *self,
                                                           guint               index);
const char *inflow_sim_scenario_get_notable               (InflowSimScenario  *self,
                                                           InflowSimNotable    which);
int         inflow_sim_scenario_create_aws                (InflowSimScenario  *self,
                                                           const char         *partition,
                                                           const char         *account_id,
                                                           const char         *cross_account_arn,
                                                           const char         *bucket_arn,
                                                           gint64              now,
                                                           GError            **error);
void        inflow_sim_scenario_append_aws_credential     (InflowSimScenario  *self,
                                                           GString            *out,
                                                           guint               index);
void        inflow_sim_scenario_append_aws_info           (InflowSimScenario  *self,
                                                           GString            *out);

/* Cloud accounts */
GArray     *inflow_sim_scenario_list_accounts             (InflowSimScenario  *self,
                                                           int                 workspace,
                                                           const char         *provider,
                                                           const char         *account_id,
                                                           const char         *account_name,
                                                           gint64              now);
void        inflow_sim_scenario_append_account            (InflowSimScenario  *self,
                                                           GString            *out,
                                                           guint               index);

/* Teams and users */
GArray     *inflow_sim_scenario_list_teams                (InflowSimScenario  *self,
                                                           int                 workspace);
void        inflow_sim_scenario_append_team               (InflowSimScenario  *self,
                                                           GString            *out,
                                                           guint               index);
guint       inflow_sim_scenario_get_n_users               (InflowSimScenario  *self);
void        inflow_sim_scenario_append_user               (InflowSimScenario  *self,
                                                           GString            *out,
                                                           guint               index);

/* Costs */
GArray     *inflow_sim_scenario_query_costs               (InflowSimScenario  *self,
                                                           const InflowSimCostQuery *query,
                                                           gint64              now,
                                                           guint64             offset,
                                                           guint               count,
                                                           guint              *n_rows,
                                                           gint64             *total_cents,
                                                           GError            **error);
void        inflow_sim_scenario_append_cost_row           (InflowSimScenario  *self,
                                                           GString            *out,
                                                           const InflowSimCostRow *row,
                                                           guint               groupings);

G_END_DECLS
