/* inflow-search.h: text as the search boxes compare it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *inflow_search_fold   (const char  *text);
gboolean  inflow_search_refold (char       **folded,
                                const char  *text,
                                char       **previous);

G_END_DECLS
