/* The script layer's face: load one scenario (Lua text) into a sandbox, let the
 * driver move its clock and hand it trainee actions, and read back the world and
 * metadata it built. No Lua type appears here. */
#ifndef SKRANKEN_SCENARIO_H
#define SKRANKEN_SCENARIO_H

#include "core/action.h"
#include "core/meta.h"
#include "core/world.h"

#include <stddef.h>
#include <stdint.h>

typedef struct Scenario Scenario;

/* Compiled scenarios and their SHA-256, kept while a command loads the same files
 * again and again (verify replays, check's exploration, the window's retries). An
 * entry is found only by the exact bytes of the file and its name, so an edited
 * file is compiled and hashed afresh. Not shared between threads. */
typedef struct ScenarioCache ScenarioCache;
ScenarioCache *scenario_cache_new(void);
void scenario_cache_free(ScenarioCache *cache);
/* out = the lowercase hex SHA-256 of the text; computed once per distinct text
 * when cache is not NULL. */
void scenario_cache_sha256(ScenarioCache *cache, const char *text, size_t size, char out[65]);

/* Answers whether a goal id exists in the competence catalog. */
typedef int (*ScenarioGoalKnown)(void *ctx, const char *goal_id);

typedef struct ScenarioOptions {
    const char *chunkname;   /* shown in errors, normally the path as given */
    uint64_t seed;
    int exam;                /* 1 in exam mode: scenarios may read it, hints are off */
    ScenarioGoalKnown goal_known; /* NULL accepts every goal id */
    void *goal_ctx;
    size_t memory_cap;       /* bytes of Lua heap; 0 = SCENARIO_DEFAULT_MEMORY */
    long long budget;        /* VM instructions per resume; 0 = SCENARIO_DEFAULT_BUDGET */
    ScenarioCache *cache;    /* NULL: compile the text every time */
} ScenarioOptions;

#define SCENARIO_DEFAULT_MEMORY ((size_t)64 << 20)
#define SCENARIO_DEFAULT_BUDGET 20000000LL
#define SCENARIO_MAX_SOURCE ((size_t)1 << 20) /* 1 MiB of Lua text */

/* Loads the scenario text, runs its top level (metadata, cast, timed events) and
 * validates it. Returns NULL with "file:line: message" in err on any fault. */
Scenario *scenario_load(const ScenarioOptions *opts, const char *source, size_t size,
                        char *err, size_t errsize);
void scenario_free(Scenario *sc);

const ScenarioMeta *scenario_meta(const Scenario *sc);
World *scenario_world(Scenario *sc);

/* Time of the next thing the scenario has scheduled (timer, timeout, ring-out or
 * the end), or SIMTIME_NEVER once it has ended. */
SimTime scenario_next_event(const Scenario *sc);

/* Runs everything due up to time t and leaves the clock at t (or at the end, if
 * the scenario ends first). Returns 0, or -1 on a script fault. */
int scenario_advance(Scenario *sc, SimTime t);

typedef enum ScenarioActResult {
    SCENARIO_ACT_OK = 0,
    SCENARIO_ACT_MISMATCH = 1, /* the action does not fit the world now: err says why */
    SCENARIO_ACT_FAULT = 2     /* the scenario script failed: see scenario_fault() */
} ScenarioActResult;

/* Advances to action->t, applies the action, and wakes the script parts waiting
 * on it. */
ScenarioActResult scenario_act(Scenario *sc, const Action *action, char *err, size_t errsize);

/* Plays on without trainee input until the scenario ends (finish() or its
 * duration), then runs its on_end handlers. Returns 0, or -1 on a fault. */
int scenario_run_to_end(Scenario *sc);

int scenario_finished(const Scenario *sc);
/* 1 if the scenario{} declaration gave the field (id, title, version, language,
 * summary, start, duration, difficulty, modes, goals), also one the engine has a
 * default for; 0 if it did not, or the name is no such field. For `skranken check`,
 * which asks authors for every field. */
int scenario_meta_given(const Scenario *sc, const char *field);
/* Lua instructions run so far (load included), counted in steps of the budget hook
 * (1000), so very short resumes may count as 0. For `skranken check`, which caps
 * the work one explored path may take. */
long long scenario_instructions(const Scenario *sc);

/* The fault message ("I <callback>: file:line: message"), or NULL. */
const char *scenario_fault(const Scenario *sc);
/* A Lua traceback for the fault, or NULL. */
const char *scenario_traceback(const Scenario *sc);

#endif
