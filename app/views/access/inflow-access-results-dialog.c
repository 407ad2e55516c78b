/* inflow-access-results-dialog.c: what a Workspace Access batch did, integration by integration
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-access-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-access-results-dialog.h"

struct _InflowAccessResultsDialog
{
  AdwMessageDialog  parent_instance;

  GtkListView      *list_view;
};

G_DEFINE_FINAL_TYPE (InflowAccessResultsDialog, inflow_access_results_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Closures of the row template */

static char *
outcome_icon (gpointer             this,
              InflowAccessOutcome  outcome,
              gpointer             data)
{
  return g_strdup (outcome == INFLOW_ACCESS_OUTCOME_FAILED ? "dialog-error-symbolic" : "emblem-ok-symbolic");
}

static GStrv
outcome_classes (gpointer             this,
                 InflowAccessOutcome  outcome,
                 gpointer             data)
{
  const char *classes[] = { outcome == INFLOW_ACCESS_OUTCOME_FAILED ? "error" : "success", NULL };

  return g_strdupv ((char **) classes);
}

/* "2 integrations were added to Finance. 2 already were in it." */
static char *
dup_body (InflowAccessBatch *batch,
          const char        *workspace_name)
{
  guint n_changed = inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_CHANGED);
  guint n_already = inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_ALREADY);
  guint n_failed = inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_FAILED);
  g_autoptr(GString) body = g_string_new (NULL);

  if (inflow_access_batch_get_change (batch) == INFLOW_WORKSPACE_ACCESS_ADD)
    {
      /* Translators: %u is a count, %s a workspace */
      g_string_append_printf (body, ngettext ("%u integration was added to %s.",
                                              "%u integrations were added to %s.", n_changed),
                              n_changed, workspace_name);
      if (n_already > 0)
        {
          g_string_append_c (body, ' ');
          g_string_append_printf (body, ngettext ("%u already was in it.", "%u already were in it.", n_already),
                                  n_already);
        }
    }
  else
    {
      /* Translators: %u is a count, %s a workspace */
      g_string_append_printf (body, ngettext ("%u integration was removed from %s.",
                                              "%u integrations were removed from %s.", n_changed),
                              n_changed, workspace_name);
      if (n_already > 0)
        {
          g_string_append_c (body, ' ');
          g_string_append_printf (body, ngettext ("%u was not in it.", "%u were not in it.", n_already),
                                  n_already);
        }
    }

  if (n_failed > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, ngettext ("%u could not be changed.", "%u could not be changed.", n_failed),
                              n_failed);
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
inflow_access_results_dialog_class_init (InflowAccessResultsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-access-results-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowAccessResultsDialog, list_view);
}

static void
inflow_access_results_dialog_init (InflowAccessResultsDialog *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "outcome_icon", G_CALLBACK (outcome_icon),
                                           "outcome_classes", G_CALLBACK (outcome_classes),
                                           NULL);
  factory = gtk_builder_list_item_factory_new_from_resource (scope, RESOURCE_BASE_PATH "/ui/inflow-access-result-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);
}

/**
 * inflow_access_results_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @batch: a finished batch
 * @workspace_name: the name of the batch's workspace
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
inflow_access_results_dialog_new (GtkWindow         *parent,
                                  InflowAccessBatch *batch,
                                  const char        *workspace_name)
{
  InflowAccessResultsDialog *self;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *body = NULL;
  guint n_failed;
  const char *heading;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (INFLOW_IS_ACCESS_BATCH (batch), NULL);
  g_return_val_if_fail (workspace_name != NULL, NULL);

  n_failed = inflow_access_batch_count (batch, INFLOW_ACCESS_OUTCOME_FAILED);
  if (n_failed == 0)
    heading = _("Access Changed");
  else if (n_failed < inflow_access_batch_get_n_integrations (batch))
    heading = _("Some Changes Failed");
  else
    heading = _("Nothing Was Changed");
  body = dup_body (batch, workspace_name);

  self = g_object_new (INFLOW_TYPE_ACCESS_RESULTS_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  selection = gtk_no_selection_new (g_object_ref (inflow_access_batch_get_results (batch)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  return GTK_WIDGET (self);
}
