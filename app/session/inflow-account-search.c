/* inflow-account-search.c: the entries of an account directory that hold a search
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <string.h>

#include "inflow-account-search.h"
#include "inflow-search.h"

/**
 * InflowAccountSearch:
 *
 * A list model of the #InflowAccountEntry items of a directory that hold
 * the search, each account under its heading: an account matches by name
 * or ID (case and accents folded), an organization's heading by its ID or
 * its management account's name, and then brings all its accounts.
 * Headings without a match go; without a search, everything shows. The
 * list is replaced in one splice when the search or the directory
 * changes; the search is the owner's (a view's), not the directory's.
 */
struct _InflowAccountSearch
{
  GObject                 parent_instance;

  /* Owned references */
  InflowAccountDirectory *directory;
  GSignalGroup           *directory_signals;
  GPtrArray              *keys;      /* what the entry at the same position matches (or NULL) */
  GPtrArray              *matches;   /* InflowAccountEntry */
  char                   *search;    /* as typed */
  char                   *folded;    /* as inflow_search_fold() gives it, or NULL */

  guint                   n_accounts;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InflowAccountSearch, inflow_account_search, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_SEARCH,
  PROP_N_ACCOUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return INFLOW_TYPE_ACCOUNT_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return INFLOW_ACCOUNT_SEARCH (model)->matches->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  InflowAccountSearch *self = INFLOW_ACCOUNT_SEARCH (model);

  if (position >= self->matches->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->matches, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static char *
entry_key (InflowAccountEntry *entry)
{
  g_autofree char *text = NULL;

  switch (inflow_account_entry_get_kind (entry))
    {
    case INFLOW_ACCOUNT_ENTRY_ORGANIZATION:
      text = g_strconcat (inflow_account_entry_get_organization_id (entry), " ",
                          inflow_account_entry_get_management_title (entry), NULL);
      break;
    case INFLOW_ACCOUNT_ENTRY_ACCOUNT:
      text = g_strconcat (inflow_account_entry_get_title (entry), " ",
                          inflow_account_entry_get_account_id (entry), NULL);
      break;
    case INFLOW_ACCOUNT_ENTRY_STANDALONE:
    default:
      /* "Accounts outside an organization" matches nothing by itself */
      return NULL;
    }

  return inflow_search_fold (text);
}

static void
apply (InflowAccountSearch *self)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(InflowAccountEntry) heading = NULL;
  GListModel *entries = self->directory != NULL ? inflow_account_directory_get_entries (self->directory) : NULL;
  guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;
  guint n_removed = self->matches->len;
  guint n_accounts = 0;
  gboolean heading_matches = FALSE;
  gboolean counted_anew;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowAccountEntry) entry = g_list_model_get_item (entries, i);
      const char *key = i < self->keys->len ? g_ptr_array_index (self->keys, i) : NULL;
      gboolean matches = self->folded == NULL || (key != NULL && strstr (key, self->folded) != NULL);

      if (inflow_account_entry_get_kind (entry) != INFLOW_ACCOUNT_ENTRY_ACCOUNT)
        {
          g_set_object (&heading, entry);
          heading_matches = matches;
          continue;
        }

      if (!matches && !heading_matches)
        continue;

      /* The heading goes in before its first match. */
      if (heading != NULL)
        g_ptr_array_add (out, g_steal_pointer (&heading));
      g_ptr_array_add (out, g_steal_pointer (&entry));
      n_accounts++;
    }

  counted_anew = n_accounts != self->n_accounts;

  /* The count first: a handler of items-changed reads it */
  g_ptr_array_unref (self->matches);
  self->matches = g_steal_pointer (&out);
  self->n_accounts = n_accounts;
  if (n_removed > 0 || self->matches->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, self->matches->len);
  if (counted_anew)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCOUNTS]);
}

static void
directory_changed_cb (InflowAccountSearch *self)
{
  GListModel *entries = self->directory != NULL ? inflow_account_directory_get_entries (self->directory) : NULL;
  guint n = entries != NULL ? g_list_model_get_n_items (entries) : 0;

  g_ptr_array_set_size (self->keys, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowAccountEntry) entry = g_list_model_get_item (entries, i);

      g_ptr_array_add (self->keys, entry_key (entry));
    }

  apply (self);
}

static void
inflow_account_search_dispose (GObject *object)
{
  InflowAccountSearch *self = INFLOW_ACCOUNT_SEARCH (object);

  g_clear_object (&self->directory_signals);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (inflow_account_search_parent_class)->dispose (object);
}

static void
inflow_account_search_finalize (GObject *object)
{
  InflowAccountSearch *self = INFLOW_ACCOUNT_SEARCH (object);

  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->matches);
  g_free (self->search);
  g_free (self->folded);

  G_OBJECT_CLASS (inflow_account_search_parent_class)->finalize (object);
}

static void
inflow_account_search_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  InflowAccountSearch *self = INFLOW_ACCOUNT_SEARCH (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_N_ACCOUNTS:
      g_value_set_uint (value, self->n_accounts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_account_search_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  InflowAccountSearch *self = INFLOW_ACCOUNT_SEARCH (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      inflow_account_search_set_directory (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      inflow_account_search_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_account_search_class_init (InflowAccountSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_account_search_dispose;
  object_class->finalize = inflow_account_search_finalize;
  object_class->get_property = inflow_account_search_get_property;
  object_class->set_property = inflow_account_search_set_property;

  properties[PROP_DIRECTORY] = g_param_spec_object ("directory", NULL, NULL, INFLOW_TYPE_ACCOUNT_DIRECTORY, flags);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  /**
   * InflowAccountSearch:n-accounts:
   *
   * The accounts among the matches, without the headings.
   */
  properties[PROP_N_ACCOUNTS] = g_param_spec_uint ("n-accounts", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_account_search_init (InflowAccountSearch *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->matches = g_ptr_array_new_with_free_func (g_object_unref);
  self->directory_signals = g_signal_group_new (INFLOW_TYPE_ACCOUNT_DIRECTORY);
  g_signal_group_connect_swapped (self->directory_signals, "changed", G_CALLBACK (directory_changed_cb), self);
}

InflowAccountSearch *
inflow_account_search_new (void)
{
  return g_object_new (INFLOW_TYPE_ACCOUNT_SEARCH, NULL);
}

/**
 * inflow_account_search_get_directory:
 *
 * Returns: (transfer none) (nullable): the directory searched
 */
InflowAccountDirectory *
inflow_account_search_get_directory (InflowAccountSearch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_SEARCH (self), NULL);

  return self->directory;
}

/* Searches @directory from now on, and follows its changes. */
void
inflow_account_search_set_directory (InflowAccountSearch    *self,
                                     InflowAccountDirectory *directory)
{
  g_return_if_fail (INFLOW_IS_ACCOUNT_SEARCH (self));
  g_return_if_fail (directory == NULL || INFLOW_IS_ACCOUNT_DIRECTORY (directory));

  if (!g_set_object (&self->directory, directory))
    return;

  g_signal_group_set_target (self->directory_signals, directory);
  directory_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTORY]);
}

const char *
inflow_account_search_get_search (InflowAccountSearch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_SEARCH (self), NULL);

  return self->search;
}

/**
 * inflow_account_search_set_search:
 * @self: a search
 * @search: (nullable): what to look for; %NULL or "" for everything
 */
void
inflow_account_search_set_search (InflowAccountSearch *self,
                                  const char          *search)
{
  g_return_if_fail (INFLOW_IS_ACCOUNT_SEARCH (self));

  if (g_strcmp0 (search, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);

  if (inflow_search_refold (&self->folded, search, NULL))
    apply (self);
}

guint
inflow_account_search_get_n_accounts (InflowAccountSearch *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_SEARCH (self), 0);

  return self->n_accounts;
}
