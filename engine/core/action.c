#include "action.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define A0 0, {0}, {0}
const ActionSpec action_specs[ACTION_COUNT] = {
    [ACTION_WAIT] = {"wait", A0, "venter"},
    [ACTION_SERVE] = {"serve", 1, {ARG_ID}, {"person"}, "tar imot ved skranken"},
    [ACTION_ANSWER] = {"answer", 1, {ARG_LINE}, {"line"}, "svarer telefonen"},
    [ACTION_HOLD] = {"hold", 1, {ARG_LINE}, {"line"}, "setter samtalen på vent"},
    [ACTION_UNHOLD] = {"unhold", 1, {ARG_LINE}, {"line"}, "tar samtalen av vent"},
    [ACTION_HANG_UP] = {"hang_up", 1, {ARG_LINE}, {"line"}, "legger på"},
    [ACTION_TRANSFER] = {"transfer", 2, {ARG_LINE, ARG_ID}, {"line", "doctor"},
                         "setter over til lege"},
    [ACTION_CHOOSE] = {"choose", 2, {ARG_ID, ARG_ID}, {"person", "option"}, "svarer"},
    [ACTION_TYPE] = {"type", 2, {ARG_ID, ARG_TEXT}, {"person", "text"}, "skriver"},
    [ACTION_SEARCH_RECORD] = {"search_record", 1, {ARG_TEXT}, {"query"}, "søker i journalen"},
    [ACTION_OPEN_RECORD] = {"open_record", 1, {ARG_ID}, {"patient"}, "åpner journalen"},
    [ACTION_CLOSE_RECORD] = {"close_record", A0, "lukker journalen"},
    [ACTION_BOOK] = {"book", 3, {ARG_ID, ARG_SLOT, ARG_ID}, {"doctor", "time", "patient"},
                     "bestiller time"},
    [ACTION_CANCEL] = {"cancel", 2, {ARG_ID, ARG_SLOT}, {"doctor", "time"}, "avbestiller time"},
    [ACTION_MOVE] = {"move", 4, {ARG_ID, ARG_SLOT, ARG_ID, ARG_SLOT},
                     {"doctor", "time", "to_doctor", "to_time"}, "flytter time"},
    [ACTION_CHECK_IN] = {"check_in", 1, {ARG_ID}, {"patient"}, "registrerer oppmøte"},
    [ACTION_CHARGE] = {"charge", 2, {ARG_ID, ARG_INT}, {"patient", "amount"},
                       "tar betalt egenandel"},
    [ACTION_READ_MESSAGE] = {"read_message", 1, {ARG_ID}, {"message"}, "leser melding"},
    [ACTION_LAB_STEP] = {"lab_step", 2, {ARG_ID, ARG_ID}, {"task", "step"}, "utfører"},
    [ACTION_PICK_TUBE] = {"pick_tube", 2, {ARG_ID, ARG_ID}, {"task", "tube"}, "tar prøverør"},
    [ACTION_PLACE_ELECTRODE] = {"place_electrode", 3, {ARG_ID, ARG_ID, ARG_ID},
                                {"task", "lead", "site"}, "plasserer elektrode"},
    [ACTION_LABEL] = {"label", 2, {ARG_ID, ARG_ID}, {"task", "patient"}, "merker prøven"},
    [ACTION_CALL_113] = {"call_113", A0, "ringer 113"},
    [ACTION_PAGE_DOCTOR] = {"page_doctor", 1, {ARG_ID}, {"doctor"}, "henter legen"},
    [ACTION_LOCK_SCREEN] = {"lock_screen", A0, "låser skjermen"},
    [ACTION_UNLOCK_SCREEN] = {"unlock_screen", A0, "låser opp skjermen"},
    [ACTION_PAUSE] = {"pause", A0, "tar pause (eksamen: pausen registreres)"},
};
#undef A0

const ActionSpec *action_spec(ActionKind kind)
{
    if ((int)kind < 0 || kind >= ACTION_COUNT)
        return NULL;
    return &action_specs[kind];
}

int action_kind_from_name(const char *name)
{
    for (int i = 0; i < ACTION_COUNT; i++)
        if (strcmp(action_specs[i].name, name) == 0)
            return i;
    return -1;
}

static int check_arg(ActionArgType type, const char *field, const char *value, char *err,
                     size_t errsize)
{
    size_t len = strlen(value);
    switch (type) {
    case ARG_ID:
        if (len > 64 || !text_is_identifier(value)) {
            snprintf(err, errsize, "%s må være et navn av bokstavene a-z, tall, _ - eller .",
                     field);
            return -1;
        }
        return 0;
    case ARG_TEXT:
        if (len > ACTION_MAX_TEXT) {
            snprintf(err, errsize, "%s er lengre enn %d byte", field, ACTION_MAX_TEXT);
            return -1;
        }
        if (!text_is_clean_utf8(value, len)) {
            snprintf(err, errsize, "%s er ikke gyldig UTF-8-tekst", field);
            return -1;
        }
        return 0;
    case ARG_SLOT: {
        SimTime t = 0;
        int day = 0;
        if (slotref_parse(value, &day, &t) != 0) {
            snprintf(err, errsize, "%s må være en time TT:MM (i dag) eller +N/TT:MM (N "
                                   "virkedager fram)", field);
            return -1;
        }
        return 0;
    }
    case ARG_INT:
    case ARG_LINE: {
        if (len == 0 || len > 9) {
            snprintf(err, errsize, "%s må være et heltall", field);
            return -1;
        }
        for (size_t i = 0; i < len; i++)
            if (value[i] < '0' || value[i] > '9') {
                snprintf(err, errsize, "%s må være et heltall", field);
                return -1;
            }
        if (type == ARG_LINE && (len != 1 || value[0] == '0')) {
            snprintf(err, errsize, "%s må være et linjenummer 1-9", field);
            return -1;
        }
        return 0;
    }
    }
    return -1;
}

int action_make(Action *out, ActionKind kind, SimTime t, const char *const *args, char *err,
                size_t errsize)
{
    const ActionSpec *spec = action_spec(kind);
    memset(out, 0, sizeof *out);
    if (!spec) {
        snprintf(err, errsize, "ukjent handling");
        return -1;
    }
    for (int i = 0; i < spec->argc; i++) {
        if (!args[i]) {
            snprintf(err, errsize, "%s mangler %s", spec->name, spec->fields[i]);
            return -1;
        }
        if (check_arg(spec->types[i], spec->fields[i], args[i], err, errsize) != 0)
            return -1;
    }
    out->kind = kind;
    out->t = t;
    for (int i = 0; i < spec->argc; i++)
        out->args[i] = sk_xstrdup(args[i]);
    return 0;
}

void action_copy(Action *dst, const Action *src)
{
    *dst = *src;
    for (int i = 0; i < ACTION_MAX_ARGS; i++)
        dst->args[i] = sk_xstrdup(src->args[i]);
}

void action_free(Action *action)
{
    for (int i = 0; i < ACTION_MAX_ARGS; i++) {
        free(action->args[i]);
        action->args[i] = NULL;
    }
}

const char *action_field(const Action *action, const char *field)
{
    const ActionSpec *spec = action_spec(action->kind);
    for (int i = 0; spec && i < spec->argc; i++)
        if (strcmp(spec->fields[i], field) == 0)
            return action->args[i];
    return NULL;
}

/* Splits the line into tokens. A quoted token keeps its spaces and understands
 * \" and \\. Returns the number of tokens or -1 with err set. */
#define MAX_TOKENS 8
static int tokenize(const char *line, StrBuf tokens[MAX_TOKENS], char *err, size_t errsize)
{
    int n = 0;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '\0' || *p == '#')
            return n;
        if (n == MAX_TOKENS) {
            snprintf(err, errsize, "for mange ord på linjen");
            return -1;
        }
        StrBuf *tok = &tokens[n++];
        strbuf_clear(tok);
        strbuf_addn(tok, "", 0);
        if (*p == '"') {
            p++;
            for (;;) {
                if (*p == '\0') {
                    snprintf(err, errsize, "tekst i anførselstegn mangler slutt-\"");
                    return -1;
                }
                if (*p == '"') {
                    p++;
                    break;
                }
                if (*p == '\\') {
                    p++;
                    char c = *p;
                    if (c != '"' && c != '\\') {
                        snprintf(err, errsize, "ukjent escape \\%c i tekst", *p ? *p : ' ');
                        return -1;
                    }
                    strbuf_addn(tok, &c, 1);
                    p++;
                    continue;
                }
                strbuf_addn(tok, p, 1);
                p++;
            }
            if (*p != '\0' && *p != ' ' && *p != '\t') {
                snprintf(err, errsize, "mellomrom mangler etter tekst i anførselstegn");
                return -1;
            }
        } else {
            while (*p && *p != ' ' && *p != '\t') {
                if (*p == '"') {
                    snprintf(err, errsize, "anførselstegn midt i et ord");
                    return -1;
                }
                strbuf_addn(tok, p, 1);
                p++;
            }
        }
    }
}

int action_parse_line(const char *line, Action *out, char *err, size_t errsize)
{
    StrBuf tokens[MAX_TOKENS];
    for (int i = 0; i < MAX_TOKENS; i++)
        strbuf_init(&tokens[i]);
    int result = -1;
    memset(out, 0, sizeof *out);

    size_t len = strlen(line);
    if (len > 4 * ACTION_MAX_TEXT) {
        snprintf(err, errsize, "linjen er for lang (%zu byte)", len);
        goto done;
    }
    int n = tokenize(line, tokens, err, errsize);
    if (n < 0)
        goto done;
    if (n == 0) {
        result = 0;
        goto done;
    }
    SimTime t = 0;
    if (simtime_parse(strbuf_str(&tokens[0]), &t) != 0) {
        snprintf(err, errsize, "linjen må begynne med et klokkeslett TT:MM:SS, ikke «%.40s»",
                 strbuf_str(&tokens[0]));
        goto done;
    }
    if (n < 2) {
        snprintf(err, errsize, "handling mangler etter klokkeslettet");
        goto done;
    }
    int kind = action_kind_from_name(strbuf_str(&tokens[1]));
    if (kind < 0) {
        snprintf(err, errsize, "ukjent handling «%.40s»", strbuf_str(&tokens[1]));
        goto done;
    }
    const ActionSpec *spec = &action_specs[kind];
    if (n - 2 != spec->argc) {
        snprintf(err, errsize, "%s tar %d argument%s (%s%s%s%s%s%s%s), fikk %d", spec->name,
                 spec->argc, spec->argc == 1 ? "" : "er", spec->argc > 0 ? spec->fields[0] : "",
                 spec->argc > 1 ? " " : "", spec->argc > 1 ? spec->fields[1] : "",
                 spec->argc > 2 ? " " : "", spec->argc > 2 ? spec->fields[2] : "",
                 spec->argc > 3 ? " " : "", spec->argc > 3 ? spec->fields[3] : "", n - 2);
        goto done;
    }
    const char *args[ACTION_MAX_ARGS] = {0};
    for (int i = 0; i < spec->argc; i++)
        args[i] = strbuf_str(&tokens[2 + i]);
    if (action_make(out, (ActionKind)kind, t, args, err, errsize) != 0)
        goto done;
    result = 1;
done:
    for (int i = 0; i < MAX_TOKENS; i++)
        strbuf_free(&tokens[i]);
    return result;
}

static void format_text(StrBuf *out, const char *text)
{
    strbuf_add(out, "\"");
    for (const char *p = text; *p; p++) {
        if (*p == '"' || *p == '\\')
            strbuf_addf(out, "\\%c", *p);
        else
            strbuf_addn(out, p, 1);
    }
    strbuf_add(out, "\"");
}

void action_format(const Action *action, StrBuf *out)
{
    char tbuf[16];
    const ActionSpec *spec = action_spec(action->kind);
    strbuf_add(out, simtime_format(action->t, tbuf, sizeof tbuf));
    strbuf_add(out, " ");
    strbuf_add(out, spec->name);
    for (int i = 0; i < spec->argc; i++) {
        strbuf_add(out, " ");
        if (spec->types[i] == ARG_TEXT)
            format_text(out, action->args[i]);
        else
            strbuf_add(out, action->args[i]);
    }
}
