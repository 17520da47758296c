#ifndef GANTRY_INIT_H
#define GANTRY_INIT_H

#include "config.h"

/*
 * Runs in the cloned child, already in new mount/pid/uts/ipc(/net) namespaces: sets up the container
 * step by step and execs the entrypoint. With a TTY, console is the socket on which the container's pty
 * master goes to the monitor (see console.h), else -1. Returns only on failure, with e filled.
 */
int container_init(const struct shim_config *c, int console, struct shim_error *e);

/*
 * The steps every container process takes, init or exec'd, once it is in the container's namespaces and
 * cgroups: working directory, rlimits, no_new_privs, seccomp, user, groups and capabilities, then execve.
 * Returns only on failure, with e filled.
 */
int process_init(const struct shim_config *c, struct shim_error *e);

#endif
