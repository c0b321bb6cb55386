/* The one entry point every fuzz harness defines (libFuzzer's), and a helper that
 * gives the harness the NUL-terminated copy the file readers would have made. */
#ifndef SKRANKEN_FUZZ_H
#define SKRANKEN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* file_read_all always leaves a NUL after the bytes it read: so do we. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        abort();
    if (size)
        memcpy(text, data, size);
    text[size] = '\0';
    return text;
}

#endif
