/* Reading report files back (format: docs/report-format.md) for the instructor
 * tools: verify, summary and export-xapi, and the library's best results.
 * Refuses anything that is not a Skranken report of a known format version, with
 * a message naming the file (and line, for broken JSON). */
#ifndef SKRANKEN_REPORT_READ_H
#define SKRANKEN_REPORT_READ_H

#include "core/strbuf.h"

#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef struct ReportGoalResult {
    char *id;                 /* working goal id, e.g. "hse3006.taushetsplikt" */
    char *subject, *title;    /* from the catalog at the time of the attempt; may be NULL */
    char *official_code;      /* official Grep code when mapped, else NULL */
    char *official_uri;       /* its IRI, else NULL */
    char *official_title;     /* else NULL */
    int earned, possible, awarded, deducted, critical_errors;
    double fraction;
} ReportGoalResult;

typedef struct ReportCritical {
    char *goal, *rule, *text, *better; /* rule/better may be NULL */
    char t[16];                        /* simulated "HH:MM:SS[.mmm]" */
} ReportCritical;

typedef struct ReportFile {
    int format_version;
    char *engine_version;
    char *scenario_id, *scenario_version, *scenario_title, *scenario_sha256;
    int duration_minutes;
    char *trainee;
    int exam;                 /* mode "exam" */
    uint64_t seed;
    int points, max, grade, points_grade, passed, critical_count;
    double fraction;
    char ended_at[16];        /* "HH:MM:SS[.mmm]" */
    char *end_reason;         /* "finish" or "time_up" */
    ReportGoalResult *goals;  size_t goal_count;
    ReportCritical *criticals; size_t critical_len;
    StrList inputs;           /* the input log, one inputs-file line each */
    time_t wall_started, wall_finished; /* UTC; 0 if absent */
    long long duration_ms;    /* -1 if absent */
} ReportFile;

#define REPORT_READ_MAX_BYTES ((size_t)16 << 20)

/* Reads and checks one report file. Returns 0, or -1 with "path[:line]: message"
 * (bokmål) in err and *out left empty (safe to free). */
int report_load(const char *path, ReportFile *out, char *err, size_t errsize);
/* The same from text already in memory (name is used in messages). */
int report_parse(const char *name, const char *text, size_t len, ReportFile *out, char *err,
                 size_t errsize);
/* Flags for the _opts variants. REPORT_READ_NO_INPUTS: check "inputs" is a list
 * but do not keep it (rf->inputs stays empty), for readers that only need the
 * results. Such reads take a fast path (the timeline and input log are checked
 * as strict JSON but not built as cJSON nodes); a file it does not accept is
 * read the ordinary way, so every message is the same as report_load's. */
#define REPORT_READ_NO_INPUTS 1
int report_parse_opts(const char *name, const char *text, size_t len, int flags,
                      ReportFile *out, char *err, size_t errsize);
int report_load_opts(const char *path, int flags, ReportFile *out, char *err, size_t errsize);
/* The top-level "format" of a JSON object text (e.g. "skranken-exam-result"),
 * to tell another Skranken file from a broken one. 0 with it in buf, or -1. */
int report_sniff_format(const char *text, size_t len, char *buf, size_t size);
/* report_parse, report_load and the above may be called from several threads
 * at once (cJSON's parser, which keeps a global error position, is taken one
 * thread at a time). */
/* Frees what a ReportFile holds (safe on one left empty by a failed load). */
void report_file_free(ReportFile *rf);

#endif
