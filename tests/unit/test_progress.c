/*
 * test_progress: the progress log: every event read back as written, the
 * state derived from it, and a log that stays readable whatever happens to
 * it: torn at every byte of its last record, corrupt in the middle, empty,
 * missing, in a folder that cannot be made, or holding very long fields.
 */

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "progress.h"
#include "xmalloc.h"

static char	*tmp;	/* a fresh folder for each test */

/* Remove one entry of the test folder. */
static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return (remove(path));
}

static int
setup(void **state)
{
	const char	*dir = getenv("TMPDIR");

	(void)state;
	tmp = xasprintf("%s/progress-test.XXXXXX", dir != NULL && *dir != '\0' ?
	    dir : "/tmp");
	if (mkdtemp(tmp) == NULL)
		return (-1);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(tmp);
	return (0);
}

/* A path in the test folder; the caller frees. */
static char *
path_of(const char *name)
{
	return (xasprintf("%s/%s", tmp, name));
}

/* Open the log at path, which must work. */
static struct progress *
open_ok(const char *path)
{
	struct progress	*p = NULL;
	char		*cause = NULL;

	if (progress_open(path, &p, &cause) != 0)
		fail_msg("progress_open %s: %s", path, cause);
	return (p);
}

/* Record ev, which must work. */
static void
record_ok(struct progress *p, const struct progress_event *ev)
{
	char	*cause = NULL;

	if (progress_record(p, ev, &cause) != 0)
		fail_msg("progress_record: %s", cause);
}

/* The number of warnings, and whether one of them holds s. */
static size_t
warnings(const struct progress *p, const char *s, int *found)
{
	const char *const	*w;
	size_t			 n, i;

	w = progress_warnings(p, &n);
	if (found != NULL) {
		*found = 0;
		for (i = 0; i < n; i++)
			*found |= strstr(w[i], s) != NULL;
	}
	return (n);
}

/* Read a whole file; the caller frees. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat	 st;
	char		*buf;
	int		 fd;

	assert_int_not_equal(fd = open(path, O_RDONLY), -1);
	assert_int_equal(fstat(fd, &st), 0);
	buf = xmalloc((size_t)st.st_size + 1);
	assert_int_equal(read(fd, buf, (size_t)st.st_size), st.st_size);
	buf[st.st_size] = '\0';
	close(fd);
	*len = (size_t)st.st_size;
	return (buf);
}

/* Write len bytes as the whole file at path. */
static void
spit(const char *path, const char *buf, size_t len)
{
	int	fd;

	assert_int_not_equal(fd = open(path, O_WRONLY | O_CREAT | O_TRUNC,
	    0600), -1);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	close(fd);
}

/* A record line for payload, with its checksum; the caller frees. */
static char *
line_for(const char *payload)
{
	return (xasprintf("%016" PRIx64 " %s\n", progress_fnv1a(
	    PROGRESS_FNV_OFFSET, payload, strlen(payload)), payload));
}

/* A check event numbered n (in wall_ms and hash) on crash/loop. */
static struct progress_event
numbered(unsigned n)
{
	static const char *const cats[] = { "wrong-output" };
	struct progress_event	 ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = PROGRESS_EV_CHECK;
	ev.ts_ms = 1700000000000ULL + n;
	ev.track = "crash";
	ev.lesson = "loop";
	ev.verdict = PROGRESS_FAIL;
	ev.categories = cats;
	ev.ncategories = 1;
	ev.wall_ms = n;
	ev.hash = n;
	return (ev);
}

/* Write n numbered events to a new log at path. */
static void
write_numbered(const char *path, unsigned n)
{
	struct progress		*p = open_ok(path);
	struct progress_event	 ev;
	unsigned		 i;

	for (i = 0; i < n; i++) {
		ev = numbered(i);
		record_ok(p, &ev);
	}
	progress_close(p);
}

/* The log holds exactly the numbered events in want[0..n). */
static void
assert_numbered(const struct progress *p, const unsigned *want, size_t n)
{
	const struct progress_event	*e;
	size_t				 i;

	assert_int_equal(progress_nevents(p), n);
	for (i = 0; i < n; i++) {
		e = progress_event(p, i);
		assert_int_equal(e->kind, PROGRESS_EV_CHECK);
		assert_int_equal(e->wall_ms, want[i]);
		assert_int_equal(e->hash, want[i]);
		assert_string_equal(e->lesson, "loop");
		assert_int_equal(e->ncategories, 1);
		assert_string_equal(e->categories[0], "wrong-output");
	}
}

/* The log holds the numbered events 0..n-1. */
static void
assert_first(const struct progress *p, unsigned n)
{
	unsigned	*want = xcalloc(n + 1, sizeof *want), i;

	for (i = 0; i < n; i++)
		want[i] = i;
	assert_numbered(p, want, n);
	free(want);
}

static void
test_fnv(void **state)
{
	(void)state;
	assert_int_equal(progress_fnv1a(PROGRESS_FNV_OFFSET, "", 0),
	    0xcbf29ce484222325ULL);
	assert_int_equal(progress_fnv1a(PROGRESS_FNV_OFFSET, "a", 1),
	    0xaf63dc4c8601ec8cULL);
	assert_int_equal(progress_fnv1a(PROGRESS_FNV_OFFSET, "foobar", 6),
	    0x85944171f73967e8ULL);
	/* It continues: hashing in pieces is hashing the whole. */
	assert_int_equal(progress_fnv1a(progress_fnv1a(PROGRESS_FNV_OFFSET,
	    "foo", 3), "bar", 3), 0x85944171f73967e8ULL);
}

/* One event of every kind, each field set. */
static const char *const two_cats[] = { "wrong-output", "goroutine-leak" };
static const struct progress_event every[] = {
	{ .kind = PROGRESS_EV_OPEN, .ts_ms = 1718000000001ULL,
	  .track = "java", .lesson = "errors-are-values" },
	{ .kind = PROGRESS_EV_CHECK, .ts_ms = 1718000000002ULL,
	  .track = "java", .lesson = "errors-are-values",
	  .verdict = PROGRESS_FAIL, .categories = two_cats, .ncategories = 2,
	  .wall_ms = 291, .hash = 0xfedcba9876543210ULL },
	{ .kind = PROGRESS_EV_HINT, .ts_ms = 1718000000003ULL,
	  .track = "java", .lesson = "errors-are-values", .hint = 0 },
	{ .kind = PROGRESS_EV_HINT, .ts_ms = 1718000000004ULL,
	  .track = "java", .lesson = "errors-are-values", .hint = 2 },
	{ .kind = PROGRESS_EV_SOLUTION, .ts_ms = 1718000000005ULL,
	  .track = "java", .lesson = "errors-are-values" },
	{ .kind = PROGRESS_EV_CHECK, .ts_ms = 1718000000006ULL,
	  .track = "java", .lesson = "errors-are-values",
	  .verdict = PROGRESS_ERROR, .wall_ms = 0, .hash = 1 },
	{ .kind = PROGRESS_EV_CHECK, .ts_ms = 1718000000007ULL,
	  .track = "java", .lesson = "errors-are-values",
	  .verdict = PROGRESS_PASS, .wall_ms = 12, .hash = UINT64_MAX },
	{ .kind = PROGRESS_EV_PASSED, .ts_ms = 1718000000008ULL,
	  .track = "java", .lesson = "errors-are-values" },
	{ .kind = PROGRESS_EV_OPEN, .ts_ms = 1718000000009ULL,
	  .track = "py \"quoted\" \\ \xc3\xa9\xf0\x9f\x98\x80",
	  .lesson = "tab\there\nnewline" },
};
#define NEVERY (sizeof every / sizeof every[0])

/* Two events are the same. */
static void
assert_same_event(const struct progress_event *a,
    const struct progress_event *b)
{
	size_t	i;

	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->ts_ms, b->ts_ms);
	assert_string_equal(a->track, b->track);
	assert_string_equal(a->lesson, b->lesson);
	if (a->kind == PROGRESS_EV_CHECK) {
		assert_int_equal(a->verdict, b->verdict);
		assert_int_equal(a->ncategories, b->ncategories);
		for (i = 0; i < a->ncategories; i++)
			assert_string_equal(a->categories[i],
			    b->categories[i]);
		assert_int_equal(a->wall_ms, b->wall_ms);
		assert_int_equal(a->hash, b->hash);
	}
	if (a->kind == PROGRESS_EV_HINT)
		assert_int_equal(a->hint, b->hint);
}

static void
test_round_trip(void **state)
{
	struct progress	*p;
	char		*path = path_of("progress.log"), *buf, *s, *nl;
	size_t		 i, len, lines = 0;

	(void)state;
	p = open_ok(path);
	for (i = 0; i < NEVERY; i++)
		record_ok(p, &every[i]);
	/* What was recorded is in memory at once... */
	assert_int_equal(progress_nevents(p), NEVERY);
	for (i = 0; i < NEVERY; i++)
		assert_same_event(progress_event(p, i), &every[i]);
	progress_close(p);

	/* ...and read back the same. */
	p = open_ok(path);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_int_equal(progress_nevents(p), NEVERY);
	for (i = 0; i < NEVERY; i++)
		assert_same_event(progress_event(p, i), &every[i]);
	progress_close(p);

	/* Each line: 16 hex digits of FNV-1a 64 of the payload, a space,
	 * the payload, a newline. */
	buf = slurp(path, &len);
	for (s = buf; (nl = strchr(s, '\n')) != NULL; s = nl + 1) {
		char	want[17];

		lines++;
		assert_true(nl - s > 17);
		snprintf(want, sizeof want, "%016" PRIx64, progress_fnv1a(
		    PROGRESS_FNV_OFFSET, s + 17, (size_t)(nl - s - 17)));
		assert_memory_equal(s, want, 16);
		assert_int_equal(s[16], ' ');
		assert_int_equal(s[17], '{');
		assert_memory_equal(s + 17, "{\"v\":1,\"ts\":", 12);
	}
	assert_int_equal(lines, NEVERY);
	assert_true(strstr(buf, "\"ev\":\"check\",\"track\":\"java\","
	    "\"lesson\":\"errors-are-values\",\"verdict\":\"fail\","
	    "\"categories\":[\"wrong-output\",\"goroutine-leak\"],"
	    "\"wall_ms\":291,\"hash\":\"fedcba9876543210\"}\n") != NULL);
	assert_true(strstr(buf, "\"ev\":\"hint\",\"track\":\"java\","
	    "\"lesson\":\"errors-are-values\",\"hint\":2}\n") != NULL);
	free(buf);
	free(path);
}

/* The worked example of share/progress-format.md, byte for byte. */
static void
test_doc_example(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = every[0];
	char			*path = path_of("progress.log"), *buf;
	size_t			 len;

	(void)state;
	ev.ts_ms = 1718000000123ULL;
	p = open_ok(path);
	record_ok(p, &ev);
	progress_close(p);
	buf = slurp(path, &len);
	assert_string_equal(buf, "6c271e76128f873d {\"v\":1,"
	    "\"ts\":1718000000123,\"ev\":\"open\",\"track\":\"java\","
	    "\"lesson\":\"errors-are-values\"}\n");
	free(buf);
	free(path);
}

/* The timestamp of 0 is now. */
static void
test_now(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = every[0];
	char			*path = path_of("progress.log");
	uint64_t		 before = (uint64_t)time(NULL) * 1000;

	(void)state;
	ev.ts_ms = 0;
	p = open_ok(path);
	record_ok(p, &ev);
	progress_close(p);
	p = open_ok(path);
	assert_true(progress_event(p, 0)->ts_ms >= before);
	assert_true(progress_event(p, 0)->ts_ms <= before + 60000);
	progress_close(p);
	free(path);
}

/* The state that every[] and a few more events leave. */
static void
assert_derived(const struct progress *p)
{
	const struct progress_lesson	*l;

	assert_int_equal(progress_nlessons(p), 4);
	l = progress_lesson(p, "java", "errors-are-values");
	assert_non_null(l);
	assert_int_equal(l->status, PROGRESS_PASSED);
	assert_int_equal(l->opened, 1);
	assert_int_equal(l->attempts, 4);	/* 3 in every[], one after */
	assert_int_equal(l->failed, 2);
	assert_int_equal(l->errors, 1);
	assert_int_equal(l->nfails, 3);
	assert_string_equal(l->fails[0].category, "wrong-output");
	assert_int_equal(l->fails[0].n, 1);
	assert_string_equal(l->fails[1].category, "goroutine-leak");
	assert_int_equal(l->fails[1].n, 1);
	assert_string_equal(l->fails[2].category, "panic");
	assert_int_equal(l->fails[2].n, 1);
	assert_int_equal(l->hints, 3);
	assert_true(l->solution);
	assert_int_equal(l->first_ms, 1718000000001ULL);
	assert_int_equal(l->last_ms, 1718000000020ULL);
	assert_int_equal(l->passed_ms, 1718000000007ULL);
	assert_int_equal(l->pass_attempts, 3);

	l = progress_lesson(p, "java", "goroutines");
	assert_non_null(l);
	assert_int_equal(l->status, PROGRESS_ATTEMPTED);
	assert_int_equal(l->attempts, 1);
	assert_int_equal(l->passed_ms, 0);
	assert_int_equal(l->hints, 1);
	assert_false(l->solution);

	/* Opened only: new. A pass without a passed event still passes. */
	l = progress_lesson(p, "python", "slices");
	assert_non_null(l);
	assert_int_equal(l->status, PROGRESS_NEW);
	assert_int_equal(l->opened, 2);
	assert_int_equal(l->attempts, 0);
	l = progress_lesson(p, "python", "maps");
	assert_int_equal(l->status, PROGRESS_PASSED);
	assert_int_equal(l->passed_ms, 1718000000031ULL);
	assert_int_equal(l->pass_attempts, 1);

	assert_null(progress_lesson(p, "java", "nothing"));
	assert_null(progress_lesson(p, "python", "errors-are-values"));
	l = progress_last(p);
	assert_non_null(l);
	assert_string_equal(l->track, "python");
	assert_string_equal(l->lesson, "slices");

	/* First named first. */
	assert_string_equal(progress_lesson_at(p, 0)->lesson,
	    "errors-are-values");
	assert_string_equal(progress_lesson_at(p, 1)->lesson, "goroutines");
	assert_null(progress_lesson_at(p, 4));
}

static void
test_derived(void **state)
{
	static const char *const panic[] = { "panic" };
	static const char *const out[] = { "wrong-output" };
	const struct progress_event more[] = {
		{ .kind = PROGRESS_EV_CHECK, .ts_ms = 1718000000010ULL,
		  .track = "java", .lesson = "goroutines",
		  .verdict = PROGRESS_FAIL, .categories = out,
		  .ncategories = 1 },
		{ .kind = PROGRESS_EV_HINT, .ts_ms = 1718000000011ULL,
		  .track = "java", .lesson = "goroutines", .hint = 0 },
		/* A failure after the pass: still passed, at its first. */
		{ .kind = PROGRESS_EV_CHECK, .ts_ms = 1718000000020ULL,
		  .track = "java", .lesson = "errors-are-values",
		  .verdict = PROGRESS_FAIL, .categories = panic,
		  .ncategories = 1 },
		{ .kind = PROGRESS_EV_OPEN, .ts_ms = 1718000000021ULL,
		  .track = "python", .lesson = "slices" },
		{ .kind = PROGRESS_EV_CHECK, .ts_ms = 1718000000031ULL,
		  .track = "python", .lesson = "maps",
		  .verdict = PROGRESS_PASS },
		{ .kind = PROGRESS_EV_OPEN, .ts_ms = 1718000000032ULL,
		  .track = "python", .lesson = "slices" },
	};
	struct progress	*p;
	char		*path = path_of("progress.log");
	size_t		 i;

	(void)state;
	p = open_ok(path);
	for (i = 0; i < NEVERY - 1; i++)
		record_ok(p, &every[i]);
	for (i = 0; i < sizeof more / sizeof more[0]; i++)
		record_ok(p, &more[i]);
	assert_derived(p);		/* kept up as it records */
	progress_close(p);
	p = open_ok(path);
	assert_derived(p);		/* and derived again from the log */
	progress_close(p);
	free(path);
}

/*
 * Cut the log at every byte of its last record: it opens with the earlier
 * records and one warning, is cut back to them, and takes new records.
 */
static void
test_torn_last(void **state)
{
	struct progress		*p;
	struct progress_event	 ev;
	struct stat		 st;
	char			*path = path_of("progress.log"), *buf, *nl;
	size_t			 len, start, off;
	int			 found;

	(void)state;
	write_numbered(path, 5);
	buf = slurp(path, &len);
	nl = memrchr(buf, '\n', len - 1);
	start = (size_t)(nl - buf) + 1;		/* the last record's start */
	for (off = start + 1; off < len; off++) {
		spit(path, buf, off);
		p = open_ok(path);
		assert_first(p, 4);
		assert_int_equal(warnings(p, "torn", &found), 1);
		assert_true(found);
		progress_close(p);
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_size, (off_t)start);	/* repaired */

		/* Once: the next open is clean. */
		p = open_ok(path);
		assert_int_equal(warnings(p, "", NULL), 0);
		assert_first(p, 4);
		ev = numbered(4);
		record_ok(p, &ev);
		progress_close(p);
		p = open_ok(path);
		assert_int_equal(warnings(p, "", NULL), 0);
		assert_first(p, 5);
		progress_close(p);
	}
	free(buf);
	free(path);
}

/* A writer dies mid-record after this one opened the log: the record cuts
 * the torn tail off before it appends. */
static void
test_torn_while_open(void **state)
{
	struct progress		*p;
	struct progress_event	 ev;
	char			*path = path_of("progress.log");
	int			 fd, found;

	(void)state;
	write_numbered(path, 3);
	p = open_ok(path);
	assert_int_not_equal(fd = open(path, O_WRONLY | O_APPEND), -1);
	assert_int_equal(write(fd, "0123456789abcdef {\"v\":1,\"ts", 28), 28);
	close(fd);
	ev = numbered(3);
	record_ok(p, &ev);
	assert_int_equal(warnings(p, "torn", &found), 1);
	assert_true(found);
	progress_close(p);
	p = open_ok(path);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_first(p, 4);
	progress_close(p);
	free(path);
}

/* A torn record that another was appended to (by a writer that did not
 * repair it): the appended record is found inside the bad line. */
static void
test_torn_then_appended(void **state)
{
	struct progress	*p;
	char		*path = path_of("progress.log"), *buf, *all, *nl;
	size_t		 len, start;
	int		 found;

	(void)state;
	write_numbered(path, 4);
	buf = slurp(path, &len);
	nl = memrchr(buf, '\n', len - 1);
	start = (size_t)(nl - buf) + 1;
	/* Records 0-2, half of 3, then 3 whole. */
	all = xmalloc(start + (len - start) / 2 + (len - start));
	memcpy(all, buf, start + (len - start) / 2);
	memcpy(all + start + (len - start) / 2, buf + start, len - start);
	spit(path, all, start + (len - start) / 2 + (len - start));
	p = open_ok(path);
	assert_first(p, 4);
	assert_int_equal(warnings(p, "garbage before a record", &found), 1);
	assert_true(found);
	progress_close(p);
	free(all);
	free(buf);
	free(path);
}

/* Replace line 3 (of 5 numbered records) with bad, or insert it before
 * line 3; the log opens with the other records and one warning holding
 * what and where, and is left as it was. */
static void
corrupt_where(const char *bad, size_t badlen, int insert, const char *what,
    const char *where)
{
	static const unsigned	 kept[] = { 0, 1, 3, 4 };
	static const unsigned	 all[] = { 0, 1, 2, 3, 4 };
	struct progress		*p;
	struct progress_event	 ev;
	struct stat		 st;
	char			*path = path_of("progress.log"), *buf, *out;
	char			*l3, *l4;
	size_t			 len, n;
	int			 found;

	unlink(path);
	write_numbered(path, 5);
	buf = slurp(path, &len);
	l3 = strchr(strchr(buf, '\n') + 1, '\n') + 1;
	l4 = strchr(l3, '\n') + 1;
	out = xmalloc(len + badlen);
	n = (size_t)(l3 - buf);
	memcpy(out, buf, n);
	memcpy(out + n, bad, badlen);
	n += badlen;
	if (insert) {
		memcpy(out + n, l3, len - (size_t)(l3 - buf));
		n += len - (size_t)(l3 - buf);
	} else {
		memcpy(out + n, l4, len - (size_t)(l4 - buf));
		n += len - (size_t)(l4 - buf);
	}
	spit(path, out, n);

	p = open_ok(path);
	if (insert)
		assert_numbered(p, all, 5);
	else
		assert_numbered(p, kept, 4);
	assert_int_equal(warnings(p, what, &found), 1);
	if (!found)
		fail_msg("no warning holds \"%s\": %s", what,
		    progress_warnings(p, &len)[0]);
	assert_true(found);
	assert_true(warnings(p, where, &found) == 1 && found);
	/* Still takes records, after the bad line. */
	ev = numbered(5);
	record_ok(p, &ev);
	progress_close(p);
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_size > (off_t)n);	/* the bad line is kept */
	p = open_ok(path);
	assert_int_equal(progress_nevents(p), insert ? 6 : 5);
	assert_int_equal(progress_event(p, insert ? 5 : 4)->wall_ms, 5);
	assert_int_equal(warnings(p, "", NULL), 1);
	progress_close(p);
	free(out);
	free(buf);
	free(path);
}

/* The same, for a bad line that the warning names by its number. */
static void
corrupt_middle(const char *bad, size_t badlen, int insert, const char *what)
{
	corrupt_where(bad, badlen, insert, what, ":3: ");
}

static void
test_corrupt_middle(void **state)
{
	char	*rec;

	(void)state;
	/* A payload byte changed: its checksum no longer matches. */
	{
		struct progress_event	 ev = numbered(2);
		struct progress		*p;
		char			*path = path_of("one.log"), *buf;
		size_t			 len;

		p = open_ok(path);
		record_ok(p, &ev);
		progress_close(p);
		buf = slurp(path, &len);
		buf[40] ^= 0x01;
		corrupt_middle(buf, len, 0, "bad checksum");
		buf[40] ^= 0x01;
		buf[3] = buf[3] == '0' ? '1' : '0';	/* in the checksum */
		corrupt_middle(buf, len, 0, "bad checksum");
		free(buf);
		free(path);
	}
	corrupt_middle("hello, world\n", 13, 0, "not a record");
	corrupt_middle("hello, world\n", 13, 1, "not a record");
	corrupt_middle("\n", 1, 1, "not a record");
	corrupt_middle("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\n", 21, 0,
	    "not a record");
	/* NUL bytes inside a record. */
	rec = line_for("{\"v\":1,\"ts\":1,\"ev\":\"open\",\"track\":\"a\","
	    "\"lesson\":\"b\"}");
	rec[30] = '\0';
	rec[31] = '\0';
	corrupt_middle(rec, strlen(rec + 32) + 32, 1, "bad checksum");
	free(rec);
	/* A good checksum on bad JSON, or on a record short of a field. */
	rec = line_for("{\"v\":1,\"ts\":1,\"ev\":\"open\",\"track\":\"a\"");
	corrupt_middle(rec, strlen(rec), 1, "not a JSON object");
	free(rec);
	rec = line_for("{\"v\":1,\"ts\":1,\"ev\":\"open\",\"track\":\"a\"} x");
	corrupt_middle(rec, strlen(rec), 1, "text after the JSON object");
	free(rec);
	rec = line_for("{\"v\":1,\"ts\":1,\"ev\":\"open\",\"track\":\"a\"}");
	corrupt_middle(rec, strlen(rec), 1, "a required field is missing");
	free(rec);
	rec = line_for("{\"v\":1,\"ts\":1,\"ev\":\"check\",\"track\":\"a\","
	    "\"lesson\":\"b\",\"verdict\":\"pass\"}");
	corrupt_middle(rec, strlen(rec), 1, "a required field is missing");
	free(rec);
	rec = line_for("{\"v\":1,\"ts\":-1,\"ev\":\"open\",\"track\":\"a\","
	    "\"lesson\":\"b\"}");
	corrupt_middle(rec, strlen(rec), 1, "a field has a bad value");
	free(rec);
	rec = line_for("{\"v\":1,\"ts\":1,\"ev\":\"check\",\"track\":\"a\","
	    "\"lesson\":\"b\",\"verdict\":\"maybe\",\"categories\":[],"
	    "\"wall_ms\":1,\"hash\":\"0000000000000000\"}");
	corrupt_middle(rec, strlen(rec), 1, "a field has a bad value");
	free(rec);
	rec = line_for("{\"v\":1,\"ts\":1,\"ts\":2,\"ev\":\"open\","
	    "\"track\":\"a\",\"lesson\":\"b\"}");
	corrupt_middle(rec, strlen(rec), 1, "a key is given twice");
	free(rec);
	/* A record of a newer format is skipped, and said so. */
	rec = line_for("{\"v\":2,\"ts\":1,\"ev\":\"open\",\"track\":\"a\","
	    "\"lesson\":\"b\"}");
	corrupt_where(rec, strlen(rec), 1, "newer gotutor", "line 3");
	free(rec);
}

/* What this version does not know is skipped without a word: other keys,
 * whatever their values, and other kinds of event. Escapes are decoded. */
static void
test_unknown_fields(void **state)
{
	static const char *const payloads[] = {
	    "{\"v\":1,\"ts\":5,\"ev\":\"open\",\"track\":\"j\\u00e9\","
	    "\"lesson\":\"\\ud83d\\ude00\\/\\\"\\\\\\b\\f\\n\\r\\t\","
	    "\"x\":{\"a\":[1,-2.5e+3,true,false,null,{}],\"b\":\"\\u0041\"},"
	    "\"y\":[],\"z\":0.5E-1}",
	    "{\"v\":1,\"ts\":6,\"ev\":\"note\",\"track\":\"j\","
	    "\"lesson\":\"l\","
	    "\"text\":\"a later kind of event\"}",
	    "{ \"lesson\" : \"l\" , \"v\" : 1 , \"ev\" : \"solution\" , "
	    "\"track\" : \"j\" , \"ts\" : 7 } ",
	    "{\"v\":1,\"ts\":8,\"ev\":\"open\",\"track\":\"j\",\"lesson\":"
	    "\"\\ud800x\"}",
	};
	struct progress	*p;
	char		*path = path_of("progress.log"), *all = xstrdup(""), *t;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof payloads / sizeof payloads[0]; i++) {
		t = line_for(payloads[i]);
		all = xreallocarray(all, strlen(all) + strlen(t) + 1, 1);
		strcat(all, t);
		free(t);
	}
	spit(path, all, strlen(all));
	p = open_ok(path);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_int_equal(progress_nevents(p), 3);
	assert_string_equal(progress_event(p, 0)->track, "j\xc3\xa9");
	assert_string_equal(progress_event(p, 0)->lesson,
	    "\xf0\x9f\x98\x80/\"\\\b\f\n\r\t");
	assert_int_equal(progress_event(p, 1)->kind, PROGRESS_EV_SOLUTION);
	assert_int_equal(progress_event(p, 1)->ts_ms, 7);
	/* A lone surrogate becomes U+FFFD. */
	assert_string_equal(progress_event(p, 2)->lesson, "\xef\xbf\xbdx");
	progress_close(p);
	free(all);
	free(path);
}

/*
 * Garbage of every kind among good records, and good records with one byte
 * changed: the log always opens, holding exactly the untouched records in
 * order, with a bounded list of warnings.
 */
static void
test_fuzz(void **state)
{
	struct progress	*p;
	char		*path = path_of("progress.log"), *good, *buf, *rec;
	unsigned	*want;
	size_t		 len, glen, n, k, nwant, round, j;
	const char	*nl;

	(void)state;
	write_numbered(path, 40);
	good = slurp(path, &glen);
	srand(20250601);
	want = xcalloc(40, sizeof *want);
	for (round = 0; round < 300; round++) {
		buf = xmalloc(glen * 2 + 40 * 64);
		len = 0;
		nwant = 0;
		rec = good;
		for (k = 0; k < 40; k++) {
			nl = strchr(rec, '\n');
			n = (size_t)(nl - rec) + 1;
			memcpy(buf + len, rec, n);
			/* Change a byte of a record (not the last, whose
			 * newline must stay), or keep it. */
			if (k < 39 && rand() % 4 == 0) {
				j = (size_t)rand() % n;
				buf[len + j] = (char)(buf[len + j] ^
				    (1 + rand() % 255));
				/* A changed newline joins two lines: the
				 * next record is still found. */
			} else
				want[nwant++] = (unsigned)k;
			len += n;
			if (rand() % 5 == 0) {
				/* A line of random bytes. */
				n = (size_t)rand() % 60;
				for (j = 0; j < n; j++) {
					buf[len] = (char)(rand() % 256);
					if (buf[len] != '\n')
						len++;
				}
				buf[len++] = '\n';
			}
			rec += (size_t)(nl - rec) + 1;
		}
		spit(path, buf, len);
		p = open_ok(path);
		assert_numbered(p, want, nwant);
		assert_true(warnings(p, "", NULL) <= 12);
		progress_close(p);
		free(buf);
	}
	free(want);
	free(good);
	free(path);
}

static void
test_empty(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = numbered(0);
	char			*path = path_of("progress.log");

	(void)state;
	spit(path, "", 0);
	p = open_ok(path);
	assert_int_equal(progress_nevents(p), 0);
	assert_int_equal(progress_nlessons(p), 0);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_null(progress_last(p));
	record_ok(p, &ev);
	progress_close(p);
	p = open_ok(path);
	assert_first(p, 1);
	progress_close(p);
	free(path);
}

/* A missing log is empty, is not made by reading, and is made (with its
 * folders, private) by the first record. */
static void
test_missing(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = numbered(0);
	struct stat		 st;
	char			*path = path_of("a/b/progress.log");
	char			*dir = path_of("a/b");

	(void)state;
	p = open_ok(path);
	assert_int_equal(progress_nevents(p), 0);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_string_equal(progress_path(p), path);
	assert_int_equal(stat(dir, &st), -1);
	record_ok(p, &ev);
	progress_close(p);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	p = open_ok(path);
	assert_first(p, 1);
	progress_close(p);
	free(dir);
	free(path);
}

/* The log is the path: when the file is removed after it was opened, the
 * next record makes it again rather than writing to the removed one. */
static void
test_removed(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = numbered(0);
	char			*path = path_of("progress.log");

	(void)state;
	write_numbered(path, 3);
	p = open_ok(path);
	assert_int_equal(unlink(path), 0);
	record_ok(p, &ev);
	progress_close(p);
	p = open_ok(path);
	assert_first(p, 1);
	progress_close(p);
	free(path);
}

/* A folder that cannot be made, and a log that is a folder: clear errors,
 * nothing made. */
static void
test_bad_folder(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = numbered(0);
	char			*path, *cause = NULL, *file = path_of("file");

	(void)state;
	spit(file, "x", 1);
	path = path_of("file/sub/progress.log");
	assert_int_equal(progress_open(path, &p, &cause), -1);
	assert_non_null(strstr(cause, "Not a directory"));
	free(cause);
	free(path);

	/* Found missing when opened; its folder cannot be made later. */
	path = path_of("later/sub/progress.log");
	p = open_ok(path);
	free(path);
	path = path_of("later");
	spit(path, "x", 1);
	cause = NULL;
	assert_int_equal(progress_record(p, &ev, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, "cannot make ") == NULL ||
	    strstr(cause, "later/sub: Not a directory") == NULL)
		fail_msg("unclear error: %s", cause);
	free(cause);
	assert_int_equal(progress_nevents(p), 0);
	progress_close(p);
	free(path);

	path = path_of("dir");
	assert_int_equal(mkdir(path, 0700), 0);
	cause = NULL;
	assert_int_equal(progress_open(path, &p, &cause), -1);
	assert_non_null(strstr(cause, "Is a directory"));
	free(cause);
	free(path);
	cause = NULL;
	assert_int_equal(progress_open("", &p, &cause), -1);
	free(cause);
	free(file);
}

/* A long field goes through whole; one too long for a record is refused
 * and leaves the log as it was. */
static void
test_long_field(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = every[0];
	struct stat		 st;
	char			*path = path_of("progress.log"), *cause = NULL;
	char			*big = xmalloc(70001);
	off_t			 size;

	(void)state;
	memset(big, 'x', 70000);
	big[60000] = '\0';
	ev.lesson = big;
	p = open_ok(path);
	record_ok(p, &ev);
	assert_int_equal(stat(path, &st), 0);
	size = st.st_size;
	big[60000] = 'x';
	big[70000] = '\0';
	assert_int_equal(progress_record(p, &ev, &cause), -1);
	assert_non_null(strstr(cause, "too long"));
	free(cause);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, size);
	ev = numbered(0);
	record_ok(p, &ev);
	progress_close(p);
	p = open_ok(path);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_int_equal(progress_nevents(p), 2);
	assert_int_equal(strlen(progress_event(p, 0)->lesson), 60000);
	assert_int_equal(progress_event(p, 1)->wall_ms, 0);
	progress_close(p);
	free(big);
	free(path);
}

/* Events that cannot be written are refused. */
static void
test_bad_events(void **state)
{
	struct progress		*p;
	struct progress_event	 ev;
	char			*path = path_of("progress.log"), *cause = NULL;
	struct stat		 st;

	(void)state;
	p = open_ok(path);
	ev = every[0];
	ev.track = NULL;
	assert_int_equal(progress_record(p, &ev, &cause), -1);
	free(cause);
	ev = every[0];
	ev.lesson = "";
	assert_int_equal(progress_record(p, &ev, &cause), -1);
	free(cause);
	ev = every[1];
	ev.verdict = PROGRESS_VERDICT__COUNT;
	assert_int_equal(progress_record(p, &ev, &cause), -1);
	free(cause);
	ev = every[0];
	ev.kind = PROGRESS_KIND__COUNT;
	assert_int_equal(progress_record(p, &ev, &cause), -1);
	free(cause);
	progress_close(p);
	assert_int_equal(stat(path, &st), -1);	/* nothing made */
	free(path);
}

/* Writers in four processes at once: every event of each is there, whole. */
static void
test_concurrent(void **state)
{
	struct progress		*p;
	struct progress_event	 ev;
	char			*path = path_of("progress.log"), *cause;
	char			 name[16];
	pid_t			 pids[4];
	int			 i, k, st;

	(void)state;
	for (i = 0; i < 4; i++) {
		if ((pids[i] = fork()) == 0) {
			snprintf(name, sizeof name, "w%d", i);
			p = open_ok(path);
			for (k = 0; k < 50; k++) {
				ev = numbered((unsigned)k);
				ev.lesson = name;
				if (progress_record(p, &ev, &cause) != 0)
					_exit(1);
			}
			progress_close(p);
			_exit(0);
		}
		assert_true(pids[i] > 0);
	}
	for (i = 0; i < 4; i++) {
		assert_int_equal(waitpid(pids[i], &st, 0), pids[i]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	p = open_ok(path);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_int_equal(progress_nevents(p), 200);
	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof name, "w%d", i);
		assert_int_equal(progress_lesson(p, "crash", name)->attempts,
		    50);
	}
	progress_close(p);
	free(path);
}

/*
 * A record half written by a live writer (which holds the lock) is not
 * torn: another process that opens the log, or records to a log it opened
 * before (when opened_first), waits for the lock rather than cutting the
 * record off.
 */
static void
lock_waits(int opened_first)
{
	struct progress		*p;
	struct progress_event	 ev = numbered(1);
	char			*path = path_of("progress.log"), *cause, c;
	char			*line = line_for("{\"v\":1,\"ts\":1,\"ev\":"
				    "\"check\",\"track\":\"crash\","
				    "\"lesson\":\"loop\",\"verdict\":\"fail\","
				    "\"categories\":[\"wrong-output\"],"
				    "\"wall_ms\":0,\"hash\":"
				    "\"0000000000000000\"}");
	size_t			 len = strlen(line);
	pid_t			 pid;
	int			 fd, st, go[2], ready[2];

	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(ready), 0);
	assert_int_not_equal(fd = open(path, O_WRONLY | O_CREAT | O_APPEND,
	    0600), -1);
	if ((pid = fork()) == 0) {
		p = NULL;
		if (opened_first)
			p = open_ok(path);
		if (write(ready[1], "r", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(1);
		if (p == NULL) {
			p = open_ok(path);
			if (progress_nevents(p) != 1)
				_exit(1);
		}
		if (progress_record(p, &ev, &cause) != 0)
			_exit(1);
		progress_close(p);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(read(ready[0], &c, 1), 1);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	assert_int_equal(write(fd, line, 20), 20);
	assert_int_equal(write(go[1], "g", 1), 1);
	usleep(200000);
	assert_int_equal(waitpid(pid, &st, WNOHANG), 0);	/* waiting */
	assert_int_equal(write(fd, line + 20, len - 20), (ssize_t)(len - 20));
	assert_int_equal(flock(fd, LOCK_UN), 0);
	close(fd);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	p = open_ok(path);
	assert_int_equal(warnings(p, "", NULL), 0);
	assert_first(p, 2);
	progress_close(p);
	close(go[0]);
	close(go[1]);
	close(ready[0]);
	close(ready[1]);
	free(line);
	free(path);
}

static void
test_lock_open(void **state)
{
	(void)state;
	lock_waits(0);
}

static void
test_lock_record(void **state)
{
	(void)state;
	lock_waits(1);
}

/* A log that is not a regular file is written but never read: /dev/null
 * takes every event, /dev/full refuses them clearly. */
static void
test_devices(void **state)
{
	struct progress		*p;
	struct progress_event	 ev = numbered(0);
	char			*cause = NULL;

	(void)state;
	p = open_ok("/dev/null");
	record_ok(p, &ev);
	progress_close(p);
	p = open_ok("/dev/full");
	assert_int_equal(progress_record(p, &ev, &cause), -1);
	assert_non_null(strstr(cause, "cannot write /dev/full: No space left "
	    "on device"));
	free(cause);
	assert_int_equal(progress_nevents(p), 0);
	progress_close(p);
}

static void
test_default_path(void **state)
{
	char	*s, *cause = NULL;

	(void)state;
	setenv("GOTUTOR_PROGRESS", "/x/log", 1);
	s = progress_default_path(&cause);
	assert_string_equal(s, "/x/log");
	free(s);
	unsetenv("GOTUTOR_PROGRESS");
	setenv("XDG_DATA_HOME", "/data", 1);
	s = progress_default_path(&cause);
	assert_string_equal(s, "/data/gotutor/progress.log");
	free(s);
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/ann", 1);
	s = progress_default_path(&cause);
	assert_string_equal(s, "/home/ann/.local/share/gotutor/progress.log");
	free(s);
	unsetenv("XDG_DATA_HOME");
	s = progress_default_path(&cause);
	assert_string_equal(s, "/home/ann/.local/share/gotutor/progress.log");
	free(s);
	unsetenv("HOME");
	assert_null(progress_default_path(&cause));
	assert_non_null(cause);
	free(cause);
}

/* The hash of a file is that of its bytes; of a folder, that of its .go
 * files by name, and nothing else in it. */
static void
test_hash_code(void **state)
{
	uint64_t	 h, h2, want;
	char		*dir = path_of("pkg"), *f, *cause = NULL;

	(void)state;
	assert_int_equal(mkdir(dir, 0700), 0);
	f = path_of("pkg/main.go");
	spit(f, "package main\n", 13);
	assert_int_equal(progress_hash_code(f, &h, &cause), 0);
	assert_int_equal(h, progress_fnv1a(PROGRESS_FNV_OFFSET,
	    "package main\n", 13));
	free(f);
	f = path_of("pkg/a.go");
	spit(f, "package main\n//a\n", 17);
	free(f);
	f = path_of("pkg/.hidden.go");
	spit(f, "junk", 4);
	free(f);
	f = path_of("pkg/notes.txt");
	spit(f, "junk", 4);
	assert_int_equal(progress_hash_code(dir, &h, &cause), 0);
	want = progress_fnv1a(PROGRESS_FNV_OFFSET, "a.go\0" "17\0"
	    "package main\n//a\n", 5 + 3 + 17);
	want = progress_fnv1a(want, "main.go\0" "13\0" "package main\n",
	    8 + 3 + 13);
	assert_int_equal(h, want);
	spit(f, "other", 5);		/* notes.txt does not count */
	assert_int_equal(progress_hash_code(dir, &h2, &cause), 0);
	assert_int_equal(h2, h);
	free(f);
	f = path_of("pkg/a.go");
	spit(f, "package main\n//b\n", 17);
	assert_int_equal(progress_hash_code(dir, &h2, &cause), 0);
	assert_int_not_equal(h2, h);
	free(f);
	f = path_of("none.go");
	assert_int_equal(progress_hash_code(f, &h, &cause), -1);
	assert_non_null(strstr(cause, "cannot open"));
	free(cause);
	free(f);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnv),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_doc_example, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_now, setup, teardown),
		cmocka_unit_test_setup_teardown(test_derived, setup, teardown),
		cmocka_unit_test_setup_teardown(test_torn_last, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_torn_while_open, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_torn_then_appended, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_middle, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unknown_fields, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fuzz, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_folder, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_long_field, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_events, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_concurrent, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lock_open, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lock_record, setup,
		    teardown),
		cmocka_unit_test(test_devices),
		cmocka_unit_test_setup_teardown(test_hash_code, setup,
		    teardown),
		cmocka_unit_test(test_default_path),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
