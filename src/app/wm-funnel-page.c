/* wm-funnel-page.c: the Funnel view: a funnel builder, its chart, and the
 * project's saved funnels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wm-error.h"
#include "wm-funnel-page.h"
#include "wm-page-controls.h"
#include "wm-query-runner.h"
#include "wm-saved-analysis.h"
#include "wm-saved-list.h"
#include "wm-format.h"

/* Edits in quick succession (typing a property name, several moves) run
 * the funnel once. */
#define DEBOUNCE_MS 250

struct _WmFunnelPage
{
  GtkBox          parent_instance;

  WmSession      *session;
  WmProject      *seen_project;   /* whose saved funnel the builder opened */
  WmQueryRunner  *runner;
  WmQueryRunner  *list_runner;    /* the touchpoints offered by the picker */
  guint           debounce_id;
  gboolean        updating;
  char           *name;           /* of the saved funnel opened or saved */
  char           *summary;

  GtkLabel       *summary_label;
  GtkSpinner     *spinner;
  GtkStack       *stack;
  WmFunnelChart  *chart;
  AdwStatusPage  *status_page;
  WmFunnelSteps  *steps;
  AdwComboRow    *order_row;
  AdwComboRow    *window_row;
  AdwComboRow    *breakdown_row;
  AdwEntryRow    *property_row;
  AdwPreferencesGroup *saved_group;
  WmSavedList    *saved_list;
};

G_DEFINE_FINAL_TYPE (WmFunnelPage, wm_funnel_page, GTK_TYPE_BOX)

enum { PROP_0, PROP_RUNNING, PROP_HAS_CHART, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { BREAKDOWN_NONE, BREAKDOWN_CHANNEL, BREAKDOWN_PROPERTY };

static char *
join_step (const char * const *step)
{
  return g_strjoinv (_(" or "), (char **) step);
}

static char *
funnel_title (WmFunnelPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n = wm_funnel_steps_get_n_steps (self->steps);

  if (self->name != NULL)
    return g_strdup (self->name);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *step = join_step (wm_funnel_steps_get_step (self->steps, i));

      g_strv_builder_add (builder, step);
    }
  names = g_strv_builder_end (builder);
  return g_strjoinv (" → ", names);
}

static void
set_summary (WmFunnelPage *self,
             const char   *summary)
{
  g_free (self->summary);
  self->summary = g_strdup (summary != NULL ? summary : "");
  gtk_label_set_label (self->summary_label, self->summary);
}

static void
notify_running (WmFunnelPage *self)
{
  gtk_spinner_set_spinning (self->spinner, wm_funnel_page_get_running (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
show_status (WmFunnelPage *self,
             const char   *title,
             const char   *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
  wm_funnel_chart_set_result (self->chart, NULL);
  set_summary (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHART]);
}

static char *
drop_summary (const WmFunnelResult *result)
{
  int k = wm_funnel_result_biggest_drop (result);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;
  const WmFunnelStep *step;

  if (k < 1)
    return NULL;

  step = &result->steps[k];
  from = join_step ((const char * const *) result->steps[k - 1].touchpoints);
  to = join_step ((const char * const *) step->touchpoints);
  count = wm_format_count_compact (step->dropped);
  share = wm_format_share (result->steps[k - 1].customers > 0 ?
                                 (double) step->dropped / result->steps[k - 1].customers : 0.0);

  /* Translators: the funnel's summary: "Biggest drop: IVR menu → Payment completed, 450 customers (78%)" */
  return g_strdup_printf (g_dngettext (NULL, "Biggest drop: %s → %s, %s customer (%s)",
                                       "Biggest drop: %s → %s, %s customers (%s)", step->dropped),
                          from, to, count, share);
}

static gpointer
run_funnel (gconstpointer   query,
            WmJourneys     *journeys,
            GCancellable   *cancellable,
            GError        **error)
{
  return wm_funnel_query_run (query, journeys, NULL, NULL, cancellable, error);
}

static void
funnel_done (gpointer      data,
             const GError *error,
             gpointer      user_data)
{
  WmFunnelPage *self = user_data;
  const WmFunnelResult *result = data;
  g_autofree char *summary = NULL;

  if (error != NULL)
    {
      show_status (self, _("Could Not Compute the Funnel"), error->message);
      return;
    }
  if (result->n_steps == 0 || result->steps[0].customers == 0)
    {
      show_status (self, _("No Customers Enter This Funnel"),
                   _("No customer has an event at the first step; choose another first step"));
      return;
    }

  wm_funnel_chart_set_result (self->chart, result);
  summary = drop_summary (result);
  set_summary (self, summary);
  gtk_stack_set_visible_child_name (self->stack, "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHART]);
}

static gboolean
run_now (gpointer user_data)
{
  WmFunnelPage *self = user_data;
  WmJourneys *journeys = self->session ? wm_session_get_journeys (self->session) : NULL;

  self->debounce_id = 0;
  if (journeys == NULL)
    {
      notify_running (self);
      return G_SOURCE_REMOVE;
    }

  if (wm_funnel_steps_get_n_steps (self->steps) < 2)
    {
      wm_query_runner_cancel (self->runner);
      show_status (self, _("Build a Funnel"),
                   _("Add at least two steps: the touchpoints customers should reach, one after the other"));
      notify_running (self);
      return G_SOURCE_REMOVE;
    }

  wm_query_runner_run (self->runner, journeys, run_funnel, wm_funnel_page_get_query (self),
                       (GDestroyNotify) wm_funnel_query_free, (GDestroyNotify) wm_funnel_result_free,
                       funnel_done, self);
  notify_running (self);
  return G_SOURCE_REMOVE;
}

static void
definition_changed (WmFunnelPage *self)
{
  /* Disposing the template's rows may notify after the session went. */
  if (self->updating || self->session == NULL)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, run_now, self);
  notify_running (self);
}

static void
breakdown_changed (WmFunnelPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->property_row),
                          adw_combo_row_get_selected (self->breakdown_row) == BREAKDOWN_PROPERTY);
  definition_changed (self);
}

/* Saved funnels */

static void
saved_open (WmFunnelPage          *self,
            const WmSavedAnalysis *saved)
{
  g_autoptr(GError) error = NULL;

  if (!wm_funnel_page_open_saved (self, saved->id, &error))
    wm_page_show_error (GTK_WIDGET (self), _("Could Not Open the Funnel"), error->message);
}

/* Actions */

static void
saved_named (const char *name,
             gpointer    user_data)
{
  WmFunnelPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!wm_funnel_page_save (self, name, &error))
    wm_page_show_error (GTK_WIDGET (self), _("Could Not Save the Funnel"), error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WmFunnelPage *self = WM_FUNNEL_PAGE (widget);
  g_autofree char *title = funnel_title (self);

  if (wm_funnel_steps_get_n_steps (self->steps) < 2)
    return;

  wm_page_ask_name (widget, _("Save Funnel"),
                    _("Saved funnels are kept in the project and shown when presenting"),
                    title, _("_Save"), saved_named, G_OBJECT (self));
}

static void
describe (GtkWidget   *widget,
          WmPageChart *chart)
{
  WmFunnelPage *self = WM_FUNNEL_PAGE (widget);

  chart->session = self->session;
  chart->kind = WM_CHART_FUNNEL;
  chart->data = wm_funnel_page_get_result (self);
  chart->title = funnel_title (self);
  chart->theme = wm_chart_widget_get_theme (WM_CHART_WIDGET (self->chart))->kind;
}

static void
touchpoints_listed (gpointer      result,
                    const GError *error,
                    gpointer      user_data)
{
  WmFunnelPage *self = user_data;
  const WmPageTouchpoints *touchpoints = result;

  /* Listing cannot fail but by cancelling, which never reports. */
  g_return_if_fail (touchpoints != NULL);
  wm_funnel_steps_set_touchpoints (self->steps, (const char * const *) touchpoints->names);
  notify_running (self);
}

static void
journeys_changed (WmFunnelPage *self)
{
  WmJourneys *journeys = wm_session_get_journeys (self->session);
  WmProject *project = wm_session_get_project (self->session);
  GPtrArray *saved;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  wm_query_runner_cancel (self->runner);
  wm_query_runner_cancel (self->list_runner);

  if (journeys == NULL)
    {
      if (wm_session_get_loading (self->session))
        show_status (self, _("Loading Journeys…"), NULL);
      else
        show_status (self, _("No Project Open"), _("Open a project to build funnels"));
      notify_running (self);
      return;
    }

  wm_page_load_touchpoints (self->list_runner, journeys, touchpoints_listed, self);

  /* Another project: its first saved funnel, or an empty builder. */
  if (project != self->seen_project)
    {
      g_set_object (&self->seen_project, project);
      wm_saved_list_set_project (self->saved_list, project);
      self->updating = TRUE;
      g_clear_pointer (&self->name, g_free);
      wm_funnel_steps_set_steps (self->steps, NULL, 0);
      self->updating = FALSE;
      saved = wm_saved_list_get_items (self->saved_list);
      if (saved->len > 0)
        wm_funnel_page_open_saved (self, ((WmSavedAnalysis *) g_ptr_array_index (saved, 0))->id, NULL);
    }

  if (wm_journeys_get_n_events (journeys) == 0)
    {
      show_status (self, _("No Events Yet"),
                   _("Import touchpoint logs to see how many customers reach each step, and where they drop out"));
      notify_running (self);
      return;
    }

  /* At once, and once: opening the saved funnel above asked for a run. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  run_now (self);
}

static void
loading_changed (WmFunnelPage *self)
{
  if (wm_session_get_journeys (self->session) == NULL)
    journeys_changed (self);
}

static void
wm_funnel_page_dispose (GObject *object)
{
  WmFunnelPage *self = WM_FUNNEL_PAGE (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->runner != NULL)
    {
      wm_query_runner_cancel (self->runner);
      wm_query_runner_cancel (self->list_runner);
      g_signal_handlers_disconnect_by_data (self->runner, self);
      g_signal_handlers_disconnect_by_data (self->list_runner, self);
    }
  g_clear_object (&self->runner);
  g_clear_object (&self->list_runner);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->seen_project);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_FUNNEL_PAGE);

  G_OBJECT_CLASS (wm_funnel_page_parent_class)->dispose (object);
}

static void
wm_funnel_page_finalize (GObject *object)
{
  WmFunnelPage *self = WM_FUNNEL_PAGE (object);

  g_free (self->name);
  g_free (self->summary);

  G_OBJECT_CLASS (wm_funnel_page_parent_class)->finalize (object);
}

static void
wm_funnel_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WmFunnelPage *self = WM_FUNNEL_PAGE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, wm_funnel_page_get_running (self));
      break;
    case PROP_HAS_CHART:
      g_value_set_boolean (value, wm_funnel_page_get_has_chart (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_funnel_page_class_init (WmFunnelPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_funnel_page_dispose;
  object_class->finalize = wm_funnel_page_finalize;
  object_class->get_property = wm_funnel_page_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CHART] =
    g_param_spec_boolean ("has-chart", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WM_TYPE_FUNNEL_CHART);
  g_type_ensure (WM_TYPE_FUNNEL_STEPS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-funnel-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, chart);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, steps);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, order_row);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, window_row);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, breakdown_row);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, property_row);
  gtk_widget_class_bind_template_child (widget_class, WmFunnelPage, saved_group);

  gtk_widget_class_install_action (widget_class, "funnel.save", NULL, save_action);
  wm_page_install_chart_actions (widget_class, describe);
}

static void
wm_funnel_page_init (WmFunnelPage *self)
{
  g_autoptr(GtkStringList) windows = wm_page_window_model ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->runner = wm_query_runner_new ();
  self->list_runner = wm_query_runner_new ();
  self->saved_list = WM_SAVED_LIST (wm_saved_list_new (WM_SAVED_KIND_FUNNEL, _("No saved funnels yet")));
  adw_preferences_group_add (self->saved_group, GTK_WIDGET (self->saved_list));
  adw_combo_row_set_model (self->window_row, G_LIST_MODEL (windows));
  adw_combo_row_set_selected (self->window_row, wm_page_window_position (14 * 24 * 3600));

  g_signal_connect_swapped (self->steps, "changed", G_CALLBACK (definition_changed), self);
  g_signal_connect_swapped (self->order_row, "notify::selected", G_CALLBACK (definition_changed), self);
  g_signal_connect_swapped (self->window_row, "notify::selected", G_CALLBACK (definition_changed), self);
  g_signal_connect_swapped (self->breakdown_row, "notify::selected", G_CALLBACK (breakdown_changed), self);
  g_signal_connect_swapped (self->property_row, "changed", G_CALLBACK (definition_changed), self);
  g_signal_connect_swapped (self->runner, "notify::running", G_CALLBACK (notify_running), self);
  g_signal_connect_swapped (self->list_runner, "notify::running", G_CALLBACK (notify_running), self);
  g_signal_connect_swapped (self->saved_list, "open", G_CALLBACK (saved_open), self);
}

GtkWidget *
wm_funnel_page_new (WmSession *session)
{
  WmFunnelPage *self;

  g_return_val_if_fail (WM_IS_SESSION (session), NULL);

  self = g_object_new (WM_TYPE_FUNNEL_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "notify::journeys", G_CALLBACK (journeys_changed), self);
  g_signal_connect_swapped (session, "notify::loading", G_CALLBACK (loading_changed), self);
  journeys_changed (self);

  return GTK_WIDGET (self);
}

WmFunnelChart *
wm_funnel_page_get_chart (WmFunnelPage *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), NULL);

  return self->chart;
}

WmFunnelSteps *
wm_funnel_page_get_steps (WmFunnelPage *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), NULL);

  return self->steps;
}

gboolean
wm_funnel_page_get_running (WmFunnelPage *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), FALSE);

  return self->debounce_id != 0 || wm_query_runner_get_running (self->runner) ||
         wm_query_runner_get_running (self->list_runner);
}

gboolean
wm_funnel_page_get_has_chart (WmFunnelPage *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), FALSE);

  return wm_funnel_chart_get_result (self->chart) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "chart") == 0;
}

void
wm_funnel_page_set_steps (WmFunnelPage               *self,
                          const char * const * const *steps,
                          guint                       n_steps)
{
  g_return_if_fail (WM_IS_FUNNEL_PAGE (self));

  wm_funnel_steps_set_steps (self->steps, steps, n_steps);
}

void
wm_funnel_page_set_order (WmFunnelPage  *self,
                          WmFunnelOrder  order)
{
  g_return_if_fail (WM_IS_FUNNEL_PAGE (self));
  g_return_if_fail (order <= WM_FUNNEL_UNORDERED);

  adw_combo_row_set_selected (self->order_row, order);
}

void
wm_funnel_page_set_window (WmFunnelPage *self,
                           gint64        window_s)
{
  g_return_if_fail (WM_IS_FUNNEL_PAGE (self));

  adw_combo_row_set_selected (self->window_row, wm_page_window_position (window_s));
}

void
wm_funnel_page_set_breakdown (WmFunnelPage *self,
                              const char   *breakdown_by)
{
  g_return_if_fail (WM_IS_FUNNEL_PAGE (self));

  if (breakdown_by == NULL || *breakdown_by == '\0')
    adw_combo_row_set_selected (self->breakdown_row, BREAKDOWN_NONE);
  else if (g_str_equal (breakdown_by, "channel"))
    adw_combo_row_set_selected (self->breakdown_row, BREAKDOWN_CHANNEL);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->property_row), breakdown_by);
      adw_combo_row_set_selected (self->breakdown_row, BREAKDOWN_PROPERTY);
    }
}

void
wm_funnel_page_set_query (WmFunnelPage        *self,
                          const WmFunnelQuery *query)
{
  g_return_if_fail (WM_IS_FUNNEL_PAGE (self));
  g_return_if_fail (query != NULL);

  /* One run for the whole definition. */
  self->updating = TRUE;
  wm_funnel_page_set_steps (self, (const char * const * const *) query->steps, query->n_steps);
  wm_funnel_page_set_order (self, query->order);
  wm_funnel_page_set_window (self, query->window_s);
  wm_funnel_page_set_breakdown (self, query->breakdown_by);
  self->updating = FALSE;
  definition_changed (self);
}

WmFunnelQuery *
wm_funnel_page_get_query (WmFunnelPage *self)
{
  WmFunnelQuery *query;
  guint breakdown;

  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), NULL);

  query = wm_funnel_query_new ();
  for (guint i = 0; i < wm_funnel_steps_get_n_steps (self->steps); i++)
    wm_funnel_query_add_step (query, wm_funnel_steps_get_step (self->steps, i));
  query->order = (WmFunnelOrder) MIN (adw_combo_row_get_selected (self->order_row), WM_FUNNEL_UNORDERED);
  query->window_s = wm_page_window_seconds (adw_combo_row_get_selected (self->window_row));

  breakdown = adw_combo_row_get_selected (self->breakdown_row);
  if (breakdown == BREAKDOWN_CHANNEL)
    query->breakdown_by = g_strdup ("channel");
  else if (breakdown == BREAKDOWN_PROPERTY)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->property_row))));

      if (*name != '\0')
        query->breakdown_by = g_steal_pointer (&name);
    }

  return query;
}

const WmFunnelResult *
wm_funnel_page_get_result (WmFunnelPage *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), NULL);

  return wm_funnel_page_get_has_chart (self) ? wm_funnel_chart_get_result (self->chart) : NULL;
}

const char *
wm_funnel_page_get_summary (WmFunnelPage *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), NULL);

  return self->summary != NULL ? self->summary : "";
}

gboolean
wm_funnel_page_save (WmFunnelPage  *self,
                     const char    *name,
                     GError       **error)
{
  g_autoptr(WmFunnelQuery) query = NULL;

  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), FALSE);

  query = wm_funnel_page_get_query (self);
  if (query->n_steps < 2)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("A funnel needs at least two steps"));
      return FALSE;
    }
  if (wm_saved_analysis_save_funnel (wm_session_get_project (self->session), name, query, error) == 0)
    return FALSE;

  g_free (self->name);
  self->name = g_strstrip (g_strdup (name));
  wm_saved_list_reload (self->saved_list);
  return TRUE;
}

gboolean
wm_funnel_page_open_saved (WmFunnelPage  *self,
                           gint64         id,
                           GError       **error)
{
  const WmSavedAnalysis *saved;
  g_autoptr(WmFunnelQuery) query = NULL;

  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), FALSE);

  saved = wm_saved_list_find (self->saved_list, id);
  if (saved == NULL)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID_ARGUMENT,
                           _("This saved funnel no longer exists"));
      return FALSE;
    }
  query = wm_saved_analysis_get_funnel (saved, error);
  if (query == NULL)
    return FALSE;

  wm_funnel_page_set_query (self, query);
  g_free (self->name);
  self->name = g_strdup (saved->name);
  return TRUE;
}

GPtrArray *
wm_funnel_page_get_saved (WmFunnelPage *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_PAGE (self), NULL);

  return wm_saved_list_get_items (self->saved_list);
}
