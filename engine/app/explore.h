/* The headless path explorer behind `skranken check`: plays one scenario many
 * times from the start, each time along another path of trainee actions (every
 * option of every question, the side actions around them, random walks, several
 * seeds), and reports the paths that end in a script fault, use too much work or
 * never end, and the most points any path gave for each goal. The strategy and
 * its limits are described in docs/check.md. */
#ifndef SKRANKEN_EXPLORE_H
#define SKRANKEN_EXPLORE_H

#include "core/strbuf.h"
#include "script/scenario.h"

#include <stddef.h>
#include <stdint.h>

#define EXPLORE_DEFAULT_PATHS 200
#define EXPLORE_DEFAULT_SEEDS 3
/* Events (timers, timeouts, ring-outs) on one path before it counts as never ending. */
#define EXPLORE_MAX_EVENTS 20000
/* Lua instructions one path may use (ten times the budget of one resume). */
#define EXPLORE_PATH_WORK (10 * SCENARIO_DEFAULT_BUDGET)
/* Lua instructions all paths of one file may use before exploring stops. */
#define EXPLORE_TOTAL_WORK (50 * SCENARIO_DEFAULT_BUDGET)

typedef struct ExploreOptions {
    const char *chunkname;         /* the path as given: named in every message */
    const char *source;            /* the scenario text, already loaded once */
    size_t size;
    ScenarioGoalKnown goal_known;  /* as for scenario_load */
    void *goal_ctx;
    int practice, exam;            /* the modes the scenario allows */
    int paths;                     /* paths to play in all (at least 1) */
    int seeds;                     /* seeds 1..seeds (at least 1) */
} ExploreOptions;

typedef enum ExploreProblem {
    EXPLORE_FAULT,  /* the script raised an error */
    EXPLORE_BUDGET, /* instruction budget, memory cap, a loop at one time, too much work */
    EXPLORE_NO_END, /* more than EXPLORE_MAX_EVENTS events on one path */
    EXPLORE_REPORT  /* the report of a finished path could not be rendered */
} ExploreProblem;

typedef struct ExploreFinding {
    ExploreProblem problem;
    int line;         /* in the scenario file; 0 if none is known */
    char *message;    /* bokmål, without the file:line in front */
    char *traceback;  /* Lua traceback, or NULL */
    uint64_t seed;
    int exam;
    StrList inputs;   /* the shortest path that shows it, as inputs-file lines */
    int paths;        /* how many explored paths ended in it */
} ExploreFinding;

typedef struct ExploreGoal {
    char *id;
    int max;  /* as declared */
    int best;    /* the most any explored path earned */
    int awarded; /* the most any explored path awarded (before deductions) */
} ExploreGoal;

typedef struct ExploreResult {
    int paths;        /* paths played */
    int seeds;
    int stopped;      /* 1: stopped early (many failing paths or the total work cap) */
    ExploreGoal *goals;
    size_t goal_count;
    int best_points, max_points; /* the best path in total, and the declared sum */
    uint64_t best_seed;
    int best_exam;
    StrList best_inputs;
    ExploreFinding *findings;
    size_t finding_count, finding_cap;
} ExploreResult;

/* Explores the scenario and fills out (which the caller frees with
 * explore_result_free, also after an early stop). Never fails as such: what goes
 * wrong on a path is a finding. */
void explore_scenario(const ExploreOptions *opts, ExploreResult *out);
void explore_result_free(ExploreResult *result);

/* Takes "file:line: " (or "file: ") out of a message from the scenario layer and
 * returns the rest (caller frees), with the first line number in *line (0 if
 * none). "I clock.at 08:01: x.lua:7: boom" gives "I clock.at 08:01: boom", 7. */
char *explore_strip_location(const char *chunkname, const char *message, int *line);

#endif
