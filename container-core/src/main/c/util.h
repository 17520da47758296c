#ifndef GANTRY_UTIL_H
#define GANTRY_UTIL_H

#include <stddef.h>
#include <sys/types.h>
#include "error.h"

/* Writes s to an existing file (cgroup and proc files); no create, no truncate. */
int write_file(const char *path, const char *s, struct shim_error *e);

/* mkdir -p with mode for every missing component. */
int mkdir_all(const char *path, mode_t mode, struct shim_error *e);

/*
 * CVE-2019-5736: make sure this process runs from a sealed memfd copy of its own binary, so that no
 * process inside a container can rewrite the shim on disk through /proc/<pid>/exe. Re-execs once.
 */
int ensure_sealed_self(char **argv, char **envp, struct shim_error *e);

/* Current CLOCK_REALTIME as RFC 3339 with nanoseconds, UTC ("2026-01-02T03:04:05.123456789Z"). */
void now_rfc3339(char *out, size_t size);

/* Parses a decimal or 0x-hex unsigned 64-bit value; -1 on junk. */
int parse_u64(const char *s, unsigned long long *out);

#endif
