/* session-ui-support.h: fixtures of the sign-in and profile UI tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-application.h"
#include "inflow-profile-manager.h"
#include "inflow-simulator.h"
#include "inflow-window.h"
#include "ui-window.h"

G_BEGIN_DECLS

/*
 * Every test gets a simulator on loopback with a read-write and a read-only
 * token of its own, a fresh database file, a profile manager with the real
 * keyring, and an InflowWindow showing it. Teardown removes every profile
 * the test made (so the keyring keeps nothing) and closes every window.
 */
typedef struct
{
  InflowSimulator      *sim;
  char                 *base_url;
  char                 *db_path;
  InflowDatabase       *database;
  InflowTokenStore     *store;
  InflowProfileManager *manager;
  InflowWindow         *window;
  char                 *token;
  char                 *read_token;
} UiFixture;

void            ui_support_init               (int            *argc,
                                               char         ***argv);
int             ui_support_run                (void);

void            ui_fixture_setup              (UiFixture      *fixture,
                                               gconstpointer   data);
void            ui_fixture_teardown           (UiFixture      *fixture,
                                               gconstpointer   data);
InflowWindow   *ui_fixture_new_window         (UiFixture      *fixture,
                                               InflowProfileManager *manager);
void            ui_fixture_stop_simulator     (UiFixture      *fixture);

/* Widgets */
GtkWidget      *ui_find_by_id                 (GtkWidget      *root,
                                               const char     *id);
GtkWidget      *ui_find_by_type               (GtkWidget      *root,
                                               GType           type);
GtkWindow      *ui_find_toplevel              (GType           type);
gboolean        ui_wait_toplevel              (GType           type,
                                               guint           timeout_ms);
gboolean        ui_is_shown                   (GtkWidget      *widget);
gboolean        ui_menu_has_label             (GMenuModel     *menu,
                                               const char     *label);

/* The window */
const char     *ui_window_page                (InflowWindow   *window);

/* Waiting */
gboolean        ui_wait_page                  (InflowWindow   *window,
                                               const char     *page,
                                               guint           timeout_ms);
gboolean        ui_wait_label                 (GtkLabel       *label,
                                               const char     *substring,
                                               guint           timeout_ms);
gboolean        ui_wait_session_settled       (InflowProfileManager *manager,
                                               guint           timeout_ms);

/* The Ingestion section */
const char     *ui_ingestion_selected_token   (InflowWindow   *window);
gboolean        ui_wait_ingestion_shows       (InflowWindow   *window,
                                               const char     *token,
                                               guint           timeout_ms);

/* Keyring */
gboolean        ui_keyring_holds_demo_token   (void);

/* The profile manager, synchronously */
InflowMe       *ui_sign_in                    (InflowProfileManager *manager,
                                               const char     *name,
                                               const char     *token,
                                               const char     *base_url,
                                               GError        **error);
GListModel     *ui_stored_profiles            (InflowDatabase *database);
InflowDatabase *ui_open_database              (const char     *path);
void            ui_close_database             (InflowDatabase *database);
void            ui_load                       (InflowProfileManager *manager);
void            ui_remove_profile             (InflowProfileManager *manager,
                                               InflowProfile  *profile);
void            ui_remove_all_profiles        (InflowProfileManager *manager);
void            ui_clear_token                (InflowTokenStore *store,
                                               const char     *profile_id);
void            ui_drain_main_context         (void);

G_END_DECLS
