/* Checks shared by the JSON readers of this layer (catalog, Grep import, exam
 * manifests): text files only, cut-off files, line numbers, type names. */
#ifndef SKRANKEN_JSON_TEXT_H
#define SKRANKEN_JSON_TEXT_H

#include <cJSON.h>
#include <stddef.h>

/* The 1-based line of a byte offset. */
int json_line_at(const char *text, size_t offset);
/* 0 if the text has no NUL or control bytes (but tab, CR, LF) and every line is
 * valid UTF-8; else -1 with "name:line: ..." in err. */
int json_check_text(const char *text, size_t len, const char *name, char *err, size_t errsize);
/* 1 if the text stops inside a string or with brackets still open (a file cut short). */
int json_ends_early(const char *text, size_t len);
/* "en liste", "et objekt", "en tekst", ... for messages ("ingenting" for NULL). */
const char *json_type_name(const cJSON *v);

#endif
