/* wm-cli-query.h: the funnel and flow query options, shared by
 * `waymark-cli funnel`, `flow` and `render funnel|flow`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-cli.h"

G_BEGIN_DECLS

/* The options' targets, and their entries pointing at them (so the struct
 * must not move once initialised). */
typedef struct
{
  char         *from;
  char         *window;
  int           depth;
  int           top;
  double        min_share;
  GOptionEntry  entries[6];
} WmCliFlowOptions;

typedef struct
{
  char        **steps;
  char         *window;
  char         *order;
  char         *by;
  int           top;
  GOptionEntry  entries[6];
} WmCliFunnelOptions;

void           wm_cli_flow_options_init     (WmCliFlowOptions   *options);
void           wm_cli_flow_options_clear    (WmCliFlowOptions   *options);
/* The query the parsed options ask for; prints the reason and returns NULL
 * (exit with WM_CLI_EXIT_USAGE) when they are not usable. */
WmFlowQuery   *wm_cli_flow_options_query    (WmCliFlowOptions   *options);

void           wm_cli_funnel_options_init   (WmCliFunnelOptions *options);
void           wm_cli_funnel_options_clear  (WmCliFunnelOptions *options);
WmFunnelQuery *wm_cli_funnel_options_query  (WmCliFunnelOptions *options);

/* A zero-terminated array of GOptionEntry to append entry lists to. */
GArray        *wm_cli_entries_new           (void);
/* Appends @entries, up to their terminating { NULL }. */
void           wm_cli_entries_add           (GArray             *array,
                                             const GOptionEntry *entries);

/* Parses "1600x900"; prints the reason and returns FALSE (exit with
 * WM_CLI_EXIT_USAGE) when it is not a size. @option names the option. */
gboolean       wm_cli_parse_size            (const char         *option,
                                             const char         *text,
                                             int                *width,
                                             int                *height);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WmCliFlowOptions, wm_cli_flow_options_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WmCliFunnelOptions, wm_cli_funnel_options_clear)

G_END_DECLS
