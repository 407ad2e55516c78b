/* inflow-profile.c: one Vantage profile (an organization and its API base)
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-storage"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-profile.h"

/**
 * InflowProfile:
 *
 * A profile is one Vantage sign-in: a name the user chose, the API base URL
 * and the times it was created and last used. Its token is not here: it is
 * in the keyring (#InflowTokenStore), under the profile's ID.
 *
 * Profiles are immutable; the database stores them
 * (inflow_database_save_profile_async()) and makes them from its rows. The
 * demo profile (inflow_profile_new_demo()) is never stored.
 */
struct _InflowProfile
{
  GObject    parent_instance;

  char      *id;
  char      *name;
  char      *base_url;
  GDateTime *created_at;
  GDateTime *last_used_at;
  guint      is_demo : 1;
};

G_DEFINE_FINAL_TYPE (InflowProfile, inflow_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_BASE_URL,
  PROP_CREATED_AT,
  PROP_LAST_USED_AT,
  PROP_IS_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
inflow_profile_finalize (GObject *object)
{
  InflowProfile *self = INFLOW_PROFILE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->last_used_at, g_date_time_unref);

  G_OBJECT_CLASS (inflow_profile_parent_class)->finalize (object);
}

static void
inflow_profile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  InflowProfile *self = INFLOW_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_LAST_USED_AT:
      g_value_set_boxed (value, self->last_used_at);
      break;

    case PROP_IS_DEMO:
      g_value_set_boolean (value, self->is_demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_profile_class_init (InflowProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_profile_finalize;
  object_class->get_property = inflow_profile_get_property;

  /**
   * InflowProfile:id:
   *
   * A random UUID, the key of the profile in the database and the keyring.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowProfile:base-url:
   *
   * The API's base URL, such as `https://api.vantage.sh`.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_USED_AT] =
    g_param_spec_boxed ("last-used-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * InflowProfile:is-demo:
   *
   * Whether this is the profile of the built-in simulator (`--demo`),
   * which is never stored.
   */
  properties[PROP_IS_DEMO] =
    g_param_spec_boolean ("is-demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
inflow_profile_init (InflowProfile *self)
{
}

/* The database keeps whole seconds; so do new profiles, so that a profile
 * reads back equal to the one saved. */
static GDateTime *
now_in_seconds (void)
{
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

/**
 * inflow_profile_new_full:
 * @id: the profile's ID
 * @name: the name the user gave the profile
 * @base_url: the API's base URL
 * @created_at: when the profile was created
 * @last_used_at: when the profile was last used
 *
 * Makes a profile from known values, as read from the database.
 *
 * Returns: (transfer full): a new profile
 */
InflowProfile *
inflow_profile_new_full (const char *id,
                         const char *name,
                         const char *base_url,
                         GDateTime  *created_at,
                         GDateTime  *last_used_at)
{
  InflowProfile *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (created_at != NULL, NULL);
  g_return_val_if_fail (last_used_at != NULL, NULL);

  self = g_object_new (INFLOW_TYPE_PROFILE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->base_url = g_strdup (base_url);
  self->created_at = g_date_time_ref (created_at);
  self->last_used_at = g_date_time_ref (last_used_at);

  return self;
}

/**
 * inflow_profile_new:
 * @name: the name the user gave the profile
 * @base_url: the API's base URL
 *
 * Makes a new profile with a random ID (g_uuid_string_random()), created
 * and last used now.
 *
 * Returns: (transfer full): a new profile
 */
InflowProfile *
inflow_profile_new (const char *name,
                    const char *base_url)
{
  g_autoptr(GDateTime) now = now_in_seconds ();
  g_autofree char *id = g_uuid_string_random ();

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  return inflow_profile_new_full (id, name, base_url, now, now);
}

/**
 * inflow_profile_new_demo:
 * @base_url: the simulator's base URL
 *
 * Makes the profile of the built-in simulator. It has a fresh random ID and
 * #InflowProfile:is-demo set; the database refuses to store it.
 *
 * Returns: (transfer full): a new demo profile
 */
InflowProfile *
inflow_profile_new_demo (const char *base_url)
{
  InflowProfile *self;

  g_return_val_if_fail (base_url != NULL, NULL);

  /* Translators: the name of the profile that signs in to the built-in
   * simulator of the Vantage API (inflow --demo). */
  self = inflow_profile_new (_("Demo"), base_url);
  self->is_demo = TRUE;

  return self;
}

const char *
inflow_profile_get_id (InflowProfile *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE (self), NULL);

  return self->id;
}

const char *
inflow_profile_get_name (InflowProfile *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE (self), NULL);

  return self->name;
}

const char *
inflow_profile_get_base_url (InflowProfile *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE (self), NULL);

  return self->base_url;
}

/**
 * inflow_profile_get_created_at:
 * @self: a #InflowProfile
 *
 * Returns: (transfer none): when the profile was created, in UTC
 */
GDateTime *
inflow_profile_get_created_at (InflowProfile *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE (self), NULL);

  return self->created_at;
}

/**
 * inflow_profile_get_last_used_at:
 * @self: a #InflowProfile
 *
 * Returns: (transfer none): when the profile was last used, in UTC
 */
GDateTime *
inflow_profile_get_last_used_at (InflowProfile *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE (self), NULL);

  return self->last_used_at;
}

gboolean
inflow_profile_get_is_demo (InflowProfile *self)
{
  g_return_val_if_fail (INFLOW_IS_PROFILE (self), FALSE);

  return self->is_demo;
}
