/* inflow-console-links.c: links into the AWS and Vantage consoles
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-onboarding"

#include "config.h"

#include <string.h>

#include "inflow-console-links.h"

/*
 * Inflow opens only https:// links to the consoles it knows: the AWS
 * Management Console of the two partitions (optionally under a regional or
 * multi-session subdomain) and the Vantage console. Every link it builds
 * passes inflow_console_link_is_allowed(), and so must any link the views
 * are about to open.
 */

static char *
escape_component (const char *value)
{
  return g_uri_escape_string (value, NULL, FALSE);
}

/**
 * inflow_console_link_cloudformation_create:
 * @region: the region of the stack
 *
 * Returns: (transfer full): the CloudFormation console's create-stack page
 *   on the partition's console host, where the saved template is uploaded
 */
char *
inflow_console_link_cloudformation_create (InflowAwsPartition  partition,
                                           const char         *region)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (region != NULL, NULL);

  escaped = escape_component (region);

  return g_strdup_printf ("https://%s/cloudformation/home?region=%s#/stacks/create",
                          inflow_aws_partition_get_console_host (partition), escaped);
}

/**
 * inflow_console_link_iam_create_role:
 *
 * Returns: (transfer full): the IAM console's create-role page
 */
char *
inflow_console_link_iam_create_role (InflowAwsPartition partition)
{
  return g_strdup_printf ("https://%s/iam/home#/roles/create",
                          inflow_aws_partition_get_console_host (partition));
}

/**
 * inflow_console_link_iam_role:
 *
 * Returns: (transfer full): the IAM console's page of the role @role_name
 */
char *
inflow_console_link_iam_role (InflowAwsPartition  partition,
                              const char         *role_name)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (role_name != NULL, NULL);

  escaped = escape_component (role_name);

  return g_strdup_printf ("https://%s/iam/home#/roles/details/%s",
                          inflow_aws_partition_get_console_host (partition), escaped);
}

static gboolean
host_is_under (const char *host,
               const char *domain)
{
  gsize host_len = strlen (host);
  gsize domain_len = strlen (domain);

  if (g_ascii_strcasecmp (host, domain) == 0)
    return TRUE;

  /* One or more labels in front: "us-east-1.console.aws.amazon.com",
   * "123456789012-abcd1234.us-east-1.console.aws.amazon.com". */
  return host_len > domain_len + 1
         && host[host_len - domain_len - 1] == '.'
         && g_ascii_strcasecmp (host + host_len - domain_len, domain) == 0;
}

/**
 * inflow_console_link_is_allowed:
 * @url: (nullable): a link about to be opened
 *
 * Returns: %TRUE when @url is an https:// link, without user information or
 *   an explicit port, to the AWS console of aws or aws-us-gov (or one of
 *   its subdomains) or to the Vantage console
 */
gboolean
inflow_console_link_is_allowed (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (url == NULL)
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  if (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0
      || g_uri_get_userinfo (uri) != NULL
      || g_uri_get_port (uri) != -1)
    return FALSE;

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return FALSE;

  for (const char *p = host; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        return FALSE;
    }

  return g_ascii_strcasecmp (host, INFLOW_VANTAGE_CONSOLE_HOST) == 0
         || host_is_under (host, inflow_aws_partition_get_console_host (INFLOW_AWS_PARTITION_AWS))
         || host_is_under (host, inflow_aws_partition_get_console_host (INFLOW_AWS_PARTITION_AWS_US_GOV));
}
