/* inflow-view-utils.c: links, the clipboard, files, toasts and search entries for the views
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "inflow-link-policy.h"
#include "inflow-list-status.h"
#include "inflow-view-utils.h"

static InflowUriHandler uri_handler;

void
inflow_view_set_uri_handler (InflowUriHandler handler)
{
  uri_handler = handler;
}

/**
 * inflow_view_uri_is_allowed:
 *
 * The links Inflow opens, as the core decides (inflow_link_is_allowed()):
 * https links to the AWS and Vantage consoles, and a mail to Vantage
 * support with a subject and a body only.
 */
gboolean
inflow_view_uri_is_allowed (const char *uri)
{
  return inflow_link_is_allowed (uri);
}

/**
 * inflow_view_show_toast_full:
 * @widget: a widget under a toast overlay
 * @message: what the toast says
 * @timeout: seconds it shows, 0 for libadwaita's default
 *
 * Shows a toast in the nearest #AdwToastOverlay above @widget.
 */
void
inflow_view_show_toast_full (GtkWidget  *widget,
                             const char *message,
                             guint       timeout)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay for “%s”", message);
      return;
    }

  toast = adw_toast_new (message);
  if (timeout > 0)
    adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
inflow_view_show_toast (GtkWidget  *widget,
                        const char *message)
{
  inflow_view_show_toast_full (widget, message, 0);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
uri_launched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not open a link: %s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
#endif

/**
 * inflow_view_open_uri:
 * @widget: a widget in the window the link is opened for
 * @uri: the link
 *
 * Opens @uri with the desktop's URI launcher (the OpenURI portal in a
 * sandbox), if inflow_view_uri_is_allowed() accepts it.
 *
 * Returns: whether the link was handed over
 */
gboolean
inflow_view_open_uri (GtkWidget  *widget,
                      const char *uri)
{
  GtkWindow *parent;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!inflow_view_uri_is_allowed (uri))
    {
      g_warning ("Refusing to open a link outside the known consoles: %s", uri != NULL ? uri : "(null)");
      return FALSE;
    }

  parent = window_of (widget);

  if (uri_handler != NULL)
    {
      uri_handler (parent, uri);
      return TRUE;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, NULL, uri_launched_cb, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif

  return TRUE;
}

/**
 * inflow_view_copy_text:
 * @what: (nullable): what is copied, for the confirmation ("Trust policy")
 *
 * Puts @text on the clipboard and confirms with a toast.
 */
void
inflow_view_copy_text (GtkWidget  *widget,
                       const char *text,
                       const char *what)
{
  g_autofree char *message = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text != NULL ? text : "");

  if (what != NULL && *what != '\0')
    /* Translators: %s names what was copied, e.g. "Trust policy" */
    message = g_strdup_printf (_("%s copied"), what);
  else
    message = g_strdup (_("Copied to the clipboard"));
  inflow_view_show_toast (widget, message);
}

typedef struct
{
  GtkWidget *widget;
  GBytes    *contents;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->widget);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_free (data);
}

static void
file_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  name = g_file_get_basename (G_FILE (source));
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_debug ("Saving %s failed: %s", name, error->message);
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Could not save %s: %s"), name, error->message);
    }
  else
    {
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Saved %s"), name);
    }

  inflow_view_show_toast (data->widget, message);
  save_data_free (data);
}

static void
write_file (SaveData *data,
            GFile    *file)
{
  g_file_replace_contents_bytes_async (file, data->contents, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, file_written_cb, data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (file == NULL)
    {
      save_data_free (data);
      return;
    }

  write_file (data, file);
}
#else
static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  SaveData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      write_file (data, file);
    }
  else
    {
      save_data_free (data);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

/**
 * inflow_view_save_text:
 * @title: the file chooser's title
 * @file_name: the name it proposes
 *
 * Asks where to save @text (through the file chooser portal in a sandbox)
 * and writes it there, confirming with a toast.
 */
void
inflow_view_save_text (GtkWidget  *widget,
                       const char *title,
                       const char *file_name,
                       const char *text)
{
  SaveData *data;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  data = g_new0 (SaveData, 1);
  data->widget = g_object_ref (widget);
  data->contents = g_bytes_new (text, strlen (text));

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, file_name);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_save (dialog, window_of (widget), NULL, file_chosen_cb, data);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, window_of (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Save"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    if (file_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* Marks a row or an entry as invalid (the "error" style class). */
void
inflow_view_set_error_style (GtkWidget *widget,
                             gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* A view that changes its layout with its width watches its allocation
 * in a GtkCustomLayout; these do what AdwBin's layout would. */
void
inflow_view_measure_bin_child (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

void
inflow_view_allocate_bin_child (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* Shows or hides a column of fixed @width. GTK 4.8 counts hidden columns
 * in the width it shares out, which would leave an expanding column no room
 * to grow into: hidden, they get none. */
void
inflow_view_show_column (GtkColumnViewColumn *column,
                         gboolean             visible,
                         int                  width)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  gtk_column_view_column_set_visible (column, visible);
  gtk_column_view_column_set_fixed_width (column, visible ? width : 0);
}

const char *
inflow_view_list_state_name (InflowListState state)
{
  return inflow_list_state_get_name (state);
}

/* Ctrl+F in a list view: to its search, with what was typed selected */
void
inflow_view_focus_search (GtkSearchEntry *entry)
{
  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* Escape in a search entry ("stop-search"): everything shows again */
void
inflow_view_clear_search (GtkSearchEntry *entry)
{
  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

#if !GTK_CHECK_VERSION (4, 12, 0)
/* Tab or Shift+Tab inside the list: on past the list, not to its next row.
 * The list refuses the focus for the one move, so its container moves on. */
static gboolean
list_tab_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkWidget             *list)
{
  GtkDirectionType direction;
  GtkRoot *root = gtk_widget_get_root (list);

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) != 0 ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;

  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  gtk_widget_set_can_focus (list, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      /* Past the window's last widget: round to its first, as Tab does */
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}
#endif

/**
 * inflow_view_tab_leaves_list:
 * @list: a #GtkListView or #GtkColumnView
 *
 * Makes Tab leave the list for the next widget, arrows move between its
 * rows: GTK 4.8 stops Tab at every row, which makes a long list a trap.
 */
void
inflow_view_tab_leaves_list (GtkWidget *list)
{
  g_return_if_fail (GTK_IS_LIST_VIEW (list) || GTK_IS_COLUMN_VIEW (list));

#if GTK_CHECK_VERSION (4, 12, 0)
  if (GTK_IS_LIST_VIEW (list))
    gtk_list_view_set_tab_behavior (GTK_LIST_VIEW (list), GTK_LIST_TAB_ITEM);
  else
    gtk_column_view_set_tab_behavior (GTK_COLUMN_VIEW (list), GTK_LIST_TAB_ITEM);
#else
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_tab_pressed_cb), list, 0);
    gtk_widget_add_controller (list, keys);
  }
#endif
}
