/* inflow-text-row.c: a row that shows an InflowTextItem
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include "inflow-code-view.h"
#include "inflow-text-item.h"
#include "inflow-text-row.h"

/* The template lays the row out; its item, which does not change, fills
 * it in: the label as a step number before the title, the subtitle, and
 * the longer text in a popover behind a button. */

struct _InflowTextRow
{
  AdwActionRow    parent_instance;

  InflowTextItem *item;

  /* Template widgets */
  GtkLabel       *number_label;
  GtkWidget      *text_button;
  InflowCodeView *text_view;
};

G_DEFINE_FINAL_TYPE (InflowTextRow, inflow_text_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
show_item (InflowTextRow *self)
{
  InflowTextItem *item = self->item;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), inflow_text_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), inflow_text_item_get_subtitle (item));
  /* A hidden prefix would still indent the title. */
  if (is_set (inflow_text_item_get_label (item)))
    {
      gtk_label_set_label (self->number_label, inflow_text_item_get_label (item));
      gtk_widget_set_visible (GTK_WIDGET (self->number_label), TRUE);
    }
  else
    {
      adw_action_row_remove (ADW_ACTION_ROW (self), GTK_WIDGET (self->number_label));
      self->number_label = NULL;
    }
  inflow_code_view_set_title (self->text_view, inflow_text_item_get_title (item));
  inflow_code_view_set_text (self->text_view, inflow_text_item_get_text (item));
  gtk_widget_set_visible (self->text_button, is_set (inflow_text_item_get_text (item)));
}

static void
inflow_text_row_dispose (GObject *object)
{
  InflowTextRow *self = INFLOW_TEXT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_TEXT_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (inflow_text_row_parent_class)->dispose (object);
}

static void
inflow_text_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  InflowTextRow *self = INFLOW_TEXT_ROW (object);

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
inflow_text_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  InflowTextRow *self = INFLOW_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      if (self->item != NULL)
        show_item (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_text_row_class_init (InflowTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_text_row_dispose;
  object_class->get_property = inflow_text_row_get_property;
  object_class->set_property = inflow_text_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         INFLOW_TYPE_TEXT_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CODE_VIEW);
  g_type_ensure (INFLOW_TYPE_TEXT_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowTextRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, InflowTextRow, text_button);
  gtk_widget_class_bind_template_child (widget_class, InflowTextRow, text_view);
}

static void
inflow_text_row_init (InflowTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return g_object_new (INFLOW_TYPE_TEXT_ROW, "item", item, NULL);
}

/**
 * inflow_text_row_bind_list:
 * @items: #InflowTextItem items
 *
 * Shows @items in @list, a row each, as they change.
 */
void
inflow_text_row_bind_list (GtkListBox *list,
                           GListModel *items)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  gtk_list_box_bind_model (list, items, create_row, NULL, NULL);
}
