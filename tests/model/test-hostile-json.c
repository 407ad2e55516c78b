/* test-hostile-json.c: what a broken or hostile server can send the models
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Regression tests of the findings of the fuzz targets (tests/fuzz) and of
 * the hardening review: nesting deep enough to overflow JSON-GLib's
 * recursive parser, malformed JSON on which JSON-GLib 1.6 leaks, and lone
 * surrogate escapes, which it turns into strings that are not UTF-8.
 */

#include "config.h"

#include <string.h>

#include "inflow-aws-provider-info.h"
#include "inflow-json.h"
#include "inflow-team.h"
#include "inflow-test-utils.h"
#include "inflow-user.h"

/* About 75,000 levels overflow the 8 MiB stack in JSON-GLib 1.6.6 */
#define DEEP 200000

static char *
repeat (const char *open,
        guint       times,
        const char *middle,
        const char *close)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, open);
  g_string_append (text, middle);
  for (guint i = 0; i < times; i++)
    g_string_append (text, close);

  return g_string_free (text, FALSE);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_depth_limit (void)
{
  g_autofree char *at_limit = repeat ("[", INFLOW_JSON_MAX_DEPTH, "1", "]");
  g_autofree char *over = repeat ("{\"a\":", INFLOW_JSON_MAX_DEPTH + 1, "1", "}");
  g_autofree char *deep = repeat ("[", DEEP, "", "");
  g_autofree char *closers_in_strings = repeat ("[\"]\",", 1000, "", "");
  g_autoptr(GError) error = NULL;

  g_assert_true (inflow_json_check (at_limit, -1, &error));
  g_assert_no_error (error);

  /* JSON-GLib parses what passes */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, at_limit, -1, &error));
    g_assert_no_error (error);
  }

  g_assert_false (inflow_json_check (over, -1, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "the JSON is nested more than 512 levels deep");
  g_clear_error (&error);

  g_assert_false (inflow_json_check (deep, -1, &error));
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "the JSON is nested more than 512 levels deep");
  g_clear_error (&error);

  /* Closing brackets inside strings do not undo real nesting */
  g_assert_false (inflow_json_check (closers_in_strings, -1, &error));
  g_assert_cmpstr (error->message, ==, "the JSON is nested more than 512 levels deep");
}

/* JSON-GLib 1.6 leaks what it built when it fails, accepts more than JSON
 * and mangles lone surrogates: it only ever gets RFC 8259 JSON. */
static void
test_strict_syntax (void)
{
  static const struct
  {
    const char *json;
    gssize      length;
    const char *error;   /* NULL: well-formed */
  } cases[] = {
    { " {\"a\": [1, -0.5e+3, true, false, null, \"\\u00e9\\ud83d\\ude00\\/\"]}\n", -1, NULL },
    { "[1]garbage", 3, NULL },
    { "\"text\"", -1, NULL },
    { "[\"[{[{ }]\"]", -1, NULL },
    { "[\"\\\"[[[\"]", -1, NULL },
    /* What fuzz-models, fuzz-api-error and fuzz-smart-paste found leaking
     * in JSON-GLib (the leak-*.bin inputs of corpus/models, api-error, smart-paste) */
    { "{}{}", -1, "the JSON is not well-formed at byte 2: more data after the end of the document" },
    { "{\"\x07resr:\"[]}", -1, "the JSON is not well-formed at byte 2: a control character in a string" },
    { "{\"token\":\"usr_\\-u00e9\"}", -1, "the JSON is not well-formed at byte 14: an invalid escape in a string" },
    /* Lone surrogates */
    { "[\"\\udc00-\"]", -1, "the JSON is not well-formed at byte 2: a \\u escape of half a surrogate pair" },
    { "[\"\\ud83d\"]", -1, "the JSON is not well-formed at byte 2: a \\u escape of half a surrogate pair" },
    { "[\"\\ud83d\\u0041\"]", -1, "the JSON is not well-formed at byte 2: a \\u escape of half a surrogate pair" },
    { "[\"\\u12\"]", -1, "the JSON is not well-formed at byte 2: a \\u escape without 4 hex digits" },
    /* What JSON-GLib accepts but JSON is not */
    { "['a']", -1, "the JSON is not well-formed at byte 1: an unexpected character where a value should be" },
    { "[/* c */ 1]", -1, "the JSON is not well-formed at byte 1: an unexpected character where a value should be" },
    { "[01]", -1, "the JSON is not well-formed at byte 2: an unexpected character after a value" },
    { "[1.]", -1, "the JSON is not well-formed at byte 1: a malformed number" },
    { "[1,]", -1, "the JSON is not well-formed at byte 3: an unexpected character where a value should be" },
    { "{\"a\" 1}", -1, "the JSON is not well-formed at byte 5: no “:” after a member name" },
    { "{1: 2}", -1, "the JSON is not well-formed at byte 1: an unexpected character where a member name should be" },
    { "[tru]", -1, "the JSON is not well-formed at byte 1: an unexpected character where a value should be" },
    { "[1}", -1, "the JSON is not well-formed at byte 2: an unexpected character after a value" },
    { "]", -1, "the JSON is not well-formed at byte 0: an unexpected character where a value should be" },
    { "[\"abc", -1, "the JSON is not well-formed at byte 1: a string without its closing quote" },
    { "[1", -1, "the JSON is not well-formed at byte 2: the document ends early" },
    { "  ", -1, "the JSON is not well-formed at byte 2: the document ends early" },
    { "[1]\0[", 5, "the JSON is not well-formed at byte 3: a nul byte" },
    { "[\"\xff\"]", -1, "the JSON is not well-formed at byte 2: bytes that are not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].json);
      ok = inflow_json_check (cases[i].json, cases[i].length, &error);
      if (cases[i].error == NULL)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();

          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_true (json_parser_load_from_data (parser, cases[i].json, cases[i].length, NULL));
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE);
          g_assert_cmpstr (error->message, ==, cases[i].error);
        }
    }

  g_assert_true (inflow_json_check (NULL, 0, NULL) == FALSE);
}

/* A policy is JSON in a string: 200,000 "[" in it crashed the app in
 * json_from_string() before the depth check. */
static void
test_deep_policy (void)
{
  g_autofree char *deep = repeat ("[", DEEP, "", "");
  g_autofree char *json = g_strdup_printf ("{\"external_id\": \"x\", \"policies\": {\"root\": \"%s\","
                                           " \"autopilot\": \"{}\", \"cloudwatch\": \"{}\", \"resources\": \"{}\"}}",
                                           deep);
  g_autoptr(JsonObject) object = parse_object (json);
  g_autoptr(InflowAwsProviderInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = inflow_aws_provider_info_new_from_json (object, &error);
  g_assert_null (info);
  g_assert_error (error, INFLOW_JSON_ERROR, INFLOW_JSON_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "policy “root” is not valid JSON: the JSON is nested more than 512 levels deep");
}

/* fuzz-models found it (corpus/models/crash-lone-surrogate-in-string.bin):
 * JSON-GLib 1.6 decodes a lone "\udc00" into the bytes ED B0 80, which are
 * not UTF-8 (and drops the character after it); the readers put U+FFFD in
 * place of each broken byte. */
#define FFFD "\xef\xbf\xbd"

static void
test_lone_surrogate (void)
{
  g_autoptr(JsonObject) user_json =
    parse_object ("{\"token\": \"usr_\\udc00-\", \"name\": null, \"email\": \"\\udfff-@x\","
                  " \"role\": \"owner\"}");
  g_autoptr(JsonObject) team_json =
    parse_object ("{\"token\": \"team_1\", \"name\": \"T\\udc00-\", \"description\": null,"
                  " \"workspace_tokens\": [\"wrkspc_\\udc00-\"], \"user_tokens\": [],"
                  " \"default_dashboard_token\": null}");
  g_autoptr(InflowUser) user = NULL;
  g_autoptr(InflowTeam) team = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* What JSON-GLib itself hands over */
  g_assert_false (g_utf8_validate (json_object_get_string_member (user_json, "token"), -1, NULL));

  user = inflow_user_new_from_json (user_json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_user_get_token (user), ==, "usr_" FFFD FFFD FFFD);
  g_assert_cmpstr (inflow_user_get_email (user), ==, FFFD FFFD FFFD "@x");

  team = inflow_team_new_from_json (team_json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inflow_team_get_name (team), ==, "T" FFFD FFFD FFFD);
  g_assert_cmpstr (inflow_team_get_workspace_tokens (team)[0], ==, "wrkspc_" FFFD FFFD FFFD);

  g_assert_true (inflow_json_read_string (user_json, "email", INFLOW_JSON_REQUIRED, &text, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/model/hostile/depth-limit", test_depth_limit);
  g_test_add_func ("/model/hostile/strict-syntax", test_strict_syntax);
  g_test_add_func ("/model/hostile/deep-policy", test_deep_policy);
  g_test_add_func ("/model/hostile/lone-surrogate", test_lone_surrogate);

  return inflow_test_run ();
}
