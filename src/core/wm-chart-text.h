/* wm-chart-text.h: text measurement for chart layouts, and durations
 *
 * Layouts stay free of cairo and Pango: they measure through a callback.
 * The renderers pass a Pango measurer; tests may pass the estimate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_TEXT_REGULAR,
  WM_TEXT_BOLD,
} WmTextWeight;

/* Sets *width and *height (logical extents, pixels) of @text set in @size
 * pixels. */
typedef void (*WmTextMeasureFunc) (const char   *text,
                                   double        size,
                                   WmTextWeight  weight,
                                   double       *width,
                                   double       *height,
                                   gpointer      user_data);

typedef struct
{
  WmTextMeasureFunc func;
  gpointer          user_data;
} WmTextMeasurer;

/* A font-free estimate (0.55 em per Latin character, 1 em per wide one,
 * 1.25 em line height): deterministic, for tests and headless geometry. */
void   wm_text_measure_estimate  (const char            *text,
                                  double                 size,
                                  WmTextWeight           weight,
                                  double                *width,
                                  double                *height,
                                  gpointer               user_data);
/* Measures with @measurer, or with the estimate when it is NULL or unset. */
void   wm_text_measure           (const WmTextMeasurer  *measurer,
                                  const char            *text,
                                  double                 size,
                                  WmTextWeight           weight,
                                  double                *width,
                                  double                *height);
/* @text if it fits in @max_width, else its longest prefix (whole
 * characters) followed by "…" that fits, or NULL if not even "…" fits.
 * *width receives the measured width of the result. */
char  *wm_text_ellipsize         (const WmTextMeasurer  *measurer,
                                  const char            *text,
                                  double                 size,
                                  WmTextWeight           weight,
                                  double                 max_width,
                                  double                *width);

/* "45 s", "12 min", "3.4 h", "2.1 d"; NULL for NAN. */
char  *wm_chart_format_duration  (double                 seconds);

G_END_DECLS
