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
 * deterministic: the same file and options give the same result. */
#include "explore.h"
#include "commands.h"
#include "assess/scoring.h"
#include "core/alloc.h"
#include "core/sha256.h"
#include "report/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAILING_PATHS_STOP 6     /* stop exploring after this many failing paths */
#define MAX_STILL_ACTIONS 500    /* actions in a row without the clock moving */
#define MAX_PATH_ACTIONS 3000    /* then a policy only waits */
#define RANDOM_MAX_ACTIONS 400
#define RECENT_EVENTS 60         /* log entries searched for what was just said */
#define POOL_MAX 32
#define MAX_SLOTS 16
#define DILIGENT_PACE (5 * SIMTIME_SECOND)
#define SLOW_PACE (45 * SIMTIME_SECOND)
#define FINISH_AFTER (4 * SIMTIME_MINUTE) /* idle time on a lab task before its last step */

/* ----------------------------------------------------------- small tools */

static uint64_t hash_text(const char *s)
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

static size_t walk_below(uint64_t *state, size_t n)
{
    return n ? (size_t)(walk_next(state) % n) : 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int has_text(const StrList *list, const char *text)
{
    return strlist_index(list, text) >= 0;
}

static void push_unique(StrList *list, const char *text, size_t max)
{
    if (list->count < max && !has_text(list, text))
        strlist_push(list, text);
}

/* --------------------------------------------------- keys and what they paid */

#define KEY_QUEUED 1u /* offered as a branch */
#define KEY_TAKEN 2u  /* taken on some path */

typedef struct KeyEntry {
    char *key;
    unsigned flags;
    long sum; /* points scored right after taking it, over every time it was taken */
    int count;
    /* Branches that took it against the path they branched from: how often the
     * whole path scored more, and how often less (raw points). */
    int better, worse;
} KeyEntry;

typedef struct KeyTable {
    KeyEntry *slots;
    size_t used, cap; /* cap is a power of two */
} KeyTable;

static KeyEntry *keys_slot(KeyEntry *slots, size_t cap, const char *key)
{
    size_t i = (size_t)hash_text(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static KeyEntry *keys_find(KeyTable *t, const char *key, int create)
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

/* ------------------------------------------------------------ paths */

typedef enum StepKind {
    STEP_WAIT, /* run up to the next scheduled event */
    STEP_ACT,  /* a trainee action at its time */
    STEP_TIME  /* move the clock to t (an action that did not fit; never printed) */
} StepKind;

typedef struct Step {
    StepKind kind;
    Action action; /* STEP_ACT */
    SimTime t;     /* STEP_TIME */
} Step;

typedef struct Path {
    uint64_t seed;
    int exam;
    int failed; /* its last step ended in a finding */
    int scored; /* it ran to the end; raw holds its points */
    int raw;    /* awarded minus deducted, 20 off per critical error */
    Step *steps;
    size_t count, cap;
} Path;

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

/* In the order branches are taken: every option of every question first, then
 * the side actions in turn (records, timebok, phone and screen, lab), and the
 * far ones (snooping) last. */
typedef enum CandClass {
    C_CHOOSE,
    C_TYPE,
    C_ANSWER,
    C_SERVE,
    C_UNHOLD,
    C_MESSAGE,
    C_DESK,
    C_RECORD, /* from here to C_LAB: taken in turn */
    C_BOOK,
    C_PHONE,
    C_LAB,
    C_FAR, /* about no one the trainee deals with */
    C_COUNT
} CandClass;

/* Side actions for the person dealt with while they wait for something ("|@ctx|ledig"):
 * the moment a scenario waits for a booking or a look in the record. Their
 * branches go first among the side actions. */
#define QUEUE_HOT C_COUNT

/* Weights for random walks, by class. */
static const int class_weight[C_COUNT] = {16, 16, 16, 12, 8, 8, 8, 3, 3, 2, 12, 1};

typedef struct Cand {
    Action action;
    CandClass cls;
    char *key;
} Cand;

typedef struct Cands {
    Cand *items;
    size_t count, cap;
} Cands;

static void cands_clear(Cands *cs)
{
    for (size_t i = 0; i < cs->count; i++) {
        action_free(&cs->items[i].action);
        free(cs->items[i].key);
    }
    cs->count = 0;
}

typedef struct Branch {
    size_t path;   /* index in Explorer.paths */
    size_t step;   /* replay this many steps, then take the action */
    int directive; /* no action: the key is a mark for the policy ("only|task|step") */
    Action action;
    char *key;
} Branch;

typedef struct Queue {
    Branch *items;
    size_t head, count, cap;
} Queue;

/* --------------------------------------------------------------- explorer */

typedef struct Explorer {
    const ExploreOptions *o;
    ExploreResult *res;
    char sha256[65];
    Path *paths;
    size_t path_count, path_cap;
    Queue queues[C_COUNT + 1]; /* per class, and the hot queue (QUEUE_HOT) */
    KeyTable keys;
    StrList hints;     /* numbers in feedback texts ("116 117") */
    StrList amounts;   /* kroner amounts said or written anywhere */
    StrList times;     /* clock times said or written anywhere ("08:20") */
    StrList src_slots; /* slot references written in the source ("+20/08:20") */
    StrList src_days;  /* their day parts ("20") */
    int *reported;     /* per variant: a report was rendered */
    int side_turn;     /* which side class gives the next branch */
    int failing;       /* paths that ended in a finding */
    long long work;    /* Lua instructions over all paths */
    uint64_t rand;
} Explorer;

/* Diligent: what a careful trainee does (and what paid before); varied: the same
 * with chance in lab steps, tubes and answers; random: any candidate, any pace;
 * idle: nothing at all. */
typedef enum Policy { POLICY_DILIGENT, POLICY_VARIED, POLICY_RANDOM, POLICY_IDLE } Policy;

typedef struct Runner {
    Explorer *ex;
    Scenario *sc;
    Path path;
    int variant;
    Policy policy;
    uint64_t rand;
    SimTime pace;       /* time between actions (diligent) */
    int events, actions, still, mismatches;
    size_t mined;       /* log entries already mined for numbers, times, amounts */
    KeyTable done;      /* keys taken on this path, and the runner's own marks */
    int failed;         /* a finding ended the path */
} Runner;

static int done_has(Runner *r, const char *mark)
{
    return keys_find(&r->done, mark, 0) != NULL;
}

static void done_add(Runner *r, const char *mark)
{
    keys_find(&r->done, mark, 1);
}

/* ------------------------------------------------------- mining the texts */

typedef void (*TextFn)(void *ud, const char *found);

/* Each run of digits, where single spaces or dots may join groups ("116 117",
 * "902 58 116", "109154 47614"), as the digits alone; 3 to 11 of them. */
static void each_number(const char *text, TextFn fn, void *ud)
{
    const char *p = text;
    while (*p) {
        if (!is_digit(*p)) {
            p++;
            continue;
        }
        char digits[32];
        size_t n = 0;
        while (*p) {
            if (is_digit(*p)) {
                if (n < sizeof digits - 1)
                    digits[n] = *p;
                n++;
                p++;
            } else if ((*p == ' ' || *p == '.') && is_digit(p[1])) {
                p++;
            } else {
                break;
            }
        }
        if (n >= 3 && n <= 11) {
            digits[n] = '\0';
            fn(ud, digits);
        }
    }
}

/* Each clock time "8.20", "08:20" as "08:20". */
static void each_time(const char *text, TextFn fn, void *ud)
{
    for (const char *p = text; *p; p++) {
        if (!is_digit(*p) || (p > text && is_digit(p[-1])))
            continue;
        int h = *p - '0', n = 1;
        if (is_digit(p[1])) {
            h = h * 10 + (p[1] - '0');
            n = 2;
        }
        const char *q = p + n;
        if ((*q != '.' && *q != ':') || !is_digit(q[1]) || !is_digit(q[2]) || is_digit(q[3]))
            continue;
        int m = (q[1] - '0') * 10 + (q[2] - '0');
        if (h > 23 || m > 59)
            continue;
        char hhmm[24];
        snprintf(hhmm, sizeof hhmm, "%02d:%02d", h, m);
        fn(ud, hhmm);
    }
}

/* Each amount in kroner ("170 kr", "0 kroner"). */
static void each_amount(const char *text, TextFn fn, void *ud)
{
    for (const char *p = text; *p; p++) {
        if (!is_digit(*p) || (p > text && is_digit(p[-1])))
            continue;
        const char *q = p;
        while (is_digit(*q))
            q++;
        if (q - p > 6)
            continue;
        const char *k = *q == ' ' ? q + 1 : q;
        if (strncmp(k, "kr", 2) == 0 &&
            !((k[2] >= 'a' && k[2] <= 'z' && strncmp(k, "kroner", 6) != 0))) {
            char amount[8];
            snprintf(amount, sizeof amount, "%.*s", (int)(q - p), p);
            fn(ud, amount);
        }
    }
}

static void add_hint(void *ud, const char *s) { push_unique(ud, s, POOL_MAX); }

/* Learns from what was said, written and fed back since the last call: numbers
 * in feedback (a "better" text often names the right answer), amounts and
 * clock times anywhere. */
static void mine_log(Runner *r)
{
    Explorer *ex = r->ex;
    const EventLog *log = &scenario_world(r->sc)->log;
    for (; r->mined < log->count; r->mined++) {
        const Event *e = &log->items[r->mined];
        const char *texts[3] = {e->text, NULL, NULL};
        if (e->kind == EVENT_SCORE) {
            texts[1] = e->better;
            texts[2] = e->rule;
        }
        for (int i = 0; i < 3; i++) {
            if (!texts[i])
                continue;
            if (e->kind == EVENT_SCORE)
                each_number(texts[i], add_hint, &ex->hints);
            each_amount(texts[i], add_hint, &ex->amounts);
            each_time(texts[i], add_hint, &ex->times);
        }
    }
}

/* Slot references written in the source: "+N/HH:MM". */
static void mine_source(Explorer *ex)
{
    const char *src = ex->o->source;
    for (size_t i = 0; i + 7 < ex->o->size; i++) {
        if (src[i] != '+' || !is_digit(src[i + 1]))
            continue;
        size_t j = i + 1;
        while (j < ex->o->size && is_digit(src[j]) && j - i < 3)
            j++;
        if (j + 6 > ex->o->size || src[j] != '/')
            continue;
        char ref[16];
        int len = (int)(j + 6 - i);
        if (len >= (int)sizeof ref)
            continue;
        snprintf(ref, sizeof ref, "%.*s", len, src + i);
        int day = 0;
        SimTime t = 0;
        if (slotref_parse(ref, &day, &t) == 0) {
            push_unique(&ex->src_slots, ref, POOL_MAX);
            char d[8];
            snprintf(d, sizeof d, "%d", day);
            push_unique(&ex->src_days, d, POOL_MAX);
        }
    }
}

/* ---------------------------------------------------------- candidates */

static void cand_add(Cands *cs, CandClass cls, ActionKind kind, SimTime t, const char *a0,
                     const char *a1, const char *a2, const char *a3, const char *key)
{
    const char *args[ACTION_MAX_ARGS] = {a0, a1, a2, a3};
    char err[160];
    Action a;
    if (action_make(&a, kind, t, args, err, sizeof err) != 0)
        return; /* a text or name the inputs format cannot carry: not a candidate */
    SK_GROW(cs->items, cs->count, cs->cap);
    Cand *c = &cs->items[cs->count++];
    c->action = a;
    c->cls = cls;
    c->key = sk_xstrdup(key);
}

/* A candidate's key, built in sb (valid until the next call). */
static char *keyf(StrBuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static char *keyf(StrBuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    strbuf_clear(sb);
    strbuf_add(sb, buf);
    return sb->data;
}

/* Where the trainee is: the person dealt with now (asked most recently, else on
 * the phone, else at the counter) and whether a question of theirs is open. Side
 * actions are keyed relative to it ("@ctx"), so what was learned with one caller
 * carries over to the next, and the same action while a caller waits for it
 * ("ledig") is another branch than while a question is open ("spurt"). */
typedef struct Context {
    const char *person; /* NULL when nobody */
    const char *phase;  /* "spurt", "ledig" or "-" */
    StrList people;     /* the person, everyone at the counter or on the phone, the
                           record on screen, and anyone named by them or in the
                           message read last */
    StrList bookable;   /* the person, the record on screen and the named ones: whom
                           the timebok actions are offered for */
} Context;

static void name_people_in(const World *w, const char *text, StrList *out)
{
    for (size_t i = 0; i < w->person_count; i++)
        if (w->people[i].kind != PERSON_DOCTOR && w->people[i].name[0] &&
            strstr(text, w->people[i].name))
            push_unique(out, w->people[i].id, 16);
}

static void context_make(const World *w, Context *c)
{
    memset(c, 0, sizeof *c);
    c->phase = "-";
    for (size_t i = w->prompt_count; i-- > 0 && !c->person;)
        if (world_can_talk(w, w->prompts[i].person)) {
            c->person = w->prompts[i].person;
            c->phase = "spurt";
        }
    for (size_t i = 0; i < w->call_count && !c->person; i++)
        if (w->calls[i].state == CALL_TALKING) {
            c->person = w->calls[i].caller;
            c->phase = "ledig";
        }
    for (size_t i = w->visit_count; i-- > 0 && !c->person;)
        if (w->visits[i].state == VISIT_AT_COUNTER) {
            c->person = w->visits[i].person;
            c->phase = "ledig";
        }
    if (c->person)
        push_unique(&c->bookable, c->person, 16);
    if (w->open_record)
        push_unique(&c->bookable, w->open_record, 16);
    if (c->person) {
        const Prompt *p = world_prompt(w, c->person);
        if (p)
            name_people_in(w, p->question, &c->bookable);
        size_t seen = 0;
        for (size_t i = w->log.count; i-- > 0 && seen < RECENT_EVENTS; seen++) {
            const Event *e = &w->log.items[i];
            if (e->kind == EVENT_SAY && e->text && e->who && strcmp(e->who, c->person) == 0)
                name_people_in(w, e->text, &c->bookable);
        }
    }
    const Message *last = NULL;
    for (size_t i = 0; i < w->message_count; i++)
        if (w->messages[i].read >= 0 && (!last || w->messages[i].read >= last->read))
            last = &w->messages[i];
    if (last)
        name_people_in(w, last->text, &c->bookable);
    for (size_t i = 0; i < c->bookable.count; i++)
        push_unique(&c->people, c->bookable.items[i], 16);
    for (size_t i = 0; i < w->visit_count; i++)
        if (w->visits[i].state == VISIT_AT_COUNTER)
            push_unique(&c->people, w->visits[i].person, 16);
    for (size_t i = 0; i < w->call_count; i++)
        if (w->calls[i].state == CALL_TALKING || w->calls[i].state == CALL_ON_HOLD)
            push_unique(&c->people, w->calls[i].caller, 16);
}

/* "@ctx" for the person dealt with now, else the id. */
static const char *who(const Context *c, const char *id)
{
    return c->person && strcmp(c->person, id) == 0 ? "@ctx" : id;
}

/* A question without the names and numbers that change with the seed, hashed:
 * the same question on another seed is the same branch. */
static unsigned long long question_hash(const World *w, const char *question)
{
    char *q = sk_xstrdup(question);
    for (size_t i = 0; i < w->person_count; i++) {
        const char *name = w->people[i].name;
        size_t n = strlen(name);
        char *hit;
        while (n && (hit = strstr(q, name)))
            memmove(hit, hit + n, strlen(hit + n) + 1);
        /* ... and each part of it ("Marte", "Solberg") */
        const char *part = name;
        while (*part) {
            size_t len = strcspn(part, " -");
            if (len >= 3) {
                char word[64];
                snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), part);
                while ((hit = strstr(q, word)))
                    memmove(hit, hit + strlen(word), strlen(hit + strlen(word)) + 1);
            }
            part += len;
            while (*part == ' ' || *part == '-')
                part++;
        }
    }
    char *o = q;
    for (const char *p = q; *p; p++)
        if (!is_digit(*p))
            *o++ = *p;
    *o = '\0';
    unsigned long long h = (unsigned long long)hash_text(q);
    free(q);
    return h;
}

typedef struct Collect {
    StrList *list;
    size_t max;
} Collect;

static void collect_text(void *ud, const char *s)
{
    Collect *c = ud;
    push_unique(c->list, s, c->max);
}

/* A line said, as text the trainee could type: at most ACTION_MAX_TEXT bytes,
 * cut at a character boundary. */
static void push_line(StrList *out, const char *line)
{
    char buf[ACTION_MAX_TEXT + 1];
    size_t n = strlen(line);
    if (n > ACTION_MAX_TEXT) {
        n = ACTION_MAX_TEXT;
        while (n > 0 && ((unsigned char)line[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(buf, line, n);
    buf[n] = '\0';
    if (n)
        push_unique(out, buf, 16);
}

/* What the trainee might type: numbers just said in this conversation, the
 * person's own fødselsnummer, the person's last line (a name and a number
 * together), numbers learned from feedback, and one wrong answer. */
static void text_candidates(Runner *r, const char *person, StrList *out)
{
    const World *w = scenario_world(r->sc);
    const EventLog *log = &w->log;
    StrList numbers = {0};
    const char *last_line = NULL;
    Collect c = {&numbers, 4};
    size_t seen = 0;
    for (size_t i = log->count; i-- > 0 && seen < RECENT_EVENTS; seen++) {
        const Event *e = &log->items[i];
        if (e->kind != EVENT_SAY || !e->text)
            continue;
        int theirs = e->who && strcmp(e->who, person) == 0;
        int ours = e->to && strcmp(e->to, person) == 0;
        if (theirs && !last_line)
            last_line = e->text;
        if (theirs || ours)
            each_number(e->text, collect_text, &c);
    }
    for (size_t i = 0; i < numbers.count; i++)
        push_unique(out, numbers.items[i], 16);
    strlist_free(&numbers);
    const Record *rec = world_record(w, person);
    if (rec)
        push_unique(out, rec->fnr, 16);
    if (last_line)
        push_line(out, last_line);
    for (size_t i = 0; i < r->ex->hints.count && i < 3; i++)
        push_unique(out, r->ex->hints.items[r->ex->hints.count - 1 - i], 16);
    push_unique(out, "vet ikke", 16);
}

static int is_final_step(const char *step)
{
    return strstr(step, "done") || strstr(step, "ferdig") || strstr(step, "avslutt") ||
           strstr(step, "finish");
}

static int is_ecg(const LabTask *t)
{
    return strstr(t->kind, "ecg") || strstr(t->kind, "ekg");
}

/* Where a trained secretary puts each lead (docs/inputs-format.md, DOMAIN.md §5). */
static const char *const right_site[][2] = {
    {"V1", "ic4_right_sternal"},          {"V2", "ic4_left_sternal"},
    {"V3", "between_v2_v4"},              {"V4", "ic5_left_midclavicular"},
    {"V5", "ic5_left_anterior_axillary"}, {"V6", "ic5_left_midaxillary"},
    {"RA", "right_arm"},                  {"LA", "left_arm"},
    {"LL", "left_leg"},                   {"RL", "right_leg"},
};
/* The usual mistakes for each lead: one space off, or the other side. */
static const char *const wrong_site[][2] = {
    {"V1", "ic2_right_sternal"}, {"V2", "ic2_left_sternal"},  {"V3", "ic3_left_sternal"},
    {"V4", "ic6_left_midclavicular"}, {"V5", "ic5_left_midaxillary"},
    {"V6", "ic4_left_midaxillary"}, {"RA", "left_arm"}, {"LA", "right_arm"},
    {"LL", "right_leg"}, {"RL", "left_leg"},
};

static void lab_candidates(Runner *r, const LabTask *t, Cands *cs, StrBuf *key)
{
    const World *w = scenario_world(r->sc);
    SimTime now = w->clock.now;
    char mark[120];
    snprintf(mark, sizeof mark, "labany|%s", t->id);
    int first = !done_has(r, mark); /* nothing done on this task yet on this path */
    for (size_t i = 0; i < t->step_ids.count; i++)
        cand_add(cs, C_LAB, ACTION_LAB_STEP, now, t->id, t->step_ids.items[i], NULL, NULL,
                 keyf(key, "lab|%s|%s%s", t->id, t->step_ids.items[i], first ? "|first" : ""));
    if (is_ecg(t)) {
        for (size_t i = 0; i < sizeof right_site / sizeof right_site[0]; i++) {
            cand_add(cs, C_LAB, ACTION_PLACE_ELECTRODE, now, t->id, right_site[i][0],
                     right_site[i][1], NULL,
                     keyf(key, "ecg|%s|%s|%s", t->id, right_site[i][0], right_site[i][1]));
            cand_add(cs, C_LAB, ACTION_PLACE_ELECTRODE, now, t->id, wrong_site[i][0],
                     wrong_site[i][1], NULL,
                     keyf(key, "ecg|%s|%s|%s", t->id, wrong_site[i][0], wrong_site[i][1]));
        }
    } else {
        for (size_t i = 0; world_tubes[i]; i++)
            cand_add(cs, C_LAB, ACTION_PICK_TUBE, now, t->id, world_tubes[i], NULL, NULL,
                     keyf(key, "tube|%s|%s", t->id, world_tubes[i]));
    }
    /* Labels: the task's patient, and other patients (a wrong label is a trap). */
    cand_add(cs, C_LAB, ACTION_LABEL, now, t->id, t->patient, NULL, NULL,
             keyf(key, "label|%s|%s", t->id, t->patient));
    size_t others = 0;
    for (size_t i = 0; i < w->record_count && others < 4; i++)
        if (strcmp(w->records[i].person, t->patient) != 0) {
            cand_add(cs, C_LAB, ACTION_LABEL, now, t->id, w->records[i].person, NULL, NULL,
                     keyf(key, "label|%s|%s", t->id, w->records[i].person));
            others++;
        }
}

/* A free slot worth offering, and how its key names it: a slot the source
 * writes or a clock time someone said by its reference, else just its day
 * (the first free slot of a day stands for that day). */
typedef struct SlotPick {
    const Slot *slot;
    char ref[24], key[24];
} SlotPick;

static int day_listed(const int *days, int nd, int day)
{
    for (int d = 0; d < nd; d++)
        if (days[d] == day)
            return 1;
    return 0;
}

static size_t slot_candidates(Runner *r, SlotPick *out, size_t max)
{
    const World *w = scenario_world(r->sc);
    const Explorer *ex = r->ex;
    int days[6 + POOL_MAX], nd = 0;
    for (int d = 0; d <= 5; d++)
        days[nd++] = d;
    for (size_t i = 0; i < ex->src_days.count && nd < 6 + POOL_MAX; i++)
        days[nd++] = atoi(ex->src_days.items[i]);
    size_t n = 0;
    for (size_t k = 0; k < w->slot_count && n < max / 2; k++) {
        const Slot *s = &w->slots[k];
        if (s->patient || !day_listed(days, nd, s->day))
            continue;
        char ref[24], hhmm[16];
        slotref_format(s->day, s->start, ref, sizeof ref);
        slotref_format(0, s->start, hhmm, sizeof hhmm);
        if (!has_text(&ex->src_slots, ref) && !has_text(&ex->times, hhmm))
            continue;
        out[n].slot = s;
        snprintf(out[n].ref, sizeof out[n].ref, "%s", ref);
        snprintf(out[n].key, sizeof out[n].key, "%s", ref);
        n++;
    }
    /* The first free slot of each doctor on each of the next working days. The
     * slots are in the order the scenario made them: per doctor, day and time. */
    size_t hinted = n;
    for (size_t k = 0; k < w->slot_count && n < max; k++) {
        const Slot *s = &w->slots[k];
        if (s->patient || s->day > 5)
            continue;
        int taken = 0;
        for (size_t j = 0; j < n && !taken; j++)
            taken = out[j].slot == s || (j >= hinted && out[j].slot->day == s->day &&
                                         strcmp(out[j].slot->doctor, s->doctor) == 0);
        if (taken)
            continue;
        out[n].slot = s;
        slotref_format(s->day, s->start, out[n].ref, sizeof out[n].ref);
        snprintf(out[n].key, sizeof out[n].key, "+%d", s->day);
        n++;
    }
    return n;
}

static void timebok_candidates(Runner *r, const Context *c, Cands *cs, StrBuf *key)
{
    const World *w = scenario_world(r->sc);
    SimTime now = w->clock.now;
    if (!c->bookable.count)
        return;
    /* The slots the people dealt with have now (to move or cancel), once. */
    const Slot *theirs[16];
    size_t nt = 0;
    int has[16] = {0}; /* per person in c->bookable */
    for (size_t b = 0; b < w->slot_count; b++) {
        const Slot *s = &w->slots[b];
        if (!s->patient)
            continue;
        int p = strlist_index(&c->bookable, s->patient);
        if (p < 0)
            continue;
        if (p < 16)
            has[p]++;
        if (nt < 16)
            theirs[nt++] = s;
    }
    SlotPick picks[MAX_SLOTS];
    size_t n = slot_candidates(r, picks, MAX_SLOTS);
    for (size_t i = 0; i < n; i++) {
        const Slot *s = picks[i].slot;
        for (size_t p = 0; p < c->bookable.count && p < 16; p++) {
            const char *id = c->bookable.items[p];
            /* A second booking for the same person (a double appointment) is
             * another branch than the first. */
            if (world_record(w, id))
                cand_add(cs, C_BOOK, ACTION_BOOK, now, s->doctor, picks[i].ref, id, NULL,
                         keyf(key, "book|%s|%s|%s|%s|har%d", s->doctor, picks[i].key,
                              who(c, id), c->phase, has[p] > 2 ? 2 : has[p]));
        }
        for (size_t b = 0; b < nt; b++) {
            char from_ref[24];
            slotref_format(theirs[b]->day, theirs[b]->start, from_ref, sizeof from_ref);
            cand_add(cs, C_BOOK, ACTION_MOVE, now, theirs[b]->doctor, from_ref, s->doctor,
                     picks[i].ref,
                     keyf(key, "move|%s|%s|%s|%s", who(c, theirs[b]->patient), s->doctor,
                          picks[i].key, c->phase));
        }
    }
    for (size_t b = 0; b < nt; b++) {
        char ref[24];
        slotref_format(theirs[b]->day, theirs[b]->start, ref, sizeof ref);
        cand_add(cs, C_BOOK, ACTION_CANCEL, now, theirs[b]->doctor, ref, NULL, NULL,
                 keyf(key, "cancel|%s|%s|%s|%s", who(c, theirs[b]->patient), theirs[b]->doctor,
                      ref, c->phase));
    }
}

static void record_candidates(Runner *r, const Context *c, Cands *cs, StrBuf *key)
{
    const World *w = scenario_world(r->sc);
    SimTime now = w->clock.now;
    if (w->open_record)
        cand_add(cs, C_RECORD, ACTION_CLOSE_RECORD, now, NULL, NULL, NULL, NULL,
                 keyf(key, "close_record|%s|%s", who(c, w->open_record), c->phase));
    if (w->screen_locked)
        return;
    for (size_t i = 0; i < w->record_count; i++) {
        const char *id = w->records[i].person;
        if (w->open_record && strcmp(w->open_record, id) == 0)
            continue;
        if (has_text(&c->people, id))
            cand_add(cs, C_RECORD, ACTION_OPEN_RECORD, now, id, NULL, NULL, NULL,
                     keyf(key, "open_record|%s|%s", who(c, id), c->phase));
        else
            cand_add(cs, C_FAR, ACTION_OPEN_RECORD, now, id, NULL, NULL, NULL,
                     keyf(key, "open_record|%s", id));
    }
    for (size_t i = 0; i < c->people.count; i++) {
        const char *id = c->people.items[i];
        const Person *p = world_person(w, id);
        const Record *rec = world_record(w, id);
        if (!p || !rec)
            continue;
        cand_add(cs, C_RECORD, ACTION_SEARCH_RECORD, now, p->name, NULL, NULL, NULL,
                 keyf(key, "search|%s|navn|%s", who(c, id), c->phase));
        cand_add(cs, C_RECORD, ACTION_SEARCH_RECORD, now, rec->fnr, NULL, NULL, NULL,
                 keyf(key, "search|%s|fnr|%s", who(c, id), c->phase));
    }
    if (c->person) {
        StrList said = {0};
        text_candidates(r, c->person, &said);
        for (size_t i = 0; i < said.count; i++)
            if (strlen(said.items[i]) == 11 && is_digit(said.items[i][0]))
                cand_add(cs, C_RECORD, ACTION_SEARCH_RECORD, now, said.items[i], NULL, NULL,
                         NULL, keyf(key, "search|sagt|%s", c->phase));
        strlist_free(&said);
    }
}

static void phone_candidates(Runner *r, const Context *c, Cands *cs, StrBuf *key)
{
    const World *w = scenario_world(r->sc);
    SimTime now = w->clock.now;
    char line[4];
    for (size_t i = 0; i < w->call_count; i++) {
        const Call *call = &w->calls[i];
        if (call->state != CALL_TALKING)
            continue;
        snprintf(line, sizeof line, "%d", call->line);
        cand_add(cs, C_PHONE, ACTION_HOLD, now, line, NULL, NULL, NULL,
                 keyf(key, "hold|%s|%s", who(c, call->caller), c->phase));
        cand_add(cs, C_PHONE, ACTION_HANG_UP, now, line, NULL, NULL, NULL,
                 keyf(key, "hang_up|%s|%s", who(c, call->caller), c->phase));
        for (size_t d = 0; d < w->person_count; d++)
            if (w->people[d].kind == PERSON_DOCTOR)
                cand_add(cs, C_PHONE, ACTION_TRANSFER, now, line, w->people[d].id, NULL, NULL,
                         keyf(key, "transfer|%s|%s|%s", who(c, call->caller), w->people[d].id,
                              c->phase));
    }
    /* Emergencies belong to a conversation: keyed by the person, not "@ctx". */
    const char *about = c->person ? c->person : "-";
    CandClass cls = c->person ? C_PHONE : C_FAR;
    cand_add(cs, cls, ACTION_CALL_113, now, NULL, NULL, NULL, NULL,
             keyf(key, "call_113|%s|%s", about, c->phase));
    for (size_t d = 0; d < w->person_count; d++)
        if (w->people[d].kind == PERSON_DOCTOR)
            cand_add(cs, cls, ACTION_PAGE_DOCTOR, now, w->people[d].id, NULL, NULL, NULL,
                     keyf(key, "page|%s|%s|%s", w->people[d].id, about, c->phase));
    if (w->screen_locked)
        cand_add(cs, C_PHONE, ACTION_UNLOCK_SCREEN, now, NULL, NULL, NULL, NULL,
                 keyf(key, "unlock|%s", c->phase));
    else
        cand_add(cs, cls, ACTION_LOCK_SCREEN, now, NULL, NULL, NULL, NULL,
                 keyf(key, "lock|%s|%s", about, c->phase));
}

static int visit_is_latest(const World *w, const Visit *v)
{
    return world_visit(w, v->person) == v;
}

/* Everything the trainee could do now, in a fixed order. */
static void enumerate(Runner *r, Cands *cs)
{
    World *w = scenario_world(r->sc);
    SimTime now = w->clock.now;
    StrBuf key;
    strbuf_init(&key);
    char line[4];
    for (size_t i = 0; i < w->call_count; i++)
        if (w->calls[i].state == CALL_RINGING) {
            snprintf(line, sizeof line, "%d", w->calls[i].line);
            cand_add(cs, C_ANSWER, ACTION_ANSWER, now, line, NULL, NULL, NULL,
                     keyf(&key, "answer|%s", w->calls[i].caller));
        }
    for (size_t i = 0; i < w->prompt_count; i++) {
        const Prompt *p = &w->prompts[i];
        if (!world_can_talk(w, p->person))
            continue;
        unsigned long long qh = question_hash(w, p->question);
        if (p->kind == PROMPT_CHOICE) {
            for (size_t k = 0; k < p->keys.count; k++)
                cand_add(cs, C_CHOOSE, ACTION_CHOOSE, now, p->person, p->keys.items[k], NULL,
                         NULL, keyf(&key, "choose|%s|%llx|%s", p->person, qh, p->keys.items[k]));
        } else {
            StrList texts = {0};
            text_candidates(r, p->person, &texts);
            for (size_t k = 0; k < texts.count; k++)
                cand_add(cs, C_TYPE, ACTION_TYPE, now, p->person, texts.items[k], NULL, NULL,
                         keyf(&key, "type|%s|%llx|%zu", p->person, qh, k));
            strlist_free(&texts);
        }
    }
    for (size_t i = 0; i < w->call_count; i++)
        if (w->calls[i].state == CALL_ON_HOLD) {
            snprintf(line, sizeof line, "%d", w->calls[i].line);
            cand_add(cs, C_UNHOLD, ACTION_UNHOLD, now, line, NULL, NULL, NULL,
                     keyf(&key, "unhold|%s", w->calls[i].caller));
        }
    for (size_t i = 0; i < w->visit_count; i++) {
        const Visit *v = &w->visits[i];
        if (v->state == VISIT_WAITING && visit_is_latest(w, v))
            cand_add(cs, C_SERVE, ACTION_SERVE, now, v->person, NULL, NULL, NULL,
                     keyf(&key, "serve|%s", v->person));
    }
    for (size_t i = 0; i < w->visit_count; i++) {
        const Visit *v = &w->visits[i];
        if (v->state != VISIT_AT_COUNTER || !visit_is_latest(w, v))
            continue;
        if (!v->checked_in)
            cand_add(cs, C_DESK, ACTION_CHECK_IN, now, v->person, NULL, NULL, NULL,
                     keyf(&key, "check_in|%s", v->person));
        if (v->charged < 0) {
            cand_add(cs, C_DESK, ACTION_CHARGE, now, v->person, "0", NULL, NULL,
                     keyf(&key, "charge|%s|0", v->person));
            for (size_t k = 0; k < r->ex->amounts.count && k < 4; k++)
                cand_add(cs, C_DESK, ACTION_CHARGE, now, v->person, r->ex->amounts.items[k],
                         NULL, NULL,
                         keyf(&key, "charge|%s|%s", v->person, r->ex->amounts.items[k]));
        }
    }
    for (size_t i = 0; i < w->message_count; i++)
        if (w->messages[i].read < 0)
            cand_add(cs, C_MESSAGE, ACTION_READ_MESSAGE, now, w->messages[i].id, NULL, NULL,
                     NULL, keyf(&key, "read|%s", w->messages[i].id));
    for (size_t i = 0; i < w->task_count; i++)
        if (!w->tasks[i].done)
            lab_candidates(r, &w->tasks[i], cs, &key);
    Context c;
    context_make(w, &c);
    record_candidates(r, &c, cs, &key);
    timebok_candidates(r, &c, cs, &key);
    phone_candidates(r, &c, cs, &key);
    strlist_free(&c.people);
    strlist_free(&c.bookable);
    strbuf_free(&key);
}

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
static void mark_taken(Runner *r, const Action *a)
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
static void learn_lab(Runner *r, int points)
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
static size_t step_group(const LabTask *t, const char *step)
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
static const Cand *diligent_pick(Runner *r, const Cands *cs)
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

static const Cand *random_pick(Runner *r, const Cands *cs)
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
    ScenarioOptions so = {0};
    so.chunkname = ex->o->chunkname;
    so.seed = r->path.seed;
    so.exam = r->path.exam;
    so.goal_known = ex->o->goal_known;
    so.goal_ctx = ex->o->goal_ctx;
    char err[2048];
    r->sc = scenario_load(&so, ex->o->source, ex->o->size, err, sizeof err);
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
    ScenarioOptions so = {0};
    so.chunkname = ex->o->chunkname;
    so.seed = 1;
    so.exam = !ex->o->practice;
    so.goal_known = ex->o->goal_known;
    so.goal_ctx = ex->o->goal_ctx;
    char err[512];
    Scenario *sc = scenario_load(&so, ex->o->source, ex->o->size, err, sizeof err);
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
