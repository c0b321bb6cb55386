/* observe.*: the scenario watches the trainee's actions. */
#include "internal.h"
#include "api.h"

#include <string.h>

static const char *const wait_skip[] = {"timeout", NULL};

/* observe.on(kind | {kind=, field=value...}, fn): fn(action) runs for every
 * matching action, as its own event. */
static int l_on(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    ActionFilter f;
    sk_filter_read(L, 1, &f, NULL);
    lua_settop(L, 2);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    sk_add_observer(sc, &f, ref);
    return 0;
}

/* observe.wait{kind=, field=value..., timeout=s} -> the action, or nil on timeout. */
static int l_wait(lua_State *L)
{
    sk_check_running(L, "observe.wait");
    SimTime deadline = lua_istable(L, 1) ? sk_opt_timeout(L, 1) : SIMTIME_NEVER;
    ActionFilter f;
    sk_filter_read(L, 1, &f, wait_skip);
    if (sk_scenario(L)->current != L) {
        sk_filter_free(&f);
        return luaL_error(L, "observe.wait kan bare brukes i hendelsens egen tråd");
    }
    return sk_wait(L, WAIT_ACTION, deadline, "observe.wait", &f);
}

static void collect(lua_State *L, int push)
{
    Scenario *sc = sk_scenario(L);
    ActionFilter f;
    sk_filter_read(L, 1, &f, NULL);
    const EventLog *log = &sc->world->log;
    lua_Integer n = 0;
    if (push)
        lua_newtable(L);
    for (size_t i = 0; i < log->count; i++) {
        const Event *e = &log->items[i];
        if (e->kind != EVENT_ACTION || !sk_filter_match(&f, &e->action))
            continue;
        n++;
        if (push) {
            sk_push_action(L, &e->action);
            lua_rawseti(L, -2, n);
        }
    }
    sk_filter_free(&f);
    if (!push)
        lua_pushinteger(L, n);
}

/* observe.count(filter) -> how many matching actions so far */
static int l_count(lua_State *L)
{
    collect(L, 0);
    return 1;
}

/* observe.list(filter) -> the matching actions so far, oldest first */
static int l_list(lua_State *L)
{
    collect(L, 1);
    return 1;
}

/* observe.screen() -> {locked=bool, record=id or nil} */
static int l_screen(lua_State *L)
{
    World *w = sk_scenario(L)->world;
    lua_createtable(L, 0, 2);
    lua_pushboolean(L, w->screen_locked);
    lua_setfield(L, -2, "locked");
    if (w->open_record) {
        lua_pushstring(L, w->open_record);
        lua_setfield(L, -2, "record");
    }
    return 1;
}

const luaL_Reg sk_api_observe_functions[] = {
    {"on", l_on},
    {"wait", l_wait},
    {"count", l_count},
    {"list", l_list},
    {"screen", l_screen},
    {NULL, NULL},
};
