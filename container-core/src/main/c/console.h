/*
 * A container's terminal comes from the container's own devpts instance, as runc makes it: the process already
 * inside the container (init, or an exec'd process) opens a pty there and sends the master over a unix socket to
 * the side that relays it; the slave becomes its stdio and controlling terminal. So the container sees its
 * terminal as /dev/pts/N, and the relaying side never opens a path the container controls.
 */
#ifndef GANTRY_CONSOLE_H
#define GANTRY_CONSOLE_H

#include "config.h"
#include "error.h"

/*
 * Inside the container, still privileged: opens a pty of /dev/pts, gives its slave to the process's uid (when not
 * root, as runc does for stdio), bind-mounts the slave on /dev/console when console is set, sends the master over
 * sock (then closed), and makes the slave the controlling terminal and fds 0 to 2.
 */
int console_setup(int sock, const struct shim_config *c, int console, struct shim_error *e);

/* On the relaying side: the master sent over sock, checked to be a devpts pty master; -1 if none came. */
int console_receive(int sock);

#endif
