/* mp-goals-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-format.h"
#include "mp-goals-view.h"
#include "mp-list-section.h"
#include "mp-page.h"

struct _MpGoalsView
{
  GtkWidget      parent_instance;

  GtkWidget     *section;
  MpDocument    *document;
};

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpGoalsView, mp_goals_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

static MpRecord *
new_goal (gpointer user_data)
{
  MpGoal *goal = mp_goal_new ();

  mp_goal_set_title (goal, _("New goal"));
  return MP_RECORD (goal);
}

MpGoal *
mp_goals_view_add (MpGoalsView *self)
{
  g_return_val_if_fail (MP_IS_GOALS_VIEW (self), NULL);

  return MP_GOAL (mp_list_section_add (MP_LIST_SECTION (self->section)));
}

void
mp_goals_view_remove_selected (MpGoalsView *self)
{
  g_return_if_fail (MP_IS_GOALS_VIEW (self));

  mp_list_section_remove_selected (MP_LIST_SECTION (self->section));
}

void
mp_goals_view_select (MpGoalsView *self,
                      MpRecord    *record)
{
  g_return_if_fail (MP_IS_GOALS_VIEW (self));

  mp_list_section_select (MP_LIST_SECTION (self->section), record);
}

MpDocument *
mp_goals_view_get_document (MpGoalsView *self)
{
  g_return_val_if_fail (MP_IS_GOALS_VIEW (self), NULL);

  return self->document;
}

void
mp_goals_view_set_document (MpGoalsView *self,
                            MpDocument  *document)
{
  g_return_if_fail (MP_IS_GOALS_VIEW (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  mp_list_section_set_store (MP_LIST_SECTION (self->section), document,
                             document != NULL ? mp_plan_get_goals (mp_document_get_plan (document)) : NULL);
}

static void
mp_goals_view_dispose (GObject *object)
{
  MpGoalsView *self = MP_GOALS_VIEW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->section, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_goals_view_parent_class)->dispose (object);
}

static gboolean
shows_record (MpPage   *page,
              MpRecord *record)
{
  return MP_IS_GOAL (record);
}

static void
page_iface_init (MpPageInterface *iface)
{
  iface->get_document = (MpDocument *(*) (MpPage *)) mp_goals_view_get_document;
  iface->set_document = (void (*) (MpPage *, MpDocument *)) mp_goals_view_set_document;
  iface->shows_record = shows_record;
  iface->select = (void (*) (MpPage *, MpRecord *)) mp_goals_view_select;
}

static void
mp_goals_view_class_init (MpGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A page's frame: no object of its own for a screen reader (GTK 4.8
   * would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->dispose = mp_goals_view_dispose;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  mp_page_install_properties (object_class, 1);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mpgoalsview");
}

static void
mp_goals_view_init (MpGoalsView *self)
{
  MpListSection *section;
  MpCellHost *host;
  const char *statuses[] = { mp_format_goal_status (MP_GOAL_OPEN),
                             mp_format_goal_status (MP_GOAL_ACHIEVED),
                             mp_format_goal_status (MP_GOAL_DROPPED), NULL };
  GtkColumnViewColumn *column;

  self->section = mp_list_section_new (_("Goals"), "title-2", _("_Add Goal"),
                                       _("No goals yet. Write down what the customer wants to reach and how it is measured."),
                                       _("Goals"));
  gtk_widget_set_margin_top (self->section, 18);
  gtk_widget_set_margin_bottom (self->section, 18);
  gtk_widget_set_margin_start (self->section, 18);
  gtk_widget_set_margin_end (self->section, 18);
  gtk_widget_set_parent (self->section, GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  section = MP_LIST_SECTION (self->section);
  host = mp_list_section_get_host (section);
  mp_list_section_set_new_func (section, new_goal, self);

  column = mp_cell_column_text (host, _("Goal"), MP_GOAL_TITLE, _("Goal"), _("What the customer wants to reach"));
  gtk_column_view_column_set_fixed_width (column, 340);
  mp_list_section_append_column (section, column);
  column = mp_cell_column_text (host, _("Measure"), MP_GOAL_MEASURE, _("Measure"), _("How reaching it is measured"));
  gtk_column_view_column_set_fixed_width (column, 340);
  mp_list_section_append_column (section, column);
  mp_list_section_append_column (section, mp_cell_column_enum (host, _("Status"), MP_GOAL_STATUS, _("Status"), statuses));
  mp_list_section_append_column (section, mp_cell_column_refs (host, _("Milestones"), MP_GOAL_MILESTONES,
                                                               _("Linked milestones"), MP_REF_MILESTONE));
}

GtkWidget *
mp_goals_view_new (void)
{
  return g_object_new (MP_TYPE_GOALS_VIEW, NULL);
}
