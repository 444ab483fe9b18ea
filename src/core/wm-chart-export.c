/* wm-chart-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "wm-chart-export.h"
#include "wm-error.h"
#include "wm-funnel-renderer.h"
#include "wm-map-renderer.h"
#include "wm-sankey-renderer.h"

void
wm_chart_draw (cairo_t       *cr,
               WmChartKind    kind,
               gconstpointer  data,
               double         width,
               double         height,
               const WmTheme *theme,
               const char    *title)
{
  switch (kind)
    {
    case WM_CHART_SANKEY:
      wm_sankey_render (cr, data, width, height, theme, title, NULL);
      break;
    case WM_CHART_FUNNEL:
      wm_funnel_render (cr, data, width, height, theme, title, NULL);
      break;
    case WM_CHART_JOURNEY_MAP:
      wm_map_render_fitted (cr, data, width, height, theme);
      break;
    default:
      g_return_if_reached ();
    }
}

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

static gboolean
format_for_path (const char *path,
                 Format     *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, WM_ERROR, WM_ERROR_IO,
               _("Could not write the chart to “%s”: %s. Check that the folder exists and is writable."),
               path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
wm_chart_export (WmChartKind     kind,
                 gconstpointer   data,
                 const char     *path,
                 int             width,
                 int             height,
                 const WmTheme  *theme,
                 const char     *title,
                 GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Format format;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!format_for_path (path, &format))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the image format of “%s”: name it .png, .svg or .pdf."), path);
      return FALSE;
    }
  if (width < 16 || height < 16 || width > 16384 || height > 16384)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                   _("A chart of %d×%d is not possible: use a size between 16 and 16384 pixels."),
                   width, height);
      return FALSE;
    }
  if (theme == NULL)
    theme = wm_theme_get (WM_THEME_LIGHT);

  switch (format)
    {
    case FORMAT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }
  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  wm_chart_draw (cr, kind, data, width, height, theme, title);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
