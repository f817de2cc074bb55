/*
 * view_lesson: one lesson: the idiom side by side (the learner's language
 * on the left, Go on the right; stacked on narrow terminals), the
 * explanation, and the exercise with the path of the learner's file. The
 * exercise keys (edit, check, watch, hint, solution, reset, next) act here.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "progress.h"
#include "tui.h"
#include "workspace.h"
#include "xmalloc.h"

#define GO	LANG__COUNT	/* the language index of Go, for colouring */

enum kind {
	K_TEXT,
	K_HEAD,
	K_DIM,
	K_CODE,			/* lang: one language */
	K_PAIR			/* the learner's language, then Go */
};

struct line {
	enum kind	 kind;
	enum lang	 lang;
	const char	*text;
	size_t		 len;
	const char	*right;		/* K_PAIR: Go */
	size_t		 rlen;
};

struct lesson_view {
	struct track	*track;
	struct lesson	*lesson;
	enum lang	 shown;		/* the idiom's source language */
	char		*dir;		/* the workspace, once opened */
	char		*file;
	char		*why;		/* why the workspace is missing */
	size_t		 hints;		/* hints shown */
	int		 confirm_reset;
	struct line	*lines;
	size_t		 nlines;
	int		 built_cols;	/* the width lines were built for */
	char		*scratch;	/* strings the lines point into */
};

/* A new lesson view; the workspace is made, with the starter files. */
void *
view_lesson_new(struct tui *t, struct track *tr, struct lesson *l)
{
	struct lesson_view	*lv = xcalloc(1, sizeof *lv);
	const struct progress_lesson *pl;
	struct progress_event	 ev;

	lv->track = tr;
	lv->lesson = l;
	lv->shown = tr->from;
	/* The hints seen before stay shown. */
	if (tui_progress(t) != NULL && (pl = progress_lesson(tui_progress(t),
	    tr->id, l->id)) != NULL)
		lv->hints = pl->hints;
	memset(&ev, 0, sizeof ev);
	ev.kind = PROGRESS_EV_OPEN;
	ev.track = tr->id;
	ev.lesson = l->id;
	tui_record(t, &ev);
	if (workspace_open(tui_workspace(t), tr, l, &lv->dir, &lv->why) == 0)
		lv->file = workspace_file(lv->dir, l);
	return (lv);
}

/* Add one line. */
static void
add(struct lesson_view *lv, enum kind k, enum lang lang, const char *s,
    size_t len)
{
	lv->lines = xreallocarray(lv->lines, lv->nlines + 1, sizeof *lv->lines);
	lv->lines[lv->nlines++] = (struct line){ k, lang, s, len, NULL, 0 };
}

/* Add text, wrapped to w columns, paragraph by paragraph. */
static void
add_text(struct lesson_view *lv, enum kind k, const char *s, int w)
{
	size_t	len = strlen(s), at = 0, next, n;

	while (at < len) {
		n = (size_t)tui_wrap(s + at, len - at, w, &next);
		add(lv, k, 0, s + at, n);
		at += next;
	}
}

/* Split code into lines; NULL-safe. */
static size_t
code_lines(const char *s, const char ***starts, size_t **lens)
{
	const char	*p, *nl;
	size_t		 n = 0;

	*starts = NULL;
	*lens = NULL;
	for (p = s; p != NULL && *p != '\0'; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		*starts = xreallocarray(*starts, n + 1, sizeof **starts);
		*lens = xreallocarray(*lens, n + 1, sizeof **lens);
		(*starts)[n] = p;
		(*lens)[n++] = nl != NULL ? (size_t)(nl - p) : strlen(p);
	}
	return (n);
}

/* Lay the lesson out for the current width. */
static void
build(struct lesson_view *lv)
{
	struct lesson	*l = lv->lesson;
	const char	*src = lv->shown == LANG_JAVA ? l->idiom.java :
	    l->idiom.python, **ls, **rs;
	size_t		*ll, *rl, nl, nr, i;
	int		 w = COLS - 4;

	free(lv->lines);
	lv->lines = NULL;
	lv->nlines = 0;
	lv->built_cols = COLS;

	add(lv, K_HEAD, 0, "The idiom", 9);
	nl = code_lines(src, &ls, &ll);
	nr = code_lines(l->idiom.go, &rs, &rl);
	if (COLS >= 100) {
		add(lv, K_DIM, 0, lv->shown == LANG_JAVA ? "Java" : "Python",
		    lv->shown == LANG_JAVA ? 4 : 6);
		lv->lines[lv->nlines - 1].right = "Go";
		lv->lines[lv->nlines - 1].rlen = 2;
		lv->lines[lv->nlines - 1].kind = K_PAIR;
		lv->lines[lv->nlines - 1].lang = (enum lang)-1;
		for (i = 0; i < nl || i < nr; i++) {
			add(lv, K_PAIR, lv->shown, i < nl ? ls[i] : "",
			    i < nl ? ll[i] : 0);
			lv->lines[lv->nlines - 1].right = i < nr ? rs[i] : "";
			lv->lines[lv->nlines - 1].rlen = i < nr ? rl[i] : 0;
		}
	} else {
		add(lv, K_DIM, 0, lv->shown == LANG_JAVA ? "Java:" : "Python:",
		    lv->shown == LANG_JAVA ? 5 : 7);
		for (i = 0; i < nl; i++)
			add(lv, K_CODE, lv->shown, ls[i], ll[i]);
		add(lv, K_TEXT, 0, "", 0);
		add(lv, K_DIM, 0, "Go:", 3);
		for (i = 0; i < nr; i++)
			add(lv, K_CODE, GO, rs[i], rl[i]);
	}
	free(ls);
	free(ll);
	free(rs);
	free(rl);
	add(lv, K_DIM, 0, "It prints:", 10);
	nl = code_lines(l->idiom.output, &ls, &ll);
	for (i = 0; i < nl; i++)
		add(lv, K_CODE, GO, ls[i], ll[i]);
	free(ls);
	free(ll);

	add(lv, K_TEXT, 0, "", 0);
	add(lv, K_HEAD, 0, "Explanation", 11);
	add_text(lv, K_TEXT, l->explanation, w);
	add(lv, K_TEXT, 0, "", 0);
	add(lv, K_HEAD, 0, "Exercise", 8);
	add_text(lv, K_TEXT, l->exercise.prompt, w);
	add(lv, K_TEXT, 0, "", 0);
	free(lv->scratch);
	lv->scratch = lv->file != NULL ? xasprintf("Your file: %s", lv->file) :
	    xasprintf("No workspace: %s", lv->why);
	add_text(lv, K_DIM, lv->scratch, w);
	add_text(lv, K_DIM, "e edits it, r checks it, w checks it on every "
	    "save, h shows a hint.", w);
	for (i = 0; i < lv->hints && i < l->exercise.nhints; i++) {
		add(lv, K_TEXT, 0, "", 0);
		add(lv, K_HEAD, 0, "Hint", 4);
		add_text(lv, K_TEXT, l->exercise.hints[i], w);
	}
}

/* Draw the lines from the top one. */
static void
lesson_draw(struct view *v, struct tui *t)
{
	struct lesson_view	*lv = v->data;
	struct line		*ln;
	char			 note[64];
	size_t			 i, height = (size_t)LINES - 3;
	int			 y, half = (COLS - 3) / 2;

	if (lv->built_cols != COLS)
		build(lv);
	if (lv->nlines > height && v->top > lv->nlines - height)
		v->top = lv->nlines - height;
	snprintf(note, sizeof note, "%s%zu%%", tui_watching(t, lv->lesson) ?
	    "watching  " : "", lv->nlines <= height ? 100 :
	    (v->top + height) * 100 / lv->nlines);
	tui_title(t, lv->lesson->title, note);
	for (i = v->top, y = 2; i < lv->nlines && y < LINES - 1; i++, y++) {
		ln = &lv->lines[i];
		switch (ln->kind) {
		case K_HEAD:
			attron(tui_attr(t, TC_TITLE));
			tui_text(y, 1, ln->text, ln->len, COLS - 2);
			attroff(tui_attr(t, TC_TITLE));
			break;
		case K_DIM:
			attron(tui_attr(t, TC_DIM));
			tui_text(y, 2, ln->text, ln->len, COLS - 3);
			attroff(tui_attr(t, TC_DIM));
			break;
		case K_CODE:
			tui_code(t, y, 4, ln->text, ln->len, COLS - 5, ln->lang);
			break;
		case K_PAIR:
			if ((int)ln->lang == -1) {
				attron(tui_attr(t, TC_DIM));
				tui_text(y, 2, ln->text, ln->len, half);
				tui_text(y, half + 3, ln->right, ln->rlen,
				    COLS - half - 4);
				attroff(tui_attr(t, TC_DIM));
				break;
			}
			tui_code(t, y, 2, ln->text, ln->len, half - 1,
			    ln->lang);
			attron(tui_attr(t, TC_DIM));
			mvaddch(y, half + 1, ACS_VLINE);
			attroff(tui_attr(t, TC_DIM));
			tui_code(t, y, half + 3, ln->right, ln->rlen,
			    COLS - half - 4, GO);
			break;
		default:
			tui_text(y, 2, ln->text, ln->len, COLS - 3);
			break;
		}
	}
}

/* The next lesson of the track, or NULL. */
static struct lesson *
next_lesson(struct lesson_view *lv)
{
	size_t	i;

	for (i = 0; i + 1 < lv->track->nlessons; i++) {
		if (lv->track->lessons[i] == lv->lesson)
			return (lv->track->lessons[i + 1]);
	}
	return (NULL);
}

/* Scroll, or act on the exercise. */
static int
lesson_key(struct view *v, struct tui *t, int ch)
{
	struct lesson_view	*lv = v->data;
	struct lesson		*l = lv->lesson, *nx;
	struct track		*tr = lv->track;
	struct progress_event	 ev;
	char			*backup, *why;

	if (ch != 'x')
		lv->confirm_reset = 0;
	if (tui_scroll_key(v, lv->nlines, ch))
		return (1);
	switch (ch) {
	case '\t':
		lv->shown = lv->shown == LANG_JAVA ? LANG_PYTHON : LANG_JAVA;
		lv->built_cols = 0;
		return (1);
	case 'h':
		if (lv->hints < l->exercise.nhints) {
			memset(&ev, 0, sizeof ev);
			ev.kind = PROGRESS_EV_HINT;
			ev.track = tr->id;
			ev.lesson = l->id;
			ev.hint = (unsigned)lv->hints;
			tui_record(t, &ev);
			lv->hints++;
			lv->built_cols = 0;
			v->top = lv->nlines;	/* show it */
			tui_message(t, "hint %zu of %zu", lv->hints,
			    l->exercise.nhints);
		} else
			tui_message(t, "no more hints");
		return (1);
	}
	if (lv->dir == NULL) {
		if (strchr("erwxs", ch) != NULL) {
			tui_message(t, "no workspace: %s", lv->why);
			return (1);
		}
	}
	switch (ch) {
	case 'e':
		tui_edit(t, lv->file);
		return (1);
	case 'r':
		tui_check(t, tr, l, lv->dir);
		return (1);
	case 'w':
		tui_watch(t, tr, l, lv->dir);
		if (tui_watching(t, l))
			tui_check(t, tr, l, lv->dir);
		return (1);
	case 'x':
		if (!lv->confirm_reset) {
			lv->confirm_reset = 1;
			tui_message(t, "press x again to reset the exercise to "
			    "its starter files (yours are kept in a backup)");
			return (1);
		}
		lv->confirm_reset = 0;
		if (workspace_reset(lv->dir, l, &backup, &why) == 0) {
			tui_message(t, "reset; your files are in %s", backup);
			free(backup);
		} else {
			tui_message(t, "cannot reset: %s", why);
			free(why);
			free(backup);
		}
		return (1);
	case 'n':
		if ((nx = next_lesson(lv)) == NULL) {
			tui_message(t, "that was the last lesson of the track");
			return (1);
		}
		tui_pop(t);
		tui_push(t, &view_lesson_ops, view_lesson_new(t, tr, nx));
		return (1);
	}
	return (0);
}

/* Free the view's state. */
static void
lesson_view_free(struct view *v)
{
	struct lesson_view	*lv = v->data;

	free(lv->lines);
	free(lv->scratch);
	free(lv->dir);
	free(lv->file);
	free(lv->why);
	free(lv);
}

const struct view_ops view_lesson_ops = {
	.name = "Lesson",
	.keys = "e edit  r check  w watch  h hint  Tab language  n next  q back",
	.help =
	    "Lesson\n"
	    "  j, k         scroll a line\n"
	    "  Space, b     scroll a page down, up\n"
	    "  g, G         top, bottom\n"
	    "  Tab          show the idiom in Java or in Python\n"
	    "  e            edit your file ($VISUAL, $EDITOR, or vi)\n"
	    "  r            check your file now\n"
	    "  w            watch mode: check on every save\n"
	    "  h            show the next hint\n"
	    "  x            reset the exercise to its starter files (asks\n"
	    "               first, and keeps your files in a backup)\n"
	    "  n            next lesson\n"
	    "  q, Esc       back to the lessons\n"
	    "While a check runs, k or Ctrl-C cancels it.\n",
	.draw = lesson_draw,
	.key = lesson_key,
	.free = lesson_view_free,
};
