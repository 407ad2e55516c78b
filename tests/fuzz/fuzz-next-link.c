/* fuzz-next-link.c: which `links.next` the client follows with the token
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Byte 0 picks the client's base URL and the page the link came from; the
 * rest is `links.next` as a list page sends it. inflow_call_check_next_link()
 * must accept only a link within the base URL's origin, checked here again
 * independently, and never the same page twice.
 */

#include <string.h>

#include <libsoup/soup.h>

#include "fuzz-common.h"
#include "inflow-api-error.h"
#include "inflow-call.h"

static const char * const bases[] = {
  "https://api.vantage.sh",
  "https://api.vantage.sh/",
  "http://127.0.0.1:8080",
  "http://[::1]:39001/api",
  "https://API.Vantage.sh:443/prefix/",
  "http://localhost:80",
};

static const char * const pages[] = {
  "/v2/integrations?limit=100",
  "/v2/cost_provider_accounts?page=2&limit=100",
  "/api/v2/costs?workspace_token=wrkspc_1&start_date=2024-01-01",
  "",
};

/* The origin rule written out once more: scheme, host (any case) and port */
static gboolean
same_origin (GUri *a,
             GUri *b)
{
  int port_a = g_uri_get_port (a);
  int port_b = g_uri_get_port (b);

  if (port_a == -1)
    port_a = g_ascii_strcasecmp (g_uri_get_scheme (a), "https") == 0 ? 443 : 80;
  if (port_b == -1)
    port_b = g_ascii_strcasecmp (g_uri_get_scheme (b), "https") == 0 ? 443 : 80;

  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_uri_get_host (a) != NULL && g_uri_get_host (b) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         port_a == port_b;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) page = NULL;
  g_autoptr(GUri) next_uri = NULL;
  g_autoptr(GUri) again = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  g_autofree char *key = NULL;

  fuzz_init ();

  if (size < 2)
    return 0;

  base = g_uri_parse (bases[data[0] % G_N_ELEMENTS (bases)], SOUP_HTTP_URI_FLAGS, NULL);
  page = g_uri_parse_relative (base, pages[(data[0] / G_N_ELEMENTS (bases)) % G_N_ELEMENTS (pages)],
                               SOUP_HTTP_URI_FLAGS, NULL);
  fuzz_check (page != NULL);

  /* links.next is a JSON string: valid UTF-8, and not empty (the caller
   * treats "" as the last page) */
  next = fuzz_strndup (data + 1, size - 1);
  if (*next == '\0' || !g_utf8_validate (next, -1, NULL))
    return 0;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (seen, g_uri_to_string_partial (page, G_URI_HIDE_PASSWORD));

  next_uri = inflow_call_check_next_link (page, base, next, seen, &key, &error);
  fuzz_check ((next_uri == NULL) == (error != NULL));

  if (next_uri == NULL)
    {
      fuzz_check (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_INVALID_RESPONSE));
      fuzz_check_utf8 (error->message);
      return 0;
    }

  /* Followed: the token goes there, so it must be the API's origin */
  fuzz_check (same_origin (next_uri, base));
  fuzz_check (key != NULL && !g_hash_table_contains (seen, key));
  fuzz_check (g_uri_get_host (next_uri) != NULL && *g_uri_get_host (next_uri) != '\0');

  /* What libsoup will request: the URI as a string parses back to the
   * same origin. */
  {
    g_autofree char *text = g_uri_to_string (next_uri);
    g_autoptr(GUri) reparsed = g_uri_parse (text, SOUP_HTTP_URI_FLAGS, NULL);

    fuzz_check (reparsed != NULL);
    fuzz_check (same_origin (reparsed, base));
  }

  /* The same link from the next page is a loop */
  g_hash_table_add (seen, g_steal_pointer (&key));
  again = inflow_call_check_next_link (next_uri, base, next, seen, &key, &error);
  if (again != NULL)
    {
      /* A relative link may lead on from the new page, but never back to
       * a page already read. */
      fuzz_check (key != NULL && !g_hash_table_contains (seen, key));
      fuzz_check (same_origin (again, base));
    }

  return 0;
}
