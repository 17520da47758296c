#ifndef GANTRY_MONITOR_H
#define GANTRY_MONITOR_H

#include "config.h"

/*
 * Detaches (setsid), clones the container's init into new namespaces, and reports on report_fd either
 * "started\t<pid>" once the entrypoint was exec'd or "error\t<errno>\t<message>". Then it writes the
 * container's stdout and stderr to the JSON log, reaps init and records the exit file. Returns the
 * monitor's own exit status.
 */
int monitor_main(const struct shim_config *c, int report_fd);

#endif
