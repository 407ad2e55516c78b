/* inflow-code-view.c: a read-only block of code or a document, with Copy and Save
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-views"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-code-view.h"
#include "inflow-text-item.h"
#include "inflow-view-utils.h"

/* Commands, scripts and policy documents are shown as they are, in a
 * monospace font, selectable, never editable; a message to send reads as
 * prose (#InflowCodeView:monospace off). The box is as tall as its text, up
 * to a limit past which it scrolls, and long lines wrap on screen, so that
 * nothing scrolls sideways at any width; Copy and Save always take the text
 * itself, its line breaks as they are. */

#define COPIED_FEEDBACK_MS 1500
/* Taller texts scroll. */
#define MAX_TEXT_HEIGHT 320

struct _InflowCodeView
{
  GtkWidget       parent_instance;

  char           *title;
  char           *text;
  char           *file_name;
  gboolean        monospace;
  guint           feedback_id;

  /* Template widgets */
  GtkWidget      *box;
  GtkWidget      *header_box;
  GtkWidget      *separator;
  GtkLabel       *title_label;
  GtkButton      *copy_button;
  GtkButton      *save_button;
  GtkScrolledWindow *scroller;
  GtkLabel       *text_label;
};

G_DEFINE_FINAL_TYPE (InflowCodeView, inflow_code_view, GTK_TYPE_WIDGET)

static void inflow_code_view_copy (InflowCodeView *self);

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TEXT,
  PROP_FILE_NAME,
  PROP_MONOSPACE,
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
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

/* As tall as its text wrapped at the width it gets, up to MAX_TEXT_HEIGHT
 * past which the text scrolls; its minimum is that height too, since a list
 * box, for one, gives its rows only their minimum. The text is measured
 * here: a scrolled window measures its child at no particular width, which
 * would count the lines before they wrap. */
static void
inflow_code_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  InflowCodeView *self = INFLOW_CODE_VIEW (widget);
  int header, separator, text;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
      return;
    }

  gtk_widget_measure (self->header_box, GTK_ORIENTATION_VERTICAL, for_size, NULL, &header, NULL, NULL);
  gtk_widget_measure (self->separator, GTK_ORIENTATION_VERTICAL, for_size, NULL, &separator, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->text_label), GTK_ORIENTATION_VERTICAL, for_size, NULL, &text, NULL, NULL);

  *minimum = *natural = header + separator + MIN (text, MAX_TEXT_HEIGHT);
  if (minimum_baseline != NULL)
    *minimum_baseline = -1;
  if (natural_baseline != NULL)
    *natural_baseline = -1;
}

static GtkSizeRequestMode
inflow_code_view_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (INFLOW_CODE_VIEW (widget)->box);
}

static void
inflow_code_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  InflowCodeView *self = INFLOW_CODE_VIEW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
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

    case PROP_MONOSPACE:
      g_value_set_boolean (value, self->monospace);
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

    case PROP_MONOSPACE:
      inflow_code_view_set_monospace (self, g_value_get_boolean (value));
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

  /**
   * InflowCodeView:monospace:
   *
   * Whether the text is code (a monospace font, the default) or prose to
   * read, such as a message.
   */
  properties[PROP_MONOSPACE] =
    g_param_spec_boolean ("monospace", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->get_request_mode = inflow_code_view_get_request_mode;
  widget_class->measure = inflow_code_view_measure;
  widget_class->size_allocate = inflow_code_view_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-code-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, box);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, header_box);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, separator);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, title_label);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, save_button);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, scroller);
  gtk_widget_class_bind_template_child (widget_class, InflowCodeView, text_label);

  gtk_widget_class_install_action (widget_class, "code.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "code.save", NULL, save_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
inflow_code_view_init (InflowCodeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->monospace = TRUE;
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

  gtk_label_set_text (self->text_label, text != NULL ? text : "");
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

gboolean
inflow_code_view_get_monospace (InflowCodeView *self)
{
  g_return_val_if_fail (INFLOW_IS_CODE_VIEW (self), TRUE);

  return self->monospace;
}

void
inflow_code_view_set_monospace (InflowCodeView *self,
                                gboolean        monospace)
{
  g_return_if_fail (INFLOW_IS_CODE_VIEW (self));

  monospace = !!monospace;
  if (self->monospace == monospace)
    return;

  self->monospace = monospace;
  if (monospace)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "monospace");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "monospace");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONOSPACE]);
}

/* Copies the whole text and shows that it did, on the button and in a toast. */
static void
inflow_code_view_copy (InflowCodeView *self)
{
  g_return_if_fail (INFLOW_IS_CODE_VIEW (self));

  inflow_view_copy_text (GTK_WIDGET (self), self->text, self->title);

  gtk_button_set_icon_name (self->copy_button, "object-select-symbolic");
  g_clear_handle_id (&self->feedback_id, g_source_remove);
  self->feedback_id = g_timeout_add (COPIED_FEEDBACK_MS, feedback_done_cb, self);
}

static GtkWidget *
create_document_row (gpointer item,
                     gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                              inflow_code_view_new (inflow_text_item_get_title (item), inflow_text_item_get_text (item)));

  return row;
}

/**
 * inflow_code_view_bind_list:
 * @documents: #InflowTextItem items: a title and a text each
 *
 * Shows each of @documents in @list as a code box of its own, as they
 * change. Give @list the inflow-documents style class.
 */
void
inflow_code_view_bind_list (GtkListBox *list,
                            GListModel *documents)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (G_IS_LIST_MODEL (documents));

  gtk_list_box_bind_model (list, documents, create_document_row, NULL, NULL);
}
