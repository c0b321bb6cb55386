#include "json_text.h"
#include "core/strbuf.h"

#include <stdio.h>

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

