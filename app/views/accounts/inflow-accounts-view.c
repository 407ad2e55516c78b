/* inflow-accounts-view.c: the AWS accounts Vantage knows, by organization
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-accounts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "inflow-accounts-view.h"
#include "inflow-ingestion-format.h"
#include "inflow-integration-words.h"
#include "inflow-placeholder-rows.h"
#include "inflow-view-utils.h"

struct _InflowAccountsView
{
  AdwBin                  parent_instance;

  /* Owned references */
  InflowSession          *session;
  InflowAccountDirectory *directory;
  InflowPlaceholderRows  *rows;          /* what list_view shows: one per match */
  guint                   update_idle;

  /* Template widgets */
  GtkSearchEntry         *search_entry;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  GtkWidget              *caution_box;
  GtkLabel               *caution_title;
  GtkLabel               *caution_list;
  GtkWidget              *stackset_box;
  GtkLabel               *stackset_title;
  GtkLabel               *summary_label;
  GtkListView            *list_view;
  GtkLabel               *count_label;
  GtkLabel               *as_of_label;
};

G_DEFINE_FINAL_TYPE (InflowAccountsView, inflow_accounts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows: [icon] [title / subtitle] [badge] [badge] */

static GtkWidget *
badge_new (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "inflow-badge");

  return badge;
}

static void
badge_set (GtkWidget        *badge,
           const char       *label,
           InflowStatusTone  tone,
           const char       *tooltip)
{
  gtk_widget_set_visible (badge, label != NULL);
  if (label == NULL)
    return;

  gtk_label_set_label (GTK_LABEL (badge), label);
  gtk_widget_set_css_classes (badge, (const char *[]) { "inflow-badge",
                                                        inflow_status_tone_get_css_class (tone),
                                                        NULL });
  /* Setting a tooltip asks the display where the pointer is */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (badge), tooltip) != 0)
    gtk_widget_set_tooltip_text (badge, tooltip);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              InflowAccountsView       *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (badges), badge_new ());
  gtk_box_append (GTK_BOX (badges), badge_new ());
  gtk_widget_set_valign (badges, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), badges);
  gtk_list_item_set_child (list_item, row);
}

/* A row shows the entry at its position in the matches (see
 * InflowPlaceholderRows), unless it shows that entry already. */
static void
bind_row (GtkListItem *list_item,
          gpointer     item_data,
          gboolean     force,
          gpointer     data)
{
  InflowAccountsView *self = data;
  g_autoptr(InflowAccountEntry) entry = g_list_model_get_item (inflow_account_directory_get_matches (self->directory),
                                                              gtk_list_item_get_position (list_item));
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *badges = gtk_widget_get_next_sibling (text);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *badge1 = gtk_widget_get_first_child (badges);
  GtkWidget *badge2 = gtk_widget_get_next_sibling (badge1);
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;
  gboolean heading;
  guint n;

  if (entry == NULL || g_object_get_data (G_OBJECT (list_item), "inflow-entry") == entry)
    return;

  g_object_set_data_full (G_OBJECT (list_item), "inflow-entry", g_object_ref (entry), g_object_unref);
  n = inflow_account_entry_get_n_accounts (entry);

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);

  /* Only the few headings wrap: measuring wrapped text is what makes
   * rebinding the rows slow. */
  heading = inflow_account_entry_get_kind (entry) != INFLOW_ACCOUNT_ENTRY_ACCOUNT;
  gtk_label_set_wrap (GTK_LABEL (subtitle), heading);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), heading ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);

  if (heading)
    {
      gtk_widget_add_css_class (row, "inflow-org-heading");
      gtk_widget_remove_css_class (title, "body");
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_visible (icon, TRUE);
      gtk_widget_set_margin_start (row, 12);
    }
  else
    {
      gtk_widget_remove_css_class (row, "inflow-org-heading");
      gtk_widget_remove_css_class (title, "heading");
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_margin_start (row, 40);
    }

  switch (inflow_account_entry_get_kind (entry))
    {
    case INFLOW_ACCOUNT_ENTRY_ORGANIZATION:
      {
        const char *management_id = inflow_account_entry_get_management_account_id (entry);
        const char *management_title = inflow_account_entry_get_management_title (entry);
        g_autofree char *management = NULL;

        gtk_image_set_from_icon_name (GTK_IMAGE (icon), "network-workgroup-symbolic");
        /* Translators: %s is an AWS organization ID, like "o-a1b2c3d4e5" */
        title_text = g_strdup_printf (inflow_account_entry_is_govcloud (entry) ? _("GovCloud Organization %s")
                                                                               : _("Organization %s"),
                                      inflow_account_entry_get_organization_id (entry));
        if (management_title != NULL)
          management = g_strdup_printf ("%s (%s)", management_title, management_id);
        else
          management = g_strdup (management_id);

        if (inflow_account_entry_get_management_connected (entry))
          /* Translators: %s is an account; the number counts accounts */
          subtitle_text = g_strdup_printf (ngettext ("Management account %s is connected: the costs of its %u account arrive",
                                                     "Management account %s is connected: the costs of all %u accounts arrive",
                                                     n),
                                           management, n);
        else
          /* Translators: %s is an account; the number counts accounts */
          subtitle_text = g_strdup_printf (ngettext ("Management account %s is not connected · %u account",
                                                     "Management account %s is not connected · %u accounts",
                                                     n),
                                           management, n);

        if (inflow_account_entry_get_management_connected (entry))
          badge_set (badge2, _("Management connected"), INFLOW_STATUS_TONE_SUCCESS, NULL);
        else
          badge_set (badge2, _("Management not connected"), INFLOW_STATUS_TONE_WARNING,
                     _("Only the connected member accounts’ own costs arrive"));
        badge_set (badge1, inflow_account_entry_is_govcloud (entry) ? _("GovCloud") : NULL,
                   INFLOW_STATUS_TONE_NEUTRAL, _("Costs are ingested; Active Resources are not synced"));
      }
      break;

    case INFLOW_ACCOUNT_ENTRY_STANDALONE:
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "view-list-symbolic");
      title_text = g_strdup (_("Accounts Outside an Organization"));
      subtitle_text = g_strdup_printf (ngettext ("%u account Vantage knows without an AWS Organizations ARN",
                                                 "%u accounts Vantage knows without an AWS Organizations ARN",
                                                 n),
                                       n);
      badge_set (badge1, NULL, INFLOW_STATUS_TONE_NEUTRAL, NULL);
      badge_set (badge2, NULL, INFLOW_STATUS_TONE_NEUTRAL, NULL);
      break;

    case INFLOW_ACCOUNT_ENTRY_ACCOUNT:
    default:
      title_text = g_strdup (inflow_account_entry_get_title (entry));
      switch (inflow_account_entry_get_coverage (entry))
        {
        case INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION:
          /* Translators: %s is an AWS account ID */
          subtitle_text = g_strdup_printf (_("%s · costs and Active Resources"), inflow_account_entry_get_account_id (entry));
          badge_set (badge2, _("Own integration"), INFLOW_STATUS_TONE_SUCCESS,
                     _("A role in this account lets Vantage sync its Active Resources"));
          break;
        case INFLOW_ACCOUNT_COVERAGE_MANAGEMENT:
          subtitle_text = g_strdup_printf (_("%s · costs only, through the management account"),
                                           inflow_account_entry_get_account_id (entry));
          badge_set (badge2, _("Costs only"), INFLOW_STATUS_TONE_NEUTRAL,
                     _("Without a role of its own, its Active Resources do not sync"));
          break;
        case INFLOW_ACCOUNT_COVERAGE_NONE:
        default:
          subtitle_text = g_strdup_printf (_("%s · no integration brings its data"),
                                           inflow_account_entry_get_account_id (entry));
          badge_set (badge2, _("Not connected"), INFLOW_STATUS_TONE_WARNING, NULL);
          break;
        }
      if (inflow_account_entry_is_management (entry))
        badge_set (badge1, _("Management"), INFLOW_STATUS_TONE_ACCENT, _("The organization’s management (payer) account"));
      else if (inflow_account_entry_is_govcloud (entry))
        badge_set (badge1, _("GovCloud"), INFLOW_STATUS_TONE_NEUTRAL, _("Costs are ingested; Active Resources are not synced"));
      else
        badge_set (badge1, NULL, INFLOW_STATUS_TONE_NEUTRAL, NULL);
      break;
    }

  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (subtitle), subtitle_text);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             InflowAccountsView       *self)
{
  inflow_placeholder_rows_bind (self->rows, list_item, NULL);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               InflowAccountsView       *self)
{
  inflow_placeholder_rows_unbind (self->rows, list_item);
  g_object_set_data (G_OBJECT (list_item), "inflow-entry", NULL);
}

/* State */

static const char *
current_state (InflowAccountsView *self)
{
  guint n_entries;

  if (self->session == NULL)
    return "signed-out";

  n_entries = g_list_model_get_n_items (inflow_account_directory_get_entries (self->directory));
  if (n_entries > 0 && g_list_model_get_n_items (inflow_account_directory_get_matches (self->directory)) == 0)
    return "no-results";

  /* The caution about the management account shows even with no account. */
  if (inflow_account_directory_get_needs_management (self->directory))
    return "list";

  return inflow_view_list_state_name (inflow_session_get_list_state (self->session,
                                                                     INFLOW_SESSION_LIST_CLOUD_ACCOUNTS,
                                                                     n_entries));
}

static void
update_banners (InflowAccountsView *self)
{
  InflowAccountDirectory *directory = self->directory;
  guint n_accounts = inflow_account_directory_get_n_accounts (directory);
  guint n_organizations = inflow_account_directory_get_n_organizations (directory);
  guint n_without_role = inflow_account_directory_get_n_members_without_role (directory);
  g_autofree char *accounts = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *stackset = NULL;

  gtk_widget_set_visible (self->caution_box, inflow_account_directory_get_needs_management (directory));
  gtk_widget_set_visible (self->stackset_box, n_without_role > 0);

  stackset = g_strdup_printf (ngettext ("%u member account has no role of its own",
                                        "%u member accounts have no role of their own",
                                        n_without_role),
                              n_without_role);
  gtk_label_set_label (self->stackset_title, stackset);

  accounts = g_strdup_printf (ngettext ("%u AWS account in %u organization", "%u AWS accounts in %u organizations",
                                        n_accounts),
                              n_accounts, n_organizations);
  /* Translators: the first %s is "N AWS accounts in M organizations" */
  summary = g_strdup_printf (_("%s · %u with their own integration · %u costs only · %u not connected"),
                             accounts,
                             inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_OWN_INTEGRATION),
                             inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_MANAGEMENT),
                             inflow_account_directory_count_coverage (directory, INFLOW_ACCOUNT_COVERAGE_NONE));
  gtk_label_set_label (self->summary_label, summary);
}

static void
update_count (InflowAccountsView *self)
{
  guint total = inflow_account_directory_get_n_accounts (self->directory);
  guint shown = inflow_account_directory_get_n_matching_accounts (self->directory);
  g_autofree char *text = NULL;

  /* Only while a search leaves some accounts out */
  if (shown != total)
    /* Translators: "12 of 5,000 accounts" */
    text = g_strdup_printf (ngettext ("%u of %u account", "%u of %u accounts", total), shown, total);

  gtk_label_set_label (self->count_label, text);
}

static void
update_state (InflowAccountsView *self)
{
  const char *state = current_state (self);
  g_autofree char *as_of = NULL;

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));

  if (g_str_equal (state, "error"))
    {
      const GError *error = inflow_session_get_last_error (self->session);

      adw_status_page_set_description (self->error_page,
                                       error != NULL ? error->message : _("Vantage could not be reached."));
    }

  if (self->session != NULL)
    as_of = inflow_session_dup_as_of_text (self->session, INFLOW_SESSION_LIST_CLOUD_ACCOUNTS);
  gtk_label_set_label (self->as_of_label, as_of);
  update_count (self);
}

static gboolean
update_idle_cb (gpointer data)
{
  InflowAccountsView *self = data;

  self->update_idle = 0;

  if (self->session != NULL)
    inflow_account_directory_update (self->directory,
                                     inflow_session_get_cloud_accounts (self->session),
                                     inflow_session_get_integrations (self->session));
  else
    inflow_account_directory_update (self->directory, NULL, NULL);

  update_banners (self);
  update_state (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_update (InflowAccountsView *self)
{
  if (self->update_idle == 0)
    self->update_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_idle_cb, self, NULL);
}

static void
lists_changed_cb (InflowAccountsView *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  schedule_update (self);
}

static void
session_notify_cb (InflowAccountsView *self,
                   GParamSpec         *pspec,
                   InflowSession      *session)
{
  update_state (self);
}

static void
fetched_at_changed_cb (InflowAccountsView *self,
                       InflowSessionList   list,
                       InflowSession      *session)
{
  update_state (self);
}

static void
matches_changed_cb (InflowAccountsView *self,
                    guint               position,
                    guint               removed,
                    guint               added,
                    GListModel         *matches)
{
  inflow_placeholder_rows_sync (self->rows);
  update_state (self);
}

static void
search_changed_cb (InflowAccountsView *self,
                   GtkSearchEntry     *entry)
{
  inflow_account_directory_set_search (self->directory, gtk_editable_get_text (GTK_EDITABLE (entry)));
  /* The rows are bound again in place: show the first matches. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);
}

static void
retry_clicked_cb (InflowAccountsView *self,
                  GtkButton          *button)
{
  if (self->session != NULL)
    inflow_session_refresh_async (self->session, NULL, NULL, NULL);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  inflow_view_focus_search (INFLOW_ACCOUNTS_VIEW (widget)->search_entry);
}

static void
disconnect_session (InflowAccountsView *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_integrations (self->session), self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_cloud_accounts (self->session), self);
  g_clear_object (&self->session);
}

static void
inflow_accounts_view_dispose (GObject *object)
{
  InflowAccountsView *self = INFLOW_ACCOUNTS_VIEW (object);

  disconnect_session (self);
  g_clear_handle_id (&self->update_idle, g_source_remove);

  g_clear_object (&self->directory);
  g_clear_object (&self->rows);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, caution_box);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, caution_title);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, caution_list);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, stackset_box);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, stackset_title);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, InflowAccountsView, as_of_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inflow_view_clear_search);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  /* Ctrl+F, from the template */
  gtk_widget_class_install_action (widget_class, "accounts.focus-search", NULL, focus_search_action);
}

static void
inflow_accounts_view_init (InflowAccountsView *self)
{
  GtkListItemFactory *factory;
  g_autofree char *caution = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->directory = inflow_account_directory_new ();
  self->rows = inflow_placeholder_rows_new (GTK_WIDGET (self->list_view),
                                           inflow_account_directory_get_matches (self->directory),
                                           bind_row, self);
  g_signal_connect_object (inflow_account_directory_get_matches (self->directory), "items-changed",
                           G_CALLBACK (matches_changed_cb), self, G_CONNECT_SWAPPED);

  /* The seed's caution, point by point. */
  caution = g_strjoin ("\n",
                       _("Only member accounts are connected. Until the organization’s management account is connected:"),
                       _("• You see only the costs and costs by resource of the connected member accounts, not of the whole organization."),
                       _("• You cannot see the costs of the other member accounts of the organization."),
                       _("• You may not see the full coverage of cost allocation tags from the organization."),
                       _("• Reserved Instances bought in a linked account are realized in that account first instead of across the organization."),
                       NULL);
  gtk_label_set_label (self->caution_list, caution);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (inflow_placeholder_rows_get_model (self->rows)))));

  update_banners (self);
  update_state (self);
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
 */
void
inflow_accounts_view_set_session (InflowAccountsView *self,
                                  InflowSession      *session)
{
  g_return_if_fail (INFLOW_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      g_signal_connect_object (session, "notify", G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "fetched-at-changed", G_CALLBACK (fetched_at_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_integrations (session), "items-changed",
                               G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_cloud_accounts (session), "items-changed",
                               G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_clear_handle_id (&self->update_idle, g_source_remove);
  update_idle_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * inflow_accounts_view_get_directory:
 *
 * Returns: (transfer none): the directory behind the list
 */
InflowAccountDirectory *
inflow_accounts_view_get_directory (InflowAccountsView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNTS_VIEW (self), NULL);

  return self->directory;
}

/* "loading", "signed-out", "empty", "error", "no-results" or "list" */
const char *
inflow_accounts_view_get_state (InflowAccountsView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNTS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
inflow_accounts_view_get_caution_visible (InflowAccountsView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNTS_VIEW (self), FALSE);

  return gtk_widget_get_visible (self->caution_box);
}

gboolean
inflow_accounts_view_get_stackset_visible (InflowAccountsView *self)
{
  g_return_val_if_fail (INFLOW_IS_ACCOUNTS_VIEW (self), FALSE);

  return gtk_widget_get_visible (self->stackset_box);
}
