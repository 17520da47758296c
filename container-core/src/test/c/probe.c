/*
 * Test helper copied into the test rootfs.
 *   probe syscall NR[:ARG...] ...   make each raw syscall, print "NR errno" (0 when it succeeded)
 *   probe hog                        allocate and touch memory until killed
 */
#define _GNU_SOURCE
#include <errno.h>
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

int main(int argc, char **argv)
{
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
