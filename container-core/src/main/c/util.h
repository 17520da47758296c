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

/* Whether /proc/<pid>/stat field 22 (start time in ticks) equals expected: the pid was not reused. */
int start_time_matches(long pid, const char *expected);

/*
 * Frames on stdin of exec and on attach sockets: 8-byte header {type, 0, 0, 0, length (big-endian u32)}
 * then length bytes, as in Docker's multiplexed streams. A resize payload is rows and cols, big-endian u16.
 */
enum { FRAME_STDIN = 0, FRAME_STDOUT = 1, FRAME_STDERR = 2, FRAME_RESIZE = 3, FRAME_CLOSE_STDIN = 4 };
#define FRAME_MAX 32768

/* Reads one whole frame (blocking); returns the payload length, 0 at EOF, -1 on a bad frame. */
long read_frame(int fd, int *type, char *payload, size_t max);

/* Writes one frame; -1 if the reader is gone. */
int write_frame(int fd, int type, const char *payload, size_t len);

/* Applies a FRAME_RESIZE payload to a pty master. */
void apply_resize(int master, const char *payload, long len);

/* Writes all of buf, retrying short writes; -1 on error. */
int write_all(int fd, const char *buf, size_t len);

#endif
