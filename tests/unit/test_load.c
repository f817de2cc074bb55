/* test_load: the loader on valid fixtures and on one fixture per error. */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lesson.h"
#include "load.h"
#include "problem.h"
#include "xmalloc.h"

/* Strip the fixtures folder from a formatted problem. */
static char *
relative(const struct problem *p)
{
	char	*s = problem_format(p), *r;
	size_t	 n = strlen(FIXTURES "/");

	if (strncmp(s, FIXTURES "/", n) != 0)
		return (s);
	r = xstrdup(s + n);
	free(s);
	return (r);
}

/* Check that pb holds exactly the problems in want, in order. */
static void
assert_problems(struct problems *pb, const char *const *want)
{
	size_t	 i, n;
	char	*got;

	problems_sort(pb);
	for (n = 0; want[n] != NULL; n++)
		;
	for (i = 0; i < pb->n; i++) {
		got = relative(&pb->v[i]);
		if (i >= n)
			fail_msg("unexpected problem: %s", got);
		assert_string_equal(got, want[i]);
		free(got);
	}
	if (pb->n != n)
		fail_msg("missing problem: %s", want[pb->n]);
}

/* Load one lesson fixture; it must fail with exactly the problems given. */
static void
check_lesson(const char *name, ...)
{
	struct problems	 pb;
	struct lesson	*l;
	const char	*want[16], *s;
	char		*path;
	size_t		 n = 0;
	va_list		 ap;

	va_start(ap, name);
	while ((s = va_arg(ap, const char *)) != NULL && n < 15)
		want[n++] = s;
	va_end(ap);
	want[n] = NULL;

	problems_init(&pb);
	path = xasprintf("%s/lesson/%s", FIXTURES, name);
	l = load_lesson_file(path, &pb);
	assert_null(l);
	assert_problems(&pb, want);
	problems_free(&pb);
	free(path);
}

/* Load a track fixture and check its problems; return its lesson count. */
static size_t
check_track(const char *name, const char *const *want)
{
	struct library	 lib = { NULL, 0 };
	struct problems	 pb;
	char		*path;
	size_t		 n = 0;

	problems_init(&pb);
	path = xasprintf("%s/%s", FIXTURES, name);
	assert_int_equal(load_path(&lib, path, &pb), 1);
	assert_problems(&pb, want);
	if (lib.ntracks == 1)
		n = lib.tracks[0]->nlessons;
	library_free(&lib);
	problems_free(&pb);
	free(path);
	return (n);
}

static void
test_valid_track(void **state)
{
	static const char *const none[] = { NULL };
	struct library	 lib = { NULL, 0 };
	struct problems	 pb;
	struct track	*t;
	struct lesson	*l;
	struct exercise	*ex;

	(void)state;
	problems_init(&pb);
	assert_int_equal(load_path(&lib, FIXTURES "/valid", &pb), 1);
	assert_problems(&pb, none);
	assert_int_equal(lib.ntracks, 1);
	t = lib.tracks[0];
	assert_string_equal(t->id, "fixture");
	assert_int_equal(t->from, LANG_JAVA);
	assert_int_equal(t->nlessons, 2);
	assert_int_equal(t->traps.n, 1);
	assert_string_equal(t->traps.v[0].pattern, "\\bSystem\\.out\\.print");

	/* Teaching order is the list's, not the files'. */
	assert_string_equal(t->lessons[0]->id, "hello");
	l = t->lessons[1];
	assert_string_equal(l->id, "sum-lines");
	assert_int_equal(l->id_pos.line, 2);
	assert_int_equal(l->concepts,
	    (1u << CONCEPT_ERRORS) | (1u << CONCEPT_COLLECTIONS));
	assert_int_equal(l->min_go.minor, 22);
	assert_int_equal(l->min_go.patch, 3);
	assert_string_equal(l->idiom.output, "3\n");

	ex = &l->exercise;
	assert_int_equal(ex->files.n, 3);
	assert_string_equal(ex->files.v[1].path, "go.mod");
	assert_string_equal(ex->files.v[2].path, "data/extra.txt");
	assert_string_equal(ex->files.v[2].text, "");
	assert_string_equal(ex->stdin_text, "1\n2\n");
	assert_int_equal(ex->nargs, 2);
	assert_string_equal(ex->args[0], "--verbose");
	assert_string_equal(ex->args[1], "");
	assert_int_equal(ex->timeout_ms, 2500);
	assert_int_equal(ex->expect.match, MATCH_REGEX);
	assert_string_equal(ex->expect.output, "\\A3\\n\\z");
	assert_int_equal(ex->expect.max_wall_ms, 500);
	assert_int_equal(ex->expect.detectors, CAT_DETECTORS);
	assert_int_equal(ex->nhints, 1);
	assert_int_equal(ex->nwrong, 1);
	assert_int_equal(ex->wrong[0].diagnosis, CAT_IGNORED_ERROR);
	assert_int_equal(l->traps.n, 1);

	/* Defaults. */
	ex = &t->lessons[0]->exercise;
	assert_int_equal(ex->timeout_ms, EXERCISE_DEFAULT_TIMEOUT_MS);
	assert_int_equal(ex->expect.match, MATCH_TRIMMED);
	assert_int_equal(ex->expect.exit_code, 0);
	assert_int_equal(ex->expect.detectors, 0);
	assert_string_equal(ex->stdin_text != NULL ? ex->stdin_text : "", "");
	assert_int_equal(ex->wrong[0].diagnosis, CAT_WRONG_OUTPUT);

	library_free(&lib);
	problems_free(&pb);
}

static void
test_syntax(void **state)
{
	(void)state;
	check_lesson("syntax.yaml", "lesson/syntax.yaml:3:13: YAML syntax "
	    "error: mapping values are not allowed in this context", NULL);
}

static void
test_unknown_key(void **state)
{
	(void)state;
	check_lesson("unknown-key.yaml",
	    "lesson/unknown-key.yaml:28:3: missing required key \"hints\" in "
	    "exercise",
	    "lesson/unknown-key.yaml:39:3: unknown key \"hnits\" in exercise "
	    "(did you mean \"hints\"?)", NULL);
}

static void
test_missing_field(void **state)
{
	(void)state;
	check_lesson("missing-field.yaml", "lesson/missing-field.yaml:2:1: "
	    "missing required key \"title\" in the lesson", NULL);
}

static void
test_wrong_type(void **state)
{
	(void)state;
	check_lesson("wrong-type.yaml", "lesson/wrong-type.yaml:39:10: "
	    "\"hints\" must be a list, not text", NULL);
}

static void
test_bad_regex(void **state)
{
	(void)state;
	/* Column 26 is offset 11 inside the quoted pattern at column 14. */
	check_lesson("bad-regex.yaml", "lesson/bad-regex.yaml:26:26: invalid "
	    "regular expression at offset 11: missing closing parenthesis",
	    NULL);
}

static void
test_unknown_concept(void **state)
{
	(void)state;
	check_lesson("unknown-concept.yaml", "lesson/unknown-concept.yaml:4:12: "
	    "unknown concept \"basic\" (did you mean \"basics\"?)", NULL);
}

static void
test_unknown_category(void **state)
{
	(void)state;
	check_lesson("unknown-category.yaml",
	    "lesson/unknown-category.yaml:53:18: unknown category "
	    "\"wrong-ouptut\" (did you mean \"wrong-output\"?)", NULL);
}

static void
test_bad_version(void **state)
{
	(void)state;
	check_lesson("bad-version.yaml", "lesson/bad-version.yaml:5:9: "
	    "malformed Go version \"1.x\": use 1.N or 1.N.P, such as \"1.21\"",
	    NULL);
}

static void
test_duplicate_key(void **state)
{
	(void)state;
	check_lesson("duplicate-key.yaml", "lesson/duplicate-key.yaml:5:1: "
	    "duplicate key \"title\" (first at line 3)", NULL);
}

static void
test_alias(void **state)
{
	(void)state;
	check_lesson("alias.yaml", "lesson/alias.yaml:41:7: aliases (*h) are "
	    "not supported: write the text out", NULL);
}

static void
test_values(void **state)
{
	(void)state;
	check_lesson("bad-duration.yaml", "lesson/bad-duration.yaml:36:12: "
	    "malformed duration for \"timeout\": use a number and ms or s, "
	    "such as 500ms or 2s", NULL);
	check_lesson("bad-file-name.yaml", "lesson/bad-file-name.yaml:31:5: "
	    "bad file name \"../main.go\": use a relative path of letters, "
	    "digits, '.', '_', '-' and '/', with no part starting with a dot",
	    NULL);
	check_lesson("bad-exit-code.yaml", "lesson/bad-exit-code.yaml:39:16: "
	    "\"exit-code\" must be a whole number from 0 to 255", NULL);
	check_lesson("bad-match.yaml",
	    "lesson/bad-match.yaml:39:12: unknown match mode \"exactly\" "
	    "(did you mean \"exact\"?)",
	    "lesson/bad-match.yaml:40:15: \"max-wall\" must be below the "
	    "timeout (10000ms)", NULL);
	check_lesson("bad-detector.yaml",
	    "lesson/bad-detector.yaml:39:17: \"panic\" cannot be listed in "
	    "detectors: it always fails the lesson (the detectors are vet, "
	    "ignored-error, goroutine-leak, data-race and idiom-trap)",
	    "lesson/bad-detector.yaml:39:24: unknown detector "
	    "\"goroutine-leek\" (did you mean \"goroutine-leak\"?)", NULL);
	check_lesson("bad-id.yaml", "lesson/bad-id.yaml:2:5: malformed id "
	    "\"Hello World\": use lowercase letters, digits and dashes, at "
	    "most 64, such as \"errors-are-values\"", NULL);
	check_lesson("nul-byte.yaml", "lesson/nul-byte.yaml:3:8: \"title\" "
	    "holds a NUL byte", NULL);
}

static void
test_documents(void **state)
{
	(void)state;
	check_lesson("empty.yaml", "lesson/empty.yaml: the file is empty: a "
	    "lesson needs id, title, concepts, min-go, idiom, explanation and "
	    "exercise", NULL);
	check_lesson("two-documents.yaml", "lesson/two-documents.yaml:63:1: a "
	    "lesson file holds one YAML document, and this starts a second",
	    NULL);
	check_lesson("not-a-mapping.yaml", "lesson/not-a-mapping.yaml:2:1: a "
	    "lesson file must be a mapping of keys to values, not a list",
	    NULL);
	check_lesson("too-deep.yaml", "lesson/too-deep.yaml:2:36: nesting is "
	    "deeper than 32 levels", NULL);
	check_lesson("bad-utf8.yaml", "lesson/bad-utf8.yaml:3:11: not valid "
	    "UTF-8 text: incomplete UTF-8 octet sequence (byte 56)", NULL);
}

static void
test_duplicate_lesson_id(void **state)
{
	static const char *const want[] = {
		"track-duplicate-id/hello.yaml:1:5: duplicate lesson id "
		"\"hello\" (also in " FIXTURES
		"/track-duplicate-id/hello-again.yaml:1:5)",
		NULL
	};

	(void)state;
	assert_int_equal(check_track("track-duplicate-id", want), 1);
}

static void
test_missing_lesson(void **state)
{
	static const char *const want[] = {
		"track-missing-lesson/hello.yaml:1:5: lesson \"hello\" is not "
		"listed in " FIXTURES "/track-missing-lesson/track.yaml",
		"track-missing-lesson/track.yaml:7:5: no lesson \"helo\" in "
		FIXTURES "/track-missing-lesson (did you mean \"hello\"?)",
		NULL
	};

	(void)state;
	assert_int_equal(check_track("track-missing-lesson", want), 0);
}

static void
test_track_fields(void **state)
{
	static const char *const want[] = {
		"track-bad-fields/track.yaml:4:7: unknown language "
		"\"javascript\" (use one of: java, python)",
		"track-bad-fields/track.yaml:8:5: lesson \"hello\" is listed "
		"twice (first at line 7)",
		"track-bad-fields/track.yaml:10:22: invalid regular expression "
		"at offset 7: syntax error in subpattern name (missing "
		"terminator?)",
		"track-bad-fields/track.yaml:12:5: missing required key "
		"\"pattern\" in a trap",
		NULL
	};

	(void)state;
	assert_int_equal(check_track("track-bad-fields", want), 1);
}

/* Buffers that are not files: the loader must never crash on them. */
static void
test_buffers(void **state)
{
	static const char *const inputs[] = {
		"", "~", "- a", "id: [", "id: !!binary aGk=", "? [a]\n: b",
		"id: x\nid: y\n", "\xef\xbb\xbfid: x", "{a: {b: {c: d}}}",
		"&a x", "*a", "%YAML 1.1\n---\nid: x\n", "exercise: {wrong: []}",
		"exercise: {files: {}}", "concepts: []\nmin-go: 2.0\n",
	};
	struct problems	 pb;
	struct lesson	*l;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		problems_init(&pb);
		l = load_lesson_buffer("buf.yaml", inputs[i], strlen(inputs[i]),
		    &pb);
		assert_null(l);
		assert_true(pb.n > 0);
		problems_free(&pb);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_track),
		cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_missing_field),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_bad_regex),
		cmocka_unit_test(test_unknown_concept),
		cmocka_unit_test(test_unknown_category),
		cmocka_unit_test(test_bad_version),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_duplicate_lesson_id),
		cmocka_unit_test(test_missing_lesson),
		cmocka_unit_test(test_track_fields),
		cmocka_unit_test(test_buffers),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
