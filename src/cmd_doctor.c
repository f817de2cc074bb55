/* cmd_doctor: gotutor doctor, which checks what gotutor needs and says how
 * to fix what it can. */

#include <sys/ioctl.h>
#include <sys/stat.h>

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "cmd.h"
#include "datadir.h"
#include "jail.h"
#include "paths.h"
#include "toolchain.h"
#include "xmalloc.h"

static int	problems;

/* Print one check: ok, note (works, but less well) or problem. */
static void __attribute__((format(printf, 3, 4)))
line(const char *what, int level, const char *fmt, ...)
{
	static const char *const tags[] = { "ok", "note", "PROBLEM" };
	va_list	ap;

	printf("%-8s %-12s ", tags[level], what);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (level == 2)
		problems++;
}

/* Print an indented hint under the last check. */
static void
hint(const char *text)
{
	printf("%23s%s\n", "", text);
}

/* Count the entries of a folder's subfolders (the Go cache's layout). */
static unsigned long
count_cache(const char *dir)
{
	DIR		*d, *sub;
	struct dirent	*de, *se;
	char		*path;
	unsigned long	 n = 0;

	if ((d = opendir(dir)) == NULL)
		return (0);
	while ((de = readdir(d)) != NULL) {
		if (strlen(de->d_name) != 2)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if ((sub = opendir(path)) != NULL) {
			while ((se = readdir(sub)) != NULL)
				n += se->d_name[0] != '.';
			closedir(sub);
		}
		free(path);
	}
	closedir(d);
	return (n);
}

/* The Go toolchain and gotutor's build cache. */
static void
check_go(void)
{
	struct toolchain	 tc;
	char			*cause, *cache, *gb;
	unsigned long		 n;

	if (toolchain_find(&tc, &cause) != 0) {
		line("go", 2, "%s", cause);
		free(cause);
		return;
	}
	if (tc.v.minor < 21)
		line("go", 2, "%s at %s is too old: gotutor needs Go 1.21 or "
		    "newer", tc.version, tc.go);
	else
		line("go", 0, "%s at %s (GOROOT %s)", tc.version, tc.go,
		    tc.goroot);
	if (access("/usr/bin/gcc", X_OK) == 0 ||
	    access("/usr/local/bin/gcc", X_OK) == 0 ||
	    access("/bin/gcc", X_OK) == 0)
		line("race detector", 0, "gcc found: go build -race can link "
		    "the race runtime");
	else {
		line("race detector", 1, "no gcc in /usr/bin or /usr/local/bin: "
		    "-race needs cgo, so the data-race check is skipped");
		hint("install gcc (Debian: apt-get install gcc)");
	}
	if ((tc.v.major == 1 && tc.v.minor >= 26) || tc.v.major > 1)
		line("leak profile", 0, "%s has the goroutineleak profile%s: "
		    "a leaked goroutine can be proved so", tc.version,
		    tc.v.major == 1 && tc.v.minor == 26 ? " (as an "
		    "experiment, built once into gotutor's cache)" : "");
	else
		line("leak profile", 1, "%s has no goroutineleak profile "
		    "(Go 1.26 and later): leaks are found from goroutine "
		    "stacks alone", tc.version);
	if ((cache = paths_cache(&cause)) == NULL) {
		line("build cache", 2, "%s", cause);
		free(cause);
	} else {
		gb = xasprintf("%s/go-build", cache);
		n = count_cache(gb);
		if (n < 100)
			line("build cache", 1, "%s is cold (%lu entries): the "
			    "first check builds the standard library (seconds "
			    "to a minute)", gb, n);
		else
			line("build cache", 0, "%s is warm (%lu entries)", gb,
			    n);
		free(gb);
		free(cache);
	}
	toolchain_free(&tc);
}

/* The jail: tier, seccomp, Landlock, cgroups. */
static void
check_jail(void)
{
	struct jail_support	s;

	jail_support(&s);
	if (s.tier == JAIL_FULL)
		line("isolation", 0, "full: user, pid, mount, network, ipc and "
		    "uts namespaces");
	else {
		line("isolation", 1, "degraded: %s", s.tier_why);
		hint("Programs still run under seccomp and rlimits, but they");
		hint("share the host's network and process view. To get the");
		hint("full tier, allow unprivileged user namespaces:");
		hint("  Debian: sysctl -w kernel.unprivileged_userns_clone=1");
		hint("  Ubuntu 23.10+: sysctl -w "
		    "kernel.apparmor_restrict_unprivileged_userns=0");
	}
	if (s.seccomp_api == 0)
		line("seccomp", 2, "the kernel or libseccomp has no seccomp "
		    "filter support: learner code cannot be confined");
	else
		line("seccomp", s.notify ? 0 : 1, "API level %u%s",
		    s.seccomp_api, s.notify ? "; forbidden calls are named" :
		    "; forbidden calls are caught but not named (Linux 5.0+ "
		    "names them)");
	if (s.landlock_abi > 0)
		line("landlock", 0, "ABI %d: the degraded tier confines files",
		    s.landlock_abi);
	else
		line("landlock", s.tier == JAIL_FULL ? 0 : 1, "not available%s",
		    s.tier == JAIL_FULL ? " (not needed in the full tier)" :
		    ": in the degraded tier programs can read your files");
	if (s.cgroup)
		line("cgroups", 0, "memory and process limits by cgroup");
	else
		line("cgroups", 0, "%s: memory is limited with RLIMIT_DATA and "
		    "GOMEMLIMIT instead", s.cgroup_why);
}

/* The terminal the tutor would run in. */
static void
check_terminal(void)
{
	struct winsize	 ws;
	const char	*term = getenv("TERM");
	int		 err, colors = -1;

	if (!isatty(STDOUT_FILENO)) {
		line("terminal", 1, "standard output is not a terminal");
		return;
	}
	if (term == NULL || setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		line("terminal", 2, "TERM=%s is not a terminal type this "
		    "system knows", term != NULL ? term : "(unset)");
		return;
	}
	colors = tigetnum("colors");
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    (ws.ws_col < 60 || ws.ws_row < 16))
		line("terminal", 1, "%s is %ux%u: the tutor needs 60x16", term,
		    ws.ws_col, ws.ws_row);
	else
		line("terminal", 0, "%s, %d colours%s", term, colors,
		    getenv("NO_COLOR") != NULL ? " (NO_COLOR set: none used)" :
		    "");
}

/* gotutor doctor. */
static int
doctor_exec(const struct cmd *c, int argc, char **argv)
{
	int	first, status;

	if ((status = cmd_options(c, argc, argv, &first)) >= 0)
		return (status);
	if (first != argc)
		return (cmd_usage_error(c, "doctor takes no arguments"));
	problems = 0;
	check_go();
	check_jail();
	line("tracks", 0, "%s", datadir_lessons());
	check_terminal();
	if (problems != 0)
		printf("\n%d problem%s: gotutor cannot check exercises until "
		    "%s fixed.\n", problems, problems == 1 ? "" : "s",
		    problems == 1 ? "it is" : "they are");
	return (problems == 0 ? EXIT_OK : EXIT_FAIL);
}

const struct cmd cmd_doctor = {
	.name = "doctor",
	.args = "",
	.summary = "check the Go toolchain, the jail and the terminal",
	.help =
	    "Check what gotutor needs: the Go toolchain and gotutor's build\n"
	    "cache, the isolation tier the jail gets on this machine and why,\n"
	    "seccomp, Landlock and cgroup support, and the terminal. Say how\n"
	    "to fix what can be fixed.\n"
	    "\n"
	    "Options:\n"
	    "  -h, --help   show this help\n"
	    "\n"
	    "Exit status: 0 when gotutor can work here, 1 when something it\n"
	    "needs is missing.\n",
	.exec = doctor_exec,
};
