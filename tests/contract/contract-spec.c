/* contract-spec.c: reading the official Swagger 2.0 specs in the contract test
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prism validates the traffic; this file only does what Prism cannot:
 *
 *  - contract_spec_drop_no_content_bodies(): the v2 spec gives most of its
 *    `204 No Content` responses the schema of an object (DELETE
 *    /integrations/{integration_token} "returns" an Integration), which no
 *    HTTP response can carry: a 204 ends with its headers (RFC 9110
 *    §15.3.5). Read literally, Prism turns every correct empty 204 into a
 *    500. The test hands Prism a copy of the spec without those schemas and
 *    nothing else changed.
 *  - contract_spec_declares_status() and contract_spec_validate(): the spec
 *    declares neither 401 (it has no 401 anywhere) nor a 422 on POST
 *    /v1/integrations/aws, so Prism cannot check those bodies and only warns
 *    that the status is undeclared. The test checks them against the spec's
 *    own `Errors` definition with this small Swagger schema checker ($ref,
 *    type, x-nullable, required, properties, items).
 */

#include "config.h"

#include <string.h>

#include "contract-spec.h"

JsonNode *
contract_spec_load (const char  *path,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "paths")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a Swagger document with paths", path);
      return NULL;
    }

  /* A mutable copy: the no-content fix edits it */
  return json_node_copy (root);
}

gboolean
contract_spec_save (JsonNode    *spec,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, spec);
  return json_generator_to_file (generator, path, error);
}

/* Removes the body schema of every 204 response; returns how many it removed. */
guint
contract_spec_drop_no_content_bodies (JsonNode *spec)
{
  JsonObject *paths = json_object_get_object_member (json_node_get_object (spec), "paths");
  JsonObjectIter path_iter;
  JsonNode *path_node;
  guint n_dropped = 0;

  json_object_iter_init (&path_iter, paths);
  while (json_object_iter_next (&path_iter, NULL, &path_node))
    {
      JsonObjectIter op_iter;
      JsonNode *op_node;

      if (!JSON_NODE_HOLDS_OBJECT (path_node))
        continue;

      json_object_iter_init (&op_iter, json_node_get_object (path_node));
      while (json_object_iter_next (&op_iter, NULL, &op_node))
        {
          JsonObject *responses;
          JsonObject *no_content;

          if (!JSON_NODE_HOLDS_OBJECT (op_node))
            continue;
          responses = json_object_get_object_member (json_node_get_object (op_node), "responses");
          if (responses == NULL || !json_object_has_member (responses, "204"))
            continue;
          no_content = json_object_get_object_member (responses, "204");
          if (no_content != NULL && json_object_has_member (no_content, "schema"))
            {
              json_object_remove_member (no_content, "schema");
              n_dropped++;
            }
        }
    }

  return n_dropped;
}

static JsonObject *
find_operation (JsonNode   *spec,
                const char *method,
                const char *path_template)
{
  JsonObject *paths = json_object_get_object_member (json_node_get_object (spec), "paths");
  g_autofree char *lower = g_ascii_strdown (method, -1);
  JsonObject *path_item;

  if (!json_object_has_member (paths, path_template))
    return NULL;
  path_item = json_object_get_object_member (paths, path_template);
  if (path_item == NULL || !json_object_has_member (path_item, lower))
    return NULL;

  return json_object_get_object_member (path_item, lower);
}

/* Whether the operation lists @status (or a "default") among its responses. */
gboolean
contract_spec_declares_status (JsonNode   *spec,
                               const char *method,
                               const char *path_template,
                               guint       status)
{
  JsonObject *operation = find_operation (spec, method, path_template);
  JsonObject *responses;
  char code[8];

  g_return_val_if_fail (operation != NULL, FALSE);

  responses = json_object_get_object_member (operation, "responses");
  g_snprintf (code, sizeof code, "%u", status);

  return responses != NULL &&
         (json_object_has_member (responses, code) || json_object_has_member (responses, "default"));
}

static JsonObject *
resolve (JsonNode   *spec,
         JsonObject *schema,
         GString    *problems)
{
  guint depth = 0;

  while (schema != NULL && json_object_has_member (schema, "$ref"))
    {
      const char *ref = json_object_get_string_member (schema, "$ref");
      JsonObject *definitions = json_object_get_object_member (json_node_get_object (spec), "definitions");

      if (ref == NULL || !g_str_has_prefix (ref, "#/definitions/") || definitions == NULL ||
          !json_object_has_member (definitions, ref + strlen ("#/definitions/")) || ++depth > 32)
        {
          g_string_append_printf (problems, "unresolvable $ref %s; ", ref != NULL ? ref : "(none)");
          return NULL;
        }
      schema = json_object_get_object_member (definitions, ref + strlen ("#/definitions/"));
    }

  return schema;
}

static gboolean
validate_node (JsonNode   *spec,
               JsonObject *schema,
               JsonNode   *value,
               const char *where,
               GString    *problems)
{
  const char *type;
  gboolean valid = TRUE;

  schema = resolve (spec, schema, problems);
  if (schema == NULL)
    return FALSE;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (json_object_has_member (schema, "x-nullable") &&
          json_object_get_boolean_member (schema, "x-nullable"))
        return TRUE;
      g_string_append_printf (problems, "%s is null but not x-nullable; ", where);
      return FALSE;
    }

  type = json_object_has_member (schema, "type") ? json_object_get_string_member (schema, "type") : NULL;
  if (type == NULL)
    return TRUE;

  if (g_str_equal (type, "object"))
    {
      JsonArray *required;
      JsonObject *properties;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (value))
        {
          g_string_append_printf (problems, "%s is not an object; ", where);
          return FALSE;
        }
      object = json_node_get_object (value);

      required = json_object_has_member (schema, "required")
                 ? json_object_get_array_member (schema, "required") : NULL;
      for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
        {
          const char *name = json_array_get_string_element (required, i);

          if (!json_object_has_member (object, name))
            {
              g_string_append_printf (problems, "%s lacks the required member %s; ", where, name);
              valid = FALSE;
            }
        }

      properties = json_object_has_member (schema, "properties")
                   ? json_object_get_object_member (schema, "properties") : NULL;
      if (properties != NULL)
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;

          json_object_iter_init (&iter, object);
          while (json_object_iter_next (&iter, &name, &member))
            {
              g_autofree char *child = NULL;

              if (!json_object_has_member (properties, name))
                continue;
              child = g_strdup_printf ("%s.%s", where, name);
              valid &= validate_node (spec, json_object_get_object_member (properties, name),
                                      member, child, problems);
            }
        }
    }
  else if (g_str_equal (type, "array"))
    {
      JsonObject *items = json_object_has_member (schema, "items")
                          ? json_object_get_object_member (schema, "items") : NULL;
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (value))
        {
          g_string_append_printf (problems, "%s is not an array; ", where);
          return FALSE;
        }
      array = json_node_get_array (value);
      for (guint i = 0; items != NULL && i < json_array_get_length (array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", where, i);

          valid &= validate_node (spec, items, json_array_get_element (array, i), child, problems);
        }
    }
  else
    {
      GType value_type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;
      gboolean matches;

      if (g_str_equal (type, "string"))
        matches = value_type == G_TYPE_STRING;
      else if (g_str_equal (type, "integer"))
        matches = value_type == G_TYPE_INT64;
      else if (g_str_equal (type, "number"))
        matches = value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
      else if (g_str_equal (type, "boolean"))
        matches = value_type == G_TYPE_BOOLEAN;
      else
        matches = TRUE;

      if (!matches)
        {
          g_string_append_printf (problems, "%s is not of type %s; ", where, type);
          valid = FALSE;
        }
    }

  return valid;
}

/* Checks @value against `#/definitions/<definition>`; appends what is wrong
 * to @problems. */
gboolean
contract_spec_validate (JsonNode   *spec,
                        const char *definition,
                        JsonNode   *value,
                        GString    *problems)
{
  g_autofree char *ref = g_strconcat ("#/definitions/", definition, NULL);
  g_autoptr(JsonObject) schema = json_object_new ();

  json_object_set_string_member (schema, "$ref", ref);
  return validate_node (spec, schema, value, "body", problems);
}
