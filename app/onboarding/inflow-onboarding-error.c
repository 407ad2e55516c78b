/* inflow-onboarding-error.c: the error domain of the onboarding logic
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-onboarding-error.h"

/* Pasted text can be long or contain anything; messages quote at most this
 * many characters of it. */
#define MAX_QUOTED_CHARS 64

G_DEFINE_QUARK (inflow-onboarding-error-quark, inflow_onboarding_error)

static void
append_char (GString  *out,
             gunichar  c)
{
  if (g_unichar_iscntrl (c) || !g_unichar_isdefined (c) || c == 0x2028 || c == 0x2029)
    g_string_append_printf (out, "U+%04X", c);
  else
    g_string_append_unichar (out, c);
}

/**
 * inflow_onboarding_quote_value:
 * @value: (nullable): a value the user typed or pasted
 *
 * Returns: @value between typographic quotes, safe to put in a message: cut
 *   after 64 characters, invalid UTF-8 replaced, control characters (newline,
 *   tab, …) written as U+XXXX.
 */
char *
inflow_onboarding_quote_value (const char *value)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint count = 0;

  if (value == NULL)
    value = "";

  valid = g_utf8_make_valid (value, -1);
  out = g_string_new ("“");
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (count++ == MAX_QUOTED_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      append_char (out, g_utf8_get_char (p));
    }
  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}

/**
 * inflow_onboarding_describe_char:
 * @c: a character that made a value invalid
 *
 * Returns: the character between quotes, or "a space", or U+XXXX for a
 *   character that cannot be shown.
 */
char *
inflow_onboarding_describe_char (gunichar c)
{
  GString *out;

  if (c == ' ')
    return g_strdup (_("a space"));

  out = g_string_new ("“");
  append_char (out, c);
  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}
