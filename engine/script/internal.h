/* Shared between the script layer's files only. */
#ifndef SKRANKEN_SCRIPT_INTERNAL_H
#define SKRANKEN_SCRIPT_INTERNAL_H

#include "scenario.h"

#include <lua.h>
#include <lauxlib.h>

typedef enum WaitKind {
    WAIT_TIME,    /* clock.wait */
    WAIT_REPLY,   /* ask / ask_text: the trainee's answer */
    WAIT_ANSWER,  /* call:wait_answer */
    WAIT_SERVED,  /* visit:wait_served */
    WAIT_ACTION,  /* observe.wait */
    WAIT_READ     /* message:wait_read */
} WaitKind;

/* Matches trainee actions: a kind (or -1 for any) and field = value pairs. */
typedef struct ActionFilter {
    int kind;
    int count;
    char *field[ACTION_MAX_ARGS];
    char *value[ACTION_MAX_ARGS];
} ActionFilter;

typedef struct Wait {
    unsigned long long seq;
    WaitKind kind;
    int thread_ref;       /* the suspended actor */
    SimTime deadline;     /* SIMTIME_NEVER if none */
    char *id;             /* person / message id */
    ActionFilter filter;  /* WAIT_ACTION */
} Wait;

typedef struct Timer {
    unsigned long long seq;
    SimTime t;
    int fn_ref;
    char what[48];
} Timer;

typedef struct Observer {
    ActionFilter filter;
    int fn_ref;
} Observer;

struct Scenario {
    lua_State *L;
    World *world;
    ScenarioMeta meta;
    int have_meta;
    unsigned meta_given;   /* bit i: scenario{} gave meta_keys[i] (api_scenario.c) */
    char *chunkname;
    ScenarioOptions opts;

    size_t mem_used;
    long long used;        /* instructions in the current resume */
    long long used_total;  /* ... in every resume so far (counted in whole hook steps) */
    int over_budget;       /* sticky: the script's own pcall cannot clear it */
    int budget_line;

    lua_State *current;    /* the actor running now, NULL between resumes */
    int waited;            /* the current actor registered a wait or finish before yielding */
    int loading;

    Timer *timers; size_t timer_count, timer_cap;
    Wait *waits; size_t wait_count, wait_cap;
    Observer *observers; size_t observer_count, observer_cap;
    int *end_hooks; size_t end_hook_count, end_hook_cap;
    unsigned long long seq;

    int finished;          /* finish() called or time ran out */
    int ended;             /* on_end handlers have run */
    SimTime end_time;
    char *fault;
    char *traceback;
};

/* The scenario that owns a Lua state (stored in its extra space). */
Scenario *sk_scenario(lua_State *L);

/* The one protected way into Lua: resumes co with nargs on its stack, under the
 * instruction budget. On a script error, sets the fault and returns -1. */
int sk_resume(Scenario *sc, lua_State *co, int nargs, const char *what);
/* Starts a new actor running the function in registry slot fn_ref, after pushing
 * the values by push(L, ud) onto it (push may be NULL). */
int sk_spawn(Scenario *sc, int fn_ref, void (*push)(lua_State *co, void *ud), void *ud,
             const char *what);
void sk_fault(Scenario *sc, const char *fmt, ...);

/* Sandbox (sandbox.c). */
lua_State *sk_sandbox_new(Scenario *sc);
void sk_sandbox_close(Scenario *sc);

/* Scheduler (scheduler.c). */
void sk_add_timer(Scenario *sc, SimTime t, int fn_ref, const char *what);
/* Suspends the running actor until the wait is satisfied; call as
 * `return sk_wait(L, ...)` from a C function. Raises a Lua error if called
 * outside an actor. */
int sk_wait(lua_State *L, WaitKind kind, SimTime deadline, const char *id,
            const ActionFilter *filter);
void sk_add_observer(Scenario *sc, const ActionFilter *filter, int fn_ref);
void sk_filter_free(ActionFilter *filter);
int sk_filter_match(const ActionFilter *filter, const Action *action);
/* Reads {kind=..., field=value...} at index idx into filter, ignoring the keys in
 * skip; raises a Lua error for unknown kinds or fields. */
void sk_filter_read(lua_State *L, int idx, ActionFilter *filter, const char *const *skip);
void sk_push_action(lua_State *L, const Action *action);
int sk_poll(Scenario *sc);
int sk_dispatch(Scenario *sc, const Action *action);
void sk_scheduler_free(Scenario *sc);

/* Helpers for bindings (api_util.c). */
/* A person id from a handle table {id=...} or a string; raises an error naming
 * the argument if it is neither or the person is unknown. */
const char *sk_check_person(lua_State *L, int idx);
/* Optional string field of the table at idx; NULL if nil; error if not a string. */
const char *sk_opt_field_string(lua_State *L, int idx, const char *field);
const char *sk_check_field_string(lua_State *L, int idx, const char *field);
/* Seconds (number) as SimTime; error unless 0 <= seconds <= 24 h. */
SimTime sk_check_seconds(lua_State *L, int idx);
SimTime sk_opt_timeout(lua_State *L, int idx); /* {timeout=seconds} or SIMTIME_NEVER */
/* "HH:MM" or "HH:MM:SS" as SimTime, with a clear error. */
SimTime sk_check_clock(lua_State *L, int idx);
/* Raises an error unless the table at idx has only the listed keys. */
void sk_check_keys(lua_State *L, int idx, const char *what, const char *const *keys);
/* Raises "<what> kan bare brukes ..." when called while the file is loading. */
void sk_check_running(lua_State *L, const char *what);
/* The current line of the calling Lua code (0 if unknown). */
int sk_current_line(lua_State *L);

/* A handle is a table with metatable name; fields person/id. */
void sk_push_handle(lua_State *L, const char *metatable, const char *field, const char *id);
const char *sk_check_handle(lua_State *L, int idx, const char *metatable, const char *field);

/* Compiles text (mode "t") under name, or loads the bytecode an earlier compile
 * of the same text and name left in the cache; pushes the chunk or the message,
 * like luaL_loadbufferx. cache may be NULL. */
int sk_cache_load(ScenarioCache *cache, lua_State *L, const char *text, size_t size,
                  const char *name);

#endif
