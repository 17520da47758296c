#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX (1 << 20)

static int read_all(const char *path, char **out, size_t *len, struct shim_error *e)
{
	struct stat st;
	ssize_t r;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return fail(e, errno, "open config %s", path);
	if (fstat(fd, &st) < 0 || st.st_size > CONFIG_MAX) {
		close(fd);
		return fail(e, errno, "config %s: unreadable or larger than %d bytes", path, CONFIG_MAX);
	}
	*out = malloc((size_t)st.st_size + 1);
	if (*out == NULL) {
		close(fd);
		return fail(e, ENOMEM, "read config %s", path);
	}
	while (got < (size_t)st.st_size && (r = read(fd, *out + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	(*out)[got] = '\0';
	*len = got;
	return 0;
}

int config_load(struct shim_config *c, const char *path, struct shim_error *e)
{
	size_t len = 0, i, n = 0;
	char *p;

	if (read_all(path, &c->buf, &len, e) < 0)
		return -1;
	for (i = 0; i < len; i++)
		n += c->buf[i] == '\0';
	c->entries = calloc(n / 2 + 1, sizeof(*c->entries));
	if (c->entries == NULL)
		return fail(e, ENOMEM, "parse config %s", path);
	c->count = 0;
	for (p = c->buf; p + 1 < c->buf + len;) {
		char *value = p + strlen(p) + 1;

		if (value >= c->buf + len)
			return fail(e, 0, "config %s: key %s has no value", path, p);
		c->entries[c->count].key = p;
		c->entries[c->count].value = value;
		c->count++;
		p = value + strlen(value) + 1;
	}
	return 0;
}

const char *config_get(const struct shim_config *c, const char *key)
{
	const char *v = NULL;

	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->entries[i].key, key) == 0)
			v = c->entries[i].value;
	return v;
}

char **config_all(const struct shim_config *c, const char *key, size_t *n)
{
	char **all = calloc(c->count + 1, sizeof(char *));

	*n = 0;
	if (all == NULL)
		return NULL;
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->entries[i].key, key) == 0)
			all[(*n)++] = c->entries[i].value;
	return all;
}

size_t split_fields(char *s, char sep, char **fields, size_t max)
{
	size_t n = 0;

	while (n < max) {
		char *end = strchr(s, sep);

		fields[n++] = s;
		if (end == NULL || n == max)
			break;
		*end = '\0';
		s = end + 1;
	}
	return n;
}
