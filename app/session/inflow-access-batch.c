/* inflow-access-batch.c: one workspace access change for several integrations
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include "inflow-access-batch-private.h"

/**
 * InflowAccessBatch:
 *
 * Adds several integrations to one workspace, or removes them, as the
 * #InflowAccessQueue runs it: one integration after the other, each change
 * going through that integration's queue like a single one (so it waits for
 * a write in flight, and joins the changes waiting). The results fill in as
 * they come; #InflowAccessBatch:running turns %FALSE after the last.
 */
struct _InflowAccessBatch
{
  GObject                      parent_instance;

  GStrv                        integration_tokens;
  char                        *workspace_token;
  InflowWorkspaceAccessChange  change;
  guint                        n_asked;
  GListStore                  *results;
  guint                        counts[INFLOW_ACCESS_OUTCOME_FAILED + 1];
};

G_DEFINE_FINAL_TYPE (InflowAccessBatch, inflow_access_batch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKSPACE_TOKEN,
  PROP_CHANGE,
  PROP_N_INTEGRATIONS,
  PROP_N_DONE,
  PROP_FRACTION,
  PROP_RUNNING,
  PROP_RESULTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_access_batch_finalize (GObject *object)
{
  InflowAccessBatch *self = INFLOW_ACCESS_BATCH (object);

  g_clear_pointer (&self->integration_tokens, g_strfreev);
  g_clear_pointer (&self->workspace_token, g_free);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (inflow_access_batch_parent_class)->finalize (object);
}

static void
inflow_access_batch_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowAccessBatch *self = INFLOW_ACCESS_BATCH (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_TOKEN:
      g_value_set_string (value, self->workspace_token);
      break;

    case PROP_CHANGE:
      g_value_set_enum (value, self->change);
      break;

    case PROP_N_INTEGRATIONS:
      g_value_set_uint (value, inflow_access_batch_get_n_integrations (self));
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, inflow_access_batch_get_n_done (self));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, inflow_access_batch_get_fraction (self));
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, inflow_access_batch_get_running (self));
      break;

    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_batch_class_init (InflowAccessBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_access_batch_finalize;
  object_class->get_property = inflow_access_batch_get_property;

  properties[PROP_WORKSPACE_TOKEN] =
    g_param_spec_string ("workspace-token", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGE] =
    g_param_spec_enum ("change", NULL, NULL,
                       INFLOW_TYPE_WORKSPACE_ACCESS_CHANGE, INFLOW_WORKSPACE_ACCESS_ADD,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_INTEGRATIONS] =
    g_param_spec_uint ("n-integrations", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_access_batch_init (InflowAccessBatch *self)
{
  self->results = g_list_store_new (INFLOW_TYPE_ACCESS_RESULT);
}

InflowAccessBatch *
_inflow_access_batch_new (const char * const          *integration_tokens,
                          const char                  *workspace_token,
                          InflowWorkspaceAccessChange  change)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  InflowAccessBatch *self;

  g_return_val_if_fail (integration_tokens != NULL, NULL);
  g_return_val_if_fail (workspace_token != NULL, NULL);

  for (guint i = 0; integration_tokens[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) integration_tokens[i]))
      g_strv_builder_add (builder, integration_tokens[i]);

  self = g_object_new (INFLOW_TYPE_ACCESS_BATCH, NULL);
  self->integration_tokens = g_strv_builder_end (builder);
  self->workspace_token = g_strdup (workspace_token);
  self->change = change;

  return self;
}

const char *
_inflow_access_batch_next (InflowAccessBatch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), NULL);

  if (self->integration_tokens[self->n_asked] == NULL)
    return NULL;

  return self->integration_tokens[self->n_asked++];
}

void
_inflow_access_batch_record (InflowAccessBatch  *self,
                             InflowAccessResult *result)
{
  g_return_if_fail (INFLOW_IS_ACCESS_BATCH (self));
  g_return_if_fail (INFLOW_IS_ACCESS_RESULT (result));
  g_return_if_fail (inflow_access_batch_get_running (self));

  self->counts[inflow_access_result_get_outcome (result)]++;
  g_list_store_append (self->results, result);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (!inflow_access_batch_get_running (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

const char *
inflow_access_batch_get_workspace_token (InflowAccessBatch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), NULL);

  return self->workspace_token;
}

InflowWorkspaceAccessChange
inflow_access_batch_get_change (InflowAccessBatch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), INFLOW_WORKSPACE_ACCESS_ADD);

  return self->change;
}

guint
inflow_access_batch_get_n_integrations (InflowAccessBatch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), 0);

  return g_strv_length (self->integration_tokens);
}

guint
inflow_access_batch_get_n_done (InflowAccessBatch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}

double
inflow_access_batch_get_fraction (InflowAccessBatch *self)
{
  guint n;

  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), 0);

  n = inflow_access_batch_get_n_integrations (self);

  return n > 0 ? (double) inflow_access_batch_get_n_done (self) / n : 1;
}

gboolean
inflow_access_batch_get_running (InflowAccessBatch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), FALSE);

  return inflow_access_batch_get_n_done (self) < inflow_access_batch_get_n_integrations (self);
}

/**
 * inflow_access_batch_count:
 * @self: a batch
 * @outcome: an outcome
 *
 * Returns: how many integrations done so far had @outcome
 */
guint
inflow_access_batch_count (InflowAccessBatch   *self,
                           InflowAccessOutcome  outcome)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), 0);
  g_return_val_if_fail (outcome <= INFLOW_ACCESS_OUTCOME_FAILED, 0);

  return self->counts[outcome];
}

/**
 * inflow_access_batch_get_results:
 *
 * Returns: (transfer none): a list model of #InflowAccessResult
 */
GListModel *
inflow_access_batch_get_results (InflowAccessBatch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (self), NULL);

  return G_LIST_MODEL (self->results);
}
