/* inflow-aws-arn.c: parsing and validation of AWS ARNs, IDs and names
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-aws-arn.h"
#include "inflow-onboarding-error.h"

/* Limits from the IAM, S3, CloudFormation, Organizations and CUR references.
 * Character classes are spelled out in ASCII on purpose: no locale, no
 * Unicode "letters". */
#define ROLE_NAME_MAX       64
#define ROLE_PATH_MAX       512
#define ROLE_ARN_MIN        20
#define ROLE_ARN_MAX        2048
#define EXTERNAL_ID_MIN     2
#define EXTERNAL_ID_MAX     1224
#define BUCKET_NAME_MIN     3
#define BUCKET_NAME_MAX     63
#define STACK_NAME_MAX      128
#define REPORT_NAME_MAX     256

#define ROLE_NAME_CHARS     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+=,.@-"
#define EXTERNAL_ID_CHARS   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+=,.@:/-"
#define BUCKET_CHARS        "abcdefghijklmnopqrstuvwxyz0123456789.-"
#define STACK_CHARS         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"
#define REPORT_CHARS        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!-_.*'()"
#define LOWER_ALNUM         "abcdefghijklmnopqrstuvwxyz0123456789"

static const char * const cur_bucket_regions[] = {
  "ap-southeast-1",
  "eu-west-1",
  "eu-west-2",
  "us-east-1",
  "us-west-2",
  NULL
};

/* Partitions that exist but that Vantage does not connect. */
static const char * const unsupported_partitions[] = {
  "aws-cn",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-eusc",
  NULL
};

static gboolean
is_ascii_digit_string (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* Returns the first character of @text that is not in @allowed, or NULL. */
static const char *
find_invalid_char (const char *text,
                   const char *allowed)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p >= 0x80 || strchr (allowed, *p) == NULL)
        return p;
    }

  return NULL;
}

static const char *
find_uppercase (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        return p;
    }

  return NULL;
}

static char *
describe_char_at (const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    c = 0xFFFD;

  return inflow_onboarding_describe_char (c);
}

static gboolean
check_utf8 (const char  *text,
            GError     **error)
{
  if (g_utf8_validate (text, -1, NULL))
    return TRUE;

  g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
               _("The text is not valid UTF-8."));
  return FALSE;
}

const char *
inflow_aws_partition_to_string (InflowAwsPartition partition)
{
  switch (partition)
    {
    case INFLOW_AWS_PARTITION_AWS:
      return "aws";
    case INFLOW_AWS_PARTITION_AWS_US_GOV:
      return "aws-us-gov";
    default:
      g_return_val_if_reached ("aws");
    }
}

/**
 * inflow_aws_partition_from_string:
 * @text: a partition name as it appears in an ARN
 * @partition: (out) (optional): the partition
 * @error: %INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION for a real partition
 *   Vantage does not connect, %INFLOW_ONBOARDING_ERROR_INVALID otherwise
 */
gboolean
inflow_aws_partition_from_string (const char          *text,
                                  InflowAwsPartition  *partition,
                                  GError             **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *lower = NULL;
  InflowAwsPartition result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (text, "aws"))
    result = INFLOW_AWS_PARTITION_AWS;
  else if (g_str_equal (text, "aws-us-gov"))
    result = INFLOW_AWS_PARTITION_AWS_US_GOV;
  else
    {
      quoted = inflow_onboarding_quote_value (text);
      lower = g_ascii_strdown (text, -1);

      if (*text == '\0')
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                     _("The partition is empty; it is “aws” or “aws-us-gov”."));
      else if (g_str_equal (lower, "aws") || g_str_equal (lower, "aws-us-gov"))
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                     _("Partition names are lowercase: write “%s”, not %s."), lower, quoted);
      else if (g_strv_contains (unsupported_partitions, lower))
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION,
                     _("The partition %s is not supported; Vantage connects aws and aws-us-gov accounts."),
                     quoted);
      else
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                     _("%s is not an AWS partition; Vantage connects aws and aws-us-gov accounts."),
                     quoted);
      return FALSE;
    }

  if (partition != NULL)
    *partition = result;

  return TRUE;
}

/**
 * inflow_aws_partition_get_console_host:
 *
 * Returns: the AWS Management Console host of @partition.
 */
const char *
inflow_aws_partition_get_console_host (InflowAwsPartition partition)
{
  switch (partition)
    {
    case INFLOW_AWS_PARTITION_AWS:
      return "console.aws.amazon.com";
    case INFLOW_AWS_PARTITION_AWS_US_GOV:
      return "console.amazonaws-us-gov.com";
    default:
      g_return_val_if_reached ("console.aws.amazon.com");
    }
}

/**
 * inflow_aws_partition_get_default_region:
 *
 * Returns: the region where Inflow runs the partition-wide commands (IAM is
 *   global within a partition, but CloudFormation stacks live in a region).
 */
const char *
inflow_aws_partition_get_default_region (InflowAwsPartition partition)
{
  switch (partition)
    {
    case INFLOW_AWS_PARTITION_AWS:
      return "us-east-1";
    case INFLOW_AWS_PARTITION_AWS_US_GOV:
      return "us-gov-west-1";
    default:
      g_return_val_if_reached ("us-east-1");
    }
}

/**
 * inflow_aws_validate_account_id:
 * @text: an AWS account ID
 *
 * Account IDs are exactly 12 digits and stay strings: "000123456789" is a
 * valid account.
 */
gboolean
inflow_aws_validate_account_id (const char  *text,
                                GError     **error)
{
  const char *bad;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The account ID is missing; it is 12 digits."));
      return FALSE;
    }

  if (!check_utf8 (text, error))
    return FALSE;

  if (strchr (text, '-') != NULL || strchr (text, ' ') != NULL)
    {
      g_autofree char *digits = g_strdup (text);
      char *out = digits;

      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p != '-' && *p != ' ')
            *out++ = *p;
        }
      *out = '\0';

      if (strlen (digits) == 12 && is_ascii_digit_string (digits))
        {
          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                       _("Write the account ID as 12 digits without dashes or spaces: %s."), digits);
          return FALSE;
        }
    }

  bad = find_invalid_char (text, "0123456789");
  if (bad != NULL)
    {
      g_autofree char *what = describe_char_at (bad);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The account ID contains %s; it can only contain digits."), what);
      return FALSE;
    }

  if (strlen (text) != 12)
    {
      guint n = strlen (text);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("The account ID has %u digit; it needs exactly 12.",
                             "The account ID has %u digits; it needs exactly 12.", n),
                   n);
      return FALSE;
    }

  return TRUE;
}

/**
 * inflow_aws_validate_role_name:
 * @text: an IAM role name, without path
 *
 * 1 to 64 characters of letters, digits and `_+=,.@-`.
 */
gboolean
inflow_aws_validate_role_name (const char  *text,
                               GError     **error)
{
  const char *bad;
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The role name is empty."));
      return FALSE;
    }

  if (!check_utf8 (text, error))
    return FALSE;

  bad = find_invalid_char (text, ROLE_NAME_CHARS);
  if (bad != NULL)
    {
      g_autofree char *what = describe_char_at (bad);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The role name contains %s, which IAM does not allow; use letters, digits and + = , . @ _ -"),
                   what);
      return FALSE;
    }

  n = strlen (text);
  if (n > ROLE_NAME_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("The role name has %u character; the limit is 64.",
                             "The role name has %u characters; the limit is 64.", n), n);
      return FALSE;
    }

  return TRUE;
}

/**
 * inflow_aws_validate_role_path:
 * @text: an IAM path
 *
 * "/" alone, or up to 512 printable ASCII characters that start and end with
 * "/". Empty segments ("//") are refused too.
 */
gboolean
inflow_aws_validate_role_path (const char  *text,
                               GError     **error)
{
  gsize n;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  n = strlen (text);
  if (n == 0 || text[0] != '/' || text[n - 1] != '/')
    {
      g_autofree char *quoted = inflow_onboarding_quote_value (text);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("A role path starts and ends with “/” (like /vantage/); %s does not."), quoted);
      return FALSE;
    }

  if (n > ROLE_PATH_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("The role path has %u character; the limit is 512.",
                             "The role path has %u characters; the limit is 512.", n), (guint) n);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x21 || (guchar) *p > 0x7E)
        {
          g_autofree char *what = describe_char_at (p);

          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                       _("The role path contains %s; a path can only contain printable ASCII characters, without spaces."),
                       what);
          return FALSE;
        }
    }

  if (n > 1 && strstr (text, "//") != NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The role path contains an empty segment (“//”)."));
      return FALSE;
    }

  return TRUE;
}

/**
 * inflow_aws_validate_external_id:
 * @text: the sts:ExternalId value Vantage issued
 *
 * 2 to 1224 characters of letters, digits and `_+=,.@:/-`.
 */
gboolean
inflow_aws_validate_external_id (const char  *text,
                                 GError     **error)
{
  const char *bad;
  gsize n;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The external ID is empty; it comes from Vantage’s AWS provider information."));
      return FALSE;
    }

  if (!check_utf8 (text, error))
    return FALSE;

  bad = find_invalid_char (text, EXTERNAL_ID_CHARS);
  if (bad != NULL)
    {
      g_autofree char *what = describe_char_at (bad);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The external ID contains %s; AWS allows only letters, digits and _ + = , . @ : / -"),
                   what);
      return FALSE;
    }

  n = strlen (text);
  if (n < EXTERNAL_ID_MIN || n > EXTERNAL_ID_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("The external ID has %u character; AWS accepts 2 to 1224.",
                             "The external ID has %u characters; AWS accepts 2 to 1224.", n), (guint) n);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_in_class_with_length (const char *text,
                         gsize       length,
                         const char *allowed,
                         gsize       min,
                         gsize       max)
{
  if (length < min || length > max)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\0' || strchr (allowed, text[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * inflow_aws_validate_organization_target:
 * @text: an organizational unit ID (`ou-ab12-cd34ef56`) or a root ID
 *   (`r-ab12`)
 *
 * The deployment targets of a service-managed StackSet.
 */
gboolean
inflow_aws_validate_organization_target (const char  *text,
                                         GError     **error)
{
  g_autofree char *quoted = NULL;
  const char *upper;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The organizational unit or root ID is empty."));
      return FALSE;
    }

  quoted = inflow_onboarding_quote_value (text);

  if (strlen (text) == 12 && is_ascii_digit_string (text))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("%s is an account ID; a service-managed StackSet targets organizational units (ou-…) or the root (r-…), not single accounts."),
                   quoted);
      return FALSE;
    }

  upper = find_uppercase (text);
  if (upper != NULL && (g_ascii_strncasecmp (text, "ou-", 3) == 0 || g_ascii_strncasecmp (text, "r-", 2) == 0))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Organization IDs are lowercase; %s contains “%c”."), quoted, *upper);
      return FALSE;
    }

  if (g_str_has_prefix (text, "ou-"))
    {
      const char *first = text + 3;
      const char *dash = strchr (first, '-');

      if (dash == NULL
          || !is_in_class_with_length (first, dash - first, LOWER_ALNUM, 4, 32)
          || !is_in_class_with_length (dash + 1, strlen (dash + 1), LOWER_ALNUM, 8, 32))
        {
          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                       _("%s is not an organizational unit ID; those look like ou-ab12-cd34ef56: “ou-”, 4 to 32 lowercase letters or digits, “-”, then 8 to 32 more."),
                       quoted);
          return FALSE;
        }

      return TRUE;
    }

  if (g_str_has_prefix (text, "r-"))
    {
      if (!is_in_class_with_length (text + 2, strlen (text + 2), LOWER_ALNUM, 4, 32))
        {
          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                       _("%s is not a root ID; a root ID is “r-” followed by 4 to 32 lowercase letters or digits, like r-ab12."),
                       quoted);
          return FALSE;
        }

      return TRUE;
    }

  g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
               _("%s is neither an organizational unit ID (ou-…) nor a root ID (r-…)."), quoted);
  return FALSE;
}

static gboolean
looks_like_ipv4 (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);

  if (g_strv_length (parts) != 4)
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!is_ascii_digit_string (parts[i]) || strlen (parts[i]) > 3)
        return FALSE;
    }

  return TRUE;
}

/**
 * inflow_aws_validate_bucket_name:
 * @text: an S3 general purpose bucket name
 *
 * The S3 naming rules: 3 to 63 characters of lowercase letters, digits, dots
 * and hyphens, starting and ending with a letter or digit, no two dots in a
 * row, not an IP address, none of the prefixes and suffixes AWS reserves.
 */
gboolean
inflow_aws_validate_bucket_name (const char  *text,
                                 GError     **error)
{
  static const char * const reserved_prefixes[] = { "xn--", "sthree-", "amzn-s3-demo-", NULL };
  static const char * const reserved_suffixes[] = { "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3", NULL };
  g_autofree char *quoted = NULL;
  const char *bad;
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The bucket name is empty."));
      return FALSE;
    }

  if (!check_utf8 (text, error))
    return FALSE;

  quoted = inflow_onboarding_quote_value (text);

  bad = find_uppercase (text);
  if (bad != NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Bucket names can’t contain uppercase letters (“%c”)."), *bad);
      return FALSE;
    }

  bad = find_invalid_char (text, BUCKET_CHARS);
  if (bad != NULL)
    {
      g_autofree char *what = describe_char_at (bad);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Bucket names can only contain lowercase letters, digits, dots and hyphens; %s is not allowed."),
                   what);
      return FALSE;
    }

  n = strlen (text);
  if (n < BUCKET_NAME_MIN)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("Bucket names need at least 3 characters; %s has %u.",
                             "Bucket names need at least 3 characters; %s has %u.", n), quoted, n);
      return FALSE;
    }

  if (n > BUCKET_NAME_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("Bucket names can have at most 63 characters; this one has %u.",
                             "Bucket names can have at most 63 characters; this one has %u.", n), n);
      return FALSE;
    }

  if (!g_ascii_isalnum (text[0]))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Bucket names start with a letter or a digit; %s starts with “%c”."), quoted, text[0]);
      return FALSE;
    }

  if (!g_ascii_isalnum (text[n - 1]))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Bucket names end with a letter or a digit; %s ends with “%c”."), quoted, text[n - 1]);
      return FALSE;
    }

  if (strstr (text, "..") != NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Bucket names can’t contain two dots in a row."));
      return FALSE;
    }

  if (looks_like_ipv4 (text))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Bucket names can’t be formatted as an IP address (%s)."), quoted);
      return FALSE;
    }

  for (guint i = 0; reserved_prefixes[i] != NULL; i++)
    {
      if (g_str_has_prefix (text, reserved_prefixes[i]))
        {
          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                       _("Bucket names can’t start with “%s”; AWS reserves that prefix."), reserved_prefixes[i]);
          return FALSE;
        }
    }

  for (guint i = 0; reserved_suffixes[i] != NULL; i++)
    {
      if (g_str_has_suffix (text, reserved_suffixes[i]))
        {
          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                       _("Bucket names can’t end with “%s”; AWS reserves that suffix."), reserved_suffixes[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * inflow_aws_validate_stack_name:
 * @text: a CloudFormation stack or StackSet name
 *
 * A letter, then letters, digits and hyphens; at most 128 characters.
 */
gboolean
inflow_aws_validate_stack_name (const char  *text,
                                GError     **error)
{
  const char *bad;
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The stack name is empty."));
      return FALSE;
    }

  if (!check_utf8 (text, error))
    return FALSE;

  bad = find_invalid_char (text, STACK_CHARS);
  if (bad != NULL)
    {
      g_autofree char *what = describe_char_at (bad);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Stack names can only contain letters, digits and hyphens; %s is not allowed."), what);
      return FALSE;
    }

  if (!g_ascii_isalpha (text[0]))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Stack names start with a letter, not with “%c”."), text[0]);
      return FALSE;
    }

  n = strlen (text);
  if (n > STACK_NAME_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("The stack name has %u character; the limit is 128.",
                             "The stack name has %u characters; the limit is 128.", n), n);
      return FALSE;
    }

  return TRUE;
}

/* The shape of every region name: two letters, one or more words, a number
 * ("us-east-1", "us-gov-west-1", "ap-southeast-4", "eusc-de-east-1" aside). */
static gboolean
has_region_shape (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);
  guint n = g_strv_length (parts);

  if (n < 3)
    return FALSE;

  for (guint i = 0; i + 1 < n; i++)
    {
      if (*parts[i] == '\0' || find_invalid_char (parts[i], "abcdefghijklmnopqrstuvwxyz") != NULL)
        return FALSE;
    }

  return is_ascii_digit_string (parts[n - 1]) && strlen (parts[n - 1]) <= 2;
}

/**
 * inflow_aws_validate_region:
 * @partition: the partition of the account
 * @text: a region name
 *
 * Checks the shape of a region name and that it belongs to @partition; the
 * list of regions itself grows, so a well-formed standard region is accepted.
 */
gboolean
inflow_aws_validate_region (InflowAwsPartition   partition,
                            const char          *text,
                            GError             **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The region is empty."));
      return FALSE;
    }

  if (!check_utf8 (text, error))
    return FALSE;

  quoted = inflow_onboarding_quote_value (text);
  lower = g_ascii_strdown (text, -1);

  if (find_uppercase (text) != NULL && has_region_shape (lower))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Region names are lowercase: write “%s”, not %s."), lower, quoted);
      return FALSE;
    }

  if (!has_region_shape (text))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("%s is not an AWS region name; region names look like us-east-1."), quoted);
      return FALSE;
    }

  if (g_str_has_prefix (text, "cn-"))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION,
                   _("%s is a China region (partition aws-cn); Vantage connects aws and aws-us-gov accounts."),
                   quoted);
      return FALSE;
    }

  if (g_str_has_prefix (text, "us-iso") || g_str_has_prefix (text, "eu-isoe-") || g_str_has_prefix (text, "eusc-"))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION,
                   _("%s belongs to an isolated or sovereign partition; Vantage connects aws and aws-us-gov accounts."),
                   quoted);
      return FALSE;
    }

  switch (partition)
    {
    case INFLOW_AWS_PARTITION_AWS:
      if (g_str_has_prefix (text, "us-gov-"))
        {
          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH,
                       _("%s is a GovCloud region (partition aws-us-gov), but this account is in the aws partition."),
                       quoted);
          return FALSE;
        }
      return TRUE;

    case INFLOW_AWS_PARTITION_AWS_US_GOV:
      if (g_str_equal (text, "us-gov-west-1") || g_str_equal (text, "us-gov-east-1"))
        return TRUE;
      if (g_str_has_prefix (text, "us-gov-"))
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                     _("%s is not a GovCloud region; GovCloud (US) has us-gov-west-1 and us-gov-east-1."),
                     quoted);
      else
        g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_PARTITION_MISMATCH,
                     _("%s is a region of the aws partition; a GovCloud account uses us-gov-west-1 or us-gov-east-1."),
                     quoted);
      return FALSE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * inflow_aws_get_cur_bucket_regions:
 *
 * Returns: (transfer none): the regions where Vantage has the SNS topic a
 *   CUR bucket notifies, sorted.
 */
const char * const *
inflow_aws_get_cur_bucket_regions (void)
{
  return cur_bucket_regions;
}

/**
 * inflow_aws_validate_cur_bucket_region:
 * @text: a region name
 *
 * A CUR bucket must sit in one of the five regions where Vantage listens.
 */
gboolean
inflow_aws_validate_cur_bucket_region (const char  *text,
                                       GError     **error)
{
  g_autofree char *quoted = NULL;

  if (!inflow_aws_validate_region (INFLOW_AWS_PARTITION_AWS, text, error))
    return FALSE;

  if (g_strv_contains (cur_bucket_regions, text))
    return TRUE;

  quoted = inflow_onboarding_quote_value (text);
  g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
               _("Vantage receives Cost and Usage Reports from buckets in ap-southeast-1, eu-west-1, eu-west-2, us-east-1 and us-west-2; %s is not one of them."),
               quoted);
  return FALSE;
}

/**
 * inflow_aws_validate_report_name:
 * @text: a Cost and Usage Report name
 *
 * Up to 256 characters of letters, digits and `!-_.*'()`.
 */
gboolean
inflow_aws_validate_report_name (const char  *text,
                                 GError     **error)
{
  const char *bad;
  gsize n;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The report name is empty."));
      return FALSE;
    }

  if (!check_utf8 (text, error))
    return FALSE;

  bad = find_invalid_char (text, REPORT_CHARS);
  if (bad != NULL)
    {
      g_autofree char *what = describe_char_at (bad);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("Report names can only contain letters, digits and ! - _ . * ’ ( ); %s is not allowed."),
                   what);
      return FALSE;
    }

  n = strlen (text);
  if (n > REPORT_NAME_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("The report name has %u character; the limit is 256.",
                             "The report name has %u characters; the limit is 256.", n), (guint) n);
      return FALSE;
    }

  return TRUE;
}

/**
 * inflow_role_arn_new:
 * @path: (nullable): the role path; %NULL means "/"
 *
 * Returns: (transfer full) (nullable): a role ARN from validated parts.
 */
InflowRoleArn *
inflow_role_arn_new (InflowAwsPartition   partition,
                     const char          *account_id,
                     const char          *path,
                     const char          *name,
                     GError             **error)
{
  InflowRoleArn *arn;

  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (path == NULL)
    path = "/";

  if (!inflow_aws_validate_account_id (account_id, error)
      || !inflow_aws_validate_role_path (path, error)
      || !inflow_aws_validate_role_name (name, error))
    return NULL;

  arn = g_new0 (InflowRoleArn, 1);
  arn->partition = partition;
  arn->account_id = g_strdup (account_id);
  arn->path = g_strdup (path);
  arn->name = g_strdup (name);

  return arn;
}

static void
set_not_a_role_error (GError     **error,
                      const char  *service,
                      const char  *resource)
{
  g_autofree char *quoted = NULL;

  if (g_str_equal (service, "sts") && g_str_has_prefix (resource, "assumed-role/"))
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("This is the ARN of a session of an assumed role (sts … assumed-role/…); use the ARN of the role itself, arn:PARTITION:iam::ACCOUNT:role/NAME."));
      return;
    }

  if (!g_str_equal (service, "iam"))
    {
      quoted = inflow_onboarding_quote_value (service);
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("This is an ARN of the %s service, not of an IAM role."), quoted);
      return;
    }

  if (g_str_has_prefix (resource, "user/"))
    g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                 _("This ARN names an IAM user, not a role."));
  else if (g_str_has_prefix (resource, "group/"))
    g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                 _("This ARN names an IAM group, not a role."));
  else if (g_str_has_prefix (resource, "policy/"))
    g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                 _("This ARN names an IAM policy, not a role."));
  else if (g_str_has_prefix (resource, "instance-profile/"))
    g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                 _("This ARN names an instance profile, not a role."));
  else
    {
      quoted = inflow_onboarding_quote_value (resource);
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("This IAM ARN names %s; a role ARN ends in role/NAME."), quoted);
    }
}

/**
 * inflow_role_arn_parse:
 * @text: a role ARN; surrounding whitespace is ignored
 * @error: %INFLOW_ONBOARDING_ERROR_UNSUPPORTED_PARTITION for a well-formed
 *   ARN of a partition Vantage does not connect, otherwise
 *   %INFLOW_ONBOARDING_ERROR_INVALID or %INFLOW_ONBOARDING_ERROR_MISSING with
 *   a message that names the problem
 *
 * Returns: (transfer full) (nullable): the parsed ARN
 */
InflowRoleArn *
inflow_role_arn_parse (const char  *text,
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *path = NULL;
  InflowAwsPartition partition;
  const char *resource;
  const char *slash;
  const char *name;
  guint n_fields;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The role ARN is empty."));
      return NULL;
    }

  if (!check_utf8 (stripped, error))
    return NULL;

  if (!g_str_has_prefix (stripped, "arn:"))
    {
      g_autofree char *quoted = inflow_onboarding_quote_value (stripped);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("A role ARN starts with “arn:”, like arn:aws:iam::123456789012:role/NAME; %s does not."),
                   quoted);
      return NULL;
    }

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          g_autofree char *what = describe_char_at (p);

          g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                       _("The role ARN contains %s; ARNs have no spaces or line breaks."), what);
          return NULL;
        }
    }

  fields = g_strsplit (stripped, ":", 6);
  n_fields = g_strv_length (fields);
  if (n_fields < 6)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("This ARN has %u part separated by colons; a role ARN has 6: arn:PARTITION:iam::ACCOUNT:role/NAME.",
                             "This ARN has %u parts separated by colons; a role ARN has 6: arn:PARTITION:iam::ACCOUNT:role/NAME.",
                             n_fields),
                   n_fields);
      return NULL;
    }

  if (!inflow_aws_partition_from_string (fields[1], &partition, error))
    return NULL;

  resource = fields[5];
  if (!g_str_equal (fields[2], "iam") || !g_str_has_prefix (resource, "role/"))
    {
      set_not_a_role_error (error, fields[2], resource);
      return NULL;
    }

  if (*fields[3] != '\0')
    {
      g_autofree char *quoted = inflow_onboarding_quote_value (fields[3]);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("IAM ARNs have an empty region field (“iam::”); this one has %s."), quoted);
      return NULL;
    }

  if (*fields[4] == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("This ARN has no account ID; it goes between “iam::” and “:role/”."));
      return NULL;
    }

  if (!inflow_aws_validate_account_id (fields[4], error))
    return NULL;

  /* role/NAME or role/PATH/NAME: the path keeps its slashes at both ends. */
  resource += strlen ("role");
  slash = strrchr (resource, '/');
  name = slash + 1;
  if (*name == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("The ARN ends with “/”; the role name is missing."));
      return NULL;
    }

  path = g_strndup (resource, name - resource);
  if (!inflow_aws_validate_role_name (name, error)
      || !inflow_aws_validate_role_path (path, error))
    return NULL;

  length = strlen (stripped);
  if (length < ROLE_ARN_MIN || length > ROLE_ARN_MAX)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   ngettext ("The role ARN has %u character; AWS accepts 20 to 2048.",
                             "The role ARN has %u characters; AWS accepts 20 to 2048.", length), (guint) length);
      return NULL;
    }

  return inflow_role_arn_new (partition, fields[4], path, name, error);
}

InflowRoleArn *
inflow_role_arn_copy (const InflowRoleArn *arn)
{
  InflowRoleArn *copy;

  g_return_val_if_fail (arn != NULL, NULL);

  copy = g_new0 (InflowRoleArn, 1);
  copy->partition = arn->partition;
  copy->account_id = g_strdup (arn->account_id);
  copy->path = g_strdup (arn->path);
  copy->name = g_strdup (arn->name);

  return copy;
}

void
inflow_role_arn_free (InflowRoleArn *arn)
{
  if (arn == NULL)
    return;

  g_free (arn->account_id);
  g_free (arn->path);
  g_free (arn->name);
  g_free (arn);
}

/**
 * inflow_role_arn_to_string:
 *
 * Returns: (transfer full): `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`
 */
char *
inflow_role_arn_to_string (const InflowRoleArn *arn)
{
  g_return_val_if_fail (arn != NULL, NULL);

  return g_strdup_printf ("arn:%s:iam::%s:role%s%s",
                          inflow_aws_partition_to_string (arn->partition),
                          arn->account_id,
                          arn->path != NULL ? arn->path : "/",
                          arn->name);
}

/**
 * inflow_bucket_arn_parse:
 * @text: an S3 bucket ARN, `arn:PARTITION:s3:::BUCKET`
 * @partition: (out) (optional): its partition
 * @bucket_name: (out) (optional) (transfer full): the bucket name
 */
gboolean
inflow_bucket_arn_parse (const char          *text,
                         InflowAwsPartition  *partition,
                         char               **bucket_name,
                         GError             **error)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) fields = NULL;
  InflowAwsPartition result;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_MISSING,
                   _("The bucket ARN is empty."));
      return FALSE;
    }

  if (!check_utf8 (stripped, error))
    return FALSE;

  fields = g_strsplit (stripped, ":", 6);
  if (!g_str_equal (fields[0], "arn") || g_strv_length (fields) != 6)
    {
      g_autofree char *quoted = inflow_onboarding_quote_value (stripped);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("%s is not a bucket ARN; those look like arn:aws:s3:::BUCKET."), quoted);
      return FALSE;
    }

  if (!inflow_aws_partition_from_string (fields[1], &result, error))
    return FALSE;

  if (!g_str_equal (fields[2], "s3"))
    {
      g_autofree char *quoted = inflow_onboarding_quote_value (fields[2]);

      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("This is an ARN of the %s service, not of an S3 bucket."), quoted);
      return FALSE;
    }

  if (*fields[3] != '\0' || *fields[4] != '\0')
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("A bucket ARN has empty region and account fields: arn:aws:s3:::BUCKET."));
      return FALSE;
    }

  if (strchr (fields[5], '/') != NULL)
    {
      g_set_error (error, INFLOW_ONBOARDING_ERROR, INFLOW_ONBOARDING_ERROR_INVALID,
                   _("This ARN names objects inside a bucket; the bucket ARN stops at the bucket name."));
      return FALSE;
    }

  if (!inflow_aws_validate_bucket_name (fields[5], error))
    return FALSE;

  if (partition != NULL)
    *partition = result;
  if (bucket_name != NULL)
    *bucket_name = g_strdup (fields[5]);

  return TRUE;
}

/**
 * inflow_bucket_arn_build:
 *
 * Returns: (transfer full): `arn:PARTITION:s3:::BUCKET`
 */
char *
inflow_bucket_arn_build (InflowAwsPartition  partition,
                         const char         *bucket_name)
{
  g_return_val_if_fail (bucket_name != NULL, NULL);

  return g_strdup_printf ("arn:%s:s3:::%s", inflow_aws_partition_to_string (partition), bucket_name);
}
