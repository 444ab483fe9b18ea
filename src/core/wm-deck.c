/* wm-deck.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "wm-deck.h"
#include "wm-error.h"

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_sink (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
fail_io (const char  *path,
         const char  *reason,
         GError     **error)
{
  g_set_error (error, WM_ERROR, WM_ERROR_IO,
               _("Could not write the slides to “%s”: %s. Check that the folder exists and is writable."),
               path, reason);
  return FALSE;
}

gboolean
wm_deck_export_pdf (WmSlide * const  *slides,
                    guint             n_slides,
                    const char       *path,
                    const WmTheme    *theme,
                    GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (n_slides == 0 || slides != NULL, FALSE);

  if (n_slides == 0)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("There are no slides to export: add a chart to the presentation first."));
      return FALSE;
    }
  if (theme == NULL)
    theme = wm_theme_get (WM_THEME_PRESENTATION);

  /* g_file_replace() writes aside and renames on close, so a failed
   * export leaves an earlier file of that name untouched. */
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (out == NULL)
    return fail_io (path, local_error->message, error);
  sink.stream = G_OUTPUT_STREAM (out);

  surface = cairo_pdf_surface_create_for_stream (write_sink, &sink,
                                                 WM_DECK_PAGE_WIDTH, WM_DECK_PAGE_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_slides; i++)
    {
      cairo_save (cr);
      cairo_scale (cr, (double) WM_DECK_PAGE_WIDTH / WM_DECK_CANVAS_WIDTH,
                   (double) WM_DECK_PAGE_HEIGHT / WM_DECK_CANVAS_HEIGHT);
      wm_slide_draw (slides[i], cr, WM_DECK_CANVAS_WIDTH, WM_DECK_CANVAS_HEIGHT, theme);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *reason = g_strdup (sink.error != NULL ? sink.error->message
                                                             : cairo_status_to_string (status));

      g_clear_error (&sink.error);
      /* Closing a cancelled replace discards the partial file. */
      cancellable = g_cancellable_new ();
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, NULL);
      return fail_io (path, reason, error);
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    return fail_io (path, local_error->message, error);

  return TRUE;
}
