/* inflow-notifier.c: desktop notifications for ingestion events
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"
#include "inflow-notifier.h"
#include "inflow-profile.h"

/**
 * InflowNotifier:
 *
 * Turns the events of the active session's #InflowIngestionMonitor into
 * desktop notifications: one per event, naming the account, the
 * integration and the organization, since a notification that does not say
 * which account it is about leaves an admin of many accounts guessing. The
 * id is per integration and kind, so a repeat replaces the earlier one;
 * clicking one activates `app.show-integration` with the integration's
 * token, which the application defines.
 *
 * The application owns the notifier and gives it the monitor of each
 * session it opens, so notifications go out with no window open.
 *
 * The preferences `notify-first-cur`, `notify-stale` (stale and critical)
 * and `notify-error` (error and disconnected) turn each kind off.
 *
 * Notifications go out through the #InflowNotifier::send-notification
 * signal, whose default handler calls g_application_send_notification(): a
 * handler that returns %TRUE (a test) takes them instead.
 */
struct _InflowNotifier
{
  GObject                 parent_instance;

  GApplication           *application;  /* weak: the application owns the notifier */
  InflowIngestionMonitor *monitor;
  GSignalGroup           *monitor_signals;
  GSettings              *settings;
  guint                   n_sent;
};

G_DEFINE_FINAL_TYPE (InflowNotifier, inflow_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MONITOR,
  N_PROPS
};

enum {
  SEND_NOTIFICATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
kind_nick (InflowIngestionEventKind kind)
{
  switch (kind)
    {
    case INFLOW_INGESTION_EVENT_FIRST_CUR:
      return "first-cur";
    case INFLOW_INGESTION_EVENT_STALE:
      return "stale";
    case INFLOW_INGESTION_EVENT_CRITICAL:
      return "critical";
    case INFLOW_INGESTION_EVENT_ERROR:
      return "error";
    case INFLOW_INGESTION_EVENT_DISCONNECTED:
      return "disconnected";
    default:
      return "event";
    }
}

/* Whether the preferences let @kind through. */
static gboolean
is_enabled (InflowNotifier           *self,
            InflowIngestionEventKind  kind)
{
  const char *key;

  if (self->settings == NULL)
    return TRUE;

  switch (kind)
    {
    case INFLOW_INGESTION_EVENT_FIRST_CUR:
      key = "notify-first-cur";
      break;
    case INFLOW_INGESTION_EVENT_STALE:
    case INFLOW_INGESTION_EVENT_CRITICAL:
      key = "notify-stale";
      break;
    case INFLOW_INGESTION_EVENT_ERROR:
    case INFLOW_INGESTION_EVENT_DISCONNECTED:
    default:
      key = "notify-error";
      break;
    }

  return g_settings_get_boolean (self->settings, key);
}

/* "Production (209684207838)", or the ID alone. */
static char *
account_words (InflowIngestionItem *item)
{
  const char *name = inflow_ingestion_item_get_account_name (item);
  const char *id = inflow_ingestion_item_get_account_id (item);

  if (name != NULL && id != NULL && g_strcmp0 (name, id) != 0)
    /* Translators: an account name, then its AWS account ID */
    return g_strdup_printf (_("%s (%s)"), name, id);

  return g_strdup (inflow_ingestion_item_get_title (item));
}

static char *
organization_words (InflowNotifier *self)
{
  InflowSession *session = self->monitor != NULL ? inflow_ingestion_monitor_get_session (self->monitor) : NULL;
  InflowProfile *profile = session != NULL ? inflow_session_get_profile (session) : NULL;

  if (profile == NULL || inflow_profile_get_name (profile) == NULL)
    return NULL;

  return g_strdup (inflow_profile_get_name (profile));
}

static char *
unlocked_features (InflowIngestionItem *item)
{
  const InflowFeatureSet *features = inflow_ingestion_item_get_features (item);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    {
      if (features->items[i].state != INFLOW_FEATURE_STATE_AVAILABLE &&
          features->items[i].state != INFLOW_FEATURE_STATE_PARTIAL)
        continue;

      if (list->len > 0)
        /* Translators: the separator of a list of features */
        g_string_append (list, _(", "));
      g_string_append (list, inflow_ingestion_feature_get_name (i));
    }

  if (list->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The title and body of the notification of @kind for @item. */
static void
build_text (InflowNotifier            *self,
            InflowIngestionEventKind   kind,
            InflowIngestionItem       *item,
            char                     **title_out,
            char                     **body_out)
{
  const InflowIngestionVerdict *verdict = inflow_ingestion_item_get_verdict (item);
  g_autofree char *account = account_words (item);
  g_autofree char *organization = organization_words (self);
  g_autofree char *title = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GDateTime) now = inflow_server_clock_dup_local_now (inflow_ingestion_monitor_get_clock (self->monitor));

  switch (kind)
    {
    case INFLOW_INGESTION_EVENT_FIRST_CUR:
      {
        g_autofree char *features = unlocked_features (item);

        /* Translators: %s is an account, like "Production (209684207838)" */
        title = g_strdup_printf (_("First cost report for %s"), account);
        /* Translators: %s is an account, like "Production (209684207838)" */
        g_string_append_printf (body, _("AWS delivered the first Cost and Usage Report for %s."), account);
        if (features != NULL)
          {
            g_string_append_c (body, ' ');
            /* Translators: %s is a list of features, like "Cost Reports, Autopilot" */
            g_string_append_printf (body, _("Now available: %s."), features);
          }
      }
      break;

    case INFLOW_INGESTION_EVENT_STALE:
    case INFLOW_INGESTION_EVENT_CRITICAL:
      /* Translators: %s is an account, like "Production (209684207838)" */
      title = g_strdup_printf (kind == INFLOW_INGESTION_EVENT_STALE ? _("Cost data stale for %s")
                                                                    : _("Cost data critically old for %s"),
                               account);
      if (verdict != NULL && verdict->newest_cost_date != NULL)
        {
          g_autofree char *day = inflow_ingestion_format_day (verdict->newest_cost_date, now);
          g_autofree char *old = inflow_ingestion_format_days_old (verdict->newest_cost_date, now);

          /* Translators: an account, a day like "Nov 20", its age like "3 days old" */
          g_string_append_printf (body, _("The newest cost data of %s is from %s, %s; AWS refreshes every 8–12 hours."),
                                  account, day, old);
        }
      else
        {
          /* Translators: %s is an account */
          g_string_append_printf (body, _("No new cost data arrived for %s in over two days."), account);
        }
      if (kind == INFLOW_INGESTION_EVENT_CRITICAL)
        {
          g_string_append_c (body, ' ');
          g_string_append (body, _("Check the Cost and Usage Report and its S3 bucket policy in AWS."));
        }
      break;

    case INFLOW_INGESTION_EVENT_ERROR:
      /* Translators: %s is an account, like "Production (209684207838)" */
      title = g_strdup_printf (_("Integration error for %s"), account);
      /* Translators: %s is an account */
      g_string_append_printf (body, _("Vantage reports an error for the AWS integration of %s; "
                                      "its cost data may stop arriving."), account);
      break;

    case INFLOW_INGESTION_EVENT_DISCONNECTED:
    default:
      /* Translators: %s is an account, like "Production (209684207838)" */
      title = g_strdup_printf (_("Integration disconnected for %s"), account);
      /* Translators: %s is an account */
      g_string_append_printf (body, _("Vantage reports the AWS integration of %s as disconnected: "
                                      "no new cost data arrives."), account);
      break;
    }

  if (organization != NULL)
    {
      g_string_append_c (body, ' ');
      /* Translators: %s is the name of a Vantage organization (a profile) */
      g_string_append_printf (body, _("Organization: %s."), organization);
    }

  *title_out = g_steal_pointer (&title);
  *body_out = g_string_free (g_steal_pointer (&body), FALSE);
}

static gboolean
inflow_notifier_real_send_notification (InflowNotifier *self,
                                        const char     *id,
                                        GNotification  *notification,
                                        const char     *title,
                                        const char     *body)
{
  if (self->application == NULL || !g_application_get_is_registered (self->application))
    {
      g_debug ("Not registered: notification %s not sent", id);
      return TRUE;
    }

  g_application_send_notification (self->application, id, notification);
  return TRUE;
}

static void
event_cb (InflowNotifier           *self,
          InflowIngestionEventKind  kind,
          InflowIngestionItem      *item)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  gboolean handled = FALSE;

  if (!is_enabled (self, kind))
    {
      g_debug ("Notification of %s for %s turned off", kind_nick (kind), inflow_ingestion_item_get_token (item));
      return;
    }

  build_text (self, kind, item, &title, &body);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification,
                               kind == INFLOW_INGESTION_EVENT_ERROR || kind == INFLOW_INGESTION_EVENT_CRITICAL
                               ? G_NOTIFICATION_PRIORITY_HIGH : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification, "app.show-integration", "s",
                                                inflow_ingestion_item_get_token (item));
  id = g_strdup_printf ("ingestion-%s-%s", kind_nick (kind), inflow_ingestion_item_get_token (item));

  g_signal_emit (self, signals[SEND_NOTIFICATION], 0, id, notification, title, body, &handled);
  self->n_sent++;
}

static void
inflow_notifier_dispose (GObject *object)
{
  InflowNotifier *self = INFLOW_NOTIFIER (object);

  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  if (self->monitor_signals != NULL)
    g_signal_group_set_target (self->monitor_signals, NULL);
  g_clear_object (&self->monitor_signals);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (inflow_notifier_parent_class)->dispose (object);
}

static void
inflow_notifier_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  InflowNotifier *self = INFLOW_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_notifier_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  InflowNotifier *self = INFLOW_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      inflow_notifier_set_monitor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_notifier_class_init (InflowNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_notifier_dispose;
  object_class->get_property = inflow_notifier_get_property;
  object_class->set_property = inflow_notifier_set_property;

  /**
   * InflowNotifier:monitor:
   *
   * The monitor whose events are told: the active session's, or %NULL.
   */
  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL, INFLOW_TYPE_INGESTION_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowNotifier::send-notification:
   * @self: the notifier
   * @id: the notification's id (per integration and kind)
   * @notification: the #GNotification
   * @title: its title
   * @body: its body
   *
   * Sends a notification; the default handler gives it to the application.
   * Return %TRUE from a handler to take it instead.
   *
   * Returns: whether the notification was handled
   */
  signals[SEND_NOTIFICATION] =
    g_signal_new_class_handler ("send-notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (inflow_notifier_real_send_notification),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 4, G_TYPE_STRING, G_TYPE_NOTIFICATION,
                                G_TYPE_STRING, G_TYPE_STRING);
}

static void
inflow_notifier_init (InflowNotifier *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  else
    g_debug ("No settings schema %s: every notification is on", APPLICATION_ID);

  self->monitor_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_MONITOR);
  g_signal_group_connect_object (self->monitor_signals, "event", G_CALLBACK (event_cb), self, G_CONNECT_SWAPPED);
}

/**
 * inflow_notifier_new:
 * @application: the application that sends the notifications and defines
 *   `app.show-integration`
 *
 * Returns: (transfer full): a notifier without a monitor
 */
InflowNotifier *
inflow_notifier_new (GApplication *application)
{
  InflowNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (INFLOW_TYPE_NOTIFIER, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);

  return self;
}

/**
 * inflow_notifier_get_monitor:
 * @self: a notifier
 *
 * Returns: (transfer none) (nullable): the monitor whose events are told
 */
InflowIngestionMonitor *
inflow_notifier_get_monitor (InflowNotifier *self)
{
  g_return_val_if_fail (INFLOW_IS_NOTIFIER (self), NULL);

  return self->monitor;
}

/**
 * inflow_notifier_set_monitor:
 * @self: a notifier
 * @monitor: (nullable): the monitor whose events to tell
 */
void
inflow_notifier_set_monitor (InflowNotifier         *self,
                             InflowIngestionMonitor *monitor)
{
  g_return_if_fail (INFLOW_IS_NOTIFIER (self));
  g_return_if_fail (monitor == NULL || INFLOW_IS_INGESTION_MONITOR (monitor));

  if (!g_set_object (&self->monitor, monitor))
    return;

  g_signal_group_set_target (self->monitor_signals, monitor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONITOR]);
}

/**
 * inflow_notifier_get_n_sent:
 * @self: a notifier
 *
 * Returns: how many notifications it sent (or a handler took)
 */
guint
inflow_notifier_get_n_sent (InflowNotifier *self)
{
  g_return_val_if_fail (INFLOW_IS_NOTIFIER (self), 0);

  return self->n_sent;
}
