/* wm-bench-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "wm-bench-clock.h"

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double
wm_bench_wall_ms (void)
{
  return clock_ms (CLOCK_MONOTONIC);
}

double
wm_bench_thread_ms (void)
{
  return clock_ms (CLOCK_THREAD_CPUTIME_ID);
}

double
wm_bench_process_ms (void)
{
  return clock_ms (CLOCK_PROCESS_CPUTIME_ID);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
wm_bench_median (double *samples,
                 guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (samples, n, sizeof (double), compare_doubles);
  return n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}
