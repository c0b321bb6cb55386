/* Growable strings and string lists for engine-owned text. */
#ifndef SKRANKEN_STRBUF_H
#define SKRANKEN_STRBUF_H

#include <stddef.h>

typedef struct StrBuf {
    char *data; /* always NUL-terminated once anything was added */
    size_t len, cap;
} StrBuf;

void strbuf_init(StrBuf *sb);
void strbuf_free(StrBuf *sb);
void strbuf_clear(StrBuf *sb);
void strbuf_add(StrBuf *sb, const char *text);
void strbuf_addn(StrBuf *sb, const char *text, size_t n);
void strbuf_addf(StrBuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The text so far ("" when empty); valid until the next change. */
const char *strbuf_str(const StrBuf *sb);

typedef struct StrList {
    char **items;
    size_t count, cap;
} StrList;

void strlist_push(StrList *list, const char *text); /* copies text */
int strlist_index(const StrList *list, const char *text); /* -1 if absent */
void strlist_free(StrList *list);

/* 1 if text is valid UTF-8 without control characters other than tab. */
int text_is_clean_utf8(const char *text, size_t len);
/* 1 if text is a non-empty identifier: letters a-z, A-Z, digits, '_', '-', '.'. */
int text_is_identifier(const char *text);

#endif
