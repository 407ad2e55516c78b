/* inflow-test-utils.h: shared helpers of the test programs
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void          inflow_test_init          (int            *argc,
                                         char         ***argv);
int           inflow_test_run           (void);
GAsyncResult *inflow_test_wait_result   (GAsyncResult  **slot);
void          inflow_test_store_result_cb (GObject       *source,
                                         GAsyncResult  *result,
                                         gpointer       user_data);
gboolean      inflow_test_wait_until    (gboolean      (*check) (gpointer data),
                                         gpointer        data,
                                         guint           timeout_ms);

/* A private mount namespace (root only), for a data folder that fills up
 * or turns read-only: enter it first thing in main(), before any thread */
gboolean      inflow_test_enter_mount_namespace (void);
gboolean      inflow_test_can_mount             (void);
void          inflow_test_mount_tmpfs           (const char  *folder,
                                                 gsize        size);
void          inflow_test_remount_read_only     (const char  *folder);
void          inflow_test_unmount               (const char  *folder);
gsize         inflow_test_fill_folder           (const char  *folder,
                                                 char       **filler_path);

/* The keyring's items of Inflow's schema, which the test programs share */
GPtrArray    *inflow_test_keyring_secrets     (void);
gboolean      inflow_test_keyring_holds_secret (const char  *secret);
guint         inflow_test_keyring_items_of    (const char  *profile_id);

/* A keyring of the program's own, to lock and unlock: a private D-Bus
 * session (up before anything uses the bus, down at the end) with its own
 * gnome-keyring-daemon; the stand-in prompter (tests/storage/stand-in-prompter.py)
 * answers its unlock prompts with INFLOW_TEST_KEYRING_PASSWORD or
 * dismisses them. */
#define INFLOW_TEST_KEYRING_PASSWORD "inflow-locked-test"

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
} InflowTestPrompter;

void          inflow_test_private_bus_up      (void);
void          inflow_test_private_bus_down    (void);
void          inflow_test_keyring_start       (gboolean            unlock);
void          inflow_test_keyring_stop        (void);
void          inflow_test_keyring_lock        (void);
void          inflow_test_prompter_start      (InflowTestPrompter *prompter,
                                               const char         *answer);
char         *inflow_test_prompter_read_line  (InflowTestPrompter *prompter);
void          inflow_test_prompter_stop       (InflowTestPrompter *prompter);
/* The session bus, and python3-dbusmock's stand-ins on it */
gboolean      inflow_test_wait_for_bus_name   (const char  *name,
                                               gboolean     owned);
GSubprocess  *inflow_test_dbusmock_start      (const char  *template,
                                               const char  *bus_name,
                                               const char  *parameters);
void          inflow_test_dbusmock_stop       (GSubprocess *process,
                                               const char  *bus_name);
GPtrArray    *inflow_test_dbusmock_calls      (const char  *bus_name,
                                               const char  *path,
                                               const char  *method);
void          inflow_test_stop_private_bus    (GTestDBus   *bus);

G_END_DECLS
