/* inflow-json.c: type-checked reading of the API's JSON
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-json"

#include "config.h"

#include "inflow-json.h"

G_DEFINE_QUARK (inflow-json-error-quark, inflow_json_error)
