/* One attempt played headlessly: load the scenario file (and hash it), play a
 * list of actions against it, score it, and render its report. The GUI drives
 * the same steps with actions from the keyboard and mouse. */
#ifndef SKRANKEN_ATTEMPT_H
#define SKRANKEN_ATTEMPT_H

#include "journal.h"
#include "assess/catalog.h"
#include "assess/scoring.h"
#include "core/file.h"
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
    long long mono_start;  /* monotonic ms at the start (of this session, if resumed) */
    /* The journal (docs/journal.md), if the attempt is journaled: every action is
     * appended and synced there before it takes effect. */
    char *journal_path;    /* NULL: not journaled */
    FileAppender journal;
    long long played_before_ms; /* wall time played in earlier sessions (resumed) */
    int sessions_before;        /* 0, or how many sessions came before this one */
    int finish_journaled;
    int report_existed;    /* attempt_save_report found the report already saved */
} Attempt;

typedef enum AttemptStatus {
    ATTEMPT_OK = 0,
    ATTEMPT_MISMATCH = 1, /* an action did not fit the scenario's state */
    ATTEMPT_BAD_INPUT = 2, /* unreadable file or a scenario fault */
    ATTEMPT_NOT_SAVED = 3  /* the journal could not be written: the action was not
                              applied, the attempt is as it was before it */
} AttemptStatus;

/* What the journal records besides the attempt itself. */
typedef struct AttemptJournalInfo {
    const char *catalog_path;     /* the --catalog file given, NULL for the shipped one */
    const char *set_id, *set_title;
    int set_task, set_tasks;      /* set_task > 0: task number set_task of an exam set */
} AttemptJournalInfo;

/* Reads and loads the scenario file. On failure returns ATTEMPT_BAD_INPUT with
 * "file[:line]: message" in err. */
AttemptStatus attempt_start(Attempt *at, const char *scenario_path, const Catalog *catalog,
                            const char *trainee, int exam, uint64_t seed, char *err,
                            size_t errsize);
/* The same, compiling and hashing through cache (may be NULL), for commands that
 * start the same scenario many times. */
AttemptStatus attempt_start_cached(Attempt *at, ScenarioCache *cache, const char *scenario_path,
                                   const Catalog *catalog, const char *trainee, int exam,
                                   uint64_t seed, char *err, size_t errsize);
/* Starts journaling an attempt just started (before its first action): a new
 * journal file in dir (made if missing), never replacing another. info may be
 * NULL. Returns 0, or -1 with "path: reason" in err (not journaled then). */
int attempt_journal_begin(Attempt *at, const char *scenario_path, const char *dir,
                          const AttemptJournalInfo *info, char *err, size_t errsize);
/* Resumes the journal's attempt: starts it from the journal's header (the
 * scenario file must still have the journal's SHA-256), replays its actions and
 * goes on appending to it. A refused last action (a crash between writing it and
 * taking it back) is dropped. On failure: ATTEMPT_BAD_INPUT with one line naming
 * the journal (and line) in err; the journal is left as it was. */
AttemptStatus attempt_resume(Attempt *at, const Journal *journal, const Catalog *catalog,
                             char *err, size_t errsize);
/* Moves the attempt's journal to <journal dir>/discarded/ (the attempt was
 * abandoned on purpose or cannot go on) and stops journaling. Returns 0 (also
 * when not journaled), or -1 with the reason in err (the journal then stays). */
int attempt_journal_discard(Attempt *at, char *err, size_t errsize);
/* Applies one action (advancing the clock to its time). A journaled attempt
 * writes the action to its journal first; if that fails it returns
 * ATTEMPT_NOT_SAVED with the reason in err and applies nothing. */
AttemptStatus attempt_act(Attempt *at, const Action *action, char *err, size_t errsize);
/* Plays to the end and scores. */
AttemptStatus attempt_finish(Attempt *at, char *err, size_t errsize);
/* Renders the finished attempt's report as JSON text without saving it (caller
 * frees); wall may be NULL (an empty "wall" object), e.g. for verify's replay. */
char *attempt_render_report(Attempt *at, const ReportWall *wall);
/* Renders the finished attempt's report and saves it as a new file: at
 * report_path if given (which must not exist), else in <data_dir>/reports under a
 * fresh name (data_dir NULL: the default data folder). Sets *saved_path (caller
 * frees). Then, and only then, the journal is removed. A resumed attempt whose
 * report was already saved (a crash between saving and removing the journal)
 * finds it (report_existed) instead of saving it twice. Returns 0, or -1 with the
 * reason in err (the journal is kept). */
int attempt_save_report(Attempt *at, const char *report_path, const char *data_dir,
                        char **saved_path, char *err, size_t errsize);
/* Frees the attempt; its journal, if any, stays on disk (resumable). */
void attempt_free(Attempt *at);
/* For the kill tests (docs/journal.md): if $SKRANKEN_TEST_HANG names this point
 * ("start", "append:K", "act:K", "finish", "report-temp", "report-linked"), the
 * process writes $SKRANKEN_TEST_HANG_MARK and waits to be killed. */
void attempt_test_point(const char *stage, long k);
long long attempt_monotonic_ms(void);

#endif
