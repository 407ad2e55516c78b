/* inflow-storage-error.h: the error domain of the keyring and the database
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INFLOW_STORAGE_ERROR (inflow_storage_error_quark ())

/**
 * InflowStorageError:
 * @INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE: no Secret Service (nor the
 *   Secret portal) answers, or there is no D-Bus session at all; the UI says
 *   that secure storage is unavailable and offers a session-only sign-in
 * @INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED: the keyring is locked and
 *   stayed locked, or the user dismissed the unlock prompt; the token is
 *   still there: the UI offers to unlock it
 *   (inflow_profile_manager_unlock_async()), not to sign in again
 * @INFLOW_STORAGE_ERROR_NOT_FOUND: no token is stored for the profile, or
 *   the database has no such row (profile, cached list)
 * @INFLOW_STORAGE_ERROR_SECRET_FAILED: any other keyring failure
 * @INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED: the database file or its
 *   folder cannot be created, opened or moved aside
 * @INFLOW_STORAGE_ERROR_DATABASE_TOO_NEW: the database was written by a
 *   newer Inflow (its schema version is above the one this build knows);
 *   it is left untouched
 * @INFLOW_STORAGE_ERROR_DATABASE_CORRUPT: the database turned out damaged
 *   after it was opened (the check on open moves a damaged file aside and
 *   starts afresh; this code is for damage found later)
 * @INFLOW_STORAGE_ERROR_DATABASE_FULL: the disk is full
 * @INFLOW_STORAGE_ERROR_DATABASE_CLOSED: the database was closed
 * @INFLOW_STORAGE_ERROR_DATABASE_FAILED: any other database failure
 * @INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY: the database or its folder
 *   cannot be written: it is open read-only
 *
 * Every function of the storage layer reports its failures in this domain,
 * with one exception: an operation cancelled through its #GCancellable fails
 * with %G_IO_ERROR_CANCELLED, as everywhere in GIO. (A keyring prompt the
 * user dismissed is not a cancellation by the caller: it is
 * %INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED.) Invalid arguments found at
 * run time (saving the demo profile, say) fail with
 * %G_IO_ERROR_INVALID_ARGUMENT.
 *
 * Messages are translated sentences meant for the user; the raw detail is
 * logged with g_debug() (domain "inflow-storage"), never a token.
 */
typedef enum
{
  INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE,
  INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED,
  INFLOW_STORAGE_ERROR_NOT_FOUND,
  INFLOW_STORAGE_ERROR_SECRET_FAILED,
  INFLOW_STORAGE_ERROR_DATABASE_OPEN_FAILED,
  INFLOW_STORAGE_ERROR_DATABASE_TOO_NEW,
  INFLOW_STORAGE_ERROR_DATABASE_CORRUPT,
  INFLOW_STORAGE_ERROR_DATABASE_FULL,
  INFLOW_STORAGE_ERROR_DATABASE_CLOSED,
  INFLOW_STORAGE_ERROR_DATABASE_FAILED,
  INFLOW_STORAGE_ERROR_DATABASE_READ_ONLY,
} InflowStorageError;

GQuark  inflow_storage_error_quark           (void);

GError *inflow_storage_error_new_from_secret (const GError *secret_error,
                                              gboolean      cancelled_by_caller);

G_END_DECLS
