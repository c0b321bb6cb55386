/* Timers, suspended actors and action observers, and the rules that wake them.
 * Everything runs in a fixed order (by sequence number) so the same inputs give
 * the same run. */
#include "internal.h"
#include "core/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sk_add_timer(Scenario *sc, SimTime t, int fn_ref, const char *what)
{
    SK_GROW(sc->timers, sc->timer_count, sc->timer_cap);
    Timer *tm = &sc->timers[sc->timer_count++];
    tm->seq = ++sc->seq;
    tm->t = t;
    tm->fn_ref = fn_ref;
    snprintf(tm->what, sizeof tm->what, "%s", what);
}

void sk_filter_free(ActionFilter *f)
{
    for (int i = 0; i < f->count; i++) {
        free(f->field[i]);
        free(f->value[i]);
    }
    f->count = 0;
}

int sk_filter_match(const ActionFilter *f, const Action *a)
{
    if (f->kind >= 0 && (int)a->kind != f->kind)
        return 0;
    for (int i = 0; i < f->count; i++) {
        const char *v = action_field(a, f->field[i]);
        if (!v || strcmp(v, f->value[i]) != 0)
            return 0;
    }
    return 1;
}

static int is_skipped(const char *key, const char *const *skip)
{
    for (; skip && *skip; skip++)
        if (strcmp(key, *skip) == 0)
            return 1;
    return 0;
}

void sk_filter_read(lua_State *L, int idx, ActionFilter *f, const char *const *skip)
{
    idx = lua_absindex(L, idx);
    memset(f, 0, sizeof *f);
    f->kind = -1;
    if (lua_type(L, idx) == LUA_TSTRING) {
        f->kind = action_kind_from_name(lua_tostring(L, idx));
        if (f->kind < 0)
            luaL_error(L, "ukjent handling «%s»", lua_tostring(L, idx));
        return;
    }
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_getfield(L, idx, "kind");
    if (!lua_isnil(L, -1)) {
        const char *kind = lua_tostring(L, -1);
        f->kind = kind ? action_kind_from_name(kind) : -1;
        if (f->kind < 0)
            luaL_error(L, "ukjent handling «%s»", kind ? kind : "?");
    }
    lua_pop(L, 1);
    /* Read fields in the spec's order, so filters do not depend on table order. */
    const ActionSpec *spec = f->kind >= 0 ? action_spec((ActionKind)f->kind) : NULL;
    lua_pushnil(L);
    while (lua_next(L, idx)) { /* validate every key: ... key value */
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 2);
            sk_filter_free(f);
            luaL_error(L, "filteret kan bare ha navngitte felt");
        }
        const char *key = lua_tostring(L, -2);
        int known = strcmp(key, "kind") == 0 || is_skipped(key, skip);
        for (int i = 0; spec && !known && i < spec->argc; i++)
            known = strcmp(spec->fields[i], key) == 0;
        if (!known) {
            char msg[160];
            snprintf(msg, sizeof msg, "handlingen %s har ikke feltet «%.40s»",
                     spec ? spec->name : "(uten kind)", key);
            lua_pop(L, 2);
            sk_filter_free(f);
            luaL_error(L, "%s", msg);
        }
        lua_pop(L, 1);
    }
    for (int i = 0; spec && i < spec->argc; i++) {
        lua_getfield(L, idx, spec->fields[i]);
        if (!lua_isnil(L, -1)) {
            const char *v = NULL;
            if (lua_type(L, -1) == LUA_TTABLE) { /* a person handle: ... value */
                lua_getfield(L, -1, "id");           /* ... value id */
                lua_replace(L, -2);                  /* ... id */
            }
            if (lua_type(L, -1) == LUA_TNUMBER || lua_type(L, -1) == LUA_TSTRING)
                v = lua_tostring(L, -1);
            if (!v) {
                lua_pop(L, 1);
                sk_filter_free(f);
                luaL_error(L, "feltet %s i filteret må være tekst eller tall", spec->fields[i]);
            }
            f->field[f->count] = sk_xstrdup(spec->fields[i]);
            f->value[f->count] = sk_xstrdup(v);
            f->count++;
        }
        lua_pop(L, 1);
    }
}

void sk_push_action(lua_State *L, const Action *a)
{
    const ActionSpec *spec = action_spec(a->kind);
    char tb[16];
    lua_createtable(L, 0, 2 + spec->argc);
    lua_pushstring(L, spec->name);
    lua_setfield(L, -2, "kind");
    lua_pushstring(L, simtime_format(a->t, tb, sizeof tb));
    lua_setfield(L, -2, "time");
    for (int i = 0; i < spec->argc; i++) {
        if (spec->types[i] == ARG_INT || spec->types[i] == ARG_LINE)
            lua_pushinteger(L, (lua_Integer)atol(a->args[i]));
        else
            lua_pushstring(L, a->args[i]);
        lua_setfield(L, -2, spec->fields[i]);
    }
}

static void push_action_cb(lua_State *co, void *ud)
{
    sk_push_action(co, ud);
}

int sk_wait(lua_State *L, WaitKind kind, SimTime deadline, const char *id,
            const ActionFilter *filter)
{
    Scenario *sc = sk_scenario(L);
    if (sc->loading || sc->current != L)
        return luaL_error(L, "denne funksjonen venter, og kan bare brukes inne i en hendelse "
                             "(clock.at, clock.after, observe.on), ikke i en egen coroutine");
    SK_GROW(sc->waits, sc->wait_count, sc->wait_cap);
    Wait *w = &sc->waits[sc->wait_count++];
    memset(w, 0, sizeof *w);
    w->seq = ++sc->seq;
    w->kind = kind;
    w->deadline = deadline;
    w->id = sk_xstrdup(id);
    if (filter)
        w->filter = *filter; /* takes ownership */
    else
        w->filter.kind = -1;
    lua_pushthread(L);
    w->thread_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    sc->waited = 1;
    return lua_yield(L, 0);
}

void sk_add_observer(Scenario *sc, const ActionFilter *filter, int fn_ref)
{
    SK_GROW(sc->observers, sc->observer_count, sc->observer_cap);
    Observer *o = &sc->observers[sc->observer_count++];
    o->filter = *filter;
    o->fn_ref = fn_ref;
}

/* Takes the wait with this seq out of the list; returns 0 if it is gone. */
static int take_wait(Scenario *sc, unsigned long long seq, Wait *out)
{
    for (size_t i = 0; i < sc->wait_count; i++)
        if (sc->waits[i].seq == seq) {
            *out = sc->waits[i];
            memmove(&sc->waits[i], &sc->waits[i + 1],
                    (sc->wait_count - i - 1) * sizeof *sc->waits);
            sc->wait_count--;
            return 1;
        }
    return 0;
}

typedef enum Wake { WAKE_NO, WAKE_NIL, WAKE_TRUE, WAKE_FALSE, WAKE_NONE } Wake;

/* Decides whether a wait can end now, and with what. */
static Wake wake_of(Scenario *sc, const Wait *w)
{
    World *world = sc->world;
    SimTime now = world->clock.now;
    int timed_out = w->deadline != SIMTIME_NEVER && now >= w->deadline;
    switch (w->kind) {
    case WAIT_TIME:
        return timed_out ? WAKE_NONE : WAKE_NO;
    case WAIT_REPLY:
        if (!world_prompt(world, w->id))
            return WAKE_NIL; /* the conversation ended before an answer */
        if (timed_out) {
            world_close_prompt(world, w->id);
            eventlog_add_happening(&world->log, now, "no_reply", w->id,
                                   "Fikk ikke svar i tide");
            return WAKE_NIL;
        }
        return WAKE_NO;
    case WAIT_ANSWER: {
        Call *c = world_call_of(world, w->id);
        if (!c || c->state == CALL_RINGING)
            return WAKE_NO;
        return c->answered >= 0 ? WAKE_TRUE : WAKE_FALSE;
    }
    case WAIT_SERVED: {
        Visit *v = world_visit(world, w->id);
        if (v && v->state == VISIT_AT_COUNTER)
            return WAKE_TRUE;
        if (!v || v->state == VISIT_DONE || timed_out)
            return WAKE_FALSE;
        return WAKE_NO;
    }
    case WAIT_ACTION:
        return timed_out ? WAKE_NIL : WAKE_NO;
    case WAIT_READ: {
        Message *m = world_find_message(world, w->id);
        if (m && m->read >= 0)
            return WAKE_TRUE;
        return timed_out ? WAKE_FALSE : WAKE_NO;
    }
    }
    return WAKE_NO;
}

/* Resumes a taken wait's actor with values pushed by push (or none). */
static int resume_wait(Scenario *sc, Wait *w, void (*push)(lua_State *, void *), void *ud)
{
    lua_rawgeti(sc->L, LUA_REGISTRYINDEX, w->thread_ref); /* L: thread */
    lua_State *co = lua_tothread(sc->L, -1);
    lua_pop(sc->L, 1);
    int nargs = 0;
    if (push) {
        int top = lua_gettop(co);
        push(co, ud);
        nargs = lua_gettop(co) - top;
    }
    char what[96];
    snprintf(what, sizeof what, "en hendelse som ventet (%s)", w->id ? w->id : "tid");
    int rc = sk_resume(sc, co, nargs, what);
    luaL_unref(sc->L, LUA_REGISTRYINDEX, w->thread_ref);
    free(w->id);
    sk_filter_free(&w->filter);
    return rc;
}

static void push_wake(lua_State *co, void *ud)
{
    Wake wake = *(Wake *)ud;
    if (wake == WAKE_NIL)
        lua_pushnil(co);
    else if (wake == WAKE_TRUE || wake == WAKE_FALSE)
        lua_pushboolean(co, wake == WAKE_TRUE);
}

/* Waits that end at once (a timeout of 0, or one that rounds to 0 ms) can wake
 * the same actor again and again without the clock moving; each resume is short,
 * so the instruction budget never sees it. Past this many wakes in one poll the
 * scenario is stopped with a fault instead of hanging. */
#define MAX_WAKES_AT_ONE_TIME 10000

int sk_poll(Scenario *sc)
{
    for (int wakes = 0;; wakes++) {
        if (sc->fault)
            return -1;
        if (sc->finished)
            return 0; /* the attempt is over: nothing more is resumed */
        if (wakes > MAX_WAKES_AT_ONE_TIME) {
            char tb[16];
            sk_fault(sc, "%s: mer enn %d ventekall kl. %s endte uten at tiden gikk (løkke med "
                         "observe.wait eller clock.wait med tidsavbrudd 0?)",
                     sc->chunkname, MAX_WAKES_AT_ONE_TIME,
                     simtime_format(sc->world->clock.now, tb, sizeof tb));
            return -1;
        }
        size_t i = 0;
        Wake wake = WAKE_NO;
        for (; i < sc->wait_count; i++)
            if ((wake = wake_of(sc, &sc->waits[i])) != WAKE_NO)
                break;
        if (i == sc->wait_count)
            return 0;
        Wait w = {0};
        take_wait(sc, sc->waits[i].seq, &w);
        if (resume_wait(sc, &w, push_wake, &wake) != 0)
            return -1;
    }
}

typedef struct ReplyValue {
    const char *text;
} ReplyValue;

static void push_reply(lua_State *co, void *ud)
{
    lua_pushstring(co, ((ReplyValue *)ud)->text);
}

int sk_dispatch(Scenario *sc, const Action *a)
{
    /* 1. the question this answers */
    if (a->kind == ACTION_CHOOSE || a->kind == ACTION_TYPE) {
        for (size_t i = 0; i < sc->wait_count; i++) {
            Wait *w = &sc->waits[i];
            if (w->kind == WAIT_REPLY && strcmp(w->id, a->args[0]) == 0) {
                Wait taken = {0};
                take_wait(sc, w->seq, &taken);
                ReplyValue rv = {a->args[1]};
                if (resume_wait(sc, &taken, push_reply, &rv) != 0)
                    return -1;
                break;
            }
        }
    }
    /* 2. observe.wait, in the order they began waiting */
    size_t n = 0;
    unsigned long long *seqs = sk_xmalloc((sc->wait_count + 1) * sizeof *seqs);
    for (size_t i = 0; i < sc->wait_count; i++)
        if (sc->waits[i].kind == WAIT_ACTION && sk_filter_match(&sc->waits[i].filter, a))
            seqs[n++] = sc->waits[i].seq;
    for (size_t k = 0; k < n && !sc->finished; k++) {
        Wait taken;
        if (take_wait(sc, seqs[k], &taken) &&
            resume_wait(sc, &taken, push_action_cb, (void *)a) != 0) {
            free(seqs);
            return -1;
        }
    }
    free(seqs);
    /* 3. observe.on: each match starts a new actor (observers may be added meanwhile;
     * only those present now see this action) */
    size_t count = sc->observer_count;
    for (size_t i = 0; i < count && !sc->finished; i++) {
        if (!sk_filter_match(&sc->observers[i].filter, a))
            continue;
        char what[64];
        snprintf(what, sizeof what, "observe.on %s", action_spec(a->kind)->name);
        if (sk_spawn(sc, sc->observers[i].fn_ref, push_action_cb, (void *)a, what) != 0)
            return -1;
    }
    return sk_poll(sc);
}

void sk_scheduler_free(Scenario *sc)
{
    for (size_t i = 0; i < sc->wait_count; i++) {
        free(sc->waits[i].id);
        sk_filter_free(&sc->waits[i].filter);
    }
    free(sc->waits);
    for (size_t i = 0; i < sc->observer_count; i++)
        sk_filter_free(&sc->observers[i].filter);
    free(sc->observers);
    free(sc->timers);
    free(sc->end_hooks);
    sc->waits = NULL;
    sc->observers = NULL;
    sc->timers = NULL;
    sc->end_hooks = NULL;
    sc->wait_count = sc->observer_count = sc->timer_count = sc->end_hook_count = 0;
}
