/* inflow-integration-words.c: how Inflow names integration states and providers
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-integration-words.h"
#include "inflow-team.h"
#include "inflow-workspace.h"

/* The v2 spec lists the statuses of an Integration (connected, error,
 * pending, importing, imported, disconnected) without defining them; the
 * meanings below are Inflow's reading of them, worded for the admin. */

G_DEFINE_ENUM_TYPE (InflowStatusTone, inflow_status_tone,
                    G_DEFINE_ENUM_VALUE (INFLOW_STATUS_TONE_NEUTRAL, "neutral"),
                    G_DEFINE_ENUM_VALUE (INFLOW_STATUS_TONE_SUCCESS, "success"),
                    G_DEFINE_ENUM_VALUE (INFLOW_STATUS_TONE_ACCENT, "accent"),
                    G_DEFINE_ENUM_VALUE (INFLOW_STATUS_TONE_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (INFLOW_STATUS_TONE_ERROR, "error"))

InflowStatusWord
inflow_status_word_from_status (InflowIntegrationStatus status)
{
  switch (status)
    {
    case INFLOW_INTEGRATION_STATUS_CONNECTED:
    case INFLOW_INTEGRATION_STATUS_IMPORTED:
      return INFLOW_STATUS_WORD_STABLE;
    case INFLOW_INTEGRATION_STATUS_IMPORTING:
      return INFLOW_STATUS_WORD_IMPORTING;
    case INFLOW_INTEGRATION_STATUS_PENDING:
      return INFLOW_STATUS_WORD_PENDING;
    case INFLOW_INTEGRATION_STATUS_ERROR:
      return INFLOW_STATUS_WORD_ERROR;
    case INFLOW_INTEGRATION_STATUS_DISCONNECTED:
      return INFLOW_STATUS_WORD_DISCONNECTED;
    case INFLOW_INTEGRATION_STATUS_UNKNOWN:
    default:
      return INFLOW_STATUS_WORD_UNKNOWN;
    }
}

const char *
inflow_status_word_get_label (InflowStatusWord word)
{
  switch (word)
    {
    case INFLOW_STATUS_WORD_STABLE:
      return C_("integration status", "Stable");
    case INFLOW_STATUS_WORD_IMPORTING:
      return C_("integration status", "Importing");
    case INFLOW_STATUS_WORD_PENDING:
      return C_("integration status", "Pending");
    case INFLOW_STATUS_WORD_ERROR:
      return C_("integration status", "Error");
    case INFLOW_STATUS_WORD_DISCONNECTED:
      return C_("integration status", "Disconnected");
    case INFLOW_STATUS_WORD_UNKNOWN:
    default:
      return C_("integration status", "Unknown");
    }
}

/* A few words for a table cell: the gist of the meaning. */
const char *
inflow_status_word_get_summary (InflowStatusWord word)
{
  switch (word)
    {
    case INFLOW_STATUS_WORD_STABLE:
      return _("Imports succeed");
    case INFLOW_STATUS_WORD_IMPORTING:
      return _("First import running");
    case INFLOW_STATUS_WORD_PENDING:
      return _("Not validated yet");
    case INFLOW_STATUS_WORD_ERROR:
      return _("Imports fail");
    case INFLOW_STATUS_WORD_DISCONNECTED:
      return _("No new costs arrive");
    case INFLOW_STATUS_WORD_UNKNOWN:
    default:
      return _("State unknown to Inflow");
    }
}

/* One line: what the state means. */
const char *
inflow_status_word_get_meaning (InflowStatusWord word)
{
  switch (word)
    {
    case INFLOW_STATUS_WORD_STABLE:
      return _("Connected, and imports succeed");
    case INFLOW_STATUS_WORD_IMPORTING:
      return _("The first import is running");
    case INFLOW_STATUS_WORD_PENDING:
      return _("Created, not yet validated by Vantage");
    case INFLOW_STATUS_WORD_ERROR:
      return _("Vantage cannot import from this connection");
    case INFLOW_STATUS_WORD_DISCONNECTED:
      return _("Revoked or removed: no new costs arrive");
    case INFLOW_STATUS_WORD_UNKNOWN:
    default:
      return _("Vantage reports a state Inflow does not know");
    }
}

/* A few sentences: what to do about it. */
const char *
inflow_status_word_get_advice (InflowStatusWord word,
                               gboolean         is_aws)
{
  switch (word)
    {
    case INFLOW_STATUS_WORD_STABLE:
      return is_aws
        ? _("Nothing to do. AWS refreshes cost data every 8 to 12 hours; the Ingestion section shows how fresh it is.")
        : _("Nothing to do. Most providers refresh cost data once a day.");
    case INFLOW_STATUS_WORD_IMPORTING:
      return is_aws
        ? _("Wait for the import to finish. The first Cost and Usage Report can take AWS up to 24 hours to deliver; until then costs are partial. Assigning the integration to a workspace also makes it Stable.")
        : _("Wait for the import to finish. Assigning the integration to a workspace also makes it Stable.");
    case INFLOW_STATUS_WORD_PENDING:
      return is_aws
        ? _("Vantage has not used the connection yet. If it stays pending for more than an hour, check that the cross-account role exists and trusts Vantage with the right external ID.")
        : _("Vantage has not used the connection yet. If it stays pending for more than an hour, check the credentials the integration was created with.");
    case INFLOW_STATUS_WORD_ERROR:
      return is_aws
        ? _("Check that the cross-account role and its policies still exist in the account, then update the permissions. The API gives no error detail; the Vantage console may say more.")
        : _("Check the credentials of this connection in the provider and in the Vantage console. The API gives no error detail.");
    case INFLOW_STATUS_WORD_DISCONNECTED:
      return _("Costs stopped arriving. Connect the account again, or delete the integration if it is no longer used.");
    case INFLOW_STATUS_WORD_UNKNOWN:
    default:
      return _("Open the Vantage console to see what the state means.");
    }
}

InflowStatusTone
inflow_status_word_get_tone (InflowStatusWord word)
{
  switch (word)
    {
    case INFLOW_STATUS_WORD_STABLE:
      return INFLOW_STATUS_TONE_SUCCESS;
    case INFLOW_STATUS_WORD_IMPORTING:
      return INFLOW_STATUS_TONE_ACCENT;
    case INFLOW_STATUS_WORD_PENDING:
      return INFLOW_STATUS_TONE_WARNING;
    case INFLOW_STATUS_WORD_ERROR:
    case INFLOW_STATUS_WORD_DISCONNECTED:
      return INFLOW_STATUS_TONE_ERROR;
    case INFLOW_STATUS_WORD_UNKNOWN:
    default:
      return INFLOW_STATUS_TONE_NEUTRAL;
    }
}

/* The CSS class of a badge of that tone (see ui/style.css). */
const char *
inflow_status_tone_get_css_class (InflowStatusTone tone)
{
  switch (tone)
    {
    case INFLOW_STATUS_TONE_SUCCESS:
      return "success";
    case INFLOW_STATUS_TONE_ACCENT:
      return "accent";
    case INFLOW_STATUS_TONE_WARNING:
      return "warning";
    case INFLOW_STATUS_TONE_ERROR:
      return "error";
    case INFLOW_STATUS_TONE_NEUTRAL:
    default:
      return "neutral";
    }
}

/* The tone of a badge for an ingestion verdict of @severity. */
InflowStatusTone
inflow_status_tone_from_severity (InflowIngestionSeverity severity)
{
  switch (severity)
    {
    case INFLOW_INGESTION_SEVERITY_OK:
      return INFLOW_STATUS_TONE_SUCCESS;
    case INFLOW_INGESTION_SEVERITY_INFO:
      return INFLOW_STATUS_TONE_ACCENT;
    case INFLOW_INGESTION_SEVERITY_WARNING:
      return INFLOW_STATUS_TONE_WARNING;
    case INFLOW_INGESTION_SEVERITY_ERROR:
      return INFLOW_STATUS_TONE_ERROR;
    case INFLOW_INGESTION_SEVERITY_NONE:
    default:
      return INFLOW_STATUS_TONE_NEUTRAL;
    }
}

/* A provider key (any case) as people write it; unknown keys come back as given. */
const char *
inflow_provider_get_display_name (const char *provider)
{
  static const struct { const char *key; const char *name; } names[] = {
    { "aws", "AWS" }, { "azure", "Azure" }, { "gcp", "Google Cloud" },
    { "snowflake", "Snowflake" }, { "databricks", "Databricks" }, { "mongo", "MongoDB Atlas" },
    { "datadog", "Datadog" }, { "fastly", "Fastly" }, { "new_relic", "New Relic" },
    { "opencost", "OpenCost" }, { "open_ai", "OpenAI" }, { "oracle", "Oracle Cloud" },
    { "confluent", "Confluent" }, { "planetscale", "PlanetScale" }, { "coralogix", "Coralogix" },
    { "kubernetes", "Kubernetes" }, { "github", "GitHub" }, { "linode", "Linode" },
    { "grafana", "Grafana Cloud" }, { "clickhouse", "ClickHouse" }, { "temporal", "Temporal" },
    { "twilio", "Twilio" }, { "azure_csp", "Azure CSP" }, { "kubernetes_agent", "Kubernetes" },
    { "anthropic", "Anthropic" }, { "cloudflare", "Cloudflare" }, { "vercel", "Vercel" },
  };

  if (provider == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (provider, names[i].key) == 0)
        return names[i].name;
    }

  if (g_ascii_strcasecmp (provider, "custom_provider") == 0)
    return _("Custom provider");

  return provider;
}

/**
 * inflow_teams_dup_names_for_workspace:
 * @teams: (nullable): #InflowTeam items
 * @workspace_token: a workspace
 * @n_teams: (out) (optional): how many teams see it
 *
 * Returns: (transfer full) (nullable): the names of the teams that can see
 *   the workspace, joined with ", "; %NULL when none can
 */
char *
inflow_teams_dup_names_for_workspace (GListModel *teams,
                                      const char *workspace_token,
                                      guint      *n_teams)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint count = 0;
  guint n = teams != NULL ? g_list_model_get_n_items (teams) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowTeam) team = g_list_model_get_item (teams, i);
      const char * const *tokens = inflow_team_get_workspace_tokens (team);

      if (tokens == NULL || !g_strv_contains (tokens, workspace_token))
        continue;

      if (names->len > 0)
        /* Translators: the separator of a list of names */
        g_string_append (names, _(", "));
      g_string_append (names, inflow_team_get_name (team));
      count++;
    }

  if (n_teams != NULL)
    *n_teams = count;

  return count > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/**
 * inflow_workspaces_dup_names:
 * @workspaces: (nullable): #InflowWorkspace items
 * @workspace_tokens: (nullable): tokens
 *
 * Returns: (transfer full): the names of the workspaces, in list order,
 *   joined with ", " (a token the list does not know stays a token)
 */
char *
inflow_workspaces_dup_names (GListModel         *workspaces,
                             const char * const *workspace_tokens)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = workspaces != NULL ? g_list_model_get_n_items (workspaces) : 0;

  for (guint t = 0; workspace_tokens != NULL && workspace_tokens[t] != NULL; t++)
    {
      const char *name = workspace_tokens[t];

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(InflowWorkspace) workspace = g_list_model_get_item (workspaces, i);

          if (g_str_equal (inflow_workspace_get_token (workspace), workspace_tokens[t]))
            {
              name = inflow_workspace_get_name (workspace);
              break;
            }
        }

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}
