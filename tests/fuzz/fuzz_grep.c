/* Fuzzes the Grep importer (docs/curriculum.md): Udir's curriculum JSON and the
 * school's goal mapping, both read from the same bytes. */
#include "fuzz.h"

#include "assess/grep_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    char err[512] = "";
    GrepImport *g = grep_parse(text, size, "fuzz.json", err, sizeof err);
    if (g) {
        char *catalog = grep_render_catalog(g, "fuzz.json");
        char *summary = grep_summary(g);
        free(catalog);
        free(summary);
        grep_free(g);
    } else if (strncmp(err, "fuzz.json", 9) != 0) {
        abort();
    }
    Mapping *m = mapping_parse(text, size, "fuzz-map.json", err, sizeof err);
    if (m)
        mapping_free(m);
    else if (strncmp(err, "fuzz-map.json", 13) != 0)
        abort();
    free(text);
    return 0;
}
