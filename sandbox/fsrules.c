/*
 * fsrules: Landlock rules for the degraded tier's view of the file system.
 *
 * Where namespaces are refused, Landlock (Linux 5.13 and later, no
 * privilege needed) still confines the program: it may read and write in
 * its box only, read the system's libraries and a few files of /etc, use
 * the null and random devices, and execute nothing but itself. So even
 * there, no host file of the user's, /tmp or the build cache can be read
 * or written. On kernels without Landlock the rules are skipped, and the
 * tier says so.
 */

#include <sys/prctl.h>
#include <sys/syscall.h>

#include <linux/landlock.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "fsrules.h"

#define FS_EXECUTE	(1ULL << 0)
#define FS_WRITE_FILE	(1ULL << 1)
#define FS_READ_FILE	(1ULL << 2)
#define FS_READ_DIR	(1ULL << 3)
#define FS_ALL_V1	((1ULL << 13) - 1)
#define FS_REFER	(1ULL << 13)	/* ABI 2 */
#define FS_TRUNCATE	(1ULL << 14)	/* ABI 3 */
#define FS_IOCTL_DEV	(1ULL << 15)	/* ABI 5 */

/* The first field of struct landlock_ruleset_attr, in every ABI. */
struct ruleset_attr {
	uint64_t	handled_access_fs;
};

struct path_beneath {
	uint64_t	allowed_access;
	int32_t		parent_fd;
} __attribute__((packed));

static const char *const read_dirs[] = {
	"/usr", "/lib", "/lib64", "/lib32", "/libx32",
};
static const char *const read_files[] = {
	"/etc/hosts", "/etc/localtime", "/etc/nsswitch.conf",
	"/etc/resolv.conf", "/dev/urandom", "/dev/random", "/dev/zero",
};
static const char *const rw_files[] = {
	"/dev/null", "/dev/full",
};

/* The Landlock ABI version this kernel has, or 0 without Landlock. */
int
fsrules_abi(void)
{
	long	v;

	v = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    LANDLOCK_CREATE_RULESET_VERSION);
	return (v < 0 ? 0 : (int)v);
}

/* Allow access beneath path; a path that does not exist is skipped. */
static int
allow(int ruleset, const char *path, uint64_t access, uint64_t handled)
{
	struct path_beneath	pb;
	int			fd, r;

	if ((fd = open(path, O_PATH | O_CLOEXEC)) == -1)
		return (errno == ENOENT ? 0 : -1);
	pb.allowed_access = access & handled;
	pb.parent_fd = fd;
	r = (int)syscall(SYS_landlock_add_rule, ruleset,
	    LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
	close(fd);
	return (r);
}

/*
 * In the child, just before exec: confine the file system to the box (read
 * and write), the system libraries (read), and the program (exec_fd, which
 * may be executed). Return 0 when applied, 1 when the kernel has no
 * Landlock, or -1 with errno set and *what naming the failed step.
 */
int
fsrules_apply(const char *box, int exec_fd, const char **what)
{
	struct ruleset_attr	 attr;
	struct path_beneath	 pb;
	uint64_t		 handled, file_rights, read_rights;
	size_t			 i;
	int			 abi, rs;

	if ((abi = fsrules_abi()) == 0)
		return (1);
	handled = FS_ALL_V1;
	if (abi >= 2)
		handled |= FS_REFER;
	if (abi >= 3)
		handled |= FS_TRUNCATE;
	if (abi >= 5)
		handled |= FS_IOCTL_DEV;
	read_rights = FS_READ_FILE | FS_READ_DIR;
	file_rights = FS_READ_FILE | FS_WRITE_FILE | FS_TRUNCATE |
	    FS_IOCTL_DEV;

	memset(&attr, 0, sizeof attr);
	attr.handled_access_fs = handled;
	rs = (int)syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0);
	if (rs == -1) {
		*what = "create the Landlock rules";
		return (-1);
	}
	*what = "add a Landlock rule";
	if (allow(rs, box, handled & ~FS_EXECUTE, handled) == -1)
		goto fail;
	for (i = 0; i < sizeof read_dirs / sizeof read_dirs[0]; i++) {
		if (allow(rs, read_dirs[i], read_rights | FS_EXECUTE,
		    handled) == -1)
			goto fail;
	}
	for (i = 0; i < sizeof read_files / sizeof read_files[0]; i++) {
		if (allow(rs, read_files[i], FS_READ_FILE, handled) == -1)
			goto fail;
	}
	for (i = 0; i < sizeof rw_files / sizeof rw_files[0]; i++) {
		if (allow(rs, rw_files[i], file_rights, handled) == -1)
			goto fail;
	}
	pb.allowed_access = (FS_EXECUTE | FS_READ_FILE) & handled;
	pb.parent_fd = exec_fd;
	if (syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb,
	    0) == -1)
		goto fail;
	*what = "apply the Landlock rules";
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == -1 ||
	    syscall(SYS_landlock_restrict_self, rs, 0) == -1)
		goto fail;
	close(rs);
	return (0);

fail:
	close(rs);
	return (-1);
}
