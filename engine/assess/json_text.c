#include "json_text.h"
#include "core/alloc.h"
#include "core/strbuf.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

int json_line_at(const char *text, size_t offset)
{
    int line = 1;
    for (size_t i = 0; i < offset && text[i]; i++)
        line += text[i] == '\n';
    return line;
}

/* Text files only: no NUL or control characters other than tab, CR and LF, and
 * valid UTF-8 (checked line by line, so the message can name the line). */
int json_check_text(const char *text, size_t len, const char *name, char *err, size_t errsize)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            snprintf(err, errsize, "%s:%d: ikke en tekstfil (binært innhold)", name,
                     json_line_at(text, i));
            return -1;
        }
    }
    size_t start = 0;
    int line = 1;
    while (start <= len) {
        size_t end = start;
        while (end < len && text[end] != '\n')
            end++;
        size_t n = end - start;
        if (n > 0 && text[start + n - 1] == '\r')
            n--;
        /* per line: text_is_clean_utf8 refuses the line breaks themselves */
        if (n > 0 && !text_is_clean_utf8(text + start, n)) {
            snprintf(err, errsize, "%s:%d: ikke gyldig UTF-8", name, line);
            return -1;
        }
        if (end >= len)
            break;
        start = end + 1;
        line++;
    }
    return 0;
}

/* 1 if the text stops inside a string or with brackets still open: a file cut
 * short (a download that did not finish). */
int json_ends_early(const char *text, size_t len)
{
    int in_string = 0, escaped = 0;
    long depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = 0;
            else if (c == '\\')
                escaped = 1;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return in_string || depth > 0;
}

const char *json_type_name(const cJSON *v)
{
    if (!v)
        return "ingenting";
    if (cJSON_IsArray(v))
        return "en liste";
    if (cJSON_IsObject(v))
        return "et objekt";
    if (cJSON_IsString(v))
        return "en tekst";
    if (cJSON_IsNumber(v))
        return "et tall";
    if (cJSON_IsBool(v))
        return "true/false";
    if (cJSON_IsNull(v))
        return "null";
    return "ukjent";
}


/* ---------------------------------------------------------------- where a value is */

typedef struct Scan {
    const char *s;
    size_t n, i;
} Scan;

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void scan_ws(Scan *sc)
{
    while (sc->i < sc->n && is_ws(sc->s[sc->i]))
        sc->i++;
}

static void scan_string(Scan *sc) /* at the opening quote */
{
    sc->i++;
    while (sc->i < sc->n && sc->s[sc->i] != '"')
        sc->i += sc->s[sc->i] == '\\' ? 2 : 1;
    sc->i++;
}

static void scan_value(Scan *sc)
{
    scan_ws(sc);
    if (sc->i >= sc->n)
        return;
    char c = sc->s[sc->i];
    if (c == '"') {
        scan_string(sc);
    } else if (c == '{' || c == '[') {
        /* to the matching bracket, strings included */
        long depth = 0;
        while (sc->i < sc->n) {
            char d = sc->s[sc->i];
            if (d == '"') {
                scan_string(sc);
                continue;
            }
            if (d == '{' || d == '[')
                depth++;
            else if (d == '}' || d == ']')
                depth--;
            sc->i++;
            if (depth == 0)
                return;
        }
    } else {
        while (sc->i < sc->n && !is_ws(sc->s[sc->i]) && sc->s[sc->i] != ',' &&
               sc->s[sc->i] != '}' && sc->s[sc->i] != ']')
            sc->i++;
    }
}

size_t json_value_end(const char *text, size_t len, size_t off)
{
    Scan sc = {text, len, off};
    scan_value(&sc);
    return sc.i < len ? sc.i : len;
}

/* Inside an object: moves to the value of key. 0, or -1 if it is not there. */
static int enter_key(Scan *sc, const char *want)
{
    size_t klen = strlen(want);
    sc->i++;
    for (;;) {
        scan_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != '"')
            return -1;
        size_t key = sc->i + 1;
        scan_string(sc);
        int match = sc->i - 1 - key == klen && memcmp(sc->s + key, want, klen) == 0;
        scan_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ':')
            return -1;
        sc->i++;
        scan_ws(sc);
        if (match)
            return 0;
        scan_value(sc);
        scan_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ',')
            return -1;
        sc->i++;
    }
}

/* Inside an array: moves to element want. 0, or -1 if there are fewer. */
static int enter_index(Scan *sc, long want)
{
    sc->i++;
    for (long idx = 0;; idx++) {
        scan_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] == ']')
            return -1;
        if (idx == want)
            return 0;
        scan_value(sc);
        scan_ws(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != ',')
            return -1;
        sc->i++;
    }
}

size_t json_locate(const char *text, size_t len, const char *const *path, size_t depth)
{
    Scan sc = {text, len, 0};
    scan_ws(&sc);
    for (size_t k = 0; k < depth; k++) {
        if (sc.i >= sc.n)
            return (size_t)-1;
        char open = sc.s[sc.i];
        const char *step = path[k];
        int rc = -1;
        if (open == '{') {
            rc = enter_key(&sc, step);
        } else if (open == '[') {
            const char *digits = step + (step[0] == '#');
            char *end = NULL;
            long want = strtol(digits, &end, 10);
            if (end != digits && *end == '\0' && want >= 0)
                rc = enter_index(&sc, want);
        }
        if (rc != 0)
            return (size_t)-1;
    }
    return sc.i;
}

char *json_print_text(const cJSON *root)
{
    char *printed = cJSON_Print(root);
    if (!printed) {
        fputs("skranken: tom for minne\n", stderr);
        abort();
    }
    /* hand back engine-owned memory (cJSON's allocator may differ) */
    size_t n = strlen(printed);
    char *text = sk_xmalloc(n + 2);
    memcpy(text, printed, n);
    text[n] = '\n';
    text[n + 1] = '\0';
    cJSON_free(printed);
    return text;
}
