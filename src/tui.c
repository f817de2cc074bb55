/*
 * tui: the terminal tutor: curses set-up and teardown, the view stack,
 * drawing helpers, and the one poll() loop over the keyboard, a running
 * check, the signal self-pipe and inotify. See tui.h.
 */

#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "check.h"
#include "class.h"
#include "checkjob.h"
#include "idiom.h"
#include "jail.h"
#include "runner.h"
#include "cmd.h"
#include "settings.h"
#include "datadir.h"
#include "fatal.h"
#include "json.h"
#include "jsonread.h"
#include "load.h"
#include "progress.h"
#include "tui.h"
#include "workspace.h"
#include "xmalloc.h"

#define TUI_MAX_VIEWS	16
#define WATCH_DEBOUNCE_MS 300
#define SPINNER		"|/-\\"
#define CLASS_POLL_MS	400	/* how often class.json is looked at */
#define ANNOUNCE_FRESH_MS (12 * 3600 * 1000LL) /* older ones stay quiet */

struct tui {
	struct settings		 cfg;
	struct library		 lib;
	size_t			 nproblems;
	struct toolchain	 tc;
	int			 have_go;
	char			*go_why;
	char			*workspace;
	struct view		 views[TUI_MAX_VIEWS];
	size_t			 nviews;
	int			 color;
	char			 message[256];
	char			*banner;	/* what doctor would fix, or NULL */
	struct progress		*progress;	/* NULL: nothing is saved */
	pid_t			 warmer;	/* warming the build cache */

	/* The running check, and what it checks. */
	struct checkjob		*job;
	long long		 job_start;
	struct track		*job_track;
	struct lesson		*job_lesson;
	char			*job_dir;

	/* Watch mode: one watched folder. */
	int			 inotify;
	int			 watch_wd;
	struct track		*watch_track;
	struct lesson		*watch_lesson;
	char			*watch_dir;
	long long		 watch_due;	/* re-check at; 0: none */

	/* A class (--class DIR): its state, as of class_mtime. */
	char			*class_dir;
	int			 dashboard;	/* the instructor's view */
	struct class_state	 cls;
	struct progress		*class_log;	/* DIR/learners/LOGIN.log */
	struct timespec		 class_mtime;
	ino_t			 class_ino;
	long long		 class_due;	/* look again at */
	char			*announce;	/* the banner, or NULL */
	uint64_t		 announce_ts;
};

static int		tui_active;
static int		sigpipe[2] = { -1, -1 };
static volatile sig_atomic_t tui_quit_signal;

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* Leave curses mode, once; safe from fatal(). */
static void
tui_restore(void)
{
	if (tui_active) {
		tui_active = 0;
		endwin();
	}
}

/* Write the signal's number to the self-pipe; the loop does the rest. */
static void
on_signal(int sig)
{
	int		saved = errno;
	unsigned char	c = (unsigned char)sig;

	if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP || sig == SIGQUIT)
		tui_quit_signal = sig;
	if (write(sigpipe[1], &c, 1) == -1) {
		/* The pipe is full: the loop is behind, and will see it. */
	}
	errno = saved;
}

/* Route the signals the tutor cares about to the self-pipe. */
static int
tui_signals(void)
{
	struct sigaction	 sa;
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
	    SIGCHLD, SIGWINCH };
	size_t			 i;

	if (pipe2(sigpipe, O_CLOEXEC | O_NONBLOCK) == -1)
		return (-1);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	return (0);
}

/* The loaded tracks. */
struct library *
tui_library(struct tui *t)
{
	return (&t->lib);
}

/* The Go toolchain, or NULL when none was found. */
const struct toolchain *
tui_toolchain(struct tui *t)
{
	return (t->have_go ? &t->tc : NULL);
}

/* The learner's progress log, or NULL when it could not be opened. */
struct progress *
tui_progress(struct tui *t)
{
	return (t->progress);
}

/* The settings. */
const struct settings *
tui_settings(struct tui *t)
{
	return (&t->cfg);
}

/* Record an event of lesson l; a failure is said on the status line. */
void
tui_record(struct tui *t, struct progress_event *ev)
{
	char	*why;

	if (t->progress != NULL && progress_record(t->progress, ev, &why) != 0) {
		tui_message(t, "progress not saved: %s", why);
		free(why);
	}
	if (t->class_log != NULL &&
	    progress_record(t->class_log, ev, &why) != 0) {
		tui_message(t, "the class did not get it: %s", why);
		free(why);
	}
}

/* The class's state, or NULL when the tutor is not in a class. */
const struct class_state *
tui_class(struct tui *t)
{
	return (t->class_dir != NULL ? &t->cls : NULL);
}

/* The class folder, or NULL. */
const char *
tui_class_dir(struct tui *t)
{
	return (t->class_dir);
}

/* Why the class's pace keeps lesson l of tr locked, or NULL. */
char *
tui_class_locked(struct tui *t, const struct track *tr,
    const struct lesson *l)
{
	size_t	i;

	if (t->class_dir == NULL || t->dashboard)
		return (NULL);
	for (i = 0; i < tr->nlessons && tr->lessons[i] != l; i++)
		;
	return (class_locked(&t->cls, tr->id, i));
}

/* The folder that holds the exercises. */
const char *
tui_workspace(struct tui *t)
{
	return (t->workspace);
}

/* Open a view on top of the stack; it owns data. */
void
tui_push(struct tui *t, const struct view_ops *ops, void *data)
{
	struct view	*v;

	if (t->nviews == TUI_MAX_VIEWS)
		tui_pop(t);
	v = &t->views[t->nviews++];
	memset(v, 0, sizeof *v);
	v->ops = ops;
	v->data = data;
}

/* Close the top view. */
void
tui_pop(struct tui *t)
{
	struct view	*v;

	if (t->nviews == 0)
		return;
	v = &t->views[--t->nviews];
	if (v->ops->free != NULL)
		v->ops->free(v);
}

/* Say something on the status line until the next key. */
void
tui_message(struct tui *t, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(t->message, sizeof t->message, fmt, ap);
	va_end(ap);
}

/* The attribute of a colour: a colour pair, or a plain stand-in. */
int
tui_attr(struct tui *t, enum tui_color c)
{
	static const int plain[TC__COUNT] = {
		[TC_TITLE] = A_BOLD, [TC_KEYWORD] = A_BOLD,
		[TC_STRING] = A_NORMAL, [TC_COMMENT] = A_DIM,
		[TC_PASS] = A_BOLD, [TC_FAIL] = A_BOLD | A_REVERSE,
		[TC_DIM] = A_DIM, [TC_BANNER] = A_REVERSE,
	};

	if (!t->color)
		return (plain[c]);
	return ((int)COLOR_PAIR(c) | (c == TC_TITLE || c == TC_PASS ||
	    c == TC_FAIL ? A_BOLD : 0));
}

/* Can this machine run lesson l? If not, *why says why (caller frees). */
int
tui_can_run(struct tui *t, const struct track *tr, const struct lesson *l,
    char **why)
{
	char	*need;

	*why = NULL;
	if ((*why = tui_class_locked(t, tr, l)) != NULL)
		return (0);
	if (!t->have_go) {
		*why = xstrdup(t->go_why);
		return (0);
	}
	if (goversion_cmp(&t->tc.v, &l->min_go) < 0) {
		need = goversion_string(&l->min_go);
		*why = xasprintf("needs Go %s; this is %s", need,
		    t->tc.version);
		free(need);
		return (0);
	}
	return (1);
}

/* Is the screen too small to draw on? Then say so, and only that. */
int
tui_too_small(void)
{
	if (COLS >= TUI_MIN_COLS && LINES >= TUI_MIN_LINES)
		return (0);
	erase();
	mvprintw(0, 0, "terminal too small (needs %dx%d)", TUI_MIN_COLS,
	    TUI_MIN_LINES);
	return (1);
}

/* The title line: a title and, right-aligned, a note. */
void
tui_title(struct tui *t, const char *title, const char *note)
{
	int	n;

	attron(tui_attr(t, TC_TITLE));
	move(0, 1);
	tui_text(0, 1, title, strlen(title), COLS - 2);
	attroff(tui_attr(t, TC_TITLE));
	if (note != NULL && (n = (int)strlen(note)) + 4 < COLS &&
	    (int)strlen(title) + n + 4 < COLS) {
		attron(tui_attr(t, TC_DIM));
		mvaddstr(0, COLS - n - 1, note);
		attroff(tui_attr(t, TC_DIM));
	}
}

/*
 * Draw len bytes of UTF-8 text at y, x, at most w columns wide; tabs
 * become spaces to the next multiple of 4. Return nothing: the cursor is
 * left after the text.
 */
void
tui_text(int y, int x, const char *s, size_t len, int w)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 n, i = 0;
	int		 col = 0, cw;

	memset(&st, 0, sizeof st);
	move(y, x);
	while (i < len && col < w) {
		if (s[i] == '\t') {
			do
				addch(' ');
			while (++col % 4 != 0 && col < w);
			i++;
			continue;
		}
		n = mbrtowc(&wc, s + i, len - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			addch('?');
			col++;
			i++;
			continue;
		}
		if ((cw = wcwidth(wc)) < 0)
			cw = 1;
		if (col + cw > w)
			break;
		addnstr(s + i, (int)n);
		col += cw;
		i += n;
	}
}

/* Keywords of Java, Python and Go, for colouring code. */
static const char *const keywords[][40] = {
	[LANG_JAVA] = { "public", "private", "protected", "static", "final",
	    "class", "interface", "extends", "implements", "new", "return",
	    "if", "else", "for", "while", "do", "try", "catch", "finally",
	    "throw", "throws", "import", "package", "void", "int", "long",
	    "boolean", "char", "double", "null", "true", "false", "this",
	    "var", "switch", "case", "break", "continue", "default", NULL },
	[LANG_PYTHON] = { "def", "class", "return", "if", "elif", "else",
	    "for", "while", "in", "not", "and", "or", "is", "try", "except",
	    "finally", "raise", "with", "as", "import", "from", "None",
	    "True", "False", "self", "lambda", "yield", "async", "await",
	    "pass", "break", "continue", "global", "nonlocal", NULL },
	[LANG__COUNT] = { "package", "import", "func", "return", "if",
	    "else", "for", "range", "go", "defer", "select", "case",
	    "default", "switch", "chan", "map", "struct", "interface", "type",
	    "var", "const", "nil", "true", "false", "break", "continue",
	    "fallthrough", "goto", "make", "new", "len", "cap", "append",
	    "panic", "recover", "close", "error", "string", "int", NULL },
};

/* Is s[0..n) a keyword of lang? */
static int
is_keyword(int lang, const char *s, size_t n)
{
	size_t	i;

	for (i = 0; keywords[lang][i] != NULL; i++) {
		if (strlen(keywords[lang][i]) == n &&
		    strncmp(keywords[lang][i], s, n) == 0)
			return (1);
	}
	return (0);
}

/*
 * Draw one line of code at y, x, w columns wide, with keywords, strings
 * and comments coloured. lang is a lang, or LANG__COUNT for Go.
 */
void
tui_code(struct tui *t, int y, int x, const char *s, size_t len, int w,
    enum lang lang)
{
	size_t	i = 0, j;
	int	attr, col = x, q;

	move(y, x);
	while (i < len && col < x + w) {
		j = i + 1;
		attr = A_NORMAL;
		if ((lang == LANG_PYTHON && s[i] == '#') || (lang != LANG_PYTHON &&
		    s[i] == '/' && i + 1 < len && s[i + 1] == '/')) {
			j = len;
			attr = tui_attr(t, TC_COMMENT);
		} else if (s[i] == '"' || s[i] == '\'' || s[i] == '`') {
			q = s[i];
			while (j < len && s[j] != q) {
				if (s[j] == '\\' && j + 1 < len)
					j++;
				j++;
			}
			if (j < len)
				j++;
			attr = tui_attr(t, TC_STRING);
		} else if (isalpha((unsigned char)s[i]) || s[i] == '_') {
			while (j < len && (isalnum((unsigned char)s[j]) ||
			    s[j] == '_'))
				j++;
			if (is_keyword(lang, s + i, j - i))
				attr = tui_attr(t, TC_KEYWORD);
		} else {
			while (j < len && !isalnum((unsigned char)s[j]) &&
			    s[j] != '_' && s[j] != '"' && s[j] != '\'' &&
			    s[j] != '`' && s[j] != '#' && s[j] != '/')
				j++;
		}
		attron(attr);
		tui_text(y, col, s + i, j - i, x + w - col);
		attroff(attr);
		col = getcurx(stdscr);
		i = j;
	}
}

/*
 * Where to break text[0..len) to fit w columns: return the bytes of the
 * first line and set *next to where the next starts (spaces skipped).
 */
int
tui_wrap(const char *s, size_t len, int w, size_t *next)
{
	mbstate_t	 st;
	wchar_t		 wc;
	size_t		 i = 0, n, brk = 0;
	int		 col = 0, cw;

	memset(&st, 0, sizeof st);
	while (i < len && s[i] != '\n') {
		n = mbrtowc(&wc, s + i, len - i, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			n = 1;
			wc = '?';
		}
		cw = wc == '\t' ? 4 - col % 4 : wcwidth(wc) < 0 ? 1 :
		    wcwidth(wc);
		if (col + cw > w) {
			if (brk == 0)
				brk = i;
			*next = brk;
			while (*next < len && s[*next] == ' ')
				(*next)++;
			return ((int)brk);
		}
		if (wc == ' ')
			brk = i;
		col += cw;
		i += n;
	}
	*next = i < len ? i + 1 : i;
	return ((int)i);
}

/* The first row to show so that sel is visible in height rows. */
size_t
tui_list_top(size_t top, size_t sel, size_t height)
{
	if (height == 0)
		return (sel);
	if (sel < top)
		return (sel);
	if (sel >= top + height)
		return (sel - height + 1);
	return (top);
}

/*
 * Move the selection of a list of n rows for j, k, g, G and the arrows;
 * return 1 when ch was one of them.
 */
int
tui_list_key(struct view *v, size_t n, int ch)
{
	switch (ch) {
	case 'j':
	case KEY_DOWN:
		if (v->sel + 1 < n)
			v->sel++;
		return (1);
	case 'k':
	case KEY_UP:
		if (v->sel > 0)
			v->sel--;
		return (1);
	case 'g':
	case KEY_HOME:
		v->sel = 0;
		return (1);
	case 'G':
	case KEY_END:
		v->sel = n == 0 ? 0 : n - 1;
		return (1);
	}
	return (0);
}

/*
 * Scroll text of n lines for j, k, Space, b, g, G and the arrows and page
 * keys; return 1 when ch was one of them.
 */
int
tui_scroll_key(struct view *v, size_t n, int ch)
{
	size_t	page = LINES > 4 ? (size_t)LINES - 4 : 1;

	switch (ch) {
	case 'j':
	case KEY_DOWN:
		if (v->top + 1 < n)
			v->top++;
		return (1);
	case 'k':
	case KEY_UP:
		if (v->top > 0)
			v->top--;
		return (1);
	case ' ':
	case KEY_NPAGE:
		v->top += page;
		if (v->top >= n)
			v->top = n > 0 ? n - 1 : 0;
		return (1);
	case 'b':
	case KEY_PPAGE:
		v->top = v->top > page ? v->top - page : 0;
		return (1);
	case 'g':
	case KEY_HOME:
		v->top = 0;
		return (1);
	case 'G':
	case KEY_END:
		v->top = n;
		return (1);
	}
	return (0);
}

/* The status line: a message, the check's spinner, or the view's keys. */
static void
draw_status(struct tui *t)
{
	struct view	*v = &t->views[t->nviews - 1];
	char		 line[512];
	long long	 el;

	if (t->job != NULL) {
		el = now_ms() - t->job_start;
		snprintf(line, sizeof line, " %c checking %s: %s  %lld.%llds  "
		    "(k or Ctrl-C cancels)", SPINNER[(el / 120) % 4],
		    t->job_lesson->id, checkjob_stage(t->job), el / 1000,
		    (el % 1000) / 100);
	} else if (t->message[0] != '\0')
		snprintf(line, sizeof line, " %s", t->message);
	else
		snprintf(line, sizeof line, " %s%s  ? help", v->ops->keys,
		    t->watch_lesson != NULL ? "  [watching]" : "");
	attron(A_REVERSE);
	move(LINES - 1, 0);
	tui_text(LINES - 1, 0, line, strlen(line), COLS);
	for (int x = getcurx(stdscr); x < COLS && getcury(stdscr) == LINES - 1;
	    x++)
		addch(' ');
	attroff(A_REVERSE);
}

/* Draw the top view, the banner and the status line. */
static void
draw(struct tui *t)
{
	struct view	*v = &t->views[t->nviews - 1];
	const char	*banner;

	erase();
	if (tui_too_small()) {
		refresh();
		return;
	}
	v->ops->draw(v, t);
	if ((banner = t->announce != NULL ? t->announce : t->banner) != NULL) {
		attron(tui_attr(t, TC_BANNER));
		move(LINES - 2, 0);
		clrtoeol();
		tui_text(LINES - 2, 0, banner, strlen(banner), COLS);
		for (int x = getcurx(stdscr); x < COLS &&
		    getcury(stdscr) == LINES - 2; x++)
			addch(' ');
		attroff(tui_attr(t, TC_BANNER));
	}
	draw_status(t);
	refresh();
}

/* Take the class's state anew: a new announcement becomes the banner. */
static void
class_take(struct tui *t, struct class_state *s)
{
	const struct class_announcement	*an;
	struct timespec				 ts;
	char					 when[16];
	time_t					 sec;
	int					 fresh;

	class_state_free(&t->cls);
	t->cls = *s;
	if (s->nannouncements == 0 || t->dashboard)
		return;
	an = &s->announcements[s->nannouncements - 1];
	if (an->ts_ms == t->announce_ts)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	fresh = (long long)ts.tv_sec * 1000 - (long long)an->ts_ms <
	    ANNOUNCE_FRESH_MS;
	if (t->announce_ts == 0 && !fresh)
		return;
	t->announce_ts = an->ts_ms;
	sec = (time_t)(an->ts_ms / 1000);
	strftime(when, sizeof when, "%H:%M", localtime(&sec));
	free(t->announce);
	t->announce = xasprintf(" [%s] instructor: %s", when, an->text);
}

/* Look at class.json; read it again when it was replaced or changed. */
static void
class_poll(struct tui *t)
{
	struct class_state	 s;
	struct stat		 st;
	char			*path, *why;

	t->class_due = now_ms() + CLASS_POLL_MS;
	path = xasprintf("%s/class.json", t->class_dir);
	if (stat(path, &st) == -1 || (st.st_ino == t->class_ino &&
	    st.st_mtim.tv_sec == t->class_mtime.tv_sec &&
	    st.st_mtim.tv_nsec == t->class_mtime.tv_nsec)) {
		free(path);
		return;
	}
	free(path);
	if (class_read_state(t->class_dir, &s, &why) != 0) {
		tui_message(t, "class: %s", why);
		free(why);
		return;
	}
	t->class_ino = st.st_ino;
	t->class_mtime = st.st_mtim;
	class_take(t, &s);
}

/* Read the class's state now (after the dashboard changed it). */
void
tui_class_refresh(struct tui *t)
{
	if (t->class_dir != NULL)
		class_poll(t);
}

/*
 * Join the class at t->class_dir: its state, and the class's copy of the
 * learner's log. Return 0, or -1 with *cause set (before curses starts).
 */
static int
class_open_learner(struct tui *t, char **cause)
{
	char	*path;

	t->class_due = 0;
	class_poll(t);
	if (t->cls.track == NULL)
		return (class_read_state(t->class_dir, &t->cls, cause));
	if (t->dashboard)
		return (0);
	if (library_find_track(&t->lib, t->cls.track) == NULL) {
		*cause = xasprintf("the class's track %s is not loaded: give "
		    "its folder with --tracks", t->cls.track);
		return (-1);
	}
	if ((path = class_join(t->class_dir, cause)) == NULL)
		return (-1);
	if (progress_open_flags(path, PROGRESS_NOFOLLOW, &t->class_log,
	    cause) != 0) {
		free(path);
		return (-1);
	}
	progress_set_mode(t->class_log, 0640);
	free(path);
	return (0);
}

/* Read a small text file whole, or NULL. */
static char *
read_small(const char *path, size_t max)
{
	char	*buf;
	size_t	 n;
	FILE	*f;

	if ((f = fopen(path, "re")) == NULL)
		return (NULL);
	buf = xmalloc(max + 1);
	n = fread(buf, 1, max, f);
	fclose(f);
	buf[n] = '\0';
	return (buf);
}

/* In a class, leave the last check's result and code for the dashboard. */
static void
class_save_check(struct tui *t, const char *res, size_t len)
{
	struct json	 j;
	struct dirent	**names;
	FILE		*f;
	char		*buf = NULL, *path, *text, *why;
	size_t		 size = 0, tlen;
	int		 i, n;

	if (t->class_dir == NULL || t->dashboard ||
	    (f = open_memstream(&buf, &size)) == NULL)
		return;
	json_init_compact(&j, f);
	json_object(&j);
	json_key(&j, "track");
	json_string(&j, t->job_track->id);
	json_key(&j, "lesson");
	json_string(&j, t->job_lesson->id);
	json_key(&j, "result");
	json_bytes(&j, res, len);
	json_key(&j, "files");
	json_array(&j);
	n = scandir(t->job_dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		tlen = strlen(names[i]->d_name);
		path = xasprintf("%s/%s", t->job_dir, names[i]->d_name);
		if (tlen > 3 && strcmp(names[i]->d_name + tlen - 3, ".go") ==
		    0 && (text = read_small(path, 256 * 1024)) != NULL) {
			json_object(&j);
			json_key(&j, "name");
			json_string(&j, names[i]->d_name);
			json_key(&j, "text");
			json_string(&j, text);
			json_end(&j, '}');
			free(text);
		}
		free(path);
		free(names[i]);
	}
	if (n > 0)
		free(names);
	json_end(&j, ']');
	json_end(&j, '}');
	fclose(f);
	if (class_save_last(t->class_dir, buf, size, &why) != 0) {
		tui_message(t, "the class did not get the check: %s", why);
		free(why);
	}
	free(buf);
}

/* Open the progress log; what goes wrong shows on the status line. */
static void
open_progress(struct tui *t)
{
	const char *const	*warn;
	char			*path, *why;
	size_t			 n;

	if ((path = progress_default_path(&why)) == NULL ||
	    progress_open(path, &t->progress, &why) != 0) {
		free(t->banner);
		t->banner = xasprintf(" progress is not saved: %s", why);
		free(why);
		free(path);
		t->progress = NULL;
		return;
	}
	free(path);
	warn = progress_warnings(t->progress, &n);
	if (n > 0)
		tui_message(t, "progress log: %s%s", warn[0], n > 1 ?
		    " (and more: gotutor progress)" : "");
}

/* Reopen where the learner left off: the last lesson opened. */
static void
resume(struct tui *t)
{
	const struct progress_lesson	*last;
	struct track			*tr;
	size_t				 i;

	if (t->progress == NULL || (last = progress_last(t->progress)) == NULL ||
	    (tr = library_find_track(&t->lib, last->track)) == NULL)
		return;
	for (i = 0; i < tr->nlessons; i++) {
		if (strcmp(tr->lessons[i]->id, last->lesson) != 0)
			continue;
		for (size_t k = 0; k < t->lib.ntracks; k++) {
			if (t->lib.tracks[k] == tr)
				t->views[0].sel = k;
		}
		tui_push(t, &view_lessons_ops, view_lessons_new(tr));
		t->views[t->nviews - 1].sel = i;
		tui_push(t, &view_lesson_ops, view_lesson_new(t, tr,
		    tr->lessons[i]));
		return;
	}
}

/* What gotutor doctor would say needs fixing, as one line, or NULL. */
static char *
doctor_banner(struct tui *t)
{
	const char	*why;

	if (!t->have_go)
		return (xasprintf(" no Go: %s; install Go 1.21 or newer, or "
		    "set GOTUTOR_GO (gotutor doctor)", t->go_why));
	if (t->tc.v.major == 1 && t->tc.v.minor < 21)
		return (xasprintf(" %s is too old: install Go 1.21 or newer "
		    "(gotutor doctor)", t->tc.version));
	if (jail_probe(&why) != JAIL_FULL)
		return (xasprintf(" degraded sandbox: %s; gotutor doctor says "
		    "how to fix it", why));
	return (NULL);
}

/*
 * Warm the build cache in the background: a low-priority child builds and
 * vets each track's first lesson's Go program, so that the first check is
 * a warm one.
 */
static void
warm(struct tui *t)
{
	struct runner_opts	 o;
	struct runner_result	 r;
	struct fileset		 fs;
	struct srcfile		 f;
	char			*dir, *why;
	size_t			 i;
	int			 null;

	if (!t->have_go || getenv("GOTUTOR_NO_WARM") != NULL)
		return;
	fflush(NULL);
	if ((t->warmer = fork()) != 0)
		return;
	setpgid(0, 0);
	if ((null = open("/dev/null", O_RDWR)) != -1) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
	}
	if (nice(15) == -1) {
		/* Warming at normal priority is still warming. */
	}
	check_opts(NULL, &o);
	for (i = 0; i < t->lib.ntracks && i < 4; i++) {
		if (t->lib.tracks[i]->nlessons == 0 ||
		    t->lib.tracks[i]->lessons[0]->idiom.go == NULL)
			continue;
		f = (struct srcfile){ "main.go",
		    t->lib.tracks[i]->lessons[0]->idiom.go,
		    strlen(t->lib.tracks[i]->lessons[0]->idiom.go) };
		fs = (struct fileset){ &f, 1 };
		if (idiom_write_files(NULL, &fs, &dir, &why) != 0)
			_exit(1);
		if (runner_play(&t->tc, dir, &o, &r, &why) == 0)
			runner_result_free(&r);
		jail_remove_tree(dir);
		free(dir);
	}
	_exit(0);
}

/* Run the editor on path with curses suspended. */
void
tui_edit(struct tui *t, const char *path)
{
	const char	*ed = t->cfg.editor;
	char		*cmd;
	int		 status;
	pid_t		 pid;

	if (ed == NULL || *ed == '\0')
		ed = getenv("VISUAL");
	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	def_prog_mode();
	endwin();
	cmd = xasprintf("%s \"$1\"", ed);
	if ((pid = fork()) == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	free(cmd);
	reset_prog_mode();
	refresh();
	if (pid == -1)
		tui_message(t, "cannot start the editor: %s", strerror(errno));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		tui_message(t, "the editor (%s) failed", ed);
}

/* Start a check of dir against lesson l; 0, or -1 with a message. */
int
tui_check(struct tui *t, struct track *tr, struct lesson *l, const char *dir)
{
	char	*why;

	if (t->job != NULL) {
		tui_message(t, "a check is running already");
		return (-1);
	}
	if (t->class_dir != NULL && t->cls.frozen) {
		tui_message(t, "the instructor has paused checks for now");
		return (-1);
	}
	if (!tui_can_run(t, tr, l, &why)) {
		tui_message(t, "cannot check: %s", why);
		free(why);
		return (-1);
	}
	if (checkjob_start(&t->tc, tr, l, dir, getenv("GOTUTOR_JAIL") !=
	    NULL && strcmp(getenv("GOTUTOR_JAIL"), "degraded") == 0, &t->job,
	    &why) != 0) {
		tui_message(t, "cannot check: %s", why);
		free(why);
		return (-1);
	}
	t->job_start = now_ms();
	t->job_track = tr;
	t->job_lesson = l;
	free(t->job_dir);
	t->job_dir = xstrdup(dir);
	return (0);
}

/* Is a check running? */
int
tui_checking(struct tui *t)
{
	return (t->job != NULL);
}

/* Record a check's verdict (and a first pass) from its JSON result. */
static void
record_check(struct tui *t, const char *res, size_t len)
{
	struct progress_event		 ev;
	const struct progress_lesson	*pl;
	struct jnode			*root, *diags, *d;
	const char			**cats = NULL, *status, *c;
	char				*why;
	size_t				 i, k, n = 0;
	int				 was_passed;

	if (t->progress == NULL ||
	    (root = jsonread_parse(res, len, &why)) == NULL)
		return;
	memset(&ev, 0, sizeof ev);
	ev.kind = PROGRESS_EV_CHECK;
	ev.track = t->job_track->id;
	ev.lesson = t->job_lesson->id;
	status = jsonread_str(root, "status", "error");
	ev.verdict = strcmp(status, "pass") == 0 ? PROGRESS_PASS :
	    strcmp(status, "fail") == 0 ? PROGRESS_FAIL : PROGRESS_ERROR;
	diags = jsonread_get(root, "diagnostics");
	for (i = 0; diags != NULL && i < diags->n; i++) {
		d = diags->kids[i];
		c = jsonread_str(d, "category", NULL);
		if (c == NULL || !jsonread_bool(d, "blocking", 0))
			continue;
		for (k = 0; k < n && strcmp(cats[k], c) != 0; k++)
			;
		if (k == n) {
			cats = xreallocarray(cats, n + 1, sizeof *cats);
			cats[n++] = c;
		}
	}
	ev.categories = cats;
	ev.ncategories = n;
	ev.wall_ms = (uint64_t)jsonread_int(jsonread_get(root, "run"),
	    "wall_ms", 0);
	if (progress_hash_code(t->job_dir, &ev.hash, &why) != 0)
		free(why);
	pl = progress_lesson(t->progress, ev.track, ev.lesson);
	was_passed = pl != NULL && pl->status == PROGRESS_PASSED;
	tui_record(t, &ev);
	if (ev.verdict == PROGRESS_PASS && !was_passed) {
		memset(&ev, 0, sizeof ev);
		ev.kind = PROGRESS_EV_PASSED;
		ev.track = t->job_track->id;
		ev.lesson = t->job_lesson->id;
		tui_record(t, &ev);
	}
	free(cats);
	jsonread_free(root);
}

/* The check ended: record it and show its result. */
static void
job_done(struct tui *t)
{
	const char	*res, *err;
	size_t		 len;

	res = checkjob_result(t->job, &len);
	err = checkjob_error(t->job);
	if (res != NULL) {
		record_check(t, res, len);
		class_save_check(t, res, len);
		/* One result view at a time, on top of its lesson. */
		if (t->views[t->nviews - 1].ops == &view_result_ops)
			tui_pop(t);
		tui_push(t, &view_result_ops, view_result_new(xstrndup(res,
		    len), len, t->job_track, t->job_lesson, t->job_dir));
	} else
		tui_message(t, "the check failed: %.200s", err != NULL ? err :
		    "no result");
	checkjob_free(t->job);
	t->job = NULL;
}

/* Cancel the running check. */
static void
job_cancel(struct tui *t)
{
	checkjob_cancel(t->job);
	checkjob_free(t->job);
	t->job = NULL;
	tui_message(t, "check cancelled");
}

/* Turn watch mode on for a lesson's folder, or off if it is on. */
void
tui_watch(struct tui *t, struct track *tr, struct lesson *l, const char *dir)
{
	if (t->watch_lesson != NULL) {
		inotify_rm_watch(t->inotify, t->watch_wd);
		free(t->watch_dir);
		t->watch_dir = NULL;
		t->watch_due = 0;
		if (t->watch_lesson == l) {
			t->watch_lesson = NULL;
			tui_message(t, "watch mode off");
			return;
		}
		t->watch_lesson = NULL;
	}
	if (t->inotify == -1 &&
	    (t->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		tui_message(t, "no watch mode: %s", strerror(errno));
		return;
	}
	/* Editors that save by rename (vim, emacs) show as moves. */
	t->watch_wd = inotify_add_watch(t->inotify, dir, IN_CLOSE_WRITE |
	    IN_MOVED_TO | IN_CREATE | IN_DELETE);
	if (t->watch_wd == -1) {
		tui_message(t, "cannot watch %s: %s", dir, strerror(errno));
		return;
	}
	t->watch_track = tr;
	t->watch_lesson = l;
	t->watch_dir = xstrdup(dir);
	tui_message(t, "watch mode on: every save of %s checks it", dir);
}

/* Is lesson l being watched? */
int
tui_watching(struct tui *t, const struct lesson *l)
{
	return (t->watch_lesson != NULL && t->watch_lesson == l);
}

/* Drain inotify: a change to a Go file schedules a check. */
static void
watch_read(struct tui *t)
{
	char			 buf[4096]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ev;
	ssize_t			 n;
	char			*p;
	size_t			 k;

	while ((n = read(t->inotify, buf, sizeof buf)) > 0) {
		for (p = buf; p < buf + n;
		    p += sizeof *ev + ev->len) {
			ev = (const struct inotify_event *)p;
			k = ev->len > 0 ? strlen(ev->name) : 0;
			if (t->watch_lesson != NULL && k > 3 &&
			    strcmp(ev->name + k - 3, ".go") == 0)
				t->watch_due = now_ms() + WATCH_DEBOUNCE_MS;
		}
	}
}

/* The help view's text for every view, built once per open. */
static int
key(struct tui *t, int ch)
{
	struct view	*v = &t->views[t->nviews - 1];

	t->message[0] = '\0';
	if (t->job != NULL && (ch == 'k' || ch == 3)) {
		job_cancel(t);
		return (1);
	}
	if (v->ops->key != NULL && v->ops->key(v, t, ch))
		return (1);
	switch (ch) {
	case '?':
		if (v->ops != &view_help_ops)
			tui_push(t, &view_help_ops, (void *)v->ops);
		return (1);
	case 'q':
	case 27:	/* Esc */
		if (t->nviews == 1)
			return (ch == 'q' ? 0 : 1);
		tui_pop(t);
		return (1);
	}
	return (1);
}

/* Load the bundled tracks, the settings' and those in dirs. */
static void
load(struct tui *t, const char **dirs, size_t ndirs)
{
	struct problems	pb;
	size_t		i;

	problems_init(&pb);
	load_path(&t->lib, datadir_lessons(), &pb);
	for (i = 0; i < t->cfg.ntracks; i++)
		load_path(&t->lib, t->cfg.tracks[i], &pb);
	for (i = 0; i < ndirs; i++)
		load_path(&t->lib, dirs[i], &pb);
	t->nproblems = pb.n;
	problems_free(&pb);
}

/* Set up colours, unless the terminal has none or NO_COLOR is set. */
static void
colors(struct tui *t)
{
	const char	*no = getenv("NO_COLOR");

	if ((no != NULL && *no != '\0') || t->cfg.theme == THEME_MONO ||
	    !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(TC_TITLE, COLOR_CYAN, -1);
	init_pair(TC_KEYWORD, COLOR_BLUE, -1);
	init_pair(TC_STRING, COLOR_GREEN, -1);
	init_pair(TC_COMMENT, COLOR_YELLOW, -1);
	init_pair(TC_PASS, COLOR_GREEN, -1);
	init_pair(TC_FAIL, COLOR_RED, -1);
	init_pair(TC_DIM, COLOR_BLUE, -1);
	init_pair(TC_BANNER, COLOR_BLACK, COLOR_YELLOW);
	t->color = 1;
}

/* How long poll may sleep: the spinner and a pending watch need ticks. */
static int
timeout_ms(struct tui *t)
{
	long long	d;

	if (t->job != NULL)
		return (120);
	if (t->class_dir != NULL)
		return (CLASS_POLL_MS);
	if (t->watch_due != 0) {
		d = t->watch_due - now_ms();
		return (d < 0 ? 0 : (int)d);
	}
	return (-1);
}

/* Let each view that follows something outside (the dashboard) look. */
static void
tui_ticks(struct tui *t)
{
	size_t	i;

	for (i = 0; i < t->nviews; i++)
		if (t->views[i].ops->tick != NULL)
			t->views[i].ops->tick(&t->views[i], t);
}

/* The main loop: poll, then handle what is ready, then redraw. */
static int
loop(struct tui *t)
{
	struct pollfd	p[4 + TUI_MAX_VIEWS];
	unsigned char	sig;
	size_t		i;
	int		ch, n;

	for (;;) {
		draw(t);
		p[0] = (struct pollfd){ STDIN_FILENO, POLLIN, 0 };
		p[1] = (struct pollfd){ sigpipe[0], POLLIN, 0 };
		p[2] = (struct pollfd){ t->job != NULL ? checkjob_fd(t->job) :
		    -1, POLLIN, 0 };
		p[3] = (struct pollfd){ t->inotify, POLLIN, 0 };
		for (i = 0; i < t->nviews; i++)
			p[4 + i] = (struct pollfd){ t->views[i].ops->fd !=
			    NULL ? t->views[i].ops->fd(&t->views[i]) : -1,
			    POLLIN, 0 };
		n = poll(p, 4 + t->nviews, timeout_ms(t));
		if (n == -1 && errno != EINTR)
			return (EXIT_FAIL);
		if (p[1].revents & POLLIN) {
			while (read(sigpipe[0], &sig, 1) == 1) {
				if (sig == SIGWINCH) {
					endwin();
					refresh();
				}
				if (sig == SIGCHLD && t->warmer > 0 &&
				    waitpid(t->warmer, NULL, WNOHANG) ==
				    t->warmer)
					t->warmer = 0;
			}
		}
		if (tui_quit_signal != 0)
			return (128 + tui_quit_signal);
		if (t->job != NULL && checkjob_read(t->job))
			job_done(t);
		if (t->class_dir != NULL && now_ms() >= t->class_due)
			class_poll(t);
		tui_ticks(t);
		if (p[3].revents & POLLIN)
			watch_read(t);
		if (t->watch_due != 0 && now_ms() >= t->watch_due &&
		    t->job == NULL) {
			t->watch_due = 0;
			tui_check(t, t->watch_track, t->watch_lesson,
			    t->watch_dir);
		}
		if (p[0].revents & (POLLIN | POLLHUP)) {
			while ((ch = getch()) != ERR) {
				if (ch == KEY_RESIZE)
					continue;
				if (!key(t, ch))
					return (EXIT_OK);
			}
		}
	}
}

/* Write the screen as text, one line per row, trailing blanks cut. */
static int
dump(const char *path)
{
	cchar_t		 cc;
	wchar_t		 wc[CCHARW_MAX + 1];
	attr_t		 a;
	short		 pair;
	char		 mb[MB_LEN_MAX * (CCHARW_MAX + 1)], *line;
	size_t		 n, used, keep;
	FILE		*f;
	int		 y, x;

	if ((f = fopen(path, "we")) == NULL)
		return (-1);
	line = xmalloc((size_t)COLS * sizeof mb + 1);
	for (y = 0; y < LINES; y++) {
		used = keep = 0;
		for (x = 0; x < COLS; x++) {
			if (mvin_wch(y, x, &cc) == ERR ||
			    getcchar(&cc, wc, &a, &pair, NULL) == ERR)
				continue;
			if (a & A_ALTCHARSET)
				wc[0] = L'|', wc[1] = L'\0';
			n = wcstombs(mb, wc, sizeof mb);
			if (n == (size_t)-1 || n == 0)
				continue;	/* the right half of a wide one */
			memcpy(line + used, mb, n);
			used += n;
			if (!(n == 1 && mb[0] == ' '))
				keep = used;
		}
		fprintf(f, "%.*s\n", (int)keep, line);
	}
	free(line);
	return (fclose(f));
}

/* The key named by a word of a screen script: a letter, or a name. */
static int
script_key(const char *w)
{
	static const struct {
		const char	*name;
		int		 key;
	} names[] = {
		{ "Enter", '\r' }, { "Esc", 27 }, { "Tab", '\t' },
		{ "Space", ' ' }, { "Down", KEY_DOWN }, { "Up", KEY_UP },
		{ "PageDown", KEY_NPAGE }, { "PageUp", KEY_PPAGE },
		{ "C-c", 3 },
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(w, names[i].name) == 0)
			return (names[i].key);
	}
	return (strlen(w) == 1 ? (unsigned char)w[0] : -1);
}

/*
 * Screen tests, as tig does them: with GOTUTOR_SCREEN_SCRIPT=FILE the
 * tutor draws into memory (a terminal on /dev/null) and reads commands
 * from FILE, one per line: "size COLS LINES", "keys K...", "wait" (for the
 * running check), and "dump PATH" (the screen as text).
 */
static int
script(struct tui *t, const char *path)
{
	FILE	*f;
	char	 line[1024], *w, *save;
	int	 ch, r = EXIT_OK;

	if ((f = fopen(path, "re")) == NULL) {
		tui_restore();
		fprintf(stderr, "gotutor: cannot open %s: %s\n", path,
		    strerror(errno));
		return (EXIT_USAGE);
	}
	while (r == EXIT_OK && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if ((w = strtok_r(line, " ", &save)) == NULL || *w == '#')
			continue;
		if (strcmp(w, "size") == 0) {
			char	*c = strtok_r(NULL, " ", &save);
			char	*l = strtok_r(NULL, " ", &save);

			if (c != NULL && l != NULL)
				resizeterm(atoi(l), atoi(c));
		} else if (strcmp(w, "keys") == 0) {
			while ((w = strtok_r(NULL, " ", &save)) != NULL) {
				if ((ch = script_key(w)) == -1)
					continue;
				draw(t);
				if (!key(t, ch))
					r = EXIT_FAIL;
			}
		} else if (strcmp(w, "wait") == 0) {
			while (t->job != NULL) {
				struct pollfd p = { checkjob_fd(t->job),
				    POLLIN, 0 };

				(void)poll(&p, 1, 1000);
				if (checkjob_read(t->job))
					job_done(t);
			}
		} else if (strcmp(w, "dump") == 0 &&
		    (w = strtok_r(NULL, " ", &save)) != NULL) {
			t->message[0] = '\0';
			draw(t);
			if (dump(w) != 0)
				r = EXIT_FAIL;
		}
	}
	fclose(f);
	return (r);
}

/* Free what the tutor holds. */
static void
tui_free(struct tui *t)
{
	if (t->inotify != -1)
		close(t->inotify);
	free(t->watch_dir);
	free(t->job_dir);
	free(t->workspace);
	free(t->banner);
	if (t->progress != NULL)
		progress_close(t->progress);
	free(t->go_why);
	if (t->have_go)
		toolchain_free(&t->tc);
	library_free(&t->lib);
	settings_free(&t->cfg);
	if (t->class_log != NULL)
		progress_close(t->class_log);
	class_state_free(&t->cls);
	free(t->class_dir);
	free(t->announce);
}

/* Run the tutor on the bundled tracks and those in dirs. */
int
tui_main(const struct tui_args *a)
{
	struct tui	 t;
	struct problems	 pb;
	SCREEN		*screen;
	char		*why;
	FILE		*out = stdout, *in = stdin;
	const char	*test = getenv("GOTUTOR_SCREEN_SCRIPT");
	int		 status;

	if (test != NULL && *test != '\0') {
		/* A terminal of its own on /dev/null: the screen lives in
		 * memory only. */
		out = fopen("/dev/null", "we");
		in = fopen("/dev/null", "re");
		if (out == NULL || in == NULL) {
			fprintf(stderr, "gotutor: cannot open /dev/null\n");
			return (EXIT_USAGE);
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "gotutor: the tutor needs a terminal; "
		    "'gotutor list' prints the tracks\n");
		return (EXIT_USAGE);
	}
	memset(&t, 0, sizeof t);
	t.inotify = -1;
	problems_init(&pb);
	if (settings_load(&t.cfg, &pb) != 0) {
		problems_sort(&pb);
		problems_print(&pb, stderr);
		fprintf(stderr, "gotutor: fix the settings in %s, or move the "
		    "file away\n", t.cfg.path);
		problems_free(&pb);
		settings_free(&t.cfg);
		return (EXIT_USAGE);
	}
	problems_free(&pb);
	load(&t, a->dirs, a->ndirs);
#ifdef __GLIBC__
	/* Hand back what the YAML trees of a big library took. */
	malloc_trim(0);
#endif
	t.have_go = toolchain_find(&t.tc, &t.go_why) == 0;
	t.workspace = getenv("GOTUTOR_WORKSPACE") == NULL &&
	    t.cfg.workspace != NULL ? xstrdup(t.cfg.workspace) :
	    workspace_root();

	if (a->class_dir != NULL) {
		t.class_dir = xstrdup(a->class_dir);
		t.dashboard = a->dashboard;
		if (class_open_learner(&t, &why) != 0) {
			fprintf(stderr, "gotutor: %s\n", why);
			free(why);
			tui_free(&t);
			return (EXIT_USAGE);
		}
	}
	setlocale(LC_ALL, "");
	if (tui_signals() == -1) {
		fprintf(stderr, "gotutor: cannot make a pipe: %s\n",
		    strerror(errno));
		tui_free(&t);
		return (EXIT_FAIL);
	}
	if ((screen = newterm(NULL, out, in)) == NULL) {
		fprintf(stderr, "gotutor: cannot use the terminal \"%s\"\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		tui_free(&t);
		return (EXIT_USAGE);
	}
	tui_active = 1;
	fatal_set_hook(tui_restore);
	cbreak();
	noecho();
	nonl();
	raw();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	colors(&t);

	if (t.dashboard)
		tui_push(&t, &view_dashboard_ops, view_dashboard_new(&t));
	else {
		t.banner = doctor_banner(&t);
		open_progress(&t);
		if (test == NULL || *test == '\0')
			warm(&t);
		tui_push(&t, &view_tracks_ops, NULL);
		resume(&t);
	}
	if (t.nproblems != 0)
		tui_message(&t, "%zu problem%s in the lessons: run 'gotutor "
		    "lint'", t.nproblems, t.nproblems == 1 ? "" : "s");
	else if (!t.have_go)
		tui_message(&t, "no Go toolchain: %s", t.go_why);
	if (test != NULL && *test != '\0')
		status = script(&t, test);
	else
		status = loop(&t);

	if (t.job != NULL)
		job_cancel(&t);
	if (t.warmer > 0) {
		kill(-t.warmer, SIGKILL);
		waitpid(t.warmer, NULL, 0);
	}
	while (t.nviews > 0)
		tui_pop(&t);
	tui_restore();
	delscreen(screen);
	if (out != stdout)
		fclose(out);
	if (in != stdin)
		fclose(in);
	fatal_set_hook(NULL);
	tui_free(&t);
	return (status);
}
