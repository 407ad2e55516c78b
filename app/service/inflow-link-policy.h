/* inflow-link-policy.h: which links Inflow opens
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean inflow_link_is_allowed       (const char *uri);
gboolean inflow_link_is_support_mail  (const char *uri);

G_END_DECLS
