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
/* skranken new NAME: a commented template scenario (docs/authoring.md). */
int cmd_new(int argc, char **argv);
/* skranken check FILE...: static checks and headless path exploration (docs/check.md). */
int cmd_check(int argc, char **argv);
/* skranken verify REPORT...: replays each report and compares it (docs/verify.md). */
int cmd_verify(int argc, char **argv);
/* skranken summary DIR|FILES...: the class at a glance, CSV and HTML (docs/summary.md). */
int cmd_summary(int argc, char **argv);
/* skranken export-xapi REPORT...: xAPI 1.0.3 statements (docs/xapi.md). */
int cmd_export_xapi(int argc, char **argv);
/* skranken resume [JOURNAL]: unfinished attempts, continued (docs/journal.md). */
int cmd_resume(int argc, char **argv);

#endif
