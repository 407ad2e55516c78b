/* inflow-window-private.h: what the main window's files share
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "inflow-access-view.h"
#include "inflow-accounts-view.h"
#include "inflow-ingestion-view.h"
#include "inflow-integrations-view.h"
#include "inflow-session-status.h"
#include "inflow-welcome-page.h"
#include "inflow-window.h"

G_BEGIN_DECLS

struct _InflowWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  InflowProfileManager *manager;
  GSignalGroup         *manager_signals;
  GSignalGroup         *profiles_signals;
  InflowSession        *session;
  GSignalGroup         *session_signals;
  InflowProfile        *profile_to_remove;  /* while its dialog asks */
  GCancellable         *cancellable;        /* of the window's own requests */
  gboolean              loading;
  gboolean              demo_starting;
  gboolean              unlocking;
  char                 *storage_notice;     /* the storage problem, unless dismissed */
  char                 *storage_dismissed;  /* the problem the user dismissed */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  InflowWelcomePage    *welcome_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *profile_button;
  GtkLabel             *profile_label;
  GtkWidget            *read_only_button;
  GtkWidget            *read_only_text;
  GtkLabel             *read_only_label;
  GtkWidget            *demo_badge;
  InflowIngestionView  *ingestion_view;
  InflowIntegrationsView *integrations_view;
  InflowAccountsView   *accounts_view;
  InflowAccessView     *access_view;
  InflowSessionStatus  *status;
};

void _inflow_window_class_actions_init (InflowWindowClass *klass);
void _inflow_window_actions_update     (InflowWindow      *self);
void _inflow_window_open_sign_in       (InflowWindow      *self,
                                        InflowProfile     *profile,
                                        const char        *reason);
void _inflow_window_open_profile       (InflowWindow      *self,
                                        const char        *profile_id);
void _inflow_window_unlock_keyring     (InflowWindow      *self);

G_END_DECLS
