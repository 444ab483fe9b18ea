/* wm-analysis-fixtures.c: small projects made from CSV text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "wm-analysis-fixtures.h"
#include "wm-importer.h"

void
wm_test_project_import (WmTestProject *self,
                        const char    *csv)
{
  g_autoptr(WmImportOptions) options = wm_import_options_new ();
  g_autoptr(WmImportResult) result = wm_import_result_new ();
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (csv), -1, g_free);
  g_autoptr(GError) error = NULL;

  options->force = TRUE;
  g_assert_true (wm_import_stream (self->project, stream, "events.csv", 0, options, result,
                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejected, ==, 0);

  g_clear_pointer (&self->journeys, wm_journeys_unref);
  self->journeys = wm_journeys_load (self->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

WmTestProject *
wm_test_project_new (const char *csv)
{
  WmTestProject *self = g_new0 (WmTestProject, 1);
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("waymark-analysis-XXXXXX", &error);
  g_assert_no_error (error);
  self->path = g_build_filename (self->dir, "test.waymark", NULL);
  self->project = wm_project_open (self->path, WM_PROJECT_OPEN_CREATE, &error);
  g_assert_no_error (error);
  wm_test_project_import (self, csv);

  return self;
}

void
wm_test_project_free (WmTestProject *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_pointer (&self->journeys, wm_journeys_unref);
  g_clear_object (&self->project);

  dir = g_dir_open (self->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (self->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (self->dir);
  g_free (self->dir);
  g_free (self->path);
  g_free (self);
}

WmFunnelQuery *
wm_test_funnel_query (const char    *steps,
                      WmFunnelOrder  order,
                      gint64         window_s,
                      const char    *breakdown_by)
{
  WmFunnelQuery *query = wm_funnel_query_new ();
  g_auto(GStrv) fields = g_strsplit (steps, "|", -1);

  for (guint k = 0; fields[k] != NULL; k++)
    {
      g_auto(GStrv) names = g_strsplit (fields[k], ",", -1);

      wm_funnel_query_add_step (query, (const char * const *) names);
    }
  query->order = order;
  query->window_s = window_s;
  query->breakdown_by = g_strdup (breakdown_by);

  return query;
}
