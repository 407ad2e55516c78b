/* test-shell-quote.c: the quoting of values in generated commands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-shell-quote.h"
#include "inflow-terraform-snippet.h"
#include "inflow-test-utils.h"
#include "onboarding-test-support.h"

static const char * const hostile_values[] = {
  "",
  "plain",
  "it's",
  "''",
  "'\\''",
  "$(touch pwned)",
  "`touch pwned`",
  "${HOME}",
  "$HOME and $1 and $@",
  "a\nb\n",
  "\n",
  "tab\there",
  "back\\slash\\",
  "\"double\" quotes",
  "semi; colon && and || pipe | > redirect < in",
  "glob * ? [a-z]",
  "!history !! !$",
  "-n",
  "--help",
  "# not a comment",
  "ünïcødé — “quotes” 日本語 🙂",
  "carriage\rreturn",
  "{\"Statement\":[{\"Action\":\"s3:*\",\"Resource\":\"it's $(id) `id`\"}]}",
  "~root",
  "a=b c=d",
};

/* The quoted word, run by bash, prints back exactly the value. */
static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_values); i++)
    {
      g_autofree char *quoted = inflow_shell_quote (hostile_values[i]);
      g_autofree char *printed = test_bash_printf (quoted);

      g_assert_cmpstr (printed, ==, hostile_values[i]);
      g_assert_true (quoted[0] == '\'');
      g_assert_true (quoted[strlen (quoted) - 1] == '\'');
    }
}

static void
test_quote_form (void)
{
  g_autofree char *simple = inflow_shell_quote ("us-east-1");
  g_autofree char *apostrophe = inflow_shell_quote ("it's");
  g_autofree char *empty = inflow_shell_quote (NULL);

  g_assert_cmpstr (simple, ==, "'us-east-1'");
  g_assert_cmpstr (apostrophe, ==, "'it'\\''s'");
  g_assert_cmpstr (empty, ==, "''");
}

/* A placeholder becomes an expansion; everything around it stays quoted. */
static void
test_expansions (void)
{
  static const char * const placeholders[] = { "@@ x @@", NULL };
  static const char * const expansions[] = { "\"$x\"", NULL };
  static const struct
  {
    const char *text;
    const char *word;
    const char *printed;
  } cases[] = {
    { "a@@ x @@b", "'a'\"$x\"'b'", "a42b" },
    { "@@ x @@", "\"$x\"", "42" },
    { "@@ x @@@@ x @@", "\"$x\"\"$x\"", "4242" },
    { "it's @@ x @@ $(id)", "'it'\\''s '\"$x\"' $(id)'", "it's 42 $(id)" },
    { "no placeholder", "'no placeholder'", "no placeholder" },
    { "", "''", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);
      g_autofree char *code = NULL;
      g_autofree char *printed = NULL;

      inflow_shell_append_quoted_with_expansions (word, cases[i].text, placeholders, expansions);
      g_assert_cmpstr (word->str, ==, cases[i].word);

      code = g_strconcat ("x=42; printf %s ", word->str, NULL);
      printed = test_bash_output (code);
      g_assert_cmpstr (printed, ==, cases[i].printed);
    }
}

/* Comment lines cannot be left by a value with line breaks. */
static void
test_comment (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *diagnostics = NULL;

  inflow_shell_append_comment (out, "line one\nrm -rf /tmp/nothing\r$(touch pwned)\n\nlast");
  g_assert_cmpstr (out->str, ==, "# line one\n# rm -rf /tmp/nothing\n# $(touch pwned)\n#\n# last\n");
  g_string_append (out, "true\n");
  g_assert_true (test_bash_syntax_ok (out->str, &diagnostics));

  g_string_truncate (out, 0);
  inflow_shell_append_comment (out, "");
  g_assert_cmpstr (out->str, ==, "#\n");
}

static void
test_command_layout (void)
{
  g_autoptr(InflowShellCommand) command = inflow_shell_command_new ("aws iam get-role");
  g_autofree char *text = NULL;

  inflow_shell_command_add (command, "--role-name", "it's");
  inflow_shell_command_add_expansion (command, "--output", "\"$format\"");
  text = inflow_shell_command_free_to_string (g_steal_pointer (&command));
  g_assert_cmpstr (text, ==, "aws iam get-role \\\n  --role-name 'it'\\''s' \\\n  --output \"$format\"");
}

static void
test_hcl_quote (void)
{
  static const struct
  {
    const char *value;
    const char *quoted;
  } cases[] = {
    { "us-east-1", "\"us-east-1\"" },
    { "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { "back\\slash", "\"back\\\\slash\"" },
    { "${var.x}", "\"$${var.x}\"" },
    { "%{ if x }", "\"%%{ if x }\"" },
    { "$ and % alone", "\"$ and % alone\"" },
    { "two\nlines\ttab", "\"two\\nlines\\ttab\"" },
    { "bell\a", "\"bell\\u0007\"" },
    { "ünï", "\"ünï\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = inflow_hcl_quote (cases[i].value);

      g_assert_cmpstr (quoted, ==, cases[i].quoted);
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/shell-quote/round-trip", test_round_trip);
  g_test_add_func ("/onboarding/shell-quote/form", test_quote_form);
  g_test_add_func ("/onboarding/shell-quote/expansions", test_expansions);
  g_test_add_func ("/onboarding/shell-quote/comment", test_comment);
  g_test_add_func ("/onboarding/shell-quote/command-layout", test_command_layout);
  g_test_add_func ("/onboarding/shell-quote/hcl", test_hcl_quote);

  return inflow_test_run ();
}
