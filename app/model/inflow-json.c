/* inflow-json.c: type-checked reading of the API's JSON
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include "inflow-json.h"

G_DEFINE_QUARK (inflow-json-error-quark, inflow_json_error)

/**
 * inflow_json_parse_timestamp:
 * @text: a timestamp as the API sends it
 *
 * Parses an ISO 8601 timestamp ("2023-08-04T00:00:00Z"; UTC when it names
 * no offset) or a date alone, with or without an offset ("2024-01-01",
 * "2023-09-05+00:00", as `/costs` sends `accrued_at`), which means the
 * start of that day.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if @text is not
 *   one of these forms
 */
GDateTime *
inflow_json_parse_timestamp (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *with_time = NULL;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  if (len == 10 || (len > 10 && strchr ("+-Zz", text[10]) != NULL))
    text = with_time = g_strdup_printf ("%.10sT00:00:00%s", text, len == 10 ? "Z" : text + 10);

  return g_date_time_new_from_iso8601 (text, utc);
}

/**
 * inflow_json_describe_node:
 * @node: a JSON node
 *
 * Returns: what @node holds, for error messages: "a string", "null", …
 */
const char *
inflow_json_describe_node (JsonNode *node)
{
  GType value_type;

  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";

    case JSON_NODE_ARRAY:
      return "an array";

    case JSON_NODE_NULL:
      return "null";

    case JSON_NODE_VALUE:
    default:
      break;
    }

  value_type = json_node_get_value_type (node);
  if (value_type == G_TYPE_STRING)
    return "a string";
  if (value_type == G_TYPE_BOOLEAN)
    return "a boolean";

  return "a number";
}

/* The grammar of RFC 8259, without recursion: a stack of the containers
 * open, as deep as INFLOW_JSON_MAX_DEPTH. */
typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,     /* after "[" */
  EXPECT_KEY_OR_CLOSE,       /* after "{" */
  EXPECT_KEY,                /* after "," in an object */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} CheckState;

static gboolean
check_failed (GError     **error,
              gsize        offset,
              const char  *what)
{
  g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE,
               "the JSON is not well-formed at byte %" G_GSIZE_FORMAT ": %s", offset, what);
  return FALSE;
}

static int
hex_value (char c)
{
  return g_ascii_xdigit_value (c);
}

/* Reads the 4 hex digits of a \u escape at data[i]; -1 if there are none */
static int
read_hex4 (const char *data,
           gsize       size,
           gsize       i)
{
  int value = 0;

  if (i + 4 > size)
    return -1;

  for (gsize j = i; j < i + 4; j++)
    {
      int digit = hex_value (data[j]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* data[*i] is the opening quote; on success *i is the closing one. */
static gboolean
check_string (const char  *data,
              gsize        size,
              gsize       *i,
              GError     **error)
{
  gsize start = *i;

  for (gsize p = start + 1; p < size; p++)
    {
      guchar c = data[p];
      int unit, low;

      if (c == '"')
        {
          *i = p;
          return TRUE;
        }

      if (c < 0x20)
        return check_failed (error, p, "a control character in a string");

      if (c != '\\')
        continue;

      if (++p >= size)
        break;

      switch (data[p])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          break;

        case 'u':
          unit = read_hex4 (data, size, p + 1);
          if (unit < 0)
            return check_failed (error, p - 1, "a \\u escape without 4 hex digits");
          p += 4;

          /* JSON-GLib 1.6 fails on a high surrogate alone, and on a low one
           * alone swallows the next character (even the closing quote). */
          if (unit >= 0xDC00 && unit <= 0xDFFF)
            return check_failed (error, p - 5, "a \\u escape of half a surrogate pair");
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              low = p + 2 < size && data[p + 1] == '\\' && data[p + 2] == 'u' ? read_hex4 (data, size, p + 3) : -1;
              if (low < 0xDC00 || low > 0xDFFF)
                return check_failed (error, p - 5, "a \\u escape of half a surrogate pair");
              p += 6;
            }
          break;

        default:
          return check_failed (error, p - 1, "an invalid escape in a string");
        }
    }

  return check_failed (error, start, "a string without its closing quote");
}

/* data[*i] starts a number; on success *i is its last character. */
static gboolean
check_number (const char  *data,
              gsize        size,
              gsize       *i,
              GError     **error)
{
  gsize p = *i;

  if (data[p] == '-')
    p++;

  if (p < size && data[p] == '0')
    p++;
  else if (p < size && data[p] >= '1' && data[p] <= '9')
    while (p < size && g_ascii_isdigit (data[p]))
      p++;
  else
    return check_failed (error, *i, "a malformed number");

  if (p < size && data[p] == '.')
    {
      if (++p >= size || !g_ascii_isdigit (data[p]))
        return check_failed (error, *i, "a malformed number");
      while (p < size && g_ascii_isdigit (data[p]))
        p++;
    }

  if (p < size && (data[p] == 'e' || data[p] == 'E'))
    {
      p++;
      if (p < size && (data[p] == '+' || data[p] == '-'))
        p++;
      if (p >= size || !g_ascii_isdigit (data[p]))
        return check_failed (error, *i, "a malformed number");
      while (p < size && g_ascii_isdigit (data[p]))
        p++;
    }

  *i = p - 1;
  return TRUE;
}

/**
 * inflow_json_check:
 * @data: JSON text, as it will be given to JSON-GLib
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for an %INFLOW_JSON_ERROR_INVALID_VALUE
 *
 * Checks text from outside (a response, an error body, a policy document, a
 * paste) before json_parser_load_from_data() or json_from_string() see it.
 * JSON-GLib 1.6 must only ever get well-formed JSON:
 *
 *  - it parses nested arrays and objects by recursion, without a limit:
 *    some 75,000 levels (150 KB of "[") overflow the stack and crash the
 *    app. At most %INFLOW_JSON_MAX_DEPTH levels pass;
 *  - it leaks the nodes it has built when it fails on malformed input;
 *  - it accepts more than JSON ('…' strings, comments, "01"), and a lone
 *    surrogate escape ("\udc00") makes it swallow the next character.
 *
 * So this is the grammar of RFC 8259, in UTF-8 without nul bytes, with
 * surrogate escapes in pairs (as RFC 7493, I-JSON, requires).
 *
 * Returns: %TRUE if JSON-GLib may parse @data
 */
gboolean
inflow_json_check (const char  *data,
                   gssize       length,
                   GError     **error)
{
  char open[INFLOW_JSON_MAX_DEPTH];
  CheckState state = EXPECT_VALUE;
  guint depth = 0;
  const char *end;
  gsize size;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  size = length < 0 ? strlen (data) : (gsize) length;
  if (!g_utf8_validate_len (data, size, &end))
    return check_failed (error, end - data, *end == '\0' ? "a nul byte" : "bytes that are not UTF-8");

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;

      switch (state)
        {
        case EXPECT_VALUE_OR_CLOSE:
        case EXPECT_VALUE:
          if (c == ']' && state == EXPECT_VALUE_OR_CLOSE)
            {
              depth--;
              break;
            }
          if (c == '[' || c == '{')
            {
              if (depth == INFLOW_JSON_MAX_DEPTH)
                {
                  g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE,
                               "the JSON is nested more than %u levels deep",
                               (guint) INFLOW_JSON_MAX_DEPTH);
                  return FALSE;
                }
              open[depth++] = c;
              state = c == '[' ? EXPECT_VALUE_OR_CLOSE : EXPECT_KEY_OR_CLOSE;
              continue;
            }
          if (c == '"')
            {
              if (!check_string (data, size, &i, error))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!check_number (data, size, &i, error))
                return FALSE;
            }
          else if (c == 't' && size - i >= 4 && memcmp (data + i, "true", 4) == 0)
            i += 3;
          else if (c == 'f' && size - i >= 5 && memcmp (data + i, "false", 5) == 0)
            i += 4;
          else if (c == 'n' && size - i >= 4 && memcmp (data + i, "null", 4) == 0)
            i += 3;
          else
            return check_failed (error, i, "an unexpected character where a value should be");
          break;

        case EXPECT_KEY_OR_CLOSE:
        case EXPECT_KEY:
          if (c == '}' && state == EXPECT_KEY_OR_CLOSE)
            {
              depth--;
              break;
            }
          if (c != '"')
            return check_failed (error, i, "an unexpected character where a member name should be");
          if (!check_string (data, size, &i, error))
            return FALSE;
          state = EXPECT_COLON;
          continue;

        case EXPECT_COLON:
          if (c != ':')
            return check_failed (error, i, "no “:” after a member name");
          state = EXPECT_VALUE;
          continue;

        case EXPECT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              state = open[depth - 1] == '[' ? EXPECT_VALUE : EXPECT_KEY;
              continue;
            }
          if (c != (open[depth - 1] == '[' ? ']' : '}'))
            return check_failed (error, i, "an unexpected character after a value");
          depth--;
          break;

        case EXPECT_END:
        default:
          return check_failed (error, i, "more data after the end of the document");
        }

      /* A value, or a container, ended */
      state = depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
    }

  if (state != EXPECT_END)
    return check_failed (error, size, "the document ends early");

  return TRUE;
}

static gboolean
set_wrong_type (GError     **error,
                const char  *member,
                const char  *expected,
                JsonNode    *node)
{
  g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE,
               "member “%s” should be %s but is %s",
               member, expected, inflow_json_describe_node (node));
  return FALSE;
}

/* Finds @member and checks that it holds @node_type (and, for values,
 * @value_type). *out is NULL when @flags let it be missing or null and it
 * is. */
static gboolean
lookup_member (JsonObject       *object,
               const char       *member,
               InflowJsonFlags   flags,
               JsonNodeType      node_type,
               GType             value_type,
               const char       *expected,
               JsonNode        **out,
               GError          **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out = NULL;
  node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (flags & INFLOW_JSON_REQUIRED)
        {
          g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_MISSING_MEMBER,
                       "required member “%s” is missing", member);
          return FALSE;
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_NULL (node) && (flags & INFLOW_JSON_NULLABLE))
    return TRUE;

  if (json_node_get_node_type (node) != node_type ||
      (node_type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    return set_wrong_type (error, member, expected, node);

  *out = node;
  return TRUE;
}

/* JSON-GLib 1.6 decodes a lone surrogate escape ("\udc00") into bytes that
 * are not UTF-8; such a string would break every label, log and query it
 * reaches. It reads with U+FFFD in place of what is broken. */
static char *
dup_string_value (JsonNode *node)
{
  const char *text = json_node_get_string (node);

  if (text == NULL)
    return NULL;

  if (G_UNLIKELY (!g_utf8_validate (text, -1, NULL)))
    return g_utf8_make_valid (text, -1);

  return g_strdup (text);
}

/**
 * inflow_json_read_string:
 * @object: the object to read
 * @member: the member's name
 * @flags: whether it may be missing or null
 * @out: (out) (transfer full) (nullable): the string, %NULL if missing or null
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * Reads a string member, always valid UTF-8. Like every
 * inflow_json_read_*() function, it writes @out only on success, and its
 * errors name the member.
 *
 * Returns: %TRUE on success
 */
gboolean
inflow_json_read_string (JsonObject       *object,
                         const char       *member,
                         InflowJsonFlags   flags,
                         char            **out,
                         GError          **error)
{
  JsonNode *node;

  if (!lookup_member (object, member, flags, JSON_NODE_VALUE, G_TYPE_STRING, "a string", &node, error))
    return FALSE;

  *out = node != NULL ? dup_string_value (node) : NULL;
  return TRUE;
}

/* Reads an integer member; a missing or null one reads as 0. */
gboolean
inflow_json_read_int64 (JsonObject       *object,
                        const char       *member,
                        InflowJsonFlags   flags,
                        gint64           *out,
                        GError          **error)
{
  JsonNode *node;

  if (!lookup_member (object, member, flags, JSON_NODE_VALUE, G_TYPE_INT64, "an integer", &node, error))
    return FALSE;

  *out = node != NULL ? json_node_get_int (node) : 0;
  return TRUE;
}

/* Reads a boolean member; a missing or null one reads as FALSE. */
gboolean
inflow_json_read_boolean (JsonObject       *object,
                          const char       *member,
                          InflowJsonFlags   flags,
                          gboolean         *out,
                          GError          **error)
{
  JsonNode *node;

  if (!lookup_member (object, member, flags, JSON_NODE_VALUE, G_TYPE_BOOLEAN, "a boolean", &node, error))
    return FALSE;

  *out = node != NULL && json_node_get_boolean (node);
  return TRUE;
}

/* Reads an array of strings; *out is NULL if it is missing or null. */
gboolean
inflow_json_read_strv (JsonObject       *object,
                       const char       *member,
                       InflowJsonFlags   flags,
                       GStrv            *out,
                       GError          **error)
{
  g_auto(GStrv) strv = NULL;
  JsonArray *array;
  JsonNode *node;
  guint n_items;

  if (!lookup_member (object, member, flags, JSON_NODE_ARRAY, G_TYPE_INVALID, "an array", &node, error))
    return FALSE;

  if (node == NULL)
    {
      *out = NULL;
      return TRUE;
    }

  array = json_node_get_array (node);
  n_items = json_array_get_length (array);
  strv = g_new0 (char *, n_items + 1);
  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE,
                       "member “%s” should hold strings but item %u is %s",
                       member, i, inflow_json_describe_node (item));
          return FALSE;
        }
      strv[i] = dup_string_value (item);
    }

  *out = g_steal_pointer (&strv);
  return TRUE;
}

/* Reads a string in one of the forms inflow_json_parse_timestamp() takes. */
gboolean
inflow_json_read_timestamp (JsonObject       *object,
                            const char       *member,
                            InflowJsonFlags   flags,
                            GDateTime       **out,
                            GError          **error)
{
  g_autofree char *text = NULL;
  GDateTime *parsed = NULL;

  if (!inflow_json_read_string (object, member, flags, &text, error))
    return FALSE;

  if (text != NULL && (parsed = inflow_json_parse_timestamp (text)) == NULL)
    {
      g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE,
                   "member “%s” is not an ISO 8601 date or time: “%s”", member, text);
      return FALSE;
    }

  *out = parsed;
  return TRUE;
}

/**
 * inflow_json_read_decimal:
 * @value: (out): the amount as a double (for sorting), 0 if missing or null
 *
 * Reads a money amount, which the API sends as a decimal string ("4.25").
 * @out keeps the string exactly as sent.
 */
gboolean
inflow_json_read_decimal (JsonObject       *object,
                          const char       *member,
                          InflowJsonFlags   flags,
                          char            **out,
                          double           *value,
                          GError          **error)
{
  g_autofree char *text = NULL;
  double parsed = 0;
  char *end = NULL;

  if (!inflow_json_read_string (object, member, flags, &text, error))
    return FALSE;

  if (text != NULL)
    {
      if (text[0] != '\0' && text[strspn (text, "+-.0123456789eE")] == '\0')
        parsed = g_ascii_strtod (text, &end);

      if (end == NULL || *end != '\0' || !isfinite (parsed))
        {
          g_set_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE,
                       "member “%s” is not a decimal number: “%s”", member, text);
          return FALSE;
        }
    }

  *out = g_steal_pointer (&text);
  *value = parsed;
  return TRUE;
}

/* Reads a nested object; *out gets a new reference, or NULL. */
gboolean
inflow_json_read_object (JsonObject       *object,
                         const char       *member,
                         InflowJsonFlags   flags,
                         JsonObject      **out,
                         GError          **error)
{
  JsonNode *node;

  if (!lookup_member (object, member, flags, JSON_NODE_OBJECT, G_TYPE_INVALID, "an object", &node, error))
    return FALSE;

  *out = node != NULL ? json_object_ref (json_node_get_object (node)) : NULL;
  return TRUE;
}

/**
 * inflow_json_parse_list:
 * @root: a list response, such as `{"links": …, "workspaces": […]}`
 * @array_member: the member holding the items
 * @constructor: the items' _new_from_json() function
 * @into: the store to append the parsed items to
 * @n_invalid: (out) (optional): how many items failed to parse
 * @error: return location for an #INFLOW_JSON_ERROR
 *
 * Parses every item of @array_member and appends the good ones to @into.
 * An item that fails to parse is counted in @n_invalid and logged with
 * g_debug(); only a missing or mistyped array is an error.
 *
 * Returns: %TRUE unless the array itself is missing or not an array
 */
gboolean
inflow_json_parse_list (JsonObject           *root,
                        const char           *array_member,
                        InflowModelFromJson   constructor,
                        GListStore           *into,
                        guint                *n_invalid,
                        GError              **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  JsonNode *node;
  guint n_items;

  g_return_val_if_fail (constructor != NULL, FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (into), FALSE);

  if (!lookup_member (root, array_member, INFLOW_JSON_REQUIRED, JSON_NODE_ARRAY, G_TYPE_INVALID, "an array", &node, error))
    return FALSE;

  array = json_node_get_array (node);
  n_items = json_array_get_length (array);
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      gpointer model = NULL;

      if (JSON_NODE_HOLDS_OBJECT (item))
        model = constructor (json_node_get_object (item), &local_error);
      else
        local_error = g_error_new (INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_WRONG_TYPE,
                                   "item should be an object but is %s",
                                   inflow_json_describe_node (item));

      if (model != NULL)
        g_ptr_array_add (items, model);
      else
        g_debug ("Skipping item %u of “%s”: %s", i, array_member, local_error->message);
    }

  g_list_store_splice (into, g_list_model_get_n_items (G_LIST_MODEL (into)), 0,
                       items->pdata, items->len);
  if (n_invalid != NULL)
    *n_invalid = n_items - items->len;

  return TRUE;
}

/**
 * inflow_json_read_links_next:
 * @root: a list response
 * @next: (out) (transfer full) (nullable): the URL of the next page, or
 *   %NULL when `links` or `links.next` is missing or null
 *
 * Returns: %TRUE unless `links` or `links.next` has a wrong type
 */
gboolean
inflow_json_read_links_next (JsonObject  *root,
                             char       **next,
                             GError     **error)
{
  g_autoptr(JsonObject) links = NULL;

  if (!inflow_json_read_object (root, "links", INFLOW_JSON_NULLABLE, &links, error))
    return FALSE;

  if (links == NULL)
    {
      *next = NULL;
      return TRUE;
    }

  if (!inflow_json_read_string (links, "next", INFLOW_JSON_NULLABLE, next, error))
    {
      g_prefix_error (error, "in “links”: ");
      return FALSE;
    }

  return TRUE;
}

/* Writing */

/**
 * inflow_json_format_timestamp:
 * @time: a time
 *
 * Formats @time as the API sends timestamps: ISO 8601 in UTC with a "Z",
 * with the fraction of a second only when there is one. What
 * inflow_json_parse_timestamp() reads back as the same instant.
 *
 * Returns: (transfer full): the timestamp text
 */
char *
inflow_json_format_timestamp (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *seconds = NULL;
  int usec;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  usec = g_date_time_get_microsecond (utc);

  if (usec == 0)
    return g_strconcat (seconds, "Z", NULL);

  return g_strdup_printf ("%s.%06dZ", seconds, usec);
}

/* Adds "member": "value", or "member": null when @value is NULL. */
void
inflow_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (member != NULL);

  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Adds "member": "<timestamp>", or "member": null when @value is NULL. */
void
inflow_json_add_timestamp (JsonBuilder *builder,
                           const char  *member,
                           GDateTime   *value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (member != NULL);

  if (value != NULL)
    text = inflow_json_format_timestamp (value);

  inflow_json_add_string (builder, member, text);
}

/* Adds "member": ["…", …]; a NULL @value is an empty array. */
void
inflow_json_add_strv (JsonBuilder        *builder,
                      const char         *member,
                      const char * const *value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (member != NULL);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    json_builder_add_string_value (builder, value[i]);
  json_builder_end_array (builder);
}
