/* bench-list.c: list every integration of a running inflow-sim through the service layer
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-list [--token TOKEN] [--repeat N] [--provider NAME] BASE_URL
 *
 * Each repetition runs inflow_client_list_integrations_async() to the last
 * page (following links.next) and builds the InflowIntegration models, and
 * prints one line: "inflow: ITEMS items in MS ms". With more than one
 * repetition, a last line gives the median and the fastest. One client (one
 * SoupSession) serves all repetitions, as in the app. Exits non-zero when a
 * listing fails or an item does not parse. See run-bench.sh.
 */

#include "config.h"

#include <stdlib.h>

#include "inflow-client.h"

typedef struct
{
  GMainLoop  *loop;
  GListModel *list;
  guint       n_invalid;
  GError     *error;
} Run;

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  run->list = inflow_client_list_integrations_finish (INFLOW_CLIENT (source), result,
                                                      &run->n_invalid, &run->error);
  g_main_loop_quit (run->loop);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *token = NULL;
  g_autofree char *provider = NULL;
  gint repeat = 1;
  const GOptionEntry entries[] = {
    { "token", 't', 0, G_OPTION_ARG_STRING, &token, "API token (default: demo-token, inflow-sim's)", "TOKEN" },
    { "repeat", 'n', 0, G_OPTION_ARG_INT, &repeat, "Repetitions (default: 1)", "N" },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &provider, "Only this provider (default: all)", "NAME" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(InflowClient) client = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  context = g_option_context_new ("BASE_URL - list every integration through Inflow's service layer");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-list: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (argc != 2 || repeat < 1)
    {
      g_printerr ("bench-list: give one BASE_URL (e.g. http://127.0.0.1:8080) and --repeat ≥ 1\n");
      return EXIT_FAILURE;
    }

  client = inflow_client_new (argv[1], token != NULL ? token : "demo-token", &error);
  if (client == NULL)
    {
      g_printerr ("bench-list: %s\n", error->message);
      return EXIT_FAILURE;
    }
  loop = g_main_loop_new (NULL, FALSE);

  for (gint i = 0; i < repeat; i++)
    {
      Run run = { loop, NULL, 0, NULL };
      gint64 start = g_get_monotonic_time ();
      double ms;

      inflow_client_list_integrations_async (client, provider, NULL, NULL, listed_cb, &run);
      g_main_loop_run (loop);
      ms = (g_get_monotonic_time () - start) / 1000.0;

      if (run.list == NULL)
        {
          g_printerr ("bench-list: %s\n", run.error->message);
          g_error_free (run.error);
          return EXIT_FAILURE;
        }

      g_print ("inflow: %u items in %.1f ms\n", g_list_model_get_n_items (run.list), ms);
      g_array_append_val (times, ms);
      g_object_unref (run.list);

      if (run.n_invalid > 0)
        {
          g_printerr ("bench-list: %u items did not parse\n", run.n_invalid);
          return EXIT_FAILURE;
        }
    }

  if (times->len > 1)
    {
      g_array_sort (times, compare_doubles);
      g_print ("inflow: median %.1f ms, fastest %.1f ms over %u runs\n",
               g_array_index (times, double, times->len / 2), g_array_index (times, double, 0), times->len);
    }

  return EXIT_SUCCESS;
}
