/* onboarding-test-support.c: fixtures, golden files and shell helpers of the onboarding tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "onboarding-test-support.h"

/* Small, realistic stand-ins for the documents Vantage serves. */
static const char * const policy_texts[INFLOW_N_VANTAGE_POLICIES] = {
  [INFLOW_VANTAGE_POLICY_ROOT] =
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
    "[\"ce:Get*\",\"organizations:List*\",\"tag:Get*\",\"sts:GetCallerIdentity\"],\"Resource\":\"*\"}]}",
  [INFLOW_VANTAGE_POLICY_AUTOPILOT] =
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
    "[\"savingsplans:CreateSavingsPlan\",\"savingsplans:Describe*\"],\"Resource\":\"*\"}]}",
  [INFLOW_VANTAGE_POLICY_CLOUDWATCH] =
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
    "[\"cloudwatch:GetMetricData\",\"cloudwatch:List*\"],\"Resource\":\"*\"}]}",
  [INFLOW_VANTAGE_POLICY_S3_REQUEST_METRICS] =
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
    "[\"s3:GetMetricsConfiguration\",\"s3:PutMetricsConfiguration\"],\"Resource\":\"*\"}]}",
  [INFLOW_VANTAGE_POLICY_RESOURCES] =
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
    "[\"ec2:Describe*\",\"rds:Describe*\",\"s3:GetBucketTagging\"],\"Resource\":\"*\"}]}",
};

InflowOnboardingInfo *
test_info_new (InflowAwsPartition partition)
{
  InflowOnboardingInfo *info;

  info = inflow_onboarding_info_new (TEST_EXTERNAL_ID,
                                     partition == INFLOW_AWS_PARTITION_AWS ? TEST_VANTAGE_ROLE : TEST_VANTAGE_GOV_ROLE);
  info->vantage_id = g_strdup ("0b7e1c2a-test");
  for (guint i = 0; i < INFLOW_N_VANTAGE_POLICIES; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (inflow_onboarding_info_set_policy_text (info, i, policy_texts[i], &error));
      g_assert_no_error (error);
    }

  return info;
}

InflowOnboardingChoices *
test_choices_new (InflowAccountKind  kind,
                  InflowAwsPartition partition)
{
  InflowOnboardingChoices *choices = inflow_onboarding_choices_new (kind, partition);

  choices->account_id = g_strdup (TEST_ACCOUNT_ID);
  if (kind == INFLOW_ACCOUNT_KIND_MANAGEMENT)
    {
      choices->bucket_name = g_strdup (TEST_BUCKET);
      choices->bucket_region = g_strdup ("us-east-1");
    }

  return choices;
}

JsonNode *
test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

static void
report_first_difference (const char *name,
                         const char *expected,
                         const char *actual)
{
  g_auto(GStrv) expected_lines = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) actual_lines = g_strsplit (actual, "\n", -1);
  g_autofree char *actual_dir = g_build_filename (g_get_tmp_dir (), "inflow-golden-actual", NULL);
  g_autofree char *actual_path = g_build_filename (actual_dir, name, NULL);

  for (guint i = 0; ; i++)
    {
      if (g_strcmp0 (expected_lines[i], actual_lines[i]) != 0)
        {
          g_test_message ("golden %s differs at line %u:\n  expected: %s\n  actual:   %s",
                          name, i + 1,
                          expected_lines[i] != NULL ? expected_lines[i] : "(end of file)",
                          actual_lines[i] != NULL ? actual_lines[i] : "(end of file)");
          break;
        }
      if (expected_lines[i] == NULL)
        break;
    }

  g_mkdir_with_parents (actual_dir, 0700);
  if (g_file_set_contents (actual_path, actual, -1, NULL))
    g_test_message ("the actual output is in %s; INFLOW_UPDATE_GOLDEN=1 rewrites the golden file", actual_path);
}

/* Compares @actual with tests/onboarding/golden/@name; with
 * INFLOW_UPDATE_GOLDEN=1 in the environment, rewrites the golden file. */
void
test_assert_golden (const char *name,
                    const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "onboarding", "golden", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (actual);

  if (g_strcmp0 (g_getenv ("INFLOW_UPDATE_GOLDEN"), "1") == 0)
    {
      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
      g_test_message ("rewrote golden file %s", path);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);

  if (!g_str_equal (expected, actual))
    {
      report_first_difference (name, expected, actual);
      g_test_fail_printf ("output differs from golden file %s", name);
    }
}

static char *
write_temp_file (const char *template,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp (template, &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* `bash -n` on @script: TRUE when bash finds no syntax error. */
gboolean
test_bash_syntax_ok (const char  *script,
                     char       **diagnostics)
{
  g_autofree char *path = write_temp_file ("inflow-script-XXXXXX.sh", script);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "bash", "-n", path, NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_unlink (path);

  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&err);

  return g_spawn_check_wait_status (status, NULL);
}

/* What `bash -c CODE` prints; the code must succeed. */
char *
test_bash_output (const char *code)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "bash", "-c", code, NULL };
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* What bash prints for `printf %s WORD`, WORD being shell code. */
char *
test_bash_printf (const char *word)
{
  g_autofree char *code = g_strconcat ("printf %s ", word, NULL);

  return test_bash_output (code);
}

/* The stand-in records its arguments NUL-separated, one file per call, and
 * answers the few calls whose output the scripts use. */
static const char fake_aws[] =
  "#!/bin/bash\n"
  "n=$(find \"$FAKE_AWS_DIR\" -name 'call-*' | wc -l)\n"
  "printf '%s\\0' \"$@\" > \"$FAKE_AWS_DIR/call-$(printf %04d \"$n\")\"\n"
  "case \"$1 $2\" in\n"
  "  'sts get-caller-identity') printf '%s\\n' \"$FAKE_AWS_ACCOUNT\" ;;\n"
  "  'iam create-role')\n"
  "    name='' path='/'\n"
  "    while [ $# -gt 0 ]; do\n"
  "      case \"$1\" in\n"
  "        --role-name) name=$2; shift ;;\n"
  "        --path) path=$2; shift ;;\n"
  "      esac\n"
  "      shift\n"
  "    done\n"
  "    printf 'arn:%s:iam::%s:role%s%s\\n' \"$FAKE_AWS_PARTITION\" \"$FAKE_AWS_ACCOUNT\" \"$path\" \"$name\" ;;\n"
  "  'organizations list-aws-service-access-for-organization') printf '0\\n' ;;\n"
  "esac\n"
  "exit 0\n";

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

GPtrArray *
test_run_with_fake_aws (const char *script,
                        int        *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("inflow-fake-aws-XXXXXX", &error);
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *calls = g_build_filename (dir, "calls", NULL);
  g_autofree char *aws = g_build_filename (bin, "aws", NULL);
  g_autofree char *script_path = g_build_filename (dir, "script.sh", NULL);
  g_autofree char *path_env = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GDir) listing = NULL;
  const char *argv[] = { "bash", script_path, NULL };
  const char *entry;
  int status = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (calls, 0700), ==, 0);
  g_file_set_contents (aws, fake_aws, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (aws, 0700), ==, 0);
  g_file_set_contents (script_path, script, -1, &error);
  g_assert_no_error (error);

  path_env = g_strconcat (bin, ":", g_getenv ("PATH"), NULL);
  env = g_environ_setenv (env, "PATH", path_env, TRUE);
  env = g_environ_setenv (env, "FAKE_AWS_DIR", calls, TRUE);
  env = g_environ_setenv (env, "FAKE_AWS_ACCOUNT", TEST_ACCOUNT_ID, TRUE);
  if (g_getenv ("FAKE_AWS_PARTITION") == NULL)
    env = g_environ_setenv (env, "FAKE_AWS_PARTITION", "aws", FALSE);

  g_spawn_sync (dir, (char **) argv, env, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("script failed: %s", err);
  if (exit_status != NULL)
    *exit_status = status;

  /* The script must not have created anything in its working folder. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      if (!g_str_equal (entry, "bin") && !g_str_equal (entry, "calls") && !g_str_equal (entry, "script.sh"))
        g_error ("the script created %s: a value was executed", entry);
    }
  g_clear_pointer (&listing, g_dir_close);

  listing = g_dir_open (calls, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *call_path = g_build_filename (calls, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      GPtrArray *args = g_ptr_array_new ();

      g_file_get_contents (call_path, &contents, &length, &error);
      g_assert_no_error (error);
      for (gsize start = 0; start < length;)
        {
          gsize end = start + strlen (contents + start);

          g_ptr_array_add (args, g_strndup (contents + start, end - start));
          start = end + 1;
        }
      g_ptr_array_add (args, NULL);
      g_ptr_array_add (result, g_ptr_array_free (args, FALSE));
      g_unlink (call_path);
    }

  g_rmdir (calls);
  g_unlink (aws);
  g_rmdir (bin);
  g_unlink (script_path);
  g_rmdir (dir);

  return g_steal_pointer (&result);
}

/* The value after @flag in a recorded call, or NULL. */
const char *
test_call_get_option (GStrv       call,
                      const char *flag)
{
  for (guint i = 0; call[i] != NULL; i++)
    {
      if (g_str_equal (call[i], flag))
        return call[i + 1];
    }

  return NULL;
}
