/* mp-goals-view.c
 *
 * The Goals page: a composite widget (mp-goals-view.ui) whose list's
 * columns are the table below (mp-cell-table.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-cell-table.h"
#include "mp-format.h"
#include "mp-goals-view.h"
#include "mp-page.h"

struct _MpGoalsView
{
  GtkWidget      parent_instance;

  /* template */
  GtkWidget     *box;
  GtkColumnView *view;
  GtkWidget     *add_button;
  GtkWidget     *remove_button;
  GtkWidget     *empty_label;

  MpCellTable   *cells;
  MpDocument    *document;
};

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpGoalsView, mp_goals_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

static const char *goal_statuses[] = { NULL, NULL, NULL, NULL };

static const char * const *
goal_status_labels (void)
{
  return goal_statuses;
}

static const MpCellColumn columns[] = {
  { N_("Goal"), N_("Goal"), 200, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_GOAL_TITLE, MP_CELL_REQUIRED } },
  { N_("Measure"), N_("Measure"), 180, MP_COLUMN_EXPAND,
    .row = { MP_CELL_TEXT, MP_GOAL_MEASURE } },
  { N_("Status"), N_("Status"), 90, 0,
    .row = { MP_CELL_CHOICE, MP_GOAL_STATUS, .labels = goal_status_labels } },
  { N_("Milestones"), N_("Linked milestones"), 150, 0,
    .row = { MP_CELL_REFS, MP_GOAL_MILESTONES, .refs = MP_REF_MILESTONE } },
};

static GListStore *
goals (MpGoalsView *self)
{
  return self->document ? mp_plan_get_goals (mp_document_get_plan (self->document)) : NULL;
}

static void
update_empty (MpGoalsView *self)
{
  guint n = goals (self) ? g_list_model_get_n_items (G_LIST_MODEL (goals (self))) : 0;

  gtk_widget_set_visible (self->empty_label, self->document != NULL && n == 0);
  gtk_widget_set_sensitive (self->remove_button, n > 0);
  gtk_widget_set_sensitive (self->add_button, self->document != NULL);
}

MpGoal *
mp_goals_view_add (MpGoalsView *self)
{
  g_autoptr(MpGoal) goal = NULL;

  g_return_val_if_fail (MP_IS_GOALS_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  goal = mp_goal_new ();
  mp_goal_set_title (goal, _("New goal"));
  mp_cell_table_add (self->cells, goals (self), MP_RECORD (goal));
  return goal; /* the plan keeps it */
}

void
mp_goals_view_remove_selected (MpGoalsView *self)
{
  g_return_if_fail (MP_IS_GOALS_VIEW (self));

  if (self->document == NULL || !mp_cell_table_remove_selected (self->cells, goals (self)))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

void
mp_goals_view_select (MpGoalsView *self,
                      MpRecord    *record)
{
  guint position;

  g_return_if_fail (MP_IS_GOALS_VIEW (self));

  if (goals (self) != NULL && record != NULL && g_list_store_find (goals (self), record, &position))
    mp_cell_table_select (self->cells, position);
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

  if (self->document == document)
    return;
  if (goals (self) != NULL)
    g_signal_handlers_disconnect_by_func (goals (self), update_empty, self);
  g_set_object (&self->document, document);
  mp_cell_table_set_document (self->cells, document);
  gtk_single_selection_set_model (mp_cell_table_get_selection (self->cells),
                                  goals (self) ? G_LIST_MODEL (goals (self)) : NULL);
  if (goals (self) != NULL)
    g_signal_connect_swapped (goals (self), "items-changed", G_CALLBACK (update_empty), self);
  update_empty (self);
}

static void
mp_goals_view_dispose (GObject *object)
{
  MpGoalsView *self = MP_GOALS_VIEW (object);

  mp_goals_view_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_GOALS_VIEW);
  G_OBJECT_CLASS (mp_goals_view_parent_class)->dispose (object);
}

static void
mp_goals_view_finalize (GObject *object)
{
  MpGoalsView *self = MP_GOALS_VIEW (object);

  mp_cell_table_free (self->cells);
  G_OBJECT_CLASS (mp_goals_view_parent_class)->finalize (object);
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

  object_class->dispose = mp_goals_view_dispose;
  object_class->finalize = mp_goals_view_finalize;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  mp_page_install_properties (object_class, 1);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-goals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MpGoalsView, box);
  gtk_widget_class_bind_template_child (widget_class, MpGoalsView, view);
  gtk_widget_class_bind_template_child (widget_class, MpGoalsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, MpGoalsView, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpGoalsView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, mp_goals_view_add);
  gtk_widget_class_bind_template_callback (widget_class, mp_goals_view_remove_selected);
  /* A page's frame: no object of its own for a screen reader (GTK 4.8
   * would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mpgoalsview");

  for (guint i = 0; i < 3; i++)
    goal_statuses[i] = mp_format_goal_status (i);
}

static void
mp_goals_view_init (MpGoalsView *self)
{
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cells = mp_cell_table_new (self->view, selection, columns, G_N_ELEMENTS (columns), G_TYPE_INVALID);
  mp_cell_table_add_shortcuts (GTK_WIDGET (self), G_CALLBACK (mp_goals_view_add),
                               G_CALLBACK (mp_goals_view_remove_selected), self);
  update_empty (self);
}

GtkWidget *
mp_goals_view_new (void)
{
  return g_object_new (MP_TYPE_GOALS_VIEW, NULL);
}
