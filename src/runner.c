/*
 * runner: build and run a Go program through the two jails, the way go run
 * would. See runner.h.
 */

#include <sys/stat.h>

#include <poll.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "harness.h"
#include "paths.h"
#include "runner.h"
#include "xmalloc.h"

#define DEFAULT_MODULE	"play"

/* A scratch folder and its two halves. */
struct scratch {
	char	*top;
	char	*mod;		/* the module: the learner's files */
	char	*out;		/* the binary */
	char	*in;		/* stdin, or NULL */
	char	*overlay;	/* the harness's overlay file, or NULL */
};

/* Make the scratch folders. */
static int
scratch_make(struct scratch *s, char **cause)
{
	const char	*tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp != '/')
		tmp = "/tmp";
	s->top = xasprintf("%s/gotutor-play-XXXXXX", tmp);
	if (mkdtemp(s->top) == NULL) {
		*cause = xasprintf("cannot make a folder in %s: %s", tmp,
		    strerror(errno));
		free(s->top);
		s->top = NULL;
		return (-1);
	}
	s->mod = xasprintf("%s/mod", s->top);
	s->out = xasprintf("%s/out", s->top);
	if (mkdir(s->mod, 0755) == -1 || mkdir(s->out, 0755) == -1) {
		*cause = xasprintf("cannot make %s: %s", s->mod,
		    strerror(errno));
		return (-1);
	}
	return (0);
}

/* Remove the scratch folders. */
static void
scratch_free(struct scratch *s)
{
	if (s->top != NULL)
		jail_remove_tree(s->top);
	free(s->top);
	free(s->mod);
	free(s->out);
	free(s->in);
	free(s->overlay);
}

/*
 * Copy one file of the learner's into the module, refusing anything but a
 * regular file of a sane size. *total counts the bytes so far.
 */
static int
copy_source(int dirfd, const char *name, const char *shown, const char *dst,
    size_t *total, char **why)
{
	struct stat	 st;
	char		 buf[65536], *to;
	int		 in, out;
	ssize_t		 n;

	in = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (in == -1) {
		if (errno == ELOOP)
			*why = xasprintf("%s is a symbolic link: gotutor builds "
			    "only regular files", shown);
		else
			*why = xasprintf("cannot open %s: %s", shown,
			    strerror(errno));
		return (-1);
	}
	if (fstat(in, &st) == -1 || !S_ISREG(st.st_mode)) {
		*why = xasprintf("%s is not a regular file", shown);
		close(in);
		return (-1);
	}
	if (st.st_size > RUNNER_FILE_MAX ||
	    *total + (size_t)st.st_size > RUNNER_TOTAL_MAX) {
		*why = xasprintf("%s is too large (%lld bytes; a source file "
		    "may have %u, and all of them %u)", shown,
		    (long long)st.st_size, RUNNER_FILE_MAX, RUNNER_TOTAL_MAX);
		close(in);
		return (-1);
	}
	*total += (size_t)st.st_size;
	to = xasprintf("%s/%s", dst, name);
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	free(to);
	while (out != -1 && (n = read(in, buf, sizeof buf)) > 0) {
		if (write(out, buf, (size_t)n) != n) {
			close(out);
			out = -1;
		}
	}
	close(in);
	if (out == -1 || close(out) == -1) {
		*why = xasprintf("cannot copy %s: %s", shown, strerror(errno));
		return (-1);
	}
	return (0);
}

/*
 * Copy the program at path (a .go file, or a folder whose regular files
 * make the package) into mod. Hidden files and subfolders are left out.
 */
static int
copy_program(const char *path, const char *mod, char **why)
{
	struct stat	 st;
	DIR		*d;
	struct dirent	*de;
	const char	*base;
	char		*dir, *shown;
	size_t		 total = 0, count = 0, go = 0;
	int		 dfd, r = 0;

	if (lstat(path, &st) == -1) {
		*why = xasprintf("cannot open %s: %s", path, strerror(errno));
		return (-1);
	}
	if (!S_ISDIR(st.st_mode)) {
		base = strrchr(path, '/');
		dir = base == NULL ? xstrdup(".") :
		    xstrndup(path, (size_t)(base - path));
		base = base == NULL ? path : base + 1;
		if ((dfd = open(*dir == '\0' ? "/" : dir, O_RDONLY |
		    O_DIRECTORY | O_CLOEXEC)) == -1) {
			*why = xasprintf("cannot open %s: %s", dir,
			    strerror(errno));
			free(dir);
			return (-1);
		}
		free(dir);
		r = copy_source(dfd, base, path, mod, &total, why);
		close(dfd);
		return (r);
	}
	if ((dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    (d = fdopendir(dfd)) == NULL) {
		*why = xasprintf("cannot open %s: %s", path, strerror(errno));
		if (dfd != -1)
			close(dfd);
		return (-1);
	}
	while (r == 0 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISDIR(st.st_mode))
			continue;
		if (++count > RUNNER_FILES_MAX) {
			*why = xasprintf("%s holds more than %d files", path,
			    RUNNER_FILES_MAX);
			r = -1;
			break;
		}
		shown = xasprintf("%s/%s", path, de->d_name);
		r = copy_source(dfd, de->d_name, shown, mod, &total, why);
		free(shown);
		go += strlen(de->d_name) > 3 &&
		    strcmp(de->d_name + strlen(de->d_name) - 3, ".go") == 0;
	}
	closedir(d);
	if (r == 0 && go == 0) {
		*why = xasprintf("%s holds no .go file", path);
		r = -1;
	}
	return (r);
}

/* The module path in go.mod, writing one if the learner gave none. */
static char *
module_path(const char *mod, const struct toolchain *tc,
    const struct goversion *lang, char **cause)
{
	char	*path = xasprintf("%s/go.mod", mod), line[512], *m = NULL;
	FILE	*f;

	if ((f = fopen(path, "re")) != NULL) {
		while (m == NULL && fgets(line, sizeof line, f) != NULL) {
			if (strncmp(line, "module", 6) == 0 &&
			    (line[6] == ' ' || line[6] == '\t')) {
				m = line + 7 + strspn(line + 7, " \t\"");
				m = xstrndup(m, strcspn(m, " \t\"\r\n/"));
			}
		}
		fclose(f);
		free(path);
		return (m != NULL ? m : xstrdup(DEFAULT_MODULE));
	}
	if ((f = fopen(path, "we")) == NULL) {
		*cause = xasprintf("cannot write %s: %s", path,
		    strerror(errno));
		free(path);
		return (NULL);
	}
	/* A lesson is checked at the Go it claims; play, at the toolchain's. */
	if (lang == NULL || lang->major == 0)
		lang = &tc->v;
	fprintf(f, "module %s\n\ngo %u.%u\n", DEFAULT_MODULE, lang->major,
	    lang->minor);
	fclose(f);
	free(path);
	return (xstrdup(DEFAULT_MODULE));
}

/* A NULL-terminated array of strings, built up one at a time. */
struct strv {
	char	**v;
	size_t	  n;
};

static void
strv_add(struct strv *s, char *str)
{
	s->v = xreallocarray(s->v, s->n + 2, sizeof *s->v);
	s->v[s->n++] = str;
	s->v[s->n] = NULL;
}

static void
strv_free(struct strv *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* Write the go command's telemetry mode "off" into gotutor's own config. */
static int
telemetry_off(const char *cache, char **cause)
{
	char	*dir = xasprintf("%s/config/go/telemetry", cache), *path;
	FILE	*f;
	int	 r;

	if ((r = paths_mkdirs(dir, cause)) == 0) {
		path = xasprintf("%s/mode", dir);
		if ((f = fopen(path, "wxe")) != NULL) {
			fputs("off", f);
			fclose(f);
		}
		free(path);
	}
	free(dir);
	return (r);
}

/* What a go command of the build jail needs beyond the usual. */
#define GO_CGO		0x1	/* cgo on, for -race */
#define GO_LEAKPROFILE	0x2	/* the goroutineleak profile experiment */

/* The environment every go command of the build jail gets. */
static void
build_env(struct strv *env, const struct toolchain *tc, const char *cache,
    const char *home, int flags)
{
	strv_add(env, xasprintf("PATH=%s/bin:/usr/local/bin:/usr/bin:/bin",
	    tc->goroot));
	strv_add(env, xasprintf("HOME=%s", home));
	strv_add(env, xasprintf("GOROOT=%s", tc->goroot));
	strv_add(env, xasprintf("GOCACHE=%s/go-build", cache));
	strv_add(env, xasprintf("GOPATH=%s/gopath", cache));
	strv_add(env, xstrdup((flags & GO_CGO) ? "CGO_ENABLED=1" :
	    "CGO_ENABLED=0"));
	if (flags & GO_LEAKPROFILE)
		strv_add(env, xstrdup("GOEXPERIMENT=goroutineleakprofile"));
	strv_add(env, xstrdup("GOPROXY=off"));
	strv_add(env, xstrdup("GOSUMDB=off"));
	strv_add(env, xstrdup("GOTOOLCHAIN=local"));
	strv_add(env, xstrdup("GOFLAGS=-mod=mod"));
	strv_add(env, xstrdup("GOENV=off"));
	strv_add(env, xstrdup("GOTELEMETRY=off"));
	/* GOTELEMETRY only reports the mode: the go command reads it from its
	 * config folder, and would otherwise start a helper process. */
	strv_add(env, xasprintf("XDG_CONFIG_HOME=%s/config", cache));
	strv_add(env, xstrdup("GOWORK=off"));
	strv_add(env, xstrdup("TMPDIR=/tmp"));
}

/*
 * Start `go ARGS...` in the build jail, in folder dir, seeing the Go root,
 * the cache (writable) and the nextra folders of extra.
 */
static int
go_job(const struct toolchain *tc, const char *cache, const char *dir,
    const struct jail_bind *extra, size_t nextra, const char *home,
    const struct runner_opts *o, int flags, const char *const *args,
    struct jail_job **job, char **cause)
{
	struct jail_spec	 spec;
	struct jail_bind	 binds[4];
	struct strv		 argv = { NULL, 0 }, env = { NULL, 0 };
	size_t			 i;
	int			 r;

	strv_add(&argv, xstrdup("go"));
	for (i = 0; args[i] != NULL; i++)
		strv_add(&argv, xstrdup(args[i]));
	build_env(&env, tc, cache, home, flags);

	binds[0] = (struct jail_bind){ tc->goroot, 0 };
	binds[1] = (struct jail_bind){ cache, 1 };
	for (i = 0; i < nextra && i < 2; i++)
		binds[2 + i] = extra[i];

	memset(&spec, 0, sizeof spec);
	spec.policy = JAIL_BUILD;
	spec.program = tc->go;
	spec.argv = argv.v;
	spec.env = env.v;
	spec.dir = dir;
	spec.stdin_fd = -1;
	spec.binds = binds;
	spec.nbinds = 2 + i;
	spec.degraded = o->degraded;
	jail_default_limits(JAIL_BUILD, &spec.limits);
	r = jail_spawn(&spec, job, cause);
	strv_free(&argv);
	strv_free(&env);
	return (r);
}

/* Run jobs to their ends together; results[i] gets jobs[i]'s. */
static void
wait_all(struct jail_job **jobs, struct jail_result **results, size_t n)
{
	struct pollfd	p[16];
	size_t		i, np, left = n;
	int		timeout;

	while (left > 0) {
		np = 0;
		timeout = -1;
		left = 0;
		for (i = 0; i < n; i++) {
			if (jobs[i] == NULL)
				continue;
			if (jail_service(jobs[i])) {
				jail_finish(jobs[i], results[i]);
				jobs[i] = NULL;
				continue;
			}
			left++;
			np += jail_pollfds(jobs[i], p + np,
			    sizeof p / sizeof p[0] - np);
			if (timeout == -1 || jail_timeout_ms(jobs[i]) < timeout)
				timeout = jail_timeout_ms(jobs[i]);
		}
		if (left > 0)
			(void)poll(p, np, timeout);
	}
}

/* FNV-1a of the analyzer's source, so that a new one gets built. */
static uint64_t
source_hash(const char *dir)
{
	char		*path = xasprintf("%s/main.go", dir), buf[8192];
	uint64_t	 h = 1469598103934665603ull;
	ssize_t		 n, i;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) != -1) {
		while ((n = read(fd, buf, sizeof buf)) > 0) {
			for (i = 0; i < n; i++)
				h = (h ^ (unsigned char)buf[i]) * 1099511628211ull;
		}
		close(fd);
	}
	free(path);
	return (h);
}

/*
 * The ignored-error analyzer for this toolchain: built from the share
 * folder on first use, in the build jail, and kept in the cache per Go
 * version (it reads that version's export data). NULL when it cannot be
 * built; the reason is in *why.
 */
static char *
analyzer(const struct toolchain *tc, const char *cache,
    const struct runner_opts *o, char **why)
{
	static const char *const args[] = { "build", "-trimpath",
	    "-mod=readonly", "-o", NULL, ".", NULL };
	const char		*a[7];
	struct jail_bind	 binds[2];
	struct jail_job		*job;
	struct jail_result	 res, *rp = &res;
	char			*src, *dir, *path, *tmp;
	size_t			 i;

	src = xasprintf("%s/errcheck", datadir_share());
	path = xasprintf("%s/tools/errcheck-%s-%016llx", cache, tc->version,
	    (unsigned long long)source_hash(src));
	if (access(path, X_OK) == 0) {
		free(src);
		return (path);
	}
	dir = xasprintf("%s/tools", cache);
	tmp = xasprintf("%s.%ld", path, (long)getpid());
	for (i = 0; i < 7; i++)
		a[i] = args[i];
	a[4] = tmp;
	*why = NULL;
	binds[0] = (struct jail_bind){ src, 0 };
	binds[1] = (struct jail_bind){ dir, 1 };
	if (paths_mkdirs(dir, why) == 0 && go_job(tc, cache, src, binds, 2,
	    dir, o, 0, a, &job, why) == 0) {
		wait_all(&job, &rp, 1);
		if (res.verdict == JAIL_OK && rename(tmp, path) == 0) {
			jail_result_free(&res);
			free(dir);
			free(src);
			free(tmp);
			return (path);
		}
		*why = xasprintf("cannot build the error analyzer: %s%s",
		    res.err, res.internal != NULL ? res.internal : "");
		jail_result_free(&res);
	}
	unlink(tmp);
	free(dir);
	free(src);
	free(tmp);
	free(path);
	return (NULL);
}

/*
 * Run out/NAME in the run jail, with the module's files in its box; race
 * runs get more room and the race detector's settings.
 */
static int
run(const struct scratch *s, const char *name, const struct runner_opts *o,
    int race, struct jail_result *res, char **cause)
{
	struct jail_spec	 spec;
	struct jail_job		*job;
	struct strv		 argv = { NULL, 0 }, env = { NULL, 0 };
	char			*prog;
	size_t			 i;
	int			 in = -1, r;

	memset(&spec, 0, sizeof spec);
	jail_default_limits(JAIL_RUN, &spec.limits);
	if (o->timeout_ms != 0)
		spec.limits.wall_ms = spec.limits.cpu_ms = o->timeout_ms;
	if (o->memory != 0)
		spec.limits.memory = o->memory;
	if (race) {
		/* The race detector costs 2-20 times the time and 5-10 times
		 * the memory. */
		spec.limits.wall_ms *= 4;
		spec.limits.cpu_ms *= 4;
		spec.limits.memory *= 4;
	}
	if (s->in != NULL &&
	    (in = open(s->in, O_RDONLY | O_CLOEXEC)) == -1) {
		*cause = xasprintf("cannot open %s: %s", s->in,
		    strerror(errno));
		return (-1);
	}

	strv_add(&argv, xstrdup("main"));
	for (i = 0; i < o->nargs; i++)
		strv_add(&argv, xstrdup(o->args[i]));
	strv_add(&env, xstrdup("PATH=/usr/bin:/bin"));
	strv_add(&env, xstrdup("HOME=/box"));
	strv_add(&env, xstrdup("TMPDIR=/tmp"));
	/* A soft limit below the hard one: garbage is collected in time. */
	strv_add(&env, xasprintf("GOMEMLIMIT=%lluMiB",
	    (unsigned long long)(spec.limits.memory * 8 / 10 >> 20)));
	if (race)
		strv_add(&env, xstrdup("GORACE=atexit_sleep_ms=0 "
		    "halt_on_error=0"));

	prog = xasprintf("%s/%s", s->out, name);
	spec.policy = JAIL_RUN;
	spec.program = prog;
	spec.argv = argv.v;
	spec.env = env.v;
	spec.seed = s->mod;
	spec.stdin_fd = in;
	spec.side = 1;
	spec.degraded = o->degraded;
	r = jail_spawn(&spec, &job, cause);
	if (r == 0)
		jail_wait(job, res);
	if (in != -1)
		close(in);
	free(prog);
	strv_free(&argv);
	strv_free(&env);
	return (r);
}

/*
 * The compiler names the renamed copy of the learner's file by its place
 * in the overlay, "../overlay/main.go": name it as the learner's again.
 */
static void
unoverlay(struct jail_result *build)
{
	static const char	 from[] = "../overlay/";
	char			*out, *p, *q;
	size_t			 n = 0;

	if (build->err == NULL || strstr(build->err, from) == NULL)
		return;
	out = xmalloc(build->err_len + 1);
	for (p = build->err; (q = strstr(p, from)) != NULL; p = q + 10) {
		memcpy(out + n, p, (size_t)(q - p));
		n += (size_t)(q - p);
		memcpy(out + n, "./", 2);
		n += 2;
		q += sizeof from - 1 - 10;
	}
	memcpy(out + n, p, strlen(p) + 1);
	n += strlen(p);
	free(build->err);
	build->err = out;
	build->err_len = n;
}

/* Does the build's output blame the harness rather than the learner? */
static int
harness_blamed(const struct jail_result *build)
{
	return (build->err != NULL &&
	    (strstr(build->err, "gotutor_harness") != NULL ||
	    strstr(build->err, HARNESS_MAIN) != NULL));
}

/*
 * Build the module (wrapped in the leak harness when asked), and at the
 * same time vet it and build it with -race when asked, each in its own
 * build jail.
 */
static int
build_and_vet(const struct toolchain *tc, const struct scratch *s,
    const char *cache, const struct runner_opts *o, struct runner_result *res,
    char **cause)
{
	/* No DWARF and no symbol table: tracebacks need neither, and the
	 * link takes a third less. */
	const char		*build[] = { "build", "-trimpath",
	    "-ldflags=-s -w", NULL, NULL, ".", NULL };
	const char		*race[] = { "build", "-race", "-trimpath",
	    "-ldflags=-s -w", NULL, NULL, ".", NULL };
	const char		*vet[] = { "vet", NULL, NULL, ".", NULL };
	struct jail_job		*jobs[3] = { NULL, NULL, NULL };
	struct jail_result	*results[3];
	struct jail_bind	 top = { s->top, 1 };
	char			*out, *rout, *ov = NULL, *tool = NULL;
	char			*flag = NULL;
	size_t			 n = 0;
	int			 flags = 0;

	out = xasprintf("-o=%s/prog", s->out);
	rout = xasprintf("-o=%s/prog-race", s->out);
	build[3] = out;
	race[4] = rout;
	if (s->overlay != NULL) {
		ov = xasprintf("-overlay=%s", s->overlay);
		build[4] = race[5] = ov;
		/* Go 1.26 has the goroutineleak profile as an experiment;
		 * later releases have it always. */
		if (tc->v.major == 1 && tc->v.minor == 26)
			flags |= GO_LEAKPROFILE;
	} else {
		build[4] = ".", build[5] = NULL;
		race[5] = ".", race[6] = NULL;
	}
	results[0] = &res->build;
	if (go_job(tc, cache, s->mod, &top, 1, s->top, o, flags, build,
	    &jobs[n], cause) != 0)
		goto fail;
	n++;
	if (o->vet) {
		if ((tool = analyzer(tc, cache, o, &res->errcheck_why)) !=
		    NULL) {
			flag = xasprintf("-vettool=%s", tool);
			vet[1] = flag;
			vet[2] = "-std";
		} else
			vet[1] = ".", vet[2] = NULL;
		if (go_job(tc, cache, s->mod, &top, 1, s->top, o, 0, vet,
		    &jobs[n], cause) == 0) {
			results[n++] = &res->vet;
			res->have_vet = 1;
			res->have_errcheck = tool != NULL;
		} else
			free(*cause);
	}
	if (res->race_asked) {
		if (go_job(tc, cache, s->mod, &top, 1, s->top, o, GO_CGO, race,
		    &jobs[n], cause) == 0)
			results[n++] = &res->race_build;
		else {
			res->race_why = *cause;
			res->race_asked = 0;
		}
	}
	wait_all(jobs, results, n);
	if (res->have_vet && res->vet.verdict != JAIL_OK &&
	    !(res->vet.verdict == JAIL_EXIT && res->vet.exit_code == 1)) {
		/* go vet itself failed: say so rather than pass. */
		res->have_vet = res->have_errcheck = 0;
		free(res->errcheck_why);
		res->errcheck_why = xasprintf("go vet failed (%s %d): %.*s",
		    jail_verdict_name(res->vet.verdict), res->vet.exit_code,
		    (int)strcspn(res->vet.err, "\n"), res->vet.err);
	}
	if (s->overlay != NULL && res->build.verdict != JAIL_OK)
		unoverlay(&res->build);
	if (s->overlay != NULL && res->build.verdict != JAIL_OK &&
	    harness_blamed(&res->build)) {
		/* The learner's main could not be wrapped: build it plain. */
		jail_result_free(&res->build);
		res->harness = 0;
		res->harness_why = xstrdup("its func main could not be "
		    "wrapped");
		build[4] = ".", build[5] = NULL;
		if (go_job(tc, cache, s->mod, &top, 1, s->top, o, 0, build,
		    &jobs[0], cause) != 0)
			goto fail;
		results[0] = &res->build;
		wait_all(jobs, results, 1);
	}
	free(flag);
	free(tool);
	free(ov);
	free(out);
	free(rout);
	return (0);
fail:
	free(ov);
	free(out);
	free(rout);
	return (-1);
}

/* Name the learner's main "main" again in what the program wrote. */
static void
unwrap(char *text, size_t len)
{
	char	*p = text, *end = text + len;

	while (p != NULL && p < end &&
	    (p = memmem(p, (size_t)(end - p), HARNESS_MAIN, 4)) != NULL) {
		memcpy(p, "main", 4);
		p += 4;
	}
}

/* Write the stdin text the caller gave into the scratch folder. */
static int
write_stdin(struct scratch *s, const struct runner_opts *o, char **cause)
{
	FILE	*f;

	if (o->stdin_text == NULL) {
		s->in = o->stdin_path != NULL ? xstrdup(o->stdin_path) : NULL;
		return (0);
	}
	s->in = xasprintf("%s/stdin", s->top);
	if ((f = fopen(s->in, "we")) == NULL ||
	    fwrite(o->stdin_text, 1, o->stdin_len, f) != o->stdin_len ||
	    fclose(f) != 0) {
		*cause = xasprintf("cannot write %s: %s", s->in,
		    strerror(errno));
		return (-1);
	}
	return (0);
}

/*
 * Build and run the Go program at path (a file or a package folder). Return
 * 0 with *res filled in (the caller frees it with runner_result_free), or
 * -1 with *cause set when gotutor itself cannot go on (and *res empty).
 */
int
runner_play(const struct toolchain *tc, const char *path,
    const struct runner_opts *o, struct runner_result *res, char **cause)
{
	struct scratch	 s;
	char		*cache = NULL, *why = NULL, *sub;
	int		 r = -1;

	memset(res, 0, sizeof *res);
	memset(&s, 0, sizeof s);
	res->tier = o->degraded ? JAIL_DEGRADED : jail_probe(&res->tier_why);
	if (o->degraded)
		res->tier_why = "asked for";
	if ((cache = paths_cache(cause)) == NULL)
		goto out;
	sub = xasprintf("%s/go-build", cache);
	r = paths_mkdirs(sub, cause);
	free(sub);
	if (r == 0)
		r = telemetry_off(cache, cause);
	if (r == -1 || scratch_make(&s, cause) == -1 ||
	    write_stdin(&s, o, cause) == -1) {
		r = -1;
		goto out;
	}
	if (copy_program(path, s.mod, &why) == -1) {
		res->stage = RUNNER_REJECTED;
		res->rejected = why;
		r = 0;
		goto out;
	}
	if ((res->module = module_path(s.mod, tc, &o->go, cause)) == NULL) {
		r = -1;
		goto out;
	}
	if (o->leaks) {
		if (harness_overlay(s.mod, s.top, &s.overlay,
		    &res->harness_why) == 0)
			res->harness = 1;
	}
	res->race_asked = o->race == RUNNER_RACE_ALWAYS ||
	    (o->race == RUNNER_RACE_AUTO && harness_goroutines(s.mod));
	if (o->race == RUNNER_RACE_AUTO && !res->race_asked)
		res->race_why = xstrdup("the program starts no goroutines");
	if (o->stage != NULL)
		o->stage(o->stage_arg, "building");
	if ((r = build_and_vet(tc, &s, cache, o, res, cause)) == -1)
		goto out;
	if (res->build.verdict != JAIL_OK) {
		res->stage = RUNNER_BUILD_FAILED;
		goto out;
	}
	res->stage = RUNNER_RAN;
	if (o->stage != NULL)
		o->stage(o->stage_arg, "running");
	if ((r = run(&s, "prog", o, 0, &res->run, cause)) == -1)
		goto out;
	if (res->harness) {
		unwrap(res->run.err, res->run.err_len);
		unwrap(res->run.side, res->run.side_len);
	}
	if (res->race_asked && (res->run.verdict == JAIL_TIMEOUT ||
	    (res->run.err != NULL && strstr(res->run.err,
	    "fatal error: all goroutines are asleep") != NULL))) {
		/* -race turns the deadlock detector off: it would hang. */
		res->race_asked = 0;
		res->race_why = xstrdup("the program did not finish without "
		    "the race detector");
	} else if (res->race_asked && res->race_build.verdict == JAIL_OK) {
		if (o->stage != NULL)
			o->stage(o->stage_arg, "looking for races");
		if ((r = run(&s, "prog-race", o, 1, &res->race_run, cause)) ==
		    -1)
			goto out;
		res->have_race = 1;
	} else if (res->race_asked && res->race_why == NULL)
		res->race_why = xasprintf("the -race build failed: %.*s",
		    (int)strcspn(res->race_build.err, "\n"),
		    res->race_build.err);
out:
	if (r != 0)	/* nothing half-made reaches the caller */
		runner_result_free(res);
	scratch_free(&s);
	free(cache);
	return (r);
}

/* Free what a result holds. */
void
runner_result_free(struct runner_result *res)
{
	free(res->rejected);
	free(res->module);
	free(res->errcheck_why);
	free(res->harness_why);
	free(res->race_why);
	jail_result_free(&res->vet);
	jail_result_free(&res->race_build);
	jail_result_free(&res->race_run);
	jail_result_free(&res->build);
	jail_result_free(&res->run);
	memset(res, 0, sizeof *res);
}
