/*
 * tui: the terminal tutor (ncursesw). A stack of views, each an ops struct
 * in its own file, over one poll() loop that waits on the keyboard, a
 * running check, a signal self-pipe and inotify, so that the screen never
 * blocks. Curses is set up and torn down in tui.c only.
 */
#ifndef TUI_H
#define TUI_H

#include <stddef.h>

#include "lesson.h"
#include "toolchain.h"

#define TUI_MIN_COLS	60
#define TUI_MIN_LINES	16

struct tui;
struct view;

/* What a view does; NULL members do nothing. */
struct view_ops {
	const char	*name;
	const char	*keys;		/* the status line's key summary */
	const char	*help;		/* this view's part of the help */
	void		(*draw)(struct view *, struct tui *);
	int		(*key)(struct view *, struct tui *, int);
	void		(*free)(struct view *);
	int		(*fd)(struct view *);	/* to wake the loop, or -1 */
	void		(*tick)(struct view *, struct tui *);	/* each wake */
};

struct view {
	const struct view_ops	*ops;
	void			*data;
	size_t			 sel;	/* the selected row */
	size_t			 top;	/* the first row or line shown */
};

/* Colour pairs; all A_NORMAL on a monochrome terminal or with NO_COLOR. */
enum tui_color {
	TC_TITLE = 1,
	TC_KEYWORD,
	TC_STRING,
	TC_COMMENT,
	TC_PASS,
	TC_FAIL,
	TC_DIM,
	TC_BANNER,
	TC__COUNT
};

extern const struct view_ops	view_tracks_ops;
extern const struct view_ops	view_lessons_ops;
extern const struct view_ops	view_lesson_ops;
extern const struct view_ops	view_result_ops;
extern const struct view_ops	view_help_ops;
extern const struct view_ops	view_dashboard_ops;
extern const struct view_ops	view_dashboard_learner_ops;

struct class_state;
struct progress;
struct progress_event;
struct settings;

/* The tutor's state, for the views. */
struct library	*tui_library(struct tui *);
const struct toolchain *tui_toolchain(struct tui *);
const char	*tui_workspace(struct tui *);
struct progress	*tui_progress(struct tui *);
const struct settings *tui_settings(struct tui *);
void		 tui_record(struct tui *, struct progress_event *);
void		 tui_push(struct tui *, const struct view_ops *, void *);
void		 tui_pop(struct tui *);
void		 tui_message(struct tui *, const char *, ...)
		     __attribute__((format(printf, 2, 3)));
int		 tui_attr(struct tui *, enum tui_color);
int		 tui_can_run(struct tui *, const struct track *,
		     const struct lesson *, char **);
const struct class_state *tui_class(struct tui *);
const char	*tui_class_dir(struct tui *);
void		 tui_class_refresh(struct tui *);
char		*tui_class_locked(struct tui *, const struct track *,
		     const struct lesson *);

/* Checks, the editor and watch mode, for the lesson and result views. */
int		 tui_check(struct tui *, struct track *, struct lesson *,
		     const char *);
int		 tui_checking(struct tui *);
void		 tui_edit(struct tui *, const char *);
void		 tui_watch(struct tui *, struct track *, struct lesson *,
		     const char *);
int		 tui_watching(struct tui *, const struct lesson *);

/* Drawing helpers. */
void		 tui_title(struct tui *, const char *, const char *);
int		 tui_too_small(void);
void		 tui_text(int, int, const char *, size_t, int);
void		 tui_code(struct tui *, int, int, const char *, size_t, int,
		     enum lang);
int		 tui_wrap(const char *, size_t, int, size_t *);
size_t		 tui_list_top(size_t, size_t, size_t);
int		 tui_list_key(struct view *, size_t, int);
int		 tui_scroll_key(struct view *, size_t, int);

void		*view_result_new(char *, size_t, struct track *,
		     struct lesson *, const char *);
void		*view_lesson_new(struct tui *, struct track *,
		     struct lesson *);
void		*view_lessons_new(struct track *);
void		*view_dashboard_new(struct tui *);
void		*view_dashboard_learner_new(const char *, const char *,
		     const char *);

/* How the tutor starts. */
struct tui_args {
	const char	**dirs;		/* --tracks folders */
	size_t		  ndirs;
	const char	 *class_dir;	/* --class: a learner in a class */
	int		  dashboard;	/* the instructor's dashboard of it */
};

int		 tui_main(const struct tui_args *);

#endif
