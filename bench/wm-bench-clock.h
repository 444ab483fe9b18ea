/* wm-bench-clock.h: the clocks and the median every benchmark reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Wall-clock milliseconds (monotonic). */
double wm_bench_wall_ms    (void);
/* CPU milliseconds of the calling thread: what an idle machine's wall
 * clock would show when other work shares the cores. */
double wm_bench_thread_ms  (void);
/* CPU milliseconds of the whole process, all threads. */
double wm_bench_process_ms (void);
/* Median of @n samples (sorts them in place). */
double wm_bench_median     (double *samples,
                            guint   n);

G_END_DECLS
