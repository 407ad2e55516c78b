/* inflow-json.h: type-checked reading of the API's JSON
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_JSON_ERROR (inflow_json_error_quark ())

typedef enum
{
  INFLOW_JSON_ERROR_MISSING_MEMBER,
  INFLOW_JSON_ERROR_WRONG_TYPE,
  INFLOW_JSON_ERROR_INVALID_VALUE,
} InflowJsonError;

GQuark inflow_json_error_quark (void);

G_END_DECLS
