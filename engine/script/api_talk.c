/* desk.* and phone.*: people who come to the counter or call, and the dialogue
 * with them (ask, ask_text, say), shared by visits and calls. */
#include "internal.h"
#include "api.h"

#include <stdio.h>
#include <string.h>

#define MAX_OPTIONS 9

static const char *checked_line_arg(lua_State *L, int idx, const char *what)
{
    size_t len = 0;
    const char *s = luaL_checklstring(L, idx, &len);
    if (len == 0 || len > 2000 || !text_is_clean_utf8(s, len))
        luaL_error(L, "%s: teksten må være 1-2000 byte gyldig UTF-8", what);
    return s;
}

/* Reads {{"key", "text"}, ...} at idx; checks all before touching the world. */
static int check_options(lua_State *L, int idx)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_Integer n = luaL_len(L, idx);
    if (n < 1 || n > MAX_OPTIONS)
        return luaL_error(L, "ask: 1-%d svaralternativer ventet, fikk %d", MAX_OPTIONS, (int)n);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, idx, i); /* ... option */
        if (!lua_istable(L, -1))
            return luaL_error(L, "ask: alternativ %d må være {\"nøkkel\", \"tekst\"}", (int)i);
        lua_geti(L, -1, 1);
        lua_geti(L, -2, 2); /* ... option key text */
        const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        const char *text = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (!key || !text_is_identifier(key) || strlen(key) > 64)
            return luaL_error(L, "ask: alternativ %d trenger en nøkkel av a-z, tall, _ - .",
                              (int)i);
        if (!text || !*text || strlen(text) > 2000 || !text_is_clean_utf8(text, strlen(text)))
            return luaL_error(L, "ask: alternativ %d («%s») trenger en tekst", (int)i, key);
        for (lua_Integer j = 1; j < i; j++) {
            lua_geti(L, idx, j);
            lua_geti(L, -1, 1);
            int same = lua_rawequal(L, -1, -4);
            lua_pop(L, 2);
            if (same)
                return luaL_error(L, "ask: nøkkelen «%s» står to ganger", key);
        }
        lua_pop(L, 3);
    }
    return (int)n;
}

/* handle:ask(question, options [, {timeout=s}]) -> chosen key, or nil if the
 * conversation ended or timed out. */
static int talk_ask(lua_State *L, const char *person)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "ask");
    const char *question = checked_line_arg(L, 2, "ask");
    int n = check_options(L, 3);
    SimTime deadline = sk_opt_timeout(L, 4);
    if (sc->current != L)
        return luaL_error(L, "ask kan bare brukes i hendelsens egen tråd, ikke i en egen coroutine");
    char err[256];
    Prompt *p = world_open_prompt(sc->world, person, PROMPT_CHOICE, question, err, sizeof err);
    if (!p)
        return luaL_error(L, "ask: %s", err);
    for (int i = 1; i <= n; i++) {
        lua_geti(L, 3, i);
        lua_geti(L, -1, 1);
        lua_geti(L, -2, 2);
        strlist_push(&p->keys, lua_tostring(L, -2));
        strlist_push(&p->texts, lua_tostring(L, -1));
        lua_pop(L, 3);
    }
    eventlog_add_say(&sc->world->log, sc->world->clock.now, person, NULL, question);
    return sk_wait(L, WAIT_REPLY, deadline, person, NULL);
}

static int talk_ask_text(lua_State *L, const char *person)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "ask_text");
    const char *question = checked_line_arg(L, 2, "ask_text");
    SimTime deadline = sk_opt_timeout(L, 3);
    if (sc->current != L)
        return luaL_error(L, "ask_text kan bare brukes i hendelsens egen tråd");
    char err[256];
    if (!world_open_prompt(sc->world, person, PROMPT_TEXT, question, err, sizeof err))
        return luaL_error(L, "ask_text: %s", err);
    /* An instruction to the trainee, shown at the typing field: not a spoken line. */
    eventlog_add_happening(&sc->world->log, sc->world->clock.now, "prompt", person, question);
    return sk_wait(L, WAIT_REPLY, deadline, person, NULL);
}

static int talk_say(lua_State *L, const char *person)
{
    Scenario *sc = sk_scenario(L);
    const char *text = checked_line_arg(L, 2, "say");
    eventlog_add_say(&sc->world->log, sc->world->clock.now, person, NULL, text);
    return 0;
}

/* ------------------------------------------------------------------ desk */

static const char *visit_person(lua_State *L)
{
    return sk_check_handle(L, 1, SK_VISIT_MT, "person");
}

static Visit *visit_of(lua_State *L)
{
    Visit *v = world_visit(sk_scenario(L)->world, visit_person(L));
    if (!v)
        luaL_error(L, "besøket finnes ikke");
    return v;
}

/* desk.arrive(person) -> visit */
static int l_arrive(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "desk.arrive");
    const char *person = sk_check_person(L, 1);
    char err[256];
    if (!world_arrive(sc->world, person, err, sizeof err))
        return luaL_error(L, "desk.arrive: %s", err);
    sk_push_handle(L, SK_VISIT_MT, "person", person);
    return 1;
}

/* desk.waiting() -> list of person ids in the queue, in order of arrival. */
static int l_waiting(lua_State *L)
{
    World *w = sk_scenario(L)->world;
    lua_newtable(L);
    int n = 0;
    for (size_t i = 0; i < w->visit_count; i++)
        if (w->visits[i].state == VISIT_WAITING) {
            lua_pushstring(L, w->visits[i].person);
            lua_rawseti(L, -2, ++n);
        }
    return 1;
}

static int v_ask(lua_State *L) { return talk_ask(L, visit_of(L)->person); }
static int v_ask_text(lua_State *L) { return talk_ask_text(L, visit_of(L)->person); }
static int v_say(lua_State *L) { return talk_say(L, visit_of(L)->person); }

static int v_wait_served(lua_State *L)
{
    Visit *v = visit_of(L);
    sk_check_running(L, "wait_served");
    return sk_wait(L, WAIT_SERVED, sk_opt_timeout(L, 2), v->person, NULL);
}

static int v_leave(lua_State *L)
{
    world_leave(sk_scenario(L)->world, visit_of(L));
    return 0;
}

/* Seconds from arrival until served (or until now, if not yet served). */
static int v_waited(lua_State *L)
{
    Visit *v = visit_of(L);
    SimTime until = v->served >= 0 ? v->served : sk_scenario(L)->world->clock.now;
    lua_pushnumber(L, (lua_Number)(until - v->arrived) / 1000.0);
    return 1;
}

static int v_state(lua_State *L)
{
    static const char *const names[] = {"waiting", "at_counter", "done"};
    lua_pushstring(L, names[visit_of(L)->state]);
    return 1;
}

static int v_checked_in(lua_State *L)
{
    lua_pushboolean(L, visit_of(L)->checked_in);
    return 1;
}

/* Kroner charged, or nil if nothing was charged. */
static int v_charged(lua_State *L)
{
    Visit *v = visit_of(L);
    if (v->charged < 0)
        return 0;
    lua_pushinteger(L, v->charged);
    return 1;
}

const luaL_Reg sk_api_desk_functions[] = {
    {"arrive", l_arrive},
    {"waiting", l_waiting},
    {NULL, NULL},
};

const luaL_Reg sk_api_visit_methods[] = {
    {"ask", v_ask},
    {"ask_text", v_ask_text},
    {"say", v_say},
    {"wait_served", v_wait_served},
    {"leave", v_leave},
    {"waited", v_waited},
    {"state", v_state},
    {"checked_in", v_checked_in},
    {"charged", v_charged},
    {NULL, NULL},
};

/* ----------------------------------------------------------------- phone */

static Call *call_of(lua_State *L)
{
    const char *caller = sk_check_handle(L, 1, SK_CALL_MT, "person");
    Call *c = world_call_of(sk_scenario(L)->world, caller);
    if (!c)
        luaL_error(L, "samtalen finnes ikke");
    return c;
}

static const char *const call_keys[] = {"from", "ring_for", NULL};

/* phone.call{from=person, ring_for=seconds} -> call (ringing now) */
static int l_call(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "phone.call");
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sk_check_keys(L, 1, "phone.call", call_keys);
    lua_getfield(L, 1, "from");
    const char *caller = sk_check_person(L, 2);
    lua_getfield(L, 1, "ring_for");
    SimTime ring_for = lua_isnil(L, 3) ? 60 * SIMTIME_SECOND : sk_check_seconds(L, 3);
    if (ring_for < SIMTIME_SECOND)
        return luaL_error(L, "phone.call: ring_for må være minst 1 sekund");
    char err[256];
    if (!world_ring(sc->world, caller, ring_for, err, sizeof err))
        return luaL_error(L, "phone.call: %s", err);
    sk_push_handle(L, SK_CALL_MT, "person", caller);
    return 1;
}

static int c_ask(lua_State *L) { return talk_ask(L, call_of(L)->caller); }
static int c_ask_text(lua_State *L) { return talk_ask_text(L, call_of(L)->caller); }
static int c_say(lua_State *L) { return talk_say(L, call_of(L)->caller); }

/* true when answered, false when it rang out. */
static int c_wait_answer(lua_State *L)
{
    Call *c = call_of(L);
    sk_check_running(L, "wait_answer");
    return sk_wait(L, WAIT_ANSWER, SIMTIME_NEVER, c->caller, NULL);
}

static int c_hang_up(lua_State *L)
{
    world_end_call(sk_scenario(L)->world, call_of(L), 0);
    return 0;
}

static int c_state(lua_State *L)
{
    lua_pushstring(L, call_state_name(call_of(L)->state));
    return 1;
}

static int c_line(lua_State *L)
{
    lua_pushinteger(L, call_of(L)->line);
    return 1;
}

/* Seconds it rang before it was answered, or nil. */
static int c_answered_after(lua_State *L)
{
    Call *c = call_of(L);
    if (c->answered < 0)
        return 0;
    lua_pushnumber(L, (lua_Number)(c->answered - c->rang) / 1000.0);
    return 1;
}

const luaL_Reg sk_api_phone_functions[] = {
    {"call", l_call},
    {NULL, NULL},
};

const luaL_Reg sk_api_call_methods[] = {
    {"ask", c_ask},
    {"ask_text", c_ask_text},
    {"say", c_say},
    {"wait_answer", c_wait_answer},
    {"hang_up", c_hang_up},
    {"state", c_state},
    {"line", c_line},
    {"answered_after", c_answered_after},
    {NULL, NULL},
};
