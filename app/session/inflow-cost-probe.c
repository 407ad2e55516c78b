/* inflow-cost-probe.c: one small cost query that tells how far an AWS account's cost data reaches
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Vantage API has no Cost and Usage Report status (the v2 spec has no
 * ingestion endpoint; `Integration.status` says only whether the connection
 * works), so Inflow asks the data itself, with one page of `GET /v2/costs`:
 *
 *   filter     costs.provider = 'aws' AND costs.account_id = '<id>'
 *   groupings  resource_id       rows with a resource ID exist only once a
 *                                CUR was processed (Vantage's "Connect AWS"
 *                                page: costs by resource only after the
 *                                first CUR is received)
 *   date_bin   day, newest first the first row's accrued_at is the newest
 *                                cost day
 *   start_date the first day of the previous month, so that the first days
 *              of a month do not look empty
 *   end_date   today (UTC: cost days are UTC days)
 *   limit      10                at most one row of the newest day has no
 *                                resource ID, so a resource row shows up in
 *                                the first page whenever the newest day has
 *                                any; ten rows stay a small answer
 *
 * The cost API answers only within a workspace: an integration in none
 * cannot be probed.
 */

#define G_LOG_DOMAIN "inflow-ingestion-monitor"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-cost-probe.h"
#include "inflow-cost.h"
#include "inflow-ingestion-verdict.h"

#define PROBE_LIMIT 10

struct _InflowCostProbe
{
  GObject       parent_instance;

  InflowClient *client;
};

G_DEFINE_FINAL_TYPE (InflowCostProbe, inflow_cost_probe, G_TYPE_OBJECT)

typedef struct
{
  GDateTime *newest_cost_date;
  gboolean   resource_rows_present;
} ProbeResult;

static void
probe_result_free (ProbeResult *result)
{
  g_clear_pointer (&result->newest_cost_date, g_date_time_unref);
  g_free (result);
}

static void
inflow_cost_probe_dispose (GObject *object)
{
  InflowCostProbe *self = INFLOW_COST_PROBE (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (inflow_cost_probe_parent_class)->dispose (object);
}

static void
inflow_cost_probe_class_init (InflowCostProbeClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = inflow_cost_probe_dispose;
}

static void
inflow_cost_probe_init (InflowCostProbe *self)
{
}

/**
 * inflow_cost_probe_new:
 * @client: the client to ask
 *
 * Returns: (transfer full): a probe
 */
InflowCostProbe *
inflow_cost_probe_new (InflowClient *client)
{
  InflowCostProbe *self;

  g_return_val_if_fail (INFLOW_IS_CLIENT (client), NULL);

  self = g_object_new (INFLOW_TYPE_COST_PROBE, NULL);
  self->client = g_object_ref (client);

  return self;
}

static gboolean
is_account_id (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * inflow_cost_probe_get_obstacle:
 * @integration: an integration
 *
 * Returns: (nullable): why Inflow cannot probe the cost data of this AWS
 *   integration, in a sentence; %NULL when it can, or for other providers
 */
const char *
inflow_cost_probe_get_obstacle (InflowIntegration *integration)
{
  const char * const *workspaces;

  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), NULL);

  if (!inflow_ingestion_is_aws_provider (inflow_integration_get_provider (integration)))
    return NULL;

  if (!is_account_id (inflow_integration_get_account_identifier (integration)))
    return _("Vantage gives no AWS account ID for this integration, so Inflow cannot check its cost data.");

  workspaces = inflow_integration_get_workspace_tokens (integration);
  if (workspaces == NULL || workspaces[0] == NULL)
    return _("This integration is in no workspace, and the Vantage cost API answers only within a "
             "workspace: Inflow cannot check its cost data. Add it to a workspace in Workspace Access.");

  return NULL;
}

static void
query_costs_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(InflowCostQueryResult) costs = NULL;
  GError *error = NULL;
  ProbeResult *probe;
  GListModel *rows;
  guint n;

  costs = inflow_client_query_costs_finish (INFLOW_CLIENT (source), result, &error);
  if (costs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  probe = g_new0 (ProbeResult, 1);
  rows = inflow_cost_query_result_get_costs (costs);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowCost) cost = g_list_model_get_item (rows, i);
      const char *resource_id = inflow_cost_get_resource_id (cost);
      GDateTime *accrued_at = inflow_cost_get_accrued_at (cost);

      if (resource_id != NULL && *resource_id != '\0')
        probe->resource_rows_present = TRUE;
      if (accrued_at != NULL &&
          (probe->newest_cost_date == NULL || g_date_time_compare (accrued_at, probe->newest_cost_date) > 0))
        {
          g_clear_pointer (&probe->newest_cost_date, g_date_time_unref);
          probe->newest_cost_date = g_date_time_ref (accrued_at);
        }
    }

  g_task_return_pointer (task, probe, (GDestroyNotify) probe_result_free);
}

/**
 * inflow_cost_probe_run_async:
 * @self: a probe
 * @integration: an AWS integration without an obstacle
 *   (inflow_cost_probe_get_obstacle())
 * @now: the server's now: "today" for the date window
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Asks for the newest cost day of the integration's account and whether
 * resource-level rows exist; one request.
 */
void
inflow_cost_probe_run_async (InflowCostProbe     *self,
                             InflowIntegration   *integration,
                             GDateTime           *now,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) month_start = NULL;
  g_autoptr(GDateTime) previous_month = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *end_date = NULL;
  int year, month, day;

  g_return_if_fail (INFLOW_IS_COST_PROBE (self));
  g_return_if_fail (INFLOW_IS_INTEGRATION (integration));
  g_return_if_fail (now != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_cost_probe_run_async);

  if (inflow_cost_probe_get_obstacle (integration) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               inflow_cost_probe_get_obstacle (integration));
      return;
    }

  /* Cost days are UTC days; reach back into the previous month. */
  today = g_date_time_to_utc (now);
  g_date_time_get_ymd (today, &year, &month, &day);
  month_start = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  previous_month = g_date_time_add_months (month_start, -1);

  filter = g_strdup_printf ("costs.provider = 'aws' AND costs.account_id = '%s'",
                            inflow_integration_get_account_identifier (integration));
  start_date = g_date_time_format (previous_month, "%Y-%m-%d");
  end_date = g_date_time_format (today, "%Y-%m-%d");

  inflow_client_query_costs_async (self->client, inflow_integration_get_workspace_tokens (integration)[0],
                                   filter, start_date, end_date, "resource_id", "day", PROBE_LIMIT,
                                   cancellable, query_costs_cb, g_steal_pointer (&task));
}

/**
 * inflow_cost_probe_run_finish:
 * @self: a probe
 * @result: the result
 * @newest_cost_date: (out) (transfer full) (nullable): the newest cost
 *   day, %NULL when no cost rows came
 * @resource_rows_present: (out): whether resource-level rows came
 * @error: the failure
 *
 * Returns: whether the probe got an answer
 */
gboolean
inflow_cost_probe_run_finish (InflowCostProbe  *self,
                              GAsyncResult     *result,
                              GDateTime       **newest_cost_date,
                              gboolean         *resource_rows_present,
                              GError          **error)
{
  ProbeResult *probe;

  g_return_val_if_fail (INFLOW_IS_COST_PROBE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_cost_probe_run_async, FALSE);

  probe = g_task_propagate_pointer (G_TASK (result), error);
  if (probe == NULL)
    return FALSE;

  *newest_cost_date = g_steal_pointer (&probe->newest_cost_date);
  *resource_rows_present = probe->resource_rows_present;
  probe_result_free (probe);

  return TRUE;
}
