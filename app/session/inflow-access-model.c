/* inflow-access-model.c: what Workspace Access shows, rows of integrations and workspace columns
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-access-model-private.h"
#include "inflow-access-queue.h"
#include "inflow-integration-words.h"
#include "inflow-workspace.h"

/**
 * InflowAccessModel:
 *
 * The view-model of Workspace Access: a row per integration of the session
 * and a column per workspace; a cell of a row shows the integration in one
 * workspace: in it or not, a change waiting in the session's
 * #InflowAccessQueue, or a change that failed.
 *
 * A refresh replaces the session's integrations with fresh copies; the
 * rows stay the same objects (so a view keeps its selection and its
 * widgets) and notify what changed.
 */
struct _InflowAccessModel
{
  GObject            parent_instance;

  InflowSession     *session;
  InflowAccessQueue *queue;
  GPtrArray         *rows;       /* InflowAccessRow, in the session's order */
  GHashTable        *by_token;   /* integration token → InflowAccessRow */
  GListStore        *columns;    /* InflowAccessColumn */
};

static void inflow_access_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InflowAccessModel, inflow_access_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, inflow_access_model_list_model_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
inflow_access_model_get_item_type (GListModel *model)
{
  return INFLOW_TYPE_ACCESS_ROW;
}

static guint
inflow_access_model_get_n_items (GListModel *model)
{
  return INFLOW_ACCESS_MODEL (model)->rows->len;
}

static gpointer
inflow_access_model_get_item (GListModel *model,
                              guint       position)
{
  InflowAccessModel *self = INFLOW_ACCESS_MODEL (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
inflow_access_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = inflow_access_model_get_item_type;
  iface->get_n_items = inflow_access_model_get_n_items;
  iface->get_item = inflow_access_model_get_item;
}

static const char *
title_of (InflowAccessModel *self,
          InflowIntegration *integration)
{
  return inflow_workspace_access_get_title (inflow_session_get_account_directory (self->session), integration);
}

/* Cells */

void
_inflow_access_model_sync_cell (InflowAccessModel *self,
                                InflowAccessRow   *row,
                                InflowAccessCell  *cell)
{
  InflowAccessColumn *column = inflow_access_cell_get_column (cell);
  const char *token = inflow_access_row_get_token (row);
  const char *workspace = inflow_access_column_get_workspace_token (column);
  InflowWorkspaceAccessChange change = INFLOW_WORKSPACE_ACCESS_ADD;
  InflowAccessPending pending;
  const GError *failure;
  gboolean in;
  g_autofree char *status = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (INFLOW_IS_ACCESS_MODEL (self));

  pending = inflow_access_queue_get_pending (self->queue, token, workspace, &change);
  failure = inflow_access_queue_get_failure (self->queue, token, workspace);
  in = inflow_workspace_access_holds (inflow_integration_get_workspace_tokens (inflow_access_row_get_integration (row)),
                                      workspace, INFLOW_WORKSPACE_ACCESS_ADD);
  /* Translators: "Show Production Account costs in Finance" */
  label = g_strdup_printf (_("Show %s costs in %s"), inflow_access_row_get_title (row),
                           inflow_access_column_get_name (column));

  if (pending == INFLOW_ACCESS_PENDING_SAVING)
    _inflow_access_cell_update (cell, INFLOW_ACCESS_CELL_WAITING, change == INFLOW_WORKSPACE_ACCESS_ADD,
                                _("Saving…"), label);
  else if (pending == INFLOW_ACCESS_PENDING_WAITING)
    _inflow_access_cell_update (cell, INFLOW_ACCESS_CELL_WAITING, change == INFLOW_WORKSPACE_ACCESS_ADD,
                                _("Waiting: another change to this integration is being saved first"), label);
  else if (failure != NULL)
    {
      /* Translators: %s says why, like "Vantage could not be reached." */
      status = g_strdup_printf (_("Not saved: %s"), failure->message);
      _inflow_access_cell_update (cell, INFLOW_ACCESS_CELL_FAILED, in, status, label);
    }
  else
    _inflow_access_cell_update (cell, in ? INFLOW_ACCESS_CELL_IN : INFLOW_ACCESS_CELL_NOT_IN, in,
                                inflow_session_get_write_disabled_reason (self->session), label);
}

static void
sync_cells (InflowAccessModel *self,
            InflowAccessRow   *row)
{
  g_autoptr(GList) cells = _inflow_access_row_get_cells (row);

  for (GList *l = cells; l != NULL; l = l->next)
    _inflow_access_model_sync_cell (self, row, l->data);
}

/* Sets rows [@position, @position + @n) from @integrations (the same
 * integrations, newer copies), or from their own when NULL. A list that
 * sorts or filters the rows learns that their titles changed the only way
 * it can: items-changed (the same rows, removed and added again). */
static void
update_rows (InflowAccessModel *self,
             guint              position,
             guint              n,
             GListModel        *integrations)
{
  guint first = G_MAXUINT, last = 0;

  for (guint i = position; i < position + n; i++)
    {
      InflowAccessRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(InflowIntegration) integration = integrations != NULL ? g_list_model_get_item (integrations, i)
                                                                       : g_object_ref (inflow_access_row_get_integration (row));

      if (_inflow_access_row_update (row, integration, title_of (self, integration)))
        {
          first = MIN (first, i);
          last = i;
        }
      sync_cells (self, row);
    }

  if (first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
}

static void
cell_changed_cb (InflowAccessModel *self,
                 const char        *integration_token,
                 const char        *workspace_token,
                 InflowAccessQueue *queue)
{
  InflowAccessRow *row = g_hash_table_lookup (self->by_token, integration_token);
  InflowAccessCell *cell;

  if (row != NULL && (cell = _inflow_access_row_lookup_cell (row, workspace_token)) != NULL)
    _inflow_access_model_sync_cell (self, row, cell);
}

/* Rows */

static InflowAccessRow *
row_for (InflowAccessModel *self,
         InflowIntegration *integration,
         GHashTable        *reusable)
{
  InflowAccessRow *row = g_hash_table_lookup (reusable, inflow_integration_get_token (integration));

  if (row == NULL)
    return _inflow_access_row_new (self, integration, title_of (self, integration));

  g_object_ref (row);
  g_hash_table_remove (reusable, inflow_integration_get_token (integration));
  _inflow_access_row_update (row, integration, title_of (self, integration));
  sync_cells (self, row);

  return row;
}

static void
integrations_changed_cb (InflowAccessModel *self,
                         guint              position,
                         guint              removed,
                         guint              added,
                         GListModel        *integrations)
{
  g_autoptr(GHashTable) reusable = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  gboolean same = removed == added;

  /* A refresh or a write brings copies of the same integrations: update the
   * rows in place, no items-changed unless their titles changed. */
  for (guint i = 0; same && i < added; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, position + i);

      same = g_str_equal (inflow_integration_get_token (integration),
                          inflow_access_row_get_token (g_ptr_array_index (self->rows, position + i)));
    }

  if (same)
    {
      update_rows (self, position, added, integrations);
      return;
    }

  /* Rows removed here may come back among those added (a move) */
  for (guint i = 0; i < removed; i++)
    {
      InflowAccessRow *row = g_ptr_array_index (self->rows, position + i);

      g_hash_table_remove (self->by_token, inflow_access_row_get_token (row));
      g_hash_table_replace (reusable, (gpointer) inflow_access_row_get_token (row), g_object_ref (row));
    }
  g_ptr_array_remove_range (self->rows, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, position + i);
      InflowAccessRow *row = row_for (self, integration, reusable);

      g_ptr_array_insert (self->rows, position + i, row);
      g_hash_table_replace (self->by_token, (gpointer) inflow_access_row_get_token (row), row);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
directory_changed_cb (InflowAccessModel *self)
{
  update_rows (self, 0, self->rows->len, NULL);
}

static void
can_write_changed_cb (InflowAccessModel *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    sync_cells (self, g_ptr_array_index (self->rows, i));
}

/* Columns */

static void
update_seen_by (InflowAccessModel *self)
{
  GListModel *teams = inflow_session_get_teams (self->session);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowAccessColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);
      g_autofree char *names = inflow_teams_dup_names_for_workspace (teams, inflow_access_column_get_workspace_token (column), NULL);
      g_autofree char *seen_by = NULL;

      if (names != NULL)
        /* Translators: %s is a list of team names */
        seen_by = g_strdup_printf (_("Seen by %s"), names);
      _inflow_access_column_set_seen_by (column, seen_by != NULL ? seen_by : _("No team sees it"));
    }
}

static void
workspaces_changed_cb (InflowAccessModel *self)
{
  GListModel *workspaces = inflow_session_get_workspaces (self->session);
  guint n = g_list_model_get_n_items (workspaces);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same = n == g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowWorkspace) workspace = g_list_model_get_item (workspaces, i);
      g_autoptr(InflowAccessColumn) old = same ? g_list_model_get_item (G_LIST_MODEL (self->columns), i) : NULL;

      same = old != NULL &&
             g_str_equal (inflow_access_column_get_workspace_token (old), inflow_workspace_get_token (workspace)) &&
             g_strcmp0 (inflow_access_column_get_name (old), inflow_workspace_get_name (workspace)) == 0;
      g_ptr_array_add (columns, _inflow_access_column_new (inflow_workspace_get_token (workspace),
                                                           inflow_workspace_get_name (workspace)));
    }

  /* A refresh brings the same workspaces again: the columns stay. Else
   * they are a new list (views set it anew rather than follow a splice). */
  if (!same)
    {
      for (guint i = 0; i < self->rows->len; i++)
        _inflow_access_row_clear_cells (g_ptr_array_index (self->rows, i));
      g_clear_object (&self->columns);
      self->columns = g_list_store_new (INFLOW_TYPE_ACCESS_COLUMN);
      g_list_store_splice (self->columns, 0, 0, columns->pdata, columns->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMNS]);
    }

  update_seen_by (self);
}

/* The object */

static void
inflow_access_model_dispose (GObject *object)
{
  InflowAccessModel *self = INFLOW_ACCESS_MODEL (object);

  /* Rows a view still holds no longer make cells here. */
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    _inflow_access_row_forget_model (g_ptr_array_index (self->rows, i));
  g_clear_pointer (&self->by_token, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->columns);
  g_clear_object (&self->queue);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_access_model_parent_class)->dispose (object);
}

static void
inflow_access_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowAccessModel *self = INFLOW_ACCESS_MODEL (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_COLUMNS:
      g_value_set_object (value, self->columns);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_model_class_init (InflowAccessModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_access_model_dispose;
  object_class->get_property = inflow_access_model_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * InflowAccessModel:columns:
   *
   * A list of #InflowAccessColumn, one per workspace; a new list when the
   * workspaces change.
   */
  properties[PROP_COLUMNS] =
    g_param_spec_object ("columns", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_access_model_init (InflowAccessModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_token = g_hash_table_new (g_str_hash, g_str_equal);
  self->columns = g_list_store_new (INFLOW_TYPE_ACCESS_COLUMN);
}

/**
 * inflow_access_model_new:
 * @session: the session to show
 *
 * Returns: (transfer full): a model that follows the session's lists
 */
InflowAccessModel *
inflow_access_model_new (InflowSession *session)
{
  InflowAccessModel *self;
  GListModel *integrations;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  self = g_object_new (INFLOW_TYPE_ACCESS_MODEL, NULL);
  self->session = g_object_ref (session);
  self->queue = g_object_ref (inflow_session_get_access_queue (session));
  integrations = inflow_session_get_integrations (session);

  g_signal_connect_object (integrations, "items-changed",
                           G_CALLBACK (integrations_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_workspaces (session), "items-changed",
                           G_CALLBACK (workspaces_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_teams (session), "items-changed",
                           G_CALLBACK (update_seen_by), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (inflow_session_get_account_directory (session), "changed",
                           G_CALLBACK (directory_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::write-disabled-reason",
                           G_CALLBACK (can_write_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "cell-changed",
                           G_CALLBACK (cell_changed_cb), self, G_CONNECT_SWAPPED);

  workspaces_changed_cb (self);
  integrations_changed_cb (self, 0, 0, g_list_model_get_n_items (integrations), integrations);

  return self;
}

/**
 * inflow_access_model_get_session:
 *
 * Returns: (transfer none): the session
 */
InflowSession *
inflow_access_model_get_session (InflowAccessModel *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_MODEL (self), NULL);

  return self->session;
}

/**
 * inflow_access_model_get_columns:
 *
 * Returns: (transfer none): a list model of #InflowAccessColumn
 */
GListModel *
inflow_access_model_get_columns (InflowAccessModel *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_MODEL (self), NULL);

  return G_LIST_MODEL (self->columns);
}

/**
 * inflow_access_model_lookup:
 *
 * Returns: (transfer none) (nullable): the row of that integration
 */
InflowAccessRow *
inflow_access_model_lookup (InflowAccessModel *self,
                            const char        *integration_token)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_MODEL (self), NULL);
  g_return_val_if_fail (integration_token != NULL, NULL);

  return g_hash_table_lookup (self->by_token, integration_token);
}

gboolean
inflow_access_model_toggle (InflowAccessModel *self,
                            const char        *integration_token,
                            const char        *workspace_token)
{
  InflowAccessRow *row;
  InflowWorkspaceAccessChange change;
  gboolean shown;

  g_return_val_if_fail (INFLOW_IS_ACCESS_MODEL (self), FALSE);
  g_return_val_if_fail (integration_token != NULL, FALSE);
  g_return_val_if_fail (workspace_token != NULL, FALSE);

  row = g_hash_table_lookup (self->by_token, integration_token);
  if (row == NULL || !inflow_session_get_can_write (self->session))
    return FALSE;

  /* What the box shows: the change waiting, else the integration */
  if (inflow_access_queue_get_pending (self->queue, integration_token, workspace_token, &change) != INFLOW_ACCESS_PENDING_NONE)
    shown = change == INFLOW_WORKSPACE_ACCESS_ADD;
  else
    shown = inflow_workspace_access_holds (inflow_integration_get_workspace_tokens (inflow_access_row_get_integration (row)),
                                           workspace_token, INFLOW_WORKSPACE_ACCESS_ADD);

  inflow_access_queue_request (self->queue, integration_token, workspace_token,
                               shown ? INFLOW_WORKSPACE_ACCESS_REMOVE : INFLOW_WORKSPACE_ACCESS_ADD);

  return TRUE;
}
