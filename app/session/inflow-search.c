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
