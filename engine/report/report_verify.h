/* What the instructor tools (verify, export-xapi) need beside the report reader:
 * the report files among the command line's files and folders, and a field by
 * field comparison of a saved report with the report its replay renders
 * (docs/verify.md). */
#ifndef SKRANKEN_REPORT_VERIFY_H
#define SKRANKEN_REPORT_VERIFY_H

#include "core/strbuf.h"

#include <stddef.h>

typedef enum ReportKind {
    REPORT_KIND_OTHER,      /* not JSON, or JSON of another kind */
    REPORT_KIND_REPORT,     /* "format": "skranken-report" */
    REPORT_KIND_EXAM_RESULT /* "format": "skranken-exam-result" (docs/exams.md) */
} ReportKind;

/* Which kind of Skranken file the text is, from its "format" alone (the text
 * is not checked further: report_parse does that). */
ReportKind report_kind(const char *text, size_t len);

/* Expands the command line's arguments: a folder gives its *.json files (not
 * hidden ones, not in subfolders) sorted by name; anything else is kept as it
 * is, so a missing file is reported by whoever reads it. A folder that cannot
 * be read or holds no *.json file adds "folder: message" to problems. */
void report_collect(const char *const *args, size_t count, StrList *files, StrList *problems);

/* Compares a saved report (as text) with the report its replay rendered.
 * Every field is compared except "wall", "engine_version" (the caller checks
 * it) and a goal's catalog texts ("subject", "title", "working_paraphrase",
 * "official"), which depend on the catalog in use. Each difference becomes
 * "name:line: path er X i rapporten, men avspillingen gir Y" (path like
 * result.grade or timeline[12].text, line of the saved file); the first
 * max_lines go to lines, the count of all to *total. A key that appears twice
 * in one object of the saved report is a difference too. Returns 0, or -1 if
 * either text is not JSON (message in err). */
int report_compare(const char *name, const char *saved, size_t saved_len, const char *replayed,
                   size_t replayed_len, size_t max_lines, StrList *lines, size_t *total,
                   char *err, size_t errsize);

/* The 1-based line of the saved value at path ("inputs[3]", "result.grade"),
 * or 0 if it is not there. */
int report_value_line(const char *text, size_t len, const char *path);

#endif
