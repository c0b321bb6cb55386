/* The Lua sandbox: a capped allocator, an instruction budget that the script's
 * own pcall cannot swallow, our own short list of libraries, and the one
 * protected way into Lua (sk_resume). */
#include "internal.h"
#include "api.h"
#include "core/alloc.h"

#include <lualib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOOK_STEP 1000

Scenario *sk_scenario(lua_State *L)
{
    return *(Scenario **)lua_getextraspace(L);
}

/* Refuses to grow the heap past the cap; Lua turns the NULL into a memory error
 * after an emergency collection. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Scenario *sc = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        sc->mem_used -= old;
        return NULL;
    }
    if (nsize > old && sc->mem_used + (nsize - old) > sc->opts.memory_cap)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    sc->mem_used = sc->mem_used - old + nsize;
    return p;
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    Scenario *sc = sk_scenario(L);
    sc->used += sc->over_budget ? 1 : HOOK_STEP;
    if (sc->used <= sc->opts.budget && !sc->over_budget)
        return;
    if (!sc->over_budget) {
        sc->over_budget = 1;
        if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
            sc->budget_line = ar->currentline;
    }
    /* From now on every instruction raises again, so a pcall in the script only
     * delays the end by one instruction. */
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    luaL_error(L, "instruksjonsbudsjettet er brukt opp (evig løkke?)");
}

void sk_fault(Scenario *sc, const char *fmt, ...)
{
    if (sc->fault)
        return; /* the first fault is the one to report */
    va_list ap;
    va_start(ap, fmt);
    StrBuf sb;
    strbuf_init(&sb);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *text = sk_xmalloc((size_t)n + 1);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    strbuf_free(&sb);
    sc->fault = text;
    sc->finished = 1;
}


/* An error raised inside the sandbox's own prelude (string.format's wrapper, say)
 * or by a C function carries the prelude's position or none at all. Every error
 * must name the scenario file, so such a message gets the innermost line of the
 * scenario file that is on the stack. Messages that already start with the file
 * are left as they are. */
static const char *locate_in_file(const Scenario *sc, lua_State *co, const char *msg,
                                  char *buf, size_t size)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(co, level, &ar); level++) {
        if (!lua_getinfo(co, "Sl", &ar) || ar.currentline <= 0 || ar.source[0] != '@' ||
            strcmp(ar.source + 1, sc->chunkname) != 0)
            continue;
        size_t n = strlen(ar.short_src);
        if (strncmp(msg, ar.short_src, n) == 0 && msg[n] == ':')
            return msg;
        const char *rest = msg;
        if (strncmp(rest, "[skranken]:", 11) == 0) {
            rest += 11;
            rest += strspn(rest, "0123456789");
            rest += *rest == ':';
            rest += *rest == ' ';
        }
        snprintf(buf, size, "%s:%d: %s", ar.short_src, ar.currentline, rest);
        return buf;
    }
    return msg;
}

int sk_resume(Scenario *sc, lua_State *co, int nargs, const char *what)
{
    if (sc->fault)
        return -1;
    sc->used = 0;
    lua_sethook(co, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    lua_State *outer = sc->current;
    int outer_waited = sc->waited;
    sc->current = co;
    sc->waited = 0;
    int nres = 0;
    int status = lua_resume(co, sc->L, nargs, &nres);
    sc->used_total += sc->used;
    int waited = sc->waited;
    sc->current = outer;
    sc->waited = outer_waited;

    if (sc->over_budget) {
        sk_fault(sc, "I %s: %s:%d: instruksjonsbudsjettet på %lld instruksjoner er brukt opp "
                     "(evig løkke?)",
                 what, sc->chunkname, sc->budget_line, sc->opts.budget);
        return -1;
    }
    if (status == LUA_OK || status == LUA_YIELD) {
        lua_pop(co, nres);
        if (status == LUA_YIELD && !waited) {
            sk_fault(sc, "I %s: %s: coroutine.yield() ble kalt utenfor en ventefunksjon; "
                         "bruk clock.wait, ask eller observe.wait",
                     what, sc->chunkname);
            return -1;
        }
        return 0;
    }
    if (status == LUA_ERRMEM) {
        sk_fault(sc, "I %s: %s: minnegrensen på %zu MiB er nådd", what, sc->chunkname,
                 sc->opts.memory_cap >> 20);
        return -1;
    }
    char other[160], located[1024];
    const char *msg = lua_type(co, -1) == LUA_TSTRING ? lua_tostring(co, -1) : NULL;
    if (msg)
        msg = locate_in_file(sc, co, msg, located, sizeof located);
    if (!msg) {
        /* error() with a table or nil: say where, without calling its metamethods */
        lua_Debug ar;
        int line = 0;
        for (int level = 0; line <= 0 && lua_getstack(co, level, &ar); level++)
            if (lua_getinfo(co, "Sl", &ar))
                line = ar.currentline;
        snprintf(other, sizeof other, "%s:%d: error() med en %s i stedet for en tekst",
                 sc->chunkname, line, luaL_typename(co, -1));
        msg = other;
    }
    luaL_traceback(sc->L, co, msg, 0);
    free(sc->traceback);
    sc->traceback = sk_xstrdup(lua_tostring(sc->L, -1));
    lua_pop(sc->L, 1);
    sk_fault(sc, "I %s: %s", what, msg);
    return -1;
}

int sk_spawn(Scenario *sc, int fn_ref, void (*push)(lua_State *co, void *ud), void *ud,
             const char *what)
{
    if (sc->fault)
        return -1;
    if (!lua_checkstack(sc->L, 4)) {
        sk_fault(sc, "I %s: %s: Lua-stakken er full", what, sc->chunkname);
        return -1;
    }
    lua_State *co = lua_newthread(sc->L);              /* L: thread */
    int thread_ref = luaL_ref(sc->L, LUA_REGISTRYINDEX); /* L: (empty) */
    lua_rawgeti(co, LUA_REGISTRYINDEX, fn_ref);         /* co: fn */
    int nargs = 0;
    if (push) {
        int top = lua_gettop(co);
        push(co, ud);                                   /* co: fn args... */
        nargs = lua_gettop(co) - top;
    }
    /* The wait registered by the actor (if any) takes its own reference. */
    int rc = sk_resume(sc, co, nargs, what);
    luaL_unref(sc->L, LUA_REGISTRYINDEX, thread_ref);
    return rc;
}

/* --------------------------------------------------------------- libraries */

static const luaL_Reg sandbox_libs[] = {
    {LUA_GNAME, luaopen_base},
    {LUA_STRLIBNAME, luaopen_string},
    {LUA_TABLIBNAME, luaopen_table},
    {LUA_MATHLIBNAME, luaopen_math},
    {LUA_UTF8LIBNAME, luaopen_utf8},
    {LUA_COLIBNAME, luaopen_coroutine},
    {NULL, NULL},
};

/* Base functions that reach files, load code or reveal the host. */
static const char *const removed_globals[] = {
    "dofile", "loadfile", "load", "loadstring", "require", "collectgarbage", "print", "warn",
    NULL};

/* Determinism: pairs in sorted key order (the string hash seed differs between
 * runs), no addresses in tostring or string.format. Trusted code, loaded before
 * the scenario. */
static const char prelude[] =
    "local over_budget = ...\n"
    "local next, type, rawget, tsort, getmetatable = next, type, rawget, table.sort, "
    "getmetatable\n"
    "local function before(a, b)\n"
    "  local ta, tb = type(a), type(b)\n"
    "  if ta ~= tb then return ta < tb end\n"
    "  if ta == 'number' or ta == 'string' then return a < b end\n"
    "  return false\n"
    "end\n"
    "pairs = function(t)\n"
    "  local mt = getmetatable(t)\n"
    "  if type(mt) == 'table' and rawget(mt, '__pairs') then return mt.__pairs(t) end\n"
    "  if type(t) ~= 'table' then error('pairs: tabell ventet, fikk ' .. type(t), 2) end\n"
    "  local keys, n = {}, 0\n"
    "  for k in next, t do n = n + 1; keys[n] = k end\n"
    "  tsort(keys, before)\n"
    "  local i = 0\n"
    "  return function() i = i + 1; local k = keys[i]; if k ~= nil then return k, rawget(t, k) "
    "end end, t, nil\n"
    "end\n"
    "local tostring_raw = tostring\n"
    "tostring = function(v)\n"
    "  local t = type(v)\n"
    "  if t == 'table' or t == 'function' or t == 'thread' or t == 'userdata' then\n"
    "    local mt = getmetatable(v)\n"
    "    if type(mt) == 'table' and rawget(mt, '__tostring') then return tostring_raw(v) end\n"
    "    return t\n"
    "  end\n"
    "  return tostring_raw(v)\n"
    "end\n"
    "local format = string.format\n"
    "string.format = function(fmt, ...)\n"
    "  if type(fmt) == 'string' and fmt:gsub('%%%%', ''):find('%%[-+ #0-9.]*p') then\n"
    "    error('string.format: %p er ikke tillatt (adresser varierer mellom kjøringer)', 2)\n"
    "  end\n"
    "  return format(fmt, ...)\n"
    "end\n"
    /* Pattern matching runs inside one C call, where the instruction budget
     * cannot stop it, and backtracking over k unbounded repetitions costs up to
     * n^k steps per start position. Refuse a pattern whose worst case over this
     * subject exceeds PATTERN_WORK steps (docs/security.md). */
    "local sbyte, sfind, smatch, sgmatch, sgsub = string.byte, string.find, string.match, "
    "string.gmatch, string.gsub\n"
    "local PATTERN_WORK = 2e8\n"
    "local function skip_set(p, i)\n" /* i at '['; returns the index after ']' */
    "  i = i + 1\n"
    "  if sbyte(p, i) == 94 then i = i + 1 end\n"
    "  if sbyte(p, i) == 93 then i = i + 1 end\n"
    "  while i <= #p do\n"
    "    local c = sbyte(p, i)\n"
    "    if c == 37 then i = i + 2 elseif c == 93 then return i + 1 else i = i + 1 end\n"
    "  end\n"
    "  return i\n"
    "end\n"
    "local function pattern_cost(name, s, p, init)\n"
    "  if type(s) ~= 'string' and type(s) ~= 'number' then return end\n"
    "  if type(p) ~= 'string' and type(p) ~= 'number' then return end\n"
    "  s, p = tostring(s), tostring(p)\n"
    "  local n = #s\n"
    "  if type(init) == 'number' and init > 1 then n = n - init + 1 end\n"
    "  if n < 2 then return end\n"
    "  local i, q, class, anchored = 1, 0, false, sbyte(p, 1) == 94\n"
    "  if anchored then i = 2 end\n"
    "  while i <= #p do\n"
    "    local c = sbyte(p, i)\n"
    "    if c == 37 then\n" /* % */
    "      local d = sbyte(p, i + 1)\n"
    "      if d == 98 then i, class = i + 4, false\n" /* %bxy */
    "      elseif d == 102 then i, class = skip_set(p, i + 2), false\n" /* %f[set] */
    "      else i, class = i + 2, true end\n"
    "    elseif c == 91 then i, class = skip_set(p, i), true\n"
    "    elseif c == 40 or c == 41 then i, class = i + 1, false\n"
    "    elseif class and (c == 42 or c == 43 or c == 45) then q, i, class = q + 1, i + 1, false\n"
    "    elseif class and c == 63 then i, class = i + 1, false\n"
    "    else i, class = i + 1, true end\n"
    "  end\n"
    "  local work = anchored and 1 or n\n"
    "  for _ = 1, q do\n"
    "    work = work * n\n"
    "    if work > PATTERN_WORK then\n"
    "      error(name .. ': mønsteret har for mange gjentakelser (*, +, -) for en tekst på '"
    " .. n .. ' tegn; del opp teksten eller bruk et enklere mønster', 3)\n"
    "    end\n"
    "  end\n"
    "end\n"
    "string.find = function(s, p, init, plain)\n"
    "  if not plain then pattern_cost('string.find', s, p, init) end\n"
    "  return sfind(s, p, init, plain)\n"
    "end\n"
    "string.match = function(s, p, init)\n"
    "  pattern_cost('string.match', s, p, init)\n"
    "  return smatch(s, p, init)\n"
    "end\n"
    "string.gmatch = function(s, p, init)\n"
    "  pattern_cost('string.gmatch', s, p, init)\n"
    "  return sgmatch(s, p, init)\n"
    "end\n"
    "string.gsub = function(s, p, r, n)\n"
    "  pattern_cost('string.gsub', s, p)\n"
    "  return sgsub(s, p, r, n)\n"
    "end\n"
    /* Finalizers run with hooks off: one that loops would never be stopped. In
     * Lua 5.4 an object is marked for finalization only if __gc is present when
     * setmetatable is called, so checking here is enough. */
    "local raw_setmetatable = setmetatable\n"
    "setmetatable = function(t, mt)\n"
    "  if type(mt) == 'table' and rawget(mt, '__gc') ~= nil then\n"
    "    error('setmetatable: __gc er ikke tillatt i scenarioer', 2)\n"
    "  end\n"
    "  return raw_setmetatable(t, mt)\n"
    "end\n"
    /* A budget error is raised inside the count hook, where hooks are off; an
     * xpcall message handler would then run unstoppable. Past the budget the
     * script's handler is skipped. */
    "local raw_xpcall = xpcall\n"
    "xpcall = function(f, handler, ...)\n"
    "  return raw_xpcall(f, function(e)\n"
    "    if over_budget() then return e end\n"
    "    return handler(e)\n"
    "  end, ...)\n"
    "end\n";

static int over_budget(lua_State *L)
{
    lua_pushboolean(L, sk_scenario(L)->over_budget);
    return 1;
}

static int random_float(lua_State *L);

/* Opens our libraries only, then takes out what a scenario must not have. */
static int open_sandbox(lua_State *L)
{
    for (const luaL_Reg *lib = sandbox_libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    for (const char *const *name = removed_globals; *name; name++) {
        lua_pushnil(L);
        lua_setglobal(L, *name);
    }
    lua_getglobal(L, LUA_STRLIBNAME); /* string */
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_getglobal(L, LUA_COLIBNAME); /* coroutine */
    lua_pushnil(L);
    lua_setfield(L, -2, "running"); /* would hand out the engine's actor threads */
    lua_pop(L, 1);
    lua_getglobal(L, LUA_MATHLIBNAME); /* math */
    lua_pushcfunction(L, random_float);
    lua_setfield(L, -2, "random");
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    /* Loaded as text with a name that shows it is ours. */
    if (sk_cache_load(sk_scenario(L)->opts.cache, L, prelude, sizeof prelude - 1, "=[skranken]") !=
        LUA_OK)
        return -1;
    lua_pushcfunction(L, over_budget);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK)
        return -1;
    sk_api_open(L);
    /* Package and the registry's loaded table stay out of reach: there is no
     * require, and _LOADED is only in the registry. */
    return 0;
}

/* math.random from the simulation stream: () -> [0,1), (m) -> [1,m], (m,n) -> [m,n]. */
static int random_float(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    Rng *rng = &sc->world->sim_rng;
    int n = lua_gettop(L);
    if (n == 0) {
        lua_pushnumber(L, rng_unit(rng));
        return 1;
    }
    lua_Integer lo = 1, hi = 0;
    if (n == 1) {
        hi = luaL_checkinteger(L, 1);
    } else if (n == 2) {
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
    } else {
        return luaL_error(L, "math.random tar 0, 1 eller 2 argumenter");
    }
    luaL_argcheck(L, lo <= hi, n, "tomt intervall");
    lua_pushinteger(L, (lua_Integer)rng_range(rng, lo, hi));
    return 1;
}

lua_State *sk_sandbox_new(Scenario *sc)
{
    lua_State *L = lua_newstate(capped_alloc, sc);
    if (!L)
        return NULL;
    *(Scenario **)lua_getextraspace(L) = sc;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    sc->used = 0;
    if (open_sandbox(L) != 0) {
        lua_close(L);
        return NULL;
    }
    return L;
}

void sk_sandbox_close(Scenario *sc)
{
    if (!sc->L)
        return;
    /* Finalizers a script set run now: give them a fresh budget. */
    sc->used = 0;
    sc->over_budget = 0;
    lua_sethook(sc->L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    lua_close(sc->L);
    sc->L = NULL;
}
