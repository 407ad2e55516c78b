/* inflow-update-permissions-dialog.c: what changed in Vantage's permissions, and how to update the role
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-update-permissions"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-code-view.h"
#include "inflow-console-links.h"
#include "inflow-permissions-review.h"
#include "inflow-text-item.h"
#include "inflow-text-row.h"
#include "inflow-update-permissions-dialog.h"
#include "inflow-view-utils.h"

/* Shows an #InflowPermissionsReview: what changed since Inflow connected
 * the account and the steps that bring the role up to date, each bound in
 * the template to the review. Only the actions live here. */

struct _InflowUpdatePermissionsDialog
{
  InflowOnboardingDialog   parent_instance;

  InflowPermissionsReview *review;

  /* Template widgets */
  GtkListBox              *changes_list;
  GtkListBox              *removals_list;
  GtkListBox              *documents_list;
  AdwEntryRow             *role_row;
  GtkLabel                *role_message;
};

G_DEFINE_FINAL_TYPE (InflowUpdatePermissionsDialog, inflow_update_permissions_dialog, INFLOW_TYPE_ONBOARDING_DIALOG)

enum {
  PROP_0,
  PROP_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Closures returning a string give it away. */
static char *
state_page_cb (gpointer          unused,
               InflowReviewState state)
{
  switch (state)
    {
    case INFLOW_REVIEW_STATE_LOADING:
      return g_strdup ("loading");
    case INFLOW_REVIEW_STATE_ERROR:
      return g_strdup ("error");
    case INFLOW_REVIEW_STATE_CHANGED:
    case INFLOW_REVIEW_STATE_UNCHANGED:
    case INFLOW_REVIEW_STATE_NOT_RECORDED:
    default:
      return g_strdup ("ready");
    }
}

static gboolean
is_loading_cb (gpointer          unused,
               InflowReviewState state)
{
  return state == INFLOW_REVIEW_STATE_LOADING;
}

static gboolean
is_set_cb (gpointer    unused,
           const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
has_items_cb (gpointer unused,
              guint    n_items)
{
  return n_items > 0;
}

static char **
style_classes_cb (gpointer    unused,
                  const char *style)
{
  const char *classes[] = { style, NULL };

  return g_strdupv (style != NULL ? (char **) classes : NULL);
}

static void
review_changed_cb (InflowUpdatePermissionsDialog *self,
                   GParamSpec                    *pspec)
{
  InflowReviewState state;
  gboolean is_error;
  g_autofree char *message = NULL;
  g_autofree char *cloudformation_error = NULL;
  gboolean show_cloudformation;

  g_object_get (self->review,
                "state", &state,
                "role-message", &message,
                "role-message-is-error", &is_error,
                "show-cloudformation", &show_cloudformation,
                NULL);

  inflow_onboarding_show_message (self->role_message, message, is_error);
  inflow_view_set_error_style (GTK_WIDGET (self->role_row), is_error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "update.retry", state == INFLOW_REVIEW_STATE_ERROR);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "update.save-template", show_cloudformation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "update.open-cloudformation", show_cloudformation);

  /* The role name is there to correct, not to type first: no focus on it
   * (which would select all of it) until the admin goes there. */
  if (pspec != NULL && g_strcmp0 (pspec->name, "state") == 0 && state != INFLOW_REVIEW_STATE_LOADING)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* ---- actions ------------------------------------------------------------ */

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (widget);

  inflow_permissions_review_load (self->review, inflow_onboarding_dialog_get_cancellable (INFLOW_ONBOARDING_DIALOG (self)));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (widget);
  const InflowPermissionsUpdate *update = inflow_permissions_review_get_update (self->review);

  if (update == NULL || update->cloudformation == NULL)
    return;

  inflow_view_save_text (inflow_onboarding_dialog_get_toast_overlay (INFLOW_ONBOARDING_DIALOG (self)),
                         _("Save the Regenerated Template"), update->cloudformation->file_name,
                         update->cloudformation->template_json);
}

static void
open_cloudformation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (widget);
  const InflowPermissionsUpdate *update = inflow_permissions_review_get_update (self->review);

  if (update != NULL && update->cloudformation != NULL)
    inflow_view_open_uri (widget, update->cloudformation->console_url);
}

static void
open_vantage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  inflow_view_open_uri (widget, INFLOW_VANTAGE_INTEGRATIONS_URL);
}

static void
open_role_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (widget);
  g_autofree char *url = inflow_permissions_review_dup_role_url (self->review);

  if (url != NULL)
    inflow_view_open_uri (widget, url);
}

/* ---- the object --------------------------------------------------------- */

static void
inflow_update_permissions_dialog_constructed (GObject *object)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);
  InflowOnboardingDialog *dialog = INFLOW_ONBOARDING_DIALOG (object);

  G_OBJECT_CLASS (inflow_update_permissions_dialog_parent_class)->constructed (object);

  self->review = inflow_permissions_review_new (inflow_onboarding_dialog_get_session (dialog),
                                                inflow_onboarding_dialog_get_integration_token (dialog));
  inflow_text_row_bind_list (self->changes_list, inflow_permissions_review_get_changes (self->review));
  inflow_text_row_bind_list (self->removals_list, inflow_permissions_review_get_removals (self->review));
  inflow_code_view_bind_list (self->documents_list, inflow_permissions_review_get_documents (self->review));
  g_object_bind_property (self->review, "role-name", self->role_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->review, "account-title", self, "subtitle", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->review, "notify", G_CALLBACK (review_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (object, properties[PROP_REVIEW]);

  inflow_permissions_review_load (self->review, inflow_onboarding_dialog_get_cancellable (dialog));
  review_changed_cb (self, NULL);
}

static void
inflow_update_permissions_dialog_dispose (GObject *object)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);

  g_clear_object (&self->review);

  G_OBJECT_CLASS (inflow_update_permissions_dialog_parent_class)->dispose (object);
}

static void
inflow_update_permissions_dialog_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  InflowUpdatePermissionsDialog *self = INFLOW_UPDATE_PERMISSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_update_permissions_dialog_class_init (InflowUpdatePermissionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = inflow_update_permissions_dialog_constructed;
  object_class->dispose = inflow_update_permissions_dialog_dispose;
  object_class->get_property = inflow_update_permissions_dialog_get_property;

  /**
   * InflowUpdatePermissionsDialog:review:
   *
   * What the dialog shows.
   */
  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL,
                         INFLOW_TYPE_PERMISSIONS_REVIEW,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_CODE_VIEW);
  g_type_ensure (INFLOW_TYPE_PERMISSIONS_REVIEW);
  g_type_ensure (INFLOW_TYPE_TEXT_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-update-permissions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, removals_list);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, documents_list);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, InflowUpdatePermissionsDialog, role_message);
  gtk_widget_class_bind_template_callback (widget_class, state_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, is_loading_cb);
  gtk_widget_class_bind_template_callback (widget_class, is_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_items_cb);
  gtk_widget_class_bind_template_callback (widget_class, style_classes_cb);

  gtk_widget_class_install_action (widget_class, "update.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "update.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "update.open-cloudformation", NULL, open_cloudformation_action);
  gtk_widget_class_install_action (widget_class, "update.open-role", NULL, open_role_action);
  gtk_widget_class_install_action (widget_class, "update.open-vantage", NULL, open_vantage_action);
}

static void
inflow_update_permissions_dialog_init (InflowUpdatePermissionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * inflow_update_permissions_dialog_new:
 * @parent: (nullable): the main window
 * @session: the active session
 * @integration_token: an AWS integration of the session
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
InflowUpdatePermissionsDialog *
inflow_update_permissions_dialog_new (GtkWindow     *parent,
                                      InflowSession *session,
                                      const char    *integration_token)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);
  g_return_val_if_fail (integration_token != NULL, NULL);

  return g_object_new (INFLOW_TYPE_UPDATE_PERMISSIONS_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       "integration-token", integration_token,
                       NULL);
}
