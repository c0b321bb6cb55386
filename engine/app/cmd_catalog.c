/* skranken catalog import: official competence goals from Udir's Grep JSON, and a
 * school's mapping of our working goals onto them (docs/curriculum.md). */
#include "commands.h"
#include "paths.h"
#include "assess/grep_import.h"
#include "core/file.h"
#include "core/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_catalog_help(FILE *out)
{
    fputs("Bruk: skranken catalog import FIL.json [--out FIL] [--map MAPPING.json]\n"
         "                               [--catalog FIL]\n"
         "\n"
         "Leser Grep-JSON fra Udir (data.udir.no): et kompetansemålsett, en læreplan eller\n"
         "ett kompetansemål, og skriver en Skranken-katalog med de offisielle kodene (KMnnn),\n"
         "URI-ene og titlene på alle språkene i filen. En læreplan viser bare til\n"
         "kompetansemålsettene sine; importer hvert sett fra sin egen fil.\n"
         "\n"
         "Med --map skrives i stedet arbeidskatalogen vår med de offisielle kodene fylt inn\n"
         "(«official» på hvert koblet mål); bruk den med «skranken run --catalog». FIL kan da\n"
         "også være arbeidskatalogen selv; de offisielle målene hentes da fra mappingens\n"
         "\"official_catalog\". Se docs/curriculum.md.\n"
         "\n"
         "  --out FIL           skriv hit i stedet for til standard ut (aldri over en fil)\n"
         "  --map MAPPING.json  kobling fra arbeidsmål til offisielle koder\n"
         "  --catalog FIL       arbeidskatalogen med --map (standard assets/catalog.json)\n"
         "\n"
         "En linje om hva som ble lest, skrives til standard feil.\n"
         "Avslutningskoder: 0 ok, 2 feil bruk eller fil som ikke kan leses eller er feil.\n",
          out);
}

static int catalog_import_cmd(int argc, char **argv)
{
    CliOption opts[] = {
        {"--out", 1, NULL, 0},     {"--map", 1, NULL, 0}, {"--catalog", 1, NULL, 0},
        {"--help", 0, NULL, 0},    {NULL, 0, NULL, 0},
    };
    const char *pos[1];
    int npos = 0;
    if (cli_parse("catalog import", argc, argv, 3, opts, pos, 1, &npos) != 0)
        return 2;
    if (cli_option(opts, "--help")->seen) {
        print_catalog_help(stdout);
        return 0;
    }
    if (npos != 1)
        return cli_usage_error("catalog import", "FIL.json mangler");
    const char *out = cli_option(opts, "--out")->value;
    const char *map = cli_option(opts, "--map")->value;
    const char *catalog = cli_option(opts, "--catalog")->value;
    if (catalog && !map)
        return cli_usage_error("catalog import", "--catalog brukes bare sammen med --map");
    if (out && file_exists(out)) {
        fprintf(stderr, "skranken catalog import: %s: finnes allerede (skrives aldri over)\n",
                out);
        return 2;
    }

    StrBuf def;
    strbuf_init(&def);
    strbuf_addf(&def, "%s/catalog.json", paths_assets_dir());
    CatalogImportJob job = {pos[0], map, catalog, def.data};
    char err[2048], *text = NULL, *summary = NULL;
    int rc = 2;
    if (catalog_import(&job, &text, &summary, err, sizeof err) != 0) {
        fprintf(stderr, "skranken catalog import: %s\n", err);
        goto done;
    }
    if (out) {
        if (file_write_new(out, text, strlen(text), err, sizeof err) != 0) {
            fprintf(stderr, "skranken catalog import: %s\n", err);
            goto done;
        }
    } else if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
        fprintf(stderr, "skranken catalog import: kunne ikke skrive til standard ut\n");
        goto done;
    }
    fprintf(stderr, "skranken catalog: %s%s%s\n", summary, out ? " → " : "", out ? out : "");
    rc = 0;
done:
    free(text);
    free(summary);
    strbuf_free(&def);
    return rc;
}

int cmd_catalog(int argc, char **argv)
{
    if (argc < 3)
        return cli_usage_error("catalog", "underkommando mangler («skranken catalog import "
                                          "FIL.json»)");
    const char *sub = argv[2];
    if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
        print_catalog_help(stdout);
        return 0;
    }
    if (strcmp(sub, "import") == 0)
        return catalog_import_cmd(argc, argv);
    fprintf(stderr, "skranken catalog: ukjent underkommando «%.60s» (se «skranken catalog "
                    "--help»)\n", sub);
    return 2;
}
