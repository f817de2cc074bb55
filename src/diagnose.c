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

/* Findings of category cat from "FILE:LINE[:COL]: message" lines; count. */
static size_t
positioned(struct findings *fs, enum category cat, const char *out, size_t len)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	PCRE2_SIZE		 start = 0, *ov;
	char			*file, *line, *msg;
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

/* What go vet, or the analyzer run as its tool, found: one finding each. */
void
diagnose_vet(struct findings *fs, enum category cat, const char *out,
    size_t len)
{
	positioned(fs, cat, out, len);
}

/*
 * Find the first frame of the learner's module in a stack trace: set
 * *file (the caller frees) and *line, or leave them.
 */
static void
first_frame(const char *err, size_t len, const char *module, char **file,
    unsigned *line)
{
	pcre2_code		*re;
	pcre2_match_data	*md;
	char			*pattern, *ln;
	PCRE2_UCHAR		*quoted;
	size_t			 i, qlen = 0;

	/* \Q...\E cannot hold \E; a module path never does. */
	quoted = xmalloc(strlen(module) + 1);
	for (i = 0; module[i] != '\0'; i++) {
		if (module[i] != '\\')
			quoted[qlen++] = (PCRE2_UCHAR)module[i];
	}
	quoted[qlen] = '\0';
	pattern = xasprintf("^\\t\\Q%s\\E/(\\S+\\.go):(\\d+)(?: \\+0x[0-9a-f]+)?"
	    "(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+)?$",
	    (char *)quoted);
	free(quoted);
	re = compile(pattern);
	free(pattern);
	md = pcre2_match_data_create_from_pattern(re, NULL);
	if (pcre2_match(re, (PCRE2_SPTR)err, len, 0, 0, md, NULL) > 0) {
		*file = group(md, err, 1);
		ln = group(md, err, 2);
		*line = (unsigned)strtoul(ln, NULL, 10);
		free(ln);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
}

/* What the jail's verdict says, with the learner's line where Go gave one. */
void
diagnose_run(struct findings *fs, const struct jail_result *r,
    const char *module)
{
	char		*file = NULL;
	unsigned	 line = 0;

	if (r->verdict == JAIL_TIMEOUT || r->verdict == JAIL_VIOLATION)
		first_frame(r->err, r->err_len, module, &file, &line);
	switch (r->verdict) {
	case JAIL_TIMEOUT:
		findings_add(fs, CAT_TIMEOUT, file, line, "the program was "
		    "stopped after %u ms of %s time%s", r->timeout_cpu ?
		    r->cpu_ms : r->wall_ms, r->timeout_cpu ? "CPU" : "wall",
		    file != NULL ? "; it was running this line" : "");
		break;
	case JAIL_MEMORY:
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
