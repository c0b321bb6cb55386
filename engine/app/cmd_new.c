/* skranken new NAME: writes a commented template scenario (assets/templates/
 * scenario.lua with its id set to NAME) as NAME.lua, never over an existing
 * file. The template loads, plays and passes `skranken check` as written. */
#include "commands.h"
#include "paths.h"
#include "core/file.h"
#include "core/strbuf.h"
#include "script/scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The id in the template that NAME replaces (every occurrence). */
#define TEMPLATE_ID "skranken-mal"
#define MAX_NAME 64

static void print_new_help(void)
{
    puts("Bruk: skranken new NAVN [--dir MAPPE]\n"
         "\n"
         "Skriver et kommentert malscenario til NAVN.lua (i MAPPE, ellers i mappen du står\n"
         "i) med id NAVN: en pasient ved skranken, en telefon med et valg, en\n"
         "taushetsfelle, variasjon med frøet og poeng. Malen består «skranken check»\n"
         "slik den er. En fil som finnes, skrives aldri over.\n"
         "\n"
         "NAVN er scenarioets id og filnavn: små bokstaver a-z, sifre og bindestrek\n"
         "(høyst 64 tegn), for eksempel min-vakt.\n"
         "\n"
         "  --dir MAPPE   skriv fila i MAPPE (mappen må finnes)\n"
         "\n"
         "Avslutningskoder: 0 fila er skrevet, 2 feil bruk, fila finnes fra før eller\n"
         "kan ikke skrives. Se docs/authoring.md.");
}

/* Letters a-z, digits and '-', starting with a letter or digit, not ending in '-'. */
static int valid_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > MAX_NAME || name[0] == '-' || name[n - 1] == '-')
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return 1;
}

/* The template with every TEMPLATE_ID replaced by name (caller frees). */
static char *fill_template(const char *text, const char *name)
{
    StrBuf out;
    strbuf_init(&out);
    size_t idlen = strlen(TEMPLATE_ID);
    const char *p = text, *hit;
    while ((hit = strstr(p, TEMPLATE_ID))) {
        strbuf_addn(&out, p, (size_t)(hit - p));
        strbuf_add(&out, name);
        p = hit + idlen;
    }
    strbuf_add(&out, p);
    return out.data;
}

int cmd_new(int argc, char **argv)
{
    CliOption opts[] = {
        {"--dir", 1, NULL, 0},
        {"--help", 0, NULL, 0},
        {NULL, 0, NULL, 0},
    };
    const char *pos[1];
    int npos = 0;
    if (cli_parse("new", argc, argv, 2, opts, pos, 1, &npos) != 0)
        return 2;
    if (cli_option(opts, "--help")->seen) {
        print_new_help();
        return 0;
    }
    if (npos != 1)
        return cli_usage_error("new", "NAVN mangler");
    const char *name = pos[0];
    size_t n = strlen(name);
    if (n > 4 && strcmp(name + n - 4, ".lua") == 0)
        return cli_usage_error("new", "skriv NAVN uten .lua («%.*s»)",
                               (int)(n - 4 > 60 ? 60 : n - 4), name);
    if (!valid_name(name))
        return cli_usage_error("new", "«%.60s» er ikke et gyldig navn: bruk små bokstaver a-z, "
                                      "sifre og bindestrek (høyst %d tegn)",
                               name, MAX_NAME);
    const char *dir = cli_option(opts, "--dir")->value;

    int rc = 2;
    char err[2048];
    char *text = NULL, *filled = NULL;
    size_t len = 0;
    StrBuf template_path, path;
    strbuf_init(&template_path);
    strbuf_init(&path);
    strbuf_addf(&template_path, "%s/templates/scenario.lua", paths_assets_dir());
    struct stat st;
    if (dir && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        fprintf(stderr, "skranken new: %s: mappen finnes ikke\n", dir);
        goto done;
    }
    if (dir)
        strbuf_addf(&path, "%s%s%s.lua", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    else
        strbuf_addf(&path, "%s.lua", name);
    if (file_exists(path.data)) {
        fprintf(stderr, "skranken new: %s: finnes allerede (skrives aldri over)\n", path.data);
        goto done;
    }
    if (file_read_all(template_path.data, SCENARIO_MAX_SOURCE, &text, &len, err, sizeof err) !=
        0) {
        fprintf(stderr, "skranken new: malen mangler: %s\n", err);
        goto done;
    }
    if (!strstr(text, TEMPLATE_ID)) {
        fprintf(stderr, "skranken new: %s: er ikke malen (id-en %s står ikke i den)\n",
                template_path.data, TEMPLATE_ID);
        goto done;
    }
    filled = fill_template(text, name);
    if (file_write_new(path.data, filled, strlen(filled), err, sizeof err) != 0) {
        fprintf(stderr, "skranken new: %s\n", err);
        goto done;
    }
    printf("Skrev %s – et kommentert malscenario med id «%s».\n"
           "Neste steg:\n"
           "  skranken check %s                 sjekk det (gjør det etter hver endring)\n"
           "  skranken play %s                  spill det i vinduet (F5 laster inn på nytt)\n"
           "  skranken run %s --inputs FIL      spill det uten vindu fra innspilte handlinger\n"
           "Veiledning: docs/authoring.md.\n",
           path.data, name, path.data, path.data, path.data);
    rc = 0;
done:
    free(text);
    free(filled);
    strbuf_free(&template_path);
    strbuf_free(&path);
    return rc;
}
