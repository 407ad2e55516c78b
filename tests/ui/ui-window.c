/* ui-window.c: what the widget tests do with windows and templates
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

/* The template child @name of @widget's class @type; fails the test
 * without one. */
GtkWidget *
ui_template_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

/* The first widget under @root (itself included) that @match accepts */
GtkWidget *
ui_find_widget (GtkWidget  *root,
                gboolean  (*match) (GtkWidget *widget,
                                    gpointer   data),
                gpointer    data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
only_ours (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

/**
 * ui_destroy_and_finalize:
 * @window: (transfer full): a window the test holds a reference to
 *
 * Destroys @window and asserts that it goes: once what it started has
 * ended (requests it holds a reference for), nothing keeps it alive.
 */
void
ui_destroy_and_finalize (GtkWindow *window)
{
  g_assert_true (GTK_IS_WINDOW (window));

  gtk_window_destroy (window);
  g_assert_true (inflow_test_wait_until (only_ours, window, 10000));
  g_assert_finalize_object (window);
}

/* Dialogs before the windows they are transient for: GTK 4.8 lets a dialog
 * that outlives its parent disconnect from it after it was freed. */
static int
dialogs_first (gconstpointer a,
               gconstpointer b)
{
  GtkWindow *wa = *(GtkWindow **) a;
  GtkWindow *wb = *(GtkWindow **) b;

  return (gtk_window_get_transient_for (wa) == NULL) - (gtk_window_get_transient_for (wb) == NULL);
}

/* Every window open now, destroyed and asserted gone (see
 * ui_destroy_and_finalize()), dialogs first. The shortcuts window
 * GtkApplication gives each application window as its help overlay
 * belongs to that window: it is destroyed first, and goes with it. */
void
ui_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        gtk_window_destroy (window);
      else
        g_ptr_array_add (windows, g_steal_pointer (&window));
    }

  g_ptr_array_sort (windows, dialogs_first);
  for (guint i = 0; i < windows->len; i++)
    ui_destroy_and_finalize (g_ptr_array_index (windows, i));
}
