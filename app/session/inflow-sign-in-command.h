/* inflow-sign-in-command.h: `inflow --sign-in`, a sign-in for scripts
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int inflow_sign_in_command_handle_options (GVariantDict *options);

G_END_DECLS
