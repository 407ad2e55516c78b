/* inflow-view-utils.h: opening links, copying and saving text from the onboarding views
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
void      inflow_view_set_error_style  (GtkWidget        *widget,
                                        gboolean          error);

void      inflow_view_show_column      (GtkColumnViewColumn *column,
                                        gboolean          visible,
                                        int               width);

/* The name of the page a list view's stack shows for @state */
const char *inflow_view_list_state_name (InflowListState state);
void      inflow_view_focus_search     (GtkSearchEntry   *entry);
void      inflow_view_clear_search     (GtkSearchEntry   *entry);

G_END_DECLS
