#include "world.h"
#include "alloc.h"
#include "fnr.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const person_kind_names[PERSON_KIND_COUNT] = {
    "patient", "relative", "caller", "colleague", "doctor"};

const char *person_kind_name(PersonKind kind)
{
    return (int)kind >= 0 && kind < PERSON_KIND_COUNT ? person_kind_names[kind] : "?";
}

int person_kind_parse(const char *name)
{
    for (int i = 0; i < PERSON_KIND_COUNT; i++)
        if (strcmp(person_kind_names[i], name) == 0)
            return i;
    return -1;
}

const char *call_state_name(CallState state)
{
    switch (state) {
    case CALL_RINGING: return "ringing";
    case CALL_TALKING: return "talking";
    case CALL_ON_HOLD: return "on_hold";
    case CALL_ENDED: return "ended";
    case CALL_MISSED: return "missed";
    case CALL_TRANSFERRED: return "transferred";
    }
    return "?";
}

/* In the order of draw (DOMAIN.md §5). */
const char *const world_tubes[] = {"blood_culture", "citrate", "serum", "heparin",
                                   "edta", "esr", "fluoride", NULL};
const char *const world_leads[] = {"V1", "V2", "V3", "V4", "V5", "V6",
                                   "RA", "LA", "LL", "RL", NULL};

/* Where an electrode can go on the torso diagram (DOMAIN.md §5 names the right
 * ones; the others are the usual mistakes: one space too high or too low). */
const char *const world_sites[] = {
    "ic4_right_sternal",          /* V1 */
    "ic4_left_sternal",           /* V2 */
    "between_v2_v4",              /* V3 */
    "ic5_left_midclavicular",     /* V4 */
    "ic5_left_anterior_axillary", /* V5 */
    "ic5_left_midaxillary",       /* V6 */
    "ic2_right_sternal", "ic2_left_sternal", "ic3_left_sternal",
    "ic6_left_midclavicular", "ic4_left_midaxillary",
    "right_arm", "left_arm", "right_leg", "left_leg", NULL};

static int in_list(const char *const *list, const char *name)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], name) == 0)
            return 1;
    return 0;
}

int world_is_tube(const char *name) { return in_list(world_tubes, name); }
int world_is_lead(const char *name) { return in_list(world_leads, name); }
int world_is_site(const char *name) { return in_list(world_sites, name); }

World *world_new(SimTime start, unsigned long long seed)
{
    World *w = sk_xcalloc(1, sizeof *w);
    clock_init(&w->clock, start);
    rng_seed(&w->sim_rng, seed, RNG_STREAM_SIMULATION);
    rng_seed(&w->cosmetic_rng, seed, RNG_STREAM_COSMETIC);
    eventlog_init(&w->log);
    return w;
}

static void free_record(Record *r)
{
    free(r->person);
    free(r->address);
    free(r->nearest_relative);
    strlist_free(&r->consent);
    strlist_free(&r->reservations);
    strlist_free(&r->notes);
    for (size_t i = 0; i < r->appointment_count; i++) {
        Appointment *a = &r->appointments[i];
        free(a->date);
        free(a->time);
        free(a->doctor);
        free(a->reason);
    }
    free(r->appointments);
    for (size_t i = 0; i < r->result_count; i++) {
        LabResult *l = &r->results[i];
        free(l->test);
        free(l->value);
        free(l->unit);
        free(l->date);
        free(l->reference);
    }
    free(r->results);
}

static void free_prompt(Prompt *p)
{
    free(p->person);
    free(p->question);
    strlist_free(&p->keys);
    strlist_free(&p->texts);
}

void world_free(World *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->person_count; i++) {
        free(w->people[i].id);
        free(w->people[i].name);
        free(w->people[i].phone);
        free(w->people[i].role);
    }
    free(w->people);
    for (size_t i = 0; i < w->record_count; i++)
        free_record(&w->records[i]);
    free(w->records);
    for (size_t i = 0; i < w->slot_count; i++) {
        free(w->slots[i].doctor);
        free(w->slots[i].patient);
        free(w->slots[i].note);
    }
    free(w->slots);
    for (size_t i = 0; i < w->visit_count; i++)
        free(w->visits[i].person);
    free(w->visits);
    for (size_t i = 0; i < w->call_count; i++) {
        free(w->calls[i].caller);
        free(w->calls[i].transferred_to);
    }
    free(w->calls);
    for (size_t i = 0; i < w->prompt_count; i++)
        free_prompt(&w->prompts[i]);
    free(w->prompts);
    for (size_t i = 0; i < w->message_count; i++) {
        free(w->messages[i].id);
        free(w->messages[i].from);
        free(w->messages[i].text);
    }
    free(w->messages);
    for (size_t i = 0; i < w->task_count; i++) {
        free(w->tasks[i].id);
        free(w->tasks[i].patient);
        free(w->tasks[i].kind);
        free(w->tasks[i].title);
        strlist_free(&w->tasks[i].step_ids);
        strlist_free(&w->tasks[i].step_labels);
    }
    free(w->tasks);
    free(w->open_record);
    eventlog_free(&w->log);
    free(w);
}

/* ---------------------------------------------------------------- lookups */

Person *world_person(const World *w, const char *id)
{
    for (size_t i = 0; id && i < w->person_count; i++)
        if (strcmp(w->people[i].id, id) == 0)
            return &w->people[i];
    return NULL;
}

Record *world_record(const World *w, const char *person)
{
    for (size_t i = 0; person && i < w->record_count; i++)
        if (strcmp(w->records[i].person, person) == 0)
            return &w->records[i];
    return NULL;
}

Slot *world_slot(const World *w, const char *doctor, int day, SimTime start)
{
    for (size_t i = 0; doctor && i < w->slot_count; i++)
        if (w->slots[i].start == start && w->slots[i].day == day &&
            strcmp(w->slots[i].doctor, doctor) == 0)
            return &w->slots[i];
    return NULL;
}

Slot *world_slot_ref(const World *w, const char *doctor, const char *ref)
{
    int day = 0;
    SimTime t = 0;
    if (slotref_parse(ref, &day, &t) != 0)
        return NULL;
    return world_slot(w, doctor, day, t);
}

Visit *world_visit(const World *w, const char *person)
{
    for (size_t i = w->visit_count; person && i-- > 0;)
        if (strcmp(w->visits[i].person, person) == 0)
            return &w->visits[i];
    return NULL;
}

Call *world_call_on_line(const World *w, int line)
{
    for (size_t i = 0; i < w->call_count; i++) {
        Call *c = &w->calls[i];
        if (c->line == line &&
            (c->state == CALL_RINGING || c->state == CALL_TALKING || c->state == CALL_ON_HOLD))
            return c;
    }
    return NULL;
}

Call *world_call_of(const World *w, const char *caller)
{
    for (size_t i = w->call_count; caller && i-- > 0;)
        if (strcmp(w->calls[i].caller, caller) == 0)
            return &w->calls[i];
    return NULL;
}

Prompt *world_prompt(const World *w, const char *person)
{
    for (size_t i = 0; person && i < w->prompt_count; i++)
        if (strcmp(w->prompts[i].person, person) == 0)
            return &w->prompts[i];
    return NULL;
}

Message *world_find_message(const World *w, const char *id)
{
    for (size_t i = 0; id && i < w->message_count; i++)
        if (strcmp(w->messages[i].id, id) == 0)
            return &w->messages[i];
    return NULL;
}

LabTask *world_task(const World *w, const char *id)
{
    for (size_t i = 0; id && i < w->task_count; i++)
        if (strcmp(w->tasks[i].id, id) == 0)
            return &w->tasks[i];
    return NULL;
}

int world_can_talk(const World *w, const char *person)
{
    Visit *v = world_visit(w, person);
    if (v && v->state == VISIT_AT_COUNTER)
        return 1;
    Call *c = world_call_of(w, person);
    return c && c->state == CALL_TALKING;
}

static int contains_folded(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return 0;
    for (const char *h = haystack; *h; h++) {
        size_t i = 0;
        while (i < n && h[i] &&
               tolower((unsigned char)h[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

void world_search_records(const World *w, const char *query, StrList *out)
{
    for (size_t i = 0; i < w->record_count; i++) {
        const Record *r = &w->records[i];
        const Person *p = world_person(w, r->person);
        if (contains_folded(r->fnr, query) || (p && contains_folded(p->name, query)))
            strlist_push(out, r->person);
    }
}

/* --------------------------------------------------------------- building */

int world_add_person(World *w, const char *id, const char *name, PersonKind kind,
                     const char *phone, const char *role, char *err, size_t errsize)
{
    if (!text_is_identifier(id) || strlen(id) > 64) {
        snprintf(err, errsize, "id «%.40s» må være et navn av a-z, tall, _ - eller .", id ? id : "");
        return -1;
    }
    if (world_person(w, id)) {
        snprintf(err, errsize, "personen «%s» finnes allerede", id);
        return -1;
    }
    if (!name || !*name) {
        snprintf(err, errsize, "personen «%s» mangler navn", id);
        return -1;
    }
    SK_GROW(w->people, w->person_count, w->person_cap);
    Person *p = &w->people[w->person_count++];
    p->id = sk_xstrdup(id);
    p->name = sk_xstrdup(name);
    p->kind = kind;
    p->phone = sk_xstrdup(phone);
    p->role = sk_xstrdup(role);
    return 0;
}

Record *world_add_record(World *w, const char *person, const char *fnr, const char *address,
                         char *err, size_t errsize)
{
    FnrInfo info;
    if (!world_person(w, person)) {
        snprintf(err, errsize, "ukjent person «%s»", person);
        return NULL;
    }
    if (world_record(w, person)) {
        snprintf(err, errsize, "«%s» har allerede en journal", person);
        return NULL;
    }
    FnrError fe = fnr_parse(fnr, &info);
    if (fe != FNR_OK) {
        snprintf(err, errsize, "fødselsnummeret til «%s» er ugyldig: %s", person,
                 fnr_strerror(fe));
        return NULL;
    }
    if (info.kind != FNR_SYNTHETIC && info.kind != FNR_SYNTHETIC_D) {
        snprintf(err, errsize,
                 "fødselsnummeret til «%s» er ikke syntetisk (måned + 80); et gyldig nummer "
                 "kan tilhøre en virkelig person",
                 person);
        return NULL;
    }
    for (size_t i = 0; i < w->record_count; i++)
        if (strcmp(w->records[i].fnr, fnr) == 0) {
            snprintf(err, errsize, "fødselsnummeret til «%s» er brukt av «%s» også", person,
                     w->records[i].person);
            return NULL;
        }
    SK_GROW(w->records, w->record_count, w->record_cap);
    Record *r = &w->records[w->record_count++];
    memset(r, 0, sizeof *r);
    r->person = sk_xstrdup(person);
    memcpy(r->fnr, fnr, 11);
    r->fnr[11] = '\0';
    r->birth_year = info.year;
    r->birth_month = info.month;
    r->birth_day = info.day;
    r->male = info.male;
    r->address = sk_xstrdup(address);
    return r;
}

void record_add_result(Record *r, const char *test, const char *value, const char *unit,
                       const char *date, const char *reference)
{
    SK_GROW(r->results, r->result_count, r->result_cap);
    LabResult *l = &r->results[r->result_count++];
    l->test = sk_xstrdup(test);
    l->value = sk_xstrdup(value);
    l->unit = sk_xstrdup(unit);
    l->date = sk_xstrdup(date);
    l->reference = sk_xstrdup(reference);
}

void record_add_appointment(Record *r, const char *date, const char *time, const char *doctor,
                            const char *reason)
{
    SK_GROW(r->appointments, r->appointment_count, r->appointment_cap);
    Appointment *a = &r->appointments[r->appointment_count++];
    a->date = sk_xstrdup(date);
    a->time = sk_xstrdup(time);
    a->doctor = sk_xstrdup(doctor);
    a->reason = sk_xstrdup(reason);
}

int world_add_slot(World *w, const char *doctor, int day, SimTime start, int minutes,
                   const char *patient, const char *note, char *err, size_t errsize)
{
    Person *d = world_person(w, doctor);
    if (!d || d->kind != PERSON_DOCTOR) {
        snprintf(err, errsize, "«%s» er ikke en lege i rollelisten", doctor ? doctor : "");
        return -1;
    }
    if (minutes <= 0 || minutes > 240) {
        snprintf(err, errsize, "en time må vare 1-240 minutter");
        return -1;
    }
    if (day < 0 || day > 60) {
        snprintf(err, errsize, "day må være 0-60 virkedager fram");
        return -1;
    }
    if (world_slot(w, doctor, day, start)) {
        char tb[16];
        snprintf(err, errsize, "%s har allerede en time %s", doctor,
                 slotref_format(day, start, tb, sizeof tb));
        return -1;
    }
    if (patient && !world_person(w, patient)) {
        snprintf(err, errsize, "ukjent pasient «%s»", patient);
        return -1;
    }
    SK_GROW(w->slots, w->slot_count, w->slot_cap);
    Slot *s = &w->slots[w->slot_count++];
    s->doctor = sk_xstrdup(doctor);
    s->day = day;
    s->start = start;
    s->minutes = minutes;
    s->patient = sk_xstrdup(patient);
    s->note = sk_xstrdup(note);
    return 0;
}

/* ------------------------------------------------------------- happenings */

static const char *name_of(const World *w, const char *id)
{
    Person *p = world_person(w, id);
    return p ? p->name : id;
}

/* Logs a happening now, with a formatted bokmål text. */
static void happen(World *w, const char *code, const char *who, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void happen(World *w, const char *code, const char *who, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    eventlog_add_happening(&w->log, w->clock.now, code, who, text);
}

Visit *world_arrive(World *w, const char *person, char *err, size_t errsize)
{
    if (!world_person(w, person)) {
        snprintf(err, errsize, "ukjent person «%s»", person);
        return NULL;
    }
    Visit *old = world_visit(w, person);
    if (old && old->state != VISIT_DONE) {
        snprintf(err, errsize, "«%s» er allerede ved skranken", person);
        return NULL;
    }
    SK_GROW(w->visits, w->visit_count, w->visit_cap);
    Visit *v = &w->visits[w->visit_count++];
    v->person = sk_xstrdup(person);
    v->state = VISIT_WAITING;
    v->arrived = w->clock.now;
    v->served = v->left = -1;
    v->checked_in = 0;
    v->charged = -1;
    happen(w, "arrival", person, "%s kommer til skranken", name_of(w, person));
    return v;
}

void world_leave(World *w, Visit *v)
{
    if (v->state == VISIT_DONE)
        return;
    v->state = VISIT_DONE;
    v->left = w->clock.now;
    world_close_prompt(w, v->person);
    happen(w, "departure", v->person, "%s går fra skranken", name_of(w, v->person));
}

Call *world_ring(World *w, const char *caller, SimTime ring_for, char *err, size_t errsize)
{
    if (!world_person(w, caller)) {
        snprintf(err, errsize, "ukjent person «%s»", caller);
        return NULL;
    }
    Call *old = world_call_of(w, caller);
    if (old && (old->state == CALL_RINGING || old->state == CALL_TALKING ||
                old->state == CALL_ON_HOLD)) {
        snprintf(err, errsize, "«%s» er allerede i en samtale", caller);
        return NULL;
    }
    int line = 0;
    for (int l = 1; l <= WORLD_PHONE_LINES && !line; l++)
        if (!world_call_on_line(w, l))
            line = l;
    if (!line) {
        snprintf(err, errsize, "alle %d telefonlinjene er opptatt", WORLD_PHONE_LINES);
        return NULL;
    }
    SK_GROW(w->calls, w->call_count, w->call_cap);
    Call *c = &w->calls[w->call_count++];
    c->line = line;
    c->caller = sk_xstrdup(caller);
    c->state = CALL_RINGING;
    c->rang = w->clock.now;
    c->ring_until = w->clock.now + ring_for;
    c->answered = c->ended = -1;
    c->transferred_to = NULL;
    happen(w, "call_ringing", caller, "Telefonen ringer på linje %d", line);
    return c;
}

void world_end_call(World *w, Call *c, int missed)
{
    if (c->state != CALL_RINGING && c->state != CALL_TALKING && c->state != CALL_ON_HOLD)
        return;
    int was_ringing = c->state == CALL_RINGING;
    c->state = (missed || was_ringing) ? CALL_MISSED : CALL_ENDED;
    c->ended = w->clock.now;
    world_close_prompt(w, c->caller);
    if (c->state == CALL_MISSED)
        happen(w, "call_missed", c->caller, "Ubesvart anrop på linje %d: %s la på", c->line,
               name_of(w, c->caller));
    else
        happen(w, "call_ended", c->caller, "%s la på (linje %d)", name_of(w, c->caller), c->line);
}

Message *world_message(World *w, const char *id, const char *from, const char *text, char *err,
                       size_t errsize)
{
    if (!text_is_identifier(id)) {
        snprintf(err, errsize, "meldingen trenger en id av a-z, tall, _ - eller .");
        return NULL;
    }
    if (world_find_message(w, id)) {
        snprintf(err, errsize, "meldingen «%s» finnes allerede", id);
        return NULL;
    }
    if (!world_person(w, from)) {
        snprintf(err, errsize, "ukjent avsender «%s»", from);
        return NULL;
    }
    SK_GROW(w->messages, w->message_count, w->message_cap);
    Message *m = &w->messages[w->message_count++];
    m->id = sk_xstrdup(id);
    m->from = sk_xstrdup(from);
    m->text = sk_xstrdup(text);
    m->arrived = w->clock.now;
    m->read = -1;
    StrBuf sb; /* the whole message belongs in the timeline; it may be long */
    strbuf_init(&sb);
    strbuf_addf(&sb, "Ny melding fra %s: %s", name_of(w, from), text);
    eventlog_add_happening(&w->log, w->clock.now, "message", from, strbuf_str(&sb));
    strbuf_free(&sb);
    return m;
}

LabTask *world_open_task(World *w, const char *id, const char *patient, const char *kind,
                         const char *title, char *err, size_t errsize)
{
    if (!text_is_identifier(id) || !text_is_identifier(kind)) {
        snprintf(err, errsize, "oppgaven trenger id og kind av a-z, tall, _ - eller .");
        return NULL;
    }
    if (world_task(w, id)) {
        snprintf(err, errsize, "oppgaven «%s» finnes allerede", id);
        return NULL;
    }
    if (!world_person(w, patient)) {
        snprintf(err, errsize, "ukjent pasient «%s»", patient);
        return NULL;
    }
    SK_GROW(w->tasks, w->task_count, w->task_cap);
    LabTask *t = &w->tasks[w->task_count++];
    t->id = sk_xstrdup(id);
    t->patient = sk_xstrdup(patient);
    t->kind = sk_xstrdup(kind);
    t->title = sk_xstrdup(title);
    t->opened = w->clock.now;
    t->done = 0;
    memset(&t->step_ids, 0, sizeof t->step_ids);
    memset(&t->step_labels, 0, sizeof t->step_labels);
    eventlog_add_happening(&w->log, w->clock.now, "task", patient, title);
    return t;
}

void lab_task_add_step(LabTask *t, const char *id, const char *label)
{
    strlist_push(&t->step_ids, id);
    strlist_push(&t->step_labels, label);
}

void world_close_task(World *w, LabTask *t)
{
    if (t->done)
        return;
    t->done = 1;
    eventlog_add_happening(&w->log, w->clock.now, "task_done", t->patient, t->title);
}

Prompt *world_open_prompt(World *w, const char *person, PromptKind kind, const char *question,
                          char *err, size_t errsize)
{
    if (!world_person(w, person)) {
        snprintf(err, errsize, "ukjent person «%s»", person);
        return NULL;
    }
    if (world_prompt(w, person)) {
        snprintf(err, errsize, "«%s» venter allerede på et svar", person);
        return NULL;
    }
    SK_GROW(w->prompts, w->prompt_count, w->prompt_cap);
    Prompt *p = &w->prompts[w->prompt_count++];
    memset(p, 0, sizeof *p);
    p->person = sk_xstrdup(person);
    p->kind = kind;
    p->question = sk_xstrdup(question);
    p->opened = w->clock.now;
    return p;
}

void world_close_prompt(World *w, const char *person)
{
    for (size_t i = 0; i < w->prompt_count; i++)
        if (strcmp(w->prompts[i].person, person) == 0) {
            free_prompt(&w->prompts[i]);
            memmove(&w->prompts[i], &w->prompts[i + 1],
                    (w->prompt_count - i - 1) * sizeof *w->prompts);
            w->prompt_count--;
            return;
        }
}
