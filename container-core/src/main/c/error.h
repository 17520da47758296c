/* One error convention: a fallible function returns a negative int and fills a shim_error. */
#ifndef GANTRY_ERROR_H
#define GANTRY_ERROR_H

struct shim_error {
	int err;        /* errno of the failed call, 0 when not from a syscall */
	char msg[512];  /* names the operation and the path */
};

/* Records errnum and a formatted message in e; returns -1 so callers can "return fail(...)". */
int fail(struct shim_error *e, int errnum, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Writes "errno\tmessage" to fd (the status pipe); best effort. */
void report_error(int fd, const struct shim_error *e);

#endif
