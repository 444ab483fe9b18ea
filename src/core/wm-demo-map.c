/* wm-demo-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-demo-map.h"
#include "wm-demo.h"

typedef struct
{
  const char  *id;
  const char  *stage;
  const char  *lane;
  const char  *title;
  const char  *body;
  WmCardColor  color;
  WmEvidence   evidence;
  guint        span;
  const char  *bindings[3];
} DemoCard;

static const DemoCard cards[] = {
  { "card-notice", "stage-notice", "lane-touchpoints", "Payment notice",
    "Letter to 12.5 million mortgage customers", WM_CARD_COLOR_BLUE, WM_EVIDENCE_OBSERVED, 1,
    { WM_DEMO_NOTICE } },
  { "card-notice-opened", "stage-notice", "lane-touchpoints", "Notice e-mail opened",
    "", WM_CARD_COLOR_BLUE, WM_EVIDENCE_OBSERVED, 1, { WM_DEMO_NOTICE_OPENED } },
  { "card-agent-call", "stage-escalation", "lane-touchpoints", "Agent call",
    "Call centre agent takes the payment", WM_CARD_COLOR_BLUE, WM_EVIDENCE_OBSERVED, 1,
    { WM_DEMO_AGENT_CALL } },
  { "card-paid", "stage-payment", "lane-touchpoints", "Payment completed",
    "In any channel", WM_CARD_COLOR_GREEN, WM_EVIDENCE_OBSERVED, 1, { WM_DEMO_PAID } },
  { "card-receipt", "stage-payment", "lane-touchpoints", "Receipt sent",
    "SMS: " WM_DEMO_RECEIPT, WM_CARD_COLOR_GREEN, WM_EVIDENCE_OBSERVED, 1, { WM_DEMO_RECEIPT } },
  { "card-read", "stage-notice", "lane-actions", "Reads the notice",
    "Learns the amount and the due date", WM_CARD_COLOR_YELLOW, WM_EVIDENCE_ASSUMED, 1, { NULL } },
  { "card-try", "stage-self-service", "lane-actions", "Tries to pay alone",
    "Picks the channel at hand", WM_CARD_COLOR_YELLOW, WM_EVIDENCE_OBSERVED, 1, { NULL } },
  { "card-ask", "stage-escalation", "lane-actions", "Asks for a person",
    "", WM_CARD_COLOR_YELLOW, WM_EVIDENCE_OBSERVED, 1, { NULL } },
  { "card-app-login", "stage-self-service", "lane-app", "App login",
    "Pays in the mobile app", WM_CARD_COLOR_TEAL, WM_EVIDENCE_OBSERVED, 1, { WM_DEMO_APP_LOGIN } },
  { "card-web-login", "stage-self-service", "lane-web", "Web login",
    "Pays on the web", WM_CARD_COLOR_TEAL, WM_EVIDENCE_OBSERVED, 1, { WM_DEMO_WEB_LOGIN } },
  { "card-ivr-menu", "stage-self-service", "lane-ivr", "IVR menu",
    "Phone menu: pay or speak to an agent", WM_CARD_COLOR_ORANGE, WM_EVIDENCE_OBSERVED, 1,
    { WM_DEMO_IVR_MENU } },
  { "card-ivr-attempt", "stage-self-service", "lane-ivr", "IVR payment attempt",
    "45 % of attempts succeed", WM_CARD_COLOR_ORANGE, WM_EVIDENCE_OBSERVED, 1,
    { WM_DEMO_IVR_ATTEMPT } },
  { "card-agent-requested", "stage-escalation", "lane-ivr", "Agent requested",
    "From the IVR menu", WM_CARD_COLOR_ORANGE, WM_EVIDENCE_OBSERVED, 1, { WM_DEMO_AGENT_REQUESTED } },
  { "card-menu-wording", "stage-self-service", "lane-pain", "IVR menu wording",
    "60 % ask for an agent without trying to pay", WM_CARD_COLOR_RED, WM_EVIDENCE_OBSERVED, 1,
    { WM_DEMO_IVR_MENU } },
  { "card-wait", "stage-escalation", "lane-pain", "Waiting for an agent",
    "Queues peak on the due date", WM_CARD_COLOR_RED, WM_EVIDENCE_ASSUMED, 1, { NULL } },
  { "card-reword", "stage-self-service", "lane-opportunities", "Reword the IVR menu step",
    "Offer “pay now” first; fewer agent calls", WM_CARD_COLOR_GREEN, WM_EVIDENCE_PROPOSED, 2, { NULL } },
  { "card-deep-link", "stage-notice", "lane-opportunities", "Link to the app in the notice",
    "", WM_CARD_COLOR_PURPLE, WM_EVIDENCE_PROPOSED, 1, { NULL } },
};

static const struct { const char *id, *from, *to, *label; } connectors[] = {
  { "link-notice-app", "card-notice", "card-app-login", "" },
  { "link-notice-web", "card-notice", "card-web-login", "" },
  { "link-notice-ivr", "card-notice", "card-ivr-menu", "" },
  { "link-menu-attempt", "card-ivr-menu", "card-ivr-attempt", "tries to pay" },
  { "link-menu-agent", "card-ivr-menu", "card-agent-requested", "gives up at the menu" },
  { "link-requested-call", "card-agent-requested", "card-agent-call", "" },
  { "link-app-paid", "card-app-login", "card-paid", "" },
  { "link-call-paid", "card-agent-call", "card-paid", "" },
};

WmJourneyMap *
wm_demo_map_new (void)
{
  g_autoptr(WmJourneyMap) map = wm_journey_map_new ();
  g_autoptr(WmMapPersona) persona = g_new0 (WmMapPersona, 1);

  wm_journey_map_set_title (map, "Mortgage payment journey");

  wm_journey_map_add_stage (map, "stage-notice", "Notice", -1);
  wm_journey_map_add_stage (map, "stage-self-service", "Self-service", -1);
  wm_journey_map_add_stage (map, "stage-escalation", "Escalation", -1);
  wm_journey_map_add_stage (map, "stage-payment", "Payment", -1);

  wm_journey_map_add_lane (map, "lane-touchpoints", "Touchpoints", WM_LANE_TOUCHPOINTS, NULL, -1);
  wm_journey_map_add_lane (map, "lane-actions", "Customer actions", WM_LANE_ACTIONS, NULL, -1);
  /* The channel names are those of the demo data. */
  wm_journey_map_add_lane (map, "lane-app", "App", WM_LANE_CHANNELS, "mobile", -1);
  wm_journey_map_add_lane (map, "lane-web", "Web", WM_LANE_CHANNELS, "web", -1);
  wm_journey_map_add_lane (map, "lane-ivr", "IVR", WM_LANE_CHANNELS, "ivr", -1);
  wm_journey_map_add_lane (map, "lane-emotions", "Emotions", WM_LANE_EMOTIONS, NULL, -1);
  wm_journey_map_add_lane (map, "lane-pain", "Pain points", WM_LANE_PAIN_POINTS, NULL, -1);
  wm_journey_map_add_lane (map, "lane-opportunities", "Opportunities", WM_LANE_OPPORTUNITIES, NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autoptr(WmMapCard) card = wm_map_card_new ();
      g_autoptr(GPtrArray) cell = wm_journey_map_get_cell_cards (map, cards[i].stage, cards[i].lane);

      card->id = g_strdup (cards[i].id);
      g_free (card->title);
      card->title = g_strdup (cards[i].title);
      g_free (card->body);
      card->body = g_strdup (cards[i].body);
      card->color = cards[i].color;
      card->evidence = cards[i].evidence;
      card->span = cards[i].span;
      card->stage = g_strdup (cards[i].stage);
      card->lane = g_strdup (cards[i].lane);
      card->order = cell->len;
      g_strfreev (card->bindings);
      card->bindings = g_strdupv ((char **) cards[i].bindings);
      wm_journey_map_add_card (map, card, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (connectors); i++)
    wm_journey_map_add_connector (map, connectors[i].id, connectors[i].from, connectors[i].to,
                                  connectors[i].label, -1);

  persona->id = g_strdup ("persona-homeowner");
  persona->name = g_strdup ("Busy homeowner");
  persona->description = g_strdup ("Pays on the phone between two meetings");
  wm_map_persona_set_emotion (persona, "stage-notice", 0);
  wm_map_persona_set_emotion (persona, "stage-self-service", -1);
  wm_map_persona_set_emotion (persona, "stage-escalation", -3);
  wm_map_persona_set_emotion (persona, "stage-payment", 3);
  wm_journey_map_add_persona (map, persona, -1);

  return g_steal_pointer (&map);
}
