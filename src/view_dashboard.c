/*
 * view_dashboard: the instructor's live view of a class: learners by
 * lessons, each cell passed, failing (with its category's glyph), opened or
 * not started; per-lesson counts and the failures common right now; keys
 * to set the pace, announce, allow solutions and freeze. It follows the
 * learners' logs with inotify and reads again only the logs that changed.
 * Enter shows a learner's last check: its diagnosis and code.
 */

#include <sys/inotify.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "class.h"
#include "jsonread.h"
#include "progress.h"
#include "tui.h"
#include "xmalloc.h"

/* A cell's state; failing cells carry a category. */
enum cell {
	CELL_NONE,	/* not started */
	CELL_OPEN,	/* opened, not checked */
	CELL_FAIL,	/* checked, not passed */
	CELL_PASS
};

/* One glyph per category, for failing cells (the legend says them). */
static const char cat_glyph[CAT__COUNT] = {
	[CAT_COMPILE_ERROR] = 'C', [CAT_VET] = 'V', [CAT_IGNORED_ERROR] = 'E',
	[CAT_IDIOM_TRAP] = 'I', [CAT_PANIC] = 'P', [CAT_DEADLOCK] = 'D',
	[CAT_GOROUTINE_LEAK] = 'L', [CAT_DATA_RACE] = 'R',
	[CAT_TIMEOUT] = 'T', [CAT_TOO_SLOW] = 'S', [CAT_WRONG_OUTPUT] = 'O',
	[CAT_WRONG_EXIT_CODE] = 'X', [CAT_MEMORY_LIMIT] = 'M',
	[CAT_OUTPUT_LIMIT] = 'F', [CAT_SANDBOX_VIOLATION] = 'J',
};

struct dlearner {
	char		*login;
	char		*name;
	char		*log;
	char		*flag;
	char		*error;		/* the log could not be read */
	unsigned char	*cells;		/* enum cell, per lesson */
	unsigned char	*cats;		/* a failing cell's category */
	unsigned	 passed;
	uint64_t	 last_ms;
	int		 dirty;
};

enum prompt {
	PROMPT_NONE,
	PROMPT_ANNOUNCE,
	PROMPT_PACE
};

struct dash {
	char			*dir;
	const struct track	*track;
	struct dlearner		*ls;
	size_t			 n;
	size_t			 col;		/* the selected lesson */
	size_t			 left;		/* the first lesson shown */
	int			 inotify;
	int			 reload;	/* the list of learners changed */
	size_t			 nwarnings;
	enum prompt		 prompt;
	char			 input[CLASS_ANNOUNCE_MAX + 1];
};

/* Find the lesson id's index in the track, or -1. */
static int
lesson_index(const struct track *t, const char *id)
{
	size_t	i;

	for (i = 0; i < t->nlessons; i++)
		if (strcmp(t->lessons[i]->id, id) == 0)
			return ((int)i);
	return (-1);
}

/* Read one learner's log into their cells. */
static void
read_learner(struct dash *d, struct dlearner *l)
{
	const struct progress_event	*ev;
	struct progress			*p;
	size_t				 i, k, nl = d->track->nlessons;
	int				 at;

	l->dirty = 0;
	memset(l->cells, CELL_NONE, nl);
	memset(l->cats, 0, nl);
	l->passed = 0;
	l->last_ms = 0;
	free(l->error);
	l->error = NULL;
	if (l->log == NULL)
		return;
	if (progress_open_flags(l->log, PROGRESS_READONLY | PROGRESS_NOFOLLOW,
	    &p, &l->error) != 0)
		return;
	for (i = 0; i < progress_nevents(p); i++) {
		ev = progress_event(p, i);
		l->last_ms = ev->ts_ms;
		if (strcmp(ev->track, d->track->id) != 0 ||
		    (at = lesson_index(d->track, ev->lesson)) == -1)
			continue;
		switch (ev->kind) {
		case PROGRESS_EV_OPEN:
		case PROGRESS_EV_HINT:
		case PROGRESS_EV_SOLUTION:
			if (l->cells[at] == CELL_NONE)
				l->cells[at] = CELL_OPEN;
			break;
		case PROGRESS_EV_CHECK:
			if (l->cells[at] == CELL_PASS)
				break;
			if (ev->verdict == PROGRESS_PASS) {
				l->cells[at] = CELL_PASS;
				break;
			}
			l->cells[at] = CELL_FAIL;
			l->cats[at] = CAT__COUNT;
			for (k = 0; k < CAT__COUNT && ev->ncategories > 0; k++)
				if (strcmp(category_names[k],
				    ev->categories[0]) == 0)
					l->cats[at] = (unsigned char)k;
			break;
		case PROGRESS_EV_PASSED:
			l->cells[at] = CELL_PASS;
			break;
		default:
			break;
		}
	}
	for (i = 0; i < nl; i++)
		if (l->cells[i] == CELL_PASS)
			l->passed++;
	progress_close(p);
}

/* Free the learners. */
static void
free_learners(struct dash *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		free(d->ls[i].login);
		free(d->ls[i].name);
		free(d->ls[i].log);
		free(d->ls[i].flag);
		free(d->ls[i].error);
		free(d->ls[i].cells);
		free(d->ls[i].cats);
	}
	free(d->ls);
	d->ls = NULL;
	d->n = 0;
}

/* What the loading threads share. */
struct loader {
	struct dash	*d;
	size_t		 next;		/* the next learner to read */
	pthread_mutex_t	 lock;
};

/* A loading thread: read learners' logs until none is left. */
static void *
load_some(void *arg)
{
	struct loader	*ld = arg;
	size_t		 i;

	for (;;) {
		pthread_mutex_lock(&ld->lock);
		i = ld->next++;
		pthread_mutex_unlock(&ld->lock);
		if (i >= ld->d->n)
			return (NULL);
		read_learner(ld->d, &ld->d->ls[i]);
	}
}

/* Read every learner's log, on as many threads as there are cores (at
 * most 8): a class of thousands loads in a fraction of a second. */
static void
load_all(struct dash *d)
{
	struct loader	ld = { d, 0, PTHREAD_MUTEX_INITIALIZER };
	pthread_t	th[8];
	long		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int		i, n;

	n = ncpu < 1 ? 1 : ncpu > 8 ? 8 : (int)ncpu;
	if (d->n < 64)
		n = 1;
	for (i = 1; i < n; i++)
		if (pthread_create(&th[i], NULL, load_some, &ld) != 0)
			break;
	n = i;
	load_some(&ld);
	for (i = 1; i < n; i++)
		pthread_join(th[i], NULL);
}

/* (Re)load the class: its learners and every log. */
static void
load_class(struct dash *d, struct tui *t)
{
	struct class	*c;
	struct dlearner	*l;
	char		*cause;
	size_t		 i;

	d->reload = 0;
	if (class_open(d->dir, &c, &cause) != 0) {
		tui_message(t, "%s", cause);
		free(cause);
		return;
	}
	free_learners(d);
	d->ls = xcalloc(c->nlearners + 1, sizeof *d->ls);
	for (i = 0; i < c->nlearners; i++) {
		l = &d->ls[d->n++];
		l->login = xstrdup(c->learners[i].login);
		if (c->learners[i].name != NULL)
			l->name = xstrdup(c->learners[i].name);
		if (c->learners[i].log != NULL)
			l->log = xstrdup(c->learners[i].log);
		if (c->learners[i].flag != NULL)
			l->flag = xstrdup(c->learners[i].flag);
		l->cells = xcalloc(d->track->nlessons + 1, 1);
		l->cats = xcalloc(d->track->nlessons + 1, 1);
	}
	load_all(d);
	d->nwarnings = c->nwarnings;
	if (c->nwarnings > 0)
		tui_message(t, "%s%s", c->warnings[0], c->nwarnings > 1 ?
		    " (and more: gotutor class status)" : "");
	class_free(c);
}

/* Make the dashboard of the tutor's class. */
void *
view_dashboard_new(struct tui *t)
{
	const struct class_state	*s = tui_class(t);
	struct dash			*d;
	char				*path;

	d = xcalloc(1, sizeof *d);
	d->dir = xstrdup(tui_class_dir(t));
	d->track = library_find_track(tui_library(t), s->track);
	d->inotify = -1;
	if (d->track == NULL) {
		tui_message(t, "the class's track %s is not loaded: give its "
		    "folder with --tracks", s->track);
		return (d);
	}
	d->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	path = xasprintf("%s/learners", d->dir);
	if (d->inotify != -1 && inotify_add_watch(d->inotify, path,
	    IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_TO |
	    IN_ATTRIB) == -1)
		tui_message(t, "cannot follow %s: %s", path, strerror(errno));
	free(path);
	load_class(d, t);
	return (d);
}

/* Wake the loop when a log changes. */
static int
dash_fd(struct view *v)
{
	struct dash	*d = v->data;

	return (d->inotify);
}

/* Read what inotify says: mark the learners whose log changed. */
static void
dash_tick(struct view *v, struct tui *t)
{
	struct dash			*d = v->data;
	char				 buf[8192]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event	*ev;
	ssize_t				 n;
	char				*p;
	size_t				 i, k;

	if (d->inotify == -1)
		return;
	while ((n = read(d->inotify, buf, sizeof buf)) > 0) {
		for (p = buf; p < buf + n; p += sizeof *ev + ev->len) {
			ev = (const struct inotify_event *)p;
			if (ev->mask & IN_Q_OVERFLOW) {
				d->reload = 1;
				continue;
			}
			if (ev->len == 0 || ev->name[0] == '.')
				continue;
			k = strlen(ev->name);
			if (k <= 4 || strcmp(ev->name + k - 4, ".log") != 0)
				continue;
			if (ev->mask & (IN_CREATE | IN_DELETE | IN_MOVED_TO |
			    IN_ATTRIB)) {
				d->reload = 1;
				continue;
			}
			for (i = 0; i < d->n; i++)
				if (strncmp(d->ls[i].login, ev->name, k - 4) ==
				    0 && d->ls[i].login[k - 4] == '\0')
					d->ls[i].dirty = 1;
		}
	}
	if (d->reload) {
		load_class(d, t);
		return;
	}
	for (i = 0; i < d->n; i++)
		if (d->ls[i].dirty)
			read_learner(d, &d->ls[i]);
}

/* Draw the grid, the counts and the common failures. */
static void
dash_draw(struct view *v, struct tui *t)
{
	struct dash			*d = v->data;
	const struct class_state	*s = tui_class(t);
	const struct track		*tr = d->track;
	struct dlearner			*l;
	unsigned			 now[CAT__COUNT + 1], counts[4];
	char				 line[1024], who[32];
	size_t				 i, k, nl, width, rows, best;
	int				 y, x, attr, trusted;

	snprintf(line, sizeof line, "%s%s", d->dir, s->frozen ?
	    "  FROZEN" : "");
	tui_title(t, "Class dashboard", line);
	if (tr == NULL) {
		mvaddstr(2, 2, "The class's track is not loaded.");
		return;
	}
	nl = tr->nlessons;
	width = (size_t)COLS > 24 ? (size_t)COLS - 24 : 1;
	if (d->col < d->left)
		d->left = d->col;
	if (d->col >= d->left + width)
		d->left = d->col - width + 1;

	/* The header: lesson numbers, the open ones bright. */
	mvprintw(1, 1, "%-16s %5s ", "learner", "done");
	for (k = d->left; k < nl && k < d->left + width; k++) {
		attr = s->pace != 0 && k >= s->pace ? tui_attr(t, TC_DIM) :
		    (int)A_BOLD;
		if (k == d->col)
			attr |= A_REVERSE;
		attron(attr);
		addch((chtype)('0' + (k + 1) % 10));
		attroff(attr);
	}
	rows = LINES > 10 ? (size_t)LINES - 10 : 1;
	v->top = tui_list_top(v->top, v->sel, rows);
	for (i = v->top, y = 2; i < d->n && (size_t)y < rows + 2; i++, y++) {
		l = &d->ls[i];
		snprintf(who, sizeof who, "%s%s", l->flag != NULL ? "!" : "",
		    l->login);
		if (i == v->sel)
			attron(A_REVERSE);
		mvprintw(y, 1, "%-16.16s %2u/%-2zu ", who, l->passed, nl);
		if (i == v->sel)
			attroff(A_REVERSE);
		for (k = d->left; k < nl && k < d->left + width; k++) {
			switch (l->cells[k]) {
			case CELL_PASS:
				attron(tui_attr(t, TC_PASS));
				addch('+');
				attroff(tui_attr(t, TC_PASS));
				break;
			case CELL_FAIL:
				attron(tui_attr(t, TC_FAIL) | A_BOLD);
				addch((chtype)(l->cats[k] < CAT__COUNT ?
				    cat_glyph[l->cats[k]] : '?'));
				attroff(tui_attr(t, TC_FAIL) | A_BOLD);
				break;
			case CELL_OPEN:
				addch('.');
				break;
			default:
				addch(' ');
				break;
			}
		}
	}
	if (d->n == 0)
		mvaddstr(3, 2, "No learner has joined yet: they run "
		    "'gotutor --class DIR'.");

	/* The selected lesson, and what fails right now. */
	memset(counts, 0, sizeof counts);
	memset(now, 0, sizeof now);
	for (i = 0; i < d->n; i++) {
		if (d->ls[i].flag != NULL)	/* not trusted into the counts */
			continue;
		counts[d->ls[i].cells[d->col]]++;
		for (k = 0; k < nl; k++)
			if (d->ls[i].cells[k] == CELL_FAIL)
				now[d->ls[i].cats[k] < CAT__COUNT ?
				    d->ls[i].cats[k] : CAT__COUNT]++;
	}
	/* Each lesson's share passed, in tenths: ' ' none, 1-9, # all. */
	mvprintw(LINES - 7, 1, "%-16s %5s ", "passed (tenths)", "");
	for (i = 0, trusted = 0; i < d->n; i++)
		trusted += d->ls[i].flag == NULL;
	for (k = d->left; k < nl && k < d->left + width && trusted > 0; k++) {
		for (i = 0, x = 0; i < d->n; i++)
			x += d->ls[i].flag == NULL &&
			    d->ls[i].cells[k] == CELL_PASS;
		addch((chtype)(x == 0 ? ' ' : x == trusted ? '#' :
		    '0' + (x * 10 / trusted == 0 ? 1 : x * 10 / trusted)));
	}
	y = LINES - 6;
	snprintf(line, sizeof line, "Lesson %zu, %s: %u passed, %u failing, "
	    "%u opened, %u not started%s%s", d->col + 1, tr->lessons[d->col]->id,
	    counts[CELL_PASS], counts[CELL_FAIL], counts[CELL_OPEN],
	    counts[CELL_NONE], class_solution_allowed(s,
	    tr->lessons[d->col]->id) ? "; solution allowed" : "",
	    s->pace != 0 && d->col >= s->pace ? "; locked" : "");
	tui_text(y, 1, line, strlen(line), COLS - 2);
	x = snprintf(line, sizeof line, "Failing now:");
	for (k = 0; k < 3; k++) {
		best = CAT__COUNT + 1;
		for (i = 0; i <= CAT__COUNT; i++)
			if (now[i] > 0 && (best > CAT__COUNT ||
			    now[i] > now[best]))
				best = i;
		if (best > CAT__COUNT)
			break;
		x += snprintf(line + x, sizeof line - (size_t)x, " %s %u",
		    best < CAT__COUNT ? category_names[best] : "other",
		    now[best]);
		now[best] = 0;
	}
	if (k == 0)
		snprintf(line + x, sizeof line - (size_t)x, " nothing");
	tui_text(y + 1, 1, line, strlen(line), COLS - 2);
	snprintf(line, sizeof line, "Pace: %s; %zu learner%s%s",
	    s->pace == 0 ? "every lesson open" : "", d->n,
	    d->n == 1 ? "" : "s", d->nwarnings > 0 ? "; ! = log not trusted" :
	    "");
	if (s->pace != 0)
		snprintf(line, sizeof line, "Pace: lesson%s %s%u open; %zu "
		    "learner%s%s", s->pace == 1 ? "" : "s", s->pace == 1 ?
		    "" : "1-", s->pace, d->n, d->n == 1 ? "" : "s",
		    d->nwarnings > 0 ? "; ! = log not trusted" : "");
	tui_text(y + 2, 1, line, strlen(line), COLS - 2);
	snprintf(line, sizeof line, "+ passed  . opened  C compile  "
	    "O output  L leak  D deadlock  R race  P panic");
	attron(tui_attr(t, TC_DIM));
	tui_text(y + 3, 1, line, strlen(line), COLS - 2);
	attroff(tui_attr(t, TC_DIM));
	if (d->prompt != PROMPT_NONE) {
		snprintf(line, sizeof line, "%s%s_", d->prompt ==
		    PROMPT_ANNOUNCE ? "Announce: " : "Open lessons up to: ",
		    d->input);
		move(LINES - 2, 0);
		clrtoeol();
		tui_text(LINES - 2, 1, line, strlen(line), COLS - 2);
	}
}

/* Say what a class change did, or why it failed. */
static void
changed(struct tui *t, int r, char *cause, const char *done)
{
	if (r != 0) {
		tui_message(t, "%s", cause != NULL ? cause : "failed");
		free(cause);
	} else
		tui_message(t, "%s", done);
	tui_class_refresh(t);
}

/* Finish a prompt: announce, or set the pace. */
static void
prompt_done(struct dash *d, struct tui *t)
{
	char		*cause = NULL, *end;
	unsigned long	 n;
	unsigned	 pace;
	int		 at;

	if (d->prompt == PROMPT_ANNOUNCE && d->input[0] != '\0')
		changed(t, class_post(d->dir, d->input, &cause), cause,
		    "announced");
	else if (d->prompt == PROMPT_PACE && d->input[0] != '\0') {
		n = strtoul(d->input, &end, 10);
		if ((at = lesson_index(d->track, d->input)) != -1)
			n = (unsigned long)at + 1;
		else if (*end != '\0' || n == 0 || n > d->track->nlessons) {
			tui_message(t, "give a lesson number, 1 to %zu, or "
			    "its id", d->track->nlessons);
			n = 0;
		}
		if (n != 0)
			changed(t, class_set_pace(d->dir, 0, (unsigned)n,
			    (unsigned)d->track->nlessons, &pace, &cause),
			    cause, "pace set");
	}
	d->prompt = PROMPT_NONE;
	d->input[0] = '\0';
}

/* Move, change the class, or open a learner. */
static int
dash_key(struct view *v, struct tui *t, int ch)
{
	struct dash			*d = v->data;
	const struct class_state	*s = tui_class(t);
	char				*cause = NULL;
	const char			*id;
	size_t				 len = strlen(d->input);
	unsigned			 pace;
	int				 on;

	if (d->prompt != PROMPT_NONE) {
		if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
			prompt_done(d, t);
		else if (ch == 27) {
			d->prompt = PROMPT_NONE;
			d->input[0] = '\0';
		} else if ((ch == KEY_BACKSPACE || ch == 127 || ch == 8) &&
		    len > 0)
			d->input[len - 1] = '\0';
		else if (ch >= ' ' && ch < 256 && ch != 127 &&
		    len + 1 < sizeof d->input) {
			d->input[len] = (char)ch;
			d->input[len + 1] = '\0';
		}
		return (1);
	}
	if (d->track == NULL)
		return (0);
	if (tui_list_key(v, d->n, ch))
		return (1);
	id = d->track->lessons[d->col]->id;
	switch (ch) {
	case 'h':
	case KEY_LEFT:
		if (d->col > 0)
			d->col--;
		return (1);
	case 'l':
	case KEY_RIGHT:
		if (d->col + 1 < d->track->nlessons)
			d->col++;
		return (1);
	case 'a':
		d->prompt = PROMPT_ANNOUNCE;
		return (1);
	case 'p':
		d->prompt = PROMPT_PACE;
		return (1);
	case '+':
		changed(t, class_set_pace(d->dir, 1, 1,
		    (unsigned)d->track->nlessons, &pace, &cause), cause,
		    "one more lesson open");
		return (1);
	case 'o':
		changed(t, class_set_pace(d->dir, 0, (unsigned)d->col + 1,
		    (unsigned)d->track->nlessons, &pace, &cause), cause,
		    "lessons open up to the selected one");
		return (1);
	case 's':
		on = !class_solution_allowed(s, id);
		changed(t, class_set_solution(d->dir, id, on, &cause), cause,
		    on ? "solution allowed" : "solution withdrawn");
		return (1);
	case 'f':
		changed(t, class_set_frozen(d->dir, !s->frozen, &cause), cause,
		    s->frozen ? "the class may check again" :
		    "the class is frozen");
		return (1);
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (d->n > 0)
			tui_push(t, &view_dashboard_learner_ops,
			    view_dashboard_learner_new(d->dir,
			    d->ls[v->sel].login, d->ls[v->sel].flag));
		return (1);
	}
	return (0);
}

/* Free the dashboard. */
static void
dash_free(struct view *v)
{
	struct dash	*d = v->data;

	free_learners(d);
	if (d->inotify != -1)
		close(d->inotify);
	free(d->dir);
	free(d);
}

const struct view_ops view_dashboard_ops = {
	.name = "Class dashboard",
	.keys = "Enter learner  o/+/p pace  a announce  s solution  "
	    "f freeze",
	.help =
	    "Class dashboard\n"
	    "  j, k         next, previous learner\n"
	    "  h, l         previous, next lesson (the column)\n"
	    "  Enter        the learner's last check: diagnosis and code\n"
	    "  o            open lessons up to the selected one\n"
	    "  +            open one more lesson\n"
	    "  p            open lessons up to a number or lesson id\n"
	    "  a            post an announcement (Enter sends, Esc drops)\n"
	    "  s            allow or withdraw the selected lesson's solution\n"
	    "  f            freeze or unfreeze every learner's checks\n"
	    "A cell is + passed, . opened, a letter: failing, with the\n"
	    "category of its last check (C compile-error, V vet, E ignored\n"
	    "error, I idiom trap, P panic, D deadlock, L goroutine leak,\n"
	    "R data race, T timeout, S too slow, O wrong output, X exit\n"
	    "code, M memory, F output limit, J sandbox). A ! before a login:\n"
	    "the log's owner is not that learner, and it is not trusted.\n"
	    "The passed row: each lesson's share of learners who passed it,\n"
	    "in tenths (5: half of them; #: all).\n",
	.draw = dash_draw,
	.key = dash_key,
	.free = dash_free,
	.fd = dash_fd,
	.tick = dash_tick,
};

/* One learner's last check, as lines. */
struct dlast {
	char	**lines;
	size_t	  n;
};

/* Add a line to the learner view. */
static void __attribute__((format(printf, 2, 3)))
add_line(struct dlast *dl, const char *fmt, ...)
{
	va_list	ap;

	dl->lines = xreallocarray(dl->lines, dl->n + 1, sizeof *dl->lines);
	va_start(ap, fmt);
	dl->lines[dl->n++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Add text's lines, each with a prefix. */
static void
add_text(struct dlast *dl, const char *text, int numbered)
{
	const char	*p, *nl;
	size_t		 n = 0;

	for (p = text; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		n++;
		if (numbered)
			add_line(dl, "  %4zu  %.*s", n, (int)(nl - p), p);
		else
			add_line(dl, "    %.*s", (int)(nl - p), p);
		if (*nl == '\0')
			break;
	}
}

/* Make the view of login's last check in the class at dir. */
void *
view_dashboard_learner_new(const char *dir, const char *login,
    const char *flag)
{
	struct dlast		*dl;
	struct jnode		*j = NULL, *r = NULL, *a, *k;
	char			*buf = NULL, *cause = NULL;
	size_t			 i, len = 0;

	dl = xcalloc(1, sizeof *dl);
	add_line(dl, "%s", login);
	if (flag != NULL)
		add_line(dl, "NOT TRUSTED: %s", flag);
	if (class_read_last(dir, login, &buf, &len, &cause) != 0) {
		add_line(dl, "%s.", cause);
		free(cause);
		goto out;
	}
	if ((j = jsonread_parse(buf, len, &cause)) == NULL ||
	    (a = jsonread_get(j, "result")) == NULL || a->type != JNODE_STRING ||
	    (r = jsonread_parse(a->str, a->len, &cause)) == NULL) {
		add_line(dl, "%s's last check cannot be read: %s", login,
		    cause != NULL ? cause : "no result");
		free(cause);
		goto out;
	}
	add_line(dl, "Last check: %s/%s: %s", jsonread_str(j, "track", "?"),
	    jsonread_str(j, "lesson", "?"), jsonread_str(r, "status", "?"));
	a = jsonread_get(r, "diagnostics");
	for (i = 0; a != NULL && a->type == JNODE_ARRAY && i < a->n; i++) {
		k = a->kids[i];
		add_line(dl, "%s", "");
		add_line(dl, "%s%s at %s:%lld", jsonread_str(k, "category",
		    "?"), jsonread_bool(k, "blocking", 0) ? "" : " (advice)",
		    jsonread_str(k, "file", "?"), jsonread_int(k, "line", 0));
		add_text(dl, jsonread_str(k, "message", ""), 0);
	}
	if (a == NULL || a->n == 0)
		add_line(dl, "No findings.");
	a = jsonread_get(j, "files");
	for (i = 0; a != NULL && a->type == JNODE_ARRAY && i < a->n; i++) {
		add_line(dl, "%s", "");
		add_line(dl, "%s", jsonread_str(a->kids[i], "name", "?"));
		add_text(dl, jsonread_str(a->kids[i], "text", ""), 1);
	}
out:
	if (r != NULL)
		jsonread_free(r);
	if (j != NULL)
		jsonread_free(j);
	free(buf);
	return (dl);
}

/* Draw the learner's last check. */
static void
learner_draw(struct view *v, struct tui *t)
{
	struct dlast	*dl = v->data;
	size_t		 i;
	int		 y;

	tui_title(t, "Learner", dl->lines[0]);
	for (i = v->top + 1, y = 2; i < dl->n && y < LINES - 2; i++, y++)
		tui_text(y, 1, dl->lines[i], strlen(dl->lines[i]), COLS - 2);
}

/* Scroll. */
static int
learner_key(struct view *v, struct tui *t, int ch)
{
	struct dlast	*dl = v->data;

	(void)t;
	return (tui_scroll_key(v, dl->n, ch));
}

/* Free the view. */
static void
learner_free(struct view *v)
{
	struct dlast	*dl = v->data;
	size_t		 i;

	for (i = 0; i < dl->n; i++)
		free(dl->lines[i]);
	free(dl->lines);
	free(dl);
}

const struct view_ops view_dashboard_learner_ops = {
	.name = "Learner",
	.keys = "j/k scroll  q back",
	.help =
	    "Learner\n"
	    "  j, k, Space  scroll\n"
	    "  q, Esc       back to the dashboard\n"
	    "Their last check: what it found, and the code they checked.\n",
	.draw = learner_draw,
	.key = learner_key,
	.free = learner_free,
};
