/* test_crash: the diagnosis of real runtime output, Go 1.21 and 1.26, from
 * the corpus in tests/diagnose/outputs. */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diagnose.h"
#include "load.h"
#include "xmalloc.h"

struct want {
	const char	*name;
	enum category	 category;
	unsigned	 line;		/* 0: no learner line */
	const char	*message;	/* a substring of the finding's */
	const char	*explains;	/* a substring of its explanation */
};

static const struct want wants[] = {
	{ "nil-map-write", CAT_PANIC, 9, "assignment to entry in nil map",
	  "make(map[K]V)" },
	{ "nil-pointer", CAT_PANIC, 14, "nil pointer dereference",
	  "NullPointerException" },
	{ "index-out-of-range", CAT_PANIC, 10, "index out of range",
	  "IndexError" },
	{ "slice-out-of-range", CAT_PANIC, 10, "slice bounds out of range",
	  "len(s)" },
	{ "divide-by-zero", CAT_PANIC, 12, "integer divide by zero",
	  "ZeroDivisionError" },
	{ "type-assertion", CAT_PANIC, 9, "interface conversion",
	  "ClassCastException" },
	{ "close-closed-channel", CAT_PANIC, 10, "close of closed channel",
	  "closed once" },
	{ "close-nil-channel", CAT_PANIC, 9, "close of nil channel",
	  "closed once" },
	{ "send-on-closed-channel", CAT_PANIC, 10, "send on closed channel",
	  "Only the sender closes" },
	{ "negative-waitgroup", CAT_PANIC, 14, "negative WaitGroup counter",
	  "CountDownLatch" },
	{ "unlock-unlocked-mutex", CAT_PANIC, 14, "unlock of unlocked mutex",
	  "defer mu.Unlock()" },
	{ "deadlock-all-asleep", CAT_DEADLOCK, 9, "deadlock", "blocked" },
	{ "deadlock-waitgroup", CAT_DEADLOCK, 16, "deadlock", "blocked" },
	{ "goexit-deadlock", CAT_DEADLOCK, 0, "runtime.Goexit", "Goexit" },
	{ "concurrent-map-writes", CAT_DATA_RACE, 18, "concurrent map",
	  "ConcurrentModificationException" },
	{ "stack-overflow", CAT_PANIC, 7, "stack", "StackOverflowError" },
	{ "custom-panic-error", CAT_PANIC, 19, "", "not throw" },
	{ "custom-panic-value", CAT_PANIC, 19, "", "not throw" },
	{ "panic-in-goroutine", CAT_PANIC, 13, "job failed",
	  "kills the whole program" },
	{ "recovered-repanic", CAT_PANIC, 11, "nil map", "make(map[K]V)" },
	{ "race-counter", CAT_DATA_RACE, 17, "data race", "sync.Mutex" },
	{ "race-map-read-write", CAT_DATA_RACE, 16, "data race",
	  "sync.Mutex" },
};

static const char *const versions[] = { "go1.21", "go1.26" };

/* Read a corpus file; the caller frees. */
static char *
slurp(const char *name, const char *version, size_t *len)
{
	char	*path, *buf;
	FILE	*f;
	long	 n;

	path = xasprintf("%s/%s%s.%s.txt", CORPUS, strncmp(name, "leak_", 5) ==
	    0 ? "../leaks/" : "", name, version);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	free(path);
	return (buf);
}

static void
test_corpus(void **state)
{
	struct findings	 fs = { NULL, 0 };
	const struct want *w;
	char		*err;
	size_t		 i, v, len;

	(void)state;
	for (i = 0; i < sizeof wants / sizeof wants[0]; i++) {
		w = &wants[i];
		for (v = 0; v < 2; v++) {
			err = slurp(w->name, versions[v], &len);
			diagnose_crash(&fs, err, len, "play");
			if (fs.n != 1)
				fail_msg("%s %s: %zu findings", w->name,
				    versions[v], fs.n);
			if (fs.v[0].category != w->category)
				fail_msg("%s %s: category %d", w->name,
				    versions[v], fs.v[0].category);
			if (w->line == 0 ? fs.v[0].file != NULL :
			    fs.v[0].file == NULL || fs.v[0].line != w->line)
				fail_msg("%s %s: line %u, want %u", w->name,
				    versions[v], fs.v[0].line, w->line);
			if (strstr(fs.v[0].message, w->message) == NULL)
				fail_msg("%s %s: message \"%s\"", w->name,
				    versions[v], fs.v[0].message);
			if (fs.v[0].explanation == NULL ||
			    strstr(fs.v[0].explanation, w->explains) == NULL)
				fail_msg("%s %s: explanation \"%s\"", w->name,
				    versions[v], fs.v[0].explanation);
			findings_free(&fs);
			free(err);
		}
	}
}

/* Clean runs and timeout dumps are not crashes. */
static void
test_not_crashes(void **state)
{
	static const char *const names[] = { "race-free", "sigquit-blocked",
	    "sigquit-busy", "sigquit-sleep" };
	struct findings	fs = { NULL, 0 };
	char		*err;
	size_t		 i, v, len;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		for (v = 0; v < 2; v++) {
			err = slurp(names[i], versions[v], &len);
			diagnose_crash(&fs, err, len, "play");
			if (fs.n != 0)
				fail_msg("%s %s: %zu findings", names[i],
				    versions[v], fs.n);
			free(err);
		}
	}
}

/* Compiler errors Java and Python developers meet, each explained. */
static const struct {
	const char	*name;
	unsigned	 line;
	const char	*explains;
} compile_wants[] = {
	{ "unused_var", 4, "refuses unused variables" },
	{ "unused_import", 3, "refuses unused imports" },
	{ "missing_return", 7, "return on every path" },
	{ "cannot_use", 4, "converts nothing implicitly" },
	{ "mismatched", 5, "never widens" },
	{ "nonbool", 5, "no truthiness" },
	{ "undefined_method", 7, "no such field or method" },
	{ "outside_func", 3, "runs nothing at top level" },
	{ "no_new_vars", 5, ":= declares" },
	{ "brace_newline", 4, "same line" },
	{ "if_brace", 4, "same line" },
	{ "else_newline", 6, "} else {" },
	{ "while", 5, NULL },
	{ "self", 5, "no self or this" },
	{ "none", 4, "null is nil" },
	{ "null", 4, "null is nil" },
	{ "assign_mismatch", 6, "n, err := strconv.Atoi(s)" },
	{ "not_enough_return", 4, "exactly the declared results" },
	{ "nil_int", 4, "can be nil" },
	{ "pointer_receiver", 9, "declared on *T" },
	{ "missing_method", 7, "implicitly" },
	{ "map_field", 7, "copies of its structs" },
	{ "redeclared", 5, "declared twice" },
	{ "incdec_expr", 5, "statement in Go" },
	{ "ternary", 5, "no ?: operator" },
	{ "undefined", 4, "not declared here" },
	{ "unexported", 6, "capital letter" },
	{ "append_nonslice", 5, "append works on slices" },
	{ "string_char", 4, "rune" },
	{ "len_method", 5, "builtin len" },
};

static void
test_compile(void **state)
{
	struct findings	 fs = { NULL, 0 };
	char		*out, *path;
	size_t		 i, v, len;
	FILE		*f;

	(void)state;
	for (i = 0; i < sizeof compile_wants / sizeof compile_wants[0]; i++) {
		for (v = 0; v < 2; v++) {
			path = xasprintf("%s/../compile/%s.%s.txt", CORPUS,
			    compile_wants[i].name, versions[v]);
			if ((f = fopen(path, "rb")) == NULL)
				fail_msg("cannot open %s", path);
			out = xmalloc(65536);
			len = fread(out, 1, 65535, f);
			out[len] = '\0';
			fclose(f);
			diagnose_build(&fs, out, len);
			if (fs.n == 0 || fs.v[0].category != CAT_COMPILE_ERROR ||
			    fs.v[0].line != compile_wants[i].line)
				fail_msg("%s: line %u, want %u", path,
				    fs.n ? fs.v[0].line : 0,
				    compile_wants[i].line);
			if (compile_wants[i].explains != NULL &&
			    (fs.v[0].explanation == NULL ||
			    strstr(fs.v[0].explanation,
			    compile_wants[i].explains) == NULL))
				fail_msg("%s: explanation \"%s\" for \"%s\"",
				    path, fs.v[0].explanation, fs.v[0].message);
			findings_free(&fs);
			free(out);
			free(path);
		}
	}
}

/* A timeout's dump, summed up in the learner's lines. */
static void
test_timeout_summary(void **state)
{
	static const struct {
		const char	*name;
		const char	*want;
	} cases[] = {
		{ "sigquit-blocked.go1.21", "1 goroutine in semacquire at "
		  "main.go:25; 3 in chan receive at main.go:21" },
		{ "sigquit-blocked.go1.26", "1 goroutine in "
		  "sync.WaitGroup.Wait at main.go:25; 3 in chan receive at "
		  "main.go:21" },
		{ "sigquit-sleep.go1.26", "1 goroutine in sleep at main.go:12" },
	};
	struct jail_result	 r;
	struct findings		 fs = { NULL, 0 };
	char			*name;
	size_t			 i, len;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&r, 0, sizeof r);
		r.verdict = JAIL_TIMEOUT;
		r.wall_ms = 2000;
		name = xstrndup(cases[i].name, strcspn(cases[i].name, "."));
		r.err = slurp(name, cases[i].name + strlen(name) + 1, &len);
		r.err_len = len;
		diagnose_run(&fs, &r, "play");
		assert_int_equal(fs.n, 1);
		if (strstr(fs.v[0].message, cases[i].want) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", cases[i].name,
			    fs.v[0].message, cases[i].want);
		assert_non_null(fs.v[0].explanation);
		findings_free(&fs);
		free(r.err);
		free(name);
	}
}

/* The leak harness's report, as Go 1.21 and 1.26 (with the goroutineleak
 * profile) write it: one finding per group, at the line where the
 * goroutines are blocked, naming their go statement. */
static void
test_leaks(void **state)
{
	static const struct {
		const char	*name;
		unsigned	 line;
		const char	*message;
	} leaks[] = {
		{ "leak_waitgroup", 46, "1 goroutine left behind when main "
		  "returned, waiting in sync.WaitGroup.Wait, started by the go "
		  "statement at main.go:45" },
		{ "leak_mutex", 35, "1 goroutine left behind when main returned, "
		  "waiting in sync.Mutex.Lock" },
		{ "leak_send", 23, "2 goroutines left behind when main returned, "
		  "waiting in chan send" },
	};
	struct findings		 fs = { NULL, 0 };
	struct jail_result	 r;
	const char		*why;
	size_t			 i, v;

	(void)state;
	for (i = 0; i < sizeof leaks / sizeof leaks[0]; i++) {
		for (v = 0; v < 2; v++) {
			memset(&r, 0, sizeof r);
			r.side = slurp(leaks[i].name, versions[v], &r.side_len);
			r.err = xstrdup("");
			assert_int_equal(diagnose_leaks(&fs, &r, "play", &why),
			    LEAKS_FOUND);
			assert_int_equal(fs.n, 1);
			assert_int_equal(fs.v[0].category, CAT_GOROUTINE_LEAK);
			assert_string_equal(fs.v[0].file, "main.go");
			assert_int_equal(fs.v[0].line, leaks[i].line);
			if (strstr(fs.v[0].message, leaks[i].message) == NULL)
				fail_msg("%s %s: %s", leaks[i].name,
				    versions[v], fs.v[0].message);
			/* Only 1.26's profile proves anything. */
			assert_int_equal(strstr(fs.v[0].message, "proved") !=
			    NULL, v == 1);
			assert_non_null(strstr(fs.v[0].explanation,
			    "non-daemon"));
			findings_free(&fs);
			jail_result_free(&r);
		}
	}
}

/* A clean report, an os.Exit, a crash and no harness at all. */
static void
test_leaks_not_found(void **state)
{
	struct findings		 fs = { NULL, 0 };
	struct jail_result	 r;
	const char		*why;

	(void)state;
	memset(&r, 0, sizeof r);
	r.side = "gotutor-harness 1\nmain-us 12\nleaked 0\nend\n";
	r.side_len = strlen(r.side);
	r.err = "";
	assert_int_equal(diagnose_leaks(&fs, &r, "play", &why), LEAKS_CLEAN);
	r.side = "gotutor-harness 1\n";
	r.side_len = strlen(r.side);
	r.verdict = JAIL_EXIT;
	r.exit_code = 1;
	assert_int_equal(diagnose_leaks(&fs, &r, "play", &why),
	    LEAKS_SKIPPED);
	assert_non_null(strstr(why, "os.Exit"));
	r.exit_code = 2;
	r.err = "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n";
	assert_int_equal(diagnose_leaks(&fs, &r, "play", &why),
	    LEAKS_NOT_RUN);
	r.side = NULL;
	r.side_len = 0;
	assert_int_equal(diagnose_leaks(&fs, &r, "play", &why),
	    LEAKS_NOT_RUN);
	assert_int_equal(fs.n, 0);
}

/* The Java track's traps on Java habits in Go, and not on idiomatic Go. */
static void
test_traps(void **state)
{
	static const char habit[] =
	    "package main\n"
	    "\n"
	    "func main() {\n"
	    "\ti := 0\n"
	    "\twhile (i < 3) {\n"
	    "\t\ti++\n"
	    "\t}\n"
	    "\tif s.equals(t) { return null }\n"
	    "}\n";
	static const char idiomatic[] =
	    "package main\n"
	    "\n"
	    "import \"fmt\"\n"
	    "\n"
	    "// Read implements io.Reader.\n"
	    "func main() {\n"
	    "\tfor i := 0; i < 3; i++ {\n"
	    "\t\tfmt.Println(i, len(\"abc\"))\n"
	    "\t}\n"
	    "}\n";
	struct library	 lib = { NULL, 0 };
	struct problems	 pb;
	struct findings	 fs = { NULL, 0 };
	struct track	*t;

	(void)state;
	problems_init(&pb);
	assert_int_equal(load_path(&lib, CORPUS "/../../../lessons", &pb), 2);
	assert_int_equal(pb.n, 0);
	assert_non_null(t = library_find_track(&lib, "java"));
	diagnose_traps(&fs, &t->traps, "main.go", habit, sizeof habit - 1);
	assert_int_equal(fs.n, 3);
	assert_int_equal(fs.v[0].category, CAT_IDIOM_TRAP);
	assert_int_equal(fs.v[0].line, 5);
	assert_non_null(strstr(fs.v[0].explanation, "only for"));
	assert_int_equal(fs.v[1].line, 8);	/* .equals( */
	assert_int_equal(fs.v[2].line, 8);	/* return null */
	findings_free(&fs);
	diagnose_traps(&fs, &t->traps, "main.go", idiomatic,
	    sizeof idiomatic - 1);
	assert_int_equal(fs.n, 0);
	library_free(&lib);
	problems_free(&pb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_not_crashes),
		cmocka_unit_test(test_compile),
		cmocka_unit_test(test_timeout_summary),
		cmocka_unit_test(test_traps),
		cmocka_unit_test(test_leaks),
		cmocka_unit_test(test_leaks_not_found),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
