/* inflow-account-directory.c: AWS accounts by organization, and their coverage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <string.h>

#include "inflow-account-directory.h"

/* What Vantage knows of the AWS accounts (GET /cost_provider_accounts, one
 * list per workspace, merged) joined with the profile's integrations.
 * Neither object of the v2 API refers to the other (a cost provider account
 * has no integration token, an integration no provider_uuid), so:
 *
 * - an account's organization, management account and partition come from
 *   its provider_uuid, an AWS Organizations account ARN;
 * - an account "has its own integration" when an AWS integration's
 *   account_identifier is its ID: then a role exists in it and Active
 *   Resources can sync;
 * - a member is "seen through the management account" when its
 *   organization's management account has an integration: costs only;
 * - a management account "is connected" when an AWS integration's
 *   account_identifier is the management ID of some organization, whether
 *   or not that account itself appears in the list. */

typedef struct
{
  char      *organization_id;
  char      *partition;
  char      *management_id;
  GPtrArray *accounts;           /* InflowCloudAccount, borrowed from accounts */
  gboolean   management_connected;
  guint      n_without_role;
  guint      n_connected;        /* member accounts with their own integration */
} Organization;

struct _InflowAccountDirectory
{
  GObject     parent_instance;

  GListStore *entries;

  /* Owned references */
  GHashTable *accounts;          /* account ID → InflowCloudAccount (all providers) */
  GHashTable *aws_integrations;  /* account ID → integration token */
  GHashTable *management_ids;    /* management account IDs of every organization */
  GHashTable *coverage;          /* account ID → InflowAccountCoverage + 1 */
  GPtrArray  *needing_management; /* IDs of the organizations with only members connected */

  guint       n_accounts;
  guint       n_organizations;
  guint       n_aws_integrations;
  guint       n_members_without_role;
  guint       n_by_coverage[3];
  gboolean    management_connected;
};

G_DEFINE_FINAL_TYPE (InflowAccountDirectory, inflow_account_directory, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
organization_free (Organization *org)
{
  g_free (org->organization_id);
  g_free (org->partition);
  g_free (org->management_id);
  g_ptr_array_unref (org->accounts);
  g_free (org);
}

static void
inflow_account_directory_dispose (GObject *object)
{
  InflowAccountDirectory *self = INFLOW_ACCOUNT_DIRECTORY (object);

  g_clear_object (&self->entries);
  g_clear_pointer (&self->accounts, g_hash_table_unref);
  g_clear_pointer (&self->aws_integrations, g_hash_table_unref);
  g_clear_pointer (&self->management_ids, g_hash_table_unref);
  g_clear_pointer (&self->coverage, g_hash_table_unref);
  g_clear_pointer (&self->needing_management, g_ptr_array_unref);

  G_OBJECT_CLASS (inflow_account_directory_parent_class)->dispose (object);
}

static void
inflow_account_directory_class_init (InflowAccountDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_account_directory_dispose;

  /**
   * InflowAccountDirectory::changed:
   *
   * Emitted after update() rebuilt the directory: its counts, titles and
   * coverage may all have changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
inflow_account_directory_init (InflowAccountDirectory *self)
{
  self->entries = g_list_store_new (INFLOW_TYPE_ACCOUNT_ENTRY);
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->aws_integrations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->management_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->coverage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->needing_management = g_ptr_array_new_with_free_func (g_free);
}

InflowAccountDirectory *
inflow_account_directory_new (void)
{
  return g_object_new (INFLOW_TYPE_ACCOUNT_DIRECTORY, NULL);
}

static gboolean
is_aws (const char *provider)
{
  return provider != NULL && g_ascii_strcasecmp (provider, "aws") == 0;
}

/* Management account first, then by name, then by ID. */
static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  InflowCloudAccount *account_a = *(InflowCloudAccount **) a;
  InflowCloudAccount *account_b = *(InflowCloudAccount **) b;
  gboolean management_a = inflow_cloud_account_is_management (account_a);
  gboolean management_b = inflow_cloud_account_is_management (account_b);
  int cmp;

  if (management_a != management_b)
    return management_a ? -1 : 1;

  cmp = g_ascii_strcasecmp (inflow_cloud_account_get_title (account_a),
                            inflow_cloud_account_get_title (account_b));
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (inflow_cloud_account_get_account_id (account_a),
                    inflow_cloud_account_get_account_id (account_b));
}

/* Commercial partition first, then by size, then by organization ID. */
static int
compare_organizations (gconstpointer a,
                       gconstpointer b)
{
  const Organization *org_a = *(Organization **) a;
  const Organization *org_b = *(Organization **) b;
  int cmp = g_strcmp0 (org_a->partition, org_b->partition);

  if (cmp != 0)
    return cmp;

  /* The biggest organization (usually the one that matters) first */
  if (org_a->accounts->len != org_b->accounts->len)
    return org_a->accounts->len > org_b->accounts->len ? -1 : 1;

  return g_strcmp0 (org_a->organization_id, org_b->organization_id);
}

static InflowAccountCoverage
coverage_of (InflowAccountDirectory *self,
             InflowCloudAccount     *account,
             gboolean                management_connected)
{
  if (g_hash_table_contains (self->aws_integrations, inflow_cloud_account_get_account_id (account)))
    return INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION;

  if (management_connected)
    return INFLOW_ACCOUNT_COVERAGE_MANAGEMENT;

  return INFLOW_ACCOUNT_COVERAGE_NONE;
}

static void
append_group (InflowAccountDirectory *self,
              GPtrArray              *out,
              Organization           *org)
{
  InflowCloudAccount *management = NULL;
  guint heading_index = out->len;

  g_ptr_array_sort (org->accounts, compare_accounts);

  if (org->management_id != NULL)
    management = g_hash_table_lookup (self->accounts, org->management_id);

  /* The heading goes first; it is filled in once the members are counted. */
  g_ptr_array_add (out, NULL);

  for (guint i = 0; i < org->accounts->len; i++)
    {
      InflowCloudAccount *account = g_ptr_array_index (org->accounts, i);
      const char *account_id = inflow_cloud_account_get_account_id (account);
      InflowAccountCoverage coverage = coverage_of (self, account, org->management_connected);

      if (!inflow_cloud_account_is_management (account))
        {
          if (coverage == INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION)
            org->n_connected++;
          else
            org->n_without_role++;
        }

      g_hash_table_insert (self->coverage, g_strdup (account_id), GUINT_TO_POINTER (coverage + 1));
      self->n_by_coverage[coverage]++;
      g_ptr_array_add (out, inflow_account_entry_new_account (account, coverage,
                                                              g_hash_table_lookup (self->aws_integrations, account_id)));
    }

  out->pdata[heading_index] =
    inflow_account_entry_new_heading (org->organization_id != NULL ? INFLOW_ACCOUNT_ENTRY_ORGANIZATION
                                                                   : INFLOW_ACCOUNT_ENTRY_STANDALONE,
                                      org->organization_id,
                                      org->partition,
                                      org->management_id,
                                      management != NULL ? inflow_cloud_account_get_title (management) : NULL,
                                      org->management_connected,
                                      org->accounts->len,
                                      org->n_without_role,
                                      org->n_connected);
  if (inflow_account_entry_get_needs_management (out->pdata[heading_index]))
    g_ptr_array_add (self->needing_management, g_strdup (org->organization_id));

  /* Members without a role of their own only lack Active Resources when
   * the management account brings their costs: that is the StackSet case. */
  if (org->organization_id != NULL && org->management_connected)
    self->n_members_without_role += org->n_without_role;
}

/**
 * inflow_account_directory_update:
 * @self: a directory
 * @cloud_accounts: (nullable): #InflowCloudAccount items, duplicates allowed
 * @integrations: (nullable): #InflowIntegration items
 *
 * Rebuilds the directory and replaces the entries in one splice, then
 * emits #InflowAccountDirectory::changed.
 */
void
inflow_account_directory_update (InflowAccountDirectory *self,
                                 GListModel             *cloud_accounts,
                                 GListModel             *integrations)
{
  g_autoptr(GHashTable) organizations = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) out = NULL;
  Organization *standalone;
  GHashTableIter iter;
  gpointer value;
  guint n;

  g_return_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self));
  g_return_if_fail (cloud_accounts == NULL || G_IS_LIST_MODEL (cloud_accounts));
  g_return_if_fail (integrations == NULL || G_IS_LIST_MODEL (integrations));

  g_hash_table_remove_all (self->accounts);
  g_hash_table_remove_all (self->aws_integrations);
  g_hash_table_remove_all (self->management_ids);
  g_hash_table_remove_all (self->coverage);
  g_ptr_array_set_size (self->needing_management, 0);
  self->n_accounts = 0;
  self->n_organizations = 0;
  self->n_aws_integrations = 0;
  self->n_members_without_role = 0;
  self->management_connected = FALSE;
  memset (self->n_by_coverage, 0, sizeof self->n_by_coverage);

  n = integrations != NULL ? g_list_model_get_n_items (integrations) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
      const char *account_id = inflow_integration_get_account_identifier (integration);

      if (!inflow_integration_is_provider (integration, "aws") || account_id == NULL)
        continue;

      self->n_aws_integrations++;
      if (!g_hash_table_contains (self->aws_integrations, account_id))
        g_hash_table_insert (self->aws_integrations, g_strdup (account_id),
                             g_strdup (inflow_integration_get_token (integration)));
    }

  organizations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) organization_free);
  standalone = g_new0 (Organization, 1);
  standalone->accounts = g_ptr_array_new ();

  n = cloud_accounts != NULL ? g_list_model_get_n_items (cloud_accounts) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowCloudAccount) account = g_list_model_get_item (cloud_accounts, i);
      const char *account_id = inflow_cloud_account_get_account_id (account);
      const char *organization_id = inflow_cloud_account_get_organization_id (account);
      Organization *org;

      /* The same account shows in every workspace that sees its costs. */
      if (g_hash_table_contains (self->accounts, account_id))
        continue;
      g_hash_table_insert (self->accounts, g_strdup (account_id), g_object_ref (account));

      if (!is_aws (inflow_cloud_account_get_provider (account)))
        continue;

      self->n_accounts++;

      if (organization_id == NULL)
        {
          g_ptr_array_add (standalone->accounts, account);
          continue;
        }

      org = g_hash_table_lookup (organizations, organization_id);
      if (org == NULL)
        {
          org = g_new0 (Organization, 1);
          org->organization_id = g_strdup (organization_id);
          org->partition = g_strdup (inflow_cloud_account_get_partition (account));
          org->management_id = g_strdup (inflow_cloud_account_get_management_account_id (account));
          org->accounts = g_ptr_array_new ();
          org->management_connected = g_hash_table_contains (self->aws_integrations, org->management_id);
          self->management_connected |= org->management_connected;
          g_hash_table_add (self->management_ids, g_strdup (org->management_id));
          g_hash_table_insert (organizations, org->organization_id, org);
        }
      g_ptr_array_add (org->accounts, account);
    }

  self->n_organizations = g_hash_table_size (organizations);

  groups = g_ptr_array_sized_new (self->n_organizations);
  g_hash_table_iter_init (&iter, organizations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (groups, value);
  g_ptr_array_sort (groups, compare_organizations);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < groups->len; i++)
    append_group (self, out, g_ptr_array_index (groups, i));
  if (standalone->accounts->len > 0)
    append_group (self, out, standalone);
  organization_free (standalone);

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       out->pdata, out->len);

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * inflow_account_directory_get_entries:
 *
 * Returns: (transfer none): a #GListModel of #InflowAccountEntry
 */
GListModel *
inflow_account_directory_get_entries (InflowAccountDirectory *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/**
 * inflow_account_directory_lookup:
 * @account_id: (nullable): a provider account ID
 *
 * Returns: (transfer none) (nullable): the account of any provider
 */
InflowCloudAccount *
inflow_account_directory_lookup (InflowAccountDirectory *self,
                                 const char             *account_id)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), NULL);

  if (account_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->accounts, account_id);
}

/* The account's name as Vantage lists it, or NULL. */
const char *
inflow_account_directory_get_title (InflowAccountDirectory *self,
                                    const char             *account_id)
{
  InflowCloudAccount *account = inflow_account_directory_lookup (self, account_id);

  return account != NULL ? inflow_cloud_account_get_title (account) : NULL;
}

/* Whether the account is known to live in the aws-us-gov partition. */
gboolean
inflow_account_directory_is_govcloud (InflowAccountDirectory *self,
                                      const char             *account_id)
{
  InflowCloudAccount *account = inflow_account_directory_lookup (self, account_id);

  return account != NULL && g_strcmp0 (inflow_cloud_account_get_partition (account), "aws-us-gov") == 0;
}

/* Whether the account is the management account of an organization Vantage lists. */
gboolean
inflow_account_directory_is_management (InflowAccountDirectory *self,
                                        const char             *account_id)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), FALSE);

  return account_id != NULL && g_hash_table_contains (self->management_ids, account_id);
}

/* The coverage of an AWS account; NONE for an account Vantage does not list. */
InflowAccountCoverage
inflow_account_directory_get_coverage (InflowAccountDirectory *self,
                                       const char             *account_id)
{
  gpointer value;

  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), INFLOW_ACCOUNT_COVERAGE_NONE);

  if (account_id == NULL)
    return INFLOW_ACCOUNT_COVERAGE_NONE;

  value = g_hash_table_lookup (self->coverage, account_id);
  if (value == NULL)
    return INFLOW_ACCOUNT_COVERAGE_NONE;

  return GPOINTER_TO_UINT (value) - 1;
}

/* AWS accounts, each counted once. */
guint
inflow_account_directory_get_n_accounts (InflowAccountDirectory *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), 0);

  return self->n_accounts;
}

guint
inflow_account_directory_get_n_organizations (InflowAccountDirectory *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), 0);

  return self->n_organizations;
}

guint
inflow_account_directory_get_n_aws_integrations (InflowAccountDirectory *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), 0);

  return self->n_aws_integrations;
}

/* Whether an AWS integration connects some organization's management account. */
gboolean
inflow_account_directory_get_management_connected (InflowAccountDirectory *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), FALSE);

  return self->management_connected;
}

/**
 * inflow_account_directory_get_needs_management:
 *
 * The seed's management-first caution: AWS is connected (or Vantage lists
 * AWS accounts) but no integration connects a management account, or some
 * organization has member accounts connected and not its management
 * account; either way only the connected members' own costs arrive.
 *
 * Returns: whether to show the caution
 */
gboolean
inflow_account_directory_get_needs_management (InflowAccountDirectory *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), FALSE);

  return ((self->n_aws_integrations > 0 || self->n_accounts > 0) && !self->management_connected) ||
         self->needing_management->len > 0;
}

/**
 * inflow_account_directory_get_organizations_needing_management:
 *
 * Returns: (transfer none): the IDs ("o-…") of the organizations that have
 *   member accounts connected and not their management account, in the
 *   order of the entries
 */
const char * const *
inflow_account_directory_get_organizations_needing_management (InflowAccountDirectory *self,
                                                               guint                  *n_organizations)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), NULL);

  if (n_organizations != NULL)
    *n_organizations = self->needing_management->len;

  return (const char * const *) self->needing_management->pdata;
}

/* Member accounts of organizations with a connected management account that
 * have no role of their own (costs only): what a StackSet would cover. */
guint
inflow_account_directory_get_n_members_without_role (InflowAccountDirectory *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), 0);

  return self->n_members_without_role;
}

guint
inflow_account_directory_count_coverage (InflowAccountDirectory *self,
                                         InflowAccountCoverage   coverage)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_DIRECTORY (self), 0);
  g_return_val_if_fail (coverage <= INFLOW_ACCOUNT_COVERAGE_NONE, 0);

  return self->n_by_coverage[coverage];
}
