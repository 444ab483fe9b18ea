/* wm-record.c: one row of a Data page table, and the columns that show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-record.h"
#include "wm-format.h"

struct _WmRecord
{
  GObject   parent_instance;

  guint     n_fields;
  char    **texts;
  gint64   *ints;
};

G_DEFINE_FINAL_TYPE (WmRecord, wm_record, G_TYPE_OBJECT)

static void
wm_record_finalize (GObject *object)
{
  WmRecord *self = WM_RECORD (object);

  for (guint i = 0; i < self->n_fields; i++)
    g_free (self->texts[i]);
  g_free (self->texts);
  g_free (self->ints);

  G_OBJECT_CLASS (wm_record_parent_class)->finalize (object);
}

static void
wm_record_class_init (WmRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_record_finalize;
}

static void
wm_record_init (WmRecord *self)
{
}

WmRecord *
wm_record_new (guint n_fields)
{
  WmRecord *self = g_object_new (WM_TYPE_RECORD, NULL);

  self->n_fields = n_fields;
  self->texts = g_new0 (char *, n_fields);
  self->ints = g_new0 (gint64, n_fields);

  return self;
}

void
wm_record_set_text (WmRecord   *self,
                    guint       field,
                    const char *text)
{
  g_return_if_fail (WM_IS_RECORD (self));
  g_return_if_fail (field < self->n_fields);

  g_free (self->texts[field]);
  self->texts[field] = g_strdup (text);
}

void
wm_record_set_int (WmRecord *self,
                   guint     field,
                   gint64    value)
{
  g_return_if_fail (WM_IS_RECORD (self));
  g_return_if_fail (field < self->n_fields);

  self->ints[field] = value;
}

const char *
wm_record_get_text (WmRecord *self,
                    guint     field)
{
  g_return_val_if_fail (WM_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < self->n_fields, NULL);

  return self->texts[field];
}

gint64
wm_record_get_int (WmRecord *self,
                   guint     field)
{
  g_return_val_if_fail (WM_IS_RECORD (self), 0);
  g_return_val_if_fail (field < self->n_fields, 0);

  return self->ints[field];
}

char *
wm_record_format (WmRecord     *self,
                  guint         field,
                  WmRecordKind  kind)
{
  g_autoptr(GDateTime) time = NULL;

  switch (kind)
    {
    case WM_RECORD_COUNT:
      return wm_format_count ((guint64) MAX (0, wm_record_get_int (self, field)));

    case WM_RECORD_BYTES:
      /* 0: not a file (the demo), or a size unknown (a pipe). */
      if (wm_record_get_int (self, field) <= 0)
        return g_strdup ("—");
      return g_format_size ((guint64) MAX (0, wm_record_get_int (self, field)));

    case WM_RECORD_TIME:
      if (wm_record_get_int (self, field) == 0)
        return g_strdup ("—");
      time = g_date_time_new_from_unix_local (wm_record_get_int (self, field) / 1000);
      return time ? wm_format_datetime (time) : g_strdup ("—");

    case WM_RECORD_TEXT:
    default:
      return g_strdup (wm_record_get_text (self, field) ? wm_record_get_text (self, field) : "—");
    }
}

typedef struct
{
  guint         field;
  WmRecordKind  kind;
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column->kind == WM_RECORD_TEXT)
    gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  WmRecord *record = gtk_list_item_get_item (item);
  g_autofree char *text = wm_record_format (record, column->field, column->kind);
  char *newline;

  /* Excerpts may span lines; a cell shows one. */
  if ((newline = strpbrk (text, "\r\n")) != NULL)
    *newline = '\0';
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item),
                               column->kind == WM_RECORD_TEXT ? wm_record_get_text (record, column->field) : NULL);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Column *column = user_data;
  WmRecord *ra = (WmRecord *) a;
  WmRecord *rb = (WmRecord *) b;

  if (column->kind == WM_RECORD_TEXT)
    {
      const char *ta = wm_record_get_text (ra, column->field);
      const char *tb = wm_record_get_text (rb, column->field);
      int cmp = g_utf8_collate (ta ? ta : "", tb ? tb : "");

      return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }

  if (wm_record_get_int (ra, column->field) < wm_record_get_int (rb, column->field))
    return GTK_ORDERING_SMALLER;
  if (wm_record_get_int (ra, column->field) > wm_record_get_int (rb, column->field))
    return GTK_ORDERING_LARGER;

  return GTK_ORDERING_EQUAL;
}

GtkColumnViewColumn *
wm_record_column_new (const char   *title,
                      guint         field,
                      WmRecordKind  kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column = NULL;
  GtkSorter *sorter;
  Column *column = g_new0 (Column, 1);

  column->field = field;
  column->kind = kind;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), column);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_records, column, g_free));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  g_object_unref (sorter);

  return view_column;
}
