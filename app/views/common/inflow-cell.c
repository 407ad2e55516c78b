/* inflow-cell.c: a cell or badge with a tooltip given on demand, an accessible label and a tone
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-cell"

#include "config.h"

#include "inflow-cell.h"

/**
 * InflowCell:
 *
 * The child of a list row's template, for what a binding cannot set
 * cheaply or at all:
 *
 * - #InflowCell:tooltip is kept and handed out when GTK asks for it:
 *   gtk_widget_set_tooltip_text() asks the display where the pointer is (a
 *   round trip to the X server) on every call, and a row is bound again on
 *   every keystroke of a search;
 * - #InflowCell:accessible-label is the accessible label (not a property
 *   in GTK 4.8), set only when it changes;
 * - #InflowCell:tone and #InflowCell:style-class each add one style class,
 *   changed only when they change (the text inherits the colour);
 * - #InflowCell:description is both, for the text a cell cuts short;
 * - #InflowCell:item holds the row's view-model once for the cell's
 *   template, whose children look their properties up in it (a lookup
 *   shorter than through the list item and its placeholder, for each of
 *   the dozen bindings of a row);
 * - #InflowCell:label, for a badge (style class "inflow-badge", see
 *   ui/style.css): the cell shows the word in a label, and hides while it
 *   is %NULL, so a template binds a view-model's optional badge directly.
 */
struct _InflowCell
{
  AdwBin            parent_instance;

  char             *tooltip;
  char             *accessible_label;
  char             *style_class;
  GtkLabel         *label;      /* for a badge, made when it gets one */
  GObject          *item;
  InflowStatusTone  tone;
};

G_DEFINE_FINAL_TYPE (InflowCell, inflow_cell, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOOLTIP,
  PROP_ACCESSIBLE_LABEL,
  PROP_TONE,
  PROP_STYLE_CLASS,
  PROP_LABEL,
  PROP_ITEM,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
inflow_cell_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  InflowCell *self = INFLOW_CELL (widget);

  if (self->tooltip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->tooltip);

  return TRUE;
}

static void
inflow_cell_dispose (GObject *object)
{
  g_clear_object (&INFLOW_CELL (object)->item);

  G_OBJECT_CLASS (inflow_cell_parent_class)->dispose (object);
}

static void
inflow_cell_finalize (GObject *object)
{
  InflowCell *self = INFLOW_CELL (object);

  g_free (self->tooltip);
  g_free (self->accessible_label);
  g_free (self->style_class);

  G_OBJECT_CLASS (inflow_cell_parent_class)->finalize (object);
}

static void
inflow_cell_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  InflowCell *self = INFLOW_CELL (object);

  switch (prop_id)
    {
    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;
    case PROP_TONE:
      g_value_set_enum (value, self->tone);
      break;
    case PROP_STYLE_CLASS:
      g_value_set_string (value, self->style_class);
      break;
    case PROP_LABEL:
      g_value_set_string (value, inflow_cell_get_label (self));
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->tooltip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_cell_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  InflowCell *self = INFLOW_CELL (object);

  switch (prop_id)
    {
    case PROP_TOOLTIP:
      inflow_cell_set_tooltip (self, g_value_get_string (value));
      break;
    case PROP_ACCESSIBLE_LABEL:
      inflow_cell_set_accessible_label (self, g_value_get_string (value));
      break;
    case PROP_TONE:
      inflow_cell_set_tone (self, g_value_get_enum (value));
      break;
    case PROP_STYLE_CLASS:
      inflow_cell_set_style_class (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      inflow_cell_set_label (self, g_value_get_string (value));
      break;
    case PROP_ITEM:
      inflow_cell_set_item (self, g_value_get_object (value));
      break;
    case PROP_DESCRIPTION:
      inflow_cell_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_cell_class_init (InflowCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_cell_dispose;
  object_class->finalize = inflow_cell_finalize;
  object_class->get_property = inflow_cell_get_property;
  object_class->set_property = inflow_cell_set_property;
  widget_class->query_tooltip = inflow_cell_query_tooltip;

  properties[PROP_TOOLTIP] = g_param_spec_string ("tooltip", NULL, NULL, NULL, flags);
  properties[PROP_ACCESSIBLE_LABEL] = g_param_spec_string ("accessible-label", NULL, NULL, NULL, flags);
  properties[PROP_TONE] = g_param_spec_enum ("tone", NULL, NULL, INFLOW_TYPE_STATUS_TONE,
                                             INFLOW_STATUS_TONE_NEUTRAL, flags);
  properties[PROP_STYLE_CLASS] = g_param_spec_string ("style-class", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "inflowcell");
}

static void
inflow_cell_init (InflowCell *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), inflow_status_tone_get_css_class (self->tone));
}

const char *
inflow_cell_get_tooltip (InflowCell *self)
{
  g_return_val_if_fail (INFLOW_IS_CELL (self), NULL);

  return self->tooltip;
}

void
inflow_cell_set_tooltip (InflowCell *self,
                         const char *tooltip)
{
  g_return_if_fail (INFLOW_IS_CELL (self));

  if (g_strcmp0 (tooltip, self->tooltip) == 0)
    return;

  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), tooltip != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

const char *
inflow_cell_get_accessible_label (InflowCell *self)
{
  g_return_val_if_fail (INFLOW_IS_CELL (self), NULL);

  return self->accessible_label;
}

void
inflow_cell_set_accessible_label (InflowCell *self,
                                  const char *label)
{
  g_return_if_fail (INFLOW_IS_CELL (self));

  if (g_strcmp0 (label, self->accessible_label) == 0)
    return;

  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
}

InflowStatusTone
inflow_cell_get_tone (InflowCell *self)
{
  g_return_val_if_fail (INFLOW_IS_CELL (self), INFLOW_STATUS_TONE_NEUTRAL);

  return self->tone;
}

void
inflow_cell_set_tone (InflowCell       *self,
                      InflowStatusTone  tone)
{
  g_return_if_fail (INFLOW_IS_CELL (self));

  if (tone == self->tone)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self), inflow_status_tone_get_css_class (self->tone));
  self->tone = tone;
  gtk_widget_add_css_class (GTK_WIDGET (self), inflow_status_tone_get_css_class (tone));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TONE]);
}

const char *
inflow_cell_get_style_class (InflowCell *self)
{
  g_return_val_if_fail (INFLOW_IS_CELL (self), NULL);

  return self->style_class;
}

void
inflow_cell_set_style_class (InflowCell *self,
                             const char *style_class)
{
  g_return_if_fail (INFLOW_IS_CELL (self));

  if (g_strcmp0 (style_class, self->style_class) == 0)
    return;

  if (self->style_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->style_class);
  g_free (self->style_class);
  self->style_class = g_strdup (style_class);
  if (style_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), style_class);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE_CLASS]);
}

/* The word of a badge, or NULL */
const char *
inflow_cell_get_label (InflowCell *self)
{
  g_return_val_if_fail (INFLOW_IS_CELL (self), NULL);

  if (self->label == NULL || *gtk_label_get_label (self->label) == '\0')
    return NULL;

  return gtk_label_get_label (self->label);
}

/**
 * inflow_cell_set_label:
 * @self: a cell
 * @label: (nullable): the word of a badge; %NULL hides the cell
 *
 * Makes the cell a badge that shows @label (its child becomes a label).
 */
void
inflow_cell_set_label (InflowCell *self,
                       const char *label)
{
  g_return_if_fail (INFLOW_IS_CELL (self));

  if (self->label != NULL && g_strcmp0 (label, inflow_cell_get_label (self)) == 0)
    return;

  if (self->label == NULL)
    {
      self->label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_single_line_mode (self->label, TRUE);
      adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->label));
    }

  gtk_label_set_label (self->label, label);
  gtk_widget_set_visible (GTK_WIDGET (self), label != NULL && *label != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * inflow_cell_get_item:
 *
 * Returns: (transfer none) (nullable) (type GObject): the row's view-model
 */
gpointer
inflow_cell_get_item (InflowCell *self)
{
  g_return_val_if_fail (INFLOW_IS_CELL (self), NULL);

  return self->item;
}

/* @item: (nullable) (type GObject): what the cell's template looks up */
void
inflow_cell_set_item (InflowCell *self,
                      gpointer    item)
{
  g_return_if_fail (INFLOW_IS_CELL (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* The tooltip and the accessible label at once */
void
inflow_cell_set_description (InflowCell *self,
                             const char *description)
{
  g_return_if_fail (INFLOW_IS_CELL (self));

  inflow_cell_set_tooltip (self, description);
  inflow_cell_set_accessible_label (self, description);
}
