/* skranken check FILE...: finds what is wrong with scenario files before
 * trainees meet it. Static checks (load errors, fødselsnummer, metadata, the id,
 * goal ids in score calls), then headless exploration of many paths
 * (explore.c). Findings and exit codes: docs/check.md. */
#include "commands.h"
#include "explore.h"
#include "paths.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/fnr.h"
#include "core/strbuf.h"
#include "script/scenario.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 1000
#define MAX_PRINTED_LINES 500 /* of one path */

typedef struct CheckSettings {
    int paths, seeds;
    int strict, quiet, best;
    const Catalog *catalog;
} CheckSettings;

/* One finding or warning for a file, printed as "file:line: text". */
typedef struct Finding {
    int line;
    size_t order;  /* in the order found, among findings on the same line */
    int warning; /* not a finding unless --strict */
    char *text;
    StrList details; /* indented lines under it */
} Finding;

typedef struct Findings {
    Finding *items;
    size_t count, cap;
} Findings;

static Finding *finding_add(Findings *fs, int line, int warning, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static Finding *finding_add(Findings *fs, int line, int warning, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char text[2048];
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    SK_GROW(fs->items, fs->count, fs->cap);
    Finding *f = &fs->items[fs->count++];
    memset(f, 0, sizeof *f);
    f->line = line;
    f->order = fs->count;
    f->warning = warning;
    f->text = sk_xstrdup(text);
    return f;
}

static void findings_free(Findings *fs)
{
    for (size_t i = 0; i < fs->count; i++) {
        free(fs->items[i].text);
        strlist_free(&fs->items[i].details);
    }
    free(fs->items);
    memset(fs, 0, sizeof *fs);
}

static int finding_order(const void *a, const void *b)
{
    const Finding *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order; /* qsort is not stable */
}

static void print_help(void)
{
    puts("Bruk: skranken check FIL... [valg]\n"
         "\n"
         "Sjekker scenarioer (sti til .lua eller id) før elevene får dem:\n"
         "- feil når fila lastes (syntaks, feil bruk av funksjonene, ukjente mål),\n"
         "  fødselsnumre som ikke er syntetiske eller har feil kontrollsiffer,\n"
         "  manglende felt i scenario{}, en id som ikke er lik filnavnet, og\n"
         "  score-kall med mål som ikke står i goals;\n"
         "- spiller så scenarioet uten vindu langs mange veier (hvert svaralternativ,\n"
         "  sidehandlinger, tilfeldige veier, flere frø) og melder veier som gir feil\n"
         "  i skriptet, bruker for mye regnetid eller aldri blir ferdige, og mål som\n"
         "  ingen vei gir poeng for. Til slutt vises høyeste poeng per mål.\n"
         "\n"
         "  --paths N      antall veier per fil, 1-100000 (standard 200)\n"
         "  --seeds N      frø 1..N, 1-100 (standard 3; siste frø i eksamensmodus\n"
         "                 når scenarioet tillater begge)\n"
         "  --catalog FIL  kompetansekatalog (standard assets/catalog.json)\n"
         "  --strict       et mål der ingen vei nådde maksimum, er også et funn\n"
         "  --best         skriv ut den beste veien som linjer til en inputs-fil\n"
         "  --quiet        bare funn og én linje per fil\n"
         "\n"
         "Avslutningskoder: 0 ingen funn, 1 minst ett funn, 2 feil bruk eller en fil\n"
         "som ikke kan leses (finnes ikke, mappe, tom, binær, for stor).\n"
         "Se docs/check.md.");
}

static int parse_count(const char *text, int lo, int hi, int *out)
{
    if (!*text || strlen(text) > 6)
        return -1;
    int v = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
    }
    if (v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ------------------------------------------------------------ static checks */

/* Lines that are not valid UTF-8 (or hold control characters): the engine
 * shows every text to the trainee. */
static void check_utf8(const char *text, size_t len, Findings *fs)
{
    int line = 1, reported = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len && reported < 5; i++) {
        if (i < len && text[i] != '\n')
            continue;
        size_t end = i;
        if (end > start && text[end - 1] == '\r')
            end--;
        if (!text_is_clean_utf8(text + start, end - start)) {
            finding_add(fs, line, 0, "linjen er ikke gyldig UTF-8-tekst (lagre fila som UTF-8)");
            reported++;
        }
        line++;
        start = i + 1;
    }
}

/* Every run of exactly 11 digits that looks like a fødselsnummer in the synthetic
 * range (month + 80) must be valid; one in the H-nummer range (month + 40, also
 * NAV's synthetic persons) is not synthetic. The real range is refused at load. */
static void check_fnr(const char *text, size_t len, Findings *fs)
{
    int line = 1;
    size_t i = 0;
    while (i < len) {
        if (text[i] == '\n')
            line++;
        if (text[i] < '0' || text[i] > '9') {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && text[i] >= '0' && text[i] <= '9')
            i++;
        if (i - start != 11)
            continue;
        char digits[12];
        memcpy(digits, text + start, 11);
        digits[11] = '\0';
        int day = (digits[0] - '0') * 10 + (digits[1] - '0');
        int month = (digits[2] - '0') * 10 + (digits[3] - '0');
        int day_ok = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
        FnrInfo info;
        FnrError e = fnr_parse(digits, &info);
        if (day_ok && month >= 81 && month <= 92 && e != FNR_OK)
            finding_add(fs, line, 0, "fødselsnummeret %s ser syntetisk ut (måned + 80), men er "
                                     "ugyldig: %s; lag det med fnr.synthetic",
                        digits, fnr_strerror(e));
        else if (e == FNR_OK && info.kind == FNR_H_NUMBER)
            finding_add(fs, line, 0, "fødselsnummeret %s er et H-nummer (måned + 40, også NAVs "
                                     "testpersoner), ikke syntetisk; bruk måned + 80, f.eks. "
                                     "fra fnr.synthetic",
                        digits);
    }
}

/* The line of a goal id in the goals table (after the scenario{} line), or the
 * scenario{} line. */
static int goal_line(const char *text, int meta_line, const char *goal)
{
    int line = 1;
    size_t glen = strlen(goal);
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        if (line >= meta_line && (*p == '"' || *p == '\'') && strncmp(p + 1, goal, glen) == 0 &&
            p[1 + glen] == *p)
            return line;
    }
    return meta_line;
}

/* score.award("id", ...) and the others with a goal the scenario does not
 * declare fail only when that line runs; found here without playing. */
static void check_score_goals(const char *text, const ScenarioMeta *meta, Findings *fs)
{
    static const char *const calls[] = {"score.award", "score.deduct", "score.critical",
                                        "score.total", NULL};
    int line = 1;
    const char *line_start = text;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            line++;
            line_start = p + 1;
            continue;
        }
        for (const char *const *c = calls; *c; c++) {
            size_t n = strlen(*c);
            if (strncmp(p, *c, n) != 0 || (p > text && (p[-1] == '_' || p[-1] == '.')))
                continue;
            const char *q = p + n;
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q != '(')
                continue;
            q++;
            while (*q == ' ' || *q == '\t')
                q++;
            char quote = *q;
            if (quote != '"' && quote != '\'')
                continue;
            const char *id = q + 1, *close = id;
            while (*close && *close != quote && *close != '\n' && *close != '\\')
                close++;
            if (*close != quote || close - id > 100)
                continue;
            int commented = 0;
            for (const char *s = line_start; s + 1 < p && !commented; s++)
                commented = s[0] == '-' && s[1] == '-';
            char goal[128];
            snprintf(goal, sizeof goal, "%.*s", (int)(close - id), id);
            if (!commented && !meta_find_goal(meta, goal))
                finding_add(fs, line, 0, "%s: målet «%s» står ikke i goals i scenario{} (rett "
                                         "skrivefeilen eller legg målet til der)",
                            *c, goal);
        }
    }
}

static const struct {
    const char *field, *hint;
} wanted_fields[] = {
    {"language", "språket: \"nb\", \"nn\" eller \"en\""},
    {"summary", "et par setninger om scenarioet, som biblioteket viser"},
    {"start", "klokkeslettet vakta begynner, f.eks. \"08:00\""},
    {"difficulty", "vanskegrad fra 1 (lett) til 5"},
    {"modes", "{ \"practice\", \"exam\" } eller én av dem"},
};

/* Fields the engine has a default for are still asked for, so the library and
 * the reports always show them; and the id must be the file's name, which is
 * how the library, exam sets and verify find a scenario. */
static void check_meta(const Scenario *sc, const char *path, Findings *fs)
{
    const ScenarioMeta *m = scenario_meta(sc);
    for (size_t i = 0; i < sizeof wanted_fields / sizeof wanted_fields[0]; i++)
        if (!scenario_meta_given(sc, wanted_fields[i].field))
            finding_add(fs, m->line, 0, "scenario{} mangler feltet %s (%s)",
                        wanted_fields[i].field, wanted_fields[i].hint);
    if (scenario_meta_given(sc, "summary") && (!m->summary || !m->summary[0]))
        finding_add(fs, m->line, 0, "scenario{}: feltet summary er tomt");
    const char *base = base_name(path);
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".lua") == 0)
        n -= 4;
    if (strlen(m->id) != n || strncmp(m->id, base, n) != 0)
        finding_add(fs, m->line, 0, "id «%s» er ikke lik filnavnet «%s»; fila bør hete %s.lua "
                                    "(biblioteket, eksamenssett og verify finner scenarioet "
                                    "ved id)",
                    m->id, base, m->id);
}

/* --------------------------------------------------------------- exploring */

static const char *problem_text(ExploreProblem p)
{
    switch (p) {
    case EXPLORE_FAULT:
        return "feil i skriptet";
    case EXPLORE_BUDGET:
        return "for mye regnetid eller minne";
    case EXPLORE_NO_END:
        return "blir aldri ferdig";
    case EXPLORE_REPORT:
        return "rapporten kan ikke lages";
    }
    return "feil";
}

static void add_path_details(Finding *f, const char *path, uint64_t seed, int exam,
                             const StrList *inputs)
{
    char line[600];
    snprintf(line, sizeof line, "gjenta: skranken run %s --seed %llu%s --inputs VEI.inputs, "
                                "der VEI.inputs er:",
             path, (unsigned long long)seed, exam ? " --mode exam" : "");
    strlist_push(&f->details, line);
    if (inputs->count == 0)
        strlist_push(&f->details, "  # ingen handlinger");
    for (size_t i = 0; i < inputs->count && i < MAX_PRINTED_LINES; i++) {
        snprintf(line, sizeof line, "  %s", inputs->items[i]);
        strlist_push(&f->details, line);
    }
    if (inputs->count > MAX_PRINTED_LINES) {
        snprintf(line, sizeof line, "  # ... og %zu linjer til",
                 inputs->count - MAX_PRINTED_LINES);
        strlist_push(&f->details, line);
    }
}

static int has_static_goal_finding(const Findings *fs, int line)
{
    for (size_t i = 0; i < fs->count; i++)
        if (fs->items[i].line == line && strstr(fs->items[i].text, "står ikke i goals"))
            return 1;
    return 0;
}

static void explore_findings(const ExploreResult *r, const char *path, Findings *fs)
{
    for (size_t i = 0; i < r->finding_count; i++) {
        const ExploreFinding *e = &r->findings[i];
        /* Already said, without a path, by check_score_goals. */
        if (e->line && strstr(e->message, "står ikke i scenario{ goals") &&
            has_static_goal_finding(fs, e->line))
            continue;
        Finding *f = finding_add(fs, e->line, 0, "%s (%d av %d veier, frø %llu%s): %s",
                                 problem_text(e->problem), e->paths, r->paths,
                                 (unsigned long long)e->seed, e->exam ? ", eksamen" : "",
                                 e->message);
        if (e->traceback) {
            /* The first lines after the message say where it came from. */
            const char *p = strchr(e->traceback, '\n');
            for (int n = 0; p && n < 8; n++) {
                const char *end = strchr(p + 1, '\n');
                size_t len = end ? (size_t)(end - p - 1) : strlen(p + 1);
                char buf[300];
                snprintf(buf, sizeof buf, "%.*s", (int)(len > 290 ? 290 : len), p + 1);
                if (buf[0])
                    strlist_push(&f->details, buf);
                p = end;
            }
        }
        add_path_details(f, path, e->seed, e->exam, &e->inputs);
    }
}

static void goal_findings(const ExploreResult *r, const char *text, int meta_line, int strict,
                          Findings *fs)
{
    for (size_t i = 0; i < r->goal_count; i++) {
        const ExploreGoal *g = &r->goals[i];
        int line = goal_line(text, meta_line, g->id);
        if (g->best == 0 && g->awarded == 0)
            finding_add(fs, line, 0, "målet «%s» er umulig å oppnå: ingen vei ga poeng for det "
                                     "(%d veier utforsket)",
                        g->id, r->paths);
        else if (g->best == 0)
            finding_add(fs, line, !strict, "målet «%s» ga 0 av %d poeng på de utforskede "
                                           "veiene: poeng ble gitt, men trukket fra igjen på "
                                           "samme vei",
                        g->id, g->max);
        else if (g->best < g->max)
            finding_add(fs, line, !strict, "målet «%s» ga høyst %d av %d poeng på de "
                                           "utforskede veiene; la beste vei gi maksimum, eller "
                                           "senk maksimum",
                        g->id, g->best, g->max);
    }
}

static void print_table(const ExploreResult *r, const char *path, int best)
{
    size_t width = 3;
    for (size_t i = 0; i < r->goal_count; i++)
        if (strlen(r->goals[i].id) > width)
            width = strlen(r->goals[i].id);
    /* "mål" is three letters but four bytes: pad by hand. */
    printf("  mål%*s  høyest  maks\n", (int)(width - 3), "");
    for (size_t i = 0; i < r->goal_count; i++) {
        const ExploreGoal *g = &r->goals[i];
        printf("  %-*s  %6d  %4d%s\n", (int)width, g->id, g->best, g->max,
               r->stopped                          ? ""
               : g->best == 0 && g->awarded == 0 ? "  umulig"
               : g->best < g->max ? "  under maks"
                                  : "");
    }
    if (r->best_seed == 0) {
        puts("  beste vei: ingen vei ble spilt til ende");
        return;
    }
    printf("  beste vei: %d av %d poeng (frø %llu%s)\n", r->best_points, r->max_points,
           (unsigned long long)r->best_seed, r->best_exam ? ", eksamen" : "");
    if (best) {
        printf("  gjenta: skranken run %s --seed %llu%s --inputs VEI.inputs, der VEI.inputs "
               "er:\n",
               path, (unsigned long long)r->best_seed, r->best_exam ? " --mode exam" : "");
        if (r->best_inputs.count == 0)
            puts("    # ingen handlinger");
        for (size_t i = 0; i < r->best_inputs.count; i++)
            printf("    %s\n", r->best_inputs.items[i]);
    }
}

static int goal_known(void *ctx, const char *id)
{
    return catalog_find(ctx, id) != NULL;
}

/* Loads the scenario once as a trainee would get it. A load error is a finding
 * with its line. */
static Scenario *load_once(const char *path, const char *text, size_t len,
                           const CheckSettings *cs, Findings *fs)
{
    ScenarioOptions so = {0};
    so.chunkname = path;
    so.seed = 1;
    so.goal_known = goal_known;
    so.goal_ctx = (void *)cs->catalog;
    char err[2048];
    Scenario *sc = scenario_load(&so, text, len, err, sizeof err);
    if (!sc) {
        int line = 0;
        char *msg = explore_strip_location(path, err, &line);
        finding_add(fs, line, 0, "kan ikke lastes: %s", msg);
        free(msg);
    }
    return sc;
}

static void print_findings(const char *path, Findings *fs, int strict)
{
    if (fs->count) /* qsort must not get a NULL array */
        qsort(fs->items, fs->count, sizeof *fs->items, finding_order);
    for (size_t i = 0; i < fs->count; i++) {
        const Finding *f = &fs->items[i];
        const char *kind = f->warning && !strict ? "advarsel: " : "";
        if (f->line > 0)
            printf("%s:%d: %s%s\n", path, f->line, kind, f->text);
        else
            printf("%s: %s%s\n", path, kind, f->text);
        for (size_t k = 0; k < f->details.count; k++)
            printf("    %s\n", f->details.items[k]);
    }
}

static size_t count_findings(const Findings *fs, int strict)
{
    size_t n = 0;
    for (size_t i = 0; i < fs->count; i++)
        n += !fs->items[i].warning || strict;
    return n;
}

static void print_summary(const char *path, size_t findings, const ExploreResult *r,
                          int explored, const CheckSettings *cs)
{
    char what[64];
    if (findings == 0)
        snprintf(what, sizeof what, "ingen funn");
    else
        snprintf(what, sizeof what, "%zu funn", findings);
    if (!explored) {
        printf("%s: %s (ikke spilt: fila lastes ikke)\n", path, what);
        return;
    }
    char seeds[32];
    if (cs->seeds > 1)
        snprintf(seeds, sizeof seeds, "frø 1-%d", cs->seeds);
    else
        snprintf(seeds, sizeof seeds, "frø 1");
    printf("%s: %s (%d veier, %s)%s\n", path, what, r->paths, seeds,
           r->stopped ? "; utforskingen stanset tidlig (for mange veier med feil eller for "
                        "mye regnetid), så målene er ikke vurdert"
                      : "");
}

/* Checks one file. Returns 0 (no findings), 1 (findings) or 2 (cannot be read). */
static int check_file(const char *arg, const CheckSettings *cs)
{
    char *path = paths_scenario(arg);
    char err[2048];
    char *text = NULL;
    size_t len = 0;
    int rc = 2, explored = 0;
    Findings fs = {0};
    Scenario *sc = NULL;
    ExploreResult result;
    memset(&result, 0, sizeof result);

    if (file_read_all(path, SCENARIO_MAX_SOURCE, &text, &len, err, sizeof err) != 0) {
        fprintf(stderr, "skranken check: %s\n", err);
        goto done;
    }
    if (len == 0) {
        fprintf(stderr, "skranken check: %s: filen er tom\n", path);
        goto done;
    }
    if (memchr(text, '\0', len) || text[0] == 0x1b) {
        fprintf(stderr, "skranken check: %s: ikke en tekstfil (binært innhold eller "
                        "Lua-bytekode)\n",
                path);
        goto done;
    }
    check_utf8(text, len, &fs);
    check_fnr(text, len, &fs);
    sc = load_once(path, text, len, cs, &fs);
    if (sc) {
        const ScenarioMeta *m = scenario_meta(sc);
        check_meta(sc, path, &fs);
        check_score_goals(text, m, &fs);
        ExploreOptions eo = {0};
        eo.chunkname = path;
        eo.source = text;
        eo.size = len;
        eo.goal_known = goal_known;
        eo.goal_ctx = (void *)cs->catalog;
        eo.practice = m->practice;
        eo.exam = m->exam;
        eo.paths = cs->paths;
        eo.seeds = cs->seeds;
        explore_scenario(&eo, &result);
        explored = 1;
        explore_findings(&result, path, &fs);
        /* After an early stop the goals were not explored enough to judge. */
        if (!result.stopped)
            goal_findings(&result, text, m->line, cs->strict, &fs);
    }
    print_findings(path, &fs, cs->strict);
    size_t n = count_findings(&fs, cs->strict);
    print_summary(path, n, &result, explored, cs);
    if (explored && !cs->quiet)
        print_table(&result, path, cs->best);
    rc = n ? 1 : 0;
done:
    fflush(stdout);
    scenario_free(sc);
    explore_result_free(&result);
    findings_free(&fs);
    free(text);
    free(path);
    return rc;
}

int cmd_check(int argc, char **argv)
{
    CliOption opts[] = {
        {"--paths", 1, NULL, 0},  {"--seeds", 1, NULL, 0}, {"--catalog", 1, NULL, 0},
        {"--strict", 0, NULL, 0}, {"--best", 0, NULL, 0},  {"--quiet", 0, NULL, 0},
        {"--help", 0, NULL, 0},   {NULL, 0, NULL, 0},
    };
    static const char *files[MAX_FILES];
    int nfiles = 0;
    if (cli_parse("check", argc, argv, 2, opts, files, MAX_FILES, &nfiles) != 0)
        return 2;
    if (cli_option(opts, "--help")->seen) {
        print_help();
        return 0;
    }
    if (nfiles == 0)
        return cli_usage_error("check", "FIL mangler (ett eller flere scenarioer)");
    CheckSettings cs = {EXPLORE_DEFAULT_PATHS, EXPLORE_DEFAULT_SEEDS, 0, 0, 0, NULL};
    const char *v = cli_option(opts, "--paths")->value;
    if (v && parse_count(v, 1, 100000, &cs.paths) != 0)
        return cli_usage_error("check", "--paths må være et heltall 1-100000, ikke «%.40s»", v);
    v = cli_option(opts, "--seeds")->value;
    if (v && parse_count(v, 1, 100, &cs.seeds) != 0)
        return cli_usage_error("check", "--seeds må være et heltall 1-100, ikke «%.40s»", v);
    cs.strict = cli_option(opts, "--strict")->seen;
    cs.quiet = cli_option(opts, "--quiet")->seen;
    cs.best = cli_option(opts, "--best")->seen;
    char err[2048];
    Catalog *catalog = paths_load_catalog(cli_option(opts, "--catalog")->value, err, sizeof err);
    if (!catalog) {
        fprintf(stderr, "skranken check: %s\n", err);
        return 2;
    }
    cs.catalog = catalog;
    int worst = 0, with_findings = 0, unreadable = 0;
    for (int i = 0; i < nfiles; i++) {
        int rc = check_file(files[i], &cs);
        with_findings += rc == 1;
        unreadable += rc == 2;
        if (rc > worst)
            worst = rc;
    }
    if (nfiles > 1)
        printf("skranken check: %d filer, %d med funn, %d kunne ikke leses\n", nfiles,
               with_findings, unreadable);
    catalog_free(catalog);
    return worst;
}
