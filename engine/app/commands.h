#ifndef SKRANKEN_COMMANDS_H
#define SKRANKEN_COMMANDS_H

#include "cli.h"

#ifndef SKRANKEN_VERSION
#define SKRANKEN_VERSION "0.0.0"
#endif

/* skranken play ... (and skranken with no arguments): the GUI. */
int cmd_play(int argc, char **argv);

/* skranken run ...: returns the process exit code. */
int cmd_run(int argc, char **argv);
/* skranken catalog import ...: Grep JSON and school mappings (docs/curriculum.md). */
int cmd_catalog(int argc, char **argv);
/* skranken exam MANIFEST ...: an exam set played headlessly (docs/exams.md). */
int cmd_exam(int argc, char **argv);

#endif
