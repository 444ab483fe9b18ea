/* wm-import-dialog.c: choose a log, check its columns, import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-error.h"
#include "wm-import-dialog.h"
#include "wm-import-preview.h"
#include "wm-record.h"
#include "wm-rejects.h"
#include "wm-format.h"

#define PREVIEW_ROWS 20

struct _WmImportDialog
{
  AdwWindow         parent_instance;

  WmSession        *session;
  GSettings        *settings;
  GFile            *file;
  /* Files still to import after this one, and where this one is among them. */
  GQueue            pending;
  guint             n_files;
  guint             file_number;
  WmImportPreview  *preview;
  GCancellable     *cancellable;
  WmImportResult   *result;
  GPtrArray        *rejects;
  GError           *error;
  gboolean          close_when_done;
  gboolean          filling;

  /* Written by the importing thread, read by the progress timer. */
  GMutex            progress_lock;
  guint64           bytes_read;
  guint64           bytes_total;
  guint64           events;
  gint64            started;
  guint             progress_source;

  AdwWindowTitle   *window_title;
  GtkWidget        *cancel_button;
  GtkWidget        *import_button;
  GtkWidget        *done_button;
  GtkWidget        *next_button;
  GtkStack         *stack;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwActionRow     *file_row;
  GtkColumnView    *preview_view;
  AdwPreferencesGroup *columns_group;
  AdwComboRow      *field_rows[WM_N_FIELDS];
  AdwComboRow      *format_row;
  AdwEntryRow      *timezone_row;
  GtkSwitch        *force_switch;
  AdwStatusPage    *progress_page;
  GtkProgressBar   *progress_bar;
  GtkLabel         *progress_label;
  GtkLabel         *summary_title;
  GtkLabel         *summary_label;
  GtkWidget        *rejects_group;
  GtkListView      *rejects_view;
};

G_DEFINE_FINAL_TYPE (WmImportDialog, wm_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const format_names[] = { "auto", "csv", "jsonl" };

static void
set_stage (WmImportDialog *self,
           const char     *stage)
{
  gboolean setup = g_str_equal (stage, "setup");
  gboolean summary = g_str_equal (stage, "summary");

  gtk_stack_set_visible_child_name (self->stack, stage);
  gtk_widget_set_visible (self->import_button, !summary);
  gtk_widget_set_visible (self->cancel_button, !summary);
  gtk_widget_set_visible (self->done_button, summary);
  /* With more files to come: "Next File" after an import, "Skip File"
   * when this one cannot or should not be imported. */
  gtk_widget_set_visible (self->next_button, !g_queue_is_empty (&self->pending) &&
                                             !g_str_equal (stage, "progress"));
  gtk_button_set_label (GTK_BUTTON (self->next_button), summary ? _("_Next File") : _("_Skip File"));
  if (summary && !g_queue_is_empty (&self->pending))
    {
      gtk_widget_remove_css_class (self->done_button, "suggested-action");
      gtk_widget_add_css_class (self->next_button, "suggested-action");
    }
  else
    {
      gtk_widget_add_css_class (self->done_button, "suggested-action");
      gtk_widget_remove_css_class (self->next_button, "suggested-action");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !g_str_equal (stage, "progress"));
  if (!setup)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static void
show_error (WmImportDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Builds the options from the form; FALSE with a message to show when a
 * value cannot be used. */
static gboolean
build_options (WmImportDialog   *self,
               WmImportOptions  *options,
               GError          **error)
{
  const char *timezone = gtk_editable_get_text (GTK_EDITABLE (self->timezone_row));

  options->format = (WmImportFormat) adw_combo_row_get_selected (self->format_row);
  options->force = gtk_switch_get_active (self->force_switch);

  for (guint f = 0; f < WM_N_FIELDS; f++)
    {
      guint selected = adw_combo_row_get_selected (self->field_rows[f]);

      g_clear_pointer (&options->mapping[f], g_free);
      /* Item 0 is "Automatic"; item i is the preview's column i − 1. */
      if (self->preview != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION &&
          selected - 1 < self->preview->n_columns)
        options->mapping[f] = g_strdup (self->preview->columns[selected - 1]);
    }

  if (timezone[0] != '\0' && !wm_import_options_set_timezone (options, timezone, error))
    return FALSE;

  /* JSON Lines dialects find their own fields; a CSV needs the columns. */
  if (self->preview != NULL && self->preview->format == WM_IMPORT_FORMAT_CSV)
    {
      int columns[WM_N_FIELDS];

      wm_import_detect_csv_columns ((const char * const *) self->preview->columns,
                                    self->preview->n_columns, options->mapping, columns);
      for (guint f = 0; f < WM_FIELD_CHANNEL; f++)
        if (columns[f] < 0)
          {
            g_set_error (error, WM_ERROR, WM_ERROR_NO_USABLE_HEADER,
                         _("No column of this file was recognised as the %s: choose it under Columns"),
                         wm_field_get_name (f));
            return FALSE;
          }
    }

  return TRUE;
}

static void
validate (WmImportDialog *self)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->filling || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "setup"))
    return;

  ok = self->preview != NULL && build_options (self, options, &error);
  if (error != NULL)
    show_error (self, error->message);
  else if (ok)
    show_error (self, NULL);

  if (error != NULL && g_error_matches (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT))
    gtk_widget_add_css_class (GTK_WIDGET (self->timezone_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timezone_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", ok);
}

static void
fill_preview (WmImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr(GListStore) rows = g_list_store_new (WM_TYPE_RECORD);

  /* The old rows go first: the new columns cannot show them. */
  gtk_column_view_set_model (self->preview_view, NULL);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }

  for (guint i = 0; i < self->preview->n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = wm_record_column_new (self->preview->columns[i], i, WM_RECORD_TEXT);

      /* Few columns fill the width; many scroll sideways. */
      gtk_column_view_column_set_fixed_width (column, 120);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->preview_view, column);
    }

  for (guint r = 0; r < self->preview->rows->len; r++)
    {
      char **values = g_ptr_array_index (self->preview->rows, r);
      g_autoptr(WmRecord) record = wm_record_new (self->preview->n_columns);

      for (guint i = 0; i < self->preview->n_columns; i++)
        wm_record_set_text (record, i, values[i]);
      g_list_store_append (rows, record);
    }

  gtk_column_view_set_model (self->preview_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
}

/* The remembered mapping (FIELD=NAME pairs) for @field, if this file has it. */
static guint
remembered_column (WmImportDialog *self,
                   WmField         field)
{
  g_auto(GStrv) pairs = g_settings_get_strv (self->settings, "last-import-mapping");
  g_autofree char *prefix = g_strconcat (wm_field_get_name (field), "=", NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    if (g_str_has_prefix (pairs[i], prefix))
      for (guint c = 0; c < self->preview->n_columns; c++)
        if (g_ascii_strcasecmp (self->preview->columns[c], pairs[i] + strlen (prefix)) == 0)
          return c + 1;

  return 0;
}

static void
fill_columns (WmImportDialog *self,
              gboolean        keep_choices)
{
  for (guint f = 0; f < WM_N_FIELDS; f++)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      g_autofree char *automatic = NULL;
      int detected = self->preview->detected[f];
      guint previous = adw_combo_row_get_selected (self->field_rows[f]);

      if (self->preview->format == WM_IMPORT_FORMAT_JSONL)
        automatic = g_strdup (_("Automatic"));
      else if (detected >= 0)
        /* Translators: %s is a column name found in the file */
        automatic = g_strdup_printf (_("Automatic (%s)"), self->preview->columns[detected]);
      else if (f == WM_FIELD_CHANNEL)
        automatic = g_strdup (_("None"));
      else
        automatic = g_strdup (_("Not Found"));

      gtk_string_list_append (names, automatic);
      for (guint c = 0; c < self->preview->n_columns; c++)
        gtk_string_list_append (names, self->preview->columns[c]);

      adw_combo_row_set_model (self->field_rows[f], G_LIST_MODEL (names));
      if (keep_choices && previous != GTK_INVALID_LIST_POSITION && previous <= self->preview->n_columns)
        adw_combo_row_set_selected (self->field_rows[f], previous);
      else
        adw_combo_row_set_selected (self->field_rows[f], remembered_column (self, f));
    }
}

static gboolean
read_preview (WmImportDialog *self,
              gboolean        keep_choices)
{
  g_autoptr(GError) error = NULL;
  WmImportFormat format = (WmImportFormat) adw_combo_row_get_selected (self->format_row);

  g_clear_pointer (&self->preview, wm_import_preview_free);
  self->preview = wm_import_preview_read (self->file, format, PREVIEW_ROWS, NULL, &error);
  if (self->preview == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
      show_error (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
      return FALSE;
    }

  self->filling = TRUE;
  fill_preview (self);
  fill_columns (self, keep_choices);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), TRUE);
  return TRUE;
}

static void
show_file (WmImportDialog *self,
           GFile          *file)
{
  g_autofree char *name = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *subtitle = NULL;

  g_set_object (&self->file, file);
  g_clear_error (&self->error);
  name = g_file_get_basename (file);
  parse_name = g_file_get_parse_name (file);
  if (self->n_files > 1)
    /* Translators: the import dialog's subtitle: a file name, then "2 of 3" files */
    subtitle = g_strdup_printf (_("%s (%u of %u)"), name, self->file_number, self->n_files);
  else
    subtitle = g_strdup (name);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, parse_name);

  set_stage (self, "setup");
  if (read_preview (self, FALSE))
    validate (self);
}

void
wm_import_dialog_set_files (WmImportDialog *self,
                            GListModel     *files)
{
  guint n_files;
  g_autoptr(GFile) first = NULL;

  g_return_if_fail (WM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (self->cancellable == NULL);

  n_files = g_list_model_get_n_items (files);
  g_return_if_fail (n_files > 0);

  g_queue_clear_full (&self->pending, g_object_unref);
  for (guint i = 1; i < n_files; i++)
    g_queue_push_tail (&self->pending, g_list_model_get_item (files, i));
  self->n_files = n_files;
  self->file_number = 1;

  first = g_list_model_get_item (files, 0);
  show_file (self, first);
}

void
wm_import_dialog_set_file (WmImportDialog *self,
                           GFile          *file)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  g_return_if_fail (G_IS_FILE (file));

  g_list_store_append (files, file);
  wm_import_dialog_set_files (self, G_LIST_MODEL (files));
}

gboolean
wm_import_dialog_next_file (WmImportDialog *self)
{
  g_autoptr(GFile) next = NULL;

  g_return_val_if_fail (WM_IS_IMPORT_DIALOG (self), FALSE);

  if (self->cancellable != NULL || g_queue_is_empty (&self->pending))
    return FALSE;

  next = g_queue_pop_head (&self->pending);
  self->file_number++;
  show_error (self, NULL);
  show_file (self, next);
  return TRUE;
}

guint
wm_import_dialog_get_n_pending (WmImportDialog *self)
{
  g_return_val_if_fail (WM_IS_IMPORT_DIALOG (self), 0);

  return g_queue_get_length (&self->pending);
}

static void
on_format_changed (WmImportDialog *self)
{
  if (self->filling || self->file == NULL)
    return;

  if (read_preview (self, FALSE))
    validate (self);
}

static void
choose_response (GtkNativeDialog *native,
                 int              response,
                 WmImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      if (g_list_model_get_n_items (files) > 0)
        wm_import_dialog_set_files (self, files);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
wm_import_dialog_choose_file (WmImportDialog *self)
{
  g_autoptr(GtkFileFilter) logs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  g_return_if_fail (WM_IS_IMPORT_DIALOG (self));

  gtk_file_filter_set_name (logs, _("Touchpoint Logs (CSV, JSON Lines)"));
  gtk_file_filter_add_mime_type (logs, "text/csv");
  gtk_file_filter_add_mime_type (logs, "application/x-ndjson");
  gtk_file_filter_add_mime_type (logs, "application/jsonl");
  for (guint i = 0; i < 5; i++)
    gtk_file_filter_add_suffix (logs, (const char *[]) { "csv", "tsv", "jsonl", "ndjson", "json" }[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  native = gtk_file_chooser_native_new (_("Import Events"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), logs);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (choose_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remember_options (WmImportDialog        *self,
                  const WmImportOptions *options)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pairs = NULL;

  for (guint f = 0; f < WM_N_FIELDS; f++)
    if (options->mapping[f] != NULL)
      {
        g_autofree char *pair = g_strconcat (wm_field_get_name (f), "=", options->mapping[f], NULL);

        g_strv_builder_add (builder, pair);
      }
  pairs = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "last-import-mapping", (const char * const *) pairs);
  g_settings_set_string (self->settings, "last-import-format", format_names[options->format]);
  g_settings_set_string (self->settings, "last-import-timezone",
                         gtk_editable_get_text (GTK_EDITABLE (self->timezone_row)));
}

static void
report_progress (guint64  bytes_read,
                 guint64  bytes_total,
                 guint64  events,
                 gpointer user_data)
{
  WmImportDialog *self = user_data;

  g_mutex_lock (&self->progress_lock);
  self->bytes_read = bytes_read;
  self->bytes_total = bytes_total;
  self->events = events;
  g_mutex_unlock (&self->progress_lock);
}

static gboolean
update_progress (gpointer user_data)
{
  WmImportDialog *self = user_data;
  guint64 bytes_read, bytes_total, events;
  double seconds = (g_get_monotonic_time () - self->started) / (double) G_USEC_PER_SEC;
  g_autofree char *read_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *text = NULL;

  g_mutex_lock (&self->progress_lock);
  bytes_read = self->bytes_read;
  bytes_total = self->bytes_total;
  events = self->events;
  g_mutex_unlock (&self->progress_lock);

  if (bytes_total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) bytes_read / bytes_total));
  else
    gtk_progress_bar_pulse (self->progress_bar);

  read_text = g_format_size (bytes_read);
  total_text = g_format_size (bytes_total);
  rate = wm_format_count (seconds > 0 ? (guint64) (events / seconds) : 0);
  if (bytes_total > 0)
    /* Translators: "12.3 MB of 40.0 MB · 250,000 events/s" */
    text = g_strdup_printf (_("%s of %s · %s events/s"), read_text, total_text, rate);
  else
    /* Translators: "12.3 MB · 250,000 events/s" */
    text = g_strdup_printf (_("%s · %s events/s"), read_text, rate);
  gtk_label_set_text (self->progress_label, text);

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  WmProject       *project;
  GFile           *file;
  WmImportOptions *options;
  WmImportResult  *result;
  GPtrArray       *rejects;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->file);
  g_clear_pointer (&job->options, wm_import_options_free);
  g_clear_pointer (&job->result, wm_import_result_free);
  g_clear_pointer (&job->rejects, g_ptr_array_unref);
  g_free (job);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  /* A connection of its own: the window keeps reading on the session's. */
  g_autoptr(WmProject) project = wm_project_reopen (job->project, &error);

  if (project == NULL ||
      !wm_import_file (project, job->file, job->options, job->result,
                       report_progress, source_object, cancellable, &error) ||
      !(job->rejects = wm_rejects_list (project, job->result->import_ids, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
fill_summary (WmImportDialog *self)
{
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *rejected = NULL;
  g_autofree char *label = NULL;

  g_autofree char *imported = wm_format_count (self->result->imported);
  g_autofree char *n_customers = wm_format_count (self->result->customers);
  g_autofree char *n_rejected = wm_format_count (self->result->rejected);

  /* Translators: %s is a number such as "1,234" */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s Event", "Imported %s Events",
                                        self->result->imported),
                           imported);
  /* Translators: %s is a number such as "1,234" */
  customers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %s customer", "from %s customers",
                                            self->result->customers),
                               n_customers);
  /* Translators: %s is a number such as "1,234" */
  rejected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row rejected", "%s rows rejected",
                                           self->result->rejected),
                              n_rejected);
  /* Translators: "from 5,000 customers · 3 rows rejected" */
  label = g_strdup_printf (_("%s · %s"), customers, rejected);
  gtk_label_set_text (self->summary_title, title);
  gtk_label_set_text (self->summary_label, label);

  for (guint i = 0; i < self->rejects->len; i++)
    {
      const WmReject *reject = g_ptr_array_index (self->rejects, i);
      g_autofree char *line = g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": %s",
                                               reject->file, reject->line, reject->reason);

      gtk_string_list_append (lines, line);
    }
  gtk_list_view_set_model (self->rejects_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines)))));
  gtk_widget_set_visible (self->rejects_group, self->rejects->len > 0);
}

static void
already_imported_response (AdwMessageDialog *dialog,
                           const char       *response,
                           WmImportDialog   *self)
{
  if (g_str_equal (response, "import"))
    {
      gtk_switch_set_active (self->force_switch, TRUE);
      wm_import_dialog_start (self, self->file);
    }
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  WmImportDialog *self = WM_IMPORT_DIALOG (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_clear_pointer (&self->result, wm_import_result_free);
      g_clear_pointer (&self->rejects, g_ptr_array_unref);
      self->result = g_steal_pointer (&job->result);
      self->rejects = g_steal_pointer (&job->rejects);
      fill_summary (self);
      set_stage (self, "summary");
      wm_session_events_changed (self->session);
      return;
    }

  set_stage (self, "setup");
  validate (self);
  if (g_error_matches (error, WM_ERROR, WM_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("The import was cancelled. The project is as it was before."));
  else if (g_error_matches (error, WM_ERROR, WM_ERROR_ALREADY_IMPORTED))
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("Already Imported"),
                                                                             error->message));

      show_error (self, error->message);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "import", _("Import _Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (already_imported_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    show_error (self, error->message);

  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);
}

void
wm_import_dialog_start (WmImportDialog *self,
                        GFile          *file)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  WmProject *project;
  ImportJob *job;

  g_return_if_fail (WM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  /* Another file than the one previewed: its columns are not known, so
   * they are detected as the importer does. */
  if (self->file == NULL || !g_file_equal (file, self->file))
    {
      g_set_object (&self->file, file);
      g_clear_pointer (&self->preview, wm_import_preview_free);
    }

  project = wm_session_get_project (self->session);
  g_clear_error (&self->error);
  if (project == NULL || !build_options (self, options, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, WM_ERROR, WM_ERROR_FAILED,
                             _("No project is open: create or open one, then import"));
      set_stage (self, "setup");
      show_error (self, error->message);
      self->error = g_steal_pointer (&error);
      return;
    }

  remember_options (self, options);

  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Importing “%s”…"), name);
  adw_status_page_set_title (self->progress_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->progress_label, "");
  self->bytes_read = self->bytes_total = self->events = 0;
  self->started = g_get_monotonic_time ();
  self->progress_source = g_timeout_add (100, update_progress, self);
  set_stage (self, "progress");

  job = g_new0 (ImportJob, 1);
  job->project = g_object_ref (project);
  job->file = g_object_ref (file);
  job->options = g_steal_pointer (&options);
  job->result = wm_import_result_new ();

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, import_done, NULL);
  g_task_set_source_tag (task, wm_import_dialog_start);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_worker);
}

void
wm_import_dialog_cancel (WmImportDialog *self)
{
  g_return_if_fail (WM_IS_IMPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

const char *
wm_import_dialog_get_stage (WmImportDialog *self)
{
  g_return_val_if_fail (WM_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const WmImportResult *
wm_import_dialog_get_result (WmImportDialog *self)
{
  g_return_val_if_fail (WM_IS_IMPORT_DIALOG (self), NULL);

  return self->result;
}

const GError *
wm_import_dialog_get_error (WmImportDialog *self)
{
  g_return_val_if_fail (WM_IS_IMPORT_DIALOG (self), NULL);

  return self->error;
}

static void
show_message (WmImportDialog *self,
              const char     *heading,
              const char     *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_rejects_response (GtkNativeDialog *native,
                         int              response,
                         WmImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GFileOutputStream) output = NULL;
      g_autoptr(GError) error = NULL;

      output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
      if (output == NULL ||
          !wm_rejects_write_csv (self->rejects, G_OUTPUT_STREAM (output), NULL, &error))
        show_message (self, _("Could Not Export the Rejected Rows"), error->message);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_rejects_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WmImportDialog *self = WM_IMPORT_DIALOG (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *suggested = NULL;
  char *dot;

  if ((dot = strrchr (name, '.')) != NULL)
    *dot = '\0';
  /* Translators: the file name offered for exported rejected rows; %s is the imported file's name */
  suggested = g_strdup_printf (_("%s-rejected.csv"), name);

  native = gtk_file_chooser_native_new (_("Export Rejected Rows"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_rejects_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  wm_import_dialog_choose_file (WM_IMPORT_DIALOG (widget));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WmImportDialog *self = WM_IMPORT_DIALOG (widget);

  if (self->file != NULL)
    wm_import_dialog_start (self, self->file);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  wm_import_dialog_next_file (WM_IMPORT_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WmImportDialog *self = WM_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    wm_import_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
wm_import_dialog_close_request (GtkWindow *window)
{
  WmImportDialog *self = WM_IMPORT_DIALOG (window);

  /* The worker still uses the dialog: close once it has rolled back. */
  if (self->cancellable != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (wm_import_dialog_parent_class)->close_request (window);
}

static void
wm_import_dialog_dispose (GObject *object)
{
  WmImportDialog *self = WM_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->file);
  g_queue_clear_full (&self->pending, g_object_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->preview, wm_import_preview_free);
  g_clear_pointer (&self->result, wm_import_result_free);
  g_clear_pointer (&self->rejects, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (wm_import_dialog_parent_class)->dispose (object);
}

static void
wm_import_dialog_finalize (GObject *object)
{
  g_mutex_clear (&WM_IMPORT_DIALOG (object)->progress_lock);

  G_OBJECT_CLASS (wm_import_dialog_parent_class)->finalize (object);
}

static void
wm_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WmImportDialog *self = WM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_string (value, wm_import_dialog_get_stage (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_import_dialog_class_init (WmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_import_dialog_dispose;
  object_class->finalize = wm_import_dialog_finalize;
  object_class->get_property = wm_import_dialog_get_property;
  window_class->close_request = wm_import_dialog_close_request;

  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, columns_group);
  gtk_widget_class_bind_template_child_full (widget_class, "customer_row", FALSE,
                                             G_STRUCT_OFFSET (WmImportDialog, field_rows[WM_FIELD_CUSTOMER]));
  gtk_widget_class_bind_template_child_full (widget_class, "timestamp_row", FALSE,
                                             G_STRUCT_OFFSET (WmImportDialog, field_rows[WM_FIELD_TIMESTAMP]));
  gtk_widget_class_bind_template_child_full (widget_class, "touchpoint_row", FALSE,
                                             G_STRUCT_OFFSET (WmImportDialog, field_rows[WM_FIELD_TOUCHPOINT]));
  gtk_widget_class_bind_template_child_full (widget_class, "channel_row", FALSE,
                                             G_STRUCT_OFFSET (WmImportDialog, field_rows[WM_FIELD_CHANNEL]));
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, force_switch);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, summary_title);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, rejects_group);
  gtk_widget_class_bind_template_child (widget_class, WmImportDialog, rejects_view);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.export-rejects", NULL, export_rejects_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
setup_reject_line (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_reject_line (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (line));
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), gtk_string_object_get_string (line));
}

static void
wm_import_dialog_init (WmImportDialog *self)
{
  GtkListItemFactory *factory;
  g_autofree char *format = NULL;
  g_autofree char *timezone = NULL;

  g_mutex_init (&self->progress_lock);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  format = g_settings_get_string (self->settings, "last-import-format");
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_str_equal (format, format_names[i]))
      adw_combo_row_set_selected (self->format_row, i);
  timezone = g_settings_get_string (self->settings, "last-import-timezone");
  gtk_editable_set_text (GTK_EDITABLE (self->timezone_row), timezone);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_reject_line), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_reject_line), NULL);
  gtk_list_view_set_factory (self->rejects_view, factory);
  g_object_unref (factory);

  for (guint f = 0; f < WM_N_FIELDS; f++)
    g_signal_connect_object (self->field_rows[f], "notify::selected", G_CALLBACK (validate),
                             self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_format_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timezone_row, "changed", G_CALLBACK (validate),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", FALSE);
}

WmImportDialog *
wm_import_dialog_new (GtkWindow *parent,
                      WmSession *session)
{
  WmImportDialog *self;

  g_return_val_if_fail (WM_IS_SESSION (session), NULL);

  self = g_object_new (WM_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->session = g_object_ref (session);

  return self;
}
