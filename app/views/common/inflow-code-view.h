/* inflow-code-view.h: a read-only block of code or a document, with Copy and Save
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define INFLOW_TYPE_CODE_VIEW (inflow_code_view_get_type ())

G_DECLARE_FINAL_TYPE (InflowCodeView, inflow_code_view, INFLOW, CODE_VIEW, GtkWidget)

GtkWidget  *inflow_code_view_new           (const char     *title,
                                            const char     *text);
const char *inflow_code_view_get_title     (InflowCodeView *self);
void        inflow_code_view_set_title     (InflowCodeView *self,
                                            const char     *title);
const char *inflow_code_view_get_text      (InflowCodeView *self);
void        inflow_code_view_set_text      (InflowCodeView *self,
                                            const char     *text);
const char *inflow_code_view_get_file_name (InflowCodeView *self);
void        inflow_code_view_set_file_name (InflowCodeView *self,
                                            const char     *file_name);
gboolean    inflow_code_view_get_monospace (InflowCodeView *self);
void        inflow_code_view_set_monospace (InflowCodeView *self,
                                            gboolean        monospace);

void        inflow_code_view_bind_list     (GtkListBox     *list,
                                            GListModel     *documents);

G_END_DECLS
