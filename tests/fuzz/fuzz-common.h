/* fuzz-common.h: what every fuzz target of Inflow shares
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target defines LLVMFuzzerTestOneInput(). With -Dfuzzing=true and
 * clang it links libFuzzer (-fsanitize=fuzzer,address,undefined); in every
 * build it also links fuzz-replay.c, a main() that feeds it the committed
 * corpus as a normal test of the suites 'unit' and 'fuzz'.
 *
 * Besides crashes and sanitizer reports, a target fails (aborts) on:
 *  - a g_critical() or g_warning(): a g_return_if_fail() that input from
 *    outside can reach is a bug too;
 *  - a broken invariant, checked with fuzz_check(): text meant for the
 *    user that is not valid UTF-8, a parse that both fails and succeeds, …
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>
#include <glib-object.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Aborts (SIGABRT, which libFuzzer turns into a crash report with the
 * input) on an error, critical or warning, in any log domain; drops the
 * rest. GLib's own fatal-log path raises SIGTRAP, which libFuzzer does not
 * catch, hence a handler of our own. */
static inline void
fuzz_log_handler (const char     *log_domain,
                  GLogLevelFlags  log_level,
                  const char     *message,
                  gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", log_domain != NULL ? log_domain : "(no domain)", message);
      abort ();
    }
}

static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  g_log_set_default_handler (fuzz_log_handler, NULL);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

#define fuzz_check(expr) \
  G_STMT_START { \
    if G_LIKELY (expr) ; else \
      { \
        fprintf (stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #expr); \
        abort (); \
      } \
  } G_STMT_END

/* Text for the user or the logs must be valid UTF-8. */
#define fuzz_check_utf8(text) \
  fuzz_check ((text) == NULL || g_utf8_validate ((text), -1, NULL))

/* The input as a nul-terminated string (embedded nuls end it early, as
 * they would for any C string the app is given). */
static inline char *
fuzz_strndup (const uint8_t *data,
              size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/* Reads every readable property of @object, as a list row's bindings
 * would, and checks that its strings are valid UTF-8. */
static inline void
fuzz_read_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);

      if (G_VALUE_HOLDS_STRING (&value))
        fuzz_check_utf8 (g_value_get_string (&value));
      else if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        {
          const char * const *strv = g_value_get_boxed (&value);

          for (guint j = 0; strv != NULL && strv[j] != NULL; j++)
            fuzz_check_utf8 (strv[j]);
        }
    }
}
