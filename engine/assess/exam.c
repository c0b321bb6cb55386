#include "exam.h"
#include "json_text.h"
#include "core/alloc.h"
#include "core/file.h"
#include "core/sha256.h"

#include <cJSON.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- text */




static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* ---------------------------------------------------------------- parsing */

typedef struct Ctx {
    const char *text;
    size_t len;
    const char *name;
    char *err;
    size_t errsize;
} Ctx;

/* Line of the value at path (1 when it cannot be found). */
static int line_of(const Ctx *cx, const char *const *path, size_t depth)
{
    size_t off = json_locate(cx->text, cx->len, path, depth);
    return off == (size_t)-1 ? 1 : json_line_at(cx->text, off);
}

/* The raw JSON text of the value at path (a number as written), cut to fit. */
static void raw_of(const Ctx *cx, const char *const *path, size_t depth, char *buf, size_t size)
{
    buf[0] = '\0';
    size_t off = json_locate(cx->text, cx->len, path, depth);
    if (off == (size_t)-1)
        return;
    size_t n = json_value_end(cx->text, cx->len, off) - off;
    if (n >= size)
        n = size - 1;
    memcpy(buf, cx->text + off, n);
    buf[n] = '\0';
}


/* Where a field sits, for messages: "" at the top, "\"pass_rule\": " or
 * "\"scenarios\" nr. 2: " inside. */
typedef struct Where {
    const char *path[3];
    size_t depth;      /* of the object holding the fields */
    char prefix[96];
} Where;

static void fail_at(const Ctx *cx, const Where *w, const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* "file:line: <prefix><message>", the line being that of field (or of the
 * object when field is NULL or absent). */
static void fail_at(const Ctx *cx, const Where *w, const char *field, const char *fmt, ...)
{
    const char *path[4];
    size_t depth = w->depth;
    for (size_t k = 0; k < depth; k++)
        path[k] = w->path[k];
    int line;
    if (field) {
        path[depth] = field;
        size_t off = json_locate(cx->text, cx->len, path, depth + 1);
        line = off != (size_t)-1 ? json_line_at(cx->text, off) : line_of(cx, path, depth);
    } else {
        line = line_of(cx, path, depth);
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(cx->err, cx->errsize, "%s:%d: %s%s", cx->name, line, w->prefix, msg);
}

/* Unknown and repeated keys are refused: a typo in a pass rule must not pass
 * unnoticed. */
static int check_keys(const Ctx *cx, const Where *w, const cJSON *obj, const char *const *known)
{
    for (const cJSON *c = obj->child; c; c = c->next) {
        int ok = 0;
        for (const char *const *k = known; *k; k++)
            ok |= strcmp(c->string, *k) == 0;
        if (!ok) {
            fail_at(cx, w, c->string, "ukjent felt «%.60s»", c->string);
            return -1;
        }
        for (const cJSON *d = obj->child; d != c; d = d->next)
            if (strcmp(d->string, c->string) == 0) {
                fail_at(cx, w, NULL, "feltet \"%.60s\" står to ganger", c->string);
                return -1;
            }
    }
    return 0;
}

static const cJSON *field(const Ctx *cx, const Where *w, const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!v) {
        if (w->depth == 0)
            snprintf(cx->err, cx->errsize, "%s: \"%s\" mangler", cx->name, name);
        else
            fail_at(cx, w, NULL, "\"%s\" mangler", name);
    }
    return v;
}

/* A non-negative integer written as plain digits (no sign, fraction or
 * exponent), at most max. */
static int get_uint(const Ctx *cx, const Where *w, const cJSON *obj, const char *name,
                    unsigned long long min, unsigned long long max, unsigned long long *out)
{
    const cJSON *v = field(cx, w, obj, name);
    if (!v)
        return -1;
    if (!cJSON_IsNumber(v)) {
        fail_at(cx, w, name, "\"%s\" skal være et heltall, er %s", name, json_type_name(v));
        return -1;
    }
    const char *path[4];
    for (size_t k = 0; k < w->depth; k++)
        path[k] = w->path[k];
    path[w->depth] = name;
    char raw[48];
    raw_of(cx, path, w->depth + 1, raw, sizeof raw);
    unsigned long long n = 0;
    int ok = raw[0] != '\0' && strlen(raw) <= 16;
    for (const char *p = raw; ok && *p; p++) {
        if (*p < '0' || *p > '9')
            ok = 0;
        else
            n = n * 10 + (unsigned long long)(*p - '0');
    }
    if (!ok || n < min || n > max) {
        fail_at(cx, w, name, "\"%s\" må være et heltall %llu-%llu, ikke %s", name, min, max,
                raw);
        return -1;
    }
    *out = n;
    return 0;
}

static const char *get_text(const Ctx *cx, const Where *w, const cJSON *obj, const char *name,
                            size_t max, int allow_newline)
{
    const cJSON *v = field(cx, w, obj, name);
    if (!v)
        return NULL;
    if (!cJSON_IsString(v)) {
        fail_at(cx, w, name, "\"%s\" skal være en tekst, er %s", name, json_type_name(v));
        return NULL;
    }
    const char *s = v->valuestring;
    size_t n = strlen(s);
    if (n > max) {
        fail_at(cx, w, name, "\"%s\" er for lang (høyst %zu byte)", name, max);
        return NULL;
    }
    char *copy = sk_xstrdup(s);
    if (allow_newline)
        for (char *p = copy; *p; p++)
            if (*p == '\n')
                *p = ' ';
    int clean = text_is_clean_utf8(copy, n);
    free(copy);
    if (!clean) {
        fail_at(cx, w, name, "\"%s\" har kontrolltegn eller ugyldig UTF-8", name);
        return NULL;
    }
    return s;
}

static int is_id(const char *s)
{
    return s && *s && s[0] != '.' && strlen(s) <= 64 && text_is_identifier(s);
}

void exam_free(ExamSet *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->scenario_count; i++)
        free(set->scenarios[i].id);
    free(set->scenarios);
    free(set->path);
    free(set->file_name);
    free(set->id);
    free(set->title);
    free(set->description);
    free(set);
}

static int parse_rule(const Ctx *cx, const cJSON *root, ExamPassRule *rule)
{
    Where top = {{0}, 0, ""};
    const cJSON *pr = field(cx, &top, root, "pass_rule");
    if (!pr)
        return -1;
    if (!cJSON_IsObject(pr)) {
        fail_at(cx, &top, "pass_rule",
                "\"pass_rule\" skal være et objekt {\"min_grade_each\": ..., \"min_average\": "
                "..., \"no_critical\": ...}, er %s", json_type_name(pr));
        return -1;
    }
    Where w = {{"pass_rule"}, 1, "\"pass_rule\": "};
    static const char *const known[] = {"min_grade_each", "min_average", "no_critical", NULL};
    if (check_keys(cx, &w, pr, known) != 0)
        return -1;
    unsigned long long grade;
    if (get_uint(cx, &w, pr, "min_grade_each", 1, 6, &grade) != 0)
        return -1;
    rule->min_grade_each = (int)grade;

    const cJSON *avg = field(cx, &w, pr, "min_average");
    if (!avg)
        return -1;
    if (!cJSON_IsNumber(avg)) {
        fail_at(cx, &w, "min_average", "\"min_average\" skal være et tall, er %s",
                json_type_name(avg));
        return -1;
    }
    /* "2", "2.0", "3.25": digits, and at most two decimals, read exactly */
    const char *path[2] = {"pass_rule", "min_average"};
    char raw[48];
    raw_of(cx, path, 2, raw, sizeof raw);
    int centi = 0, ok = raw[0] >= '0' && raw[0] <= '9', decimals = -1;
    for (const char *p = raw; ok && *p; p++) {
        if (*p == '.' && decimals < 0) {
            decimals = 0;
        } else if (*p >= '0' && *p <= '9' && centi < 100000) {
            if (decimals >= 0 && ++decimals > 2)
                ok = 0;
            centi = centi * 10 + (*p - '0');
        } else {
            ok = 0;
        }
    }
    if (ok && decimals == 0) /* "2." is not JSON; cJSON would not have parsed it */
        ok = 0;
    if (ok)
        for (int d = decimals < 0 ? 0 : decimals; d < 2; d++)
            centi *= 10;
    if (!ok || centi < 200 || centi > 600) {
        fail_at(cx, &w, "min_average",
                "\"min_average\" må være et tall 2.0-6.0 med høyst to desimaler, ikke %s", raw);
        return -1;
    }
    rule->min_average_centi = centi;

    const cJSON *nc = field(cx, &w, pr, "no_critical");
    if (!nc)
        return -1;
    if (!cJSON_IsBool(nc)) {
        fail_at(cx, &w, "no_critical", "\"no_critical\" skal være true eller false, er %s",
                json_type_name(nc));
        return -1;
    }
    rule->no_critical = cJSON_IsTrue(nc);
    return 0;
}

static int parse_scenarios(const Ctx *cx, const cJSON *root, const char *scenarios_dir,
                           ExamSet *set)
{
    Where top = {{0}, 0, ""};
    const cJSON *list = field(cx, &top, root, "scenarios");
    if (!list)
        return -1;
    if (!cJSON_IsArray(list)) {
        fail_at(cx, &top, "scenarios", "\"scenarios\" skal være en liste, er %s",
                json_type_name(list));
        return -1;
    }
    int n = cJSON_GetArraySize(list);
    if (n == 0) {
        fail_at(cx, &top, "scenarios", "\"scenarios\" er tom (minst ett scenario)");
        return -1;
    }
    if (n > EXAM_MAX_SCENARIOS) {
        fail_at(cx, &top, "scenarios", "\"scenarios\" har %d scenarioer (høyst %d)", n,
                EXAM_MAX_SCENARIOS);
        return -1;
    }
    set->scenarios = sk_xcalloc((size_t)n, sizeof *set->scenarios);
    size_t i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
        char index[24];
        snprintf(index, sizeof index, "%zu", i);
        Where w = {{"scenarios", NULL}, 2, ""};
        w.path[1] = index;
        snprintf(w.prefix, sizeof w.prefix, "\"scenarios\" nr. %zu: ", i + 1);
        int line = line_of(cx, w.path, 2);
        if (!cJSON_IsObject(e)) {
            fail_at(cx, &w, NULL, "skal være et objekt {\"id\": ..., \"seed\": ...}, er %s",
                    json_type_name(e));
            return -1;
        }
        static const char *const known[] = {"id", "seed", NULL};
        if (check_keys(cx, &w, e, known) != 0)
            return -1;
        const char *id = get_text(cx, &w, e, "id", 64, 0);
        if (!id)
            return -1;
        if (!is_id(id)) {
            fail_at(cx, &w, "id",
                    "\"id\" «%.64s» er ikke en scenario-id (a-z, A-Z, 0-9, _ - og ., høyst 64 "
                    "tegn, ikke . først)", id);
            return -1;
        }
        snprintf(w.prefix, sizeof w.prefix, "\"scenarios\" nr. %zu («%.64s»): ", i + 1, id);
        for (size_t j = 0; j < i; j++)
            if (strcmp(set->scenarios[j].id, id) == 0) {
                fail_at(cx, &w, "id", "står to ganger (også nr. %zu)", j + 1);
                return -1;
            }
        unsigned long long seed;
        if (get_uint(cx, &w, e, "seed", 0, EXAM_MAX_SEED, &seed) != 0)
            return -1;
        if (scenarios_dir) {
            StrBuf p;
            strbuf_init(&p);
            strbuf_addf(&p, "%s/%s.lua", scenarios_dir, id);
            int found = file_exists(p.data);
            if (!found)
                fail_at(cx, &w, "id", "ukjent scenario (finnes ikke: %s)", p.data);
            strbuf_free(&p);
            if (!found)
                return -1;
        }
        set->scenarios[i].id = sk_xstrdup(id);
        set->scenarios[i].seed = seed;
        set->scenarios[i].line = line;
        set->scenario_count = ++i;
    }
    return 0;
}

ExamSet *exam_parse(const char *text, size_t len, const char *name, const char *scenarios_dir,
                    char *err, size_t errsize)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    size_t i = 0;
    while (i < len && is_ws(text[i]))
        i++;
    if (i == len) {
        snprintf(err, errsize, "%s: filen er tom", name);
        return NULL;
    }
    if (json_check_text(text, len, name, err, errsize) != 0)
        return NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        size_t off = 0;
        const char *at = cJSON_GetErrorPtr();
        if (at && at >= text && at <= text + len)
            off = (size_t)(at - text);
        snprintf(err, errsize, "%s:%d: ikke gyldig JSON%s", name, json_line_at(text, off),
                 json_ends_early(text, len) ? " (filen slutter midt i)" : "");
        return NULL;
    }
    const char *rest = end ? end : text + len;
    while (rest < text + len && is_ws(*rest))
        rest++;
    if (rest < text + len) {
        snprintf(err, errsize, "%s:%d: ikke gyldig JSON (tekst etter slutten)", name,
                 json_line_at(text, (size_t)(rest - text)));
        cJSON_Delete(root);
        return NULL;
    }

    Ctx cx = {text, len, name, err, errsize};
    Where top = {{0}, 0, ""};
    ExamSet *set = NULL;
    if (!cJSON_IsObject(root)) {
        snprintf(err, errsize, "%s: ikke en Skranken-eksamen: ventet ett JSON-objekt, fant %s",
                 name, json_type_name(root));
        goto fail;
    }
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (!cJSON_IsString(format) || strcmp(format->valuestring, "skranken-exam") != 0) {
        snprintf(err, errsize, "%s: ikke en Skranken-eksamen (\"format\": \"skranken-exam\" "
                               "mangler)", name);
        goto fail;
    }
    const cJSON *version = field(&cx, &top, root, "format_version");
    if (!version)
        goto fail;
    if (!cJSON_IsNumber(version) || version->valuedouble != (double)EXAM_FORMAT_VERSION) {
        fail_at(&cx, &top, "format_version",
                "\"format_version\": ukjent versjon (denne versjonen av Skranken leser %d)",
                EXAM_FORMAT_VERSION);
        goto fail;
    }
    static const char *const known[] = {"format", "format_version", "id", "title",
                                        "description", "time_limit_minutes", "pass_rule",
                                        "scenarios", NULL};
    if (check_keys(&cx, &top, root, known) != 0)
        goto fail;

    set = sk_xcalloc(1, sizeof *set);
    set->path = sk_xstrdup(name);
    const char *slash = strrchr(name, '/');
    set->file_name = sk_xstrdup(slash ? slash + 1 : name);
    sha256_hex(text, len, set->sha256);

    const char *id = get_text(&cx, &top, root, "id", 64, 0);
    if (!id)
        goto fail;
    if (!is_id(id)) {
        fail_at(&cx, &top, "id",
                "\"id\" «%.64s» kan bare ha a-z, A-Z, 0-9, _ - og . (høyst 64 tegn, ikke . først)",
                id);
        goto fail;
    }
    set->id = sk_xstrdup(id);
    const char *title = get_text(&cx, &top, root, "title", EXAM_TITLE_MAX, 0);
    if (!title)
        goto fail;
    if (!*title) {
        fail_at(&cx, &top, "title", "\"title\" er tom");
        goto fail;
    }
    set->title = sk_xstrdup(title);
    if (cJSON_GetObjectItemCaseSensitive(root, "description")) {
        const char *d = get_text(&cx, &top, root, "description", EXAM_DESCRIPTION_MAX, 1);
        if (!d)
            goto fail;
        set->description = sk_xstrdup(d);
    } else {
        set->description = sk_xstrdup("");
    }
    unsigned long long minutes;
    if (get_uint(&cx, &top, root, "time_limit_minutes", 1, EXAM_MAX_MINUTES, &minutes) != 0)
        goto fail;
    set->time_limit_minutes = (int)minutes;
    const char *tl[1] = {"time_limit_minutes"};
    set->time_limit_line = line_of(&cx, tl, 1);
    if (parse_rule(&cx, root, &set->rule) != 0)
        goto fail;
    if (parse_scenarios(&cx, root, scenarios_dir, set) != 0)
        goto fail;
    cJSON_Delete(root);
    return set;
fail:
    exam_free(set);
    cJSON_Delete(root);
    return NULL;
}

ExamSet *exam_load(const char *path, const char *scenarios_dir, char *err, size_t errsize)
{
    char *text = NULL;
    size_t len = 0;
    if (file_read_all(path, EXAM_MAX_BYTES, &text, &len, err, errsize) != 0)
        return NULL;
    ExamSet *set = exam_parse(text, len, path, scenarios_dir, err, errsize);
    free(text);
    return set;
}

int exam_check_time(const ExamSet *set, const int *duration_minutes, char *err, size_t errsize)
{
    long total = 0;
    for (size_t i = 0; i < set->scenario_count; i++)
        total += duration_minutes[i];
    if (total > set->time_limit_minutes) {
        snprintf(err, errsize,
                 "%s:%d: \"time_limit_minutes\" er %d, men scenarioene varer til sammen %ld "
                 "minutter simulert tid",
                 set->path, set->time_limit_line, set->time_limit_minutes, total);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- the pass rule */

int exam_scenario_broke(const ExamPassRule *rule, const Assessment *a)
{
    int broke = 0;
    if (rule->no_critical && a->criticals > 0)
        broke |= EXAM_BROKE_CRITICAL;
    if (a->grade < rule->min_grade_each)
        broke |= EXAM_BROKE_GRADE;
    return broke;
}

void exam_assess(const ExamPassRule *rule, const Assessment *results, size_t count,
                 ExamOutcome *out)
{
    memset(out, 0, sizeof *out);
    out->count = count;
    for (size_t i = 0; i < count; i++) {
        out->broke |= exam_scenario_broke(rule, &results[i]);
        out->grade_sum += results[i].grade;
        out->criticals += results[i].criticals;
    }
    if (count == 0) {
        out->broke |= EXAM_BROKE_AVERAGE;
        out->grade = 1;
        return;
    }
    long long n = (long long)count, sum = out->grade_sum;
    /* the rule compares exactly: sum / n >= min_average  <=>  100 sum >= min_centi n */
    if (sum * 100 < (long long)rule->min_average_centi * n)
        out->broke |= EXAM_BROKE_AVERAGE;
    out->average_centi = (int)((sum * 200 + n) / (2 * n));
    out->passed = out->broke == 0;
    out->grade = out->passed ? (int)((2 * sum + n) / (2 * n)) : 1;
}

/* ---------------------------------------------------------------- the summary file */

static void add_iso_time(cJSON *obj, const char *name, time_t t)
{
    struct tm tm;
    char buf[32];
    gmtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cJSON_AddStringToObject(obj, name, buf);
}

static cJSON *broke_list(int broke)
{
    cJSON *list = cJSON_CreateArray();
    if (broke & EXAM_BROKE_CRITICAL)
        cJSON_AddItemToArray(list, cJSON_CreateString("no_critical"));
    if (broke & EXAM_BROKE_GRADE)
        cJSON_AddItemToArray(list, cJSON_CreateString("min_grade_each"));
    if (broke & EXAM_BROKE_AVERAGE)
        cJSON_AddItemToArray(list, cJSON_CreateString("min_average"));
    return list;
}

static cJSON *rule_json(const ExamPassRule *rule)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "min_grade_each", rule->min_grade_each);
    cJSON_AddNumberToObject(o, "min_average", rule->min_average_centi / 100.0);
    cJSON_AddBoolToObject(o, "no_critical", rule->no_critical);
    return o;
}

char *exam_result_render(const ExamResultInput *in)
{
    const ExamSet *set = in->set;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "skranken-exam-result");
    cJSON_AddNumberToObject(root, "format_version", EXAM_RESULT_FORMAT_VERSION);
    cJSON_AddStringToObject(root, "engine_version", in->engine_version);
    cJSON *exam = cJSON_AddObjectToObject(root, "exam");
    cJSON_AddStringToObject(exam, "id", set->id);
    cJSON_AddStringToObject(exam, "title", set->title);
    cJSON_AddStringToObject(exam, "manifest", set->file_name);
    cJSON_AddStringToObject(exam, "manifest_sha256", set->sha256);
    cJSON_AddNumberToObject(exam, "time_limit_minutes", set->time_limit_minutes);
    cJSON_AddItemToObject(exam, "pass_rule", rule_json(&set->rule));
    cJSON_AddStringToObject(root, "trainee", in->trainee);
    cJSON_AddStringToObject(root, "mode", "exam");

    cJSON *list = cJSON_AddArrayToObject(root, "scenarios");
    for (size_t i = 0; i < set->scenario_count; i++) {
        const ExamResultEntry *e = &in->entries[i];
        const Assessment *a = e->assessment;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", e->id);
        cJSON_AddStringToObject(o, "title", e->title);
        cJSON_AddNumberToObject(o, "seed", (double)e->seed);
        cJSON_AddStringToObject(o, "report", e->report_file);
        cJSON_AddStringToObject(o, "report_sha256", e->report_sha256);
        cJSON_AddNumberToObject(o, "points", a->points);
        cJSON_AddNumberToObject(o, "max", a->max);
        cJSON_AddNumberToObject(o, "grade", a->grade);
        cJSON_AddNumberToObject(o, "points_grade", a->points_grade);
        cJSON_AddBoolToObject(o, "passed", a->passed);
        cJSON_AddNumberToObject(o, "critical_errors", a->criticals);
        cJSON_AddStringToObject(o, "ended_at", e->ended_at);
        cJSON_AddItemToObject(o, "broke", broke_list(exam_scenario_broke(&set->rule, a)));
        cJSON_AddItemToArray(list, o);
    }

    const ExamOutcome *r = in->outcome;
    cJSON *res = cJSON_AddObjectToObject(root, "result");
    cJSON_AddBoolToObject(res, "passed", r->passed);
    cJSON_AddNumberToObject(res, "grade", r->grade);
    cJSON_AddNumberToObject(res, "average", r->average_centi / 100.0);
    cJSON_AddNumberToObject(res, "grade_sum", r->grade_sum);
    cJSON_AddNumberToObject(res, "critical_errors", r->criticals);
    cJSON_AddItemToObject(res, "broke", broke_list(r->broke));

    cJSON *wall = cJSON_AddObjectToObject(root, "wall");
    add_iso_time(wall, "started", in->wall_started);
    add_iso_time(wall, "finished", in->wall_finished);
    cJSON_AddNumberToObject(wall, "duration_ms", (double)in->duration_ms);

    char *text = json_print_text(root);
    cJSON_Delete(root);
    return text;
}

/* ---------------------------------------------------------------- the library */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void exam_library_load(const char *dir, const char *scenarios_dir, ExamLibrary *out)
{
    memset(out, 0, sizeof *out);
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0)
            continue;
        SK_GROW(names, n, cap);
        names[n++] = sk_xstrdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    size_t set_cap = 0;
    for (size_t i = 0; i < n; i++) {
        StrBuf path;
        strbuf_init(&path);
        strbuf_addf(&path, "%s/%s", dir, names[i]);
        char err[1024];
        ExamSet *set = exam_load(path.data, scenarios_dir, err, sizeof err);
        if (set) {
            SK_GROW(out->sets, out->count, set_cap);
            out->sets[out->count++] = set;
        } else {
            strlist_push(&out->errors, err);
        }
        strbuf_free(&path);
        free(names[i]);
    }
    free(names);
}

void exam_library_free(ExamLibrary *lib)
{
    for (size_t i = 0; i < lib->count; i++)
        exam_free(lib->sets[i]);
    free(lib->sets);
    strlist_free(&lib->errors);
    memset(lib, 0, sizeof *lib);
}
