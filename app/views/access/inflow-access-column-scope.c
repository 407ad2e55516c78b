/* inflow-access-column-scope.c: the builder scope of one workspace column's cells
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-access-view"

#include "config.h"

#include "inflow-access-column-scope.h"

/* GtkBuilderListItemFactory builds each cell from the same template, with
 * the list item as the object of its closures. A grid column per
 * workspace needs one thing more: which workspace. This scope makes the
 * closures of one column's cells get that column. */
struct _InflowAccessColumnScope
{
  GtkBuilderCScope    parent_instance;

  InflowAccessColumn *column;
};

static GtkBuilderScopeInterface *parent_scope_iface;

static void inflow_access_column_scope_scope_init (GtkBuilderScopeInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InflowAccessColumnScope, inflow_access_column_scope, GTK_TYPE_BUILDER_CSCOPE,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE, inflow_access_column_scope_scope_init))

static GClosure *
inflow_access_column_scope_create_closure (GtkBuilderScope        *scope,
                                           GtkBuilder             *builder,
                                           const char             *function_name,
                                           GtkBuilderClosureFlags  flags,
                                           GObject                *object,
                                           GError                **error)
{
  InflowAccessColumnScope *self = INFLOW_ACCESS_COLUMN_SCOPE (scope);

  return parent_scope_iface->create_closure (scope, builder, function_name, flags,
                                             object != NULL ? object : G_OBJECT (self->column), error);
}

static void
inflow_access_column_scope_scope_init (GtkBuilderScopeInterface *iface)
{
  parent_scope_iface = g_type_interface_peek_parent (iface);
  iface->create_closure = inflow_access_column_scope_create_closure;
}

static void
inflow_access_column_scope_dispose (GObject *object)
{
  InflowAccessColumnScope *self = INFLOW_ACCESS_COLUMN_SCOPE (object);

  g_clear_object (&self->column);

  G_OBJECT_CLASS (inflow_access_column_scope_parent_class)->dispose (object);
}

static void
inflow_access_column_scope_class_init (InflowAccessColumnScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = inflow_access_column_scope_dispose;
}

static void
inflow_access_column_scope_init (InflowAccessColumnScope *self)
{
}

/**
 * inflow_access_column_scope_new:
 * @column: the workspace of the column
 *
 * Returns: (transfer full): a scope; add the template's callbacks with
 *   gtk_builder_cscope_add_callback_symbol()
 */
GtkBuilderScope *
inflow_access_column_scope_new (InflowAccessColumn *column)
{
  InflowAccessColumnScope *self;

  g_return_val_if_fail (INFLOW_IS_ACCESS_COLUMN (column), NULL);

  self = g_object_new (INFLOW_TYPE_ACCESS_COLUMN_SCOPE, NULL);
  self->column = g_object_ref (column);

  return GTK_BUILDER_SCOPE (self);
}
