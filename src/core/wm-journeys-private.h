/* wm-journeys-private.h: the compact journeys the queries read
 *
 * Events are grouped per customer (customers in id order) and sorted by
 * timestamp; events with equal timestamps keep their stored order. Columns
 * are parallel arrays indexed by event; ids are the project's dictionary
 * ids (0 in channel/property_set means none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "wm-analysis.h"

G_BEGIN_DECLS

/* Ids in 1, 2 or 4 bytes each, as the largest needs: channels and
 * property sets are read rarely, and narrow they take a fraction of the
 * memory. */
typedef struct
{
  gpointer data;
  guint    width;
} WmIds;

static inline guint32
wm_ids_get (const WmIds *ids,
            guint64      i)
{
  switch (ids->width)
    {
    case 1:
      return ((const guint8 *) ids->data)[i];
    case 2:
      return ((const guint16 *) ids->data)[i];
    default:
      return ((const guint32 *) ids->data)[i];
    }
}

static inline void
wm_ids_set (WmIds   *ids,
            guint64  i,
            guint32  value)
{
  switch (ids->width)
    {
    case 1:
      ((guint8 *) ids->data)[i] = (guint8) value;
      break;
    case 2:
      ((guint16 *) ids->data)[i] = (guint16) value;
      break;
    default:
      ((guint32 *) ids->data)[i] = value;
    }
}

typedef struct
{
  guint64  n_customers;
  guint64  n_events;
  guint32 *customer_ids;   /* n_customers: the project's id of each, ascending */
  guint32 *offsets;        /* n_customers + 1: customer c owns [offsets[c], offsets[c + 1]) */
  gint64  *ts;             /* milliseconds UTC */
  guint32 *touchpoint;
  WmIds    channel;        /* 0: none */
  WmIds    property_set;   /* 0: none */
} WmJourneyColumns;

struct _WmJourneys
{
  gatomicrefcount  ref_count;
  WmJourneyColumns columns;
  gint64           last_ts;
  guint            n_touchpoint_ids;     /* largest touchpoint id + 1 */
  char           **touchpoint_names;     /* by id; NULL where unused */
  guint            n_channel_ids;
  char           **channel_names;        /* by id; [0] is NULL */
  guint            n_property_set_ids;
  char           **property_sets;        /* JSON objects by id; [0] is NULL */
  GHashTable      *touchpoint_ids;       /* name → id */
};

/* Customers are processed in blocks of this many (65536 unless a test
 * makes it small) between progress reports and cancellation checks; two
 * threads share the work from two blocks on. */
guint64  wm_journeys_get_block         (void);
void     wm_journeys_set_block_for_testing (guint64 block);

void     wm_journey_columns_clear      (WmJourneyColumns  *columns);

/* Reads every event of @project into @columns (two scans of the events
 * table, so memory holds the result only). */
gboolean wm_journeys_cache_build       (WmProject         *project,
                                        WmJourneyColumns  *columns,
                                        GCancellable      *cancellable,
                                        GError           **error);
/* Reads the persisted columns if they match the events; FALSE without an
 * error when missing or stale. */
gboolean wm_journeys_cache_read        (WmProject         *project,
                                        WmJourneyColumns  *columns,
                                        GError           **error);
/* Stores @columns as the project's cache, tagged with the current events. */
gboolean wm_journeys_cache_write       (WmProject         *project,
                                        const WmJourneyColumns *columns,
                                        GError           **error);
/* What an import added, for updating the cache without reading every
 * event again. */
typedef struct
{
  gint64         import_id;
  guint64        n_added;
  gint64         events_rowid_before;   /* largest events rowid before the import */
  gint64         imports_id_before;     /* largest imports id before it */
  const guint32 *added;                 /* events added, per customer id */
  guint64        n_added_ids;           /* length of @added */
  FILE          *added_events;          /* the events added as WmJourneyEvent, or NULL:
                                         * then every event is read again */
  guint32        max_channel;           /* largest channel id among them */
  guint32        max_property_set;      /* largest property set id among them */
} WmJourneysDelta;

/* An event as an import hands it to the cache. */
typedef struct
{
  gint64  ts;
  guint32 customer;
  guint32 touchpoint;
  guint32 channel;        /* 0: none */
  guint32 property_set;   /* 0: none */
} WmJourneyEvent;

/* Updates and stores the cache after an import; called inside the
 * import's transaction so that the cache commits (or rolls back) with the
 * events.  Merges the new events into the cache when it was current
 * before the import, else rebuilds it from every event. */
gboolean wm_journeys_cache_refresh     (WmProject         *project,
                                        const WmJourneysDelta *delta,
                                        GError           **error);

/* The touchpoint id called @name; on failure sets WM_ERROR_INVALID_ARGUMENT
 * naming similar touchpoints. */
gboolean wm_journeys_lookup_touchpoint (WmJourneys        *journeys,
                                        const char        *name,
                                        guint32           *id,
                                        GError           **error);
/* Calls @func (first, last, data) on consecutive customer ranges, on up to
 * two threads, reporting progress and stopping when cancelled. */
typedef void (*WmJourneysRangeFunc) (guint64   first,
                                     guint64   last,
                                     guint     part,
                                     gpointer  data);
gboolean wm_journeys_run_parallel      (WmJourneys        *journeys,
                                        WmJourneysRangeFunc func,
                                        gpointer           data,
                                        WmAnalysisProgress progress,
                                        gpointer           user_data,
                                        GCancellable      *cancellable,
                                        GError           **error);
#define WM_JOURNEYS_MAX_PARTS 2
/* Calls @func on [0, n) cut in two (parts 0 and 1), the second half on a
 * thread of its own; small ranges in one call. */
void     wm_parallel_halves            (guint64            n,
                                        WmJourneysRangeFunc func,
                                        gpointer           data);
/* TRUE, with WM_ERROR_CANCELLED set, once @cancellable fired. */
gboolean wm_journeys_check_cancelled   (GCancellable      *cancellable,
                                        GError           **error);

/* One name with its customers, for ranking touchpoints or breakdown values
 * the same way everywhere: most customers first, then by name. */
typedef struct
{
  guint32     id;
  guint64     customers;
  const char *name;
} WmRanked;

int wm_ranked_compare (gconstpointer a,
                       gconstpointer b);

G_END_DECLS
