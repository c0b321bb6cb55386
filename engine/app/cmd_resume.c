/* skranken resume: the unfinished attempts (journals, docs/journal.md), and
 * continuing one: in the window, or headlessly to its end (--finish) or with
 * more recorded actions (--inputs). */
#include "attempt.h"
#include "commands.h"
#include "debrief.h"
#include "gui.h"
#include "journal.h"
#include "paths.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/inputs.h"
#include "report/report_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void print_resume_help(void)
{
    puts("Bruk: skranken resume [JOURNAL] [valg]\n"
         "\n"
         "Et forsøk som ble avbrutt (programmet krasjet, ble drept eller vinduet ble\n"
         "lukket) ligger igjen som en journal i datamappa (MAPPE/journal). Uten JOURNAL\n"
         "vises de uferdige forsøkene. Med JOURNAL (en sti, eller et filnavn i\n"
         "journalmappa) spilles journalen av, og forsøket fortsetter der det slapp:\n"
         "i vinduet, eller uten vindu med --finish eller --inputs.\n"
         "\n"
         "  --finish            spiller scenarioet til slutt uten flere handlinger og\n"
         "                      lagrer rapporten\n"
         "  --inputs FIL        fortsetter med handlingene i FIL (de som kommer etter\n"
         "                      journalens), spiller til slutt og lagrer rapporten\n"
         "  --discard           forkaster forsøket: journalen flyttes til\n"
         "                      MAPPE/journal/discarded/ og tilbys ikke mer\n"
         "  --report STI        lagre rapporten akkurat her (må ikke finnes fra før)\n"
         "  --data-dir MAPPE    datamappe (journaler i MAPPE/journal, rapporter i\n"
         "                      MAPPE/reports)\n"
         "  --catalog FIL       kompetansekatalog (standard: den forsøket begynte med)\n"
         "  --lang SPRÅK        vinduets språk: nb (standard) eller en\n"
         "  --test-script FIL   kjører inndata i vinduet fra en testfil (for testene)\n"
         "  --quiet             ingen debrief, bare stien til rapporten\n"
         "\n"
         "Scenariofila må være den samme som da forsøket begynte (SHA-256 i journalen).\n"
         "Rapporten blir lik den et forsøk uten avbrudd ville gitt (utenom «wall»).\n"
         "Avslutningskoder: 0 ok, 1 en handling i FIL passer ikke scenarioet (linjen\n"
         "nevnes), 2 feil bruk, journal eller fil som ikke kan leses, endret eller borte\n"
         "scenariofil, eller rapporten kunne ikke lagres.");
}

static char *journal_dir_of(const char *data_dir)
{
    char *dir = paths_data_dir(data_dir);
    if (!dir)
        return NULL;
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s/journal", dir);
    free(dir);
    return sb.data;
}

/* "22.11.2026 kl. 10:00" in local time. */
static void local_when(time_t t, char *buf, size_t size)
{
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, size, "%d.%m.%Y kl. %H:%M", &tm);
}

static int list_journals(const char *data_dir)
{
    char *dir = journal_dir_of(data_dir);
    if (!dir) {
        fprintf(stderr, "skranken resume: finner ingen datamappe (HOME og XDG_DATA_HOME "
                        "mangler); bruk --data-dir\n");
        return 2;
    }
    char **files = NULL;
    size_t n = journal_list(dir, &files);
    if (n == 0) {
        printf("Ingen uferdige forsøk i %s.\n", dir);
        free(dir);
        free(files);
        return 0;
    }
    printf("Uferdige forsøk i %s:\n", dir);
    for (size_t i = 0; i < n; i++) {
        Journal j;
        char err[2048], when[64], problem[1200];
        const char *base = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
        printf("  %s\n", base);
        if (journal_load(files[i], &j, err, sizeof err) != 0) {
            printf("      kan ikke leses: %s\n", err);
            free(files[i]);
            continue;
        }
        local_when(j.h.started, when, sizeof when);
        printf("      «%s» · %s · %s · seed %llu · startet %s\n", j.h.title, j.h.trainee,
               j.h.exam ? "eksamen" : "øving", (unsigned long long)j.h.seed, when);
        if (j.actions.count) {
            char tb[16];
            printf("      %zu %s, den siste kl. %s i scenarioet%s\n", j.actions.count,
                   j.actions.count == 1 ? "handling" : "handlinger",
                   simtime_format(j.actions.items[j.actions.count - 1].action.t, tb, sizeof tb),
                   j.finishing ? "; eleven ba om å avslutte" : "");
        } else {
            printf("      ingen handlinger ennå%s\n", j.finishing ? "; eleven ba om å avslutte" : "");
        }
        if (j.h.set_task > 0)
            printf("      eksamenssett «%s», oppgave %d av %d\n", j.h.set_title, j.h.set_task,
                   j.h.set_tasks);
        if (journal_scenario_problem(&j, problem, sizeof problem))
            printf("      kan ikke fortsettes: %s\n", problem);
        journal_free(&j);
        free(files[i]);
    }
    free(files);
    printf("Fortsett med «skranken resume FIL» (i vinduet), eller uten vindu med\n"
           "«skranken resume FIL --finish» eller «--inputs FIL».\n");
    free(dir);
    return 0;
}

/* JOURNAL as given, or a file name in the journal folder. Caller frees. */
static char *find_journal(const char *arg, const char *data_dir)
{
    if (file_exists(arg) || strchr(arg, '/'))
        return sk_xstrdup(arg);
    char *dir = journal_dir_of(data_dir);
    if (!dir)
        return sk_xstrdup(arg);
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s/%s", dir, arg);
    free(dir);
    if (!file_exists(sb.data)) {
        strbuf_free(&sb);
        return sk_xstrdup(arg);
    }
    return sb.data;
}

/* 1 if the report at path may be this journal's attempt, saved before a crash
 * (the rest is checked once the attempt is replayed). */
static int may_be_own_report(const char *path, const Journal *j)
{
    ReportFile rf;
    char err[512];
    if (report_load(path, &rf, err, sizeof err) != 0)
        return 0;
    int same = strcmp(rf.scenario_sha256, j->h.sha256) == 0 &&
               strcmp(rf.trainee, j->h.trainee) == 0 && rf.seed == j->h.seed &&
               rf.exam == j->h.exam && rf.wall_started == j->h.started;
    report_file_free(&rf);
    return same;
}

/* The window, opened at the journal's attempt (skranken play --resume). */
static int resume_in_window(const char *journal, CliOption *opts)
{
    const char *argv[20];
    int argc = 0;
    argv[argc++] = "skranken";
    argv[argc++] = "play";
    argv[argc++] = "--resume";
    argv[argc++] = journal;
    const char *pass[] = {"--data-dir", "--catalog", "--lang", "--test-script"};
    for (size_t i = 0; i < sizeof pass / sizeof pass[0]; i++)
        if (cli_option(opts, pass[i])->value) {
            argv[argc++] = pass[i];
            argv[argc++] = cli_option(opts, pass[i])->value;
        }
    argv[argc] = NULL;
    return cmd_play(argc, (char **)argv);
}

int cmd_resume(int argc, char **argv)
{
    CliOption opts[] = {
        {"--finish", 0, NULL, 0},  {"--inputs", 1, NULL, 0},   {"--discard", 0, NULL, 0},
        {"--report", 1, NULL, 0},  {"--data-dir", 1, NULL, 0}, {"--catalog", 1, NULL, 0},
        {"--lang", 1, NULL, 0},    {"--quiet", 0, NULL, 0},    {"--help", 0, NULL, 0},
        {"--test-script", 1, NULL, 0}, {NULL, 0, NULL, 0},
    };
    const char *pos[1] = {NULL};
    int npos = 0;
    if (cli_parse("resume", argc, argv, 2, opts, pos, 1, &npos) != 0)
        return 2;
    if (cli_option(opts, "--help")->seen) {
        print_resume_help();
        return 0;
    }
    const char *data_dir = cli_option(opts, "--data-dir")->value;
    int finish = cli_option(opts, "--finish")->seen;
    const char *inputs_path = cli_option(opts, "--inputs")->value;
    int discard = cli_option(opts, "--discard")->seen;
    const char *report_opt = cli_option(opts, "--report")->value;
    const char *lang = cli_option(opts, "--lang")->value;
    int quiet = cli_option(opts, "--quiet")->seen;
    if (npos == 0) {
        if (finish || inputs_path || discard || report_opt || quiet || lang ||
            cli_option(opts, "--test-script")->value)
            return cli_usage_error("resume", "JOURNAL mangler");
        return list_journals(data_dir);
    }
    if (finish + (inputs_path != NULL) + discard > 1)
        return cli_usage_error("resume", "bruk bare én av --finish, --inputs og --discard");
    if ((report_opt || quiet) && !finish && !inputs_path)
        return cli_usage_error("resume", "--report og --quiet hører til --finish eller --inputs");
    if ((lang || cli_option(opts, "--test-script")->value) && (finish || inputs_path || discard))
        return cli_usage_error("resume", "--lang og --test-script hører til vinduet (uten "
                                         "--finish, --inputs og --discard)");
    if (lang && strcmp(lang, "nb") != 0 && strcmp(lang, "en") != 0)
        return cli_usage_error("resume", "--lang må være nb eller en, ikke «%.40s»", lang);

    int rc = 2;
    char err[4096];
    char *journal_path = find_journal(pos[0], data_dir);
    char *report_path = NULL;
    Catalog *catalog = NULL;
    InputsFile more = {0};
    Journal j;
    Attempt at;
    memset(&j, 0, sizeof j);
    memset(&at, 0, sizeof at);

    if (journal_load(journal_path, &j, err, sizeof err) != 0) {
        fprintf(stderr, "skranken resume: %s\n", err);
        goto done;
    }
    if (discard) {
        /* an Attempt that only holds the journal, to move it */
        at.journal_path = sk_xstrdup(journal_path);
        if (attempt_journal_discard(&at, err, sizeof err) != 0) {
            fprintf(stderr, "skranken resume: %s\n", err);
            goto done;
        }
        printf("Forsøket er forkastet; journalen er flyttet til journal/discarded/.\n");
        rc = 0;
        goto done;
    }
    if (!finish && !inputs_path) {
        char why[256];
        if (!ui_display_available(why, sizeof why)) {
            fprintf(stderr, "skranken resume: ingen skjerm tilgjengelig (%s); fullfør uten vindu "
                            "med --finish eller --inputs FIL\n",
                    why);
            goto done;
        }
        journal_free(&j);
        rc = resume_in_window(journal_path, opts);
        goto done;
    }
    if (report_opt && file_exists(report_opt) && !may_be_own_report(report_opt, &j)) {
        fprintf(stderr, "skranken resume: %s: finnes allerede (rapporter skrives aldri over)\n",
                report_opt);
        goto done;
    }
    if (inputs_path && inputs_load(inputs_path, &more, err, sizeof err) != 0) {
        fprintf(stderr, "skranken resume: %s\n", err);
        goto done;
    }
    if (inputs_path && j.finishing && more.count) {
        fprintf(stderr, "skranken resume: %s: eleven hadde allerede avsluttet forsøket; bruk "
                        "--finish\n",
                journal_path);
        goto done;
    }
    const char *cat_path = cli_option(opts, "--catalog")->value;
    if (!cat_path)
        cat_path = j.h.catalog;
    catalog = paths_load_catalog(cat_path, err, sizeof err);
    if (!catalog) {
        fprintf(stderr, "skranken resume: %s\n", err);
        goto done;
    }
    if (strcmp(j.h.engine_version, SKRANKEN_VERSION) != 0)
        fprintf(stderr, "skranken resume: merk: %s ble laget av Skranken %s, dette er %s\n",
                journal_path, j.h.engine_version, SKRANKEN_VERSION);
    if (attempt_resume(&at, &j, catalog, err, sizeof err) != ATTEMPT_OK) {
        fprintf(stderr, "skranken resume: %s\n", err);
        goto done;
    }
    if (j.torn && !quiet)
        printf("Merk: linje %d i journalen var halvskrevet (programmet stoppet midt i den) og "
               "er ikke tatt med.\n",
               j.torn);
    for (size_t i = 0; i < more.count; i++) {
        AttemptStatus st = attempt_act(&at, &more.items[i].action, err, sizeof err);
        if (st == ATTEMPT_MISMATCH) {
            StrBuf line;
            strbuf_init(&line);
            action_format(&more.items[i].action, &line);
            fprintf(stderr, "skranken resume: %s:%d: passer ikke scenarioet: %s\n  (%s)\n",
                    inputs_path, more.items[i].line, err, strbuf_str(&line));
            strbuf_free(&line);
            rc = 1;
            goto done;
        }
        if (st == ATTEMPT_NOT_SAVED) {
            fprintf(stderr, "skranken resume: %s:%d: %s\n", inputs_path, more.items[i].line, err);
            goto done;
        }
        if (st != ATTEMPT_OK) {
            fprintf(stderr, "skranken resume: %s:%d: %s\n", inputs_path, more.items[i].line, err);
            goto done;
        }
    }
    if (attempt_finish(&at, err, sizeof err) != ATTEMPT_OK) {
        fprintf(stderr, "skranken resume: %s\n", err);
        goto done;
    }
    if (attempt_save_report(&at, report_opt, data_dir, &report_path, err, sizeof err) != 0) {
        fprintf(stderr, "skranken resume: rapporten ble ikke lagret: %s (journalen %s er tatt "
                        "vare på; kjør kommandoen igjen når det går)\n",
                err, journal_path);
        goto done;
    }
    if (quiet)
        printf("%s\n", report_path);
    else if (at.report_existed)
        printf("Forsøket var allerede lagret i %s; journalen er fjernet.\n", report_path);
    else
        debrief_print(stdout, &at, report_path);
    rc = 0;
done:
    attempt_free(&at);
    journal_free(&j);
    inputs_free(&more);
    catalog_free(catalog);
    free(journal_path);
    free(report_path);
    return rc;
}
