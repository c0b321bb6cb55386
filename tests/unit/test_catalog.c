/* The competence catalog (engine/assess/catalog.h, docs/catalog.md): the shipped
 * assets/catalog.json, and every way catalog_parse refuses a file. The shipped
 * file's path comes from CMake (SKRANKEN_CATALOG_PATH) or argv[1]. */
#include "assess/catalog.h"

#include "check.h"

#include <stdlib.h>
#include <unistd.h>

#ifndef SKRANKEN_CATALOG_PATH
#define SKRANKEN_CATALOG_PATH "assets/catalog.json"
#endif

/* JSON that must be refused with a message containing want. */
#define EXPECT_BAD_LEN(text, len, want)                                                 \
    do {                                                                                \
        char e_[512] = "";                                                              \
        Catalog *c_ = catalog_parse((text), (len), "k.json", e_, sizeof e_);            \
        CHECK(c_ == NULL);                                                              \
        if (!strstr(e_, (want)))                                                        \
            fprintf(stderr, "  message was: %s\n", e_);                                 \
        CHECK(strstr(e_, (want)) != NULL);                                              \
        catalog_free(c_);                                                               \
    } while (0)
#define EXPECT_BAD(text, want) EXPECT_BAD_LEN((text), strlen(text), (want))

/* A valid catalog around the given goals array body. */
#define HEAD "{\"format\": \"skranken-catalog\", \"format_version\": 1, \"id\": \"k\", "
#define WRAP(goals) HEAD "\"goals\": [" goals "]}"
#define GOAL(id, subject) "{\"id\": \"" id "\", \"subject\": \"" subject "\", \"title\": \"T\"}"

/* Rule: the shipped catalog loads; it has 25-40 goals, each with subject
 * HSE3005, HSE3006 or HSE3007 (no HSE3008, which has no goals of its own), each
 * marked working_paraphrase, as is the catalog, with a notice; ids are
 * "hseNNNN.slug" with the subject's code; catalog_find finds each one. */
static void test_shipped(const char *path)
{
    char err[512] = "";
    Catalog *c = catalog_load(path, err, sizeof err);
    CHECK(c != NULL);
    if (!c) {
        fprintf(stderr, "  %s\n", err);
        return;
    }
    CHECK(c->goal_count >= 25 && c->goal_count <= 40);
    CHECK_INT(c->working_paraphrase, 1);
    CHECK(c->notice != NULL && strlen(c->notice) > 0);
    CHECK_STR(c->id, "skranken-arbeidsmal");
    int per_subject[3] = {0, 0, 0};
    for (size_t i = 0; i < c->goal_count; i++) {
        const CatalogGoal *g = &c->goals[i];
        int s = -1;
        if (strcmp(g->subject, "HSE3005") == 0)
            s = 0;
        else if (strcmp(g->subject, "HSE3006") == 0)
            s = 1;
        else if (strcmp(g->subject, "HSE3007") == 0)
            s = 2;
        CHECK(s >= 0);
        if (s >= 0)
            per_subject[s]++;
        CHECK_INT(g->working_paraphrase, 1);
        CHECK(g->title && *g->title);
        CHECK(g->description && *g->description);
        /* the id starts with the subject in lower case and a dot */
        char prefix[16];
        snprintf(prefix, sizeof prefix, "hse%s.", g->subject + 3);
        CHECK(strncmp(g->id, prefix, strlen(prefix)) == 0);
        CHECK(strlen(g->id) <= 64);
        /* no official mapping is shipped */
        CHECK(g->official_code == NULL);
        CHECK(catalog_find(c, g->id) == g);
    }
    /* every subject has goals */
    CHECK(per_subject[0] > 0 && per_subject[1] > 0 && per_subject[2] > 0);
    const CatalogGoal *t = catalog_find(c, "hse3006.taushetsplikt");
    CHECK(t != NULL);
    if (t)
        CHECK_STR(t->subject, "HSE3006");
    CHECK(catalog_find(c, "hse3006.taushet") == NULL);
    CHECK(catalog_find(c, "HSE3006.TAUSHETSPLIKT") == NULL);
    CHECK(catalog_find(c, NULL) == NULL);
    CHECK(catalog_find(NULL, "hse3006.taushetsplikt") == NULL);
    catalog_free(c);
}

/* Rule: a small valid catalog parses with all its fields. */
static void test_minimal(void)
{
    char err[512] = "";
    const char *text = WRAP(GOAL("hse3005.a", "HSE3005") ", " GOAL("hse3008.b", "HSE3008"));
    Catalog *c = catalog_parse(text, strlen(text), "k.json", err, sizeof err);
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(c->goal_count, 2);
        CHECK_STR(c->goals[0].id, "hse3005.a");
        CHECK_STR(c->goals[1].subject, "HSE3008"); /* accepted by the loader */
        CHECK_INT(c->goals[0].working_paraphrase, 0);
        CHECK(c->goals[0].description == NULL);
        CHECK(c->notice == NULL);
    }
    catalog_free(c);
}

/* Rule: an "official" object gives code, uri and title; the title may be a
 * string or an object whose "nob" is used (falling back to "default"). */
static void test_official(void)
{
    char err[512] = "";
    const char *text = WRAP(
        "{\"id\": \"hse3006.a\", \"subject\": \"HSE3006\", \"title\": \"T\", \"official\": "
        "{\"code\": \"KM1234\", \"uri\": \"http://psi.udir.no/kl06/KM1234\", "
        "\"title\": {\"eng\": \"English\", \"nob\": \"Bokmål\"}}},"
        "{\"id\": \"hse3006.b\", \"subject\": \"HSE3006\", \"title\": \"T\", \"official\": "
        "{\"code\": \"KM5678\", \"title\": \"Ren tekst\"}},"
        "{\"id\": \"hse3006.c\", \"subject\": \"HSE3006\", \"title\": \"T\", \"official\": "
        "{\"code\": \"KM9\", \"title\": {\"default\": \"Standard\"}}},"
        "{\"id\": \"hse3006.d\", \"subject\": \"HSE3006\", \"title\": \"T\", \"official\": "
        "\"KM1\"}");
    Catalog *c = catalog_parse(text, strlen(text), "k.json", err, sizeof err);
    CHECK(c != NULL);
    if (!c) {
        fprintf(stderr, "  %s\n", err);
        return;
    }
    const CatalogGoal *a = catalog_find(c, "hse3006.a");
    const CatalogGoal *b = catalog_find(c, "hse3006.b");
    const CatalogGoal *cc = catalog_find(c, "hse3006.c");
    const CatalogGoal *d = catalog_find(c, "hse3006.d");
    CHECK(a && b && cc && d);
    if (a && b && cc && d) {
        CHECK_STR(a->official_code, "KM1234");
        CHECK_STR(a->official_uri, "http://psi.udir.no/kl06/KM1234");
        CHECK_STR(a->official_title, "Bokmål");
        CHECK_STR(b->official_code, "KM5678");
        CHECK(b->official_uri == NULL);
        CHECK_STR(b->official_title, "Ren tekst");
        CHECK_STR(cc->official_title, "Standard");
        /* "official" that is not an object is ignored */
        CHECK(d->official_code == NULL);
        CHECK(d->official_title == NULL);
    }
    catalog_free(c);
}

/* Rule: the loader rejects invalid JSON (naming file and line), the wrong
 * format or format_version, no goals, and a goal with a missing or invalid id,
 * a duplicate id, an unknown subject or a missing or empty title. */
static void test_errors(void)
{
    /* invalid JSON: the error is on line 3 */
    EXPECT_BAD("{\n  \"format\": \"skranken-catalog\",\n  \"format_version\": 1,,\n}",
               "k.json:3: ikke gyldig JSON");
    /* truncated: the file ends inside the goals array (line 2) */
    EXPECT_BAD(HEAD "\n\"goals\": [" GOAL("hse3005.a", "HSE3005") ", {\"id\": \"hse",
               "k.json:2: ikke gyldig JSON");
    /* empty text and only whitespace */
    EXPECT_BAD_LEN("", 0, "k.json:1: ikke gyldig JSON");
    EXPECT_BAD("\n\n   ", "k.json:");
    /* binary garbage with NULs; then text after a complete JSON value, which
     * makes the file invalid JSON too (a second document, a stray brace) */
    {
        const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\xff\xfe\n\x00\x13";
        EXPECT_BAD_LEN(bin, sizeof bin - 1, "k.json:1: ikke gyldig JSON");
    }
    EXPECT_BAD(WRAP(GOAL("hse3005.a", "HSE3005")) "\n\n}garbage", "k.json:3: ikke gyldig JSON");
    EXPECT_BAD(WRAP(GOAL("hse3005.a", "HSE3005")) " " WRAP(GOAL("hse3005.b", "HSE3005")),
               "k.json:1: ikke gyldig JSON");

    /* the top level */
    EXPECT_BAD("[]", "ikke en Skranken-katalog");
    EXPECT_BAD("{\"format\": \"skranken-scenario\", \"format_version\": 1, \"goals\": ["
               GOAL("hse3005.a", "HSE3005") "]}",
               "ikke en Skranken-katalog");
    EXPECT_BAD("{\"format_version\": 1, \"goals\": [" GOAL("hse3005.a", "HSE3005") "]}",
               "k.json: ikke en Skranken-katalog");
    EXPECT_BAD("{\"format\": \"skranken-catalog\", \"format_version\": 2, \"goals\": ["
               GOAL("hse3005.a", "HSE3005") "]}",
               "ukjent format_version");
    EXPECT_BAD("{\"format\": \"skranken-catalog\", \"format_version\": \"1\", \"goals\": ["
               GOAL("hse3005.a", "HSE3005") "]}",
               "ukjent format_version");
    EXPECT_BAD("{\"format\": \"skranken-catalog\", \"goals\": [" GOAL("hse3005.a", "HSE3005") "]}",
               "ukjent format_version");
    /* format_version is an integer: 1.5 is not 1 */
    EXPECT_BAD("{\"format\": \"skranken-catalog\", \"format_version\": 1.5, \"goals\": ["
               GOAL("hse3005.a", "HSE3005") "]}",
               "ukjent format_version");
    EXPECT_BAD(WRAP(""), "\"goals\" mangler eller er tom");
    EXPECT_BAD(HEAD "\"goals\": {}}", "\"goals\" mangler eller er tom");
    EXPECT_BAD(HEAD "\"x\": 1}", "\"goals\" mangler eller er tom");

    /* goals */
    EXPECT_BAD(WRAP(GOAL("hse3005.a", "HSE3005") "," GOAL("hse3005.a", "HSE3006")),
               "målet «hse3005.a» står to ganger");
    EXPECT_BAD(WRAP(GOAL("hse3005.a", "HSE3005") "," GOAL("hse3005 b", "HSE3005")),
               "mål nr. 2 mangler en gyldig \"id\"");
    EXPECT_BAD(WRAP(GOAL("hse3005/a", "HSE3005")), "mål nr. 1 mangler en gyldig \"id\"");
    EXPECT_BAD(WRAP(GOAL("hse3005.å", "HSE3005")), "mål nr. 1 mangler en gyldig \"id\"");
    EXPECT_BAD(WRAP(GOAL("", "HSE3005")), "mål nr. 1 mangler en gyldig \"id\"");
    EXPECT_BAD(WRAP("{\"subject\": \"HSE3005\", \"title\": \"T\"}"), "mangler en gyldig \"id\"");
    EXPECT_BAD(WRAP("{\"id\": 7, \"subject\": \"HSE3005\", \"title\": \"T\"}"),
               "mangler en gyldig \"id\"");
    EXPECT_BAD(WRAP("\"hse3005.a\""), "mål nr. 1 mangler en gyldig \"id\"");
    EXPECT_BAD(WRAP(GOAL("hse3005.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                         "HSE3005")),
               "mangler en gyldig \"id\""); /* 65 characters */
    EXPECT_BAD(WRAP(GOAL("hse3005.a", "HSE9999")), "målet «hse3005.a» har ukjent \"subject\"");
    EXPECT_BAD(WRAP(GOAL("hse3005.a", "hse3005")), "har ukjent \"subject\"");
    EXPECT_BAD(WRAP("{\"id\": \"hse3005.a\", \"title\": \"T\"}"), "har ukjent \"subject\"");
    EXPECT_BAD(WRAP("{\"id\": \"hse3005.a\", \"subject\": \"HSE3005\"}"),
               "målet «hse3005.a» mangler \"title\"");
    EXPECT_BAD(WRAP("{\"id\": \"hse3005.a\", \"subject\": \"HSE3005\", \"title\": \"\"}"),
               "målet «hse3005.a» mangler \"title\"");
    EXPECT_BAD(WRAP("{\"id\": \"hse3005.a\", \"subject\": \"HSE3005\", \"title\": 3}"),
               "mangler \"title\"");
}

/* Rule: catalog_load names the path for a missing file and an empty file. */
static void test_load_errors(void)
{
    char err[512] = "";
    CHECK(catalog_load("/tmp/skranken-no-such-dir/catalog.json", err, sizeof err) == NULL);
    CHECK(strstr(err, "/tmp/skranken-no-such-dir/catalog.json: filen finnes ikke") != NULL);
    char path[] = "/tmp/skranken-test-catalog-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        close(fd);
        CHECK(catalog_load(path, err, sizeof err) == NULL);
        CHECK(strstr(err, path) != NULL);
        CHECK(strstr(err, "filen er tom") != NULL);
        unlink(path);
    }
}

int main(int argc, char **argv)
{
    test_shipped(argc > 1 ? argv[1] : SKRANKEN_CATALOG_PATH);
    test_minimal();
    test_official();
    test_errors();
    test_load_errors();
    return check_finish("test_catalog");
}
