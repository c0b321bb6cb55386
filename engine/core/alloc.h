/* Allocation for engine-owned data. Running out of memory in the engine itself
 * (not in a scenario, whose Lua heap has its own cap) is not recoverable: these
 * print one line and abort rather than let a half-built world be scored. */
#ifndef SKRANKEN_ALLOC_H
#define SKRANKEN_ALLOC_H

#include <stddef.h>

void *sk_xmalloc(size_t size);
void *sk_xcalloc(size_t count, size_t size);
void *sk_xrealloc(void *ptr, size_t size);
/* NULL stays NULL. */
char *sk_xstrdup(const char *text);

/* Grows a (items, count, cap) array so one more item fits. */
#define SK_GROW(items, count, cap)                                                   \
    do {                                                                             \
        if ((count) >= (cap)) {                                                      \
            (cap) = (cap) ? (cap) * 2 : 8;                                           \
            (items) = sk_xrealloc((items), (size_t)(cap) * sizeof *(items));         \
        }                                                                            \
    } while (0)

#endif
