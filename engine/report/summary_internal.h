/* The summary's data, shared by its arithmetic (summary.c) and its renderers
 * (summary_render.c). Not for other layers. */
#ifndef SKRANKEN_SUMMARY_INTERNAL_H
#define SKRANKEN_SUMMARY_INTERNAL_H

#include "summary.h"

#include <stdint.h>

#define NONE ((size_t)-1)

/* Strings kept once, found by a hash. */
typedef struct Intern {
    char **names;
    size_t count, cap;
    size_t *slots; /* index + 1, 0 = empty */
    size_t nslots;
} Intern;

typedef struct GoalResult {
    size_t goal, title, subject, code; /* interned; NONE when absent */
    int earned, possible, criticals;
} GoalResult;

typedef struct Critical {
    size_t goal, rule; /* rule NONE when the report gives none */
} Critical;

typedef struct Attempt {
    char *path;
    size_t trainee, name, scenario, version, title; /* interned */
    long long started, finished, duration_ms;
    uint64_t seed;
    int points, max, grade, passed, exam, criticals;
    size_t goal_first, goal_count, crit_first, crit_count;
    size_t order; /* rank in time */
    int duplicate;
} Attempt;

/* One trainee × goal. Fractions are compared exactly (cross-multiplied). */
typedef struct Cell {
    size_t trainee, goal;
    int attempts;
    int latest_earned, latest_possible, latest_critical;
    int best_earned, best_possible;
} Cell;

typedef struct TraineeStats {
    size_t key;        /* interned key */
    size_t name;       /* spelling of the latest attempt */
    int attempts, criticals, scenarios;
    double mean_latest, mean_best; /* over the trainee's cells, 0..1; -1 without cells */
    size_t cell_first, cell_count; /* the trainee's cells, by goal id */
} TraineeStats;

typedef struct GoalStats {
    size_t goal;
    size_t title, subject, code; /* from the latest attempt that has them */
    int trainees, missed;        /* trainees with a latest result; of them below mastery */
    double mean_latest;
    int criticals, critical_trainees;
    int column;                  /* in the matrix; -1 when no trainee has a result */
} GoalStats;

typedef struct ScenarioStats {
    size_t scenario, title;
    int attempts, trainees, passed, criticals, critical_attempts, exam;
    int grades[7];
    double mean;                /* points / max over attempts with max > 0; -1 none */
    StrList versions;           /* sorted */
} ScenarioStats;

typedef struct RuleStats {
    size_t rule; /* NONE: no rule given */
    int count, trainees;
    StrList goals; /* goal ids, sorted */
} RuleStats;

struct Summary {
    Intern keys, names, goals, texts, scenarios;
    Attempt *attempts;
    size_t attempt_count, attempt_cap;
    GoalResult *results;
    size_t result_count, result_cap;
    Critical *crits;
    size_t crit_count, crit_cap;
    StrList skipped; /* "path\tmessage" */
    StrList notes;   /* messages */
    /* worked out by summary_finish */
    int finished;
    size_t counted;
    size_t *by_time;          /* attempt indexes in time order */
    TraineeStats *trainees;   /* in display order */
    size_t trainee_count;
    GoalStats *goal_stats;    /* by goal id */
    size_t goal_count;
    size_t *columns;          /* goal_stats indexes of the matrix columns */
    size_t column_count;
    Cell *cells;              /* by trainee (display order), then goal id */
    size_t cell_count;
    ScenarioStats *scen;      /* by id */
    size_t scen_count;
    RuleStats *rules;         /* most first */
    size_t rule_count;
    size_t *missed;           /* goal_stats indexes, most missed first */
    size_t missed_count;
};

/* Decodes one UTF-8 character of checked text; returns its length. */
size_t summary_utf8_next(const unsigned char *p, unsigned int *cp);

#endif
