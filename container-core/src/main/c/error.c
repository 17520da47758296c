#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int fail(struct shim_error *e, int errnum, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	e->err = errnum;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	if (errnum != 0) {
		n = strlen(e->msg);
		snprintf(e->msg + n, sizeof(e->msg) - n, ": %s", strerror(errnum));
	}
	return -1;
}

void report_error(int fd, const struct shim_error *e)
{
	char line[600];
	int n = snprintf(line, sizeof(line), "%d\t%s\n", e->err, e->msg);

	if (n > 0 && write(fd, line, (size_t)n) < 0) {
		/* nothing left to tell: the reader is gone */
	}
}
