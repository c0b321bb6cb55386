/* The single list of everything a scenario can call. Each binding file has its
 * functions, one luaL_Reg table and (where it needs one) a setup function. The
 * registration test and docs/scenario-api.md are checked against this list. */
#ifndef SKRANKEN_SCRIPT_API_H
#define SKRANKEN_SCRIPT_API_H

#include <lua.h>
#include <lauxlib.h>

typedef struct SkApiModule {
    const char *name;        /* global table name; NULL = global functions */
    const luaL_Reg *functions;
    const luaL_Reg *methods; /* methods of the handles it returns, or NULL */
    const char *metatable;   /* registry name of that handle type, or NULL */
} SkApiModule;

extern const SkApiModule sk_api_modules[];
extern const size_t sk_api_module_count;

/* Installs every module into the global table of L. */
void sk_api_open(lua_State *L);

extern const luaL_Reg sk_api_scenario_functions[];
extern const luaL_Reg sk_api_cast_functions[];
extern const luaL_Reg sk_api_timebok_functions[];
extern const luaL_Reg sk_api_clock_functions[];
extern const luaL_Reg sk_api_desk_functions[];
extern const luaL_Reg sk_api_visit_methods[];
extern const luaL_Reg sk_api_phone_functions[];
extern const luaL_Reg sk_api_call_methods[];
extern const luaL_Reg sk_api_inbox_functions[];
extern const luaL_Reg sk_api_message_methods[];
extern const luaL_Reg sk_api_lab_functions[];
extern const luaL_Reg sk_api_task_methods[];
extern const luaL_Reg sk_api_record_functions[];
extern const luaL_Reg sk_api_observe_functions[];
extern const luaL_Reg sk_api_score_functions[];
extern const luaL_Reg sk_api_random_functions[];
extern const luaL_Reg sk_api_fnr_functions[];

#define SK_VISIT_MT "skranken.visit"
#define SK_CALL_MT "skranken.call"
#define SK_MESSAGE_MT "skranken.message"
#define SK_TASK_MT "skranken.task"

#endif
