/* inflow-token-store.h: Vantage API tokens in the keyring
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * InflowKeyringState:
 * @INFLOW_KEYRING_UNKNOWN: not asked yet
 * @INFLOW_KEYRING_AVAILABLE: the latest call reached the keyring's items
 * @INFLOW_KEYRING_LOCKED: a token is in a keyring that stayed locked (the
 *   unlock prompt was dismissed): offer to unlock it
 * @INFLOW_KEYRING_UNAVAILABLE: no keyring service answers
 */
typedef enum
{
  INFLOW_KEYRING_UNKNOWN,
  INFLOW_KEYRING_AVAILABLE,
  INFLOW_KEYRING_LOCKED,
  INFLOW_KEYRING_UNAVAILABLE,
} InflowKeyringState;

GType inflow_keyring_state_get_type (void);
#define INFLOW_TYPE_KEYRING_STATE (inflow_keyring_state_get_type ())

#define INFLOW_TYPE_TOKEN_STORE (inflow_token_store_get_type ())

G_DECLARE_FINAL_TYPE (InflowTokenStore, inflow_token_store, INFLOW, TOKEN_STORE, GObject)

InflowTokenStore *inflow_token_store_new           (void);
InflowKeyringState inflow_token_store_get_keyring_state (InflowTokenStore *self);

void              inflow_token_store_store_async   (InflowTokenStore     *self,
                                                    const char           *profile_id,
                                                    const char           *profile_name,
                                                    const char           *token,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          inflow_token_store_store_finish  (InflowTokenStore     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void              inflow_token_store_lookup_async  (InflowTokenStore     *self,
                                                    const char           *profile_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char             *inflow_token_store_lookup_finish (InflowTokenStore     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void              inflow_token_store_unlock_async  (InflowTokenStore     *self,
                                                    const char           *profile_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char             *inflow_token_store_unlock_finish (InflowTokenStore     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void              inflow_token_store_clear_async   (InflowTokenStore     *self,
                                                    const char           *profile_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          inflow_token_store_clear_finish  (InflowTokenStore     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

void              inflow_token_free                (char                 *token);

G_END_DECLS
