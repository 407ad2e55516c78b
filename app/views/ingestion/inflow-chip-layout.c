/* inflow-chip-layout.c: children that flow and wrap like words
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "inflow-chip-layout.h"

/**
 * InflowChipLayout:
 *
 * Lays out a widget's children (chips, badges) in lines, left to right
 * (right to left in RTL locales), wrapping to the next line when one does
 * not fit; a child wider than the line gets the line's width. Its natural
 * width is a line's worth, no wider than a list pane.
 */

#define CHIP_SPACING 6
#define NATURAL_MAX  320

struct _InflowChipLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (InflowChipLayout, inflow_chip_layout, GTK_TYPE_LAYOUT_MANAGER)

/* Lays the children out in lines of @width; allocates them if @allocate. */
static int
chip_layout_flow (GtkWidget *widget,
                  int        width,
                  gboolean   allocate)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      child_width = MIN (child_width, width);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);

      if (x > 0 && x + child_width > width)
        {
          x = 0;
          y += line_height + CHIP_SPACING;
          line_height = 0;
        }

      if (allocate)
        {
          gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
          GtkAllocation allocation = { rtl ? width - x - child_width : x, y, child_width, child_height };

          gtk_widget_size_allocate (child, &allocation, -1);
        }

      x += child_width + CHIP_SPACING;
      line_height = MAX (line_height, child_height);
    }

  return y + line_height;
}

static GtkSizeRequestMode
inflow_chip_layout_get_request_mode (GtkLayoutManager *manager,
                                     GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
inflow_chip_layout_measure (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            GtkOrientation    orientation,
                            int               for_size,
                            int              *minimum,
                            int              *natural,
                            int              *minimum_baseline,
                            int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, total = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          widest = MAX (widest, child_min);
          total += child_nat + (total > 0 ? CHIP_SPACING : 0);
        }

      /* Natural: a line's worth, no wider than a list pane. */
      *minimum = widest;
      *natural = MAX (widest, MIN (total, NATURAL_MAX));
    }
  else
    {
      *minimum = *natural = chip_layout_flow (widget, for_size >= 0 ? for_size : G_MAXINT / 2, FALSE);
    }
}

static void
inflow_chip_layout_allocate (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             int               width,
                             int               height,
                             int               baseline)
{
  chip_layout_flow (widget, width, TRUE);
}

static void
inflow_chip_layout_class_init (InflowChipLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = inflow_chip_layout_get_request_mode;
  layout_class->measure = inflow_chip_layout_measure;
  layout_class->allocate = inflow_chip_layout_allocate;
}

static void
inflow_chip_layout_init (InflowChipLayout *self)
{
}

