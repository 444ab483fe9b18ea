/* wm-cli-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-analysis-json.h"
#include "wm-cli-query.h"

#define DEFAULT_WINDOW "14d"

void
wm_cli_flow_options_init (WmCliFlowOptions *options)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from, N_("Start each path at the customer’s first event of this touchpoint (default: at their first event)"), N_("TOUCHPOINT") },
    { "depth", 0, 0, G_OPTION_ARG_INT, &options->depth, N_("Steps after the start (default 5)"), N_("N") },
    { "top", 0, 0, G_OPTION_ARG_INT, &options->top, N_("Touchpoints per step with a node of their own; the rest are “Other” (default 8)"), N_("N") },
    { "min-share", 0, 0, G_OPTION_ARG_DOUBLE, &options->min_share, N_("Links carrying less than this share of the start customers go to “Other” (default 0.01)"), N_("SHARE") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &options->window, N_("Only events this soon after the path’s start: 90s, 30m, 12h, 7d (default 14d)"), N_("DURATION") },
    { NULL }
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (entries) == G_N_ELEMENTS (options->entries));
  memset (options, 0, sizeof *options);
  options->depth = 5;
  options->top = 8;
  options->min_share = 0.01;
  memcpy (options->entries, entries, sizeof entries);
}

void
wm_cli_flow_options_clear (WmCliFlowOptions *options)
{
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->window, g_free);
}

WmFlowQuery *
wm_cli_flow_options_query (WmCliFlowOptions *options)
{
  g_autoptr(WmFlowQuery) query = wm_flow_query_new ();

  if (options->depth < 1 || options->depth > 50 || options->top < 1 || options->top > 100)
    {
      wm_cli_print_error (_("--depth takes 1 to %d and --top 1 to %d"), 50, 100);
      return NULL;
    }
  if (!(options->min_share >= 0.0 && options->min_share <= 1.0))
    {
      wm_cli_print_error (_("--min-share takes a share between 0 and 1, like 0.01"));
      return NULL;
    }

  query->from = g_strdup (options->from);
  query->depth = options->depth;
  query->top = options->top;
  query->min_share = options->min_share;
  if (!wm_cli_parse_window (options->window != NULL ? options->window : DEFAULT_WINDOW, &query->window_s))
    return NULL;
  return g_steal_pointer (&query);
}

void
wm_cli_funnel_options_init (WmCliFunnelOptions *options)
{
  const GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->steps, N_("A step: a touchpoint, or several separated by commas for any of them; once per step, in order"), N_("A[,B]") },
    { "window", 0, 0, G_OPTION_ARG_STRING, &options->window, N_("Conversion window from entering step 1, inclusive: 90s, 30m, 12h, 7d (default 14d)"), N_("DURATION") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &options->order, N_("ordered (default: steps in order, other events between), strict (nothing between) or unordered"), N_("ORDER") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &options->by, N_("Break down by “channel” or by a property, as on the event that entered the funnel"), N_("channel|PROPERTY") },
    { "top", 0, 0, G_OPTION_ARG_INT, &options->top, N_("Breakdown values shown before “Other” (default 5)"), N_("N") },
    { NULL }
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (entries) == G_N_ELEMENTS (options->entries));
  memset (options, 0, sizeof *options);
  options->top = 5;
  memcpy (options->entries, entries, sizeof entries);
}

void
wm_cli_funnel_options_clear (WmCliFunnelOptions *options)
{
  g_clear_pointer (&options->steps, g_strfreev);
  g_clear_pointer (&options->window, g_free);
  g_clear_pointer (&options->order, g_free);
  g_clear_pointer (&options->by, g_free);
}

WmFunnelQuery *
wm_cli_funnel_options_query (WmCliFunnelOptions *options)
{
  g_autoptr(WmFunnelQuery) query = wm_funnel_query_new ();

  if (options->steps == NULL || g_strv_length (options->steps) < 2)
    {
      wm_cli_print_error (_("A funnel needs at least two --step options, like --step \"Payment notice\" --step \"Payment completed\""));
      return NULL;
    }

  for (guint k = 0; options->steps[k] != NULL; k++)
    {
      g_auto(GStrv) names = g_strsplit (options->steps[k], ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        g_strstrip (names[i]);
      wm_funnel_query_add_step (query, (const char * const *) names);
    }

  if (!wm_cli_parse_window (options->window != NULL ? options->window : DEFAULT_WINDOW, &query->window_s))
    return NULL;

  if (options->order != NULL && !wm_funnel_order_from_string (options->order, &query->order, NULL))
    {
      wm_cli_print_error (_("Unknown --order “%s”: use ordered, strict or unordered"), options->order);
      return NULL;
    }

  if (options->top < 1)
    {
      wm_cli_print_error (_("--top must be at least 1"));
      return NULL;
    }

  query->breakdown_by = g_strdup (options->by);
  query->breakdown_top = options->top;
  return g_steal_pointer (&query);
}

GArray *
wm_cli_entries_new (void)
{
  return g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
}

void
wm_cli_entries_add (GArray             *array,
                    const GOptionEntry *entries)
{
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    g_array_append_val (array, entries[i]);
}

gboolean
wm_cli_parse_size (const char *option,
                   const char *text,
                   int        *width,
                   int        *height)
{
  char *x = NULL, *end = NULL;
  gint64 w = g_ascii_strtoll (text, &x, 10);
  gint64 h = x != NULL && (*x == 'x' || *x == 'X') ? g_ascii_strtoll (x + 1, &end, 10) : 0;

  /* Past 16 384 pixels a side cairo cannot make the image anyway. */
  if (x == text || end == NULL || end == x + 1 || *end != '\0' ||
      w <= 0 || h <= 0 || w > 16384 || h > 16384)
    {
      wm_cli_print_error (_("%s must look like 1600x900 (at most 16384 a side), not “%s”"), option, text);
      return FALSE;
    }
  *width = w;
  *height = h;
  return TRUE;
}
