/* The JSON report of one attempt (format: docs/report-format.md) and where it is
 * saved. Everything outside the "wall" object depends only on the scenario file,
 * seed, mode, trainee and inputs, so two runs of the same can be compared byte
 * for byte. */
#ifndef SKRANKEN_REPORT_H
#define SKRANKEN_REPORT_H

#include "assess/catalog.h"
#include "assess/scoring.h"
#include "core/eventlog.h"
#include "core/meta.h"
#include "core/strbuf.h"

#include <stdint.h>
#include <time.h>

#define REPORT_FORMAT_VERSION 2

typedef struct ReportWall {
    time_t started, finished; /* seconds since the epoch, UTC */
    long long duration_ms;
} ReportWall;

typedef struct ReportInput {
    const char *engine_version;
    const ScenarioMeta *meta;
    const char *scenario_sha256;  /* of the exact file text that was played */
    const char *trainee;
    int exam;
    uint64_t seed;
    const Assessment *assessment;
    const EventLog *log;
    const Catalog *catalog;       /* for goal titles and official codes; may be NULL */
    const StrList *inputs;        /* the input log, one inputs-file line each */
    SimTime sim_end;
    const char *end_reason;       /* "finish" or "time_up" */
    const ReportWall *wall;
} ReportInput;

/* Renders the report as JSON text (caller frees). */
char *report_render(const ReportInput *in);

/* Makes "<dir>/<scenario>-<trainee>-<YYYYMMDD-HHMMSS>.json", adding -2, -3 ...
 * until the name is free. Caller frees. */
char *report_new_path(const char *dir, const char *scenario_id, const char *trainee,
                      time_t when);

/* A trainee name made safe for a file name: lowercase ASCII, æøå spelled out,
 * everything else '-'. Caller frees. */
char *report_slug(const char *name);

/* The few facts the library shows about an earlier attempt. */
typedef struct ReportSummary {
    char scenario_id[72];
    char trainee[128];
    int grade, points, max, passed;
} ReportSummary;

/* Reads a report file's summary. 0, or -1 if it is not a readable report. */
int report_read_summary(const char *path, ReportSummary *out);

#endif
