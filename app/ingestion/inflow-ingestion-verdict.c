/* inflow-ingestion-verdict.c: where an integration's cost data stands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Vantage API has no Cost and Usage Report status (the v2 spec offers no
 * ingestion endpoint and no freshness field), so the verdict is derived
 * from plain facts: the integration status, its connect time, and cost
 * probes (newest `accrued_at` day, whether resource-level rows exist: they
 * appear only once a CUR has been processed).
 *
 * The facts behind the thresholds:
 *   - AWS delivers the first report up to 24 hours after it is created, then
 *     updates it at least once and up to three times a day (AWS Cost and
 *     Usage Reports documentation); Vantage's "Connect AWS" page: "it can
 *     take AWS up to 24 hours to deliver the first CUR", and
 *     docs.vantage.sh/provider_data_refresh: AWS data refreshes every 8–12
 *     hours;
 *   - some services report late, so a lag of up to 48 hours is normal; so
 *     under 24 h is fresh, 24–48 h late, 48–72 h stale, beyond critical;
 *   - the first 24 hours after connecting are a wait, never a failure;
 *   - a new month's report starts within a day or two while the previous
 *     month's keeps updating.
 *
 * Data age is measured from the end of the newest cost day (cost days are UTC
 * days): data from Nov 20 reaches Nov 21 00:00 UTC, and is "late" from Nov 22
 * 00:00 UTC on. A refresh every 8–12 hours keeps the newest day at today or
 * yesterday, so a fresh account never reaches 24 h.
 */

#define G_LOG_DOMAIN "inflow-ingestion"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"
#include "inflow-ingestion-verdict.h"

G_DEFINE_ENUM_TYPE (InflowIngestionStatus, inflow_ingestion_status,
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_STATUS_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_STATUS_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_STATUS_IMPORTING, "importing"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_STATUS_IMPORTED, "imported"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_STATUS_CONNECTED, "connected"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_STATUS_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_STATUS_DISCONNECTED, "disconnected"))

G_DEFINE_ENUM_TYPE (InflowIngestionPhase, inflow_ingestion_phase,
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_IMPORTING, "importing"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR, "awaiting-first-cur"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_FIRST_CUR_LATE, "first-cur-late"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED, "first-cur-received"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_FRESH, "fresh"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_LATE, "late"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_STALE, "stale"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_CRITICAL, "critical"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_PHASE_DISCONNECTED, "disconnected"))

G_DEFINE_ENUM_TYPE (InflowIngestionSeverity, inflow_ingestion_severity,
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_SEVERITY_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_SEVERITY_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_SEVERITY_INFO, "info"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_SEVERITY_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_SEVERITY_ERROR, "error"))

G_DEFINE_ENUM_TYPE (InflowIngestionCurState, inflow_ingestion_cur_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_CUR_STATE_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_CUR_STATE_AWAITING, "awaiting"),
                    G_DEFINE_ENUM_VALUE (INFLOW_INGESTION_CUR_STATE_RECEIVED, "received"))

G_DEFINE_BOXED_TYPE (InflowIngestionVerdict, inflow_ingestion_verdict,
                     inflow_ingestion_verdict_copy, inflow_ingestion_verdict_free)

/**
 * inflow_ingestion_status_from_string:
 * @status: (nullable): a status as the API sends it, in any case
 *
 * Returns: the status; %INFLOW_INGESTION_STATUS_UNKNOWN for %NULL or a value
 *   the spec does not list
 */
InflowIngestionStatus
inflow_ingestion_status_from_string (const char *status)
{
  static const struct { const char *name; InflowIngestionStatus status; } map[] = {
    { "pending", INFLOW_INGESTION_STATUS_PENDING },
    { "importing", INFLOW_INGESTION_STATUS_IMPORTING },
    { "imported", INFLOW_INGESTION_STATUS_IMPORTED },
    { "connected", INFLOW_INGESTION_STATUS_CONNECTED },
    { "error", INFLOW_INGESTION_STATUS_ERROR },
    { "disconnected", INFLOW_INGESTION_STATUS_DISCONNECTED },
  };

  if (status == NULL)
    return INFLOW_INGESTION_STATUS_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (g_ascii_strcasecmp (status, map[i].name) == 0)
        return map[i].status;
    }

  return INFLOW_INGESTION_STATUS_UNKNOWN;
}

/**
 * inflow_ingestion_is_aws_provider:
 * @provider: (nullable): `Integration.provider`
 *
 * Returns: whether it names AWS (the API's casing varies)
 */
gboolean
inflow_ingestion_is_aws_provider (const char *provider)
{
  return provider != NULL && g_ascii_strcasecmp (provider, "aws") == 0;
}

/**
 * inflow_ingestion_phase_get_label:
 * @phase: a phase
 *
 * Returns: a short translated label
 */
const char *
inflow_ingestion_phase_get_label (InflowIngestionPhase phase)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_PENDING:
      return C_("ingestion phase", "Pending");
    case INFLOW_INGESTION_PHASE_IMPORTING:
      return C_("ingestion phase", "Importing");
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
      /* Translators: CUR is AWS's Cost and Usage Report */
      return C_("ingestion phase", "Awaiting first CUR");
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
      return C_("ingestion phase", "First CUR late");
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      return C_("ingestion phase", "First CUR received");
    case INFLOW_INGESTION_PHASE_FRESH:
      return C_("ingestion phase", "Fresh");
    case INFLOW_INGESTION_PHASE_LATE:
      return C_("ingestion phase", "Late");
    case INFLOW_INGESTION_PHASE_STALE:
      return C_("ingestion phase", "Stale");
    case INFLOW_INGESTION_PHASE_CRITICAL:
      return C_("ingestion phase", "Critical");
    case INFLOW_INGESTION_PHASE_ERROR:
      return C_("ingestion phase", "Error");
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
      return C_("ingestion phase", "Disconnected");
    case INFLOW_INGESTION_PHASE_UNKNOWN:
    default:
      return C_("ingestion phase", "Unknown");
    }
}

/**
 * inflow_ingestion_phase_dup_count_label:
 * @phase: a phase
 * @count: how many integrations are in it
 *
 * Returns: (transfer full): the count and the phase, like "3 Stale",
 *   through ngettext so that each language says the count its way
 */
char *
inflow_ingestion_phase_dup_count_label (InflowIngestionPhase phase,
                                        guint                count)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_PENDING:
      return g_strdup_printf (g_dngettext (NULL, "%u Pending", "%u Pending", count), count);
    case INFLOW_INGESTION_PHASE_IMPORTING:
      return g_strdup_printf (g_dngettext (NULL, "%u Importing", "%u Importing", count), count);
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
      /* Translators: CUR is AWS's Cost and Usage Report */
      return g_strdup_printf (g_dngettext (NULL, "%u Awaiting first CUR", "%u Awaiting first CUR", count), count);
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
      return g_strdup_printf (g_dngettext (NULL, "%u First CUR late", "%u First CUR late", count), count);
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      return g_strdup_printf (g_dngettext (NULL, "%u First CUR received", "%u First CUR received", count), count);
    case INFLOW_INGESTION_PHASE_FRESH:
      return g_strdup_printf (g_dngettext (NULL, "%u Fresh", "%u Fresh", count), count);
    case INFLOW_INGESTION_PHASE_LATE:
      return g_strdup_printf (g_dngettext (NULL, "%u Late", "%u Late", count), count);
    case INFLOW_INGESTION_PHASE_STALE:
      return g_strdup_printf (g_dngettext (NULL, "%u Stale", "%u Stale", count), count);
    case INFLOW_INGESTION_PHASE_CRITICAL:
      return g_strdup_printf (g_dngettext (NULL, "%u Critical", "%u Critical", count), count);
    case INFLOW_INGESTION_PHASE_ERROR:
      return g_strdup_printf (g_dngettext (NULL, "%u Error", "%u Errors", count), count);
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
      return g_strdup_printf (g_dngettext (NULL, "%u Disconnected", "%u Disconnected", count), count);
    case INFLOW_INGESTION_PHASE_UNKNOWN:
    default:
      return g_strdup_printf (g_dngettext (NULL, "%u Unknown", "%u Unknown", count), count);
    }
}

/**
 * inflow_ingestion_phase_get_severity:
 * @phase: a phase
 *
 * Green under 24 h, amber 24–48 h, red beyond (the thresholds above).
 *
 * Returns: how to colour it
 */
InflowIngestionSeverity
inflow_ingestion_phase_get_severity (InflowIngestionPhase phase)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      return INFLOW_INGESTION_SEVERITY_OK;
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
      return INFLOW_INGESTION_SEVERITY_INFO;
    case INFLOW_INGESTION_PHASE_LATE:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
      return INFLOW_INGESTION_SEVERITY_WARNING;
    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
    case INFLOW_INGESTION_PHASE_ERROR:
      return INFLOW_INGESTION_SEVERITY_ERROR;
    case INFLOW_INGESTION_PHASE_UNKNOWN:
    default:
      return INFLOW_INGESTION_SEVERITY_NONE;
    }
}

/**
 * inflow_ingestion_phase_get_urgency:
 * @phase: a phase
 *
 * Returns: how urgently an admin should look, higher first: error, critical,
 *   disconnected, stale, first CUR late, late, unknown, pending, importing,
 *   awaiting, first CUR received, fresh
 */
guint
inflow_ingestion_phase_get_urgency (InflowIngestionPhase phase)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_ERROR:
      return 11;
    case INFLOW_INGESTION_PHASE_CRITICAL:
      return 10;
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
      return 9;
    case INFLOW_INGESTION_PHASE_STALE:
      return 8;
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
      return 7;
    case INFLOW_INGESTION_PHASE_LATE:
      return 6;
    case INFLOW_INGESTION_PHASE_UNKNOWN:
      return 5;
    case INFLOW_INGESTION_PHASE_PENDING:
      return 4;
    case INFLOW_INGESTION_PHASE_IMPORTING:
      return 3;
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
      return 2;
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      return 1;
    case INFLOW_INGESTION_PHASE_FRESH:
    default:
      return 0;
    }
}

/**
 * inflow_ingestion_phase_compare_urgency:
 * @a: a phase
 * @b: another phase
 *
 * Returns: negative when @a is more urgent than @b, so that an ascending
 *   sort puts the most urgent first
 */
int
inflow_ingestion_phase_compare_urgency (InflowIngestionPhase a,
                                        InflowIngestionPhase b)
{
  guint ua = inflow_ingestion_phase_get_urgency (a);
  guint ub = inflow_ingestion_phase_get_urgency (b);

  return ua > ub ? -1 : ua < ub ? 1 : 0;
}

/**
 * inflow_ingestion_phase_is_watched:
 * @phase: a phase
 *
 * Whether an integration in @phase is worth watching with no window open:
 * its verdict can change by itself and the change is news (awaiting its
 * first report, late, stale, importing or in error). Fresh and unknown
 * integrations, and disconnected ones (only the user can reconnect them),
 * are not.
 *
 * Returns: %TRUE if the phase is worth watching
 */
gboolean
inflow_ingestion_phase_is_watched (InflowIngestionPhase phase)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
    case INFLOW_INGESTION_PHASE_LATE:
    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
    case INFLOW_INGESTION_PHASE_ERROR:
      return TRUE;

    case INFLOW_INGESTION_PHASE_UNKNOWN:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
    default:
      return FALSE;
    }
}

static GDateTime *
dup_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

/**
 * inflow_ingestion_verdict_copy:
 * @verdict: a verdict
 *
 * Returns: (transfer full): a deep copy
 */
InflowIngestionVerdict *
inflow_ingestion_verdict_copy (const InflowIngestionVerdict *verdict)
{
  InflowIngestionVerdict *copy;

  g_return_val_if_fail (verdict != NULL, NULL);

  copy = g_new0 (InflowIngestionVerdict, 1);
  *copy = *verdict;
  copy->reason = g_strdup (verdict->reason);
  copy->as_of = dup_or_null (verdict->as_of);
  copy->connected_at = dup_or_null (verdict->connected_at);
  copy->expected_by = dup_or_null (verdict->expected_by);
  copy->first_cur_at = dup_or_null (verdict->first_cur_at);
  copy->first_cur_not_before = dup_or_null (verdict->first_cur_not_before);
  copy->newest_cost_date = dup_or_null (verdict->newest_cost_date);
  copy->data_through = dup_or_null (verdict->data_through);
  copy->status_since = dup_or_null (verdict->status_since);
  copy->changes_at = dup_or_null (verdict->changes_at);

  return copy;
}

/**
 * inflow_ingestion_verdict_dup_brief:
 * @verdict: (nullable): a verdict, %NULL before the first one
 * @can_check: whether Inflow can probe the integration's cost data
 * @probed: whether a probe ever answered
 * @now: the current time; times are said in its time zone
 *
 * The verdict in a few words for a list row, beside the phase's label:
 * "Expected by 14:20 tomorrow", "Data through Nov 20, 2 days old".
 *
 * Returns: (transfer full): the words
 */
char *
inflow_ingestion_verdict_dup_brief (const InflowIngestionVerdict *verdict,
                                    gboolean                      can_check,
                                    gboolean                      probed,
                                    GDateTime                    *now)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  if (verdict == NULL)
    return g_strdup (_("Not checked yet"));

  switch (verdict->phase)
    {
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
      if (verdict->expected_by != NULL)
        {
          when = inflow_ingestion_format_when (verdict->expected_by, now);
          /* Translators: %s is a time like "14:20 tomorrow"; said of the first CUR */
          return g_strdup_printf (g_date_time_compare (verdict->expected_by, now) >= 0 ? _("Expected by %s")
                                                                                       : _("Was expected by %s"),
                                  when);
        }
      if (verdict->elapsed >= 0)
        {
          g_autofree char *elapsed = inflow_ingestion_format_duration (verdict->elapsed);

          /* Translators: %s is a duration like "5 hours" */
          return g_strdup_printf (_("Connected %s ago"), elapsed);
        }
      break;

    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      if (verdict->first_cur_at != NULL)
        {
          when = inflow_ingestion_format_when (verdict->first_cur_at, now);
          /* Translators: %s is a time like "14:20 today"; said of the first CUR */
          return g_strdup_printf (_("Seen %s"), when);
        }
      G_GNUC_FALLTHROUGH;
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_LATE:
    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
      if (verdict->newest_cost_date != NULL)
        {
          g_autofree char *day = inflow_ingestion_format_day (verdict->newest_cost_date, now);
          g_autofree char *old = inflow_ingestion_format_days_old (verdict->newest_cost_date, now);

          /* Translators: %s is a day like "Nov 20", then its age like "2 days old" */
          return g_strdup_printf (_("Data through %s, %s"), day, old);
        }
      break;

    case INFLOW_INGESTION_PHASE_ERROR:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
      if (verdict->status_since != NULL)
        {
          when = inflow_ingestion_format_when (verdict->status_since, now);
          /* Translators: %s is a time like "14:20 yesterday" */
          return g_strdup_printf (_("Seen since %s"), when);
        }
      break;

    case INFLOW_INGESTION_PHASE_UNKNOWN:
    default:
      if (!can_check)
        return g_strdup (_("Cannot check its cost data"));
      if (!probed)
        return g_strdup (_("Not checked yet"));
      break;
    }

  return g_strdup (inflow_ingestion_phase_get_label (verdict->phase));
}

void
inflow_ingestion_verdict_free (InflowIngestionVerdict *verdict)
{
  if (verdict == NULL)
    return;

  g_free (verdict->reason);
  g_clear_pointer (&verdict->as_of, g_date_time_unref);
  g_clear_pointer (&verdict->connected_at, g_date_time_unref);
  g_clear_pointer (&verdict->expected_by, g_date_time_unref);
  g_clear_pointer (&verdict->first_cur_at, g_date_time_unref);
  g_clear_pointer (&verdict->first_cur_not_before, g_date_time_unref);
  g_clear_pointer (&verdict->newest_cost_date, g_date_time_unref);
  g_clear_pointer (&verdict->data_through, g_date_time_unref);
  g_clear_pointer (&verdict->status_since, g_date_time_unref);
  g_clear_pointer (&verdict->changes_at, g_date_time_unref);
  g_free (verdict);
}

/* A probe result, from the latest probe or from an observation. */
typedef struct
{
  GDateTime *at;
  GDateTime *newest;     /* UTC midnight of the newest cost day, or NULL */
  gboolean   rows;
} ProbeFact;

static void
probe_fact_clear (gpointer data)
{
  ProbeFact *fact = data;

  g_clear_pointer (&fact->newest, g_date_time_unref);
}

static int
compare_probe_facts (gconstpointer a,
                     gconstpointer b)
{
  const ProbeFact *fa = a;
  const ProbeFact *fb = b;

  return g_date_time_compare (fa->at, fb->at);
}

static int
compare_observations (gconstpointer a,
                      gconstpointer b)
{
  const InflowIngestionObservation *oa = *(const InflowIngestionObservation * const *) a;
  const InflowIngestionObservation *ob = *(const InflowIngestionObservation * const *) b;

  return g_date_time_compare (oa->observed_at, ob->observed_at);
}

/* The calendar day of @day in its own zone, as UTC midnight. */
static GDateTime *
cost_day_utc (GDateTime *day)
{
  int y, m, d;

  g_date_time_get_ymd (day, &y, &m, &d);

  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static void
add_probe_fact (GArray     *facts,
                GDateTime  *at,
                GDateTime  *newest,
                gboolean    rows)
{
  ProbeFact fact = { at, NULL, rows };

  if (newest != NULL)
    fact.newest = cost_day_utc (newest);
  g_array_append_val (facts, fact);
}

static GDateTime *
earliest (GDateTime *a,
          GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return g_date_time_compare (a, b) <= 0 ? a : b;
}

static GDateTime *
latest (GDateTime *a,
        GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;

  return g_date_time_compare (a, b) >= 0 ? a : b;
}

/* Appends a sentence to a reason. */
static void
add_sentence (GString    *reason,
              const char *sentence)
{
  if (reason->len > 0)
    g_string_append_c (reason, ' ');
  g_string_append (reason, sentence);
}

G_GNUC_PRINTF (2, 3)
static void
add_sentencef (GString    *reason,
               const char *format,
               ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  add_sentence (reason, sentence);
}

typedef struct
{
  const InflowIngestionFacts *facts;
  GDateTime                  *now;
  gboolean                    is_aws;
  GArray                     *probes;        /* ProbeFact, sorted by time */
  GDateTime                  *latest_probe;  /* borrowed from probes */
  GDateTime                  *fetched_at;    /* borrowed */
} Context;

static void
set_status_since (InflowIngestionVerdict *verdict,
                  Context                *ctx,
                  GPtrArray              *observations)
{
  const InflowIngestionFacts *facts = ctx->facts;
  GDateTime *since = NULL;

  for (guint i = observations->len; i > 0; i--)
    {
      const InflowIngestionObservation *obs = g_ptr_array_index (observations, i - 1);

      if (obs->status != facts->status)
        break;
      since = obs->observed_at;
    }

  /* The history ends in another status: the current one began at the fetch. */
  if (since == NULL && observations->len > 0)
    since = ctx->fetched_at;

  if (since != NULL)
    verdict->status_since = g_date_time_ref (earliest (since, ctx->now));
}

static void
set_first_cur (InflowIngestionVerdict *verdict,
               Context                *ctx)
{
  GDateTime *absent_before = NULL;
  GDateTime *first_rows = NULL;

  for (guint i = 0; i < ctx->probes->len; i++)
    {
      ProbeFact *fact = &g_array_index (ctx->probes, ProbeFact, i);

      if (fact->rows)
        {
          first_rows = fact->at;
          break;
        }
      absent_before = fact->at;
    }

  if (first_rows == NULL)
    {
      verdict->cur_state = ctx->probes->len > 0 ? INFLOW_INGESTION_CUR_STATE_AWAITING
                                                : INFLOW_INGESTION_CUR_STATE_UNKNOWN;
      return;
    }

  verdict->cur_state = INFLOW_INGESTION_CUR_STATE_RECEIVED;

  /* Rows seen on the very first probe of an old integration say nothing
   * about when the first CUR came: it arrived before Inflow was watching. */
  if (absent_before == NULL)
    {
      if (ctx->facts->created_at == NULL ||
          g_date_time_difference (first_rows, ctx->facts->created_at) > INFLOW_INGESTION_FIRST_CUR_MAX_DELAY)
        return;
      absent_before = ctx->facts->created_at;
    }

  verdict->first_cur_at = g_date_time_ref (first_rows);
  verdict->first_cur_not_before = g_date_time_ref (absent_before);
}

/* The data-age phases; ctx->probes found resource-level rows. */
static void
evaluate_data_age (InflowIngestionVerdict *verdict,
                   Context                *ctx,
                   GString                *reason)
{
  GDateTime *now = ctx->now;
  GDateTime *newest = NULL;
  g_autoptr(GDateTime) through = NULL;
  g_autofree char *day = NULL;
  g_autofree char *days_old = NULL;
  GTimeSpan age;

  /* Cost data does not go back in time: take the newest day any probe saw
   * (a later probe with a narrower window must not make data look older). */
  for (guint i = 0; i < ctx->probes->len; i++)
    newest = latest (newest, g_array_index (ctx->probes, ProbeFact, i).newest);

  if (newest == NULL)
    {
      verdict->phase = INFLOW_INGESTION_PHASE_UNKNOWN;
      add_sentence (reason, _("Resource-level costs exist, but the probe found no cost date."));
      return;
    }

  verdict->newest_cost_date = g_date_time_ref (newest);
  verdict->data_through = g_date_time_add_days (newest, 1);
  through = g_date_time_ref (verdict->data_through);

  /* Data that reaches the end of a month: AWS opens the new month's report
   * within a day or two, so age counts from a day later. */
  if (g_date_time_get_day_of_month (through) == 1)
    {
      g_autoptr(GDateTime) shifted = g_date_time_add (through, INFLOW_INGESTION_MONTH_START_ALLOWANCE);

      g_clear_pointer (&through, g_date_time_unref);
      through = g_steal_pointer (&shifted);
      verdict->month_start_allowance = TRUE;
    }

  age = MAX (g_date_time_difference (now, through), 0);
  verdict->data_age = age;

  if (age < INFLOW_INGESTION_FRESH_MAX_AGE)
    {
      verdict->phase = INFLOW_INGESTION_PHASE_FRESH;
      verdict->changes_at = g_date_time_add (through, INFLOW_INGESTION_FRESH_MAX_AGE);
    }
  else if (age <= INFLOW_INGESTION_LATE_MAX_AGE)
    {
      verdict->phase = INFLOW_INGESTION_PHASE_LATE;
      verdict->changes_at = g_date_time_add (through, INFLOW_INGESTION_LATE_MAX_AGE);
    }
  else if (age <= INFLOW_INGESTION_STALE_MAX_AGE)
    {
      verdict->phase = INFLOW_INGESTION_PHASE_STALE;
      verdict->changes_at = g_date_time_add (through, INFLOW_INGESTION_STALE_MAX_AGE);
    }
  else
    {
      verdict->phase = INFLOW_INGESTION_PHASE_CRITICAL;
    }

  if (verdict->phase == INFLOW_INGESTION_PHASE_FRESH && verdict->first_cur_at != NULL &&
      g_date_time_difference (now, verdict->first_cur_at) < INFLOW_INGESTION_FIRST_CUR_NEWS_WINDOW)
    {
      g_autoptr(GDateTime) news_end = g_date_time_add (verdict->first_cur_at,
                                                       INFLOW_INGESTION_FIRST_CUR_NEWS_WINDOW);
      g_autofree char *seen = inflow_ingestion_format_when (verdict->first_cur_at, now);

      verdict->phase = INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED;
      if (g_date_time_compare (news_end, verdict->changes_at) < 0)
        {
          g_clear_pointer (&verdict->changes_at, g_date_time_unref);
          verdict->changes_at = g_steal_pointer (&news_end);
        }

      /* Translators: %s is when Inflow first saw it, like "14:20 today" */
      add_sentencef (reason, _("The first Cost and Usage Report has arrived (first seen %s): "
                               "costs by resource, Autopilot and Savings Planner are available."),
                     seen);
      add_sentence (reason, _("It covers only the current month; ask for a backfill to see earlier months."));
    }

  day = inflow_ingestion_format_day (newest, now);
  days_old = inflow_ingestion_format_days_old (newest, now);

  switch (verdict->phase)
    {
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
    case INFLOW_INGESTION_PHASE_FRESH:
      /* Translators: the first %s is a day like "Nov 20", the second its age
       * like "1 day old" or "the current day" */
      add_sentencef (reason, _("Newest cost data is from %s, %s; AWS refreshes every 8–12 hours."),
                     day, days_old);
      break;
    case INFLOW_INGESTION_PHASE_LATE:
      /* Translators: the first %s is a day like "Nov 20", the second its age */
      add_sentencef (reason, _("Newest cost data is from %s, %s; AWS refreshes every 8–12 hours, "
                               "so a refresh is overdue, though lags of up to 48 hours happen."),
                     day, days_old);
      break;
    case INFLOW_INGESTION_PHASE_STALE:
      /* Translators: the first %s is a day like "Nov 20", the second its age */
      add_sentencef (reason, _("Newest cost data is from %s, %s; AWS refreshes every 8–12 hours "
                               "and nothing new has arrived for more than 48 hours."),
                     day, days_old);
      add_sentence (reason, _("Check the integration in the Vantage console."));
      break;
    case INFLOW_INGESTION_PHASE_CRITICAL:
      /* Translators: the first %s is a day like "Nov 20", the second its age */
      add_sentencef (reason, _("Newest cost data is from %s, %s; AWS refreshes every 8–12 hours "
                               "and nothing new has arrived for more than 72 hours."),
                     day, days_old);
      add_sentence (reason, _("Check the Cost and Usage Report and its S3 bucket policy in the "
                              "AWS management account, and the integration in the Vantage console."));
      break;
    case INFLOW_INGESTION_PHASE_UNKNOWN:
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
    case INFLOW_INGESTION_PHASE_ERROR:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
    default:
      g_assert_not_reached ();
    }

  if (verdict->month_start_allowance &&
      (verdict->phase == INFLOW_INGESTION_PHASE_FRESH || verdict->phase == INFLOW_INGESTION_PHASE_LATE))
    {
      /* Translators: %s is the first day of the month, like "Dec 1" */
      g_autofree char *month_start = inflow_ingestion_format_day (verdict->data_through, now);

      add_sentencef (reason, _("A new month began on %s; AWS starts the new month's report "
                               "within a day or two."),
                     month_start);
    }
}

/* Connected or imported AWS integration. */
static void
evaluate_connected (InflowIngestionVerdict *verdict,
                    Context                *ctx,
                    GString                *reason)
{
  const InflowIngestionFacts *facts = ctx->facts;
  g_autofree char *elapsed = NULL;
  g_autofree char *expected = NULL;

  if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED)
    {
      evaluate_data_age (verdict, ctx, reason);
      if (facts->is_govcloud && verdict->phase == INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED)
        add_sentence (reason, _("GovCloud account: costs are ingested, but Active Resources are not synced."));
      return;
    }

  if (verdict->connected_at == NULL)
    {
      verdict->phase = INFLOW_INGESTION_PHASE_UNKNOWN;
      add_sentence (reason, _("Vantage did not say when this integration was connected."));
      return;
    }

  elapsed = inflow_ingestion_format_duration (verdict->elapsed);
  expected = inflow_ingestion_format_when (verdict->expected_by, ctx->now);

  if (verdict->elapsed <= INFLOW_INGESTION_FIRST_CUR_WINDOW)
    {
      verdict->phase = INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR;
      verdict->changes_at = g_date_time_ref (verdict->expected_by);
      /* Translators: the first %s is a duration like "5 hours", the second a
       * time like "14:20 tomorrow" */
      add_sentencef (reason, _("Connected %s ago; AWS delivers the first Cost and Usage Report "
                               "within 24 hours, expected by %s."),
                     elapsed, expected);
      if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_UNKNOWN)
        add_sentence (reason, _("Inflow has not checked the cost data yet."));
      else
        add_sentence (reason, _("Until it arrives, costs are shown by service only."));
    }
  else if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_AWAITING)
    {
      verdict->phase = INFLOW_INGESTION_PHASE_FIRST_CUR_LATE;
      /* Translators: the first %s is a duration like "30 hours", the second a
       * time like "14:20 yesterday" */
      add_sentencef (reason, _("Connected %s ago and no Cost and Usage Report has arrived; "
                               "AWS delivers the first one within 24 hours, so it was expected by %s."),
                     elapsed, expected);
      add_sentence (reason, _("Check that the report exists in the AWS management account and that "
                              "its S3 bucket policy lets AWS deliver to it."));
    }
  else
    {
      verdict->phase = INFLOW_INGESTION_PHASE_UNKNOWN;
      g_clear_pointer (&verdict->expected_by, g_date_time_unref);
      /* Translators: %s is a duration like "3 days" */
      add_sentencef (reason, _("Connected %s ago; Inflow has not checked its cost data yet."),
                     elapsed);
    }

  if (facts->is_govcloud)
    add_sentence (reason, _("GovCloud account: costs are ingested, but Active Resources are not synced."));
}

static void
add_last_updated (GString    *reason,
                  Context    *ctx)
{
  if (ctx->facts->last_updated != NULL)
    {
      g_autofree char *when = inflow_ingestion_format_when (ctx->facts->last_updated, ctx->now);

      /* Translators: %s is a time like "14:20 yesterday" */
      add_sentencef (reason, _("Vantage last updated the integration %s."), when);
    }
  else
    {
      add_sentence (reason, _("Vantage reports no update time for it."));
    }
}

/* Pending or importing: when the first CUR is due, or was. */
static void
add_expected_by (GString                *reason,
                 InflowIngestionVerdict *verdict,
                 Context                *ctx)
{
  g_autofree char *expected = NULL;

  if (verdict->expected_by == NULL)
    return;

  expected = inflow_ingestion_format_when (verdict->expected_by, ctx->now);
  if (g_date_time_compare (verdict->expected_by, ctx->now) >= 0)
    /* Translators: %s is a time like "14:20 tomorrow" */
    add_sentencef (reason, _("AWS delivers the first Cost and Usage Report within 24 hours of "
                             "connecting, expected by %s."), expected);
  else
    /* Translators: %s is a time like "14:20 yesterday" */
    add_sentencef (reason, _("AWS delivers the first Cost and Usage Report within 24 hours of "
                             "connecting; it was expected by %s."), expected);
}

static void
evaluate (InflowIngestionVerdict *verdict,
          Context                *ctx,
          GString                *reason)
{
  const InflowIngestionFacts *facts = ctx->facts;
  g_autofree char *since = NULL;
  g_autofree char *elapsed = NULL;

  if (verdict->status_since != NULL)
    since = inflow_ingestion_format_when (verdict->status_since, ctx->now);
  if (verdict->connected_at != NULL)
    elapsed = inflow_ingestion_format_duration (verdict->elapsed);

  switch (facts->status)
    {
    case INFLOW_INGESTION_STATUS_DISCONNECTED:
      verdict->phase = INFLOW_INGESTION_PHASE_DISCONNECTED;
      if (since != NULL)
        /* Translators: %s is a time like "14:20 yesterday" */
        add_sentencef (reason, _("Vantage reports this integration as disconnected (seen since %s); "
                                 "no new cost data arrives."), since);
      else
        add_sentence (reason, _("Vantage reports this integration as disconnected; no new cost data arrives."));
      add_sentence (reason, _("Reconnect it, or remove it if the account is gone."));
      break;

    case INFLOW_INGESTION_STATUS_ERROR:
      verdict->phase = INFLOW_INGESTION_PHASE_ERROR;
      if (since != NULL)
        /* Translators: %s is a time like "14:20 yesterday" */
        add_sentencef (reason, _("Vantage reports an error for this integration (seen since %s)."), since);
      else
        add_sentence (reason, _("Vantage reports an error for this integration."));
      add_last_updated (reason, ctx);
      add_sentence (reason, _("The API gives no detail; open the integration in the Vantage console."));
      break;

    case INFLOW_INGESTION_STATUS_PENDING:
      verdict->phase = INFLOW_INGESTION_PHASE_PENDING;
      if (elapsed != NULL)
        /* Translators: %s is a duration like "5 minutes" */
        add_sentencef (reason, _("Connected %s ago; Vantage has not validated the connection yet."),
                       elapsed);
      else
        add_sentence (reason, _("Vantage has not validated the connection yet."));
      add_expected_by (reason, verdict, ctx);
      break;

    case INFLOW_INGESTION_STATUS_IMPORTING:
      verdict->phase = INFLOW_INGESTION_PHASE_IMPORTING;
      if (since != NULL)
        /* Translators: %s is a time like "14:20 today" */
        add_sentencef (reason, _("Vantage is importing data (seen since %s)."), since);
      else
        add_sentence (reason, _("Vantage is importing data."));
      add_expected_by (reason, verdict, ctx);
      break;

    case INFLOW_INGESTION_STATUS_IMPORTED:
    case INFLOW_INGESTION_STATUS_CONNECTED:
      if (!ctx->is_aws)
        {
          verdict->phase = INFLOW_INGESTION_PHASE_UNKNOWN;
          add_sentence (reason, _("Vantage reports this integration as working; Inflow tracks cost "
                                  "data arrival for AWS integrations only."));
        }
      else
        {
          evaluate_connected (verdict, ctx, reason);
        }
      break;

    case INFLOW_INGESTION_STATUS_UNKNOWN:
    default:
      verdict->phase = INFLOW_INGESTION_PHASE_UNKNOWN;
      add_sentence (reason, _("Vantage reports a status Inflow does not know."));
      add_last_updated (reason, ctx);
      break;
    }
}

/**
 * inflow_ingestion_verdict_evaluate:
 * @facts: what is known about the integration
 * @now: the current server time; times in the reason are shown in its zone
 *
 * Derives the phase, its reason and its times. Pure: only @facts and @now
 * count, never the local clock.
 *
 * Returns: (transfer full): the verdict
 */
InflowIngestionVerdict *
inflow_ingestion_verdict_evaluate (const InflowIngestionFacts *facts,
                                   GDateTime                  *now)
{
  g_autoptr(InflowIngestionVerdict) verdict = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(GArray) probes = NULL;
  g_autoptr(GString) reason = NULL;
  Context ctx = { 0, };
  GDateTime *as_of;

  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  verdict = g_new0 (InflowIngestionVerdict, 1);
  verdict->elapsed = -1;
  verdict->data_age = -1;

  /* Observations may come in any order: sort a view of them. */
  observations = g_ptr_array_new ();
  for (guint i = 0; i < facts->n_observations; i++)
    {
      if (facts->observations[i].observed_at != NULL)
        g_ptr_array_add (observations, (gpointer) &facts->observations[i]);
    }
  g_ptr_array_sort (observations, compare_observations);

  probes = g_array_new (FALSE, TRUE, sizeof (ProbeFact));
  g_array_set_clear_func (probes, probe_fact_clear);
  for (guint i = 0; i < observations->len; i++)
    {
      const InflowIngestionObservation *obs = g_ptr_array_index (observations, i);

      if (obs->probed)
        add_probe_fact (probes, obs->observed_at, obs->newest_cost_date, obs->resource_rows_present);
    }
  if (facts->probe.probed_at != NULL)
    add_probe_fact (probes, facts->probe.probed_at, facts->probe.newest_cost_date,
                    facts->probe.resource_rows_present);
  g_array_sort (probes, compare_probe_facts);

  ctx.facts = facts;
  ctx.now = now;
  ctx.is_aws = inflow_ingestion_is_aws_provider (facts->provider);
  ctx.probes = probes;
  ctx.latest_probe = probes->len > 0 ? g_array_index (probes, ProbeFact, probes->len - 1).at : NULL;
  ctx.fetched_at = facts->fetched_at != NULL ? facts->fetched_at : now;

  if (facts->created_at != NULL)
    {
      verdict->connected_at = g_date_time_ref (facts->created_at);
      verdict->elapsed = MAX (g_date_time_difference (now, facts->created_at), 0);
    }

  set_status_since (verdict, &ctx, observations);
  if (ctx.is_aws)
    set_first_cur (verdict, &ctx);

  /* The first CUR is awaited from connect on: show when it is due. */
  if (ctx.is_aws && verdict->cur_state != INFLOW_INGESTION_CUR_STATE_RECEIVED &&
      facts->created_at != NULL &&
      (facts->status == INFLOW_INGESTION_STATUS_PENDING ||
       facts->status == INFLOW_INGESTION_STATUS_IMPORTING ||
       facts->status == INFLOW_INGESTION_STATUS_CONNECTED ||
       facts->status == INFLOW_INGESTION_STATUS_IMPORTED))
    verdict->expected_by = g_date_time_add (facts->created_at, INFLOW_INGESTION_FIRST_CUR_WINDOW);

  reason = g_string_new (NULL);
  evaluate (verdict, &ctx, reason);
  verdict->reason = g_string_free (g_steal_pointer (&reason), FALSE);

  /* "As of": the older of the status fetch and, where the phase rests on
   * cost data, the latest probe; never later than now. */
  as_of = ctx.fetched_at;
  switch (verdict->phase)
    {
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_LATE:
    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
      as_of = earliest (as_of, ctx.latest_probe);
      break;
    case INFLOW_INGESTION_PHASE_UNKNOWN:
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
    case INFLOW_INGESTION_PHASE_ERROR:
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
    default:
      break;
    }
  verdict->as_of = g_date_time_ref (earliest (as_of, now));

  return g_steal_pointer (&verdict);
}
