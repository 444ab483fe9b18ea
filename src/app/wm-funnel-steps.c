/* wm-funnel-steps.c: the funnel builder's list of steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wm-funnel-steps.h"

struct _WmFunnelSteps
{
  GtkBox          parent_instance;

  GPtrArray      *steps;          /* GStrv per step */
  GtkStringList  *touchpoints;
  GtkListBox     *list;
  GtkWidget      *add_button;

  /* One picker for the whole list, pointing at the button that opened it,
   * so that rebuilding the rows never takes it away while it is open. */
  GtkPopover     *picker;
  GtkSearchEntry *search;
  GtkStringFilter *filter;
  GtkFilterListModel *filtered;
  int             picker_step;    /* -1: a new step, else the step to extend */
};

G_DEFINE_FINAL_TYPE (WmFunnelSteps, wm_funnel_steps, GTK_TYPE_BOX)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild (WmFunnelSteps *self);

static void
changed (WmFunnelSteps *self)
{
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
strv_has (char       **strv,
          const char  *name)
{
  return g_strv_contains ((const char * const *) strv, name);
}

void
wm_funnel_steps_add_step (WmFunnelSteps *self,
                          const char    *touchpoint)
{
  g_return_if_fail (WM_IS_FUNNEL_STEPS (self));
  g_return_if_fail (touchpoint != NULL);

  if (self->steps->len >= WM_FUNNEL_MAX_STEPS)
    return;

  g_ptr_array_add (self->steps, g_strdupv ((char *[]) { (char *) touchpoint, NULL }));
  changed (self);
}

void
wm_funnel_steps_add_alternative (WmFunnelSteps *self,
                                 guint          index,
                                 const char    *touchpoint)
{
  char **step;
  guint n;

  g_return_if_fail (WM_IS_FUNNEL_STEPS (self));
  g_return_if_fail (touchpoint != NULL);

  if (index >= self->steps->len || strv_has (g_ptr_array_index (self->steps, index), touchpoint))
    return;

  step = g_ptr_array_index (self->steps, index);
  n = g_strv_length (step);
  step = g_renew (char *, step, n + 2);
  step[n] = g_strdup (touchpoint);
  step[n + 1] = NULL;
  self->steps->pdata[index] = step;
  changed (self);
}

void
wm_funnel_steps_remove_touchpoint (WmFunnelSteps *self,
                                   guint          index,
                                   const char    *touchpoint)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  char **step;

  g_return_if_fail (WM_IS_FUNNEL_STEPS (self));

  if (index >= self->steps->len)
    return;
  step = g_ptr_array_index (self->steps, index);
  if (!strv_has (step, touchpoint))
    return;
  /* The last touchpoint of a step goes with its step. */
  if (g_strv_length (step) == 1)
    {
      wm_funnel_steps_remove_step (self, index);
      return;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; step[i] != NULL; i++)
    if (g_strcmp0 (step[i], touchpoint) != 0)
      g_strv_builder_add (builder, step[i]);
  g_strfreev (step);
  self->steps->pdata[index] = g_strv_builder_end (builder);
  changed (self);
}

void
wm_funnel_steps_remove_step (WmFunnelSteps *self,
                             guint          index)
{
  g_return_if_fail (WM_IS_FUNNEL_STEPS (self));

  if (index >= self->steps->len)
    return;

  g_ptr_array_remove_index (self->steps, index);
  changed (self);
}

void
wm_funnel_steps_move_step (WmFunnelSteps *self,
                           guint          from,
                           guint          to)
{
  gpointer step;

  g_return_if_fail (WM_IS_FUNNEL_STEPS (self));

  if (self->steps->len == 0)
    return;
  from = MIN (from, self->steps->len - 1);
  to = MIN (to, self->steps->len - 1);
  if (from == to)
    return;

  step = self->steps->pdata[from];
  self->steps->pdata[from] = NULL;
  g_ptr_array_remove_index (self->steps, from);
  g_ptr_array_insert (self->steps, (int) to, step);
  changed (self);
}

/* The picker */

static void
picked (WmFunnelSteps *self,
        const char    *touchpoint)
{
  int step = self->picker_step;

  gtk_popover_popdown (self->picker);
  if (step < 0)
    wm_funnel_steps_add_step (self, touchpoint);
  else
    wm_funnel_steps_add_alternative (self, (guint) step, touchpoint);
}

static void
picker_row_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      WmFunnelSteps *self)
{
  g_autoptr(GtkStringObject) item =
    g_list_model_get_item (G_LIST_MODEL (self->filtered), (guint) gtk_list_box_row_get_index (row));

  if (item != NULL)
    picked (self, gtk_string_object_get_string (item));
}

static void
search_activate (WmFunnelSteps *self)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (item != NULL)
    picked (self, gtk_string_object_get_string (item));
}

static void
search_changed (WmFunnelSteps *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

static GtkWidget *
picker_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *label = gtk_label_new (gtk_string_object_get_string (item));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static void
open_picker (WmFunnelSteps *self,
             GtkWidget     *anchor,
             int            step)
{
  graphene_rect_t bounds;

  self->picker_step = step;
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  if (gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (self->picker,
                                 &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                   (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (self->picker);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
build_picker (WmFunnelSteps *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->touchpoints)),
                                              GTK_FILTER (g_object_ref (self->filter)));

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search touchpoints"), NULL);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate), self);

  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->filtered), picker_row, NULL, NULL);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  g_signal_connect (list, "row-activated", G_CALLBACK (picker_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_size_request (scrolled, 260, -1);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  self->picker = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->picker, box);
  gtk_widget_set_parent (GTK_WIDGET (self->picker), GTK_WIDGET (self));
}

/* The rows */

static guint
row_step (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "wm-step"));
}

static void
move_up_clicked (GtkWidget     *button,
                 WmFunnelSteps *self)
{
  guint step = row_step (button);

  if (step > 0)
    wm_funnel_steps_move_step (self, step, step - 1);
}

static void
move_down_clicked (GtkWidget     *button,
                   WmFunnelSteps *self)
{
  wm_funnel_steps_move_step (self, row_step (button), row_step (button) + 1);
}

static void
remove_clicked (GtkWidget     *button,
                WmFunnelSteps *self)
{
  wm_funnel_steps_remove_step (self, row_step (button));
}

static void
remove_touchpoint_clicked (GtkWidget     *button,
                           WmFunnelSteps *self)
{
  wm_funnel_steps_remove_touchpoint (self, row_step (button),
                                     g_object_get_data (G_OBJECT (button), "wm-touchpoint"));
}

static void
alternative_clicked (GtkWidget     *button,
                     WmFunnelSteps *self)
{
  open_picker (self, button, (int) row_step (button));
}

static void
add_clicked (GtkWidget     *button,
             WmFunnelSteps *self)
{
  open_picker (self, button, -1);
}

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              GtkWidget     *row)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, row_step (row));
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);

  return provider;
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value,
      double         x,
      double         y,
      GtkWidget     *row)
{
  WmFunnelSteps *self = WM_FUNNEL_STEPS (gtk_widget_get_ancestor (row, WM_TYPE_FUNNEL_STEPS));

  if (!G_VALUE_HOLDS_UINT (value) || self == NULL)
    return FALSE;

  wm_funnel_steps_move_step (self, g_value_get_uint (value), row_step (row));
  return TRUE;
}

static GtkWidget *
icon_button (const char    *icon,
             const char    *tooltip,
             guint          step,
             GCallback      callback,
             WmFunnelSteps *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "wm-step", GUINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
step_row (WmFunnelSteps *self,
          guint          index)
{
  char **step = g_ptr_array_index (self->steps, index);
  guint n = g_strv_length (step);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  g_autofree char *number_text = g_strdup_printf ("%u", index + 1);
  GtkWidget *number = gtk_label_new (number_text);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *alternative = gtk_button_new ();
  GtkWidget *alternative_content = adw_button_content_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *up, *down;
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
  g_autofree char *joined = g_strjoinv (_(" or "), step);
  /* Translators: a funnel step's accessible name: "Step 2: App login or Web login" */
  g_autofree char *label = g_strdup_printf (_("Step %u: %s"), index + 1, joined);

  g_object_set_data (G_OBJECT (row), "wm-step", GUINT_TO_POINTER (index));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder"));
  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "heading");

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *text = i == 0 ? g_strdup (step[i]) :
        /* Translators: an alternative touchpoint of a funnel step: "or Web login" */
        g_strdup_printf (_("or %s"), step[i]);
      GtkWidget *name = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (name, step[i]);
      gtk_box_append (GTK_BOX (line), name);
      if (n > 1)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Remove “%s” from This Step"), step[i]);
          GtkWidget *remove = icon_button ("window-close-symbolic", tooltip, index,
                                           G_CALLBACK (remove_touchpoint_clicked), self);

          gtk_widget_add_css_class (remove, "circular");
          g_object_set_data_full (G_OBJECT (remove), "wm-touchpoint", g_strdup (step[i]), g_free);
          gtk_box_append (GTK_BOX (line), remove);
        }
      gtk_box_append (GTK_BOX (names), line);
    }
  gtk_widget_set_hexpand (names, TRUE);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (alternative_content), "list-add-symbolic");
  /* Translators: a button adding an alternative touchpoint to a funnel step */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (alternative_content), _("Or"));
  gtk_button_set_child (GTK_BUTTON (alternative), alternative_content);
  gtk_widget_set_tooltip_text (alternative, _("Let another touchpoint count for this step too"));
  gtk_widget_add_css_class (alternative, "flat");
  gtk_widget_set_valign (alternative, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (alternative), "wm-step", GUINT_TO_POINTER (index));
  g_signal_connect (alternative, "clicked", G_CALLBACK (alternative_clicked), self);

  up = icon_button ("go-up-symbolic", _("Move Up"), index, G_CALLBACK (move_up_clicked), self);
  down = icon_button ("go-down-symbolic", _("Move Down"), index, G_CALLBACK (move_down_clicked), self);
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < self->steps->len);
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  gtk_box_append (GTK_BOX (buttons), icon_button ("user-trash-symbolic", _("Remove Step"), index,
                                                  G_CALLBACK (remove_clicked), self));

  /* The names get the row's width; the buttons go under them. */
  gtk_box_prepend (GTK_BOX (buttons), alternative);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (names), buttons);
  gtk_widget_set_valign (handle, GTK_ALIGN_START);
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_widget_set_margin_top (handle, 2);
  gtk_box_append (GTK_BOX (box), handle);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), names);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void
rebuild (WmFunnelSteps *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->steps->len; i++)
    gtk_list_box_append (self->list, step_row (self, i));

  gtk_widget_set_visible (GTK_WIDGET (self->list), self->steps->len > 0);
  gtk_widget_set_sensitive (self->add_button, self->steps->len < WM_FUNNEL_MAX_STEPS);
}

static void
wm_funnel_steps_dispose (GObject *object)
{
  WmFunnelSteps *self = WM_FUNNEL_STEPS (object);

  if (self->picker != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->picker));
      self->picker = NULL;
    }

  G_OBJECT_CLASS (wm_funnel_steps_parent_class)->dispose (object);
}

static void
wm_funnel_steps_finalize (GObject *object)
{
  WmFunnelSteps *self = WM_FUNNEL_STEPS (object);

  g_ptr_array_unref (self->steps);
  g_clear_object (&self->touchpoints);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (wm_funnel_steps_parent_class)->finalize (object);
}

static void
wm_funnel_steps_class_init (WmFunnelStepsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_funnel_steps_dispose;
  object_class->finalize = wm_funnel_steps_finalize;

  /* The steps changed, by the user or by a call. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_funnel_steps_init (WmFunnelSteps *self)
{
  GtkWidget *content;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->touchpoints = gtk_string_list_new (NULL);
  self->picker_step = -1;

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Funnel steps"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));

  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Step"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  gtk_box_append (GTK_BOX (self), self->add_button);

  build_picker (self);
  rebuild (self);
}

GtkWidget *
wm_funnel_steps_new (void)
{
  return g_object_new (WM_TYPE_FUNNEL_STEPS, NULL);
}

void
wm_funnel_steps_set_touchpoints (WmFunnelSteps      *self,
                                 const char * const *touchpoints)
{
  g_return_if_fail (WM_IS_FUNNEL_STEPS (self));

  gtk_string_list_splice (self->touchpoints, 0, g_list_model_get_n_items (G_LIST_MODEL (self->touchpoints)),
                          touchpoints);
}

void
wm_funnel_steps_set_steps (WmFunnelSteps              *self,
                           const char * const * const *steps,
                           guint                       n_steps)
{
  g_return_if_fail (WM_IS_FUNNEL_STEPS (self));

  g_ptr_array_set_size (self->steps, 0);
  for (guint i = 0; i < MIN (n_steps, WM_FUNNEL_MAX_STEPS); i++)
    if (steps[i] != NULL && steps[i][0] != NULL)
      g_ptr_array_add (self->steps, g_strdupv ((char **) steps[i]));
  changed (self);
}

guint
wm_funnel_steps_get_n_steps (WmFunnelSteps *self)
{
  g_return_val_if_fail (WM_IS_FUNNEL_STEPS (self), 0);

  return self->steps->len;
}

const char * const *
wm_funnel_steps_get_step (WmFunnelSteps *self,
                          guint          index)
{
  g_return_val_if_fail (WM_IS_FUNNEL_STEPS (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}
