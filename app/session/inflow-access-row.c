/* inflow-access-row.c: one integration as Workspace Access shows it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-access-model-private.h"
#include "inflow-integration-words.h"

/* The model gives a row each newer copy of its integration; its cells are
 * made when a view first shows them. */
struct _InflowAccessRow
{
  GObject             parent_instance;

  InflowAccessModel  *model;         /* borrowed; NULL once it is gone */
  InflowIntegration  *integration;
  char               *token;         /* the model's key: integrations come and go */
  char               *title;
  char               *subtitle;
  char               *search_text;
  gboolean            nowhere;
  GHashTable         *cells;         /* workspace token → InflowAccessCell */
};

G_DEFINE_FINAL_TYPE (InflowAccessRow, inflow_access_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTEGRATION,
  PROP_TOKEN,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_NOWHERE,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_access_row_finalize (GObject *object)
{
  InflowAccessRow *self = INFLOW_ACCESS_ROW (object);

  g_clear_object (&self->integration);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_access_row_parent_class)->finalize (object);
}

static void
inflow_access_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  InflowAccessRow *self = INFLOW_ACCESS_ROW (object);

  switch (prop_id)
    {
    case PROP_INTEGRATION:
      g_value_set_object (value, self->integration);
      break;

    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_NOWHERE:
      g_value_set_boolean (value, self->nowhere);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_access_row_class_init (InflowAccessRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_access_row_finalize;
  object_class->get_property = inflow_access_row_get_property;

  properties[PROP_INTEGRATION] =
    g_param_spec_object ("integration", NULL, NULL, INFLOW_TYPE_INTEGRATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOWHERE] =
    g_param_spec_boolean ("nowhere", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_access_row_init (InflowAccessRow *self)
{
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

InflowAccessRow *
_inflow_access_row_new (InflowAccessModel *model,
                        InflowIntegration *integration,
                        const char        *title)
{
  InflowAccessRow *self;

  g_return_val_if_fail (INFLOW_IS_ACCESS_MODEL (model), NULL);

  self = g_object_new (INFLOW_TYPE_ACCESS_ROW, NULL);
  self->model = model;
  self->token = g_strdup (inflow_integration_get_token (integration));
  _inflow_access_row_update (self, integration, title);

  return self;
}

/* Sets the row from a newer copy of its integration (or the same one with
 * a new title) and notifies what changed. Its cells are the model's.
 * Returns whether what a list sorts or filters it by changed (its title,
 * its search text). */
gboolean
_inflow_access_row_update (InflowAccessRow   *self,
                           InflowIntegration *integration,
                           const char        *title)
{
  const char * const *tokens;
  const char *provider;
  const char *account_id;
  g_autofree char *subtitle = NULL;
  g_autofree char *search_text = NULL;
  gboolean nowhere;
  gboolean keys_changed = FALSE;

  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), FALSE);
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), FALSE);
  g_return_val_if_fail (g_str_equal (inflow_integration_get_token (integration), self->token), FALSE);

  tokens = inflow_integration_get_workspace_tokens (integration);
  nowhere = tokens == NULL || tokens[0] == NULL;
  provider = inflow_provider_get_display_name (inflow_integration_get_provider (integration));
  account_id = inflow_integration_get_account_identifier (integration);

  if (nowhere)
    /* Translators: %s is a provider, like "AWS" */
    subtitle = g_strdup_printf (_("%s · in no workspace: its costs show nowhere"), provider);
  else if (account_id != NULL)
    /* Translators: a provider, like "AWS", and an account ID */
    subtitle = g_strdup_printf (_("%s · %s"), provider, account_id);
  else
    /* No account ID: the title is the provider, the token tells them apart */
    subtitle = g_strdup (inflow_integration_get_token (integration));

  search_text = g_strjoin (" ", provider, inflow_integration_get_token (integration),
                           account_id != NULL ? account_id : "", title, NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (g_set_object (&self->integration, integration))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEGRATION]);
  if (_inflow_access_set_str (&self->title, title))
    {
      keys_changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (_inflow_access_set_str (&self->subtitle, subtitle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
  if (_inflow_access_set_str (&self->search_text, search_text))
    {
      keys_changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
    }
  if (self->nowhere != nowhere)
    {
      self->nowhere = nowhere;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOWHERE]);
    }

  g_object_thaw_notify (G_OBJECT (self));

  return keys_changed;
}

void
_inflow_access_row_forget_model (InflowAccessRow *self)
{
  g_return_if_fail (INFLOW_IS_ACCESS_ROW (self));

  self->model = NULL;
}

InflowAccessCell *
_inflow_access_row_lookup_cell (InflowAccessRow *self,
                                const char      *workspace_token)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);

  return g_hash_table_lookup (self->cells, workspace_token);
}

/**
 * _inflow_access_row_get_cells:
 *
 * Returns: (transfer container) (element-type InflowAccessCell): the cells
 *   made so far
 */
GList *
_inflow_access_row_get_cells (InflowAccessRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);

  return g_hash_table_get_values (self->cells);
}

void
_inflow_access_row_clear_cells (InflowAccessRow *self)
{
  g_return_if_fail (INFLOW_IS_ACCESS_ROW (self));

  g_hash_table_remove_all (self->cells);
}

/**
 * inflow_access_row_get_integration:
 *
 * Returns: (transfer none): the integration, as the session knows it now
 */
InflowIntegration *
inflow_access_row_get_integration (InflowAccessRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);

  return self->integration;
}

const char *
inflow_access_row_get_token (InflowAccessRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);

  return self->token;
}

const char *
inflow_access_row_get_title (InflowAccessRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);

  return self->title;
}

const char *
inflow_access_row_get_subtitle (InflowAccessRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);

  return self->subtitle;
}

gboolean
inflow_access_row_get_nowhere (InflowAccessRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), FALSE);

  return self->nowhere;
}

const char *
inflow_access_row_get_search_text (InflowAccessRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);

  return self->search_text;
}

/**
 * inflow_access_row_get_cell:
 * @self: a row
 * @column: a workspace of the row's model
 *
 * Returns: (transfer none): the integration in that workspace
 */
InflowAccessCell *
inflow_access_row_get_cell (InflowAccessRow    *self,
                            InflowAccessColumn *column)
{
  const char *workspace_token;
  InflowAccessCell *cell;

  g_return_val_if_fail (INFLOW_IS_ACCESS_ROW (self), NULL);
  g_return_val_if_fail (INFLOW_IS_ACCESS_COLUMN (column), NULL);

  workspace_token = inflow_access_column_get_workspace_token (column);
  cell = g_hash_table_lookup (self->cells, workspace_token);
  if (cell != NULL && inflow_access_cell_get_column (cell) == column)
    return cell;

  cell = _inflow_access_cell_new (self->token, column);
  g_hash_table_replace (self->cells, (gpointer) inflow_access_column_get_workspace_token (column), cell);
  if (self->model != NULL)
    _inflow_access_model_sync_cell (self->model, self, cell);

  return cell;
}
