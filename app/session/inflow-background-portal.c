/* inflow-background-portal.c: asks the desktop's Background portal to let Inflow run with no window
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-background-portal"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-background-portal.h"

#define PORTAL_BUS_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH   "/org/freedesktop/portal/desktop"
#define PORTAL_REQUEST_PATH  "/org/freedesktop/portal/desktop/request/"
#define BACKGROUND_INTERFACE "org.freedesktop.portal.Background"
#define REQUEST_INTERFACE    "org.freedesktop.portal.Request"

/* The portal cuts longer status messages (version 2 of the interface) */
#define STATUS_MAX_CHARS 96

/**
 * InflowBackgroundPortal:
 *
 * Talks to `org.freedesktop.portal.Background` on the session bus, with
 * GDBus alone (libportal would be one more runtime package for the
 * Flatpak): RequestBackground with the reason and, when the user asked
 * Inflow to start at login, `autostart` and its command line; then
 * SetStatus with a line on what Inflow watches, when the portal has
 * version 2 or later (read from its `version` property).
 *
 * A request's answer comes as the Response signal of a Request object
 * whose path the caller knows before calling (the sender's unique name and
 * the request's `handle_token`), so the signal is subscribed to first and
 * cannot be missed; a portal that answers with another path (before
 * version 0.9 of xdg-desktop-portal) gets its subscription moved there.
 *
 * #InflowBackgroundPortal:answer and #InflowBackgroundPortal:description
 * say what the desktop answered, for Preferences and Diagnostics. A newer
 * request supersedes the one before: its calls still in flight are
 * cancelled, so that their replies cannot move the newer subscription.
 */
struct _InflowBackgroundPortal
{
  GObject                 parent_instance;

  GDBusConnection        *connection;
  GCancellable           *cancellable;      /* of the last request's calls */
  guint                   response_id;      /* its Response subscription */
  char                   *request_path;
  gboolean                autostart_asked;

  InflowBackgroundAnswer  answer;
  gboolean                autostart;
  guint                   version;
  char                   *description;
  char                   *status;           /* to send once the version is known */
};

G_DEFINE_FINAL_TYPE (InflowBackgroundPortal, inflow_background_portal, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (InflowBackgroundAnswer, inflow_background_answer,
                    G_DEFINE_ENUM_VALUE (INFLOW_BACKGROUND_ANSWER_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (INFLOW_BACKGROUND_ANSWER_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (INFLOW_BACKGROUND_ANSWER_ALLOWED, "allowed"),
                    G_DEFINE_ENUM_VALUE (INFLOW_BACKGROUND_ANSWER_REFUSED, "refused"),
                    G_DEFINE_ENUM_VALUE (INFLOW_BACKGROUND_ANSWER_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (INFLOW_BACKGROUND_ANSWER_NO_PORTAL, "no-portal"))

enum {
  PROP_0,
  PROP_ANSWER,
  PROP_AUTOSTART,
  PROP_VERSION,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_answer (InflowBackgroundPortal *self,
            InflowBackgroundAnswer  answer,
            gboolean                autostart,
            const char             *error_message)
{
  g_autofree char *description = NULL;

  switch (answer)
    {
    case INFLOW_BACKGROUND_ANSWER_NONE:
      description = g_strdup (_("Not asked yet: Inflow asks when its window closes or Start at Login is turned on"));
      break;
    case INFLOW_BACKGROUND_ANSWER_PENDING:
      description = g_strdup (_("Asking the desktop…"));
      break;
    case INFLOW_BACKGROUND_ANSWER_ALLOWED:
      if (autostart)
        description = g_strdup (_("The desktop lets Inflow run in the background and start at login"));
      else if (self->autostart_asked)
        description = g_strdup (_("The desktop lets Inflow run in the background, but not start at login"));
      else
        description = g_strdup (_("The desktop lets Inflow run in the background"));
      break;
    case INFLOW_BACKGROUND_ANSWER_REFUSED:
      description = g_strdup (_("The desktop refused to let Inflow run in the background: "
                                "it may stop Inflow when its window is closed"));
      break;
    case INFLOW_BACKGROUND_ANSWER_FAILED:
      /* Translators: %s says why */
      description = g_strdup_printf (_("The desktop could not answer: %s"), error_message);
      break;
    case INFLOW_BACKGROUND_ANSWER_NO_PORTAL:
    default:
      description = g_strdup (_("No Background portal answers: Inflow runs in the background without asking"));
      break;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->answer != answer)
    {
      self->answer = answer;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
    }
  if (self->autostart != autostart)
    {
      self->autostart = autostart;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSTART]);
    }
  if (g_strcmp0 (self->description, description) != 0)
    {
      g_free (self->description);
      self->description = g_steal_pointer (&description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_debug ("Background portal: %s", self->description);
}

static void
unsubscribe_response (InflowBackgroundPortal *self)
{
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->response_id);
  self->response_id = 0;
  g_clear_pointer (&self->request_path, g_free);
}

static void
response_cb (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  InflowBackgroundPortal *self = user_data;
  g_autoptr(GVariant) results = NULL;
  gboolean background = FALSE;
  gboolean autostart = FALSE;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  unsubscribe_response (self);

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  g_variant_lookup (results, "autostart", "b", &autostart);

  switch (response)
    {
    case 0:
      set_answer (self, background ? INFLOW_BACKGROUND_ANSWER_ALLOWED : INFLOW_BACKGROUND_ANSWER_REFUSED,
                  background && autostart, NULL);
      break;
    case 1:
      set_answer (self, INFLOW_BACKGROUND_ANSWER_REFUSED, FALSE, NULL);
      break;
    default:
      set_answer (self, INFLOW_BACKGROUND_ANSWER_FAILED, FALSE, _("the request ended without an answer"));
      break;
    }
}

static void
subscribe_response (InflowBackgroundPortal *self,
                    const char             *path)
{
  unsubscribe_response (self);
  self->request_path = g_strdup (path);
  self->response_id = g_dbus_connection_signal_subscribe (self->connection, PORTAL_BUS_NAME,
                                                          REQUEST_INTERFACE, "Response", path, NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                                          response_cb, self, NULL);
}

/* Whether @error says that no Background portal is there to answer */
static gboolean
is_no_portal_error (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT);
}

static void
request_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(InflowBackgroundPortal) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (error);
      unsubscribe_response (self);
      if (is_no_portal_error (error))
        set_answer (self, INFLOW_BACKGROUND_ANSWER_NO_PORTAL, FALSE, NULL);
      else
        set_answer (self, INFLOW_BACKGROUND_ANSWER_FAILED, FALSE, error->message);
      return;
    }

  /* Already answered, or answering on a path of the portal's choosing */
  g_variant_get (reply, "(&o)", &path);
  if (self->request_path != NULL && !g_str_equal (path, self->request_path))
    subscribe_response (self, path);
}

static void
send_status (InflowBackgroundPortal *self)
{
  GVariantBuilder options;
  g_autofree char *message = NULL;

  if (self->connection == NULL || self->status == NULL || self->version < 2)
    return;

  message = g_utf8_substring (self->status, 0, MIN (g_utf8_strlen (self->status, -1), STATUS_MAX_CHARS));
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "message", g_variant_new_string (message));
  g_dbus_connection_call (self->connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, BACKGROUND_INTERFACE,
                          "SetStatus", g_variant_new ("(a{sv})", &options), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  g_debug ("Background status: %s", message);
}

static void
version_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(InflowBackgroundPortal) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  guint version = 0;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_debug ("No Background portal version: %s", error->message);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    version = g_variant_get_uint32 (value);

  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
  send_status (self);
}

static void
inflow_background_portal_dispose (GObject *object)
{
  InflowBackgroundPortal *self = INFLOW_BACKGROUND_PORTAL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->connection != NULL)
    unsubscribe_response (self);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (inflow_background_portal_parent_class)->dispose (object);
}

static void
inflow_background_portal_finalize (GObject *object)
{
  InflowBackgroundPortal *self = INFLOW_BACKGROUND_PORTAL (object);

  g_free (self->request_path);
  g_free (self->description);
  g_free (self->status);

  G_OBJECT_CLASS (inflow_background_portal_parent_class)->finalize (object);
}

static void
inflow_background_portal_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowBackgroundPortal *self = INFLOW_BACKGROUND_PORTAL (object);

  switch (prop_id)
    {
    case PROP_ANSWER:
      g_value_set_enum (value, self->answer);
      break;
    case PROP_AUTOSTART:
      g_value_set_boolean (value, self->autostart);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_background_portal_class_init (InflowBackgroundPortalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_background_portal_dispose;
  object_class->finalize = inflow_background_portal_finalize;
  object_class->get_property = inflow_background_portal_get_property;

  /**
   * InflowBackgroundPortal:answer:
   *
   * What the desktop answered the last request.
   */
  properties[PROP_ANSWER] =
    g_param_spec_enum ("answer", NULL, NULL,
                       INFLOW_TYPE_BACKGROUND_ANSWER, INFLOW_BACKGROUND_ANSWER_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowBackgroundPortal:autostart:
   *
   * Whether the desktop starts Inflow at login, as the last answer says.
   */
  properties[PROP_AUTOSTART] =
    g_param_spec_boolean ("autostart", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowBackgroundPortal:version:
   *
   * The portal's interface version, 0 until read (or with no portal).
   */
  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * InflowBackgroundPortal:description:
   *
   * The answer in a sentence.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_background_portal_init (InflowBackgroundPortal *self)
{
  set_answer (self, INFLOW_BACKGROUND_ANSWER_NONE, FALSE, NULL);
}

/**
 * inflow_background_portal_new:
 * @connection: (nullable): the session bus, or %NULL when there is none
 *   (every request then finds no portal)
 *
 * Returns: (transfer full): a portal client that has not asked yet
 */
InflowBackgroundPortal *
inflow_background_portal_new (GDBusConnection *connection)
{
  InflowBackgroundPortal *self;

  g_return_val_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection), NULL);

  self = g_object_new (INFLOW_TYPE_BACKGROUND_PORTAL, NULL);
  g_set_object (&self->connection, connection);

  return self;
}

/**
 * inflow_background_portal_request:
 * @self: a portal client
 * @reason: why Inflow wants to run in the background, shown to the user
 * @autostart: whether to start Inflow at login too
 * @commandline: (nullable) (array zero-terminated=1): the command to start
 *   it with, with @autostart
 *
 * Asks to run in the background (and start at login); the answer comes as
 * #InflowBackgroundPortal:answer. A request still waiting is superseded.
 */
void
inflow_background_portal_request (InflowBackgroundPortal *self,
                                  const char             *reason,
                                  gboolean                autostart,
                                  const char * const     *commandline)
{
  GVariantBuilder options;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (INFLOW_IS_BACKGROUND_PORTAL (self));
  g_return_if_fail (reason != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->autostart_asked = autostart;

  if (self->connection == NULL || g_dbus_connection_is_closed (self->connection))
    {
      set_answer (self, INFLOW_BACKGROUND_ANSWER_NO_PORTAL, FALSE, NULL);
      return;
    }

  set_answer (self, INFLOW_BACKGROUND_ANSWER_PENDING, FALSE, NULL);
  self->cancellable = g_cancellable_new ();

  /* The Request's path: the sender's unique name without ':' and with '_'
   * for '.', then the token; subscribed to before calling. */
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (self->connection) + 1), ".", '_');
  token = g_strdup_printf ("inflow%u", g_random_int ());
  path = g_strconcat (PORTAL_REQUEST_PATH, sender, "/", token, NULL);
  subscribe_response (self, path);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason", g_variant_new_string (reason));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  if (autostart && commandline != NULL)
    g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (self->connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, BACKGROUND_INTERFACE,
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, request_cb, g_object_ref (self));

  /* SetStatus is in version 2 and later */
  g_dbus_connection_call (self->connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, "org.freedesktop.DBus.Properties",
                          "Get", g_variant_new ("(ss)", BACKGROUND_INTERFACE, "version"), G_VARIANT_TYPE ("(v)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, version_cb, g_object_ref (self));
}

/**
 * inflow_background_portal_set_status:
 * @self: a portal client
 * @message: (nullable): what Inflow does in the background, in a line
 *   ("Waiting for 1 first report")
 *
 * Tells the desktop (GNOME's Background Apps) what Inflow does, with a
 * portal of version 2 or later; older ones are not told. Sent again once
 * the version was read.
 */
void
inflow_background_portal_set_status (InflowBackgroundPortal *self,
                                     const char             *message)
{
  g_return_if_fail (INFLOW_IS_BACKGROUND_PORTAL (self));

  if (g_strcmp0 (self->status, message) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (message);
  send_status (self);
}

InflowBackgroundAnswer
inflow_background_portal_get_answer (InflowBackgroundPortal *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKGROUND_PORTAL (self), INFLOW_BACKGROUND_ANSWER_NONE);

  return self->answer;
}

gboolean
inflow_background_portal_get_autostart (InflowBackgroundPortal *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKGROUND_PORTAL (self), FALSE);

  return self->autostart;
}

guint
inflow_background_portal_get_version (InflowBackgroundPortal *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKGROUND_PORTAL (self), 0);

  return self->version;
}

const char *
inflow_background_portal_get_description (InflowBackgroundPortal *self)
{
  g_return_val_if_fail (INFLOW_IS_BACKGROUND_PORTAL (self), NULL);

  return self->description;
}
