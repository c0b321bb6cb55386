#include "inputs.h"
#include "alloc.h"
#include "file.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void inputs_free(InputsFile *in)
{
    for (size_t i = 0; i < in->count; i++)
        action_free(&in->items[i].action);
    free(in->items);
    memset(in, 0, sizeof *in);
}

int inputs_parse(const char *text, size_t len, const char *name, InputsFile *out, char *err,
                 size_t errsize)
{
    memset(out, 0, sizeof *out);
    if (len == 0) {
        snprintf(err, errsize, "%s: filen er tom (en fil uten handlinger trenger minst en "
                               "kommentarlinje)", name);
        return -1;
    }
    if (memchr(text, '\0', len)) {
        size_t off = (size_t)((const char *)memchr(text, '\0', len) - text);
        int line = 1;
        for (size_t i = 0; i < off; i++)
            line += text[i] == '\n';
        snprintf(err, errsize, "%s:%d: binært innhold (NUL-byte); ikke en inputs-fil", name, line);
        return -1;
    }
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3; /* a byte-order mark from a Windows editor */
    SimTime last = -1;
    int line = 0;
    StrBuf buf;
    strbuf_init(&buf);
    int rc = 0;
    while (p < end) {
        line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n && p[n - 1] == '\r')
            n--; /* CRLF */
        if (!text_is_clean_utf8(p, n)) {
            snprintf(err, errsize, "%s:%d: ikke gyldig UTF-8-tekst", name, line);
            rc = -1;
            break;
        }
        strbuf_clear(&buf);
        strbuf_addn(&buf, p, n);
        Action a;
        char msg[256];
        int r = action_parse_line(strbuf_str(&buf), &a, msg, sizeof msg);
        if (r < 0) {
            snprintf(err, errsize, "%s:%d: %s", name, line, msg);
            rc = -1;
            break;
        }
        if (r > 0) {
            if (a.t < last) {
                char tb[16];
                snprintf(err, errsize, "%s:%d: klokkeslettet %s er før linjen over", name, line,
                         simtime_format(a.t, tb, sizeof tb));
                action_free(&a);
                rc = -1;
                break;
            }
            last = a.t;
            SK_GROW(out->items, out->count, out->cap);
            out->items[out->count].action = a;
            out->items[out->count].line = line;
            out->count++;
        }
        p = nl ? nl + 1 : end;
    }
    strbuf_free(&buf);
    if (rc != 0)
        inputs_free(out);
    return rc;
}

int inputs_load(const char *path, InputsFile *out, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    memset(out, 0, sizeof *out);
    if (file_read_all(path, INPUTS_MAX_BYTES, &text, &len, err, errsize) != 0)
        return -1;
    int rc = inputs_parse(text, len, path, out, err, errsize);
    free(text);
    return rc;
}
