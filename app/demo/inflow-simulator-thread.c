/* inflow-simulator-thread.c: a simulator serving from a thread of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-simulator-thread"

#include "config.h"

#include "inflow-simulator-thread.h"

/**
 * InflowSimulatorThread:
 *
 * An #InflowSimulator that generates its scenario, listens and answers in
 * a thread with a #GMainContext of its own, so that the demo's requests
 * cost the application's main thread what a real account's do. Once
 * started, the simulator belongs to the thread: only its base URL is read
 * from outside. Disposing the object stops the thread (and the simulator,
 * in it).
 */
struct _InflowSimulatorThread
{
  GObject                     parent_instance;

  /* Used by the thread only, once started */
  InflowSimulator            *simulator;
  InflowSimulatorPrepareFunc  prepare;
  gpointer                    prepare_data;

  GMainContext               *context;
  GMainLoop                  *loop;
  GThread                    *thread;
  GMainContext               *caller_context;
  GTask                      *start_task;   /* until it listens */
  GError                     *error;        /* of listening */
  char                       *base_url;
  double                      time_scale;   /* as prepared */
};

G_DEFINE_FINAL_TYPE (InflowSimulatorThread, inflow_simulator_thread, G_TYPE_OBJECT)

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
inflow_simulator_thread_dispose (GObject *object)
{
  InflowSimulatorThread *self = INFLOW_SIMULATOR_THREAD (object);

  if (self->thread != NULL)
    {
      g_main_context_invoke (self->context, quit_cb, self->loop);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  g_clear_object (&self->start_task);

  G_OBJECT_CLASS (inflow_simulator_thread_parent_class)->dispose (object);
}

static void
inflow_simulator_thread_finalize (GObject *object)
{
  InflowSimulatorThread *self = INFLOW_SIMULATOR_THREAD (object);

  g_clear_object (&self->simulator);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->caller_context, g_main_context_unref);
  g_clear_error (&self->error);
  g_free (self->base_url);

  G_OBJECT_CLASS (inflow_simulator_thread_parent_class)->finalize (object);
}

static void
inflow_simulator_thread_class_init (InflowSimulatorThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_simulator_thread_dispose;
  object_class->finalize = inflow_simulator_thread_finalize;
}

static void
inflow_simulator_thread_init (InflowSimulatorThread *self)
{
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
}

/* In the caller's context: the start is over */
static gboolean
started_cb (gpointer data)
{
  InflowSimulatorThread *self = data;
  g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

  if (task == NULL)
    return G_SOURCE_REMOVE;

  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else
    g_task_return_pointer (task, g_object_ref (self), g_object_unref);

  return G_SOURCE_REMOVE;
}

static gpointer
thread_func (gpointer data)
{
  InflowSimulatorThread *self = data;
  gboolean listening;

  g_main_context_push_thread_default (self->context);

  if (self->prepare != NULL)
    self->prepare (self->simulator, self->prepare_data);
  listening = inflow_simulator_listen (self->simulator, 0, &self->error);
  if (listening)
    self->base_url = g_strdup (inflow_simulator_get_base_url (self->simulator));
  self->time_scale = inflow_simulator_get_time_scale (self->simulator);
  /* The caller holds the object until started_cb() ran, or its dispose
   * waits for this thread */
  g_main_context_invoke_full (self->caller_context, G_PRIORITY_DEFAULT, started_cb,
                              g_object_ref (self), g_object_unref);

  if (listening)
    g_main_loop_run (self->loop);

  /* Stopped in its own context */
  g_clear_object (&self->simulator);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/**
 * inflow_simulator_thread_start_async:
 * @simulator: a simulator that does not listen yet; the thread takes it
 * @prepare: (nullable): called in the thread before it listens
 * @prepare_data: data for @prepare
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default context when it listens
 * @user_data: data for @callback
 *
 * Starts a thread that owns @simulator, lets @prepare set it up (its
 * scenario is made there), and listens on a free port of 127.0.0.1.
 */
void
inflow_simulator_thread_start_async (InflowSimulator            *simulator,
                                     InflowSimulatorPrepareFunc  prepare,
                                     gpointer                    prepare_data,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  g_autoptr(InflowSimulatorThread) self = NULL;

  g_return_if_fail (INFLOW_IS_SIMULATOR (simulator));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self = g_object_new (INFLOW_TYPE_SIMULATOR_THREAD, NULL);
  self->simulator = g_object_ref (simulator);
  self->prepare = prepare;
  self->prepare_data = prepare_data;
  self->caller_context = g_main_context_ref_thread_default ();
  self->start_task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->start_task, inflow_simulator_thread_start_async);
  g_task_set_task_data (self->start_task, g_object_ref (self), g_object_unref);
  self->thread = g_thread_new ("inflow-simulator", thread_func, self);
}

/**
 * inflow_simulator_thread_start_finish:
 *
 * Returns: (transfer full): the running simulator thread, or %NULL when
 *   the simulator could not listen
 */
InflowSimulatorThread *
inflow_simulator_thread_start_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == inflow_simulator_thread_start_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * inflow_simulator_thread_get_base_url:
 *
 * Returns: the simulator's address, "http://127.0.0.1:PORT"
 */
const char *
inflow_simulator_thread_get_base_url (InflowSimulatorThread *self)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR_THREAD (self), NULL);

  return self->base_url;
}

/**
 * inflow_simulator_thread_get_time_scale:
 *
 * Returns: the simulator's time scale once started, as its prepare
 *   function left it
 */
double
inflow_simulator_thread_get_time_scale (InflowSimulatorThread *self)
{
  g_return_val_if_fail (INFLOW_IS_SIMULATOR_THREAD (self), 1.0);

  return self->time_scale;
}
