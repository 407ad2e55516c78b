/* inflow-integration-filter.c: which integrations a search, a provider and a status leave
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <string.h>

#include "inflow-integration-filter.h"
#include "inflow-integration-row.h"
#include "inflow-integration-words.h"
#include "inflow-search.h"

/**
 * InflowIntegrationFilter:
 *
 * The Integrations list's filter, without the list: a search that matches
 * the provider, the status word, the token, the account ID and the
 * account's name (case and accents folded), a provider and a status word.
 * It emits ::changed with how much changed, so that a list filters only
 * what it must; a view wraps it in a GtkCustomFilter.
 *
 * The search keys are made once per integration: those of the list it
 * filters (set_integrations()) in an idle ahead of the first keystroke,
 * again when the directory changes (names arrive after a refresh), any
 * other when first matched.
 */
struct _InflowIntegrationFilter
{
  GObject                 parent_instance;

  /* Owned references */
  InflowAccountDirectory *directory;
  GSignalGroup           *directory_signals;
  GListModel             *integrations;
  GHashTable             *keys;      /* InflowIntegration (ref) → its search key */
  char                   *search;    /* as typed */
  char                   *folded;    /* as inflow_search_fold() gives it, or NULL */
  char                   *provider;  /* a provider key, or NULL for all */

  int                     status;    /* an InflowStatusWord, or -1 for all */
  guint                   prepare_idle;
};

G_DEFINE_FINAL_TYPE (InflowIntegrationFilter, inflow_integration_filter, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowFilterChange, inflow_filter_change,
                    G_DEFINE_ENUM_VALUE (INFLOW_FILTER_CHANGE_DIFFERENT, "different"),
                    G_DEFINE_ENUM_VALUE (INFLOW_FILTER_CHANGE_LESS_STRICT, "less-strict"),
                    G_DEFINE_ENUM_VALUE (INFLOW_FILTER_CHANGE_MORE_STRICT, "more-strict"))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_PROVIDER,
  PROP_STATUS,
  PROP_DIRECTORY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (InflowIntegrationFilter *self,
              InflowFilterChange       change)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
}

static const char *
search_key (InflowIntegrationFilter *self,
            InflowIntegration       *integration)
{
  char *key = g_hash_table_lookup (self->keys, integration);

  if (key == NULL)
    {
      const char *provider = inflow_integration_get_provider (integration);
      InflowStatusWord word = inflow_status_word_from_status (inflow_integration_get_status (integration));
      g_autofree char *title = inflow_integration_dup_title (integration, self->directory);
      g_autofree char *text = NULL;

      text = g_strjoin (" ",
                        inflow_provider_get_display_name (provider), provider,
                        inflow_status_word_get_label (word),
                        inflow_integration_get_token (integration),
                        inflow_integration_get_account_identifier (integration) ?: "",
                        title,
                        NULL);
      key = inflow_search_fold (text);
      g_hash_table_insert (self->keys, g_object_ref (integration), key);
    }

  return key;
}

static gboolean
prepare_idle_cb (gpointer data)
{
  InflowIntegrationFilter *self = data;
  guint n = self->integrations != NULL ? g_list_model_get_n_items (self->integrations) : 0;

  self->prepare_idle = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (self->integrations, i);

      search_key (self, integration);
    }

  return G_SOURCE_REMOVE;
}

/* The search keys of the list, in an idle rather than on the first
 * keystroke (nor while a view is being made); those of the integrations
 * that are gone go at once. */
static void
prepare_keys (InflowIntegrationFilter *self)
{
  g_hash_table_remove_all (self->keys);
  if (self->integrations != NULL && self->prepare_idle == 0)
    self->prepare_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, prepare_idle_cb, self, NULL);
}

static void
directory_changed_cb (InflowIntegrationFilter *self)
{
  /* Names may have arrived: what a search matches changes */
  prepare_keys (self);
  if (self->folded != NULL)
    emit_changed (self, INFLOW_FILTER_CHANGE_DIFFERENT);
}

static void
inflow_integration_filter_dispose (GObject *object)
{
  InflowIntegrationFilter *self = INFLOW_INTEGRATION_FILTER (object);

  g_clear_handle_id (&self->prepare_idle, g_source_remove);
  g_clear_object (&self->directory_signals);
  g_clear_object (&self->directory);
  g_clear_object (&self->integrations);
  g_clear_pointer (&self->keys, g_hash_table_unref);

  G_OBJECT_CLASS (inflow_integration_filter_parent_class)->dispose (object);
}

static void
inflow_integration_filter_finalize (GObject *object)
{
  InflowIntegrationFilter *self = INFLOW_INTEGRATION_FILTER (object);

  g_free (self->search);
  g_free (self->folded);
  g_free (self->provider);

  G_OBJECT_CLASS (inflow_integration_filter_parent_class)->finalize (object);
}

static void
inflow_integration_filter_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  InflowIntegrationFilter *self = INFLOW_INTEGRATION_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integration_filter_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  InflowIntegrationFilter *self = INFLOW_INTEGRATION_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      inflow_integration_filter_set_search (self, g_value_get_string (value));
      break;
    case PROP_PROVIDER:
      inflow_integration_filter_set_provider (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      inflow_integration_filter_set_status (self, g_value_get_int (value));
      break;
    case PROP_DIRECTORY:
      inflow_integration_filter_set_directory (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integration_filter_class_init (InflowIntegrationFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_integration_filter_dispose;
  object_class->finalize = inflow_integration_filter_finalize;
  object_class->get_property = inflow_integration_filter_get_property;
  object_class->set_property = inflow_integration_filter_set_property;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_PROVIDER] = g_param_spec_string ("provider", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, -1, INFLOW_N_STATUS_WORDS - 1, -1, flags);
  properties[PROP_DIRECTORY] = g_param_spec_object ("directory", NULL, NULL, INFLOW_TYPE_ACCOUNT_DIRECTORY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowIntegrationFilter::changed:
   * @change: an #InflowFilterChange
   *
   * What the filter matches changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, INFLOW_TYPE_FILTER_CHANGE);
}

static void
inflow_integration_filter_init (InflowIntegrationFilter *self)
{
  self->status = -1;
  self->keys = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->directory_signals = g_signal_group_new (INFLOW_TYPE_ACCOUNT_DIRECTORY);
  g_signal_group_connect_swapped (self->directory_signals, "changed", G_CALLBACK (directory_changed_cb), self);
}

InflowIntegrationFilter *
inflow_integration_filter_new (void)
{
  return g_object_new (INFLOW_TYPE_INTEGRATION_FILTER, NULL);
}

const char *
inflow_integration_filter_get_search (InflowIntegrationFilter *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_FILTER (self), NULL);

  return self->search;
}

/**
 * inflow_integration_filter_set_search:
 * @self: a filter
 * @search: (nullable): what to look for; %NULL or "" for everything
 */
void
inflow_integration_filter_set_search (InflowIntegrationFilter *self,
                                      const char              *search)
{
  g_autofree char *previous = NULL;
  InflowFilterChange change;

  g_return_if_fail (INFLOW_IS_INTEGRATION_FILTER (self));

  if (g_strcmp0 (search, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);

  if (!inflow_search_refold (&self->folded, search, &previous))
    return;

  /* Typing on narrows what matched; deleting widens it */
  if (self->folded == NULL || (previous != NULL && strstr (previous, self->folded) != NULL))
    change = INFLOW_FILTER_CHANGE_LESS_STRICT;
  else if (previous == NULL || strstr (self->folded, previous) != NULL)
    change = INFLOW_FILTER_CHANGE_MORE_STRICT;
  else
    change = INFLOW_FILTER_CHANGE_DIFFERENT;

  emit_changed (self, change);
}

const char *
inflow_integration_filter_get_provider (InflowIntegrationFilter *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_FILTER (self), NULL);

  return self->provider;
}

/* @provider: (nullable): a provider key ("aws", any case), or %NULL for all */
void
inflow_integration_filter_set_provider (InflowIntegrationFilter *self,
                                        const char              *provider)
{
  g_return_if_fail (INFLOW_IS_INTEGRATION_FILTER (self));

  if (g_strcmp0 (provider, self->provider) == 0)
    return;

  g_free (self->provider);
  self->provider = g_strdup (provider);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER]);
  emit_changed (self, INFLOW_FILTER_CHANGE_DIFFERENT);
}

int
inflow_integration_filter_get_status (InflowIntegrationFilter *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_FILTER (self), -1);

  return self->status;
}

/* @status: an #InflowStatusWord, or -1 for all */
void
inflow_integration_filter_set_status (InflowIntegrationFilter *self,
                                      int                      status)
{
  g_return_if_fail (INFLOW_IS_INTEGRATION_FILTER (self));
  g_return_if_fail (status >= -1 && status < INFLOW_N_STATUS_WORDS);

  if (status == self->status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  emit_changed (self, INFLOW_FILTER_CHANGE_DIFFERENT);
}

/**
 * inflow_integration_filter_get_directory:
 *
 * Returns: (transfer none) (nullable): the directory whose names a search matches
 */
InflowAccountDirectory *
inflow_integration_filter_get_directory (InflowIntegrationFilter *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_FILTER (self), NULL);

  return self->directory;
}

void
inflow_integration_filter_set_directory (InflowIntegrationFilter *self,
                                         InflowAccountDirectory  *directory)
{
  g_return_if_fail (INFLOW_IS_INTEGRATION_FILTER (self));
  g_return_if_fail (directory == NULL || INFLOW_IS_ACCOUNT_DIRECTORY (directory));

  if (!g_set_object (&self->directory, directory))
    return;

  g_signal_group_set_target (self->directory_signals, directory);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTORY]);
  directory_changed_cb (self);
}

/* Whether @integration passes the provider, the status and the search. */
gboolean
inflow_integration_filter_match (InflowIntegrationFilter *self,
                                 InflowIntegration       *integration)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_FILTER (self), FALSE);
  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), FALSE);

  if (self->provider != NULL && !inflow_integration_is_provider (integration, self->provider))
    return FALSE;

  if (self->status >= 0 &&
      (int) inflow_status_word_from_status (inflow_integration_get_status (integration)) != self->status)
    return FALSE;

  return self->folded == NULL || strstr (search_key (self, integration), self->folded) != NULL;
}

/**
 * inflow_integration_filter_set_integrations:
 * @self: a filter
 * @integrations: (nullable): the #InflowIntegration items it will filter
 *
 * Makes their search keys in an idle ahead of the first keystroke, and
 * again whenever the directory changes.
 */
void
inflow_integration_filter_set_integrations (InflowIntegrationFilter *self,
                                            GListModel              *integrations)
{
  g_return_if_fail (INFLOW_IS_INTEGRATION_FILTER (self));
  g_return_if_fail (integrations == NULL || G_IS_LIST_MODEL (integrations));

  if (g_set_object (&self->integrations, integrations))
    prepare_keys (self);
}
