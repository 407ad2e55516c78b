/* inflow-link-policy.c: which links Inflow opens
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-service"

#include "config.h"

#include "inflow-console-links.h"
#include "inflow-link-policy.h"

/* The header fields a mail to support may carry (RFC 6068 §2: names are
 * case-insensitive); anything else (to, cc, bcc, attach, in-reply-to…)
 * could add a recipient, a file or a header the user did not see. */
static const char * const mail_fields[] = { "subject", "body" };

/**
 * inflow_link_is_support_mail:
 * @uri: (nullable): a link about to be opened
 *
 * Whether @uri is a mail to Vantage support and nothing more:
 * `mailto:` %INFLOW_VANTAGE_SUPPORT_ADDRESS, with at most a subject and a
 * body, each once and properly %-encoded; no other recipient, header or
 * fragment.
 *
 * Returns: %TRUE for such a link
 */
gboolean
inflow_link_is_support_mail (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  GUriParamsIter iter;
  gboolean seen[G_N_ELEMENTS (mail_fields)] = { FALSE };
  const char *query;
  char *name;
  char *value;

  if (uri == NULL)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (parsed == NULL ||
      g_ascii_strcasecmp (g_uri_get_scheme (parsed), "mailto") != 0 ||
      g_strcmp0 (g_uri_get_path (parsed), INFLOW_VANTAGE_SUPPORT_ADDRESS) != 0 ||
      g_uri_get_fragment (parsed) != NULL)
    return FALSE;

  query = g_uri_get_query (parsed);
  if (query == NULL)
    return TRUE;

  g_uri_params_iter_init (&iter, query, -1, "&", G_URI_PARAMS_CASE_INSENSITIVE);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *owned_name = NULL;
      g_autofree char *owned_value = NULL;
      gboolean known = FALSE;

      if (!g_uri_params_iter_next (&iter, &name, &value, &error))
        return error == NULL;

      owned_name = name;
      owned_value = value;

      if (!g_utf8_validate (value, -1, NULL))
        return FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (mail_fields); i++)
        if (g_ascii_strcasecmp (name, mail_fields[i]) == 0)
          {
            if (seen[i])
              return FALSE;
            seen[i] = known = TRUE;
          }

      if (!known)
        return FALSE;
    }
}

/**
 * inflow_link_is_allowed:
 * @uri: (nullable): a link about to be opened
 *
 * The one decision on the links Inflow opens: https links to the AWS and
 * Vantage consoles (inflow_console_link_is_allowed()) and a mail to Vantage
 * support (inflow_link_is_support_mail()).
 *
 * Returns: %TRUE when @uri may be opened
 */
gboolean
inflow_link_is_allowed (const char *uri)
{
  if (uri == NULL)
    return FALSE;

  if (g_ascii_strncasecmp (uri, "mailto:", 7) == 0)
    return inflow_link_is_support_mail (uri);

  return inflow_console_link_is_allowed (uri);
}
