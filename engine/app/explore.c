/* The headless path explorer behind `skranken check` (docs/check.md).
 *
 * A scenario's Lua state cannot be copied, so every path is played from the
 * start: load, replay a recorded prefix of steps, then let a policy decide. A
 * path is a list of steps (wait for the next event, or an action at a time), so
 * any prefix can be replayed exactly and printed as inputs-file lines.
 *
 * Decisions: at each point the world offers candidate actions (answer a ringing
 * line, every option of every open question, typed answers mined from what was
 * said, serve, check in, charge, read, lab steps, records, timebok, phone and
 * screen actions). Each candidate has a key that says what it means rather than
 * when ("choose|ola|<question>|ja", "book|berg|+2|@ctx|ledig"). The first time a
 * key is offered it becomes a branch: replay to that point, take it, continue
 * with the diligent policy. Branches are taken by class (every option of every
 * question first, then side actions for the person who waits for one, then the
 * other side actions in turn), so the systematic part is a coverage-driven
 * depth-first search with a path budget. The diligent policy learns as it goes:
 * the points scored right after an action, and whether a branch's whole path
 * scored more than the path it came from, are kept per key. Lab step groups
 * ("site_ring", "site_thumb") are tried one member at a time. Varied and random
 * walks (several seeds and paces) fill the rest of the budget. Everything is
 * deterministic: the same file and options give the same result.
 *
 * This file: the explorer, runner, paths and findings. The candidates are in
 * explore_candidates.c, the policies in explore_policy.c, and what the three
 * share in explore_internal.h. */
#include "explore.h"
#include "explore_internal.h"
#include "commands.h"
#include "assess/scoring.h"
#include "core/alloc.h"
#include "core/sha256.h"
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAILING_PATHS_STOP 6     /* stop exploring after this many failing paths */
#define MAX_STILL_ACTIONS 500    /* actions in a row without the clock moving */
#define MAX_PATH_ACTIONS 3000    /* then a policy only waits */
#define DILIGENT_PACE (5 * SIMTIME_SECOND)
#define SLOW_PACE (45 * SIMTIME_SECOND)

/* ----------------------------------------------------------- small tools */

uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

/* The explorer's own random numbers (splitmix64), never the scenario's streams. */
static uint64_t walk_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

size_t walk_below(uint64_t *state, size_t n)
{
    return n ? (size_t)(walk_next(state) % n) : 0;
}

int is_digit(char c) { return c >= '0' && c <= '9'; }

int has_text(const StrList *list, const char *text)
{
    return strlist_index(list, text) >= 0;
}

/* --------------------------------------------------- keys and what they paid */

static KeyEntry *keys_slot(KeyEntry *slots, size_t cap, const char *key)
{
    size_t i = (size_t)hash_text(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

KeyEntry *keys_find(KeyTable *t, const char *key, int create)
{
    if (create && (t->used + 1) * 10 >= t->cap * 7) {
        size_t cap = t->cap ? t->cap * 2 : 512;
        KeyEntry *slots = sk_xcalloc(cap, sizeof *slots);
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].key)
                *keys_slot(slots, cap, t->slots[i].key) = t->slots[i];
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    if (!t->cap)
        return NULL;
    KeyEntry *e = keys_slot(t->slots, t->cap, key);
    if (!e->key) {
        if (!create)
            return NULL;
        e->key = sk_xstrdup(key);
        t->used++;
    }
    return e;
}

static void keys_free(KeyTable *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].key);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------ paths */

static void path_push(Path *p, StepKind kind, Action *action, SimTime t)
{
    SK_GROW(p->steps, p->count, p->cap);
    Step *s = &p->steps[p->count++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->t = t;
    if (action) {
        s->action = *action; /* takes ownership */
        memset(action, 0, sizeof *action);
    }
}

static void path_free(Path *p)
{
    for (size_t i = 0; i < p->count; i++)
        if (p->steps[i].kind == STEP_ACT)
            action_free(&p->steps[i].action);
    free(p->steps);
    memset(p, 0, sizeof *p);
}

static void path_inputs(const Path *p, StrList *out)
{
    StrBuf line;
    strbuf_init(&line);
    for (size_t i = 0; i < p->count; i++) {
        if (p->steps[i].kind != STEP_ACT)
            continue;
        strbuf_clear(&line);
        action_format(&p->steps[i].action, &line);
        strlist_push(out, strbuf_str(&line));
    }
    strbuf_free(&line);
}

static size_t path_actions(const Path *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->count; i++)
        n += p->steps[i].kind == STEP_ACT;
    return n;
}

/* ------------------------------------------------ candidates and branches */

static void cands_clear(Cands *cs)
{
    for (size_t i = 0; i < cs->count; i++) {
        action_free(&cs->items[i].action);
        free(cs->items[i].key);
    }
    cs->count = 0;
}

/* --------------------------------------------------------------- explorer */

int done_has(Runner *r, const char *mark)
{
    return keys_find(&r->done, mark, 0) != NULL;
}

void done_add(Runner *r, const char *mark)
{
    keys_find(&r->done, mark, 1);
}

/* ------------------------------------------------------------ findings */

/* Lua shortens long chunk names from the front ("...dir/x.lua"), so the file's
 * base name is what is looked for. */
char *explore_strip_location(const char *chunkname, const char *message, int *line)
{
    const char *slash = strrchr(chunkname, '/');
    const char *base = slash ? slash + 1 : chunkname;
    size_t blen = strlen(base);
    StrBuf out;
    strbuf_init(&out);
    const char *p = message, *scan = message;
    *line = 0;
    for (;;) {
        const char *hit = blen ? strstr(scan, base) : NULL;
        if (!hit)
            break;
        if (hit[blen] != ':') {
            scan = hit + 1;
            continue;
        }
        const char *start = hit;
        while (start > p && start[-1] != ' ' && start[-1] != '\n' && start[-1] != '\t')
            start--;
        const char *q = hit + blen + 1;
        int n = 0, digits = 0;
        while (is_digit(*q) && digits < 9) {
            n = n * 10 + (*q - '0');
            q++;
            digits++;
        }
        if (digits && *q != ':') {
            scan = hit + 1; /* "x.lua:12" inside a sentence: keep it */
            continue;
        }
        if (digits) {
            if (!*line)
                *line = n;
            q++;
        }
        if (*q == ' ')
            q++;
        strbuf_addn(&out, p, (size_t)(start - p));
        p = scan = q;
    }
    strbuf_add(&out, p);
    return out.data;
}

static int is_budget_message(const char *m)
{
    return strstr(m, "instruksjonsbudsjettet") || strstr(m, "minnegrensen") ||
           strstr(m, "hendelser kl.") || strstr(m, "ventekall kl.") ||
           strstr(m, "Lua-stakken er full");
}

/* The scenario loaded for one variant: the same text, name and catalog every time,
 * compiled once through the explorer's cache. */
static Scenario *load_variant(Explorer *ex, uint64_t seed, int exam, char *err, size_t errsize)
{
    ScenarioOptions so = {0};
    so.chunkname = ex->o->chunkname;
    so.seed = seed;
    so.exam = exam;
    so.goal_known = ex->o->goal_known;
    so.goal_ctx = ex->o->goal_ctx;
    so.cache = ex->cache;
    return scenario_load(&so, ex->o->source, ex->o->size, err, errsize);
}

static void add_finding(Explorer *ex, ExploreProblem problem, const char *raw, const char *traceback,
                        const Path *path)
{
    ExploreResult *res = ex->res;
    int line = 0;
    char *message = explore_strip_location(ex->o->chunkname, raw, &line);
    if (problem == EXPLORE_FAULT && is_budget_message(message))
        problem = EXPLORE_BUDGET;
    ex->failing++;
    for (size_t i = 0; i < res->finding_count; i++) {
        ExploreFinding *f = &res->findings[i];
        if (f->problem != problem || strcmp(f->message, message) != 0)
            continue;
        f->paths++;
        if (path_actions(path) < f->inputs.count) {
            strlist_free(&f->inputs);
            path_inputs(path, &f->inputs);
            f->seed = path->seed;
            f->exam = path->exam;
        }
        free(message);
        return;
    }
    SK_GROW(res->findings, res->finding_count, res->finding_cap);
    ExploreFinding *f = &res->findings[res->finding_count++];
    memset(f, 0, sizeof *f);
    f->problem = problem;
    f->line = line;
    f->message = message;
    f->traceback = sk_xstrdup(traceback);
    f->seed = path->seed;
    f->exam = path->exam;
    f->paths = 1;
    path_inputs(path, &f->inputs);
}

/* ---------------------------------------------------------------- runner */

static void variant_of(const Explorer *ex, int variant, uint64_t *seed, int *exam)
{
    const ExploreOptions *o = ex->o;
    *seed = (uint64_t)variant + 1;
    /* The last seed plays exam mode when the scenario allows both. */
    *exam = !o->practice || (o->exam && o->seeds > 1 && variant == o->seeds - 1);
}

static int runner_start(Runner *r, Explorer *ex, int variant, Policy policy, SimTime pace)
{
    memset(r, 0, sizeof *r);
    r->ex = ex;
    r->variant = variant;
    r->policy = policy;
    r->pace = pace;
    r->rand = walk_next(&ex->rand);
    variant_of(ex, variant, &r->path.seed, &r->path.exam);
    char err[2048];
    r->sc = load_variant(ex, r->path.seed, r->path.exam, err, sizeof err);
    if (!r->sc) {
        add_finding(ex, EXPLORE_FAULT, err, NULL, &r->path);
        r->failed = 1;
        return -1;
    }
    return 0;
}

static void runner_fault(Runner *r)
{
    add_finding(r->ex, EXPLORE_FAULT, scenario_fault(r->sc), scenario_traceback(r->sc),
                &r->path);
    r->failed = 1;
}

/* When the next action happens: a pace after now, but before the next event,
 * so what the candidates were made from is still true. */
static SimTime action_time(Runner *r, SimTime pace)
{
    SimTime now = scenario_world(r->sc)->clock.now;
    SimTime next = scenario_next_event(r->sc);
    SimTime t = now + pace;
    if (next != SIMTIME_NEVER && t >= next) {
        t = next - 1;
        /* Whole seconds read better in the inputs lines, when there is room. */
        SimTime whole = t - t % SIMTIME_SECOND;
        if (whole >= now && pace % SIMTIME_SECOND == 0)
            t = whole;
    }
    return t < now ? now : t;
}

static int points_since(const EventLog *log, size_t from)
{
    int v = 0;
    for (size_t i = from; i < log->count; i++) {
        const Event *e = &log->items[i];
        if (e->kind != EVENT_SCORE)
            continue;
        v += e->score_kind == SCORE_AWARD ? e->points
             : e->score_kind == SCORE_DEDUCT ? -e->points
                                             : -20;
    }
    return v;
}

/* Takes the action (at the runner's pace). 0, or -1 when the script failed. */
static int take(Runner *r, const Action *chosen, const char *key)
{
    /* Some paces are not whole seconds: clock arithmetic in scenarios must hold
     * for the millisecond times a trainee in the window produces. */
    static const SimTime paces[] = {1000, 2500, 5000, 7250, 20000, 45000, 90000};
    SimTime pace = r->policy == POLICY_RANDOM
                       ? paces[walk_below(&r->rand, sizeof paces / sizeof paces[0])]
                       : r->pace;
    Action a;
    action_copy(&a, chosen);
    a.t = action_time(r, pace);
    World *w = scenario_world(r->sc);
    SimTime before_t = w->clock.now;
    size_t before = w->log.count;
    char err[512];
    ScenarioActResult res = scenario_act(r->sc, &a, err, sizeof err);
    r->still = a.t == before_t ? r->still + 1 : 0;
    if (res == SCENARIO_ACT_MISMATCH) {
        /* Should not happen (nothing fires before the action): keep the time,
         * and stop deciding if it goes on. */
        path_push(&r->path, STEP_TIME, NULL, a.t);
        action_free(&a);
        if (++r->mismatches > 20)
            r->policy = POLICY_IDLE;
        return 0;
    }
    path_push(&r->path, STEP_ACT, &a, 0);
    if (res == SCENARIO_ACT_FAULT) {
        runner_fault(r);
        return -1;
    }
    r->actions++;
    KeyEntry *e = keys_find(&r->ex->keys, key, 1);
    e->flags |= KEY_TAKEN;
    e->sum += points_since(&w->log, before);
    e->count++;
    done_add(r, key);
    mark_taken(r, chosen);
    mine_log(r);
    return 0;
}

static int wait_event(Runner *r)
{
    SimTime next = scenario_next_event(r->sc);
    if (next == SIMTIME_NEVER)
        return 0;
    int rc = scenario_advance(r->sc, next);
    path_push(&r->path, STEP_WAIT, NULL, 0);
    r->events++;
    r->still = 0;
    if (rc != 0) {
        runner_fault(r);
        return -1;
    }
    mine_log(r);
    return 0;
}

/* Replays a stored step exactly. -1 if the script failed or the step no
 * longer fits (neither should happen: the same steps give the same run). */
static int replay(Runner *r, const Step *s)
{
    if (s->kind == STEP_WAIT)
        return wait_event(r);
    if (s->kind == STEP_TIME) {
        path_push(&r->path, STEP_TIME, NULL, s->t);
        if (scenario_advance(r->sc, s->t) != 0) {
            runner_fault(r);
            return -1;
        }
        return 0;
    }
    Action a;
    action_copy(&a, &s->action);
    char err[512];
    ScenarioActResult res = scenario_act(r->sc, &a, err, sizeof err);
    path_push(&r->path, STEP_ACT, &a, 0);
    if (res == SCENARIO_ACT_FAULT) {
        runner_fault(r);
        return -1;
    }
    if (res != SCENARIO_ACT_OK)
        return -1;
    r->actions++;
    mark_taken(r, &s->action);
    mine_log(r);
    return 0;
}

static void branch_push(Explorer *ex, CandClass cls, size_t path, size_t step, const Cand *c,
                        const char *directive)
{
    int hot = c && cls >= C_RECORD && cls <= C_PHONE && strstr(c->key, "|@ctx|ledig");
    Queue *q = &ex->queues[hot ? QUEUE_HOT : (int)cls];
    if (q->head == q->count) {
        q->head = q->count = 0;
    }
    SK_GROW(q->items, q->count, q->cap);
    Branch *b = &q->items[q->count++];
    memset(b, 0, sizeof *b);
    b->path = path;
    b->step = step;
    if (c) {
        action_copy(&b->action, &c->action);
        b->key = sk_xstrdup(c->key);
    } else {
        b->directive = 1;
        b->key = sk_xstrdup(directive);
    }
}

/* A branch for every member of every step group of the open lab tasks. */
static void offer_lab_directives(Runner *r)
{
    const World *w = scenario_world(r->sc);
    char key[200];
    for (size_t i = 0; i < w->task_count; i++) {
        const LabTask *t = &w->tasks[i];
        if (t->done)
            continue;
        for (size_t k = 0; k < t->step_ids.count; k++) {
            if (!step_group(t, t->step_ids.items[k]))
                continue;
            snprintf(key, sizeof key, "only|%s|%s", t->id, t->step_ids.items[k]);
            KeyEntry *e = keys_find(&r->ex->keys, key, 1);
            if (e->flags & (KEY_QUEUED | KEY_TAKEN))
                continue;
            e->flags |= KEY_QUEUED;
            branch_push(r->ex, C_LAB, r->ex->path_count, r->path.count, NULL, key);
        }
    }
}

/* Every key not offered before becomes a branch from this point. */
static void offer_branches(Runner *r, const Cands *cs)
{
    for (size_t i = 0; i < cs->count; i++) {
        KeyEntry *e = keys_find(&r->ex->keys, cs->items[i].key, 1);
        if (e->flags & (KEY_QUEUED | KEY_TAKEN))
            continue;
        e->flags |= KEY_QUEUED;
        branch_push(r->ex, cs->items[i].cls, r->ex->path_count, r->path.count, &cs->items[i],
                    NULL);
    }
    offer_lab_directives(r);
}

static void no_end(Runner *r, const char *why)
{
    char tb[16], msg[400];
    simtime_format(scenario_world(r->sc)->clock.now, tb, sizeof tb);
    snprintf(msg, sizeof msg, "%s; klokken var %s", why, tb);
    add_finding(r->ex, EXPLORE_NO_END, msg, NULL, &r->path);
    r->failed = 1;
}

/* Decides and acts until the scenario ends or the path fails. */
static void runner_loop(Runner *r)
{
    Cands cs = {0};
    while (!r->failed && !scenario_finished(r->sc)) {
        if (r->events > EXPLORE_MAX_EVENTS) {
            char why[160];
            snprintf(why, sizeof why, "mer enn %d hendelser på én vei uten at scenarioet ble "
                                      "ferdig (en løkke med clock.after eller clock.wait som "
                                      "aldri tar slutt?)",
                     EXPLORE_MAX_EVENTS);
            no_end(r, why);
            break;
        }
        if (r->still > MAX_STILL_ACTIONS) {
            no_end(r, "klokken står stille: hver handling gir en ny hendelse med en gang, og "
                      "scenarioet blir aldri ferdig");
            break;
        }
        if (scenario_instructions(r->sc) > EXPLORE_PATH_WORK) {
            char msg[200];
            snprintf(msg, sizeof msg, "veien brukte mer enn %lld millioner Lua-instruksjoner "
                                      "(for mye regnetid)",
                     (long long)EXPLORE_PATH_WORK / 1000000);
            add_finding(r->ex, EXPLORE_BUDGET, msg, NULL, &r->path);
            r->failed = 1;
            break;
        }
        const Cand *c = NULL;
        if (r->policy != POLICY_IDLE && r->actions < MAX_PATH_ACTIONS) {
            enumerate(r, &cs);
            offer_branches(r, &cs);
            c = r->policy == POLICY_RANDOM ? random_pick(r, &cs) : diligent_pick(r, &cs);
        }
        if (c) {
            if (take(r, &c->action, c->key) != 0)
                break;
        } else if (wait_event(r) != 0) {
            break;
        }
        cands_clear(&cs);
    }
    cands_clear(&cs);
    free(cs.items);
}

static const char *end_reason(const EventLog *log)
{
    for (size_t i = 0; i < log->count; i++)
        if (log->items[i].kind == EVENT_HAPPENING && log->items[i].code &&
            strcmp(log->items[i].code, "finish") == 0)
            return "finish";
    return "time_up";
}

static int render_report(Runner *r, const Assessment *a)
{
    World *w = scenario_world(r->sc);
    StrList inputs = {0};
    path_inputs(&r->path, &inputs);
    ReportWall wall = {0, 0, 0};
    ReportInput in = {
        .engine_version = SKRANKEN_VERSION,
        .meta = scenario_meta(r->sc),
        .scenario_sha256 = r->ex->sha256,
        .trainee = "skranken check",
        .exam = r->path.exam,
        .seed = r->path.seed,
        .assessment = a,
        .log = &w->log,
        .catalog = NULL,
        .inputs = &inputs,
        .sim_end = w->clock.now,
        .end_reason = end_reason(&w->log),
        .wall = &wall,
    };
    char *text = report_render(&in);
    int ok = text && text[0] == '{';
    free(text);
    strlist_free(&inputs);
    return ok ? 0 : -1;
}

/* Scores a finished path: the best per goal, the best path, the report. */
static void score_path(Runner *r)
{
    ExploreResult *res = r->ex->res;
    Assessment a;
    assess_attempt(scenario_meta(r->sc), &scenario_world(r->sc)->log, &a);

    int raw = 0;
    for (size_t i = 0; i < a.goal_count; i++)
        raw += a.goals[i].awarded - a.goals[i].deducted - 20 * a.goals[i].criticals;
    learn_lab(r, raw);
    r->path.scored = 1;
    r->path.raw = raw;
    int improved = 0;
    for (size_t i = 0; i < a.goal_count && i < res->goal_count; i++) {
        if (a.goals[i].earned > res->goals[i].best) {
            res->goals[i].best = a.goals[i].earned;
            improved = 1;
        }
        if (a.goals[i].awarded > res->goals[i].awarded)
            res->goals[i].awarded = a.goals[i].awarded;
    }
    if (a.points > res->best_points) {
        res->best_points = a.points;
        res->best_seed = r->path.seed;
        res->best_exam = r->path.exam;
        strlist_free(&res->best_inputs);
        path_inputs(&r->path, &res->best_inputs);
    }
    if (improved || !r->ex->reported[r->variant]) {
        r->ex->reported[r->variant] = 1;
        if (render_report(r, &a) != 0)
            add_finding(r->ex, EXPLORE_REPORT, "rapporten for denne veien kunne ikke lages",
                        NULL, &r->path);
    }
    assessment_free(&a);
}

/* Plays on to the end, scores, and keeps the path for later branches. */
static void runner_finish(Runner *r)
{
    Explorer *ex = r->ex;
    if (r->sc) {
        if (!r->failed && scenario_run_to_end(r->sc) != 0)
            runner_fault(r);
        if (!r->failed)
            score_path(r);
        ex->work += scenario_instructions(r->sc);
        scenario_free(r->sc);
        r->sc = NULL;
    }
    ex->res->paths++;
    r->path.failed = r->failed;
    SK_GROW(ex->paths, ex->path_count, ex->path_cap);
    ex->paths[ex->path_count++] = r->path;
    memset(&r->path, 0, sizeof r->path);
    keys_free(&r->done);
}

static void run_fresh(Explorer *ex, int variant, Policy policy, SimTime pace)
{
    Runner r;
    if (runner_start(&r, ex, variant, policy, pace) == 0)
        runner_loop(&r);
    runner_finish(&r);
}

/* Replays steps [0, step) of a stored path, then takes action (if any) and
 * goes on with the policy. */
/* Replays steps [0, step) of a stored path, then takes the branch (an action, or
 * a mark for the policy), and goes on with the policy. A branch's key learns
 * whether the whole path scored more or less than the path it came from. */
static void run_from(Explorer *ex, size_t path, size_t step, const Branch *b, Policy policy)
{
    const Path *from = &ex->paths[path];
    int variant = (int)from->seed - 1;
    Runner r;
    if (runner_start(&r, ex, variant, policy, DILIGENT_PACE) == 0) {
        int ok = 1;
        for (size_t i = 0; i < step && ok; i++) {
            /* ex->paths may move while this runs: index it each time. */
            Step copy = ex->paths[path].steps[i];
            ok = replay(&r, &copy) == 0;
        }
        if (ok && b && b->directive) {
            done_add(&r, b->key);
            keys_find(&ex->keys, b->key, 1)->flags |= KEY_TAKEN;
        } else if (ok && b && !scenario_finished(r.sc)) {
            ok = take(&r, &b->action, b->key) == 0;
        }
        if (ok)
            runner_loop(&r);
    }
    runner_finish(&r);
    const Path *parent = &ex->paths[path], *child = &ex->paths[ex->path_count - 1];
    if (b && parent->scored && child->scored && child->raw != parent->raw) {
        KeyEntry *e = keys_find(&ex->keys, b->key, 1);
        if (child->raw > parent->raw)
            e->better++;
        else
            e->worse++;
    }
}


/* The next branch whose key no path has taken yet: questions first, then the
 * side classes in turn, the far ones last. */
static int queue_pop(Explorer *ex, int cls, Branch *out)
{
    Queue *q = &ex->queues[cls];
    while (q->head < q->count) {
        Branch b = q->items[q->head++];
        KeyEntry *e = keys_find(&ex->keys, b.key, 0);
        if (e && (e->flags & KEY_TAKEN)) {
            action_free(&b.action);
            free(b.key);
            continue;
        }
        *out = b;
        return 1;
    }
    return 0;
}

static int frontier_pop(Explorer *ex, Branch *out)
{
    for (int cls = 0; cls < C_RECORD; cls++)
        if (queue_pop(ex, cls, out))
            return 1;
    if (queue_pop(ex, QUEUE_HOT, out))
        return 1;
    int sides = C_FAR - C_RECORD;
    for (int k = 0; k < sides; k++) {
        int cls = C_RECORD + (ex->side_turn + k) % sides;
        if (queue_pop(ex, cls, out)) {
            ex->side_turn = (ex->side_turn + k + 1) % sides;
            return 1;
        }
    }
    return queue_pop(ex, C_FAR, out);
}

static int should_stop(Explorer *ex)
{
    if (ex->failing >= FAILING_PATHS_STOP || ex->work > EXPLORE_TOTAL_WORK) {
        ex->res->stopped = 1;
        return 1;
    }
    return 0;
}

static void random_walk(Explorer *ex)
{
    size_t how = walk_below(&ex->rand, 4);
    if (how >= 2) {
        run_fresh(ex, (int)walk_below(&ex->rand, (size_t)ex->o->seeds), POLICY_VARIED,
                  DILIGENT_PACE);
    } else if (ex->path_count && how == 1) {
        size_t p = walk_below(&ex->rand, ex->path_count);
        const Path *from = &ex->paths[p];
        /* Never through the step that failed: that finding is known. */
        size_t k = walk_below(&ex->rand, from->count + (from->failed ? 0 : 1));
        run_from(ex, p, k, NULL, POLICY_RANDOM);
    } else {
        run_fresh(ex, (int)walk_below(&ex->rand, (size_t)ex->o->seeds), POLICY_RANDOM,
                  DILIGENT_PACE);
    }
}

static void load_goals(Explorer *ex)
{
    char err[512];
    Scenario *sc = load_variant(ex, 1, !ex->o->practice, err, sizeof err);
    if (!sc)
        return; /* the first path reports it */
    const ScenarioMeta *m = scenario_meta(sc);
    ExploreResult *res = ex->res;
    res->goals = sk_xcalloc(m->goal_count ? m->goal_count : 1, sizeof *res->goals);
    res->goal_count = m->goal_count;
    for (size_t i = 0; i < m->goal_count; i++) {
        res->goals[i].id = sk_xstrdup(m->goals[i].id);
        res->goals[i].max = m->goals[i].max;
        res->max_points += m->goals[i].max;
    }
    scenario_free(sc);
}

void explore_scenario(const ExploreOptions *o, ExploreResult *out)
{
    memset(out, 0, sizeof *out);
    Explorer ex;
    memset(&ex, 0, sizeof ex);
    ex.o = o;
    ex.res = out;
    ex.rand = 0x5eed5c4eccULL;
    ex.cache = scenario_cache_new();
    out->seeds = o->seeds;
    out->best_points = -1;
    sha256_hex(o->source, o->size, ex.sha256);
    ex.reported = sk_xcalloc((size_t)o->seeds, sizeof *ex.reported);
    mine_source(&ex);
    load_goals(&ex);

    /* The diligent trainee on every seed, then doing nothing, then slowly. */
    for (int v = 0; v < o->seeds && out->paths < o->paths && !should_stop(&ex); v++)
        run_fresh(&ex, v, POLICY_DILIGENT, DILIGENT_PACE);
    if (out->paths < o->paths && !should_stop(&ex))
        run_fresh(&ex, 0, POLICY_IDLE, DILIGENT_PACE);
    if (out->paths < o->paths && !should_stop(&ex))
        run_fresh(&ex, 0, POLICY_DILIGENT, SLOW_PACE);
    /* Then two branches for every random walk, while there are branches. */
    for (int i = 0; out->paths < o->paths && !should_stop(&ex); i++) {
        Branch b;
        if (i % 3 != 2 && frontier_pop(&ex, &b)) {

            run_from(&ex, b.path, b.step, &b, POLICY_DILIGENT);
            action_free(&b.action);
            free(b.key);
        } else {
            random_walk(&ex);
        }
    }
    if (out->best_points < 0)
        out->best_points = 0;

    for (int c = 0; c <= QUEUE_HOT; c++) {
        Queue *q = &ex.queues[c];
        for (size_t i = q->head; i < q->count; i++) {
            action_free(&q->items[i].action);
            free(q->items[i].key);
        }
        free(q->items);
    }
    for (size_t i = 0; i < ex.path_count; i++)
        path_free(&ex.paths[i]);
    free(ex.paths);
    keys_free(&ex.keys);
    strlist_free(&ex.hints);
    strlist_free(&ex.amounts);
    strlist_free(&ex.times);
    strlist_free(&ex.src_slots);
    scenario_cache_free(ex.cache);
    strlist_free(&ex.src_days);
    free(ex.reported);
}

void explore_result_free(ExploreResult *r)
{
    for (size_t i = 0; i < r->goal_count; i++)
        free(r->goals[i].id);
    free(r->goals);
    for (size_t i = 0; i < r->finding_count; i++) {
        free(r->findings[i].message);
        free(r->findings[i].traceback);
        strlist_free(&r->findings[i].inputs);
    }
    free(r->findings);
    strlist_free(&r->best_inputs);
    memset(r, 0, sizeof *r);
}
