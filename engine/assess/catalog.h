/* The competence catalog: the goals a scenario can be scored against. Format:
 * docs/catalog.md. */
#ifndef SKRANKEN_CATALOG_H
#define SKRANKEN_CATALOG_H

#include <stddef.h>

typedef struct CatalogGoal {
    char *id, *subject, *title, *description;
    int working_paraphrase;       /* 1 for our own words, not an official text */
    char *official_code;          /* "KM1234" when a school has mapped it, else NULL */
    char *official_uri, *official_title;
} CatalogGoal;

typedef struct Catalog {
    char *id, *title, *notice;
    int working_paraphrase;
    CatalogGoal *goals;
    size_t goal_count;
} Catalog;

#define CATALOG_MAX_BYTES ((size_t)4 << 20)

/* Reads and checks a catalog file. NULL with "file:line: message" in err. */
Catalog *catalog_load(const char *path, char *err, size_t errsize);
/* The same for text already in memory; name is used in messages. */
Catalog *catalog_parse(const char *text, size_t len, const char *name, char *err,
                       size_t errsize);
void catalog_free(Catalog *catalog);
const CatalogGoal *catalog_find(const Catalog *catalog, const char *id);

#endif
