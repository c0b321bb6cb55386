#include "attempt.h"
#include "commands.h"
#include "paths.h"
#include "core/alloc.h"
#include "report/report.h"
#include "core/file.h"
#include "core/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long long attempt_monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int goal_known(void *ctx, const char *id)
{
    return catalog_find(ctx, id) != NULL;
}

AttemptStatus attempt_start(Attempt *at, const char *path, const Catalog *catalog,
                            const char *trainee, int exam, uint64_t seed, char *err,
                            size_t errsize)
{
    memset(at, 0, sizeof *at);
    at->wall_start = time(NULL);
    at->mono_start = attempt_monotonic_ms();
    at->catalog = catalog;
    at->trainee = sk_xstrdup(trainee);
    at->exam = exam;
    at->seed = seed;
    char *text = NULL;
    size_t len = 0;
    if (file_read_all(path, SCENARIO_MAX_SOURCE, &text, &len, err, errsize) != 0)
        return ATTEMPT_BAD_INPUT;
    sha256_hex(text, len, at->sha256);
    ScenarioOptions opts = {0};
    opts.chunkname = path;
    opts.seed = seed;
    opts.exam = exam;
    opts.goal_known = catalog ? goal_known : NULL;
    opts.goal_ctx = (void *)catalog;
    at->scenario = scenario_load(&opts, text, len, err, errsize);
    free(text);
    if (!at->scenario)
        return ATTEMPT_BAD_INPUT;
    const ScenarioMeta *m = scenario_meta(at->scenario);
    if (exam && !m->exam) {
        snprintf(err, errsize, "%s: scenarioet kan ikke spilles i eksamensmodus", path);
        return ATTEMPT_BAD_INPUT;
    }
    if (!exam && !m->practice) {
        snprintf(err, errsize, "%s: scenarioet kan bare spilles i eksamensmodus", path);
        return ATTEMPT_BAD_INPUT;
    }
    return ATTEMPT_OK;
}

static AttemptStatus fault(Attempt *at, char *err, size_t errsize)
{
    snprintf(err, errsize, "%s", scenario_fault(at->scenario));
    return ATTEMPT_BAD_INPUT;
}

AttemptStatus attempt_act(Attempt *at, const Action *action, char *err, size_t errsize)
{
    ScenarioActResult r = scenario_act(at->scenario, action, err, errsize);
    if (r == SCENARIO_ACT_FAULT)
        return fault(at, err, errsize);
    if (r == SCENARIO_ACT_MISMATCH)
        return ATTEMPT_MISMATCH;
    StrBuf line;
    strbuf_init(&line);
    action_format(action, &line);
    strlist_push(&at->inputs, strbuf_str(&line));
    strbuf_free(&line);
    return ATTEMPT_OK;
}

AttemptStatus attempt_finish(Attempt *at, char *err, size_t errsize)
{
    if (scenario_run_to_end(at->scenario) != 0)
        return fault(at, err, errsize);
    assess_attempt(scenario_meta(at->scenario), &scenario_world(at->scenario)->log,
                   &at->assessment);
    at->finished = 1;
    return ATTEMPT_OK;
}

static const char *end_reason(const EventLog *log)
{
    for (size_t i = 0; i < log->count; i++)
        if (log->items[i].kind == EVENT_HAPPENING && log->items[i].code &&
            strcmp(log->items[i].code, "finish") == 0)
            return "finish";
    return "time_up";
}

char *attempt_render_report(Attempt *at, const ReportWall *wall)
{
    World *world = scenario_world(at->scenario);
    ReportInput in = {
        .engine_version = SKRANKEN_VERSION,
        .meta = scenario_meta(at->scenario),
        .scenario_sha256 = at->sha256,
        .trainee = at->trainee,
        .exam = at->exam,
        .seed = at->seed,
        .assessment = &at->assessment,
        .log = &world->log,
        .catalog = at->catalog,
        .inputs = &at->inputs,
        .sim_end = world->clock.now,
        .end_reason = end_reason(&world->log),
        .wall = wall,
    };
    return report_render(&in);
}

int attempt_save_report(Attempt *at, const char *report_path, const char *data_dir,
                        char **saved_path, char *err, size_t errsize)
{
    *saved_path = NULL;
    ReportWall wall = {at->wall_start, time(NULL), attempt_monotonic_ms() - at->mono_start};
    char *text = attempt_render_report(at, &wall);
    char *path = NULL;
    int rc = -1;
    if (report_path) {
        path = sk_xstrdup(report_path);
    } else {
        char *dir = paths_data_dir(data_dir);
        if (!dir) {
            snprintf(err, errsize, "finner ingen datamappe (HOME og XDG_DATA_HOME mangler); "
                                   "bruk --data-dir eller --report");
            goto done;
        }
        StrBuf reports;
        strbuf_init(&reports);
        strbuf_addf(&reports, "%s/reports", dir);
        free(dir);
        if (file_make_dirs(reports.data, err, errsize) != 0) {
            strbuf_free(&reports);
            goto done;
        }
        path = report_new_path(reports.data, scenario_meta(at->scenario)->id, at->trainee,
                               at->wall_start);
        strbuf_free(&reports);
    }
    if (file_write_new(path, text, strlen(text), err, errsize) != 0)
        goto done;
    *saved_path = path;
    path = NULL;
    rc = 0;
done:
    free(path);
    free(text);
    return rc;
}

void attempt_free(Attempt *at)
{
    scenario_free(at->scenario);
    free(at->trainee);
    strlist_free(&at->inputs);
    assessment_free(&at->assessment);
    memset(at, 0, sizeof *at);
}
