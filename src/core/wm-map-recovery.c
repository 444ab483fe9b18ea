/* wm-map-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "wm-error.h"
#include "wm-map-json.h"
#include "wm-map-recovery.h"

char *
wm_map_recovery_path (const char *project_path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (project_path != NULL, NULL);

  /* The same project reached by two relative paths shares one file. */
  absolute = g_canonicalize_filename (project_path, NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  name = g_strconcat (hash, ".json", NULL);
  return g_build_filename (g_get_user_state_dir (), "waymark", "recovery", name, NULL);
}

gboolean
wm_map_recovery_write (const char    *path,
                       WmJourneyMap  *map,
                       GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (WM_IS_JOURNEY_MAP (map), FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, WM_ERROR, WM_ERROR_IO, _("Could not create the folder “%s”: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }

  json = wm_map_json_to_string (map, FALSE);
  /* g_file_set_contents writes a temporary file and renames it over @path. */
  if (!g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_IO, _("Could not keep the unsaved journey map aside: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Modification time of @path in milliseconds; FALSE when it does not exist. */
static gboolean
modified_ms (const char *path,
             gint64     *ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return FALSE;
  *ms = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * 1000 +
        g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) / 1000;
  return TRUE;
}

WmJourneyMap *
wm_map_recovery_find (const char    *path,
                      WmProject     *project,
                      GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *recovered_json = NULL;
  g_autoptr(WmJourneyMap) recovered = NULL;
  g_autoptr(WmJourneyMap) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 written, saved_at;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  if (!modified_ms (path, &written))
    return NULL;
  if (!wm_project_get_map_saved_at (project, &saved_at, error))
    return NULL;
  /* Saved since: the recovery file is what was saved, or older. */
  if (written <= saved_at)
    return NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_IO, _("Could not read the unsaved journey map: %s"),
                   local_error->message);
      return NULL;
    }
  recovered = wm_map_json_parse (contents, length, error);
  if (recovered == NULL)
    return NULL;

  /* Compared as documents, so formatting does not matter. */
  saved = wm_map_json_load_project (project, error);
  if (saved == NULL)
    return NULL;
  stored = wm_map_json_to_string (saved, FALSE);
  recovered_json = wm_map_json_to_string (recovered, FALSE);
  if (g_str_equal (stored, recovered_json))
    return NULL;

  return g_steal_pointer (&recovered);
}

gboolean
wm_map_recovery_discard (const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, WM_ERROR, WM_ERROR_IO, _("Could not remove the unsaved journey map: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
