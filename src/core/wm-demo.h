/* wm-demo.h: the bank's payment journey of DESIGN.md, as synthetic data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wm-project.h"

G_BEGIN_DECLS

#define WM_DEMO_DEFAULT_CUSTOMERS 50000
#define WM_DEMO_DEFAULT_SEED      2024

/* Touchpoints of the story, as they appear in the data. */
#define WM_DEMO_NOTICE          "Payment notice"
#define WM_DEMO_NOTICE_OPENED   "Notice e-mail opened"
#define WM_DEMO_APP_LOGIN       "App login"
#define WM_DEMO_WEB_LOGIN       "Web login"
#define WM_DEMO_IVR_MENU        "IVR menu"
#define WM_DEMO_IVR_ATTEMPT     "IVR payment attempt"
#define WM_DEMO_AGENT_REQUESTED "Agent requested"
#define WM_DEMO_AGENT_CALL      "Agent call"
#define WM_DEMO_PAID            "Payment completed"
#define WM_DEMO_RECEIPT         "收据已发送"

/* Called once per event, customers one after another, each customer's
 * events in time order. */
typedef gboolean (*WmDemoEmit) (const char  *customer,
                                const char  *touchpoint,
                                const char  *channel,
                                gint64       ts_ms,
                                const char  *segment,
                                const char  *region,
                                gpointer     user_data,
                                GError     **error);

/* Same seed, same customers: deterministic. */
gboolean wm_demo_generate      (guint          n_customers,
                                guint64        seed,
                                WmDemoEmit     emit,
                                gpointer       user_data,
                                GError       **error);
/* Imports the demo into @project as one import named "demo", with the
 * demo journey map, a saved flow "Payment journey" and a saved funnel
 * "Self-service payment". */
gboolean wm_demo_write_project (WmProject     *project,
                                guint          n_customers,
                                guint64        seed,
                                GError       **error);
/* Writes the demo as a CSV log with a header. */
gboolean wm_demo_write_csv     (GOutputStream *output,
                                guint          n_customers,
                                guint64        seed,
                                GError       **error);

G_END_DECLS
