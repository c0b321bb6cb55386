/* inbox.* (messages from doctors) and lab.* (lab tasks). */
#include "internal.h"
#include "api.h"

#include <string.h>

static const char *const message_keys[] = {"id", "from", "text", NULL};

/* inbox.message{id=, from=doctor, text=} -> message */
static int l_message(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "inbox.message");
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sk_check_keys(L, 1, "inbox.message", message_keys);
    const char *id = sk_check_field_string(L, 1, "id");
    const char *text = sk_check_field_string(L, 1, "text");
    if (strlen(text) > 4000 || !text_is_clean_utf8(text, strlen(text)))
        return luaL_error(L, "inbox.message: text må være gyldig UTF-8 under 4000 byte");
    lua_getfield(L, 1, "from");
    const char *from = sk_check_person(L, 2);
    char err[256];
    if (!world_message(sc->world, id, from, text, err, sizeof err))
        return luaL_error(L, "inbox.message: %s", err);
    sk_push_handle(L, SK_MESSAGE_MT, "id", id);
    return 1;
}

static Message *message_of(lua_State *L)
{
    const char *id = sk_check_handle(L, 1, SK_MESSAGE_MT, "id");
    Message *m = world_find_message(sk_scenario(L)->world, id);
    if (!m)
        luaL_error(L, "meldingen «%s» finnes ikke", id);
    return m;
}

static int m_wait_read(lua_State *L)
{
    Message *m = message_of(L);
    sk_check_running(L, "wait_read");
    return sk_wait(L, WAIT_READ, sk_opt_timeout(L, 2), m->id, NULL);
}

static int m_was_read(lua_State *L)
{
    lua_pushboolean(L, message_of(L)->read >= 0);
    return 1;
}

/* Seconds from arrival until read, or nil. */
static int m_read_after(lua_State *L)
{
    Message *m = message_of(L);
    if (m->read < 0)
        return 0;
    lua_pushnumber(L, (lua_Number)(m->read - m->arrived) / 1000.0);
    return 1;
}

const luaL_Reg sk_api_inbox_functions[] = {
    {"message", l_message},
    {NULL, NULL},
};

const luaL_Reg sk_api_message_methods[] = {
    {"wait_read", m_wait_read},
    {"was_read", m_was_read},
    {"read_after", m_read_after},
    {NULL, NULL},
};

static const char *const task_keys[] = {"id", "patient", "kind", "title", "steps", NULL};

/* Checks steps = { {"id", "label"}, ... } at the table's field; returns the count. */
static lua_Integer check_steps(lua_State *L)
{
    lua_getfield(L, 1, "steps"); /* 1: spec ... steps */
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (!lua_istable(L, -1))
        return luaL_error(L, "lab.task: steps må være en liste av {\"id\", \"tekst\"}");
    lua_Integer n = luaL_len(L, -1);
    if (n > 40)
        return luaL_error(L, "lab.task: høyst 40 trinn");
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, -1, i);
        if (!lua_istable(L, -1))
            return luaL_error(L, "lab.task: steps[%d] må være {\"id\", \"tekst\"}", (int)i);
        lua_geti(L, -1, 1);
        lua_geti(L, -2, 2);
        const char *id = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        const char *label = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (!id || !text_is_identifier(id) || strlen(id) > 64)
            return luaL_error(L, "lab.task: steps[%d] trenger en id av a-z, tall, _ - .", (int)i);
        if (!label || !*label || strlen(label) > 200 || !text_is_clean_utf8(label, strlen(label)))
            return luaL_error(L, "lab.task: steps[%d] («%s») trenger en tekst", (int)i, id);
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    return n;
}

/* lab.task{id=, patient=, kind=, title=, steps={{id, label}...}} -> task */
static int l_task(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    sk_check_running(L, "lab.task");
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sk_check_keys(L, 1, "lab.task", task_keys);
    const char *id = sk_check_field_string(L, 1, "id");
    const char *kind = sk_check_field_string(L, 1, "kind");
    const char *title = sk_check_field_string(L, 1, "title");
    if (strlen(title) > 300 || !text_is_clean_utf8(title, strlen(title)))
        return luaL_error(L, "lab.task: title må være kort, gyldig UTF-8");
    lua_Integer steps = check_steps(L);
    lua_getfield(L, 1, "patient");
    const char *patient = sk_check_person(L, 2);
    char err[256];
    LabTask *task = world_open_task(sc->world, id, patient, kind, title, err, sizeof err);
    if (!task)
        return luaL_error(L, "lab.task: %s", err);
    lua_getfield(L, 1, "steps"); /* checked above: nothing below raises */
    for (lua_Integer i = 1; i <= steps; i++) {
        lua_geti(L, -1, i);
        lua_geti(L, -1, 1);
        lua_geti(L, -2, 2);
        lab_task_add_step(task, lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 3);
    }
    lua_pop(L, 1);
    sk_push_handle(L, SK_TASK_MT, "id", id);
    return 1;
}

static LabTask *task_of(lua_State *L)
{
    const char *id = sk_check_handle(L, 1, SK_TASK_MT, "id");
    LabTask *t = world_task(sk_scenario(L)->world, id);
    if (!t)
        luaL_error(L, "oppgaven «%s» finnes ikke", id);
    return t;
}

static int t_close(lua_State *L)
{
    world_close_task(sk_scenario(L)->world, task_of(L));
    return 0;
}

/* task:actions() -> the trainee's actions on this task so far, in order. */
static int t_actions(lua_State *L)
{
    Scenario *sc = sk_scenario(L);
    LabTask *t = task_of(L);
    const EventLog *log = &sc->world->log;
    lua_newtable(L);
    int n = 0;
    for (size_t i = 0; i < log->count; i++) {
        const Event *e = &log->items[i];
        if (e->kind != EVENT_ACTION)
            continue;
        const char *task = action_field(&e->action, "task");
        if (!task || strcmp(task, t->id) != 0)
            continue;
        sk_push_action(L, &e->action);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

const luaL_Reg sk_api_lab_functions[] = {
    {"task", l_task},
    {NULL, NULL},
};

const luaL_Reg sk_api_task_methods[] = {
    {"close", t_close},
    {"actions", t_actions},
    {NULL, NULL},
};
