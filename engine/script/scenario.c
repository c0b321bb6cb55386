/* Loading a scenario and driving it: the script layer's face. */
#include "internal.h"
#include "core/alloc.h"
#include "core/fnr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEPS_AT_ONE_TIME 10000

/* Any run of exactly 11 digits that is a valid fødselsnummer in the real range
 * (ordinary or D-nummer) may belong to a real person: refused, with its line,
 * wherever it stands in the file (a string, a comment, a number). */
static int find_real_fnr(const char *src, size_t size, int *line_out)
{
    int line = 1;
    size_t i = 0;
    while (i < size) {
        if (src[i] == '\n') {
            line++;
            i++;
            continue;
        }
        if (src[i] < '0' || src[i] > '9') {
            i++;
            continue;
        }
        size_t start = i;
        while (i < size && src[i] >= '0' && src[i] <= '9')
            i++;
        if (i - start == 11) {
            char digits[12];
            FnrInfo info;
            memcpy(digits, src + start, 11);
            digits[11] = '\0';
            if (fnr_parse(digits, &info) == FNR_OK &&
                (info.kind == FNR_ORDINARY || info.kind == FNR_D_NUMBER)) {
                *line_out = line;
                return 1;
            }
        }
    }
    return 0;
}

Scenario *scenario_load(const ScenarioOptions *opts, const char *source, size_t size, char *err,
                        size_t errsize)
{
    Scenario *sc = sk_xcalloc(1, sizeof *sc);
    sc->opts = *opts;
    if (!sc->opts.memory_cap)
        sc->opts.memory_cap = SCENARIO_DEFAULT_MEMORY;
    if (!sc->opts.budget)
        sc->opts.budget = SCENARIO_DEFAULT_BUDGET;
    sc->chunkname = sk_xstrdup(opts->chunkname ? opts->chunkname : "scenario");
    sc->opts.chunkname = sc->chunkname;
    sc->end_time = SIMTIME_NEVER;
    /* The world starts at 08:00; scenario{} moves it to the declared start. */
    sc->world = world_new(8 * SIMTIME_HOUR, opts->seed);

    if (size > SCENARIO_MAX_SOURCE) {
        snprintf(err, errsize, "%s: filen er for stor (%zu byte, grensen er %zu)", sc->chunkname,
                 size, SCENARIO_MAX_SOURCE);
        goto fail;
    }
    if (size == 0) {
        snprintf(err, errsize, "%s: filen er tom", sc->chunkname);
        goto fail;
    }
    if (memchr(source, '\0', size) || source[0] == 0x1b) {
        snprintf(err, errsize, "%s: ikke en tekstfil (binært innhold eller Lua-bytekode)",
                 sc->chunkname);
        goto fail;
    }
    int fnr_line = 0;
    if (find_real_fnr(source, size, &fnr_line)) {
        snprintf(err, errsize, "%s:%d: et gyldig fødselsnummer i det virkelige området står i "
                               "filen; bruk bare syntetiske numre (måned + 80), f.eks. fra "
                               "fnr.synthetic",
                 sc->chunkname, fnr_line);
        goto fail;
    }
    sc->L = sk_sandbox_new(sc);
    if (!sc->L) {
        snprintf(err, errsize, "%s: kunne ikke starte Lua", sc->chunkname);
        goto fail;
    }
    char name[512];
    snprintf(name, sizeof name, "@%s", sc->chunkname);
    int status = sk_cache_load(sc->opts.cache, sc->L, source, size, name); /* L: chunk | msg */
    if (status != LUA_OK) {
        const char *msg = lua_tostring(sc->L, -1);
        if (status == LUA_ERRMEM)
            snprintf(err, errsize, "%s: minnegrensen ble nådd under innlesing", sc->chunkname);
        else if (msg && strstr(msg, "C stack overflow"))
            /* the parser's nesting limit: Lua gives no file or line for it */
            snprintf(err, errsize, "%s: for mange nivåer inni hverandre (parenteser, tabeller, "
                                   "funksjoner eller blokker); del opp uttrykket",
                     sc->chunkname);
        else
            snprintf(err, errsize, "%s", msg ? msg : "ukjent feil under innlesing");
        goto fail;
    }
    int fn_ref = luaL_ref(sc->L, LUA_REGISTRYINDEX); /* L: (empty) */
    sc->loading = 1;
    int rc = sk_spawn(sc, fn_ref, NULL, NULL, "innlasting");
    sc->loading = 0;
    luaL_unref(sc->L, LUA_REGISTRYINDEX, fn_ref);
    if (rc != 0) {
        snprintf(err, errsize, "%s", sc->fault);
        goto fail;
    }
    if (!sc->have_meta) {
        snprintf(err, errsize, "%s:1: scenario{ ... } mangler: hvert scenario må begynne med "
                               "id, title, version, duration og goals",
                 sc->chunkname);
        goto fail;
    }
    sc->finished = 0;
    return sc;
fail:
    scenario_free(sc);
    return NULL;
}

void scenario_free(Scenario *sc)
{
    if (!sc)
        return;
    sk_sandbox_close(sc);
    sk_scheduler_free(sc);
    meta_free(&sc->meta);
    world_free(sc->world);
    free(sc->chunkname);
    free(sc->fault);
    free(sc->traceback);
    free(sc);
}

const ScenarioMeta *scenario_meta(const Scenario *sc) { return &sc->meta; }
World *scenario_world(Scenario *sc) { return sc->world; }
int scenario_finished(const Scenario *sc) { return sc->finished; }
const char *scenario_fault(const Scenario *sc) { return sc->fault; }
const char *scenario_traceback(const Scenario *sc) { return sc->traceback; }
long long scenario_instructions(const Scenario *sc) { return sc->used_total; }

SimTime scenario_next_event(const Scenario *sc)
{
    if (sc->finished)
        return SIMTIME_NEVER;
    SimTime next = sc->end_time;
    for (size_t i = 0; i < sc->timer_count; i++)
        if (sc->timers[i].t < next)
            next = sc->timers[i].t;
    for (size_t i = 0; i < sc->wait_count; i++)
        if (sc->waits[i].deadline < next)
            next = sc->waits[i].deadline;
    const World *w = sc->world;
    for (size_t i = 0; i < w->call_count; i++)
        if (w->calls[i].state == CALL_RINGING && w->calls[i].ring_until < next)
            next = w->calls[i].ring_until;
    return next;
}

/* Fires the earliest due timer, if any is due now. Returns 1 if one fired. */
static int fire_timer(Scenario *sc, int *rc)
{
    SimTime now = sc->world->clock.now;
    size_t best = sc->timer_count;
    for (size_t i = 0; i < sc->timer_count; i++)
        if (sc->timers[i].t <= now &&
            (best == sc->timer_count || sc->timers[i].seq < sc->timers[best].seq))
            best = i;
    if (best == sc->timer_count)
        return 0;
    Timer tm = sc->timers[best];
    memmove(&sc->timers[best], &sc->timers[best + 1],
            (sc->timer_count - best - 1) * sizeof *sc->timers);
    sc->timer_count--;
    *rc = sk_spawn(sc, tm.fn_ref, NULL, NULL, tm.what);
    luaL_unref(sc->L, LUA_REGISTRYINDEX, tm.fn_ref);
    return 1;
}

static void ring_out(Scenario *sc)
{
    World *w = sc->world;
    for (size_t i = 0; i < w->call_count; i++)
        if (w->calls[i].state == CALL_RINGING && w->calls[i].ring_until <= w->clock.now)
            world_end_call(w, &w->calls[i], 1);
}

static void time_up(Scenario *sc)
{
    if (sc->finished)
        return;
    sc->finished = 1;
    eventlog_add_happening(&sc->world->log, sc->world->clock.now, "time_up", NULL,
                           "Tiden er ute");
}

int scenario_advance(Scenario *sc, SimTime t)
{
    int steps = 0;
    SimTime last = -1;
    while (!sc->finished) {
        SimTime next = scenario_next_event(sc);
        if (next > t)
            break;
        if (next == last && ++steps > MAX_STEPS_AT_ONE_TIME) {
            char tb[16];
            sk_fault(sc, "%s: mer enn %d hendelser kl. %s uten at tiden går (løkke med "
                         "clock.after(0, ...)?)",
                     sc->chunkname, MAX_STEPS_AT_ONE_TIME,
                     simtime_format(next, tb, sizeof tb));
            return -1;
        }
        if (next != last)
            steps = 0;
        last = next;
        clock_advance_to(&sc->world->clock, next);
        int rc = 0;
        if (fire_timer(sc, &rc)) {
            if (rc != 0 || sk_poll(sc) != 0)
                return -1;
            continue;
        }
        ring_out(sc);
        if (sk_poll(sc) != 0)
            return -1;
        if (sc->world->clock.now >= sc->end_time)
            time_up(sc);
    }
    if (sc->fault)
        return -1;
    if (!sc->finished && t > sc->world->clock.now)
        clock_advance_to(&sc->world->clock, t);
    return 0;
}

ScenarioActResult scenario_act(Scenario *sc, const Action *action, char *err, size_t errsize)
{
    char tb[16];
    if (action->t < sc->world->clock.now) {
        snprintf(err, errsize, "klokkeslettet %s er før forrige handling (%s)",
                 simtime_format(action->t, tb, sizeof tb),
                 simtime_format(sc->world->clock.now, tb + 0, sizeof tb));
        return SCENARIO_ACT_MISMATCH;
    }
    if (scenario_advance(sc, action->t) != 0)
        return SCENARIO_ACT_FAULT;
    if (sc->finished) {
        snprintf(err, errsize, "scenarioet var allerede slutt kl. %s",
                 simtime_format(sc->world->clock.now, tb, sizeof tb));
        return SCENARIO_ACT_MISMATCH;
    }
    if (world_apply(sc->world, action, err, errsize) != 0)
        return SCENARIO_ACT_MISMATCH;
    if (sk_dispatch(sc, action) != 0)
        return SCENARIO_ACT_FAULT;
    /* What was due at this very moment (timers the action's handlers set for now). */
    if (scenario_advance(sc, action->t) != 0)
        return SCENARIO_ACT_FAULT;
    return SCENARIO_ACT_OK;
}

int scenario_run_to_end(Scenario *sc)
{
    if (!sc->finished && scenario_advance(sc, sc->end_time) != 0)
        return -1;
    time_up(sc); /* nothing was left before the end time */
    if (sc->ended)
        return sc->fault ? -1 : 0;
    sc->ended = 1;
    for (size_t i = 0; i < sc->end_hook_count && !sc->fault; i++)
        sk_spawn(sc, sc->end_hooks[i], NULL, NULL, "on_end");
    /* Actors still waiting are simply not resumed: the attempt is over. */
    return sc->fault ? -1 : 0;
}
