/* wm-theme.h: colours and fonts shared by every chart renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_THEME_LIGHT,
  WM_THEME_DARK,
  WM_THEME_PRESENTATION,  /* high contrast, large type, for projectors */
} WmThemeKind;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} WmRgba;

#define WM_THEME_PALETTE_SIZE 7

typedef struct
{
  WmThemeKind  kind;
  const char  *name;            /* "light", "dark", "presentation" */

  WmRgba       background;
  WmRgba       foreground;      /* titles, labels */
  WmRgba       muted;           /* secondary text: values, axes */
  WmRgba       grid;            /* rules, baselines */
  WmRgba       highlight;       /* hover, "biggest drop" */
  WmRgba       neutral;         /* a touchpoint with no channel */
  WmRgba       other;           /* the grouped "Other" node */
  WmRgba       exit;            /* the "Exit" node and the drop-off bands */
  WmRgba       palette[WM_THEME_PALETTE_SIZE]; /* colour-blind safe (Okabe–Ito) */

  double       link_opacity;    /* alpha of Sankey bands */
  double       exit_link_opacity;

  const char  *font_family;     /* a Pango family list; CJK falls back to WenQuanYi */
  double       title_size;      /* pixels */
  double       label_size;
  double       value_size;
  double       small_size;
} WmTheme;

const WmTheme *wm_theme_get              (WmThemeKind     kind);
/* "light", "dark", "presentation" (or "high-contrast"); FALSE if unknown. */
gboolean       wm_theme_kind_from_name   (const char     *name,
                                          WmThemeKind    *kind);
/* The palette slot of @channel: well-known channels (app, web, IVR, agent,
 * email, SMS, branch) have fixed slots, others a stable hash of the name. */
guint          wm_theme_channel_slot     (const char     *channel);
/* The fill colour of @channel; the neutral colour for NULL or "". */
const WmRgba  *wm_theme_channel_color    (const WmTheme  *theme,
                                          const char     *channel);
/* The colour of the @index-th series of a breakdown (by its value when given). */
const WmRgba  *wm_theme_series_color     (const WmTheme  *theme,
                                          guint           index,
                                          const char     *value);

G_END_DECLS
