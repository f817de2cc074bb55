/*
 * ui: the terminal front end (ncursesw). For now it shows the tracks and
 * their lessons. Curses is set up and torn down here only, and every way
 * out, a signal or a fatal error included, restores the terminal first.
 */

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "cmd.h"
#include "datadir.h"
#include "fatal.h"
#include "lesson.h"
#include "load.h"
#include "ui.h"

#define UI_MIN_COLS	60
#define UI_MIN_LINES	16

static volatile sig_atomic_t	ui_signal;
static int			ui_active;

/* What is on screen: the track list, or one track's lessons. */
struct ui {
	struct library	 lib;
	size_t		 nproblems;
	struct track	*track;		/* NULL on the track list */
	size_t		 sel;		/* the selected row */
	size_t		 top;		/* the first row shown */
	int		 color;
};

/* Leave curses mode, once; safe from fatal(). */
static void
ui_restore(void)
{
	if (ui_active) {
		ui_active = 0;
		endwin();
	}
}

/* Note a terminating signal; the main loop exits cleanly on it. */
static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* Catch the signals that would otherwise leave the terminal raw. */
static void
ui_signals(void)
{
	struct sigaction	 sa;
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	size_t			 i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* Draw text clipped to width w at the cursor. */
static void
put(const char *s, int w)
{
	if (w > 0)
		addnstr(s, w);
}

/* The number of rows in the current list. */
static size_t
rows(const struct ui *ui)
{
	return (ui->track != NULL ? ui->track->nlessons : ui->lib.ntracks);
}

/* Draw the header, the list and the status line. */
static void
draw(struct ui *ui)
{
	struct track	*t;
	struct lesson	*l;
	char		 line[512], *v;
	size_t		 i, n = rows(ui), height;
	int		 y;

	erase();
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		mvprintw(0, 0, "terminal too small (needs %dx%d)",
		    UI_MIN_COLS, UI_MIN_LINES);
		refresh();
		return;
	}
	attron(A_BOLD);
	if (ui->track == NULL)
		mvaddstr(0, 1, "gotutor: Go for Java and Python developers");
	else {
		move(0, 1);
		put(ui->track->title, COLS - 2);
	}
	attroff(A_BOLD);
	mvaddstr(1, 1, ui->track == NULL ? "Choose a track:" :
	    "Lessons, in order:");

	height = (size_t)LINES - 4;
	if (ui->sel < ui->top)
		ui->top = ui->sel;
	if (ui->sel >= ui->top + height)
		ui->top = ui->sel - height + 1;
	for (i = ui->top, y = 3; i < n && y < LINES - 1; i++, y++) {
		if (ui->track == NULL) {
			t = ui->lib.tracks[i];
			snprintf(line, sizeof line, " %-8s %-34s from %-6s "
			    "%3zu lesson%s", t->id, t->title,
			    lang_names[t->from], t->nlessons,
			    t->nlessons == 1 ? "" : "s");
		} else {
			l = ui->track->lessons[i];
			v = goversion_string(&l->min_go);
			snprintf(line, sizeof line, " %2zu. %-40s go%s", i + 1,
			    l->title, v);
			free(v);
		}
		if (i == ui->sel)
			attron(A_REVERSE);
		move(y, 1);
		put(line, COLS - 2);
		if (i == ui->sel) {
			for (int x = getcurx(stdscr); x < COLS - 1; x++)
				addch(' ');
			attroff(A_REVERSE);
		}
	}
	if (n == 0)
		mvaddstr(3, 2, ui->track == NULL ? "No tracks found." :
		    "This track has no valid lessons.");

	move(LINES - 1, 0);
	if (ui->nproblems != 0)
		snprintf(line, sizeof line, " %zu problem%s in the lessons: run "
		    "'gotutor lint'  |  q quit", ui->nproblems,
		    ui->nproblems == 1 ? "" : "s");
	else if (ui->track == NULL)
		snprintf(line, sizeof line, " j/k move  Enter open  q quit");
	else
		snprintf(line, sizeof line, " j/k move  q back");
	attron(A_REVERSE);
	put(line, COLS);
	for (int x = getcurx(stdscr); x < COLS; x++)
		addch(' ');
	attroff(A_REVERSE);
	refresh();
}

/* Handle a key; return 0 to quit. */
static int
key(struct ui *ui, int ch)
{
	size_t	n = rows(ui);

	switch (ch) {
	case 'q':
	case 27:	/* Esc */
		if (ui->track == NULL)
			return (ch != 'q' ? 1 : 0);
		for (ui->sel = 0; ui->sel < ui->lib.ntracks; ui->sel++) {
			if (ui->lib.tracks[ui->sel] == ui->track)
				break;
		}
		ui->track = NULL;
		ui->top = 0;
		break;
	case 'j':
	case KEY_DOWN:
		if (ui->sel + 1 < n)
			ui->sel++;
		break;
	case 'k':
	case KEY_UP:
		if (ui->sel > 0)
			ui->sel--;
		break;
	case 'g':
	case KEY_HOME:
		ui->sel = 0;
		break;
	case 'G':
	case KEY_END:
		ui->sel = n == 0 ? 0 : n - 1;
		break;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (ui->track == NULL && n != 0) {
			ui->track = ui->lib.tracks[ui->sel];
			ui->sel = ui->top = 0;
		}
		break;
	}
	return (1);
}

/* Load the bundled tracks and those in dirs. */
static void
ui_load(struct ui *ui, const char **dirs, size_t ndirs)
{
	struct problems	pb;
	size_t		i;

	problems_init(&pb);
	load_path(&ui->lib, datadir_lessons(), &pb);
	for (i = 0; i < ndirs; i++)
		load_path(&ui->lib, dirs[i], &pb);
	ui->nproblems = pb.n;
	problems_free(&pb);
}

/* Run the tutor on the bundled tracks and those in dirs. */
int
ui_main(const char **dirs, size_t ndirs)
{
	struct ui	 ui;
	SCREEN		*screen;
	int		 ch, status = EXIT_OK;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "gotutor: the tutor needs a terminal; "
		    "'gotutor list' prints the tracks\n");
		return (EXIT_USAGE);
	}
	memset(&ui, 0, sizeof ui);
	ui_load(&ui, dirs, ndirs);

	setlocale(LC_ALL, "");
	ui_signals();
	if ((screen = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, "gotutor: cannot use the terminal \"%s\"\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		library_free(&ui.lib);
		return (EXIT_USAGE);
	}
	ui_active = 1;
	fatal_set_hook(ui_restore);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);

	for (;;) {
		draw(&ui);
		ch = getch();
		if (ui_signal != 0) {
			status = 128 + ui_signal;
			break;
		}
		if (ch == ERR || ch == KEY_RESIZE)
			continue;
		if (!key(&ui, ch))
			break;
	}
	ui_restore();
	delscreen(screen);
	fatal_set_hook(NULL);
	library_free(&ui.lib);
	return (status);
}
