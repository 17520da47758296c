#define _GNU_SOURCE
#include "monitor.h"
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
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX_BYTES 16384

struct stream {
	const char *name;
	int fd;
	size_t len;
	char buf[LINE_MAX_BYTES];
};

/* One Docker json-file record: {"log":"...","stream":"stdout","time":"..."}. */
static void write_record(int log_fd, const char *stream, const char *text, size_t len)
{
	static char out[LINE_MAX_BYTES * 6 + 128];
	char now[40];
	size_t o = 0;

	now_rfc3339(now, sizeof(now));
	o += (size_t)snprintf(out, sizeof(out), "{\"log\":\"");
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)text[i];

		if (ch == '"' || ch == '\\') {
			out[o++] = '\\';
			out[o++] = (char)ch;
		} else if (ch == '\n') {
			out[o++] = '\\';
			out[o++] = 'n';
		} else if (ch < 0x20) {
			o += (size_t)snprintf(out + o, 7, "\\u%04x", ch);
		} else {
			out[o++] = (char)ch;
		}
	}
	o += (size_t)snprintf(out + o, sizeof(out) - o, "\",\"stream\":\"%s\",\"time\":\"%s\"}\n", stream, now);
	if (write(log_fd, out, o) < 0) {
		/* a full disk loses log lines, never the container */
	}
}

/* Emits every complete line; a line longer than the buffer goes out in pieces, as Docker's does. */
static void flush_lines(int log_fd, struct stream *s, int eof)
{
	size_t start = 0;

	for (size_t i = 0; i < s->len; i++)
		if (s->buf[i] == '\n') {
			write_record(log_fd, s->name, s->buf + start, i + 1 - start);
			start = i + 1;
		}
	if (start < s->len && (eof || (start == 0 && s->len == sizeof(s->buf)))) {
		write_record(log_fd, s->name, s->buf + start, s->len - start);
		start = s->len;
	}
	memmove(s->buf, s->buf + start, s->len - start);
	s->len -= start;
}

static void pump_logs(int log_fd, struct stream *out, struct stream *err)
{
	struct stream *streams[2] = { out, err };
	struct pollfd p[2] = { { out->fd, POLLIN, 0 }, { err->fd, POLLIN, 0 } };
	int open_count = 2;

	while (open_count > 0) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			struct stream *s = streams[i];
			ssize_t r;

			if (p[i].fd < 0 || p[i].revents == 0)
				continue;
			r = read(s->fd, s->buf + s->len, sizeof(s->buf) - s->len);
			if (r > 0) {
				s->len += (size_t)r;
				flush_lines(log_fd, s, 0);
			} else if (r == 0 || errno != EINTR) {
				flush_lines(log_fd, s, 1);
				close(s->fd);
				p[i].fd = -1;
				open_count--;
			}
		}
	}
}

static int oom_killed(const struct shim_config *c)
{
	const char *path = config_get(c, "oom");
	char buf[2048], *line;
	ssize_t n;
	int fd;

	if (path == NULL || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	for (line = buf; line != NULL; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, "oom_kill ", 9) == 0)
			return strtoull(line + 9, NULL, 10) > 0;
	return 0;
}

/* Written atomically (write, fsync, rename): the engine may read it at any moment, or years later. */
static void write_exit_file(const struct shim_config *c, int status)
{
	const char *path = config_get(c, "exit");
	char tmp[4096], line[128], now[40];
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	int fd, n;

	if (path == NULL)
		return;
	now_rfc3339(now, sizeof(now));
	n = snprintf(line, sizeof(line), "%d\t%d\t%s\n", code, oom_killed(c), now);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)n) == n && fsync(fd) == 0) {
		close(fd);
		rename(tmp, path);
		return;
	}
	close(fd);
}

static void child(const struct shim_config *c, int status_fd, int out_fd, int err_fd)
{
	struct shim_error e = { 0, "" };
	int null_fd = open("/dev/null", O_RDONLY);

	if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
		fail(&e, errno, "set up stdio");
	else
		container_init(c, &e);
	report_error(status_fd, &e);
	_exit(127);
}

static int start_child(const struct shim_config *c, int out[2], int err[2], int report_fd)
{
	unsigned long flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | SIGCHLD;
	char msg[700];
	ssize_t n;
	int st[2], status;
	pid_t pid;

	if (config_get(c, "netns") == NULL)
		flags |= CLONE_NEWNET;
	if (pipe2(st, O_CLOEXEC) < 0)
		return -1;
	pid = (pid_t)syscall(SYS_clone, flags, NULL, NULL, NULL, 0);
	if (pid == 0) {
		close(st[0]);
		close(out[0]);
		close(err[0]);
		child(c, st[1], out[1], err[1]);
	}
	close(st[1]);
	close(out[1]);
	close(err[1]);
	if (pid < 0) {
		dprintf(report_fd, "error\t%d\tclone container init: %s\n", errno, strerror(errno));
		return -1;
	}
	/* The status pipe is close-on-exec: EOF without a word means the entrypoint is running. */
	n = read(st[0], msg, sizeof(msg) - 1);
	close(st[0]);
	if (n > 0) {
		msg[n] = '\0';
		waitpid(pid, &status, 0);
		dprintf(report_fd, "error\t%s", msg);
		return -1;
	}
	dprintf(report_fd, "started\t%d\n", pid);
	return pid;
}

int monitor_main(const struct shim_config *c, int report_fd)
{
	static struct stream out = { "stdout", -1, 0, { 0 } }, err = { "stderr", -1, 0, { 0 } };
	const char *log_path = config_get(c, "log");
	int o[2], e[2], log_fd, status = 0, null_fd;
	pid_t pid;

	setsid();
	signal(SIGPIPE, SIG_IGN);
	log_fd = log_path ? open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600) : -1;
	if (log_fd < 0 || pipe2(o, O_CLOEXEC) < 0 || pipe2(e, O_CLOEXEC) < 0) {
		dprintf(report_fd, "error\t%d\topen log %s: %s\n", errno, log_path ? log_path : "(none)", strerror(errno));
		return 1;
	}
	pid = start_child(c, o, e, report_fd);
	if (pid < 0)
		return 1;
	/* Detach from the engine: it may die, restart or go away; the container lives on. */
	null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	dup2(null_fd, 0);
	dup2(null_fd, 1);
	dup2(null_fd, 2);
	close(null_fd);
	out.fd = o[0];
	err.fd = e[0];
	pump_logs(log_fd, &out, &err);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	close(log_fd);
	write_exit_file(c, status);
	return 0;
}
