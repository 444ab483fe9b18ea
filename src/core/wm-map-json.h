/* wm-map-json.h: the journey map as a versioned JSON document
 *
 * {"version": 1, "title": "…",
 *  "stages":     [{"id": "…", "name": "…"}],
 *  "lanes":      [{"id": "…", "name": "…", "kind": "channels", "channel": "ivr"}],
 *  "cards":      [{"id": "…", "title": "…", "body": "…", "color": "blue",
 *                  "stage": "<stage id>", "lane": "<lane id>", "order": 0,
 *                  "span": 1, "evidence": "observed", "bindings": ["IVR menu"]}],
 *  "connectors": [{"id": "…", "from": "<card id>", "to": "<card id>", "label": "…"}],
 *  "personas":   [{"id": "…", "name": "…", "description": "…",
 *                  "emotions": [{"stage": "<stage id>", "value": -1.5}]}]}
 *
 * "stages" and "lanes" are required, the other arrays optional; in a card
 * "id", "title", "stage", "lane" and "order" are required. Members this
 * version does not know are ignored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wm-journey-map.h"
#include "wm-project.h"

G_BEGIN_DECLS

#define WM_MAP_JSON_VERSION   1
/* Larger documents, or deeper nesting, are refused before parsing. */
#define WM_MAP_JSON_MAX_BYTES (32 * 1024 * 1024)
#define WM_MAP_JSON_MAX_DEPTH 16

/* The document of @map; the same map always gives the same text. */
char         *wm_map_json_to_string     (WmJourneyMap  *map,
                                         gboolean       pretty);
/* A new map from @json (@length −1: NUL-terminated). Fails with
 * WM_ERROR_NEWER_VERSION for a document of a later format, and
 * WM_ERROR_INVALID_DOCUMENT, saying what and where, for anything else. */
WmJourneyMap *wm_map_json_parse         (const char    *json,
                                         gssize         length,
                                         GError       **error);
/* Replaces @map's document with @json's; on failure @map is unchanged. */
gboolean      wm_map_json_load          (WmJourneyMap  *map,
                                         const char    *json,
                                         gssize         length,
                                         GError       **error);

/* The map stored in @project (an empty map if none was ever saved). */
WmJourneyMap *wm_map_json_load_project  (WmProject     *project,
                                         GError       **error);
/* Stores @map in @project in one transaction (the old map stays on failure). */
gboolean      wm_map_json_save_project  (WmProject     *project,
                                         WmJourneyMap  *map,
                                         GError       **error);

G_END_DECLS
