#ifndef GANTRY_EXEC_H
#define GANTRY_EXEC_H

/*
 * gantry-shim exec <config>: starts one more process in a running container (its namespaces, its
 * cgroups, its capabilities, seccomp filter and no_new_privs) and relays its stdio. The first line on
 * stdout is "started\t<pid>" or "error\t<errno>\t<message>"; then stdout and stderr carry the process's
 * output (stdout only, from a pty, with tty=1). Stdin carries frames (see FRAME_* in util.h): data for
 * the process's stdin, or a terminal size. Exits with the process's exit code (128 + signal).
 */
int exec_run(char **argv, char **envp);

#endif
