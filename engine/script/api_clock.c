/* clock.at, clock.after, clock.wait, clock.now, clock.elapsed. */
#include "internal.h"
#include "api.h"

#include <stdio.h>

static void need_meta(lua_State *L, const char *what)
{
    if (!sk_scenario(L)->have_meta)
        luaL_error(L, "%s: scenario{ ... } må komme først i filen", what);
}

static int schedule(lua_State *L, SimTime t, const char *what)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    if (t < sc->world->clock.now)
        return luaL_error(L, "%s: tidspunktet er allerede passert", what);
    if (t > sc->end_time)
        return luaL_error(L, "%s: tidspunktet er etter at scenarioet slutter", what);
    lua_settop(L, 2);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    char label[48], tb[16];
    snprintf(label, sizeof label, "%s %s", what, simtime_format(t, tb, sizeof tb));
    sk_add_timer(sc, t, ref, label);
    return 0;
}

static int l_at(lua_State *L)
{
    need_meta(L, "clock.at");
    return schedule(L, sk_check_clock(L, 1), "clock.at");
}

static int l_after(lua_State *L)
{
    need_meta(L, "clock.after");
    SimTime delay = sk_check_seconds(L, 1);
    return schedule(L, sk_scenario(L)->world->clock.now + delay, "clock.after");
}

static int l_wait(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    SimTime delay = sk_check_seconds(L, 1);
    return sk_wait(L, WAIT_TIME, sc->world->clock.now + delay, NULL, NULL);
}

static int l_now(lua_State *L)
{
    char tb[16];
    lua_pushstring(L, simtime_format(sk_scenario(L)->world->clock.now, tb, sizeof tb));
    return 1;
}

static int l_elapsed(lua_State *L)
{
    lua_pushnumber(L, (lua_Number)clock_elapsed(&sk_scenario(L)->world->clock) / 1000.0);
    return 1;
}

const luaL_Reg sk_api_clock_functions[] = {
    {"at", l_at},
    {"after", l_after},
    {"wait", l_wait},
    {"now", l_now},
    {"elapsed", l_elapsed},
    {NULL, NULL},
};
