/* ui-window.h: resizing a shown window in the widget tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean ui_resize_window_until (GtkWindow  *window,
                                 int         width,
                                 int         height,
                                 gboolean  (*check) (gpointer data),
                                 gpointer    data);

G_END_DECLS
