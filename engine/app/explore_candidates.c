/* The path explorer's candidates (docs/check.md): what it learns from the texts
 * said, written and fed back (numbers, clock times, kroner amounts, slot
 * references in the source), where the trainee is (the context side actions are
 * keyed relative to), and every action the trainee could take now, each with a
 * key that says what it means. */
#include "explore_internal.h"
#include "core/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RECENT_EVENTS 60         /* log entries searched for what was just said */
#define POOL_MAX 32
#define MAX_SLOTS 16

static void push_unique(StrList *list, const char *text, size_t max)
{
    if (list->count < max && !has_text(list, text))
        strlist_push(list, text);
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
void mine_log(Runner *r)
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
void mine_source(Explorer *ex)
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


static void name_people_in(const World *w, const char *text, StrList *out)
{
    for (size_t i = 0; i < w->person_count; i++)
        if (w->people[i].kind != PERSON_DOCTOR && w->people[i].name[0] &&
            strstr(text, w->people[i].name))
            push_unique(out, w->people[i].id, 16);
}

void context_make(const World *w, Context *c)
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

int is_final_step(const char *step)
{
    return strstr(step, "done") || strstr(step, "ferdig") || strstr(step, "avslutt") ||
           strstr(step, "finish");
}

int is_ecg(const LabTask *t)
{
    return strstr(t->kind, "ecg") || strstr(t->kind, "ekg");
}

/* Where a trained secretary puts each lead (docs/inputs-format.md, DOMAIN.md §5). */
const char *const right_site[][2] = {
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
void enumerate(Runner *r, Cands *cs)
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
