/* inflow-placeholder.c: one row of an InflowPlaceholderRows, showing whatever item is at its place
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-placeholder-rows"

#include "config.h"

#include "inflow-placeholder.h"

/**
 * InflowPlaceholder:
 *
 * What a list view holds in place of an item (see InflowPlaceholderRows):
 * its #InflowPlaceholder:item is the view-model of the source item at the
 * placeholder's position, and notifies when another item comes there, so
 * that the bindings of the row's template follow without the row being
 * built again.
 */
struct _InflowPlaceholder
{
  GObject   parent_instance;

  /* Owned references */
  GObject  *source_item;  /* the source model's item at the position */
  GObject  *item;         /* what the row shows of it */

  guint     position;
};

G_DEFINE_FINAL_TYPE (InflowPlaceholder, inflow_placeholder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_placeholder_dispose (GObject *object)
{
  InflowPlaceholder *self = INFLOW_PLACEHOLDER (object);

  g_clear_object (&self->source_item);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (inflow_placeholder_parent_class)->dispose (object);
}

static void
inflow_placeholder_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowPlaceholder *self = INFLOW_PLACEHOLDER (object);

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
inflow_placeholder_class_init (InflowPlaceholderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_placeholder_dispose;
  object_class->get_property = inflow_placeholder_get_property;

  /**
   * InflowPlaceholder:item:
   *
   * The view-model the row at this position shows, or %NULL.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_placeholder_init (InflowPlaceholder *self)
{
}

InflowPlaceholder *
inflow_placeholder_new (guint position)
{
  InflowPlaceholder *self = g_object_new (INFLOW_TYPE_PLACEHOLDER, NULL);

  self->position = position;

  return self;
}

guint
inflow_placeholder_get_position (InflowPlaceholder *self)
{
  g_return_val_if_fail (INFLOW_IS_PLACEHOLDER (self), 0);

  return self->position;
}

/**
 * inflow_placeholder_get_item:
 *
 * Returns: (transfer none) (nullable) (type GObject): the view-model shown
 */
gpointer
inflow_placeholder_get_item (InflowPlaceholder *self)
{
  g_return_val_if_fail (INFLOW_IS_PLACEHOLDER (self), NULL);

  return self->item;
}

/**
 * inflow_placeholder_get_source_item:
 *
 * Returns: (transfer none) (nullable) (type GObject): the source item shown
 */
gpointer
inflow_placeholder_get_source_item (InflowPlaceholder *self)
{
  g_return_val_if_fail (INFLOW_IS_PLACEHOLDER (self), NULL);

  return self->source_item;
}

/**
 * inflow_placeholder_set_item:
 * @self: a placeholder
 * @source_item: (nullable) (type GObject): the source item now at its position
 * @item: (nullable) (type GObject): what the row shows of it
 */
void
inflow_placeholder_set_item (InflowPlaceholder *self,
                             gpointer           source_item,
                             gpointer           item)
{
  g_return_if_fail (INFLOW_IS_PLACEHOLDER (self));

  g_set_object (&self->source_item, source_item);
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
