/* wm-demo.c: the bank's payment journey of DESIGN.md, as synthetic data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rates follow the story: mobile and web leak about 41 % of their customers,
 * the IVR 81 %: 58 % of IVR callers ask for an agent at the menu, and 45 %
 * of those who try to pay in the IVR succeed (1 − 0.42 × 0.45 ≈ 0.81).
 */
#include "config.h"

#include <string.h>

#include "wm-demo.h"
#include "wm-demo-map.h"
#include "wm-event-writer.h"
#include "wm-map-json.h"
#include "wm-saved-analysis.h"
#include "wm-timestamp.h"

#define SECOND  G_GINT64_CONSTANT (1000)
#define MINUTE  (60 * SECOND)
#define HOUR    (60 * MINUTE)
#define DAY     (24 * HOUR)

/* 2026-03-02T08:00:00Z: the notices go out on a Monday morning. */
#define NOTICE_START G_GINT64_CONSTANT (1772438400000)

typedef struct
{
  GRand      *rand;
  WmDemoEmit  emit;
  gpointer    user_data;
  char        customer[32];
  const char *segment;
  const char *region;
  gint64      now;
} Journey;

static gboolean
chance (Journey *journey,
        double   probability)
{
  return g_rand_double (journey->rand) < probability;
}

static gint64
between (Journey *journey,
         gint64   low,
         gint64   high)
{
  return low + (gint64) (g_rand_double (journey->rand) * (double) (high - low));
}

static gboolean
emit (Journey     *journey,
      gint64       delay,
      const char  *touchpoint,
      const char  *channel,
      GError     **error)
{
  journey->now += delay;
  return journey->emit (journey->customer, touchpoint, channel, journey->now,
                        journey->segment, journey->region, journey->user_data, error);
}

static gboolean
pay (Journey     *journey,
     const char  *channel,
     GError     **error)
{
  if (!emit (journey, between (journey, 2 * MINUTE, 12 * MINUTE), WM_DEMO_PAID, channel, error))
    return FALSE;

  if (chance (journey, 0.3))
    return emit (journey, between (journey, 10 * SECOND, 2 * MINUTE), WM_DEMO_RECEIPT, "sms", error);

  return TRUE;
}

/* After failing in self-service, most customers phone the call centre. */
static gboolean
call_agent (Journey     *journey,
            double       probability,
            gint64       delay,
            GError     **error)
{
  if (!chance (journey, probability))
    return TRUE;

  if (!emit (journey, delay, WM_DEMO_AGENT_CALL, "agent", error))
    return FALSE;

  return chance (journey, 0.85) ? pay (journey, "agent", error) : TRUE;
}

static gboolean
online (Journey     *journey,
        const char  *login,
        const char  *channel,
        GError     **error)
{
  if (!emit (journey, 0, login, channel, error))
    return FALSE;

  if (chance (journey, 0.59))
    return pay (journey, channel, error);

  return call_agent (journey, 0.7, between (journey, 1 * HOUR, 3 * DAY), error);
}

static gboolean
ivr (Journey  *journey,
     GError  **error)
{
  if (!emit (journey, 0, WM_DEMO_IVR_MENU, "ivr", error))
    return FALSE;

  if (chance (journey, 0.58))
    {
      if (!emit (journey, between (journey, 20 * SECOND, 90 * SECOND), WM_DEMO_AGENT_REQUESTED, "ivr", error))
        return FALSE;
      return call_agent (journey, 0.92, between (journey, 2 * MINUTE, 15 * MINUTE), error);
    }

  if (!emit (journey, between (journey, 30 * SECOND, 3 * MINUTE), WM_DEMO_IVR_ATTEMPT, "ivr", error))
    return FALSE;

  if (chance (journey, 0.45))
    return pay (journey, "ivr", error);

  return call_agent (journey, 0.75, between (journey, 5 * MINUTE, 2 * DAY), error);
}

static gboolean
journey_run (Journey  *journey,
             guint     index,
             GError  **error)
{
  static const char * const segments[] = { "retail", "retail", "retail", "premium", "business" };
  static const char * const regions[] = { "North", "South", "East", "West", "Capital" };
  double route;
  gint64 delay;

  /* A few customers write their id in their own script. */
  if (index % 41 == 7)
    g_snprintf (journey->customer, sizeof journey->customer, "客户-%07u", index);
  else if (index % 97 == 11)
    g_snprintf (journey->customer, sizeof journey->customer, "Zoë-%07u", index);
  else
    g_snprintf (journey->customer, sizeof journey->customer, "C%07u", index);

  journey->segment = segments[g_rand_int_range (journey->rand, 0, G_N_ELEMENTS (segments))];
  journey->region = regions[g_rand_int_range (journey->rand, 0, G_N_ELEMENTS (regions))];
  journey->now = NOTICE_START + between (journey, 0, 3 * DAY);

  if (!emit (journey, 0, WM_DEMO_NOTICE, "mail", error))
    return FALSE;

  if (chance (journey, 0.6) &&
      !emit (journey, between (journey, 5 * MINUTE, 6 * HOUR), WM_DEMO_NOTICE_OPENED, "email", error))
    return FALSE;

  /* Some never respond; a few respond only after the 7-day window. */
  if (chance (journey, 0.06))
    return TRUE;
  delay = chance (journey, 0.03) ? between (journey, 8 * DAY, 12 * DAY)
                                 : between (journey, 30 * MINUTE, 4 * DAY);
  journey->now += delay;

  route = g_rand_double (journey->rand);
  if (route < 0.45)
    return online (journey, WM_DEMO_APP_LOGIN, "mobile", error);
  if (route < 0.70)
    return online (journey, WM_DEMO_WEB_LOGIN, "web", error);
  return ivr (journey, error);
}

gboolean
wm_demo_generate (guint        n_customers,
                  guint64      seed,
                  WmDemoEmit   emit_func,
                  gpointer     user_data,
                  GError     **error)
{
  guint32 seed_words[2] = { (guint32) seed, (guint32) (seed >> 32) };
  Journey journey = { 0 };
  gboolean ok = TRUE;

  journey.rand = g_rand_new_with_seed_array (seed_words, G_N_ELEMENTS (seed_words));
  journey.emit = emit_func;
  journey.user_data = user_data;

  for (guint i = 1; ok && i <= n_customers; i++)
    ok = journey_run (&journey, i, error);

  g_rand_free (journey.rand);

  return ok;
}

static gboolean
emit_to_writer (const char  *customer,
                const char  *touchpoint,
                const char  *channel,
                gint64       ts_ms,
                const char  *segment,
                const char  *region,
                gpointer     user_data,
                GError     **error)
{
  char properties[96];

  g_snprintf (properties, sizeof properties, "{\"segment\":\"%s\",\"region\":\"%s\"}", segment, region);
  return wm_event_writer_add (user_data, customer, touchpoint, channel, ts_ms, properties, error);
}

/* One saved flow and one saved funnel, so that Present has slides on a
 * first run. The names are data, like the touchpoints: not translated. */
static gboolean
save_demo_analyses (WmProject  *project,
                    GError    **error)
{
  static const char * const notice[] = { WM_DEMO_NOTICE, NULL };
  static const char * const login[] = { WM_DEMO_APP_LOGIN, WM_DEMO_WEB_LOGIN, WM_DEMO_IVR_MENU, NULL };
  static const char * const paid[] = { WM_DEMO_PAID, NULL };
  g_autoptr(WmFlowQuery) flow = wm_flow_query_new ();
  g_autoptr(WmFunnelQuery) funnel = wm_funnel_query_new ();

  flow->from = g_strdup (WM_DEMO_NOTICE);
  wm_funnel_query_add_step (funnel, notice);
  wm_funnel_query_add_step (funnel, login);
  wm_funnel_query_add_step (funnel, paid);
  funnel->window_s = 7 * 24 * 3600;

  return wm_saved_analysis_save_flow (project, "Payment journey", flow, error) != 0 &&
         wm_saved_analysis_save_funnel (project, "Self-service payment", funnel, error) != 0;
}

gboolean
wm_demo_write_project (WmProject  *project,
                       guint       n_customers,
                       guint64     seed,
                       GError    **error)
{
  g_autoptr(WmEventWriter) writer = wm_event_writer_new (project, "demo", "demo", error);
  g_autoptr(WmJourneyMap) map = NULL;

  if (writer == NULL ||
      !wm_demo_generate (n_customers, seed, emit_to_writer, writer, error) ||
      !wm_event_writer_commit (writer, NULL, 0, error))
    return FALSE;

  map = wm_demo_map_new ();
  return wm_map_json_save_project (project, map, error) &&
         save_demo_analyses (project, error);
}

typedef struct
{
  GOutputStream *output;
  GString       *buffer;
} CsvSink;

static gboolean
flush_csv (CsvSink  *sink,
           GError  **error)
{
  gboolean ok = g_output_stream_write_all (sink->output, sink->buffer->str, sink->buffer->len,
                                           NULL, NULL, error);

  g_string_truncate (sink->buffer, 0);
  return ok;
}

static gboolean
emit_to_csv (const char  *customer,
             const char  *touchpoint,
             const char  *channel,
             gint64       ts_ms,
             const char  *segment,
             const char  *region,
             gpointer     user_data,
             GError     **error)
{
  CsvSink *sink = user_data;
  g_autofree char *ts = wm_timestamp_format_iso (ts_ms);

  g_string_append_printf (sink->buffer, "%s,%s,%s,%s,%s,%s\n",
                          customer, ts, touchpoint, channel, segment, region);

  return sink->buffer->len < 256 * 1024 || flush_csv (sink, error);
}

gboolean
wm_demo_write_csv (GOutputStream  *output,
                   guint           n_customers,
                   guint64         seed,
                   GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (300 * 1024);
  CsvSink sink = { output, buffer };

  g_string_append (buffer, "customer_id,timestamp,touchpoint,channel,segment,region\n");

  return wm_demo_generate (n_customers, seed, emit_to_csv, &sink, error) &&
         flush_csv (&sink, error);
}
