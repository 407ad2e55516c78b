/* inflow-welcome-page.c: the first page, without a profile: the two ways in
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-profile.h"
#include "inflow-welcome-page.h"

/**
 * InflowWelcomePage:
 *
 * What the window shows without an active session: signing in with an API
 * token (win.sign-in), the demo (win.start-demo), where tokens come from,
 * and the known profiles, to open again (win.open-profile with the
 * profile's ID). A message says why no profile is open when one could not
 * be (its token is missing, the keyring is locked or unavailable); for a
 * locked keyring it has an Unlock button (win.unlock-keyring).
 */
struct _InflowWelcomePage
{
  AdwBin          parent_instance;

  GListModel     *profiles;
  GSignalGroup   *profiles_signals;
  char           *message;
  gboolean        demo_starting;
  gboolean        can_unlock;

  /* Template widgets */
  AdwStatusPage  *status_page;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  GtkWidget      *unlock_button;
  GtkWidget      *demo_button;
  GtkSpinner     *demo_spinner;
  GtkWidget      *profiles_group;
  GtkListBox     *profiles_list;
};

G_DEFINE_FINAL_TYPE (InflowWelcomePage, inflow_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROFILES,
  PROP_MESSAGE,
  PROP_DEMO_STARTING,
  PROP_CAN_UNLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_profile_row (gpointer item,
                    gpointer user_data)
{
  InflowProfile *profile = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), inflow_profile_get_name (profile));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (inflow_profile_get_is_demo (profile))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Simulated organization"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), inflow_profile_get_base_url (profile));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-profile");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", inflow_profile_get_id (profile));

  return row;
}

static void
update_profiles_visible (InflowWelcomePage *self)
{
  gboolean any = self->profiles != NULL && g_list_model_get_n_items (self->profiles) > 0;

  gtk_widget_set_visible (self->profiles_group, any);
}

static void
inflow_welcome_page_dispose (GObject *object)
{
  InflowWelcomePage *self = INFLOW_WELCOME_PAGE (object);

  if (self->profiles_signals != NULL)
    g_signal_group_set_target (self->profiles_signals, NULL);
  g_clear_object (&self->profiles_signals);
  g_clear_object (&self->profiles);

  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (inflow_welcome_page_parent_class)->dispose (object);
}

static void
inflow_welcome_page_finalize (GObject *object)
{
  InflowWelcomePage *self = INFLOW_WELCOME_PAGE (object);

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (inflow_welcome_page_parent_class)->finalize (object);
}

static void
inflow_welcome_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  InflowWelcomePage *self = INFLOW_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROFILES:
      g_value_set_object (value, self->profiles);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_DEMO_STARTING:
      g_value_set_boolean (value, self->demo_starting);
      break;

    case PROP_CAN_UNLOCK:
      g_value_set_boolean (value, self->can_unlock);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_welcome_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  InflowWelcomePage *self = INFLOW_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROFILES:
      inflow_welcome_page_set_profiles (self, g_value_get_object (value));
      break;

    case PROP_MESSAGE:
      inflow_welcome_page_set_message (self, g_value_get_string (value));
      break;

    case PROP_DEMO_STARTING:
      inflow_welcome_page_set_demo_starting (self, g_value_get_boolean (value));
      break;

    case PROP_CAN_UNLOCK:
      inflow_welcome_page_set_can_unlock (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_welcome_page_class_init (InflowWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_welcome_page_dispose;
  object_class->finalize = inflow_welcome_page_finalize;
  object_class->get_property = inflow_welcome_page_get_property;
  object_class->set_property = inflow_welcome_page_set_property;

  /**
   * InflowWelcomePage:profiles:
   *
   * The #InflowProfile list to offer, or %NULL.
   */
  properties[PROP_PROFILES] =
    g_param_spec_object ("profiles", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWelcomePage:message:
   *
   * Why no profile is open, or %NULL.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWelcomePage:demo-starting:
   *
   * Whether the demo is starting: its button shows a spinner.
   */
  properties[PROP_DEMO_STARTING] =
    g_param_spec_boolean ("demo-starting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * InflowWelcomePage:can-unlock:
   *
   * Whether the message offers Unlock: a profile's token is in a keyring
   * that stayed locked.
   */
  properties[PROP_CAN_UNLOCK] =
    g_param_spec_boolean ("can-unlock", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, message_box);
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, demo_spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, InflowWelcomePage, profiles_list);
}

static void
inflow_welcome_page_init (InflowWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);

  self->profiles_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->profiles_signals, "items-changed",
                                 G_CALLBACK (update_profiles_visible), self, G_CONNECT_SWAPPED);
}

/**
 * inflow_welcome_page_get_profiles:
 *
 * Returns: (transfer none) (nullable): the profiles offered
 */
GListModel *
inflow_welcome_page_get_profiles (InflowWelcomePage *self)
{
  g_return_val_if_fail (INFLOW_IS_WELCOME_PAGE (self), NULL);

  return self->profiles;
}

void
inflow_welcome_page_set_profiles (InflowWelcomePage *self,
                                  GListModel        *profiles)
{
  g_return_if_fail (INFLOW_IS_WELCOME_PAGE (self));
  g_return_if_fail (profiles == NULL || G_IS_LIST_MODEL (profiles));

  if (self->profiles == profiles)
    return;

  g_set_object (&self->profiles, profiles);
  g_signal_group_set_target (self->profiles_signals, profiles);

  gtk_list_box_bind_model (self->profiles_list, profiles, create_profile_row, NULL, NULL);
  update_profiles_visible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILES]);
}

const char *
inflow_welcome_page_get_message (InflowWelcomePage *self)
{
  g_return_val_if_fail (INFLOW_IS_WELCOME_PAGE (self), NULL);

  return self->message;
}

void
inflow_welcome_page_set_message (InflowWelcomePage *self,
                                 const char        *message)
{
  g_return_if_fail (INFLOW_IS_WELCOME_PAGE (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

gboolean
inflow_welcome_page_get_demo_starting (InflowWelcomePage *self)
{
  g_return_val_if_fail (INFLOW_IS_WELCOME_PAGE (self), FALSE);

  return self->demo_starting;
}

void
inflow_welcome_page_set_demo_starting (InflowWelcomePage *self,
                                       gboolean           starting)
{
  g_return_if_fail (INFLOW_IS_WELCOME_PAGE (self));

  starting = !!starting;
  if (self->demo_starting == starting)
    return;

  self->demo_starting = starting;
  gtk_widget_set_visible (GTK_WIDGET (self->demo_spinner), starting);
  gtk_spinner_set_spinning (self->demo_spinner, starting);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO_STARTING]);
}

void
inflow_welcome_page_set_can_unlock (InflowWelcomePage *self,
                                    gboolean           can_unlock)
{
  g_return_if_fail (INFLOW_IS_WELCOME_PAGE (self));

  can_unlock = !!can_unlock;
  if (self->can_unlock == can_unlock)
    return;

  self->can_unlock = can_unlock;
  gtk_widget_set_visible (self->unlock_button, can_unlock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNLOCK]);
}
