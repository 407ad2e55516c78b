/* inflow-text-item.c: one row of words for a list: a step, a change, a document
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include "inflow-text-item.h"

/* The view-model of the onboarding lists, which rows and cards show
 * through bindings: a short label (a step's number), a title, a subtitle
 * and a longer text (a document, the actions of a change). Immutable: a
 * list changes by replacing its items. */

struct _InflowTextItem
{
  GObject  parent_instance;

  char    *label;
  char    *title;
  char    *subtitle;
  char    *text;
};

G_DEFINE_FINAL_TYPE (InflowTextItem, inflow_text_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_TEXT,
  PROP_HAS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_text_item_finalize (GObject *object)
{
  InflowTextItem *self = INFLOW_TEXT_ITEM (object);

  g_free (self->label);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->text);

  G_OBJECT_CLASS (inflow_text_item_parent_class)->finalize (object);
}

static void
inflow_text_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  InflowTextItem *self = INFLOW_TEXT_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_HAS_TEXT:
      g_value_set_boolean (value, self->text != NULL && *self->text != '\0');
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_text_item_class_init (InflowTextItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = inflow_text_item_finalize;
  object_class->get_property = inflow_text_item_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_HAS_TEXT] = g_param_spec_boolean ("has-text", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_text_item_init (InflowTextItem *self)
{
}

/**
 * inflow_text_item_new:
 * @label: (nullable): a short label, such as a step's number
 * @title: the line itself
 * @subtitle: (nullable): a line under it
 * @text: (nullable): a longer text: a document, a list of actions
 *
 * Returns: (transfer full): the item
 */
InflowTextItem *
inflow_text_item_new (const char *label,
                      const char *title,
                      const char *subtitle,
                      const char *text)
{
  InflowTextItem *self = g_object_new (INFLOW_TYPE_TEXT_ITEM, NULL);

  self->label = g_strdup (label);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->text = g_strdup (text);

  return self;
}

const char *
inflow_text_item_get_label (InflowTextItem *self)
{
  g_return_val_if_fail (INFLOW_IS_TEXT_ITEM (self), NULL);

  return self->label;
}

const char *
inflow_text_item_get_title (InflowTextItem *self)
{
  g_return_val_if_fail (INFLOW_IS_TEXT_ITEM (self), NULL);

  return self->title;
}

const char *
inflow_text_item_get_subtitle (InflowTextItem *self)
{
  g_return_val_if_fail (INFLOW_IS_TEXT_ITEM (self), NULL);

  return self->subtitle;
}

const char *
inflow_text_item_get_text (InflowTextItem *self)
{
  g_return_val_if_fail (INFLOW_IS_TEXT_ITEM (self), NULL);

  return self->text;
}
