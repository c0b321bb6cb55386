/* skranken summary's arithmetic (docs/summary.md). Reports are reduced to what
 * the summary needs as they are added; summary_finish orders the attempts in
 * time, drops the same attempt seen twice, and builds the trainee × goal cells,
 * the per-trainee, per-scenario and per-goal figures. The renderers only read.
 * Every order is fixed (ids, names, file paths), so the same reports give the
 * same output. */
#include "summary_internal.h"
#include "core/alloc.h"
#include "core/file.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* qsort, but never handed a null array (an empty list may have none). */
static void sort_items(void *base, size_t count, size_t size,
                       int (*cmp)(const void *, const void *))
{
    if (count > 1)
        qsort(base, count, size, cmp);
}

/* ---------------------------------------------------------------- interned strings */


static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void intern_grow(Intern *in)
{
    size_t n = in->nslots ? in->nslots * 2 : 64;
    size_t *slots = sk_xcalloc(n, sizeof *slots);
    for (size_t i = 0; i < in->count; i++) {
        size_t k = (size_t)hash_text(in->names[i]) & (n - 1);
        while (slots[k])
            k = (k + 1) & (n - 1);
        slots[k] = i + 1;
    }
    free(in->slots);
    in->slots = slots;
    in->nslots = n;
}

/* The index of text, added if new. */
static size_t intern(Intern *in, const char *text)
{
    if (in->count * 2 >= in->nslots)
        intern_grow(in);
    size_t k = (size_t)hash_text(text) & (in->nslots - 1);
    while (in->slots[k]) {
        size_t i = in->slots[k] - 1;
        if (strcmp(in->names[i], text) == 0)
            return i;
        k = (k + 1) & (in->nslots - 1);
    }
    if (in->count == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 64;
        in->names = sk_xrealloc(in->names, in->cap * sizeof *in->names);
    }
    in->names[in->count] = sk_xstrdup(text);
    in->slots[k] = ++in->count;
    return in->count - 1;
}

static void intern_free(Intern *in)
{
    for (size_t i = 0; i < in->count; i++)
        free(in->names[i]);
    free(in->names);
    free(in->slots);
}

static size_t intern_opt(Intern *in, const char *text)
{
    return text ? intern(in, text) : NONE;
}

Summary *summary_new(void)
{
    return sk_xcalloc(1, sizeof(Summary));
}

void summary_free(Summary *s)
{
    if (!s)
        return;
    intern_free(&s->keys);
    intern_free(&s->names);
    intern_free(&s->goals);
    intern_free(&s->texts);
    intern_free(&s->scenarios);
    for (size_t i = 0; i < s->attempt_count; i++)
        free(s->attempts[i].path);
    free(s->attempts);
    free(s->results);
    free(s->crits);
    strlist_free(&s->skipped);
    strlist_free(&s->notes);
    free(s->by_time);
    free(s->trainees);
    free(s->goal_stats);
    free(s->columns);
    free(s->cells);
    for (size_t i = 0; i < s->scen_count; i++)
        strlist_free(&s->scen[i].versions);
    free(s->scen);
    for (size_t i = 0; i < s->rule_count; i++)
        strlist_free(&s->rules[i].goals);
    free(s->rules);
    free(s->missed);
    free(s);
}

size_t summary_report_count(const Summary *s)
{
    return s->finished ? s->counted : s->attempt_count;
}

/* ---------------------------------------------------------------- names */

size_t summary_utf8_next(const unsigned char *p, unsigned int *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xe0) == 0xc0 && p[1]) {
        *cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
        return 2;
    }
    if ((p[0] & 0xf0) == 0xe0 && p[1] && p[2]) {
        *cp = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
        return 3;
    }
    if ((p[0] & 0xf8) == 0xf0 && p[1] && p[2] && p[3]) {
        *cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3fu) << 12) | ((p[2] & 0x3fu) << 6) |
              (p[3] & 0x3fu);
        return 4;
    }
    *cp = 0xfffd;
    return 1;
}

static void add_utf8(StrBuf *sb, unsigned int cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xe0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        b[0] = (char)(0xf0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    strbuf_addn(sb, b, n);
}

static int is_space_cp(unsigned int cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xa0;
}

/* The name as shown: white space trimmed and runs of it made one space; "å"
 * written as "a" + combining ring (as some systems store it) made one letter.
 * With fold, also lowercase (ASCII and Latin-1 letters): the trainee's key. */
static char *clean_name(const char *name, int fold)
{
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_add(&sb, "");
    const unsigned char *p = (const unsigned char *)name;
    int pending_space = 0;
    while (*p) {
        unsigned int cp;
        p += summary_utf8_next(p, &cp);
        if (is_space_cp(cp)) {
            pending_space = sb.len > 0;
            continue;
        }
        unsigned int next = 0;
        if ((cp == 'a' || cp == 'A') && *p)
            if (summary_utf8_next(p, &next) == 2 && next == 0x30a) {
                p += 2;
                cp = cp == 'a' ? 0xe5 : 0xc5;
            }
        if (fold) {
            if (cp >= 'A' && cp <= 'Z')
                cp += 32;
            else if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
                cp += 32;
        }
        if (pending_space)
            strbuf_add(&sb, " ");
        pending_space = 0;
        add_utf8(&sb, cp);
    }
    return sb.data;
}

/* Sort weight of a character for Norwegian order: case ignored, æ ø å after z. */
static unsigned int collate_weight(unsigned int cp)
{
    if (cp >= 'A' && cp <= 'Z')
        cp += 32;
    else if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
        cp += 32;
    switch (cp) {
    case 0xe6: return 'z' + 1; /* æ */
    case 0xf8: return 'z' + 2; /* ø */
    case 0xe5: return 'z' + 3; /* å */
    case 0xe4: return 'z' + 1; /* ä as æ */
    case 0xf6: return 'z' + 2; /* ö as ø */
    default: return cp < 0x80 ? cp : cp + 0x100;
    }
}

static int collate(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p && *q) {
        unsigned int x, y;
        p += summary_utf8_next(p, &x);
        q += summary_utf8_next(q, &y);
        unsigned int wx = collate_weight(x), wy = collate_weight(y);
        if (wx != wy)
            return wx < wy ? -1 : 1;
    }
    if (*p || *q)
        return *p ? 1 : -1;
    return strcmp(a, b);
}

char *summary_display_path(const char *path)
{
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_add(&sb, "");
    const unsigned char *p = (const unsigned char *)path;
    while (*p) {
        size_t n = 1;
        if (*p >= 0x80) {
            n = (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3 : (*p & 0xf8) == 0xf0 ? 4 : 0;
            size_t k = 1;
            while (n && k < n && p[k] && (p[k] & 0xc0) == 0x80)
                k++;
            if (n == 0 || k < n || !text_is_clean_utf8((const char *)p, n)) {
                strbuf_add(&sb, "?");
                p++;
                continue;
            }
        } else if (*p < 0x20 || *p == 0x7f) {
            strbuf_add(&sb, "?");
            p++;
            continue;
        }
        strbuf_addn(&sb, (const char *)p, n);
        p += n;
    }
    return sb.data;
}

/* ---------------------------------------------------------------- reading */

int summary_read_file(const char *path, ReportFile *out, char *msg, size_t msgsize)
{
    char *text = NULL;
    size_t len = 0;
    memset(out, 0, sizeof *out);
    out->duration_ms = -1;
    if (file_read_all(path, REPORT_READ_MAX_BYTES, &text, &len, msg, msgsize) != 0)
        return SUMMARY_READ_ERROR;
    int rc = SUMMARY_READ_OK;
    if (report_parse_opts(path, text, len, REPORT_READ_NO_INPUTS, out, msg, msgsize) != 0) {
        rc = SUMMARY_READ_ERROR;
        char format[64];
        report_sniff_format(text, len, format, sizeof format);
        /* Skranken's other files, found beside reports; anything else is an error */
        static const char *const other[][2] = {
            {"skranken-exam-result", "et eksamensresultat"},
            {"skranken-exam-summary", "et eksamenssammendrag"},
            {"skranken-exam", "et eksamenssett"},
            {"skranken-catalog", "en kompetansekatalog"},
            {"skranken-mapping", "en målkobling"},
        };
        for (size_t k = 0; k < sizeof other / sizeof other[0]; k++) {
            if (strcmp(format, other[k][0]) == 0) {
                snprintf(msg, msgsize, "%s: %s («%s»), ikke en rapport; hoppet over", path,
                         other[k][1], format);
                rc = SUMMARY_READ_OTHER;
            }
        }
    }
    free(text);
    return rc;
}

typedef struct ReadJob {
    const char *const *paths;
    size_t count, next;
    SummaryRead *out;
    pthread_mutex_t lock;
} ReadJob;

#define READ_BATCH 8

static void *read_worker(void *arg)
{
    ReadJob *job = arg;
    for (;;) {
        pthread_mutex_lock(&job->lock);
        size_t first = job->next;
        job->next += READ_BATCH;
        pthread_mutex_unlock(&job->lock);
        if (first >= job->count)
            return NULL;
        size_t last = first + READ_BATCH < job->count ? first + READ_BATCH : job->count;
        for (size_t i = first; i < last; i++)
            job->out[i].status = summary_read_file(job->paths[i], &job->out[i].report,
                                                   job->out[i].message,
                                                   sizeof job->out[i].message);
    }
}

void summary_read_files(const char *const *paths, size_t count, int threads, SummaryRead *out)
{
    ReadJob job = {paths, count, 0, out, PTHREAD_MUTEX_INITIALIZER};
    if (threads > SUMMARY_MAX_THREADS)
        threads = SUMMARY_MAX_THREADS;
    if (count < 4 * READ_BATCH)
        threads = 1;
    pthread_t helpers[SUMMARY_MAX_THREADS];
    int started = 0;
    for (int i = 1; i < threads; i++) {
        if (pthread_create(&helpers[started], NULL, read_worker, &job) != 0)
            break; /* fewer helpers; this thread reads the rest */
        started++;
    }
    read_worker(&job);
    for (int i = 0; i < started; i++)
        pthread_join(helpers[i], NULL);
    pthread_mutex_destroy(&job.lock);
}

void summary_add(Summary *s, const ReportFile *rf, const char *path)
{
    if (s->attempt_count == s->attempt_cap) {
        s->attempt_cap = s->attempt_cap ? s->attempt_cap * 2 : 256;
        s->attempts = sk_xrealloc(s->attempts, s->attempt_cap * sizeof *s->attempts);
    }
    Attempt *a = &s->attempts[s->attempt_count++];
    memset(a, 0, sizeof *a);
    a->path = sk_xstrdup(path);
    char *key = clean_name(rf->trainee, 1), *name = clean_name(rf->trainee, 0);
    a->trainee = intern(&s->keys, key);
    a->name = intern(&s->names, name);
    free(key);
    free(name);
    a->scenario = intern(&s->scenarios, rf->scenario_id);
    a->version = intern(&s->texts, rf->scenario_version);
    a->title = intern(&s->texts, rf->scenario_title);
    a->started = (long long)rf->wall_started;
    a->finished = (long long)rf->wall_finished;
    a->duration_ms = rf->duration_ms;
    a->seed = rf->seed;
    a->points = rf->points;
    a->max = rf->max;
    a->grade = rf->grade;
    a->passed = rf->passed;
    a->exam = rf->exam;
    a->criticals = (int)rf->critical_len;
    a->goal_first = s->result_count;
    a->goal_count = rf->goal_count;
    if (s->result_count + rf->goal_count > s->result_cap) {
        while (s->result_count + rf->goal_count > s->result_cap)
            s->result_cap = s->result_cap ? s->result_cap * 2 : 1024;
        s->results = sk_xrealloc(s->results, s->result_cap * sizeof *s->results);
    }
    for (size_t i = 0; i < rf->goal_count; i++) {
        const ReportGoalResult *g = &rf->goals[i];
        GoalResult *r = &s->results[s->result_count++];
        r->goal = intern(&s->goals, g->id);
        r->title = intern_opt(&s->texts, g->title);
        r->subject = intern_opt(&s->texts, g->subject);
        r->code = intern_opt(&s->texts, g->official_code);
        r->earned = g->earned;
        r->possible = g->possible;
        r->criticals = g->critical_errors;
    }
    a->crit_first = s->crit_count;
    a->crit_count = rf->critical_len;
    if (s->crit_count + rf->critical_len > s->crit_cap) {
        while (s->crit_count + rf->critical_len > s->crit_cap)
            s->crit_cap = s->crit_cap ? s->crit_cap * 2 : 256;
        s->crits = sk_xrealloc(s->crits, s->crit_cap * sizeof *s->crits);
    }
    for (size_t i = 0; i < rf->critical_len; i++) {
        Critical *c = &s->crits[s->crit_count++];
        c->goal = intern(&s->goals, rf->criticals[i].goal);
        c->rule = intern_opt(&s->texts, rf->criticals[i].rule);
    }
}

void summary_add_note(Summary *s, const char *message)
{
    strlist_push(&s->notes, message);
}

void summary_add_skipped(Summary *s, const char *path, const char *message)
{
    StrBuf sb;
    strbuf_init(&sb);
    strbuf_addf(&sb, "%s\t%s", path, message);
    strlist_push(&s->skipped, sb.data);
    strbuf_free(&sb);
}

/* ---------------------------------------------------------------- working it out */

static const Summary *sort_ctx; /* qsort has no context argument in C11 */

static int cmp_time(const void *x, const void *y)
{
    const Attempt *a = &sort_ctx->attempts[*(const size_t *)x];
    const Attempt *b = &sort_ctx->attempts[*(const size_t *)y];
    if (a->started != b->started)
        return a->started < b->started ? -1 : 1;
    if (a->finished != b->finished)
        return a->finished < b->finished ? -1 : 1;
    return strcmp(a->path, b->path);
}

/* A goal result with its trainee and time, for building cells. */
typedef struct Entry {
    size_t trainee, goal, order;
    int earned, possible, critical;
} Entry;

static int cmp_entry(const void *x, const void *y)
{
    const Entry *a = x, *b = y;
    if (a->trainee != b->trainee)
        return a->trainee < b->trainee ? -1 : 1;
    if (a->goal != b->goal)
        return a->goal < b->goal ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* a/b < c/d for fractions with positive denominators */
static int frac_less(int a, int b, int c, int d)
{
    return (long long)a * d < (long long)c * b;
}

static int cmp_cell(const void *x, const void *y)
{
    const Cell *a = x, *b = y;
    if (a->trainee != b->trainee)
        return a->trainee < b->trainee ? -1 : 1;
    return a->goal < b->goal ? -1 : a->goal > b->goal;
}

/* A trainee's spelling of their name in one attempt. */
typedef struct Spelling {
    size_t trainee, name, order;
} Spelling;

static int cmp_spelling(const void *x, const void *y)
{
    const Spelling *a = x, *b = y;
    if (a->trainee != b->trainee)
        return a->trainee < b->trainee ? -1 : 1;
    if (a->name != b->name)
        return a->name < b->name ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The name shown for each trainee: the spelling used most often, on a tie
 * the one used last. */
static void choose_names(const Summary *s, TraineeStats *tr)
{
    size_t n = 0;
    Spelling *sp = sk_xmalloc((s->attempt_count ? s->attempt_count : 1) * sizeof *sp);
    for (size_t i = 0; i < s->attempt_count; i++) {
        const Attempt *a = &s->attempts[i];
        if (!a->duplicate)
            sp[n++] = (Spelling){a->trainee, a->name, a->order};
    }
    sort_items(sp, n, sizeof *sp, cmp_spelling);
    size_t *best_count = sk_xcalloc(s->keys.count ? s->keys.count : 1, sizeof *best_count);
    size_t *best_last = sk_xcalloc(s->keys.count ? s->keys.count : 1, sizeof *best_last);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && sp[j].trainee == sp[i].trainee && sp[j].name == sp[i].name)
            j++;
        size_t count = j - i, last = sp[j - 1].order, t = sp[i].trainee;
        if (count > best_count[t] || (count == best_count[t] && last > best_last[t])) {
            best_count[t] = count;
            best_last[t] = last;
            tr[t].name = sp[i].name;
        }
        i = j;
    }
    free(sp);
    free(best_count);
    free(best_last);
}

static int cmp_trainee_display(const void *x, const void *y)
{
    const TraineeStats *a = x, *b = y;
    int c = collate(sort_ctx->names.names[a->name], sort_ctx->names.names[b->name]);
    if (c)
        return c;
    return strcmp(sort_ctx->keys.names[a->key], sort_ctx->keys.names[b->key]);
}

static int cmp_goal_id(const void *x, const void *y)
{
    const GoalStats *a = x, *b = y;
    return strcmp(sort_ctx->goals.names[a->goal], sort_ctx->goals.names[b->goal]);
}

static int cmp_scenario_id(const void *x, const void *y)
{
    const ScenarioStats *a = x, *b = y;
    return strcmp(sort_ctx->scenarios.names[a->scenario], sort_ctx->scenarios.names[b->scenario]);
}

static int cmp_missed(const void *x, const void *y)
{
    const GoalStats *a = &sort_ctx->goal_stats[*(const size_t *)x];
    const GoalStats *b = &sort_ctx->goal_stats[*(const size_t *)y];
    /* share missed, descending: a->missed/a->trainees vs b's */
    long long l = (long long)a->missed * b->trainees, r = (long long)b->missed * a->trainees;
    if (l != r)
        return l > r ? -1 : 1;
    if (a->mean_latest != b->mean_latest)
        return a->mean_latest < b->mean_latest ? -1 : 1;
    return strcmp(sort_ctx->goals.names[a->goal], sort_ctx->goals.names[b->goal]);
}

static const char *rule_text(const Summary *s, size_t rule)
{
    return rule == NONE ? "" : s->texts.names[rule];
}

static int cmp_rule(const void *x, const void *y)
{
    const RuleStats *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    if ((a->rule == NONE) != (b->rule == NONE))
        return a->rule == NONE ? 1 : -1;
    return strcmp(rule_text(sort_ctx, a->rule), rule_text(sort_ctx, b->rule));
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* 1 the first time this key is seen (a hashed set; keys say what they are
 * about, e.g. "s3:t12" for trainee 12 in scenario 3). */
static int first_time(Intern *seen, const char *kind, size_t a, size_t b)
{
    char key[64];
    snprintf(key, sizeof key, "%s%zu:%zu", kind, a, b);
    size_t before = seen->count;
    intern(seen, key);
    return seen->count > before;
}

/* 1 if the two files hold exactly the same bytes. */
static int same_content(const char *a, const char *b)
{
    char *ta = NULL, *tb = NULL, err[256];
    size_t la = 0, lb = 0;
    int same = file_read_all(a, REPORT_READ_MAX_BYTES, &ta, &la, err, sizeof err) == 0 &&
               file_read_all(b, REPORT_READ_MAX_BYTES, &tb, &lb, err, sizeof err) == 0 &&
               la == lb && memcmp(ta, tb, la) == 0;
    free(ta);
    free(tb);
    return same;
}

/* Marks later copies of one report (the same bytes in two files, e.g. handed
 * in twice) as duplicates. Candidates share trainee, scenario, seed, wall
 * times, duration and points, so they are next to each other in time order;
 * only they are compared byte for byte. */
static void mark_duplicates(Summary *s, StrList *notes)
{
    for (size_t i = 0; i < s->attempt_count; i++) {
        Attempt *a = &s->attempts[s->by_time[i]];
        if (a->started == 0 || a->duplicate)
            continue;
        for (size_t k = i + 1; k < s->attempt_count; k++) {
            Attempt *b = &s->attempts[s->by_time[k]];
            if (b->started != a->started)
                break;
            if (b->duplicate || b->trainee != a->trainee || b->scenario != a->scenario ||
                b->finished != a->finished || b->seed != a->seed || b->points != a->points ||
                b->duration_ms != a->duration_ms || !same_content(a->path, b->path))
                continue;
            b->duplicate = 1;
            char *pa = summary_display_path(a->path), *pb = summary_display_path(b->path);
            StrBuf sb;
            strbuf_init(&sb);
            strbuf_addf(&sb, "%s: samme forsøk som %s; telt én gang", pb, pa);
            strlist_push(notes, sb.data);
            strlist_push(&s->notes, sb.data);
            strbuf_free(&sb);
            free(pa);
            free(pb);
        }
    }
}

void summary_finish(Summary *s, StrList *notes)
{
    if (s->finished)
        return;
    s->finished = 1;
    sort_ctx = s;
    size_t n = s->attempt_count;
    s->by_time = sk_xmalloc((n ? n : 1) * sizeof *s->by_time);
    for (size_t i = 0; i < n; i++)
        s->by_time[i] = i;
    sort_items(s->by_time, n, sizeof *s->by_time, cmp_time);
    for (size_t i = 0; i < n; i++)
        s->attempts[s->by_time[i]].order = i;
    mark_duplicates(s, notes);

    /* trainees, indexed by key; display order at the end */
    size_t nt = s->keys.count;
    TraineeStats *tr = sk_xcalloc(nt ? nt : 1, sizeof *tr);
    Intern seen = {0};
    for (size_t t = 0; t < nt; t++) {
        tr[t].key = t;
        tr[t].mean_latest = tr[t].mean_best = -1;
    }
    /* goals, indexed by goal id index */
    size_t ng = s->goals.count;
    GoalStats *gs = sk_xcalloc(ng ? ng : 1, sizeof *gs);
    for (size_t g = 0; g < ng; g++) {
        gs[g].goal = g;
        gs[g].title = gs[g].subject = gs[g].code = NONE;
        gs[g].column = -1;
    }
    /* scenarios, indexed by id index */
    size_t ns = s->scenarios.count;
    ScenarioStats *sc = sk_xcalloc(ns ? ns : 1, sizeof *sc);
    double *scen_sum = sk_xcalloc(ns ? ns : 1, sizeof *scen_sum);
    int *scen_scored = sk_xcalloc(ns ? ns : 1, sizeof *scen_scored);
    for (size_t k = 0; k < ns; k++) {
        sc[k].scenario = k;
        sc[k].mean = -1;
    }
    /* critical errors per goal and rule: (goal or rule, trainee) pairs */
    size_t nr = 0, rule_cap = 0;
    RuleStats *rules = NULL;
    size_t *rule_slot = sk_xcalloc(s->texts.count + 1, sizeof *rule_slot); /* +1: NONE */

    size_t entry_count = 0;
    Entry *entries = sk_xmalloc((s->result_count ? s->result_count : 1) * sizeof *entries);
    s->counted = 0;
    for (size_t i = 0; i < n; i++) {
        Attempt *a = &s->attempts[s->by_time[i]];
        if (a->duplicate)
            continue;
        s->counted++;
        TraineeStats *t = &tr[a->trainee];
        t->attempts++;
        t->criticals += a->criticals;
        t->scenarios += first_time(&seen, "ts", a->trainee, a->scenario);

        ScenarioStats *st = &sc[a->scenario];
        st->title = a->title;
        st->attempts++;
        st->passed += a->passed != 0;
        st->criticals += a->criticals;
        st->critical_attempts += a->criticals > 0;
        st->exam += a->exam != 0;
        if (a->grade >= 1 && a->grade <= 6)
            st->grades[a->grade]++;
        if (a->max > 0) {
            scen_sum[a->scenario] += (double)a->points / a->max;
            scen_scored[a->scenario]++;
        }
        st->trainees += first_time(&seen, "st", a->scenario, a->trainee);
        if (first_time(&seen, "sv", a->scenario, a->version))
            strlist_push(&st->versions, s->texts.names[a->version]);

        for (size_t k = 0; k < a->goal_count; k++) {
            const GoalResult *r = &s->results[a->goal_first + k];
            GoalStats *g = &gs[r->goal];
            if (r->title != NONE)
                g->title = r->title;
            if (r->subject != NONE)
                g->subject = r->subject;
            if (r->code != NONE)
                g->code = r->code;
            if (r->possible <= 0)
                continue; /* no share of nothing */
            Entry *e = &entries[entry_count++];
            e->trainee = a->trainee;
            e->goal = r->goal;
            e->order = i;
            e->earned = r->earned;
            e->possible = r->possible;
            e->critical = r->criticals > 0;
        }
        for (size_t k = 0; k < a->crit_count; k++) {
            const Critical *c = &s->crits[a->crit_first + k];
            /* per goal */
            gs[c->goal].criticals++;
            gs[c->goal].critical_trainees += first_time(&seen, "gt", c->goal, a->trainee);
            /* per rule */
            size_t slot = c->rule == NONE ? s->texts.count : c->rule;
            if (!rule_slot[slot]) {
                if (nr == rule_cap) {
                    rule_cap = rule_cap ? rule_cap * 2 : 16;
                    rules = sk_xrealloc(rules, rule_cap * sizeof *rules);
                }
                memset(&rules[nr], 0, sizeof *rules);
                rules[nr].rule = c->rule;
                rule_slot[slot] = ++nr;
            }
            RuleStats *rs = &rules[rule_slot[slot] - 1];
            rs->count++;
            rs->trainees += first_time(&seen, "rt", slot, a->trainee);
            if (first_time(&seen, "rg", slot, c->goal))
                strlist_push(&rs->goals, s->goals.names[c->goal]);
        }
    }
    intern_free(&seen);
    choose_names(s, tr);
    for (size_t k = 0; k < ns; k++) {
        if (scen_scored[k])
            sc[k].mean = scen_sum[k] / scen_scored[k];
        sort_items(sc[k].versions.items, sc[k].versions.count, sizeof(char *), cmp_str);
    }
    free(scen_sum);
    free(scen_scored);
    free(rule_slot);

    /* cells: one per trainee and goal, from the entries in time order */
    sort_items(entries, entry_count, sizeof *entries, cmp_entry);
    Cell *cells = sk_xmalloc((entry_count ? entry_count : 1) * sizeof *cells);
    size_t nc = 0;
    for (size_t i = 0; i < entry_count;) {
        size_t j = i;
        Cell *c = &cells[nc++];
        memset(c, 0, sizeof *c);
        c->trainee = entries[i].trainee;
        c->goal = entries[i].goal;
        c->best_earned = entries[i].earned;
        c->best_possible = entries[i].possible;
        for (; j < entry_count && entries[j].trainee == c->trainee && entries[j].goal == c->goal;
             j++) {
            const Entry *e = &entries[j];
            c->attempts++;
            /* best: the highest share; on a tie the later attempt */
            if (!frac_less(e->earned, e->possible, c->best_earned, c->best_possible)) {
                c->best_earned = e->earned;
                c->best_possible = e->possible;
            }
            c->latest_earned = e->earned;
            c->latest_possible = e->possible;
            c->latest_critical = e->critical;
        }
        i = j;
    }
    free(entries);

    /* per goal: who has a latest result, who missed it */
    double *goal_sum = sk_xcalloc(ng ? ng : 1, sizeof *goal_sum);
    for (size_t i = 0; i < nc; i++) {
        const Cell *c = &cells[i];
        GoalStats *g = &gs[c->goal];
        g->trainees++;
        goal_sum[c->goal] += (double)c->latest_earned / c->latest_possible;
        if (c->latest_critical ||
            frac_less(c->latest_earned, c->latest_possible, SUMMARY_MASTERY_PERCENT, 100))
            g->missed++;
    }
    for (size_t g = 0; g < ng; g++)
        gs[g].mean_latest = gs[g].trainees ? goal_sum[g] / gs[g].trainees : -1;
    free(goal_sum);

    /* per trainee: means over their cells */
    double *sum_latest = sk_xcalloc(nt ? nt : 1, sizeof *sum_latest);
    double *sum_best = sk_xcalloc(nt ? nt : 1, sizeof *sum_best);
    int *count = sk_xcalloc(nt ? nt : 1, sizeof *count);
    for (size_t i = 0; i < nc; i++) {
        const Cell *c = &cells[i];
        sum_latest[c->trainee] += (double)c->latest_earned / c->latest_possible;
        sum_best[c->trainee] += (double)c->best_earned / c->best_possible;
        count[c->trainee]++;
    }
    for (size_t t = 0; t < nt; t++) {
        if (count[t]) {
            tr[t].mean_latest = sum_latest[t] / count[t];
            tr[t].mean_best = sum_best[t] / count[t];
        }
    }
    free(sum_latest);
    free(sum_best);
    free(count);

    /* orders: goals by id (matrix columns: goals someone has a result for),
     * trainees by name (Norwegian order), cells following both */
    sort_items(gs, ng, sizeof *gs, cmp_goal_id);
    size_t *goal_pos = sk_xmalloc((ng ? ng : 1) * sizeof *goal_pos);
    s->columns = sk_xmalloc((ng ? ng : 1) * sizeof *s->columns);
    s->column_count = 0;
    for (size_t g = 0; g < ng; g++) {
        goal_pos[gs[g].goal] = g;
        if (gs[g].trainees > 0) {
            gs[g].column = (int)s->column_count;
            s->columns[s->column_count++] = g;
        }
    }
    sort_items(tr, nt, sizeof *tr, cmp_trainee_display);
    size_t *trainee_pos = sk_xmalloc((nt ? nt : 1) * sizeof *trainee_pos);
    for (size_t t = 0; t < nt; t++)
        trainee_pos[tr[t].key] = t;
    for (size_t i = 0; i < nc; i++) {
        cells[i].trainee = trainee_pos[cells[i].trainee];
        cells[i].goal = goal_pos[cells[i].goal];
    }
    sort_items(cells, nc, sizeof *cells, cmp_cell);
    for (size_t i = nc; i-- > 0;) {
        tr[cells[i].trainee].cell_first = i;
        tr[cells[i].trainee].cell_count++;
    }
    free(goal_pos);
    free(trainee_pos);
    s->cells = cells;
    s->cell_count = nc;
    s->trainees = tr;
    s->trainee_count = nt;
    s->goal_stats = gs;
    s->goal_count = ng;

    sort_items(sc, ns, sizeof *sc, cmp_scenario_id);
    s->scen = sc;
    s->scen_count = ns;

    for (size_t i = 0; i < nr; i++)
        sort_items(rules[i].goals.items, rules[i].goals.count, sizeof(char *), cmp_str);
    sort_items(rules, nr, sizeof *rules, cmp_rule);
    s->rules = rules;
    s->rule_count = nr;

    s->missed = sk_xmalloc((ng ? ng : 1) * sizeof *s->missed);
    s->missed_count = 0;
    for (size_t g = 0; g < ng; g++)
        if (gs[g].trainees > 0 && gs[g].missed > 0)
            s->missed[s->missed_count++] = g;
    sort_items(s->missed, s->missed_count, sizeof *s->missed, cmp_missed);
    if (s->missed_count > SUMMARY_MOST_MISSED)
        s->missed_count = SUMMARY_MOST_MISSED;
    sort_ctx = NULL;
}
