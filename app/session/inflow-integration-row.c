/* inflow-integration-row.c: what a view shows of one integration, for rows and pages to bind
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-console-links.h"
#include "inflow-ingestion-format.h"
#include "inflow-integration-row.h"

/**
 * InflowIntegrationRow:
 *
 * The words, tones and badges of one integration as the Integrations list
 * and the integration page show them: the account's name (or its ID) first,
 * the full text for tooltips and screen readers, the console's status word,
 * and the ingestion verdict the session's monitor holds for it. The row
 * follows the account directory (names, partitions, management accounts)
 * and the monitor's item, and notifies the properties that change.
 *
 * Compact, it is laid out for a narrow list: no badges beside the name
 * (their words stay in the details), and the verdict beside the status.
 */

enum {
  PROP_0,
  PROP_INTEGRATION,
  PROP_COMPACT,
  PROP_STATUS_TONE,
  PROP_VERDICT_TONE,
  PROP_WORKSPACES_TONE,
  PROP_IS_AWS,
  PROP_IS_GOVCLOUD,
  PROP_IS_MANAGEMENT,
  PROP_CREATED_WHEN,
  /* Strings, in the order of strings[] */
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DETAILS,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_PROVIDER_NAME,
  PROP_MANAGEMENT_BADGE,
  PROP_GOVCLOUD_BADGE,
  PROP_STATUS_LABEL,
  PROP_STATUS_SUMMARY,
  PROP_STATUS_MEANING,
  PROP_STATUS_ADVICE,
  PROP_STATUS_ICON_NAME,
  PROP_VERDICT_LABEL,
  PROP_STATUS_VERDICT_LABEL,
  PROP_WORKSPACES_TEXT,
  PROP_WORKSPACES_TOOLTIP,
  PROP_CREATED_TEXT,
  PROP_UPDATED_TEXT,
  PROP_TOKEN,
  PROP_CONSOLE_URL,
  N_PROPS
};

#define FIRST_STRING PROP_TITLE
#define N_STRINGS (N_PROPS - FIRST_STRING)

struct _InflowIntegrationRow
{
  GObject                 parent_instance;

  /* Owned references */
  InflowIntegration      *integration;
  InflowAccountDirectory *directory;
  InflowIngestionMonitor *monitor;
  GSignalGroup           *item_signals;   /* of the monitor's item for the integration */
  char                   *strings[N_STRINGS];

  InflowStatusTone        status_tone;
  InflowStatusTone        verdict_tone;
  InflowStatusTone        workspaces_tone;
  gboolean                is_aws;
  gboolean                is_govcloud;
  gboolean                is_management;
  gboolean                compact;
};

G_DEFINE_FINAL_TYPE (InflowIntegrationRow, inflow_integration_row, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
set_string (InflowIntegrationRow *self,
            guint                 prop_id,
            const char           *value)
{
  char **slot = &self->strings[prop_id - FIRST_STRING];

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
take_string (InflowIntegrationRow *self,
             guint                 prop_id,
             char                 *value)
{
  set_string (self, prop_id, value);
  g_free (value);
}

static void
set_boolean (InflowIntegrationRow *self,
             gboolean             *field,
             guint                 prop_id,
             gboolean              value)
{
  if (*field == !!value)
    return;

  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_tone (InflowIntegrationRow *self,
          InflowStatusTone     *field,
          guint                 prop_id,
          InflowStatusTone      value)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The account's name as Vantage lists it, unless it is only its ID again. */
static const char *
account_name (InflowIntegration      *integration,
              InflowAccountDirectory *directory)
{
  const char *account_id = inflow_integration_get_account_identifier (integration);
  const char *name = directory != NULL ? inflow_account_directory_get_title (directory, account_id) : NULL;

  if (name == NULL || *name == '\0' || g_strcmp0 (name, account_id) == 0)
    return NULL;

  return name;
}

/**
 * inflow_integration_dup_title:
 * @integration: an integration
 * @directory: (nullable): the account directory, for names
 *
 * Returns: (transfer full): what names the integration: its account's name,
 *   else the account ID, else the provider; never the token
 */
char *
inflow_integration_dup_title (InflowIntegration      *integration,
                              InflowAccountDirectory *directory)
{
  const char *name;

  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), NULL);

  name = account_name (integration, directory);
  if (name != NULL)
    return g_strdup (name);
  if (inflow_integration_get_account_identifier (integration) != NULL)
    return g_strdup (inflow_integration_get_account_identifier (integration));

  return g_strdup (inflow_provider_get_display_name (inflow_integration_get_provider (integration)));
}

/* Names, partitions and the management flag: what the directory knows */
static void
update_account (InflowIntegrationRow *self)
{
  const char *account_id = inflow_integration_get_account_identifier (self->integration);
  const char *provider = self->strings[PROP_PROVIDER_NAME - FIRST_STRING];  /* from update_integration() */
  const char *name = account_name (self->integration, self->directory);
  gboolean govcloud = FALSE;
  gboolean management = FALSE;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);

  if (self->is_aws && self->directory != NULL)
    {
      govcloud = inflow_account_directory_is_govcloud (self->directory, account_id);
      management = inflow_account_directory_is_management (self->directory, account_id);
    }

  /* The ID first: it is what a narrow cell keeps */
  if (name != NULL && account_id != NULL)
    /* Translators: an account ID and its provider, like "123456789012 · AWS" */
    g_string_printf (subtitle, _("%s · %s"), account_id, provider);
  else if (account_id != NULL)
    g_string_assign (subtitle, provider);
  else
    /* Translators: under the provider's name, for an integration without an account ID */
    g_string_assign (subtitle, _("No account ID"));
  if (govcloud)
    /* Translators: after "123456789012 · AWS" */
    g_string_append (subtitle, _(" · costs only · Active Resources not synced"));

  take_string (self, PROP_TITLE, inflow_integration_dup_title (self->integration, self->directory));
  g_string_append (details, self->strings[PROP_TITLE - FIRST_STRING]);
  g_string_append (details, "\n");
  g_string_append (details, subtitle->str);
  if (management)
    g_string_append_printf (details, "\n%s", _("The organization’s management account"));
  if (govcloud)
    g_string_append_printf (details, "\n%s", _("GovCloud: Vantage ingests its costs but does not sync its Active Resources"));
  g_string_append_c (details, '\n');
  /* Translators: %s is a token, like "accss_crdntl_742fd1207f8b6816" */
  g_string_append_printf (details, _("Integration token %s"), inflow_integration_get_token (self->integration));

  set_string (self, PROP_SUBTITLE, subtitle->str);
  set_string (self, PROP_DETAILS, details->str);
  set_string (self, PROP_ACCOUNT_NAME, name);
  set_boolean (self, &self->is_govcloud, PROP_IS_GOVCLOUD, govcloud);
  set_boolean (self, &self->is_management, PROP_IS_MANAGEMENT, management);
  set_string (self, PROP_MANAGEMENT_BADGE, management && !self->compact ? _("Management") : NULL);
  set_string (self, PROP_GOVCLOUD_BADGE, govcloud && !self->compact ? _("GovCloud") : NULL);
}

/* The verdict of the monitor's item, when it tracks the integration */
static void
update_verdict (InflowIntegrationRow *self)
{
  InflowIngestionItem *item = g_signal_group_dup_target (self->item_signals);
  const char *label = NULL;
  InflowStatusTone tone = INFLOW_STATUS_TONE_NEUTRAL;

  if (item != NULL && inflow_ingestion_item_get_tracked (item))
    {
      InflowIngestionPhase phase = inflow_ingestion_item_get_phase (item);

      label = inflow_ingestion_phase_get_label (phase);
      tone = inflow_status_tone_from_severity (inflow_ingestion_phase_get_severity (phase));
    }
  g_clear_object (&item);

  set_string (self, PROP_VERDICT_LABEL, label);
  set_tone (self, &self->verdict_tone, PROP_VERDICT_TONE, tone);
  /* Narrow, the verdict joins the status, unless it says the same */
  set_string (self, PROP_STATUS_VERDICT_LABEL,
              self->compact && g_strcmp0 (label, self->strings[PROP_STATUS_LABEL - FIRST_STRING]) != 0 ? label : NULL);
}

static void
lookup_item (InflowIntegrationRow *self)
{
  InflowIngestionItem *item = NULL;

  if (self->monitor != NULL)
    item = inflow_ingestion_monitor_lookup (self->monitor, inflow_integration_get_token (self->integration));

  g_signal_group_set_target (self->item_signals, item);
  update_verdict (self);
}

/* The one clock: the server's, as the monitor knows it (the demo's
 * virtual clock), in the user's time zone */
static GDateTime *
dup_now (InflowIntegrationRow *self)
{
  g_autoptr(GDateTime) server_now = NULL;

  if (self->monitor == NULL)
    return g_date_time_new_now (inflow_ingestion_local_time_zone ());

  server_now = inflow_ingestion_monitor_dup_now (self->monitor);
  return g_date_time_to_timezone (server_now, inflow_ingestion_local_time_zone ());
}

static void
update_integration (InflowIntegrationRow *self)
{
  InflowStatusWord word = inflow_status_word_from_status (inflow_integration_get_status (self->integration));
  const char * const *workspaces = inflow_integration_get_workspace_tokens (self->integration);
  guint n_workspaces = workspaces != NULL ? g_strv_length ((char **) workspaces) : 0;
  GDateTime *created = inflow_integration_get_created_at (self->integration);
  GDateTime *updated = inflow_integration_get_last_updated (self->integration);
  g_autoptr(GDateTime) now = dup_now (self);
  const char *icon_name;

  switch (inflow_status_word_get_tone (word))
    {
    case INFLOW_STATUS_TONE_SUCCESS:
      icon_name = "emblem-ok-symbolic";
      break;
    case INFLOW_STATUS_TONE_ERROR:
      icon_name = "dialog-error-symbolic";
      break;
    case INFLOW_STATUS_TONE_WARNING:
      icon_name = "dialog-warning-symbolic";
      break;
    case INFLOW_STATUS_TONE_ACCENT:
    case INFLOW_STATUS_TONE_NEUTRAL:
    default:
      icon_name = "content-loading-symbolic";
      break;
    }

  self->is_aws = inflow_integration_is_provider (self->integration, "aws");
  set_string (self, PROP_ACCOUNT_ID, inflow_integration_get_account_identifier (self->integration));
  set_string (self, PROP_PROVIDER_NAME, inflow_provider_get_display_name (inflow_integration_get_provider (self->integration)));
  set_string (self, PROP_STATUS_LABEL, inflow_status_word_get_label (word));
  set_string (self, PROP_STATUS_SUMMARY, inflow_status_word_get_summary (word));
  set_string (self, PROP_STATUS_MEANING, inflow_status_word_get_meaning (word));
  set_string (self, PROP_STATUS_ADVICE, inflow_status_word_get_advice (word, self->is_aws));
  set_string (self, PROP_STATUS_ICON_NAME, icon_name);
  set_tone (self, &self->status_tone, PROP_STATUS_TONE, inflow_status_word_get_tone (word));

  if (n_workspaces == 0)
    {
      set_string (self, PROP_WORKSPACES_TEXT, _("None"));
      set_string (self, PROP_WORKSPACES_TOOLTIP, _("In no workspace: its costs show nowhere"));
      set_tone (self, &self->workspaces_tone, PROP_WORKSPACES_TONE, INFLOW_STATUS_TONE_WARNING);
    }
  else
    {
      take_string (self, PROP_WORKSPACES_TEXT, g_strdup_printf ("%u", n_workspaces));
      set_string (self, PROP_WORKSPACES_TOOLTIP, NULL);
      set_tone (self, &self->workspaces_tone, PROP_WORKSPACES_TONE, INFLOW_STATUS_TONE_NEUTRAL);
    }

  take_string (self, PROP_CREATED_TEXT, created != NULL ? inflow_ingestion_format_date (created, now) : NULL);
  set_string (self, PROP_TOKEN, inflow_integration_get_token (self->integration));
  /* The seed names the AWS settings page as where the connection's status shows */
  set_string (self, PROP_CONSOLE_URL, self->is_aws ? INFLOW_VANTAGE_AWS_SETTINGS_URL : INFLOW_VANTAGE_INTEGRATIONS_URL);
  take_string (self, PROP_UPDATED_TEXT, updated != NULL ? inflow_ingestion_format_when (updated, now) : g_strdup (_("Never")));
}

static void
inflow_integration_row_dispose (GObject *object)
{
  InflowIntegrationRow *self = INFLOW_INTEGRATION_ROW (object);

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->monitor);
  g_clear_object (&self->directory);
  g_clear_object (&self->integration);

  G_OBJECT_CLASS (inflow_integration_row_parent_class)->dispose (object);
}

static void
inflow_integration_row_finalize (GObject *object)
{
  InflowIntegrationRow *self = INFLOW_INTEGRATION_ROW (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (inflow_integration_row_parent_class)->finalize (object);
}

static void
inflow_integration_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  InflowIntegrationRow *self = INFLOW_INTEGRATION_ROW (object);

  if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
      return;
    }

  switch (prop_id)
    {
    case PROP_INTEGRATION:
      g_value_set_object (value, self->integration);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_STATUS_TONE:
      g_value_set_enum (value, self->status_tone);
      break;
    case PROP_VERDICT_TONE:
      g_value_set_enum (value, self->verdict_tone);
      break;
    case PROP_WORKSPACES_TONE:
      g_value_set_enum (value, self->workspaces_tone);
      break;
    case PROP_IS_AWS:
      g_value_set_boolean (value, self->is_aws);
      break;
    case PROP_IS_GOVCLOUD:
      g_value_set_boolean (value, self->is_govcloud);
      break;
    case PROP_IS_MANAGEMENT:
      g_value_set_boolean (value, self->is_management);
      break;
    case PROP_CREATED_WHEN:
      /* Only the integration page shows it: made when asked */
      {
        GDateTime *created = inflow_integration_get_created_at (self->integration);
        g_autoptr(GDateTime) now = dup_now (self);

        g_value_take_string (value, created != NULL ? inflow_ingestion_format_when (created, now) : g_strdup (_("Never")));
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integration_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  InflowIntegrationRow *self = INFLOW_INTEGRATION_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      inflow_integration_row_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integration_row_class_init (InflowIntegrationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const string_names[N_STRINGS] = {
    "title", "subtitle", "details", "account-id", "account-name", "provider-name",
    "management-badge", "govcloud-badge", "status-label", "status-summary", "status-meaning",
    "status-advice", "status-icon-name", "verdict-label", "status-verdict-label",
    "workspaces-text", "workspaces-tooltip", "created-text", "updated-text",
    "token", "console-url",
  };

  object_class->dispose = inflow_integration_row_dispose;
  object_class->finalize = inflow_integration_row_finalize;
  object_class->get_property = inflow_integration_row_get_property;
  object_class->set_property = inflow_integration_row_set_property;

  properties[PROP_INTEGRATION] = g_param_spec_object ("integration", NULL, NULL, INFLOW_TYPE_INTEGRATION, flags);
  properties[PROP_COMPACT] = g_param_spec_boolean ("compact", NULL, NULL, FALSE, flags | G_PARAM_WRITABLE);
  properties[PROP_STATUS_TONE] = g_param_spec_enum ("status-tone", NULL, NULL, INFLOW_TYPE_STATUS_TONE,
                                                    INFLOW_STATUS_TONE_NEUTRAL, flags);
  properties[PROP_VERDICT_TONE] = g_param_spec_enum ("verdict-tone", NULL, NULL, INFLOW_TYPE_STATUS_TONE,
                                                     INFLOW_STATUS_TONE_NEUTRAL, flags);
  properties[PROP_WORKSPACES_TONE] = g_param_spec_enum ("workspaces-tone", NULL, NULL, INFLOW_TYPE_STATUS_TONE,
                                                        INFLOW_STATUS_TONE_NEUTRAL, flags);
  properties[PROP_IS_AWS] = g_param_spec_boolean ("is-aws", NULL, NULL, FALSE, flags);
  properties[PROP_IS_GOVCLOUD] = g_param_spec_boolean ("is-govcloud", NULL, NULL, FALSE, flags);
  properties[PROP_IS_MANAGEMENT] = g_param_spec_boolean ("is-management", NULL, NULL, FALSE, flags);
  properties[PROP_CREATED_WHEN] = g_param_spec_string ("created-when", NULL, NULL, NULL, flags);
  for (guint i = 0; i < N_STRINGS; i++)
    properties[FIRST_STRING + i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_integration_row_init (InflowIntegrationRow *self)
{
  self->item_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_ITEM);
  g_signal_group_connect_swapped (self->item_signals, "notify::phase", G_CALLBACK (update_verdict), self);
  g_signal_group_connect_swapped (self->item_signals, "notify::tracked", G_CALLBACK (update_verdict), self);
}

/**
 * inflow_integration_row_new:
 * @integration: the integration
 * @directory: (nullable): the account directory it follows, for names
 * @monitor: (nullable): the monitor whose verdict it shows
 *
 * Returns: (transfer full): a row, not compact
 */
InflowIntegrationRow *
inflow_integration_row_new (InflowIntegration      *integration,
                            InflowAccountDirectory *directory,
                            InflowIngestionMonitor *monitor)
{
  InflowIntegrationRow *self;

  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), NULL);
  g_return_val_if_fail (directory == NULL || INFLOW_IS_ACCOUNT_DIRECTORY (directory), NULL);
  g_return_val_if_fail (monitor == NULL || INFLOW_IS_INGESTION_MONITOR (monitor), NULL);

  self = g_object_new (INFLOW_TYPE_INTEGRATION_ROW, NULL);
  self->integration = g_object_ref (integration);
  g_set_object (&self->directory, directory);
  g_set_object (&self->monitor, monitor);

  update_integration (self);
  update_account (self);
  lookup_item (self);

  if (directory != NULL)
    g_signal_connect_object (directory, "changed", G_CALLBACK (update_account), self, G_CONNECT_SWAPPED);
  /* The monitor makes its items after the lists arrive */
  if (monitor != NULL)
    g_signal_connect_object (inflow_ingestion_monitor_get_items (monitor), "items-changed",
                             G_CALLBACK (lookup_item), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * inflow_integration_row_set_integration:
 * @self: a row
 * @integration: the integration to show from now on
 *
 * Makes the row show @integration; only the properties that change
 * notify (a list's row shows another integration after a keystroke).
 */
void
inflow_integration_row_set_integration (InflowIntegrationRow *self,
                                        InflowIntegration    *integration)
{
  g_return_if_fail (INFLOW_IS_INTEGRATION_ROW (self));
  g_return_if_fail (INFLOW_IS_INTEGRATION (integration));

  if (!g_set_object (&self->integration, integration))
    return;

  update_integration (self);
  update_account (self);
  lookup_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_WHEN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEGRATION]);
}

/**
 * inflow_integration_row_get_integration:
 *
 * Returns: (transfer none): the integration
 */
InflowIntegration *
inflow_integration_row_get_integration (InflowIntegrationRow *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_ROW (self), NULL);

  return self->integration;
}

#define STRING_GETTER(name, PROP) \
  const char * \
  inflow_integration_row_get_##name (InflowIntegrationRow *self) \
  { \
    g_return_val_if_fail (INFLOW_IS_INTEGRATION_ROW (self), NULL); \
    return self->strings[PROP - FIRST_STRING]; \
  }

STRING_GETTER (title, PROP_TITLE)
STRING_GETTER (subtitle, PROP_SUBTITLE)
STRING_GETTER (details, PROP_DETAILS)
STRING_GETTER (status_label, PROP_STATUS_LABEL)
STRING_GETTER (verdict_label, PROP_VERDICT_LABEL)
STRING_GETTER (status_verdict_label, PROP_STATUS_VERDICT_LABEL)

gboolean
inflow_integration_row_get_is_govcloud (InflowIntegrationRow *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_ROW (self), FALSE);

  return self->is_govcloud;
}

gboolean
inflow_integration_row_get_is_management (InflowIntegrationRow *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_ROW (self), FALSE);

  return self->is_management;
}

gboolean
inflow_integration_row_get_compact (InflowIntegrationRow *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_ROW (self), FALSE);

  return self->compact;
}

/* Compact: for a narrow list (see InflowIntegrationRow) */
void
inflow_integration_row_set_compact (InflowIntegrationRow *self,
                                    gboolean              compact)
{
  g_return_if_fail (INFLOW_IS_INTEGRATION_ROW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update_account (self);
  update_verdict (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
