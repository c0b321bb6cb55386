/* Fuzzes the competence catalog loader (docs/catalog.md). */
#include "fuzz.h"

#include "assess/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    char err[512] = "";
    Catalog *c = catalog_parse(text, size, "fuzz.json", err, sizeof err);
    if (c) {
        for (size_t i = 0; i < c->goal_count; i++)
            if (catalog_find(c, c->goals[i].id) == NULL)
                abort(); /* every goal it accepted can be found */
        catalog_free(c);
    } else if (strncmp(err, "fuzz.json", 9) != 0) {
        abort();
    }
    free(text);
    return 0;
}
