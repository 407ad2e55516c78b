/* test-link-policy.c: the links Inflow opens, and those it refuses
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "inflow-link-policy.h"
#include "inflow-test-utils.h"

static void
test_support_mail (void)
{
  static const struct
  {
    const char *uri;
    gboolean    allowed;
  } cases[] = {
    { "mailto:support@vantage.sh", TRUE },
    { "mailto:support@vantage.sh?subject=CUR%20backfill", TRUE },
    { "mailto:support@vantage.sh?subject=CUR%20backfill&body=Hello%0D%0AWorld", TRUE },
    { "mailto:support@vantage.sh?body=x&subject=y", TRUE },
    { "MAILTO:support@vantage.sh?Subject=x", TRUE },
    /* Anything that adds a file, a recipient or a header */
    { "mailto:support@vantage.sh?subject=x&attach=/etc/passwd", FALSE },
    { "mailto:support@vantage.sh?attachment=%2Fhome%2Fu%2F.ssh%2Fid_rsa", FALSE },
    { "mailto:support@vantage.sh?subject=x&cc=evil@example.com", FALSE },
    { "mailto:support@vantage.sh?bcc=evil@example.com", FALSE },
    { "mailto:support@vantage.sh?to=evil@example.com", FALSE },
    { "mailto:support@vantage.sh?subject=x&subject=y", FALSE },
    { "mailto:support@vantage.sh?subject=x&in-reply-to=%3Cx%40y%3E", FALSE },
    { "mailto:support@vantage.sh?subject", FALSE },
    { "mailto:support@vantage.sh?subject=%ZZ", FALSE },
    { "mailto:support@vantage.sh?subject=%FF", FALSE },
    { "mailto:support@vantage.sh#x", FALSE },
    /* Another address, or more than one */
    { "mailto:someone@example.com", FALSE },
    { "mailto:support@vantage.sh.evil.example", FALSE },
    { "mailto:support@vantage.sh,evil@example.com", FALSE },
    { "mailto:support@vantage.sh%2Cevil@example.com", FALSE },
    { "mailto:?to=support@vantage.sh", FALSE },
    { "mailto:", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].uri ? cases[i].uri : "(null)");
      g_assert_cmpint (inflow_link_is_support_mail (cases[i].uri), ==, cases[i].allowed);
      g_assert_cmpint (inflow_link_is_allowed (cases[i].uri), ==, cases[i].allowed);
    }
}

static void
test_console_links (void)
{
  g_assert_true (inflow_link_is_allowed ("https://console.aws.amazon.com/iam/home"));
  g_assert_true (inflow_link_is_allowed ("https://us-east-1.console.aws.amazon.com/cloudformation/home"));
  g_assert_true (inflow_link_is_allowed ("https://console.vantage.sh/settings/integrations"));
  g_assert_false (inflow_link_is_allowed ("http://console.aws.amazon.com/"));
  g_assert_false (inflow_link_is_allowed ("https://console.aws.amazon.com.evil.example/"));
  g_assert_false (inflow_link_is_allowed ("file:///etc/passwd"));
  g_assert_false (inflow_link_is_allowed ("javascript:alert(1)"));
  /* A console link is not a mail, and a mail is not a console link */
  g_assert_false (inflow_link_is_support_mail ("https://console.vantage.sh/settings/integrations"));
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/service/links/support-mail", test_support_mail);
  g_test_add_func ("/service/links/console", test_console_links);

  return inflow_test_run ();
}
