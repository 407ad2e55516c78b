/* ui-window.h: resizing a shown window and reading its shortcuts in the widget tests
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
gboolean ui_has_shortcut        (GtkWidget       *widget,
                                 guint            keyval,
                                 GdkModifierType  modifiers,
                                 const char      *action_name);

G_END_DECLS
