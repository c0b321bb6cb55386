/* The world (engine/core/world.h): building it, the happenings the script layer
 * makes, and world_apply for every trainee action, in a state where it fits (the
 * change it makes) and in states where it does not (-1, a message, and no change
 * to the world or the event log). All fødselsnumre are synthetic (month + 80). */
#include "core/fnr.h"
#include "core/world.h"

#include "check.h"

#include <stdlib.h>

#define T0 (8 * SIMTIME_HOUR)

/* A text summary of everything world_apply may change (not the clock), so a
 * refused action can be shown to leave the world as it was. */
static void snapshot(const World *w, StrBuf *sb)
{
    strbuf_clear(sb);
    strbuf_addf(sb, "people=%zu records=%zu lock=%d open=%s\n", w->person_count,
                w->record_count, w->screen_locked, w->open_record ? w->open_record : "-");
    for (size_t i = 0; i < w->visit_count; i++) {
        const Visit *v = &w->visits[i];
        strbuf_addf(sb, "visit %s %d %lld %lld %d %d\n", v->person, (int)v->state,
                    (long long)v->served, (long long)v->left, v->checked_in, v->charged);
    }
    for (size_t i = 0; i < w->call_count; i++) {
        const Call *c = &w->calls[i];
        strbuf_addf(sb, "call %d %s %d %lld %lld %s\n", c->line, c->caller, (int)c->state,
                    (long long)c->answered, (long long)c->ended,
                    c->transferred_to ? c->transferred_to : "-");
    }
    for (size_t i = 0; i < w->prompt_count; i++)
        strbuf_addf(sb, "prompt %s %d %zu\n", w->prompts[i].person, (int)w->prompts[i].kind,
                    w->prompts[i].keys.count);
    for (size_t i = 0; i < w->slot_count; i++)
        strbuf_addf(sb, "slot %s %lld %s\n", w->slots[i].doctor, (long long)w->slots[i].start,
                    w->slots[i].patient ? w->slots[i].patient : "-");
    for (size_t i = 0; i < w->message_count; i++)
        strbuf_addf(sb, "message %s %lld\n", w->messages[i].id, (long long)w->messages[i].read);
    for (size_t i = 0; i < w->task_count; i++)
        strbuf_addf(sb, "task %s %d\n", w->tasks[i].id, w->tasks[i].done);
}

/* Moves the clock one second on and applies "<now> <rest>". Returns world_apply's
 * result, or -2 if the line itself did not parse (a mistake in the test). */
static int run(World *w, const char *rest, char *err, size_t errsize)
{
    SimTime t = w->clock.now + SIMTIME_SECOND;
    clock_advance_to(&w->clock, t);
    char tb[16], line[512];
    snprintf(line, sizeof line, "%s %s", simtime_format(t, tb, sizeof tb), rest);
    Action a;
    if (action_parse_line(line, &a, err, errsize) != 1) {
        fprintf(stderr, "  test line does not parse: %s: %s\n", line, err);
        return -2;
    }
    int rc = world_apply(w, &a, err, errsize);
    action_free(&a);
    return rc;
}

/* Rule: a fitting action returns 0 and is logged first, as an action event at
 * the current time. */
#define OK(w, rest)                                                                   \
    do {                                                                              \
        size_t n0_ = (w)->log.count;                                                  \
        char e_[512] = "";                                                            \
        int r_ = run((w), (rest), e_, sizeof e_);                                     \
        CHECK_INT(r_, 0);                                                             \
        if (r_ != 0)                                                                  \
            fprintf(stderr, "  %s: %s\n", (rest), e_);                                \
        CHECK((w)->log.count > n0_);                                                  \
        if ((w)->log.count > n0_) {                                                   \
            CHECK_INT((w)->log.items[n0_].kind, EVENT_ACTION);                        \
            CHECK_INT((w)->log.items[n0_].t, (w)->clock.now);                         \
        }                                                                             \
    } while (0)

/* Rule: an action that does not fit returns -1 with a message containing want,
 * and changes neither the world nor the event log. */
#define BAD(w, rest, want)                                                            \
    do {                                                                              \
        StrBuf before_, after_;                                                       \
        strbuf_init(&before_);                                                        \
        strbuf_init(&after_);                                                         \
        snapshot((w), &before_);                                                      \
        size_t n0_ = (w)->log.count;                                                  \
        char e_[512] = "";                                                            \
        CHECK_INT(run((w), (rest), e_, sizeof e_), -1);                               \
        if (!strstr(e_, (want)))                                                      \
            fprintf(stderr, "  %s: message was: %s\n", (rest), e_);                   \
        CHECK(strstr(e_, (want)) != NULL);                                            \
        CHECK_INT((w)->log.count, n0_);                                               \
        snapshot((w), &after_);                                                       \
        CHECK_STR(strbuf_str(&after_), strbuf_str(&before_));                         \
        strbuf_free(&before_);                                                        \
        strbuf_free(&after_);                                                         \
    } while (0)

static uint64_t next_of_rng(void *ctx)
{
    return rng_next((Rng *)ctx);
}

/* The last event, or NULL. */
static const Event *last_event(const World *w)
{
    return w->log.count ? &w->log.items[w->log.count - 1] : NULL;
}

static World *build_world(char kari_fnr[12])
{
    char err[256] = "";
    World *w = world_new(T0, 7);
    CHECK_INT(world_add_person(w, "lege", "Anne Berg", PERSON_DOCTOR, NULL, "fastlege", err,
                               sizeof err), 0);
    CHECK_INT(world_add_person(w, "jonas", "Jonas Hansen", PERSON_PATIENT, "40000000", NULL, err,
                               sizeof err), 0);
    CHECK_INT(world_add_person(w, "kari", "Kari Nordmann", PERSON_PATIENT, NULL, NULL, err,
                               sizeof err), 0);
    CHECK_INT(world_add_person(w, "datter", "Marte Solberg", PERSON_RELATIVE, "90000000",
                               "datter", err, sizeof err), 0);
    CHECK_INT(world_add_person(w, "sonja", "Sonja Lie", PERSON_CALLER, NULL, NULL, err,
                               sizeof err), 0);

    /* Jonas: a fixed synthetic number (15.05.1990, month 05 + 80). */
    Record *r = world_add_record(w, "jonas", "15859012342", "Storgata 1, 0101 Oslo", err,
                                 sizeof err);
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(r->fnr, "15859012342");
        CHECK_INT(r->birth_year, 1990);
        CHECK_INT(r->birth_month, 5);
        CHECK_INT(r->birth_day, 15);
        CHECK_INT(r->male, 1); /* individnummer 123: the ninth digit, 3, is odd */
    }
    /* Kari: a number made by the synthetic generator. */
    Rng rng;
    rng_seed(&rng, 42, RNG_STREAM_SIMULATION);
    CHECK_INT(fnr_make_synthetic(1985, 3, 14, 0, next_of_rng, &rng, kari_fnr), 0);
    FnrInfo info;
    CHECK_INT(fnr_parse(kari_fnr, &info), FNR_OK);
    CHECK_INT(info.kind, FNR_SYNTHETIC);
    CHECK(world_add_record(w, "kari", kari_fnr, NULL, err, sizeof err) != NULL);
    CHECK_INT(w->record_count, 2);

    CHECK_INT(world_add_slot(w, "lege", 0, 9 * SIMTIME_HOUR, 15, NULL, NULL, err, sizeof err), 0);
    CHECK_INT(world_add_slot(w, "lege", 0, 9 * SIMTIME_HOUR + 15 * SIMTIME_MINUTE, 15, "kari",
                             "kontroll", err, sizeof err), 0);
    CHECK_INT(world_add_slot(w, "lege", 0, 9 * SIMTIME_HOUR + 30 * SIMTIME_MINUTE, 15, NULL, NULL,
                             err, sizeof err), 0);
    return w;
}

/* Rule: world_add_record accepts only synthetic numbers, rejects a real-range
 * valid number, an invalid number, a number already used, and a second record
 * for the same person; a refused record adds nothing. */
static void test_records(void)
{
    char kari_fnr[12];
    World *w = build_world(kari_fnr);
    char err[256] = "";
    CHECK_INT(world_add_person(w, "ola", "Ola Normann", PERSON_PATIENT, NULL, NULL, err,
                               sizeof err), 0);

    /* 31.12.1999, individnummer 567: a valid ordinary number, may be a real person */
    FnrInfo info;
    CHECK_INT(fnr_parse("31129956715", &info), FNR_OK);
    CHECK_INT(info.kind, FNR_ORDINARY);
    CHECK(world_add_record(w, "ola", "31129956715", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "ikke syntetisk") != NULL);

    /* a wrong check digit */
    CHECK(world_add_record(w, "ola", "15859012343", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "ugyldig") != NULL);
    CHECK(world_add_record(w, "ola", "1585901234", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "ugyldig") != NULL);
    CHECK(world_add_record(w, "ola", "158590123421", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "ugyldig") != NULL);

    /* a number already in use by Jonas, and by Kari (the generated one) */
    CHECK(world_add_record(w, "ola", "15859012342", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "brukt av «jonas»") != NULL);
    CHECK(world_add_record(w, "ola", kari_fnr, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "brukt av «kari»") != NULL);

    /* a second record for Jonas, and a record for nobody */
    char other[12];
    Rng rng;
    rng_seed(&rng, 99, RNG_STREAM_SIMULATION);
    CHECK_INT(fnr_make_synthetic(1970, 12, 1, 1, next_of_rng, &rng, other), 0);
    CHECK(world_add_record(w, "jonas", other, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "har allerede en journal") != NULL);
    CHECK(world_add_record(w, "ghost", other, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "ukjent person") != NULL);
    CHECK_INT(w->record_count, 2);
    CHECK(world_record(w, "ola") == NULL);

    /* and the fresh synthetic number is fine for Ola */
    Record *r = world_add_record(w, "ola", other, NULL, err, sizeof err);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->birth_year, 1970);
        CHECK_INT(r->male, 1);
    }
    CHECK_INT(w->record_count, 3);

    /* building rules: ids, duplicates, names, slots */
    CHECK_INT(world_add_person(w, "ola", "Ola igjen", PERSON_PATIENT, NULL, NULL, err,
                               sizeof err), -1);
    CHECK(strstr(err, "finnes allerede") != NULL);
    CHECK_INT(world_add_person(w, "o la", "X", PERSON_PATIENT, NULL, NULL, err, sizeof err), -1);
    CHECK_INT(world_add_person(w, "per", "", PERSON_PATIENT, NULL, NULL, err, sizeof err), -1);
    CHECK(strstr(err, "mangler navn") != NULL);
    CHECK_INT(world_add_slot(w, "jonas", 0, 10 * SIMTIME_HOUR, 15, NULL, NULL, err, sizeof err), -1);
    CHECK(strstr(err, "ikke en lege") != NULL);
    CHECK_INT(world_add_slot(w, "lege", 0, 9 * SIMTIME_HOUR, 15, NULL, NULL, err, sizeof err), -1);
    CHECK(strstr(err, "har allerede en time") != NULL);
    CHECK_INT(world_add_slot(w, "lege", 0, 10 * SIMTIME_HOUR, 0, NULL, NULL, err, sizeof err), -1);
    CHECK_INT(world_add_slot(w, "lege", 0, 10 * SIMTIME_HOUR, 15, "ghost", NULL, err, sizeof err),
              -1);
    CHECK(strstr(err, "ukjent pasient") != NULL);
    CHECK_INT(w->slot_count, 3);
    world_free(w);
}

/* Rule: world_search_records matches part of the name, case-insensitively for
 * ASCII letters, or part of the fødselsnummer. */
static void test_search(void)
{
    char kari_fnr[12];
    World *w = build_world(kari_fnr);
    StrList out = {0};

    world_search_records(w, "hans", &out);
    CHECK_INT(out.count, 1);
    CHECK(out.count == 1 && strcmp(out.items[0], "jonas") == 0);
    strlist_free(&out);

    world_search_records(w, "NORDMANN", &out);
    CHECK_INT(out.count, 1);
    CHECK(out.count == 1 && strcmp(out.items[0], "kari") == 0);
    strlist_free(&out);

    world_search_records(w, "jOnAs HaNsEn", &out);
    CHECK_INT(out.count, 1);
    strlist_free(&out);

    /* part of the number: the middle of Jonas's, the first six of Kari's */
    world_search_records(w, "5901234", &out);
    CHECK_INT(out.count, 1);
    CHECK(out.count == 1 && strcmp(out.items[0], "jonas") == 0);
    strlist_free(&out);
    char six[7];
    memcpy(six, kari_fnr, 6);
    six[6] = '\0';
    world_search_records(w, six, &out);
    CHECK(strlist_index(&out, "kari") >= 0);
    strlist_free(&out);

    /* "n" is in both names */
    world_search_records(w, "n", &out);
    CHECK_INT(out.count, 2);
    strlist_free(&out);

    /* no match; and a person without a record (Marte) is never found */
    world_search_records(w, "zzz", &out);
    CHECK_INT(out.count, 0);
    world_search_records(w, "Marte", &out);
    CHECK_INT(out.count, 0);
    strlist_free(&out);
    world_free(w);
}

/* Rule: world_ring uses the lowest free line and refuses when all
 * WORLD_PHONE_LINES are busy; world_end_call on a ringing call makes it
 * CALL_MISSED (on a talking call CALL_ENDED), and frees the line. */
static void test_ring(void)
{
    char err[256] = "";
    World *w = world_new(T0, 1);
    char id[16];
    for (int i = 0; i <= WORLD_PHONE_LINES + 1; i++) {
        snprintf(id, sizeof id, "c%d", i);
        CHECK_INT(world_add_person(w, id, "Innringer", PERSON_CALLER, NULL, NULL, err,
                                   sizeof err), 0);
    }
    Call *calls[WORLD_PHONE_LINES];
    for (int i = 0; i < WORLD_PHONE_LINES; i++) {
        snprintf(id, sizeof id, "c%d", i);
        calls[i] = world_ring(w, id, 30 * SIMTIME_SECOND, err, sizeof err);
        CHECK(calls[i] != NULL);
        if (calls[i]) {
            CHECK_INT(calls[i]->line, i + 1);
            CHECK_INT(calls[i]->state, CALL_RINGING);
            CHECK_INT(calls[i]->ring_until, T0 + 30 * SIMTIME_SECOND);
            CHECK_INT(calls[i]->answered, -1);
        }
        const Event *e = last_event(w);
        CHECK(e && e->kind == EVENT_HAPPENING && strcmp(e->code, "call_ringing") == 0);
    }
    size_t calls_before = w->call_count, log_before = w->log.count;
    snprintf(id, sizeof id, "c%d", WORLD_PHONE_LINES);
    CHECK(world_ring(w, id, 30 * SIMTIME_SECOND, err, sizeof err) == NULL);
    CHECK(strstr(err, "alle 4 telefonlinjene er opptatt") != NULL);
    CHECK_INT(w->call_count, calls_before);
    CHECK_INT(w->log.count, log_before);

    /* a caller already on a line cannot ring again; an unknown one neither */
    CHECK(world_ring(w, "c0", SIMTIME_SECOND, err, sizeof err) == NULL);
    CHECK(strstr(err, "allerede i en samtale") != NULL);
    CHECK(world_ring(w, "ghost", SIMTIME_SECOND, err, sizeof err) == NULL);
    CHECK(strstr(err, "ukjent person") != NULL);

    /* line 2 rings out: missed, ended set, a call_missed happening */
    clock_advance_to(&w->clock, T0 + 30 * SIMTIME_SECOND);
    world_end_call(w, w->calls + 1, 0);
    CHECK_INT(w->calls[1].state, CALL_MISSED);
    CHECK_INT(w->calls[1].ended, T0 + 30 * SIMTIME_SECOND);
    const Event *e = last_event(w);
    CHECK(e && e->kind == EVENT_HAPPENING && strcmp(e->code, "call_missed") == 0 &&
          strcmp(e->who, "c1") == 0);
    CHECK(world_call_on_line(w, 2) == NULL);
    /* ending it again changes nothing and logs nothing */
    size_t n = w->log.count;
    world_end_call(w, w->calls + 1, 0);
    CHECK_INT(w->log.count, n);
    CHECK_INT(w->calls[1].state, CALL_MISSED);

    /* the next call takes line 2, the lowest free one */
    snprintf(id, sizeof id, "c%d", WORLD_PHONE_LINES);
    Call *c = world_ring(w, id, 30 * SIMTIME_SECOND, err, sizeof err);
    CHECK(c != NULL);
    if (c)
        CHECK_INT(c->line, 2);

    /* a talking call that the caller ends is CALL_ENDED; missed=1 forces missed */
    char aerr[256];
    Action a;
    CHECK_INT(action_parse_line("08:00:30 answer 1", &a, aerr, sizeof aerr), 1);
    CHECK_INT(world_apply(w, &a, aerr, sizeof aerr), 0);
    action_free(&a);
    Call *one = world_call_on_line(w, 1);
    CHECK(one && one->state == CALL_TALKING);
    world_end_call(w, one, 0);
    CHECK_INT(w->calls[0].state, CALL_ENDED);
    CHECK(strcmp(last_event(w)->code, "call_ended") == 0);
    world_end_call(w, world_call_on_line(w, 3), 1);
    CHECK_INT(w->calls[2].state, CALL_MISSED);
    world_free(w);
}

/* Rule: every action kind, applied where it fits, makes its change; applied
 * where it does not fit, it is refused and changes nothing. */
static void test_apply(void)
{
    char kari_fnr[12], err[256] = "";
    World *w = build_world(kari_fnr);

    Visit *v = world_arrive(w, "jonas", err, sizeof err);
    CHECK(v != NULL);
    CHECK(world_arrive(w, "jonas", err, sizeof err) == NULL); /* already there */
    Call *call = world_ring(w, "datter", 60 * SIMTIME_SECOND, err, sizeof err);
    CHECK(call != NULL);
    Prompt *p = world_open_prompt(w, "jonas", PROMPT_CHOICE, "Er dette riktig?", err, sizeof err);
    CHECK(p != NULL);
    if (p) {
        strlist_push(&p->keys, "yes");
        strlist_push(&p->texts, "Ja, det stemmer.");
        strlist_push(&p->keys, "no");
        strlist_push(&p->texts, "Nei, det er feil.");
    }
    CHECK(world_open_prompt(w, "jonas", PROMPT_TEXT, "?", err, sizeof err) == NULL);
    CHECK(strstr(err, "venter allerede") != NULL);
    CHECK(world_message(w, "m1", "lege", "Ring Kari om svaret.", err, sizeof err) != NULL);
    CHECK(world_open_task(w, "t1", "jonas", "blood", "Blodprøve til Jonas", err, sizeof err) !=
          NULL);
    if (!v || !call || !p) {
        world_free(w);
        return;
    }

    /* wait: logged, nothing else */
    {
        StrBuf s0, s1;
        strbuf_init(&s0);
        strbuf_init(&s1);
        snapshot(w, &s0);
        OK(w, "wait");
        CHECK_INT(last_event(w)->action.kind, ACTION_WAIT);
        snapshot(w, &s1);
        CHECK_STR(strbuf_str(&s1), strbuf_str(&s0));
        strbuf_free(&s0);
        strbuf_free(&s1);
    }

    /* --- the desk --- */
    /* choose while Jonas waits in the queue: he has a prompt but is not served */
    BAD(w, "choose jonas yes", "du snakker ikke med «jonas»");
    BAD(w, "check_in jonas", "står ikke ved skranken");
    BAD(w, "charge jonas 375", "står ikke ved skranken");
    BAD(w, "serve kari", "«kari» venter ikke ved skranken"); /* not arrived */
    OK(w, "serve jonas");
    CHECK_INT(v->state, VISIT_AT_COUNTER);
    CHECK_INT(v->served, w->clock.now);
    SimTime served = v->served;
    BAD(w, "serve jonas", "står allerede ved skranken");
    /* type for a choice prompt; a key that is not offered lists the keys */
    BAD(w, "type jonas \"ja\"", "venter på et valg, ikke et skrevet svar");
    BAD(w, "choose jonas maybe", "«maybe» er ikke et av svarene (yes, no)");
    /* choose for a person with no prompt */
    BAD(w, "choose kari yes", "«kari» venter ikke på noe svar nå");
    BAD(w, "choose ghost yes", "«ghost» venter ikke på noe svar nå");
    {
        size_t n0 = w->log.count;
        OK(w, "choose jonas no");
        CHECK(world_prompt(w, "jonas") == NULL); /* closed */
        CHECK_INT(w->log.count, n0 + 2);         /* the action, then what was said */
        const Event *e = last_event(w);
        CHECK_INT(e->kind, EVENT_SAY);
        CHECK_STR(e->who, "trainee");
        CHECK_STR(e->text, "Nei, det er feil.");
        CHECK_INT(e->t, w->clock.now);
    }
    BAD(w, "choose jonas yes", "venter ikke på noe svar");
    OK(w, "check_in jonas");
    CHECK_INT(v->checked_in, 1);
    BAD(w, "check_in jonas", "er allerede registrert");
    BAD(w, "charge jonas 100001", "urimelig");
    OK(w, "charge jonas 375");
    CHECK_INT(v->charged, 375);
    CHECK_INT(v->served, served); /* serving is not re-stamped */

    /* --- the phone --- datter rings on line 1 */
    CHECK_INT(call->line, 1);
    BAD(w, "hold 1", "linje 1 er ikke besvart ennå");
    BAD(w, "hang_up 1", "linje 1 er ikke besvart ennå");
    BAD(w, "transfer 1 lege", "linje 1 er ikke besvart ennå");
    BAD(w, "unhold 1", "linje 1 står ikke på vent");
    BAD(w, "answer 2", "ingen samtale på linje 2"); /* nothing on line 2 */
    BAD(w, "answer 9", "ingen samtale på linje 9");
    OK(w, "answer 1");
    CHECK_INT(call->state, CALL_TALKING);
    CHECK_INT(call->answered, w->clock.now);
    BAD(w, "answer 1", "linje 1 ringer ikke"); /* talking, not ringing */
    OK(w, "hold 1");
    CHECK_INT(call->state, CALL_ON_HOLD);
    BAD(w, "hold 1", "linje 1 står allerede på vent");
    BAD(w, "answer 1", "linje 1 ringer ikke"); /* on hold, not ringing */
    /* the caller on hold cannot be spoken with */
    CHECK(world_open_prompt(w, "datter", PROMPT_TEXT, "Fødselsnummer?", err, sizeof err) != NULL);
    BAD(w, "type datter \"15859012342\"", "du snakker ikke med «datter»");
    OK(w, "unhold 1");
    CHECK_INT(call->state, CALL_TALKING);
    BAD(w, "unhold 1", "linje 1 står ikke på vent");
    BAD(w, "choose datter yes", "venter på et skrevet svar, ikke et valg");
    {
        size_t n0 = w->log.count;
        OK(w, "type datter \"Hun er født \\\"15.05\\\"\"");
        CHECK(world_prompt(w, "datter") == NULL);
        CHECK_INT(w->log.count, n0 + 2);
        const Event *e = last_event(w);
        CHECK_INT(e->kind, EVENT_SAY);
        CHECK_STR(e->who, "trainee");
        CHECK_STR(e->text, "Hun er født \"15.05\"");
    }
    /* hanging up closes an open prompt of the caller */
    CHECK(world_open_prompt(w, "datter", PROMPT_TEXT, "Noe mer?", err, sizeof err) != NULL);
    OK(w, "hang_up 1");
    CHECK_INT(call->state, CALL_ENDED);
    CHECK_INT(call->ended, w->clock.now);
    CHECK(world_prompt(w, "datter") == NULL);
    BAD(w, "hang_up 1", "ingen samtale på linje 1");
    BAD(w, "answer 1", "ingen samtale på linje 1");

    /* a second call takes the free line 1 again and is transferred */
    Call *c2 = world_ring(w, "sonja", 60 * SIMTIME_SECOND, err, sizeof err);
    CHECK(c2 != NULL);
    if (c2) {
        CHECK_INT(c2->line, 1);
        OK(w, "answer 1");
        BAD(w, "transfer 1 kari", "«kari» er ikke en lege her");
        BAD(w, "transfer 1 ghost", "«ghost» er ikke en lege her");
        OK(w, "hold 1"); /* a call on hold can be transferred */
        OK(w, "transfer 1 lege");
        Call *c = world_call_of(w, "sonja");
        CHECK_INT(c->state, CALL_TRANSFERRED);
        CHECK_STR(c->transferred_to, "lege");
        CHECK_INT(c->ended, w->clock.now);
        BAD(w, "hold 1", "ingen samtale på linje 1");
    }

    /* --- the journal and the screen --- */
    OK(w, "search_record \"Hansen\"");
    CHECK(w->open_record == NULL); /* a search opens nothing */
    BAD(w, "open_record sonja", "«sonja» har ingen journal her");
    BAD(w, "close_record", "ingen journal er åpen");
    OK(w, "open_record jonas");
    CHECK_STR(w->open_record, "jonas");
    OK(w, "open_record kari"); /* opening another replaces it */
    CHECK_STR(w->open_record, "kari");
    OK(w, "close_record");
    CHECK(w->open_record == NULL);
    BAD(w, "unlock_screen", "skjermen er ikke låst");
    OK(w, "lock_screen");
    CHECK_INT(w->screen_locked, 1);
    BAD(w, "lock_screen", "skjermen er allerede låst");
    BAD(w, "open_record jonas", "skjermen er låst");
    BAD(w, "search_record \"Hansen\"", "skjermen er låst");
    OK(w, "unlock_screen");
    CHECK_INT(w->screen_locked, 0);
    OK(w, "open_record jonas");
    CHECK_STR(w->open_record, "jonas");

    /* --- the timebok: 09:00 free, 09:15 Kari, 09:30 free --- */
    Slot *s900 = world_slot(w, "lege", 0, 9 * SIMTIME_HOUR);
    Slot *s915 = world_slot(w, "lege", 0, 9 * SIMTIME_HOUR + 15 * SIMTIME_MINUTE);
    Slot *s930 = world_slot(w, "lege", 0, 9 * SIMTIME_HOUR + 30 * SIMTIME_MINUTE);
    CHECK(s900 && s915 && s930);
    if (s900 && s915 && s930) {
        BAD(w, "book lege 09:15 jonas", "timen lege kl. 09:15 er allerede tatt");
        BAD(w, "book lege 10:00 jonas", "lege har ingen time kl. 10:00");
        BAD(w, "book kari 09:00 jonas", "«kari» er ikke en lege her");
        BAD(w, "book lege 09:00 ghost", "ukjent pasient «ghost»");
        OK(w, "book lege 09:00 jonas");
        CHECK_STR(s900->patient, "jonas");
        BAD(w, "cancel lege 09:30", "ingen bestilt time hos lege kl. 09:30"); /* free */
        BAD(w, "cancel lege 10:00", "ingen bestilt time"); /* no such slot */
        OK(w, "cancel lege 09:15");
        CHECK(s915->patient == NULL);
        BAD(w, "cancel lege 09:15", "ingen bestilt time");
        BAD(w, "move lege 09:15 lege 09:30", "ingen bestilt time hos lege kl. 09:15");
        BAD(w, "move lege 09:00 lege 10:00", "lege har ingen time kl. 10:00");
        OK(w, "book lege 09:30 kari");
        BAD(w, "move lege 09:00 lege 09:30", "timen lege kl. 09:30 er allerede tatt");
        BAD(w, "move lege 09:00 lege 09:00", "er allerede tatt"); /* onto itself */
        OK(w, "move lege 09:00 lege 09:15");
        CHECK(s900->patient == NULL);
        CHECK_STR(s915->patient, "jonas");
        CHECK_STR(s930->patient, "kari");
    }

    /* --- messages --- */
    Message *m = world_find_message(w, "m1");
    CHECK(m && m->read == -1);
    BAD(w, "read_message m9", "ingen melding «m9»");
    OK(w, "read_message m1");
    SimTime read_at = w->clock.now;
    CHECK_INT(m->read, read_at);
    OK(w, "read_message m1"); /* reading again keeps the first time */
    CHECK_INT(m->read, read_at);

    /* --- the lab task t1 for Jonas --- */
    BAD(w, "lab_step t9 identify", "ingen oppgave «t9»");
    OK(w, "lab_step t1 identify");
    CHECK_STR(last_event(w)->action.args[1], "identify");
    BAD(w, "pick_tube t1 purple", "ukjent prøverør «purple»");
    OK(w, "pick_tube t1 edta");
    BAD(w, "place_electrode t1 V7 chest", "ukjent avledning «V7»");
    BAD(w, "place_electrode t1 v1 chest", "ukjent avledning «v1»"); /* case matters */
    BAD(w, "place_electrode t1 V1 fourth_icr_right", "ukjent plassering «fourth_icr_right»");
    OK(w, "place_electrode t1 V1 ic4_right_sternal");
    BAD(w, "label t1 ghost", "ukjent person «ghost»");
    OK(w, "label t1 jonas");
    world_close_task(w, world_task(w, "t1"));
    BAD(w, "lab_step t1 identify", "oppgaven «t1» er avsluttet");
    BAD(w, "pick_tube t1 edta", "er avsluttet");

    /* --- alarms --- */
    OK(w, "call_113");
    OK(w, "pause"); /* recorded only: nothing in the world changes */
    OK(w, "page_doctor lege");
    BAD(w, "page_doctor jonas", "«jonas» er ikke en lege her");

    /* --- the clock: an action must be at the clock's time --- */
    {
        Action a;
        char aerr[256] = "";
        const char *args[] = {"lege"};
        StrBuf s0, s1;
        strbuf_init(&s0);
        strbuf_init(&s1);
        snapshot(w, &s0);
        size_t n0 = w->log.count;
        CHECK_INT(action_make(&a, ACTION_PAGE_DOCTOR, w->clock.now + SIMTIME_SECOND, args, aerr,
                              sizeof aerr), 0);
        CHECK_INT(world_apply(w, &a, aerr, sizeof aerr), -1);
        CHECK(strstr(aerr, "annet klokkeslett enn klokken") != NULL);
        a.t = w->clock.now - 1;
        aerr[0] = '\0';
        CHECK_INT(world_apply(w, &a, aerr, sizeof aerr), -1);
        CHECK(strstr(aerr, "annet klokkeslett enn klokken") != NULL);
        a.t = w->clock.now;
        CHECK_INT(world_apply(w, &a, aerr, sizeof aerr), 0);
        CHECK_INT(w->log.count, n0 + 1);
        action_free(&a);
        /* a wait at the wrong time is refused too */
        CHECK_INT(action_make(&a, ACTION_WAIT, 0, NULL, aerr, sizeof aerr), 0);
        CHECK_INT(world_apply(w, &a, aerr, sizeof aerr), -1);
        CHECK_INT(w->log.count, n0 + 1);
        action_free(&a);
        snapshot(w, &s1);
        CHECK_STR(strbuf_str(&s1), strbuf_str(&s0));
        strbuf_free(&s0);
        strbuf_free(&s1);
    }

    /* --- serving another sends the one at the counter back to waiting --- */
    CHECK(world_arrive(w, "kari", err, sizeof err) != NULL);
    v = world_visit(w, "jonas"); /* the visits array may have moved */
    OK(w, "serve kari");
    CHECK_INT(world_visit(w, "kari")->state, VISIT_AT_COUNTER);
    CHECK_INT(v->state, VISIT_WAITING);
    OK(w, "serve jonas");
    CHECK_INT(v->served, served); /* first service time kept */
    world_leave(w, v);
    CHECK_INT(v->state, VISIT_DONE);
    CHECK_INT(v->left, w->clock.now);
    BAD(w, "serve jonas", "«jonas» venter ikke ved skranken");
    BAD(w, "check_in jonas", "står ikke ved skranken");

    /* every action kind has now been applied at least once */
    {
        int seen[ACTION_COUNT] = {0};
        for (size_t i = 0; i < w->log.count; i++)
            if (w->log.items[i].kind == EVENT_ACTION)
                seen[w->log.items[i].action.kind] = 1;
        for (int k = 0; k < ACTION_COUNT; k++) {
            if (!seen[k])
                fprintf(stderr, "  never applied: %s\n", action_specs[k].name);
            CHECK(seen[k]);
        }
    }
    world_free(w);
}

int main(void)
{
    test_records();
    test_search();
    test_ring();
    test_apply();
    return check_finish("test_world");
}
