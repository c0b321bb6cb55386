/* Reading report files back (docs/report-format.md). The checks come first and
 * are the same for every caller: a text file (no binary, valid UTF-8), complete
 * JSON, "format": "skranken-report" of a version we know, then every field we
 * keep with its type and range. Messages are bokmål, "name[:line]: ...". */
#include "report_read.h"
#include "report_read_fast.h"
#include "report.h"
#include "assess/json_text.h"
#include "core/simtime.h"
#include "core/alloc.h"
#include "core/file.h"

#include <cJSON.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID_MAX 200        /* ids, versions, codes, engine version */
#define TRAINEE_MAX 200   /* the engine writes at most 100 bytes */
#define TEXT_MAX 8192     /* titles, rules, feedback texts */
#define INPUT_MAX 4096    /* one inputs-file line */
#define GOALS_MAX 1000    /* a scenario declares a few dozen at most */

/* cJSON's parser writes a global error position on every call, so parses are
 * taken one at a time; everything else here is safe in several threads. */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

static cJSON *parse_json(const char *text, size_t len, const char **end)
{
    pthread_mutex_lock(&parse_lock);
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, end, 0);
    pthread_mutex_unlock(&parse_lock);
    return root;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}


/* ---------------------------------------------------------------- messages */

typedef struct Ctx {
    const char *text;
    size_t len;
    const char *name;
    char *err;
    size_t errsize;
} Ctx;

/* Where the object being read sits: its path for locate() and a prefix for
 * messages ("" at the top, "\"goals\" nr. 2: " inside). */
typedef struct Where {
    const char *path[3];
    char index[24];
    size_t depth;
    char prefix[64];
} Where;

static void fail_at(const Ctx *cx, const Where *w, const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* "name:line: <prefix><message>", the line being that of field, else of the
 * object holding it; no line for a field missing at the top. */
static void fail_at(const Ctx *cx, const Where *w, const char *field, const char *fmt, ...)
{
    const char *path[4];
    size_t depth = w->depth;
    for (size_t k = 0; k < depth; k++)
        path[k] = w->path[k];
    size_t off = (size_t)-1;
    if (field) {
        path[depth] = field;
        off = json_locate(cx->text, cx->len, path, depth + 1);
    }
    if (off == (size_t)-1 && depth > 0)
        off = json_locate(cx->text, cx->len, path, depth);
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (off == (size_t)-1)
        snprintf(cx->err, cx->errsize, "%s: %s%s", cx->name, w->prefix, msg);
    else
        snprintf(cx->err, cx->errsize, "%s:%d: %s%s", cx->name, json_line_at(cx->text, off),
                 w->prefix, msg);
}

/* ---------------------------------------------------------------- fields */

static const cJSON *need(const Ctx *cx, const Where *w, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        fail_at(cx, w, NULL, "\"%s\" mangler", key);
    return v;
}

enum { TEXT_ID, TEXT_NAME, TEXT_PROSE };

/* A string field, checked: ids and names are clean UTF-8 without control
 * characters (JSON escapes can hide them: "\u001b" in a trainee name), prose may
 * also hold line breaks. Returns NULL (message set) if absent and required,
 * wrong, or too long; *absent tells an absent optional field from an error. */
static const char *get_text(const Ctx *cx, const Where *w, const cJSON *obj, const char *key,
                            int kind, size_t max, int optional, int *absent)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (absent)
        *absent = 0;
    if (!v || (optional && cJSON_IsNull(v))) {
        if (optional) {
            if (absent)
                *absent = 1;
            return NULL;
        }
        fail_at(cx, w, NULL, "\"%s\" mangler", key);
        return NULL;
    }
    if (!cJSON_IsString(v) || !v->valuestring) {
        fail_at(cx, w, key, "\"%s\" skal være en tekst, fant %s", key, json_type_name(v));
        return NULL;
    }
    const char *s = v->valuestring;
    size_t n = strlen(s);
    if (n > max) {
        fail_at(cx, w, key, "\"%s\" er for lang (%zu byte, høyst %zu)", key, n, max);
        return NULL;
    }
    if (kind == TEXT_ID && n == 0) {
        fail_at(cx, w, key, "\"%s\" er tom", key);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && !(c == '\t' || (kind == TEXT_PROSE && (c == '\n' || c == '\r')))) ||
            c == 0x7f) {
            fail_at(cx, w, key, "\"%s\" har et kontrolltegn", key);
            return NULL;
        }
    }
    /* the file text is valid UTF-8, but escapes like \ud800 or \u0085 are not
     * checked by cJSON; prose is checked with its line breaks as spaces */
    int clean;
    if (kind == TEXT_PROSE && strpbrk(s, "\r\n")) {
        char *copy = sk_xstrdup(s);
        for (char *p = copy; *p; p++)
            if (*p == '\r' || *p == '\n')
                *p = ' ';
        clean = text_is_clean_utf8(copy, n);
        free(copy);
    } else {
        clean = text_is_clean_utf8(s, n);
    }
    if (!clean) {
        fail_at(cx, w, key, "\"%s\" er ikke gyldig UTF-8", key);
        return NULL;
    }
    return s;
}

static char *dup_or_null(const char *s)
{
    return s ? sk_xstrdup(s) : NULL;
}

/* An integer field within lo..hi. */
static int get_int(const Ctx *cx, const Where *w, const cJSON *obj, const char *key, double lo,
                   double hi, double *out)
{
    const cJSON *v = need(cx, w, obj, key);
    if (!v)
        return -1;
    if (!cJSON_IsNumber(v)) {
        fail_at(cx, w, key, "\"%s\" skal være et heltall, fant %s", key, json_type_name(v));
        return -1;
    }
    double d = v->valuedouble;
    if (!isfinite(d) || d < lo || d > hi || d != (double)(long long)d) {
        fail_at(cx, w, key, "\"%s\" skal være et heltall fra %.0f til %.0f, fant %g", key, lo,
                hi, d);
        return -1;
    }
    *out = d;
    return 0;
}

static int get_int_to(const Ctx *cx, const Where *w, const cJSON *obj, const char *key, int lo,
                      int hi, int *out)
{
    double d = 0;
    if (get_int(cx, w, obj, key, lo, hi, &d) != 0)
        return -1;
    *out = (int)d;
    return 0;
}

static int get_fraction(const Ctx *cx, const Where *w, const cJSON *obj, double *out)
{
    const cJSON *v = need(cx, w, obj, "fraction");
    if (!v)
        return -1;
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < 0 ||
        v->valuedouble > 1) {
        fail_at(cx, w, "fraction", "\"fraction\" skal være et tall fra 0 til 1");
        return -1;
    }
    *out = v->valuedouble;
    return 0;
}

static int get_bool(const Ctx *cx, const Where *w, const cJSON *obj, const char *key, int *out)
{
    const cJSON *v = need(cx, w, obj, key);
    if (!v)
        return -1;
    if (!cJSON_IsBool(v)) {
        fail_at(cx, w, key, "\"%s\" skal være true eller false, fant %s", key, json_type_name(v));
        return -1;
    }
    *out = cJSON_IsTrue(v);
    return 0;
}

static const cJSON *get_container(const Ctx *cx, const Where *w, const cJSON *obj,
                                  const char *key, int array)
{
    const cJSON *v = need(cx, w, obj, key);
    if (!v)
        return NULL;
    if (array ? !cJSON_IsArray(v) : !cJSON_IsObject(v)) {
        fail_at(cx, w, key, "\"%s\" skal være %s, fant %s", key, array ? "en liste" : "et objekt",
                json_type_name(v));
        return NULL;
    }
    return v;
}

/* A simulated time into buf[16], written as the engine writes it
 * (simtime_format): "HH:MM:SS", or "HH:MM:SS.mmm" when the milliseconds are
 * not zero (the window records actions to the millisecond). */
static int get_clock(const Ctx *cx, const Where *w, const cJSON *obj, const char *key, char *buf)
{
    const char *s = get_text(cx, w, obj, key, TEXT_ID, 15, 0, NULL);
    if (!s)
        return -1;
    SimTime t;
    char again[16];
    if ((strlen(s) != 8 && strlen(s) != 12) || s[2] != ':' || s[5] != ':' ||
        simtime_parse(s, &t) != 0 || strcmp(simtime_format(t, again, sizeof again), s) != 0) {
        fail_at(cx, w, key, "\"%s\" skal være et klokkeslett TT:MM:SS eller TT:MM:SS.mmm, fant «%s»",
                key, s);
        return -1;
    }
    memcpy(buf, s, strlen(s) + 1);
    return 0;
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DDTHH:MM:SSZ" as seconds since the epoch (UTC), without timegm. */
static int parse_iso(const char *s, time_t *out)
{
    int y, mo, d, h, mi, se;
    char z = 0, extra = 0;
    if (strlen(s) != 20 ||
        sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c%c", &y, &mo, &d, &h, &mi, &se, &z, &extra) != 7 ||
        z != 'Z' || y < 1970 || y > 9999 || mo < 1 || mo > 12 || h > 23 || mi > 59 || se > 60)
        return -1;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d < 1 || d > mdays[mo - 1] + (mo == 2 && leap(y)) || h < 0 || mi < 0 || se < 0)
        return -1;
    long long days = 0;
    for (int k = 1970; k < y; k++)
        days += 365 + leap(k);
    for (int k = 1; k < mo; k++)
        days += mdays[k - 1] + (k == 2 && leap(y));
    days += d - 1;
    *out = (time_t)(days * 86400LL + h * 3600LL + mi * 60LL + se);
    return 0;
}

/* ---------------------------------------------------------------- parts */

static int read_scenario(const Ctx *cx, const cJSON *root, ReportFile *rf)
{
    Where top = {{0}, "", 0, ""};
    const cJSON *sc = get_container(cx, &top, root, "scenario", 0);
    if (!sc)
        return -1;
    Where w = {{"scenario"}, "", 1, "\"scenario\": "};
    const char *id = get_text(cx, &w, sc, "id", TEXT_ID, ID_MAX, 0, NULL);
    if (!id)
        return -1;
    if (!text_is_identifier(id)) {
        fail_at(cx, &w, "id", "\"id\" «%s» er ikke en gyldig scenario-id", id);
        return -1;
    }
    rf->scenario_id = sk_xstrdup(id);
    const char *version = get_text(cx, &w, sc, "version", TEXT_ID, ID_MAX, 0, NULL);
    if (!version)
        return -1;
    rf->scenario_version = sk_xstrdup(version);
    const char *title = get_text(cx, &w, sc, "title", TEXT_NAME, TEXT_MAX, 0, NULL);
    if (!title)
        return -1;
    rf->scenario_title = sk_xstrdup(title);
    const char *sha = get_text(cx, &w, sc, "sha256", TEXT_ID, 64, 0, NULL);
    if (!sha)
        return -1;
    int hex = strlen(sha) == 64;
    for (size_t i = 0; hex && i < 64; i++)
        hex = (sha[i] >= '0' && sha[i] <= '9') || (sha[i] >= 'a' && sha[i] <= 'f');
    if (!hex) {
        fail_at(cx, &w, "sha256", "\"sha256\" skal være 64 heksadesimale tegn (små bokstaver)");
        return -1;
    }
    rf->scenario_sha256 = sk_xstrdup(sha);
    char start[16];
    if (get_clock(cx, &w, sc, "start", start) != 0)
        return -1;
    return get_int_to(cx, &w, sc, "duration_minutes", 0, 24 * 60, &rf->duration_minutes);
}

static int read_result(const Ctx *cx, const cJSON *root, ReportFile *rf)
{
    Where top = {{0}, "", 0, ""};
    const cJSON *res = get_container(cx, &top, root, "result", 0);
    if (!res)
        return -1;
    Where w = {{"result"}, "", 1, "\"result\": "};
    if (get_int_to(cx, &w, res, "points", 0, 1000000000, &rf->points) != 0 ||
        get_int_to(cx, &w, res, "max", 0, 1000000000, &rf->max) != 0 ||
        get_fraction(cx, &w, res, &rf->fraction) != 0 ||
        get_int_to(cx, &w, res, "grade", 1, 6, &rf->grade) != 0 ||
        get_int_to(cx, &w, res, "points_grade", 1, 6, &rf->points_grade) != 0 ||
        get_bool(cx, &w, res, "passed", &rf->passed) != 0 ||
        get_int_to(cx, &w, res, "critical_errors", 0, 1000000000, &rf->critical_count) != 0 ||
        get_clock(cx, &w, res, "ended_at", rf->ended_at) != 0)
        return -1;
    if (rf->points > rf->max) {
        fail_at(cx, &w, "points", "\"points\" (%d) er større enn \"max\" (%d)", rf->points,
                rf->max);
        return -1;
    }
    const char *reason = get_text(cx, &w, res, "end_reason", TEXT_ID, ID_MAX, 0, NULL);
    if (!reason)
        return -1;
    if (strcmp(reason, "finish") != 0 && strcmp(reason, "time_up") != 0) {
        fail_at(cx, &w, "end_reason", "\"end_reason\" skal være finish eller time_up, fant «%s»",
                reason);
        return -1;
    }
    rf->end_reason = sk_xstrdup(reason);
    return 0;
}

static void where_item(Where *w, const char *array, size_t i, const char *label)
{
    memset(w, 0, sizeof *w);
    snprintf(w->index, sizeof w->index, "#%zu", i);
    w->path[0] = array;
    w->path[1] = w->index;
    w->depth = 2;
    snprintf(w->prefix, sizeof w->prefix, "\"%s\" nr. %zu: ", label, i + 1);
}

static int read_goal(const Ctx *cx, const cJSON *item, size_t i, ReportGoalResult *g)
{
    Where w;
    where_item(&w, "goals", i, "goals");
    if (!cJSON_IsObject(item)) {
        fail_at(cx, &w, NULL, "skal være et objekt, fant %s", json_type_name(item));
        return -1;
    }
    const char *id = get_text(cx, &w, item, "id", TEXT_ID, ID_MAX, 0, NULL);
    if (!id)
        return -1;
    g->id = sk_xstrdup(id);
    int absent = 0;
    const char *s = get_text(cx, &w, item, "subject", TEXT_ID, ID_MAX, 1, &absent);
    if (!s && !absent)
        return -1;
    g->subject = dup_or_null(s);
    s = get_text(cx, &w, item, "title", TEXT_NAME, TEXT_MAX, 1, &absent);
    if (!s && !absent)
        return -1;
    g->title = dup_or_null(s);
    const cJSON *off = cJSON_GetObjectItemCaseSensitive(item, "official");
    if (off && !cJSON_IsNull(off)) {
        if (!cJSON_IsObject(off)) {
            fail_at(cx, &w, "official", "\"official\" skal være et objekt, fant %s",
                    json_type_name(off));
            return -1;
        }
        Where wo = w;
        wo.path[1] = wo.index;
        wo.path[2] = "official";
        wo.depth = 3;
        snprintf(wo.prefix, sizeof wo.prefix, "\"goals\" nr. %zu: \"official\": ", i + 1);
        const char *code = get_text(cx, &wo, off, "code", TEXT_ID, ID_MAX, 0, NULL);
        if (!code)
            return -1;
        g->official_code = sk_xstrdup(code);
        s = get_text(cx, &wo, off, "uri", TEXT_ID, TEXT_MAX, 1, &absent);
        if (!s && !absent)
            return -1;
        g->official_uri = dup_or_null(s);
        s = get_text(cx, &wo, off, "title", TEXT_NAME, TEXT_MAX, 1, &absent);
        if (!s && !absent)
            return -1;
        g->official_title = dup_or_null(s);
    }
    if (get_int_to(cx, &w, item, "earned", 0, 1000000000, &g->earned) != 0 ||
        get_int_to(cx, &w, item, "possible", 0, 1000000000, &g->possible) != 0 ||
        get_fraction(cx, &w, item, &g->fraction) != 0 ||
        get_int_to(cx, &w, item, "awarded", 0, 1000000000, &g->awarded) != 0 ||
        get_int_to(cx, &w, item, "deducted", 0, 1000000000, &g->deducted) != 0 ||
        get_int_to(cx, &w, item, "critical_errors", 0, 1000000000, &g->critical_errors) != 0)
        return -1;
    if (g->earned > g->possible) {
        fail_at(cx, &w, "earned", "\"earned\" (%d) er større enn \"possible\" (%d)", g->earned,
                g->possible);
        return -1;
    }
    return 0;
}

static int read_goals(const Ctx *cx, const cJSON *root, ReportFile *rf)
{
    Where top = {{0}, "", 0, ""};
    const cJSON *goals = get_container(cx, &top, root, "goals", 1);
    if (!goals)
        return -1;
    size_t n = (size_t)cJSON_GetArraySize(goals);
    if (n > GOALS_MAX) {
        fail_at(cx, &top, "goals", "\"goals\" har %zu mål (høyst %d)", n, GOALS_MAX);
        return -1;
    }
    rf->goals = sk_xcalloc(n ? n : 1, sizeof *rf->goals);
    size_t i = 0;
    for (const cJSON *item = goals->child; item; item = item->next, i++) {
        rf->goal_count = i + 1;
        if (read_goal(cx, item, i, &rf->goals[i]) != 0)
            return -1;
        for (size_t k = 0; k < i; k++) {
            if (strcmp(rf->goals[k].id, rf->goals[i].id) == 0) {
                Where w;
                where_item(&w, "goals", i, "goals");
                fail_at(cx, &w, "id", "målet «%s» står to ganger", rf->goals[i].id);
                return -1;
            }
        }
    }
    return 0;
}

static int read_criticals(const Ctx *cx, const cJSON *root, ReportFile *rf)
{
    Where top = {{0}, "", 0, ""};
    const cJSON *list = get_container(cx, &top, root, "critical_errors", 1);
    if (!list)
        return -1;
    size_t n = (size_t)cJSON_GetArraySize(list);
    rf->criticals = sk_xcalloc(n ? n : 1, sizeof *rf->criticals);
    size_t i = 0;
    for (const cJSON *item = list->child; item; item = item->next, i++) {
        Where w;
        where_item(&w, "critical_errors", i, "critical_errors");
        ReportCritical *c = &rf->criticals[i];
        rf->critical_len = i + 1;
        if (!cJSON_IsObject(item)) {
            fail_at(cx, &w, NULL, "skal være et objekt, fant %s", json_type_name(item));
            return -1;
        }
        int absent = 0;
        const char *goal = get_text(cx, &w, item, "goal", TEXT_ID, ID_MAX, 0, NULL);
        if (!goal)
            return -1;
        c->goal = sk_xstrdup(goal);
        const char *s = get_text(cx, &w, item, "rule", TEXT_PROSE, TEXT_MAX, 1, &absent);
        if (!s && !absent)
            return -1;
        c->rule = dup_or_null(s);
        s = get_text(cx, &w, item, "text", TEXT_PROSE, TEXT_MAX, 0, NULL);
        if (!s)
            return -1;
        c->text = sk_xstrdup(s);
        s = get_text(cx, &w, item, "better", TEXT_PROSE, TEXT_MAX, 1, &absent);
        if (!s && !absent)
            return -1;
        c->better = dup_or_null(s);
        if (get_clock(cx, &w, item, "t", c->t) != 0)
            return -1;
    }
    return 0;
}

static int read_inputs(const Ctx *cx, const cJSON *root, ReportFile *rf)
{
    Where top = {{0}, "", 0, ""};
    const cJSON *list = get_container(cx, &top, root, "inputs", 1);
    if (!list)
        return -1;
    size_t i = 0;
    for (const cJSON *item = list->child; item; item = item->next, i++) {
        Where w;
        where_item(&w, "inputs", i, "inputs");
        if (!cJSON_IsString(item) || !item->valuestring) {
            fail_at(cx, &w, NULL, "skal være en tekst, fant %s", json_type_name(item));
            return -1;
        }
        size_t n = strlen(item->valuestring);
        if (n > INPUT_MAX || !text_is_clean_utf8(item->valuestring, n)) {
            fail_at(cx, &w, NULL, "er ikke en gyldig inndatalinje (høyst %d byte, uten "
                                  "kontrolltegn)", INPUT_MAX);
            return -1;
        }
        strlist_push(&rf->inputs, item->valuestring);
    }
    return 0;
}

static int read_wall(const Ctx *cx, const cJSON *root, ReportFile *rf)
{
    const cJSON *wall = cJSON_GetObjectItemCaseSensitive(root, "wall");
    if (!wall)
        return 0;
    Where top = {{0}, "", 0, ""};
    if (!cJSON_IsObject(wall)) {
        fail_at(cx, &top, "wall", "\"wall\" skal være et objekt, fant %s", json_type_name(wall));
        return -1;
    }
    Where w = {{"wall"}, "", 1, "\"wall\": "};
    static const char *const keys[2] = {"started", "finished"};
    time_t *dest[2] = {&rf->wall_started, &rf->wall_finished};
    for (int k = 0; k < 2; k++) {
        int absent = 0;
        const char *s = get_text(cx, &w, wall, keys[k], TEXT_ID, 32, 1, &absent);
        if (!s && !absent)
            return -1;
        if (s && parse_iso(s, dest[k]) != 0) {
            fail_at(cx, &w, keys[k],
                    "\"%s\" skal være et tidspunkt som 2026-11-22T10:00:00Z, fant «%s»", keys[k],
                    s);
            return -1;
        }
    }
    if (cJSON_GetObjectItemCaseSensitive(wall, "duration_ms")) {
        double d = 0;
        if (get_int(cx, &w, wall, "duration_ms", 0, 9007199254740991.0, &d) != 0)
            return -1;
        rf->duration_ms = (long long)d;
    }
    return 0;
}

/* ---------------------------------------------------------------- the report */

static int read_root(const Ctx *cx, const cJSON *root, int flags, ReportFile *rf)
{
    Where top = {{0}, "", 0, ""};
    if (!cJSON_IsObject(root)) {
        snprintf(cx->err, cx->errsize,
                 "%s: ikke en Skranken-rapport (ventet ett JSON-objekt, fant %s)", cx->name,
                 json_type_name(root));
        return -1;
    }
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!cJSON_IsString(format) || strcmp(format->valuestring, "skranken-report") != 0) {
        if (cJSON_IsString(format) && text_is_clean_utf8(format->valuestring,
                                                         strlen(format->valuestring)))
            snprintf(cx->err, cx->errsize,
                     "%s: ikke en Skranken-rapport (\"format\" er «%.60s», ventet "
                     "«skranken-report»)", cx->name, format->valuestring);
        else
            snprintf(cx->err, cx->errsize,
                     "%s: ikke en Skranken-rapport (\"format\": \"skranken-report\" mangler)",
                     cx->name);
        return -1;
    }
    const cJSON *version = need(cx, &top, root, "format_version");
    if (!version)
        return -1;
    if (!cJSON_IsNumber(version)) {
        fail_at(cx, &top, "format_version", "\"format_version\" skal være et heltall, fant %s",
                json_type_name(version));
        return -1;
    }
    if (version->valuedouble != (double)REPORT_FORMAT_VERSION) {
        char shown[32];
        snprintf(shown, sizeof shown, "%.10g", version->valuedouble);
        snprintf(cx->err, cx->errsize,
                 "%s: rapportformat %s er ukjent (denne versjonen leser %d)", cx->name, shown,
                 REPORT_FORMAT_VERSION);
        return -1;
    }
    rf->format_version = REPORT_FORMAT_VERSION;
    const char *engine = get_text(cx, &top, root, "engine_version", TEXT_ID, ID_MAX, 0, NULL);
    if (!engine)
        return -1;
    rf->engine_version = sk_xstrdup(engine);
    if (read_scenario(cx, root, rf) != 0)
        return -1;
    const char *trainee = get_text(cx, &top, root, "trainee", TEXT_NAME, TRAINEE_MAX, 0, NULL);
    if (!trainee)
        return -1;
    rf->trainee = sk_xstrdup(trainee);
    const char *mode = get_text(cx, &top, root, "mode", TEXT_ID, ID_MAX, 0, NULL);
    if (!mode)
        return -1;
    if (strcmp(mode, "practice") != 0 && strcmp(mode, "exam") != 0) {
        fail_at(cx, &top, "mode", "\"mode\" skal være practice eller exam, fant «%s»", mode);
        return -1;
    }
    rf->exam = strcmp(mode, "exam") == 0;
    double seed = 0;
    if (get_int(cx, &top, root, "seed", 0, 9007199254740991.0, &seed) != 0)
        return -1;
    rf->seed = (uint64_t)seed;
    if (read_result(cx, root, rf) != 0 || read_goals(cx, root, rf) != 0 ||
        read_criticals(cx, root, rf) != 0)
        return -1;
    if (!get_container(cx, &top, root, "timeline", 1))
        return -1;
    if (flags & REPORT_READ_NO_INPUTS) {
        const cJSON *in = get_container(cx, &top, root, "inputs", 1);
        if (!in)
            return -1;
    } else if (read_inputs(cx, root, rf) != 0) {
        return -1;
    }
    return read_wall(cx, root, rf);
}

void report_file_free(ReportFile *rf)
{
    if (!rf)
        return;
    free(rf->engine_version);
    free(rf->scenario_id);
    free(rf->scenario_version);
    free(rf->scenario_title);
    free(rf->scenario_sha256);
    free(rf->trainee);
    free(rf->end_reason);
    for (size_t i = 0; i < rf->goal_count; i++) {
        ReportGoalResult *g = &rf->goals[i];
        free(g->id);
        free(g->subject);
        free(g->title);
        free(g->official_code);
        free(g->official_uri);
        free(g->official_title);
    }
    free(rf->goals);
    for (size_t i = 0; i < rf->critical_len; i++) {
        ReportCritical *c = &rf->criticals[i];
        free(c->goal);
        free(c->rule);
        free(c->text);
        free(c->better);
    }
    free(rf->criticals);
    strlist_free(&rf->inputs);
    memset(rf, 0, sizeof *rf);
    rf->duration_ms = -1;
}

static void report_file_init(ReportFile *rf)
{
    memset(rf, 0, sizeof *rf);
    rf->duration_ms = -1;
}

/* ---------------------------------------------------------------- the fast path */

/* report_read_fast.h checks the text and drops the timeline and input log; the
 * rest is read by the same code as always.
 * 0 when the fast path read the report; -1 when it leaves it to the ordinary way. */
static int fast_parse(const char *name, const char *text, size_t len, int flags,
                      ReportFile *out, char *err, size_t errsize)
{
    size_t clen = 0;
    char *compact = report_fast_compact(text, len, &clen);
    if (!compact)
        return -1;
    const char *end = NULL;
    cJSON *root = parse_json(compact, clen, &end);
    int rc = -1;
    if (root) {
        Ctx cx = {compact, clen, name, err, errsize};
        rc = read_root(&cx, root, flags, out);
        cJSON_Delete(root);
        if (rc != 0)
            report_file_free(out);
    }
    free(compact);
    return rc;
}

int report_parse_opts(const char *name, const char *text, size_t len, int flags,
                      ReportFile *out, char *err, size_t errsize)
{
    report_file_init(out);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* an editor's BOM */
        text += 3;
        len -= 3;
    }
    size_t i = 0;
    while (i < len && is_ws(text[i]))
        i++;
    if (i == len) {
        snprintf(err, errsize, "%s: filen er tom", name);
        return -1;
    }
    if ((flags & REPORT_READ_NO_INPUTS) && fast_parse(name, text, len, flags, out, err,
                                                      errsize) == 0)
        return 0;
    if (json_check_text(text, len, name, err, errsize) != 0)
        return -1;
    const char *end = NULL;
    cJSON *root = parse_json(text, len, &end);
    if (!root) {
        /* cJSON sets end to where it failed (not its global error pointer, which
         * other threads may share) */
        size_t off = end && end >= text && end <= text + len ? (size_t)(end - text) : 0;
        snprintf(err, errsize, "%s:%d: ikke gyldig JSON%s", name, json_line_at(text, off),
                 json_ends_early(text, len) ? " (filen slutter midt i)" : "");
        return -1;
    }
    const char *rest = end ? end : text + len;
    while (rest < text + len && is_ws(*rest))
        rest++;
    if (rest < text + len) {
        snprintf(err, errsize, "%s:%d: ikke gyldig JSON (tekst etter slutten)", name,
                 json_line_at(text, (size_t)(rest - text)));
        cJSON_Delete(root);
        return -1;
    }
    Ctx cx = {text, len, name, err, errsize};
    int rc = read_root(&cx, root, flags, out);
    cJSON_Delete(root);
    if (rc != 0)
        report_file_free(out);
    return rc;
}

int report_parse(const char *name, const char *text, size_t len, ReportFile *out, char *err,
                 size_t errsize)
{
    return report_parse_opts(name, text, len, 0, out, err, errsize);
}

int report_load_opts(const char *path, int flags, ReportFile *out, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    report_file_init(out);
    if (file_read_all(path, REPORT_READ_MAX_BYTES, &text, &len, err, errsize) != 0)
        return -1;
    int rc = report_parse_opts(path, text, len, flags, out, err, errsize);
    free(text);
    return rc;
}

int report_load(const char *path, ReportFile *out, char *err, size_t errsize)
{
    return report_load_opts(path, 0, out, err, errsize);
}

int report_sniff_format(const char *text, size_t len, char *buf, size_t size)
{
    buf[0] = '\0';
    const char *end = NULL;
    cJSON *root = parse_json(text, len, &end);
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(root, "format");
    int rc = -1;
    if (cJSON_IsString(f) && f->valuestring && text_is_identifier(f->valuestring) &&
        strlen(f->valuestring) < size) {
        snprintf(buf, size, "%s", f->valuestring);
        rc = 0;
    }
    cJSON_Delete(root);
    return rc;
}
