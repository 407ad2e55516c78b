/* inflow-window.c: the main window: the welcome page, or the sections of a profile
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-window"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-access-view.h"
#include "inflow-api-error.h"
#include "inflow-accounts-view.h"
#include "inflow-backfill-dialog.h"
#include "inflow-connect-assistant.h"
#include "inflow-diagnostics-window.h"
#include "inflow-ingestion-format.h"
#include "inflow-ingestion-view.h"
#include "inflow-integrations-view.h"
#include "inflow-sign-in-dialog.h"
#include "inflow-update-permissions-dialog.h"
#include "inflow-storage-error.h"
#include "inflow-welcome-page.h"
#include "inflow-window.h"

/**
 * InflowWindow:
 *
 * Shows the welcome page while no profile is open, and otherwise a sidebar
 * of the four sections beside the page of the one chosen. The header bar
 * has the profile switcher, the Refresh button (F5, Ctrl+R) and badges for
 * the demo and for read-only tokens; a banner under it tells when the API
 * cannot be reached or refused the token, while the last known data stays.
 *
 * The window follows the #InflowProfileManager's session and hands it to
 * every section page that has a `session` property.
 */
struct _InflowWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  InflowProfileManager *manager;
  InflowSession        *session;
  GCancellable         *cancellable;   /* of the window's own requests */
  gboolean              loading;
  gboolean              demo_starting;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  InflowWelcomePage    *welcome_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *profile_button;
  GtkLabel             *profile_label;
  GtkLabel             *integrations_count;
  GtkLabel             *accounts_count;
  GtkLabel             *workspaces_count;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkStack             *refresh_stack;
  GtkSpinner           *refresh_spinner;
  GtkWidget            *read_only_button;
  GtkWidget            *read_only_text;
  GtkLabel             *read_only_label;
  GtkWidget            *demo_badge;
  GtkRevealer          *banner;
  GtkWidget            *banner_box;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  InflowIngestionView  *ingestion_view;
  InflowIntegrationsView *integrations_view;
  InflowAccountsView   *accounts_view;
  InflowAccessView     *access_view;
};

G_DEFINE_FINAL_TYPE (InflowWindow, inflow_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_PROFILE_MANAGER,
  PROP_SESSION,
  PROP_LOADING,
  PROP_ACTIVE_PROFILE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_profile (InflowWindow *self,
                          const char   *profile_id);

/* Sections */

/* The sidebar rows carry the name of the stack page they show. */
static GtkListBoxRow *
find_row (InflowWindow *self,
          const char   *section)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), section) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
sidebar_row_activated_cb (InflowWindow  *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  g_assert (INFLOW_IS_WINDOW (self));

  inflow_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (InflowWindow *self,
                 GtkButton    *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
visible_child_name_changed_cb (InflowWindow *self,
                               GParamSpec   *pspec,
                               GtkStack     *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  GtkStackPage *page = gtk_stack_get_page (stack, child);

  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  inflow_window_set_section (self, g_variant_get_string (param, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Hands the session to every section page that takes one. */
static void
give_session_to_pages (InflowWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (child), "session");

      if (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE) && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY) &&
          g_type_is_a (INFLOW_TYPE_SESSION, pspec->value_type))
        g_object_set (child, "session", self->session, NULL);
    }
}

static void
stack_pages_changed_cb (InflowWindow *self)
{
  give_session_to_pages (self);
}

/* What the window shows */

static void
update_page (InflowWindow *self)
{
  const char *page;

  if (self->loading || self->manager == NULL)
    page = "loading";
  else if (self->session == NULL)
    page = "welcome";
  else
    page = "main";

  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->main_stack, page);
}

static void
update_actions (InflowWindow *self)
{
  gboolean has_session = self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 has_session && !inflow_session_get_refreshing (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-profile", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", self->manager != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-demo",
                                 self->manager != NULL && !self->demo_starting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-profile", self->manager != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.connect-aws", has_session);
  /* A notification's click may come before the session is open */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.monitor-ingestion", self->manager != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-diagnostics", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.update-permissions", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.request-backfill", has_session);
}

/* The time the data shows: the oldest of the lists' times. */
static GDateTime *
data_as_of (InflowSession *session)
{
  GDateTime *oldest = NULL;

  for (guint i = 0; i < INFLOW_SESSION_N_LISTS; i++)
    {
      GDateTime *fetched_at = inflow_session_get_fetched_at (session, i);

      if (fetched_at != NULL && (oldest == NULL || g_date_time_compare (fetched_at, oldest) < 0))
        oldest = fetched_at;
    }

  return oldest;
}

static char *
format_as_of (InflowSession *session)
{
  GDateTime *as_of = data_as_of (session);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return as_of != NULL ? inflow_ingestion_format_when (as_of, now) : NULL;
}

static void
update_counts (InflowWindow *self)
{
  static const struct {
    InflowSessionList list;
    gsize             label_offset;
  } counts[] = {
    { INFLOW_SESSION_LIST_INTEGRATIONS, G_STRUCT_OFFSET (InflowWindow, integrations_count) },
    { INFLOW_SESSION_LIST_CLOUD_ACCOUNTS, G_STRUCT_OFFSET (InflowWindow, accounts_count) },
    { INFLOW_SESSION_LIST_WORKSPACES, G_STRUCT_OFFSET (InflowWindow, workspaces_count) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      GtkLabel *label = G_STRUCT_MEMBER (GtkLabel *, self, counts[i].label_offset);
      g_autofree char *text = NULL;

      if (self->session != NULL && inflow_session_get_fetched_at (self->session, counts[i].list) != NULL)
        {
          GListModel *model = NULL;

          switch (counts[i].list)
            {
            case INFLOW_SESSION_LIST_INTEGRATIONS:
              model = inflow_session_get_integrations (self->session);
              break;
            case INFLOW_SESSION_LIST_CLOUD_ACCOUNTS:
              model = inflow_session_get_cloud_accounts (self->session);
              break;
            case INFLOW_SESSION_LIST_WORKSPACES:
              model = inflow_session_get_workspaces (self->session);
              break;
            case INFLOW_SESSION_LIST_TEAMS:
            case INFLOW_SESSION_N_LISTS:
            default:
              g_assert_not_reached ();
            }
          text = g_strdup_printf ("%u", g_list_model_get_n_items (model));
        }

      gtk_label_set_label (label, text != NULL ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
    }
}

static void
update_status (InflowWindow *self)
{
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;
  const char *icon = "emblem-synchronizing-symbolic";

  if (self->session == NULL)
    return;

  as_of = format_as_of (self->session);

  if (inflow_session_get_refreshing (self->session))
    text = g_strdup (_("Refreshing…"));
  else
    switch (inflow_session_get_connection_state (self->session))
      {
      case INFLOW_CONNECTION_ONLINE:
        icon = "emblem-ok-symbolic";
        /* Translators: %s is a time, like "14:20 today" */
        text = as_of != NULL ? g_strdup_printf (_("Updated %s"), as_of) : g_strdup (_("Up to date"));
        break;

      case INFLOW_CONNECTION_OFFLINE:
        icon = "network-offline-symbolic";
        /* Translators: %s is a time, like "14:20 today" */
        text = as_of != NULL ? g_strdup_printf (_("Offline — data as of %s"), as_of) : g_strdup (_("Offline"));
        break;

      case INFLOW_CONNECTION_UNAUTHORIZED:
      case INFLOW_CONNECTION_ERROR:
        icon = "dialog-warning-symbolic";
        /* Translators: %s is a time, like "14:20 today" */
        text = as_of != NULL ? g_strdup_printf (_("Not updated — data as of %s"), as_of) : g_strdup (_("Not updated"));
        break;

      case INFLOW_CONNECTION_UNKNOWN:
      default:
        /* Translators: %s is a time, like "14:20 today" */
        text = as_of != NULL ? g_strdup_printf (_("Data as of %s"), as_of) : g_strdup (_("Not updated yet"));
        break;
      }

  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), text);
}

static void
update_refreshing (InflowWindow *self)
{
  gboolean refreshing = self->session != NULL && inflow_session_get_refreshing (self->session);

  gtk_stack_set_visible_child_name (self->refresh_stack, refreshing ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);
  update_actions (self);
  update_status (self);
}

static void
update_banner (InflowWindow *self)
{
  InflowConnectionState state = INFLOW_CONNECTION_UNKNOWN;
  const GError *error = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;
  const char *what = NULL;
  const char *button = _("_Retry");

  if (self->session != NULL)
    {
      state = inflow_session_get_connection_state (self->session);
      error = inflow_session_get_last_error (self->session);
      as_of = format_as_of (self->session);
    }

  switch (state)
    {
    case INFLOW_CONNECTION_OFFLINE:
      if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_TLS))
        what = _("The secure connection to Vantage failed.");
      else if (g_error_matches (error, INFLOW_API_ERROR, INFLOW_API_ERROR_SERVER))
        what = _("Vantage is not answering properly right now.");
      else
        what = _("Offline: Inflow cannot reach Vantage.");

      if (as_of != NULL)
        /* Translators: the first %s says what is wrong, the second is a time like "14:20 today" */
        text = g_strdup_printf (_("%s Showing the data as of %s."), what, as_of);
      else
        text = g_strdup (what);
      break;

    case INFLOW_CONNECTION_UNAUTHORIZED:
      text = g_strdup (_("Vantage no longer accepts the API token of this profile. Sign in again to see fresh data."));
      button = _("_Sign In…");
      break;

    case INFLOW_CONNECTION_ERROR:
      text = g_strdup (error != NULL ? error->message : _("The data could not be updated."));
      break;

    case INFLOW_CONNECTION_UNKNOWN:
    case INFLOW_CONNECTION_ONLINE:
    default:
      break;
    }

  /* The profile manager retries these by itself */
  if (text != NULL && inflow_api_error_is_transient (error))
    {
      g_autofree char *said = g_steal_pointer (&text);

      /* Translators: %s says what went wrong */
      text = g_strdup_printf (_("%s Inflow will try again shortly."), said);
    }

  if (text != NULL)
    {
      gtk_label_set_label (self->banner_label, text);
      gtk_button_set_label (self->banner_button, button);
    }

  gtk_revealer_set_reveal_child (self->banner, text != NULL);
}

static void
update_badges (InflowWindow *self)
{
  InflowProfile *profile = self->session != NULL ? inflow_session_get_profile (self->session) : NULL;
  gboolean is_demo = profile != NULL && inflow_profile_get_is_demo (profile);
  gboolean read_only = self->session != NULL &&
                       inflow_session_get_me (self->session) != NULL &&
                       !inflow_session_get_can_write (self->session);

  /* Narrow, the page title needs the room; the sidebar still says "Demo" */
  gtk_widget_set_visible (self->demo_badge, is_demo && !adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (self->read_only_button, read_only);
  if (read_only)
    {
      const char *reason = inflow_session_get_write_disabled_reason (self->session);

      gtk_label_set_label (self->read_only_label, reason);
      gtk_widget_set_tooltip_text (self->read_only_button, reason);
    }

  gtk_label_set_label (self->profile_label, profile != NULL ? inflow_profile_get_name (profile) : "");
}

/* Narrow: the read-only badge keeps its lock, without the word */
static void
folded_changed_cb (InflowWindow *self)
{
  gtk_widget_set_visible (self->read_only_text, !adw_leaflet_get_folded (self->leaflet));
  update_badges (self);
}

static void
session_state_changed_cb (InflowWindow *self)
{
  update_banner (self);
  update_status (self);
  update_badges (self);
}

static void
session_fetched_at_changed_cb (InflowWindow      *self,
                               InflowSessionList  list,
                               InflowSession     *session)
{
  update_counts (self);
  update_status (self);
  update_banner (self);
}

/* The profile switcher */

static void
rebuild_profile_menu (InflowWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) profiles = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GMenu) current = g_menu_new ();
  GListModel *model;

  if (self->manager == NULL)
    {
      gtk_menu_button_set_menu_model (self->profile_button, NULL);
      return;
    }

  model = inflow_profile_manager_get_profiles (self->manager);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (model, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (inflow_profile_get_is_demo (profile))
        /* Translators: the demo in the profile switcher */
        label = g_strdup (_("Demo (simulated organization)"));
      else
        label = g_strdup (inflow_profile_get_name (profile));

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.switch-profile", "s", inflow_profile_get_id (profile));
      g_menu_append_item (profiles, item);
    }

  g_menu_append (more, _("_Add Profile…"), "win.sign-in");
  g_menu_append (more, _("_Explore the Demo"), "win.start-demo");
  g_menu_append (current, _("Sign _Out"), "win.sign-out");
  g_menu_append (current, _("_Remove Profile…"), "win.remove-profile");

  g_menu_append_section (menu, _("Profiles"), G_MENU_MODEL (profiles));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (more));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (current));

  gtk_menu_button_set_menu_model (self->profile_button, G_MENU_MODEL (menu));
}

/* The session */

static void
set_session (InflowWindow  *self,
             InflowSession *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (inflow_session_get_integrations (self->session), self);
      g_signal_handlers_disconnect_by_data (inflow_session_get_cloud_accounts (self->session), self);
      g_signal_handlers_disconnect_by_data (inflow_session_get_workspaces (self->session), self);
    }

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::connection-state",
                               G_CALLBACK (session_state_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::last-error",
                               G_CALLBACK (session_state_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::can-write",
                               G_CALLBACK (session_state_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::me",
                               G_CALLBACK (session_state_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::refreshing",
                               G_CALLBACK (update_refreshing), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "fetched-at-changed",
                               G_CALLBACK (session_fetched_at_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_integrations (session), "items-changed",
                               G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_cloud_accounts (session), "items-changed",
                               G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_workspaces (session), "items-changed",
                               G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);

      /* A session is open: the welcome page's message is old news */
      inflow_welcome_page_set_message (self->welcome_page, NULL);
    }

  give_session_to_pages (self);
  update_counts (self);
  update_badges (self);
  update_banner (self);
  update_refreshing (self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_PROFILE_ID]);
}

static void
manager_session_changed_cb (InflowWindow         *self,
                            GParamSpec           *pspec,
                            InflowProfileManager *manager)
{
  set_session (self, inflow_profile_manager_get_session (manager));
}

/* Why a profile could not be opened, for the welcome page or a toast. */
static char *
describe_activation_failure (InflowProfile *profile,
                             const GError  *error)
{
  const char *name = inflow_profile_get_name (profile);

  if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE))
    /* Translators: %s is a profile name */
    return g_strdup_printf (_("Secure storage is unavailable: no keyring service is running, so Inflow "
                              "cannot read the saved API token of “%s”. Sign in for this session only, or "
                              "start the keyring service and open Inflow again."), name);

  if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED))
    /* Translators: %s is a profile name */
    return g_strdup_printf (_("The keyring stayed locked, so Inflow could not read the API token of “%s”. "
                              "Sign in again to continue."), name);

  if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND))
    /* Translators: %s is a profile name */
    return g_strdup_printf (_("No API token is saved for “%s”. Sign in again to continue."), name);

  /* Translators: the first %s is a profile name, the second says why */
  return g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);
}

static void
open_sign_in_dialog (InflowWindow  *self,
                     InflowProfile *profile,
                     const char    *reason)
{
  InflowSignInDialog *dialog;

  if (self->manager == NULL)
    return;

  dialog = inflow_sign_in_dialog_new (GTK_WINDOW (self), self->manager);
  if (profile != NULL)
    inflow_sign_in_dialog_prefill (dialog,
                                   inflow_profile_get_is_demo (profile) ? NULL : inflow_profile_get_name (profile),
                                   inflow_profile_get_is_demo (profile) ? NULL : inflow_profile_get_base_url (profile),
                                   reason);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
activation_failed_cb (InflowWindow         *self,
                      InflowProfile        *profile,
                      GError               *error,
                      InflowProfileManager *manager)
{
  g_autofree char *message = describe_activation_failure (profile, error);

  inflow_welcome_page_set_message (self->welcome_page, message);
}

/* Actions */

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  open_sign_in_dialog (INFLOW_WINDOW (widget), NULL, NULL);
}

static void
set_demo_starting (InflowWindow *self,
                   gboolean      starting)
{
  self->demo_starting = starting;
  inflow_welcome_page_set_demo_starting (self->welcome_page, starting);
  update_actions (self);
}

static void
start_demo_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(InflowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_demo_starting (self, FALSE);

  if (!inflow_profile_manager_start_demo_finish (INFLOW_PROFILE_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The demo could not start: %s"), error->message);

      inflow_window_add_toast (self, message);
    }
}

static void
start_demo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  if (self->manager == NULL || self->demo_starting)
    return;

  set_demo_starting (self, TRUE);
  inflow_profile_manager_start_demo_async (self->manager, self->cancellable, start_demo_cb, g_object_ref (self));
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The banner and the status tell how it went */
  if (!inflow_session_refresh_finish (INFLOW_SESSION (source), result, &error))
    g_debug ("Refreshing failed: %s", error->message);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  if (self->session == NULL || inflow_session_get_refreshing (self->session))
    return;

  inflow_session_refresh_async (self->session, NULL, refresh_cb, NULL);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(InflowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_sign_out_finish (INFLOW_PROFILE_MANAGER (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        inflow_window_add_toast (self, error->message);
      return;
    }
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);
  InflowProfile *profile;
  g_autofree char *message = NULL;

  if (self->session == NULL)
    return;

  profile = inflow_session_get_profile (self->session);
  if (inflow_profile_get_is_demo (profile))
    message = g_strdup (_("The demo has ended"));
  else
    /* Translators: %s is a profile name */
    message = g_strdup_printf (_("Signed out of “%s”"), inflow_profile_get_name (profile));

  inflow_profile_manager_sign_out_async (self->manager, profile, self->cancellable,
                                         sign_out_cb, g_object_ref (self));
  inflow_window_add_toast (self, message);
}

static void
remove_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(InflowWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_remove_finish (INFLOW_PROFILE_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    inflow_window_add_toast (self, error->message);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    InflowWindow     *self)
{
  InflowProfile *profile = g_object_get_data (G_OBJECT (dialog), "profile");

  if (!g_str_equal (response, "remove") || self->manager == NULL)
    return;

  inflow_profile_manager_remove_async (self->manager, profile, self->cancellable,
                                       remove_cb, g_object_ref (self));
}

static void
remove_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);
  InflowProfile *profile;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  if (self->session == NULL)
    return;

  profile = inflow_session_get_profile (self->session);
  /* Translators: %s is a profile name */
  heading = g_strdup_printf (_("Remove “%s”?"), inflow_profile_get_name (profile));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Inflow signs out, removes the API token from the keyring and "
                                     "forgets the data it saved for this profile. Nothing changes in "
                                     "Vantage."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "profile", g_object_ref (profile), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  InflowWindow  *self;
  InflowProfile *profile;
} OpenProfile;

static void
open_profile_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OpenProfile *open = user_data;
  g_autoptr(InflowWindow) self = open->self;
  g_autoptr(InflowProfile) profile = open->profile;
  g_autoptr(GError) error = NULL;

  g_free (open);

  if (inflow_profile_manager_activate_finish (INFLOW_PROFILE_MANAGER (source), result, &error))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_PROFILE_ID]);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error->domain == INFLOW_STORAGE_ERROR)
    {
      g_autofree char *reason = describe_activation_failure (profile, error);

      open_sign_in_dialog (self, profile, reason);
    }
  else
    inflow_window_add_toast (self, error->message);
}

static InflowProfile *
find_profile (InflowWindow *self,
              const char   *profile_id)
{
  GListModel *profiles;

  if (self->manager == NULL)
    return NULL;

  profiles = inflow_profile_manager_get_profiles (self->manager);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (profiles, i);

      if (g_strcmp0 (inflow_profile_get_id (profile), profile_id) == 0)
        return g_steal_pointer (&profile);
    }

  return NULL;
}

static void
open_profile (InflowWindow *self,
              const char   *profile_id)
{
  g_autoptr(InflowProfile) profile = find_profile (self, profile_id);
  OpenProfile *open;

  if (profile == NULL)
    return;

  open = g_new0 (OpenProfile, 1);
  open->self = g_object_ref (self);
  open->profile = g_object_ref (profile);
  inflow_profile_manager_activate_async (self->manager, profile, self->cancellable, open_profile_cb, open);
}

static void
open_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  open_profile (INFLOW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
banner_button_clicked_cb (InflowWindow *self,
                          GtkButton    *button)
{
  if (self->session == NULL)
    return;

  if (inflow_session_get_connection_state (self->session) == INFLOW_CONNECTION_UNAUTHORIZED)
    open_sign_in_dialog (self, inflow_session_get_profile (self->session),
                         _("Vantage no longer accepts the API token of this profile."));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.refresh", NULL);
}

/* The object */

static gboolean
inflow_window_close_request (GtkWindow *window)
{
  InflowWindow *self = INFLOW_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (inflow_window_parent_class)->close_request (window);
}

/* Where the views send the user */

static void
show_section (InflowWindow *self,
              const char   *section)
{
  inflow_window_set_section (self, section);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
monitor_ingestion_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, "ingestion");
  inflow_ingestion_view_select_integration (self->ingestion_view, g_variant_get_string (param, NULL));
}

static void
show_diagnostics_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (inflow_diagnostics_window_new (GTK_WINDOW (self), self->session)));
}

/* The Integrations list's "Ingestion" column: the verdict the Ingestion
 * section's monitor holds for the row. */
static gboolean
integration_verdict_cb (InflowIntegration        *integration,
                        char                    **label,
                        InflowIngestionSeverity  *severity,
                        gpointer                  user_data)
{
  InflowWindow *self = user_data;
  InflowIngestionMonitor *monitor = inflow_ingestion_view_get_monitor (self->ingestion_view);
  InflowIngestionItem *item;
  InflowIngestionPhase phase;

  if (monitor == NULL)
    return FALSE;

  item = inflow_ingestion_monitor_lookup (monitor, inflow_integration_get_token (integration));
  if (item == NULL || !inflow_ingestion_item_get_tracked (item))
    return FALSE;

  phase = inflow_ingestion_item_get_phase (item);
  *label = g_strdup (inflow_ingestion_phase_get_label (phase));
  *severity = inflow_ingestion_phase_get_severity (phase);

  return TRUE;
}

static void
monitor_updated_cb (InflowWindow *self)
{
  inflow_integrations_view_refresh_verdicts (self->integrations_view);
}

/* Follows the Ingestion view's monitor, which comes and goes with the session. */
static void
ingestion_monitor_changed_cb (InflowWindow *self)
{
  InflowIngestionMonitor *monitor = inflow_ingestion_view_get_monitor (self->ingestion_view);

  if (monitor != NULL)
    g_signal_connect_object (monitor, "updated", G_CALLBACK (monitor_updated_cb), self, G_CONNECT_SWAPPED);

  inflow_integrations_view_refresh_verdicts (self->integrations_view);
}

static void
show_integration_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, "integrations");
  inflow_integrations_view_show_integration (self->integrations_view, g_variant_get_string (param, NULL));
}

static void
show_access_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  show_section (self, "access");
  inflow_access_view_focus_integration (self->access_view, g_variant_get_string (param, NULL));
}

static void
connect_aws_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  g_return_if_fail (self->session != NULL);

  gtk_window_present (GTK_WINDOW (inflow_connect_assistant_new (GTK_WINDOW (self), self->session,
                                                                g_variant_get_string (param, NULL))));
}

static void
update_permissions_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  g_return_if_fail (self->session != NULL);

  gtk_window_present (GTK_WINDOW (inflow_update_permissions_dialog_new (GTK_WINDOW (self), self->session,
                                                                        g_variant_get_string (param, NULL))));
}

static void
request_backfill_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  InflowWindow *self = INFLOW_WINDOW (widget);

  g_return_if_fail (self->session != NULL);

  gtk_window_present (GTK_WINDOW (inflow_backfill_dialog_new (GTK_WINDOW (self), self->session,
                                                              g_variant_get_string (param, NULL))));
}

static void
inflow_window_dispose (GObject *object)
{
  InflowWindow *self = INFLOW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  inflow_window_set_profile_manager (self, NULL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (inflow_window_parent_class)->dispose (object);
}

static void
inflow_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  InflowWindow *self = INFLOW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, inflow_window_get_section (self));
      break;

    case PROP_PROFILE_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ACTIVE_PROFILE_ID:
      g_value_set_string (value, self->session != NULL
                                 ? inflow_profile_get_id (inflow_session_get_profile (self->session))
                                 : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  InflowWindow *self = INFLOW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      inflow_window_set_section (self, g_value_get_string (value));
      break;

    case PROP_PROFILE_MANAGER:
      inflow_window_set_profile_manager (self, g_value_get_object (value));
      break;

    case PROP_LOADING:
      inflow_window_set_loading (self, g_value_get_boolean (value));
      break;

    case PROP_ACTIVE_PROFILE_ID:
      /* The profile switcher: the state follows once the profile is open */
      open_profile (self, g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_window_class_init (InflowWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char * const sections[] = { "ingestion", "integrations", "accounts", "access" };

  object_class->dispose = inflow_window_dispose;
  object_class->get_property = inflow_window_get_property;
  object_class->set_property = inflow_window_set_property;

  window_class->close_request = inflow_window_close_request;

  /**
   * InflowWindow:section:
   *
   * The name of the section the window shows.
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWindow:profile-manager:
   *
   * The profiles and their active session; %NULL shows a spinner.
   */
  properties[PROP_PROFILE_MANAGER] =
    g_param_spec_object ("profile-manager", NULL, NULL,
                         INFLOW_TYPE_PROFILE_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWindow:session:
   *
   * The session the sections show, or %NULL (the welcome page).
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWindow:loading:
   *
   * Whether the profiles are still being read: a spinner shows instead of
   * the welcome page.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWindow:active-profile-id:
   *
   * The ID of the open profile ("" for none); setting it opens another,
   * as the profile switcher (win.switch-profile) does.
   */
  properties[PROP_ACTIVE_PROFILE_ID] =
    g_param_spec_string ("active-profile-id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_WELCOME_PAGE);
  g_type_ensure (INFLOW_TYPE_INGESTION_VIEW);
  g_type_ensure (INFLOW_TYPE_INTEGRATIONS_VIEW);
  g_type_ensure (INFLOW_TYPE_ACCOUNTS_VIEW);
  g_type_ensure (INFLOW_TYPE_ACCESS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-window.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, profile_button);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, profile_label);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, integrations_count);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, accounts_count);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, workspaces_count);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, read_only_button);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, read_only_text);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, banner_box);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, ingestion_view);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, integrations_view);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, accounts_view);
  gtk_widget_class_bind_template_child (widget_class, InflowWindow, access_view);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", sections[i]);

  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.start-demo", NULL, start_demo_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.remove-profile", NULL, remove_profile_action);
  gtk_widget_class_install_action (widget_class, "win.open-profile", "s", open_profile_action);
  gtk_widget_class_install_action (widget_class, "win.monitor-ingestion", "s", monitor_ingestion_action);
  gtk_widget_class_install_action (widget_class, "win.show-diagnostics", NULL, show_diagnostics_action);
  gtk_widget_class_install_action (widget_class, "win.show-integration", "s", show_integration_action);
  gtk_widget_class_install_action (widget_class, "win.show-access", "s", show_access_action);
  gtk_widget_class_install_action (widget_class, "win.connect-aws", "s", connect_aws_action);
  gtk_widget_class_install_action (widget_class, "win.update-permissions", "s", update_permissions_action);
  gtk_widget_class_install_action (widget_class, "win.request-backfill", "s", request_backfill_action);
  gtk_widget_class_install_property_action (widget_class, "win.switch-profile", "active-profile-id");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
}

static void
inflow_window_init (InflowWindow *self)
{
  GListModel *pages;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* A section page may be replaced by a view later: it gets the session too */
  pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  g_signal_connect_object (pages, "items-changed", G_CALLBACK (stack_pages_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_unref (pages);

  inflow_integrations_view_set_verdict_func (self->integrations_view, integration_verdict_cb, self, NULL);
  g_signal_connect_object (self->ingestion_view, "notify::monitor",
                           G_CALLBACK (ingestion_monitor_changed_cb), self, G_CONNECT_SWAPPED);

  inflow_window_set_section (self, "ingestion");
  visible_child_name_changed_cb (self, NULL, self->stack);
  update_actions (self);
  update_page (self);
}

InflowWindow *
inflow_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (INFLOW_TYPE_WINDOW, "application", application, NULL);
}

const char *
inflow_window_get_section (InflowWindow *self)
{
  g_return_val_if_fail (INFLOW_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
inflow_window_set_section (InflowWindow *self,
                           const char   *section)
{
  GtkListBoxRow *row;

  g_return_if_fail (INFLOW_IS_WINDOW (self));
  g_return_if_fail (section != NULL);

  row = find_row (self, section);
  if (row == NULL)
    {
      g_warning ("No section named “%s”", section);
      return;
    }

  gtk_list_box_select_row (self->sidebar, row);
  gtk_stack_set_visible_child_name (self->stack, section);
}

/* TRUE when the window is too narrow for the sidebar and a page side by
 * side. While the welcome page shows, the sections are not laid out, so
 * this compares the window's width with what both need. */
gboolean
inflow_window_get_folded (InflowWindow *self)
{
  int sidebar, content;

  g_return_val_if_fail (INFLOW_IS_WINDOW (self), FALSE);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->leaflet)))
    return adw_leaflet_get_folded (self->leaflet);

  gtk_widget_measure (self->sidebar_box, GTK_ORIENTATION_HORIZONTAL, -1, &sidebar, NULL, NULL, NULL);
  gtk_widget_measure (self->content_box, GTK_ORIENTATION_HORIZONTAL, -1, &content, NULL, NULL, NULL);

  return gtk_widget_get_width (GTK_WIDGET (self)) < sidebar + content;
}

/**
 * inflow_window_get_profile_manager:
 *
 * Returns: (transfer none) (nullable): the profile manager
 */
InflowProfileManager *
inflow_window_get_profile_manager (InflowWindow *self)
{
  g_return_val_if_fail (INFLOW_IS_WINDOW (self), NULL);

  return self->manager;
}

void
inflow_window_set_profile_manager (InflowWindow         *self,
                                   InflowProfileManager *manager)
{
  g_return_if_fail (INFLOW_IS_WINDOW (self));
  g_return_if_fail (manager == NULL || INFLOW_IS_PROFILE_MANAGER (manager));

  if (self->manager == manager)
    return;

  if (self->manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->manager, self);
      g_signal_handlers_disconnect_by_data (inflow_profile_manager_get_profiles (self->manager), self);
    }

  g_set_object (&self->manager, manager);

  if (manager != NULL)
    {
      g_signal_connect_object (manager, "notify::session",
                               G_CALLBACK (manager_session_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (manager, "activation-failed",
                               G_CALLBACK (activation_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_profile_manager_get_profiles (manager), "items-changed",
                               G_CALLBACK (rebuild_profile_menu), self, G_CONNECT_SWAPPED);
    }

  inflow_welcome_page_set_profiles (self->welcome_page,
                                    manager != NULL ? inflow_profile_manager_get_profiles (manager) : NULL);
  rebuild_profile_menu (self);
  set_session (self, manager != NULL ? inflow_profile_manager_get_session (manager) : NULL);
  update_actions (self);
  update_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_MANAGER]);
}

/**
 * inflow_window_get_session:
 *
 * Returns: (transfer none) (nullable): the session the window shows
 */
InflowSession *
inflow_window_get_session (InflowWindow *self)
{
  g_return_val_if_fail (INFLOW_IS_WINDOW (self), NULL);

  return self->session;
}

gboolean
inflow_window_get_loading (InflowWindow *self)
{
  g_return_val_if_fail (INFLOW_IS_WINDOW (self), FALSE);

  return self->loading;
}

void
inflow_window_set_loading (InflowWindow *self,
                           gboolean      loading)
{
  g_return_if_fail (INFLOW_IS_WINDOW (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * inflow_window_get_page:
 *
 * Returns: what the window shows: "loading", "welcome" or "main"
 */
const char *
inflow_window_get_page (InflowWindow *self)
{
  g_return_val_if_fail (INFLOW_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
inflow_window_add_toast (InflowWindow *self,
                         const char   *message)
{
  AdwToast *toast;

  g_return_if_fail (INFLOW_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
