/* test-scenario-verdicts.c: the simulator's notable integrations get the verdicts they stand for
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "inflow-ingestion-item.h"
#include "inflow-ingestion-monitor.h"
#include "inflow-session.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"

/* Ten virtual minutes a second: the monitor gets to probe every AWS
 * integration in half a minute, while their age moves by five hours at
 * most, well inside the 24 hours of Late and Stale. */
#define TIME_SCALE 600.0

typedef struct
{
  InflowIngestionMonitor *monitor;
  const char             *token;
  InflowIngestionPhase    phase;
} PhaseWait;

static gboolean
phase_reached (PhaseWait *wait)
{
  InflowIngestionItem *item = inflow_ingestion_monitor_lookup (wait->monitor, wait->token);

  return item != NULL && inflow_ingestion_item_get_phase (item) == wait->phase;
}

static gboolean
both_reached (gpointer data)
{
  PhaseWait *waits = data;

  return phase_reached (&waits[0]) && phase_reached (&waits[1]);
}

static const char *
phase_name (InflowIngestionMonitor *monitor,
            const char             *token)
{
  InflowIngestionItem *item = inflow_ingestion_monitor_lookup (monitor, token);
  g_autoptr(GEnumClass) klass = g_type_class_ref (INFLOW_TYPE_INGESTION_PHASE);

  if (item == NULL)
    return "(not tracked)";

  g_test_message ("verdict: %s", inflow_ingestion_item_get_verdict (item)->reason);
  return g_enum_get_value (klass, inflow_ingestion_item_get_phase (item))->value_nick;
}

/* The Late and the Stale integration: the monitor's verdicts are Late and
 * Stale, not Critical, whenever the scenario starts (its ages are laid out
 * from the start time, whatever the time of day or the day of the month). */
static void
test_late_and_stale (void)
{
  static const guint64 seeds[] = { 7 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(InflowSimulator) sim = inflow_simulator_new (seeds[i], 0, 0);
      g_autoptr(InflowClient) client = NULL;
      g_autoptr(InflowProfile) profile = NULL;
      g_autoptr(InflowSession) session = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      InflowIngestionMonitor *monitor;
      PhaseWait waits[2];

      inflow_simulator_set_time_scale (sim, TIME_SCALE);
      inflow_simulator_listen (sim, 0, &error);
      g_assert_no_error (error);
      client = inflow_client_new (inflow_simulator_get_base_url (sim), "demo-token", &error);
      g_assert_no_error (error);
      profile = inflow_profile_new_demo (inflow_simulator_get_base_url (sim));
      session = inflow_session_new (profile, client, NULL);
      inflow_session_refresh_async (session, NULL, inflow_test_store_result_cb, &result);
      inflow_session_refresh_finish (session, inflow_test_wait_result (&result), &error);
      g_assert_no_error (error);

      monitor = inflow_session_get_ingestion_monitor (session);
      waits[0] = (PhaseWait) { monitor, inflow_simulator_get_notable_integration (sim, INFLOW_SIM_NOTABLE_LATE),
                               INFLOW_INGESTION_PHASE_LATE };
      waits[1] = (PhaseWait) { monitor, inflow_simulator_get_notable_integration (sim, INFLOW_SIM_NOTABLE_STALE),
                               INFLOW_INGESTION_PHASE_STALE };

      /* Checked below, with the verdict's reason when it fails */
      inflow_test_wait_until (both_reached, waits, 60000);

      if (!phase_reached (&waits[0]))
        g_error ("seed %" G_GUINT64_FORMAT ": the late integration is %s", seeds[i], phase_name (monitor, waits[0].token));
      if (!phase_reached (&waits[1]))
        g_error ("seed %" G_GUINT64_FORMAT ": the stale integration is %s", seeds[i], phase_name (monitor, waits[1].token));

      inflow_session_close (session);
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  g_test_add_func ("/demo/scenario/late-and-stale", test_late_and_stale);

  return inflow_test_run ();
}
