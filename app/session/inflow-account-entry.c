/* inflow-account-entry.c: one line of the account directory
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include "inflow-account-entry.h"

/* A heading (an organization, or the accounts outside one) or an account.
 * Immutable: the directory makes new entries when its data changes. */
struct _InflowAccountEntry
{
  GObject                 parent_instance;

  InflowAccountEntryKind  kind;

  /* Accounts */
  InflowCloudAccount     *account;
  InflowAccountCoverage   coverage;
  char                   *integration_token;

  /* Headings */
  char                   *organization_id;
  char                   *partition;
  char                   *management_account_id;
  char                   *management_title;
  gboolean                management_connected;
  guint                   n_accounts;
  guint                   n_members_without_role;
  guint                   n_members_connected;
};

G_DEFINE_FINAL_TYPE (InflowAccountEntry, inflow_account_entry, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowAccountEntryKind, inflow_account_entry_kind,
  G_DEFINE_ENUM_VALUE (INFLOW_ACCOUNT_ENTRY_ORGANIZATION, "organization"),
  G_DEFINE_ENUM_VALUE (INFLOW_ACCOUNT_ENTRY_STANDALONE, "standalone"),
  G_DEFINE_ENUM_VALUE (INFLOW_ACCOUNT_ENTRY_ACCOUNT, "account"))

G_DEFINE_ENUM_TYPE (InflowAccountCoverage, inflow_account_coverage,
  G_DEFINE_ENUM_VALUE (INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION, "own-integration"),
  G_DEFINE_ENUM_VALUE (INFLOW_ACCOUNT_COVERAGE_MANAGEMENT, "management"),
  G_DEFINE_ENUM_VALUE (INFLOW_ACCOUNT_COVERAGE_NONE, "none"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_ACCOUNT_ID,
  PROP_COVERAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_account_entry_finalize (GObject *object)
{
  InflowAccountEntry *self = INFLOW_ACCOUNT_ENTRY (object);

  g_clear_object (&self->account);
  g_clear_pointer (&self->integration_token, g_free);
  g_clear_pointer (&self->organization_id, g_free);
  g_clear_pointer (&self->partition, g_free);
  g_clear_pointer (&self->management_account_id, g_free);
  g_clear_pointer (&self->management_title, g_free);

  G_OBJECT_CLASS (inflow_account_entry_parent_class)->finalize (object);
}

static void
inflow_account_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowAccountEntry *self = INFLOW_ACCOUNT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, inflow_account_entry_get_title (self));
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, inflow_account_entry_get_account_id (self));
      break;

    case PROP_COVERAGE:
      g_value_set_enum (value, self->coverage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_account_entry_class_init (InflowAccountEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_account_entry_finalize;
  object_class->get_property = inflow_account_entry_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       INFLOW_TYPE_ACCOUNT_ENTRY_KIND, INFLOW_ACCOUNT_ENTRY_ACCOUNT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COVERAGE] =
    g_param_spec_enum ("coverage", NULL, NULL,
                       INFLOW_TYPE_ACCOUNT_COVERAGE, INFLOW_ACCOUNT_COVERAGE_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_account_entry_init (InflowAccountEntry *self)
{
  self->coverage = INFLOW_ACCOUNT_COVERAGE_NONE;
}

/**
 * inflow_account_entry_new_heading:
 * @kind: %INFLOW_ACCOUNT_ENTRY_ORGANIZATION or %INFLOW_ACCOUNT_ENTRY_STANDALONE
 * @organization_id: (nullable): "o-…"
 * @partition: (nullable): "aws" or "aws-us-gov"
 * @management_account_id: (nullable): the organization's management account
 * @management_title: (nullable): its name, if Vantage lists it
 * @management_connected: whether an integration connects it
 * @n_accounts: accounts under the heading
 * @n_members_without_role: member accounts without an integration of their own
 * @n_members_connected: member accounts with one
 *
 * Returns: (transfer full): a heading
 */
InflowAccountEntry *
inflow_account_entry_new_heading (InflowAccountEntryKind  kind,
                                  const char             *organization_id,
                                  const char             *partition,
                                  const char             *management_account_id,
                                  const char             *management_title,
                                  gboolean                management_connected,
                                  guint                   n_accounts,
                                  guint                   n_members_without_role,
                                  guint                   n_members_connected)
{
  InflowAccountEntry *self;

  g_return_val_if_fail (kind != INFLOW_ACCOUNT_ENTRY_ACCOUNT, NULL);

  self = g_object_new (INFLOW_TYPE_ACCOUNT_ENTRY, NULL);
  self->kind = kind;
  self->organization_id = g_strdup (organization_id);
  self->partition = g_strdup (partition);
  self->management_account_id = g_strdup (management_account_id);
  self->management_title = g_strdup (management_title);
  self->management_connected = management_connected;
  self->n_accounts = n_accounts;
  self->n_members_without_role = n_members_without_role;
  self->n_members_connected = n_members_connected;

  return self;
}

/**
 * inflow_account_entry_new_account:
 * @account: the account
 * @coverage: how its data reaches Vantage
 * @integration_token: (nullable): its own integration
 *
 * Returns: (transfer full): an account entry
 */
InflowAccountEntry *
inflow_account_entry_new_account (InflowCloudAccount    *account,
                                  InflowAccountCoverage  coverage,
                                  const char            *integration_token)
{
  InflowAccountEntry *self;

  g_return_val_if_fail (INFLOW_IS_CLOUD_ACCOUNT (account), NULL);

  self = g_object_new (INFLOW_TYPE_ACCOUNT_ENTRY, NULL);
  self->kind = INFLOW_ACCOUNT_ENTRY_ACCOUNT;
  self->account = g_object_ref (account);
  self->coverage = coverage;
  self->integration_token = g_strdup (integration_token);
  self->organization_id = g_strdup (inflow_cloud_account_get_organization_id (account));
  self->partition = g_strdup (inflow_cloud_account_get_partition (account));
  self->management_account_id = g_strdup (inflow_cloud_account_get_management_account_id (account));

  return self;
}

InflowAccountEntryKind
inflow_account_entry_get_kind (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), INFLOW_ACCOUNT_ENTRY_ACCOUNT);

  return self->kind;
}

/**
 * inflow_account_entry_get_account:
 *
 * Returns: (transfer none) (nullable): the account; %NULL for a heading
 */
InflowCloudAccount *
inflow_account_entry_get_account (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  return self->account;
}

/* The account's name; for a heading, the organization ID (or NULL). */
const char *
inflow_account_entry_get_title (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  if (self->account != NULL)
    return inflow_cloud_account_get_title (self->account);

  return self->organization_id;
}

const char *
inflow_account_entry_get_account_id (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  if (self->account != NULL)
    return inflow_cloud_account_get_account_id (self->account);

  return NULL;
}

const char *
inflow_account_entry_get_organization_id (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  return self->organization_id;
}

const char *
inflow_account_entry_get_partition (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  return self->partition;
}

gboolean
inflow_account_entry_is_govcloud (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), FALSE);

  return g_strcmp0 (self->partition, "aws-us-gov") == 0;
}

gboolean
inflow_account_entry_is_management (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), FALSE);

  return self->account != NULL && inflow_cloud_account_is_management (self->account);
}

const char *
inflow_account_entry_get_management_account_id (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  return self->management_account_id;
}

const char *
inflow_account_entry_get_management_title (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  return self->management_title;
}

gboolean
inflow_account_entry_get_management_connected (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), FALSE);

  return self->management_connected;
}

InflowAccountCoverage
inflow_account_entry_get_coverage (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), INFLOW_ACCOUNT_COVERAGE_NONE);

  return self->coverage;
}

const char *
inflow_account_entry_get_integration_token (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), NULL);

  return self->integration_token;
}

guint
inflow_account_entry_get_n_accounts (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), 0);

  return self->n_accounts;
}

guint
inflow_account_entry_get_n_members_without_role (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), 0);

  return self->n_members_without_role;
}

/**
 * inflow_account_entry_get_needs_management:
 *
 * The seed's management-first caution, for one organization: some of its
 * member accounts are connected, its management account is not, so only
 * those members' own costs arrive.
 *
 * Returns: whether an organization's heading needs the caution
 */
gboolean
inflow_account_entry_get_needs_management (InflowAccountEntry *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (self), FALSE);

  return self->kind == INFLOW_ACCOUNT_ENTRY_ORGANIZATION && !self->management_connected &&
         self->n_members_connected > 0;
}
