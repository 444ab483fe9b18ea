/* test-funnel-layout.c: WmFunnelLayout bars, drops, texts and hit testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wm-chart-fixtures.h"
#include "wm-funnel-layout.h"

#define EPS 1e-6

static gboolean
rects_intersect (const WmRect *a,
                 const WmRect *b)
{
  return a->x < b->x + b->width - EPS && b->x < a->x + a->width - EPS &&
         a->y < b->y + b->height - EPS && b->y < a->y + a->height - EPS;
}

static void
assert_texts_apart (const WmFunnelLayout *layout)
{
  for (guint i = 0; i < layout->n_texts; i++)
    {
      const WmFunnelText *t = &layout->texts[i];

      g_assert_nonnull (t->text);
      g_assert_cmpfloat (t->rect.x, >=, layout->area.x - EPS);
      g_assert_cmpfloat (t->rect.x + t->rect.width, <=, layout->area.x + layout->area.width + EPS);
      for (guint j = i + 1; j < layout->n_texts; j++)
        g_assert_false (rects_intersect (&t->rect, &layout->texts[j].rect));
      /* Only the counts written on their bar may lie on a part. */
      for (guint p = 0; p < layout->n_parts && !t->on_bar; p++)
        if (rects_intersect (&t->rect, &layout->parts[p].rect))
          g_error ("text “%s” (%g,%g %gx%g) on part %u of step %u (%g,%g %gx%g)", t->text,
                   t->rect.x, t->rect.y, t->rect.width, t->rect.height, layout->parts[p].kind,
                   layout->parts[p].step, layout->parts[p].rect.x, layout->parts[p].rect.y,
                   layout->parts[p].rect.width, layout->parts[p].rect.height);
    }
}

static void
test_vertical (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (FALSE);
  WmRect area = { 0, 0, 1200, 700 };
  g_autoptr(WmFunnelLayout) layout = wm_funnel_layout_new (result, &area, NULL);
  const WmRect *plot = &layout->plot;
  double base = plot->y + plot->height;
  guint biggest_tags = 0;

  g_assert_cmpint (layout->biggest_drop, ==, 2);
  g_assert_cmpuint (layout->n_steps, ==, 4);

  for (guint k = 0; k < 4; k++)
    {
      const WmFunnelPart *bar = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, k, -1);
      double expected = plot->height * result->steps[k].customers / result->steps[0].customers;

      g_assert_nonnull (bar);
      /* Bars stand on the baseline, heights ∝ customers. */
      g_assert_cmpfloat (fabs (bar->rect.y + bar->rect.height - base), <, EPS);
      g_assert_cmpfloat (fabs (bar->rect.height - expected), <, EPS);

      if (k > 0)
        {
          const WmFunnelPart *prev = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, k - 1, -1);
          const WmFunnelPart *drop = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_DROP, k, -1);
          const WmFunnelPart *ip = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_IN_PROGRESS, k, -1);

          /* Bar + in progress + drop reach the previous step's level. */
          g_assert_nonnull (drop);
          g_assert_cmpfloat (fabs (drop->rect.y - prev->rect.y), <, EPS);
          g_assert_cmpfloat (fabs (drop->rect.height - plot->height * result->steps[k].dropped
                                                       / result->steps[0].customers), <, EPS);
          g_assert_cmpint (drop->biggest_drop, ==, k == 2);
          g_assert_cmpint (ip != NULL, ==, result->steps[k].in_progress > 0);
        }
    }
  g_assert_null (wm_fixture_funnel_part (layout, WM_FUNNEL_PART_DROP, 0, -1));

  for (guint i = 0; i < layout->n_texts; i++)
    {
      const WmFunnelText *t = &layout->texts[i];

      if (t->role == WM_FUNNEL_TEXT_BIGGEST_DROP)
        {
          biggest_tags++;
          g_assert_cmpuint (t->step, ==, 2);
        }
      if (t->role == WM_FUNNEL_TEXT_DROP && t->step == 2)
        g_assert_cmpstr (t->text, ==, "−3.9M · 34\u202F%");
      if (t->role == WM_FUNNEL_TEXT_IN_PROGRESS && t->step == 2)
        g_assert_cmpstr (t->text, ==, "180K in progress");
      if (t->role == WM_FUNNEL_TEXT_CONVERSION && t->step == 3)
        g_assert_cmpstr (t->text, ==, "79\u202F% →");
      if (t->role == WM_FUNNEL_TEXT_MEDIAN && t->step == 1)
        g_assert_cmpstr (t->text, ==, "median 1.5 h");
      if (t->role == WM_FUNNEL_TEXT_STEP && t->step == 3)
        g_assert_cmpstr (t->text, ==, "Payment completed");
    }
  g_assert_cmpuint (biggest_tags, ==, 1);
  assert_texts_apart (layout);
}

static void
test_horizontal (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (FALSE);
  WmRect area = { 20, 10, 900, 500 };
  WmFunnelOptions options;
  g_autoptr(WmFunnelLayout) layout = NULL;

  wm_funnel_options_init (&options);
  options.orientation = WM_FUNNEL_BARS_HORIZONTAL;
  layout = wm_funnel_layout_new (result, &area, &options);

  for (guint k = 0; k < 4; k++)
    {
      const WmFunnelPart *bar = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, k, -1);

      g_assert_cmpfloat (fabs (bar->rect.x - layout->plot.x), <, EPS);
      g_assert_cmpfloat (fabs (bar->rect.width - layout->plot.width * result->steps[k].customers
                                                  / result->steps[0].customers), <, EPS);
    }
  assert_texts_apart (layout);
}

static void
test_breakdown (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (TRUE);
  WmRect area = { 0, 0, 1200, 700 };
  g_autoptr(WmFunnelLayout) layout = wm_funnel_layout_new (result, &area, NULL);
  guint legend = 0;
  guint bars = 0;

  for (guint i = 0; i < layout->n_parts; i++)
    bars += layout->parts[i].kind == WM_FUNNEL_PART_BAR;
  for (guint i = 0; i < layout->n_texts; i++)
    if (layout->texts[i].role == WM_FUNNEL_TEXT_LEGEND)
      {
        g_assert_cmpstr (layout->texts[i].text, ==, result->segments[legend].value);
        g_assert_cmpfloat (layout->texts[i].swatch.width, >, 0);
        legend++;
      }
  g_assert_cmpuint (bars, ==, 4 * 3);
  g_assert_cmpuint (legend, ==, 3);

  /* Grouped: the segments of a step side by side, in order. */
  for (guint k = 0; k < 4; k++)
    for (int s = 1; s < 3; s++)
      g_assert_cmpfloat (wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, k, s - 1)->rect.x, <,
                         wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, k, s)->rect.x);
  assert_texts_apart (layout);
}

static void
test_hit (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (FALSE);
  WmRect area = { 0, 0, 1200, 700 };
  g_autoptr(WmFunnelLayout) layout = wm_funnel_layout_new (result, &area, NULL);
  const WmFunnelPart *bar = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_BAR, 1, -1);
  const WmFunnelPart *drop = wm_fixture_funnel_part (layout, WM_FUNNEL_PART_DROP, 2, -1);
  WmFunnelHit hit;

  hit = wm_funnel_layout_hit (layout, bar->rect.x + 2, bar->rect.y + bar->rect.height - 2);
  g_assert_true (hit.hit);
  g_assert_cmpint (hit.kind, ==, WM_FUNNEL_PART_BAR);
  g_assert_cmpuint (hit.step, ==, 1);

  hit = wm_funnel_layout_hit (layout, drop->rect.x + drop->rect.width / 2,
                              drop->rect.y + drop->rect.height / 2);
  g_assert_true (hit.hit);
  g_assert_cmpint (hit.kind, ==, WM_FUNNEL_PART_DROP);
  g_assert_cmpuint (hit.step, ==, 2);

  hit = wm_funnel_layout_hit (layout, 1, 1);
  g_assert_false (hit.hit);
}

static void
test_biggest_drop (void)
{
  g_autoptr(WmFunnelResult) result = wm_fixture_bank_funnel (FALSE);
  g_autoptr(WmFunnelResult) copy = wm_funnel_result_copy (result);

  g_assert_cmpint (wm_funnel_result_biggest_drop (result), ==, 2);
  g_assert_cmpstr (copy->steps[3].touchpoints[0], ==, "Payment completed");
  copy->n_steps = 1;
  g_assert_cmpint (wm_funnel_result_biggest_drop (copy), ==, -1);
  copy->n_steps = 4;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/funnel-layout/vertical", test_vertical);
  g_test_add_func ("/funnel-layout/horizontal", test_horizontal);
  g_test_add_func ("/funnel-layout/breakdown", test_breakdown);
  g_test_add_func ("/funnel-layout/hit", test_hit);
  g_test_add_func ("/funnel-layout/biggest-drop", test_biggest_drop);

  return g_test_run ();
}
