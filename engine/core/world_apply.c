/* Trainee actions against the world: the checks that make a recorded input fit
 * (or not fit) the state, and the changes they make. */
#include "world.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...)                                  \
    do {                                           \
        snprintf(err, errsize, __VA_ARGS__);       \
        return -1;                                 \
    } while (0)

static Call *live_call(const World *w, const char *line_text, char *err, size_t errsize)
{
    int line = atoi(line_text);
    Call *c = world_call_on_line(w, line);
    if (!c)
        snprintf(err, errsize, "ingen samtale på linje %d", line);
    return c;
}

static Person *doctor(const World *w, const char *id, char *err, size_t errsize)
{
    Person *p = world_person(w, id);
    if (!p || p->kind != PERSON_DOCTOR) {
        snprintf(err, errsize, "«%s» er ikke en lege her", id);
        return NULL;
    }
    return p;
}


/* Checks without changing anything. */
static int check(const World *w, const Action *a, char *err, size_t errsize)
{
    const char *const *x = (const char *const *)a->args;
    switch (a->kind) {
    case ACTION_WAIT:
    case ACTION_CALL_113:
    case ACTION_PAUSE:
        return 0;
    case ACTION_SERVE: {
        Visit *v = world_visit(w, x[0]);
        if (!v || v->state == VISIT_DONE)
            FAIL("«%s» venter ikke ved skranken", x[0]);
        if (v->state == VISIT_AT_COUNTER)
            FAIL("«%s» står allerede ved skranken", x[0]);
        return 0;
    }
    case ACTION_ANSWER: {
        Call *c = live_call(w, x[0], err, errsize);
        if (!c)
            return -1;
        if (c->state != CALL_RINGING)
            FAIL("linje %s ringer ikke", x[0]);
        return 0;
    }
    case ACTION_HOLD:
    case ACTION_HANG_UP:
    case ACTION_TRANSFER: {
        Call *c = live_call(w, x[0], err, errsize);
        if (!c)
            return -1;
        if (c->state == CALL_RINGING)
            FAIL("linje %s er ikke besvart ennå", x[0]);
        if (a->kind == ACTION_HOLD && c->state != CALL_TALKING)
            FAIL("linje %s står allerede på vent", x[0]);
        if (a->kind == ACTION_TRANSFER && !doctor(w, x[1], err, errsize))
            return -1;
        return 0;
    }
    case ACTION_UNHOLD: {
        Call *c = live_call(w, x[0], err, errsize);
        if (!c)
            return -1;
        if (c->state != CALL_ON_HOLD)
            FAIL("linje %s står ikke på vent", x[0]);
        return 0;
    }
    case ACTION_CHOOSE:
    case ACTION_TYPE: {
        Prompt *p = world_prompt(w, x[0]);
        if (!p)
            FAIL("«%s» venter ikke på noe svar nå", x[0]);
        if (!world_can_talk(w, x[0]))
            FAIL("du snakker ikke med «%s» nå (ikke ved skranken eller i telefonen)", x[0]);
        if (a->kind == ACTION_CHOOSE && p->kind != PROMPT_CHOICE)
            FAIL("«%s» venter på et skrevet svar, ikke et valg", x[0]);
        if (a->kind == ACTION_TYPE && p->kind != PROMPT_TEXT)
            FAIL("«%s» venter på et valg, ikke et skrevet svar", x[0]);
        if (a->kind == ACTION_CHOOSE && strlist_index(&p->keys, x[1]) < 0) {
            StrBuf sb;
            strbuf_init(&sb);
            for (size_t i = 0; i < p->keys.count; i++)
                strbuf_addf(&sb, "%s%s", i ? ", " : "", p->keys.items[i]);
            snprintf(err, errsize, "«%s» er ikke et av svarene (%s)", x[1], strbuf_str(&sb));
            strbuf_free(&sb);
            return -1;
        }
        return 0;
    }
    case ACTION_SEARCH_RECORD:
    case ACTION_OPEN_RECORD:
        if (w->screen_locked)
            FAIL("skjermen er låst");
        if (a->kind == ACTION_OPEN_RECORD && !world_record(w, x[0]))
            FAIL("«%s» har ingen journal her", x[0]);
        return 0;
    case ACTION_CLOSE_RECORD:
        if (!w->open_record)
            FAIL("ingen journal er åpen");
        return 0;
    case ACTION_BOOK: {
        if (!doctor(w, x[0], err, errsize))
            return -1;
        Slot *s = world_slot_ref(w, x[0], x[1]);
        if (!s)
            FAIL("%s har ingen time kl. %s", x[0], x[1]);
        if (s->patient)
            FAIL("timen %s kl. %s er allerede tatt", x[0], x[1]);
        if (!world_person(w, x[2]))
            FAIL("ukjent pasient «%s»", x[2]);
        return 0;
    }
    case ACTION_CANCEL: {
        Slot *s = world_slot_ref(w, x[0], x[1]);
        if (!s || !s->patient)
            FAIL("ingen bestilt time hos %s kl. %s", x[0], x[1]);
        return 0;
    }
    case ACTION_MOVE: {
        Slot *from = world_slot_ref(w, x[0], x[1]);
        Slot *to = world_slot_ref(w, x[2], x[3]);
        if (!from || !from->patient)
            FAIL("ingen bestilt time hos %s kl. %s", x[0], x[1]);
        if (!to)
            FAIL("%s har ingen time kl. %s", x[2], x[3]);
        if (to->patient)
            FAIL("timen %s kl. %s er allerede tatt", x[2], x[3]);
        return 0;
    }
    case ACTION_CHECK_IN:
    case ACTION_CHARGE: {
        Visit *v = world_visit(w, x[0]);
        if (!v || v->state != VISIT_AT_COUNTER)
            FAIL("«%s» står ikke ved skranken", x[0]);
        if (a->kind == ACTION_CHECK_IN && v->checked_in)
            FAIL("«%s» er allerede registrert", x[0]);
        if (a->kind == ACTION_CHARGE && atol(x[1]) > 100000)
            FAIL("beløpet %s kr er urimelig", x[1]);
        return 0;
    }
    case ACTION_READ_MESSAGE:
        if (!world_find_message(w, x[0]))
            FAIL("ingen melding «%s»", x[0]);
        return 0;
    case ACTION_LAB_STEP:
    case ACTION_PICK_TUBE:
    case ACTION_PLACE_ELECTRODE:
    case ACTION_LABEL: {
        LabTask *t = world_task(w, x[0]);
        if (!t)
            FAIL("ingen oppgave «%s»", x[0]);
        if (t->done)
            FAIL("oppgaven «%s» er avsluttet", x[0]);
        if (a->kind == ACTION_LAB_STEP && t->step_ids.count &&
            strlist_index(&t->step_ids, x[1]) < 0) {
            StrBuf sb;
            strbuf_init(&sb);
            for (size_t i = 0; i < t->step_ids.count; i++)
                strbuf_addf(&sb, "%s%s", i ? ", " : "", t->step_ids.items[i]);
            snprintf(err, errsize, "oppgaven «%s» har ikke trinnet «%s» (%s)", x[0], x[1],
                     strbuf_str(&sb));
            strbuf_free(&sb);
            return -1;
        }
        if (a->kind == ACTION_PICK_TUBE && !world_is_tube(x[1]))
            FAIL("ukjent prøverør «%s» (blood_culture, citrate, serum, heparin, edta, esr, "
                 "fluoride)", x[1]);
        if (a->kind == ACTION_PLACE_ELECTRODE && !world_is_lead(x[1]))
            FAIL("ukjent avledning «%s» (V1-V6, RA, LA, LL, RL)", x[1]);
        if (a->kind == ACTION_PLACE_ELECTRODE && !world_is_site(x[2]))
            FAIL("ukjent plassering «%s» (se docs/inputs-format.md)", x[2]);
        if (a->kind == ACTION_LABEL && !world_person(w, x[1]))
            FAIL("ukjent person «%s»", x[1]);
        return 0;
    }
    case ACTION_PAGE_DOCTOR:
        return doctor(w, x[0], err, errsize) ? 0 : -1;
    case ACTION_LOCK_SCREEN:
        if (w->screen_locked)
            FAIL("skjermen er allerede låst");
        return 0;
    case ACTION_UNLOCK_SCREEN:
        if (!w->screen_locked)
            FAIL("skjermen er ikke låst");
        return 0;
    case ACTION_COUNT:
        break;
    }
    FAIL("ukjent handling");
}

static void say_choice(World *w, const Action *a)
{
    Prompt *p = world_prompt(w, a->args[0]);
    if (!p)
        return;
    if (a->kind == ACTION_CHOOSE) {
        int i = strlist_index(&p->keys, a->args[1]);
        eventlog_add_say(&w->log, w->clock.now, "trainee", p->person, p->texts.items[i]);
    } else {
        eventlog_add_say(&w->log, w->clock.now, "trainee", p->person, a->args[1]);
    }
}

int world_apply(World *w, const Action *a, char *err, size_t errsize)
{
    if (a->t != w->clock.now)
        FAIL("handlingen har et annet klokkeslett enn klokken");
    if (check(w, a, err, errsize) != 0)
        return -1;
    eventlog_add_action(&w->log, a);
    char *const *x = a->args;
    switch (a->kind) {
    case ACTION_SERVE:
        for (size_t i = 0; i < w->visit_count; i++)
            if (w->visits[i].state == VISIT_AT_COUNTER)
                w->visits[i].state = VISIT_WAITING; /* asked to wait a moment */
        {
            Visit *v = world_visit(w, x[0]);
            v->state = VISIT_AT_COUNTER;
            if (v->served < 0)
                v->served = w->clock.now;
        }
        break;
    case ACTION_ANSWER: {
        Call *c = world_call_on_line(w, atoi(x[0]));
        c->state = CALL_TALKING;
        c->answered = w->clock.now;
        break;
    }
    case ACTION_HOLD:
        world_call_on_line(w, atoi(x[0]))->state = CALL_ON_HOLD;
        break;
    case ACTION_UNHOLD:
        world_call_on_line(w, atoi(x[0]))->state = CALL_TALKING;
        break;
    case ACTION_HANG_UP:
    case ACTION_TRANSFER: {
        Call *c = world_call_on_line(w, atoi(x[0]));
        c->state = a->kind == ACTION_HANG_UP ? CALL_ENDED : CALL_TRANSFERRED;
        c->ended = w->clock.now;
        if (a->kind == ACTION_TRANSFER)
            c->transferred_to = sk_xstrdup(x[1]);
        world_close_prompt(w, c->caller);
        break;
    }
    case ACTION_CHOOSE:
    case ACTION_TYPE:
        say_choice(w, a);
        world_close_prompt(w, x[0]);
        break;
    case ACTION_OPEN_RECORD:
        free(w->open_record);
        w->open_record = sk_xstrdup(x[0]);
        break;
    case ACTION_CLOSE_RECORD:
        free(w->open_record);
        w->open_record = NULL;
        break;
    case ACTION_BOOK:
        world_slot_ref(w, x[0], x[1])->patient = sk_xstrdup(x[2]);
        break;
    case ACTION_CANCEL: {
        Slot *s = world_slot_ref(w, x[0], x[1]);
        free(s->patient);
        s->patient = NULL;
        break;
    }
    case ACTION_MOVE: {
        Slot *from = world_slot_ref(w, x[0], x[1]);
        Slot *to = world_slot_ref(w, x[2], x[3]);
        to->patient = from->patient;
        from->patient = NULL;
        break;
    }
    case ACTION_CHECK_IN:
        world_visit(w, x[0])->checked_in = 1;
        break;
    case ACTION_CHARGE:
        world_visit(w, x[0])->charged = atoi(x[1]);
        break;
    case ACTION_READ_MESSAGE: {
        Message *m = world_find_message(w, x[0]);
        if (m->read < 0)
            m->read = w->clock.now;
        break;
    }
    case ACTION_LOCK_SCREEN:
        w->screen_locked = 1;
        break;
    case ACTION_UNLOCK_SCREEN:
        w->screen_locked = 0;
        break;
    default:
        break; /* recorded only; the scenario judges it */
    }
    return 0;
}
