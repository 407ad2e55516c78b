/* inflow-accounts-view.c: the AWS accounts Vantage knows, by organization
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-accounts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-account-row.h"
#include "inflow-account-search.h"
#include "inflow-accounts-view.h"
#include "inflow-cell.h"
#include "inflow-list-status.h"
#include "inflow-placeholder-rows.h"
#include "inflow-view-utils.h"

/**
 * InflowAccountsView:
 *
 * The session's account directory, searchable: each organization under a
 * heading, its management account first, with how each account's data
 * reaches Vantage; the seed's management-first caution for the
 * organizations that need it, and the StackSet offer for members without
 * a role of their own. The search is the view's own (an
 * #InflowAccountSearch over the shared directory).
 */
struct _InflowAccountsView
{
  AdwBin                 parent_instance;

  /* Owned references */
  InflowSession         *session;
  GSignalGroup          *directory_signals;
  InflowPlaceholderRows *rows;            /* what list_view shows: one per match */

  /* Template widgets and objects */
  InflowListStatus      *list_status;
  InflowAccountSearch   *search;
  GtkSearchEntry        *search_entry;
  GtkWidget             *caution_box;
  GtkLabel              *caution_title;
  GtkLabel              *caution_list;
  GtkWidget             *stackset_box;
  GtkLabel              *stackset_title;
  GtkLabel              *summary_label;
  GtkListView           *list_view;
  GtkLabel              *count_label;
};

G_DEFINE_FINAL_TYPE (InflowAccountsView, inflow_accounts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
map_row_cb (gpointer entry,
            gpointer item,
            gpointer data)
{
  return inflow_account_row_new (entry);
}

static InflowAccountDirectory *
session_directory (InflowAccountsView *self)
{
  return self->session != NULL ? inflow_session_get_account_directory (self->session) : NULL;
}

/* The seed's caution, point by point, for the organizations that need it */
static void
update_caution (InflowAccountsView     *self,
                InflowAccountDirectory *directory)
{
  guint n_organizations = 0;
  const char * const *organizations = inflow_account_directory_get_organizations_needing_management (directory, &n_organizations);
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *caution = NULL;

  if (n_organizations == 1)
    {
      /* Translators: %s is an AWS organization ID, like "o-a1b2c3d4e5" */
      title = g_strdup_printf (_("No Management Account Connected in %s"), organizations[0]);
      intro = g_strdup (_("Only member accounts of this organization are connected. Until its management account is connected:"));
    }
  else if (n_organizations > 1)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < n_organizations; i++)
        {
          if (i > 0)
            g_string_append (list, _(", "));
          g_string_append (list, organizations[i]);
        }
      title = g_strdup_printf (ngettext ("No Management Account Connected in %u Organization",
                                         "No Management Account Connected in %u Organizations",
                                         n_organizations),
                               n_organizations);
      /* Translators: %s is a list of AWS organization IDs */
      intro = g_strdup_printf (_("Only member accounts of %s are connected. Until an organization’s management account is connected:"),
                               list->str);
    }
  else
    {
      title = g_strdup (_("No Management Account Connected"));
      intro = g_strdup (_("Only member accounts are connected. Until the organization’s management account is connected:"));
    }

  caution = g_strjoin ("\n",
                       intro,
                       _("• You see only the costs and costs by resource of the connected member accounts, not of the whole organization."),
                       _("• You cannot see the costs of the other member accounts of the organization."),
                       _("• You may not see the full coverage of cost allocation tags from the organization."),
                       _("• Reserved Instances bought in a linked account are realized in that account first instead of across the organization."),
                       NULL);
  gtk_label_set_label (self->caution_title, title);
  gtk_label_set_label (self->caution_list, caution);
}

static void
update_banners (InflowAccountsView *self)
{
  InflowAccountDirectory *directory = session_directory (self);
  guint n_accounts, n_organizations, n_without_role, n_own, n_costs_only, n_none;
  g_autofree char *accounts = NULL;
  g_autofree char *organizations = NULL;
  g_autofree char *own = NULL;
  g_autofree char *costs_only = NULL;
  g_autofree char *none = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *stackset = NULL;

  gtk_widget_set_visible (self->caution_box, directory != NULL && inflow_account_directory_get_needs_management (directory));
  gtk_widget_set_visible (self->stackset_box, directory != NULL && inflow_account_directory_get_n_members_without_role (directory) > 0);
  if (directory == NULL)
    return;

  update_caution (self, directory);

  n_accounts = inflow_account_directory_get_n_accounts (directory);
  n_organizations = inflow_account_directory_get_n_organizations (directory);
  n_without_role = inflow_account_directory_get_n_members_without_role (directory);

  stackset = g_strdup_printf (ngettext ("%u Member Account Without a Role of Its Own",
                                        "%u Member Accounts Without a Role of Their Own",
                                        n_without_role),
                              n_without_role);
  gtk_label_set_label (self->stackset_title, stackset);

  n_own = inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION);
  n_costs_only = inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_MANAGEMENT);
  n_none = inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_NONE);
  accounts = g_strdup_printf (ngettext ("%u AWS account", "%u AWS accounts", n_accounts), n_accounts);
  organizations = g_strdup_printf (ngettext ("%u organization", "%u organizations", n_organizations), n_organizations);
  own = g_strdup_printf (ngettext ("%u with its own integration", "%u with their own integration", n_own), n_own);
  costs_only = g_strdup_printf (ngettext ("%u costs only", "%u costs only", n_costs_only), n_costs_only);
  none = g_strdup_printf (ngettext ("%u not connected", "%u not connected", n_none), n_none);
  /* Translators: "5 AWS accounts in 2 organizations · 3 with their own
   * integration · 1 costs only · 1 not connected", each part made above */
  summary = g_strdup_printf (_("%s in %s · %s · %s · %s"), accounts, organizations, own, costs_only, none);
  gtk_label_set_label (self->summary_label, summary);
}

static void
update_state (InflowAccountsView *self)
{
  InflowAccountDirectory *directory = session_directory (self);
  guint n_entries = directory != NULL ? g_list_model_get_n_items (inflow_account_directory_get_entries (directory)) : 0;
  guint total = directory != NULL ? inflow_account_directory_get_n_accounts (directory) : 0;
  guint shown = inflow_account_search_get_n_accounts (self->search);
  gboolean caution = gtk_widget_get_visible (self->caution_box);
  g_autofree char *text = NULL;

  /* The caution shows even without any account to list */
  if (n_entries > 0)
    inflow_list_status_set_counts (self->list_status, n_entries,
                                   g_list_model_get_n_items (G_LIST_MODEL (self->search)), FALSE);
  else
    inflow_list_status_set_counts (self->list_status, caution ? 1 : 0, caution ? 1 : 0, FALSE);

  /* Only while a search leaves some accounts out */
  if (shown != total)
    /* Translators: "12 of 5,000 accounts" */
    text = g_strdup_printf (ngettext ("%u of %u account", "%u of %u accounts", total), shown, total);
  gtk_label_set_label (self->count_label, text);
}

static void
directory_changed_cb (InflowAccountsView *self)
{
  update_banners (self);
  update_state (self);
}

static void
matches_changed_cb (InflowAccountsView *self)
{
  inflow_placeholder_rows_sync (self->rows);
  update_state (self);
}

/* Callbacks of the template */

static void
search_changed_cb (InflowAccountsView *self,
                   GtkSearchEntry     *entry)
{
  inflow_account_search_set_search (self->search, gtk_editable_get_text (GTK_EDITABLE (entry)));
  /* The rows are bound again in place: show the first matches. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  inflow_view_focus_search (INFLOW_ACCOUNTS_VIEW (widget)->search_entry);
}

/* GObject */

static void
inflow_accounts_view_dispose (GObject *object)
{
  InflowAccountsView *self = INFLOW_ACCOUNTS_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->directory_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), INFLOW_TYPE_ACCOUNTS_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (inflow_accounts_view_parent_class)->dispose (object);
}

static void
inflow_accounts_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  InflowAccountsView *self = INFLOW_ACCOUNTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_accounts_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  InflowAccountsView *self = INFLOW_ACCOUNTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_accounts_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_accounts_view_class_init (InflowAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_accounts_view_dispose;
  object_class->get_property = inflow_accounts_view_get_property;
  object_class->set_property = inflow_accounts_view_set_property;

  /**
   * InflowAccountsView:session:
   *
   * The session whose accounts the view shows, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (INFLOW_TYPE_ACCOUNT_ROW);
  g_type_ensure (INFLOW_TYPE_ACCOUNT_SEARCH);
  g_type_ensure (INFLOW_TYPE_CELL);
  g_type_ensure (INFLOW_TYPE_LIST_STATUS);
  g_type_ensure (INFLOW_TYPE_PLACEHOLDER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, list_status);
  /* Named for tests, which look at what the stack shows */
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, search);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, caution_box);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, caution_title);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, caution_list);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, stackset_box);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, stackset_title);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inflow_view_clear_search);
  gtk_widget_class_bind_template_callback (widget_class, inflow_list_status_retry);

  /* Ctrl+F, from the template */
  gtk_widget_class_install_action (widget_class, "accounts.focus-search", NULL, focus_search_action);
}

static void
inflow_accounts_view_init (InflowAccountsView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = inflow_placeholder_rows_new (GTK_WIDGET (self->list_view), G_LIST_MODEL (self->search));
  inflow_placeholder_rows_set_map_func (self->rows, map_row_cb, self, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->search, "items-changed", G_CALLBACK (matches_changed_cb), self, G_CONNECT_SWAPPED);

  self->directory_signals = g_signal_group_new (INFLOW_TYPE_ACCOUNT_DIRECTORY);
  g_signal_group_connect_swapped (self->directory_signals, "changed", G_CALLBACK (directory_changed_cb), self);

  directory_changed_cb (self);
}

GtkWidget *
inflow_accounts_view_new (void)
{
  return g_object_new (INFLOW_TYPE_ACCOUNTS_VIEW, NULL);
}

/**
 * inflow_accounts_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session
 */
InflowSession *
inflow_accounts_view_get_session (InflowAccountsView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNTS_VIEW (self), NULL);

  return self->session;
}

/**
 * inflow_accounts_view_set_session:
 * @self: a view
 * @session: (nullable): the session to show
 *
 * Shows the account directory of @session, with the view's search.
 */
void
inflow_accounts_view_set_session (InflowAccountsView *self,
                                  InflowSession      *session)
{
  g_return_if_fail (INFLOW_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  inflow_account_search_set_directory (self->search, session_directory (self));
  g_signal_group_set_target (self->directory_signals, session_directory (self));
  directory_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
