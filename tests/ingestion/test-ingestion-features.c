/* test-ingestion-features.c: the feature table per phase, GovCloud and provider
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "inflow-ingestion-features.h"
#include "inflow-test-utils.h"

#define A INFLOW_FEATURE_STATE_AVAILABLE
#define P INFLOW_FEATURE_STATE_PARTIAL
#define U INFLOW_FEATURE_STATE_UNAVAILABLE
#define N INFLOW_FEATURE_STATE_NOT_APPLICABLE
#define K INFLOW_FEATURE_STATE_UNKNOWN

typedef struct
{
  InflowIngestionPhase     phase;
  InflowIngestionCurState  cur_state;
  gboolean                 govcloud;
  const char              *provider;
  /* Active Resources, Cost Reports, Autopilot, Savings Planner */
  InflowFeatureState       states[INFLOW_INGESTION_N_FEATURES];
  /* A word the Active Resources and Cost Reports explanations must carry. */
  const char              *active_resources_word;
  const char              *cost_reports_word;
} FeatureCase;

#define AWAITING INFLOW_INGESTION_CUR_STATE_AWAITING
#define RECEIVED INFLOW_INGESTION_CUR_STATE_RECEIVED
#define NOT_PROBED INFLOW_INGESTION_CUR_STATE_UNKNOWN

static const FeatureCase cases[] = {
  /* Before the first CUR: rates only; by service only; unavailable (seed). */
  { INFLOW_INGESTION_PHASE_PENDING, NOT_PROBED, FALSE, "aws", { U, U, U, U }, "validates", "validates" },
  { INFLOW_INGESTION_PHASE_IMPORTING, NOT_PROBED, FALSE, "aws", { P, P, U, U }, "rates", "by service" },
  { INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, NOT_PROBED, FALSE, "aws", { P, P, U, U }, "rates", "by service" },
  { INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, AWAITING, FALSE, "aws", { P, P, U, U }, "rates", "by resource once" },
  { INFLOW_INGESTION_PHASE_FIRST_CUR_LATE, AWAITING, FALSE, "aws", { P, P, U, U }, "rates", "by service" },
  /* After it: accrued costs per resource; by resource; available. */
  { INFLOW_INGESTION_PHASE_IMPORTING, RECEIVED, FALSE, "aws", { A, A, A, A }, "Accrued", "by resource" },
  { INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, RECEIVED, FALSE, "aws", { A, A, A, A }, "category", "by resource" },
  { INFLOW_INGESTION_PHASE_FRESH, RECEIVED, FALSE, "aws", { A, A, A, A }, "Accrued", "by resource" },
  { INFLOW_INGESTION_PHASE_LATE, RECEIVED, FALSE, "aws", { A, A, A, A }, "Accrued", "by resource" },
  { INFLOW_INGESTION_PHASE_STALE, RECEIVED, FALSE, "aws", { P, P, A, A }, "missing", "missing" },
  { INFLOW_INGESTION_PHASE_CRITICAL, RECEIVED, FALSE, "aws", { P, P, A, A }, "missing", "missing" },
  /* Error, disconnected, unknown */
  { INFLOW_INGESTION_PHASE_ERROR, RECEIVED, FALSE, "aws", { P, P, P, P }, "error", "error" },
  { INFLOW_INGESTION_PHASE_ERROR, AWAITING, FALSE, "aws", { K, K, U, U }, "error", "error" },
  { INFLOW_INGESTION_PHASE_DISCONNECTED, RECEIVED, FALSE, "aws", { U, P, U, U }, "disconnected", "disconnection" },
  { INFLOW_INGESTION_PHASE_UNKNOWN, NOT_PROBED, FALSE, "aws", { K, K, K, K }, "know", "know" },
  { INFLOW_INGESTION_PHASE_UNKNOWN, RECEIVED, FALSE, "aws", { K, K, K, K }, "know", "know" },
  /* GovCloud: Active Resources never synced; the rest as usual. */
  { INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, NOT_PROBED, TRUE, "aws", { N, P, U, U }, "GovCloud", "by service" },
  { INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, RECEIVED, TRUE, "aws", { N, A, A, A }, "GovCloud", "by resource" },
  { INFLOW_INGESTION_PHASE_FRESH, RECEIVED, TRUE, "AWS", { N, A, A, A }, "Cost Reports", "by resource" },
  { INFLOW_INGESTION_PHASE_STALE, RECEIVED, TRUE, "aws", { N, P, A, A }, "GovCloud", "missing" },
  { INFLOW_INGESTION_PHASE_ERROR, RECEIVED, TRUE, "aws", { N, P, P, P }, "GovCloud", "error" },
  { INFLOW_INGESTION_PHASE_PENDING, NOT_PROBED, TRUE, "aws", { N, U, U, U }, "GovCloud", "validates" },
  /* Not AWS: the CUR delay does not apply. */
  { INFLOW_INGESTION_PHASE_UNKNOWN, NOT_PROBED, FALSE, "azure", { N, N, N, N }, "AWS", "AWS" },
  { INFLOW_INGESTION_PHASE_PENDING, NOT_PROBED, FALSE, "gcp", { N, N, N, N }, "AWS", "AWS" },
  { INFLOW_INGESTION_PHASE_UNKNOWN, NOT_PROBED, FALSE, NULL, { N, N, N, N }, "AWS", "AWS" },
};

static void
test_feature_case (gconstpointer data)
{
  const FeatureCase *c = data;
  InflowIngestionVerdict verdict = { 0, };
  InflowFeatureAvailability table[INFLOW_INGESTION_N_FEATURES];

  verdict.phase = c->phase;
  verdict.cur_state = c->cur_state;
  inflow_ingestion_features_evaluate (c->provider, c->govcloud, &verdict, table);

  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    {
      InflowFeatureAvailability one = inflow_ingestion_feature_evaluate (i, c->provider, c->govcloud, &verdict);

      g_test_message ("%s: %d %s", inflow_ingestion_feature_get_name (i), table[i].state, table[i].explanation);
      g_assert_cmpint (table[i].feature, ==, i);
      g_assert_cmpint (table[i].state, ==, c->states[i]);
      g_assert_cmpint (one.state, ==, table[i].state);
      g_assert_cmpstr (one.explanation, ==, table[i].explanation);
      g_assert_nonnull (table[i].explanation);
      g_assert_cmpuint (strlen (table[i].explanation), >, 10);
      g_assert_null (strchr (table[i].explanation, '\n'));
    }

  g_assert_nonnull (strstr (table[INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES].explanation, c->active_resources_word));
  g_assert_nonnull (strstr (table[INFLOW_INGESTION_FEATURE_COST_REPORTS].explanation, c->cost_reports_word));
}

/* Every phase has an answer for every feature, and nothing unknown or not
 * yet received is ever reported available (no misleading green tick). */
static void
test_features_all_phases (void)
{
  for (guint phase = 0; phase < INFLOW_INGESTION_N_PHASES; phase++)
    for (guint cur = INFLOW_INGESTION_CUR_STATE_UNKNOWN; cur <= INFLOW_INGESTION_CUR_STATE_RECEIVED; cur++)
      for (guint gov = 0; gov < 2; gov++)
        {
          InflowIngestionVerdict verdict = { 0, };
          InflowFeatureAvailability table[INFLOW_INGESTION_N_FEATURES];

          verdict.phase = phase;
          verdict.cur_state = cur;
          inflow_ingestion_features_evaluate ("aws", gov, &verdict, table);

          for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
            {
              g_assert_nonnull (table[i].explanation);
              /* (the data-age phases imply a received CUR) */
              if (cur != INFLOW_INGESTION_CUR_STATE_RECEIVED &&
                  phase != INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED &&
                  phase != INFLOW_INGESTION_PHASE_FRESH &&
                  phase != INFLOW_INGESTION_PHASE_LATE &&
                  phase != INFLOW_INGESTION_PHASE_STALE &&
                  phase != INFLOW_INGESTION_PHASE_CRITICAL)
                g_assert_cmpint (table[i].state, !=, INFLOW_FEATURE_STATE_AVAILABLE);
              if (phase == INFLOW_INGESTION_PHASE_UNKNOWN &&
                  !(gov && i == INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES))
                g_assert_cmpint (table[i].state, ==, INFLOW_FEATURE_STATE_UNKNOWN);
            }

          if (gov)
            g_assert_cmpint (table[INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES].state, ==,
                             INFLOW_FEATURE_STATE_NOT_APPLICABLE);
        }
}

/* With verdicts made from facts, not by hand. */
static void
test_features_from_verdicts (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 26, 10, 0, 0);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 11, 26, 4, 0, 0);
  g_autoptr(GDateTime) probed = g_date_time_new_utc (2026, 11, 26, 9, 0, 0);
  g_autoptr(GDateTime) newest = g_date_time_new_utc (2026, 11, 26, 0, 0, 0);
  g_autoptr(InflowIngestionVerdict) before = NULL;
  g_autoptr(InflowIngestionVerdict) after = NULL;
  InflowIngestionFacts facts = { 0, };
  InflowFeatureAvailability table[INFLOW_INGESTION_N_FEATURES];

  facts.provider = "aws";
  facts.status = INFLOW_INGESTION_STATUS_CONNECTED;
  facts.created_at = created;
  facts.probe.probed_at = probed;
  facts.probe.newest_cost_date = newest;

  before = inflow_ingestion_verdict_evaluate (&facts, now);
  g_assert_cmpint (before->phase, ==, INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR);
  inflow_ingestion_features_evaluate (facts.provider, facts.is_govcloud, before, table);
  g_assert_cmpint (table[INFLOW_INGESTION_FEATURE_AUTOPILOT].state, ==, INFLOW_FEATURE_STATE_UNAVAILABLE);
  g_assert_cmpint (table[INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER].state, ==, INFLOW_FEATURE_STATE_UNAVAILABLE);
  g_assert_cmpint (table[INFLOW_INGESTION_FEATURE_ACTIVE_RESOURCES].state, ==, INFLOW_FEATURE_STATE_PARTIAL);

  facts.probe.resource_rows_present = TRUE;
  after = inflow_ingestion_verdict_evaluate (&facts, now);
  g_assert_cmpint (after->phase, ==, INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED);
  inflow_ingestion_features_evaluate (facts.provider, facts.is_govcloud, after, table);
  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    g_assert_cmpint (table[i].state, ==, INFLOW_FEATURE_STATE_AVAILABLE);
}

static void
test_feature_names_and_types (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GEnumClass *features = g_type_class_ref (INFLOW_TYPE_INGESTION_FEATURE);
  GEnumClass *states = g_type_class_ref (INFLOW_TYPE_FEATURE_STATE);

  g_assert_cmpuint (features->n_values, ==, INFLOW_INGESTION_N_FEATURES);
  g_assert_cmpuint (states->n_values, ==, 5);
  g_assert_cmpstr (g_enum_get_value (states, INFLOW_FEATURE_STATE_NOT_APPLICABLE)->value_nick, ==, "not-applicable");

  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    {
      const char *name = inflow_ingestion_feature_get_name (i);

      g_assert_nonnull (name);
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
    }
  g_assert_cmpstr (inflow_ingestion_feature_get_name (INFLOW_INGESTION_FEATURE_SAVINGS_PLANNER), ==, "Savings Planner");

  g_type_class_unref (features);
  g_type_class_unref (states);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GEnumClass *phases = g_type_class_ref (INFLOW_TYPE_INGESTION_PHASE);
      g_autofree char *path = g_strdup_printf ("/ingestion/features/case/%u-%s%s-%s", i,
                                               g_enum_get_value (phases, cases[i].phase)->value_nick,
                                               cases[i].govcloud ? "-govcloud" : "",
                                               cases[i].provider != NULL ? cases[i].provider : "none");

      g_test_add_data_func (path, &cases[i], test_feature_case);
      g_type_class_unref (phases);
    }
  g_test_add_func ("/ingestion/features/all-phases", test_features_all_phases);
  g_test_add_func ("/ingestion/features/from-verdicts", test_features_from_verdicts);
  g_test_add_func ("/ingestion/features/names-and-types", test_feature_names_and_types);

  return inflow_test_run ();
}
