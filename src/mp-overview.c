/* mp-overview.c
 *
 * What a reader must see in five seconds: where the deal stands
 * (progress, days to target, buffer), what comes next and who does it,
 * what is late, and what is weak about the plan. The facts come from the
 * core (mp-health, mp-problem); this widget only shows them and edits
 * the plan's own fields through the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-date-button.h"
#include "mp-format.h"
#include "mp-health.h"
#include "mp-milestone-filter.h"
#include "mp-model.h"
#include "mp-overview.h"
#include "mp-page.h"
#include "mp-problem.h"

struct _MpOverview
{
  GtkWidget      parent_instance;

  MpDocument    *document;
  guint          refresh_id;
  gboolean       refreshing;

  GtkWidget     *scrolled;
  GtkEntry      *title;
  GtkEntry      *customer;
  GtkEntry      *vendor;
  GtkTextView   *summary;
  MpDateButton  *start;
  MpDateButton  *target;
  GtkSpinButton *buffer;

  GtkLevelBar   *progress;
  GtkLabel      *progress_label;
  GtkLabel      *target_label;
  GtkLabel      *buffer_label;
  GtkListBox    *next_list;
  GtkListBox    *overdue_list;
  GtkListBox    *problem_list;
  GtkLabel      *problems_heading;
  GtkWidget     *all_problems;   /* the full list, a virtual GtkListView, once asked for */
  GtkWidget     *columns;        /* a flow box: two columns, one when the window is narrow */
  GtkWidget     *root;
  GListStore    *problems;       /* MpProblem */
};

/* Each list shows its first entries; "Show all" leads to the rest. */
#define FIRST_ENTRIES 5

static void page_iface_init (MpPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpOverview, mp_overview, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MP_TYPE_PAGE, page_iface_init))

enum { REVEAL, SHOW_MILESTONES, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
owner_names (MpPlan             *plan,
             const char * const *ids)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; ids && ids[i]; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", mp_format_participant (plan, ids[i]));
  if (s->len == 0)
    g_string_append (s, _("no owner"));
  return g_string_free (s, FALSE);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A row that reveals @record when activated. */
static void
add_row (GtkListBox *list,
         const char *icon,
         const char *css,
         const char *primary,
         const char *secondary,
         MpRecord   *record)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (primary);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);
      if (css)
        gtk_widget_add_css_class (image, css);
      gtk_box_append (GTK_BOX (box), image);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (texts), label);
  if (secondary != NULL)
    {
      GtkWidget *sub = gtk_label_new (secondary);
      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_box_append (GTK_BOX (texts), sub);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), record != NULL);
  accessible = secondary ? g_strdup_printf ("%s. %s", primary, secondary) : g_strdup (primary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (record != NULL)
    g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  gtk_list_box_append (list, row);
}

/* "Show all 435": @kind is the Milestones page's filter that shows them,
 * or -1 for the problems listed here. */
static void
add_more_row (GtkListBox *list,
              guint       n,
              int         kind)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show all %u", "Show all %u", n), n);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "accent");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "show-kind", GINT_TO_POINTER (kind + 1));
  gtk_list_box_append (list, row);
}

static void
add_step_row (MpOverview *self,
              GtkListBox *list,
              MpStep     *step,
              gboolean    late)
{
  MpPlan *plan = mp_document_get_plan (self->document);
  g_autofree char *owners = owner_names (plan, (const char * const *) step->owners);
  g_autofree char *due = mp_format_date_long (step->due);
  g_autofree char *secondary = NULL;
  g_autofree char *primary = NULL;

  if (step->task != NULL)
    primary = g_strdup_printf ("%s · %s", mp_task_get_title (step->task), mp_milestone_get_title (step->milestone));
  else
    primary = g_strdup (mp_milestone_get_title (step->milestone));
  if (late)
    secondary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — was due %s, %d day late",
                                              "%s — was due %s, %d days late", step->days_late),
                                 owners, due, step->days_late);
  else
    secondary = g_strdup_printf (_("%s — due %s"), owners, due);
  add_row (list, late ? "dialog-warning-symbolic" : (step->task ? "go-next-symbolic" : "x-office-calendar-symbolic"),
           late ? "overdue" : NULL, primary, secondary,
           step->task ? MP_RECORD (step->task) : MP_RECORD (step->milestone));
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (entry)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* The plan's own fields. */
static void
refresh_fields (MpOverview *self)
{
  MpPlan *plan;
  GtkTextBuffer *buffer;

  if (self->document == NULL)
    return;
  plan = mp_document_get_plan (self->document);
  self->refreshing = TRUE;

  set_entry (self->title, mp_plan_get_title (plan));
  set_entry (self->customer, mp_plan_get_customer (plan));
  set_entry (self->vendor, mp_plan_get_vendor (plan));
  buffer = gtk_text_view_get_buffer (self->summary);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->summary)))
    gtk_text_buffer_set_text (buffer, mp_plan_get_summary (plan) ? mp_plan_get_summary (plan) : "", -1);
  mp_date_button_set_date (self->start, mp_plan_get_start (plan));
  mp_date_button_set_date (self->target, mp_plan_get_target (plan));
  gtk_spin_button_set_value (self->buffer, mp_plan_get_buffer_days (plan));
  self->refreshing = FALSE;
}

/* What the core works out: progress, next steps, overdue, problems. */
static void
refresh_facts (MpOverview *self)
{
  MpPlan *plan;
  g_autoptr(MpPlanHealth) health = NULL;
  g_autofree char *text = NULL;
  guint n_problems;

  if (self->document == NULL)
    return;
  plan = mp_document_get_plan (self->document);
  self->refreshing = TRUE;

  health = mp_plan_health_new (plan, mp_date_today (), NULL, 6);

  gtk_level_bar_set_value (self->progress, health->n_milestones ? (double) health->n_done / health->n_milestones : 0);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u milestone done (%d %%)",
                                       "%u of %u milestones done (%d %%)", health->n_milestones),
                          health->n_done, health->n_milestones, health->percent_done);
  gtk_label_set_text (self->progress_label, text);
  g_clear_pointer (&text, g_free);

  if (health->target != MP_DATE_NONE)
    {
      g_autofree char *target = mp_format_date_long (health->target);

      if (health->days_to_target >= 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day to the target date, %s",
                                             "%d days to the target date, %s", health->days_to_target),
                                health->days_to_target, target);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The target date %s passed %d day ago",
                                             "The target date %s passed %d days ago", -health->days_to_target),
                                target, -health->days_to_target);
    }
  else
    text = g_strdup (_("No target date: set the customer’s deadline so the plan can work back from it."));
  gtk_label_set_text (self->target_label, text);
  g_clear_pointer (&text, g_free);

  if (health->has_buffer)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Buffer: %d day between the last milestone and the target (planned: %d)",
                                           "Buffer: %d days between the last milestone and the target (planned: %d)",
                                           ABS (health->buffer_left)),
                              health->buffer_left, health->buffer_days);
      if (health->buffer_short)
        gtk_widget_add_css_class (GTK_WIDGET (self->buffer_label), "overdue");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->buffer_label), "overdue");
    }
  gtk_label_set_text (self->buffer_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->buffer_label), text != NULL);

  /* The first few of each list: a plan of thousands of milestones must
   * not lay out thousands of rows here. */
  clear_list (self->next_list);
  for (guint i = 0; i < MIN (health->next_steps->len, FIRST_ENTRIES); i++)
    add_step_row (self, self->next_list, g_ptr_array_index (health->next_steps, i), FALSE);
  if (health->next_steps->len > FIRST_ENTRIES)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (_("Show the next 14 days"));

      gtk_widget_add_css_class (label, "accent");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "show-kind", GINT_TO_POINTER (MP_MILESTONE_FILTER_NEXT_14_DAYS + 1));
      gtk_list_box_append (self->next_list, row);
    }
  if (health->next_steps->len == 0)
    add_row (self->next_list, NULL, NULL, _("Nothing open is planned: add the next milestone."), NULL, NULL);

  clear_list (self->overdue_list);
  for (guint i = 0; i < MIN (health->overdue->len, FIRST_ENTRIES); i++)
    add_step_row (self, self->overdue_list, g_ptr_array_index (health->overdue, i), TRUE);
  if (health->overdue->len > FIRST_ENTRIES)
    add_more_row (self->overdue_list, health->overdue->len, MP_MILESTONE_FILTER_OVERDUE);
  if (health->overdue->len == 0)
    add_row (self->overdue_list, "emblem-ok-symbolic", NULL, _("Nothing is overdue."), NULL, NULL);

  clear_list (self->problem_list);
  n_problems = g_list_model_get_n_items (G_LIST_MODEL (health->problems));
  g_list_store_remove_all (self->problems);
  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (health->problems), i);

      g_list_store_append (self->problems, p);
      if (i < FIRST_ENTRIES)
        add_row (self->problem_list, "dialog-warning-symbolic", "warning", mp_problem_get_message (p), NULL,
                 mp_problem_get_record (p));
    }
  if (n_problems > FIRST_ENTRIES && self->all_problems == NULL)
    add_more_row (self->problem_list, n_problems, -1);
  if (self->all_problems != NULL)
    {
      gtk_widget_set_visible (self->all_problems, n_problems > FIRST_ENTRIES);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_list), n_problems <= FIRST_ENTRIES);
    }
  if (n_problems == 0)
    add_row (self->problem_list, "emblem-ok-symbolic", NULL, _("No problems found."), NULL, NULL);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (_("Problems (%u)"), n_problems);
  gtk_label_set_text (self->problems_heading, text);

  self->refreshing = FALSE;
}

static void
refresh (MpOverview *self)
{
  refresh_fields (self);
  refresh_facts (self);
}

static gboolean
refresh_idle (gpointer data)
{
  MpOverview *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes in one step refresh once. */
static void
queue_refresh (MpOverview *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

MpDocument *
mp_overview_get_document (MpOverview *self)
{
  g_return_val_if_fail (MP_IS_OVERVIEW (self), NULL);

  return self->document;
}

void
mp_overview_set_document (MpOverview *self,
                          MpDocument *document)
{
  g_return_if_fail (MP_IS_OVERVIEW (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (queue_refresh), self);
      /* The fields at once; the lists the core works out right after the
       * window's first frame, so a plan opens without waiting for them. */
      refresh_fields (self);
      queue_refresh (self);
    }
}

/* ---- editing ---- */

static void
commit_entry (MpOverview *self,
              GtkEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  guint field = entry == self->title ? MP_PLAN_TITLE : entry == self->customer ? MP_PLAN_CUSTOMER : MP_PLAN_VENDOR;

  if (self->refreshing || self->document == NULL)
    return;
  if (field == MP_PLAN_TITLE && *text == '\0')
    {
      /* A plan needs a title: put the old one back. */
      gtk_editable_set_text (GTK_EDITABLE (entry), mp_plan_get_title (mp_document_get_plan (self->document)));
      return;
    }
  mp_document_set_string (self->document, MP_RECORD (mp_document_get_plan (self->document)), field,
                          *text ? text : NULL);
}

static void
on_entry_leave (GtkEventControllerFocus *focus,
                MpOverview              *self)
{
  commit_entry (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

static void
on_summary_leave (GtkEventControllerFocus *focus,
                  MpOverview              *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->refreshing || self->document == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mp_document_set_string (self->document, MP_RECORD (mp_document_get_plan (self->document)), MP_PLAN_SUMMARY,
                          *text ? text : NULL);
}

static void
on_date_chosen (MpDateButton *button,
                guint         date,
                MpOverview   *self)
{
  if (self->document == NULL)
    return;
  mp_document_set_date (self->document, MP_RECORD (mp_document_get_plan (self->document)),
                        button == self->start ? MP_PLAN_START : MP_PLAN_TARGET, date);
}

static void
on_buffer_changed (MpOverview *self)
{
  if (self->refreshing || self->document == NULL)
    return;
  mp_document_set_int (self->document, MP_RECORD (mp_document_get_plan (self->document)), MP_PLAN_BUFFER_DAYS,
                       gtk_spin_button_get_value_as_int (self->buffer));
}

/* ---- all problems: a virtual list, so thousands cost a screenful ---- */

static void
setup_problem (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_problem (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  MpProblem *p = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), mp_problem_get_message (p));
}

static void
on_problem_activated (GtkListView *view,
                      guint        position,
                      MpOverview  *self)
{
  g_autoptr(MpProblem) p = g_list_model_get_item (G_LIST_MODEL (self->problems), position);

  if (p != NULL && mp_problem_get_record (p) != NULL)
    g_signal_emit (self, signals[REVEAL], 0, mp_problem_get_record (p));
}

static void
show_all_problems (MpOverview *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view;
  GtkNoSelection *model = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->problems)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_problem), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_problem), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (model), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("All problems"), -1);
  g_signal_connect (view, "activate", G_CALLBACK (on_problem_activated), self);
  self->all_problems = gtk_scrolled_window_new ();
  gtk_widget_add_css_class (self->all_problems, "frame");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->all_problems), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->all_problems), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->all_problems), view);
  /* In place of the first five. */
  gtk_widget_insert_after (self->all_problems, gtk_widget_get_parent (GTK_WIDGET (self->problem_list)),
                           GTK_WIDGET (self->problem_list));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_list), FALSE);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  MpOverview    *self)
{
  MpRecord *record = g_object_get_data (G_OBJECT (row), "record");
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "show-kind")) - 1;

  if (record != NULL)
    g_signal_emit (self, signals[REVEAL], 0, record);
  else if (kind >= 0)
    g_signal_emit (self, signals[SHOW_MILESTONES], 0, kind);
  else if (kind == -1 && g_object_get_data (G_OBJECT (row), "show-kind") != NULL && self->all_problems == NULL)
    show_all_problems (self);
}

/* ---- construction ---- */

/* Two columns side by side unless the window is narrow (its "narrow"
 * property): then the flow box may put them under each other. */
static void
on_narrow (MpOverview *self)
{
  gboolean narrow = FALSE;

  if (self->root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (self->root), "narrow") != NULL)
    g_object_get (self->root, "narrow", &narrow, NULL);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->columns), narrow ? 1 : 2);
}

static void
on_root (MpOverview *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (root == self->root)
    return;
  if (self->root != NULL)
    g_signal_handlers_disconnect_by_data (self->root, self);
  self->root = root;
  if (root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "narrow") != NULL)
    g_signal_connect_swapped (root, "notify::narrow", G_CALLBACK (on_narrow), self);
  on_narrow (self);
}

static void
mp_overview_dispose (GObject *object)
{
  MpOverview *self = MP_OVERVIEW (object);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_data (self->root, self);
  self->root = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (mp_overview_parent_class)->dispose (object);
}

/* The plan's own fields are on the Overview; the window shows it for
 * records no other page claims. */
static gboolean
shows_record (MpPage   *page,
              MpRecord *record)
{
  return MP_IS_PLAN (record);
}

static void
page_iface_init (MpPageInterface *iface)
{
  iface->get_document = (MpDocument *(*) (MpPage *)) mp_overview_get_document;
  iface->set_document = (void (*) (MpPage *, MpDocument *)) mp_overview_set_document;
  iface->shows_record = shows_record;
}

static void
mp_overview_class_init (MpOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* A page's frame: no object of its own for a screen reader (GTK 4.8
   * would announce its type name). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->dispose = mp_overview_dispose;
  object_class->get_property = mp_page_get_property;
  object_class->set_property = mp_page_set_property;
  mp_page_install_properties (object_class, 1);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[REVEAL] = g_signal_new ("reveal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, MP_TYPE_RECORD);
  /* "Show all": the Milestones page with this filter (MpMilestoneFilterKind). */
  signals[SHOW_MILESTONES] = g_signal_new ("show-milestones", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (MP_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/MutualPlan/mp-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, MpOverview, scrolled);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, title);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, customer);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, vendor);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, summary);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, start);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, target);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, buffer);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, progress);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, target_label);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, buffer_label);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, next_list);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, problem_list);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, MpOverview, columns);
  gtk_widget_class_bind_template_callback (widget_class, commit_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_date_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_buffer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
mp_overview_init (MpOverview *self)
{
  self->problems = g_list_store_new (MP_TYPE_PROBLEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  mp_date_button_set_accessible_label (self->start, _("Start"));
  mp_date_button_set_accessible_label (self->target, _("Target date"));
  g_signal_connect_swapped (self, "notify::root", G_CALLBACK (on_root), self);
}

GtkWidget *
mp_overview_new (void)
{
  return g_object_new (MP_TYPE_OVERVIEW, NULL);
}
