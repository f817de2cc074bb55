/* view_help: the keys of the view it was opened from, and the global ones. */

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "tui.h"

static const char global_help[] =
    "Everywhere\n"
    "  ?            this help\n"
    "  q, Esc       back; q on the first view quits\n"
    "  k, Ctrl-C    cancel a running check\n"
    "\n"
    "Your exercises live in ~/gotutor/TRACK/LESSON (GOTUTOR_WORKSPACE\n"
    "moves them); edit them with any editor.\n";

/* Draw a block of lines at y; return the next free row. */
static int
block(const char *s, int y)
{
	const char	*nl;

	for (; *s != '\0' && y < LINES - 1; y++) {
		nl = strchr(s, '\n');
		tui_text(y, 2, s, nl != NULL ? (size_t)(nl - s) : strlen(s),
		    COLS - 3);
		s = nl != NULL ? nl + 1 : s + strlen(s);
	}
	return (y);
}

/* The help of the view below, then the global keys. */
static void
help_draw(struct view *v, struct tui *t)
{
	const struct view_ops	*below = v->data;
	int			 y;

	tui_title(t, "Help", below->name);
	y = block(below->help, 2);
	block(global_help, y + 1);
}

/* Any key but the global ones closes the help. */
static int
help_key(struct view *v, struct tui *t, int ch)
{
	(void)v;
	if (ch == '?') {
		tui_pop(t);
		return (1);
	}
	return (0);
}

const struct view_ops view_help_ops = {
	.name = "Help",
	.keys = "q back",
	.help = "",
	.draw = help_draw,
	.key = help_key,
};
