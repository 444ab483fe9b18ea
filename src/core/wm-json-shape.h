/* wm-json-shape.h: what json-glib 1.6 gets wrong, checked before it parses
 *
 * json-glib parses nested arrays and objects recursively, so deep nesting
 * exhausts the stack; and a second value after the first ("{…}{…}",
 * "[…]]") is dropped without an error, and leaked. Every loader of
 * untrusted JSON asks this first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_JSON_SHAPE_OK,
  WM_JSON_SHAPE_TOO_DEEP,    /* nested deeper than the limit */
  WM_JSON_SHAPE_TRAILING,    /* more than whitespace after the first value */
  WM_JSON_SHAPE_NOT_OBJECT,  /* the first value is not an object */
} WmJsonShape;

/* Checks @text (@len bytes) without parsing it: an object first (after
 * whitespace), nested at most @max_depth deep, and nothing after it.
 * Brackets inside strings do not count. */
WmJsonShape wm_json_shape (const char *text,
                           gsize       len,
                           guint       max_depth);

G_END_DECLS
