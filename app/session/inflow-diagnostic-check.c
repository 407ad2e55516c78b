/* inflow-diagnostic-check.c: one line of Diagnostics: a check, its result and when it ran
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-diagnostics"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-diagnostic-check.h"

/**
 * InflowDiagnosticCheck:
 *
 * The view-model of one row of Diagnostics: what was checked, the state it
 * found, the detail in a sentence and when it ran (server time). Made and
 * updated by #InflowDiagnostics.
 */
struct _InflowDiagnosticCheck
{
  GObject           parent_instance;

  InflowCheck       kind;
  InflowCheckState  state;
  char             *detail;
  GDateTime        *checked_at;
  char             *subtitle;
};

G_DEFINE_FINAL_TYPE (InflowDiagnosticCheck, inflow_diagnostic_check, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowCheckState, inflow_check_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_STATE_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_STATE_INFO, "info"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_STATE_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_STATE_ERROR, "failed"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_STATE_UNKNOWN, "unknown"))

G_DEFINE_ENUM_TYPE (InflowCheck, inflow_check,
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_KEYRING, "keyring"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_API, "api"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_SCOPES, "scopes"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_CLOCK, "clock"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_RATE_BUDGET, "rate-budget"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_LAST_REFRESH, "last-refresh"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_REQUEST_RATE, "request-rate"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_HISTORY, "history"),
                    G_DEFINE_ENUM_VALUE (INFLOW_CHECK_BACKGROUND, "background"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_DETAIL,
  PROP_CHECKED_AT,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * inflow_check_state_get_label:
 * @state: a state
 *
 * Returns: the state in a word: "OK", "Failed"
 */
const char *
inflow_check_state_get_label (InflowCheckState state)
{
  switch (state)
    {
    case INFLOW_CHECK_STATE_PENDING:
      return C_("check state", "Checking");
    case INFLOW_CHECK_STATE_OK:
      return C_("check state", "OK");
    case INFLOW_CHECK_STATE_INFO:
      return C_("check state", "Note");
    case INFLOW_CHECK_STATE_WARNING:
      return C_("check state", "Warning");
    case INFLOW_CHECK_STATE_ERROR:
      return C_("check state", "Failed");
    case INFLOW_CHECK_STATE_UNKNOWN:
    default:
      return C_("check state", "Unknown");
    }
}

static const char *
check_title (InflowCheck check)
{
  switch (check)
    {
    case INFLOW_CHECK_KEYRING:
      return _("Keyring");
    case INFLOW_CHECK_API:
      return _("Vantage API Reachable");
    case INFLOW_CHECK_SCOPES:
      return _("Token Scopes");
    case INFLOW_CHECK_CLOCK:
      return _("Server Clock Offset");
    case INFLOW_CHECK_RATE_BUDGET:
      return _("Rate Budget");
    case INFLOW_CHECK_LAST_REFRESH:
      return _("Last Refresh");
    case INFLOW_CHECK_REQUEST_RATE:
      return _("Request Rate");
    case INFLOW_CHECK_HISTORY:
      return _("Ingestion History");
    case INFLOW_CHECK_BACKGROUND:
      return _("Background");
    case INFLOW_N_CHECKS:
    default:
      return "";
    }
}

static void
inflow_diagnostic_check_finalize (GObject *object)
{
  InflowDiagnosticCheck *self = INFLOW_DIAGNOSTIC_CHECK (object);

  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->checked_at, g_date_time_unref);

  G_OBJECT_CLASS (inflow_diagnostic_check_parent_class)->finalize (object);
}

static void
inflow_diagnostic_check_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  InflowDiagnosticCheck *self = INFLOW_DIAGNOSTIC_CHECK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, check_title (self->kind));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, inflow_check_state_get_label (self->state));
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_CHECKED_AT:
      g_value_set_boxed (value, self->checked_at);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_diagnostic_check_class_init (InflowDiagnosticCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = inflow_diagnostic_check_finalize;
  object_class->get_property = inflow_diagnostic_check_get_property;

  /**
   * InflowDiagnosticCheck:kind:
   *
   * Which check.
   */
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, INFLOW_TYPE_CHECK, INFLOW_CHECK_KEYRING, flags);

  /**
   * InflowDiagnosticCheck:title:
   *
   * Its name, a heading: "Server Clock Offset".
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  /**
   * InflowDiagnosticCheck:state:
   *
   * What it found.
   */
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, INFLOW_TYPE_CHECK_STATE,
                                              INFLOW_CHECK_STATE_PENDING, flags);

  /**
   * InflowDiagnosticCheck:state-label:
   *
   * The state in a word.
   */
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);

  /**
   * InflowDiagnosticCheck:detail:
   *
   * What it found, in a sentence or two.
   */
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);

  /**
   * InflowDiagnosticCheck:checked-at:
   *
   * When it ran (server time), or %NULL while it runs.
   */
  properties[PROP_CHECKED_AT] = g_param_spec_boxed ("checked-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  /**
   * InflowDiagnosticCheck:subtitle:
   *
   * The detail, and the time it ran on a line of its own.
   */
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_diagnostic_check_init (InflowDiagnosticCheck *self)
{
  self->state = INFLOW_CHECK_STATE_PENDING;
  self->subtitle = g_strdup ("");
}

/**
 * inflow_diagnostic_check_new:
 * @kind: which check
 *
 * Returns: (transfer full): a pending check
 */
InflowDiagnosticCheck *
inflow_diagnostic_check_new (InflowCheck kind)
{
  InflowDiagnosticCheck *self;

  g_return_val_if_fail (kind < INFLOW_N_CHECKS, NULL);

  self = g_object_new (INFLOW_TYPE_DIAGNOSTIC_CHECK, NULL);
  self->kind = kind;

  return self;
}

InflowCheck
inflow_diagnostic_check_get_kind (InflowDiagnosticCheck *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (self), INFLOW_CHECK_KEYRING);

  return self->kind;
}

const char *
inflow_diagnostic_check_get_title (InflowDiagnosticCheck *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (self), NULL);

  return check_title (self->kind);
}

InflowCheckState
inflow_diagnostic_check_get_state (InflowDiagnosticCheck *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (self), INFLOW_CHECK_STATE_UNKNOWN);

  return self->state;
}

const char *
inflow_diagnostic_check_get_detail (InflowDiagnosticCheck *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (self), NULL);

  return self->detail;
}

/**
 * inflow_diagnostic_check_get_checked_at:
 * @self: a check
 *
 * Returns: (nullable): when it ran (server time)
 */
GDateTime *
inflow_diagnostic_check_get_checked_at (InflowDiagnosticCheck *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (self), NULL);

  return self->checked_at;
}

const char *
inflow_diagnostic_check_get_subtitle (InflowDiagnosticCheck *self)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (self), NULL);

  return self->subtitle;
}

/**
 * inflow_diagnostic_check_set_result:
 * @self: a check
 * @state: what it found
 * @detail: (nullable): in a sentence or two
 * @checked_at: (nullable): when it ran (server time); %NULL while it runs
 */
void
inflow_diagnostic_check_set_result (InflowDiagnosticCheck *self,
                                    InflowCheckState       state,
                                    const char            *detail,
                                    GDateTime             *checked_at)
{
  g_return_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_LABEL]);
    }

  if (g_strcmp0 (self->detail, detail) != 0)
    {
      g_free (self->detail);
      self->detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
    }

  g_clear_pointer (&self->checked_at, g_date_time_unref);
  if (checked_at != NULL)
    self->checked_at = g_date_time_ref (checked_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED_AT]);

  g_free (self->subtitle);
  if (self->checked_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->checked_at);
      /* Translators: a time of day with seconds, in g_date_time_format() notation */
      g_autofree char *when = g_date_time_format (local, _("%H:%M:%S"));

      /* Translators: what a check found, then the time it ran like "14:20:05" */
      self->subtitle = g_strdup_printf (_("%s\nChecked at %s"), detail != NULL ? detail : "", when);
    }
  else
    {
      self->subtitle = g_strdup (detail != NULL ? detail : "");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);

  g_object_thaw_notify (G_OBJECT (self));
}
