/* inflow-sim.c: the Vantage API simulator as a program of its own
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints its base URL ("http://127.0.0.1:PORT") as the first line of
 * standard output, then serves until SIGINT or SIGTERM. The notable
 * integrations of the scenario go to standard error.
 *
 * With --control it also reads commands from standard input, one a line,
 * answers each with one line on standard output, and quits at the end of
 * the input:
 *
 *   chaos P          a random fault for the share P of the requests (0: off)
 *   time-scale X     virtual seconds per real second from now on
 *   clear-faults     removes the faults added with --fault and the like
 *   report           the chaos report (a JSON object, one line)
 *
 * The answer is "ok", the report, or "error: " and why.
 */

#define G_LOG_DOMAIN "inflow-sim"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib-unix.h>
#include <gio/gunixinputstream.h>

#include "inflow-simulator.h"

typedef struct
{
  InflowSimulator *sim;
  GError         **error;
} FaultParse;

static gboolean
parse_count (const char  *text,
             guint       *count,
             GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, error))
    return FALSE;

  *count = (guint) value;
  return TRUE;
}

/* METHOD:PATH:STATUS[:COUNT] */
static gboolean
add_status_fault (InflowSimulator  *sim,
                  const char       *spec,
                  GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 4);
  guint64 status;
  guint count = 0;

  if (g_strv_length (parts) < 3 ||
      !g_ascii_string_to_unsigned (parts[2], 10, 100, 599, &status, NULL) ||
      (parts[3] != NULL && !parse_count (parts[3], &count, NULL)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--fault wants METHOD:PATH:STATUS[:COUNT], got \"%s\"", spec);
      return FALSE;
    }

  inflow_simulator_add_fault (sim, parts[0], parts[1], INFLOW_SIM_FAULT_STATUS,
                              (guint) status, 0, count);
  return TRUE;
}

/* KIND:METHOD:PATH[:COUNT] */
static gboolean
add_kind_fault (InflowSimulator  *sim,
                const char       *spec,
                GError          **error)
{
  static const struct {
    const char     *name;
    InflowSimFault  kind;
  } kinds[] = {
    { "truncate", INFLOW_SIM_FAULT_TRUNCATED_BODY },
    { "cut-json", INFLOW_SIM_FAULT_CUT_JSON },
    { "malformed", INFLOW_SIM_FAULT_MALFORMED_JSON },
    { "wrong-types", INFLOW_SIM_FAULT_WRONG_TYPES },
    { "drop", INFLOW_SIM_FAULT_DROP_CONNECTION },
  };
  g_auto(GStrv) parts = g_strsplit (spec, ":", 4);
  guint count = 0;

  if (g_strv_length (parts) >= 3 &&
      (parts[3] == NULL || parse_count (parts[3], &count, NULL)))
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          if (g_str_equal (parts[0], kinds[i].name))
            {
              inflow_simulator_add_fault (sim, parts[1], parts[2], kinds[i].kind, 0, 0, count);
              return TRUE;
            }
        }
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "--fault-kind wants KIND:METHOD:PATH[:COUNT] with KIND one of "
               "truncate, cut-json, malformed, wrong-types, drop; got \"%s\"", spec);
  return FALSE;
}

/* PATH:MS[:COUNT] */
static gboolean
add_delay (InflowSimulator  *sim,
           const char       *spec,
           GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 3);
  guint delay = 0;
  guint count = 0;

  if (g_strv_length (parts) < 2 || !parse_count (parts[1], &delay, NULL) ||
      (parts[2] != NULL && !parse_count (parts[2], &count, NULL)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--delay wants PATH:MS[:COUNT], got \"%s\"", spec);
      return FALSE;
    }

  inflow_simulator_add_fault (sim, NULL, parts[0], INFLOW_SIM_FAULT_DELAY, 0, delay, count);
  return TRUE;
}

/* PATH:STATUS:URL (the URL is everything after the second colon) */
static gboolean
add_redirect (InflowSimulator  *sim,
              const char       *spec,
              GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 3);
  guint64 status;

  if (g_strv_length (parts) < 3 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 300, 399, &status, NULL) ||
      !g_str_has_prefix (parts[2], "http"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--redirect wants PATH:STATUS:URL, got \"%s\"", spec);
      return FALSE;
    }

  inflow_simulator_add_redirect (sim, parts[0], (guint) status, parts[2], 0);
  return TRUE;
}

/* N/SECONDS */
static gboolean
parse_rate (const char  *spec,
            const char  *option,
            guint       *limit,
            guint       *seconds,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, "/", 2);

  if (g_strv_length (parts) != 2 || !parse_count (parts[0], limit, NULL) ||
      !parse_count (parts[1], seconds, NULL) || *seconds == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s wants N/SECONDS, got \"%s\"", option, spec);
      return FALSE;
    }

  return TRUE;
}

/* --control: commands on standard input */

typedef struct
{
  InflowSimulator  *sim;
  GMainLoop        *loop;
  GDataInputStream *input;
} Control;

static char *
run_command (InflowSimulator *sim,
             const char      *line)
{
  g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);
  double value;
  char *end = NULL;

  if (words[0] == NULL || *words[0] == '\0')
    return g_strdup ("error: an empty command");

  if (g_str_equal (words[0], "report"))
    return inflow_simulator_dup_chaos_report (sim);
  if (g_str_equal (words[0], "clear-faults"))
    {
      inflow_simulator_clear_faults (sim);
      return g_strdup ("ok");
    }

  if (!g_str_equal (words[0], "chaos") && !g_str_equal (words[0], "time-scale"))
    return g_strdup_printf ("error: unknown command \"%s\" (chaos, time-scale, clear-faults, report)", words[0]);
  if (words[1] == NULL || words[2] != NULL)
    return g_strdup_printf ("error: %s wants one number", words[0]);

  value = g_ascii_strtod (words[1], &end);
  if (end == words[1] || *end != '\0' || !(value >= 0) ||
      (g_str_equal (words[0], "chaos") && value > 1))
    return g_strdup_printf ("error: %s: \"%s\" is not a valid value", words[0], words[1]);

  if (g_str_equal (words[0], "chaos"))
    inflow_simulator_set_chaos (sim, value, (guint64) g_get_real_time ());
  else
    inflow_simulator_set_time_scale (sim, value);

  return g_strdup ("ok");
}

static void
control_line_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Control *control = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *answer = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (control->input, result, NULL, &error);
  if (line == NULL)
    {
      if (error != NULL)
        g_printerr ("inflow-sim: --control: %s\n", error->message);
      g_main_loop_quit (control->loop);
      return;
    }

  answer = run_command (control->sim, g_strstrip (line));
  g_print ("%s\n", answer);
  fflush (stdout);

  g_data_input_stream_read_line_async (control->input, G_PRIORITY_DEFAULT, NULL, control_line_cb, control);
}

static gboolean
quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    InflowSimNotable  which;
    const char       *label;
  } notables[] = {
    { INFLOW_SIM_NOTABLE_MANAGEMENT, "management account" },
    { INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR, "awaiting first CUR" },
    { INFLOW_SIM_NOTABLE_STALE, "stale" },
    { INFLOW_SIM_NOTABLE_ERROR, "error" },
    { INFLOW_SIM_NOTABLE_DISCONNECTED, "disconnected" },
    { INFLOW_SIM_NOTABLE_GOVCLOUD, "GovCloud" },
    { INFLOW_SIM_NOTABLE_NO_WORKSPACE, "no workspace" },
    { INFLOW_SIM_NOTABLE_PENDING, "pending" },
    { INFLOW_SIM_NOTABLE_IMPORTING, "importing" },
    { INFLOW_SIM_NOTABLE_LATE, "late" },
  };
  gint port = 0;
  gint64 seed = 1;
  gint n_integrations = 40;
  gint n_accounts = 60;
  double time_scale = 1.0;
  gint64 clock_offset = 0;
  g_autofree char *token = NULL;
  g_autofree char *read_only_token = NULL;
  g_auto(GStrv) faults = NULL;
  g_auto(GStrv) fault_kinds = NULL;
  g_auto(GStrv) delays = NULL;
  g_auto(GStrv) redirects = NULL;
  g_autofree char *rate_limit = NULL;
  g_autofree char *cost_rate_limit = NULL;
  gboolean quiet = FALSE;
  gboolean control_mode = FALSE;
  double chaos = 0;
  gint64 chaos_seed = 1;
  Control control = { NULL };
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "TCP port on 127.0.0.1 (default: a free one)", "PORT" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the scenario (default: 1)", "N" },
    { "integrations", 0, 0, G_OPTION_ARG_INT, &n_integrations, "Number of integrations (default: 40)", "N" },
    { "accounts", 0, 0, G_OPTION_ARG_INT, &n_accounts, "Number of AWS accounts (default: 60)", "N" },
    { "time-scale", 't', 0, G_OPTION_ARG_DOUBLE, &time_scale,
      "Virtual seconds per real second (default: 1; 480: 8 virtual hours a minute)", "X" },
    { "clock-offset", 0, 0, G_OPTION_ARG_INT64, &clock_offset,
      "Seconds the virtual clock is ahead of real time (negative: behind)", "SECONDS" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, "Read-write token (default: demo-token)", "TOKEN" },
    { "read-only-token", 0, 0, G_OPTION_ARG_STRING, &read_only_token,
      "Read-only token (default: demo-read-token)", "TOKEN" },
    { "fault", 0, 0, G_OPTION_ARG_STRING_ARRAY, &faults,
      "Answer METHOD (or *) on paths starting with PATH with STATUS, COUNT times (0 or none: always)",
      "METHOD:PATH:STATUS[:COUNT]" },
    { "fault-kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fault_kinds,
      "Other faults: KIND is truncate, cut-json, malformed, wrong-types or drop",
      "KIND:METHOD:PATH[:COUNT]" },
    { "delay", 0, 0, G_OPTION_ARG_STRING_ARRAY, &delays,
      "Delay answers on paths starting with PATH by MS milliseconds", "PATH:MS[:COUNT]" },
    { "redirect", 0, 0, G_OPTION_ARG_STRING_ARRAY, &redirects,
      "Redirect paths starting with PATH with STATUS to URL", "PATH:STATUS:URL" },
    { "rate-limit", 0, 0, G_OPTION_ARG_STRING, &rate_limit,
      "Requests allowed per window (default: 1000/3600; 0/1: no limit)", "N/SECONDS" },
    { "cost-rate-limit", 0, 0, G_OPTION_ARG_STRING, &cost_rate_limit,
      "Separate limit on /v2/costs (Vantage: 5/5; default: off)", "N/SECONDS" },
    { "chaos", 0, 0, G_OPTION_ARG_DOUBLE, &chaos,
      "A random fault (5xx, 429, slow, dropped, truncated, malformed) for the share P of the requests", "P" },
    { "chaos-seed", 0, 0, G_OPTION_ARG_INT64, &chaos_seed, "Seed of the random faults (default: 1)", "N" },
    { "control", 0, 0, G_OPTION_ARG_NONE, &control_mode,
      "Read commands from standard input (chaos P, time-scale X, clear-faults, report); quit at its end", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Do not list the notable integrations on stderr", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(InflowSimulator) sim = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  guint limit, seconds;

  /* Standard output is for the URL and the answers to --control */
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new ("- simulate the Vantage API");
  g_option_context_set_summary (context,
                                "Serves a simulated Vantage API (v2 and the v1 AWS calls) on 127.0.0.1.\n"
                                "The first line of standard output is its base URL.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("inflow-sim: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (port < 0 || port > 65535 || n_integrations < 0 || n_accounts < 0 || time_scale < 0 || seed < 0 ||
      !(chaos >= 0 && chaos <= 1))
    {
      g_printerr ("inflow-sim: invalid option value\n");
      return EXIT_FAILURE;
    }

  sim = inflow_simulator_new ((guint64) seed, (guint) n_integrations, (guint) n_accounts);
  inflow_simulator_set_time_scale (sim, time_scale);
  if (clock_offset != 0)
    inflow_simulator_set_clock_offset (sim, clock_offset * G_TIME_SPAN_SECOND);
  inflow_simulator_set_tokens (sim,
                               token != NULL ? token : "demo-token",
                               read_only_token != NULL ? read_only_token : "demo-read-token");

  for (guint i = 0; faults != NULL && faults[i] != NULL; i++)
    if (!add_status_fault (sim, faults[i], &error))
      goto fail;
  for (guint i = 0; fault_kinds != NULL && fault_kinds[i] != NULL; i++)
    if (!add_kind_fault (sim, fault_kinds[i], &error))
      goto fail;
  for (guint i = 0; delays != NULL && delays[i] != NULL; i++)
    if (!add_delay (sim, delays[i], &error))
      goto fail;
  for (guint i = 0; redirects != NULL && redirects[i] != NULL; i++)
    if (!add_redirect (sim, redirects[i], &error))
      goto fail;
  if (rate_limit != NULL)
    {
      if (!parse_rate (rate_limit, "--rate-limit", &limit, &seconds, &error))
        goto fail;
      inflow_simulator_set_rate_limit (sim, limit, seconds);
    }
  if (cost_rate_limit != NULL)
    {
      if (!parse_rate (cost_rate_limit, "--cost-rate-limit", &limit, &seconds, &error))
        goto fail;
      inflow_simulator_set_cost_rate_limit (sim, limit, seconds);
    }

  if (chaos > 0)
    inflow_simulator_set_chaos (sim, chaos, (guint64) chaos_seed);

  if (!inflow_simulator_listen (sim, (guint) port, &error))
    goto fail;

  g_print ("%s\n", inflow_simulator_get_base_url (sim));
  fflush (stdout);

  if (!quiet)
    {
      g_printerr ("inflow-sim: seed %" G_GINT64_FORMAT ", %d integrations, %d AWS accounts, time scale %g\n",
                  seed, n_integrations, n_accounts, time_scale);
      g_printerr ("inflow-sim: Default workspace %s\n",
                  inflow_simulator_get_default_workspace_token (sim));
      for (guint i = 0; i < G_N_ELEMENTS (notables); i++)
        g_printerr ("inflow-sim: %-20s %s\n", notables[i].label,
                    inflow_simulator_get_notable_integration (sim, notables[i].which));
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  if (control_mode)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      control.sim = sim;
      control.loop = loop;
      control.input = g_data_input_stream_new (in);
      g_data_input_stream_read_line_async (control.input, G_PRIORITY_DEFAULT, NULL, control_line_cb, &control);
    }
  g_main_loop_run (loop);
  g_clear_object (&control.input);

  return EXIT_SUCCESS;

fail:
  g_printerr ("inflow-sim: %s\n", error->message);
  return EXIT_FAILURE;
}
