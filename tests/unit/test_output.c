/* test_output: the JSON writer and the diagnosis of build and run output. */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diagnose.h"
#include "expect.h"
#include "json.h"

/* Write with fn into memory and return the text; the caller frees. */
static char *
capture(void (*fn)(struct json *))
{
	struct json	 j;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*f = open_memstream(&buf, &len);

	json_init(&j, f);
	fn(&j);
	fclose(f);
	return (buf);
}

static void
write_doc(struct json *j)
{
	json_object(j);
	json_key(j, "s");
	json_bytes(j, "a\"b\\c\n\t\x01\xff\xc3\xa9", 11);
	json_key(j, "n");
	json_int(j, -3);
	json_key(j, "list");
	json_array(j);
	json_bool(j, 1);
	json_null(j);
	json_end(j, ']');
	json_key(j, "empty");
	json_array(j);
	json_end(j, ']');
	json_end(j, '}');
}

static void
test_json(void **state)
{
	char	*s;

	(void)state;
	s = capture(write_doc);
	assert_string_equal(s,
	    "{\n"
	    "  \"s\": \"a\\\"b\\\\c\\n\\t\\u0001\\ufffd\xc3\xa9\",\n"
	    "  \"n\": -3,\n"
	    "  \"list\": [\n"
	    "    true,\n"
	    "    null\n"
	    "  ],\n"
	    "  \"empty\": []\n"
	    "}\n");
	free(s);
}

/* Bytes that are not strict UTF-8 become U+FFFD, so that every JSON
 * reader (gotutor's own included) takes what json_bytes writes. */
static void
write_bad_utf8(struct json *j)
{
	static const char bad[] = "\xe0\x80\x80|\xed\xa0\x80|\xf0\x80\x80\x80|"
	    "\xf4\x90\x80\x80|\xff\x80\x80|\xf0\x9f\x99\x82";

	json_bytes(j, bad, sizeof bad - 1);
}

static void
test_json_strict_utf8(void **state)
{
	char	*s;

	(void)state;
	s = capture(write_bad_utf8);
	/* Each bad lead byte is replaced, then its continuation bytes one
	 * by one; the last, U+1F642, is valid and kept. */
	assert_string_equal(s, "\"\\ufffd\\ufffd\\ufffd|\\ufffd\\ufffd\\ufffd|"
	    "\\ufffd\\ufffd\\ufffd\\ufffd|\\ufffd\\ufffd\\ufffd\\ufffd|"
	    "\\ufffd\\ufffd\\ufffd|\xf0\x9f\x99\x82\"");
	free(s);
}

static void
test_build_errors(void **state)
{
	static const char out[] =
	    "# play\n"
	    "./main.go:5:2: undefined: x\n"
	    "./util.go:12:10: declared and not used: y\n";
	struct findings	fs = { NULL, 0 };

	(void)state;
	diagnose_build(&fs, out, sizeof out - 1);
	assert_int_equal(fs.n, 2);
	assert_int_equal(fs.v[0].category, CAT_COMPILE_ERROR);
	assert_string_equal(fs.v[0].file, "main.go");
	assert_int_equal(fs.v[0].line, 5);
	assert_string_equal(fs.v[0].message, "undefined: x");
	assert_string_equal(fs.v[1].file, "util.go");
	assert_int_equal(fs.v[1].line, 12);
	findings_free(&fs);

	/* Output with no position still gives one finding. */
	diagnose_build(&fs, "go: go.mod requires go >= 1.99\n", 31);
	assert_int_equal(fs.n, 1);
	assert_null(fs.v[0].file);
	findings_free(&fs);
}

static void
test_run_timeout(void **state)
{
	static char err[] =
	    "SIGQUIT: quit\n"
	    "PC=0x47a741 m=0 sigcode=0\n\n"
	    "goroutine 1 gp=0xc000002380 m=0 mp=0x525660 [running]:\n"
	    "runtime.gopark(...)\n"
	    "\truntime/proc.go:435 +0xce fp=0xc fp=0xc\n"
	    "main.spin()\n"
	    "\tplay/main.go:9 +0x1 fp=0x1a3906ea0748 sp=0x1a3906ea0740 "
	    "pc=0x47a741\n"
	    "main.main()\n"
	    "\tplay/main.go:14 +0x1d\n";
	struct jail_result	r;
	struct findings		fs = { NULL, 0 };

	(void)state;
	memset(&r, 0, sizeof r);
	r.verdict = JAIL_TIMEOUT;
	r.wall_ms = 2003;
	r.err = err;
	r.err_len = sizeof err - 1;
	diagnose_run(&fs, &r, "play");
	assert_int_equal(fs.n, 1);
	assert_int_equal(fs.v[0].category, CAT_TIMEOUT);
	assert_string_equal(fs.v[0].file, "main.go");
	assert_int_equal(fs.v[0].line, 9);
	findings_free(&fs);

	/* Another module's frames are not the learner's. */
	diagnose_run(&fs, &r, "other");
	assert_int_equal(fs.n, 1);
	assert_null(fs.v[0].file);
	findings_free(&fs);

	/* A clean exit has nothing to say. */
	r.verdict = JAIL_OK;
	diagnose_run(&fs, &r, "play");
	assert_int_equal(fs.n, 0);
}

static void
test_run_violation(void **state)
{
	static char err[] =
	    "SIGSYS: bad system call\n"
	    "goroutine 1 gp=0x1 m=0 mp=0x2 [running]:\n"
	    "syscall.Kill(0x4cf888?, 0x62af02be040?)\n"
	    "\tsyscall/zsyscall_linux_amd64.go:605 +0x3b\n"
	    "main.main()\n"
	    "\tplay/killp.go:11 +0xae fp=0x3 sp=0x3 pc=0x4\n";
	struct jail_result	r;
	struct findings		fs = { NULL, 0 };

	(void)state;
	memset(&r, 0, sizeof r);
	r.verdict = JAIL_VIOLATION;
	r.violation = "kill";
	r.err = err;
	r.err_len = sizeof err - 1;
	diagnose_run(&fs, &r, "play");
	assert_int_equal(fs.n, 1);
	assert_int_equal(fs.v[0].category, CAT_SANDBOX_VIOLATION);
	assert_string_equal(fs.v[0].file, "killp.go");
	assert_int_equal(fs.v[0].line, 11);
	assert_non_null(strstr(fs.v[0].message, "called kill"));
	findings_free(&fs);
}

/* Check one comparison: its result, and a substring of its reason. */
static void
check(enum match mode, const char *want, const char *got, int result,
    const char *why)
{
	char	*w;
	int	 r;

	r = expect_output(mode, want, got, strlen(got), &w);
	if (r != result)
		fail_msg("%s: want %s, got %s: %d, want %d", match_names[mode],
		    want, got, r, result);
	if (why == NULL)
		assert_null(w);
	else if (w == NULL || strstr(w, why) == NULL)
		fail_msg("%s: reason \"%s\" lacks \"%s\"", match_names[mode],
		    w != NULL ? w : "(none)", why);
	free(w);
}

static void
test_expect(void **state)
{
	(void)state;
	check(MATCH_EXACT, "a\nb\n", "a\nb\n", 1, NULL);
	check(MATCH_EXACT, "a\nb\n", "a\nb", 0, "");
	check(MATCH_EXACT, "a\n", "a \n", 0, "");
	check(MATCH_TRIMMED, "a\nb\n", "a  \nb\t\n\n\n", 1, NULL);
	check(MATCH_TRIMMED, "a\nb\n", "a\nc\n", 0, "-b\n+c\n");
	check(MATCH_TRIMMED, "", "", 1, NULL);
	check(MATCH_TRIMMED, "x\n", "", 0, "-x");
	check(MATCH_LINES, "1\n2\n3\n", "3\n1\n2\n", 1, NULL);
	check(MATCH_LINES, "1\n2\n2\n", "2\n1\n1\n", 0, "");
	check(MATCH_LINES, "1\n2\n", "1\n2\n3\n", 0, "+3");
	check(MATCH_CONTAINS, "needle", "hay needle hay", 1, NULL);
	check(MATCH_CONTAINS, "needle", "hay", 0, "does not contain");
	check(MATCH_REGEX, "took \\d+ms\n", "took 12ms\n", 1, NULL);
	check(MATCH_REGEX, "took \\d+ms", "took 12ms\nmore", 0,
	    "does not match");
	check(MATCH_REGEX, "(?s)a.*z", "a\nb\nz", 1, NULL);
	check(MATCH_REGEX, "(", "x", -1, "invalid regular expression");
}

static void
test_diff(void **state)
{
	char	*d;

	(void)state;
	d = expect_diff("a\nb\nc\n", "a\nB\nc\nd\n", 8);
	assert_string_equal(d, " a\n-b\n+B\n c\n+d\n");
	free(d);
	d = expect_diff("", "x\n", 2);
	assert_string_equal(d, "+x\n");
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_strict_utf8),
		cmocka_unit_test(test_build_errors),
		cmocka_unit_test(test_run_timeout),
		cmocka_unit_test(test_run_violation),
		cmocka_unit_test(test_expect),
		cmocka_unit_test(test_diff),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
