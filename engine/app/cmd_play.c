/* skranken play: the graphical front desk. */
#include "commands.h"
#include "gui.h"
#include "paths.h"
#include "core/alloc.h"
#include "core/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_play_help(void)
{
    puts("Bruk: skranken play [SCENARIO] [valg]\n"
         "\n"
         "Åpner skranken i et vindu. Med SCENARIO (sti til .lua eller id) starter\n"
         "forsøket med en gang; uten åpnes biblioteket.\n"
         "\n"
         "  --mode MODUS        practice (øving, standard) eller exam (eksamen)\n"
         "  --seed N            frø for variasjon (standard: tilfeldig i øving, 1 i eksamen)\n"
         "  --trainee NAVN      elevens navn\n"
         "  --lang SPRÅK        nb (bokmål, standard) eller en (English)\n"
         "  --speed X           simulert tid per sekund (0.25-60; standard 1)\n"
         "  --size BxH          vindusstørrelse i punkter (standard 1280x720)\n"
         "  --data-dir MAPPE    datamappe (rapporter i MAPPE/reports)\n"
         "  --catalog FIL       kompetansekatalog (standard assets/catalog.json)\n"
         "  --resume JOURNAL    fortsetter et avbrutt forsøk der det slapp (se\n"
         "                      «skranken resume» og docs/journal.md)\n"
         "  --test-script FIL   kjører inndata fra en testfil (for testene)\n"
         "  --exit-after-first-frame\n"
         "                      måling: skriver tidspunktet det første bildet ble vist\n"
         "                      (first_frame_monotonic_s, CLOCK_MONOTONIC) og avslutter\n"
         "  --frame-log FIL     måling: tegner hele tiden og skriver hvor lenge hvert\n"
         "                      bilde tok (mikrosekunder) til FIL (se docs/performance.md)\n"
         "\n"
         "Et forsøk i vinduet føres i en journal (datamappa/journal) mens det pågår;\n"
         "blir det avbrutt, tilbyr biblioteket å fortsette det neste gang.\n"
         "\n"
         "For deg som skriver scenarioer: lagre fila og trykk F5 i vinduet, så lastes\n"
         "den inn på nytt og starter igjen med samme navn og frø (bare i øving; se\n"
         "docs/authoring.md).\n"
         "\n"
         "Uten skjerm: bruk «skranken run» for å spille uten vindu.");
}

int cmd_play(int argc, char **argv)
{
    CliOption opts[] = {
        {"--mode", 1, NULL, 0},    {"--seed", 1, NULL, 0},        {"--trainee", 1, NULL, 0},
        {"--lang", 1, NULL, 0},    {"--speed", 1, NULL, 0},       {"--size", 1, NULL, 0},
        {"--data-dir", 1, NULL, 0}, {"--catalog", 1, NULL, 0},    {"--test-script", 1, NULL, 0},
        {"--help", 0, NULL, 0},    {"--resume", 1, NULL, 0},
        {"--exit-after-first-frame", 0, NULL, 0},                  {"--frame-log", 1, NULL, 0},
        {NULL, 0, NULL, 0},
    };
    const char *pos[1] = {NULL};
    int npos = 0;
    if (argc >= 2 && cli_parse("play", argc, argv, 2, opts, pos, 1, &npos) != 0)
        return 2;
    if (cli_option(opts, "--help")->seen) {
        print_play_help();
        return 0;
    }
    UiOptions ui = {0};
    ui.speed = 1.0;
    const char *mode = cli_option(opts, "--mode")->value;
    if (mode && strcmp(mode, "practice") != 0 && strcmp(mode, "exam") != 0)
        return cli_usage_error("play", "--mode må være practice eller exam, ikke «%.40s»", mode);
    ui.exam = mode && strcmp(mode, "exam") == 0;
    const char *seed = cli_option(opts, "--seed")->value;
    if (seed) {
        unsigned long long v = 0;
        if (cli_parse_seed(seed, &v) != 0)
            return cli_usage_error("play", "--seed må være et heltall 0-%llu, ikke «%.40s»",
                                   CLI_MAX_SEED, seed);
        ui.seed = v;
        ui.seed_given = 1;
    }
    const char *trainee = cli_option(opts, "--trainee")->value;
    if (trainee && (strlen(trainee) > 100 || !text_is_clean_utf8(trainee, strlen(trainee))))
        return cli_usage_error("play", "--trainee må være gyldig UTF-8, høyst 100 byte");
    ui.trainee = trainee;
    const char *lang = cli_option(opts, "--lang")->value;
    if (lang && strcmp(lang, "nb") != 0 && strcmp(lang, "en") != 0)
        return cli_usage_error("play", "--lang må være nb eller en, ikke «%.40s»", lang);
    ui.lang = lang;
    const char *speed = cli_option(opts, "--speed")->value;
    if (speed) {
        char *end = NULL;
        double v = strtod(speed, &end);
        if (!*speed || *end || !(v >= 0.25 && v <= 60))
            return cli_usage_error("play", "--speed må være et tall 0.25-60, ikke «%.40s»", speed);
        if (ui.exam && v != 1.0)
            return cli_usage_error("play", "--speed kan ikke brukes i eksamensmodus");
        ui.speed = v;
    }
    const char *size = cli_option(opts, "--size")->value;
    if (size) {
        int w = 0, h = 0;
        char extra = 0;
        if (sscanf(size, "%dx%d%c", &w, &h, &extra) != 2 || w < 640 || h < 400 || w > 8192 ||
            h > 8192)
            return cli_usage_error("play", "--size må være BxH, minst 640x400, ikke «%.40s»", size);
        ui.width = w;
        ui.height = h;
    }
    const char *script = cli_option(opts, "--test-script")->value;
    if (script && !file_exists(script)) {
        fprintf(stderr, "skranken play: %s: filen finnes ikke\n", script);
        return 2;
    }
    ui.script_path = script;
    ui.exit_after_first_frame = cli_option(opts, "--exit-after-first-frame")->seen;
    ui.frame_log = cli_option(opts, "--frame-log")->value;
    if (ui.frame_log && ui.exit_after_first_frame)
        return cli_usage_error("play", "--frame-log og --exit-after-first-frame hører til hver "
                                       "sin måling; bruk én av dem");
    const char *resume = cli_option(opts, "--resume")->value;
    if (resume && (npos || mode || seed || trainee || speed))
        return cli_usage_error("play", "--resume tar forsøkets scenario, modus, frø og navn fra "
                                       "journalen (ikke SCENARIO, --mode, --seed, --trainee "
                                       "eller --speed)");
    if (resume && !file_exists(resume)) {
        fprintf(stderr, "skranken play: %s: filen finnes ikke\n", resume);
        return 2;
    }
    char *scenario = NULL;
    if (npos == 1) {
        scenario = paths_scenario(pos[0]);
        if (!file_exists(scenario)) {
            fprintf(stderr, "skranken play: %s: filen finnes ikke\n", scenario);
            free(scenario);
            return 2;
        }
        ui.scenario_path = scenario;
    }
    char why[256];
    if (!ui_display_available(why, sizeof why)) {
        fprintf(stderr, "skranken: ingen skjerm tilgjengelig (%s); spill uten vindu med "
                        "«skranken run SCENARIO --inputs FIL»\n",
                why);
        free(scenario);
        return 2;
    }
    char err[1024];
    Catalog *catalog = paths_load_catalog(cli_option(opts, "--catalog")->value, err, sizeof err);
    if (!catalog) {
        fprintf(stderr, "skranken play: %s\n", err);
        free(scenario);
        return 2;
    }
    int rc = gui_run(&ui, catalog, cli_option(opts, "--catalog")->value,
                     cli_option(opts, "--data-dir")->value, resume);
    catalog_free(catalog);
    free(scenario);
    return rc;
}
