/* random.* from the simulation stream (the seed decides everything), and fnr.*
 * for synthetic fødselsnummer. */
#include "internal.h"
#include "api.h"
#include "core/fnr.h"

#include <stdio.h>
#include <string.h>

static Rng *sim_rng(lua_State *L)
{
    return &sk_scenario(L)->world->sim_rng;
}

/* random.int(lo, hi) -> integer in [lo, hi] */
static int l_int(lua_State *L)
{
    lua_Integer lo = luaL_checkinteger(L, 1), hi = luaL_checkinteger(L, 2);
    luaL_argcheck(L, lo <= hi, 2, "hi må være >= lo");
    lua_pushinteger(L, (lua_Integer)rng_range(sim_rng(L), lo, hi));
    return 1;
}

/* random.pick(list) -> one element */
static int l_pick(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    luaL_argcheck(L, n > 0, 1, "listen er tom");
    lua_geti(L, 1, rng_range(sim_rng(L), 1, n));
    return 1;
}

/* random.shuffle(list) -> a new list with the same elements in random order */
static int l_shuffle(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    luaL_argcheck(L, n <= 100000, 1, "listen er for lang");
    lua_createtable(L, (int)n, 0); /* 1: list 2: copy */
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        lua_rawseti(L, 2, i);
    }
    for (lua_Integer i = n; i > 1; i--) {
        lua_Integer j = rng_range(sim_rng(L), 1, i);
        lua_rawgeti(L, 2, i);
        lua_rawgeti(L, 2, j);
        lua_rawseti(L, 2, i);
        lua_rawseti(L, 2, j);
    }
    return 1;
}

const luaL_Reg sk_api_random_functions[] = {
    {"int", l_int},
    {"pick", l_pick},
    {"shuffle", l_shuffle},
    {NULL, NULL},
};

static uint64_t next_from(void *ctx)
{
    return rng_next(ctx);
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static const char *const synthetic_keys[] = {"year", "month", "day", "sex", NULL};

/* fnr.synthetic{year=, month=, day=, sex="K"|"M"} -> a valid synthetic number
 * (month + 80). year may be {from, to}; month, day and sex are drawn if left out. */
static int l_synthetic(lua_State *L)
{
    Rng *rng = sim_rng(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sk_check_keys(L, 1, "fnr.synthetic", synthetic_keys);
    lua_Integer year = 0;
    lua_getfield(L, 1, "year"); /* 1: spec 2: year */
    if (lua_istable(L, 2)) {
        lua_geti(L, 2, 1);
        lua_geti(L, 2, 2);
        lua_Integer lo = luaL_checkinteger(L, 3), hi = luaL_checkinteger(L, 4);
        if (lo > hi || lo < 1855 || hi > 2039)
            return luaL_error(L, "fnr.synthetic: year = {fra, til} innenfor 1855-2039");
        year = rng_range(rng, lo, hi);
        lua_pop(L, 2);
    } else {
        year = luaL_checkinteger(L, 2);
        if (year < 1855 || year > 2039)
            return luaL_error(L, "fnr.synthetic: year må være innenfor 1855-2039");
    }
    lua_getfield(L, 1, "month");
    lua_Integer month = lua_isnil(L, -1) ? rng_range(rng, 1, 12) : luaL_checkinteger(L, -1);
    if (month < 1 || month > 12)
        return luaL_error(L, "fnr.synthetic: month må være 1-12");
    lua_getfield(L, 1, "day");
    lua_Integer day = lua_isnil(L, -1) ? rng_range(rng, 1, days_in_month((int)year, (int)month))
                                       : luaL_checkinteger(L, -1);
    if (day < 1 || day > days_in_month((int)year, (int)month))
        return luaL_error(L, "fnr.synthetic: day finnes ikke i den måneden");
    const char *sex = sk_opt_field_string(L, 1, "sex");
    int male = 0;
    if (!sex)
        male = (int)rng_range(rng, 0, 1);
    else if (strcmp(sex, "M") == 0 || strcmp(sex, "K") == 0)
        male = sex[0] == 'M';
    else
        return luaL_error(L, "fnr.synthetic: sex må være \"K\" (kvinne) eller \"M\" (mann)");
    char out[12];
    if (fnr_make_synthetic((int)year, (int)month, (int)day, male, next_from, rng, out) != 0)
    {
        /* lua_pushfstring knows no widths: format the date here. */
        char date[32];
        snprintf(date, sizeof date, "%04d-%02d-%02d", (int)year, (int)month, (int)day);
        return luaL_error(L, "fnr.synthetic: kan ikke lage nummer for %s", date);
    }
    lua_pushstring(L, out);
    return 1;
}

/* fnr.info(text) -> {kind=, year=, month=, day=, sex=} or nil, message */
static int l_info(lua_State *L)
{
    const char *text = luaL_checkstring(L, 1);
    FnrInfo info;
    FnrError e = fnr_parse(text, &info);
    if (e != FNR_OK) {
        lua_pushnil(L);
        lua_pushstring(L, fnr_strerror(e));
        return 2;
    }
    static const char *const kinds[] = {"ordinary", "d", "h", "synthetic", "synthetic_d"};
    lua_createtable(L, 0, 5);
    lua_pushstring(L, kinds[info.kind]);
    lua_setfield(L, -2, "kind");
    lua_pushinteger(L, info.year);
    lua_setfield(L, -2, "year");
    lua_pushinteger(L, info.month);
    lua_setfield(L, -2, "month");
    lua_pushinteger(L, info.day);
    lua_setfield(L, -2, "day");
    lua_pushstring(L, info.male ? "M" : "K");
    lua_setfield(L, -2, "sex");
    return 1;
}

/* fnr.valid(text) -> true if it passes mod 11 and has a real date */
static int l_valid(lua_State *L)
{
    lua_pushboolean(L, fnr_parse(luaL_checkstring(L, 1), NULL) == FNR_OK);
    return 1;
}

const luaL_Reg sk_api_fnr_functions[] = {
    {"synthetic", l_synthetic},
    {"info", l_info},
    {"valid", l_valid},
    {NULL, NULL},
};
