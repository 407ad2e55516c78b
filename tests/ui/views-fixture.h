/* views-fixture.h: a simulator, a signed-in session and a window for the view tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"
#include "inflow-simulator.h"

G_BEGIN_DECLS

typedef struct
{
  InflowSimulator *simulator;
  InflowClient    *client;
  InflowSession   *session;
  GtkWindow       *window;
  GtkWidget       *view;        /* the view shown, finalized at the end */
  GPtrArray       *activated;   /* "action:parameter" of the win.* actions */
  GPtrArray       *opened;      /* the links the views opened */
} ViewsFixture;

void        views_fixture_start          (ViewsFixture *fixture,
                                          guint         n_integrations,
                                          guint         n_accounts,
                                          const char   *token);
void        views_fixture_show           (ViewsFixture *fixture,
                                          GtkWidget    *view,
                                          int           width,
                                          int           height);
void        views_fixture_stop           (ViewsFixture *fixture);
void        views_fixture_refresh        (ViewsFixture *fixture);
void        views_fixture_resize         (ViewsFixture *fixture,
                                          int           width);
void        views_fixture_wait           (gboolean    (*check) (gpointer data),
                                          gpointer      data);
void        views_fixture_run_for        (guint         ms);
void        views_fixture_settle         (void);
gboolean    views_fixture_was_activated  (ViewsFixture *fixture,
                                          const char   *action,
                                          const char   *parameter);
GtkWidget  *views_fixture_find_label     (GtkWidget    *root,
                                          const char   *text_part);
GtkWidget  *views_fixture_find_widget    (GtkWidget    *root,
                                          GType         type,
                                          gboolean    (*match) (GtkWidget *widget,
                                                                gpointer   data),
                                          gpointer      data);
gpointer    views_fixture_child          (ViewsFixture *fixture,
                                          const char   *name);
void        views_fixture_type           (ViewsFixture *fixture,
                                          const char   *entry_name,
                                          const char   *text);
gboolean    views_fixture_was_opened     (ViewsFixture *fixture,
                                          const char   *uri);
GtkWindow  *views_fixture_find_toplevel  (GType         type);
char       *views_fixture_dup_workspaces (ViewsFixture *fixture,
                                          const char   *integration_token);
void        views_fixture_screenshot     (const char   *name);

G_END_DECLS
