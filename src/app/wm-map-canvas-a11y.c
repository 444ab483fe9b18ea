/* wm-map-canvas-a11y.c: keyboard focus and screen readers
 *
 * GTK 4.8 has no accessible objects for things a widget draws, so each
 * card has a small child widget that draws nothing and takes no pointer
 * events: it takes the keyboard focus (Tab goes through the cards by
 * stage, then lane, then order) and tells assistive technologies the
 * card's title (its label) and where it is, its evidence and its numbers
 * (its description). Its allocation follows the card on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-map-canvas-private.h"

#define WM_TYPE_MAP_CARD_PROXY (wm_map_card_proxy_get_type ())
G_DECLARE_FINAL_TYPE (WmMapCardProxy, wm_map_card_proxy, WM, MAP_CARD_PROXY, GtkWidget)

struct _WmMapCardProxy
{
  GtkWidget  parent_instance;
  char      *card;
};

G_DEFINE_FINAL_TYPE (WmMapCardProxy, wm_map_card_proxy, GTK_TYPE_WIDGET)

static void
wm_map_card_proxy_finalize (GObject *object)
{
  g_free (WM_MAP_CARD_PROXY (object)->card);
  G_OBJECT_CLASS (wm_map_card_proxy_parent_class)->finalize (object);
}

static void
wm_map_card_proxy_class_init (WmMapCardProxyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_map_card_proxy_finalize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
wm_map_card_proxy_init (WmMapCardProxy *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* "Notice stage, Touchpoints lane, observed; 12 480 · 41 % of customers" */
static char *
describe (WmMapCanvas     *self,
          const WmMapCard *card)
{
  const WmMapStage *stage = wm_journey_map_lookup_stage (self->map, card->stage);
  const WmMapLane *lane = wm_journey_map_lookup_lane (self->map, card->lane);
  const WmMapCardMetric *metric = self->metrics != NULL ? wm_map_metrics_get_card (self->metrics, card->id) : NULL;
  g_autofree char *place = NULL;

  /* Translators: where a journey map card is, for screen readers:
   * stage name, lane name, evidence ("Observed"). */
  place = g_strdup_printf (_("Stage %s, lane %s, %s"), stage != NULL ? stage->name : "",
                           lane != NULL ? lane->name : "", wm_evidence_display_name (card->evidence));
  if (metric != NULL)
    {
      g_autofree char *badge = wm_map_metrics_format_badge (metric);

      /* Translators: a card's place, then its customers and share, e.g. "12 480 · 41 %". */
      return g_strdup_printf (_("%s; customers: %s"), place, badge);
    }
  return g_steal_pointer (&place);
}

void
wm_map_canvas_update_proxy (WmMapCanvas *self,
                            const char  *card_id)
{
  GtkWidget *proxy = wm_map_canvas_get_proxy (self, card_id);
  const WmMapCard *card;
  g_autofree char *description = NULL;

  if (proxy == NULL || self->map == NULL || (card = wm_journey_map_lookup_card (self->map, card_id)) == NULL)
    return;
  description = describe (self, card);
  gtk_accessible_update_property (GTK_ACCESSIBLE (proxy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, card->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

GtkWidget *
wm_map_canvas_get_proxy (WmMapCanvas *self,
                         const char  *card)
{
  return card != NULL ? g_hash_table_lookup (self->proxies, card) : NULL;
}

void
wm_map_canvas_sync_proxies (WmMapCanvas *self)
{
  GHashTableIter iter;
  gpointer id, proxy;

  g_hash_table_iter_init (&iter, self->proxies);
  while (g_hash_table_iter_next (&iter, &id, &proxy))
    if (self->map == NULL || wm_journey_map_lookup_card (self->map, id) == NULL)
      {
        if (g_strcmp0 (self->focus_card, id) == 0)
          {
            g_clear_pointer (&self->focus_card, g_free);
            gtk_widget_grab_focus (GTK_WIDGET (self));
          }
        gtk_widget_unparent (proxy);
        g_hash_table_iter_remove (&iter);
      }

  for (guint i = 0; self->map != NULL && i < wm_journey_map_get_n_cards (self->map); i++)
    {
      const char *card = wm_journey_map_get_card (self->map, i)->id;

      if (!g_hash_table_contains (self->proxies, card))
        {
          WmMapCardProxy *proxy_widget = g_object_new (WM_TYPE_MAP_CARD_PROXY, NULL);

          proxy_widget->card = g_strdup (card);
          gtk_widget_set_parent (GTK_WIDGET (proxy_widget), GTK_WIDGET (self));
          g_hash_table_insert (self->proxies, g_strdup (card), proxy_widget);
        }
      wm_map_canvas_update_proxy (self, card);
    }
}

void
wm_map_canvas_allocate_proxies (WmMapCanvas *self)
{
  GHashTableIter iter;
  gpointer id, proxy;

  g_hash_table_iter_init (&iter, self->proxies);
  while (g_hash_table_iter_next (&iter, &id, &proxy))
    {
      graphene_rect_t r = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      int min;

      /* Measured (as GTK asks) though they want nothing. */
      gtk_widget_measure (proxy, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      wm_map_canvas_get_card_bounds (self, id, &r);
      gtk_widget_size_allocate (proxy,
                                &(GtkAllocation) { r.origin.x, r.origin.y,
                                                   MAX (r.size.width, min), MAX (r.size.height, 0) },
                                -1);
    }
}

gboolean
wm_map_canvas_move_focus (WmMapCanvas      *self,
                          GtkDirectionType  direction)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  g_autoptr(GPtrArray) order = NULL;
  int current, next;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;

  order = wm_map_canvas_card_order (self);
  if (order->len == 0)
    {
      /* Without cards the canvas itself takes the focus, for its shortcuts. */
      if (gtk_widget_is_focus (GTK_WIDGET (self)))
        return FALSE;
      return gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  current = forward ? -1 : (int) order->len;
  if (WM_IS_MAP_CARD_PROXY (focus))
    for (guint i = 0; i < order->len; i++)
      if (g_str_equal (((WmMapCardBox *) g_ptr_array_index (order, i))->card->id,
                       WM_MAP_CARD_PROXY (focus)->card))
        current = i;
  next = current + (forward ? 1 : -1);
  if (next < 0 || next >= (int) order->len)
    return FALSE;
  return gtk_widget_grab_focus (wm_map_canvas_get_proxy (self, ((WmMapCardBox *) g_ptr_array_index (order, next))->card->id));
}

static gboolean
focus_visible (WmMapCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return !GTK_IS_WINDOW (root) || gtk_window_get_focus_visible (GTK_WINDOW (root));
}

void
wm_map_canvas_card_focused (WmMapCanvas *self,
                            const char  *card)
{
  if (g_strcmp0 (card, self->focus_card) == 0)
    return;
  g_free (self->focus_card);
  self->focus_card = g_strdup (card);
  if (card != NULL && focus_visible (self))
    {
      /* Keyboard focus selects (a window's first focus or a click does
       * not); a card of a bigger selection keeps it. */
      if (!g_hash_table_contains (self->selection, card))
        wm_map_canvas_select (self, (const char *[]) { card, NULL });
      wm_map_canvas_ensure_visible (self, card);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
wm_map_canvas_card_has_visible_focus (WmMapCanvas *self,
                                      const char  *card)
{
  GtkWidget *proxy = wm_map_canvas_get_proxy (self, card);

  return proxy != NULL && gtk_widget_has_focus (proxy) && focus_visible (self);
}

/* Called by GTK when the focus enters or leaves a child. */
void
wm_map_canvas_set_focus_child_proxy (WmMapCanvas *self,
                                     GtkWidget   *child)
{
  wm_map_canvas_card_focused (self, WM_IS_MAP_CARD_PROXY (child) ? WM_MAP_CARD_PROXY (child)->card : NULL);
}
