/* The fast path of report reading (report_read_fast.h): one strict pass over
 * the whole text, no allocation but the copy it returns. */
#include "report_read_fast.h"
#include "core/alloc.h"
#include "core/strbuf.h"

#include <stdint.h>
#include <string.h>

#define FAST_MAX_DEPTH 900 /* below cJSON's nesting limit */

static size_t fast_ws(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
        i++;
    return i;
}

static int is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The four hex digits at s[i] as a number, or 0x10000 if they are not. */
static unsigned int hex4(const unsigned char *s, size_t n, size_t i)
{
    if (i + 4 > n)
        return 0x10000;
    unsigned int v = 0;
    for (size_t k = i; k < i + 4; k++) {
        unsigned char c = s[k];
        if (!is_hex(c))
            return 0x10000;
        v = v * 16 + (unsigned int)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* Plain bytes inside a string: printable ASCII other than '"' and '\\'. */
static int plain_byte(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/* The string at s[i] == '"'; returns the offset after it or (size_t)-1. The
 * UTF-8 rules are those of text_is_clean_utf8 (no overlong forms, surrogates,
 * C1 controls or code points above U+10FFFF). */
static size_t fast_string(const unsigned char *s, size_t n, size_t i)
{
    i++;
    for (;;) {
        /* eight plain ASCII bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
            uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
            uint64_t bad = ((w - ones * 0x20) | (quote - ones) | (slash - ones) | w |
                            (w + ones)) & high;
            /* (w + ones) sets the high bit of a 0x7f byte */
            if (bad)
                break;
            i += 8;
        }
        /* then byte by byte up to the next byte that is not plain */
        while (i < n && plain_byte(s[i]))
            i++;
        if (i >= n)
            return (size_t)-1;
        unsigned char c = s[i];
        if (c == '"')
            return i + 1;
        if (c == '\\') {
            if (i + 1 >= n)
                return (size_t)-1;
            unsigned char e = s[i + 1];
            if (e == 'u') {
                /* cJSON refuses a surrogate that is not one half of a pair */
                unsigned int u = hex4(s, n, i + 2);
                if (u > 0xffff || (u >= 0xdc00 && u <= 0xdfff))
                    return (size_t)-1;
                if (u >= 0xd800 && u <= 0xdbff) {
                    unsigned int low = i + 7 < n && s[i + 6] == '\\' && s[i + 7] == 'u'
                                           ? hex4(s, n, i + 8)
                                           : 0x10000;
                    if (low < 0xdc00 || low > 0xdfff)
                        return (size_t)-1;
                    i += 6;
                }
                i += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                       e == 'r' || e == 't') {
                i += 2;
            } else {
                return (size_t)-1;
            }
            continue;
        }
        if (c < 0x80)
            return (size_t)-1; /* control character */
        size_t extra;
        unsigned int cp;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return (size_t)-1;
        }
        if (i + extra >= n)
            return (size_t)-1;
        for (size_t k = 1; k <= extra; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return (size_t)-1;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if ((extra == 1 && cp < 0xa0) || (extra == 2 && cp < 0x800) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
            return (size_t)-1;
        i += extra + 1;
    }
}

static size_t fast_number(const unsigned char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '-')
        i++;
    if (i >= n)
        return (size_t)-1;
    if (s[i] == '0') {
        i++;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    } else {
        return (size_t)-1;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return (size_t)-1;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return (size_t)-1;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return i;
}

/* One JSON value at s[i] (after white space), checked strictly without
 * recursion; returns the offset after it or (size_t)-1. */
static size_t fast_value(const unsigned char *s, size_t n, size_t i)
{
    unsigned char stack[FAST_MAX_DEPTH];
    int depth = 0;
value:
    i = fast_ws(s, n, i);
    if (i >= n)
        return (size_t)-1;
    switch (s[i]) {
    case '{':
    case '[':
        if (depth == FAST_MAX_DEPTH)
            return (size_t)-1;
        stack[depth++] = s[i++];
        i = fast_ws(s, n, i);
        if (i < n && s[i] == (stack[depth - 1] == '{' ? '}' : ']')) {
            depth--;
            i++;
            goto after;
        }
        if (stack[depth - 1] == '[')
            goto value;
        goto key;
    case '"':
        i = fast_string(s, n, i);
        break;
    case 't':
        i = i + 4 <= n && memcmp(s + i, "true", 4) == 0 ? i + 4 : (size_t)-1;
        break;
    case 'f':
        i = i + 5 <= n && memcmp(s + i, "false", 5) == 0 ? i + 5 : (size_t)-1;
        break;
    case 'n':
        i = i + 4 <= n && memcmp(s + i, "null", 4) == 0 ? i + 4 : (size_t)-1;
        break;
    default:
        i = fast_number(s, n, i);
        break;
    }
    if (i == (size_t)-1)
        return i;
after:
    if (depth == 0)
        return i;
    i = fast_ws(s, n, i);
    if (i >= n)
        return (size_t)-1;
    if (s[i] == ',') {
        i++;
        if (stack[depth - 1] == '[')
            goto value;
        goto key;
    }
    if (s[i] != (stack[depth - 1] == '{' ? '}' : ']'))
        return (size_t)-1;
    depth--;
    i++;
    goto after;
key:
    i = fast_ws(s, n, i);
    if (i >= n || s[i] != '"')
        return (size_t)-1;
    i = fast_string(s, n, i);
    if (i == (size_t)-1)
        return i;
    i = fast_ws(s, n, i);
    if (i >= n || s[i] != ':')
        return (size_t)-1;
    i++;
    goto value;
}

char *report_fast_compact(const char *text, size_t len, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = fast_ws(s, len, 0);
    if (i >= len || s[i] != '{')
        return NULL;
    StrBuf out;
    strbuf_init(&out);
    out.cap = len + 1; /* at most the whole text: one allocation */
    out.data = sk_xmalloc(out.cap);
    out.data[0] = '\0';
    size_t copied = 0;
    i = fast_ws(s, len, i + 1);
    if (i < len && s[i] == '}') {
        i++;
    } else {
        for (;;) {
            i = fast_ws(s, len, i);
            if (i >= len || s[i] != '"')
                goto fail;
            size_t key = i + 1;
            i = fast_string(s, len, i);
            if (i == (size_t)-1)
                goto fail;
            size_t klen = i - 1 - key;
            int skip = (klen == 8 && memcmp(s + key, "timeline", 8) == 0) ||
                       (klen == 6 && memcmp(s + key, "inputs", 6) == 0);
            i = fast_ws(s, len, i);
            if (i >= len || s[i] != ':')
                goto fail;
            size_t start = fast_ws(s, len, i + 1);
            i = fast_value(s, len, start);
            if (i == (size_t)-1)
                goto fail;
            if (skip && s[start] == '[') {
                strbuf_addn(&out, text + copied, start - copied);
                strbuf_add(&out, "[]");
                copied = i;
            }
            i = fast_ws(s, len, i);
            if (i < len && s[i] == ',') {
                i++;
                continue;
            }
            if (i < len && s[i] == '}') {
                i++;
                break;
            }
            goto fail;
        }
    }
    if (fast_ws(s, len, i) != len)
        goto fail;
    strbuf_addn(&out, text + copied, len - copied);
    *out_len = out.len;
    return out.data;
fail:
    strbuf_free(&out);
    return NULL;
}
