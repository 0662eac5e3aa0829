/* test-document.c: edits, undo and redo, saving, recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "mp-document.h"
#include "mp-model.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"

static MpDocument *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MpDocument *doc = mp_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mp_document_get_etag (doc));
  return doc;
}

static GBytes *
bytes_of (MpDocument *doc)
{
  return mp_plan_to_bytes (mp_document_get_plan (doc));
}

/* Every kind of edit, then undo all: the same bytes and unmodified. */
static void
test_undo_all (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(GBytes) before = bytes_of (doc);
  g_autoptr(GBytes) after_edits = NULL;
  g_autoptr(GBytes) after_redo = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(MpMilestone) m = mp_milestone_new ();
  g_autoptr(MpTask) t = mp_task_new ();
  MpMilestone *demo = mp_plan_find_milestone (plan, "m-demo");
  int steps = 0;

  g_assert_false (mp_document_get_modified (doc));
  g_assert_false (mp_document_can_undo (doc));

  mp_milestone_set_title (m, "New step");
  mp_milestone_set_due (m, mp_date_from_ymd (2027, 4, 1));
  mp_document_insert (doc, mp_plan_get_milestones (plan), 2, MP_RECORD (m));
  steps++;
  g_assert_true (mp_document_get_modified (doc));
  mp_document_set_string (doc, MP_RECORD (m), MP_MILESTONE_TITLE, "Reference call");
  steps++;
  mp_document_set_date (doc, MP_RECORD (m), MP_MILESTONE_DUE, mp_date_from_ymd (2027, 4, 2));
  steps++;
  mp_task_set_title (t, "Pick a reference");
  mp_document_insert (doc, mp_milestone_get_tasks (m), 0, MP_RECORD (t));
  steps++;
  mp_document_move (doc, mp_plan_get_milestones (plan), 2, 0);
  steps++;
  mp_document_set_int (doc, MP_RECORD (demo), MP_MILESTONE_STATUS, MP_STATUS_DROPPED);
  steps++;
  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Renamed");
  steps++;
  mp_document_remove_participant (doc, mp_plan_find_participant (plan, "p-raj"));
  steps++;
  mp_document_remove_milestone (doc, mp_plan_find_milestone (plan, "m-security"));
  steps++;

  /* The side effects happened in the same steps. */
  g_assert_cmpint (mp_milestone_get_sequence (demo), ==, 1);
  g_assert_cmpint (mp_milestone_get_sequence (m), ==, 2);
  g_assert_null (mp_plan_find_participant (plan, "p-raj"));
  g_assert_null (mp_plan_find_milestone (plan, "m-security"));
  g_assert_null (mp_milestone_get_seller_owner (mp_plan_find_milestone (plan, "m-eval")));
  g_assert_cmpuint (g_strv_length ((char **) mp_milestone_get_depends_on (mp_plan_find_milestone (plan, "m-pilot"))), ==, 0);

  /* What the edits made is a valid plan. */
  after_edits = bytes_of (doc);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MpPlan) check = mp_plan_load_from_data (g_bytes_get_data (after_edits, NULL),
                                                      g_bytes_get_size (after_edits), "edited", &error);
    g_assert_no_error (error);
  }

  for (int i = 0; i < steps; i++)
    g_assert_true (mp_document_undo (doc));
  g_assert_false (mp_document_can_undo (doc));
  g_assert_false (mp_document_get_modified (doc));
  after_undo = bytes_of (doc);
  g_assert_true (g_bytes_equal (before, after_undo));

  for (int i = 0; i < steps; i++)
    g_assert_true (mp_document_redo (doc));
  g_assert_false (mp_document_can_redo (doc));
  g_assert_true (mp_document_get_modified (doc));
  after_redo = bytes_of (doc);
  /* Equal but for the history timestamps: compare without them. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mp_plan_get_milestones (plan))), ==, 9);
  g_assert_cmpstr (mp_plan_get_title (plan), ==, "Renamed");
  g_assert_true (g_bytes_equal (after_edits, after_redo));
}

static void
test_history_and_sequence (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  MpMilestone *sign = mp_plan_find_milestone (plan, "m-sign");
  GListModel *history = G_LIST_MODEL (mp_plan_get_history (plan));
  guint n = g_list_model_get_n_items (history);
  g_autoptr(MpHistoryEntry) last = NULL;

  mp_document_set_date (doc, MP_RECORD (sign), MP_MILESTONE_DUE, mp_date_from_ymd (2027, 4, 14));
  g_assert_cmpint (mp_milestone_get_sequence (sign), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, n + 1);
  last = g_list_model_get_item (history, n);
  g_assert_nonnull (strstr (mp_history_entry_get_text (last), "Signature"));
  g_assert_nonnull (strstr (mp_history_entry_get_text (last), "2027-04-07"));
  g_assert_true (mp_datetime_is_valid (mp_history_entry_get_at (last)));

  /* A group raises the sequence once. */
  mp_document_begin (doc, "Move");
  mp_document_set_date (doc, MP_RECORD (sign), MP_MILESTONE_START, mp_date_from_ymd (2027, 4, 10));
  mp_document_set_date (doc, MP_RECORD (sign), MP_MILESTONE_DUE, mp_date_from_ymd (2027, 4, 15));
  mp_document_end (doc);
  g_assert_cmpint (mp_milestone_get_sequence (sign), ==, 2);
  g_assert_cmpstr (mp_document_get_undo_label (doc), ==, "Move");

  /* Notes do not touch the calendar. */
  mp_document_set_string (doc, MP_RECORD (sign), MP_MILESTONE_NOTES, "Bring the pen");
  g_assert_cmpint (mp_milestone_get_sequence (sign), ==, 2);

  /* One undo takes the group back, sequence included. */
  g_assert_true (mp_document_undo (doc));
  g_assert_true (mp_document_undo (doc));
  g_assert_cmpint (mp_milestone_get_sequence (sign), ==, 1);
  g_assert_cmpuint (mp_milestone_get_start (sign), ==, MP_DATE_NONE);

  /* Dropping writes history. */
  mp_document_set_int (doc, MP_RECORD (sign), MP_MILESTONE_STATUS, MP_STATUS_DROPPED);
  g_clear_object (&last);
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_nonnull (strstr (mp_history_entry_get_text (last), "dropped"));
}

/* Setting the same value records nothing. */
static void
test_no_op (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("minimal.mplan");
  MpPlan *plan = mp_document_get_plan (doc);

  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Minimal plan");
  g_assert_false (mp_document_can_undo (doc));
  g_assert_false (mp_document_get_modified (doc));
  mp_document_begin (doc, "Nothing");
  mp_document_end (doc);
  g_assert_false (mp_document_can_undo (doc));
}

static void
test_participant_uses (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(GPtrArray) uses = mp_document_describe_participant_uses (doc, mp_plan_find_participant (plan, "p-dana"));
  g_autoptr(GPtrArray) sue = mp_document_describe_participant_uses (doc, mp_plan_find_participant (plan, "p-sue"));

  g_assert_cmpuint (uses->len, >=, 4);
  g_assert_cmpstr (g_ptr_array_index (uses, 0), ==, "is the organizer who sends invitations");
  g_assert_cmpuint (sue->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (sue, 0), ==, "owns the milestone “Legal review of MSA”");
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  mp_document_save_finish (MP_DOCUMENT (source), result, error);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static gboolean
save_sync (MpDocument *doc,
           GFile      *file,
           gboolean    force,
           GError    **error)
{
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (doc), "done", &done);
  mp_document_save_async (doc, file, force, NULL, save_cb, error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return *error == NULL;
}

/* Save, reload and compare; a change on disk is noticed. */
static void
test_save_and_conflict (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("mueller-maschinenbau.mplan");
  g_autofree char *dir = g_dir_make_tmp ("mp-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) again = NULL;
  g_autoptr(GBytes) a = NULL, b = NULL;
  MpPlan *plan = mp_document_get_plan (doc);

  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Gespeichert");
  g_assert_true (save_sync (doc, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (mp_document_get_modified (doc));
  g_assert_true (g_file_equal (mp_document_get_file (doc), file));

  again = mp_document_load (file, NULL, &error);
  g_assert_no_error (error);
  a = bytes_of (doc);
  b = bytes_of (again);
  g_assert_true (g_bytes_equal (a, b));

  /* Another program writes the file: the next save refuses. */
  g_usleep (10000);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Mine");
  g_assert_false (save_sync (doc, NULL, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (mp_document_get_modified (doc));
  /* Saving anyway is the user's choice. */
  g_assert_true (save_sync (doc, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (mp_document_get_modified (doc));

  /* Undo after save: modified again; redo: back to saved. */
  g_assert_true (mp_document_undo (doc));
  g_assert_true (mp_document_get_modified (doc));
  g_assert_true (mp_document_redo (doc));
  g_assert_false (mp_document_get_modified (doc));
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The debounced recovery copy appears after a change and goes on save. */
static void
test_autosave (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  const char *rpath = mp_document_get_recovery_path (doc);
  g_autofree char *info_path = g_strconcat (rpath, ".info", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *uri = NULL;
  gboolean done = FALSE;

  g_assert_true (g_str_has_prefix (rpath, g_get_user_data_dir ()));
  mp_document_set_autosave (doc, 50);
  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Unsaved work");
  g_assert_false (g_file_test (rpath, G_FILE_TEST_EXISTS));
  g_timeout_add (300, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (rpath, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Unsaved work"));
  g_assert_true (g_key_file_load_from_file (info, info_path, 0, NULL));
  uri = g_key_file_get_string (info, "Recovery", "File", NULL);
  g_assert_true (g_str_has_suffix (uri, "acme-rollout.mplan"));

  /* Undoing back to the file's state removes the copy. */
  g_assert_true (mp_document_undo (doc));
  g_assert_false (g_file_test (rpath, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
}

/* A copy left by a crashed session is listed and opens as modified. */
static void
test_recover (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MpDocument) back = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  MpRecovery *r;

  mp_document_set_string (doc, MP_RECORD (mp_document_get_plan (doc)), MP_PLAN_TITLE, "Before the crash");
  g_assert_true (mp_document_write_recovery (doc, &error));
  g_assert_no_error (error);

  /* Our own running copy is not offered. */
  list = mp_document_list_recoveries ();
  g_assert_cmpuint (list->len, ==, 1);  /* written by this pid: only others are skipped */
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Pretend the writer died: a pid that cannot run. */
  info_path = g_strconcat (mp_document_get_recovery_path (doc), ".info", NULL);
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_integer (info, "Recovery", "Pid", 0);
  g_assert_true (g_key_file_save_to_file (info, info_path, NULL));

  list = mp_document_list_recoveries ();
  g_assert_cmpuint (list->len, ==, 1);
  r = g_ptr_array_index (list, 0);
  g_assert_cmpstr (r->title, ==, "Before the crash");
  g_assert_true (g_str_has_suffix (r->file_uri, "acme-rollout.mplan"));

  back = mp_document_recover (r, &error);
  g_assert_no_error (error);
  g_assert_true (mp_document_get_modified (back));
  g_assert_cmpstr (mp_plan_get_title (mp_document_get_plan (back)), ==, "Before the crash");
  g_assert_true (g_file_equal (mp_document_get_file (back), mp_document_get_file (doc)));

  /* Discarding the recovered changes removes the copy. */
  mp_document_discard_recovery (back);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mp_document_list_recoveries ();
  g_assert_cmpuint (list->len, ==, 0);
}

/* The rules of the format hold whatever is edited: the other end of a
 * range moves along; a side change drops owners on the side left. */
static void
test_keep_rules (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  MpMilestone *pilot = mp_plan_find_milestone (plan, "m-pilot");
  MpMilestone *legal = mp_plan_find_milestone (plan, "m-legal");
  MpParticipant *dana = mp_plan_find_participant (plan, "p-dana");
  g_autoptr(MpBlackout) b = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_blackouts (plan)), 1);
  g_autoptr(MpMeeting) mt = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_meetings (plan)), 0);
  g_autoptr(GBytes) before = bytes_of (doc);

  /* A start after the due date takes the due date along, in one step. */
  mp_document_set_date (doc, MP_RECORD (pilot), MP_MILESTONE_START, mp_date_from_ymd (2027, 3, 25));
  g_assert_cmpuint (mp_milestone_get_due (pilot), ==, mp_date_from_ymd (2027, 3, 25));
  /* A due date before the start takes the start along. */
  mp_document_set_date (doc, MP_RECORD (legal), MP_MILESTONE_DUE, mp_date_from_ymd (2027, 2, 20));
  g_assert_cmpuint (mp_milestone_get_start (legal), ==, mp_date_from_ymd (2027, 2, 20));
  /* Blackouts too. */
  mp_document_set_date (doc, MP_RECORD (b), MP_BLACKOUT_END, mp_date_from_ymd (2027, 3, 1));
  g_assert_cmpuint (mp_blackout_get_start (b), ==, mp_date_from_ymd (2027, 3, 1));
  /* Dana goes to the customer side: she no longer owns seller work. */
  g_assert_cmpstr (mp_milestone_get_seller_owner (legal), ==, "p-dana");
  mp_document_set_int (doc, MP_RECORD (dana), MP_PARTICIPANT_SIDE, MP_SIDE_CUSTOMER);
  g_assert_null (mp_milestone_get_seller_owner (legal));
  /* A meeting's calendar revision rises with its time. */
  mp_document_set_string (doc, MP_RECORD (mt), MP_MEETING_START, "2027-01-14T10:00");
  g_assert_cmpint (mp_meeting_get_sequence (mt), ==, 1);
  mp_document_set_string (doc, MP_RECORD (mt), MP_MEETING_LOCATION, "Room 2");
  g_assert_cmpint (mp_meeting_get_sequence (mt), ==, 2);

  /* Every state on the way is a plan that loads. */
  {
    g_autoptr(GBytes) now = bytes_of (doc);
    g_autoptr(GError) error = NULL;
    g_autoptr(MpPlan) check = mp_plan_load_from_data (g_bytes_get_data (now, NULL), g_bytes_get_size (now),
                                                      "edited", &error);
    g_assert_no_error (error);
  }
  /* Six steps, each undone whole. */
  for (int i = 0; i < 6; i++)
    g_assert_true (mp_document_undo (doc));
  g_assert_false (mp_document_can_undo (doc));
  {
    g_autoptr(GBytes) after = bytes_of (doc);
    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_participant_uses_all (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(GPtrArray) uses = mp_document_describe_participant_uses (doc, mp_plan_find_participant (plan, "p-lena"));
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < uses->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (uses, i));
  g_assert_nonnull (strstr (all->str, "owns the milestone “Security review”"));
  g_assert_nonnull (strstr (all->str, "is invited to “Commitment”"));
  g_assert_nonnull (strstr (all->str, "attends the meeting “Weekly deal sync”"));
  g_assert_nonnull (strstr (all->str, "is away in “Lena on vacation”"));
  g_assert_nonnull (strstr (all->str, "receives the status reports"));
}

/* Undo and a new edit while a save runs: the saved state is gone from the
 * stack, so the document stays modified. */
static void
test_save_race (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("minimal.mplan");
  g_autofree char *dir = g_dir_make_tmp ("mp-race-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpRecord *plan = MP_RECORD (mp_document_get_plan (doc));
  GError *error = NULL;
  gboolean done = FALSE;

  mp_document_set_string (doc, plan, MP_PLAN_CUSTOMER, "A");
  g_object_set_data (G_OBJECT (doc), "done", &done);
  mp_document_save_async (doc, file, FALSE, NULL, save_cb, &error);
  /* Before the save finishes: undo, and a different edit at the same depth. */
  g_assert_true (mp_document_undo (doc));
  mp_document_set_string (doc, plan, MP_PLAN_CUSTOMER, "C");
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_true (mp_document_get_modified (doc));
}

/* A plan that breaks a rule (made behind the document's back) is refused,
 * and the file on disk keeps its bytes. */
static void
test_save_refuses_invalid (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  g_autofree char *dir = g_dir_make_tmp ("mp-invalid-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpPlan *plan = mp_document_get_plan (doc);
  const char *cycle[] = { "m-golive", NULL };
  GError *error = NULL;

  g_assert_true (g_file_set_contents (path, "previous bytes", -1, NULL));
  mp_milestone_set_depends_on (mp_plan_find_milestone (plan, "m-eval"), cycle);
  g_assert_false (save_sync (doc, file, TRUE, &error));
  g_assert_error (error, MP_ERROR, MP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dependency cycle"));
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "previous bytes");
  }
}

/* A recovered plan remembers the file's tag from before the crash. */
static void
test_recover_keeps_etag (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-etag-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "valid", "minimal.mplan", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(MpDocument) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  GError *error = NULL;

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  doc = mp_document_load (file, NULL, &error);
  g_assert_no_error (error);
  mp_document_set_string (doc, MP_RECORD (mp_document_get_plan (doc)), MP_PLAN_TITLE, "Mine");
  g_assert_true (mp_document_write_recovery (doc, &error));
  info_path = g_strconcat (mp_document_get_recovery_path (doc), ".info", NULL);
  g_assert_true (g_key_file_load_from_file (info, info_path, 0, NULL));
  g_key_file_set_integer (info, "Recovery", "Pid", 0);
  g_assert_true (g_key_file_save_to_file (info, info_path, NULL));

  /* A colleague's change lands after the crash. */
  g_usleep (1100000);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"mutualplan\"}", -1, NULL));

  list = mp_document_list_recoveries ();
  g_assert_cmpuint (list->len, ==, 1);
  back = mp_document_recover (g_ptr_array_index (list, 0), &error);
  g_assert_no_error (error);
  g_assert_false (save_sync (back, NULL, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  mp_document_discard_recovery (back);
}

/* ::record-changed says which record and field changed, for the edit,
 * its undo and its redo, detailed by the record's kind. */
typedef struct {
  guint titles;
  guint others;
  guint tasks;
} Changes;

static void
on_record_changed (MpDocument *doc,
                   MpRecord   *record,
                   guint       field,
                   Changes    *c)
{
  if (MP_IS_MILESTONE (record) && field == MP_MILESTONE_TITLE)
    c->titles++;
  else
    c->others++;
}

static void
on_task_changed (MpDocument *doc,
                 MpRecord   *record,
                 guint       field,
                 Changes    *c)
{
  g_assert_true (MP_IS_TASK (record));
  g_assert_cmpuint (field, ==, MP_TASK_DONE);
  c->tasks++;
}

static void
test_record_changed (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  MpMilestone *m = mp_plan_find_milestone (plan, "m-security");
  g_autoptr(MpTask) t = g_list_model_get_item (G_LIST_MODEL (mp_milestone_get_tasks (m)), 1);
  Changes c = { 0, };

  g_signal_connect (doc, "record-changed::milestone", G_CALLBACK (on_record_changed), &c);
  g_signal_connect (doc, "record-changed::task", G_CALLBACK (on_task_changed), &c);
  mp_document_set_string (doc, MP_RECORD (m), MP_MILESTONE_TITLE, "Security review (IT)");
  g_assert_cmpuint (c.titles, ==, 1);
  g_assert_cmpuint (c.others, ==, 1); /* its sequence rose */
  mp_document_undo (doc);
  g_assert_cmpuint (c.titles, ==, 2);
  mp_document_redo (doc);
  g_assert_cmpuint (c.titles, ==, 3);
  g_assert_cmpuint (c.tasks, ==, 0);
  /* Setting what is there changes nothing and says nothing. */
  mp_document_set_string (doc, MP_RECORD (m), MP_MILESTONE_TITLE, "Security review (IT)");
  g_assert_cmpuint (c.titles, ==, 3);
  mp_document_set_bool (doc, MP_RECORD (t), MP_TASK_DONE, !mp_task_get_done (t));
  g_assert_cmpuint (c.tasks, ==, 1);
  g_assert_cmpuint (c.titles, ==, 3);
}


/* A snapshot sees nothing of what changes after it: fields, lists of
 * children (insert, remove, move), a child record, unknown members. The
 * records stay as edited, and undo brings back the same bytes. */
static void
test_snapshot_isolated (void)
{
  g_autoptr(MpDocument) doc = load_fixture ("acme-rollout.mplan");
  MpPlan *plan = mp_document_get_plan (doc);
  g_autoptr(GBytes) before = bytes_of (doc);
  g_autoptr(GBytes) from_snapshot = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(MpRecordSnapshot) snap = mp_record_snapshot (MP_RECORD (plan));
  g_autoptr(MpMilestone) m = mp_milestone_new ();
  g_autoptr(MpTask) t = mp_task_new ();
  g_autoptr(MpReporting) r = mp_reporting_new ();
  g_autoptr(JsonNode) node = json_from_string ("{\"x\": [1, 2]}", NULL);
  MpMilestone *first = g_list_model_get_item (G_LIST_MODEL (mp_plan_get_milestones (plan)), 0);
  const char *invitees[] = { "p-dana", "p-sue", NULL };
  int steps = 0;

  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Changed after the snapshot"), steps++;
  mp_document_set_strv (doc, MP_RECORD (first), MP_MILESTONE_INVITE, invitees), steps++;
  mp_document_set_string (doc, MP_RECORD (first), MP_MILESTONE_TITLE, "Renamed"), steps++;
  mp_milestone_set_title (m, "Inserted");
  mp_milestone_set_due (m, mp_date_from_ymd (2027, 4, 1));
  mp_document_insert (doc, mp_plan_get_milestones (plan), 1, MP_RECORD (m)), steps++;
  mp_task_set_title (t, "A task");
  mp_document_insert (doc, mp_milestone_get_tasks (first), 0, MP_RECORD (t)), steps++;
  mp_document_move (doc, mp_plan_get_milestones (plan), 0, 2), steps++;
  mp_document_remove (doc, mp_plan_get_participants (plan), 0), steps++;
  mp_reporting_set_every_weeks (r, 3);
  mp_document_set_child (doc, MP_RECORD (plan), MP_PLAN_REPORTING, MP_RECORD (r)), steps++;
  mp_document_set_unknown (doc, MP_RECORD (plan), MP_PLAN_TITLE, "x_future", node), steps++;
  g_object_unref (first);

  from_snapshot = mp_plan_snapshot_to_bytes (snap);
  g_assert_true (g_bytes_equal (from_snapshot, before));
  edited = bytes_of (doc);
  g_assert_false (g_bytes_equal (edited, before));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (edited, NULL), -1, "Changed after the snapshot"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (edited, NULL), -1, "x_future"));

  g_clear_pointer (&snap, mp_record_snapshot_free);
  while (steps-- > 0)
    g_assert_true (mp_document_undo (doc));
  undone = bytes_of (doc);
  g_assert_true (g_bytes_equal (undone, before));
}

static gboolean
file_has_bytes (const char *path,
                GBytes     *bytes)
{
  g_autofree char *contents = NULL;
  gsize len;

  return g_file_get_contents (path, &contents, &len, NULL) &&
         len == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), len) == 0;
}

/* Edits made while a save runs on its worker: the file holds the plan as
 * it was when Save was chosen, the edits stay in the plan, the document
 * stays modified, and the next save writes them. */
static void
test_save_snapshot (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (2000);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autofree char *dir = g_dir_make_tmp ("mp-snap-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) later = NULL;
  g_autoptr(MpTask) t = mp_task_new ();
  GListStore *milestones = mp_plan_get_milestones (plan);
  MpMilestone *first = g_list_model_get_item (G_LIST_MODEL (milestones), 0);
  GError *error = NULL;
  gboolean done = FALSE;

  g_assert_true (save_sync (doc, file, FALSE, &error));
  g_assert_no_error (error);

  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "As saved");
  expected = bytes_of (doc);
  g_object_set_data (G_OBJECT (doc), "done", &done);
  mp_document_save_async (doc, NULL, FALSE, NULL, save_cb, &error);
  /* The worker makes the text of 2,000 milestones meanwhile. */
  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Edited while saving");
  mp_document_set_string (doc, MP_RECORD (first), MP_MILESTONE_TITLE, "Also edited while saving");
  mp_task_set_title (t, "Added while saving");
  mp_document_insert (doc, mp_milestone_get_tasks (first), 0, MP_RECORD (t));
  mp_document_remove_milestone (doc, g_list_model_get_item (G_LIST_MODEL (milestones),
                                                            g_list_model_get_n_items (G_LIST_MODEL (milestones)) - 1));
  g_object_unref (first);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);

  g_assert_true (file_has_bytes (path, expected));
  g_assert_true (mp_document_get_modified (doc));
  g_assert_cmpstr (mp_plan_get_title (plan), ==, "Edited while saving");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (milestones)), ==, 1999);

  later = bytes_of (doc);
  g_assert_true (save_sync (doc, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (file_has_bytes (path, later));
  g_assert_false (mp_document_get_modified (doc));
}

static gboolean
not_writing_with (MpDocument *doc,
                  const char *title)
{
  g_autoptr(MpPlan) copy = NULL;

  if (mp_document_is_writing_recovery (doc))
    return FALSE;
  copy = mp_plan_load_from_file (g_file_new_for_path (mp_document_get_recovery_path (doc)), NULL, NULL);
  return copy != NULL && g_strcmp0 (mp_plan_get_title (copy), title) == 0;
}

static void
spin_until_writing (MpDocument *doc,
                    gboolean    writing)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC; /* only against a hang */

  while (mp_document_is_writing_recovery (doc) != writing && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (mp_document_is_writing_recovery (doc) == writing);
}

/* The autosave writes from a snapshot on a worker: an edit made while it
 * writes is in the next copy; a copy being written when the document is
 * saved (or undone to its saved state) is gone once written. */
static void
test_autosave_worker (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (2000);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  const char *rpath = mp_document_get_recovery_path (doc);
  g_autofree char *info_path = g_strconcat (rpath, ".info", NULL);
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  mp_document_set_autosave (doc, 10);
  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "First");
  g_assert_false (mp_document_is_writing_recovery (doc));
  spin_until_writing (doc, TRUE);
  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Second");
  while (!not_writing_with (doc, "Second") && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (not_writing_with (doc, "Second"));
  /* Written on the worker, the copies are as private as the sync ones. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (rpath, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (info_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* Saved (here: marked so) while a copy is being written. */
  mp_document_set_string (doc, MP_RECORD (plan), MP_PLAN_TITLE, "Third");
  spin_until_writing (doc, TRUE);
  mp_document_mark_saved (doc);
  spin_until_writing (doc, FALSE);
  g_assert_false (g_file_test (rpath, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/document/undo-all", test_undo_all);
  g_test_add_func ("/document/history-and-sequence", test_history_and_sequence);
  g_test_add_func ("/document/no-op", test_no_op);
  g_test_add_func ("/document/participant-uses", test_participant_uses);
  g_test_add_func ("/document/save-and-conflict", test_save_and_conflict);
  g_test_add_func ("/document/autosave", test_autosave);
  g_test_add_func ("/document/recover", test_recover);
  g_test_add_func ("/document/keep-rules", test_keep_rules);
  g_test_add_func ("/document/participant-uses-all", test_participant_uses_all);
  g_test_add_func ("/document/save-race", test_save_race);
  g_test_add_func ("/document/save-refuses-invalid", test_save_refuses_invalid);
  g_test_add_func ("/document/recover-keeps-etag", test_recover_keeps_etag);
  g_test_add_func ("/document/record-changed", test_record_changed);
  g_test_add_func ("/document/snapshot-isolated", test_snapshot_isolated);
  g_test_add_func ("/document/save-snapshot", test_save_snapshot);
  g_test_add_func ("/document/autosave-worker", test_autosave_worker);
  return g_test_run ();
}
