/*
 * settings: the learner's settings, from $XDG_CONFIG_HOME/gotutor/config.yaml
 * (GOTUTOR_CONFIG names another file): the workspace, the editor, the
 * colour theme, when the reference solution may be shown, and track
 * folders to load beside the bundled ones. A missing file means the
 * defaults; a bad one is reported as FILE:LINE:COL problems.
 */
#ifndef SETTINGS_H
#define SETTINGS_H

#include <stddef.h>

#include "problem.h"

enum theme {
	THEME_COLOR,
	THEME_MONO
};

struct settings {
	char		*path;		/* the file read, or NULL */
	char		*workspace;	/* NULL: the default */
	char		*editor;	/* NULL: $VISUAL, $EDITOR, vi */
	enum theme	 theme;
	unsigned	 solution_after; /* failed checks; 0: after a pass */
	char		**tracks;
	size_t		 ntracks;
};

int	settings_load(struct settings *, struct problems *);
void	settings_free(struct settings *);

#endif
