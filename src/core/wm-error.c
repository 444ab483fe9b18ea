/* wm-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wm-error.h"

G_DEFINE_QUARK (wm-error-quark, wm_error)
