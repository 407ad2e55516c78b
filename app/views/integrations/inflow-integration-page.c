/* inflow-integration-page.c: one integration in detail, with its actions
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-integration-page"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-cell.h"
#include "inflow-integration-page.h"
#include "inflow-integration-row.h"
#include "inflow-view-utils.h"

/**
 * InflowIntegrationPage:
 *
 * An integration's status, workspaces, actions and details. Its template
 * binds an #InflowIntegrationRow (the same view-model as the list's rows)
 * and the session's write permission; the delete goes through the session.
 */
struct _InflowIntegrationPage
{
  AdwBin                parent_instance;

  /* Owned references */
  InflowSession        *session;
  InflowIntegrationRow *row;
  GCancellable         *cancellable;
  GPtrArray            *workspace_rows;
  char                 *deleting;       /* the title of what is being deleted */

  /* Template widgets */
  GtkScrolledWindow    *scrolled_window;
  AdwPreferencesGroup  *workspaces_group;
  GtkWidget            *access_button;
  GtkWidget            *monitor_row;
  GtkWidget            *permissions_row;
  GtkWidget            *backfill_row;
};

G_DEFINE_FINAL_TYPE (InflowIntegrationPage, inflow_integration_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ROW,
  PROP_DELETING,
  N_PROPS
};

enum {
  BACK,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

/* One row a workspace, with the teams that see it */
static void
update_workspaces (InflowIntegrationPage *self)
{
  InflowIntegration *integration = self->row != NULL ? inflow_integration_row_get_integration (self->row) : NULL;
  const char * const *tokens = integration != NULL ? inflow_integration_get_workspace_tokens (integration) : NULL;

  clear_workspace_rows (self);
  if (integration == NULL || self->session == NULL)
    return;

  if (tokens == NULL || tokens[0] == NULL)
    {
      add_workspace_row (self, _("In No Workspace"),
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
      g_autofree char *name = inflow_workspaces_dup_names (inflow_session_get_workspaces (self->session), one);
      g_autofree char *team_names = inflow_teams_dup_names_for_workspace (inflow_session_get_teams (self->session),
                                                                          tokens[i], NULL);
      g_autofree char *subtitle = NULL;

      if (team_names != NULL)
        /* Translators: %s is a list of team names */
        subtitle = g_strdup_printf (_("Seen by %s"), team_names);
      else
        subtitle = g_strdup (_("No team of this token’s view can see this workspace"));

      add_workspace_row (self, name, subtitle, NULL);
    }
}

/* The actions of the page name the integration */
static void
update_targets (InflowIntegrationPage *self)
{
  GtkWidget *actionables[] = { self->monitor_row, self->permissions_row, self->backfill_row, self->access_button };
  InflowIntegration *integration = self->row != NULL ? inflow_integration_row_get_integration (self->row) : NULL;
  GVariant *target = g_variant_ref_sink (g_variant_new_string (integration != NULL ? inflow_integration_get_token (integration) : ""));

  for (guint i = 0; i < G_N_ELEMENTS (actionables); i++)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (actionables[i]), target);
  g_variant_unref (target);
}

/* @title: (nullable): what names the integration being deleted, or %NULL */
static void
set_deleting (InflowIntegrationPage *self,
              const char            *title)
{
  gboolean was_deleting = self->deleting != NULL;

  g_free (self->deleting);
  self->deleting = g_strdup (title);
  if (was_deleting != (title != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETING]);
}

/* Callbacks of the template */

static gboolean
can_delete_cb (InflowIntegrationPage *self,
               gboolean               can_write,
               gboolean               deleting)
{
  return can_write && !deleting;
}

static gboolean
cannot_write_cb (InflowIntegrationPage *self,
                 gboolean               can_write)
{
  return !can_write;
}

static void
back_clicked_cb (InflowIntegrationPage *self,
                 GtkButton             *button)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
delete_clicked_cb (InflowIntegrationPage *self,
                   GtkButton             *button)
{
  inflow_integration_page_delete (self);
}

static void
open_in_vantage_cb (InflowIntegrationPage *self,
                    AdwActionRow          *row)
{
  g_autofree char *url = NULL;

  if (self->row == NULL)
    return;

  g_object_get (self->row, "console-url", &url, NULL);
  inflow_view_open_uri (GTK_WIDGET (self), url);
}

/* Deleting */

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(InflowIntegrationPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!inflow_session_delete_integration_finish (INFLOW_SESSION (source), result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_deleting (self, NULL);
      /* Translators: %s is the reason, a sentence */
      text = g_strdup_printf (_("Could not delete the integration: %s"), error->message);
      inflow_view_show_toast_full (GTK_WIDGET (self), text, 8);
      return;
    }

  title = g_strdup (self->deleting);
  set_deleting (self, NULL);
  g_signal_emit (self, signals[DELETED], 0, title);
}

static void
delete_response_cb (InflowIntegrationPage *self,
                    const char            *response,
                    AdwMessageDialog      *dialog)
{
  InflowIntegration *integration = self->row != NULL ? inflow_integration_row_get_integration (self->row) : NULL;

  if (g_strcmp0 (response, "delete") != 0 || integration == NULL || self->session == NULL)
    return;

  set_deleting (self, inflow_integration_row_get_title (self->row));
  inflow_session_delete_integration_async (self->session, inflow_integration_get_token (integration), self->cancellable,
                                           delete_cb, g_object_ref (self));
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
  InflowIntegration *integration;
  g_autofree char *account = NULL;
  g_autofree char *body = NULL;
  g_autofree char *workspaces = NULL;
  g_autofree char *account_name = NULL;
  const char * const *tokens;
  const char *provider;
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_if_fail (INFLOW_IS_INTEGRATION_PAGE (self));

  integration = self->row != NULL ? inflow_integration_row_get_integration (self->row) : NULL;
  if (integration == NULL || self->session == NULL || !inflow_session_get_can_write (self->session))
    return;

  tokens = inflow_integration_get_workspace_tokens (integration);
  workspaces = inflow_workspaces_dup_names (inflow_session_get_workspaces (self->session), tokens);
  provider = inflow_provider_get_display_name (inflow_integration_get_provider (integration));
  g_object_get (self->row, "account-name", &account_name, NULL);
  if (account_name != NULL && inflow_integration_get_account_identifier (integration) != NULL)
    /* Translators: an account's name and its ID, like "“Production” (123456789012)" */
    account = g_strdup_printf (_("“%s” (%s)"), account_name, inflow_integration_get_account_identifier (integration));
  else
    account = g_strdup (inflow_integration_row_get_title (self->row));

  if (tokens != NULL && tokens[0] != NULL)
    /* Translators: the first %s is a provider ("AWS"), the second an account, the third a list of workspaces */
    body = g_strdup_printf (_("Cost data from the %s account %s stops arriving in Vantage, and the integration’s data leaves the workspaces that show it: %s. Reports and budgets built on it will show less.\n\nThe role in the provider’s account stays until you remove it there. This cannot be undone."),
                            provider, account, workspaces);
  else
    /* Translators: the first %s is a provider ("AWS"), the second an account */
    body = g_strdup_printf (_("Cost data from the %s account %s stops arriving in Vantage.\n\nThe role in the provider’s account stays until you remove it there. This cannot be undone."),
                            provider, account);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Delete Integration?"), body);
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

/* GObject */

static void
inflow_integration_page_dispose (GObject *object)
{
  InflowIntegrationPage *self = INFLOW_INTEGRATION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_INTEGRATION_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->row);
  g_clear_pointer (&self->workspace_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deleting, g_free);

  G_OBJECT_CLASS (inflow_integration_page_parent_class)->dispose (object);
}

static void
inflow_integration_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  InflowIntegrationPage *self = INFLOW_INTEGRATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ROW:
      g_value_set_object (value, self->row);
      break;
    case PROP_DELETING:
      g_value_set_boolean (value, self->deleting != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integration_page_class_init (InflowIntegrationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_integration_page_dispose;
  object_class->get_property = inflow_integration_page_get_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION, flags);
  properties[PROP_ROW] = g_param_spec_object ("row", NULL, NULL, INFLOW_TYPE_INTEGRATION_ROW, flags);
  properties[PROP_DELETING] = g_param_spec_boolean ("deleting", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * InflowIntegrationPage::back:
   *
   * The user asked to go back to the list.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * InflowIntegrationPage::deleted:
   * @title: what named the integration (its account's name or ID)
   *
   * The integration was deleted, and has left the session's list.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (INFLOW_TYPE_CELL);
  g_type_ensure (INFLOW_TYPE_INTEGRATION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-integration-page.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, workspaces_group);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, access_button);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, permissions_row);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationPage, backfill_row);
  gtk_widget_class_bind_template_callback (widget_class, can_delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, cannot_write_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_in_vantage_cb);

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

  return self->row != NULL ? inflow_integration_row_get_integration (self->row) : NULL;
}

/**
 * inflow_integration_page_set_integration:
 * @self: a page
 * @session: (nullable): the session the integration belongs to
 * @integration: (nullable): the integration to show
 *
 * Shows @integration, with the names of the session's account directory
 * and the verdict of its ingestion monitor; call again when it changed.
 * Another integration shows from the top of the page.
 */
void
inflow_integration_page_set_integration (InflowIntegrationPage *self,
                                         InflowSession         *session,
                                         InflowIntegration     *integration)
{
  InflowIntegration *shown;
  gboolean another;

  g_return_if_fail (INFLOW_IS_INTEGRATION_PAGE (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));
  g_return_if_fail (integration == NULL || INFLOW_IS_INTEGRATION (integration));

  shown = inflow_integration_page_get_integration (self);
  another = integration == NULL || shown == NULL ||
            !g_str_equal (inflow_integration_get_token (integration), inflow_integration_get_token (shown));

  if (session != self->session)
    {
      /* A delete in flight belongs to the previous session. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      set_deleting (self, NULL);
      g_set_object (&self->session, session);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
    }

  g_clear_object (&self->row);
  if (integration != NULL && session != NULL)
    self->row = inflow_integration_row_new (integration, inflow_session_get_account_directory (session),
                                            inflow_session_get_ingestion_monitor (session));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);

  update_targets (self);
  update_workspaces (self);
  if (another)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}
