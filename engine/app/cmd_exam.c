/* skranken exam: play an exam set (docs/exams.md) headlessly, one recorded
 * inputs file per scenario, apply the set's pass rule, save every report and
 * a summary beside them. */
#include "attempt.h"
#include "commands.h"
#include "paths.h"
#include "assess/exam.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/inputs.h"
#include "core/sha256.h"
#include "report/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_exam_help(void)
{
    puts("Bruk: skranken exam MANIFEST --inputs-dir MAPPE [valg]\n"
         "       skranken exam MANIFEST --list\n"
         "\n"
         "MANIFEST er en sti til en .json-fil eller id-en til et medfølgende sett i\n"
         "assets/exams (for eksempel hse3008-ovingseksamen).\n"
         "\n"
         "Spiller et eksamenssett (se docs/exams.md) uten vindu: hvert scenario i\n"
         "settet i eksamensmodus med settets frø og handlingene i MAPPE/<scenario-id>.inputs.\n"
         "Skriver karakter, bestått og kritiske feil per oppgave og eksamensresultatet\n"
         "etter settets regel for bestått, og lagrer rapportene og et sammendrag.\n"
         "\n"
         "  --inputs-dir MAPPE  mappe med én inputs-fil per scenario (påkrevd)\n"
         "  --trainee NAVN      elevens navn (standard «Elev»)\n"
         "  --report-dir MAPPE  lagre rapportene og sammendraget akkurat her\n"
         "  --data-dir MAPPE    datamappe; rapporter havner i MAPPE/reports\n"
         "  --catalog FIL       kompetansekatalog (standard assets/catalog.json)\n"
         "  --list              vis settet (oppgaver, frø, tidsgrense, regel) og avslutt\n"
         "\n"
         "Avslutningskoder: 0 eksamen gjennomført (bestått eller ikke), 1 en inputs-fil\n"
         "passer ikke scenarioet sitt (filen og linjen nevnes), 2 feil bruk, fil som\n"
         "ikke kan leses eller feil i manifestet eller et scenario.");
}

/* "2", "2,5", "3,25": a grade in hundredths the Norwegian way. */
static const char *centi_text(int centi, char *buf, size_t size)
{
    snprintf(buf, size, "%d,%02d", centi / 100, centi % 100);
    return buf;
}

static void print_rule(FILE *out, const ExamPassRule *r)
{
    char b[16];
    fprintf(out, "Bestått: hver oppgave minst karakter %d, gjennomsnitt minst %s", r->min_grade_each,
            centi_text(r->min_average_centi, b, sizeof b));
    if (r->no_critical)
        fputs(", ingen kritiske feil\n", out);
    else
        fputs(" (en kritisk feil gir karakter 1 på oppgaven)\n", out);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The scenarios that broke a rule, as "a, b" (with a count per scenario for
 * critical errors). */
static void print_breakers(FILE *out, const ExamSet *set, const Attempt *at, int bit)
{
    int first = 1;
    fputs(" (", out);
    for (size_t i = 0; i < set->scenario_count; i++) {
        const Assessment *a = &at[i].assessment;
        if (!(exam_scenario_broke(&set->rule, a) & bit))
            continue;
        fprintf(out, "%s%s", first ? "" : ", ", set->scenarios[i].id);
        if (bit == EXAM_BROKE_CRITICAL)
            fprintf(out, ": %d", a->criticals);
        first = 0;
    }
    fputs(")", out);
}

static void print_summary(FILE *out, const ExamSet *set, const Attempt *at, char **paths,
                          const ExamOutcome *r, const char *summary_path)
{
    char b[16];
    fprintf(out, "Eksamen: %s\n", set->title);
    fprintf(out, "Elev: %s · modus: eksamen · %zu oppgaver\n", at[0].trainee,
            set->scenario_count);
    for (size_t i = 0; i < set->scenario_count; i++) {
        const Attempt *a = &at[i];
        const Assessment *s = &a->assessment;
        const ScenarioMeta *m = scenario_meta(a->scenario);
        fprintf(out, "\n%2zu. %s (%s, frø %llu)\n", i + 1, m->title, m->id,
                (unsigned long long)a->seed);
        fprintf(out, "    %d av %d poeng · karakter %d · %s", s->points, s->max, s->grade,
                s->passed ? "bestått" : "ikke bestått");
        if (s->criticals)
            fprintf(out, " · %d %s", s->criticals, s->criticals == 1 ? "kritisk feil" : "kritiske feil");
        fputc('\n', out);
        if (s->criticals && s->points_grade > 1)
            fprintf(out, "    (Poengene alene gir karakter %d.)\n", s->points_grade);
        const EventLog *log = &scenario_world(a->scenario)->log;
        for (size_t k = 0; k < log->count; k++) {
            const Event *e = &log->items[k];
            if (e->kind != EVENT_SCORE || e->score_kind != SCORE_CRITICAL)
                continue;
            char tb[16];
            fprintf(out, "    Kritisk feil kl. %s: %s\n", simtime_format(e->t, tb, sizeof tb),
                    e->text);
            if (e->rule)
                fprintf(out, "      Regel: %s\n", e->rule);
        }
        fprintf(out, "    Rapport: %s\n", paths[i]);
    }
    fprintf(out, "\nEksamensresultat: %s · karakter %d\n", r->passed ? "BESTÅTT" : "IKKE BESTÅTT",
            r->grade);
    const ExamPassRule *rule = &set->rule;
    fprintf(out, "  Hver oppgave minst karakter %d: %s", rule->min_grade_each,
            r->broke & EXAM_BROKE_GRADE ? "ikke oppfylt" : "oppfylt");
    if (r->broke & EXAM_BROKE_GRADE)
        print_breakers(out, set, at, EXAM_BROKE_GRADE);
    fputc('\n', out);
    fprintf(out, "  Gjennomsnitt %s", centi_text(r->average_centi, b, sizeof b));
    fprintf(out, " (minst %s): %s\n", centi_text(rule->min_average_centi, b, sizeof b),
            r->broke & EXAM_BROKE_AVERAGE ? "ikke oppfylt" : "oppfylt");
    if (rule->no_critical) {
        fprintf(out, "  Ingen kritiske feil: %s",
                r->broke & EXAM_BROKE_CRITICAL ? "ikke oppfylt" : "oppfylt");
        if (r->broke & EXAM_BROKE_CRITICAL)
            print_breakers(out, set, at, EXAM_BROKE_CRITICAL);
        fputc('\n', out);
    } else if (r->criticals) {
        fprintf(out, "  Kritiske feil: %d (settet stryker ikke for dem alene)\n", r->criticals);
    }
    fprintf(out, "\nSammendraget er lagret i %s\n", summary_path);
}

static void print_list(FILE *out, const ExamSet *set, const Attempt *at)
{
    long total = 0;
    fprintf(out, "%s (%s)\n", set->title, set->id);
    if (set->description[0])
        fprintf(out, "%s\n", set->description);
    fputc('\n', out);
    for (size_t i = 0; i < set->scenario_count; i++)
        total += (long)(scenario_meta(at[i].scenario)->duration / SIMTIME_MINUTE);
    fprintf(out, "Tidsgrense: %d minutter (oppgavene varer til sammen %ld minutter)\n",
            set->time_limit_minutes, total);
    print_rule(out, &set->rule);
    fprintf(out, "Oppgaver, i eksamensmodus og i denne rekkefølgen:\n");
    for (size_t i = 0; i < set->scenario_count; i++) {
        const ScenarioMeta *m = scenario_meta(at[i].scenario);
        fprintf(out, "%3zu. %-28s frø %-6llu %3lld min  %s\n", i + 1, m->id,
                (unsigned long long)set->scenarios[i].seed,
                (long long)(m->duration / SIMTIME_MINUTE), m->title);
    }
}

/* Saves one finished attempt's report: into report_dir under a fresh name, or
 * as attempt_save_report does with data_dir. */
static int save_report(Attempt *at, const char *report_dir, const char *data_dir, char **path,
                       char *err, size_t errsize)
{
    if (!report_dir)
        return attempt_save_report(at, NULL, data_dir, path, err, errsize);
    char *p = report_new_path(report_dir, scenario_meta(at->scenario)->id, at->trainee,
                              at->wall_start);
    int rc = attempt_save_report(at, p, NULL, path, err, errsize);
    free(p);
    return rc;
}

int cmd_exam(int argc, char **argv)
{
    CliOption opts[] = {
        {"--inputs-dir", 1, NULL, 0}, {"--trainee", 1, NULL, 0}, {"--report-dir", 1, NULL, 0},
        {"--data-dir", 1, NULL, 0},   {"--catalog", 1, NULL, 0}, {"--list", 0, NULL, 0},
        {"--help", 0, NULL, 0},       {NULL, 0, NULL, 0},
    };
    const char *pos[1];
    int npos = 0;
    if (cli_parse("exam", argc, argv, 2, opts, pos, 1, &npos) != 0)
        return 2;
    if (cli_option(opts, "--help")->seen) {
        print_exam_help();
        return 0;
    }
    if (npos != 1)
        return cli_usage_error("exam", "MANIFEST mangler");
    int list = cli_option(opts, "--list")->seen;
    const char *inputs_dir = cli_option(opts, "--inputs-dir")->value;
    const char *report_dir = cli_option(opts, "--report-dir")->value;
    const char *data_dir = cli_option(opts, "--data-dir")->value;
    const char *trainee = cli_option(opts, "--trainee")->value;
    if (list && (inputs_dir || report_dir || data_dir || trainee))
        return cli_usage_error("exam", "--list brukes alene (uten --inputs-dir, --trainee, "
                                       "--report-dir og --data-dir)");
    if (!list && !inputs_dir)
        return cli_usage_error("exam", "--inputs-dir MAPPE mangler");
    if (report_dir && data_dir)
        return cli_usage_error("exam", "--report-dir og --data-dir kan ikke brukes sammen");
    if (!trainee)
        trainee = "Elev";
    if (strlen(trainee) > 100 || !text_is_clean_utf8(trainee, strlen(trainee)))
        return cli_usage_error("exam", "--trainee må være gyldig UTF-8, høyst 100 byte");

    int rc = 2;
    char err[2048];
    char *summary_path = NULL, *summary_text = NULL;
    Catalog *catalog = NULL;
    ExamSet *set = NULL;
    Attempt *at = NULL;
    InputsFile *inputs = NULL;
    char **input_paths = NULL, **report_paths = NULL, **hashes = NULL;
    ExamResultEntry *entries = NULL;
    int *minutes = NULL;
    size_t n = 0;
    time_t wall_started = time(NULL);
    long long mono_started = attempt_monotonic_ms();

    /* a bare id names a shipped set: <assets>/exams/<id>.json */
    const char *arg = pos[0];
    size_t arg_len = strlen(arg);
    StrBuf manifest;
    strbuf_init(&manifest);
    if (!strchr(arg, '/') && !(arg_len > 5 && strcmp(arg + arg_len - 5, ".json") == 0))
        strbuf_addf(&manifest, "%s/exams/%s.json", paths_assets_dir(), arg);
    else
        strbuf_add(&manifest, arg);
    set = exam_load(manifest.data, paths_scenarios_dir(), err, sizeof err);
    strbuf_free(&manifest);
    if (!set) {
        fprintf(stderr, "skranken exam: %s\n", err);
        goto done;
    }
    n = set->scenario_count;
    at = sk_xcalloc(n, sizeof *at);
    inputs = sk_xcalloc(n, sizeof *inputs);
    input_paths = sk_xcalloc(n, sizeof *input_paths);
    report_paths = sk_xcalloc(n, sizeof *report_paths);
    hashes = sk_xcalloc(n, sizeof *hashes);
    entries = sk_xcalloc(n, sizeof *entries);
    minutes = sk_xcalloc(n, sizeof *minutes);

    catalog = paths_load_catalog(cli_option(opts, "--catalog")->value, err, sizeof err);
    if (!catalog) {
        fprintf(stderr, "skranken exam: %s\n", err);
        goto done;
    }

    /* Every scenario loads in exam mode and says it is the id the manifest
     * names, and the set fits its time limit - before anything is played. */
    for (size_t i = 0; i < n; i++) {
        const ExamScenario *es = &set->scenarios[i];
        char *path = paths_scenario(es->id);
        AttemptStatus st = attempt_start(&at[i], path, catalog, trainee, 1, es->seed, err,
                                         sizeof err);
        free(path);
        if (st != ATTEMPT_OK) {
            fprintf(stderr, "skranken exam: %s\n", err);
            if (at[i].scenario && scenario_traceback(at[i].scenario))
                fprintf(stderr, "%s\n", scenario_traceback(at[i].scenario));
            goto done;
        }
        const ScenarioMeta *m = scenario_meta(at[i].scenario);
        if (strcmp(m->id, es->id) != 0) {
            fprintf(stderr, "skranken exam: %s:%d: scenarioet «%s» oppgir id «%s» i filen\n",
                    set->path, es->line, es->id, m->id);
            goto done;
        }
        minutes[i] = (int)((m->duration + SIMTIME_MINUTE - 1) / SIMTIME_MINUTE);
    }
    if (exam_check_time(set, minutes, err, sizeof err) != 0) {
        fprintf(stderr, "skranken exam: %s\n", err);
        goto done;
    }
    if (list) {
        print_list(stdout, set, at);
        rc = 0;
        goto done;
    }

    /* Every inputs file is there and readable before the first is played. */
    for (size_t i = 0; i < n; i++) {
        StrBuf p;
        strbuf_init(&p);
        strbuf_addf(&p, "%s/%s.inputs", inputs_dir, set->scenarios[i].id);
        input_paths[i] = p.data;
        if (inputs_load(input_paths[i], &inputs[i], err, sizeof err) != 0) {
            fprintf(stderr, "skranken exam: %s\n", err);
            goto done;
        }
    }

    /* Play them all; nothing is saved unless every one plays to its end. */
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < inputs[i].count; k++) {
            AttemptStatus st = attempt_act(&at[i], &inputs[i].items[k].action, err, sizeof err);
            if (st == ATTEMPT_MISMATCH) {
                StrBuf line;
                strbuf_init(&line);
                action_format(&inputs[i].items[k].action, &line);
                fprintf(stderr, "skranken exam: %s:%d: passer ikke scenarioet «%s»: %s\n  (%s)\n",
                        input_paths[i], inputs[i].items[k].line, set->scenarios[i].id, err,
                        strbuf_str(&line));
                strbuf_free(&line);
                rc = 1;
                goto done;
            }
            if (st != ATTEMPT_OK) {
                fprintf(stderr, "skranken exam: %s\n", err);
                if (scenario_traceback(at[i].scenario))
                    fprintf(stderr, "%s\n", scenario_traceback(at[i].scenario));
                goto done;
            }
        }
        if (attempt_finish(&at[i], err, sizeof err) != ATTEMPT_OK) {
            fprintf(stderr, "skranken exam: %s\n", err);
            if (scenario_traceback(at[i].scenario))
                fprintf(stderr, "%s\n", scenario_traceback(at[i].scenario));
            goto done;
        }
    }

    Assessment *results = sk_xcalloc(n, sizeof *results);
    for (size_t i = 0; i < n; i++)
        results[i] = at[i].assessment; /* shallow: read only */
    ExamOutcome outcome;
    exam_assess(&set->rule, results, n, &outcome);
    free(results);

    if (report_dir && file_make_dirs(report_dir, err, sizeof err) != 0) {
        fprintf(stderr, "skranken exam: rapportene ble ikke lagret: %s\n", err);
        goto done;
    }
    char ended[EXAM_MAX_SCENARIOS][16];
    for (size_t i = 0; i < n; i++) {
        if (save_report(&at[i], report_dir, data_dir, &report_paths[i], err, sizeof err) != 0) {
            fprintf(stderr, "skranken exam: rapporten for «%s» ble ikke lagret: %s\n",
                    set->scenarios[i].id, err);
            goto done;
        }
        char *text = NULL;
        size_t len = 0;
        if (file_read_all(report_paths[i], (size_t)64 << 20, &text, &len, err, sizeof err) != 0) {
            fprintf(stderr, "skranken exam: %s\n", err);
            goto done;
        }
        hashes[i] = sk_xmalloc(65);
        sha256_hex(text, len, hashes[i]);
        free(text);
        const ScenarioMeta *m = scenario_meta(at[i].scenario);
        entries[i].id = m->id;
        entries[i].title = m->title;
        entries[i].seed = at[i].seed;
        entries[i].report_file = base_name(report_paths[i]);
        entries[i].report_sha256 = hashes[i];
        entries[i].ended_at = simtime_format(scenario_world(at[i].scenario)->clock.now,
                                             ended[i], sizeof ended[0]);
        entries[i].assessment = &at[i].assessment;
    }

    /* The summary goes beside the reports. */
    const char *last = report_paths[n - 1];
    const char *slash = strrchr(last, '/');
    char *folder = slash ? sk_xstrdup(last) : sk_xstrdup(".");
    if (slash)
        folder[slash - last] = '\0';
    StrBuf name;
    strbuf_init(&name);
    strbuf_addf(&name, "exam-%s", set->id);
    summary_path = report_new_path(folder, name.data, trainee, wall_started);
    strbuf_free(&name);
    free(folder);
    ExamResultInput in = {
        .engine_version = SKRANKEN_VERSION,
        .set = set,
        .trainee = trainee,
        .entries = entries,
        .outcome = &outcome,
        .wall_started = wall_started,
        .wall_finished = time(NULL),
        .duration_ms = attempt_monotonic_ms() - mono_started,
    };
    summary_text = exam_result_render(&in);
    if (file_write_new(summary_path, summary_text, strlen(summary_text), err, sizeof err) != 0) {
        fprintf(stderr, "skranken exam: sammendraget ble ikke lagret: %s\n", err);
        goto done;
    }
    print_summary(stdout, set, at, report_paths, &outcome, summary_path);
    rc = 0;
done:
    for (size_t i = 0; at && i < n; i++) {
        attempt_free(&at[i]);
        inputs_free(&inputs[i]);
        free(input_paths[i]);
        free(report_paths[i]);
        free(hashes[i]);
    }
    free(at);
    free(inputs);
    free(input_paths);
    free(report_paths);
    free(hashes);
    free(entries);
    free(minutes);
    free(summary_path);
    free(summary_text);
    catalog_free(catalog);
    exam_free(set);
    return rc;
}
