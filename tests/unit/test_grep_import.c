/* The Grep importer and school mappings (engine/assess/grep_import.h,
 * docs/curriculum.md): Udir's four sample files exactly as published (copies in
 * tests/fixtures/grep, path from CMake as SKRANKEN_GREP_SAMPLES), every way a
 * file is refused, and mappings onto the shipped catalog (SKRANKEN_CATALOG_PATH).
 * Scratch files go to a fresh mkdtemp folder that is removed at the end. */
#include "assess/grep_import.h"

#include "check.h"

#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef SKRANKEN_GREP_SAMPLES
#define SKRANKEN_GREP_SAMPLES "tests/fixtures/grep"
#endif
#ifndef SKRANKEN_CATALOG_PATH
#define SKRANKEN_CATALOG_PATH "assets/catalog.json"
#endif

static char tmp[] = "/tmp/skranken-test-grep-XXXXXX";

static char *sample(const char *file)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", SKRANKEN_GREP_SAMPLES, file);
    return path;
}

static char *scratch(const char *file)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmp, file);
    return path;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fwrite(data, 1, len, f);
    fclose(f);
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static int has_lang(const GrepTitle *t, const char *lang)
{
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->items[i].lang, lang) == 0)
            return 1;
    return 0;
}

/* Grep text that must be refused with a message containing want. */
#define EXPECT_BAD_GREP(text, want)                                                      \
    do {                                                                                 \
        char e_[1024] = "";                                                              \
        GrepImport *g_ = grep_parse((text), strlen(text), "g.json", e_, sizeof e_);      \
        CHECK(g_ == NULL);                                                               \
        if (!strstr(e_, (want)))                                                         \
            fprintf(stderr, "  %s:%d: message was: %s\n", __FILE__, __LINE__, e_);       \
        CHECK(strstr(e_, (want)) != NULL);                                               \
        grep_free(g_);                                                                   \
    } while (0)

/* A file that grep_load must refuse with a message containing want. */
#define EXPECT_BAD_FILE(path, want)                                                      \
    do {                                                                                 \
        char e_[1024] = "";                                                              \
        GrepImport *g_ = grep_load((path), e_, sizeof e_);                               \
        CHECK(g_ == NULL);                                                               \
        if (!strstr(e_, (want)))                                                         \
            fprintf(stderr, "  %s:%d: message was: %s\n", __FILE__, __LINE__, e_);       \
        CHECK(strstr(e_, (want)) != NULL);                                               \
        grep_free(g_);                                                                   \
    } while (0)

#define EXPECT_BAD_MAP(text, want)                                                       \
    do {                                                                                 \
        char e_[1024] = "";                                                              \
        Mapping *m_ = mapping_parse((text), strlen(text), "m.json", e_, sizeof e_);      \
        CHECK(m_ == NULL);                                                               \
        if (!strstr(e_, (want)))                                                         \
            fprintf(stderr, "  %s:%d: message was: %s\n", __FILE__, __LINE__, e_);       \
        CHECK(strstr(e_, (want)) != NULL);                                               \
        mapping_free(m_);                                                                \
    } while (0)

static GrepImport *load_ok(const char *path)
{
    char err[1024] = "";
    GrepImport *g = grep_load(path, err, sizeof err);
    if (!g)
        fprintf(stderr, "  %s\n", err);
    CHECK(g != NULL);
    return g;
}

/* Rule: the official catalog written from a Grep file reads back (grep_load
 * takes it as an official file) with the same codes, URIs and languages. */
static void check_round_trip(const GrepImport *g, const char *name)
{
    char *text = grep_render_catalog(g, name);
    CHECK(strstr(text, "\"format\":\t\"skranken-catalog\"") != NULL);
    CHECK(strstr(text, "\"kind\":\t\"official\"") != NULL);
    CHECK(strstr(text, "\"working_paraphrase\":\tfalse") != NULL);
    write_file(scratch("round.json"), text, strlen(text));
    free(text);
    GrepImport *back = load_ok(scratch("round.json"));
    if (back) {
        CHECK_INT(back->kind, g->kind);
        CHECK_STR(back->self.code, g->self.code);
        CHECK_INT(back->goal_count, g->goal_count);
        for (size_t i = 0; i < g->goal_count && i < back->goal_count; i++) {
            CHECK_STR(back->goals[i].code, g->goals[i].code);
            CHECK_STR(back->goals[i].uri, g->goals[i].uri);
            CHECK_INT(back->goals[i].title.count, g->goals[i].title.count);
            for (size_t k = 0; k < g->goals[i].title.count; k++)
                CHECK_STR(grep_title_pick(&back->goals[i].title, g->goals[i].title.items[k].lang),
                          g->goals[i].title.items[k].text);
        }
    }
    grep_free(back);
    unlink(scratch("round.json"));
}

/* Rule: a competence-goal set gives its goals with codes, URIs, titles and the
 * set, and names its curriculum and subject. */
static void test_goal_set(void)
{
    GrepImport *g = load_ok(sample("KMS9.json"));
    if (!g)
        return;
    CHECK_INT(g->kind, GREP_GOAL_SET);
    CHECK_STR(grep_kind_name(g->kind), "kompetansemaalsett");
    CHECK_STR(g->self.code, "KV9");
    CHECK_STR(g->self.uri, "http://psi.udir.no/kl06/KV9");
    CHECK_INT(g->self.title.count, 2);
    CHECK(has_lang(&g->self.title, "default") && has_lang(&g->self.title, "nno"));
    CHECK_STR(grep_title_pick(&g->self.title, "nno"), "Kompetansemål og vurdering 10. trinn");
    CHECK_INT(g->goal_count, 2);
    if (g->goal_count == 2) {
        CHECK_STR(g->goals[0].code, "KM98");
        CHECK_STR(g->goals[0].uri, "http://psi.udir.no/kl06/KM98");
        CHECK_STR(g->goals[0].url_data,
                  "http://data.udir.no/kl06/v201906/kompetansemaal-lk20/KM98");
        CHECK_STR(g->goals[0].set_code, "KV9");
        CHECK_INT(g->goals[0].title.count, 1);
        CHECK_STR(g->goals[0].title.items[0].lang, "default");
        CHECK(strncmp(grep_title_pick(&g->goals[0].title, "nob"), "utforske og bruke kvadrat",
                      25) == 0);
        CHECK_STR(g->goals[1].code, "KM99");
        CHECK_STR(g->goals[1].uri, "http://psi.udir.no/kl06/KM99");
    }
    CHECK(grep_find_goal(g, "KM99") == &g->goals[1]);
    CHECK(grep_find_goal(g, "KM1") == NULL);
    CHECK(g->curriculum != NULL);
    if (g->curriculum)
        CHECK_STR(g->curriculum->code, "MAT1-05");
    CHECK_INT(g->subject_count, 1);
    if (g->subject_count)
        CHECK_STR(g->subjects[0].code, "MAT1Z34");
    char *s = grep_summary(g);
    CHECK(strstr(s, "kompetansemålsett KV9") != NULL);
    CHECK(strstr(s, "2 mål (KM98, KM99)") != NULL);
    CHECK(strstr(s, "språk: default, nno") != NULL);
    free(s);
    char *text = grep_render_catalog(g, "/some/folder/KMS9.json");
    CHECK(strstr(text, "\"file\":\t\"KMS9.json\"") != NULL); /* no folders recorded */
    CHECK(strstr(text, "\"nno\":\t\"Kompetansemål og vurdering 10. trinn\"") != NULL);
    CHECK(strstr(text, "\"note\"") == NULL);
    free(text);
    check_round_trip(g, "KMS9.json");
    grep_free(g);
}

/* Rule: a curriculum lists the goal sets it refers to; with no goals in the
 * file, the output says so in a "note" and the summary says to import each set. */
static void test_curriculum(void)
{
    GrepImport *g = load_ok(sample("TMF03-02.json"));
    if (!g)
        return;
    CHECK_INT(g->kind, GREP_CURRICULUM);
    CHECK_STR(g->self.code, "TMF03-02");
    CHECK_STR(g->self.uri, "http://psi.udir.no/kl06/TMF03-02");
    CHECK_STR(grep_title_pick(&g->self.title, "nob"),
              "Læreplan i tømrarfaget Vg3 / opplæring i bedrift");
    CHECK_INT(g->set_count, 1);
    if (g->set_count) {
        CHECK_STR(g->sets[0].ref.code, "KV60");
        CHECK_STR(g->sets[0].ref.uri, "http://psi.udir.no/kl06/KV60");
        CHECK_STR(g->sets[0].ref.url_data,
                  "http://data.udir.no/kl06/v201906/kompetansemaalsett-lk20/KV60");
        CHECK_STR(grep_title_pick(&g->sets[0].ref.title, "nob"),
                  "Kompetansemål og vurdering etter Vg3");
        CHECK_INT(g->sets[0].inline_goals, 0);
    }
    CHECK_INT(g->goal_count, 0);
    char *text = grep_render_catalog(g, "TMF03-02.json");
    CHECK(strstr(text, "\"goal_sets\"") != NULL);
    CHECK(strstr(text, "\"code\":\t\"KV60\"") != NULL);
    CHECK(strstr(text, "\"note\":\t\"Læreplanen viser bare til kompetansemålsettet med URI") !=
          NULL);
    free(text);
    char *s = grep_summary(g);
    CHECK(strstr(s, "læreplan TMF03-02") != NULL);
    CHECK(strstr(s, "1 kompetansemålsett (KV60), 0 mål i filen") != NULL);
    CHECK(strstr(s, "bare nevnt med URI") != NULL);
    free(s);
    grep_free(g);

    /* goals given inline under a set are taken, with their set, and no note */
    const char *inl =
        "{\"kode\": \"HSE3-01\", \"uri\": \"http://psi.udir.no/kl06/HSE3-01\", "
        "\"grep-type\": \"http://psi.udir.no/ontologi/kl06/laereplan_lk20\", "
        "\"tittel\": {\"tekst\": [{\"spraak\": \"nob\", \"verdi\": \"Læreplan\"}]}, "
        "\"kompetansemaal-kapittel\": {\"kompetansemaalsett\": [{\"kode\": \"KV1\", "
        "\"uri\": \"http://psi.udir.no/kl06/KV1\", \"tittel\": \"Sett\", \"kompetansemaal\": ["
        "{\"kode\": \"KM1\", \"uri\": \"u1\", \"tittel\": \"én\"},"
        "{\"kode\": \"KM2\", \"uri\": \"u2\", \"tittel\": {\"tekst\": [{\"spraak\": \"nob\", "
        "\"verdi\": \"to\"}, {\"spraak\": \"eng\", \"verdi\": \"two\"}]}}]}]}}";
    char err[512] = "";
    g = grep_parse(inl, strlen(inl), "l.json", err, sizeof err);
    CHECK(g != NULL);
    if (g) {
        CHECK_INT(g->goal_count, 2);
        CHECK_INT(g->sets[0].inline_goals, 2);
        CHECK_STR(g->goals[1].set_code, "KV1");
        CHECK_STR(grep_title_pick(&g->goals[1].title, "eng"), "two");
        CHECK_STR(grep_title_pick(&g->goals[1].title, "nob"), "to");
        char *t = grep_render_catalog(g, "l.json");
        CHECK(strstr(t, "\"note\"") == NULL);
        free(t);
        grep_free(g);
    }
}

/* Rule: one competence goal is taken as a one-goal file, every language kept,
 * with the set it belongs to. */
static void test_single_goal(void)
{
    GrepImport *g = load_ok(sample("K1.json"));
    if (!g)
        return;
    CHECK_INT(g->kind, GREP_GOAL);
    CHECK_STR(g->self.code, "KM1");
    CHECK_INT(g->goal_count, 1);
    if (g->goal_count) {
        CHECK_STR(g->goals[0].code, "KM1");
        CHECK_STR(g->goals[0].uri, "http://psi.udir.no/kl06/KM1");
        CHECK_INT(g->goals[0].title.count, 2);
        CHECK_STR(g->goals[0].title.items[0].lang, "default");
        CHECK_STR(g->goals[0].title.items[1].lang, "nno");
        CHECK_STR(g->goals[0].set_code, "KV1");
    }
    CHECK_INT(g->set_count, 1);
    check_round_trip(g, "K1.json");
    grep_free(g);
}

/* Rule: any other Grep object, and anything that is not Grep, is refused with a
 * message naming the file. */
static void test_refused_kinds(void)
{
    EXPECT_BAD_FILE(sample("KE1.json"), "KE1.json: KE1: Grep-objektet er et kjerneelement");
    EXPECT_BAD_GREP("{\"kode\": \"GF1\", \"uri\": \"u\", \"grep-type\": "
                    "\"http://psi.udir.no/ontologi/kl06/grunnleggende_ferdighet_lk20\"}",
                    "g.json: GF1: Grep-objektet er et grunnleggende_ferdighet");
    EXPECT_BAD_GREP("{}", "g.json: ikke Grep-JSON fra Udir");
    EXPECT_BAD_GREP("{\"name\": \"x\", \"goals\": []}", "ikke Grep-JSON fra Udir");
    EXPECT_BAD_GREP("[{\"kode\": \"KV1\"}]", "fant en liste (last ned ett kompetansemålsett");
    EXPECT_BAD_GREP("42", "g.json: ikke Grep-JSON: ventet ett objekt { ... }, fant et tall");
    EXPECT_BAD_GREP("\"KM1\"", "fant en tekst");
    EXPECT_BAD_GREP("{\"kode\": \"X1\", \"uri\": \"http://psi.udir.no/kl06/X1\"}",
                    "Grep-objekt uten \"grep-type\"");
    EXPECT_BAD_GREP("{\"format\": \"skranken-catalog\", \"format_version\": 1}",
                    "er en Skranken-fil");
    /* our working catalog is not an official file */
    EXPECT_BAD_FILE(SKRANKEN_CATALOG_PATH, "er vår egen arbeidskatalog");
}

/* Rule: missing, empty, truncated, binary, non-UTF-8 and huge files are refused
 * with the file's name (and line where there is one). */
static void test_bad_files(void)
{
    EXPECT_BAD_FILE(scratch("nope.json"), "nope.json: filen finnes ikke");
    write_file(scratch("empty.json"), "", 0);
    EXPECT_BAD_FILE(scratch("empty.json"), "empty.json: filen er tom");
    write_file(scratch("blank.json"), " \n\n ", 4);
    EXPECT_BAD_FILE(scratch("blank.json"), "blank.json: filen er tom");
    EXPECT_BAD_FILE(tmp, "er ikke en vanlig fil");

    size_t len = 0;
    char *kms = read_whole(sample("KMS9.json"), &len);
    CHECK(kms != NULL && len > 2000);
    if (kms) {
        write_file(scratch("truncated.json"), kms, 2000);
        EXPECT_BAD_FILE(scratch("truncated.json"), "truncated.json:");
        EXPECT_BAD_FILE(scratch("truncated.json"), "ikke gyldig JSON (filen slutter midt i)");
        /* two documents, or junk after the end */
        char *two = malloc(2 * len + 1);
        memcpy(two, kms, len);
        memcpy(two + len, kms, len);
        write_file(scratch("two.json"), two, 2 * len);
        EXPECT_BAD_FILE(scratch("two.json"), "ikke gyldig JSON (tekst etter slutten)");
        free(two);
        /* a UTF-8 byte-order mark in front is fine */
        char *bom = malloc(len + 3);
        memcpy(bom, "\xEF\xBB\xBF", 3);
        memcpy(bom + 3, kms, len);
        write_file(scratch("bom.json"), bom, len + 3);
        GrepImport *g = load_ok(scratch("bom.json"));
        if (g)
            CHECK_INT(g->goal_count, 2);
        grep_free(g);
        free(bom);
        free(kms);
    }
    write_file(scratch("binary.json"), "{\"kode\":\n\"K\0M1\"}", 16);
    EXPECT_BAD_FILE(scratch("binary.json"), "binary.json:2: ikke en tekstfil (binært innhold)");
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    write_file(scratch("image.json"), png, sizeof png - 1);
    EXPECT_BAD_FILE(scratch("image.json"), "image.json:");
    const char *latin1 = "{\n\"kode\": \"KM1\",\n\"tittel\": \"l\xe6re\"}";
    write_file(scratch("latin1.json"), latin1, strlen(latin1));
    EXPECT_BAD_FILE(scratch("latin1.json"), "latin1.json:3: ikke gyldig UTF-8");

    /* one byte over the limit */
    FILE *f = fopen(scratch("huge.json"), "wb");
    if (f) {
        fputc('[', f);
        for (size_t i = 1; i < GREP_MAX_BYTES; i++)
            fputc(' ', f);
        fputc(']', f);
        fclose(f);
    }
    EXPECT_BAD_FILE(scratch("huge.json"), "huge.json: filen er for stor");
    unlink(scratch("huge.json"));
}

#define SET_HEAD                                                                       \
    "{\"kode\": \"KV9\", \"uri\": \"http://psi.udir.no/kl06/KV9\", \"grep-type\": "     \
    "\"http://psi.udir.no/ontologi/kl06/kompetansemaalsett_lk20\", \"tittel\": \"Sett\", "

/* Rule: JSON of the wrong types where the importer needs values is refused,
 * naming what is wrong (and the line, found from the code). */
static void test_wrong_types(void)
{
    EXPECT_BAD_GREP("{\"grep-type\": 5, \"kode\": \"KV9\"}", "\"grep-type\" skulle vært en tekst");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": \"KM98\"}",
                    "kompetansemålsett KV9: \"kompetansemaal\" skulle vært en liste, er en tekst");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": {}}", "skulle vært en liste, er et objekt");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": []}", "kompetansemålsett KV9: har ingen");
    EXPECT_BAD_GREP(SET_HEAD "\"x\": 1}", "\"kompetansemaal\" mangler");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [7]}",
                    "kompetansemål nr. 1: skulle vært et objekt, er et tall");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": 98, \"uri\": \"u\", \"tittel\": "
                             "\"t\"}]}",
                    "kompetansemål nr. 1: \"kode\" er ikke en gyldig kode");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM 98\", \"uri\": \"u\", "
                             "\"tittel\": \"t\"}]}",
                    "\"kode\" er ikke en gyldig kode");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"uri\": \"u\", \"tittel\": \"t\"}]}",
                    "\"kode\" mangler");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"tittel\": \"t\"}]}",
                    "g.json:1: kompetansemål nr. 1 KM98: \"uri\" mangler");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": [], "
                             "\"tittel\": \"t\"}]}",
                    "\"uri\" er ikke en tekst");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"url-data\": 3, \"tittel\": \"t\"}]}",
                    "\"url-data\" er ikke en tekst");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": 7}]}",
                    "KM98: \"tittel\" mangler eller har feil type");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\"}]}",
                    "\"tittel\" mangler eller har feil type");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": \"\"}]}",
                    "\"tittel\" er tom");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": {\"tekst\": \"x\"}}]}",
                    "\"tittel.tekst\" er ikke en liste");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": {\"forskrift\": true}}]}",
                    "\"tittel\" mangler \"tekst\"");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": {\"tekst\": [{\"spraak\": 1, \"verdi\": \"v\"}]}}]}",
                    "uten tekstene \"spraak\" og \"verdi\"");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": {\"tekst\": [\"nob\"]}}]}",
                    "har et element som ikke er et objekt");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": {\"tekst\": [{\"spraak\": \"n o\", \"verdi\": \"v\"}]}}]}",
                    "ugyldig \"spraak\"");
    EXPECT_BAD_GREP(SET_HEAD "\"kompetansemaal\": [{\"kode\": \"KM98\", \"uri\": \"u\", "
                             "\"tittel\": {\"tekst\": []}}]}",
                    "\"tittel\" har ingen tekst");
    /* the file's own object */
    EXPECT_BAD_GREP("{\"kode\": \"KV9\", \"grep-type\": \"kompetansemaalsett_lk20\", "
                    "\"tittel\": \"t\", \"kompetansemaal\": []}",
                    "kompetansemålsett KV9: \"uri\" mangler");
    /* a curriculum */
    EXPECT_BAD_GREP("{\"kode\": \"L1\", \"uri\": \"u\", \"grep-type\": \"laereplan_lk20\", "
                    "\"tittel\": \"t\"}",
                    "læreplan L1: \"kompetansemaal-kapittel\" mangler");
    EXPECT_BAD_GREP("{\"kode\": \"L1\", \"uri\": \"u\", \"grep-type\": \"laereplan_lk20\", "
                    "\"tittel\": \"t\", \"kompetansemaal-kapittel\": []}",
                    "\"kompetansemaal-kapittel\" er ikke et objekt");
    EXPECT_BAD_GREP("{\"kode\": \"L1\", \"uri\": \"u\", \"grep-type\": \"laereplan_lk20\", "
                    "\"tittel\": \"t\", \"kompetansemaal-kapittel\": {\"kompetansemaalsett\": 1}}",
                    "\"kompetansemaal-kapittel.kompetansemaalsett\" er ikke en liste");
    EXPECT_BAD_GREP("{\"kode\": \"L1\", \"uri\": \"u\", \"grep-type\": \"laereplan_lk20\", "
                    "\"tittel\": \"t\", \"kompetansemaal-kapittel\": {\"kompetansemaalsett\": []}}",
                    "læreplan L1: nevner ingen kompetansemålsett");
    EXPECT_BAD_GREP("{\"kode\": \"L1\", \"uri\": \"u\", \"grep-type\": \"laereplan_lk20\", "
                    "\"tittel\": \"t\", \"kompetansemaal-kapittel\": {\"kompetansemaalsett\": "
                    "[{\"kode\": \"KV1\", \"tittel\": \"s\"}]}}",
                    "kompetansemålsett nr. 1 KV1: \"uri\" mangler");

    /* older (LK06) files: grep-type without _lk20, ISO 639 PSIs as languages */
    const char *old = "{\"kode\": \"KV1\", \"uri\": \"u\", \"grep-type\": "
                      "\"http://psi.udir.no/ontologi/kl06/kompetansemaalsett\", \"tittel\": {\"tekst\": "
                      "[{\"noekkel\": \"http://psi.oasis-open.org/iso/639/#nob\", \"verdi\": \"Sett\"}]}, "
                      "\"kompetansemaal\": [{\"kode\": \"K3934\", \"uri\": \"u2\", \"tittel\": \"mål\"}]}";
    char err[512] = "";
    GrepImport *g = grep_parse(old, strlen(old), "old.json", err, sizeof err);
    CHECK(g != NULL);
    if (g) {
        CHECK_INT(g->kind, GREP_GOAL_SET);
        CHECK_STR(g->self.title.items[0].lang, "nob");
        CHECK_STR(g->goals[0].code, "K3934");
        grep_free(g);
    }
}

#define MAP_HEAD "{\"format\": \"skranken-mapping\", \"format_version\": 1, "

/* Rule: the mapping format is checked field by field; bad JSON names the line. */
static void test_mapping_format(void)
{
    const char *good = MAP_HEAD "\"official_catalog\": \"KMS9.json\",\n\"map\": {\n"
                                "  \"hse3006.taushetsplikt\": [\"KM98\"],\n"
                                "  \"hse3007.timebok\": [\"KM99\", \"KM98\"]\n}}";
    char err[512] = "";
    Mapping *m = mapping_parse(good, strlen(good), "skole/m.json", err, sizeof err);
    CHECK(m != NULL);
    if (m) {
        CHECK_STR(m->official_catalog, "KMS9.json");
        CHECK_INT(m->count, 2);
        CHECK_STR(m->entries[0].goal_id, "hse3006.taushetsplikt");
        CHECK_INT(m->entries[0].line, 3);
        CHECK_INT(m->entries[1].code_count, 2);
        CHECK_STR(m->entries[1].codes[1], "KM98");
        CHECK_INT(m->entries[1].line, 4);
        char *p = mapping_official_path(m, err, sizeof err);
        CHECK_STR(p, "skole/KMS9.json"); /* beside the mapping file */
        free(p);
        free(m->official_catalog);
        m->official_catalog = strdup("/abs/KMS9.json");
        p = mapping_official_path(m, err, sizeof err);
        CHECK_STR(p, "/abs/KMS9.json");
        free(p);
        free(m->official_catalog);
        m->official_catalog = NULL;
        CHECK(mapping_official_path(m, err, sizeof err) == NULL);
        CHECK(strstr(err, "skole/m.json: \"official_catalog\" mangler") != NULL);
        mapping_free(m);
    }

    EXPECT_BAD_MAP("{\n\"format\": \"skranken-mapping\",\n\"map\": {,}\n}",
                   "m.json:3: ikke gyldig JSON");
    EXPECT_BAD_MAP("{\n\"format\": \"skranken-mapping\",\n\"map\": {", "m.json:3: ikke gyldig JSON");
    EXPECT_BAD_MAP("", "m.json: filen er tom");
    EXPECT_BAD_MAP("[]", "ikke en Skranken-mapping (ventet et objekt, fant en liste)");
    EXPECT_BAD_MAP("{\"format\": \"skranken-catalog\"}", "m.json: ikke en Skranken-mapping");
    EXPECT_BAD_MAP("{\"format\": \"skranken-mapping\", \"format_version\": 2, \"map\": {}}",
                   "ukjent format_version");
    EXPECT_BAD_MAP("{\"format\": \"skranken-mapping\", \"format_version\": \"1\"}",
                   "ukjent format_version");
    EXPECT_BAD_MAP(MAP_HEAD "\"official_catalog\": 3, \"map\": {\"a.b\": [\"KM1\"]}}",
                   "\"official_catalog\" skal være et filnavn");
    EXPECT_BAD_MAP(MAP_HEAD "\"x\": 1}", "\"map\" mangler");
    EXPECT_BAD_MAP(MAP_HEAD "\n\"map\": {}}", "m.json:2: \"map\" er tom");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": [\"KM1\"]}", "\"map\" skal være et objekt");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": {\n\"hse3006.taushetsplikt\": \"KM98\"}}",
                   "m.json:2: \"map\": «hse3006.taushetsplikt» skal ha en liste med minst én kode");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": {\"hse3006.taushetsplikt\": []}}",
                   "skal ha en liste med minst én kode");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": {\"hse3006.taushetsplikt\": [98]}}",
                   "hver kode skal være en tekst som \"KM1234\", ikke et tall");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": {\"hse3006.taushetsplikt\": [\"\"]}}",
                   "ikke en tom eller ugyldig tekst");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": {\"hse3006.taushetsplikt\": [\"KM98\", \"KM98\"]}}",
                   "koden «KM98» står to ganger");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": {\"a.b\": [\"KM98\"],\n\"a.b\": [\"KM99\"]}}",
                   "m.json:2: \"map\": «a.b» står to ganger");
    EXPECT_BAD_MAP(MAP_HEAD "\"map\": {\"taus het\": [\"KM98\"]}}", "er ikke en gyldig mål-id");
}

/* Rule: every id must be a working goal and every code an official goal; the
 * message names the mapping file, its line and the entry. Applied, the mapped
 * goals carry the first code's code, URI and title; the written catalog keeps
 * every field of ours and loads with the official objects. */
static void test_mapping_apply(void)
{
    char err[1024] = "";
    Catalog *c = catalog_load(SKRANKEN_CATALOG_PATH, err, sizeof err);
    GrepImport *off = load_ok(sample("KMS9.json"));
    CHECK(c != NULL);
    if (!c || !off) {
        catalog_free(c);
        grep_free(off);
        return;
    }
    const char *unknown_id = MAP_HEAD "\"map\": {\n\"hse3006.taushetsplikt\": [\"KM98\"],\n"
                                      "\"hse3006.taushet\": [\"KM99\"]}}";
    Mapping *m = mapping_parse(unknown_id, strlen(unknown_id), "m.json", err, sizeof err);
    CHECK(m != NULL);
    CHECK(mapping_check(m, c, "catalog.json", off, "KMS9.json", err, sizeof err) != 0);
    CHECK(strstr(err, "m.json:3: \"map\": ukjent arbeidsmål «hse3006.taushet» (finnes ikke i "
                      "catalog.json)") != NULL);
    mapping_free(m);

    const char *unknown_code = MAP_HEAD "\"map\": {\n\"hse3006.taushetsplikt\": [\"KM98\",\n"
                                        "\"KM1234\"]}}";
    m = mapping_parse(unknown_code, strlen(unknown_code), "m.json", err, sizeof err);
    CHECK(m != NULL);
    CHECK(mapping_apply(m, c, "catalog.json", off, "KMS9.json", err, sizeof err) != 0);
    CHECK(strstr(err, "m.json:2: \"map\": «hse3006.taushetsplikt»: koden «KM1234» finnes ikke i "
                      "KMS9.json (der finnes: KM98, KM99)") != NULL);
    mapping_free(m);

    /* a curriculum that only refers to its sets has nothing to map onto */
    GrepImport *plan = load_ok(sample("TMF03-02.json"));
    const char *one = MAP_HEAD "\"map\": {\"hse3006.taushetsplikt\": [\"KM98\"]}}";
    m = mapping_parse(one, strlen(one), "m.json", err, sizeof err);
    CHECK(m != NULL && plan != NULL);
    if (m && plan) {
        CHECK(mapping_check(m, c, "catalog.json", plan, "TMF03-02.json", err, sizeof err) != 0);
        CHECK(strstr(err, "TMF03-02.json: har ingen kompetansemål å koble til") != NULL);
    }
    mapping_free(m);
    grep_free(plan);

    const char *good = MAP_HEAD "\"map\": {\"hse3006.taushetsplikt\": [\"KM98\"],"
                                "\"hse3007.timebok\": [\"KM99\", \"KM98\"]}}";
    m = mapping_parse(good, strlen(good), "m.json", err, sizeof err);
    CHECK(m != NULL);
    if (m) {
        CHECK_INT(mapping_apply(m, c, "catalog.json", off, "KMS9.json", err, sizeof err), 0);
        const CatalogGoal *t = catalog_find(c, "hse3006.taushetsplikt");
        CHECK_STR(t->official_code, "KM98");
        CHECK_STR(t->official_uri, "http://psi.udir.no/kl06/KM98");
        CHECK(t->official_title && strncmp(t->official_title, "utforske og bruke", 17) == 0);
        CHECK_STR(catalog_find(c, "hse3007.timebok")->official_code, "KM99");
        CHECK(catalog_find(c, "hse3007.telefon")->official_code == NULL);

        size_t len = 0;
        char *text = read_whole(SKRANKEN_CATALOG_PATH, &len);
        char *out = mapping_render_catalog(m, text, len, "catalog.json", off,
                                           "/skole/KMS9.json", err, sizeof err);
        CHECK(out != NULL);
        if (out) {
            CHECK(strstr(out, "\"official_all\"") != NULL);
            CHECK(strstr(out, "\"official_source\"") != NULL);
            CHECK(strstr(out, "\"file\":\t\"KMS9.json\"") != NULL);
            CHECK(strstr(out, "\"mapping\":\t\"m.json\"") != NULL);
            CHECK(strstr(out, "\"notice\"") != NULL); /* our fields are kept */
            Catalog *back = catalog_parse(out, strlen(out), "out.json", err, sizeof err);
            CHECK(back != NULL);
            if (back) {
                CHECK_INT(back->goal_count, c->goal_count);
                CHECK_INT(back->working_paraphrase, 1);
                const CatalogGoal *b = catalog_find(back, "hse3006.taushetsplikt");
                CHECK_STR(b->official_code, "KM98");
                CHECK_STR(b->official_uri, "http://psi.udir.no/kl06/KM98");
                CHECK(b->official_title != NULL);
                CHECK_STR(catalog_find(back, "hse3007.timebok")->official_code, "KM99");
                CHECK(catalog_find(back, "hse3005.ekg")->official_code == NULL);
                CHECK(b->description && *b->description);
                catalog_free(back);
            }
            /* mapping again with a smaller map removes the old official objects */
            const char *less = MAP_HEAD "\"map\": {\"hse3007.timebok\": [\"KM98\"]}}";
            Mapping *m2 = mapping_parse(less, strlen(less), "m2.json", err, sizeof err);
            char *out2 = mapping_render_catalog(m2, out, strlen(out), "out.json", off,
                                                "KMS9.json", err, sizeof err);
            CHECK(out2 != NULL);
            if (out2) {
                back = catalog_parse(out2, strlen(out2), "out2.json", err, sizeof err);
                CHECK(back != NULL);
                if (back) {
                    CHECK(catalog_find(back, "hse3006.taushetsplikt")->official_code == NULL);
                    CHECK_STR(catalog_find(back, "hse3007.timebok")->official_code, "KM98");
                }
                catalog_free(back);
            }
            free(out2);
            mapping_free(m2);
        }
        free(out);
        free(text);
        mapping_free(m);
    }
    catalog_free(c);
    grep_free(off);
}

/* Rule: catalog_import, as «skranken catalog import» runs it: Grep alone gives
 * the official catalog; Grep + map, or our catalog + map (official file from the
 * mapping), gives the working catalog with official objects. */
static void test_catalog_import(void)
{
    char err[1024] = "", *out = NULL, *summary = NULL;
    CatalogImportJob job = {sample("KMS9.json"), NULL, NULL, SKRANKEN_CATALOG_PATH};
    CHECK_INT(catalog_import(&job, &out, &summary, err, sizeof err), 0);
    CHECK(out && strstr(out, "\"code\":\t\"KM98\"") != NULL);
    CHECK(summary && strstr(summary, "KMS9.json: kompetansemålsett KV9") != NULL);
    free(out);
    free(summary);

    job.file = sample("KE1.json");
    CHECK(catalog_import(&job, &out, &summary, err, sizeof err) != 0);
    CHECK(out == NULL && strstr(err, "kjerneelement") != NULL);

    job.file = SKRANKEN_CATALOG_PATH;
    CHECK(catalog_import(&job, &out, &summary, err, sizeof err) != 0);
    CHECK(strstr(err, "er en Skranken-katalog med arbeidsmål; gi --map") != NULL);

    char map[2048];
    snprintf(map, sizeof map,
             MAP_HEAD "\"official_catalog\": \"%s\", \"map\": {\"hse3006.taushetsplikt\": "
                      "[\"KM98\"]}}", sample("KMS9.json"));
    write_file(scratch("map.json"), map, strlen(map));
    job.map = scratch("map.json");
    CHECK_INT(catalog_import(&job, &out, &summary, err, sizeof err), 0);
    if (!out)
        fprintf(stderr, "  %s\n", err);
    CHECK(out && strstr(out, "\"official\"") != NULL);
    CHECK(summary && strstr(summary, "1 av ") != NULL && strstr(summary, "(KM98)") != NULL);
    free(out);
    free(summary);

    /* Grep file + map, working catalog from default_catalog */
    job.file = sample("KMS9.json");
    CHECK_INT(catalog_import(&job, &out, &summary, err, sizeof err), 0);
    CHECK(out && strstr(out, "\"skranken-arbeidsmal\"") != NULL);
    free(out);
    free(summary);

    /* the official file written by import may be the mapping's official_catalog */
    job.map = NULL;
    CHECK_INT(catalog_import(&job, &out, &summary, err, sizeof err), 0);
    write_file(scratch("official.json"), out, strlen(out));
    free(out);
    free(summary);
    const char *map2 = MAP_HEAD "\"official_catalog\": \"official.json\", "
                                "\"map\": {\"hse3006.taushetsplikt\": [\"KM99\"]}}";
    write_file(scratch("map2.json"), map2, strlen(map2));
    job.file = SKRANKEN_CATALOG_PATH;
    job.map = scratch("map2.json");
    CHECK_INT(catalog_import(&job, &out, &summary, err, sizeof err), 0);
    if (!out)
        fprintf(stderr, "  %s\n", err);
    CHECK(out && strstr(out, "\"code\":\t\"KM99\"") != NULL);
    free(out);
    free(summary);
    /* an official catalog alone is not imported again */
    job.file = scratch("official.json");
    job.map = NULL;
    CHECK(catalog_import(&job, &out, &summary, err, sizeof err) != 0);
    CHECK(strstr(err, "er allerede en importert offisiell katalog") != NULL);
}

static void cleanup(void)
{
    DIR *d = opendir(tmp);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlink(scratch(e->d_name));
    closedir(d);
    rmdir(tmp);
}

int main(void)
{
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_goal_set();
    test_curriculum();
    test_single_goal();
    test_refused_kinds();
    test_bad_files();
    test_wrong_types();
    test_mapping_format();
    test_mapping_apply();
    test_catalog_import();
    cleanup();
    return check_finish("test_grep_import");
}
