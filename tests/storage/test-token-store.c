/* test-token-store.c: the keyring token store, against the real gnome-keyring
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyring cases need a D-Bus session with gnome-keyring running and its
 * login keyring unlocked, as build-aux/test-session provides; without one
 * they fail (they never skip). The "no secret service" cases make their own
 * environment in a subprocess.
 */

#include "config.h"

#include <libsecret/secret.h>
#include <string.h>

#include "inflow-database.h"
#include "inflow-storage-error.h"
#include "inflow-test-utils.h"
#include "inflow-token-store.h"

typedef struct
{
  InflowTokenStore *store;
  GPtrArray        *profile_ids;  /* cleared from the keyring in teardown */
} Fixture;

/* Synchronous wrappers over the async API, iterating the main context. */

static gboolean
store_token (InflowTokenStore  *store,
             const char        *profile_id,
             const char        *profile_name,
             const char        *token,
             GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_token_store_store_async (store, profile_id, profile_name, token, NULL,
                                  inflow_test_store_result_cb, &result);
  return inflow_token_store_store_finish (store, inflow_test_wait_result (&result), error);
}

static char *
lookup_token (InflowTokenStore  *store,
              const char        *profile_id,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_token_store_lookup_async (store, profile_id, cancellable, inflow_test_store_result_cb, &result);
  return inflow_token_store_lookup_finish (store, inflow_test_wait_result (&result), error);
}

static gboolean
clear_token (InflowTokenStore  *store,
             const char        *profile_id,
             GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  inflow_token_store_clear_async (store, profile_id, NULL, inflow_test_store_result_cb, &result);
  return inflow_token_store_clear_finish (store, inflow_test_wait_result (&result), error);
}

/* A new profile ID, remembered for cleanup. */
static const char *
new_profile_id (Fixture *fixture)
{
  char *id = g_uuid_string_random ();

  g_ptr_array_add (fixture->profile_ids, id);
  return id;
}

/* Fails loudly, with a hint, when no keyring answers. */
static void
assert_keyring_reachable (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *token;

  token = lookup_token (fixture->store, new_profile_id (fixture), NULL, &error);
  g_assert_null (token);
  if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE))
    g_printerr ("# The keyring tests need a D-Bus session with gnome-keyring; run them as\n"
                "# xvfb-run -a dbus-run-session -- ./build-aux/test-session meson test ...\n");
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->store = inflow_token_store_new ();
  fixture->profile_ids = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < fixture->profile_ids->len; i++)
    clear_token (fixture->store, g_ptr_array_index (fixture->profile_ids, i), NULL);

  g_clear_pointer (&fixture->profile_ids, g_ptr_array_unref);
  g_clear_object (&fixture->store);
}

static void
test_store_lookup_clear (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *id;
  char *token;

  assert_keyring_reachable (fixture);
  id = new_profile_id (fixture);

  g_assert_true (store_token (fixture->store, id, "Acme", "vntg_tkn_store_lookup_clear", &error));
  g_assert_no_error (error);

  token = lookup_token (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_store_lookup_clear");
  inflow_token_free (token);

  g_assert_true (clear_token (fixture->store, id, &error));
  g_assert_no_error (error);

  token = lookup_token (fixture->store, id, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* Clearing what is not there succeeds. */
  g_assert_true (clear_token (fixture->store, id, &error));
  g_assert_no_error (error);
}

static void
test_profiles_isolated (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *first, *second;
  char *token;

  assert_keyring_reachable (fixture);
  first = new_profile_id (fixture);
  second = new_profile_id (fixture);

  g_assert_true (store_token (fixture->store, first, "First", "vntg_tkn_first", &error));
  g_assert_no_error (error);
  g_assert_true (store_token (fixture->store, second, "Second", "vntg_tkn_second", &error));
  g_assert_no_error (error);

  token = lookup_token (fixture->store, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_first");
  inflow_token_free (token);

  token = lookup_token (fixture->store, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_second");
  inflow_token_free (token);

  /* Clearing one leaves the other. */
  g_assert_true (clear_token (fixture->store, first, &error));
  g_assert_no_error (error);

  token = lookup_token (fixture->store, first, NULL, &error);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
  g_assert_null (token);
  g_clear_error (&error);

  token = lookup_token (fixture->store, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_second");
  inflow_token_free (token);
}

static void
test_overwrite (Fixture       *fixture,
                gconstpointer  data)
{
  static const SecretSchema schema = {
    APPLICATION_ID, SECRET_SCHEMA_NONE,
    {
      { "profile-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "version", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { NULL, 0 },
    }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GList *items;
  const char *id;
  char *token;

  assert_keyring_reachable (fixture);
  id = new_profile_id (fixture);

  g_assert_true (store_token (fixture->store, id, "Old name", "vntg_tkn_old", &error));
  g_assert_no_error (error);
  g_assert_true (store_token (fixture->store, id, "New name", "vntg_tkn_new", &error));
  g_assert_no_error (error);

  token = lookup_token (fixture->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "vntg_tkn_new");
  inflow_token_free (token);

  /* One item, in the schema named after the app ID, labelled for the user. */
  items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL, NULL, &error,
                                       "profile-id", id, "version", 1, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "Vantage API token for New name");
  g_list_free_full (items, g_object_unref);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *token;

  token = lookup_token (fixture->store, new_profile_id (fixture), NULL, &error);
  g_assert_null (token);
  if (g_error_matches (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE))
    g_printerr ("# This test needs a D-Bus session with gnome-keyring\n");
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NOT_FOUND);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  char *token;

  assert_keyring_reachable (fixture);

  g_cancellable_cancel (cancellable);
  token = lookup_token (fixture->store, new_profile_id (fixture), cancellable, &error);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The token never reaches the database */

static InflowDatabase *
open_database (const char *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  InflowDatabase *db;

  inflow_database_open_async (path, NULL, inflow_test_store_result_cb, &result);
  db = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return db;
}

#define WAIT_OK(db, async_call, finish_fn)                                      \
  G_STMT_START {                                                                \
    g_autoptr(GAsyncResult) r_ = NULL;                                          \
    g_autoptr(GError) e_ = NULL;                                                \
    async_call;                                                                 \
    g_assert_true (finish_fn (db, inflow_test_wait_result (&r_), &e_));        \
    g_assert_no_error (e_);                                                     \
  } G_STMT_END

/* The database file and its WAL, concatenated. */
static GByteArray *
read_database_bytes (const char *path)
{
  static const char * const suffixes[] = { "", "-wal" };
  GByteArray *bytes = g_byte_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (file, &contents, &length, NULL))
        g_byte_array_append (bytes, (const guint8 *) contents, length);
    }

  return bytes;
}

static gboolean
bytes_contain (GByteArray *bytes,
               const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= bytes->len; i++)
    {
      if (memcmp (bytes->data + i, needle, length) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_token_not_in_database (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *token = "vntg_tkn_5f3c9e1d7a2b4c6e8f0a1b2c3d4e5f6a";
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "security", "inflow.db", NULL);
  g_autoptr(InflowDatabase) db = NULL;
  g_autoptr(InflowProfile) profile = NULL;
  g_autoptr(InflowObservation) observation = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *found;

  assert_keyring_reachable (fixture);

  /* The way the app signs in: the profile in the database, the token in
   * the keyring, then the first lists and observations. */
  profile = inflow_profile_new ("Security Check Org", "https://api.vantage.sh");
  g_ptr_array_add (fixture->profile_ids, g_strdup (inflow_profile_get_id (profile)));
  db = open_database (path);

  WAIT_OK (db, inflow_database_save_profile_async (db, profile, NULL, inflow_test_store_result_cb, &r_),
           inflow_database_save_profile_finish);
  g_assert_true (store_token (fixture->store, inflow_profile_get_id (profile),
                              inflow_profile_get_name (profile), token, &error));
  g_assert_no_error (error);
  WAIT_OK (db, inflow_database_put_cached_list_async (db, inflow_profile_get_id (profile),
                                                      INFLOW_CACHED_LIST_INTEGRATIONS,
                                                      "{\"integrations\":[{\"token\":\"accss_crdntl_1\"}]}",
                                                      now, NULL, inflow_test_store_result_cb, &r_),
           inflow_database_put_cached_list_finish);
  observation = inflow_observation_new (inflow_profile_get_id (profile), "accss_crdntl_1", now,
                                        "connected", now, NULL, FALSE);
  WAIT_OK (db, inflow_database_add_observation_async (db, observation, NULL, inflow_test_store_result_cb, &r_),
           inflow_database_add_observation_finish);

  /* The token is in the keyring... */
  found = lookup_token (fixture->store, inflow_profile_get_id (profile), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, token);
  inflow_token_free (found);

  /* ...and in neither the database nor its WAL, while open (the WAL holds
   * the new rows) and after closing (checkpointed into the file). The
   * profile's name is there, which shows the scan reads the data. */
  bytes = read_database_bytes (path);
  g_assert_true (bytes_contain (bytes, "Security Check Org"));
  g_assert_false (bytes_contain (bytes, token));
  g_clear_pointer (&bytes, g_byte_array_unref);

  WAIT_OK (db, inflow_database_close_async (db, NULL, inflow_test_store_result_cb, &r_),
           inflow_database_close_finish);

  bytes = read_database_bytes (path);
  g_assert_true (bytes_contain (bytes, "Security Check Org"));
  g_assert_true (bytes_contain (bytes, "accss_crdntl_1"));
  g_assert_false (bytes_contain (bytes, token));
}

/* No Secret Service */

static void
assert_no_secret_service (void)
{
  g_autoptr(InflowTokenStore) store = inflow_token_store_new ();
  g_autoptr(GError) error = NULL;
  char *token;

  token = lookup_token (store, "0d3b1e62-5a47-4c1f-9d63-2f8f3c0b8a11", NULL, &error);
  g_assert_null (token);
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
  g_assert_nonnull (strstr (error->message, "Secure storage is unavailable"));
  g_clear_error (&error);

  g_assert_false (store_token (store, "0d3b1e62-5a47-4c1f-9d63-2f8f3c0b8a11", "Acme",
                               "vntg_tkn_nowhere", &error));
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
  g_assert_null (strstr (error->message, "vntg_tkn_nowhere"));
  g_clear_error (&error);

  g_assert_false (clear_token (store, "0d3b1e62-5a47-4c1f-9d63-2f8f3c0b8a11", &error));
  g_assert_error (error, INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
}

/* The session bus address points to a socket that does not exist. */
static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("SECRET_BACKEND");
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/inflow-test/bus", TRUE);
      assert_no_secret_service ();
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A private session bus where nothing owns or can start the Secret Service. */
static void
test_empty_bus (void)
{
  /* libsecret keeps its bus connection, and disposing of a GTestDBus waits
   * (30 s) for the connection to go: the subprocess keeps the object. Nor
   * does it stop the bus: the keyring thread would see its connection close
   * and, as GDBus does for the session bus, end the process. The bus stops
   * when the subprocess ends. */
  static GTestDBus *bus;

  if (g_test_subprocess ())
    {
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_unsetenv ("SECRET_BACKEND");
      g_test_dbus_up (bus);
      assert_no_secret_service ();
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The mapping of libsecret and GDBus errors */

static void
assert_mapped (GQuark   domain,
               int      code,
               gboolean cancelled_by_caller,
               GQuark   expected_domain,
               int      expected_code)
{
  g_autoptr(GError) raw = g_error_new_literal (domain, code, "raw detail");
  g_autoptr(GError) mapped = inflow_storage_error_new_from_secret (raw, cancelled_by_caller);

  g_assert_error (mapped, expected_domain, expected_code);
  if (expected_domain == INFLOW_STORAGE_ERROR)
    g_assert_cmpstr (mapped->message, !=, "raw detail");
}

static void
test_error_mapping (void)
{
  /* No bus, or nobody on it. */
  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
  assert_mapped (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);
  assert_mapped (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_NO_SECRET_SERVICE);

  /* A locked keyring, a dismissed prompt. */
  assert_mapped (SECRET_ERROR, SECRET_ERROR_IS_LOCKED, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);
  assert_mapped (G_IO_ERROR, G_IO_ERROR_CANCELLED, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_LOCKED_OR_DISMISSED);

  /* The caller's own cancellation stays one. */
  assert_mapped (G_IO_ERROR, G_IO_ERROR_CANCELLED, TRUE,
                 G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Anything else. */
  assert_mapped (SECRET_ERROR, SECRET_ERROR_PROTOCOL, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_SECRET_FAILED);
  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_SECRET_FAILED);
  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_FAILED, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_SECRET_FAILED);
  assert_mapped (G_IO_ERROR, G_IO_ERROR_DBUS_ERROR, FALSE,
                 INFLOW_STORAGE_ERROR, INFLOW_STORAGE_ERROR_SECRET_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/storage/token-store/store-lookup-clear", test_store_lookup_clear);
  ADD ("/storage/token-store/profiles-isolated", test_profiles_isolated);
  ADD ("/storage/token-store/overwrite", test_overwrite);
  ADD ("/storage/token-store/not-found", test_not_found);
  ADD ("/storage/token-store/cancelled", test_cancelled);
  ADD ("/storage/token-store/token-not-in-database", test_token_not_in_database);
#undef ADD

  g_test_add_func ("/storage/token-store/no-secret-service/no-bus", test_no_bus);
  g_test_add_func ("/storage/token-store/no-secret-service/empty-bus", test_empty_bus);
  g_test_add_func ("/storage/token-store/error-mapping", test_error_mapping);

  return inflow_test_run ();
}
