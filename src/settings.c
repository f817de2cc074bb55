/* settings: the learner's settings file. See settings.h. */

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "suggest.h"
#include "xmalloc.h"
#include "yamltree.h"

static const char *const settings_keys[] = {
	"workspace", "editor", "theme", "solution-after", "tracks",
};
#define NKEYS (sizeof settings_keys / sizeof settings_keys[0])

/* The settings file's path; the caller frees. */
static char *
settings_path(void)
{
	const char	*p = getenv("GOTUTOR_CONFIG"), *x, *home;

	if (p != NULL && *p != '\0')
		return (xstrdup(p));
	if ((x = getenv("XDG_CONFIG_HOME")) != NULL && *x == '/')
		return (xasprintf("%s/gotutor/config.yaml", x));
	if ((home = getenv("HOME")) != NULL && *home == '/')
		return (xasprintf("%s/.config/gotutor/config.yaml", home));
	return (NULL);
}

/* A path setting: ~/ is the home folder; relative ones are refused. */
static char *
path_value(const struct ynode *v, const char *file, struct problems *pb)
{
	const char	*home = getenv("HOME");

	if (v->type != YNODE_SCALAR || v->len == 0) {
		problems_add(pb, file, v->line, v->col, "expected a folder, "
		    "found %s", yamltree_kind(v));
		return (NULL);
	}
	if (strncmp(v->value, "~/", 2) == 0 && home != NULL)
		return (xasprintf("%s/%s", home, v->value + 2));
	if (v->value[0] != '/') {
		problems_add(pb, file, v->line, v->col, "\"%s\" is not a full "
		    "path: start it with / or ~/", v->value);
		return (NULL);
	}
	return (xstrdup(v->value));
}

/* Take one key's value into c. */
static void
setting(struct settings *c, const char *key, const struct ynode *v,
    const char *file, struct problems *pb)
{
	char	*end, *p;
	size_t	 i;

	if (strcmp(key, "workspace") == 0) {
		free(c->workspace);
		c->workspace = path_value(v, file, pb);
	} else if (strcmp(key, "editor") == 0) {
		if (v->type != YNODE_SCALAR || v->len == 0)
			problems_add(pb, file, v->line, v->col, "expected an "
			    "editor command, found %s", yamltree_kind(v));
		else {
			free(c->editor);
			c->editor = xstrdup(v->value);
		}
	} else if (strcmp(key, "theme") == 0) {
		if (v->type == YNODE_SCALAR && strcmp(v->value, "color") == 0)
			c->theme = THEME_COLOR;
		else if (v->type == YNODE_SCALAR &&
		    strcmp(v->value, "mono") == 0)
			c->theme = THEME_MONO;
		else
			problems_add(pb, file, v->line, v->col, "unknown theme "
			    "\"%s\": use color or mono", v->type ==
			    YNODE_SCALAR ? v->value : yamltree_kind(v));
	} else if (strcmp(key, "solution-after") == 0) {
		errno = 0;
		c->solution_after = v->type == YNODE_SCALAR ?
		    (unsigned)strtoul(v->value, &end, 10) : 0;
		if (v->type != YNODE_SCALAR || *v->value == '\0' ||
		    *end != '\0' || errno != 0 || *v->value == '-' ||
		    c->solution_after > 1000) {
			problems_add(pb, file, v->line, v->col, "solution-after "
			    "is a number of failed checks, 0 to 1000 (0: only "
			    "after a pass)");
			c->solution_after = 0;
		}
	} else if (strcmp(key, "tracks") == 0) {
		if (v->type != YNODE_SEQ) {
			problems_add(pb, file, v->line, v->col, "expected a list "
			    "of folders, found %s", yamltree_kind(v));
			return;
		}
		for (i = 0; i < v->n; i++) {
			if ((p = path_value(v->items[i], file, pb)) == NULL)
				continue;
			c->tracks = xreallocarray(c->tracks, c->ntracks + 1,
			    sizeof *c->tracks);
			c->tracks[c->ntracks++] = p;
		}
	}
}

/*
 * Read the settings into c (defaults where the file is silent). Return 0,
 * or -1 with the problems (each FILE:LINE:COL) added to pb.
 */
int
settings_load(struct settings *c, struct problems *pb)
{
	struct ynode	*root, *k;
	struct stat	 st;
	FILE		*f;
	char		*buf;
	const char	*near;
	size_t		 len, i, before = pb->n;

	memset(c, 0, sizeof *c);
	if ((c->path = settings_path()) == NULL || stat(c->path, &st) == -1)
		return (0);
	if ((f = fopen(c->path, "re")) == NULL) {
		problems_add(pb, c->path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return (-1);
	}
	buf = xmalloc(YAMLTREE_MAX_SIZE + 1);
	len = fread(buf, 1, YAMLTREE_MAX_SIZE + 1, f);
	fclose(f);
	root = yamltree_parse(c->path, buf, len, pb);
	free(buf);
	if (root == NULL)
		return (-1);
	if (root->type != YNODE_MAP) {
		problems_add(pb, c->path, root->line, root->col, "expected a "
		    "mapping of settings, found %s", yamltree_kind(root));
		yamltree_free(root);
		return (-1);
	}
	for (i = 0; i < root->n; i++) {
		k = root->items[2 * i];
		if (names_find(settings_keys, NKEYS, k->value) == -1) {
			near = suggest(k->value, settings_keys, NKEYS);
			problems_add(pb, c->path, k->line, k->col, "unknown "
			    "setting \"%s\"%s%s%s", k->value, near != NULL ?
			    " (did you mean \"" : "", near != NULL ? near : "",
			    near != NULL ? "\"?)" : "");
			continue;
		}
		setting(c, k->value, root->items[2 * i + 1], c->path, pb);
	}
	yamltree_free(root);
	return (pb->n == before ? 0 : -1);
}

/* Free what the settings hold. */
void
settings_free(struct settings *c)
{
	size_t	i;

	for (i = 0; i < c->ntracks; i++)
		free(c->tracks[i]);
	free(c->tracks);
	free(c->path);
	free(c->workspace);
	free(c->editor);
	memset(c, 0, sizeof *c);
}
