/* score.award, score.deduct, score.critical, score.total: scoring declared where
 * the decision happens, against the goals the scenario declared. */
#include "internal.h"
#include "api.h"

#include <string.h>

static const char *const award_keys[] = {"rule", "text", "better", NULL};

static const char *opt_text(lua_State *L, int idx, const char *field, int need)
{
    const char *s = sk_opt_field_string(L, idx, field);
    if (need && (!s || !*s))
        luaL_error(L, "feltet %s mangler (debrief-teksten eleven ser)", field);
    if (s && (strlen(s) > 2000 || !text_is_clean_utf8(s, strlen(s))))
        luaL_error(L, "feltet %s må være gyldig UTF-8 under 2000 byte", field);
    return s;
}

static const GoalPlan *check_goal(lua_State *L, int idx)
{
    Scenario *sc = sk_scenario(L);
    const char *goal = luaL_checkstring(L, idx);
    const GoalPlan *g = meta_find_goal(&sc->meta, goal);
    if (!g)
        luaL_error(L, "målet «%s» står ikke i scenario{ goals = ... }", goal);
    return g;
}

/* score.award(goal, points, {text=, rule=}) / score.deduct(goal, points, {text=, rule=, better=}) */
static int add_points(lua_State *L, ScoreKind kind)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, kind == SCORE_AWARD ? "score.award" : "score.deduct");
    const GoalPlan *g = check_goal(L, 1);
    lua_Integer points = luaL_checkinteger(L, 2);
    if (points < 1 || points > g->max)
        return luaL_error(L, "poeng må være 1-%d for målet «%s»", g->max, g->id);
    luaL_checktype(L, 3, LUA_TTABLE);
    sk_check_keys(L, 3, "score", award_keys);
    const char *text = opt_text(L, 3, "text", 1);
    const char *rule = opt_text(L, 3, "rule", 0);
    const char *better = opt_text(L, 3, "better", 0);
    eventlog_add_score(&sc->world->log, sc->world->clock.now, kind, g->id, (int)points, rule,
                       text, better);
    return 0;
}

static int l_award(lua_State *L) { return add_points(L, SCORE_AWARD); }
static int l_deduct(lua_State *L) { return add_points(L, SCORE_DEDUCT); }

/* score.critical(goal, {rule=, text=, better=}): a critical error; the attempt
 * is not passed whatever the points. rule and better are required. */
static int l_critical(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "score.critical");
    const GoalPlan *g = check_goal(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    sk_check_keys(L, 2, "score.critical", award_keys);
    const char *text = opt_text(L, 2, "text", 1);
    const char *rule = opt_text(L, 2, "rule", 1);
    const char *better = opt_text(L, 2, "better", 1);
    eventlog_add_score(&sc->world->log, sc->world->clock.now, SCORE_CRITICAL, g->id, 0, rule,
                       text, better);
    return 0;
}

/* score.total(goal) -> points so far (awards minus deductions, not clamped) */
static int l_total(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    const GoalPlan *g = check_goal(L, 1);
    lua_Integer total = 0;
    for (size_t i = 0; i < sc->world->log.count; i++) {
        const Event *e = &sc->world->log.items[i];
        if (e->kind != EVENT_SCORE || strcmp(e->goal, g->id) != 0)
            continue;
        if (e->score_kind == SCORE_AWARD)
            total += e->points;
        else if (e->score_kind == SCORE_DEDUCT)
            total -= e->points;
    }
    lua_pushinteger(L, total);
    return 1;
}

/* score.criticals() -> how many critical errors so far */
static int l_criticals(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    lua_Integer n = 0;
    for (size_t i = 0; i < sc->world->log.count; i++)
        n += sc->world->log.items[i].kind == EVENT_SCORE &&
             sc->world->log.items[i].score_kind == SCORE_CRITICAL;
    lua_pushinteger(L, n);
    return 1;
}

const luaL_Reg sk_api_score_functions[] = {
    {"award", l_award},
    {"deduct", l_deduct},
    {"critical", l_critical},
    {"total", l_total},
    {"criticals", l_criticals},
    {NULL, NULL},
};
