/* skranken verify: replay each report with its scenario, seed, mode and input
 * log, and compare every scored field with what the report says
 * (docs/verify.md). */
#include "attempt.h"
#include "commands.h"
#include "paths.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/sha256.h"
#include "report/report.h"
#include "report/report_read.h"
#include "report/report_verify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DETAILS_SHOWN 8 /* difference lines per file before "… og N til" */

static void print_verify_help(void)
{
    puts("Bruk: skranken verify RAPPORT|MAPPE... [--scenarios MAPPE] [--catalog FIL]\n"
         "\n"
         "Spiller hver rapport av på nytt (samme scenariofil, frø, modus og handlinger)\n"
         "og sammenligner alt som gir poeng: resultat, karakter, mål, kritiske feil,\n"
         "tidslinje og handlinger. Skriver én linje per fil:\n"
         "  OK      rapporten stemmer med avspillingen\n"
         "  ENDRET  rapporten (eller scenarioet) er endret etter forsøket; feltene nevnes\n"
         "  FEIL    rapporten kunne ikke kontrolleres (kan ikke leses, scenarioet finnes\n"
         "          ikke, eller den er laget med en annen versjon av Skranken)\n"
         "En MAPPE gir alle *.json-filene i den; eksamenssammendrag hoppes over.\n"
         "\n"
         "  --scenarios MAPPE  let etter scenarioet (<id>.lua) her først, så blant de\n"
         "                     medfølgende scenarioene\n"
         "  --catalog FIL      kompetansekatalogen (standard assets/catalog.json); bare\n"
         "                     målenes titler avhenger av den, og de sammenlignes ikke\n"
         "\n"
         "Se docs/verify.md. Avslutningskoder: 0 alle rapportene er OK, 1 minst én er\n"
         "ENDRET eller FEIL, 2 feil bruk.");
}

typedef enum Status { STATUS_OK, STATUS_CHANGED, STATUS_FAILED, STATUS_SKIPPED } Status;

/* An attempt already seen, to recognise a copy with another trainee's name. */
typedef struct Seen {
    char key[65];
    char *trainee;
    char *path;
} Seen;

typedef struct Verify {
    const Catalog *catalog;
    const char *scenario_dirs[2];
    size_t dir_count;
    Seen *seen;
    size_t seen_count, seen_cap;
    ScenarioCache *cache; /* each scenario compiled and hashed once per run */
} Verify;

/* What one report gave: the worst status and the lines to show under it. */
typedef struct Outcome {
    Status status;
    StrList details;
    size_t hidden; /* differences not shown */
} Outcome;

static void worsen(Outcome *o, Status s)
{
    if (s == STATUS_FAILED || (s == STATUS_CHANGED && o->status == STATUS_OK))
        o->status = s;
}

static void detail(Outcome *o, Status s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void detail(Outcome *o, Status s, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    strlist_push(&o->details, buf);
    worsen(o, s);
}

/* "name:line: " when the field is found in the text, else "name: ". */
static void where(char *buf, size_t size, const char *name, const char *text, size_t len,
                  const char *field)
{
    int line = report_value_line(text, len, field);
    if (line > 0)
        snprintf(buf, size, "%s:%d", name, line);
    else
        snprintf(buf, size, "%s", name);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* 1 if s[0..n) ends in "-YYYYMMDD-HHMMSS" (a report_new_path stamp). */
static int stamp_at_end(const char *s, size_t n)
{
    if (n < 16 || s[n - 16] != '-' || s[n - 7] != '-')
        return 0;
    for (size_t i = n - 15; i < n; i++)
        if (i != n - 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

/* A report saved under its own name, <scenario>-<trainee>-<YYYYMMDD-HHMMSS>[-N].json
 * (report_new_path), names its trainee: a changed name shows. Files named
 * otherwise (--report, or renamed when collected) are not checked. */
static void check_file_name(Outcome *o, const char *path, const ReportFile *rf)
{
    const char *name = base_name(path);
    size_t n = strlen(name), idl = strlen(rf->scenario_id);
    if (n < 5 || strcmp(name + n - 5, ".json") != 0 || n <= idl + 6 ||
        strncmp(name, rf->scenario_id, idl) != 0 || name[idl] != '-')
        return;
    const char *rest = name + idl + 1; /* <slug>-YYYYMMDD-HHMMSS[-N] */
    size_t end = n - 5 - idl - 1;
    if (!stamp_at_end(rest, end)) {
        size_t k = end;
        while (k > 0 && end - k < 5 && rest[k - 1] >= '0' && rest[k - 1] <= '9')
            k--;
        if (k == end || k == 0 || rest[k - 1] != '-' || !stamp_at_end(rest, k - 1))
            return;
        end = k - 1;
    }
    if (end < 17)
        return;
    size_t slug_len = end - 16;
    char *want = report_slug(rf->trainee);
    if (strlen(want) != slug_len || strncmp(want, rest, slug_len) != 0)
        detail(o, STATUS_CHANGED,
               "%s: filnavnet viser eleven «%.*s», men \"trainee\" er «%s» (ville gitt «%s»)",
               path, (int)slug_len, rest, rf->trainee, want);
    free(want);
}

/* Two reports of the same attempt (same scenario file, seed, mode, start time
 * and actions) under two trainees' names: a copy with a changed name. */
static void check_copy(Verify *v, Outcome *o, const char *path, const ReportFile *rf)
{
    if (rf->wall_started == 0)
        return;
    Sha256 ctx;
    sha256_init(&ctx);
    char head[256];
    snprintf(head, sizeof head, "%s\n%s\n%llu\n%lld\n", rf->scenario_sha256,
             rf->exam ? "exam" : "practice", (unsigned long long)rf->seed,
             (long long)rf->wall_started);
    sha256_update(&ctx, head, strlen(head));
    for (size_t i = 0; i < rf->inputs.count; i++) {
        sha256_update(&ctx, rf->inputs.items[i], strlen(rf->inputs.items[i]));
        sha256_update(&ctx, "\n", 1);
    }
    unsigned char digest[32];
    sha256_final(&ctx, digest);
    char key[65];
    for (int i = 0; i < 32; i++)
        snprintf(key + 2 * i, 3, "%02x", digest[i]);
    for (size_t i = 0; i < v->seen_count; i++) {
        const Seen *s = &v->seen[i];
        if (strcmp(s->key, key) != 0)
            continue;
        if (strcmp(s->trainee, rf->trainee) != 0)
            detail(o, STATUS_CHANGED,
                   "%s: samme forsøk som %s (samme scenariofil, frø, modus, starttid og "
                   "handlinger), men eleven er «%s» her og «%s» der",
                   path, s->path, rf->trainee, s->trainee);
        else
            detail(o, STATUS_OK, "%s: merk: samme forsøk som %s", path, s->path);
        return;
    }
    SK_GROW(v->seen, v->seen_count, v->seen_cap);
    Seen *s = &v->seen[v->seen_count++];
    memcpy(s->key, key, sizeof key);
    s->trainee = sk_xstrdup(rf->trainee);
    s->path = sk_xstrdup(path);
}

/* The scenario file with the report's hash: <dir>/<id>.lua in each folder in
 * turn. NULL (and the reason in o) if none has it. Caller frees. */
static char *find_scenario(const Verify *v, Outcome *o, const char *path, const char *text,
                           size_t len, const ReportFile *rf)
{
    char at[1200];
    if (rf->scenario_id[0] == '.') {
        where(at, sizeof at, path, text, len, "scenario.id");
        detail(o, STATUS_FAILED, "%s: scenario-id-en «%s» kan ikke være et filnavn", at,
               rf->scenario_id);
        return NULL;
    }
    StrList other = {0}; /* "file har sha256 ..." for files with another hash */
    char *found = NULL;
    StrBuf sb;
    strbuf_init(&sb);
    for (size_t i = 0; i < v->dir_count && !found; i++) {
        strbuf_clear(&sb);
        strbuf_addf(&sb, "%s/%s.lua", v->scenario_dirs[i], rf->scenario_id);
        if (!file_exists(sb.data))
            continue;
        char *source = NULL, err[1024];
        size_t n = 0;
        if (file_read_all(sb.data, SCENARIO_MAX_SOURCE, &source, &n, err, sizeof err) != 0) {
            strlist_push(&other, err);
            continue;
        }
        char hex[65];
        scenario_cache_sha256(v->cache, source, n, hex);
        free(source);
        if (strcmp(hex, rf->scenario_sha256) == 0) {
            found = sk_xstrdup(sb.data);
        } else {
            char line[1200];
            snprintf(line, sizeof line, "%s har sha256 %.12s…", sb.data, hex);
            strlist_push(&other, line);
        }
    }
    if (!found) {
        where(at, sizeof at, path, text, len, "scenario.sha256");
        if (other.count) {
            for (size_t i = 0; i < other.count; i++)
                detail(o, STATUS_CHANGED,
                       "%s: scenarioet er endret siden forsøket: rapporten har sha256 "
                       "%.12s…, men %s",
                       at, rf->scenario_sha256, other.items[i]);
        } else {
            StrBuf dirs;
            strbuf_init(&dirs);
            for (size_t i = 0; i < v->dir_count; i++)
                strbuf_addf(&dirs, "%s%s", i ? " og " : "", v->scenario_dirs[i]);
            where(at, sizeof at, path, text, len, "scenario.id");
            detail(o, STATUS_FAILED,
                   "%s: finner ikke scenarioet «%s» (lette etter %s.lua i %s); bruk "
                   "--scenarios MAPPE",
                   at, rf->scenario_id, rf->scenario_id, dirs.data);
            strbuf_free(&dirs);
        }
    }
    strlist_free(&other);
    strbuf_free(&sb);
    return found;
}

/* Plays the report's input log again; returns the replay's report text, or
 * NULL with the reason in o. */
static char *replay(const Verify *v, Outcome *o, const char *path, const char *text, size_t len,
                    const ReportFile *rf, const char *scenario_path)
{
    char err[2048], at_line[1200];
    char *rendered = NULL;
    Attempt at;
    memset(&at, 0, sizeof at);
    AttemptStatus st =
        attempt_start_cached(&at, v->cache, scenario_path, v->catalog, rf->trainee, rf->exam,
                             rf->seed, err, sizeof err);
    if (st != ATTEMPT_OK) {
        if (at.scenario) { /* loaded, but not playable in this mode */
            where(at_line, sizeof at_line, path, text, len, "mode");
            detail(o, STATUS_CHANGED, "%s: \"mode\" er «%s» i rapporten, men %s", at_line,
                   rf->exam ? "exam" : "practice", err);
        } else {
            detail(o, STATUS_FAILED, "%s: kan ikke spilles av: %s", path, err);
        }
        goto done;
    }
    for (size_t i = 0; i < rf->inputs.count; i++) {
        const char *line = rf->inputs.items[i];
        char field[48];
        snprintf(field, sizeof field, "inputs[%zu]", i);
        Action action;
        memset(&action, 0, sizeof action);
        int r = action_parse_line(line, &action, err, sizeof err);
        if (r <= 0) {
            where(at_line, sizeof at_line, path, text, len, field);
            detail(o, STATUS_CHANGED, "%s: inndatalinje %zu («%.80s») %s%s", at_line, i + 1,
                   line, r < 0 ? "kan ikke leses: " : "er ingen handling",
                   r < 0 ? err : "");
            goto done;
        }
        st = attempt_act(&at, &action, err, sizeof err);
        action_free(&action);
        if (st == ATTEMPT_MISMATCH) {
            where(at_line, sizeof at_line, path, text, len, field);
            detail(o, STATUS_CHANGED, "%s: inndatalinje %zu («%.80s») passer ikke scenarioet: %s",
                   at_line, i + 1, line, err);
            goto done;
        }
        if (st != ATTEMPT_OK) {
            detail(o, STATUS_FAILED, "%s: avspillingen stoppet ved inndatalinje %zu: %s", path,
                   i + 1, err);
            goto done;
        }
    }
    if (attempt_finish(&at, err, sizeof err) != ATTEMPT_OK) {
        detail(o, STATUS_FAILED, "%s: avspillingen stoppet: %s", path, err);
        goto done;
    }
    rendered = attempt_render_report(&at, NULL);
done:
    attempt_free(&at);
    return rendered;
}

static void verify_report(Verify *v, Outcome *o, const char *path)
{
    char err[2048];
    char *text = NULL;
    size_t len = 0;
    ReportFile rf;
    memset(&rf, 0, sizeof rf);
    char *scenario_path = NULL, *rendered = NULL;
    if (file_read_all(path, REPORT_READ_MAX_BYTES, &text, &len, err, sizeof err) != 0) {
        detail(o, STATUS_FAILED, "%s", err);
        goto done;
    }
    if (report_parse(path, text, len, &rf, err, sizeof err) != 0) {
        if (report_kind(text, len) == REPORT_KIND_EXAM_RESULT) {
            o->status = STATUS_SKIPPED;
            detail(o, STATUS_SKIPPED,
                   "%s: eksamenssammendrag (skranken-exam-result), ikke en rapport: hoppet over",
                   path);
        } else {
            detail(o, STATUS_FAILED, "%s", err);
        }
        goto done;
    }
    char at[1200];
    if (strcmp(rf.engine_version, SKRANKEN_VERSION) != 0) {
        where(at, sizeof at, path, text, len, "engine_version");
        detail(o, STATUS_FAILED,
               "%s: rapporten er laget med Skranken %s, dette er Skranken %s: bare rapporter "
               "fra samme versjon kan bekreftes",
               at, rf.engine_version, SKRANKEN_VERSION);
    }
    check_file_name(o, path, &rf);
    check_copy(v, o, path, &rf);
    scenario_path = find_scenario(v, o, path, text, len, &rf);
    if (!scenario_path)
        goto done;
    rendered = replay(v, o, path, text, len, &rf, scenario_path);
    if (!rendered)
        goto done;
    StrList lines = {0};
    size_t total = 0;
    if (report_compare(path, text, len, rendered, strlen(rendered), DETAILS_SHOWN, &lines, &total,
                       err, sizeof err) != 0) {
        detail(o, STATUS_FAILED, "%s", err);
    } else {
        for (size_t i = 0; i < lines.count; i++)
            detail(o, STATUS_CHANGED, "%s", lines.items[i]);
        o->hidden += total - lines.count;
    }
    strlist_free(&lines);
done:
    free(rendered);
    free(scenario_path);
    report_file_free(&rf);
    free(text);
}

/* One line of the result: control characters (a file name can hold a line
 * break) are shown as '?', so no file can add a line of its own. */
static void print_line(const char *indent, const char *text)
{
    fputs(indent, stdout);
    for (const char *p = text; *p; p++)
        putchar((unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p);
    putchar('\n');
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cmd_verify(int argc, char **argv)
{
    CliOption opts[] = {
        {"--scenarios", 1, NULL, 0},
        {"--catalog", 1, NULL, 0},
        {"--help", 0, NULL, 0},
        {NULL, 0, NULL, 0},
    };
    int max_pos = argc > 2 ? argc - 2 : 1;
    const char **pos = sk_xcalloc((size_t)max_pos, sizeof *pos);
    int npos = 0, rc = 2;
    Catalog *catalog = NULL;
    StrList files = {0}, problems = {0};
    Verify v;
    memset(&v, 0, sizeof v);
    v.cache = scenario_cache_new();
    if (cli_parse("verify", argc, argv, 2, opts, pos, max_pos, &npos) != 0)
        goto done;
    if (cli_option(opts, "--help")->seen) {
        print_verify_help();
        rc = 0;
        goto done;
    }
    if (npos == 0) {
        rc = cli_usage_error("verify", "RAPPORT mangler (en rapportfil eller en mappe med "
                                       "rapporter)");
        goto done;
    }
    const char *scen_opt = cli_option(opts, "--scenarios")->value;
    if (scen_opt && !is_dir(scen_opt)) {
        fprintf(stderr, "skranken verify: --scenarios %s: %s\n", scen_opt,
                file_exists(scen_opt) ? "er ikke en mappe" : "mappen finnes ikke");
        goto done;
    }
    char err[2048];
    catalog = paths_load_catalog(cli_option(opts, "--catalog")->value, err, sizeof err);
    if (!catalog) {
        fprintf(stderr, "skranken verify: %s\n", err);
        goto done;
    }
    v.catalog = catalog;
    if (scen_opt)
        v.scenario_dirs[v.dir_count++] = scen_opt;
    v.scenario_dirs[v.dir_count++] = paths_scenarios_dir();

    report_collect(pos, (size_t)npos, &files, &problems);
    size_t counts[4] = {0};
    for (size_t i = 0; i < problems.count; i++)
        print_line("FEIL    ", problems.items[i]);
    for (size_t i = 0; i < files.count; i++) {
        Outcome o;
        memset(&o, 0, sizeof o);
        verify_report(&v, &o, files.items[i]);
        static const char *const label[] = {"OK      ", "ENDRET  ", "FEIL    ", "-       "};
        print_line(label[o.status], files.items[i]);
        for (size_t k = 0; k < o.details.count; k++)
            print_line("          ", o.details.items[k]);
        if (o.hidden)
            printf("          … og %zu til\n", o.hidden);
        counts[o.status]++;
        strlist_free(&o.details);
    }
    size_t checked = counts[STATUS_OK] + counts[STATUS_CHANGED] + counts[STATUS_FAILED];
    printf("skranken verify: %zu %s: %zu OK, %zu ENDRET, %zu FEIL", checked,
           checked == 1 ? "rapport" : "rapporter", counts[STATUS_OK], counts[STATUS_CHANGED],
           counts[STATUS_FAILED] + problems.count);
    if (counts[STATUS_SKIPPED])
        printf("; %zu eksamenssammendrag hoppet over", counts[STATUS_SKIPPED]);
    printf("\n");
    rc = counts[STATUS_CHANGED] || counts[STATUS_FAILED] || problems.count ? 1 : 0;
    if (checked == 0 && !problems.count) {
        printf("skranken verify: ingen rapporter ble kontrollert\n");
        rc = 1;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "skranken verify: kan ikke skrive resultatet\n");
        rc = 2;
    }
done:
    for (size_t i = 0; i < v.seen_count; i++) {
        free(v.seen[i].trainee);
        free(v.seen[i].path);
    }
    free(v.seen);
    scenario_cache_free(v.cache);
    strlist_free(&files);
    strlist_free(&problems);
    catalog_free(catalog);
    free(pos);
    return rc;
}
