/* map-canvas-bench.c: journey map canvas redraw times with 500 cards and
 * 600 connectors (target: a drag frame ≤ 8 ms)
 *
 * Times (medians, thread CPU time and wall clock) of one frame — the
 * canvas's snapshot plus GSK's cairo renderer drawing it into a texture —
 * when the static layer must be rendered again (the map changed), and
 * when it is cached: hover, selection, a drag of one card, a drag of
 * twenty, a pan within the cached margin; an edit that repaints only the
 * card's place (the edit and the frame); and the layout of the map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "wm-bench-clock.h"
#include "wm-map-canvas-private.h"

#define N_STAGES     20
#define N_LANES      8
#define N_CARDS      500
#define N_CONNECTORS 600
#define WIDTH        1600
#define HEIGHT       1000

static WmJourneyMap *
big_map (void)
{
  WmJourneyMap *map = wm_journey_map_new ();
  GRand *rand = g_rand_new_with_seed (4);
  static const WmLaneKind kinds[N_LANES] = {
    WM_LANE_TOUCHPOINTS, WM_LANE_ACTIONS, WM_LANE_CHANNELS, WM_LANE_CHANNELS,
    WM_LANE_CHANNELS, WM_LANE_PAIN_POINTS, WM_LANE_OPPORTUNITIES, WM_LANE_NOTES,
  };

  wm_journey_map_set_title (map, "Benchmark journey");
  for (guint s = 0; s < N_STAGES; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      wm_journey_map_add_stage (map, NULL, name, -1);
    }
  for (guint l = 0; l < N_LANES; l++)
    wm_journey_map_add_lane (map, NULL, wm_lane_kind_display_name (kinds[l]), kinds[l],
                             kinds[l] == WM_LANE_CHANNELS ? (const char *[]) { "app", "web", "ivr" }[l - 2] : NULL,
                             -1);
  for (guint i = 0; i < N_CARDS; i++)
    {
      g_autoptr(WmMapCard) card = wm_map_card_new ();

      g_free (card->title);
      card->title = g_strdup_printf ("Card %u: a touchpoint", i + 1);
      g_free (card->body);
      card->body = g_strdup ("Customers read the notice and try to pay in the channel they prefer");
      g_free (card->stage);
      card->stage = g_strdup (wm_journey_map_get_stage (map, g_rand_int_range (rand, 0, N_STAGES))->id);
      g_free (card->lane);
      card->lane = g_strdup (wm_journey_map_get_lane (map, g_rand_int_range (rand, 0, N_LANES))->id);
      card->order = G_MAXUINT;
      card->color = g_rand_int_range (rand, 0, WM_CARD_COLOR_COUNT);
      card->evidence = g_rand_int_range (rand, 0, WM_EVIDENCE_COUNT);
      wm_journey_map_add_card (map, card, -1);
    }
  while (wm_journey_map_get_n_connectors (map) < N_CONNECTORS)
    {
      guint from = g_rand_int_range (rand, 0, N_CARDS), to = g_rand_int_range (rand, 0, N_CARDS);

      if (from != to)
        wm_journey_map_add_connector (map, NULL, wm_journey_map_get_card (map, from)->id,
                                      wm_journey_map_get_card (map, to)->id, "", -1);
    }
  g_rand_free (rand);
  return map;
}

typedef void (*Prepare) (WmMapCanvas *canvas,
                         guint        run);

/* One frame: snapshot the canvas, render the nodes with cairo. */
static void
frame (WmMapCanvas *canvas,
       GskRenderer *renderer)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
}

/* @timed_prepare: the preparation is part of the frame (an edit). */
static void
measure (const char  *name,
         WmMapCanvas *canvas,
         GskRenderer *renderer,
         Prepare      prepare,
         gboolean     timed_prepare,
         guint        runs)
{
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *wall = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      double c, w;

      if (prepare != NULL && !timed_prepare)
        prepare (canvas, i);
      c = wm_bench_thread_ms ();
      w = wm_bench_wall_ms ();
      if (prepare != NULL && timed_prepare)
        prepare (canvas, i);
      frame (canvas, renderer);
      cpu[i] = wm_bench_thread_ms () - c;
      wall[i] = wm_bench_wall_ms () - w;
    }
  g_print ("%-44s %8.2f ms %8.2f ms\n", name, wm_bench_median (cpu, runs), wm_bench_median (wall, runs));
}

static void
drop_cache (WmMapCanvas *canvas,
            guint        run)
{
  wm_map_canvas_drop_cache (canvas);
}

static void
hover (WmMapCanvas *canvas,
       guint        run)
{
  const WmMapCardBox *box = &canvas->layout->cards[run % canvas->layout->n_cards];

  g_free (canvas->hover_id);
  canvas->hover_id = g_strdup (box->card->id);
  canvas->hover_kind = WM_MAP_HIT_CARD;
}

static void
select_card (WmMapCanvas *canvas,
             guint        run)
{
  wm_map_canvas_select (canvas, (const char *[]) { canvas->layout->cards[run % canvas->layout->n_cards].card->id, NULL });
}

static void
drag (WmMapCanvas *canvas,
      guint        run)
{
  wm_map_canvas_drag_update (canvas, canvas->drag_x0 + 40 + (run % 50) * 7, canvas->drag_y0 + 10 + (run % 30) * 5);
}

/* A visible card changes colour: its place is painted again. */
static void
edit_color (WmMapCanvas *canvas,
            guint        run)
{
  const char *card = canvas->layout->cards[canvas->layout->n_cards / 2].card->id;

  wm_map_history_set_card_color (canvas->history, card, run % WM_CARD_COLOR_COUNT);
}

static void
edit_title (WmMapCanvas *canvas,
            guint        run)
{
  const char *card = canvas->layout->cards[canvas->layout->n_cards / 3].card->id;
  g_autofree char *title = g_strdup_printf ("Edited title %u", run);

  wm_map_history_set_card_text (canvas->history, card, title, "");
}

static void
pan (WmMapCanvas *canvas,
     guint        run)
{
  wm_map_canvas_pan (canvas, run % 2 ? 40 : -40, run % 2 ? 20 : -20);
}

static void
begin_drag (WmMapCanvas *canvas,
            guint        n_cards)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  graphene_rect_t r;
  const char *first = canvas->layout->cards[0].card->id;

  for (guint i = 0; i < n_cards; i++)
    g_ptr_array_add (ids, (gpointer) canvas->layout->cards[i].card->id);
  g_ptr_array_add (ids, NULL);
  wm_map_canvas_select (canvas, (const char * const *) ids->pdata);
  g_assert_true (wm_map_canvas_get_card_bounds (canvas, first, &r));
  wm_map_canvas_drag_begin (canvas, GDK_BUTTON_PRIMARY, 0, r.origin.x + r.size.width / 3,
                            r.origin.y + r.size.height / 2);
  wm_map_canvas_drag_update (canvas, r.origin.x + 60, r.origin.y + 30);
  g_assert_cmpint (canvas->drag, ==, WM_MAP_DRAG_MOVE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmJourneyMap) map = NULL;
  g_autoptr(WmMapHistory) history = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  WmMapCanvas *canvas;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 30;
  double t0, layout_times[20];

  gtk_init ();
  adw_init ();
  runs = MAX (runs, 3);

  map = big_map ();
  history = wm_map_history_new (map);
  canvas = WM_MAP_CANVAS (wm_map_canvas_new ());
  wm_map_canvas_set_history (canvas, history);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, GTK_WIDGET (canvas));
  gtk_window_present (window);
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) != WIDTH || !gtk_widget_get_mapped (GTK_WIDGET (canvas)))
    g_main_context_iteration (NULL, TRUE);

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("%s", error->message);

  g_print ("map canvas, %u cards, %u connectors, %u stages × %u lanes, %d×%d, median of %u\n",
           wm_journey_map_get_n_cards (map), wm_journey_map_get_n_connectors (map), N_STAGES, N_LANES,
           WIDTH, HEIGHT, runs);
  g_print ("%-44s %11s %11s\n", "", "cpu", "wall");

  for (guint i = 0; i < G_N_ELEMENTS (layout_times); i++)
    {
      t0 = wm_bench_thread_ms ();
      wm_map_layout_free (wm_map_layout_new (map, canvas->theme));
      layout_times[i] = wm_bench_thread_ms () - t0;
    }
  g_print ("%-44s %8.2f ms\n", "layout (after any edit)", wm_bench_median (layout_times, G_N_ELEMENTS (layout_times)));
  /* Panning moves the cards' accessible children too. */
  for (guint i = 0; i < G_N_ELEMENTS (layout_times); i++)
    {
      wm_map_canvas_pan (canvas, i % 2 ? 7 : -7, 0);
      t0 = wm_bench_thread_ms ();
      wm_map_canvas_allocate_proxies (canvas);
      layout_times[i] = wm_bench_thread_ms () - t0;
    }
  g_print ("%-44s %8.2f ms\n", "allocation of the 500 card children", wm_bench_median (layout_times, G_N_ELEMENTS (layout_times)));

  /* The whole map in view (fitted), then at zoom 1. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autofree char *title = NULL;

      if (pass == 1)
        {
          wm_map_canvas_zoom_at (canvas, 1.0, 0, 0);
          wm_map_canvas_pan (canvas, 200, 200);
        }
      g_print ("-- zoom %.2f%s\n", wm_map_canvas_get_zoom (canvas), pass == 0 ? " (fitted)" : "");
      measure ("full static render (map changed)", canvas, renderer, drop_cache, FALSE, MAX (runs / 3, 3));
      measure ("edit: card colour (repaint its place)", canvas, renderer, edit_color, TRUE, runs);
      measure ("edit: card text (repaint its place)", canvas, renderer, edit_title, TRUE, runs);
      measure ("cached: hover a card", canvas, renderer, hover, FALSE, runs);
      measure ("cached: select a card", canvas, renderer, select_card, FALSE, runs);
      measure ("cached: pan within the margin", canvas, renderer, pan, FALSE, runs);
      begin_drag (canvas, 1);
      measure ("cached: drag frame, 1 card", canvas, renderer, drag, FALSE, runs);
      wm_map_canvas_drag_cancel (canvas);
      begin_drag (canvas, 20);
      measure ("cached: drag frame, 20 cards", canvas, renderer, drag, FALSE, runs);
      wm_map_canvas_drag_cancel (canvas);
    }

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (window);
  return 0;
}
