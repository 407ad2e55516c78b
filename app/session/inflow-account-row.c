/* inflow-account-row.c: what the Accounts list shows of one directory entry
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-account-row.h"

/**
 * InflowAccountRow:
 *
 * The words and badges of an organization's heading or of one account, as
 * the Accounts list shows them: the primary badge says what the account is
 * (management, GovCloud), the coverage badge how its data reaches Vantage.
 * Entries do not change (the directory makes new ones), so neither does a
 * row.
 */

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_IS_HEADING,
  PROP_IS_ACCOUNT,
  PROP_PRIMARY_TONE,
  PROP_COVERAGE_TONE,
  /* Strings, in the order of strings[] */
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DETAILS,
  PROP_ICON_NAME,
  PROP_STYLE_CLASS,
  PROP_PRIMARY_BADGE,
  PROP_PRIMARY_TOOLTIP,
  PROP_COVERAGE_BADGE,
  PROP_COVERAGE_TOOLTIP,
  N_PROPS
};

#define FIRST_STRING PROP_TITLE
#define N_STRINGS (N_PROPS - FIRST_STRING)
#define STRING(self, PROP) ((self)->strings[(PROP) - FIRST_STRING])

struct _InflowAccountRow
{
  GObject             parent_instance;

  /* Owned references */
  InflowAccountEntry *entry;
  char               *strings[N_STRINGS];

  InflowStatusTone    primary_tone;
  InflowStatusTone    coverage_tone;
};

G_DEFINE_FINAL_TYPE (InflowAccountRow, inflow_account_row, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_badge (InflowAccountRow *self,
           guint             label_prop,
           InflowStatusTone *tone_field,
           const char       *label,
           InflowStatusTone  tone,
           const char       *tooltip)
{
  STRING (self, label_prop) = g_strdup (label);
  STRING (self, label_prop + 1) = g_strdup (tooltip);
  *tone_field = tone;
}

static void
fill_organization (InflowAccountRow *self)
{
  InflowAccountEntry *entry = self->entry;
  const char *management_id = inflow_account_entry_get_management_account_id (entry);
  const char *management_title = inflow_account_entry_get_management_title (entry);
  guint n = inflow_account_entry_get_n_accounts (entry);
  g_autofree char *management = NULL;

  STRING (self, PROP_ICON_NAME) = g_strdup ("network-workgroup-symbolic");
  /* Translators: %s is an AWS organization ID, like "o-a1b2c3d4e5" */
  STRING (self, PROP_TITLE) = g_strdup_printf (inflow_account_entry_is_govcloud (entry) ? _("GovCloud Organization %s")
                                                                                         : _("Organization %s"),
                                               inflow_account_entry_get_organization_id (entry));
  if (management_title != NULL)
    management = g_strdup_printf ("%s (%s)", management_title, management_id);
  else
    management = g_strdup (management_id);

  if (inflow_account_entry_get_management_connected (entry))
    {
      /* Translators: %s is an account; the number counts accounts */
      STRING (self, PROP_SUBTITLE) = g_strdup_printf (ngettext ("Management account %s is connected: the costs of its %u account arrive",
                                                                "Management account %s is connected: the costs of all %u accounts arrive",
                                                                n),
                                                      management, n);
      set_badge (self, PROP_COVERAGE_BADGE, &self->coverage_tone, _("Management connected"),
                 INFLOW_STATUS_TONE_SUCCESS, NULL);
    }
  else
    {
      /* Translators: %s is an account; the number counts accounts */
      STRING (self, PROP_SUBTITLE) = g_strdup_printf (ngettext ("Management account %s is not connected · %u account",
                                                                "Management account %s is not connected · %u accounts",
                                                                n),
                                                      management, n);
      set_badge (self, PROP_COVERAGE_BADGE, &self->coverage_tone, _("Management not connected"),
                 INFLOW_STATUS_TONE_WARNING, _("Only the connected member accounts’ own costs arrive"));
    }

  if (inflow_account_entry_is_govcloud (entry))
    set_badge (self, PROP_PRIMARY_BADGE, &self->primary_tone, _("GovCloud"), INFLOW_STATUS_TONE_NEUTRAL,
               _("Costs only · Active Resources not synced"));
}

static void
fill_account (InflowAccountRow *self)
{
  InflowAccountEntry *entry = self->entry;
  const char *account_id = inflow_account_entry_get_account_id (entry);
  gboolean govcloud = inflow_account_entry_is_govcloud (entry);

  STRING (self, PROP_TITLE) = g_strdup (inflow_account_entry_get_title (entry));

  switch (inflow_account_entry_get_coverage (entry))
    {
    case INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION:
    case INFLOW_ACCOUNT_COVERAGE_MANAGEMENT:
      if (govcloud)
        {
          /* Translators: %s is an AWS account ID */
          STRING (self, PROP_SUBTITLE) = g_strdup_printf (_("%s · costs only · Active Resources not synced"), account_id);
          set_badge (self, PROP_COVERAGE_BADGE, &self->coverage_tone, _("Costs only"), INFLOW_STATUS_TONE_NEUTRAL,
                     _("Vantage does not sync Active Resources from GovCloud"));
        }
      else if (inflow_account_entry_get_coverage (entry) == INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION)
        {
          /* Translators: %s is an AWS account ID */
          STRING (self, PROP_SUBTITLE) = g_strdup_printf (_("%s · costs and Active Resources"), account_id);
          set_badge (self, PROP_COVERAGE_BADGE, &self->coverage_tone, _("Own integration"), INFLOW_STATUS_TONE_SUCCESS,
                     _("A role in this account lets Vantage sync its Active Resources"));
        }
      else
        {
          /* Translators: %s is an AWS account ID */
          STRING (self, PROP_SUBTITLE) = g_strdup_printf (_("%s · costs only, through the management account"), account_id);
          set_badge (self, PROP_COVERAGE_BADGE, &self->coverage_tone, _("Costs only"), INFLOW_STATUS_TONE_NEUTRAL,
                     _("Without a role of its own, its Active Resources do not sync"));
        }
      break;

    case INFLOW_ACCOUNT_COVERAGE_NONE:
    default:
      /* Translators: %s is an AWS account ID */
      STRING (self, PROP_SUBTITLE) = g_strdup_printf (_("%s · no integration brings its data"), account_id);
      set_badge (self, PROP_COVERAGE_BADGE, &self->coverage_tone, _("Not connected"), INFLOW_STATUS_TONE_WARNING, NULL);
      break;
    }

  if (inflow_account_entry_is_management (entry))
    set_badge (self, PROP_PRIMARY_BADGE, &self->primary_tone, _("Management"), INFLOW_STATUS_TONE_ACCENT,
               _("The organization’s management (payer) account"));
  else if (govcloud)
    set_badge (self, PROP_PRIMARY_BADGE, &self->primary_tone, _("GovCloud"), INFLOW_STATUS_TONE_NEUTRAL,
               _("Costs only · Active Resources not synced"));
}

static void
fill (InflowAccountRow *self)
{
  g_autoptr(GString) details = g_string_new (NULL);

  switch (inflow_account_entry_get_kind (self->entry))
    {
    case INFLOW_ACCOUNT_ENTRY_ORGANIZATION:
      fill_organization (self);
      break;

    case INFLOW_ACCOUNT_ENTRY_STANDALONE:
      {
        guint n = inflow_account_entry_get_n_accounts (self->entry);

        STRING (self, PROP_ICON_NAME) = g_strdup ("view-list-symbolic");
        STRING (self, PROP_TITLE) = g_strdup (_("Accounts Outside an Organization"));
        STRING (self, PROP_SUBTITLE) = g_strdup_printf (ngettext ("%u account Vantage knows without an AWS Organizations ARN",
                                                                  "%u accounts Vantage knows without an AWS Organizations ARN",
                                                                  n),
                                                        n);
      }
      break;

    case INFLOW_ACCOUNT_ENTRY_ACCOUNT:
    default:
      fill_account (self);
      break;
    }

  STRING (self, PROP_STYLE_CLASS) = g_strdup (inflow_account_entry_get_kind (self->entry) == INFLOW_ACCOUNT_ENTRY_ACCOUNT
                                              ? "inflow-account-line" : "inflow-org-heading");

  /* Everything the row says, for its tooltip and screen readers */
  g_string_append_printf (details, "%s\n%s", STRING (self, PROP_TITLE), STRING (self, PROP_SUBTITLE));
  for (guint prop = PROP_PRIMARY_BADGE; prop <= PROP_COVERAGE_BADGE; prop += 2)
    {
      if (STRING (self, prop) != NULL)
        g_string_append_printf (details, "\n%s", STRING (self, prop + 1) != NULL ? STRING (self, prop + 1) : STRING (self, prop));
    }
  STRING (self, PROP_DETAILS) = g_string_free (g_steal_pointer (&details), FALSE);
}

static void
inflow_account_row_finalize (GObject *object)
{
  InflowAccountRow *self = INFLOW_ACCOUNT_ROW (object);

  g_clear_object (&self->entry);
  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (inflow_account_row_parent_class)->finalize (object);
}

static void
inflow_account_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowAccountRow *self = INFLOW_ACCOUNT_ROW (object);
  gboolean heading = inflow_account_entry_get_kind (self->entry) != INFLOW_ACCOUNT_ENTRY_ACCOUNT;

  if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    {
      g_value_set_string (value, STRING (self, prop_id));
      return;
    }

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    case PROP_IS_HEADING:
      g_value_set_boolean (value, heading);
      break;
    case PROP_IS_ACCOUNT:
      g_value_set_boolean (value, !heading);
      break;
    case PROP_PRIMARY_TONE:
      g_value_set_enum (value, self->primary_tone);
      break;
    case PROP_COVERAGE_TONE:
      g_value_set_enum (value, self->coverage_tone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_account_row_class_init (InflowAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const string_names[N_STRINGS] = {
    "title", "subtitle", "details", "icon-name", "style-class",
    "primary-badge", "primary-tooltip", "coverage-badge", "coverage-tooltip",
  };

  object_class->finalize = inflow_account_row_finalize;
  object_class->get_property = inflow_account_row_get_property;

  properties[PROP_ENTRY] = g_param_spec_object ("entry", NULL, NULL, INFLOW_TYPE_ACCOUNT_ENTRY, flags);
  properties[PROP_IS_HEADING] = g_param_spec_boolean ("is-heading", NULL, NULL, FALSE, flags);
  properties[PROP_IS_ACCOUNT] = g_param_spec_boolean ("is-account", NULL, NULL, FALSE, flags);
  properties[PROP_PRIMARY_TONE] = g_param_spec_enum ("primary-tone", NULL, NULL, INFLOW_TYPE_STATUS_TONE,
                                                     INFLOW_STATUS_TONE_NEUTRAL, flags);
  properties[PROP_COVERAGE_TONE] = g_param_spec_enum ("coverage-tone", NULL, NULL, INFLOW_TYPE_STATUS_TONE,
                                                      INFLOW_STATUS_TONE_NEUTRAL, flags);
  for (guint i = 0; i < N_STRINGS; i++)
    properties[FIRST_STRING + i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_account_row_init (InflowAccountRow *self)
{
}

InflowAccountRow *
inflow_account_row_new (InflowAccountEntry *entry)
{
  InflowAccountRow *self;

  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ENTRY (entry), NULL);

  self = g_object_new (INFLOW_TYPE_ACCOUNT_ROW, NULL);
  self->entry = g_object_ref (entry);
  fill (self);

  return self;
}

/**
 * inflow_account_row_get_entry:
 *
 * Returns: (transfer none): the entry
 */
InflowAccountEntry *
inflow_account_row_get_entry (InflowAccountRow *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNT_ROW (self), NULL);

  return self->entry;
}

#define STRING_GETTER(name, PROP) \
  const char * \
  inflow_account_row_get_##name (InflowAccountRow *self) \
  { \
    g_return_val_if_fail (INFLOW_IS_ACCOUNT_ROW (self), NULL); \
    return STRING (self, PROP); \
  }

STRING_GETTER (title, PROP_TITLE)
STRING_GETTER (subtitle, PROP_SUBTITLE)
STRING_GETTER (details, PROP_DETAILS)
STRING_GETTER (primary_badge, PROP_PRIMARY_BADGE)
STRING_GETTER (coverage_badge, PROP_COVERAGE_BADGE)
