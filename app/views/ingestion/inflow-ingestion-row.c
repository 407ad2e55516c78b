/* inflow-ingestion-row.c: one integration in the Ingestion list
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-ingestion-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-row.h"
#include "inflow-verdict-badge.h"

/**
 * InflowIngestionRow:
 *
 * The phase's icon in its colour, the account's name and the
 * #InflowIngestionItem:summary, the verdict's reason as the tooltip: all
 * bound in the template to #InflowIngestionRow:item, which the list's
 * factory binds to its item. Only the accessible label and description,
 * which are no properties, are set here.
 */
struct _InflowIngestionRow
{
  GtkWidget            parent_instance;

  InflowIngestionItem *item;
  GSignalGroup        *item_signals;
};

G_DEFINE_FINAL_TYPE (InflowIngestionRow, inflow_ingestion_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
phase_icon_name (gpointer             unused,
                 InflowIngestionPhase phase)
{
  return g_strdup (inflow_ingestion_phase_get_icon_name (phase));
}

static GStrv
severity_css_classes (gpointer                unused,
                      InflowIngestionSeverity severity)
{
  const char * const classes[] = { "inflow-check-icon", inflow_ingestion_severity_get_css_class (severity), NULL };

  return g_strdupv ((char **) classes);
}

static char *
verdict_reason (gpointer                      unused,
                const InflowIngestionVerdict *verdict)
{
  return verdict != NULL ? g_strdup (verdict->reason) : NULL;
}

static void
update_accessible (InflowIngestionRow *self)
{
  const InflowIngestionVerdict *verdict = NULL;
  g_autofree char *label = NULL;

  if (self->item != NULL)
    {
      verdict = inflow_ingestion_item_get_verdict (self->item);
      /* Translators: an account name, then its phase and a short status */
      label = g_strdup_printf (_("%s: %s"), inflow_ingestion_item_get_title (self->item),
                               inflow_ingestion_item_get_summary (self->item) != NULL
                               ? inflow_ingestion_item_get_summary (self->item) : "");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, verdict != NULL ? verdict->reason : "",
                                  -1);
}

static void
inflow_ingestion_row_dispose (GObject *object)
{
  InflowIngestionRow *self = INFLOW_INGESTION_ROW (object);
  GtkWidget *child;

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_INGESTION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (inflow_ingestion_row_parent_class)->dispose (object);
}

static void
inflow_ingestion_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowIngestionRow *self = INFLOW_INGESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  InflowIngestionRow *self = INFLOW_INGESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      inflow_ingestion_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_ingestion_row_class_init (InflowIngestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_ingestion_row_dispose;
  object_class->get_property = inflow_ingestion_row_get_property;
  object_class->set_property = inflow_ingestion_row_set_property;

  /**
   * InflowIngestionRow:item:
   *
   * The integration shown, or %NULL.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, INFLOW_TYPE_INGESTION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-ingestion-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, phase_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, severity_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, verdict_reason);
}

static void
inflow_ingestion_row_init (InflowIngestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->item_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify::summary",
                                 G_CALLBACK (update_accessible), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::title",
                                 G_CALLBACK (update_accessible), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::verdict",
                                 G_CALLBACK (update_accessible), self, G_CONNECT_SWAPPED);
}

InflowIngestionItem *
inflow_ingestion_row_get_item (InflowIngestionRow *self)
{
  g_return_val_if_fail (INFLOW_IS_INGESTION_ROW (self), NULL);

  return self->item;
}

/**
 * inflow_ingestion_row_set_item:
 * @self: a row
 * @item: (nullable): the integration to show
 */
void
inflow_ingestion_row_set_item (InflowIngestionRow  *self,
                               InflowIngestionItem *item)
{
  g_return_if_fail (INFLOW_IS_INGESTION_ROW (self));
  g_return_if_fail (item == NULL || INFLOW_IS_INGESTION_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
