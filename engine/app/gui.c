/* The GUI's host: the library of scenarios and earlier results, and the attempt
 * the UI drives (the same Attempt the headless runner uses). */
#include "gui.h"
#include "attempt.h"
#include "paths.h"
#include "core/alloc.h"
#include "core/file.h"
#include "report/report.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct GuiHost {
    const Catalog *catalog;
    char *data_dir;          /* NULL: the default */
    char *settings;
    UiLibraryEntry *entries;
    size_t count;
    ReportSummary *results;  /* every earlier report, read once and after each attempt */
    size_t result_count;
    Attempt at;
    int active;
} GuiHost;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .lua files of a folder, sorted; caller frees. */
static size_t list_dir(const char *dir, const char *suffix, char ***out)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0, cap = 0;
    struct dirent *e;
    size_t sl = strlen(suffix);
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0 || e->d_name[0] == '.')
            continue;
        SK_GROW(*out, n, cap);
        StrBuf sb;
        strbuf_init(&sb);
        strbuf_addf(&sb, "%s/%s", dir, e->d_name);
        (*out)[n++] = sb.data;
    }
    closedir(d);
    if (n)
        qsort(*out, n, sizeof **out, compare_names);
    return n;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

static void read_results(GuiHost *h)
{
    free(h->results);
    h->results = NULL;
    h->result_count = 0;
    char *dir = paths_data_dir(h->data_dir);
    if (!dir)
        return;
    StrBuf reports;
    strbuf_init(&reports);
    strbuf_addf(&reports, "%s/reports", dir);
    free(dir);
    char **files = NULL;
    size_t n = list_dir(reports.data, ".json", &files);
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        ReportSummary s;
        if (report_read_summary(files[i], &s) != 0)
            continue; /* not a report: the library just does not count it */
        SK_GROW(h->results, h->result_count, cap);
        h->results[h->result_count++] = s;
    }
    free_list(files, n);
    strbuf_free(&reports);
}

static int goal_known(void *ctx, const char *id)
{
    return catalog_find(ctx, id) != NULL;
}

static void load_library(GuiHost *h)
{
    char **files = NULL;
    size_t n = list_dir(paths_scenarios_dir(), ".lua", &files);
    h->entries = sk_xcalloc(n ? n : 1, sizeof *h->entries);
    for (size_t i = 0; i < n; i++) {
        UiLibraryEntry *e = &h->entries[h->count++];
        e->path = sk_xstrdup(files[i]);
        char *text = NULL, err[2048];
        size_t len = 0;
        Scenario *sc = NULL;
        if (file_read_all(files[i], SCENARIO_MAX_SOURCE, &text, &len, err, sizeof err) == 0) {
            ScenarioOptions o = {0};
            o.chunkname = files[i];
            o.seed = 1;
            o.goal_known = h->catalog ? goal_known : NULL;
            o.goal_ctx = (void *)h->catalog;
            sc = scenario_load(&o, text, len, err, sizeof err);
            free(text);
        }
        if (!sc) {
            const char *base = strrchr(files[i], '/');
            e->id = sk_xstrdup(base ? base + 1 : files[i]);
            e->title = sk_xstrdup(e->id);
            e->error = sk_xstrdup(err);
            continue;
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
    free_list(files, n);
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

static void end_attempt(GuiHost *h)
{
    if (h->active)
        attempt_free(&h->at);
    h->active = 0;
}

static int h_start(void *ctx, const char *path, const char *trainee, int exam, uint64_t seed,
                   char *err, size_t errsize)
{
    GuiHost *h = ctx;
    end_attempt(h);
    AttemptStatus st = attempt_start(&h->at, path, h->catalog, trainee, exam, seed, err, errsize);
    h->active = 1;
    if (st != ATTEMPT_OK) {
        end_attempt(h);
        return -1;
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
    return st == ATTEMPT_OK ? UI_ACT_OK : st == ATTEMPT_MISMATCH ? UI_ACT_MISMATCH : UI_ACT_FAULT;
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

static int h_finish(void *ctx, char *report_path, size_t pathsize, char *err, size_t errsize)
{
    GuiHost *h = ctx;
    if (attempt_finish(&h->at, err, errsize) != ATTEMPT_OK)
        return -1;
    char *saved = NULL;
    if (attempt_save_report(&h->at, NULL, h->data_dir, &saved, err, errsize) != 0)
        return -2;
    snprintf(report_path, pathsize, "%s", saved);
    free(saved);
    read_results(h);
    return 0;
}

static const Assessment *h_assessment(void *ctx)
{
    GuiHost *h = ctx;
    return h->active && h->at.finished ? &h->at.assessment : NULL;
}

static const Catalog *h_catalog(void *ctx) { return ((GuiHost *)ctx)->catalog; }

static void h_abandon(void *ctx) { end_attempt(ctx); }

static const char *h_settings(void *ctx) { return ((GuiHost *)ctx)->settings; }

int gui_run(const UiOptions *opts, const Catalog *catalog, const char *data_dir)
{
    GuiHost h;
    memset(&h, 0, sizeof h);
    h.catalog = catalog;
    h.data_dir = data_dir ? sk_xstrdup(data_dir) : NULL;
    char *dir = paths_data_dir(data_dir);
    if (dir) {
        char err[512];
        if (file_make_dirs(dir, err, sizeof err) == 0) {
            StrBuf sb;
            strbuf_init(&sb);
            strbuf_addf(&sb, "%s/settings.ini", dir);
            h.settings = sb.data;
        }
        free(dir);
    }
    load_library(&h);
    read_results(&h);
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
        .settings_path = h_settings,
    };
    int rc = ui_run(opts, &host);
    end_attempt(&h);
    for (size_t i = 0; i < h.count; i++) {
        UiLibraryEntry *e = &h.entries[i];
        free(e->path);
        free(e->id);
        free(e->title);
        free(e->summary);
        free(e->error);
        strlist_free(&e->goals);
    }
    free(h.entries);
    free(h.results);
    free(h.settings);
    free(h.data_dir);
    return rc;
}
