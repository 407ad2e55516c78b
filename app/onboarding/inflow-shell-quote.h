/* inflow-shell-quote.h: quoting values and assembling the generated shell commands
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _InflowShellCommand InflowShellCommand;

char               *inflow_shell_quote                     (const char          *value);
void                inflow_shell_append_quoted             (GString             *out,
                                                            const char          *value);
void                inflow_shell_append_quoted_with_expansions (GString         *out,
                                                            const char          *text,
                                                            const char * const  *placeholders,
                                                            const char * const  *expansions);
void                inflow_shell_append_comment            (GString             *out,
                                                            const char          *text);

InflowShellCommand *inflow_shell_command_new               (const char          *words);
void                inflow_shell_command_add               (InflowShellCommand  *command,
                                                            const char          *flag,
                                                            const char          *value);
void                inflow_shell_command_add_expansion     (InflowShellCommand  *command,
                                                            const char          *flag,
                                                            const char          *expansion);
void                inflow_shell_command_add_with_expansions (InflowShellCommand *command,
                                                            const char          *flag,
                                                            const char          *text,
                                                            const char * const  *placeholders,
                                                            const char * const  *expansions);
char               *inflow_shell_command_free_to_string    (InflowShellCommand  *command);
void                inflow_shell_command_free              (InflowShellCommand  *command);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InflowShellCommand, inflow_shell_command_free)

G_END_DECLS
