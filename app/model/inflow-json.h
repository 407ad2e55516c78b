/* inflow-json.h: type-checked reading of the API's JSON
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define INFLOW_JSON_ERROR (inflow_json_error_quark ())

typedef enum
{
  INFLOW_JSON_ERROR_MISSING_MEMBER,
  INFLOW_JSON_ERROR_WRONG_TYPE,
  INFLOW_JSON_ERROR_INVALID_VALUE,
} InflowJsonError;

/* How a member may be absent. Without REQUIRED a missing member reads as
 * NULL (or 0/FALSE); without NULLABLE a JSON null is a WRONG_TYPE error. */
typedef enum
{
  INFLOW_JSON_OPTIONAL = 0,
  INFLOW_JSON_REQUIRED = 1 << 0,
  INFLOW_JSON_NULLABLE = 1 << 1,
} InflowJsonFlags;

/* The shape of every model's _new_from_json(); returns a new GObject. */
typedef gpointer (*InflowModelFromJson) (JsonObject  *object,
                                         GError     **error);

GQuark       inflow_json_error_quark      (void);

GDateTime   *inflow_json_parse_timestamp  (const char           *text);
const char  *inflow_json_describe_node    (JsonNode             *node);

/* The deepest nesting of arrays and objects Inflow lets JSON-GLib parse. */
#define INFLOW_JSON_MAX_DEPTH 512

gboolean     inflow_json_check            (const char           *data,
                                           gssize                length,
                                           GError              **error);

gboolean     inflow_json_read_string      (JsonObject           *object,
                                           const char           *member,
                                           InflowJsonFlags       flags,
                                           char                **out,
                                           GError              **error);
gboolean     inflow_json_read_int64       (JsonObject           *object,
                                           const char           *member,
                                           InflowJsonFlags       flags,
                                           gint64               *out,
                                           GError              **error);
gboolean     inflow_json_read_boolean     (JsonObject           *object,
                                           const char           *member,
                                           InflowJsonFlags       flags,
                                           gboolean             *out,
                                           GError              **error);
gboolean     inflow_json_read_strv        (JsonObject           *object,
                                           const char           *member,
                                           InflowJsonFlags       flags,
                                           GStrv                *out,
                                           GError              **error);
gboolean     inflow_json_read_timestamp   (JsonObject           *object,
                                           const char           *member,
                                           InflowJsonFlags       flags,
                                           GDateTime           **out,
                                           GError              **error);
gboolean     inflow_json_read_decimal     (JsonObject           *object,
                                           const char           *member,
                                           InflowJsonFlags       flags,
                                           char                **out,
                                           double               *value,
                                           GError              **error);
gboolean     inflow_json_read_object      (JsonObject           *object,
                                           const char           *member,
                                           InflowJsonFlags       flags,
                                           JsonObject          **out,
                                           GError              **error);

gboolean     inflow_json_parse_list       (JsonObject           *root,
                                           const char           *array_member,
                                           InflowModelFromJson   constructor,
                                           GListStore           *into,
                                           guint                *n_invalid,
                                           GError              **error);
gboolean     inflow_json_read_links_next  (JsonObject           *root,
                                           char                **next,
                                           GError              **error);

/* Writing: the inverse of the readers, for the models' _to_json(). */
char        *inflow_json_format_timestamp (GDateTime            *time);
void         inflow_json_add_string       (JsonBuilder          *builder,
                                           const char           *member,
                                           const char           *value);
void         inflow_json_add_timestamp    (JsonBuilder          *builder,
                                           const char           *member,
                                           GDateTime            *value);
void         inflow_json_add_strv         (JsonBuilder          *builder,
                                           const char           *member,
                                           const char * const   *value);

G_END_DECLS
