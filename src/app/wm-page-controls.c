/* wm-page-controls.c: what the Flow and Funnel pages' controls share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-chart-actions.h"
#include "wm-journeys-goal.h"
#include "wm-page-controls.h"
#include "wm-present.h"

#define HOUR (G_GINT64_CONSTANT (3600))
#define DAY  (24 * HOUR)

static const struct
{
  gint64      seconds;
  const char *label;
} windows[] = {
  { HOUR, N_("1 hour") },
  { DAY, N_("1 day") },
  { 7 * DAY, N_("7 days") },
  { 14 * DAY, N_("14 days") },
  { 30 * DAY, N_("30 days") },
  { 90 * DAY, N_("90 days") },
};

GtkStringList *
wm_page_window_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    gtk_string_list_append (list, _(windows[i].label));

  return list;
}

gint64
wm_page_window_seconds (guint position)
{
  return windows[MIN (position, G_N_ELEMENTS (windows) - 1)].seconds;
}

guint
wm_page_window_position (gint64 seconds)
{
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    if (seconds <= windows[i].seconds)
      return i;

  return G_N_ELEMENTS (windows) - 1;
}

GtkDropDown *
wm_page_search_drop_down (GListModel *model)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new (model, expression));

  gtk_drop_down_set_enable_search (drop_down, TRUE);
  return drop_down;
}

guint
wm_page_string_position (GtkStringList *list,
                         const char    *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), name) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

typedef struct
{
  GtkEntry       *entry;
  WmPageNameFunc  func;
  GWeakRef        owner;   /* the page may go while the dialog is open */
} AskName;

static void
ask_name_response (AdwMessageDialog *dialog,
                   const char       *response,
                   AskName          *ask)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry))));

  g_autoptr(GObject) owner = g_weak_ref_get (&ask->owner);

  if (owner != NULL && g_str_equal (response, "save") && *name != '\0')
    ask->func (name, owner);

  g_weak_ref_clear (&ask->owner);
  g_free (ask);
}

static void
entry_changed (GtkEditable      *entry,
               AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

void
wm_page_ask_name (GtkWidget      *widget,
                  const char     *heading,
                  const char     *body,
                  const char     *initial,
                  const char     *accept,
                  WmPageNameFunc  func,
                  GObject        *owner)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  AskName *ask = g_new0 (AskName, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  ask->entry = GTK_ENTRY (gtk_entry_new ());
  ask->func = func;
  g_weak_ref_init (&ask->owner, owner);
  gtk_editable_set_text (GTK_EDITABLE (ask->entry), initial != NULL ? initial : "");
  gtk_entry_set_activates_default (ask->entry, TRUE);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (ask->entry));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", accept, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (ask->entry, "changed", G_CALLBACK (entry_changed), dialog);
  entry_changed (GTK_EDITABLE (ask->entry), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_name_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
wm_page_show_error (GtkWidget  *widget,
                    const char *heading,
                    const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GQuark
describe_quark (void)
{
  return g_quark_from_static_string ("wm-page-describe");
}

static void
describe (GtkWidget   *page,
          WmPageChart *chart)
{
  WmPageDescribe func = g_type_get_qdata (G_OBJECT_TYPE (page), describe_quark ());

  memset (chart, 0, sizeof *chart);
  func (page, chart);
}

static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  WmPageChart chart;

  describe (widget, &chart);
  if (chart.data != NULL)
    {
      if (g_str_equal (action_name, "view.copy-chart"))
        wm_chart_actions_copy (widget, chart.kind, chart.data, chart.title, chart.theme);
      else
        wm_chart_actions_export (GTK_WINDOW (gtk_widget_get_root (widget)), chart.kind, chart.data, chart.title);
    }
  g_free (chart.title);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_autoptr(WmSlide) slide = NULL;
  WmPageChart chart;

  describe (widget, &chart);
  if (chart.data != NULL)
    slide = chart.kind == WM_CHART_SANKEY ? wm_slide_new_flow (chart.title, chart.data)
                                          : wm_slide_new_funnel (chart.title, chart.data);
  g_free (chart.title);

  if (chart.session == NULL || wm_session_get_journeys (chart.session) == NULL)
    return;

  if (g_str_equal (action_name, "view.present"))
    wm_present_start (widget, chart.session, slide);
  else
    wm_present_export_deck (widget, chart.session, slide);
}

void
wm_page_install_chart_actions (GtkWidgetClass *widget_class,
                               WmPageDescribe  func)
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), describe_quark (), func);

  gtk_widget_class_install_action (widget_class, "view.export-chart", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "view.copy-chart", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "view.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "view.export-deck", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.copy-chart", NULL);
}

void
wm_page_touchpoints_free (WmPageTouchpoints *touchpoints)
{
  g_strfreev (touchpoints->names);
  g_free (touchpoints->last);
  g_free (touchpoints);
}

static gpointer
list_touchpoints (gconstpointer   query,
                  WmJourneys     *journeys,
                  GCancellable   *cancellable,
                  GError        **error)
{
  WmPageTouchpoints *touchpoints = g_new0 (WmPageTouchpoints, 1);

  touchpoints->names = wm_journeys_list_touchpoints (journeys, NULL);
  touchpoints->last = wm_journeys_most_common_last (journeys);
  return touchpoints;
}

void
wm_page_load_touchpoints (WmQueryRunner *runner,
                          WmJourneys    *journeys,
                          WmQueryDone    done,
                          gpointer       user_data)
{
  wm_query_runner_run (runner, journeys, list_touchpoints, NULL, NULL,
                       (GDestroyNotify) wm_page_touchpoints_free, done, user_data);
}

void
wm_page_label_by_row (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  g_autoptr(GString) label = NULL;
  const char *title;

  g_return_if_fail (row != NULL);

  /* Without the mnemonic's underscore. */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  label = g_string_new (title);
  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
    g_string_replace (label, "_", "", 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
}
