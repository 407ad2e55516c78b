/* inflow-smart-paste.c: finding the role ARN in whatever the admin pastes
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "inflow-aws-documents.h"
#include "inflow-cfn-template.h"
#include "inflow-json.h"
#include "inflow-onboarding-error.h"
#include "inflow-smart-paste.h"

/*
 * The admin pastes whatever they have at hand: the ARN, the role page's
 * text, the trust policy, the stack outputs (JSON from the CLI or the
 * console's table), or the role page's link. The one trap is that a trust
 * policy (and the role page) also holds Vantage's principal ARN, the role
 * that assumes the new one: it is set aside by its position (under
 * "Principal"), by equality with the known principal and by its account.
 * What remains must be exactly one role ARN, or Inflow says what it found.
 */

typedef struct
{
  char     *text;
  char     *output_key;
  gboolean  in_principal;
} Candidate;

typedef struct
{
  GPtrArray *candidates;
  gboolean   saw_statement;
  gboolean   saw_outputs;
  gboolean   saw_role;
} Scan;

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->text);
  g_free (candidate->output_key);
  g_free (candidate);
}

static void
add_candidate (Scan       *scan,
               const char *text,
               const char *output_key,
               gboolean    in_principal)
{
  Candidate *candidate = g_new0 (Candidate, 1);

  candidate->text = g_strstrip (g_strdup (text));
  candidate->output_key = g_strdup (output_key);
  candidate->in_principal = in_principal;
  g_ptr_array_add (scan->candidates, candidate);
}

void
inflow_paste_result_free (InflowPasteResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->role, inflow_role_arn_free);
  g_free (result->role_arn);
  g_free (result->explanation);
  g_free (result);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
walk_json (Scan       *scan,
           JsonNode   *node,
           gboolean    in_principal,
           guint       depth)
{
  /* Pasted JSON is small; a limit keeps hostile nesting harmless. */
  if (depth > 64)
    return;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        const char *output_value = get_string (object, "OutputValue");
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (output_value != NULL)
          {
            scan->saw_outputs = TRUE;
            add_candidate (scan, output_value, get_string (object, "OutputKey"), in_principal);
            return;
          }

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          {
            if (g_str_equal (name, "Statement"))
              scan->saw_statement = TRUE;
            else if (g_str_equal (name, "Stacks") || g_str_equal (name, "Outputs"))
              scan->saw_outputs = TRUE;
            else if (g_str_equal (name, "Role") && JSON_NODE_HOLDS_OBJECT (member))
              scan->saw_role = TRUE;

            walk_json (scan, member, in_principal || g_str_equal (name, "Principal") || g_str_equal (name, "NotPrincipal"),
                       depth + 1);
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          walk_json (scan, json_array_get_element (array, i), in_principal, depth + 1);
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *value = g_strstrip (g_strdup (json_node_get_string (node)));

          if (g_str_has_prefix (value, "arn:"))
            add_candidate (scan, value, NULL, in_principal);
        }
      break;

    case JSON_NODE_NULL:
      break;

    default:
      g_assert_not_reached ();
    }
}

/* ARNs in free text: stop at whitespace, quotes, brackets and the like, and
 * drop sentence punctuation at the end. */
static void
scan_text (Scan       *scan,
           const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  /* No G_REGEX_OPTIMIZE: pastes are short, and PCRE2's JIT reads past the
   * end of the subject, which memory checkers report. */
  regex = g_regex_new ("arn:[^\\s\"'<>`\\\\()\\[\\]{}|]+", 0, 0, NULL);
  g_assert (regex != NULL);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      gsize n = strlen (found);

      while (n > 0 && strchr (".,;:", found[n - 1]) != NULL)
        found[--n] = '\0';
      add_candidate (scan, found, NULL, FALSE);
      g_match_info_next (match, NULL);
    }
}

/* The CloudFormation console's Outputs tab copies as "Key<TAB>Value…", one
 * output a line. */
static gboolean
looks_like_outputs_table (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[A-Za-z0-9]+\\t+arn:", G_REGEX_MULTILINE, 0, NULL);

  return g_regex_match (regex, text, 0, NULL);
}

static char *
strip_quotes (const char *text)
{
  char *result = g_strstrip (g_strdup (text));
  gsize n;

  while ((n = strlen (result)) >= 2
         && ((result[0] == '"' && result[n - 1] == '"')
             || (result[0] == '\'' && result[n - 1] == '\'')
             || (result[0] == '`' && result[n - 1] == '`')))
    {
      memmove (result, result + 1, n - 2);
      result[n - 2] = '\0';
      g_strstrip (result);
    }

  return result;
}

static InflowPasteResult *
result_new (InflowPasteSource  source,
            InflowRoleArn     *role,
            char              *explanation)
{
  InflowPasteResult *result = g_new0 (InflowPasteResult, 1);

  result->source = source;
  result->role = role;
  result->role_arn = inflow_role_arn_to_string (role);
  result->explanation = explanation;

  return result;
}

/* The partition's console host itself, or a regional or multi-session
 * subdomain of it. */
static gboolean
is_console_host (const char         *host,
                 InflowAwsPartition  partition)
{
  const char *domain = inflow_aws_partition_get_console_host (partition);
  g_autofree char *dotted = g_strconcat (".", domain, NULL);

  return g_ascii_strcasecmp (host, domain) == 0 || g_str_has_suffix (host, dotted);
}

/* The role page in the IAM console: #/roles/details/NAME (current) or
 * #/roles/NAME (older), on the partition's console host or one of its
 * regional or multi-session subdomains ("123456789012-abcd1234.…"). */
static InflowPasteResult *
parse_console_url (const char  *url,
                   const char  *account_id_hint,
                   GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *name = NULL;
  g_autofree char *account = NULL;
  g_autofree char *explanation = NULL;
  g_autoptr(GError) local_error = NULL;
  InflowAwsPartition partition;
  InflowRoleArn *role;
  const char *host;
  const char *location;
  const char *start;
  gsize length;

  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host != NULL && is_console_host (host, INFLOW_AWS_PARTITION_AWS))
    partition = INFLOW_AWS_PARTITION_AWS;
  else if (host != NULL && is_console_host (host, INFLOW_AWS_PARTITION_AWS_US_GOV))
    partition = INFLOW_AWS_PARTITION_AWS_US_GOV;
  else
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
                   _("This link does not lead to the AWS console of aws or aws-us-gov; paste the role’s ARN or the link of its page in the IAM console."));
      return NULL;
    }

  location = g_uri_get_fragment (uri);
  if (location == NULL || strstr (location, "roles/") == NULL)
    location = g_uri_get_path (uri);

  start = location != NULL ? strstr (location, "roles/details/") : NULL;
  if (start != NULL)
    start += strlen ("roles/details/");
  else if (location != NULL && (start = strstr (location, "roles/")) != NULL)
    start += strlen ("roles/");

  if (start == NULL || *start == '\0' || *start == '?')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
                   _("This AWS console link does not show a role; open the role in the IAM console and copy the link of its page, or paste its ARN."));
      return NULL;
    }

  length = strcspn (start, "?/&#");
  {
    g_autofree char *escaped = g_strndup (start, length);

    name = g_uri_unescape_string (escaped, NULL);
  }
  if (name == NULL || !inflow_aws_validate_role_name (name, error))
    {
      if (name == NULL)
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                     _("The role name in this link is not readable."));
      return NULL;
    }

  /* A multi-session console puts the account ID first in the host name. */
  if (strlen (host) > 13 && host[12] == '-')
    {
      g_autofree char *prefix = g_strndup (host, 12);

      if (inflow_aws_validate_account_id (prefix, NULL))
        account = g_steal_pointer (&prefix);
    }

  if (account == NULL && account_id_hint != NULL && inflow_aws_validate_account_id (account_id_hint, NULL))
    account = g_strdup (account_id_hint);

  if (account == NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The link names the role %s but not its account. Enter the 12-digit account ID, or paste the role’s ARN from its summary instead."),
                   name);
      return NULL;
    }

  role = inflow_role_arn_new (partition, account, "/", name, &local_error);
  if (role == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  explanation = g_strdup (_("Built from the IAM console link, which names the role but not its path. If the role has a path, paste its ARN from the role’s summary instead."));

  return result_new (INFLOW_PASTE_SOURCE_CONSOLE_URL, role, g_steal_pointer (&explanation));
}

static char *
join_arns (GPtrArray *roles)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < roles->len; i++)
    {
      g_autofree char *arn = inflow_role_arn_to_string (g_ptr_array_index (roles, i));

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, arn);
    }

  return g_string_free (out, FALSE);
}

static gboolean
contains_role (GPtrArray     *roles,
               InflowRoleArn *role)
{
  g_autofree char *arn = inflow_role_arn_to_string (role);

  for (guint i = 0; i < roles->len; i++)
    {
      g_autofree char *other = inflow_role_arn_to_string (g_ptr_array_index (roles, i));

      if (g_str_equal (arn, other))
        return TRUE;
    }

  return FALSE;
}

/* Keeps only the roles of @roles that satisfy @keep, when at least one does. */
static void
prefer (GPtrArray  *roles,
        gboolean  (*keep) (InflowRoleArn *role, gconstpointer data),
        gconstpointer data)
{
  guint kept = 0;

  for (guint i = 0; i < roles->len; i++)
    {
      if (keep (g_ptr_array_index (roles, i), data))
        kept++;
    }

  if (kept == 0 || kept == roles->len)
    return;

  for (guint i = roles->len; i > 0; i--)
    {
      if (!keep (g_ptr_array_index (roles, i - 1), data))
        g_ptr_array_remove_index (roles, i - 1);
    }
}

static gboolean
in_account (InflowRoleArn *role,
            gconstpointer  data)
{
  return g_str_equal (role->account_id, (const char *) data);
}

static gboolean
is_stack_output_role (InflowRoleArn *role,
                      gconstpointer  data)
{
  GHashTable *output_roles = (GHashTable *) data;
  g_autofree char *arn = inflow_role_arn_to_string (role);

  return g_hash_table_contains (output_roles, arn);
}

/**
 * inflow_smart_paste_role_arn:
 * @text: what the admin pasted
 * @vantage_role_arn: (nullable): Vantage's principal, from the provider
 *   info; never taken for the admin's role
 * @account_id_hint: (nullable): the account being connected, when known:
 *   its roles are preferred, and a console link without an account uses it
 *
 * Finds the ARN of the role the admin created in a role ARN, the text of
 * the role's page, a trust policy or `aws iam get-role` output, stack
 * outputs (CLI JSON or the console's table) or the link of the role's page.
 *
 * Returns: (transfer full) (nullable): the role and where it came from, or
 *   %NULL with @error: %INFLOW_ONBOARDING_ERROR_AMBIGUOUS listing the
 *   candidates, %INFLOW_ONBOARDING_ERROR_NOT_FOUND (explaining when the only
 *   ARN is Vantage's principal), or the parse error of the only ARN-like
 *   text (%INFLOW_ONBOARDING_ERROR_INVALID,
 *   %INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, …)
 */
InflowPasteResult *
inflow_smart_paste_role_arn (const char  *text,
                             const char  *vantage_role_arn,
                             const char  *account_id_hint,
                             GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(InflowRoleArn) vantage = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) principals = NULL;
  g_autoptr(GHashTable) output_roles = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *vantage_arn_text = NULL;
  InflowPasteSource source = INFLOW_PASTE_SOURCE_TEXT;
  gboolean all_principals_vantage = TRUE;
  Scan scan = { 0 };

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stripped = strip_quotes (text != NULL ? text : "");
  if (*stripped == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("Nothing was pasted."));
      return NULL;
    }

  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The pasted text is not valid UTF-8."));
      return NULL;
    }

  if ((g_str_has_prefix (stripped, "https://") || g_str_has_prefix (stripped, "http://"))
      && strpbrk (stripped, " \t\r\n") == NULL)
    return parse_console_url (stripped, account_id_hint, error);

  if (vantage_role_arn != NULL)
    {
      vantage = inflow_role_arn_parse (vantage_role_arn, NULL);
      if (vantage != NULL)
        vantage_arn_text = inflow_role_arn_to_string (vantage);
    }

  scan.candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);

  parser = json_parser_new_immutable ();
  if ((stripped[0] == '{' || stripped[0] == '[')
      && inflow_json_check (stripped, -1, NULL)
      && json_parser_load_from_data (parser, stripped, -1, NULL)
      && json_parser_get_root (parser) != NULL)
    {
      walk_json (&scan, json_parser_get_root (parser), FALSE, 0);
      if (scan.saw_outputs)
        source = INFLOW_PASTE_SOURCE_STACK_OUTPUTS;
      else if (scan.saw_role)
        source = INFLOW_PASTE_SOURCE_ROLE_JSON;
      else if (scan.saw_statement)
        source = INFLOW_PASTE_SOURCE_TRUST_POLICY;
      else
        source = INFLOW_PASTE_SOURCE_JSON;
    }
  else
    {
      scan_text (&scan, stripped);
      if (looks_like_outputs_table (stripped))
        source = INFLOW_PASTE_SOURCE_STACK_OUTPUTS;
    }

  roles = g_ptr_array_new_with_free_func ((GDestroyNotify) inflow_role_arn_free);
  principals = g_ptr_array_new_with_free_func ((GDestroyNotify) inflow_role_arn_free);
  output_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < scan.candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (scan.candidates, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(InflowRoleArn) role = NULL;
      g_autofree char *arn = NULL;
      gboolean is_vantage;

      role = inflow_role_arn_parse (candidate->text, &local_error);
      if (role == NULL)
        {
          /* Other ARNs (a bucket, a topic) are no mistake in a paste. */
          if (first_error == NULL && strstr (candidate->text, ":iam::") != NULL)
            first_error = g_steal_pointer (&local_error);
          else if (first_error == NULL && scan.candidates->len == 1)
            first_error = g_steal_pointer (&local_error);
          continue;
        }

      arn = inflow_role_arn_to_string (role);
      is_vantage = (vantage_arn_text != NULL && g_str_equal (arn, vantage_arn_text))
                   || (vantage != NULL && g_str_equal (role->account_id, vantage->account_id))
                   || g_str_equal (role->account_id, INFLOW_VANTAGE_AWS_ACCOUNT_ID);

      if (candidate->in_principal || is_vantage)
        {
          if (!is_vantage)
            all_principals_vantage = FALSE;
          if (!contains_role (principals, role))
            g_ptr_array_add (principals, g_steal_pointer (&role));
          continue;
        }

      if (candidate->output_key != NULL && g_str_equal (candidate->output_key, INFLOW_CFN_ROLE_ARN_OUTPUT))
        g_hash_table_add (output_roles, g_strdup (arn));

      if (!contains_role (roles, role))
        g_ptr_array_add (roles, g_steal_pointer (&role));
    }

  g_clear_pointer (&scan.candidates, g_ptr_array_unref);

  if (roles->len > 1)
    prefer (roles, is_stack_output_role, output_roles);
  if (roles->len > 1 && account_id_hint != NULL)
    prefer (roles, in_account, account_id_hint);

  if (roles->len == 1)
    {
      InflowRoleArn *role = g_ptr_array_steal_index (roles, 0);
      char *explanation = NULL;

      if (principals->len > 0)
        {
          g_autofree char *skipped = join_arns (principals);

          if (all_principals_vantage)
            explanation = g_strdup_printf (_("Set aside %s: Vantage’s side, the principal that assumes your role, not your role."),
                                           skipped);
          else
            explanation = g_strdup_printf (_("Set aside %s: principals allowed to assume a role, not the role itself."),
                                           skipped);
        }

      return result_new (source, role, explanation);
    }

  if (roles->len > 1)
    {
      g_autofree char *found = join_arns (roles);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_AMBIGUOUS,
                   ngettext ("Found %u different role ARN: %s. Paste only the ARN of the role you created for Vantage.",
                             "Found %u different role ARNs: %s. Paste only the ARN of the role you created for Vantage.",
                             roles->len),
                   roles->len, found);
      return NULL;
    }

  if (principals->len > 0)
    {
      g_autofree char *found = join_arns (principals);

      if (all_principals_vantage)
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
                     _("The only role ARN here is %s, Vantage’s principal: the role that assumes yours, not your role. Copy the ARN from the summary of the role you created: arn:aws:iam::YOUR-ACCOUNT-ID:role/NAME."),
                     found);
      else
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
                     _("The role ARNs here (%s) are principals allowed to assume a role, not the role itself. Copy the ARN from the summary of the role you created: arn:aws:iam::YOUR-ACCOUNT-ID:role/NAME."),
                     found);
      return NULL;
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }

  g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
               _("No role ARN found. Paste the role’s ARN (arn:aws:iam::123456789012:role/NAME), the stack’s outputs, or the link of the role’s page in the IAM console."));
  return NULL;
}

/* ---- stack instances ------------------------------------------------------ */

/*
 * After a StackSet deploys, the admin pastes what
 * `aws cloudformation list-stack-instances` (JSON, text or table output) or
 * `describe-stack-instance` printed. Each stack instance names its account,
 * its `Status` (CURRENT, OUTDATED, INOPERABLE) and, in newer CLIs,
 * `StackInstanceStatus.DetailedStatus` (PENDING, RUNNING, SUCCEEDED,
 * FAILED, CANCELLED, INOPERABLE, SKIPPED_SUSPENDED_ACCOUNT, FAILED_IMPORT).
 * An account deployed in one region has its role: IAM is global.
 */

void
inflow_stack_instance_free (InflowStackInstance *instance)
{
  if (instance == NULL)
    return;

  g_free (instance->account_id);
  g_free (instance->status);
  g_free (instance->status_reason);
  g_free (instance);
}

static InflowStackInstanceState
state_of_word (const char *word)
{
  static const char * const deployed[] = { "CURRENT", "SUCCEEDED" };
  static const char * const deploying[] = { "PENDING", "RUNNING" };
  static const char * const failed[] = {
    "FAILED", "CANCELLED", "INOPERABLE", "SKIPPED_SUSPENDED_ACCOUNT", "FAILED_IMPORT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deployed); i++)
    if (g_strcmp0 (word, deployed[i]) == 0)
      return INFLOW_STACK_INSTANCE_DEPLOYED;
  for (guint i = 0; i < G_N_ELEMENTS (deploying); i++)
    if (g_strcmp0 (word, deploying[i]) == 0)
      return INFLOW_STACK_INSTANCE_DEPLOYING;
  for (guint i = 0; i < G_N_ELEMENTS (failed); i++)
    if (g_strcmp0 (word, failed[i]) == 0)
      return INFLOW_STACK_INSTANCE_FAILED;

  return INFLOW_STACK_INSTANCE_UNKNOWN;
}

/* The detailed status decides; the plain status only when there is none
 * (OUTDATED alone says nothing of the role). */
static InflowStackInstanceState
combine_state (const char *status,
               const char *detailed)
{
  InflowStackInstanceState state = state_of_word (detailed);

  if (state != INFLOW_STACK_INSTANCE_UNKNOWN)
    return state;

  return state_of_word (status);
}

/* Ranks states, so that an account deployed in any region counts as deployed. */
static int
state_rank (InflowStackInstanceState state)
{
  switch (state)
    {
    case INFLOW_STACK_INSTANCE_DEPLOYED:
      return 3;
    case INFLOW_STACK_INSTANCE_DEPLOYING:
      return 2;
    case INFLOW_STACK_INSTANCE_FAILED:
      return 1;
    case INFLOW_STACK_INSTANCE_UNKNOWN:
    default:
      return 0;
    }
}

static void
add_instance (GPtrArray  *instances,
              GHashTable *by_account,
              const char *account_id,
              const char *status,
              const char *detailed,
              const char *reason)
{
  InflowStackInstanceState state = combine_state (status, detailed);
  InflowStackInstance *instance = g_hash_table_lookup (by_account, account_id);

  if (instance != NULL && state_rank (instance->state) >= state_rank (state))
    return;

  if (instance == NULL)
    {
      instance = g_new0 (InflowStackInstance, 1);
      instance->account_id = g_strdup (account_id);
      g_ptr_array_add (instances, instance);
      g_hash_table_insert (by_account, instance->account_id, instance);
    }

  instance->state = state;
  g_free (instance->status);
  if (status != NULL && detailed != NULL && g_strcmp0 (status, detailed) != 0)
    instance->status = g_strdup_printf ("%s · %s", status, detailed);
  else
    instance->status = g_strdup (detailed != NULL ? detailed : status);
  g_free (instance->status_reason);
  instance->status_reason = reason != NULL && *reason != '\0' ? g_strdup (reason) : NULL;
}

static void
walk_instances (JsonNode   *node,
                GPtrArray  *instances,
                GHashTable *by_account,
                guint       depth)
{
  if (depth > 16)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        walk_instances (json_array_get_element (array, i), instances, by_account, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *account = get_string (object, "Account");
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      if (account != NULL && inflow_aws_validate_account_id (account, NULL))
        {
          JsonNode *detail = json_object_get_member (object, "StackInstanceStatus");
          const char *detailed = NULL;

          if (detail != NULL && JSON_NODE_HOLDS_OBJECT (detail))
            detailed = get_string (json_node_get_object (detail), "DetailedStatus");
          add_instance (instances, by_account, account, get_string (object, "Status"), detailed,
                        get_string (object, "StatusReason"));
          return;
        }

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        walk_instances (member, instances, by_account, depth + 1);
    }
}

/* Text and table output: one stack instance a line, with its account and
 * status words somewhere in it. */
static void
scan_instance_lines (const char *text,
                     GPtrArray  *instances,
                     GHashTable *by_account)
{
  g_autoptr(GRegex) account_regex = g_regex_new ("(?<![0-9])[0-9]{12}(?![0-9])", 0, 0, NULL);
  g_autoptr(GRegex) word_regex = g_regex_new ("\\b(CURRENT|OUTDATED|INOPERABLE|PENDING|RUNNING|SUCCEEDED|FAILED"
                                              "|CANCELLED|SKIPPED_SUSPENDED_ACCOUNT|FAILED_IMPORT)\\b", 0, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) account_match = NULL;
      g_autoptr(GMatchInfo) word_match = NULL;
      g_autofree char *account = NULL;
      g_autofree char *status = NULL;
      g_autofree char *detailed = NULL;

      if (!g_regex_match (account_regex, lines[i], 0, &account_match))
        continue;
      account = g_match_info_fetch (account_match, 0);

      g_regex_match (word_regex, lines[i], 0, &word_match);
      while (g_match_info_matches (word_match))
        {
          g_autofree char *word = g_match_info_fetch (word_match, 0);

          /* The status comes first in every output format. */
          if (status == NULL && (g_str_equal (word, "CURRENT") || g_str_equal (word, "OUTDATED") ||
                                 g_str_equal (word, "INOPERABLE")))
            status = g_steal_pointer (&word);
          else if (detailed == NULL)
            detailed = g_steal_pointer (&word);
          g_match_info_next (word_match, NULL);
        }

      add_instance (instances, by_account, account, status, detailed, NULL);
    }
}

/**
 * inflow_smart_paste_stack_instances:
 * @text: what `aws cloudformation list-stack-instances` or
 *   `describe-stack-instance` printed, in any output format
 *
 * Returns: (transfer full) (element-type InflowStackInstance) (nullable):
 *   one stack instance per account, in the order of the paste; %NULL with
 *   %INFLOW_ONBOARDING_ERROR_NOT_FOUND when the paste names none
 */
GPtrArray *
inflow_smart_paste_stack_instances (const char  *text,
                                    GError     **error)
{
  g_autoptr(GPtrArray) instances = g_ptr_array_new_with_free_func ((GDestroyNotify) inflow_stack_instance_free);
  g_autoptr(GHashTable) by_account = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *stripped = strip_quotes (text != NULL ? text : "");

  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The pasted text is not valid UTF-8."));
      return NULL;
    }

  if ((stripped[0] == '{' || stripped[0] == '[')
      && inflow_json_check (stripped, -1, NULL)
      && json_parser_load_from_data (parser, stripped, -1, NULL)
      && json_parser_get_root (parser) != NULL)
    walk_instances (json_parser_get_root (parser), instances, by_account, 0);
  else
    scan_instance_lines (stripped, instances, by_account);

  if (instances->len == 0)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_NOT_FOUND,
                   _("No stack instance found. Paste what “aws cloudformation list-stack-instances” printed for the StackSet."));
      return NULL;
    }

  return g_steal_pointer (&instances);
}
