#define _DEFAULT_SOURCE /* realpath, timegm */
#include "attempt.h"
#include "commands.h"
#include "paths.h"
#include "core/alloc.h"
#include "report/report.h"
#include "core/file.h"
#include "core/sha256.h"
#include "report/report_read.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    return attempt_start_cached(at, NULL, path, catalog, trainee, exam, seed, err, errsize);
}

AttemptStatus attempt_start_cached(Attempt *at, ScenarioCache *cache, const char *path,
                                   const Catalog *catalog, const char *trainee, int exam,
                                   uint64_t seed, char *err, size_t errsize)
{
    memset(at, 0, sizeof *at);
    at->journal.fd = -1;
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
    scenario_cache_sha256(cache, text, len, at->sha256);
    ScenarioOptions opts = {0};
    opts.cache = cache;
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

/* ------------------------------------------------------------- test points */

void attempt_test_point(const char *stage, long k)
{
    const char *want = getenv("SKRANKEN_TEST_HANG");
    if (!want || !*want)
        return;
    char here[64];
    if (k >= 0)
        snprintf(here, sizeof here, "%s:%ld", stage, k);
    else
        snprintf(here, sizeof here, "%s", stage);
    if (strcmp(want, here) != 0)
        return;
    const char *mark = getenv("SKRANKEN_TEST_HANG_MARK");
    if (mark && *mark) {
        int fd = open(mark, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ssize_t ignored = write(fd, here, strlen(here));
            (void)ignored;
            close(fd);
        }
    }
    alarm(120); /* a test that never kills us must not leave us behind */
    for (;;)
        pause();
}

static void report_write_hook(const char *stage, const char *path)
{
    (void)path;
    if (strcmp(stage, "temp-synced") == 0)
        attempt_test_point("report-temp", -1);
}

/* ----------------------------------------------------------------- journal */

static long long session_ms(const Attempt *at)
{
    return attempt_monotonic_ms() - at->mono_start;
}

/* "<dir>/<scenario>-<trainee>-<YYYYMMDD-HHMMSS>[-N].journal" made new with text. */
static char *create_journal(const char *dir, const char *id, const char *trainee, time_t when,
                            const char *text, char *err, size_t errsize)
{
    struct tm tm;
    char stamp[32];
    localtime_r(&when, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char *slug = report_slug(trainee);
    StrBuf sb;
    strbuf_init(&sb);
    int rc = -1;
    for (int n = 1; n < 1000; n++) {
        strbuf_clear(&sb);
        strbuf_addf(&sb, "%s/%s-%s-%s", dir, id, slug, stamp);
        if (n > 1)
            strbuf_addf(&sb, "-%d", n);
        strbuf_add(&sb, JOURNAL_SUFFIX);
        if (file_exists(sb.data))
            continue;
        rc = file_write_new(sb.data, text, strlen(text), err, errsize);
        if (rc == 0 || errno != EEXIST)
            break;
    }
    free(slug);
    if (rc != 0) {
        if (file_exists(sb.data))
            snprintf(err, errsize, "%s: finnes allerede (skrives aldri over)", sb.data);
        strbuf_free(&sb);
        return NULL;
    }
    return sb.data;
}

int attempt_journal_begin(Attempt *at, const char *scenario_path, const char *dir,
                          const AttemptJournalInfo *info, char *err, size_t errsize)
{
    char abs[PATH_MAX];
    if (!realpath(scenario_path, abs)) {
        snprintf(err, errsize, "%s: finner ikke fila (%s)", scenario_path, strerror(errno));
        return -1;
    }
    char cat_abs[PATH_MAX];
    if (info && info->catalog_path && !realpath(info->catalog_path, cat_abs)) {
        snprintf(err, errsize, "%s: finner ikke fila (%s)", info->catalog_path, strerror(errno));
        return -1;
    }
    if (file_make_dirs(dir, err, errsize) != 0)
        return -1;
    const ScenarioMeta *m = scenario_meta(at->scenario);
    JournalHeader h = {
        .engine_version = (char *)SKRANKEN_VERSION,
        .scenario_path = abs,
        .scenario_id = (char *)m->id,
        .title = (char *)m->title,
        .trainee = at->trainee,
        .exam = at->exam,
        .seed = at->seed,
        .started = at->wall_start,
        .catalog = info && info->catalog_path ? cat_abs : NULL,
    };
    memcpy(h.sha256, at->sha256, sizeof h.sha256);
    if (info && info->set_task > 0) {
        h.set_id = (char *)info->set_id;
        h.set_title = (char *)info->set_title;
        h.set_task = info->set_task;
        h.set_tasks = info->set_tasks;
    }
    char why[256];
    char *text = journal_render_header(&h, why, sizeof why);
    if (!text) {
        snprintf(err, errsize, "%s: %s", scenario_path, why);
        return -1;
    }
    char *path = create_journal(dir, m->id, at->trainee, at->wall_start, text, err, errsize);
    size_t len = strlen(text);
    free(text);
    if (!path)
        return -1;
    if (file_appender_open(&at->journal, path, (long long)len, err, errsize) != 0) {
        char ignored[256];
        file_remove_sync(path, ignored, sizeof ignored);
        free(path);
        return -1;
    }
    at->journal_path = path;
    attempt_test_point("start", -1);
    return 0;
}

int attempt_journal_discard(Attempt *at, char *err, size_t errsize)
{
    if (!at->journal_path)
        return 0;
    file_appender_close(&at->journal);
    if (file_in_use(at->journal_path)) {
        snprintf(err, errsize, "%s: er i bruk (en annen Skranken skriver i den nå); den kan "
                               "ikke forkastes",
                 at->journal_path);
        free(at->journal_path);
        at->journal_path = NULL;
        return -1;
    }
    StrBuf dir;
    strbuf_init(&dir);
    const char *slash = strrchr(at->journal_path, '/');
    strbuf_addf(&dir, "%.*s/discarded", slash ? (int)(slash - at->journal_path) : 1,
                slash ? at->journal_path : ".");
    int rc = file_make_dirs(dir.data, err, errsize);
    if (rc == 0) {
        const char *base = slash ? slash + 1 : at->journal_path;
        StrBuf to;
        strbuf_init(&to);
        for (int n = 1; n < 1000; n++) {
            strbuf_clear(&to);
            strbuf_addf(&to, "%s/%s", dir.data, base);
            if (n > 1)
                strbuf_addf(&to, "-%d", n);
            rc = file_move_new(at->journal_path, to.data, err, errsize);
            if (rc == 0 || errno != EEXIST)
                break;
        }
        strbuf_free(&to);
    }
    strbuf_free(&dir);
    free(at->journal_path);
    at->journal_path = NULL;
    return rc;
}

/* Writes a marker record ("finish"); 0 or -1 (err). */
static int journal_marker(Attempt *at, const char *word, char *err, size_t errsize)
{
    StrBuf rec;
    strbuf_init(&rec);
    journal_format_marker(word, session_ms(at), &rec);
    int rc = file_append_sync(&at->journal, rec.data, rec.len, err, errsize);
    strbuf_free(&rec);
    return rc;
}

/* Applies an action to the world and logs it (no journal). */
static AttemptStatus apply(Attempt *at, const Action *action, char *err, size_t errsize)
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

AttemptStatus attempt_act(Attempt *at, const Action *action, char *err, size_t errsize)
{
    if (!at->journal_path)
        return apply(at, action, err, errsize);
    long k = (long)at->inputs.count + 1;
    long long before = at->journal.size;
    StrBuf rec;
    strbuf_init(&rec);
    journal_format_action(action, session_ms(at), &rec);
    char why[1024];
    int rc = 0;
    if ((size_t)before + rec.len > JOURNAL_MAX_BYTES) {
        snprintf(why, sizeof why, "%s: journalen er full (grensen er %zu byte)", at->journal_path,
                 JOURNAL_MAX_BYTES);
        rc = -1;
    } else {
        rc = file_append_sync(&at->journal, rec.data, rec.len, why, sizeof why);
    }
    strbuf_free(&rec);
    if (rc != 0) {
        snprintf(err, errsize, "handlingen ble ikke utført fordi journalen ikke kunne skrives: %s",
                 why);
        return ATTEMPT_NOT_SAVED;
    }
    attempt_test_point("append", k);
    AttemptStatus st = apply(at, action, err, errsize);
    if (st == ATTEMPT_MISMATCH) {
        /* Refused: it never took effect, so it leaves the journal again. If even
         * that fails, the next record cuts it first (file_append_sync). */
        file_appender_truncate(&at->journal, before, why, sizeof why);
    }
    if (st == ATTEMPT_OK)
        attempt_test_point("act", k);
    return st;
}

/* Replays the journal's actions into an attempt started from its header. */
AttemptStatus attempt_resume(Attempt *at, const Journal *j, const Catalog *catalog, char *err,
                             size_t errsize)
{
    const JournalHeader *h = &j->h;
    char msg[2048];
    memset(at, 0, sizeof *at);
    at->journal.fd = -1;
    const char *problem = journal_scenario_problem(j, msg, sizeof msg);
    if (problem) { /* gone, unreadable or changed: it would not replay the same */
        snprintf(err, errsize, "%s: %s; forsøket kan ikke fortsettes", j->path, problem);
        return ATTEMPT_BAD_INPUT;
    }
    AttemptStatus st = attempt_start(at, h->scenario_path, catalog, h->trainee, h->exam, h->seed,
                                     msg, sizeof msg);
    if (st == ATTEMPT_OK && strcmp(at->sha256, h->sha256) != 0) {
        snprintf(err, errsize, "%s: scenariofila %s er endret siden forsøket begynte (SHA-256 "
                               "er ikke den samme); forsøket kan ikke fortsettes med den",
                 j->path, h->scenario_path);
        return ATTEMPT_BAD_INPUT;
    }
    if (st != ATTEMPT_OK) {
        snprintf(err, errsize, "%s: scenarioet kan ikke lastes: %s", j->path, msg);
        return ATTEMPT_BAD_INPUT;
    }
    if (strcmp(scenario_meta(at->scenario)->id, h->scenario_id) != 0) {
        snprintf(err, errsize, "%s: scenarioet har id «%s», journalen sier «%s»", j->path,
                 scenario_meta(at->scenario)->id, h->scenario_id);
        return ATTEMPT_BAD_INPUT;
    }
    at->wall_start = h->started;
    at->played_before_ms = j->played_ms;
    at->sessions_before = j->sessions;
    long long keep = j->good_len;
    for (size_t i = 0; i < j->actions.count; i++) {
        const InputLine *in = &j->actions.items[i];
        st = apply(at, &in->action, msg, sizeof msg);
        if (st == ATTEMPT_MISMATCH && i + 1 == j->actions.count && !j->finishing) {
            /* written, then refused, then the program stopped before it could take
             * it back: it never took effect */
            keep = j->offsets[i];
            break;
        }
        if (st == ATTEMPT_MISMATCH) {
            StrBuf line;
            strbuf_init(&line);
            action_format(&in->action, &line);
            snprintf(err, errsize, "%s:%d: journalen passer ikke scenarioet: %s (%s)", j->path,
                     in->line, msg, line.data);
            strbuf_free(&line);
            return ATTEMPT_BAD_INPUT;
        }
        if (st != ATTEMPT_OK) {
            snprintf(err, errsize, "%s:%d: feil i scenarioet: %s", j->path, in->line, msg);
            return ATTEMPT_BAD_INPUT;
        }
    }
    if (file_appender_open(&at->journal, j->path, keep, msg, sizeof msg) != 0) {
        snprintf(err, errsize, "kan ikke fortsette journalen: %s", msg);
        return ATTEMPT_BAD_INPUT;
    }
    at->journal_path = sk_xstrdup(j->path);
    at->mono_start = attempt_monotonic_ms();
    if (journal_marker(at, "resumed", msg, sizeof msg) != 0) {
        snprintf(err, errsize, "kan ikke fortsette journalen: %s", msg);
        file_appender_close(&at->journal);
        free(at->journal_path);
        at->journal_path = NULL;
        return ATTEMPT_BAD_INPUT;
    }
    at->finish_journaled = j->finishing;
    return ATTEMPT_OK;
}

AttemptStatus attempt_finish(Attempt *at, char *err, size_t errsize)
{
    if (at->journal_path && !at->finish_journaled) {
        /* The trainee asked to finish: a resumption finishes straight away. Not
         * fatal if it cannot be written: the journal is then resumed at the desk. */
        char why[1024];
        if (journal_marker(at, "finish", why, sizeof why) == 0)
            at->finish_journaled = 1;
        attempt_test_point("finish", -1);
    }
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

/* 1 if the report at path is this attempt's own (saved before a crash). */
static int is_own_report(Attempt *at, const char *path)
{
    ReportFile rf;
    char err[512];
    if (report_load(path, &rf, err, sizeof err) != 0)
        return 0;
    int same = strcmp(rf.scenario_sha256, at->sha256) == 0 &&
               strcmp(rf.scenario_id, scenario_meta(at->scenario)->id) == 0 &&
               strcmp(rf.trainee, at->trainee) == 0 && rf.exam == at->exam &&
               rf.seed == at->seed && rf.wall_started == at->wall_start &&
               rf.inputs.count == at->inputs.count;
    for (size_t i = 0; same && i < at->inputs.count; i++)
        same = strcmp(rf.inputs.items[i], at->inputs.items[i]) == 0;
    report_file_free(&rf);
    return same;
}

/* After the report is safe: the journal goes. */
static void remove_journal(Attempt *at)
{
    if (!at->journal_path)
        return;
    file_appender_close(&at->journal);
    char ignored[1024];
    file_remove_sync(at->journal_path, ignored, sizeof ignored); /* if not: found again next time */
    free(at->journal_path);
    at->journal_path = NULL;
}

int attempt_save_report(Attempt *at, const char *report_path, const char *data_dir,
                        char **saved_path, char *err, size_t errsize)
{
    *saved_path = NULL;
    at->report_existed = 0;
    ReportWall wall = {at->wall_start, time(NULL),
                       at->played_before_ms + attempt_monotonic_ms() - at->mono_start};
    char *text = NULL;
    char *path = NULL;
    int rc = -1;
    if (report_path) {
        path = sk_xstrdup(report_path);
        if (at->sessions_before && file_exists(path) && is_own_report(at, path))
            at->report_existed = 1;
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
        if (at->sessions_before) {
            /* the names report_new_path may have given this attempt's report */
            struct tm tm;
            char stamp[32];
            localtime_r(&at->wall_start, &tm);
            strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
            char *slug = report_slug(at->trainee);
            StrBuf cand;
            strbuf_init(&cand);
            for (int n = 1; n < 10000; n++) {
                strbuf_clear(&cand);
                strbuf_addf(&cand, "%s/%s-%s-%s", reports.data, scenario_meta(at->scenario)->id,
                            slug, stamp);
                if (n > 1)
                    strbuf_addf(&cand, "-%d", n);
                strbuf_add(&cand, ".json");
                if (!file_exists(cand.data))
                    break;
                if (is_own_report(at, cand.data)) {
                    at->report_existed = 1;
                    path = sk_xstrdup(cand.data);
                    break;
                }
            }
            strbuf_free(&cand);
            free(slug);
        }
        if (!path)
            path = report_new_path(reports.data, scenario_meta(at->scenario)->id, at->trainee,
                                   at->wall_start);
        strbuf_free(&reports);
    }
    if (at->report_existed) {
        remove_journal(at);
        *saved_path = path;
        path = NULL;
        rc = 0;
        goto done;
    }
    text = attempt_render_report(at, &wall);
    file_set_write_hook(getenv("SKRANKEN_TEST_HANG") ? report_write_hook : NULL);
    int wrc = file_write_new(path, text, strlen(text), err, errsize);
    file_set_write_hook(NULL);
    if (wrc != 0)
        goto done;
    attempt_test_point("report-linked", -1);
    remove_journal(at);
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
    file_appender_close(&at->journal);
    free(at->journal_path);
    scenario_free(at->scenario);
    free(at->trainee);
    strlist_free(&at->inputs);
    assessment_free(&at->assessment);
    memset(at, 0, sizeof *at);
}
