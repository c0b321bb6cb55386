/* Report files from the command line, and a saved report compared field by
 * field with its replay (docs/verify.md). */
#include "report_verify.h"
#include "assess/json_text.h"
#include "core/alloc.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void skip_bom(const char **text, size_t *len)
{
    if (*len >= 3 && memcmp(*text, "\xEF\xBB\xBF", 3) == 0) {
        *text += 3;
        *len -= 3;
    }
}

ReportKind report_kind(const char *text, size_t len)
{
    skip_bom(&text, &len);
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!root)
        return REPORT_KIND_OTHER;
    ReportKind kind = REPORT_KIND_OTHER;
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    if (cJSON_IsObject(root) && cJSON_IsString(format)) {
        if (strcmp(format->valuestring, "skranken-report") == 0)
            kind = REPORT_KIND_REPORT;
        else if (strcmp(format->valuestring, "skranken-exam-result") == 0)
            kind = REPORT_KIND_EXAM_RESULT;
    }
    cJSON_Delete(root);
    return kind;
}

/* ---------------------------------------------------------------- collecting */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect_folder(const char *dir, StrList *files, StrList *problems)
{
    StrBuf sb;
    strbuf_init(&sb);
    DIR *d = opendir(dir);
    if (!d) {
        strbuf_addf(&sb, "%s: kan ikke lese mappen (%s)", dir, strerror(errno));
        strlist_push(problems, sb.data);
        strbuf_free(&sb);
        return;
    }
    StrList found = {0};
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= 5 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        strbuf_clear(&sb);
        size_t dl = strlen(dir);
        strbuf_addf(&sb, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(sb.data, &st) == 0 && S_ISDIR(st.st_mode))
            continue;
        strlist_push(&found, sb.data);
    }
    closedir(d);
    if (found.count == 0) {
        strbuf_clear(&sb);
        strbuf_addf(&sb, "%s: ingen rapporter (*.json) i mappen", dir);
        strlist_push(problems, sb.data);
    }
    if (found.count > 1)
        qsort(found.items, found.count, sizeof *found.items, by_name);
    for (size_t i = 0; i < found.count; i++)
        strlist_push(files, found.items[i]);
    strlist_free(&found);
    strbuf_free(&sb);
}

void report_collect(const char *const *args, size_t count, StrList *files, StrList *problems)
{
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
            collect_folder(args[i], files, problems);
        else
            strlist_push(files, args[i]);
    }
}

/* ---------------------------------------------------------------- where a value is */

/* A path into the saved text: keys, or array indexes. */
#define PATH_MAX_DEPTH 32

typedef struct PathSeg {
    const char *key; /* NULL for an index */
    size_t index;
} PathSeg;

/* Offset of the value at the path in valid JSON text, or (size_t)-1
 * (json_locate, with indexes written as "#n"). */
static size_t locate(const char *text, size_t len, const PathSeg *path, size_t depth)
{
    const char *steps[PATH_MAX_DEPTH];
    char index[PATH_MAX_DEPTH][24];
    if (depth > PATH_MAX_DEPTH)
        return (size_t)-1;
    for (size_t k = 0; k < depth; k++) {
        if (path[k].key) {
            steps[k] = path[k].key;
        } else {
            snprintf(index[k], sizeof index[k], "#%zu", path[k].index);
            steps[k] = index[k];
        }
    }
    return json_locate(text, len, steps, depth);
}

/* The line of the deepest part of the path that is there (0: not even the top). */
static int line_of(const char *text, size_t len, const PathSeg *path, size_t depth)
{
    for (size_t d = depth + 1; d-- > 0;) {
        size_t off = locate(text, len, path, d);
        if (off != (size_t)-1)
            return json_line_at(text, off);
    }
    return 0;
}

int report_value_line(const char *text, size_t len, const char *path)
{
    skip_bom(&text, &len);
    PathSeg segs[PATH_MAX_DEPTH];
    char keys[PATH_MAX_DEPTH][64];
    size_t depth = 0;
    const char *p = path;
    while (*p && depth < PATH_MAX_DEPTH) {
        if (*p == '.') {
            p++;
            continue;
        }
        if (*p == '[') {
            char *end = NULL;
            unsigned long long v = strtoull(p + 1, &end, 10);
            if (!end || *end != ']')
                return 0;
            segs[depth].key = NULL;
            segs[depth].index = (size_t)v;
            depth++;
            p = end + 1;
            continue;
        }
        size_t n = strcspn(p, ".[");
        if (n >= sizeof keys[0])
            return 0;
        memcpy(keys[depth], p, n);
        keys[depth][n] = '\0';
        segs[depth].key = keys[depth];
        segs[depth].index = 0;
        depth++;
        p += n;
    }
    size_t off = locate(text, len, segs, depth);
    return off == (size_t)-1 ? 0 : json_line_at(text, off);
}

/* ---------------------------------------------------------------- comparing */

typedef struct Compare {
    const char *name;
    const char *text; /* the saved report, for line numbers */
    size_t len;
    PathSeg path[PATH_MAX_DEPTH];
    size_t depth;
    size_t max_lines;
    StrList *lines;
    size_t total;
} Compare;

/* Keys come from the saved file: shown without control characters and cut
 * after 60 bytes, so one message stays one line. */
static void add_clean(StrBuf *sb, const char *s, size_t max)
{
    size_t n = strlen(s);
    int cut = n > max;
    if (cut) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
            n--;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        strbuf_addn(sb, ch < 0x20 || ch == 0x7f ? "?" : s + i, 1);
    }
    if (cut)
        strbuf_add(sb, "…");
}

static void path_text(const Compare *c, StrBuf *sb)
{
    for (size_t k = 0; k < c->depth; k++) {
        if (c->path[k].key) {
            if (k)
                strbuf_add(sb, ".");
            add_clean(sb, c->path[k].key, 60);
        } else {
            strbuf_addf(sb, "[%zu]", c->path[k].index);
        }
    }
}

/* A value as it reads in a message: numbers and words as they are, texts in
 * «», cut after 60 bytes at a character boundary; lists and objects by kind. */
static void value_text(const cJSON *v, StrBuf *sb)
{
    if (!v) {
        strbuf_add(sb, "ingenting");
    } else if (cJSON_IsString(v)) {
        strbuf_add(sb, "«");
        add_clean(sb, v->valuestring ? v->valuestring : "", 60);
        strbuf_add(sb, "»");
    } else if (cJSON_IsNumber(v)) {
        strbuf_addf(sb, "%.15g", v->valuedouble);
    } else if (cJSON_IsTrue(v)) {
        strbuf_add(sb, "true");
    } else if (cJSON_IsFalse(v)) {
        strbuf_add(sb, "false");
    } else if (cJSON_IsNull(v)) {
        strbuf_add(sb, "null");
    } else {
        strbuf_add(sb, json_type_name(v));
    }
}

enum { DIFF_VALUE, DIFF_MISSING, DIFF_EXTRA, DIFF_TWICE, DIFF_LENGTH };

static void record(Compare *c, int kind, const cJSON *saved, const cJSON *replayed,
                   size_t have, size_t want)
{
    c->total++;
    if (c->lines->count >= c->max_lines)
        return;
    StrBuf sb;
    strbuf_init(&sb);
    int line = line_of(c->text, c->len, c->path, c->depth);
    if (line > 0)
        strbuf_addf(&sb, "%s:%d: ", c->name, line);
    else
        strbuf_addf(&sb, "%s: ", c->name);
    path_text(c, &sb);
    switch (kind) {
    case DIFF_VALUE:
        strbuf_add(&sb, " er ");
        value_text(saved, &sb);
        strbuf_add(&sb, " i rapporten, men avspillingen gir ");
        value_text(replayed, &sb);
        break;
    case DIFF_MISSING:
        strbuf_add(&sb, " mangler i rapporten (avspillingen gir ");
        value_text(replayed, &sb);
        strbuf_add(&sb, ")");
        break;
    case DIFF_EXTRA:
        strbuf_add(&sb, " finnes i rapporten, men ikke i avspillingen");
        break;
    case DIFF_TWICE:
        strbuf_addf(&sb, " står %zu ganger i rapporten, men %zu %s i avspillingen", have, want,
                    want == 1 ? "gang" : "ganger");
        break;
    case DIFF_LENGTH:
        strbuf_addf(&sb, " har %zu %s i rapporten, men avspillingen gir %zu", have,
                    have == 1 ? "element" : "elementer", want);
        break;
    }
    strlist_push(c->lines, sb.data);
    strbuf_free(&sb);
}

/* Fields that are not compared at this place (see report_compare). */
static int ignored(const Compare *c, const char *key)
{
    if (c->depth == 0)
        return strcmp(key, "wall") == 0 || strcmp(key, "engine_version") == 0;
    if (c->depth == 2 && c->path[0].key && strcmp(c->path[0].key, "goals") == 0 &&
        !c->path[1].key)
        return strcmp(key, "subject") == 0 || strcmp(key, "title") == 0 ||
               strcmp(key, "working_paraphrase") == 0 || strcmp(key, "official") == 0;
    return 0;
}

static int push_key(Compare *c, const char *key)
{
    if (c->depth >= PATH_MAX_DEPTH)
        return -1;
    c->path[c->depth].key = key;
    c->path[c->depth].index = 0;
    c->depth++;
    return 0;
}

static int push_index(Compare *c, size_t index)
{
    if (c->depth >= PATH_MAX_DEPTH)
        return -1;
    c->path[c->depth].key = NULL;
    c->path[c->depth].index = index;
    c->depth++;
    return 0;
}

static void compare_value(Compare *c, const cJSON *saved, const cJSON *replayed);

static size_t count_key(const cJSON *obj, const char *key, const cJSON *stop)
{
    size_t n = 0;
    for (const cJSON *e = obj->child; e && e != stop; e = e->next)
        n += e->string && strcmp(e->string, key) == 0;
    return n;
}

static const cJSON *next_with_key(const cJSON *from, const char *key)
{
    while (from && !(from->string && strcmp(from->string, key) == 0))
        from = from->next;
    return from;
}

/* The replay's objects have a handful of keys, the saved ones may have any
 * number (a hostile file): every loop here is (saved keys) × (replayed keys).
 * A key the replay itself has twice (an action's own "text" field beside the
 * timeline's "text") is compared occurrence by occurrence. */
static void compare_object(Compare *c, const cJSON *saved, const cJSON *replayed)
{
    for (const cJSON *r = replayed->child; r; r = r->next) {
        if (!r->string || ignored(c, r->string) || count_key(replayed, r->string, r) > 0)
            continue;
        size_t want = count_key(replayed, r->string, NULL);
        size_t have = count_key(saved, r->string, NULL);
        if (push_key(c, r->string) != 0)
            return;
        if (have == 0) {
            record(c, DIFF_MISSING, NULL, r, 0, 0);
        } else if (have != want) {
            record(c, DIFF_TWICE, NULL, NULL, have, want);
        } else {
            const cJSON *s = next_with_key(saved->child, r->string);
            for (const cJSON *e = r; e && s;
                 e = next_with_key(e->next, r->string), s = next_with_key(s->next, r->string))
                compare_value(c, s, e);
        }
        c->depth--;
    }
    for (const cJSON *s = saved->child; s; s = s->next) {
        if (!s->string || ignored(c, s->string) ||
            cJSON_GetObjectItemCaseSensitive(replayed, s->string))
            continue;
        if (push_key(c, s->string) != 0)
            return;
        record(c, DIFF_EXTRA, s, NULL, 0, 0);
        c->depth--;
    }
}

static void compare_array(Compare *c, const cJSON *saved, const cJSON *replayed)
{
    size_t have = 0, want = 0;
    for (const cJSON *e = saved->child; e; e = e->next)
        have++;
    for (const cJSON *e = replayed->child; e; e = e->next)
        want++;
    if (have != want)
        record(c, DIFF_LENGTH, NULL, NULL, have, want);
    size_t i = 0;
    for (const cJSON *s = saved->child, *r = replayed->child; s && r;
         s = s->next, r = r->next, i++) {
        if (push_index(c, i) != 0)
            return;
        compare_value(c, s, r);
        c->depth--;
    }
}

static void compare_value(Compare *c, const cJSON *saved, const cJSON *replayed)
{
    int st = saved->type & 0xff, rt = replayed->type & 0xff;
    if (st != rt) {
        record(c, DIFF_VALUE, saved, replayed, 0, 0);
    } else if (cJSON_IsObject(saved)) {
        compare_object(c, saved, replayed);
    } else if (cJSON_IsArray(saved)) {
        compare_array(c, saved, replayed);
    } else if (cJSON_IsString(saved)) {
        if (strcmp(saved->valuestring ? saved->valuestring : "",
                   replayed->valuestring ? replayed->valuestring : "") != 0)
            record(c, DIFF_VALUE, saved, replayed, 0, 0);
    } else if (cJSON_IsNumber(saved)) {
        if (saved->valuedouble != replayed->valuedouble)
            record(c, DIFF_VALUE, saved, replayed, 0, 0);
    }
    /* true, false and null are equal when their types are */
}

int report_compare(const char *name, const char *saved, size_t saved_len, const char *replayed,
                   size_t replayed_len, size_t max_lines, StrList *lines, size_t *total,
                   char *err, size_t errsize)
{
    *total = 0;
    skip_bom(&saved, &saved_len);
    cJSON *a = cJSON_ParseWithLength(saved, saved_len);
    cJSON *b = cJSON_ParseWithLength(replayed, replayed_len);
    if (!a || !b) {
        snprintf(err, errsize, "%s: ikke gyldig JSON%s", a ? "avspillingen" : name,
                 a ? " (feil i Skranken)" : "");
        cJSON_Delete(a);
        cJSON_Delete(b);
        return -1;
    }
    Compare c;
    memset(&c, 0, sizeof c);
    c.name = name;
    c.text = saved;
    c.len = saved_len;
    c.max_lines = max_lines;
    c.lines = lines;
    compare_value(&c, a, b);
    *total = c.total;
    cJSON_Delete(a);
    cJSON_Delete(b);
    return 0;
}
