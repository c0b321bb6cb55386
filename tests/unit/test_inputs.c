/* Inputs files (engine/core/inputs.h): whole-file parsing with line numbers, the
 * byte-level checks before parsing, and loading from disk with its limits. */
#include "core/inputs.h"

#include "check.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Text that must be refused with a message containing want. */
#define EXPECT_BAD(text, len, want)                                                  \
    do {                                                                             \
        InputsFile in_;                                                              \
        char e_[512] = "";                                                           \
        CHECK_INT(inputs_parse((text), (len), "x.inputs", &in_, e_, sizeof e_), -1); \
        if (!strstr(e_, (want)))                                                     \
            fprintf(stderr, "  message was: %s\n", e_);                              \
        CHECK(strstr(e_, (want)) != NULL);                                           \
        /* nothing is handed back on failure */                                      \
        CHECK_INT(in_.count, 0);                                                     \
        CHECK(in_.items == NULL);                                                    \
    } while (0)

#define S(lit) lit, sizeof(lit) - 1
/* The same for a string literal. */
#define EXPECT_BAD_LIT(lit, want) EXPECT_BAD(lit, sizeof(lit) - 1, want)

/* Rule: comments, blank lines, CRLF line endings, a UTF-8 BOM and a last line
 * without a newline are all accepted; each action keeps its 1-based line. */
static void test_good(void)
{
    const char text[] = "\xef\xbb\xbf# Riktig vei\r\n"
                        "\r\n"
                        "08:01:10 serve jonas\r\n"
                        "   \t\n"
                        "08:01:10 check_in jonas   # samme tid er lov\n"
                        "# 08:00:00 wait (kommentert bort, ikke bakover)\n"
                        "08:02:35 type datter \"15859012342\"";
    InputsFile in;
    char err[256] = "";
    int rc = inputs_parse(text, sizeof text - 1, "riktig.inputs", &in, err, sizeof err);
    CHECK_INT(rc, 0);
    if (rc)
        fprintf(stderr, "  %s\n", err);
    CHECK_INT(in.count, 3);
    if (in.count == 3) {
        CHECK_INT(in.items[0].line, 3);
        CHECK_INT(in.items[0].action.kind, ACTION_SERVE);
        CHECK_STR(in.items[0].action.args[0], "jonas"); /* no '\r' left on the id */
        CHECK_INT(in.items[0].action.t, 8 * SIMTIME_HOUR + SIMTIME_MINUTE + 10 * SIMTIME_SECOND);
        CHECK_INT(in.items[1].line, 5);
        CHECK_INT(in.items[1].action.kind, ACTION_CHECK_IN);
        CHECK_INT(in.items[2].line, 7);
        CHECK_INT(in.items[2].action.kind, ACTION_TYPE);
        CHECK_STR(in.items[2].action.args[1], "15859012342");
    }
    inputs_free(&in);
    CHECK_INT(in.count, 0);
    CHECK(in.items == NULL);

    /* Only comments: valid, no actions. Only a BOM: valid, no actions. */
    CHECK_INT(inputs_parse(S("# ingenting\n"), "c.inputs", &in, err, sizeof err), 0);
    CHECK_INT(in.count, 0);
    inputs_free(&in);
    CHECK_INT(inputs_parse(S("\xef\xbb\xbf"), "c.inputs", &in, err, sizeof err), 0);
    CHECK_INT(in.count, 0);
    inputs_free(&in);

    /* The length is honoured: bytes past len are not read. */
    const char longer[] = "08:00:00 wait\n08:00:01 dance\n";
    CHECK_INT(inputs_parse(longer, 14, "l.inputs", &in, err, sizeof err), 0);
    CHECK_INT(in.count, 1);
    inputs_free(&in);
}

/* Rule: every error names the file and (except for an empty file) the line:
 * "name:N: message". */
static void test_errors(void)
{
    /* empty text: refused, names the file */
    EXPECT_BAD("", 0, "x.inputs: filen er tom");

    /* a NUL byte on line 3: binary content */
    {
        const char bin[] = "# a\n08:00:00 wait\n08:00:01 w\0ait\n08:00:02 wait\n";
        EXPECT_BAD(bin, sizeof bin - 1, "x.inputs:3: binært innhold (NUL-byte)");
    }
    /* a NUL on line 1 too: the very first byte */
    {
        const char bin[] = "\0\x01\x02";
        EXPECT_BAD(bin, 3, "x.inputs:1: binært innhold");
    }
    /* the NUL check comes before everything else, even after a bad line 1 */
    {
        const char bin[] = "dance\n\n\n\0";
        EXPECT_BAD(bin, sizeof bin - 1, "x.inputs:4: binært innhold");
    }

    /* invalid UTF-8 on line 2 (even in a comment), and in a quoted text on 3 */
    EXPECT_BAD_LIT("# ok\n# \xff\xfe\n", "x.inputs:2: ikke gyldig UTF-8-tekst");
    EXPECT_BAD_LIT("# ok\n\n08:00:00 type kari \"bl\xe5\"\n", "x.inputs:3: ikke gyldig UTF-8-tekst");
    /* a lone CR inside a line is a control character, not a line end */
    EXPECT_BAD_LIT("08:00:00 wait\r08:00:01 wait\n", "x.inputs:1: ikke gyldig UTF-8-tekst");

    /* times going backwards, by one second, on line 4 (line 3 is a comment) */
    EXPECT_BAD_LIT("08:01:00 wait\n08:02:00 wait\n# x\n08:01:59 wait\n",
               "x.inputs:4: klokkeslettet 08:01:59 er før linjen over");

    /* a truncated last line: an unterminated quote and no newline */
    EXPECT_BAD_LIT("08:00:00 serve kari\n08:01:00 type kari \"15859",
               "x.inputs:2: tekst i anførselstegn mangler slutt-\"");

    /* a bad action line is reported with its own number after CRLF lines */
    EXPECT_BAD_LIT("# a\r\n# b\r\n08:00:00 wait\r\n08:00:01 dance\r\n",
               "x.inputs:4: ukjent handling «dance»");
    /* a bad argument */
    EXPECT_BAD_LIT("08:00:00 answer 0\n", "x.inputs:1: line må være et linjenummer 1-9");
}

/* Makes a temporary file with the given bytes; returns its path (static). */
static const char *temp_file(const char *data, size_t len)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/skranken-test-inputs-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return NULL;
    CHECK_INT(write(fd, data, len), (long long)len);
    close(fd);
    return path;
}

/* Rule: inputs_load reads the file through file_read_all (with the
 * INPUTS_MAX_BYTES limit) and reports errors with the path as the name. */
static void test_load(void)
{
    InputsFile in;
    char err[512] = "";

    /* a good file */
    const char good[] = "# x\n08:00:00 serve jonas\n08:00:05 wait\n";
    const char *p = temp_file(good, sizeof good - 1);
    if (p) {
        CHECK_INT(inputs_load(p, &in, err, sizeof err), 0);
        CHECK_INT(in.count, 2);
        CHECK_INT(in.items[1].line, 3);
        inputs_free(&in);
        unlink(p);
    }

    /* a bad file: the message starts with the path and the line */
    const char bad[] = "08:00:00 wait\n08:00:01 serve\n";
    p = temp_file(bad, sizeof bad - 1);
    if (p) {
        char want[128];
        snprintf(want, sizeof want, "%s:2: serve tar 1 argument", p);
        CHECK_INT(inputs_load(p, &in, err, sizeof err), -1);
        CHECK(strncmp(err, want, strlen(want)) == 0);
        CHECK_INT(in.count, 0);
        unlink(p);
    }

    /* an empty file */
    p = temp_file("", 0);
    if (p) {
        CHECK_INT(inputs_load(p, &in, err, sizeof err), -1);
        CHECK(strstr(err, p) != NULL);
        CHECK(strstr(err, "filen er tom") != NULL);
        unlink(p);
    }

    /* a missing file */
    CHECK_INT(inputs_load("/tmp/skranken-no-such-dir/none.inputs", &in, err, sizeof err), -1);
    CHECK(strstr(err, "/tmp/skranken-no-such-dir/none.inputs") != NULL);
    CHECK(strstr(err, "finnes ikke") != NULL);
    CHECK_INT(in.count, 0);

    /* a directory */
    char dir[] = "/tmp/skranken-test-inputs-dir-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    CHECK_INT(inputs_load(dir, &in, err, sizeof err), -1);
    CHECK(strstr(err, dir) != NULL);
    CHECK(strstr(err, "er ikke en vanlig fil") != NULL);
    rmdir(dir);

    /* larger than INPUTS_MAX_BYTES by one byte (a sparse file: cheap) */
    p = temp_file("#", 1);
    if (p) {
        CHECK_INT(truncate(p, (off_t)INPUTS_MAX_BYTES + 1), 0);
        CHECK_INT(inputs_load(p, &in, err, sizeof err), -1);
        CHECK(strstr(err, p) != NULL);
        CHECK(strstr(err, "for stor") != NULL);
        CHECK_INT(in.count, 0);
        /* exactly the limit is read, and then refused for the NUL bytes the
         * sparse file holds, on line 1 */
        CHECK_INT(truncate(p, (off_t)INPUTS_MAX_BYTES), 0);
        CHECK_INT(inputs_load(p, &in, err, sizeof err), -1);
        CHECK(strstr(err, ":1: binært innhold") != NULL);
        unlink(p);
    }
}

int main(void)
{
    test_good();
    test_errors();
    test_load();
    return check_finish("test_inputs");
}
