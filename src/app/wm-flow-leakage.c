/* wm-flow-leakage.c: the leakage of each channel, as a compact list of bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-flow-leakage.h"
#include "wm-format.h"

struct _WmFlowLeakage
{
  GtkBox           parent_instance;

  WmLeakageResult *result;
  int              worst;
};

G_DEFINE_FINAL_TYPE (WmFlowLeakage, wm_flow_leakage, GTK_TYPE_BOX)

static WmLeakageResult *
copy_result (const WmLeakageResult *result)
{
  WmLeakageResult *copy = g_new0 (WmLeakageResult, 1);

  copy->goal = g_strdup (result->goal);
  copy->window_s = result->window_s;
  copy->n_channels = result->n_channels;
  copy->channels = g_new0 (WmLeakageChannel, MAX (result->n_channels, 1));
  for (guint i = 0; i < result->n_channels; i++)
    {
      copy->channels[i] = result->channels[i];
      copy->channels[i].channel = g_strdup (result->channels[i].channel);
    }

  return copy;
}

static GtkWidget *
channel_row (const WmLeakageChannel *channel,
             gboolean                worst)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (channel->channel);
  g_autofree char *percent = wm_format_share (channel->leakage);
  GtkWidget *value = gtk_label_new (percent);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);
  g_autofree char *entered = wm_format_count_compact (channel->entered);
  g_autofree char *completed = wm_format_count_compact (channel->completed_in_channel);
  /* Translators: under a channel's leakage bar: "3,210 entered · 610 completed here" */
  g_autofree char *counts = g_strdup_printf (_("%s entered · %s completed here"), entered, completed);
  GtkWidget *caption = gtk_label_new (counts);
  /* Translators: accessible description of a channel's leakage bar */
  g_autofree char *description = g_strdup_printf (_("%s leaks %s of its customers"),
                                                  channel->channel, percent);

  gtk_widget_add_css_class (row, "leakage-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "heading");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), value);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isfinite (channel->leakage) ? CLAMP (channel->leakage, 0.0, 1.0) : 0.0);
  /* The bar's default offsets colour by fill; leakage is judged by the
   * highlight instead. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), bar);
  gtk_box_append (GTK_BOX (row), caption);
  if (worst)
    gtk_widget_add_css_class (row, "most-leaky");

  return row;
}

static void
rebuild (WmFlowLeakage *self)
{
  g_autoptr(GPtrArray) never = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);

  self->worst = -1;
  if (self->result == NULL)
    return;

  /* A channel where the goal never happens (a notice's e-mail) does not
   * leak it: only channels that can complete it are compared. */
  for (guint i = 0; i < self->result->n_channels; i++)
    if (self->result->channels[i].completed_in_channel > 0 &&
        (self->worst < 0 || self->result->channels[i].leakage > self->result->channels[self->worst].leakage))
      self->worst = (int) i;

  if (self->result->n_channels == 0)
    {
      GtkWidget *none = gtk_label_new (_("No event carries a channel"));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self), none);
      return;
    }

  for (guint i = 0; i < self->result->n_channels; i++)
    if (self->result->channels[i].completed_in_channel > 0)
      gtk_box_append (GTK_BOX (self), channel_row (&self->result->channels[i], (int) i == self->worst));

  for (guint i = 0; i < self->result->n_channels; i++)
    if (self->result->channels[i].completed_in_channel == 0)
      g_ptr_array_add (never, self->result->channels[i].channel);
  if (never->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;
      GtkWidget *label;

      g_ptr_array_add (never, NULL);
      /* Translators: the separator between channel names in a list */
      names = g_strjoinv (_(", "), (char **) never->pdata);
      /* Translators: under the leakage bars, e.g. "The goal never happens in: mail, sms" */
      text = g_strdup_printf (_("The goal never happens in: %s"), names);
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self), label);
    }
}

static void
wm_flow_leakage_finalize (GObject *object)
{
  WmFlowLeakage *self = WM_FLOW_LEAKAGE (object);

  g_clear_pointer (&self->result, wm_leakage_result_free);

  G_OBJECT_CLASS (wm_flow_leakage_parent_class)->finalize (object);
}

static void
wm_flow_leakage_class_init (WmFlowLeakageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_flow_leakage_finalize;
}

static void
wm_flow_leakage_init (WmFlowLeakage *self)
{
  self->worst = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
}

GtkWidget *
wm_flow_leakage_new (void)
{
  return g_object_new (WM_TYPE_FLOW_LEAKAGE, NULL);
}

void
wm_flow_leakage_set_result (WmFlowLeakage         *self,
                            const WmLeakageResult *result)
{
  g_return_if_fail (WM_IS_FLOW_LEAKAGE (self));

  g_clear_pointer (&self->result, wm_leakage_result_free);
  if (result != NULL)
    self->result = copy_result (result);
  rebuild (self);
}

const WmLeakageResult *
wm_flow_leakage_get_result (WmFlowLeakage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_LEAKAGE (self), NULL);

  return self->result;
}

int
wm_flow_leakage_get_worst (WmFlowLeakage *self)
{
  g_return_val_if_fail (WM_IS_FLOW_LEAKAGE (self), -1);

  return self->worst;
}
