/*
 * gantry-shim: the only native part of Gantry's engine.
 *
 *   gantry-shim run <config>                  monitor + init of one container
 *   gantry-shim exec <config>                 one more process in a running container, relayed
 *   gantry-shim kill <pid> <starttime> <sig>  signal a container process, race-free against pid reuse
 *
 * Everything that can be decided in Java was; this program only does what must happen in a fresh,
 * single-threaded process.
 */
#define _GNU_SOURCE
#include "config.h"
#include "error.h"
#include "exec.h"
#include "monitor.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static int usage(void)
{
	fprintf(stderr, "usage: gantry-shim run <config> | exec <config> | kill <pid> <starttime> <signal>\n");
	return 2;
}

static int kill_main(const char *pid_s, const char *start, const char *sig_s)
{
	long pid = strtol(pid_s, NULL, 10);
	int sig = (int)strtol(sig_s, NULL, 10);
	int fd = (int)syscall(SYS_pidfd_open, pid, 0);

	if (fd < 0 || !start_time_matches(pid, start)) {
		fprintf(stderr, "kill %ld: no such process\n", pid);
		return 3;
	}
	if (syscall(SYS_pidfd_send_signal, fd, sig, NULL, 0) < 0) {
		fprintf(stderr, "kill %ld with %d: %s\n", pid, sig, strerror(errno));
		return errno == ESRCH ? 3 : 1;
	}
	return 0;
}

static int run_main(char **argv, char **envp)
{
	struct shim_error e = { 0, "" };
	struct shim_config c = { 0 };

	if (ensure_sealed_self(argv, envp, &e) < 0 || config_load(&c, argv[2], &e) < 0) {
		printf("error\t%d\t%s\n", e.err, e.msg);
		return 1;
	}
	return monitor_main(&c, STDOUT_FILENO);
}

int main(int argc, char **argv, char **envp)
{
	if (argc == 3 && strcmp(argv[1], "run") == 0)
		return run_main(argv, envp);
	if (argc == 3 && strcmp(argv[1], "exec") == 0)
		return exec_run(argv, envp);
	if (argc == 5 && strcmp(argv[1], "kill") == 0)
		return kill_main(argv[2], argv[3], argv[4]);
	return usage();
}
