/* Trainee actions (engine/core/action.h): the action_specs table, parsing one
 * inputs-file line, formatting it back, and every way a line can be refused. */
#include "core/action.h"
#include "core/strbuf.h"

#include "check.h"

#include <stdlib.h>

/* A line that must be refused: -1, and the message contains want. A macro so a
 * failure names the caller's line. */
#define EXPECT_BAD(line, want)                                                   \
    do {                                                                         \
        Action bad_;                                                             \
        char berr_[512] = "";                                                    \
        CHECK_INT(action_parse_line((line), &bad_, berr_, sizeof berr_), -1);    \
        if (!strstr(berr_, (want)))                                              \
            fprintf(stderr, "  message was: %s\n", berr_);                       \
        CHECK(strstr(berr_, (want)) != NULL);                                    \
        /* A refused line leaves nothing owned in the action. */                 \
        for (int k_ = 0; k_ < ACTION_MAX_ARGS; k_++)                             \
            CHECK(bad_.args[k_] == NULL);                                        \
        action_free(&bad_);                                                      \
    } while (0)

/* A line that must parse to exactly one action. */
#define EXPECT_GOOD(line, a)                                                     \
    do {                                                                         \
        char gerr_[512] = "";                                                    \
        int grc_ = action_parse_line((line), (a), gerr_, sizeof gerr_);          \
        CHECK_INT(grc_, 1);                                                      \
        if (grc_ != 1)                                                           \
            fprintf(stderr, "  %s: %s\n", (line), gerr_);                        \
    } while (0)

/* A sample value of each argument type. The text sample has both escapes, a tab,
 * a '#' (not a comment inside quotes) and non-ASCII letters. */
static const char *sample(ActionArgType type, int i)
{
    static const char *const ids[ACTION_MAX_ARGS] = {"jonas", "dr.berg-2", "V1", "site_a"};
    static const char *const times[ACTION_MAX_ARGS] = {"09:15", "+2/23:59", "00:00", "+60/12:30"};
    switch (type) {
    case ARG_ID: return ids[i];
    case ARG_TEXT: return "Hun sa \"nei\" \\ # æøå\tfin";
    case ARG_SLOT: return times[i];
    case ARG_INT: return "375";
    case ARG_LINE: return "3";
    }
    return "?";
}

/* Writes the sample in inputs-file syntax (texts quoted with escapes). */
static void add_sample_token(StrBuf *sb, ActionArgType type, int i)
{
    const char *v = sample(type, i);
    if (type != ARG_TEXT) {
        strbuf_add(sb, v);
        return;
    }
    strbuf_add(sb, "\"");
    for (const char *p = v; *p; p++) {
        if (*p == '"' || *p == '\\')
            strbuf_addn(sb, "\\", 1);
        strbuf_addn(sb, p, 1);
    }
    strbuf_add(sb, "\"");
}

static int same_action(const Action *a, const Action *b)
{
    if (a->kind != b->kind || a->t != b->t)
        return 0;
    for (int i = 0; i < ACTION_MAX_ARGS; i++) {
        if ((a->args[i] == NULL) != (b->args[i] == NULL))
            return 0;
        if (a->args[i] && strcmp(a->args[i], b->args[i]) != 0)
            return 0;
    }
    return 1;
}

/* Rule: every kind in action_specs has a unique name that maps back to it, and a
 * hand-written line for it parses to the right fields; action_format of that
 * action parses back to the same fields and formats to the same line. */
static void test_round_trip_every_kind(void)
{
    for (int k = 0; k < ACTION_COUNT; k++) {
        const ActionSpec *spec = action_spec((ActionKind)k);
        CHECK(spec != NULL);
        CHECK(spec == &action_specs[k]);
        CHECK(spec->name != NULL && spec->summary != NULL);
        CHECK(spec->argc >= 0 && spec->argc <= ACTION_MAX_ARGS);
        CHECK_INT(action_kind_from_name(spec->name), k);

        StrBuf line;
        strbuf_init(&line);
        strbuf_addf(&line, "08:00:%02d %s", k, spec->name);
        for (int i = 0; i < spec->argc; i++) {
            strbuf_add(&line, " ");
            add_sample_token(&line, spec->types[i], i);
        }
        Action a, b;
        EXPECT_GOOD(strbuf_str(&line), &a);
        CHECK_INT(a.kind, k);
        CHECK_INT(a.t, 8 * SIMTIME_HOUR + k * SIMTIME_SECOND);
        for (int i = 0; i < spec->argc; i++) {
            CHECK_STR(a.args[i], sample(spec->types[i], i));
            /* action_field finds each argument by its field name */
            CHECK_STR(action_field(&a, spec->fields[i]), sample(spec->types[i], i));
        }
        for (int i = spec->argc; i < ACTION_MAX_ARGS; i++)
            CHECK(a.args[i] == NULL);

        StrBuf formatted;
        strbuf_init(&formatted);
        action_format(&a, &formatted);
        /* Our hand-written line is the canonical form, so format gives it back. */
        CHECK_STR(strbuf_str(&formatted), strbuf_str(&line));
        EXPECT_GOOD(strbuf_str(&formatted), &b);
        CHECK(same_action(&a, &b));

        action_free(&a);
        action_free(&b);
        strbuf_free(&line);
        strbuf_free(&formatted);
    }
    CHECK_INT(action_kind_from_name("dance"), -1);
    CHECK_INT(action_kind_from_name(""), -1);
    CHECK(action_spec(ACTION_COUNT) == NULL);
    CHECK(action_spec((ActionKind)-1) == NULL);
}

/* Rule: milliseconds in the line time survive format and parse; extra spaces
 * and tabs between tokens and a trailing comment do not matter; an unquoted
 * word is accepted as a text argument. */
static void test_line_details(void)
{
    Action a, b;
    EXPECT_GOOD("08:00:05.250 wait", &a);
    CHECK_INT(a.t, 8 * SIMTIME_HOUR + 5 * SIMTIME_SECOND + 250);
    StrBuf sb;
    strbuf_init(&sb);
    action_format(&a, &sb);
    CHECK_STR(strbuf_str(&sb), "08:00:05.250 wait");
    EXPECT_GOOD(strbuf_str(&sb), &b);
    CHECK(same_action(&a, &b));
    action_free(&a);
    action_free(&b);
    strbuf_free(&sb);

    EXPECT_GOOD("  \t08:01:00 \t serve   jonas   # tar imot", &a);
    CHECK_INT(a.kind, ACTION_SERVE);
    CHECK_STR(a.args[0], "jonas");
    action_free(&a);

    EXPECT_GOOD("08:01:00 search_record Hansen", &a);
    CHECK_STR(a.args[0], "Hansen");
    action_free(&a);

    /* An HH:MM line time is accepted by simtime_parse. */
    EXPECT_GOOD("08:01 wait", &a);
    CHECK_INT(a.t, 8 * SIMTIME_HOUR + SIMTIME_MINUTE);
    action_free(&a);

    /* Empty quoted text is a valid (empty) text and formats as "". */
    EXPECT_GOOD("08:02:00 type kari \"\"", &a);
    CHECK_STR(a.args[1], "");
    strbuf_init(&sb);
    action_format(&a, &sb);
    CHECK_STR(strbuf_str(&sb), "08:02:00 type kari \"\"");
    strbuf_free(&sb);
    action_free(&a);

    /* A quoted id is just the id. */
    EXPECT_GOOD("08:02:00 serve \"jonas\"", &a);
    CHECK_STR(a.args[0], "jonas");
    action_free(&a);
}

/* Rule: blank lines (only spaces/tabs) and comment lines give 0, no action. */
static void test_blank_and_comment(void)
{
    const char *lines[] = {"", "   ", "\t \t", "# kommentar", "   # innrykket kommentar",
                           "#08:00:00 wait"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        Action a;
        char err[256] = "";
        CHECK_INT(action_parse_line(lines[i], &a, err, sizeof err), 0);
        CHECK(a.args[0] == NULL);
        action_free(&a);
    }
}

/* Rule: escapes \" and \\ inside quotes give " and \; format escapes them back. */
static void test_escapes(void)
{
    Action a;
    EXPECT_GOOD("08:00:00 type kari \"a\\\"b\\\\c\"", &a);
    CHECK_STR(a.args[1], "a\"b\\c");
    StrBuf sb;
    strbuf_init(&sb);
    action_format(&a, &sb);
    CHECK_STR(strbuf_str(&sb), "08:00:00 type kari \"a\\\"b\\\\c\"");
    strbuf_free(&sb);
    action_free(&a);

    /* A quoted text may hold spaces, a '#', and a tab. */
    EXPECT_GOOD("08:00:00 type kari \"hei # du\tder\"", &a);
    CHECK_STR(a.args[1], "hei # du\tder");
    action_free(&a);
}

/* Rule: every refused line returns -1 with a message saying why. */
static void test_bad_lines(void)
{
    /* no time first */
    EXPECT_BAD("serve jonas", "klokkeslett");
    /* time must be HH:MM[:SS[.mmm]] with two-digit fields, within the day */
    EXPECT_BAD("8:00 wait", "«8:00»");
    EXPECT_BAD("24:00:00 wait", "klokkeslett");
    EXPECT_BAD("08:60:00 wait", "klokkeslett");
    EXPECT_BAD("08:00:60 wait", "klokkeslett");
    EXPECT_BAD("08:00:00.5 wait", "klokkeslett");
    /* a time alone */
    EXPECT_BAD("08:00:00", "handling mangler");
    EXPECT_BAD("08:00:00   # bare tid", "handling mangler");
    /* unknown action, named in the message */
    EXPECT_BAD("08:00:00 dance", "ukjent handling «dance»");
    EXPECT_BAD("08:00:00 Serve jonas", "ukjent handling «Serve»");
    /* wrong argument counts name the action, the fields and the count */
    EXPECT_BAD("08:00:00 serve", "serve tar 1 argument (person), fikk 0");
    EXPECT_BAD("08:00:00 serve jonas kari", "serve tar 1 argument (person), fikk 2");
    EXPECT_BAD("08:00:00 wait now", "wait tar 0 argumenter");
    EXPECT_BAD("08:00:00 move dr 09:00 dr", "move tar 4 argumenter (doctor time to_doctor to_time), fikk 3");
    EXPECT_BAD("08:00:00 a b c d e f g h i", "for mange ord");
    /* ids: letters a-z A-Z, digits, _ - . only, at most 64 */
    EXPECT_BAD("08:00:00 serve jo/nas", "person må være et navn");
    EXPECT_BAD("08:00:00 serve jønas", "person må være et navn");
    EXPECT_BAD("08:00:00 serve jo#nas", "person må være et navn");
    EXPECT_BAD("08:00:00 serve \"jo nas\"", "person må være et navn");
    EXPECT_BAD("08:00:00 serve \"\"", "person må være et navn");
    {
        char line[128], id[70];
        memset(id, 'a', 65);
        id[65] = '\0';
        snprintf(line, sizeof line, "08:00:00 serve %s", id);
        EXPECT_BAD(line, "person må være et navn");
        id[64] = '\0'; /* exactly 64 is fine */
        snprintf(line, sizeof line, "08:00:00 serve %s", id);
        Action a;
        EXPECT_GOOD(line, &a);
        action_free(&a);
    }
    /* quotes: an unterminated quote (a truncated line), a backslash at the end,
     * an unknown escape, a quote inside a word, no space after a closing quote */
    EXPECT_BAD("08:01:00 type kari \"15859", "mangler slutt-\"");
    EXPECT_BAD("08:01:00 type kari \"abc\\", "ukjent escape");
    EXPECT_BAD("08:01:00 type kari \"a\\nb\"", "ukjent escape \\n");
    EXPECT_BAD("08:01:00 type kari \"a\\tb\"", "ukjent escape \\t");
    EXPECT_BAD("08:01:00 type kari ab\"c\"", "anførselstegn midt i et ord");
    EXPECT_BAD("08:01:00 type kari \"abc\"def", "mellomrom mangler");
    /* ARG_LINE: a single digit 1-9 */
    EXPECT_BAD("08:00:00 answer 0", "line må være et linjenummer 1-9");
    EXPECT_BAD("08:00:00 answer 10", "line må være et linjenummer 1-9");
    EXPECT_BAD("08:00:00 answer x", "line må være et heltall");
    EXPECT_BAD("08:00:00 answer -1", "line må være et heltall");
    /* ARG_INT: digits only, 1-9 of them */
    EXPECT_BAD("08:00:00 charge jonas 12a", "amount må være et heltall");
    EXPECT_BAD("08:00:00 charge jonas -5", "amount må være et heltall");
    EXPECT_BAD("08:00:00 charge jonas 1234567890", "amount må være et heltall");
    EXPECT_BAD("08:00:00 charge jonas \"\"", "amount må være et heltall");
    /* ARG_SLOT: exactly HH:MM, or +N/HH:MM with N 1-60 working days ahead */
    EXPECT_BAD("08:00:00 cancel lege 09:15:00", "time må være en time TT:MM");
    EXPECT_BAD("08:00:00 cancel lege 9:15", "time må være en time TT:MM");
    EXPECT_BAD("08:00:00 cancel lege 24:00", "time må være en time TT:MM");
    EXPECT_BAD("08:00:00 cancel lege +0/09:15", "time må være en time TT:MM");
    EXPECT_BAD("08:00:00 cancel lege +61/09:15", "time må være en time TT:MM");
    EXPECT_BAD("08:00:00 cancel lege +2-09:15", "time må være en time TT:MM");
    EXPECT_BAD("08:00:00 cancel lege +/09:15", "time må være en time TT:MM");
    EXPECT_BAD("08:00:00 move lege 09:00 lege 9.30", "to_time må være en time TT:MM");
}

/* Rule: a text argument holds at most ACTION_MAX_TEXT bytes of clean UTF-8 (no
 * control characters except tab), and a line is at most 4 * ACTION_MAX_TEXT. */
static void test_text_limits(void)
{
    char line[ACTION_MAX_TEXT + 64];
    char text[ACTION_MAX_TEXT + 2];

    memset(text, 'x', ACTION_MAX_TEXT);
    text[ACTION_MAX_TEXT] = '\0';
    snprintf(line, sizeof line, "08:00:00 type kari \"%s\"", text);
    Action a;
    EXPECT_GOOD(line, &a); /* exactly the limit is fine */
    CHECK_INT(strlen(a.args[1]), ACTION_MAX_TEXT);
    action_free(&a);

    memset(text, 'x', ACTION_MAX_TEXT + 1);
    text[ACTION_MAX_TEXT + 1] = '\0';
    snprintf(line, sizeof line, "08:00:00 type kari \"%s\"", text);
    EXPECT_BAD(line, "text er lengre enn 1000 byte");

    /* The limit is on the unescaped bytes: 500 escaped quotes are 500 bytes. */
    {
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_add(&sb, "08:00:00 search_record \"");
        for (int i = 0; i < 500; i++)
            strbuf_add(&sb, "\\\"");
        strbuf_add(&sb, "\"");
        EXPECT_GOOD(strbuf_str(&sb), &a);
        CHECK_INT(strlen(a.args[0]), 500);
        action_free(&a);
        strbuf_free(&sb);
    }

    /* invalid UTF-8: a lone continuation byte, a truncated sequence, an overlong
     * encoding, a surrogate, a C1 control */
    EXPECT_BAD("08:00:00 type kari \"a\x80" "b\"", "text er ikke gyldig UTF-8-tekst");
    EXPECT_BAD("08:00:00 type kari \"a\xc3\"", "text er ikke gyldig UTF-8-tekst");
    EXPECT_BAD("08:00:00 type kari \"\xc0\xaf\"", "text er ikke gyldig UTF-8-tekst");
    EXPECT_BAD("08:00:00 type kari \"\xed\xa0\x80\"", "text er ikke gyldig UTF-8-tekst");
    EXPECT_BAD("08:00:00 type kari \"\xc2\x85\"", "text er ikke gyldig UTF-8-tekst");
    EXPECT_BAD("08:00:00 search_record \"\xff\"", "query er ikke gyldig UTF-8-tekst");
    /* control characters: CR, ESC, DEL */
    EXPECT_BAD("08:00:00 type kari \"a\rb\"", "text er ikke gyldig UTF-8-tekst");
    EXPECT_BAD("08:00:00 type kari \"a\x1b[2Jb\"", "text er ikke gyldig UTF-8-tekst");
    EXPECT_BAD("08:00:00 type kari \"a\x7f\"", "text er ikke gyldig UTF-8-tekst");
    /* valid multi-byte UTF-8 is fine: 2, 3 and 4 byte sequences */
    EXPECT_GOOD("08:00:00 type kari \"Ærlig – 😀\"", &a);
    CHECK_STR(a.args[1], "Ærlig – 😀");
    action_free(&a);

    /* the whole line: over 4 * ACTION_MAX_TEXT is refused before tokenising,
     * even when it is all a comment */
    {
        size_t n = 4 * ACTION_MAX_TEXT + 1;
        char *big = malloc(n + 1);
        memset(big, ' ', n);
        memcpy(big, "# ", 2);
        big[n] = '\0';
        EXPECT_BAD(big, "linjen er for lang");
        big[n - 1] = '\0'; /* exactly the limit: a comment line */
        Action c;
        char err[256];
        CHECK_INT(action_parse_line(big, &c, err, sizeof err), 0);
        free(big);
    }
}

/* Rule: action_make checks argument types the same way as the parser and a
 * missing argument is named; action_field is NULL for a field the kind lacks;
 * action_copy duplicates the strings. */
static void test_make_field_copy(void)
{
    Action a, b;
    char err[256] = "";
    const char *args[] = {"lege", "09:15", "jonas"};
    CHECK_INT(action_make(&a, ACTION_BOOK, 9 * SIMTIME_HOUR, args, err, sizeof err), 0);
    CHECK_STR(action_field(&a, "doctor"), "lege");
    CHECK_STR(action_field(&a, "time"), "09:15");
    CHECK_STR(action_field(&a, "patient"), "jonas");
    CHECK(action_field(&a, "person") == NULL);
    CHECK(action_field(&a, "") == NULL);
    CHECK(action_field(&a, "Doctor") == NULL); /* field names are case-sensitive */

    action_copy(&b, &a);
    CHECK(same_action(&a, &b));
    CHECK(b.args[0] != a.args[0]); /* a deep copy */
    action_free(&a);
    CHECK(a.args[0] == NULL);
    CHECK_STR(action_field(&b, "patient"), "jonas");
    action_free(&b);

    Action w;
    CHECK_INT(action_make(&w, ACTION_WAIT, 0, NULL, err, sizeof err), 0);
    CHECK(action_field(&w, "person") == NULL);
    action_free(&w);

    const char *missing[] = {"lege", NULL, "jonas"};
    CHECK_INT(action_make(&a, ACTION_BOOK, 0, missing, err, sizeof err), -1);
    CHECK(strstr(err, "book mangler time") != NULL);

    const char *badtime[] = {"lege", "9:15", "jonas"};
    CHECK_INT(action_make(&a, ACTION_BOOK, 0, badtime, err, sizeof err), -1);
    CHECK(strstr(err, "time må være en time") != NULL);

    CHECK_INT(action_make(&a, ACTION_COUNT, 0, args, err, sizeof err), -1);
    CHECK(strstr(err, "ukjent handling") != NULL);
}

int main(void)
{
    test_round_trip_every_kind();
    test_line_details();
    test_blank_and_comment();
    test_escapes();
    test_bad_lines();
    test_text_limits();
    test_make_field_copy();
    return check_finish("test_action");
}
