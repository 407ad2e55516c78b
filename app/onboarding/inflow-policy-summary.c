/* inflow-policy-summary.c: what each policy of the role permits, in words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-aws-documents.h"
#include "inflow-policy-summary.h"

/*
 * The words about the role come from the policies Vantage returns, not from
 * what Vantage says of them: an action counts as read-only only when its
 * name begins with a verb AWS uses for reading (Describe, Get, List, …).
 * Anything else, a wildcard of a whole service included, is listed by name
 * as not read-only, so a new permission in Vantage's documents shows up in
 * Inflow's words the day Vantage sends it.
 */

/* Verbs that read; the verb must end the name or be followed by a capital
 * or a wildcard ("Get*" and "GetBucketTagging" read, "Getaway" does not). */
static const char * const read_verbs[] = {
  "BatchCheck", "BatchDescribe", "BatchGet", "Check", "Describe", "Discover", "Filter", "Get", "List",
  "Lookup", "Preview", "Retrieve", "Search", "Test", "Validate", "View",
};

/* Services whose every action reads. */
static const char * const read_only_services[] = { "pricing" };

/* Reads under another name: CloudWatch Logs Insights queries. */
static const char * const read_only_actions[] = { "logs:StartQuery", "logs:StopQuery" };

/**
 * inflow_aws_action_is_read_only:
 * @action: an action or pattern of a policy, such as "ec2:Describe*"
 *
 * Returns: whether every action @action can match only reads
 */
gboolean
inflow_aws_action_is_read_only (const char *action)
{
  g_autofree char *service = NULL;
  const char *colon;
  const char *name;

  g_return_val_if_fail (action != NULL, FALSE);

  colon = strchr (action, ':');
  if (colon == NULL || colon == action)
    return FALSE;

  service = g_ascii_strdown (action, colon - action);
  name = colon + 1;

  for (guint i = 0; i < G_N_ELEMENTS (read_only_services); i++)
    {
      if (g_str_equal (service, read_only_services[i]))
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (read_only_actions); i++)
    {
      if (g_ascii_strcasecmp (action, read_only_actions[i]) == 0)
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (read_verbs); i++)
    {
      gsize n = strlen (read_verbs[i]);
      char next;

      if (strncmp (name, read_verbs[i], n) != 0)
        continue;

      next = name[n];
      if (next == '\0' || next == '*' || g_ascii_isupper (next))
        return TRUE;
    }

  return FALSE;
}

static void
add_actions (JsonNode   *node,
             GHashTable *actions,
             gboolean    negated)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *action = json_node_get_string (node);

      /* "NotAction" allows everything except the listed actions. */
      g_hash_table_add (actions, negated ? g_strconcat ("NotAction ", action, NULL) : g_strdup (action));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        add_actions (json_array_get_element (array, i), actions, negated);
    }
}

static void
add_statement (JsonNode   *node,
               GHashTable *actions)
{
  JsonObject *statement;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  statement = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (statement, "Effect", NULL), "Allow") != 0)
    return;

  add_actions (json_object_get_member (statement, "Action"), actions, FALSE);
  add_actions (json_object_get_member (statement, "NotAction"), actions, TRUE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * inflow_policy_summary_new:
 * @name: the policy's name on the role
 * @document: the policy document
 *
 * Returns: (transfer full): what @document allows
 */
InflowPolicySummary *
inflow_policy_summary_new (const char *name,
                           JsonNode   *document)
{
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();
  InflowPolicySummary *summary;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (document != NULL, NULL);

  if (JSON_NODE_HOLDS_OBJECT (document))
    {
      JsonNode *statements = json_object_get_member (json_node_get_object (document), "Statement");

      if (statements != NULL && JSON_NODE_HOLDS_ARRAY (statements))
        {
          JsonArray *array = json_node_get_array (statements);

          for (guint i = 0; i < json_array_get_length (array); i++)
            add_statement (json_array_get_element (array, i), actions);
        }
      else if (statements != NULL)
        {
          add_statement (statements, actions);
        }
    }

  summary = g_new0 (InflowPolicySummary, 1);
  summary->name = g_strdup (name);

  g_hash_table_iter_init (&iter, actions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *action = key;
      const char *colon = strchr (action, ':');

      if (colon != NULL && !g_str_has_prefix (action, "NotAction "))
        g_hash_table_add (services, g_ascii_strdown (action, colon - action));

      if (inflow_aws_action_is_read_only (action))
        summary->n_read++;
      else
        g_ptr_array_add (changes, g_strdup (action));
    }

  g_ptr_array_sort (changes, compare_strings);
  g_ptr_array_add (changes, NULL);
  summary->changes = (char **) g_ptr_array_free (g_steal_pointer (&changes), FALSE);
  summary->n_services = g_hash_table_size (services);

  return summary;
}

void
inflow_policy_summary_free (InflowPolicySummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->name);
  g_strfreev (summary->changes);
  g_free (summary);
}

gboolean
inflow_policy_summary_is_read_only (const InflowPolicySummary *summary)
{
  g_return_val_if_fail (summary != NULL, TRUE);

  return summary->changes[0] == NULL;
}

/**
 * inflow_policy_summary_describe:
 *
 * Returns: (transfer full): what the policy allows in one sentence,
 *   naming every action that is not read-only
 */
char *
inflow_policy_summary_describe (const InflowPolicySummary *summary)
{
  g_autofree char *reads = NULL;
  g_autofree char *services = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *count = NULL;
  guint n_changes;

  g_return_val_if_fail (summary != NULL, NULL);

  n_changes = g_strv_length (summary->changes);
  reads = g_strdup_printf (ngettext ("%u action that only reads", "%u actions that only read", summary->n_read),
                           summary->n_read);
  services = g_strdup_printf (ngettext ("%u service", "%u services", summary->n_services), summary->n_services);

  if (n_changes == 0)
    /* Translators: e.g. "Read-only: 10 actions that only read, in 5 services." */
    return g_strdup_printf (_("Read-only: %1$s, in %2$s."), reads, services);

  listed = g_strjoinv (", ", summary->changes);
  count = g_strdup_printf ("%u", n_changes);

  /* Translators: %1$s is e.g. "4 actions that only read", %2$s the number
   * of other actions, %3$s their names */
  return g_strdup_printf (ngettext ("Allows %1$s, and %2$s action that is not read-only: %3$s.",
                                    "Allows %1$s, and %2$s actions that are not read-only: %3$s.",
                                    n_changes),
                          reads, count, listed);
}

/**
 * inflow_role_policy_summaries_new:
 *
 * Returns: (transfer full) (element-type InflowPolicySummary) (nullable):
 *   a summary of each inline policy the role gets with @choices, in the
 *   order of inflow_aws_role_policies_new(), or %NULL with @error
 */
GPtrArray *
inflow_role_policy_summaries_new (const InflowOnboardingInfo     *info,
                                  const InflowOnboardingChoices  *choices,
                                  GError                        **error)
{
  g_autoptr(GPtrArray) policies = inflow_aws_role_policies_new (info, choices, error);
  GPtrArray *summaries;

  if (policies == NULL)
    return NULL;

  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) inflow_policy_summary_free);
  for (guint i = 0; i < policies->len; i++)
    {
      InflowNamedPolicy *policy = g_ptr_array_index (policies, i);

      g_ptr_array_add (summaries, inflow_policy_summary_new (policy->name, policy->document));
    }

  return summaries;
}

/**
 * inflow_role_permissions_describe:
 * @summaries: (element-type InflowPolicySummary): the role's policies
 *
 * Returns: (transfer full): one line per policy, the AWS managed
 *   ViewOnlyAccess policy last
 */
char *
inflow_role_permissions_describe (GPtrArray *summaries)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (summaries != NULL, NULL);

  for (guint i = 0; i < summaries->len; i++)
    {
      g_autofree char *sentence = inflow_policy_summary_describe (g_ptr_array_index (summaries, i));

      /* Translators: a policy's name, then what it allows */
      g_string_append_printf (out, _("• %1$s: %2$s"), ((InflowPolicySummary *) g_ptr_array_index (summaries, i))->name,
                              sentence);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, _("• ViewOnlyAccess, managed by AWS: lists and describes resources, without reading their data."));

  return g_string_free (out, FALSE);
}

/**
 * inflow_role_description_new:
 * @summaries: (element-type InflowPolicySummary): the role's policies
 *
 * The role's description for IAM, which takes Latin-1 only, so it stays
 * English: read-only, or which policies allow more.
 *
 * Returns: (transfer full): the description
 */
char *
inflow_role_description_new (GPtrArray *summaries)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_changes = 0;

  g_return_val_if_fail (summaries != NULL, NULL);

  for (guint i = 0; i < summaries->len; i++)
    {
      InflowPolicySummary *summary = g_ptr_array_index (summaries, i);

      if (inflow_policy_summary_is_read_only (summary))
        continue;

      n_changes += g_strv_length (summary->changes);
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", summary->name);
    }

  if (n_changes == 0)
    return g_strdup ("Read-only access for Vantage to cost and resource metadata");

  /* Untranslated (IAM's Latin-1), so the plural is English only. */
  return g_strdup_printf ("Access for Vantage to cost and resource metadata; %s also allows %u %s not read-only",
                          names->str, n_changes, n_changes == 1 ? "action that is" : "actions that are");
}

/**
 * inflow_autopilot_summary_new:
 *
 * Returns: (transfer full) (nullable): what the VantageAutoPilot policy
 *   adds to the role, %NULL when Vantage sends none
 */
InflowPolicySummary *
inflow_autopilot_summary_new (const InflowOnboardingInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (info->policies[INFLOW_VANTAGE_POLICY_AUTOPILOT] == NULL)
    return NULL;

  return inflow_policy_summary_new (inflow_vantage_policy_get_role_policy_name (INFLOW_VANTAGE_POLICY_AUTOPILOT),
                                    info->policies[INFLOW_VANTAGE_POLICY_AUTOPILOT]);
}
