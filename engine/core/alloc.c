#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "skranken: tom for minne (%zu byte)\n", size);
    abort();
}

void *sk_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *sk_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *sk_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

char *sk_xstrdup(const char *text)
{
    if (!text)
        return NULL;
    size_t n = strlen(text) + 1;
    char *p = sk_xmalloc(n);
    memcpy(p, text, n);
    return p;
}
