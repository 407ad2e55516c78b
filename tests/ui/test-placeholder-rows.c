/* test-placeholder-rows.c: the rows of a list view that follow a model's length
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real GtkListView whose rows come from a GtkBuilderListItemFactory
 * template that binds a label through the placeholder's item, as the
 * views do.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "inflow-placeholder-rows.h"
#include "inflow-test-utils.h"

/* As in inflow-placeholder-rows.c */
#define MAX_ROWS 200
#define ROWS_PER_FRAME 20

static const char row_template[] =
  "<interface>"
  "  <template class='GtkListItem'>"
  "    <property name='child'>"
  "      <object class='GtkLabel'>"
  "        <binding name='label'>"
  "          <lookup name='string' type='GtkStringObject'>"
  "            <lookup name='item' type='InflowPlaceholder'>"
  "              <lookup name='item'>GtkListItem</lookup>"
  "            </lookup>"
  "          </lookup>"
  "        </binding>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

typedef struct
{
  guint  added;
  guint  removed;
  gint64 frame;
} Batch;

typedef struct
{
  GListStore            *source;    /* of GtkStringObject */
  InflowPlaceholderRows *rows;
  GtkWidget             *window;
  GtkWidget             *list_view;
  GArray                *batches;   /* of Batch: the changes of the rows */
  guint                  n_mapped;  /* calls of map_cb() */
  guint                  n_given;   /* ... with the row's view-model until then */
} Fixture;

/* The view-model of a string: the string, marked (a new one each time) */
static gpointer
map_cb (gpointer source_item,
        gpointer item,
        gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *text = g_strdup_printf ("m:%s", gtk_string_object_get_string (source_item));

  fixture->n_mapped++;
  if (item != NULL)
    fixture->n_given++;
  return gtk_string_object_new (text);
}

static void
rows_changed_cb (GListModel *rows,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Fixture    *fixture)
{
  Batch batch = {
    .added = added,
    .removed = removed,
    .frame = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (fixture->list_view)),
  };

  g_array_append_val (fixture->batches, batch);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
rows_done (gpointer data)
{
  Fixture *fixture = data;

  return !inflow_placeholder_rows_get_pending (fixture->rows);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (row_template, sizeof row_template - 1);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  g_type_ensure (INFLOW_TYPE_PLACEHOLDER);
  fixture->source = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  fixture->batches = g_array_new (FALSE, FALSE, sizeof (Batch));
  fixture->list_view = gtk_list_view_new (NULL, gtk_builder_list_item_factory_new_from_bytes (NULL, bytes));

  fixture->rows = inflow_placeholder_rows_new (fixture->list_view, G_LIST_MODEL (fixture->source));
  inflow_placeholder_rows_set_map_func (fixture->rows, map_cb, fixture, NULL);
  g_signal_connect (fixture->rows, "items-changed", G_CALLBACK (rows_changed_cb), fixture);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (fixture->rows)));

    gtk_list_view_set_model (GTK_LIST_VIEW (fixture->list_view), GTK_SELECTION_MODEL (selection));
  }

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 300, 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), fixture->list_view);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (inflow_test_wait_until (is_mapped, fixture->list_view, 5000));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The list let go of the rows, and the rows of the list */
  g_assert_finalize_object (fixture->rows);
  g_clear_object (&fixture->source);
  g_clear_pointer (&fixture->batches, g_array_unref);
}

/* Gives the source @n items, "@prefix0", "@prefix1"… */
static void
set_source (Fixture    *fixture,
            const char *prefix,
            guint       n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *string = g_strdup_printf ("%s%u", prefix, i);

      g_ptr_array_add (items, gtk_string_object_new (string));
    }

  g_list_store_splice (fixture->source, 0, g_list_model_get_n_items (G_LIST_MODEL (fixture->source)),
                       items->pdata, items->len);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->rows));
}

/* Syncs with a source of @n items, waits for the rows, and checks that
 * they came in the batches @expected (0-terminated), one a frame. */
static void
grow_to (Fixture     *fixture,
         guint        n,
         const guint *expected)
{
  guint n_before = n_rows (fixture);
  guint n_expected = 0;

  while (expected[n_expected] != 0)
    n_expected++;

  set_source (fixture, "item", n);
  g_array_set_size (fixture->batches, 0);
  inflow_placeholder_rows_sync (fixture->rows);
  /* The first batch comes at once, the others later. */
  g_assert_cmpuint (fixture->batches->len, ==, 1);
  g_assert_cmpuint (n_rows (fixture), ==, n_before + expected[0]);
  g_assert_cmpint (inflow_placeholder_rows_get_pending (fixture->rows), ==, n_expected > 1);
  g_assert_true (inflow_test_wait_until (rows_done, fixture, 10000));

  g_assert_cmpuint (n_rows (fixture), ==, n);
  g_assert_cmpuint (fixture->batches->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      Batch *batch = &g_array_index (fixture->batches, Batch, i);

      g_assert_cmpuint (batch->removed, ==, 0);
      g_assert_cmpuint (batch->added, ==, expected[i]);
      if (i > 0)
        g_assert_cmpint (batch->frame, >, g_array_index (fixture->batches, Batch, i - 1).frame);
    }
}

static void
pending_cb (GObject    *object,
            GParamSpec *pspec,
            guint      *count)
{
  (*count)++;
}

static void
test_grow_shrink (Fixture       *fixture,
                  gconstpointer  data)
{
  static const guint to_100[] = { ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, 0 };
  /* A batch a frame up to MAX_ROWS, then the rest at once */
  static const guint to_500[] = { ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME,
                                  500 - MAX_ROWS, 0 };
  static const guint to_15[] = { 10, 0 };
  guint n_pending_notified = 0;

  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_false (inflow_placeholder_rows_get_pending (fixture->rows));
  g_signal_connect (fixture->rows, "notify::pending", G_CALLBACK (pending_cb), &n_pending_notified);

  grow_to (fixture, 100, to_100);
  /* Pending, then done: told twice */
  g_assert_cmpuint (n_pending_notified, ==, 2);
  grow_to (fixture, 500, to_500);

  /* Fewer rows at once, and in one change */
  set_source (fixture, "item", 5);
  g_array_set_size (fixture->batches, 0);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  g_assert_false (inflow_placeholder_rows_get_pending (fixture->rows));
  g_assert_cmpuint (fixture->batches->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->batches, Batch, 0).removed, ==, 495);

  /* No more than a batch: at once */
  grow_to (fixture, 15, to_15);
  g_assert_false (inflow_placeholder_rows_get_pending (fixture->rows));

  /* A sync while rows are still coming starts over from where they are. */
  set_source (fixture, "item", 100);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_cmpuint (n_rows (fixture), ==, 15 + ROWS_PER_FRAME);
  set_source (fixture, "item", 30);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_false (inflow_placeholder_rows_get_pending (fixture->rows));
}

/* The labels of the list's rows, by position */
static GPtrArray *
row_labels (Fixture *fixture)
{
  GPtrArray *labels = g_ptr_array_new ();

  /* listview > row > label, in position order while nothing is scrolled */
  for (GtkWidget *row = gtk_widget_get_first_child (fixture->list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_widget_get_first_child (row);

      if (GTK_IS_LABEL (label) && gtk_widget_get_mapped (label))
        g_ptr_array_add (labels, label);
    }

  return labels;
}

static gboolean
labels_show (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) labels = row_labels (fixture);

  if (labels->len == 0)
    return FALSE;

  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (fixture->source), i);
      g_autofree char *expected = g_strdup_printf ("m:%s", gtk_string_object_get_string (item));

      if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), expected) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
test_in_place (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n_shown;

  set_source (fixture, "a", 10);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_true (inflow_test_wait_until (labels_show, fixture, 10000));
  before = row_labels (fixture);
  n_shown = before->len;
  g_assert_cmpuint (n_shown, ==, 10);
  /* The list may ask for a row more than once while it builds them */
  g_assert_cmpuint (fixture->n_mapped, >=, 10);

  /* New items, as many: the same rows show them, through the placeholders' items */
  fixture->n_mapped = 0;
  set_source (fixture, "b", 10);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_cmpuint (fixture->n_mapped, ==, 10);
  g_assert_true (labels_show (fixture));
  after = row_labels (fixture);
  g_assert_cmpuint (after->len, ==, n_shown);
  for (guint i = 0; i < n_shown; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));

  /* The same items moved: each row is given its view-model to show the
   * item now at its place in (the views keep it) */
  {
    g_autoptr(GObject) last = g_list_model_get_item (G_LIST_MODEL (fixture->source), 9);

    fixture->n_mapped = fixture->n_given = 0;
    g_list_store_remove (fixture->source, 9);
    g_list_store_insert (fixture->source, 0, last);
    inflow_placeholder_rows_sync (fixture->rows);
    g_assert_cmpuint (fixture->n_mapped, ==, 10);
    g_assert_cmpuint (fixture->n_given, ==, 10);
    g_assert_true (labels_show (fixture));
  }

  /* Fewer: the rows that stay show the new items */
  set_source (fixture, "c", 4);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_true (inflow_test_wait_until (labels_show, fixture, 10000));

  /* Emptied, the rows stay, showing nothing; filled again, the same rows
   * show the items */
  set_source (fixture, "e", 0);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  {
    g_autoptr(InflowPlaceholder) first = g_list_model_get_item (G_LIST_MODEL (fixture->rows), 0);

    g_assert_null (inflow_placeholder_get_item (first));
  }
  g_clear_pointer (&before, g_ptr_array_unref);
  before = row_labels (fixture);
  set_source (fixture, "c", 4);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_true (labels_show (fixture));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = row_labels (fixture);
  g_assert_cmpuint (after->len, ==, 4);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));

  /* A refresh makes the view-models of the rows the list holds, no others */
  fixture->n_mapped = 0;
  inflow_placeholder_rows_refresh (fixture->rows);
  g_assert_cmpuint (fixture->n_mapped, ==, 4);

  /* Many items: only those the list asks for get a view-model (some twice:
   * GTK asks for a row's item before it keeps it) */
  fixture->n_mapped = 0;
  set_source (fixture, "d", 5000);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_true (inflow_test_wait_until (rows_done, fixture, 10000));
  g_assert_true (inflow_test_wait_until (labels_show, fixture, 10000));
  g_assert_cmpuint (fixture->n_mapped, >=, 20);
  g_assert_cmpuint (fixture->n_mapped, <=, 3 * MAX_ROWS);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);
  gtk_init ();

  g_test_add ("/ui/placeholder-rows/grow-shrink", Fixture, NULL, fixture_setup, test_grow_shrink, fixture_teardown);
  g_test_add ("/ui/placeholder-rows/in-place", Fixture, NULL, fixture_setup, test_in_place, fixture_teardown);

  return inflow_test_run ();
}
