/* inflow-integration-page.c: one integration in detail, with its actions
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-integration-page"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-ingestion-format.h"
#include "inflow-integration-page.h"
#include "inflow-integration-words.h"

struct _InflowIntegrationPage
{
  AdwBin                  parent_instance;

  /* Owned references */
  InflowSession          *session;
  InflowAccountDirectory *directory;
  InflowIntegration      *integration;
  GCancellable           *cancellable;
  GPtrArray              *workspace_rows;

  /* Template widgets */
  GtkLabel               *title_label;
  GtkLabel               *subtitle_label;
  GtkLabel               *status_badge;
  GtkLabel               *govcloud_badge;
  AdwActionRow           *status_row;
  GtkImage               *status_icon;
  AdwActionRow           *govcloud_row;
  AdwPreferencesGroup    *workspaces_group;
  GtkButton              *access_button;
  AdwActionRow           *monitor_row;
  AdwActionRow           *permissions_row;
  AdwActionRow           *backfill_row;
  AdwActionRow           *created_row;
  AdwActionRow           *updated_row;
  AdwActionRow           *token_row;
  GtkButton              *delete_button;
  GtkLabel               *delete_reason_label;
};

G_DEFINE_FINAL_TYPE (InflowIntegrationPage, inflow_integration_page, ADW_TYPE_BIN)

enum {
  BACK,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
integration_title (InflowIntegrationPage *self)
{
  const char *account_id = inflow_integration_get_account_identifier (self->integration);
  const char *name = NULL;

  if (self->directory != NULL)
    name = inflow_account_directory_get_title (self->directory, account_id);

  if (name != NULL)
    return name;
  if (account_id != NULL)
    return account_id;

  return inflow_integration_get_token (self->integration);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (time == NULL)
    return g_strdup (_("Never"));

  return inflow_ingestion_format_when (time, now);
}

static void
clear_workspace_rows (InflowIntegrationPage *self)
{
  for (guint i = 0; i < self->workspace_rows->len; i++)
    adw_preferences_group_remove (self->workspaces_group, g_ptr_array_index (self->workspace_rows, i));
  g_ptr_array_set_size (self->workspace_rows, 0);
}

static void
add_workspace_row (InflowIntegrationPage *self,
                   const char            *title,
                   const char            *subtitle,
                   const char            *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_add_css_class (image, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
    }
  adw_preferences_group_add (self->workspaces_group, row);
  g_ptr_array_add (self->workspace_rows, row);
}

static void
update_workspaces (InflowIntegrationPage *self)
{
  const char * const *tokens = inflow_integration_get_workspace_tokens (self->integration);
  GListModel *workspaces = inflow_session_get_workspaces (self->session);
  GListModel *teams = inflow_session_get_teams (self->session);

  clear_workspace_rows (self);

  if (tokens == NULL || tokens[0] == NULL)
    {
      add_workspace_row (self, _("In no workspace"),
                         _("Its costs show nowhere in Vantage. Add it to a workspace under Manage Access."),
                         "dialog-warning-symbolic");
      adw_preferences_group_set_description (self->workspaces_group, NULL);
      return;
    }

  adw_preferences_group_set_description (self->workspaces_group,
                                         _("The integration’s costs show in these workspaces, to the teams that can see them."));

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char * const one[] = { tokens[i], NULL };
      g_autofree char *name = inflow_workspaces_dup_names (workspaces, one);
      g_autofree char *team_names = inflow_teams_dup_names_for_workspace (teams, tokens[i], NULL);
      g_autofree char *subtitle = NULL;

      if (team_names != NULL)
        /* Translators: %s is a list of team names */
        subtitle = g_strdup_printf (_("Seen by %s"), team_names);
      else
        subtitle = g_strdup (_("No team of this token’s view can see this workspace"));

      add_workspace_row (self, name, subtitle, NULL);
    }
}

static void
update (InflowIntegrationPage *self)
{
  InflowStatusWord word;
  const char *account_id;
  const char *provider;
  gboolean is_aws;
  gboolean govcloud;
  gboolean can_write;
  g_autofree char *subtitle = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  GVariant *target;

  if (self->integration == NULL || self->session == NULL)
    return;

  word = inflow_status_word_from_status (inflow_integration_get_status (self->integration));
  account_id = inflow_integration_get_account_identifier (self->integration);
  provider = inflow_provider_get_display_name (inflow_integration_get_provider (self->integration));
  is_aws = inflow_integration_is_provider (self->integration, "aws");
  govcloud = is_aws && self->directory != NULL &&
             inflow_account_directory_is_govcloud (self->directory, account_id);

  gtk_label_set_label (self->title_label, integration_title (self));
  if (account_id != NULL)
    /* Translators: a provider and an account ID, like "AWS · 123456789012" */
    subtitle = g_strdup_printf (_("%s · %s"), provider, account_id);
  else
    subtitle = g_strdup (provider);
  if (is_aws && self->directory != NULL && inflow_account_directory_is_management (self->directory, account_id))
    {
      g_autofree char *tmp = g_steal_pointer (&subtitle);

      /* Translators: %s is "AWS · 123456789012" */
      subtitle = g_strdup_printf (_("%s · management account"), tmp);
    }
  gtk_label_set_label (self->subtitle_label, subtitle);

  gtk_label_set_label (self->status_badge, inflow_status_word_get_label (word));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_badge),
                              (const char *[]) { "inflow-badge",
                                                 inflow_status_tone_get_css_class (inflow_status_word_get_tone (word)),
                                                 NULL });
  gtk_widget_set_visible (GTK_WIDGET (self->govcloud_badge), govcloud);
  gtk_widget_set_visible (GTK_WIDGET (self->govcloud_row), govcloud);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), inflow_status_word_get_meaning (word));
  adw_action_row_set_subtitle (self->status_row, inflow_status_word_get_advice (word, is_aws));
  switch (inflow_status_word_get_tone (word))
    {
    case INFLOW_STATUS_TONE_SUCCESS:
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      break;
    case INFLOW_STATUS_TONE_ERROR:
      gtk_image_set_from_icon_name (self->status_icon, "dialog-error-symbolic");
      break;
    case INFLOW_STATUS_TONE_WARNING:
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      break;
    case INFLOW_STATUS_TONE_ACCENT:
    case INFLOW_STATUS_TONE_NEUTRAL:
    default:
      gtk_image_set_from_icon_name (self->status_icon, "content-loading-symbolic");
      break;
    }

  target = g_variant_new_string (inflow_integration_get_token (self->integration));
  g_variant_ref_sink (target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->monitor_row), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->permissions_row), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->backfill_row), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->access_button), target);
  g_variant_unref (target);
  gtk_widget_set_visible (GTK_WIDGET (self->permissions_row), is_aws);
  gtk_widget_set_visible (GTK_WIDGET (self->backfill_row), is_aws);

  created = format_time (inflow_integration_get_created_at (self->integration));
  updated = format_time (inflow_integration_get_last_updated (self->integration));
  adw_action_row_set_subtitle (self->created_row, created);
  adw_action_row_set_subtitle (self->updated_row, updated);
  adw_action_row_set_subtitle (self->token_row, inflow_integration_get_token (self->integration));

  can_write = inflow_session_get_can_write (self->session);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_reason_label), !can_write);
  if (!can_write)
    {
      const char *reason = inflow_session_get_write_disabled_reason (self->session);

      gtk_label_set_label (self->delete_reason_label,
                           reason != NULL ? reason : _("This token cannot make changes."));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), reason);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), NULL);

  update_workspaces (self);
}

static void
back_clicked_cb (InflowIntegrationPage *self,
                 GtkButton             *button)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
show_toast (InflowIntegrationPage *self,
            const char            *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  g_object_set_data_full (G_OBJECT (overlay), "inflow-last-toast", g_strdup (text), g_free);
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(InflowIntegrationPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  InflowSession *session;

  if (!inflow_client_delete_integration_finish (INFLOW_CLIENT (source), result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), TRUE);
      /* Translators: %s is the reason, a sentence */
      text = g_strdup_printf (_("Could not delete the integration: %s"), error->message);
      show_toast (self, text);
      return;
    }

  if (self->integration == NULL || self->session == NULL)
    return;

  session = self->session;
  token = g_strdup (inflow_integration_get_token (self->integration));
  g_signal_emit (self, signals[DELETED], 0, token);
  inflow_session_remove_integration (session, token);
}

static void
delete_response_cb (InflowIntegrationPage *self,
                    const char            *response,
                    AdwMessageDialog      *dialog)
{
  if (g_strcmp0 (response, "delete") != 0 || self->integration == NULL || self->session == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), FALSE);
  inflow_client_delete_integration_async (inflow_session_get_client (self->session),
                                          inflow_integration_get_token (self->integration),
                                          self->cancellable,
                                          delete_cb,
                                          g_object_ref (self));
}

/**
 * inflow_integration_page_delete:
 * @self: a page
 *
 * Asks for confirmation in a dialog that names the account and what stops,
 * then deletes the integration. Does nothing for a read-only token.
 */
void
inflow_integration_page_delete (InflowIntegrationPage *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *workspaces = NULL;
  const char * const *tokens;
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_if_fail (INFLOW_IS_INTEGRATION_PAGE (self));

  if (self->integration == NULL || self->session == NULL || !inflow_session_get_can_write (self->session))
    return;

  tokens = inflow_integration_get_workspace_tokens (self->integration);
  workspaces = inflow_workspaces_dup_names (inflow_session_get_workspaces (self->session), tokens);

  /* Translators: %s is an account name or ID */
  heading = g_strdup_printf (_("Delete the Integration of %s?"), integration_title (self));
  if (tokens != NULL && tokens[0] != NULL)
    body = g_strdup_printf (_("Cost data from %s (%s) stops arriving in Vantage, and the integration’s data leaves the workspaces that show it: %s. Reports and budgets built on it will show less.\n\nThe role in the provider’s account stays until you remove it there. This cannot be undone."),
                            integration_title (self),
                            inflow_provider_get_display_name (inflow_integration_get_provider (self->integration)),
                            workspaces);
  else
    body = g_strdup_printf (_("Cost data from %s (%s) stops arriving in Vantage.\n\nThe role in the provider’s account stays until you remove it there. This cannot be undone."),
                            integration_title (self),
                            inflow_provider_get_display_name (inflow_integration_get_provider (self->integration)));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_clicked_cb (InflowIntegrationPage *self,
                   GtkButton             *button)
{
  inflow_integration_page_delete (self);
}

static void
inflow_integration_page_dispose (GObject *object)
{
  InflowIntegrationPage *self = INFLOW_INTEGRATION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->directory);
  g_clear_object (&self->integration);
  g_clear_pointer (&self->workspace_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (inflow_integration_page_parent_class)->dispose (object);
}

static void
inflow_integration_page_class_init (InflowIntegrationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_integration_page_dispose;

  /**
   * InflowIntegrationPage::back:
   *
   * The user asked to go back to the list.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * InflowIntegrationPage::deleted:
   * @token: the integration's token
   *
   * The integration was deleted (just before it leaves the session's list).
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-integration-page.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, status_badge);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, govcloud_badge);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, govcloud_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, workspaces_group);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, access_button);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, permissions_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, backfill_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, updated_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, delete_reason_label);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "back", NULL);
}

static void
inflow_integration_page_init (InflowIntegrationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->workspace_rows = g_ptr_array_new ();
}

/**
 * inflow_integration_page_get_integration:
 *
 * Returns: (transfer none) (nullable): the integration shown
 */
InflowIntegration *
inflow_integration_page_get_integration (InflowIntegrationPage *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATION_PAGE (self), NULL);

  return self->integration;
}

/**
 * inflow_integration_page_set_integration:
 * @self: a page
 * @session: (nullable): the session the integration belongs to
 * @directory: (nullable): the account directory, for names and partitions
 * @integration: (nullable): the integration to show
 *
 * Shows @integration; call again when it changed.
 */
void
inflow_integration_page_set_integration (InflowIntegrationPage  *self,
                                         InflowSession          *session,
                                         InflowAccountDirectory *directory,
                                         InflowIntegration      *integration)
{
  g_return_if_fail (INFLOW_IS_INTEGRATION_PAGE (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));
  g_return_if_fail (directory == NULL || INFLOW_IS_ACCOUNT_DIRECTORY (directory));
  g_return_if_fail (integration == NULL || INFLOW_IS_INTEGRATION (integration));

  if (session != self->session)
    {
      /* A delete in flight belongs to the previous session. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }

  g_set_object (&self->session, session);
  g_set_object (&self->directory, directory);
  g_set_object (&self->integration, integration);

  update (self);
}
