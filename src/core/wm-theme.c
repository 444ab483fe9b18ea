/* wm-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-theme.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Okabe & Ito's palette, ordered so the first three channels of a typical
 * journey (app, web, IVR) are the most distinguishable under every form of
 * colour-vision deficiency; yellow comes last because it is weak on white. */
#define OKABE_ITO \
  { RGB (0x0072B2), RGB (0xE69F00), RGB (0x009E73), RGB (0xCC79A7), \
    RGB (0x56B4E9), RGB (0xD55E00), RGB (0xF0E442) }

static const WmTheme themes[] = {
  [WM_THEME_LIGHT] = {
    .kind = WM_THEME_LIGHT,
    .name = "light",
    .background = RGB (0xFFFFFF),
    .foreground = RGB (0x1F2328),
    .muted = RGB (0x5E6670),
    .grid = RGB (0xD8DCE0),
    .highlight = RGB (0xC0392B),
    .neutral = RGB (0x5E7486),
    .other = RGB (0x9AA3AD),
    .exit = RGB (0xB9B3AC),
    .palette = OKABE_ITO,
    .link_opacity = 0.38,
    .exit_link_opacity = 0.22,
    .font_family = "Cantarell, WenQuanYi Micro Hei, sans-serif",
    .title_size = 22,
    .label_size = 13,
    .value_size = 12,
    .small_size = 11,
  },
  [WM_THEME_DARK] = {
    .kind = WM_THEME_DARK,
    .name = "dark",
    .background = RGB (0x1E1F24),
    .foreground = RGB (0xF1F2F4),
    .muted = RGB (0xA9AFB8),
    .grid = RGB (0x3A3D45),
    .highlight = RGB (0xFF7A66),
    .neutral = RGB (0x8FA5B8),
    .other = RGB (0x6F7782),
    .exit = RGB (0x5F5A55),
    .palette = { RGB (0x3D9BE0), RGB (0xE69F00), RGB (0x1DB38A), RGB (0xDD8FBF),
                 RGB (0x7CC8F2), RGB (0xF07A3A), RGB (0xF0E442) },
    .link_opacity = 0.42,
    .exit_link_opacity = 0.26,
    .font_family = "Cantarell, WenQuanYi Micro Hei, sans-serif",
    .title_size = 22,
    .label_size = 13,
    .value_size = 12,
    .small_size = 11,
  },
  /* Projectors wash out dark backgrounds and thin strokes: white, black
   * type, larger sizes, more opaque bands. */
  [WM_THEME_PRESENTATION] = {
    .kind = WM_THEME_PRESENTATION,
    .name = "presentation",
    .background = RGB (0xFFFFFF),
    .foreground = RGB (0x000000),
    .muted = RGB (0x2E3338),
    .grid = RGB (0x9AA0A6),
    .highlight = RGB (0xB3001B),
    .neutral = RGB (0x3B4F60),
    .other = RGB (0x7A828C),
    .exit = RGB (0x8E8780),
    .palette = OKABE_ITO,
    .link_opacity = 0.50,
    .exit_link_opacity = 0.30,
    .font_family = "Cantarell, WenQuanYi Micro Hei, sans-serif",
    .title_size = 32,
    .label_size = 19,
    .value_size = 17,
    .small_size = 15,
  },
};

const WmTheme *
wm_theme_get (WmThemeKind kind)
{
  g_return_val_if_fail (kind <= WM_THEME_PRESENTATION, &themes[WM_THEME_LIGHT]);

  return &themes[kind];
}

gboolean
wm_theme_kind_from_name (const char  *name,
                         WmThemeKind *kind)
{
  static const struct { const char *name; WmThemeKind kind; } names[] = {
    { "light", WM_THEME_LIGHT },
    { "dark", WM_THEME_DARK },
    { "presentation", WM_THEME_PRESENTATION },
    { "high-contrast", WM_THEME_PRESENTATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (name != NULL && g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *kind = names[i].kind;
        return TRUE;
      }

  return FALSE;
}

guint
wm_theme_channel_slot (const char *channel)
{
  static const struct { const char *needle; guint slot; } known[] = {
    { "app", 0 }, { "mobile", 0 },
    { "web", 1 }, { "online", 1 }, { "browser", 1 },
    { "ivr", 2 }, { "phone menu", 2 }, { "voice", 2 },
    { "agent", 3 }, { "call", 3 }, { "phone", 3 },
    { "email", 4 }, { "mail", 4 },
    { "sms", 5 }, { "text", 5 }, { "push", 5 },
    { "branch", 6 }, { "store", 6 },
  };
  g_autofree char *folded = NULL;

  if (channel == NULL || channel[0] == '\0')
    return 0;

  folded = g_utf8_casefold (channel, -1);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strstr (folded, known[i].needle) != NULL)
      return known[i].slot;

  /* g_str_hash is djb2: the same name gets the same colour in every run. */
  return g_str_hash (folded) % WM_THEME_PALETTE_SIZE;
}

const WmRgba *
wm_theme_channel_color (const WmTheme *theme,
                        const char    *channel)
{
  if (channel == NULL || channel[0] == '\0')
    return &theme->neutral;

  return &theme->palette[wm_theme_channel_slot (channel)];
}

const WmRgba *
wm_theme_series_color (const WmTheme *theme,
                       guint          index,
                       const char    *value)
{
  if (value != NULL && g_strcmp0 (value, "Other") == 0)
    return &theme->other;

  return &theme->palette[index % WM_THEME_PALETTE_SIZE];
}
