#define _GNU_SOURCE
#include "init.h"
#include "console.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

typedef int (*init_step)(const struct shim_config *c, struct shim_error *e);

static int set_cgroups(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **procs = config_all(c, "cgroup.procs", &n);

	for (size_t i = 0; i < n; i++)
		if (write_file(procs[i], "0", e) < 0)
			return -1;
	free(procs);
	/* After joining, so the namespace's root is the container's own cgroup. */
	if (unshare(CLONE_NEWCGROUP) < 0)
		return fail(e, errno, "unshare cgroup namespace");
	return 0;
}

static int set_netns(const struct shim_config *c, struct shim_error *e)
{
	const char *path = config_get(c, "netns");
	int fd;

	if (path == NULL)
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(e, errno, "open netns %s", path);
	if (setns(fd, CLONE_NEWNET) < 0)
		return fail(e, errno, "setns %s", path);
	close(fd);
	return 0;
}

static int set_loopback(const struct shim_config *c, struct shim_error *e)
{
	struct ifreq ifr = { 0 };
	int s;

	if (config_get(c, "netns") != NULL)
		return 0;
	s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return fail(e, errno, "socket for lo");
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0 || (ifr.ifr_flags |= IFF_UP, ioctl(s, SIOCSIFFLAGS, &ifr)) < 0) {
		int err = errno;

		close(s);
		return fail(e, err, "bring lo up");
	}
	close(s);
	return 0;
}

static int set_rootfs(const struct shim_config *c, struct shim_error *e)
{
	const char *type = config_get(c, "rootfs.type"), *src = config_get(c, "rootfs.source");
	const char *data = config_get(c, "rootfs.data"), *target = config_get(c, "rootfs.target");
	int bind;

	if (type == NULL || src == NULL || target == NULL)
		return fail(e, 0, "config: rootfs.type, rootfs.source and rootfs.target are required");
	/* Nothing mounted from here on may propagate back to the host. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return fail(e, errno, "make / private");
	bind = strcmp(type, "bind") == 0;
	if (mount(src, target, bind ? NULL : type, bind ? MS_BIND | MS_REC : 0, bind ? NULL : data) < 0)
		return fail(e, errno, "mount %s rootfs %s on %s", type, src, target);
	if (chdir(target) < 0)
		return fail(e, errno, "chdir %s", target);
	return 0;
}

/*
 * Volumes and the generated /etc files come from the host. Their sources are cloned as detached mount trees while
 * host paths still resolve (before pivot_root) and attached afterwards with move_mount, so that a target can only
 * resolve inside the container's root, whatever symlinks the image holds.
 */
#define MAX_BINDS 128
static int bind_fds[MAX_BINDS];
static const char *bind_targets[MAX_BINDS];
static size_t bind_count;

static int open_binds(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **all = config_all(c, "bind", &n);

	if (n > MAX_BINDS) {
		free(all);
		return fail(e, 0, "config: more than %d binds", MAX_BINDS);
	}
	for (size_t i = 0; i < n; i++) {
		char *f[3];

		if (split_fields(all[i], '\t', f, 3) != 3) {
			free(all);
			return fail(e, 0, "config: bad bind %s", all[i]);
		}
		bind_fds[i] = open_tree(AT_FDCWD, f[0], OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
		if (bind_fds[i] < 0) {
			free(all);
			return fail(e, errno, "clone bind source %s", f[0]);
		}
		bind_count = i + 1;
		if (strcmp(f[2], "ro") == 0) {
			struct mount_attr attr = {.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV};

			if (mount_setattr(bind_fds[i], "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof(attr)) < 0) {
				free(all);
				return fail(e, errno, "make bind source %s read-only", f[0]);
			}
		}
		bind_targets[i] = f[1];
	}
	free(all);
	return 0;
}

static int make_mount_point(const char *target, int directory, struct shim_error *e)
{
	char parent[4096], real[4096];
	char *slash;
	int fd;

	if (directory) {
		if (mkdir_all(target, 0755, e) < 0)
			return -1;
		goto check;
	}
	if (snprintf(parent, sizeof(parent), "%s", target) >= (int)sizeof(parent))
		return fail(e, ENAMETOOLONG, "bind target %s", target);
	slash = strrchr(parent, '/');
	if (slash != NULL && slash != parent) {
		*slash = '\0';
		if (mkdir_all(parent, 0755, e) < 0)
			return -1;
	}
	fd = open(target, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0 && errno != EISDIR)
		return fail(e, errno, "create bind target %s", target);
	if (fd >= 0)
		close(fd);
check:
	/* A target an image's symlink leads into /proc or /sys would cover the kernel's files. */
	if (realpath(target, real) == NULL)
		return fail(e, errno, "resolve bind target %s", target);
	if (strncmp(real, "/proc", 5) == 0 || strncmp(real, "/sys", 4) == 0)
		return fail(e, EPERM, "bind target %s resolves to %s", target, real);
	return 0;
}

static int set_binds(const struct shim_config *c, struct shim_error *e)
{
	(void)c;
	for (size_t i = 0; i < bind_count; i++) {
		struct stat st;

		if (fstat(bind_fds[i], &st) < 0)
			return fail(e, errno, "stat bind source of %s", bind_targets[i]);
		if (make_mount_point(bind_targets[i], S_ISDIR(st.st_mode), e) < 0)
			return -1;
		if (move_mount(bind_fds[i], "", AT_FDCWD, bind_targets[i], MOVE_MOUNT_F_EMPTY_PATH) < 0)
			return fail(e, errno, "bind onto %s", bind_targets[i]);
		close(bind_fds[i]);
	}
	return 0;
}

static int set_pivot_root(const struct shim_config *c, struct shim_error *e)
{
	(void)c;
	/* pivot_root(".", ".") stacks the old root under the new one; detaching it leaves only the rootfs. */
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		return fail(e, errno, "pivot_root");
	if (umount2(".", MNT_DETACH) < 0)
		return fail(e, errno, "detach old root");
	if (chdir("/") < 0)
		return fail(e, errno, "chdir /");
	return 0;
}

/* From here on every path resolves inside the container's root: symlinks in the image cannot reach the host. */
static int set_mounts(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **all = config_all(c, "mount", &n);

	for (size_t i = 0; i < n; i++) {
		char *f[5];
		unsigned long long flags;

		if (split_fields(all[i], '\t', f, 5) != 5 || parse_u64(f[3], &flags) < 0)
			return fail(e, 0, "config: bad mount %s", all[i]);
		if (mkdir_all(f[2], 0755, e) < 0)
			return -1;
		if (mount(f[1], f[2], f[0], (unsigned long)flags, f[4][0] ? f[4] : NULL) < 0)
			return fail(e, errno, "mount %s on %s", f[0], f[2]);
	}
	free(all);
	return 0;
}

/* One "path type major minor mode uid gid" line; a node in a subdirectory (/dev/net/tun) gets its parents. */
static int make_device(char *line, struct shim_error *e)
{
	char *f[7], *slash;
	unsigned long long maj, min, mode, uid, gid;

	if (split_fields(line, '\t', f, 7) != 7 || parse_u64(f[2], &maj) < 0 || parse_u64(f[3], &min) < 0
			|| parse_u64(f[4], &mode) < 0 || parse_u64(f[5], &uid) < 0 || parse_u64(f[6], &gid) < 0)
		return fail(e, 0, "config: bad device %s", line);
	slash = strrchr(f[0], '/');
	if (slash != NULL && slash != f[0]) {
		*slash = '\0';
		if (mkdir_all(f[0], 0755, e) < 0)
			return -1;
		*slash = '/';
	}
	mode |= f[1][0] == 'b' ? S_IFBLK : S_IFCHR;
	if (mknod(f[0], (mode_t)mode, makedev(maj, min)) < 0)
		return fail(e, errno, "mknod %s", f[0]);
	if ((uid != 0 || gid != 0) && lchown(f[0], (uid_t)uid, (gid_t)gid) < 0)
		return fail(e, errno, "chown %s", f[0]);
	return 0;
}

static int set_devices(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **all = config_all(c, "device", &n);
	int r = 0;

	umask(0);
	for (size_t i = 0; i < n && r == 0; i++)
		r = make_device(all[i], e);
	umask(022);
	free(all);
	return r;
}

static int set_symlinks(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **all = config_all(c, "symlink", &n);

	for (size_t i = 0; i < n; i++) {
		char *f[2];

		if (split_fields(all[i], '\t', f, 2) != 2)
			return fail(e, 0, "config: bad symlink %s", all[i]);
		if (symlink(f[0], f[1]) < 0 && errno != EEXIST)
			return fail(e, errno, "symlink %s -> %s", f[1], f[0]);
	}
	free(all);
	return 0;
}

/* runc CVE-2025-31133: only ever bind a /dev/null that really is the null device. */
static int open_dev_null(struct shim_error *e)
{
	struct stat st;
	int fd = open("/dev/null", O_PATH | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0)
		return fail(e, errno, "open /dev/null");
	if (!S_ISCHR(st.st_mode) || st.st_rdev != makedev(1, 3))
		return fail(e, 0, "/dev/null is not the null device");
	return fd;
}

static int set_masks(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **all = config_all(c, "mask", &n);
	char null_path[64];
	int null_fd = n > 0 ? open_dev_null(e) : -1;

	if (n > 0 && null_fd < 0)
		return -1;
	snprintf(null_path, sizeof(null_path), "/proc/self/fd/%d", null_fd);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		int r;

		if (lstat(all[i], &st) < 0) {
			if (errno == ENOENT)
				continue;
			return fail(e, errno, "stat masked path %s", all[i]);
		}
		if (S_ISDIR(st.st_mode))
			r = mount("tmpfs", all[i], "tmpfs", MS_RDONLY, "size=0");
		else
			r = mount(null_path, all[i], NULL, MS_BIND, NULL);
		if (r < 0)
			return fail(e, errno, "mask %s", all[i]);
	}
	if (null_fd >= 0)
		close(null_fd);
	free(all);
	return 0;
}

static int set_readonly(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **all = config_all(c, "readonly", &n);

	for (size_t i = 0; i < n; i++) {
		if (mount(all[i], all[i], NULL, MS_BIND | MS_REC, NULL) < 0) {
			if (errno == ENOENT)
				continue;
			return fail(e, errno, "bind %s", all[i]);
		}
		if (mount(NULL, all[i], NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
			return fail(e, errno, "remount %s read-only", all[i]);
	}
	free(all);
	return 0;
}

/* A TTY container's terminal, from its own devpts: the monitor's socket end, or -1 without a TTY. */
static int console_sock = -1;

static int set_console(const struct shim_config *c, struct shim_error *e)
{
	return console_sock < 0 ? 0 : console_setup(console_sock, c, 1, e);
}

static int set_hostname(const struct shim_config *c, struct shim_error *e)
{
	const char *name = config_get(c, "hostname");

	if (name != NULL && sethostname(name, strlen(name)) < 0)
		return fail(e, errno, "sethostname %s", name);
	return 0;
}

/* runc CVE-2024-21626: a working directory must be reachable from the container's root. */
static int set_cwd(const struct shim_config *c, struct shim_error *e)
{
	const char *cwd = config_get(c, "cwd");
	char buf[4096];

	if (cwd == NULL)
		cwd = "/";
	if (chdir(cwd) < 0)
		return fail(e, errno, "chdir %s", cwd);
	if (getcwd(buf, sizeof(buf)) == NULL || buf[0] != '/')
		return fail(e, errno ? errno : EPERM, "working directory %s is outside the container", cwd);
	return 0;
}

static int set_rlimits(const struct shim_config *c, struct shim_error *e)
{
	size_t n;
	char **all = config_all(c, "rlimit", &n);

	for (size_t i = 0; i < n; i++) {
		char *f[3];
		unsigned long long res, soft, hard;
		struct rlimit rl;

		if (split_fields(all[i], '\t', f, 3) != 3 || parse_u64(f[0], &res) < 0 || parse_u64(f[1], &soft) < 0
				|| parse_u64(f[2], &hard) < 0)
			return fail(e, 0, "config: bad rlimit %s", all[i]);
		rl.rlim_cur = soft;
		rl.rlim_max = hard;
		if (setrlimit((int)res, &rl) < 0)
			return fail(e, errno, "setrlimit %llu", res);
	}
	free(all);
	return 0;
}

static int set_no_new_privs(const struct shim_config *c, struct shim_error *e)
{
	const char *nnp = config_get(c, "nnp");

	if (nnp != NULL && strcmp(nnp, "1") == 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return fail(e, errno, "prctl no_new_privs");
	return 0;
}

/* The filter arrives compiled (Java builds the BPF); installed while CAP_SYS_ADMIN is still held. */
static int set_seccomp(const struct shim_config *c, struct shim_error *e)
{
	const char *hex = config_get(c, "seccomp");
	struct sock_fprog prog;
	size_t len, i;
	unsigned char *code;

	if (hex == NULL)
		return 0;
	len = strlen(hex) / 2;
	if (len == 0 || len % sizeof(struct sock_filter) != 0)
		return fail(e, 0, "config: seccomp program has %zu bytes", len);
	code = malloc(len);
	if (code == NULL)
		return fail(e, ENOMEM, "seccomp");
	for (i = 0; i < len; i++)
		if (sscanf(hex + 2 * i, "%2hhx", &code[i]) != 1)
			return fail(e, 0, "config: seccomp program is not hex");
	prog.len = (unsigned short)(len / sizeof(struct sock_filter));
	prog.filter = (struct sock_filter *)code;
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0)
		return fail(e, errno, "install seccomp filter");
	free(code);
	return 0;
}

static int set_groups(const struct shim_config *c, struct shim_error *e)
{
	const char *list = config_get(c, "groups");
	gid_t groups[64];
	size_t n = 0;
	char *copy, *f[64];

	if (list != NULL && list[0] != '\0') {
		copy = strdup(list);
		n = split_fields(copy, ',', f, 64);
		for (size_t i = 0; i < n; i++)
			groups[i] = (gid_t)strtoul(f[i], NULL, 10);
		free(copy);
	}
	if (setgroups(n, groups) < 0)
		return fail(e, errno, "setgroups %s", list ? list : "");
	return 0;
}

static int set_user_and_caps(const struct shim_config *c, struct shim_error *e)
{
	unsigned long long uid = 0, gid = 0, bounding = 0, effective = 0;
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2] = { { 0 } };
	const char *u = config_get(c, "uid"), *g = config_get(c, "gid");
	const char *b = config_get(c, "cap.bounding"), *ef = config_get(c, "cap.effective");

	if ((u && parse_u64(u, &uid) < 0) || (g && parse_u64(g, &gid) < 0) || !b || !ef
			|| parse_u64(b, &bounding) < 0 || parse_u64(ef, &effective) < 0)
		return fail(e, 0, "config: bad uid, gid or capability sets");
	for (int cap = 0; cap < 64; cap++)
		if (!(bounding & (1ULL << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0) {
			if (errno == EINVAL)
				break; /* past the kernel's last capability */
			return fail(e, errno, "drop capability %d from the bounding set", cap);
		}
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0 || set_groups(c, e) < 0)
		return e->err ? -1 : fail(e, errno, "keep capabilities");
	if (setresgid((gid_t)gid, (gid_t)gid, (gid_t)gid) < 0)
		return fail(e, errno, "setresgid %llu", gid);
	if (setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) < 0)
		return fail(e, errno, "setresuid %llu", uid);
	data[0].effective = data[0].permitted = (__u32)effective;
	data[1].effective = data[1].permitted = (__u32)(effective >> 32);
	if (syscall(SYS_capset, &hdr, data) < 0)
		return fail(e, errno, "capset %llx", effective);
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
		return fail(e, errno, "clear ambient capabilities");
	return 0;
}

static int exec_entrypoint(const struct shim_config *c, struct shim_error *e)
{
	size_t argc, envc;
	char **argv = config_all(c, "arg", &argc), **envp = config_all(c, "env", &envc);
	const char *path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
	char candidate[4096];
	int err = ENOENT;

	if (argc == 0)
		return fail(e, 0, "config: no command");
	for (size_t i = 0; i < envc; i++)
		if (strncmp(envp[i], "PATH=", 5) == 0)
			path = envp[i] + 5;
	/* CVE-2024-21626: nothing of the engine or the shim may reach the container. */
	if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) < 0)
		return fail(e, errno, "close_range");
	if (strchr(argv[0], '/') != NULL) {
		execve(argv[0], argv, envp);
		return fail(e, errno, "exec %s", argv[0]);
	}
	for (char *dirs = strdup(path), *dir = strtok(dirs, ":"); dir; dir = strtok(NULL, ":")) {
		snprintf(candidate, sizeof(candidate), "%s/%s", dir, argv[0]);
		execve(candidate, argv, envp);
		if (errno != ENOENT && errno != ENOTDIR)
			err = errno;
	}
	return fail(e, err, "exec %s: not found in PATH %s", argv[0], path);
}

static void reset_signals(void)
{
	sigset_t all;

	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
}

int process_init(const struct shim_config *c, struct shim_error *e)
{
	static const init_step steps[] = {
		set_cwd, set_rlimits, set_no_new_privs, set_seccomp, set_user_and_caps,
	};

	reset_signals();
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i](c, e) < 0)
			return -1;
	return exec_entrypoint(c, e);
}

int container_init(const struct shim_config *c, int console, struct shim_error *e)
{
	static const init_step steps[] = {
		set_cgroups, set_netns, set_loopback, set_rootfs, open_binds, set_pivot_root, set_mounts, set_devices,
		set_symlinks, set_console, set_binds, set_masks, set_readonly, set_hostname,
	};

	console_sock = console;

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i](c, e) < 0)
			return -1;
	return process_init(c, e);
}
