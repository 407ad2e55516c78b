/* inflow-member-registration.c: one member account of a StackSet, on its way to Vantage
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-member-registration.h"

/* A row of the StackSet method's list of member accounts: what it is
 * called, where its registration stands, in words and in a tone the row
 * shows as style classes. */

struct _InflowMemberRegistration
{
  GObject            parent_instance;

  char              *account_id;
  char              *title;
  char              *role_arn;
  InflowMemberState  state;
  char              *message;
  char              *integration_token;
};

G_DEFINE_FINAL_TYPE (InflowMemberRegistration, inflow_member_registration, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowMemberState, inflow_member_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_WAITING, "waiting"),
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_STACK_DEPLOYING, "stack-deploying"),
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_STACK_FAILED, "stack-failed"),
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_REGISTERING, "registering"),
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_REGISTERED, "registered"),
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_CONNECTED, "connected"),
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_ALREADY_CONNECTED, "already-connected"),
                    G_DEFINE_ENUM_VALUE (INFLOW_MEMBER_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ROLE_ARN,
  PROP_STATE,
  PROP_STATUS,
  PROP_STATUS_CLASSES,
  PROP_BUSY,
  PROP_MESSAGE,
  PROP_INTEGRATION_TOKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
inflow_member_registration_get_status (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), NULL);

  switch (self->state)
    {
    case INFLOW_MEMBER_STATE_WAITING:
      return C_("member account", "Waiting");
    case INFLOW_MEMBER_STATE_STACK_DEPLOYING:
      return C_("member account", "Stack deploying");
    case INFLOW_MEMBER_STATE_STACK_FAILED:
      return C_("member account", "No role");
    case INFLOW_MEMBER_STATE_REGISTERING:
      return C_("member account", "Registering…");
    case INFLOW_MEMBER_STATE_REGISTERED:
      return C_("member account", "Registered");
    case INFLOW_MEMBER_STATE_CONNECTED:
      return C_("member account", "Connected");
    case INFLOW_MEMBER_STATE_ALREADY_CONNECTED:
      return C_("member account", "Already connected");
    case INFLOW_MEMBER_STATE_FAILED:
      return C_("member account", "Failed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The status label's style: a caption in the state's tone. */
static GStrv
dup_status_classes (InflowMemberRegistration *self)
{
  const char *tone = NULL;

  switch (self->state)
    {
    case INFLOW_MEMBER_STATE_CONNECTED:
    case INFLOW_MEMBER_STATE_ALREADY_CONNECTED:
      tone = "success";
      break;
    case INFLOW_MEMBER_STATE_STACK_DEPLOYING:
    case INFLOW_MEMBER_STATE_REGISTERED:
      tone = "warning";
      break;
    case INFLOW_MEMBER_STATE_STACK_FAILED:
    case INFLOW_MEMBER_STATE_FAILED:
      tone = "error";
      break;
    case INFLOW_MEMBER_STATE_WAITING:
    case INFLOW_MEMBER_STATE_REGISTERING:
    default:
      tone = "dim-label";
      break;
    }

  {
    const char * const classes[] = { "caption-heading", tone, NULL };

    return g_strdupv ((GStrv) classes);
  }
}

static char *
dup_subtitle (InflowMemberRegistration *self)
{
  gboolean named = g_strcmp0 (self->title, self->account_id) != 0;

  if (self->message != NULL && named)
    /* Translators: an account ID, then what happened to it */
    return g_strdup_printf (_("%1$s · %2$s"), self->account_id, self->message);
  if (self->message != NULL)
    return g_strdup (self->message);

  return g_strdup (named ? self->account_id : NULL);
}

static void
inflow_member_registration_finalize (GObject *object)
{
  InflowMemberRegistration *self = INFLOW_MEMBER_REGISTRATION (object);

  g_free (self->account_id);
  g_free (self->title);
  g_free (self->role_arn);
  g_free (self->message);
  g_free (self->integration_token);

  G_OBJECT_CLASS (inflow_member_registration_parent_class)->finalize (object);
}

static void
inflow_member_registration_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  InflowMemberRegistration *self = INFLOW_MEMBER_REGISTRATION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_take_string (value, dup_subtitle (self));
      break;

    case PROP_ROLE_ARN:
      g_value_set_string (value, self->role_arn);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_STATUS:
      g_value_set_string (value, inflow_member_registration_get_status (self));
      break;

    case PROP_STATUS_CLASSES:
      g_value_take_boxed (value, dup_status_classes (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->state == INFLOW_MEMBER_STATE_REGISTERING);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_INTEGRATION_TOKEN:
      g_value_set_string (value, self->integration_token);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_member_registration_class_init (InflowMemberRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = inflow_member_registration_finalize;
  object_class->get_property = inflow_member_registration_get_property;

  properties[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, flags);
  /**
   * InflowMemberRegistration:title:
   *
   * The account's name as Vantage lists it, or its ID.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /**
   * InflowMemberRegistration:subtitle:
   *
   * The account ID under a name, and what happened: the API's words, the
   * stack's reason.
   */
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_ROLE_ARN] = g_param_spec_string ("role-arn", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, INFLOW_TYPE_MEMBER_STATE,
                                              INFLOW_MEMBER_STATE_WAITING, flags);
  /**
   * InflowMemberRegistration:status:
   *
   * The state in one or two words.
   */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  /**
   * InflowMemberRegistration:status-classes:
   *
   * Style classes for the status: a caption, in the state's tone.
   */
  properties[PROP_STATUS_CLASSES] = g_param_spec_boxed ("status-classes", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * InflowMemberRegistration:busy:
   *
   * Whether its registration is in flight.
   */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_INTEGRATION_TOKEN] = g_param_spec_string ("integration-token", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_member_registration_init (InflowMemberRegistration *self)
{
}

/**
 * inflow_member_registration_new:
 * @title: (nullable): the account's name, %NULL for its ID
 *
 * Returns: (transfer full): a member waiting to be registered
 */
InflowMemberRegistration *
inflow_member_registration_new (const char *account_id,
                                const char *title,
                                const char *role_arn)
{
  InflowMemberRegistration *self;

  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (role_arn != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_MEMBER_REGISTRATION, NULL);
  self->account_id = g_strdup (account_id);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : account_id);
  self->role_arn = g_strdup (role_arn);

  return self;
}

const char *
inflow_member_registration_get_account_id (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), NULL);

  return self->account_id;
}

const char *
inflow_member_registration_get_title (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), NULL);

  return self->title;
}

const char *
inflow_member_registration_get_role_arn (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), NULL);

  return self->role_arn;
}

InflowMemberState
inflow_member_registration_get_state (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), INFLOW_MEMBER_STATE_WAITING);

  return self->state;
}

const char *
inflow_member_registration_get_message (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), NULL);

  return self->message;
}

const char *
inflow_member_registration_get_integration_token (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), NULL);

  return self->integration_token;
}

/* Whether registering would send its role: waiting, or failed before. */
gboolean
inflow_member_registration_needs_write (InflowMemberRegistration *self)
{
  g_return_val_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self), FALSE);

  return self->state == INFLOW_MEMBER_STATE_WAITING || self->state == INFLOW_MEMBER_STATE_FAILED;
}

/**
 * inflow_member_registration_set_state:
 * @message: (nullable): the API's words, the stack's reason, or %NULL
 */
void
inflow_member_registration_set_state (InflowMemberRegistration *self,
                                      InflowMemberState         state,
                                      const char               *message)
{
  g_return_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
  if (self->state != state)
    {
      gboolean was_busy = self->state == INFLOW_MEMBER_STATE_REGISTERING;

      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_CLASSES]);
      if (was_busy != (state == INFLOW_MEMBER_STATE_REGISTERING))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
inflow_member_registration_set_integration_token (InflowMemberRegistration *self,
                                                  const char               *token)
{
  g_return_if_fail (INFLOW_IS_MEMBER_REGISTRATION (self));

  if (g_strcmp0 (self->integration_token, token) == 0)
    return;

  g_free (self->integration_token);
  self->integration_token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEGRATION_TOKEN]);
}
