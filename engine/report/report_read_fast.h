/* The fast path for readers that do not keep the input log (summary over
 * thousands of reports, the library's best results): they need not build cJSON
 * nodes for "timeline" and "inputs", which are most of a report. */
#ifndef SKRANKEN_REPORT_READ_FAST_H
#define SKRANKEN_REPORT_READ_FAST_H

#include <stddef.h>

/* Checks the whole text in one pass as strict JSON (RFC 8259) with valid UTF-8
 * and no control characters in strings (the rules of text_is_clean_utf8), no
 * lone UTF-16 surrogate escapes (cJSON refuses them), and
 * returns a copy with the top-level "timeline" and "inputs" lists replaced by
 * [] (caller frees), for cJSON and the ordinary field checks. NULL if it does
 * not accept the text: the caller then reads it the ordinary way, so a broken
 * file gets exactly the message report_load gives. */
char *report_fast_compact(const char *text, size_t len, size_t *out_len);

#endif
