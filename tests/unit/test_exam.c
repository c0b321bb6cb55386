/* Exam sets (engine/assess/exam.h, docs/exams.md): the shipped manifest and the
 * library listing, every way exam_parse refuses a manifest (with file and line),
 * the time-limit check, the pass rule, and the summary JSON. Paths come from
 * CMake (SKRANKEN_EXAMS_DIR, SKRANKEN_SCENARIOS_DIR). */
#include "assess/exam.h"

#include "check.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef SKRANKEN_EXAMS_DIR
#define SKRANKEN_EXAMS_DIR "assets/exams"
#endif
#ifndef SKRANKEN_SCENARIOS_DIR
#define SKRANKEN_SCENARIOS_DIR "scenarios"
#endif

/* Text that must be refused with a message containing want. */
#define EXPECT_BAD_LEN(text, len, dir, want)                                            \
    do {                                                                                \
        char e_[1024] = "";                                                             \
        ExamSet *s_ = exam_parse((text), (len), "x.json", (dir), e_, sizeof e_);         \
        CHECK(s_ == NULL);                                                              \
        if (!strstr(e_, (want)))                                                        \
            fprintf(stderr, "  line %d: message was: %s\n  wanted: %s\n", __LINE__, e_,  \
                    (want));                                                            \
        CHECK(strstr(e_, (want)) != NULL);                                              \
        exam_free(s_);                                                                  \
    } while (0)
#define EXPECT_BAD(text, want) EXPECT_BAD_LEN((text), strlen(text), NULL, (want))

/* A valid manifest, one field per line, with the parts given. Line numbers:
 *  1 {   2 format   3 format_version   4 id   5 title   6 description
 *  7 time_limit_minutes   8 "pass_rule": {   9 min_grade_each  10 min_average
 * 11 no_critical  12 },  13 "scenarios": [  14.. entries, one per line */
#define MANIFEST(id, title, minutes, grade, avg, crit, scenarios)                     \
    "{\n"                                                                             \
    "  \"format\": \"skranken-exam\",\n"                                              \
    "  \"format_version\": 1,\n"                                                      \
    "  \"id\": " id ",\n"                                                             \
    "  \"title\": " title ",\n"                                                       \
    "  \"description\": \"En øvingseksamen.\",\n"                                     \
    "  \"time_limit_minutes\": " minutes ",\n"                                        \
    "  \"pass_rule\": {\n"                                                            \
    "    \"min_grade_each\": " grade ",\n"                                            \
    "    \"min_average\": " avg ",\n"                                                 \
    "    \"no_critical\": " crit "\n"                                                 \
    "  },\n"                                                                          \
    "  \"scenarios\": [\n" scenarios "\n  ]\n"                                        \
    "}\n"
#define GOOD_SCENARIOS                                                                \
    "    {\"id\": \"telefon-datter-provesvar\", \"seed\": 4711},\n"                   \
    "    {\"id\": \"lab-ekg\", \"seed\": 0}"
#define WITH_SCENARIOS(s) MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "2.0", "true", s)
#define GOOD WITH_SCENARIOS(GOOD_SCENARIOS)

/* Rule: the shipped manifest loads against the shipped scenarios folder: 4-5
 * scenarios across desk, phone, confidentiality and lab, each with its own seed,
 * the documented pass rule (2 each, mean 2.0, no critical errors), a time limit. */
static void test_shipped(void)
{
    char err[1024] = "";
    ExamSet *s = exam_load(SKRANKEN_EXAMS_DIR "/hse3008-ovingseksamen.json",
                           SKRANKEN_SCENARIOS_DIR, err, sizeof err);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "  %s\n", err);
        return;
    }
    CHECK_STR(s->id, "hse3008-ovingseksamen");
    CHECK_STR(s->file_name, "hse3008-ovingseksamen.json");
    CHECK(strstr(s->title, "HSE3008") != NULL);
    CHECK(s->description[0] != '\0');
    CHECK(s->scenario_count >= 4 && s->scenario_count <= 5);
    CHECK_INT(s->rule.min_grade_each, 2);
    CHECK_INT(s->rule.min_average_centi, 200);
    CHECK_INT(s->rule.no_critical, 1);
    CHECK_INT(s->time_limit_minutes, 90);
    CHECK_INT(strlen(s->sha256), 64);
    int desk = 0, phone = 0, conf = 0, lab = 0;
    for (size_t i = 0; i < s->scenario_count; i++) {
        const char *id = s->scenarios[i].id;
        desk += strncmp(id, "skranke-", 8) == 0;
        phone += strncmp(id, "telefon-", 8) == 0;
        conf += strncmp(id, "taushet-", 8) == 0;
        lab += strncmp(id, "lab-", 4) == 0 || strncmp(id, "blodprove-", 10) == 0;
        CHECK(s->scenarios[i].line >= 1);
    }
    CHECK(desk >= 1 && phone >= 1 && conf >= 1 && lab >= 1);
    CHECK_STR(s->scenarios[1].id, "telefon-datter-provesvar");
    CHECK(s->scenarios[1].seed == 4711);
    exam_free(s);
}

/* Rule: a valid manifest gives every field; scenarios keep their order, line and
 * seed (the largest seed 2^53-1 included); description is optional (""), and
 * min_average is read exactly in hundredths. */
static void test_valid(void)
{
    char err[1024] = "";
    const char *text = GOOD;
    ExamSet *s = exam_parse(text, strlen(text), "dir/x.json", SKRANKEN_SCENARIOS_DIR, err,
                            sizeof err);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "  %s\n", err);
        return;
    }
    CHECK_STR(s->path, "dir/x.json");
    CHECK_STR(s->file_name, "x.json");
    CHECK_STR(s->id, "sett");
    CHECK_STR(s->title, "Sett");
    CHECK_STR(s->description, "En øvingseksamen.");
    CHECK_INT(s->time_limit_minutes, 60);
    CHECK_INT(s->time_limit_line, 7);
    CHECK_INT(s->scenario_count, 2);
    CHECK_STR(s->scenarios[0].id, "telefon-datter-provesvar");
    CHECK_INT(s->scenarios[0].line, 14);
    CHECK_STR(s->scenarios[1].id, "lab-ekg");
    CHECK(s->scenarios[1].seed == 0);
    CHECK_INT(s->scenarios[1].line, 15);
    exam_free(s);

    static const struct {
        const char *avg;
        int centi;
    } avgs[] = {{"2", 200}, {"2.0", 200}, {"3.25", 325}, {"2.5", 250}, {"6.00", 600}};
    for (size_t i = 0; i < sizeof avgs / sizeof avgs[0]; i++) {
        char buf[2048];
        snprintf(buf, sizeof buf,
                 "{\"format\": \"skranken-exam\", \"format_version\": 1, \"id\": \"a\", "
                 "\"title\": \"A\", \"time_limit_minutes\": 5, \"pass_rule\": "
                 "{\"min_grade_each\": 1, \"min_average\": %s, \"no_critical\": false}, "
                 "\"scenarios\": [{\"id\": \"s\", \"seed\": 9007199254740991}]}",
                 avgs[i].avg);
        s = exam_parse(buf, strlen(buf), "a.json", NULL, err, sizeof err);
        CHECK(s != NULL);
        if (s) {
            CHECK_INT(s->rule.min_average_centi, avgs[i].centi);
            CHECK_INT(s->rule.min_grade_each, 1);
            CHECK_INT(s->rule.no_critical, 0);
            CHECK_STR(s->description, "");
            CHECK(s->scenarios[0].seed == 9007199254740991ULL);
        }
        exam_free(s);
    }
    /* a UTF-8 byte-order mark and CRLF line ends are fine */
    char bom[4096];
    snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", GOOD);
    s = exam_parse(bom, strlen(bom), "bom.json", NULL, err, sizeof err);
    CHECK(s != NULL);
    exam_free(s);
}

/* Rule: every broken file is refused with the file name, the line where that
 * is knowable, and what is wrong. */
static void test_bad_files(void)
{
    EXPECT_BAD_LEN("", 0, NULL, "x.json: filen er tom");
    EXPECT_BAD(" \n\t\n", "x.json: filen er tom");
    EXPECT_BAD("{\n \"format\": \"skranken-exam\",\n \"a", "x.json:3: ikke gyldig JSON (filen slutter midt i)");
    EXPECT_BAD_LEN("{\n \"format\": \"sk\0", 17, NULL, "x.json:2: ikke en tekstfil (binært innhold)");
    EXPECT_BAD("{\n \"title\": \"\xff\xfe\"\n}", "x.json:2: ikke gyldig UTF-8");
    char cut[4096];
    snprintf(cut, sizeof cut, "%s", GOOD);
    cut[strlen(cut) / 2] = '\0';
    EXPECT_BAD(cut, "ikke gyldig JSON (filen slutter midt i)");
    EXPECT_BAD("{\n \"format\": \"skranken-exam\",\n \"id\": x\n}", "x.json:3: ikke gyldig JSON");
    EXPECT_BAD("{\"format\": \"skranken-exam\"}\n{}", "x.json:2: ikke gyldig JSON (tekst etter slutten)");
    EXPECT_BAD("[1, 2]", "x.json: ikke en Skranken-eksamen: ventet ett JSON-objekt, fant en liste");
    EXPECT_BAD("{\"format\": \"skranken-report\"}", "ikke en Skranken-eksamen (\"format\": \"skranken-exam\" mangler)");
    EXPECT_BAD("{\"id\": \"a\"}", "ikke en Skranken-eksamen");
    EXPECT_BAD("{\"format\": \"skranken-exam\"}", "x.json: \"format_version\" mangler");
    EXPECT_BAD("{\"format\": \"skranken-exam\",\n\"format_version\": 2}",
               "x.json:2: \"format_version\": ukjent versjon (denne versjonen av Skranken leser 1)");
    EXPECT_BAD("{\"format\": \"skranken-exam\",\n\"format_version\": 1.5}", "x.json:2: \"format_version\": ukjent versjon");
}

/* Rule: wrong types, missing and unknown fields, bad values, each with its line. */
static void test_bad_fields(void)
{
    /* top-level fields */
    EXPECT_BAD(MANIFEST("5", "\"Sett\"", "60", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:4: \"id\" skal være en tekst, er et tall");
    EXPECT_BAD(MANIFEST("\"../x\"", "\"Sett\"", "60", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:4: \"id\" «../x» kan bare ha a-z");
    EXPECT_BAD(MANIFEST("\"..\"", "\"Sett\"", "60", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:4: \"id\" «..» kan bare ha");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"\"", "60", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:5: \"title\" er tom");
    EXPECT_BAD(MANIFEST("\"sett\"", "[\"Sett\"]", "60", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:5: \"title\" skal være en tekst, er en liste");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"a\\u0001b\"", "60", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:5: \"title\" har kontrolltegn");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "0", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:7: \"time_limit_minutes\" må være et heltall 1-480, ikke 0");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60.5", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:7: \"time_limit_minutes\" må være et heltall 1-480, ikke 60.5");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "\"60\"", "2", "2.0", "true", GOOD_SCENARIOS),
               "x.json:7: \"time_limit_minutes\" skal være et heltall, er en tekst");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1, \"id\": \"a\"}",
               "x.json: \"title\" mangler");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1,\n \"id\": \"a\",\n \"tittel\": \"A\"}",
               "x.json:3: ukjent felt «tittel»");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1,\n \"id\": \"a\",\n \"id\": \"b\"}",
               "feltet \"id\" står to ganger");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1, \"id\": \"a\", \"title\": \"A\", "
               "\"time_limit_minutes\": 5, \"scenarios\": []}",
               "x.json: \"pass_rule\" mangler");

    /* the pass rule */
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "0", "2.0", "true", GOOD_SCENARIOS),
               "x.json:9: \"pass_rule\": \"min_grade_each\" må være et heltall 1-6, ikke 0");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "7", "2.0", "true", GOOD_SCENARIOS),
               "x.json:9: \"pass_rule\": \"min_grade_each\" må være et heltall 1-6, ikke 7");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "1.9", "true", GOOD_SCENARIOS),
               "x.json:10: \"pass_rule\": \"min_average\" må være et tall 2.0-6.0 med høyst to desimaler, ikke 1.9");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "6.5", "true", GOOD_SCENARIOS),
               "\"min_average\" må være et tall 2.0-6.0");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "2.125", "true", GOOD_SCENARIOS),
               "ikke 2.125");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "2e0", "true", GOOD_SCENARIOS),
               "ikke 2e0");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "\"2.0\"", "true", GOOD_SCENARIOS),
               "x.json:10: \"pass_rule\": \"min_average\" skal være et tall, er en tekst");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "2.0", "1", GOOD_SCENARIOS),
               "x.json:11: \"pass_rule\": \"no_critical\" skal være true eller false, er et tall");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1, \"id\": \"a\", \"title\": \"A\",\n"
               "\"time_limit_minutes\": 5,\n\"pass_rule\": {\"min_grade_each\": 2,\n \"no_critical\": true}}",
               "x.json:3: \"pass_rule\": \"min_average\" mangler");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1, \"id\": \"a\", \"title\": \"A\",\n"
               "\"time_limit_minutes\": 5,\n\"pass_rule\": {\"min_grade_each\": 2,\n \"min_avarage\": 2}}",
               "x.json:4: \"pass_rule\": ukjent felt «min_avarage»");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1, \"id\": \"a\", \"title\": \"A\",\n"
               "\"time_limit_minutes\": 5,\n\"pass_rule\": [2, 2, true]}",
               "x.json:3: \"pass_rule\" skal være et objekt");

    /* the scenarios */
    EXPECT_BAD(WITH_SCENARIOS(""), "x.json:13: \"scenarios\" er tom (minst ett scenario)");
    EXPECT_BAD(MANIFEST("\"sett\"", "\"Sett\"", "60", "2", "2.0", "true", "") ,
               "\"scenarios\" er tom");
    EXPECT_BAD("{\"format\": \"skranken-exam\", \"format_version\": 1, \"id\": \"a\", \"title\": \"A\",\n"
               "\"time_limit_minutes\": 5, \"pass_rule\": {\"min_grade_each\": 2, \"min_average\": 2, "
               "\"no_critical\": true},\n\"scenarios\": {\"id\": \"lab-ekg\"}}",
               "x.json:3: \"scenarios\" skal være en liste, er et objekt");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 1},\n    \"lab-ekg\""),
               "x.json:15: \"scenarios\" nr. 2: skal være et objekt {\"id\": ..., \"seed\": ...}, er en tekst");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 1},\n    {\"seed\": 2}"),
               "x.json:15: \"scenarios\" nr. 2: \"id\" mangler");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 1},\n    {\"id\": \"b\"}"),
               "x.json:15: \"scenarios\" nr. 2 («b»): \"seed\" mangler");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 1, \"frø\": 3}"),
               "x.json:14: \"scenarios\" nr. 1: ukjent felt «frø»");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a/b\", \"seed\": 1}"),
               "x.json:14: \"scenarios\" nr. 1: \"id\" «a/b» er ikke en scenario-id");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": 7, \"seed\": 1}"),
               "x.json:14: \"scenarios\" nr. 1: \"id\" skal være en tekst, er et tall");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 1},\n    {\"id\": \"b\", \"seed\": 2},\n"
                              "    {\"id\": \"a\", \"seed\": 3}"),
               "x.json:16: \"scenarios\" nr. 3 («a»): står to ganger (også nr. 1)");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": -1}"),
               "x.json:14: \"scenarios\" nr. 1 («a»): \"seed\" må være et heltall 0-9007199254740991, ikke -1");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 1.5}"), "\"seed\" må være et heltall 0-9007199254740991, ikke 1.5");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 1e3}"), "ikke 1e3");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 9007199254740992}"), "ikke 9007199254740992");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": 99999999999999999999}"), "ikke 99999999999999999999");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": \"4711\"}"),
               "x.json:14: \"scenarios\" nr. 1 («a»): \"seed\" skal være et heltall, er en tekst");
    EXPECT_BAD(WITH_SCENARIOS("    {\"id\": \"a\", \"seed\": null}"), "\"seed\" skal være et heltall, er null");
    /* more than 20 */
    char many[8192] = "";
    for (int i = 0; i < 21; i++) {
        char one[64];
        snprintf(one, sizeof one, "%s{\"id\": \"s%d\", \"seed\": 1}", i ? ",\n" : "", i);
        strcat(many, one);
    }
    char text[16384];
    snprintf(text, sizeof text, "%s", WITH_SCENARIOS("%s"));
    char full[16384];
    snprintf(full, sizeof full, text, many);
    EXPECT_BAD(full, "x.json:13: \"scenarios\" har 21 scenarioer (høyst 20)");
    /* unknown scenario ids (against the shipped folder) */
    const char *unknown = WITH_SCENARIOS("    {\"id\": \"lab-ekg\", \"seed\": 1},\n"
                                         "    {\"id\": \"finnes-ikke\", \"seed\": 2}");
    EXPECT_BAD_LEN(unknown, strlen(unknown), SKRANKEN_SCENARIOS_DIR,
                   "x.json:15: \"scenarios\" nr. 2 («finnes-ikke»): ukjent scenario (finnes ikke: ");
    EXPECT_BAD_LEN(unknown, strlen(unknown), SKRANKEN_SCENARIOS_DIR, "/finnes-ikke.lua)");
}

/* Rule: files: missing, a folder, larger than 1 MiB. */
static void test_load_files(void)
{
    char err[1024] = "";
    CHECK(exam_load("/nonexistent/x.json", NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "/nonexistent/x.json: filen finnes ikke") != NULL);
    CHECK(exam_load(SKRANKEN_EXAMS_DIR, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "er ikke en vanlig fil") != NULL);
    char dir[] = "/tmp/skranken-test-exam-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/huge.json", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputc('[', f);
        for (size_t i = 0; i < EXAM_MAX_BYTES; i++)
            fputc(' ', f);
        fputc(']', f);
        fclose(f);
    }
    CHECK(exam_load(path, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "huge.json: filen er for stor") != NULL);
    if (!strstr(err, "filen er for stor"))
        fprintf(stderr, "  message was: %s\n", err);

    /* the library: good sets load sorted by name, bad files are named */
    snprintf(path, sizeof path, "%s/b.json", dir);
    f = fopen(path, "w");
    if (f) {
        fputs(GOOD, f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/a.json", dir);
    f = fopen(path, "w");
    if (f) {
        fputs(MANIFEST("\"forst\"", "\"Først\"", "60", "2", "2.0", "true", GOOD_SCENARIOS), f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/.skjult.json", dir);
    f = fopen(path, "w");
    if (f) {
        fputs("ikke json", f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    f = fopen(path, "w");
    if (f) {
        fputs("ikke json", f);
        fclose(f);
    }
    ExamLibrary lib;
    exam_library_load(dir, SKRANKEN_SCENARIOS_DIR, &lib);
    CHECK_INT(lib.count, 2);
    if (lib.count == 2) {
        CHECK_STR(lib.sets[0]->id, "forst");
        CHECK_STR(lib.sets[0]->title, "Først");
        CHECK_STR(lib.sets[1]->id, "sett");
        CHECK_INT(lib.sets[1]->scenario_count, 2);
    }
    CHECK_INT(lib.errors.count, 1); /* huge.json */
    if (lib.errors.count == 1)
        CHECK(strstr(lib.errors.items[0], "huge.json: filen er for stor") != NULL);
    exam_library_free(&lib);

    const char *names[] = {"huge.json", "a.json", "b.json", ".skjult.json", "notes.txt"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);

    /* the shipped library: exactly the shipped set, no errors */
    exam_library_load(SKRANKEN_EXAMS_DIR, SKRANKEN_SCENARIOS_DIR, &lib);
    CHECK(lib.count >= 1);
    CHECK_INT(lib.errors.count, 0);
    int found = 0;
    for (size_t i = 0; i < lib.count; i++)
        found |= strcmp(lib.sets[i]->id, "hse3008-ovingseksamen") == 0;
    CHECK(found);
    exam_library_free(&lib);
    /* a missing folder is an empty library */
    exam_library_load("/nonexistent/exams", NULL, &lib);
    CHECK_INT(lib.count, 0);
    CHECK_INT(lib.errors.count, 0);
    exam_library_free(&lib);
}

/* Rule: the scenarios' simulated minutes must fit in time_limit_minutes. */
static void test_time(void)
{
    char err[1024] = "";
    const char *text = GOOD; /* 60 minutes, two scenarios */
    ExamSet *s = exam_parse(text, strlen(text), "t.json", NULL, err, sizeof err);
    CHECK(s != NULL);
    if (!s)
        return;
    int fits[2] = {40, 20}, over[2] = {40, 21};
    CHECK_INT(exam_check_time(s, fits, err, sizeof err), 0);
    CHECK_INT(exam_check_time(s, over, err, sizeof err), -1);
    CHECK(strstr(err, "t.json:7: \"time_limit_minutes\" er 60, men scenarioene varer til sammen "
                      "61 minutter simulert tid") != NULL);
    exam_free(s);
}

static Assessment result(int grade, int criticals)
{
    Assessment a;
    memset(&a, 0, sizeof a);
    a.grade = grade;
    a.points_grade = criticals ? 4 : grade;
    a.passed = grade >= 2;
    a.criticals = criticals;
    a.points = grade;
    a.max = 6;
    return a;
}

/* Rule (docs/exams.md): passed when no scenario is below min_grade_each, the
 * mean grade is at least min_average (compared exactly), and - with
 * no_critical - no scenario has a critical error. The exam grade is the mean
 * rounded half up when passed, else 1. */
static void test_pass_rule(void)
{
    ExamPassRule strict = {2, 200, 1};
    ExamOutcome o;

    Assessment all6[5] = {result(6, 0), result(6, 0), result(6, 0), result(5, 0), result(6, 0)};
    exam_assess(&strict, all6, 5, &o);
    CHECK_INT(o.passed, 1);
    CHECK_INT(o.grade, 6); /* 29/5 = 5.8 */
    CHECK_INT(o.average_centi, 580);
    CHECK_INT(o.grade_sum, 29);
    CHECK_INT(o.broke, 0);
    CHECK_INT(o.count, 5);

    /* a critical error: that scenario is graded 1, so both rules break */
    Assessment crit[5] = {result(6, 0), result(6, 0), result(1, 1), result(5, 0), result(6, 0)};
    exam_assess(&strict, crit, 5, &o);
    CHECK_INT(o.passed, 0);
    CHECK_INT(o.grade, 1);
    CHECK_INT(o.average_centi, 480);
    CHECK_INT(o.criticals, 1);
    CHECK_INT(o.broke, EXAM_BROKE_CRITICAL | EXAM_BROKE_GRADE);
    CHECK_INT(exam_scenario_broke(&strict, &crit[2]), EXAM_BROKE_CRITICAL | EXAM_BROKE_GRADE);
    CHECK_INT(exam_scenario_broke(&strict, &crit[0]), 0);

    /* one failed scenario without a critical error fails min_grade_each only */
    Assessment one1[3] = {result(6, 0), result(1, 0), result(6, 0)};
    exam_assess(&strict, one1, 3, &o);
    CHECK_INT(o.passed, 0);
    CHECK_INT(o.broke, EXAM_BROKE_GRADE);

    /* lenient rule: a 1 may be carried by the mean, criticals do not fail alone */
    ExamPassRule lenient = {1, 300, 0};
    exam_assess(&lenient, one1, 3, &o); /* 13/3 = 4.33 */
    CHECK_INT(o.passed, 1);
    CHECK_INT(o.grade, 4);
    CHECK_INT(o.average_centi, 433);
    exam_assess(&lenient, crit, 5, &o);
    CHECK_INT(o.passed, 1);
    CHECK_INT(o.criticals, 1);
    CHECK_INT(o.grade, 5); /* 24/5 = 4.8 */
    ExamPassRule crit_only = {1, 200, 1};
    exam_assess(&crit_only, crit, 5, &o);
    CHECK_INT(o.passed, 0);
    CHECK_INT(o.broke, EXAM_BROKE_CRITICAL);

    /* the mean is compared exactly: 8/3 = 2.666... is below 2.67 and not below 2.66 */
    Assessment thirds[3] = {result(3, 0), result(3, 0), result(2, 0)};
    ExamPassRule r267 = {2, 267, 1}, r266 = {2, 266, 1};
    exam_assess(&r267, thirds, 3, &o);
    CHECK_INT(o.passed, 0);
    CHECK_INT(o.broke, EXAM_BROKE_AVERAGE);
    CHECK_INT(o.average_centi, 267); /* shown rounded */
    exam_assess(&r266, thirds, 3, &o);
    CHECK_INT(o.passed, 1);
    CHECK_INT(o.grade, 3); /* 2.67 rounds to 3 */

    /* exactly on the line passes; half rounds up */
    Assessment half[2] = {result(3, 0), result(4, 0)};
    ExamPassRule r350 = {2, 350, 1};
    exam_assess(&r350, half, 2, &o);
    CHECK_INT(o.passed, 1);
    CHECK_INT(o.grade, 4);
    CHECK_INT(o.average_centi, 350);
    Assessment low[2] = {result(2, 0), result(2, 0)};
    exam_assess(&strict, low, 2, &o);
    CHECK_INT(o.passed, 1);
    CHECK_INT(o.grade, 2);

    /* nothing assessed never passes */
    exam_assess(&strict, NULL, 0, &o);
    CHECK_INT(o.passed, 0);
    CHECK_INT(o.grade, 1);
}

/* Rule: the summary names the set, its manifest hash, each report file and its
 * hash, each result and what it broke, and the exam result. */
static void test_render(void)
{
    char err[1024] = "";
    const char *text = GOOD;
    ExamSet *s = exam_parse(text, strlen(text), "m/x.json", NULL, err, sizeof err);
    CHECK(s != NULL);
    if (!s)
        return;
    Assessment a[2] = {result(6, 0), result(1, 2)};
    ExamOutcome o;
    exam_assess(&s->rule, a, 2, &o);
    ExamResultEntry e[2] = {
        {"telefon-datter-provesvar", "Datteren", 4711, "t.json", "aa", "08:03:30", &a[0]},
        {"lab-ekg", "EKG", 0, "l.json", "bb", "13:06:20", &a[1]},
    };
    ExamResultInput in = {"9.9.9", s, "Kari Elev", e, &o, 0, 60, 5};
    char *json = exam_result_render(&in);
    CHECK(strstr(json, "\"format\":\t\"skranken-exam-result\"") != NULL);
    CHECK(strstr(json, "\"format_version\":\t1") != NULL);
    CHECK(strstr(json, "\"engine_version\":\t\"9.9.9\"") != NULL);
    CHECK(strstr(json, "\"manifest\":\t\"x.json\"") != NULL);
    CHECK(strstr(json, s->sha256) != NULL);
    CHECK(strstr(json, "\"trainee\":\t\"Kari Elev\"") != NULL);
    CHECK(strstr(json, "\"report\":\t\"t.json\"") != NULL);
    CHECK(strstr(json, "\"report_sha256\":\t\"bb\"") != NULL);
    CHECK(strstr(json, "\"seed\":\t4711") != NULL);
    CHECK(strstr(json, "\"ended_at\":\t\"13:06:20\"") != NULL);
    CHECK(strstr(json, "\"broke\":\t[\"no_critical\", \"min_grade_each\"]") != NULL);
    CHECK(strstr(json, "\"passed\":\tfalse") != NULL);
    CHECK(strstr(json, "\"average\":\t3.5") != NULL);
    CHECK(strstr(json, "\"started\":\t\"1970-01-01T00:00:00Z\"") != NULL);
    CHECK(strstr(json, "\"finished\":\t\"1970-01-01T00:01:00Z\"") != NULL);
    CHECK(json[strlen(json) - 1] == '\n');
    free(json);
    exam_free(s);
}

int main(void)
{
    test_shipped();
    test_valid();
    test_bad_files();
    test_bad_fields();
    test_load_files();
    test_time();
    test_pass_rule();
    test_render();
    return check_finish("test_exam");
}
