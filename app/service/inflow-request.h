/* inflow-request.h: one HTTP exchange with the API, with its retries
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "inflow-client.h"

G_BEGIN_DECLS

void      inflow_request_send_async   (InflowClient         *client,
                                       const char           *method,
                                       GUri                 *uri,
                                       GBytes               *body,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GBytes   *inflow_request_send_finish  (InflowClient         *client,
                                       GAsyncResult         *result,
                                       guint                *status,
                                       GError              **error);

gboolean  inflow_request_parse_retry_after (const char      *value,
                                            GDateTime       *server_now,
                                            gint64          *out_ms);

gboolean  inflow_uri_is_same_origin   (GUri                 *a,
                                       GUri                 *b);
char     *inflow_uri_describe_origin  (GUri                 *uri);

G_END_DECLS
