/* inflow-client-private.h: what the service layer's units share of InflowClient
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "inflow-client.h"

G_BEGIN_DECLS

typedef struct
{
  guint  max_attempts;            /* GET: attempts on network errors and 5xx */
  guint  base_delay_ms;           /* first backoff delay, doubled each time */
  guint  max_rate_limit_retries;  /* 429s waited out per request */
  guint  max_rate_limit_wait_ms;  /* longest 429 wait; longer means fail now */
  gsize  max_response_size;       /* bytes */
  guint  max_redirects;
  guint  deadline_ms;             /* one request, all its tries and waits */
  guint  max_pages;               /* page requests of one list */
  guint  max_list_ms;             /* all the pages of one list */
} InflowClientPolicy;

SoupSession *_inflow_client_get_session      (InflowClient       *self);
GUri        *_inflow_client_get_base_uri     (InflowClient       *self);
const char  *_inflow_client_get_token        (InflowClient       *self);
void         _inflow_client_get_policy       (InflowClient       *self,
                                              InflowClientPolicy *policy);
void         _inflow_client_observe_response (InflowClient       *self,
                                              SoupMessage        *message);
char        *_inflow_client_redact           (InflowClient       *self,
                                              const char         *text);
GUri        *_inflow_client_build_uri        (InflowClient       *self,
                                              const char         *version,
                                              const char         *path,
                                              GString            *query);

G_END_DECLS
