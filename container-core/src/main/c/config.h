/*
 * The container's configuration as Java wrote it: a flat list of NUL-terminated key, value pairs.
 * The shim interprets nothing beyond splitting; every value was decided in Java.
 */
#ifndef GANTRY_CONFIG_H
#define GANTRY_CONFIG_H

#include <stddef.h>
#include "error.h"

struct config_entry {
	const char *key;
	char *value;
};

struct shim_config {
	char *buf;
	struct config_entry *entries;
	size_t count;
};

int config_load(struct shim_config *c, const char *path, struct shim_error *e);

/* The last value of key, or NULL. */
const char *config_get(const struct shim_config *c, const char *key);

/* Every value of key in order, as a NULL-terminated array (malloc'd); n receives the count. */
char **config_all(const struct shim_config *c, const char *key, size_t *n);

/* Splits s in place on sep into at most max fields; returns the number of fields. */
size_t split_fields(char *s, char sep, char **fields, size_t max);

#endif
