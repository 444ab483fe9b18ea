/* wm-data-page.c: what was imported: history, touchpoints, rejected rows
 *
 * History and catalogue are small and arrive in one piece; rejected rows
 * may number hundreds of thousands and arrive in pages, so that the first
 * ones show while the rest load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-catalogue.h"
#include "wm-data-page.h"
#include "wm-error.h"
#include "wm-record.h"

#define REJECTS_PAGE_SIZE 5000

struct _WmDataPage
{
  AdwBin            parent_instance;

  WmSession        *session;
  GCancellable     *cancellable;
  GListStore       *history;
  GListStore       *catalogue;
  GListStore       *rejects;

  AdwViewStackPage *rejects_page;
  GtkStack         *history_stack;
  GtkStack         *catalogue_stack;
  GtkStack         *rejects_stack;
  GtkColumnView    *history_view;
  GtkColumnView    *catalogue_view;
  GtkColumnView    *rejects_view;
};

G_DEFINE_FINAL_TYPE (WmDataPage, wm_data_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  WmProject    *project;
  GMainContext *context;
  GListStore   *rejects;
  GPtrArray    *history;
  GPtrArray    *catalogue;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->project);
  g_clear_pointer (&load->context, g_main_context_unref);
  g_clear_object (&load->rejects);
  g_clear_pointer (&load->history, g_ptr_array_unref);
  g_clear_pointer (&load->catalogue, g_ptr_array_unref);
  g_free (load);
}

typedef struct
{
  GListStore   *store;
  GCancellable *cancellable;
  GPtrArray    *records;
} RejectsPage;

static void
rejects_page_free (RejectsPage *page)
{
  g_object_unref (page->store);
  g_object_unref (page->cancellable);
  g_ptr_array_unref (page->records);
  g_free (page);
}

static gboolean
append_rejects_page (gpointer data)
{
  RejectsPage *page = data;

  /* A newer refresh cleared the store: this page is stale. */
  if (!g_cancellable_is_cancelled (page->cancellable))
    g_list_store_splice (page->store, g_list_model_get_n_items (G_LIST_MODEL (page->store)), 0,
                         page->records->pdata, page->records->len);

  return G_SOURCE_REMOVE;
}

/* The importer stores "csv" or "jsonl"; the demo, its own name. */
static const char *
format_label (const char *format)
{
  if (g_strcmp0 (format, "csv") == 0)
    return _("CSV");
  if (g_strcmp0 (format, "jsonl") == 0)
    return _("JSON Lines");
  if (g_strcmp0 (format, "demo") == 0)
    return _("Demo data");

  return format;
}

static GPtrArray *
load_history (WmProject  *project,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (project,
                                                     "SELECT file, size, format, rows, rejected, started_at, finished_at"
                                                     " FROM imports WHERE finished_at IS NOT NULL ORDER BY id",
                                                     error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WmRecord *record = wm_record_new (WM_HISTORY_N_FIELDS);

      wm_record_set_text (record, WM_HISTORY_FILE, (const char *) sqlite3_column_text (stmt, 0));
      wm_record_set_int (record, WM_HISTORY_SIZE, sqlite3_column_int64 (stmt, 1));
      wm_record_set_text (record, WM_HISTORY_FORMAT, format_label ((const char *) sqlite3_column_text (stmt, 2)));
      wm_record_set_int (record, WM_HISTORY_ROWS, sqlite3_column_int64 (stmt, 3));
      wm_record_set_int (record, WM_HISTORY_REJECTED, sqlite3_column_int64 (stmt, 4));
      wm_record_set_int (record, WM_HISTORY_STARTED, sqlite3_column_int64 (stmt, 5));
      wm_record_set_int (record, WM_HISTORY_FINISHED, sqlite3_column_int64 (stmt, 6));
      g_ptr_array_add (records, record);
    }

  if (rc != SQLITE_DONE)
    {
      wm_project_set_sqlite_error (project, rc, "import history", error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static GPtrArray *
load_catalogue (WmProject     *project,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) entries = wm_catalogue_load (project, cancellable, error);
  g_autoptr(GPtrArray) records = NULL;

  if (entries == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      const WmCatalogueEntry *entry = g_ptr_array_index (entries, i);
      WmRecord *record = wm_record_new (WM_CATALOGUE_N_FIELDS);

      wm_record_set_text (record, WM_CATALOGUE_NAME, entry->name);
      wm_record_set_int (record, WM_CATALOGUE_EVENTS, entry->events);
      wm_record_set_int (record, WM_CATALOGUE_CUSTOMERS, entry->customers);
      wm_record_set_text (record, WM_CATALOGUE_CHANNEL, entry->top_channel);
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

/* Keyset paging (rowid > last) keeps every page as cheap as the first. */
static gboolean
load_rejects (Load          *load,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = wm_project_prepare (load->project,
                                                     "SELECT rowid, file, line, reason, excerpt FROM rejects"
                                                     " WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                                     error);
  gint64 last = 0;

  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      RejectsPage *page;
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, last);
      sqlite3_bind_int (stmt, 2, REJECTS_PAGE_SIZE);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          WmRecord *record = wm_record_new (WM_REJECT_N_FIELDS);

          last = sqlite3_column_int64 (stmt, 0);
          wm_record_set_text (record, WM_REJECT_FILE, (const char *) sqlite3_column_text (stmt, 1));
          wm_record_set_int (record, WM_REJECT_LINE, sqlite3_column_int64 (stmt, 2));
          wm_record_set_text (record, WM_REJECT_REASON, (const char *) sqlite3_column_text (stmt, 3));
          wm_record_set_text (record, WM_REJECT_EXCERPT, (const char *) sqlite3_column_text (stmt, 4));
          g_ptr_array_add (records, record);
        }

      if (rc != SQLITE_DONE)
        {
          wm_project_set_sqlite_error (load->project, rc, "rejected rows", error);
          return FALSE;
        }

      if (records->len == 0)
        return TRUE;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, WM_ERROR, WM_ERROR_CANCELLED, _("Cancelled"));
          return FALSE;
        }

      page = g_new0 (RejectsPage, 1);
      page->store = g_object_ref (load->rejects);
      page->cancellable = g_object_ref (cancellable);
      page->records = g_steal_pointer (&records);
      g_main_context_invoke_full (load->context, G_PRIORITY_DEFAULT, append_rejects_page,
                                  page, (GDestroyNotify) rejects_page_free);
    }
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  /* A connection of its own: the window keeps reading on the session's. */
  g_autoptr(WmProject) own = wm_project_reopen (load->project, &error);

  if (own == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_set_object (&load->project, own);

  if (!(load->history = load_history (load->project, &error)) ||
      !(load->catalogue = load_catalogue (load->project, cancellable, &error)) ||
      !load_rejects (load, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
replace_all (GListStore *store,
             GPtrArray  *records)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       records ? records->pdata : NULL, records ? records->len : 0);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  WmDataPage *self = WM_DATA_PAGE (object);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, WM_ERROR, WM_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not list the imported data of “%s”: %s",
                 wm_project_get_path (load->project), error->message);
    }

  replace_all (self->history, load->history);
  replace_all (self->catalogue, load->catalogue);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cancel_load (WmDataPage *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

void
wm_data_page_refresh (WmDataPage *self)
{
  WmProject *project;
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (WM_IS_DATA_PAGE (self));

  cancel_load (self);
  replace_all (self->rejects, NULL);

  project = self->session ? wm_session_get_project (self->session) : NULL;
  if (project == NULL)
    {
      replace_all (self->history, NULL);
      replace_all (self->catalogue, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  load = g_new0 (Load, 1);
  load->project = g_object_ref (project);
  load->context = g_main_context_ref_thread_default ();
  load->rejects = g_object_ref (self->rejects);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, wm_data_page_refresh);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_worker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_empty_states (WmDataPage *self)
{
  guint n_rejects = g_list_model_get_n_items (G_LIST_MODEL (self->rejects));

  gtk_stack_set_visible_child_name (self->history_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->history)) ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->catalogue_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->catalogue)) ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->rejects_stack, n_rejects ? "list" : "empty");
  adw_view_stack_page_set_badge_number (self->rejects_page, n_rejects);
}

static GListStore *
setup_table (WmDataPage    *self,
             GtkColumnView *view)
{
  GListStore *store = g_list_store_new (WM_TYPE_RECORD);
  GtkSortListModel *sorted;

  g_signal_connect_object (store, "items-changed", G_CALLBACK (update_empty_states),
                           self, G_CONNECT_SWAPPED);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                    g_object_ref (gtk_column_view_get_sorter (view)));
  /* Sorting 100 000 rows in steps keeps the window responsive. */
  gtk_sort_list_model_set_incremental (sorted, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));

  return store;
}

/* The first column of each table takes the spare width. */
static void
add_column (GtkColumnView *view,
            const char    *title,
            guint          field,
            WmRecordKind   kind)
{
  g_autoptr(GtkColumnViewColumn) column = wm_record_column_new (title, field, kind);

  gtk_column_view_column_set_expand (column, field == 0);
  gtk_column_view_append_column (view, column);
}

static void
wm_data_page_dispose (GObject *object)
{
  WmDataPage *self = WM_DATA_PAGE (object);

  cancel_load (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_DATA_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->history);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->rejects);

  G_OBJECT_CLASS (wm_data_page_parent_class)->dispose (object);
}

static void
wm_data_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WmDataPage *self = WM_DATA_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, wm_data_page_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_data_page_class_init (WmDataPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_data_page_dispose;
  object_class->get_property = wm_data_page_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-data-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmDataPage, rejects_page);
  gtk_widget_class_bind_template_child (widget_class, WmDataPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, WmDataPage, catalogue_stack);
  gtk_widget_class_bind_template_child (widget_class, WmDataPage, rejects_stack);
  gtk_widget_class_bind_template_child (widget_class, WmDataPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, WmDataPage, catalogue_view);
  gtk_widget_class_bind_template_child (widget_class, WmDataPage, rejects_view);
}

static void
wm_data_page_init (WmDataPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = setup_table (self, self->history_view);
  add_column (self->history_view, _("File"), WM_HISTORY_FILE, WM_RECORD_TEXT);
  add_column (self->history_view, _("Size"), WM_HISTORY_SIZE, WM_RECORD_BYTES);
  add_column (self->history_view, _("Format"), WM_HISTORY_FORMAT, WM_RECORD_TEXT);
  add_column (self->history_view, _("Events"), WM_HISTORY_ROWS, WM_RECORD_COUNT);
  add_column (self->history_view, _("Rejected"), WM_HISTORY_REJECTED, WM_RECORD_COUNT);
  add_column (self->history_view, _("Started"), WM_HISTORY_STARTED, WM_RECORD_TIME);
  add_column (self->history_view, _("Finished"), WM_HISTORY_FINISHED, WM_RECORD_TIME);

  self->catalogue = setup_table (self, self->catalogue_view);
  add_column (self->catalogue_view, _("Touchpoint"), WM_CATALOGUE_NAME, WM_RECORD_TEXT);
  add_column (self->catalogue_view, _("Events"), WM_CATALOGUE_EVENTS, WM_RECORD_COUNT);
  add_column (self->catalogue_view, _("Customers"), WM_CATALOGUE_CUSTOMERS, WM_RECORD_COUNT);
  add_column (self->catalogue_view, _("Main Channel"), WM_CATALOGUE_CHANNEL, WM_RECORD_TEXT);

  self->rejects = setup_table (self, self->rejects_view);
  add_column (self->rejects_view, _("File"), WM_REJECT_FILE, WM_RECORD_TEXT);
  add_column (self->rejects_view, _("Line"), WM_REJECT_LINE, WM_RECORD_COUNT);
  add_column (self->rejects_view, _("Reason"), WM_REJECT_REASON, WM_RECORD_TEXT);
  add_column (self->rejects_view, _("Row"), WM_REJECT_EXCERPT, WM_RECORD_TEXT);

  update_empty_states (self);
}

void
wm_data_page_set_session (WmDataPage *self,
                          WmSession  *session)
{
  g_return_if_fail (WM_IS_DATA_PAGE (self));
  g_return_if_fail (session == NULL || WM_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::project", G_CALLBACK (wm_data_page_refresh),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "events-changed", G_CALLBACK (wm_data_page_refresh),
                               self, G_CONNECT_SWAPPED);
    }

  wm_data_page_refresh (self);
}

gboolean
wm_data_page_get_loading (WmDataPage *self)
{
  g_return_val_if_fail (WM_IS_DATA_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

GListModel *
wm_data_page_get_model (WmDataPage *self,
                        const char *section)
{
  g_return_val_if_fail (WM_IS_DATA_PAGE (self), NULL);

  if (g_strcmp0 (section, "history") == 0)
    return G_LIST_MODEL (self->history);
  if (g_strcmp0 (section, "catalogue") == 0)
    return G_LIST_MODEL (self->catalogue);
  if (g_strcmp0 (section, "rejects") == 0)
    return G_LIST_MODEL (self->rejects);

  g_return_val_if_reached (NULL);
}
