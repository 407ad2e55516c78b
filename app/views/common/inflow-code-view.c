/* inflow-code-view.c: a read-only block of code or a document, with Copy and Save
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-code-view.h"
#include "inflow-view-utils.h"

/* Commands, scripts and policy documents are shown as they are: monospace,
 * not wrapped (a line break in a JSON document or a shell line matters),
 * scrolling when long, selectable, never editable. */

#define COPIED_FEEDBACK_MS 1500
#define MAX_HEIGHT         320

struct _InflowCodeView
{
  GtkWidget       parent_instance;

  char           *title;
  char           *text;
  char           *file_name;
  guint           feedback_id;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkButton      *copy_button;
  GtkButton      *save_button;
  GtkScrolledWindow *scroller;
  GtkTextView    *text_view;
};

G_DEFINE_FINAL_TYPE (InflowCodeView, inflow_code_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TEXT,
  PROP_FILE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76 */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
update_accessible_labels (InflowCodeView *self)
{
  g_autofree char *copy_label = NULL;
  g_autofree char *save_label = NULL;
  const char *title = self->title != NULL && *self->title != '\0' ? self->title : _("Text");

  /* Translators: an accessible label; %s is a title such as "Trust policy" */
  copy_label = g_strdup_printf (_("Copy %s"), title);
  /* Translators: an accessible label; %s is a title such as "CLI script" */
  save_label = g_strdup_printf (_("Save %s"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, save_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* A text view reports its height only once its lines are laid out, which
 * happens later; ask for the whole text's height now (up to MAX_HEIGHT),
 * so that short documents show in full and long ones scroll. */
static void
update_height (InflowCodeView *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->text_view), "Xg");
  guint n_lines = 1;
  int line_height = 0;
  int height;

  for (const char *p = self->text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\n' && p[1] != '\0')
        n_lines++;
    }

  pango_layout_get_pixel_size (layout, NULL, &line_height);
  height = (int) n_lines * line_height
           + gtk_text_view_get_top_margin (self->text_view)
           + gtk_text_view_get_bottom_margin (self->text_view)
           + 16;  /* room for a horizontal scrollbar */

  gtk_scrolled_window_set_min_content_height (self->scroller, MIN (height, MAX_HEIGHT));
}

static void
inflow_code_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (inflow_code_view_parent_class)->css_changed (widget, change);

  update_height (INFLOW_CODE_VIEW (widget));
}

static gboolean
feedback_done_cb (gpointer user_data)
{
  InflowCodeView *self = user_data;

  self->feedback_id = 0;
  gtk_button_set_icon_name (self->copy_button, "edit-copy-symbolic");

  return G_SOURCE_REMOVE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  inflow_code_view_copy (INFLOW_CODE_VIEW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  InflowCodeView *self = INFLOW_CODE_VIEW (widget);

  if (self->file_name == NULL)
    return;

  inflow_view_save_text (widget, self->title, self->file_name, self->text != NULL ? self->text : "");
}

static void
inflow_code_view_dispose (GObject *object)
{
  InflowCodeView *self = INFLOW_CODE_VIEW (object);

  g_clear_handle_id (&self->feedback_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (inflow_code_view_parent_class)->dispose (object);
}

static void
inflow_code_view_finalize (GObject *object)
{
  InflowCodeView *self = INFLOW_CODE_VIEW (object);

  g_free (self->title);
  g_free (self->text);
  g_free (self->file_name);

  G_OBJECT_CLASS (inflow_code_view_parent_class)->finalize (object);
}

static void
inflow_code_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  InflowCodeView *self = INFLOW_CODE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_code_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  InflowCodeView *self = INFLOW_CODE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      inflow_code_view_set_title (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      inflow_code_view_set_text (self, g_value_get_string (value));
      break;

    case PROP_FILE_NAME:
      inflow_code_view_set_file_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_code_view_class_init (InflowCodeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_code_view_dispose;
  object_class->finalize = inflow_code_view_finalize;
  object_class->get_property = inflow_code_view_get_property;
  object_class->set_property = inflow_code_view_set_property;

  /**
   * InflowCodeView:title:
   *
   * What the text is, shown above it.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCodeView:text:
   *
   * The code or document.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowCodeView:file-name:
   *
   * The name proposed when the text is saved; without one there is no
   * Save button.
   */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->css_changed = inflow_code_view_css_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-code-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, box);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, title_label);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, save_button);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, scroller);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, text_view);

  gtk_widget_class_install_action (widget_class, "code.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "code.save", NULL, save_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
inflow_code_view_init (InflowCodeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_accessible_labels (self);
}

/**
 * inflow_code_view_new:
 * @title: (nullable): what the text is
 * @text: (nullable): the text
 *
 * Returns: (transfer floating): a code view
 */
GtkWidget *
inflow_code_view_new (const char *title,
                      const char *text)
{
  return g_object_new (INFLOW_TYPE_CODE_VIEW, "title", title, "text", text, NULL);
}

const char *
inflow_code_view_get_title (InflowCodeView *self)
{
  g_return_val_if_fail (INFLOW_IS_CODE_VIEW (self), NULL);

  return self->title;
}

void
inflow_code_view_set_title (InflowCodeView *self,
                            const char     *title)
{
  g_return_if_fail (INFLOW_IS_CODE_VIEW (self));

  if (!set_string (&self->title, title))
    return;

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  update_accessible_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
inflow_code_view_get_text (InflowCodeView *self)
{
  g_return_val_if_fail (INFLOW_IS_CODE_VIEW (self), NULL);

  return self->text;
}

void
inflow_code_view_set_text (InflowCodeView *self,
                           const char     *text)
{
  g_return_if_fail (INFLOW_IS_CODE_VIEW (self));

  if (!set_string (&self->text, text))
    return;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
  update_height (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
inflow_code_view_get_file_name (InflowCodeView *self)
{
  g_return_val_if_fail (INFLOW_IS_CODE_VIEW (self), NULL);

  return self->file_name;
}

void
inflow_code_view_set_file_name (InflowCodeView *self,
                                const char     *file_name)
{
  g_return_if_fail (INFLOW_IS_CODE_VIEW (self));

  if (!set_string (&self->file_name, file_name))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->save_button), file_name != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

/* Copies the whole text and shows that it did, on the button and in a toast. */
void
inflow_code_view_copy (InflowCodeView *self)
{
  g_return_if_fail (INFLOW_IS_CODE_VIEW (self));

  inflow_view_copy_text (GTK_WIDGET (self), self->text, self->title);

  gtk_button_set_icon_name (self->copy_button, "object-select-symbolic");
  g_clear_handle_id (&self->feedback_id, g_source_remove);
  self->feedback_id = g_timeout_add (COPIED_FEEDBACK_MS, feedback_done_cb, self);
}
