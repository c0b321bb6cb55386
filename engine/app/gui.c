#define _DEFAULT_SOURCE /* realpath, timegm */
/* The GUI's host: the library of scenarios and earlier results, and the attempt
 * the UI drives (the same Attempt the headless runner uses). */
#include "gui.h"
#include "library_cache.h"
#include "attempt.h"
#include "paths.h"
#include "assess/exam.h"
#include "core/alloc.h"
#include "core/file.h"
#include "report/report.h"
#include "core/sha256.h"
#include "commands.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct GuiHost {
    const Catalog *catalog;
    char *catalog_path;      /* the --catalog file given (absolute), NULL: the shipped one */
    char *data_dir;          /* NULL: the default */
    char *journal_dir;       /* <data dir>/journal; NULL: attempts are not journaled */
    Catalog *resume_catalog; /* the catalog a resumed attempt began with, if not catalog */
    /* unfinished attempts offered for resumption (docs/journal.md) */
    Journal *offers;         /* an offer that cannot be read has only its path */
    UiResumeOffer *offer_info;
    size_t offer_count;
    char *settings;
    UiLibraryEntry *entries;
    size_t count;
    ReportSummary *results;  /* every earlier report: read at start, then each new one */
    size_t result_count, result_cap;
    Attempt at;
    int active;
    /* the last start, for hot reload (F5): same file, trainee, seed and mode */
    char *last_path, *last_trainee;
    int last_exam;
    uint64_t last_seed;
    /* exam sets: the first exam_count library entries */
    ExamLibrary exams;
    size_t exam_count;
    const ExamSet *exam;      /* the set being played, or NULL */
    size_t exam_at;           /* scenarios started so far */
    char *exam_trainee;
    Assessment exam_results[20];
    char *exam_reports[20];   /* saved report paths */
    char exam_shas[20][65];
    char exam_ended[20][16];
    size_t exam_done;
    time_t exam_started;
    long long exam_mono;
} GuiHost;

/* Adds one report's summary to the library's results (a file that is not a
 * report is just not counted). */
static void add_result(GuiHost *h, const char *path)
{
    ReportSummary s;
    if (!path || !*path || report_read_summary(path, &s) != 0)
        return;
    SK_GROW(h->results, h->result_count, h->result_cap);
    h->results[h->result_count++] = s;
}

static void read_results(GuiHost *h)
{
    free(h->results);
    h->results = NULL;
    h->result_count = h->result_cap = 0;
    char *dir = paths_data_dir(h->data_dir);
    if (!dir)
        return;
    StrBuf reports;
    strbuf_init(&reports);
    strbuf_addf(&reports, "%s/reports", dir);
    free(dir);
    char **files = NULL;
    size_t n = file_list_dir(reports.data, ".json", &files);
    for (size_t i = 0; i < n; i++)
        add_result(h, files[i]);
    file_list_free(files, n);
    strbuf_free(&reports);
}

static int goal_known(void *ctx, const char *id)
{
    return catalog_find(ctx, id) != NULL;
}

/* Reads one scenario file of the library into its entry (e->path set). */
static void load_entry(GuiHost *h, UiLibraryEntry *e)
{
    char *text = NULL, err[2048];
    size_t len = 0;
    Scenario *sc = NULL;
    if (file_read_all(e->path, SCENARIO_MAX_SOURCE, &text, &len, err, sizeof err) == 0) {
        ScenarioOptions o = {0};
        o.chunkname = e->path;
        o.seed = 1;
        o.goal_known = h->catalog ? goal_known : NULL;
        o.goal_ctx = (void *)h->catalog;
        sc = scenario_load(&o, text, len, err, sizeof err);
        free(text);
    }
    if (!sc) {
        const char *base = strrchr(e->path, '/');
        e->id = sk_xstrdup(base ? base + 1 : e->path);
        e->title = sk_xstrdup(e->id);
        e->error = sk_xstrdup(err);
        return;
    }
    const ScenarioMeta *m = scenario_meta(sc);
    e->id = sk_xstrdup(m->id);
    e->title = sk_xstrdup(m->title);
    e->summary = sk_xstrdup(m->summary);
    e->minutes = (int)(m->duration / SIMTIME_MINUTE);
    e->difficulty = m->difficulty;
    e->practice = m->practice;
    e->exam = m->exam;
    for (size_t g = 0; g < m->goal_count; g++)
        strlist_push(&e->goals, m->goals[g].id);
    scenario_free(sc);
}

static void load_library(GuiHost *h)
{
    char **files = NULL;
    size_t n = file_list_dir(paths_scenarios_dir(), ".lua", &files);
    StrBuf exdir;
    strbuf_init(&exdir);
    strbuf_addf(&exdir, "%s/exams", paths_assets_dir());
    exam_library_load(exdir.data, paths_scenarios_dir(), &h->exams);
    strbuf_free(&exdir);
    h->entries = sk_xcalloc(n + h->exams.count + 1, sizeof *h->entries);
    for (size_t i = 0; i < h->exams.count; i++) {
        const ExamSet *set = h->exams.sets[i];
        UiLibraryEntry *e = &h->entries[h->count++];
        StrBuf title;
        strbuf_init(&title);
        strbuf_addf(&title, "Eksamen: %s", set->title);
        e->title = title.data;
        e->id = sk_xstrdup(set->id);
        e->path = sk_xstrdup(set->path);
        e->summary = sk_xstrdup(set->description);
        e->minutes = set->time_limit_minutes;
        e->difficulty = 5;
        e->exam = 1;
        e->is_exam = 1;
        for (size_t k = 0; k < set->scenario_count; k++)
            strlist_push(&e->goals, set->scenarios[k].id);
    }
    h->exam_count = h->exams.count;
    /* What each file said last time, while neither it, the catalog nor this
     * program has changed: loading every scenario is most of a cold start. */
    char *dir = paths_data_dir(h->data_dir);
    StrBuf cache_path, catalog;
    strbuf_init(&cache_path);
    strbuf_init(&catalog);
    if (dir)
        strbuf_addf(&cache_path, "%s/cache/library.tsv", dir);
    if (h->catalog_path)
        strbuf_add(&catalog, h->catalog_path);
    else
        strbuf_addf(&catalog, "%s/catalog.json", paths_assets_dir());
    LibraryCache *cache = library_cache_open(dir ? cache_path.data : NULL, catalog.data);
    for (size_t i = 0; i < n; i++) {
        UiLibraryEntry *e = &h->entries[h->count++];
        e->path = sk_xstrdup(files[i]);
        if (!library_cache_get(cache, e->path, e)) {
            load_entry(h, e);
            library_cache_put(cache, e->path, e);
        }
    }
    library_cache_close(cache);
    strbuf_free(&cache_path);
    strbuf_free(&catalog);
    free(dir);
    file_list_free(files, n);
}

/* ------------------------------------------------------------ host functions */

static size_t h_count(void *ctx) { return ((GuiHost *)ctx)->count; }

static const UiLibraryEntry *h_entry(void *ctx, size_t i)
{
    GuiHost *h = ctx;
    return i < h->count ? &h->entries[i] : NULL;
}

static void h_refresh(void *ctx, const char *trainee)
{
    GuiHost *h = ctx;
    for (size_t i = 0; i < h->count; i++) {
        UiLibraryEntry *e = &h->entries[i];
        e->best_grade = e->best_points = e->best_max = 0;
        for (size_t k = 0; k < h->result_count; k++) {
            const ReportSummary *s = &h->results[k];
            if (strcmp(s->scenario_id, e->id) != 0 || !trainee || strcmp(s->trainee, trainee) != 0)
                continue;
            if (s->grade > e->best_grade ||
                (s->grade == e->best_grade && s->points > e->best_points)) {
                e->best_grade = s->grade;
                e->best_points = s->points;
                e->best_max = s->max;
            }
        }
    }
}

/* Ends the attempt in memory; its journal, if any, stays (resumable). */
static void end_attempt(GuiHost *h)
{
    if (h->active)
        attempt_free(&h->at);
    h->active = 0;
    catalog_free(h->resume_catalog);
    h->resume_catalog = NULL;
}

/* An attempt dropped on purpose or by a fault: its journal is moved aside. */
static void discard_attempt(GuiHost *h)
{
    char err[1024];
    if (h->active && !h->at.finished && attempt_journal_discard(&h->at, err, sizeof err) != 0)
        fprintf(stderr, "skranken: %s\n", err);
    end_attempt(h);
}

static void remember_start(GuiHost *h, const char *path, const char *trainee, int exam,
                           uint64_t seed)
{
    /* copies first: path and trainee may be the remembered ones (reload) */
    char *p = sk_xstrdup(path), *t = sk_xstrdup(trainee ? trainee : "");
    free(h->last_path);
    free(h->last_trainee);
    h->last_path = p;
    h->last_trainee = t;
    h->last_exam = exam;
    h->last_seed = seed;
}

static int h_start(void *ctx, const char *path, const char *trainee, int exam, uint64_t seed,
                   char *err, size_t errsize)
{
    GuiHost *h = ctx;
    remember_start(h, path, trainee, exam, seed);
    end_attempt(h);
    /* the remembered copies: path and trainee may have been the old ones */
    AttemptStatus st = attempt_start(&h->at, h->last_path, h->catalog, h->last_trainee, exam, seed,
                                     err, errsize);
    h->active = 1;
    if (st != ATTEMPT_OK) {
        end_attempt(h);
        return -1;
    }
    if (h->journal_dir) { /* every action is journaled before it takes effect */
        AttemptJournalInfo info = {.catalog_path = h->catalog_path};
        if (h->exam) {
            info.set_id = h->exam->id;
            info.set_title = h->exam->title;
            info.set_task = (int)h->exam_at;
            info.set_tasks = (int)h->exam->scenario_count;
        }
        char why[1536];
        if (attempt_journal_begin(&h->at, h->last_path, h->journal_dir, &info, why,
                                  sizeof why) != 0) {
            snprintf(err, errsize, "Journalen over forsøket kan ikke lagres: %s", why);
            end_attempt(h);
            return -2;
        }
    }
    return 0;
}

static Scenario *h_scenario(void *ctx)
{
    GuiHost *h = ctx;
    return h->active ? h->at.scenario : NULL;
}

static UiActResult h_act(void *ctx, const Action *a, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    AttemptStatus st = attempt_act(&h->at, a, err, errsize);
    return st == ATTEMPT_OK           ? UI_ACT_OK
           : st == ATTEMPT_MISMATCH   ? UI_ACT_MISMATCH
           : st == ATTEMPT_NOT_SAVED ? UI_ACT_NOT_SAVED
                                      : UI_ACT_FAULT;
}

static int h_advance(void *ctx, SimTime t, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    if (scenario_advance(h->at.scenario, t) != 0) {
        snprintf(err, errsize, "%s", scenario_fault(h->at.scenario));
        return -1;
    }
    return 0;
}

static void exam_record(GuiHost *h, const char *report_path);

static int h_finish(void *ctx, char *report_path, size_t pathsize, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    if (attempt_finish(&h->at, err, errsize) != ATTEMPT_OK)
        return -1;
    char *saved = NULL;
    int rc = 0;
    if (attempt_save_report(&h->at, NULL, h->data_dir, &saved, err, errsize) != 0) {
        rc = -2;
        if (h->at.journal_path) { /* where the attempt is kept meanwhile */
            size_t n = strlen(err);
            snprintf(err + n, errsize - n,
                     ". Forsøket er tatt vare på i %s: trykk «Lagre på nytt» når det er plass "
                     "igjen; ellers tilbys det neste gang Skranken starter (eller med "
                     "«skranken resume»).",
                     h->at.journal_path);
        }
    }
    snprintf(report_path, pathsize, "%s", saved ? saved : "");
    exam_record(h, saved);
    add_result(h, saved);
    free(saved);
    return rc;
}

static const Assessment *h_assessment(void *ctx)
{
    GuiHost *h = ctx;
    return h->active && h->at.finished ? &h->at.assessment : NULL;
}

static const Catalog *h_catalog(void *ctx) { return ((GuiHost *)ctx)->catalog; }

static void exam_clear(GuiHost *h);

/* Dropping an attempt (a fault, quitting from the pause dialog, closing the
 * window) also ends the exam set it belonged to: the next start is practice. */
static void h_abandon(void *ctx)
{
    GuiHost *h = ctx;
    discard_attempt(h);
    if (h->exam)
        exam_clear(h);
}

/* The window closes mid-attempt: the journal stays, offered next time. */
static void h_suspend(void *ctx)
{
    GuiHost *h = ctx;
    end_attempt(h);
    if (h->exam)
        exam_clear(h);
}

static int h_save_again(void *ctx, char *report_path, size_t pathsize, char *err,
                        size_t errsize)
{
    GuiHost *h = ctx;
    if (!h->active || !h->at.finished) {
        snprintf(err, errsize, "ingen avsluttet forsøk å lagre");
        return -1;
    }
    char *saved = NULL;
    if (attempt_save_report(&h->at, NULL, h->data_dir, &saved, err, errsize) != 0)
        return -1;
    snprintf(report_path, pathsize, "%s", saved);
    add_result(h, saved);
    free(saved);
    return 0;
}

/* ------------------------------------------------------ unfinished attempts */

static void offer_fill(GuiHost *h, size_t i, const char *problem)
{
    const Journal *j = &h->offers[i];
    UiResumeOffer *o = &h->offer_info[i];
    memset(o, 0, sizeof *o);
    const char *base = strrchr(j->path, '/');
    snprintf(o->file, sizeof o->file, "%s", base ? base + 1 : j->path);
    if (!j->h.scenario_path) { /* not readable: only the file and why */
        snprintf(o->title, sizeof o->title, "%s", o->file);
        snprintf(o->problem, sizeof o->problem, "%s", problem ? problem : "");
        return;
    }
    snprintf(o->title, sizeof o->title, "%s", j->h.title);
    snprintf(o->trainee, sizeof o->trainee, "%s", j->h.trainee);
    o->started = (long long)j->h.started;
    o->actions = (int)j->actions.count;
    if (j->actions.count) { /* to the second, as the desk's clock shows it */
        simtime_format(j->actions.items[j->actions.count - 1].action.t, o->reached,
                       sizeof o->reached);
        o->reached[strcspn(o->reached, ".")] = '\0';
    }
    o->exam = j->h.exam;
    o->finishing = j->finishing;
    if (j->h.set_task > 0) {
        snprintf(o->exam_set, sizeof o->exam_set, "%s", j->h.set_title);
        o->set_task = j->h.set_task;
        o->set_tasks = j->h.set_tasks;
    }
    snprintf(o->scenario_path, sizeof o->scenario_path, "%s", j->h.scenario_path);
    o->seed = j->h.seed;
    char buf[1200];
    if (!problem)
        problem = journal_scenario_problem(j, buf, sizeof buf);
    snprintf(o->problem, sizeof o->problem, "%s", problem ? problem : "");
}

/* The journals of the data folder (or just the one given), read once at start. */
static void load_offers(GuiHost *h, const char *only)
{
    char **files = NULL;
    size_t n = 0;
    if (only) {
        files = sk_xmalloc(sizeof *files);
        files[n++] = sk_xstrdup(only);
    } else if (h->journal_dir) {
        n = journal_list(h->journal_dir, &files);
    }
    h->offers = sk_xcalloc(n + 1, sizeof *h->offers);
    h->offer_info = sk_xcalloc(n + 1, sizeof *h->offer_info);
    for (size_t i = 0; i < n; i++) {
        char err[2048];
        Journal *j = &h->offers[h->offer_count];
        if (journal_load(files[i], j, err, sizeof err) != 0) {
            memset(j, 0, sizeof *j);
            j->path = sk_xstrdup(files[i]);
            offer_fill(h, h->offer_count++, err);
        } else {
            offer_fill(h, h->offer_count++, NULL);
        }
        free(files[i]);
    }
    free(files);
}

static void offer_remove(GuiHost *h, size_t i)
{
    journal_free(&h->offers[i]);
    memmove(&h->offers[i], &h->offers[i + 1], (h->offer_count - i - 1) * sizeof *h->offers);
    memmove(&h->offer_info[i], &h->offer_info[i + 1],
            (h->offer_count - i - 1) * sizeof *h->offer_info);
    h->offer_count--;
}

static size_t h_resume_count(void *ctx) { return ((GuiHost *)ctx)->offer_count; }

static int h_resume_offer(void *ctx, size_t i, UiResumeOffer *out)
{
    GuiHost *h = ctx;
    if (i >= h->offer_count)
        return -1;
    *out = h->offer_info[i];
    return 0;
}

/* The catalog the journal's attempt began with: the window's own when it is the
 * same file, else read here. NULL with err. */
static const Catalog *catalog_for(GuiHost *h, const Journal *j, char *err, size_t errsize)
{
    const char *want = j->h.catalog;
    if ((!want && !h->catalog_path) ||
        (want && h->catalog_path && strcmp(want, h->catalog_path) == 0))
        return h->catalog;
    h->resume_catalog = paths_load_catalog(want, err, errsize);
    return h->resume_catalog;
}

static int h_resume(void *ctx, size_t i, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    if (i >= h->offer_count)
        return -1;
    UiResumeOffer *o = &h->offer_info[i];
    if (o->problem[0]) {
        snprintf(err, errsize, "%s", o->problem);
        return -1;
    }
    Journal *j = &h->offers[i];
    end_attempt(h);
    exam_clear(h);
    const Catalog *cat = catalog_for(h, j, err, errsize);
    if (!cat || attempt_resume(&h->at, j, cat, err, errsize) != ATTEMPT_OK) {
        h->active = 1;
        end_attempt(h);
        snprintf(o->problem, sizeof o->problem, "%s", err);
        return -1;
    }
    h->active = 1;
    remember_start(h, j->h.scenario_path, j->h.trainee, j->h.exam, j->h.seed);
    int finishing = j->finishing;
    offer_remove(h, i);
    return finishing ? 1 : 0;
}

static int h_resume_discard(void *ctx, size_t i, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    if (i >= h->offer_count)
        return -1;
    Attempt tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.journal_path = sk_xstrdup(h->offers[i].path);
    if (attempt_journal_discard(&tmp, err, errsize) != 0)
        return -1;
    offer_remove(h, i);
    return 0;
}

/* 1 if a and b name the same file (the same text, or the same device and inode). */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* Hot reload (F5): the last started file read again from disk, with the same
 * trainee, seed and mode; the attempt on screen ends without a report. The
 * library entry of that file is read again too, so the library shows the new
 * title, or the error. Exam attempts are never reloaded. */
static int h_reload(void *ctx, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    if (!h->last_path) {
        snprintf(err, errsize, "ingen scenariofil å lese inn på nytt");
        return -1;
    }
    if (h->last_exam || h->exam) {
        snprintf(err, errsize, "%s: eksamen kan ikke lastes inn på nytt", h->last_path);
        return -1;
    }
    discard_attempt(h); /* a test drive: no report, and nothing to resume */
    for (size_t i = h->exam_count; i < h->count; i++)
        if (same_file(h->entries[i].path, h->last_path)) {
            library_entry_clear(&h->entries[i]);
            load_entry(h, &h->entries[i]);
        }
    return h_start(ctx, h->last_path, h->last_trainee, h->last_exam, h->last_seed, err, errsize);
}

static const char *h_settings(void *ctx) { return ((GuiHost *)ctx)->settings; }

/* ---------------------------------------------------------------- exam sets */

static void exam_clear(GuiHost *h)
{
    for (size_t i = 0; i < h->exam_done; i++) {
        assessment_free(&h->exam_results[i]);
        free(h->exam_reports[i]);
        h->exam_reports[i] = NULL;
    }
    h->exam_done = h->exam_at = 0;
    h->exam = NULL;
    free(h->exam_trainee);
    h->exam_trainee = NULL;
}

static int h_exam_begin(void *ctx, size_t index, const char *trainee, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    exam_clear(h);
    if (index >= h->exam_count) {
        snprintf(err, errsize, "ingen slik eksamen");
        return -1;
    }
    h->exam = h->exams.sets[index];
    h->exam_trainee = sk_xstrdup(trainee);
    h->exam_started = time(NULL);
    h->exam_mono = attempt_monotonic_ms();
    return 0;
}

static int h_exam_next(void *ctx, char *path, size_t pathsize, uint64_t *seed, int *number,
                       int *count)
{
    GuiHost *h = ctx;
    if (!h->exam || h->exam_at >= h->exam->scenario_count || h->exam_at >= 20)
        return 0;
    const ExamScenario *s = &h->exam->scenarios[h->exam_at];
    char *p = paths_scenario(s->id);
    snprintf(path, pathsize, "%s", p);
    free(p);
    *seed = s->seed;
    *number = (int)h->exam_at + 1;
    *count = (int)h->exam->scenario_count;
    h->exam_at++;
    return 1;
}

static int h_exam_minutes(void *ctx)
{
    GuiHost *h = ctx;
    return h->exam ? h->exam->time_limit_minutes : 0;
}

/* Called after each scenario of a set is finished and saved. */
static void exam_record(GuiHost *h, const char *report_path)
{
    if (!h->exam || h->exam_done >= 20 || !h->active)
        return;
    size_t i = h->exam_done++;
    Assessment *a = &h->exam_results[i];
    *a = h->at.assessment;
    a->goals = sk_xmalloc((a->goal_count ? a->goal_count : 1) * sizeof *a->goals);
    memcpy(a->goals, h->at.assessment.goals, a->goal_count * sizeof *a->goals);
    h->exam_reports[i] = sk_xstrdup(report_path);
    char *text = NULL, err[256];
    size_t len = 0;
    h->exam_shas[i][0] = '\0';
    if (report_path && file_read_all(report_path, (size_t)64 << 20, &text, &len, err, sizeof err) == 0) {
        sha256_hex(text, len, h->exam_shas[i]);
        free(text);
    }
    simtime_format(scenario_world(h->at.scenario)->clock.now, h->exam_ended[i],
                   sizeof h->exam_ended[i]);
}

static void h_exam_end(void *ctx, UiExamSummary *out)
{
    GuiHost *h = ctx;
    memset(out, 0, sizeof *out);
    if (!h->exam)
        return;
    const ExamSet *set = h->exam;
    snprintf(out->title, sizeof out->title, "%s", set->title);
    /* Scenarios not reached (time ran out) count as grade 1. */
    Assessment results[20];
    ExamResultEntry entries[20];
    memset(results, 0, sizeof results);
    memset(entries, 0, sizeof entries);
    size_t n = set->scenario_count < 20 ? set->scenario_count : 20;
    for (size_t i = 0; i < n; i++) {
        if (i < h->exam_done) {
            results[i] = h->exam_results[i];
        } else {
            results[i].grade = results[i].points_grade = 1;
        }
        UiExamLine *l = &out->lines[out->count++];
        const UiLibraryEntry *e = NULL;
        for (size_t k = h->exam_count; k < h->count; k++)
            if (strcmp(h->entries[k].id, set->scenarios[i].id) == 0)
                e = &h->entries[k];
        snprintf(l->title, sizeof l->title, "%s%s", e ? e->title : set->scenarios[i].id,
                 i < h->exam_done ? "" : " (ikke nådd)");
        l->grade = results[i].grade;
        l->points = results[i].points;
        l->max = results[i].max;
        l->criticals = results[i].criticals;
        l->passed = results[i].passed;
        entries[i].id = set->scenarios[i].id;
        entries[i].title = e ? e->title : set->scenarios[i].id;
        entries[i].seed = set->scenarios[i].seed;
        const char *rp = i < h->exam_done ? h->exam_reports[i] : NULL;
        const char *base = rp ? strrchr(rp, '/') : NULL;
        entries[i].report_file = base ? base + 1 : (rp ? rp : "");
        entries[i].report_sha256 = i < h->exam_done ? h->exam_shas[i] : "";
        entries[i].ended_at = i < h->exam_done ? h->exam_ended[i] : "";
        entries[i].assessment = &results[i];
    }
    ExamOutcome outcome;
    exam_assess(&set->rule, results, n, &outcome);
    out->passed = outcome.passed;
    out->grade = outcome.grade;
    out->average_centi = outcome.average_centi;
    snprintf(out->rule, sizeof out->rule,
             "Bestått krever minst karakter %d i hver oppgave, snitt minst %d,%02d%s.",
             set->rule.min_grade_each, set->rule.min_average_centi / 100,
             set->rule.min_average_centi % 100,
             set->rule.no_critical ? " og ingen kritiske feil" : "");
    ExamResultInput in = {
        .engine_version = SKRANKEN_VERSION,
        .set = set,
        .trainee = h->exam_trainee,
        .entries = entries,
        .outcome = &outcome,
        .wall_started = h->exam_started,
        .wall_finished = time(NULL),
        .duration_ms = attempt_monotonic_ms() - h->exam_mono,
    };
    char *json = exam_result_render(&in);
    char *dir = paths_data_dir(h->data_dir);
    if (json && dir) {
        StrBuf path;
        strbuf_init(&path);
        strbuf_addf(&path, "%s/reports", dir);
        char *file = report_new_path(path.data, set->id, h->exam_trainee, h->exam_started);
        /* report_new_path names <id>-<trainee>-<stamp>.json; mark it as the exam's */
        StrBuf named;
        strbuf_init(&named);
        const char *slash = strrchr(file, '/');
        strbuf_addf(&named, "%.*s/exam-%s", (int)(slash - file), file, slash + 1);
        if (file_write_new(named.data, json, strlen(json), out->error, sizeof out->error) == 0)
            snprintf(out->summary_path, sizeof out->summary_path, "%s", named.data);
        strbuf_free(&named);
        free(file);
        strbuf_free(&path);
    }
    free(dir);
    free(json);
    exam_clear(h);
}

int gui_run(const UiOptions *opts, const Catalog *catalog, const char *catalog_path,
            const char *data_dir, const char *resume_journal)
{
    GuiHost h;
    memset(&h, 0, sizeof h);
    h.catalog = catalog;
    h.data_dir = data_dir ? sk_xstrdup(data_dir) : NULL;
    char real[PATH_MAX];
    if (catalog_path)
        h.catalog_path = sk_xstrdup(realpath(catalog_path, real) ? real : catalog_path);
    char *dir = paths_data_dir(data_dir);
    if (dir) {
        char err[512];
        if (file_make_dirs(dir, err, sizeof err) == 0) {
            StrBuf sb;
            strbuf_init(&sb);
            strbuf_addf(&sb, "%s/settings.ini", dir);
            h.settings = sb.data;
        }
        /* Journaled even if the folder cannot be made now: starting an attempt
         * then says why (an attempt that could not be kept is not begun). */
        StrBuf jd;
        strbuf_init(&jd);
        strbuf_addf(&jd, "%s/journal", dir);
        h.journal_dir = jd.data;
        free(dir);
    }
    load_library(&h);
    read_results(&h);
    load_offers(&h, resume_journal);
    UiOptions ui_opts = *opts;
    ui_opts.resume_first = resume_journal != NULL;
    UiHost host = {
        .ctx = &h,
        .library_count = h_count,
        .library_entry = h_entry,
        .library_refresh = h_refresh,
        .start = h_start,
        .scenario = h_scenario,
        .act = h_act,
        .advance = h_advance,
        .finish = h_finish,
        .assessment = h_assessment,
        .catalog = h_catalog,
        .abandon = h_abandon,
        .reload = h_reload,
        .settings_path = h_settings,
        .exam_begin = h_exam_begin,
        .exam_next = h_exam_next,
        .exam_minutes = h_exam_minutes,
        .exam_end = h_exam_end,
        .resume_count = h_resume_count,
        .resume_offer = h_resume_offer,
        .resume = h_resume,
        .resume_discard = h_resume_discard,
        .suspend = h_suspend,
        .save_again = h_save_again,
    };
    int rc = ui_run(&ui_opts, &host);
    end_attempt(&h);
    for (size_t i = 0; i < h.offer_count; i++)
        journal_free(&h.offers[i]);
    free(h.offers);
    free(h.offer_info);
    free(h.journal_dir);
    free(h.catalog_path);
    for (size_t i = 0; i < h.count; i++) {
        library_entry_clear(&h.entries[i]);
        free(h.entries[i].path);
    }
    free(h.entries);
    free(h.last_path);
    free(h.last_trainee);
    exam_clear(&h);
    exam_library_free(&h.exams);
    free(h.results);
    free(h.settings);
    free(h.data_dir);
    return rc;
}
