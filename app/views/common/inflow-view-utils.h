/* inflow-view-utils.h: links, the clipboard, files, toasts and search entries for the views
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"

G_BEGIN_DECLS

/* Replaces how links are launched (tests record them instead); NULL restores
 * the desktop's URI launcher. */
typedef void (*InflowUriHandler) (GtkWindow  *parent,
                                  const char *uri);

void      inflow_view_set_uri_handler  (InflowUriHandler  handler);

gboolean  inflow_view_uri_is_allowed   (const char       *uri);
gboolean  inflow_view_open_uri         (GtkWidget        *widget,
                                        const char       *uri);
void      inflow_view_copy_text        (GtkWidget        *widget,
                                        const char       *text,
                                        const char       *what);
void      inflow_view_save_text        (GtkWidget        *widget,
                                        const char       *title,
                                        const char       *file_name,
                                        const char       *text);
void      inflow_view_show_toast       (GtkWidget        *widget,
                                        const char       *message);
void      inflow_view_show_toast_full  (GtkWidget        *widget,
                                        const char       *message,
                                        guint             timeout);
void      inflow_view_set_error_style  (GtkWidget        *widget,
                                        gboolean          error);

/* For a GtkCustomLayout of an AdwBin: measures and allocates its child */
void      inflow_view_measure_bin_child  (GtkWidget       *widget,
                                          GtkOrientation   orientation,
                                          int              for_size,
                                          int             *minimum,
                                          int             *natural,
                                          int             *minimum_baseline,
                                          int             *natural_baseline);
void      inflow_view_allocate_bin_child (GtkWidget       *widget,
                                          int              width,
                                          int              height,
                                          int              baseline);

void      inflow_view_show_column      (GtkColumnViewColumn *column,
                                        gboolean          visible,
                                        int               width);

/* The name of the page a list view's stack shows for @state */
const char *inflow_view_list_state_name (InflowListState state);
void      inflow_view_focus_search     (GtkSearchEntry   *entry);
void      inflow_view_clear_search     (GtkSearchEntry   *entry);
void      inflow_view_tab_leaves_list  (GtkWidget        *list);

G_END_DECLS
