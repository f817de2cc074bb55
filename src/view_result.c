/*
 * view_result: what a check found: the verdict and the timing, each
 * check, each diagnosis with its place, message and explanation (a diff
 * for wrong output; the goroutines' report for leaks, deadlocks and
 * timeouts), and the program's output. It reads the JSON that check
 * --json prints, as the check's child process wrote it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "jsonread.h"
#include "progress.h"
#include "settings.h"
#include "class.h"
#include "tui.h"
#include "workspace.h"
#include "xmalloc.h"

struct rline {
	int		 attr;		/* an enum tui_color, or 0 */
	int		 indent;
	char		*text;		/* owned */
	size_t		 len;
};

struct result {
	char		*json;
	struct jnode	*root;
	char		*error;
	struct track	*track;
	struct lesson	*lesson;
	char		*dir;
	int		 pass;
	int		 show_solution;
	struct rline	*lines;
	size_t		 nlines;
	int		 built_cols;
};

/* A new result view of the JSON text (which it owns). */
void *
view_result_new(char *json, size_t len, struct track *tr, struct lesson *l,
    const char *dir)
{
	struct result	*r = xcalloc(1, sizeof *r);

	r->json = json;
	r->track = tr;
	r->lesson = l;
	r->dir = xstrdup(dir);
	r->root = jsonread_parse(json, len, &r->error);
	r->pass = r->root != NULL &&
	    strcmp(jsonread_str(r->root, "status", ""), "pass") == 0;
	return (r);
}

/* Add a line (a copy of s[0..len)). */
static void
add(struct result *r, int attr, int indent, const char *s, size_t len)
{
	r->lines = xreallocarray(r->lines, r->nlines + 1, sizeof *r->lines);
	r->lines[r->nlines++] = (struct rline){ attr, indent, xstrndup(s, len),
	    len };
}

/* Add text wrapped to the width, each line indented. */
static void
add_wrapped(struct result *r, int attr, int indent, const char *s)
{
	size_t	len = strlen(s), at = 0, next, n;
	int	w = COLS - 2 - indent;

	if (w < 10)
		w = 10;
	while (at < len) {
		n = (size_t)tui_wrap(s + at, len - at, w, &next);
		add(r, attr, indent, s + at, n);
		at += next;
	}
}

/* Add text line by line, unwrapped (code, output, diffs). */
static void
add_verbatim(struct result *r, int attr, int indent, const char *s,
    size_t max)
{
	const char	*p, *nl;
	size_t		 n = 0;

	for (p = s; *p != '\0' && n < max; p = nl != NULL ? nl + 1 : "", n++) {
		nl = strchr(p, '\n');
		add(r, attr, indent, p, nl != NULL ? (size_t)(nl - p) :
		    strlen(p));
	}
	if (*p != '\0')
		add(r, TC_DIM, indent, "...", 3);
}

/* Lay the result out for the current width. */
static void
build(struct result *r)
{
	struct jnode	*checks, *diags, *d, *run;
	const char	*file, *expl, *out;
	char		*s;
	size_t		 i;
	long long	 line;

	for (i = 0; i < r->nlines; i++)
		free(r->lines[i].text);
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
	r->built_cols = COLS;
	if (r->root == NULL) {
		s = xasprintf("The check's result cannot be read: %s",
		    r->error);
		add_wrapped(r, TC_FAIL, 1, s);
		free(s);
		return;
	}
	run = jsonread_get(r->root, "run");
	s = xasprintf("%s  %s/%s%s", r->pass ? "PASS" : strcmp(jsonread_str(
	    r->root, "status", ""), "error") == 0 ? "ERROR" : "FAIL",
	    r->track->id, r->lesson->id, "");
	add(r, r->pass ? TC_PASS : TC_FAIL, 1, s, strlen(s));
	free(s);
	if (run != NULL) {
		s = xasprintf("ran %lld ms (%lld ms of CPU), %lld KiB, %s "
		    "isolation", jsonread_int(run, "wall_ms", 0),
		    jsonread_int(run, "cpu_ms", 0), jsonread_int(run,
		    "peak_kib", 0), jsonread_str(r->root, "isolation", "?"));
		add(r, TC_DIM, 1, s, strlen(s));
		free(s);
	}
	if (jsonread_str(r->root, "error", NULL) != NULL)
		add_wrapped(r, TC_FAIL, 1, jsonread_str(r->root, "error", ""));
	add(r, 0, 0, "", 0);
	checks = jsonread_get(r->root, "checks");
	for (i = 0; checks != NULL && i < checks->n; i++) {
		d = checks->kids[i];
		s = xasprintf("%-8s %s%s%s%s", strcmp(jsonread_str(d, "status",
		    ""), "fail") == 0 && !jsonread_bool(d, "blocking", 1) ?
		    "advice" : jsonread_str(d, "status", "?"),
		    jsonread_str(d, "name", "?"),
		    jsonread_str(d, "reason", NULL) != NULL ? ": " : "",
		    jsonread_str(d, "reason", ""),
		    jsonread_bool(d, "blocking", 1) ? "" : " (advice)");
		add_wrapped(r, strcmp(jsonread_str(d, "status", ""), "fail") ==
		    0 ? (jsonread_bool(d, "blocking", 1) ? TC_FAIL : TC_DIM) :
		    0, 2, s);
		free(s);
	}
	diags = jsonread_get(r->root, "diagnostics");
	for (i = 0; diags != NULL && i < diags->n; i++) {
		d = diags->kids[i];
		add(r, 0, 0, "", 0);
		file = jsonread_str(d, "file", NULL);
		line = jsonread_int(d, "line", 0);
		s = file != NULL ? xasprintf("%s:%lld: %s%s: %s", file, line,
		    jsonread_str(d, "category", "?"), jsonread_bool(d,
		    "blocking", 1) ? "" : " (advice)", jsonread_str(d,
		    "message", "")) : xasprintf("%s%s: %s", jsonread_str(d,
		    "category", "?"), jsonread_bool(d, "blocking", 1) ? "" :
		    " (advice)", jsonread_str(d, "message", ""));
		add_wrapped(r, TC_TITLE, 1, s);
		free(s);
		expl = jsonread_str(d, "explanation", NULL);
		if (expl == NULL)
			continue;
		if (strcmp(jsonread_str(d, "category", ""), "wrong-output") ==
		    0)
			add_verbatim(r, 0, 4, expl, 200);
		else
			add_wrapped(r, 0, 4, expl);
	}
	out = run != NULL ? jsonread_str(run, "stdout", "") : "";
	if (*out != '\0') {
		add(r, 0, 0, "", 0);
		add(r, TC_TITLE, 1, "Output", 6);
		add_verbatim(r, 0, 2, out, 500);
	}
	out = run != NULL ? jsonread_str(run, "stderr", "") : "";
	if (*out != '\0') {
		add(r, 0, 0, "", 0);
		add(r, TC_TITLE, 1, "Standard error", 14);
		add_verbatim(r, 0, 2, out, 200);
	}
	if (jsonread_str(r->root, "hint", NULL) != NULL) {
		add(r, 0, 0, "", 0);
		add(r, TC_TITLE, 1, "Hint", 4);
		add_wrapped(r, 0, 2, jsonread_str(r->root, "hint", ""));
	}
	if (r->show_solution && r->lesson->exercise.solution.n > 0) {
		add(r, 0, 0, "", 0);
		add(r, TC_TITLE, 1, "The reference solution", 22);
		for (i = 0; i < r->lesson->exercise.solution.n; i++) {
			add(r, TC_DIM, 2, r->lesson->exercise.solution.v[i].path,
			    strlen(r->lesson->exercise.solution.v[i].path));
			add_verbatim(r, 0, 4,
			    r->lesson->exercise.solution.v[i].text, 2000);
		}
	}
}

/* Draw from the top line. */
static void
result_draw(struct view *v, struct tui *t)
{
	struct result	*r = v->data;
	struct rline	*ln;
	size_t		 i, height = (size_t)LINES - 3;
	int		 y;

	if (r->built_cols != COLS)
		build(r);
	if (r->nlines > height && v->top > r->nlines - height)
		v->top = r->nlines - height;
	tui_title(t, "Result", r->lesson->title);
	for (i = v->top, y = 2; i < r->nlines && y < LINES - 1; i++, y++) {
		ln = &r->lines[i];
		if (ln->attr != 0)
			attron(tui_attr(t, ln->attr));
		tui_text(y, 1 + ln->indent, ln->text, ln->len,
		    COLS - 2 - ln->indent);
		if (ln->attr != 0)
			attroff(tui_attr(t, ln->attr));
	}
}

/*
 * May the reference solution show: after a pass (now or before), or after
 * the settings' number of failed checks?
 */
static int
solution_allowed(struct tui *t, const struct result *r)
{
	const struct progress_lesson	*pl = NULL;
	unsigned			 after = tui_settings(t)->solution_after;

	const struct class_state	*cls = tui_class(t);

	if (r->pass)
		return (1);
	if (tui_progress(t) != NULL)
		pl = progress_lesson(tui_progress(t), r->track->id,
		    r->lesson->id);
	/* In a class, the instructor says, not the settings. */
	if (cls != NULL && strcmp(cls->track, r->track->id) == 0)
		return ((pl != NULL && pl->status == PROGRESS_PASSED) ||
		    class_solution_allowed(cls, r->lesson->id));
	if (pl == NULL)
		return (0);
	return (pl->status == PROGRESS_PASSED ||
	    (after > 0 && pl->failed >= after));
}

/* Scroll, check again, edit, watch, or show the solution after a pass. */
static int
result_key(struct view *v, struct tui *t, int ch)
{
	struct result		*r = v->data;
	struct progress_event	 ev;
	unsigned		 after;
	char			*file;

	if (tui_scroll_key(v, r->nlines, ch))
		return (1);
	switch (ch) {
	case 'r':
		tui_check(t, r->track, r->lesson, r->dir);
		return (1);
	case 'e':
		file = workspace_file(r->dir, r->lesson);
		tui_edit(t, file);
		free(file);
		return (1);
	case 'w':
		tui_watch(t, r->track, r->lesson, r->dir);
		return (1);
	case 's':
		if (!solution_allowed(t, r)) {
			after = tui_settings(t)->solution_after;
			if (tui_class(t) != NULL)
				tui_message(t, "the solution shows once you "
				    "pass, or when the instructor allows it");
			else if (after > 0)
				tui_message(t, "the solution shows once you "
				    "pass, or after %u failed checks", after);
			else
				tui_message(t, "the solution shows once you "
				    "pass");
			return (1);
		}
		memset(&ev, 0, sizeof ev);
		ev.kind = PROGRESS_EV_SOLUTION;
		ev.track = r->track->id;
		ev.lesson = r->lesson->id;
		tui_record(t, &ev);
		r->show_solution = 1;
		r->built_cols = 0;
		v->top = r->nlines;
		return (1);
	}
	return (0);
}

/* Free the view's state. */
static void
result_free(struct view *v)
{
	struct result	*r = v->data;
	size_t		 i;

	for (i = 0; i < r->nlines; i++)
		free(r->lines[i].text);
	free(r->lines);
	jsonread_free(r->root);
	free(r->error);
	free(r->json);
	free(r->dir);
	free(r);
}

const struct view_ops view_result_ops = {
	.name = "Result",
	.keys = "r check again  e edit  w watch  s solution  q back",
	.help =
	    "Result\n"
	    "  j, k, Space, b   scroll\n"
	    "  r            check again\n"
	    "  e            edit your file\n"
	    "  w            watch mode: check on every save\n"
	    "  s            the reference solution (once you pass)\n"
	    "  q, Esc       back to the lesson\n",
	.draw = result_draw,
	.key = result_key,
	.free = result_free,
};
