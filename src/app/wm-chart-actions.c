/* wm-chart-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-chart-actions.h"
#include "wm-deck.h"
#include "wm-error.h"
#include "wm-flow-graph.h"
#include "wm-funnel-result.h"

typedef struct
{
  GtkWindow   *parent;
  WmChartKind  kind;
  gpointer     data;
  char        *title;
  GPtrArray   *slides;   /* a deck export when set */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->parent);
  if (job->data != NULL)
    {
      if (job->kind == WM_CHART_SANKEY)
        wm_flow_graph_free (job->data);
      else
        wm_funnel_result_free (job->data);
    }
  g_free (job->title);
  g_clear_pointer (&job->slides, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GdkTexture *
wm_chart_render_texture (WmChartKind     kind,
                         gconstpointer   data,
                         int             width,
                         int             height,
                         const WmTheme  *theme,
                         const char     *title,
                         GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int stride;

  g_return_val_if_fail (data != NULL, NULL);

  if (width < 16 || height < 16 || width > 16384 || height > 16384)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("A chart of %d×%d is not possible: use a size between 16 and 16384 pixels."),
                   width, height);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  wm_chart_draw (cr, kind, data, width, height, theme, title);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, WM_ERROR, WM_ERROR_FAILED,
                   _("Could not draw the chart: %s."), cairo_status_to_string (status));
      return NULL;
    }

  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 layout on this machine. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

void
wm_chart_actions_copy (GtkWidget     *widget,
                       WmChartKind    kind,
                       gconstpointer  data,
                       const char    *title,
                       WmThemeKind    theme_kind)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (data != NULL);

  texture = wm_chart_render_texture (kind, data, WM_CHART_DEFAULT_WIDTH, WM_CHART_DEFAULT_HEIGHT,
                                     wm_theme_get (theme_kind), title, &error);
  if (texture == NULL)
    {
      show_error (GTK_WINDOW (gtk_widget_get_root (widget)), _("Could Not Copy Chart"),
                  error->message);
      return;
    }

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

gboolean
wm_chart_parse_size (const char *text,
                     int        *width,
                     int        *height)
{
  guint64 w, h;
  char *end;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  w = g_ascii_strtoull (text, &end, 10);
  if (*end != 'x' || !g_ascii_isdigit (end[1]))
    return FALSE;
  h = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0' || w == 0 || h == 0 || w > G_MAXINT || h > G_MAXINT)
    return FALSE;

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

char *
wm_chart_export_path (const char *path,
                      const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".svg") ||
      g_str_has_suffix (lower, ".pdf"))
    return g_strdup (path);

  return g_strconcat (path, ".", extension, NULL);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *extension)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", extension, NULL);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "wm-extension", (gpointer) extension);
  gtk_file_chooser_add_filter (chooser, filter);
}

static const char *
chosen_extension (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const char *extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "wm-extension")
                                         : NULL;

  return extension != NULL ? extension : "png";
}

/* A file name from a chart's title: no path separators. */
static char *
suggested_name (const char *title,
                const char *fallback,
                const char *extension)
{
  g_autofree char *base = g_strdup (title != NULL && title[0] != '\0' ? title : fallback);

  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, ".", extension, NULL);
}

static void
export_chart_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(ExportJob) job = user_data;
  /* The dialog goes when this returns, whatever happened. */
  g_autoptr(GtkNativeDialog) owned = dialog;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  const char *size;
  const char *theme_name;
  WmThemeKind theme_kind = WM_THEME_LIGHT;
  int width = WM_CHART_DEFAULT_WIDTH;
  int height = WM_CHART_DEFAULT_HEIGHT;

  if (response != GTK_RESPONSE_ACCEPT || (file = gtk_file_chooser_get_file (chooser)) == NULL)
    return;

  chosen = g_file_get_path (file);
  if (chosen == NULL)
    {
      show_error (job->parent, _("Could Not Export Chart"),
                  _("Charts can only be exported to a local folder."));
      return;
    }
  path = wm_chart_export_path (chosen, chosen_extension (chooser));
  size = gtk_file_chooser_get_choice (chooser, "size");
  if (size != NULL)
    wm_chart_parse_size (size, &width, &height);
  theme_name = gtk_file_chooser_get_choice (chooser, "theme");
  if (theme_name != NULL)
    wm_theme_kind_from_name (theme_name, &theme_kind);

  if (!wm_chart_export (job->kind, job->data, path, width, height, wm_theme_get (theme_kind),
                        job->title, &error))
    show_error (job->parent, _("Could Not Export Chart"), error->message);
}

void
wm_chart_actions_export (GtkWindow     *parent,
                         WmChartKind    kind,
                         gconstpointer  data,
                         const char    *title)
{
  static const char *size_ids[] = { "1600x900", "1280x720", "1920x1080", "3840x2160", "1200x1200", NULL };
  static const char *size_labels[] = { "1600 × 900", "1280 × 720", "1920 × 1080", "3840 × 2160",
                                       "1200 × 1200", NULL };
  static const char *theme_ids[] = { "light", "dark", "presentation", NULL };
  const char *theme_labels[] = { _("Light"), _("Dark"), _("Presentation"), NULL };
  GtkFileChooserNative *dialog;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (data != NULL);

  job = g_new0 (ExportJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->kind = kind;
  job->data = kind == WM_CHART_SANKEY ? (gpointer) wm_flow_graph_copy (data)
                                      : (gpointer) wm_funnel_result_copy (data);
  job->title = g_strdup (title);

  dialog = gtk_file_chooser_native_new (_("Export Chart"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filter (chooser, _("PNG Image"), "image/png", "png");
  add_filter (chooser, _("SVG Image"), "image/svg+xml", "svg");
  add_filter (chooser, _("PDF Document"), "application/pdf", "pdf");
  gtk_file_chooser_add_choice (chooser, "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (chooser, "size", "1600x900");
  gtk_file_chooser_add_choice (chooser, "theme", _("Colours"), theme_ids, theme_labels);
  gtk_file_chooser_set_choice (chooser, "theme", "light");
  name = suggested_name (title, _("Chart"), "png");
  gtk_file_chooser_set_current_name (chooser, name);

  g_signal_connect (dialog, "response", G_CALLBACK (export_chart_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_deck_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  g_autoptr(ExportJob) job = user_data;
  g_autoptr(GtkNativeDialog) owned = dialog;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) == NULL)
    return;

  chosen = g_file_get_path (file);
  if (chosen == NULL)
    {
      show_error (job->parent, _("Could Not Export Slides"),
                  _("Slides can only be exported to a local folder."));
      return;
    }
  path = wm_chart_export_path (chosen, "pdf");
  if (!wm_deck_export_pdf ((WmSlide * const *) job->slides->pdata, job->slides->len, path,
                           NULL, &error))
    show_error (job->parent, _("Could Not Export Slides"), error->message);
}

void
wm_chart_actions_export_deck (GtkWindow       *parent,
                              WmSlide * const *slides,
                              guint            n_slides)
{
  GtkFileChooserNative *dialog;
  GtkFileChooser *chooser;
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (n_slides == 0 || slides != NULL);

  job = g_new0 (ExportJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_slide_unref);
  for (guint i = 0; i < n_slides; i++)
    g_ptr_array_add (job->slides, wm_slide_ref (slides[i]));

  dialog = gtk_file_chooser_native_new (_("Export Slides as PDF"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filter (chooser, _("PDF Document"), "application/pdf", "pdf");
  gtk_file_chooser_set_current_name (chooser, _("Presentation.pdf"));

  g_signal_connect (dialog, "response", G_CALLBACK (export_deck_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
