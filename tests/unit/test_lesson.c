/* test_lesson: the model's parsers and names, suggestions, problem lists. */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lesson.h"
#include "problem.h"
#include "suggest.h"

static void
test_goversion(void **state)
{
	struct goversion	 a, b;
	char			*s;

	(void)state;
	assert_int_equal(goversion_parse("1.21", &a), 0);
	assert_int_equal(a.major, 1);
	assert_int_equal(a.minor, 21);
	assert_int_equal(a.patch, 0);
	assert_int_equal(goversion_parse("1.22.3", &b), 0);
	assert_int_equal(b.patch, 3);
	assert_true(goversion_cmp(&a, &b) < 0);
	assert_true(goversion_cmp(&b, &a) > 0);
	assert_int_equal(goversion_cmp(&a, &a), 0);
	s = goversion_string(&b);
	assert_string_equal(s, "1.22.3");
	free(s);
	s = goversion_string(&a);
	assert_string_equal(s, "1.21");
	free(s);

	assert_int_equal(goversion_parse("1.20", &a), 0);
	assert_int_equal(a.minor, 20);
	assert_int_equal(goversion_parse("", &a), -1);
	assert_int_equal(goversion_parse("1", &a), -1);
	assert_int_equal(goversion_parse("1.", &a), -1);
	assert_int_equal(goversion_parse("2.0", &a), -1);
	assert_int_equal(goversion_parse("go1.21", &a), -1);
	assert_int_equal(goversion_parse("1.21.", &a), -1);
	assert_int_equal(goversion_parse("1.21.0.1", &a), -1);
	assert_int_equal(goversion_parse("1.21rc1", &a), -1);
	assert_int_equal(goversion_parse("1.9999999999", &a), -1);
}

static void
test_duration(void **state)
{
	unsigned	ms;

	(void)state;
	assert_int_equal(duration_parse("250ms", &ms), 0);
	assert_int_equal(ms, 250);
	assert_int_equal(duration_parse("2s", &ms), 0);
	assert_int_equal(ms, 2000);
	assert_int_equal(duration_parse("1.5s", &ms), 0);
	assert_int_equal(ms, 1500);
	assert_int_equal(duration_parse("0.125s", &ms), 0);
	assert_int_equal(ms, 125);
	assert_int_equal(duration_parse("2", &ms), -1);
	assert_int_equal(duration_parse("s", &ms), -1);
	assert_int_equal(duration_parse("1.5ms", &ms), -1);
	assert_int_equal(duration_parse("0.0001s", &ms), -1);
	assert_int_equal(duration_parse("2 s", &ms), -1);
	assert_int_equal(duration_parse("-1s", &ms), -1);
	assert_int_equal(duration_parse("1.s", &ms), -1);
	assert_int_equal(duration_parse("90000s", &ms), -1);
	assert_int_equal(duration_parse("2m", &ms), -1);
}

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(CAT__COUNT, 15);
	assert_string_equal(category_names[CAT_GOROUTINE_LEAK],
	    "goroutine-leak");
	assert_int_equal(names_find(category_names, CAT__COUNT,
	    "sandbox-violation"), CAT_SANDBOX_VIOLATION);
	assert_int_equal(names_find(category_names, CAT__COUNT, "leak"), -1);
	assert_int_equal(names_find(lang_names, LANG__COUNT, "python"),
	    LANG_PYTHON);
}

static void
test_suggest(void **state)
{
	static const char *const keys[] = { "prompt", "files", "stdin", "args",
	    "timeout", "expect", "hints", "solution", "wrong" };
	const size_t	n = sizeof keys / sizeof keys[0];

	(void)state;
	assert_string_equal(suggest("hnits", keys, n), "hints");
	assert_string_equal(suggest("promt", keys, n), "prompt");
	assert_string_equal(suggest("expects", keys, n), "expect");
	assert_string_equal(suggest("solutoin", keys, n), "solution");
	assert_null(suggest("banana", keys, n));
	assert_null(suggest("", keys, n));
	assert_null(suggest("ab", keys, n));
}

static void
test_problems(void **state)
{
	struct problems	 pb;
	char		*s;

	(void)state;
	problems_init(&pb);
	problems_add(&pb, "b.yaml", 1, 1, "third");
	problems_add(&pb, "a.yaml", 9, 2, "second");
	problems_add(&pb, "a.yaml", 3, 7, "first %d", 1);
	problems_add(&pb, "a.yaml", 9, 2, "second, added later");
	problems_add(&pb, "a.yaml", 0, 5, "whole file");
	problems_sort(&pb);
	s = problem_format(&pb.v[0]);
	assert_string_equal(s, "a.yaml: whole file");
	free(s);
	s = problem_format(&pb.v[1]);
	assert_string_equal(s, "a.yaml:3:7: first 1");
	free(s);
	assert_string_equal(pb.v[2].msg, "second");
	assert_string_equal(pb.v[3].msg, "second, added later");
	assert_string_equal(pb.v[4].file, "b.yaml");
	problems_free(&pb);
	assert_int_equal(pb.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_goversion),
		cmocka_unit_test(test_duration),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_problems),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
