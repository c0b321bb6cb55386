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
/* Where a value is, for messages (cJSON keeps no positions): the byte offset of
 * the value at path in valid JSON text, or (size_t)-1. A step is a key inside an
 * object, or an index inside an array written in digits, "#" first or not
 * ("2" or "#2"). Keys are matched as written (a key spelled with escapes is not
 * found). */
size_t json_locate(const char *text, size_t len, const char *const *path, size_t depth);
/* The offset just past the value that starts at off (after white space). */
size_t json_value_end(const char *text, size_t len, size_t off);

/* root printed as formatted JSON text ending in a newline, in memory the engine
 * owns (free with free()). Ends the program on out-of-memory, like sk_xmalloc. */
char *json_print_text(const cJSON *root);

/* "en liste", "et objekt", "en tekst", ... for messages ("ingenting" for NULL). */
const char *json_type_name(const cJSON *v);

#endif
