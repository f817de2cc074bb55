/* view_tracks: the first view, every track with its lessons' progress. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "progress.h"
#include "tui.h"

/* The length of the first sentence of text, as one line. */
static int
first_sentence(const char *text)
{
	const char	*p;

	if (text == NULL)
		return (0);
	for (p = text; *p != '\0'; p++) {
		if (*p == '\n' && p[1] == '\n')
			break;
		if (*p == '.' && (p[1] == ' ' || p[1] == '\n' || p[1] == '\0'))
			return ((int)(p - text));
	}
	return ((int)(p - text));
}

/* How many of a track's lessons the learner passed. */
static size_t
passed(struct tui *t, const struct track *tr)
{
	const struct progress_lesson	*pl;
	struct progress			*p = tui_progress(t);
	size_t				 i, n = 0;

	for (i = 0; p != NULL && i < tr->nlessons; i++) {
		pl = progress_lesson(p, tr->id, tr->lessons[i]->id);
		n += pl != NULL && pl->status == PROGRESS_PASSED;
	}
	return (n);
}

/* Draw the tracks, one per row, the selected one reversed. */
static void
tracks_draw(struct view *v, struct tui *t)
{
	struct library	*lib = tui_library(t);
	struct track	*tr;
	char		 line[512], bar[11];
	size_t		 i, k, done, height = (size_t)LINES - 5;
	int		 y;

	tui_title(t, "gotutor: Go for Java and Python developers", NULL);
	mvaddstr(2, 1, "Choose a track:");
	v->top = tui_list_top(v->top, v->sel, height / 2);
	for (i = v->top, y = 4; i < lib->ntracks && y < LINES - 2; i++) {
		tr = lib->tracks[i];
		done = passed(t, tr);
		for (k = 0; k < 10; k++)
			bar[k] = tr->nlessons > 0 && k < done * 10 /
			    tr->nlessons ? '#' : '-';
		bar[10] = '\0';
		snprintf(line, sizeof line, " %-10s %-36s [%s] %zu/%zu passed",
		    tr->id, tr->title, bar, done, tr->nlessons);
		if (i == v->sel)
			attron(A_REVERSE);
		tui_text(y, 1, line, strlen(line), COLS - 2);
		if (i == v->sel) {
			for (int x = getcurx(stdscr); x < COLS - 1; x++)
				addch(' ');
			attroff(A_REVERSE);
		}
		snprintf(line, sizeof line, "   from %s, %zu lesson%s: %.*s",
		    lang_names[tr->from], tr->nlessons,
		    tr->nlessons == 1 ? "" : "s", first_sentence(tr->description),
		    tr->description != NULL ? tr->description : "");
		for (char *c = line; *c != '\0'; c++) {
			if (*c == '\n')
				*c = ' ';
		}
		attron(tui_attr(t, TC_DIM));
		tui_text(y + 1, 1, line, strlen(line), COLS - 2);
		attroff(tui_attr(t, TC_DIM));
		y += 2;
	}
	if (lib->ntracks == 0)
		mvaddstr(4, 2, "No tracks found: run 'gotutor lint' to see why.");
}

/* Move, or open the selected track. */
static int
tracks_key(struct view *v, struct tui *t, int ch)
{
	struct library	*lib = tui_library(t);
	size_t		 n = lib->ntracks;

	if (tui_list_key(v, n, ch))
		return (1);
	switch (ch) {
	case '\n':
	case '\r':
	case KEY_ENTER:
	case 'l':
	case KEY_RIGHT:
		if (n != 0)
			tui_push(t, &view_lessons_ops,
			    view_lessons_new(lib->tracks[v->sel]));
		return (1);
	}
	return (0);
}

const struct view_ops view_tracks_ops = {
	.name = "Tracks",
	.keys = "j/k move  Enter open  q quit",
	.help =
	    "Tracks\n"
	    "  j, Down      next track\n"
	    "  k, Up        previous track\n"
	    "  g, G         first, last track\n"
	    "  Enter, l     open the track's lessons\n"
	    "  q            quit\n",
	.draw = tracks_draw,
	.key = tracks_key,
};
