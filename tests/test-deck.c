/* test-deck.c: WmSlide and the PDF deck, checked by the pages written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "wm-chart-fixtures.h"
#include "wm-chart-pango.h"
#include "wm-deck.h"
#include "wm-error.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-deck-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Pages and page size as a PDF reader, poppler's pdfinfo (build-aux/dev
 * installs poppler-utils), reads @path. */
static void
read_pdf (const char  *path,
          char       **pages,
          char       **page_size)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  int status;

  g_assert_nonnull (pdfinfo);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdfinfo, (char *) path, NULL }, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  regex = g_regex_new ("^Pages: +([0-9]+)$(?s:.*)^Page size: +([0-9.]+ x [0-9.]+) pts",
                       G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (regex, out, 0, &match));
  *pages = g_match_info_fetch (match, 1);
  *page_size = g_match_info_fetch (match, 2);
}

typedef struct
{
  guint       calls;
  double      width;
  double      height;
  WmThemeKind theme;
  char       *title;
} DrawLog;

static void
draw_logged (cairo_t       *cr,
             double         width,
             double         height,
             const WmTheme *theme,
             const char    *title,
             gpointer       user_data)
{
  DrawLog *log = user_data;

  log->calls++;
  log->width = width;
  log->height = height;
  log->theme = theme->kind;
  g_free (log->title);
  log->title = g_strdup (title);
  wm_chart_set_source (cr, &theme->background, 1.0);
  cairo_paint (cr);
}

static void
test_pages (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (TRUE);
  g_autofree char *path = temp_path ("deck.pdf");
  g_autofree char *pages = NULL;
  g_autofree char *page_size = NULL;
  g_autoptr(GError) error = NULL;
  DrawLog log = { 0 };
  WmSlide *slides[3];

  slides[0] = wm_slide_new_flow ("Where customers go", graph);
  slides[1] = wm_slide_new_funnel ("Payment funnel", result);
  slides[2] = wm_slide_new (WM_SLIDE_MAP, "Journey map", draw_logged, &log, NULL);
  g_assert_cmpint (wm_slide_get_kind (slides[1]), ==, WM_SLIDE_FUNNEL);
  g_assert_cmpstr (wm_slide_get_title (slides[2]), ==, "Journey map");

  g_assert_true (wm_deck_export_pdf (slides, G_N_ELEMENTS (slides), path, NULL, &error));
  g_assert_no_error (error);

  /* The map's draw function ran once, on the canvas, in the presentation theme. */
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpfloat (log.width, ==, WM_DECK_CANVAS_WIDTH);
  g_assert_cmpfloat (log.height, ==, WM_DECK_CANVAS_HEIGHT);
  g_assert_cmpint (log.theme, ==, WM_THEME_PRESENTATION);
  g_assert_cmpstr (log.title, ==, "Journey map");

  /* A page per slide, 16:9. */
  read_pdf (path, &pages, &page_size);
  g_assert_cmpstr (pages, ==, "3");
  g_assert_cmpstr (page_size, ==, "960 x 540");

  for (guint i = 0; i < G_N_ELEMENTS (slides); i++)
    wm_slide_unref (slides[i]);
  g_free (log.title);
}

static void
draw_broken (cairo_t       *cr,
             double         width,
             double         height,
             const WmTheme *theme,
             const char    *title,
             gpointer       user_data)
{
  /* Unbalanced: puts the context in an error state. */
  cairo_restore (cr);
  cairo_restore (cr);
}

static void
test_errors (void)
{
  g_autoptr(WmFlowGraph) graph = wm_fixture_bank_flow ();
  g_autofree char *path = temp_path ("deck.pdf");
  g_autofree char *missing = temp_path ("no/such/deck.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  WmSlide *slides[2];

  slides[0] = wm_slide_new_flow ("Flow", graph);
  slides[1] = wm_slide_new (WM_SLIDE_MAP, "Broken", draw_broken, NULL, NULL);

  g_assert_false (wm_deck_export_pdf (slides, 0, path, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (wm_deck_export_pdf (slides, 1, missing, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_IO);
  g_clear_error (&error);

  /* A slide that fails to draw leaves the earlier file as it was. */
  g_assert_true (g_file_set_contents (path, "earlier deck", -1, NULL));
  g_assert_false (wm_deck_export_pdf (slides, 2, path, NULL, &error));
  g_assert_error (error, WM_ERROR, WM_ERROR_IO);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier deck");

  wm_slide_unref (slides[0]);
  wm_slide_unref (slides[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck/pages", test_pages);
  g_test_add_func ("/deck/errors", test_errors);

  return g_test_run ();
}
