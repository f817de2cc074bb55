/*
 * view_lessons: one track's lessons in teaching order, with the Go release
 * each needs; those this machine cannot run are marked, and say why.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "progress.h"
#include "tui.h"
#include "xmalloc.h"

struct lessons {
	struct track	*track;
	char		 search[64];
	int		 searching;	/* typing after / */
};

/* A new lessons view of track tr. */
void *
view_lessons_new(struct track *tr)
{
	struct lessons	*ls = xcalloc(1, sizeof *ls);

	ls->track = tr;
	return (ls);
}

/* The concepts of a lesson, as "errors, concurrency". */
static void
concepts(unsigned set, char *buf, size_t len)
{
	size_t	i;

	buf[0] = '\0';
	for (i = 0; i < CONCEPT__COUNT; i++) {
		if (!(set & (1u << i)))
			continue;
		if (buf[0] != '\0')
			strncat(buf, ", ", len - strlen(buf) - 1);
		strncat(buf, concept_names[i], len - strlen(buf) - 1);
	}
}

/* Draw the lessons, their concepts and what they need. */
static void
lessons_draw(struct view *v, struct tui *t)
{
	struct lessons	*ls = v->data;
	struct track	*tr = ls->track;
	struct lesson	*l;
	const struct progress_lesson *pl;
	char		 line[512], cs[128], *why, *ver;
	size_t		 i, height = (size_t)LINES - 4;
	int		 y, ok, tw, cw;

	tui_title(t, tr->title, lang_names[tr->from]);
	v->top = tui_list_top(v->top, v->sel, height);
	for (i = v->top, y = 2; i < tr->nlessons && y < LINES - 1; i++, y++) {
		l = tr->lessons[i];
		ok = tui_can_run(t, tr, l, &why);
		pl = tui_progress(t) != NULL ? progress_lesson(tui_progress(t),
		    tr->id, l->id) : NULL;
		concepts(l->concepts, cs, sizeof cs);
		ver = goversion_string(&l->min_go);
		/* The title takes what the number, the status, the
		 * concepts and the Go release leave. */
		tw = COLS - 2 - 15 - (cw = COLS >= 100 ? 24 : 14) - 10;
		if (why != NULL) {	/* the reason before the title */
			tw = COLS - 2 - 15 - (int)strlen(why) - 2;
			if (tw < 16)
				tw = 16;
			snprintf(line, sizeof line, " %2zu. %-9s %-*.*s  %s",
			    i + 1, "locked", tw, tw, l->title, why);
		}
		else
			snprintf(line, sizeof line, " %2zu. %-9s %-*.*s "
			    "%-*.*s go%s", i + 1, pl == NULL ? "new" :
			    pl->status == PROGRESS_PASSED ? "passed" :
			    pl->status == PROGRESS_ATTEMPTED ? "attempted" :
			    "new", tw, tw, l->title, cw, cw - 1, cs, ver);
		free(ver);
		free(why);
		if (i == v->sel)
			attron(A_REVERSE);
		else if (!ok)
			attron(tui_attr(t, TC_DIM));
		tui_text(y, 1, line, strlen(line), COLS - 2);
		if (i == v->sel) {
			for (int x = getcurx(stdscr); x < COLS - 1; x++)
				addch(' ');
			attroff(A_REVERSE);
		} else if (!ok)
			attroff(tui_attr(t, TC_DIM));
	}
	if (tr->nlessons == 0)
		mvaddstr(2, 2, "This track has no valid lessons.");
	if (ls->searching) {
		snprintf(line, sizeof line, "/%s", ls->search);
		tui_text(LINES - 2, 1, line, strlen(line), COLS - 2);
	} else if (v->sel < tr->nlessons && (why = tui_class_locked(t, tr,
	    tr->lessons[v->sel])) != NULL) {
		snprintf(line, sizeof line, "Lesson %zu is locked: %s.",
		    v->sel + 1, why);
		free(why);
		move(LINES - 2, 0);
		clrtoeol();
		attron(tui_attr(t, TC_DIM));
		tui_text(LINES - 2, 1, line, strlen(line), COLS - 2);
		attroff(tui_attr(t, TC_DIM));
	}
}

/* Select the next lesson from sel on whose title or id holds the search. */
static void
find(struct view *v, struct lessons *ls, size_t from)
{
	struct track	*tr = ls->track;
	size_t		 i, k;

	for (k = 0; k < tr->nlessons; k++) {
		i = (from + k) % tr->nlessons;
		if (strcasestr(tr->lessons[i]->title, ls->search) != NULL ||
		    strcasestr(tr->lessons[i]->id, ls->search) != NULL) {
			v->sel = i;
			return;
		}
	}
}

/* Free the view's state. */
static void
lessons_free(struct view *v)
{
	free(v->data);
}

/* Move, search, or open the selected lesson. */
static int
lessons_key(struct view *v, struct tui *t, int ch)
{
	struct lessons	*ls = v->data;
	size_t		 n = ls->track->nlessons, len = strlen(ls->search);
	char		*why;

	if (ls->searching) {
		if (ch == '\n' || ch == '\r' || ch == KEY_ENTER || ch == 27)
			ls->searching = 0;
		else if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) &&
		    len > 0)
			ls->search[len - 1] = '\0';
		else if (ch >= ' ' && ch < 127 && len + 1 < sizeof ls->search) {
			ls->search[len] = (char)ch;
			ls->search[len + 1] = '\0';
			find(v, ls, v->sel);
		}
		return (1);
	}
	if (tui_list_key(v, n, ch))
		return (1);
	switch (ch) {
	case '/':
		ls->searching = 1;
		ls->search[0] = '\0';
		return (1);
	case 'n':
		if (ls->search[0] != '\0')
			find(v, ls, v->sel + 1);
		return (1);
	case '\n':
	case '\r':
	case KEY_ENTER:
	case 'l':
	case KEY_RIGHT:
		if (n != 0 && (why = tui_class_locked(t, ls->track,
		    ls->track->lessons[v->sel])) != NULL) {
			tui_message(t, "locked: %s", why);
			free(why);
			return (1);
		}
		if (n != 0)
			tui_push(t, &view_lesson_ops,
			    view_lesson_new(t, ls->track,
			    ls->track->lessons[v->sel]));
		return (1);
	}
	return (0);
}

const struct view_ops view_lessons_ops = {
	.name = "Lessons",
	.keys = "j/k move  Enter open  / search  q back",
	.help =
	    "Lessons\n"
	    "  j, k         next, previous lesson\n"
	    "  g, G         first, last lesson\n"
	    "  /            search titles; Enter ends the search\n"
	    "  n            next match\n"
	    "  Enter, l     open the lesson\n"
	    "  q, Esc       back to the tracks\n"
	    "A lesson is new, attempted (checked, not passed yet) or passed;\n"
	    "one marked locked needs a newer Go than this machine has, or,\n"
	    "in a class, waits for the instructor to open it.\n",
	.draw = lessons_draw,
	.key = lessons_key,
	.free = lessons_free,
};
