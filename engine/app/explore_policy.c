/* The path explorer's policies (docs/check.md): how a path chooses among the
 * candidates. Diligent: what a careful trainee does, and what paid before;
 * varied: the same with chance in lab steps, tubes and answers; random: any
 * candidate, weighted by class. */
#include "explore_internal.h"

#include <stdio.h>
#include <string.h>

#define RANDOM_MAX_ACTIONS 400
#define FINISH_AFTER (4 * SIMTIME_MINUTE) /* idle time on a lab task before its last step */

/* --------------------------------------------------- keys and what they paid */

/* The average points a key paid, and whether it was ever taken. */
static int key_value(KeyTable *t, const char *key, double *value)
{
    KeyEntry *e = keys_find(t, key, 0);
    if (!e || e->count == 0)
        return 0;
    *value = (double)e->sum / e->count;
    return 1;
}

/* 1 if branches that took the key scored more than their parents more often
 * than less (see run_from). */
static int key_better(KeyTable *t, const char *key)
{
    KeyEntry *e = keys_find(t, key, 0);
    return e && e->better > e->worse;
}

/* Weights for random walks, by class. */
static const int class_weight[C_COUNT] = {16, 16, 16, 12, 8, 8, 8, 3, 3, 2, 12, 1};

/* -------------------------------------------------------------- policies */

static int cand_done(Runner *r, const Cand *c)
{
    return done_has(r, c->key);
}

/* The person's best candidate of the class: by what it paid right away (never
 * taken counts as 0), one more if branches with it scored more than their
 * parents and one less if less; ties go to the first. */
static const Cand *best_of(Runner *r, const Cands *cs, CandClass cls, const char *person)
{
    const Cand *best = NULL;
    double best_value = 0;
    for (size_t i = 0; i < cs->count; i++) {
        const Cand *c = &cs->items[i];
        if (c->cls != cls || (person && strcmp(c->action.args[0], person) != 0))
            continue;
        double v = 0;
        key_value(&r->ex->keys, c->key, &v);
        KeyEntry *e = keys_find(&r->ex->keys, c->key, 0);
        if (e && e->better != e->worse) /* what the rest of the path made of it */
            v += e->better > e->worse ? 1 : -1;
        if (!best || v > best_value) {
            best = c;
            best_value = v;
        }
    }
    return best;
}

/* One of the person's candidates of the class, by chance. */
static const Cand *any_of(Runner *r, const Cands *cs, CandClass cls, const char *person)
{
    size_t n = 0;
    for (size_t i = 0; i < cs->count; i++)
        n += cs->items[i].cls == cls && strcmp(cs->items[i].action.args[0], person) == 0;
    size_t k = walk_below(&r->rand, n);
    for (size_t i = 0; i < cs->count; i++)
        if (cs->items[i].cls == cls && strcmp(cs->items[i].action.args[0], person) == 0 &&
            k-- == 0)
            return &cs->items[i];
    return NULL;
}

static const Cand *first_of(const Cands *cs, CandClass cls, ActionKind kind)
{
    for (size_t i = 0; i < cs->count; i++)
        if (cs->items[i].cls == cls && cs->items[i].action.kind == kind)
            return &cs->items[i];
    return NULL;
}

static const Cand *find_cand(const Cands *cs, ActionKind kind, const char *a0, const char *a1)
{
    for (size_t i = 0; i < cs->count; i++) {
        const Action *a = &cs->items[i].action;
        if (a->kind == kind && (!a0 || (a->args[0] && strcmp(a->args[0], a0) == 0)) &&
            (!a1 || (a->args[1] && strcmp(a->args[1], a1) == 0)))
            return &cs->items[i];
    }
    return NULL;
}

static int lab_done(Runner *r, const char *task, const char *what)
{
    char mark[200];
    snprintf(mark, sizeof mark, "labdone|%s|%s", task, what);
    return done_has(r, mark);
}

/* Marks what a taken action means for the policies: a lab task touched (and
 * with what), a record opened. */
void mark_taken(Runner *r, const Action *a)
{
    char mark[200];
    const char *task = action_field(a, "task");
    if (task && a->args[1]) {
        snprintf(mark, sizeof mark, "labany|%s", task);
        done_add(r, mark);
        snprintf(mark, sizeof mark, "labdone|%s|%s", task, a->args[1]);
        done_add(r, mark);
    }
    if (a->kind == ACTION_OPEN_RECORD) {
        snprintf(mark, sizeof mark, "opened|%s", a->args[0]);
        done_add(r, mark);
    }
}

/* What paths scored with a lab step (or tube) and without it: "in|task|what" and
 * "out|task|what" hold the raw points of whole paths (awarded minus deducted,
 * before each goal is kept within 0 and its maximum, so a step that costs a
 * point still shows when the goal is at 0 anyway). */
void learn_lab(Runner *r, int points)
{
    const World *w = scenario_world(r->sc);
    char key[200];
    for (size_t i = 0; i < w->task_count; i++) {
        const LabTask *t = &w->tasks[i];
        size_t n = t->step_ids.count + (is_ecg(t) ? 0 : 7);
        for (size_t k = 0; k < n; k++) {
            const char *what = k < t->step_ids.count ? t->step_ids.items[k]
                                                      : world_tubes[k - t->step_ids.count];
            char label[80];
            snprintf(label, sizeof label, "%s%s", k < t->step_ids.count ? "" : "tube:", what);
            snprintf(key, sizeof key, "%s|%s|%s", lab_done(r, t->id, what) ? "in" : "out", t->id,
                     label);
            KeyEntry *e = keys_find(&r->ex->keys, key, 1);
            e->sum += points;
            e->count++;
        }
    }
}

/* The group a lab step belongs to: the steps of the task that share its prefix
 * before '_' ("site_ring", "site_thumb", ...). Often the trainee should do one
 * of them; that is tried as a branch ("only|task|step") and kept if the path
 * scored more. Returns the prefix length, or 0 if the step has no group. */
size_t step_group(const LabTask *t, const char *step)
{
    const char *bar = strchr(step, '_');
    if (!bar)
        return 0;
    size_t n = (size_t)(bar - step) + 1, members = 0;
    for (size_t i = 0; i < t->step_ids.count; i++)
        members += strncmp(t->step_ids.items[i], step, n) == 0;
    return members >= 2 ? n : 0;
}

/* The one member of a step's group this path does, or NULL: the branch's own
 * mark, else a member whose branch scored more than its parent. */
static const char *group_choice(Runner *r, const LabTask *t, const char *step)
{
    size_t n = step_group(t, step);
    if (!n)
        return NULL;
    char key[200];
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < t->step_ids.count; i++) {
            const char *m = t->step_ids.items[i];
            if (strncmp(m, step, n) != 0)
                continue;
            snprintf(key, sizeof key, "only|%s|%s", t->id, m);
            if (pass == 0 ? done_has(r, key) : key_better(&r->ex->keys, key))
                return m;
        }
    return NULL;
}

/* Whether this path does a lab step (what = the step) or picks a tube (what =
 * "tube:NAME"). A step group's chosen member excludes the others; a tube whose
 * branch scored more is taken. Else the varied policy decides by chance (once
 * per path), and the others follow what paths with it scored against paths
 * without (steps yes and tubes no until known). */
static int lab_wanted(Runner *r, const LabTask *t, const char *what, int by_default)
{
    const char *task = t->id;
    char yes[200], no[200];
    snprintf(yes, sizeof yes, "vil|%s|%s", task, what);
    snprintf(no, sizeof no, "vil-ikke|%s|%s", task, what);
    if (done_has(r, yes))
        return 1;
    if (done_has(r, no))
        return 0;
    int want = by_default;
    int tube = strncmp(what, "tube:", 5) == 0;
    const char *chosen = tube ? NULL : group_choice(r, t, what);
    char tube_key[200] = "";
    if (tube)
        snprintf(tube_key, sizeof tube_key, "tube|%s|%s", task, what + 5);
    if (chosen) {
        want = strcmp(chosen, what) == 0;
    } else if (tube && key_better(&r->ex->keys, tube_key)) {
        want = 1;
    } else if (r->policy == POLICY_VARIED) {
        want = walk_below(&r->rand, 100) < (by_default ? 55u : 35u);
    } else {
        char in[200], out[200];
        snprintf(in, sizeof in, "in|%s|%s", task, what);
        snprintf(out, sizeof out, "out|%s|%s", task, what);
        KeyEntry *a = keys_find(&r->ex->keys, in, 0), *b = keys_find(&r->ex->keys, out, 0);
        if (a && b && a->count >= 2 && b->count >= 2) {
            double mi = (double)a->sum / a->count, mo = (double)b->sum / b->count;
            want = by_default ? !(mo > mi + 0.25) : mi > mo + 0.25;
        }
    }
    done_add(r, want ? yes : no);
    return want;
}

static SimTime world_now(Runner *r)
{
    return scenario_world(r->sc)->clock.now;
}

/* When the trainee last did something on the task (its opening if nothing). */
static SimTime last_task_action(Runner *r, const char *task)
{
    const World *w = scenario_world(r->sc);
    for (size_t i = w->log.count; i-- > 0;) {
        const Event *e = &w->log.items[i];
        const char *t = e->kind == EVENT_ACTION ? action_field(&e->action, "task") : NULL;
        if (t && strcmp(t, task) == 0)
            return e->t;
    }
    const LabTask *lt = world_task(w, task);
    return lt ? lt->opened : 0;
}

/* A task the diligent way: the declared steps in their order (those that paths
 * did better without left out), the tubes that paid before the plaster or
 * sharps step, the electrodes in the middle, the label, hand hygiene once more,
 * and the final step last, after a quiet while. */
static const Cand *diligent_lab(Runner *r, const Cands *cs, const LabTask *t)
{
    size_t n = t->step_ids.count, half = n / 2, tubes_at = n;
    for (size_t i = 0; i < n && tubes_at == n; i++)
        if (strstr(t->step_ids.items[i], "plaster") || strstr(t->step_ids.items[i], "sharps"))
            tubes_at = i;
    for (size_t i = 0; i <= n; i++) {
        if (i == half && is_ecg(t))
            for (size_t k = 0; k < sizeof right_site / sizeof right_site[0]; k++)
                if (!lab_done(r, t->id, right_site[k][0]))
                    return find_cand(cs, ACTION_PLACE_ELECTRODE, t->id, right_site[k][0]);
        if (i == tubes_at && !is_ecg(t))
            for (size_t k = 0; world_tubes[k]; k++) {
                char what[40];
                snprintf(what, sizeof what, "tube:%s", world_tubes[k]);
                if (!lab_done(r, t->id, world_tubes[k]) && lab_wanted(r, t, what, 0))
                    return find_cand(cs, ACTION_PICK_TUBE, t->id, world_tubes[k]);
            }
        if (i == n)
            break;
        const char *step = t->step_ids.items[i];
        if (is_final_step(step) || lab_done(r, t->id, step) || !lab_wanted(r, t, step, 1))
            continue;
        return find_cand(cs, ACTION_LAB_STEP, t->id, step);
    }
    if (!lab_done(r, t->id, t->patient))
        return find_cand(cs, ACTION_LABEL, t->id, t->patient);
    /* Hand hygiene before and after touching the patient (WHO's moments): the
     * hygiene step once more before the end. */
    char again[120];
    snprintf(again, sizeof again, "lab-igjen|%s", t->id);
    for (size_t i = 0; i < n && !done_has(r, again); i++)
        if (strstr(t->step_ids.items[i], "hygiene")) {
            done_add(r, again);
            return find_cand(cs, ACTION_LAB_STEP, t->id, t->step_ids.items[i]);
        }
    /* A quick test's answer comes minutes after the sample: finish a task only
     * when nothing was done on it for a while. */
    if (world_now(r) - last_task_action(r, t->id) < FINISH_AFTER)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (is_final_step(t->step_ids.items[i]) && !lab_done(r, t->id, t->step_ids.items[i]))
            return find_cand(cs, ACTION_LAB_STEP, t->id, t->step_ids.items[i]);
    return NULL;
}

static int value_below_zero(Runner *r, const Cand *c)
{
    double v = 0;
    return key_value(&r->ex->keys, c->key, &v) && v < 0;
}

/* A careful secretary's habit with records: look up the record of the person
 * dealt with (before booking for them, say) and of a patient they talk about
 * (consent, appointments), and close a record when its person is gone and
 * nobody is asking anything; unless doing so cost points before (opening the
 * record of someone only asked about is often the trap). */
static const Cand *diligent_record(Runner *r, const Cands *cs)
{
    const World *w = scenario_world(r->sc);
    Context ctx;
    context_make(w, &ctx);
    const Cand *pick = NULL;
    for (int pass = 0; pass < 2 && !pick; pass++)
        for (size_t i = 0; i < cs->count && !pick; i++) {
            const Cand *c = &cs->items[i];
            if (c->action.kind != ACTION_OPEN_RECORD || c->cls != C_RECORD)
                continue;
            int own = strncmp(c->key, "open_record|@ctx|", 17) == 0;
            if (pass == 0 ? !own : own || !has_text(&ctx.bookable, c->action.args[0]))
                continue;
            char opened[100];
            snprintf(opened, sizeof opened, "opened|%s", c->action.args[0]);
            if (!done_has(r, opened) && !value_below_zero(r, c))
                pick = c;
        }
    strlist_free(&ctx.people);
    strlist_free(&ctx.bookable);
    if (pick)
        return pick;
    if (w->open_record && !world_can_talk(w, w->open_record) && !w->prompt_count) {
        const Cand *c = first_of(cs, C_RECORD, ACTION_CLOSE_RECORD);
        if (c && !value_below_zero(r, c))
            return c;
    }
    return NULL;
}

/* What a careful trainee does next: what paid before (once per path), then
 * answer the phone, answer questions, take calls off hold, serve, register,
 * read, work the lab tasks; else wait for the next event. */
const Cand *diligent_pick(Runner *r, const Cands *cs)
{
    const World *w = scenario_world(r->sc);
    const Cand *c = first_of(cs, C_ANSWER, ACTION_ANSWER);
    if (c && !value_below_zero(r, c))
        return c;
    c = NULL;
    if ((c = diligent_record(r, cs)))
        return c;
    /* What paid right away, or made the whole path score more, once per path. */
    double best = 0.5;
    for (size_t i = 0; i < cs->count; i++) {
        const Cand *x = &cs->items[i];
        /* Not questions (best_of below) and not lab steps, whose order matters
         * more than what one of them paid. */
        if (x->cls == C_LAB || x->cls == C_CHOOSE || x->cls == C_TYPE || cand_done(r, x))
            continue;
        double v = 0;
        int known = key_value(&r->ex->keys, x->key, &v);
        if (key_better(&r->ex->keys, x->key)) {
            v += 1;
            known = 1;
        }
        if (known && v > best) {
            c = x;
            best = v;
        }
    }
    if (c)
        return c;
    if ((c = first_of(cs, C_ANSWER, ACTION_ANSWER)))
        return c;
    for (size_t i = 0; i < cs->count; i++)
        if (cs->items[i].cls == C_CHOOSE || cs->items[i].cls == C_TYPE) {
            if (r->policy == POLICY_VARIED && walk_below(&r->rand, 100) < 30)
                return any_of(r, cs, cs->items[i].cls, cs->items[i].action.args[0]);
            return best_of(r, cs, cs->items[i].cls, cs->items[i].action.args[0]);
        }
    if ((c = first_of(cs, C_UNHOLD, ACTION_UNHOLD)))
        return c;
    int counter_busy = 0;
    for (size_t i = 0; i < w->visit_count; i++)
        if (w->visits[i].state == VISIT_AT_COUNTER && world_prompt(w, w->visits[i].person))
            counter_busy = 1;
    for (size_t i = 0; i < cs->count && !counter_busy; i++) {
        const Cand *s = &cs->items[i];
        if (s->cls != C_SERVE)
            continue;
        const Visit *v = world_visit(w, s->action.args[0]);
        if (v && (v->served < 0 || world_prompt(w, v->person)))
            return s;
    }
    if ((c = first_of(cs, C_DESK, ACTION_CHECK_IN)))
        return c;
    for (size_t i = 0; i < cs->count; i++)
        if (cs->items[i].action.kind == ACTION_CHARGE)
            return best_of(r, cs, C_DESK, cs->items[i].action.args[0]);
    if ((c = first_of(cs, C_MESSAGE, ACTION_READ_MESSAGE)))
        return c;
    for (size_t i = 0; i < w->task_count; i++)
        if (!w->tasks[i].done && (c = diligent_lab(r, cs, &w->tasks[i])))
            return c;
    if (w->screen_locked && !w->prompt_count && (c = first_of(cs, C_PHONE, ACTION_UNLOCK_SCREEN)))
        return c;
    return NULL;
}

const Cand *random_pick(Runner *r, const Cands *cs)
{
    if (r->actions >= RANDOM_MAX_ACTIONS || walk_below(&r->rand, 100) < 25)
        return NULL;
    size_t total = 0;
    for (size_t i = 0; i < cs->count; i++)
        total += (size_t)class_weight[cs->items[i].cls];
    size_t x = walk_below(&r->rand, total);
    for (size_t i = 0; i < cs->count; i++) {
        size_t wgt = (size_t)class_weight[cs->items[i].cls];
        if (x < wgt)
            return &cs->items[i];
        x -= wgt;
    }
    return NULL;
}
