/* inflow-call.h: one API operation: a request, its JSON, its model(s) and pages
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "inflow-json.h"

G_BEGIN_DECLS

void        inflow_call_object       (GTask               *task,
                                      const char          *method,
                                      GUri                *uri,
                                      GBytes              *body,
                                      InflowModelFromJson  parse);
void        inflow_call_list         (GTask               *task,
                                      GUri                *first_page,
                                      const char          *items_member,
                                      GType                item_type,
                                      InflowModelFromJson  parse,
                                      gboolean             forbidden_is_answer);
GListModel *inflow_call_list_finish  (GTask               *task,
                                      gboolean            *permitted,
                                      guint               *n_invalid,
                                      GError             **error);

GUri       *inflow_call_check_next_link (GUri             *page_uri,
                                         GUri             *base_uri,
                                         const char       *next,
                                         GHashTable       *seen,
                                         char            **next_key,
                                         GError          **error);

G_END_DECLS
