/* Official competence goals from Udir's curriculum database Grep (data.udir.no,
 * JSON), and a school's mapping from our working goals to them. Formats and the
 * whole path for a school: docs/curriculum.md.
 *
 * Grep files are taken exactly as Udir serves them. The kind is read from the
 * file itself ("grep-type", else its shape): a competence-goal set
 * (kompetansemaalsett), a curriculum (laereplan) or a single competence goal
 * (kompetansemaal). Any other Grep object (a kjerneelement, ...) is refused. */
#ifndef SKRANKEN_GREP_IMPORT_H
#define SKRANKEN_GREP_IMPORT_H

#include "catalog.h"

#include <stddef.h>

/* Grep files and mappings larger than this are refused. */
#define GREP_MAX_BYTES ((size_t)16 << 20)

/* One text per language, in the file's order: lang is Grep's "spraak"
 * ("default", "nob", "nno", "eng", "sme", ...). A plain string in a reference is
 * kept as "default". */
typedef struct GrepText {
    char *lang, *text;
} GrepText;

typedef struct GrepTitle {
    GrepText *items;
    size_t count;
} GrepTitle;

typedef enum GrepKind {
    GREP_GOAL_SET,   /* kompetansemaalsett: a list of goals */
    GREP_CURRICULUM, /* laereplan: refers to its goal sets */
    GREP_GOAL,       /* kompetansemaal: one goal */
} GrepKind;

/* Grep's name for a kind: "kompetansemaalsett", "laereplan", "kompetansemaal". */
const char *grep_kind_name(GrepKind kind);

/* A reference to another Grep object (a goal set, a curriculum, a subject). */
typedef struct GrepRef {
    char *code, *uri, *url_data;
    GrepTitle title;
} GrepRef;

typedef struct GrepGoal {
    char *code, *uri, *url_data; /* "KM98", "http://psi.udir.no/kl06/KM98", ... */
    GrepTitle title;
    char *set_code;              /* the goal set it belongs to, when known */
} GrepGoal;

typedef struct GrepSet {
    GrepRef ref;
    size_t inline_goals; /* goals of this set present in the file */
} GrepSet;

typedef struct GrepImport {
    GrepKind kind;
    char *grep_type, *status;
    GrepRef self;        /* code, uri, url-data and title of the file's object */
    GrepRef *curriculum; /* tilhoerer-laereplan, when given */
    GrepRef *subjects;   /* etter-fag of a goal set */
    size_t subject_count;
    GrepSet *sets;       /* a curriculum's goal sets; a goal's own set */
    size_t set_count;
    GrepGoal *goals;     /* every goal present in the file, in order */
    size_t goal_count;
} GrepImport;

/* Parses Grep JSON. NULL with "name[:line]: message" (bokmål) in err. */
GrepImport *grep_parse(const char *text, size_t len, const char *name, char *err,
                       size_t errsize);
/* Reads an official file: Grep JSON, or a catalog written by grep_render_catalog
 * (so a mapping may name either). Empty, binary, huge or missing files are refused
 * with a message naming the file. */
GrepImport *grep_load(const char *path, char *err, size_t errsize);
void grep_free(GrepImport *g);
const GrepGoal *grep_find_goal(const GrepImport *g, const char *code);
/* The text for a language ("nob", ...), else "default", else the first; NULL if none. */
const char *grep_title_pick(const GrepTitle *t, const char *lang);

/* The official catalog (docs/curriculum.md): "format": "skranken-catalog",
 * "kind": "official", with every goal's code, URI and titles in every language,
 * a curriculum's goal sets, and a "note" when the goals are not in the file.
 * source_name is recorded without its folders. Caller frees. */
char *grep_render_catalog(const GrepImport *g, const char *source_name);
/* One line for people: kind, code, how many goals and which codes. Caller frees. */
char *grep_summary(const GrepImport *g);

/* A school's mapping: our working goal ids -> official codes. */
typedef struct MappingEntry {
    char *goal_id;
    char **codes;
    size_t code_count;
    int line; /* of the entry in the mapping file, 0 if unknown */
} MappingEntry;

typedef struct Mapping {
    char *name;             /* the file, for messages */
    char *official_catalog; /* as written in the file, NULL if absent */
    MappingEntry *entries;
    size_t count;
} Mapping;

/* Parses and checks the format ("skranken-mapping", version 1, "map" of id ->
 * non-empty list of distinct codes). NULL with "name[:line]: message" in err. */
Mapping *mapping_parse(const char *text, size_t len, const char *name, char *err,
                       size_t errsize);
Mapping *mapping_load(const char *path, char *err, size_t errsize);
void mapping_free(Mapping *m);
/* The official file named by "official_catalog", relative to the mapping file's
 * folder (or absolute). NULL with a message if the mapping names none. */
char *mapping_official_path(const Mapping *m, char *err, size_t errsize);
/* Every id is a goal of the working catalog and every code a goal of the official
 * file. 0, or -1 with "mapping[:line]: message" naming the entry. */
int mapping_check(const Mapping *m, const Catalog *working, const char *working_name,
                  const GrepImport *official, const char *official_name, char *err,
                  size_t errsize);
/* Fills official_code/uri/title of the mapped goals in a loaded catalog (the first
 * code of each entry; other goals lose theirs). Checks first, like mapping_check. */
int mapping_apply(const Mapping *m, Catalog *working, const char *working_name,
                  const GrepImport *official, const char *official_name, char *err,
                  size_t errsize);
/* The working catalog text with "official" (first code) and "official_all" (every
 * code) on each mapped goal, and "official_source" on the catalog; every other
 * field is kept. NULL with a message if the catalog or the mapping is wrong.
 * Caller frees. */
char *mapping_render_catalog(const Mapping *m, const char *working_text, size_t working_len,
                             const char *working_name, const GrepImport *official,
                             const char *official_name, char *err, size_t errsize);

/* What «skranken catalog import» does, short of writing (docs/curriculum.md):
 * - file is Grep JSON, no map: the official catalog (grep_render_catalog);
 * - file is Grep JSON (or an official catalog) and a map: the working catalog
 *   (catalog, else default_catalog) with the mapping's official objects, the codes
 *   checked against file;
 * - file is our working catalog and a map: the same, the codes checked against
 *   the mapping's "official_catalog".
 * On success *output is the file to write and *summary one line for people (both
 * freed by the caller). -1 with a message naming the file otherwise. */
typedef struct CatalogImportJob {
    const char *file;            /* FILE */
    const char *map;             /* --map, or NULL */
    const char *catalog;         /* --catalog, or NULL */
    const char *default_catalog; /* the shipped assets/catalog.json */
} CatalogImportJob;

int catalog_import(const CatalogImportJob *job, char **output, char **summary, char *err,
                   size_t errsize);

#endif
