/* skranken: the command line. Subcommands live in cmd_*.c. */
#include "commands.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

static void print_help(FILE *out)
{
    fputs("Skranken " SKRANKEN_VERSION " – simulator for skranken på legekontoret (Vg3 "
          "helsesekretær)\n"
          "\n"
          "Bruk:\n"
          "  skranken              åpner skranken i et vindu (biblioteket)\n"
          "  skranken play [SCENARIO] [--mode practice|exam] [--seed N]\n"
          "               [--trainee NAVN] [--lang nb|en] [--speed X]\n"
          "      Åpner vinduet rett i et scenario (uten SCENARIO: biblioteket).\n"
          "  skranken run SCENARIO --inputs FIL [--seed N] [--trainee NAVN]\n"
          "               [--mode practice|exam] [--report STI] [--data-dir MAPPE]\n"
          "               [--catalog FIL] [--quiet]\n"
          "      Spiller et scenario uten vindu fra en fil med innspilte handlinger,\n"
          "      skriver debrief og lagrer en JSON-rapport.\n"
          "  skranken catalog import FIL.json [--out FIL] [--map MAPPING.json]\n"
          "      Leser offisielle kompetansemål fra Udirs Grep-JSON (data.udir.no) og\n"
          "      kobler arbeidsmålene til dem (se docs/curriculum.md).\n"
          "  skranken resume [JOURNAL] [--finish | --inputs FIL | --discard]\n"
          "      Viser uferdige forsøk, eller fortsetter ett der det slapp (i vinduet,\n"
          "      eller uten vindu), se docs/journal.md.\n"
          "  skranken exam MANIFEST --inputs-dir MAPPE [--trainee NAVN]\n"
          "               [--report-dir MAPPE|--data-dir MAPPE]   (eller: --list)\n"
          "      Spiller et eksamenssett (assets/exams/) uten vindu og gir resultatet\n"
          "      etter settets regel for bestått (se docs/exams.md).\n"
          "\n"
          "For instruktører:\n"
          "  skranken new NAVN     lager et kommentert malscenario NAVN.lua\n"
          "  skranken check FIL... sjekker scenarioer (også ved å prøve mange veier)\n"
          "  skranken verify RAPPORT...\n"
          "      Spiller rapportene på nytt og viser om noen er endret.\n"
          "  skranken summary MAPPE|FIL... [--csv FIL] [--html FIL]\n"
          "      Klassen på ett blikk: elev × mål, scenarioer, kritiske feil.\n"
          "  skranken export-xapi RAPPORT... [--out FIL]\n"
          "      xAPI 1.0.3-utsagn for en læringsplattform (LRS).\n"
          "  Hver kommando har --help.\n"
          "\n"
          "  skranken --help       denne teksten\n"
          "  skranken --version    versjonen\n"
          "\n"
          "SCENARIO er en sti til en .lua-fil eller id-en til et medfølgende scenario.\n"
          "Rapporter lagres i $XDG_DATA_HOME/skranken/reports (ellers\n"
          "~/.local/share/skranken/reports) og skrives aldri over.\n"
          "Avslutningskoder: 0 ok, 1 en sjekk feilet (inputs passer ikke scenarioet),\n"
          "2 feil bruk eller fil som ikke kan leses.\n",
          out);
}

int main(int argc, char **argv)
{
    /* Past a file size limit (ulimit -f) a write fails with EFBIG instead of
     * killing the program, so a full journal or report is a clear message and
     * the attempt stays resumable (docs/journal.md). */
    signal(SIGXFSZ, SIG_IGN);
    cli_guard_streams();
    if (argc < 2)
        return cmd_play(argc, argv);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (argc > 2)
            return cli_usage_error("help", "tar ingen argumenter");
        print_help(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        if (argc > 2)
            return cli_usage_error("--version", "tar ingen argumenter");
        printf("skranken %s\n", SKRANKEN_VERSION);
        return 0;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc, argv);
    if (strcmp(cmd, "play") == 0)
        return cmd_play(argc, argv);
    if (strcmp(cmd, "catalog") == 0)
        return cmd_catalog(argc, argv);
    if (strcmp(cmd, "exam") == 0)
        return cmd_exam(argc, argv);
    if (strcmp(cmd, "new") == 0)
        return cmd_new(argc, argv);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc, argv);
    if (strcmp(cmd, "verify") == 0)
        return cmd_verify(argc, argv);
    if (strcmp(cmd, "summary") == 0)
        return cmd_summary(argc, argv);
    if (strcmp(cmd, "export-xapi") == 0)
        return cmd_export_xapi(argc, argv);
    if (strcmp(cmd, "resume") == 0)
        return cmd_resume(argc, argv);
    fprintf(stderr, "skranken: ukjent kommando «%.60s» (se «skranken --help»)\n", cmd);
    return 2;
}
