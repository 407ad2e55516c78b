/* inflow-storage-error.c: the error domain of the keyring and the database
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-storage"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "inflow-storage-error.h"

G_DEFINE_QUARK (inflow-storage-error-quark, inflow_storage_error)

/* The bus has no Secret Service (nor anything that could start one), it
 * does not answer, or there is no usable bus. */
static gboolean
is_no_service_dbus_error (int code)
{
  switch ((GDBusError) code)
    {
    case G_DBUS_ERROR_SERVICE_UNKNOWN:
    case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
    case G_DBUS_ERROR_NO_SERVER:
    case G_DBUS_ERROR_NO_NETWORK:
    case G_DBUS_ERROR_DISCONNECTED:
    case G_DBUS_ERROR_BAD_ADDRESS:
    case G_DBUS_ERROR_NO_REPLY:
    case G_DBUS_ERROR_TIMEOUT:
    case G_DBUS_ERROR_TIMED_OUT:
    case G_DBUS_ERROR_ACCESS_DENIED:
    case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
    case G_DBUS_ERROR_SPAWN_FORK_FAILED:
    case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
    case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
    case G_DBUS_ERROR_SPAWN_FAILED:
    case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
    case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
    case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
    case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
    case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
    case G_DBUS_ERROR_SPAWN_FILE_INVALID:
    case G_DBUS_ERROR_SPAWN_NO_MEMORY:
      return TRUE;

    /* Something answered: a prompt that went away, or a service that is
     * not a Secret Service; not "no service". */
    case G_DBUS_ERROR_UNKNOWN_METHOD:
    case G_DBUS_ERROR_UNKNOWN_OBJECT:
    case G_DBUS_ERROR_UNKNOWN_INTERFACE:
    case G_DBUS_ERROR_FAILED:
    case G_DBUS_ERROR_NO_MEMORY:
    case G_DBUS_ERROR_LIMITS_EXCEEDED:
    case G_DBUS_ERROR_AUTH_FAILED:
    case G_DBUS_ERROR_NOT_SUPPORTED:
    case G_DBUS_ERROR_IO_ERROR:
    case G_DBUS_ERROR_INVALID_ARGS:
    case G_DBUS_ERROR_FILE_NOT_FOUND:
    case G_DBUS_ERROR_FILE_EXISTS:
    case G_DBUS_ERROR_MATCH_RULE_NOT_FOUND:
    case G_DBUS_ERROR_MATCH_RULE_INVALID:
    case G_DBUS_ERROR_UNIX_PROCESS_ID_UNKNOWN:
    case G_DBUS_ERROR_INVALID_SIGNATURE:
    case G_DBUS_ERROR_INVALID_FILE_CONTENT:
    case G_DBUS_ERROR_SELINUX_SECURITY_CONTEXT_UNKNOWN:
    case G_DBUS_ERROR_ADT_AUDIT_DATA_UNKNOWN:
    case G_DBUS_ERROR_OBJECT_PATH_IN_USE:
    case G_DBUS_ERROR_UNKNOWN_PROPERTY:
    case G_DBUS_ERROR_PROPERTY_READ_ONLY:
    case G_DBUS_ERROR_ADDRESS_IN_USE:
    default:
      return FALSE;
    }
}

/**
 * inflow_storage_error_new_from_secret:
 * @secret_error: an error from libsecret (or from GDBus underneath it)
 * @cancelled_by_caller: whether the caller's #GCancellable was cancelled
 *
 * Maps a libsecret failure to the storage domain: no bus, no Secret Service
 * on it, or a service that does not answer become
 * %INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE; a locked keyring, or a prompt
 * that ended in %G_IO_ERROR_CANCELLED although the caller did not cancel (the
 * user dismissed it), become %INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED; a
 * cancellation by the caller stays %G_IO_ERROR_CANCELLED; anything else is
 * %INFLOW_STORAGE_ERROR_SECRET_FAILED. The raw error goes to g_debug().
 *
 * Returns: (transfer full): the new error, with a translated message
 */
GError *
inflow_storage_error_new_from_secret (const GError *secret_error,
                                      gboolean      cancelled_by_caller)
{
  g_return_val_if_fail (secret_error != NULL, NULL);

  g_debug ("Keyring error: %s (%s, %d)",
           secret_error->message,
           g_quark_to_string (secret_error->domain),
           secret_error->code);

  if (g_error_matches (secret_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (cancelled_by_caller)
        return g_error_copy (secret_error);

      return g_error_new_literal (INFLOW_STORAGE_ERROR,
                                  INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED,
                                  _("The keyring stayed locked: the request to unlock it was dismissed. "
                                    "Unlock it to continue; nothing was removed."));
    }

  if (g_error_matches (secret_error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (INFLOW_STORAGE_ERROR,
                                INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED,
                                _("The keyring is locked. Unlock it to continue; nothing was removed."));

  /* GDBus reports a missing or unreachable bus (no socket, refused,
   * autolaunch impossible) in G_IO_ERROR, and libsecret passes it on; the
   * one remote failure in that domain is an unregistered D-Bus error name. */
  if ((secret_error->domain == G_DBUS_ERROR && is_no_service_dbus_error (secret_error->code)) ||
      (secret_error->domain == G_IO_ERROR && secret_error->code != G_IO_ERROR_DBUS_ERROR) ||
      secret_error->domain == G_SPAWN_ERROR)
    return g_error_new_literal (INFLOW_STORAGE_ERROR,
                                INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE,
                                _("Secure storage is unavailable: no keyring service is running."));

  return g_error_new_literal (INFLOW_STORAGE_ERROR,
                              INFLOW_STORAGE_ERROR_SECRET_FAILED,
                              _("The keyring could not be used."));
}
