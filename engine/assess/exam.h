/* Exam sets: a manifest naming scenarios played one after another in exam mode,
 * each with a fixed seed, a time limit and a pass rule for the whole set
 * (modelled on HSE3008 Tverrfaglig eksamen). Format, pass rule and the summary
 * file: docs/exams.md.
 *
 * For a library (GUI): exam_library_load("<assets>/exams", "<scenarios>") gives
 * every shipped set with its title, description, time limit and scenario list;
 * files that do not load are listed with their message instead of hidden. */
#ifndef SKRANKEN_EXAM_H
#define SKRANKEN_EXAM_H

#include "scoring.h"
#include "core/strbuf.h"

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define EXAM_FORMAT_VERSION 1
#define EXAM_RESULT_FORMAT_VERSION 1
#define EXAM_MAX_BYTES ((size_t)1 << 20)      /* a manifest larger than 1 MiB is refused */
#define EXAM_MAX_SCENARIOS 20
#define EXAM_MAX_SEED 9007199254740991ULL      /* 2^53 - 1, as for skranken run --seed */
#define EXAM_MAX_MINUTES 480
#define EXAM_TITLE_MAX 200                     /* bytes */
#define EXAM_DESCRIPTION_MAX 4000              /* bytes */

typedef struct ExamScenario {
    char *id;      /* a scenario id: <scenarios>/<id>.lua */
    uint64_t seed; /* 0 .. EXAM_MAX_SEED */
    int line;      /* line of its entry in the manifest, for messages */
} ExamScenario;

typedef struct ExamPassRule {
    int min_grade_each;     /* 1-6: every scenario needs at least this grade */
    int min_average_centi;  /* 200-600: the mean grade, in hundredths, at least this */
    int no_critical;        /* 1: any critical error fails the exam */
} ExamPassRule;

typedef struct ExamSet {
    char *path;             /* the manifest as given (messages) */
    char *file_name;        /* its last path component */
    char sha256[65];        /* of the manifest text */
    char *id, *title, *description; /* description "" when absent */
    int time_limit_minutes; /* 1 .. EXAM_MAX_MINUTES, wall clock for the whole set */
    int time_limit_line;
    ExamPassRule rule;
    ExamScenario *scenarios;/* in the order they are played */
    size_t scenario_count;
} ExamSet;

/* Reads and checks a manifest. scenarios_dir: the folder where each scenario id
 * must exist as <id>.lua (NULL skips that check). NULL on failure with
 * "file[:line]: message" (bokmål) in err. */
ExamSet *exam_load(const char *path, const char *scenarios_dir, char *err, size_t errsize);
/* The same for text in memory; name stands for the file in messages. */
ExamSet *exam_parse(const char *text, size_t len, const char *name, const char *scenarios_dir,
                    char *err, size_t errsize);
void exam_free(ExamSet *set);

/* Checks that the scenarios' simulated durations (minutes, in the set's order)
 * fit in the set's time limit. 0, or -1 with "file: time_limit_minutes: ..." in err. */
int exam_check_time(const ExamSet *set, const int *duration_minutes, char *err,
                    size_t errsize);

/* ---- the pass rule */

enum {
    EXAM_BROKE_CRITICAL = 1, /* a critical error while no_critical is set */
    EXAM_BROKE_GRADE = 2,    /* a grade below min_grade_each */
    EXAM_BROKE_AVERAGE = 4   /* the mean grade below min_average (whole set only) */
};

typedef struct ExamOutcome {
    size_t count;          /* scenarios assessed */
    int grade_sum;
    int average_centi;     /* mean grade in hundredths, rounded half up (for display) */
    int criticals;         /* critical errors in the whole set */
    int broke;             /* EXAM_BROKE_* bits */
    int passed;
    int grade;             /* 1 when not passed, else the mean rounded half up */
} ExamOutcome;

/* Which rules one scenario's result breaks (EXAM_BROKE_CRITICAL / _GRADE bits). */
int exam_scenario_broke(const ExamPassRule *rule, const Assessment *a);
/* Applies the rule to one Assessment per scenario (count of them, in order). */
void exam_assess(const ExamPassRule *rule, const Assessment *results, size_t count,
                 ExamOutcome *out);

/* ---- the summary file written beside the reports */

typedef struct ExamResultEntry {
    const char *id, *title;     /* the scenario's id and title */
    uint64_t seed;
    const char *report_file;    /* the report's file name (no folders) */
    const char *report_sha256;  /* of the report file's bytes */
    const char *ended_at;       /* "HH:MM:SS" simulated */
    const Assessment *assessment;
} ExamResultEntry;

typedef struct ExamResultInput {
    const char *engine_version;
    const ExamSet *set;
    const char *trainee;
    const ExamResultEntry *entries; /* set->scenario_count of them */
    const ExamOutcome *outcome;
    time_t wall_started, wall_finished;
    long long duration_ms;
} ExamResultInput;

/* Renders the summary JSON (caller frees). */
char *exam_result_render(const ExamResultInput *in);

/* ---- the library: every set in a folder */

typedef struct ExamLibrary {
    ExamSet **sets;   /* the *.json files that loaded, sorted by file name */
    size_t count;
    StrList errors;   /* one message per file that did not load */
} ExamLibrary;

/* Loads every *.json in dir (names starting with '.' skipped). A missing folder
 * is an empty library. */
void exam_library_load(const char *dir, const char *scenarios_dir, ExamLibrary *out);
void exam_library_free(ExamLibrary *lib);

#endif
