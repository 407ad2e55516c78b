/* ui-window.h: what the widget tests do with windows and templates
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean   ui_resize_window_until  (GtkWindow        *window,
                                    int               width,
                                    int               height,
                                    gboolean        (*check) (gpointer data),
                                    gpointer          data);
gboolean   ui_has_shortcut         (GtkWidget        *widget,
                                    guint             keyval,
                                    GdkModifierType   modifiers,
                                    const char       *action_name);
GtkWidget *ui_template_child       (gpointer          widget,
                                    GType             type,
                                    const char       *name);
GtkWidget *ui_find_widget          (GtkWidget        *root,
                                    gboolean        (*match) (GtkWidget *widget,
                                                              gpointer   data),
                                    gpointer          data);
void       ui_destroy_and_finalize (GtkWindow        *window);
void       ui_destroy_all_windows  (void);

G_END_DECLS
