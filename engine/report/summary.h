/* The class at a glance over many reports (docs/summary.md): trainee × goal
 * (best and latest attempt), per-scenario statistics, critical errors, the
 * goals the class misses most; as text, CSV and one self-contained HTML file.
 * Everything from reports is untrusted text and is escaped for each output. */
#ifndef SKRANKEN_SUMMARY_H
#define SKRANKEN_SUMMARY_H

#include "report_read.h"
#include "core/strbuf.h"

#include <stddef.h>

/* Latest result below this share of a goal's points (or a critical error on the
 * goal in that attempt) counts as missed. */
#define SUMMARY_MASTERY_PERCENT 60
/* How many goals "the class misses most" lists. */
#define SUMMARY_MOST_MISSED 10

typedef struct Summary Summary;

Summary *summary_new(void);
void summary_free(Summary *s);

/* What summary_read_file found. */
enum { SUMMARY_READ_OK = 0, SUMMARY_READ_OTHER = 1, SUMMARY_READ_ERROR = -1 };

/* Reads one file for the summary (without its input log). SUMMARY_READ_OK with
 * *out filled; SUMMARY_READ_OTHER for another Skranken file that is not a
 * report (an exam result, a catalog: msg says which); SUMMARY_READ_ERROR with
 * "path[:line]: message" in msg. Safe to call from several threads. */
int summary_read_file(const char *path, ReportFile *out, char *msg, size_t msgsize);

/* Several files read at once (in up to threads threads; the order of out
 * follows paths whatever the threads do). */
#define SUMMARY_MAX_THREADS 8
typedef struct SummaryRead {
    int status;          /* as summary_read_file returns */
    ReportFile report;   /* when SUMMARY_READ_OK; the caller frees it */
    char message[768];
} SummaryRead;
void summary_read_files(const char *const *paths, size_t count, int threads, SummaryRead *out);

/* Adds a report read from path (copies what the summary needs). */
void summary_add(Summary *s, const ReportFile *rf, const char *path);
/* Records a file that was skipped (message names it), for the list in the HTML. */
void summary_add_skipped(Summary *s, const char *path, const char *message);
/* Records a note (a file left out on purpose, e.g. an exam result), likewise. */
void summary_add_note(Summary *s, const char *message);
/* Works everything out; call once, after the last add. Notes for the user (the
 * same attempt in two files) are appended to notes, one line each. */
void summary_finish(Summary *s, StrList *notes);

size_t summary_report_count(const Summary *s); /* reports counted (duplicates not) */

/* Renders into out (appended). generated: the time shown in the HTML. */
void summary_render_text(const Summary *s, StrBuf *out);
void summary_render_csv(const Summary *s, StrBuf *out);
void summary_render_html(const Summary *s, const char *generated, StrBuf *out);

/* A file name made fit for a message or a page: control characters and bytes
 * that are not UTF-8 become '?'. Caller frees. */
char *summary_display_path(const char *path);

#endif
