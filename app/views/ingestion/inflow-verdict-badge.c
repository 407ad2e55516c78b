/* inflow-verdict-badge.c: a small pill naming an integration's ingestion phase
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-verdict-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-verdict-badge.h"

/**
 * InflowVerdictBadge:
 *
 * An icon and the phase's label in a pill coloured by severity, for list
 * rows (the Ingestion list, the Integrations list). Give it a phase, or an
 * #InflowIngestionItem to follow: then its tooltip is the verdict's reason.
 * An unknown phase is grey with a question mark, never a green tick.
 */
struct _InflowVerdictBadge
{
  GtkWidget             parent_instance;

  InflowIngestionPhase  phase;
  InflowIngestionItem  *item;
  GSignalGroup         *item_signals;

  /* Template widgets */
  GtkWidget            *box;
  GtkImage             *icon;
  GtkLabel             *label;
};

G_DEFINE_FINAL_TYPE (InflowVerdictBadge, inflow_verdict_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PHASE,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const severity_classes[] = { "neutral", "success", "accent", "warning", "error" };

/**
 * inflow_ingestion_phase_get_icon_name:
 * @phase: a phase
 *
 * Returns: a symbolic icon for it (a tick only for fresh data)
 */
const char *
inflow_ingestion_phase_get_icon_name (InflowIngestionPhase phase)
{
  switch (phase)
    {
    case INFLOW_INGESTION_PHASE_FRESH:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_RECEIVED:
      return "object-select-symbolic";
    case INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR:
      return "appointment-soon-symbolic";
    case INFLOW_INGESTION_PHASE_PENDING:
    case INFLOW_INGESTION_PHASE_IMPORTING:
      return "emblem-synchronizing-symbolic";
    case INFLOW_INGESTION_PHASE_LATE:
    case INFLOW_INGESTION_PHASE_FIRST_CUR_LATE:
      return "dialog-warning-symbolic";
    case INFLOW_INGESTION_PHASE_STALE:
    case INFLOW_INGESTION_PHASE_CRITICAL:
    case INFLOW_INGESTION_PHASE_ERROR:
      return "dialog-error-symbolic";
    case INFLOW_INGESTION_PHASE_DISCONNECTED:
      return "network-offline-symbolic";
    case INFLOW_INGESTION_PHASE_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

/**
 * inflow_ingestion_severity_get_css_class:
 * @severity: a severity
 *
 * Returns: the style class Inflow colours it with: "neutral", "success",
 *   "accent", "warning" or "error"
 */
const char *
inflow_ingestion_severity_get_css_class (InflowIngestionSeverity severity)
{
  if ((guint) severity >= G_N_ELEMENTS (severity_classes))
    return severity_classes[0];

  return severity_classes[severity];
}

static void
update (InflowVerdictBadge *self)
{
  const char *label = inflow_ingestion_phase_get_label (self->phase);
  const InflowIngestionVerdict *verdict = NULL;
  g_autofree char *accessible = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (severity_classes); i++)
    gtk_widget_remove_css_class (self->box, severity_classes[i]);
  gtk_widget_add_css_class (self->box,
                            inflow_ingestion_severity_get_css_class (inflow_ingestion_phase_get_severity (self->phase)));

  gtk_image_set_from_icon_name (self->icon, inflow_ingestion_phase_get_icon_name (self->phase));
  gtk_label_set_label (self->label, label);

  if (self->item != NULL)
    verdict = inflow_ingestion_item_get_verdict (self->item);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), verdict != NULL ? verdict->reason : NULL);

  /* Translators: %s is an ingestion phase, like "Awaiting first CUR" */
  accessible = g_strdup_printf (_("Ingestion: %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  verdict != NULL ? verdict->reason : "",
                                  -1);
}

static void
item_changed_cb (InflowVerdictBadge  *self,
                 GParamSpec          *pspec,
                 InflowIngestionItem *item)
{
  InflowIngestionPhase phase = inflow_ingestion_item_get_phase (item);

  if (phase != self->phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  update (self);
}

static void
inflow_verdict_badge_dispose (GObject *object)
{
  InflowVerdictBadge *self = INFLOW_VERDICT_BADGE (object);
  GtkWidget *child;

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_VERDICT_BADGE);
  /* The template's top widget may have no id: unparent whatever is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (inflow_verdict_badge_parent_class)->dispose (object);
}

static void
inflow_verdict_badge_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowVerdictBadge *self = INFLOW_VERDICT_BADGE (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_verdict_badge_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  InflowVerdictBadge *self = INFLOW_VERDICT_BADGE (object);

  switch (prop_id)
    {
    case PROP_PHASE:
      inflow_verdict_badge_set_phase (self, g_value_get_enum (value));
      break;
    case PROP_ITEM:
      inflow_verdict_badge_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_verdict_badge_class_init (InflowVerdictBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_verdict_badge_dispose;
  object_class->get_property = inflow_verdict_badge_get_property;
  object_class->set_property = inflow_verdict_badge_set_property;

  /**
   * InflowVerdictBadge:phase:
   *
   * The phase shown (follows #InflowVerdictBadge:item when one is set).
   */
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       INFLOW_TYPE_INGESTION_PHASE, INFLOW_INGESTION_PHASE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowVerdictBadge:item:
   *
   * The item whose phase and reason to show, or %NULL.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         INFLOW_TYPE_INGESTION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inflowverdictbadge");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-verdict-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowVerdictBadge, box);
  gtk_widget_class_bind_template_child (widget_class, InflowVerdictBadge, icon);
  gtk_widget_class_bind_template_child (widget_class, InflowVerdictBadge, label);
}

static void
inflow_verdict_badge_init (InflowVerdictBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->item_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify::verdict",
                                 G_CALLBACK (item_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

/**
 * inflow_verdict_badge_new:
 *
 * Returns: (transfer floating): a badge showing "Unknown"
 */
GtkWidget *
inflow_verdict_badge_new (void)
{
  return g_object_new (INFLOW_TYPE_VERDICT_BADGE, NULL);
}

InflowIngestionPhase
inflow_verdict_badge_get_phase (InflowVerdictBadge *self)
{
  g_return_val_if_fail (INFLOW_IS_VERDICT_BADGE (self), INFLOW_INGESTION_PHASE_UNKNOWN);

  return self->phase;
}

void
inflow_verdict_badge_set_phase (InflowVerdictBadge   *self,
                                InflowIngestionPhase  phase)
{
  g_return_if_fail (INFLOW_IS_VERDICT_BADGE (self));

  if (self->phase == phase)
    return;

  self->phase = phase;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

InflowIngestionItem *
inflow_verdict_badge_get_item (InflowVerdictBadge *self)
{
  g_return_val_if_fail (INFLOW_IS_VERDICT_BADGE (self), NULL);

  return self->item;
}

/**
 * inflow_verdict_badge_set_item:
 * @self: a badge
 * @item: (nullable): the item to follow
 *
 * Shows @item's phase, with its verdict's reason as the tooltip, and
 * follows its changes. For a row of the Integrations list:
 *
 * |[<!-- language="C" -->
 * InflowIngestionMonitor *monitor = inflow_session_get_ingestion_monitor (session);
 * inflow_verdict_badge_set_item (badge, inflow_ingestion_monitor_lookup (monitor, token));
 * ]|
 */
void
inflow_verdict_badge_set_item (InflowVerdictBadge  *self,
                               InflowIngestionItem *item)
{
  g_return_if_fail (INFLOW_IS_VERDICT_BADGE (self));
  g_return_if_fail (item == NULL || INFLOW_IS_INGESTION_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  if (item != NULL)
    item_changed_cb (self, NULL, item);
  else
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * inflow_verdict_badge_lookup_verdict:
 * @integration: an integration
 * @label: (out) (transfer full): its phase's label
 * @severity: (out): the phase's severity
 * @monitor: (type InflowIngestionMonitor): the session's monitor
 *
 * For lists that show the verdict as text and a colour (the Integrations
 * view's verdict function): looks @integration up in @monitor. Non-AWS
 * integrations have no verdict.
 *
 * Returns: whether @monitor has a verdict for @integration
 */
gboolean
inflow_verdict_badge_lookup_verdict (InflowIntegration        *integration,
                                     char                    **label,
                                     InflowIngestionSeverity  *severity,
                                     gpointer                  monitor)
{
  InflowIngestionItem *item;

  g_return_val_if_fail (INFLOW_IS_INTEGRATION (integration), FALSE);
  g_return_val_if_fail (INFLOW_IS_INGESTION_MONITOR (monitor), FALSE);
  g_return_val_if_fail (label != NULL && severity != NULL, FALSE);

  item = inflow_ingestion_monitor_lookup (monitor, inflow_integration_get_token (integration));
  if (item == NULL || !inflow_ingestion_item_get_tracked (item) || inflow_ingestion_item_get_verdict (item) == NULL)
    return FALSE;

  *label = g_strdup (inflow_ingestion_phase_get_label (inflow_ingestion_item_get_phase (item)));
  *severity = inflow_ingestion_item_get_severity (item);

  return TRUE;
}
