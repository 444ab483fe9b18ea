/* wm-rejects.c: the rows an import rejected, listed and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wm-rejects.h"

static void
reject_free (gpointer data)
{
  WmReject *reject = data;

  g_free (reject->file);
  g_free (reject->reason);
  g_free (reject->excerpt);
  g_free (reject);
}

GPtrArray *
wm_rejects_list (WmProject  *project,
                 GArray     *import_ids,
                 GError    **error)
{
  g_autoptr(GPtrArray) rejects = g_ptr_array_new_with_free_func (reject_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (import_ids != NULL, NULL);

  stmt = wm_project_prepare (project,
                             "SELECT file, line, reason, excerpt FROM rejects WHERE import = ? ORDER BY rowid",
                             error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < import_ids->len; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (import_ids, gint64, i));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          WmReject *reject = g_new0 (WmReject, 1);

          reject->file = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          reject->line = sqlite3_column_int64 (stmt, 1);
          reject->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          reject->excerpt = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          g_ptr_array_add (rejects, reject);
        }

      if (rc != SQLITE_DONE)
        {
          wm_project_set_sqlite_error (project, rc, "rejected rows", error);
          return NULL;
        }
    }

  return g_steal_pointer (&rejects);
}

/* RFC 4180: quoted when it holds a comma, quote or line break. */
static void
append_field (GString    *out,
              const char *text)
{
  if (text == NULL || strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text ? text : "");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
wm_rejects_write_csv (GPtrArray      *rejects,
                      GOutputStream  *output,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GString) out = g_string_new ("file,line,reason,excerpt\r\n");

  for (guint i = 0; i <= rejects->len; i++)
    {
      if (out->len >= 64 * 1024 || i == rejects->len)
        {
          if (!g_output_stream_write_all (output, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }

      if (i < rejects->len)
        {
          const WmReject *reject = g_ptr_array_index (rejects, i);

          append_field (out, reject->file);
          g_string_append_printf (out, ",%" G_GUINT64_FORMAT ",", reject->line);
          append_field (out, reject->reason);
          g_string_append_c (out, ',');
          append_field (out, reject->excerpt);
          g_string_append (out, "\r\n");
        }
    }

  return g_output_stream_close (output, cancellable, error);
}
