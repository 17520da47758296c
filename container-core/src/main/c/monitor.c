#define _GNU_SOURCE
#include "monitor.h"
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
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX_BYTES 16384

struct stream {
	const char *name;
	int fd;
	size_t len;
	char buf[LINE_MAX_BYTES];
};

/* The json-file log: rotated to <path>.1 ... <path>.<max_file - 1> once it would pass max_size bytes. */
struct log_file {
	int fd;
	const char *path;
	unsigned long long size, max_size, max_file;
};

static void rotate(struct log_file *l)
{
	char from[4200], to[4200];

	close(l->fd);
	for (unsigned long long n = l->max_file - 1; n >= 1; n--) {
		if (n == 1)
			snprintf(from, sizeof(from), "%s", l->path);
		else
			snprintf(from, sizeof(from), "%s.%llu", l->path, n - 1);
		snprintf(to, sizeof(to), "%s.%llu", l->path, n);
		rename(from, to);
	}
	if (l->max_file <= 1)
		unlink(l->path);
	l->fd = open(l->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
	l->size = 0;
}

/* One Docker json-file record: {"log":"...","stream":"stdout","time":"..."}. */
static void write_record(struct log_file *l, const char *stream, const char *text, size_t len)
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
	if (l->max_size > 0 && l->size > 0 && l->size + o > l->max_size)
		rotate(l);
	if (l->fd >= 0 && write(l->fd, out, o) > 0)
		l->size += o;
	/* else a full disk loses log lines, never the container */
}

/* Emits every complete line; a line longer than the buffer goes out in pieces, as Docker's does. */
static void flush_lines(struct log_file *log, struct stream *s, int eof)
{
	size_t start = 0;

	for (size_t i = 0; i < s->len; i++)
		if (s->buf[i] == '\n') {
			write_record(log, s->name, s->buf + start, i + 1 - start);
			start = i + 1;
		}
	if (start < s->len && (eof || (start == 0 && s->len == sizeof(s->buf)))) {
		write_record(log, s->name, s->buf + start, s->len - start);
		start = s->len;
	}
	memmove(s->buf, s->buf + start, s->len - start);
	s->len -= start;
}

#define MAX_CLIENTS 8

/* The container's side of stdio as the monitor holds it, and the attached clients. */
struct session {
	int tty;
	int master;            /* pty master (tty), else -1 */
	int stdin_fd;          /* where attached input goes: the master, a pipe, or -1 */
	int listen_fd;         /* the attach socket, or -1 */
	int clients[MAX_CLIENTS];
};

static void drop_client(struct session *s, int i)
{
	close(s->clients[i]);
	s->clients[i] = -1;
}

static void broadcast(struct session *s, int stream, const char *buf, size_t len)
{
	for (int i = 0; i < MAX_CLIENTS; i++)
		if (s->clients[i] >= 0 && write_frame(s->clients[i], stream, buf, len) < 0)
			drop_client(s, i); /* gone, or too slow to keep up: it re-attaches */
}

static void accept_client(struct session *s)
{
	int fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC), i;

	if (fd < 0)
		return;
	for (i = 0; i < MAX_CLIENTS && s->clients[i] >= 0; i++)
		;
	if (i == MAX_CLIENTS) {
		close(fd);
		return;
	}
	fcntl(fd, F_SETFL, O_NONBLOCK);
	s->clients[i] = fd;
}

/* One frame from a client: input, a resize, or the end of input. A client that leaves just detaches. */
static void client_input(struct session *s, int i)
{
	static char buf[FRAME_MAX];
	int type = -1, flags = fcntl(s->clients[i], F_GETFL);
	long n;

	fcntl(s->clients[i], F_SETFL, flags & ~O_NONBLOCK);
	n = read_frame(s->clients[i], &type, buf, sizeof(buf));
	fcntl(s->clients[i], F_SETFL, flags);
	if (n < 0 || type < 0)
		drop_client(s, i);
	else if (type == FRAME_STDIN && s->stdin_fd >= 0)
		write_all(s->stdin_fd, buf, (size_t)n);
	else if (type == FRAME_RESIZE)
		apply_resize(s->master, buf, n);
	else if (type == FRAME_CLOSE_STDIN && s->tty)
		write_all(s->master, "\x04", 1);
	else if (type == FRAME_CLOSE_STDIN && s->stdin_fd >= 0)
		close(s->stdin_fd), s->stdin_fd = -1;
}

static void pump_output(struct log_file *log, struct session *sess, struct stream *s, struct pollfd *p)
{
	ssize_t r = read(s->fd, s->buf + s->len, sizeof(s->buf) - s->len);

	if (r > 0) {
		broadcast(sess, s->name[3] == 'o' ? FRAME_STDOUT : FRAME_STDERR, s->buf + s->len, (size_t)r);
		s->len += (size_t)r;
		flush_lines(log, s, 0);
	} else if (r == 0 || errno != EINTR) {
		flush_lines(log, s, 1);
		if (s->fd != sess->master)
			close(s->fd);
		p->fd = -1;
	}
}

/* Logs and relays the container's output until it ends, serving attach clients meanwhile. */
static void serve(struct log_file *log, struct session *sess, struct stream *out, struct stream *err)
{
	struct pollfd p[3 + MAX_CLIENTS];
	struct stream *streams[2] = { out, err };

	p[0] = (struct pollfd){ out->fd, POLLIN, 0 };
	p[1] = (struct pollfd){ err->fd, POLLIN, 0 };
	p[2] = (struct pollfd){ sess->listen_fd, POLLIN, 0 };
	while (p[0].fd >= 0 || p[1].fd >= 0) {
		for (int i = 0; i < MAX_CLIENTS; i++)
			p[3 + i] = (struct pollfd){ sess->clients[i], POLLIN, 0 };
		if (poll(p, 3 + MAX_CLIENTS, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++)
			if (p[i].fd >= 0 && p[i].revents)
				pump_output(log, sess, streams[i], &p[i]);
		if (p[2].fd >= 0 && p[2].revents)
			accept_client(sess);
		for (int i = 0; i < MAX_CLIENTS; i++)
			if (sess->clients[i] >= 0 && p[3 + i].revents)
				client_input(sess, i);
	}
	for (int i = 0; i < MAX_CLIENTS; i++)
		if (sess->clients[i] >= 0)
			drop_client(sess, i);
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

/* With a TTY (console[1] >= 0) init sets up its own stdio from the container's devpts; else std is its stdio. */
static void child(const struct shim_config *c, int status_fd, int console[2], int std[3])
{
	struct shim_error e = { 0, "" };
	int in = std[0] >= 0 || console[1] >= 0 ? std[0] : open("/dev/null", O_RDONLY);

	if (console[0] >= 0)
		close(console[0]);
	if (console[1] < 0 && (in < 0 || dup2(in, 0) < 0 || dup2(std[1], 1) < 0 || dup2(std[2], 2) < 0))
		fail(&e, errno, "set up stdio");
	else
		container_init(c, console[1], &e);
	report_error(status_fd, &e);
	_exit(127);
}

/* The status pipe is close-on-exec: EOF without a word means the entrypoint is running. */
static int await_start(pid_t pid, int status_fd, int report_fd)
{
	char msg[700];
	ssize_t n = read(status_fd, msg, sizeof(msg) - 1);
	int status;

	close(status_fd);
	if (n > 0) {
		msg[n] = '\0';
		waitpid(pid, &status, 0);
		dprintf(report_fd, "error\t%s", msg);
		return -1;
	}
	return 0;
}

/*
 * Clones init with std (stdin or -1, stdout, stderr) as its stdio, or with console (a socket pair) on which it sends
 * the master of its pty, kept in *master; reports "started" or the error.
 */
static int start_child(const struct shim_config *c, int console[2], int std[3], int report_fd, int *master)
{
	unsigned long flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | SIGCHLD;
	int st[2];
	pid_t pid;

	if (config_get(c, "netns") == NULL)
		flags |= CLONE_NEWNET;
	if (pipe2(st, O_CLOEXEC) < 0)
		return -1;
	pid = (pid_t)syscall(SYS_clone, flags, NULL, NULL, NULL, 0);
	if (pid == 0) {
		close(st[0]);
		child(c, st[1], console, std);
	}
	close(st[1]);
	if (pid < 0) {
		close(st[0]);
		dprintf(report_fd, "error\t%d\tclone container init: %s\n", errno, strerror(errno));
		return -1;
	}
	if (console[1] >= 0) {
		close(console[1]);
		*master = console_receive(console[0]);
		close(console[0]);
	}
	if (await_start(pid, st[0], report_fd) < 0) {
		if (*master >= 0)
			close(*master), *master = -1;
		return -1;
	}
	if (console[1] >= 0 && *master < 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		dprintf(report_fd, "error\t%d\tthe container sent no terminal\n", EPROTO);
		return -1;
	}
	dprintf(report_fd, "started\t%d\n", pid);
	return pid;
}

/*
 * With tty=1 the socket pair on which init sends its pty's master (console.h); else pipes for stdout and stderr
 * and, with stdin=1, for stdin.
 */
static int open_stdio(const struct shim_config *c, struct session *s, int std[3], int out[2], int err[2], int console[2])
{
	const char *stdin_open = config_get(c, "stdin");
	int in[2];

	if (s->tty)
		return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, console);
	if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0)
		return -1;
	std[1] = out[1];
	std[2] = err[1];
	if (stdin_open != NULL && strcmp(stdin_open, "1") == 0) {
		if (pipe2(in, O_CLOEXEC) < 0)
			return -1;
		std[0] = in[0];
		s->stdin_fd = in[1];
	}
	return 0;
}

/* A path socket in the engine's root-only run directory (never abstract: CVE-2020-15257). */
static int open_attach_socket(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (path == NULL || strlen(path) >= sizeof(addr.sun_path))
		return -1;
	strcpy(addr.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	unlink(path);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || chmod(path, 0600) < 0 || listen(fd, 8) < 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int monitor_main(const struct shim_config *c, int report_fd)
{
	static struct stream out = { "stdout", -1, 0, { 0 } }, err = { "stderr", -1, 0, { 0 } };
	const char *log_path = config_get(c, "log"), *tty = config_get(c, "tty"), *sock = config_get(c, "attach");
	struct session s = { tty != NULL && strcmp(tty, "1") == 0, -1, -1, -1, { -1, -1, -1, -1, -1, -1, -1, -1 } };
	const char *max_size = config_get(c, "log.max-size"), *max_file = config_get(c, "log.max-file");
	struct log_file log = { -1, log_path, 0, 0, 1 };
	int o[2] = { -1, -1 }, e[2] = { -1, -1 }, std[3] = { -1, -1, -1 }, console[2] = { -1, -1 }, status = 0, null_fd;
	struct stat st;
	pid_t pid;

	setsid();
	signal(SIGPIPE, SIG_IGN);
	if ((max_size && parse_u64(max_size, &log.max_size) < 0) || (max_file && parse_u64(max_file, &log.max_file) < 0))
		log.max_size = 0;
	if (log.max_file < 1)
		log.max_file = 1;
	log.fd = log_path ? open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600) : -1;
	if (log.fd >= 0 && fstat(log.fd, &st) == 0)
		log.size = (unsigned long long)st.st_size;
	if (log.fd < 0 || open_stdio(c, &s, std, o, e, console) < 0) {
		dprintf(report_fd, "error\t%d\topen log %s or stdio: %s\n", errno, log_path ? log_path : "(none)", strerror(errno));
		return 1;
	}
	if (sock != NULL && (s.listen_fd = open_attach_socket(sock)) < 0) {
		dprintf(report_fd, "error\t%d\tattach socket %s: %s\n", errno, sock, strerror(errno));
		return 1;
	}
	pid = start_child(c, console, std, report_fd, &s.master);
	for (int i = 0; i < 3; i++)
		if (std[i] >= 0)
			close(std[i]);
	if (s.tty)
		o[0] = s.stdin_fd = s.master;
	if (pid < 0) {
		if (s.listen_fd >= 0)
			close(s.listen_fd), unlink(sock);
		return 1;
	}
	/* Detach from the engine: it may die, restart or go away; the container lives on. */
	null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	dup2(null_fd, 0);
	dup2(null_fd, 1);
	dup2(null_fd, 2);
	close(null_fd);
	out.fd = o[0];
	err.fd = e[0];
	serve(&log, &s, &out, &err);
	if (s.listen_fd >= 0)
		close(s.listen_fd), unlink(sock);
	if (s.master >= 0)
		close(s.master);
	else if (s.stdin_fd >= 0)
		close(s.stdin_fd);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	close(log.fd);
	write_exit_file(c, status);
	return 0;
}
