#define _GNU_SOURCE
#include "exec.h"
#include "config.h"
#include "console.h"
#include "init.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CGROUPS 16

struct exec_io {
	int tty;
	int master;         /* pty master (tty), else -1: from the container's devpts, sent by the process */
	int console[2];     /* the socket pair it comes over (tty) */
	int in[2], out[2], err[2];
	int cgroup_fds[MAX_CGROUPS];
	size_t cgroups;
};

/* Opened before entering the container's mount namespace: afterwards the host's cgroupfs is out of reach. */
static int open_cgroups(const struct shim_config *c, struct exec_io *io, struct shim_error *e)
{
	size_t n;
	char **procs = config_all(c, "cgroup.procs", &n);

	for (size_t i = 0; i < n && i < MAX_CGROUPS; i++) {
		io->cgroup_fds[io->cgroups] = open(procs[i], O_WRONLY | O_CLOEXEC);
		if (io->cgroup_fds[io->cgroups] < 0)
			return fail(e, errno, "open %s", procs[i]);
		io->cgroups++;
	}
	free(procs);
	return 0;
}

/* Pipes, or with a TTY the socket pair on which the process sends the master of its pty (console.h). */
static int open_stdio(struct exec_io *io, struct shim_error *e)
{
	if (io->tty) {
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, io->console) < 0)
			return fail(e, errno, "console socket");
		return 0;
	}
	if (pipe2(io->in, O_CLOEXEC) < 0 || pipe2(io->out, O_CLOEXEC) < 0 || pipe2(io->err, O_CLOEXEC) < 0)
		return fail(e, errno, "stdio pipes");
	return 0;
}

static int enter_namespaces(const struct shim_config *c, struct shim_error *e)
{
	const char *pid_s = config_get(c, "exec.pid"), *start = config_get(c, "exec.starttime");
	int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWCGROUP;
	long pid = pid_s ? strtol(pid_s, NULL, 10) : 0;
	int fd = (int)syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0 || start == NULL || !start_time_matches(pid, start))
		return fail(e, fd < 0 ? errno : ESRCH, "container init %ld is gone", pid);
	if (setns(fd, flags) < 0)
		return fail(e, errno, "setns into the namespaces of %ld", pid);
	close(fd);
	return 0;
}

static void child(const struct shim_config *c, struct exec_io *io, int status_fd)
{
	struct shim_error e = { 0, "" };

	for (size_t i = 0; i < io->cgroups; i++)
		if (write(io->cgroup_fds[i], "0", 1) != 1) {
			fail(&e, errno, "join the container's cgroup");
			goto out;
		}
	if (io->tty) {
		close(io->console[0]);
		if (console_setup(io->console[1], c, 0, &e) < 0)
			goto out;
	} else if (dup2(io->in[0], 0) < 0 || dup2(io->out[1], 1) < 0 || dup2(io->err[1], 2) < 0) {
		fail(&e, errno, "set up stdio");
		goto out;
	}
	process_init(c, &e);
out:
	report_error(status_fd, &e);
	_exit(127);
}

/* stdin frames go to the process; EOF or a close frame closes its stdin (sends EOF on a pty). */
static int relay_stdin(struct exec_io *io)
{
	static char buf[FRAME_MAX];
	int type = 0;
	long n = read_frame(0, &type, buf, sizeof(buf));
	int to = io->tty ? io->master : io->in[1];

	if (n > 0 && type == FRAME_STDIN)
		return write_all(to, buf, (size_t)n) < 0 ? -1 : 0;
	if (n >= 0 && type == FRAME_RESIZE)
		return apply_resize(io->master, buf, n), 0;
	if (io->tty)
		write_all(io->master, "\x04", 1);
	else if (io->in[1] >= 0)
		close(io->in[1]), io->in[1] = -1;
	return -1;
}

/* Relays until the process's output ends, or it exited and its output is drained. */
static void relay(struct exec_io *io, int pidfd)
{
	static char buf[FRAME_MAX];
	struct pollfd p[4] = {
		{ 0, POLLIN, 0 }, { io->tty ? io->master : io->out[0], POLLIN, 0 },
		{ io->tty ? -1 : io->err[0], POLLIN, 0 }, { pidfd, POLLIN, 0 },
	};
	int exited = 0;

	while (p[1].fd >= 0 || p[2].fd >= 0) {
		if (poll(p, 4, exited ? 0 : -1) <= 0) {
			if (errno == EINTR && !exited)
				continue;
			break;
		}
		if (p[0].revents && relay_stdin(io) < 0)
			p[0].fd = -1;
		for (int i = 1; i <= 2; i++) {
			ssize_t r;

			if (p[i].fd < 0 || p[i].revents == 0)
				continue;
			r = read(p[i].fd, buf, sizeof(buf));
			if (r > 0 && write_all(i, buf, (size_t)r) == 0)
				continue;
			if (r < 0 && errno == EINTR)
				continue;
			p[i].fd = -1;
		}
		if (p[3].revents)
			exited = 1, p[3].fd = -1, p[0].fd = -1;
	}
}

/*
 * "started" once the process runs (the status pipe closed on its execve without a word) and, with a TTY, its pty
 * master came; else "error" and the reason. Returns 0 when started.
 */
static int await_start(struct exec_io *io, pid_t pid, int status_fd)
{
	char msg[700];
	ssize_t n;
	int status;

	if (io->tty) {
		io->master = console_receive(io->console[0]);
		close(io->console[0]);
	}
	n = read(status_fd, msg, sizeof(msg) - 1);
	close(status_fd);
	if (n <= 0 && (!io->tty || io->master >= 0)) {
		printf("started\t%d\n", pid);
		fflush(stdout);
		return 0;
	}
	if (n > 0) {
		msg[n] = '\0';
	} else {
		kill(pid, SIGKILL);
		snprintf(msg, sizeof(msg), "%d\tthe process sent no terminal\n", EPROTO);
	}
	waitpid(pid, &status, 0);
	printf("error\t%s", msg);
	return -1;
}

int exec_run(char **argv, char **envp)
{
	struct shim_error e = { 0, "" };
	struct shim_config c = { 0 };
	struct exec_io io = { 0, -1, { -1, -1 }, { -1, -1 }, { -1, -1 }, { -1, -1 }, { 0 }, 0 };
	int st[2], status = 0, pidfd;
	const char *tty;
	pid_t pid;

	signal(SIGPIPE, SIG_IGN);
	if (ensure_sealed_self(argv, envp, &e) < 0 || config_load(&c, argv[2], &e) < 0)
		goto fail;
	tty = config_get(&c, "tty");
	io.tty = tty != NULL && strcmp(tty, "1") == 0;
	if (open_cgroups(&c, &io, &e) < 0 || open_stdio(&io, &e) < 0 || enter_namespaces(&c, &e) < 0)
		goto fail;
	if (pipe2(st, O_CLOEXEC) < 0) {
		fail(&e, errno, "status pipe");
		goto fail;
	}
	pid = fork();
	if (pid == 0) {
		close(st[0]);
		child(&c, &io, st[1]);
	}
	close(st[1]);
	for (size_t i = 0; i < io.cgroups; i++)
		close(io.cgroup_fds[i]);
	if (pid < 0) {
		fail(&e, errno, "fork");
		goto fail;
	}
	close(io.in[0]), close(io.out[1]), close(io.err[1]), close(io.console[1]);
	if (await_start(&io, pid, st[0]) < 0)
		return 1;
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	relay(&io, pidfd);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
fail:
	printf("error\t%d\t%s\n", e.err, e.msg);
	return 1;
}
