/* skranken export-xapi: xAPI 1.0.3 statements for a learning record store,
 * made from report files (docs/xapi.md). */
#include "commands.h"
#include "core/alloc.h"
#include "core/file.h"
#include "report/report_read.h"
#include "report/report_verify.h"
#include "report/xapi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_xapi_help(void)
{
    puts("Bruk: skranken export-xapi RAPPORT|MAPPE... [--out FIL] [--base-iri IRI]\n"
         "                            [--homepage URL]\n"
         "\n"
         "Lager xAPI 1.0.3-utsagn (statements) av rapportene, til skolens\n"
         "læringsplattform (LRS): for hvert forsøk «attempted», «completed» og «passed»\n"
         "eller «failed» med poeng, karakter og varighet, og ett utsagn per kritisk feil.\n"
         "Målene står med sin offisielle Grep-adresse når katalogen koblet dem.\n"
         "Samme rapport gir alltid de samme utsagnene (også id-ene), så en ny eksport\n"
         "lagres ikke to ganger. En MAPPE gir alle *.json-filene i den;\n"
         "eksamenssammendrag hoppes over.\n"
         "\n"
         "  --out FIL       skriv utsagnene (en JSON-liste) til en ny fil; en fil som\n"
         "                  finnes skrives aldri over (standard: skjermen)\n"
         "  --base-iri IRI  adressen aktiviteter, verb og utvidelser får (standard\n"
         "                  " XAPI_DEFAULT_BASE_IRI ")\n"
         "  --homepage URL  account.homePage for elevene (standard\n"
         "                  " XAPI_DEFAULT_HOMEPAGE ")\n"
         "\n"
         "Se docs/xapi.md. Avslutningskoder: 0 ok, 2 feil bruk eller en rapport som ikke\n"
         "kan leses (da skrives ingenting).");
}

int cmd_export_xapi(int argc, char **argv)
{
    CliOption opts[] = {
        {"--out", 1, NULL, 0},
        {"--base-iri", 1, NULL, 0},
        {"--homepage", 1, NULL, 0},
        {"--help", 0, NULL, 0},
        {NULL, 0, NULL, 0},
    };
    int max_pos = argc > 2 ? argc - 2 : 1;
    const char **pos = sk_xcalloc((size_t)max_pos, sizeof *pos);
    int npos = 0, rc = 2;
    StrList files = {0}, problems = {0};
    XapiBatch *batch = NULL;
    char *json = NULL;
    if (cli_parse("export-xapi", argc, argv, 2, opts, pos, max_pos, &npos) != 0)
        goto done;
    if (cli_option(opts, "--help")->seen) {
        print_xapi_help();
        rc = 0;
        goto done;
    }
    if (npos == 0) {
        rc = cli_usage_error("export-xapi",
                             "RAPPORT mangler (en rapportfil eller en mappe med rapporter)");
        goto done;
    }
    XapiOptions xo = {cli_option(opts, "--base-iri")->value,
                      cli_option(opts, "--homepage")->value};
    if (xo.base_iri && !xapi_iri_ok(xo.base_iri)) {
        rc = cli_usage_error("export-xapi",
                             "--base-iri må være en http- eller https-adresse uten mellomrom, "
                             "? og #, ikke «%.60s»", xo.base_iri);
        goto done;
    }
    if (xo.homepage && !xapi_iri_ok(xo.homepage)) {
        rc = cli_usage_error("export-xapi",
                             "--homepage må være en http- eller https-adresse uten mellomrom, "
                             "? og #, ikke «%.60s»", xo.homepage);
        goto done;
    }
    const char *out = cli_option(opts, "--out")->value;
    if (out && file_exists(out)) {
        fprintf(stderr, "skranken export-xapi: %s: finnes allerede (skrives aldri over)\n", out);
        goto done;
    }

    report_collect(pos, (size_t)npos, &files, &problems);
    size_t bad = problems.count, reports = 0, skipped = 0;
    for (size_t i = 0; i < problems.count; i++)
        fprintf(stderr, "skranken export-xapi: %s\n", problems.items[i]);
    batch = xapi_batch_new(&xo);
    char err[2048];
    for (size_t i = 0; i < files.count; i++) {
        const char *path = files.items[i];
        char *text = NULL;
        size_t len = 0;
        ReportFile rf;
        memset(&rf, 0, sizeof rf);
        if (file_read_all(path, REPORT_READ_MAX_BYTES, &text, &len, err, sizeof err) != 0) {
            fprintf(stderr, "skranken export-xapi: %s\n", err);
            bad++;
            continue;
        }
        if (report_parse(path, text, len, &rf, err, sizeof err) != 0) {
            if (report_kind(text, len) == REPORT_KIND_EXAM_RESULT) {
                fprintf(stderr, "skranken export-xapi: %s: eksamenssammendrag "
                                "(skranken-exam-result), ikke en rapport: hoppet over\n", path);
                skipped++;
            } else {
                fprintf(stderr, "skranken export-xapi: %s\n", err);
                bad++;
            }
            free(text);
            continue;
        }
        free(text);
        int added = xapi_batch_add(batch, path, &rf, err, sizeof err);
        report_file_free(&rf);
        if (added < 0) {
            fprintf(stderr, "skranken export-xapi: %s\n", err);
            bad++;
        } else if (added == 0) {
            fprintf(stderr, "skranken export-xapi: %s\n", err);
            skipped++;
        } else {
            reports++;
        }
    }
    if (bad) {
        fprintf(stderr, "skranken export-xapi: ingenting skrevet: %zu %s kunne ikke brukes\n",
                bad, bad == 1 ? "fil" : "filer");
        goto done;
    }
    if (reports == 0) {
        fprintf(stderr, "skranken export-xapi: ingen rapporter å eksportere%s\n",
                skipped ? " (bare eksamenssammendrag eller kopier)" : "");
        goto done;
    }
    json = xapi_batch_render(batch);
    if (out) {
        if (file_write_new(out, json, strlen(json), err, sizeof err) != 0) {
            fprintf(stderr, "skranken export-xapi: %s\n", err);
            goto done;
        }
    } else if (fputs(json, stdout) == EOF || fflush(stdout) != 0) {
        fprintf(stderr, "skranken export-xapi: kan ikke skrive utsagnene til standard ut\n");
        goto done;
    }
    fprintf(stderr, "skranken export-xapi: %zu utsagn fra %zu %s%s%s\n", xapi_batch_count(batch),
            reports, reports == 1 ? "rapport" : "rapporter", out ? " skrevet til " : "",
            out ? out : "");
    rc = 0;
done:
    free(json);
    xapi_batch_free(batch);
    strlist_free(&files);
    strlist_free(&problems);
    free(pos);
    return rc;
}
