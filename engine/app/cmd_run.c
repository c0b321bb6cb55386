/* skranken run: play a scenario headlessly from an inputs file. */
#include "attempt.h"
#include "commands.h"
#include "debrief.h"
#include "paths.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/inputs.h"
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


static void print_run_help(void)
{
    puts("Bruk: skranken run SCENARIO --inputs FIL [valg]\n"
         "\n"
         "Spiller SCENARIO (sti til .lua eller id) uten vindu med handlingene i FIL\n"
         "(se docs/inputs-format.md), skriver en kort debrief og lagrer rapporten.\n"
         "\n"
         "  --inputs FIL        innspilte handlinger, én per linje (påkrevd)\n"
         "  --seed N            frø for tilfeldig variasjon, 0-9007199254740991 (standard 1)\n"
         "  --trainee NAVN      elevens navn (standard «Elev»)\n"
         "  --mode MODUS        practice (øving, standard) eller exam (eksamen)\n"
         "  --report STI        lagre rapporten akkurat her (må ikke finnes fra før)\n"
         "  --data-dir MAPPE    datamappe; rapporter havner i MAPPE/reports\n"
         "  --catalog FIL       kompetansekatalog (standard assets/catalog.json)\n"
         "  --journal           fører journal over forsøket i MAPPE/journal, så det kan\n"
         "                      fortsettes med «skranken resume» om det blir avbrutt\n"
         "                      (se docs/journal.md)\n"
         "  --quiet             ingen debrief, bare stien til rapporten\n"
         "\n"
         "Avslutningskoder: 0 ok, 1 inputs passer ikke scenarioet (linjen nevnes),\n"
         "2 feil bruk, fil som ikke kan leses eller feil i scenarioet.");
}




int cmd_run(int argc, char **argv)
{
    CliOption opts[] = {
        {"--inputs", 1, NULL, 0},  {"--seed", 1, NULL, 0},     {"--trainee", 1, NULL, 0},
        {"--mode", 1, NULL, 0},    {"--report", 1, NULL, 0},   {"--data-dir", 1, NULL, 0},
        {"--catalog", 1, NULL, 0}, {"--quiet", 0, NULL, 0},    {"--help", 0, NULL, 0},
        {"--journal", 0, NULL, 0}, {NULL, 0, NULL, 0},
    };
    const char *pos[1];
    int npos = 0;
    if (cli_parse("run", argc, argv, 2, opts, pos, 1, &npos) != 0)
        return 2;
    if (cli_option(opts, "--help")->seen) {
        print_run_help();
        return 0;
    }
    if (npos != 1)
        return cli_usage_error("run", "SCENARIO mangler");
    const char *inputs_path = cli_option(opts, "--inputs")->value;
    if (!inputs_path)
        return cli_usage_error("run", "--inputs FIL mangler");
    unsigned long long seed = 1;
    const char *seed_text = cli_option(opts, "--seed")->value;
    if (seed_text && cli_parse_seed(seed_text, &seed) != 0)
        return cli_usage_error("run", "--seed må være et heltall 0-%llu, ikke «%.40s»", CLI_MAX_SEED,
                               seed_text);
    const char *mode = cli_option(opts, "--mode")->value;
    if (mode && strcmp(mode, "practice") != 0 && strcmp(mode, "exam") != 0)
        return cli_usage_error("run", "--mode må være practice eller exam, ikke «%.40s»", mode);
    int exam = mode && strcmp(mode, "exam") == 0;
    const char *trainee = cli_option(opts, "--trainee")->value;
    if (!trainee)
        trainee = "Elev";
    if (strlen(trainee) > 100 || !text_is_clean_utf8(trainee, strlen(trainee)))
        return cli_usage_error("run", "--trainee må være gyldig UTF-8, høyst 100 byte");
    const char *report_opt = cli_option(opts, "--report")->value;
    if (report_opt && file_exists(report_opt)) {
        fprintf(stderr, "skranken run: %s: finnes allerede (rapporter skrives aldri over)\n",
                report_opt);
        return 2;
    }
    int quiet = cli_option(opts, "--quiet")->seen;

    int rc = 2;
    char err[2048];
    char *scenario_path = NULL, *report_path = NULL;
    Catalog *catalog = NULL;
    InputsFile inputs = {0};
    Attempt at;
    memset(&at, 0, sizeof at);

    catalog = paths_load_catalog(cli_option(opts, "--catalog")->value, err, sizeof err);
    if (!catalog) {
        fprintf(stderr, "skranken run: %s\n", err);
        goto done;
    }
    scenario_path = paths_scenario(pos[0]);
    if (inputs_load(inputs_path, &inputs, err, sizeof err) != 0) {
        fprintf(stderr, "skranken run: %s\n", err);
        goto done;
    }
    if (attempt_start(&at, scenario_path, catalog, trainee, exam, seed, err, sizeof err) !=
        ATTEMPT_OK) {
        fprintf(stderr, "skranken run: %s\n", err);
        if (at.scenario && scenario_traceback(at.scenario))
            fprintf(stderr, "%s\n", scenario_traceback(at.scenario));
        goto done;
    }
    if (cli_option(opts, "--journal")->seen) {
        char *dir = paths_data_dir(cli_option(opts, "--data-dir")->value);
        if (!dir) {
            fprintf(stderr, "skranken run: finner ingen datamappe til journalen (HOME og "
                            "XDG_DATA_HOME mangler); bruk --data-dir\n");
            goto done;
        }
        StrBuf jdir;
        strbuf_init(&jdir);
        strbuf_addf(&jdir, "%s/journal", dir);
        free(dir);
        AttemptJournalInfo info = {.catalog_path = cli_option(opts, "--catalog")->value};
        int jrc = attempt_journal_begin(&at, scenario_path, jdir.data, &info, err, sizeof err);
        strbuf_free(&jdir);
        if (jrc != 0) {
            fprintf(stderr, "skranken run: journalen kan ikke lagres: %s\n", err);
            goto done;
        }
    }
    for (size_t i = 0; i < inputs.count; i++) {
        AttemptStatus st = attempt_act(&at, &inputs.items[i].action, err, sizeof err);
        if (st == ATTEMPT_MISMATCH) {
            StrBuf line;
            strbuf_init(&line);
            action_format(&inputs.items[i].action, &line);
            fprintf(stderr, "skranken run: %s:%d: passer ikke scenarioet: %s\n  (%s)\n",
                    inputs_path, inputs.items[i].line, err, strbuf_str(&line));
            strbuf_free(&line);
            rc = 1;
            goto done;
        }
        if (st == ATTEMPT_NOT_SAVED) {
            fprintf(stderr, "skranken run: %s:%d: %s\n", inputs_path, inputs.items[i].line, err);
            goto done;
        }
        if (st != ATTEMPT_OK) {
            fprintf(stderr, "skranken run: %s\n", err);
            if (scenario_traceback(at.scenario))
                fprintf(stderr, "%s\n", scenario_traceback(at.scenario));
            goto done;
        }
    }
    if (attempt_finish(&at, err, sizeof err) != ATTEMPT_OK) {
        fprintf(stderr, "skranken run: %s\n", err);
        if (scenario_traceback(at.scenario))
            fprintf(stderr, "%s\n", scenario_traceback(at.scenario));
        goto done;
    }

    if (attempt_save_report(&at, report_opt, cli_option(opts, "--data-dir")->value, &report_path,
                            err, sizeof err) != 0) {
        if (at.journal_path)
            fprintf(stderr, "skranken run: rapporten ble ikke lagret: %s (forsøket er tatt vare "
                            "på i %s; fullfør det med «skranken resume FIL --finish» når det "
                            "går)\n",
                    err, at.journal_path);
        else
            fprintf(stderr, "skranken run: rapporten ble ikke lagret: %s\n", err);
        goto done;
    }
    if (quiet)
        printf("%s\n", report_path);
    else
        debrief_print(stdout, &at, report_path);
    rc = 0;
done:
    attempt_free(&at);
    inputs_free(&inputs);
    catalog_free(catalog);
    free(scenario_path);
    free(report_path);
    return rc;
}
