#include "attempt.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int goal_known(void *ctx, const char *id)
{
    return catalog_find(ctx, id) != NULL;
}

AttemptStatus attempt_start(Attempt *at, const char *path, const Catalog *catalog,
                            const char *trainee, int exam, uint64_t seed, char *err,
                            size_t errsize)
{
    memset(at, 0, sizeof *at);
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

void attempt_free(Attempt *at)
{
    scenario_free(at->scenario);
    free(at->trainee);
    strlist_free(&at->inputs);
    assessment_free(&at->assessment);
    memset(at, 0, sizeof *at);
}
