/*
 * box: the inside of a full-tier jail: ids, mounts, network, host name.
 *
 * box_enter runs in the jailed child, which holds every capability of its
 * new user namespace until it execs. It builds a new root on a tmpfs
 * mounted, in its own mount namespace only, on an empty folder the parent
 * made (so no host folder is hidden while it binds from the host):
 * read-only views of the system folders the program may need (/usr and
 * /lib for the dynamic binaries of race builds), a few device nodes, an
 * /etc with hosts only, and for the run policy a small tmpfs at /box (the
 * working folder) and another at /tmp, both with size and inode caps. The
 * build policy adds the caller's binds (the Go root read-only, the build
 * cache and the work folder writable). It pivots into the new root, drops
 * the old one, makes the root read-only, brings up loopback in the new
 * network namespace and names the host. Nothing of $HOME or the host's
 * /tmp is left to see.
 */

#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>

#include <net/if.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "box.h"


static const char	*newroot;	/* where the new root is built */

/* System folders shown read-only, as folders or as the links they are. */
static const char *const system_dirs[] = {
	"/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin",
};

/* Device nodes bound from the host. */
static const char *const devices[] = {
	"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom",
};

/* Write text to a file of /proc/PID; return 0 or -1. */
static int
write_proc(pid_t pid, const char *file, const char *text)
{
	char	path[64];
	int	fd;
	ssize_t	n;

	snprintf(path, sizeof path, "/proc/%ld/%s", (long)pid, file);
	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) == -1)
		return (-1);
	n = write(fd, text, strlen(text));
	close(fd);
	return (n == (ssize_t)strlen(text) ? 0 : -1);
}

/*
 * From the parent: map the child's ids. The caller's own uid and gid map to
 * themselves; root also maps nobody, whom the child becomes before exec.
 */
int
box_map_ids(pid_t pid, uid_t uid, gid_t gid, int root)
{
	char	map[128];

	/* Without CAP_SETGID in the parent namespace, gid_map needs this. */
	if (!root && write_proc(pid, "setgroups", "deny") == -1 &&
	    errno != ENOENT)
		return (-1);
	if (root)
		snprintf(map, sizeof map, "0 0 1\n65534 65534 1\n");
	else
		snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)uid,
		    (unsigned long)uid);
	if (write_proc(pid, "uid_map", map) == -1)
		return (-1);
	if (!root)
		snprintf(map, sizeof map, "%lu %lu 1\n", (unsigned long)gid,
		    (unsigned long)gid);
	return (write_proc(pid, "gid_map", map));
}

/* mkdir -p, inside the new root while it is still writable. */
static int
mkdirs(const char *path)
{
	char	buf[PATH_MAX], *p;

	if (strlen(path) >= sizeof buf)
		return (-1);
	strcpy(buf, path);
	for (p = buf + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) == -1 && errno != EEXIST)
			return (-1);
		*p = '/';
	}
	return (mkdir(buf, 0755) == -1 && errno != EEXIST ? -1 : 0);
}

/* Create an empty file to bind a device or file onto. */
static int
touch(const char *path)
{
	int	fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644)) == -1)
		return (-1);
	close(fd);
	return (0);
}

/*
 * Make a bind mount read-only. A user namespace may not clear the flags
 * the mount already has (nosuid, nodev, noexec), so keep them.
 */
static int
remount_ro(const char *path)
{
	struct statvfs	 sv;
	unsigned long	 flags = MS_BIND | MS_REMOUNT | MS_RDONLY;

	if (statvfs(path, &sv) == -1)
		return (-1);
	if (sv.f_flag & ST_NOSUID)
		flags |= MS_NOSUID;
	if (sv.f_flag & ST_NODEV)
		flags |= MS_NODEV;
	if (sv.f_flag & ST_NOEXEC)
		flags |= MS_NOEXEC;
	if (sv.f_flag & ST_NOATIME)
		flags |= MS_NOATIME;
	if (sv.f_flag & ST_NODIRATIME)
		flags |= MS_NODIRATIME;
	if (sv.f_flag & ST_RELATIME)
		flags |= MS_RELATIME;
	return (mount(NULL, path, NULL, flags, NULL));
}

/* Show host path src at the same place in the new root, read-only unless writable. */
static int
show(const char *src, int writable)
{
	char		dst[PATH_MAX];
	struct stat	st;

	if (snprintf(dst, sizeof dst, "%s%s", newroot, src) >= (int)sizeof dst)
		return (-1);
	if (lstat(src, &st) == -1)
		return (errno == ENOENT ? 0 : -1);
	if (S_ISLNK(st.st_mode)) {
		char	target[PATH_MAX];
		ssize_t	n;

		if ((n = readlink(src, target, sizeof target - 1)) == -1)
			return (-1);
		target[n] = '\0';
		return (symlink(target, dst) == -1 && errno != EEXIST ? -1 : 0);
	}
	if (S_ISDIR(st.st_mode) ? mkdirs(dst) == -1 : touch(dst) == -1)
		return (-1);
	if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) == -1)
		return (-1);
	return (writable ? 0 : remount_ro(dst));
}

/* Mount a capped tmpfs at path in the new root. */
static int
tmpfs(const char *path, uint64_t size, unsigned inodes, const char *mode)
{
	char	dst[PATH_MAX], opts[128];

	snprintf(dst, sizeof dst, "%s%s", newroot, path);
	snprintf(opts, sizeof opts, "size=%llu,nr_inodes=%u,mode=%s",
	    (unsigned long long)size, inodes, mode);
	if (mkdirs(dst) == -1)
		return (-1);
	return (mount("tmpfs", dst, "tmpfs", MS_NOSUID | MS_NODEV, opts));
}

/* Write a small file into the new root. */
static int
put_file(const char *path, const char *text)
{
	char	dst[PATH_MAX];
	int	fd;
	ssize_t	n;

	snprintf(dst, sizeof dst, "%s%s", newroot, path);
	if ((fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1)
		return (-1);
	n = write(fd, text, strlen(text));
	close(fd);
	return (n == (ssize_t)strlen(text) ? 0 : -1);
}

/* Bring up the loopback interface of the new network namespace. */
static int
loopback_up(void)
{
	struct ifreq	ifr;
	int		s, r = -1;

	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		return (-1);
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0) {
		ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
		r = ioctl(s, SIOCSIFFLAGS, &ifr);
	}
	close(s);
	return (r);
}

/* Set *what and return -1: a failure of step what, errno intact. */
#define FAIL(w) do { *what = (w); return (-1); } while (0)

/*
 * In the child, inside its new namespaces: build the root described by
 * plan and enter it, with the box as the working folder. Return 0, or -1
 * with errno set and *what naming the step that failed.
 */
int
box_enter(const struct box_plan *plan, const char **what)
{
	size_t	i;
	char	path[PATH_MAX];

	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
		FAIL("make the mounts private");
	newroot = plan->root;
	if (mount("tmpfs", newroot, "tmpfs", MS_NOSUID | MS_NODEV,
	    "size=1m,nr_inodes=4096,mode=0755") == -1)
		FAIL("mount the new root");
	for (i = 0; i < sizeof system_dirs / sizeof system_dirs[0]; i++) {
		if (show(system_dirs[i], 0) == -1)
			FAIL("show the system folders");
	}
	snprintf(path, sizeof path, "%s/dev", newroot);
	if (mkdirs(path) == -1)
		FAIL("make /dev");
	snprintf(path, sizeof path, "%s/etc", newroot);
	if (mkdirs(path) == -1)
		FAIL("make /etc");
	for (i = 0; i < sizeof devices / sizeof devices[0]; i++) {
		if (show(devices[i], 1) == -1)
			FAIL("bind the device nodes");
	}
	if (put_file("/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost\n")
	    == -1)
		FAIL("write /etc/hosts");
	if (tmpfs("/tmp", plan->size, plan->inodes, "1777") == -1)
		FAIL("mount /tmp");
	if (plan->policy == JAIL_RUN) {
		if (tmpfs(BOX_DIR, plan->size, plan->inodes, "0755") == -1)
			FAIL("mount the box");
		snprintf(path, sizeof path, "%s%s", newroot, BOX_DIR);
		if (chown(path, plan->uid, plan->gid) == -1)
			FAIL("give the box to the program");
	}
	for (i = 0; i < plan->nbinds; i++) {
		if (show(plan->binds[i].path, plan->binds[i].writable) == -1)
			FAIL("show the build folders");
	}

	/* Enter the new root and let go of the old one. */
	if (chdir(newroot) == -1)
		FAIL("enter the new root");
	if (syscall(SYS_pivot_root, ".", ".") == -1)
		FAIL("pivot into the new root");
	if (umount2(".", MNT_DETACH) == -1)
		FAIL("drop the old root");
	if (chdir("/") == -1)
		FAIL("enter the new root");
	if (mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY |
	    MS_NOSUID | MS_NODEV, NULL) == -1)
		FAIL("make the root read-only");

	if (loopback_up() == -1)
		FAIL("bring up loopback");
	if (sethostname("gotutor", 7) == -1)
		FAIL("set the host name");
	if (chdir(plan->policy == JAIL_RUN ? BOX_DIR : plan->dir) == -1)
		FAIL("enter the working folder");
	return (0);
}

/*
 * In a child in new namespaces: try the steps a jail needs (private
 * mounts, a tmpfs on root, loopback, a host name). Return 0, or -1 with
 * *what naming the step that failed.
 */
int
box_probe(const char *root, const char **what)
{
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1)
		FAIL("make the mounts private");
	if (mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV,
	    "size=64k,nr_inodes=16") == -1)
		FAIL("mount a tmpfs");
	if (loopback_up() == -1)
		FAIL("bring up loopback");
	if (sethostname("gotutor", 7) == -1)
		FAIL("set the host name");
	return (0);
}
