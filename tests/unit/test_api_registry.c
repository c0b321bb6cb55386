/* The scenario API's one list (sk_api_modules) against its reference,
 * docs/scenario-api.md, and against a real sandbox:
 *  - every exposed function and handle method has exactly one "### name"
 *    heading (global functions "### finish", module functions "### cast.get",
 *    methods "### visit:ask", the handle named after its metatable);
 *  - every "### " heading that looks like an API name (only a-z, 0-9, _ . :)
 *    is exposed, and the headings follow the order of sk_api_modules;
 *  - a scenario loaded through scenario_load finds every documented module,
 *    function and method, and none of the libraries the sandbox removes;
 *  - the instruction budget and the memory cap end a runaway scenario with the
 *    messages the document shows;
 *  - the authoring guide's API overview (docs/authoring.md, the table between
 *    "<!-- api-oversikt:start -->" and "<!-- api-oversikt:end -->") has one row
 *    per exposed name, in the order of sk_api_modules, and nothing else.
 *
 *   test_api_registry [DOC [GUIDE]]   (defaults: SKRANKEN_API_DOC and
 *                                      SKRANKEN_AUTHORING_DOC, set by CMake) */
#include "script/api.h"
#include "script/scenario.h"
#include "core/strbuf.h"

#include "check.h"

#include <stdlib.h>

#ifndef SKRANKEN_API_DOC
#define SKRANKEN_API_DOC "docs/scenario-api.md"
#endif
#ifndef SKRANKEN_AUTHORING_DOC
#define SKRANKEN_AUTHORING_DOC "docs/authoring.md"
#endif

#define MAX_NAMES 512
#define NAME_LEN 96

typedef struct Heading {
    char name[NAME_LEN];
    int line;
} Heading;

typedef struct Exposed {
    char name[NAME_LEN]; /* "scenario", "cast.get", "visit:ask" */
    size_t module;       /* index in sk_api_modules */
} Exposed;

static Heading headings[MAX_NAMES];
static size_t heading_count;
static Exposed exposed[MAX_NAMES];
static size_t exposed_count;

/* How the sandbox check gets a handle of each kind to look its methods up on. A
 * new handle type in sk_api_modules needs a line here. */
static const struct {
    const char *handle;
    const char *make; /* a Lua expression, run inside an event */
} handle_makers[] = {
    {"visit", "desk.arrive(\"p\")"},
    {"call", "phone.call { from = \"d\" }"},
    {"message", "inbox.message { id = \"m\", from = \"d\", text = \"Test\" }"},
    {"task", "lab.task { id = \"t\", patient = \"p\", kind = \"test\", title = \"Test\" }"},
};
#define HANDLE_MAKER_COUNT (sizeof handle_makers / sizeof handle_makers[0])

/* "skranken.visit" -> "visit" */
static const char *handle_name(const char *metatable)
{
    const char *dot = strrchr(metatable, '.');
    return dot ? dot + 1 : metatable;
}

static void add_exposed(const char *name, size_t module)
{
    if (exposed_count == MAX_NAMES || strlen(name) >= NAME_LEN) {
        CHECK(!"too many or too long exposed names for this test");
        return;
    }
    snprintf(exposed[exposed_count].name, NAME_LEN, "%s", name);
    exposed[exposed_count].module = module;
    exposed_count++;
}

static void collect_exposed(void)
{
    char name[NAME_LEN * 2];
    for (size_t m = 0; m < sk_api_module_count; m++) {
        const SkApiModule *mod = &sk_api_modules[m];
        for (const luaL_Reg *f = mod->functions; f && f->name; f++) {
            if (mod->name)
                snprintf(name, sizeof name, "%s.%s", mod->name, f->name);
            else
                snprintf(name, sizeof name, "%s", f->name);
            add_exposed(name, m);
        }
        CHECK(!mod->methods == !mod->metatable);
        for (const luaL_Reg *f = mod->methods; f && f->name; f++) {
            snprintf(name, sizeof name, "%s:%s", handle_name(mod->metatable), f->name);
            add_exposed(name, m);
        }
    }
}

/* A heading names an API entry when it is made of a-z, 0-9, '_', '.' and ':'
 * only; prose headings have capitals or spaces. */
static int looks_like_api(const char *s)
{
    if (!*s || !((*s >= 'a' && *s <= 'z') || *s == '_'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '.' ||
              *s == ':'))
            return 0;
    return 1;
}

/* Collects the API-like "### " headings outside fenced code blocks. Returns -1
 * if the document cannot be read. */
static int read_doc(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: cannot open the API reference (it must exist and list every "
                        "function of sk_api_modules)\n",
                path);
        return -1;
    }
    char line[1024];
    int number = 0, in_code = 0, at_start = 1;
    while (fgets(line, sizeof line, f)) {
        /* The rest of a line longer than the buffer is not a line start. */
        int was_start = at_start;
        at_start = strchr(line, '\n') != NULL;
        if (!was_start)
            continue;
        number++;
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "```", 3) == 0) {
            in_code = !in_code;
            continue;
        }
        if (in_code || strncmp(line, "### ", 4) != 0)
            continue;
        char *name = line + 4;
        size_t n = strlen(name);
        while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
            name[--n] = '\0';
        if (!looks_like_api(name))
            continue;
        if (heading_count == MAX_NAMES || n >= NAME_LEN) {
            CHECK(!"too many or too long API headings for this test");
            continue;
        }
        snprintf(headings[heading_count].name, NAME_LEN, "%s", name);
        headings[heading_count].line = number;
        heading_count++;
    }
    fclose(f);
    return 0;
}

static const Exposed *find_exposed(const char *name)
{
    for (size_t i = 0; i < exposed_count; i++)
        if (strcmp(exposed[i].name, name) == 0)
            return &exposed[i];
    return NULL;
}

static void check_doc_against_list(const char *doc)
{
    /* Every exposed name: exactly one heading. */
    for (size_t i = 0; i < exposed_count; i++) {
        int found = 0;
        for (size_t h = 0; h < heading_count; h++)
            found += strcmp(headings[h].name, exposed[i].name) == 0;
        CHECK(found == 1);
        if (found == 0)
            fprintf(stderr, "%s: no heading \"### %s\" (%s is exposed in sk_api_modules)\n", doc,
                    exposed[i].name, exposed[i].name);
        else if (found > 1)
            fprintf(stderr, "%s: \"### %s\" appears %d times\n", doc, exposed[i].name, found);
    }
    /* Every API-like heading: exposed, in the order of the modules. */
    size_t last_module = 0;
    for (size_t h = 0; h < heading_count; h++) {
        const Exposed *e = find_exposed(headings[h].name);
        CHECK(e != NULL);
        if (!e) {
            fprintf(stderr, "%s:%d: \"### %s\" names nothing in sk_api_modules\n", doc,
                    headings[h].line, headings[h].name);
            continue;
        }
        CHECK(e->module >= last_module);
        if (e->module < last_module)
            fprintf(stderr, "%s:%d: \"### %s\" is out of place: the sections follow the "
                            "order of sk_api_modules\n",
                    doc, headings[h].line, headings[h].name);
        else
            last_module = e->module;
    }
}

/* Lua that checks a documented name from inside the sandbox; a module table or
 * a handle is checked once, the first time one of its names comes up. */
static void add_name_check(StrBuf *lua, const char *name, const char *prev)
{
    const char *sep = strpbrk(name, ".:");
    int len = sep ? (int)(sep - name) : 0;
    int first = !prev || !sep || strncmp(prev, name, (size_t)len + 1) != 0;
    if (sep && *sep == ':') {
        if (first)
            strbuf_addf(lua, "  need(getmetatable(h[\"%.*s\"]) == \"skranken\", "
                             "\"a %.*s handle with its hidden metatable\")\n",
                        len, name, len, name);
        strbuf_addf(lua, "  need(type(h[\"%.*s\"].%s) == \"function\", \"%s\")\n", len, name,
                    sep + 1, name);
    } else {
        if (sep && first)
            strbuf_addf(lua, "need(type(%.*s) == \"table\", \"the module %.*s\")\n", len, name,
                        len, name);
        strbuf_addf(lua, "need(type(%s) == \"function\", \"%s\")\n", name, name);
    }
}

static const char scenario_decl[] =
    "scenario { id = \"api-registry\", title = \"API-registeret\", version = \"1\", "
    "duration = 5, goals = { [\"test.maal\"] = 1 } }\n";

static Scenario *load(const char *source, ScenarioOptions *opts, char *err, size_t errsize)
{
    return scenario_load(opts, source, strlen(source), err, errsize);
}

static void check_sandbox(void)
{
    StrBuf lua;
    strbuf_init(&lua);
    strbuf_add(&lua, "local function need(ok, what)\n"
                     "  if not ok then error(\"sandbox: \" .. what, 0) end\n"
                     "end\n");
    /* What the sandbox takes away (sandbox.c, docs: "What the sandbox removes"). */
    static const char *const removed[] = {"io",   "os",       "debug",    "package",
                                          "require", "load",  "loadstring", "dofile",
                                          "loadfile", "collectgarbage", "print", "warn"};
    for (size_t i = 0; i < sizeof removed / sizeof removed[0]; i++)
        strbuf_addf(&lua, "need(%s == nil, \"%s is removed\")\n", removed[i], removed[i]);
    strbuf_add(&lua, "need(string.dump == nil, \"string.dump is removed\")\n"
                     "need(coroutine.running == nil, \"coroutine.running is removed\")\n"
                     "need(math.randomseed == nil, \"math.randomseed is removed\")\n"
                     "need(type(math.random) == \"function\", \"math.random (seeded)\")\n"
                     "need(tostring({}) == \"table\", \"tostring without addresses\")\n");
    /* Every documented global and module function. */
    const char *prev = NULL;
    for (size_t h = 0; h < heading_count; h++)
        if (!strchr(headings[h].name, ':')) {
            add_name_check(&lua, headings[h].name, prev);
            prev = headings[h].name;
        }
    strbuf_add(&lua, scenario_decl);
    strbuf_add(&lua, "cast.patient { id = \"p\", name = \"Pasient Test\", "
                     "fnr = fnr.synthetic { year = 1980 } }\n"
                     "cast.doctor { id = \"d\", name = \"Lege Test\" }\n"
                     "clock.at(\"08:00\", function()\n"
                     "  local h = {}\n");
    /* One real handle of each documented kind, then its documented methods. */
    prev = NULL;
    for (size_t h = 0; h < heading_count; h++) {
        const char *colon = strchr(headings[h].name, ':');
        if (!colon)
            continue;
        size_t len = (size_t)(colon - headings[h].name);
        size_t k = 0;
        while (k < HANDLE_MAKER_COUNT && (strlen(handle_makers[k].handle) != len ||
                                          strncmp(handle_makers[k].handle, headings[h].name,
                                                  len) != 0))
            k++;
        CHECK(k < HANDLE_MAKER_COUNT);
        if (k == HANDLE_MAKER_COUNT) {
            fprintf(stderr, "test_api_registry: no handle maker for \"%s\"; add one to "
                            "handle_makers\n",
                    headings[h].name);
            continue;
        }
        strbuf_addf(&lua, "  h[\"%s\"] = h[\"%s\"] or %s\n", handle_makers[k].handle,
                    handle_makers[k].handle, handle_makers[k].make);
        add_name_check(&lua, headings[h].name, prev);
        prev = headings[h].name;
    }
    strbuf_add(&lua, "  finish(\"alt er der\")\n"
                     "end)\n");

    char err[1024] = "";
    ScenarioOptions opts = {0};
    opts.chunkname = "api-registry.lua";
    opts.seed = 1;
    Scenario *sc = load(strbuf_str(&lua), &opts, err, sizeof err);
    CHECK(sc != NULL);
    if (!sc) {
        fprintf(stderr, "sandbox check: %s\n", err);
        if (!strstr(err, "sandbox: ")) /* not one of our own checks: show the script */
            fprintf(stderr, "--- generated scenario ---\n%s\n", strbuf_str(&lua));
    } else {
        /* The event at 08:00 looks the methods up on real handles. */
        CHECK_INT(scenario_advance(sc, 8 * SIMTIME_HOUR + SIMTIME_MINUTE), 0);
        if (scenario_fault(sc))
            fprintf(stderr, "sandbox check: %s\n", scenario_fault(sc));
        CHECK(scenario_fault(sc) == NULL);
        CHECK(scenario_finished(sc)); /* the event ran to its end */
        scenario_free(sc);
    }
    strbuf_free(&lua);
}

/* The checks above rely on error() failing the load; and the limits must end a
 * runaway script with the messages the reference shows. */
static void check_failures_are_reported(void)
{
    char err[1024] = "";
    ScenarioOptions opts = {0};
    opts.chunkname = "stopp.lua";
    Scenario *sc = load("error(\"stopp her\", 0)\n", &opts, err, sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "stopp her") != NULL);
    scenario_free(sc);

    StrBuf lua;
    strbuf_init(&lua);
    strbuf_add(&lua, scenario_decl);
    strbuf_add(&lua, "io.write(\"x\")\n");
    sc = load(strbuf_str(&lua), &opts, err, sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "stopp.lua:2:") != NULL);
    scenario_free(sc);

    strbuf_clear(&lua);
    strbuf_add(&lua, scenario_decl);
    strbuf_add(&lua, "pcall(function() while true do end end)\nwhile true do end\n");
    opts.chunkname = "loop.lua";
    opts.budget = 200000;
    sc = load(strbuf_str(&lua), &opts, err, sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "instruksjonsbudsjettet") != NULL);
    if (!strstr(err, "instruksjonsbudsjettet"))
        fprintf(stderr, "budget: got \"%s\"\n", err);
    scenario_free(sc);

    strbuf_clear(&lua);
    strbuf_add(&lua, scenario_decl);
    strbuf_add(&lua, "local t = {}\nfor i = 1, 1e8 do t[i] = i end\n");
    opts.chunkname = "stor.lua";
    opts.budget = 0;
    opts.memory_cap = (size_t)2 << 20;
    sc = load(strbuf_str(&lua), &opts, err, sizeof err);
    CHECK(sc == NULL);
    CHECK(strstr(err, "minnegrensen") != NULL);
    if (!strstr(err, "minnegrensen"))
        fprintf(stderr, "memory: got \"%s\"\n", err);
    scenario_free(sc);
    strbuf_free(&lua);
}

/* The guide's overview table: rows "| `name` | what it does |" between the
 * markers. Checks them against the exposed names, both ways and in order. */
static void check_overview(const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f) {
        fprintf(stderr, "%s: cannot open the authoring guide\n", path);
        return;
    }
    char line[1024];
    int number = 0, inside = 0, seen_start = 0, seen_end = 0;
    size_t next = 0; /* index in exposed[] the next row must name */
    while (fgets(line, sizeof line, f)) {
        number++;
        if (strstr(line, "<!-- api-oversikt:start -->")) {
            inside = seen_start = 1;
            continue;
        }
        if (strstr(line, "<!-- api-oversikt:end -->")) {
            inside = 0;
            seen_end = 1;
            continue;
        }
        if (!inside || strncmp(line, "| `", 3) != 0)
            continue;
        char *name = line + 3, *close = strchr(name, '`');
        if (!close)
            continue;
        *close = '\0';
        /* "visit:ask(...)" or "cast.patient { }": the name ends at the first
         * character that is not part of one. */
        name[strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_.:")] = '\0';
        const Exposed *e = find_exposed(name);
        CHECK(e != NULL);
        if (!e) {
            fprintf(stderr, "%s:%d: the overview lists `%s`, which sk_api_modules does not "
                            "expose\n", path, number, name);
            continue;
        }
        size_t at = (size_t)(e - exposed);
        CHECK(at == next);
        if (at != next)
            fprintf(stderr, "%s:%d: `%s` is out of place: the overview follows "
                            "sk_api_modules (expected `%s`)\n", path, number, name,
                    next < exposed_count ? exposed[next].name : "(end)");
        next = at + 1;
    }
    fclose(f);
    CHECK(seen_start && seen_end);
    if (!seen_start || !seen_end)
        fprintf(stderr, "%s: the API overview markers are missing\n", path);
    CHECK(next == exposed_count);
    if (next < exposed_count)
        fprintf(stderr, "%s: the overview stops before `%s` (every exposed name needs a row)\n",
                path, exposed[next].name);
}

int main(int argc, char **argv)
{
    const char *doc = argc > 1 ? argv[1] : SKRANKEN_API_DOC;
    const char *guide = argc > 2 ? argv[2] : SKRANKEN_AUTHORING_DOC;
    collect_exposed();
    CHECK(exposed_count > 0);
    int readable = read_doc(doc) == 0;
    CHECK(readable);
    if (readable) {
        CHECK(heading_count > 0);
        check_doc_against_list(doc);
        check_sandbox();
    }
    check_overview(guide);
    check_failures_are_reported();
    return check_finish("test_api_registry");
}
