#define _GNU_SOURCE
#include "console.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int send_fd(int sock, int fd)
{
	char byte = 0, control[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { &byte, 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);

	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
	return sendmsg(sock, &msg, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

/* The pty's slave, on /dev/console too for init (runc's mountConsole), where programs look for the console. */
static int mount_console(int master, struct shim_error *e)
{
	char slave[32];
	unsigned int n;
	int fd;

	if (ioctl(master, TIOCGPTN, &n) < 0)
		return fail(e, errno, "pty number");
	snprintf(slave, sizeof(slave), "/dev/pts/%u", n);
	fd = open("/dev/console", O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return fail(e, errno, "create /dev/console");
	close(fd);
	if (mount(slave, "/dev/console", NULL, MS_BIND, NULL) < 0)
		return fail(e, errno, "bind %s on /dev/console", slave);
	return 0;
}

/* TIOCGPTPEER opens the slave through the master, not by a path the container could have replaced. */
static int open_pty(int *master, int *slave, struct shim_error *e)
{
	struct statfs fs;

	*master = open("/dev/pts/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (*master < 0)
		return fail(e, errno, "open /dev/pts/ptmx");
	if (fstatfs(*master, &fs) < 0 || fs.f_type != DEVPTS_SUPER_MAGIC)
		return fail(e, ENOTTY, "/dev/pts/ptmx is not on a devpts");
	if (unlockpt(*master) < 0)
		return fail(e, errno, "unlock pty");
	*slave = ioctl(*master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (*slave < 0)
		return fail(e, errno, "open pty slave");
	return 0;
}

int console_setup(int sock, const struct shim_config *c, int console, struct shim_error *e)
{
	const char *u = config_get(c, "uid");
	unsigned long long uid = 0;
	int master = -1, slave = -1, r = -1;

	if (u != NULL && parse_u64(u, &uid) < 0) {
		fail(e, 0, "config: bad uid %s", u);
		goto out;
	}
	if (open_pty(&master, &slave, e) < 0)
		goto out;
	if (uid != 0 && fchown(slave, (uid_t)uid, (gid_t)-1) < 0) {
		fail(e, errno, "give the pty to uid %llu", uid);
		goto out;
	}
	if (console && mount_console(master, e) < 0)
		goto out;
	if (send_fd(sock, master) < 0) {
		fail(e, errno, "send the pty master");
		goto out;
	}
	if (setsid() < 0 || ioctl(slave, TIOCSCTTY, 0) < 0 || dup2(slave, 0) < 0 || dup2(slave, 1) < 0 || dup2(slave, 2) < 0)
		fail(e, errno, "make the pty the controlling terminal");
	else
		r = 0;
out:
	if (master >= 0)
		close(master);
	if (slave > 2)
		close(slave);
	close(sock);
	return r;
}

int console_receive(int sock)
{
	char byte, control[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &byte, 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
	struct cmsghdr *cmsg;
	struct statfs fs;
	struct stat st;
	int fd;

	if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) != 1 || (cmsg = CMSG_FIRSTHDR(&msg)) == NULL
			|| cmsg->cmsg_type != SCM_RIGHTS || cmsg->cmsg_len != CMSG_LEN(sizeof(int)))
		return -1;
	memcpy(&fd, CMSG_DATA(cmsg), sizeof(int));
	/* Whatever the container sent must be a pty master: the relay writes the user's input to it. */
	if (fstat(fd, &st) < 0 || !S_ISCHR(st.st_mode) || st.st_rdev != makedev(5, 2)
			|| fstatfs(fd, &fs) < 0 || fs.f_type != DEVPTS_SUPER_MAGIC) {
		close(fd);
		return -1;
	}
	return fd;
}
