/* inflow-list-status.c: what a view of one of the session's lists shows around its rows
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-session"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-list-status.h"

/**
 * InflowListStatus:
 *
 * The part every list view shares, without widgets: which page its stack
 * shows (#InflowListStatus:state, one of "signed-out", "loading", "error",
 * "empty", "no-results" and "list"), whether a spinner turns, the "As of"
 * line under the list and the error of the last refresh. It follows its
 * session; the view tells it how many rows it has and shows, and its
 * template binds the rest.
 */
struct _InflowListStatus
{
  GObject            parent_instance;

  /* Owned references */
  InflowSession     *session;
  GSignalGroup      *session_signals;
  char              *as_of;
  char              *error_message;

  InflowSessionList  list;
  const char        *state;
  guint              n_items;
  guint              n_shown;
  gboolean           pending;
};

G_DEFINE_FINAL_TYPE (InflowListStatus, inflow_list_status, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LIST,
  PROP_STATE,
  PROP_LOADING,
  PROP_AS_OF,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The name of the page a list view's stack shows for @state */
const char *
inflow_list_state_get_name (InflowListState state)
{
  static const char *const names[] = {
    [INFLOW_LIST_STATE_LOADING] = "loading",
    [INFLOW_LIST_STATE_ERROR] = "error",
    [INFLOW_LIST_STATE_EMPTY] = "empty",
    [INFLOW_LIST_STATE_READY] = "list",
  };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), "empty");

  return names[state];
}

static void
set_string (InflowListStatus *self,
            char            **field,
            char             *value,
            guint             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update (InflowListStatus *self)
{
  const char *state;
  gboolean was_loading = self->state != NULL && g_str_equal (self->state, "loading");
  char *error_message = NULL;

  if (self->session == NULL)
    state = "signed-out";
  else
    {
      InflowListState list_state = inflow_session_get_list_state (self->session, self->list, self->n_items);

      state = inflow_list_state_get_name (list_state);
      if (list_state == INFLOW_LIST_STATE_READY && self->n_shown == 0 && !self->pending)
        state = "no-results";
      if (list_state == INFLOW_LIST_STATE_ERROR)
        {
          const GError *error = inflow_session_get_last_error (self->session);

          error_message = g_strdup (error != NULL ? error->message : _("Vantage could not be reached."));
        }
    }

  set_string (self, &self->as_of,
              self->session != NULL ? inflow_session_dup_as_of_text (self->session, self->list) : NULL,
              PROP_AS_OF);
  set_string (self, &self->error_message, error_message, PROP_ERROR_MESSAGE);

  if (g_strcmp0 (state, self->state) != 0)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      if (was_loading != g_str_equal (state, "loading"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

static void
inflow_list_status_dispose (GObject *object)
{
  InflowListStatus *self = INFLOW_LIST_STATUS (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_list_status_parent_class)->dispose (object);
}

static void
inflow_list_status_finalize (GObject *object)
{
  InflowListStatus *self = INFLOW_LIST_STATUS (object);

  g_free (self->as_of);
  g_free (self->error_message);

  G_OBJECT_CLASS (inflow_list_status_parent_class)->finalize (object);
}

static void
inflow_list_status_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  InflowListStatus *self = INFLOW_LIST_STATUS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LIST:
      g_value_set_enum (value, self->list);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, g_str_equal (self->state, "loading"));
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_list_status_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  InflowListStatus *self = INFLOW_LIST_STATUS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_list_status_set_session (self, g_value_get_object (value));
      break;
    case PROP_LIST:
      self->list = g_value_get_enum (value);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_list_status_class_init (InflowListStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = inflow_list_status_dispose;
  object_class->finalize = inflow_list_status_finalize;
  object_class->get_property = inflow_list_status_get_property;
  object_class->set_property = inflow_list_status_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, INFLOW_TYPE_SESSION,
                                                  flags | G_PARAM_WRITABLE);
  properties[PROP_LIST] = g_param_spec_enum ("list", NULL, NULL, INFLOW_TYPE_SESSION_LIST,
                                             INFLOW_SESSION_LIST_INTEGRATIONS,
                                             flags | G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, "signed-out", flags);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_AS_OF] = g_param_spec_string ("as-of", NULL, NULL, NULL, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_list_status_init (InflowListStatus *self)
{
  self->state = "signed-out";
  self->session_signals = g_signal_group_new (INFLOW_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "fetched-at-changed", G_CALLBACK (update), self);
}

InflowListStatus *
inflow_list_status_new (InflowSessionList list)
{
  return g_object_new (INFLOW_TYPE_LIST_STATUS, "list", list, NULL);
}

/**
 * inflow_list_status_get_session:
 *
 * Returns: (transfer none) (nullable): the session
 */
InflowSession *
inflow_list_status_get_session (InflowListStatus *self)
{
  g_return_val_if_fail (INFLOW_IS_LIST_STATUS (self), NULL);

  return self->session;
}

void
inflow_list_status_set_session (InflowListStatus *self,
                                InflowSession    *session)
{
  g_return_if_fail (INFLOW_IS_LIST_STATUS (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * inflow_list_status_set_counts:
 * @self: a list status
 * @n_items: what the view has to show in all
 * @n_shown: what it shows after its search and filters
 * @pending: whether it is still filtering or sorting
 */
void
inflow_list_status_set_counts (InflowListStatus *self,
                               guint             n_items,
                               guint             n_shown,
                               gboolean          pending)
{
  g_return_if_fail (INFLOW_IS_LIST_STATUS (self));

  self->n_items = n_items;
  self->n_shown = n_shown;
  self->pending = pending;
  update (self);
}

/* "signed-out", "loading", "error", "empty", "no-results" or "list" */
const char *
inflow_list_status_get_state (InflowListStatus *self)
{
  g_return_val_if_fail (INFLOW_IS_LIST_STATUS (self), NULL);

  return self->state;
}

/* "As of 14:20 today", or NULL before the list was fetched */
const char *
inflow_list_status_get_as_of (InflowListStatus *self)
{
  g_return_val_if_fail (INFLOW_IS_LIST_STATUS (self), NULL);

  return self->as_of;
}

/* Why nothing could be fetched, while the state is "error" */
const char *
inflow_list_status_get_error_message (InflowListStatus *self)
{
  g_return_val_if_fail (INFLOW_IS_LIST_STATUS (self), NULL);

  return self->error_message;
}

/* Fetches the lists again (the "Try Again" of the error page). */
void
inflow_list_status_retry (InflowListStatus *self)
{
  g_return_if_fail (INFLOW_IS_LIST_STATUS (self));

  if (self->session != NULL)
    inflow_session_refresh_async (self->session, NULL, NULL, NULL);
}
