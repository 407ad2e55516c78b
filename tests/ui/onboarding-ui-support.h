/* onboarding-ui-support.h: a signed-in session against the simulator, for the onboarding UI tests
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "inflow-session.h"
#include "inflow-simulator.h"

G_BEGIN_DECLS

typedef struct
{
  InflowSimulator *sim;
  InflowClient    *client;
  InflowSession   *session;
} OnboardingEnv;

void           onboarding_ui_init                  (void);
OnboardingEnv *onboarding_env_new                  (const char    *token);
void           onboarding_env_free                 (OnboardingEnv *env);
void           onboarding_env_drop_management      (OnboardingEnv *env);
const char    *onboarding_env_find_aws_integration (OnboardingEnv *env,
                                                    gboolean       management);

void           onboarding_env_record_old_info      (OnboardingEnv *env,
                                                    const char    *integration_token);

GtkWindow     *onboarding_recording_window_new     (GPtrArray     *activations);
void           onboarding_flush                    (void);
gboolean       onboarding_wait_for                 (gboolean     (*check) (gpointer data),
                                                    gpointer        data);
GtkWidget     *onboarding_find_widget              (GtkWidget     *root,
                                                    GType          type,
                                                    const char    *label);

GtkWidget     *onboarding_find_named               (GtkWidget     *root,
                                                    const char    *name);
GtkWidget     *onboarding_find_code_view           (GtkWidget     *root,
                                                    const char    *title);
GtkWidget     *onboarding_template_child           (GtkWidget     *widget,
                                                    GType          type,
                                                    const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnboardingEnv, onboarding_env_free)

G_END_DECLS
