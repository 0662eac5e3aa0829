/* test-robust.c: hostile files, faults while saving and loading, and the
 * findings of the fuzzers (tests/data/fuzz-regressions/)
 *
 * A plan file is untrusted input that users mail to each other. Each
 * case ends with a clear error (naming the file) or a correct load, and
 * a failed save leaves the previous file byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mp-document.h"
#include "mp-json-check.h"
#include "mp-model.h"
#include "mp-plan-exercise.h"
#include "mp-plan-generator.h"
#include "mp-plan-io.h"

#define HEAD "{\"format\": \"mutualplan\", \"version\": 1, \"id\": \"p\", \"title\": \"T\", \"timezone\": \"UTC\""
#define MIB (1024 * 1024)

static const char *argv0;

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mp-robust-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_rf (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", path);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* Peak resident memory of this process in MiB. */
static double
peak_rss_mib (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

/* Loads @data; returns the plan or NULL with the error checked to be a
 * clear one that names the file and contains @expect. */
static MpPlan *
load_expect (const char *data,
             gsize       len,
             const char *expect)
{
  g_autoptr(GError) error = NULL;
  MpPlan *plan = mp_plan_load_from_data (data, len, "hostile.mplan", &error);

  if (expect == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (plan);
      return plan;
    }
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "hostile.mplan: "));
  if (strstr (error->message, expect) == NULL)
    g_error ("“%s” lacks “%s”", error->message, expect);
  return NULL;
}

/* ---- the fuzzers' findings ------------------------------------------ */

/* Every file in fuzz-regressions/ loads or is refused as EXPECTED.tsv
 * says; what loads survives everything the fuzz target does with it. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions", NULL);
  g_autofree char *table_path = g_build_filename (dir, "EXPECTED.tsv", NULL);
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (table_path, &table, NULL, NULL));
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      gsize len;
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) plan = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (cols), ==, 2);
      path = g_build_filename (dir, cols[0], NULL);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      plan = mp_plan_load_from_data (data, len, cols[0], &error);
      g_test_message ("%s → %s", cols[0], error ? error->message : "(loaded)");
      if (g_str_equal (cols[1], "OK"))
        {
          g_assert_no_error (error);
          mp_plan_exercise (plan);
        }
      else
        {
          g_assert_null (plan);
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, cols[0]));
          if (strstr (error->message, cols[1]) == NULL)
            g_error ("%s: “%s” lacks “%s”", cols[0], error->message, cols[1]);
        }
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* ---- hostile inputs ------------------------------------------------- */

static void
test_deep_nesting (void)
{
  GString *s = g_string_new (HEAD ", \"x\": ");

  for (int i = 0; i < 100000; i++)
    g_string_append (s, i % 2 ? "[" : "{\"a\": ");
  g_string_append (s, "}");
  load_expect (s->str, s->len, "nesting deeper than 64 levels");

  /* Closed properly, still refused at the same depth. */
  g_string_assign (s, HEAD ", \"x\": ");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  load_expect (s->str, s->len, "line 1, column 152: nesting deeper than 64 levels");
  g_string_free (s, TRUE);
}

/* A text of the longest length loads whole and saves whole; one
 * character more is refused by its JSON path; a file over 64 MiB is
 * refused before anything is parsed (docs/file-format.md, limits). */
static void
test_huge_string (void)
{
  GString *s = g_string_sized_new (65 * MIB);
  g_autoptr(MpPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize head;

  /* 65,534 characters, two bytes each and one escape among them. */
  g_string_append (s, HEAD ", \"summary\": \"\\n");
  head = s->len;
  for (int i = 1; i < MP_JSON_MAX_STRING; i++)
    g_string_append (s, "ü");
  g_string_append (s, "\"}");
  plan = load_expect (s->str, s->len, NULL);
  g_assert_cmpint (g_utf8_strlen (mp_plan_get_summary (plan), -1), ==, MP_JSON_MAX_STRING);
  bytes = mp_plan_to_bytes (plan);
  g_clear_object (&plan);
  plan = load_expect (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  g_assert_cmpint (g_utf8_strlen (mp_plan_get_summary (plan), -1), ==, MP_JSON_MAX_STRING);
  g_clear_object (&plan);

  /* One more: refused where it starts, with its path. */
  g_string_insert (s, head, "x");
  load_expect (s->str, s->len, "hostile.mplan: summary: line 1, column 95: a text longer than 65,534 characters");
  /* A title in a list, and a member name. */
  g_string_assign (s, HEAD ", \"milestones\": [{\"id\": \"m\", \"due\": \"2027-01-01\", \"title\": \"");
  for (int i = 0; i <= MP_JSON_MAX_STRING; i++)
    g_string_append_c (s, 'W');
  g_string_append (s, "\"}]}");
  load_expect (s->str, s->len, "milestones[0].title: line 1, column ");
  g_string_assign (s, HEAD ", \"");
  for (int i = 0; i <= MP_JSON_MAX_STRING; i++)
    g_string_append_c (s, 'k');
  g_string_append (s, "\": 1}");
  load_expect (s->str, s->len, "a text longer than 65,534 characters");

  g_string_assign (s, HEAD ", \"summary\": \"x\"");
  while (s->len <= MP_PLAN_MAX_FILE_SIZE)
    g_string_append (s, "                                                                ");
  g_string_append_c (s, '}');
  load_expect (s->str, s->len, "plan files may be at most 64 MiB");
  g_string_free (s, TRUE);
}

/* 100,000 ids load; a list, an object or the tasks of a plan with more
 * are refused, naming the limit and where (a million milestones made the
 * window grow to 19 GB). */
static void
test_million_ids (void)
{
  GString *s = g_string_new (HEAD ", \"milestones\": [{\"id\": \"a\", \"title\": \"A\", \"due\": \"2027-01-01\"}, "
                             "{\"id\": \"b\", \"title\": \"B\", \"due\": \"2027-01-02\", \"depends_on\": [");
  g_autoptr(MpPlan) plan = NULL;
  double before = peak_rss_mib ();

  for (int i = 0; i < MP_JSON_MAX_ITEMS; i++)
    g_string_append (s, i ? ", \"a\"" : "\"a\"");
  g_string_append (s, "]}]}");
  plan = load_expect (s->str, s->len, NULL);
  g_assert_cmpuint (g_strv_length ((GStrv) mp_milestone_get_depends_on (mp_plan_find_milestone (plan, "b"))),
                    ==, MP_JSON_MAX_ITEMS);
  g_clear_object (&plan);
  g_string_truncate (s, s->len - 4);
  g_string_append (s, ", \"a\"]}]}");
  load_expect (s->str, s->len, "milestones[1].depends_on[100000]: line 1, column ");
  load_expect (s->str, s->len, "more than 100,000 items in one list (the limit of a plan file)");

  /* A million tiny milestones (the 48 MB file of the review). */
  g_string_assign (s, HEAD ", \"milestones\": [");
  for (int i = 0; i < 1000000; i++)
    g_string_append_printf (s, "%s{\"id\": \"m%d\", \"title\": \"t\", \"due\": \"2027-01-01\"}", i ? ", " : "", i);
  g_string_append (s, "]}");
  load_expect (s->str, s->len, "milestones[100000]: line 1, column ");
  g_test_message ("a million milestones refused; peak memory grew by %.0f MiB", peak_rss_mib () - before);

  /* An object with too many members. */
  g_string_assign (s, HEAD ", \"x\": {");
  for (int i = 0; i <= MP_JSON_MAX_ITEMS; i++)
    g_string_append_printf (s, "%s\"k%d\": 0", i ? ", " : "", i);
  g_string_append (s, "}}");
  load_expect (s->str, s->len, "x: line 1, column ");
  load_expect (s->str, s->len, "more than 100,000 members in one object");

  /* Tasks: 500,001 in 51 lists of 10,000 or fewer. */
  g_string_assign (s, HEAD ", \"milestones\": [");
  for (int m = 0, t = 0; m < 51; m++)
    {
      g_string_append_printf (s, "%s{\"id\": \"m%d\", \"title\": \"t\", \"due\": \"2027-01-01\", \"tasks\": [",
                              m ? ", " : "", m);
      for (int i = 0; i < 10000 && t <= MP_PLAN_MAX_TASKS; i++, t++)
        g_string_append_printf (s, "%s{\"id\": \"t%d\", \"title\": \"x\"}", i ? ", " : "", t);
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  load_expect (s->str, s->len, "milestones[50].tasks: more than 500,000 tasks in the plan");

  /* 100,000 milestones whose ids are all the same. */
  g_string_assign (s, HEAD ", \"milestones\": [");
  for (int i = 0; i < 100000; i++)
    g_string_append_printf (s, "%s{\"id\": \"m\", \"title\": \"t\", \"due\": \"2027-01-01\"}", i ? ", " : "");
  g_string_append (s, "]}");
  load_expect (s->str, s->len, "milestones[1].id: the id \"m\" is used twice");
  g_string_free (s, TRUE);
}

static void
test_invalid_utf8 (void)
{
  const char *cases[] = {
    HEAD ", \"summary\": \"\xff\"}",
    HEAD ", \"summary\": \"\xc3\"}",           /* cut in the middle of ä */
    HEAD ", \"summary\": \"\xed\xa0\x80\"}",   /* an encoded surrogate */
    HEAD ", \"\xc0\xaf\": 1}",               /* an overlong slash as a member name */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    load_expect (cases[i], strlen (cases[i]), "not valid UTF-8 text (plan files are UTF-8)");
  load_expect (HEAD ", \"summary\": \"\\ud800\"}", strlen (HEAD ", \"summary\": \"\\ud800\"}"),
               "\\uD800 is half of a UTF-16 surrogate pair");
  load_expect (HEAD ", \"summary\": \"\\udc00x\"}", strlen (HEAD ", \"summary\": \"\\udc00x\"}"),
               "\\uDC00 is half of a UTF-16 surrogate pair");
  {
    const char *pair = HEAD ", \"summary\": \"\\ud83d\\ude00\"}";
    g_autoptr(MpPlan) plan = load_expect (pair, strlen (pair), NULL);
    g_assert_cmpstr (mp_plan_get_summary (plan), ==, "😀");
  }
}

/* NUL bytes, raw or escaped, would cut text short: refused. */
static void
test_nul_bytes (void)
{
  const char raw[] = HEAD ", \"summary\": \"a\0b\"}";
  const char *escaped[] = {
    HEAD ", \"summary\": \"ab\\u0000cd\"}",
    HEAD ", \"x\\u0000y\": 1}",
    HEAD ", \"milestones\": [{\"id\": \"m\\u0000\", \"title\": \"A\", \"due\": \"2027-01-01\"}]}",
  };

  load_expect (raw, sizeof raw - 1, "(a NUL byte)");
  load_expect (HEAD "}\0", strlen (HEAD "}") + 1, "(a NUL byte)");
  for (guint i = 0; i < G_N_ELEMENTS (escaped); i++)
    load_expect (escaped[i], strlen (escaped[i]), "\\u0000 (a NUL character) is not allowed");
}

static void
test_numbers_out_of_range (void)
{
  struct { const char *json; const char *expect; } cases[] = {
    /* Would wrap around to -1 and to 10 in json-glib. */
    { HEAD ", \"buffer_days\": 99999999999999999999999}", "the number 99999999999999999999999 is out of range" },
    /* With its JSON path, as every other rule. */
    { HEAD ", \"milestones\": [{}, {}, {}, {\"buffer_days\": 1e999}]}", "milestones[3].buffer_days: line 1, column " },
    { HEAD ", \"buffer_days\": 18446744073709551626}", "the number 18446744073709551626 is out of range" },
    { HEAD ", \"buffer_days\": -9223372036854775809}", "is out of range (integers in a plan file fit in 64 bits)" },
    { HEAD ", \"buffer_days\": 9223372036854775807}", "buffer_days: 9223372036854775807 is out of range (an integer from 0 to 36500)" },
    { HEAD ", \"buffer_days\": 2147483648}", "buffer_days: 2147483648 is out of range" },
    { HEAD ", \"buffer_days\": -1}", "buffer_days: -1 is out of range" },
    { HEAD ", \"buffer_days\": 1e400}", "the number 1e400 is out of range (too large for a floating-point number)" },
    { HEAD ", \"buffer_days\": 10.5}", "buffer_days: must be an integer, not 10.5" },
    { HEAD ", \"x\": -1e400}", "the number -1e400 is out of range" },
    { "{\"format\": \"mutualplan\", \"version\": 9223372036854775808}", "is out of range" },
    { "{\"format\": \"mutualplan\", \"version\": 1e999}", "is out of range" },
    { HEAD ", \"milestones\": [{\"id\": \"m\", \"title\": \"A\", \"due\": \"99999-01-01\"}]}", "is not a valid date" },
    { HEAD ", \"milestones\": [{\"id\": \"m\", \"title\": \"A\", \"due\": \"2027-01-01\", \"sequence\": 4294967296}]}", "is out of range" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    load_expect (cases[i].json, strlen (cases[i].json), cases[i].expect);

  /* Unknown members keep numbers that a double holds, and write them back. */
  {
    const char *json = HEAD ", \"x\": [1e300, -0.5, 9223372036854775807, -9223372036854775807]}";
    g_autoptr(MpPlan) plan = load_expect (json, strlen (json), NULL);

    mp_plan_exercise (plan);
  }
}

/* ---- loading from files --------------------------------------------- */

static MpPlan *
load_path (const char *path,
           GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return mp_plan_load_from_file (file, NULL, error);
}

/* Devices and pipes are refused before a byte is read: /dev/zero would
 * never end, a pipe would block. */
static void
test_load_special_files (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.mplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpPlan) plan = NULL;

  plan = load_path ("/dev/zero", &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_str_has_prefix (error->message, "zero: not a regular file"));
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  plan = load_path (fifo, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  /* A file over the limit is refused by its size, unread. */
  {
    g_autofree char *big = g_build_filename (dir, "big.mplan", NULL);
    int fd = g_open (big, O_WRONLY | O_CREAT, 0600);

    g_assert_cmpint (ftruncate (fd, (off_t) MP_PLAN_MAX_FILE_SIZE + 1), ==, 0);
    close (fd);
    plan = load_path (big, &error);
    g_assert_null (plan);
    g_assert_error (error, MP_ERROR, MP_ERROR_TOO_LARGE);
    g_assert_true (g_str_has_prefix (error->message, "big.mplan: the file is 64.0 MiB"));
  }
  rm_rf (dir);
}

typedef struct {
  char          *path;
  GBytes        *a;
  GBytes        *b;
  volatile gint  stop;
} Churn;

/* Replaces, rewrites in place, truncates and deletes the file, over and
 * over, while the main thread loads it. */
static gpointer
churn_thread (gpointer data)
{
  Churn *c = data;
  guint i = 0;

  while (!g_atomic_int_get (&c->stop))
    {
      gsize la, lb;
      const char *a = g_bytes_get_data (c->a, &la);
      const char *b = g_bytes_get_data (c->b, &lb);

      switch (i++ % 4)
        {
        case 0: /* atomic replace */
          g_file_set_contents (c->path, a, la, NULL);
          break;
        case 1: /* rewritten in place, in pieces */
          {
            int fd = g_open (c->path, O_WRONLY | O_TRUNC | O_CREAT, 0600);

            if (fd >= 0)
              {
                for (gsize off = 0; off < lb; off += 4096)
                  if (write (fd, b + off, MIN (4096, lb - off)) < 0)
                    break;
                close (fd);
              }
          }
          break;
        case 2: /* vanishes */
          g_unlink (c->path);
          g_usleep (200);
          break;
        case 3: /* cut short */
          truncate (c->path, la / 2);
          break;
        }
    }
  return NULL;
}

static void
test_load_while_changing (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(MpPlan) pa = mp_plan_generator_generate_n (40);
  g_autoptr(MpPlan) pb = mp_plan_generator_generate_n (60);
  Churn c = { g_build_filename (dir, "plan.mplan", NULL), mp_plan_to_bytes (pa), mp_plan_to_bytes (pb), 0 };
  GThread *thread;
  guint loaded = 0, failed = 0;

  g_assert_true (g_file_set_contents (c.path, g_bytes_get_data (c.a, NULL), g_bytes_get_size (c.a), NULL));
  thread = g_thread_new ("churn", churn_thread, &c);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) plan = load_path (c.path, &error);

      if (plan != NULL)
        {
          /* A load gives one whole version, never a mix. */
          g_autoptr(GBytes) bytes = mp_plan_to_bytes (plan);
          g_assert_true (g_bytes_equal (bytes, c.a) || g_bytes_equal (bytes, c.b));
          loaded++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "plan.mplan: "));
          failed++;
        }
    }
  g_atomic_int_set (&c.stop, 1);
  g_thread_join (thread);
  g_test_message ("%u loads, %u clear errors", loaded, failed);
  g_assert_cmpuint (loaded + failed, ==, 300);

  g_bytes_unref (c.a);
  g_bytes_unref (c.b);
  g_free (c.path);
  rm_rf (dir);
}

/* Opening a file (plain load, and as a document) changes neither its
 * bytes nor its times, nor anything else in its folder. */
static void
test_open_changes_nothing (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "valid", "acme-rollout.mplan", NULL);
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.mplan", NULL);
  g_autofree char *before = NULL, *after = NULL;
  gsize len;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  struct stat st1, st2;
  struct timespec old_times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  g_assert_true (g_file_get_contents (src, &before, &len, NULL));
  g_assert_true (g_file_set_contents (path, before, len, NULL));
  g_assert_cmpint (utimensat (AT_FDCWD, path, old_times, 0), ==, 0);
  g_assert_cmpint (stat (path, &st1), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MpPlan) plan = mp_plan_load_from_file (file, NULL, &error);
    g_autoptr(MpDocument) doc = mp_document_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (plan);
    g_assert_nonnull (doc);
  }
  g_assert_cmpint (stat (path, &st2), ==, 0);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (st1.st_mtim.tv_sec, ==, st2.st_mtim.tv_sec);
  g_assert_cmpint (st1.st_mtim.tv_nsec, ==, st2.st_mtim.tv_nsec);
  g_assert_cmpint (st1.st_ctim.tv_sec, ==, st2.st_ctim.tv_sec);
  g_assert_cmpint (st1.st_ctim.tv_nsec, ==, st2.st_ctim.tv_nsec);
  g_assert_cmpint (st1.st_ino, ==, st2.st_ino);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_cmpstr (g_dir_read_name (d), ==, "acme.mplan");
    g_assert_null (g_dir_read_name (d));
  }
  rm_rf (dir);
}

/* ---- saving under faults -------------------------------------------- */

/* Only the named files are in @dir: no temporary file was left behind. */
static void
assert_dir_holds (const char *dir,
                  const char *const *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_strv_contains (names, name))
        g_error ("unexpected file “%s” in %s", name, dir);
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) names));
}

/* Saves a big plan over a small one in @dir and expects a clean failure. */
static void
save_must_fail (const char *dir,
                const char *const *expect_files)
{
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) big = mp_plan_generator_generate_n (500);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_false (mp_plan_save_to_file (big, file, TRUE, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "previous version of the file is unchanged"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  assert_dir_holds (dir, expect_files);
}

static void
write_small_plan (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (3);
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_plan_save_to_file (plan, file, FALSE, NULL, &error));
  g_assert_no_error (error);
}

/* In a child (system calls only): a private mount namespace and a tmpfs. */
static gboolean
can_mount_tmpfs (void)
{
  g_autofree char *dir = make_tmpdir ();
  pid_t pid = fork ();
  int status = 1;

  if (pid == 0)
    _exit (unshare (CLONE_NEWNS) == 0 &&
           mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
           mount ("tmpfs", dir, "tmpfs", 0, "size=64k") == 0 &&
           umount (dir) == 0 ? 0 : 1);
  if (pid > 0)
    waitpid (pid, &status, 0);
  g_rmdir (dir);
  return pid > 0 && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* A real full file system: a 256 KiB tmpfs in a private mount namespace
 * (needs root; skipped where mounting is not allowed). */
static void
test_save_full_tmpfs (void)
{
  if (!g_test_subprocess ())
    {
      if (!can_mount_tmpfs ())
        {
          g_test_skip ("cannot mount a tmpfs here (not root, or no mount namespaces)");
          return;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  {
    g_autofree char *dir = make_tmpdir ();
    g_autofree char *filler = g_build_filename (dir, "filler", NULL);
    const char *const files[] = { "plan.mplan", "filler", NULL };
    int fd;
    char block[4096] = { 0 };

    g_assert_cmpint (unshare (CLONE_NEWNS), ==, 0);
    g_assert_cmpint (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), ==, 0);
    g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=256k"), ==, 0);
    write_small_plan (dir);
    /* Fill it up, leaving less room than the new version needs. */
    fd = g_open (filler, O_WRONLY | O_CREAT, 0600);
    while (write (fd, block, sizeof block) == sizeof block)
      ;
    g_assert_cmpint (errno, ==, ENOSPC);
    close (fd);
    save_must_fail (dir, files);
    umount (dir);
    g_rmdir (dir);
  }
}

/* A write error injected by the kernel: a file size limit (RLIMIT_FSIZE)
 * below the new version's size makes write() fail with EFBIG. */
static void
test_save_write_error (void)
{
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  {
    g_autofree char *dir = make_tmpdir ();
    const char *const files[] = { "plan.mplan", NULL };
    struct rlimit limit = { 64 * 1024, 64 * 1024 };

    write_small_plan (dir);
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    save_must_fail (dir, files);
    rm_rf (dir);
  }
}

/* A read-only folder, as an unprivileged user when the tests run as root. */
static void
test_save_read_only_dir (void)
{
  g_autofree char *dir = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  dir = make_tmpdir ();
  write_small_plan (dir);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (getuid () == 0)
    {
      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  g_assert_cmpint (access (dir, W_OK), !=, 0);
  {
    const char *const files[] = { "plan.mplan", NULL };
    save_must_fail (dir, files);
  }
}

/* Saving over a folder fails and leaves the folder and its content. */
static void
test_save_over_directory (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "plan.mplan", NULL);
  g_autofree char *inside = g_build_filename (target, "keep.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (5);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *const files[] = { "plan.mplan", NULL };

  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
  g_assert_false (mp_plan_save_to_file (plan, file, TRUE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "previous version of the file is unchanged"));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_get_contents (inside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "keep");
  assert_dir_holds (dir, files);
  rm_rf (dir);
}

/* The child of test_save_killed: saves two versions (the bytes of
 * files @a and @b) in turn through the atomic writer, forever. */
static int
save_loop (const char *path,
           const char *ready,
           const char *a,
           const char *b)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GBytes *versions[2] = { NULL, NULL }; /* until the process is killed */

  for (guint v = 0; v < 2; v++)
    {
      char *text = NULL;
      gsize len;

      if (!g_file_get_contents (v == 0 ? a : b, &text, &len, NULL))
        return 1;
      versions[v] = g_bytes_new_take (text, len);
    }
  g_file_set_contents (ready, "", 0, NULL);
  for (guint i = 0;; i++)
    if (!mp_write_file_atomic (file, versions[i % 2], TRUE, NULL, NULL, NULL))
      return 1;
}

/* Killed in the middle of saving: the file is always one whole version,
 * never a mix, never empty, and it loads. */
static void
test_save_killed (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *ready = g_build_filename (dir, "ready", NULL);
  g_autofree char *versions = make_tmpdir ();
  g_autofree char *path_a = g_build_filename (versions, "a.mplan", NULL);
  g_autofree char *path_b = g_build_filename (versions, "b.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) a = mp_plan_generator_generate_n (2000);
  g_autoptr(MpPlan) b = mp_plan_generator_generate_n (2500);
  g_autoptr(GBytes) ba = mp_plan_to_bytes (a);
  g_autoptr(GBytes) bb = mp_plan_to_bytes (b);
  GRand *rand = g_rand_new_with_seed (7);
  guint leftovers = 0;

  g_assert_true (g_file_set_contents (path_a, g_bytes_get_data (ba, NULL), g_bytes_get_size (ba), NULL));
  g_assert_true (g_file_set_contents (path_b, g_bytes_get_data (bb, NULL), g_bytes_get_size (bb), NULL));
  /* A private plan with its backup, as after any second save. */
  g_assert_true (mp_plan_save_to_file (a, file, TRUE, NULL, NULL));
  g_assert_cmpint (chmod (path, 0600), ==, 0);
  g_assert_true (mp_plan_save_to_file (a, file, TRUE, NULL, NULL));

  for (guint round = 0; round < 50; round++)
    {
      const char *args[] = { argv0, "--save-loop", path, ready, path_a, path_b, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(MpPlan) loaded = NULL;
      GPid pid;
      int status;

      g_unlink (ready);
      g_assert_true (g_spawn_async (NULL, (char **) args, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
      while (!g_file_test (ready, G_FILE_TEST_EXISTS))
        g_usleep (1000);
      /* Let it save a few times, then kill it at a random moment. */
      g_usleep (g_rand_int_range (rand, 1000, 250000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      /* The plan and its backup: both there, each the old or the new
       * version, and the plan loads. */
      for (guint f = 0; f < 2; f++)
        {
          const char *p = f == 0 ? path : backup;
          g_autofree char *data = NULL;
          gsize len;
          g_autoptr(GBytes) bytes = NULL;

          if (!g_file_get_contents (p, &data, &len, NULL))
            g_error ("round %u: %s is missing", round, p);
          bytes = g_bytes_new_take (g_steal_pointer (&data), len);
          if (!g_bytes_equal (bytes, ba) && !g_bytes_equal (bytes, bb))
            g_error ("round %u: %s is neither version (%zu bytes)", round, p, len);
        }
      /* What the killed save left is as private as the plan, and the
       * next save removes it (the plan is one of the two versions above,
       * each of which loads; it is loaded after the save, since opening
       * removes what a killed save left too). */
      {
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (d)) != NULL)
          if (!g_str_equal (name, "plan.mplan") && !g_str_equal (name, "ready"))
            {
              g_autofree char *tmp = g_build_filename (dir, name, NULL);
              struct stat st;

              g_assert_cmpint (stat (tmp, &st), ==, 0);
              if ((st.st_mode & 0077) != 0)
                g_error ("round %u: %s has mode %o, the plan 0600", round, name, st.st_mode & 0777);
              if (!g_str_equal (name, "plan.mplan~"))
                leftovers++;
            }
      }
      g_assert_true (mp_plan_save_to_file (round % 2 ? a : b, file, TRUE, NULL, NULL));
      {
        g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (d)) != NULL)
          if (!g_str_equal (name, "plan.mplan") && !g_str_equal (name, "plan.mplan~") &&
              !g_str_equal (name, "ready"))
            g_error ("round %u: %s survived the next save", round, name);
      }
      loaded = mp_plan_load_from_file (file, NULL, &error);
      g_assert_no_error (error);
    }
  g_test_message ("%u temporary files left by 50 killed saves, each removed by the next save", leftovers);
  g_rand_free (rand);
  rm_rf (dir);
  rm_rf (versions);
}


/* ---- where writes go, and with which mode (docs/security.md) -------- */

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text;
}

/* Outputs follow a symbolic link only where the kernel's
 * fs.protected_symlinks would: a link another user planted in a shared
 * (sticky) folder is not written through; a folder of another user is
 * refused. Making files of another user needs root. */
static void
test_save_symlinks (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *victim = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *link_path = NULL;
  g_autofree char *other = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("BEGIN:VCALENDAR\n", 16);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to make files of another user");
      return;
    }
  dir = make_tmpdir ();
  victim = g_build_filename (dir, "victim.txt", NULL);
  shared = g_build_filename (dir, "shared", NULL);
  link_path = g_build_filename (shared, "plan.ics", NULL);
  other = g_build_filename (dir, "other", NULL);
  g_assert_true (g_file_set_contents (victim, "secret", -1, NULL));
  g_assert_cmpint (g_mkdir (shared, 0777), ==, 0);
  g_assert_cmpint (chmod (shared, 01777), ==, 0);          /* like /tmp */
  g_assert_cmpint (symlink (victim, link_path), ==, 0);
  g_assert_cmpint (lchown (link_path, 65534, 65534), ==, 0); /* planted by nobody */
  out = g_file_new_for_path (link_path);

  g_assert_false (mp_write_file_atomic (out, bytes, FALSE, NULL, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "symbolic link of another user (uid 65534)"));
  g_assert_nonnull (strstr (error->message, "The previous version of the file is unchanged"));
  g_clear_error (&error);
  text = read_text (victim);
  g_assert_cmpstr (text, ==, "secret");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* The same link in a folder of ours that is not sticky: followed, as
   * the kernel would; and our own link anywhere. It stays a link. */
  g_assert_cmpint (chmod (shared, 0755), ==, 0);
  g_assert_true (mp_write_file_atomic (out, bytes, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  text = read_text (victim);
  g_assert_cmpstr (text, ==, "BEGIN:VCALENDAR\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (chmod (shared, 01777), ==, 0);
  g_assert_cmpint (lchown (link_path, 0, 0), ==, 0);
  g_assert_true (mp_write_file_atomic (out, bytes, FALSE, NULL, NULL, &error));
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* A folder another user made (for --export-invitations=DIR): refused,
   * nothing written into it. */
  g_assert_cmpint (g_mkdir (other, 0777), ==, 0);
  g_assert_cmpint (chown (other, 65534, 65534), ==, 0);
  g_assert_cmpint (chmod (other, 0777), ==, 0);
  {
    g_autofree char *inside = g_build_filename (other, "m-1.ics", NULL);
    g_autoptr(GFile) f = g_file_new_for_path (inside);

    g_assert_false (mp_write_file_atomic (f, bytes, FALSE, NULL, NULL, &error));
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "belongs to another user (uid 65534)"));
    g_clear_error (&error);
    g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
  }
  rm_rf (dir);
}

/* Recovery copies are private (0600) whatever the umask; the folder's
 * 0700 was their only protection. (Temporary files and backups of a
 * 0600 plan: /robust/save/killed.) */
static void
test_save_private (void)
{
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (20);
  g_autoptr(MpDocument) doc = mp_document_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;
  mode_t old = umask (022);
  g_autofree char *info = NULL;

  g_assert_true (mp_document_write_recovery (doc, &error));
  g_assert_no_error (error);
  info = g_strconcat (mp_document_get_recovery_path (doc), ".info", NULL);
  g_assert_cmpint (stat (mp_document_get_recovery_path (doc), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (info, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  mp_document_discard_recovery (doc);
  umask (old);
}

/* Temporary files of a killed save go when the plan is opened; those of
 * a save still running (locked) stay. */
static void
test_stale_temps_on_open (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autofree char *stale = g_build_filename (dir, ".plan.mplan.Ab12Cd", NULL);
  g_autofree char *stale_backup = g_build_filename (dir, ".plan.mplan~.0A1B2C", NULL);
  g_autofree char *live = g_build_filename (dir, ".plan.mplan.LIVE00", NULL);
  g_autofree char *unrelated = g_build_filename (dir, ".plan.mplan.notes", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (5);
  g_autoptr(MpPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert_true (mp_plan_save_to_file (plan, file, TRUE, NULL, NULL));
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (stale_backup, "old", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "mine", -1, NULL));
  fd = open (live, O_RDONLY);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  loaded = mp_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  close (fd);
  rm_rf (dir);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  if (!mp_document_save_finish (MP_DOCUMENT (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (MP_ERROR, 0, "saved");
}

/* Another program replaced the file and kept its size and mtime
 * (cp -p, rsync -t, unzip): Save notices by the content. */
static void
test_changed_same_mtime (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.mplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpPlan) plan = mp_plan_generator_generate_n (5);
  g_autoptr(MpDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  struct stat st;
  struct timespec times[2];
  gsize at;

  g_assert_true (mp_plan_save_to_file (plan, file, FALSE, NULL, NULL));
  doc = mp_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  /* Same size, same mtime, another title. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  at = strlen (text) - strlen (strstr (text, "\"title\": \"")) + strlen ("\"title\": \"");
  text[at] = text[at] == 'X' ? 'Y' : 'X';
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  times[0] = st.st_atim;
  times[1] = st.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);

  mp_document_save_async (doc, NULL, FALSE, NULL, on_saved, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const xdg[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autofree char *home = NULL;
  int status;

  argv0 = argv[0];
  if (argc == 6 && g_str_equal (argv[1], "--save-loop"))
    return save_loop (argv[2], argv[3], argv[4], argv[5]);

  g_setenv ("MUTUALPLAN_TODAY", "2026-11-20", TRUE);
  /* One set of private user directories for the whole run (recovery
   * files go under XDG_DATA_HOME), not G_TEST_OPTION_ISOLATE_DIRS: that
   * sets new ones for every case and GLib never frees the old strings,
   * and scripts/test-sanitize runs this test with the fast unwinder,
   * whose cut stacks the g_set_user_dirs suppression cannot match.
   * Subprocesses inherit them. */
  g_test_init (&argc, &argv, NULL);
  if (!g_test_subprocess ())
    {
      home = make_tmpdir ();
      g_setenv ("HOME", home, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
        {
          g_autofree char *sub = g_build_filename (home, xdg[i], NULL);

          g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
          g_setenv (xdg[i], sub, TRUE);
        }
    }

  g_test_add_func ("/robust/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/robust/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/robust/hostile/huge-string", test_huge_string);
  g_test_add_func ("/robust/hostile/million-ids", test_million_ids);
  g_test_add_func ("/robust/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/robust/hostile/nul-bytes", test_nul_bytes);
  g_test_add_func ("/robust/hostile/numbers-out-of-range", test_numbers_out_of_range);
  g_test_add_func ("/robust/load/special-files", test_load_special_files);
  g_test_add_func ("/robust/load/while-changing", test_load_while_changing);
  g_test_add_func ("/robust/load/open-changes-nothing", test_open_changes_nothing);
  g_test_add_func ("/robust/save/full-filesystem", test_save_full_tmpfs);
  g_test_add_func ("/robust/save/write-error", test_save_write_error);
  g_test_add_func ("/robust/save/read-only-dir", test_save_read_only_dir);
  g_test_add_func ("/robust/save/over-directory", test_save_over_directory);
  g_test_add_func ("/robust/save/killed", test_save_killed);
  g_test_add_func ("/robust/save/symlinks", test_save_symlinks);
  g_test_add_func ("/robust/save/private", test_save_private);
  g_test_add_func ("/robust/save/stale-temps-on-open", test_stale_temps_on_open);
  g_test_add_func ("/robust/save/changed-same-mtime", test_changed_same_mtime);

  status = g_test_run ();
  if (home != NULL)
    rm_rf (home);
  return status;
}
