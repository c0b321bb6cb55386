/* Reading an inputs file (docs/inputs-format.md): one action per line with its
 * simulated time. */
#ifndef SKRANKEN_INPUTS_H
#define SKRANKEN_INPUTS_H

#include "action.h"

#include <stddef.h>

typedef struct InputLine {
    Action action;
    int line; /* 1-based line in the file */
} InputLine;

typedef struct InputsFile {
    InputLine *items;
    size_t count, cap;
} InputsFile;

#define INPUTS_MAX_BYTES ((size_t)8 << 20)

/* Reads and parses the whole file. Returns 0, or -1 with "file:line: message". */
int inputs_load(const char *path, InputsFile *out, char *err, size_t errsize);
/* The same for text in memory. */
int inputs_parse(const char *text, size_t len, const char *name, InputsFile *out, char *err,
                 size_t errsize);
void inputs_free(InputsFile *inputs);

#endif
