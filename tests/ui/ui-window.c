/* ui-window.c: resizing a shown window and reading its shortcuts in the widget tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "inflow-test-utils.h"
#include "ui-window.h"

/**
 * ui_resize_window_until:
 * @check: what the new size must bring about
 *
 * Gives the shown @window a new default size and waits until @check holds.
 * Under Xvfb, without a window manager, GTK 4.8 now and then keeps a shown
 * window at its size: then it asks again (a pixel apart, so that the size
 * counts as new), up to ten times, a second each.
 *
 * Returns: whether @check came to hold
 */
gboolean
ui_resize_window_until (GtkWindow  *window,
                        int         width,
                        int         height,
                        gboolean  (*check) (gpointer data),
                        gpointer    data)
{
  for (int i = 0; i < 10; i++)
    {
      gtk_window_set_default_size (window, width + i % 2, height);
      if (inflow_test_wait_until (check, data, 1000))
        return TRUE;
    }

  return FALSE;
}

/* Whether a shortcut of @widget's controllers (the class's key bindings
 * included) triggers @action_name with this key. */
gboolean
ui_has_shortcut (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  modifiers,
                 const char      *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers &&
              GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name) == 0)
            return TRUE;
        }
    }

  return FALSE;
}
