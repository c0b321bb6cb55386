#ifndef SKRANKEN_COMMANDS_H
#define SKRANKEN_COMMANDS_H

#include "cli.h"

#ifndef SKRANKEN_VERSION
#define SKRANKEN_VERSION "0.0.0"
#endif

/* skranken run ...: returns the process exit code. */
int cmd_run(int argc, char **argv);

#endif
