/* inflow-ingestion-detail.c: the Ingestion detail of one integration, in words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-ingestion-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-detail.h"
#include "inflow-ingestion-format.h"

/**
 * InflowIngestionDetail:
 *
 * The view-model of the Ingestion section's detail pane: what it says of
 * #InflowIngestionDetail:item, each line a property that notifies when it
 * changes, said against the server's clock of #InflowIngestionDetail:monitor.
 * It follows the item as it changes and the monitor's cycles (times move
 * on), so the pane's template only binds.
 */
struct _InflowIngestionDetail
{
  GObject                 parent_instance;

  InflowIngestionMonitor *monitor;
  GSignalGroup           *monitor_signals;
  InflowIngestionItem    *item;
  GSignalGroup           *item_signals;
  GDateTime              *now;          /* server time, for the timeline */

  char                   *texts[13];    /* by property, from PROP_PAGE */
  gboolean                awaiting;
};

G_DEFINE_FINAL_TYPE (InflowIngestionDetail, inflow_ingestion_detail, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MONITOR,
  PROP_ITEM,
  PROP_NOW,
  PROP_AWAITING,
  PROP_HAS_NOTE,
  /* Texts, in the order of texts[] */
  PROP_PAGE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_REASON,
  PROP_AS_OF,
  PROP_NOTE,
  PROP_AWAITING_TEXT,
  PROP_CONNECTED,
  PROP_FIRST_CUR,
  PROP_NEWEST,
  PROP_STATUS,
  PROP_CHECKED,
  PROP_TIMELINE_CAPTION,
  N_PROPS
};

#define TEXT(prop) ((prop) - PROP_PAGE)

G_STATIC_ASSERT (TEXT (N_PROPS) == G_N_ELEMENTS (((InflowIngestionDetail *) NULL)->texts));

static GParamSpec *properties[N_PROPS];

/* ---- the words -------------------------------------------------------------- */

static char *
subtitle_words (InflowIngestionItem *item)
{
  const char *account_id = inflow_ingestion_item_get_account_id (item);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (account_id != NULL)
    /* Translators: %s is a 12-digit AWS account ID */
    g_string_append_printf (subtitle, _("AWS account %s"), account_id);
  if (inflow_ingestion_item_get_is_govcloud (item))
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("GovCloud"));
    }

  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

static char *
as_of_words (const InflowIngestionVerdict *verdict,
             GDateTime                    *now)
{
  g_autofree char *when = NULL;

  if (verdict->as_of == NULL)
    return NULL;

  when = inflow_ingestion_format_when (verdict->as_of, now);
  /* Translators: %s is a time like "14:20 today" */
  return g_strdup_printf (_("As of %s"), when);
}

/* Whether the first CUR is awaited, so the pane says why the wait. */
static gboolean
is_awaiting (InflowIngestionItem          *item,
             const InflowIngestionVerdict *verdict)
{
  return inflow_ingestion_item_get_tracked (item) &&
         verdict->cur_state != INFLOW_INGESTION_CUR_STATE_RECEIVED &&
         (verdict->phase == INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR ||
          verdict->phase == INFLOW_INGESTION_PHASE_FIRST_CUR_LATE ||
          verdict->phase == INFLOW_INGESTION_PHASE_PENDING ||
          verdict->phase == INFLOW_INGESTION_PHASE_IMPORTING);
}

/* What the first CUR brings, and when (the seed's "AWS Data Ingestion Delay"). */
static char *
awaiting_words (InflowIngestionItem          *item,
                const InflowIngestionVerdict *verdict,
                GDateTime                    *now)
{
  g_autoptr(GString) why = g_string_new (NULL);

  g_string_append (why, _("Vantage creates the role and a Cost and Usage Report (CUR) in AWS when an account "
                          "is connected. The role works within a minute, but AWS takes up to 24 hours to "
                          "deliver the first CUR. Until it arrives, only part of the data is there:"));
  g_string_append (why, "\n\n");
  g_string_append (why, _("• Cost Reports show costs by service, not yet by resource"));
  g_string_append_c (why, '\n');
  if (inflow_ingestion_item_get_is_govcloud (item))
    g_string_append (why, _("• Active Resources are not synced from GovCloud at all"));
  else
    g_string_append (why, _("• Active Resources show hourly and monthly rates only"));
  g_string_append_c (why, '\n');
  g_string_append (why, _("• Autopilot and Savings Planner are unavailable"));
  g_string_append (why, "\n\n");

  if (verdict->expected_by != NULL)
    {
      g_autofree char *when = inflow_ingestion_format_when (verdict->expected_by, now);

      /* Translators: %s is a time like "14:20 tomorrow" */
      g_string_append_printf (why, _("Expect it by %s. Once it arrives, all of this becomes available by "
                                     "itself and Inflow tells you. The first CUR covers only the current "
                                     "month: earlier months need a backfill."), when);
    }
  else
    {
      g_string_append (why, _("Once it arrives, all of this becomes available by itself and Inflow tells "
                              "you. The first CUR covers only the current month: earlier months need a "
                              "backfill."));
    }

  return g_string_free (g_steal_pointer (&why), FALSE);
}

static char *
connected_words (const InflowIngestionVerdict *verdict,
                 GDateTime                    *now)
{
  g_autofree char *when = NULL;
  g_autofree char *ago = NULL;

  if (verdict->connected_at == NULL)
    return g_strdup (_("Vantage does not say"));

  when = inflow_ingestion_format_when (verdict->connected_at, now);
  ago = inflow_ingestion_format_duration (verdict->elapsed);
  /* Translators: a time like "Nov 20, 14:20", then a duration like "5 hours" */
  return g_strdup_printf (_("%s (%s ago)"), when, ago);
}

static char *
first_cur_words (InflowIngestionItem          *item,
                 const InflowIngestionVerdict *verdict,
                 GDateTime                    *now)
{
  if (!inflow_ingestion_item_get_tracked (item))
    return g_strdup (_("Not applicable to this provider"));

  if (verdict->first_cur_at != NULL)
    {
      g_autofree char *when = inflow_ingestion_format_when (verdict->first_cur_at, now);

      if (verdict->first_cur_not_before != NULL)
        {
          g_autofree char *after = inflow_ingestion_format_when (verdict->first_cur_not_before, now);

          /* Translators: two times like "14:20 today" */
          return g_strdup_printf (_("Seen %s; it arrived after %s"), when, after);
        }

      /* Translators: a time like "14:20 today" */
      return g_strdup_printf (_("Seen %s"), when);
    }

  if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_RECEIVED)
    return g_strdup (_("Received before Inflow started watching"));

  if (verdict->expected_by != NULL)
    {
      g_autofree char *when = inflow_ingestion_format_when (verdict->expected_by, now);

      /* Translators: a time like "14:20 tomorrow" */
      return g_strdup_printf (g_date_time_compare (verdict->expected_by, now) >= 0 ? _("Expected by %s")
                                                                                   : _("Was expected by %s"),
                              when);
    }

  if (verdict->cur_state == INFLOW_INGESTION_CUR_STATE_AWAITING)
    return g_strdup (_("Not arrived"));

  return g_strdup (_("Not known yet"));
}

static char *
newest_words (InflowIngestionItem          *item,
              const InflowIngestionVerdict *verdict,
              GDateTime                    *now)
{
  if (verdict->newest_cost_date != NULL)
    {
      g_autofree char *day = inflow_ingestion_format_day (verdict->newest_cost_date, now);
      g_autofree char *old = inflow_ingestion_format_days_old (verdict->newest_cost_date, now);

      /* Translators: a day like "Nov 20", then its age like "2 days old" */
      return g_strdup_printf (_("%s (%s)"), day, old);
    }

  if (inflow_ingestion_item_get_last_probed_at (item) != NULL)
    return g_strdup (_("No cost data found"));

  return g_strdup (_("Not checked yet"));
}

static char *
status_words (InflowIngestionItem *item,
              GDateTime           *now)
{
  InflowIntegration *integration = inflow_ingestion_item_get_integration (item);
  const char *status = inflow_integration_get_status_string (integration);
  GDateTime *updated = inflow_integration_get_last_updated (integration);
  g_autofree char *when = NULL;

  if (status == NULL)
    status = C_("integration status", "unknown");

  if (updated == NULL)
    /* Translators: a status like "connected" */
    return g_strdup_printf (_("“%s”"), status);

  when = inflow_ingestion_format_when (updated, now);
  /* Translators: a status like "connected", then a time like "14:20 today" */
  return g_strdup_printf (_("“%s”, last updated %s"), status, when);
}

static char *
checked_words (InflowIngestionItem *item,
               GDateTime           *now)
{
  if (inflow_ingestion_item_get_last_probed_at (item) != NULL)
    return inflow_ingestion_format_when (inflow_ingestion_item_get_last_probed_at (item), now);

  if (inflow_ingestion_item_get_note (item) != NULL)
    return g_strdup (_("Cannot check"));

  if (!inflow_ingestion_item_get_tracked (item))
    return g_strdup (_("Not tracked for this provider"));

  return g_strdup (_("Not yet in this session"));
}

/* ---- updating --------------------------------------------------------------- */

/* Takes @text; notifies when it differs. */
static void
set_text (InflowIngestionDetail *self,
          guint                  prop_id,
          char                  *text)
{
  char **slot = &self->texts[TEXT (prop_id)];

  if (g_strcmp0 (*slot, text) == 0)
    {
      g_free (text);
      return;
    }

  g_free (*slot);
  *slot = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (prop_id == PROP_NOTE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_NOTE]);
}

static void
set_awaiting (InflowIngestionDetail *self,
              gboolean               awaiting)
{
  if (self->awaiting == awaiting)
    return;

  self->awaiting = awaiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWAITING]);
}

static void
update (InflowIngestionDetail *self)
{
  const InflowIngestionVerdict *verdict = self->item != NULL ? inflow_ingestion_item_get_verdict (self->item) : NULL;
  InflowIngestionItem *item = self->item;
  g_autoptr(GDateTime) now = NULL;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (self->monitor != NULL)
    self->now = inflow_ingestion_monitor_dup_now (self->monitor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);

  if (verdict == NULL || self->now == NULL)
    {
      for (guint i = PROP_TITLE; i < N_PROPS; i++)
        set_text (self, i, NULL);
      set_text (self, PROP_PAGE, g_strdup ("none"));
      set_awaiting (self, FALSE);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));

  /* Times in the user's zone, against the server's clock */
  now = g_date_time_to_timezone (self->now, inflow_ingestion_local_time_zone ());
  set_text (self, PROP_PAGE, g_strdup ("detail"));
  set_text (self, PROP_TITLE, g_strdup (inflow_ingestion_item_get_title (item)));
  set_text (self, PROP_SUBTITLE, subtitle_words (item));
  set_text (self, PROP_REASON, g_strdup (verdict->reason));
  set_text (self, PROP_AS_OF, as_of_words (verdict, now));
  set_text (self, PROP_NOTE, g_strdup (inflow_ingestion_item_get_note (item)));
  set_awaiting (self, is_awaiting (item, verdict));
  set_text (self, PROP_AWAITING_TEXT, self->awaiting ? awaiting_words (item, verdict, now) : NULL);
  set_text (self, PROP_CONNECTED, connected_words (verdict, now));
  set_text (self, PROP_FIRST_CUR, first_cur_words (item, verdict, now));
  set_text (self, PROP_NEWEST, newest_words (item, verdict, now));
  set_text (self, PROP_STATUS, status_words (item, now));
  set_text (self, PROP_CHECKED, checked_words (item, now));
  set_text (self, PROP_TIMELINE_CAPTION,
            g_strdup (verdict->connected_at != NULL && verdict->elapsed < 14 * G_TIME_SPAN_DAY
                      ? _("Since it was connected") : _("The last 14 days")));

  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- object --------------------------------------------------------------- */

static void
inflow_ingestion_detail_dispose (GObject *object)
{
  InflowIngestionDetail *self = INFLOW_INGESTION_DETAIL (object);

  if (self->monitor_signals != NULL)
    g_signal_group_set_target (self->monitor_signals, NULL);
  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->monitor_signals);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->monitor);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (inflow_ingestion_detail_parent_class)->dispose (object);
}

static void
inflow_ingestion_detail_finalize (GObject *object)
{
  InflowIngestionDetail *self = INFLOW_INGESTION_DETAIL (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->texts); i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (inflow_ingestion_detail_parent_class)->finalize (object);
}

static void
inflow_ingestion_detail_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  InflowIngestionDetail *self = INFLOW_INGESTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_NOW:
      g_value_set_boxed (value, self->now);
      break;
    case PROP_AWAITING:
      g_value_set_boolean (value, self->awaiting);
      break;
    case PROP_HAS_NOTE:
      g_value_set_boolean (value, self->texts[TEXT (PROP_NOTE)] != NULL);
      break;
    default:
      if (prop_id >= PROP_PAGE && prop_id < N_PROPS)
        g_value_set_string (value, self->texts[TEXT (prop_id)]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_detail_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  InflowIngestionDetail *self = INFLOW_INGESTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      inflow_ingestion_detail_set_monitor (self, g_value_get_object (value));
      break;
    case PROP_ITEM:
      inflow_ingestion_detail_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_detail_class_init (InflowIngestionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const names[] = {
    "page", "title", "subtitle", "reason", "as-of", "note", "awaiting-text",
    "connected", "first-cur", "newest", "status", "checked", "timeline-caption",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == TEXT (N_PROPS));

  object_class->dispose = inflow_ingestion_detail_dispose;
  object_class->finalize = inflow_ingestion_detail_finalize;
  object_class->get_property = inflow_ingestion_detail_get_property;
  object_class->set_property = inflow_ingestion_detail_set_property;

  /**
   * InflowIngestionDetail:monitor:
   *
   * The monitor of the item: its clock and its cycles.
   */
  properties[PROP_MONITOR] = g_param_spec_object ("monitor", NULL, NULL, INFLOW_TYPE_INGESTION_MONITOR, rw);

  /**
   * InflowIngestionDetail:item:
   *
   * The integration described, or %NULL.
   */
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, INFLOW_TYPE_INGESTION_ITEM, rw);

  /**
   * InflowIngestionDetail:now:
   *
   * The server's time at the last update, for the timeline.
   */
  properties[PROP_NOW] = g_param_spec_boxed ("now", NULL, NULL, G_TYPE_DATE_TIME, ro);

  /**
   * InflowIngestionDetail:awaiting:
   *
   * Whether the first Cost and Usage Report is awaited:
   * #InflowIngestionDetail:awaiting-text says why the wait.
   */
  properties[PROP_AWAITING] = g_param_spec_boolean ("awaiting", NULL, NULL, FALSE, ro);

  /**
   * InflowIngestionDetail:has-note:
   *
   * Whether #InflowIngestionDetail:note has something to say.
   */
  properties[PROP_HAS_NOTE] = g_param_spec_boolean ("has-note", NULL, NULL, FALSE, ro);

  /**
   * InflowIngestionDetail:page:
   *
   * "detail", or "none" without an item with a verdict.
   *
   * InflowIngestionDetail:title:
   *
   * The account's name (see #InflowIngestionItem:title).
   *
   * InflowIngestionDetail:subtitle:
   *
   * "AWS account 209684207838 · GovCloud".
   *
   * InflowIngestionDetail:reason:
   *
   * The verdict's reason.
   *
   * The other texts are the lines of the pane: when the verdict's facts
   * were seen (as-of), why Inflow cannot check the data (note), why the
   * first CUR takes time (awaiting-text), the facts (connected, first-cur,
   * newest, status, checked) and what the timeline covers.
   */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    properties[PROP_PAGE + i] = g_param_spec_string (names[i], NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_ingestion_detail_init (InflowIngestionDetail *self)
{
  self->texts[TEXT (PROP_PAGE)] = g_strdup ("none");

  self->monitor_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_MONITOR);
  g_signal_group_connect_object (self->monitor_signals, "updated", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  self->item_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

/**
 * inflow_ingestion_detail_new:
 *
 * Returns: (transfer full): a detail without an item
 */
InflowIngestionDetail *
inflow_ingestion_detail_new (void)
{
  return g_object_new (INFLOW_TYPE_INGESTION_DETAIL, NULL);
}

InflowIngestionMonitor *
inflow_ingestion_detail_get_monitor (InflowIngestionDetail *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_DETAIL (self), NULL);

  return self->monitor;
}

/**
 * inflow_ingestion_detail_set_monitor:
 * @self: a detail
 * @monitor: (nullable): the monitor whose clock and cycles to follow
 */
void
inflow_ingestion_detail_set_monitor (InflowIngestionDetail  *self,
                                     InflowIngestionMonitor *monitor)
{
  g_return_if_fail (INFLOW_IS_INGESTION_DETAIL (self));
  g_return_if_fail (monitor == NULL || INFLOW_IS_INGESTION_MONITOR (monitor));

  if (!g_set_object (&self->monitor, monitor))
    return;

  g_signal_group_set_target (self->monitor_signals, monitor);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONITOR]);
}

InflowIngestionItem *
inflow_ingestion_detail_get_item (InflowIngestionDetail *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_DETAIL (self), NULL);

  return self->item;
}

/**
 * inflow_ingestion_detail_set_item:
 * @self: a detail
 * @item: (nullable): the integration to describe
 */
void
inflow_ingestion_detail_set_item (InflowIngestionDetail *self,
                                  InflowIngestionItem   *item)
{
  g_return_if_fail (INFLOW_IS_INGESTION_DETAIL (self));
  g_return_if_fail (item == NULL || INFLOW_IS_INGESTION_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  update (self);
}
