/* inflow-observation-log.c: what the ingestion monitor saw, in memory and in the database
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each item keeps its observations in memory; this log also writes them to
 * the database when the session has one (not in the demo, whose profile is
 * never stored), reads the stored history back at start and hands each item
 * its share.
 *
 * The observations table has no "probed" column. Read back, an observation
 * counts as a probe when it carries a cost date or resource rows, or when it
 * is of a connected or imported AWS integration: the log never stores one
 * of those without a probe result (it stores the latest probe's result with
 * a status change, and otherwise waits for the next probe).
 */

#define G_LOG_DOMAIN "inflow-ingestion-monitor"

#include "config.h"

#include "inflow-ingestion-item-private.h"
#include "inflow-observation-log.h"
#include "inflow-observation.h"

struct _InflowObservationLog
{
  GObject         parent_instance;

  InflowDatabase *database;     /* nullable */
  char           *profile_id;   /* nullable */
  GCancellable   *cancellable;  /* of the writes */
  GHashTable     *history;      /* token → GPtrArray of InflowObservation, until merged */
};

G_DEFINE_FINAL_TYPE (InflowObservationLog, inflow_observation_log, G_TYPE_OBJECT)

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
inflow_observation_log_dispose (GObject *object)
{
  InflowObservationLog *self = INFLOW_OBSERVATION_LOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (inflow_observation_log_parent_class)->dispose (object);
}

static void
inflow_observation_log_finalize (GObject *object)
{
  InflowObservationLog *self = INFLOW_OBSERVATION_LOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->history, g_hash_table_unref);
  g_clear_pointer (&self->profile_id, g_free);

  G_OBJECT_CLASS (inflow_observation_log_parent_class)->finalize (object);
}

static void
inflow_observation_log_class_init (InflowObservationLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_observation_log_dispose;
  object_class->finalize = inflow_observation_log_finalize;
}

static void
inflow_observation_log_init (InflowObservationLog *self)
{
  self->cancellable = g_cancellable_new ();
  self->history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * inflow_observation_log_new:
 * @database: (nullable): where to store observations
 * @profile_id: (nullable): whose they are; without one nothing is stored
 *
 * Returns: (transfer full): a log
 */
InflowObservationLog *
inflow_observation_log_new (InflowDatabase *database,
                            const char     *profile_id)
{
  InflowObservationLog *self;

  g_return_val_if_fail (database == NULL || INFLOW_IS_DATABASE (database), NULL);

  self = g_object_new (INFLOW_TYPE_OBSERVATION_LOG, NULL);
  g_set_object (&self->database, database);
  self->profile_id = g_strdup (profile_id);

  return self;
}

/**
 * inflow_observation_log_get_stores:
 * @self: a log
 *
 * Returns: whether observations go to a database
 */
gboolean
inflow_observation_log_get_stores (InflowObservationLog *self)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION_LOG (self), FALSE);

  return self->database != NULL && self->profile_id != NULL;
}

/* ---- reading the history ---------------------------------------------------- */

static void
list_observations_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  InflowObservationLog *self = g_task_get_source_object (task);
  g_autoptr(GListModel) observations = NULL;
  GError *error = NULL;
  guint n;

  observations = inflow_database_list_observations_since_finish (INFLOW_DATABASE (source), result, &error);
  if (observations == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  n = g_list_model_get_n_items (observations);
  g_debug ("Read %u observations", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowObservation) row = g_list_model_get_item (observations, i);
      const char *token = inflow_observation_get_integration_token (row);
      GPtrArray *rows = g_hash_table_lookup (self->history, token);

      if (rows == NULL)
        {
          rows = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->history, g_strdup (token), rows);
        }
      g_ptr_array_add (rows, g_object_ref (row));
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * inflow_observation_log_load_async:
 * @self: a log that stores (inflow_observation_log_get_stores())
 * @since: the oldest observation to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the history is read
 * @user_data: data for @callback
 *
 * Reads the stored history; inflow_observation_log_merge() then hands it
 * to the items.
 */
void
inflow_observation_log_load_async (InflowObservationLog *self,
                                   GDateTime            *since,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (INFLOW_IS_OBSERVATION_LOG (self));
  g_return_if_fail (inflow_observation_log_get_stores (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, inflow_observation_log_load_async);
  inflow_database_list_observations_since_async (self->database, self->profile_id, NULL, since, cancellable,
                                                 list_observations_cb, g_steal_pointer (&task));
}

gboolean
inflow_observation_log_load_finish (InflowObservationLog  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (INFLOW_IS_OBSERVATION_LOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_observation_log_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
prune_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  if (!inflow_database_prune_observations_finish (INFLOW_DATABASE (source), result, &n_removed, &error))
    {
      if (!is_cancelled (error))
        g_debug ("Could not prune old observations: %s", error->message);
      return;
    }

  g_debug ("Pruned %u old observations", n_removed);
}

/**
 * inflow_observation_log_prune:
 * @self: a log
 * @now: the server's now
 *
 * Removes the stored observations older than the retention.
 */
void
inflow_observation_log_prune (InflowObservationLog *self,
                              GDateTime            *now)
{
  g_return_if_fail (INFLOW_IS_OBSERVATION_LOG (self));

  if (self->database != NULL)
    inflow_database_prune_observations_async (self->database, now, self->cancellable, prune_cb, NULL);
}

static gboolean
status_is_probed (InflowIngestionStatus status)
{
  return status == INFLOW_INGESTION_STATUS_CONNECTED || status == INFLOW_INGESTION_STATUS_IMPORTED;
}

/**
 * inflow_observation_log_merge:
 * @self: a log
 * @item: an item
 *
 * Moves the stored history of @item's integration into it.
 */
void
inflow_observation_log_merge (InflowObservationLog *self,
                              InflowIngestionItem  *item)
{
  GPtrArray *stored;
  gboolean tracked;

  g_return_if_fail (INFLOW_IS_OBSERVATION_LOG (self));
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (item));

  stored = g_hash_table_lookup (self->history, inflow_ingestion_item_get_token (item));
  if (stored == NULL)
    return;

  tracked = inflow_ingestion_item_get_tracked (item);
  for (guint i = 0; i < stored->len; i++)
    {
      InflowObservation *row = g_ptr_array_index (stored, i);
      InflowIngestionObservation observation = { 0, };

      observation.observed_at = inflow_observation_get_observed_at (row);
      observation.status = inflow_ingestion_status_from_string (inflow_observation_get_status (row));
      observation.last_updated = inflow_observation_get_last_updated (row);
      observation.newest_cost_date = inflow_observation_get_newest_cost_date (row);
      observation.resource_rows_present = inflow_observation_get_resource_rows_present (row);
      observation.probed = observation.newest_cost_date != NULL || observation.resource_rows_present ||
                           (tracked && status_is_probed (observation.status));
      if (observation.observed_at != NULL)
        _inflow_ingestion_item_add_observation (item, &observation);
    }

  g_hash_table_remove (self->history, inflow_ingestion_item_get_token (item));
}

/* ---- writing ---------------------------------------------------------------- */

static void
add_observation_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!inflow_database_add_observation_finish (INFLOW_DATABASE (source), result, &error) &&
      !is_cancelled (error))
    g_debug ("Could not store an observation: %s", error->message);
}

static void
store (InflowObservationLog *self,
       InflowIngestionItem  *item,
       GDateTime            *observed_at,
       GDateTime            *newest_cost_date,
       gboolean              resource_rows_present)
{
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);
  const char *status = inflow_integration_get_status_string (integration);
  g_autoptr(InflowObservation) observation = NULL;

  if (!inflow_observation_log_get_stores (self))
    return;

  observation = inflow_observation_new (self->profile_id,
                                        inflow_ingestion_item_get_token (item),
                                        observed_at,
                                        status != NULL ? status : "unknown",
                                        inflow_integration_get_last_updated (integration),
                                        newest_cost_date,
                                        resource_rows_present);
  inflow_database_add_observation_async (self->database, observation, self->cancellable,
                                         add_observation_cb, NULL);
}

static gboolean
observation_differs (InflowIngestionItem *item)
{
  const InflowIngestionObservation *last = _inflow_ingestion_item_get_last_observation (item);
  GDateTime *last_updated = inflow_integration_get_last_updated (inflow_ingestion_item_get_integration (item));

  if (last == NULL)
    return TRUE;
  if (last->status != _inflow_ingestion_item_get_status (item))
    return TRUE;
  if ((last->last_updated == NULL) != (last_updated == NULL))
    return TRUE;

  return last_updated != NULL && g_date_time_to_unix (last_updated) != g_date_time_to_unix (last->last_updated);
}

/**
 * inflow_observation_log_note_status:
 * @self: a log
 * @item: an item, just given its integration as fetched
 * @observed_at: when it was fetched (server time)
 *
 * Records an observation if the status or `last_updated` changed (or the
 * item has none): in memory, and in the database as the file's comment
 * explains.
 */
void
inflow_observation_log_note_status (InflowObservationLog *self,
                                    InflowIngestionItem  *item,
                                    GDateTime            *observed_at)
{
  const InflowIngestionObservation *last;
  InflowIngestionObservation observation = { 0, };
  InflowIngestionStatus status;
  gboolean status_changed;

  g_return_if_fail (INFLOW_IS_OBSERVATION_LOG (self));
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (item));

  if (!observation_differs (item))
    return;

  last = _inflow_ingestion_item_get_last_observation (item);
  status = _inflow_ingestion_item_get_status (item);
  status_changed = last == NULL || last->status != status;

  observation.observed_at = observed_at;
  observation.status = status;
  observation.last_updated = inflow_integration_get_last_updated (inflow_ingestion_item_get_integration (item));
  observation.probed = FALSE;
  _inflow_ingestion_item_add_observation (item, &observation);

  if (!inflow_ingestion_item_get_tracked (item) || !status_is_probed (status))
    {
      store (self, item, observed_at, NULL, FALSE);
    }
  else if (status_changed)
    {
      const InflowIngestionObservation *probe = _inflow_ingestion_item_get_last_probe (item);

      if (probe != NULL)
        store (self, item, observed_at, probe->newest_cost_date, probe->resource_rows_present);
    }
}

/**
 * inflow_observation_log_add_probe:
 * @self: a log
 * @item: the item probed
 * @observed_at: when the probe answered (server time)
 * @newest_cost_date: (nullable): the newest cost day found
 * @resource_rows_present: whether resource-level rows were found
 *
 * Records a probe's result: in the item (its latest probe, and an
 * observation) and in the database.
 */
void
inflow_observation_log_add_probe (InflowObservationLog *self,
                                  InflowIngestionItem  *item,
                                  GDateTime            *observed_at,
                                  GDateTime            *newest_cost_date,
                                  gboolean              resource_rows_present)
{
  InflowIngestionProbe probe = { observed_at, newest_cost_date, resource_rows_present };
  InflowIngestionObservation observation = { 0, };

  g_return_if_fail (INFLOW_IS_OBSERVATION_LOG (self));
  g_return_if_fail (INFLOW_IS_INGESTION_ITEM (item));

  _inflow_ingestion_item_set_probe (item, &probe);

  observation.observed_at = observed_at;
  observation.status = _inflow_ingestion_item_get_status (item);
  observation.last_updated = inflow_integration_get_last_updated (inflow_ingestion_item_get_integration (item));
  observation.probed = TRUE;
  observation.newest_cost_date = newest_cost_date;
  observation.resource_rows_present = resource_rows_present;
  _inflow_ingestion_item_add_observation (item, &observation);

  store (self, item, observed_at, newest_cost_date, resource_rows_present);
}
