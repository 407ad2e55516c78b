/* inflow-sign-in-command.c: `inflow --sign-in`, a sign-in for scripts
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "inflow-api-error.h"
#include "inflow-client.h"
#include "inflow-profile-manager.h"
#include "inflow-sign-in-command.h"
#include "inflow-storage-error.h"

/*
 * `inflow --sign-in --name NAME [--api URL]` signs in as the sign-in dialog
 * does, through the profile manager: the token, read from standard input
 * (never from the command line, where other users and the shell history
 * would see it), is checked with GET /me, then kept in the keyring and the
 * profile in the database, so that the next start of Inflow opens it. One
 * line says how it went: on standard output when signed in, on standard
 * error otherwise, with exit status 1.
 */

/* A Vantage token is some fifty characters; this much is none. */
#define MAX_TOKEN_LENGTH 4096

typedef struct
{
  GMainLoop            *loop;
  char                 *name;
  char                 *base_url;
  char                 *token;
  InflowDatabase       *database;
  InflowProfileManager *manager;
  int                   status;
} SignInCommand;

static void
sign_in_command_clear (SignInCommand *command)
{
  g_clear_pointer (&command->loop, g_main_loop_unref);
  g_clear_pointer (&command->name, g_free);
  g_clear_pointer (&command->base_url, g_free);
  g_clear_pointer (&command->token, inflow_token_free);
  g_clear_object (&command->manager);
  g_clear_object (&command->database);
}

/* Reads the first line of standard input, without echoing it when it is
 * a terminal. Returns the token (free with inflow_token_free()), or NULL
 * with a message. */
static char *
read_token (char **message)
{
  g_autofree char *token = g_malloc0 (MAX_TOKEN_LENGTH + 2);
  gboolean terminal = isatty (STDIN_FILENO);
  gboolean echo_off = FALSE;
  struct termios saved;
  gsize length = 0;
  int read_errno = 0;

  if (terminal)
    {
      g_printerr ("%s", _("API token: "));
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          struct termios quiet = saved;

          quiet.c_lflag &= ~ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  /* A byte at a time, so that nothing after the line is taken from a
   * script's standard input */
  while (length <= MAX_TOKEN_LENGTH)
    {
      char c;
      ssize_t n = read (STDIN_FILENO, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        read_errno = errno;
      if (n <= 0 || c == '\n')
        break;
      token[length++] = c;
    }

  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  if (terminal)
    g_printerr ("\n");

  g_strstrip (token);
  length = strlen (token);

  if (read_errno != 0)
    /* Translators: %s says why */
    *message = g_strdup_printf (_("Cannot read the API token from standard input: %s"), g_strerror (read_errno));
  else if (length == 0)
    *message = g_strdup (_("No API token on standard input. Pipe the token in: Inflow reads it from there, "
                           "never from the command line."));
  else if (length > MAX_TOKEN_LENGTH)
    *message = g_strdup_printf (ngettext ("The first line of standard input is longer than %d character: it is not "
                                            "an API token.",
                                            "The first line of standard input is longer than %d characters: it is not "
                                            "an API token.", MAX_TOKEN_LENGTH), MAX_TOKEN_LENGTH);
  else
    {
      for (gsize i = 0; i < length; i++)
        if (!g_ascii_isgraph (token[i]))
          {
            *message = g_strdup (_("The first line of standard input is not an API token: it holds spaces, "
                                   "control characters or characters other than ASCII letters, digits and "
                                   "punctuation."));
            break;
          }
    }

  if (*message != NULL)
    {
      memset (token, 0, MAX_TOKEN_LENGTH + 2);
      return NULL;
    }

  return g_steal_pointer (&token);
}

/* One line for each way a sign-in fails */
static char *
describe_error (SignInCommand *command,
                const GError  *error)
{
  if (error->domain == INFLOW_API_ERROR)
    {
      switch ((InflowApiError) error->code)
        {
        case INFLOW_API_ERROR_INSECURE_URL:
          /* Translators: %s says why */
          return g_strdup_printf (_("Bad API address: %s"), error->message);

        case INFLOW_API_ERROR_UNAUTHORIZED:
          /* Translators: the first %s is an address, the second says why */
          return g_strdup_printf (_("The API at %s refused the token (HTTP 401): %s"), command->base_url,
                                  error->message);

        case INFLOW_API_ERROR_NETWORK:
          /* Translators: the first %s is an address, the second says why */
          return g_strdup_printf (_("Cannot reach the API at %s: %s"), command->base_url, error->message);

        case INFLOW_API_ERROR_TLS:
          /* Translators: the first %s is an address, the second says why */
          return g_strdup_printf (_("No secure connection to %s: %s"), command->base_url, error->message);

        case INFLOW_API_ERROR_FORBIDDEN:
        case INFLOW_API_ERROR_NOT_FOUND:
        case INFLOW_API_ERROR_VALIDATION:
        case INFLOW_API_ERROR_PAYMENT_REQUIRED:
        case INFLOW_API_ERROR_RATE_LIMITED:
        case INFLOW_API_ERROR_SERVER:
        case INFLOW_API_ERROR_INVALID_RESPONSE:
        case INFLOW_API_ERROR_DEADLINE_EXCEEDED:
        case INFLOW_API_ERROR_LIST_TOO_LONG:
        case INFLOW_API_ERROR_LIST_TOO_SLOW:
        case INFLOW_API_ERROR_FAILED:
        default:
          break;
        }
    }
  else if (error->domain == INFLOW_STORAGE_ERROR)
    /* Translators: %s says why */
    return g_strdup_printf (_("The token is valid but was not saved: %s"), error->message);

  /* Translators: %s says why */
  return g_strdup_printf (_("Cannot sign in: %s"), error->message);
}

static void
fail (SignInCommand *command,
      const char    *message)
{
  g_printerr ("%s\n", message);
  command->status = EXIT_FAILURE;
}

static void
close_database_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SignInCommand *command = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_database_close_finish (INFLOW_DATABASE (source), result, &error))
    g_debug ("The database did not close cleanly: %s", error->message);

  g_main_loop_quit (command->loop);
}

/* Closes the session the sign-in opened (cancelling its first refresh)
 * and the database, after what is queued for it. */
static void
finish (SignInCommand *command)
{
  g_clear_object (&command->manager);

  if (command->database == NULL)
    {
      g_main_loop_quit (command->loop);
      return;
    }

  inflow_database_close_async (command->database, NULL, close_database_cb, command);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SignInCommand *command = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InflowMe) me = NULL;
  InflowSession *session;
  const char *base_url;

  me = inflow_profile_manager_sign_in_finish (INFLOW_PROFILE_MANAGER (source), result, &error);
  if (me == NULL)
    {
      g_autofree char *message = describe_error (command, error);

      fail (command, message);
      finish (command);
      return;
    }

  /* As the client tidied it */
  session = inflow_profile_manager_get_session (command->manager);
  base_url = inflow_profile_get_base_url (inflow_session_get_profile (session));

  if (inflow_me_has_scope (me, "write"))
    /* Translators: the first %s is the profile's name, the second the API address */
    g_print (_("Signed in to “%s” at %s with a read and write token; the token is in the keyring.\n"),
             command->name, base_url);
  else
    /* Translators: the first %s is the profile's name, the second the API address */
    g_print (_("Signed in to “%s” at %s with a read-only token; the token is in the keyring.\n"),
             command->name, base_url);

  command->status = EXIT_SUCCESS;
  finish (command);
}

static void
read_profiles_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SignInCommand *command = user_data;
  g_autoptr(GError) error = NULL;

  if (!inflow_profile_manager_read_finish (INFLOW_PROFILE_MANAGER (source), result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot read Inflow’s profiles: %s"), error->message);
      fail (command, message);
      finish (command);
      return;
    }

  /* Profiles read first, so that signing in to a stored one again keeps it */
  inflow_profile_manager_sign_in_async (command->manager, command->name, command->token, command->base_url,
                                        FALSE, NULL, sign_in_cb, command);
}

static void
database_open_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SignInCommand *command = user_data;
  g_autoptr(GError) error = NULL;

  command->database = inflow_database_open_finish (result, &error);
  if (command->database == NULL)
    {
      g_autofree char *message = NULL;

      /* Without the database nothing would be kept */
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot open Inflow’s database, so nothing can be saved: %s"), error->message);
      fail (command, message);
      finish (command);
      return;
    }

  command->manager = inflow_profile_manager_new (command->database, NULL);
  inflow_profile_manager_read_async (command->manager, NULL, read_profiles_cb, command);
}

/**
 * inflow_sign_in_command_handle_options:
 * @options: the command line options of the application
 *
 * Handles `--sign-in`, `--name NAME` and `--api URL` (default: the Vantage
 * API): reads the token from standard input and signs in, waiting until
 * it is done.
 *
 * Returns: the exit status, or -1 when @options ask for no sign-in
 */
int
inflow_sign_in_command_handle_options (GVariantDict *options)
{
  SignInCommand command = { NULL, };
  const char *name = NULL;
  const char *base_url = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  g_variant_dict_lookup (options, "name", "&s", &name);
  g_variant_dict_lookup (options, "api", "&s", &base_url);

  if (!g_variant_dict_contains (options, "sign-in"))
    {
      if (name == NULL && base_url == NULL)
        return -1;

      g_printerr ("%s\n", _("--name and --api go with --sign-in."));
      return EXIT_FAILURE;
    }

  command.name = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*command.name == '\0')
    {
      g_printerr ("%s\n", _("Name the profile: inflow --sign-in --name NAME [--api URL]."));
      sign_in_command_clear (&command);
      return EXIT_FAILURE;
    }

  command.token = read_token (&message);
  if (command.token == NULL)
    {
      g_printerr ("%s\n", message);
      sign_in_command_clear (&command);
      return EXIT_FAILURE;
    }

  command.base_url = g_strstrip (g_strdup (base_url != NULL && *base_url != '\0'
                                           ? base_url : INFLOW_CLIENT_DEFAULT_BASE_URL));
  command.status = EXIT_FAILURE;
  command.loop = g_main_loop_new (NULL, FALSE);
  inflow_database_open_async (NULL, NULL, database_open_cb, &command);
  g_main_loop_run (command.loop);

  sign_in_command_clear (&command);

  return command.status;
}
