/* mp-date-button.c
 *
 * A GtkMenuButton showing the date, whose popover holds a GtkCalendar,
 * a "Today" and a "No date" button. Code sets the date with
 * mp_date_button_set_date(); only what the user does emits ::date-chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-date-button.h"
#include "mp-format.h"
#include "mp-tooltip.h"

struct _MpDateButton
{
  GtkWidget   parent_instance;

  GtkWidget  *button;
  GtkWidget  *label;
  GtkWidget  *arrow;
  GtkWidget  *popover;
  GtkWidget  *calendar;
  GtkWidget  *clear_button;

  MpDate      date;
  gboolean    allow_none;
  char       *placeholder;
  char       *accessible_label;
  guint       syncing : 1;
};

G_DEFINE_FINAL_TYPE (MpDateButton, mp_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ALLOW_NONE,
  PROP_PLACEHOLDER,
  N_PROPS
};

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_label (MpDateButton *self)
{
  g_autofree char *text = mp_format_date (self->date);
  g_autofree char *name = NULL;

  if (self->date == MP_DATE_NONE)
    {
      gtk_label_set_text (GTK_LABEL (self->label), self->placeholder);
      gtk_widget_add_css_class (self->label, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->label), text);
      gtk_widget_remove_css_class (self->label, "dim-label");
    }

  /* The name says what the date is for and the date: "Due: 26 Feb 2027". */
  /* TRANSLATORS: a date button as a screen reader says it: "Due: 26 Feb 2027" */
  name = g_strdup_printf (_("%s: %s"), self->accessible_label != NULL ? self->accessible_label : _("Date"),
                          self->date == MP_DATE_NONE ? self->placeholder : text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->date == MP_DATE_NONE ? self->placeholder : text,
                                  -1);
}

static void
sync_calendar (MpDateButton *self)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;
  MpDate date = self->date != MP_DATE_NONE ? self->date : mp_date_today ();

  mp_date_to_ymd (date, &y, &m, &d);
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
  self->syncing = FALSE;
}

static void
on_popover_show (MpDateButton *self)
{
  sync_calendar (self);
  gtk_widget_set_visible (self->clear_button, self->allow_none);
  gtk_widget_grab_focus (self->calendar);
}

static void
on_day_selected (MpDateButton *self)
{
  g_autoptr(GDateTime) dt = NULL;

  if (self->syncing)
    return;
  dt = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  mp_date_button_choose (self, mp_date_from_ymd (g_date_time_get_year (dt),
                                                 g_date_time_get_month (dt),
                                                 g_date_time_get_day_of_month (dt)));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_today_clicked (MpDateButton *self)
{
  mp_date_button_choose (self, mp_date_today ());
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_clear_clicked (MpDateButton *self)
{
  mp_date_button_choose (self, MP_DATE_NONE);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
mp_date_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (MP_DATE_BUTTON (widget)->button);
}

static void
mp_date_button_dispose (GObject *object)
{
  MpDateButton *self = MP_DATE_BUTTON (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_date_button_parent_class)->dispose (object);
}

static void
mp_date_button_finalize (GObject *object)
{
  MpDateButton *self = MP_DATE_BUTTON (object);

  g_free (self->placeholder);
  g_free (self->accessible_label);
  G_OBJECT_CLASS (mp_date_button_parent_class)->finalize (object);
}

static void
mp_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpDateButton *self = MP_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MpDateButton *self = MP_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      mp_date_button_set_date (self, g_value_get_uint (value));
      break;
    case PROP_ALLOW_NONE:
      mp_date_button_set_allow_none (self, g_value_get_boolean (value));
      break;
    case PROP_PLACEHOLDER:
      mp_date_button_set_placeholder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_date_button_class_init (MpDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A wrapper around its button: no object of its own for a screen
   * reader (GTK 4.8 would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->dispose = mp_date_button_dispose;
  object_class->finalize = mp_date_button_finalize;
  object_class->get_property = mp_date_button_get_property;
  object_class->set_property = mp_date_button_set_property;
  widget_class->grab_focus = mp_date_button_grab_focus;

  properties[PROP_DATE] =
    g_param_spec_uint ("date", NULL, "the day number shown, 0 for none",
                       0, G_MAXUINT, MP_DATE_NONE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, "whether the user may clear the date",
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, "the text shown for no date",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MpDateButton::date-chosen:
   * @date: the new day number, 0 when the user cleared it
   *
   * The user picked a day or cleared the date. Not emitted for
   * mp_date_button_set_date().
   */
  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mpdatebutton");
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  MpDateButton *self = user_data;
  GtkWidget *box, *buttons, *today;

  if (self->popover != NULL)
    return;
  self->popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->calendar = gtk_calendar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"), -1);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  gtk_box_append (GTK_BOX (box), self->calendar);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  today = gtk_button_new_with_mnemonic (_("_Today"));
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (on_today_clicked), self);
  self->clear_button = gtk_button_new_with_mnemonic (_("_No date"));
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
  gtk_box_append (GTK_BOX (buttons), today);
  gtk_box_append (GTK_BOX (buttons), self->clear_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
}

static void
mp_date_button_init (MpDateButton *self)
{
  GtkWidget *box, *icon;

  self->allow_none = TRUE;
  self->placeholder = g_strdup (_("No date"));

  self->button = gtk_menu_button_new ();
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  /* Looks like the drop-downs next to it: the text, then an arrow
   * (an icon GTK itself ships, so it is there on every system). */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (box, TRUE);
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_widget_set_hexpand (self->label, TRUE);
  icon = self->arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);

  /* The popover and its calendar are made when first opened: a list of
   * milestones has dozens of these buttons and opens one at a time. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popup, self, NULL);

  update_label (self);
}

/* Without the arrow the button reads as its date (a table's cell); it
 * still opens on click, Enter and Space. */
void
mp_date_button_set_show_arrow (MpDateButton *self,
                               gboolean      show_arrow)
{
  g_return_if_fail (MP_IS_DATE_BUTTON (self));

  gtk_widget_set_visible (self->arrow, show_arrow);
}

GtkWidget *
mp_date_button_new (void)
{
  return g_object_new (MP_TYPE_DATE_BUTTON, NULL);
}

MpDate
mp_date_button_get_date (MpDateButton *self)
{
  g_return_val_if_fail (MP_IS_DATE_BUTTON (self), MP_DATE_NONE);

  return self->date;
}

void
mp_date_button_set_date (MpDateButton *self,
                         MpDate        date)
{
  g_return_if_fail (MP_IS_DATE_BUTTON (self));

  if (self->date == date)
    return;
  self->date = date;
  update_label (self);
  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    sync_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
mp_date_button_get_allow_none (MpDateButton *self)
{
  g_return_val_if_fail (MP_IS_DATE_BUTTON (self), FALSE);

  return self->allow_none;
}

void
mp_date_button_set_allow_none (MpDateButton *self,
                               gboolean      allow_none)
{
  g_return_if_fail (MP_IS_DATE_BUTTON (self));

  allow_none = !!allow_none;
  if (self->allow_none == allow_none)
    return;
  self->allow_none = allow_none;
  if (self->clear_button != NULL)
    gtk_widget_set_visible (self->clear_button, allow_none);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NONE]);
}

const char *
mp_date_button_get_placeholder (MpDateButton *self)
{
  g_return_val_if_fail (MP_IS_DATE_BUTTON (self), NULL);

  return self->placeholder;
}

void
mp_date_button_set_placeholder (MpDateButton *self,
                                const char   *placeholder)
{
  g_return_if_fail (MP_IS_DATE_BUTTON (self));

  if (placeholder == NULL)
    placeholder = _("No date");
  if (g_strcmp0 (self->placeholder, placeholder) == 0)
    return;
  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

void
mp_date_button_set_accessible_label (MpDateButton *self,
                                     const char   *label)
{
  g_return_if_fail (MP_IS_DATE_BUTTON (self));

  if (g_strcmp0 (label, self->accessible_label) == 0)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  mp_tooltip_set_text (self->button, label);
  update_label (self);
}

void
mp_date_button_choose (MpDateButton *self,
                       MpDate        date)
{
  g_return_if_fail (MP_IS_DATE_BUTTON (self));

  if (date == MP_DATE_NONE && !self->allow_none)
    return;
  if (date == self->date)
    return;
  mp_date_button_set_date (self, date);
  g_signal_emit (self, signals[DATE_CHOSEN], 0, date);
}

void
mp_date_button_popup (MpDateButton *self)
{
  g_return_if_fail (MP_IS_DATE_BUTTON (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}
