/* inflow-access-queue.c: the session's workspace access writes, one queue per integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-access-batch-private.h"
#include "inflow-access-queue.h"

/**
 * InflowAccessQueue:
 *
 * PUT /v2/integrations/{token} takes the complete list of an integration's
 * workspaces, and the API has no If-Match. So every write reads the
 * integration fresh, applies only the workspaces asked for, PUTs the list
 * and checks the answer: the window in which another client's change could
 * be overwritten is one GET and one PUT.
 *
 * Two such writes for the same integration at once would overwrite each
 * other, so each integration has a queue: one write at a time; what is
 * asked for meanwhile waits, and everything waiting goes in the next write
 * together (the latest wish for a workspace wins). A batch puts its change
 * of each integration in that integration's queue, one integration after
 * the other, so it waits for a write in flight and joins the single changes
 * waiting.
 *
 * A PUT that fails without a clear refusal (the connection broke, the
 * server failed, the answer came back garbled) may or may not have been
 * applied: the integration is read once more, and each change counts as
 * made when it is there. Whatever the write learnt of the integration goes
 * into the session's list.
 */

/* One wish for one workspace of one integration */
typedef struct
{
  InflowWorkspaceAccessChange  change;
  InflowAccessBatch           *batch;   /* waits for the outcome, or NULL */
} Want;

typedef struct
{
  InflowAccessQueue *queue;             /* borrowed: the queue owns its lanes */
  char              *token;
  GHashTable        *waiting;           /* workspace → Want: not sent yet */
  GHashTable        *saving;            /* workspace → Want: in the write, or NULL */
  GHashTable        *failures;          /* workspace → GError of its last change */

  /* The write in flight */
  GHashTable        *unchanged;         /* workspaces already as asked */
  InflowIntegration *read;              /* as the GET found it */
  GError            *put_error;         /* an uncertain PUT, while re-reading */
} Lane;

struct _InflowAccessQueue
{
  GObject            parent_instance;

  InflowSession     *session;           /* weak */
  InflowClient      *client;
  GCancellable      *cancellable;       /* the session's */
  GHashTable        *lanes;             /* integration token → Lane */
  guint              n_saving;          /* lanes with a write in flight */
  InflowAccessBatch *batch;             /* running, or NULL */
};

G_DEFINE_FINAL_TYPE (InflowAccessQueue, inflow_access_queue, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowAccessPending, inflow_access_pending,
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_PENDING_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_PENDING_WAITING, "waiting"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ACCESS_PENDING_SAVING, "saving"))

enum {
  PROP_0,
  PROP_BUSY,
  PROP_BATCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CELL_CHANGED,
  CHANGE_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void lane_start (Lane *lane);
static void request (InflowAccessQueue           *self,
                     const char                  *integration_token,
                     const char                  *workspace_token,
                     InflowWorkspaceAccessChange  change,
                     InflowAccessBatch           *batch);

static void
want_free (Want *want)
{
  g_clear_object (&want->batch);
  g_free (want);
}

static GHashTable *
want_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) want_free);
}

static Lane *
lane_new (InflowAccessQueue *queue,
          const char        *token)
{
  Lane *lane = g_new0 (Lane, 1);

  lane->queue = queue;
  lane->token = g_strdup (token);
  lane->waiting = want_table_new ();
  lane->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);

  return lane;
}

static void
lane_free (Lane *lane)
{
  g_free (lane->token);
  g_clear_pointer (&lane->waiting, g_hash_table_unref);
  g_clear_pointer (&lane->saving, g_hash_table_unref);
  g_clear_pointer (&lane->failures, g_hash_table_unref);
  g_clear_pointer (&lane->unchanged, g_hash_table_unref);
  g_clear_object (&lane->read);
  g_clear_error (&lane->put_error);
  g_free (lane);
}

static gboolean
get_busy (InflowAccessQueue *self)
{
  return self->n_saving > 0 || self->batch != NULL;
}

static void
emit_cell_changed (Lane       *lane,
                   const char *workspace_token)
{
  g_signal_emit (lane->queue, signals[CELL_CHANGED], 0, lane->token, workspace_token);
}

static const char *
integration_title (InflowAccessQueue *self,
                   const char        *token)
{
  GListModel *integrations;

  if (self->session == NULL)
    return token;

  integrations = inflow_session_get_integrations (self->session);
  for (guint i = 0; i < g_list_model_get_n_items (integrations); i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        return inflow_workspace_access_get_title (inflow_session_get_account_directory (self->session),
                                                  integration);
    }

  return token;
}

/* The batch's next integration, or its end */
static void
batch_next (InflowAccessQueue *self)
{
  g_autoptr(InflowAccessBatch) batch = NULL;
  const char *token;

  if (self->batch == NULL)
    return;

  token = _inflow_access_batch_next (self->batch);
  if (token != NULL)
    {
      request (self, token, inflow_access_batch_get_workspace_token (self->batch),
               inflow_access_batch_get_change (self->batch), self->batch);
      return;
    }

  if (inflow_access_batch_get_running (self->batch))
    return;

  batch = g_steal_pointer (&self->batch);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH]);
}

/* Tells @batch what became of its change of @token, and goes on. */
static void
batch_record (InflowAccessQueue   *self,
              InflowAccessBatch   *batch,
              const char          *token,
              InflowAccessOutcome  outcome,
              const GError        *error)
{
  gboolean add = inflow_access_batch_get_change (batch) == INFLOW_WORKSPACE_ACCESS_ADD;
  g_autoptr(InflowAccessResult) result = NULL;
  const char *details;

  if (outcome == INFLOW_ACCESS_OUTCOME_FAILED)
    details = error->message;
  else if (outcome == INFLOW_ACCESS_OUTCOME_CHANGED)
    details = add ? _("Added") : _("Removed");
  else
    details = add ? _("Already shown there") : _("Already not shown there");

  result = inflow_access_result_new (token, integration_title (self, token), outcome, details);
  _inflow_access_batch_record (batch, result);

  if (batch == self->batch)
    batch_next (self);
}

/* The end of a write: @integration is the latest the write knows of the
 * integration (NULL when it could not read it), @error why the write as a
 * whole failed. Each change is made when @integration has it. */
static void
lane_finish (Lane              *lane,
             InflowIntegration *integration,
             const GError      *error)
{
  g_autoptr(InflowAccessQueue) self = lane->queue;
  g_autoptr(GHashTable) saved = g_steal_pointer (&lane->saving);
  g_autoptr(GHashTable) unchanged = g_steal_pointer (&lane->unchanged);
  g_autoptr(InflowIntegration) read = g_steal_pointer (&lane->read);   /* may be @integration */
  g_autoptr(GError) answered_without = NULL;
  g_autofree char *token = g_strdup (lane->token);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  GHashTableIter iter;
  gpointer key, value;

  g_clear_error (&lane->put_error);
  self->n_saving--;

  if (integration != NULL && self->session != NULL && !cancelled)
    inflow_session_update_integration (self->session, integration);

  /* First the state of every cell, then the signals: a handler sees the
   * whole outcome. */
  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Want *want = value;
      const GError *want_error = NULL;

      if (integration == NULL ||
          !inflow_workspace_access_holds (inflow_integration_get_workspace_tokens (integration), key, want->change))
        {
          if (error == NULL && answered_without == NULL)
            {
              g_debug ("PUT /integrations/%s answered without the change to %s", token, (char *) key);
              answered_without = g_error_new_literal (INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE,
                                                      _("Vantage answered without the change. Reload the list and try again."));
            }
          want_error = error != NULL ? error : answered_without;
        }

      if (want_error != NULL && !cancelled)
        g_hash_table_replace (lane->failures, g_strdup (key), g_error_copy (want_error));
      else
        g_hash_table_remove (lane->failures, key);
    }

  g_hash_table_iter_init (&iter, saved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Want *want = value;
      const GError *want_error = g_hash_table_lookup (lane->failures, key);
      InflowAccessOutcome outcome;

      if (cancelled)
        want_error = error;

      emit_cell_changed (lane, key);
      g_signal_emit (self, signals[CHANGE_FINISHED], 0, token, key, want->change, want->batch != NULL, want_error);

      if (want->batch != NULL)
        {
          if (want_error != NULL)
            outcome = INFLOW_ACCESS_OUTCOME_FAILED;
          else if (g_hash_table_contains (unchanged, key))
            outcome = INFLOW_ACCESS_OUTCOME_ALREADY;
          else
            outcome = INFLOW_ACCESS_OUTCOME_CHANGED;
          batch_record (self, want->batch, token, outcome, want_error);
        }
    }

  /* What was asked for meanwhile goes next (after a cancellation, it fails
   * at once); a lane with nothing left to tell goes. */
  lane = g_hash_table_lookup (self->lanes, token);
  if (lane != NULL)
    lane_start (lane);
  if (lane != NULL && lane->saving == NULL &&
      g_hash_table_size (lane->waiting) == 0 && g_hash_table_size (lane->failures) == 0)
    g_hash_table_remove (self->lanes, token);

  if (!get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
reread_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lane *lane = user_data;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) put_error = g_steal_pointer (&lane->put_error);

  integration = inflow_client_get_integration_finish (INFLOW_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lane_finish (lane, NULL, error);
  else
    /* The changes it holds were applied; the others get the PUT's error. */
    lane_finish (lane, integration, put_error);
}

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Lane *lane = user_data;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;

  integration = inflow_client_update_integration_workspaces_finish (INFLOW_CLIENT (source), result, &error);
  if (integration != NULL)
    {
      lane_finish (lane, integration, NULL);
      return;
    }

  /* A 429 or any 4xx is a clear refusal: the integration is as read. */
  if (!inflow_api_error_is_transient (error) ||
      g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_RATE_LIMITED))
    {
      lane_finish (lane, lane->read, error);
      return;
    }

  g_debug ("PUT /integrations/%s may or may not have been applied: reading it again", lane->token);
  lane->put_error = g_steal_pointer (&error);
  inflow_client_get_integration_async (lane->queue->client, lane->token, lane->queue->cancellable,
                                       reread_cb, lane);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Lane *lane = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) workspaces = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean any = FALSE;

  lane->read = inflow_client_get_integration_finish (INFLOW_CLIENT (source), result, &error);
  if (lane->read == NULL)
    {
      lane_finish (lane, NULL, error);
      return;
    }

  /* Only the workspaces asked for change; what another client changed in
   * the others stays. */
  workspaces = g_strdupv ((char **) inflow_integration_get_workspace_tokens (lane->read));
  g_hash_table_iter_init (&iter, lane->saving);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Want *want = value;
      gboolean changed = FALSE;
      GStrv next = inflow_workspace_access_apply ((const char * const *) workspaces, key, want->change, &changed);

      g_strfreev (workspaces);
      workspaces = next;
      if (changed)
        any = TRUE;
      else
        g_hash_table_add (lane->unchanged, g_strdup (key));
    }

  if (!any)
    {
      /* Already as asked (another client did it): nothing to send. */
      lane_finish (lane, lane->read, NULL);
      return;
    }

  inflow_client_update_integration_workspaces_async (lane->queue->client, lane->token,
                                                     (const char * const *) workspaces,
                                                     lane->queue->cancellable, put_cb, lane);
}

/* Sends what waits, unless a write is in flight. */
static void
lane_start (Lane *lane)
{
  InflowAccessQueue *self = lane->queue;
  GHashTableIter iter;
  gpointer key;

  if (lane->saving != NULL || g_hash_table_size (lane->waiting) == 0)
    return;

  lane->saving = g_steal_pointer (&lane->waiting);
  lane->waiting = want_table_new ();
  lane->unchanged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_saving++;

  /* The write holds the queue. */
  g_object_ref (self);

  g_hash_table_iter_init (&iter, lane->saving);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    emit_cell_changed (lane, key);

  inflow_client_get_integration_async (self->client, lane->token, self->cancellable, read_cb, lane);
}

static void
request (InflowAccessQueue           *self,
         const char                  *integration_token,
         const char                  *workspace_token,
         InflowWorkspaceAccessChange  change,
         InflowAccessBatch           *batch)
{
  g_autoptr(InflowAccessBatch) replaced_batch = NULL;
  Lane *lane = g_hash_table_lookup (self->lanes, integration_token);
  Want *want, *old;

  if (lane == NULL)
    {
      lane = lane_new (self, integration_token);
      g_hash_table_insert (self->lanes, lane->token, lane);
    }

  want = g_new0 (Want, 1);
  want->change = change;
  want->batch = batch != NULL ? g_object_ref (batch) : NULL;

  /* The latest wish for a workspace replaces one still waiting. A batch
   * waiting for the same change waits for this one; one waiting for the
   * opposite is told. */
  old = g_hash_table_lookup (lane->waiting, workspace_token);
  if (old != NULL && old->batch != NULL)
    {
      if (old->change == change && want->batch == NULL)
        want->batch = g_steal_pointer (&old->batch);
      else
        replaced_batch = g_steal_pointer (&old->batch);
    }

  g_hash_table_replace (lane->waiting, g_strdup (workspace_token), want);
  g_hash_table_remove (lane->failures, workspace_token);
  emit_cell_changed (lane, workspace_token);

  if (replaced_batch != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                     _("Changed again before it was saved"));

      batch_record (self, replaced_batch, integration_token, INFLOW_ACCESS_OUTCOME_FAILED, error);
    }

  lane = g_hash_table_lookup (self->lanes, integration_token);
  if (lane != NULL)
    lane_start (lane);
}

static void
inflow_access_queue_dispose (GObject *object)
{
  InflowAccessQueue *self = INFLOW_ACCESS_QUEUE (object);

  /* Writes in flight hold the queue, so none runs here. */
  g_assert (self->n_saving == 0);

  if (self->session != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->session), (gpointer *) &self->session);
  self->session = NULL;
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->batch);
  g_clear_pointer (&self->lanes, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_access_queue_parent_class)->dispose (object);
}

static void
inflow_access_queue_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowAccessQueue *self = INFLOW_ACCESS_QUEUE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, get_busy (self));
      break;

    case PROP_BATCH:
      g_value_set_object (value, self->batch);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_queue_class_init (InflowAccessQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_access_queue_dispose;
  object_class->get_property = inflow_access_queue_get_property;

  /**
   * InflowAccessQueue:busy:
   *
   * Whether a write is in flight or a batch runs.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowAccessQueue:batch:
   *
   * The batch running, or %NULL.
   */
  properties[PROP_BATCH] =
    g_param_spec_object ("batch", NULL, NULL, INFLOW_TYPE_ACCESS_BATCH,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowAccessQueue::cell-changed:
   * @self: the queue
   * @integration_token: an integration
   * @workspace_token: one of its workspaces
   *
   * The pending change or the failure of that workspace changed.
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * InflowAccessQueue::change-finished:
   * @self: the queue
   * @integration_token: an integration
   * @workspace_token: one of its workspaces
   * @change: the change that was written
   * @batched: whether a batch asked for it
   * @error: (nullable): why it was not made, or %NULL
   *
   * A change reached the API, or failed. The session's list has what the
   * write learnt by then.
   */
  signals[CHANGE_FINISHED] =
    g_signal_new ("change-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  INFLOW_TYPE_WORKSPACE_ACCESS_CHANGE,
                  G_TYPE_BOOLEAN,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
inflow_access_queue_init (InflowAccessQueue *self)
{
  self->lanes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) lane_free);
}

/**
 * inflow_access_queue_new:
 * @session: the session whose integrations it changes
 *
 * Returns: (transfer full): a new queue
 */
InflowAccessQueue *
inflow_access_queue_new (InflowSession *session)
{
  InflowAccessQueue *self;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  self = g_object_new (INFLOW_TYPE_ACCESS_QUEUE, NULL);
  self->session = session;
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &self->session);
  self->client = g_object_ref (inflow_session_get_client (session));
  self->cancellable = g_object_ref (inflow_session_get_cancellable (session));

  return self;
}

/**
 * inflow_access_queue_request:
 * @self: a queue
 * @integration_token: an integration
 * @workspace_token: a workspace
 * @change: show its costs there, or stop
 *
 * Asks for one change: it is written at once, or with the next write of
 * the integration when one is in flight. It replaces an earlier change of
 * the same workspace that is still waiting.
 */
void
inflow_access_queue_request (InflowAccessQueue           *self,
                             const char                  *integration_token,
                             const char                  *workspace_token,
                             InflowWorkspaceAccessChange  change)
{
  gboolean was_busy;

  g_return_if_fail (INFLOW_IS_ACCESS_QUEUE (self));
  g_return_if_fail (integration_token != NULL);
  g_return_if_fail (workspace_token != NULL);

  was_busy = get_busy (self);
  request (self, integration_token, workspace_token, change, NULL);
  if (was_busy != get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * inflow_access_queue_get_pending:
 * @self: a queue
 * @integration_token: an integration
 * @workspace_token: a workspace
 * @change: (out) (optional): the latest change asked for
 *
 * Returns: whether a change of that workspace waits or is being saved
 */
InflowAccessPending
inflow_access_queue_get_pending (InflowAccessQueue           *self,
                                 const char                  *integration_token,
                                 const char                  *workspace_token,
                                 InflowWorkspaceAccessChange *change)
{
  Lane *lane;
  Want *want;

  g_return_val_if_fail (INFLOW_IS_ACCESS_QUEUE (self), INFLOW_ACCESS_PENDING_NONE);
  g_return_val_if_fail (integration_token != NULL, INFLOW_ACCESS_PENDING_NONE);
  g_return_val_if_fail (workspace_token != NULL, INFLOW_ACCESS_PENDING_NONE);

  lane = g_hash_table_lookup (self->lanes, integration_token);
  if (lane == NULL)
    return INFLOW_ACCESS_PENDING_NONE;

  if ((want = g_hash_table_lookup (lane->waiting, workspace_token)) != NULL)
    {
      if (change != NULL)
        *change = want->change;
      return INFLOW_ACCESS_PENDING_WAITING;
    }

  if (lane->saving != NULL && (want = g_hash_table_lookup (lane->saving, workspace_token)) != NULL)
    {
      if (change != NULL)
        *change = want->change;
      return INFLOW_ACCESS_PENDING_SAVING;
    }

  return INFLOW_ACCESS_PENDING_NONE;
}

/**
 * inflow_access_queue_get_failure:
 * @self: a queue
 * @integration_token: an integration
 * @workspace_token: a workspace
 *
 * Returns: (transfer none) (nullable): why the last change of that
 *   workspace was not made, until another is asked for
 */
const GError *
inflow_access_queue_get_failure (InflowAccessQueue *self,
                                 const char        *integration_token,
                                 const char        *workspace_token)
{
  Lane *lane;

  g_return_val_if_fail (INFLOW_IS_ACCESS_QUEUE (self), NULL);
  g_return_val_if_fail (integration_token != NULL, NULL);
  g_return_val_if_fail (workspace_token != NULL, NULL);

  lane = g_hash_table_lookup (self->lanes, integration_token);

  return lane != NULL ? g_hash_table_lookup (lane->failures, workspace_token) : NULL;
}

gboolean
inflow_access_queue_get_busy (InflowAccessQueue *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_QUEUE (self), FALSE);

  return get_busy (self);
}

/**
 * inflow_access_queue_start_batch:
 * @self: a queue
 * @integration_tokens: the integrations (each is changed once)
 * @workspace_token: the workspace
 * @change: add them to it, or remove them
 *
 * Returns: (transfer none) (nullable): the batch, now running, or %NULL
 *   when another batch runs
 */
InflowAccessBatch *
inflow_access_queue_start_batch (InflowAccessQueue           *self,
                                 const char * const          *integration_tokens,
                                 const char                  *workspace_token,
                                 InflowWorkspaceAccessChange  change)
{
  gboolean was_busy;

  g_return_val_if_fail (INFLOW_IS_ACCESS_QUEUE (self), NULL);
  g_return_val_if_fail (integration_tokens != NULL && integration_tokens[0] != NULL, NULL);
  g_return_val_if_fail (workspace_token != NULL, NULL);

  if (self->batch != NULL)
    return NULL;

  was_busy = get_busy (self);
  self->batch = _inflow_access_batch_new (integration_tokens, workspace_token, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCH]);
  batch_next (self);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  return self->batch;
}

/**
 * inflow_access_queue_get_batch:
 *
 * Returns: (transfer none) (nullable): the batch running
 */
InflowAccessBatch *
inflow_access_queue_get_batch (InflowAccessQueue *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_QUEUE (self), NULL);

  return self->batch;
}
