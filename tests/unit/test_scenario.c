/* The script layer in-process: scheduler order, waits and their timeouts, dialogue,
 * observers, finish, determinism helpers, and the sandbox limits. */
#include "check.h"
#include "script/scenario.h"

#include <stdlib.h>

#define HEADER                                                                        \
    "scenario { id = 't', title = 'T', version = '1', start = '08:00', duration = 30,\n" \
    "  goals = { ['g.a'] = 10, ['g.b'] = 5 } }\n"

static Scenario *load_opts(const char *body, uint64_t seed, size_t mem, long long budget,
                           char *err, size_t errsize)
{
    static char text[16384];
    snprintf(text, sizeof text, "%s%s", HEADER, body);
    ScenarioOptions o = {0};
    o.chunkname = "test.lua";
    o.seed = seed;
    o.memory_cap = mem;
    o.budget = budget;
    return scenario_load(&o, text, strlen(text), err, errsize);
}

static Scenario *load(const char *body)
{
    char err[512];
    Scenario *sc = load_opts(body, 1, 0, 0, err, sizeof err);
    if (!sc)
        fprintf(stderr, "load failed: %s\n", err);
    return sc;
}

static ScenarioActResult act(Scenario *sc, const char *line)
{
    Action a;
    char err[256];
    if (action_parse_line(line, &a, err, sizeof err) != 1) {
        fprintf(stderr, "bad test line %s: %s\n", line, err);
        return SCENARIO_ACT_FAULT;
    }
    ScenarioActResult r = scenario_act(sc, &a, err, sizeof err);
    action_free(&a);
    return r;
}

/* The text of the n-th say event (0-based) or NULL. */
static const char *said(Scenario *sc, int n)
{
    const EventLog *log = &scenario_world(sc)->log;
    for (size_t i = 0; i < log->count; i++)
        if (log->items[i].kind == EVENT_SAY && n-- == 0)
            return log->items[i].text;
    return NULL;
}

static int count_code(Scenario *sc, const char *code)
{
    int n = 0;
    const EventLog *log = &scenario_world(sc)->log;
    for (size_t i = 0; i < log->count; i++)
        n += log->items[i].code && strcmp(log->items[i].code, code) == 0;
    return n;
}

static SimTime at(const char *hhmmss)
{
    SimTime t = 0;
    simtime_parse(hhmmss, &t);
    return t;
}

static void test_timer_order(void)
{
    /* Timers fire by time, and at the same time in the order they were made. */
    Scenario *sc = load(
        "local p = cast.person { id = 'p', name = 'P' }\n"
        "local log = {}\n"
        "clock.at('08:05', function() desk.arrive(p):say('b') end)\n"
        "clock.at('08:01', function() clock.after(240, function() desk.arrive(cast.person{id='q',name='Q'}):say('a2') end) end)\n"
        "clock.at('08:02', function() clock.wait(60); end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(scenario_advance(sc, at("08:10:00")), 0);
    /* 08:01 + 240 s = 08:05 too, but that timer was made later than the 08:05 one */
    CHECK_STR(said(sc, 0), "b");
    CHECK_STR(said(sc, 1), "a2");
    CHECK_INT(scenario_world(sc)->clock.now, at("08:10:00"));
    scenario_free(sc);
}

static void test_ring_out(void)
{
    /* An unanswered call hangs up after ring_for; wait_answer gives false. */
    Scenario *sc = load(
        "local c = cast.person { id = 'c', name = 'C' }\n"
        "clock.at('08:01', function()\n"
        "  local call = phone.call { from = c, ring_for = 45 }\n"
        "  if call:wait_answer() then score.award('g.a', 1, {text='svarte'})\n"
        "  else score.deduct('g.b', 1, {text='ubesvart'}) end\n"
        "end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(scenario_advance(sc, at("08:01:44")), 0);
    CHECK_INT(scenario_world(sc)->calls[0].state, CALL_RINGING);
    CHECK_INT(scenario_advance(sc, at("08:02:00")), 0);
    CHECK_INT(scenario_world(sc)->calls[0].state, CALL_MISSED);
    CHECK_INT(scenario_world(sc)->calls[0].ended, at("08:01:45"));
    CHECK_INT(count_code(sc, "call_missed"), 1);
    /* answering now does not fit */
    CHECK_INT(act(sc, "08:02:10 answer 1"), SCENARIO_ACT_MISMATCH);
    const EventLog *log = &scenario_world(sc)->log;
    CHECK(log->items[log->count - 1].kind == EVENT_SCORE);
    CHECK_INT(log->items[log->count - 1].score_kind, SCORE_DEDUCT);
    scenario_free(sc);
}

static void test_dialogue(void)
{
    /* ask resumes with the chosen key; hanging up during a question gives nil. */
    Scenario *sc = load(
        "local c = cast.person { id = 'c', name = 'C' }\n"
        "clock.at('08:01', function()\n"
        "  local call = phone.call { from = c }\n"
        "  call:wait_answer()\n"
        "  local k = call:ask('Spørsmål?', { {'ja', 'Ja.'}, {'nei', 'Nei.'} })\n"
        "  call:say('fikk ' .. tostring(k))\n"
        "  local t = call:ask_text('Nummer?')\n"
        "  call:say('skrev ' .. t)\n"
        "  local z = call:ask('Mer?', { {'x', 'X'} })\n"
        "  call:say('til slutt ' .. tostring(z))\n"
        "end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(act(sc, "08:01:05 choose c ja"), SCENARIO_ACT_MISMATCH); /* not talking yet */
    CHECK_INT(act(sc, "08:01:10 answer 1"), SCENARIO_ACT_OK);
    CHECK_INT(act(sc, "08:01:20 choose c kanskje"), SCENARIO_ACT_MISMATCH);
    CHECK_INT(act(sc, "08:01:20 type c \"x\""), SCENARIO_ACT_MISMATCH);
    CHECK_INT(act(sc, "08:01:30 choose c nei"), SCENARIO_ACT_OK);
    CHECK_STR(said(sc, 1), "Nei.");          /* the trainee's line */
    CHECK_STR(said(sc, 2), "fikk nei");
    CHECK_INT(act(sc, "08:01:40 type c \"15859012342\""), SCENARIO_ACT_OK);
    CHECK_STR(said(sc, 4), "skrev 15859012342"); /* ask_text's question is no spoken line */
    CHECK_INT(count_code(sc, "prompt"), 1);
    CHECK_INT(act(sc, "08:01:50 hang_up 1"), SCENARIO_ACT_OK);
    CHECK_STR(said(sc, 6), "til slutt nil");
    scenario_free(sc);
}

static void test_timeouts_and_observe(void)
{
    /* ask with a timeout, observe.wait with a filter and a timeout, observe.on per action,
     * visit waiting time, message read. */
    Scenario *sc = load(
        "local p = cast.patient { id = 'p', name = 'P', fnr = '15859012342' }\n"
        "local d = cast.doctor { id = 'd', name = 'D' }\n"
        "observe.on('open_record', function(a) score.award('g.b', 1, {text='åpnet ' .. a.patient}) end)\n"
        "clock.at('08:01', function()\n"
        "  local v = desk.arrive(p)\n"
        "  v:wait_served()\n"
        "  v:say('ventet ' .. v:waited())\n"
        "  local k = v:ask('Hva?', { {'a', 'A'} }, { timeout = 30 })\n"
        "  v:say('svar ' .. tostring(k))\n"
        "  local a = observe.wait { kind = 'call_113', timeout = 60 }\n"
        "  v:say('113 ' .. tostring(a and a.time))\n"
        "  local b = observe.wait { kind = 'page_doctor', doctor = 'd', timeout = 60 }\n"
        "  v:say('lege ' .. tostring(b and b.time))\n"
        "  local m = inbox.message { id = 'm1', from = d, text = 'Hei' }\n"
        "  v:say('lest ' .. tostring(m:wait_read { timeout = 10 }))\n"
        "end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(act(sc, "08:03:00 serve p"), SCENARIO_ACT_OK);
    CHECK_STR(said(sc, 0), "ventet 120.0");
    CHECK_INT(act(sc, "08:03:40 open_record p"), SCENARIO_ACT_OK); /* after the 30 s timeout */
    CHECK_STR(said(sc, 2), "svar nil");
    CHECK_INT(count_code(sc, "no_reply"), 1);
    CHECK_INT(act(sc, "08:03:50 open_record p"), SCENARIO_ACT_OK);
    CHECK_INT(act(sc, "08:04:00 call_113"), SCENARIO_ACT_OK);
    CHECK_STR(said(sc, 3), "113 08:04:00");
    CHECK_INT(act(sc, "08:04:10 page_doctor d"), SCENARIO_ACT_OK);
    CHECK_STR(said(sc, 4), "lege 08:04:10");
    CHECK_INT(scenario_advance(sc, at("08:05:00")), 0);
    CHECK_STR(said(sc, 5), "lest false");
    int awards = 0;
    const EventLog *log = &scenario_world(sc)->log;
    for (size_t i = 0; i < log->count; i++)
        awards += log->items[i].kind == EVENT_SCORE;
    CHECK_INT(awards, 2); /* one per open_record */
    scenario_free(sc);
}

static void test_finish(void)
{
    Scenario *sc = load(
        "clock.at('08:02', function() finish('ferdig'); error('kjører ikke') end)\n"
        "on_end(function() score.award('g.a', 3, {text='slutt'}) end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(act(sc, "08:01:00 wait"), SCENARIO_ACT_OK);
    CHECK_INT(act(sc, "08:03:00 wait"), SCENARIO_ACT_MISMATCH); /* already ended */
    CHECK(scenario_finished(sc));
    CHECK_INT(scenario_run_to_end(sc), 0);
    CHECK(scenario_fault(sc) == NULL);
    CHECK_INT(scenario_world(sc)->clock.now, at("08:02:00"));
    CHECK_INT(count_code(sc, "finish"), 1);
    CHECK_INT(count_code(sc, "time_up"), 0);
    scenario_free(sc);

    /* Regression: once an event has called finish(), nothing else is resumed, not
     * even a later wait that the same action would wake. */
    sc = load(
        "local p = cast.person { id = 'p', name = 'P' }\n"
        "clock.at('08:01', function() observe.wait { kind = 'call_113' }; finish('slutt') end)\n"
        "clock.at('08:01', function()\n"
        "  local v = desk.arrive(p)\n"
        "  observe.wait { kind = 'call_113' }\n"
        "  v:say('for sent')\n"
        "end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(act(sc, "08:02:00 call_113"), SCENARIO_ACT_OK);
    CHECK(scenario_finished(sc));
    CHECK(said(sc, 0) == NULL);
    scenario_free(sc);

    /* Without finish() the scenario ends at start + duration. */
    sc = load("clock.at('08:02', function() end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(scenario_run_to_end(sc), 0);
    CHECK_INT(scenario_world(sc)->clock.now, at("08:30:00"));
    CHECK_INT(count_code(sc, "time_up"), 1);
    scenario_free(sc);
}

static void test_determinism_helpers(void)
{
    /* pairs goes in sorted key order; math.random follows the seed. */
    const char *body =
        "local t = {}\n"
        "for _, k in ipairs { 'kiwi', 'eple', 'banan', 'dadler', 'appelsin' } do t[k] = true end\n"
        "t[3] = true; t[1] = true\n"
        "local keys = {}\n"
        "for k in pairs(t) do keys[#keys + 1] = tostring(k) end\n"
        "local r = math.random(1, 1000000) .. ',' .. random.int(1, 1000000)\n"
        "clock.at('08:01', function() desk.arrive(cast.person{id='x',name='X'}):say(table.concat(keys, ' ') .. ' ' .. r) end)\n";
    char err[256];
    Scenario *a = load_opts(body, 42, 0, 0, err, sizeof err);
    Scenario *b = load_opts(body, 42, 0, 0, err, sizeof err);
    Scenario *c = load_opts(body, 43, 0, 0, err, sizeof err);
    CHECK(a && b && c);
    if (!a || !b || !c)
        return;
    scenario_advance(a, at("08:02:00"));
    scenario_advance(b, at("08:02:00"));
    scenario_advance(c, at("08:02:00"));
    CHECK(strncmp(said(a, 0), "1 3 appelsin banan dadler eple kiwi ", 36) == 0);
    CHECK_STR(said(a, 0), said(b, 0));
    CHECK(strcmp(said(a, 0), said(c, 0)) != 0);
    scenario_free(a);
    scenario_free(b);
    scenario_free(c);
}

static void test_limits(void)
{
    char err[512];
    /* A small budget: the script's own pcall cannot keep the loop alive. */
    Scenario *sc = load_opts("local n = 0\nwhile true do pcall(function() while true do n = n + 1 end end) end\n",
                             1, 0, 100000, err, sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "instruksjonsbudsjettet") != NULL);
    CHECK(strstr(err, "test.lua:4") != NULL);
    /* A small heap: a growing table stops at the cap, with the file named. */
    sc = load_opts("local t = {}\nfor i = 1, 1e8 do t[i] = {i} end\n", 1, (size_t)4 << 20, 0, err,
                   sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "test.lua: minnegrensen på 4 MiB") != NULL);
    /* The budget is per resume: many short events each get a fresh budget. */
    sc = load_opts("for m = 1, 20 do clock.after(m * 60, function() for i = 1, 30000 do end end) end\n",
                   1, 0, 200000, err, sizeof err);
    CHECK(sc != NULL);
    if (sc) {
        CHECK_INT(scenario_run_to_end(sc), 0);
        scenario_free(sc);
    }
    /* Waiting from a scenario-made coroutine is refused. */
    sc = load("clock.at('08:01', function()\n  coroutine.wrap(function() clock.wait(5) end)()\nend)\n");
    CHECK(sc != NULL);
    if (sc) {
        CHECK_INT(scenario_advance(sc, at("08:02:00")), -1);
        CHECK(strstr(scenario_fault(sc), "test.lua:4:") != NULL);
        CHECK(strstr(scenario_fault(sc), "egen coroutine") != NULL);
        scenario_free(sc);
    }
    /* API misuse names the line. */
    /* A valid real-range number anywhere in the file is refused before it runs ... */
    sc = load_opts("-- 31129956715\n", 1, 0, 0, err, sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "test.lua:3:") != NULL && strstr(err, "virkelige området") != NULL);
    /* ... and a patient's number must be synthetic (this H-nummer is valid, not synthetic). */
    sc = load_opts("\ncast.patient { id = 'p', name = 'P', fnr = '15459010006' }\n", 1, 0, 0, err,
                   sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "test.lua:4:") != NULL && strstr(err, "ikke syntetisk") != NULL);
    sc = load_opts("score.award('g.a', 1, {text='x'})\n", 1, 0, 0, err, sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "test.lua:3:") != NULL);
    sc = load_opts("clock.at('08:01', function() score.award('g.zzz', 1, {text='x'}) end)\n", 1, 0,
                   0, err, sizeof err);
    CHECK(sc != NULL);
    if (sc) {
        CHECK_INT(scenario_advance(sc, at("08:02:00")), -1);
        CHECK(strstr(scenario_fault(sc), "test.lua:3:") != NULL);
        CHECK(strstr(scenario_fault(sc), "g.zzz") != NULL);
        scenario_free(sc);
    }
}

static void test_lab_steps(void)
{
    /* A task that declares its steps accepts only those in lab_step; tubes stay open. */
    Scenario *sc = load(
        "local p = cast.patient { id = 'p', name = 'P', fnr = '15859012342' }\n"
        "clock.at('08:01', function()\n"
        "  lab.task { id = 't', patient = p, kind = 'venous', title = 'Prøve',\n"
        "             steps = { { 'stasis_on', 'Stase på' }, { 'done', 'Ferdig' } } }\n"
        "end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(act(sc, "08:02:00 lab_step t stasis_on"), SCENARIO_ACT_OK);
    CHECK_INT(act(sc, "08:02:10 lab_step t dance"), SCENARIO_ACT_MISMATCH);
    CHECK_INT(act(sc, "08:02:20 pick_tube t edta"), SCENARIO_ACT_OK);
    const LabTask *t = world_task(scenario_world(sc), "t");
    CHECK(t && t->step_ids.count == 2);
    CHECK(t && strcmp(t->step_labels.items[1], "Ferdig") == 0);
    scenario_free(sc);
    char err[256];
    sc = load_opts("clock.at('08:01', function() lab.task { id = 't', patient = 'x', kind = 'k', "
                   "title = 'T', steps = { { 'bad id', 'X' } } } end)\n",
                   1, 0, 0, err, sizeof err);
    CHECK(sc != NULL);
    if (sc) {
        CHECK_INT(scenario_advance(sc, at("08:02:00")), -1);
        CHECK(strstr(scenario_fault(sc), "steps[1]") != NULL);
        scenario_free(sc);
    }
}

static void test_meta_given_and_instructions(void)
{
    /* HEADER gives id, title, version, start, duration and goals, nothing else. */
    Scenario *sc = load("local n = 0\nfor i = 1, 100000 do n = n + i end\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(scenario_meta_given(sc, "id"), 1);
    CHECK_INT(scenario_meta_given(sc, "start"), 1);
    CHECK_INT(scenario_meta_given(sc, "goals"), 1);
    CHECK_INT(scenario_meta_given(sc, "summary"), 0);
    CHECK_INT(scenario_meta_given(sc, "language"), 0);
    CHECK_INT(scenario_meta_given(sc, "difficulty"), 0);
    CHECK_INT(scenario_meta_given(sc, "modes"), 0);
    CHECK_INT(scenario_meta_given(sc, "no-such-field"), 0);
    /* The loop at load ran some 400 000 instructions; they are counted. */
    long long loaded = scenario_instructions(sc);
    CHECK(loaded >= 100000);
    scenario_free(sc);

    char text[1024];
    snprintf(text, sizeof text,
             "scenario { id = 't', title = 'T', version = '1', language = 'nb',\n"
             "  summary = 'S', start = '08:00', duration = 5, difficulty = 2,\n"
             "  modes = { 'practice' }, goals = { ['g.a'] = 1 } }\n"
             "clock.at('08:01', function() local n = 0\n"
             "  for i = 1, 100000 do n = n + i end end)\n");
    ScenarioOptions o = {0};
    o.chunkname = "full.lua";
    char err[256];
    sc = scenario_load(&o, text, strlen(text), err, sizeof err);
    CHECK(sc != NULL);
    if (!sc)
        return;
    const char *fields[] = {"id", "title", "version", "language", "summary", "start",
                            "duration", "difficulty", "modes", "goals"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        CHECK_INT(scenario_meta_given(sc, fields[i]), 1);
    long long before = scenario_instructions(sc);
    CHECK(before < 100000);
    CHECK_INT(scenario_advance(sc, at("08:02:00")), 0);
    CHECK(scenario_instructions(sc) >= before + 100000);
    scenario_free(sc);
}

/* Regression: a loop of waits that end at once (timeout 0, or a remainder that
 * rounds to 0 ms) hung the poll loop; it is now a fault naming the file. */
static void test_zero_wait_loop(void)
{
    Scenario *sc = load("clock.at('08:01', function()\n"
                        "  while true do observe.wait { timeout = 0 } end\n"
                        "end)\n");
    CHECK(sc != NULL);
    if (!sc)
        return;
    CHECK_INT(scenario_advance(sc, at("08:02:00")), -1);
    CHECK(scenario_fault(sc) && strstr(scenario_fault(sc), "test.lua: mer enn") != NULL);
    CHECK(scenario_fault(sc) && strstr(scenario_fault(sc), "08:01:00") != NULL);
    scenario_free(sc);
    /* Float dust is a millisecond, not nothing: the loop of full-morgen-1 (wait for
     * "the rest" of a limit computed from clock.elapsed()) ends. */
    sc = load("clock.at('08:01', function()\n"
              "  local from = clock.elapsed() + 1e-13\n"
              "  while clock.elapsed() - from < 0 do\n"
              "    observe.wait { timeout = from - clock.elapsed() }\n"
              "  end\n"
              "  score.award('g.a', 1, { text = string.format('%.3f', clock.elapsed()) })\n"
              "end)\n");
    CHECK(sc != NULL);
    if (sc) {
        CHECK_INT(scenario_advance(sc, at("08:02:00")), 0);
        const EventLog *log = &scenario_world(sc)->log;
        CHECK(log->count > 0 && log->items[log->count - 1].kind == EVENT_SCORE &&
              strcmp(log->items[log->count - 1].text, "60.001") == 0);
        scenario_free(sc);
    }
    /* Many actors waking at the same time is no loop. */
    sc = load("for i = 1, 200 do clock.at('08:01', function() observe.wait { timeout = 0 }\n"
              "  clock.wait(0) end) end\n");
    CHECK(sc != NULL);
    if (sc) {
        CHECK_INT(scenario_advance(sc, at("08:02:00")), 0);
        scenario_free(sc);
    }
}

int main(void)
{
    test_zero_wait_loop();
    test_meta_given_and_instructions();
    test_lab_steps();
    test_timer_order();
    test_ring_out();
    test_dialogue();
    test_timeouts_and_observe();
    test_finish();
    test_determinism_helpers();
    test_limits();
    return check_finish("test_scenario");
}
