/* inflow-notifier.c: desktop notifications for ingestion events
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-notifier"

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"
#include "inflow-ingestion-view.h"
#include "inflow-notifier.h"
#include "inflow-profile.h"

/**
 * InflowNotifier:
 *
 * Turns the events of an #InflowIngestionMonitor into desktop
 * notifications: one per event, naming the account, the integration and
 * the organization (research: notifications that do not say which account
 * they are about are a recurring complaint). The id is per integration and
 * kind, so a repeat replaces the earlier one; clicking opens the
 * integration through `app.show-integration` with its token.
 *
 * The preferences `notify-first-cur`, `notify-stale` (stale and critical)
 * and `notify-error` (error and disconnected) turn each kind off; the
 * `refresh-interval` preference sets the monitor's planner.
 *
 * Notifications go out through the #InflowNotifier::send-notification
 * signal, whose default handler calls g_application_send_notification(): a
 * handler that returns %TRUE (a test) takes them instead.
 */
struct _InflowNotifier
{
  GObject                 parent_instance;

  GApplication           *application;  /* weak: the application may own the monitor */
  InflowIngestionMonitor *monitor;      /* weak: the monitor owns the notifier */
  GSettings              *settings;
  guint                   n_sent;
};

G_DEFINE_FINAL_TYPE (InflowNotifier, inflow_notifier, G_TYPE_OBJECT)

enum {
  SEND_NOTIFICATION,
  N_SIGNALS
};

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

/**
 * inflow_notifier_is_enabled:
 * @self: a notifier
 * @kind: an event kind
 *
 * Returns: whether the preferences let @kind through
 */
gboolean
inflow_notifier_is_enabled (InflowNotifier           *self,
                            InflowIngestionEventKind  kind)
{
  const char *key;

  g_return_val_if_fail (INFLOW_IS_NOTIFIER (self), FALSE);

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

/**
 * inflow_notifier_build_notification:
 * @self: a notifier
 * @kind: what happened
 * @item: to which integration
 * @id: (out) (transfer full): the notification's id
 *
 * Returns: (transfer full): the notification for the event
 */
GNotification *
inflow_notifier_build_notification (InflowNotifier           *self,
                                    InflowIngestionEventKind  kind,
                                    InflowIngestionItem      *item,
                                    char                    **id)
{
  const InflowIngestionVerdict *verdict;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *account = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  g_return_val_if_fail (INFLOW_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (INFLOW_IS_INGESTION_ITEM (item), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  verdict = inflow_ingestion_item_get_verdict (item);
  account = account_words (item);
  organization = organization_words (self);
  if (self->monitor != NULL)
    {
      g_autoptr(GDateTime) server_now = inflow_ingestion_monitor_dup_now (self->monitor);

      now = g_date_time_to_local (server_now);
    }
  else
    {
      now = g_date_time_new_now_local ();
    }

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

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  /* GNotification does not tell its fields: keep them for the signal. */
  g_object_set_data_full (G_OBJECT (notification), "inflow-title", g_strdup (title), g_free);
  g_object_set_data_full (G_OBJECT (notification), "inflow-body", g_strdup (body->str), g_free);
  g_notification_set_priority (notification,
                               kind == INFLOW_INGESTION_EVENT_ERROR || kind == INFLOW_INGESTION_EVENT_CRITICAL
                               ? G_NOTIFICATION_PRIORITY_HIGH : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (notification, "app.show-integration", "s",
                                                inflow_ingestion_item_get_token (item));

  *id = g_strdup_printf ("ingestion-%s-%s", kind_nick (kind), inflow_ingestion_item_get_token (item));

  return g_steal_pointer (&notification);
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
          InflowIngestionItem      *item,
          InflowIngestionMonitor   *monitor)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  gboolean handled = FALSE;

  if (!inflow_notifier_is_enabled (self, kind))
    {
      g_debug ("Notification of %s for %s turned off", kind_nick (kind), inflow_ingestion_item_get_token (item));
      return;
    }

  notification = inflow_notifier_build_notification (self, kind, item, &id);
  g_signal_emit (self, signals[SEND_NOTIFICATION], 0, id, notification,
                 g_object_get_data (G_OBJECT (notification), "inflow-title"),
                 g_object_get_data (G_OBJECT (notification), "inflow-body"),
                 &handled);
  self->n_sent++;
}

/* Finds the Ingestion view under @widget. */
static InflowIngestionView *
find_ingestion_view (GtkWidget *widget)
{
  if (INFLOW_IS_INGESTION_VIEW (widget))
    return INFLOW_INGESTION_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      InflowIngestionView *view = find_ingestion_view (child);

      if (view != NULL)
        return view;
    }

  return NULL;
}

/* The fallback `app.show-integration` (the application may define its own):
 * opens the window on the integration, through `win.monitor-ingestion` when
 * the window has it. */
static void
show_integration_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GApplication *application = user_data;
  const char *token = g_variant_get_string (parameter, NULL);
  GtkWindow *window;

  g_application_activate (application);
  if (!GTK_IS_APPLICATION (application))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    return;

  gtk_window_present (window);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.monitor-ingestion", "s", token))
    {
      InflowIngestionView *view;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "ingestion");
      view = find_ingestion_view (GTK_WIDGET (window));
      if (view != NULL)
        inflow_ingestion_view_select_integration (view, token);
    }
}

static void
install_show_integration (GApplication *application)
{
  g_autoptr(GSimpleAction) action = NULL;

  if (!G_IS_ACTION_MAP (application) ||
      g_action_map_lookup_action (G_ACTION_MAP (application), "show-integration") != NULL)
    return;

  action = g_simple_action_new ("show-integration", G_VARIANT_TYPE_STRING);
  g_signal_connect_object (action, "activate", G_CALLBACK (show_integration_cb), application, 0);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
}

static void
inflow_notifier_dispose (GObject *object)
{
  InflowNotifier *self = INFLOW_NOTIFIER (object);

  if (self->monitor != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->monitor), (gpointer *) &self->monitor);
      self->monitor = NULL;
    }
  if (self->application != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (inflow_notifier_parent_class)->dispose (object);
}

static void
inflow_notifier_class_init (InflowNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_notifier_dispose;

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
}

/**
 * inflow_notifier_new:
 * @application: the application that sends the notifications
 * @monitor: the monitor whose events to tell
 *
 * Also makes sure @application has an `app.show-integration` action and
 * applies the refresh-interval preference to @monitor's planner.
 *
 * Returns: (transfer full): a notifier
 */
InflowNotifier *
inflow_notifier_new (GApplication           *application,
                     InflowIngestionMonitor *monitor)
{
  InflowNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (monitor), NULL);

  self = g_object_new (INFLOW_TYPE_NOTIFIER, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->monitor = monitor;
  g_object_add_weak_pointer (G_OBJECT (monitor), (gpointer *) &self->monitor);

  g_signal_connect_object (monitor, "event", G_CALLBACK (event_cb), self, G_CONNECT_SWAPPED);
  install_show_integration (application);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "refresh-interval",
                     inflow_ingestion_monitor_get_planner (monitor), "refresh-interval",
                     G_SETTINGS_BIND_GET);

  return self;
}

/**
 * inflow_notifier_ensure:
 * @application: the application
 * @monitor: a monitor
 *
 * The notifier of @monitor, made on the first call; it lives as long as
 * @monitor. The Ingestion view calls this; the application may too.
 *
 * Returns: (transfer none): the notifier
 */
InflowNotifier *
inflow_notifier_ensure (GApplication           *application,
                        InflowIngestionMonitor *monitor)
{
  static GQuark quark;
  InflowNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (monitor), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("inflow-notifier");

  self = g_object_get_qdata (G_OBJECT (monitor), quark);
  if (self == NULL)
    {
      self = inflow_notifier_new (application, monitor);
      g_object_set_qdata_full (G_OBJECT (monitor), quark, self, g_object_unref);
    }

  return self;
}

GApplication *
inflow_notifier_get_application (InflowNotifier *self)
{
  g_return_val_if_fail (INFLOW_IS_NOTIFIER (self), NULL);

  return self->application;
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
