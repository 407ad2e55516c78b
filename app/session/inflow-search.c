/* inflow-search.c: text as the search boxes compare it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "inflow-search.h"

/**
 * inflow_search_fold:
 * @text: (nullable): what was typed, or what a search looks in
 *
 * Folds case and Unicode variants, so that a search made of folded keys
 * and a folded query, compared with strstr(), ignores both.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL for
 *   %NULL or ""
 */
char *
inflow_search_fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  /* For ASCII, normalizing and casefolding come down to lowercasing */
  if (g_str_is_ascii (text))
    return g_ascii_strdown (text, -1);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized, -1);
}

/**
 * inflow_search_refold:
 * @folded: (inout): a search as inflow_search_fold() gave it, or %NULL
 * @text: (nullable): what is typed now
 * @previous: (out) (optional) (transfer full) (nullable): the folding
 *   @folded held, when it changed
 *
 * Puts the folding of @text in @folded, unless it is the same (typing a
 * capital changes nothing).
 *
 * Returns: whether what the search matches may have changed
 */
gboolean
inflow_search_refold (char       **folded,
                      const char  *text,
                      char       **previous)
{
  g_autofree char *folding = inflow_search_fold (text);

  g_return_val_if_fail (folded != NULL, FALSE);

  if (g_strcmp0 (folding, *folded) == 0)
    return FALSE;

  if (previous != NULL)
    *previous = g_steal_pointer (folded);
  g_free (*folded);
  *folded = g_steal_pointer (&folding);

  return TRUE;
}
