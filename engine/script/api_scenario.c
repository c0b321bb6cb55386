/* scenario{...} (metadata), finish(), on_end(fn), mode(). */
#include "internal.h"
#include "api.h"
#include "core/alloc.h"

#include <stdlib.h>
#include <string.h>

static const char *const meta_keys[] = {"id", "title", "version", "language", "summary",
                                        "start", "duration", "difficulty", "modes", "goals",
                                        NULL};

static int compare_goals(const void *a, const void *b)
{
    return strcmp(((const GoalPlan *)a)->id, ((const GoalPlan *)b)->id);
}

/* Checks goals = { [id] = max, ... } without allocating; returns the count. */
static size_t check_goals(lua_State *L, Scenario *sc)
{
    size_t count = 0;
    lua_getfield(L, 1, "goals"); /* 1: meta, 2: goals */
    if (!lua_istable(L, -1))
        luaL_error(L, "scenario: goals mangler; skriv goals = { [\"mål-id\"] = makspoeng, ... }");
    lua_pushnil(L);
    while (lua_next(L, 2)) { /* goals key value */
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "scenario: goals må ha mål-id som nøkler: goals = { [\"id\"] = 4 }");
        const char *id = lua_tostring(L, -2);
        if (!text_is_identifier(id) || strlen(id) > 64)
            luaL_error(L, "scenario: mål-id «%s» kan bare ha a-z, tall, _ - og .", id);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > 1000)
            luaL_error(L, "scenario: makspoeng for «%s» må være et heltall 1-1000", id);
        if (sc->opts.goal_known && !sc->opts.goal_known(sc->opts.goal_ctx, id))
            luaL_error(L, "scenario: ukjent mål «%s» (finnes ikke i kompetansekatalogen)", id);
        count++;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    if (count == 0)
        luaL_error(L, "scenario: goals er tom; scenarioet må vurdere minst ett mål");
    return count;
}

/* Copies the checked goals; raises nothing. */
static void read_goals(lua_State *L, ScenarioMeta *m, size_t count)
{
    m->goals = sk_xcalloc(count, sizeof *m->goals);
    lua_getfield(L, 1, "goals");
    lua_pushnil(L);
    while (lua_next(L, -2) && m->goal_count < count) {
        m->goals[m->goal_count].id = sk_xstrdup(lua_tostring(L, -2));
        m->goals[m->goal_count].max = (int)lua_tointeger(L, -1);
        m->goal_count++;
        lua_pop(L, 1);
    }
    lua_settop(L, 1);
    qsort(m->goals, m->goal_count, sizeof *m->goals, compare_goals);
}

static const char *checked_line(lua_State *L, const char *field, int need)
{
    const char *s = sk_opt_field_string(L, 1, field);
    if (need && (!s || !*s))
        luaL_error(L, "scenario: feltet %s mangler", field);
    if (s && (!text_is_clean_utf8(s, strlen(s)) || strlen(s) > 300))
        luaL_error(L, "scenario: feltet %s må være kort, gyldig UTF-8-tekst", field);
    return s;
}

/* Every check runs before the first allocation, so a Lua error (a longjmp) can
 * never leak engine memory. */
static int l_scenario(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    if (sc->have_meta)
        return luaL_error(L, "scenario{} kan bare brukes én gang");
    if (!sc->loading)
        return luaL_error(L, "scenario{} hører hjemme øverst i filen");
    sk_check_keys(L, 1, "scenario", meta_keys);

    /* Validate everything before allocating anything. */
    const char *id = checked_line(L, "id", 1);
    const char *title = checked_line(L, "title", 1);
    const char *version = checked_line(L, "version", 1);
    const char *summary = checked_line(L, "summary", 0);
    if (!text_is_identifier(id) || strlen(id) > 64)
        return luaL_error(L, "scenario: id «%s» kan bare ha a-z, tall, _ - og .", id);
    const char *lang = sk_opt_field_string(L, 1, "language");
    if (lang && strcmp(lang, "nb") != 0 && strcmp(lang, "nn") != 0 && strcmp(lang, "en") != 0)
        return luaL_error(L, "scenario: language må være nb, nn eller en");
    SimTime start = 8 * SIMTIME_HOUR;
    const char *start_text = sk_opt_field_string(L, 1, "start");
    if (start_text && simtime_parse(start_text, &start) != 0)
        return luaL_error(L, "scenario: start må være et klokkeslett TT:MM");
    lua_getfield(L, 1, "duration");
    if (!lua_isnumber(L, -1) || lua_tonumber(L, -1) < 1 || lua_tonumber(L, -1) > 240)
        return luaL_error(L, "scenario: duration (minutter simulert tid, 1-240) mangler");
    SimTime duration = (SimTime)(lua_tonumber(L, -1) * 60000.0);
    lua_pop(L, 1);
    if (start + duration >= SIMTIME_DAY)
        return luaL_error(L, "scenario: start + duration går over midnatt");
    lua_getfield(L, 1, "difficulty");
    int difficulty = lua_isnil(L, -1) ? 1 : (int)lua_tointeger(L, -1);
    if (difficulty < 1 || difficulty > 5)
        return luaL_error(L, "scenario: difficulty må være et heltall 1-5");
    lua_pop(L, 1);
    int practice = 1, exam = 1;
    lua_getfield(L, 1, "modes");
    if (!lua_isnil(L, -1)) {
        if (!lua_istable(L, -1))
            return luaL_error(L, "scenario: modes må være en liste, f.eks. {\"practice\", \"exam\"}");
        practice = exam = 0;
        lua_Integer n = luaL_len(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_geti(L, -1, i);
            const char *mode = lua_tostring(L, -1);
            if (mode && strcmp(mode, "practice") == 0)
                practice = 1;
            else if (mode && strcmp(mode, "exam") == 0)
                exam = 1;
            else
                return luaL_error(L, "scenario: ukjent modus i modes (practice, exam)");
            lua_pop(L, 1);
        }
        if (!practice && !exam)
            return luaL_error(L, "scenario: modes er tom");
    }
    lua_pop(L, 1);
    size_t goal_count = check_goals(L, sc);
    unsigned given = 0;
    for (unsigned i = 0; meta_keys[i]; i++) {
        lua_getfield(L, 1, meta_keys[i]);
        if (!lua_isnil(L, -1))
            given |= 1u << i;
        lua_pop(L, 1);
    }
    /* Nothing below raises. */
    ScenarioMeta m;
    memset(&m, 0, sizeof m);
    m.line = sk_current_line(L);
    m.id = sk_xstrdup(id);
    m.title = sk_xstrdup(title);
    m.version = sk_xstrdup(version);
    m.language = sk_xstrdup(lang ? lang : "nb");
    m.summary = sk_xstrdup(summary);
    read_goals(L, &m, goal_count);
    m.start = start;
    m.duration = duration;
    m.difficulty = difficulty;
    m.practice = practice;
    m.exam = exam;
    sc->meta = m;
    sc->meta_given = given;
    sc->have_meta = 1;
    sc->end_time = start + duration;
    sc->world->clock.now = sc->world->clock.start = start;
    return 0;
}

int scenario_meta_given(const Scenario *sc, const char *field)
{
    for (unsigned i = 0; meta_keys[i]; i++)
        if (strcmp(meta_keys[i], field) == 0)
            return (sc->meta_given >> i) & 1u;
    return 0;
}

static int l_finish(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "finish()");
    if (!sc->finished) {
        sc->finished = 1;
        const char *text = luaL_optstring(L, 1, "Scenarioet er ferdig");
        eventlog_add_happening(&sc->world->log, sc->world->clock.now, "finish", NULL, text);
    }
    if (sc->current == L) {
        sc->waited = 1; /* a deliberate stop, not a stray yield */
        return lua_yield(L, 0);
    }
    return 0;
}

static int l_on_end(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    SK_GROW(sc->end_hooks, sc->end_hook_count, sc->end_hook_cap);
    sc->end_hooks[sc->end_hook_count++] = ref;
    return 0;
}

static int l_mode(lua_State *L)
{
    lua_pushstring(L, sk_scenario(L)->opts.exam ? "exam" : "practice");
    return 1;
}

const luaL_Reg sk_api_scenario_functions[] = {
    {"scenario", l_scenario},
    {"finish", l_finish},
    {"on_end", l_on_end},
    {"mode", l_mode},
    {NULL, NULL},
};
