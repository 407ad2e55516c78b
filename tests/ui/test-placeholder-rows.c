/* test-placeholder-rows.c: the rows of a list view that follow a model's length
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "inflow-placeholder-rows.h"
#include "inflow-test-utils.h"

/* As in inflow-placeholder-rows.c */
#define MAX_ROWS 200
#define ROWS_PER_FRAME 20

#define ITEM_DATA GUINT_TO_POINTER (7)

typedef struct
{
  guint  added;
  guint  removed;
  gint64 frame;
} Batch;

typedef struct
{
  GtkStringList         *source;
  InflowPlaceholderRows *rows;
  GtkWidget             *window;
  GtkWidget             *list_view;
  GHashTable            *bound;     /* the GtkListItems the list has bound */
  GArray                *batches;   /* of Batch: the changes of the rows */
  guint                  n_calls;   /* of bind_cb() */
  guint                  n_forced;
} Fixture;

static void
bind_cb (GtkListItem *list_item,
         gpointer     item_data,
         gboolean     force,
         gpointer     user_data)
{
  Fixture *fixture = user_data;
  const char *string = gtk_string_list_get_string (fixture->source, gtk_list_item_get_position (list_item));

  g_assert_true (item_data == ITEM_DATA);
  g_assert_true (g_hash_table_contains (fixture->bound, list_item));

  fixture->n_calls++;
  if (force)
    fixture->n_forced++;
  if (string != NULL)
    gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), string);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Fixture                  *fixture)
{
  gtk_list_item_set_child (list_item, gtk_label_new (NULL));
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Fixture                  *fixture)
{
  g_hash_table_add (fixture->bound, list_item);
  inflow_placeholder_rows_bind (fixture->rows, list_item, ITEM_DATA);
}

static void
unbind_item_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                Fixture                  *fixture)
{
  inflow_placeholder_rows_unbind (fixture->rows, list_item);
  g_hash_table_remove (fixture->bound, list_item);
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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->source = gtk_string_list_new (NULL);
  fixture->bound = g_hash_table_new (NULL, NULL);
  fixture->batches = g_array_new (FALSE, FALSE, sizeof (Batch));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), fixture);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), fixture);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item_cb), fixture);
  fixture->list_view = gtk_list_view_new (NULL, factory);

  fixture->rows = inflow_placeholder_rows_new (fixture->list_view, G_LIST_MODEL (fixture->source), bind_cb, fixture);
  g_signal_connect (inflow_placeholder_rows_get_model (fixture->rows), "items-changed",
                    G_CALLBACK (rows_changed_cb), fixture);
  gtk_list_view_set_model (GTK_LIST_VIEW (fixture->list_view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (inflow_placeholder_rows_get_model (fixture->rows)))));

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
  g_clear_object (&fixture->rows);
  g_clear_object (&fixture->source);
  g_clear_pointer (&fixture->bound, g_hash_table_unref);
  g_clear_pointer (&fixture->batches, g_array_unref);
}

/* Gives the source @n items, "@prefix0", "@prefix1"… */
static void
set_source (Fixture    *fixture,
            const char *prefix,
            guint       n)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (strings, g_strdup_printf ("%s%u", prefix, i));
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (fixture->source, 0, g_list_model_get_n_items (G_LIST_MODEL (fixture->source)),
                          (const char * const *) strings->pdata);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (inflow_placeholder_rows_get_model (fixture->rows));
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
test_grow_shrink (Fixture       *fixture,
                  gconstpointer  data)
{
  static const guint to_100[] = { ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, 0 };
  /* A batch a frame up to MAX_ROWS, then the rest at once */
  static const guint to_500[] = { ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME, ROWS_PER_FRAME,
                                  500 - MAX_ROWS, 0 };
  static const guint to_15[] = { 10, 0 };

  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_false (inflow_placeholder_rows_get_pending (fixture->rows));

  grow_to (fixture, 100, to_100);
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

static gboolean
all_bound (gpointer data)
{
  Fixture *fixture = data;

  return !inflow_placeholder_rows_get_pending (fixture->rows) &&
         g_hash_table_size (fixture->bound) == g_list_model_get_n_items (G_LIST_MODEL (fixture->source));
}

/* Each bound row shows the source item at its position. */
static void
assert_rows_show_source (Fixture *fixture)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, fixture->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    {
      GtkWidget *label = gtk_list_item_get_child (list_item);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                       gtk_string_list_get_string (fixture->source, gtk_list_item_get_position (list_item)));
    }
}

static void
test_rebind (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GList) before = NULL;
  guint n_bound;

  set_source (fixture, "a", 10);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_true (inflow_test_wait_until (all_bound, fixture, 10000));
  assert_rows_show_source (fixture);
  n_bound = g_hash_table_size (fixture->bound);
  g_assert_cmpuint (n_bound, ==, 10);
  before = g_hash_table_get_keys (fixture->bound);

  /* New items, as many: the same list items show them, bound again in place. */
  fixture->n_calls = fixture->n_forced = 0;
  set_source (fixture, "b", 10);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_cmpuint (fixture->n_calls, ==, n_bound);
  g_assert_cmpuint (fixture->n_forced, ==, 0);
  assert_rows_show_source (fixture);
  for (GList *l = before; l != NULL; l = l->next)
    g_assert_true (g_hash_table_contains (fixture->bound, l->data));

  /* Fewer: the rows that stay show the new items. */
  fixture->n_calls = 0;
  set_source (fixture, "c", 4);
  inflow_placeholder_rows_sync (fixture->rows);
  g_assert_cmpuint (fixture->n_calls, ==, n_bound);
  g_assert_true (inflow_test_wait_until (all_bound, fixture, 10000));
  assert_rows_show_source (fixture);

  /* A forced rebind reaches the bound list items only. */
  fixture->n_calls = fixture->n_forced = 0;
  inflow_placeholder_rows_rebind (fixture->rows, TRUE);
  g_assert_cmpuint (fixture->n_calls, ==, 4);
  g_assert_cmpuint (fixture->n_forced, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  inflow_test_init (&argc, &argv);
  gtk_init ();

  g_test_add ("/ui/placeholder-rows/grow-shrink", Fixture, NULL, fixture_setup, test_grow_shrink, fixture_teardown);
  g_test_add ("/ui/placeholder-rows/rebind", Fixture, NULL, fixture_setup, test_rebind, fixture_teardown);

  return inflow_test_run ();
}
