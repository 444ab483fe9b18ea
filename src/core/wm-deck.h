/* wm-deck.h: a list of slides written as one PDF, a page per slide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-slide.h"

G_BEGIN_DECLS

/* Pages are 16:9, in points (13.33 × 7.5 in, a presentation page). */
#define WM_DECK_PAGE_WIDTH   960
#define WM_DECK_PAGE_HEIGHT  540
/* Slides are drawn on a canvas of this many units, scaled to the page, so
 * type keeps the proportions it has on a 1600 × 900 screen. */
#define WM_DECK_CANVAS_WIDTH  1600
#define WM_DECK_CANVAS_HEIGHT 900

/* Writes @slides to @path as a PDF, one page per slide, in @theme (NULL:
 * the presentation theme). The file is replaced only once complete: on
 * failure what was at @path stays. Fails with WM_ERROR_INVALID_ARGUMENT
 * without slides, WM_ERROR_IO when the file cannot be written. */
gboolean  wm_deck_export_pdf  (WmSlide * const  *slides,
                               guint             n_slides,
                               const char       *path,
                               const WmTheme    *theme,
                               GError          **error);

G_END_DECLS
