/* inflow-integrations-view.c: every integration of the profile
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "inflow-integrations-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "inflow-account-directory.h"
#include "inflow-ingestion-format.h"
#include "inflow-integration-page.h"
#include "inflow-integrations-view.h"
#include "inflow-placeholder-rows.h"
#include "inflow-search.h"
#include "inflow-view-utils.h"

/* Narrower than this, the list drops the date and workspace columns and the
 * filters go under the search entry. */
/* Under these widths of the view, columns give way: Created first, then
 * all but Account and Status (which takes the Ingestion badge). */
#define MEDIUM_WIDTH 1010
#define NARROW_WIDTH 720

typedef enum
{
  CELL_ACCOUNT,
  CELL_STATUS,
  CELL_VERDICT,
  CELL_WORKSPACES,
  CELL_CREATED,
  CELL_UPDATED,
} CellKind;

/* Fixed widths; the Account column takes the rest. */
static const int column_widths[] = {
  [CELL_ACCOUNT] = -1,
  [CELL_STATUS] = 260,
  [CELL_VERDICT] = 150,
  [CELL_WORKSPACES] = 110,
  [CELL_CREATED] = 130,
  [CELL_UPDATED] = 150,
};

struct _InflowIntegrationsView
{
  AdwBin                        parent_instance;

  /* Owned references */
  InflowSession                *session;
  InflowAccountDirectory       *directory;
  GtkSortListModel             *sort_model;
  GtkFilterListModel           *filter_model;
  GtkCustomFilter              *filter;
  InflowPlaceholderRows        *rows;            /* what column_view shows */
  GPtrArray                    *provider_keys;   /* NULL for "all" first */
  GHashTable                   *search_keys;     /* InflowIntegration → its search_key() */
  char                         *search;          /* as inflow_search_fold() gives it, or NULL */
  GTimeZone                    *timezone;        /* local, for the dates of the cells */

  InflowIntegrationVerdictFunc  verdict_func;
  gpointer                      verdict_data;
  GDestroyNotify                verdict_destroy;

  guint                         directory_idle;
  guint                         narrow_idle;
  gboolean                      narrow;
  gboolean                      medium;      /* also when narrow */
  gboolean                      updating_providers;

  /* Template widgets */
  AdwToastOverlay              *toast_overlay;
  AdwLeaflet                   *leaflet;
  GtkWidget                    *list_page;
  GtkBox                       *toolbar;
  GtkSearchEntry               *search_entry;
  GtkDropDown                  *provider_dropdown;
  GtkDropDown                  *status_dropdown;
  GtkStack                     *stack;
  GtkSpinner                   *spinner;
  AdwStatusPage                *error_page;
  GtkColumnView                *column_view;
  GtkLabel                     *count_label;
  GtkLabel                     *as_of_label;
  InflowIntegrationPage        *detail_page;

  GtkColumnViewColumn          *columns[CELL_UPDATED + 1];
};

G_DEFINE_FINAL_TYPE (InflowIntegrationsView, inflow_integrations_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_state (InflowIntegrationsView *self);

static gboolean
models_pending (InflowIntegrationsView *self)
{
  return gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

/* Values the list shows, sorts and searches by */

static const char *
integration_name (InflowIntegrationsView *self,
                  InflowIntegration      *integration)
{
  return inflow_account_directory_get_title (self->directory,
                                             inflow_integration_get_account_identifier (integration));
}

static const char *
integration_title (InflowIntegrationsView *self,
                   InflowIntegration      *integration)
{
  const char *name = integration_name (self, integration);

  if (name != NULL)
    return name;
  if (inflow_integration_get_account_identifier (integration) != NULL)
    return inflow_integration_get_account_identifier (integration);

  return inflow_integration_get_token (integration);
}

static InflowStatusWord
integration_word (InflowIntegration *integration)
{
  return inflow_status_word_from_status (inflow_integration_get_status (integration));
}

static guint
count_workspaces (InflowIntegration *integration)
{
  const char * const *tokens = inflow_integration_get_workspace_tokens (integration);

  return tokens != NULL ? g_strv_length ((char **) tokens) : 0;
}

static char *
title_expression_cb (InflowIntegration      *integration,
                     InflowIntegrationsView *self)
{
  return g_strdup (integration_title (self, integration));
}

static int
status_expression_cb (InflowIntegration *integration,
                      gpointer           data)
{
  return integration_word (integration);
}

static guint
workspaces_expression_cb (InflowIntegration *integration,
                          gpointer           data)
{
  return count_workspaces (integration);
}

static gint64
created_expression_cb (InflowIntegration *integration,
                       gpointer           data)
{
  GDateTime *time = inflow_integration_get_created_at (integration);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static gint64
updated_expression_cb (InflowIntegration *integration,
                       gpointer           data)
{
  GDateTime *time = inflow_integration_get_last_updated (integration);

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/* What a search matches: provider, account ID, account name, status word
 * and token. Built once per integration, and again when the lists or the
 * names change. */
static const char *
search_key (InflowIntegrationsView *self,
            InflowIntegration      *integration)
{
  char *key = g_hash_table_lookup (self->search_keys, integration);

  if (key == NULL)
    {
      const char *name = integration_name (self, integration);
      g_autofree char *text = NULL;

      text = g_strjoin (" ",
                        inflow_provider_get_display_name (inflow_integration_get_provider (integration)),
                        inflow_integration_get_provider (integration),
                        inflow_status_word_get_label (integration_word (integration)),
                        inflow_integration_get_token (integration),
                        inflow_integration_get_account_identifier (integration) ?: "",
                        name ?: "",
                        NULL);
      key = inflow_search_fold (text);
      g_hash_table_insert (self->search_keys, integration, key);
    }

  return key;
}

static GtkExpression *
closure_expression (GType     type,
                    GCallback callback,
                    gpointer  data)
{
  return gtk_cclosure_expression_new (type, NULL, 0, NULL, callback, data, NULL);
}

/* Filtering by provider, status and search */

static gboolean
filter_cb (gpointer item,
           gpointer data)
{
  InflowIntegrationsView *self = data;
  InflowIntegration *integration = item;
  guint provider = gtk_drop_down_get_selected (self->provider_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (provider != GTK_INVALID_LIST_POSITION && provider > 0 && provider < self->provider_keys->len &&
      !inflow_integration_is_provider (integration, g_ptr_array_index (self->provider_keys, provider)))
    return FALSE;

  if (status != GTK_INVALID_LIST_POSITION && status > 0 &&
      (guint) integration_word (integration) != status - 1)
    return FALSE;

  return self->search == NULL || strstr (search_key (self, integration), self->search) != NULL;
}

static void
set_search (InflowIntegrationsView *self,
            const char             *text)
{
  g_autofree char *search = inflow_search_fold (text);
  GtkFilterChange change;

  if (g_strcmp0 (search, self->search) == 0)
    return;

  if (search == NULL || (self->search != NULL && strstr (self->search, search) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (self->search == NULL || strstr (search, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
update_providers (InflowIntegrationsView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected_key = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  GListModel *integrations;
  guint selected = gtk_drop_down_get_selected (self->provider_dropdown);
  guint n;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected < self->provider_keys->len)
    selected_key = g_strdup (g_ptr_array_index (self->provider_keys, selected));

  keys = g_ptr_array_new_with_free_func (g_free);
  if (self->session != NULL)
    {
      integrations = inflow_session_get_integrations (self->session);
      n = g_list_model_get_n_items (integrations);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);
          g_autofree char *key = g_ascii_strdown (inflow_integration_get_provider (integration), -1);

          if (!g_hash_table_contains (seen, key))
            {
              g_ptr_array_add (keys, g_strdup (key));
              g_hash_table_add (seen, g_steal_pointer (&key));
            }
        }
    }

  /* Nothing changed: keep the dropdown as it is. */
  g_ptr_array_sort (keys, compare_strings);
  if (keys->len + 1 == self->provider_keys->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < keys->len && same; i++)
        same = g_str_equal (g_ptr_array_index (keys, i), g_ptr_array_index (self->provider_keys, i + 1));
      if (same)
        return;
    }

  g_ptr_array_set_size (self->provider_keys, 0);
  g_ptr_array_add (self->provider_keys, NULL);
  gtk_string_list_append (names, _("All Providers"));
  selected = 0;
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      g_ptr_array_add (self->provider_keys, g_strdup (key));
      gtk_string_list_append (names, inflow_provider_get_display_name (key));
      if (g_strcmp0 (key, selected_key) == 0)
        selected = i + 1;
    }

  self->updating_providers = TRUE;
  gtk_drop_down_set_model (self->provider_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->provider_dropdown, selected);
  self->updating_providers = FALSE;
}

/* Cells
 *
 * The list keeps some 200 rows (1,000 cells) alive and rebinds them when
 * a search changes what it shows, so cells are cheap to bind: their text is
 * mostly in GtkInscriptions, whose size does not depend on their text (a
 * GtkLabel would have every row measured again), and their tooltips are
 * given on demand (see cell_set_tooltip()). The status words stay GtkLabels:
 * they are few, and usually the same as before. */

static GtkWidget *
text_new (void)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), 1);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  return text;
}

static void
text_set (GtkWidget  *text,
          const char *str)
{
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (text)), str) != 0)
    gtk_inscription_set_text (GTK_INSCRIPTION (text), str);
}

static void
label_set (GtkWidget  *label,
           const char *str)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), str) != 0)
    gtk_label_set_label (GTK_LABEL (label), str);
}

static GtkWidget *
badge_new (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "inflow-badge");

  return badge;
}

static void
badge_set (GtkWidget        *badge,
           const char       *label,
           InflowStatusTone  tone)
{
  label_set (badge, label);
  gtk_widget_set_css_classes (badge, (const char *[]) { "inflow-badge",
                                                        inflow_status_tone_get_css_class (tone),
                                                        NULL });
}

/* gtk_widget_set_tooltip_text() asks the display where the pointer is (a
 * round trip to the X server) on every call: cells with a tooltip keep a
 * static text instead, and hand it out when asked. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "inflow-tooltip");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static GtkWidget *
with_tooltip (GtkWidget *widget)
{
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  return widget;
}

static void
cell_set_tooltip (GtkWidget  *widget,
                  const char *text)
{
  g_object_set_data (G_OBJECT (widget), "inflow-tooltip", (gpointer) text);
  gtk_widget_set_has_tooltip (widget, text != NULL);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               InflowIntegrationsView   *self)
{
  CellKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "kind"));
  GtkWidget *child;
  GtkWidget *line;
  GtkWidget *text;

  switch (kind)
    {
    case CELL_ACCOUNT:
      child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      text = text_new ();
      gtk_widget_add_css_class (text, "heading");
      gtk_box_append (GTK_BOX (child), text);
      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      text = text_new ();
      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_add_css_class (text, "dim-label");
      gtk_widget_add_css_class (text, "caption");
      gtk_box_append (GTK_BOX (line), text);
      gtk_box_append (GTK_BOX (line), with_tooltip (badge_new ()));
      gtk_box_append (GTK_BOX (line), badge_new ());
      gtk_box_append (GTK_BOX (child), line);
      break;

    case CELL_STATUS:
      /* [status][verdict, when narrow]
       * meaning */
      child = with_tooltip (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (line), badge_new ());
      gtk_box_append (GTK_BOX (line), badge_new ());
      gtk_box_append (GTK_BOX (child), line);
      text = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (text, "dim-label");
      gtk_widget_add_css_class (text, "caption");
      gtk_box_append (GTK_BOX (child), text);
      break;

    case CELL_VERDICT:
      child = badge_new ();
      break;

    case CELL_WORKSPACES:
    case CELL_CREATED:
    case CELL_UPDATED:
    default:
      child = with_tooltip (text_new ());
      break;
    }

  gtk_list_item_set_child (list_item, child);
}

/* @same_as: (nullable): a label beside the badge; a verdict that says the
 * same does not show */
static void
bind_verdict (InflowIntegrationsView *self,
              GtkWidget              *badge,
              InflowIntegration      *integration,
              const char             *same_as)
{
  g_autofree char *label = NULL;
  InflowIngestionSeverity severity = INFLOW_INGESTION_SEVERITY_NONE;
  InflowStatusTone tone;

  if (self->verdict_func == NULL ||
      !self->verdict_func (integration, &label, &severity, self->verdict_data) ||
      label == NULL || g_strcmp0 (label, same_as) == 0)
    {
      gtk_widget_set_visible (badge, FALSE);
      return;
    }

  switch (severity)
    {
    case INFLOW_INGESTION_SEVERITY_OK:
      tone = INFLOW_STATUS_TONE_SUCCESS;
      break;
    case INFLOW_INGESTION_SEVERITY_INFO:
      tone = INFLOW_STATUS_TONE_ACCENT;
      break;
    case INFLOW_INGESTION_SEVERITY_WARNING:
      tone = INFLOW_STATUS_TONE_WARNING;
      break;
    case INFLOW_INGESTION_SEVERITY_ERROR:
      tone = INFLOW_STATUS_TONE_ERROR;
      break;
    case INFLOW_INGESTION_SEVERITY_NONE:
    default:
      tone = INFLOW_STATUS_TONE_NEUTRAL;
      break;
    }

  gtk_widget_set_visible (badge, TRUE);
  badge_set (badge, label, tone);
}

/* A cell shows the integration at its position in filter_model (see
 * InflowPlaceholderRows). @force: whether to bind a cell again when it shows
 * that integration already. */
static void
bind_item (GtkListItem *list_item,
           gpointer     kind_data,
           gboolean     force,
           gpointer     data)
{
  InflowIntegrationsView *self = data;
  CellKind kind = GPOINTER_TO_UINT (kind_data);
  g_autoptr(InflowIntegration) integration = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                                   gtk_list_item_get_position (list_item));
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (integration == NULL ||
      (!force && g_object_get_data (G_OBJECT (list_item), "inflow-integration") == integration))
    return;

  g_object_set_data_full (G_OBJECT (list_item), "inflow-integration", g_object_ref (integration), g_object_unref);

  switch (kind)
    {
    case CELL_ACCOUNT:
      {
        const char *name = integration_name (self, integration);
        const char *account_id = inflow_integration_get_account_identifier (integration);
        const char *provider = inflow_provider_get_display_name (inflow_integration_get_provider (integration));
        GtkWidget *title = gtk_widget_get_first_child (child);
        GtkWidget *subtitle = gtk_widget_get_first_child (gtk_widget_get_next_sibling (title));
        GtkWidget *gov_badge = gtk_widget_get_next_sibling (subtitle);
        GtkWidget *management_badge = gtk_widget_get_next_sibling (gov_badge);
        gboolean is_aws = inflow_integration_is_provider (integration, "aws");
        gboolean govcloud = is_aws && inflow_account_directory_is_govcloud (self->directory, account_id);
        gboolean management = is_aws && inflow_account_directory_is_management (self->directory, account_id);
        g_autofree char *text = NULL;

        text_set (title, integration_title (self, integration));
        if (name != NULL && account_id != NULL)
          text = g_strdup_printf (_("%s · %s"), provider, account_id);
        else
          text = g_strdup (provider);
        text_set (subtitle, text);

        gtk_widget_set_visible (gov_badge, govcloud);
        if (govcloud)
          {
            badge_set (gov_badge, _("GovCloud"), INFLOW_STATUS_TONE_NEUTRAL);
            cell_set_tooltip (gov_badge, _("Costs are ingested; Active Resources are not synced from GovCloud"));
          }
        gtk_widget_set_visible (management_badge, management);
        if (management)
          badge_set (management_badge, _("Management"), INFLOW_STATUS_TONE_ACCENT);
      }
      break;

    case CELL_STATUS:
      {
        InflowStatusWord word = integration_word (integration);
        GtkWidget *line = gtk_widget_get_first_child (child);
        GtkWidget *badge = gtk_widget_get_first_child (line);
        GtkWidget *verdict = gtk_widget_get_next_sibling (badge);

        badge_set (badge, inflow_status_word_get_label (word), inflow_status_word_get_tone (word));
        /* Narrow, the Ingestion column is gone and its badge comes here */
        if (self->narrow)
          bind_verdict (self, verdict, integration, inflow_status_word_get_label (word));
        else
          gtk_widget_set_visible (verdict, FALSE);
        label_set (gtk_widget_get_next_sibling (line), inflow_status_word_get_meaning (word));
        cell_set_tooltip (child, inflow_status_word_get_meaning (word));
      }
      break;

    case CELL_VERDICT:
      bind_verdict (self, child, integration, NULL);
      break;

    case CELL_WORKSPACES:
      {
        guint n = count_workspaces (integration);
        g_autofree char *text = NULL;

        if (n == 0)
          {
            text_set (child, _("None"));
            gtk_widget_add_css_class (child, "warning");
            cell_set_tooltip (child, _("In no workspace: its costs show nowhere"));
          }
        else
          {
            text = g_strdup_printf ("%u", n);
            text_set (child, text);
            gtk_widget_remove_css_class (child, "warning");
            cell_set_tooltip (child, NULL);
          }
      }
      break;

    case CELL_CREATED:
      {
        GDateTime *created = inflow_integration_get_created_at (integration);
        g_autoptr(GDateTime) local = created != NULL ? g_date_time_to_timezone (created, self->timezone) : NULL;
        /* Translators: a date in g_date_time_format() notation, like "Nov 20, 2026" */
        g_autofree char *text = local != NULL ? g_date_time_format (local, _("%b %-e, %Y")) : NULL;

        text_set (child, text);
      }
      break;

    case CELL_UPDATED:
      {
        GDateTime *updated = inflow_integration_get_last_updated (integration);
        g_autoptr(GDateTime) now = g_date_time_new_now (self->timezone);
        g_autofree char *text = updated != NULL ? inflow_ingestion_format_when (updated, now) : g_strdup (_("Never"));

        text_set (child, text);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              InflowIntegrationsView   *self)
{
  inflow_placeholder_rows_bind (self->rows, list_item, g_object_get_data (G_OBJECT (factory), "kind"));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                InflowIntegrationsView   *self)
{
  inflow_placeholder_rows_unbind (self->rows, list_item);
  g_object_set_data (G_OBJECT (list_item), "inflow-integration", NULL);
}

static GtkColumnViewColumn *
add_column (InflowIntegrationsView *self,
            CellKind                kind,
            const char             *title,
            GtkSorter              *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "kind", GUINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (column_widths[kind] > 0)
    gtk_column_view_column_set_fixed_width (column, column_widths[kind]);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  g_clear_object (&sorter);

  self->columns[kind] = column;

  return column;
}

/* State */

static const char *
current_state (InflowIntegrationsView *self)
{
  InflowListState state;

  if (self->session == NULL)
    return "signed-out";

  state = inflow_session_get_list_state (self->session, INFLOW_SESSION_LIST_INTEGRATIONS,
                                         g_list_model_get_n_items (inflow_session_get_integrations (self->session)));
  if (state != INFLOW_LIST_STATE_READY)
    return inflow_view_list_state_name (state);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0 && !models_pending (self))
    return "no-results";

  return "list";
}

static void
update_as_of (InflowIntegrationsView *self)
{
  g_autofree char *text = NULL;

  if (self->session != NULL)
    text = inflow_session_dup_as_of_text (self->session, INFLOW_SESSION_LIST_INTEGRATIONS);

  gtk_label_set_label (self->as_of_label, text);
}

static void
update_count (InflowIntegrationsView *self)
{
  guint total = self->session != NULL ? g_list_model_get_n_items (inflow_session_get_integrations (self->session)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (total == 0)
    text = NULL;
  else if (models_pending (self))
    text = g_strdup (_("Filtering…"));
  else if (shown == total)
    text = g_strdup_printf (ngettext ("%u integration", "%u integrations", total), total);
  else
    /* Translators: "12 of 10,000 integrations" */
    text = g_strdup_printf (ngettext ("%u of %u integration", "%u of %u integrations", total), shown, total);

  gtk_label_set_label (self->count_label, text);
}

static void
update_state (InflowIntegrationsView *self)
{
  const char *state = current_state (self);

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));

  if (g_str_equal (state, "error"))
    {
      const GError *error = inflow_session_get_last_error (self->session);

      adw_status_page_set_description (self->error_page,
                                       error != NULL ? error->message : _("Vantage could not be reached."));
    }

  update_count (self);
  update_as_of (self);
}

static void
update_detail (InflowIntegrationsView *self)
{
  InflowIntegration *shown = inflow_integration_page_get_integration (self->detail_page);
  g_autoptr(InflowIntegration) fresh = NULL;
  GListModel *integrations;
  guint n;

  if (shown == NULL || self->session == NULL)
    return;

  integrations = inflow_session_get_integrations (self->session);
  n = g_list_model_get_n_items (integrations);
  for (guint i = 0; i < n && fresh == NULL; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), inflow_integration_get_token (shown)))
        fresh = g_steal_pointer (&integration);
    }

  if (fresh == NULL)
    {
      inflow_integrations_view_show_list (self);
      return;
    }

  inflow_integration_page_set_integration (self->detail_page, self->session, self->directory, fresh);
}

static gboolean
directory_idle_cb (gpointer data)
{
  InflowIntegrationsView *self = data;

  self->directory_idle = 0;

  if (self->session != NULL)
    inflow_account_directory_update (self->directory,
                                     inflow_session_get_cloud_accounts (self->session),
                                     inflow_session_get_integrations (self->session));
  else
    inflow_account_directory_update (self->directory, NULL, NULL);

  /* Names and partitions may have arrived: the search and the shown rows
   * use them. The search keys are made now rather than on the first
   * keystroke. */
  g_hash_table_remove_all (self->search_keys);
  if (self->session != NULL)
    {
      GListModel *integrations = inflow_session_get_integrations (self->session);
      guint n = g_list_model_get_n_items (integrations);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

          search_key (self, integration);
        }
    }
  if (self->search != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  inflow_placeholder_rows_rebind (self->rows, TRUE);
  update_detail (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_directory_update (InflowIntegrationsView *self)
{
  if (self->directory_idle == 0)
    self->directory_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, directory_idle_cb, self, NULL);
}

static void
integrations_changed_cb (InflowIntegrationsView *self,
                         guint                   position,
                         guint                   removed,
                         guint                   added,
                         GListModel             *model)
{
  g_hash_table_remove_all (self->search_keys);
  update_providers (self);
  schedule_directory_update (self);
  update_state (self);
}

static void
lists_changed_cb (InflowIntegrationsView *self,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  GListModel             *model)
{
  schedule_directory_update (self);
}

static void
session_notify_cb (InflowIntegrationsView *self,
                   GParamSpec             *pspec,
                   InflowSession          *session)
{
  update_state (self);
  update_detail (self);
}

static void
fetched_at_changed_cb (InflowIntegrationsView *self,
                       InflowSessionList       list,
                       InflowSession          *session)
{
  update_as_of (self);
}

/* While the incremental sort runs, the rows, the labels and the page stay
 * as they are (relabelling on each step relayouts the window); they are
 * brought up to date once it is done. */
static void
filter_model_changed_cb (InflowIntegrationsView *self)
{
  if (!models_pending (self))
    inflow_placeholder_rows_sync (self->rows);
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "list"))
    return;

  update_state (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  inflow_view_focus_search (INFLOW_INTEGRATIONS_VIEW (widget)->search_entry);
}

/* Callbacks of the template */

static void
search_changed_cb (InflowIntegrationsView *self,
                   GtkSearchEntry         *entry)
{
  set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
filter_changed_cb (InflowIntegrationsView *self,
                   GParamSpec             *pspec,
                   GtkDropDown            *dropdown)
{
  if (self->updating_providers || self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
retry_clicked_cb (InflowIntegrationsView *self,
                  GtkButton              *button)
{
  if (self->session != NULL)
    inflow_session_refresh_async (self->session, NULL, NULL, NULL);
}

static void
row_activated_cb (InflowIntegrationsView *self,
                  guint                   position,
                  GtkColumnView          *column_view)
{
  g_autoptr(InflowIntegration) integration = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (integration != NULL)
    inflow_integrations_view_show_integration (self, inflow_integration_get_token (integration));
}

static void
detail_back_cb (InflowIntegrationsView *self,
                InflowIntegrationPage  *page)
{
  inflow_integrations_view_show_list (self);
}

static void
detail_deleted_cb (InflowIntegrationsView *self,
                   const char             *token,
                   InflowIntegrationPage  *page)
{
  g_autofree char *text = NULL;
  InflowIntegration *integration = inflow_integration_page_get_integration (page);

  /* Translators: %s is an account name or ID */
  text = g_strdup_printf (_("Integration of %s deleted"),
                          integration != NULL ? integration_title (self, integration) : token);
  g_object_set_data_full (G_OBJECT (self->toast_overlay), "inflow-last-toast", g_strdup (text), g_free);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  inflow_integrations_view_show_list (self);
}

static void
leaflet_child_cb (InflowIntegrationsView *self,
                  GParamSpec             *pspec,
                  AdwLeaflet             *leaflet)
{
  if (adw_leaflet_get_visible_child (leaflet) == self->list_page &&
      !adw_leaflet_get_child_transition_running (leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Narrow widths */

static void
show_column (InflowIntegrationsView *self,
             CellKind                kind,
             gboolean                visible)
{
  inflow_view_show_column (self->columns[kind], visible, column_widths[kind]);
}

static void
apply_narrow (InflowIntegrationsView *self)
{
  show_column (self, CELL_VERDICT, self->verdict_func != NULL && !self->narrow);
  show_column (self, CELL_WORKSPACES, !self->narrow);
  show_column (self, CELL_CREATED, !self->medium);
  show_column (self, CELL_UPDATED, !self->narrow);
  gtk_column_view_column_set_fixed_width (self->columns[CELL_STATUS],
                                          self->narrow ? 180 : self->medium ? 220 : column_widths[CELL_STATUS]);
  inflow_placeholder_rows_rebind (self->rows, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static gboolean
narrow_idle_cb (gpointer data)
{
  InflowIntegrationsView *self = data;

  self->narrow_idle = 0;
  self->narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;
  self->medium = gtk_widget_get_width (GTK_WIDGET (self)) < MEDIUM_WIDTH;
  apply_narrow (self);

  return G_SOURCE_REMOVE;
}

static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (((width < NARROW_WIDTH) != self->narrow || (width < MEDIUM_WIDTH) != self->medium) &&
      self->narrow_idle == 0)
    self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, narrow_idle_cb, self, NULL);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* Sessions */

static void
disconnect_session (InflowIntegrationsView *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_integrations (self->session), self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_cloud_accounts (self->session), self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_workspaces (self->session), self);
  g_signal_handlers_disconnect_by_data (inflow_session_get_teams (self->session), self);
  g_clear_object (&self->session);
}

static void
inflow_integrations_view_dispose (GObject *object)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (object);

  disconnect_session (self);
  g_clear_handle_id (&self->directory_idle, g_source_remove);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (self->verdict_destroy != NULL)
    self->verdict_destroy (self->verdict_data);
  self->verdict_func = NULL;
  self->verdict_destroy = NULL;

  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->search_keys, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_clear_pointer (&self->provider_keys, g_ptr_array_unref);

  G_OBJECT_CLASS (inflow_integrations_view_parent_class)->dispose (object);
}

static void
inflow_integrations_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (object);

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
inflow_integrations_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  InflowIntegrationsView *self = INFLOW_INTEGRATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      inflow_integrations_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
inflow_integrations_view_class_init (InflowIntegrationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = inflow_integrations_view_dispose;
  object_class->get_property = inflow_integrations_view_get_property;
  object_class->set_property = inflow_integrations_view_set_property;

  /**
   * InflowIntegrationsView:session:
   *
   * The session whose integrations the view shows, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         INFLOW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/inflow-integrations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, list_page);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, provider_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, InflowIntegrationsView, detail_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inflow_view_clear_search);
  /* Ctrl+F, from the template */
  gtk_widget_class_install_action (widget_class, "integrations.focus-search", NULL, focus_search_action);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_deleted_cb);

  gtk_widget_class_set_css_name (widget_class, "integrationsview");

  g_type_ensure (INFLOW_TYPE_INTEGRATION_PAGE);
}

static void
inflow_integrations_view_init (InflowIntegrationsView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure, layout_allocate));

  self->directory = inflow_account_directory_new ();
  self->search_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->timezone = g_time_zone_new_local ();
  self->provider_keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->provider_keys, NULL);

  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 0; i < INFLOW_N_STATUS_WORDS; i++)
    gtk_string_list_append (statuses, inflow_status_word_get_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  update_providers (self);

  /* Columns, each sortable */
  sorter = GTK_SORTER (gtk_string_sorter_new (closure_expression (G_TYPE_STRING, G_CALLBACK (title_expression_cb), self)));
  add_column (self, CELL_ACCOUNT, _("Account"), sorter);
  sorter = GTK_SORTER (gtk_numeric_sorter_new (closure_expression (G_TYPE_INT, G_CALLBACK (status_expression_cb), NULL)));
  add_column (self, CELL_STATUS, _("Status"), sorter);
  add_column (self, CELL_VERDICT, _("Ingestion"), NULL);
  show_column (self, CELL_VERDICT, FALSE);
  sorter = GTK_SORTER (gtk_numeric_sorter_new (closure_expression (G_TYPE_UINT, G_CALLBACK (workspaces_expression_cb), NULL)));
  add_column (self, CELL_WORKSPACES, _("Workspaces"), sorter);
  sorter = GTK_SORTER (gtk_numeric_sorter_new (closure_expression (G_TYPE_INT64, G_CALLBACK (created_expression_cb), NULL)));
  add_column (self, CELL_CREATED, _("Created"), sorter);
  sorter = GTK_SORTER (gtk_numeric_sorter_new (closure_expression (G_TYPE_INT64, G_CALLBACK (updated_expression_cb), NULL)));
  add_column (self, CELL_UPDATED, _("Last Updated"), sorter);

  /* session list → sort (incremental) → filter → rows */
  self->sort_model = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "notify::pending", G_CALLBACK (filter_model_changed_cb), self, G_CONNECT_SWAPPED);

  self->rows = inflow_placeholder_rows_new (GTK_WIDGET (self->column_view), G_LIST_MODEL (self->filter_model),
                                           bind_item, self);
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (inflow_placeholder_rows_get_model (self->rows)))));

  g_signal_connect_object (self->leaflet, "notify::child-transition-running", G_CALLBACK (leaflet_child_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
}

GtkWidget *
inflow_integrations_view_new (void)
{
  return g_object_new (INFLOW_TYPE_INTEGRATIONS_VIEW, NULL);
}

/**
 * inflow_integrations_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session
 */
InflowSession *
inflow_integrations_view_get_session (InflowIntegrationsView *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), NULL);

  return self->session;
}

/**
 * inflow_integrations_view_set_session:
 * @self: a view
 * @session: (nullable): the session to show
 *
 * Shows @session's integrations; the view lets go of the previous
 * session's lists.
 */
void
inflow_integrations_view_set_session (InflowIntegrationsView *self,
                                      InflowSession          *session)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));
  g_return_if_fail (session == NULL || INFLOW_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  inflow_integrations_view_show_list (self);
  inflow_integration_page_set_integration (self->detail_page, NULL, NULL, NULL);
  g_hash_table_remove_all (self->search_keys);

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      g_signal_connect_object (session, "notify", G_CALLBACK (session_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "fetched-at-changed", G_CALLBACK (fetched_at_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_integrations (session), "items-changed",
                               G_CALLBACK (integrations_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_cloud_accounts (session), "items-changed",
                               G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_workspaces (session), "items-changed",
                               G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inflow_session_get_teams (session), "items-changed",
                               G_CALLBACK (lists_changed_cb), self, G_CONNECT_SWAPPED);
      inflow_account_directory_update (self->directory,
                                       inflow_session_get_cloud_accounts (session),
                                       inflow_session_get_integrations (session));
    }
  else
    inflow_account_directory_update (self->directory, NULL, NULL);

  gtk_sort_list_model_set_model (self->sort_model,
                                 session != NULL ? inflow_session_get_integrations (session) : NULL);
  update_providers (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * inflow_integrations_view_show_integration:
 * @self: a view
 * @token: an integration token
 *
 * Opens the detail page of the integration.
 *
 * Returns: whether the session has that integration
 */
gboolean
inflow_integrations_view_show_integration (InflowIntegrationsView *self,
                                           const char             *token)
{
  GListModel *integrations;
  guint n;

  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  if (self->session == NULL)
    return FALSE;

  integrations = inflow_session_get_integrations (self->session);
  n = g_list_model_get_n_items (integrations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(InflowIntegration) integration = g_list_model_get_item (integrations, i);

      if (g_str_equal (inflow_integration_get_token (integration), token))
        {
          inflow_integration_page_set_integration (self->detail_page, self->session, self->directory, integration);
          adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_page));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * inflow_integrations_view_show_list:
 * @self: a view
 *
 * Goes back from a detail page to the list.
 */
void
inflow_integrations_view_show_list (InflowIntegrationsView *self)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
}

/**
 * inflow_integrations_view_get_shown_integration:
 *
 * Returns: (transfer none) (nullable): the integration of the detail page
 *   when it is shown
 */
InflowIntegration *
inflow_integrations_view_get_shown_integration (InflowIntegrationsView *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), NULL);

  if (adw_leaflet_get_visible_child (self->leaflet) != GTK_WIDGET (self->detail_page))
    return NULL;

  return inflow_integration_page_get_integration (self->detail_page);
}

/**
 * inflow_integrations_view_set_verdict_func:
 * @self: a view
 * @func: (nullable): fills the Ingestion column; %NULL hides it
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 *
 * The hook for the ingestion verdict badge. Call
 * inflow_integrations_view_refresh_verdicts() when verdicts change.
 */
void
inflow_integrations_view_set_verdict_func (InflowIntegrationsView       *self,
                                           InflowIntegrationVerdictFunc  func,
                                           gpointer                      user_data,
                                           GDestroyNotify                destroy)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));

  if (self->verdict_destroy != NULL)
    self->verdict_destroy (self->verdict_data);

  self->verdict_func = func;
  self->verdict_data = user_data;
  self->verdict_destroy = destroy;

  show_column (self, CELL_VERDICT, func != NULL && !self->narrow);
  inflow_integrations_view_refresh_verdicts (self);
}

void
inflow_integrations_view_refresh_verdicts (InflowIntegrationsView *self)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));

  inflow_placeholder_rows_rebind (self->rows, TRUE);
}

void
inflow_integrations_view_set_search (InflowIntegrationsView *self,
                                     const char             *text)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));

  /* Without waiting for the entry's typing delay; and without its
   * immediate "search-changed" when set_text() first empties it, which
   * would unfilter everything before filtering again. */
  set_search (self, text);
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
}

/* @provider: a provider key ("aws"), or NULL for all */
void
inflow_integrations_view_set_provider_filter (InflowIntegrationsView *self,
                                              const char             *provider)
{
  guint selected = 0;

  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));

  for (guint i = 1; provider != NULL && i < self->provider_keys->len; i++)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (self->provider_keys, i), provider) == 0)
        selected = i;
    }

  gtk_drop_down_set_selected (self->provider_dropdown, selected);
}

/* @word: an #InflowStatusWord, or -1 for all */
void
inflow_integrations_view_set_status_filter (InflowIntegrationsView *self,
                                            int                     word)
{
  g_return_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self));
  g_return_if_fail (word >= -1 && word < INFLOW_N_STATUS_WORDS);

  gtk_drop_down_set_selected (self->status_dropdown, word + 1);
}

/**
 * inflow_integrations_view_get_shown_model:
 *
 * Returns: (transfer none): the integrations the list shows, in its order
 */
GListModel *
inflow_integrations_view_get_shown_model (InflowIntegrationsView *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

/* Whether sorting or filtering is still under way, or the rows that show
 * the result. */
gboolean
inflow_integrations_view_get_busy (InflowIntegrationsView *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), FALSE);

  return models_pending (self) || inflow_placeholder_rows_get_pending (self->rows);
}

/* "loading", "signed-out", "empty", "error", "no-results" or "list" */
const char *
inflow_integrations_view_get_state (InflowIntegrationsView *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The text of the latest toast, including the detail page's. */
const char *
inflow_integrations_view_get_last_toast (InflowIntegrationsView *self)
{
  g_return_val_if_fail (INFLOW_IS_INTEGRATIONS_VIEW (self), NULL);

  return g_object_get_data (G_OBJECT (self->toast_overlay), "inflow-last-toast");
}
