/* inflow-shell-quote.c: quoting values and assembling the generated shell commands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include "inflow-shell-quote.h"

struct _InflowShellCommand
{
  GString *text;
};

/*
 * Every value that goes into a generated command passes through
 * inflow_shell_append_quoted(), whatever it is: a name Inflow validated, a
 * region, a JSON policy document from Vantage, a translated message. POSIX
 * single quotes make everything between them literal (no $, `, \, !, glob or
 * word splitting), so the only character to handle is the single quote
 * itself, which closes the quotes, adds an escaped quote and reopens them:
 * it's → 'it'\''s'. Newlines and any other bytes stay literal inside the
 * quotes, so JSON documents keep their layout.
 */

/**
 * inflow_shell_append_quoted:
 * @out: the command being built
 * @value: (nullable): any text; %NULL counts as empty
 *
 * Appends @value as one single-quoted shell word.
 */
void
inflow_shell_append_quoted (GString    *out,
                            const char *value)
{
  g_return_if_fail (out != NULL);

  g_string_append_c (out, '\'');
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append (out, "'\\''");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/**
 * inflow_shell_quote:
 * @value: (nullable): any text
 *
 * Returns: (transfer full): @value as one single-quoted shell word
 */
char *
inflow_shell_quote (const char *value)
{
  GString *out = g_string_new (NULL);

  inflow_shell_append_quoted (out, value);

  return g_string_free (out, FALSE);
}

/**
 * inflow_shell_append_comment:
 * @out: the script being built
 * @text: (nullable): text for the reader, possibly translated, possibly
 *   several lines
 *
 * Appends @text as shell comment lines: every line, including those a
 * translation or a value adds, starts with "# ", so nothing in @text can
 * leave the comment. Carriage returns and other line separators count as
 * line breaks.
 */
void
inflow_shell_append_comment (GString    *out,
                             const char *text)
{
  gboolean line_start = TRUE;

  g_return_if_fail (out != NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\v' || *p == '\f')
        {
          if (line_start)
            g_string_append_c (out, '#');
          g_string_append_c (out, '\n');
          line_start = TRUE;
          continue;
        }

      if (line_start)
        g_string_append (out, "# ");
      line_start = FALSE;
      g_string_append_c (out, *p);
    }

  if (!line_start)
    g_string_append_c (out, '\n');
  else if (text == NULL || *text == '\0')
    g_string_append (out, "#\n");
}

/**
 * inflow_shell_append_quoted_with_expansions:
 * @out: the command being built
 * @text: text to quote, containing placeholders
 * @placeholders: (array zero-terminated=1): the placeholders to replace
 * @expansions: (array zero-terminated=1): for each placeholder, the shell
 *   expansion that replaces it, e.g. `"$account_id"`; Inflow's own code,
 *   never a value from outside
 *
 * Appends @text as one shell word in which each placeholder becomes a
 * shell expansion: the parts between placeholders are single-quoted with
 * inflow_shell_append_quoted() and the expansions are put between them
 * unquoted, so the shell joins them into one word. This is how a generated
 * script fills in values it only learns when it runs (the account ID, the
 * new role's ARN). Placeholders must be strings no validated value can
 * contain.
 */
void
inflow_shell_append_quoted_with_expansions (GString            *out,
                                            const char         *text,
                                            const char * const *placeholders,
                                            const char * const *expansions)
{
  const char *rest = text;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (g_strv_length ((GStrv) placeholders) == g_strv_length ((GStrv) expansions));

  for (;;)
    {
      const char *earliest = NULL;
      guint which = 0;
      g_autofree char *literal = NULL;

      for (guint i = 0; placeholders[i] != NULL; i++)
        {
          const char *found = strstr (rest, placeholders[i]);

          if (found != NULL && (earliest == NULL || found < earliest))
            {
              earliest = found;
              which = i;
            }
        }

      if (earliest == NULL)
        {
          inflow_shell_append_quoted (out, rest);
          return;
        }

      literal = g_strndup (rest, earliest - rest);
      if (*literal != '\0')
        inflow_shell_append_quoted (out, literal);
      g_string_append (out, expansions[which]);
      rest = earliest + strlen (placeholders[which]);
      if (*rest == '\0')
        return;
    }
}

/**
 * inflow_shell_command_new:
 * @words: the command's fixed words, e.g. "aws iam create-role"; Inflow's
 *   own text, never a value from outside
 *
 * Starts a command whose options go one per line, joined with " \\".
 */
InflowShellCommand *
inflow_shell_command_new (const char *words)
{
  InflowShellCommand *command = g_new0 (InflowShellCommand, 1);

  command->text = g_string_new (words);

  return command;
}

static void
start_option (InflowShellCommand *command,
              const char         *flag)
{
  g_string_append (command->text, " \\\n  ");
  if (flag != NULL)
    {
      g_string_append (command->text, flag);
      g_string_append_c (command->text, ' ');
    }
}

/**
 * inflow_shell_command_add:
 * @flag: (nullable): an option such as "--role-name", Inflow's own text;
 *   %NULL for a positional argument
 * @value: the option's value, any text: always single-quoted
 */
void
inflow_shell_command_add (InflowShellCommand *command,
                          const char         *flag,
                          const char         *value)
{
  g_return_if_fail (command != NULL);

  start_option (command, flag);
  inflow_shell_append_quoted (command->text, value);
}

/**
 * inflow_shell_command_add_expansion:
 * @flag: (nullable): an option
 * @expansion: a shell expansion written by Inflow, e.g. `"$role_arn"`
 */
void
inflow_shell_command_add_expansion (InflowShellCommand *command,
                                    const char         *flag,
                                    const char         *expansion)
{
  g_return_if_fail (command != NULL);
  g_return_if_fail (expansion != NULL);

  start_option (command, flag);
  g_string_append (command->text, expansion);
}

/**
 * inflow_shell_command_add_with_expansions:
 *
 * Like inflow_shell_command_add(), with the value built by
 * inflow_shell_append_quoted_with_expansions().
 */
void
inflow_shell_command_add_with_expansions (InflowShellCommand *command,
                                          const char         *flag,
                                          const char         *text,
                                          const char * const *placeholders,
                                          const char * const *expansions)
{
  g_return_if_fail (command != NULL);

  start_option (command, flag);
  inflow_shell_append_quoted_with_expansions (command->text, text, placeholders, expansions);
}

/**
 * inflow_shell_command_free_to_string:
 *
 * Returns: (transfer full): the command, without a final newline
 */
char *
inflow_shell_command_free_to_string (InflowShellCommand *command)
{
  char *text;

  g_return_val_if_fail (command != NULL, NULL);

  text = g_string_free (command->text, FALSE);
  g_free (command);

  return text;
}

void
inflow_shell_command_free (InflowShellCommand *command)
{
  if (command == NULL)
    return;

  g_string_free (command->text, TRUE);
  g_free (command);
}
