/* The list of modules, and installing them into a sandbox. */
#include "api.h"

const SkApiModule sk_api_modules[] = {
    {NULL, sk_api_scenario_functions, NULL, NULL},
    {"cast", sk_api_cast_functions, NULL, NULL},
    {"timebok", sk_api_timebok_functions, NULL, NULL},
    {"clock", sk_api_clock_functions, NULL, NULL},
    {"desk", sk_api_desk_functions, sk_api_visit_methods, SK_VISIT_MT},
    {"phone", sk_api_phone_functions, sk_api_call_methods, SK_CALL_MT},
    {"inbox", sk_api_inbox_functions, sk_api_message_methods, SK_MESSAGE_MT},
    {"lab", sk_api_lab_functions, sk_api_task_methods, SK_TASK_MT},
    {"observe", sk_api_observe_functions, NULL, NULL},
    {"score", sk_api_score_functions, NULL, NULL},
    {"random", sk_api_random_functions, NULL, NULL},
    {"fnr", sk_api_fnr_functions, NULL, NULL},
};
const size_t sk_api_module_count = sizeof sk_api_modules / sizeof sk_api_modules[0];

void sk_api_open(lua_State *L)
{
    for (size_t i = 0; i < sk_api_module_count; i++) {
        const SkApiModule *m = &sk_api_modules[i];
        if (m->metatable) {
            luaL_newmetatable(L, m->metatable); /* mt */
            lua_newtable(L);                    /* mt methods */
            luaL_setfuncs(L, m->methods, 0);
            lua_setfield(L, -2, "__index");     /* mt */
            lua_pushstring(L, "skranken");      /* hides the metatable from scripts */
            lua_setfield(L, -2, "__metatable");
            lua_pop(L, 1);
        }
        if (m->name) {
            lua_newtable(L);
            luaL_setfuncs(L, m->functions, 0);
            lua_setglobal(L, m->name);
        } else {
            lua_pushglobaltable(L);
            luaL_setfuncs(L, m->functions, 0);
            lua_pop(L, 1);
        }
    }
}
