/* inflow-role-waiter.c: waiting for Vantage to see a role registered elsewhere
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-aws-connector.h"
#include "inflow-role-waiter.h"

/*
 * Vantage's Terraform module, its own CloudFormation stack and a StackSet
 * register the role with Vantage themselves: Inflow has nothing to send,
 * only to notice. The waiter runs the connector's budgeted poll of the
 * integrations list (inflow_aws_connector_wait_async()) for one account, or
 * for any AWS integration the session did not list when the wait began,
 * and says how it went. The session lists what it finds at once.
 */

struct _InflowRoleWaiter
{
  GObject              parent_instance;

  InflowSession       *session;
  GCancellable        *cancellable;
  InflowRoleWaitState  state;
  char                *message;
  char                *integration_token;
};

G_DEFINE_FINAL_TYPE (InflowRoleWaiter, inflow_role_waiter, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowRoleWaitState, inflow_role_wait_state,
                    G_DEFINE_ENUM_VALUE (INFLOW_ROLE_WAIT_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ROLE_WAIT_WAITING, "waiting"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ROLE_WAIT_FOUND, "found"),
                    G_DEFINE_ENUM_VALUE (INFLOW_ROLE_WAIT_GAVE_UP, "gave-up"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_INTEGRATION_TOKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (InflowRoleWaiter    *self,
           InflowRoleWaitState  state,
           const char          *message,
           const char          *token)
{
  self->state = state;
  g_free (self->message);
  self->message = g_strdup (message);
  g_free (self->integration_token);
  self->integration_token = g_strdup (token);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_STATE; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(InflowRoleWaiter) self = user_data;
  g_autoptr(InflowIntegration) integration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  integration = inflow_aws_connector_wait_finish (INFLOW_AWS_CONNECTOR (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* cancel() said so */

  if (integration == NULL)
    {
      if (g_error_matches (error, INFLOW_AWS_CONNECTOR_ERROR, INFLOW_AWS_CONNECTOR_ERROR_NOT_LISTED))
        set_state (self, INFLOW_ROLE_WAIT_GAVE_UP,
                   _("Vantage has not listed the integration after twelve minutes. Check that the role was created and registered, then wait again."),
                   NULL);
      else
        set_state (self, INFLOW_ROLE_WAIT_GAVE_UP, error->message, NULL);
      return;
    }

  label = inflow_aws_dup_account_label (self->session, inflow_integration_get_account_identifier (integration));
  /* Translators: %s is an account, e.g. "Production (123456789012)" */
  message = g_strdup_printf (_("Vantage sees the role of %s. Its first report can take up to 24 hours to arrive."), label);
  set_state (self, INFLOW_ROLE_WAIT_FOUND, message, inflow_integration_get_token (integration));
}

/**
 * inflow_role_waiter_start:
 * @account_id: (nullable): the account whose role is awaited, or %NULL for
 *   any AWS integration the session does not list yet
 *
 * Starts waiting, or starts again.
 */
void
inflow_role_waiter_start (InflowRoleWaiter *self,
                          const char       *account_id)
{
  g_return_if_fail (INFLOW_IS_ROLE_WAITER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_state (self, INFLOW_ROLE_WAIT_WAITING, _("Waiting for Vantage to see the role…"), NULL);
  inflow_aws_connector_wait_async (inflow_session_get_aws_connector (self->session), account_id,
                                   inflow_session_get_integrations (self->session), self->cancellable,
                                   waited_cb, g_object_ref (self));
}

/* Stops waiting; nothing was found. */
void
inflow_role_waiter_cancel (InflowRoleWaiter *self)
{
  g_return_if_fail (INFLOW_IS_ROLE_WAITER (self));

  if (self->state != INFLOW_ROLE_WAIT_WAITING)
    return;

  g_cancellable_cancel (self->cancellable);
  set_state (self, INFLOW_ROLE_WAIT_IDLE, NULL, NULL);
}

static void
inflow_role_waiter_dispose (GObject *object)
{
  InflowRoleWaiter *self = INFLOW_ROLE_WAITER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_role_waiter_parent_class)->dispose (object);
}

static void
inflow_role_waiter_finalize (GObject *object)
{
  InflowRoleWaiter *self = INFLOW_ROLE_WAITER (object);

  g_free (self->message);
  g_free (self->integration_token);

  G_OBJECT_CLASS (inflow_role_waiter_parent_class)->finalize (object);
}

static void
inflow_role_waiter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowRoleWaiter *self = INFLOW_ROLE_WAITER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
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
inflow_role_waiter_class_init (InflowRoleWaiterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_role_waiter_dispose;
  object_class->finalize = inflow_role_waiter_finalize;
  object_class->get_property = inflow_role_waiter_get_property;

  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, INFLOW_TYPE_ROLE_WAIT_STATE,
                                              INFLOW_ROLE_WAIT_IDLE, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_INTEGRATION_TOKEN] = g_param_spec_string ("integration-token", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_role_waiter_init (InflowRoleWaiter *self)
{
}

InflowRoleWaiter *
inflow_role_waiter_new (InflowSession *session)
{
  InflowRoleWaiter *self;

  g_return_val_if_fail (INFLOW_IS_SESSION (session), NULL);

  self = g_object_new (INFLOW_TYPE_ROLE_WAITER, NULL);
  self->session = g_object_ref (session);

  return self;
}

InflowRoleWaitState
inflow_role_waiter_get_state (InflowRoleWaiter *self)
{
  g_return_val_if_fail (INFLOW_IS_ROLE_WAITER (self), INFLOW_ROLE_WAIT_IDLE);

  return self->state;
}

const char *
inflow_role_waiter_get_message (InflowRoleWaiter *self)
{
  g_return_val_if_fail (INFLOW_IS_ROLE_WAITER (self), NULL);

  return self->message;
}

/* Returns: (nullable): the integration found */
const char *
inflow_role_waiter_get_integration_token (InflowRoleWaiter *self)
{
  g_return_val_if_fail (INFLOW_IS_ROLE_WAITER (self), NULL);

  return self->integration_token;
}
