/* wm-flow-page.c: the Flow view: Sankey of a flow query, its controls, and
 * each channel's leakage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-demo.h"
#include "wm-error.h"
#include "wm-flow-page.h"
#include "wm-page-controls.h"
#include "wm-query-runner.h"
#include "wm-saved-analysis.h"
#include "wm-saved-list.h"
#include "wm-format.h"

struct _WmFlowPage
{
  GtkBox          parent_instance;

  WmSession      *session;
  WmQueryRunner  *flow_runner;
  WmQueryRunner  *leakage_runner;
  GtkStringList  *start_model;    /* "First event", then the touchpoints */
  GtkStringList  *goal_model;
  GtkDropDown    *start_drop;
  GtkDropDown    *goal_drop;
  GPtrArray      *froms;          /* the start of each graph on the sankey's stack; "" first event */
  char           *pending_from;   /* the drill-in asked for, until its graph comes */
  gboolean        updating;       /* controls set by code: no query per change */

  GtkButton      *back_button;
  GtkLabel       *title_label;
  GtkSpinner     *spinner;
  GtkStack       *stack;
  WmSankeyView   *sankey;
  AdwStatusPage  *status_page;
  AdwActionRow   *start_row;
  GtkSpinButton  *depth_spin;
  GtkSpinButton  *top_spin;
  AdwComboRow    *window_row;
  GtkSpinButton  *share_spin;
  AdwActionRow   *goal_row;
  WmFlowLeakage  *leakage;
  AdwPreferencesGroup *saved_group;
  WmSavedList    *saved_list;
  WmProject      *seen_project;   /* whose saved flows are listed */
};

G_DEFINE_FINAL_TYPE (WmFlowPage, wm_flow_page, GTK_TYPE_BOX)

enum { PROP_0, PROP_RUNNING, PROP_HAS_CHART, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
shown_from (WmFlowPage *self)
{
  return self->froms->len > 0 ? g_ptr_array_index (self->froms, self->froms->len - 1) : "";
}

static char *
flow_title (const char *from)
{
  if (from == NULL || *from == '\0')
    return g_strdup (_("Flow from each customer’s first event"));

  /* Translators: a flow chart's title, e.g. "Flow from Payment notice" */
  return g_strdup_printf (_("Flow from %s"), from);
}

static void
show_status (WmFlowPage *self,
             const char *title,
             const char *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
  gtk_label_set_label (self->title_label, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHART]);
}

static void
update_title (WmFlowPage *self)
{
  const WmFlowGraph *graph = wm_sankey_view_get_graph (self->sankey);
  g_autofree char *title = flow_title (shown_from (self));
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;

  if (graph == NULL)
    return;

  count = wm_format_count_compact (graph->start_customers);
  /* Translators: above the flow chart: "Flow from Payment notice · 2000 customers" */
  label = g_strdup_printf (g_dngettext (NULL, "%s · %s customer", "%s · %s customers",
                                        graph->start_customers),
                           title, count);
  gtk_label_set_label (self->title_label, label);
}

static WmFlowQuery *
query_from_controls (WmFlowPage *self,
                     const char *from)
{
  WmFlowQuery *query = wm_flow_query_new ();

  query->from = from != NULL && *from != '\0' ? g_strdup (from) : NULL;
  query->depth = (guint) gtk_spin_button_get_value_as_int (self->depth_spin);
  query->top = (guint) gtk_spin_button_get_value_as_int (self->top_spin);
  query->min_share = gtk_spin_button_get_value (self->share_spin) / 100.0;
  query->window_s = wm_page_window_seconds (adw_combo_row_get_selected (self->window_row));

  return query;
}

static const char *
selected_start (WmFlowPage *self)
{
  guint position = gtk_drop_down_get_selected (self->start_drop);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return "";
  return gtk_string_list_get_string (self->start_model, position);
}

static gpointer
run_flow (gconstpointer   query,
          WmJourneys     *journeys,
          GCancellable   *cancellable,
          GError        **error)
{
  return wm_flow_query_run (query, journeys, NULL, NULL, cancellable, error);
}

static void
flow_done (gpointer      result,
           const GError *error,
           gpointer      user_data)
{
  WmFlowPage *self = user_data;
  const WmFlowGraph *graph = result;
  g_autofree char *from = g_steal_pointer (&self->pending_from);

  if (error != NULL)
    {
      show_status (self, _("Could Not Compute the Flow"), error->message);
      return;
    }
  if (graph->start_customers == 0)
    {
      show_status (self, _("No Customers Start Here"),
                   _("No customer has an event at this start touchpoint; choose another start"));
      return;
    }

  if (from != NULL)
    {
      wm_sankey_view_push_graph (self->sankey, graph);
      g_ptr_array_add (self->froms, g_steal_pointer (&from));
    }
  else
    {
      wm_sankey_view_set_graph (self->sankey, graph);
      g_ptr_array_set_size (self->froms, 0);
      g_ptr_array_add (self->froms, g_strdup (selected_start (self)));
    }

  gtk_stack_set_visible_child_name (self->stack, "chart");
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHART]);
}

static void
start_flow (WmFlowPage *self,
            const char *drill_from)
{
  WmJourneys *journeys = self->session ? wm_session_get_journeys (self->session) : NULL;

  if (journeys == NULL)
    return;

  g_free (self->pending_from);
  self->pending_from = g_strdup (drill_from);
  wm_query_runner_run (self->flow_runner, journeys, run_flow,
                       query_from_controls (self, drill_from != NULL ? drill_from : selected_start (self)),
                       (GDestroyNotify) wm_flow_query_free, (GDestroyNotify) wm_flow_graph_free,
                       flow_done, self);
}

typedef struct
{
  char   *goal;
  gint64  window_s;
} LeakageQuery;

static void
leakage_query_free (LeakageQuery *query)
{
  g_free (query->goal);
  g_free (query);
}

static gpointer
run_leakage (gconstpointer   data,
             WmJourneys     *journeys,
             GCancellable   *cancellable,
             GError        **error)
{
  const LeakageQuery *query = data;

  return wm_leakage_run (journeys, query->goal, query->window_s, NULL, NULL, cancellable, error);
}

static void
leakage_done (gpointer      result,
              const GError *error,
              gpointer      user_data)
{
  WmFlowPage *self = user_data;

  /* A goal comes from the journeys' own touchpoints: an error here would
   * be a bug or a cancelled load, and shows as an empty panel. */
  wm_flow_leakage_set_result (self->leakage, result);
}

static void
start_leakage (WmFlowPage *self)
{
  WmJourneys *journeys = self->session ? wm_session_get_journeys (self->session) : NULL;
  const char *goal = wm_flow_page_get_goal (self);
  LeakageQuery *query;

  if (journeys == NULL || goal == NULL)
    return;

  query = g_new0 (LeakageQuery, 1);
  query->goal = g_strdup (goal);
  query->window_s = wm_page_window_seconds (adw_combo_row_get_selected (self->window_row));
  wm_query_runner_run (self->leakage_runner, journeys, run_leakage, query,
                       (GDestroyNotify) leakage_query_free, (GDestroyNotify) wm_leakage_result_free,
                       leakage_done, self);
}

static void
controls_changed (WmFlowPage *self)
{
  if (!self->updating)
    start_flow (self, NULL);
}

static void
window_changed (WmFlowPage *self)
{
  if (self->updating)
    return;
  start_flow (self, NULL);
  start_leakage (self);
}

static void
goal_changed (WmFlowPage *self)
{
  if (!self->updating)
    start_leakage (self);
}

static void
fill_model (GtkStringList       *model,
            const char          *first,
            char * const        *names)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  gtk_string_list_splice (model, 0, n, NULL);
  if (first != NULL)
    gtk_string_list_append (model, first);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (model, names[i]);
}

static void
touchpoints_listed (gpointer      result,
                    const GError *error,
                    gpointer      user_data)
{
  WmFlowPage *self = user_data;
  const WmPageTouchpoints *touchpoints = result;
  guint position;

  /* Listing cannot fail but by cancelling, which never reports. */
  g_return_if_fail (touchpoints != NULL);

  self->updating = TRUE;
  fill_model (self->start_model, _("First event"), touchpoints->names);
  gtk_drop_down_set_selected (self->start_drop, 0);
  fill_model (self->goal_model, NULL, touchpoints->names);
  /* The demo's goal is its payment; elsewhere where most journeys end. */
  position = wm_page_string_position (self->goal_model, WM_DEMO_PAID);
  if (position == GTK_INVALID_LIST_POSITION)
    position = wm_page_string_position (self->goal_model, touchpoints->last);
  gtk_drop_down_set_selected (self->goal_drop, position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->updating = FALSE;

  start_flow (self, NULL);
  start_leakage (self);
}

static void
journeys_changed (WmFlowPage *self)
{
  WmJourneys *journeys = wm_session_get_journeys (self->session);

  wm_query_runner_cancel (self->flow_runner);
  wm_query_runner_cancel (self->leakage_runner);
  wm_sankey_view_set_graph (self->sankey, NULL);
  wm_flow_leakage_set_result (self->leakage, NULL);
  g_ptr_array_set_size (self->froms, 0);

  if (journeys == NULL)
    {
      if (wm_session_get_loading (self->session))
        show_status (self, _("Loading Journeys…"), NULL);
      else
        show_status (self, _("No Project Open"), _("Open a project to see how customers flow"));
      return;
    }
  if (wm_journeys_get_n_events (journeys) == 0)
    {
      show_status (self, _("No Events Yet"),
                   _("Import touchpoint logs to see how customers move from one touchpoint to the next, and where they leave"));
      return;
    }

  if (wm_session_get_project (self->session) != self->seen_project)
    {
      g_set_object (&self->seen_project, wm_session_get_project (self->session));
      wm_saved_list_set_project (self->saved_list, self->seen_project);
    }

  /* On the leakage runner: it has nothing to do before there is a goal,
   * and a change of the controls meanwhile must not cancel the list. */
  wm_page_load_touchpoints (self->leakage_runner, journeys, touchpoints_listed, self);
}

static void
loading_changed (WmFlowPage *self)
{
  if (wm_session_get_journeys (self->session) == NULL)
    journeys_changed (self);
}

static void
saved_open (WmFlowPage            *self,
            const WmSavedAnalysis *saved)
{
  g_autoptr(GError) error = NULL;

  if (!wm_flow_page_open_saved (self, saved->id, &error))
    wm_page_show_error (GTK_WIDGET (self), _("Could Not Open the Flow"), error->message);
}

static void
node_activated (WmFlowPage *self,
                const char *id)
{
  const WmFlowGraph *graph = wm_sankey_view_get_graph (self->sankey);
  int node = graph ? wm_flow_graph_find_node (graph, id) : -1;

  if (node < 0 || graph->nodes[node].kind != WM_FLOW_NODE_TOUCHPOINT)
    return;

  start_flow (self, graph->nodes[node].touchpoint);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  WmFlowPage *self = WM_FLOW_PAGE (widget);

  if (!wm_sankey_view_can_go_back (self->sankey))
    return;

  wm_sankey_view_go_back (self->sankey);
  if (self->froms->len > 1)
    g_ptr_array_set_size (self->froms, self->froms->len - 1);
  update_title (self);
}

static void
can_go_back_changed (WmFlowPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.go-back",
                                 wm_sankey_view_can_go_back (self->sankey));
}

static void
saved_named (const char *name,
             gpointer    user_data)
{
  WmFlowPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wm_flow_page_save (self, name, &error))
    wm_page_show_error (GTK_WIDGET (self), _("Could Not Save the View"), error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WmFlowPage *self = WM_FLOW_PAGE (widget);
  g_autofree char *title = flow_title (shown_from (self));

  if (!wm_flow_page_get_has_chart (self))
    return;

  wm_page_ask_name (widget, _("Save Flow View"),
                    _("Saved views are kept in the project and shown when presenting"),
                    title, _("_Save"), saved_named, G_OBJECT (self));
}

static void
describe (GtkWidget   *widget,
          WmPageChart *chart)
{
  WmFlowPage *self = WM_FLOW_PAGE (widget);

  chart->session = self->session;
  chart->kind = WM_CHART_SANKEY;
  chart->data = wm_flow_page_get_has_chart (self) ? wm_sankey_view_get_graph (self->sankey) : NULL;
  chart->title = flow_title (shown_from (self));
  chart->theme = wm_chart_widget_get_theme (WM_CHART_WIDGET (self->sankey))->kind;
}

static void
running_changed (WmFlowPage *self)
{
  gboolean running = wm_flow_page_get_running (self);

  gtk_spinner_set_spinning (self->spinner, running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
wm_flow_page_dispose (GObject *object)
{
  WmFlowPage *self = WM_FLOW_PAGE (object);

  /* Nothing may report to a page that is going away. */
  if (self->flow_runner != NULL)
    {
      wm_query_runner_cancel (self->flow_runner);
      wm_query_runner_cancel (self->leakage_runner);
      g_signal_handlers_disconnect_by_data (self->flow_runner, self);
      g_signal_handlers_disconnect_by_data (self->leakage_runner, self);
    }
  g_clear_object (&self->flow_runner);
  g_clear_object (&self->leakage_runner);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->seen_project);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_FLOW_PAGE);

  G_OBJECT_CLASS (wm_flow_page_parent_class)->dispose (object);
}

static void
wm_flow_page_finalize (GObject *object)
{
  WmFlowPage *self = WM_FLOW_PAGE (object);

  g_clear_object (&self->start_model);
  g_clear_object (&self->goal_model);
  g_clear_pointer (&self->froms, g_ptr_array_unref);
  g_clear_pointer (&self->pending_from, g_free);

  G_OBJECT_CLASS (wm_flow_page_parent_class)->finalize (object);
}

static void
wm_flow_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WmFlowPage *self = WM_FLOW_PAGE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, wm_flow_page_get_running (self));
      break;
    case PROP_HAS_CHART:
      g_value_set_boolean (value, wm_flow_page_get_has_chart (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_flow_page_class_init (WmFlowPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_flow_page_dispose;
  object_class->finalize = wm_flow_page_finalize;
  object_class->get_property = wm_flow_page_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CHART] =
    g_param_spec_boolean ("has-chart", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WM_TYPE_SANKEY_VIEW);
  g_type_ensure (WM_TYPE_FLOW_LEAKAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-flow-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, sankey);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, depth_spin);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, top_spin);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, window_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, share_spin);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, goal_row);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, leakage);
  gtk_widget_class_bind_template_child (widget_class, WmFlowPage, saved_group);

  gtk_widget_class_install_action (widget_class, "flow.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "flow.save", NULL, save_action);
  wm_page_install_chart_actions (widget_class, describe);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "flow.go-back", NULL);
}

static void
wm_flow_page_init (WmFlowPage *self)
{
  g_autoptr(GtkStringList) windows = wm_page_window_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->froms = g_ptr_array_new_with_free_func (g_free);
  self->flow_runner = wm_query_runner_new ();
  self->leakage_runner = wm_query_runner_new ();
  self->saved_list = WM_SAVED_LIST (wm_saved_list_new (WM_SAVED_KIND_FLOW, _("No saved flows yet")));
  adw_preferences_group_add (self->saved_group, GTK_WIDGET (self->saved_list));
  self->start_model = gtk_string_list_new (NULL);
  self->goal_model = gtk_string_list_new (NULL);

  self->start_drop = wm_page_search_drop_down (G_LIST_MODEL (g_object_ref (self->start_model)));
  gtk_widget_set_valign (GTK_WIDGET (self->start_drop), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->start_drop), 160, -1);
  adw_action_row_add_suffix (self->start_row, GTK_WIDGET (self->start_drop));
  adw_action_row_set_activatable_widget (self->start_row, GTK_WIDGET (self->start_drop));

  self->goal_drop = wm_page_search_drop_down (G_LIST_MODEL (g_object_ref (self->goal_model)));
  gtk_widget_set_valign (GTK_WIDGET (self->goal_drop), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->goal_drop), 160, -1);
  adw_action_row_add_suffix (self->goal_row, GTK_WIDGET (self->goal_drop));
  adw_action_row_set_activatable_widget (self->goal_row, GTK_WIDGET (self->goal_drop));

  wm_page_label_by_row (GTK_WIDGET (self->start_drop));
  wm_page_label_by_row (GTK_WIDGET (self->goal_drop));
  wm_page_label_by_row (GTK_WIDGET (self->depth_spin));
  wm_page_label_by_row (GTK_WIDGET (self->top_spin));
  wm_page_label_by_row (GTK_WIDGET (self->share_spin));

  adw_combo_row_set_model (self->window_row, G_LIST_MODEL (windows));
  adw_combo_row_set_selected (self->window_row, wm_page_window_position (14 * 24 * 3600));

  g_signal_connect_swapped (self->start_drop, "notify::selected", G_CALLBACK (controls_changed), self);
  g_signal_connect_swapped (self->goal_drop, "notify::selected", G_CALLBACK (goal_changed), self);
  g_signal_connect_swapped (self->depth_spin, "value-changed", G_CALLBACK (controls_changed), self);
  g_signal_connect_swapped (self->top_spin, "value-changed", G_CALLBACK (controls_changed), self);
  g_signal_connect_swapped (self->share_spin, "value-changed", G_CALLBACK (controls_changed), self);
  g_signal_connect_swapped (self->window_row, "notify::selected", G_CALLBACK (window_changed), self);
  g_signal_connect_swapped (self->sankey, "node-activated", G_CALLBACK (node_activated), self);
  g_signal_connect_swapped (self->saved_list, "open", G_CALLBACK (saved_open), self);
  g_signal_connect_swapped (self->sankey, "notify::can-go-back", G_CALLBACK (can_go_back_changed), self);
  g_signal_connect_swapped (self->flow_runner, "notify::running", G_CALLBACK (running_changed), self);
  g_signal_connect_swapped (self->leakage_runner, "notify::running", G_CALLBACK (running_changed), self);
  can_go_back_changed (self);
}

GtkWidget *
wm_flow_page_new (WmSession *session)
{
  WmFlowPage *self;

  g_return_val_if_fail (WM_IS_SESSION (session), NULL);

  self = g_object_new (WM_TYPE_FLOW_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "notify::journeys", G_CALLBACK (journeys_changed), self);
  g_signal_connect_swapped (session, "notify::loading", G_CALLBACK (loading_changed), self);
  journeys_changed (self);

  return GTK_WIDGET (self);
}

WmSankeyView *
wm_flow_page_get_sankey (WmFlowPage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), NULL);

  return self->sankey;
}

WmFlowLeakage *
wm_flow_page_get_leakage (WmFlowPage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), NULL);

  return self->leakage;
}

gboolean
wm_flow_page_get_running (WmFlowPage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), FALSE);

  return wm_query_runner_get_running (self->flow_runner) ||
         wm_query_runner_get_running (self->leakage_runner);
}

gboolean
wm_flow_page_get_has_chart (WmFlowPage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), FALSE);

  return wm_sankey_view_get_graph (self->sankey) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "chart") == 0;
}

void
wm_flow_page_set_query (WmFlowPage        *self,
                        const WmFlowQuery *query)
{
  guint position = 0;

  g_return_if_fail (WM_IS_FLOW_PAGE (self));
  g_return_if_fail (query != NULL);

  if (query->from != NULL)
    {
      position = wm_page_string_position (self->start_model, query->from);
      /* A saved start that no event has any more: shown as asked, and the
       * query says no customer starts there. */
      if (position == GTK_INVALID_LIST_POSITION)
        {
          gtk_string_list_append (self->start_model, query->from);
          position = g_list_model_get_n_items (G_LIST_MODEL (self->start_model)) - 1;
        }
    }

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->start_drop, position);
  gtk_spin_button_set_value (self->depth_spin, query->depth);
  gtk_spin_button_set_value (self->top_spin, query->top);
  gtk_spin_button_set_value (self->share_spin, query->min_share * 100.0);
  adw_combo_row_set_selected (self->window_row, wm_page_window_position (query->window_s));
  self->updating = FALSE;

  start_flow (self, NULL);
  start_leakage (self);
}

WmFlowQuery *
wm_flow_page_get_query (WmFlowPage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), NULL);

  return query_from_controls (self, self->froms->len > 0 ? shown_from (self) : selected_start (self));
}

void
wm_flow_page_set_goal (WmFlowPage *self,
                       const char *goal)
{
  guint position;

  g_return_if_fail (WM_IS_FLOW_PAGE (self));

  position = wm_page_string_position (self->goal_model, goal);
  g_return_if_fail (position != GTK_INVALID_LIST_POSITION);

  if (position == gtk_drop_down_get_selected (self->goal_drop))
    start_leakage (self);
  else
    gtk_drop_down_set_selected (self->goal_drop, position);
}

const char *
wm_flow_page_get_goal (WmFlowPage *self)
{
  guint position;

  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), NULL);

  position = gtk_drop_down_get_selected (self->goal_drop);
  if (position == GTK_INVALID_LIST_POSITION ||
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->goal_model)))
    return NULL;

  return gtk_string_list_get_string (self->goal_model, position);
}

gboolean
wm_flow_page_save (WmFlowPage  *self,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(WmFlowQuery) query = NULL;

  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), FALSE);

  query = wm_flow_page_get_query (self);
  if (wm_saved_analysis_save_flow (wm_session_get_project (self->session), name, query, error) == 0)
    return FALSE;

  wm_saved_list_reload (self->saved_list);
  return TRUE;
}

gboolean
wm_flow_page_open_saved (WmFlowPage  *self,
                         gint64       id,
                         GError     **error)
{
  const WmSavedAnalysis *saved;
  g_autoptr(WmFlowQuery) query = NULL;

  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), FALSE);

  saved = wm_saved_list_find (self->saved_list, id);
  if (saved == NULL)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("This saved flow no longer exists"));
      return FALSE;
    }
  query = wm_saved_analysis_get_flow (saved, error);
  if (query == NULL)
    return FALSE;

  wm_flow_page_set_query (self, query);
  return TRUE;
}

GPtrArray *
wm_flow_page_get_saved (WmFlowPage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_PAGE (self), NULL);

  return wm_saved_list_get_items (self->saved_list);
}
