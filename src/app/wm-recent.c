/* wm-recent.c: the recent-projects list kept in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-recent.h"

void
wm_recent_add (GSettings  *settings,
               const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < WM_RECENT_MAX; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }

  paths = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-projects", (const char * const *) paths);
}

char **
wm_recent_list_existing (GSettings *settings)
{
  g_auto(GStrv) all = g_settings_get_strv (settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (g_file_test (all[i], G_FILE_TEST_IS_REGULAR))
      g_strv_builder_add (builder, all[i]);

  return g_strv_builder_end (builder);
}
