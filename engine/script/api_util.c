/* Argument checking shared by the binding files. Every error names what was
 * wrong in bokmål; luaL_error adds the author's file:line. */
#include "internal.h"
#include "api.h"

#include <string.h>

int sk_current_line(lua_State *L)
{
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
            return ar.currentline;
    }
    return 0;
}

void sk_check_running(lua_State *L, const char *what)
{
    if (sk_scenario(L)->loading)
        luaL_error(L, "%s kan bare brukes inne i en hendelse (clock.at, clock.after, "
                      "observe.on), ikke mens filen lastes",
                   what);
}

const char *sk_check_person(lua_State *L, int idx)
{
    const char *id = NULL;
    if (lua_type(L, idx) == LUA_TTABLE) {
        lua_getfield(L, idx, "id");
        id = lua_tostring(L, -1);
        lua_pop(L, 1); /* the string stays alive: it is a field of the table */
    } else if (lua_type(L, idx) == LUA_TSTRING) {
        id = lua_tostring(L, idx);
    }
    if (!id)
        luaL_argerror(L, idx, "en person (fra cast) eller en person-id ventet");
    if (!world_person(sk_scenario(L)->world, id))
        luaL_error(L, "ukjent person «%s» (ikke i rollelisten)", id);
    return id;
}

const char *sk_opt_field_string(lua_State *L, int idx, const char *field)
{
    lua_getfield(L, idx, field);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return NULL;
    }
    if (lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "feltet %s må være tekst, ikke %s", field, luaL_typename(L, -1));
    const char *s = lua_tostring(L, -1);
    lua_pop(L, 1); /* still referenced by the table */
    return s;
}

const char *sk_check_field_string(lua_State *L, int idx, const char *field)
{
    const char *s = sk_opt_field_string(L, idx, field);
    if (!s || !*s)
        luaL_error(L, "feltet %s mangler", field);
    return s;
}

SimTime sk_check_seconds(lua_State *L, int idx)
{
    lua_Number s = luaL_checknumber(L, idx);
    if (!(s >= 0 && s <= 86400))
        luaL_argerror(L, idx, "sekunder mellom 0 og 86400 ventet");
    SimTime t = (SimTime)(s * 1000.0 + 0.5);
    /* A positive time is at least a millisecond: what is left of subtracting two
     * clock times (300 - 299.99999999999994) would otherwise end a wait at once,
     * and a loop that waits for "the rest" would never see the clock move. */
    return t == 0 && s > 0 ? 1 : t;
}

SimTime sk_opt_timeout(lua_State *L, int idx)
{
    if (lua_isnoneornil(L, idx))
        return SIMTIME_NEVER;
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_getfield(L, idx, "timeout");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return SIMTIME_NEVER;
    }
    SimTime t = sk_check_seconds(L, -1);
    lua_pop(L, 1);
    return sk_scenario(L)->world->clock.now + t;
}

SimTime sk_check_clock(lua_State *L, int idx)
{
    const char *text = luaL_checkstring(L, idx);
    SimTime t = 0;
    if (simtime_parse(text, &t) != 0)
        luaL_argerror(L, idx, "klokkeslett «TT:MM» eller «TT:MM:SS» ventet");
    return t;
}

void sk_check_keys(lua_State *L, int idx, const char *what, const char *const *keys)
{
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) { /* ... key value */
        int ok = 0;
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            for (const char *const *p = keys; *p && !ok; p++)
                ok = strcmp(*p, k) == 0;
            if (!ok) {
                luaL_Buffer b;
                lua_pop(L, 1); /* ... key */
                luaL_buffinit(L, &b);
                for (const char *const *p = keys; *p; p++) {
                    luaL_addstring(&b, p == keys ? "" : ", ");
                    luaL_addstring(&b, *p);
                }
                luaL_pushresult(&b); /* ... key list */
                luaL_error(L, "%s: ukjent felt «%s» (tillatt: %s)", what, lua_tostring(L, -2),
                           lua_tostring(L, -1));
            }
        } else {
            luaL_error(L, "%s: bare navngitte felt er tillatt", what);
        }
        lua_pop(L, 1);
    }
}

void sk_push_handle(lua_State *L, const char *metatable, const char *field, const char *id)
{
    lua_createtable(L, 0, 1);
    lua_pushstring(L, id);
    lua_setfield(L, -2, field);
    luaL_setmetatable(L, metatable);
}

const char *sk_check_handle(lua_State *L, int idx, const char *metatable, const char *field)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        luaL_argerror(L, idx, "kall metoden med kolon: handle:metode(...)");
    luaL_getmetatable(L, metatable);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (!same)
        luaL_argerror(L, idx, "feil slags objekt (kall metoden med kolon)");
    lua_getfield(L, idx, field);
    const char *id = lua_tostring(L, -1);
    lua_pop(L, 1);
    if (!id)
        luaL_argerror(L, idx, "objektet mangler id");
    return id;
}
