/* test-aws-arn.c: parsing and validation of ARNs, IDs and names
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-aws-arn.h"
#include "inflow-console-links.h"
#include "inflow-onboarding-error.h"
#include "inflow-test-utils.h"

typedef gboolean (*Validator) (const char *text, GError **error);

static gboolean
validate_region_aws (const char  *text,
                     GError     **error)
{
  return inflow_aws_validate_region (INFLOW_AWS_PARTITION_AWS, text, error);
}

static gboolean
validate_region_gov (const char  *text,
                     GError     **error)
{
  return inflow_aws_validate_region (INFLOW_AWS_PARTITION_AWS_US_GOV, text, error);
}

static gboolean
validate_partition (const char  *text,
                    GError     **error)
{
  return inflow_aws_partition_from_string (text, NULL, error);
}

static gboolean
validate_bucket_arn (const char  *text,
                     GError     **error)
{
  return inflow_bucket_arn_parse (text, NULL, NULL, error);
}

static gboolean
validate_role_arn (const char  *text,
                   GError     **error)
{
  g_autoptr(InflowRoleArn) arn = inflow_role_arn_parse (text, error);

  return arn != NULL;
}

#define OK (-1)

typedef struct
{
  const char *what;
  Validator   validate;
  const char *input;
  int         code;      /* OK, or the expected InflowOnboardingError */
  const char *message;   /* a part of the expected message */
} Case;

#define LONG_NAME_65 "a1234567890123456789012345678901234567890123456789012345678901234"
#define LONG_BUCKET_64 "b123456789012345678901234567890123456789012345678901234567890123"
#define LONG_STACK_129 \
  "s1234567890123456789012345678901234567890123456789012345678901234" \
  "5678901234567890123456789012345678901234567890123456789012345678"

static const Case cases[] = {
  /* Role ARNs */
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/vantage_cross_account_connection", OK, NULL },
  { "role", validate_role_arn, "arn:aws-us-gov:iam::123456789012:role/Vantage", OK, NULL },
  { "role", validate_role_arn, "arn:aws:iam::000123456789:role/x", OK, NULL },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/team/vantage/Reader", OK, NULL },
  { "role", validate_role_arn, "  arn:aws:iam::123456789012:role/trimmed \n", OK, NULL },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/$(id)/`id`/x", OK, NULL },
  { "role", validate_role_arn, "arn:aws-cn:iam::123456789012:role/x", INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION,
    "The partition “aws-cn” is not supported; Vantage connects aws and aws-us-gov accounts." },
  { "role", validate_role_arn, "arn:aws-iso:iam::123456789012:role/x", INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, "“aws-iso” is not supported" },
  { "role", validate_role_arn, "arn:aws-iso-b:iam::123456789012:role/x", INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, "“aws-iso-b”" },
  { "role", validate_role_arn, "arn:aws-eusc:iam::123456789012:role/x", INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, "“aws-eusc”" },
  { "role", validate_role_arn, "arn:azure:iam::123456789012:role/x", INFLOW_ONBOARDING_ERROR_INVALID, "“azure” is not an AWS partition" },
  { "role", validate_role_arn, "arn:AWS:iam::123456789012:role/x", INFLOW_ONBOARDING_ERROR_INVALID, "Partition names are lowercase: write “aws”" },
  { "role", validate_role_arn, "arn:aws:iam::12345678901:role/x", INFLOW_ONBOARDING_ERROR_INVALID, "The account ID has 11 digits; it needs exactly 12." },
  { "role", validate_role_arn, "arn:aws:iam::1234567890123:role/x", INFLOW_ONBOARDING_ERROR_INVALID, "has 13 digits" },
  { "role", validate_role_arn, "arn:aws:iam::12345678901a:role/x", INFLOW_ONBOARDING_ERROR_INVALID, "The account ID contains “a”; it can only contain digits." },
  { "role", validate_role_arn, "arn:aws:iam::1234-5678-9012:role/x", INFLOW_ONBOARDING_ERROR_INVALID, "without dashes or spaces: 123456789012" },
  { "role", validate_role_arn, "arn:aws:iam::role/x", INFLOW_ONBOARDING_ERROR_INVALID, "This ARN has 5 parts" },
  { "role", validate_role_arn, "arn:aws:iam:us-east-1:123456789012:role/x", INFLOW_ONBOARDING_ERROR_INVALID, "empty region field (“iam::”); this one has “us-east-1”" },
  { "role", validate_role_arn, "arn:aws:iam:::role/x", INFLOW_ONBOARDING_ERROR_INVALID, "no account ID" },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:user/bob", INFLOW_ONBOARDING_ERROR_INVALID, "names an IAM user, not a role" },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:policy/p", INFLOW_ONBOARDING_ERROR_INVALID, "names an IAM policy" },
  { "role", validate_role_arn, "arn:aws:s3:::my-bucket", INFLOW_ONBOARDING_ERROR_INVALID, "an ARN of the “s3” service" },
  { "role", validate_role_arn, "arn:aws:sts::123456789012:assumed-role/x/session", INFLOW_ONBOARDING_ERROR_INVALID, "assumed role" },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/", INFLOW_ONBOARDING_ERROR_INVALID, "the role name is missing" },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/bad name", INFLOW_ONBOARDING_ERROR_INVALID, "contains a space" },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/bad!name", INFLOW_ONBOARDING_ERROR_INVALID, "The role name contains “!”" },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/" LONG_NAME_65, INFLOW_ONBOARDING_ERROR_INVALID, "The role name has 65 characters; the limit is 64." },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role//double//x", INFLOW_ONBOARDING_ERROR_INVALID, "empty segment" },
  { "role", validate_role_arn, "arn:aws:iam::123456789012:role/pä/x", INFLOW_ONBOARDING_ERROR_INVALID, "The role path contains “ä”" },
  { "role", validate_role_arn, "role/x", INFLOW_ONBOARDING_ERROR_INVALID, "A role ARN starts with “arn:”" },
  { "role", validate_role_arn, " \t", INFLOW_ONBOARDING_ERROR_MISSING, "empty" },

  /* Account IDs */
  { "account", inflow_aws_validate_account_id, "123456789012", OK, NULL },
  { "account", inflow_aws_validate_account_id, "000000000001", OK, NULL },
  { "account", inflow_aws_validate_account_id, "12345678901", INFLOW_ONBOARDING_ERROR_INVALID, "The account ID has 11 digits" },
  { "account", inflow_aws_validate_account_id, "1", INFLOW_ONBOARDING_ERROR_INVALID, "The account ID has 1 digit;" },
  { "account", inflow_aws_validate_account_id, "1234567890123", INFLOW_ONBOARDING_ERROR_INVALID, "has 13 digits" },
  { "account", inflow_aws_validate_account_id, "１２３４５６７８９０１２", INFLOW_ONBOARDING_ERROR_INVALID, "contains “１”" },
  { "account", inflow_aws_validate_account_id, "123 456 789 012", INFLOW_ONBOARDING_ERROR_INVALID, "without dashes or spaces" },
  { "account", inflow_aws_validate_account_id, "", INFLOW_ONBOARDING_ERROR_MISSING, "missing" },

  /* Role names and paths */
  { "role name", inflow_aws_validate_role_name, "a+b=c,d.e@f_g-h", OK, NULL },
  { "role name", inflow_aws_validate_role_name, "naïve", INFLOW_ONBOARDING_ERROR_INVALID, "contains “ï”" },
  { "role name", inflow_aws_validate_role_name, "new\nline", INFLOW_ONBOARDING_ERROR_INVALID, "contains “U+000A”" },
  { "role path", inflow_aws_validate_role_path, "/", OK, NULL },
  { "role path", inflow_aws_validate_role_path, "/a/b/", OK, NULL },
  { "role path", inflow_aws_validate_role_path, "a/b", INFLOW_ONBOARDING_ERROR_INVALID, "starts and ends with “/”" },

  /* Bucket names */
  { "bucket", inflow_aws_validate_bucket_name, "my-bucket", OK, NULL },
  { "bucket", inflow_aws_validate_bucket_name, "a.b.c", OK, NULL },
  { "bucket", inflow_aws_validate_bucket_name, "123", OK, NULL },
  { "bucket", inflow_aws_validate_bucket_name, "ab", INFLOW_ONBOARDING_ERROR_INVALID, "at least 3 characters; “ab” has 2" },
  { "bucket", inflow_aws_validate_bucket_name, LONG_BUCKET_64, INFLOW_ONBOARDING_ERROR_INVALID, "at most 63 characters; this one has 64" },
  { "bucket", inflow_aws_validate_bucket_name, "My-Bucket", INFLOW_ONBOARDING_ERROR_INVALID, "Bucket names can’t contain uppercase letters (“M”)." },
  { "bucket", inflow_aws_validate_bucket_name, "my_bucket", INFLOW_ONBOARDING_ERROR_INVALID, "“_” is not allowed" },
  { "bucket", inflow_aws_validate_bucket_name, "-bucket", INFLOW_ONBOARDING_ERROR_INVALID, "start with a letter or a digit" },
  { "bucket", inflow_aws_validate_bucket_name, "bucket-", INFLOW_ONBOARDING_ERROR_INVALID, "end with a letter or a digit" },
  { "bucket", inflow_aws_validate_bucket_name, "my..bucket", INFLOW_ONBOARDING_ERROR_INVALID, "two dots in a row" },
  { "bucket", inflow_aws_validate_bucket_name, "192.168.5.4", INFLOW_ONBOARDING_ERROR_INVALID, "IP address" },
  { "bucket", inflow_aws_validate_bucket_name, "xn--bucket", INFLOW_ONBOARDING_ERROR_INVALID, "start with “xn--”" },
  { "bucket", inflow_aws_validate_bucket_name, "sthree-bucket", INFLOW_ONBOARDING_ERROR_INVALID, "“sthree-”" },
  { "bucket", inflow_aws_validate_bucket_name, "amzn-s3-demo-bucket", INFLOW_ONBOARDING_ERROR_INVALID, "“amzn-s3-demo-”" },
  { "bucket", inflow_aws_validate_bucket_name, "bucket-s3alias", INFLOW_ONBOARDING_ERROR_INVALID, "end with “-s3alias”" },
  { "bucket", inflow_aws_validate_bucket_name, "bucket--ol-s3", INFLOW_ONBOARDING_ERROR_INVALID, "“--ol-s3”" },
  { "bucket", inflow_aws_validate_bucket_name, "bucket--x-s3", INFLOW_ONBOARDING_ERROR_INVALID, "“--x-s3”" },
  { "bucket", inflow_aws_validate_bucket_name, "", INFLOW_ONBOARDING_ERROR_MISSING, "empty" },

  /* Bucket ARNs */
  { "bucket ARN", validate_bucket_arn, "arn:aws:s3:::my-bucket", OK, NULL },
  { "bucket ARN", validate_bucket_arn, "arn:aws-us-gov:s3:::my-bucket", OK, NULL },
  { "bucket ARN", validate_bucket_arn, "arn:aws:s3:::my-bucket/*", INFLOW_ONBOARDING_ERROR_INVALID, "objects inside a bucket" },
  { "bucket ARN", validate_bucket_arn, "arn:aws-cn:s3:::my-bucket", INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, "“aws-cn”" },
  { "bucket ARN", validate_bucket_arn, "arn:aws:s3:us-east-1::my-bucket", INFLOW_ONBOARDING_ERROR_INVALID, "empty region and account" },
  { "bucket ARN", validate_bucket_arn, "arn:aws:sns:us-east-1:123456789012:topic", INFLOW_ONBOARDING_ERROR_INVALID, "“sns” service" },
  { "bucket ARN", validate_bucket_arn, "arn:aws:s3:::Upper", INFLOW_ONBOARDING_ERROR_INVALID, "uppercase" },

  /* Organization targets */
  { "target", inflow_aws_validate_organization_target, "ou-ab12-cd34ef56", OK, NULL },
  { "target", inflow_aws_validate_organization_target, "r-ab12", OK, NULL },
  { "target", inflow_aws_validate_organization_target, "ou-AB12-cd34ef56", INFLOW_ONBOARDING_ERROR_INVALID, "lowercase; “ou-AB12-cd34ef56” contains “A”" },
  { "target", inflow_aws_validate_organization_target, "ou-ab1-cd34ef56", INFLOW_ONBOARDING_ERROR_INVALID, "not an organizational unit ID" },
  { "target", inflow_aws_validate_organization_target, "ou-ab12-cd34", INFLOW_ONBOARDING_ERROR_INVALID, "8 to 32 more" },
  { "target", inflow_aws_validate_organization_target, "r-ab1", INFLOW_ONBOARDING_ERROR_INVALID, "not a root ID" },
  { "target", inflow_aws_validate_organization_target, "123456789012", INFLOW_ONBOARDING_ERROR_INVALID, "is an account ID" },
  { "target", inflow_aws_validate_organization_target, "o-abc123defg", INFLOW_ONBOARDING_ERROR_INVALID, "neither" },

  /* Stack names */
  { "stack", inflow_aws_validate_stack_name, "vantage-integration", OK, NULL },
  { "stack", inflow_aws_validate_stack_name, "1stack", INFLOW_ONBOARDING_ERROR_INVALID, "start with a letter, not with “1”" },
  { "stack", inflow_aws_validate_stack_name, "my_stack", INFLOW_ONBOARDING_ERROR_INVALID, "“_” is not allowed" },
  { "stack", inflow_aws_validate_stack_name, "stäck", INFLOW_ONBOARDING_ERROR_INVALID, "“ä” is not allowed" },
  { "stack", inflow_aws_validate_stack_name, LONG_STACK_129, INFLOW_ONBOARDING_ERROR_INVALID, "129 characters" },

  /* Regions */
  { "region aws", validate_region_aws, "eu-west-1", OK, NULL },
  { "region aws", validate_region_aws, "ap-southeast-4", OK, NULL },
  { "region aws", validate_region_aws, "us-gov-west-1", INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH, "GovCloud region" },
  { "region aws", validate_region_aws, "cn-north-1", INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, "China region" },
  { "region aws", validate_region_aws, "US-EAST-1", INFLOW_ONBOARDING_ERROR_INVALID, "lowercase: write “us-east-1”" },
  { "region aws", validate_region_aws, "useast1", INFLOW_ONBOARDING_ERROR_INVALID, "not an AWS region name" },
  { "region gov", validate_region_gov, "us-gov-east-1", OK, NULL },
  { "region gov", validate_region_gov, "us-east-1", INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH, "region of the aws partition" },
  { "region gov", validate_region_gov, "us-gov-north-1", INFLOW_ONBOARDING_ERROR_INVALID, "not a GovCloud region" },
  { "CUR region", inflow_aws_validate_cur_bucket_region, "eu-west-2", OK, NULL },
  { "CUR region", inflow_aws_validate_cur_bucket_region, "eu-central-1", INFLOW_ONBOARDING_ERROR_INVALID, "“eu-central-1” is not one of them" },

  /* External IDs, report names, partitions */
  { "external ID", inflow_aws_validate_external_id, "abc:def/ghi=1", OK, NULL },
  { "external ID", inflow_aws_validate_external_id, "a", INFLOW_ONBOARDING_ERROR_INVALID, "1 character; AWS accepts 2 to 1224" },
  { "external ID", inflow_aws_validate_external_id, "has space", INFLOW_ONBOARDING_ERROR_INVALID, "contains a space" },
  { "report", inflow_aws_validate_report_name, "Vantage'Report(1)!*", OK, NULL },
  { "report", inflow_aws_validate_report_name, "bad/report", INFLOW_ONBOARDING_ERROR_INVALID, "“/” is not allowed" },
  { "partition", validate_partition, "aws", OK, NULL },
  { "partition", validate_partition, "aws-us-gov", OK, NULL },
  { "partition", validate_partition, "aws-cn", INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION, "not supported" },
  { "partition", validate_partition, "", INFLOW_ONBOARDING_ERROR_INVALID, "empty" },
};

static void
test_table (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 30);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("%s: %s", c->what, c->input);
      ok = c->validate (c->input, &error);

      if (c->code == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }

      g_assert_false (ok);
      g_assert_error (error, INFLOW_ONBOARDING_ERROR, c->code);
      if (strstr (error->message, c->message) == NULL)
        g_error ("case %u (%s %s): message “%s” lacks “%s”", i, c->what, c->input, error->message, c->message);
    }
}

/* The parts of parsed ARNs, leading zeros and paths kept. */
static void
test_role_arn_parts (void)
{
  static const struct
  {
    const char         *input;
    InflowAwsPartition  partition;
    const char         *account;
    const char         *path;
    const char         *name;
    const char         *normalized;
  } parts[] = {
    { "arn:aws:iam::000123456789:role/x", INFLOW_AWS_PARTITION_AWS, "000123456789", "/", "x",
      "arn:aws:iam::000123456789:role/x" },
    { "arn:aws-us-gov:iam::123456789012:role/a/b/Reader", INFLOW_AWS_PARTITION_AWS_US_GOV, "123456789012", "/a/b/", "Reader",
      "arn:aws-us-gov:iam::123456789012:role/a/b/Reader" },
    { " arn:aws:iam::123456789012:role/with:colon/x\n", INFLOW_AWS_PARTITION_AWS, "123456789012", "/with:colon/", "x",
      "arn:aws:iam::123456789012:role/with:colon/x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InflowRoleArn) arn = inflow_role_arn_parse (parts[i].input, &error);
      g_autoptr(InflowRoleArn) copy = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (arn->partition, ==, parts[i].partition);
      g_assert_cmpstr (arn->account_id, ==, parts[i].account);
      g_assert_cmpstr (arn->path, ==, parts[i].path);
      g_assert_cmpstr (arn->name, ==, parts[i].name);
      copy = inflow_role_arn_copy (arn);
      text = inflow_role_arn_to_string (copy);
      g_assert_cmpstr (text, ==, parts[i].normalized);
    }
}

static void
test_bucket_arn_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *built = NULL;
  InflowAwsPartition partition = INFLOW_AWS_PARTITION_AWS;

  g_assert_true (inflow_bucket_arn_parse ("arn:aws-us-gov:s3:::cur-0001", &partition, &name, &error));
  g_assert_no_error (error);
  g_assert_cmpint (partition, ==, INFLOW_AWS_PARTITION_AWS_US_GOV);
  g_assert_cmpstr (name, ==, "cur-0001");
  built = inflow_bucket_arn_build (partition, name);
  g_assert_cmpstr (built, ==, "arn:aws-us-gov:s3:::cur-0001");
}

static void
test_partition_facts (void)
{
  const char * const *regions = inflow_aws_get_cur_bucket_regions ();

  g_assert_cmpstr (inflow_aws_partition_get_console_host (INFLOW_AWS_PARTITION_AWS), ==, "console.aws.amazon.com");
  g_assert_cmpstr (inflow_aws_partition_get_console_host (INFLOW_AWS_PARTITION_AWS_US_GOV), ==, "console.amazonaws-us-gov.com");
  g_assert_cmpuint (g_strv_length ((GStrv) regions), ==, 5);
  g_assert_true (g_strv_contains (regions, "ap-southeast-1"));
  g_assert_true (g_strv_contains (regions, "eu-west-1"));
  g_assert_true (g_strv_contains (regions, "eu-west-2"));
  g_assert_true (g_strv_contains (regions, "us-east-1"));
  g_assert_true (g_strv_contains (regions, "us-west-2"));
}

/* Only https links to the known consoles may be opened. */
static void
test_console_links (void)
{
  static const struct
  {
    const char *url;
    gboolean    allowed;
  } links[] = {
    { "https://console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/create", TRUE },
    { "https://us-east-1.console.aws.amazon.com/iam/home#/roles", TRUE },
    { "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/iam/home", TRUE },
    { "https://console.amazonaws-us-gov.com/iam/home#/roles/create", TRUE },
    { "https://console.vantage.sh/settings/integrations", TRUE },
    { "http://console.aws.amazon.com/", FALSE },
    { "https://console.aws.amazon.com.evil.example/", FALSE },
    { "https://evilconsole.aws.amazon.com/", FALSE },
    { "https://user@console.aws.amazon.com/", FALSE },
    { "https://console.aws.amazon.com:8443/", FALSE },
    { "https://console.amazonaws.cn/", FALSE },
    { "https://vantage.sh/", FALSE },
    { "javascript:alert(1)", FALSE },
    { "file:///etc/passwd", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };
  g_autofree char *create = inflow_console_link_cloudformation_create (INFLOW_AWS_PARTITION_AWS_US_GOV, "us-gov-west-1");
  g_autofree char *role = inflow_console_link_iam_role (INFLOW_AWS_PARTITION_AWS, "a+b");
  g_autofree char *new_role = inflow_console_link_iam_create_role (INFLOW_AWS_PARTITION_AWS);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_test_message ("%s", links[i].url);
      g_assert_cmpint (inflow_console_link_is_allowed (links[i].url), ==, links[i].allowed);
    }

  g_assert_cmpstr (create, ==, "https://console.amazonaws-us-gov.com/cloudformation/home?region=us-gov-west-1#/stacks/create");
  g_assert_cmpstr (role, ==, "https://console.aws.amazon.com/iam/home#/roles/details/a%2Bb");
  g_assert_true (inflow_console_link_is_allowed (create));
  g_assert_true (inflow_console_link_is_allowed (role));
  g_assert_true (inflow_console_link_is_allowed (new_role));
  g_assert_true (inflow_console_link_is_allowed (INFLOW_VANTAGE_INTEGRATIONS_URL));
}

/* Messages quote what the user typed without letting it run wild. */
static void
test_quote_value (void)
{
  g_autofree char *newline = inflow_onboarding_quote_value ("a\nb");
  g_autofree char *invalid = inflow_onboarding_quote_value ("a\xff" "b");
  g_autofree char *long_value = inflow_onboarding_quote_value ("0123456789012345678901234567890123456789012345678901234567890123456789");

  g_assert_cmpstr (newline, ==, "“aU+000Ab”");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_suffix (long_value, "…”"));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/onboarding/aws-arn/table", test_table);
  g_test_add_func ("/onboarding/aws-arn/role-arn-parts", test_role_arn_parts);
  g_test_add_func ("/onboarding/aws-arn/bucket-arn-parts", test_bucket_arn_parts);
  g_test_add_func ("/onboarding/aws-arn/partition-facts", test_partition_facts);
  g_test_add_func ("/onboarding/aws-arn/console-links", test_console_links);
  g_test_add_func ("/onboarding/aws-arn/quote-value", test_quote_value);

  return inflow_test_run ();
}
