/* test-sign-in-command.c: `inflow --sign-in`, run as an admin's script runs it
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the inflow binary (the program's argument) with the token on its
 * standard input against the simulator, in this program's temporary home
 * folder, and looks at what it printed, its exit status, the keyring (the
 * D-Bus session with gnome-keyring of build-aux/test-session) and the
 * profiles in the database.
 */

#include "config.h"

#include <string.h>

#include "inflow-profile-manager.h"
#include "inflow-simulator.h"
#include "inflow-test-utils.h"

static const char *inflow_path;

typedef struct
{
  InflowSimulator *sim;
  char            *base_url;
  char            *token;
  char            *read_token;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs inflow with @args and @input on its standard input, while the
 * simulator answers on this main context. */
static void
run_inflow (Run               *run,
            const char        *input,
            const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) inflow_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, input, NULL, inflow_test_store_result_cb, &result);
  g_subprocess_communicate_utf8_finish (process, inflow_test_wait_result (&result), &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
sign_in (Run        *run,
         const char *input,
         const char *name,
         const char *base_url)
{
  const char *args[] = { "--sign-in", "--name", name, "--api", base_url, NULL };

  run_inflow (run, input, args);
}

/* The stored profiles, read as the application reads them */
static InflowProfileManager *
read_profiles (InflowDatabase **database_out)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowDatabase) database = NULL;
  InflowProfileManager *manager;

  inflow_database_open_async (NULL, NULL, inflow_test_store_result_cb, &result);
  database = inflow_database_open_finish (inflow_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  manager = inflow_profile_manager_new (database, NULL);
  inflow_profile_manager_read_async (manager, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_profile_manager_read_finish (manager, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);

  /* Reading activates nothing */
  g_assert_null (inflow_profile_manager_get_session (manager));

  *database_out = g_steal_pointer (&database);
  return manager;
}

static void
close_database (InflowDatabase *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  inflow_database_close_async (database, NULL, inflow_test_store_result_cb, &result);
  g_assert_true (inflow_database_close_finish (database, inflow_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static guint
count_profiles (void)
{
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = read_profiles (&database);
  guint n = g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager));

  g_clear_object (&manager);
  close_database (database);

  return n;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *uuid2 = g_uuid_string_random ();

  fixture->token = g_strconcat ("vntg_tkn_cli_", uuid, NULL);
  fixture->read_token = g_strconcat ("vntg_tkn_cli_read_", uuid2, NULL);
  fixture->sim = inflow_simulator_new (5, 0, 0);
  inflow_simulator_set_tokens (fixture->sim, fixture->token, fixture->read_token);
  g_assert_true (inflow_simulator_listen (fixture->sim, 0, &error));
  g_assert_no_error (error);
  fixture->base_url = g_strdup (inflow_simulator_get_base_url (fixture->sim));
}

/* Removes every profile, with its token, from the database and the keyring */
static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = read_profiles (&database);
  GListModel *profiles = inflow_profile_manager_get_profiles (manager);

  while (g_list_model_get_n_items (profiles) > 0)
    {
      g_autoptr(InflowProfile) profile = g_list_model_get_item (profiles, 0);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      inflow_profile_manager_remove_async (manager, profile, NULL, inflow_test_store_result_cb, &result);
      g_assert_true (inflow_profile_manager_remove_finish (manager, inflow_test_wait_result (&result), &error));
      g_assert_no_error (error);
    }
  g_clear_object (&manager);
  close_database (database);

  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->base_url, g_free);
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->read_token, g_free);
}

static void
assert_one_line (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
test_signs_in (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) again = { 0, };
  g_auto(Run) reader = { 0, };
  g_autofree char *input = g_strdup_printf ("%s\n", fixture->token);
  g_autofree char *read_input = g_strdup_printf ("  %s  ", fixture->read_token);
  g_autoptr(InflowDatabase) database = NULL;
  g_autoptr(InflowProfileManager) manager = NULL;
  g_autofree char *first_id = NULL;
  InflowProfile *profile;

  sign_in (&run, input, "Acme", fixture->base_url);
  g_assert_cmpint (run.status, ==, 0);
  assert_one_line (run.out);
  g_assert_nonnull (strstr (run.out, "Signed in to “Acme”"));
  g_assert_nonnull (strstr (run.out, fixture->base_url));
  g_assert_nonnull (strstr (run.out, "read and write"));
  g_assert_cmpstr (run.err, ==, "");
  g_assert_null (strstr (run.out, fixture->token));

  /* The token in the keyring, the profile in the database */
  g_assert_true (inflow_test_keyring_holds_secret (fixture->token));
  manager = read_profiles (&database);
  g_assert_cmpuint (g_list_model_get_n_items (inflow_profile_manager_get_profiles (manager)), ==, 1);
  profile = g_list_model_get_item (inflow_profile_manager_get_profiles (manager), 0);
  g_assert_cmpstr (inflow_profile_get_name (profile), ==, "Acme");
  g_assert_cmpstr (inflow_profile_get_base_url (profile), ==, fixture->base_url);
  first_id = g_strdup (inflow_profile_get_id (profile));
  g_assert_cmpuint (inflow_test_keyring_items_of (first_id), ==, 1);
  g_object_unref (profile);
  g_clear_object (&manager);
  close_database (database);
  g_clear_object (&database);

  /* Signing in to the same profile again keeps it */
  sign_in (&again, input, "Acme", fixture->base_url);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpuint (count_profiles (), ==, 1);
  g_assert_cmpuint (inflow_test_keyring_items_of (first_id), ==, 1);

  /* A read-only token says so; white space around it is no part of it */
  sign_in (&reader, read_input, "Reader", fixture->base_url);
  g_assert_cmpint (reader.status, ==, 0);
  g_assert_nonnull (strstr (reader.out, "Signed in to “Reader”"));
  g_assert_nonnull (strstr (reader.out, "read-only"));
  g_assert_true (inflow_test_keyring_holds_secret (fixture->read_token));
  g_assert_cmpuint (count_profiles (), ==, 2);
}

/* A failed sign-in says why in one line on standard error and keeps nothing. */
static void
assert_refused (Run        *run,
                const char *message,
                const char *secret)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  assert_one_line (run->err);
  if (strstr (run->err, message) == NULL)
    g_error ("Expected “%s” in “%s”", message, run->err);
  g_assert_cmpuint (count_profiles (), ==, 0);
  if (secret != NULL)
    {
      g_assert_null (strstr (run->err, secret));
      g_assert_false (inflow_test_keyring_holds_secret (secret));
    }
}

static void
test_empty_token (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const inputs[] = { "", "\n", "  \t \nvntg_tkn_on_the_second_line\n" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_auto(Run) run = { 0, };

      sign_in (&run, inputs[i], "Acme", fixture->base_url);
      assert_refused (&run, "No API token on standard input", NULL);
    }
}

/* A token given as an argument is never used: standard input is read. */
static void
test_token_argument (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  const char *args[] = { "--sign-in", "--name", "Acme", "--api", fixture->base_url, fixture->token, NULL };

  run_inflow (&run, "", args);
  assert_refused (&run, "No API token on standard input", fixture->token);
}

static void
test_not_a_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) long_run = { 0, };
  g_autofree char *long_token = g_strnfill (5000, 'a');

  sign_in (&run, "vntg tkn with spaces", "Acme", fixture->base_url);
  assert_refused (&run, "is not an API token", NULL);

  sign_in (&long_run, long_token, "Acme", fixture->base_url);
  assert_refused (&long_run, "longer than 4096 characters", NULL);
}

static void
test_refused_token (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0, };
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *wrong = g_strconcat ("vntg_tkn_wrong_", uuid, NULL);

  sign_in (&run, wrong, "Acme", fixture->base_url);
  assert_refused (&run, "refused the token (HTTP 401)", wrong);
}

static void
test_bad_url (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const urls[] = { "http://example.com", "not a url", "ftp://127.0.0.1/" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_auto(Run) run = { 0, };

      sign_in (&run, fixture->token, "Acme", urls[i]);
      assert_refused (&run, "Bad API address", fixture->token);
    }
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(InflowSimulator) gone = inflow_simulator_new (5, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_auto(Run) run = { 0, };

  /* A port that was free a moment ago and that nothing listens on now */
  g_assert_true (inflow_simulator_listen (gone, 0, &error));
  url = g_strdup (inflow_simulator_get_base_url (gone));
  g_clear_object (&gone);

  sign_in (&run, fixture->token, "Acme", url);
  assert_refused (&run, "Cannot reach the API at", fixture->token);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *no_name[] = { "--sign-in", "--api", fixture->base_url, NULL };
  const char *blank_name[] = { "--sign-in", "--name", "  ", NULL };
  const char *no_sign_in[] = { "--name", "Acme", "--api", fixture->base_url, NULL };
  const char * const *cases[] = { no_name, blank_name, no_sign_in };
  const char *messages[] = { "Name the profile", "Name the profile", "go with --sign-in" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0, };

      run_inflow (&run, fixture->token, cases[i]);
      assert_refused (&run, messages[i], fixture->token);
    }
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);

  if (argc < 2)
    g_error ("Usage: %s PATH-OF-INFLOW", argv[0]);
  inflow_path = argv[1];

#define ADD(path, func) \
  g_test_add ("/sign-in-command/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("signs-in", test_signs_in);
  ADD ("empty-token", test_empty_token);
  ADD ("token-argument", test_token_argument);
  ADD ("not-a-token", test_not_a_token);
  ADD ("refused-token", test_refused_token);
  ADD ("bad-url", test_bad_url);
  ADD ("unreachable", test_unreachable);
  ADD ("usage", test_usage);

  return inflow_test_run ();
}
