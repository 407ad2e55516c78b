/* inflow-sign-in-dialog.c: signing in with an API token
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-api-error.h"
#include "inflow-client.h"
#include "inflow-ingestion-format.h"
#include "inflow-sign-in-dialog.h"
#include "inflow-storage-error.h"

/**
 * InflowSignInDialog:
 *
 * Asks for a profile name, an API token and (under Advanced) the API base
 * URL, validates the token with the #InflowProfileManager, which stores it
 * only when it validated, and then shows what the token can do. A failure
 * is explained with what to do about it, and every value entered stays in
 * place. When the keyring cannot keep the token, the dialog offers to sign
 * in for this session only.
 */
struct _InflowSignInDialog
{
  AdwWindow             parent_instance;

  InflowProfileManager *manager;
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              session_only;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *sign_in_button;
  GtkStack             *sign_in_stack;
  GtkSpinner           *sign_in_spinner;
  GtkStack             *pages;
  GtkRevealer          *error_revealer;
  GtkImage             *error_icon;
  GtkLabel             *error_title;
  GtkLabel             *error_label;
  GtkWidget            *session_only_button;
  AdwEntryRow          *name_row;
  AdwEntryRow          *token_row;
  AdwExpanderRow       *advanced_row;
  AdwEntryRow          *url_row;
  GtkLabel             *done_title;
  GtkLabel             *done_description;
  AdwActionRow         *access_row;
  GtkImage             *access_icon;
  AdwActionRow         *workspace_row;
  AdwActionRow         *token_info_row;
  GtkLabel             *done_note;
  GtkWidget            *continue_button;
};

G_DEFINE_FINAL_TYPE (InflowSignInDialog, inflow_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROFILE_MANAGER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The entries, trimmed */
static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_actions (InflowSignInDialog *self)
{
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *token = row_text (self->token_row);
  gboolean ready = !self->busy && *name != '\0' && *token != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in-session-only", ready);
}

static void
fields_changed_cb (InflowSignInDialog *self,
                   GtkEditable        *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  update_actions (self);
}

static void
set_busy (InflowSignInDialog *self,
          gboolean            busy)
{
  self->busy = busy;

  gtk_stack_set_visible_child_name (self->sign_in_stack, busy ? "spinner" : "label");
  gtk_spinner_set_spinning (self->sign_in_spinner, busy);
  /* Read-only rather than insensitive: the focus stays where it was */
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->token_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), !busy);
  gtk_widget_set_tooltip_text (self->sign_in_button, busy ? _("Checking the token…") : NULL);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (InflowSignInDialog *self,
              const char         *icon_name,
              const char         *title,
              const char         *message,
              gboolean            offer_session_only)
{
  gtk_image_set_from_icon_name (self->error_icon, icon_name);
  gtk_label_set_label (self->error_title, title);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->session_only_button, offer_session_only);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
hide_message (InflowSignInDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
mark_url_wrong (InflowSignInDialog *self)
{
  adw_expander_row_set_expanded (self->advanced_row, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
}

/* A failure in words: what went wrong and what to do. */
static void
show_error (InflowSignInDialog *self,
            const GError       *error)
{
  g_autofree char *url = row_text (self->url_row);
  const char *address = *url != '\0' ? url : INFLOW_CLIENT_DEFAULT_BASE_URL;
  g_autofree char *message = NULL;
  const char *title = _("Could Not Sign In");
  gboolean offer_session_only = FALSE;

  g_debug ("Signing in failed: %s", error->message);

  if (error->domain == INFLOW_API_ERROR)
    {
      switch ((InflowApiError) error->code)
        {
        case INFLOW_API_ERROR_UNAUTHORIZED:
          title = _("Token Not Accepted");
          message = g_strdup (_("Vantage did not accept this API token. Check that you copied all of it "
                                "and that it was not revoked or deleted."));
          gtk_widget_add_css_class (GTK_WIDGET (self->token_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
          break;

        case INFLOW_API_ERROR_NETWORK:
          title = _("No Connection");
          /* Translators: %s is an address such as https://api.vantage.sh */
          message = g_strdup_printf (_("Inflow could not reach %s. Check your network connection, "
                                       "and the API address under Advanced."), address);
          break;

        case INFLOW_API_ERROR_TLS:
          title = _("Connection Not Secure");
          /* Translators: %s is an address such as https://api.vantage.sh */
          message = g_strdup_printf (_("The secure connection to %s failed: its certificate could not be "
                                       "verified. Check the API address under Advanced, or ask whoever runs "
                                       "your network whether it intercepts secure connections."), address);
          mark_url_wrong (self);
          break;

        case INFLOW_API_ERROR_SERVER:
          title = _("Vantage Is Having Problems");
          message = g_strdup (_("The Vantage API answered with a server error. This is not a problem "
                                "with your token; try again in a few minutes."));
          break;

        case INFLOW_API_ERROR_INSECURE_URL:
          title = _("Address Not Secure");
          message = g_strdup (_("The API address must start with https://. Inflow sends the token over "
                                "plain http:// only to this computer (127.0.0.1)."));
          mark_url_wrong (self);
          break;

        case INFLOW_API_ERROR_INVALID_RESPONSE:
        case INFLOW_API_ERROR_NOT_FOUND:
          title = _("Not the Vantage API");
          message = g_strdup (_("The address answered, but not the way the Vantage API does. Check the "
                                "API address under Advanced."));
          mark_url_wrong (self);
          break;

        case INFLOW_API_ERROR_FORBIDDEN:
        case INFLOW_API_ERROR_VALIDATION:
        case INFLOW_API_ERROR_PAYMENT_REQUIRED:
        case INFLOW_API_ERROR_RATE_LIMITED:
        case INFLOW_API_ERROR_FAILED:
        case INFLOW_API_ERROR_DEADLINE_EXCEEDED:
        case INFLOW_API_ERROR_LIST_TOO_LONG:
        case INFLOW_API_ERROR_LIST_TOO_SLOW:
        default:
          message = g_strdup (error->message);
          break;
        }
    }
  else if (error->domain == INFLOW_STORAGE_ERROR)
    {
      switch ((InflowStorageError) error->code)
        {
        case INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE:
          title = _("Secure Storage Unavailable");
          message = g_strdup (_("The token is valid, but no keyring service is running, so Inflow cannot "
                                "keep it safely. You can sign in for this session only: Inflow forgets the "
                                "token when it closes, and you enter it again next time."));
          offer_session_only = TRUE;
          break;

        case INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED:
          title = _("Keyring Locked");
          message = g_strdup (_("The token is valid, but your keyring stayed locked (its unlock prompt was "
                                "closed), so the token was not saved. Sign in again and type the keyring’s "
                                "password when it asks, or sign in for this session only."));
          offer_session_only = TRUE;
          break;

        case INFLOW_STORAGE_ERROR_NOT_FOUND:
        case INFLOW_STORAGE_ERROR_SECRET_FAILED:
        case INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED:
        case INFLOW_STORAGE_ERROR_DATABASE_TOO_NEW:
        case INFLOW_STORAGE_ERROR_DATABASE_CORRUPT:
        case INFLOW_STORAGE_ERROR_DATABASE_FULL:
        case INFLOW_STORAGE_ERROR_DATABASE_CLOSED:
        case INFLOW_STORAGE_ERROR_DATABASE_FAILED:
        case INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY:
        default:
          message = g_strdup (error->message);
          offer_session_only = TRUE;
          break;
        }
    }
  else
    {
      message = g_strdup (error->message);
    }

  if (error->domain == INFLOW_API_ERROR &&
      (error->code == INFLOW_API_ERROR_NETWORK || error->code == INFLOW_API_ERROR_SERVER) &&
      *url != '\0' && g_strcmp0 (url, INFLOW_CLIENT_DEFAULT_BASE_URL) != 0)
    adw_expander_row_set_expanded (self->advanced_row, TRUE);

  show_message (self, "dialog-error-symbolic", title, message, offer_session_only);
}

/* The default workspace's name, from the workspaces GET /me lists. */
static char *
default_workspace_name (InflowMe *me)
{
  const char *token = inflow_me_get_default_workspace_token (me);
  GListModel *workspaces = inflow_me_get_workspaces (me);

  if (token == NULL)
    return g_strdup (_("None"));

  for (guint i = 0; i < g_list_model_get_n_items (workspaces); i++)
    {
      g_autoptr(InflowWorkspace) workspace = g_list_model_get_item (workspaces, i);

      if (g_strcmp0 (inflow_workspace_get_token (workspace), token) == 0)
        return g_strdup (inflow_workspace_get_name (workspace));
    }

  return g_strdup (token);
}

static void
show_done (InflowSignInDialog *self,
           InflowMe           *me)
{
  InflowSession *session = inflow_profile_manager_get_session (self->manager);
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *title = NULL;
  g_autofree char *workspace = default_workspace_name (me);
  g_autofree char *token_info = NULL;
  g_autofree char *created = NULL;
  g_autofree char *scopes = g_strjoinv (", ", (char **) inflow_me_get_scopes (me));
  guint n_workspaces = g_list_model_get_n_items (inflow_me_get_workspaces (me));
  gboolean can_write = inflow_me_has_scope (me, "write");
  GString *note = g_string_new (NULL);

  /* Translators: %s is the profile's name */
  title = g_strdup_printf (_("Signed In to “%s”"), name);
  gtk_label_set_label (self->done_title, title);
  adw_window_title_set_title (self->window_title, _("Signed In"));

  if (can_write)
    {
      /* Translators: %s lists the token's scopes, such as "read, write" */
      g_autofree char *subtitle = g_strdup_printf (_("Read and change (scopes: %s)"), scopes);

      adw_action_row_set_subtitle (self->access_row, subtitle);
      gtk_image_set_from_icon_name (self->access_icon, "emblem-ok-symbolic");
      gtk_label_set_label (self->done_description, _("Inflow shows the organization and can change "
                                                            "integrations and workspace access."));
    }
  else
    {
      /* Translators: %s lists the token's scopes, such as "read" */
      g_autofree char *subtitle = g_strdup_printf (_("Read only (scopes: %s)"), scopes);

      adw_action_row_set_subtitle (self->access_row, subtitle);
      gtk_image_set_from_icon_name (self->access_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->done_description, _("Inflow shows the organization; changing it is turned off."));
      g_string_append (note, _("This token is read-only, so changing integrations and workspace access is "
                               "turned off. To change them, sign in with a service token that has Write "
                               "scope on the Everyone team."));
    }

  /* Translators: %u is a number of workspaces */
  {
    g_autofree char *subtitle = g_strdup_printf (ngettext ("%s (one of %u workspace the token sees)",
                                                           "%s (one of %u workspaces the token sees)",
                                                           n_workspaces),
                                                 workspace, n_workspaces);

    adw_action_row_set_subtitle (self->workspace_row, subtitle);
  }

  {
    g_autoptr(GDateTime) now = session != NULL ? inflow_client_get_now (inflow_session_get_client (session))
                                               : g_date_time_new_now_utc ();
    g_autoptr(GDateTime) local_now = g_date_time_to_local (now);

    created = inflow_ingestion_format_date (inflow_me_get_token_created_at (me), local_now);
  }
  /* Translators: the first %s is the token's description, the second a date */
  token_info = g_strdup_printf (_("“%s”, created %s"), inflow_me_get_token_description (me), created);
  adw_action_row_set_subtitle (self->token_info_row, token_info);

  if (session != NULL && inflow_session_get_database (session) == NULL &&
      !inflow_profile_get_is_demo (inflow_session_get_profile (session)))
    {
      if (note->len > 0)
        g_string_append (note, "\n\n");
      g_string_append (note, _("The token is kept only until Inflow closes."));
    }

  gtk_label_set_label (self->done_note, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->done_note), note->len > 0);
  g_string_free (note, TRUE);

  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->sign_in_button, FALSE);
  gtk_widget_set_visible (self->continue_button, TRUE);
  gtk_stack_set_visible_child_name (self->pages, "done");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->continue_button);
  gtk_widget_grab_focus (self->continue_button);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  InflowSignInDialog *self;
  g_autoptr(InflowMe) me = NULL;
  g_autoptr(GError) error = NULL;

  /* Closing the dialog cancels: then it may be gone, so do not touch it */
  me = inflow_profile_manager_sign_in_finish (INFLOW_PROFILE_MANAGER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = INFLOW_SIGN_IN_DIALOG (user_data);

  set_busy (self, FALSE);

  if (me == NULL)
    {
      show_error (self, error);
      return;
    }

  show_done (self, me);
}

static void
start_sign_in (InflowSignInDialog *self,
               gboolean            session_only)
{
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *token = row_text (self->token_row);
  g_autofree char *url = row_text (self->url_row);

  if (self->busy || *name == '\0' || *token == '\0')
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->session_only = session_only;

  hide_message (self);
  set_busy (self, TRUE);

  inflow_profile_manager_sign_in_async (self->manager, name, token, *url != '\0' ? url : NULL,
                                        session_only, self->cancellable, sign_in_cb, self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  start_sign_in (INFLOW_SIGN_IN_DIALOG (widget), FALSE);
}

static void
sign_in_session_only_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  start_sign_in (INFLOW_SIGN_IN_DIALOG (widget), TRUE);
}

static void
cancel_clicked_cb (InflowSignInDialog *self,
                   GtkButton          *button)
{
  /* The first click stops a sign-in in progress, the next closes */
  if (self->busy)
    {
      g_cancellable_cancel (self->cancellable);
      set_busy (self, FALSE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
inflow_sign_in_dialog_dispose (GObject *object)
{
  InflowSignInDialog *self = INFLOW_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (inflow_sign_in_dialog_parent_class)->dispose (object);
}

static void
inflow_sign_in_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  InflowSignInDialog *self = INFLOW_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_sign_in_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  InflowSignInDialog *self = INFLOW_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      self->manager = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_sign_in_dialog_class_init (InflowSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_sign_in_dialog_dispose;
  object_class->get_property = inflow_sign_in_dialog_get_property;
  object_class->set_property = inflow_sign_in_dialog_set_property;

  properties[PROP_PROFILE_MANAGER] =
    g_param_spec_object ("profile-manager", NULL, NULL,
                         INFLOW_TYPE_PROFILE_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowSignInDialog:busy:
   *
   * Whether a token is being checked.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, sign_in_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, pages);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, error_icon);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, error_title);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, session_only_button);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, done_title);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, done_description);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, access_row);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, access_icon);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, workspace_row);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, token_info_row);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, done_note);
  gtk_widget_class_bind_template_child (widget_class, InflowSignInDialog, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "sign-in.sign-in-session-only", NULL, sign_in_session_only_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
inflow_sign_in_dialog_init (InflowSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), INFLOW_CLIENT_DEFAULT_BASE_URL);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->sign_in_button);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * inflow_sign_in_dialog_new:
 * @parent: (nullable): the window to be modal to
 * @manager: where the profile goes
 *
 * Returns: (transfer floating): a new sign-in dialog, to present
 */
InflowSignInDialog *
inflow_sign_in_dialog_new (GtkWindow            *parent,
                           InflowProfileManager *manager)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (INFLOW_IS_PROFILE_MANAGER (manager), NULL);

  return g_object_new (INFLOW_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       "profile-manager", manager,
                       NULL);
}

InflowProfileManager *
inflow_sign_in_dialog_get_profile_manager (InflowSignInDialog *self)
{
  g_return_val_if_fail (INFLOW_IS_SIGN_IN_DIALOG (self), NULL);

  return self->manager;
}

/**
 * inflow_sign_in_dialog_prefill:
 * @self: a #InflowSignInDialog
 * @name: (nullable): the profile name to sign in to again
 * @base_url: (nullable): its API base URL
 * @reason: (nullable): why the user signs in again, shown above the fields
 *
 * Fills in a known profile, so that signing in again keeps its data.
 */
void
inflow_sign_in_dialog_prefill (InflowSignInDialog *self,
                               const char         *name,
                               const char         *base_url,
                               const char         *reason)
{
  g_return_if_fail (INFLOW_IS_SIGN_IN_DIALOG (self));

  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);

  if (base_url != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), base_url);
      if (g_strcmp0 (base_url, INFLOW_CLIENT_DEFAULT_BASE_URL) != 0)
        adw_expander_row_set_expanded (self->advanced_row, TRUE);
    }

  if (reason != NULL)
    show_message (self, "dialog-information-symbolic", _("Sign In Again"), reason, FALSE);

  if (name != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

gboolean
inflow_sign_in_dialog_get_busy (InflowSignInDialog *self)
{
  g_return_val_if_fail (INFLOW_IS_SIGN_IN_DIALOG (self), FALSE);

  return self->busy;
}
