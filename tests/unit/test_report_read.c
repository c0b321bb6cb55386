/* Reading reports back (engine/report/report_read.h): a good report gives every
 * field; broken, cut-off, binary, foreign, future and mistyped reports are
 * refused with one bokmål message naming the file and, where there is one, the
 * line. Files are written to a fresh mkdtemp folder that is removed at the end. */
#include "report/report.h"
#include "report/report_read.h"
#include "core/strbuf.h"

#include "check.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The report this build writes, as text: good_template with "@V" replaced by
 * REPORT_FORMAT_VERSION (made in main). Line numbers below count from it: "trainee" is on line 6, "result"
 * on 9, "grade" on 10, the second goal on 16, "inputs" on 23, "wall" on 24. */
static const char good_template[] =
    "{\"format\": \"skranken-report\", \"format_version\": @V, \"engine_version\": \"0.1.0\",\n"
    " \"scenario\": {\"id\": \"telefon-datter-provesvar\", \"version\": \"1.0\",\n"
    "   \"title\": \"Datteren som vil ha prøvesvar\",\n"
    "   \"sha256\": \"41d59fc19c51c47f897b4a0db355ada25727a04f2f842deb205ac1df32a200d5\",\n"
    "   \"start\": \"08:00:00\", \"duration_minutes\": 15},\n"
    " \"trainee\": \"Kari Elev\",\n"
    " \"mode\": \"exam\",\n"
    " \"seed\": 9007199254740991,\n"
    " \"result\": {\"points\": 3, \"max\": 9, \"fraction\": 0.333,\n"
    "   \"grade\": 1, \"points_grade\": 2, \"passed\": false, \"critical_errors\": 1,\n"
    "   \"ended_at\": \"08:15:00\", \"end_reason\": \"time_up\"},\n"
    " \"goals\": [\n"
    "  {\"id\": \"hse3006.taushetsplikt\", \"subject\": \"HSE3006\", \"title\": \"Taushetsplikt\",\n"
    "   \"official\": {\"code\": \"KM1234\", \"uri\": \"http://psi.udir.no/kl06/KM1234\"},\n"
    "   \"earned\": 0, \"possible\": 6, \"fraction\": 0, \"awarded\": 2, \"deducted\": 2, \"critical_errors\": 1},\n"
    "  {\"id\": \"hse3007.telefon\",\n"
    "   \"earned\": 3, \"possible\": 3, \"fraction\": 1, \"awarded\": 3, \"deducted\": 0, \"critical_errors\": 0}\n"
    " ],\n"
    " \"critical_errors\": [\n"
    "  {\"goal\": \"hse3006.taushetsplikt\", \"rule\": \"hpl § 21\", \"text\": \"Ga svar\\nuten kontroll\", \"t\": \"08:02:55\"}\n"
    " ],\n"
    " \"timeline\": [{\"t\": \"08:02:00\", \"type\": \"happening\", \"code\": \"call_ringing\"}],\n"
    " \"inputs\": [\"08:01:10 serve jonas\", \"08:02:10 answer 1\"],\n"
    " \"wall\": {\"started\": \"2026-11-22T10:00:00Z\", \"finished\": \"2024-02-29T23:59:59Z\", \"duration_ms\": 4}\n"
    "}\n";

static char good[sizeof good_template + 16];
static char version_text[16]; /* "2" */

static char root[] = "/tmp/skranken-test-report-read-XXXXXX";

/* Set while a case is about the input log, which readers without it do not check. */
static int inputs_only;

/* good with the first occurrence of from replaced by to (caller frees). */
static char *edit(const char *from, const char *to)
{
    const char *at = strstr(good, from);
    if (!at) {
        fprintf(stderr, "test_report_read: «%s» is not in the good report\n", from);
        exit(2);
    }
    size_t head = (size_t)(at - good), fl = strlen(from), tl = strlen(to);
    char *s = malloc(strlen(good) + 1 - fl + tl);
    memcpy(s, good, head);
    memcpy(s + head, to, tl);
    strcpy(s + head + tl, at + fl);
    return s;
}

/* Parses text as "r.json"; 0 when the outcome is as expected: want_err NULL means
 * it must be read, else the message must be exactly want_err. */
static void expect(int line, const char *text, size_t len, const char *want_err)
{
    ReportFile rf;
    char err[512] = "";
    int rc = report_parse("r.json", text, len, &rf, err, sizeof err);
    check_count++;
    if (want_err == NULL && rc != 0) {
        check_failures++;
        fprintf(stderr, "%s:%d: refused: %s\n", __FILE__, line, err);
    } else if (want_err && rc == 0) {
        check_failures++;
        fprintf(stderr, "%s:%d: read, expected «%s»\n", __FILE__, line, want_err);
    } else if (want_err && strcmp(err, want_err) != 0) {
        check_failures++;
        fprintf(stderr, "%s:%d: message «%s», expected «%s»\n", __FILE__, line, err, want_err);
    }
    /* a refused report is left empty and safe to free */
    if (rc != 0) {
        CHECK(rf.trainee == NULL && rf.goals == NULL && rf.goal_count == 0);
        CHECK(rf.inputs.count == 0);
    }
    report_file_free(&rf);
    /* the fast path for readers without the input log says the same */
    if (inputs_only)
        return;
    char err2[512] = "";
    int rc2 = report_parse_opts("r.json", text, len, REPORT_READ_NO_INPUTS, &rf, err2,
                                sizeof err2);
    check_count++;
    if (rc2 != rc || (rc != 0 && strcmp(err, err2) != 0)) {
        check_failures++;
        fprintf(stderr, "%s:%d: without inputs: %d «%s», with: %d «%s»\n", __FILE__, line, rc2,
                err2, rc, err);
    }
    report_file_free(&rf);
}

#define EXPECT_EDIT(from, to, want)                                                   \
    do {                                                                          \
        char *t_ = edit(from, to);                                                \
        expect(__LINE__, t_, strlen(t_), want);                                   \
        free(t_);                                                                 \
    } while (0)
#define EXPECT_TEXT(text, want) expect(__LINE__, text, strlen(text), want)

static void test_good(void)
{
    ReportFile rf;
    char err[512] = "";
    CHECK_INT(report_parse("r.json", good, strlen(good), &rf, err, sizeof err), 0);
    CHECK_STR(err, "");
    CHECK_INT(rf.format_version, REPORT_FORMAT_VERSION);
    CHECK_STR(rf.engine_version, "0.1.0");
    CHECK_STR(rf.scenario_id, "telefon-datter-provesvar");
    CHECK_STR(rf.scenario_version, "1.0");
    CHECK_STR(rf.scenario_title, "Datteren som vil ha prøvesvar");
    CHECK_INT(strlen(rf.scenario_sha256), 64);
    CHECK_INT(rf.duration_minutes, 15);
    CHECK_STR(rf.trainee, "Kari Elev");
    CHECK_INT(rf.exam, 1);
    CHECK(rf.seed == 9007199254740991ULL);
    CHECK_INT(rf.points, 3);
    CHECK_INT(rf.max, 9);
    CHECK(rf.fraction > 0.3329 && rf.fraction < 0.3331);
    CHECK_INT(rf.grade, 1);
    CHECK_INT(rf.points_grade, 2);
    CHECK_INT(rf.passed, 0);
    CHECK_INT(rf.critical_count, 1);
    CHECK_STR(rf.ended_at, "08:15:00");
    CHECK_STR(rf.end_reason, "time_up");
    CHECK_INT(rf.goal_count, 2);
    if (rf.goal_count == 2) {
        CHECK_STR(rf.goals[0].id, "hse3006.taushetsplikt");
        CHECK_STR(rf.goals[0].subject, "HSE3006");
        CHECK_STR(rf.goals[0].title, "Taushetsplikt");
        CHECK_STR(rf.goals[0].official_code, "KM1234");
        CHECK_STR(rf.goals[0].official_uri, "http://psi.udir.no/kl06/KM1234");
        CHECK(rf.goals[0].official_title == NULL);
        CHECK_INT(rf.goals[0].earned, 0);
        CHECK_INT(rf.goals[0].possible, 6);
        CHECK_INT(rf.goals[0].awarded, 2);
        CHECK_INT(rf.goals[0].deducted, 2);
        CHECK_INT(rf.goals[0].critical_errors, 1);
        CHECK_STR(rf.goals[1].id, "hse3007.telefon");
        CHECK(rf.goals[1].subject == NULL && rf.goals[1].title == NULL);
        CHECK(rf.goals[1].official_code == NULL);
        CHECK_INT(rf.goals[1].earned, 3);
        CHECK(rf.goals[1].fraction == 1.0);
    }
    CHECK_INT(rf.critical_len, 1);
    if (rf.critical_len == 1) {
        CHECK_STR(rf.criticals[0].goal, "hse3006.taushetsplikt");
        CHECK_STR(rf.criticals[0].rule, "hpl § 21");
        CHECK_STR(rf.criticals[0].text, "Ga svar\nuten kontroll");
        CHECK(rf.criticals[0].better == NULL);
        CHECK_STR(rf.criticals[0].t, "08:02:55");
    }
    CHECK_INT(rf.inputs.count, 2);
    if (rf.inputs.count == 2)
        CHECK_STR(rf.inputs.items[1], "08:02:10 answer 1");
    CHECK_INT(rf.wall_started, 1795341600);
    CHECK_INT(rf.wall_finished, 1709251199);
    CHECK_INT(rf.duration_ms, 4);
    report_file_free(&rf);
    report_file_free(&rf); /* twice is harmless */

    /* without the input log: the rest the same */
    CHECK_INT(report_parse_opts("r.json", good, strlen(good), REPORT_READ_NO_INPUTS, &rf, err,
                                sizeof err), 0);
    CHECK_INT(rf.inputs.count, 0);
    CHECK_INT(rf.goal_count, 2);
    report_file_free(&rf);

    /* an editor's byte order mark, CRLF line ends, no wall, null optional fields */
    size_t n = strlen(good);
    char *bom = malloc(n + 4);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, good, n + 1);
    expect(__LINE__, bom, n + 3, NULL);
    free(bom);
    EXPECT_EDIT(",\n \"wall\": {\"started\": \"2026-11-22T10:00:00Z\", \"finished\": "
                "\"2024-02-29T23:59:59Z\", \"duration_ms\": 4}", "", NULL);
    char *nowall = edit(", \"duration_ms\": 4}", "}");
    CHECK_INT(report_parse("r.json", nowall, strlen(nowall), &rf, err, sizeof err), 0);
    CHECK_INT(rf.duration_ms, -1);
    report_file_free(&rf);
    free(nowall);
    EXPECT_EDIT("\"subject\": \"HSE3006\"", "\"subject\": null", NULL);
}

static void test_not_json(void)
{
    EXPECT_TEXT("", "r.json: filen er tom");
    EXPECT_TEXT(" \n\n  ", "r.json: filen er tom");
    expect(__LINE__, "{\"format\":\n\"skr\0anken\"}", 22, "r.json:2: ikke en tekstfil (binært innhold)");
    EXPECT_TEXT("{\"format\": \"skranken-report\",\n \"trainee\": \"K\xc3\x28ri\"}",
                "r.json:2: ikke gyldig UTF-8");
    /* cut short: a download that stopped in the middle */
    char cut[400];
    memcpy(cut, good, 300);
    cut[300] = '\0';
    EXPECT_TEXT(cut, "r.json:5: ikke gyldig JSON (filen slutter midt i)");
    EXPECT_EDIT("\"mode\": \"exam\",", "\"mode\": \"exam\",,", "r.json:7: ikke gyldig JSON");
    char *two = malloc(2 * sizeof good);
    snprintf(two, 2 * sizeof good, "%s%s", good, "{}\n");
    EXPECT_TEXT(two, "r.json:26: ikke gyldig JSON (tekst etter slutten)");
    free(two);
    /* deeply nested: refused, no crash */
    char deep[8000];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    ReportFile rf;
    char err[512];
    CHECK(report_parse("r.json", deep, strlen(deep), &rf, err, sizeof err) != 0);
    CHECK(strncmp(err, "r.json:1: ikke gyldig JSON", 26) == 0);
}

static void test_not_a_report(void)
{
    EXPECT_TEXT("[1, 2]", "r.json: ikke en Skranken-rapport (ventet ett JSON-objekt, fant en liste)");
    EXPECT_TEXT("{}", "r.json: ikke en Skranken-rapport (\"format\": \"skranken-report\" mangler)");
    EXPECT_TEXT("{\"format\": \"skranken-exam-summary\", \"format_version\": 1}",
                "r.json: ikke en Skranken-rapport (\"format\" er «skranken-exam-summary», ventet "
                "«skranken-report»)");
    EXPECT_TEXT("{\"format\": \"skranken-catalog\", \"format_version\": 2, \"goals\": []}",
                "r.json: ikke en Skranken-rapport (\"format\" er «skranken-catalog», ventet "
                "«skranken-report»)");
    char fv[64], want[160];
    snprintf(fv, sizeof fv, "\"format_version\": %s", version_text);
    snprintf(want, sizeof want, "r.json: rapportformat 7 er ukjent (denne versjonen leser %s)",
             version_text);
    EXPECT_EDIT(fv, "\"format_version\": 7", want);
    snprintf(want, sizeof want, "r.json: rapportformat 1.5 er ukjent (denne versjonen leser %s)",
             version_text);
    EXPECT_EDIT(fv, "\"format_version\": 1.5", want);
    /* the version before this one is refused too */
    if (REPORT_FORMAT_VERSION > 1) {
        snprintf(want, sizeof want, "r.json: rapportformat %d er ukjent (denne versjonen leser %s)",
                 REPORT_FORMAT_VERSION - 1, version_text);
        char older[64];
        snprintf(older, sizeof older, "\"format_version\": %d", REPORT_FORMAT_VERSION - 1);
        EXPECT_EDIT(fv, older, want);
    }
    EXPECT_EDIT(fv, "\"format_version\": \"1\"",
                "r.json:1: \"format_version\" skal være et heltall, fant en tekst");
    strcat(fv, ",");
    EXPECT_EDIT(fv, "", "r.json: \"format_version\" mangler");
}

static void test_fields(void)
{
    EXPECT_EDIT(" \"trainee\": \"Kari Elev\",\n", "", "r.json: \"trainee\" mangler");
    EXPECT_EDIT("\"trainee\": \"Kari Elev\"", "\"trainee\": 12",
                "r.json:6: \"trainee\" skal være en tekst, fant et tall");
    EXPECT_EDIT("\"trainee\": \"Kari Elev\"", "\"trainee\": \"Kari\\u001b[31mElev\"",
                "r.json:6: \"trainee\" har et kontrolltegn");
    EXPECT_EDIT("\"mode\": \"exam\"", "\"mode\": \"fun\"",
                "r.json:7: \"mode\" skal være practice eller exam, fant «fun»");
    EXPECT_EDIT("\"seed\": 9007199254740991", "\"seed\": -1",
                "r.json:8: \"seed\" skal være et heltall fra 0 til 9007199254740991, fant -1");
    EXPECT_EDIT("\"grade\": 1", "\"grade\": \"1\"",
                "r.json:10: \"result\": \"grade\" skal være et heltall, fant en tekst");
    EXPECT_EDIT("\"grade\": 1", "\"grade\": 9",
                "r.json:10: \"result\": \"grade\" skal være et heltall fra 1 til 6, fant 9");
    EXPECT_EDIT("\"grade\": 1", "\"grade\": 1.5",
                "r.json:10: \"result\": \"grade\" skal være et heltall fra 1 til 6, fant 1.5");
    EXPECT_EDIT("\"grade\": 1, ", "", "r.json:9: \"result\": \"grade\" mangler");
    EXPECT_EDIT("\"points\": 3", "\"points\": 30",
                "r.json:9: \"result\": \"points\" (30) er større enn \"max\" (9)");
    EXPECT_EDIT("\"passed\": false", "\"passed\": 0",
                "r.json:10: \"result\": \"passed\" skal være true eller false, fant et tall");
    EXPECT_EDIT("\"end_reason\": \"time_up\"", "\"end_reason\": \"crash\"",
                "r.json:11: \"result\": \"end_reason\" skal være finish eller time_up, fant «crash»");
    EXPECT_EDIT("\"ended_at\": \"08:15:00\"", "\"ended_at\": \"8:15\"",
                "r.json:11: \"result\": \"ended_at\" skal være et klokkeslett TT:MM:SS eller "
                "TT:MM:SS.mmm, fant «8:15»");
    /* The window records to the millisecond: such times are read as written. */
    EXPECT_EDIT("\"ended_at\": \"08:15:00\"", "\"ended_at\": \"08:15:02.820\"", NULL);
    EXPECT_EDIT("\"ended_at\": \"08:15:00\"", "\"ended_at\": \"08:15:02.000\"",
                "r.json:11: \"result\": \"ended_at\" skal være et klokkeslett TT:MM:SS eller "
                "TT:MM:SS.mmm, fant «08:15:02.000»");
    EXPECT_EDIT("\"ended_at\": \"08:15:00\"", "\"ended_at\": \"25:15:00\"",
                "r.json:11: \"result\": \"ended_at\" skal være et klokkeslett TT:MM:SS eller "
                "TT:MM:SS.mmm, fant «25:15:00»");
    EXPECT_EDIT("\"result\": {", "\"result\": [], \"x\": {",
                "r.json:9: \"result\" skal være et objekt, fant en liste");
    EXPECT_EDIT("\"id\": \"telefon-datter-provesvar\"", "\"id\": \"../../etc\"",
                "r.json:2: \"scenario\": \"id\" «../../etc» er ikke en gyldig scenario-id");
    EXPECT_EDIT("\"sha256\": \"41d", "\"sha256\": \"41D",
                "r.json:4: \"scenario\": \"sha256\" skal være 64 heksadesimale tegn (små bokstaver)");
    EXPECT_EDIT("\"earned\": 3, ", "",
                "r.json:16: \"goals\" nr. 2: \"earned\" mangler");
    EXPECT_EDIT("\"earned\": 3, ", "\"earned\": 4, ",
                "r.json:17: \"goals\" nr. 2: \"earned\" (4) er større enn \"possible\" (3)");
    EXPECT_EDIT("\"id\": \"hse3007.telefon\"", "\"id\": \"hse3006.taushetsplikt\"",
                "r.json:16: \"goals\" nr. 2: målet «hse3006.taushetsplikt» står to ganger");
    EXPECT_EDIT("\"code\": \"KM1234\"", "\"code\": 5",
                "r.json:14: \"goals\" nr. 1: \"official\": \"code\" skal være en tekst, fant et tall");
    EXPECT_EDIT("\"goals\": [", "\"goals\": [7,",
                "r.json:12: \"goals\" nr. 1: skal være et objekt, fant et tall");
    EXPECT_EDIT("\"t\": \"08:02:55\"", "\"t\": 5",
                "r.json:20: \"critical_errors\" nr. 1: \"t\" skal være en tekst, fant et tall");
    inputs_only = 1;
    EXPECT_EDIT("answer 1\"]", "answer 1\", null]",
                "r.json:23: \"inputs\" nr. 3: skal være en tekst, fant null");
    EXPECT_EDIT("answer 1\"]", "answer 1\\u0007\"]",
                "r.json:23: \"inputs\" nr. 2: er ikke en gyldig inndatalinje (høyst 4096 byte, uten "
                "kontrolltegn)");
    inputs_only = 0;
    EXPECT_EDIT("\"inputs\": [", "\"inputs\": {\"a\": 1}, \"x\": [",
                "r.json:23: \"inputs\" skal være en liste, fant et objekt");
    /* broken JSON inside the lists the fast path skips */
    EXPECT_EDIT("answer 1\"]", "answer 1\",]", "r.json:23: ikke gyldig JSON");
    /* cJSON reads 01 as 1; the fast path refuses it and leaves it to cJSON */
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"n\": 01}", NULL);
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"a\\qb\"}", "r.json:22: ikke gyldig JSON");
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"a\x7f\"}",
                "r.json:22: ikke en tekstfil (binært innhold)");
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"\xc2\x85\"}",
                "r.json:22: ikke gyldig UTF-8");
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"\xed\xa0\x80\"}",
                "r.json:22: ikke gyldig UTF-8");
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": [[[{\"a\": tru}]]]}", "r.json:22: ikke gyldig JSON");
    /* what cJSON refuses, the fast path refuses too: lone surrogates (found by
     * comparing both ways on mutated reports); long numbers both read */
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"a\\ud800b\"}", "r.json:22: ikke gyldig JSON");
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"a\\udc00\"}", "r.json:22: ikke gyldig JSON");
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"\\ud800\\u0041\"}", "r.json:22: ikke gyldig JSON");
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"\\ud83d\\ude00 \\u0000\"}", NULL);
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"n\": 1234567890123456789012345678901234567890123456789012345678901234567890}", NULL);
    EXPECT_EDIT("\"call_ringing\"}", "\"call_ringing\", \"x\": \"æøå \\u00e6 \\\" \\/ ok\", \"y\": [-0.5e+3, 1E2, true, false, null, {}, []]}", NULL);
    EXPECT_EDIT("\"timeline\": [", "\"timeline\": 1, \"x\": [",
                "r.json:22: \"timeline\" skal være en liste, fant et tall");
    EXPECT_EDIT("2026-11-22T10:00:00Z", "2026-11-31T10:00:00Z",
                "r.json:24: \"wall\": \"started\" skal være et tidspunkt som 2026-11-22T10:00:00Z, "
                "fant «2026-11-31T10:00:00Z»");
    /* more goals than any scenario has: refused before they are compared */
    {
        StrBuf many;
        strbuf_init(&many);
        strbuf_add(&many, "\"goals\": [");
        for (int i = 0; i < 1001; i++)
            strbuf_addf(&many, "%s{\"id\": \"g%d\", \"earned\": 0, \"possible\": 1, \"fraction\": 0, "
                               "\"awarded\": 0, \"deducted\": 0, \"critical_errors\": 0}",
                        i ? "," : "", i);
        strbuf_add(&many, "], \"x\": [");
        EXPECT_EDIT("\"goals\": [", many.data, "r.json:12: \"goals\" har 1001 mål (høyst 1000)");
        strbuf_free(&many);
    }
    /* a long name from a hand-edited file */
    char name[400];
    memset(name, 'x', 300);
    name[300] = '\0';
    char to[420];
    snprintf(to, sizeof to, "\"trainee\": \"%s\"", name);
    EXPECT_EDIT("\"trainee\": \"Kari Elev\"", to,
                "r.json:6: \"trainee\" er for lang (300 byte, høyst 200)");
}

static const char *at(const char *name)
{
    static char buf[8][256];
    static int next;
    char *p = buf[next++ % 8];
    snprintf(p, 256, "%s/%s", root, name);
    return p;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

static void test_files(void)
{
    ReportFile rf;
    char err[512], want[512];
    write_text(at("good.json"), good);
    CHECK_INT(report_load(at("good.json"), &rf, err, sizeof err), 0);
    CHECK_STR(rf.trainee, "Kari Elev");
    report_file_free(&rf);

    CHECK_INT(report_load(at("missing.json"), &rf, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: filen finnes ikke", at("missing.json"));
    CHECK_STR(err, want);
    CHECK_INT(report_load(root, &rf, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: er ikke en vanlig fil", root);
    CHECK_STR(err, want);
    /* bigger than the limit: refused from its size, not read */
    int fd = open(at("huge.json"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0 && ftruncate(fd, (off_t)REPORT_READ_MAX_BYTES + 1) == 0);
    close(fd);
    CHECK_INT(report_load(at("huge.json"), &rf, err, sizeof err), -1);
    CHECK(strstr(err, "huge.json: filen er for stor") != NULL);
    write_text(at("bad.json"), "{\"format\": \"skranken-report\",\n\"format_version\": 7}");
    CHECK_INT(report_load(at("bad.json"), &rf, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s: rapportformat 7 er ukjent (denne versjonen leser %d)",
             at("bad.json"), REPORT_FORMAT_VERSION);
    CHECK_STR(err, want);

    /* the library's short form reads through the same reader */
    ReportSummary s;
    CHECK_INT(report_read_summary(at("good.json"), &s), 0);
    CHECK_STR(s.scenario_id, "telefon-datter-provesvar");
    CHECK_STR(s.trainee, "Kari Elev");
    CHECK_INT(s.grade, 1);
    CHECK_INT(s.points, 3);
    CHECK_INT(s.max, 9);
    CHECK_INT(s.passed, 0);
    CHECK_INT(report_read_summary(at("bad.json"), &s), -1);
    CHECK_INT(report_read_summary(at("missing.json"), &s), -1);
    /* a long name is cut at a character boundary, never inside "ø" */
    char longname[200];
    memset(longname, 'a', 126);
    strcpy(longname + 126, "øøø");
    char to[260];
    snprintf(to, sizeof to, "\"trainee\": \"%s\"", longname);
    char *t = edit("\"trainee\": \"Kari Elev\"", to);
    write_text(at("long.json"), t);
    free(t);
    CHECK_INT(report_read_summary(at("long.json"), &s), 0);
    CHECK_INT(strlen(s.trainee), 126);

    unlink(at("good.json"));
    unlink(at("huge.json"));
    unlink(at("bad.json"));
    unlink(at("long.json"));
}

int main(void)
{
    snprintf(version_text, sizeof version_text, "%d", REPORT_FORMAT_VERSION);
    const char *v = strstr(good_template, "@V");
    snprintf(good, sizeof good, "%.*s%s%s", (int)(v - good_template), good_template,
             version_text, v + 2);
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 2;
    }
    test_good();
    test_not_json();
    test_not_a_report();
    test_fields();
    test_files();
    rmdir(root);
    return check_finish("test_report_read");
}
