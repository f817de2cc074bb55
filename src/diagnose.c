/*
 * diagnose: turn what the toolchain and the jail report into findings, each
 * with a category, the learner's file and line, and a message.
 *
 * Compiler errors come as "./main.go:5:2: message". A stopped program's
 * stack (the runtime's SIGQUIT dump, or its SIGSYS report) names frames as
 * "\tMODULE/main.go:7 +0x1d" in a -trimpath build: the first frame in the
 * learner's module is where the finding points.
 */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "diagnose.h"
#include "fatal.h"
#include "xmalloc.h"

/* Add a finding; file may be NULL. */
void
findings_add(struct findings *fs, enum category cat, const char *file,
    unsigned line, const char *fmt, ...)
{
	struct finding	*f;
	va_list		 ap;

	fs->v = xreallocarray(fs->v, fs->n + 1, sizeof *fs->v);
	f = &fs->v[fs->n++];
	f->category = cat;
	f->file = file != NULL ? xstrdup(file) : NULL;
	f->line = line;
	f->explanation = NULL;
	va_start(ap, fmt);
	f->message = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Free every finding. */
void
findings_free(struct findings *fs)
{
	size_t	i;

	for (i = 0; i < fs->n; i++) {
		free(fs->v[i].file);
		free(fs->v[i].message);
		free(fs->v[i].explanation);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}

/* Compile a pattern the program ships; a bad one is a bug. */
static pcre2_code *
compile(const char *pattern)
{
	pcre2_code	*re;
	PCRE2_SIZE	 off;
	int		 rc;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_MULTILINE | PCRE2_UTF, &rc, &off, NULL);
	if (re == NULL)
		fatal("bad built-in pattern at offset %zu: %s", (size_t)off,
		    pattern);
	return (re);
}

/* Copy capture group g of a match; the caller frees. */
static char *
group(pcre2_match_data *md, const char *subject, int g)
{
	PCRE2_SIZE	*ov = pcre2_get_ovector_pointer(md);

	return (xstrndup(subject + ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
}

/* Compiler messages Java and Python developers meet most, explained. The
 * first pattern matching the message wins. */
static const struct {
	const char	*pattern;
	const char	*explanation;
} compile_kinds[] = {
	{ "declared and not used",
	  "Go refuses unused variables, where javac or Python would only warn "
	  "(if at all). Use it, delete it, or assign it to _ while you work. "
	  "If you meant to update a variable declared outside, use = there: "
	  ":= declares a new one that hides it." },
	{ "func main must have no arguments and no return values",
	  "Go's main takes nothing and returns nothing, unlike Java's "
	  "main(String[] args) or Python's sys.exit(main()): the arguments are "
	  "in os.Args, and os.Exit(n) sets the exit status." },
	{ "imported and not used",
	  "Go refuses unused imports. Delete the import, or use the package; "
	  "goimports adds and removes them for you." },
	{ "^missing return",
	  "A function with results must end in a return on every path, as in "
	  "Java. Add the final return, often return zero values and an "
	  "error." },
	{ "^assignment mismatch: \\d+ variables? but .* returns? \\d+ values?",
	  "The call returns more values than you assigned, usually a result "
	  "and an error: n, err := strconv.Atoi(s). Go has no exceptions, so "
	  "the error comes back as a value you must take." },
	{ "^(?:not enough|too many) return values",
	  "The return statement must give exactly the declared results, "
	  "such as return n, nil on success and return 0, err on failure." },
	{ "does not implement .* \\(method \\w+ has pointer receiver\\)",
	  "The method is declared on *T, so only a pointer has it: use &T{} "
	  "where the interface is wanted, or declare the method on T." },
	{ "does not implement .* \\(missing method",
	  "Go interfaces are satisfied implicitly, with no implements clause: "
	  "the type needs every method of the interface, with the same "
	  "signature." },
	{ "^cannot use nil as \\w+ value",
	  "Only pointers, slices, maps, channels, functions and interfaces "
	  "can be nil. An int, string or struct has a zero value instead "
	  "(0, \"\", T{}): there is no null." },
	{ "^cannot use .*untyped rune constant.* as string value",
	  "'a' is a rune (a character code), not a string: strings use "
	  "double quotes, \"a\"." },
	{ "^cannot use .* as .* value",
	  "Go converts nothing implicitly, not even int to int64 or float64: "
	  "convert explicitly, as float64(n) or strconv.Itoa(n)." },
	{ "mismatched types .* and untyped nil|cannot (?:use|convert) nil|"
	  "use of untyped nil",
	  "Only pointers, slices, maps, channels, functions and interfaces "
	  "can be nil; an int, a string or a struct has a zero value "
	  "instead (0, \"\", {}). To tell a missing map key from a zero "
	  "value, use the comma-ok form: v, ok := m[k]." },
	{ "^invalid operation: .*\\(mismatched types",
	  "Both sides of an operator must have the same type: Go never "
	  "widens int to float64 as Java does. Convert one side, as "
	  "float64(a) + b." },
	{ "^non-boolean condition",
	  "A condition must be a bool: Go has no truthiness, as Python does "
	  "for 0, \"\" or None. Compare explicitly: if n != 0, if s != \"\"." },
	{ "^\\S+ undefined \\(type \\S+ has no field or method length\\)",
	  "Go has no length method: use the builtin len(s). For a string it "
	  "counts bytes, not characters." },
	{ "undefined \\(type .* has no field or method",
	  "The type has no such field or method. Go's names are case-"
	  "sensitive, and a lowercase name is private to its package." },
	{ "^syntax error: non-declaration statement outside function body",
	  "Only declarations (func, var, const, type, import) may sit outside "
	  "a function, and := works only inside one: unlike a Python script, "
	  "a Go file runs nothing at top level. Use var x = 1, or move the "
	  "code into func main." },
	{ "^no new variables on left side of :=",
	  ":= declares; = assigns. The variable exists already, so use =." },
	{ "^syntax error: unexpected semicolon or newline before \\{",
	  "The opening brace must be on the same line as func, if or for: Go "
	  "ends statements at line breaks, so Java's Allman style breaks "
	  "the code." },
	{ "^syntax error: unexpected newline, expected \\{ after",
	  "The opening brace must be on the same line as the if, for or "
	  "switch: Go ends the statement at the line break." },
	{ "^syntax error: unexpected (?:keyword )?else",
	  "else must be on the same line as the closing brace: } else {." },
	{ "^syntax error: unexpected \\+\\+|^syntax error: unexpected --",
	  "i++ is a statement in Go, not an expression: it cannot be part of "
	  "j := i++ or a condition. Write i++ on its own line." },
	{ "^invalid character U\\+003F '\\?'",
	  "Go has no ?: operator. Use an if statement: y := 2; if x > 0 "
	  "{ y = 1 }." },
	{ "^undefined: (?:null|None|nil_)$",
	  "Go's null is nil, and only pointers, slices, maps, channels, "
	  "functions and interfaces can be nil." },
	{ "^undefined: (?:self|this)$",
	  "Go has no self or this: the receiver is named in the method, as "
	  "func (t *T) Get() int { return t.n }." },
	{ "^undefined: (?:while|until)$",
	  "Go has only for: for cond { ... } is Java's and Python's while." },
	{ "^undefined: (?:True|False)$",
	  "Go's booleans are true and false, in lowercase." },
	{ "^(?:name \\w+ not exported by package|undefined: \\w+\\.[a-z]\\w*(?: \\(but have \\w+\\))?$)",
	  "Only names that start with a capital letter leave their package: "
	  "Go's public and private." },
	{ "^cannot assign to struct field .* in map",
	  "A map holds copies of its structs: read the value, change it, and "
	  "store it back (p := m[k]; p.x = 1; m[k] = p), or keep pointers." },
	{ "redeclared in this block",
	  "The name is declared twice in the same scope. Reuse it with =, or "
	  "pick another name." },
	{ "^(?:invalid append: argument must be a slice|first argument to "
	  "append must be a slice)",
	  "append works on slices: s = append(s, x). Make s a slice, such as "
	  "[]int{} or var s []int." },
	{ "^undefined: ",
	  "The name is not declared here. Check its spelling and case, and "
	  "whether its package is imported." },
};

/* The explanation for a compiler message, or NULL. */
static const char *
compile_explanation(const char *msg)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	size_t			 i;
	int			 m;

	for (i = 0; i < sizeof compile_kinds / sizeof compile_kinds[0]; i++) {
		re = compile(compile_kinds[i].pattern);
		md = pcre2_match_data_create_from_pattern(re, NULL);
		m = pcre2_match(re, (PCRE2_SPTR)msg, PCRE2_ZERO_TERMINATED, 0, 0,
		    md, NULL) > 0;
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		if (m)
			return (compile_kinds[i].explanation);
	}
	return (NULL);
}

/* Findings of category cat from "FILE:LINE[:COL]: message" lines; count. */
static size_t
positioned(struct findings *fs, enum category cat, const char *out, size_t len)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		 start = 0, *ov;
	char			*file, *line, *msg;
	const char		*why;
	size_t			 before = fs->n;

	re = compile("^(?:\\./)?([^\\s:]+\\.go):(\\d+)(?::\\d+)?: (.*)$");
	md = pcre2_match_data_create_from_pattern(re, NULL);
	while (pcre2_match(re, (PCRE2_SPTR)out, len, start, 0, md, NULL) > 0) {
		ov = pcre2_get_ovector_pointer(md);
		file = group(md, out, 1);
		line = group(md, out, 2);
		msg = group(md, out, 3);
		findings_add(fs, cat, file, (unsigned)strtoul(line, NULL, 10),
		    "%s", msg);
		if (cat == CAT_COMPILE_ERROR &&
		    (why = compile_explanation(msg)) != NULL)
			fs->v[fs->n - 1].explanation = xstrdup(why);
		free(file);
		free(line);
		free(msg);
		start = ov[1] > start ? ov[1] : start + 1;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return (fs->n - before);
}

/* Compiler errors, one finding each; at least one. */
void
diagnose_build(struct findings *fs, const char *out, size_t len)
{
	if (positioned(fs, CAT_COMPILE_ERROR, out, len) == 0)
		findings_add(fs, CAT_COMPILE_ERROR, NULL, 0, "%.*s",
		    (int)(len > 4000 ? 4000 : len), out);
}

/*
 * What go vet found, one finding each: the ignored-error analyzer, run as
 * its tool, marks its own findings "errcheck: ".
 */
void
diagnose_vet(struct findings *fs, const char *out, size_t len)
{
	size_t	i, from = fs->n;

	positioned(fs, CAT_VET, out, len);
	for (i = from; i < fs->n; i++) {
		if (strncmp(fs->v[i].message, "errcheck: ", 10) != 0)
			continue;
		fs->v[i].category = CAT_IGNORED_ERROR;
		memmove(fs->v[i].message, fs->v[i].message + 10,
		    strlen(fs->v[i].message + 10) + 1);
		fs->v[i].explanation = xstrdup("Go has no exceptions: a "
		    "failure comes back as an error value, and nothing "
		    "happens unless you look at it. Where Java would throw "
		    "and Python would raise, this call failed silently. "
		    "Check it with if err != nil, and return it wrapped: "
		    "fmt.Errorf(\"...: %w\", err).");
	}
}

/* A runtime message, its category, and what it means to a Java or Python
 * developer. The first pattern that matches the first report line wins. */
struct crash_kind {
	const char	*pattern;
	enum category	 category;
	const char	*explanation;
};

static const struct crash_kind crash_kinds[] = {
	{ "^panic: assignment to entry in nil map", CAT_PANIC,
	  "A map's zero value is nil: reading it works, writing panics. "
	  "Make it first with make(map[K]V) or a literal, as you would "
	  "new HashMap<>() in Java or {} in Python." },
	{ "^panic: runtime error: invalid memory address or nil pointer "
	  "dereference", CAT_PANIC,
	  "A nil pointer was used: Java's NullPointerException, Python's "
	  "AttributeError on None. Check for nil, or make sure the value is "
	  "set before use." },
	{ "^panic: runtime error: index out of range", CAT_PANIC,
	  "An index past the end of a slice or array: Java's "
	  "ArrayIndexOutOfBoundsException, Python's IndexError. Go has no "
	  "negative indexes: the last element is s[len(s)-1]." },
	{ "^panic: runtime error: slice bounds out of range", CAT_PANIC,
	  "A slice expression past the end: unlike Python, where s[2:99] "
	  "just stops at the end, Go panics. Check the bounds against "
	  "len(s) first." },
	{ "^panic: runtime error: integer divide by zero", CAT_PANIC,
	  "Division by zero: Java's ArithmeticException, Python's "
	  "ZeroDivisionError. Check the divisor first." },
	{ "^panic: interface conversion: ", CAT_PANIC,
	  "A type assertion x.(T) on a value of another type: Java's "
	  "ClassCastException. Use the two-result form, v, ok := x.(T), or "
	  "a type switch." },
	{ "^panic: (?:close of closed channel|close of nil channel)",
	  CAT_PANIC,
	  "A channel can be closed once, by its sender, when nothing more "
	  "will be sent. Close it in one place only, usually where it was "
	  "made and filled." },
	{ "^panic: send on closed channel", CAT_PANIC,
	  "A send on a closed channel panics. Only the sender closes, and "
	  "only after its last send; with several senders, close after a "
	  "sync.WaitGroup says they are all done." },
	{ "^panic: sync: negative WaitGroup counter", CAT_PANIC,
	  "Done was called more times than Add, as a CountDownLatch counted "
	  "below zero. Call Add(1) once per goroutine, before starting it." },
	{ "^fatal error: all goroutines are asleep - deadlock!", CAT_DEADLOCK,
	  "Every goroutine is blocked, so nothing can ever happen again: a "
	  "receive with no sender, a send with no receiver, or a Wait with "
	  "no Done. Java would hang here; Go stops and says so." },
	{ "^fatal error: no goroutines \\(main called runtime\\.Goexit\\)",
	  CAT_DEADLOCK,
	  "main called runtime.Goexit, so the program can never end. Return "
	  "from main instead." },
	{ "^fatal error: concurrent map", CAT_DATA_RACE,
	  "Two goroutines used a map at once, and one of them wrote: like "
	  "Java's ConcurrentModificationException, but fatal. Guard the map "
	  "with a sync.Mutex, or give it to one goroutine." },
	{ "^fatal error: sync: (?:unlock of unlocked mutex|R?Unlock of "
	  "unlocked RWMutex)", CAT_PANIC,
	  "A mutex was unlocked without being locked. Pair each Lock with "
	  "one Unlock, best as defer mu.Unlock() right after Lock()." },
	{ "^(?:runtime: goroutine stack exceeds|fatal error: stack overflow)",
	  CAT_PANIC,
	  "Recursion with no end: Java's StackOverflowError, Python's "
	  "RecursionError (Go's stacks grow to 1 GB first)." },
	{ "^fatal error: (?:runtime: )?(?:out of memory|cannot allocate "
	  "memory)", CAT_MEMORY_LIMIT,
	  "The program ran out of memory: Java's OutOfMemoryError, Python's "
	  "MemoryError." },
	{ "^panic: ", CAT_PANIC,
	  "The program panicked. panic is not throw: it is for bugs, and "
	  "it ends the program unless recovered. Return an error instead "
	  "for anything the caller could handle." },
};

/* Match pattern against text from start; fill md. */
static int
match_at(const char *pattern, const char *text, size_t len, size_t start,
    pcre2_match_data **mdp, pcre2_code **rep)
{
	*rep = compile(pattern);
	*mdp = pcre2_match_data_create_from_pattern(*rep, NULL);
	return (pcre2_match(*rep, (PCRE2_SPTR)text, len, start, 0, *mdp,
	    NULL) > 0);
}

/*
 * The first frame of the learner's module at or after offset from: both
 * the tab-indented frames of a traceback and the six-space ones of a race
 * report. Return 1 with *file (the caller frees) and *line set.
 */
static int
learner_frame(const char *err, size_t len, size_t from, const char *module,
    char **file, unsigned *line)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	char			*pattern, *ln;
	int			 found = 0;

	pattern = xasprintf("^(?:\\t| {6})\\Q%s\\E/(?!gotutor_harness)"
	    "(\\S+\\.go):(\\d+)"
	    "(?: \\+0x[0-9a-f]+)?(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ "
	    "pc=0x[0-9a-f]+)?$", module);
	re = compile(pattern);
	free(pattern);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	if (pcre2_match(re, (PCRE2_SPTR)err, len, from, 0, md, NULL) > 0) {
		*file = group(md, err, 1);
		ln = group(md, err, 2);
		*line = (unsigned)strtoul(ln, NULL, 10);
		free(ln);
		found = 1;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return (found);
}

/* Has a finding of this category, place and message been made? */
static int
findings_have(const struct findings *fs, enum category cat, const char *file,
    unsigned line, const char *msg)
{
	size_t	i;

	for (i = 0; i < fs->n; i++) {
		if (fs->v[i].category == cat && fs->v[i].line == line &&
		    (fs->v[i].file == NULL) == (file == NULL) &&
		    (file == NULL || strcmp(fs->v[i].file, file) == 0) &&
		    strcmp(fs->v[i].message, msg) == 0)
			return (1);
	}
	return (0);
}

/*
 * Race reports: each one's two conflicting accesses in the learner's code,
 * once per pair of lines. Return how many reports there were.
 */
int
diagnose_race(struct findings *fs, const char *err, size_t len,
    const char *module)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	char			*f1, *f2, *msg;
	unsigned		 l1, l2;
	size_t			 at = 0, prev, end;
	int			 found, count = 0;

	for (;;) {
		found = match_at("^WARNING: DATA RACE$", err, len, at, &md,
		    &re);
		at = found ? pcre2_get_ovector_pointer(md)[1] : 0;
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		if (!found)
			break;
		count++;
		found = match_at("^==================$", err, len, at, &md,
		    &re);
		end = found ? pcre2_get_ovector_pointer(md)[0] : len;
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		found = match_at("^Previous (?:read|write) at ", err, end, at,
		    &md, &re);
		prev = found ? pcre2_get_ovector_pointer(md)[1] : end;
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		f1 = f2 = NULL;
		l1 = l2 = 0;
		learner_frame(err, prev, at, module, &f1, &l1);
		learner_frame(err, end, prev, module, &f2, &l2);
		msg = f2 != NULL ? xasprintf("data race: this access "
		    "conflicts with the one at %s:%u", f2, l2) :
		    xstrdup("data race");
		if (!findings_have(fs, CAT_DATA_RACE, f1, l1, msg)) {
			findings_add(fs, CAT_DATA_RACE, f1, l1, "%s", msg);
			fs->v[fs->n - 1].explanation = xstrdup("Two goroutines "
			    "used the same variable at once, and at least one "
			    "wrote it. Go has no GIL and no synchronized: "
			    "guard it with a sync.Mutex, use sync/atomic, or "
			    "pass the value over a channel.");
		}
		free(msg);
		free(f1);
		free(f2);
		at = end;
	}
	return (count);
}

/*
 * A panic or fatal error on stderr: its category, the learner's line (the
 * first frame of their module after the report), and what it means. A
 * SIGQUIT dump is the jail's timeout, not a crash.
 */
void
diagnose_crash(struct findings *fs, const char *err, size_t len,
    const char *module)
{
	const struct crash_kind	*k;
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov;
	char			*file = NULL, *msg, *g;
	unsigned		 line = 0;
	size_t			 i, at = 0;
	int			 found, other = 0;

	if (err == NULL || len == 0 || diagnose_race(fs, err, len, module))
		return;
	found = match_at("^SIGQUIT: quit$", err, len, 0, &md, &re);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	if (found)
		return;
	for (i = 0; i < sizeof crash_kinds / sizeof crash_kinds[0]; i++) {
		k = &crash_kinds[i];
		if (match_at(k->pattern, err, len, 0, &md, &re)) {
			ov = pcre2_get_ovector_pointer(md);
			at = ov[0];
			msg = xstrndup(err + at, strcspn(err + at, "\n"));
			pcre2_match_data_free(md);
			pcre2_code_free(re);
			break;
		}
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
	if (i == sizeof crash_kinds / sizeof crash_kinds[0])
		return;
	/* A panic in another goroutine than main's ends the program too. */
	if (match_at("^goroutine (\\d+)(?: gp=\\S+ m=\\S+(?: mp=\\S+)?)? "
	    "\\[", err, len, at, &md, &re)) {
		g = group(md, err, 1);
		other = strcmp(g, "1") != 0 && k->category == CAT_PANIC;
		free(g);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	learner_frame(err, len, at, module, &file, &line);
	/* The category says panic or fatal error already. */
	if (strncmp(msg, "panic: ", 7) == 0)
		memmove(msg, msg + 7, strlen(msg + 7) + 1);
	else if (strncmp(msg, "fatal error: ", 13) == 0)
		memmove(msg, msg + 13, strlen(msg + 13) + 1);
	findings_add(fs, k->category, file, line, "%s", msg);
	fs->v[fs->n - 1].explanation = other ? xasprintf("%s In Go, a panic "
	    "in any goroutine kills the whole program, unlike an uncaught "
	    "exception in a Java thread or a Python one.", k->explanation) :
	    xstrdup(k->explanation);
	free(msg);
	free(file);
}

/* One line of a dump summary: goroutines in a state at a learner line. */
struct blocked {
	char		*state;
	char		*file;
	unsigned	 line;
	unsigned	 count;
};

/*
 * Summarise a SIGQUIT dump: the learner's goroutines, grouped by their
 * state and the line of theirs they were at, as "3 goroutines in chan
 * receive at main.go:21; 1 in sync.WaitGroup.Wait at main.go:25". The
 * runtime's own goroutines, which have no learner frame, are left out.
 * Return NULL when there is nothing of the learner's; the caller frees.
 */
static char *
dump_summary(const char *err, size_t len, const char *module)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov;
	struct blocked		*b = NULL;
	size_t			 nb = 0, i, start = 0, next, used = 0;
	char			*state, *file, *out = NULL, *part;
	unsigned		 line;
	int			 more;

	re = compile("^goroutine \\d+(?: gp=\\S+ m=\\S+(?: mp=\\S+)?)? "
	    "\\[([^\\],\\n]+)[^\\]\\n]*\\]:$");
	md = pcre2_match_data_create_from_pattern(re, NULL);
	more = pcre2_match(re, (PCRE2_SPTR)err, len, 0, 0, md, NULL) > 0;
	while (more) {
		ov = pcre2_get_ovector_pointer(md);
		state = group(md, err, 1);
		start = ov[1];
		more = pcre2_match(re, (PCRE2_SPTR)err, len, start, 0, md,
		    NULL) > 0;
		next = more ? pcre2_get_ovector_pointer(md)[0] : len;
		if (learner_frame(err, next, start, module, &file, &line)) {
			for (i = 0; i < nb; i++) {
				if (strcmp(b[i].state, state) == 0 &&
				    strcmp(b[i].file, file) == 0 &&
				    b[i].line == line)
					break;
			}
			if (i == nb) {
				b = xreallocarray(b, nb + 1, sizeof *b);
				b[nb++] = (struct blocked){ state, file, line, 0 };
				state = file = NULL;
			}
			b[i].count++;
			free(file);
		}
		free(state);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	for (i = 0; i < nb; i++) {
		part = xasprintf("%s%u%s in %s at %s:%u", i == 0 ? "" : "; ",
		    b[i].count, i > 0 ? "" : b[i].count == 1 ? " goroutine" :
		    " goroutines", b[i].state, b[i].file, b[i].line);
		out = xreallocarray(out, used + strlen(part) + 1, 1);
		strcpy(out + used, part);
		used += strlen(part);
		free(part);
		free(b[i].state);
		free(b[i].file);
	}
	free(b);
	return (out);
}

/*
 * Idiom traps: each pattern of ts on the source text of file, one finding
 * per matching line, with the trap's advice. A pattern that fails to
 * compile was caught by the loader and is skipped here.
 */
void
diagnose_traps(struct findings *fs, const struct trapset *ts,
    const char *file, const char *text, size_t len)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		 off, start, *ov;
	size_t			 i, k;
	unsigned		 line, last;
	int			 rc;

	for (i = 0; i < ts->n; i++) {
		re = pcre2_compile((PCRE2_SPTR)ts->v[i].pattern,
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MULTILINE, &rc,
		    &off, NULL);
		if (re == NULL)
			continue;
		md = pcre2_match_data_create_from_pattern(re, NULL);
		start = 0;
		last = 0;
		while (start <= len && pcre2_match(re, (PCRE2_SPTR)text, len,
		    start, 0, md, NULL) > 0) {
			ov = pcre2_get_ovector_pointer(md);
			for (line = 1, k = 0; k < ov[0]; k++)
				line += text[k] == '\n';
			if (line != last) {
				findings_add(fs, CAT_IDIOM_TRAP, file, line,
				    "%.*s", (int)strcspn(text + ov[0], "\n") > 60 ?
				    60 : (int)strcspn(text + ov[0], "\n"),
				    text + ov[0]);
				fs->v[fs->n - 1].explanation =
				    xstrdup(ts->v[i].advice);
				last = line;
			}
			start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		}
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
}

/* What the jail's verdict says, with the learner's line where Go gave one. */
void
diagnose_run(struct findings *fs, const struct jail_result *r,
    const char *module)
{
	char		*file = NULL, *summary;
	unsigned	 line = 0;

	if (r->verdict == JAIL_EXIT || r->verdict == JAIL_MEMORY ||
	    r->verdict == JAIL_SIGNAL)
		diagnose_crash(fs, r->err, r->err_len, module);
	if (r->verdict == JAIL_TIMEOUT || r->verdict == JAIL_VIOLATION)
		learner_frame(r->err, r->err_len, 0, module, &file, &line);
	switch (r->verdict) {
	case JAIL_TIMEOUT:
		summary = dump_summary(r->err, r->err_len, module);
		findings_add(fs, CAT_TIMEOUT, file, line, "the program was "
		    "stopped after %u ms of %s time%s%s", r->timeout_cpu ?
		    r->cpu_ms : r->wall_ms, r->timeout_cpu ? "CPU" : "wall",
		    summary != NULL ? ". When stopped: " : "",
		    summary != NULL ? summary : "");
		fs->v[fs->n - 1].explanation = xstrdup("Like jstack or "
		    "kill -3 in Java, the runtime printed every goroutine's "
		    "stack when it was stopped. A goroutine blocked on a "
		    "channel waits for a partner that never comes: something "
		    "must send, receive or close.");
		free(summary);
		break;
	case JAIL_MEMORY:
		if (fs->n > 0 && fs->v[fs->n - 1].category == CAT_MEMORY_LIMIT)
			break;
		findings_add(fs, CAT_MEMORY_LIMIT, NULL, 0, "the program used "
		    "more memory than it may (peak %llu KiB)",
		    (unsigned long long)r->peak_kib);
		break;
	case JAIL_OUTPUT:
		findings_add(fs, CAT_OUTPUT_LIMIT, NULL, 0, "%s", r->box_full ?
		    "the program wrote more files than its folder may hold, "
		    "and was stopped" : "the program wrote more output than "
		    "it may, and was stopped");
		break;
	case JAIL_VIOLATION:
		findings_add(fs, CAT_SANDBOX_VIOLATION, file, line, "the "
		    "program called %s, which the jail does not allow",
		    r->violation != NULL ? r->violation : "a system call");
		break;
	default:
		break;
	}
	free(file);
}

/* What a leaked goroutine's state means, in Java and Python terms. */
static const struct {
	const char	*state;		/* a prefix of the normalized state */
	const char	*explanation;
} leak_states[] = {
	{ "chan send", "It is stuck sending on a channel that nobody will "
	  "ever receive from. Give the channel room for every value "
	  "(make(chan T, n)), or let the sender give up with a select on "
	  "ctx.Done() or a done channel." },
	{ "chan receive", "It is waiting for a value or a close that never "
	  "comes. The sender closes a channel after its last value, and "
	  "then for v := range ch ends; a goroutine that waits for a signal "
	  "needs a done channel or a context it can hear." },
	{ "select", "It is in a select where no case can ever be ready. "
	  "Give it a way out: a case <-ctx.Done() or <-done that returns." },
	{ "sync.WaitGroup.Wait", "It waits on a WaitGroup whose count never "
	  "reaches zero: a Done is missing, like a CountDownLatch that is "
	  "never counted down. Put defer wg.Done() first in every goroutine "
	  "that was counted with Add." },
	{ "sync.Mutex.Lock", "It waits for a mutex that is never unlocked. "
	  "Pair each Lock with an Unlock, best as defer mu.Unlock() right "
	  "after mu.Lock()." },
	{ "sleep", "It was still sleeping. A goroutine that works in a loop "
	  "with time.Sleep or a ticker needs a way to stop: a select on "
	  "ticker.C and on a done channel, and ticker.Stop() on the way "
	  "out." },
	{ "running", "It was still running. Wait for it with a "
	  "sync.WaitGroup or a channel, and give it a way to stop." },
	{ "runnable", "It was still running. Wait for it with a "
	  "sync.WaitGroup or a channel, and give it a way to stop." },
};

/* One group of leaked goroutines: the same state, line and creator. */
struct leak {
	char		*state;
	char		*file;		/* where it is blocked */
	unsigned	 line;
	char		*cfile;		/* the go statement, or NULL */
	unsigned	 cline;
	unsigned	 count;
	int		 proved;	/* the goroutineleak profile agrees */
};

/*
 * The state of a goroutine in plain words: the runtime's, without its
 * duration or marks, and with 1.21's semacquire named after the sync call
 * it is in, as 1.26 does.
 */
static char *
leak_state(const char *state, const char *block, size_t len)
{
	size_t	n = strcspn(state, ",(");

	while (n > 0 && state[n - 1] == ' ')
		n--;
	if (strncmp(state, "semacquire", 10) == 0 ||
	    strncmp(state, "sync.", 5) == 0) {
		if (memmem(block, len, "sync.(*WaitGroup).Wait", 22) != NULL)
			return (xstrdup("sync.WaitGroup.Wait"));
		if (memmem(block, len, "sync.(*Mutex).Lock", 18) != NULL ||
		    memmem(block, len, "sync.(*RWMutex).", 16) != NULL)
			return (xstrdup("sync.Mutex.Lock"));
	}
	return (xstrndup(state, n));
}

/* Mark the groups whose goroutines the goroutineleak profile lists. */
static void
leak_proved(struct leak *lk, size_t n, const char *text, size_t len,
    const char *module)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov;
	char			*file;
	unsigned		 line;
	size_t			 i, start, next;
	int			 more;

	re = compile("^goroutine \\d+(?: gp=\\S+ m=\\S+(?: mp=\\S+)?)? "
	    "\\[[^\\]\\n]*\\(leaked\\)[^\\]\\n]*\\]:$");
	md = pcre2_match_data_create_from_pattern(re, NULL);
	more = pcre2_match(re, (PCRE2_SPTR)text, len, 0, 0, md, NULL) > 0;
	while (more) {
		start = pcre2_get_ovector_pointer(md)[1];
		more = pcre2_match(re, (PCRE2_SPTR)text, len, start, 0, md,
		    NULL) > 0;
		ov = pcre2_get_ovector_pointer(md);
		next = more ? ov[0] : len;
		if (learner_frame(text, next, start, module, &file, &line)) {
			for (i = 0; i < n; i++) {
				if (lk[i].line == line &&
				    strcmp(lk[i].file, file) == 0)
					lk[i].proved = 1;
			}
			free(file);
		}
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

/* Turn the groups into findings, and free them. */
static void
leak_findings(struct findings *fs, struct leak *lk, size_t n)
{
	const char	*why;
	char		*made;
	size_t		 i, k;

	for (i = 0; i < n; i++) {
		made = lk[i].cfile != NULL ? xasprintf(", started by the go "
		    "statement at %s:%u", lk[i].cfile, lk[i].cline) :
		    xstrdup("");
		findings_add(fs, CAT_GOROUTINE_LEAK, lk[i].file, lk[i].line,
		    "%u goroutine%s left behind when main returned, %s%s%s%s",
		    lk[i].count, lk[i].count == 1 ? "" : "s",
		    strncmp(lk[i].state, "run", 3) == 0 ? "still " :
		    strcmp(lk[i].state, "sleep") == 0 ? "" : "waiting in ",
		    strcmp(lk[i].state, "sleep") == 0 ? "sleeping" :
		    lk[i].state, made,
		    !lk[i].proved ? "" : lk[i].count == 1 ? " (proved: "
		    "nothing can ever wake it)" : " (proved: nothing can ever "
		    "wake them)");
		why = "";
		for (k = 0; k < sizeof leak_states / sizeof leak_states[0];
		    k++) {
			if (strncmp(lk[i].state, leak_states[k].state,
			    strlen(leak_states[k].state)) == 0) {
				why = leak_states[k].explanation;
				break;
			}
		}
		fs->v[fs->n - 1].explanation = xasprintf("The JVM waits for "
		    "non-daemon threads before it exits, and Python joins "
		    "its threads; Go does neither. When main returns, every "
		    "goroutine simply vanishes, and in a server that runs for "
		    "weeks this one would stay stuck for good, holding its "
		    "memory. %s", why);
		free(made);
		free(lk[i].state);
		free(lk[i].file);
		free(lk[i].cfile);
	}
	free(lk);
}

/*
 * The leak harness's report on fd 3 (see share/harness/harness.go): one
 * finding per group of leaked goroutines, at the learner's line where they
 * are blocked, naming the go statement that started them. The status says
 * whether the check ran; *why (static) says why it did not.
 */
enum leak_status
diagnose_leaks(struct findings *fs, const struct jail_result *r,
    const char *module, const char **why)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		*ov;
	struct leak		*lk = NULL;
	const char		*text = r->side, *cut;
	char			*state, *file, *cfile, *raw;
	unsigned		 line, cline;
	size_t			 len = r->side_len, nl = 0, i, start, next;
	size_t			 end;
	int			 more;

	*why = NULL;
	if (text == NULL || strncmp(text, "gotutor-harness 1\n", 18) != 0) {
		*why = "the program did not start";
		return (LEAKS_NOT_RUN);
	}
	if ((cut = strstr(text, "\nleaked ")) == NULL) {
		if (r->verdict == JAIL_OK || (r->verdict == JAIL_EXIT &&
		    strstr(r->err, "\ngoroutine ") == NULL &&
		    strncmp(r->err, "panic: ", 7) != 0)) {
			*why = "the program ended through os.Exit (or "
			    "log.Fatal) before main returned, so its "
			    "goroutines could not be checked";
			return (LEAKS_SKIPPED);
		}
		*why = "the program did not return from main";
		return (LEAKS_NOT_RUN);
	}
	if (strncmp(cut, "\nleaked 0\n", 10) == 0)
		return (LEAKS_CLEAN);
	start = (size_t)(cut - text) + 1;
	end = (cut = strstr(text + start, "\nprofile\n")) != NULL ?
	    (size_t)(cut - text) : len;

	re = compile("^goroutine \\d+(?: gp=\\S+ m=\\S+(?: mp=\\S+)?)? "
	    "\\[([^\\]\\n]*)\\]:$");
	md = pcre2_match_data_create_from_pattern(re, NULL);
	more = pcre2_match(re, (PCRE2_SPTR)text, end, start, 0, md, NULL) > 0;
	while (more) {
		ov = pcre2_get_ovector_pointer(md);
		raw = group(md, text, 1);
		start = ov[1];
		more = pcre2_match(re, (PCRE2_SPTR)text, end, start, 0, md,
		    NULL) > 0;
		next = more ? pcre2_get_ovector_pointer(md)[0] : end;
		state = leak_state(raw, text + start, next - start);
		free(raw);
		file = cfile = NULL;
		line = cline = 0;
		if (!learner_frame(text, next, start, module, &file, &line)) {
			free(state);
			continue;
		}
		/* The creation site: the frame after "created by". */
		cut = memmem(text + start, next - start, "\ncreated by ", 12);
		if (cut != NULL)
			learner_frame(text, next, (size_t)(cut - text), module,
			    &cfile, &cline);
		for (i = 0; i < nl; i++) {
			if (strcmp(lk[i].state, state) == 0 &&
			    strcmp(lk[i].file, file) == 0 &&
			    lk[i].line == line && lk[i].cline == cline)
				break;
		}
		if (i == nl) {
			lk = xreallocarray(lk, nl + 1, sizeof *lk);
			lk[nl++] = (struct leak){ state, file, line, cfile,
			    cline, 0, 0 };
		} else {
			free(state);
			free(file);
			free(cfile);
		}
		lk[i].count++;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	if (end < len)
		leak_proved(lk, nl, text + end, len - end, module);
	if (nl == 0) {
		free(lk);
		return (LEAKS_CLEAN);
	}
	leak_findings(fs, lk, nl);
	return (LEAKS_FOUND);
}
