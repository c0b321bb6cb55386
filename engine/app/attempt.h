/* One attempt played headlessly: load the scenario file (and hash it), play a
 * list of actions against it, score it, and render its report. The GUI drives
 * the same steps with actions from the keyboard and mouse. */
#ifndef SKRANKEN_ATTEMPT_H
#define SKRANKEN_ATTEMPT_H

#include "assess/catalog.h"
#include "assess/scoring.h"
#include "core/strbuf.h"
#include "report/report.h"
#include "script/scenario.h"

#include <stdint.h>

#include <time.h>

typedef struct Attempt {
    Scenario *scenario;
    const Catalog *catalog;
    char sha256[65];
    char *trainee;
    int exam;
    uint64_t seed;
    StrList inputs;        /* every applied action as an inputs-file line */
    Assessment assessment; /* after attempt_finish */
    int finished;
    time_t wall_start;     /* when the attempt began (for the report's wall data) */
    long long mono_start;  /* monotonic ms at the start */
} Attempt;

typedef enum AttemptStatus {
    ATTEMPT_OK = 0,
    ATTEMPT_MISMATCH = 1, /* an action did not fit the scenario's state */
    ATTEMPT_BAD_INPUT = 2 /* unreadable file or a scenario fault */
} AttemptStatus;

/* Reads and loads the scenario file. On failure returns ATTEMPT_BAD_INPUT with
 * "file[:line]: message" in err. */
AttemptStatus attempt_start(Attempt *at, const char *scenario_path, const Catalog *catalog,
                            const char *trainee, int exam, uint64_t seed, char *err,
                            size_t errsize);
/* Applies one action (advancing the clock to its time). */
AttemptStatus attempt_act(Attempt *at, const Action *action, char *err, size_t errsize);
/* Plays to the end and scores. */
AttemptStatus attempt_finish(Attempt *at, char *err, size_t errsize);
/* Renders the finished attempt's report as JSON text without saving it (caller
 * frees); wall may be NULL (an empty "wall" object), e.g. for verify's replay. */
char *attempt_render_report(Attempt *at, const ReportWall *wall);
/* Renders the finished attempt's report and saves it as a new file: at
 * report_path if given (which must not exist), else in <data_dir>/reports under a
 * fresh name (data_dir NULL: the default data folder). Sets *saved_path (caller
 * frees). Returns 0, or -1 with the reason in err. */
int attempt_save_report(Attempt *at, const char *report_path, const char *data_dir,
                        char **saved_path, char *err, size_t errsize);
void attempt_free(Attempt *at);
long long attempt_monotonic_ms(void);

#endif
