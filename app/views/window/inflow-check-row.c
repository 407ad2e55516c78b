/* inflow-check-row.c: one check of Diagnostics, its result and when it ran
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-diagnostics"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-check-row.h"

/**
 * InflowCheckRow:
 *
 * Presents an #InflowDiagnosticCheck: its title, what it found and when
 * (the subtitle), an icon and a pill with the state in its colour. The
 * icon and the pill are bound in the template; the row's own title and
 * subtitle are bound to the check here, and the accessible label says the
 * state, which the colours cannot.
 */
struct _InflowCheckRow
{
  AdwActionRow           parent_instance;

  InflowDiagnosticCheck *check;
};

G_DEFINE_FINAL_TYPE (InflowCheckRow, inflow_check_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CHECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
state_icon_name (gpointer         unused,
                 InflowCheckState state)
{
  switch (state)
    {
    case INFLOW_CHECK_STATE_PENDING:
      return g_strdup ("content-loading-symbolic");
    case INFLOW_CHECK_STATE_OK:
      return g_strdup ("object-select-symbolic");
    case INFLOW_CHECK_STATE_INFO:
      return g_strdup ("dialog-information-symbolic");
    case INFLOW_CHECK_STATE_WARNING:
      return g_strdup ("dialog-warning-symbolic");
    case INFLOW_CHECK_STATE_ERROR:
      return g_strdup ("dialog-error-symbolic");
    case INFLOW_CHECK_STATE_UNKNOWN:
    default:
      return g_strdup ("dialog-question-symbolic");
    }
}

/* @base and the state's colour: success, accent, warning, error or neutral */
static GStrv
state_css_classes (gpointer          unused,
                   InflowCheckState  state,
                   const char       *base)
{
  static const char * const tones[] = {
    [INFLOW_CHECK_STATE_PENDING] = "neutral",
    [INFLOW_CHECK_STATE_OK] = "success",
    [INFLOW_CHECK_STATE_INFO] = "accent",
    [INFLOW_CHECK_STATE_WARNING] = "warning",
    [INFLOW_CHECK_STATE_ERROR] = "error",
    [INFLOW_CHECK_STATE_UNKNOWN] = "neutral",
  };
  const char *classes[] = { base, (guint) state < G_N_ELEMENTS (tones) ? tones[state] : "neutral", NULL };

  return g_strdupv ((char **) classes);
}

static void
update_accessible (InflowCheckRow *self)
{
  g_autofree char *label = NULL;

  /* Translators: a check, its state, like "Keyring: OK" */
  label = g_strdup_printf (_("%s: %s"), inflow_diagnostic_check_get_title (self->check),
                           inflow_check_state_get_label (inflow_diagnostic_check_get_state (self->check)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, inflow_diagnostic_check_get_subtitle (self->check),
                                  -1);
}

static void
inflow_check_row_constructed (GObject *object)
{
  InflowCheckRow *self = INFLOW_CHECK_ROW (object);

  G_OBJECT_CLASS (inflow_check_row_parent_class)->constructed (object);

  g_object_bind_property (self->check, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->check, "subtitle", self, "subtitle", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->check, "notify::subtitle", G_CALLBACK (update_accessible), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

static void
inflow_check_row_dispose (GObject *object)
{
  InflowCheckRow *self = INFLOW_CHECK_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_CHECK_ROW);
  g_clear_object (&self->check);

  G_OBJECT_CLASS (inflow_check_row_parent_class)->dispose (object);
}

static void
inflow_check_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  InflowCheckRow *self = INFLOW_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_object (value, self->check);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_check_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  InflowCheckRow *self = INFLOW_CHECK_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      self->check = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_check_row_class_init (InflowCheckRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = inflow_check_row_constructed;
  object_class->dispose = inflow_check_row_dispose;
  object_class->get_property = inflow_check_row_get_property;
  object_class->set_property = inflow_check_row_set_property;

  /**
   * InflowCheckRow:check:
   *
   * The check presented.
   */
  properties[PROP_CHECK] =
    g_param_spec_object ("check", NULL, NULL, INFLOW_TYPE_DIAGNOSTIC_CHECK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-check-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, state_icon_name);
  gtk_widget_class_bind_template_callback (widget_class, state_css_classes);
}

static void
inflow_check_row_init (InflowCheckRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.3 lets the result be selected and copied. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self), "subtitle-selectable") != NULL)
    g_object_set (self, "subtitle-selectable", TRUE, NULL);
}

/**
 * inflow_check_row_new:
 * @check: the check to present
 *
 * Returns: (transfer floating): a row
 */
GtkWidget *
inflow_check_row_new (InflowDiagnosticCheck *check)
{
  g_return_val_if_fail (INFLOW_IS_DIAGNOSTIC_CHECK (check), NULL);

  return g_object_new (INFLOW_TYPE_CHECK_ROW, "check", check, NULL);
}

InflowDiagnosticCheck *
inflow_check_row_get_check (InflowCheckRow *self)
{
  g_return_val_if_fail (INFLOW_IS_CHECK_ROW (self), NULL);

  return self->check;
}
