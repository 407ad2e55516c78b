/* ui-window.c: resizing a shown window in the widget tests
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
