/* inflow-console-links.h: links into the AWS and Vantage consoles
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "inflow-aws-arn.h"

G_BEGIN_DECLS

#define INFLOW_VANTAGE_CONSOLE_HOST             "console.vantage.sh"
#define INFLOW_VANTAGE_INTEGRATIONS_URL         "https://console.vantage.sh/settings/integrations"
#define INFLOW_VANTAGE_AWS_SETTINGS_URL         "https://console.vantage.sh/settings/aws"
#define INFLOW_VANTAGE_SUPPORT_ADDRESS          "support@vantage.sh"

char     *inflow_console_link_cloudformation_create (InflowAwsPartition  partition,
                                                     const char         *region);
char     *inflow_console_link_iam_create_role      (InflowAwsPartition  partition);
char     *inflow_console_link_iam_role             (InflowAwsPartition  partition,
                                                     const char         *role_name);
gboolean  inflow_console_link_is_allowed           (const char         *url);

G_END_DECLS
