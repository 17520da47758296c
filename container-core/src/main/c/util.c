#define _GNU_SOURCE
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define SELF_SEALS (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE)

int write_file(const char *path, const char *s, struct shim_error *e)
{
	size_t len = strlen(s);
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return fail(e, errno, "open %s", path);
	if (write(fd, s, len) != (ssize_t)len) {
		int err = errno;

		close(fd);
		return fail(e, err, "write %s to %s", s, path);
	}
	close(fd);
	return 0;
}

int mkdir_all(const char *path, mode_t mode, struct shim_error *e)
{
	char buf[4096];
	size_t len = strlen(path);

	if (len >= sizeof(buf))
		return fail(e, ENAMETOOLONG, "mkdir %s", path);
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(buf, mode) < 0 && errno != EEXIST)
				return fail(e, errno, "mkdir %s", buf);
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return 0;
}

static int is_sealed_self(void)
{
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	int seals;

	if (fd < 0)
		return 0;
	seals = fcntl(fd, F_GET_SEALS);
	close(fd);
	return seals >= 0 && (seals & SELF_SEALS) == SELF_SEALS;
}

int ensure_sealed_self(char **argv, char **envp, struct shim_error *e)
{
	struct stat st;
	int src, mfd;
	off_t off = 0;

	if (is_sealed_self())
		return 0;
	src = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (src < 0 || fstat(src, &st) < 0)
		return fail(e, errno, "open /proc/self/exe");
	mfd = memfd_create("gantry-shim", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (mfd < 0)
		return fail(e, errno, "memfd_create");
	while (off < st.st_size)
		if (sendfile(mfd, src, &off, (size_t)(st.st_size - off)) <= 0)
			return fail(e, errno, "copy shim into memfd");
	close(src);
	if (fcntl(mfd, F_ADD_SEALS, SELF_SEALS) < 0)
		return fail(e, errno, "seal memfd");
	fexecve(mfd, argv, envp);
	return fail(e, errno, "fexecve sealed shim");
}

void now_rfc3339(char *out, size_t size)
{
	struct timespec ts;
	struct tm tm;
	char base[32];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(base, sizeof(base), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, size, "%s.%09ldZ", base, ts.tv_nsec);
}

int parse_u64(const char *s, unsigned long long *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 0);
	return (errno != 0 || end == s || *end != '\0') ? -1 : 0;
}

/* Field 22 of /proc/<pid>/stat, read through the pidfd's pid so that a reused pid is told apart. */
int start_time_matches(long pid, const char *expected)
{
	char path[64], buf[1024], *p;
	ssize_t n;
	int fd, field = 2;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')');
	if (p == NULL)
		return 0;
	while (*p && field < 22)
		if (*p++ == ' ')
			field++;
	return strncmp(p, expected, strlen(expected)) == 0 && p[strlen(expected)] == ' ';
}


int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

static int read_full(int fd, char *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t r = read(fd, buf + got, len - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return got == 0 && r == 0 ? 0 : -1;
		got += (size_t)r;
	}
	return 1;
}

long read_frame(int fd, int *type, char *payload, size_t max)
{
	unsigned char h[8];
	size_t len;
	int r = read_full(fd, (char *)h, sizeof(h));

	if (r <= 0)
		return r;
	len = (size_t)h[4] << 24 | (size_t)h[5] << 16 | (size_t)h[6] << 8 | h[7];
	if (len > max || (len > 0 && read_full(fd, payload, len) <= 0))
		return -1;
	*type = h[0];
	return (long)len;
}

int write_frame(int fd, int type, const char *payload, size_t len)
{
	unsigned char h[8] = { (unsigned char)type, 0, 0, 0, (unsigned char)(len >> 24), (unsigned char)(len >> 16),
		(unsigned char)(len >> 8), (unsigned char)len };

	return write_all(fd, (const char *)h, sizeof(h)) < 0 ? -1 : write_all(fd, payload, len);
}

void apply_resize(int master, const char *payload, long len)
{
	const unsigned char *p = (const unsigned char *)payload;
	struct winsize ws = { 0 };

	if (master < 0 || len != 4)
		return;
	ws.ws_row = (unsigned short)(p[0] << 8 | p[1]);
	ws.ws_col = (unsigned short)(p[2] << 8 | p[3]);
	ioctl(master, TIOCSWINSZ, &ws);
}
