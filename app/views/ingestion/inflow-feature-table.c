/* inflow-feature-table.c: which Vantage features an integration's data allows
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-feature-table"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "inflow-feature-table.h"

/**
 * InflowFeatureTable:
 *
 * One row per feature the seed's "AWS Data Ingestion Delay" section names
 * (Active Resources, Cost Reports, Autopilot, Savings Planner): its state
 * in a coloured pill and a sentence saying what works. "Not yet" while the
 * first Cost and Usage Report is awaited is normal, so it is blue, not red.
 */
struct _InflowFeatureTable
{
  GtkWidget            parent_instance;

  InflowIngestionItem *item;
  GSignalGroup        *item_signals;

  AdwActionRow        *rows[INFLOW_INGESTION_N_FEATURES];
  GtkLabel            *states[INFLOW_INGESTION_N_FEATURES];
  GtkImage            *icons[INFLOW_INGESTION_N_FEATURES];
  GtkWidget           *pills[INFLOW_INGESTION_N_FEATURES];

  /* Template widgets */
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (InflowFeatureTable, inflow_feature_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const tone_classes[] = { "neutral", "success", "accent", "warning", "error" };

static gboolean
phase_awaits_first_cur (InflowIngestionPhase phase)
{
  return phase == INFLOW_INGESTION_PHASE_PENDING ||
         phase == INFLOW_INGESTION_PHASE_IMPORTING ||
         phase == INFLOW_INGESTION_PHASE_AWAITING_FIRST_CUR;
}

/**
 * inflow_feature_state_get_label:
 * @state: a feature state
 * @phase: the integration's phase
 *
 * Returns: a short translated label; "Not yet" for an unavailable feature
 *   while the first Cost and Usage Report is normally awaited
 */
const char *
inflow_feature_state_get_label (InflowFeatureState   state,
                                InflowIngestionPhase phase)
{
  switch (state)
    {
    case INFLOW_FEATURE_STATE_AVAILABLE:
      return C_("feature state", "Available");
    case INFLOW_FEATURE_STATE_PARTIAL:
      return C_("feature state", "Partial");
    case INFLOW_FEATURE_STATE_UNAVAILABLE:
      return phase_awaits_first_cur (phase) ? C_("feature state", "Not yet")
                                            : C_("feature state", "Unavailable");
    case INFLOW_FEATURE_STATE_NOT_APPLICABLE:
      return C_("feature state", "Not applicable");
    case INFLOW_FEATURE_STATE_UNKNOWN:
    default:
      return C_("feature state", "Unknown");
    }
}

static const char *
state_tone (InflowFeatureState   state,
            InflowIngestionPhase phase)
{
  switch (state)
    {
    case INFLOW_FEATURE_STATE_AVAILABLE:
      return "success";
    case INFLOW_FEATURE_STATE_PARTIAL:
      return phase_awaits_first_cur (phase) ? "accent" : "warning";
    case INFLOW_FEATURE_STATE_UNAVAILABLE:
      return phase_awaits_first_cur (phase) ? "accent" : "error";
    case INFLOW_FEATURE_STATE_NOT_APPLICABLE:
    case INFLOW_FEATURE_STATE_UNKNOWN:
    default:
      return "neutral";
    }
}

static const char *
state_icon (InflowFeatureState   state,
            InflowIngestionPhase phase)
{
  switch (state)
    {
    case INFLOW_FEATURE_STATE_AVAILABLE:
      return "object-select-symbolic";
    case INFLOW_FEATURE_STATE_PARTIAL:
      return "radio-mixed-symbolic";
    case INFLOW_FEATURE_STATE_UNAVAILABLE:
      return phase_awaits_first_cur (phase) ? "appointment-soon-symbolic" : "process-stop-symbolic";
    case INFLOW_FEATURE_STATE_NOT_APPLICABLE:
      return "action-unavailable-symbolic";
    case INFLOW_FEATURE_STATE_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

static void
update (InflowFeatureTable *self)
{
  InflowIngestionPhase phase = INFLOW_INGESTION_PHASE_UNKNOWN;
  const InflowFeatureSet *features = NULL;

  if (self->item != NULL)
    {
      phase = inflow_ingestion_item_get_phase (self->item);
      features = inflow_ingestion_item_get_features (self->item);
    }

  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    {
      InflowFeatureState state = features != NULL ? features->items[i].state : INFLOW_FEATURE_STATE_UNKNOWN;
      const char *explanation = features != NULL ? features->items[i].explanation : NULL;
      const char *label = inflow_feature_state_get_label (state, phase);
      g_autofree char *accessible = NULL;

      if (explanation == NULL)
        explanation = _("Inflow does not know yet what data Vantage has for this integration.");

      adw_action_row_set_subtitle (self->rows[i], explanation);
      gtk_label_set_label (self->states[i], label);
      gtk_image_set_from_icon_name (self->icons[i], state_icon (state, phase));

      for (guint t = 0; t < G_N_ELEMENTS (tone_classes); t++)
        gtk_widget_remove_css_class (self->pills[i], tone_classes[t]);
      gtk_widget_add_css_class (self->pills[i], state_tone (state, phase));

      /* Translators: a feature and its state, like "Autopilot: Not yet" */
      accessible = g_strdup_printf (_("%s: %s"), inflow_ingestion_feature_get_name (i), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation,
                                      -1);
    }
}

static void
item_changed_cb (InflowFeatureTable  *self,
                 GParamSpec          *pspec,
                 InflowIngestionItem *item)
{
  update (self);
}

static void
inflow_feature_table_dispose (GObject *object)
{
  InflowFeatureTable *self = INFLOW_FEATURE_TABLE (object);
  GtkWidget *child;

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_FEATURE_TABLE);
  /* The template's top widget may have no id: unparent whatever is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (inflow_feature_table_parent_class)->dispose (object);
}

static void
inflow_feature_table_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowFeatureTable *self = INFLOW_FEATURE_TABLE (object);

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
inflow_feature_table_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  InflowFeatureTable *self = INFLOW_FEATURE_TABLE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      inflow_feature_table_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_feature_table_class_init (InflowFeatureTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_feature_table_dispose;
  object_class->get_property = inflow_feature_table_get_property;
  object_class->set_property = inflow_feature_table_set_property;

  /**
   * InflowFeatureTable:item:
   *
   * The integration whose features to show.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, INFLOW_TYPE_INGESTION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-feature-table.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowFeatureTable, group);
}

static void
inflow_feature_table_init (InflowFeatureTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < INFLOW_INGESTION_N_FEATURES; i++)
    {
      GtkWidget *pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new ();
      GtkWidget *label = gtk_label_new (NULL);

      self->rows[i] = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), inflow_ingestion_feature_get_name (i));
      adw_action_row_set_subtitle_lines (self->rows[i], 0);

      gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pill, "inflow-verdict-badge");
      gtk_box_append (GTK_BOX (pill), icon);
      gtk_box_append (GTK_BOX (pill), label);
      adw_action_row_add_suffix (self->rows[i], pill);

      self->pills[i] = pill;
      self->icons[i] = GTK_IMAGE (icon);
      self->states[i] = GTK_LABEL (label);
      adw_preferences_group_add (self->group, GTK_WIDGET (self->rows[i]));
    }

  self->item_signals = g_signal_group_new (INFLOW_TYPE_INGESTION_ITEM);
  g_signal_group_connect_object (self->item_signals, "notify::features",
                                 G_CALLBACK (item_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->item_signals, "notify::phase",
                                 G_CALLBACK (item_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

/**
 * inflow_feature_table_new:
 *
 * Returns: (transfer floating): a table of unknown features
 */
GtkWidget *
inflow_feature_table_new (void)
{
  return g_object_new (INFLOW_TYPE_FEATURE_TABLE, NULL);
}

InflowIngestionItem *
inflow_feature_table_get_item (InflowFeatureTable *self)
{
  g_return_val_if_fail (INFLOW_IS_FEATURE_TABLE (self), NULL);

  return self->item;
}

/**
 * inflow_feature_table_set_item:
 * @self: a feature table
 * @item: (nullable): the integration to show
 */
void
inflow_feature_table_set_item (InflowFeatureTable  *self,
                               InflowIngestionItem *item)
{
  g_return_if_fail (INFLOW_IS_FEATURE_TABLE (self));
  g_return_if_fail (item == NULL || INFLOW_IS_INGESTION_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
